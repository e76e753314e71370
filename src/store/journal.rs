//! The journal directory: one `<slug>.toml` per event.
//!
//! Reads need no lock. Every change goes through [`Journal::update`]: lock,
//! re-read, change the `toml_edit` document, write atomically if anything
//! changed. A file that does not parse is reported and never overwritten.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::error::{Error, Result};
use crate::messages::{self, Text};
use crate::model::{DayNotes, Event, EventFile, Filter, Lang, Session, Status, text};
use crate::store::index::{IndexDir, Stamp};
use crate::store::lock::FileLock;
use crate::store::pieces::{self, CutError, Piece, PieceKind};
use crate::store::record::{self, FileRecord};
use crate::store::state::{self, State};
use crate::store::{atomic, schedule};

/// Told which file a lock is awaited for, when another process holds it.
pub type WaitNotice = Arc<dyn Fn(&Path) + Send + Sync>;

/// The journal directory.
#[derive(Clone)]
pub struct Journal {
    dir: PathBuf,
    on_wait: WaitNotice,
    /// Where the indexes of the event files are kept, if anywhere.
    index: Option<IndexDir>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("dir", &self.dir).finish_non_exhaustive()
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
    /// The file's own ways, kept on every write: a UTF-8 byte order mark,
    /// and CRLF line ends. The pieces hold the text without them.
    bom: bool,
    crlf: bool,
    /// In a team journal, who writes: new sessions get an identity and
    /// this author.
    author: Option<String>,
}

