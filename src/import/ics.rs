//! iCalendar (RFC 5545) schedules: Sched, pretalx and friends.
//!
//! Times come as UTC, as local time with `TZID`, or floating. Speakers are
//! not structured: they are read from `ATTENDEE;CN=`, from a first
//! description line ("Speaker: …", "von: …"), or from the end of the
//! summary in the producer's own convention.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::parser::{Component, Property, read_calendar};

use super::text::{html_to_text, parse_iso_duration};
use super::{Format, ImportError, Schedule, Talk, guess_kind, local_time};
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

    fn parse(text: &str, zone: Option<Tz>) -> Result<Schedule, ImportError> {
        let calendar =
            read_calendar(text).map_err(|e| ImportError(format!("invalid iCalendar: {}", first_line(&e))))?;
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
        let declared = prop("X-WR-TIMEZONE").and_then(|z| z.parse::<Tz>().ok());
        let mut schedule = Schedule {
            format: "iCalendar",
            name: calendar_name(&prodid, prop("X-WR-CALNAME")),
            timezone: declared,
            ..Schedule::default()
        };
        let mut skipped = 0;
        let mut unknown_zones = std::collections::BTreeSet::new();
        for event in calendar.components.iter().filter(|c| c.name == "VEVENT") {
            match talk(event, producer, zone.or(declared), &mut unknown_zones) {
                Some(talk) => schedule.talks.push(talk),
                None => skipped += 1,
            }
        }
        if skipped > 0 {
            schedule.warnings.push(format!(
                "{skipped} entries without a title, a time, or that were cancelled, all-day, were skipped"
            ));
        }
        for zone_name in unknown_zones {
            schedule.warnings.push(format!("unknown time zone '{zone_name}': its times were read in the event's zone"));
        }
        schedule.start = schedule.talks.iter().map(|t| t.start.date_naive()).min();
        schedule.end = schedule.talks.iter().map(|t| t.start.date_naive()).max();
        Ok(schedule)
    }
}

fn first_line(error: &str) -> String {
    error.lines().take(3).collect::<Vec<_>>().join(" ").chars().take(200).collect()
}

/// "-//Sched.com KubeCon + CloudNativeCon Europe 2026//EN" → the event name.
fn calendar_name(prodid: &str, calname: Option<String>) -> Option<String> {
    let from_prodid = prodid.split("//").nth(1).and_then(|p| p.strip_prefix("Sched.com ")).map(str::to_string);
    from_prodid.or(calname).filter(|n| !n.trim().is_empty())
}

fn talk(
    event: &Component<'_>,
    producer: Producer,
    zone: Option<Tz>,
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
    let start = datetime(event.find_prop("DTSTART")?, zone, unknown)?;
    let end = match event.find_prop("DTEND") {
        Some(end) => datetime(end, zone, unknown),
        None => text("DURATION").and_then(|d| parse_iso_duration(&d)).map(|d| start + d),
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
    let mut hints: Vec<&str> = categories.iter().map(String::as_str).collect();
    hints.push(&title);
    Some(Talk {
        id: text("UID").unwrap_or_else(|| format!("{}@{}", title, start.to_rfc3339())),
        kind: guess_kind(&hints),
        title,
        speakers,
        start,
        end: end.filter(|e| *e > start),
        room,
        track: categories.first().cloned(),
        abstract_text: Some(description).filter(|d| !d.is_empty()),
        links: text("URL").map(|url| vec![Link { label: "schedule".into(), url }]).unwrap_or_default(),
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
    let from_description = ["speakers:", "speaker:", "von:", "par:", "by:"]
        .iter()
        .find_map(|p| first.to_lowercase().starts_with(p).then(|| first[p.len()..].trim().to_string()));
    if !attendees.is_empty() || from_description.is_some() {
        let remaining = if from_description.is_some() { rest.trim().to_string() } else { description.clone() };
        let speakers = if attendees.is_empty() {
            from_description.iter().flat_map(|d| d.split([',', '&'])).filter_map(Speaker::parse).collect()
        } else {
            attendees
        };
        return (summary.to_string(), speakers, remaining);
    }
    let Some((title, tail)) = summary.rsplit_once(" - ") else { return (summary.to_string(), Vec::new(), description) };
    let speakers = match producer {
        Producer::Sched => sched_speakers(tail),
        Producer::Pretalx => tail.split(", ").filter_map(Speaker::parse).collect(),
        Producer::Other => Vec::new(),
    };
    if speakers.is_empty() {
        (summary.to_string(), speakers, description)
    } else {
        (title.trim().to_string(), speakers, description)
    }
}

/// "Nick Young & James Strong, Isovalent; Ana Silva, Staff Engineer, Acme":
/// groups separated by "; "; in a group, people separated by " & ", each
/// "Name[, Job title…][, Company]"; a person without a company takes the
/// group's last one. A tail that does not read so is left in the title.
fn sched_speakers(tail: &str) -> Vec<Speaker> {
    let mut speakers = Vec::new();
    for group in tail.split("; ") {
        let people: Vec<Vec<&str>> = group.split(" & ").map(|p| p.split(", ").map(str::trim).collect()).collect();
        let company = people.last().filter(|parts| parts.len() > 1).and_then(|parts| parts.last().copied());
        if company.is_none() {
            return Vec::new();
        }
        for parts in &people {
            let name = parts[0];
            if name.is_empty() || name.split_whitespace().count() > 5 {
                return Vec::new();
            }
            let org = if parts.len() > 1 { parts.last().copied() } else { company };
            speakers.push(Speaker { name: name.to_string(), org: org.map(str::to_string) });
        }
    }
    speakers
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
    zone: Option<Tz>,
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
    let tz = match param("TZID") {
        Some(name) => match name.parse::<Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => {
                unknown.insert(name);
                zone
            }
        },
        None => zone,
    };
    local_time(naive, tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sched_speaker_groups() {
        let names = |tail: &str| sched_speakers(tail).iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            names("Nick Young & James Strong, Isovalent at Cisco; Katarzyna Łach, Google"),
            ["Nick Young (Isovalent at Cisco)", "James Strong (Isovalent at Cisco)", "Katarzyna Łach (Google)"]
        );
        assert_eq!(
            names("Jonathan Bryce, Executive Director, Linux Foundation & Chris Aniszczyk, CTO, CNCF"),
            ["Jonathan Bryce (Linux Foundation)", "Chris Aniszczyk (CNCF)"]
        );
        assert!(sched_speakers("not a speaker list").is_empty());
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
