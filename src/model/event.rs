//! An event (a conference) and its days.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::error::Error;
use crate::messages::{self, Text};
use crate::model::{Session, Zone};

/// The years a journal can hold: TOML dates have four digits, and one
/// year of margin keeps a date shifted by a time zone within them.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9998;

/// `at` if its year is one a journal can hold.
pub fn storable<T: chrono::Datelike>(at: T) -> Option<T> {
    YEARS.contains(&at.year()).then_some(at)
}

/// Hour at which a conference day ends, for talks after midnight.
const DAY_CHANGE_HOUR: u32 = 5;

/// A conference, as its `[event]` and `[days.N]` tables describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The file stem: never stored inside the file, so the two cannot disagree.
    pub slug: String,
    pub name: String,
    /// A place, or `None` for an online event.
    pub location: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub timezone: Zone,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub days: BTreeMap<u32, DayNotes>,
}

/// What the user wrote about one day, for the day's post.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayNotes {
    pub label: Option<String>,
    pub intro: Option<String>,
    pub conclusion: Option<String>,
    /// The day's post title, instead of "Event — Day N".
    pub title: Option<String>,
    /// Where the day's post is published, when it is not made here.
    pub url: Option<String>,
    /// A paragraph for the talks the person wished they had seen.
    pub wished: Option<String>,
    /// The day's post section headings renamed (`""`: left out), by
    /// section key ([`SECTION_KEYS`]).
    pub headings: BTreeMap<String, String>,
}

/// The sections of a post whose headings can be renamed.
pub const SECTION_KEYS: [&str; 6] = ["keynotes", "talks", "wished", "meetings", "to_try", "conclusion"];

/// The longest event, in days: a year of meetups fits, and every command
/// that walks the days (a post, `event show`, the day prompt) stays quick.
pub const MAX_DAYS: i64 = 366;

/// Why `start`..=`end` cannot be an event's dates, if it cannot.
pub fn dates_problem(start: NaiveDate, end: NaiveDate) -> Option<Text> {
    if end < start {
        return Some(Text::new(|lang| messages::ends_before_start(lang, &start.to_string(), &end.to_string())));
    }
    let days = (end - start).num_days() + 1;
    (days > MAX_DAYS).then(|| Text::new(|lang| messages::too_many_days(lang, days, MAX_DAYS)))
}

impl Event {
    /// Number of days, day 1 being the start date. At least 1.
    pub fn day_count(&self) -> u32 {
        u32::try_from((self.end - self.start).num_days() + 1).unwrap_or(1).max(1)
    }

    pub fn date_of(&self, day: u32) -> Option<NaiveDate> {
        self.check_day(day).ok()?;
        self.start.checked_add_days(chrono::Days::new(u64::from(day - 1)))
    }

    /// The day of this event on the date of `day` of `old` (the same event
    /// before its dates changed), if it has one.
    pub fn same_date_day(&self, old: &Event, day: u32) -> Option<u32> {
        old.date_of(day).and_then(|date| self.day_on(date))
    }

    /// The day number of `date`, if it falls within the event.
    pub fn day_on(&self, date: NaiveDate) -> Option<u32> {
        let offset = (date - self.start).num_days();
        let day = u32::try_from(offset + 1).ok()?;
        (1..=self.day_count()).contains(&day).then_some(day)
    }

    /// Today's day of the event, in the event's time zone.
    pub fn today(&self, now: DateTime<Utc>) -> Result<u32, Error> {
        let today = self.timezone.local(&now).date_naive();
        self.day_on(today).ok_or_else(|| Error::NotDuringEvent {
            today,
            event: self.name.clone(),
            start: self.start,
            end: self.end,
            last: self.day_count(),
        })
    }

    /// Today's day of the event, or the nearest: the first before the
    /// event, the last after it.
    pub fn nearest_day(&self, now: DateTime<Utc>) -> u32 {
        let today = self.timezone.local(&now).date_naive();
        if today < self.start { 1 } else { self.day_on(today).unwrap_or_else(|| self.day_count()) }
    }

