//! A 10 MB note, 100 kB titles and fields, NUL and other C0 characters, from stdin and argv.

use serde_json::Value;

use super::{excerpt, json_of, run_safe, shown, stdout, timed};
use crate::common::TestEnv;

#[test]
fn a_10_mb_note_from_stdin_is_kept_and_stays_usable() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Big", "-d", "2"]);
    let line = "Lorem ipsum dolor sit amet, « é à ü » 🙂 \\ \"quoted\" ''' \"\"\" \u{7f}\n";
    let note = line.repeat(10 * 1024 * 1024 / line.len() + 1);
    assert!(note.len() >= 10 * 1024 * 1024);
    timed(&env, &["jot", "--raw", "-"], Some(note.as_bytes()));
    let file = env.kubecon_file();
    assert!(file.len() >= note.len(), "the file holds the note");
    toml::from_str::<toml::Value>(&file).expect("the file still parses");
    let (show, _) = timed(&env, &["show", "1", "--json"], None);
    let json: Value = serde_json::from_slice(&show.stdout).unwrap();
    assert!(json["notes"] == format!("{}\n", note.trim()), "the note is kept exactly");
    timed(&env, &["list"], None);
    timed(&env, &["add", "After", "-d", "2"], None);
    // Appending to the big session rewrites its 10 MB string.
    timed(&env, &["jot", "-i", "1", "one more line"], None);
    assert!(env.kubecon_file().contains("one more line"));
}

#[test]
fn a_100_kb_title_and_fields_in_argv() {
    let env = TestEnv::new();
    env.kubecon();
    let long = "Titre très long é🙂 ".repeat(6_000).chars().take(100_000).collect::<String>();
    let long = long.trim().to_string();
    timed(
        &env,
        &["add", &long, "-d", "2", "-s", &long, "--room", &long, "-t", &long, "-m", &long, "--track", &long],
        None,
    );
    let json = json_of(&env, &["show", "1", "--json"]);
    assert_eq!(json["title"], long.as_str());
    assert_eq!(json["room"], long.as_str());
    for args in [vec!["list"], vec!["show", "1"], vec!["filter", "titre"], vec!["verdict", "meh"], vec!["export", "md"]]
    {
        timed(&env, &args, None);
    }
}

#[test]
fn nul_and_other_c0_characters_from_stdin_are_stored_and_shown_escaped() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Nul", "-d", "2"]);
    let note: String = (0u8..0x20).filter(|b| *b != b'\n').map(char::from).chain("end".chars()).collect();
    let jot = env.cmd(["jot", "--raw", "-"]).write_stdin(note.repeat(1000)).output().unwrap();
    assert_eq!(jot.status.code(), Some(0), "{}", shown(&jot));
    toml::from_str::<toml::Value>(&env.kubecon_file()).expect("the file still parses");
    let json = json_of(&env, &["show", "1", "--json"]);
    assert_eq!(json["notes"], format!("{}\n", note.repeat(1000).trim()));
    let show = stdout(&run_safe(&env, &["show", "1"], 0));
    assert!(show.contains("\\u{0}\\u{1}"), "{:?}", excerpt(&show));
}
