//! `notes photos`: file a folder of photos under the sessions they were
//! taken in, from the time in their EXIF.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::media::{self, Taken};
use crate::messages;
use crate::model::Event;
use crate::query::session_taken_in;
use crate::render::pictures::{image_links, image_markdown};
use crate::store::{asset_name, assets_folder, read_picture};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes photos ~/Pictures/kubecon-day-2 --dry-run   # where each would go
  notes photos ~/Pictures/kubecon-day-2
  notes photos DCIM/ --camera-offset +01:00         # camera an hour slow

Each JPEG or PNG of DIR (not its subfolders) goes to the session under way
when it was taken, read from its EXIF (DateTimeOriginal, with
OffsetTimeOriginal when the camera wrote one, else in the event's time
zone). One taken between talks goes to the nearest within 15 minutes;
farther from any, it is listed as unmatched and filed nowhere. Missed
talks and those left for the replay are never chosen.

A photo is copied into the journal like `notes attach` does, and its image
is added at the END of the session's notes (a photo has a time, a jot has
none: `notes edit ID` moves it). A photo already in its session is skipped,
so running it twice files nothing twice.";

/// File a folder of photos under the sessions they were taken in (EXIF time)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct PhotosArgs {
    /// The folder of photos
    #[arg(value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    folder: PathBuf,

    /// Print where each photo would go, and write nothing
    #[arg(long)]
    dry_run: bool,

    /// Add this to the camera's clock when it was wrong: +01:00 if it was an hour slow
    #[arg(long, value_name = "±HH:MM", allow_hyphen_values = true, value_parser = parse_camera_offset)]
    camera_offset: Option<TimeDelta>,
}

/// `+01:00`, `-00:05`, `1:30` (plus): what to add to the camera's times.
fn parse_camera_offset(input: &str) -> Result<TimeDelta> {
    let bad = || Error::BadValue { input: input.to_string(), message: messages::bad_camera_offset };
    let trimmed = input.trim();
    let (sign, rest) = match trimmed.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let (hours, minutes) = rest.split_once(':').ok_or_else(bad)?;
    let digits = |s: &str, widths: std::ops::RangeInclusive<usize>| {
        let ok = widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        if ok { s.parse::<i64>().ok() } else { None }
    };
    let hours = digits(hours, 1..=2).ok_or_else(bad)?;
    let minutes = digits(minutes, 2..=2).ok_or_else(bad)?;
    if minutes >= 60 || hours > 48 {
        return Err(bad());
    }
    Ok(TimeDelta::minutes(sign * (hours * 60 + minutes)))
}

/// What becomes of one photo.
enum Fate {
    /// To session `id`; `new` unless it is there already.
    Filed {
        id: u32,
        title: String,
        new: bool,
    },
    Unmatched {
        taken: String,
    },
    Undated,
}

