//! `notes add`: a new session, from flags or, on a terminal, from prompts.

use chrono::{DateTime, FixedOffset, Timelike};
use clap::Args;

use crate::cli::{TimeArg, parse_day, parse_kind, parse_status, parse_time};
use crate::commands::{Context, plan};
use crate::error::{Error, Result};
use crate::model::{Event, Kind, Link, Session, Speaker, Status, Vocabulary};
use crate::render::time_range;
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes add \"Simplifying multi-cluster deployments with Cilium\" -s \"Liz Rice (Isovalent)\" -t ebpf -t cilium --room \"Hall 7\"
  notes add \"Keynote: Opening\" -k keynote --at 09:00 -d 2
  notes add \"Rook: Intro and Ceph Deep Dive\" --status missed --link slides=https://example.org/rook.pdf
  notes add --now \"Hall 7\"   # the imported programme's talk under way in Hall 7
  notes add            # on a terminal: offers the talks under way, then asks the title, speakers, kind, tags, verdict

The day defaults to today's day of the event, in the event's time zone; a session added
during the event's day without --at starts now (to the five minutes).";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct AddArgs {
    /// The session's title (asked for on a terminal when left out)
    title: Option<String>,

    /// Pick the programme talk under way (or starting within 15 minutes)
    /// whose room or title contains this text
    #[arg(long, value_name = "ROOM_OR_TEXT", num_args = 0..=1, default_missing_value = "", conflicts_with = "title")]
    now: Option<String>,

    #[command(flatten)]
    fields: SessionFields,
}

/// The session fields that `add` and `edit` both take.
#[derive(Debug, Args, Default)]
pub struct SessionFields {
    /// Speaker, "Name (Organisation)" or "Name @Organisation" (repeat for several)
    #[arg(short, long, value_name = "SPEAKER")]
    pub speaker: Vec<String>,

    /// keynote, talk, panel, lightning, workshop, bof, demo, sponsor, networking, other [default: talk]
    #[arg(short, long, value_parser = parse_kind)]
    pub kind: Option<Kind>,

    /// Day of the event, 1 for the first [default: today's]
    #[arg(short, long, value_name = "N", value_parser = parse_day)]
    pub day: Option<u32>,

    /// Tag (repeat for several)
    #[arg(short, long)]
    pub tag: Vec<String>,

    /// Verdict: top, good, meh, to-try or a label ("à tester"), or one from config
    #[arg(short, long)]
    pub verdict: Option<String>,

    /// Text appended to the notes (Markdown)
    #[arg(short = 'm', long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// Room
    #[arg(long)]
    pub room: Option<String>,

    /// Track
    #[arg(long)]
    pub track: Option<String>,

    /// Start: HH:MM on the session's day, or YYYY-MM-DDTHH:MM
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<TimeArg>,

    /// End: HH:MM on the session's day, or YYYY-MM-DDTHH:MM
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub end: Option<TimeArg>,

    /// Link, as URL or LABEL=URL, e.g. slides=https://… (repeat for several)
    #[arg(long, value_name = "LINK")]
    pub link: Vec<String>,

    /// attended, planned, missed, replay [default: attended]
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
}

impl SessionFields {
    pub fn is_empty(&self) -> bool {
        self.speaker.is_empty()
            && self.kind.is_none()
            && self.day.is_none()
            && self.tag.is_empty()
            && self.verdict.is_none()
            && self.note.is_none()
            && self.room.is_none()
            && self.track.is_none()
            && self.at.is_none()
            && self.end.is_none()
            && self.link.is_empty()
            && self.status.is_none()
    }

    /// Applies the flags to `session`: lists given replace (links are
    /// appended), notes are appended, the day comes from `--day`, else from
    /// a dated `--at`.
    pub fn apply(&self, session: &mut Session, event: &Event, vocabulary: &Vocabulary) -> Result<()> {
        session.day = self.day_for(event, || Ok(session.day))?;
        if !self.speaker.is_empty() {
            session.speakers = self.speaker.iter().filter_map(|s| Speaker::parse(s)).collect();
        }
        if !self.tag.is_empty() {
            session.tags = self.tag.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
        }
        session.kind = self.kind.unwrap_or(session.kind);
        session.status = self.status.unwrap_or(session.status);
        if let Some(verdict) = &self.verdict {
            session.verdict = Some(vocabulary.resolve(verdict)?.key.clone());
        }
        if let Some(note) = &self.note {
            session.jot(note, true);
        }
        set_text(&mut session.room, &self.room);
        set_text(&mut session.track, &self.track);
        session.links.extend(self.link.iter().map(|l| Link::parse(l)));
        if self.at.is_some() {
            session.at = resolve_time(self.at, event, session.day)?;
        }
        if self.end.is_some() {
            session.end = resolve_time(self.end, event, session.day)?;
        }
        if let (Some(at), Some(end)) = (session.at, session.end)
            && end < at
        {
            return Err(Error::usage(
                format!("the session ends ({end}) before it starts ({at})"),
                "check --at and --end",
            ));
        }
        Ok(())
    }

