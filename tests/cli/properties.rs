//! Property tests of the schedule importers, called as a library
//! (`notes::import::parse`): whatever the bytes, an importer answers `Ok` or
//! `Err` and never panics; the same bytes always give the same answer; and a
//! valid iCalendar keeps every title it holds, escapes and all.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use notes::import::parse;
use proptest::prelude::*;
use proptest::sample::select;

/// The start of each format, as the format detection sees it.
const ICS: &str = "BEGIN:VCALENDAR\r\n";
const JSON: &str = "{\"schedule\":";
const XML: &str = "<schedule>";

/// The whole answer, for comparisons: `Schedule` and `ImportError` are `Debug`.
fn parsed(bytes: &[u8]) -> String {
    format!("{:?}", parse(bytes, None))
}

fn with_prefix(prefix: &str, rest: &[u8]) -> Vec<u8> {
    [prefix.as_bytes(), rest].concat()
}

/// `cases` per property, kept small for `cargo test`; `PROPTEST_CASES=5000`
/// runs a longer search.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// (1) Arbitrary bytes after each format's opening never panic.

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_after_an_icalendar_opening_never_panic(rest in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse(&with_prefix(ICS, &rest), None);
    }

    #[test]
    fn arbitrary_bytes_after_a_schedule_json_opening_never_panic(rest in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse(&with_prefix(JSON, &rest), None);
    }

    #[test]
    fn arbitrary_bytes_after_a_schedule_xml_opening_never_panic(rest in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse(&with_prefix(XML, &rest), None);
    }
}

// Random bytes rarely get past the first syntax error. These inputs have
// each format's shape, with odd values in the fields, so they reach the code
// that reads times, durations, zones, speakers and HTML. Most of them are
// schedules with talks; some are broken on purpose.

/// Numbers stay small enough not to overflow a duration: that bug has its
/// own (ignored) tests below.
const TIMES: &[&str] = &[
    "2020-12-15T10:00:00+01:00",
    "2020-12-15T10:00:00Z",
    "2020-12-15T23:59:59-12:00",
    "9999-12-31T23:59:59+14:00",
    "0000-01-01T00:00:00-12:00",
    "2024-03-31T02:30:00+02:00",
    "2020-12-15",
    "2020-13-45T10:00:00+01:00",
    "2020-12-15T10:00",
    "",
    "x",
];
const CLOCKS: &[&str] = &["10:00", "00:00", "23:59", "24:00", "9:5", "-1:00", "10:00:00", "", "noon"];
const DURATIONS: &[&str] =
    &["00:30", "0:45", "1:00:00", "00:00", "-0:30", "99:99", "1:2:3:4", "", "soon", "-1", "9999:00"];
const DATES: &[&str] = &["2020-12-15", "2020-12-14", "2020-02-30", "9999-12-31", "0000-01-01", "15.12.2020", "", "é"];
const ZONES: &[&str] = &["Europe/Berlin", "UTC", "America/St_Johns", "Mars/Olympus", "", "+01:00"];
const TEXTS: &[&str] = &[
    "Talk",
    "Keynote: opening",
    "Lunch",
    "⚡ LIGHTNING TALKS",
    "é’—\u{FFFD}",
    "  spaced  ",
    "",
    "<p>a&amp;b<br/>c</p>",
    "&nbsp;",
    "Speaker: Ana Silva, Tom",
    "Title - Ana Silva, Acme & Tom Martin, Initech; Lea, X",
    "Title - Ana Silva, Tom Martin",
    "a\nb",
];

/// One of `values`.
fn pick(values: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(values).prop_map(str::to_string)
}

/// One of `values`, or now and then anything printable.
fn one_of(values: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![4 => pick(values), 1 => "[ -~]{0,10}"]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => pick(TEXTS),
        2 => "[a-zA-Z ]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(10).collect()),
    ]
}

/// `value` most of the time, `None` sometimes.
fn often<S: Strategy>(value: S) -> impl Strategy<Value = Option<S::Value>> {
    prop::option::weighted(0.8, value)
}

// -- iCalendar

/// TEXT escaping (RFC 5545 §3.3.11), sometimes forgotten.
fn ics_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => text().prop_map(|t| escape_text(&t)), 1 => text().prop_map(|t| t.replace(['\r', '\n'], " "))]
}

