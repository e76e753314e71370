//! The prompts on a real terminal: the built binary in a pseudo-terminal,
//! driven key by key as a person would, waiting for each question before
//! answering it. Every wait is bounded, so a prompt that never comes fails
//! the test instead of hanging it.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

use crate::common::{NOW, TestEnv};

const TIMEOUT: Duration = Duration::from_secs(10);
const UP: &str = "\x1b[A";
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

/// The binary with the same clean environment as `TestEnv::cmd`, plus a
/// terminal type so the prompts can move the cursor.
fn notes(env: &TestEnv, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("notes"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.root.path())
        .env("NOTES_DIR", env.journal())
        .env("NOTES_CONFIG", env.config_path())
        .env("NOTES_NOW", NOW)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .current_dir(env.root.path())
        .args(args);
    cmd
}

/// A running `notes` on a pseudo-terminal, with everything it has drawn so
/// far kept for the failure messages.
struct Tty {
    session: OsSession,
    screen: Vec<u8>,
}

impl Tty {
    fn spawn(cmd: Command) -> Self {
        let mut session = Session::spawn(cmd).expect("spawn notes on a pty");
        session.set_expect_timeout(Some(TIMEOUT));
        Tty { session, screen: Vec::new() }
    }

    /// What the terminal received, escape sequences shown as `␛`.
    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.screen).replace('\x1b', "␛")
    }

    /// Waits until `text` has been drawn.
    fn expect(&mut self, text: &str) {
        match self.session.expect(text) {
            Ok(found) => self.screen.extend_from_slice(found.as_bytes()),
            Err(err) => {
                self.drain();
                panic!("waiting for {text:?}: {err}\n--- terminal so far\n{}", self.transcript());
            }
        }
    }

    /// Keeps whatever arrived without being waited for, for a failure message.
    fn drain(&mut self) {
        if let Ok(rest) = self.session.check(Regex("(?s).+")) {
            self.screen.extend_from_slice(rest.as_bytes());
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("write to the pty");
    }

    /// Reads to the end of the output, then reaps the process.
    fn finish(&mut self) -> WaitStatus {
        match self.session.expect(Eof) {
            Ok(found) => self.screen.extend_from_slice(found.as_bytes()),
            Err(err) => {
                self.drain();
                panic!("waiting for notes to exit: {err}\n--- terminal so far\n{}", self.transcript())
            }
        }
        let start = Instant::now();
        loop {
            match self.session.get_process().status().expect("child status") {
                WaitStatus::StillAlive if start.elapsed() < TIMEOUT => std::thread::sleep(Duration::from_millis(10)),
                WaitStatus::StillAlive => panic!("notes closed the terminal but did not exit\n{}", self.transcript()),
                status => return status,
            }
        }
    }

    /// Runs to the end and expects exit code `code`.
    fn exits_with(&mut self, code: i32) {
        let status = self.finish();
        assert!(
            matches!(status, WaitStatus::Exited(_, c) if c == code),
            "expected exit code {code}, got {status:?}\n--- terminal\n{}",
            self.transcript()
        );
    }
}

fn assert_unchanged(env: &TestEnv, before: &std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>) {
    let after = env.files();
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "files appeared or vanished");
    assert!(*before == after, "a file changed");
}

/// A session made without prompts, for the commands that act on one.
fn with_gateway_session() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Gateway API deep dive", "-k", "keynote", "-s", "Rob Scott (Google)"]);
    env
}

#[test]
fn add_without_a_title_asks_for_every_field() {
    let env = TestEnv::new();
    env.kubecon();
    let mut tty = Tty::spawn(notes(&env, &["add"]));

    tty.expect("Title");
    tty.send("Gateway API deep dive");
    tty.send(ENTER);
    tty.expect("Speakers");
    tty.send("Rob Scott (Google), Harry Bagdi (Kong)");
    tty.send(ENTER);
    // The list starts on `talk`; keynote is the one above it.
    tty.expect("Kind");
    tty.expect("❯ talk");
    tty.send(UP);
    tty.expect("❯ keynote");
    tty.send(ENTER);
    tty.expect("Tags");
    tty.send("gateway, networking");
    tty.send(ENTER);
    tty.expect("Verdict");
    tty.expect("❯ (none yet)");
    for label in ["Must-see", "Good", "Meh", "To try"] {
        tty.send(DOWN);
        tty.expect(&format!("❯ {label}"));
    }
    tty.send(ENTER);
    tty.expect("Added #1 to kubecon-europe-2024, day 2: Gateway API deep dive");
    tty.exits_with(0);

    let file = env.kubecon_file();
    for expected in [
        "title = \"Gateway API deep dive\"",
        "kind = \"keynote\"",
        "\"Rob Scott (Google)\"",
        "\"Harry Bagdi (Kong)\"",
        "tags = [\"gateway\", \"networking\"]",
        "verdict = \"to-try\"",
        "day = 2",
    ] {
        assert!(file.contains(expected), "missing {expected:?} in\n{file}");
    }

    // The prompted session is the current one.
    assert_eq!(env.ok(["jot", "first point"]), "Jotted to #1 Gateway API deep dive\n");
    assert!(env.kubecon_file().contains("first point"), "{}", env.kubecon_file());
}

