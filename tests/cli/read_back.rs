//! Anything notes writes, its own reader reads back: a value it would
//! refuse is never written, and a file it manages itself (the schedule) that
//! no longer reads is rebuilt by the command that owns it.

use std::fs;

use serde_json::Value;

use crate::common::{TestEnv, fails_without_change};

const SLUG: &str = "kubecon-europe-2024";

fn schedule_path(env: &TestEnv) -> std::path::PathBuf {
    env.journal().join(format!("{SLUG}.schedule.toml"))
}

/// A calendar of two talks on day 2 of the test event; `second` is the
/// second one's start, in UTC.
fn calendar(second: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:KubeCon Europe 2024\r\n\
         BEGIN:VEVENT\r\nUID:one\r\nSUMMARY:First talk\r\nDTSTART:20240320T090000Z\r\nDTEND:20240320T093000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:two\r\nSUMMARY:Second talk\r\nDTSTART:{second}\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n"
    )
}

#[test]
fn a_leap_second_is_stored_as_a_time_that_reads_back() {
    let env = TestEnv::new();
    env.kubecon();
    assert_eq!(
        env.ok(["add", "Talk", "-d", "2", "--at", "2024-03-20T10:59:60+01:00"]),
        "Added #1 to kubecon-europe-2024, day 2: Talk\n"
    );
    assert!(env.kubecon_file().contains("at = 2024-03-20T10:59:59+01:00\n"), "{}", env.kubecon_file());
    for args in [&["list"][..], &["show", "1"], &["export", "md"], &["event", "list"]] {
        env.ok(args);
    }
    assert!(env.ok(["event", "list"]).contains(SLUG));
    env.ok(["edit", "1", "--end", "2024-03-20T11:29:60+01:00"]);
    let session: Value = serde_json::from_str(&env.ok(["show", "1", "--json"])).unwrap();
    assert_eq!(session["end"], "2024-03-20T11:29:59+01:00");
}

#[test]
fn a_leap_second_in_an_imported_schedule_reads_back_and_a_corrected_one_imports() {
    let env = TestEnv::new();
    env.kubecon();
    let file = env.root.path().join("leap.ics");
    fs::write(&file, calendar("20240320T095960Z")).unwrap();
    let shown = env.transcript(["import", file.to_str().unwrap()]);
    assert!(shown.starts_with("exit: 0\n"), "{shown}");
    let listed = env.ok(["list", "--schedule"]);
    assert!(listed.contains("10:59") && listed.contains("Second talk"), "{listed}");
    fs::write(&file, calendar("20240320T100000Z")).unwrap();
    let shown = env.transcript(["import", file.to_str().unwrap()]);
    assert!(shown.contains("0 added, 1 updated, 1 unchanged"), "{shown}");
}

#[test]
fn a_schedule_file_that_does_not_read_is_rebuilt_by_the_next_import() {
    let env = TestEnv::new();
    env.kubecon();
    let file = env.root.path().join("talks.ics");
    fs::write(&file, calendar("20240320T100000Z")).unwrap();
    env.ok(["import", file.to_str().unwrap()]);
    fs::write(schedule_path(&env), "schema = 1\n[[talks]]\ntitle = \"Broken, no day\"\n").unwrap();
    let shown = fails_without_change(&env, &["list", "--schedule"], 1);
    assert!(
        shown.contains("help: notes manages this file: import the schedule again to rebuild it (notes import FILE)"),
        "{shown}"
    );
    let shown = env.transcript(["import", file.to_str().unwrap()]);
    assert!(shown.contains("warning: the previous schedule cannot be read, so it is replaced"), "{shown}");
    assert!(shown.contains("2 added"), "{shown}");
    assert!(env.ok(["list", "--schedule"]).contains("Second talk"));
}
