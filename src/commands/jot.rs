//! `notes jot`: append a line to the notes of the session the person is in.

use std::io::Read;

use clap::Args;

use crate::context::{Context, stale_warning};
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, Lang, Session};
use crate::query::JotTarget;

use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes jot \"Cluster mesh: CIDRs must not overlap, cluster ids unique\"
  notes jot Global services with one annotation      # quotes are optional
  notes jot --raw \"A whole paragraph, kept as written.\"
  pbpaste | notes jot -                              # text from stdin
  notes jot -i 12 \"one more thing about #12\"

Each jot becomes a list item (\"- …\") unless it already starts a Markdown
block. Without -i: the current session; once it is over, the one talk you
planned that is under way (it becomes current and attended); with no current
session, the day's \"Loose notes\".";

/// The most `jot -` reads: far more than any note, far less than memory.
const MAX_JOT: u64 = 16 * 1024 * 1024;

/// Append a line to the current session's notes
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct JotArgs {
    /// The text; `-` reads it from stdin ("- item" is text, not a flag)
    #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
    text: Vec<String>,

    /// Jot into this session instead of the current one (it becomes current)
    #[arg(short, long, value_name = "ID")]
    id: Option<u32>,

    /// Append the text verbatim as its own paragraph, not as a list item
    #[arg(long)]
    raw: bool,
}

pub fn run(args: JotArgs, ctx: &mut Context) -> Result<()> {
    let text = read_text(&args.text)?;
    let slug = ctx.event_slug()?;
    let now = ctx.now()?;
    let lang = ctx.lang();
    let jot = |session: &mut Session, _: &Event| {
        session.jot(&text, args.raw);
        Ok((session.title.clone(), session.mark_attended_if_begun(now)))
    };
    if let Some(id) = args.id {
        let (title, attended) = ctx.change_session(&slug, id, jot)?;
        return ctx.ui.print(&jotted(lang, id, &title, attended));
    }
    let (target, id, title, attended, event, current) = ctx.update_event(&slug, |doc| {
        let (target, id, current) = ctx.note_target(&slug, doc, now)?;
        let (title, attended) = doc.change_session(id, jot)?;
        Ok((target, id, title, attended, doc.event().clone(), current))
    })?;
    let done = jotted(lang, id, &title, attended);
    let title = sanitize_line(&title);
    match target {
        JotTarget::Current => ctx.ui.print(&done),
        JotTarget::Stale(why) => {
            ctx.ui.print(&done)?;
            ctx.ui.warn(lang, &stale_warning(lang, id, why, current.as_ref(), &event));
            Ok(())
        }
        JotTarget::Planned(_) => ctx.ui.print(&messages::jotted_to_planned(lang, id, &title)),
        JotTarget::Loose => ctx.ui.print(&messages::jotted_loose(lang, id, &title)),
    }
}

fn read_text(words: &[String]) -> Result<String> {
    let text = if words == ["-"] {
        let mut text = String::new();
        std::io::stdin()
            .take(MAX_JOT + 1)
            .read_to_string(&mut text)
            .map_err(|e| Error::io(messages::cannot_read, "stdin", e))?;
        if text.len() as u64 > MAX_JOT {
            return Err(Error::user(messages::stdin_too_big, messages::hint_smaller_jots));
        }
        text
    } else {
        words.join(" ")
    };
    if text.trim().is_empty() {
        return Err(Error::user(messages::nothing_to_jot, messages::hint_jot_example));
    }
    Ok(text)
}

fn jotted(lang: Lang, id: u32, title: &str, attended: bool) -> String {
    let title = sanitize_line(title);
    if attended { messages::jotted_now_attended(lang, id, &title) } else { messages::jotted(lang, id, &title) }
}