    /// The day the flags put the session on: `--day`, else the date of a
    /// dated `--at`, else `fallback`.
    pub fn day_for(&self, event: &Event, fallback: impl FnOnce() -> Result<u32>) -> Result<u32> {
        match (self.day, self.at) {
            (Some(day), _) => event.check_day(day),
            (None, Some(TimeArg::Local(t))) => day_on(t.date(), event),
            (None, Some(TimeArg::Fixed(t))) => day_on(event.timezone.local(&t).date_naive(), event),
            _ => fallback(),
        }
    }
}

/// An empty value clears the field.
fn set_text(field: &mut Option<String>, value: &Option<String>) {
    if let Some(value) = value {
        *field = Some(value.trim().to_string()).filter(|v| !v.is_empty());
    }
}

fn day_on(date: chrono::NaiveDate, event: &Event) -> Result<u32> {
    event.day_on(date).ok_or_else(|| {
        Error::usage(
            format!("{date} is not a day of {} ({} to {})", event.name, event.start, event.end),
            "give a time on one of the event's days",
        )
    })
}

/// A command-line time as a date-time of the event's zone on `day`.
fn resolve_time(time: Option<TimeArg>, event: &Event, day: u32) -> Result<Option<DateTime<FixedOffset>>> {
    let local = match time {
        None => return Ok(None),
        Some(TimeArg::Fixed(t)) => return Ok(Some(t)),
        Some(TimeArg::Local(t)) => t,
        Some(TimeArg::Clock(t)) => event.date_of(event.check_day(day)?).unwrap_or(event.start).and_time(t),
    };
    let at = event.timezone.from_local(local).ok_or_else(|| Error::BadValue {
        what: "time",
        input: local.to_string(),
        expected: "a time that exists in the event's time zone",
    })?;
    Ok(Some(at.fixed_offset()))
}

