//! `notes team init [REMOTE]`: the journal becomes a team's git repository.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::ui::sanitize_line;

/// Share this journal: make it a git repository the team syncs with
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The team's git remote (a URL or a path), where notes sync pushes
    remote: Option<String>,

    /// Your name, as the post credits it [default: author in config]
    #[arg(long)]
    author: Option<String>,
}

pub fn run(args: InitArgs, ctx: &mut Context) -> Result<()> {
    let author = super::author(args.author, ctx)?;
    let lang = ctx.lang();
    ctx.journal()?.team_init(&author, args.remote.as_deref(), lang)?;
    let dir = ctx.journal_dir().display().to_string();
    let dir = sanitize_line(&dir);
    ctx.ui.print(&messages::team_ready(lang, &dir, &sanitize_line(&author)))
}
