//! Happy paths of every command: what they print and what they write.

use insta::assert_snapshot;

use crate::common::TestEnv;

const CILIUM: &[&str] = &[
    "add",
    "Simplifying multi-cluster deployments with Cilium",
    "-s",
    "Liz Rice (Isovalent)",
    "-k",
    "talk",
    "-d",
    "2",
    "-t",
    "ebpf",
    "-t",
    "cilium",
    "--room",
    "Hall 7",
];

/// The issue's conference day, up to the verdict.
fn cilium_day() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["day", "1", "--label", "Colocated events"]);
    env.ok(CILIUM);
    env.ok(["jot", "Cluster mesh: CIDRs must not overlap, cluster ids unique"]);
    env.ok(["jot", "Global services with one annotation"]);
    env.ok(["verdict", "à tester"]);
    env
}

#[test]
fn event_add_creates_a_private_file_and_makes_it_current() {
    let env = TestEnv::new();
    assert_snapshot!(env.transcript([
        "event",
        "add",
        "KubeCon Europe 2024",
        "--start",
        "2024-03-19",
        "--end",
        "2024-03-22",
        "--location",
        "Paris",
        "--tz",
        "Europe/Paris"
    ]));
    assert_snapshot!(env.kubecon_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&env.journal()), 0o700);
        assert_eq!(mode(&env.journal().join("kubecon-europe-2024.toml")), 0o600);
    }
    assert_snapshot!(env.transcript(["event", "list"]));
}

#[test]
fn event_use_show_and_edit() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["event", "add", "FOSDEM 2025", "--start", "2025-02-01", "--end", "2025-02-02", "--tz", "Europe/Brussels"]);
    assert!(env.ok(["event", "list"]).contains("* "), "the current event is marked");
    assert_snapshot!(env.transcript(["event", "use", "kubecon-europe-2024"]));
    assert_snapshot!(env.transcript(["event", "show"]));
    env.ok(["event", "edit", "--location", "Paris Expo Porte de Versailles", "--url", "https://example.org/kubecon"]);
    let file = env.kubecon_file();
    assert!(file.contains("location = \"Paris Expo Porte de Versailles\"\n"), "{file}");
    assert!(file.contains("url = \"https://example.org/kubecon\"\n"), "{file}");
    let json = env.ok(["event", "list", "--json"]);
    let events: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(events.as_array().unwrap().len(), 2);
}

#[test]
fn the_conference_day_of_the_issue() {
    let env = cilium_day();
    assert_snapshot!("day_file", env.kubecon_file());
    assert_snapshot!("list_day_2", env.transcript(["list", "--day", "2"]));
    assert_snapshot!("list_to_try_all_events", env.transcript(["list", "--verdict", "to-try", "--all-events"]));
    assert_snapshot!("filter_cilium", env.transcript(["filter", "cilium"]));
    assert_snapshot!("show_1", env.transcript(["show", "1"]));
}

#[test]
fn add_prints_the_id_and_makes_the_session_current() {
    let env = TestEnv::new();
    env.kubecon();
    assert_eq!(
        env.ok(["add", "Keynote: Opening", "-k", "keynote", "--at", "09:00"]),
        "Added #1 to kubecon-europe-2024, day 2: Keynote: Opening\n"
    );
    env.ok([
        "add",
        "Rook: Intro and Ceph Deep Dive",
        "-d",
        "3",
        "--status",
        "missed",
        "--link",
        "slides=https://example.org/rook.pdf",
        "--link",
        "https://youtu.be/abc",
    ]);
    env.ok(["jot", "goes to the last added session"]);
    let file = env.kubecon_file();
    assert!(file.contains("at = 2024-03-20T09:00:00+01:00\n"), "{file}");
    assert!(file.contains("links = [{ label = \"slides\", url = \"https://example.org/rook.pdf\" }, { label = \"video\", url = \"https://youtu.be/abc\" }]"), "{file}");
    assert!(file.contains("status = \"missed\"\nnotes = \"\"\"\n- goes to the last added session\n\"\"\""), "{file}");
}

