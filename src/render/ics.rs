//! The iCalendar file of `export ics`: one VEVENT per session, for a phone
//! calendar. Built with the `icalendar` crate, which escapes text values
//! (`\\`, `,`, `;`, newlines) and folds lines at 75 octets; this module
//! decides what goes in, never how a line is written.
//!
//! Pure: the clock (`DTSTAMP`) and the options come in as parameters.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, Property};

use crate::model::{Event, Lang, Session};
use crate::render::Row;
use crate::render::words::{kind_label, post_words, words};
use crate::ui::is_unsafe;

/// How long a session without an end lasts in the calendar.
pub const DEFAULT_LENGTH_MINUTES: i64 = 45;

/// `PRODID` of the calendar: who made it.
pub const PRODID: &str = "-//notes//notes export ics//EN";

/// What the command chose, beside the sessions.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A reminder this many minutes before each timed session.
    pub alarm: Option<u32>,
    pub lang: Lang,
}

/// The calendar of `rows`, the sessions of `events`: named after the event
/// (or "notes" for several), stamped `now`. A timed session is an event in
/// UTC; an untimed one an all-day event on its day's date (without alarm:
/// a reminder before midnight would be noise).
pub fn calendar(events: &[&Event], rows: &[Row<'_>], now: DateTime<Utc>, options: &Options) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&calendar_name(events));
    for row in rows {
        if let Some(event) = vevent(row.event, row.session, now, options) {
            calendar.push(event);
        }
    }
    calendar.to_string()
}

/// One event's name, else "notes".
fn calendar_name(events: &[&Event]) -> String {
    match events {
        [event] => line(&event.name),
        _ => "notes".to_string(),
    }
}

fn vevent(event: &Event, session: &Session, now: DateTime<Utc>, options: &Options) -> Option<icalendar::Event> {
    let uid = uid(event, session);
    let title = line(&session.title);
    let mut vevent = icalendar::Event::new();
    vevent.uid(&uid).timestamp(now).summary(&title);
    match session.at {
        Some(at) => {
            // DTEND must be later than DTSTART (RFC 5545 3.8.2.2): an end
            // at or before the start is no end.
            let end = session.end.filter(|end| *end > at).unwrap_or(at + Duration::minutes(DEFAULT_LENGTH_MINUTES));
            vevent.starts(at.with_timezone(&Utc)).ends(end.with_timezone(&Utc));
            if let Some(minutes) = options.alarm {
                vevent.alarm(alarm(&uid, &title, minutes, now));
            }
        }
        None => {
            // A loaded session's day is always one of its event's days.
            let date = event.date_of(session.day)?;
            // Not `all_day`, which writes DTEND equal to DTSTART, an empty
            // interval: a DATE end is exclusive (RFC 5545 3.6.1).
            vevent.starts(date).ends(date.succ_opt()?);
        }
    }
    if let Some(room) = session.room.as_deref().map(line).filter(|r| !r.is_empty()) {
        vevent.location(&room);
    }
    let description = description(session, options.lang);
    if !description.is_empty() {
        vevent.description(&description);
    }
    if let Some(url) = session.links.iter().find_map(|l| web_url(&l.url)) {
        vevent.url(&url);
    }
    let categories: Vec<String> = std::iter::once(kind_label(session.kind, options.lang).to_string())
        .chain(session.tags.iter().map(|t| line(t)))
        .filter(|c| !c.is_empty())
        .collect();
    vevent.categories(categories);
    Some(vevent.done())
}

/// A display reminder `minutes` before the start.
///
/// The crate writes a `DTSTAMP` of the system clock and a random `UID` into
/// any component that lacks them, alarms included: the file would change at
/// every export and `NOTES_NOW` would not pin it. So the alarm gets both:
/// a `UID` derived from its event's (RFC 9074 gives alarms one) and the
/// export's `DTSTAMP` (an IANA property, which clients ignore in an alarm).
fn alarm(event_uid: &str, title: &str, minutes: u32, now: DateTime<Utc>) -> Alarm {
    let mut alarm = Alarm::display(title, Duration::zero());
    alarm
        // -PT10M rather than the crate's seconds (-PT600S): both are valid,
        // minutes are what people read.
        .append_property(Property::new("TRIGGER", format!("-PT{minutes}M")))
        .uid(&format!("alarm-{event_uid}"))
        .timestamp(now);
    alarm.done()
}

/// "Speakers: …", the abstract, then the links, separated by blank lines.
fn description(session: &Session, lang: Lang) -> String {
    let (w, colon) = (words(lang), post_words(lang).colon);
    let mut parts = Vec::new();
    let speakers = line(&session.speakers_line());
    if !speakers.is_empty() {
        parts.push(format!("{}{colon} {speakers}", w.speakers));
    }
    if let Some(text) = session.abstract_text.as_deref().map(text).filter(|t| !t.trim().is_empty()) {
        parts.push(text.trim().to_string());
    }
    if !session.links.is_empty() {
        let links: Vec<String> =
            session.links.iter().map(|l| format!("{}: {}", line(&l.label), line(&l.url))).collect();
        parts.push(format!("{}{colon}\n{}", w.links, links.join("\n")));
    }
    parts.join("\n\n")
}

/// The stable identity of a session in calendars, so that a new export
/// updates the entries of the last one instead of adding new ones:
/// `schedule-<schedule id>@<slug>.notes` for a talk of an imported schedule
/// (its id survives re-imports), else `session-<id>@<slug>.notes`. The two
/// prefixes never collide; anything but letters, digits and `-._~` is
/// percent-encoded, so different ids stay different.
pub fn uid(event: &Event, session: &Session) -> String {
    let slug = uid_part(&event.slug);
    match session.schedule_id.as_deref().filter(|id| !id.is_empty()) {
        Some(id) => format!("schedule-{}@{slug}.notes", uid_part(id)),
        None => format!("session-{}@{slug}.notes", session.id),
    }
}

fn uid_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `url` if it is a web address, with what a URI cannot hold (spaces,
/// controls, non-ASCII, quotes…) percent-encoded: `URL` is not a text
/// value, the crate writes it as it is.
fn web_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    Some(out)
}

/// Multi-line text from the journal as a calendar can hold it: control
/// characters are not allowed in iCalendar text (RFC 5545 3.3.11) and bidi
/// controls must not reach a terminal through stdout, so both go; line
/// breaks become `\n` (which the crate escapes), tabs stay.
fn text(input: &str) -> String {
    input.replace("\r\n", "\n").chars().filter(|&c| !is_unsafe(c) || c == '\n' || c == '\t').collect()
}

/// One line of text: [`text`], with line breaks and tabs as spaces.
fn line(input: &str) -> String {
    text(input).replace(['\n', '\t'], " ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Speaker, Zone};

    fn paris() -> Event {
        Event {
            slug: "kubecon-europe-2024".into(),
            name: "KubeCon Europe 2024".into(),
            location: Some("Paris".into()),
            start: chrono::NaiveDate::from_ymd_opt(2024, 3, 19).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2024, 3, 22).unwrap(),
            timezone: Zone::named("Europe/Paris").unwrap(),
            url: None,
            tags: Vec::new(),
            days: Default::default(),
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2024-03-20T10:05:00Z").unwrap().with_timezone(&Utc)
    }

    fn render(sessions: &[Session], alarm: Option<u32>) -> String {
        let event = paris();
        let rows: Vec<Row<'_>> = sessions.iter().map(|s| Row { event: &event, session: s, reference: None }).collect();
        calendar(&[&event], &rows, now(), &Options { alarm, lang: Lang::En })
    }

    fn cilium() -> Session {
        Session {
            id: 3,
            day: 2,
            title: "Multi-cluster with Cilium".into(),
            speakers: vec![Speaker::parse("Liz Rice (Isovalent)").unwrap()],
            at: Some(DateTime::parse_from_rfc3339("2024-03-20T11:00:00+01:00").unwrap()),
            room: Some("Hall 7".into()),
            links: vec![Link::parse("slides=https://example.org/a b.pdf")],
            ..Session::default()
        }
    }

    #[test]
    fn a_timed_session_is_in_utc_and_lasts_45_minutes_without_an_end() {
        let ics = render(&[cilium()], Some(10));
        assert!(ics.contains("DTSTART:20240320T100000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20240320T104500Z\r\n"), "{ics}");
        assert!(ics.contains("DTSTAMP:20240320T100500Z\r\n"), "{ics}");
        assert!(ics.contains("UID:session-3@kubecon-europe-2024.notes\r\n"), "{ics}");
        assert!(ics.contains("URL:https://example.org/a%20b.pdf\r\n"), "{ics}");
        assert!(ics.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"), "{ics}");
        assert!(ics.contains("TRIGGER:-PT10M\r\n"), "{ics}");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//notes//notes export ics//EN\r\n"));
    }

    #[test]
    fn an_untimed_session_is_all_day_without_alarm() {
        let ics = render(&[Session { at: None, ..cilium() }], Some(10));
        assert!(ics.contains("DTSTART;VALUE=DATE:20240320\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20240321\r\n"), "{ics}");
        assert!(!ics.contains("VALARM"), "{ics}");
    }

    #[test]
    fn uids_keep_only_safe_characters_and_stay_distinct() {
        let event = paris();
        let talk = |id: &str| Session { schedule_id: Some(id.into()), ..Session::default() };
        assert_eq!(uid(&event, &talk("a1b2-C3")), "schedule-a1b2-C3@kubecon-europe-2024.notes");
        assert_eq!(uid(&event, &talk("42@sched.com")), "schedule-42%40sched.com@kubecon-europe-2024.notes");
        assert_eq!(uid(&event, &talk("é, x")), "schedule-%C3%A9%2C%20x@kubecon-europe-2024.notes");
        assert_ne!(uid(&event, &talk("a b")), uid(&event, &talk("a%20b")));
        assert_eq!(uid(&event, &Session { id: 7, ..Session::default() }), "session-7@kubecon-europe-2024.notes");
    }

    #[test]
    fn control_characters_never_reach_the_file() {
        let session =
            Session { title: "a\x1b[31mb\u{202E}c".into(), abstract_text: Some("x\r\ny\x07".into()), ..cilium() };
        let ics = render(&[session], None);
        assert!(ics.contains("SUMMARY:a[31mbc\r\n"), "{ics}");
        assert!(ics.contains("x\\ny"), "{ics}");
        assert!(!ics.chars().any(|c| is_unsafe(c) && c != '\r' && c != '\n'), "{ics:?}");
    }

    #[test]
    fn only_web_addresses_become_the_url() {
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("https://x.org/é\n"), Some("https://x.org/%C3%A9".into()));
    }
}