impl Journal {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Journal { dir: dir.into(), on_wait: Arc::new(|_| {}), index: None }
    }

    /// Keeps an index of each event file in `cache_root` (see
    /// [`Journal::load_all_where`]); without one, every read parses.
    pub fn with_index(self, cache_root: Option<PathBuf>) -> Self {
        let index = cache_root.map(|root| IndexDir::new(&root, &self.dir));
        Journal { index, ..self }
    }

    /// Calls `notice` with the file whenever a lock is held by another
    /// process: nobody waits without a word.
    pub fn on_wait(self, notice: impl Fn(&Path) + Send + Sync + 'static) -> Self {
        Journal { on_wait: Arc::new(notice), ..self }
    }

    /// Locks `path` (its sidecar lock file), saying so if it has to wait.
    pub(super) fn lock(&self, path: &Path) -> Result<FileLock> {
        FileLock::acquire(path, || (self.on_wait)(path))
    }

    /// Fails early, with a clear message, when the journal path is a file.
    pub fn check(&self) -> Result<()> {
        if self.dir.exists() && !self.dir.is_dir() {
            return Err(Error::Rejected {
                what: Text::verbatim(self.dir.display().to_string()),
                message: Text::new(messages::journal_not_a_dir),
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
            Err(e) => return Err(Error::io(messages::cannot_read_dir, &self.dir, e)),
        };
        let mut slugs = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(messages::cannot_read_dir, &self.dir, e))?;
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
        parse_event_text(&path, slug, &text)
    }

    /// Creates the file of a new event. Fails if it exists.
    pub fn create(&self, event: &Event) -> Result<()> {
        let path = self.checked_path(&event.slug)?;
        let _lock = self.lock(&path)?;
        if path.exists() {
            return Err(Error::EventExists { slug: event.slug.clone() });
        }
        let mut doc = DocumentMut::new();
        doc.decor_mut().set_prefix(format!(
            "# {} — notes journal. Edit freely: comments and order are kept.\n",
            text::one_line(&event.name)
        ));
        doc.insert("schema", toml_edit::value(record::SCHEMA));
        let mut table = Table::new();
        record::sync_table(&mut table, &[], record::fields(record::EVENT_KEYS, event));
        doc.insert("event", Item::Table(table));
        let text = doc.to_string();
        parse_event_text(&path, &event.slug, &text).map_err(|e| unstorable(Text::new(messages::the_new_event), &e))?;
        atomic::write(&path, text.as_bytes())
    }

    /// Locks the event's file, re-reads it, lets `change` edit it, and writes
    /// it back if the bytes differ.
    pub fn update<T>(&self, slug: &str, change: impl FnOnce(&mut EventDoc) -> Result<T>) -> Result<T> {
        self.update_around(slug, change, |_, _| Ok(()), |_| Ok(()))
    }

    /// [`Journal::update`], with `before` (given the old and new text) and
    /// `after` (the new text) called around the write, which is made only
    /// if the text changed, under the lock.
    fn update_around<T>(
        &self,
        slug: &str,
        change: impl FnOnce(&mut EventDoc) -> Result<T>,
        before: impl FnOnce(&str, &str) -> Result<()>,
        after: impl FnOnce(&str) -> Result<()>,
    ) -> Result<T> {
        let path = self.checked_path(slug)?;
        let _lock = self.lock(&path)?;
        let text = read(&path, slug)?;
        schedule::settle(&self.dir, slug, &text)?;
        // A write in a file of a thousand sessions need not cut it all:
        // the cut recorded by the last write, if it was of this very text.
        let cut = self.index.as_ref().and_then(|index| index.read_cut(slug, &text));
        let mut event_doc = EventDoc::parse_cut(&path, slug, &text, cut)?;
        event_doc.author = self.team_author();
        let result = change(&mut event_doc)?;
        let new_text = event_doc.text();
        before(&text, &new_text)?;
        if new_text != text {
            atomic::write(&path, new_text.as_bytes())?;
        }
        if let Some(index) = &self.index {
            index.write_cut(slug, &new_text, &event_doc.starts());
        }
        after(&new_text)?;
        Ok(result)
    }

    /// Like [`Journal::update`], also replacing the event's schedule with
    /// `talks` (imported from `source`), as one change: the new schedule is
    /// first written aside, naming the event file it goes with, then the
    /// event file, then the schedule takes its place. A crash in between is
    /// settled by the next command: forward if the event file was written,
    /// back if not.
    pub fn import<T>(
        &self,
        event: &Event,
        source: &str,
        talks: &[Session],
        change: impl FnOnce(&mut EventDoc) -> Result<T>,
    ) -> Result<T> {
        let schedule_path = schedule::path(&self.dir, &event.slug);
        let text = schedule::render(event, source, talks);
        schedule::parse(&schedule_path, event, &text).map_err(|e| unstorable(Text::new(messages::the_schedule), &e))?;
        let (dir, slug) = (&self.dir, event.slug.as_str());
        self.update_around(
            slug,
            change,
            |old_event, new_event| {
                schedule::remove_leftovers(dir, slug);
                // An import that changes nothing writes nothing.
                if old_event == new_event && schedule::is_current(dir, slug, &text) {
                    return Ok(());
                }
                schedule::write_pending(dir, slug, new_event, &text)
            },
            |event_text| schedule::settle(dir, slug, event_text),
        )
    }

    /// The imported schedule of an event (empty when there is none).
    pub fn schedule(&self, event: &Event) -> Result<Vec<Session>> {
        self.settle_schedule(event)?;
        schedule::load(&self.dir, event).map_err(|error| Error::BrokenSchedule { error: Box::new(error) })
    }

    /// The talks of the schedule titled `title`, ignoring case.
    pub fn schedule_talks_titled(&self, event: &Event, title: &str) -> Result<Vec<Session>> {
        self.settle_schedule(event)?;
        schedule::talks_titled(&self.dir, event, title)
            .map_err(|error| Error::BrokenSchedule { error: Box::new(error) })
    }

    /// Settles an import that was cut short, under the lock.
    fn settle_schedule(&self, event: &Event) -> Result<()> {
        if schedule::is_pending(&self.dir, &event.slug) {
            let path = self.checked_path(&event.slug)?;
            let _lock = self.lock(&path)?;
            schedule::settle(&self.dir, &event.slug, &read(&path, &event.slug)?)?;
        }
        Ok(())
    }

    /// Every event of the journal, read on every core (searching ten years
    /// of conferences is mostly parsing), each with its slug: one broken
    /// file must not hide the others, so the caller decides what to do
    /// with errors.
    pub fn load_all(&self) -> Result<Vec<(String, Result<EventFile>)>> {
        self.on_every_core(|slug| self.load(slug))
    }

    /// Every event of the journal with only the sessions `filter` keeps,
    /// as [`Journal::load_all`] would give them (then filtered). An event
    /// file is read from its index when the index is fresh, else parsed
    /// (and its index written): a search of ten years of conferences reads
    /// the indexes and decodes only the sessions it finds.
    pub fn load_all_where(&self, filter: &impl Filter) -> Result<Vec<(String, Result<EventFile>)>> {
        self.on_every_core(|slug| self.load_where(slug, filter))
    }

    /// One event with the sessions `filter` keeps; see [`Journal::load_all_where`].
    pub fn load_where(&self, slug: &str, filter: &impl Filter) -> Result<EventFile> {
        let Some(index) = &self.index else {
            let file = self.load(slug)?;
            return Ok(kept(file, filter));
        };
        let path = self.checked_path(slug)?;
        if let Some(file) = index.read(&path, slug, filter) {
            return Ok(file);
        }
        let stamp = Stamp::of(&path);
        let file = self.load(slug)?;
        index.write(&path, stamp, &file);
        // The index just written has the fields folded: filtering through
        // it spares folding every session a second time.
        Ok(index.read(&path, slug, filter).unwrap_or_else(|| kept(file, filter)))
    }

    /// Every event of the journal with the sessions `filter` keeps, one
    /// at a time in the order of their slugs: each is loaded and turned by
    /// `make` on one of the cores, then handed to `take` in order. Memory
    /// holds a few events, never the journal. An error from `take` stops
    /// the loading and is returned.
    pub fn stream_where<T: Send>(
        &self,
        filter: &impl Filter,
        make: impl Fn(String, Result<EventFile>) -> T + Sync,
        mut take: impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let slugs = self.slugs()?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, slugs.len().max(1));
        let (make, slugs) = (&make, &slugs);
        std::thread::scope(|scope| {
            // Worker `k` makes events k, k + threads, …: each waits with
            // one made event until it is taken.
            let receivers: Vec<_> = (0..threads)
                .map(|k| {
                    let (sender, receiver) = std::sync::mpsc::sync_channel(1);
                    scope.spawn(move || {
                        for slug in slugs.iter().skip(k).step_by(threads) {
                            let made = make(slug.clone(), self.load_where(slug, filter));
                            if sender.send(made).is_err() {
                                break;
                            }
                        }
                    });
                    receiver
                })
                .collect();
            for i in 0..slugs.len() {
                // A worker that panicked sent nothing more: stop there.
                let Ok(made) = receivers[i % threads].recv() else { break };
                take(made)?;
            }
            Ok(())
        })
    }

    /// `load` on each event's slug, the slugs shared between the cores, in
    /// the order of the slugs.
    fn on_every_core<T: Send>(&self, load: impl Fn(&str) -> T + Sync) -> Result<Vec<(String, T)>> {
        let slugs = self.slugs()?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(slugs.len().max(1));
        let chunk = slugs.len().div_ceil(threads).max(1);
        let load = &load;
        Ok(std::thread::scope(|scope| {
            let workers: Vec<_> = slugs
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|slug| (slug.clone(), load(slug))).collect::<Vec<_>>()))
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
        }))
    }

    /// The journal's state (current event and sessions).
    pub fn state(&self) -> Result<State> {
        state::load(&self.dir)
    }

    /// Changes the journal's state under its lock.
    pub fn update_state(&self, change: impl FnOnce(&mut State)) -> Result<()> {
        let _lock = self.lock(&state::path(&self.dir))?;
        state::update_locked(&self.dir, change)
    }

    /// Replaces a whole event file with `new_text` (after `$EDITOR`), if it
    /// still holds `old_text`: a concurrent change is never overwritten.
    pub fn replace(&self, slug: &str, old_text: &str, new_text: &str) -> Result<()> {
        let path = self.checked_path(slug)?;
        let _lock = self.lock(&path)?;
        parse_event_text(&path, slug, new_text)?;
        if read(&path, slug)? != old_text {
            return Err(Error::Rejected {
                what: Text::verbatim(path.display().to_string()),
                message: Text::new(messages::file_changed_while_editing),
            });
        }
        atomic::write(&path, new_text.as_bytes())
    }

    pub fn read_text(&self, slug: &str) -> Result<String> {
        read(&self.checked_path(slug)?, slug)
    }
}

