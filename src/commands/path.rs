//! `notes path`: where things live. Reads nothing, so it works with a
//! broken config, clock or journal: it is how a user finds them.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::ui::sanitize_line;

/// Show where the journal and the configuration live
#[derive(Debug, Args)]
pub struct PathArgs {}

pub fn run(_args: PathArgs, ctx: &mut Context) -> Result<()> {
    // Paths come from the environment: shown like any text from outside.
    let (journal, config) = (ctx.journal_dir().display().to_string(), ctx.config_path().display().to_string());
    ctx.ui.print(&format!("journal: {}\nconfig:  {}", sanitize_line(&journal), sanitize_line(&config)))
}
