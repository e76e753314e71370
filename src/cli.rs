//! The command line: [`Cli`] and its global options, as clap definitions
//! only. Each command's arguments live with the command, in `commands/`,
//! and the fragments several commands share in `args.rs`.

use std::path::PathBuf;

use clap::{CommandFactory, Parser, ValueEnum};

use crate::commands;
use crate::complete::Values;
use crate::model::Lang;

const AFTER_HELP: &str = "\
A conference day:
  notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22 \\
      --location Paris --tz Europe/Paris
  notes add \"Multi-cluster with Cilium\" -s \"Liz Rice (Isovalent)\" -t ebpf
  notes jot \"Cluster mesh: CIDRs must not overlap\"
  notes verdict \"à tester\"
  notes list --day 2
  notes filter cilium

Environment:
  NOTES_DIR      journal directory (like --dir)
  NOTES_CONFIG   configuration file (default: see `notes path`)
  NOTES_NOW      the current time, RFC 3339 (to replay a day, or in tests)
  VISUAL, EDITOR editor for `notes edit`
  NO_COLOR       disables colours
  COLUMNS        width of tables and text (like --width)

Exit codes:
  0    success (an empty list too)
  1    error in data or input
  2    usage error
  130  cancelled at a prompt";

/// Take notes at conferences and turn them into blog posts.
#[derive(Debug, Parser)]
#[command(name = "notes", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// Journal directory [default: the platform data directory, see `notes path`] [env: NOTES_DIR]
    // `NOTES_DIR` is read by `context::journal_dir`, not through clap's
    // `env`: clap counts a value from the environment as typed, and wrote
    // `--dir <DIR>` into the usage line of every error whenever it was set.
    #[arg(long, global = true, value_name = "DIR", help_heading = "Global options")]
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

    /// Fit tables and text to N columns, 0 for no limit [default: COLUMNS, else the terminal's]
    #[arg(long, global = true, value_name = "N", help_heading = "Global options")]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: commands::Command,
}

/// The arguments whose values the shell completes from the journal: the
/// subcommand path, the argument's id, what it completes. Options named
/// `kind`, `status` and `verdict` complete their values wherever they are
/// (see [`completing`]); value enums (`--lang`, `--clear`…) complete by
/// themselves, and paths as paths.
const COMPLETED: &[(&[&str], &str, Values)] = &[
    (&[], "event", Values::Events),
    (&["event", "use"], "slug", Values::Events),
    (&["event", "show"], "slug", Values::Events),
    (&["plan"], "refs", Values::References),
    (&["unplan"], "refs", Values::PlannedReferences),
    (&["jot"], "id", Values::Sessions),
    (&["attach"], "id", Values::Sessions),
    (&["verdict"], "words", Values::VerdictWords),
    (&["show"], "id", Values::SessionsAndReferences),
    (&["edit"], "id", Values::Sessions),
    (&["rm"], "id", Values::Sessions),
];

/// The command line with its completers, for clap_complete's dynamic
/// engine (`COMPLETE=bash notes`): built only when a shell asks.
pub fn completing() -> clap::Command {
    let command = COMPLETED
        .iter()
        .fold(Cli::command(), |command, (path, id, values)| on_arg(command, path, id, &|arg| values.attach(arg)));
    everywhere(command)
}

/// `command` with the argument `id` of the subcommand at `path` changed by
/// `change`, in place (the order of arguments and subcommands is kept).
fn on_arg(command: clap::Command, path: &[&str], id: &str, change: &dyn Fn(clap::Arg) -> clap::Arg) -> clap::Command {
    match path.split_first() {
        Some((name, rest)) => {
            command.mut_subcommands(|sub| if sub.get_name() == *name { on_arg(sub, rest, id, change) } else { sub })
        }
        None => command.mut_args(|arg| if arg.get_id() == id { change(arg) } else { arg }),
    }
}

/// The options `--kind`, `--status` and `--verdict` of every subcommand.
fn everywhere(command: clap::Command) -> clap::Command {
    command
        .mut_args(|arg| match arg.get_id().as_str() {
            _ if arg.is_positional() => arg,
            "kind" => Values::Kinds.attach(arg),
            "status" => Values::Statuses.attach(arg),
            "verdict" => Values::Verdicts.attach(arg),
            _ => arg,
        })
        .mut_subcommands(everywhere)
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
        completing().debug_assert();
    }

    /// Every argument the table names exists: a renamed one would
    /// silently stop completing.
    #[test]
    fn every_completed_argument_exists() {
        let cli = Cli::command();
        for (path, id, _) in COMPLETED {
            let command = path.iter().fold(&cli, |command, name| {
                command.find_subcommand(name).unwrap_or_else(|| panic!("no subcommand {path:?}"))
            });
            assert!(command.get_arguments().any(|arg| arg.get_id() == *id), "no argument {id} in {path:?}");
        }
    }
}
