//! The `$EDITOR` loop: a text opened in the user's editor until it is
//! valid, for `notes edit` and `notes event edit`.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::context::Context;
use crate::error::{Error, Result};

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
    let editor = editor_command(ctx)?;
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
        if !ctx.can_prompt() {
            let (_, kept) = temp.keep().map_err(|e| Error::io("keep", std::env::temp_dir(), e.error))?;
            return Err(Error::Editor {
                message: format!("the edit is invalid, nothing was saved: {err}"),
                hint: Some(format!("your text is kept in {}", kept.display())),
            });
        }
        ctx.ui.warn(&err.to_string());
        if !ctx.prompt().confirm("Edit again? (no: discard the edit)", true)? {
            return Err(Error::Cancelled);
        }
    }
}

/// `$VISUAL`, else `$EDITOR`, else `editor` in config, else vi.
fn editor_command(ctx: &Context) -> Result<String> {
    let from_env = ["VISUAL", "EDITOR"].iter().filter_map(|var| std::env::var(var).ok()).find(|e| !e.trim().is_empty());
    if let Some(editor) = from_env {
        return Ok(editor);
    }
    Ok(ctx.config()?.editor.clone().filter(|e| !e.trim().is_empty()).unwrap_or_else(|| "vi".to_string()))
}

/// Runs the editor through the shell, so `EDITOR="code --wait"` works.
fn run_editor(editor: &str, path: &Path) -> Result<()> {
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
