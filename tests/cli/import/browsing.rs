//! The programme as something to browse: `show REF`, words not substrings,
//! rooms and tracks, days named as people name them.

use serde_json::Value;

use super::{SCHED, import_fresh, ok_at};
use crate::common::{TestEnv, fails_without_change};

/// Tuesday 24 March 2026, day 3 of KubeCon Europe 2026, 11:07 in Amsterdam.
const TUESDAY: &str = "2026-03-24T11:07:00+01:00";

fn kubecon() -> TestEnv {
    import_fresh(SCHED, None).0
}

/// The references `list --schedule --json` gives for `args`.
fn references(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--schedule", "--json"];
    all.extend(args);
    let talks: Value = serde_json::from_str(&ok_at(env, TUESDAY, &all)).unwrap();
    talks.as_array().unwrap().iter().map(|t| t["reference"].as_str().unwrap().to_string()).collect()
}

#[test]
fn show_a_talk_of_the_programme_by_its_reference() {
    let env = kubecon();
    let shown = ok_at(&env, TUESDAY, &["show", "1e73"]);
    assert!(shown.starts_with("1e73  Gateway API: Bridging the Gap from Ingress to the Future\n"), "{shown}");
    assert!(shown.contains("Nick Young (Isovalent at Cisco)") && shown.contains("Amtrium 1+2"), "{shown}");
    assert!(shown.contains("Abstract:\nGateway API continues to mature"), "{shown}");
    assert!(!shown.contains("Status"), "a talk not picked has no status of mine:\n{shown}");
    assert!(shown.ends_with("Not in your journal; to plan it: notes plan 1e73\n"), "{shown}");
    // Once planned, the reference shows my session.
    ok_at(&env, TUESDAY, &["plan", "1e73"]);
    assert!(ok_at(&env, TUESDAY, &["show", "1e73"]).starts_with("#1  Gateway API"));
    // Neither a session nor a reference.
    let unknown = fails_without_change(&env, &["show", "99"], 1);
    assert!(unknown.contains("99"), "{unknown}");
    fails_without_change(&env, &["show", "zzzz"], 1);
}

#[test]
fn search_matches_words_not_parts_of_words() {
    let env = kubecon();
    let rust = references(&env, &["--search", "rust"]);
    assert!(rust.contains(&"3cc9".to_string()), "Rust-Based Proxy: {rust:?}");
    // "Zero-Trust" holds "rust", not the word.
    assert!(!rust.contains(&"4316".to_string()), "{rust:?}");
    // Abstracts, rooms and tracks are searched too; every word must be there.
    assert!(references(&env, &["--search", "ingress2gateway"]).contains(&"1e73".to_string()));
    assert!(references(&env, &["--search", "amtrium maintainer gateway"]).contains(&"1e73".to_string()));
}

#[test]
fn rooms_tracks_and_days_as_people_name_them() {
    let env = kubecon();
    let tuesday = references(&env, &["--day", "3"]);
    for day in ["today", "tuesday", "mardi", "tue", "2026-03-24", "Aujourd'hui"] {
        assert_eq!(references(&env, &["--day", day]), tuesday, "--day {day}");
    }
    assert_eq!(references(&env, &["--day", "tomorrow"]), references(&env, &["--day", "4"]));
    let room_d = references(&env, &["--day", "today", "--room", "room d"]);
    assert!(!room_d.is_empty() && room_d.len() < 20, "{room_d:?}");
    let maintainer = references(&env, &["--track", "maintainer", "--day", "3"]);
    assert!(maintainer.contains(&"1e73".to_string()), "{maintainer:?}");
    let bad = fails_without_change(&env, &["list", "--day", "someday"], 2);
    assert!(bad.contains("a weekday"), "{bad}");
}
