//! Conference schedules: iCalendar, pretalx/c3voc `schedule.json`, frab
//! `schedule.xml`. One module per format, each producing a [`Schedule`] of
//! [`Talk`]s with absolute times; [`parse`] picks the format from the
//! content. Nothing here touches the journal.

mod ics;
mod json;
mod text;
mod xml;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::messages::{self, Text};
use crate::model::{Kind, Lang, Link, Speaker, Zone, storable};

pub use text::{html_to_text, parse_clock_duration};

/// A schedule larger than this is refused: real ones are under 3 MB.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// What an importer found in a file.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// "iCalendar", "schedule.json" or "schedule.xml".
    pub format: &'static str,
    pub name: Option<String>,
    /// The zone the file declares, if it names a real one.
    pub timezone: Option<Zone>,
    /// The zone of the city its places name, if they name one (Sched's
    /// locations end with "Amsterdam, Netherlands").
    pub place_zone: Option<Zone>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub talks: Vec<Talk>,
    /// Things the user should know (a zone guessed, entries skipped).
    pub warnings: Vec<Text>,
}

/// One scheduled talk, times as instants.
#[derive(Debug, Clone, PartialEq)]
pub struct Talk {
    /// The schedule's own id (made unique within the file).
    pub id: String,
    pub title: String,
    pub speakers: Vec<Speaker>,
    pub start: DateTime<FixedOffset>,
    pub end: Option<DateTime<FixedOffset>>,
    pub room: Option<String>,
    pub track: Option<String>,
    pub kind: Kind,
    pub abstract_text: Option<String>,
    pub links: Vec<Link>,
    /// The file gave the times without an offset or a zone of its own:
    /// they are wall-clock times, kept so whatever the event's zone.
    pub floating: bool,
}

impl Talk {
    /// The talk as a session of `event` (id 0, status planned), or `None`
    /// when it falls outside the event's days.
    pub fn to_session(&self, event: &crate::model::Event) -> Option<crate::model::Session> {
        Some(crate::model::Session {
            day: event.day_of(self.start)?,
            title: self.title.clone(),
            kind: self.kind,
            speakers: self.speakers.clone(),
            at: Some(event.timezone.local(&self.start)),
            end: self.end.map(|e| event.timezone.local(&e)),
            room: self.room.clone(),
            track: self.track.clone(),
            links: self.links.clone(),
            status: crate::model::Status::Planned,
            schedule_id: Some(self.id.clone()),
            abstract_text: self.abstract_text.clone(),
            floating: self.floating,
            ..crate::model::Session::default()
        })
    }
}

/// The fields that frab-style schedules (`schedule.json` and
/// `schedule.xml`) share, once each format has found them and the start.
struct FrabEntry<'a> {
    id: Option<&'a str>,
    title: &'a str,
    subtitle: Option<&'a str>,
    start: DateTime<FixedOffset>,
    duration: Option<&'a str>,
    room: Option<&'a str>,
    track: Option<&'a str>,
    kind: Option<&'a str>,
    abstract_text: Option<&'a str>,
    description: Option<&'a str>,
    url: Option<&'a str>,
    /// (label, url)
    links: Vec<(Option<&'a str>, &'a str)>,
    persons: Vec<&'a str>,
    /// The start was a wall-clock time in no zone the file names.
    floating: bool,
}

/// A trimmed, non-empty text.
fn present(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl FrabEntry<'_> {
    fn into_talk(self) -> Talk {
        let start = self.start;
        let end = present(self.duration)
            .and_then(text::parse_clock_duration)
            .and_then(|d| start.checked_add_signed(d))
            .filter(|e| *e > start);
        let title = match present(self.subtitle) {
            Some(subtitle) => format!("{}: {subtitle}", self.title),
            None => self.title.to_string(),
        };
        let mut links: Vec<Link> =
            present(self.url).map(|url| Link { label: "schedule".into(), url: url.to_string() }).into_iter().collect();
        links.extend(self.links.iter().filter_map(|(label, url)| {
            Some(Link { label: present(*label).unwrap_or("link").to_string(), url: present(Some(url))?.to_string() })
        }));
        Talk {
            id: present(self.id).map_or_else(|| format!("{}@{}", self.title, start.to_rfc3339()), str::to_string),
            kind: guess_kind(&[self.kind.unwrap_or(""), self.track.unwrap_or("")], self.title),
            title,
            speakers: self.persons.into_iter().filter_map(Speaker::parse).collect(),
            start,
            end,
            room: present(self.room).map(str::to_string),
            track: present(self.track).map(str::to_string),
            abstract_text: present(self.abstract_text)
                .or(present(self.description))
                .map(text::html_to_text)
                .filter(|t| !t.is_empty()),
            links,
            floating: self.floating,
        }
    }
}

