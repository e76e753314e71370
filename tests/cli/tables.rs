//! Tables fitted to a width: `list` on a small hand-made journal and on
//! the Sched programme of KubeCon Europe 2026, at 80, 100 and 150 columns.
//! What a narrow table keeps (title, time, room), what goes first (empty
//! columns, the kind, the speakers), long speaker lists shortened, and
//! statuses only ever under their own header.

use insta::assert_snapshot;
use unicode_width::UnicodeWidthStr;

use crate::common::TestEnv;

const SCHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/sched_kccnceu2026_all.ics");
/// 11:07 on day 3 of KubeCon Europe 2026.
const SCHED_NOW: &str = "2026-03-24T11:07:00+01:00";
const WIDTHS: [u16; 3] = [80, 100, 150];
const STATUSES: [&str; 4] = ["attended", "planned", "missed", "replay"];

/// `notes ARGS` with `COLUMNS=width`; expects success.
fn at(env: &TestEnv, width: u16, args: &[&str]) -> String {
    let output = env.cmd(args).env("COLUMNS", width.to_string()).output().unwrap();
    assert!(output.status.success(), "{}", env.describe(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// Every line of `table` fits in `width` terminal columns.
fn fits(table: &str, width: u16) {
    let width = usize::from(width);
    for line in table.lines() {
        assert!(line.width() <= width, "a line of {} columns at {width}:\n{line}\n--- table\n{table}", line.width());
    }
}

/// The headers of `table`, in order.
fn headers(table: &str) -> Vec<&str> {
    table.lines().next().unwrap_or("").split_whitespace().collect()
}

/// The terminal column where `header` starts, if the table has it.
fn column_of(table: &str, header: &str) -> Option<usize> {
    let first = table.lines().next()?;
    first.find(&format!(" {header}")).map(|at| first[..=at].width())
}

/// The lines of the row whose first line starts with ` id `.
fn row<'a>(table: &'a str, id: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = table.lines().collect();
    let start = lines.iter().position(|l| l.starts_with(&format!(" {id} "))).unwrap_or_else(|| panic!("no row {id}"));
    let end = (start + 1..lines.len()).find(|&i| !lines[i].starts_with("  ")).unwrap_or(lines.len());
    lines[start..end].to_vec()
}

/// A small journal: a talk seen and judged, a planned one with five
/// speakers in a long room name, a missed one without speakers, a keynote.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.kubecon();
    let add = |args: &[&str]| {
        env.ok([&["add"], args].concat());
    };
    add(&[
        "Simplifying multi-cluster deployments with Cilium",
        "-s",
        "Liz Rice (Isovalent)",
        "--room",
        "Hall 7",
        "--at",
        "11:00",
        "--end",
        "11:35",
        "-v",
        "to-try",
    ]);
    add(&[
        "Gateway API: Bridging the Gap from Ingress to the Future",
        "-s",
        "Nick Young (Isovalent at Cisco)",
        "-s",
        "James Strong (Isovalent at Cisco)",
        "-s",
        "Katarzyna Łach (Google)",
        "-s",
        "Rostislav Bobrovsky (Google)",
        "-s",
        "Norwin Schnyder (Airlock)",
        "--room",
        "Hall 1-5 | Tram Zone | Cloud Native Theater",
        "--at",
        "11:45",
        "--end",
        "12:15",
        "--status",
        "planned",
    ]);
    add(&["Rook: Intro and Ceph Deep Dive", "--room", "E103-105", "--at", "14:00", "--status", "missed"]);
    add(&[
        "Keynote: Community Culture at Ten Years",
        "-k",
        "keynote",
        "-s",
        "Aeva Black (Microsoft)",
        "-s",
        "Bob Killen (Google)",
        "--room",
        "Hall 12",
        "--at",
        "09:00",
        "--end",
        "09:20",
        "-v",
        "good",
    ]);
    env
}

/// The Sched programme imported, with the Thanos talk (ff7c) planned.
fn sched() -> TestEnv {
    let env = TestEnv::new();
    let run = |args: &[&str]| {
        let output = env.cmd(args).env("NOTES_NOW", SCHED_NOW).output().unwrap();
        assert!(output.status.success(), "{}", env.describe(&output));
    };
    run(&["import", SCHED, "--tz", "Europe/Amsterdam"]);
    run(&["plan", "ff7c"]);
    env
}

/// The table down to the start of its row number `rows + 1`.
fn first_rows(table: &str, rows: usize) -> String {
    let mut out = String::new();
    let mut seen = 0;
    for line in table.lines().skip(2) {
        if !line.starts_with("  ") {
            seen += 1;
        }
        if seen > rows {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    let head: String = table.lines().take(2).map(|l| format!("{l}\n")).collect();
    head + &out
}

#[test]
fn a_small_journal_at_three_widths() {
    let env = journal();
    for width in WIDTHS {
        let table = at(&env, width, &["list"]);
        fits(&table, width);
        assert_snapshot!(format!("journal_at_{width}"), table);
    }
}

#[test]
fn sched_keynotes_and_the_first_rows_of_day_3_at_three_widths() {
    let env = sched();
    for width in WIDTHS {
        let keynotes = at(&env, width, &["list", "--schedule", "--day", "3", "--kind", "keynote"]);
        fits(&keynotes, width);
        assert_snapshot!(format!("sched_day_3_keynotes_at_{width}"), keynotes);
        let day = at(&env, width, &["list", "--schedule", "--day", "3"]);
        fits(&day, width);
        assert_snapshot!(format!("sched_day_3_first_rows_at_{width}"), first_rows(&day, 15));
    }
}

/// Time and room are what a person in a corridor needs: they stay at 80
/// columns, where the kind and the speakers have gone.
#[test]
fn time_and_room_stay_on_a_narrow_terminal() {
    for (env, args) in [(journal(), vec!["list"]), (sched(), vec!["list", "--schedule", "--day", "3"])] {
        let table = at(&env, 80, &args);
        let headers = headers(&table);
        for kept in ["ID", "Time", "Title", "Room"] {
            assert!(headers.contains(&kept), "{kept} at 80 columns: {headers:?}");
        }
        for gone in ["Kind", "Speakers"] {
            assert!(!headers.contains(&gone), "{gone} at 80 columns: {headers:?}");
        }
    }
}

/// At 150 columns titles get the most room: 40 columns at least, more
/// than the speakers and the room.
#[test]
fn titles_get_the_most_room() {
    let env = sched();
    let table = at(&env, 150, &["list", "--schedule", "--day", "3"]);
    let title = column_of(&table, "Title").unwrap();
    let speakers = column_of(&table, "Speakers").unwrap();
    let room = column_of(&table, "Room").unwrap();
    let kind = column_of(&table, "Kind").unwrap();
    assert!(speakers - title >= 40 + 3, "title column of {} at 150:\n{table}", speakers - title - 3);
    assert!(speakers - title > room - speakers, "{table}");
    assert!(speakers - title > kind - room, "{table}");
    // A title of 71 characters needs two lines, not four.
    assert_eq!(row(&table, "ff7c").len(), 2, "{table}");
}

/// More than two speakers are the first one and a count in the table;
/// `show` keeps every name.
#[test]
fn long_speaker_lists_shorten_in_tables_only() {
    let env = journal();
    let table = at(&env, 200, &["list"]);
    assert!(row(&table, "2")[0].contains("Nick Young +4"), "{table}");
    assert!(row(&table, "4")[0].contains("Aeva Black (Microsoft), Bob Killen (Google)"), "{table}");
    let show = env.ok(["show", "2"]);
    assert!(show.contains("Nick Young (Isovalent at Cisco), James Strong (Isovalent at Cisco)"), "{show}");
    assert!(show.contains("Norwin Schnyder (Airlock)"), "{show}");

    let sched = sched();
    let table = at(&sched, 150, &["list", "--schedule", "--day", "3"]);
    assert!(row(&table, "1e73")[0].contains("Nick Young +4"), "{table}");
}

/// A status is written under the Status header or nowhere: never under
/// Verdict, whatever the width.
#[test]
fn statuses_never_appear_under_verdict() {
    let env = journal();
    for width in [40, 50, 60, 70, 80, 100, 150] {
        let table = at(&env, width, &["list"]);
        fits(&table, width);
        let status = column_of(&table, "Status");
        for line in table.lines().skip(2) {
            for word in STATUSES {
                for (at, _) in line.match_indices(&format!(" {word}")) {
                    let column = line[..=at].width();
                    assert_eq!(Some(column), status, "{word:?} outside the Status column at {width}:\n{table}");
                }
            }
        }
    }
}

/// A column empty in every row is not shown: a programme nobody picked
/// from has no Status nor Verdict, a journal without rooms no Room.
#[test]
fn empty_columns_are_never_shown() {
    let env = TestEnv::new();
    let import = env.cmd(["import", SCHED, "--tz", "Europe/Amsterdam"]).env("NOTES_NOW", SCHED_NOW).output().unwrap();
    assert!(import.status.success(), "{}", env.describe(&import));
    let table = at(&env, 200, &["list", "--schedule", "--day", "3"]);
    assert_eq!(headers(&table), ["ID", "Time", "Title", "Speakers", "Room", "Kind"], "{table}");

    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "A talk without room nor speaker", "--at", "10:00"]);
    let table = at(&env, 200, &["list"]);
    assert_eq!(headers(&table), ["ID", "Time", "Title", "Kind", "Status"], "{table}");
}

/// Bug: widths were counted in characters while the terminal counts
/// columns, so a cell with wide characters (a CJK room, an emoji) made the
/// table wider than the terminal, which wrapped each of its lines into
/// the next: the table broke.
#[test]
fn wide_characters_never_push_the_table_past_the_width() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok([
        "add",
        "Accelerating Thanos at Scale: Faster and Cheaper Queries With Parquet",
        "-s",
        "Giedrius Statkevičius (Vinted)",
        "--room",
        "東京ホール 大会議室",
        "--day",
        "2",
    ]);
    env.ok(["add", "Coffee Break ☕☕☕☕☕☕☕☕", "--room", "🚩🚩🚩🚩🚩🚩 Hall", "--day", "2"]);
    for width in [60, 80, 100, 120, 150] {
        fits(&at(&env, width, &["list"]), width);
    }
}

