//! `notes next`: my next planned talk, and what starts next in every room.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::model::{short_refs, text};
use crate::query::{next_planned, starting_next};
use crate::render::glance::{self, Listed};

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
    // Where I am and where I go next do not need the programme.
    let schedule = ctx.journal()?.schedule(event).unwrap_or_else(|err| {
        let lang = ctx.lang();
        ctx.ui.warn(lang, &messages::programme_unreadable(lang, &err.message(lang)));
        Vec::new()
    });
    let refs = short_refs(&schedule);
    let room = args.room.as_deref().map(text::fold);
    let day = event.today(now).ok();
    let starting: Vec<Listed> = day
        .map(|day| starting_next(&schedule, now, day))
        .unwrap_or_default()
        .into_iter()
        .filter(|t| room.as_ref().is_none_or(|r| t.room.as_deref().is_some_and(|room| text::contains_folded(room, r))))
        .map(|talk| {
            let index = schedule.iter().position(|t| std::ptr::eq(t, talk));
            Listed { talk, reference: index.and_then(|i| refs.get(i)).map_or("", String::as_str) }
        })
        .collect();
    let planned = next_planned(&file.sessions, now);
    let screen = glance::next(event, now, planned, &starting, ctx.ui.width, ctx.lang());
    ctx.ui.print(screen.trim_end())
}
