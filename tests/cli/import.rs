//! `notes import` end to end: the six real schedules of tests/fixtures/schedules
//! (report, number of talks, talks field by field), re-imports that change
//! nothing, a schedule that changes under the user's notes, files that are not
//! schedules, and the errors of `plan` and `add --now`.
//!
//! Expected times were worked out by hand from the raw files: Sched and Kielux
//! give UTC (`DTSTART:20260324T080000Z` is 09:00 in Amsterdam in March 2026,
//! `20200918T120000Z` is 14:00 in Berlin in September 2020); DebConf's `date`
//! is UTC while its venue is in Kolkata (+05:30); the others carry offsets.

use std::fs;
use std::time::{Duration, Instant};

use insta::assert_snapshot;
use serde_json::{Value, json};

use crate::common::{TestEnv, fails_without_change};

macro_rules! fixture {
    ($name:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/", $name)
    };
}

const SCHED: &str = fixture!("sched_kccnceu2026_all.ics");
const KIELUX: &str = fixture!("giggity_kielux_2020.ics");
const DEMOCON: &str = fixture!("voc_pretalx-democon.json");
const CAMP: &str = fixture!("voc_frab-camp2019.json");
const DEBCONF: &str = fixture!("giggity_debconf23.xml");
const ROMHACK: &str = fixture!("pretalx_romhack_camp_2026.xml");

// ---------------------------------------------------------------- helpers

/// `notes import FILE [--tz ZONE]` in a fresh journal; the transcript must
/// show success.
fn import_fresh(file: &str, tz: Option<&str>) -> (TestEnv, String) {
    let env = TestEnv::new();
    let transcript = env.transcript(import_args(file, tz));
    assert!(transcript.starts_with("exit: 0\n"), "{transcript}");
    (env, transcript)
}

fn import_args<'a>(file: &'a str, tz: Option<&'a str>) -> Vec<&'a str> {
    let mut args = vec!["import", file];
    if let Some(tz) = tz {
        args.extend(["--tz", tz]);
    }
    args
}

/// The programme as `notes list --schedule --json` prints it.
fn programme(env: &TestEnv) -> Vec<Value> {
    match serde_json::from_str(&env.ok(["list", "--schedule", "--json"])).unwrap() {
        Value::Array(talks) => talks,
        other => panic!("not a JSON array: {other}"),
    }
}

fn find<'a>(talks: &'a [Value], schedule_id: &str) -> &'a Value {
    talks.iter().find(|t| t["schedule_id"] == schedule_id).unwrap_or_else(|| panic!("no talk {schedule_id}"))
}

/// What one talk must look like in `list --schedule --json`.
struct Expected<'a> {
    id: &'a str,
    day: u64,
    title: &'a str,
    kind: &'a str,
    start: &'a str,
    end: &'a str,
    room: &'a str,
    speakers: Value,
}

fn check(talks: &[Value], expected: &Expected<'_>) -> Value {
    let talk = find(talks, expected.id);
    let id = expected.id;
    assert_eq!(talk["title"], expected.title, "title of {id}");
    assert_eq!(talk["day"], expected.day, "day of {id}");
    assert_eq!(talk["kind"], expected.kind, "kind of {id}");
    assert_eq!(talk["start"], expected.start, "start of {id}");
    assert_eq!(talk["end"], expected.end, "end of {id}");
    assert_eq!(talk["room"], expected.room, "room of {id}");
    assert_eq!(talk["speakers"], expected.speakers, "speakers of {id}");
    assert_eq!(talk["status"], "planned", "status of {id}");
    assert_eq!(talk["id"], 0, "a programme talk is not a session of the user: {id}");
    talk.clone()
}

/// No imported text keeps a carriage return, an HTML tag or an entity.
fn check_clean_text(talks: &[Value]) {
    for talk in talks {
        for field in ["title", "abstract", "room"] {
            let text = talk[field].as_str().unwrap_or("");
            assert!(!text.contains('\r'), "CR in {field} of {}: {text:?}", talk["schedule_id"]);
            for leftover in ["&nbsp;", "&amp;", "&quot;", "&apos;", "&#", "<i>", "<p>", "<br"] {
                assert!(!text.contains(leftover), "{leftover} in {field} of {}: {text:?}", talk["schedule_id"]);
            }
        }
    }
}

