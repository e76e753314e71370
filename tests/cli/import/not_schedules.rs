//! Files that are not schedules (empty, cut in half, Markdown, binary, huge, missing) are refused.

use std::fs;
use std::time::{Duration, Instant};

use insta::assert_snapshot;

use super::{DEMOCON, ROMHACK, SCHED, SCHEDULE_V1, write};
use crate::common::{TestEnv, fails_without_change};

/// A journal with the first version of the small schedule imported.
fn journal_with_programme() -> TestEnv {
    let env = TestEnv::new();
    write(&env, "schedule.json", SCHEDULE_V1);
    env.ok(["import", "schedule.json"]);
    env
}

#[test]
fn an_empty_file_is_refused() {
    let env = journal_with_programme();
    write(&env, "empty.ics", "");
    assert_snapshot!("empty_file", fails_without_change(&env, &["import", "empty.ics"], 1));
}

#[test]
fn a_schedule_cut_in_half_is_refused() {
    let env = journal_with_programme();
    for (name, file) in [("half.ics", SCHED), ("half.json", DEMOCON), ("half.xml", ROMHACK)] {
        let bytes = fs::read(file).unwrap();
        write(&env, name, &bytes[..bytes.len() / 2]);
        let transcript = fails_without_change(&env, &["import", name], 1);
        assert!(transcript.contains("nothing was imported"), "{transcript}");
        assert_snapshot!(name, transcript);
    }
}

#[test]
fn markdown_is_not_a_schedule() {
    let env = journal_with_programme();
    write(&env, "programme.md", "# Programme\n\n| Heure | Titre |\n|---|---|\n| 09:00 | Keynote d'ouverture |\n");
    assert_snapshot!("markdown", fails_without_change(&env, &["import", "programme.md"], 1));
}

#[test]
fn binary_garbage_is_refused() {
    let env = journal_with_programme();
    let mut state: u32 = 0x2545_F491;
    let garbage: Vec<u8> = (0..8192)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            if i % 5 == 0 { 0 } else { state.to_le_bytes()[3] }
        })
        .collect();
    write(&env, "schedule.bin", &garbage);
    assert_snapshot!("binary", fails_without_change(&env, &["import", "schedule.bin"], 1));
}

#[test]
fn a_50_mb_file_is_refused_quickly() {
    let env = journal_with_programme();
    let mut big = b"BEGIN:VCALENDAR\r\n".to_vec();
    let line = b"X-PADDING:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n";
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(line);
    }
    big.truncate(50 * 1024 * 1024);
    write(&env, "huge.ics", &big);
    let before = env.files();
    let start = Instant::now();
    let output = env.cmd(["import", "huge.ics"]).output().unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(output.status.code(), Some(1), "{}", env.describe(&output));
    assert!(env.files() == before, "a file changed, appeared or vanished");
    assert_snapshot!("huge", env.describe(&output));
}

#[test]
fn a_conference_that_ends_before_it_starts_creates_nothing() {
    let env = TestEnv::new();
    write(&env, "schedule.json", SCHEDULE_V1.replace(r#""end": "2025-05-13""#, r#""end": "2025-05-10""#));
    assert_snapshot!("ends_before_start", fails_without_change(&env, &["import", "schedule.json"], 1));
    assert!(!env.journal().exists(), "not even the journal directory");
}

#[test]
fn a_missing_file_is_refused() {
    let env = journal_with_programme();
    let transcript = fails_without_change(&env, &["import", "no-such-schedule.json"], 1);
    assert!(transcript.contains("error: cannot read no-such-schedule.json"), "{transcript}");
}
