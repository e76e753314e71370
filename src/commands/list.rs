//! `notes list`: the sessions of an event (or of all), as a table or JSON.

use clap::Args;

use crate::cli::FilterArgs;
use crate::commands::Context;
use crate::error::Result;
use crate::query::Query;
use crate::render::words::words;
use crate::render::{Row, json, sort_rows, table};
use crate::store::EventFile;

const AFTER_HELP: &str = "\
Examples:
  notes list --day 2
  notes list --verdict to-try --all-events
  notes list --kind keynote --kind talk --status attended
  notes list --tag ebpf --speaker isovalent
  notes list --json | jq '.[].title'";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ListArgs {
    /// List every event's sessions, not only the current event's
    #[arg(long, short = 'a')]
    all_events: bool,

    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: ListArgs, ctx: &mut Context) -> Result<()> {
    let query = ctx.query(&args.filter)?;
    let files = if args.all_events && ctx.event_flag.is_none() { load_all(ctx)? } else { vec![ctx.load_event()?] };
    let rows = select(&files, &query);
    if args.json {
        return ctx.ui.print(&json::sessions(&rows, &ctx.vocabulary, ctx.lang));
    }
    if rows.is_empty() {
        ctx.ui.status(words(ctx.lang).no_sessions);
        return Ok(());
    }
    ctx.ui.print(&table::sessions(&rows, &ctx.table_style()))
}

/// Every event of the journal; an unreadable one is skipped with a warning
/// so that one broken file does not hide the others.
pub fn load_all(ctx: &Context) -> Result<Vec<EventFile>> {
    let mut files = Vec::new();
    for slug in ctx.journal.slugs()? {
        match ctx.journal.load(&slug) {
            Ok(file) => files.push(file),
            Err(err) => ctx.ui.warn(&format!("skipping {slug}: {err}")),
        }
    }
    Ok(files)
}

/// The sessions of `files` that match, in reading order.
pub fn select<'a>(files: &'a [EventFile], query: &Query) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = files
        .iter()
        .flat_map(|f| f.sessions.iter().filter(|s| query.matches(s)).map(move |s| Row { event: &f.event, session: s }))
        .collect();
    sort_rows(&mut rows);
    rows
}