fn slug_file(env: &TestEnv, name: &str) -> Vec<u8> {
    fs::read(env.journal().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Imports `file`, plans one talk, imports it again: the report says nothing
/// changed and neither the programme nor the user's file moved by a byte.
fn reimport_changes_nothing(file: &str, tz: Option<&str>, slug: &str, talks: usize, planned: &str) {
    let (env, _) = import_fresh(file, tz);
    env.ok(["plan", planned]);
    let programme_file = format!("{slug}.schedule.toml");
    let user_file = format!("{slug}.toml");
    let (programme_before, user_before) = (slug_file(&env, &programme_file), slug_file(&env, &user_file));
    let before = env.files();

    let output = env.cmd(import_args(file, tz)).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", env.describe(&output));
    let name = file.rsplit('/').next().unwrap();
    let format = match name.rsplit('.').next().unwrap() {
        "ics" => "iCalendar",
        "json" => "schedule.json",
        _ => "schedule.xml",
    };
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "Imported {talks} talks from {name} ({format}) into {slug}: 0 added, 0 updated, {talks} unchanged, 0 removed from schedule.\n"
        )
    );
    assert!(slug_file(&env, &programme_file) == programme_before, "{programme_file} changed");
    assert!(slug_file(&env, &user_file) == user_before, "{user_file} changed");
    assert!(env.files() == before, "another file changed");
}

