//! `notes event edit`: change an event with flags, or its file in `$EDITOR`.

use chrono::NaiveDate;
use clap::Args;

use super::check_dates;
use crate::args::parse_date;
use crate::context::Context;
use crate::editor::edit_text;
use crate::error::Result;
use crate::messages;
use crate::model::Zone;
use crate::store::parse_event_text;

/// Change an event with flags, or its whole file in $EDITOR
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  notes event edit --end 2024-03-22\n  notes event edit        # the event's file in $EDITOR, checked before saving"
)]
pub struct EditEventArgs {
    /// New name
    #[arg(long)]
    name: Option<String>,
    /// New first day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    start: Option<NaiveDate>,
    /// New last day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    end: Option<NaiveDate>,
    /// New location
    #[arg(long)]
    location: Option<String>,
    /// New time zone
    #[arg(long, value_name = "ZONE", value_parser = Zone::named)]
    tz: Option<Zone>,
    /// New web site
    #[arg(long)]
    url: Option<String>,
    /// Replace the tags (repeat for several)
    #[arg(short, long)]
    tag: Vec<String>,
}

pub fn run(args: EditEventArgs, ctx: &mut Context) -> Result<()> {
    let slug = ctx.event_slug()?;
    let no_flags = args.name.is_none()
        && args.start.is_none()
        && args.end.is_none()
        && args.location.is_none()
        && args.tz.is_none()
        && args.url.is_none()
        && args.tag.is_empty();
    if no_flags {
        return edit_file(&slug, ctx);
    }
    ctx.update_event(&slug, |doc| {
        let mut event = doc.event().clone();
        if let Some(name) = args.name {
            event.name = name;
        }
        event.start = args.start.unwrap_or(event.start);
        event.end = args.end.unwrap_or(event.end);
        if let Some(location) = args.location {
            event.location = Some(location).filter(|l| !l.trim().is_empty());
        }
        event.timezone = args.tz.unwrap_or(event.timezone);
        if let Some(url) = args.url {
            event.url = Some(url).filter(|u| !u.trim().is_empty());
        }
        if !args.tag.is_empty() {
            event.tags = args.tag;
        }
        check_dates(&event)?;
        doc.put_event(event)?;
        Ok(())
    })?;
    ctx.ui.print(&messages::updated_event(ctx.lang(), &slug))
}

/// The whole file in `$EDITOR`, saved only if it still parses and nobody
/// changed the file meanwhile.
fn edit_file(slug: &str, ctx: &mut Context) -> Result<()> {
    let journal = ctx.journal()?.clone();
    let old = journal.read_text(slug)?;
    let path = journal.event_path(slug);
    let Some(edit) =
        edit_text(ctx, &old, "toml", |text| parse_event_text(&path, slug, text).map(|_| text.to_string()))?
    else {
        return ctx.ui.print(&messages::no_changes(ctx.lang()));
    };
    edit.save(|new| journal.replace(slug, &old, &new))?;
    ctx.ui.print(&messages::updated_event(ctx.lang(), slug))
}
