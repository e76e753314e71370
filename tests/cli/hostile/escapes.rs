//! Terminal escapes, C1 and bidi controls in every text a command prints, as text, JSON or Markdown.

use std::fs;
use std::process::Output;

use serde_json::{Value, json};

use super::{
    TRICKS, assert_terminal_safe, evil, excerpt, hostile_schedule, is_bidi_control, is_terminal_unsafe, json_of,
    run_safe, shown, stderr, stdout, unsafe_chars, write,
};
use crate::common::TestEnv;

/// A journal whose every text holds the tricks: event name, location, tags,
/// day label, a session's title, speakers, room, track, tags, link and notes.
/// Intro and conclusion stay plain (they are Markdown, see
/// `markdown_export_keeps_no_raw_escapes_from_notes`).
fn hostile_journal() -> TestEnv {
    let env = TestEnv::new();
    run_safe(
        &env,
        &[
            "event",
            "add",
            &evil("Conf"),
            "--slug",
            "hostile",
            "--start",
            "2024-03-19",
            "--end",
            "2024-03-22",
            "--tz",
            "Europe/Paris",
            "--location",
            &evil("Paris"),
            "-t",
            &evil("event-tag"),
            "--url",
            &format!("https://example.org/{TRICKS}"),
        ],
        0,
    );
    run_safe(&env, &["day", "2", "--label", &evil("Label")], 0);
    run_safe(
        &env,
        &[
            "add",
            &evil("Title"),
            "-d",
            "2",
            "--at",
            "11:00",
            "-s",
            &evil("Speaker"),
            "-s",
            &format!("Ana ({})", evil("Org")),
            "--room",
            &evil("Room"),
            "--track",
            &evil("Track"),
            "-t",
            &evil("tag"),
            "--link",
            &format!("{}=https://example.org/slides", evil("slides")),
            "-m",
            &evil("note"),
        ],
        0,
    );
    env
}

#[test]
fn journal_text_reaches_every_printing_command_escaped() {
    let env = hostile_journal();
    let stdin_jot = env.cmd(["jot", "-"]).write_stdin(format!("{}\nNUL \0 here\n", evil("stdin"))).output().unwrap();
    assert_eq!(stdin_jot.status.code(), Some(0), "{}", shown(&stdin_jot));
    assert_terminal_safe("jot -", &String::from_utf8_lossy(&stdin_jot.stdout));
    let commands: Vec<Vec<String>> = vec![
        vec!["jot".into(), evil("jot")],
        vec!["jot".into(), "--raw".into(), evil("raw")],
        vec!["verdict".into(), "to-try".into()],
        vec!["list".into()],
        vec!["list".into(), "--all-events".into()],
        vec!["list".into(), "--day".into(), "2".into()],
        vec!["show".into()],
        vec!["show".into(), "1".into()],
        vec!["filter".into(), "note".into()],
        vec!["filter".into(), "title".into()],
        vec!["event".into(), "list".into()],
        vec!["event".into(), "show".into()],
        vec!["event".into(), "show".into(), "hostile".into()],
        vec!["event".into(), "use".into(), "hostile".into()],
        vec!["day".into(), "2".into()],
        vec!["day".into(), "3".into(), "--label".into(), evil("Day three")],
        vec!["day".into(), "3".into(), "--intro".into(), evil("Intro"), "--conclusion".into(), evil("Conclusion")],
        vec!["day".into(), "3".into()],
        vec!["edit".into(), "1".into(), "--room".into(), evil("Room 2")],
        vec!["add".into(), evil("Second"), "-d".into(), "2".into(), "--at".into(), "12:00".into()],
        vec!["jot".into(), "-i".into(), "2".into(), evil("second jot")],
        vec!["verdict".into(), "2".into(), "meh".into()],
        vec!["rm".into(), "2".into(), "--yes".into()],
        vec!["event".into(), "edit".into(), "--location".into(), evil("Lyon")],
    ];
    for args in &commands {
        run_safe(&env, args, 0);
    }
    // Shown escaped, not dropped: the user can see something is odd.
    let list = stdout(&run_safe(&env, &["list"], 0));
    assert!(list.contains("\\u{1b}[2J"), "{list:?}");
    let show = stdout(&run_safe(&env, &["show", "1"], 0));
    for expected in ["\\u{1b}]0;pwned\\u{7}", "\\u{9b}31m", "\\u{202e}gnp.exe", "\\u{2066}", "\\u{200f}", "\\u{0}"] {
        assert!(show.contains(expected), "{expected} in {show:?}");
    }
}

