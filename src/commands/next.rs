//! `notes next`: my next planned talk, and what starts next in every room.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::model::{short_refs, text};
use crate::query::{next_planned, starting_next};
use crate::render::glance::{self, Listed, in_room};

const AFTER_HELP: &str = "\
Examples:
  notes next                 # my next planned talk, then the next ones to start
  notes next --room \"salle b\"

The talks that start next are those of the next start time of the day, and any
starting within 15 minutes of it, with the reference `notes plan` takes.";

/// Your next planned talk, and the talks that start next
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct NextArgs {
    /// Only the rooms whose name contains this (case and accents ignored)
    #[arg(long, value_name = "ROOM")]
    room: Option<String>,
}

pub fn run(args: NextArgs, ctx: &mut Context) -> Result<()> {
    let file = ctx.load_event()?;
    let now = ctx.now()?;
    let event = &file.event;
    let schedule = ctx.programme_or_none(event)?;
    let refs = short_refs(&schedule);
    let room = args.room.as_deref().map(text::fold);
    let starting: Vec<Listed> = event
        .today(now)
        .map(|day| starting_next(&schedule, now, day))
        .unwrap_or_default()
        .into_iter()
        .filter(|t| in_room(t, room.as_deref()))
        .map(|talk| Listed::of(talk, &schedule, &refs))
        .collect();
    let planned = next_planned(&file.sessions, now);
    let screen = glance::next(event, now, planned, &starting, ctx.ui.width, ctx.lang());
    ctx.ui.print(screen.trim_end())
}
