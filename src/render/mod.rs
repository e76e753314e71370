//! Formatting only: tables, the detailed view, JSON. Renderers take model
//! values and return strings; they never read files or the clock.

pub mod json;
pub mod markdown;
pub mod show;
pub mod table;
pub mod words;

use chrono::{DateTime, FixedOffset};

use crate::model::{Event, Session};

/// A session with the event it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub event: &'a Event,
    pub session: &'a Session,
    /// Shown instead of the id: a programme talk's short reference.
    pub reference: Option<&'a str>,
}

/// Sessions in reading order: day, start time (untimed last), id.
pub fn sort_rows(rows: &mut [Row<'_>]) {
    rows.sort_by(|a, b| {
        (&a.event.start, &a.event.slug, a.session.day, a.session.at.is_none(), a.session.at, a.session.id).cmp(&(
            &b.event.start,
            &b.event.slug,
            b.session.day,
            b.session.at.is_none(),
            b.session.at,
            b.session.id,
        ))
    });
}

/// "11:00–11:35" in the event's time zone, or "" when untimed.
pub fn time_range(event: &Event, session: &Session) -> String {
    let local = |t: DateTime<FixedOffset>| event.timezone.local(&t).format("%H:%M").to_string();
    match (session.at, session.end) {
        (Some(at), Some(end)) => format!("{}–{}", local(at), local(end)),
        (Some(at), None) => local(at),
        _ => String::new(),
    }
}