#[test]
fn errors_that_echo_user_input_escape_it() {
    let env = hostile_journal();
    let cases: Vec<(Vec<String>, i32)> = vec![
        (vec!["verdict".into(), evil("bof")], 1),
        (vec!["list".into(), "--verdict".into(), evil("bof")], 1),
        (vec!["add".into(), "X".into(), "-d".into(), "2".into(), "-v".into(), evil("bof")], 1),
        (vec!["edit".into(), "1".into(), "--verdict".into(), evil("bof")], 1),
        (vec!["--event".into(), evil("nope"), "list".into()], 1),
        (vec!["--event".into(), evil("nope"), "add".into(), "X".into()], 1),
        (vec!["event".into(), "use".into(), evil("nope")], 1),
        (vec!["event".into(), "show".into(), evil("nope")], 1),
        (vec!["event".into(), "add".into(), "\x1b\x07\u{9b}\u{202e}".into(), "--start".into(), "2024-01-01".into()], 1),
        (
            vec![
                "event".into(),
                "add".into(),
                "X".into(),
                "--slug".into(),
                evil("slug"),
                "--start".into(),
                "2024-01-01".into(),
            ],
            2,
        ),
        (vec!["export".into(), "md".into(), "--template".into(), evil("missing.j2")], 1),
        (vec!["import".into(), evil("missing.json")], 1),
        (vec!["plan".into(), evil("ref")], 1),
        (vec!["add".into(), "--now".into(), evil("Hall")], 1),
        (vec!["filter".into(), evil("no such words")], 0),
    ];
    for (args, code) in &cases {
        let before = env.files();
        run_safe(&env, args, *code);
        assert!(before == env.files(), "{args:?} changed a file");
    }
}

