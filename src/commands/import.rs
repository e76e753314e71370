//! `notes import FILE`: load a conference's schedule, or update it.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::import::{self, Schedule};
use crate::messages::{self, Text};
use crate::model::{Event, Lang, Session, Zone, dates_problem, text};

const AFTER_HELP: &str = "\
Examples:
  notes import kccnceu2026.ics               # Sched: the zone of its city
  notes import kccnceu2026.ics --tz Europe/Amsterdam
  notes import schedule.json                 # pretalx, frab, c3voc
  notes import schedule.xml --event fosdem-2025

The format is read from the content. The schedule is kept in
<event>.schedule.toml; your own file only gets the talks you pick (notes add,
add --now, plan). Import again when the schedule changes: talks are updated,
never duplicated, and your notes, verdicts and statuses are never touched
(nor a title, time, room or speakers you changed). --tz on an existing
event sets its zone. With no event given, the event named by the schedule
is used, or the current one if its dates overlap, or a new one is created.";

/// Load a conference schedule (.ics, schedule.json, schedule.xml)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ImportArgs {
    /// The schedule: iCalendar (.ics), schedule.json or schedule.xml
    file: PathBuf,

    /// Zone for times the file gives without one, and for a new event
    #[arg(long, value_name = "ZONE", value_parser = Zone::named)]
    tz: Option<Zone>,
}

/// What an import changed, for the report.
#[derive(Debug, Default)]
struct Report {
    added: usize,
    updated: usize,
    unchanged: usize,
    removed: usize,
    outside: usize,
    sessions_updated: usize,
    sessions_flagged: usize,
}

pub fn run(args: ImportArgs, ctx: &mut Context) -> Result<()> {
    let lang = ctx.lang();
    let bytes = read_bounded(&args.file)?;
    let known_event = known_event(ctx)?;
    let zone = args.tz.clone().or(known_event.as_ref().map(|e| e.timezone.clone()));

    let schedule = import::parse(&bytes, zone.as_ref()).map_err(|e| Error::Rejected {
        what: Text::verbatim(args.file.display().to_string()),
        message: Text::new(|lang| messages::nothing_imported(lang, &e.message(lang))),
    })?;
    for warning in &schedule.warnings {
        ctx.ui.warn(lang, warning.get(lang));
    }
    let (event, zone_was) = match target_event(&schedule, known_event, ctx)? {
        Some(event) => with_zone(event, &schedule, &args, ctx),
        None => (create_event(&schedule, &args, ctx)?, None),
    };
    let journal = ctx.journal()?;
    // The schedule file is the import's own: one that cannot be read is
    // rebuilt, not a dead end.
    let old = journal.schedule(&event).unwrap_or_else(|err| {
        ctx.ui.warn(lang, &messages::previous_schedule_unreadable(lang, &err.message(lang)));
        Vec::new()
    });
    let mut talks: Vec<Session> = schedule.talks.iter().filter_map(|t| t.to_session(&event)).collect();
    if talks.is_empty() {
        return Err(no_talk_in(&event, &schedule));
    }
    talks.sort_by(|a, b| (a.day, a.at, &a.title).cmp(&(b.day, b.at, &b.title)));
    let mut report = compare(&old, &talks);
    report.outside = schedule.talks.len() - talks.len();
    let source =
        args.file.file_name().map_or_else(|| args.file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let by_id: HashMap<&str, &Session> = talks.iter().filter_map(|t| Some((t.schedule_id.as_deref()?, t))).collect();
    let old_by_id: HashMap<&str, &Session> = old.iter().filter_map(|t| Some((t.schedule_id.as_deref()?, t))).collect();
    let mut kept = Vec::new();
    let (updated, flagged) = journal.import(&event, &source, &talks, |doc| {
        kept.clear();
        if zone_was.is_some() {
            doc.put_event(Event { timezone: event.timezone.clone(), ..doc.event().clone() })?;
        }
        let mut counts = (0, 0);
        for session in doc.sessions()? {
            let Some(id) = session.schedule_id.as_deref() else { continue };
            let new = match by_id.get(id).copied().or_else(|| run_of(id, &session, &talks)) {
                Some(talk) => {
                    let (new, mine) = follow_schedule(&session, old_by_id.get(id).copied(), talk);
                    kept.extend(mine.into_iter().map(|field| (session.id, session.title.clone(), field)));
                    new
                }
                None => Session { removed_from_schedule: true, ..session.clone() },
            };
            if new != session {
                if new.removed_from_schedule && !session.removed_from_schedule {
                    counts.1 += 1;
                } else {
                    counts.0 += 1;
                }
                doc.put_session(new)?;
            }
        }
        Ok(counts)
    })?;
    report.sessions_updated = updated;
    report.sessions_flagged = flagged;
    for (id, title, field) in &kept {
        ctx.ui.warn(lang, &messages::field_kept(lang, *id, &crate::ui::sanitize_line(title), &field(lang)));
    }
    if let Some(was) = zone_was {
        ctx.ui.status(&messages::zone_changed(lang, &event.slug, event.timezone.name(), &was));
    }
    ctx.ui.print(&crate::ui::sanitize_text(&describe(lang, &report, &schedule, &source, &event)))
}

/// The file, read up to one byte past the importer's limit, so that
/// `/dev/zero` or a huge file is refused without filling the memory.
fn read_bounded(path: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(messages::cannot_read, path, e))?;
    let mut bytes = Vec::new();
    file.take(import::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(messages::cannot_read, path, e))?;
    Ok(bytes)
}

