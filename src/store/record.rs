//! The journal's TOML shape and its conversion to and from the model.
//!
//! Reading goes through serde (`toml`), which is fast and gives positions for
//! type errors. Writing never regenerates a file: [`sync_table`] changes only
//! the keys whose value differs, so comments, key order and formatting that
//! the user wrote survive.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone as _, Timelike};
use serde::Deserialize;
use toml::value::{Datetime, Offset};
use toml_edit::{Array, InlineTable, Item, Table, Value};

use crate::error::Error;
use crate::messages::{self, Text};
use crate::model::{DayNotes, Event, Lang, Link, SECTION_KEYS, Session, Speaker, Zone};

/// The journal format this binary reads and writes.
pub const SCHEMA: i64 = 1;

#[derive(Deserialize)]
pub struct FileRecord {
    pub schema: Option<i64>,
    pub event: EventRecord,
    #[serde(default)]
    pub days: BTreeMap<String, DayRecord>,
    #[serde(default)]
    pub sessions: Vec<SessionRecord>,
}

#[derive(Deserialize)]
pub struct EventRecord {
    pub name: String,
    pub location: Option<String>,
    pub start: Datetime,
    pub end: Datetime,
    pub timezone: Option<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Deserialize)]
pub struct DayRecord {
    pub label: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub intro: Option<String>,
    pub wished: Option<String>,
    pub conclusion: Option<String>,
    #[serde(default)]
    pub headings: BTreeMap<String, String>,
}

/// A `[[sessions]]` entry. Every key but `id`, `day` and `title` may be left
/// out; keys notes does not know are the user's and are kept untouched.
#[derive(Deserialize)]
pub struct SessionRecord {
    /// 0 in a schedule file, where talks are keyed by `schedule_id`.
    #[serde(default)]
    pub id: u32,
    pub day: u32,
    pub title: String,
    pub kind: Option<String>,
    #[serde(default)]
    pub speakers: Vec<String>,
    pub at: Option<Datetime>,
    pub end: Option<Datetime>,
    pub room: Option<String>,
    pub track: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub links: Vec<LinkRecord>,
    pub status: Option<String>,
    pub verdict: Option<String>,
    pub notes: Option<String>,
    pub schedule_id: Option<String>,
    #[serde(rename = "abstract")]
    pub abstract_text: Option<String>,
    #[serde(default)]
    pub removed_from_schedule: bool,
    #[serde(default)]
    pub hide: Vec<String>,
    pub section: Option<String>,
    pub author: Option<String>,
    pub uid: Option<String>,
}

#[derive(Deserialize)]
pub struct LinkRecord {
    pub label: Option<String>,
    pub url: String,
}

/// Turns a parsed file into the model, checking what serde cannot: dates,
/// time zone, keywords, unique ids, days in range.
pub fn to_model(path: &Path, slug: &str, file: FileRecord) -> Result<(Event, Vec<Session>), Error> {
    let invalid = |message: Text| Error::Invalid { path: path.to_path_buf(), message };
    if let Some(found) = file.schema.filter(|s| *s > SCHEMA) {
        return Err(Error::SchemaTooNew { path: path.to_path_buf(), found, supported: SCHEMA });
    }
    let record = file.event;
    let timezone = match &record.timezone {
        Some(name) => {
            Zone::named(name).map_err(|e| invalid(Text::new(|lang| messages::event_timezone_unknown(lang, &e.0))))?
        }
        None => Zone::UTC,
    };
    let start = to_date(&record.start).ok_or_else(|| invalid(Text::new(messages::event_start_not_a_date)))?;
    let end = to_date(&record.end).ok_or_else(|| invalid(Text::new(messages::event_end_not_a_date)))?;
    if let Some(problem) = crate::model::dates_problem(start, end) {
        return Err(invalid(Text::new(|lang| messages::event_dates(lang, problem.get(lang)))));
    }
    let mut days = BTreeMap::new();
    for (key, day) in file.days {
        let number =
            key.parse::<u32>().map_err(|_| invalid(Text::new(|lang| messages::day_key_not_a_number(lang, &key))))?;
        days.insert(
            number,
            DayNotes {
                label: day.label,
                title: day.title,
                url: day.url,
                intro: day.intro,
                wished: day.wished,
                conclusion: day.conclusion,
                headings: checked_headings(day.headings, &format!("[days.{key}] headings")).map_err(invalid)?,
            },
        );
    }
    let event = Event {
        slug: slug.to_string(),
        name: record.name,
        location: record.location,
        start,
        end,
        timezone,
        url: record.url,
        tags: record.tags,
        days,
    };
    let mut sessions = Vec::with_capacity(file.sessions.len());
    let mut ids = std::collections::HashSet::new();
    for record in file.sessions {
        let id = record.id;
        let session = journal_session(record, &event).map_err(|e| invalid(Text::new(|lang| e.message(lang))))?;
        if !ids.insert(id) {
            return Err(invalid(Text::new(|lang| messages::same_id_twice(lang, i64::from(id)))));
        }
        sessions.push(session);
    }
    Ok((event, sessions))
}

