//! The command line, as clap definitions only. Each command's arguments live
//! with the command, in `commands/`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, ValueEnum};

use crate::commands;
use crate::error::Error;
use crate::model::{Kind, Status, storable};

const AFTER_HELP: &str = "\
A conference day:
  notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22 --location Paris --tz Europe/Paris
  notes add \"Simplifying multi-cluster deployments with Cilium\" -s \"Liz Rice (Isovalent)\" -t ebpf --room \"Hall 7\"
  notes jot \"Cluster mesh: CIDRs must not overlap\"
  notes verdict \"à tester\"
  notes list --day 2
  notes filter cilium

Environment:
  NOTES_DIR      journal directory (like --dir)
  NOTES_CONFIG   configuration file (default: config.toml in the platform config directory)
  NOTES_NOW      the current time, RFC 3339 (to replay a day, or in tests)
  VISUAL, EDITOR editor for `notes edit`
  NO_COLOR       disables colours

Exit codes:
  0 success (an empty list too), 1 error in data or input, 2 usage error, 130 cancelled at a prompt";

/// Take notes at conferences and turn them into blog posts.
#[derive(Debug, Parser)]
#[command(name = "notes", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// Journal directory [default: the platform data directory, see `notes path`]
    #[arg(
        long,
        global = true,
        env = "NOTES_DIR",
        hide_env_values = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub dir: Option<PathBuf>,

    /// Event to work on (its slug) instead of the current one
    #[arg(long, short = 'e', global = true, value_name = "SLUG", help_heading = "Global options")]
    pub event: Option<String>,

    /// Language of the output [default: config, then $LANG, then en]
    #[arg(long, global = true, value_enum, help_heading = "Global options")]
    pub lang: Option<LangArg>,

    /// When to use colours
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, help_heading = "Global options")]
    pub color: ColorChoice,

    /// Never prompt; fail when a value is missing
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_input: bool,

    #[command(subcommand)]
    pub command: commands::Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The filters shared by `list`, `filter` and `export`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only this day (repeat for several)
    #[arg(short, long, value_name = "N", value_parser = parse_day)]
    pub day: Vec<u32>,

    /// Only this kind: keynote, talk, panel, lightning, workshop, bof, demo, sponsor, networking, other
    #[arg(short, long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Vec<Kind>,

    /// Only this verdict (key or label: meh, "à tester"…)
    #[arg(short, long, value_name = "VERDICT")]
    pub verdict: Vec<String>,

    /// Only this status: attended, planned, missed, replay
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Vec<Status>,

    /// Only sessions with this tag
    #[arg(short, long, value_name = "TAG")]
    pub tag: Vec<String>,

    /// Only sessions by this speaker (part of a name or organisation)
    #[arg(short, long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only sessions whose title, speakers, tags or notes contain these words
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

pub fn parse_kind(input: &str) -> Result<Kind, Error> {
    input.parse()
}

pub fn parse_status(input: &str) -> Result<Status, Error> {
    input.parse()
}

pub fn parse_date(input: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").ok().and_then(storable).ok_or_else(|| Error::BadValue {
        what: "date",
        input: input.to_string(),
        expected: "YYYY-MM-DD, e.g. 2024-03-19",
    })
}

pub fn parse_day(input: &str) -> Result<u32, Error> {
    input.trim().parse::<u32>().ok().filter(|d| *d >= 1).ok_or_else(|| Error::BadValue {
        what: "day",
        input: input.to_string(),
        expected: "a day number, 1 for the first day",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}

/// A time given on the command line: `11:00` on the session's day, or a
/// full date and time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeArg {
    Clock(chrono::NaiveTime),
    Local(chrono::NaiveDateTime),
    Fixed(chrono::DateTime<chrono::FixedOffset>),
}

pub fn parse_time(input: &str) -> Result<TimeArg, Error> {
    let input = input.trim();
    let clock =
        ["%H:%M", "%Hh%M", "%Hh", "%H:%M:%S"].iter().find_map(|f| chrono::NaiveTime::parse_from_str(input, f).ok());
    if let Some(time) = clock {
        return Ok(TimeArg::Clock(time));
    }
    if let Some(at) = chrono::DateTime::parse_from_rfc3339(input).ok().and_then(storable) {
        return Ok(TimeArg::Fixed(at));
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(input, f).ok().and_then(storable))
        .map(TimeArg::Local)
        .ok_or_else(|| Error::BadValue {
            what: "time",
            input: input.to_string(),
            expected: "HH:MM (on the session's day) or YYYY-MM-DDTHH:MM",
        })
}
