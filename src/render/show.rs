//! The detailed views of `show`, `event show` and `day`.

use std::fmt::Write;

use crate::model::{Event, Lang, Session, Vocabulary};
use crate::render::time_range;
use crate::render::words::{kind_label, status_label, words};
use crate::ui::{sanitize_line, sanitize_text};

/// Everything about one session, notes last.
pub fn session(event: &Event, s: &Session, vocabulary: &Vocabulary, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("#{}  {}\n", s.id, sanitize_line(&s.title));
    let mut field = |name: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "  {:<10} {}", name, sanitize_line(value));
        }
    };
    let date = event.date_of(s.day).map(|d| w.long_date(d)).unwrap_or_default();
    field(w.event, &event.name);
    field(w.day, &format!("{} · {date}", day_name(event, s.day, lang)));
    field(w.time, &time_range(event, s));
    field(w.room, s.room.as_deref().unwrap_or(""));
    field(w.track, s.track.as_deref().unwrap_or(""));
    field(w.kind, kind_label(s.kind, lang));
    // A programme talk not in the journal (id 0) has no status of the person's.
    if s.id != 0 {
        field(w.status, status_label(s.status, lang));
    }
    field(w.speakers, &s.speakers_line());
    field(w.tags, &s.tags.join(", "));
    for link in &s.links {
        field(w.links, &format!("{}: {}", link.label, link.url));
    }
    field(w.verdict, s.verdict.as_deref().map(|v| vocabulary.label(v, lang)).unwrap_or(""));
    if let Some(text) = s.abstract_text.as_deref().filter(|a| !a.trim().is_empty()) {
        let _ = write!(out, "\n{}:\n{}\n", w.abstract_text, sanitize_text(text.trim_end()));
    }
    if !s.notes.trim().is_empty() {
        let _ = write!(out, "\n{}\n", sanitize_text(s.notes.trim_end()));
    }
    out
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
    for (name, text) in [(w.intro, &notes.intro), (w.conclusion, &notes.conclusion)] {
        if let Some(text) = text {
            let _ = write!(out, "\n{name}:\n{}\n", sanitize_text(text.trim_end()));
        }
    }
    out
}

/// A talk of the programme: what `session` shows, headed by its reference
/// and, when it is not in the journal, how to plan it.
pub fn programme_talk(event: &Event, talk: &Session, reference: &str, vocabulary: &Vocabulary, lang: Lang) -> String {
    let view = session(event, talk, vocabulary, lang);
    let body = view.split_once('\n').map_or("", |(_, rest)| rest);
    let plan = words(lang).plan_it;
    format!("{reference}  {}\n{body}\n{plan} notes plan {reference}\n", sanitize_line(&talk.title))
}
