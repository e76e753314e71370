//! `notes import` end to end: the six real schedules of tests/fixtures/schedules
//! (report, number of talks, talks field by field), re-imports that change
//! nothing, a schedule that changes under the user's notes, files that are not
//! schedules, and the errors of `plan` and `add --now`.
//!
//! Expected times were worked out by hand from the raw files: Sched and Kielux
//! give UTC (`DTSTART:20260324T080000Z` is 09:00 in Amsterdam in March 2026,
//! `20200918T120000Z` is 14:00 in Berlin in September 2020); DebConf's `date`
//! is UTC while its venue is in Kolkata (+05:30); the others carry offsets.

mod browsing;
mod changing_schedule;
mod fixtures;
mod following;
mod glance;
mod identity;
mod not_schedules;
mod plan_and_now;
mod planning;
mod regressions;
mod reimport;
mod replayed_day;
mod zones;

use std::fs;

use serde_json::Value;

use crate::common::TestEnv;

macro_rules! fixture {
    ($name:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/", $name)
    };
}

pub(super) const SCHED: &str = fixture!("sched_kccnceu2026_all.ics");
pub(super) const KIELUX: &str = fixture!("giggity_kielux_2020.ics");
pub(super) const DEMOCON: &str = fixture!("voc_pretalx-democon.json");
pub(super) const CAMP: &str = fixture!("voc_frab-camp2019.json");
pub(super) const DEBCONF: &str = fixture!("giggity_debconf23.xml");
pub(super) const ROMHACK: &str = fixture!("pretalx_romhack_camp_2026.xml");

/// `notes import FILE [--tz ZONE]` in a fresh journal; the transcript must
/// show success.
pub(super) fn import_fresh(file: &str, tz: Option<&str>) -> (TestEnv, String) {
    let env = TestEnv::new();
    let transcript = env.transcript(import_args(file, tz));
    assert!(transcript.starts_with("exit: 0\n"), "{transcript}");
    (env, transcript)
}

pub(super) fn import_args<'a>(file: &'a str, tz: Option<&'a str>) -> Vec<&'a str> {
    let mut args = vec!["import", file];
    if let Some(tz) = tz {
        args.extend(["--tz", tz]);
    }
    args
}

/// The programme as `notes list --schedule --json` prints it.
pub(super) fn programme(env: &TestEnv) -> Vec<Value> {
    match serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap() {
        Value::Array(talks) => talks,
        other => panic!("not a JSON array: {other}"),
    }
}

pub(super) fn find<'a>(talks: &'a [Value], schedule_id: &str) -> &'a Value {
    talks.iter().find(|t| t["schedule_id"] == schedule_id).unwrap_or_else(|| panic!("no talk {schedule_id}"))
}

