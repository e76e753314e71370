//! `notes add`: a new session, from flags or, on a terminal, from prompts.

use chrono::{DateTime, FixedOffset, Timelike, Utc};
use clap::Args;

use crate::args::SessionFields;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::{Event, EventFile, Kind, Session, Speaker, Status};
use crate::query::{running, the_one};
use crate::render::time_range;
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes add \"Simplifying multi-cluster deployments with Cilium\" -s \"Liz Rice (Isovalent)\" -t ebpf -t cilium --room \"Hall 7\"
  notes add \"Keynote: Opening\" -k keynote --at 09:00 -d 2
  notes add \"Rook: Intro and Ceph Deep Dive\" --status missed --link slides=https://example.org/rook.pdf
  notes add --now \"Hall 7\"   # the imported schedule's talk under way in Hall 7
  notes add            # on a terminal: offers the talks under way, then asks the title, speakers, kind, tags, verdict

The day defaults to today's day of the event, in the event's time zone; a session added
during the event's day without --at starts now (to the five minutes).";

/// Add a session (talk, keynote…) and make it the current one
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct AddArgs {
    /// The session's title (asked for on a terminal when left out)
    title: Option<String>,

    /// Pick the scheduled talk under way (or starting within 15 minutes)
    /// whose room or title contains this text
    #[arg(long, value_name = "ROOM_OR_TEXT", num_args = 0..=1, default_missing_value = "", conflicts_with = "title")]
    now: Option<String>,

    #[command(flatten)]
    fields: SessionFields,
}

pub fn run(args: AddArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let mut fields = args.fields;
    if let Some(filter) = &args.now {
        let file = ctx.journal()?.load(&slug)?;
        return add_now(filter, &file, &fields, ctx);
    }
    let title = match args.title {
        Some(title) => title,
        None if ctx.can_prompt() => {
            let event = ctx.journal()?.load(&slug)?.event;
            match choose_from_schedule(&event, fields.day, ctx)? {
                Some(talk) => return add_talk(&talk, &event, &fields, ctx),
                None => ask(&mut fields, &event, ctx)?,
            }
        }
        None => {
            return Err(Error::usage(
                "a title is required when notes cannot prompt (no terminal, or --no-input)",
                "notes add \"TITLE\" [-s SPEAKER] [-k KIND] [-t TAG]…",
            ));
        }
    };
    let title = title.trim().to_string();
    if title.is_empty() {
        return Err(Error::EmptyTitle);
    }
    let (now, vocabulary, journal) = (ctx.now()?, ctx.vocabulary()?, ctx.journal()?);
    // Everything is checked against the event as read under the lock, in
    // the one parse of the file that the write needs anyway.
    let (_, added) = ctx.update_event_making_current(&slug, |doc| {
        let event = doc.event().clone();
        // The programme's talk of that title: linked, not copied bare.
        if let Some(talk) = programme_talk(journal.schedule_talks_titled(&event, &title)?, fields.day, &event, now) {
            let later = starts_later(&talk, now);
            let status = if later { Status::Planned } else { Status::Attended };
            let (id, new) = doc.pick(&talk, status, |session, event| fields.apply(session, event, vocabulary))?;
            return Ok((id, Added::Picked { id, title: talk.title, new, later }));
        }
        let day = fields.day_for(&event, || event.today(now))?;
        let mut session = Session { title, day, id: doc.next_id()?, ..Session::default() };
        fields.apply(&mut session, &event, vocabulary)?;
        // Added during the talk: it started about now.
        if fields.at.is_none() && event.today(now).ok() == Some(session.day) {
            session.at = Some(started_about(now, &event));
        }
        doc.add_session(session.clone())?;
        Ok((session.id, Added::New(Box::new(session))))
    })?;
    ctx.ui.print(&match added {
        Added::New(session) => {
            format!("Added #{} to {slug}, day {}: {}", session.id, session.day, sanitize_line(&session.title))
        }
        Added::Picked { id, title, new, later } => picked(id, &title, new, later),
    })
}

/// What `add TITLE` did.
enum Added {
    New(Box<Session>),
    /// A talk of the programme, copied in (`new`) or already there.
    Picked {
        id: u32,
        title: String,
        new: bool,
        later: bool,
    },
}

