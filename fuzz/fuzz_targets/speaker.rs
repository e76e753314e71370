//! Speakers as typed at a prompt or stored in the journal, and links.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| notes::checks::speaker(input));
