//! The index of an event file: what the commands that read the whole
//! journal (`filter`, `list --all-events`, `export --all-events`) need of
//! it, kept in the platform cache directory so that they need not parse
//! ten years of TOML on every run.
//!
//! For each session, the index keeps what a filter reads of it (its day,
//! kind, status and verdict, its texts folded, see [`Fields`]) and the
//! session itself in a compact binary form (postcard), decoded only when a
//! filter keeps it. The event file stays the only truth: an index is made
//! from a file that was read whole and without error, and it is used only
//! while it is fresh, proved by a [`Stamp`] (the file's device, inode,
//! size, modification and change times, and the binary that wrote the
//! index). A write by `notes` replaces the file (a new inode), a hand edit
//! changes its times: either makes the index stale, and the next read
//! parses the file and writes a new one. An index that is truncated,
//! corrupt (its checksum), foreign or of another format is ignored.
//! Deleting the cache loses nothing.
//!
//! The cache lives outside the journal (`~/.cache/notes/index/` on Linux),
//! so it never enters a team's git repository. It is written without fsync:
//! a broken one is only a miss.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{DayNotes, Event, EventFile, Fields, Filter, Hidden, Kind, Link, Session, Speaker, Status, Zone};
use crate::store::pieces::PieceKind;

const MAGIC: &[u8; 8] = b"notesidx";
/// The index's own format: changed with any change to what it holds.
const FORMAT: u32 = 3;
/// Magic, format, stamp, the length and checksum of the entries and of
/// the texts, the length of the sessions.
const HEADER: usize = 8 + 4 + Stamp::LEN + 8 + 4 + 8 + 4 + 8;
/// A file changed this recently may change again within the same tick of
/// the file system's clock, leaving the same times: its index waits.
const SETTLED: Duration = Duration::from_secs(2);

/// Where the indexes of one journal live: a folder of the cache directory
/// named after the journal's path, found when first needed (a command
/// that reads no index does no work for it).
#[derive(Debug, Clone)]
pub struct IndexDir {
    cache_root: PathBuf,
    journal_dir: PathBuf,
    dir: OnceLock<PathBuf>,
}

impl IndexDir {
    /// The index folder of the journal in `journal_dir`, under `cache_root`.
    pub fn new(cache_root: &Path, journal_dir: &Path) -> IndexDir {
        IndexDir { cache_root: cache_root.to_path_buf(), journal_dir: journal_dir.to_path_buf(), dir: OnceLock::new() }
    }

    fn dir(&self) -> &Path {
        self.dir.get_or_init(|| {
            let journal = fs::canonicalize(&self.journal_dir).unwrap_or_else(|_| self.journal_dir.clone());
            let digest = Sha256::digest(journal.as_os_str().as_encoded_bytes());
            let name: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
            self.cache_root.join("index").join(name)
        })
    }

    fn path(&self, slug: &str) -> PathBuf {
        self.dir().join(format!("{slug}.idx"))
    }

