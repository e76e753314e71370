//! The frab / pretalx `schedule.xml` importer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"<") {
        notes_fuzz::import_and_store(data);
    }
});
