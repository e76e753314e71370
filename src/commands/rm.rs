//! `notes rm ID`.

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::ui::sanitize_line;

/// Delete a session
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  notes rm 12          # asks first on a terminal\n  notes rm 12 --yes")]
pub struct RmArgs {
    /// The session to delete
    id: u32,

    /// Do not ask for confirmation
    #[arg(short, long)]
    yes: bool,
}

pub fn run(args: RmArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let file = ctx.journal()?.load(&slug)?;
    let title = file.session(args.id)?.title.clone();
    if !args.yes {
        if !ctx.can_prompt() {
            return Err(Error::usage(
                format!("refusing to delete #{} without confirmation (no terminal)", args.id),
                format!("notes rm {} --yes", args.id),
            ));
        }
        let question = format!("Delete #{} {} and its notes?", args.id, sanitize_line(&title));
        if !ctx.prompt().confirm(&question, false)? {
            return Err(Error::Cancelled);
        }
    }
    ctx.update_event(&slug, |doc| doc.remove_session(args.id))?;
    ctx.forget_session(&slug, args.id)?;
    ctx.ui.print(&format!("Deleted #{} {}", args.id, sanitize_line(&title)))
}
