//! One module per subcommand, each with its arguments and `run`; groups of
//! subcommands (`event`, `export`) are folders. This file holds the command
//! enum and the one dispatch `match`. A command imports only lower floors
//! (context, store, query, render, model…), never another command.

mod add;
mod attach;
mod completions;
mod day;
mod edit;
mod event;
mod export;
mod filter;
mod import;
mod jot;
mod list;
mod man;
mod next;
mod now;
mod path;
mod photos;
mod plan;
mod rm;
mod show;
mod sync;
mod team;
mod unplan;
mod verdict;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

/// The subcommands, in the order of a conference: before, during, after.
/// Each one's help summary is the doc comment of its Args struct.
#[derive(Debug, Subcommand)]
pub enum Command {
    Event(event::EventArgs),
    Day(day::DayArgs),
    Import(import::ImportArgs),
    Plan(plan::PlanArgs),
    Unplan(unplan::UnplanArgs),
    Add(add::AddArgs),
    Jot(jot::JotArgs),
    Attach(attach::AttachArgs),
    Photos(photos::PhotosArgs),
    Verdict(verdict::VerdictArgs),
    Now(now::NowArgs),
    Next(next::NextArgs),
    Show(show::ShowArgs),
    Edit(edit::EditArgs),
    Rm(rm::RmArgs),
    #[command(alias = "ls")]
    List(list::ListArgs),
    #[command(alias = "search")]
    Filter(filter::FilterCmdArgs),
    Export(export::ExportArgs),
    Sync(sync::SyncArgs),
    Team(team::TeamArgs),
    Path(path::PathArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

pub fn run(command: Command, ctx: &mut Context) -> Result<()> {
    match command {
        Command::Event(args) => event::run(args, ctx),
        Command::Day(args) => day::run(args, ctx),
        Command::Import(args) => import::run(args, ctx),
        Command::Plan(args) => plan::run(args, ctx),
        Command::Unplan(args) => unplan::run(args, ctx),
        Command::Add(args) => add::run(args, ctx),
        Command::Jot(args) => jot::run(args, ctx),
        Command::Attach(args) => attach::run(args, ctx),
        Command::Photos(args) => photos::run(args, ctx),
        Command::Verdict(args) => verdict::run(args, ctx),
        Command::Now(args) => now::run(args, ctx),
        Command::Next(args) => next::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Edit(args) => edit::run(args, ctx),
        Command::Rm(args) => rm::run(args, ctx),
        Command::List(args) => list::run(args, ctx),
        Command::Filter(args) => filter::run(args, ctx),
        Command::Export(args) => export::run(args, ctx),
        Command::Sync(args) => sync::run(args, ctx),
        Command::Team(args) => team::run(args, ctx),
        Command::Path(args) => path::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man(args) => man::run(args, ctx),
    }
}
