//! A session: a talk, keynote, workshop… and what the user made of it.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

use crate::model::{Hidden, Kind, Speaker, Status};

/// A link attached to a session: slides, video, repository…
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub url: String,
}

impl Link {
    /// Parses `URL` or `LABEL=URL`; a bare URL is labelled from its host
    /// ("video" for YouTube and Vimeo, "slides" for the usual slide hosts).
    pub fn parse(input: &str) -> Link {
        let input = input.trim();
        match input.split_once('=').filter(|(label, _)| !label.contains("://") && !label.contains('/')) {
            Some((label, url)) => Link { label: label.trim().to_string(), url: url.trim().to_string() },
            None => Link { label: guess_label(input).to_string(), url: input.to_string() },
        }
    }
}

fn guess_label(url: &str) -> &'static str {
    const VIDEO: [&str; 3] = ["youtube.com", "youtu.be", "vimeo.com"];
    const SLIDES: [&str; 4] = ["speakerdeck.com", "slideshare.net", "docs.google.com/presentation", "static.sched.com"];
    const REPO: [&str; 3] = ["github.com", "gitlab.com", "codeberg.org"];
    if VIDEO.iter().any(|h| url.contains(h)) {
        "video"
    } else if SLIDES.iter().any(|h| url.contains(h)) || url.ends_with(".pdf") {
        "slides"
    } else if REPO.iter().any(|h| url.contains(h)) {
        "repo"
    } else {
        "link"
    }
}

/// The notes after `mine` and `theirs` both changed `base`, if they agree:
/// one side unchanged, the same change, or lines appended on their side.
fn merge_notes(base: &str, mine: &str, theirs: &str) -> Option<String> {
    if mine == base || mine == theirs {
        return Some(theirs.to_string());
    }
    if theirs == base {
        return Some(mine.to_string());
    }
    let appended = theirs.strip_prefix(base)?;
    let mut notes = mine.to_string();
    if base.ends_with('\n') && !notes.is_empty() && !notes.ends_with('\n') {
        notes.push('\n');
    }
    notes.push_str(appended);
    Some(notes)
}

/// One session of an event. Invariants (checked when loading and before
/// saving): `id` unique in its event, `day` within the event, title not blank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub id: u32,
    pub day: u32,
    pub title: String,
    pub kind: Kind,
    pub speakers: Vec<Speaker>,
    pub at: Option<DateTime<FixedOffset>>,
    pub end: Option<DateTime<FixedOffset>>,
    pub room: Option<String>,
    pub track: Option<String>,
    pub tags: Vec<String>,
    pub links: Vec<Link>,
    pub status: Status,
    /// A key of the verdict vocabulary.
    pub verdict: Option<String>,
    /// Markdown, as the user wrote it.
    pub notes: String,
    pub schedule_id: Option<String>,
    pub abstract_text: Option<String>,
    /// The talk was in an imported schedule and a later import no longer
    /// has it (cancelled, most often). The user's notes stay.
    pub removed_from_schedule: bool,
    /// `at` and `end` are wall-clock times of the event's zone, stored
    /// without an offset (a schedule that named no zone): a change of the
    /// event's zone keeps them at the same hour.
    pub floating: bool,
    /// Parts of the session's section the post leaves out.
    pub hidden: Vec<Hidden>,
    /// A section of the post of the person's own ("Communauté et
    /// inclusion"), instead of the one its kind gives.
    pub section: Option<String>,
    /// Who noted the session, in a journal shared by a team.
    pub author: Option<String>,
    /// What identifies the session across the clones of a team journal,
    /// where two people may give the same id to different sessions.
    pub uid: Option<String>,
}

/// How long a talk without an end time is taken to last.
pub const USUAL_LENGTH: TimeDelta = TimeDelta::minutes(45);

impl Session {
    /// When the session ends: its end time, else its start and the usual length.
    pub fn ends_at(&self) -> Option<DateTime<FixedOffset>> {
        self.end.or_else(|| self.at.map(|at| at + USUAL_LENGTH))
    }

    /// Whether the session has started and not yet ended at `now`.
    pub fn is_under_way(&self, now: DateTime<Utc>) -> bool {
        self.at.is_some_and(|at| at <= now) && self.ends_at().is_some_and(|end| now < end)
    }