pub(super) fn slug_file(env: &TestEnv, name: &str) -> Vec<u8> {
    fs::read(env.journal().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Runs with NOTES_NOW set to `now`; expects success.
pub(super) fn ok_at(env: &TestEnv, now: &str, args: &[&str]) -> String {
    let output = env.cmd(args).env("NOTES_NOW", now).output().unwrap();
    assert!(output.status.success(), "{}", env.describe(&output));
    String::from_utf8(output.stdout).unwrap()
}

pub(super) fn write(env: &TestEnv, name: &str, bytes: impl AsRef<[u8]>) {
    fs::write(env.root.path().join(name), bytes).unwrap();
}

/// A small pretalx schedule.json, "Journées Rust 2025" (four talks over two
/// days): the first version of the schedule that changes, and a valid
/// schedule for the tests of files that are not.
pub(super) const SCHEDULE_V1: &str = r#"{
  "$schema": "https://c3voc.de/schedule/schema.json",
  "generator": { "name": "pretalx", "version": "2025.1.0" },
  "schedule": {
    "version": "0.1",
    "conference": {
      "acronym": "jr2025", "title": "Journées Rust 2025", "start": "2025-05-12", "end": "2025-05-13",
      "daysCount": 2, "timeslot_duration": "00:05", "time_zone_name": "Europe/Paris",
      "days": [
        { "index": 1, "date": "2025-05-12", "day_start": "2025-05-12T04:00:00+02:00", "day_end": "2025-05-13T03:59:00+02:00",
          "rooms": {
            "Salle A": [
              { "guid": "a1a1a1a1-0000-4000-8000-000000000001", "code": "AAAAAA", "id": 1,
                "date": "2025-05-12T09:00:00+02:00", "start": "09:00", "duration": "00:30", "room": "Salle A",
                "title": "Keynote d'ouverture", "subtitle": "", "track": null, "type": "Keynote", "language": "fr",
                "abstract": "Bienvenue !", "persons": [{ "code": "P1", "name": "Camille Martin", "public_name": "Camille Martin" }],
                "links": [], "url": "https://example.org/jr2025/talk/AAAAAA/" },
              { "guid": "b2b2b2b2-0000-4000-8000-000000000002", "code": "BBBBBB", "id": 2,
                "date": "2025-05-12T10:00:00+02:00", "start": "10:00", "duration": "00:45", "room": "Salle A",
                "title": "Rust à l'échelle", "subtitle": "", "track": "Langage", "type": "Talk", "language": "fr",
                "abstract": "", "persons": [{ "code": "P2", "name": "Zoé Dupré", "public_name": "Zoé Dupré" }],
                "links": [], "url": "https://example.org/jr2025/talk/BBBBBB/" }
            ],
            "Salle B": [
              { "guid": "c3c3c3c3-0000-4000-8000-000000000003", "code": "CCCCCC", "id": 3,
                "date": "2025-05-12T10:00:00+02:00", "start": "10:00", "duration": "00:45", "room": "Salle B",
                "title": "Observabilité sans douleur", "subtitle": "", "track": "Ops", "type": "Talk", "language": "fr",
                "abstract": "", "persons": [{ "code": "P3", "name": "Jürgen Groß", "public_name": "Jürgen Groß" }],
                "links": [], "url": "https://example.org/jr2025/talk/CCCCCC/" }
            ]
          } },
        { "index": 2, "date": "2025-05-13", "day_start": "2025-05-13T04:00:00+02:00", "day_end": "2025-05-14T03:59:00+02:00",
          "rooms": {
            "Salle B": [
              { "guid": "d4d4d4d4-0000-4000-8000-000000000004", "code": "DDDDDD", "id": 4,
                "date": "2025-05-13T14:00:00+02:00", "start": "14:00", "duration": "01:30", "room": "Salle B",
                "title": "Atelier eBPF", "subtitle": "", "track": "Ops", "type": "Workshop", "language": "fr",
                "abstract": "", "persons": [{ "code": "P4", "name": "Ana Silva", "public_name": "Ana Silva" }],
                "links": [], "url": "https://example.org/jr2025/talk/DDDDDD/" }
            ]
          } }
      ]
    }
  }
}
"#;

/// Journées Rust 2025 (SCHEDULE_V1) imported into a fresh journal. Day 1,
/// 12 May 2025 in Paris: Salle A 09:00–09:30 keynote (a1a1) and 10:00–10:45
/// "Rust à l'échelle" (b2b2); Salle B 10:00–10:45 "Observabilité sans
/// douleur" (c3c3). Day 2: Salle B 14:00–15:30 "Atelier eBPF" (d4d4).
pub(super) fn journees_rust() -> TestEnv {
    let env = TestEnv::new();
    write(&env, "s.json", SCHEDULE_V1);
    env.ok(["import", "s.json"]);
    env
}

/// `time` (HH:MM) on day 1 of Journées Rust, in Paris.
pub(super) fn on_day_1(time: &str) -> String {
    format!("2025-05-12T{time}:00+02:00")
}
