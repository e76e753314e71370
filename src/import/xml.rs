//! frab / Pentabarf / pretalx `schedule.xml` (FOSDEM, CCC, DebConf…).
//!
//! An event's `date` (with offset) is authoritative; older files only have
//! the day's date and a local `start`, read in the conference zone and moved
//! to the next day when earlier than the conference's `day_change`.

use chrono::{DateTime, Days, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Deserialize;

use super::text::{html_to_text, parse_clock_duration};
use super::{Format, ImportError, Schedule, Talk, guess_kind, local_time};
use crate::model::{Link, Speaker};

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

    fn parse(text: &str, zone: Option<Tz>) -> Result<Schedule, ImportError> {
        let root: Root =
            quick_xml::de::from_str(text).map_err(|e| ImportError(format!("not a readable schedule.xml: {e}")))?;
        let conference = root.conference;
        let declared = conference.as_ref().and_then(|c| c.time_zone_name.as_deref()).and_then(|z| z.parse::<Tz>().ok());
        let day_change = conference
            .as_ref()
            .and_then(|c| c.day_change.as_deref())
            .and_then(|d| NaiveTime::parse_from_str(d.trim(), "%H:%M:%S").ok());
        let date =
            |text: Option<&String>| text.and_then(|t| NaiveDate::parse_from_str(t.trim().get(..10)?, "%Y-%m-%d").ok());
        let mut schedule = Schedule {
            format: "schedule.xml",
            name: conference.as_ref().and_then(|c| c.title.clone()).map(|t| t.trim().to_string()),
            timezone: declared,
            start: date(conference.as_ref().and_then(|c| c.start.as_ref())),
            end: date(conference.as_ref().and_then(|c| c.end.as_ref())),
            ..Schedule::default()
        };
        let mut skipped = 0;
        for day in &root.day {
            let day_date = date(day.date.as_ref());
            for room in &day.room {
                for event in &room.event {
                    match talk(event, day_date, room.name.as_deref(), zone.or(declared), day_change) {
                        Some(talk) => schedule.talks.push(talk),
                        None => skipped += 1,
                    }
                }
            }
        }
        if skipped > 0 {
            schedule.warnings.push(format!("{skipped} events without a title or a time were skipped"));
        }
        schedule.talks.sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
        Ok(schedule)
    }
}

fn clean(text: &Option<String>) -> Option<String> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

fn talk(
    event: &Event,
    day: Option<NaiveDate>,
    room: Option<&str>,
    zone: Option<Tz>,
    day_change: Option<NaiveTime>,
) -> Option<Talk> {
    let title = clean(&event.title)?;
    let start = match clean(&event.date).and_then(|d| DateTime::parse_from_rfc3339(&d).ok()) {
        Some(start) => start,
        None => {
            let time = NaiveTime::parse_from_str(event.start.as_deref()?.trim(), "%H:%M").ok()?;
            let after_midnight = day_change.is_some_and(|change| time < change);
            let date = if after_midnight { day?.checked_add_days(Days::new(1))? } else { day? };
            local_time(date.and_time(time), zone)?
        }
    };
    let end = event
        .duration
        .as_deref()
        .and_then(parse_clock_duration)
        .and_then(|d| start.checked_add_signed(d))
        .filter(|e| *e > start);
    let full_title = match clean(&event.subtitle) {
        Some(subtitle) => format!("{title}: {subtitle}"),
        None => title.clone(),
    };
    let text = clean(&event.abstract_text).or_else(|| clean(&event.description));
    let mut links: Vec<Link> =
        clean(&event.url).map(|url| Link { label: "schedule".into(), url }).into_iter().collect();
    links.extend(event.links.iter().flat_map(|l| &l.link).filter_map(|l| {
        let url = clean(&l.href)?;
        Some(Link { label: clean(&l.text).unwrap_or_else(|| "link".into()), url })
    }));
    Some(Talk {
        id: clean(&event.guid)
            .or_else(|| clean(&event.id))
            .unwrap_or_else(|| format!("{title}@{}", start.to_rfc3339())),
        kind: guess_kind(&[event.kind.as_deref().unwrap_or(""), event.track.as_deref().unwrap_or("")], &title),
        title: full_title,
        speakers: event
            .persons
            .iter()
            .flat_map(|p| &p.person)
            .filter_map(|p| clean(&p.text))
            .filter_map(|name| Speaker::parse(&name))
            .collect(),
        start,
        end,
        room: clean(&event.room).or_else(|| room.map(str::to_string)),
        track: clean(&event.track),
        abstract_text: text.map(|t| html_to_text(&t)).filter(|t| !t.is_empty()),
        links,
    })
}
