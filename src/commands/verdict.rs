//! `notes verdict [ID] VERDICT`.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::model::{Event, Session};
use crate::ui::sanitize_line;

const AFTER_HELP: &str = "\
Examples:
  notes verdict meh
  notes verdict \"à tester\"   # a label works too, in any case, accents or not
  notes verdict 12 top

Built-in verdicts: top (Coup de cœur / Must-see), good (Bien / Good),
meh (Meh), to-try (À tester / To try). Add your own in config.toml:
  [[verdicts]]
  key = \"wow\"
  fr = \"Waouh\"
  en = \"Wow\"";

/// Give a verdict to the current session (or to ID)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP, override_usage = "notes verdict [OPTIONS] [ID] <VERDICT>...")]
pub struct VerdictArgs {
    /// [ID] VERDICT: the session (default: the current one) and the verdict
    #[arg(required = true, num_args = 1.., value_name = "VERDICT")]
    words: Vec<String>,
}

pub fn run(args: VerdictArgs, ctx: &mut Context) -> Result<()> {
    let (id, verdict) = match args.words.split_first() {
        Some((first, rest)) if !rest.is_empty() && first.parse::<u32>().is_ok() => {
            (first.parse::<u32>().ok(), rest.join(" "))
        }
        _ => (None, args.words.join(" ")),
    };
    let verdict = ctx.vocabulary()?.resolve(&verdict)?.clone();
    let slug = ctx.event_slug()?;
    let now = ctx.now()?;
    let give = |session: &mut Session, _: &Event| {
        session.verdict = Some(verdict.key.clone());
        Ok((session.title.clone(), session.mark_attended_if_begun(now)))
    };
    // A verdict on an earlier talk leaves the current session alone: the
    // next jot still goes to the talk under way.
    let (id, (title, attended)) = match id {
        Some(id) => (id, ctx.update_event(&slug, |doc| doc.change_session(id, give))?),
        None => {
            let id = ctx.session_id(&slug, None)?;
            (id, ctx.change_session(&slug, id, give)?)
        }
    };
    let lang = ctx.lang();
    let (label, title) = (sanitize_line(verdict.label(lang)), sanitize_line(&title));
    ctx.ui.print(&if attended {
        messages::verdict_given_now_attended(lang, id, &title, &label)
    } else {
        messages::verdict_given(lang, id, &title, &label)
    })
}
