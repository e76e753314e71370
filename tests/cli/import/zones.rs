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

/// A pretalx-shaped schedule that names no zone: day dates and local
/// starts only.
const ZONELESS_JSON: &str = r#"{"schedule": {"version": "1", "conference": {
  "acronym": "rmll", "title": "Rencontres sans fuseau", "start": "2025-05-12", "end": "2025-05-12",
  "days": [{ "index": 1, "date": "2025-05-12", "rooms": { "Amphi": [
    { "guid": "f1-0000", "start": "10:00", "duration": "00:45", "room": "Amphi",
      "title": "Un talk à dix heures", "type": "Talk", "persons": [] }
  ] } }] }}}"#;

/// A calendar whose times are floating: no Z, no TZID, no X-WR-TIMEZONE.
const FLOATING_ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Journée flottante\r\n\
BEGIN:VEVENT\r\nUID:float-1\r\nSUMMARY:Ten o'clock talk\r\nDTSTART:20250512T100000\r\nDTEND:20250512T104500\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

fn first_talk_start(env: &TestEnv) -> String {
    let talks: Value = serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap();
    talks[0]["start"].as_str().unwrap().to_string()
}

/// Times the file gives without a zone are wall-clock times: setting the
/// event's zone afterwards keeps every talk at its hour, in the programme
/// and in the journal.
#[test]
fn times_without_a_zone_stay_at_their_hour_when_the_zone_is_set_later() {
    for (file, body, tz) in [("s.json", ZONELESS_JSON, None), ("s.ics", FLOATING_ICS, Some("Europe/Paris"))] {
        let env = TestEnv::new();
        super::write(&env, file, body);
        let mut import = vec!["import", file];
        import.extend(tz.iter().flat_map(|tz| ["--tz", *tz]));
        env.ok(import);
        let before = first_talk_start(&env);
        assert!(before.starts_with("2025-05-12T10:00:00"), "{file}: {before}");
        let reference =
            env.ok(["list", "--schedule"]).lines().nth(2).unwrap().split_whitespace().next().unwrap().to_string();
        env.ok(["plan", &reference]);
        let slug = env.ok(["event", "list", "--json"]);
        let slug: Value = serde_json::from_str(&slug).unwrap();
        let slug = slug[0]["slug"].as_str().unwrap().to_string();
        assert!(
            env.event_file(&slug).contains("at = 2025-05-12T10:00:00\n"),
            "stored as a wall-clock time:\n{}",
            env.event_file(&slug)
        );

        env.ok(["event", "edit", "--tz", "America/New_York"]);
        assert_eq!(first_talk_start(&env), "2025-05-12T10:00:00-04:00", "{file}");
        let mine: Value = serde_json::from_str(&env.ok(["show", "1", "--json"])).unwrap();
        assert_eq!(mine["start"], "2025-05-12T10:00:00-04:00", "{file}");
        assert_eq!(mine["end"], "2025-05-12T10:45:00-04:00", "{file}");
    }
}