/// `file` with only the sessions `filter` keeps.
fn kept(file: EventFile, filter: &impl Filter) -> EventFile {
    let EventFile { event, sessions } = file;
    let sessions = sessions.into_iter().filter(|s| filter.keeps(&event, s)).collect();
    EventFile { event, sessions }
}

fn read(path: &Path, slug: &str) -> Result<String> {
    super::read_regular(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Error::UnknownEvent { slug: slug.to_string(), suggestion: None },
        _ => Error::io(messages::cannot_read, path, e),
    })
}

/// Parses an event file's text into the model.
pub fn parse_event_text(path: &Path, slug: &str, text: &str) -> Result<EventFile> {
    let (_, text) = plain(text);
    let file: FileRecord = toml::from_str(&text).map_err(|e| record::parse_error(path, &text, &e))?;
    let (event, sessions) = record::to_model(path, slug, file)?;
    Ok(EventFile { event, sessions })
}

impl EventDoc {
    /// Cuts the document into pieces and reads its event; sessions stay
    /// unread until asked for.
    pub fn parse(path: &Path, slug: &str, text: &str) -> Result<EventDoc> {
        EventDoc::parse_cut(path, slug, text, None)
    }

    /// [`EventDoc::parse`], with the pieces where `cut` says they begin
    /// (a cut recorded for this very text) instead of cutting the text.
    fn parse_cut(path: &Path, slug: &str, text: &str, cut: Option<Vec<(usize, PieceKind)>>) -> Result<EventDoc> {
        let ((bom, crlf), text) = plain(text);
        let pieces = match cut.and_then(|starts| pieces::from_starts(&text, &starts)) {
            Some(pieces) => pieces,
            None => pieces::cut(&text).map_err(|e| match e {
                CutError::Syntax { offset, message } => syntax_error(path, &text, offset, message),
                CutError::SessionsNotTables => sessions_not_tables(path),
                CutError::Detached { offset } => detached(path, &text, offset),
            })?,
        };
        let event = read_head(path, &pieces, slug)?;
        let doc = EventDoc { path: path.to_path_buf(), pieces, event, bom, crlf, author: None };
        doc.check_sessions()?;
        Ok(doc)
    }

