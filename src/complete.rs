//! The values a shell completes, found in the journal: verdicts (built-in
//! and from config), kinds, statuses, event slugs, the session ids of the
//! event worked on and the references of its programme, each id and
//! reference with its title as help. clap_complete's dynamic engine calls
//! them when the shell asks (`COMPLETE=bash notes -- notes show ''`);
//! `cli::completing` says which argument completes what.
//!
//! A completer runs on every Tab, so it reads as little as it can (one
//! event file, its schedule when references are asked for) and never fails
//! loudly: a journal, config or state that cannot be read gives no
//! candidates, and nothing is ever written or printed.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::Arg;
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};

use crate::context::{self, Context, Settings};
use crate::model::{EventFile, Kind, Session, Status, Vocabulary, short_refs, text};
use crate::ui::{Ui, sanitize_line};

/// What an argument completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// Verdict keys (their labels as help), and the one-word labels.
    Verdicts,
    /// `verdict [ID] VERDICT`: verdicts, or session ids once a digit is typed.
    VerdictWords,
    Kinds,
    Statuses,
    /// The slugs of the journal's events.
    Events,
    /// The ids of the event's sessions, titles as help.
    Sessions,
    /// The references of the event's programme, titles as help.
    References,
    /// The references of the programme talks planned (for `unplan`).
    PlannedReferences,
    /// Session ids, then programme references (for `show`).
    SessionsAndReferences,
}

impl Values {
    /// `arg` completing these values.
    pub fn attach(self, arg: Arg) -> Arg {
        match self {
            Values::Verdicts => arg.add(ArgValueCompleter::new(verdicts)),
            Values::VerdictWords => arg.add(ArgValueCompleter::new(verdict_words)),
            Values::Kinds => arg.add(ArgValueCandidates::new(|| keys(Kind::keys()))),
            Values::Statuses => arg.add(ArgValueCandidates::new(|| keys(Status::keys()))),
            Values::Events => arg.add(ArgValueCandidates::new(|| Scope::of_this_process().events())),
            Values::Sessions => arg.add(ArgValueCandidates::new(|| Scope::of_this_process().sessions())),
            Values::References => arg.add(ArgValueCandidates::new(|| Scope::of_this_process().references(false))),
            Values::PlannedReferences => arg.add(ArgValueCandidates::new(|| Scope::of_this_process().references(true))),
            Values::SessionsAndReferences => arg.add(ArgValueCandidates::new(|| {
                let scope = Scope::of_this_process();
                let mut candidates = scope.sessions();
                candidates.extend(scope.references(false));
                candidates
            })),
        }
    }
}

fn keys(keys: Vec<&'static str>) -> Vec<CompletionCandidate> {
    keys.into_iter().map(CompletionCandidate::new).collect()
}

fn verdicts(current: &OsStr) -> Vec<CompletionCandidate> {
    let scope = Scope::of_this_process();
    let Some(vocabulary) = scope.vocabulary() else { return Vec::new() };
    verdict_candidates(vocabulary, &current.to_string_lossy())
}

fn verdict_words(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    if current.starts_with(|c: char| c.is_ascii_digit()) {
        let sessions = Scope::of_this_process().sessions();
        return sessions.into_iter().filter(|c| c.get_value().to_string_lossy().starts_with(&*current)).collect();
    }
    verdicts(OsStr::new(&*current))
}

/// The verdicts that `current` starts, ignoring case and accents as
/// verdicts are read: each key with its labels as help, then the labels of
/// one word that differ from their key (`Bien`), with the key as help. A
/// label of several words, or with a quote, is left out: a shell would
/// split it or read the quote.
pub fn verdict_candidates(vocabulary: &Vocabulary, current: &str) -> Vec<CompletionCandidate> {
    let typed = text::fold(current);
    let starts = |value: &str| text::fold(value).starts_with(&typed);
    let mut candidates = Vec::new();
    for verdict in vocabulary.iter().filter(|v| starts(&v.key)) {
        let labels =
            if verdict.fr == verdict.en { verdict.fr.clone() } else { format!("{} / {}", verdict.fr, verdict.en) };
        candidates.push(CompletionCandidate::new(&verdict.key).help(Some(sanitize_line(&labels).into_owned().into())));
    }
    for verdict in vocabulary.iter() {
        let mut labels = vec![verdict.fr.as_str(), verdict.en.as_str()];
        labels.dedup();
        for label in labels {
            let one_word = !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-');
            if one_word && text::fold_key(label) != text::fold_key(&verdict.key) && starts(label) {
                candidates.push(CompletionCandidate::new(label).help(Some(verdict.key.clone().into())));
            }
        }
    }
    candidates
}

/// Where the values come from: the journal and config that the command
/// being completed would read (`--dir`, `--event` typed on its line, else
/// `NOTES_DIR`, `NOTES_CONFIG`, the current event).
pub struct Scope {
    ctx: Context,
}

impl Scope {
    /// The scope of the line being completed: this process was started as
    /// `notes -- notes WORDS…`, the words after `--` being the line.
    fn of_this_process() -> Scope {
        let words: Vec<OsString> = std::env::args_os().skip_while(|a| a != "--").skip(1).collect();
        Scope::from_words(&words)
    }