/// Runs with NOTES_NOW set to `now`; expects success.
fn ok_at(env: &TestEnv, now: &str, args: &[&str]) -> String {
    let output = env.cmd(args).env("NOTES_NOW", now).output().unwrap();
    assert!(output.status.success(), "{}", env.describe(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// Like `fails_without_change`, with NOTES_NOW set to `now`.
fn fails_at(env: &TestEnv, now: &str, args: &[&str], code: i32) -> String {
    let before = env.files();
    let output = env.cmd(args).env("NOTES_NOW", now).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{}", env.describe(&output));
    assert!(env.files() == before, "a file changed, appeared or vanished");
    env.describe(&output)
}

fn write(env: &TestEnv, name: &str, bytes: impl AsRef<[u8]>) {
    fs::write(env.root.path().join(name), bytes).unwrap();
}

// ------------------------------------------------------------ the fixtures

#[test]
fn sched_kubecon_2026() {
    let (env, report) = import_fresh(SCHED, Some("Europe/Amsterdam"));
    assert_snapshot!("sched_report", report);
    let talks = programme(&env);
    assert_eq!(talks.len(), 596);
    check_clean_text(&talks);
    check(
        &talks,
        &Expected {
            id: "6d33234981cf5b14145b63b75fa9e0c0",
            day: 3,
            title: "Keynote: Welcome + Opening Remarks",
            kind: "keynote",
            start: "2026-03-24T09:00:00+01:00",
            end: "2026-03-24T09:35:00+01:00",
            room: "Hall 12",
            speakers: json!([
                { "name": "Jonathan Bryce", "org": "Linux Foundation" },
                { "name": "Chris Aniszczyk", "org": "Linux Foundation" }
            ]),
        },
    );
    let gateway = check(
        &talks,
        &Expected {
            id: "1e73d8927ae16ce79cb6c7acd766edaf",
            day: 3,
            title: "Gateway API: Bridging the Gap from Ingress to the Future",
            kind: "talk",
            start: "2026-03-24T11:15:00+01:00",
            end: "2026-03-24T11:45:00+01:00",
            room: "Amtrium 1+2",
            speakers: json!([
                { "name": "Nick Young", "org": "Isovalent at Cisco" },
                { "name": "James Strong", "org": "Isovalent at Cisco" },
                { "name": "Katarzyna Łach", "org": "Google" },
                { "name": "Rostislav Bobrovsky", "org": "Google" },
                { "name": "Norwin Schnyder", "org": "Airlock" }
            ]),
        },
    );
    assert_eq!(gateway["date"], "2026-03-24");
    assert_eq!(gateway["track"], "MAINTAINER TRACK");
    assert_eq!(
        gateway["links"],
        json!([{ "label": "schedule", "url": "http://kccnceu2026.sched.com/event/1e73d8927ae16ce79cb6c7acd766edaf" }])
    );
    let lightning = check(
        &talks,
        &Expected {
            id: "66847cfdb56b779613428e2214862470",
            day: 4,
            title: "⚡ Lightning Talk: “Naming Things Is Hard”: A Guide to Naming Using Network Science",
            kind: "lightning",
            start: "2026-03-25T16:45:00+01:00",
            end: "2026-03-25T16:50:00+01:00",
            room: "Auditorium",
            speakers: json!([{ "name": "Nick Travaglini", "org": "Honeycomb.io" }]),
        },
    );
    assert_eq!(lightning["track"], "⚡ LIGHTNING TALKS");
    check(
        &talks,
        &Expected {
            id: "e0f37706ca1af72e8a6f22a9c0ddfd69",
            day: 3,
            title: "Coffee Break ☕",
            kind: "other",
            start: "2026-03-24T10:45:00+01:00",
            end: "2026-03-24T11:15:00+01:00",
            room: "Hall 1-5 | Solutions Showcase",
            speakers: json!([]),
        },
    );
    let thanos = find(&talks, "ff7c46fae4184572c0b7e9f7803b6b56");
    assert_eq!(thanos["speakers"], json!([{ "name": "Giedrius Statkevičius", "org": "Vinted" }]));
    assert_eq!(talks.iter().filter(|t| t["kind"] == "keynote").count(), 31);
}

#[test]
fn kielux_2020() {
    let (env, report) = import_fresh(KIELUX, Some("Europe/Berlin"));
    assert_snapshot!("kielux_report", report);
    let talks = programme(&env);
    assert_eq!(talks.len(), 24);
    check_clean_text(&talks);
    let xen = check(
        &talks,
        &Expected {
            id: "467@KOLT20",
            day: 1,
            title: "Xen - ist das nicht tot?",
            kind: "talk",
            start: "2020-09-18T14:00:00+02:00",
            end: "2020-09-18T15:00:00+02:00",
            room: "Ravensberg",
            speakers: json!([{ "name": "Jürgen Groß", "org": null }]),
        },
    );
    let text = xen["abstract"].as_str().unwrap();
    assert!(text.starts_with("Xen war lange Zeit die Plattform zur Virtualisierung"), "{text}");
    assert!(text.contains("\n\nHeute wird Xen in der Öffentlichkeit"), "paragraphs are kept: {text}");
    assert!(!text.contains("von:"), "the speaker line is not part of the abstract: {text}");
    check(
        &talks,
        &Expected {
            id: "476@KOLT20",
            day: 2,
            title: "Debian Paketierworkshop",
            kind: "workshop",
            start: "2020-09-19T12:00:00+02:00",
            end: "2020-09-19T14:00:00+02:00",
            room: "Düsternbrook",
            speakers: json!([{ "name": "Andreas Tille", "org": null }]),
        },
    );
    check(
        &talks,
        &Expected {
            id: "471@KOLT20",
            day: 2,
            title: "OpenRA: Command & Conquer Open Source unter Linux",
            kind: "talk",
            start: "2020-09-19T17:00:00+02:00",
            end: "2020-09-19T18:00:00+02:00",
            room: "Ravensberg",
            speakers: json!([{ "name": "Matthias Mailänder", "org": null }]),
        },
    );
}

#[test]
fn pretalx_democon_json() {
    // time_zone_name says UTC while every date is +01:00: the offsets win,
    // with a warning asking for --tz.
    let (env, report) = import_fresh(DEMOCON, None);
    assert_snapshot!("democon_report", report);
    let talks = programme(&env);
    assert_eq!(talks.len(), 36);
    check_clean_text(&talks);
    let first = check(
        &talks,
        &Expected {
            id: "8079583e-8321-506c-95af-fd2903a5f075",
            day: 1,
            title: "Focused 5thgeneration hardware",
            kind: "talk",
            start: "2020-12-14T09:00:00+01:00",
            end: "2020-12-14T09:30:00+01:00",
            room: "Gray Room",
            speakers: json!([{ "name": "Brian Robinson", "org": null }]),
        },
    );
    assert_eq!(first["track"], "Phased");
    assert_eq!(first["abstract"], "Brand back-end models!");
    assert_eq!(first["links"], json!([{ "label": "schedule", "url": "http://localhost/democon/talk/G9JGWY/" }]));
    check(
        &talks,
        &Expected {
            id: "3a74bb53-ef1a-57ce-9ba7-904d27e9eb5f",
            day: 1,
            title: "Managed stable function",
            kind: "workshop",
            start: "2020-12-14T09:00:00+01:00",
            end: "2020-12-14T10:30:00+01:00",
            room: "Tan Room",
            speakers: json!([{ "name": "Jeremy Beck", "org": null }]),
        },
    );
    check(
        &talks,
        &Expected {
            id: "8def099f-0871-5d9f-95b8-de50f694e747",
            day: 3,
            title: "Re-engineered bandwidth-monitored focus group",
            kind: "talk",
            start: "2020-12-16T09:30:00+01:00",
            end: "2020-12-16T10:00:00+01:00",
            room: "Gray Room",
            speakers: json!([
                { "name": "Stephanie Hudson", "org": null },
                { "name": "Mariah Estrada", "org": null },
                { "name": "Kathy Wallace", "org": null }
            ]),
        },
    );
}

#[test]
fn frab_camp_2019_json() {
    let (env, report) = import_fresh(CAMP, None);
    assert_snapshot!("camp2019_report", report);
    let talks = programme(&env);
    assert_eq!(talks.len(), 79);
    check_clean_text(&talks);
    let brussels = check(
        &talks,
        &Expected {
            id: "0a99f1db-dfad-4534-888c-bd98acc576b3",
            day: 1,
            title: "Reporting from Brussels: The state of Digital Rights: How is our fight impacted by the new EU political landscape?",
            kind: "talk",
            start: "2019-08-21T16:00:00+02:00",
            end: "2019-08-21T16:45:00+02:00",
            room: "Curie",
            speakers: json!([{ "name": "Chloé Berthélémy", "org": "EDRi" }, { "name": "Andreea Belu", "org": "EDRi" }]),
        },
    );
    assert_eq!(brussels["track"], "Ethics, Society & Politics");
    assert_eq!(brussels["links"][1], json!({ "label": "EDRi Website", "url": "https://edri.org" }));
    check(
        &talks,
        &Expected {
            id: "afbc3b87-4156-470d-9385-c18e7b29f97b",
            day: 1,
            title: "Fomu - an FPGA inside your USB port!",
            kind: "talk",
            start: "2019-08-21T17:00:00+02:00",
            end: "2019-08-21T17:45:00+02:00",
            room: "Curie",
            speakers: json!([{ "name": "Tim 'mithro' Ansell", "org": null }, { "name": "Sean \"xobs\" Cross", "org": null }]),
        },
    );
    // The title ends with blanks in the file: trimmed before the subtitle.
    check(
        &talks,
        &Expected {
            id: "df91b683-2f32-4400-8043-b1d88aa0b454",
            day: 2,
            title: "Die 5G-Überwachungsstandards: Cops Gegen Telekoms im ETSI",
            kind: "talk",
            start: "2019-08-22T20:00:00+02:00",
            end: "2019-08-22T20:45:00+02:00",
            room: "Curie",
            speakers: json!([{ "name": "Erich Moechel", "org": null }]),
        },
    );
    check(
        &talks,
        &Expected {
            id: "117f530f-a20b-4071-b208-39e989a42408",
            day: 2,
            title: "Lightning Talks",
            kind: "lightning",
            start: "2019-08-22T12:00:00+02:00",
            end: "2019-08-22T15:00:00+02:00",
            room: "Meitner",
            speakers: json!([{ "name": "bigalex", "org": null }, { "name": "honky", "org": null }]),
        },
    );
}

#[test]
fn wafer_debconf23_xml() {
    // `date` is UTC, `start` local, day/@date the UTC date: the talks are on
    // the local dates, in Asia/Kolkata.
    let (env, report) = import_fresh(DEBCONF, None);
    assert_snapshot!("debconf23_report", report);
    let talks = programme(&env);
    assert_eq!(talks.len(), 117);
    check_clean_text(&talks);
    let opening = check(
        &talks,
        &Expected {
            id: "455d075f-48c0-2ec2-24b3-f5add30c383a",
            day: 1,
            title: "Opening Ceremony",
            kind: "talk",
            start: "2023-09-10T10:30:00+05:30",
            end: "2023-09-10T10:50:00+05:30",
            room: "Anamudi",
            speakers: json!([{ "name": "Sruthi Chandran", "org": null }]),
        },
    );
    assert_eq!(opening["date"], "2023-09-10");
    assert_eq!(opening["abstract"], "Welcome to DebConf23");
    check(
        &talks,
        &Expected {
            id: "f3788049-e94f-f176-da56-67fc0b90b02c",
            day: 1,
            title: "Debian Treasurer BoF",
            kind: "bof",
            start: "2023-09-10T11:30:00+05:30",
            end: "2023-09-10T12:15:00+05:30",
            room: "Ponmudi",
            speakers: json!([{ "name": "Héctor Orón Martínez", "org": null }]),
        },
    );
    check(
        &talks,
        &Expected {
            id: "288dae4d-d72d-05bc-5b23-a35da3b24440",
            day: 2,
            title: "Live packaging workshop",
            kind: "workshop",
            start: "2023-09-11T10:30:00+05:30",
            end: "2023-09-11T11:55:00+05:30",
            room: "Ponmudi",
            speakers: json!([{ "name": "Andreas Tille", "org": null }]),
        },
    );
}

#[test]
fn pretalx_romhack_camp_2026_xml() {
    let (env, report) = import_fresh(ROMHACK, None);
    assert_snapshot!("romhack_report", report);
    let talks = programme(&env);
    assert_eq!(talks.len(), 10);
    check_clean_text(&talks);
    // 15 hours, across midnight: still day 1.
    let ctf = check(
        &talks,
        &Expected {
            id: "5642155c-3d83-58df-8c2e-ad348d7ea737",
            day: 1,
            title: "Community CTF by fibonhack",
            kind: "talk",
            start: "2026-10-02T17:00:00+02:00",
            end: "2026-10-03T08:00:00+02:00",
            room: "WORKSHOP 2",
            speakers: json!([{ "name": "Cyber Saiyan", "org": null }]),
        },
    );
    let text = ctf["abstract"].as_str().unwrap();
    assert!(text.contains("🚩 Meet the Finalists"), "{text}");
    assert!(text.contains("🥇 1st - FR13NDS TEAM - Kazakhstan 🇰🇿"), "{text}");
    // Two <person> elements on one line.
    check(
        &talks,
        &Expected {
            id: "56d822d2-1f7e-5799-a21e-5136064328cc",
            day: 2,
            title: "Community CTF by fibonhack - Award Ceremony",
            kind: "lightning",
            start: "2026-10-03T18:00:00+02:00",
            end: "2026-10-03T18:30:00+02:00",
            room: "STAGE 1",
            speakers: json!([{ "name": "Cyber Saiyan", "org": null }, { "name": "fibonhack", "org": null }]),
        },
    );
    let book = check(
        &talks,
        &Expected {
            id: "ad86b14a-57f8-5f1f-991c-8b46f202047f",
            day: 2,
            title: "Presentazione libro \"L'inganno dell'Automa\" di Carola Frediani",
            kind: "talk",
            start: "2026-10-03T11:30:00+02:00",
            end: "2026-10-03T12:10:00+02:00",
            room: "STAGE 1",
            speakers: json!([{ "name": "Guerre di Rete", "org": null }]),
        },
    );
    assert_eq!(book["track"], "Journalism, society, hacker culture");
}

// ------------------------------------------------------------- re-imports

#[test]
fn reimport_sched_changes_nothing() {
    reimport_changes_nothing(
        SCHED,
        Some("Europe/Amsterdam"),
        "kubecon-cloudnativecon-europe-2026",
        596,
        "1e73d8927ae16ce79cb6c7acd766edaf",
    );
}

#[test]
fn reimport_kielux_changes_nothing() {
    reimport_changes_nothing(KIELUX, Some("Europe/Berlin"), "18-kieler-open-source-und-linux-tage", 24, "467");
}

#[test]
fn reimport_democon_changes_nothing() {
    reimport_changes_nothing(DEMOCON, None, "democon", 36, "8def");
}

#[test]
fn reimport_camp2019_changes_nothing() {
    reimport_changes_nothing(CAMP, None, "chaos-communication-camp-2019", 79, "0a99");
}

#[test]
fn reimport_debconf23_changes_nothing() {
    reimport_changes_nothing(DEBCONF, None, "debconf-23", 117, "455d");
}

#[test]
fn reimport_romhack_changes_nothing() {
    reimport_changes_nothing(ROMHACK, None, "romhack-camp-2026", 10, "5642");
}

/// The user made the event first, with a session of their own: the import
/// fills the programme, reads times in the event's zone, leaves out the talks
/// outside the event's days, and does not rewrite the user's file.
#[test]
fn import_into_an_existing_event_leaves_its_file_alone() {
    let env = TestEnv::new();
    env.ok([
        "event",
        "add",
        "KubeCon Europe 2026",
        "--start",
        "2026-03-23",
        "--end",
        "2026-03-26",
        "--location",
        "Amsterdam",
        "--tz",
        "Europe/Amsterdam",
    ]);
    env.ok([
        "add",
        "Hallway track with the Cilium folks",
        "-d",
        "2",
        "--at",
        "15:00",
        "-k",
        "networking",
        "-s",
        "Liz Rice (Isovalent)",
        "-m",
        "Ask about netkit",
    ]);
    let before = slug_file(&env, "kubecon-europe-2026.toml");
    let transcript = env.transcript(["import", SCHED, "--event", "kubecon-europe-2026"]);
    assert_snapshot!("existing_event_report", transcript);
    assert!(slug_file(&env, "kubecon-europe-2026.toml") == before, "the user's file changed");
    assert!(env.journal().join("kubecon-europe-2026.schedule.toml").is_file());
    assert!(!env.journal().join("kubecon-cloudnativecon-europe-2026.toml").exists(), "no second event");
    let talks = programme(&env);
    assert_eq!(talks.len(), 591, "596 minus 4 talks on the 22nd and 1 on the 27th");
    let keynote = find(&talks, "6d33234981cf5b14145b63b75fa9e0c0");
    assert_eq!(keynote["day"], 2);
    assert_eq!(keynote["start"], "2026-03-24T09:00:00+01:00");
    let mine: Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["notes"], "Ask about netkit\n");
}

// -------------------------------------------------- a schedule that changes

const SCHEDULE_V1: &str = r#"{
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

/// a1a1 unchanged; b2b2 moved to day 2, 11:30, another room; c3c3 renamed;
/// d4d4 cancelled (gone); e5e5 new.
const SCHEDULE_V2: &str = r#"{
  "schedule": {
    "version": "0.2",
    "conference": {
      "acronym": "jr2025", "title": "Journées Rust 2025", "start": "2025-05-12", "end": "2025-05-13",
      "daysCount": 2, "timeslot_duration": "00:05", "time_zone_name": "Europe/Paris",
      "days": [
        { "index": 1, "date": "2025-05-12",
          "rooms": {
            "Salle A": [
              { "guid": "a1a1a1a1-0000-4000-8000-000000000001", "code": "AAAAAA", "id": 1,
                "date": "2025-05-12T09:00:00+02:00", "start": "09:00", "duration": "00:30", "room": "Salle A",
                "title": "Keynote d'ouverture", "subtitle": "", "track": null, "type": "Keynote", "language": "fr",
                "abstract": "Bienvenue !", "persons": [{ "code": "P1", "name": "Camille Martin", "public_name": "Camille Martin" }],
                "links": [], "url": "https://example.org/jr2025/talk/AAAAAA/" }
            ],
            "Salle B": [
              { "guid": "c3c3c3c3-0000-4000-8000-000000000003", "code": "CCCCCC", "id": 3,
                "date": "2025-05-12T10:00:00+02:00", "start": "10:00", "duration": "00:45", "room": "Salle B",
                "title": "Observabilité sans douleur ni agent", "subtitle": "", "track": "Ops", "type": "Talk", "language": "fr",
                "abstract": "", "persons": [{ "code": "P3", "name": "Jürgen Groß", "public_name": "Jürgen Groß" }],
                "links": [], "url": "https://example.org/jr2025/talk/CCCCCC/" }
            ]
          } },
        { "index": 2, "date": "2025-05-13",
          "rooms": {
            "Amphi ⚡": [
              { "guid": "b2b2b2b2-0000-4000-8000-000000000002", "code": "BBBBBB", "id": 2,
                "date": "2025-05-13T11:30:00+02:00", "start": "11:30", "duration": "00:45", "room": "Amphi ⚡",
                "title": "Rust à l'échelle", "subtitle": "", "track": "Langage", "type": "Talk", "language": "fr",
                "abstract": "", "persons": [{ "code": "P2", "name": "Zoé Dupré", "public_name": "Zoé Dupré" }],
                "links": [], "url": "https://example.org/jr2025/talk/BBBBBB/" },
              { "guid": "e5e5e5e5-0000-4000-8000-000000000005", "code": "EEEEEE", "id": 5,
                "date": "2025-05-13T16:00:00+02:00", "start": "16:00", "duration": "00:30", "room": "Amphi ⚡",
                "title": "Lightning talks", "subtitle": "", "track": null, "type": "Lightning talk", "language": "fr",
                "abstract": "", "persons": [], "links": [], "url": "https://example.org/jr2025/talk/EEEEEE/" }
            ]
          } }
      ]
    }
  }
}
"#;

const SLUG: &str = "journees-rust-2025";

/// A journal with the first version of the small schedule imported.
fn journal_with_programme() -> TestEnv {
    let env = TestEnv::new();
    write(&env, "schedule.json", SCHEDULE_V1);
    env.ok(["import", "schedule.json"]);
    env
}

fn session(env: &TestEnv, id: u32) -> Value {
    serde_json::from_str(&env.ok(["show", &id.to_string(), "--json"])).unwrap()
}

fn toml_sessions(env: &TestEnv) -> Vec<toml::Value> {
    let file: toml::Table = toml::from_str(&env.event_file(SLUG)).unwrap();
    file["sessions"].as_array().unwrap().clone()
}

#[test]
fn an_updated_schedule_moves_the_users_sessions_and_keeps_their_notes() {
    let env = TestEnv::new();
    write(&env, "schedule.json", SCHEDULE_V1);
    assert_snapshot!("update_v1_report", env.transcript(["import", "schedule.json"]));
    // The references are the ID column of the programme.
    assert_snapshot!("update_v1_programme", env.ok(["list", "--schedule"]));

    assert_eq!(env.ok(["plan", "b2b2", "d4d4"]), "Planned #1 Rust à l'échelle\nPlanned #2 Atelier eBPF\n");
    assert_eq!(
        ok_at(&env, "2025-05-12T10:05:00+02:00", &["add", "--now", "salle b"]),
        "Added #3 Observabilité sans douleur, from the programme: jot away.\n"
    );
    env.ok(["jot", "Traces avant métriques"]);
    env.ok(["verdict", "3", "à tester"]);
    env.ok(["jot", "-i", "1", "Emprunts partout"]);
    env.ok(["verdict", "1", "good"]);
    env.ok(["edit", "1", "-t", "perf"]);
    env.ok(["jot", "-i", "2", "Prérequis : un noyau ≥ 5.8"]);
    env.ok(["verdict", "2", "top"]);
    let programme_v1 = slug_file(&env, &format!("{SLUG}.schedule.toml"));

    write(&env, "schedule.json", SCHEDULE_V2);
    let transcript = env.transcript(["import", "schedule.json"]);
    assert_snapshot!("update_v2_report", transcript);
    assert!(transcript.contains(
        "Imported 4 talks from schedule.json (schedule.json) into journees-rust-2025: 1 added, 2 updated, 1 unchanged, 1 removed from schedule.\n"
    ));
    assert!(slug_file(&env, &format!("{SLUG}.schedule.toml")) != programme_v1, "the programme was rewritten");

    // Moved: day, times and room follow; notes, verdict, tags and status stay.
    let moved = session(&env, 1);
    assert_eq!(moved["title"], "Rust à l'échelle");
    assert_eq!(moved["day"], 2);
    assert_eq!(moved["start"], "2025-05-13T11:30:00+02:00");
    assert_eq!(moved["end"], "2025-05-13T12:15:00+02:00");
    assert_eq!(moved["room"], "Amphi ⚡");
    assert_eq!(moved["notes"], "- Emprunts partout\n");
    assert_eq!(moved["verdict"]["key"], "good");
    assert_eq!(moved["tags"], json!(["perf"]));
    assert_eq!(moved["status"], "planned");

    // Renamed: the title follows; the talk attended keeps its notes.
    let renamed = session(&env, 3);
    assert_eq!(renamed["title"], "Observabilité sans douleur ni agent");
    assert_eq!(renamed["start"], "2025-05-12T10:00:00+02:00");
    assert_eq!(renamed["room"], "Salle B");
    assert_eq!(renamed["notes"], "- Traces avant métriques\n");
    assert_eq!(renamed["verdict"]["key"], "to-try");
    assert_eq!(renamed["status"], "attended");

    // Removed from the schedule: kept whole, and marked.
    let removed = session(&env, 2);
    assert_eq!(removed["title"], "Atelier eBPF");
    assert_eq!(removed["start"], "2025-05-13T14:00:00+02:00");
    assert_eq!(removed["room"], "Salle B");
    assert_eq!(removed["notes"], "- Prérequis : un noyau ≥ 5.8\n");
    assert_eq!(removed["verdict"]["key"], "top");
    assert_eq!(removed["status"], "planned");
    let flags: Vec<(i64, Option<bool>)> = toml_sessions(&env)
        .iter()
        .map(|s| (s["id"].as_integer().unwrap(), s.get("removed_from_schedule").and_then(toml::Value::as_bool)))
        .collect();
    assert_eq!(flags, [(1, None), (2, Some(true)), (3, None)]);
    let list = env.ok(["list"]);
    assert!(list.contains("Atelier eBPF"), "{list}");
    let mine: Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 3, "the new talk is not added to the user's sessions");

    // The programme is the new one.
    let talks = programme(&env);
    let ids: Vec<&str> = talks.iter().map(|t| t["schedule_id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "a1a1a1a1-0000-4000-8000-000000000001",
            "c3c3c3c3-0000-4000-8000-000000000003",
            "b2b2b2b2-0000-4000-8000-000000000002",
            "e5e5e5e5-0000-4000-8000-000000000005"
        ]
    );
    assert_eq!(find(&talks, "e5e5e5e5-0000-4000-8000-000000000005")["kind"], "lightning");
    assert_eq!(find(&talks, "a1a1a1a1-0000-4000-8000-000000000001")["kind"], "keynote");

    // Once more: nothing left to do.
    let user_file = env.event_file(SLUG);
    assert_eq!(
        env.ok(["import", "schedule.json"]),
        "Imported 4 talks from schedule.json (schedule.json) into journees-rust-2025: 0 added, 0 updated, 4 unchanged, 0 removed from schedule.\n"
    );
    assert_eq!(env.event_file(SLUG), user_file);
}

