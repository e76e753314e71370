//! Merging the two sides of an event a team changed apart (the merge a
//! team journal's git merge driver makes): sessions are matched by what
//! identifies them across clones, not by their place in the file, and
//! nothing anyone wrote is dropped.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{DayNotes, Event, Session, text};

/// What identifies a session across clones: its `uid`, or its id for a
/// session written before the journal was shared.
pub fn identity(session: &Session) -> String {
    match &session.uid {
        Some(uid) => format!("uid:{uid}"),
        None => format!("id:{}", session.id),
    }
}

/// The sessions of our side, changed to take theirs in.
#[derive(Debug, Default, PartialEq)]
pub struct SessionsMerge {
    /// Our sessions, as they become (same id as ours).
    pub changed: Vec<Session>,
    /// Their new sessions, with an id free on our side.
    pub added: Vec<Session>,
    /// Our ids that they removed (and we had not changed).
    pub removed: Vec<u32>,
}

/// Merges the sessions of `ours` and `theirs`, both made from `base`. A
/// session both sides changed takes each side's changes, ours where both
/// changed one field; notes keep every line either side wrote. A session
/// removed on one side and changed on the other stays. Their new sessions
/// take the next free ids when theirs are taken on our side.
pub fn merge_sessions(base: &[Session], ours: &[Session], theirs: &[Session]) -> SessionsMerge {
    let by_identity = |sessions: &[Session]| -> BTreeMap<String, Session> {
        sessions.iter().map(|s| (identity(s), s.clone())).collect()
    };
    let (base_map, our_map) = (by_identity(base), by_identity(ours));
    let mut merge = SessionsMerge::default();
    let mut taken: BTreeSet<u32> = ours.iter().map(|s| s.id).collect();
    let mut next_free = taken.iter().max().copied().unwrap_or(0);
    for their in theirs {
        let key = identity(their);
        match (base_map.get(&key), our_map.get(&key)) {
            (Some(old), Some(our)) => {
                let merged = Session { id: our.id, ..Session::merge_keeping_mine(old, our, their) };
                if merged != *our {
                    merge.changed.push(merged);
                }
            }
            (None, Some(our)) => {
                // Added on both sides (the same uid): keep both texts.
                let empty = Session { id: our.id, ..Session::default() };
                let merged = Session { id: our.id, ..Session::merge_keeping_mine(&empty, our, their) };
                if merged != *our {
                    merge.changed.push(merged);
                }
            }
            // Removed on our side: it stays removed unless they changed it.
            (Some(old), None) if old == their => {}
            (_, None) => {
                let mut added = their.clone();
                if !taken.insert(added.id) {
                    next_free += 1;
                    while taken.contains(&next_free) {
                        next_free += 1;
                    }
                    added.id = next_free;
                    taken.insert(next_free);
                }
                merge.added.push(added);
            }
        }
    }
    let their_keys: BTreeSet<String> = theirs.iter().map(identity).collect();
    for our in ours {
        let key = identity(our);
        if !their_keys.contains(&key) && base_map.get(&key) == Some(our) {
            merge.removed.push(our.id);
        }
    }
    merge
}

/// Merges the event's own fields and days: each field takes the side that
/// changed it, ours where both did; a day's texts both sides changed keep
/// both. Without a base (both sides made the event), fields are ours and
/// the days' texts of both sides are kept.
pub fn merge_event(base: Option<&Event>, ours: &Event, theirs: &Event) -> Event {
    let base = base.cloned().unwrap_or_else(|| Event { days: Default::default(), ..theirs.clone() });
    let base = &base;
    fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
        if ours == base { theirs.clone() } else { ours.clone() }
    }
    let mut merged = Event {
        slug: ours.slug.clone(),
        name: pick(&base.name, &ours.name, &theirs.name),
        location: pick(&base.location, &ours.location, &theirs.location),
        start: pick(&base.start, &ours.start, &theirs.start),
        end: pick(&base.end, &ours.end, &theirs.end),
        timezone: pick(&base.timezone, &ours.timezone, &theirs.timezone),
        url: pick(&base.url, &ours.url, &theirs.url),
        tags: pick(&base.tags, &ours.tags, &theirs.tags),
        days: ours.days.clone(),
    };
    let numbers: BTreeSet<u32> = base.days.keys().chain(ours.days.keys()).chain(theirs.days.keys()).copied().collect();
    for day in numbers {
        let side = |event: &Event| event.days.get(&day).cloned().unwrap_or_default();
        let (old, our, their) = (side(base), side(ours), side(theirs));
        let text = |f: fn(&DayNotes) -> &Option<String>| merge_text(f(&old), f(&our), f(&their));
        let day_notes = DayNotes {
            label: pick(&old.label, &our.label, &their.label),
            intro: text(|d| &d.intro),
            conclusion: text(|d| &d.conclusion),
            title: pick(&old.title, &our.title, &their.title),
            url: pick(&old.url, &our.url, &their.url),
            wished: text(|d| &d.wished),
            headings: pick(&old.headings, &our.headings, &their.headings),
        };
        if day_notes == DayNotes::default() {
            merged.days.remove(&day);
        } else {
            merged.days.insert(day, day_notes);
        }
    }
    merged
}

