//! JSON output of read commands (`list --json`, `show --json`, `filter --json`).
//!
//! The shape is documented in the README and stable: fields are only ever
//! added. Dates are RFC 3339; absent values are `null`, empty lists `[]`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Event, Lang, Session, Vocabulary};
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
    /// Left out when the speaker has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    pub org: Option<&'a str>,
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
    if !json.chars().any(crate::ui::is_unsafe) {
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

/// An event with its days and the given sessions, for `export json`.
pub fn event<'a>(
    event: &'a Event,
    sessions: impl Iterator<Item = &'a Session>,
    vocabulary: &'a Vocabulary,
    lang: Lang,
) -> serde_json::Value {
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
    let sessions: Vec<_> = sessions.map(|s| session(event, s, vocabulary, lang)).collect();
    let mut json = event_summary(event);
    json.insert("days".into(), days.into());
    json.insert("sessions".into(), serde_json::to_value(sessions).expect("plain structs always serialise"));
    json.into()
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
