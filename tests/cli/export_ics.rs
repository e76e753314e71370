//! `notes export ics`: the calendar parsed back with the `icalendar` crate,
//! field by field; identities that survive exports and re-imports; text
//! that round-trips whatever its commas, semicolons, backslashes and length;
//! filters; bad arguments and output files.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use insta::assert_snapshot;

use crate::common::{TestEnv, fails_without_change};
use crate::import::{SCHED, SCHEDULE_V1, write};

const SLUG: &str = "journees-rust-2025";
const KEYNOTE_UID: &str = "schedule-a1a1a1a1-0000-4000-8000-000000000001@journees-rust-2025.notes";

/// "Journées Rust 2025" (Europe/Paris, 12–13 May 2025) from its schedule,
/// with three talks planned (the keynote, Observabilité on day 1, the eBPF
/// workshop on day 2), one talk attended and one missed.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    write(&env, "s.json", SCHEDULE_V1);
    env.ok(["import", "s.json"]);
    env.ok(["plan", "a1a1", "c3c3", "d4d4"]);
    env.ok(["add", "Hallway track", "-d", "1", "--at", "15:00", "--end", "15:30", "--status", "attended"]);
    env.ok(["add", "Missed one", "-d", "2", "--at", "16:00", "--status", "missed"]);
    env
}

fn export(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["export", "ics"];
    all.extend_from_slice(args);
    env.ok(all)
}

fn parse(text: &str) -> Calendar {
    text.parse().unwrap_or_else(|e| panic!("not a calendar: {e}\n{text}"))
}

fn events(calendar: &Calendar) -> Vec<&icalendar::Event> {
    calendar.events().collect()
}

fn find<'a>(calendar: &'a Calendar, summary: &str) -> &'a icalendar::Event {
    calendar.events().find(|e| e.get_summary() == Some(summary)).unwrap_or_else(|| panic!("no event {summary}"))
}

fn summaries(calendar: &Calendar) -> Vec<&str> {
    calendar.events().map(|e| e.get_summary().unwrap()).collect()
}

fn uids(calendar: &Calendar) -> Vec<String> {
    calendar.events().map(|e| e.get_uid().unwrap().to_string()).collect()
}

fn instant(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
}

/// A DTSTART or DTEND written in UTC (`…Z`), as an instant.
fn utc(event: &icalendar::Event, key: &str) -> DateTime<Utc> {
    let raw = event.property_value(key).unwrap();
    assert!(raw.ends_with('Z'), "{key}:{raw} is not in UTC");
    let value = if key == "DTSTART" { event.get_start() } else { event.get_end() };
    match value {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at,
        other => panic!("{key} is not a UTC date-time: {other:?}"),
    }
}

/// Every content line ends with CRLF and holds at most 75 octets.
fn assert_well_folded(text: &str) {
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
}

#[test]
fn the_plan_field_by_field() {
    let env = journal();
    let text = export(&env, &[]);
    assert_well_folded(&text);
    let calendar = parse(&text);
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    assert_eq!(calendar.property_value("PRODID"), Some("-//notes//notes export ics//EN"));
    assert_eq!(calendar.property_value("METHOD"), Some("PUBLISH"));
    assert_eq!(calendar.property_value("X-WR-CALNAME"), Some("Journées Rust 2025"));
    // The planned talks only, in reading order.
    assert_eq!(summaries(&calendar), ["Keynote d'ouverture", "Observabilité sans douleur", "Atelier eBPF"]);

    let keynote = find(&calendar, "Keynote d'ouverture");
    // 09:00–09:30 in Paris, summer time (+02:00).
    assert_eq!(utc(keynote, "DTSTART"), instant("2025-05-12T09:00:00+02:00"));
    assert_eq!(keynote.property_value("DTSTART"), Some("20250512T070000Z"));
    assert_eq!(utc(keynote, "DTEND"), instant("2025-05-12T09:30:00+02:00"));
    assert_eq!(keynote.get_location(), Some("Salle A"));
    assert_eq!(keynote.get_uid(), Some(KEYNOTE_UID));
    assert_eq!(keynote.get_url(), Some("https://example.org/jr2025/talk/AAAAAA/"));
    assert_eq!(
        keynote.get_description(),
        Some("Speakers: Camille Martin\n\nBienvenue !\n\nLinks:\nschedule: https://example.org/jr2025/talk/AAAAAA/")
    );
    // NOTES_NOW: 2024-03-20T11:05:00+01:00.
    assert_eq!(keynote.get_timestamp(), Some(instant("2024-03-20T10:05:00Z")));
    assert!(keynote.components().is_empty(), "no alarm without --alarm");

    let workshop = find(&calendar, "Atelier eBPF");
    assert_eq!(utc(workshop, "DTSTART"), instant("2025-05-13T14:00:00+02:00"));
    assert_eq!(utc(workshop, "DTEND"), instant("2025-05-13T15:30:00+02:00"));
    assert_eq!(workshop.get_location(), Some("Salle B"));
    assert!(workshop.get_description().unwrap().starts_with("Speakers: Ana Silva\n"));
    assert_eq!(workshop.get_categories(), Some(vec!["workshop".to_string()]));
}

