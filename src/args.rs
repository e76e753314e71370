//! The clap fragments that several commands share: the filters of `list`,
//! `filter` and `export`, the session fields of `add` and `edit`, and the
//! value parsers that turn arguments into domain values. A floor below the
//! commands, so that none of them imports another.

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::Args;

use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, Hidden, Kind, Link, SECTION_KEYS, Session, Speaker, Status, Vocabulary, storable, text};
use crate::query::{DaySel, Query};

/// The filters shared by `list`, `filter` and `export`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only this day: a number, today, tomorrow, yesterday, a date (2024-03-21) or a weekday (thursday, jeudi); repeat for several
    #[arg(short, long, value_name = "DAY", value_parser = parse_day_arg)]
    pub day: Vec<DayArg>,

    /// Only this kind: keynote, talk, panel, lightning, workshop, bof, demo, sponsor, networking, other
    #[arg(short, long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Vec<Kind>,

    /// Only this verdict (key or label: meh, "à tester"…)
    #[arg(short, long, value_name = "VERDICT")]
    pub verdict: Vec<String>,

    /// Only this status: attended, planned, missed, replay
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Vec<Status>,

    /// Only sessions with this tag
    #[arg(short, long, value_name = "TAG")]
    pub tag: Vec<String>,

    /// Only sessions by this speaker (part of a name or organisation)
    #[arg(short, long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only sessions in this room (part of its name)
    #[arg(long, value_name = "ROOM")]
    pub room: Option<String>,

    /// Only sessions of this track (part of its name)
    #[arg(long, value_name = "TRACK")]
    pub track: Option<String>,

    /// Only sessions with these words (whole words, or their start) in the title, speakers, tags, room, track, notes or abstract
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// The filters as a [`Query`], verdicts resolved against `vocabulary`;
    /// `today` (the date in the event's zone) is asked for only when a day
    /// is given as today, tomorrow or yesterday.
    pub fn query(&self, vocabulary: &Vocabulary, today: impl FnOnce() -> Result<NaiveDate>) -> Result<Query> {
        let verdicts =
            self.verdict.iter().map(|v| vocabulary.resolve(v).map(|v| v.key.clone())).collect::<Result<_>>()?;
        let relative = self.day.iter().any(|d| matches!(d, DayArg::FromToday(_)));
        let today = if relative { Some(today()?) } else { None };
        let resolve = |day: &DayArg| match *day {
            DayArg::Is(sel) => sel,
            // Day 0 is no day: a date out of chrono's range matches nothing.
            DayArg::FromToday(offset) => today
                .and_then(|t| t.checked_add_signed(chrono::Duration::days(offset)))
                .map_or(DaySel::Number(0), DaySel::Date),
        };
        let days = self.day.iter().map(resolve).collect();
        let query = Query {
            days,
            room: self.room.as_deref().map(text::fold),
            track: self.track.as_deref().map(text::fold),
            kinds: self.kind.clone(),
            verdicts,
            statuses: self.status.clone(),
            tags: self.tag.iter().map(|t| text::fold(t)).collect(),
            speaker: self.speaker.as_deref().map(text::fold),
            words: Vec::new(),
        };
        Ok(query.with_words(self.search.iter()))
    }
}

/// `URL` or `LABEL=URL`; an address without a scheme (`example.org/x`) is
/// taken as https, and what is no address at all is refused.
pub fn parse_link(input: &str) -> Result<Link> {
    let link = Link::parse(input);
    if link.url.contains("://") || link.url.starts_with("mailto:") {
        return Ok(link);
    }
    let host = link.url.split('/').next().unwrap_or("");
    let looks_like_host = host.contains('.') && !host.starts_with('.') && !host.ends_with('.');
    if looks_like_host && !link.url.chars().any(char::is_whitespace) {
        return Ok(Link::parse(&format!("{}https://{}", label_prefix(input), link.url)));
    }
    Err(Error::BadValue { input: input.to_string(), message: messages::bad_link })
}

/// `slides=` of `slides=example.org/x`, or nothing.
fn label_prefix(input: &str) -> &str {
    match input.trim().split_once('=') {
        Some((label, _)) if !label.contains('/') && !label.contains("://") => &input.trim()[..=label.len()],
        _ => "",
    }
}

