//! Error kinds, their exit codes and hints.
//!
//! Every failure a user can meet is one variant here, carrying the values the
//! message needs (path, line, input). `main` prints `error:`, `caused by:`
//! and `help:` lines from it; nothing here prints.

use std::io;
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Process exit codes, documented in `--help` and the README.
pub mod exit {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const CANCELLED: i32 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line cannot work as written (exit 2): options that do
    /// not go together, a value missing where nobody can be asked for it.
    #[error("{message}")]
    Usage { message: String, hint: Option<String> },

    /// The command line is fine but the journal or the input says no
    /// (exit 1): nothing matches, a file exists, a date does not fit.
    #[error("{message}")]
    User { message: String, hint: Option<String> },

    #[error("cancelled, nothing was saved")]
    Cancelled,

    #[error("unknown verdict '{input}'")]
    UnknownVerdict { input: String, known: Vec<String>, suggestion: Option<String> },

    #[error("unknown {what} '{input}' (expected one of: {})", known.join(", "))]
    UnknownKeyword { what: &'static str, input: String, known: Vec<String>, suggestion: Option<String> },

    #[error("day {day} is outside {event}, which has days 1 to {last}")]
    DayOutOfRange { day: u32, last: u32, event: String },

    #[error("today ({today}) is not a day of {event} ({start} to {end})")]
    NotDuringEvent {
        today: chrono::NaiveDate,
        event: String,
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
        last: u32,
    },

    #[error("invalid {what} '{input}': expected {expected}")]
    BadValue { what: &'static str, input: String, expected: &'static str },

    #[error("no session #{id} in {event}")]
    UnknownSession { id: u32, event: String },

    #[error("no event '{slug}' in the journal")]
    UnknownEvent { slug: String, suggestion: Option<String> },

    #[error("no current event")]
    NoCurrentEvent { events: Vec<String> },

    #[error("no current session in {event}")]
    NoCurrentSession { event: String },

    #[error("the title is empty")]
    EmptyTitle,

    #[error("an event '{slug}' already exists")]
    EventExists { slug: String },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse { path: PathBuf, line: usize, column: usize, message: String },

    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },

    #[error("{}: schema {found} is newer than this notes supports ({supported})", path.display())]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },

    #[error("{what}: {message}")]
    Rejected { what: String, message: String },

    #[error("template: {0}")]
    Template(#[from] TemplateError),

    #[error("cannot {action} {}", path.display())]
    Io { action: &'static str, path: PathBuf, source: io::Error },

    #[error("{message}")]
    Editor { message: String, hint: Option<String> },

    /// The machine-managed schedule file does not read: an import rebuilds it.
    #[error("{error}")]
    BrokenSchedule { error: Box<Error> },

    /// A value that the journal's own reader would refuse: never written.
    #[error("{what} cannot be saved, it would not read back ({problem}); nothing was written")]
    Unstorable { what: String, problem: String },

    #[error("{what} changed while you were editing it, in the same fields ({fields}); nothing was saved")]
    EditConflict { what: String, fields: String },

    /// A change typed by a person that could not be saved: the text is kept.
    #[error("{error}")]
    Unsaved { error: Box<Error>, kept: PathBuf },

    /// stdout was closed by the reader (`notes list | head -1`): not an error
    /// for the user, the process exits quietly.
    #[error("broken pipe")]
    BrokenPipe,
}

/// A template that does not render: which one, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{template}{}: {problem}{}", line.map(|l| format!(":{l}")).unwrap_or_default(), detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default())]
pub struct TemplateError {
    pub template: String,
    pub line: Option<usize>,
    pub problem: String,
    pub detail: Option<String>,
}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }

    /// A usage error (exit 2), with a hint that shows the right way.
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), hint: Some(hint.into()) }
    }

    /// A user or data error (exit 1), with a hint that says what to do.
    pub fn user(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::User { message: message.into(), hint: Some(hint.into()) }
    }

    /// The message and its causes on one line, for a warning.
    pub fn with_causes(&self) -> String {
        let mut line = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            line.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        line
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

    /// A line that tells the user what to do next, where one helps.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } | Error::User { hint, .. } | Error::Editor { hint, .. } => hint.clone(),
            Error::Unsaved { kept, .. } => Some(format!("your text is kept in {}", kept.display())),
            Error::BrokenSchedule { .. } => {
                Some("notes manages this file: import the schedule again to rebuild it (notes import FILE)".into())
            }
            Error::UnknownVerdict { known, suggestion, .. } => Some(match suggestion {
                Some(s) => format!("did you mean '{s}'? Known verdicts: {}", known.join(", ")),
                None => {
                    format!("known verdicts: {} (add your own under [[verdicts]] in config.toml)", known.join(", "))
                }
            }),
            Error::UnknownKeyword { suggestion: Some(s), .. } => Some(format!("did you mean '{s}'?")),
            Error::DayOutOfRange { last, .. } => Some(format!("pass --day 1 to --day {last}")),
            Error::NotDuringEvent { last, .. } => Some(format!("pass the day explicitly, --day 1 to --day {last}")),
            Error::UnknownSession { .. } => Some("`notes list` shows the ids".into()),
            Error::UnknownEvent { suggestion: Some(s), .. } => Some(format!("did you mean '{s}'?")),
            Error::UnknownEvent { suggestion: None, .. } => Some("`notes event list` shows the events".into()),
            Error::NoCurrentEvent { events } if events.is_empty() => {
                Some("create one: notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22".into())
            }
            Error::NoCurrentEvent { events } => {
                Some(format!("pick one with `notes event use SLUG` or pass --event (events: {})", events.join(", ")))
            }
            Error::NoCurrentSession { .. } => Some("add a session with `notes add TITLE`, or pass its id".into()),
            Error::EmptyTitle => Some("give the session a title, e.g. notes add \"Gateway API deep dive\"".into()),
            Error::EventExists { .. } => Some("choose another name or pass --slug".into()),
            Error::Parse { .. } | Error::Invalid { .. } => {
                Some("fix the file by hand; notes never overwrites a file it cannot read".into())
            }
            _ => None,
        }
    }
}

/// Wraps an I/O error on stdout: a closed pipe becomes [`Error::BrokenPipe`].
pub fn stdout_error(err: io::Error) -> Error {
    if err.kind() == io::ErrorKind::BrokenPipe { Error::BrokenPipe } else { Error::io("write to", "stdout", err) }
}
