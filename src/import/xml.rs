//! frab / Pentabarf / pretalx `schedule.xml` (FOSDEM, CCC, DebConf…).
//!
//! An event's `date` (with offset) is authoritative; older files only have
//! the day's date and a local `start`, read in the conference zone and moved
//! to the next day when earlier than the conference's `day_change`.

use chrono::{DateTime, Days, NaiveDate, NaiveTime};
use serde::Deserialize;

use super::{Format, FrabEntry, ImportError, Schedule, Talk, local_time, present};
use crate::messages;
use crate::model::Zone;

pub struct Xml;

#[derive(Deserialize)]
struct Root {
    conference: Option<Conference>,
    #[serde(default)]
    day: Vec<Day>,
}

#[derive(Deserialize)]
struct Conference {
    title: Option<String>,
    start: Option<String>,
    end: Option<String>,
    time_zone_name: Option<String>,
    day_change: Option<String>,
}

#[derive(Deserialize)]
struct Day {
    #[serde(rename = "@date")]
    date: Option<String>,
    #[serde(default)]
    room: Vec<Room>,
}

#[derive(Deserialize)]
struct Room {
    #[serde(rename = "@name")]
    name: Option<String>,
    #[serde(default)]
    event: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    #[serde(rename = "@id")]
    id: Option<String>,
    #[serde(rename = "@guid")]
    guid: Option<String>,
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
    url: Option<String>,
    persons: Option<Persons>,
    links: Option<Links>,
}

#[derive(Deserialize)]
struct Persons {
    #[serde(default)]
    person: Vec<Text>,
}

#[derive(Deserialize)]
struct Links {
    #[serde(default)]
    link: Vec<XmlLink>,
}

#[derive(Deserialize)]
struct Text {
    #[serde(rename = "$text")]
    text: Option<String>,
}

#[derive(Deserialize)]
struct XmlLink {
    #[serde(rename = "@href")]
    href: Option<String>,
    #[serde(rename = "$text")]
    text: Option<String>,
}

impl Format for Xml {
    fn detect(text: &str) -> bool {
        text.starts_with('<') && text.contains("<schedule")
    }

    fn parse(text: &str, zone: Option<&Zone>) -> Result<Schedule, ImportError> {
        let root: Root = quick_xml::de::from_str(text)
            .map_err(|e| ImportError::Unreadable { format: "schedule.xml", detail: e.to_string() })?;
        let conference = root.conference;
        let declared = conference.as_ref().and_then(|c| c.time_zone_name.as_deref()).and_then(Zone::parse);
        let day_change = conference
            .as_ref()
            .and_then(|c| c.day_change.as_deref())
            .and_then(|d| NaiveTime::parse_from_str(d.trim(), "%H:%M:%S").ok());
        let date =
            |text: Option<&String>| text.and_then(|t| NaiveDate::parse_from_str(t.trim().get(..10)?, "%Y-%m-%d").ok());
        let mut schedule = Schedule {
            format: "schedule.xml",
            name: conference.as_ref().and_then(|c| present(c.title.as_deref())).map(str::to_string),
            timezone: declared.clone(),
            start: date(conference.as_ref().and_then(|c| c.start.as_ref())),
            end: date(conference.as_ref().and_then(|c| c.end.as_ref())),
            ..Schedule::default()
        };
        let mut skipped = 0;
        for day in &root.day {
            let day_date = date(day.date.as_ref());
            for room in &day.room {
                for event in &room.event {
                    match talk(
                        event,
                        day_date,
                        room.name.as_deref(),
                        zone.or(declared.as_ref()),
                        declared.is_some(),
                        day_change,
                    ) {
                        Some(talk) => schedule.talks.push(talk),
                        None => skipped += 1,
                    }
                }
            }
        }
        if skipped > 0 {
            schedule.warnings.push(messages::Text::new(|lang| messages::import_skipped(lang, skipped)));
        }
        schedule.talks.sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
        Ok(schedule)
    }
}

fn talk(
    event: &Event,
    day: Option<NaiveDate>,
    room: Option<&str>,
    zone: Option<&Zone>,
    declared: bool,
    day_change: Option<NaiveTime>,
) -> Option<Talk> {
    let title = present(event.title.as_deref())?;
    let (start, floating) = match present(event.date.as_deref()).and_then(|d| DateTime::parse_from_rfc3339(d).ok()) {
        Some(start) => (start, false),
        None => {
            let time = NaiveTime::parse_from_str(event.start.as_deref()?.trim(), "%H:%M").ok()?;
            let after_midnight = day_change.is_some_and(|change| time < change);
            let date = if after_midnight { day?.checked_add_days(Days::new(1))? } else { day? };
            (local_time(date.and_time(time), zone)?, !declared)
        }
    };
    let entry = FrabEntry {
        floating,
        id: present(event.guid.as_deref()).or(present(event.id.as_deref())),
        title,
        subtitle: event.subtitle.as_deref(),
        start,
        duration: event.duration.as_deref(),
        room: present(event.room.as_deref()).or(room),
        track: event.track.as_deref(),
        kind: event.kind.as_deref(),
        abstract_text: event.abstract_text.as_deref(),
        description: event.description.as_deref(),
        url: event.url.as_deref(),
        links: event
            .links
            .iter()
            .flat_map(|l| &l.link)
            .filter_map(|l| Some((l.text.as_deref(), l.href.as_deref()?)))
            .collect(),
        persons: event.persons.iter().flat_map(|p| &p.person).filter_map(|p| p.text.as_deref()).collect(),
    };
    Some(entry.into_talk())
}