/// Of the programme's talks with the title typed, the one meant: the only
/// one on `--day`; without it, the only one today, else the only one.
fn programme_talk(talks: Vec<Session>, day: Option<u32>, event: &Event, now: DateTime<Utc>) -> Option<Session> {
    let today = event.today(now).ok().filter(|&today| talks.iter().any(|t| t.day == today));
    let mut choice: Vec<Session> = match day.or(today) {
        Some(day) => talks.into_iter().filter(|t| t.day == day).collect(),
        None => talks,
    };
    if choice.len() == 1 { choice.pop() } else { None }
}

/// Whether a talk starts more than 15 minutes from now (found ahead of
/// time: planned, not attended).
fn starts_later(talk: &Session, now: DateTime<Utc>) -> bool {
    talk.at.is_some_and(|at| at > now + chrono::Duration::minutes(15))
}

fn picked(id: u32, title: &str, new: bool, later: bool) -> String {
    let title = sanitize_line(title);
    match (new, later) {
        (true, false) => format!("Added #{id} {title}, from the schedule: jot away."),
        (false, false) => format!("Now attending #{id} {title}: jot away."),
        (_, true) => format!("Planned #{id} {title} (it starts later); it is the current session."),
    }
}

/// `now` in the event's zone, down to the five minutes: a talk noted at
/// 11:07 started at 11:05, as far as anyone will remember.
fn started_about(now: DateTime<Utc>, event: &Event) -> DateTime<FixedOffset> {
    use chrono::{DurationRound, TimeDelta};
    let local = event.timezone.local(&now);
    local.duration_trunc(TimeDelta::minutes(5)).unwrap_or(local).with_nanosecond(0).unwrap_or(local)
}

/// `add --now TEXT`: the one scheduled talk under way that matches.
fn add_now(filter: &str, file: &EventFile, fields: &SessionFields, ctx: &mut Context) -> Result<()> {
    let event = &file.event;
    let schedule = ctx.journal()?.schedule(event)?;
    if schedule.is_empty() {
        return Err(Error::user(
            format!("{} has no schedule", event.slug),
            "import the schedule first: notes import schedule.ics",
        ));
    }
    let now = ctx.now()?;
    let candidates = running(&schedule, now, filter);
    let is_planned = |talk: &Session| {
        file.sessions
            .iter()
            .any(|s| s.status == Status::Planned && s.schedule_id.is_some() && s.schedule_id == talk.schedule_id)
    };
    if let Some(talk) = the_one(&candidates, now, !filter.trim().is_empty(), is_planned) {
        return add_talk(talk, event, fields, ctx);
    }
    if candidates.len() > 1 && ctx.can_prompt() {
        let items: Vec<String> = candidates.iter().map(|t| talk_line(t, event)).collect();
        let choice = ctx.prompt().fuzzy_select("Which talk? (type to filter)", &items)?;
        return add_talk(candidates[choice], event, fields, ctx);
    }
    match candidates.as_slice() {
        [] => Err(Error::user(
            match filter.trim() {
                "" => "no talk is under way or starting within 15 minutes".to_string(),
                _ => format!("no talk under way or starting within 15 minutes matches '{}'", sanitize_line(filter)),
            },
            format!("notes list --schedule --day {} shows the day's schedule", event.today(now).unwrap_or(1)),
        )),
        several => {
            let mut lines: Vec<String> =
                several.iter().take(10).map(|t| format!("  {}", talk_line(t, event))).collect();
            if several.len() > 10 {
                lines.push(format!("  and {} more", several.len() - 10));
            }
            let what = match filter.trim() {
                "" => format!("{} talks are under way or about to start", several.len()),
                _ => format!("{} talks match '{}'", several.len(), sanitize_line(filter)),
            };
            Err(Error::user(
                format!("{what}:\n{}", lines.join("\n")),
                "be more specific, e.g. notes add --now \"Hall 7\"",
            ))
        }
    }
}

/// Copies a scheduled talk into the journal, current, with the flags given
/// to `add`. Attended, unless it starts later than 15 minutes from now
/// (found by search): then planned.
fn add_talk(talk: &Session, event: &Event, fields: &SessionFields, ctx: &mut Context) -> Result<()> {
    let later = starts_later(talk, ctx.now()?);
    let status = if later { Status::Planned } else { Status::Attended };
    let vocabulary = ctx.vocabulary()?;
    let (id, new) = ctx.update_event_making_current(&event.slug, |doc| {
        doc.pick(talk, status, |session, event| fields.apply(session, event, vocabulary))
    })?;
    ctx.ui.print(&picked(id, &talk.title, new, later))
}

