//! What a filter reads of a session: its day, kind, status and verdict,
//! and its texts folded (case and accents, see [`text::fold`]).
//!
//! A [`Session`] answers by folding its fields when asked. The store's
//! index of an event file answers from what it kept of those same answers
//! when the file was read, so a filter matches a session the same way
//! whichever of the two it is shown.

use std::borrow::Cow;

use crate::model::{Event, Kind, Session, Status, text};

/// The fields of a session a filter reads.
pub trait Fields {
    fn day(&self) -> u32;
    fn kind(&self) -> Kind;
    fn status(&self) -> Status;
    /// A key of the verdict vocabulary.
    fn verdict(&self) -> Option<&str>;
    fn folded_room(&self) -> Option<Cow<'_, str>>;
    fn folded_track(&self) -> Option<Cow<'_, str>>;
    fn folded_tags(&self) -> impl Iterator<Item = Cow<'_, str>>;
    /// Each speaker's name, and their role and organisation (one per line).
    fn folded_speakers(&self) -> impl Iterator<Item = (Cow<'_, str>, Option<Cow<'_, str>>)>;
    /// The text that words are searched in: title, speakers, tags, room,
    /// track, abstract and notes, one per line.
    fn folded_text(&self) -> Cow<'_, str>;
}

/// Decides which sessions a command reads (the query of `list`, `filter`
/// and `export`), from their fields alone.
pub trait Filter: Sync {
    fn keeps(&self, event: &Event, session: &impl Fields) -> bool;

    /// Whether [`Filter::keeps`] may read [`Fields::folded_text`]: when
    /// not, the text of ten years of notes need not be read at all.
    fn reads_text(&self) -> bool {
        true
    }
}

impl Fields for Session {
    fn day(&self) -> u32 {
        self.day
    }

    fn kind(&self) -> Kind {
        self.kind
    }

    fn status(&self) -> Status {
        self.status
    }

    fn verdict(&self) -> Option<&str> {
        self.verdict.as_deref()
    }

    fn folded_room(&self) -> Option<Cow<'_, str>> {
        self.room.as_deref().map(|r| Cow::Owned(text::fold(r)))
    }

    fn folded_track(&self) -> Option<Cow<'_, str>> {
        self.track.as_deref().map(|t| Cow::Owned(text::fold(t)))
    }

    fn folded_tags(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.tags.iter().map(|t| Cow::Owned(text::fold(t)))
    }

    fn folded_speakers(&self) -> impl Iterator<Item = (Cow<'_, str>, Option<Cow<'_, str>>)> {
        self.speakers.iter().map(|s| {
            let about: Vec<&str> = [&s.role, &s.org].into_iter().flatten().map(String::as_str).collect();
            (Cow::Owned(text::fold(&s.name)), (!about.is_empty()).then(|| Cow::Owned(text::fold(&about.join("\n")))))
        })
    }

    fn folded_text(&self) -> Cow<'_, str> {
        let mut all = self.title.clone();
        let speakers = self.speakers.iter().map(ToString::to_string);
        let places = [&self.room, &self.track, &self.abstract_text].into_iter().flatten().cloned();
        for part in speakers.chain(self.tags.iter().cloned()).chain(places) {
            all.push('\n');
            all.push_str(&part);
        }
        all.push('\n');
        all.push_str(&self.notes);
        Cow::Owned(text::fold(&all))
    }
}
