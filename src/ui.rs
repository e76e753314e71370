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
    /// Width to fit tables and text to; `None`: no limit.
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

impl Ui {
    /// A progress bar of `len` steps on stderr, drawn only on a terminal:
    /// in a pipe, a file or a quiet run it draws nothing at all.
    pub fn progress(&self, len: u64, label: &str) -> indicatif::ProgressBar {
        if self.quiet || !stderr_is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let style = indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        let bar = indicatif::ProgressBar::with_draw_target(Some(len), indicatif::ProgressDrawTarget::stderr());
        bar.set_style(style);
        bar.set_message(sanitize_line(label).into_owned());
        bar
    }
}

/// Whether stdin and stderr are both terminals, so prompts can be shown.
pub fn can_prompt() -> bool {
    io::stdin().is_terminal() && io::stderr().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// The width of the terminal the output will be read on: stdout's; when
/// stdout is a pipe (`notes list | less`, `| head`), the terminal the pager
/// draws on, stderr's or else the controlling terminal's. `None` when
/// stdout is a file or there is no terminal at all (CI, cron).
pub fn terminal_width() -> Option<u16> {
    let width = |size: Option<(terminal_size::Width, terminal_size::Height)>| size.map(|(width, _)| width.0);
    if io::stdout().is_terminal() {
        return width(terminal_size::terminal_size_of(io::stdout()));
    }
    if !stdout_is_pipe() {
        return None;
    }
    width(terminal_size::terminal_size_of(io::stderr())).or_else(|| {
        let tty = std::fs::File::open("/dev/tty").ok()?;
        width(terminal_size::terminal_size_of(&tty))
    })
}

/// Whether stdout is a pipe or a socket, which a person reads through
/// another program, rather than a file.
#[cfg(unix)]
fn stdout_is_pipe() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else { return false };
    std::fs::File::from(fd).metadata().is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_socket())
}

/// Elsewhere a file cannot be told from a pipe: a terminal on stderr decides.
#[cfg(not(unix))]
fn stdout_is_pipe() -> bool {
    true
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

/// `text` cut to `width` terminal columns, with an ellipsis when cut: wide
/// characters (CJK, emoji) count for two.
pub fn cut_to_columns(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` cut or padded with spaces to exactly `width` terminal columns.
pub fn pad_to_columns(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let cut = cut_to_columns(text, width);
    let missing = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(missing))
}

#[cfg(test)]
mod column_tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(cut_to_columns("会議室 A", 5), "会議…");
        assert_eq!(pad_to_columns("会議", 6), "会議  ");
        assert_eq!(cut_to_columns("Hall 7", 10), "Hall 7");
    }
}