/// An event named by `--event`, or the current one, if any.
fn known_event(ctx: &Context) -> Result<Option<Event>> {
    if ctx.event_flag().is_some() {
        return Ok(Some(ctx.load_event()?.event));
    }
    let journal = ctx.journal()?;
    let current = ctx.state()?.current_event.clone().filter(|s| journal.exists(s));
    current.map(|slug| journal.load(&slug).map(|f| f.event)).transpose()
}

/// An existing event, in the zone `--tz` names (written with the import,
/// as one change), and the zone it had then; without `--tz`, a schedule
/// whose places are elsewhere says how to set it.
fn with_zone(event: Event, schedule: &Schedule, args: &ImportArgs, ctx: &Context) -> (Event, Option<String>) {
    match (&args.tz, &schedule.place_zone) {
        (Some(tz), _) if *tz != event.timezone => {
            let was = event.timezone.name().to_string();
            (Event { timezone: tz.clone(), ..event }, Some(was))
        }
        (None, Some(place)) if *place != event.timezone => {
            let lang = ctx.lang();
            let file = args.file.display().to_string();
            let warning = messages::zone_differs(lang, &event.slug, event.timezone.name(), place.name(), &file);
            ctx.ui.warn(lang, &warning);
            (event, None)
        }
        _ => (event, None),
    }
}

/// `--event`; else the event the schedule names; else the current event if
/// their dates overlap; else `None` (a new event is created).
fn target_event(schedule: &Schedule, known: Option<Event>, ctx: &Context) -> Result<Option<Event>> {
    if ctx.event_flag().is_some() {
        return Ok(known);
    }
    let journal = ctx.journal()?;
    if let Some(slug) = schedule.name.as_deref().map(text::event_slug).filter(|s| !s.is_empty() && journal.exists(s)) {
        return Ok(Some(journal.load(&slug)?.event));
    }
    let Some(current) = known else { return Ok(None) };
    let (Some(start), Some(end)) = (schedule.start, schedule.end) else { return Ok(None) };
    Ok((start <= current.end && end >= current.start).then_some(current))
}

fn create_event(schedule: &Schedule, args: &ImportArgs, ctx: &Context) -> Result<Event> {
    let name = schedule.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| {
        args.file.file_stem().map_or_else(|| "Conference".into(), |s| s.to_string_lossy().into_owned())
    });
    let slug = text::event_slug(&name);
    if slug.is_empty() {
        return Err(Error::user(|lang| messages::no_event_name(lang, &name), messages::hint_create_event_then_import));
    }
    let timezone = args.tz.clone().unwrap_or_else(|| zone_of(schedule, ctx));
    let local_dates: Vec<_> = schedule.talks.iter().map(|t| timezone.local(&t.start).date_naive()).collect();
    let start = schedule.start.or_else(|| local_dates.iter().min().copied()).expect("a schedule has talks");
    let end = schedule.end.or_else(|| local_dates.iter().max().copied()).unwrap_or(start);
    if let Some(problem) = dates_problem(start, end) {
        return Err(Error::Rejected {
            what: Text::verbatim(args.file.display().to_string()),
            message: Text::new(|lang| messages::nothing_imported(lang, problem.get(lang))),
        });
    }
    let event = Event {
        slug,
        name,
        location: None,
        start,
        end,
        timezone: timezone.clone(),
        url: None,
        tags: Vec::new(),
        days: BTreeMap::new(),
    };
    match ctx.journal()?.create(&event) {
        // Another import of the same schedule created it a moment ago.
        Err(Error::EventExists { .. }) => return Ok(ctx.journal()?.load(&event.slug)?.event),
        other => other?,
    }
    ctx.set_current_event(&event.slug)?;
    ctx.ui.status(&messages::created_event_by_import(
        ctx.lang(),
        &event.slug,
        &start.to_string(),
        &end.to_string(),
        timezone.name(),
    ));
    Ok(event)
}

/// None of the schedule's talks falls within `event` (next year's edition
/// of a conference with the same name): nothing is imported, and the error
/// says which dates would fit.
fn no_talk_in(event: &Event, schedule: &Schedule) -> Error {
    let dates: Vec<_> = schedule.talks.iter().map(|t| event.timezone.local(&t.start).date_naive()).collect();
    let (first, last) = (dates.iter().min(), dates.iter().max());
    let span = schedule.start.or(first.copied()).zip(schedule.end.or(last.copied()));
    let (count, slug) = (schedule.talks.len(), &event.slug);
    let (start, end) = (event.start.to_string(), event.end.to_string());
    Error::user(
        |lang| match span {
            Some((from, to)) => {
                messages::no_talk_within(lang, count, slug, &start, &end, &from.to_string(), &to.to_string())
            }
            None => messages::no_talk_within_other_dates(lang, count, slug, &start, &end),
        },
        messages::hint_other_edition,
    )
}

