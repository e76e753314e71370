//! `notes event add|list|use|show|edit`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::cli::parse_date;
use crate::commands::{Context, edit::edit_text};
use crate::error::{Error, Result};
use crate::model::{Event, Zone, dates_problem, text};
use crate::render::{json, show, table};
use crate::store::{record, state};

#[derive(Debug, Args)]
pub struct EventArgs {
    #[command(subcommand)]
    action: EventAction,
}

#[derive(Debug, Subcommand)]
enum EventAction {
    /// Create an event and make it the current one
    #[command(
        after_help = "Example:\n  notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22 \\\n      --location Paris --tz Europe/Paris"
    )]
    Add(AddEventArgs),
    /// List the events of the journal (* marks the current one)
    #[command(alias = "ls")]
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Make an event the current one
    Use {
        /// The event's slug, as `notes event list` shows it
        slug: String,
    },
    /// Show an event and its days
    Show {
        /// The event's slug [default: the current event]
        slug: Option<String>,
    },
    /// Change an event with flags, or its whole file in $EDITOR
    #[command(
        after_help = "Examples:\n  notes event edit --end 2024-03-22\n  notes event edit        # opens the event's file in $EDITOR, checked before saving"
    )]
    Edit(EditEventArgs),
}

#[derive(Debug, Args)]
struct AddEventArgs {
    /// The event's name, e.g. "KubeCon Europe 2024"
    name: String,
    /// First day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    start: NaiveDate,
    /// Last day (YYYY-MM-DD) [default: the start date]
    #[arg(long, value_parser = parse_date)]
    end: Option<NaiveDate>,
    /// City or venue; leave out for an online event
    #[arg(long)]
    location: Option<String>,
    /// IANA time zone of the venue, e.g. Europe/Paris [default: $TZ, then the system's]
    #[arg(long, value_name = "ZONE", value_parser = parse_tz)]
    tz: Option<Zone>,
    /// The event's web site
    #[arg(long)]
    url: Option<String>,
    /// A tag for the event (repeat for several)
    #[arg(short, long)]
    tag: Vec<String>,
    /// File name of the event [default: from the name, e.g. kubecon-europe-2024]
    #[arg(long)]
    slug: Option<String>,
}

#[derive(Debug, Args)]
struct EditEventArgs {
    /// New name
    #[arg(long)]
    name: Option<String>,
    /// New first day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    start: Option<NaiveDate>,
    /// New last day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    end: Option<NaiveDate>,
    /// New location
    #[arg(long)]
    location: Option<String>,
    /// New time zone
    #[arg(long, value_name = "ZONE", value_parser = parse_tz)]
    tz: Option<Zone>,
    /// New web site
    #[arg(long)]
    url: Option<String>,
    /// Replace the tags (repeat for several)
    #[arg(short, long)]
    tag: Vec<String>,
}

fn parse_tz(input: &str) -> Result<Zone, String> {
    record::parse_timezone(input)
}

pub fn run(args: EventArgs, ctx: &mut Context) -> Result<()> {
    match args.action {
        EventAction::Add(args) => add(args, ctx),
        EventAction::List { json } => list(json, ctx),
        EventAction::Use { slug } => use_event(&slug, ctx),
        EventAction::Show { slug } => {
            let slug = match slug {
                Some(slug) => ctx.existing_slug(&slug)?,
                None => ctx.event_slug()?,
            };
            let file = ctx.journal.load(&slug)?;
            ctx.ui.print(&show::event(&file.event, &file.sessions, ctx.lang))
        }
        EventAction::Edit(args) => edit(args, ctx),
    }
}

fn add(args: AddEventArgs, ctx: &mut Context) -> Result<()> {
    const RULE: &str = "a slug is lower-case ASCII letters, digits and dashes, and not a device name (con, nul, com1…)";
    let name = args.name.trim().to_string();
    let slug = match args.slug {
        Some(slug) if text::is_event_slug(&slug) => slug,
        Some(slug) => {
            return Err(Error::usage(
                format!("invalid slug '{slug}'"),
                match text::event_slug(&slug) {
                    suggestion if suggestion.is_empty() => RULE.to_string(),
                    suggestion => format!("{RULE}, e.g. '{suggestion}'"),
                },
            ));
        }
        None => text::event_slug(&name),
    };
    if slug.is_empty() {
        return Err(Error::usage(
            format!("cannot make a file name from '{name}'"),
            "pass --slug, e.g. --slug devconf-2025",
        ));
    }
    let event = Event {
        slug,
        name,
        location: args.location.filter(|l| !l.trim().is_empty()),
        start: args.start,
        end: args.end.unwrap_or(args.start),
        timezone: args.tz.unwrap_or_else(system_timezone),
        url: args.url,
        tags: args.tag,
        days: BTreeMap::new(),
    };
    check_dates(&event)?;
    ctx.journal.create(&event, || ctx.ui.status("waiting for another notes process…"))?;
    state::update(ctx.journal.dir(), |s| s.current_event = Some(event.slug.clone()))?;
    ctx.ui.print(&format!(
        "Created event {} ({} → {}, {} days, {}). It is now the current event.",
        event.slug,
        event.start,
        event.end,
        event.day_count(),
        event.timezone.name()
    ))
}

