//! The interface in French: with `--lang fr`, `lang = "fr"` in config or a
//! French locale, confirmations, warnings, errors and hints are French, and
//! no English sentence slips through. clap's own messages stay English.

use insta::assert_snapshot;

use crate::common::TestEnv;
use crate::import::{SCHEDULE_V1, write};

/// Words that only an English message would print.
const ENGLISH: &[&str] = &[
    "error:",
    "help:",
    "warning:",
    "caused by:",
    "Added",
    "Jotted",
    "Deleted",
    "Planned",
    "Imported",
    "Created",
    " the ",
    "cannot",
    "No session",
    " is ",
];

/// The transcript of `notes --lang fr ARGS…`, checked for English words.
fn fr(env: &TestEnv, args: &[&str]) -> String {
    fr_at(env, crate::common::NOW, args)
}

/// [`fr`] with `NOTES_NOW` set to `now`.
fn fr_at(env: &TestEnv, now: &str, args: &[&str]) -> String {
    let output = env.cmd(["--lang", "fr"].iter().chain(args)).env("NOTES_NOW", now).output().unwrap();
    let transcript = env.describe(&output);
    assert_french(&transcript);
    format!("$ notes --lang fr {}\n{transcript}", args.join(" "))
}

fn assert_french(transcript: &str) {
    for word in ENGLISH {
        assert!(!transcript.contains(word), "English {word:?} in a French run:\n{transcript}");
    }
}

#[test]
fn a_conference_day_in_french() {
    let env = TestEnv::new();
    let out = [
        fr(&env, &["list"]),
        fr(&env, &["jot", "premier point"]),
        fr(
            &env,
            &[
                "event",
                "add",
                "KubeCon Europe 2024",
                "--start",
                "2024-03-19",
                "--end",
                "2024-03-22",
                "--tz",
                "Europe/Paris",
            ],
        ),
        fr(&env, &["list"]),
        fr(&env, &["add", "Simplifier le multi-cluster avec Cilium", "-s", "Liz Rice (Isovalent)"]),
        fr(&env, &["jot", "Cluster mesh : les CIDR ne doivent pas se chevaucher"]),
        fr(&env, &["verdict", "top"]),
        fr(&env, &["edit", "1", "--room", "Hall 7"]),
        fr(&env, &["rm", "1", "--yes"]),
        fr(&env, &["list"]),
        fr(&env, &["add", "Atelier de la veille", "-d", "1", "--at", "10:00", "--end", "11:00"]),
        fr(&env, &["jot", "une note de plus"]),
    ];
    assert_snapshot!(out.join("\n"));
}

#[test]
fn errors_and_hints_in_french() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Keynote d'ouverture", "-k", "keynote"]);
    let out = [
        fr(&env, &["show", "42"]),
        fr(&env, &["verdict", "nul"]),
        fr(&env, &["verdict", "tpo"]),
        fr(&env, &["jot", " "]),
        fr(&env, &["rm", "1"]),
        fr(&env, &["add", "Atelier", "--at", "12:00", "--end", "11:00"]),
        fr(&env, &["event", "use", "kubecon"]),
        fr(&env, &["event", "add", "KubeCon Europe 2024", "--start", "2024-03-19"]),
        fr(&env, &["event", "edit", "--end", "2024-03-01"]),
        fr(&env, &["plan", "abcd"]),
        fr(&env, &["add", "--now"]),
        fr(&env, &["import", "nowhere.ics"]),
    ];
    assert_snapshot!(out.join("\n"));
}

#[test]
fn clap_speaks_english_but_exits_the_same() {
    let env = TestEnv::new();
    env.kubecon();
    let output = env.cmd(["--lang", "fr", "add", "-d", "0", "Atelier"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid value '0'"));
}

/// 09:50 on the first day of Journées Rust 2025.
const JR_MORNING: &str = "2025-05-12T09:50:00+02:00";

#[test]
fn a_schedule_imported_and_planned_in_french() {
    let env = TestEnv::new();
    write(&env, "s.json", SCHEDULE_V1);
    let out = [
        fr_at(&env, JR_MORNING, &["import", "s.json"]),
        fr_at(&env, JR_MORNING, &["import", "s.json"]),
        fr_at(&env, JR_MORNING, &["plan", "b2b2", "c3c3"]),
        fr_at(&env, JR_MORNING, &["plan", "c3c3"]),
        fr_at(&env, JR_MORNING, &["unplan", "a1a1"]),
        fr_at(&env, JR_MORNING, &["unplan", "b2b2"]),
        fr_at(&env, JR_MORNING, &["plan", "zzzz"]),
        fr_at(&env, JR_MORNING, &["add", "--now", "Salle Z"]),
        fr_at(&env, JR_MORNING, &["add", "--now", "Salle A"]),
        fr_at(&env, JR_MORNING, &["jot", "Bienvenue à tous"]),
    ];
    assert_snapshot!(out.join("\n"));
}

#[test]
fn a_file_that_is_not_a_schedule_is_refused_in_french() {
    let env = TestEnv::new();
    write(&env, "empty.ics", "");
    write(&env, "notes.txt", "hello");
    let out = [fr(&env, &["import", "empty.ics"]), fr(&env, &["import", "notes.txt"])];
    assert_snapshot!(out.join("\n"));
}

#[test]
fn a_broken_journal_file_is_reported_in_french() {
    let env = TestEnv::new();
    env.kubecon();
    let file = env.journal().join("kubecon-europe-2024.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("end = 2024-03-22", "end = 2024-03-02")).unwrap();
    assert_snapshot!(fr(&env, &["list"]));
}

/// Without `--lang`, the locale decides, then the config; `--lang`
/// overrides both.
#[test]
fn the_locale_and_the_config_choose_french_too() {
    let env = TestEnv::new();
    let locale = env.cmd(["jot", "un point"]).env("LANG", "fr_FR.UTF-8").output().unwrap();
    let locale = env.describe(&locale);
    assert_french(&locale);
    assert!(locale.contains("erreur\u{a0}: aucun événement courant"), "{locale}");

    let messages = env.cmd(["jot", "un point"]).env("LANG", "en_US.UTF-8").env("LC_MESSAGES", "fr_FR").output();
    let messages = env.describe(&messages.unwrap());
    assert!(messages.contains("erreur\u{a0}:"), "LC_MESSAGES comes before LANG: {messages}");

    std::fs::write(env.config_path(), "lang = \"fr\"\n").unwrap();
    let config = env.transcript(["jot", "un point"]);
    assert_french(&config);
    assert!(config.contains("aide\u{a0}: créez-en un"), "{config}");

    let english = env.transcript(["--lang", "en", "jot", "un point"]);
    assert!(english.contains("error: no current event"), "{english}");
}

/// A config that does not read is still an error, in the language of
/// `--lang` or the locale.
#[test]
fn a_broken_config_is_reported_in_the_language_of_the_locale() {
    let env = TestEnv::new();
    std::fs::write(env.config_path(), "lang = \"fr\"\n[[verdicts]]\nkey = \"Bad Key\"\n").unwrap();
    let output = env.cmd(["list"]).env("LANG", "fr_FR.UTF-8").output().unwrap();
    let transcript = env.describe(&output);
    assert_french(&transcript);
    assert!(transcript.contains("erreur\u{a0}: [TMP]/config.toml\u{a0}: [[verdicts]] key"), "{transcript}");

    let english = env.transcript(["list"]);
    assert!(english.contains("error: [TMP]/config.toml: [[verdicts]] key"), "{english}");
}