/// Why a session entry does not make a session.
#[derive(Debug)]
pub enum RecordError {
    /// A rule of the model: a day outside the event, an unknown kind or status.
    Rule(Error),
    EmptyTitle,
    NotATime {
        key: &'static str,
    },
    NoId {
        title: String,
    },
    InSession {
        id: u32,
        source: Box<RecordError>,
    },
}

impl From<Error> for RecordError {
    fn from(error: Error) -> Self {
        RecordError::Rule(error)
    }
}

impl RecordError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RecordError::Rule(error) => error.message(lang),
            RecordError::EmptyTitle => messages::empty_title(lang),
            RecordError::NotATime { key } => messages::not_a_datetime(lang, key),
            RecordError::NoId { title } => messages::session_without_number(lang, title),
            RecordError::InSession { id, source } => messages::in_session(lang, *id, &source.message(lang)),
        }
    }
}

/// English, for logs.
impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A session of an event file: [`session_from`], which must have an id.
pub fn journal_session(record: SessionRecord, event: &Event) -> Result<Session, RecordError> {
    let id = record.id;
    if id == 0 {
        return Err(RecordError::NoId { title: record.title });
    }
    session_from(record, event).map_err(|e| RecordError::InSession { id, source: Box::new(e) })
}

/// Converts one session entry, checking it against its event.
pub fn session_from(record: SessionRecord, event: &Event) -> Result<Session, RecordError> {
    event.check_day(record.day)?;
    session_on_any_day(record, event)
}

/// Converts one session entry, checking it against its event but for its
/// day (a schedule's talks take theirs from their start time).
pub fn session_on_any_day(record: SessionRecord, event: &Event) -> Result<Session, RecordError> {
    if record.title.trim().is_empty() {
        return Err(RecordError::EmptyTitle);
    }
    let datetime =
        |value: &Option<Datetime>, key: &'static str| -> Result<Option<DateTime<FixedOffset>>, RecordError> {
            value.as_ref().map(|v| to_datetime(v, &event.timezone).ok_or(RecordError::NotATime { key })).transpose()
        };
    Ok(Session {
        id: record.id,
        day: record.day,
        title: record.title,
        kind: record.kind.as_deref().map(str::parse).transpose()?.unwrap_or_default(),
        speakers: record.speakers.iter().filter_map(|s| Speaker::parse(s)).collect(),
        at: datetime(&record.at, "at")?,
        end: datetime(&record.end, "end")?,
        room: record.room,
        track: record.track,
        tags: record.tags,
        links: record
            .links
            .into_iter()
            .map(|l| match l.label {
                Some(label) => Link { label, url: l.url },
                None => Link::parse(&l.url),
            })
            .collect(),
        status: record.status.as_deref().map(str::parse).transpose()?.unwrap_or_default(),
        verdict: record.verdict,
        notes: record.notes.unwrap_or_default(),
        schedule_id: record.schedule_id,
        abstract_text: record.abstract_text,
        removed_from_schedule: record.removed_from_schedule,
        floating: record.at.as_ref().is_some_and(|at| at.offset.is_none()),
        hidden: record.hide.iter().map(|h| h.parse()).collect::<Result<_, Error>>()?,
        section: record.section.filter(|s| !s.trim().is_empty()),
        author: record.author.filter(|a| !a.trim().is_empty()),
        uid: record.uid.filter(|u| !u.trim().is_empty()),
    })
}

fn to_date(value: &Datetime) -> Option<NaiveDate> {
    let date = value.date?;
    NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
}

