//! Reliability: many writers at once, writers killed mid-write, held and
//! abandoned locks, read-only and full disks, closed pipes, private files.
//!
//! Every process runs on a temporary journal (NOTES_DIR and NOTES_CONFIG in
//! a temp dir) and every wait is bounded, so a deadlock fails instead of
//! hanging. Timings go to stderr (`-- --nocapture` shows them).
#![cfg(unix)]

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::common::TestEnv;

const SLUG: &str = "kubecon-europe-2024";
const WAITING: &str = "waiting for another notes process";
/// Longest any single `notes` run may take before the test calls it a hang.
const LIMIT: Duration = Duration::from_secs(30);

// ------------------------------------------------------------------ helpers

/// The built binary with the same clean environment as `TestEnv::cmd`.
fn notes(env: &TestEnv) -> Command {
    in_env(Command::new(env!("CARGO_BIN_EXE_notes")), env)
}

/// `cmd` with only the variables of the test environment.
fn in_env(mut cmd: Command, env: &TestEnv) -> Command {
    env.pin(&mut cmd);
    cmd.stdin(Stdio::null());
    cmd
}

fn notes_with(env: &TestEnv, args: &[&str]) -> Command {
    let mut cmd = notes(env);
    cmd.args(args);
    cmd
}

/// Runs to completion within `limit` (else kills it and fails), capturing output.
fn run_bounded(mut cmd: Command, limit: Duration) -> Output {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let status = wait_bounded(&mut child, limit);
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

fn drain(mut reader: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        bytes
    })
}

