//! The six real schedules of tests/fixtures/schedules: report, number of talks, talks field by field.

use insta::assert_snapshot;
use serde_json::{Value, json};

use super::{CAMP, DEBCONF, DEMOCON, KIELUX, ROMHACK, SCHED, find, import_fresh, programme};

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
    assert_eq!(talk["status"], Value::Null, "a programme talk has no status of the user's: {id}");
    assert_eq!(talk["id"], Value::Null, "a programme talk is not a session of the user: {id}");
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
                { "name": "Jonathan Bryce", "role": "Executive Director, Cloud and Infrastructure", "org": "Linux Foundation" },
                { "name": "Chris Aniszczyk", "role": "CTO, Cloud and Infrastructure", "org": "Linux Foundation" }
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