// ------------------------------------------------------- not schedules

#[test]
fn an_empty_file_is_refused() {
    let env = journal_with_programme();
    write(&env, "empty.ics", "");
    assert_snapshot!("empty_file", fails_without_change(&env, &["import", "empty.ics"], 1));
}

#[test]
fn a_schedule_cut_in_half_is_refused() {
    let env = journal_with_programme();
    for (name, file) in [("half.ics", SCHED), ("half.json", DEMOCON), ("half.xml", ROMHACK)] {
        let bytes = fs::read(file).unwrap();
        write(&env, name, &bytes[..bytes.len() / 2]);
        let transcript = fails_without_change(&env, &["import", name], 1);
        assert!(transcript.contains("nothing was imported"), "{transcript}");
        assert_snapshot!(name, transcript);
    }
}

#[test]
fn markdown_is_not_a_schedule() {
    let env = journal_with_programme();
    write(&env, "programme.md", "# Programme\n\n| Heure | Titre |\n|---|---|\n| 09:00 | Keynote d'ouverture |\n");
    assert_snapshot!("markdown", fails_without_change(&env, &["import", "programme.md"], 1));
}

#[test]
fn binary_garbage_is_refused() {
    let env = journal_with_programme();
    let mut state: u32 = 0x2545_F491;
    let garbage: Vec<u8> = (0..8192)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            if i % 5 == 0 { 0 } else { state.to_le_bytes()[3] }
        })
        .collect();
    write(&env, "schedule.bin", &garbage);
    assert_snapshot!("binary", fails_without_change(&env, &["import", "schedule.bin"], 1));
}

