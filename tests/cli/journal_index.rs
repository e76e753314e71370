//! The index of event files kept in the cache directory (`store/index.rs`):
//! whatever the journal and the query, reading through the index finds the
//! same sessions as parsing every file; a hand edit, a `touch`, a file
//! replaced by another of the same size, and a broken or foreign index all
//! leave the results right. And the cut a write keeps for the next one is
//! used only for the very text it was made from.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use notes::model::text::fold;
use notes::model::{EventFile, Kind, Status};
use notes::query::{DaySel, Query};
use notes::store::Journal;
use proptest::prelude::*;
use proptest::sample::select;

use crate::common::TestEnv;

/// Dates a file an hour back: an index is only written for a file that
/// has not changed for a moment (a change within the same tick of the
/// file system's clock would not show).
fn age(path: &Path) {
    let file = fs::File::options().append(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600)).unwrap();
}

fn age_all(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "toml") {
            age(&entry.path());
        }
    }
}

/// The index files written under `cache`.
fn indexes(cache: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in fs::read_dir(cache.join("index")).into_iter().flatten().flatten() {
        let files = fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.path());
        found.extend(files.filter(|p| p.extension().is_some_and(|e| e == "idx")));
    }
    found.sort();
    found
}

/// What a read of the whole journal found, comparable.
fn found(results: Vec<(String, notes::error::Result<EventFile>)>) -> Vec<String> {
    results.into_iter().map(|(slug, result)| format!("{slug}: {result:?}")).collect()
}

/// Every event, parsed, with the sessions `query` keeps: what the
/// commands found before there was an index.
fn parsed(dir: &Path, query: &Query) -> Vec<String> {
    let results = Journal::new(dir).load_all().unwrap();
    found(
        results
            .into_iter()
            .map(|(slug, result)| {
                let kept = result.map(|file| {
                    let sessions = file.sessions.iter().filter(|s| query.matches(&file.event, s)).cloned().collect();
                    EventFile { event: file.event, sessions }
                });
                (slug, kept)
            })
            .collect(),
    )
}

fn indexed(dir: &Path, cache: &Path, query: &Query) -> Vec<String> {
    found(Journal::new(dir).with_index(Some(cache.to_path_buf())).load_all_where(query).unwrap())
}

// ---------------------------------------------------------------------------
// Generated journals and queries.

/// Words with accents, ligatures, case and punctuation, as notes have them.
const WORDS: &[&str] = &[
    "Cilium",
    "CILIUM",
    "cilium",
    "Écully",
    "ecully",
    "œuvre",
    "OEUVRE",
    "Rust",
    "trust",
    "rustacean",
    "l'échelle",
    "ASP.NET",
    "gateway-api",
    "À",
    "tester",
    "Société",
    "Générale",
    "ovh",
    "eBPF",
    "ß",
    "straße",
    "naïve",
    "İstanbul",
    "x",
];

fn words(max: usize) -> impl Strategy<Value = Vec<&'static str>> {
    proptest::collection::vec(select(WORDS), 0..=max)
}