pub fn run(args: AddArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let mut fields = args.fields;
    if let Some(filter) = &args.now {
        let event = ctx.journal.load(&slug)?.event;
        return add_now(filter, &event, &fields, ctx);
    }
    let title = match args.title {
        Some(title) => title,
        None if ctx.prompt.available() => {
            let event = ctx.journal.load(&slug)?.event;
            match choose_from_programme(&event, fields.day, ctx)? {
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
    let (now, vocabulary) = (ctx.now, ctx.vocabulary.clone());
    // Everything is checked against the event as read under the lock, in
    // the one parse of the file that the write needs anyway.
    let added = ctx.update_event(&slug, |doc| {
        let event = doc.event().clone();
        let day = fields.day_for(&event, || event.today(now))?;
        let mut session = Session { title, day, id: doc.next_id()?, ..Session::default() };
        fields.apply(&mut session, &event, &vocabulary)?;
        // Added during the talk: it started about now.
        if fields.at.is_none() && event.today(now).ok() == Some(session.day) {
            session.at = Some(started_about(now, &event));
        }
        doc.add_session(session.clone());
        Ok(session)
    })?;
    ctx.touch_session(&slug, added.id)?;
    ctx.ui.print(&format!("Added #{} to {slug}, day {}: {}", added.id, added.day, sanitize_line(&added.title)))
}

/// `now` in the event's zone, down to the five minutes: a talk noted at
/// 11:07 started at 11:05, as far as anyone will remember.
fn started_about(now: chrono::DateTime<chrono::Utc>, event: &Event) -> DateTime<FixedOffset> {
    use chrono::{DurationRound, TimeDelta};
    let local = event.timezone.local(&now);
    local.duration_trunc(TimeDelta::minutes(5)).unwrap_or(local).with_nanosecond(0).unwrap_or(local)
}

/// `add --now TEXT`: the one programme talk under way that matches.
fn add_now(filter: &str, event: &Event, fields: &SessionFields, ctx: &mut Context) -> Result<()> {
    let programme = ctx.journal.programme(event)?;
    if programme.is_empty() {
        return Err(Error::usage(
            format!("{} has no programme", event.slug),
            "import the schedule first: notes import schedule.ics",
        ));
    }
    let candidates = plan::running(&programme, ctx.now, filter);
    match candidates.as_slice() {
        [talk] => add_talk(talk, event, fields, ctx),
        [] => Err(Error::usage(
            match filter.trim() {
                "" => "no talk is under way or starting within 15 minutes".to_string(),
                _ => format!("no talk under way or starting within 15 minutes matches '{}'", sanitize_line(filter)),
            },
            format!("notes list --schedule --day {} shows the day's programme", event.today(ctx.now).unwrap_or(1)),
        )),
        several => {
            let lines: Vec<String> = several.iter().take(10).map(|t| format!("  {}", talk_line(t, event))).collect();
            let what = match filter.trim() {
                "" => format!("{} talks are under way or about to start", several.len()),
                _ => format!("{} talks match '{}'", several.len(), sanitize_line(filter)),
            };
            Err(Error::usage(
                format!("{what}:\n{}", lines.join("\n")),
                "be more specific, e.g. notes add --now \"Hall 7\"",
            ))
        }
    }
}

/// Copies a programme talk into the journal, current, with the flags given
/// to `add`. Attended, unless it starts later than 15 minutes from now
/// (found by search): then planned.
fn add_talk(talk: &Session, event: &Event, fields: &SessionFields, ctx: &mut Context) -> Result<()> {
    let later = talk.at.is_some_and(|at| at > ctx.now + chrono::Duration::minutes(15));
    let status = if later { Status::Planned } else { Status::Attended };
    let vocabulary = ctx.vocabulary.clone();
    let (id, added) =
        plan::pick(ctx, &event.slug, talk, status, |session, event| fields.apply(session, event, &vocabulary))?;
    let title = sanitize_line(&talk.title);
    ctx.ui.print(&match (added, later) {
        (true, false) => format!("Added #{id} {title}, from the programme: jot away."),
        (false, false) => format!("Now attending #{id} {title}: jot away."),
        (_, true) => format!("Planned #{id} {title} (it starts later); it is the current session."),
    })
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

/// On a terminal with an imported programme: the talks under way first,
/// then a fuzzy search over the day's talks. `None`: the user will type.
/// `--day` picks the day to search (at night, noting the day's talks).
fn choose_from_programme(event: &Event, day: Option<u32>, ctx: &mut Context) -> Result<Option<Session>> {
    let today = event.today(ctx.now).ok();
    let Some(day) = day.or(today) else { return Ok(None) };
    let programme = ctx.journal.programme(event)?;
    if programme.is_empty() {
        return Ok(None);
    }
    let running = if Some(day) == today { plan::running(&programme, ctx.now, "") } else { Vec::new() };
    let search = format!("Search all talks of day {day}…");
    let other = "Another session (type its title)".to_string();
    let day_talks: Vec<&Session> = programme.iter().filter(|t| t.day == day).collect();
    let mut search_items = vec![other.clone()];
    search_items.extend(day_talks.iter().map(|t| talk_line(t, event)));
    loop {
        if !running.is_empty() {
            let mut items: Vec<String> = running.iter().map(|t| talk_line(t, event)).collect();
            items.extend([search.clone(), other.clone()]);
            let choice = ctx.prompt.select("Which talk?", &items, 0)?;
            if let Some(talk) = running.get(choice) {
                return Ok(Some((*talk).clone()));
            }
            if items[choice] == other {
                return Ok(None);
            }
        }
        match ctx.prompt.fuzzy_select("Type to search the day's talks (Esc: back)", &search_items) {
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
        let title = ctx.prompt.input("Title", None)?;
        if !title.trim().is_empty() {
            break title;
        }
        ctx.ui.warn("a session needs a title (Ctrl-C to cancel)");
    };
    if fields.speaker.is_empty() {
        let speakers = ctx.prompt.input("Speakers, e.g. Liz Rice (Isovalent), Thomas Graf (Enter: none)", None)?;
        fields.speaker = Speaker::parse_list(&speakers).iter().map(ToString::to_string).collect();
    }
    if fields.kind.is_none() {
        let kinds: Vec<String> = Kind::keys().iter().map(|k| k.to_string()).collect();
        let default = Kind::ALL.iter().position(|k| *k == Kind::default()).unwrap_or(0);
        fields.kind = Some(Kind::ALL[ctx.prompt.select("Kind", &kinds, default)?]);
    }
    if fields.tag.is_empty() {
        let tags = ctx.prompt.input("Tags, separated by spaces or commas (Enter: none)", None)?;
        fields.tag = tags.split([' ', ',']).filter(|t| !t.is_empty()).map(str::to_string).collect();
    }
    if fields.verdict.is_none() {
        let mut choices = vec!["(none yet)".to_string()];
        choices.extend(ctx.vocabulary.iter().map(|v| v.label(ctx.lang).to_string()));
        let choice = ctx.prompt.select("Verdict", &choices, 0)?;
        fields.verdict = choice.checked_sub(1).and_then(|i| ctx.vocabulary.iter().nth(i)).map(|v| v.key.clone());
    }
    if fields.day.is_none() && event.today(ctx.now).is_err() {
        let days: Vec<String> = (1..=event.day_count())
            .map(|d| format!("Day {d} ({})", event.date_of(d).map(|x| x.to_string()).unwrap_or_default()))
            .collect();
        fields.day = Some(ctx.prompt.select("Day", &days, 0)? as u32 + 1);
    }
    Ok(title)
}
