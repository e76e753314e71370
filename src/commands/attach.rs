//! `notes attach`: keep pictures in the journal and link them from a
//! session's notes, where the jots have got to.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::context::{Context, stale_warning};
use crate::error::{Error, Result};
use crate::media::{self, Problem};
use crate::messages::{self, Text};
use crate::model::{Event, Session};
use crate::query::JotTarget;
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
    let journal = ctx.journal()?;
    // An unknown session is said before a picture is copied.
    if let Some(id) = args.id {
        journal.load(&slug)?.session(id)?;
    }
    // The pictures first, whole: a crash before the notes change leaves a
    // file nothing links to, never a link to nothing.
    let assets = pictures
        .iter()
        .map(|(_, bytes, format)| journal.keep_asset(&slug, bytes, *format))
        .collect::<Result<Vec<_>>>()?;
    let caption = args.caption.as_deref().unwrap_or_default();
    let now = ctx.now()?;
    let link = |session: &mut Session, _: &Event| {
        // A picture of a planned talk whose time has come: the person is there.
        session.mark_attended_if_begun(now);
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
    };
    // Without -i, a picture goes where a jot would: the current session,
    // the one planned talk under way once it is over, the day's loose notes.
    let (id, (title, added), filed) = match args.id {
        Some(id) => (id, ctx.change_session(&slug, id, link)?, None),
        None => ctx.update_event(&slug, |doc| {
            let (target, id, current) = ctx.note_target(&slug, doc, now)?;
            let result = doc.change_session(id, link)?;
            Ok((id, result, Some((target, current, doc.event().clone()))))
        })?,
    };
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
    match filed {
        Some((JotTarget::Stale(why), current, event)) => {
            ctx.ui.warn(lang, &stale_warning(lang, id, why, current.as_ref(), &event));
        }
        Some((JotTarget::Planned(_), ..)) => ctx.ui.status(&messages::filed_following_plan(lang, id, &title)),
        Some((JotTarget::Loose, ..)) => ctx.ui.status(&messages::filed_loose(lang, id, &title)),
        _ => {}
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
