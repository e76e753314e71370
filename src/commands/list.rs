//! `notes list`: the sessions of an event (or of all), as a table or JSON.

use clap::Args;

use crate::cli::FilterArgs;
use crate::commands::Context;
use crate::error::Result;
use crate::model::{Session, short_refs};
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

    /// List the imported programme (see `notes import`) instead of your sessions
    #[arg(long)]
    schedule: bool,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(args: ListArgs, ctx: &mut Context) -> Result<()> {
    let query = ctx.query(&args.filter)?;
    if args.schedule {
        return list_programme(&args, &query, ctx);
    }
    let files = if args.all_events && ctx.event_flag.is_none() { load_all(ctx)? } else { vec![ctx.load_event()?] };
    print_rows(&select(&files, &query), args.json, ctx)
}

/// The rows as JSON or a table; an empty table is a line on stderr.
fn print_rows(rows: &[Row<'_>], as_json: bool, ctx: &Context) -> Result<()> {
    if as_json {
        return ctx.ui.print(&json::sessions(rows, &ctx.vocabulary, ctx.lang));
    }
    if rows.is_empty() {
        ctx.ui.status(words(ctx.lang).no_sessions);
        return Ok(());
    }
    ctx.ui.print(&table::sessions(rows, &ctx.table_style()))
}

/// The programme, each talk shown as the user's session when they picked
/// it (with its status and verdict), referenced by its short reference.
fn list_programme(args: &ListArgs, query: &Query, ctx: &Context) -> Result<()> {
    let file = ctx.load_event()?;
    let programme = ctx.journal.programme(&file.event)?;
    if programme.is_empty() {
        ctx.ui.status(&format!("No programme for {}: import one with `notes import schedule.ics`.", file.event.slug));
        return Ok(());
    }
    let refs = short_refs(&programme);
    let talks = picked_or_programme(&file, &programme);
    let mut rows: Vec<Row<'_>> = talks
        .iter()
        .zip(&refs)
        .filter(|(talk, _)| query.matches(talk))
        .map(|(talk, reference)| Row { event: &file.event, session: talk, reference: Some(reference) })
        .collect();
    sort_rows(&mut rows);
    print_rows(&rows, args.json, ctx)
}

/// Each programme talk, replaced by the user's session linked to it if any.
pub fn picked_or_programme(file: &EventFile, programme: &[Session]) -> Vec<Session> {
    programme
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

/// Every event of the journal; an unreadable one is skipped with a warning
/// so that one broken file does not hide the others. Files are read on
/// every core: searching ten years of conferences is mostly parsing.
pub fn load_all(ctx: &Context) -> Result<Vec<EventFile>> {
    let slugs = ctx.journal.slugs()?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(slugs.len().max(1));
    let chunk = slugs.len().div_ceil(threads).max(1);
    let journal = &ctx.journal;
    let results: Vec<(String, Result<EventFile>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = slugs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|slug| (slug.clone(), journal.load(slug))).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    let mut files = Vec::with_capacity(results.len());
    for (slug, result) in results {
        match result {
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
        .flat_map(|f| {
            f.sessions.iter().filter(|s| query.matches(s)).map(move |s| Row {
                event: &f.event,
                session: s,
                reference: None,
            })
        })
        .collect();
    sort_rows(&mut rows);
    rows
}
