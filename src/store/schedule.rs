//! The imported schedule of an event: `<slug>.schedule.toml`, beside the
//! user's own file and entirely machine-managed (rewritten by every import),
//! so the user's file holds only the sessions they noted, planned or missed.
//!
//! Its talks are sessions with id 0, keyed by their `schedule_id`, and have
//! only the keys a schedule provides (see [`record::SESSION_KEYS`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, Session, Status, text};
use crate::store::atomic;
use crate::store::record::{self, SessionRecord};

#[derive(Deserialize)]
struct ScheduleRecord {
    schema: Option<i64>,
    #[serde(default)]
    talks: Vec<SessionRecord>,
}

pub fn path(dir: &Path, slug: &str) -> PathBuf {
    dir.join(format!("{slug}.schedule.toml"))
}

/// Where a new schedule waits while its import writes the event file.
fn pending_path(dir: &Path, slug: &str) -> PathBuf {
    dir.join(format!(".{slug}.schedule.toml.pending"))
}

/// Whether an import left a schedule to settle.
pub fn is_pending(dir: &Path, slug: &str) -> bool {
    pending_path(dir, slug).exists()
}

/// The identity of an event file's text, as a pending schedule names it.
fn version(event_text: &str) -> String {
    format!("{:08x}-{}", crc32fast::hash(event_text.as_bytes()), event_text.len())
}

const PENDING_MARK: &str = "# For the event file version ";

/// Writes `schedule` aside, naming the event file text it goes with. The
/// caller holds the event's lock.
pub fn write_pending(dir: &Path, slug: &str, event_text: &str, schedule: &str) -> Result<()> {
    let text = format!("{PENDING_MARK}{}.\n{schedule}", version(event_text));
    atomic::write(&pending_path(dir, slug), text.as_bytes())
}

/// Removes what imports killed while writing left. The caller holds the
/// event's lock.
pub fn remove_leftovers(dir: &Path, slug: &str) {
    atomic::remove_leftovers(&pending_path(dir, slug));
    atomic::remove_leftovers(&path(dir, slug));
    atomic::remove_leftovers(&dir.join(format!("{slug}.toml")));
}

/// Whether the schedule file already holds `schedule`.
pub fn is_current(dir: &Path, slug: &str, schedule: &str) -> bool {
    let Ok(text) = super::read_regular(&path(dir, slug)) else { return false };
    let body = match text.strip_prefix(PENDING_MARK) {
        Some(rest) => rest.split_once('\n').map_or("", |(_, body)| body),
        None => &text,
    };
    body == schedule
}

/// Settles an import that was cut short, given the event file's text: the
/// pending schedule takes its place if the event file is the one it goes
/// with, else it is dropped (the event file was not written). The caller
/// holds the event's lock.
pub fn settle(dir: &Path, slug: &str, event_text: &str) -> Result<()> {
    let pending = pending_path(dir, slug);
    let text = match super::read_regular(&pending) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(messages::cannot_read, &pending, e)),
    };
    let wanted = text.lines().next().and_then(|l| l.strip_prefix(PENDING_MARK)).map(|v| v.trim_end_matches('.'));
    if wanted == Some(version(event_text).as_str()) {
        atomic::commit(&pending, &path(dir, slug))
    } else {
        fs::remove_file(&pending).map_err(|e| Error::io(messages::cannot_remove, &pending, e))
    }
}

/// The schedule of `event`; empty when none was imported.
pub fn load(dir: &Path, event: &Event) -> Result<Vec<Session>> {
    let path = path(dir, &event.slug);
    let text = match super::read_regular(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(messages::cannot_read, &path, e)),
    };
    parse(&path, event, &text)
}

/// The talks of `event`'s schedule titled `title`, ignoring case and
/// accents. Only the title lines that hold each ASCII word of `title` are
/// read, and only the `[[talks]]` tables of those that match are parsed:
/// `add "TITLE"` stays quick beside a programme of a thousand talks. The
/// ASCII words must be typed as the programme writes them (accents around
/// them included).
pub fn talks_titled(dir: &Path, event: &Event, title: &str) -> Result<Vec<Session>> {
    let path = path(dir, &event.slug);
    let text = match super::read_regular(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(messages::cannot_read, &path, e)),
    };
    let wanted = text::fold(title);
    let words: Vec<&str> = title.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut talks = Vec::new();
    for (at, _) in text.match_indices(TITLE_LINE) {
        let line_start = at + 1;
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        if !words.iter().all(|w| contains_ignoring_ascii_case(line, w)) {
            continue;
        }
        if toml::from_str::<TitleLine>(line).is_ok_and(|l| text::fold(&l.title) != wanted) {
            continue;
        }
        let start = text[..line_start].rfind(TALK_HEADER).map_or(0, |i| i + 1);
        let end = text[line_end..].find(TALK_HEADER).map_or(text.len(), |i| line_end + i + 1);
        match parse(&path, event, &text[start..end]) {
            Ok(found) => talks.extend(found),
            // A header inside a multi-line string cut the table: read it all.
            Err(_) => {
                return Ok(parse(&path, event, &text)?
                    .into_iter()
                    .filter(|t| text::fold(&t.title) == wanted)
                    .collect());
            }
        }
    }
    talks.retain(|t| text::fold(&t.title) == wanted);
    Ok(talks)
}

