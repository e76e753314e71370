//! `notes attach`: keep pictures in the journal and link them from a
//! session's notes, where the jots have got to.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::media::{self, Problem};
use crate::messages::{self, Text};
use crate::render::pictures::{image_links, image_markdown};
use crate::store::read_picture;
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes attach slide.jpg                       # to the current session
  notes attach arch.png --caption \"The architecture\"
  notes attach -i 12 stage.jpg team.jpg

Each picture is copied into the journal, beside the event's file
(<event>.assets/, named by its content; the original is never changed),
and a Markdown image joins the session's notes after what was jotted so
far: ![caption](<event>.assets/3f9c0a1b2c3d4e5f.jpg). The caption is the
image's alt text in the post. JPEG and PNG only (read from the content,
not the name), 50 MB at most; a picture already attached to the session
is not attached again. `notes photos DIR` files a whole folder.";

/// Attach pictures (slides, diagrams, the stage) to a session's notes
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct AttachArgs {
    /// The pictures, JPEG or PNG
    #[arg(required = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    files: Vec<PathBuf>,

    /// Attach to this session instead of the current one (it becomes current)
    #[arg(short, long, value_name = "ID")]
    id: Option<u32>,

    /// The caption, the image's alt text in the post
    #[arg(long, value_name = "TEXT")]
    caption: Option<String>,
}

pub fn run(args: AttachArgs, ctx: &mut Context) -> Result<()> {
    // Every picture read and checked before anything is written: one bad
    // file and nothing changes.
    let mut pictures = Vec::new();
    for path in &args.files {
        let bytes = read_picture(path)?;
        let format = media::check(&bytes).map_err(|problem| refused(path, &problem))?;
        pictures.push((path, bytes, format));
    }
    let slug = ctx.event_slug()?;
    let id = ctx.session_id(&slug, args.id)?;
    let journal = ctx.journal()?;
    // An unknown session is said before a picture is copied.
    journal.load(&slug)?.session(id)?;
    // The pictures first, whole: a crash before the notes change leaves a
    // file nothing links to, never a link to nothing.
    let assets = pictures
        .iter()
        .map(|(_, bytes, format)| journal.keep_asset(&slug, bytes, *format))
        .collect::<Result<Vec<_>>>()?;
    let caption = args.caption.as_deref().unwrap_or_default();
    let (title, added) = ctx.change_session(&slug, id, |session, _| {
        let added: Vec<bool> = assets
            .iter()
            .map(|asset| {
                let new = !image_links(&session.notes).contains(&asset.link);
                if new {
                    session.jot(&image_markdown(caption, &asset.link), true);
                }
                new
            })
            .collect();
        Ok((session.title.clone(), added))
    })?;
    let (lang, title) = (ctx.lang(), sanitize_line(&title));
    for ((path, ..), added) in pictures.iter().zip(added) {
        let file = path.display().to_string();
        let file = sanitize_line(&file);
        let line = if added {
            messages::attached(lang, &file, id, &title)
        } else {
            messages::already_attached(lang, &file, id, &title)
        };
        ctx.ui.print(&line)?;
    }
    Ok(())
}

/// `path` is not a picture notes can keep, and why.
fn refused(path: &Path, problem: &Problem) -> Error {
    let (path, problem) = (path.display().to_string(), problem.text());
    Error::User {
        message: Text::new(|lang| messages::labelled(lang, &path, problem.get(lang))),
        hint: Some(Text::new(messages::hint_attach_pictures)),
    }
}