    /// After a change to the event or its days: the event as the file now
    /// reads, and every session still one a read accepts.
    fn reread_head(&mut self) -> Result<()> {
        self.event = read_head(&self.path, &self.pieces, &self.event.slug)
            .map_err(|e| unstorable(Text::new(messages::the_event), &e))?;
        self.check_sessions()
    }

    /// Every session has an id (a whole number from 1, unique) and a day of
    /// the event, as every read requires: a write would otherwise keep a
    /// file no read accepts, or hand out an id twice. Checked from the cut,
    /// without reading the sessions.
    fn check_sessions(&self) -> Result<()> {
        let last = i64::from(self.event.day_count());
        let mut ids = std::collections::HashSet::new();
        for (index, piece) in self.session_pieces() {
            let PieceKind::Session { id, day } = piece.kind else { continue };
            let slug = &self.event.slug;
            let problem = match (id, day) {
                (None, _) => Text::new(messages::session_without_id),
                (Some(id), _) if id < 1 || id > i64::from(u32::MAX) => {
                    Text::new(|lang| messages::not_a_session_id(lang, id))
                }
                (Some(id), _) if !ids.insert(id) => Text::new(|lang| messages::same_id_twice(lang, id)),
                (_, None) => Text::new(messages::session_without_day),
                (_, Some(day)) if day < 1 || day > last => {
                    Text::new(|lang| messages::day_out_of_range(lang, day, slug, last))
                }
                _ => continue,
            };
            // The reader's own words, with the line of the value, where it has them.
            return Err(match self.read_session(index) {
                Err(error @ Error::Parse { .. }) => error,
                _ => self.piece_error(index, piece.text.find("[[").unwrap_or(0), problem),
            });
        }
        Ok(())
    }

    /// Reads piece `index` back after a change: what no read accepts is
    /// never written.
    fn read_back(&self, index: usize, what: impl FnOnce() -> Text) -> Result<Session> {
        self.read_session(index).map_err(|e| unstorable(what(), &e))
    }

    /// The file's text, with every change made so far.
    pub fn text(&self) -> String {
        let text = self.joined();
        let text = if self.crlf { text.replace('\n', "\r\n") } else { text };
        if self.bom { format!("\u{feff}{text}") } else { text }
    }

    /// Where each piece begins in the text as notes works on it, with its kind.
    fn starts(&self) -> Vec<(usize, PieceKind)> {
        let starts = pieces::starts(&self.pieces);
        // The tests hold every cut recorded to the one cutting gives (but
        // for the head in one piece or two, which read and write the same).
        debug_assert_eq!(
            Some(pieces::merged_heads(&starts)),
            pieces::cut(&self.joined()).ok().map(|p| pieces::merged_heads(&pieces::starts(&p)))
        );
        starts
    }