    /// The event of `path` with the sessions `filter` keeps, from the
    /// index if it is fresh; `None` on a miss.
    ///
    /// The file holds a header, the entries (the event, and what a filter
    /// reads of each session but its text), the texts (read only for a
    /// filter that reads them), then the sessions, each read only when the
    /// filter keeps it, with a checksum of its own.
    pub fn read(&self, path: &Path, slug: &str, filter: &impl Filter) -> Option<EventFile> {
        let stamp = Stamp::of(path)?;
        let mut file = fs::File::open(self.path(slug)).ok()?;
        let mut header = [0; HEADER];
        file.read_exact(&mut header).ok()?;
        let head = check(&header, &stamp)?;
        let whole = file.metadata().ok().filter(fs::Metadata::is_file)?.len();
        let sessions_at = (HEADER as u64).checked_add(head.entries_len)?.checked_add(head.texts_len)?;
        if Some(whole) != sessions_at.checked_add(head.sessions_len) {
            return None;
        }
        let entries = read_checked(&mut file, head.entries_len, head.entries_crc)?;
        let index: Index<'_> = postcard::from_bytes(&entries).ok()?;
        let known = |e: &Entry<'_>| usize::from(e.kind) < Kind::ALL.len() && usize::from(e.status) < Status::ALL.len();
        if !index.sessions.iter().all(known) {
            return None;
        }
        let texts = if filter.reads_text() {
            String::from_utf8(read_checked(&mut file, head.texts_len, head.texts_crc)?).ok()?
        } else {
            String::new()
        };
        let event = index.event.into_event(slug)?;
        let mut kept = Vec::new();
        for entry in &index.sessions {
            let text = match filter.reads_text() {
                true => texts.get(usize::try_from(entry.text.0).ok()?..usize::try_from(entry.text.1).ok()?)?,
                false => "",
            };
            if filter.keeps(&event, &Seen { entry, text }) {
                kept.push(entry.session);
            }
        }
        // A few sessions are read one by one; many, with the others in one read.
        let all = match kept.len() * 16 > index.sessions.len() {
            true => Some(read_checked_len(&mut file, head.sessions_len)?),
            false => None,
        };
        let mut sessions = Vec::with_capacity(kept.len());
        let mut bytes = Vec::new();
        for (offset, len, crc) in kept {
            // Within the sessions, whatever the entry says: a hostile
            // index must not make us allocate more than the file holds.
            if offset.checked_add(u64::from(len))? > head.sessions_len {
                return None;
            }
            let one = match &all {
                Some(all) => all.get(usize::try_from(offset).ok()?..usize::try_from(offset + u64::from(len)).ok()?)?,
                None => {
                    bytes.resize(usize::try_from(len).ok()?, 0);
                    file.seek(SeekFrom::Start(sessions_at.checked_add(offset)?)).ok()?;
                    file.read_exact(&mut bytes).ok()?;
                    &bytes[..]
                }
            };
            if crc32fast::hash(one) != crc {
                return None;
            }
            let record: SessionRecord = postcard::from_bytes(one).ok()?;
            sessions.push(record.into_session()?);
        }
        Some(EventFile { event, sessions })
    }

    /// Writes the index of `file`, read from `path` when its stamp was
    /// `before`, unless the file changed since or too recently. Failures
    /// are ignored: the index is only a cache.
    pub fn write(&self, path: &Path, before: Option<Stamp>, file: &EventFile) {
        let Some(before) = before else { return };
        if Stamp::of(path) != Some(before) || !before.settled() {
            return;
        }
        let _ = self.write_index(&file.event.slug, &before, file);
    }