/// A TOML string: basic with escapes, sometimes an accent as `\u00e9`;
/// or a literal string when it can be one.
fn toml_string(text: &str, style: u8) -> String {
    if style.is_multiple_of(3) && !text.contains(['\'', '\n']) {
        return format!("'{text}'");
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            'é' if style % 3 == 1 => out.push_str("\\u00e9"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Debug, Clone)]
struct GenSession {
    day: u32,
    title: Vec<&'static str>,
    kind: Kind,
    status: Status,
    speakers: Vec<(Vec<&'static str>, Option<&'static str>)>,
    room: Option<&'static str>,
    tags: Vec<&'static str>,
    verdict: Option<&'static str>,
    notes: Vec<Vec<&'static str>>,
    style: u8,
}

fn session() -> impl Strategy<Value = GenSession> {
    (
        1..=3u32,
        proptest::collection::vec(select(WORDS), 1..4),
        select(Kind::ALL),
        select(Status::ALL),
        proptest::collection::vec(
            (proptest::collection::vec(select(WORDS), 1..3), proptest::option::of(select(WORDS))),
            0..3,
        ),
        proptest::option::of(select(&["Hall 7", "Salle Érable", "ROOM A"][..])),
        proptest::collection::vec(select(WORDS), 0..3),
        proptest::option::of(select(&["good", "meh", "to-try", "top"][..])),
        proptest::collection::vec(words(5), 0..4),
        any::<u8>(),
    )
        .prop_map(|(day, title, kind, status, speakers, room, tags, verdict, notes, style)| GenSession {
            day,
            title,
            kind,
            status,
            speakers,
            room,
            tags,
            verdict,
            notes,
            style,
        })
}

fn event_text(name: &str, sessions: &[GenSession]) -> String {
    let mut text = format!(
        "schema = 1\n\n[event]\nname = \"{name}\"\nstart = 2024-03-19\nend = 2024-03-21\ntimezone = \"Europe/Paris\"\n"
    );
    for (i, s) in sessions.iter().enumerate() {
        let string = |t: &str| toml_string(t, s.style);
        let list = |items: Vec<String>| format!("[{}]", items.join(", "));
        text.push_str(&format!(
            "\n[[sessions]]\nid = {}\nday = {}\ntitle = {}\nkind = \"{}\"\nstatus = \"{}\"\n",
            i + 1,
            s.day,
            string(&s.title.join(" ")),
            s.kind.key(),
            s.status.key()
        ));
        let speakers = s.speakers.iter().map(|(name, org)| match org {
            Some(org) => string(&format!("{} ({org})", name.join(" "))),
            None => string(&name.join(" ")),
        });
        text.push_str(&format!("speakers = {}\n", list(speakers.collect())));
        text.push_str(&format!("tags = {}\n", list(s.tags.iter().map(|t| string(t)).collect())));
        if let Some(room) = s.room {
            text.push_str(&format!("room = {}\n", string(room)));
        }
        if let Some(verdict) = s.verdict {
            text.push_str(&format!("verdict = \"{verdict}\"\n"));
        }
        let notes: Vec<String> = s.notes.iter().map(|line| line.join(" ")).collect();
        if s.style.is_multiple_of(2) {
            text.push_str(&format!("notes = \"\"\"\n{}\"\"\"\n", notes.join("\n").replace('\\', "")));
        } else {
            text.push_str(&format!("notes = {}\n", string(&notes.join("\n"))));
        }
    }
    text
}

#[derive(Debug, Clone)]
struct GenQuery {
    words: Vec<&'static str>,
    tags: Vec<&'static str>,
    days: Vec<u32>,
    verdicts: Vec<&'static str>,
    kinds: Vec<Kind>,
    statuses: Vec<Status>,
    speaker: Option<&'static str>,
    room: Option<&'static str>,
}

fn query() -> impl Strategy<Value = GenQuery> {
    (
        words(3),
        proptest::collection::vec(select(WORDS), 0..2),
        proptest::collection::vec(1..=3u32, 0..2),
        proptest::collection::vec(select(&["good", "meh", "to-try"][..]), 0..2),
        proptest::collection::vec(select(Kind::ALL), 0..2),
        proptest::collection::vec(select(Status::ALL), 0..2),
        proptest::option::of(select(&["soc", "GÉNÉ", "x", "ecu"][..])),
        proptest::option::of(select(&["hall", "érable", "room a"][..])),
    )
        .prop_map(|(words, tags, days, verdicts, kinds, statuses, speaker, room)| GenQuery {
            words,
            tags,
            days,
            verdicts,
            kinds,
            statuses,
            speaker,
            room,
        })
}

impl GenQuery {
    /// The query as `FilterArgs` builds it: texts folded.
    fn query(&self) -> Query {
        Query {
            days: self.days.iter().map(|d| DaySel::Number(*d)).collect(),
            kinds: self.kinds.clone(),
            verdicts: self.verdicts.iter().map(|v| v.to_string()).collect(),
            statuses: self.statuses.clone(),
            tags: self.tags.iter().map(|t| fold(t)).collect(),
            speaker: self.speaker.map(fold),
            room: self.room.map(fold),
            ..Query::default()
        }
        .with_words(&self.words)
    }
}

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(64))]

    /// Through the index (when it is written, then when it is read) the
    /// same events, sessions and errors as parsing every file. Events of
    /// up to 40 sessions: a few found are read one by one, many at once.
    #[test]
    fn the_index_finds_what_parsing_finds(
        events in proptest::collection::vec(proptest::collection::vec(session(), 0..40), 1..4),
        queries in proptest::collection::vec(query(), 1..4),
        broken in any::<bool>(),
    ) {
        let root = tempfile::tempdir().unwrap();
        let (dir, cache) = (root.path().join("journal"), root.path().join("cache"));
        fs::create_dir_all(&dir).unwrap();
        for (e, sessions) in events.iter().enumerate() {
            fs::write(dir.join(format!("conf-{e}.toml")), event_text(&format!("Conf {e}"), sessions)).unwrap();
        }
        if broken {
            fs::write(dir.join("broken.toml"), "schema = 1\n[event\nname = 'x'\n").unwrap();
        }
        age_all(&dir);
        for generated in &queries {
            let query = generated.query();
            let expected = parsed(&dir, &query);
            prop_assert_eq!(&indexed(&dir, &cache, &query), &expected, "index written");
            prop_assert_eq!(indexes(&cache).len(), events.len());
            prop_assert_eq!(&indexed(&dir, &cache, &query), &expected, "index read");
        }
    }
}

