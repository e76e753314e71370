//! Formatting only: tables, the detailed view, JSON, the calendar.
//! Renderers take model values and return strings; they never read files
//! or the clock.

pub mod glance;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod pictures;
pub mod show;
pub mod table;
pub mod words;

use chrono::{DateTime, FixedOffset};

use crate::model::{Event, Session};

pub use crate::query::Row;

/// "11:00" in the event's time zone.
pub fn local_time(event: &Event, at: DateTime<FixedOffset>) -> String {
    event.timezone.local(&at).format("%H:%M").to_string()
}

/// "11:00–11:35" in the event's time zone, or "" when untimed.
pub fn time_range(event: &Event, session: &Session) -> String {
    let local = |t: DateTime<FixedOffset>| local_time(event, t);
    match (session.at, session.end) {
        (Some(at), Some(end)) => format!("{}–{}", local(at), local(end)),
        (Some(at), None) => local(at),
        _ => String::new(),
    }
}
