//! Error kinds, their exit codes and hints.
//!
//! Every failure a user can meet is one variant here, carrying the values the
//! message needs (path, line, input). Its message and hint come from the
//! catalogue (`messages.rs`) in the person's language; `Display` is the
//! English one, for logs. `main` prints `error:`, `caused by:` and `help:`
//! lines from it; nothing here prints.

use std::io;
use std::path::PathBuf;

use crate::messages::{self as m, Text};
use crate::model::Lang;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Process exit codes, documented in `--help` and the README.
pub mod exit {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const CANCELLED: i32 = 130;
}

#[derive(Debug)]
pub enum Error {
    /// The command line cannot work as written (exit 2): options that do
    /// not go together, a value missing where nobody can be asked for it.
    Usage {
        message: Text,
        hint: Option<Text>,
    },

    /// The command line is fine but the journal or the input says no
    /// (exit 1): nothing matches, a file exists, a date does not fit.
    User {
        message: Text,
        hint: Option<Text>,
    },

    Cancelled,

    UnknownVerdict {
        input: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },

    /// `what` is "kind" or "status".
    UnknownKeyword {
        what: &'static str,
        input: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },

    DayOutOfRange {
        day: u32,
        last: u32,
        event: String,
    },

    NotDuringEvent {
        today: chrono::NaiveDate,
        event: String,
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
        last: u32,
    },

    /// A value that does not read; `message` says what was expected.
    BadValue {
        input: String,
        message: fn(Lang, &str) -> String,
    },

    UnknownSession {
        id: u32,
        event: String,
    },

    UnknownEvent {
        slug: String,
        suggestion: Option<String>,
    },

    NoCurrentEvent {
        events: Vec<String>,
    },

    NoCurrentSession {
        event: String,
    },

    EmptyTitle,

    EventExists {
        slug: String,
    },

    /// A file that does not parse: where, and the parser's words (or ours).
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: Text,
    },

    Invalid {
        path: PathBuf,
        message: Text,
    },

    SchemaTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    Rejected {
        what: Text,
        message: Text,
    },

    Template(TemplateError),

    /// `action` says what could not be done to `path`; `source` why.
    Io {
        action: fn(Lang, &str) -> String,
        path: PathBuf,
        source: io::Error,
    },

    Editor {
        message: Text,
        hint: Option<Text>,
    },

    /// The machine-managed schedule file does not read: an import rebuilds it.
    BrokenSchedule {
        error: Box<Error>,
    },

    /// A value that the journal's own reader would refuse: never written.
    Unstorable {
        what: Text,
        problem: Text,
    },

    EditConflict {
        what: String,
        fields: String,
    },

    /// A change typed by a person that could not be saved: the text is kept.
    Unsaved {
        error: Box<Error>,
        kept: PathBuf,
    },

    /// stdout was closed by the reader (`notes list | head -1`): not an error
    /// for the user, the process exits quietly.
    BrokenPipe,
}

/// English, for logs; a person reads [`Error::message`] in their language.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Template(error) => Some(error),
            _ => None,
        }
    }
}

impl From<TemplateError> for Error {
    fn from(error: TemplateError) -> Self {
        Error::Template(error)
    }
}

/// A template that does not render: which one, where, and what is wrong
/// (minijinja's words).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{template}{}: {problem}{}", line.map(|l| format!(":{l}")).unwrap_or_default(), detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default())]
pub struct TemplateError {
    pub template: String,
    pub line: Option<usize>,
    pub problem: String,
    pub detail: Option<String>,
}

impl Error {
    /// `action` is the message saying what could not be done, e.g. [`m::cannot_read`].
    pub fn io(action: fn(Lang, &str) -> String, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }

    /// A usage error (exit 2), with a hint that shows the right way.
    pub fn usage(message: impl Fn(Lang) -> String, hint: impl Fn(Lang) -> String) -> Self {
        Error::Usage { message: Text::new(message), hint: Some(Text::new(hint)) }
    }

    /// A user or data error (exit 1), with a hint that says what to do.
    pub fn user(message: impl Fn(Lang) -> String, hint: impl Fn(Lang) -> String) -> Self {
        Error::User { message: Text::new(message), hint: Some(Text::new(hint)) }
    }