/// A TOML date-time; one without offset is read in the event's time zone.
/// A TOML date-time, with or without offset or seconds (TOML 1.1 allows
/// `2024-06-01T11:00`); without an offset it is a time of `tz`.
fn to_datetime(value: &Datetime, tz: &Zone) -> Option<DateTime<FixedOffset>> {
    let (date, time) = (value.date?, value.time?);
    let date = NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))?;
    let time = chrono::NaiveTime::from_hms_nano_opt(
        u32::from(time.hour),
        u32::from(time.minute),
        u32::from(time.second.unwrap_or(0)),
        time.nanosecond.unwrap_or(0),
    )?;
    let local = date.and_time(time);
    match value.offset {
        None => tz.from_local(local),
        Some(offset) => {
            let minutes = match offset {
                Offset::Z => 0,
                Offset::Custom { minutes } => i32::from(minutes),
            };
            FixedOffset::east_opt(minutes * 60)?.from_local_datetime(&local).single()
        }
    }
}

// ---- writing ----------------------------------------------------------------

/// A key and its value; `None` removes the key.
pub type Field = (&'static str, Option<Value>);

/// One key of a record: its name, where its value comes from, and how a
/// model value writes it. Each record has one table of these, in the order
/// notes writes keys; writing, the editor's check and the schedule file
/// derive from it, and a test holds the serde records above to it.
pub struct Key<M> {
    pub name: &'static str,
    /// For a session: whether a schedule provides it (the schedule file
    /// holds only these; the rest is the user's). Unused elsewhere.
    pub from_schedule: bool,
    pub write: fn(&M) -> Option<Value>,
}

const fn key<M>(name: &'static str, write: fn(&M) -> Option<Value>) -> Key<M> {
    Key { name, from_schedule: false, write }
}

const fn scheduled<M>(name: &'static str, write: fn(&M) -> Option<Value>) -> Key<M> {
    Key { name, from_schedule: true, write }
}

pub const EVENT_KEYS: &[Key<Event>] = &[
    key("name", |e| Some(e.name.as_str().into())),
    key("location", |e| e.location.as_deref().map(Value::from)),
    key("start", |e| Some(date_value(e.start))),
    key("end", |e| Some(date_value(e.end))),
    key("timezone", |e| Some(e.timezone.name().into())),
    key("url", |e| e.url.as_deref().map(Value::from)),
    key("tags", |e| string_array(&e.tags)),
];

pub const DAY_KEYS: &[Key<DayNotes>] = &[
    key("label", |d| d.label.as_deref().map(Value::from)),
    key("title", |d| d.title.as_deref().map(Value::from)),
    key("url", |d| d.url.as_deref().map(Value::from)),
    key("intro", |d| d.intro.as_deref().map(Value::from)),
    key("wished", |d| d.wished.as_deref().map(Value::from)),
    key("conclusion", |d| d.conclusion.as_deref().map(Value::from)),
    key("headings", |d| {
        (!d.headings.is_empty()).then(|| {
            let mut table = toml_edit::InlineTable::new();
            for (section, heading) in &d.headings {
                table.insert(section, heading.as_str().into());
            }
            Value::InlineTable(table)
        })
    }),
];

/// Headings renamed (`[days.N] headings`, the config's `[headings]`, named
/// `table`), whose keys must name sections of the post.
pub fn checked_headings(headings: BTreeMap<String, String>, table: &str) -> Result<BTreeMap<String, String>, Text> {
    match headings.keys().find(|k| !SECTION_KEYS.contains(&k.as_str())) {
        Some(unknown) => {
            Err(Text::new(|lang| messages::unknown_section(lang, table, unknown, &SECTION_KEYS.join(", "))))
        }
        None => Ok(headings),
    }
}

pub const SESSION_KEYS: &[Key<Session>] = &[
    key("id", |s| Some(i64::from(s.id).into())),
    scheduled("day", |s| Some(i64::from(s.day).into())),
    scheduled("title", |s| Some(s.title.as_str().into())),
    scheduled("kind", |s| Some(s.kind.key().into())),
    scheduled("speakers", |s| string_array(&s.speakers.iter().map(Speaker::stored).collect::<Vec<_>>())),
    scheduled("at", |s| s.at.map(|at| time_value(at, s.floating))),
    scheduled("end", |s| s.end.map(|end| time_value(end, s.floating))),
    scheduled("room", |s| s.room.as_deref().map(Value::from)),
    scheduled("track", |s| s.track.as_deref().map(Value::from)),
    key("tags", |s| string_array(&s.tags)),
    scheduled("links", links_value),
    key("status", |s| Some(s.status.key().into())),
    key("verdict", |s| s.verdict.as_deref().map(Value::from)),
    key("notes", |s| Some(s.notes.as_str()).filter(|n| !n.is_empty()).map(Value::from)),
    scheduled("schedule_id", |s| s.schedule_id.as_deref().map(Value::from)),
    scheduled("abstract", |s| s.abstract_text.as_deref().map(Value::from)),
    key("removed_from_schedule", |s| s.removed_from_schedule.then(|| Value::from(true))),
    key("hide", |s| string_array(&s.hidden.iter().map(|h| h.key().to_string()).collect::<Vec<_>>())),
    key("section", |s| s.section.as_deref().map(Value::from)),
    key("author", |s| s.author.as_deref().map(Value::from)),
    key("uid", |s| s.uid.as_deref().map(Value::from)),
];

/// The keys of `model`, as `keys` write them.
pub fn fields<M>(keys: &[Key<M>], model: &M) -> Vec<Field> {
    keys.iter().map(|k| (k.name, (k.write)(model))).collect()
}

/// The names of `keys`, for messages and checks.
pub fn names<M>(keys: &[Key<M>]) -> impl Iterator<Item = &'static str> + '_ {
    keys.iter().map(|k| k.name)
}

fn links_value(s: &Session) -> Option<Value> {
    (!s.links.is_empty()).then(|| {
        let mut array = Array::new();
        for link in &s.links {
            let mut table = InlineTable::new();
            table.insert("label", link.label.as_str().into());
            table.insert("url", link.url.as_str().into());
            array.push(table);
        }
        Value::Array(array)
    })
}

fn string_array(items: &[String]) -> Option<Value> {
    (!items.is_empty()).then(|| Value::Array(items.iter().map(String::as_str).collect()))
}

fn date_value(date: NaiveDate) -> Value {
    let text = date.format("%Y-%m-%d").to_string();
    Value::from(text.parse::<toml_edit::Datetime>().expect("a formatted date is a TOML date"))
}

/// A session's time: with its offset, or as the wall-clock time it is
/// when `floating`.
fn time_value(at: DateTime<FixedOffset>, floating: bool) -> Value {
    if !floating {
        return datetime_value(at);
    }
    let at = at.with_nanosecond(0).unwrap_or(at);
    let text = at.format("%Y-%m-%dT%H:%M:%S").to_string();
    Value::from(text.parse::<toml_edit::Datetime>().expect("a formatted local date-time is a TOML date-time"))
}

fn datetime_value(at: DateTime<FixedOffset>) -> Value {
    // A leap second (23:59:60) has no place in a TOML time: it is kept as
    // the second before it.
    let at = at.with_nanosecond(0).unwrap_or(at);
    // TOML offsets are whole minutes: a zone's local mean time (Paris was
    // +00:09:21 before 1911) is written in UTC, the same instant.
    let at = if at.offset().local_minus_utc() % 60 == 0 { at } else { at.with_timezone(&chrono::Utc).fixed_offset() };
    let text = at.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    Value::from(text.parse::<toml_edit::Datetime>().expect("a formatted date-time is a TOML date-time"))
}

/// Makes `table` hold `fields`, touching only the keys whose value changed
/// since `previous` (the fields the table was read as; empty for a new
/// table). A key the user left out keeps being left out while its value
/// stays the default. A changed value keeps its comments; a new key goes
/// before the first key that follows it in `fields`, so files keep a
/// sensible order.
pub fn sync_table(table: &mut Table, previous: &[Field], fields: Vec<Field>) {
    let order: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    for (index, (key, value)) in fields.into_iter().enumerate() {
        let unchanged = previous.iter().find(|(k, _)| *k == key).is_some_and(|(_, old)| match (old, &value) {
            (Some(old), Some(new)) => same_value(old, new),
            (None, None) => true,
            _ => false,
        });
        if unchanged {
            continue;
        }
        match (table.get_mut(key), value) {
            (Some(Item::Value(old)), Some(new)) => {
                if !same_value(old, &new) {
                    let decor = old.decor().clone();
                    *old = new;
                    *old.decor_mut() = decor;
                }
            }
            (Some(item), Some(new)) => *item = Item::Value(new),
            (Some(_), None) => {
                table.remove(key);
            }
            (None, Some(new)) => insert_before_later_keys(table, key, new, &order[index + 1..]),
            (None, None) => {}
        }
    }
}

fn insert_before_later_keys(table: &mut Table, key: &str, value: Value, later: &[&str]) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let split = keys.iter().position(|k| later.contains(&k.as_str())).unwrap_or(keys.len());
    let moved: Vec<_> = keys[split..].iter().filter_map(|k| table.remove_entry(k)).collect();
    table.insert(key, Item::Value(value));
    for (k, item) in moved {
        table.insert_formatted(&k, item);
    }
}

