//! `notes event add|list|use|show|edit`: one file per subcommand.

mod add;
mod edit;
mod list;
mod show;
mod use_event;

use clap::{Args, Subcommand};

use crate::context::Context;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, dates_problem};

/// Create, list, select and edit events (conferences)
#[derive(Debug, Args)]
pub struct EventArgs {
    #[command(subcommand)]
    action: EventAction,
}

#[derive(Debug, Subcommand)]
enum EventAction {
    Add(add::AddEventArgs),
    #[command(alias = "ls")]
    List(list::ListEventsArgs),
    Use(use_event::UseEventArgs),
    Show(show::ShowEventArgs),
    Edit(edit::EditEventArgs),
}

pub fn run(args: EventArgs, ctx: &mut Context) -> Result<()> {
    match args.action {
        EventAction::Add(args) => add::run(args, ctx),
        EventAction::List(args) => list::run(args, ctx),
        EventAction::Use(args) => use_event::run(args, ctx),
        EventAction::Show(args) => show::run(args, ctx),
        EventAction::Edit(args) => edit::run(args, ctx),
    }
}

/// The event's dates make sense: the end not before the start, and not a
/// year away.
fn check_dates(event: &Event) -> Result<()> {
    match dates_problem(event.start, event.end) {
        Some(problem) => Err(Error::user(|lang| problem.get(lang).to_string(), messages::hint_end_is_last_day)),
        None => Ok(()),
    }
}
