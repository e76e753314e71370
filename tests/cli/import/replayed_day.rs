//! A conference day replayed minute by minute (NOTES_NOW moving): plan the
//! evening before, then only `jot`, `verdict`, `add --now` and a hallway
//! chat, moving between rooms; the post afterwards has every note under
//! the talk it was written in.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{SCHED, import_fresh, ok_at};

/// Tuesday 24 March 2026 (day 3 of KubeCon Europe 2026), in Amsterdam.
fn at(time: &str) -> String {
    format!("2026-03-24T{time}:00+01:00")
}

/// Each heading of the post with the text that follows it, up to the next.
fn sections(markdown: &str) -> Vec<(String, String)> {
    let mut sections: Vec<(String, String)> = vec![(String::new(), String::new())];
    let mut in_heading = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level >= HeadingLevel::H2 => {
                in_heading = true;
                sections.push((String::new(), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(text) | Event::Code(text) => {
                let last = sections.last_mut().unwrap();
                if in_heading { last.0.push_str(&text) } else { last.1.push_str(&text) }
            }
            _ => {}
        }
    }
    sections
}

/// The text under the heading that contains `title`.
fn under<'a>(sections: &'a [(String, String)], title: &str) -> &'a str {
    let found: Vec<_> = sections.iter().filter(|(h, _)| h.contains(title)).collect();
    assert_eq!(found.len(), 1, "one heading with {title:?} in {sections:#?}");
    &found[0].1
}

#[test]
fn a_day_at_kubecon_ends_with_every_note_in_its_talk() {
    let (env, _) = import_fresh(SCHED, None);
    let run = |time: &str, args: &[&str]| ok_at(&env, &at(time), args);

    // The evening before: the opening keynote, Thanos at 11:15, OTTL at 12:00.
    ok_at(&env, "2026-03-23T21:00:00+01:00", &["plan", "6d33", "ff7c", "311e"]);

    // 09:05, seated: no command before the first note.
    assert!(run("09:05", &["jot", "Opening: a record crowd"]).contains("Keynote: Welcome + Opening Remarks"));
    run("09:20", &["jot", "CNCF turns ten"]);
    run("09:34", &["verdict", "good"]);
    // 11:20, the next planned talk has begun.
    assert!(run("11:20", &["jot", "Parquet makes queries 10x cheaper"]).contains("Accelerating Thanos"));
    run("11:40", &["verdict", "top"]);
    // 11:50, the hallway between two rooms.
    run("11:50", &["add", "Chat at the Cilium booth", "-k", "networking", "-m", "Cluster mesh in 1.19"]);
    // 12:05, the third planned talk, after the chat: jot follows the plan.
    assert!(run("12:05", &["jot", "OTTL statements are hard to debug"]).contains("When OTTL Goes Off the Rails"));
    // 14:35, an unplanned talk in Room D, taken by its room.
    assert!(run("14:32", &["add", "--now", "room d"]).contains("A Tale of Two KEPs"));
    run("14:40", &["jot", "CrashLoopBackoff gets a max delay"]);
    run("14:58", &["verdict", "à tester"]);
    // 17:45: a late thought about OTTL, by id; the current session stays.
    run("17:45", &["jot", "-i", "3", "Try the OTTL playground"]);

    let post = run("22:00", &["export", "md", "--day", "3", "--lang", "fr"]);
    let sections = sections(&post);
    let keynote = under(&sections, "Keynote: Welcome + Opening Remarks");
    assert!(keynote.contains("Opening: a record crowd") && keynote.contains("CNCF turns ten"), "{keynote}");
    let thanos = under(&sections, "Accelerating Thanos");
    assert!(thanos.contains("Parquet makes queries 10x cheaper"), "{thanos}");
    let ottl = under(&sections, "When OTTL Goes Off the Rails");
    assert!(ottl.contains("OTTL statements are hard to debug") && ottl.contains("Try the OTTL playground"), "{ottl}");
    let keps = under(&sections, "A Tale of Two KEPs");
    assert!(keps.contains("CrashLoopBackoff gets a max delay"), "{keps}");
    assert!(under(&sections, "Chat at the Cilium booth").contains("Cluster mesh in 1.19"));
    // Nothing planned is left "wished for": every planned talk was attended.
    assert!(!post.contains("aurais aimé voir"), "{post}");
    // The numbers for the intro: 5 seen (1 keynote), 3 rooms (OTTL and KEPs share Room D), out of the day's programme.
    let programme: serde_json::Value =
        serde_json::from_str(&run("22:00", &["list", "--schedule", "--day", "3", "--json"])).unwrap();
    let figures = run("22:00", &["export", "md", "--day", "3", "--lang", "fr", "--figures"]);
    assert!(figures.contains("*En chiffres\u{a0}: 5 talks vus (dont 1 keynote), 3 salles, "), "{figures}");
    assert!(figures.contains(&format!(", sur {} au programme.*", programme.as_array().unwrap().len())), "{figures}");
    let statuses = run("22:01", &["list", "--day", "3", "--status", "planned"]);
    assert!(!statuses.contains("Thanos") && !statuses.contains("OTTL"), "{statuses}");
}
