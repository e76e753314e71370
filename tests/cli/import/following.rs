//! Where a note goes when the person names no session: the talk under way
//! that they planned, the current session, or the day's loose notes; and
//! planned talks that become attended once noted.

use serde_json::Value;

use super::{journees_rust, ok_at, on_day_1};
use crate::common::TestEnv;

/// `notes show ID --json`.
fn session(env: &TestEnv, id: u32) -> Value {
    serde_json::from_str(&env.ok(["show", &id.to_string(), "--json"])).unwrap()
}

/// Runs at `now`; returns (stdout, stderr), expecting success.
fn run_at(env: &TestEnv, now: &str, args: &[&str]) -> (String, String) {
    let output = env.cmd(args).env("NOTES_NOW", now).output().unwrap();
    assert!(output.status.success(), "{}", env.describe(&output));
    (String::from_utf8(output.stdout).unwrap(), String::from_utf8(output.stderr).unwrap())
}

#[test]
fn a_jot_after_the_talk_ended_goes_to_the_planned_talk_under_way() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("08:00"), &["plan", "c3c3"]);
    assert_eq!(
        ok_at(&env, &on_day_1("09:02"), &["add", "--now", "salle a"]),
        "Added #2 Keynote d'ouverture, from the schedule: jot away.\n"
    );
    ok_at(&env, &on_day_1("09:10"), &["jot", "Welcome words"]);
    // 10:05: the keynote is over and the planned talk has begun; no command between.
    assert_eq!(
        ok_at(&env, &on_day_1("10:05"), &["jot", "Traces first"]),
        "Jotted to #1 Observabilité sans douleur (planned, under way: now current, attended)\n"
    );
    ok_at(&env, &on_day_1("10:20"), &["jot", "Then metrics"]);
    let (keynote, planned) = (session(&env, 2), session(&env, 1));
    assert_eq!(keynote["notes"], "- Welcome words\n");
    assert_eq!(planned["notes"], "- Traces first\n- Then metrics\n");
    assert_eq!(planned["status"], "attended");
}

#[test]
fn planning_does_not_change_the_current_session() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("09:02"), &["add", "--now", "salle a"]);
    ok_at(&env, &on_day_1("09:05"), &["plan", "d4d4"]);
    assert_eq!(ok_at(&env, &on_day_1("09:06"), &["jot", "still the keynote"]), "Jotted to #1 Keynote d'ouverture\n");
}

#[test]
fn a_jot_with_no_current_session_is_kept_in_the_day_s_loose_notes() {
    let env = journees_rust();
    let (out, _) = run_at(&env, &on_day_1("12:30"), &["jot", "Lunch: the Rust Paris meetup restarts in June"]);
    assert_eq!(
        out,
        "No session is current: jotted to #1 Loose notes. `notes add` picks the talk; `notes edit 1` moves the \
         text to it.\n"
    );
    // The next one joins it, whatever the language; nothing became current.
    run_at(&env, &on_day_1("12:40"), &["--lang", "fr", "jot", "Café : parler à Zoé"]);
    let loose = session(&env, 1);
    assert_eq!(loose["notes"], "- Lunch: the Rust Paris meetup restarts in June\n- Café : parler à Zoé\n");
    assert_eq!((&loose["kind"], &loose["day"]), (&Value::from("other"), &Value::from(1)));
    let verdict = env.cmd(["verdict", "meh"]).env("NOTES_NOW", on_day_1("12:45")).output().unwrap();
    assert_eq!(verdict.status.code(), Some(1), "{}", env.describe(&verdict));
    // Another day has its own, titled in the language of the day it was made.
    let (out, _) = run_at(&env, "2025-05-13T09:00:00+02:00", &["--lang", "fr", "jot", "Jour 2"]);
    assert!(out.contains("#2 Notes en vrac"), "{out}");
    assert_eq!(session(&env, 2)["day"], 2);
}