    /// The pieces joined: the text as notes works on it (LF, no BOM).
    fn joined(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    pub fn event(&self) -> &Event {
        &self.event
    }

    /// Reads one session from the document.
    pub fn session(&self, id: u32) -> Result<Session> {
        self.read_session(self.session_index(id)?)
    }

    /// The session linked to a scheduled talk, if the user picked it.
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

    /// The planned sessions (the others are not parsed).
    pub fn planned_sessions(&self) -> Vec<Session> {
        self.sessions_containing(Status::Planned.key()).filter(|s| s.status == Status::Planned).collect()
    }

    /// The sessions titled exactly `title` (the others are not parsed).
    pub fn sessions_titled(&self, title: &str) -> Vec<Session> {
        self.sessions_containing(title).filter(|s| s.title == title).collect()
    }

    /// The readable sessions whose text may hold `needle`: without escapes,
    /// a value's text is in its piece, so the other pieces are not parsed.
    fn sessions_containing(&self, needle: &str) -> impl Iterator<Item = Session> {
        self.session_pieces()
            .filter(move |(_, piece)| piece.text.contains(needle) || piece.text.contains('\\'))
            .filter_map(|(index, _)| self.read_session(index).ok())
    }

    /// Reads every session (for the rarer commands that need them all).
    pub fn sessions(&self) -> Result<Vec<Session>> {
        self.session_pieces().map(|(index, _)| self.read_session(index)).collect()
    }

    /// Reads the session of piece `index`; an error names its line in the file.
    fn read_session(&self, index: usize) -> Result<Session> {
        let one = toml::from_str::<OneSession>(&self.pieces[index].text)
            .map_err(|e| self.piece_error(index, e.span().map_or(0, |span| span.start), parser_words(e.message())))?;
        let record =
            one.sessions.into_iter().next().ok_or_else(|| self.invalid(Text::new(messages::empty_sessions_table)))?;
        record::journal_session(record, &self.event).map_err(|e| self.invalid(Text::new(|lang| e.message(lang))))
    }

    /// An error at `offset` in piece `index`, placed in the whole file.
    fn piece_error(&self, index: usize, offset: usize, message: Text) -> Error {
        let start: usize = self.pieces[..index].iter().map(|p| p.text.len()).sum();
        let (line, column) = record::line_column(&self.joined(), start + offset);
        Error::Parse { path: self.path.clone(), line, column, message }
    }

    fn invalid(&self, message: Text) -> Error {
        Error::Invalid { path: self.path.clone(), message }
    }

    fn session_pieces(&self) -> impl Iterator<Item = (usize, &Piece)> {
        self.pieces.iter().enumerate().filter(|(_, p)| matches!(p.kind, PieceKind::Session { .. }))
    }

    /// One more than the highest id: ids are never reused while the
    /// highest session exists.
    pub fn next_id(&self) -> Result<u32> {
        let highest = self.pieces.iter().filter_map(|p| match p.kind {
            PieceKind::Session { id, .. } => id,
            PieceKind::Head => None,
        });
        u32::try_from(highest.max().unwrap_or(0).saturating_add(1))
            .map_err(|_| self.invalid(Text::new(|lang| messages::ids_exhausted(lang, u32::MAX))))
    }

    /// Gives every session without one an identity (and a copy of another's
    /// its own), and `author` when it has none: what is shared can be told
    /// apart.
    pub fn give_identities(&mut self, author: &str) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        for session in self.sessions()? {
            // A block copied in an editor repeats its uid: the copy gets its own.
            let repeated = session.uid.as_ref().is_some_and(|uid| !seen.insert(uid.clone()));
            if session.uid.is_none() || session.author.is_none() || repeated {
                self.change_session(session.id, |s, _| {
                    s.author.get_or_insert_with(|| author.to_string());
                    if s.uid.is_none() || repeated {
                        s.uid = Some(crate::store::team::new_uid(author, s));
                    }
                    Ok(())
                })?;
            }
        }
        Ok(())
    }