/// Semantic equality: `'x'` and `"x"` are the same string, so an unchanged
/// field is never rewritten in another style.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Float(a), Value::Float(b)) => a.value() == b.value(),
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value() == b.value(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_value(a, b))
        }
        (Value::InlineTable(a), Value::InlineTable(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => false,
    }
}

/// `path:line:column` for a `toml` error, with columns counted in characters.
pub fn parse_error(path: &Path, text: &str, err: &toml::de::Error) -> Error {
    let (line, column) = match err.span() {
        Some(span) => line_column(text, span.start),
        None => (1, 1),
    };
    Error::Parse { path: path.to_path_buf(), line, column, message: Text::verbatim(err.message().trim()) }
}

pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys serde reads into `T`: the field names its derive passes to
    /// `deserialize_struct`.
    fn serde_keys<T: for<'de> Deserialize<'de>>() -> Vec<&'static str> {
        use serde::de::{self, Visitor};
        struct Keys<'a>(&'a mut Vec<&'static str>);
        impl<'de> de::Deserializer<'de> for Keys<'_> {
            type Error = de::value::Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
                Err(de::Error::custom("only structs"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Self::Error> {
                self.0.extend(fields);
                Err(de::Error::custom("keys read"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
                unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
            }
        }
        let mut keys = Vec::new();
        let _ = T::deserialize(Keys(&mut keys));
        keys
    }

    #[test]
    fn reading_and_writing_know_the_same_keys() {
        assert_eq!(serde_keys::<SessionRecord>(), names(SESSION_KEYS).collect::<Vec<_>>());
        assert_eq!(serde_keys::<EventRecord>(), names(EVENT_KEYS).collect::<Vec<_>>());
        assert_eq!(serde_keys::<DayRecord>(), names(DAY_KEYS).collect::<Vec<_>>());
    }

    #[test]
    fn sync_changes_only_what_differs() {
        let text = "# mine\ntitle = 'Old'   # keep me\nverdict = \"meh\"\nnotes = \"n\"\ncustom = 1\n";
        let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
        sync_table(
            doc.as_table_mut(),
            &[],
            vec![("title", Some("Old".into())), ("verdict", None), ("notes", Some("n".into()))],
        );
        assert_eq!(doc.to_string(), text.replace("verdict = \"meh\"\n", ""));
        sync_table(doc.as_table_mut(), &[], vec![("title", Some("New".into()))]);
        assert!(doc.to_string().contains("title = \"New\"   # keep me\n"), "{doc}");
    }

    #[test]
    fn new_keys_go_before_later_ones() {
        let mut doc: toml_edit::DocumentMut = "title = \"T\"\nnotes = \"n\"\ncustom = 1\n".parse().unwrap();
        let fields = vec![("title", Some("T".into())), ("verdict", Some("meh".into())), ("notes", Some("n".into()))];
        sync_table(doc.as_table_mut(), &[], fields);
        assert_eq!(doc.to_string(), "title = \"T\"\nverdict = \"meh\"\nnotes = \"n\"\ncustom = 1\n");
    }

    #[test]
    fn defaults_the_user_left_out_stay_out() {
        let mut doc: toml_edit::DocumentMut = "title = \"T\"\n".parse().unwrap();
        let previous = vec![("title", Some("T".into())), ("kind", Some("talk".into()))];
        let fields = vec![("title", Some("T2".into())), ("kind", Some("talk".into()))];
        sync_table(doc.as_table_mut(), &previous, fields);
        assert_eq!(doc.to_string(), "title = \"T2\"\n");
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(line_column("ab\ncé = x", 7), (2, 4));
    }
}
