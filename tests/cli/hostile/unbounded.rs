//! Inputs whose cost could grow without limit: deep nesting, endless spans and files, long texts.

use std::fs;

use super::{json_of, shown, stderr, write};
use crate::common::{TestEnv, fails_without_change};

#[test]
fn deeply_nested_values_in_an_event_file_are_an_error_not_a_crash() {
    let env = TestEnv::new();
    env.kubecon();
    let path = env.journal().join("kubecon-europe-2024.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&format!("\n[extra]\nx = {}{}\n", "[".repeat(10_000), "]".repeat(10_000)));
    fs::write(&path, text).unwrap();
    for args in [&["add", "Talk", "-d", "2"][..], &["day", "2", "--intro", "x"], &["list"]] {
        let shown = fails_without_change(&env, args, 1);
        assert!(shown.contains("kubecon-europe-2024.toml:"), "{shown}");
    }
}

#[test]
fn deeply_nested_calendar_components_are_refused() {
    let env = TestEnv::new();
    let ics = format!(
        "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
        "BEGIN:VEVENT\r\n".repeat(10_000),
        "END:VEVENT\r\n".repeat(10_000)
    );
    let file = write(&env, "deep.ics", ics);
    let shown = fails_without_change(&env, &["import", file.to_str().unwrap()], 1);
    assert!(shown.contains("nested more than 8 deep"), "{shown}");
    // The calendar parser reads names in any case, and with parameters.
    for begin in ["begin:a\n", "Begin;X=1:a\r\n"] {
        let file = write(&env, "deep.ics", format!("BEGIN:VCALENDAR\n{}", begin.repeat(6_300)));
        let shown = fails_without_change(&env, &["import", file.to_str().unwrap()], 1);
        assert!(shown.contains("nested more than 8 deep"), "{begin:?}: {shown}");
    }
}

#[test]
fn an_event_cannot_span_thousands_of_years() {
    let env = TestEnv::new();
    let shown =
        fails_without_change(&env, &["event", "add", "Huge", "--start", "0001-01-01", "--end", "9998-12-31"], 1);
    assert!(shown.contains("notes keeps events of at most 366 days"), "{shown}");
    let talk = |uid: &str, start: &str| {
        format!("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Talk {uid}\r\nDTSTART:{start}\r\nEND:VEVENT\r\n")
    };
    let ics = format!(
        "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
        talk("a", "00010101T100000Z"),
        talk("b", "99981231T100000Z")
    );
    let file = write(&env, "span.ics", ics);
    let shown = fails_without_change(&env, &["import", file.to_str().unwrap()], 1);
    assert!(shown.contains("the event would last 3651694 days"), "{shown}");
    env.kubecon();
    let path = env.journal().join("kubecon-europe-2024.toml");
    fs::write(&path, fs::read_to_string(&path).unwrap().replace("end = 2024-03-22", "end = 9998-03-22")).unwrap();
    let shown = fails_without_change(&env, &["list"], 1);
    assert!(shown.contains("[event] start and end: the event would last"), "{shown}");
}

#[test]
fn a_summary_full_of_dashes_imports_in_one_pass() {
    let env = TestEnv::new();
    // 20,000 took 94 s when each " - " cost a scan of the rest.
    let summary = format!("Title{}", " - x".repeat(20_000));
    let ics = format!(
        "BEGIN:VCALENDAR\r\nPRODID:-//Sched.com KubeCon//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n\
         DTSTART:20240320T100000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    let file = write(&env, "dashes.ics", ics);
    let output = env.cmd(["import", file.to_str().unwrap(), "--tz", "Europe/Paris"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    // No " - " is followed by names: the summary stays the title.
    let talks = json_of(&env, &["list", "--schedule", "--json"]);
    assert_eq!(talks[0]["title"], summary.as_str());
    assert_eq!(talks[0]["speakers"], serde_json::json!([]));
}

#[test]
fn notes_of_many_headings_and_tags_export() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2"]);
    let headings = "# heading\n".repeat(50_000);
    let output = env.cmd(["jot", "--raw", "-"]).write_stdin(headings).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    let path = env.journal().join("kubecon-europe-2024.toml");
    let tags: Vec<String> = (0..20_000).map(|i| format!("\"t{i}\"")).collect();
    let text =
        fs::read_to_string(&path).unwrap().replace("status = ", &format!("tags = [{}]\nstatus = ", tags.join(", ")));
    fs::write(&path, text).unwrap();
    let post = env.ok(["export", "md", "--front-matter", "yaml"]);
    assert!(post.contains("#### heading"), "headings nest under the talk");
    assert!(post.contains("tags: [\"t0\""), "{}", &post[..300]);
}

#[test]
fn hand_written_times_without_seconds_are_read() {
    let env = TestEnv::new();
    env.kubecon();
    env.ok(["add", "Talk", "-d", "2", "--at", "11:00"]);
    let path = env.journal().join("kubecon-europe-2024.toml");
    let text = fs::read_to_string(&path).unwrap().replace("at = 2024-03-20T11:00:00+01:00", "at = 2024-03-20T11:30");
    fs::write(&path, text).unwrap();
    assert!(env.ok(["list"]).contains("11:30"));
}

#[test]
fn a_description_prefix_with_a_kelvin_sign_is_not_misread() {
    let env = TestEnv::new();
    let talk = |uid: &str, description: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Talk {uid}\r\nDTSTART:20240320T100000Z\r\n\
             DESCRIPTION:{description}\r\nEND:VEVENT\r\n"
        )
    };
    let ics = format!(
        "BEGIN:VCALENDAR\r\n{}{}END:VCALENDAR\r\n",
        talk("a", "Speaker: Ana Silva"),
        talk("b", "SPEA\u{212A}ER: Bob Chen")
    );
    let file = write(&env, "kelvin.ics", ics);
    env.ok(["import", file.to_str().unwrap(), "--tz", "Europe/Paris"]);
    let talks = json_of(&env, &["list", "--schedule", "--json"]);
    let speakers: Vec<String> = talks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["speakers"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string()).collect())
        .map(|names: Vec<String>| names.join(", "))
        .collect();
    assert_eq!(speakers, ["Ana Silva", ""]);
}

#[cfg(unix)]
#[test]
fn a_template_or_config_that_never_ends_is_refused() {
    let env = TestEnv::new();
    env.kubecon();
    // A device is not a file: refused before a byte is read.
    let refused = fails_without_change(&env, &["export", "md", "--template", "/dev/zero"], 1);
    assert!(refused.contains("not a regular file"), "{refused}");
    let output = env.cmd(["list"]).env("NOTES_CONFIG", "/dev/zero").output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", shown(&output));
    assert!(stderr(&output).contains("not a regular file"), "{}", shown(&output));
    // A real file that big is read up to the limit, and refused.
    let huge = env.root.path().join("huge.j2");
    std::fs::write(&huge, "x".repeat(5 * 1024 * 1024)).unwrap();
    let refused = fails_without_change(&env, &["export", "md", "--template", huge.to_str().unwrap()], 1);
    assert!(refused.contains("over 4 MB"), "{refused}");
}
