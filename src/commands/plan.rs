//! `notes plan REF…`: mark talks of the schedule to see.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::model::{Session, Status};
use crate::render::time_range;
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes list --schedule --day 2        # the schedule, each talk's reference
  notes plan 6d33 c3fc                 # into your journal, status planned
  notes list --status planned --day 2  # tomorrow's plan
  notes unplan c3fc                    # changed your mind

A reference is any unique start of the talk's schedule id, as
`notes list --schedule` shows it. Two planned talks at the same time are
allowed, with a warning.";

/// Mark scheduled talks you want to see (copied into your journal)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct PlanArgs {
    /// Talk references from `notes list --schedule`
    #[arg(required = true, value_name = "REF")]
    refs: Vec<String>,
}

pub fn run(args: PlanArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let talks = ctx.programme_talks(&slug, &args.refs)?;
    let lang = ctx.lang();
    let mut lines = Vec::new();
    let mut planned = Vec::new();
    for talk in &talks {
        // Planning is not being there: the current session stays.
        let (id, before) = ctx.update_event(&slug, |doc| {
            let before = match talk.schedule_id.as_deref() {
                Some(schedule_id) => doc.session_linked_to(schedule_id)?.map(|s| s.status),
                None => None,
            };
            let (id, _) = doc.pick(talk, Status::Planned, |_, _| Ok(()))?;
            Ok((id, before))
        })?;
        let title = sanitize_line(&talk.title);
        lines.push(match before {
            Some(Status::Attended) => messages::already_attended(lang, id, &title),
            Some(Status::Planned) => messages::already_planned(lang, id, &title),
            _ => messages::planned(lang, id, &title),
        });
        planned.push(id);
    }
    ctx.ui.print(&lines.join("\n"))?;
    warn_overlaps(&planned, ctx)
}

/// A word for each talk just planned whose time overlaps another planned
/// talk: planning two at once is allowed (a person may leave early), but
/// never unnoticed.
fn warn_overlaps(planned: &[u32], ctx: &Context) -> Result<()> {
    let file = ctx.load_event()?;
    let mine: Vec<&Session> = file.sessions.iter().filter(|s| s.status == Status::Planned).collect();
    let mut told = Vec::new();
    for id in planned {
        let Some(talk) = mine.iter().find(|s| s.id == *id) else { continue };
        for other in &mine {
            if other.id == *id || !overlap(talk, other) || told.contains(&(other.id, *id)) {
                continue;
            }
            told.push((*id, other.id));
            let room = other.room.as_deref().map(|r| format!(", {}", sanitize_line(r))).unwrap_or_default();
            let lang = ctx.lang();
            let warning = messages::overlaps(
                lang,
                *id,
                &sanitize_line(&talk.title),
                other.id,
                &sanitize_line(&other.title),
                &time_range(&file.event, other),
                &room,
            );
            ctx.ui.warn(lang, &warning);
        }
    }
    Ok(())
}

fn overlap(a: &Session, b: &Session) -> bool {
    match (a.at, a.ends_at(), b.at, b.ends_at()) {
        (Some(a_start), Some(a_end), Some(b_start), Some(b_end)) => a_start < b_end && b_start < a_end,
        _ => false,
    }
}
