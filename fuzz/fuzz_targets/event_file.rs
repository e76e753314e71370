//! Loading an event file, both ways notes reads one (whole, for commands
//! that look; cut into pieces, for commands that change it), then changing
//! it the way `add`, `jot` and `day` do.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use notes::model::{DayNotes, Session};
use notes::store::{EventDoc, parse_event_text};

fuzz_target!(|text: &str| {
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
    if let Some(mut first) = sessions.ok().and_then(|s| s.into_iter().next()) {
        first.jot("one more line", false);
        doc.put_session(first).expect("a session that reads can be written");
    }
    let day = DayNotes { intro: Some("An intro".into()), ..DayNotes::default() };
    if doc.put_day(1, day).is_err() {
        return;
    }
    if whole.is_ok() {
        let edited = doc.text();
        let back = parse_event_text(path, "fuzz", &edited)
            .unwrap_or_else(|e| panic!("an edit of a readable file stays readable: {e}\n{edited}"));
        assert!(back.sessions.iter().any(|s| s.id == id && s.title == "Fuzz"));
    }
});
