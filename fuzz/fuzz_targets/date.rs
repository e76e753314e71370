//! Dates, days, times, durations and zone names from the command line,
//! stored in an event file and read back by the journal's reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| notes::checks::date(input));