    /// The scope of a command line (`notes --dir D show ''`): `--dir` and
    /// `--event`/`-e` where given (the last one wins, as for clap), else
    /// the environment.
    pub fn from_words(words: &[OsString]) -> Scope {
        let (mut dir, mut event) = (None, None);
        let mut words = words.iter().skip(1).map(|w| w.to_string_lossy());
        while let Some(word) = words.next() {
            let word = word.as_ref();
            match word {
                "--" => break,
                "--dir" => dir = words.next().map(|d| d.into_owned()),
                "--event" | "-e" => event = words.next().map(|e| e.into_owned()),
                _ => {
                    if let Some(value) = word.strip_prefix("--dir=") {
                        dir = Some(value.to_string());
                    } else if let Some(value) = word.strip_prefix("--event=") {
                        event = Some(value.to_string());
                    } else if let Some(value) = word.strip_prefix("-e").filter(|_| !word.starts_with("--")) {
                        event = Some(value.trim_start_matches('=').to_string());
                    }
                }
            }
        }
        let settings = Settings {
            journal_dir: context::journal_dir(dir.filter(|d| !d.is_empty()).map(|d| expand_home(&d))),
            config_path: crate::store::paths::config_file(),
            lang: None,
            event: event.filter(|e| !e.is_empty()),
            no_input: true,
            ui: Ui { color: false, width: None, quiet: true },
            app: || clap::Command::new("notes"),
        };
        Scope { ctx: Context::new(settings) }
    }

    pub fn vocabulary(&self) -> Option<&Vocabulary> {
        self.ctx.vocabulary().ok()
    }

    /// The event worked on, as the command would choose it.
    fn event(&self) -> Option<EventFile> {
        self.ctx.load_event().ok()
    }

    pub fn events(&self) -> Vec<CompletionCandidate> {
        let Ok(journal) = self.ctx.journal() else { return Vec::new() };
        journal.slugs().unwrap_or_default().into_iter().map(CompletionCandidate::new).collect()
    }

    /// The event's sessions by id, each with its title.
    pub fn sessions(&self) -> Vec<CompletionCandidate> {
        let Some(file) = self.event() else { return Vec::new() };
        let mut sessions: Vec<&Session> = file.sessions.iter().collect();
        sessions.sort_by_key(|s| s.id);
        sessions.into_iter().map(|s| with_title(s.id.to_string(), s)).collect()
    }

    /// The references of the event's programme with their titles; with
    /// `planned`, only those of talks planned in the journal.
    pub fn references(&self, planned: bool) -> Vec<CompletionCandidate> {
        let Some(file) = self.event() else { return Vec::new() };
        let Ok(journal) = self.ctx.journal() else { return Vec::new() };
        let Ok(schedule) = journal.schedule(&file.event) else { return Vec::new() };
        let is_planned = |talk: &Session| {
            file.sessions
                .iter()
                .any(|s| s.status == Status::Planned && s.schedule_id.is_some() && s.schedule_id == talk.schedule_id)
        };
        let mut talks: Vec<(&Session, String)> = schedule
            .iter()
            .zip(short_refs(&schedule))
            .filter(|(talk, reference)| !reference.is_empty() && (!planned || is_planned(talk)))
            .collect();
        // In the order of the programme: day, time (untimed last), room.
        talks.sort_by(|(a, _), (b, _)| {
            (a.day, a.at.is_none(), a.at, &a.room).cmp(&(b.day, b.at.is_none(), b.at, &b.room))
        });
        talks.into_iter().map(|(talk, reference)| with_title(reference, talk)).collect()
    }
}

fn with_title(value: String, session: &Session) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(sanitize_line(&session.title).into_owned().into()))
}

/// `~/x` as the shell would have expanded it (it does not, inside a line
/// being completed).
fn expand_home(dir: &str) -> PathBuf {
    match (dir.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(dir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(candidates: &[CompletionCandidate]) -> Vec<String> {
        candidates.iter().map(|c| c.get_value().to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn verdicts_match_keys_and_one_word_labels_ignoring_case_and_accents() {
        let vocabulary = Vocabulary::default();
        assert_eq!(values(&verdict_candidates(&vocabulary, "")), ["top", "good", "meh", "to-try", "Must-see", "Bien"]);
        assert_eq!(values(&verdict_candidates(&vocabulary, "T")), ["top", "to-try"]);
        assert_eq!(values(&verdict_candidates(&vocabulary, "bi")), ["Bien"]);
        let top = &verdict_candidates(&vocabulary, "top")[0];
        assert_eq!(top.get_help().map(ToString::to_string).as_deref(), Some("Coup de cœur / Must-see"));
    }

    #[test]
    fn the_words_of_the_line_give_the_journal_and_the_event() {
        let words = |line: &str| line.split(' ').map(OsString::from).collect::<Vec<_>>();
        let scope = Scope::from_words(&words("notes --dir /j -e kubecon show"));
        assert_eq!(scope.ctx.journal_dir(), std::path::Path::new("/j"));
        assert_eq!(scope.ctx.event_flag(), Some("kubecon"));
        let scope = Scope::from_words(&words("notes --dir=/k --event=fosdem list --kind"));
        assert_eq!(scope.ctx.journal_dir(), std::path::Path::new("/k"));
        assert_eq!(scope.ctx.event_flag(), Some("fosdem"));
        let scope = Scope::from_words(&words("notes -efosdem jot -- --dir /not"));
        assert_eq!(scope.ctx.event_flag(), Some("fosdem"));
        assert_ne!(scope.ctx.journal_dir(), std::path::Path::new("/not"));
    }
}