fn ics_time() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (
            pick(&["20201215T100000", "20240331T023000", "99991231T235959", "00010101T000000", "20201215T250000"]),
            pick(&["Z", ""]),
        )
            .prop_map(|(t, z)| format!("{t}{z}")),
        1 => pick(&["20201215", "", "2020-12-15T10:00:00Z", "x"]),
    ]
}

fn ics_event() -> impl Strategy<Value = Vec<String>> {
    let start_key = select(
        &["DTSTART:", "DTSTART;TZID=Europe/Paris:", "DTSTART;TZID=\"Mars/Olympus\":", "DTSTART;VALUE=DATE:"][..],
    );
    let end_key = select(&["DTEND:", "DTEND;TZID=America/New_York:", "DURATION:"][..]);
    (
        often(ics_text()),
        often((start_key, ics_time())),
        often((end_key, prop_oneof![ics_time(), pick(&["PT45M", "P1W2D", "-PT1H", "PT", "P", "PT1H30", "PT9999H"])])),
        prop::collection::vec(
            (
                select(
                    &[
                        "LOCATION:",
                        "ATTENDEE;CN=",
                        "ATTENDEE;CN=\"Ana Silva (Acme)\":mailto:",
                        "CATEGORIES:",
                        "UID:",
                        "URL:",
                        "DESCRIPTION:",
                        "STATUS:",
                        "X-ODD;P=\"a:b\":",
                    ][..],
                ),
                ics_text(),
            ),
            0..5,
        ),
    )
        .prop_map(|(summary, start, end, others)| {
            let mut lines = vec!["BEGIN:VEVENT".to_string()];
            lines.extend(summary.map(|s| format!("SUMMARY:{s}")));
            lines.extend(start.map(|(k, v)| format!("{k}{v}")));
            lines.extend(end.map(|(k, v)| format!("{k}{v}")));
            lines.extend(others.into_iter().map(|(k, v)| format!("{k}{v}")));
            lines.push("END:VEVENT".into());
            lines
        })
}

fn icalendar() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::collection::vec(
        prop_oneof![
            pick(&[
                "PRODID:-//Sched.com KubeCon 2026//EN",
                "PRODID:-//pretalx//cfp.example.org//democon",
                "PRODID:-//x//EN",
                "VERSION:2.0"
            ]),
            one_of(ZONES).prop_map(|z| format!("X-WR-TIMEZONE:{z}")),
            ics_text().prop_map(|n| format!("X-WR-CALNAME:{n}")),
        ],
        0..4,
    );
    // Now and then a line that breaks the structure.
    let wild = prop::option::weighted(
        0.1,
        (
            select(&["END:VEVENT", "BEGIN:VEVENT", "BEGIN:VALARM", ":", ";", "NOVALUE", " folded"][..]),
            any::<prop::sample::Index>(),
        ),
    );
    (header, prop::collection::vec(ics_event(), 0..6), wild, any::<bool>(), select(&["\r\n", "\n"][..])).prop_map(
        |(header, events, wild, inside_characters, eol)| {
            let mut lines = vec!["BEGIN:VCALENDAR".to_string()];
            lines.extend(header);
            lines.extend(events.into_iter().flatten());
            lines.push("END:VCALENDAR".into());
            if let Some((line, at)) = wild {
                lines.insert(at.index(lines.len()), line.to_string());
            }
            let mut bytes = Vec::new();
            for line in lines {
                bytes.extend(fold(&line, inside_characters));
                bytes.extend_from_slice(eol.as_bytes());
            }
            bytes
        },
    )
}

// -- schedule.json

/// A string most of the time; now and then a value of the wrong type.
fn json_string(value: impl Strategy<Value = String>) -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        400 => value.prop_map(serde_json::Value::from),
        40 => Just(serde_json::Value::Null),
        1 => any::<i32>().prop_map(serde_json::Value::from),
        1 => Just(serde_json::json!([])),
    ]
}