/// The report: at 150 columns, the planned Thanos talk's row broke the
/// programme of day 3. Every line fits, and its title and speaker wrap in
/// their columns.
#[test]
fn a_planned_talk_keeps_the_programme_in_shape() {
    let env = sched();
    let table = at(&env, 150, &["list", "--schedule", "--day", "3"]);
    fits(&table, 150);
    let lines = row(&table, "ff7c");
    assert!(lines[0].contains("Accelerating Thanos") && lines[0].contains("planned"), "{}", lines.join("\n"));
    assert!(lines.iter().any(|l| l.contains("Statkevičius")), "{}", lines.join("\n"));
    assert!(!lines[0].contains(&" ".repeat(20)), "a run of blanks:\n{}", lines.join("\n"));
}

/// `--width` wins over COLUMNS, in a pipe as anywhere; `--width 0` lifts
/// the limit.
#[test]
fn the_width_option_wins_in_a_pipe() {
    let env = sched();
    let table = at(&env, 150, &["--width", "60", "list", "--schedule", "--day", "3"]);
    fits(&table, 60);
    assert_eq!(headers(&table), ["ID", "Time", "Title"], "{table}");
    let table = at(&env, 80, &["list", "--schedule", "--day", "3", "--width", "120"]);
    fits(&table, 120);
    assert!(table.lines().next().unwrap().width() > 110, "{table}");
    let whole = at(&env, 80, &["list", "--schedule", "--day", "3", "--width", "0"]);
    assert_eq!(row(&whole, "ff7c").len(), 1, "nothing wraps without a limit:\n{whole}");
}

