//! Tables fitted to a width: `list` on a small hand-made journal and on
//! the Sched programme of KubeCon Europe 2026, at 80, 100 and 150 columns.

use unicode_width::UnicodeWidthStr;

use crate::common::TestEnv;

const SCHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schedules/sched_kccnceu2026_all.ics");
/// 11:07 on day 3 of KubeCon Europe 2026.
const SCHED_NOW: &str = "2026-03-24T11:07:00+01:00";

/// `notes ARGS` with `COLUMNS=width`; expects success.
fn at(env: &TestEnv, width: u16, args: &[&str]) -> String {
    let output = env.cmd(args).env("COLUMNS", width.to_string()).env("NOTES_NOW", SCHED_NOW).output().unwrap();
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

/// The Sched programme imported, with the Thanos talk (ff7c) planned.
fn sched() -> TestEnv {
    let env = TestEnv::new();
    let import = env.cmd(["import", SCHED, "--tz", "Europe/Amsterdam"]).env("NOTES_NOW", SCHED_NOW).output().unwrap();
    assert!(import.status.success(), "{}", env.describe(&import));
    let plan = env.cmd(["plan", "ff7c"]).env("NOTES_NOW", SCHED_NOW).output().unwrap();
    assert!(plan.status.success(), "{}", env.describe(&plan));
    env
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
    for width in [80, 100, 120, 150] {
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
    let row = table.lines().position(|l| l.starts_with(" ff7c ")).unwrap();
    let lines: Vec<&str> = table.lines().skip(row).take(3).collect();
    assert!(lines[0].contains("Accelerating Thanos"), "{}", lines.join("\n"));
    assert!(lines.iter().any(|l| l.contains("Statkevičius")), "{}", lines.join("\n"));
    assert!(!lines[0].contains("  ".repeat(30).as_str()), "a run of blanks:\n{}", lines.join("\n"));
}