fn json_event() -> impl Strategy<Value = serde_json::Value> {
    let id = prop_oneof![
        text().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number)),
        Just(serde_json::json!({"nested": [1, 2]})),
    ];
    let person = (select(&["public_name", "name"][..]), json_string(text()))
        .prop_map(|(key, name)| serde_json::json!({ key: name, "biography": "x" }));
    let link = (json_string(text()), json_string(text()))
        .prop_map(|(title, url)| serde_json::json!({"title": title, "url": url}));
    (
        (often(select(&["guid", "code", "id"][..])), id, json_string(text())),
        often(json_string(text())),
        often(json_string(one_of(TIMES))),
        often(json_string(one_of(CLOCKS))),
        often(json_string(one_of(DURATIONS))),
        (
            often(json_string(text())),
            often(json_string(text())),
            often(json_string(text())),
            often(json_string(text())),
        ),
        (often(json_string(text())), often(json_string(text())), often(json_string(text()))),
        often(prop::collection::vec(person, 0..3)),
        often(prop::collection::vec(link, 0..2)),
    )
        .prop_map(
            |(
                (id_key, id, text_id),
                title,
                date,
                start,
                duration,
                (room, subtitle, track, kind),
                (abstract_text, description, url),
                persons,
                links,
            )| {
                let mut event = serde_json::Map::new();
                let mut put = |key: &str, value: Option<serde_json::Value>| {
                    if let Some(value) = value {
                        event.insert(key.to_string(), value);
                    }
                };
                // Only `id` may be a number or anything else; `guid` and `code` are text.
                match id_key {
                    Some("id") => put("id", Some(id)),
                    Some(key) => put(key, Some(text_id)),
                    None => {}
                }
                put("title", title);
                put("date", date);
                put("start", start);
                put("duration", duration);
                put("room", room);
                put("subtitle", subtitle);
                put("track", track);
                put("type", kind);
                put("abstract", abstract_text);
                put("description", description);
                put("url", url);
                put("persons", persons.map(serde_json::Value::from));
                put("links", links.map(serde_json::Value::from));
                serde_json::Value::Object(event)
            },
        )
}

fn schedule_json() -> impl Strategy<Value = Vec<u8>> {
    let room = (one_of(&["Gray Room", "Tan Room", ""]), prop::collection::vec(json_event(), 1..4));
    let day = (json_string(one_of(DATES)), prop::collection::vec(room, 1..3)).prop_map(|(date, rooms)| {
        let rooms: serde_json::Map<String, serde_json::Value> =
            rooms.into_iter().map(|(name, events)| (name, serde_json::Value::from(events))).collect();
        serde_json::json!({"date": date, "rooms": rooms})
    });
    (
        json_string(text()),
        json_string(one_of(DATES)),
        json_string(one_of(DATES)),
        json_string(one_of(ZONES)),
        prop::collection::vec(day, 1..3),
    )
        .prop_map(|(title, start, end, zone, days)| {
            serde_json::json!({"schedule": {"version": "1", "conference": {
                "title": title, "start": start, "end": end, "time_zone_name": zone, "days": days
            }}})
            .to_string()
            .into_bytes()
        })
}

// -- schedule.xml

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Character references, CDATA, markup: some fine, some not.
const XML_ODDITIES: &[&str] =
    &["&#233;", "&#0;", "&#xFFFFFF;", "&bogus;", "<![CDATA[<b>x</b>]]>", "<b>bold</b>", "&lt;p&gt;", "<", "&"];

/// Escaped text, now and then with a character reference, CDATA or markup.
fn xml_text(value: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop_oneof![150 => value.prop_map(|v| xml_escape(&v)), 1 => pick(XML_ODDITIES)]
}

fn xml_event() -> impl Strategy<Value = String> {
    let elements = (
        (
            often(xml_text(text())),
            often(xml_text(one_of(TIMES))),
            often(xml_text(one_of(CLOCKS))),
            often(xml_text(one_of(DURATIONS))),
        ),
        (often(xml_text(text())), often(xml_text(text())), often(xml_text(text())), often(xml_text(text()))),
        (often(xml_text(text())), often(xml_text(text())), often(xml_text(text()))),
        often(prop::collection::vec(xml_text(text()), 0..3)),
        often((xml_text(text()), xml_text(text()))),
    );
    (xml_text(text()), elements).prop_map(
        |(
            id,
            (
                (title, date, start, duration),
                (room, subtitle, track, kind),
                (abstract_text, description, url),
                persons,
                link,
            ),
        )| {
            let mut xml = format!("<event id=\"{id}\" guid=\"{id}\">");
            for (name, value) in [
                ("title", title),
                ("date", date),
                ("start", start),
                ("duration", duration),
                ("room", room),
                ("subtitle", subtitle),
                ("track", track),
                ("type", kind),
                ("abstract", abstract_text),
                ("description", description),
                ("url", url),
            ] {
                if let Some(value) = value {
                    xml.push_str(&format!("<{name}>{value}</{name}>"));
                }
            }
            if let Some(persons) = persons {
                let persons: String = persons.iter().map(|p| format!("<person id=\"1\">{p}</person>")).collect();
                xml.push_str(&format!("<persons>{persons}</persons>"));
            }
            if let Some((href, text)) = link {
                xml.push_str(&format!("<links><link href=\"{href}\">{text}</link></links>"));
            }
            xml + "</event>"
        },
    )
}

