//! `export json --all-events` and `export md --all-events`, written event by
//! event as they are read: the same text as the events exported one by one
//! (`--event SLUG`, which builds its output whole), whatever the journal.

use std::fs;

use crate::common::TestEnv;

/// Three events of a few sessions each (accents, quotes, a day's label),
/// one with nothing tagged `cilium`, and a broken file.
fn journal(env: &TestEnv) {
    let dir = env.journal();
    fs::create_dir_all(&dir).unwrap();
    for e in 0..3 {
        let mut text = format!(
            "schema = 1\n\n[event]\nname = \"Conférence {e}\"\nlocation = \"Paris\"\nstart = 2024-03-19\nend = 2024-03-21\n\
             timezone = \"Europe/Paris\"\ntags = [\"kubernetes\"]\n\n[days.2]\nlabel = \"Mercredi\"\nintro = \"Une journée \\\"chargée\\\".\"\n"
        );
        for s in 0..(3 + e * 2) {
            let tag = if e != 1 && s % 2 == 0 { "cilium" } else { "gitops" };
            text.push_str(&format!(
                "\n[[sessions]]\nid = {id}\nday = {day}\ntitle = \"Session {s} : l'échelle\"\nkind = \"{kind}\"\n\
                 speakers = [\"Camille Durand (Société Générale)\"]\nat = 2024-03-{dd}T{hour:02}:00:00+01:00\n\
                 tags = [\"{tag}\", \"réseau\"]\nverdict = \"{verdict}\"\nnotes = \"\"\"\nPoints clés :\n- un\n- deux\n\n> Mesurer.\n\"\"\"\n",
                id = s + 1,
                day = s % 3 + 1,
                kind = if s == 0 { "keynote" } else { "talk" },
                dd = 19 + s % 3,
                hour = 9 + s,
                verdict = if s % 3 == 0 { "to-try" } else { "good" },
            ));
        }
        fs::write(dir.join(format!("conf-{e}.toml")), text).unwrap();
    }
    fs::write(dir.join("broken.toml"), "schema = 1\n[event\n").unwrap();
}

const SLUGS: [&str; 3] = ["conf-0", "conf-1", "conf-2"];

/// The JSON of each event exported alone, gathered into one document.
fn json_one_by_one(env: &TestEnv, filters: &[&str]) -> String {
    let mut events = Vec::new();
    for slug in SLUGS {
        let out = env.ok([&["export", "json", "--event", slug][..], filters].concat());
        let mut doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        events.append(doc["events"].as_array_mut().unwrap());
    }
    serde_json::to_string_pretty(&serde_json::json!({ "schema": 1, "events": events })).unwrap() + "\n"
}

#[test]
fn the_whole_journal_as_json_is_each_event_as_json() {
    let env = TestEnv::new();
    journal(&env);
    for filters in [&[][..], &["--tag", "cilium"], &["--day", "2", "--verdict", "to-try"]] {
        let output = env.cmd([&["export", "json", "--all-events"][..], filters].concat()).output().unwrap();
        assert!(output.status.success());
        assert_eq!(String::from_utf8(output.stdout).unwrap(), json_one_by_one(&env, filters), "{filters:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("broken"), "the broken file is named: {stderr}");
    }
}

#[test]
fn the_whole_journal_as_markdown_is_each_event_as_markdown() {
    let env = TestEnv::new();
    journal(&env);
    let whole = env.ok(["export", "md", "--all-events"]);
    let posts: Vec<String> = SLUGS.iter().map(|slug| env.ok(["export", "md", "--event", slug])).collect();
    assert_eq!(whole, posts.join("\n"));
    assert!(whole.contains("# Conférence 0") && whole.contains("# Conférence 2"), "{whole}");
    // An event with nothing selected is left out.
    let tagged = env.ok(["export", "md", "--all-events", "--tag", "cilium", "--lang", "fr"]);
    let posts: Vec<String> = ["conf-0", "conf-2"]
        .iter()
        .map(|s| env.ok(["export", "md", "--event", s, "--tag", "cilium", "--lang", "fr"]))
        .collect();
    assert_eq!(tagged, posts.join("\n"));
    assert!(!tagged.contains("Conférence 1"));
}

#[test]
fn the_whole_journal_goes_to_a_file_whole() {
    let env = TestEnv::new();
    journal(&env);
    let stdout = env.ok(["export", "md", "--all-events"]);
    let path = env.root.path().join("out").join("journal.md");
    let output = env.cmd(["export", "md", "--all-events", "-o", path.to_str().unwrap()]).output().unwrap();
    assert!(output.status.success(), "{}", env.describe(&output));
    assert_eq!(fs::read_to_string(&path).unwrap(), stdout);
    // Not replaced without --force.
    let again = env.cmd(["export", "json", "--all-events", "-o", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&path).unwrap(), stdout);
    env.ok(["export", "json", "--all-events", "-o", path.to_str().unwrap(), "--force"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), env.ok(["export", "json", "--all-events"]));
}

#[test]
fn the_whole_journal_has_no_series_nor_front_matter() {
    let env = TestEnv::new();
    journal(&env);
    for args in [
        &["export", "md", "--all-events", "--per-day", "posts"][..],
        &["export", "md", "--all-events", "--front-matter", "yaml"],
    ] {
        let output = env.cmd(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", env.describe(&output));
    }
    assert!(!env.root.path().join("posts").exists());
}

#[test]
fn nothing_selected_in_the_whole_journal_says_so() {
    let env = TestEnv::new();
    journal(&env);
    let output = env.cmd(["export", "md", "--all-events", "--tag", "nothing"]).output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(env.describe(&output).contains("No sessions match."), "{}", env.describe(&output));
}
