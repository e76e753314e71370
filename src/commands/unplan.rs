//! `notes unplan REF…`: take planned talks out of the journal.

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Session, Status};
use crate::render::words::status_label;
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes unplan c3fc         # no longer planned: the copy leaves your journal
  notes unplan 6d33 c3fc

Only a planned talk with nothing of yours in it (notes, verdict, tags, links of
your own) is removed; otherwise nothing changes and the error says what to do.";

/// Take planned talks out of your plan
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct UnplanArgs {
    /// Talk references from `notes list --schedule`
    #[arg(required = true, value_name = "REF")]
    refs: Vec<String>,
}

pub fn run(args: UnplanArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let talks = ctx.programme_talks(&slug, &args.refs)?;
    // All or nothing: every talk is checked before any is removed.
    let removed = ctx.update_event(&slug, |doc| {
        let mut ids = Vec::new();
        for talk in &talks {
            let linked = match talk.schedule_id.as_deref() {
                Some(schedule_id) => doc.session_linked_to(schedule_id)?,
                None => None,
            };
            let session = linked.ok_or_else(|| {
                let title = sanitize_line(&talk.title);
                Error::user(|lang| messages::not_planned(lang, &title), |_| "notes list --status planned".to_string())
            })?;
            check_removable(&session, talk)?;
            ids.push(doc.remove_session(session.id)?.id);
        }
        Ok(ids)
    })?;
    for id in &removed {
        ctx.forget_session(&slug, *id)?;
    }
    let lang = ctx.lang();
    let lines: Vec<String> =
        talks.iter().zip(&removed).map(|(t, id)| messages::unplanned(lang, *id, &sanitize_line(&t.title))).collect();
    ctx.ui.print(&lines.join("\n"))
}

/// A planned session is removed only if it is the programme's copy and
/// nothing more.
fn check_removable(session: &Session, talk: &Session) -> Result<()> {
    let id = session.id;
    let title = sanitize_line(&session.title);
    if session.status != Status::Planned {
        let status = session.status;
        return Err(Error::user(
            |lang| messages::has_status_not_planned(lang, id, &title, status_label(status, lang)),
            |lang| messages::hint_change_status(lang, id),
        ));
    }
    let yours = !session.notes.trim().is_empty()
        || session.verdict.is_some()
        || !session.tags.is_empty()
        || session.links.iter().any(|l| !talk.links.contains(l));
    if yours {
        return Err(Error::user(
            |lang| messages::holds_yours(lang, id, &title),
            |lang| messages::hint_rm_or_missed(lang, id),
        ));
    }
    Ok(())
}
