//! `notes`: a conference journal kept as TOML, with a command line to add,
//! jot, list, filter and export notes.
//!
//! [`run`] turns parsed arguments into a [`context::Context`] and runs the
//! command; `main` only prints errors and exits. `docs/architecture.md`
//! draws the floors and what each may import.

pub mod args;
pub mod checks;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod complete;
pub mod context;
pub mod editor;
pub mod error;
pub mod import;
pub mod media;
pub mod messages;
pub mod model;
pub mod prompt;
pub mod query;
pub mod render;
pub mod store;
pub mod ui;

use clap::CommandFactory;

use cli::{Cli, ColorChoice};
use context::{Context, Settings};
use error::Result;
use model::Lang;
use store::paths;

/// Runs one invocation of the tool, and says in which language to report
/// its outcome (`--lang`, config, locale: a broken config leaves the
/// others). Nothing is read here: the context reads the config, the clock
/// and the journal when a command first needs them.
pub fn run(cli: Cli) -> (Result<()>, Lang) {
    let settings = Settings {
        journal_dir: context::journal_dir(cli.dir),
        config_path: paths::config_file(),
        lang: cli.lang.map(Into::into),
        event: cli.event,
        no_input: cli.no_input,
        ui: ui::Ui { color: use_color(cli.color), width: output_width(cli.width), quiet: false },
        app: Cli::command,
    };
    let mut ctx = Context::new(settings);
    let result = commands::run(cli.command, &mut ctx);
    (result, ctx.lang())
}

/// Colour on stderr: `--color`, `NO_COLOR`, and whether stderr is a terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && ui::stderr_is_terminal(),
    }
}

/// The width tables and text are fitted to: `--width` (0 for no limit),
/// else `COLUMNS` when set (tests, narrow panes), else the terminal's, also
/// when stdout is a pipe to a pager ([`ui::terminal_width`]); `None`
/// without a terminal, where nothing is cut.
fn output_width(flag: Option<u16>) -> Option<u16> {
    if let Some(width) = flag {
        return (width > 0).then_some(width);
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok());
    columns.or_else(ui::terminal_width).filter(|w| *w > 20)
}