fn check_dates(event: &Event) -> Result<()> {
    match dates_problem(event.start, event.end) {
        Some(problem) => Err(Error::usage(problem, "--end is the last day of the event")),
        None => Ok(()),
    }
}

/// `$TZ` when it names an IANA zone, else the system's zone, else UTC.
fn system_timezone() -> Zone {
    std::env::var("TZ")
        .ok()
        .and_then(|tz| Zone::parse(tz.trim_start_matches(':')))
        .or_else(Zone::system)
        .unwrap_or(Zone::UTC)
}

fn list(as_json: bool, ctx: &mut Context) -> Result<()> {
    let current = state::load(ctx.journal.dir())?.current_event;
    let mut files = Vec::new();
    for slug in ctx.journal.slugs()? {
        match ctx.journal.load(&slug) {
            Ok(file) => files.push(file),
            Err(err) => ctx.ui.warn(&format!("skipping {slug}: {err}")),
        }
    }
    if as_json {
        let events: Vec<_> = files.iter().map(|f| event_json(&f.event, f.sessions.len())).collect();
        return ctx.ui.print(&json::to_string(&events));
    }
    if files.is_empty() {
        ctx.ui.status(
            "No events yet. Create one: notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22",
        );
        return Ok(());
    }
    let lines: Vec<_> = files
        .iter()
        .map(|f| table::EventLine {
            event: &f.event,
            sessions: f.sessions.len(),
            current: current.as_deref() == Some(f.event.slug.as_str()),
        })
        .collect();
    ctx.ui.print(&table::events(&lines, &ctx.table_style()))
}

fn event_json(event: &Event, sessions: usize) -> serde_json::Value {
    let mut json = json::event_summary(event);
    json.insert("sessions".into(), sessions.into());
    json.into()
}

fn use_event(slug: &str, ctx: &mut Context) -> Result<()> {
    let slug = ctx.existing_slug(slug)?;
    state::update(ctx.journal.dir(), |s| s.current_event = Some(slug.clone()))?;
    ctx.ui.print(&format!("Current event: {slug}"))
}

fn edit(args: EditEventArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let no_flags = args.name.is_none()
        && args.start.is_none()
        && args.end.is_none()
        && args.location.is_none()
        && args.tz.is_none()
        && args.url.is_none()
        && args.tag.is_empty();
    if no_flags {
        return edit_file(&slug, ctx);
    }
    ctx.update_event(&slug, |doc| {
        let mut event = doc.event().clone();
        if let Some(name) = args.name {
            event.name = name;
        }
        event.start = args.start.unwrap_or(event.start);
        event.end = args.end.unwrap_or(event.end);
        if let Some(location) = args.location {
            event.location = Some(location).filter(|l| !l.trim().is_empty());
        }
        event.timezone = args.tz.unwrap_or(event.timezone);
        if let Some(url) = args.url {
            event.url = Some(url).filter(|u| !u.trim().is_empty());
        }
        if !args.tag.is_empty() {
            event.tags = args.tag;
        }
        check_dates(&event)?;
        let last = event.day_count();
        if let Some(session) = doc.sessions()?.iter().find(|s| s.day > last) {
            return Err(Error::usage(
                format!("session #{} is on day {}, after the new last day ({last})", session.id, session.day),
                format!("move it first: notes edit {} --day {last}", session.id),
            ));
        }
        doc.put_event(event)?;
        Ok(())
    })?;
    ctx.ui.print(&format!("Updated event {slug}"))
}

/// The whole file in `$EDITOR`, saved only if it still parses and nobody
/// changed the file meanwhile.
fn edit_file(slug: &str, ctx: &mut Context) -> Result<()> {
    let old = ctx.journal.read_text(slug)?;
    let path = ctx.journal.event_path(slug);
    let journal = ctx.journal.clone();
    let Some(new) =
        edit_text(ctx, &old, "toml", |text| crate::store::journal::parse(&path, slug, text).map(|_| text.to_string()))?
    else {
        return ctx.ui.print("No changes.");
    };
    journal.replace(slug, &old, &new)?;
    ctx.ui.print(&format!("Updated event {slug}"))
}
