//! Verdicts, kinds and statuses as typed by the user, against the built-in
//! vocabulary and one extended with a verdict made from the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use notes::model::{Kind, Lang, Status, Verdict, Vocabulary};

fuzz_target!(|input: &str| {
    let builtin = Vocabulary::default();
    if let Ok(verdict) = builtin.resolve(input) {
        assert_eq!(builtin.label(&verdict.key, Lang::Fr), verdict.fr);
    }
    let (key, label) = input.split_once('=').unwrap_or((input, input));
    let custom = Vocabulary::with([Verdict::new(key, label, label)]);
    let _ = custom.resolve(input);
    let _ = custom.resolve(label);
    let _ = input.parse::<Kind>();
    let _ = input.parse::<Status>();
});