#[test]
fn a_dated_at_sets_the_day() {
    let env = TestEnv::new();
    env.kubecon();
    assert!(env.ok(["add", "Closing", "--at", "2024-03-22T17:00"]).contains("day 4"));
    assert!(env.kubecon_file().contains("day = 4\n"));
    assert!(env.kubecon_file().contains("at = 2024-03-22T17:00:00+01:00\n"));
}

#[test]
fn jot_verdict_and_edit_target_an_explicit_id() {
    let env = cilium_day();
    env.ok(["add", "Another talk", "-d", "2"]);
    env.ok(["jot", "-i", "1", "a late thought", "written", "without", "quotes"]);
    env.ok(["verdict", "2", "meh"]);
    let show = env.ok(["show", "1"]);
    assert!(show.contains("- a late thought written without quotes"), "{show}");
    assert!(env.ok(["show", "2"]).contains("Meh"));
    env.ok(["edit", "1", "--title", "Cilium cluster mesh", "--clear", "verdict", "--at", "11:00", "--end", "11:35"]);
    let file = env.kubecon_file();
    assert!(file.contains("title = \"Cilium cluster mesh\"\n"), "{file}");
    assert!(!file.contains("to-try"), "{file}");
    assert!(file.contains("at = 2024-03-20T11:00:00+01:00\nend = 2024-03-20T11:35:00+01:00\nroom"), "{file}");
}

#[test]
fn jot_reads_stdin_with_a_dash() {
    let env = cilium_day();
    env.cmd(["jot", "-"]).write_stdin("```yaml\nkind: Gateway\n```\n").assert().success();
    assert!(env.kubecon_file().contains("- Global services with one annotation\n\n```yaml\nkind: Gateway\n```\n"));
}

#[test]
fn edit_in_editor_applies_a_valid_change() {
    let env = cilium_day();
    let out = env.cmd(["edit", "1"]).env("EDITOR", "sed -i -e s/Hall/Salle/ -e s/to-try/top/").output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let file = env.kubecon_file();
    assert!(file.contains("room = \"Salle 7\"\n") && file.contains("verdict = \"top\"\n"), "{file}");
}

#[test]
fn edit_in_editor_with_no_change_writes_nothing() {
    let env = cilium_day();
    let before = env.files();
    assert_snapshot!(env.describe(&env.cmd(["edit", "1"]).env("EDITOR", "true").output().unwrap()));
    assert!(before == env.files());
}

#[test]
fn event_edit_in_editor_replaces_the_file_when_valid() {
    let env = cilium_day();
    env.cmd(["event", "edit"]).env("VISUAL", "sed -i 's/location = \"Paris\"/location = \"Lyon\"/'").assert().success();
    assert!(env.kubecon_file().contains("location = \"Lyon\""));
}

#[test]
fn day_sets_and_shows_the_day_notes() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["day", "2", "--label", "Mercredi", "--intro", "Salles pleines dès 9 h."]);
    env.ok(["day", "2", "--conclusion", "Une journée dense."]);
    assert_snapshot!(env.transcript(["day", "2"]));
    env.ok(["day", "2", "--intro", ""]);
    let file = env.kubecon_file();
    assert!(file.contains("[days.2]\nlabel = \"Mercredi\"\nconclusion = \"Une journée dense.\"\n"), "{file}");
}

#[test]
fn rm_deletes_the_session_only() {
    let env = cilium_day();
    env.ok(["add", "Keep me", "-d", "2"]);
    assert_eq!(env.ok(["rm", "1", "--yes"]), "Deleted #1 Simplifying multi-cluster deployments with Cilium\n");
    let file = env.kubecon_file();
    assert!(!file.contains("Cilium") && file.contains("Keep me"), "{file}");
}

#[test]
fn list_filters_combine() {
    let env = cilium_day();
    env.ok(["add", "Keynote: Opening", "-k", "keynote", "-d", "2", "--at", "09:00", "-s", "Priyanka Sharma (CNCF)"]);
    env.ok(["add", "Rook deep dive", "-d", "3", "--status", "missed"]);
    let ids = |args: &[&str]| -> Vec<u64> {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        let json: serde_json::Value = serde_json::from_str(&env.ok(all)).unwrap();
        json.as_array().unwrap().iter().map(|s| s["id"].as_u64().unwrap()).collect()
    };
    assert_eq!(ids(&[]), vec![2, 1, 3], "sorted by day then time, untimed last");
    assert_eq!(ids(&["--day", "2"]), vec![2, 1]);
    assert_eq!(ids(&["--kind", "keynote"]), vec![2]);
    assert_eq!(ids(&["--status", "missed"]), vec![3]);
    assert_eq!(ids(&["--tag", "EBPF"]), vec![1]);
    assert_eq!(ids(&["--speaker", "cncf"]), vec![2]);
    assert_eq!(ids(&["--search", "annotation"]), vec![1]);
    assert_eq!(ids(&["--day", "2", "--verdict", "A TESTER"]), vec![1]);
    assert_eq!(ids(&["--day", "3", "--verdict", "to-try"]), Vec::<u64>::new());
}

