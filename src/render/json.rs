//! JSON output of read commands (`list --json`, `show --json`, `filter --json`).
//!
//! The shape is documented in the README and stable: fields are only ever
//! added. Dates are RFC 3339; absent values are `null`, empty lists `[]`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{DayNotes, Event, Lang, Session, Vocabulary};
use crate::render::Row;

#[derive(Serialize)]
pub struct SessionJson<'a> {
    pub event: &'a str,
    /// `null` for a programme talk not in the journal.
    pub id: Option<u32>,
    /// The programme's short reference, in `list --schedule` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<&'a str>,
    pub day: u32,
    pub date: Option<String>,
    pub title: &'a str,
    pub kind: &'a str,
    pub speakers: Vec<SpeakerJson<'a>>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub room: Option<&'a str>,
    pub track: Option<&'a str>,
    pub tags: &'a [String],
    pub links: Vec<LinkJson<'a>>,
    /// `null` for a programme talk not in the journal.
    pub status: Option<&'a str>,
    pub verdict: Option<VerdictJson<'a>>,
    pub notes: &'a str,
    pub schedule_id: Option<&'a str>,
    /// Who noted it, in a team journal; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<&'a str>,
    #[serde(rename = "abstract")]
    pub abstract_text: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SpeakerJson<'a> {
    pub name: &'a str,
    pub org: Option<&'a str>,
    /// Left out when the speaker has none. Keys stay in alphabetical
    /// order (see [`EventJson`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
}

#[derive(Serialize)]
pub struct LinkJson<'a> {
    pub label: &'a str,
    pub url: &'a str,
}

#[derive(Serialize)]
pub struct VerdictJson<'a> {
    pub key: &'a str,
    pub label: &'a str,
}

pub fn session<'a>(event: &'a Event, s: &'a Session, vocabulary: &'a Vocabulary, lang: Lang) -> SessionJson<'a> {
    // A programme talk the person did not pick has id 0.
    let in_journal = s.id != 0;
    SessionJson {
        event: &event.slug,
        id: in_journal.then_some(s.id),
        reference: None,
        day: s.day,
        date: event.date_of(s.day).map(|d| d.to_string()),
        title: &s.title,
        kind: s.kind.key(),
        speakers: s
            .speakers
            .iter()
            .map(|sp| SpeakerJson { name: &sp.name, role: sp.role.as_deref(), org: sp.org.as_deref() })
            .collect(),
        start: s.at.map(|t| t.to_rfc3339()),
        end: s.end.map(|t| t.to_rfc3339()),
        room: s.room.as_deref(),
        track: s.track.as_deref(),
        tags: &s.tags,
        links: s.links.iter().map(|l| LinkJson { label: &l.label, url: &l.url }).collect(),
        status: in_journal.then(|| s.status.key()),
        verdict: s.verdict.as_deref().map(|key| VerdictJson { key, label: vocabulary.label(key, lang) }),
        notes: &s.notes,
        schedule_id: s.schedule_id.as_deref(),
        author: s.author.as_deref(),
        abstract_text: s.abstract_text.as_deref(),
    }
}

