//! Which event and which talk an import means: another edition of a
//! conference with the same name, a talk given twice, two first imports at
//! once, a duration that runs backwards.

use super::{SCHEDULE_V1, write};
use crate::common::{TestEnv, fails_without_change};

const SLUG: &str = "journees-rust-2025";

#[test]
fn next_years_schedule_of_a_same_named_conference_changes_nothing() {
    let env = TestEnv::new();
    write(&env, "2025.json", SCHEDULE_V1);
    env.ok(["import", "2025.json"]);
    env.ok(["plan", "b2b2"]);
    env.ok(["jot", "Emprunts partout"]);
    write(&env, "2026.json", SCHEDULE_V1.replace("2025-05-1", "2026-05-1"));
    let shown = fails_without_change(&env, &["import", "2026.json"], 1);
    assert!(
        shown.contains(&format!(
            "error: none of the 4 talks falls within {SLUG} (2025-05-12 to 2025-05-13): the schedule runs from 2026-05-12 to 2026-05-13; nothing was imported"
        )),
        "{shown}"
    );
    assert!(shown.contains("create its event first"), "{shown}");
}

/// A calendar where one talk is given twice (same UID, two starts), in the
/// order given.
fn twice(first: &str, second: &str) -> String {
    let run = |start: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:workshop\r\nSUMMARY:Rust workshop\r\nDTSTART:{start}\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
        )
    };
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Journées Rust 2025\r\n{}{}END:VCALENDAR\r\n",
        run(first),
        run(second)
    )
}

#[test]
fn the_runs_of_a_talk_given_twice_keep_their_notes_in_any_order() {
    let env = TestEnv::new();
    let (morning, afternoon) = ("20250512T080000Z", "20250512T130000Z");
    write(&env, "a.ics", twice(morning, afternoon));
    env.ok(["import", "a.ics", "--tz", "Europe/Paris"]);
    let listed = env.ok(["list", "--schedule"]);
    assert!(listed.contains("10:00–11:00") && listed.contains("15:00–16:00"), "{listed}");
    let afternoon_ref = listed.lines().find(|l| l.contains("15:00")).unwrap().split_whitespace().next().unwrap();
    env.ok(["plan", afternoon_ref]);
    env.ok(["jot", "-i", "1", "Afternoon run: smaller room"]);
    write(&env, "a.ics", twice(afternoon, morning));
    let shown = env.transcript(["import", "a.ics", "--tz", "Europe/Paris"]);
    assert!(shown.contains("0 added, 0 updated, 2 unchanged"), "{shown}");
    let session: serde_json::Value = serde_json::from_str(&env.ok(["show", "1", "--json"])).unwrap();
    assert_eq!(session["start"], "2025-05-12T15:00:00+02:00");
    assert_eq!(session["notes"], "- Afternoon run: smaller room\n");
    assert!(!env.event_file(SLUG).contains("removed_from_schedule"));
}

#[test]
fn first_imports_of_one_schedule_at_once_all_succeed_into_one_event() {
    let env = TestEnv::new();
    write(&env, "s.json", SCHEDULE_V1);
    let outputs: Vec<_> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4).map(|_| scope.spawn(|| env.cmd(["import", "s.json"]).output().unwrap())).collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    for out in &outputs {
        assert!(out.status.success(), "{}", env.describe(out));
    }
    assert_eq!(env.ok(["event", "list", "--json"]).matches("\"slug\"").count(), 1);
    assert!(env.ok(["list", "--schedule"]).contains("Rust à l'échelle"));
}

#[test]
fn a_negative_duration_gives_no_end() {
    let env = TestEnv::new();
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Backwards\r\n\
               BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Backwards talk\r\nDTSTART:20250512T080000Z\r\nDURATION:-PT30M\r\nEND:VEVENT\r\n\
               END:VCALENDAR\r\n";
    write(&env, "b.ics", ics);
    env.ok(["import", "b.ics", "--tz", "Europe/Paris"]);
    let talks: serde_json::Value = serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap();
    assert_eq!(talks[0]["start"], "2025-05-12T10:00:00+02:00");
    assert_eq!(talks[0]["end"], serde_json::Value::Null);
}
