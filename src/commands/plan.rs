//! `notes plan REF…`: mark talks of the schedule to see.

use clap::Args;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::model::{Session, Status, short_refs};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes list --schedule --day 2          # the schedule, with each talk's reference
  notes plan 6d33 c3fc                   # copy those talks into your journal, status planned
  notes list --status planned --day 2    # tomorrow's plan

A reference is any unique start of the talk's schedule id, as `list --schedule` shows it.";

/// Mark scheduled talks you want to see (copied into your journal)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct PlanArgs {
    /// Talk references from `notes list --schedule`
    #[arg(required = true, value_name = "REF")]
    refs: Vec<String>,
}

pub fn run(args: PlanArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let event = ctx.journal()?.load(&slug)?.event;
    let schedule = ctx.journal()?.schedule(&event)?;
    if schedule.is_empty() {
        return Err(Error::user(format!("{slug} has no schedule"), "import one first: notes import schedule.ics"));
    }
    let refs = short_refs(&schedule);
    let talks = args.refs.iter().map(|r| resolve(r, &schedule, &refs)).collect::<Result<Vec<_>>>()?;
    let mut lines = Vec::new();
    for talk in talks {
        // Planning is not being there: the current session stays.
        let (id, _) = ctx.update_event(&slug, |doc| doc.pick(talk, Status::Planned, |_, _| Ok(())))?;
        lines.push(format!("Planned #{id} {}", sanitize_line(&talk.title)));
    }
    ctx.ui.print(&lines.join("\n"))
}

/// The talk whose reference (or schedule id) starts with `wanted`.
fn resolve<'a>(wanted: &str, schedule: &'a [Session], refs: &[String]) -> Result<&'a Session> {
    let wanted_key = wanted.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    let exact = refs.iter().position(|r| *r == wanted_key);
    let matches: Vec<usize> = match exact {
        Some(index) => vec![index],
        None => (0..schedule.len())
            .filter(|&i| {
                let id = schedule[i].schedule_id.as_deref().unwrap_or("");
                let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
                !wanted_key.is_empty() && id.starts_with(&wanted_key)
            })
            .collect(),
    };
    match matches.as_slice() {
        [index] => Ok(&schedule[*index]),
        [] => Err(Error::user(
            format!("no talk with reference '{wanted}' in the schedule"),
            "notes list --schedule shows the references",
        )),
        several => Err(Error::user(
            format!("'{wanted}' matches {} talks", several.len()),
            format!(
                "use more characters, e.g. {}",
                several.iter().take(3).map(|&i| refs[i].as_str()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}
