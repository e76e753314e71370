//! Speakers as typed at a prompt or stored in the journal, and links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use notes::model::{Link, Speaker};

fuzz_target!(|input: &str| {
    for speaker in Speaker::parse_list(input) {
        // The journal keeps a speaker as text and reads it back with
        // `parse`: the two must agree.
        let stored = speaker.stored();
        assert_eq!(Speaker::parse(&stored).as_ref(), Some(&speaker), "stored as {stored:?}");
    }
    let _ = Link::parse(input);
});
