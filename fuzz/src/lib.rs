//! What the importer fuzz targets share: read a schedule, then keep it the
//! way `notes import` does, and read the schedule file back.

use std::collections::BTreeMap;
use std::path::Path;

use notes::model::{Event, Zone};
use notes::store::{parse_schedule_text, render_schedule_text};

/// Imports `data`; when it is a schedule, writes its schedule file's text
/// and checks that it reads back with every talk.
pub fn import_and_store(data: &[u8]) {
    let zone = Zone::parse("Europe/Paris").expect("a known zone");
    let Ok(schedule) = notes::import::parse(data, Some(&zone)) else { return };
    let timezone = schedule.timezone.clone().unwrap_or(zone);
    let dates: Vec<_> = schedule.talks.iter().map(|t| timezone.local(&t.start).date_naive()).collect();
    let start = schedule.start.or_else(|| dates.iter().min().copied()).expect("a schedule has talks");
    let end = schedule.end.or_else(|| dates.iter().max().copied()).unwrap_or(start);
    if end < start {
        return;
    }
    let event = Event {
        slug: "fuzz".into(),
        name: schedule.name.clone().unwrap_or_default(),
        location: None,
        start,
        end,
        timezone,
        url: None,
        tags: Vec::new(),
        days: BTreeMap::new(),
    };
    let talks: Vec<_> = schedule.talks.iter().filter_map(|t| t.to_session(&event)).collect();
    let text = render_schedule_text(&event, "fuzz.ics", &talks);
    let read = parse_schedule_text(Path::new("fuzz.schedule.toml"), &event, &text)
        .unwrap_or_else(|e| panic!("the schedule file does not read back: {e}\n{text}"));
    assert_eq!(read.len(), talks.len());
}
