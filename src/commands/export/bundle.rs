//! The pictures of an exported post: the journal's copies that the notes
//! link to, made web-sized (EXIF orientation applied, longest side
//! `--image-size`, no metadata left) beside the posts of `--per-day DIR`,
//! in a Hugo page bundle per day (`--bundle`: `DIR/<slug>-day-N/index.md`
//! and its pictures) or in `DIR/images/`, or beside the one post of
//! `--output FILE --bundle`; the links follow them. A post written without
//! `--bundle` to one file or stdout keeps its links to the journal's copies.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::media;
use crate::messages::{self, Text};
use crate::model::{Event, Session};
use crate::render::pictures::{image_links, rewrite_image_links};
use crate::store::{Journal, assets_folder, write_output};

/// How an export with pictures is laid out.
#[derive(Debug, Args)]
pub struct PictureArgs {
    /// With --per-day: a Hugo page bundle per day, DIR/<slug>-day-N/index.md with its pictures beside it; with --output FILE: the pictures beside FILE
    #[arg(long)]
    pub bundle: bool,

    /// Longest side of the exported pictures, in pixels (never enlarged)
    #[arg(long, value_name = "PIXELS", default_value_t = media::WEB_SIZE,
          value_parser = clap::value_parser!(u32).range(16..=20_000))]
    image_size: u32,

    /// Keep the photos' EXIF in the exported copies (camera, times, GPS position), left out by default
    #[arg(long)]
    keep_metadata: bool,
}

impl PictureArgs {
    /// Where day `day`'s post goes in `dir`.
    pub fn post_path(&self, dir: &Path, slug: &str, day: u32) -> PathBuf {
        if self.bundle {
            dir.join(format!("{slug}-day-{day}")).join("index.md")
        } else {
            dir.join(format!("{slug}-day-{day}.md"))
        }
    }
}

/// Where the pictures of an export go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// One post per day into a folder: a bundle per day, or `images/`.
    PerDay,
    /// One post written to a file, its pictures beside it.
    BesideThePost,
    /// The post links to the journal's copies.
    InTheJournal,
}

/// The pictures a set of posts shows, each from the journal to its place
/// beside the posts (a path relative to the export's folder).
#[derive(Debug, Default)]
pub struct Pictures {
    copies: Vec<(PathBuf, PathBuf)>,
    size: u32,
    keep_metadata: bool,
}

/// Finds the journal's pictures that `sessions` link to. Unless they stay
/// `InTheJournal` (then stderr says where they lead), the links are pointed
/// at the copies the export makes.
pub fn prepare(
    ctx: &Context,
    event: &Event,
    sessions: &[&Session],
    placement: Placement,
    args: &PictureArgs,
) -> Result<(Vec<Session>, Pictures)> {
    let (journal, lang, slug) = (ctx.journal()?, ctx.lang(), event.slug.as_str());
    let mut pictures = Pictures { copies: Vec::new(), size: args.image_size, keep_metadata: args.keep_metadata };
    let mut linked = 0;
    let mut sessions: Vec<Session> = sessions.iter().map(|s| (*s).clone()).collect();
    for session in &mut sessions {
        let links = image_links(&session.notes);
        if !links.iter().any(|l| journal.asset_path(slug, l).is_some()) {
            continue;
        }
        let place = |name: &str| match placement {
            Placement::PerDay if args.bundle => format!("{slug}-day-{}/{name}", session.day),
            Placement::BesideThePost => name.to_string(),
            _ => format!("images/{name}"),
        };
        let mut new_links = Vec::new();
        for link in links {
            let Some(source) = journal.asset_path(slug, &link) else { continue };
            if !source.is_file() {
                ctx.ui.warn(lang, &messages::picture_not_kept(lang, &link));
                continue;
            }
            linked += 1;
            let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let target = PathBuf::from(place(&name));
            if !pictures.copies.iter().any(|(_, t)| *t == target) {
                pictures.copies.push((source, target));
            }
            // From the post: beside it in a bundle, else in images/.
            let from_post = if args.bundle { name } else { format!("images/{name}") };

            new_links.push((link, from_post));
        }
        if placement != Placement::InTheJournal {
            session.notes = rewrite_image_links(&session.notes, |link| {
                new_links.iter().find(|(old, _)| old == link).map(|(_, new)| new.clone())
            });
        }
    }
    if placement == Placement::InTheJournal && linked > 0 {
        let dir = journal.dir().join(assets_folder(slug)).display().to_string();
        ctx.ui.status(&messages::pictures_link_journal(lang, linked, &dir));
    }
    Ok((sessions, pictures))
}

impl Pictures {
    /// Writes the web copies into `dir`, with a progress bar on a
    /// terminal; returns how many.
    pub fn write(&self, dir: &Path, ctx: &Context) -> Result<usize> {
        let journal: &Journal = ctx.journal()?;
        let bar = ctx.ui.progress(self.copies.len() as u64, &messages::resizing_pictures(ctx.lang()));
        for (source, target) in &self.copies {
            bar.inc(1);
            let bytes = journal.read_asset(source)?;
            let (copy, _) = media::web_copy(&bytes, self.size, self.keep_metadata).map_err(|problem| {
                let (what, why) = (source.display().to_string(), problem.text());
                Error::User {
                    message: Text::new(|lang| messages::picture_unusable(lang, &what, why.get(lang))),
                    hint: None,
                }
            })?;
            write_output(&dir.join(target), &copy)?;
        }
        bar.finish_and_clear();
        Ok(self.copies.len())
    }
}
