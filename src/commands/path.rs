//! `notes path`: where things live. Reads nothing, so it works with a
//! broken config, clock or journal: it is how a user finds them.

use clap::Args;

use crate::context::Context;
use crate::error::Result;

/// Show where the journal and the configuration live
#[derive(Debug, Args)]
pub struct PathArgs {}

pub fn run(_args: PathArgs, ctx: &mut Context) -> Result<()> {
    ctx.ui.print(&format!("journal: {}\nconfig:  {}", ctx.journal_dir().display(), ctx.config_path().display()))
}
