//! An event file read both ways notes reads one, then changed the way
//! `add`, `jot` and `day` change it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| notes::checks::event_file(text));