    /// A note or a verdict on a planned talk whose time has come says the
    /// person is there: it becomes attended. Returns whether it changed.
    pub fn mark_attended_if_begun(&mut self, now: DateTime<Utc>) -> bool {
        let begun = self.status == Status::Planned && self.at.is_some_and(|at| at <= now);
        if begun {
            self.status = Status::Attended;
        }
        begun
    }

    /// Appends a jotted line to the notes: as a list item, unless `raw`
    /// (then as its own paragraph, verbatim).
    pub fn jot(&mut self, text: &str, raw: bool) {
        let text = text.trim();
        let as_item = !raw && !is_block_start(text);
        let block = if as_item { format!("- {text}") } else { text.to_string() };
        let notes = self.notes.trim_end();
        // Consecutive items stay one list; anything else opens a new block.
        let separator = match notes.lines().last() {
            None => "",
            Some(last) if is_list_item(&block) && is_list_item(last) => "\n",
            Some(_) => "\n\n",
        };
        self.notes = format!("{notes}{separator}{block}\n");
    }

    /// Merges two changes made to `base`: `mine` (a person's edit) and
    /// `theirs` (what another process wrote meanwhile). Each field takes the
    /// side that changed it; notes that only grew on their side (jots) keep
    /// the new lines after my version of them. Fields both sides changed
    /// differently are returned, by key, as conflicts.
    pub fn merge(base: &Session, mine: &Session, theirs: &Session) -> Result<Session, Vec<&'static str>> {
        let (merged, conflicts) = Session::merge_fields(base, mine, theirs, false);
        if conflicts.is_empty() { Ok(merged) } else { Err(conflicts) }
    }

    /// [`Session::merge`] where nothing can be refused: a field both sides
    /// changed takes my value, and notes are merged line by line, both
    /// sides' lines kept where they changed the same ones. For merging team journals, where nobody is there
    /// to choose.
    pub fn merge_keeping_mine(base: &Session, mine: &Session, theirs: &Session) -> Session {
        Session::merge_fields(base, mine, theirs, true).0
    }

    fn merge_fields(base: &Session, mine: &Session, theirs: &Session, mine_wins: bool) -> (Session, Vec<&'static str>) {
        let mut merged = theirs.clone();
        let mut conflicts = Vec::new();
        macro_rules! take_changed {
            ($($field:ident => $key:literal),* $(,)?) => {$(
                if mine.$field != base.$field && mine.$field != theirs.$field {
                    if theirs.$field == base.$field || mine_wins {
                        merged.$field = mine.$field.clone();
                    }
                    if theirs.$field != base.$field {
                        conflicts.push($key);
                    }
                }
            )*};
        }
        take_changed!(
            id => "id", day => "day", title => "title", kind => "kind", speakers => "speakers", at => "at",
            end => "end", room => "room", track => "track", tags => "tags", links => "links", status => "status",
            verdict => "verdict", schedule_id => "schedule_id", abstract_text => "abstract",
            removed_from_schedule => "removed_from_schedule", floating => "at", hidden => "hide",
            section => "section", author => "author", uid => "uid",
        );
        match merge_notes(&base.notes, &mine.notes, &theirs.notes) {
            Some(notes) => merged.notes = notes,
            None if mine_wins => {
                merged.notes = crate::model::text::merge_lines(&base.notes, &mine.notes, &theirs.notes)
            }
            None => conflicts.push("notes"),
        }
        (merged, conflicts)
    }

    /// "Liz Rice (Isovalent), Thomas Graf"; with roles, whose commas would
    /// run into the list's, "Bob Wise, CEO (Heroku); Kasper Borg Nissen".
    pub fn speakers_line(&self) -> String {
        let separator = if self.speakers.iter().any(|s| s.role.is_some()) { "; " } else { ", " };
        self.speakers.iter().map(ToString::to_string).collect::<Vec<_>>().join(separator)
    }
}

/// Short references for scheduled talks, in the order given: the shortest
/// prefix (at least 4 characters) of each lower-cased, alphanumeric schedule
/// id that no other talk shares. `notes plan 3f2a` picks a talk by it.
pub fn short_refs(talks: &[Session]) -> Vec<String> {
    let keys: Vec<String> = talks
        .iter()
        .map(|t| {
            t.schedule_id
                .as_deref()
                .unwrap_or("")
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_lowercase()
        })
        .collect();
    // Sorted, a key's closest rivals are its neighbours: it needs one
    // character more than it shares with either of them.
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let common = |a: &str, b: &str| a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let mut refs = vec![String::new(); keys.len()];
    for (position, &index) in order.iter().enumerate() {
        let key = &keys[index];
        let before = position.checked_sub(1).map_or(0, |p| common(key, &keys[order[p]]));
        let after = order.get(position + 1).map_or(0, |&n| common(key, &keys[n]));
        let len = (before.max(after) + 1).max(4).min(key.len());
        refs[index] = key[..len].to_string();
    }
    refs
}

fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("- ") || line.starts_with("* ") || is_ordered_item(line)
}

/// "2. text" or "2) text": an item of a numbered list.
fn is_ordered_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (1..=9).contains(&digits) && [". ", ") "].iter().any(|marker| line[digits..].starts_with(marker))
}

/// Whether a jotted text already starts a Markdown block of its own.
fn is_block_start(text: &str) -> bool {
    let first = text.trim_start();
    ["- ", "* ", "> ", "#", "```"].iter().any(|p| first.starts_with(p)) || is_ordered_item(first) || text.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_keeps_both_sides_changes() {
        let base = Session { id: 1, day: 2, title: "Old".into(), notes: "- first\n".into(), ..Session::default() };
        let mine = Session { title: "New".into(), notes: "- first, edited\n".into(), ..base.clone() };
        let mut theirs = Session { verdict: Some("meh".into()), ..base.clone() };
        theirs.jot("second", false);
        let merged = Session::merge(&base, &mine, &theirs).unwrap();
        assert_eq!(merged.title, "New");
        assert_eq!(merged.verdict.as_deref(), Some("meh"));
        assert_eq!(merged.notes, "- first, edited\n- second\n");
    }

    #[test]
    fn a_merge_refuses_what_both_sides_changed() {
        let base = Session { id: 1, day: 2, title: "Old".into(), notes: "text\n".into(), ..Session::default() };
        let mine =
            Session { title: "Mine".into(), verdict: Some("top".into()), notes: "mine\n".into(), ..base.clone() };
        let theirs =
            Session { title: "Theirs".into(), verdict: Some("top".into()), notes: "theirs\n".into(), ..base.clone() };
        assert_eq!(Session::merge(&base, &mine, &theirs), Err(vec!["title", "notes"]));
    }

    #[test]
    fn jots_become_a_list() {
        let mut s = Session::default();
        s.jot("Cluster mesh: CIDRs must not overlap", false);
        s.jot("Global services with one annotation", false);
        assert_eq!(s.notes, "- Cluster mesh: CIDRs must not overlap\n- Global services with one annotation\n");
    }

    #[test]
    fn a_jot_written_as_an_item_joins_the_list() {
        let mut s = Session::default();
        s.jot("first", false);
        s.jot("- second, typed with its dash", false);
        s.jot("* third", false);
        assert_eq!(s.notes, "- first\n- second, typed with its dash\n* third\n");
    }

    #[test]
    fn a_numbered_list_jotted_item_by_item_stays_one_list() {
        let mut s = Session::default();
        s.jot("1. install the CLI", false);
        s.jot("2. run the wizard", false);
        s.jot("3. done", false);
        assert_eq!(s.notes, "1. install the CLI\n2. run the wizard\n3. done\n");
    }

    #[test]
    fn jots_after_prose_start_a_new_block() {
        let mut s = Session { notes: "Intro paragraph.\n".into(), ..Session::default() };
        s.jot("first point", false);
        s.jot("A new paragraph.", true);
        s.jot("> a quote", false);
        assert_eq!(s.notes, "Intro paragraph.\n\n- first point\n\nA new paragraph.\n\n> a quote\n");
    }

    #[test]
    fn short_refs_are_unique_prefixes() {
        let talk = |id: &str| Session { schedule_id: Some(id.into()), ..Session::default() };
        let refs = short_refs(&[talk("bdeb89fc"), talk("bdeb77aa"), talk("12"), talk("8079583e-8321")]);
        assert_eq!(refs, ["bdeb8", "bdeb7", "12", "8079"]);
    }

    #[test]
    fn links_are_labelled() {
        assert_eq!(
            Link::parse("slides=https://x.org/a.pdf"),
            Link { label: "slides".into(), url: "https://x.org/a.pdf".into() }
        );
        assert_eq!(Link::parse("https://youtu.be/abc").label, "video");
        assert_eq!(Link::parse("https://x.org/?a=b").label, "link");
        assert_eq!(Link::parse("https://x.org/?a=b").url, "https://x.org/?a=b");
    }
}
