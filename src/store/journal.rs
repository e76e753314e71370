//! The journal directory: one `<slug>.toml` per event.
//!
//! Reads need no lock. Every change goes through [`Journal::update`]: lock,
//! re-read, change the `toml_edit` document, write atomically if anything
//! changed. A file that does not parse is reported and never overwritten.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::error::{Error, Result};
use crate::model::{DayNotes, Event, Session};
use crate::store::atomic;
use crate::store::lock::FileLock;
use crate::store::record::{self, FileRecord};

/// The journal directory.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

/// An event read from disk, for commands that only look.
#[derive(Debug, Clone)]
pub struct EventFile {
    pub event: Event,
    pub sessions: Vec<Session>,
}

impl EventFile {
    pub fn session(&self, id: u32) -> Result<&Session> {
        self.sessions
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })
    }
}

/// An event being changed: its `toml_edit` document, parsed once. The event
/// is read from it up front; sessions only when asked for, so that a jot in
/// a file of hundreds of sessions reads one of them. Every change is made to
/// the document, which stays the source of the bytes.
pub struct EventDoc {
    path: PathBuf,
    doc: DocumentMut,
    event: Event,
}

impl Journal {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Journal { dir: dir.into() }
    }

    /// Fails early, with a clear message, when the journal path is a file.
    pub fn check(&self) -> Result<()> {
        if self.dir.exists() && !self.dir.is_dir() {
            return Err(Error::Rejected {
                what: self.dir.display().to_string(),
                message: "the journal path is not a directory (check --dir and NOTES_DIR)".into(),
            });
        }
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of an event. Callers pass slugs checked by [`Journal::exists`]
    /// or made by `slugify`; anything else could name a path outside the
    /// journal, so reading and writing check again.
    pub fn event_path(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.toml"))
    }

    fn checked_path(&self, slug: &str) -> Result<PathBuf> {
        if crate::model::text::is_valid_slug(slug) {
            Ok(self.event_path(slug))
        } else {
            Err(Error::UnknownEvent { slug: slug.to_string(), suggestion: None })
        }
    }

    /// Slugs of every event file, sorted. A missing directory is an empty journal.
    pub fn slugs(&self) -> Result<Vec<String>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read directory", &self.dir, e)),
        };
        let mut slugs = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("read directory", &self.dir, e))?;
            let name = entry.file_name();
            let Some(slug) = name.to_str().and_then(|n| n.strip_suffix(".toml")) else { continue };
            if crate::model::text::is_valid_slug(slug) && !slug.ends_with(".schedule") {
                slugs.push(slug.to_string());
            }
        }
        slugs.sort();
        Ok(slugs)
    }

    pub fn exists(&self, slug: &str) -> bool {
        self.checked_path(slug).is_ok_and(|p| p.is_file())
    }

    /// Reads one event, without locking.
    pub fn load(&self, slug: &str) -> Result<EventFile> {
        let path = self.checked_path(slug)?;
        let text = read(&path, slug)?;
        parse(&path, slug, &text)
    }

    /// Creates the file of a new event. Fails if it exists.
    pub fn create(&self, event: &Event, on_wait: impl FnOnce()) -> Result<()> {
        let path = self.checked_path(&event.slug)?;
        let _lock = FileLock::acquire(&path, on_wait)?;
        if path.exists() {
            return Err(Error::EventExists { slug: event.slug.clone() });
        }
        let mut doc = DocumentMut::new();
        doc.decor_mut().set_prefix(format!(
            "# {} — notes journal. Edit freely: comments and order are kept.\n",
            one_line(&event.name)
        ));
        doc.insert("schema", toml_edit::value(record::SCHEMA));
        let mut table = Table::new();
        record::sync_table(&mut table, &[], record::event_fields(event));
        doc.insert("event", Item::Table(table));
        atomic::write(&path, doc.to_string().as_bytes())
    }

    /// Locks the event's file, re-reads it, lets `change` edit it, and writes
    /// it back if the bytes differ.
    pub fn update<T>(
        &self,
        slug: &str,
        on_wait: impl FnOnce(),
        change: impl FnOnce(&mut EventDoc) -> Result<T>,
    ) -> Result<T> {
        let path = self.checked_path(slug)?;
        let _lock = FileLock::acquire(&path, on_wait)?;
        let text = read(&path, slug)?;
        let mut event_doc = EventDoc::parse(&path, slug, &text)?;
        let result = change(&mut event_doc)?;
        let new_text = event_doc.doc.to_string();
        if new_text != text {
            atomic::write(&path, new_text.as_bytes())?;
        }
        Ok(result)
    }

    /// Like [`Journal::update`], also replacing the event's programme file
    /// with `programme` while the lock is held, before the event file.
    pub fn import<T>(
        &self,
        slug: &str,
        programme: &str,
        on_wait: impl FnOnce(),
        change: impl FnOnce(&mut EventDoc) -> Result<T>,
    ) -> Result<T> {
        let programme_path = crate::store::programme::path(&self.dir, slug);
        self.update(slug, on_wait, |doc| {
            let result = change(doc)?;
            atomic::write(&programme_path, programme.as_bytes())?;
            Ok(result)
        })
    }

    /// The imported programme of an event (empty when there is none).
    pub fn programme(&self, event: &Event) -> Result<Vec<Session>> {
        crate::store::programme::load(&self.dir, event)
    }

    /// Replaces a whole event file with `new_text` (after `$EDITOR`), if it
    /// still holds `old_text`: a concurrent change is never overwritten.
    pub fn replace(&self, slug: &str, old_text: &str, new_text: &str) -> Result<()> {
        let path = self.checked_path(slug)?;
        let _lock = FileLock::acquire(&path, || {})?;
        parse(&path, slug, new_text)?;
        if read(&path, slug)? != old_text {
            return Err(Error::Rejected {
                what: path.display().to_string(),
                message: "the file changed while you were editing it; nothing was saved".into(),
            });
        }
        atomic::write(&path, new_text.as_bytes())
    }

    pub fn read_text(&self, slug: &str) -> Result<String> {
        read(&self.checked_path(slug)?, slug)
    }
}