    fn write_index(&self, slug: &str, stamp: &Stamp, file: &EventFile) -> std::io::Result<()> {
        use std::io::Write;
        let (entries, texts, sessions) = encode(file);
        create_private_dir(self.dir())?;
        let mut bytes = Vec::with_capacity(HEADER + entries.len() + texts.len() + sessions.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        for word in stamp.0 {
            bytes.extend_from_slice(&word.to_le_bytes());
        }
        bytes.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&entries).to_le_bytes());
        bytes.extend_from_slice(&(texts.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(texts.as_bytes()).to_le_bytes());
        bytes.extend_from_slice(&(sessions.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&entries);
        bytes.extend_from_slice(texts.as_bytes());
        bytes.extend_from_slice(&sessions);
        // Created 0600 with a random name; renamed whole into place.
        let mut temp = tempfile::Builder::new().prefix(".idx").tempfile_in(self.dir())?;
        temp.write_all(&bytes)?;
        temp.persist(self.path(slug)).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The cut of an event file (where its pieces begin, see `pieces`), kept
/// by each write so that the next one need not cut the file again. It is
/// used only for the very text it was made from: its length and checksum
/// (and the binary, which cuts) are checked against the text read.
impl IndexDir {
    fn cut_path(&self, slug: &str) -> PathBuf {
        self.dir().join(format!("{slug}.cut"))
    }

    /// The cut recorded for `text`, the whole event file, if there is one.
    pub fn read_cut(&self, slug: &str, text: &str) -> Option<Vec<(usize, PieceKind)>> {
        let bytes = fs::read(self.cut_path(slug)).ok()?;
        let (header, payload) = bytes.split_at_checked(CUT_HEADER)?;
        let found: [u8; CUT_HEADER] = header.try_into().ok()?;
        if found != cut_header(text, payload) {
            return None;
        }
        let starts: Vec<(u64, u8, Option<i64>, Option<i64>)> = postcard::from_bytes(payload).ok()?;
        starts
            .into_iter()
            .map(|(start, kind, id, day)| {
                let kind = match kind {
                    0 => PieceKind::Head,
                    1 => PieceKind::Session { id, day },
                    _ => return None,
                };
                Some((usize::try_from(start).ok()?, kind))
            })
            .collect()
    }

    /// Records the cut of `text`; failures are ignored (the next write cuts).
    pub fn write_cut(&self, slug: &str, text: &str, starts: &[(usize, PieceKind)]) {
        use std::io::Write;
        let starts: Vec<(u64, u8, Option<i64>, Option<i64>)> = starts
            .iter()
            .map(|(start, kind)| match kind {
                PieceKind::Head => (*start as u64, 0, None, None),
                PieceKind::Session { id, day } => (*start as u64, 1, *id, *day),
            })
            .collect();
        let Ok(payload) = postcard::to_allocvec(&starts) else { return };
        let write = || -> std::io::Result<()> {
            create_private_dir(self.dir())?;
            let mut temp = tempfile::Builder::new().prefix(".cut").tempfile_in(self.dir())?;
            temp.write_all(&cut_header(text, &payload))?;
            temp.write_all(&payload)?;
            temp.persist(self.cut_path(slug)).map_err(|e| e.error)?;
            Ok(())
        };
        if write().is_err() {
            // A cut that may be of another text is never left behind.
            let _ = fs::remove_file(self.cut_path(slug));
        }
    }
}

/// Magic, format, the binary, the text's length and checksum, the
/// payload's checksum.
const CUT_HEADER: usize = 8 + 4 + 8 + 8 + 4 + 4;

fn cut_header(text: &str, payload: &[u8]) -> [u8; CUT_HEADER] {
    let (size, time) = build().copied().unwrap_or_default();
    let mut header = [0; CUT_HEADER];
    header[..8].copy_from_slice(b"notescut");
    header[8..12].copy_from_slice(&FORMAT.to_le_bytes());
    header[12..20].copy_from_slice(&(size ^ time.rotate_left(32)).to_le_bytes());
    header[20..28].copy_from_slice(&(text.len() as u64).to_le_bytes());
    header[28..32].copy_from_slice(&crc32fast::hash(text.as_bytes()).to_le_bytes());
    header[32..36].copy_from_slice(&crc32fast::hash(payload).to_le_bytes());
    header
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The lengths and checksums of the sections of an index file.
struct Head {
    entries_len: u64,
    entries_crc: u32,
    texts_len: u64,
    texts_crc: u32,
    sessions_len: u64,
}

/// What the header gives, if it is the header of an index of this format
/// made from the file as `stamp` describes it.
fn check(header: &[u8; HEADER], stamp: &Stamp) -> Option<Head> {
    let word = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().expect("8 bytes"));
    let crc = |at: usize| u32::from_le_bytes(header[at..at + 4].try_into().expect("4 bytes"));
    if &header[..8] != MAGIC || header[8..12] != FORMAT.to_le_bytes() {
        return None;
    }
    let found: [u64; Stamp::WORDS] = std::array::from_fn(|i| word(12 + 8 * i));
    let at = 12 + Stamp::LEN;
    (found == stamp.0).then(|| Head {
        entries_len: word(at),
        entries_crc: crc(at + 8),
        texts_len: word(at + 12),
        texts_crc: crc(at + 20),
        sessions_len: word(at + 24),
    })
}

/// The sessions of an index file, whose texts may not have been read.
fn read_checked_len(file: &mut fs::File, len: u64) -> Option<Vec<u8>> {
    file.seek(SeekFrom::End(-i64::try_from(len).ok()?)).ok()?;
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// The next `len` bytes of `file`, if their checksum is `crc`.
fn read_checked(file: &mut fs::File, len: u64, crc: u32) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    file.read_exact(&mut bytes).ok()?;
    (crc32fast::hash(&bytes) == crc).then_some(bytes)
}

/// What proves an index fresh: the event file's device, inode, size,
/// modification and change times (nanoseconds), and the binary that reads
/// it (a new build may read files otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp([u64; Stamp::WORDS]);

impl Stamp {
    const WORDS: usize = 6;
    const LEN: usize = 8 * Stamp::WORDS;

    /// The stamp of the file at `path` now; `None` when it cannot be had
    /// (then no index is used).
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
        let (build_size, build_time) = *build()?;
        Some(Stamp(file_words(&meta, build_size, build_time)?))
    }

    /// Whether the file's content last changed long enough ago that a
    /// change now would show in its modification time (a change within
    /// the same tick of the file system's clock would not).
    fn settled(&self) -> bool {
        let changed = self.0[4];
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        u128::from(changed) + SETTLED.as_nanos() <= now
    }
}

#[cfg(unix)]
fn file_words(meta: &fs::Metadata, build_size: u64, build_time: u64) -> Option<[u64; Stamp::WORDS]> {
    use std::os::unix::fs::MetadataExt;
    let nanos = |secs: i64, nsecs: i64| u64::try_from(secs).ok()?.checked_mul(1_000_000_000)?.checked_add(nsecs as u64);
    let (mtime, ctime) = (nanos(meta.mtime(), meta.mtime_nsec())?, nanos(meta.ctime(), meta.ctime_nsec())?);
    Some([build_size ^ build_time.rotate_left(32), meta.dev(), meta.ino(), meta.size(), mtime, ctime])
}

#[cfg(not(unix))]
fn file_words(_: &fs::Metadata, _: u64, _: u64) -> Option<[u64; Stamp::WORDS]> {
    None
}

/// The running binary's size and modification time, read once.
fn build() -> Option<&'static (u64, u64)> {
    static BUILD: OnceLock<Option<(u64, u64)>> = OnceLock::new();
    BUILD
        .get_or_init(|| {
            let meta = fs::metadata(std::env::current_exe().ok()?).ok()?;
            let time = meta.modified().ok()?.duration_since(SystemTime::UNIX_EPOCH).ok()?;
            Some((meta.len(), u64::try_from(time.as_nanos()).ok()?))
        })
        .as_ref()
}

/// The index of an event file.
#[derive(Serialize, Deserialize)]
struct Index<'a> {
    event: EventRecord,
    #[serde(borrow)]
    sessions: Vec<Entry<'a>>,
}

