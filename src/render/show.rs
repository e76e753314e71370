//! The detailed views of `show`, `event show` and `day`.

use std::fmt::Write;

use textwrap::{Options, WordSeparator};
use unicode_width::UnicodeWidthStr;

use crate::model::{Event, Lang, Session, Vocabulary};
use crate::render::time_range;
use crate::render::words::{kind_label, status_label, words};
use crate::ui::{sanitize_line, sanitize_text};

/// Text is wrapped to the terminal, but no wider than this: longer lines
/// are hard to read (clap's help stops at the same width).
const MAX_TEXT_WIDTH: usize = 100;

/// Everything about one session: its fields, then the user's notes, then
/// the abstract. Long lines are wrapped to `width` columns (at most
/// [`MAX_TEXT_WIDTH`]); `None` leaves them whole.
pub fn session(event: &Event, s: &Session, vocabulary: &Vocabulary, lang: Lang, width: Option<u16>) -> String {
    let w = words(lang);
    let width = width.map(|width| usize::from(width).min(MAX_TEXT_WIDTH));
    let number = format!("#{}  ", s.id);
    let mut out = wrap_line(&format!("{number}{}", sanitize_line(&s.title)), width, number.len());
    out.push('\n');
    // A value that goes on continues under itself, past the names.
    let mut field = |name: &str, value: &str, width: Option<usize>| {
        if !value.is_empty() {
            let line = format!("  {:<10} {}", name, sanitize_line(value));
            let _ = writeln!(out, "{}", wrap_line(&line, width, 13));
        }
    };
    let date = event.date_of(s.day).map(|d| w.long_date(d)).unwrap_or_default();
    field(w.event, &event.name, width);
    field(w.day, &format!("{} · {date}", day_name(event, s.day, lang)), width);
    field(w.time, &time_range(event, s), width);
    field(w.room, s.room.as_deref().unwrap_or(""), width);
    field(w.track, s.track.as_deref().unwrap_or(""), width);
    field(w.section, s.section.as_deref().unwrap_or(""), width);
    field(w.author, s.author.as_deref().unwrap_or(""), width);
    field(w.kind, kind_label(s.kind, lang), width);
    // A programme talk not in the journal (id 0) has no status of the person's.
    if s.id != 0 {
        field(w.status, status_label(s.status, lang), width);
    }
    field(w.speakers, &s.speakers_line(), width);
    field(w.tags, &s.tags.join(", "), width);
    for link in &s.links {
        // A link stays on one line, to be copied whole.
        field(w.links, &format!("{}: {}", link.label, link.url), None);
    }
    field(w.verdict, s.verdict.as_deref().map(|v| vocabulary.label(v, lang)).unwrap_or(""), width);
    // The notes are the user's own words: they come before the schedule's.
    if !s.notes.trim().is_empty() {
        let _ = write!(out, "\n{}\n", wrap(&sanitize_text(s.notes.trim_end()), width));
    }
    if let Some(text) = s.abstract_text.as_deref().filter(|a| !a.trim().is_empty()) {
        let _ = write!(out, "\n{}:\n{}\n", w.abstract_text, wrap(&sanitize_text(text.trim_end()), width));
    }
    out
}

/// Markdown text wrapped to `width` columns, line by line: a list item
/// ("- ", "* ", "1. ") or a quote continues under its text, not under its
/// marker; code blocks and tables are left as they are, and a word longer
/// than the line (a URL) is never cut.
fn wrap(text: &str, width: Option<usize>) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        if in_code || trimmed.starts_with('|') || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            out.push(line.to_string());
        } else {
            out.push(wrap_line(line, width, hanging_indent(line)));
        }
    }
    out.join("\n")
}

/// One line wrapped to `width`, its next lines indented by `indent` columns.
fn wrap_line(line: &str, width: Option<usize>, indent: usize) -> String {
    let Some(width) = width.filter(|w| line.width() > *w) else {
        return line.to_string();
    };
    let indent = " ".repeat(indent);
    let options =
        Options::new(width).subsequent_indent(&indent).word_separator(WordSeparator::AsciiSpace).break_words(false);
    textwrap::fill(line, options)
}

/// Where the text of a Markdown list item or quote starts: "  - item" is
/// 4, "12. item" 4, "> quote" 2; 0 for a paragraph line.
fn hanging_indent(line: &str) -> usize {
    let text = line.trim_start();
    let lead = line.len() - text.len();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let marker = if text.starts_with("- ") || text.starts_with("* ") || text.starts_with("+ ") || text.starts_with("> ")
    {
        2
    } else if digits > 0 && (text[digits..].starts_with(". ") || text[digits..].starts_with(") ")) {
        digits + 2
    } else {
        0
    };
    let after = text[marker..].len() - text[marker..].trim_start().len();
    if marker == 0 { lead } else { lead + marker + after }
}

