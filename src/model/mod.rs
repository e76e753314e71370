//! The domain: events, days, sessions, speakers, verdicts.
//!
//! Pure data and rules. No I/O, no clap, no colour: the store builds these
//! from files, the commands change them, the renderers show them.

mod event;
mod fields;
mod keyword;
mod session;
mod speaker;
pub mod team;
pub mod text;
mod verdict;
mod zone;

pub use event::{DayNotes, Event, EventFile, SECTION_KEYS, dates_problem, storable};
pub use fields::{Fields, Filter};
pub use keyword::{Hidden, Kind, Status};
pub use session::{Link, Session, short_refs};
pub use speaker::Speaker;
pub use verdict::{Verdict, Vocabulary};
pub use zone::{UnknownZone, Zone};

/// The language of the tool's output and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    /// The ISO 639-1 code: `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// `fr`, `fr_FR.UTF-8`, `French`… → French; `en*` → English.
    pub fn parse(input: &str) -> Option<Lang> {
        let lower = input.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}
