//! `notes show [ID]`.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::model::short_refs;
use crate::query::find_by_reference;
use crate::render::{json, show};

/// Show everything about a session, or a talk of the programme
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  notes show 12
  notes show          # the current session
  notes show 6d33     # a programme talk, by its reference (list --schedule)
  notes show 12 --json")]
pub struct ShowArgs {
    /// The session's id, or a programme talk's reference [default: the current session]
    id: Option<String>,

    /// Print JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: ShowArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let file = ctx.journal()?.load(&slug)?;
    let number: Option<u32> = args.id.as_deref().and_then(|id| id.trim().trim_start_matches('#').parse().ok());
    let session = match (&args.id, number) {
        (None, _) => Some(file.session(ctx.session_id(&slug, None)?)?),
        (Some(_), Some(id)) => file.session(id).ok(),
        (Some(_), None) => None,
    };
    let (vocabulary, lang) = (ctx.vocabulary()?, ctx.lang());
    if let Some(session) = session {
        if args.json {
            return ctx.ui.print(&json::to_string(&json::session(&file.event, session, vocabulary, lang)));
        }
        return ctx.ui.print(&show::session(&file.event, session, vocabulary, lang, ctx.ui.width));
    }
    // Not a session of the journal: a talk of the programme.
    let wanted = args.id.as_deref().unwrap_or_default();
    let schedule = ctx.journal()?.schedule(&file.event)?;
    let refs = short_refs(&schedule);
    let talk = match (find_by_reference(wanted, &schedule, &refs), number) {
        (Ok(talk), _) => talk,
        // A number that is neither a session nor a reference: no such session.
        (Err(_), Some(id)) => return file.session(id).map(|_| ()),
        (Err(err), None) => return Err(err),
    };
    // Picked: the journal's session, with the person's notes.
    if let Some(mine) = file.sessions.iter().find(|s| s.schedule_id.is_some() && s.schedule_id == talk.schedule_id) {
        if args.json {
            return ctx.ui.print(&json::to_string(&json::session(&file.event, mine, vocabulary, lang)));
        }
        return ctx.ui.print(&show::session(&file.event, mine, vocabulary, lang, ctx.ui.width));
    }
    if args.json {
        return ctx.ui.print(&json::to_string(&json::session(&file.event, talk, vocabulary, lang)));
    }
    let reference = schedule.iter().position(|t| std::ptr::eq(t, talk)).map_or("", |i| refs[i].as_str());
    ctx.ui.print(&show::programme_talk(&file.event, talk, reference, vocabulary, lang, ctx.ui.width))
}
