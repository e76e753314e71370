//! `notes rm ID`.

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::Session;
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
    let confirmed = match args.yes {
        true => None,
        false => match confirm(&slug, args.id, ctx)? {
            Some(shown) => Some(shown),
            None => return ctx.ui.print(&format!("Kept #{}.", args.id)),
        },
    };
    let deleted = ctx.update_event(&slug, |doc| {
        // The question may have waited a while: delete what was shown, or nothing.
        if let Some(shown) = &confirmed
            && doc.session(args.id)? != *shown
        {
            return Err(Error::user(
                format!("#{} changed while you were asked; nothing was deleted", args.id),
                format!("look again with `notes show {}`", args.id),
            ));
        }
        doc.remove_session(args.id)
    })?;
    ctx.forget_session(&slug, args.id)?;
    ctx.ui.print(&format!("Deleted #{} {}", args.id, sanitize_line(&deleted.title)))
}

/// Asks whether to delete session `id`: the session as it was shown, or
/// `None` when the answer is no (not an error: the person chose).
fn confirm(slug: &str, id: u32, ctx: &mut Context) -> Result<Option<Session>> {
    let session = ctx.journal()?.load(slug)?.session(id)?.clone();
    if !ctx.can_prompt() {
        return Err(Error::usage(
            format!("refusing to delete #{id} without confirmation (no terminal)"),
            format!("notes rm {id} --yes"),
        ));
    }
    let question = format!("Delete #{id} {} and its notes?", sanitize_line(&session.title));
    Ok(ctx.prompt().confirm(&question, false)?.then_some(session))
}
