//! The one filter type, used by `list`, `filter` and `export`, the reading
//! order of sessions, and the talks of a schedule under way at a moment.
//!
//! Values within one field are alternatives (`--day 1 --day 2`); fields
//! combine (`--day 2 --verdict meh`). Text matching ignores case and accents.

use chrono::{DateTime, Duration, Utc};

use crate::model::{Event, EventFile, Kind, Session, Status, text};

#[derive(Debug, Clone, Default)]
pub struct Query {
    pub days: Vec<u32>,
    pub kinds: Vec<Kind>,
    /// Verdict keys, already resolved against the vocabulary.
    pub verdicts: Vec<String>,
    pub statuses: Vec<Status>,
    /// Folded tags.
    pub tags: Vec<String>,
    /// Folded part of a speaker's name or organisation.
    pub speaker: Option<String>,
    /// Folded words that must all appear in the title, speakers, tags or notes.
    pub words: Vec<String>,
}

impl Query {
    pub fn with_words(mut self, words: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        self.words
            .extend(words.into_iter().flat_map(|w| w.as_ref().split_whitespace().map(text::fold).collect::<Vec<_>>()));
        self
    }

    /// Whether no filter was given: every session matches.
    pub fn is_empty(&self) -> bool {
        // Destructured, so that a new field cannot be forgotten here.
        let Query { days, kinds, verdicts, statuses, tags, speaker, words } = self;
        days.is_empty()
            && kinds.is_empty()
            && verdicts.is_empty()
            && statuses.is_empty()
            && tags.is_empty()
            && speaker.is_none()
            && words.is_empty()
    }

    pub fn matches(&self, session: &Session) -> bool {
        (self.days.is_empty() || self.days.contains(&session.day))
            && (self.kinds.is_empty() || self.kinds.contains(&session.kind))
            && (self.statuses.is_empty() || self.statuses.contains(&session.status))
            && (self.verdicts.is_empty() || session.verdict.as_ref().is_some_and(|v| self.verdicts.contains(v)))
            && (self.tags.is_empty() || session.tags.iter().any(|t| self.tags.contains(&text::fold(t))))
            && self.speaker.as_ref().is_none_or(|wanted| {
                session.speakers.iter().any(|s| {
                    text::contains_folded(&s.name, wanted)
                        || s.org.as_ref().is_some_and(|o| text::contains_folded(o, wanted))
                })
            })
            && self.matches_words(session)
    }

    fn matches_words(&self, session: &Session) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = text::fold(&searchable_text(session));
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }

    /// The lines of the notes that contain one of the words, for `filter`.
    pub fn matching_lines<'a>(&self, session: &'a Session) -> Vec<&'a str> {
        session
            .notes
            .lines()
            .filter(|line| {
                let line = text::fold(line);
                self.words.iter().any(|w| line.contains(w.as_str()))
            })
            .collect()
    }
}

/// A session with the event it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub event: &'a Event,
    pub session: &'a Session,
    /// Shown instead of the id: a scheduled talk's short reference.
    pub reference: Option<&'a str>,
}

/// Sessions in reading order: day, start time (untimed last), id.
pub fn sort_rows(rows: &mut [Row<'_>]) {
    rows.sort_by(|a, b| {
        (&a.event.start, &a.event.slug, a.session.day, a.session.at.is_none(), a.session.at, a.session.id).cmp(&(
            &b.event.start,
            &b.event.slug,
            b.session.day,
            b.session.at.is_none(),
            b.session.at,
            b.session.id,
        ))
    });
}

/// The sessions of `files` that match `query`, in reading order.
pub fn select<'a>(files: &'a [EventFile], query: &Query) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = files
        .iter()
        .flat_map(|f| {
            f.sessions.iter().filter(|s| query.matches(s)).map(move |s| Row {
                event: &f.event,
                session: s,
                reference: None,
            })
        })
        .collect();
    sort_rows(&mut rows);
    rows
}

