//! Every `--help` is snapshotted: it is the first documentation users read.

use clap::{Command, CommandFactory};
use insta::assert_snapshot;

use crate::common::TestEnv;

/// The path of `command` and of each of its subcommands, depth first
/// (clap's own `help` subcommand has no page of its own).
fn pages(command: &Command, path: &[String]) -> Vec<Vec<String>> {
    let mut found = vec![path.to_vec()];
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_string());
        found.extend(pages(sub, &sub_path));
    }
    found
}

#[test]
fn every_help_page() {
    let env = TestEnv::new();
    for page in pages(&notes::cli::Cli::command(), &[]) {
        let mut args = page.clone();
        args.push("--help".to_string());
        let name = if page.is_empty() { "notes".to_string() } else { page.join("_") };
        assert_snapshot!(format!("help_{name}"), env.ok(args));
    }
}

#[test]
fn help_works_with_a_broken_config() {
    let env = TestEnv::new();
    std::fs::write(env.config_path(), "this is = = not toml").unwrap();
    env.ok(["--help"]);
    env.ok(["add", "--help"]);
}
