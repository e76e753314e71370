//! Odd configs: unknown keys, broken files, verdicts that shadow built-ins or have no key, 1 MB.

use std::fs;
use std::time::Instant;

use super::{run_safe, shown, stderr, stdout, timed};
use crate::common::{TestEnv, fails_without_change};

#[test]
fn an_unknown_config_key_is_named_with_its_position() {
    let env = TestEnv::new();
    env.kubecon();
    fs::write(env.config_path(), "lang = \"en\"\nunknown_key = 1\n").unwrap();
    let out = fails_without_change(&env, &["list"], 1);
    assert!(out.contains("error: [TMP]/config.toml:2:1: unknown field `unknown_key`"), "{out}");
    fails_without_change(&env, &["add", "X", "-d", "2"], 1);
}

#[test]
fn help_and_version_work_with_a_broken_config() {
    let env = TestEnv::new();
    fs::write(env.config_path(), "lang = 5\n[[[\n\x1b[2J").unwrap();
    for args in
        [vec!["--help"], vec!["add", "--help"], vec!["help", "export"], vec!["export", "--help"], vec!["--version"]]
    {
        let output = run_safe(&env, &args, 0);
        assert!(!output.stdout.is_empty(), "{args:?}");
    }
    // Commands stop at the config and say where it is.
    let output = run_safe(&env, &["list"], 1);
    assert!(stderr(&output).contains("error: ") && stderr(&output).contains("config.toml:"), "{}", shown(&output));
    // `path` is what a user runs to find the config: it may print it, or
    // fail like the others, but it must name it.
    let output = env.cmd(["path"]).output().unwrap();
    let named = match output.status.code() {
        Some(0) => stdout(&output).contains("config.toml"),
        Some(1) => stderr(&output).contains("config.toml:"),
        _ => false,
    };
    assert!(named, "{}", shown(&output));
}

#[test]
fn a_config_verdict_with_a_built_in_key_relabels_it() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2"]);
    fs::write(env.config_path(), "[[verdicts]]\nkey = \"meh\"\nen = \"Bof\"\n").unwrap();
    assert_eq!(env.ok(["verdict", "meh"]), "#1 Talk: Bof\n");
    assert_eq!(env.ok(["verdict", "BOF"]), "#1 Talk: Bof\n");
    assert!(env.kubecon_file().contains("verdict = \"meh\""));
}

#[test]
fn a_config_verdict_key_that_folds_to_a_built_in_is_not_silently_shadowed() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2"]);
    fs::write(env.config_path(), "[[verdicts]]\nkey = \"TOP\"\nen = \"Wow\"\n").unwrap();
    let output = env.cmd(["verdict", "TOP"]).output().unwrap();
    let refused = output.status.code() == Some(1) && stderr(&output).contains("config.toml");
    let relabelled = output.status.code() == Some(0) && stdout(&output) == "#1 Talk: Wow\n";
    assert!(refused || relabelled, "{}", shown(&output));
}

#[test]
fn a_config_verdict_with_an_empty_key_is_refused() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2"]);
    fs::write(env.config_path(), "[[verdicts]]\nkey = \"\"\nen = \"Empty\"\n").unwrap();
    let out = fails_without_change(&env, &["verdict", "Empty"], 1);
    assert!(out.contains("config.toml"), "{out}");
}

#[test]
fn a_1_mb_config() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2"]);
    let mut config = String::from("lang = \"en\"\n");
    let mut count = 0;
    while config.len() < 1024 * 1024 {
        config.push_str(&format!(
            "[[verdicts]]\nkey = \"v{count}\"\nen = \"Verdict number {count}\"\nfr = \"Verdict numéro {count}\"\n"
        ));
        count += 1;
    }
    fs::write(env.config_path(), &config).unwrap();
    let (output, _) = timed(&env, &["verdict", &format!("v{}", count - 1)], None);
    assert_eq!(stdout(&output), format!("#1 Talk: Verdict number {}\n", count - 1));
    let start = Instant::now();
    let unknown = fails_without_change(&env, &["verdict", "nope"], 1);
    eprintln!(
        "timing: unknown verdict with {count} verdicts: {:?}, {} bytes of message",
        start.elapsed(),
        unknown.len()
    );
    // A 1 MB author: front matter quotes it whole.
    fs::write(env.config_path(), format!("author = \"{}\"\n", "A".repeat(1024 * 1024))).unwrap();
    let (post, _) = timed(&env, &["export", "md", "--day", "2", "--front-matter", "yaml"], None);
    assert!(stdout(&post).contains(&format!("author: \"{}\"", "A".repeat(1024 * 1024))));
}