#[test]
fn rm_asks_first_and_no_keeps_the_session() {
    let env = with_gateway_session();
    let before = env.files();

    let mut tty = Tty::spawn(notes(&env, &["rm", "1"]));
    tty.expect("Delete #1 Gateway API deep dive and its notes?");
    tty.send("n");
    tty.expect("cancelled, nothing was saved");
    tty.exits_with(130);
    assert_unchanged(&env, &before);

    let mut tty = Tty::spawn(notes(&env, &["rm", "1"]));
    tty.expect("Delete #1 Gateway API deep dive and its notes?");
    tty.send("y");
    tty.expect("Deleted #1 Gateway API deep dive");
    tty.exits_with(0);
    let file = env.kubecon_file();
    assert!(!file.contains("Gateway API deep dive") && !file.contains("[[sessions]]"), "{file}");
}

/// An editor that puts a typo in the kind the first time it runs, and a
/// valid change every time after. It lives, and counts its runs, in its own
/// temp dir, so the journal's files can be compared before and after.
struct FlakyEditor {
    dir: tempfile::TempDir,
}

impl FlakyEditor {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        write_editor_script(dir.path());
        FlakyEditor { dir }
    }

    /// The value for `$EDITOR`.
    fn command(&self) -> String {
        format!("sh '{}'", self.dir.path().join("editor.sh").display())
    }

    fn runs(&self) -> String {
        fs::read_to_string(self.dir.path().join("editor-runs")).unwrap().trim().to_string()
    }
}

fn write_editor_script(dir: &Path) {
    let script = dir.join("editor.sh");
    let runs = dir.join("editor-runs");
    fs::write(
        &script,
        format!(
            r#"runs=$(cat '{runs}' 2>/dev/null || echo 0)
runs=$((runs + 1))
echo "$runs" > '{runs}'
if [ "$runs" -eq 1 ]; then
  sed -i 's/^kind = .*/kind = "tlak"/' "$1"
else
  sed -i -e 's/^kind = .*/kind = "panel"/' -e 's/^title = .*/title = "Gateway API, edited"/' "$1"
fi
"#,
            runs = runs.display()
        ),
    )
    .unwrap();
}

#[test]
fn edit_offers_another_try_after_an_invalid_edit() {
    let env = with_gateway_session();
    let editor = FlakyEditor::new();
    let mut cmd = notes(&env, &["edit", "1"]);
    cmd.env("EDITOR", editor.command());

    let mut tty = Tty::spawn(cmd);
    tty.expect("warning:");
    tty.expect("tlak");
    tty.expect("Edit again?");
    tty.send(ENTER); // the default is yes
    tty.expect("Updated #1 Gateway API, edited");
    tty.exits_with(0);

    assert_eq!(editor.runs(), "2");
    let file = env.kubecon_file();
    assert!(file.contains("title = \"Gateway API, edited\""), "{file}");
    assert!(file.contains("kind = \"panel\""), "{file}");
    assert!(!file.contains("tlak"), "{file}");
}

#[test]
fn edit_answered_no_after_an_invalid_edit_saves_nothing() {
    let env = with_gateway_session();
    let before = env.files();
    let editor = FlakyEditor::new();
    let mut cmd = notes(&env, &["edit", "1"]);
    cmd.env("EDITOR", editor.command());

    let mut tty = Tty::spawn(cmd);
    tty.expect("Edit again?");
    tty.send("n");
    tty.expect("cancelled, nothing was saved");
    tty.exits_with(130);

    assert_eq!(editor.runs(), "1");
    assert_unchanged(&env, &before);
}

#[test]
fn ctrl_c_at_the_title_writes_nothing() {
    let env = TestEnv::new();
    env.kubecon();
    let before = env.files();

    let mut tty = Tty::spawn(notes(&env, &["add"]));
    tty.expect("Title");
    tty.send("Gateway");
    tty.expect("Gateway");
    tty.send(CTRL_C);
    // Today the prompt library raises SIGINT on itself, which kills the
    // process (a shell reports 130 too); exiting with 130 would do as well.
    let status = tty.finish();
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGINT, _) | WaitStatus::Exited(_, 130)),
        "Ctrl-C should stop notes as interrupted, got {status:?}\n{}",
        tty.transcript()
    );
    assert_unchanged(&env, &before);
}
