//! `notes sync`: share your notes with the team and take theirs.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;

const AFTER_HELP: &str = "\
Commits what changed in this clone, fetches the others' commits, merges
them (event files by meaning: nobody's notes conflict) and pushes, trying
again if someone pushed first. Offline, the commit waits for the next sync.
A sync that was killed is undone and done again.";

/// Share your notes with the team (a team journal: see notes team)
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct SyncArgs {}

pub fn run(_args: SyncArgs, ctx: &mut Context) -> Result<()> {
    let lang = ctx.lang();
    let report = ctx.journal()?.sync(lang)?;
    if report.recovered {
        ctx.ui.status(&messages::sync_recovered(lang));
    }
    let said = if report.no_remote {
        messages::synced_no_remote(lang)
    } else if report.offline {
        messages::synced_offline(lang)
    } else {
        messages::synced(lang, report.received)
    };
    ctx.ui.print(&said)
}
