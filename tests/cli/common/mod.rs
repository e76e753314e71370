//! The test environment: a temp journal, a cleared environment with pinned
//! clock, time zone, colours and width, and helpers to run the built binary.

pub mod outline;
pub mod pictures;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// 11:05 in Paris on day 2 of the test event.
pub const NOW: &str = "2024-03-20T11:05:00+01:00";

pub struct TestEnv {
    pub root: TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv { root: tempfile::tempdir().unwrap() }
    }

    pub fn journal(&self) -> PathBuf {
        self.root.path().join("journal")
    }

    pub fn config_path(&self) -> PathBuf {
        self.root.path().join("config.toml")
    }

    /// `TMPDIR` of every run: where the editor's text is kept when a save
    /// fails. Not part of [`TestEnv::files`].
    pub fn scratch(&self) -> PathBuf {
        let dir = self.root.path().join("tmp");
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Where `notes` keeps the indexes of event files (the platform cache
    /// directory under `HOME`): a cache, not part of the journal.
    pub fn cache(&self) -> PathBuf {
        self.root.path().join(".cache").join("notes")
    }

    /// The files kept in the scratch dir (texts of edits that were not saved).
    pub fn kept(&self) -> Vec<PathBuf> {
        let mut kept: Vec<PathBuf> = fs::read_dir(self.scratch()).unwrap().flatten().map(|e| e.path()).collect();
        kept.sort();
        kept
    }

    /// The binary with a clean environment pointing at this journal.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = self.std_cmd();
        cmd.args(args);
        Command::from_std(cmd)
    }

    /// The binary as a plain `std::process::Command` (to spawn, kill, or
    /// run on a pseudo-terminal), with the pinned environment.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("notes"));
        self.pin(&mut cmd);
        cmd
    }

    /// Clears `cmd`'s environment down to this journal, a pinned clock,
    /// time zone and width, and no colour.
    pub fn pin(&self, cmd: &mut std::process::Command) {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root.path())
            .env("NOTES_DIR", self.journal())
            .env("NOTES_CONFIG", self.config_path())
            .env("NOTES_NOW", NOW)
            .env("TZ", "UTC")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("TMPDIR", self.scratch())
            .current_dir(self.root.path());
    }

    /// Runs and expects success; returns stdout.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let output = self.cmd(args).output().unwrap();
        assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    /// stdout, stderr and exit code in one text, the temp dir shown as [TMP].
    pub fn transcript<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.describe(&self.cmd(args).output().unwrap())
    }

    pub fn describe(&self, output: &Output) -> String {
        let text = format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            output.status.code().map_or("signal".to_string(), |c| c.to_string()),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let root = self.root.path().to_string_lossy().into_owned();
        let canonical = self.root.path().canonicalize().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        text.replace(&canonical, "[TMP]").replace(&root, "[TMP]")
    }

    /// The event used by most tests: 4 days in Paris, current.
    pub fn kubecon(&self) -> &Self {
        self.ok([
            "event",
            "add",
            "KubeCon Europe 2024",
            "--start",
            "2024-03-19",
            "--end",
            "2024-03-22",
            "--location",
            "Paris",
            "--tz",
            "Europe/Paris",
        ]);
        self
    }

    pub fn event_file(&self, slug: &str) -> String {
        fs::read_to_string(self.journal().join(format!("{slug}.toml"))).unwrap()
    }

    pub fn kubecon_file(&self) -> String {
        self.event_file("kubecon-europe-2024")
    }

    /// Every file under the root (journal and config, not the scratch
    /// dir nor the cache), with its bytes, to prove that a failed command
    /// changed nothing.
    pub fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(self.root.path(), &mut files);
        files.retain(|path, _| !path.starts_with(self.scratch()) && !path.starts_with(self.cache()));
        files
    }
}

fn collect(dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.insert(path.clone(), fs::read(&path).unwrap_or_default());
        }
    }
}

/// Runs `args`, expects `code`, and checks that no file changed.
pub fn fails_without_change(env: &TestEnv, args: &[&str], code: i32) -> String {
    let before = env.files();
    let output = env.cmd(args).output().unwrap();
    let after = env.files();
    assert_eq!(output.status.code(), Some(code), "{}", env.describe(&output));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "files appeared or vanished");
    assert!(before == after, "a file changed");
    env.describe(&output)
}