/// Why a file is not a schedule we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooBig,
    Empty,
    Binary,
    UnknownFormat,
    /// The format was recognised, but the file does not read as one
    /// (`detail`: the parser's words).
    Unreadable {
        format: &'static str,
        detail: String,
    },
    /// iCalendar that does not parse, and the line (of the unfolded text) where.
    InvalidCalendar {
        line: Option<usize>,
    },
    TooDeep(usize),
    NoTalks(&'static str),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::TooBig => messages::import_too_big(lang, MAX_BYTES / (1024 * 1024)),
            ImportError::Empty => messages::import_empty(lang),
            ImportError::Binary => messages::import_binary(lang),
            ImportError::UnknownFormat => messages::import_unknown_format(lang),
            ImportError::Unreadable { format, detail } => messages::import_unreadable(lang, format, detail),
            ImportError::InvalidCalendar { line: None } => messages::import_invalid_calendar(lang),
            ImportError::InvalidCalendar { line: Some(line) } => messages::import_invalid_calendar_at(lang, *line),
            ImportError::TooDeep(depth) => messages::import_too_deep(lang, *depth),
            ImportError::NoTalks(format) => messages::import_no_talks(lang, format),
        }
    }
}

/// English, for logs.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// One schedule format.
trait Format {
    /// Whether `text` (trimmed, without BOM) looks like this format.
    fn detect(text: &str) -> bool;
    /// Reads the schedule. `zone` reads times that carry no zone of their own.
    fn parse(text: &str, zone: Option<&Zone>) -> Result<Schedule, ImportError>;
}

/// Detects the format from the content and reads the schedule.
/// `zone` is used for times without offset or zone (`--tz`, or the event's).
pub fn parse(bytes: &[u8], zone: Option<&Zone>) -> Result<Schedule, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooBig);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // iCalendar is unfolded on bytes first: a fold may split a UTF-8 character.
    let is_ics = bytes.trim_ascii_start().starts_with(b"BEGIN:VCALENDAR");
    let text = if is_ics { text::decode(&text::unfold(bytes)) } else { text::decode(bytes) };
    let (text, lossy) = text?;
    let trimmed = text.trim_start();
    let mut schedule = if ics::Ics::detect(trimmed) {
        ics::Ics::parse(trimmed, zone)?
    } else if json::Json::detect(trimmed) {
        json::Json::parse(trimmed, zone)?
    } else if xml::Xml::detect(trimmed) {
        xml::Xml::parse(trimmed, zone)?
    } else if trimmed.is_empty() {
        return Err(ImportError::Empty);
    } else {
        return Err(ImportError::UnknownFormat);
    };
    if lossy {
        schedule.warnings.push(Text::new(messages::import_not_utf8));
    }
    keep_storable_dates(&mut schedule);
    if schedule.talks.is_empty() {
        return Err(ImportError::NoTalks(schedule.format));
    }
    make_ids_unique(&mut schedule.talks);
    Ok(schedule)
}

/// Drops talks (and conference dates) in years a journal cannot hold,
/// with a warning: a schedule of year 0 or 10000 is a broken one.
fn keep_storable_dates(schedule: &mut Schedule) {
    let before = schedule.talks.len();
    schedule.talks.retain(|t| storable(t.start).is_some() && t.end.is_none_or(|end| storable(end).is_some()));
    let dropped = before - schedule.talks.len();
    if dropped > 0 {
        schedule.warnings.push(Text::new(|lang| messages::import_bad_years(lang, dropped)));
    }
    schedule.start = schedule.start.and_then(storable);
    schedule.end = schedule.end.and_then(storable);
}

/// The same id twice is one session in two slots (a workshop run twice):
/// the later slots get their start time appended.
fn make_ids_unique(talks: &mut [Talk]) {
    // Every run of a repeated id (a workshop given twice, the instances of
    // a recurring calendar entry) is told by its start: the same in any
    // order of the file, so a re-import never moves notes to another run.
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for talk in talks.iter() {
        *counts.entry(talk.id.clone()).or_default() += 1;
    }
    for talk in talks.iter_mut() {
        if counts[&talk.id] > 1 {
            talk.id = format!("{}@{}", talk.id, talk.start.format("%Y%m%dT%H%M"));
        }
    }
    // Runs at the same minute too: then by file order, the last resort.
    let mut seen = std::collections::HashSet::new();
    for talk in talks.iter_mut() {
        let mut n = 1;
        let base = talk.id.clone();
        while !seen.insert(talk.id.clone()) {
            n += 1;
            talk.id = format!("{base}#{n}");
        }
    }
}

