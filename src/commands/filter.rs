//! `notes filter QUERY…`: search every event, with the matching note lines.

use std::fmt::Write;

use clap::Args;

use crate::cli::FilterArgs;
use crate::commands::Context;
use crate::commands::list::{load_all, select};
use crate::error::Result;
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

pub fn run(args: FilterCmdArgs, ctx: &mut Context) -> Result<()> {
    let query = ctx.query(&args.filter)?.with_words(&args.words);
    let files = match &ctx.event_flag {
        Some(_) => vec![ctx.load_event()?],
        None => load_all(ctx)?,
    };
    let rows = select(&files, &query);
    if args.json {
        return ctx.ui.print(&json::sessions(&rows, &ctx.vocabulary, ctx.lang));
    }
    if rows.is_empty() {
        ctx.ui.status(words(ctx.lang).no_sessions);
        return Ok(());
    }
    let mut out = String::new();
    for row in &rows {
        let s = row.session;
        let _ = write!(
            out,
            "{} #{} · {} {} · {}",
            row.event.slug,
            s.id,
            words(ctx.lang).day,
            s.day,
            sanitize_line(&s.title)
        );
        if let Some(verdict) = &s.verdict {
            let _ = write!(out, " · {}", sanitize_line(ctx.vocabulary.label(verdict, ctx.lang)));
        }
        out.push('\n');
        for line in query.matching_lines(s) {
            let _ = writeln!(out, "    {}", sanitize_line(line.trim()));
        }
    }
    ctx.ui.print(&out)
}
