//! Re-imports that change nothing, and an import into an event that leaves the user's file alone.

use insta::assert_snapshot;
use serde_json::Value;

use super::{CAMP, DEBCONF, DEMOCON, KIELUX, ROMHACK, SCHED, find, import_args, import_fresh, programme, slug_file};
use crate::common::TestEnv;

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