/// "11:00–11:35  Hall 7 · Title — Speakers", sanitised for the terminal.
fn talk_line(talk: &Session, event: &Event) -> String {
    let mut line = format!("{:<11}  ", time_range(event, talk));
    if let Some(room) = &talk.room {
        line.push_str(&format!("{room} · "));
    }
    line.push_str(&talk.title);
    if !talk.speakers.is_empty() {
        line.push_str(&format!(" — {}", talk.speakers_line()));
    }
    sanitize_line(&line).into_owned()
}

/// On a terminal with an imported schedule: the talks under way first,
/// then a fuzzy search over the day's talks. `None`: the user will type.
/// `--day` picks the day to search (at night, noting the day's talks).
fn choose_from_schedule(event: &Event, day: Option<u32>, ctx: &mut Context) -> Result<Option<Session>> {
    let now = ctx.now()?;
    let today = event.today(now).ok();
    let Some(day) = day.or(today) else { return Ok(None) };
    let schedule = ctx.journal()?.schedule(event)?;
    if schedule.is_empty() {
        return Ok(None);
    }
    let running = if Some(day) == today { running(&schedule, now, "") } else { Vec::new() };
    let search = format!("Search all talks of day {day}…");
    let other = "Another session (type its title)".to_string();
    let day_talks: Vec<&Session> = schedule.iter().filter(|t| t.day == day).collect();
    let mut search_items = vec![other.clone()];
    search_items.extend(day_talks.iter().map(|t| talk_line(t, event)));
    loop {
        if !running.is_empty() {
            let mut items: Vec<String> = running.iter().map(|t| talk_line(t, event)).collect();
            items.extend([search.clone(), other.clone()]);
            // Typing filters the list: a letter never cancels (Esc does).
            let choice = ctx.prompt().fuzzy_select("Which talk? (type to filter)", &items)?;
            if let Some(talk) = running.get(choice) {
                return Ok(Some((*talk).clone()));
            }
            if items[choice] == other {
                return Ok(None);
            }
        }
        match ctx.prompt().fuzzy_select("Type to search the day's talks (Esc: back)", &search_items) {
            // Esc in the search goes back to the talks under way, if any.
            Err(Error::Cancelled) if !running.is_empty() => continue,
            choice => return Ok(choice?.checked_sub(1).and_then(|i| day_talks.get(i)).map(|t| (*t).clone())),
        }
    }
}

/// The interactive flow: title, speakers, kind, tags, verdict. Answers are
/// collected before any lock is taken.
fn ask(fields: &mut SessionFields, event: &Event, ctx: &mut Context) -> Result<String> {
    let title = loop {
        let title = ctx.prompt().input("Title", None)?;
        if !title.trim().is_empty() {
            break title;
        }
        ctx.ui.warn("a session needs a title (Ctrl-C to cancel)");
    };
    if fields.speaker.is_empty() {
        let speakers = ctx.prompt().input("Speakers, e.g. Liz Rice (Isovalent), Thomas Graf (Enter: none)", None)?;
        fields.speaker = Speaker::parse_list(&speakers).iter().map(ToString::to_string).collect();
    }
    if fields.kind.is_none() {
        let kinds: Vec<String> = Kind::keys().iter().map(|k| k.to_string()).collect();
        let default = Kind::ALL.iter().position(|k| *k == Kind::default()).unwrap_or(0);
        fields.kind = Some(Kind::ALL[ctx.prompt().select("Kind", &kinds, default)?]);
    }
    if fields.tag.is_empty() {
        let tags = ctx.prompt().input("Tags, separated by spaces or commas (Enter: none)", None)?;
        fields.tag = tags.split([' ', ',']).filter(|t| !t.is_empty()).map(str::to_string).collect();
    }
    if fields.verdict.is_none() {
        let vocabulary = ctx.vocabulary()?.clone();
        let mut choices = vec!["(none yet)".to_string()];
        choices.extend(vocabulary.iter().map(|v| v.label(ctx.lang()).to_string()));
        let choice = ctx.prompt().select("Verdict", &choices, 0)?;
        fields.verdict = choice.checked_sub(1).and_then(|i| vocabulary.iter().nth(i)).map(|v| v.key.clone());
    }
    if fields.day.is_none() && event.today(ctx.now()?).is_err() {
        let days: Vec<String> = (1..=event.day_count())
            .map(|d| format!("Day {d} ({})", event.date_of(d).map(|x| x.to_string()).unwrap_or_default()))
            .collect();
        fields.day = Some(ctx.prompt().select("Day", &days, 0)? as u32 + 1);
    }
    Ok(title)
}
