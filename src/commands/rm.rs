//! `notes rm ID`.

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
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
            None => return ctx.ui.print(&messages::kept(ctx.lang(), args.id)),
        },
    };
    let deleted = ctx.update_event(&slug, |doc| {
        // The question may have waited a while: delete what was shown, or nothing.
        if let Some(shown) = &confirmed
            && doc.session(args.id)? != *shown
        {
            return Err(Error::user(
                |lang| messages::changed_while_asked(lang, args.id),
                |lang| messages::hint_look_again(lang, args.id),
            ));
        }
        doc.remove_session(args.id)
    })?;
    ctx.forget_session(&slug, args.id)?;
    ctx.ui.print(&messages::deleted(ctx.lang(), args.id, &sanitize_line(&deleted.title)))
}

/// Asks whether to delete session `id`: the session as it was shown, or
/// `None` when the answer is no (not an error: the person chose).
fn confirm(slug: &str, id: u32, ctx: &mut Context) -> Result<Option<Session>> {
    let session = ctx.journal()?.load(slug)?.session(id)?.clone();
    if !ctx.can_prompt() {
        return Err(Error::usage(|lang| messages::refusing_to_delete(lang, id), |_| format!("notes rm {id} --yes")));
    }
    let question = messages::confirm_delete(ctx.lang(), id, &sanitize_line(&session.title));
    Ok(ctx.prompt().confirm(&question, false)?.then_some(session))
}
