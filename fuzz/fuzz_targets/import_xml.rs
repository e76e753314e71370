//! Schedules imported as `notes import` does, from the xml seeds (any
//! bytes: the format is read from the content).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| notes::checks::import(data));
