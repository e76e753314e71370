//! `notes event use SLUG`: make an event the current one.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;

/// Make an event the current one
#[derive(Debug, Args)]
pub struct UseEventArgs {
    /// The event's slug, as `notes event list` shows it
    slug: String,
}

pub fn run(args: UseEventArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.existing_slug(&args.slug)?;
    ctx.set_current_event(&slug)?;
    ctx.ui.print(&messages::current_event(ctx.lang(), &slug))
}
