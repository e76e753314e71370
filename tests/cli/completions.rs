//! Shell completion end to end: the binary answering as the bash script
//! that `COMPLETE=bash notes` prints calls it (`COMPLETE=bash`, the index
//! of the word under the cursor, the separator, then `-- notes WORDS…`), on
//! a journal with an event, two sessions and an imported programme.

use std::fs;
use std::process::Output;

use crate::common::TestEnv;
use crate::import::{SCHEDULE_V1, write};

const EVENT: &str = "journees-rust-2025";

/// The event of the programme, two sessions (#1 noted, #2 planned from
/// the programme, talk c3c3).
fn journal() -> TestEnv {
    let env = TestEnv::new();
    write(&env, "s.json", SCHEDULE_V1);
    env.ok(["import", "s.json"]);
    env.ok(["add", "Hallway chat about Rust", "-d", "1"]);
    env.ok(["plan", "c3c3"]);
    env
}

/// What the bash script runs at a Tab after `words` (the last one is the
/// word under the cursor, maybe empty).
fn run_as(env: &TestEnv, shell: &str, words: &[&str]) -> Output {
    let mut cmd = env.std_cmd();
    cmd.env("COMPLETE", shell)
        .env("_CLAP_IFS", "\u{b}")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "false")
        .arg("--")
        .arg("notes")
        .args(words);
    cmd.output().unwrap()
}