#[test]
fn alarms_remind_before_each_timed_session() {
    let env = journal();
    let calendar = parse(&export(&env, &["--alarm", "10"]));
    assert_eq!(events(&calendar).len(), 3);
    for event in events(&calendar) {
        let alarms = event.components();
        assert_eq!(alarms.len(), 1, "one alarm per event");
        let alarm = &alarms[0];
        assert_eq!(alarm.component_kind(), "VALARM");
        assert_eq!(alarm.property_value("ACTION"), Some("DISPLAY"));
        assert_eq!(alarm.property_value("TRIGGER"), Some("-PT10M"));
        assert_eq!(alarm.property_value("DESCRIPTION"), event.get_summary());
    }
    let keynote = find(&calendar, "Keynote d'ouverture");
    assert_eq!(keynote.components()[0].get_uid(), Some(format!("alarm-{KEYNOTE_UID}").as_str()));
}

#[test]
fn a_session_without_end_lasts_45_minutes_and_one_without_time_is_all_day() {
    let env = journal();
    env.ok(["add", "Lightning talks", "-d", "1", "--at", "17:00", "--status", "planned"]);
    env.ok(["add", "Sponsor booth", "-d", "2", "--status", "planned", "--room", "Hall"]);
    let calendar = parse(&export(&env, &["--alarm", "5"]));
    let lightning = find(&calendar, "Lightning talks");
    assert_eq!(utc(lightning, "DTSTART"), instant("2025-05-12T17:00:00+02:00"));
    assert_eq!(utc(lightning, "DTEND"), instant("2025-05-12T17:45:00+02:00"));
    let booth = find(&calendar, "Sponsor booth");
    assert_eq!(booth.get_start(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2025, 5, 13).unwrap())));
    assert_eq!(booth.get_end(), Some(DatePerhapsTime::Date(NaiveDate::from_ymd_opt(2025, 5, 14).unwrap())));
    assert!(booth.components().is_empty(), "no alarm before an all-day event");
    assert_eq!(booth.get_location(), Some("Hall"));
}

#[test]
fn uids_are_stable_across_exports_and_reimports() {
    let env = journal();
    let first = export(&env, &["--status", "planned", "--status", "attended", "--status", "missed"]);
    let uids_before = uids(&parse(&first));
    assert_eq!(uids_before.len(), 5);
    assert_eq!(uids_before.iter().collect::<BTreeSet<_>>().len(), 5, "one UID per session: {uids_before:?}");
    assert!(uids_before.contains(&format!("session-4@{SLUG}.notes")), "{uids_before:?}");
    for uid in &uids_before {
        assert!(uid.chars().all(|c| c.is_ascii_alphanumeric() || "-._~%@".contains(c)), "{uid}");
    }

    // Again, later: only DTSTAMP moves.
    let later = env
        .cmd(["export", "ics", "--status", "planned", "--status", "attended", "--status", "missed"])
        .env("NOTES_NOW", "2025-05-12T08:00:00+02:00")
        .output()
        .unwrap();
    let later = String::from_utf8(later.stdout).unwrap();
    assert_eq!(uids(&parse(&later)), uids_before);
    assert_eq!(later.replace("DTSTAMP:20250512T060000Z", "DTSTAMP:20240320T100500Z"), first);

    // The same schedule again: the same file.
    env.ok(["import", "s.json"]);
    assert_eq!(export(&env, &["--status", "planned", "--status", "attended", "--status", "missed"]), first);

    // The keynote moves to 09:15: the calendar moves the entry it has.
    write(&env, "s.json", SCHEDULE_V1.replacen("2025-05-12T09:00:00+02:00", "2025-05-12T09:15:00+02:00", 1));
    env.ok(["import", "s.json"]);
    let moved = parse(&export(&env, &["--status", "planned", "--status", "attended", "--status", "missed"]));
    assert_eq!(uids(&moved), uids_before);
    assert_eq!(utc(find(&moved, "Keynote d'ouverture"), "DTSTART"), instant("2025-05-12T09:15:00+02:00"));
}