/// `SECTION=TEXT` (`SECTION=`: no heading) or `SECTION` (the default again).
pub fn parse_heading(input: &str) -> Result<(String, Option<String>)> {
    let (section, text) = match input.split_once('=') {
        Some((section, text)) => (section.trim(), Some(text.trim().to_string())),
        None => (input.trim(), None),
    };
    if SECTION_KEYS.contains(&section) {
        Ok((section.to_string(), text))
    } else {
        Err(Error::BadValue { input: input.to_string(), message: messages::bad_heading })
    }
}

pub fn parse_hidden(input: &str) -> Result<Hidden> {
    input.parse()
}

pub fn parse_kind(input: &str) -> Result<Kind> {
    input.parse()
}

pub fn parse_status(input: &str) -> Result<Status> {
    input.parse()
}

pub fn parse_date(input: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .ok()
        .and_then(storable)
        .ok_or_else(|| Error::BadValue { input: input.to_string(), message: messages::bad_date })
}

/// A day as a filter takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayArg {
    Is(DaySel),
    /// Today (0), tomorrow (1), yesterday (-1): a date once the clock is read.
    FromToday(i64),
}

/// A day number, today / tomorrow / yesterday (also in French), a date, or
/// a weekday in English or French (whole or its first three letters).
pub fn parse_day_arg(input: &str) -> Result<DayArg> {
    let word = text::fold(input.trim());
    let relative = match word.as_str() {
        "today" | "aujourd'hui" | "aujourdhui" => Some(0),
        "tomorrow" | "demain" => Some(1),
        "yesterday" | "hier" => Some(-1),
        _ => None,
    };
    if let Some(offset) = relative {
        return Ok(DayArg::FromToday(offset));
    }
    if let Ok(day) = word.parse::<u32>() {
        return parse_day(&day.to_string()).map(|n| DayArg::Is(DaySel::Number(n)));
    }
    if let Ok(date) = NaiveDate::parse_from_str(&word, "%Y-%m-%d") {
        return Ok(DayArg::Is(DaySel::Date(date)));
    }
    weekday(&word)
        .map(|w| DayArg::Is(DaySel::Weekday(w)))
        .ok_or_else(|| Error::BadValue { input: input.to_string(), message: messages::bad_day_filter })
}

fn weekday(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    const NAMES: [(chrono::Weekday, &str, &str); 7] = [
        (Mon, "monday", "lundi"),
        (Tue, "tuesday", "mardi"),
        (Wed, "wednesday", "mercredi"),
        (Thu, "thursday", "jeudi"),
        (Fri, "friday", "vendredi"),
        (Sat, "saturday", "samedi"),
        (Sun, "sunday", "dimanche"),
    ];
    let prefix = |name: &str| word.len() >= 3 && name.starts_with(word);
    NAMES.iter().find(|(_, en, fr)| prefix(en) || prefix(fr)).map(|(day, _, _)| *day)
}

pub fn parse_day(input: &str) -> Result<u32> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| *d >= 1)
        .ok_or_else(|| Error::BadValue { input: input.to_string(), message: messages::bad_day })
}

/// A time given on the command line: `11:00` on the session's day, or a
/// full date and time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TimeArg {
    Clock(chrono::NaiveTime),
    Local(chrono::NaiveDateTime),
    Fixed(chrono::DateTime<chrono::FixedOffset>),
}

pub fn parse_time(input: &str) -> Result<TimeArg> {
    let input = input.trim();
    let clock =
        ["%H:%M", "%Hh%M", "%Hh", "%H:%M:%S"].iter().find_map(|f| chrono::NaiveTime::parse_from_str(input, f).ok());
    if let Some(time) = clock {
        return Ok(TimeArg::Clock(time));
    }
    if let Some(at) = chrono::DateTime::parse_from_rfc3339(input).ok().and_then(storable) {
        return Ok(TimeArg::Fixed(at));
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(input, f).ok().and_then(storable))
        .map(TimeArg::Local)
        .ok_or_else(|| Error::BadValue { input: input.to_string(), message: messages::bad_time })
}

/// The session fields that `add` and `edit` both take.
#[derive(Debug, Args, Default)]
pub struct SessionFields {
    /// Speaker, "Name (Organisation)", "Name @Organisation", with a role "Name [CEO] (Organisation)" (repeat for several)
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

    /// Link, as URL or LABEL=URL, e.g. slides=https://… (repeat for several; example.org/x is https://example.org/x)
    #[arg(long, value_name = "LINK", value_parser = parse_link)]
    pub link: Vec<Link>,

