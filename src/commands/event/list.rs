//! `notes event list`: the events of the journal.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::messages;
use crate::model::Event;
use crate::render::{json, table};

/// List the events of the journal (* marks the current one)
#[derive(Debug, Args)]
pub struct ListEventsArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,
}

pub fn run(args: ListEventsArgs, ctx: &mut Context) -> Result<()> {
    let current = ctx.state()?.current_event.clone();
    let files = ctx.load_all()?;
    if args.json {
        let events: Vec<_> = files.iter().map(|f| event_json(&f.event, f.sessions.len())).collect();
        return ctx.ui.print(&json::to_string(&events));
    }
    if files.is_empty() {
        ctx.ui.status(&messages::no_events_yet(ctx.lang()));
        return Ok(());
    }
    let lines: Vec<_> = files
        .iter()
        .map(|f| table::EventLine {
            event: &f.event,
            sessions: f.sessions.len(),
            current: current.as_deref() == Some(f.event.slug.as_str()),
        })
        .collect();
    ctx.ui.print(&table::events(&lines, &ctx.table_style()?))
}

fn event_json(event: &Event, sessions: usize) -> serde_json::Value {
    let mut json = json::event_summary(event);
    json.insert("sessions".into(), sessions.into());
    json.into()
}
