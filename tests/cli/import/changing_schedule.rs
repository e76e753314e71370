//! A schedule that changes under the user's notes: sessions move, notes stay.

use insta::assert_snapshot;
use serde_json::{Value, json};

use super::{SCHEDULE_V1, find, ok_at, programme, slug_file, write};
use crate::common::TestEnv;

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
        "Added #3 Observabilité sans douleur, from the schedule: jot away.\n"
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

/// `notes edit` in `$EDITOR` accepts everything notes itself writes: here a
/// session with links, notes, a verdict, a schedule id, an abstract, and
/// the `removed_from_schedule` flag that a re-import set.
#[test]
fn a_session_flagged_by_a_reimport_can_be_edited_in_the_editor() {
    let env = TestEnv::new();
    write(&env, "schedule.json", SCHEDULE_V1);
    env.ok(["import", "schedule.json"]);
    assert_eq!(env.ok(["plan", "d4d4"]), "Planned #1 Atelier eBPF\n");
    env.ok(["edit", "1", "--link", "slides=https://example.org/ebpf.pdf", "-t", "ebpf", "--track", "Noyau"]);
    env.ok(["jot", "Prérequis : un noyau ≥ 5.8"]);
    env.ok(["verdict", "top"]);
    write(&env, "schedule.json", SCHEDULE_V2);
    env.ok(["import", "schedule.json"]);
    assert!(env.event_file(SLUG).contains("removed_from_schedule = true"));

    let out = env.cmd(["edit", "1"]).env("EDITOR", "sed -i s/eBPF/eBPF\\ avancé/").output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let edited = session(&env, 1);
    assert_eq!(edited["title"], "Atelier eBPF avancé");
    assert_eq!(edited["notes"], "- Prérequis : un noyau ≥ 5.8\n");
    assert_eq!(edited["verdict"]["key"], "top");
    let flags: Vec<Option<bool>> =
        toml_sessions(&env).iter().map(|s| s.get("removed_from_schedule").and_then(toml::Value::as_bool)).collect();
    assert_eq!(flags, [Some(true)], "the flag is kept");
}

/// Whether every session linked to the schedule agrees with the schedule
/// file as it now is: the same title and start, or flagged removed when
/// the schedule no longer has its talk.
fn sessions_follow_the_schedule(env: &TestEnv) -> Result<(), String> {
    env.ok(["list", "--schedule"]); // settles an import cut short
    let schedule: toml::Table =
        toml::from_str(&String::from_utf8(slug_file(env, &format!("{SLUG}.schedule.toml"))).unwrap()).unwrap();
    let talks = schedule["talks"].as_array().unwrap();
    for session in toml_sessions(env) {
        let Some(id) = session.get("schedule_id").and_then(toml::Value::as_str) else { continue };
        let removed = session.get("removed_from_schedule").and_then(toml::Value::as_bool).unwrap_or(false);
        match talks.iter().find(|t| t["schedule_id"].as_str() == Some(id)) {
            Some(_) if removed => return Err(format!("{id} is in the schedule but flagged removed")),
            Some(talk) if talk["title"] != session["title"] || talk["at"] != session["at"] => {
                return Err(format!(
                    "{id}: the session has {} at {}, the schedule {} at {}",
                    session["title"], session["at"], talk["title"], talk["at"]
                ));
            }
            None if !removed => return Err(format!("{id} left the schedule but is not flagged")),
            _ => {}
        }
    }
    Ok(())
}

/// An import changes two files, the schedule and the event's: killed at
/// any moment, the next command finds them from the same import.
#[test]
fn an_import_killed_at_any_moment_leaves_both_files_from_one_import() {
    let env = TestEnv::new();
    write(&env, "v1.json", SCHEDULE_V1);
    write(&env, "v2.json", SCHEDULE_V2);
    env.ok(["import", "v1.json"]);
    env.ok(["plan", "b2b2", "c3c3", "d4d4"]);
    let started = std::time::Instant::now();
    env.ok(["import", "v2.json"]);
    let whole = started.elapsed().as_micros() as u64;
    let mut seed = 0x1e55_u64;
    for k in 0..40 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let file = if k % 2 == 0 { "v1.json" } else { "v2.json" };
        let mut child = env.std_cmd().args(["import", file]).stdout(std::process::Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_micros((seed >> 33) % (whole * 12 / 10 + 1)));
        let _ = child.kill();
        let _ = child.wait();
        if let Err(problem) = sessions_follow_the_schedule(&env) {
            panic!("kill {k} ({file}): {problem}");
        }
    }
    // What the last kill left, the next import removes.
    env.ok(["import", "v2.json"]);
    sessions_follow_the_schedule(&env).unwrap();
    let names: Vec<String> = std::fs::read_dir(env.journal())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".pending") || n.ends_with(".tmp")), "{names:?}");
}

/// b2b2 moves to day 2, 11:30, Amphi ⚡ in v2. A room I set by hand stays
/// mine, with a word; what I did not touch (the time) follows.
#[test]
fn a_reimport_keeps_what_i_changed_by_hand_and_says_so() {
    let env = TestEnv::new();
    write(&env, "s.json", SCHEDULE_V1);
    env.ok(["import", "s.json"]);
    env.ok(["plan", "b2b2", "c3c3"]);
    env.ok(["edit", "1", "--room", "Salle A (au fond)"]);
    env.ok(["edit", "2", "--title", "Observabilité, mon titre"]);
    write(&env, "s.json", SCHEDULE_V2);
    let shown = env.transcript(["import", "s.json"]);
    assert!(shown.contains("warning: #1 Rust à l'échelle: your room was kept; the schedule changed it too"), "{shown}");
    assert!(shown.contains("warning: #2 Observabilité, mon titre: your title was kept"), "{shown}");
    let (moved, renamed) = (session(&env, 1), session(&env, 2));
    assert_eq!(moved["room"], "Salle A (au fond)");
    assert_eq!(moved["start"], "2025-05-13T11:30:00+02:00");
    assert_eq!(renamed["title"], "Observabilité, mon titre");
    // Imported again, nothing new to say.
    let again = env.transcript(["import", "s.json"]);
    assert!(!again.contains("warning"), "{again}");
}
