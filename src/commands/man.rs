//! `notes man`: the man page, from the clap definitions.

use clap::Args;

use crate::context::Context;
use crate::error::{Result, stdout_error};

/// Print the man page (roff)
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  notes man > ~/.local/share/man/man1/notes.1")]
pub struct ManArgs {}

pub fn run(_args: ManArgs, ctx: &mut Context) -> Result<()> {
    let mut out = Vec::new();
    clap_mangen::Man::new(ctx.app()).render(&mut out).map_err(stdout_error)?;
    std::io::Write::write_all(&mut std::io::stdout(), &out).map_err(stdout_error)
}