/// One session: what a filter reads, folded, and where the session is.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    day: u32,
    /// The position of its kind in [`Kind::ALL`].
    kind: u8,
    /// The position of its status in [`Status::ALL`].
    status: u8,
    verdict: Option<&'a str>,
    room: Option<&'a str>,
    track: Option<&'a str>,
    /// The folded tags, encoded: decoded only when a filter reads them.
    #[serde(borrow)]
    tags: Bytes<'a>,
    /// The folded names and organisations of the speakers, encoded.
    #[serde(borrow)]
    speakers: Bytes<'a>,
    /// Where its folded text begins and ends among the texts.
    text: (u64, u64),
    /// The session's offset among the sessions, its length and checksum.
    session: (u64, u32, u32),
}

/// An entry with its text, if the filter reads texts ("" if not).
struct Seen<'a> {
    entry: &'a Entry<'a>,
    text: &'a str,
}

impl Fields for Seen<'_> {
    fn day(&self) -> u32 {
        self.entry.day
    }

    // Kinds and statuses are checked when the index is read.
    fn kind(&self) -> Kind {
        Kind::ALL.get(usize::from(self.entry.kind)).copied().unwrap_or_default()
    }

    fn status(&self) -> Status {
        Status::ALL.get(usize::from(self.entry.status)).copied().unwrap_or_default()
    }

    fn verdict(&self) -> Option<&str> {
        self.entry.verdict
    }

    fn folded_room(&self) -> Option<Cow<'_, str>> {
        self.entry.room.map(Cow::Borrowed)
    }

    fn folded_track(&self) -> Option<Cow<'_, str>> {
        self.entry.track.map(Cow::Borrowed)
    }

    // The checksum of the entries vouches for what they decode to.
    fn folded_tags(&self) -> impl Iterator<Item = Cow<'_, str>> {
        postcard::from_bytes::<Vec<&str>>(self.entry.tags.0).unwrap_or_default().into_iter().map(Cow::Borrowed)
    }

    fn folded_speakers(&self) -> impl Iterator<Item = (Cow<'_, str>, Option<Cow<'_, str>>)> {
        let speakers = postcard::from_bytes::<Vec<(&str, Option<&str>)>>(self.entry.speakers.0).unwrap_or_default();
        speakers.into_iter().map(|(name, org)| (Cow::Borrowed(name), org.map(Cow::Borrowed)))
    }

    fn folded_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.text)
    }
}

