//! Commands that wait for a person (`edit` in `$EDITOR`, `rm`'s question)
//! must not act on what the person saw if it changed meanwhile: changes to
//! other fields are kept beside the person's, a real conflict saves nothing
//! and keeps the person's text in a file the error names.
//!
//! The editors here are scripts that do, while "editing", what another
//! terminal would do in the meantime.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use serde_json::Value;

use crate::common::TestEnv;

/// One session, #1, with notes and a verdict.
fn with_a_session() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Multi-cluster with Cilium", "-d", "2", "-s", "Liz Rice (Isovalent)", "--room", "Hall 7"]);
    env.ok(["jot", "Cluster mesh: CIDRs must not overlap"]);
    env
}

/// An editor: a shell script that gets the file as `$1` and can run the
/// same notes binary as `$NOTES`.
fn editor(env: &TestEnv, name: &str, body: &str) -> PathBuf {
    let path = env.root.path().join(name);
    let notes = assert_cmd::cargo::cargo_bin("notes");
    fs::write(&path, format!("#!/bin/sh\nNOTES='{}'\n{body}\n", notes.display())).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn session(env: &TestEnv, id: u32) -> Value {
    serde_json::from_str(&env.ok(["show", &id.to_string(), "--json"])).unwrap()
}

#[test]
fn an_edit_keeps_what_another_terminal_wrote_meanwhile() {
    let env = with_a_session();
    let script = editor(
        &env,
        "jot-then-edit",
        "\"$NOTES\" jot 'Written from another terminal' >/dev/null && \"$NOTES\" verdict meh >/dev/null \
         && sed -i -e 's/with Cilium/with Cilium and Hubble/' -e 's/Hall 7/Hall 8/' \"$1\"",
    );
    let out = env.cmd(["edit", "1"]).env("EDITOR", &script).output().unwrap();
    assert!(out.status.success(), "{}", env.describe(&out));
    let edited = session(&env, 1);
    assert_eq!(edited["title"], "Multi-cluster with Cilium and Hubble");
    assert_eq!(edited["room"], "Hall 8");
    assert_eq!(edited["notes"], "- Cluster mesh: CIDRs must not overlap\n- Written from another terminal\n");
    assert_eq!(edited["verdict"]["key"], "meh");
    assert!(env.kept().is_empty(), "nothing left behind: {:?}", env.kept());
}

#[test]
fn an_edit_that_conflicts_saves_nothing_and_keeps_the_text() {
    let env = with_a_session();
    let script = editor(
        &env,
        "conflict",
        "\"$NOTES\" edit 1 --title 'Their title' >/dev/null && sed -i 's/^title = .*/title = \"My title\"/' \"$1\"",
    );
    let out = env.cmd(["edit", "1"]).env("EDITOR", &script).output().unwrap();
    let shown = env.describe(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains(
            "error: #1 changed while you were editing it, in the same fields (title); nothing was saved\n\
             help: your text is kept in [TMP]/tmp/notes-edit-"
        ),
        "{shown}"
    );
    assert_eq!(session(&env, 1)["title"], "Their title");
    let kept = env.kept();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(fs::read_to_string(&kept[0]).unwrap().contains("title = \"My title\""));
}

#[test]
fn an_edit_of_a_session_deleted_meanwhile_keeps_the_text() {
    let env = with_a_session();
    let script = editor(&env, "delete", "\"$NOTES\" rm 1 --yes >/dev/null && sed -i 's/Cilium/Hubble/' \"$1\"");
    let out = env.cmd(["edit", "1"]).env("EDITOR", &script).output().unwrap();
    let shown = env.describe(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("error: no session #1 in kubecon-europe-2024\nhelp: your text is kept in"), "{shown}");
    assert!(!env.kubecon_file().contains("[[sessions]]"), "not brought back");
    assert!(fs::read_to_string(&env.kept()[0]).unwrap().contains("Multi-cluster with Hubble"));
}

#[test]
fn an_editor_that_fails_after_typing_keeps_the_text() {
    let env = with_a_session();
    let script = editor(&env, "crash", "sed -i 's/Cilium/Hubble/' \"$1\"; exit 3");
    let before = env.files();
    let out = env.cmd(["edit", "1"]).env("EDITOR", &script).output().unwrap();
    let shown = env.describe(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("nothing was saved") && shown.contains("your text is kept in"), "{shown}");
    assert!(before == env.files());
    assert!(fs::read_to_string(&env.kept()[0]).unwrap().contains("Multi-cluster with Hubble"));
}

#[test]
fn an_event_file_changed_while_in_the_editor_is_not_overwritten_and_the_text_is_kept() {
    let env = with_a_session();
    let script = editor(
        &env,
        "jot-then-event-edit",
        "\"$NOTES\" jot 'Written meanwhile' >/dev/null && sed -i 's/location = \"Paris\"/location = \"Lyon\"/' \"$1\"",
    );
    let out = env.cmd(["event", "edit"]).env("EDITOR", &script).output().unwrap();
    let shown = env.describe(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("the file changed while you were editing it") && shown.contains("kept in"), "{shown}");
    let file = env.kubecon_file();
    assert!(file.contains("Written meanwhile") && file.contains("location = \"Paris\""), "{file}");
    assert!(fs::read_to_string(&env.kept()[0]).unwrap().contains("location = \"Lyon\""));
}

/// Edits and jots at once, from several processes: every jot survives, and
/// an edit either lands or says it conflicted, keeping its text.
#[test]
fn edits_racing_jots_lose_no_jot() {
    let env = with_a_session();
    let script = editor(&env, "room", "sed -i \"s/^room = .*/room = \\\"Room $$\\\"/\" \"$1\"");
    std::thread::scope(|scope| {
        let jotters: Vec<_> = (0..3)
            .map(|t| {
                let env = &env;
                scope.spawn(move || {
                    for n in 0..15 {
                        env.ok(["jot", &format!("jot {t}-{n}")]);
                    }
                })
            })
            .collect();
        for _ in 0..15 {
            let out = env.cmd(["edit", "1"]).env("EDITOR", &script).output().unwrap();
            let shown = env.describe(&out);
            assert!(out.status.success() || shown.contains("in the same fields"), "{shown}");
        }
        for jotter in jotters {
            jotter.join().unwrap();
        }
    });
    let notes = session(&env, 1)["notes"].as_str().unwrap().to_string();
    for t in 0..3 {
        for n in 0..15 {
            assert!(notes.contains(&format!("- jot {t}-{n}\n")), "jot {t}-{n} lost:\n{notes}");
        }
    }
}

/// The person's text is in a file of its own before the save waits for the
/// lock: killed while waiting, nothing typed is lost.
#[test]
fn an_edit_killed_while_waiting_for_the_lock_keeps_the_text() {
    use std::fs::{File, OpenOptions};
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let env = with_a_session();
    let lock = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(env.journal().join(".kubecon-europe-2024.toml.lock"))
        .unwrap();
    lock.lock().unwrap();
    let script = editor(&env, "quick", "sed -i 's/Cilium/Hubble/' \"$1\"");
    let stderr = env.root.path().join("edit.stderr");
    let mut child = env
        .std_cmd()
        .args(["edit", "1"])
        .env("EDITOR", &script)
        .stderr(File::create(&stderr).unwrap())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !fs::read_to_string(&stderr).unwrap().contains("waiting for another notes process") {
        assert!(Instant::now() < deadline, "never waited: {:?}", fs::read_to_string(&stderr));
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    drop(lock);
    let kept = env.kept();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(fs::read_to_string(&kept[0]).unwrap().contains("Multi-cluster with Hubble"));
    assert!(env.kubecon_file().contains("Multi-cluster with Cilium"), "nothing half-saved");
}
