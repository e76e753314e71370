//! `notes team init|join|plan`: a journal shared by a team through git; `notes
//! team merge` is the merge driver git calls. `notes sync` is its own
//! command (`commands/sync.rs`): it is what people type every day.

mod init;
mod join;
mod merge;
mod plan;

use clap::{Args, Subcommand};

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;

const AFTER_HELP: &str = "\
Examples:
  notes team init --author \"Léa Moreau\" git@example.org:team/kc.git
  notes --dir ~/kc team join git@example.org:team/kc.git --author \"Paul Martin\"
  notes sync          # commit your notes, take the others', push
  notes team plan --day 2   # who goes where, and the keynotes nobody covers

Everyone writes in their own clone; notes sync merges event files by
meaning: sessions by identity, notes as text. State, locks and the clone's
author (hidden files) are never shared.";

/// Share the journal with a team through git
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct TeamArgs {
    #[command(subcommand)]
    action: TeamAction,
}

#[derive(Debug, Subcommand)]
enum TeamAction {
    Init(init::InitArgs),
    Join(join::JoinArgs),
    Plan(plan::PlanArgs),
    #[command(hide = true)]
    Merge(merge::MergeArgs),
}

pub fn run(args: TeamArgs, ctx: &mut Context) -> Result<()> {
    match args.action {
        TeamAction::Init(args) => init::run(args, ctx),
        TeamAction::Join(args) => join::run(args, ctx),
        TeamAction::Plan(args) => plan::run(args, ctx),
        TeamAction::Merge(args) => merge::run(args, ctx),
    }
}

/// `--author`, else `author` in config: the name under which this clone's
/// sessions are written.
fn author(flag: Option<String>, ctx: &Context) -> Result<String> {
    let configured = || ctx.config().ok().and_then(|c| c.author.clone());
    match flag.or_else(configured).map(|a| a.trim().to_string()).filter(|a| !a.is_empty()) {
        // Git refuses a committer name of signs only, and so would a reader.
        Some(author) if author.chars().any(char::is_alphanumeric) && !author.contains(['\n', '<', '>']) => Ok(author),
        Some(author) => Err(Error::usage(move |lang| messages::not_a_name(lang, &author), messages::hint_team_author)),
        None => Err(Error::usage(messages::team_needs_author, messages::hint_team_author)),
    }
}