fn schedule_xml() -> impl Strategy<Value = Vec<u8>> {
    let room = (xml_text(one_of(&["Gray Room", "Tan Room", ""])), prop::collection::vec(xml_event(), 1..4))
        .prop_map(|(name, events)| format!("<room name=\"{name}\">{}</room>", events.concat()));
    let day = (xml_text(one_of(DATES)), prop::collection::vec(room, 1..3))
        .prop_map(|(date, rooms)| format!("<day index=\"1\" date=\"{date}\">{}</day>", rooms.concat()));
    let conference = (
        often(xml_text(text())),
        often(xml_text(one_of(DATES))),
        often(xml_text(one_of(DATES))),
        often(xml_text(one_of(ZONES))),
        often(xml_text(one_of(&["04:00:00", "00:00:00", "25:00:00", "4:00", ""]))),
    )
        .prop_map(|(title, start, end, zone, day_change)| {
            let mut xml = String::from("<conference>");
            for (name, value) in
                [("title", title), ("start", start), ("end", end), ("time_zone_name", zone), ("day_change", day_change)]
            {
                if let Some(value) = value {
                    xml.push_str(&format!("<{name}>{value}</{name}>"));
                }
            }
            xml + "</conference>"
        });
    (select(&["", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"][..]), conference, prop::collection::vec(day, 1..3))
        .prop_map(|(declaration, conference, days)| {
            format!("{declaration}<schedule><version>1</version>{conference}{}</schedule>", days.concat()).into_bytes()
        })
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn icalendar_of_the_right_shape_never_panics(bytes in icalendar()) {
        let _ = parse(&bytes, None);
    }

    #[test]
    fn schedule_json_of_the_right_shape_never_panics(bytes in schedule_json()) {
        let _ = parse(&bytes, None);
    }

    #[test]
    fn schedule_xml_of_the_right_shape_never_panics(bytes in schedule_xml()) {
        let _ = parse(&bytes, None);
    }
}

// ---------------------------------------------------------------------------
// (2) Real files cut anywhere never panic.

/// The real schedules in tests/fixtures/schedules/, or `None` (with a
/// message) when that directory is not there.
fn fixtures() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schedules");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no fixture directory {}", dir.display());
        return None;
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ics" || x == "json" || x == "xml"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    if files.is_empty() {
        eprintln!("skipped: no schedule in {}", dir.display());
        return None;
    }
    Some(files)
}

/// Runs `check` on prefixes of random length of the fixtures (a random
/// one each time); a failure names the file and the length.
fn on_truncated_fixtures(cases: u32, check: impl Fn(&str, &[u8]) -> Result<(), TestCaseError>) {
    let Some(files) = fixtures() else { return };
    let mut runner = proptest::test_runner::TestRunner::new(config(cases));
    let strategy = (0..files.len(), any::<prop::sample::Index>());
    let result = runner.run(&strategy, |(file, cut)| {
        let (name, bytes) = &files[file];
        let cut = cut.index(bytes.len() + 1);
        let case = format!("{name} cut after {cut} of {} bytes", bytes.len());
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&case, &bytes[..cut])))
            .unwrap_or_else(|_| Err(TestCaseError::fail(format!("panicked on {case}"))))
    });
    if let Err(err) = result {
        panic!("{err}");
    }
}

#[test]
fn real_schedules_cut_anywhere_never_panic() {
    on_truncated_fixtures(96, |_, bytes| {
        let _ = parse(bytes, None);
        Ok(())
    });
}

/// Also checks that the whole files parse: the truncation test would pass
/// on an importer that refused everything.
#[test]
fn real_schedules_parse_whole() {
    let Some(files) = fixtures() else { return };
    for (name, bytes) in files {
        let schedule = parse(&bytes, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!schedule.talks.is_empty(), "{name}");
    }
}

// ---------------------------------------------------------------------------
// (3) The same bytes give the same answer.