/// One side of a merge: an event and its sessions, as that side has them.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub event: Event,
    pub sessions: Vec<Session>,
}

impl Side {
    /// The side with its days (sessions and day texts) numbered as in
    /// `to`, by date: after one side moved the event's start, day 2 of one
    /// side may be day 3 of the other.
    pub fn on_days_of(&self, to: &Event) -> Side {
        let day = |d: u32| self.event.date_of(d).and_then(|date| to.day_on(date)).unwrap_or(d);
        let days = self.event.days.iter().map(|(d, notes)| (day(*d), notes.clone())).collect();
        let sessions = self.sessions.iter().map(|s| Session { day: day(s.day), ..s.clone() }).collect();
        Side { event: Event { days, ..self.event.clone() }, sessions }
    }

    /// Every date this side has something on.
    fn dates(&self) -> impl Iterator<Item = chrono::NaiveDate> + '_ {
        let days = self.sessions.iter().map(|s| s.day).chain(self.event.days.keys().copied());
        days.filter_map(|d| self.event.date_of(d))
    }
}

/// The event's dates after a merge: each bound from the side that changed
/// it (ours where both did), widened to hold every date either side has a
/// session or a day's text on, so that nothing falls outside.
pub fn merged_dates(base: Option<&Event>, ours: &Side, theirs: &Side) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let pick = |b: Option<chrono::NaiveDate>, o: chrono::NaiveDate, t: chrono::NaiveDate| match b {
        Some(b) if o == b => t,
        _ => o,
    };
    let mut start = pick(base.map(|b| b.start), ours.event.start, theirs.event.start);
    let mut end = pick(base.map(|b| b.end), ours.event.end, theirs.event.end);
    for date in ours.dates().chain(theirs.dates()) {
        start = start.min(date);
        end = end.max(date);
    }
    (start, end)
}

/// One talk of a day's team plan: the first session noting it, and who
/// planned or attended it.
#[derive(Debug, Clone, PartialEq)]
pub struct Covered<'a> {
    pub session: &'a Session,
    pub who: Vec<String>,
}

/// The team's plan of a day: the talks someone planned or attended, each
/// once (sessions of one programme talk together), by start time; the
/// programme's keynotes nobody covers.
pub struct TeamPlan<'a> {
    pub covered: Vec<Covered<'a>>,
    pub uncovered_keynotes: Vec<&'a Session>,
}

pub fn team_plan<'a>(sessions: &'a [Session], programme: &'a [Session], day: u32, me: &str) -> TeamPlan<'a> {
    use crate::model::{Kind, Status};
    let mut covered: Vec<Covered<'a>> = Vec::new();
    let mut mine: Vec<&Session> =
        sessions.iter().filter(|s| s.day == day && matches!(s.status, Status::Planned | Status::Attended)).collect();
    mine.sort_by_key(|s| (s.at, s.id));
    for s in mine {
        let who = s.author.clone().unwrap_or_else(|| me.to_string());
        let same = |c: &&mut Covered<'a>| match (&c.session.schedule_id, &s.schedule_id) {
            (Some(a), Some(b)) => a == b,
            _ => c.session.id == s.id,
        };
        match covered.iter_mut().find(|c| same(c)) {
            Some(talk) if !talk.who.contains(&who) => talk.who.push(who),
            Some(_) => {}
            None => covered.push(Covered { session: s, who: vec![who] }),
        }
    }
    let is_covered =
        |t: &Session| covered.iter().any(|c| c.session.schedule_id.is_some() && c.session.schedule_id == t.schedule_id);
    let uncovered_keynotes =
        programme.iter().filter(|t| t.day == day && t.kind == Kind::Keynote && !is_covered(t)).collect();
    TeamPlan { covered, uncovered_keynotes }
}

