//! `notes man`: the man pages, from the clap definitions: the top page on
//! stdout, or one page per command and subcommand written to a directory.

use std::path::{Path, PathBuf};

use clap::{Args, ValueHint};

use crate::context::Context;
use crate::error::{Error, Result, stdout_error};
use crate::messages;
use crate::store::write_output;

const AFTER_HELP: &str = "\
Examples:
  notes man > ~/.local/share/man/man1/notes.1
  notes man --output-dir ~/.local/share/man/man1   # then: man notes-export-md

--output-dir writes notes.1 and a page per subcommand (notes-add.1,
notes-event-add.1, notes-export-md.1…), replacing those already there.";

/// Print the man page (roff), or write every page to a directory
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ManArgs {
    /// Write notes.1 and one page per subcommand into DIR (created if needed)
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    output_dir: Option<PathBuf>,
}

pub fn run(args: ManArgs, ctx: &mut Context) -> Result<()> {
    // The pages name each other (`notes-event(1)`): clap's own `help`
    // subcommand has no page, so no page names it.
    let mut app = ctx.app().disable_help_subcommand(true);
    app.build();
    let Some(dir) = args.output_dir else {
        let page = render(&app, &app)?;
        return std::io::Write::write_all(&mut std::io::stdout(), &page).map_err(stdout_error);
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(messages::cannot_create_dir, &dir, e))?;
    let written = write_pages(&app, &app, &dir)?;
    ctx.ui.status(&messages::wrote_man_pages(ctx.lang(), written, &dir.display().to_string()));
    Ok(())
}

/// Writes the page of `command` and of each of its subcommands, depth
/// first; returns how many.
fn write_pages(top: &clap::Command, command: &clap::Command, dir: &Path) -> Result<usize> {
    let name = command.get_display_name().unwrap_or_else(|| command.get_name());
    let path = dir.join(format!("{name}.1"));
    write_output(&path, &render(top, command)?)?;
    let mut written = 1;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        written += write_pages(top, sub, dir)?;
    }
    Ok(written)
}

/// The page of `command` (built as part of `top`, so that it knows its
/// full name, `notes-event-add`), its source naming the tool and version.
fn render(top: &clap::Command, command: &clap::Command) -> Result<Vec<u8>> {
    let source = format!("notes {}", top.get_version().unwrap_or_default());
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).source(source).render(&mut out).map_err(stdout_error)?;
    Ok(out)
}