    /// The day a session starting at `at` belongs to, in the event's zone.
    /// Conference days run past midnight: a start before 05:00 belongs to
    /// the day before (unless that is before the event).
    pub fn day_of(&self, at: DateTime<chrono::FixedOffset>) -> Option<u32> {
        let local = self.timezone.local(&at);
        let date = local.date_naive();
        let night = local.time() < chrono::NaiveTime::from_hms_opt(DAY_CHANGE_HOUR, 0, 0).expect("a valid hour");
        match (night, self.day_on(date)) {
            (true, Some(day)) if day > 1 => Some(day - 1),
            (true, None) => date.pred_opt().and_then(|d| self.day_on(d)),
            (_, day) => day,
        }
    }

    pub fn check_day(&self, day: u32) -> Result<u32, Error> {
        let last = self.day_count();
        if (1..=last).contains(&day) {
            Ok(day)
        } else {
            Err(Error::DayOutOfRange { day, last, event: self.name.clone() })
        }
    }

    /// "Jeudi" or, without a label, "Day 2".
    pub fn day_label(&self, day: u32) -> Option<&str> {
        self.days.get(&day).and_then(|d| d.label.as_deref())
    }

    /// The year the event starts, for titles and front matter.
    pub fn year(&self) -> i32 {
        self.start.year()
    }
}

/// An event with its sessions, as read from its file.
#[derive(Debug, Clone)]
pub struct EventFile {
    pub event: Event,
    pub sessions: Vec<Session>,
}

impl EventFile {
    pub fn session(&self, id: u32) -> Result<&Session, Error> {
        self.sessions
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn kubecon() -> Event {
        Event {
            slug: "kubecon".into(),
            name: "KubeCon".into(),
            location: Some("Paris".into()),
            start: NaiveDate::from_ymd_opt(2024, 3, 19).unwrap(),
            end: NaiveDate::from_ymd_opt(2024, 3, 22).unwrap(),
            timezone: Zone::parse("Europe/Paris").unwrap(),
            url: None,
            tags: vec![],
            days: BTreeMap::new(),
        }
    }

    #[test]
    fn days_are_counted_from_the_start_date() {
        let event = kubecon();
        assert_eq!(event.day_count(), 4);
        assert_eq!(event.date_of(2), NaiveDate::from_ymd_opt(2024, 3, 20));
        assert_eq!(event.date_of(5), None);
        assert_eq!(event.day_on(NaiveDate::from_ymd_opt(2024, 3, 22).unwrap()), Some(4));
        assert_eq!(event.day_on(NaiveDate::from_ymd_opt(2024, 3, 18).unwrap()), None);
    }

    #[test]
    fn talks_after_midnight_belong_to_the_day_before() {
        let event = kubecon();
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(event.day_of(at("2024-03-20T00:30:00+01:00")), Some(1));
        assert_eq!(event.day_of(at("2024-03-20T09:00:00+01:00")), Some(2));
        assert_eq!(event.day_of(at("2024-03-19T01:00:00+01:00")), Some(1), "first day keeps its early hours");
        assert_eq!(event.day_of(at("2024-03-23T02:00:00+01:00")), Some(4), "the last night");
        assert_eq!(event.day_of(at("2024-03-23T10:00:00+01:00")), None);
    }

    #[test]
    fn today_uses_the_event_time_zone() {
        let event = kubecon();
        // 23:30 UTC on the 19th is already the 20th in Paris: day 2.
        let now = "2024-03-19T23:30:00Z".parse().unwrap();
        assert_eq!(event.today(now).unwrap(), 2);
        let after = "2024-03-23T12:00:00Z".parse().unwrap();
        assert!(matches!(event.today(after), Err(Error::NotDuringEvent { last: 4, .. })));
    }
}
