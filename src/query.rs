//! The one filter type, used by `list`, `filter` and `export`.
//!
//! Values within one field are alternatives (`--day 1 --day 2`); fields
//! combine (`--day 2 --verdict meh`). Text matching ignores case and accents.

use crate::model::{Kind, Session, Status, text};

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
    fn words_ignore_case_and_accents() {
        let s = cilium();
        let query = Query::default().with_words(["reseau"]);
        assert!(query.matches(&s));
        assert_eq!(query.matching_lines(&s), vec!["- Réseau global"]);
        assert!(!Query::default().with_words(["cidrs", "absent"]).matches(&s));
    }
}