    /// The message, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let path = |path: &PathBuf| path.display().to_string();
        match self {
            Error::Usage { message, .. } | Error::User { message, .. } | Error::Editor { message, .. } => {
                message.get(lang).to_string()
            }
            Error::Cancelled => m::cancelled(lang),
            Error::UnknownVerdict { input, .. } => m::unknown_verdict(lang, input),
            Error::UnknownKeyword { what: "status", input, known, .. } => {
                m::unknown_status(lang, input, &known.join(", "))
            }
            Error::UnknownKeyword { input, known, .. } => m::unknown_kind(lang, input, &known.join(", ")),
            Error::DayOutOfRange { day, last, event } => {
                m::day_out_of_range(lang, i64::from(*day), event, i64::from(*last))
            }
            Error::NotDuringEvent { today, event, start, end, .. } => {
                m::not_during_event(lang, &today.to_string(), event, &start.to_string(), &end.to_string())
            }
            Error::BadValue { input, message } => message(lang, input),
            Error::UnknownSession { id, event } => m::unknown_session(lang, *id, event),
            Error::UnknownEvent { slug, .. } => m::unknown_event(lang, slug),
            Error::NoCurrentEvent { .. } => m::no_current_event(lang),
            Error::NoCurrentSession { event } => m::no_current_session(lang, event),
            Error::EmptyTitle => m::empty_title(lang),
            Error::EventExists { slug } => m::event_exists(lang, slug),
            Error::Parse { path: file, line, column, message } => {
                format!("{}:{line}:{column}: {}", path(file), message.get(lang))
            }
            Error::Invalid { path: file, message } => m::labelled(lang, &path(file), message.get(lang)),
            Error::SchemaTooNew { path: file, found, supported } => {
                m::schema_too_new(lang, &path(file), *found, *supported)
            }
            Error::Rejected { what, message } => m::labelled(lang, what.get(lang), message.get(lang)),
            Error::Template(error) => m::template_error(lang, &error.to_string()),
            Error::Io { action, path: file, .. } => action(lang, &path(file)),
            Error::BrokenSchedule { error } | Error::Unsaved { error, .. } => error.message(lang),
            Error::Unstorable { what, problem } => m::unstorable(lang, what.get(lang), problem.get(lang)),
            Error::EditConflict { what, fields } => m::edit_conflict(lang, what, fields),
            Error::BrokenPipe => m::broken_pipe(lang),
        }
    }

    /// The causes of the error, outermost first, in `lang` where they are
    /// the tool's own words (an OS error stays as the OS says it).
    pub fn causes(&self, lang: Lang) -> Vec<String> {
        let mut causes = Vec::new();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            let own =
                cause.downcast_ref::<io::Error>().and_then(|e| e.get_ref()).and_then(|e| e.downcast_ref::<Text>());
            causes.push(own.map_or_else(|| cause.to_string(), |text| text.get(lang).to_string()));
            source = cause.source();
        }
        causes
    }

    /// The message and its causes on one line, for a warning.
    pub fn with_causes(&self, lang: Lang) -> String {
        self.causes(lang).iter().fold(self.message(lang), |line, cause| m::labelled(lang, &line, cause))
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Unsaved { error, .. } => error.exit_code(),
            Error::Usage { .. } => exit::USAGE,
            Error::Cancelled => exit::CANCELLED,
            Error::BrokenPipe => exit::OK,
            _ => exit::FAILURE,
        }
    }

    /// A line that tells the user what to do next, where one helps, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        Some(match self {
            Error::Usage { hint, .. } | Error::User { hint, .. } | Error::Editor { hint, .. } => {
                return hint.as_ref().map(|h| h.get(lang).to_string());
            }
            Error::Unsaved { kept, .. } => m::hint_text_kept(lang, &kept.display().to_string()),
            Error::BrokenSchedule { .. } => m::hint_broken_schedule(lang),
            Error::UnknownVerdict { known, suggestion, .. } => match suggestion {
                Some(s) => m::hint_verdict_did_you_mean(lang, s, &known.join(", ")),
                None => m::hint_known_verdicts(lang, &known.join(", ")),
            },
            Error::UnknownKeyword { suggestion: Some(s), .. } => m::hint_did_you_mean(lang, s),
            Error::DayOutOfRange { last, .. } => m::hint_day_range(lang, *last),
            Error::NotDuringEvent { last, .. } => m::hint_day_explicit(lang, *last),
            Error::UnknownSession { .. } => m::hint_list_ids(lang),
            Error::UnknownEvent { suggestion: Some(s), .. } => m::hint_did_you_mean(lang, s),
            Error::UnknownEvent { suggestion: None, .. } => m::hint_event_list(lang),
            Error::NoCurrentEvent { events } if events.is_empty() => m::hint_create_event(lang),
            Error::NoCurrentEvent { events } => m::hint_pick_event(lang, &events.join(", ")),
            Error::NoCurrentSession { .. } => m::hint_add_session(lang),
            Error::EmptyTitle => m::hint_give_title(lang),
            Error::EventExists { .. } => m::hint_other_slug(lang),
            Error::Parse { .. } | Error::Invalid { .. } => m::hint_fix_by_hand(lang),
            _ => return None,
        })
    }
}

/// Wraps an I/O error on stdout: a closed pipe becomes [`Error::BrokenPipe`].
pub fn stdout_error(err: io::Error) -> Error {
    if err.kind() == io::ErrorKind::BrokenPipe {
        Error::BrokenPipe
    } else {
        Error::io(m::cannot_write_to, "stdout", err)
    }
}
