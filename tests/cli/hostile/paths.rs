//! Event names, slugs, `--event` values and state files that look like paths stay in the journal.

use std::fs;
use std::path::{Path, PathBuf};

use super::{hostile_schedule, shown, stderr, stdout, write};
use crate::common::{TestEnv, fails_without_change};

/// The files under the root that are outside the journal directory and are
/// not the config file: none may ever appear.
fn strays(env: &TestEnv, journal: &Path, allowed: &[PathBuf]) -> Vec<PathBuf> {
    env.files()
        .into_keys()
        .filter(|p| !p.starts_with(journal) && *p != env.config_path() && !allowed.contains(p))
        .collect()
}

/// A journal three levels down, so that `../../x` stays inside the root and
/// shows up in `strays`.
fn deep_journal(env: &TestEnv) -> PathBuf {
    env.root.path().join("a").join("b").join("journal")
}

#[test]
fn event_names_that_look_like_paths_become_plain_slugs() {
    let env = TestEnv::new();
    let journal = deep_journal(&env);
    // "a\0b" cannot be passed through argv (execve strips at the NUL);
    // slugify's unit test covers it.
    for (name, slug) in [("../../x", "x"), ("..\\..\\y", "y"), ("/etc/passwd", "etc-passwd"), ("./.hidden", "hidden")] {
        let output =
            env.cmd(["event", "add", name, "--start", "2024-01-01"]).env("NOTES_DIR", &journal).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{name}: {}", shown(&output));
        assert!(stdout(&output).starts_with(&format!("Created event {slug} ")), "{name}: {}", shown(&output));
        assert!(journal.join(format!("{slug}.toml")).is_file(), "{name}");
    }
    assert_eq!(strays(&env, &journal, &[]), Vec::<PathBuf>::new());
    for path in env.files().into_keys() {
        let name = path.file_name().unwrap().to_str().unwrap();
        let Some(slug) = name.strip_suffix(".toml").filter(|_| !name.starts_with('.')) else { continue };
        assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{path:?}");
    }
}

#[test]
fn slugs_that_are_not_plain_are_refused() {
    let env = TestEnv::new();
    env.kubecon();
    for slug in ["../x", "x/y", "..", ".hidden", "", "X", "a--b", "x-", "a b", "é", &"x".repeat(65)] {
        let out = fails_without_change(&env, &["event", "add", "Name", "--slug", slug, "--start", "2024-01-01"], 2);
        assert!(out.contains(&format!("error: invalid slug '{slug}'")), "{out}");
    }
}

#[test]
fn an_empty_slug_gets_a_usable_hint() {
    let env = TestEnv::new();
    let out = fails_without_change(&env, &["event", "add", "Name", "--slug", "", "--start", "2024-01-01"], 2);
    assert!(!out.contains("e.g. ''"), "{out}");
}

#[test]
fn windows_device_names_are_not_slugs() {
    let env = TestEnv::new();
    for name in ["con", "nul", "aux", "prn", "com1", "lpt1"] {
        let output = env.cmd(["event", "add", name, "--start", "2024-01-01"]).output().unwrap();
        let created = env.journal().join(format!("{name}.toml")).exists();
        assert!(!created, "{name}.toml was created: {}", shown(&output));
        assert!(env.journal().join(format!("{name}-event.toml")).exists(), "{}", shown(&output));
    }
    let refused = fails_without_change(&env, &["event", "add", "Null", "--slug", "nul", "--start", "2024-01-01"], 2);
    assert!(refused.contains("not a device name (con, nul, com1…), e.g. 'nul-event'"), "{refused}");
    fails_without_change(&env, &["-e", "con", "list"], 1);
}

#[test]
fn an_event_flag_with_a_path_is_refused_by_every_command() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2"]);
    // A real event file where `../x` from the journal would lead.
    fs::copy(env.journal().join("kubecon-europe-2024.toml"), env.root.path().join("x.toml")).unwrap();
    let schedule = write(&env, "schedule.json", hostile_schedule("KubeCon Europe 2024"));
    let template = write(&env, "t.md.j2", "{{ title }}");
    let out = env.root.path().join("out.md");
    let (schedule, template, out) = (schedule.to_str().unwrap(), template.to_str().unwrap(), out.to_str().unwrap());
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--schedule"],
        vec!["list", "--all-events"],
        vec!["list", "--json"],
        vec!["add", "X", "-d", "2"],
        vec!["add", "--now"],
        vec!["jot", "x"],
        vec!["jot", "-i", "1", "x"],
        vec!["verdict", "meh"],
        vec!["verdict", "1", "meh"],
        vec!["show"],
        vec!["show", "1", "--json"],
        vec!["edit", "1", "--title", "Y"],
        vec!["rm", "1", "--yes"],
        vec!["day", "2"],
        vec!["day", "2", "--label", "L"],
        vec!["filter", "talk"],
        vec!["export", "md", "--output", out],
        vec!["export", "md", "--template", template],
        vec!["export", "json"],
        vec!["import", schedule],
        vec!["plan", "talko"],
        vec!["event", "show"],
        vec!["event", "edit", "--name", "Y"],
    ];
    for bad in ["../x", "../../x", "/etc/passwd", "..", "x/../../x", "./kubecon-europe-2024", ""] {
        for args in &commands {
            let mut full = vec!["--event", bad];
            full.extend(args);
            let output = fails_without_change(&env, &full, 1);
            assert!(output.contains(&format!("error: no event '{bad}'")), "{output}");
        }
        fails_without_change(&env, &["event", "use", bad], 1);
        fails_without_change(&env, &["event", "show", bad], 1);
    }
    assert_eq!(strays(&env, &env.journal(), &[]).len(), 3, "only x.toml, the schedule and the template");
}

#[test]
fn a_state_file_cannot_lead_outside_the_journal() {
    let env = TestEnv::new();
    env.kubecon();
    let outside = env.root.path().join("outside.toml");
    fs::copy(env.journal().join("kubecon-europe-2024.toml"), &outside).unwrap();
    fs::write(env.journal().join(".notes-state.toml"), "current_event = \"../outside\"\n").unwrap();
    let before = fs::read(&outside).unwrap();
    for args in [vec!["list"], vec!["add", "Written outside", "-d", "2"], vec!["jot", "x"]] {
        let output = env.cmd(&args).output().unwrap();
        assert!(matches!(output.status.code(), Some(0..=2)), "{args:?}: {}", shown(&output));
        assert!(!stderr(&output).contains("panicked"), "{args:?}: {}", shown(&output));
    }
    assert_eq!(fs::read(&outside).unwrap(), before, "outside.toml was written");
    assert_eq!(strays(&env, &env.journal(), &[outside]), Vec::<PathBuf>::new());
}