pub fn run(args: PhotosArgs, ctx: &mut Context) -> Result<()> {
    let lang = ctx.lang();
    let files = files_in(&args.folder)?;
    let slug = ctx.event_slug()?;
    let journal = ctx.journal()?;
    // Read once: the sessions and what their notes already show.
    let file = journal.load(&slug)?;
    let correction = args.camera_offset.unwrap_or_default();
    let bar = ctx.ui.progress(files.len() as u64, &messages::reading_photos(lang));
    let (mut plan, mut skipped) = (Vec::new(), Vec::new());
    // Per session, the images to add, in the order the photos were taken.
    let mut additions: BTreeMap<u32, Vec<(DateTime<Utc>, String, String)>> = BTreeMap::new();
    for path in &files {
        bar.inc(1);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // One photo in memory at a time: a folder of a thousand is fine.
        let bytes = match read_picture(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                skipped.push((name, error.with_causes(lang)));
                continue;
            }
        };
        let format = match media::check(&bytes) {
            Ok(format) => format,
            Err(problem) => {
                skipped.push((name, problem.text().get(lang).to_string()));
                continue;
            }
        };
        let Some(taken) = media::taken(&bytes).and_then(|t| instant(t.corrected(correction), &file.event)) else {
            plan.push((name, Fate::Undated));
            continue;
        };
        let Some(session) = session_taken_in(&file.sessions, taken) else {
            let shown = file.event.timezone.local(&taken).format("%Y-%m-%d %H:%M").to_string();
            plan.push((name, Fate::Unmatched { taken: shown }));
            continue;
        };
        let link = format!("{}/{}", assets_folder(&slug), asset_name(&bytes, format));
        let queued = additions.get(&session.id).is_some_and(|list| list.iter().any(|(_, _, l)| *l == link));
        let new = !queued && !image_links(&session.notes).contains(&link);
        if new {
            if !args.dry_run {
                journal.keep_asset(&slug, &bytes, format)?;
            }
            additions.entry(session.id).or_default().push((taken, name.clone(), link));
        }
        plan.push((name, Fate::Filed { id: session.id, title: session.title.clone(), new }));
    }
    bar.finish_and_clear();
    if plan.is_empty() {
        for (name, why) in &skipped {
            ctx.ui.warn(lang, &messages::photo_skipped(lang, name, why));
        }
        let dir = args.folder.display().to_string();
        return Err(Error::user(|lang| messages::no_pictures_in(lang, &dir), messages::hint_attach_pictures));
    }
    // Then the notes, all in one change under the event's lock.
    if !args.dry_run && !additions.is_empty() {
        ctx.update_event(&slug, |doc| {
            for (id, mut images) in additions {
                images.sort();
                doc.change_session(id, |session, _| {
                    for (_, _, link) in images {
                        if !image_links(&session.notes).contains(&link) {
                            session.jot(&image_markdown("", &link), true);
                        }
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    }
    report(ctx, &plan, &skipped, args.dry_run)
}

/// The photo's moment: its own offset, else the event's zone.
fn instant(taken: Taken, event: &Event) -> Option<DateTime<Utc>> {
    let local: NaiveDateTime = taken.local;
    let at = match taken.offset {
        Some(offset) => offset.from_local_datetime(&local).single()?.fixed_offset(),
        None => event.timezone.from_local(local)?,
    };
    Some(at.with_timezone(&Utc))
}

/// The files of `dir`, by name; hidden ones and subfolders are not photos.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(messages::cannot_read_dir, dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(messages::cannot_read_dir, dir, e))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

fn report(ctx: &Context, plan: &[(String, Fate)], skipped: &[(String, String)], dry_run: bool) -> Result<()> {
    let lang = ctx.lang();
    let mut lines = String::new();
    for (name, fate) in plan {
        let name = sanitize_line(name);
        let line = match fate {
            Fate::Filed { id, title, new: true } => messages::photo_to_session(lang, &name, *id, &sanitize_line(title)),
            Fate::Filed { id, title, new: false } => {
                messages::photo_already_in(lang, &name, *id, &sanitize_line(title))
            }
            Fate::Unmatched { taken } => messages::photo_unmatched(lang, &name, taken),
            Fate::Undated => messages::photo_undated(lang, &name),
        };
        lines.push_str(&line);
        lines.push('\n');
    }
    ctx.ui.print(&lines)?;
    for (name, why) in skipped {
        ctx.ui.warn(lang, &messages::photo_skipped(lang, &sanitize_line(name), why));
    }
    if dry_run {
        ctx.ui.status(&messages::photos_dry_run(lang));
        return Ok(());
    }
    let count = |keep: fn(&Fate) -> bool| plan.iter().filter(|(_, f)| keep(f)).count();
    let filed = count(|f| matches!(f, Fate::Filed { new: true, .. }));
    let already = count(|f| matches!(f, Fate::Filed { new: false, .. }));
    let unmatched = count(|f| matches!(f, Fate::Unmatched { .. } | Fate::Undated));
    let mut sessions: Vec<u32> = plan
        .iter()
        .filter_map(|(_, f)| if let Fate::Filed { id, new: true, .. } = f { Some(*id) } else { None })
        .collect();
    sessions.sort_unstable();
    sessions.dedup();
    ctx.ui.status(&messages::photos_filed(lang, filed, sessions.len(), already, unmatched));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camera_offsets_read_as_written() {
        assert_eq!(parse_camera_offset("+01:00").unwrap(), TimeDelta::hours(1));
        assert_eq!(parse_camera_offset("-00:05").unwrap(), TimeDelta::minutes(-5));
        assert_eq!(parse_camera_offset("2:30").unwrap(), TimeDelta::minutes(150));
        for bad in ["", "1", "+1:5", "01:60", "+a:00", "99:00", "+01:00:00"] {
            assert!(parse_camera_offset(bad).is_err(), "{bad}");
        }
    }
}
