//! End-to-end tests: the built `notes` binary on temporary journals.
#![allow(clippy::unwrap_used)]

mod common;

mod bad_input;
mod commands;
mod completions;
mod concurrency;
mod derived;
mod example_journal;
mod export;
mod export_ics;
mod faults;
mod french;
mod fuzz_checks;
mod hand_edits;
mod help;
mod hostile;
mod hugo;
mod human_time;
mod import;
mod interactive;
mod journal_index;
mod man;
mod model;
mod photos;
mod properties;
mod read_back;
mod recaps;
mod reliability;
mod tables;
mod team;
mod whole_journal;