/// The zone the schedule declares, unless it says UTC while its times carry
/// another offset (then a fixed zone of that offset, `Etc/GMT-1` for
/// +01:00); with no zone at all, UTC. Instants are right either way: this
/// only chooses how times are shown.
fn zone_of(schedule: &Schedule, ctx: &Context) -> Zone {
    let offset_hours = schedule.talks.first().map_or(0, |t| t.start.offset().local_minus_utc() / 3600);
    match &schedule.timezone {
        // UTC is what calendars say when they do not care (Sched): the
        // venue's zone is looked for before it is believed.
        Some(tz) if *tz != Zone::UTC => return tz.clone(),
        _ => {}
    }
    let lang = ctx.lang();
    if let Some(zone) = &schedule.place_zone {
        ctx.ui.status(&messages::zone_of_places(lang, zone.name()));
        return zone.clone();
    }
    if schedule.timezone.is_some() && offset_hours == 0 {
        ctx.ui.warn(lang, &messages::zone_utc_no_city(lang));
        return Zone::UTC;
    }
    let zone = match offset_hours {
        0 => Zone::UTC,
        // Etc/GMT names have the sign the other way round.
        h => Zone::parse(&format!("Etc/GMT{:+}", -h)).unwrap_or(Zone::UTC),
    };
    ctx.ui.warn(lang, &messages::zone_unreliable(lang, zone.name()));
    zone
}

/// The run (`id@start`) of a repeated talk that starts when `session`
/// does: a session linked under the bare id, which the first run kept in
/// earlier versions, follows its own run.
fn run_of<'a>(id: &str, session: &Session, talks: &'a [Session]) -> Option<&'a Session> {
    let is_run = |t: &&Session| {
        t.schedule_id.as_deref().and_then(|tid| tid.strip_prefix(id)).is_some_and(|rest| rest.starts_with('@'))
    };
    talks.iter().filter(is_run).find(|t| t.at.is_some() && t.at == session.at)
}

/// A linked session with the schedule's fields of `talk` (title, times and
/// day, room, speakers, and the talk's id), except those the person changed
/// by hand: a field that differs from the previous schedule (`before`) is
/// theirs and stays, and is named in the second value when the schedule
/// changed it too. Notes, verdict, status and tags stay the user's.
fn follow_schedule(session: &Session, before: Option<&Session>, talk: &Session) -> (Session, Vec<FieldName>) {
    let mut new = Session { schedule_id: talk.schedule_id.clone(), removed_from_schedule: false, ..session.clone() };
    let mut kept = Vec::new();
    macro_rules! follow {
        ($name:path: $($field:ident),+) => {
            let mine = before.is_some_and(|b| $(b.$field != session.$field)||+);
            let changed_now = before.is_some_and(|b| $(b.$field != talk.$field)||+);
            if !mine {
                $(new.$field = talk.$field.clone();)+
            } else if changed_now {
                kept.push($name as FieldName);
            }
        };
    }
    follow!(messages::field_title: title);
    follow!(messages::field_time: day, at, end);
    follow!(messages::field_room: room);
    follow!(messages::field_speakers: speakers);
    (new, kept)
}

/// The name of a field of a session, in a language (`messages::field_room`).
type FieldName = fn(Lang) -> String;

fn compare(old: &[Session], new: &[Session]) -> Report {
    let old_by_id: HashMap<&str, &Session> = old.iter().filter_map(|t| Some((t.schedule_id.as_deref()?, t))).collect();
    let new_ids: std::collections::HashSet<&str> = new.iter().filter_map(|t| t.schedule_id.as_deref()).collect();
    let mut report = Report::default();
    for talk in new {
        match talk.schedule_id.as_deref().and_then(|id| old_by_id.get(id)) {
            None => report.added += 1,
            Some(old) if *old == talk => report.unchanged += 1,
            Some(_) => report.updated += 1,
        }
    }
    report.removed = old_by_id.keys().filter(|id| !new_ids.contains(*id)).count();
    report
}

fn describe(lang: Lang, report: &Report, schedule: &Schedule, source: &str, event: &Event) -> String {
    let total = report.added + report.updated + report.unchanged;
    let mut lines = vec![messages::imported(
        lang,
        total,
        source,
        schedule.format,
        &event.slug,
        report.added,
        report.updated,
        report.unchanged,
        report.removed,
    )];
    match report.sessions_updated {
        0 => {}
        1 => lines.push(messages::one_followed(lang)),
        n => lines.push(messages::some_followed(lang, n)),
    }
    match report.sessions_flagged {
        0 => {}
        1 => lines.push(messages::one_flagged(lang)),
        n => lines.push(messages::some_flagged(lang, n)),
    }
    if report.outside > 0 {
        let (start, end) = (event.start.to_string(), event.end.to_string());
        lines.push(messages::talks_outside_days(lang, report.outside, &start, &end));
    }
    lines.join("\n")
}
