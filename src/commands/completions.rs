//! `notes completions SHELL`: the shell's registration script for
//! clap_complete's dynamic completions, the one `COMPLETE=SHELL notes`
//! prints. At each Tab the script runs `notes` again, which answers from
//! the clap definitions and the journal (`crate::complete`).

use std::path::PathBuf;

use clap::Args;
use clap_complete::Shell;
use clap_complete::env::Shells;

use crate::context::Context;
use crate::error::{Error, Result, stdout_error};
use crate::messages;

const AFTER_HELP: &str = "\
Install, once (the script asks notes for the values at each Tab):
  echo 'source <(COMPLETE=bash notes)' >> ~/.bashrc
  echo 'source <(COMPLETE=zsh notes)' >> ~/.zshrc          # after compinit
  echo 'COMPLETE=fish notes | source' > ~/.config/fish/completions/notes.fish

This prints the script that `COMPLETE=SHELL notes` prints; a script saved to a
file is best made again after an upgrade. Tab completes commands and options,
and from your journal: verdicts, kinds, statuses, event slugs, the ids of the
event's sessions and the references of its programme, with their titles where
the shell shows them (zsh, fish).";

/// Print the shell completion script (values come from your journal)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    shell: Shell,
}

pub fn run(args: CompletionsArgs, _ctx: &mut Context) -> Result<()> {
    let name = args.shell.to_string();
    let shells = Shells::builtins();
    let shell = shells.completer(&name).ok_or_else(|| {
        Error::usage(|lang| messages::no_completion_script(lang, &name), messages::hint_completion_shells)
    })?;
    let mut out = Vec::new();
    shell.write_registration("COMPLETE", "notes", "notes", &completer(), &mut out).map_err(stdout_error)?;
    std::io::Write::write_all(&mut std::io::stdout(), &out).map_err(stdout_error)
}

/// The program the script calls, as clap_complete names it for
/// `COMPLETE=SHELL notes`: this one as it was started, made absolute when
/// started by a path (`./target/release/notes`), else found on `PATH`.
fn completer() -> String {
    let started = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| "notes".into()));
    let completer = match std::env::current_dir() {
        Ok(dir) if started.components().count() > 1 => dir.join(started),
        _ => started,
    };
    completer.to_string_lossy().into_owned()
}