/// Waits for `child`, killing it and failing the test after `limit`.
fn wait_bounded(child: &mut Child, limit: Duration) -> ExitStatus {
    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_micros(100);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("process {} still running after {limit:?}: a hang or a deadlock", child.id());
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

/// Runs `notes args`, expects exit 0, returns stdout.
fn ok(env: &TestEnv, args: &[&str]) -> String {
    let output = run_bounded(notes_with(env, args), LIMIT);
    assert!(
        output.status.success(),
        "notes {args:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn event_path(env: &TestEnv) -> PathBuf {
    env.journal().join(format!("{SLUG}.toml"))
}

/// The temp files that writers of the event file left in `dir` (random
/// names, `.<file>.XXXXXX.tmp`), each with its version.
fn temps(dir: &Path) -> Vec<(String, Option<Version>)> {
    let prefix = format!(".{SLUG}.toml.");
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
        .map(|n| {
            let version = version(&dir.join(&n));
            (n, version)
        })
        .collect()
}

fn lock_path(env: &TestEnv) -> PathBuf {
    env.journal().join(format!(".{SLUG}.toml.lock"))
}

fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The sessions of `list --json`.
fn sessions(env: &TestEnv) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_str(&ok(env, &["list", "--json"])).unwrap();
    json.as_array().unwrap().clone()
}

/// Appends `count` sessions (day 2) to the event file, written directly as
/// TOML; session `id`'s notes come from `notes(id)`.
fn append_sessions(env: &TestEnv, count: u32, notes: impl Fn(u32) -> String) {
    let mut text = env.kubecon_file();
    for id in 1..=count {
        let body = notes(id);
        assert!(!body.contains("\"\"\""));
        text.push_str(&format!(
            "\n[[sessions]]\nid = {id}\nday = 2\ntitle = \"Session {id}: cluster mesh, eBPF and a network that stays flat\"\n\
             speakers = [\"Alice Martin (ACME)\", \"Bob Durand @Corp\"]\ntags = [\"ebpf\", \"réseau\", \"x\"]\n\
             notes = \"\"\"\n{body}\"\"\"\n"
        ));
    }
    fs::write(event_path(env), text).unwrap();
}

/// About `len` characters of French-looking notes, in lines, each with the word "x".
fn filler_notes(id: u32, len: usize) -> String {
    let mut text = String::new();
    let mut line = 0;
    while text.len() < len {
        text.push_str(&format!(
            "- point {line} du talk {id} : le cluster x garde ses identités, réseau à plat, à tester au retour\n"
        ));
        line += 1;
    }
    text
}

/// A tiny deterministic pseudo-random sequence (Knuth's MMIX LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

// ---------------------------------------------- 1. many writers at once

#[test]
fn sixteen_processes_adding_and_jotting_50_times_each_lose_nothing() {
    const PROCESSES: usize = 16;
    const ROUNDS: usize = 50;
    let env = TestEnv::new();
    env.kubecon();
    let started = Instant::now();
    let results: Vec<(Vec<u64>, usize)> = thread::scope(|scope| {
        let workers: Vec<_> = (0..PROCESSES)
            .map(|p| {
                let env = &env;
                scope.spawn(move || {
                    let mut ids = Vec::new();
                    let mut waited = 0;
                    for i in 0..ROUNDS {
                        let title = format!("P{p} talk {i}");
                        let add = run_bounded(notes_with(env, &["add", &title, "-d", "2"]), LIMIT);
                        let stdout = String::from_utf8_lossy(&add.stdout);
                        let stderr = String::from_utf8_lossy(&add.stderr);
                        assert!(add.status.success(), "add {title}: {stderr}");
                        let id: u64 = stdout
                            .strip_prefix("Added #")
                            .and_then(|rest| rest.split(' ').next())
                            .and_then(|n| n.parse().ok())
                            .unwrap_or_else(|| panic!("no id in {stdout:?}"));
                        assert!(stdout.trim_end().ends_with(&format!(": {title}")), "{stdout}");
                        let jot = run_bounded(
                            notes_with(env, &["jot", "-i", &id.to_string(), &format!("P{p} note {i}")]),
                            LIMIT,
                        );
                        let jot_err = String::from_utf8_lossy(&jot.stderr);
                        assert!(jot.status.success(), "jot into #{id}: {jot_err}");
                        assert_eq!(String::from_utf8_lossy(&jot.stdout).trim_end(), format!("Jotted to #{id} {title}"));
                        for err in [&stderr, &jot_err] {
                            assert!(err.lines().all(|l| l.contains(WAITING)), "unexpected stderr: {err}");
                            waited += usize::from(!err.is_empty());
                        }
                        ids.push(id);
                    }
                    (ids, waited)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();

    let sessions = sessions(&env);
    assert_eq!(sessions.len(), PROCESSES * ROUNDS);
    let listed: BTreeSet<u64> = sessions.iter().map(|s| s["id"].as_u64().unwrap()).collect();
    assert_eq!(listed.len(), PROCESSES * ROUNDS, "duplicate ids");
    assert_eq!(listed, (1..=(PROCESSES * ROUNDS) as u64).collect(), "ids are 1..=800");
    let handed_out: BTreeSet<u64> = results.iter().flat_map(|(ids, _)| ids.iter().copied()).collect();
    assert_eq!(handed_out, listed, "each add printed its own, distinct id");
    for (p, (ids, _)) in results.iter().enumerate() {
        for (i, id) in ids.iter().enumerate() {
            let session = sessions.iter().find(|s| s["id"] == *id).unwrap();
            assert_eq!(session["title"], format!("P{p} talk {i}").as_str(), "#{id}");
            assert_eq!(session["day"], 2);
            let notes = session["notes"].as_str().unwrap_or_else(|| panic!("#{id} has no notes"));
            assert_eq!(notes.trim(), format!("- P{p} note {i}"), "#{id}: the jot went elsewhere or was lost");
        }
    }
    assert!(temps(&env.journal()).is_empty());
    let waited: usize = results.iter().map(|(_, w)| w).sum();
    eprintln!(
        "reliability: {PROCESSES}×{ROUNDS} add+jot ({} processes) in {:.1}s, {waited} said they were waiting",
        2 * PROCESSES * ROUNDS,
        elapsed.as_secs_f64()
    );
}

// ------------------------------------------------ 2. writers killed at random

/// If `new` is `old` with one run of bytes inserted, where that run is in `new`.
fn insertion(old: &[u8], new: &[u8]) -> Option<std::ops::Range<usize>> {
    if new.len() <= old.len() {
        return None;
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len() - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    (prefix + suffix == old.len()).then(|| prefix..new.len() - suffix)
}

/// Identity of a file's current version: inode, size and modification time.
/// Inode, size and modification time: whether a file was touched.
type Version = (u64, u64, i64, i64);

fn version(path: &Path) -> Option<Version> {
    fs::symlink_metadata(path).ok().map(|m| (m.ino(), m.size(), m.mtime(), m.mtime_nsec()))
}

/// Where the second `[[sessions]]` starts: a jot into #1 changes nothing after it.
fn second_session(file: &[u8]) -> usize {
    let header = b"\n[[sessions]]\n";
    let mut starts = file.windows(header.len()).enumerate().filter(|(_, w)| w == header).map(|(i, _)| i);
    starts.nth(1).unwrap()
}

#[test]
fn writers_killed_at_any_moment_leave_the_old_file_or_the_new_one() {
    const KILLS: u64 = 200;
    let env = TestEnv::new();
    env.kubecon();
    append_sessions(&env, 2000, |id| filler_notes(id, 800));
    let path = event_path(&env);
    let journal = env.journal();
    let size = fs::metadata(&path).unwrap().len();
    assert!(size > 1_800_000, "{size} bytes");

    // One complete jot: makes #1 current (no state write later) and measures
    // how long a whole write takes in this build.
    let started = Instant::now();
    ok(&env, &["jot", "-i", "1", "line 0"]);
    let full = started.elapsed();
    let listing = names(&env.journal());
    let mut old = fs::read(&path).unwrap();
    let mut expected = vec!["line 0".to_string()];

    let mut rng = Lcg(0x5eed_2024);
    let (mut unchanged, mut changed, mut completed, mut temp_left) = (0, 0, 0, 0);
    let stderr_path = env.root.path().join("killed.stderr");
    let loop_started = Instant::now();
    for k in 1..=KILLS {
        let before_temp = temps(&journal);
        let mut child = notes_with(&env, &["jot", "-i", "1", &format!("line {k}")])
            .stdout(Stdio::null())
            .stderr(File::create(&stderr_path).unwrap())
            .spawn()
            .unwrap();
        let spawned = Instant::now();
        match k % 5 {
            // Early: start-up, reading, waiting for or holding the lock.
            0..=2 => thread::sleep(Duration::from_micros(rng.below(15_000))),
            // Anywhere in a whole run.
            3 => thread::sleep(Duration::from_micros(rng.below(full.as_micros() as u64 * 11 / 10 + 1))),
            // Around the write: once this run starts writing (its temp file,
            // or the file itself, changes), 0–15 ms more, or 0–2 ms more.
            _ => {
                let before_file = version(&path);
                while temps(&journal) == before_temp
                    && version(&path) == before_file
                    && child.try_wait().unwrap().is_none()
                {
                    assert!(spawned.elapsed() < LIMIT, "jot {k} never wrote");
                    thread::sleep(Duration::from_micros(200));
                }
                thread::sleep(Duration::from_micros(rng.below(if k % 10 == 4 { 15_000 } else { 2_000 })));
            }
        }
        child.kill().unwrap();
        let status = wait_bounded(&mut child, LIMIT);
        let stderr = fs::read_to_string(&stderr_path).unwrap();
        assert!(status.success() || status.code().is_none(), "jot {k} failed ({status}): {stderr}");
        assert!(!stderr.contains("error"), "jot {k}: {stderr}");

        let now = fs::read(&path).unwrap();
        if now == old {
            unchanged += 1;
        } else {
            let inserted = insertion(&old, &now).unwrap_or_else(|| {
                panic!("kill {k}: {} bytes, neither the old {} nor old + one jot", now.len(), old.len())
            });
            assert!(inserted.start < second_session(&old), "kill {k}: bytes changed outside session #1");
            assert_eq!(String::from_utf8_lossy(&now[inserted]), format!("- line {k}\n"), "kill {k}: not one whole jot");
            // The rest is byte for byte a version that parsed: the changed
            // head (up to the second session) must parse too.
            let head = std::str::from_utf8(&now[..second_session(&now)]).unwrap();
            let head: toml::Table = toml::from_str(head).unwrap_or_else(|e| panic!("kill {k}: {e}"));
            let notes = head["sessions"][0]["notes"].as_str().unwrap();
            assert!(notes.ends_with(&format!("\n- line {k}\n")), "kill {k}: {notes:?}");
            expected.push(format!("line {k}"));
            changed += 1;
            old = now;
        }
        if status.success() {
            completed += 1;
            assert!(temps(&journal).is_empty(), "jot {k} succeeded and left {:?}", temps(&journal));
        }
        let now_temps = temps(&journal);
        temp_left += usize::from(!now_temps.is_empty() && now_temps != before_temp);
        // What a killed writer leaves is one temp file at most: the next
        // write removes it.
        let extra: Vec<_> = names(&journal).difference(&listing).cloned().collect();
        assert!(
            extra.len() <= 1 && extra.iter().all(|n| temps(&journal).iter().any(|(t, _)| t == n)),
            "kill {k} left {extra:?}"
        );
    }
    let loop_time = loop_started.elapsed();

    ok(&env, &["jot", "-i", "1", "line final"]);
    expected.push("line final".into());
    assert!(temps(&journal).is_empty(), "a successful write left a temp file");
    assert_eq!(names(&env.journal()), listing, "files appeared or vanished");
    // The whole file parses, with every completed jot once, in order.
    let table: toml::Table = toml::from_str(&env.kubecon_file()).unwrap();
    let sessions = table["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2000);
    assert_eq!(sessions[0]["id"].as_integer(), Some(1));
    let notes = sessions[0]["notes"].as_str().unwrap();
    let jots: Vec<&str> = notes.lines().filter_map(|l| l.strip_prefix("- line ")).collect();
    let expected: Vec<&str> = expected.iter().map(|l| l.strip_prefix("line ").unwrap()).collect();
    assert_eq!(jots, expected, "a completed jot was lost or duplicated");
    eprintln!(
        "reliability: {KILLS} kills on a {size}-byte file (a whole jot: {} ms) in {:.1}s: {unchanged} unchanged, \
         {changed} changed ({completed} had finished), {temp_left} left a temp file",
        full.as_millis(),
        loop_time.as_secs_f64(),
    );
}

// ------------------------------------------------------------ 3. locks

/// Polls `path` until it contains `text`, for at most `limit`.
fn wait_for_text(path: &Path, text: &str, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if fs::read_to_string(path).is_ok_and(|t| t.contains(text)) {
            return true;
        }
        thread::sleep(Duration::from_millis(10));
    }
    false
}

/// Starts `notes jot -i 1 TEXT` with stderr in a file; checks that it says
/// it is waiting and keeps waiting.
fn start_waiting_jot(env: &TestEnv, text: &str, stderr: &Path) -> Child {
    let mut child = notes_with(env, &["jot", "-i", "1", text])
        .stdout(Stdio::null())
        .stderr(File::create(stderr).unwrap())
        .spawn()
        .unwrap();
    let said = wait_for_text(stderr, WAITING, Duration::from_secs(5));
    if !said {
        let _ = child.kill();
        let _ = child.wait();
        panic!("no waiting message: {:?}", fs::read_to_string(stderr));
    }
    thread::sleep(Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "jot did not wait for the lock");
    child
}

#[test]
fn a_held_lock_makes_writers_wait_and_say_so() {
    let env = TestEnv::new();
    env.kubecon();
    ok(&env, &["add", "Locked talk", "-d", "2"]);
    let before = env.kubecon_file();
    let lock = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(lock_path(&env)).unwrap();
    lock.lock().unwrap();

    let stderr = env.root.path().join("jot.stderr");
    let mut child = start_waiting_jot(&env, "written after the wait", &stderr);
    assert_eq!(env.kubecon_file(), before, "wrote while the lock was held");
    // Reads need no lock.
    assert!(ok(&env, &["show", "1"]).contains("Locked talk"));

    let released = Instant::now();
    drop(lock);
    let status = wait_bounded(&mut child, Duration::from_secs(10));
    assert!(status.success(), "{status}: {:?}", fs::read_to_string(&stderr));
    eprintln!("reliability: the waiting jot finished {} ms after the release", released.elapsed().as_millis());
    assert!(ok(&env, &["show", "1"]).contains("- written after the wait"));
}

/// A process holding the event's lock with flock(2), like Rust's `File::lock`
/// on Linux; `None` when neither flock(1) nor python3 is installed.
fn foreign_lock_holder(path: &Path) -> Option<Child> {
    let has =
        |tool: &str| Command::new("sh").arg("-c").arg(format!("command -v {tool}")).output().unwrap().status.success();
    let mut cmd = if has("flock") {
        // sh locks through fd 9 and then becomes sleep, which keeps the fd.
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg("exec 9>>\"$0\" && flock -x 9 && echo locked && exec sleep 60").arg(path);
        cmd
    } else if has("python3") {
        let mut cmd = Command::new("python3");
        cmd.arg("-c")
            .arg(
                "import fcntl, sys, time\nf = open(sys.argv[1], 'a')\nfcntl.flock(f, fcntl.LOCK_EX)\n\
                 print('locked', flush=True)\ntime.sleep(60)",
            )
            .arg(path);
        cmd
    } else {
        return None;
    };
    let mut child = cmd.stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "locked", "the lock holder did not start");
    Some(child)
}

#[test]
fn a_lock_holder_killed_with_sigkill_leaves_no_deadlock() {
    let env = TestEnv::new();
    env.kubecon();
    ok(&env, &["add", "Locked talk", "-d", "2"]);
    let Some(mut holder) = foreign_lock_holder(&lock_path(&env)) else {
        eprintln!("reliability: SKIPPED the killed lock holder test: neither flock(1) nor python3 is installed");
        return;
    };
    // The holder's lock is the kind notes waits for…
    let stderr = env.root.path().join("jot.stderr");
    let mut waiting = start_waiting_jot(&env, "queued behind a dead process", &stderr);
    // …and dies with it.
    holder.kill().unwrap();
    holder.wait().unwrap();
    let killed = Instant::now();
    let status = wait_bounded(&mut waiting, Duration::from_secs(10));
    assert!(status.success(), "{status}: {:?}", fs::read_to_string(&stderr));
    let after_kill = killed.elapsed();

    let fresh = run_bounded(notes_with(&env, &["jot", "-i", "1", "after the kill"]), Duration::from_secs(10));
    assert!(fresh.status.success(), "{}", String::from_utf8_lossy(&fresh.stderr));
    assert!(fresh.stderr.is_empty(), "{}", String::from_utf8_lossy(&fresh.stderr));
    let show = ok(&env, &["show", "1"]);
    assert!(show.contains("- queued behind a dead process") && show.contains("- after the kill"), "{show}");
    eprintln!("reliability: the queued jot finished {} ms after the holder was killed", after_kill.as_millis());
}

// ------------------------------------------------ 4. read-only and full disks

/// Whether creating a file in `dir` is refused (not the case for root).
fn writes_refused(dir: &Path) -> bool {
    let probe = dir.join(".probe");
    match File::create(&probe) {
        Ok(_) => {
            fs::remove_file(&probe).unwrap();
            false
        }
        Err(_) => true,
    }
}

/// Gives a directory back its write permission when dropped.
struct Writable(PathBuf);

impl Drop for Writable {
    fn drop(&mut self) {
        let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(0o700));
    }
}

/// Checks that `args` fails with exit 1 and `error: cannot …`, changing nothing.
fn fails_cleanly(env: &TestEnv, args: &[&str]) -> String {
    let before = fs::read(event_path(env)).unwrap();
    let listing = names(&env.journal());
    let output = run_bounded(notes_with(env, args), LIMIT);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "notes {args:?}: {stderr}");
    assert!(stderr.starts_with("error: cannot "), "notes {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(fs::read(event_path(env)).unwrap(), before, "notes {args:?} changed the event file");
    assert!(temps(&env.journal()).is_empty(), "notes {args:?} left a temp file");
    assert_eq!(names(&env.journal()), listing, "notes {args:?} left files behind");
    stderr
}

#[test]
fn a_read_only_journal_can_be_read_and_refuses_writes_cleanly() {
    let env = TestEnv::new();
    env.kubecon();
    ok(&env, &["add", "Read-only talk", "-d", "2"]);
    ok(&env, &["jot", "first line"]);
    let journal = env.journal();
    set_mode(&journal, 0o500);
    let _restore = Writable(journal.clone());
    if !writes_refused(&journal) {
        eprintln!("reliability: SKIPPED the read-only journal test: a 0500 directory is writable here (root?)");
        return;
    }
    assert!(ok(&env, &["list"]).contains("Read-only talk"));
    assert!(ok(&env, &["show", "1"]).contains("- first line"));
    let stderr = fails_cleanly(&env, &["add", "Refused", "-d", "2"]);
    assert!(stderr.contains("kubecon-europe-2024.toml"), "the error names the file: {stderr}");
    fails_cleanly(&env, &["jot", "-i", "1", "refused"]);
}

/// A tmpfs mounted for one test; unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(at: &Path, size: &str) -> Option<Mount> {
        fs::create_dir_all(at).unwrap();
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0755"), "tmpfs"])
            .arg(at)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        if output.status.success() {
            Some(Mount(at.to_path_buf()))
        } else {
            eprintln!("reliability: mount: {}", String::from_utf8_lossy(&output.stderr).trim());
            None
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let done = Command::new("umount").arg(&self.0).status().is_ok_and(|s| s.success());
        if !done {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// Writes to `path` until the file system refuses even one byte.
fn fill(path: &Path) {
    let mut file = File::create(path).unwrap();
    let mut written = 0;
    for chunk in [1 << 16, 4096, 1] {
        let block = vec![b'.'; chunk];
        while file.write_all(&block).is_ok() {
            written += chunk;
            assert!(written < 64 << 20, "the small disk is not small");
        }
    }
    let _ = file.sync_all();
}

#[test]
fn a_full_disk_fails_cleanly_and_keeps_the_old_file() {
    let env = TestEnv::new();
    let mount_point = env.root.path().join("small-disk");
    let Some(_mount) = Mount::tmpfs(&mount_point, "1m") else {
        eprintln!("reliability: SKIPPED the full disk test: cannot mount a tmpfs here (not root?)");
        return;
    };
    // The journal lives on the small disk.
    let journal = mount_point.join("journal");
    let cmd = |args: &[&str]| {
        let mut cmd = notes_with(&env, args);
        cmd.env("NOTES_DIR", &journal);
        cmd
    };
    let ok_here = |args: &[&str]| {
        let output = run_bounded(cmd(args), LIMIT);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    ok_here(&[
        "event",
        "add",
        "KubeCon Europe 2024",
        "--start",
        "2024-03-19",
        "--end",
        "2024-03-22",
        "--tz",
        "Europe/Paris",
    ]);
    for i in 0..20 {
        ok_here(&["add", &format!("Talk {i}"), "-d", "2", "-m", &format!("Notes.\n{}", filler_notes(i, 2000))]);
    }
    let path = journal.join(format!("{SLUG}.toml"));
    let before = fs::read(&path).unwrap();
    let listing = names(&journal);
    let filler = mount_point.join("filler");
    fill(&filler);
    assert!(File::create(mount_point.join("probe")).and_then(|mut f| f.write_all(&[0; 4096])).is_err(), "not full");
    let _ = fs::remove_file(mount_point.join("probe"));

    for args in
        [&["add", "Too much", "-d", "2"][..], &["jot", "-i", "3", "no room"], &["edit", "2", "--title", "Renamed"]]
    {
        let output = run_bounded(cmd(args), LIMIT);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: cannot "), "{args:?}: {stderr}");
        assert!(stderr.contains("No space left on device"), "{args:?}: {stderr}");
        assert_eq!(fs::read(&path).unwrap(), before, "{args:?} changed the event file");
        assert!(temps(&journal).is_empty(), "{args:?} left a temp file");
        assert_eq!(names(&journal), listing, "{args:?} left files behind");
    }
    // With room again, everything works.
    fs::remove_file(&filler).unwrap();
    ok_here(&["add", "Room again", "-d", "2"]);
    assert!(fs::read_to_string(&path).unwrap().contains("Room again"));
    assert!(temps(&journal).is_empty());
}

// ------------------------------------------------------------ 5. closed pipes

#[test]
fn output_cut_short_by_the_reader_exits_0_quietly() {
    let env = TestEnv::new();
    env.kubecon();
    append_sessions(&env, 500, |id| filler_notes(id, if id == 1 { 100_000 } else { 800 }));
    const PIPE_BUFFER: usize = 1 << 16;
    // (arguments, bytes the reader takes before closing: None = one line)
    let cases: [(&[&str], Option<usize>); 5] = [
        (&["list"], None),
        (&["show", "1"], None),
        (&["filter", "x"], None),
        (&["export", "md"], None),
        (&["list", "--json"], Some(10)),
    ];
    for (args, take) in cases {
        // The whole output is longer than a pipe holds, so notes is still
        // writing when the reader goes away.
        let full = ok(&env, args);
        assert!(full.len() > PIPE_BUFFER, "notes {args:?} prints only {} bytes", full.len());

        let stderr_path = env.root.path().join("pipe.stderr");
        let mut child =
            notes_with(&env, args).stdout(Stdio::piped()).stderr(File::create(&stderr_path).unwrap()).spawn().unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let got = match take {
            None => {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                line
            }
            Some(n) => {
                let mut bytes = vec![0; n];
                reader.read_exact(&mut bytes).unwrap();
                String::from_utf8_lossy(&bytes).into_owned()
            }
        };
        assert!(full.starts_with(&got), "notes {args:?}: {got:?}");
        drop(reader);
        let status = wait_bounded(&mut child, LIMIT);
        let stderr = fs::read_to_string(&stderr_path).unwrap();
        assert_eq!(status.code(), Some(0), "notes {args:?} | head: {status}, stderr: {stderr}");
        assert_eq!(stderr, "", "notes {args:?} | head");
    }
}

// ------------------------------------------------------------ 6. permissions

/// `notes args` under umask 000, so only notes itself can make files private.
fn ok_umask0(env: &TestEnv, args: &[&str], editor: Option<&str>) -> String {
    let mut sh = Command::new("sh");
    sh.arg("-c").arg("umask 000 && exec \"$0\" \"$@\"").arg(env!("CARGO_BIN_EXE_notes")).args(args);
    let mut cmd = in_env(sh, env);
    if let Some(editor) = editor {
        cmd.env("EDITOR", editor);
    }
    let output = run_bounded(cmd, LIMIT);
    assert!(output.status.success(), "notes {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Every file in the journal is 0600, the journal 0700.
fn assert_private(env: &TestEnv, after: &str) {
    assert_eq!(format!("{:o}", mode(&env.journal())), "700", "the journal after `{after}`");
    for name in names(&env.journal()) {
        assert_eq!(format!("{:o}", mode(&env.journal().join(&name))), "600", "{name} after `{after}`");
    }
}

const RETITLE: &str = "sed -i -e 's/^title = .*/title = \"Edited in the editor\"/'";
const RELOCATE: &str = "sed -i -e 's/^location = .*/location = \"Lyon\"/'";

#[test]
fn journal_files_stay_private_and_a_chosen_mode_is_kept() {
    let env = TestEnv::new();
    let democon = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/voc_pretalx-democon.json");
    let post = env.root.path().join("post.md");
    let post_arg = post.to_str().unwrap();
    let steps: [(&[&str], Option<&str>); 10] = [
        (&["event", "add", "KubeCon Europe 2024", "--start", "2024-03-19", "--end", "2024-03-22"], None),
        (&["event", "edit", "--location", "Paris", "--tz", "Europe/Paris"], None),
        (&["add", "Private talk", "-d", "2"], None),
        (&["jot", "a private line"], None),
        (&["verdict", "good"], None),
        (&["edit", "1", "--room", "Hall 7"], None),
        (&["edit", "1"], Some(RETITLE)),
        (&["event", "edit"], Some(RELOCATE)),
        (&["import", democon], None),
        (&["export", "md", "--event", SLUG, "--output", post_arg], None),
    ];
    for (args, editor) in steps {
        ok_umask0(&env, args, editor);
        assert_private(&env, &args.join(" "));
    }
    let file = env.kubecon_file();
    assert!(file.contains("title = \"Edited in the editor\"") && file.contains("location = \"Lyon\""), "{file}");
    assert!(names(&env.journal()).iter().any(|n| n.ends_with(".schedule.toml")), "the import wrote no programme");
    eprintln!("reliability: a new export is {:o}", mode(&post));
    let other =
        names(&env.journal()).into_iter().find_map(|n| n.strip_suffix(".schedule.toml").map(String::from)).unwrap();

    // A mode the user chose survives every kind of write.
    let event = event_path(&env);
    let state = env.journal().join(".notes-state.toml");
    set_mode(&event, 0o640);
    set_mode(&state, 0o640);
    let steps: [(&[&str], Option<&str>); 8] = [
        (&["event", "use", SLUG], None),
        (&["add", "Shared talk", "-d", "2"], None),
        (&["jot", "a shared line"], None),
        (&["edit", "2", "--room", "Hall 8"], None),
        (&["edit", "2"], Some(RETITLE)),
        (&["event", "edit"], Some("sed -i -e 's/^location = .*/location = \"Paris\"/'")),
        (&["event", "use", &other], None),
        (&["event", "use", SLUG], None),
    ];
    for (args, editor) in steps {
        let before = (fs::read(&event).unwrap(), fs::read(&state).unwrap());
        ok_umask0(&env, args, editor);
        assert_ne!(
            (fs::read(&event).unwrap(), fs::read(&state).unwrap()),
            before,
            "`{}` wrote nothing",
            args.join(" ")
        );
        assert_eq!(format!("{:o}", mode(&event)), "640", "the event file after `{}`", args.join(" "));
        assert_eq!(format!("{:o}", mode(&state)), "640", "the state file after `{}`", args.join(" "));
    }
    // So does the mode of an exported post.
    set_mode(&post, 0o644);
    ok_umask0(&env, &["export", "md", "--event", SLUG, "--output", post_arg, "--force"], None);
    assert_eq!(format!("{:o}", mode(&post)), "644");
    assert!(fs::read_to_string(&post).unwrap().contains("a shared line"));
}
