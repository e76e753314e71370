//! `notes event show [SLUG]`: an event and its days.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::render::show;

/// Show an event and its days
#[derive(Debug, Args)]
pub struct ShowEventArgs {
    /// The event's slug [default: the current event]
    slug: Option<String>,
}

pub fn run(args: ShowEventArgs, ctx: &mut Context) -> Result<()> {
    let slug = match args.slug {
        Some(slug) => ctx.existing_slug(&slug)?,
        None => ctx.event_slug()?,
    };
    let file = ctx.journal()?.load(&slug)?;
    ctx.ui.print(&show::event(&file.event, &file.sessions, ctx.lang()))
}
