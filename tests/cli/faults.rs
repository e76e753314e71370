//! Smaller faults, each a way notes once misfiled a note or hung: a kill
//! between the two writes of `add`, a state that cannot be written, a lock
//! held on the state, a FIFO among the event files, text from outside in
//! paths.

use std::fs::{self, File, OpenOptions};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::TestEnv;

const SLUG: &str = "kubecon-europe-2024";

fn state(env: &TestEnv) -> toml::Table {
    fs::read_to_string(env.journal().join(".notes-state.toml"))
        .map_or_else(|_| toml::Table::new(), |t| toml::from_str(&t).unwrap())
}

fn current(env: &TestEnv) -> Option<i64> {
    state(env).get("current_session")?.get(SLUG)?.as_integer()
}

fn highest_id(env: &TestEnv) -> i64 {
    let file: toml::Table = toml::from_str(&env.kubecon_file()).unwrap();
    file.get("sessions")
        .and_then(|s| s.as_array())
        .map_or(0, |s| s.iter().filter_map(|s| s["id"].as_integer()).max().unwrap_or(0))
}

/// Waits for `child` at most `limit`, killing it past that.
fn wait(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("notes did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// `add` writes the state (the new session is current) before the event
/// file: killed anywhere, the current session is never an older one while
/// a newer one is in the file, so the next `jot` cannot go to the wrong talk.
#[test]
fn a_kill_during_add_never_leaves_an_older_session_current() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "First", "-d", "2"]);
    let started = Instant::now();
    env.ok(["add", "Second", "-d", "2"]);
    let whole = started.elapsed().as_micros() as u64;
    let mut seed = 0x2024_u64;
    for k in 0..60 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut child = env.std_cmd();
        let mut child = child.args(["add", &format!("Talk {k}"), "-d", "2"]).stdout(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros((seed >> 33) % (whole * 12 / 10 + 1)));
        let _ = child.kill();
        wait(&mut child, Duration::from_secs(10));
        let (current, highest) = (current(&env), highest_id(&env));
        assert!(
            current == Some(highest) || current == Some(highest + 1),
            "kill {k}: #{current:?} is current, #{highest} is the newest session"
        );
    }
}

#[test]
fn add_writes_nothing_when_the_state_cannot_be_written() {
    let env = TestEnv::new();
    env.kubecon();
    let state = env.journal().join(".notes-state.toml");
    fs::remove_file(&state).unwrap();
    fs::create_dir(&state).unwrap();
    let before = env.kubecon_file();
    let out = env.cmd(["add", "A talk", "-d", "2"]).output().unwrap();
    let shown = env.describe(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("error: cannot "), "{shown}");
    assert_eq!(env.kubecon_file(), before, "the session was added although the command failed");
}

/// Every wait for a lock says so and names the file, the state's included.
#[test]
fn every_lock_wait_says_what_it_waits_for() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "A talk", "-d", "2"]);
    let editor = env.root.path().join("editor");
    fs::write(&editor, "#!/bin/sh\nsed -i 's/location = \"Paris\"/location = \"Lyon\"/' \"$1\"\n").unwrap();
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let cases: [(&str, &[&str], &str); 3] = [
        (".notes-state.toml.lock", &["add", "Another talk", "-d", "2"], ".notes-state.toml"),
        (".notes-state.toml.lock", &["event", "use", SLUG], ".notes-state.toml"),
        (".kubecon-europe-2024.toml.lock", &["event", "edit"], "kubecon-europe-2024.toml"),
    ];
    for (lock, args, waited_for) in cases {
        let lock = OpenOptions::new().write(true).create(true).truncate(false).open(env.journal().join(lock)).unwrap();
        lock.lock().unwrap();
        let stderr = env.root.path().join("waiting.stderr");
        let mut child = env
            .std_cmd()
            .args(args)
            .env("EDITOR", &editor)
            .stdout(Stdio::null())
            .stderr(File::create(&stderr).unwrap())
            .spawn()
            .unwrap();
        let expected = format!("waiting for another notes process to finish writing {waited_for}…");
        let deadline = Instant::now() + Duration::from_secs(5);
        while !fs::read_to_string(&stderr).unwrap().contains(&expected) {
            assert!(Instant::now() < deadline, "{args:?} waits without a word: {:?}", fs::read_to_string(&stderr));
            std::thread::sleep(Duration::from_millis(10));
        }
        drop(lock);
        assert!(wait(&mut child, Duration::from_secs(10)).success(), "{args:?}: {:?}", fs::read_to_string(&stderr));
    }
}

#[test]
fn a_fifo_among_the_event_files_is_skipped_with_a_warning() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Cilium", "-d", "2"]);
    let fifo = env.journal().join("stray.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for args in [&["event", "list"][..], &["filter", "cilium"], &["list", "--all-events"], &["export", "json", "-a"]] {
        let mut child = env.std_cmd().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let status = wait(&mut child, Duration::from_secs(10));
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(status.success(), "{args:?}: {stderr}");
        assert!(
            stderr.contains("warning: skipping stray: cannot read") && stderr.contains("not a regular file"),
            "{args:?}: {stderr}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout).to_lowercase();
        assert!(stdout.contains("kubecon") || stdout.contains("cilium"), "{args:?}: {stdout}");
    }
}

#[test]
fn paths_from_the_environment_reach_the_terminal_escaped() {
    let env = TestEnv::new();
    let dir = env.root.path().join("notes\x1b]0;pwned\x07");
    let out = env.cmd(["path"]).env("NOTES_DIR", &dir).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(!stdout.contains('\x1b') && !stdout.contains('\x07'), "{stdout:?}");
    assert!(stdout.contains("notes\\u{1b}]0;pwned\\u{7}"), "{stdout}");
}
