//! `notes team join REMOTE`: a clone of the team's journal.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::store::Journal;
use crate::ui::sanitize_line;

/// Join a team's journal: clone it into the journal folder (new or empty)
#[derive(Debug, Args)]
pub struct JoinArgs {
    /// The team's git remote (a URL or a path)
    remote: String,

    /// Your name, as the post credits it [default: author in config]
    #[arg(long)]
    author: Option<String>,
}

pub fn run(args: JoinArgs, ctx: &mut Context) -> Result<()> {
    let author = super::author(args.author, ctx)?;
    // The folder does not exist yet: no check of the journal before.
    Journal::new(ctx.journal_dir()).team_join(&args.remote, &author)?;
    let dir = ctx.journal_dir().display().to_string();
    let dir = sanitize_line(&dir);
    ctx.ui.print(&messages::team_joined(ctx.lang(), &dir, &sanitize_line(&author)))
}