#[test]
fn list_json_has_the_documented_shape() {
    let env = cilium_day();
    assert_snapshot!(env.ok(["list", "--json"]));
}

#[test]
fn an_empty_list_is_a_success() {
    let env = TestEnv::new();
    env.kubecon();
    assert_snapshot!(env.transcript(["list", "--day", "3"]));
}

#[test]
fn french_output() {
    let env = cilium_day();
    assert_snapshot!(env.transcript(["--lang", "fr", "list"]));
    let out = env.cmd(["show", "1"]).env("LANG", "fr_FR.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("À tester"));
}

#[test]
fn config_adds_verdicts() {
    let env = cilium_day();
    std::fs::write(env.config_path(), "lang = \"fr\"\n[[verdicts]]\nkey = \"wow\"\nfr = \"Waouh\"\nen = \"Wow\"\n")
        .unwrap();
    env.ok(["verdict", "WAOUH"]);
    assert!(env.kubecon_file().contains("verdict = \"wow\""));
    assert!(env.ok(["list"]).contains("Waouh"));
}

#[test]
fn path_names_the_journal_and_config() {
    let env = TestEnv::new();
    assert_snapshot!(env.transcript(["path"]));
}

#[test]
fn completions_and_man_page() {
    let env = TestEnv::new();
    assert!(env.ok(["completions", "bash"]).contains("notes"));
    assert!(env.ok(["man"]).contains(".TH notes"));
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let env = cilium_day();
    for i in 0..200 {
        env.ok(["add", &format!("Session {i}"), "-d", "2"]);
    }
    let script = format!(
        "'{}' list | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        assert_cmd::cargo::cargo_bin("notes").display()
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("NOTES_DIR", env.journal())
        .env("NOTES_CONFIG", env.config_path())
        .env("NOTES_NOW", crate::common::NOW)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "0");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no panic, no message");
}

#[test]
fn a_session_added_during_its_day_starts_now() {
    let env = TestEnv::new();
    env.kubecon();
    env.cmd(["add", "Noted live"]).env("NOTES_NOW", "2024-03-20T11:07:42+01:00").assert().success();
    env.ok(["add", "Noted at night about yesterday", "-d", "1"]);
    let file = env.kubecon_file();
    assert!(file.contains("title = \"Noted live\"\nkind = \"talk\"\nat = 2024-03-20T11:05:00+01:00\n"), "{file}");
    assert!(file.contains("title = \"Noted at night about yesterday\"\nkind = \"talk\"\nstatus"), "no time: {file}");
}

#[test]
fn text_starting_with_a_dash_is_text() {
    let env = cilium_day();
    env.ok(["jot", "- a list item", "with -> arrows"]);
    env.ok(["edit", "1", "-m", "-> see the slides"]);
    env.ok(["day", "2", "--intro", "- bullet intro"]);
    let file = env.kubecon_file();
    assert!(file.contains("- a list item with -> arrows\n"), "{file}");
    assert!(file.contains("\n-> see the slides\n"), "{file}");
    assert!(file.contains("intro = \"- bullet intro\""), "{file}");
}

#[test]
fn an_exported_post_is_readable_by_others() {
    let env = cilium_day();
    let output = env.root.path().join("post.md");
    env.ok(["export", "md", "--output", output.to_str().unwrap()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&output).unwrap().permissions().mode() & 0o777, 0o644);
    }
}

#[test]
fn search_is_another_name_for_filter() {
    let env = cilium_day();
    assert_eq!(env.ok(["search", "cilium"]), env.ok(["filter", "cilium"]));
}
