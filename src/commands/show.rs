//! `notes show [ID]`.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::render::{json, show};

/// Show everything about a session
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  notes show 12\n  notes show          # the current session\n  notes show 12 --json"
)]
pub struct ShowArgs {
    /// The session [default: the current one]
    id: Option<u32>,

    /// Print JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: ShowArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let id = ctx.session_id(&slug, args.id)?;
    let file = ctx.journal()?.load(&slug)?;
    let session = file.session(id)?;
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    if args.json {
        return ctx.ui.print(&json::to_string(&json::session(&file.event, session, vocabulary, lang)));
    }
    ctx.ui.print(&show::session(&file.event, session, vocabulary, lang, ctx.ui.width))
}
