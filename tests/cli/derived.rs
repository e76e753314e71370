//! A session's day and its start time never contradict each other: when
//! the event's dates move, sessions and day notes keep their date; when a
//! session moves to another day, its times move with it; a schedule's
//! talks take their day from their start time.

use serde_json::Value;

use crate::common::{TestEnv, fails_without_change};

fn session(env: &TestEnv, id: u32) -> Value {
    serde_json::from_str(&env.ok(["show", &id.to_string(), "--json"])).unwrap()
}

/// The test event (2024-03-19 to 22, Paris) with a keynote on Wednesday,
/// day 2, at 09:00, and day 2's label.
fn wednesday_keynote() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Opening keynote", "-k", "keynote", "-d", "2", "--at", "09:00", "--end", "09:20"]);
    env.ok(["add", "Untimed chat", "-k", "networking", "-d", "3"]);
    env.ok(["day", "2", "--label", "Mercredi des keynotes"]);
    env
}

#[test]
fn moving_the_first_day_keeps_every_session_and_day_note_on_its_date() {
    let env = wednesday_keynote();
    env.ok(["event", "edit", "--start", "2024-03-18"]);
    let keynote = session(&env, 1);
    assert_eq!(keynote["day"], 3, "Wednesday is day 3 of an event that starts on Monday");
    assert_eq!(keynote["start"], "2024-03-20T09:00:00+01:00");
    assert_eq!(session(&env, 2)["day"], 4, "an untimed session keeps its date too");
    let shown = env.ok(["show", "1"]);
    assert!(shown.contains("Day 3 (Mercredi des keynotes) · Wednesday 20 March 2024"), "{shown}");
    let post = env.ok(["export", "md", "--day", "3"]);
    assert!(post.contains("Opening keynote") && post.contains("Mercredi des keynotes"), "{post}");
    // And back: the same file as before, but for the event's start.
    env.ok(["event", "edit", "--start", "2024-03-19"]);
    assert_eq!(session(&env, 1)["day"], 2);
    assert!(env.ok(["day", "2"]).contains("Mercredi des keynotes"));
}

#[test]
fn a_date_change_that_would_strand_a_day_note_changes_nothing() {
    let env = wednesday_keynote();
    env.ok(["rm", "1", "--yes"]);
    env.ok(["rm", "2", "--yes"]);
    let shown = fails_without_change(&env, &["event", "edit", "--start", "2024-03-21"], 1);
    assert!(shown.contains("the day's notes (day 2, 2024-03-20) would fall outside the new dates"), "{shown}");
}

#[test]
fn moving_a_session_to_another_day_moves_its_times() {
    let env = wednesday_keynote();
    env.ok(["edit", "1", "--day", "3"]);
    let keynote = session(&env, 1);
    assert_eq!(keynote["day"], 3);
    assert_eq!(keynote["start"], "2024-03-21T09:00:00+01:00");
    assert_eq!(keynote["end"], "2024-03-21T09:20:00+01:00");
    // A new time on the new day, in one command.
    env.ok(["edit", "1", "--day", "4", "--at", "10:00", "--end", "10:30"]);
    let keynote = session(&env, 1);
    assert_eq!(keynote["day"], 4);
    assert_eq!(keynote["start"], "2024-03-22T10:00:00+01:00");
    assert_eq!(keynote["end"], "2024-03-22T10:30:00+01:00");
}

#[test]
fn a_day_and_a_dated_time_that_disagree_are_refused() {
    let env = wednesday_keynote();
    let shown = fails_without_change(&env, &["add", "Talk", "-d", "2", "--at", "2024-03-21T10:00"], 1);
    assert!(shown.contains("--day 2 and --at (on day 3) disagree"), "{shown}");
    fails_without_change(&env, &["edit", "1", "-d", "2", "--at", "2024-03-21T10:00"], 1);
}

/// A schedule's talks follow the event's dates: shortening the event
/// below them leaves them out of the schedule instead of breaking it.
#[test]
fn a_schedule_follows_the_events_dates() {
    let env = TestEnv::new();
    env.kubecon();
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
               BEGIN:VEVENT\r\nUID:wed\r\nSUMMARY:Wednesday talk\r\nDTSTART:20240320T090000Z\r\nEND:VEVENT\r\n\
               BEGIN:VEVENT\r\nUID:fri\r\nSUMMARY:Friday talk\r\nDTSTART:20240322T090000Z\r\nEND:VEVENT\r\n\
               END:VCALENDAR\r\n";
    let file = env.root.path().join("talks.ics");
    std::fs::write(&file, ics).unwrap();
    env.ok(["import", file.to_str().unwrap()]);
    let talks = |env: &TestEnv| -> Vec<(String, i64)> {
        let all: Value = serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap();
        all.as_array()
            .unwrap()
            .iter()
            .map(|t| (t["title"].as_str().unwrap().into(), t["day"].as_i64().unwrap()))
            .collect()
    };
    assert_eq!(talks(&env), [("Wednesday talk".into(), 2), ("Friday talk".into(), 4)]);
    env.ok(["event", "edit", "--start", "2024-03-18"]);
    assert_eq!(talks(&env), [("Wednesday talk".into(), 3), ("Friday talk".into(), 5)]);
    env.ok(["event", "edit", "--end", "2024-03-21"]);
    assert_eq!(talks(&env), [("Wednesday talk".into(), 3)]);
    // Every command that reads the schedule still works.
    env.ok(["plan", "wed"]);
    let shown = env.transcript(["import", file.to_str().unwrap()]);
    assert!(shown.starts_with("exit: 0\n"), "{shown}");
}