/// Bytes written as one run (postcard: a length, then the bytes), read
/// without a copy.
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Bytes<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a [u8]>::deserialize(deserializer).map(Bytes)
    }
}

/// The index of `file`, its entries and its sessions: each session's
/// fields as the session itself gives them, so that a filter reads the
/// same from both.
fn encode(file: &EventFile) -> (Vec<u8>, String, Vec<u8>) {
    fn encoded(value: &impl Serialize) -> Vec<u8> {
        postcard::to_allocvec(value).expect("plain structs always encode")
    }
    let mut sessions = Vec::new();
    let mut texts = String::new();
    let mut folded = Vec::with_capacity(file.sessions.len());
    for s in &file.sessions {
        let tags: Vec<Cow<'_, str>> = s.folded_tags().collect();
        let speakers: Vec<(Cow<'_, str>, Option<Cow<'_, str>>)> = s.folded_speakers().collect();
        let session = encoded(&SessionRecord::of(s));
        let place = (sessions.len() as u64, session.len() as u32, crc32fast::hash(&session));
        sessions.extend_from_slice(&session);
        let start = texts.len() as u64;
        texts.push_str(&s.folded_text());
        let text = (start, texts.len() as u64);
        folded.push((s.folded_room(), s.folded_track(), encoded(&tags), encoded(&speakers), text, place));
    }
    let entries = file
        .sessions
        .iter()
        .zip(&folded)
        .map(|(s, (room, track, tags, speakers, text, place))| Entry {
            day: s.day,
            kind: position(Kind::ALL, s.kind),
            status: position(Status::ALL, s.status),
            verdict: s.verdict.as_deref(),
            room: room.as_deref(),
            track: track.as_deref(),
            tags: Bytes(tags),
            speakers: Bytes(speakers),
            text: *text,
            session: *place,
        })
        .collect();
    let index = Index { event: EventRecord::of(&file.event), sessions: entries };
    (encoded(&index), texts, sessions)
}