/// How each talk's table starts, and its title's line, as [`render`] writes them.
const TALK_HEADER: &str = "\n[[talks]]";
const TITLE_LINE: &str = "\ntitle = ";

#[derive(Deserialize)]
struct TitleLine {
    title: String,
}

fn contains_ignoring_ascii_case(haystack: &str, word: &str) -> bool {
    haystack.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// Reads a schedule file's text; `path` names it in errors.
pub fn parse(path: &Path, event: &Event, text: &str) -> Result<Vec<Session>> {
    let file: ScheduleRecord = toml::from_str(text).map_err(|e| record::parse_error(path, text, &e))?;
    if let Some(found) = file.schema.filter(|s| *s > record::SCHEMA) {
        return Err(Error::SchemaTooNew { path: path.to_path_buf(), found, supported: record::SCHEMA });
    }
    let mut talks = Vec::with_capacity(file.talks.len());
    for talk in file.talks {
        let title = talk.title.clone();
        let talk = record::session_on_any_day(talk, event).map_err(|error| Error::Invalid {
            path: path.to_path_buf(),
            message: messages::Text::new(|lang| messages::in_talk(lang, &title, &error.message(lang))),
        })?;
        // The day follows the start time, so that a change of the event's
        // dates moves the talks with it; a talk the event no longer spans
        // is left out, as an import leaves it out.
        let day = match talk.at {
            Some(at) => event.day_of(at),
            None => event.check_day(talk.day).ok(),
        };
        if let Some(day) = day {
            talks.push(Session { day, status: Status::Planned, ..talk });
        }
    }
    Ok(talks)
}

/// The schedule file's text.
pub fn render(event: &Event, source: &str, talks: &[Session]) -> String {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(format!(
        "# The schedule of {}, imported from {}.\n\
         # Managed by `notes import`: every import rewrites this file. Your notes are in {}.toml.\n",
        text::one_line(&event.name),
        text::one_line(source),
        event.slug
    ));
    doc.insert("schema", toml_edit::value(record::SCHEMA));
    doc.insert("source", toml_edit::value(source));
    let mut array = ArrayOfTables::new();
    for talk in talks {
        let mut table = Table::new();
        let keys = record::SESSION_KEYS.iter().filter(|k| k.from_schedule);
        let fields = keys.map(|k| (k.name, (k.write)(talk))).collect();
        record::sync_table(&mut table, &[], fields);
        array.push(table);
    }
    doc.insert("talks", Item::ArrayOfTables(array));
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        let date = |d| chrono::NaiveDate::from_ymd_opt(2025, 5, d).expect("a date");
        Event {
            slug: "jr".into(),
            name: "JR".into(),
            location: None,
            start: date(12),
            end: date(13),
            timezone: crate::model::Zone::named("Europe/Paris").expect("a zone"),
            url: None,
            tags: vec![],
            days: Default::default(),
        }
    }

    const SCHEDULE: &str = r#"schema = 1
source = "s.json"

[[talks]]
day = 1
title = "Rust à l'échelle"
schedule_id = "b2"

[[talks]]
day = 2
title = "Atelier eBPF"
abstract = """
Bring a laptop.
[[talks]]
title = "Rust à l'échelle"
"""
schedule_id = "d4"

[[talks]]
day = 2
title = "RUST À L'ÉCHELLE"
schedule_id = "e5"
"#;

    fn titled(title: &str) -> Vec<String> {
        let dir = tempfile::tempdir().expect("a temp dir");
        fs::write(path(dir.path(), "jr"), SCHEDULE).expect("written");
        let talks = talks_titled(dir.path(), &event(), title).expect("read");
        talks.into_iter().filter_map(|t| t.schedule_id).collect()
    }

    /// The tables are cut at their headers; one inside a multi-line string
    /// cuts a table wrong, and the whole file is read instead.
    #[test]
    fn talks_are_found_by_title_ignoring_case_and_accents() {
        assert_eq!(titled("rust à l'échelle"), ["b2", "e5"]);
        assert_eq!(titled("Atelier eBPF"), ["d4"]);
        assert_eq!(titled("Atelier"), Vec::<String>::new());
        assert_eq!(titled("«»"), Vec::<String>::new());
    }
}
