//! Planning the day: overlaps, unplanning, and the plan on the programme.

use serde_json::Value;

use super::{journees_rust, ok_at};
use crate::common::fails_without_change;

const MORNING: &str = "2025-05-12T08:00:00+02:00";

#[test]
fn planning_two_talks_at_once_warns_and_plans_both() {
    let env = journees_rust();
    let transcript = env.transcript(["plan", "b2b2", "c3c3"]);
    assert_eq!(
        transcript,
        "exit: 0\n--- stdout\nPlanned #1 Rust à l'échelle\nPlanned #2 Observabilité sans douleur\n--- stderr\n\
         warning: #1 Rust à l'échelle overlaps #2 Observabilité sans douleur (10:00–10:45, Salle B)\n"
    );
    assert_eq!(env.ok(["plan", "c3c3"]), "#2 Observabilité sans douleur is already planned\n");
}

#[test]
fn planning_a_talk_already_attended_says_so() {
    let env = journees_rust();
    ok_at(&env, "2025-05-12T10:05:00+02:00", &["add", "--now", "salle b"]);
    assert_eq!(env.ok(["plan", "c3c3"]), "#1 Observabilité sans douleur is already attended: it stays so\n");
    let shown: Value = serde_json::from_str(&env.ok(["show", "1", "--json"])).unwrap();
    assert_eq!(shown["status"], "attended");
}

#[test]
fn unplan_removes_the_copy_and_only_the_copy() {
    let env = journees_rust();
    ok_at(&env, MORNING, &["plan", "b2b2", "c3c3", "d4d4"]);
    ok_at(&env, MORNING, &["jot", "-i", "2", "read the abstract first"]);
    assert_eq!(env.ok(["unplan", "b2b2"]), "Unplanned #1 Rust à l'échelle\n");
    // Notes of mine: nothing changes, whatever else was asked.
    let refused = fails_without_change(&env, &["unplan", "d4d4", "c3c3"], 1);
    assert!(refused.contains("#2 Observabilité sans douleur holds notes of yours"), "{refused}");
    assert!(refused.contains("notes rm 2"), "{refused}");
    let not_planned = fails_without_change(&env, &["unplan", "a1a1"], 1);
    assert!(not_planned.contains("Keynote d'ouverture is not planned"), "{not_planned}");
    fails_without_change(&env, &["unplan", "zzzz"], 1);
    // The current session (#2, jotted into) is forgotten only if removed.
    assert_eq!(env.ok(["unplan", "d4d4"]), "Unplanned #3 Atelier eBPF\n");
    assert_eq!(ok_at(&env, MORNING, &["jot", "still here"]), "Jotted to #2 Observabilité sans douleur\n");
}

#[test]
fn the_plan_on_the_programme_is_only_what_was_planned() {
    let env = journees_rust();
    env.ok(["plan", "c3c3"]);
    let planned = env.ok(["list", "--schedule", "--status", "planned"]);
    assert!(planned.contains("Observabilité") && !planned.contains("Keynote"), "{planned}");
    let talks: Value = serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap();
    let by_ref = |r: &str| talks.as_array().unwrap().iter().find(|t| t["reference"] == r).unwrap().clone();
    let (picked, other) = (by_ref("c3c3"), by_ref("a1a1"));
    assert_eq!((&picked["id"], &picked["status"]), (&Value::from(1), &Value::from("planned")));
    assert_eq!((&other["id"], &other["status"]), (&Value::Null, &Value::Null));
}
