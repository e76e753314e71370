//! Closed vocabularies: session kinds and statuses.
//!
//! Both are written in the journal as their lower-case key and parsed with a
//! "did you mean" on near misses.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use crate::model::text;

/// Declares a keyword enum with its keys, `Display` and `FromStr`.
macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($(#[$vattr:meta])* $variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub enum $name {
            $($(#[$vattr])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            pub fn keys() -> Vec<&'static str> {
                Self::ALL.iter().map(|k| k.key()).collect()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(input: &str) -> Result<Self, Error> {
                let wanted = text::fold_key(input);
                Self::ALL.iter().copied().find(|k| text::fold_key(k.key()) == wanted).ok_or_else(|| {
                    Error::UnknownKeyword {
                        what: $what,
                        input: input.to_string(),
                        known: Self::keys().iter().map(|k| k.to_string()).collect(),
                        suggestion: text::suggest(input, Self::keys()),
                    }
                })
            }
        }
    };
}

keyword_enum!(
    /// What a session is.
    Kind, "kind", {
        Keynote => "keynote",
        #[default]
        Talk => "talk",
        Panel => "panel",
        Lightning => "lightning",
        Workshop => "workshop",
        Bof => "bof",
        Demo => "demo",
        Sponsor => "sponsor",
        Networking => "networking",
        Other => "other",
    }
);

keyword_enum!(
    /// Whether the user was there.
    Status, "status", {
        #[default]
        Attended => "attended",
        Planned => "planned",
        Missed => "missed",
        Replay => "replay",
    }
);

keyword_enum!(
    /// A part of a session's section in the post that the person leaves
    /// out, because the prose already says it.
    Hidden, "part", {
        #[default]
        Heading => "heading",
        Byline => "byline",
        Verdict => "verdict",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(kind.key().parse::<Kind>().unwrap(), *kind);
        }
        for status in Status::ALL {
            assert_eq!(status.key().parse::<Status>().unwrap(), *status);
        }
    }

    #[test]
    fn parsing_ignores_case_and_suggests() {
        assert_eq!("KEYNOTE".parse::<Kind>().unwrap(), Kind::Keynote);
        let err = "keynot".parse::<Kind>().unwrap_err();
        assert!(matches!(err, Error::UnknownKeyword { suggestion: Some(ref s), .. } if s == "keynote"));
    }
}
