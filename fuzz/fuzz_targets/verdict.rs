//! Verdicts, kinds and statuses as typed by the user.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| notes::checks::verdict(input));
