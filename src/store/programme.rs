//! The imported programme of an event: `<slug>.schedule.toml`, beside the
//! user's own file and entirely machine-managed (rewritten by every import),
//! so the user's file holds only the sessions they noted, planned or missed.
//!
//! Programme talks are sessions with id 0, keyed by their `schedule_id`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::error::{Error, Result};
use crate::model::{Event, Session, Status};
use crate::store::journal::one_line;
use crate::store::record::{self, SessionRecord};

#[derive(Deserialize)]
struct ProgrammeRecord {
    schema: Option<i64>,
    #[serde(default)]
    talks: Vec<SessionRecord>,
}

/// Keys a programme talk is written with: the session's, minus what belongs
/// to the user (id, status, verdict, notes, tags).
const USER_KEYS: &[&str] = &["id", "status", "verdict", "notes", "tags", "removed_from_schedule"];

pub fn path(dir: &Path, slug: &str) -> PathBuf {
    dir.join(format!("{slug}.schedule.toml"))
}

/// The programme of `event`; empty when none was imported.
pub fn load(dir: &Path, event: &Event) -> Result<Vec<Session>> {
    let path = path(dir, &event.slug);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read", &path, e)),
    };
    parse(&path, event, &text)
}

/// Reads a programme file's text; `path` names it in errors.
pub fn parse(path: &Path, event: &Event, text: &str) -> Result<Vec<Session>> {
    let file: ProgrammeRecord = toml::from_str(text).map_err(|e| record::parse_error(path, text, &e))?;
    if let Some(found) = file.schema.filter(|s| *s > record::SCHEMA) {
        return Err(Error::SchemaTooNew { path: path.to_path_buf(), found, supported: record::SCHEMA });
    }
    file.talks
        .into_iter()
        .map(|talk| {
            let title = talk.title.clone();
            record::session_from(talk, event).map(|talk| Session { status: Status::Planned, ..talk }).map_err(
                |message| Error::Invalid { path: path.to_path_buf(), message: format!("talk \"{title}\": {message}") },
            )
        })
        .collect()
}

/// The programme file's text.
pub fn render(event: &Event, source: &str, talks: &[Session]) -> String {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(format!(
        "# The programme of {}, imported from {}.\n\
         # Managed by `notes import`: every import rewrites this file. Your notes are in {}.toml.\n",
        one_line(&event.name),
        one_line(source),
        event.slug
    ));
    doc.insert("schema", toml_edit::value(record::SCHEMA));
    doc.insert("source", toml_edit::value(source));
    let mut array = ArrayOfTables::new();
    for talk in talks {
        let mut table = Table::new();
        let fields = record::session_fields(talk).into_iter().filter(|(k, _)| !USER_KEYS.contains(k)).collect();
        record::sync_table(&mut table, &[], fields);
        array.push(table);
    }
    doc.insert("talks", Item::ArrayOfTables(array));
    doc.to_string()
}
