//! The properties the fuzz targets check, as plain functions: the targets
//! of `fuzz/` call them with libFuzzer's inputs, and the test suite with
//! the committed seeds and random variations of them on every run, on
//! stable. Each goes through the paths the commands use: what is written is
//! read back by the journal's own reader. A failed check panics.

use std::path::Path;

use clap::{CommandFactory, Parser};

use crate::args::{TimeArg, parse_date, parse_day, parse_time};
use crate::cli::Cli;
use crate::context::{Context, Settings};
use crate::error::Result;
use crate::import::parse_clock_duration;
use crate::model::{DayNotes, Event, Kind, Lang, Link, Session, Speaker, Status, Verdict, Vocabulary, Zone};
use crate::store::{EventDoc, Journal, parse_event_text};
use crate::ui::Ui;

/// Runs `notes ARGS…` on the journal in `dir`, with no config, no prompt
/// and no output.
pub fn run_quietly(dir: &Path, args: &[&str]) -> Result<()> {
    let cli = Cli::try_parse_from(std::iter::once("notes").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("not a notes command line: {args:?}: {e}"));
    let settings = Settings {
        journal_dir: dir.join("journal"),
        config_path: dir.join("config.toml"),
        lang: Some(Lang::En),
        event: cli.event.clone(),
        no_input: true,
        ui: Ui { color: false, width: Some(100), quiet: true },
        app: Cli::command,
    };
    crate::commands::run(cli.command, &mut Context::new(settings))
}

/// A schedule in any format, imported as `notes import` does: if it is
/// accepted, everything written reads back, and importing it again works.
pub fn import(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("schedule");
    std::fs::write(&file, data).expect("write the schedule");
    let file = file.to_str().expect("a UTF-8 temp path");
    let args = ["import", file, "--tz", "Europe/Paris"];
    if run_quietly(dir.path(), &args).is_err() {
        return;
    }
    let journal = Journal::new(dir.path().join("journal"));
    for slug in journal.slugs().expect("the journal lists") {
        let event = journal.load(&slug).unwrap_or_else(|e| panic!("the event an import created does not read: {e}"));
        journal.schedule(&event.event).unwrap_or_else(|e| panic!("the schedule an import wrote does not read: {e}"));
    }
    run_quietly(dir.path(), &args).unwrap_or_else(|e| panic!("importing the same schedule again fails: {e}"));
    run_quietly(dir.path(), &["list", "--schedule"]).unwrap_or_else(|e| panic!("list --schedule fails: {e}"));
}

/// An event file read both ways notes reads one (whole, for the commands
/// that look; cut into pieces, for those that change it), then changed the
/// way `add`, `jot` and `day` change it: what reads keeps reading.
pub fn event_file(text: &str) {
    let path = Path::new("fuzz.toml");
    let whole = parse_event_text(path, "fuzz", text);
    let Ok(mut doc) = EventDoc::parse(path, "fuzz", text) else { return };
    assert_eq!(doc.text(), text, "the pieces give the file back");
    let sessions = doc.sessions();
    if let (Ok(file), Ok(sessions)) = (&whole, &sessions) {
        assert_eq!(&file.sessions, sessions, "both ways read the same sessions");
    }
    let Ok(id) = doc.next_id() else { return };
    doc.add_session(Session { id, day: 1, title: "Fuzz".into(), ..Session::default() })
        .expect("a new session in a file that cuts reads back");
    if let Some(first) = sessions.ok().and_then(|s| s.into_iter().next()) {
        doc.change_session(first.id, |session, _| {
            session.jot("one more line", false);
            Ok(())
        })
        .expect("a session that reads can be changed");
    }
    if doc.put_day(1, DayNotes { intro: Some("An intro".into()), ..DayNotes::default() }).is_err() {
        return;
    }
    if whole.is_ok() {
        let edited = doc.text();
        let back = parse_event_text(path, "fuzz", &edited)
            .unwrap_or_else(|e| panic!("an edit of a readable file stays readable: {e}\n{edited}"));
        assert!(back.sessions.iter().any(|s| s.id == id && s.title == "Fuzz"));
    }
}

/// Dates, days, times, durations and zone names as typed: every date and
/// time the command line accepts is stored in an event file and read back
/// by the journal's reader, to the second.
pub fn date(input: &str) {
    if let Ok(date) = parse_date(input) {
        stored_and_read_back(date, None);
    }
    let _ = parse_day(input);
    let zone = Zone::parse("Europe/Paris").expect("a known zone");
    match parse_time(input) {
        Ok(TimeArg::Local(at)) => {
            if let Some(at) = zone.from_local(at) {
                stored_and_read_back(at.date_naive(), Some(at.fixed_offset()));
            }
        }
        Ok(TimeArg::Fixed(at)) => stored_and_read_back(zone.local(&at).date_naive(), Some(at)),
        _ => {}
    }
    let _ = parse_clock_duration(input);
    if let Some(zone) = Zone::parse(input) {
        let _ = zone.name();
        let night = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).and_then(|d| d.and_hms_opt(2, 30, 0));
        let _ = night.map(|local| zone.from_local(local));
    }
}

/// An event on `date`, with a session starting at `at`, written the way
/// `event add` and `add` write them and read back.
fn stored_and_read_back(date: chrono::NaiveDate, at: Option<chrono::DateTime<chrono::FixedOffset>>) {
    use chrono::Timelike;
    let event = Event {
        slug: "fuzz".into(),
        name: "Fuzz".into(),
        location: None,
        start: date,
        end: date,
        timezone: Zone::parse("Europe/Paris").expect("a known zone"),
        url: None,
        tags: Vec::new(),
        days: Default::default(),
    };
    let dir = tempfile::tempdir().expect("a temp dir");
    let journal = Journal::new(dir.path());
    journal.create(&event).unwrap_or_else(|e| panic!("the date {date} cannot be stored: {e}"));
    let Some(day) = at.map_or(Some(1), |at| event.day_of(at)) else { return };
    let session = Session { id: 1, day, title: "Fuzz".into(), at, ..Session::default() };
    journal
        .update("fuzz", |doc| doc.add_session(session))
        .unwrap_or_else(|e| panic!("the time {at:?} cannot be stored: {e}"));
    let read = journal.load("fuzz").unwrap_or_else(|e| panic!("the file with {at:?} does not read back: {e}"));
    let back = read.sessions[0].at;
    // A leap second is stored as the second before it.
    let expected = at.map(|at| at.with_nanosecond(0).unwrap_or(at));
    assert_eq!(back, expected, "read back as another time");
}

/// Speakers as typed or stored, and links: a speaker reads back as stored.
pub fn speaker(input: &str) {
    for speaker in Speaker::parse_list(input) {
        let stored = speaker.stored();
        assert_eq!(Speaker::parse(&stored).as_ref(), Some(&speaker), "stored as {stored:?}");
    }
    let _ = Link::parse(input);
}

/// Verdicts, kinds and statuses as typed, against the built-in vocabulary
/// and one extended with a verdict made from the input.
pub fn verdict(input: &str) {
    let builtin = Vocabulary::default();
    if let Ok(verdict) = builtin.resolve(input) {
        assert_eq!(builtin.label(&verdict.key, Lang::Fr), verdict.fr);
    }
    let (key, label) = input.split_once('=').unwrap_or((input, input));
    let custom = Vocabulary::with([Verdict::new(key, label, label)]);
    let _ = custom.resolve(input);
    let _ = custom.resolve(label);
    let _ = input.parse::<Kind>();
    let _ = input.parse::<Status>();
}
