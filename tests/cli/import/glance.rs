//! `notes now` and `notes next`: the screens glanced at between two talks.

use insta::assert_snapshot;

use super::{journees_rust, ok_at, on_day_1};
use crate::common::TestEnv;

/// At 10:05 the keynote I noted is over and the talk I planned in Salle B
/// is under way: "Here" is where the next jot goes, and the other room's
/// talk is listed with its reference.
#[test]
fn now_between_two_talks() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("08:00"), &["plan", "c3c3", "d4d4"]);
    ok_at(&env, &on_day_1("09:02"), &["add", "--now", "salle a"]);
    assert_snapshot!("now_planned_under_way", ok_at(&env, &on_day_1("10:05"), &["now"]));
    assert_snapshot!("now_fr", ok_at(&env, &on_day_1("10:05"), &["--lang", "fr", "now"]));
    ok_at(&env, &on_day_1("10:06"), &["jot", "traces"]);
    let now = ok_at(&env, &on_day_1("10:30"), &["now", "--room", "SALLE B"]);
    assert!(
        now.contains("Here    10:00–10:45 · 15 min left · Salle B\n        #1 Observabilité sans douleur\n"),
        "{now}"
    );
    assert!(now.contains("Next    14:00–15:30 · Day 2 · Salle B\n        #2 Atelier eBPF\n"), "{now}");
    assert!(now.contains("Nothing else is under way."), "{now}");
}

#[test]
fn now_with_nothing_noted_or_planned() {
    let env = journees_rust();
    let now = ok_at(&env, &on_day_1("09:50"), &["now"]);
    assert!(now.starts_with("09:50 · Day 1, Monday 12 May · Journées Rust 2025\n"), "{now}");
    assert!(now.contains("Here    no current session: a jot goes to the day's loose notes"), "{now}");
    assert!(now.contains("Next    nothing planned later (notes plan REF)"), "{now}");
    // 09:50: the keynote is over, the 10:00 talks are about to start.
    assert!(!now.contains("Keynote"), "{now}");
    assert!(now.contains("b2b2   10:00–10:45  Salle A  Rust à l'échelle — Zoé Dupré"), "{now}");
    assert!(now.contains("c3c3   10:00–10:45  Salle B  Observabilité sans douleur — Jürgen Groß"), "{now}");
}

/// Without a programme, `now` shows my own sessions only.
#[test]
fn now_without_a_programme() {
    let env = TestEnv::new();
    env.ok(["event", "add", "Meetup", "--start", "2025-05-12", "--end", "2025-05-12", "--tz", "Europe/Paris"]);
    ok_at(&env, &on_day_1("18:55"), &["add", "Lightning talks", "--at", "19:00", "--end", "19:30", "--room", "Cave"]);
    assert_eq!(
        ok_at(&env, &on_day_1("19:10"), &["now"]),
        "19:10 · Day 1, Monday 12 May · Meetup\n\nHere    19:00–19:30 · 20 min left · Cave\n        #1 Lightning talks\n\
         Next    nothing planned later (notes plan REF)\n"
    );
    // Days later, the session is named by its day, not by hundreds of hours.
    let later = ok_at(&env, "2025-06-30T10:00:00+02:00", &["now"]);
    assert!(later.contains("Here    19:00–19:30 · Day 1 · Cave\n"), "{later}");
}

#[test]
fn next_lists_my_next_talk_and_what_starts_next() {
    let env = journees_rust();
    ok_at(&env, &on_day_1("08:00"), &["plan", "c3c3"]);
    assert_snapshot!("next_at_nine_thirty", ok_at(&env, &on_day_1("09:31"), &["next"]));
    let salle_b = ok_at(&env, &on_day_1("09:31"), &["next", "--room", "b"]);
    assert!(!salle_b.contains("Rust à l'échelle"), "{salle_b}");
    assert!(ok_at(&env, &on_day_1("11:00"), &["next"]).contains("Nothing else starts today."));
}