// ---------------------------------------------------------------------------
// Freshness and damage, end to end.

/// A journal of two sessions whose files are old enough to be indexed,
/// and its index, written by a first `filter`.
fn indexed_env() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Cilium cluster mesh", "-d", "2", "-m", "Les CIDR ne doivent pas se chevaucher"]);
    env.ok(["add", "Rust à l'échelle", "-d", "2", "-m", "Un talk sur eBPF"]);
    age_all(&env.journal());
    env.ok(["filter", "cidr"]);
    assert_eq!(indexes(&env.cache()).len(), 1, "the index is written");
    env
}

fn event_path(env: &TestEnv) -> PathBuf {
    env.journal().join("kubecon-europe-2024.toml")
}

/// What `filter` and `list --all-events` print, searching for `word`.
fn search(env: &TestEnv, word: &str) -> String {
    env.ok(["filter", word]) + &env.ok(["list", "--all-events", "--search", word])
}

#[test]
fn the_index_is_read_and_matches_parsing() {
    let env = indexed_env();
    let index = &indexes(&env.cache())[0];
    let written = fs::metadata(index).unwrap().modified().unwrap();
    let through_index = search(&env, "chevaucher");
    assert!(through_index.contains("Cilium cluster mesh"), "{through_index}");
    assert_eq!(fs::metadata(index).unwrap().modified().unwrap(), written, "read, not rewritten");
    fs::remove_dir_all(env.cache()).unwrap();
    assert_eq!(search(&env, "chevaucher"), through_index, "parsed: the same");
    assert!(!env.journal().read_dir().unwrap().flatten().any(|e| e.path().extension().is_some_and(|x| x == "idx")));
}

#[test]
fn a_hand_edit_of_the_same_size_and_time_is_noticed() {
    let env = indexed_env();
    let path = event_path(&env);
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replace("chevaucher", "CHEVAUCHER").replace("Cilium cluster mesh", "Cilium clustermesh!");
    assert_eq!(edited.len(), text.len());
    // Written in place (same inode), its time put back as it was.
    fs::write(&path, &edited).unwrap();
    fs::File::options().append(true).open(&path).unwrap().set_modified(before).unwrap();
    let found = env.ok(["filter", "chevaucher"]);
    assert!(found.contains("Cilium clustermesh!") && found.contains("CHEVAUCHER"), "{found}");
}

