//! The bundled example journal: the README's first command runs on it.

use std::path::Path;

use insta::assert_snapshot;

use crate::common::TestEnv;

fn example_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal"))
}

#[test]
fn the_readme_command_lists_day_2_and_changes_nothing() {
    let env = TestEnv::new();
    let before = snapshot_dir(example_dir());
    let out = env
        .cmd(["--dir", example_dir().to_str().unwrap(), "list", "--day", "2"])
        .env_remove("NOTES_DIR")
        .output()
        .unwrap();
    assert_snapshot!(env.describe(&out));
    assert_eq!(before, snapshot_dir(example_dir()), "the example journal must not change");
}

#[test]
fn every_example_session_loads() {
    let env = TestEnv::new();
    let json = env.ok(["--dir", example_dir().to_str().unwrap(), "list", "--json"]);
    let sessions: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(sessions.as_array().unwrap().len() >= 15);
}

fn snapshot_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}
