//! `notes completions SHELL` and `notes man`, both from the clap definitions.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::commands::Context;
use crate::error::{Result, stdout_error};

#[derive(Debug, Args)]
#[command(after_help = "Example:\n  notes completions bash > ~/.local/share/bash-completion/completions/notes")]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    shell: Shell,
}

pub fn run(args: CompletionsArgs, _ctx: &mut Context) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "notes", &mut out);
    std::io::Write::write_all(&mut std::io::stdout(), &out).map_err(stdout_error)
}

pub fn man(_ctx: &mut Context) -> Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out).map_err(stdout_error)?;
    std::io::Write::write_all(&mut std::io::stdout(), &out).map_err(stdout_error)
}
