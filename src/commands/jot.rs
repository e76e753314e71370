//! `notes jot`: append a line to the notes of the session the person is in.

use std::io::Read;

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, Kind, Lang, Session};
use crate::query::{JotTarget, Staleness, jot_target, planned_under_way};
use crate::render::local_time;
use crate::render::words::words;
use crate::store::EventDoc;

use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes jot \"Cluster mesh: CIDRs must not overlap, cluster ids unique\"
  notes jot Global services with one annotation      # quotes are optional
  notes jot --raw \"A whole paragraph, kept as written.\"
  pbpaste | notes jot -                              # text from stdin
  notes jot -i 12 \"one more thing about #12\"

Each jot becomes a list item (\"- …\") unless it already starts a Markdown
block. Without -i: the current session; once it is over, the one talk you
planned that is under way (it becomes current and attended); with no current
session, the day's \"Loose notes\".";

/// The most `jot -` reads: far more than any note, far less than memory.
const MAX_JOT: u64 = 16 * 1024 * 1024;

/// Append a line to the current session's notes
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct JotArgs {
    /// The text; `-` reads it from stdin ("- item" is text, not a flag)
    #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
    text: Vec<String>,

    /// Jot into this session instead of the current one (it becomes current)
    #[arg(short, long, value_name = "ID")]
    id: Option<u32>,

    /// Append the text verbatim as its own paragraph, not as a list item
    #[arg(long)]
    raw: bool,
}

pub fn run(args: JotArgs, ctx: &mut Context) -> Result<()> {
    let text = read_text(&args.text)?;
    let slug = ctx.event_slug()?;
    let now = ctx.now()?;
    let lang = ctx.lang();
    let jot = |session: &mut Session, _: &Event| {
        session.jot(&text, args.raw);
        Ok((session.title.clone(), session.mark_attended_if_begun(now)))
    };
    if let Some(id) = args.id {
        let (title, attended) = ctx.change_session(&slug, id, jot)?;
        return ctx.ui.print(&jotted(lang, id, &title, attended));
    }
    let current = ctx.state()?.current_session.get(&slug).copied();
    let (target, id, title, attended, event, current) = ctx.update_event(&slug, |doc| {
        let current = match current.map(|id| doc.session(id)).transpose() {
            // Current, but gone (deleted by hand): as if none were.
            Err(Error::UnknownSession { .. }) => None,
            current => current?,
        };
        let event = doc.event().clone();
        let planned = || Ok::<_, Error>(planned_under_way(&doc.planned_sessions(), now));
        let target = jot_target(current.as_ref(), &event, now, planned)?;
        let id = match (target, &current) {
            (JotTarget::Planned(id), _) => id,
            (JotTarget::Current | JotTarget::Stale(_), Some(current)) => current.id,
            _ => loose_notes(doc, event.nearest_day(now), lang)?,
        };
        let (title, attended) = doc.change_session(id, jot)?;
        if matches!(target, JotTarget::Planned(_)) {
            ctx.touch_session(&slug, id)?;
        }
        Ok((target, id, title, attended, event, current))
    })?;
    let done = jotted(lang, id, &title, attended);
    let title = sanitize_line(&title);
    match target {
        JotTarget::Current => ctx.ui.print(&done),
        JotTarget::Stale(why) => {
            ctx.ui.print(&done)?;
            let when = current.map(|s| stale_reason(lang, why, &s, &event)).unwrap_or_default();
            ctx.ui.warn(lang, &messages::jot_stale(lang, id, &when));
            Ok(())
        }
        JotTarget::Planned(_) => ctx.ui.print(&messages::jotted_to_planned(lang, id, &title)),
        JotTarget::Loose => ctx.ui.print(&messages::jotted_loose(lang, id, &title)),
    }
}

fn read_text(words: &[String]) -> Result<String> {
    let text = if words == ["-"] {
        let mut text = String::new();
        std::io::stdin()
            .take(MAX_JOT + 1)
            .read_to_string(&mut text)
            .map_err(|e| Error::io(messages::cannot_read, "stdin", e))?;
        if text.len() as u64 > MAX_JOT {
            return Err(Error::user(messages::stdin_too_big, messages::hint_smaller_jots));
        }
        text
    } else {
        words.join(" ")
    };
    if text.trim().is_empty() {
        return Err(Error::user(messages::nothing_to_jot, messages::hint_jot_example));
    }
    Ok(text)
}

fn jotted(lang: Lang, id: u32, title: &str, attended: bool) -> String {
    let title = sanitize_line(title);
    if attended { messages::jotted_now_attended(lang, id, &title) } else { messages::jotted(lang, id, &title) }
}

/// The id of `day`'s loose notes, a session made the first time.
fn loose_notes(doc: &mut EventDoc, day: u32, lang: Lang) -> Result<u32> {
    let is_loose = |s: &Session| s.day == day && s.kind == Kind::Other && s.schedule_id.is_none() && s.at.is_none();
    // Found by its title in either language: `--lang` may change between jots.
    let mine = words(lang).loose_notes;
    let titles = [mine, words(Lang::Fr).loose_notes, words(Lang::En).loose_notes];
    if let Some(found) = titles.iter().flat_map(|t| doc.sessions_titled(t)).find(is_loose) {
        return Ok(found.id);
    }
    let session = Session { id: doc.next_id()?, day, title: mine.to_string(), kind: Kind::Other, ..Session::default() };
    let id = session.id;
    doc.add_session(session)?;
    Ok(id)
}

/// "ended at 11:35", "is a session of day 1", "starts at 14:00".
fn stale_reason(lang: Lang, why: Staleness, session: &Session, event: &Event) -> String {
    match why {
        Staleness::EndedLongAgo => {
            messages::stale_ended_at(lang, &session.ends_at().map(|t| local_time(event, t)).unwrap_or_default())
        }
        Staleness::OtherDay => messages::stale_other_day(lang, session.day),
        Staleness::StartsLater => {
            messages::stale_starts_at(lang, &session.at.map(|t| local_time(event, t)).unwrap_or_default())
        }
    }
}