/// A wall-clock time in `zone` (UTC when none), as an instant.
fn local_time(local: NaiveDateTime, zone: Option<&Zone>) -> Option<DateTime<FixedOffset>> {
    zone.unwrap_or(&Zone::UTC).from_local(local)
}

/// Recognises keynotes, lightning talks, workshops… from the words a
/// schedule uses in its type or track (`hints`) and the title. Whole words
/// ("Breaking the Monolith" is not a break), or the end of a compound
/// ("Paketierworkshop"). Breaks and meals are told by their category, or by
/// a title of a few words ("Coffee Break"), not by "How To Break X".
fn guess_kind(hints: &[&str], title: &str) -> Kind {
    let words = |text: &str| -> Vec<String> {
        crate::model::text::fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let hint_words: Vec<String> = hints.iter().flat_map(|h| words(h)).collect();
    let title_words = words(title);
    let all: Vec<&String> = hint_words.iter().chain(&title_words).collect();
    let text = format!(" {} ", all.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" "));
    let has = |phrases: &[&str]| {
        phrases.iter().any(|p| {
            text.contains(&format!(" {p} ")) || (!p.contains(' ') && p.len() >= 7 && all.iter().any(|w| w.ends_with(p)))
        })
    };
    let social = [
        "break",
        "breaks",
        "lunch",
        "dinner",
        "breakfast",
        "coffee",
        "registration",
        "reception",
        "party",
        "cloakroom",
    ];
    let is_social = hint_words.iter().any(|w| social.contains(&w.as_str()))
        || (title_words.len() <= 4 && title_words.iter().any(|w| social.contains(&w.as_str())));
    if has(&["keynote", "keynotes"]) {
        Kind::Keynote
    } else if has(&["lightning"]) {
        Kind::Lightning
    } else if has(&["workshop", "workshops", "tutorial", "tutorials", "hands on", "contribfest"]) {
        Kind::Workshop
    } else if has(&["panel", "panels", "table ronde"]) {
        Kind::Panel
    } else if has(&["birds of a feather", "bof", "bofs", "meetup"]) {
        Kind::Bof
    } else if has(&["sponsored", "sponsor"]) {
        Kind::Sponsor
    } else if has(&["demo", "demos"]) {
        Kind::Demo
    } else if is_social {
        Kind::Other
    } else {
        Kind::Talk
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_schedule_words() {
        assert_eq!(guess_kind(&["KEYNOTE SESSIONS"], "Opening"), Kind::Keynote);
        assert_eq!(guess_kind(&["⚡ LIGHTNING TALKS"], "Fast"), Kind::Lightning);
        assert_eq!(guess_kind(&["Long talk (45 minutes)"], "Debian"), Kind::Talk);
        assert_eq!(guess_kind(&[], "Coffee Break ☕"), Kind::Other);
        assert_eq!(guess_kind(&["BREAKS"], "Refuel"), Kind::Other);
        assert_eq!(guess_kind(&[], "Breaking the Monolith"), Kind::Talk);
        assert_eq!(guess_kind(&["SECURITY"], "How To Break Multi-Tenancy Again and Again"), Kind::Talk);
        assert_eq!(guess_kind(&[], "card10 Badge"), Kind::Talk);
        assert_eq!(guess_kind(&[], "Debian Paketierworkshop"), Kind::Workshop);
        assert_eq!(guess_kind(&["Dinner"], "Dinner"), Kind::Other);
    }

    #[test]
    fn refuses_what_is_not_a_schedule() {
        assert_eq!(parse(b"", None).unwrap_err(), ImportError::Empty);
        assert_eq!(parse(b"hello", None).unwrap_err(), ImportError::UnknownFormat);
        assert!(parse(&[0xff, 0xfe, 0x00, 0x01], None).is_err());
        assert_eq!(parse(&vec![b' '; MAX_BYTES + 1], None).unwrap_err(), ImportError::TooBig);
        assert!(ImportError::TooBig.to_string().contains("16 MB"));
    }
}