    /// Appends a session after the last `[[sessions]]` entry, and reads it
    /// back. In a team journal, a new session gets an identity and its author.
    pub fn add_session(&mut self, mut session: Session) -> Result<()> {
        if let Some(author) = &self.author
            && session.uid.is_none()
        {
            session.author.get_or_insert_with(|| author.clone());
            session.uid = Some(crate::store::team::new_uid(author, &session));
        }
        let mut table = Table::new();
        record::sync_table(&mut table, &[], record::fields(record::SESSION_KEYS, &session));
        let text = format!("\n{}", session_document(table));
        let after = self.pieces.iter().rposition(|p| matches!(p.kind, PieceKind::Session { .. }));
        let index = after.map_or(self.pieces.len(), |i| i + 1);
        if let Some(previous) = index.checked_sub(1).map(|i| &mut self.pieces[i])
            && !previous.text.is_empty()
            && !previous.text.ends_with('\n')
        {
            previous.text.push('\n');
        }
        let kind = PieceKind::Session { id: Some(i64::from(session.id)), day: Some(i64::from(session.day)) };
        self.pieces.insert(index, Piece { text, kind });
        let title = text::one_line(&session.title);
        self.read_back(index, || Text::new(|lang| messages::the_new_session(lang, &title)))?;
        Ok(())
    }