pub fn sessions(rows: &[Row<'_>], vocabulary: &Vocabulary, lang: Lang) -> String {
    let list: Vec<_> = rows
        .iter()
        .map(|r| SessionJson { reference: r.reference, ..session(r.event, r.session, vocabulary, lang) })
        .collect();
    to_string(&list)
}

/// Pretty JSON in which no character a terminal could act on is raw:
/// serde_json escapes C0 controls, this escapes DEL, C1 and bidi controls
/// too (`\u009b`), which decode to the same text.
pub fn to_string(value: &impl Serialize) -> String {
    let json = serde_json::to_string_pretty(value).expect("plain structs always serialise");
    if !may_hold_unsafe(&json) {
        return json;
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        // Outside strings JSON holds only ASCII punctuation and whitespace,
        // and unsafe characters there are all BMP: one \u escape each.
        if crate::ui::is_unsafe(c) && c != '\n' {
            let _ = write!(escaped, "\\u{:04x}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// The document of `export json`, `{"events": […], "schema": 1}`, made one
/// event at a time: the text is the same as [`to_string`] of the whole,
/// without the whole in memory.
#[derive(Debug, Default)]
pub struct EventsDocument {
    events: usize,
}

impl EventsDocument {
    /// What comes before one more event's [`EventsDocument::event`].
    pub fn before_event(&mut self) -> &'static str {
        self.events += 1;
        if self.events == 1 { "{\n  \"events\": [\n" } else { ",\n" }
    }

    /// The text of an event (an [`event`]) in the document. Pretty JSON
    /// puts each value on its own lines (a string never holds a raw line
    /// break): the event's lines, two levels down.
    pub fn event(event: &EventJson<'_>) -> String {
        let json = to_string(event);
        let mut out = String::with_capacity(json.len() + json.len() / 8);
        for (i, line) in json.lines().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str("    ");
            out.push_str(line);
        }
        out
    }

    /// The end of the document, with the line break [`crate::ui::Ui::print`] adds.
    pub fn finish(self) -> &'static str {
        if self.events == 0 { "{\n  \"events\": [],\n  \"schema\": 1\n}\n" } else { "\n  ],\n  \"schema\": 1\n}\n" }
    }
}

/// Whether `json` may hold a character [`to_string`] escapes: a C0
/// control but the line break (all bytes below 0x20), DEL (0x7F), or a
/// character whose UTF-8 starts as a C1 control's (0xC2) or a bidi
/// control's (0xD8, 0xE2) does. One pass over the bytes, where most
/// exports hold none: a whole journal's export is read once.
fn may_hold_unsafe(json: &str) -> bool {
    json.bytes().any(|b| (b < 0x20 && b != b'\n') || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2))
}

/// An event with its days and the given sessions, for `export json`.
pub fn event<'a>(
    event: &'a Event,
    sessions: impl Iterator<Item = &'a Session>,
    vocabulary: &'a Vocabulary,
    lang: Lang,
) -> EventJson<'a> {
    let days = (1..=event.day_count())
        .map(|day| {
            let notes = event.days.get(&day);
            let text = |f: fn(&DayNotes) -> &Option<String>| notes.and_then(|n| f(n).as_deref());
            DayJson {
                conclusion: text(|n| &n.conclusion),
                date: event.date_of(day).map(|d| d.to_string()),
                day,
                intro: text(|n| &n.intro),
                label: text(|n| &n.label),
            }
        })
        .collect();
    EventJson {
        days,
        end: event.end.to_string(),
        location: event.location.as_deref(),
        name: &event.name,
        sessions: sessions.map(|s| SortedSessionJson::from(session(event, s, vocabulary, lang))).collect(),
        slug: &event.slug,
        start: event.start.to_string(),
        tags: &event.tags,
        timezone: event.timezone.name(),
        url: event.url.as_deref(),
    }
}

/// An event as `export json` shows it: [`event_summary`]'s fields, its
/// days and its sessions. Keys are in alphabetical order, as a JSON
/// object of serde_json sorts them, so that a whole journal is written
/// without building one.
#[derive(Serialize)]
pub struct EventJson<'a> {
    days: Vec<DayJson<'a>>,
    end: String,
    location: Option<&'a str>,
    name: &'a str,
    sessions: Vec<SortedSessionJson<'a>>,
    slug: &'a str,
    start: String,
    tags: &'a [String],
    timezone: &'a str,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct DayJson<'a> {
    conclusion: Option<&'a str>,
    date: Option<String>,
    day: u32,
    intro: Option<&'a str>,
    label: Option<&'a str>,
}

/// [`SessionJson`] with its keys in alphabetical order (see [`EventJson`]).
#[derive(Serialize)]
pub struct SortedSessionJson<'a> {
    #[serde(rename = "abstract")]
    abstract_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    date: Option<String>,
    day: u32,
    end: Option<String>,
    event: &'a str,
    id: Option<u32>,
    kind: &'a str,
    links: Vec<LinkJson<'a>>,
    notes: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    room: Option<&'a str>,
    schedule_id: Option<&'a str>,
    speakers: Vec<SpeakerJson<'a>>,
    start: Option<String>,
    status: Option<&'a str>,
    tags: &'a [String],
    title: &'a str,
    track: Option<&'a str>,
    verdict: Option<VerdictJson<'a>>,
}

impl<'a> From<SessionJson<'a>> for SortedSessionJson<'a> {
    fn from(session: SessionJson<'a>) -> Self {
        // Destructured, so that a new field cannot be forgotten here.
        let SessionJson {
            event,
            id,
            reference,
            day,
            date,
            title,
            kind,
            speakers,
            start,
            end,
            room,
            track,
            tags,
            links,
            status,
            verdict,
            notes,
            schedule_id,
            abstract_text,
            author,
        } = session;
        SortedSessionJson {
            abstract_text,
            author,
            date,
            day,
            end,
            event,
            id,
            kind,
            links,
            notes,
            reference,
            room,
            schedule_id,
            speakers,
            start,
            status,
            tags,
            title,
            track,
            verdict,
        }
    }
}