#[test]
fn hostile_text_round_trips_exactly() {
    let env = journal();
    let title = r"Commas, semicolons; a backslash \ and \n: une très longue conférence — café, crème brûlée, œuvres";
    assert!(title.len() > 75);
    let room = "Amphi Turing, niveau -1; aile \"Est\"";
    env.ok([
        "add",
        title,
        "-d",
        "1",
        "--at",
        "11:00",
        "--status",
        "planned",
        "--room",
        room,
        "-s",
        "Zoé Dupré (Ça, c'est; Acme)",
        "--link",
        "slides=https://example.org/a b,c;d.pdf",
    ]);
    let text = export(&env, &["--alarm", "10"]);
    assert_well_folded(&text);
    assert!(text.contains(r"SUMMARY:Commas\, semicolons\; a backslash \\ and \\n: "), "{text}");
    let calendar = parse(&text);
    let event = find(&calendar, title);
    assert_eq!(event.get_summary(), Some(title));
    assert_eq!(event.get_location(), Some(room));
    assert_eq!(
        event.get_description(),
        Some("Speakers: Zoé Dupré (Ça, c'est; Acme)\n\nLinks:\nslides: https://example.org/a b,c;d.pdf")
    );
    assert_eq!(event.get_url(), Some("https://example.org/a%20b,c;d.pdf"));
    assert_eq!(event.components()[0].property_value("DESCRIPTION"), Some(title));
}

/// A real schedule: a Sched talk in UTC comes back at the instants Sched
/// gave, with its abstract (commas, paragraphs) intact.
#[test]
fn a_sched_talk_comes_back_at_its_instants() {
    let env = TestEnv::new();
    env.ok(["import", SCHED, "--tz", "Europe/Amsterdam"]);
    env.ok(["plan", "1e73d8927ae16ce79cb6c7acd766edaf"]);
    let text = export(&env, &[]);
    assert_well_folded(&text);
    let calendar = parse(&text);
    let [talk] = events(&calendar)[..] else { panic!("one event: {text}") };
    assert_eq!(talk.property_value("DTSTART"), Some("20260324T101500Z"));
    assert_eq!(talk.property_value("DTEND"), Some("20260324T104500Z"));
    assert_eq!(
        talk.get_uid(),
        Some("schedule-1e73d8927ae16ce79cb6c7acd766edaf@kubecon-cloudnativecon-europe-2026.notes")
    );
    let json: serde_json::Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    let session = &json[0];
    assert_eq!(talk.get_summary(), session["title"].as_str());
    assert_eq!(talk.get_location(), session["room"].as_str());
    let abstract_text = session["abstract"].as_str().unwrap();
    assert!(abstract_text.contains(", since the last Gateway API update,") && abstract_text.contains("\n\n"));
    assert!(talk.get_description().unwrap().contains(abstract_text.trim()), "{text}");
}

#[test]
fn filters_replace_the_planned_default() {
    let env = journal();
    let attended = parse(&export(&env, &["--status", "attended"]));
    assert_eq!(summaries(&attended), ["Hallway track"]);
    let hallway = find(&attended, "Hallway track");
    assert_eq!(utc(hallway, "DTSTART"), instant("2025-05-12T15:00:00+02:00"));
    assert_eq!(utc(hallway, "DTEND"), instant("2025-05-12T15:30:00+02:00"));
    // Day 2 is everything of day 2, not only the plan.
    assert_eq!(summaries(&parse(&export(&env, &["--day", "2"]))), ["Atelier eBPF", "Missed one"]);
    assert_eq!(summaries(&parse(&export(&env, &["--day", "2", "--status", "planned"]))), ["Atelier eBPF"]);
    assert_eq!(summaries(&parse(&export(&env, &["--speaker", "groß"]))), ["Observabilité sans douleur"]);
}