    /// Changes one session: its piece is parsed once, `change` edits the
    /// session (knowing its event), and only the keys whose value changed
    /// are rewritten, so comments and the user's own keys stay as they were.
    pub fn change_session<T>(&mut self, id: u32, change: impl FnOnce(&mut Session, &Event) -> Result<T>) -> Result<T> {
        let index = self.session_index(id)?;
        let parsed = toml_edit::Document::parse(self.pieces[index].text.clone())
            .map_err(|e| self.piece_error(index, e.span().map_or(0, |span| span.start), parser_words(e.message())))?;
        let mut doc = parsed.clone().into_mut();
        let record = match toml_edit::de::from_document::<OneSession>(parsed) {
            Ok(one) => one.sessions.into_iter().next(),
            // The whole-file reader names the line; it fails the same way.
            Err(_) => {
                return Err(self
                    .read_session(index)
                    .err()
                    .unwrap_or_else(|| self.invalid(Text::new(messages::unreadable_session))));
            }
        };
        let record = record.ok_or_else(|| self.invalid(Text::new(messages::empty_sessions_table)))?;
        let mut session = record::journal_session(record, &self.event)
            .map_err(|e| self.invalid(Text::new(|lang| e.message(lang))))?;
        let previous = record::fields(record::SESSION_KEYS, &session);
        let result = change(&mut session, &self.event)?;
        if session.id != id {
            return Err(self.invalid(Text::new(messages::id_cannot_change)));
        }
        let table =
            first_session(&mut doc).ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })?;
        record::sync_table(table, &previous, record::fields(record::SESSION_KEYS, &session));
        self.pieces[index] = Piece {
            text: doc.to_string(),
            kind: PieceKind::Session { id: Some(i64::from(id)), day: Some(i64::from(session.day)) },
        };
        self.read_back(index, || Text::new(|lang| messages::session_number(lang, id)))?;
        Ok(result)
    }

    /// Replaces an existing session with `session` (same id).
    pub fn put_session(&mut self, session: Session) -> Result<()> {
        self.change_session(session.id, |old, _| {
            *old = session;
            Ok(())
        })
    }

    /// Copies a scheduled talk into the file with `status`, or updates the
    /// session already linked to it (a talk attended is never set back to
    /// planned); `adjust` then applies the user's own flags. Returns the
    /// session's id and whether it is new.
    pub fn pick(
        &mut self,
        talk: &Session,
        status: Status,
        adjust: impl FnOnce(&mut Session, &Event) -> Result<()>,
    ) -> Result<(u32, bool)> {
        let linked = match talk.schedule_id.as_deref() {
            Some(id) => self.session_linked_to(id)?,
            None => None,
        };
        if let Some(linked) = linked {
            self.change_session(linked.id, |session, event| {
                if !(status == Status::Planned && session.status == Status::Attended) {
                    session.status = status;
                }
                adjust(session, event)
            })?;
            return Ok((linked.id, false));
        }
        let mut session = Session { id: self.next_id()?, status, ..talk.clone() };
        adjust(&mut session, &self.event)?;
        let id = session.id;
        self.add_session(session)?;
        Ok((id, true))
    }

    pub fn remove_session(&mut self, id: u32) -> Result<Session> {
        let index = self.session_index(id)?;
        let session = self.read_session(index)?;
        self.pieces.remove(index);
        Ok(session)
    }

    /// Changes the event. When its dates move, every session and every
    /// day's notes keep their date, so that a session's `day` never
    /// contradicts its `at`; nothing changes if one would fall outside the
    /// new dates.
    pub fn put_event(&mut self, event: Event) -> Result<()> {
        let old = self.event.clone();
        let moves = self.session_moves(&old, &event)?;
        let mut day_moves = Vec::new();
        for &day in old.days.keys() {
            let to = event.same_date_day(&old, day).ok_or_else(|| {
                outside(messages::the_days_notes, day, &old, &event, |lang| messages::hint_remove_day_notes(lang, day))
            })?;
            day_moves.push((day, to));
        }
        let previous = record::fields(record::EVENT_KEYS, &old);
        self.edit_whole(|doc| {
            let table = doc.entry("event").or_insert_with(|| Item::Table(Table::new()));
            if let Some(table) = table.as_table_mut() {
                record::sync_table(table, &previous, record::fields(record::EVENT_KEYS, &event));
            }
            if let Some(days) = doc.get_mut("days").and_then(Item::as_table_mut)
                && day_moves.iter().any(|(from, to)| from != to)
            {
                // Removed first, all of them: day 1 may become day 2 while
                // day 2 becomes day 3. Each table keeps its place in the file.
                let tables: Vec<_> = day_moves
                    .iter()
                    .filter_map(|(from, to)| days.remove_entry(&from.to_string()).map(|(_, item)| (to, item)))
                    .collect();
                for (to, item) in tables {
                    days.insert(&to.to_string(), item);
                }
            }
        })?;
        self.event = read_head(&self.path, &self.pieces, &old.slug)
            .map_err(|e| unstorable(Text::new(messages::the_event), &e))?;
        for (id, from, to) in moves {
            self.set_day(id, from, to)?;
        }
        self.check_sessions()
    }

    /// The sessions whose day number changes when the event goes from `old`
    /// to `new`, keeping their date: (id, from, to).
    fn session_moves(&self, old: &Event, new: &Event) -> Result<Vec<(u32, u32, u32)>> {
        let mut moves = Vec::new();
        if old.start == new.start && old.end == new.end {
            return Ok(moves);
        }
        for (_, piece) in self.session_pieces() {
            // check_sessions made sure every session has both.
            let PieceKind::Session { id: Some(id), day: Some(day) } = piece.kind else { continue };
            let (id, day) = (u32::try_from(id).unwrap_or(0), u32::try_from(day).unwrap_or(0));
            match new.same_date_day(old, day) {
                Some(to) if to == day => {}
                Some(to) => moves.push((id, day, to)),
                None => {
                    let what = |lang| messages::session_number(lang, id);
                    return Err(outside(what, day, old, new, |lang| messages::hint_move_or_delete(lang, id)));
                }
            }
        }
        Ok(moves)
    }

    /// Moves session `id` from day `from` to day `to`, touching only `day`.
    fn set_day(&mut self, id: u32, from: u32, to: u32) -> Result<()> {
        let index = self.session_index(id)?;
        let mut doc = parse_document(&self.path, &self.pieces[index].text)?;
        let table =
            first_session(&mut doc).ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })?;
        record::sync_table(table, &[("day", Some(i64::from(from).into()))], vec![("day", Some(i64::from(to).into()))]);
        let kind = PieceKind::Session { id: Some(i64::from(id)), day: Some(i64::from(to)) };
        self.pieces[index] = Piece { text: doc.to_string(), kind };
        self.read_back(index, || Text::new(|lang| messages::session_number(lang, id)))?;
        Ok(())
    }

    /// Writes the notes of one day; an empty one removes its table.
    pub fn put_day(&mut self, day: u32, notes: DayNotes) -> Result<()> {
        let previous = self.event.days.get(&day).map(|d| record::fields(record::DAY_KEYS, d)).unwrap_or_default();
        let fields = (notes != DayNotes::default()).then(|| record::fields(record::DAY_KEYS, &notes));
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
        self.reread_head()
    }

    /// Changes to the event and its days go through the whole document,
    /// which is then cut again: they are rare, and their tables may sit
    /// anywhere in the file.
    fn edit_whole(&mut self, change: impl FnOnce(&mut DocumentMut)) -> Result<()> {
        let mut doc = parse_document(&self.path, &self.joined())?;
        change(&mut doc);
        let text = doc.to_string();
        self.pieces = pieces::cut(&text).map_err(|e| match e {
            CutError::Syntax { offset, message } => syntax_error(&self.path, &text, offset, message),
            CutError::SessionsNotTables => sessions_not_tables(&self.path),
            CutError::Detached { offset } => detached(&self.path, &text, offset),
        })?;
        Ok(())
    }

    fn session_index(&self, id: u32) -> Result<usize> {
        self.pieces
            .iter()
            .position(|p| matches!(p.kind, PieceKind::Session { id: Some(found), .. } if found == i64::from(id)))
            .ok_or_else(|| Error::UnknownSession { id, event: self.event.slug.clone() })
    }
}

