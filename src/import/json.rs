//! pretalx / frab / c3voc `schedule.json`.
//!
//! Each event's `date` carries its own offset and is trusted over the
//! conference's `time_zone_name` (which real files get wrong).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime};
use serde::Deserialize;

use super::{Format, FrabEntry, ImportError, Schedule, Talk, local_time, present};
use crate::messages::{self, Text};
use crate::model::Zone;

pub struct Json;

#[derive(Deserialize)]
struct Root {
    schedule: ScheduleJson,
}

#[derive(Deserialize)]
struct ScheduleJson {
    conference: Conference,
}

#[derive(Deserialize)]
struct Conference {
    title: Option<String>,
    start: Option<String>,
    end: Option<String>,
    time_zone_name: Option<String>,
    #[serde(default)]
    days: Vec<Day>,
}

#[derive(Deserialize)]
struct Day {
    date: Option<String>,
    #[serde(default)]
    rooms: BTreeMap<String, Vec<Event>>,
}

#[derive(Deserialize)]
struct Event {
    guid: Option<String>,
    code: Option<String>,
    id: Option<serde_json::Value>,
    date: Option<String>,
    start: Option<String>,
    duration: Option<String>,
    room: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    track: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(rename = "abstract")]
    abstract_text: Option<String>,
    description: Option<String>,
    #[serde(default)]
    persons: Vec<Person>,
    #[serde(default)]
    links: Vec<LinkJson>,
    url: Option<String>,
}

#[derive(Deserialize)]
struct Person {
    name: Option<String>,
    public_name: Option<String>,
}

#[derive(Deserialize)]
struct LinkJson {
    title: Option<String>,
    url: Option<String>,
}

impl Format for Json {
    fn detect(text: &str) -> bool {
        text.starts_with('{')
    }

    fn parse(text: &str, zone: Option<&Zone>) -> Result<Schedule, ImportError> {
        let root: Root = serde_json::from_str(text)
            .map_err(|e| ImportError::Unreadable { format: "schedule.json", detail: e.to_string() })?;
        let conference = root.schedule.conference;
        let declared = conference.time_zone_name.as_deref().and_then(Zone::parse);
        let mut schedule = Schedule {
            format: "schedule.json",
            name: conference.title.clone(),
            timezone: declared.clone(),
            start: conference.start.as_deref().and_then(date),
            end: conference.end.as_deref().and_then(date),
            ..Schedule::default()
        };
        let mut skipped = 0;
        for day in &conference.days {
            for (room, events) in &day.rooms {
                for event in events {
                    match talk(event, day, room, zone.or(declared.as_ref()), declared.is_some()) {
                        Some(talk) => schedule.talks.push(talk),
                        None => skipped += 1,
                    }
                }
            }
        }
        if skipped > 0 {
            schedule.warnings.push(Text::new(|lang| messages::import_skipped(lang, skipped)));
        }
        schedule.talks.sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
        Ok(schedule)
    }
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// One talk; `declared`: the file names its zone (else a time without an
/// offset is a wall-clock time, kept floating).
fn talk(event: &Event, day: &Day, room: &str, zone: Option<&Zone>, declared: bool) -> Option<Talk> {
    let title = present(event.title.as_deref())?;
    let (start, floating) = match event.date.as_deref().and_then(|d| DateTime::parse_from_rfc3339(d).ok()) {
        Some(start) => (start, false),
        None => {
            let day = day.date.as_deref().and_then(date)?;
            let time = NaiveTime::parse_from_str(event.start.as_deref()?, "%H:%M").ok()?;
            (local_time(day.and_time(time), zone)?, !declared)
        }
    };
    let id = event.guid.clone().or_else(|| event.code.clone()).or_else(|| event.id.as_ref().map(id_text));
    let entry = FrabEntry {
        id: id.as_deref(),
        floating,
        title,
        subtitle: event.subtitle.as_deref(),
        start,
        duration: event.duration.as_deref(),
        room: present(event.room.as_deref()).or(Some(room)),
        track: event.track.as_deref(),
        kind: event.kind.as_deref(),
        abstract_text: event.abstract_text.as_deref(),
        description: event.description.as_deref(),
        url: event.url.as_deref(),
        links: event.links.iter().filter_map(|l| Some((l.title.as_deref(), l.url.as_deref()?))).collect(),
        persons: event.persons.iter().filter_map(|p| p.public_name.as_deref().or(p.name.as_deref())).collect(),
    };
    Some(entry.into_talk())
}

fn id_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
