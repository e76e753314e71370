//! `notes filter QUERY…`: search every event, with the matching note lines.

use std::fmt::Write;

use clap::Args;

use crate::args::FilterArgs;
use crate::context::Context;
use crate::error::Result;
use crate::model::text;
use crate::query::select;
use crate::render::json;
use crate::render::words::words;
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes filter ebpf
  notes filter gateway api           # every word must appear
  notes filter cilium --verdict to-try
  notes filter --kind keynote --day 1 rust

Words are matched ignoring case and accents in titles, speakers, tags and notes.";

/// Search every event's sessions and notes
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct FilterCmdArgs {
    /// Words to look for
    #[arg(value_name = "QUERY")]
    words: Vec<String>,

    /// Print JSON
    #[arg(long)]
    json: bool,

    // Last: the "Filters" help heading applies to what follows it.
    #[command(flatten)]
    filter: FilterArgs,
}

/// At most `width` characters of `line`, around the first word found: a
/// long paragraph shows the part that matched.
fn snippet(line: &str, words: &[String], width: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= width {
        return line.to_string();
    }
    let folded = text::fold(line);
    // Folding keeps one character per character except ligatures, which is
    // close enough to place the window.
    let hit =
        words.iter().filter_map(|w| folded.find(w.as_str())).min().map_or(0, |byte| folded[..byte].chars().count());
    let start = hit.saturating_sub(width / 4).min(chars.len().saturating_sub(width - 2));
    let end = (start + width - 2).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

pub fn run(args: FilterCmdArgs, ctx: &mut Context) -> Result<()> {
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    let query = args.filter.query(vocabulary, || ctx.today())?.with_words(&args.words);
    let files = ctx.load_flagged_or_all_where(&query)?;
    let rows = select(&files, &query);
    if args.json {
        return ctx.ui.print(&json::sessions(&rows, vocabulary, lang));
    }
    if rows.is_empty() {
        ctx.ui.status(words(lang).no_sessions);
        return Ok(());
    }
    let mut out = String::new();
    for row in &rows {
        let s = row.session;
        let _ =
            write!(out, "{} #{} · {} {} · {}", row.event.slug, s.id, words(lang).day, s.day, sanitize_line(&s.title));
        if let Some(verdict) = &s.verdict {
            let _ = write!(out, " · {}", sanitize_line(vocabulary.label(verdict, lang)));
        }
        out.push('\n');
        let width = usize::from(ctx.ui.width.unwrap_or(100)).saturating_sub(4).max(40);
        for line in query.matching_lines(s) {
            let _ = writeln!(out, "    {}", sanitize_line(&snippet(line.trim(), &query.words, width)));
        }
    }
    ctx.ui.print(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_show_the_match() {
        let line = format!("{} cluster mesh {}", "a".repeat(100), "b".repeat(100));
        let cut = snippet(&line, &["cluster".into()], 60);
        assert!(cut.starts_with('…') && cut.ends_with('…') && cut.contains("cluster mesh"), "{cut}");
        assert_eq!(cut.chars().count(), 60);
        assert_eq!(snippet("short line", &["short".into()], 60), "short line");
    }
}
