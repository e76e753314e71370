//! `notes edit [ID]`: change a session with flags, or as TOML in `$EDITOR`.

use clap::{Args, ValueEnum};

use crate::args::SessionFields;
use crate::context::Context;
use crate::editor::edit_text;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::Session;
use crate::store::{parse_session_text, session_text};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes edit 12 --verdict meh
  notes edit 12 --title \"Gateway API: new Kubernetes APIs\" --room \"Hall 7\"
  notes edit 12 --clear verdict
  notes edit 12          # opens the session as TOML in $VISUAL / $EDITOR

In the editor, the session is checked before anything is saved; on a mistake
you can edit again, and nothing invalid is ever written.";

/// Change a session with flags, or in $EDITOR
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct EditArgs {
    /// The session [default: the current one]
    id: Option<u32>,

    /// New title
    #[arg(long)]
    title: Option<String>,

    /// Remove a field (repeat for several)
    #[arg(long, value_enum, value_name = "FIELD")]
    clear: Vec<ClearField>,

    #[command(flatten)]
    fields: SessionFields,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ClearField {
    Verdict,
    Room,
    Track,
    Speakers,
    Tags,
    Links,
    At,
    End,
    Notes,
    /// Show every part of the session in the post again.
    Hide,
    /// Back to the section the session's kind gives.
    Section,
}

pub fn run(args: EditArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let id = ctx.session_id(&slug, args.id)?;
    if args.title.is_none() && args.clear.is_empty() && args.fields.is_empty() {
        return edit_in_editor(&slug, id, ctx);
    }
    if args.title.as_ref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::EmptyTitle);
    }
    let vocabulary = ctx.vocabulary()?;
    let title = ctx.change_session(&slug, id, |session, event| {
        if let Some(title) = &args.title {
            session.title = title.trim().to_string();
        }
        for field in &args.clear {
            clear(session, *field);
        }
        args.fields.apply(session, event, vocabulary)?;
        Ok(session.title.clone())
    })?;
    ctx.ui.print(&messages::updated(ctx.lang(), id, &sanitize_line(&title)))
}

fn clear(session: &mut Session, field: ClearField) {
    match field {
        ClearField::Verdict => session.verdict = None,
        ClearField::Room => session.room = None,
        ClearField::Track => session.track = None,
        ClearField::Speakers => session.speakers.clear(),
        ClearField::Tags => session.tags.clear(),
        ClearField::Links => session.links.clear(),
        ClearField::At => session.at = None,
        ClearField::End => session.end = None,
        ClearField::Notes => session.notes.clear(),
        ClearField::Hide => session.hidden.clear(),
        ClearField::Section => session.section = None,
    }
}

fn edit_in_editor(slug: &str, id: u32, ctx: &mut Context) -> Result<()> {
    let file = ctx.journal()?.load(slug)?;
    let text = session_text(file.session(id)?, &file.event, ctx.lang());
    let vocabulary = ctx.vocabulary()?.clone();
    let parse = |text: &str| {
        let mut session = parse_session_text(text, id, &file.event)?;
        if let Some(verdict) = &session.verdict {
            session.verdict = Some(vocabulary.resolve(verdict)?.key.clone());
        }
        Ok(session)
    };
    let Some(edit) = edit_text(ctx, &text, "toml", parse)? else {
        return ctx.ui.print(&messages::no_changes(ctx.lang()));
    };
    // What the person saw may have changed while the editor was open (a
    // jot from another terminal): both changes are kept where they do not
    // touch the same field, and nothing is saved where they do.
    let seen = file.session(id)?;
    let title = edit.save(|edited| {
        ctx.change_session(slug, id, |session, _| {
            *session = Session::merge(seen, &edited, session)
                .map_err(|fields| Error::EditConflict { what: format!("#{id}"), fields: fields.join(", ") })?;
            Ok(session.title.clone())
        })
    })?;
    ctx.ui.print(&messages::updated(ctx.lang(), id, &sanitize_line(&title)))
}