/// The candidates bash gets for the last of `words`, values only (the
/// options clap adds to an empty word are left out).
fn values(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let output = run_as(env, "bash", words);
    assert_eq!(output.status.code(), Some(0), "{}", env.describe(&output));
    assert!(output.stderr.is_empty(), "{}", env.describe(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    text.split('\u{b}').filter(|v| !v.is_empty() && !v.starts_with('-')).map(str::to_string).collect()
}

fn references(env: &TestEnv) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap();
    json.as_array().unwrap().iter().map(|talk| talk["reference"].as_str().unwrap().to_string()).collect()
}

#[test]
fn verdicts_complete_with_their_labels_and_those_of_the_config() {
    let env = journal();
    assert_eq!(values(&env, &["verdict", ""]), ["top", "good", "meh", "to-try", "Must-see", "Bien"]);
    assert_eq!(values(&env, &["verdict", "to"]), ["top", "to-try"]);
    assert_eq!(values(&env, &["verdict", "TO-"]), ["to-try"], "case and accents are ignored, as when read");
    assert_eq!(values(&env, &["list", "--verdict", "m"]), ["meh", "Must-see"]);
    assert_eq!(values(&env, &["add", "X", "-v", "g"]), ["good"]);
    // Once a digit is typed, `verdict` completes the session it goes to.
    assert_eq!(values(&env, &["verdict", "1"]), ["1"]);
    fs::write(env.config_path(), "[[verdicts]]\nkey = \"wow\"\nfr = \"Waouh\"\nen = \"Wow\"\n").unwrap();
    assert_eq!(values(&env, &["verdict", "w"]), ["wow", "Waouh"]);
}

#[test]
fn kinds_and_statuses_complete() {
    let env = journal();
    let kinds = ["keynote", "talk", "panel", "lightning", "workshop", "bof", "demo", "sponsor", "networking", "other"];
    assert_eq!(values(&env, &["list", "--kind", ""]), kinds);
    assert_eq!(values(&env, &["export", "md", "-k", "w"]), ["workshop"]);
    assert_eq!(values(&env, &["list", "--status", ""]), ["attended", "planned", "missed", "replay"]);
    assert_eq!(values(&env, &["add", "X", "--status", "m"]), ["missed"]);
}

#[test]
fn events_complete_from_the_journal() {
    let env = journal();
    env.kubecon();
    let events = ["journees-rust-2025", "kubecon-europe-2024"];
    assert_eq!(values(&env, &["--event", ""]), events);
    assert_eq!(values(&env, &["list", "-e", "k"]), ["kubecon-europe-2024"]);
    assert_eq!(values(&env, &["event", "use", ""]), events);
    assert_eq!(values(&env, &["event", "show", "j"]), ["journees-rust-2025"]);
}

#[test]
fn session_ids_and_references_complete_with_their_titles() {
    let env = journal();
    let refs = references(&env);
    assert_eq!(refs, ["a1a1", "b2b2", "c3c3", "d4d4"]);
    let mut ids_and_refs = vec!["1".to_string(), "2".to_string()];
    ids_and_refs.extend(refs.iter().cloned());
    assert_eq!(values(&env, &["show", ""]), ids_and_refs);
    for command in ["rm", "edit"] {
        assert_eq!(values(&env, &[command, ""]), ["1", "2"], "{command}");
    }
    assert_eq!(values(&env, &["jot", "-i", ""]), ["1", "2"]);
    assert_eq!(values(&env, &["plan", ""]), refs);
    assert_eq!(values(&env, &["plan", "a1a1", "b"]), ["b2b2"]);
    assert_eq!(values(&env, &["unplan", ""]), ["c3c3"], "only the planned talks");
    // zsh and fish show the titles.
    let fish = run_as(&env, "fish", &["show", ""]);
    let fish = String::from_utf8(fish.stdout).unwrap();
    assert!(
        fish.starts_with("1\tHallway chat about Rust\n2\tObservabilité sans douleur\na1a1\tKeynote d'ouverture\n"),
        "{fish}"
    );
}

#[test]
fn the_journal_and_event_of_the_line_are_the_ones_read() {
    let env = journal();
    let journal = env.journal();
    let elsewhere = TestEnv::new();
    // Another NOTES_DIR, empty: `--dir` on the line wins, as it would when run.
    let on_line = |words: &[&str]| {
        let mut all = vec!["--dir", journal.to_str().unwrap()];
        all.extend(words);
        values(&elsewhere, &all)
    };
    assert!(values(&elsewhere, &["show", ""]).is_empty());
    assert_eq!(on_line(&["show", "1"]), ["1"]);
    env.kubecon();
    env.ok(["event", "use", "kubecon-europe-2024"]);
    assert!(values(&env, &["rm", ""]).is_empty(), "kubecon has no session");
    assert_eq!(values(&env, &["--event", EVENT, "rm", ""]), ["1", "2"]);
    assert_eq!(values(&env, &["rm", "-e", EVENT, ""]), ["1", "2"]);
}

#[test]
fn a_broken_journal_completes_nothing_and_quietly() {
    let env = journal();
    fs::write(env.journal().join(format!("{EVENT}.toml")), "schema = 1\n[event\n").unwrap();
    for words in [&["show", ""][..], &["rm", "1"], &["plan", ""], &["verdict", "1"], &["jot", "-i", ""]] {
        assert!(values(&env, words).is_empty(), "{words:?}");
    }
    let output = run_as(&env, "bash", &["show", "1"]);
    assert_eq!((output.status.code(), output.stdout.is_empty(), output.stderr.is_empty()), (Some(0), true, true));
    // A broken config: no verdict to offer.
    fs::write(env.config_path(), "this is = = not toml").unwrap();
    assert!(values(&env, &["verdict", "t"]).is_empty());
    // A journal path that is a file.
    let file = env.root.path().join("file");
    fs::write(&file, "x").unwrap();
    assert!(values(&env, &["--dir", file.to_str().unwrap(), "--event", ""]).is_empty());
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn completions_prints_the_script_that_complete_prints() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = env.ok(["completions", shell]);
        let registration = env.std_cmd().env("COMPLETE", shell).output().unwrap();
        assert!(registration.status.success());
        assert_eq!(script, String::from_utf8(registration.stdout).unwrap(), "{shell}");
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
    }
    let bash = env.ok(["completions", "bash"]);
    assert!(bash.contains("-F _clap_complete_notes notes"), "{bash}");
}