#[test]
fn real_schedules_cut_anywhere_parse_the_same_twice() {
    on_truncated_fixtures(48, |case, bytes| {
        prop_assert_eq!(parsed(bytes), parsed(bytes), "{}", case);
        Ok(())
    });
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn generated_schedules_parse_the_same_twice(
        bytes in prop_oneof![icalendar(), schedule_json(), schedule_xml()],
    ) {
        prop_assert_eq!(parsed(&bytes), parsed(&bytes));
    }

    #[test]
    fn arbitrary_bytes_parse_the_same_twice(
        prefix in select(&[ICS, JSON, XML][..]),
        rest in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let bytes = with_prefix(prefix, &rest);
        prop_assert_eq!(parsed(&bytes), parsed(&bytes));
    }
}

// ---------------------------------------------------------------------------
// (4) A valid iCalendar keeps its titles.

/// A title: letters of many scripts, spaces, and every character RFC 5545
/// TEXT escapes (`\`, `;`, `,`, newline), plus `:` and quotes. It neither
/// starts nor ends with white space, which the importer trims.
fn title() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9]{1,8}",
        2 => pick(&[" ", " ", "\\", ";", ",", ":", "\"", "'", "\n", " - ", "\\n", "\\,", "&", "<b>"]),
        2 => pick(&["é", "ü", "ß", "Łach", "Statkevičius", "日本語", "😀", "🚨", "’", "—", "…", "\u{a0}"]),
        1 => any::<char>().prop_filter("visible", |c| !c.is_control() && !c.is_whitespace()).prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..12)
        .prop_map(|pieces| pieces.concat().trim().to_string())
        .prop_filter("a title", |t| !t.is_empty())
}

/// RFC 5545 §3.3.11 TEXT escaping.
fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// RFC 5545 §3.1 folding: lines longer than 75 octets go on with CRLF and a
/// space. `inside_characters` folds at exactly 75 octets even in the middle
/// of a UTF-8 character, as some producers do (the RFC asks readers to
/// cope), hence bytes rather than a `String`.
fn fold(line: &str, inside_characters: bool) -> Vec<u8> {
    let bytes = line.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 37);
    let mut start = 0;
    let mut limit = 75;
    while bytes.len() - start > limit {
        let mut end = start + limit;
        if !inside_characters {
            while !line.is_char_boundary(end) {
                end -= 1;
            }
        }
        out.extend_from_slice(&bytes[start..end]);
        out.extend_from_slice(b"\r\n ");
        start = end;
        limit = 74; // the leading space counts
    }
    out.extend_from_slice(&bytes[start..]);
    out
}