    /// attended, planned, missed, replay [default: attended]
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,

    /// Leave this part out of the post, when your notes already say it: heading, byline (the speakers), verdict (repeat for several)
    #[arg(long, value_name = "PART", value_parser = parse_hidden)]
    pub hide: Vec<Hidden>,

    /// Put the session in a section of the post of your own, e.g. "Communauté et inclusion" (sessions sharing it are grouped, after the keynotes)
    #[arg(long, value_name = "HEADING")]
    pub section: Option<String>,
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
            && self.hide.is_empty()
            && self.section.is_none()
    }

    /// Applies the flags to `session`: lists given replace (links are
    /// appended), notes are appended, the day comes from `--day`, else from
    /// a dated `--at`.
    pub fn apply(&self, session: &mut Session, event: &Event, vocabulary: &Vocabulary) -> Result<()> {
        let old_day = session.day;
        session.day = self.day_for(event, || Ok(session.day))?;
        // Another day, same times: `at` and `end` move with the day.
        let days = i64::from(session.day) - i64::from(old_day);
        if self.at.is_none() {
            session.at = session.at.map(|at| move_days(at, days, event)).transpose()?;
        }
        if self.end.is_none() {
            session.end = session.end.map(|end| move_days(end, days, event)).transpose()?;
        }
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
        if let Some(section) = &self.section {
            session.section = Some(text::one_line(section)).filter(|s| !s.is_empty());
        }
        session.links.extend(self.link.iter().cloned());
        if !self.hide.is_empty() {
            session.hidden = self.hide.clone();
            session.hidden.dedup();
        }
        if self.at.is_some() {
            session.at = resolve_time(self.at, event, session.day)?;
        }
        if self.end.is_some() {
            session.end = resolve_time(self.end, event, session.day)?;
        }
        if let (Some(at), Some(end)) = (session.at, session.end)
            && end < at
        {
            return Err(Error::user(
                |lang| messages::session_ends_before_start(lang, &at.to_string(), &end.to_string()),
                messages::hint_check_at_end,
            ));
        }
        Ok(())
    }

    /// The day the flags put the session on: `--day`, else the date of a
    /// dated `--at`, else `fallback`.
    pub fn day_for(&self, event: &Event, fallback: impl FnOnce() -> Result<u32>) -> Result<u32> {
        let dated = match self.at {
            Some(TimeArg::Local(t)) => Some(day_on(t.date(), event)?),
            Some(TimeArg::Fixed(t)) => Some(day_on(event.timezone.local(&t).date_naive(), event)?),
            _ => None,
        };
        match (self.day, dated) {
            (Some(day), Some(of_at)) if day != of_at => {
                Err(Error::user(|lang| messages::day_and_at_disagree(lang, day, of_at), messages::hint_one_or_clock))
            }
            (Some(day), _) => event.check_day(day),
            (None, Some(day)) => Ok(day),
            (None, None) => fallback(),
        }
    }
}

/// `at` moved by `days` days, at the same wall-clock time of the event's zone.
fn move_days(at: DateTime<FixedOffset>, days: i64, event: &Event) -> Result<DateTime<FixedOffset>> {
    if days == 0 {
        return Ok(at);
    }
    in_event_zone(event.timezone.local(&at).naive_local() + chrono::Duration::days(days), event)
}

/// A wall-clock time of the event's zone, as an instant.
fn in_event_zone(local: chrono::NaiveDateTime, event: &Event) -> Result<DateTime<FixedOffset>> {
    event
        .timezone
        .from_local(local)
        .map(|t| t.fixed_offset())
        .ok_or_else(|| Error::BadValue { input: local.to_string(), message: messages::time_not_in_zone })
}

/// An empty value clears the field.
fn set_text(field: &mut Option<String>, value: &Option<String>) {
    if let Some(value) = value {
        *field = Some(value.trim().to_string()).filter(|v| !v.is_empty());
    }
}

fn day_on(date: chrono::NaiveDate, event: &Event) -> Result<u32> {
    event.day_on(date).ok_or_else(|| {
        let (start, end) = (event.start.to_string(), event.end.to_string());
        Error::user(
            |lang| messages::not_a_day_of(lang, &date.to_string(), &event.name, &start, &end),
            messages::hint_time_on_a_day,
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
    in_event_zone(local, event).map(Some)
}
