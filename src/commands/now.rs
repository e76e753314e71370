//! `notes now`: the talk I am in, my next planned talk, what runs elsewhere.

use std::convert::Infallible;

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::model::{EventFile, Session, short_refs, text};
use crate::query::{JotTarget, jot_target, next_planned, planned_under_way, running};
use crate::render::glance::{self, Here, Listed, in_room};

const AFTER_HELP: &str = "\
Examples:
  notes now               # between two talks: here, next, the other rooms
  notes now --room hall   # only the rooms whose name contains \"hall\"
  notes next              # my next planned talk, and what starts next

\"Here\" is the session a jot goes to; \"Elsewhere now\" lists the programme's talks
under way or starting within 15 minutes, with the reference `notes plan` and
`notes add --now` take.";

/// The talk you are in, your next planned talk, and what runs in the other rooms
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct NowArgs {
    /// Only the rooms whose name contains this (case and accents ignored)
    #[arg(long, value_name = "ROOM")]
    room: Option<String>,
}

pub fn run(args: NowArgs, ctx: &mut Context) -> Result<()> {
    let file = ctx.load_event()?;
    let now = ctx.now()?;
    let event = &file.event;
    let current_id = ctx.state()?.current_session.get(&event.slug).copied();
    let current = current_id.and_then(|id| file.sessions.iter().find(|s| s.id == id));
    let planned = || Ok::<_, Infallible>(planned_under_way(&file.sessions, now));
    let here = match jot_target(current, event, now, planned) {
        Ok(JotTarget::Planned(id)) => session(&file, id).map_or(Here::Nowhere, Here::Planned),
        Ok(JotTarget::Current | JotTarget::Stale(_)) => current.map_or(Here::Nowhere, Here::Current),
        Ok(JotTarget::Loose) | Err(_) => Here::Nowhere,
    };
    let here_talk = match &here {
        Here::Current(s) | Here::Planned(s) => Some(*s),
        Here::Nowhere => None,
    };
    let later = file.sessions.iter().filter(|s| Some(s.id) != here_talk.map(|h| h.id));
    let schedule = ctx.programme_or_none(event)?;
    let me = ctx.journal()?.team_author();
    let refs = short_refs(&schedule);
    let room = args.room.as_deref().map(text::fold);
    let elsewhere = running(&schedule, now, "")
        .into_iter()
        .filter(|t| here_talk.is_none_or(|h| h.schedule_id.is_none() || h.schedule_id != t.schedule_id))
        .filter(|t| in_room(t, room.as_deref()))
        .map(|talk| Listed::of(talk, &schedule, &refs).with_team(&file.sessions, me.as_deref()))
        .collect();
    let screen = glance::Now {
        event,
        now,
        here,
        next: next_planned(later, now),
        elsewhere,
        has_programme: !schedule.is_empty(),
        width: ctx.ui.width,
    };
    ctx.ui.print(glance::now(&screen, ctx.lang()).trim_end())
}

fn session(file: &EventFile, id: u32) -> Option<&Session> {
    file.sessions.iter().find(|s| s.id == id)
}
