//! Times whole `notes` processes on generated journals, the way a user
//! meets them: start-up, reading, writing, everything.
//!
//! `cargo bench` runs it (release build). `NOTES_BENCH_RUNS` sets the runs
//! per command (default 30); `NOTES_BENCH_STRESS=1` adds the stress journal
//! (100 events × 1,000 sessions, about 100 MB) to the whole-journal rows,
//! and checks its whole exports against the events exported one by one.
//! Numbers are printed, never asserted: the README keeps the latest table.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../tests/cli/common/pictures.rs"]
mod pictures;

const BIN: &str = env!("CARGO_BIN_EXE_notes");
const NOW: &str = "2024-03-21T11:05:00+01:00";
const SCHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/sched_kccnceu2026_all.ics");

fn main() {
    let runs: usize = std::env::var("NOTES_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(30);
    let root = tempfile::tempdir().expect("a temp dir");
    let mut table = Table::default();

    let heavy = root.path().join("heavy");
    generate(&heavy, 100, 50, 600);
    let one = root.path().join("one");
    generate(&one, 1, 50, 600);
    let big = root.path().join("big");
    generate(&big, 1, 200, 600);
    let thousand = root.path().join("thousand");
    generate(&thousand, 1, 1000, 600);

    for (name, dir) in [
        ("1 event × 50", &one),
        ("100 events × 50 + schedules", &heavy),
        ("1 event × 200", &big),
        ("1 event × 1000", &thousand),
    ] {
        table.time(&format!("add ({name})"), runs, || {
            notes(dir, &["add", "Benchmark talk", "-d", "2", "-s", "Ana Silva (Acme)"])
        });
        table.time(&format!("jot ({name})"), runs, || notes(dir, &["jot", "une ligne de plus, avec des accents"]));
        table.memory(&format!("add peak memory ({name})"), || notes(dir, &["add", "Memory probe", "-d", "2"]));
    }
    // The first write after the file changed by hand cuts it whole again.
    let event_file = thousand.join("conf-000.toml");
    table.time("jot (1 event × 1000), the file edited by hand before each", runs, || {
        let mut text = std::fs::read_to_string(&event_file).expect("event file");
        text.push_str("# edited by hand\n");
        std::fs::write(&event_file, text).expect("event file");
        notes(&thousand, &["jot", "une ligne de plus, avec des accents"])
    });
    table.time("list --day 2 (100 events)", runs, || notes(&heavy, &["list", "--day", "2"]));
    table.time("list --day 2 --schedule (600 talks)", runs, || notes(&heavy, &["list", "--day", "2", "--schedule"]));
    table.time("export md --day 2 (100 events)", runs, || notes(&heavy, &["export", "md", "--day", "2"]));
    table.time("filter WORD (100 events × 50)", runs, || notes(&heavy, &["filter", "cilium"]));
    for sessions in [200, 1000] {
        let dir = root.path().join(format!("filter-{sessions}"));
        generate(&dir, 100, sessions / 10, 0);
        table.time(&format!("filter WORD (100 events × {})", sessions / 10), runs.min(10), || {
            notes(&dir, &["filter", "cilium"])
        });
    }
    let picker = root.path().join("picker");
    generate(&picker, 1, 50, 943);
    table.time("add: picker's first screen (943 talks)", runs.min(20), || picker_first_screen(&picker));
    let import_dir = root.path().join("import");
    table.time("import Sched .ics (596 talks)", runs.min(20), || {
        let _ = std::fs::remove_dir_all(&import_dir);
        notes(&import_dir, &["import", SCHED, "--tz", "Europe/Amsterdam"])
    });
    // The whole journal, at 1,000, 10,000 and (with NOTES_BENCH_STRESS)
    // 100,000 sessions: 100 events of 10, 100 and 1,000 sessions, with
    // ripgrep on the same files. The first run of each command writes the
    // indexes; one row times a search with none (every file changed).
    // After the picker (its pseudo-terminal is made by fork, slow in a
    // bench process grown by the checks below) and before the photos (a
    // child's peak memory counts the bench's own at its start, which
    // making the photos grows).
    let stress = std::env::var_os("NOTES_BENCH_STRESS").is_some();
    for per_event in [10, 100, 1000].into_iter().filter(|&n| n < 1000 || stress) {
        let sessions = 100 * per_event;
        let dir = root.path().join(format!("whole-{sessions}"));
        generate(&dir, 100, per_event, 0);
        let runs = if sessions >= 100_000 { runs.min(5) } else { runs.min(10) };
        let size = format!("{sessions} sessions");
        table.time_peak(&format!("filter WORD ({size})"), runs, || notes(&dir, &["filter", "cilium"]));
        table.time_peak(&format!("filter WORD, no index ({size})"), runs.min(5), || {
            let _ = std::fs::remove_dir_all(root.path().join("cache"));
            notes(&dir, &["filter", "cilium"])
        });
        table.time_peak(&format!("filter RARE WORD ({size})"), runs, || notes(&dir, &["filter", "hubble"]));
        table.time_peak(&format!("list --tag X --all-events ({size})"), runs, || {
            notes(&dir, &["list", "--tag", "cilium", "--all-events"])
        });
        table.time_peak(&format!("list --verdict X --day 2 --all-events ({size})"), runs, || {
            notes(&dir, &["list", "--verdict", "top", "--day", "2", "--all-events"])
        });
        table.time_peak(&format!("export json --all-events ({size})"), runs, || {
            notes(&dir, &["export", "json", "--all-events"])
        });
        table.time_peak(&format!("export md --all-events ({size})"), runs, || {
            notes(&dir, &["export", "md", "--all-events"])
        });
        if has_ripgrep() {
            table.time_peak(&format!("rg -i WORD ({size})"), runs, || ripgrep(&dir, "cilium"));
            table.time_peak(&format!("rg -i RARE WORD ({size})"), runs, || ripgrep(&dir, "hubble"));
        }
        if sessions >= 100_000 {
            check_whole_exports(&dir);
        }
    }
    let (pristine, camera) = (root.path().join("photos-journal"), root.path().join("camera"));
    generate(&pristine, 1, 27, 0);
    camera_roll(&camera, 30);
    let filing = root.path().join("photos-run");
    table.time("photos DIR (30 photos of 3.8 MB, 9 talks)", runs.min(10), || {
        // Each run files every photo: a fresh copy of the journal.
        let _ = std::fs::remove_dir_all(&filing);
        copy_dir(&pristine, &filing);
        notes(&filing, &["photos", camera.to_str().expect("a UTF-8 path")])
    });
    let (team, remote) = (root.path().join("team"), root.path().join("team-remote.git"));
    generate(&team, 1, 50, 600);
    git(root.path(), &["init", "--quiet", "--bare", remote.to_str().expect("a UTF-8 path")]);
    notes(&team, &["team", "init", "--author", "Léa", remote.to_str().expect("a UTF-8 path")]);
    notes(&team, &["sync"]);
    table.time("sync after a jot (local remote, 1 event × 50)", runs.min(20), || {
        notes(&team, &["jot", "une ligne de plus"]);
        notes(&team, &["sync"])
    });
    println!("{}", table.render());
    println!("photos DIR, where the 30 photos go: {}", photo_plan(&pristine, &camera));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git").args(args).current_dir(dir).status().expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// `notes photos --dry-run`'s plan, tallied: "#3 ×4, #4 ×3, …, unmatched 2".
fn photo_plan(journal: &Path, camera: &Path) -> String {
    let out = Command::new(BIN)
        .args(["photos", "--dry-run", camera.to_str().expect("a UTF-8 path")])
        .env_clear()
        .env("NOTES_DIR", journal)
        .env("NOTES_CONFIG", journal.join("config.toml"))
        .env("NOTES_NOW", NOW)
        .output()
        .expect("notes runs");
    let mut tally: Vec<(String, usize)> = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let place = line.split_once(" #").map_or("unmatched".to_string(), |(_, rest)| {
            format!("#{}", rest.split_whitespace().next().unwrap_or_default())
        });
        match tally.iter_mut().find(|(p, _)| *p == place) {
            Some((_, n)) => *n += 1,
            None => tally.push((place, 1)),
        }
    }
    tally.iter().map(|(place, n)| format!("{place} ×{n}")).collect::<Vec<_>>().join(", ")
}

/// `count` camera photos (2000×1500 pixels of noise, 3.8 MB each)
/// taken on day 2 of the generated event, every 17 minutes from 09:05:
/// most during a talk, some between, a few after the last.
fn camera_roll(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).expect("camera dir");
    for i in 0..count {
        let minutes = 9 * 60 + 5 + 17 * i;
        let taken = format!("2024:03:21 {:02}:{:02}:00", minutes / 60, minutes % 60);
        let photo = pictures::Photo::new(i as u8).size(2000, 1500).noisy().taken(taken);
        std::fs::write(dir.join(format!("IMG_{i:04}.jpg")), photo.offset("+01:00").jpeg()).expect("photo");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("copy dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// Dates every file of `dir` an hour back, as a journal written before
/// (an index is only written for a file that has not changed for a moment).
fn age(dir: &Path) {
    let then = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let file = std::fs::File::options().append(true).open(entry.path()).expect("open");
        file.set_modified(then).expect("set the time");
    }
}

fn has_ripgrep() -> bool {
    Command::new("rg").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// ripgrep over the event files, ignoring case, its output thrown away.
fn ripgrep(dir: &Path, word: &str) -> (Duration, u64) {
    let start = Instant::now();
    let mut child = Command::new("rg")
        .args(["-i", word])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("rg starts");
    let (_, peak) = wait(&mut child);
    (start.elapsed(), peak)
}

/// The output of `notes` on `dir` with `args`.
fn output(dir: &Path, args: &[&str]) -> String {
    let out =
        Command::new(BIN).args(args).env_clear().env("NOTES_DIR", dir).env("NOTES_NOW", NOW).output().expect("runs");
    assert!(out.status.success(), "notes {args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The whole journal exported at once (streamed) is what the events give
/// exported one by one (each built whole, as every export was before it
/// was streamed): the JSON documents gathered, the posts one after another.
fn check_whole_exports(dir: &Path) {
    let mut slugs: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .filter_map(|e| {
            e.file_name().to_str()?.strip_suffix(".toml").filter(|n| !n.starts_with('.')).map(str::to_string)
        })
        .collect();
    slugs.sort();
    let mut events = Vec::new();
    let mut posts = Vec::new();
    for slug in &slugs {
        let mut doc: serde_json::Value =
            serde_json::from_str(&output(dir, &["export", "json", "--event", slug])).expect("JSON");
        events.append(doc["events"].as_array_mut().expect("events"));
        posts.push(output(dir, &["export", "md", "--event", slug]));
    }
    let json =
        serde_json::to_string_pretty(&serde_json::json!({ "schema": 1, "events": events })).expect("JSON") + "\n";
    assert!(output(dir, &["export", "json", "--all-events"]) == json, "export json --all-events differs");
    assert!(output(dir, &["export", "md", "--all-events"]) == posts.join("\n"), "export md --all-events differs");
    eprintln!("export json and md --all-events of {} checked against the events exported one by one", dir.display());
}

/// Runs `notes` on `dir` and returns its wall time (and peak RSS in KiB).
/// Indexes go to a cache folder beside the journals.
fn notes(dir: &Path, args: &[&str]) -> (Duration, u64) {
    let start = Instant::now();
    let cache = dir.parent().expect("a parent").join("cache");
    let mut child = Command::new(BIN)
        .args(args)
        .env_clear()
        .env("HOME", dir.parent().expect("a parent"))
        .env("XDG_CACHE_HOME", cache)
        .env("NOTES_DIR", dir)
        .env("NOTES_CONFIG", dir.join("config.toml"))
        .env("NOTES_NOW", NOW)
        .env("COLUMNS", "120")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("notes starts");
    let (ok, peak) = wait(&mut child);
    let elapsed = start.elapsed();
    assert!(ok, "notes {args:?} failed on {}", dir.display());
    (elapsed, peak)
}

/// `notes add` on a pseudo-terminal: the time until the picker's list is
/// drawn (down to its help line), as a person in the room waits
/// for it; then Esc, which writes nothing.
fn picker_first_screen(dir: &Path) -> (Duration, u64) {
    use expectrl::Expect;
    let mut cmd = Command::new(BIN);
    cmd.arg("add")
        .env_clear()
        .env("NOTES_DIR", dir)
        .env("NOTES_CONFIG", dir.join("config.toml"))
        .env("NOTES_NOW", NOW)
        .env("TERM", "xterm");
    let start = Instant::now();
    let mut session = expectrl::Session::spawn(cmd).expect("notes on a pty");
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    session.expect("Esc cancels").expect("the picker is drawn");
    let elapsed = start.elapsed();
    session.send("\x1b").expect("Esc");
    let _ = session.expect(expectrl::Eof);
    (elapsed, 0)
}

/// Waits for the child, with its peak resident memory from the kernel.
fn wait(child: &mut std::process::Child) -> (bool, u64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 only writes to
    // the two pointers we pass, which live for the whole call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let result = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(result, pid, "wait4");
    (libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, usage.ru_maxrss as u64)
}

#[derive(Default)]
struct Table {
    rows: Vec<(String, String)>,
}

impl Table {
    fn time(&mut self, name: &str, runs: usize, mut run: impl FnMut() -> (Duration, u64)) {
        run(); // warm the cache
        let mut times: Vec<Duration> = (0..runs).map(|_| run().0).collect();
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let row =
            format!("{:>8.1} {:>8.1} {:>8.1}", ms(times[times.len() / 2]), ms(times[0]), ms(times[times.len() - 1]));
        eprintln!("{name}: {row}");
        self.rows.push((name.to_string(), row));
    }

    /// Like [`Table::time`], with the peak memory of the runs.
    fn time_peak(&mut self, name: &str, runs: usize, mut run: impl FnMut() -> (Duration, u64)) {
        run(); // warm the cache (and write the indexes)
        let mut results: Vec<(Duration, u64)> = (0..runs).map(|_| run()).collect();
        let peak = results.iter().map(|r| r.1).max().unwrap_or(0);
        results.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let (median, min, max) = (results[results.len() / 2].0, results[0].0, results[results.len() - 1].0);
        let row = format!("{:>8.1} {:>8.1} {:>8.1} {:>8.1} MB", ms(median), ms(min), ms(max), peak as f64 / 1024.0);
        eprintln!("{name}: {row}");
        self.rows.push((name.to_string(), row));
    }

    fn memory(&mut self, name: &str, mut run: impl FnMut() -> (Duration, u64)) {
        let peak = (0..5).map(|_| run().1).max().unwrap_or(0);
        let row = format!("{:>8.1} MB", peak as f64 / 1024.0);
        eprintln!("{name}: {row}");
        self.rows.push((name.to_string(), row));
    }

    fn render(&self) -> String {
        let width = self.rows.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0);
        let mut out = format!("{:<width$} {:>8} {:>8} {:>8} {:>11}\n", "command (ms)", "median", "min", "max", "peak");
        for (name, row) in &self.rows {
            let _ = writeln!(out, "{name:<width$} {row}");
        }
        out
    }
}

/// A journal of `events` events, each with `sessions` noted sessions (French
/// notes of about 800 characters, 2 speakers, 3 tags; "cilium" in one in
/// 7, "Hubble" and the verdict `top` in one in 50) and a schedule of
/// `talks` imported talks.
fn generate(dir: &PathBuf, events: usize, sessions: usize, talks: usize) {
    std::fs::create_dir_all(dir).expect("journal dir");
    for e in 0..events {
        let slug = format!("conf-{e:03}");
        let mut text = format!(
            "schema = 1\n\n[event]\nname = \"Conférence {e}\"\nlocation = \"Paris\"\nstart = 2024-03-20\nend = 2024-03-22\ntimezone = \"Europe/Paris\"\ntags = [\"kubernetes\"]\n"
        );
        for s in 0..sessions {
            let day = s % 3 + 1;
            let hour = 9 + (s / 3) % 9;
            let _ = write!(
                text,
                "\n[[sessions]]\nid = {id}\nday = {day}\ntitle = \"Session {s} : retour d'expérience sur la plateforme{rare}\"\nkind = \"talk\"\n\
                 speakers = [\"Camille Durand (Société Générale)\", \"Julien Bernard (OVHcloud)\"]\n\
                 at = 2024-03-{dd}T{hour:02}:00:00+01:00\nroom = \"Hall 7\"\ntags = [\"{tag}\", \"ebpf\", \"réseau\"]\nstatus = \"attended\"\nverdict = \"{verdict}\"\nnotes = \"\"\"\n{notes}\"\"\"\n",
                id = s + 1,
                dd = 19 + day,
                tag = if s % 7 == 0 { "cilium" } else { "gitops" },
                // One session in 50 has a rarer word, and one a rarer verdict.
                rare = if s % 50 == 1 { " avec Hubble" } else { "" },
                verdict = if s % 50 == 0 { "top" } else { "good" },
                notes = NOTES,
            );
        }
        std::fs::write(dir.join(format!("{slug}.toml")), text).expect("event file");
        if talks > 0 {
            std::fs::write(dir.join(format!("{slug}.schedule.toml")), schedule_file(talks)).expect("schedule");
        }
    }
    std::fs::write(dir.join(".notes-state.toml"), "current_event = \"conf-000\"\n[current_session]\nconf-000 = 1\n")
        .expect("state");
    age(dir);
}

fn schedule_file(talks: usize) -> String {
    let mut text = String::from("schema = 1\nsource = \"generated\"\n");
    for t in 0..talks {
        let day = t % 3 + 1;
        let hour = 9 + (t / 3) % 9;
        let _ = write!(
            text,
            "\n[[talks]]\nday = {day}\ntitle = \"Programme talk {t}: scaling platforms with open source\"\nkind = \"talk\"\n\
             speakers = [\"Ana Silva (Acme)\"]\nat = 2024-03-{dd}T{hour:02}:{min:02}:00+01:00\nend = 2024-03-{dd}T{hour:02}:{min:02}:00+01:00\n\
             room = \"Room {room}\"\ntrack = \"Platform\"\nschedule_id = \"{t:032x}\"\nabstract = \"{abs}\"\n",
            dd = 19 + day,
            min = (t * 7) % 30,
            room = t % 20,
            abs = "Un résumé de quelques phrases sur le talk, comme en publient les conférences. ".repeat(4),
        );
    }
    text
}

const NOTES: &str = "Le talk présentait la migration d'une plateforme de plusieurs centaines de services vers des clusters \
zonaux. Points clés :\n- les CIDR ne doivent pas se chevaucher entre clusters\n- chaque cluster a un identifiant unique\n\
- les services globaux passent par une annotation\n\nRetour d'expérience honnête : la bascule a pris un an, sans \
interruption de service, grâce à un outillage maison de déploiement progressif. Le speaker a insisté sur \
l'observabilité avant la migration, et sur la nécessité de tester les pannes de zone en production. \
Beaucoup de questions sur le coût du trafic inter-zones.\n\n> Mesurer avant de migrer, toujours.\n";
