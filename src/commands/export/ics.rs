//! `notes export ics`: the plan as an iCalendar file for a phone calendar.

use clap::Args;

use super::OutputArgs;
use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::Result;
use crate::model::Status;
use crate::query::{Query, select};
use crate::render::ics::{self, Options};
use crate::render::words::words;

const AFTER_HELP: &str = "\
Examples:
  notes export ics --alarm 10 -o kubecon.ics   # the plan, 10-minute reminders
  notes export ics --day 2 --status planned > day2.ics
  notes export ics --status attended --status planned -o seen-and-planned.ics
  notes export ics --all-events -o conferences.ics

Without filters the calendar holds your planned sessions (`notes plan`);
any filter replaces that choice and selects as in `notes list`.

Each session is an event in UTC with its room as location; its speakers,
abstract and links are the description, its first web link the URL. A
session without an end lasts 45 minutes; one without a time is an
all-day event on its day (without reminder). Each entry keeps its
identity across exports (from the schedule's id, else the session's):
import the file again and the calendar updates the entries it has.";

/// Your plan as an iCalendar file, for a phone calendar
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct IcsArgs {
    #[command(flatten)]
    output: OutputArgs,

    /// Export every event of the journal
    #[arg(long, short = 'a')]
    all_events: bool,

    /// Remind MINUTES before each timed session (0 to 1440)
    #[arg(
        long,
        value_name = "MINUTES",
        allow_negative_numbers = true,
        value_parser = clap::value_parser!(u32).range(0..=1440)
    )]
    alarm: Option<u32>,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: IcsArgs, ctx: &mut Context) -> Result<()> {
    let query = args.filter.query(ctx.vocabulary()?, || ctx.today())?;
    let query = if query.is_empty() { Query { statuses: vec![Status::Planned], ..Query::default() } } else { query };
    let files = if args.all_events { ctx.load_flagged_or_all()? } else { vec![ctx.load_event()?] };
    let rows = select(&files, &query);
    let events: Vec<_> = files.iter().map(|f| &f.event).collect();
    let text = ics::calendar(&events, &rows, ctx.now()?, &Options { alarm: args.alarm, lang: ctx.lang() });
    args.output.emit(&text, ctx)?;
    if rows.is_empty() {
        ctx.ui.status(words(ctx.lang()).empty_calendar);
    }
    Ok(())
}