#[test]
fn a_touch_or_a_file_replaced_by_one_of_the_same_size_is_noticed() {
    let env = indexed_env();
    let path = event_path(&env);
    let first = search(&env, "ebpf");
    filetime_touch(&path);
    assert_eq!(search(&env, "ebpf"), first);
    // Another file of the same size renamed over it, with the same time.
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap().replace("Un talk sur eBPF", "Un talk sur XDP!");
    let other = env.journal().join("other.txt");
    fs::write(&other, &text).unwrap();
    fs::File::options().append(true).open(&other).unwrap().set_modified(before).unwrap();
    fs::rename(&other, &path).unwrap();
    assert!(!env.ok(["filter", "ebpf"]).contains("Rust"));
    assert!(env.ok(["filter", "xdp"]).contains("Rust à l'échelle"));
}

/// `touch`: the file's time is now.
fn filetime_touch(path: &Path) {
    fs::File::options().append(true).open(path).unwrap().set_modified(SystemTime::now()).unwrap();
}

#[test]
fn a_broken_truncated_or_foreign_index_is_ignored() {
    let env = indexed_env();
    let expected = search(&env, "chevaucher");
    let index = indexes(&env.cache())[0].clone();
    let good = fs::read(&index).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let mut in_header = good.clone();
    in_header[10] ^= 1;
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("a flipped bit", flipped),
        ("a changed format", in_header),
        ("truncated", good[..good.len() - 7].to_vec()),
        ("only a header", good[..40].to_vec()),
        ("empty", Vec::new()),
        ("foreign", b"notesidx\x01\0\0\0 not an index at all, but it begins like one".to_vec()),
        ("longer", [good.as_slice(), b"more"].concat()),
    ];
    for (what, bytes) in damaged {
        fs::write(&index, &bytes).unwrap();
        assert_eq!(search(&env, "chevaucher"), expected, "{what}");
    }
}

#[test]
fn a_write_by_notes_makes_the_index_stale() {
    let env = indexed_env();
    env.ok(["jot", "Un mot sur Hubble"]);
    assert!(env.ok(["filter", "hubble"]).contains("Rust à l'échelle"));
    env.ok(["verdict", "2", "top"]);
    assert!(env.ok(["list", "--all-events", "--verdict", "top"]).contains("Rust à l'échelle"));
}

/// The cut files (where each piece of an event file begins) that writes keep.
fn cuts(env: &TestEnv) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in fs::read_dir(env.cache().join("index")).into_iter().flatten().flatten() {
        let files = fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.path());
        found.extend(files.filter(|p| p.extension().is_some_and(|e| e == "cut")));
    }
    found
}

#[test]
fn a_write_after_a_hand_edit_cuts_the_file_again() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Premier talk", "-d", "2", "-m", "début"]);
    env.ok(["jot", "une"]);
    assert_eq!(cuts(&env).len(), 1, "the write kept its cut");
    // Every piece moves: a line before them, a session before the others.
    let path = event_path(&env);
    let text = fs::read_to_string(&path).unwrap();
    let session = "\n[[sessions]]\nid = 7\nday = 1\ntitle = \"À la main\"\n";
    let at = text.find("\n[[sessions]]").unwrap();
    fs::write(&path, format!("# edited by hand\n{}{session}{}", &text[..at], &text[at..])).unwrap();
    env.ok(["jot", "deux"]);
    let shown = env.ok(["show", "1"]);
    assert!(shown.contains("une") && shown.contains("deux"), "{shown}");
    assert!(env.ok(["show", "7"]).contains("À la main"));
    assert!(fs::read_to_string(&path).unwrap().starts_with("# edited by hand\n"));
}

#[test]
fn a_broken_cut_is_ignored() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Premier talk", "-d", "2"]);
    env.ok(["add", "Second talk", "-d", "2"]);
    let cut = cuts(&env).pop().unwrap();
    let good = fs::read(&cut).unwrap();
    let mut wrong_offsets = good.clone();
    let last = wrong_offsets.len() - 3;
    wrong_offsets[last] ^= 0x04;
    for bytes in [b"notescut garbage".to_vec(), good[..20].to_vec(), wrong_offsets] {
        fs::write(&cut, bytes).unwrap();
        env.ok(["jot", "encore"]);
        assert!(env.ok(["show", "2"]).contains("encore"));
        assert!(env.ok(["show", "1"]).contains("Premier talk"));
    }
}
