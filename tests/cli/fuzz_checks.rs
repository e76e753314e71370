//! The fuzz targets' checks (`notes::checks`), on stable, on every test
//! run: each one over its committed seeds (`fuzz/seeds/TARGET`, and the
//! real schedules of the fixtures for the importers), then over random
//! variations of them, a bounded number of cases each. `fuzz/run` runs the
//! same checks under libFuzzer, for as long as one wants.

use std::path::{Path, PathBuf};

use notes::checks;
use proptest::prelude::*;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".source.txt"))
        .collect();
    files.sort();
    files
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(target);
    files(&dir).iter().map(|f| std::fs::read(f).unwrap()).collect()
}

fn schedule_seeds() -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = ["import_ics", "import_json", "import_xml"].iter().flat_map(|t| seeds(t)).collect();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schedules");
    all.extend(files(&fixtures).iter().map(|f| std::fs::read(f).unwrap()));
    all
}

/// A seed with a few bytes replaced, inserted or removed, at random places:
/// what libFuzzer does, in small.
fn variation(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 0..6);
    (prop::sample::select(seeds), edits).prop_map(|(mut bytes, edits)| {
        for (at, how, byte) in edits {
            let i = at.index(bytes.len() + 1);
            match how {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ => {}
            }
        }
        bytes
    })
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_seed_passes_its_check() {
    for seed in schedule_seeds() {
        checks::import(&seed);
    }
    for seed in seeds("event_file") {
        checks::event_file(&text(&seed));
    }
    for (target, check) in
        [("date", checks::date as fn(&str)), ("speaker", checks::speaker), ("verdict", checks::verdict)]
    {
        for seed in seeds(target) {
            check(&text(&seed));
        }
    }
}

/// Random cases, `cases` of them. In CI (`CI` set) the seed is fixed, so a
/// run is repeatable; elsewhere each run explores new inputs.
pub(crate) fn exploring(cases: u32) -> ProptestConfig {
    let rng_seed = match std::env::var_os("CI") {
        Some(_) => proptest::test_runner::RngSeed::Fixed(0x006e_6f74_6573),
        None => proptest::test_runner::RngSeed::Random,
    };
    ProptestConfig { cases, failure_persistence: None, rng_seed, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(exploring(48))]

    #[test]
    fn schedules_near_the_seeds(data in variation(seeds("import_ics").into_iter().chain(seeds("import_json")).chain(seeds("import_xml")).collect())) {
        checks::import(&data);
    }

    #[test]
    fn event_files_near_the_seeds(data in variation(seeds("event_file"))) {
        checks::event_file(&text(&data));
    }

    #[test]
    fn dates_near_the_seeds(data in variation(seeds("date"))) {
        checks::date(&text(&data));
    }

    #[test]
    fn any_short_text_as_a_date_a_speaker_or_a_verdict(input in "\\PC{0,40}") {
        checks::date(&input);
        checks::speaker(&input);
        checks::verdict(&input);
    }

    /// Names, roles and organisations made of the characters that delimit
    /// them: every speaker still reads back as stored.
    #[test]
    fn speakers_built_of_delimiters_read_back(input in "[a@ \\[\\]()]{0,16}") {
        checks::speaker(&input);
    }
}
