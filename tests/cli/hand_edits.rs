//! A user's comments, key order and formatting survive every command.

use crate::common::TestEnv;

const HAND_WRITTEN: &str = r#"# My KubeCon notes — written by hand
schema = 1

[event]
# the venue changed in January
location = "Paris"   # Porte de Versailles
name = 'KubeCon Europe 2024'
timezone = "Europe/Paris"
start = 2024-03-19
end   = 2024-03-22

[[sessions]]
title = "Gateway API"      # the title on the schedule was longer
id = 1
day = 2
status = "attended"
notes = '''
Notes I typed myself.
'''
custom_field = "kept"

# talks below are from day 3
"#;

#[test]
fn add_jot_and_verdict_keep_everything_outside_the_changed_parts() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.journal()).unwrap();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::write(&path, HAND_WRITTEN).unwrap();

    env.ok(["add", "Cilium cluster mesh", "-d", "2"]);
    env.ok(["jot", "-i", "1", "one more line"]);
    env.ok(["edit", "1", "--verdict", "meh"]);

    let file = std::fs::read_to_string(&path).unwrap();
    // The comment that closed the file still closes it, after the new session.
    let (head, added) = file.split_once("\n[[sessions]]\nid = 2\n").expect("the new session is appended");
    let expected_head = HAND_WRITTEN
        .replace(
            "status = \"attended\"\nnotes = '''\nNotes I typed myself.\n'''\n",
            "status = \"attended\"\nverdict = \"meh\"\nnotes = \"\"\"\nNotes I typed myself.\n\n- one more line\n\"\"\"\n",
        )
        .replace("# talks below are from day 3\n", "");
    assert_eq!(format!("{head}\n"), expected_head);
    assert!(added.starts_with("day = 2\ntitle = \"Cilium cluster mesh\"\n"), "{added}");
    assert!(file.ends_with("\n# talks below are from day 3\n"), "{file}");
}

#[test]
fn a_no_op_command_leaves_the_file_byte_identical() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.journal()).unwrap();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::write(&path, HAND_WRITTEN).unwrap();
    env.ok(["edit", "1", "--status", "attended", "--room", ""]);
    env.ok(["list"]);
    env.ok(["show", "1"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HAND_WRITTEN);
}

/// A file saved by a Windows editor: a byte order mark and CRLF line ends.
/// Every command that writes keeps both, and the notes read the same.
#[test]
fn a_bom_and_crlf_line_ends_survive_every_write() {
    let env = TestEnv::new();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::create_dir_all(env.journal()).unwrap();
    let windows = format!("\u{feff}{}", HAND_WRITTEN.replace('\n', "\r\n"));
    std::fs::write(&path, &windows).unwrap();
    env.ok(["event", "use", "kubecon-europe-2024"]);
    for args in [
        &["jot", "-i", "1", "one more line"][..],
        &["add", "Another talk", "-d", "3", "-m", "two\nlines"],
        &["verdict", "1", "meh"],
        &["edit", "1", "--room", "Hall 7"],
        &["day", "2", "--intro", "An intro"],
        &["event", "edit", "--location", "Lyon"],
        &["event", "edit", "--start", "2024-03-18"],
    ] {
        env.ok(args);
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'), "{args:?} dropped the BOM");
        let lone = text.match_indices('\n').filter(|(i, _)| !text[..*i].ends_with('\r')).count();
        assert_eq!(lone, 0, "{args:?} left LF line ends:\n{text}");
    }
    let session: serde_json::Value = serde_json::from_str(&env.ok(["show", "1", "--json"])).unwrap();
    assert_eq!(session["notes"], "Notes I typed myself.\n\n- one more line\n");
    assert_eq!(session["room"], "Hall 7");
    let before = std::fs::read(&path).unwrap();
    env.ok(["verdict", "1", "meh"]);
    assert_eq!(std::fs::read(&path).unwrap(), before, "a change to the same value writes nothing");
}

/// A file with a few CRLF line ends among LF ones is not "a CRLF file":
/// what a write does not change stays byte for byte.
#[test]
fn a_file_with_mixed_line_ends_keeps_them() {
    let env = TestEnv::new();
    let path = env.journal().join("kubecon-europe-2024.toml");
    std::fs::create_dir_all(env.journal()).unwrap();
    let mixed = HAND_WRITTEN.replacen("# the venue changed in January\n", "# the venue changed in January\r\n", 1);
    std::fs::write(&path, &mixed).unwrap();
    env.ok(["event", "use", "kubecon-europe-2024"]);
    env.ok(["jot", "-i", "1", "one more line"]);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&mixed[..mixed.find("[[sessions]]").unwrap()]), "{after}");
    assert_eq!(after.matches("\r\n").count(), 1, "{after}");
}

/// A time written by hand in UTC is shown in the event's zone in the
/// editor, and saving without a change writes nothing.
#[test]
fn the_editor_shows_times_in_the_event_s_zone() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.journal()).unwrap();
    let path = env.journal().join("kubecon-europe-2024.toml");
    let utc = HAND_WRITTEN.replace("day = 2\n", "day = 2\nat = 2024-03-20T10:00:00Z\n");
    std::fs::write(&path, &utc).unwrap();
    let seen = env.root.path().join("seen.toml");
    let editor = format!("cp -f -- \"$1\" '{}' #", seen.display());
    let out =
        env.cmd(["edit", "1"]).env("EDITOR", format!("sh -c '{}' sh", editor.replace('\'', "'\\''"))).output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let shown = std::fs::read_to_string(&seen).unwrap();
    assert!(shown.contains("at = 2024-03-20T11:00:00+01:00\n"), "{shown}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), utc);
}
