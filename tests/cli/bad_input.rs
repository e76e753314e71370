//! Every bad input: a clear message, a non-zero exit, and no file changed.

use insta::assert_snapshot;

use crate::common::{TestEnv, fails_without_change};

fn with_one_session() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Gateway API", "-d", "2"]);
    env
}

#[test]
fn unknown_verdict_lists_the_known_ones() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["verdict", "génial"], 1));
    assert_snapshot!(fails_without_change(&env, &["verdict", "mehh"], 1));
    assert_snapshot!(fails_without_change(&env, &["add", "X", "-d", "2", "-v", "bof"], 1));
}

#[test]
fn day_out_of_range_names_the_valid_range() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["add", "X", "-d", "7"], 1));
    assert_snapshot!(fails_without_change(&env, &["list", "--day", "0"], 2));
}

#[test]
fn outside_the_event_add_asks_for_a_day() {
    let env = with_one_session();
    let before = env.files();
    let out = env.cmd(["add", "X"]).env("NOTES_NOW", "2024-04-02T10:00:00+02:00").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_snapshot!(env.describe(&out));
    assert!(before == env.files());
}

#[test]
fn bad_dates_and_times_say_the_expected_format() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["event", "add", "X", "--start", "2024-13-01"], 2));
    assert_snapshot!(fails_without_change(
        &env,
        &["event", "add", "X", "--start", "2024-03-22", "--end", "2024-03-19"],
        1
    ));
    assert_snapshot!(fails_without_change(&env, &["add", "X", "-d", "2", "--at", "25:99"], 2));
    assert_snapshot!(fails_without_change(
        &env,
        &["event", "add", "X", "--start", "2024-03-22", "--tz", "Paris/France"],
        2
    ));
}

#[test]
fn unknown_id() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["show", "42"], 1));
    fails_without_change(&env, &["jot", "-i", "42", "text"], 1);
    fails_without_change(&env, &["rm", "42", "--yes"], 1);
    fails_without_change(&env, &["edit", "42", "--verdict", "meh"], 1);
}

#[test]
fn empty_title() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["add", "   ", "-d", "2"], 1));
    fails_without_change(&env, &["edit", "1", "--title", ""], 1);
}

#[test]
fn unknown_event_suggests_a_near_miss() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["--event", "kubecon-europe-2042", "list"], 1));
    assert_snapshot!(fails_without_change(&env, &["event", "use", "fosdem"], 1));
    fails_without_change(&env, &["--event", "../../etc/passwd", "list"], 1);
}

#[test]
fn no_event_yet_says_how_to_create_one() {
    let env = TestEnv::new();
    assert_snapshot!(fails_without_change(&env, &["add", "X"], 1));
}

