//! The terminal side: stdout for data, stderr for status, colour decisions,
//! and sanitising text from files before it reaches a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};

use crate::error::{Result, stdout_error};
use crate::messages;
use crate::model::Lang;

/// How the output looks, decided once from flags and environment.
#[derive(Debug, Clone)]
pub struct Ui {
    /// Colour on stderr (status, errors).
    pub color: bool,
    /// Width to fit tables to; `None` lets the table detect the terminal.
    pub width: Option<u16>,
    /// Nothing is written (commands run by the checks of `notes::checks`).
    pub quiet: bool,
}

impl Ui {
    /// Writes data to stdout. A closed pipe ends the command quietly.
    pub fn print(&self, text: &str) -> Result<()> {
        if self.quiet {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes()).map_err(stdout_error)?;
        if !text.ends_with('\n') {
            out.write_all(b"\n").map_err(stdout_error)?;
        }
        out.flush().map_err(stdout_error)
    }

    /// A status line on stderr ("Added #3 …"), so `> file` keeps only data.
    /// Text may quote the journal or a schedule: it is sanitised.
    pub fn status(&self, text: &str) {
        if self.quiet {
            return;
        }
        let _ = writeln!(io::stderr(), "{}", sanitize_text(text));
    }

    /// A warning on stderr, labelled in `lang`.
    pub fn warn(&self, lang: Lang, text: &str) {
        if self.quiet {
            return;
        }
        let label = messages::label_warning(lang);
        let label = if self.color { format!("\x1b[33m{label}\x1b[0m") } else { label };
        let _ = writeln!(io::stderr(), "{label} {}", sanitize_text(text));
    }
}

/// Whether stdin and stderr are both terminals, so prompts can be shown.
pub fn can_prompt() -> bool {
    io::stdin().is_terminal() && io::stderr().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// One line of text from a file, safe for a terminal: control characters
/// (escape sequences, newlines) and bidi overrides are shown escaped.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    sanitize(text, false)
}

/// Multi-line text (notes) safe for a terminal: like [`sanitize_line`] but
/// newlines and tabs are kept.
pub fn sanitize_text(text: &str) -> Cow<'_, str> {
    sanitize(text, true)
}

fn sanitize(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_lines && (c == '\n' || c == '\t'));
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(clean, "{}", c.escape_unicode());
        } else {
            clean.push(c);
        }
    }
    Cow::Owned(clean)
}

/// Control characters (C0, DEL, C1) and bidi controls: what a terminal may
/// act on instead of showing.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_reach_the_terminal_escaped() {
        assert_eq!(sanitize_line("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize_line("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(sanitize_line("two\nlines"), "two\\u{a}lines");
        assert_eq!(sanitize_text("two\nlines\tok\x07"), "two\nlines\tok\\u{7}");
        assert!(matches!(sanitize_line("Réseau — ok"), Cow::Borrowed(_)));
    }
}
