//! The `$EDITOR` loop: a text opened in the user's editor until it is
//! valid, for `notes edit` and `notes event edit`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages::{self, Text};
use crate::model::Lang;
use crate::prompt::EditorOpen;

/// A valid edit: the value read from it, and the person's text, kept in a
/// file until the save has succeeded, so that no failure (a conflict, a
/// session deleted meanwhile, a kill while waiting for the lock) loses it.
pub struct Edit<T> {
    pub value: T,
    kept: PathBuf,
}

impl<T> Edit<T> {
    /// Saves the value with `save`. On success the kept text goes; on
    /// failure the error names the file that holds it.
    pub fn save<R>(self, save: impl FnOnce(T) -> Result<R>) -> Result<R> {
        match save(self.value) {
            Ok(saved) => {
                let _ = std::fs::remove_file(&self.kept);
                Ok(saved)
            }
            Err(error) => Err(Error::Unsaved { error: Box::new(error), kept: self.kept }),
        }
    }
}

/// Opens `initial` in the user's editor until `parse` accepts the result.
/// `None` when the text comes back unchanged. On a terminal, an invalid edit
/// can be fixed; elsewhere it is kept in a file named in the error.
pub fn edit_text<T>(
    ctx: &mut Context,
    initial: &str,
    extension: &str,
    parse: impl Fn(&str) -> Result<T>,
) -> Result<Option<Edit<T>>> {
    let mut temp = tempfile::Builder::new()
        .prefix("notes-edit-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(|e| Error::io(messages::cannot_create_temp_in, std::env::temp_dir(), e))?;
    temp.write_all(initial.as_bytes()).map_err(|e| Error::io(messages::cannot_write, temp.path(), e))?;
    let editor = editor_command(ctx)?;
    let lang = ctx.lang();
    loop {
        let ran = run_editor(&editor, temp.path(), lang);
        let text =
            std::fs::read_to_string(temp.path()).map_err(|e| Error::io(messages::cannot_read, temp.path(), e))?;
        if let Err(error) = ran {
            return Err(if text == initial { error } else { keep(temp, error)? });
        }
        if text == initial {
            return Ok(None);
        }
        if text.trim().is_empty() {
            return Err(Error::Cancelled);
        }
        let err = match parse(&text) {
            Ok(value) => {
                let (_, kept) =
                    temp.keep().map_err(|e| Error::io(messages::cannot_keep, std::env::temp_dir(), e.error))?;
                return Ok(Some(Edit { value, kept }));
            }
            Err(err) => err,
        };
        if !ctx.can_prompt() {
            let message = Text::new(|lang| messages::edit_invalid(lang, &err.message(lang)));
            return Err(keep(temp, Error::Editor { message, hint: None })?);
        }
        ctx.ui.warn(lang, &err.message(lang));
        if !ctx.prompt().confirm(&messages::edit_again(lang), true)? {
            return Err(Error::Cancelled);
        }
    }
}

/// `error`, with the person's text kept in a file that it names.
fn keep(temp: tempfile::NamedTempFile, error: Error) -> Result<Error> {
    let (_, kept) = temp.keep().map_err(|e| Error::io(messages::cannot_keep, std::env::temp_dir(), e.error))?;
    Ok(Error::Unsaved { error: Box::new(error), kept })
}

/// `$VISUAL`, else `$EDITOR`, else `editor` in config, else vi.
fn editor_command(ctx: &Context) -> Result<String> {
    let from_env = ["VISUAL", "EDITOR"].iter().filter_map(|var| std::env::var(var).ok()).find(|e| !e.trim().is_empty());
    if let Some(editor) = from_env {
        return Ok(editor);
    }
    Ok(ctx.config()?.editor.clone().filter(|e| !e.trim().is_empty()).unwrap_or_else(|| "vi".to_string()))
}

/// Runs the editor through the shell, so `EDITOR="code --wait"` works; the
/// shell becomes the editor (`exec`), so that a Ctrl-C the editor ignores
/// does not end the shell in between.
fn run_editor(editor: &str, path: &Path, lang: Lang) -> Result<()> {
    let _editor_open = EditorOpen::new(lang);
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("exec {editor} \"$1\""))
        .arg("notes-editor")
        .arg(path)
        .status()
        .map_err(|e| Error::Editor {
            message: Text::new(|lang| messages::cannot_start_editor(lang, editor, &e.to_string())),
            hint: None,
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Editor {
            message: Text::new(|lang| messages::editor_failed(lang, editor, &status.to_string())),
            hint: Some(Text::new(messages::hint_set_editor)),
        })
    }
}
