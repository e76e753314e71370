//! Which time zone an import puts an event in: a calendar that says UTC
//! (Sched) is not believed until its places have been looked at, and
//! `--tz` on an existing event sets its zone.

use serde_json::Value;

use super::SCHED;
use crate::common::TestEnv;

const SLUG: &str = "kubecon-cloudnativecon-europe-2026";

fn opening_keynote(env: &TestEnv) -> String {
    let talks: Value =
        serde_json::from_str(&env.ok(["list", "--schedule", "--json", "--day", "3", "--kind", "keynote"])).unwrap();
    talks[0]["start"].as_str().unwrap().to_string()
}

#[test]
fn a_sched_calendar_in_utc_takes_the_zone_of_the_city_its_places_name() {
    let env = TestEnv::new();
    let shown = env.transcript(["import", SCHED]);
    assert!(
        shown.contains("Time zone: Europe/Amsterdam, the zone of the city the schedule's places name (pass --tz to choose another)."),
        "{shown}"
    );
    assert!(
        shown.contains("Created event kubecon-cloudnativecon-europe-2026 (2026-03-22 → 2026-03-27, Europe/Amsterdam)"),
        "{shown}"
    );
    assert_eq!(opening_keynote(&env), "2026-03-24T09:00:00+01:00");
}

#[test]
fn tz_on_an_existing_event_sets_its_zone_and_without_it_says_how() {
    let env = TestEnv::new();
    env.ok([
        "event",
        "add",
        "KubeCon + CloudNativeCon Europe 2026",
        "--start",
        "2026-03-22",
        "--end",
        "2026-03-27",
        "--tz",
        "UTC",
    ]);
    let shown = env.transcript(["import", SCHED]);
    assert!(
        shown.contains(&format!("warning: {SLUG} is in UTC, but the schedule's places are in Europe/Amsterdam: `notes import {SCHED} --tz Europe/Amsterdam` sets the event's zone")),
        "{shown}"
    );
    assert_eq!(opening_keynote(&env), "2026-03-24T08:00:00+00:00");
    let shown = env.transcript(["import", SCHED, "--tz", "Europe/Amsterdam"]);
    assert!(shown.contains(&format!("The time zone of {SLUG} is now Europe/Amsterdam (it was UTC).")), "{shown}");
    assert_eq!(opening_keynote(&env), "2026-03-24T09:00:00+01:00");
    assert!(env.event_file(SLUG).contains("timezone = \"Europe/Amsterdam\""));
}

/// `--tz` is part of the import: an import that is refused sets no zone.
#[test]
fn a_refused_import_sets_no_zone() {
    let env = TestEnv::new();
    env.ok([
        "event",
        "add",
        "KubeCon + CloudNativeCon Europe 2026",
        "--start",
        "2027-03-22",
        "--end",
        "2027-03-27",
        "--tz",
        "UTC",
    ]);
    let shown = crate::common::fails_without_change(&env, &["import", SCHED, "--tz", "Europe/Amsterdam"], 1);
    assert!(shown.contains("none of the 596 talks falls within"), "{shown}");
}
