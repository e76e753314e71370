//! Every `--help` is snapshotted: it is the first documentation users read.

use insta::assert_snapshot;

use crate::common::TestEnv;

#[test]
fn every_help_page() {
    let env = TestEnv::new();
    let pages: &[&[&str]] = &[
        &[],
        &["event"],
        &["event", "add"],
        &["event", "edit"],
        &["day"],
        &["add"],
        &["jot"],
        &["verdict"],
        &["show"],
        &["edit"],
        &["rm"],
        &["list"],
        &["filter"],
        &["export"],
        &["import"],
        &["plan"],
    ];
    for page in pages {
        let mut args = page.to_vec();
        args.push("--help");
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
