//! Hostile input, end to end: terminal escape sequences and bidi controls in
//! every text a command prints (typed, hand-edited, from config.toml or from
//! an imported schedule), names and slugs that look like paths, huge notes
//! and titles, templates that try to read files or never end, odd configs.
//!
//! Known bugs are `#[ignore = "bug: …"]`: `cargo test --test cli hostile --
//! --ignored` runs them, and each fails until its bug is fixed.

mod big_inputs;
mod config;
mod escapes;
mod paths;
mod templates;
mod unbounded;

use std::fs;
use std::path::PathBuf;
use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::TestEnv;

/// Every trick at once: clear the screen (CSI 2J), set the window title
/// (OSC 0 … BEL), write the clipboard (OSC 52), an 8-bit CSI (C1 U+009B),
/// then bidi overrides, isolates and a right-to-left mark.
pub(super) const TRICKS: &str =
    "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4K\x07\u{9b}31m\u{202e}gnp.exe\u{2066}\u{2067}\u{2068}\u{2069}\u{200f}";

/// `label`, the tricks, and a plain end, so that trimming keeps them.
pub(super) fn evil(label: &str) -> String {
    format!("{label} {TRICKS} end")
}

/// Bidi controls that reorder what a terminal shows (Trojan Source).
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What must never reach a terminal raw: C0 controls but newline and tab
/// (ESC, BEL…), DEL, C1 controls (U+0080–U+009F) and bidi controls.
pub(super) fn is_terminal_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// The offending characters of `text`, with their char index, for messages.
pub(super) fn unsafe_chars(text: &str, bad: impl Fn(char) -> bool) -> Vec<(usize, char)> {
    text.chars().enumerate().filter(|(_, c)| bad(*c)).take(8).collect()
}

pub(super) fn assert_terminal_safe(what: &str, text: &str) {
    let found = unsafe_chars(text, is_terminal_unsafe);
    assert!(found.is_empty(), "{what}: raw control characters {found:?} in {:?}", excerpt(text));
}

/// At most 2,000 characters of `text`, for assertion messages.
pub(super) fn excerpt(text: &str) -> String {
    text.chars().take(2000).collect()
}

/// stdout and stderr, escaped (never raw escapes in the test log).
pub(super) fn shown(output: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {:?}\nstderr: {:?}",
        output.status.code(),
        excerpt(&String::from_utf8_lossy(&output.stdout)),
        excerpt(&String::from_utf8_lossy(&output.stderr))
    )
}

pub(super) fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub(super) fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs `args`, expects exit `code`, and checks that neither stdout nor
/// stderr carries a raw escape, C1 or bidi control.
pub(super) fn run_safe<S: AsRef<str>>(env: &TestEnv, args: &[S], code: i32) -> Output {
    let args: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
    let output = env.cmd(&args).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "{args:?}\n{}", shown(&output));
    assert_terminal_safe(&format!("stdout of {args:?}"), &String::from_utf8_lossy(&output.stdout));
    assert_terminal_safe(&format!("stderr of {args:?}"), &String::from_utf8_lossy(&output.stderr));
    output
}

pub(super) fn json_of(env: &TestEnv, args: &[&str]) -> Value {
    let output = env.cmd(args).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}\n{}", shown(&output));
    let text = stdout(&output);
    // serde_json must escape C0 controls: no raw ESC or BEL, only the
    // newlines of pretty-printing.
    let raw = unsafe_chars(&text, |c| (c as u32) < 0x20 && c != '\n');
    assert!(raw.is_empty(), "{args:?}: raw C0 controls {raw:?} in JSON");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"))
}

pub(super) fn write(env: &TestEnv, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = env.root.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// A pretalx-style schedule.json for "KubeCon Europe 2024" (so that it
/// imports into `env.kubecon()`), two talks under way at the tests' "now"
/// (11:05 in Paris on day 2), every text full of tricks.
pub(super) fn hostile_schedule(conference: &str) -> String {
    let talk = |guid: &str, label: &str| {
        json!({
            "guid": format!("{guid}{TRICKS}"),
            "date": "2024-03-20T11:00:00+01:00",
            "duration": "00:45",
            "room": evil(&format!("Room {label}")),
            "title": evil(&format!("Talk {label}")),
            "subtitle": "",
            "track": evil("Track"),
            "type": "Talk",
            "abstract": format!("{}\nsecond line \u{0} NUL", evil("Abstract")),
            "persons": [{ "public_name": format!("{} ({})", evil("Eve"), evil("Org")) }],
            "links": [{ "title": evil("slides"), "url": "https://example.org/slides.pdf" }],
        })
    };
    json!({
        "schedule": {
            "conference": {
                "title": conference,
                "start": "2024-03-19",
                "end": "2024-03-22",
                "time_zone_name": "Europe/Paris",
                "days": [{ "date": "2024-03-20", "rooms": { "R": [talk("talk-one", "one"), talk("talk-two", "two")] } }],
            }
        }
    })
    .to_string()
}

/// Runs `args` (with `stdin` if given), expects exit 0 within 30 s, and logs
/// how long it took.
pub(super) fn timed(env: &TestEnv, args: &[&str], stdin: Option<&[u8]>) -> (Output, Duration) {
    let mut cmd = env.cmd(args);
    if let Some(stdin) = stdin {
        cmd.write_stdin(stdin.to_vec());
    }
    let start = Instant::now();
    let output = cmd.output().unwrap();
    let elapsed = start.elapsed();
    eprintln!("timing: notes {} took {elapsed:?}", args.join(" ").chars().take(60).collect::<String>());
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", shown(&output));
    assert!(elapsed < Duration::from_secs(30), "{args:?} took {elapsed:?}");
    (output, elapsed)
}
