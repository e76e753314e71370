//! `notes event add`: a new event, made the current one.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use clap::Args;

use super::check_dates;
use crate::args::parse_date;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, Zone, text};

/// Create an event and make it the current one
#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22 \\\n      --location Paris --tz Europe/Paris"
)]
pub struct AddEventArgs {
    /// The event's name, e.g. "KubeCon Europe 2024"
    name: String,
    /// First day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date)]
    start: NaiveDate,
    /// Last day (YYYY-MM-DD) [default: the start date]
    #[arg(long, value_parser = parse_date)]
    end: Option<NaiveDate>,
    /// City or venue; leave out for an online event
    #[arg(long)]
    location: Option<String>,
    /// IANA time zone of the venue, e.g. Europe/Paris [default: $TZ, then the system's]
    #[arg(long, value_name = "ZONE", value_parser = Zone::named)]
    tz: Option<Zone>,
    /// The event's web site
    #[arg(long)]
    url: Option<String>,
    /// A tag for the event (repeat for several)
    #[arg(short, long)]
    tag: Vec<String>,
    /// File name of the event [default: from the name, e.g. kubecon-europe-2024]
    #[arg(long)]
    slug: Option<String>,
}

pub fn run(args: AddEventArgs, ctx: &mut Context) -> Result<()> {
    let name = args.name.trim().to_string();
    let slug = match args.slug {
        Some(slug) if text::is_event_slug(&slug) => slug,
        Some(slug) => {
            let suggestion = text::event_slug(&slug);
            return Err(Error::usage(
                |lang| messages::invalid_slug(lang, &slug),
                |lang| match suggestion.as_str() {
                    "" => messages::slug_rule(lang),
                    suggestion => messages::slug_rule_example(lang, suggestion),
                },
            ));
        }
        None => text::event_slug(&name),
    };
    if slug.is_empty() {
        return Err(Error::user(|lang| messages::no_file_name(lang, &name), messages::hint_pass_slug));
    }
    let event = Event {
        slug,
        name,
        location: args.location.filter(|l| !l.trim().is_empty()),
        start: args.start,
        end: args.end.unwrap_or(args.start),
        timezone: args.tz.unwrap_or_else(system_timezone),
        url: args.url,
        tags: args.tag,
        days: BTreeMap::new(),
    };
    check_dates(&event)?;
    ctx.journal()?.create(&event)?;
    ctx.set_current_event(&event.slug)?;
    ctx.ui.print(&messages::created_event(
        ctx.lang(),
        &event.slug,
        &event.start.to_string(),
        &event.end.to_string(),
        event.day_count(),
        event.timezone.name(),
    ))
}

/// `$TZ` when it names an IANA zone, else the system's zone, else UTC.
fn system_timezone() -> Zone {
    std::env::var("TZ")
        .ok()
        .and_then(|tz| Zone::parse(tz.trim_start_matches(':')))
        .or_else(Zone::system)
        .unwrap_or(Zone::UTC)
}