/// "Day 2 (Jeudi)" or "Day 2".
pub fn day_name(event: &Event, day: u32, lang: Lang) -> String {
    let w = words(lang);
    match event.day_label(day) {
        Some(label) => format!("{} {day} ({})", w.day, sanitize_line(label)),
        None => format!("{} {day}", w.day),
    }
}

/// An event, its days and how many sessions each holds.
pub fn event(event: &Event, sessions: &[Session], lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("{}  ({})\n", sanitize_line(&event.name), event.slug);
    let _ = writeln!(out, "  {:<10} {} → {}", w.dates, w.long_date(event.start), w.long_date(event.end));
    let _ = writeln!(out, "  {:<10} {}", w.location, sanitize_line(event.location.as_deref().unwrap_or(w.online)));
    let _ = writeln!(out, "  {:<10} {}", w.timezone, event.timezone.name());
    if let Some(url) = &event.url {
        let _ = writeln!(out, "  {:<10} {}", "URL", sanitize_line(url));
    }
    if !event.tags.is_empty() {
        let _ = writeln!(out, "  {:<10} {}", w.tags, sanitize_line(&event.tags.join(", ")));
    }
    out.push('\n');
    for day in 1..=event.day_count() {
        let count = sessions.iter().filter(|s| s.day == day).count();
        let date = event.date_of(day).map(|d| w.long_date(d)).unwrap_or_default();
        let _ = writeln!(out, "  {:<22} {date:<28} {count} {}", day_name(event, day, lang), w.sessions.to_lowercase());
    }
    out
}

/// The notes of one day: label, intro, conclusion.
pub fn day(event: &Event, day: u32, lang: Lang) -> String {
    let w = words(lang);
    let notes = event.days.get(&day).cloned().unwrap_or_default();
    let date = event.date_of(day).map(|d| w.long_date(d)).unwrap_or_default();
    let mut out = format!("{} — {date}\n", day_name(event, day, lang));
    for (name, text) in [(w.title, &notes.title), ("URL", &notes.url)] {
        if let Some(text) = text {
            let _ = writeln!(out, "  {name:<10} {}", sanitize_line(text));
        }
    }
    for (section, heading) in &notes.headings {
        let heading = if heading.is_empty() { "—" } else { heading };
        let _ = writeln!(out, "  {section:<10} {}", sanitize_line(heading));
    }
    for (name, text) in [(w.intro, &notes.intro), (w.wished, &notes.wished), (w.conclusion, &notes.conclusion)] {
        if let Some(text) = text {
            let _ = write!(out, "\n{name}:\n{}\n", sanitize_text(text.trim_end()));
        }
    }
    out
}

/// A talk of the programme: what `session` shows, headed by its reference
/// and, when it is not in the journal, how to plan it.
pub fn programme_talk(
    event: &Event,
    talk: &Session,
    reference: &str,
    vocabulary: &Vocabulary,
    lang: Lang,
    width: Option<u16>,
) -> String {
    let view = session(event, talk, vocabulary, lang, width);
    let body = view.split_once('\n').map_or("", |(_, rest)| rest);
    let plan = words(lang).plan_it;
    format!("{reference}  {}\n{body}\n{plan} notes plan {reference}\n", sanitize_line(&talk.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_wrap_under_their_text() {
        let text = "Intro line that is long enough to wrap here\n  - an item that is long enough to wrap\n12. numbered item that wraps too\n> a quote that wraps as well";
        assert_eq!(
            wrap(text, Some(20)),
            "Intro line that is\nlong enough to wrap\nhere\n  - an item that is\n    long enough to\n    wrap\n12. numbered item\n    that wraps too\n> a quote that wraps\n  as well"
        );
    }

    #[test]
    fn code_tables_and_long_words_are_kept_whole() {
        let text = "```\nlet x = a_long_line_of_code_that_is_not_wrapped();\n```\n| a | table row that is long |\nsee https://example.org/a/very/long/url/that/stays/whole";
        assert_eq!(
            wrap(text, Some(20)),
            "```\nlet x = a_long_line_of_code_that_is_not_wrapped();\n```\n| a | table row that is long |\nsee\nhttps://example.org/a/very/long/url/that/stays/whole"
        );
        assert_eq!(wrap("whole line", None), "whole line");
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        assert_eq!(wrap("会議 会議 会議", Some(10)), "会議 会議\n会議");
    }
}
