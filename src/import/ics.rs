//! iCalendar (RFC 5545) schedules: Sched, pretalx and friends.
//!
//! Times come as UTC, as local time with `TZID`, or floating. Speakers are
//! not structured: they are read from `ATTENDEE;CN=`, from a first
//! description line ("Speaker: …", "von: …"), or from the end of the
//! summary in the producer's own convention.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::parser::{Component, Property, read_calendar};

use super::text::{html_to_text, parse_iso_duration};
use super::{Format, ImportError, Schedule, Talk, guess_kind, local_time};
use crate::messages::{self, Text};
use crate::model::Zone;
use crate::model::{Link, Speaker};

pub struct Ics;

/// Who made the file: the speaker conventions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Producer {
    /// "Title - Name & Name, Company; Name, Company"
    Sched,
    /// "Title - Name, Name"
    Pretalx,
    Other,
}

impl Format for Ics {
    fn detect(text: &str) -> bool {
        text.starts_with("BEGIN:VCALENDAR")
    }

    fn parse(text: &str, zone: Option<&Zone>) -> Result<Schedule, ImportError> {
        check_nesting(text)?;
        let calendar = read_calendar(text).map_err(|e| invalid_calendar(&e))?;
        let prop =
            |name: &str| calendar.properties.iter().find(|p| p.name == name).map(|p| p.val.as_str().trim().to_string());
        let prodid = prop("PRODID").unwrap_or_default();
        let producer = if prodid.contains("Sched.com") {
            Producer::Sched
        } else if prodid.to_ascii_lowercase().contains("pretalx") {
            Producer::Pretalx
        } else {
            Producer::Other
        };
        let declared = prop("X-WR-TIMEZONE").and_then(|z| Zone::parse(&z));
        let mut schedule = Schedule {
            format: "iCalendar",
            name: calendar_name(&prodid, prop("X-WR-CALNAME")),
            timezone: declared.clone(),
            ..Schedule::default()
        };
        let mut skipped = 0;
        let mut unknown_zones = std::collections::BTreeSet::new();
        for event in calendar.components.iter().filter(|c| c.name == "VEVENT") {
            match talk(event, producer, zone.or(declared.as_ref()), declared.is_some(), &mut unknown_zones) {
                Some(talk) => schedule.talks.push(talk),
                None => skipped += 1,
            }
        }
        if skipped > 0 {
            schedule.warnings.push(Text::new(|lang| messages::import_ics_skipped(lang, skipped)));
        }
        for zone_name in unknown_zones {
            schedule.warnings.push(Text::new(|lang| messages::import_zone_unknown(lang, &zone_name)));
        }
        schedule.place_zone = place_zone(&calendar);
        schedule.start = schedule.talks.iter().map(|t| t.start.date_naive()).min();
        schedule.end = schedule.talks.iter().map(|t| t.start.date_naive()).max();
        Ok(schedule)
    }
}

/// The zone of the place most events name (Sched: "Room, City, Country").
fn place_zone(calendar: &icalendar::parser::Calendar<'_>) -> Option<Zone> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for event in calendar.components.iter().filter(|c| c.name == "VEVENT") {
        if let Some(location) = event.find_prop("LOCATION") {
            *counts.entry(location.val.as_str()).or_default() += 1;
        }
    }
    let mut places: Vec<(&str, usize)> = counts.into_iter().collect();
    places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    places.iter().take(5).find_map(|(place, _)| Zone::of_place(&place.replace("\\,", ",")))
}

/// The parser's error, without its internals: where it stopped.
fn invalid_calendar(error: &str) -> ImportError {
    let line = error.split("at line ").nth(1).and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next());
    ImportError::InvalidCalendar { line: line.and_then(|l| l.parse().ok()) }
}

/// "-//Sched.com KubeCon + CloudNativeCon Europe 2026//EN" → the event name.
fn calendar_name(prodid: &str, calname: Option<String>) -> Option<String> {
    let from_prodid = prodid.split("//").nth(1).and_then(|p| p.strip_prefix("Sched.com ")).map(str::to_string);
    from_prodid.or(calname).filter(|n| !n.trim().is_empty())
}