/// Where `value` is in `all` (a keyword among its kind's).
fn position<T: PartialEq>(all: &[T], value: T) -> u8 {
    all.iter().position(|k| *k == value).and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

/// An event, field for field.
#[derive(Serialize, Deserialize)]
struct EventRecord {
    slug: String,
    name: String,
    location: Option<String>,
    start: String,
    end: String,
    /// `None` for UTC, the zone of an event that names none.
    timezone: Option<String>,
    url: Option<String>,
    tags: Vec<String>,
    days: Vec<(u32, DayRecord)>,
}

#[derive(Serialize, Deserialize)]
struct DayRecord {
    label: Option<String>,
    intro: Option<String>,
    conclusion: Option<String>,
    title: Option<String>,
    url: Option<String>,
    wished: Option<String>,
    headings: Vec<(String, String)>,
}

impl EventRecord {
    fn of(event: &Event) -> EventRecord {
        // Destructured, so that a new field cannot be forgotten here.
        let Event { slug, name, location, start, end, timezone, url, tags, days } = event;
        let days = days
            .iter()
            .map(|(day, notes)| {
                let DayNotes { label, intro, conclusion, title, url, wished, headings } = notes;
                let headings = headings.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                let (label, intro, conclusion, title) =
                    (label.clone(), intro.clone(), conclusion.clone(), title.clone());
                (
                    *day,
                    DayRecord { label, intro, conclusion, title, url: url.clone(), wished: wished.clone(), headings },
                )
            })
            .collect();
        EventRecord {
            slug: slug.clone(),
            name: name.clone(),
            location: location.clone(),
            start: start.to_string(),
            end: end.to_string(),
            timezone: (*timezone != Zone::UTC).then(|| timezone.name().to_string()),
            url: url.clone(),
            tags: tags.clone(),
            days,
        }
    }

    /// The event, if the record is one of the file named `slug`.
    fn into_event(self, slug: &str) -> Option<Event> {
        let EventRecord { slug: own_slug, name, location, start, end, timezone, url, tags, days } = self;
        if own_slug != slug {
            return None;
        }
        let timezone = match timezone {
            Some(name) => Zone::parse(&name)?,
            None => Zone::UTC,
        };
        let days = days
            .into_iter()
            .map(|(day, d)| {
                let DayRecord { label, intro, conclusion, title, url, wished, headings } = d;
                let headings: BTreeMap<String, String> = headings.into_iter().collect();
                (day, DayNotes { label, intro, conclusion, title, url, wished, headings })
            })
            .collect();
        Some(Event {
            slug: own_slug,
            name,
            location,
            start: start.parse::<NaiveDate>().ok()?,
            end: end.parse::<NaiveDate>().ok()?,
            timezone,
            url,
            tags,
            days,
        })
    }
}

/// A session, field for field.
#[derive(Serialize, Deserialize)]
struct SessionRecord {
    id: u32,
    day: u32,
    title: String,
    kind: String,
    /// Name, role, organisation.
    speakers: Vec<(String, Option<String>, Option<String>)>,
    at: Option<String>,
    end: Option<String>,
    room: Option<String>,
    track: Option<String>,
    tags: Vec<String>,
    links: Vec<(String, String)>,
    status: String,
    verdict: Option<String>,
    notes: String,
    schedule_id: Option<String>,
    abstract_text: Option<String>,
    removed_from_schedule: bool,
    floating: bool,
    hidden: Vec<String>,
    section: Option<String>,
    author: Option<String>,
    uid: Option<String>,
}

impl SessionRecord {
    fn of(session: &Session) -> SessionRecord {
        // Destructured, so that a new field cannot be forgotten here.
        let Session {
            id,
            day,
            title,
            kind,
            speakers,
            at,
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
            removed_from_schedule,
            floating,
            hidden,
            section,
            author,
            uid,
        } = session;
        let speakers = speakers
            .iter()
            .map(|speaker| {
                let Speaker { name, role, org } = speaker;
                (name.clone(), role.clone(), org.clone())
            })
            .collect();
        let links = links
            .iter()
            .map(|link| {
                let Link { label, url } = link;
                (label.clone(), url.clone())
            })
            .collect();
        SessionRecord {
            id: *id,
            day: *day,
            title: title.clone(),
            kind: kind.key().to_string(),
            speakers,
            at: at.map(|t| t.to_rfc3339()),
            end: end.map(|t| t.to_rfc3339()),
            room: room.clone(),
            track: track.clone(),
            tags: tags.clone(),
            links,
            status: status.key().to_string(),
            verdict: verdict.clone(),
            notes: notes.clone(),
            schedule_id: schedule_id.clone(),
            abstract_text: abstract_text.clone(),
            removed_from_schedule: *removed_from_schedule,
            floating: *floating,
            hidden: hidden.iter().map(|h| h.key().to_string()).collect(),
            section: section.clone(),
            author: author.clone(),
            uid: uid.clone(),
        }
    }

    fn into_session(self) -> Option<Session> {
        let time =
            |t: Option<String>| t.map(|t| DateTime::parse_from_rfc3339(&t).ok()).map_or(Some(None), |t| t.map(Some));
        Some(Session {
            id: self.id,
            day: self.day,
            title: self.title,
            kind: self.kind.parse().ok()?,
            speakers: self.speakers.into_iter().map(|(name, role, org)| Speaker { name, role, org }).collect(),
            at: time(self.at)?,
            end: time(self.end)?,
            room: self.room,
            track: self.track,
            tags: self.tags,
            links: self.links.into_iter().map(|(label, url)| Link { label, url }).collect(),
            status: self.status.parse().ok()?,
            verdict: self.verdict,
            notes: self.notes,
            schedule_id: self.schedule_id,
            abstract_text: self.abstract_text,
            removed_from_schedule: self.removed_from_schedule,
            floating: self.floating,
            hidden: self.hidden.iter().map(|h| h.parse::<Hidden>().ok()).collect::<Option<_>>()?,
            section: self.section,
            author: self.author,
            uid: self.uid,
        })
    }
}
