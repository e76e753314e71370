//! `notes plan REF…`: mark programme talks to see. Also holds [`pick`],
//! which copies a programme talk into the user's file (for `add` too).

use clap::Args;

use crate::commands::Context;
use crate::error::{Error, Result};
use crate::model::{Session, Status, short_refs, text};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes list --schedule --day 2          # the programme, with each talk's reference
  notes plan 6d33 c3fc                   # copy those talks into your journal, status planned
  notes list --status planned --day 2    # tomorrow's plan

A reference is any unique start of the talk's schedule id, as `list --schedule` shows it.";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct PlanArgs {
    /// Talk references from `notes list --schedule`
    #[arg(required = true, value_name = "REF")]
    refs: Vec<String>,
}

pub fn run(args: PlanArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let event = ctx.journal.load(&slug)?.event;
    let programme = ctx.journal.programme(&event)?;
    if programme.is_empty() {
        return Err(Error::usage(format!("{slug} has no programme"), "import one first: notes import schedule.ics"));
    }
    let refs = short_refs(&programme);
    let talks = args.refs.iter().map(|r| resolve(r, &programme, &refs)).collect::<Result<Vec<_>>>()?;
    let mut lines = Vec::new();
    for talk in talks {
        let (id, _) = pick(ctx, &slug, talk, Status::Planned, |_, _| Ok(()))?;
        lines.push(format!("Planned #{id} {}", sanitize_line(&talk.title)));
    }
    ctx.ui.print(&lines.join("\n"))
}

/// The talk whose reference (or schedule id) starts with `wanted`.
fn resolve<'a>(wanted: &str, programme: &'a [Session], refs: &[String]) -> Result<&'a Session> {
    let wanted_key = wanted.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    let exact = refs.iter().position(|r| *r == wanted_key);
    let matches: Vec<usize> = match exact {
        Some(index) => vec![index],
        None => (0..programme.len())
            .filter(|&i| {
                let id = programme[i].schedule_id.as_deref().unwrap_or("");
                let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
                !wanted_key.is_empty() && id.starts_with(&wanted_key)
            })
            .collect(),
    };
    match matches.as_slice() {
        [index] => Ok(&programme[*index]),
        [] => Err(Error::usage(
            format!("no talk with reference '{wanted}' in the programme"),
            "notes list --schedule shows the references",
        )),
        several => Err(Error::usage(
            format!("'{wanted}' matches {} talks", several.len()),
            format!(
                "use more characters, e.g. {}",
                several.iter().take(3).map(|&i| refs[i].as_str()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// Copies `talk` into the user's file with `status` (or updates the session
/// already linked to it: a talk attended is never set back to planned),
/// lets `adjust` apply the user's own flags, and makes it the current
/// session. Returns its id and whether it is new.
pub fn pick(
    ctx: &Context,
    slug: &str,
    talk: &Session,
    status: Status,
    adjust: impl FnOnce(&mut Session, &crate::model::Event) -> Result<()>,
) -> Result<(u32, bool)> {
    let picked = ctx.update_event(slug, |doc| {
        let event = doc.event().clone();
        let linked = match talk.schedule_id.as_deref() {
            Some(id) => doc.session_linked_to(id)?,
            None => None,
        };
        match linked {
            Some(mut session) => {
                if !(status == Status::Planned && session.status == Status::Attended) {
                    session.status = status;
                }
                adjust(&mut session, &event)?;
                let id = session.id;
                doc.put_session(session)?;
                Ok((id, false))
            }
            None => {
                let mut session = Session { id: doc.next_id()?, status, ..talk.clone() };
                adjust(&mut session, &event)?;
                let id = session.id;
                doc.add_session(session);
                Ok((id, true))
            }
        }
    })?;
    ctx.touch_session(slug, picked.0)?;
    Ok(picked)
}

/// Programme talks under way at `now` or starting within 15 minutes, whose
/// room or title contains `filter` (ignoring case and accents), those under
/// way first. Breaks and day-long entries (badge pick-up, the expo hall)
/// are not talks and are left out.
pub fn running<'a>(programme: &'a [Session], now: chrono::DateTime<chrono::Utc>, filter: &str) -> Vec<&'a Session> {
    let soon = now + chrono::Duration::minutes(15);
    let filter = text::fold(filter.trim());
    let mut talks: Vec<&Session> = programme
        .iter()
        .filter(|t| t.kind != crate::model::Kind::Other)
        .filter(|t| {
            let Some(start) = t.at else { return false };
            let end = t.end.unwrap_or(start + chrono::Duration::minutes(45));
            (start <= soon && now < end && end - start <= chrono::Duration::hours(3))
                && (filter.is_empty()
                    || text::contains_folded(&t.title, &filter)
                    || t.room.as_deref().is_some_and(|r| text::contains_folded(r, &filter)))
        })
        .collect();
    talks.sort_by_key(|t| (t.at.is_some_and(|at| at > now), t.at));
    talks
}