#[test]
fn a_50_mb_file_is_refused_quickly() {
    let env = journal_with_programme();
    let mut big = b"BEGIN:VCALENDAR\r\n".to_vec();
    let line = b"X-PADDING:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n";
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(line);
    }
    big.truncate(50 * 1024 * 1024);
    write(&env, "huge.ics", &big);
    let before = env.files();
    let start = Instant::now();
    let output = env.cmd(["import", "huge.ics"]).output().unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(output.status.code(), Some(1), "{}", env.describe(&output));
    assert!(env.files() == before, "a file changed, appeared or vanished");
    assert_snapshot!("huge", env.describe(&output));
}

#[test]
fn a_conference_that_ends_before_it_starts_creates_nothing() {
    let env = TestEnv::new();
    write(&env, "schedule.json", SCHEDULE_V1.replace(r#""end": "2025-05-13""#, r#""end": "2025-05-10""#));
    assert_snapshot!("ends_before_start", fails_without_change(&env, &["import", "schedule.json"], 1));
    assert!(!env.journal().exists(), "not even the journal directory");
}

#[test]
fn a_missing_file_is_refused() {
    let env = journal_with_programme();
    let transcript = fails_without_change(&env, &["import", "no-such-schedule.json"], 1);
    assert!(transcript.contains("error: cannot read no-such-schedule.json"), "{transcript}");
}

// ------------------------------------------------------ plan and add --now

#[test]
fn plan_an_unknown_or_ambiguous_reference() {
    let (env, _) = import_fresh(ROMHACK, None);
    assert_snapshot!("plan_unknown", fails_without_change(&env, &["plan", "zzzz"], 2));
    // 5642155c… and 56d822d2…: their references are 5642 and 56d8.
    assert_snapshot!("plan_ambiguous", fails_without_change(&env, &["plan", "56"], 2));
    // One bad reference among good ones: nothing is planned.
    fails_without_change(&env, &["plan", "5642", "zzzz"], 2);
    assert_eq!(env.ok(["plan", "56d8"]), "Planned #1 Community CTF by fibonhack - Award Ceremony\n");
}

#[test]
fn add_now_without_a_programme() {
    let env = TestEnv::new();
    env.kubecon();
    assert_snapshot!("add_now_no_programme", fails_without_change(&env, &["add", "--now", "Hall 7"], 2));
}

#[test]
fn add_now_with_no_match_or_several() {
    let (env, _) = import_fresh(DEBCONF, None);
    // 11:35 in Kochi on day 1: three talks under way, in three rooms.
    let now = "2023-09-10T11:35:00+05:30";
    assert_snapshot!("add_now_no_match", fails_at(&env, now, &["add", "--now", "Main Hall"], 2));
    assert_snapshot!("add_now_several", fails_at(&env, now, &["add", "--now"], 2));
    assert_eq!(ok_at(&env, now, &["add", "--now", "Kuthiran"]), "Added #1 Why Debian, from the programme: jot away.\n");
}

// ------------------------------------------------------------ known bugs

#[test]
fn sched_job_titles_are_not_speakers() {
    let (env, _) = import_fresh(SCHED, Some("Europe/Amsterdam"));
    let talks = programme(&env);
    // "… - Greg Kroah-Hartman\, Linux Kernel Maintainer & Fellow\, The Linux Foundation"
    let cra = find(&talks, "0e6014ba6bd311182b5c7f66e453c1cc");
    assert_eq!(cra["speakers"], json!([{ "name": "Greg Kroah-Hartman", "org": "The Linux Foundation" }]));
    // "… - Idit Levine\, Founder & CEO\, Solo.io & Keith Babo\, Chief Product Officer\, Solo.io"
    let pilot = find(&talks, "8a870483f2da5b962d9ed83226bd1114");
    assert_eq!(
        pilot["speakers"],
        json!([{ "name": "Idit Levine", "org": "Solo.io" }, { "name": "Keith Babo", "org": "Solo.io" }])
    );
    // "… Platform - Thomas Comtet\, Senior Staff Engineer\, SNCF & Yann Rotilio\, Senior Staff Engineer - Kubernetes Specialist\, SNCF"
    let sncf = find(&talks, "10fcd25ee6ea03a74a94f8ea68471526");
    assert_eq!(sncf["title"], "Keynote: Keeping Sovereignty on Track: Kubernetes Powering a National Railway Platform");
    assert_eq!(
        sncf["speakers"],
        json!([{ "name": "Thomas Comtet", "org": "SNCF" }, { "name": "Yann Rotilio", "org": "SNCF" }])
    );
}

#[test]
fn kinds_are_guessed_from_whole_words() {
    let (env, _) = import_fresh(SCHED, Some("Europe/Amsterdam"));
    let talks = programme(&env);
    for (id, title) in [
        ("a100f382f331c59d59f1046a91411d71", "Breaking the Monolith"),
        ("4c91dd5347986bdb6c6934c49252121a", "How To Break Multi-Tenancy"),
        ("ba1e98f58f59a41142fa48028e24132d", "Kubernetes Third Party Audit Review"),
    ] {
        let talk = find(&talks, id);
        assert!(talk["title"].as_str().unwrap().starts_with(title));
        assert_eq!(talk["kind"], "talk", "{title}");
    }
    let (env, _) = import_fresh(CAMP, None);
    let card10 = find(&programme(&env), "c9edea6f-1da1-4772-a0a9-6dd4e33f11bb").clone();
    assert_eq!(card10["title"], "card10 Badge");
    assert_eq!(card10["kind"], "talk");
}