fn utc(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// An iCalendar with one VEVENT per (title, start, minutes); the bytes, not
/// a `String`, since a fold may split a character.
fn calendar(talks: &[(String, i64, i64)], inside_characters: bool) -> Vec<u8> {
    let mut lines = vec!["BEGIN:VCALENDAR".to_string(), "VERSION:2.0".into(), "PRODID:-//notes tests//EN".into()];
    for (i, (title, start, minutes)) in talks.iter().enumerate() {
        let start = utc(*start);
        let end = start + Duration::minutes(*minutes);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:talk-{i}@example.org"),
            format!("DTSTAMP:{}", start.format("%Y%m%dT%H%M%SZ")),
            format!("DTSTART:{}", start.format("%Y%m%dT%H%M%SZ")),
            format!("DTEND:{}", end.format("%Y%m%dT%H%M%SZ")),
            format!("SUMMARY:{}", escape_text(title)),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut bytes = Vec::new();
    for line in lines {
        bytes.extend(fold(&line, inside_characters));
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_valid_icalendar_keeps_every_title(
        talks in prop::collection::vec(
            // 2000-01-01 to 2035-12-31, on the minute; 1 minute to 10 hours
            (title(), (946_684_800i64 / 60..2_082_758_400 / 60).prop_map(|m| m * 60), 1i64..600),
            1..20,
        ),
        inside_characters in any::<bool>(),
    ) {
        let bytes = calendar(&talks, inside_characters);
        let schedule = parse(&bytes, None).map_err(|e| {
            TestCaseError::fail(format!("{e:?}\n{}", String::from_utf8_lossy(&bytes)))
        })?;
        prop_assert_eq!(schedule.format, "iCalendar");
        prop_assert!(schedule.warnings.is_empty(), "{:?}", schedule.warnings);
        prop_assert_eq!(schedule.talks.len(), talks.len());
        let mut expected: Vec<(String, i64, i64)> = talks.clone();
        let mut found: Vec<(String, i64, i64)> = schedule
            .talks
            .iter()
            .map(|t| {
                let minutes = t.end.map_or(-1, |end| (end - t.start).num_minutes());
                (t.title.clone(), t.start.timestamp(), minutes)
            })
            .collect();
        expected.sort();
        found.sort();
        prop_assert_eq!(found, expected, "\n{}", String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn the_calendar_generator_escapes_and_folds() {
    assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
    let long = format!("SUMMARY:{}", "é".repeat(40));
    for inside_characters in [false, true] {
        let folded = fold(&long, inside_characters);
        assert!(folded.split(|b| *b == b'\n').all(|l| l.len() <= 76), "{folded:?}");
        assert_eq!(String::from_utf8_lossy(&folded).contains('\u{FFFD}'), inside_characters);
    }
    assert_eq!(String::from_utf8(fold(&long, false)).unwrap().replace("\r\n ", ""), long);
    let title = "é".repeat(80);
    let schedule = parse(&calendar(&[(title.clone(), 1_700_000_040, 30)], true), None).unwrap();
    assert_eq!(schedule.talks[0].title, title);
    assert_eq!(schedule.talks[0].start.to_rfc3339(), "2023-11-14T22:14:00+00:00");
    assert_eq!(schedule.talks[0].end.unwrap().to_rfc3339(), "2023-11-14T22:44:00+00:00");
}

// ---------------------------------------------------------------------------
// Known bug: a duration too large for chrono panics (`TimeDelta::hours out of
// bounds`, `DateTime + TimeDelta overflowed`) in `parse_clock_duration`,
// `parse_iso_duration` and `start + duration`; `notes import` dies with exit
// code 101 and a backtrace instead of an error or a warning.

fn json_with_duration(duration: &str) -> Vec<u8> {
    let event = serde_json::json!({"title": "T", "date": "2020-12-15T10:00:00+01:00", "duration": duration});
    let day = serde_json::json!({"date": "2020-12-15", "rooms": {"A": [event]}});
    serde_json::json!({"schedule": {"conference": {"title": "X", "days": [day]}}}).to_string().into_bytes()
}

fn ics_with_duration(duration: &str) -> Vec<u8> {
    format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:T\r\nDTSTART:20201215T100000Z\r\n\
         DURATION:{duration}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    .into_bytes()
}

fn xml_with_duration(duration: &str) -> Vec<u8> {
    format!(
        "<schedule><day date=\"2020-12-15\"><room name=\"A\"><event id=\"1\"><title>T</title>\
         <date>2020-12-15T10:00:00+01:00</date><duration>{duration}</duration></event></room></day></schedule>"
    )
    .into_bytes()
}

/// Parses without letting a panic end the test run early, and says which input panicked.
fn does_not_panic(bytes: &[u8]) -> Result<(), String> {
    std::panic::catch_unwind(|| parse(bytes, None)).map(|_| ()).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("panicked ({message}) on\n{}", String::from_utf8_lossy(bytes))
    })
}

#[test]
fn a_huge_duration_in_schedule_json_is_not_a_panic() {
    for duration in ["3000000000:00", "9999999999999999:00", "0:9223372036854775807"] {
        does_not_panic(&json_with_duration(duration)).unwrap();
    }
}

#[test]
fn a_huge_duration_in_icalendar_is_not_a_panic() {
    for duration in ["PT3000000000H", "PT9999999999999999H", "P99999999999W"] {
        does_not_panic(&ics_with_duration(duration)).unwrap();
    }
}

#[test]
fn a_huge_duration_in_schedule_xml_is_not_a_panic() {
    for duration in ["3000000000:00", "9999999999999999:00"] {
        does_not_panic(&xml_with_duration(duration)).unwrap();
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// The general form of the three tests above, for when the bug is fixed.
    #[test]
    fn durations_of_any_size_never_panic(
        hours in "[0-9]{1,19}",
        minutes in "[0-9]{1,19}",
        unit in select(&["W", "D", "H", "M", "S"][..]),
    ) {
        let clock = format!("{hours}:{minutes}");
        let iso = if unit == "W" || unit == "D" { format!("P{hours}{unit}") } else { format!("PT{hours}{unit}") };
        does_not_panic(&json_with_duration(&clock)).map_err(TestCaseError::fail)?;
        does_not_panic(&xml_with_duration(&clock)).map_err(TestCaseError::fail)?;
        does_not_panic(&ics_with_duration(&iso)).map_err(TestCaseError::fail)?;
    }
}
