//! Verdicts: the one-word judgement closing a session ("Meh", "À tester").
//!
//! The vocabulary is the built-ins plus whatever `config.toml` adds; the
//! journal stores the key, the renderers show the label of the language.

use crate::error::Error;
use crate::model::{Lang, text};

/// One verdict of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub key: String,
    pub fr: String,
    pub en: String,
}

impl Verdict {
    pub fn new(key: &str, fr: &str, en: &str) -> Self {
        Verdict { key: key.into(), fr: fr.into(), en: en.into() }
    }

    /// "to-try (À tester / To try)", for help and errors.
    pub fn describe(&self) -> String {
        if self.fr == self.en {
            format!("{} ({})", self.key, self.fr)
        } else {
            format!("{} ({} / {})", self.key, self.fr, self.en)
        }
    }

    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// The verdicts a user can give, built-ins first.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    verdicts: Vec<Verdict>,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            verdicts: vec![
                Verdict::new("top", "Coup de cœur", "Must-see"),
                Verdict::new("good", "Bien", "Good"),
                Verdict::new("meh", "Meh", "Meh"),
                Verdict::new("to-try", "À tester", "To try"),
            ],
        }
    }
}

impl Vocabulary {
    /// The built-ins, extended (or relabelled, for a built-in key) by `custom`.
    pub fn with(custom: impl IntoIterator<Item = Verdict>) -> Self {
        let mut vocabulary = Vocabulary::default();
        for verdict in custom {
            match vocabulary.verdicts.iter_mut().find(|v| v.key == verdict.key) {
                Some(existing) => *existing = verdict,
                None => vocabulary.verdicts.push(verdict),
            }
        }
        vocabulary
    }

    pub fn iter(&self) -> impl Iterator<Item = &Verdict> {
        self.verdicts.iter()
    }

    /// Finds the verdict whose key or label matches `input`, ignoring case,
    /// accents and punctuation: "à tester", "A TESTER", "to-try" are one.
    pub fn resolve(&self, input: &str) -> Result<&Verdict, Error> {
        let wanted = text::fold_key(input);
        self.verdicts
            .iter()
            .find(|v| [&v.key, &v.fr, &v.en].iter().any(|s| text::fold_key(s) == wanted && !wanted.is_empty()))
            .ok_or_else(|| {
                let names = self.verdicts.iter().flat_map(|v| [v.key.as_str(), v.fr.as_str(), v.en.as_str()]);
                Error::UnknownVerdict {
                    input: input.to_string(),
                    known: self.verdicts.iter().map(Verdict::describe).collect(),
                    suggestion: text::suggest(input, names),
                }
            })
    }

    /// The label of a stored key; an unknown key (a verdict removed from the
    /// config) is shown as written rather than failing.
    pub fn label<'a>(&'a self, key: &'a str, lang: Lang) -> &'a str {
        self.verdicts.iter().find(|v| v.key == key).map_or(key, |v| v.label(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_keys_and_labels_in_any_case() {
        let vocabulary = Vocabulary::default();
        for input in ["à tester", "A TESTER", "to-try", "To try", "a-tester"] {
            assert_eq!(vocabulary.resolve(input).unwrap().key, "to-try", "{input}");
        }
        assert_eq!(vocabulary.resolve("coup de coeur").unwrap().key, "top");
        assert_eq!(vocabulary.resolve("MEH").unwrap().key, "meh");
    }

    #[test]
    fn unknown_verdict_lists_the_known_ones() {
        let err = Vocabulary::default().resolve("bof").unwrap_err();
        let Error::UnknownVerdict { known, .. } = err else { panic!("{err:?}") };
        assert_eq!(known.len(), 4);
        assert!(Vocabulary::default().resolve("").is_err());
    }

    #[test]
    fn config_extends_and_relabels() {
        let vocabulary = Vocabulary::with([Verdict::new("wow", "Waouh", "Wow"), Verdict::new("meh", "Bof", "Meh")]);
        assert_eq!(vocabulary.resolve("waouh").unwrap().key, "wow");
        assert_eq!(vocabulary.label("meh", Lang::Fr), "Bof");
        assert_eq!(vocabulary.label("gone", Lang::En), "gone");
    }
}
