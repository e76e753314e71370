//! `notes jot`: append a line to the current session's notes.

use std::io::Read;

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes jot \"Cluster mesh: CIDRs must not overlap, cluster ids unique\"
  notes jot Global services with one annotation      # quotes are optional
  notes jot --raw \"A whole paragraph, kept as written.\"
  pbpaste | notes jot -                              # text from stdin
  notes jot -i 12 \"one more thing about #12\"

Each jot becomes a list item (\"- …\") unless it already starts a Markdown block.";

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
    let text = if args.text == ["-"] {
        let mut text = String::new();
        std::io::stdin().take(MAX_JOT + 1).read_to_string(&mut text).map_err(|e| Error::io("read", "stdin", e))?;
        if text.len() as u64 > MAX_JOT {
            return Err(Error::user("more than 16 MB on stdin: that is not a note", "jot smaller pieces"));
        }
        text
    } else {
        args.text.join(" ")
    };
    if text.trim().is_empty() {
        return Err(Error::user("nothing to jot: the text is empty", "notes jot \"what the speaker just said\""));
    }
    let slug = ctx.event_slug()?;
    let id = ctx.session_id(&slug, args.id)?;
    let title = ctx.change_session(&slug, id, |session, _| {
        session.jot(&text, args.raw);
        Ok(session.title.clone())
    })?;
    ctx.ui.print(&format!("Jotted to #{id} {}", sanitize_line(&title)))
}