fn read(path: &Path, slug: &str) -> Result<String> {
    fs::read_to_string(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Error::UnknownEvent { slug: slug.to_string(), suggestion: None },
        _ => Error::io("read", path, e),
    })
}

/// Parses an event file's text into the model.
pub fn parse(path: &Path, slug: &str, text: &str) -> Result<EventFile> {
    let file: FileRecord = toml::from_str(text).map_err(|e| record::parse_error(path, text, &e))?;
    let (event, sessions) = record::to_model(path, slug, file)?;
    Ok(EventFile { event, sessions })
}

/// Text safe inside a TOML comment: no control character can end it or
/// make the file unreadable.
pub fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

impl EventDoc {
    /// Parses the document and its event; sessions stay unread.
    fn parse(path: &Path, slug: &str, text: &str) -> Result<EventDoc> {
        let doc = text.parse::<DocumentMut>().map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |span| record::line_column(text, span.start));
            Error::Parse { path: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
        })?;
        // The head (schema, event, days) is small: read it through serde
        // like a whole file, so both paths check the same things.
        let mut head = DocumentMut::new();
        for (key, item) in doc.iter().filter(|(key, _)| *key != "sessions") {
            head.insert(key, item.clone());
        }
        let head_text = head.to_string();
        let record: FileRecord = toml::from_str(&head_text).map_err(|head_error| {
            // Positions in `head_text` mean nothing to the user: the whole
            // file, read the slow way, names the line.
            match toml::from_str::<FileRecord>(text) {
                Err(e) => record::parse_error(path, text, &e),
                Ok(_) => Error::Invalid { path: path.to_path_buf(), message: head_error.message().to_string() },
            }
        })?;
        let (event, _) = record::to_model(path, slug, record)?;
        Ok(EventDoc { path: path.to_path_buf(), doc, event })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn event(&self) -> &Event {
        &self.event
    }

    /// Reads one session from the document.
    pub fn session(&self, id: u32) -> Result<Session> {
        let index = self.session_index(id)?;
        let table = self.session_tables().and_then(|s| s.get(index)).expect("index found above");
        self.session_from_table(table)
    }

    /// The session linked to a programme talk, if the user picked it.
    pub fn session_linked_to(&self, schedule_id: &str) -> Result<Option<Session>> {
        let linked = self.session_tables().and_then(|tables| {
            tables.iter().find(|t| t.get("schedule_id").and_then(Item::as_str) == Some(schedule_id))
        });
        linked.map(|t| self.session_from_table(t)).transpose()
    }

    /// Reads every session (for the rarer commands that need them all).
    pub fn sessions(&self) -> Result<Vec<Session>> {
        self.session_tables()
            .map_or(Ok(Vec::new()), |tables| tables.iter().map(|t| self.session_from_table(t)).collect())
    }

    fn session_from_table(&self, table: &Table) -> Result<Session> {
        let invalid = |message: String| Error::Invalid { path: self.path.clone(), message };
        let text = table.to_string();
        let record: record::SessionRecord =
            toml::from_str(&text).map_err(|e| invalid(format!("a session: {}", e.message())))?;
        let id = record.id;
        record::session_from(record, &self.event).map_err(|e| invalid(format!("session #{id}: {e}")))
    }

    fn session_tables(&self) -> Option<&ArrayOfTables> {
        self.doc.get("sessions").and_then(Item::as_array_of_tables)
    }

    fn ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.session_tables().into_iter().flat_map(|s| s.iter()).filter_map(|t| t.get("id").and_then(Item::as_integer))
    }

    /// One more than the highest id: ids are never reused while the
    /// highest session exists.
    pub fn next_id(&self) -> u32 {
        u32::try_from(self.ids().max().unwrap_or(0) + 1).unwrap_or(u32::MAX)
    }

    /// Appends a session after the last `[[sessions]]` entry.
    pub fn add_session(&mut self, session: Session) {
        let mut table = Table::new();
        record::sync_table(&mut table, &[], record::session_fields(&session));
        match self.doc.get_mut("sessions").and_then(Item::as_array_of_tables_mut) {
            Some(sessions) => sessions.push(table),
            None => {
                let mut sessions = ArrayOfTables::new();
                sessions.push(table);
                self.doc.insert("sessions", Item::ArrayOfTables(sessions));
            }
        }
    }

    /// Writes the changed fields of an existing session.
    pub fn put_session(&mut self, session: Session) -> Result<()> {
        let previous = record::session_fields(&self.session(session.id)?);
        let table = self.session_table(session.id)?;
        record::sync_table(table, &previous, record::session_fields(&session));
        Ok(())
    }

    pub fn remove_session(&mut self, id: u32) -> Result<Session> {
        let session = self.session(id)?;
        let index = self.session_index(id)?;
        if let Some(sessions) = self.doc.get_mut("sessions").and_then(Item::as_array_of_tables_mut) {
            sessions.remove(index);
        }
        Ok(session)
    }

    pub fn put_event(&mut self, event: Event) {
        let previous = record::event_fields(&self.event);
        let table = self.doc.entry("event").or_insert_with(|| Item::Table(Table::new()));
        if let Some(table) = table.as_table_mut() {
            record::sync_table(table, &previous, record::event_fields(&event));
        }
        self.event = Event { days: self.event.days.clone(), ..event };
    }

    /// Writes the notes of one day; an empty one removes its table.
    pub fn put_day(&mut self, day: u32, notes: DayNotes) {
        let days = self.doc.entry("days").or_insert_with(|| {
            let mut table = Table::new();
            table.set_implicit(true);
            Item::Table(table)
        });
        let Some(days) = days.as_table_mut() else { return };
        let key = day.to_string();
        if notes == DayNotes::default() {
            days.remove(&key);
            self.event.days.remove(&day);
            return;
        }
        let previous = self.event.days.get(&day).map(record::day_fields).unwrap_or_default();
        let table = days.entry(&key).or_insert_with(|| Item::Table(Table::new()));
        if let Some(table) = table.as_table_mut() {
            record::sync_table(table, &previous, record::day_fields(&notes));
        }
        self.event.days.insert(day, notes);
    }

    fn session_index(&self, id: u32) -> Result<usize> {
        self.session_tables()
            .and_then(|s| s.iter().position(|t| t.get("id").and_then(Item::as_integer) == Some(i64::from(id))))
            .ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })
    }

    fn session_table(&mut self, id: u32) -> Result<&mut Table> {
        let index = self.session_index(id)?;
        self.doc
            .get_mut("sessions")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|s| s.get_mut(index))
            .ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })
    }
}
