//! `notes`: a conference journal kept as TOML, with a command line to add,
//! jot, list, filter and export notes.
//!
//! [`run`] turns parsed arguments into a [`commands::Context`] and runs the
//! command; `main` only prints errors and exits.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod error;
pub mod import;
pub mod model;
pub mod prompt;
pub mod query;
pub mod render;
pub mod store;
pub mod ui;

use cli::{Cli, ColorChoice, LangArg};
use error::Result;
use model::Lang;
use prompt::{NoPrompt, Prompt, TerminalPrompt};
use store::{Config, Journal, paths};

/// Runs one invocation of the tool.
pub fn run(cli: Cli) -> Result<()> {
    let config_path = paths::config_file();
    let config = match Config::load(&config_path) {
        Ok(config) => config,
        // `notes path` is how a user finds the broken file.
        Err(_) if cli.command.works_without_config() => Config::default(),
        Err(err) => return Err(err),
    };
    let lang = resolve_lang(cli.lang, &config);
    let ui = ui::Ui { color: use_color(cli.color), width: terminal_width() };
    let prompt: Box<dyn Prompt> =
        if !cli.no_input && ui::can_prompt() { Box::new(TerminalPrompt::new()) } else { Box::new(NoPrompt) };
    let journal = Journal::new(cli.dir.unwrap_or_else(paths::default_journal_dir));
    journal.check()?;
    let mut ctx = commands::Context {
        journal,
        vocabulary: config.vocabulary(),
        config,
        config_path,
        now: clock::now()?,
        lang,
        ui,
        prompt,
        event_flag: cli.event,
        state: std::cell::OnceCell::new(),
    };
    commands::run(cli.command, &mut ctx)
}

/// `--lang`, else `lang` in config, else the locale, else English.
fn resolve_lang(flag: Option<LangArg>, config: &Config) -> Lang {
    if let Some(flag) = flag {
        return match flag {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        };
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
    config.lang.as_deref().and_then(Lang::parse).or_else(|| locale.as_deref().and_then(Lang::parse)).unwrap_or_default()
}

/// Colour on stderr: `--color`, `NO_COLOR`, and whether stderr is a terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && ui::stderr_is_terminal(),
    }
}

/// `COLUMNS` when set (tests, narrow panes), else the terminal's width;
/// `None` in a pipe, where tables are not cut.
fn terminal_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok());
    let terminal = || {
        use std::io::IsTerminal;
        std::io::stdout().is_terminal().then(|| console::Term::stdout().size().1)
    };
    columns.or_else(terminal).filter(|w| *w > 20)
}
