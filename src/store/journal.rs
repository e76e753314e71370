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
use crate::store::pieces::{self, CutError, Piece, PieceKind};
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

/// An event being changed: its file cut into pieces (see [`pieces`]). The
/// event is read up front; a session only when asked for, so that a jot in
/// a file of hundreds of sessions parses one of them. Changes are made to
/// the pieces, which stay the source of the bytes.
pub struct EventDoc {
    path: PathBuf,
    pieces: Vec<Piece>,
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
    /// or made by `event_slug`; anything else could name a path outside the
    /// journal, so reading and writing check again.
    pub fn event_path(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.toml"))
    }

    fn checked_path(&self, slug: &str) -> Result<PathBuf> {
        if crate::model::text::is_event_slug(slug) {
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
            if crate::model::text::is_event_slug(slug) && !slug.ends_with(".schedule") {
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
        let new_text = event_doc.text();
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
    /// Cuts the document into pieces and reads its event; sessions stay
    /// unread until asked for.
    pub fn parse(path: &Path, slug: &str, text: &str) -> Result<EventDoc> {
        let pieces = pieces::cut(text).map_err(|e| match e {
            CutError::Syntax { offset, message } => syntax_error(path, text, offset, message),
            CutError::SessionsNotTables => sessions_not_tables(path),
        })?;
        let head: String = pieces.iter().filter(|p| p.kind == PieceKind::Head).map(|p| p.text.as_str()).collect();
        let record: FileRecord = toml::from_str(&head).map_err(|head_error| {
            // Positions in `head` mean nothing to the user: the whole file,
            // read the slow way, names the line.
            match toml::from_str::<FileRecord>(text) {
                Err(e) => record::parse_error(path, text, &e),
                Ok(_) => Error::Invalid { path: path.to_path_buf(), message: head_error.message().to_string() },
            }
        })?;
        let (event, _) = record::to_model(path, slug, record)?;
        Ok(EventDoc { path: path.to_path_buf(), pieces, event })
    }

    /// The file's text, with every change made so far.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    pub fn event(&self) -> &Event {
        &self.event
    }

    /// Reads one session from the document.
    pub fn session(&self, id: u32) -> Result<Session> {
        self.read_session(self.session_index(id)?)
    }

    /// The session linked to a programme talk, if the user picked it.
    pub fn session_linked_to(&self, schedule_id: &str) -> Result<Option<Session>> {
        // Without escapes, a piece linked to the id holds its text: the
        // others need not be parsed.
        let may_link = |(_, piece): &(usize, &Piece)| piece.text.contains(schedule_id) || piece.text.contains('\\');
        for (index, piece) in self.session_pieces().filter(may_link) {
            match self.read_session(index) {
                Ok(session) if session.schedule_id.as_deref() == Some(schedule_id) => return Ok(Some(session)),
                Ok(_) => {}
                // A broken session that names the talk is reported: the
                // talk must not get a second session.
                Err(e) if piece.text.contains(schedule_id) => return Err(e),
                Err(_) => {}
            }
        }
        Ok(None)
    }

    /// Reads every session (for the rarer commands that need them all).
    pub fn sessions(&self) -> Result<Vec<Session>> {
        self.session_pieces().map(|(index, _)| self.read_session(index)).collect()
    }

    /// Reads the session of piece `index`; an error names its line in the file.
    fn read_session(&self, index: usize) -> Result<Session> {
        let invalid = |message: String| Error::Invalid { path: self.path.clone(), message };
        let one = toml::from_str::<OneSession>(&self.pieces[index].text).map_err(|e| {
            let start: usize = self.pieces[..index].iter().map(|p| p.text.len()).sum();
            let (line, column) = record::line_column(&self.text(), start + e.span().map_or(0, |span| span.start));
            Error::Parse { path: self.path.clone(), line, column, message: e.message().trim().to_string() }
        })?;
        let record = one.sessions.into_iter().next().ok_or_else(|| invalid("an empty [[sessions]] table".into()))?;
        record::journal_session(record, &self.event).map_err(invalid)
    }

    fn session_pieces(&self) -> impl Iterator<Item = (usize, &Piece)> {
        self.pieces.iter().enumerate().filter(|(_, p)| matches!(p.kind, PieceKind::Session { .. }))
    }

    /// One more than the highest id: ids are never reused while the
    /// highest session exists.
    pub fn next_id(&self) -> Result<u32> {
        let highest = self.pieces.iter().filter_map(|p| match p.kind {
            PieceKind::Session { id } => id,
            PieceKind::Head => None,
        });
        u32::try_from(highest.max().unwrap_or(0).saturating_add(1)).map_err(|_| Error::Invalid {
            path: self.path.clone(),
            message: format!("session ids go up to {}: renumber the sessions to add one", u32::MAX),
        })
    }

    /// Appends a session after the last `[[sessions]]` entry.
    pub fn add_session(&mut self, session: Session) {
        let mut table = Table::new();
        record::sync_table(&mut table, &[], record::session_fields(&session));
        let text = format!("\n{}", session_document(table));
        let after = self.pieces.iter().rposition(|p| matches!(p.kind, PieceKind::Session { .. }));
        let index = after.map_or(self.pieces.len(), |i| i + 1);
        if let Some(previous) = index.checked_sub(1).map(|i| &mut self.pieces[i])
            && !previous.text.is_empty()
            && !previous.text.ends_with('\n')
        {
            previous.text.push('\n');
        }
        let kind = PieceKind::Session { id: Some(i64::from(session.id)) };
        self.pieces.insert(index, Piece { text, kind });
    }

    /// Writes the changed fields of an existing session.
    pub fn put_session(&mut self, session: Session) -> Result<()> {
        let index = self.session_index(session.id)?;
        let previous = record::session_fields(&self.read_session(index)?);
        let piece = &mut self.pieces[index];
        let mut doc = parse_document(&self.path, &piece.text)?;
        let table = doc
            .get_mut("sessions")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|tables| tables.get_mut(0))
            .ok_or_else(|| Error::UnknownSession { id: session.id, event: self.event.slug.clone() })?;
        record::sync_table(table, &previous, record::session_fields(&session));
        piece.text = doc.to_string();
        Ok(())
    }

    pub fn remove_session(&mut self, id: u32) -> Result<Session> {
        let index = self.session_index(id)?;
        let session = self.read_session(index)?;
        self.pieces.remove(index);
        Ok(session)
    }

    pub fn put_event(&mut self, event: Event) -> Result<()> {
        let previous = record::event_fields(&self.event);
        self.edit_whole(|doc| {
            let table = doc.entry("event").or_insert_with(|| Item::Table(Table::new()));
            if let Some(table) = table.as_table_mut() {
                record::sync_table(table, &previous, record::event_fields(&event));
            }
        })?;
        self.event = Event { days: self.event.days.clone(), ..event };
        Ok(())
    }

    /// Writes the notes of one day; an empty one removes its table.
    pub fn put_day(&mut self, day: u32, notes: DayNotes) -> Result<()> {
        let previous = self.event.days.get(&day).map(record::day_fields).unwrap_or_default();
        let fields = (notes != DayNotes::default()).then(|| record::day_fields(&notes));
        self.edit_whole(|doc| {
            let days = doc.entry("days").or_insert_with(|| {
                let mut table = Table::new();
                table.set_implicit(true);
                Item::Table(table)
            });
            let Some(days) = days.as_table_mut() else { return };
            let key = day.to_string();
            match fields {
                None => {
                    days.remove(&key);
                }
                Some(fields) => {
                    let table = days.entry(&key).or_insert_with(|| Item::Table(Table::new()));
                    if let Some(table) = table.as_table_mut() {
                        record::sync_table(table, &previous, fields);
                    }
                }
            }
        })?;
        if notes == DayNotes::default() {
            self.event.days.remove(&day);
        } else {
            self.event.days.insert(day, notes);
        }
        Ok(())
    }

    /// Changes to the event and its days go through the whole document,
    /// which is then cut again: they are rare, and their tables may sit
    /// anywhere in the file.
    fn edit_whole(&mut self, change: impl FnOnce(&mut DocumentMut)) -> Result<()> {
        let mut doc = parse_document(&self.path, &self.text())?;
        change(&mut doc);
        let text = doc.to_string();
        self.pieces = pieces::cut(&text).map_err(|e| match e {
            CutError::Syntax { offset, message } => syntax_error(&self.path, &text, offset, message),
            CutError::SessionsNotTables => sessions_not_tables(&self.path),
        })?;
        Ok(())
    }

    fn session_index(&self, id: u32) -> Result<usize> {
        self.pieces
            .iter()
            .position(|p| p.kind == PieceKind::Session { id: Some(i64::from(id)) })
            .ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })
    }
}

/// A session piece, read on its own.
#[derive(serde::Deserialize)]
struct OneSession {
    sessions: Vec<record::SessionRecord>,
}

/// `[[sessions]]` and `table`, as text.
fn session_document(table: Table) -> String {
    let mut sessions = ArrayOfTables::new();
    sessions.push(table);
    let mut doc = DocumentMut::new();
    doc.insert("sessions", Item::ArrayOfTables(sessions));
    doc.to_string()
}

fn parse_document(path: &Path, text: &str) -> Result<DocumentMut> {
    text.parse::<DocumentMut>().map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| record::line_column(text, span.start));
        Error::Parse { path: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
    })
}

/// The error of a file that is not TOML, with its line and column:
/// toml_edit's words, which the other commands use too, else the cutter's.
fn syntax_error(path: &Path, text: &str, offset: usize, message: String) -> Error {
    parse_document(path, text).err().unwrap_or_else(|| {
        let (line, column) = record::line_column(text, offset);
        Error::Parse { path: path.to_path_buf(), line, column, message }
    })
}

fn sessions_not_tables(path: &Path) -> Error {
    Error::Invalid { path: path.to_path_buf(), message: "sessions must be written as [[sessions]] tables".into() }
}