#[test]
fn usage_errors_escape_the_bad_value() {
    let env = TestEnv::new();
    env.kubecon();
    let bad = evil("v");
    let bad = bad.as_str();
    let cases: Vec<Vec<&str>> = vec![
        vec!["add", "X", "-k", bad],
        vec!["add", "X", "--status", bad],
        vec!["add", "X", "--at", bad],
        vec!["list", "--day", bad],
        vec!["event", "add", "N", "--start", bad],
        vec!["event", "add", "N", "--start", "2024-01-01", "--tz", bad],
        vec!["export", "md", "--front-matter", bad],
        vec![bad],
    ];
    let mut failures = Vec::new();
    for args in &cases {
        // In a pipe, and as on a terminal (CLICOLOR_FORCE makes clap's
        // stream behave as it does on a terminal: escapes are not stripped).
        for terminal in [false, true] {
            let mut cmd = env.cmd(args);
            if terminal {
                cmd.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
            }
            let output = cmd.output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{args:?}\n{}", shown(&output));
            // clap's own colours (ESC [ … m) are fine; the value's are not.
            let text = stderr(&output).replace("\x1b[0m", "").replace("\x1b[1m", "");
            let text = text.replace("\x1b[31m", "").replace("\x1b[33m", "").replace("\x1b[32m", "");
            let found = unsafe_chars(&text, is_terminal_unsafe);
            if !found.is_empty() {
                failures.push(format!("{args:?} (terminal: {terminal}): {found:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "raw controls in usage errors:\n{}", failures.join("\n"));
}

/// A config whose verdict labels hold the tricks.
fn hostile_verdicts(env: &TestEnv) {
    let (en, fr) = (toml_string(&evil("Wow")), toml_string(&evil("Waouh")));
    fs::write(env.config_path(), format!("[[verdicts]]\nkey = \"wow\"\nen = {en}\nfr = {fr}\n")).unwrap();
}

/// `text` as a TOML basic string, every control and bidi character escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_bidi_control(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn config_verdict_labels_are_escaped_in_tables_details_and_errors() {
    let env = TestEnv::new();
    env.kubecon();
    hostile_verdicts(&env);
    env.ok(["add", "Talk", "-d", "2", "-v", "wow"]);
    for args in [vec!["list"], vec!["show", "1"], vec!["--lang", "fr", "list"], vec!["--lang", "fr", "show"]] {
        run_safe(&env, &args, 0);
    }
    run_safe(&env, &["verdict", "nope"], 1);
    run_safe(&env, &["list", "--verdict", "nope"], 1);
    let json = json_of(&env, &["show", "1", "--json"]);
    assert_eq!(json["verdict"]["label"], evil("Wow"));
}

#[test]
fn config_verdict_labels_are_escaped_in_confirmations_and_search() {
    let env = TestEnv::new();
    env.kubecon();
    hostile_verdicts(&env);
    env.ok(["add", "Talk", "-d", "2"]);
    run_safe(&env, &["verdict", "wow"], 0);
    run_safe(&env, &["--lang", "fr", "verdict", "1", "wow"], 0);
    run_safe(&env, &["filter", "talk"], 0);
}

#[test]
fn an_imported_schedule_reaches_every_command_escaped() {
    let env = TestEnv::new();
    env.kubecon();
    let file = write(&env, "schedule.json", hostile_schedule("KubeCon Europe 2024"));
    let import = run_safe(&env, &["import", file.to_str().unwrap()], 0);
    assert!(stdout(&import).contains("into kubecon-europe-2024: 2 added"), "{}", shown(&import));
    run_safe(&env, &["list", "--schedule"], 0);
    run_safe(&env, &["list", "--schedule", "--day", "2"], 0);
    // Two talks under way: the candidates are listed in the error.
    let several = run_safe(&env, &["add", "--now"], 1);
    assert!(stderr(&several).contains("2 talks are under way"), "{}", shown(&several));
    run_safe(&env, &["add", "--now", &evil("Nowhere")], 1);
    run_safe(&env, &["plan", "talk"], 1);
    run_safe(&env, &["plan", &format!("zz{TRICKS}")], 1);
    let planned = run_safe(&env, &["plan", "talko"], 0);
    assert!(stdout(&planned).starts_with("Planned #1 Talk one "), "{}", shown(&planned));
    let now = run_safe(&env, &["add", "--now", &format!("Room one {TRICKS}")], 0);
    assert!(stdout(&now).starts_with("Now attending #1 Talk one "), "{}", shown(&now));
    run_safe(&env, &["add", "--now", "Talk two"], 0);
    for args in [vec!["show", "1"], vec!["show", "2"], vec!["list"], vec!["filter", "talk"], vec!["list", "--schedule"]]
    {
        run_safe(&env, &args, 0);
    }
    // The exact texts, JSON-escaped.
    let programme = json_of(&env, &["list", "--schedule", "--json"]);
    let one = programme.as_array().unwrap().iter().find(|t| t["schedule_id"] == format!("talk-one{TRICKS}")).unwrap();
    assert_eq!(one["title"], evil("Talk one"));
    assert_eq!(one["room"], evil("Room one"));
    assert_eq!(one["speakers"], json!([{ "name": evil("Eve"), "org": evil("Org") }]));
    assert_eq!(one["abstract"], format!("{}\nsecond line \u{0} NUL", evil("Abstract")));
    // The post: plain-text fields lose their controls.
    let post = stdout(&run_safe_md(&env, &["export", "md"]));
    assert!(post.contains("Talk one"), "{post:?}");
}

/// `export md`: exit 0, and no C0 or C1 control in the post (bidi controls
/// are legitimate in right-to-left text and a browser bounds them).
fn run_safe_md(env: &TestEnv, args: &[&str]) -> Output {
    let output = env.cmd(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}\n{}", shown(&output));
    let post = String::from_utf8_lossy(&output.stdout);
    let found = unsafe_chars(&post, |c| c.is_control() && c != '\n' && c != '\t');
    assert!(found.is_empty(), "{args:?}: raw controls {found:?} in the post {:?}", excerpt(&post));
    output
}

#[test]
fn an_ics_time_zone_name_is_escaped_in_the_warning() {
    let env = TestEnv::new();
    env.kubecon();
    // A parameter value cannot hold `;` (it ends the parameter): no OSC here.
    let zone = "Bad\x1b[2J\x07\u{9b}31m\u{202e}Zone";
    let ics = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:{}\r\n\
         DTSTART;TZID={zone}:20240320T110000\r\nDTEND;TZID={zone}:20240320T114500\r\nLOCATION:{}\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n",
        evil("Summary"),
        evil("Room")
    );
    let file = write(&env, "hostile.ics", ics);
    let output = run_safe(&env, &["import", file.to_str().unwrap(), "--event", "kubecon-europe-2024"], 0);
    assert!(stderr(&output).contains("unknown time zone"), "{}", shown(&output));
}

#[test]
fn a_control_character_in_the_event_name_leaves_a_readable_programme() {
    // The schedule names the conference: the new event takes its name.
    let env = TestEnv::new();
    let file = write(&env, "schedule.json", hostile_schedule(&evil("Hostile Conf")));
    run_safe(&env, &["import", file.to_str().unwrap()], 0);
    run_safe(&env, &["list", "--schedule"], 0);
    run_safe(&env, &["import", file.to_str().unwrap()], 0);
    // The user's own event name, then any import into it.
    let env = TestEnv::new();
    env.ok(["event", "add", "Kube\x1bCon", "--slug", "kubecon", "--start", "2024-03-19", "--end", "2024-03-22"]);
    let file = write(&env, "schedule.json", hostile_schedule("Plain"));
    run_safe(&env, &["import", file.to_str().unwrap(), "--event", "kubecon"], 0);
    run_safe(&env, &["list", "--schedule"], 0);
    run_safe(&env, &["plan", "talko"], 0);
}

#[cfg(unix)]
#[test]
fn a_schedule_file_name_cannot_inject_toml_or_escapes() {
    let env = TestEnv::new();
    env.kubecon();
    let file = write(&env, "x\nschema = 99\n.json", hostile_schedule("KubeCon Europe 2024"));
    run_safe(&env, &["import", file.to_str().unwrap()], 0);
    run_safe(&env, &["list", "--schedule"], 0);
    let file = write(&env, &format!("{TRICKS}.json"), hostile_schedule("KubeCon Europe 2024"));
    run_safe(&env, &["import", file.to_str().unwrap()], 0);
}

#[test]
fn a_skipped_event_file_is_reported_escaped() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["event", "add", "Other", "--start", "2024-03-19"]);
    env.ok(["--event", "other", "add", "X", "-d", "1"]);
    let path = env.journal().join("other.toml");
    let text = fs::read_to_string(&path).unwrap().replace("kind = \"talk\"", "kind = \"\\u001b[2J\\u202e\"");
    fs::write(&path, text).unwrap();
    // The error itself goes through main's sanitising…
    run_safe(&env, &["--event", "other", "list"], 1);
    // …the warnings do not.
    for args in [vec!["event", "list"], vec!["list", "--all-events"], vec!["filter", "x"], vec!["export", "json", "-a"]]
    {
        let output = run_safe(&env, &args, 0);
        assert!(stderr(&output).contains("skipping other"), "{}", shown(&output));
    }
}

#[test]
fn json_output_keeps_the_exact_text() {
    let env = hostile_journal();
    let check = |session: &Value| {
        assert_eq!(session["title"], evil("Title"));
        assert_eq!(
            session["speakers"],
            json!([{ "name": evil("Speaker"), "org": null }, { "name": "Ana", "org": evil("Org") }])
        );
        assert_eq!(session["room"], evil("Room"));
        assert_eq!(session["track"], evil("Track"));
        assert_eq!(session["tags"], json!([evil("tag")]));
        assert_eq!(session["links"][0]["label"], evil("slides"));
        assert_eq!(session["notes"], format!("{}\n", evil("note")));
    };
    check(&json_of(&env, &["show", "1", "--json"]));
    check(&json_of(&env, &["list", "--json"])[0]);
    check(&json_of(&env, &["filter", "note", "--json"])[0]);
    let export = json_of(&env, &["export", "json"]);
    let event = &export["events"][0];
    check(&event["sessions"][0]);
    assert_eq!(event["name"], evil("Conf"));
    assert_eq!(event["location"], evil("Paris"));
    assert_eq!(event["tags"], json!([evil("event-tag")]));
    let day2 = event["days"].as_array().unwrap().iter().find(|d| d["day"] == 2).unwrap();
    assert_eq!(day2["label"], evil("Label"));
    let events = json_of(&env, &["event", "list", "--json"]);
    assert_eq!(events[0]["name"], evil("Conf"));
}

#[test]
fn json_output_escapes_c1_and_bidi_controls() {
    let env = hostile_journal();
    for args in
        [vec!["list", "--json"], vec!["show", "--json"], vec!["export", "json"], vec!["event", "list", "--json"]]
    {
        run_safe(&env, &args, 0);
    }
}

#[test]
fn markdown_export_keeps_no_raw_controls_from_plain_text_fields() {
    let env = hostile_journal();
    // Notes are the user's Markdown, kept as written: see the next test.
    env.ok(["edit", "1", "--clear", "notes"]);
    env.ok(["verdict", "to-try"]);
    let md = run_safe_md(&env, &["export", "md", "--day", "2"]);
    let post = stdout(&md);
    assert!(post.contains("Title"), "{post:?}");
    run_safe_md(&env, &["export", "md"]);
    run_safe_md(&env, &["export", "md", "--front-matter", "yaml"]);
    run_safe_md(&env, &["export", "md", "--front-matter", "toml", "--lang", "fr"]);
    let file = env.root.path().join("post.md");
    let output = run_safe(&env, &["export", "md", "--day", "2", "--output", file.to_str().unwrap()], 0);
    assert!(output.stdout.is_empty());
    let written = fs::read_to_string(&file).unwrap();
    assert_eq!(written, post, "the file is what stdout shows");
}

#[test]
fn markdown_export_keeps_no_raw_escapes_from_notes() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["day", "2", "--intro", &evil("Intro"), "--conclusion", &evil("Conclusion")]);
    env.ok(["add", "Talk", "-d", "2", "-m", &evil("note")]);
    env.ok(["jot", "--raw", &evil("paragraph")]);
    run_safe_md(&env, &["export", "md", "--day", "2"]);
    run_safe_md(&env, &["export", "md"]);
}
