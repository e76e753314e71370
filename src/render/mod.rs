//! Formatting only: tables, the detailed view, JSON, the calendar.
//! Renderers take model values and return strings; they never read files
//! or the clock.

pub mod ics;
pub mod json;
pub mod markdown;
pub mod show;
pub mod table;
pub mod words;

use chrono::{DateTime, FixedOffset};

use crate::model::{Event, Session};

pub use crate::query::Row;

/// "11:00–11:35" in the event's time zone, or "" when untimed.
pub fn time_range(event: &Event, session: &Session) -> String {
    let local = |t: DateTime<FixedOffset>| event.timezone.local(&t).format("%H:%M").to_string();
    match (session.at, session.end) {
        (Some(at), Some(end)) => format!("{}–{}", local(at), local(end)),
        (Some(at), None) => local(at),
        _ => String::new(),
    }
}
