//! `notes edit [ID]`: change a session with flags, or as TOML in `$EDITOR`.
//! Also holds the editor loop that `event edit` uses.

use std::io::Write;
use std::process::Command;

use clap::{Args, ValueEnum};
use toml_edit::DocumentMut;

use crate::commands::Context;
use crate::commands::add::SessionFields;
use crate::error::{Error, Result};
use crate::model::{Event, Session, Vocabulary};
use crate::store::record::{self, SessionRecord};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes edit 12 --verdict meh
  notes edit 12 --title \"Gateway API: a new set of Kubernetes APIs\" --room \"Hall 7\"
  notes edit 12 --clear verdict
  notes edit 12          # opens the session as TOML in $VISUAL / $EDITOR

In the editor, the session is checked before anything is saved; on a mistake
you can edit again, and nothing invalid is ever written.";

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
    let vocabulary = ctx.vocabulary.clone();
    let title = ctx.update_event(&slug, |doc| {
        let mut session = doc.session(id)?;
        if let Some(title) = &args.title {
            session.title = title.trim().to_string();
        }
        for field in &args.clear {
            clear(&mut session, *field);
        }
        args.fields.apply(&mut session, doc.event(), &vocabulary)?;
        let title = session.title.clone();
        doc.put_session(session)?;
        Ok(title)
    })?;
    ctx.touch_session(&slug, id)?;
    ctx.ui.print(&format!("Updated #{id} {}", sanitize_line(&title)))
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
    }
}

fn edit_in_editor(slug: &str, id: u32, ctx: &mut Context) -> Result<()> {
    let file = ctx.journal.load(slug)?;
    let session = file.session(id)?.clone();
    let text = session_text(&session, slug);
    let event = file.event.clone();
    let vocabulary = ctx.vocabulary.clone();
    let Some(edited) = edit_text(ctx, &text, "toml", |text| parse_session(text, id, &event, &vocabulary))? else {
        return ctx.ui.print("No changes.");
    };
    let title = edited.title.clone();
    ctx.update_event(slug, |doc| doc.put_session(edited))?;
    ctx.touch_session(slug, id)?;
    ctx.ui.print(&format!("Updated #{id} {}", sanitize_line(&title)))
}

/// The session as a small TOML document, without its id (not editable).
fn session_text(session: &Session, slug: &str) -> String {
    let mut doc = DocumentMut::new();
    record::sync_table(doc.as_table_mut(), &[], record::session_fields(session));
    doc.remove("id");
    doc.decor_mut().set_prefix(format!(
        "# Session #{} of {slug}. Save and close to apply; empty the file to cancel.\n\
         # kind: keynote talk panel lightning workshop bof demo sponsor networking other\n\
         # status: attended planned missed replay\n\n",
        session.id
    ));
    doc.to_string()
}

/// Reads an edited session back, with every check a session gets on load.
fn parse_session(text: &str, id: u32, event: &Event, vocabulary: &Vocabulary) -> Result<Session> {
    let rejected = |message: String| Error::Rejected { what: format!("session #{id}"), message };
    let mut table: toml::Table = toml::from_str(text).map_err(|e| {
        let err = record::parse_error(std::path::Path::new("edited session"), text, &e);
        rejected(err.to_string())
    })?;
    // In the editor a key notes does not know is most likely a typo.
    if let Some(key) = table.keys().find(|k| !record::SESSION_KEYS.contains(&k.as_str())) {
        let hint = crate::model::text::suggest(key, record::SESSION_KEYS.iter().copied())
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(rejected(format!("unknown field `{key}`{hint}")));
    }
    if table.get("id").is_some_and(|v| v.as_integer() != Some(i64::from(id))) {
        return Err(rejected("the id cannot be changed".into()));
    }
    table.insert("id".into(), toml::Value::Integer(i64::from(id)));
    let record: SessionRecord =
        toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| rejected(e.message().to_string()))?;
    let mut session = record::session_from(record, event).map_err(rejected)?;
    if let Some(verdict) = &session.verdict {
        session.verdict = Some(vocabulary.resolve(verdict)?.key.clone());
    }
    Ok(session)
}

/// Opens `initial` in the user's editor until `parse` accepts the result.
/// `None` when the text comes back unchanged. On a terminal, an invalid edit
/// can be fixed; elsewhere it is kept in a file named in the error.
pub fn edit_text<T>(
    ctx: &mut Context,
    initial: &str,
    extension: &str,
    parse: impl Fn(&str) -> Result<T>,
) -> Result<Option<T>> {
    let mut temp = tempfile::Builder::new()
        .prefix("notes-edit-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(|e| Error::io("create", std::env::temp_dir(), e))?;
    temp.write_all(initial.as_bytes()).map_err(|e| Error::io("write", temp.path(), e))?;
    let editor = editor_command(ctx);
    loop {
        run_editor(&editor, temp.path())?;
        let text = std::fs::read_to_string(temp.path()).map_err(|e| Error::io("read", temp.path(), e))?;
        if text == initial {
            return Ok(None);
        }
        if text.trim().is_empty() {
            return Err(Error::Cancelled);
        }
        let err = match parse(&text) {
            Ok(value) => return Ok(Some(value)),
            Err(err) => err,
        };
        if !ctx.prompt.available() {
            let (_, kept) = temp.keep().map_err(|e| Error::io("keep", std::env::temp_dir(), e.error))?;
            return Err(Error::Editor {
                message: format!("the edit is invalid, nothing was saved: {err}"),
                hint: Some(format!("your text is kept in {}", kept.display())),
            });
        }
        ctx.ui.warn(&err.to_string());
        if !ctx.prompt.confirm("Edit again? (no: discard the edit)", true)? {
            return Err(Error::Cancelled);
        }
    }
}

fn editor_command(ctx: &Context) -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .chain(ctx.config.editor.clone())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs the editor through the shell, so `EDITOR="code --wait"` works.
fn run_editor(editor: &str, path: &std::path::Path) -> Result<()> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("notes-editor")
        .arg(path)
        .status()
        .map_err(|e| Error::Editor { message: format!("cannot start the editor '{editor}': {e}"), hint: None })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Editor {
            message: format!("the editor '{editor}' failed ({status}); nothing was saved"),
            hint: Some("set $EDITOR, or `editor` in config.toml".into()),
        })
    }
}
