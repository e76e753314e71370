//! `notes list`: the sessions of an event (or of all), as a table or JSON.

use clap::Args;

use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::model::{EventFile, Session, short_refs};
use crate::query::{Query, Row, select, sort_rows};
use crate::render::words::words;
use crate::render::{json, table};

const AFTER_HELP: &str = "\
Examples:
  notes list --day 2
  notes list --verdict to-try --all-events
  notes list --kind keynote --kind talk --status attended
  notes list --tag ebpf --speaker isovalent
  notes list --json | jq '.[].title'";

/// List sessions as a table
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ListArgs {
    /// List every event's sessions, not only the current event's
    #[arg(long, short = 'a')]
    all_events: bool,

    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,

    /// List the imported schedule (see `notes import`) instead of your sessions
    #[arg(long)]
    schedule: bool,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: ListArgs, ctx: &mut Context) -> Result<()> {
    let query = args.filter.query(ctx.vocabulary()?, || ctx.today())?;
    if args.schedule {
        return list_schedule(&args, &query, ctx);
    }
    let files = if args.all_events { ctx.load_flagged_or_all_where(&query)? } else { vec![ctx.load_event()?] };
    print_rows(&select(&files, &query), args.json, ctx)
}

/// The rows as JSON or a table; an empty table is a line on stderr.
fn print_rows(rows: &[Row<'_>], as_json: bool, ctx: &Context) -> Result<()> {
    if as_json {
        return ctx.ui.print(&json::sessions(rows, ctx.vocabulary()?, ctx.lang()));
    }
    if rows.is_empty() {
        ctx.ui.status(words(ctx.lang()).no_sessions);
        return Ok(());
    }
    ctx.ui.print(&table::sessions(rows, &ctx.table_style()?))
}

/// The schedule, each talk shown as the user's session when they picked
/// it (with its status and verdict), referenced by its short reference.
fn list_schedule(args: &ListArgs, query: &Query, ctx: &Context) -> Result<()> {
    let file = ctx.load_event()?;
    let schedule = ctx.journal()?.schedule(&file.event)?;
    if schedule.is_empty() {
        ctx.ui.status(&messages::no_schedule_for(ctx.lang(), &file.event.slug));
        return Ok(());
    }
    let refs = short_refs(&schedule);
    let talks = picked_or_scheduled(&file, &schedule);
    let mut rows: Vec<Row<'_>> = talks
        .iter()
        .zip(&refs)
        // A status is the person's: a talk they did not pick has none.
        .filter(|(talk, _)| query.matches(&file.event, talk) && (query.statuses.is_empty() || talk.id != 0))
        .map(|(talk, reference)| Row { event: &file.event, session: talk, reference: Some(reference) })
        .collect();
    sort_rows(&mut rows);
    print_rows(&rows, args.json, ctx)
}

/// Each scheduled talk, replaced by the user's session linked to it if any.
fn picked_or_scheduled(file: &EventFile, schedule: &[Session]) -> Vec<Session> {
    schedule
        .iter()
        .map(|talk| {
            file.sessions
                .iter()
                .find(|s| s.schedule_id.is_some() && s.schedule_id == talk.schedule_id)
                .cloned()
                .unwrap_or_else(|| talk.clone())
        })
        .collect()
}
