//! `notes path`: where things live.

use crate::commands::Context;
use crate::error::Result;

pub fn run(ctx: &mut Context) -> Result<()> {
    ctx.ui.print(&format!("journal: {}\nconfig:  {}", ctx.journal.dir().display(), ctx.config_path.display()))
}