#[test]
fn a_jot_long_after_the_current_session_says_how_to_switch() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("09:02"), &["add", "--now", "salle a"]);
    let (out, err) = run_at(&env, &on_day_1("11:00"), &["jot", "late thought"]);
    assert_eq!(out, "Jotted to #1 Keynote d'ouverture\n");
    assert!(err.contains("#1 ended at 09:30") && err.contains("notes add --now"), "{err}");
    let (_, err) = run_at(&env, "2025-05-13T09:00:00+02:00", &["jot", "next morning"]);
    assert!(err.contains("#1 is a session of day 1"), "{err}");
    // Just after it ended, no word: the last thought about a talk is common.
    let (_, err) = run_at(&env, &on_day_1("09:40"), &["jot", "one more"]);
    assert_eq!(err, "");
    assert_eq!(session(&env, 1)["notes"], "- late thought\n- next morning\n- one more\n");
}

#[test]
fn a_note_or_a_verdict_on_a_planned_talk_under_way_marks_it_attended() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("08:00"), &["plan", "c3c3", "d4d4"]);
    // Before its time: a note to prepare stays planned.
    ok_at(&env, &on_day_1("08:05"), &["jot", "-i", "1", "read the abstract"]);
    assert_eq!(session(&env, 1)["status"], "planned");
    assert_eq!(
        ok_at(&env, &on_day_1("10:10"), &["verdict", "1", "top"]),
        "#1 Observabilité sans douleur: Must-see (now attended)\n"
    );
    assert_eq!(session(&env, 1)["status"], "attended");
    assert_eq!(session(&env, 2)["status"], "planned");
}

#[test]
fn a_verdict_on_an_earlier_talk_leaves_the_current_session() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("09:02"), &["add", "--now", "salle a"]);
    ok_at(&env, &on_day_1("10:02"), &["add", "--now", "salle b"]);
    ok_at(&env, &on_day_1("10:05"), &["verdict", "1", "good"]);
    assert_eq!(ok_at(&env, &on_day_1("10:06"), &["jot", "traces"]), "Jotted to #2 Observabilité sans douleur\n");
    assert_eq!(session(&env, 1)["verdict"]["key"], "good");
}

#[test]
fn a_programme_title_typed_in_add_links_the_talk() {
    let env = journees_rust();
    assert_eq!(
        ok_at(&env, &on_day_1("10:05"), &["add", "observabilité SANS douleur", "-t", "otel"]),
        "Added #1 Observabilité sans douleur, from the schedule: jot away.\n"
    );
    let linked = session(&env, 1);
    assert_eq!(
        (&linked["room"], &linked["schedule_id"]),
        (&Value::from("Salle B"), &Value::from("c3c3c3c3-0000-4000-8000-000000000003"))
    );
    assert_eq!(linked["tags"], serde_json::json!(["otel"]));
    // Again: the same session, not a copy.
    assert_eq!(
        ok_at(&env, &on_day_1("10:06"), &["add", "Observabilité sans douleur"]),
        "Now attending #1 Observabilité sans douleur: jot away.\n"
    );
    // Not on the day asked, or not the whole title: a session of its own.
    assert_eq!(
        ok_at(&env, &on_day_1("10:07"), &["add", "Atelier eBPF", "--day", "1"]),
        "Added #2 to journees-rust-2025, day 1: Atelier eBPF\n"
    );
    assert_eq!(
        ok_at(&env, &on_day_1("10:08"), &["add", "Observabilité"]),
        "Added #3 to journees-rust-2025, day 1: Observabilité\n"
    );
    assert!(session(&env, 2)["schedule_id"].is_null());
}

/// A programme file that no longer reads (cut short by a disk full, edited
/// by hand) never stops the minute in the room: `add TITLE`, `jot` and
/// `now` go on, `now` saying the programme is left out.
#[test]
fn a_broken_programme_never_stops_a_note() {
    let env = journees_rust();
    let schedule = env.journal().join("journees-rust-2025.schedule.toml");
    std::fs::write(&schedule, "[[talks]\ntitle = ").unwrap();
    assert_eq!(
        ok_at(&env, &on_day_1("10:05"), &["add", "Observabilité sans douleur"]),
        "Added #1 to journees-rust-2025, day 1: Observabilité sans douleur\n"
    );
    ok_at(&env, &on_day_1("10:06"), &["jot", "traces first"]);
    let (now, warning) = run_at(&env, &on_day_1("10:07"), &["now"]);
    assert!(now.contains("#1 Observabilité sans douleur"), "{now}");
    assert!(warning.contains("the programme cannot be read"), "{warning}");
}