/// The event's own fields, as `event list --json` and `export json` show them.
pub fn event_summary(event: &Event) -> serde_json::Map<String, serde_json::Value> {
    let serde_json::Value::Object(map) = serde_json::json!({
        "slug": event.slug,
        "name": event.name,
        "location": event.location,
        "start": event.start.to_string(),
        "end": event.end.to_string(),
        "timezone": event.timezone.name(),
        "url": event.url,
        "tags": event.tags,
    }) else {
        unreachable!("a json! object is an object")
    };
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Session, Speaker, Zone};

    #[test]
    fn the_document_made_event_by_event_is_the_whole_document() {
        let vocabulary = Vocabulary::default();
        let event = |n: usize| Event {
            slug: format!("conf-{n}"),
            name: format!("Conf\u{9b} {n} \"quoted\"\nline"),
            location: None,
            start: chrono::NaiveDate::from_ymd_opt(2024, 3, 19).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2024, 3, 20).unwrap(),
            timezone: Zone::UTC,
            url: None,
            tags: vec!["a".into()],
            days: [(
                1,
                DayNotes { label: Some("Mercredi".into()), intro: Some("Hello\u{7}".into()), ..DayNotes::default() },
            )]
            .into(),
        };
        let session = Session { id: 1, day: 1, title: "T\u{202e}".into(), notes: "a\nb".into(), ..Session::default() };
        let plain = Session {
            title: "Réseau — ok".into(),
            speakers: vec![Speaker { name: "Ana".into(), role: Some("CTO".into()), org: Some("Acme".into()) }],
            links: vec![Link { label: "slides".into(), url: "https://example.org".into() }],
            tags: vec!["ebpf".into()],
            verdict: Some("good".into()),
            at: chrono::DateTime::parse_from_rfc3339("2024-03-19T10:00:00+01:00").ok(),
            room: Some("Hall 7".into()),
            schedule_id: Some("x1".into()),
            abstract_text: Some("<b>bold</b>".into()),
            ..session.clone()
        };
        for count in [0, 1, 3] {
            let events: Vec<_> = (0..count).map(event).collect();
            let values: Vec<_> =
                events.iter().map(|e| super::event(e, [&session, &plain].into_iter(), &vocabulary, Lang::En)).collect();
            let reference: Vec<_> = events.iter().map(|e| event_value(e, [&session, &plain], &vocabulary)).collect();
            let whole = to_string(&serde_json::json!({ "schema": 1, "events": reference })) + "\n";
            let mut document = EventsDocument::default();
            let mut streamed = String::new();
            for value in &values {
                streamed.push_str(document.before_event());
                streamed.push_str(&EventsDocument::event(value));
            }
            streamed.push_str(document.finish());
            assert_eq!(streamed, whole, "{count} events");
        }
    }

    /// An event as `export json` made it before it was streamed: a
    /// `serde_json::Value`, whose objects sort their keys.
    fn event_value(event: &Event, sessions: [&Session; 2], vocabulary: &Vocabulary) -> serde_json::Value {
        let days: Vec<_> = (1..=event.day_count())
            .map(|day| {
                let notes = event.days.get(&day).cloned().unwrap_or_default();
                serde_json::json!({
                    "day": day,
                    "date": event.date_of(day).map(|d| d.to_string()),
                    "label": notes.label,
                    "intro": notes.intro,
                    "conclusion": notes.conclusion,
                })
            })
            .collect();
        let sessions: Vec<_> = sessions.iter().map(|s| session(event, s, vocabulary, Lang::En)).collect();
        let mut json = event_summary(event);
        json.insert("days".into(), days.into());
        json.insert("sessions".into(), serde_json::to_value(sessions).unwrap());
        json.into()
    }

    #[test]
    fn only_what_a_terminal_acts_on_is_escaped() {
        for (text, escaped) in [("Réseau — ok\n", false), ("a\u{9b}b", true), ("x\u{202e}", true), ("\u{61c}", true)]
        {
            assert_eq!(to_string(&text).contains("\\u"), escaped, "{text:?}");
        }
    }
}