#[test]
fn corrupt_toml_names_path_line_and_column_and_is_never_overwritten() {
    let env = with_one_session();
    let path = env.journal().join("kubecon-europe-2024.toml");
    let broken = env.kubecon_file().replace("title = \"Gateway API\"", "title = \"Gateway API");
    std::fs::write(&path, &broken).unwrap();
    assert_snapshot!(fails_without_change(&env, &["add", "X", "-d", "2"], 1));
    fails_without_change(&env, &["jot", "text"], 1);
    fails_without_change(&env, &["list"], 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn invalid_values_in_the_file_are_reported() {
    let env = with_one_session();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::write(&path, env.kubecon_file().replace("kind = \"talk\"", "kind = \"tlak\"")).unwrap();
    assert_snapshot!(fails_without_change(&env, &["list"], 1));
    std::fs::write(
        &path,
        env.kubecon_file().replace("kind = \"tlak\"", "kind = \"talk\"").replace("schema = 1", "schema = 9"),
    )
    .unwrap();
    assert_snapshot!(fails_without_change(&env, &["list"], 1));
}

#[test]
fn no_terminal_and_no_title_is_a_usage_error_not_a_hang() {
    let env = with_one_session();
    assert_snapshot!(fails_without_change(&env, &["add"], 2));
    assert_snapshot!(fails_without_change(&env, &["rm", "1"], 2));
}

#[test]
fn a_journal_path_that_is_not_a_directory() {
    let env = TestEnv::new();
    std::fs::write(env.root.path().join("file"), "not a directory").unwrap();
    let before = env.files();
    let out = env.cmd(["event", "list"]).env("NOTES_DIR", env.root.path().join("file")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_snapshot!(env.describe(&out));
    let out = env
        .cmd(["event", "add", "X", "--start", "2024-01-01"])
        .env("NOTES_DIR", env.root.path().join("file"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(before == env.files());
}

#[cfg(unix)]
#[test]
fn an_unreadable_journal_directory() {
    use std::os::unix::fs::PermissionsExt;
    let env = with_one_session();
    let journal = env.journal();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&journal).is_ok() {
        // Running as root: permissions do not apply, nothing to test here.
        std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o700)).unwrap();
        eprintln!("skipped: permissions are not enforced for this user");
        return;
    }
    let out = env.cmd(["list"]).output().unwrap();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: cannot read"), "{}", env.describe(&out));
}

#[test]
fn terminal_escapes_in_a_title_are_stored_but_shown_escaped() {
    let env = TestEnv::new();
    env.kubecon();
    let title = "Evil \x1b[2J\x1b]0;pwned\x07 talk \u{202e}txt.exe";
    let out = env.cmd(["add", title, "-d", "2", "-s", "Mallory \x1b[31m(Red)"]).output().unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(!printed.contains('\x1b') && !printed.contains('\u{202e}'), "{printed:?}");
    assert!(env.kubecon_file().contains("Evil \\u001B[2J"), "stored, TOML-escaped: {}", env.kubecon_file());
    for args in [vec!["list"], vec!["show", "1"], vec!["filter", "evil"]] {
        let out = env.ok(&args);
        assert!(!out.contains('\x1b') && !out.contains('\x07') && !out.contains('\u{202e}'), "{args:?}: {out:?}");
        assert!(out.contains("\\u{1b}[2J"), "{args:?}: {out}");
    }
    let json = env.ok(["list", "--json"]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed[0]["title"], title, "JSON carries the exact title");
}

#[test]
fn an_invalid_edit_is_never_saved() {
    let env = with_one_session();
    let out = fails_without_change_with_editor(&env, "sed -i s/talk/tlak/");
    assert!(out.contains("unknown kind 'tlak'"), "{out}");
    assert!(out.contains("your text is kept in"), "{out}");
    let out = fails_without_change_with_editor(&env, "sed -i s/title/titel/");
    assert!(out.contains("unknown field `titel`"), "{out}");
    let out = fails_without_change_with_editor(&env, "false");
    assert!(out.contains("nothing was saved"), "{out}");
}

fn fails_without_change_with_editor(env: &TestEnv, editor: &str) -> String {
    let journal_before: Vec<_> = env.files().into_iter().filter(|(p, _)| p.starts_with(env.journal())).collect();
    let out = env.cmd(["edit", "1"]).env("EDITOR", editor).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", env.describe(&out));
    let journal_after: Vec<_> = env.files().into_iter().filter(|(p, _)| p.starts_with(env.journal())).collect();
    assert!(journal_before == journal_after);
    env.describe(&out)
}

#[test]
fn a_bad_notes_now() {
    let env = with_one_session();
    let before = env.files();
    let out = env.cmd(["add", "A talk"]).env("NOTES_NOW", "yesterday").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(env.files(), before);
    assert_snapshot!(env.describe(&out));
}

/// Only the commands that read the clock mind a bad one (`add`, `jot` and
/// `verdict`, which follow the talks under way): the others, and `path` and
/// `completions` above all, work as usual.
#[test]
fn a_bad_notes_now_only_stops_the_commands_that_read_the_clock() {
    let env = with_one_session();
    for args in [&["path"][..], &["completions", "bash"], &["man"], &["list"], &["show", "1"], &["filter", "more"]] {
        let out = env.cmd(args).env("NOTES_NOW", "garbage").output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", env.describe(&out));
    }
}

#[test]
fn a_bad_config_is_reported_with_its_position() {
    let env = with_one_session();
    std::fs::write(env.config_path(), "lang = \"fr\"\nlangue = \"en\"\n").unwrap();
    assert_snapshot!(fails_without_change(&env, &["list"], 1));
}

#[test]
fn path_and_completions_work_with_a_broken_config() {
    let env = TestEnv::new();
    std::fs::write(env.config_path(), "lang = = \"fr\"").unwrap();
    assert!(env.ok(["path"]).contains("config.toml"));
    env.ok(["completions", "fish"]);
    let out = fails_without_change(&env, &["list"], 1);
    assert!(out.contains("config.toml:1:"), "{out}");
}

#[test]
fn shortening_an_event_under_its_sessions_is_refused() {
    let env = with_one_session();
    let out = fails_without_change(&env, &["event", "edit", "--end", "2024-03-19"], 1);
    assert!(
        out.contains("session #1 (day 2, 2024-03-20) would fall outside the new dates (2024-03-19 to 2024-03-19)"),
        "{out}"
    );
    assert!(out.contains("move it first (notes edit 1 --day N) or delete it (notes rm 1)"), "{out}");
}

#[test]
fn sessions_written_as_something_else_than_tables_are_reported() {
    let env = with_one_session();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::write(&path, env.kubecon_file().replace("schema = 1", "schema = 1\nsessions = []")).unwrap();
    let shown = fails_without_change(&env, &["jot", "text"], 1);
    assert!(shown.contains("sessions must be written as [[sessions]] tables"), "{shown}");
}

#[test]
fn the_last_possible_id_is_reported_not_reused() {
    let env = with_one_session();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::write(&path, env.kubecon_file().replace("id = 1\n", "id = 4294967295\n")).unwrap();
    let shown = fails_without_change(&env, &["add", "One more", "-d", "2"], 1);
    assert!(shown.contains("session ids go up to 4294967295: renumber the sessions to add one"), "{shown}");
    env.ok(["jot", "-i", "4294967295", "still writable"]);
}

#[test]
fn dates_a_journal_cannot_hold_are_refused() {
    let env = with_one_session();
    for start in ["+12345-01-01", "-0001-01-01", "0000-01-01", "9999-12-31"] {
        let shown = fails_without_change(&env, &["event", "add", "Far", &format!("--start={start}")], 2);
        assert!(shown.contains("expected YYYY-MM-DD"), "{shown}");
    }
    fails_without_change(&env, &["add", "X", "--at", "0000-03-20T10:00"], 2);
    fails_without_change(&env, &["add", "X", "--at", "9999-12-31T23:00:00-12:00"], 2);
}

#[test]
fn imported_talks_in_impossible_years_are_left_out() {
    let env = with_one_session();
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
               BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Real talk\r\nDTSTART:20240320T100000Z\r\nDTEND:20240320T103000Z\r\nEND:VEVENT\r\n\
               BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Year zero\r\nDTSTART:00000101T100000Z\r\nEND:VEVENT\r\n\
               END:VCALENDAR\r\n";
    let path = env.root.path().join("odd.ics");
    std::fs::write(&path, ics).unwrap();
    let output = env.cmd(["import", path.to_str().unwrap()]).output().unwrap();
    let shown = env.describe(&output);
    assert_eq!(output.status.code(), Some(0), "{shown}");
    assert!(shown.contains("1 talks are dated outside the years 1 to 9998 and were left out"), "{shown}");
    assert!(shown.contains("1 added"), "{shown}");
}

#[test]
fn a_session_without_an_id_is_reported() {
    let env = with_one_session();
    env.ok(["add", "Second talk", "-d", "2"]);
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::write(&path, env.kubecon_file().replace("id = 1\n", "")).unwrap();
    for args in [&["list"][..], &["show", "2"], &["export", "md"]] {
        let shown = fails_without_change(&env, args, 1);
        assert!(shown.contains("has no id (ids start at 1)"), "{args:?}: {shown}");
    }
    // A write refuses the file like a read, naming the session's line, and
    // never hands out the missing id again.
    for args in [&["edit", "1", "--title", "x"][..], &["jot", "-i", "2", "x"], &["add", "Third", "-d", "2"]] {
        let shown = fails_without_change(&env, args, 1);
        assert!(
            shown.contains(
                "kubecon-europe-2024.toml:11:1: a session without an id, or with one that is not a whole number"
            ),
            "{args:?}: {shown}"
        );
    }
}

#[test]
fn ids_and_days_no_read_accepts_stop_every_write() {
    let env = with_one_session();
    env.ok(["add", "Second talk", "-d", "2"]);
    let path = env.journal().join("kubecon-europe-2024.toml");
    let good = env.kubecon_file();
    for (bad, problem) in [
        (good.replace("id = 2\n", "id = 1\n"), "two sessions have id 1"),
        (good.replace("id = 2\n", "id = \"2\"\n"), "invalid type: string \"2\", expected u32"),
        (good.replacen("day = 2\n", "day = 0\n", 1), "day 0 is outside kubecon-europe-2024, which has days 1 to 4"),
        (good.replacen("day = 2\n", "day = 9\n", 1), "day 9 is outside kubecon-europe-2024, which has days 1 to 4"),
    ] {
        std::fs::write(&path, &bad).unwrap();
        fails_without_change(&env, &["list"], 1);
        for args in [&["jot", "-i", "2", "x"][..], &["add", "Third", "-d", "2"], &["day", "2", "--intro", "x"]] {
            let shown = fails_without_change(&env, args, 1);
            assert!(shown.contains(problem) && shown.contains("kubecon-europe-2024.toml:"), "{args:?}: {shown}");
        }
    }
}

#[test]
fn a_bad_value_in_one_session_names_its_line_and_stops_every_write() {
    let env = with_one_session();
    env.ok(["add", "Second talk", "-d", "2"]);
    let path = env.journal().join("kubecon-europe-2024.toml");
    let text = env.kubecon_file().replacen("day = 2", "day = \"two\"", 1);
    let line = text.lines().position(|l| l == "day = \"two\"").unwrap() + 1;
    std::fs::write(&path, &text).unwrap();
    for id in ["1", "2"] {
        let shown = fails_without_change(&env, &["jot", "-i", id, "x"], 1);
        let expected = format!("kubecon-europe-2024.toml:{line}:7: invalid type: string \"two\"");
        assert!(shown.contains(&expected), "{shown}");
    }
}

/// `[sessions.extra]` after `[days.1]` belongs to the last session: valid
/// TOML that reads, but a write cannot edit that session as one piece. It
/// says so, with the line, instead of "sessions must be tables".
#[test]
fn a_session_sub_table_apart_from_its_session_is_named() {
    let env = with_one_session();
    let path = env.journal().join("kubecon-europe-2024.toml");
    let text = format!("{}\n[days.1]\nlabel = \"Colocated\"\n\n[sessions.extra]\nmine = 1\n", env.kubecon_file());
    let line = text.lines().position(|l| l == "[sessions.extra]").unwrap() + 1;
    std::fs::write(&path, &text).unwrap();
    assert!(env.ok(["list"]).contains("Gateway API"));
    let shown = fails_without_change(&env, &["jot", "more"], 1);
    assert!(
        shown.contains(&format!(
            "kubecon-europe-2024.toml:{line}:1: this table belongs to the [[sessions]] above it but stands apart"
        )),
        "{shown}"
    );
}

/// `NOTES_DIR` is not typed on the command line: it never shows in a usage
/// line (clap's `env` used to print `--dir <DIR>` there whenever it was set).
#[test]
fn notes_dir_never_shows_in_a_usage_line() {
    let env = with_one_session();
    for args in [&["plan"][..], &["event", "add"], &["verdict"], &["show", "--nope"], &["rm"]] {
        let with = env.cmd(args).output().unwrap();
        let without = env.cmd(args).env_remove("NOTES_DIR").output().unwrap();
        let (with, without) = (String::from_utf8_lossy(&with.stderr), String::from_utf8_lossy(&without.stderr));
        let usage = |text: &str| text.lines().find(|l| l.starts_with("Usage:")).map(str::to_string);
        assert!(usage(&with).is_some(), "{args:?}: {with}");
        assert_eq!(usage(&with), usage(&without), "{args:?}");
        assert!(!with.contains("--dir"), "{args:?}: {with}");
    }
}

#[test]
fn notes_dir_is_the_journal_unless_dir_is_given_and_empty_is_unset() {
    let env = TestEnv::new();
    let journal =
        |out: String| out.lines().next().unwrap_or_default().replace(&env.root.path().display().to_string(), "[TMP]");
    assert_eq!(journal(env.ok(["path"])), "journal: [TMP]/journal");
    assert_eq!(journal(env.ok(["--dir", "other", "path"])), "journal: other");
    let out = env.cmd(["path"]).env("NOTES_DIR", "").output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let shown = journal(String::from_utf8(out.stdout).unwrap());
    assert!(shown.starts_with("journal: [TMP]/") && shown.ends_with("notes"), "the platform directory: {shown}");
}

#[test]
fn a_post_title_or_section_that_cannot_be() {
    let env = with_one_session();
    // One title for several posts would name them all alike.
    let dir = env.root.path().join("posts");
    let out = fails_without_change(&env, &["export", "md", "--per-day", dir.to_str().unwrap(), "--title", "Récap"], 2);
    assert!(out.contains("--title") && out.contains("--per-day"), "{out}");
    assert!(!dir.exists());
    let out = fails_without_change(&env, &["--lang", "fr", "export", "md", "--bundle"], 2);
    assert!(out.contains("--bundle a besoin d’un endroit pour les images"), "{out}");
    // A section by hand that is not text: the file is reported, not rewritten.
    let path = env.journal().join("kubecon-europe-2024.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("title = \"Gateway API\"", "title = \"Gateway API\"\nsection = 3")).unwrap();
    let out = fails_without_change(&env, &["list"], 1);
    assert!(out.contains("kubecon-europe-2024.toml:") && out.contains("expected a string"), "{out}");
}

#[test]
fn an_empty_section_is_no_section() {
    let env = with_one_session();
    env.ok(["edit", "1", "--section", "Réseau"]);
    assert!(env.kubecon_file().contains("section = \"Réseau\""));
    env.ok(["edit", "1", "--section", "  "]);
    assert!(!env.kubecon_file().contains("section"), "{}", env.kubecon_file());
    env.ok(["edit", "1", "--section", "Réseau"]);
    env.ok(["edit", "1", "--clear", "section"]);
    assert!(!env.kubecon_file().contains("section"));
}
