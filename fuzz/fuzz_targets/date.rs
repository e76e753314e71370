//! Dates, days, times, durations and time-zone names from the command line
//! and from schedules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use notes::args::{TimeArg, parse_date, parse_day, parse_time};
use notes::import::parse_clock_duration;
use notes::model::Zone;

/// Every date the command line accepts can be written to the journal.
fn assert_storable(text: String) {
    assert!(text.parse::<toml_edit::Datetime>().is_ok(), "{text} is not a TOML date");
}

fuzz_target!(|input: &str| {
    if let Ok(date) = parse_date(input) {
        assert_storable(date.format("%Y-%m-%d").to_string());
    }
    let _ = parse_day(input);
    match parse_time(input) {
        Ok(TimeArg::Local(at)) => assert_storable(at.format("%Y-%m-%dT%H:%M:%S").to_string()),
        Ok(TimeArg::Fixed(at)) => assert_storable(at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()),
        _ => {}
    }
    let _ = parse_clock_duration(input);
    if let Some(zone) = Zone::parse(input) {
        let _ = zone.name();
        let noon = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).and_then(|d| d.and_hms_opt(2, 30, 0));
        let _ = noon.map(|local| zone.from_local(local));
    }
});