fn talk(
    event: &Component<'_>,
    producer: Producer,
    zone: Option<&Zone>,
    declared: bool,
    unknown: &mut std::collections::BTreeSet<String>,
) -> Option<Talk> {
    let text = |name: &str| {
        event
            .find_prop(name)
            .map(|p| p.val.as_str().trim_end_matches('\r').trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if text("STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED")) {
        return None;
    }
    let summary = text("SUMMARY")?;
    let start_prop = event.find_prop("DTSTART")?;
    // Neither UTC nor TZID, in a calendar that names no zone: a wall-clock time.
    let floating = !declared
        && !start_prop.val.as_str().trim().ends_with('Z')
        && !start_prop.params.iter().any(|p| p.key == "TZID");
    let start = datetime(start_prop, zone, unknown)?;
    let end = match event.find_prop("DTEND") {
        Some(end) => datetime(end, zone, unknown),
        None => text("DURATION").and_then(|d| parse_iso_duration(&d)).and_then(|d| start.checked_add_signed(d)),
    };
    let description = text("DESCRIPTION").map(|d| html_to_text(&d)).unwrap_or_default();
    let (title, speakers, description) = speakers(event, producer, &summary, description);
    let categories: Vec<String> = event
        .properties
        .iter()
        .filter(|p| p.name == "CATEGORIES")
        .flat_map(|p| split_text_list(p.val.as_str()))
        .collect();
    let room = text("LOCATION").map(|l| l.split(',').next().unwrap_or("").trim().to_string()).filter(|r| !r.is_empty());
    let hints: Vec<&str> = categories.iter().map(String::as_str).collect();
    Some(Talk {
        id: text("UID").unwrap_or_else(|| format!("{}@{}", title, start.to_rfc3339())),
        kind: guess_kind(&hints, &title),
        title,
        speakers,
        start,
        end: end.filter(|e| *e > start),
        room,
        track: categories.first().cloned(),
        abstract_text: Some(description).filter(|d| !d.is_empty()),
        links: text("URL").map(|url| vec![Link { label: "schedule".into(), url }]).unwrap_or_default(),
        floating,
    })
}

/// The title, the speakers and what is left of the description.
fn speakers(
    event: &Component<'_>,
    producer: Producer,
    summary: &str,
    description: String,
) -> (String, Vec<Speaker>, String) {
    let attendees: Vec<Speaker> = event
        .properties
        .iter()
        .filter(|p| p.name == "ATTENDEE")
        .filter_map(|p| p.params.iter().find(|param| param.key == "CN").and_then(|param| param.val.as_ref()))
        .filter_map(|cn| Speaker::parse(cn.as_str().trim_matches('"')))
        .collect();
    let (first, rest) = description.split_once('\n').unwrap_or((&description, ""));
    let from_description = ["speakers:", "speaker:", "von:", "par:", "by:"].iter().find_map(|p| {
        first.get(..p.len()).filter(|head| head.eq_ignore_ascii_case(p)).map(|_| first[p.len()..].trim().to_string())
    });
    if !attendees.is_empty() || from_description.is_some() {
        let remaining = if from_description.is_some() { rest.trim().to_string() } else { description.clone() };
        let speakers = if attendees.is_empty() {
            from_description.iter().flat_map(|d| d.split([',', '&'])).filter_map(Speaker::parse).collect()
        } else {
            attendees
        };
        return (summary.to_string(), speakers, remaining);
    }
    // Titles contain " - " too: take the first split whose tail reads as
    // speakers in the producer's convention.
    // A few splits are enough for any real title, and keep a summary of
    // thousands of " - " from costing a split each.
    for (at, _) in summary.match_indices(" - ").take(MAX_TITLE_DASHES) {
        let tail = &summary[at + 3..];
        let speakers = match producer {
            Producer::Sched => sched_speakers(tail),
            Producer::Pretalx => {
                Some(tail.split(", ").filter_map(Speaker::parse).collect()).filter(|s: &Vec<Speaker>| !s.is_empty())
            }
            Producer::Other => None,
        };
        if let Some(speakers) = speakers {
            return (summary[..at].trim().to_string(), speakers, description);
        }
    }
    (summary.to_string(), Vec::new(), description)
}

/// Words of job titles, which Sched puts between a name and a company.
const JOB_WORDS: &[&str] = &[
    "founder",
    "cofounder",
    "co",
    "ceo",
    "cto",
    "cio",
    "coo",
    "cfo",
    "vp",
    "president",
    "engineer",
    "maintainer",
    "manager",
    "director",
    "fellow",
    "architect",
    "lead",
    "head",
    "principal",
    "senior",
    "staff",
    "developer",
    "advocate",
    "evangelist",
    "specialist",
    "consultant",
    "officer",
    "chair",
    "member",
    "researcher",
    "scientist",
    "owner",
    "product",
    "engineering",
    "software",
    "technical",
    "distinguished",
    "sre",
    "chief",
    "partner",
    "analyst",
    "professor",
    "student",
    "contributor",
    "committer",
    "ambassador",
    "core",
    "steering",
    "committee",
];

/// Name particles that are not capitalised.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "das", "bin", "al", "y", "ten", "ter",
];

