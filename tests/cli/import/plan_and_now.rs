//! The errors of `plan` and `add --now`: unknown or ambiguous references, no talk or several.

use insta::assert_snapshot;

use super::{DEBCONF, ROMHACK, import_fresh, ok_at};
use crate::common::{TestEnv, fails_without_change};

/// Like `fails_without_change`, with NOTES_NOW set to `now`.
fn fails_at(env: &TestEnv, now: &str, args: &[&str], code: i32) -> String {
    let before = env.files();
    let output = env.cmd(args).env("NOTES_NOW", now).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{}", env.describe(&output));
    assert!(env.files() == before, "a file changed, appeared or vanished");
    env.describe(&output)
}

#[test]
fn plan_an_unknown_or_ambiguous_reference() {
    let (env, _) = import_fresh(ROMHACK, None);
    assert_snapshot!("plan_unknown", fails_without_change(&env, &["plan", "zzzz"], 1));
    // 5642155c… and 56d822d2…: their references are 5642 and 56d8.
    assert_snapshot!("plan_ambiguous", fails_without_change(&env, &["plan", "56"], 1));
    // One bad reference among good ones: nothing is planned.
    fails_without_change(&env, &["plan", "5642", "zzzz"], 1);
    assert_eq!(env.ok(["plan", "56d8"]), "Planned #1 Community CTF by fibonhack - Award Ceremony\n");
}

#[test]
fn add_now_without_a_programme() {
    let env = TestEnv::new();
    env.kubecon();
    assert_snapshot!("add_now_no_programme", fails_without_change(&env, &["add", "--now", "Hall 7"], 1));
}

#[test]
fn add_now_with_no_match_or_several() {
    let (env, _) = import_fresh(DEBCONF, None);
    // 11:35 in Kochi on day 1: three talks under way, in three rooms.
    let now = "2023-09-10T11:35:00+05:30";
    assert_snapshot!("add_now_no_match", fails_at(&env, now, &["add", "--now", "Main Hall"], 1));
    assert_snapshot!("add_now_several", fails_at(&env, now, &["add", "--now"], 1));
    assert_eq!(ok_at(&env, now, &["add", "--now", "Kuthiran"]), "Added #1 Why Debian, from the schedule: jot away.\n");
}

/// At 09:50 the keynote of Salle A (09:00–09:55) is under way and the next
/// talk of Salle A starts at 10:00: the room names the keynote.
#[test]
fn add_now_in_a_room_takes_the_talk_under_way_over_the_next_one() {
    let env = TestEnv::new();
    let longer_keynote = super::SCHEDULE_V1.replacen("\"duration\": \"00:30\"", "\"duration\": \"00:55\"", 1);
    super::write(&env, "s.json", longer_keynote);
    env.ok(["import", "s.json"]);
    assert_eq!(
        ok_at(&env, "2025-05-12T09:50:00+02:00", &["add", "--now", "salle a"]),
        "Added #1 Keynote d'ouverture, from the schedule: jot away.\n"
    );
}

/// At 10:05 two talks are under way; the one I planned is the one I am in.
#[test]
fn add_now_alone_takes_the_one_planned_talk_under_way() {
    let env = TestEnv::new();
    super::write(&env, "s.json", super::SCHEDULE_V1);
    env.ok(["import", "s.json"]);
    env.ok(["plan", "c3c3"]);
    assert_eq!(
        ok_at(&env, "2025-05-12T10:05:00+02:00", &["add", "--now"]),
        "Now attending #1 Observabilité sans douleur: jot away.\n"
    );
}