/// A text both sides may have changed: the side that changed it, or both
/// merged line by line when both did.
fn merge_text(base: &Option<String>, ours: &Option<String>, theirs: &Option<String>) -> Option<String> {
    match (ours, theirs) {
        _ if ours == base || ours == theirs => theirs.clone(),
        _ if theirs == base => ours.clone(),
        (Some(ours), Some(theirs)) => {
            let merged = text::merge_lines(base.as_deref().unwrap_or_default(), ours, theirs);
            // A text of one line is kept as it was written, without a break.
            Some(if ours.ends_with('\n') { merged } else { merged.trim_end_matches('\n').to_string() })
        }
        _ => ours.clone().or_else(|| theirs.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn session(id: u32, uid: &str, title: &str, notes: &str) -> Session {
        Session { id, day: 1, title: title.into(), notes: notes.into(), uid: Some(uid.into()), ..Session::default() }
    }

    #[test]
    fn new_sessions_on_both_sides_keep_their_ids_apart() {
        let base = vec![session(1, "a", "Keynote", "")];
        let ours = vec![base[0].clone(), session(2, "b", "Mine", "- x\n")];
        let theirs = vec![base[0].clone(), session(2, "c", "Theirs", "- y\n"), session(3, "d", "Also", "")];
        let merge = merge_sessions(&base, &ours, &theirs);
        let added: Vec<(u32, &str)> = merge.added.iter().map(|s| (s.id, s.title.as_str())).collect();
        assert_eq!(added, [(3, "Theirs"), (4, "Also")]);
        assert!(merge.changed.is_empty() && merge.removed.is_empty());
    }

    #[test]
    fn jots_on_both_sides_are_all_kept() {
        let base = vec![session(1, "a", "Talk", "- one\n")];
        let ours = vec![session(1, "a", "Talk", "- one\n- mine\n")];
        let theirs = vec![session(1, "a", "Talk (renamed)", "- one\n- theirs\n")];
        let merge = merge_sessions(&base, &ours, &theirs);
        assert_eq!(merge.changed.len(), 1);
        assert_eq!(merge.changed[0].notes, "- one\n- mine\n- theirs\n");
        assert_eq!(merge.changed[0].title, "Talk (renamed)");
        // Notes rewritten on both sides: both texts stay.
        let rewritten = vec![session(1, "a", "Talk", "- ONE\n")];
        let merge = merge_sessions(&base, &ours, &rewritten);
        assert_eq!(merge.changed[0].notes, "- ONE\n- mine\n");
    }

    /// Rounds of jots on both sides, each merge the next base: every line
    /// once, whatever order the merges put them in.
    #[test]
    fn rounds_of_jots_never_multiply_lines() {
        let mut base = "- intro\n".to_string();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        for round in 0..6 {
            mine.push_str(&format!("- mine {round}\n"));
            theirs = format!("- theirs {round}\n{theirs}");
            let merged = text::merge_lines(&base, &mine, &theirs);
            for line in [format!("- mine {round}\n"), format!("- theirs {round}\n"), "- intro\n".into()] {
                assert_eq!(merged.matches(&line).count(), 1, "round {round}: {merged}");
            }
            (base, mine, theirs) = (merged.clone(), merged.clone(), merged);
        }
        // A typo fixed on one side while the other jots: both changes, once.
        let merged = text::merge_lines("- gerat talk\n", "- great talk\n", "- gerat talk\n- B1\n");
        assert_eq!(merged, "- great talk\n- B1\n");
    }

    #[test]
    fn a_removal_stands_unless_the_other_side_changed_the_session() {
        let base = vec![session(1, "a", "Talk", "")];
        let merge = merge_sessions(&base, &base, &[]);
        assert_eq!(merge.removed, [1]);
        let changed = vec![session(1, "a", "Talk", "- kept\n")];
        assert_eq!(merge_sessions(&base, &changed, &[]).removed, Vec::<u32>::new());
        assert_eq!(merge_sessions(&base, &[], &changed).added.len(), 1);
        assert!(merge_sessions(&base, &[], &base).added.is_empty());
    }

    #[test]
    fn a_talk_planned_by_two_is_one_line_with_both() {
        let talk = |id: u32, author: &str, reference: Option<&str>| Session {
            author: Some(author.into()),
            schedule_id: reference.map(Into::into),
            status: crate::model::Status::Planned,
            ..session(id, &format!("u{id}"), "Talk", "")
        };
        let sessions = vec![talk(1, "Léa", Some("x")), talk(2, "Paul", Some("x")), talk(3, "Paul", None)];
        let keynote = Session { kind: crate::model::Kind::Keynote, schedule_id: Some("k".into()), ..talk(0, "", None) };
        let plan = team_plan(&sessions, std::slice::from_ref(&keynote), 1, "me");
        let who: Vec<&[String]> = plan.covered.iter().map(|c| c.who.as_slice()).collect();
        assert_eq!(who, [&["Léa".to_string(), "Paul".to_string()][..], &["Paul".to_string()][..]]);
        assert_eq!(plan.uncovered_keynotes.len(), 1);
    }

    #[test]
    fn days_follow_their_dates_when_one_side_moves_the_start() {
        let event = crate::model::event::tests::kubecon(); // 19 to 22 March
        let mut theirs = Side { event: event.clone(), sessions: vec![session(1, "b", "Thursday", "")] };
        theirs.sessions[0].day = 3;
        theirs.event.days.insert(4, DayNotes { intro: Some("Friday.".into()), ..DayNotes::default() });
        let mut ours = Side { event: event.clone(), sessions: vec![] };
        ours.event.start = NaiveDate::from_ymd_opt(2024, 3, 18).unwrap();
        let (start, end) = merged_dates(Some(&event), &ours, &theirs);
        assert_eq!((start.to_string(), end.to_string()), ("2024-03-18".into(), "2024-03-22".into()));
        let target = Event { start, end, ..event.clone() };
        let moved = theirs.on_days_of(&target);
        assert_eq!(moved.sessions[0].day, 4, "Thursday is day 4 from the 18th");
        assert!(moved.event.days.contains_key(&5));
        // The other side shortened the event: what is on the cut days stays.
        let mut short = Side { event: event.clone(), sessions: vec![] };
        short.event.end = NaiveDate::from_ymd_opt(2024, 3, 20).unwrap();
        let (_, end) = merged_dates(Some(&event), &short, &theirs);
        assert_eq!(end.to_string(), "2024-03-22");
    }

    #[test]
    fn an_event_made_on_both_sides_keeps_both_sides_days() {
        let mut ours = crate::model::event::tests::kubecon();
        ours.days.insert(1, DayNotes { intro: Some("Alice.".into()), ..DayNotes::default() });
        let mut theirs = ours.clone();
        theirs.days.insert(1, DayNotes { intro: Some("Bob.".into()), ..DayNotes::default() });
        theirs.days.insert(3, DayNotes { intro: Some("Bob day 3.".into()), ..DayNotes::default() });
        theirs.name = "Theirs".into();
        let merged = merge_event(None, &ours, &theirs);
        assert_eq!(merged.name, "KubeCon");
        assert_eq!(merged.days[&1].intro.as_deref(), Some("Alice.\nBob."));
        assert_eq!(merged.days[&3].intro.as_deref(), Some("Bob day 3."));
    }

    #[test]
    fn day_texts_written_on_both_sides_are_both_kept() {
        let mut base = crate::model::event::tests::kubecon();
        base.days.insert(1, DayNotes { intro: Some("Bonjour.".into()), ..DayNotes::default() });
        let mut ours = base.clone();
        ours.days.get_mut(&1).unwrap().intro = Some("Bonjour à tous.".into());
        ours.name = "Renamed".into();
        let mut theirs = base.clone();
        theirs.days.get_mut(&1).unwrap().intro = Some("Salut.".into());
        theirs.days.insert(2, DayNotes { label: Some("Jeudi".into()), ..DayNotes::default() });
        let merged = merge_event(Some(&base), &ours, &theirs);
        assert_eq!(merged.name, "Renamed");
        assert_eq!(merged.days[&1].intro.as_deref(), Some("Bonjour à tous.\nSalut."));
        assert_eq!(merged.days[&2].label.as_deref(), Some("Jeudi"));
    }
}