/// Without `--width`, COLUMNS nor a terminal (a file, CI), nothing is cut.
#[test]
fn a_file_gets_the_whole_table() {
    let env = sched();
    let path = env.root.path().join("list.txt");
    let status = env
        .std_cmd()
        .env_remove("COLUMNS")
        .args(["list", "--schedule", "--day", "3"])
        .stdout(std::fs::File::create(&path).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    let table = std::fs::read_to_string(&path).unwrap();
    assert_eq!(row(&table, "ff7c").len(), 1, "nothing wraps in a file:\n{table}");
}

/// `notes list | less`: stdout is a pipe, but the pager shows the table on
/// the terminal, whose width it gets (from stderr, or from the controlling
/// terminal when stderr is redirected too).
#[cfg(unix)]
#[test]
fn a_pipe_to_a_pager_gets_the_terminal_width() {
    let env = sched();
    let notes = assert_cmd::cargo::cargo_bin("notes");
    for redirect in ["", "2>/dev/null"] {
        let mut shell = std::process::Command::new("sh");
        env.pin(&mut shell);
        // The pty is given its size once the shell runs (the spawn sets a
        // default one on its side); the shell waits to see it.
        shell.env_remove("COLUMNS").arg("-c").arg(format!(
            "until [ \"$(stty size)\" = '40 120' ]; do sleep 0.05; done; \
             '{}' list --schedule --day 3 {redirect} | cat > piped.txt",
            notes.display()
        ));
        let mut session = expectrl::Session::spawn(shell).expect("spawn a shell on a pty");
        session.get_process_mut().set_window_size(120, 40).expect("size the pty");
        session.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
        expectrl::Expect::expect(&mut session, expectrl::Eof).expect("the shell ends");
        let table = std::fs::read_to_string(env.root.path().join("piped.txt")).unwrap();
        fits(&table, 120);
        assert!(table.lines().next().unwrap().width() > 110, "{redirect}:\n{table}");
    }
}

/// `show`: the user's notes come before the schedule's abstract, and both
/// wrap to the width, list items under their text.
#[test]
fn show_puts_my_notes_first_and_wraps_them() {
    let env = sched();
    let note = "- Parquet-backed store: queries over months of data up to 10x faster, and cheaper to keep";
    let jot = env.cmd(["jot", "-i", "1", note]).env("NOTES_NOW", SCHED_NOW).output().unwrap();
    assert!(jot.status.success(), "{}", env.describe(&jot));
    let show = at(&env, 60, &["show", "1"]);
    let text: String = show.lines().filter(|l| !l.contains("http")).map(|l| format!("{l}\n")).collect();
    fits(&text, 60);
    let notes = show.find("- Parquet-backed store").unwrap_or_else(|| panic!("no notes:\n{show}"));
    let summary = show.find("Abstract:").unwrap_or_else(|| panic!("no abstract:\n{show}"));
    assert!(notes < summary, "notes after the abstract:\n{show}");
    assert!(show.contains("\n  10x faster"), "the item wraps under its text:\n{show}");
    assert_snapshot!("show_at_60", show);
    let whole = at(&env, 60, &["--width", "0", "show", "1"]);
    assert!(whole.contains(note), "no limit, no wrapping:\n{whole}");
}