#[test]
fn every_event_in_one_calendar() {
    let env = journal();
    env.kubecon();
    env.ok(["add", "Cilium", "-d", "2", "--at", "11:00", "--status", "planned"]);
    let calendar = parse(&export(&env, &["--all-events"]));
    assert_eq!(calendar.property_value("X-WR-CALNAME"), Some("notes"));
    assert_eq!(summaries(&calendar), ["Cilium", "Keynote d'ouverture", "Observabilité sans douleur", "Atelier eBPF"]);
    // 11:00 in Paris in March is winter time (+01:00).
    assert_eq!(utc(find(&calendar, "Cilium"), "DTSTART"), instant("2024-03-20T11:00:00+01:00"));
    assert_eq!(find(&calendar, "Cilium").get_uid(), Some("session-1@kubecon-europe-2024.notes"));
}

#[test]
fn an_empty_selection_is_an_empty_calendar_and_a_note() {
    let env = journal();
    let output = env.cmd(["export", "ics", "--kind", "bof"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_well_folded(&text);
    let calendar = parse(&text);
    assert!(events(&calendar).is_empty());
    assert_eq!(calendar.property_value("X-WR-CALNAME"), Some("Journées Rust 2025"));
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "No session matches: the calendar is empty.\n");
    let output = env.cmd(["--lang", "fr", "export", "ics", "--kind", "bof"]).output().unwrap();
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "Aucune session ne correspond\u{a0}: le calendrier est vide.\n"
    );
}

#[test]
fn the_description_follows_the_language() {
    let env = journal();
    let calendar = parse(&export(&env, &["--lang", "fr"]));
    assert_eq!(
        find(&calendar, "Keynote d'ouverture").get_description(),
        Some(
            "Speakers\u{a0}: Camille Martin\n\nBienvenue !\n\nLiens\u{a0}:\nschedule: https://example.org/jr2025/talk/AAAAAA/"
        )
    );
}

#[test]
fn bad_alarms_are_usage_errors_and_write_nothing() {
    let env = journal();
    let out = fails_without_change(&env, &["export", "ics", "--alarm", "-5", "-o", "plan.ics"], 2);
    assert!(out.contains("invalid value '-5' for '--alarm <MINUTES>': -5 is not in 0..=1440"), "{out}");
    let out = fails_without_change(&env, &["export", "ics", "--alarm", "abc", "-o", "plan.ics"], 2);
    assert!(out.contains("invalid value 'abc' for '--alarm <MINUTES>'"), "{out}");
    let out = fails_without_change(&env, &["export", "ics", "--alarm", "1441", "-o", "plan.ics"], 2);
    assert!(out.contains("1441 is not in 0..=1440"), "{out}");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = journal();
    let target = env.root.path().join("plan.ics");
    std::fs::write(&target, "precious").unwrap();
    let out = fails_without_change(&env, &["export", "ics", "-o", "plan.ics"], 1);
    assert!(out.contains("plan.ics already exists") && out.contains("--force"), "{out}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    let output = env.cmd(["export", "ics", "-o", "plan.ics", "--force"]).output().unwrap();
    assert!(output.status.success(), "{}", env.describe(&output));
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "Wrote plan.ics\n");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), export(&env, &[]));
}

/// What a small calendar looks like, line endings shown as `\n`
/// (`assert_well_folded` checks the CRLFs).
#[test]
fn a_small_calendar() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok([
        "add",
        "Multi-cluster with Cilium, eBPF; and more",
        "-d",
        "2",
        "--at",
        "11:00",
        "--end",
        "11:35",
        "--room",
        "Hall 7",
        "-s",
        "Liz Rice (Isovalent)",
        "-t",
        "ebpf",
        "--link",
        "slides=https://example.org/cilium.pdf",
        "--status",
        "planned",
    ]);
    env.ok(["add", "Booth crawl", "-d", "3", "-k", "networking", "--status", "planned"]);
    let transcript = env.transcript(["export", "ics", "--alarm", "10"]);
    assert_well_folded(transcript.split("--- stdout\n").nth(1).unwrap().split("--- stderr\n").next().unwrap());
    assert_snapshot!(transcript.replace("\r\n", "\n"));
}
