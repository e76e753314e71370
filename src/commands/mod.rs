//! One module per subcommand, each with its arguments and `run`. This file
//! holds the command enum, the one dispatch `match`, and the [`Context`]
//! every command receives.

mod add;
mod completions;
mod day;
mod edit;
mod event;
mod export;
mod filter;
mod import;
mod jot;
mod list;
mod path;
mod plan;
mod rm;
mod show;
mod verdict;

use chrono::{DateTime, Utc};
use clap::Subcommand;

use crate::cli::FilterArgs;
use crate::error::{Error, Result};
use crate::model::{Lang, Vocabulary, text};
use crate::prompt::Prompt;
use crate::query::Query;
use crate::render::table::TableStyle;
use crate::store::{Config, EventDoc, EventFile, Journal, state};
use crate::ui::Ui;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, select and edit events (conferences)
    Event(event::EventArgs),
    /// Set a day's label, intro and conclusion (for the day's post)
    Day(day::DayArgs),
    /// Load a conference schedule (.ics, schedule.json, schedule.xml)
    Import(import::ImportArgs),
    /// Mark programme talks you want to see (copied into your journal)
    Plan(plan::PlanArgs),
    /// Add a session (talk, keynote…) and make it the current one
    Add(add::AddArgs),
    /// Append a line to the current session's notes
    Jot(jot::JotArgs),
    /// Give a verdict to the current session (or to ID)
    Verdict(verdict::VerdictArgs),
    /// Show everything about a session
    Show(show::ShowArgs),
    /// Change a session with flags, or in $EDITOR
    Edit(edit::EditArgs),
    /// Delete a session
    Rm(rm::RmArgs),
    /// List sessions as a table
    #[command(alias = "ls")]
    List(list::ListArgs),
    /// Search every event's sessions and notes
    Filter(filter::FilterCmdArgs),
    /// Turn notes into a blog-post draft (md) or JSON
    Export(export::ExportArgs),
    /// Show where the journal and the configuration live
    Path,
    /// Print shell completions
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// What every command gets: the journal, the configuration, the clock, the
/// output and the prompt.
pub struct Context {
    pub journal: Journal,
    pub config: Config,
    pub config_path: std::path::PathBuf,
    pub vocabulary: Vocabulary,
    /// "Now", read once (from `NOTES_NOW` or the system clock).
    pub now: DateTime<Utc>,
    pub lang: Lang,
    pub ui: Ui,
    pub prompt: Box<dyn Prompt>,
    /// `--event`, if given.
    pub event_flag: Option<String>,
    /// The journal's state, read at most once.
    pub state: std::cell::OnceCell<state::State>,
}

pub fn run(command: Command, ctx: &mut Context) -> Result<()> {
    match command {
        Command::Event(args) => event::run(args, ctx),
        Command::Day(args) => day::run(args, ctx),
        Command::Add(args) => add::run(args, ctx),
        Command::Jot(args) => jot::run(args, ctx),
        Command::Verdict(args) => verdict::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Edit(args) => edit::run(args, ctx),
        Command::Rm(args) => rm::run(args, ctx),
        Command::List(args) => list::run(args, ctx),
        Command::Filter(args) => filter::run(args, ctx),
        Command::Export(args) => export::run(args, ctx),
        Command::Import(args) => import::run(args, ctx),
        Command::Plan(args) => plan::run(args, ctx),
        Command::Path => path::run(ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man => completions::man(ctx),
    }
}

impl Command {
    /// Commands that must work even when config.toml is broken.
    pub fn works_without_config(&self) -> bool {
        matches!(self, Command::Path | Command::Completions(_) | Command::Man)
    }
}

impl Context {
    /// The event to work on: `--event`, else the current one, else the only one.
    pub fn event_slug(&self) -> Result<String> {
        if let Some(slug) = &self.event_flag {
            return self.existing_slug(slug);
        }
        if let Some(slug) = self.state()?.current_event.clone().filter(|s| self.journal.exists(s)) {
            return Ok(slug);
        }
        match self.journal.slugs()?.as_slice() {
            [only] => Ok(only.clone()),
            events => Err(Error::NoCurrentEvent { events: events.to_vec() }),
        }
    }

    /// `slug` if such an event exists, else an error with a suggestion.
    pub fn existing_slug(&self, slug: &str) -> Result<String> {
        if text::is_event_slug(slug) && self.journal.exists(slug) {
            return Ok(slug.to_string());
        }
        let slugs = self.journal.slugs()?;
        Err(Error::UnknownEvent {
            slug: slug.to_string(),
            suggestion: text::suggest(slug, slugs.iter().map(String::as_str)),
        })
    }

    pub fn load_event(&self) -> Result<EventFile> {
        self.journal.load(&self.event_slug()?)
    }

    /// Changes an event under its lock, telling the user if another notes
    /// process makes us wait.
    pub fn update_event<T>(&self, slug: &str, change: impl FnOnce(&mut EventDoc) -> Result<T>) -> Result<T> {
        let ui = self.ui.clone();
        self.journal.update(slug, move || ui.status("waiting for another notes process to finish writing…"), change)
    }

    /// The session `id`, or the current session of the event.
    pub fn session_id(&self, slug: &str, id: Option<u32>) -> Result<u32> {
        if let Some(id) = id {
            return Ok(id);
        }
        self.state()?
            .current_session
            .get(slug)
            .copied()
            .ok_or_else(|| Error::NoCurrentSession { event: slug.to_string() })
    }

    /// The journal's state (current event and sessions), read once.
    pub fn state(&self) -> Result<&state::State> {
        if let Some(state) = self.state.get() {
            return Ok(state);
        }
        let state = state::load(self.journal.dir())?;
        Ok(self.state.get_or_init(|| state))
    }

    /// Remembers `id` as the session that `jot` and `verdict` go to.
    pub fn touch_session(&self, slug: &str, id: u32) -> Result<()> {
        if self.state()?.current_session.get(slug) == Some(&id) {
            return Ok(());
        }
        state::update(self.journal.dir(), |state| {
            state.current_session.insert(slug.to_string(), id);
        })
    }

    pub fn table_style(&self) -> TableStyle<'_> {
        TableStyle { vocabulary: &self.vocabulary, lang: self.lang, width: self.ui.width }
    }

    /// Turns filter flags into a [`Query`], resolving verdicts.
    pub fn query(&self, args: &FilterArgs) -> Result<Query> {
        let verdicts =
            args.verdict.iter().map(|v| self.vocabulary.resolve(v).map(|v| v.key.clone())).collect::<Result<_>>()?;
        let query = Query {
            days: args.day.clone(),
            kinds: args.kind.clone(),
            verdicts,
            statuses: args.status.clone(),
            tags: args.tag.iter().map(|t| text::fold(t)).collect(),
            speaker: args.speaker.as_deref().map(text::fold),
            words: Vec::new(),
        };
        Ok(query.with_words(args.search.iter()))
    }
}