/// Whether `text` reads as a person's name: one to five words, capitalised
/// (or particles), and no job-title word.
fn plausible_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            let folded = crate::model::text::fold(w);
            let bare: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
            !bare.iter().any(|p| JOB_WORDS.contains(p))
                && (w.chars().next().is_some_and(|c| c.is_uppercase()) || PARTICLES.contains(&folded.as_str()))
        })
}

/// Deepest nesting of components read: a calendar holds events holding
/// alarms; the parser recurses once per level, so a file of thousands of
/// `BEGIN:` lines would overflow the stack.
const MAX_NESTING: usize = 8;

/// How many " - " of a summary are tried as the start of the speakers.
const MAX_TITLE_DASHES: usize = 8;

fn check_nesting(text: &str) -> Result<(), ImportError> {
    let mut depth = 0usize;
    for line in text.lines() {
        if is_property(line, "BEGIN") {
            depth += 1;
            if depth > MAX_NESTING {
                return Err(ImportError::TooDeep(MAX_NESTING));
            }
        } else if is_property(line, "END") {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

/// Whether `line` is the property `name`, as the calendar parser reads
/// names: in any case, followed by its value (`:`) or parameters (`;`).
fn is_property(line: &str, name: &str) -> bool {
    line.get(..name.len()).is_some_and(|start| start.eq_ignore_ascii_case(name))
        && matches!(line.as_bytes().get(name.len()), Some(b':' | b';'))
}

/// Sched's speakers: groups separated by "; "; in a group, people separated
/// by " & ", each "Name[, Job title…][, Company]", a person without a
/// company taking the group's last one ("Nick Young & James Strong,
/// Isovalent"). " & " also occurs inside job titles ("Founder & CEO"): a
/// piece that does not start with a name belongs to the previous person.
/// `None` when the tail does not read so.
fn sched_speakers(tail: &str) -> Option<Vec<Speaker>> {
    let tail = tail.replace('\u{a0}', " ");
    let mut speakers = Vec::new();
    for group in tail.split("; ") {
        let mut people: Vec<String> = Vec::new();
        for piece in group.split(" & ") {
            let first = piece.split(", ").next().unwrap_or("").trim();
            match people.last_mut() {
                Some(previous) if !plausible_name(first) => {
                    previous.push_str(" & ");
                    previous.push_str(piece);
                }
                _ => people.push(piece.to_string()),
            }
        }
        let parts: Vec<Vec<&str>> = people.iter().map(|p| p.split(", ").map(str::trim).collect()).collect();
        let company = parts.last().filter(|p| p.len() > 1).and_then(|p| p.last().copied());
        for person in &parts {
            if !plausible_name(person[0]) {
                return None;
            }
            let org = if person.len() > 1 { person.last().copied() } else { company };
            // "Name, Job title, Company": the job title is the role.
            let role = (person.len() > 2).then(|| person[1..person.len() - 1].join(", "));
            speakers.push(Speaker { name: person[0].to_string(), role, org: org.map(str::to_string) });
        }
    }
    Some(speakers).filter(|s| !s.is_empty())
}

/// A comma-separated TEXT list, with `\,` kept inside items.
fn split_text_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut chars = value.trim_end_matches('\r').chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    current.push(if next == 'n' || next == 'N' { ' ' } else { next });
                }
            }
            ',' => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    items.into_iter().map(|i| i.trim().to_string()).filter(|i| !i.is_empty()).collect()
}

