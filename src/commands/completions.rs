//! `notes completions SHELL`, from the clap definitions.

use clap::Args;
use clap_complete::Shell;

use crate::context::Context;
use crate::error::{Result, stdout_error};

/// Print shell completions
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  notes completions bash > ~/.local/share/bash-completion/completions/notes")]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    shell: Shell,
}

pub fn run(args: CompletionsArgs, ctx: &mut Context) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut ctx.app(), "notes", &mut out);
    std::io::Write::write_all(&mut std::io::stdout(), &out).map_err(stdout_error)
}