/// An event file's text as notes reads it: without a byte order mark, with
/// LF line ends (so that notes read the same from a file saved on Windows);
/// and whether it had a BOM and CRLF line ends.
fn plain(text: &str) -> ((bool, bool), std::borrow::Cow<'_, str>) {
    let (bom, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // Only a file whose every line ends in CRLF is read as such: a mixed
    // one is kept byte for byte, as it is.
    let crlf = text.contains('\r') && {
        let lf = text.bytes().filter(|&b| b == b'\n').count();
        lf > 0 && text.matches("\r\n").count() == lf
    };
    ((bom, crlf), if crlf { text.replace("\r\n", "\n").into() } else { text.into() })
}

/// The table of a session piece.
fn first_session(doc: &mut DocumentMut) -> Option<&mut Table> {
    doc.get_mut("sessions").and_then(Item::as_array_of_tables_mut).and_then(|tables| tables.get_mut(0))
}

/// `what`, on `day` of `old`, has no day in `new`.
fn outside(what: impl Fn(Lang) -> String, day: u32, old: &Event, new: &Event, hint: impl Fn(Lang) -> String) -> Error {
    let date = old.date_of(day).map(|d| d.to_string()).unwrap_or_default();
    let (start, end) = (new.start.to_string(), new.end.to_string());
    Error::user(|lang| messages::outside_new_dates(lang, &what(lang), day, &date, &start, &end), hint)
}

/// What a value would not read back as: the journal's reader's error.
fn unstorable(what: Text, error: &Error) -> Error {
    Error::Unstorable { what, problem: Text::new(|lang| error.message(lang)) }
}

/// A parser's message, the same in every language.
fn parser_words(message: &str) -> Text {
    Text::verbatim(message.trim())
}

/// The event, read from the head pieces (what is not a session).
fn read_head(path: &Path, pieces: &[Piece], slug: &str) -> Result<Event> {
    let head: String = pieces.iter().filter(|p| p.kind == PieceKind::Head).map(|p| p.text.as_str()).collect();
    let record: FileRecord = toml::from_str(&head).map_err(|head_error| {
        // Positions in `head` mean nothing to the user: the whole file,
        // read the slow way, names the line.
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
        match toml::from_str::<FileRecord>(&text) {
            Err(e) => record::parse_error(path, &text, &e),
            Ok(_) => Error::Invalid { path: path.to_path_buf(), message: parser_words(head_error.message()) },
        }
    })?;
    Ok(record::to_model(path, slug, record)?.0)
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
        Error::Parse { path: path.to_path_buf(), line, column, message: parser_words(e.message()) }
    })
}

/// The error of a file that is not TOML, with its line and column:
/// toml_edit's words, which the other commands use too, else the cutter's.
fn syntax_error(path: &Path, text: &str, offset: usize, message: String) -> Error {
    parse_document(path, text).err().unwrap_or_else(|| {
        let (line, column) = record::line_column(text, offset);
        Error::Parse { path: path.to_path_buf(), line, column, message: parser_words(&message) }
    })
}

fn detached(path: &Path, text: &str, offset: usize) -> Error {
    // The header itself, past the comments above it.
    let offset = text[offset..].find('[').map_or(offset, |i| offset + i);
    let (line, column) = record::line_column(text, offset);
    Error::Parse { path: path.to_path_buf(), line, column, message: Text::new(messages::detached_table) }
}

fn sessions_not_tables(path: &Path) -> Error {
    Error::Invalid { path: path.to_path_buf(), message: Text::new(messages::sessions_not_tables) }
}