/// DTSTART/DTEND: UTC, local with TZID, or floating. All-day dates are not talks.
fn datetime(
    prop: &Property<'_>,
    zone: Option<&Zone>,
    unknown: &mut std::collections::BTreeSet<String>,
) -> Option<DateTime<FixedOffset>> {
    let value = prop.val.as_str().trim().trim_end_matches('\r');
    let param = |key: &str| {
        prop.params
            .iter()
            .find(|p| p.key == key)
            .and_then(|p| p.val.as_ref())
            .map(|v| v.as_str().trim_matches('"').to_string())
    };
    if param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || NaiveDate::parse_from_str(value, "%Y%m%d").is_ok()
    {
        return None;
    }
    if let Some(utc) = value.strip_suffix('Z') {
        let naive = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").ok()?;
        return Some(Utc.from_utc_datetime(&naive).fixed_offset());
    }
    let naive = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?;
    let named = param("TZID").and_then(|name| {
        let tz = Zone::parse(&name);
        if tz.is_none() {
            unknown.insert(name);
        }
        tz
    });
    local_time(naive, named.as_ref().or(zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sched_speaker_groups() {
        let names =
            |tail: &str| sched_speakers(tail).unwrap_or_default().iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            names("Nick Young & James Strong, Isovalent at Cisco; Katarzyna Łach, Google"),
            ["Nick Young (Isovalent at Cisco)", "James Strong (Isovalent at Cisco)", "Katarzyna Łach (Google)"]
        );
        assert_eq!(
            names("Jonathan Bryce, Executive Director, Linux Foundation & Chris Aniszczyk, CTO, CNCF"),
            ["Jonathan Bryce, Executive Director (Linux Foundation)", "Chris Aniszczyk, CTO (CNCF)"]
        );
        assert_eq!(
            names("Greg Kroah-Hartman, Linux Kernel Maintainer & Fellow, The Linux Foundation"),
            ["Greg Kroah-Hartman, Linux Kernel Maintainer & Fellow (The Linux Foundation)"]
        );
        assert_eq!(
            names("Idit Levine, Founder & CEO, Solo.io & Keith Babo, Solo.io"),
            ["Idit Levine, Founder & CEO (Solo.io)", "Keith Babo (Solo.io)"]
        );
        assert_eq!(names("Trygve Tatsuya Falch"), ["Trygve Tatsuya Falch"]);
        assert!(sched_speakers("Powered by Nature, Data, and Open Science").is_none());
    }

    #[test]
    fn the_speakers_split_is_the_first_that_reads_as_speakers() {
        let event = Component { name: "VEVENT".into(), properties: vec![], components: vec![] };
        let summary = "Riding the Waves - Powered by Nature, Data, and Open Science - Ricardo Rocha, Lead Platforms Infrastructure, CERN & Klaus Ohlmann, Founder, Mountain-Wave-Project";
        let (title, speakers, _) = speakers(&event, Producer::Sched, summary, String::new());
        assert_eq!(title, "Riding the Waves - Powered by Nature, Data, and Open Science");
        assert_eq!(speakers.len(), 2);
    }

    #[test]
    fn text_lists_keep_escaped_commas() {
        assert_eq!(split_text_list("A\\, B,C"), ["A, B", "C"]);
    }

    #[test]
    fn a_small_pretalx_calendar() {
        let ics = "BEGIN:VCALENDAR\r\nPRODID:-//pretalx//cfp.example.org//democon\r\nBEGIN:VEVENT\r\nUID:pretalx-democon-ABC@x\r\n\
                   DTSTART;TZID=Europe/Paris:20241012T100000\r\nDURATION:PT45M\r\nSUMMARY:Réseaux - Ana Silva, Tom Martin\r\n\
                   LOCATION:Salle B\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let schedule = Ics::parse(ics, None).unwrap();
        let talk = &schedule.talks[0];
        assert_eq!(talk.title, "Réseaux");
        assert_eq!(talk.speakers.len(), 2);
        assert_eq!(talk.start.to_rfc3339(), "2024-10-12T10:00:00+02:00");
        assert_eq!(talk.end.unwrap().to_rfc3339(), "2024-10-12T10:45:00+02:00");
        assert_eq!(talk.room.as_deref(), Some("Salle B"));
    }
}
