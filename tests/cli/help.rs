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

/// The `after_help` of `command`'s page at `path` (examples, notes).
fn after_help(command: &Command, path: &[String]) -> String {
    let page = path.iter().fold(command.clone(), |cmd, name| {
        cmd.find_subcommand(name).cloned().unwrap_or_else(|| panic!("no subcommand {name}"))
    });
    page.get_after_help().map(ToString::to_string).unwrap_or_default()
}

/// An example is never broken across lines: at the widest help (clap's
/// `max_term_width`, 100) and in an 80-column terminal, every line after
/// the options is printed whole, as written.
#[test]
fn help_examples_never_wrap() {
    let env = TestEnv::new();
    let cli = notes::cli::Cli::command();
    let mut too_long = Vec::new();
    for page in pages(&cli, &[]) {
        let text = after_help(&cli, &page);
        for width in [100, 80] {
            let mut args = page.clone();
            args.push("--help".to_string());
            let output = env.cmd(&args).env("COLUMNS", width.to_string()).output().unwrap();
            let help = String::from_utf8(output.stdout).unwrap();
            for line in text.lines().map(str::trim_end) {
                let fits = line.chars().count() <= width && help.lines().any(|shown| shown.trim_end() == line);
                if !fits {
                    too_long.push(format!("notes {} at {width}: {line}", page.join(" ")));
                }
            }
        }
    }
    assert!(too_long.is_empty(), "lines wrapped:\n{}", too_long.join("\n"));
}

#[test]
fn help_works_with_a_broken_config() {
    let env = TestEnv::new();
    std::fs::write(env.config_path(), "this is = = not toml").unwrap();
    env.ok(["--help"]);
    env.ok(["add", "--help"]);
}