/// Talks of a schedule under way at `now` or starting within 15 minutes,
/// whose room or title contains `filter` (ignoring case and accents), those
/// under way first. Breaks and day-long entries (badge pick-up, the expo
/// hall) are not talks and are left out.
pub fn running<'a>(schedule: &'a [Session], now: DateTime<Utc>, filter: &str) -> Vec<&'a Session> {
    let soon = now + Duration::minutes(15);
    let filter = text::fold(filter.trim());
    let mut talks: Vec<&Session> = schedule
        .iter()
        .filter(|t| t.kind != Kind::Other)
        .filter(|t| {
            let Some(start) = t.at else { return false };
            let end = t.end.unwrap_or(start + Duration::minutes(45));
            (start <= soon && now < end && end - start <= Duration::hours(3))
                && (filter.is_empty()
                    || text::contains_folded(&t.title, &filter)
                    || t.room.as_deref().is_some_and(|r| text::contains_folded(r, &filter)))
        })
        .collect();
    talks.sort_by_key(|t| (t.at.is_some_and(|at| at > now), t.at));
    talks
}

/// Of the talks [`running`] found, the one meant when the person says no
/// more: the only one; else the only one under way (it wins over talks
/// about to start in the same room); else, when nothing was typed, the only
/// one under way that the person planned (`planned`).
pub fn the_one<'a>(
    candidates: &[&'a Session],
    now: DateTime<Utc>,
    typed: bool,
    planned: impl Fn(&Session) -> bool,
) -> Option<&'a Session> {
    let only = |talks: Vec<&'a Session>| if let [talk] = talks.as_slice() { Some(*talk) } else { None };
    let under_way: Vec<&'a Session> = candidates.iter().copied().filter(|t| t.at.is_some_and(|at| at <= now)).collect();
    only(candidates.to_vec())
        .or_else(|| if typed { only(under_way.clone()) } else { None })
        .or_else(|| only(under_way.iter().copied().filter(|t| planned(t)).collect()))
}

fn searchable_text(session: &Session) -> String {
    let mut all = session.title.clone();
    for speaker in &session.speakers {
        all.push('\n');
        all.push_str(&speaker.to_string());
    }
    for tag in &session.tags {
        all.push('\n');
        all.push_str(tag);
    }
    all.push('\n');
    all.push_str(&session.notes);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speaker;

    fn cilium() -> Session {
        Session {
            id: 3,
            day: 2,
            title: "Multi-cluster with Cilium".into(),
            speakers: vec![Speaker::parse("Liz Rice (Isovalent)").unwrap()],
            tags: vec!["eBPF".into()],
            verdict: Some("to-try".into()),
            notes: "- Cluster mesh: CIDRs must not overlap\n- Réseau global\n".into(),
            ..Session::default()
        }
    }

    #[test]
    fn fields_combine_and_values_alternate() {
        let s = cilium();
        assert!(Query { days: vec![1, 2], ..Query::default() }.matches(&s));
        assert!(!Query { days: vec![2], kinds: vec![Kind::Keynote], ..Query::default() }.matches(&s));
        assert!(Query { tags: vec!["ebpf".into()], speaker: Some("isoval".into()), ..Query::default() }.matches(&s));
        assert!(!Query { verdicts: vec!["meh".into()], ..Query::default() }.matches(&s));
    }

    #[test]
    fn a_query_without_filters_is_empty() {
        assert!(Query::default().is_empty());
        assert!(Query::default().with_words([" "]).is_empty());
        assert!(!Query { days: vec![2], ..Query::default() }.is_empty());
        assert!(!Query::default().with_words(["ebpf"]).is_empty());
    }

    #[test]
    fn words_ignore_case_and_accents() {
        let s = cilium();
        let query = Query::default().with_words(["reseau"]);
        assert!(query.matches(&s));
        assert_eq!(query.matching_lines(&s), vec!["- Réseau global"]);
        assert!(!Query::default().with_words(["cidrs", "absent"]).matches(&s));
    }
}
