//! Dates, days, times, durations and time-zone names from the command line
//! and from schedules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use notes::cli::{parse_date, parse_day, parse_time};
use notes::import::parse_clock_duration;
use notes::model::Zone;

fuzz_target!(|input: &str| {
    let _ = parse_date(input);
    let _ = parse_day(input);
    let _ = parse_time(input);
    let _ = parse_clock_duration(input);
    if let Some(zone) = Zone::parse(input) {
        let _ = zone.name();
        let noon = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).and_then(|d| d.and_hms_opt(2, 30, 0));
        let _ = noon.map(|local| zone.from_local(local));
    }
});
