//! What every command receives: the journal, the configuration, the clock,
//! the language, the output and the prompt, with the few journal services
//! that several commands share (which event, which session, the state).
//!
//! Each part is made the first time a command asks for it: a command pays
//! only for what it uses, and a broken clock (`NOTES_NOW`), config or
//! journal path fails only the commands that need it, never `notes path`
//! or `notes completions`.

use std::cell::{Cell, OnceCell};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::clock;
use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Event, EventFile, Filter, Kind, Lang, Session, Vocabulary, short_refs, text};
use crate::prompt::{NoPrompt, Prompt, TerminalPrompt};
use crate::query::{JotTarget, Staleness, find_by_reference, jot_target, planned_under_way};
use crate::render::local_time;
use crate::render::table::TableStyle;
use crate::render::words::words;
use crate::store::{Config, EventDoc, Journal, State, paths};
use crate::ui::{self, Ui};

/// The journal directory: `--dir`, else `$NOTES_DIR` when it is set and not
/// empty, else the platform data directory.
pub fn journal_dir(dir_flag: Option<PathBuf>) -> PathBuf {
    dir_flag
        .or_else(|| std::env::var_os("NOTES_DIR").filter(|dir| !dir.is_empty()).map(PathBuf::from))
        .unwrap_or_else(paths::default_journal_dir)
}

/// What the command line and the environment decided, before any file is read.
#[derive(Clone)]
pub struct Settings {
    pub journal_dir: PathBuf,
    pub config_path: PathBuf,
    /// `--lang`, if given.
    pub lang: Option<Lang>,
    /// `--event`, if given.
    pub event: Option<String>,
    pub no_input: bool,
    pub ui: Ui,
    /// The command-line definition, for completions and the man page.
    pub app: fn() -> clap::Command,
}

pub struct Context {
    settings: Settings,
    pub ui: Ui,
    journal: OnceCell<Journal>,
    config: OnceCell<Config>,
    vocabulary: OnceCell<Vocabulary>,
    now: OnceCell<DateTime<Utc>>,
    lang: OnceCell<Lang>,
    state: OnceCell<State>,
    /// Whether this process changed the state since it read it.
    state_written: Cell<bool>,
    prompt: Option<Box<dyn Prompt>>,
}

/// The value of `cell`, made by `make` the first time.
fn lazy<T>(cell: &OnceCell<T>, make: impl FnOnce() -> Result<T>) -> Result<&T> {
    if let Some(value) = cell.get() {
        return Ok(value);
    }
    let value = make()?;
    Ok(cell.get_or_init(|| value))
}

impl Context {
    pub fn new(settings: Settings) -> Self {
        Context {
            ui: settings.ui.clone(),
            settings,
            journal: OnceCell::new(),
            config: OnceCell::new(),
            vocabulary: OnceCell::new(),
            now: OnceCell::new(),
            lang: OnceCell::new(),
            state: OnceCell::new(),
            state_written: Cell::new(false),
            prompt: None,
        }
    }

    /// What this context was made from: another context made from it (on
    /// another thread) decides the same.
    pub fn settings(&self) -> Settings {
        self.settings.clone()
    }

    /// The journal, checked once: its path must not be a file.
    pub fn journal(&self) -> Result<&Journal> {
        lazy(&self.journal, || {
            let (ui, lang) = (self.ui.clone(), self.lang());
            let journal = Journal::new(self.settings.journal_dir.clone())
                .on_wait(move |path| {
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    ui.status(&messages::waiting_for_lock(lang, &name));
                })
                .with_index(paths::cache_dir());
            journal.check()?;
            Ok(journal)
        })
    }

    /// Where the journal lives, whether or not it can be used.
    pub fn journal_dir(&self) -> &Path {
        &self.settings.journal_dir
    }

    pub fn config(&self) -> Result<&Config> {
        lazy(&self.config, || Config::load(&self.settings.config_path))
    }

    pub fn config_path(&self) -> &Path {
        &self.settings.config_path
    }

    /// The verdicts: the built-in ones and those of the config.
    pub fn vocabulary(&self) -> Result<&Vocabulary> {
        lazy(&self.vocabulary, || Ok(self.config()?.vocabulary()))
    }

    /// "Now", read once (from `NOTES_NOW` or the system clock).
    pub fn now(&self) -> Result<DateTime<Utc>> {
        lazy(&self.now, clock::now).copied()
    }

    /// Today's date in the zone of the event worked on (UTC without one),
    /// for the days named today, tomorrow, yesterday.
    pub fn today(&self) -> Result<chrono::NaiveDate> {
        let now = self.now()?;
        Ok(match self.load_event() {
            Ok(file) => file.event.timezone.local(&now).date_naive(),
            Err(_) => now.date_naive(),
        })
    }

    /// `--lang`, else `lang` in config, else the locale, else English. A
    /// broken config is reported by the commands that read it, not here.
    pub fn lang(&self) -> Lang {
        *self.lang.get_or_init(|| {
            let from_config = || self.config().ok().and_then(|c| c.lang.as_deref().and_then(Lang::parse));
            let from_locale = || {
                let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
                locale.as_deref().and_then(Lang::parse)
            };
            self.settings.lang.or_else(from_config).or_else(from_locale).unwrap_or_default()
        })
    }

    /// `--event`, if given.
    pub fn event_flag(&self) -> Option<&str> {
        self.settings.event.as_deref()
    }

    /// Whether questions can be asked: a terminal, and no `--no-input`.
    pub fn can_prompt(&self) -> bool {
        !self.settings.no_input && ui::can_prompt()
    }

    /// The prompt: dialoguer on a terminal, else one that refuses every question.
    pub fn prompt(&mut self) -> &mut dyn Prompt {
        let (can_prompt, lang) = (self.can_prompt(), self.lang());
        self.prompt
            .get_or_insert_with(|| if can_prompt { Box::new(TerminalPrompt::new(lang)) } else { Box::new(NoPrompt) })
            .as_mut()
    }

    /// The command-line definition (for completions and the man page).
    pub fn app(&self) -> clap::Command {
        (self.settings.app)()
    }

    pub fn table_style(&self) -> Result<TableStyle<'_>> {
        Ok(TableStyle { vocabulary: self.vocabulary()?, lang: self.lang(), width: self.ui.width })
    }

    /// The event to work on: `--event`, else the current one, else the only one.
    pub fn event_slug(&self) -> Result<String> {
        if let Some(slug) = self.event_flag() {
            return self.existing_slug(slug);
        }
        let journal = self.journal()?;
        if let Some(slug) = self.state()?.current_event.clone().filter(|s| journal.exists(s)) {
            return Ok(slug);
        }
        match journal.slugs()?.as_slice() {
            [only] => Ok(only.clone()),
            events => Err(Error::NoCurrentEvent { events: events.to_vec() }),
        }
    }

    /// `slug` if such an event exists, else an error with a suggestion.
    pub fn existing_slug(&self, slug: &str) -> Result<String> {
        let journal = self.journal()?;
        if text::is_event_slug(slug) && journal.exists(slug) {
            return Ok(slug.to_string());
        }
        let slugs = journal.slugs()?;
        Err(Error::UnknownEvent {
            slug: slug.to_string(),
            suggestion: text::suggest(slug, slugs.iter().map(String::as_str)),
        })
    }

    /// The event to work on, read.
    pub fn load_event(&self) -> Result<EventFile> {
        self.journal()?.load(&self.event_slug()?)
    }

    /// The event named by `--event`, else every event of the journal. An
    /// unreadable one is skipped with a warning, so that one broken file
    /// does not hide the others.
    pub fn load_flagged_or_all(&self) -> Result<Vec<EventFile>> {
        if self.event_flag().is_some() {
            return Ok(vec![self.load_event()?]);
        }
        self.load_all()
    }

    /// Every event of the journal, an unreadable one skipped with a warning.
    pub fn load_all(&self) -> Result<Vec<EventFile>> {
        Ok(self.readable(self.journal()?.load_all()?))
    }

    /// [`Context::load_flagged_or_all`], with only the sessions `filter`
    /// keeps: the events are read from their indexes where they are fresh.
    pub fn load_flagged_or_all_where(&self, filter: &impl Filter) -> Result<Vec<EventFile>> {
        if self.event_flag().is_some() {
            return Ok(vec![self.journal()?.load_where(&self.event_slug()?, filter)?]);
        }
        Ok(self.readable(self.journal()?.load_all_where(filter)?))
    }

    /// The events read, an unreadable one skipped with a warning.
    fn readable(&self, results: Vec<(String, Result<EventFile>)>) -> Vec<EventFile> {
        let mut files = Vec::new();
        for (slug, result) in results {
            match result {
                Ok(file) => files.push(file),
                Err(err) => {
                    let lang = self.lang();
                    self.ui.warn(lang, &messages::skipping_event(lang, &slug, &err.with_causes(lang)));
                }
            }
        }
        files
    }

    /// Changes an event under its lock, telling the user if another notes
    /// process makes us wait.
    pub fn update_event<T>(&self, slug: &str, change: impl FnOnce(&mut EventDoc) -> Result<T>) -> Result<T> {
        self.journal()?.update(slug, change)
    }

    /// Changes an event so that the session whose id `change` returns
    /// becomes the current one. The state is written first, under the
    /// event's lock: a kill between the two writes leaves as current an id
    /// the file does not have yet (`jot` then says so), never the previous
    /// session; and if the state cannot be written, nothing is.
    pub fn update_event_making_current<T>(
        &self,
        slug: &str,
        change: impl FnOnce(&mut EventDoc) -> Result<(u32, T)>,
    ) -> Result<(u32, T)> {
        self.update_event(slug, |doc| {
            let (id, value) = change(doc)?;
            self.touch_session(slug, id)?;
            Ok((id, value))
        })
    }

    /// Changes session `id` of `slug` under the lock and makes it the
    /// current session.
    pub fn change_session<T>(
        &self,
        slug: &str,
        id: u32,
        change: impl FnOnce(&mut Session, &Event) -> Result<T>,
    ) -> Result<T> {
        let (_, result) = self.update_event_making_current(slug, |doc| Ok((id, doc.change_session(id, change)?)))?;
        Ok(result)
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

    /// Where a note that names no session goes in `doc` (the event `slug`,
    /// under its lock) at `now`, with the current session as it was read:
    /// see [`jot_target`]. The day's loose notes are made if needed; the one
    /// planned talk under way becomes current.
    pub fn note_target(
        &self,
        slug: &str,
        doc: &mut EventDoc,
        now: DateTime<Utc>,
    ) -> Result<(JotTarget, u32, Option<Session>)> {
        // Read again, under the event's lock: a sync may have given the
        // current session another id since this command started.
        let state = self.journal()?.state()?;
        let current = match state.current_session.get(slug).map(|id| doc.session(*id)).transpose() {
            // Current, but gone (deleted by hand): as if none were.
            Err(Error::UnknownSession { .. }) => None,
            current => current?,
        };
        let event = doc.event().clone();
        let planned = || Ok::<_, Error>(planned_under_way(&doc.planned_sessions(), now));
        let target = jot_target(current.as_ref(), &event, now, planned)?;
        let id = match (target, &current) {
            (JotTarget::Planned(id), _) => {
                self.touch_session(slug, id)?;
                id
            }
            (JotTarget::Current | JotTarget::Stale(_), Some(current)) => current.id,
            _ => loose_notes(doc, event.nearest_day(now), self.lang())?,
        };
        Ok((target, id, current))
    }

    /// The journal's state (current event and sessions), read once.
    pub fn state(&self) -> Result<&State> {
        lazy(&self.state, || self.journal()?.state())
    }

    /// Remembers `id` as the session that `jot` and `verdict` go to.
    pub fn touch_session(&self, slug: &str, id: u32) -> Result<()> {
        // The state read at start-up says whether a write is needed, until
        // this process has written it once.
        if !self.state_written.get() && self.state()?.current_session.get(slug) == Some(&id) {
            return Ok(());
        }
        self.state_written.set(true);
        self.journal()?.update_state(|state| {
            state.current_session.insert(slug.to_string(), id);
        })
    }

    /// Forgets `id` as the current session of `slug` (it was deleted).
    pub fn forget_session(&self, slug: &str, id: u32) -> Result<()> {
        self.state_written.set(true);
        self.journal()?.update_state(|state| {
            if state.current_session.get(slug) == Some(&id) {
                state.current_session.remove(slug);
            }
        })
    }

    /// The talks of event `slug`'s programme that `references` name (as
    /// `notes list --schedule` shows them), all or an error: `plan`, `unplan`.
    pub fn programme_talks(&self, slug: &str, references: &[String]) -> Result<Vec<Session>> {
        let event = self.journal()?.load(slug)?.event;
        let schedule = self.journal()?.schedule(&event)?;
        if schedule.is_empty() {
            return Err(Error::user(|lang| messages::no_schedule(lang, slug), messages::hint_import_one_first));
        }
        let refs = short_refs(&schedule);
        references.iter().map(|r| find_by_reference(r, &schedule, &refs).cloned()).collect()
    }

    /// The programme of `event`, for the screens that can do without it:
    /// one that cannot be read is left out, with a warning.
    pub fn programme_or_none(&self, event: &Event) -> Result<Vec<Session>> {
        Ok(self.journal()?.schedule(event).unwrap_or_else(|err| {
            let lang = self.lang();
            self.ui.warn(lang, &messages::programme_unreadable(lang, &err.message(lang)));
            Vec::new()
        }))
    }

    /// Makes `slug` the current event.
    pub fn set_current_event(&self, slug: &str) -> Result<()> {
        self.state_written.set(true);
        self.journal()?.update_state(|state| state.current_event = Some(slug.to_string()))
    }
}

/// The id of `day`'s loose notes, a session made the first time.
fn loose_notes(doc: &mut EventDoc, day: u32, lang: Lang) -> Result<u32> {
    let is_loose = |s: &Session| s.day == day && s.kind == Kind::Other && s.schedule_id.is_none() && s.at.is_none();
    // Found by its title in either language: `--lang` may change between jots.
    let mine = words(lang).loose_notes;
    let titles = [mine, words(Lang::Fr).loose_notes, words(Lang::En).loose_notes];
    if let Some(found) = titles.iter().flat_map(|t| doc.sessions_titled(t)).find(is_loose) {
        return Ok(found.id);
    }
    let session = Session { id: doc.next_id()?, day, title: mine.to_string(), kind: Kind::Other, ..Session::default() };
    let id = session.id;
    doc.add_session(session)?;
    Ok(id)
}

/// The warning for a note filed into a session the person has likely left
/// ("#3 ended at 11:35: if this note is for the talk under way…").
pub fn stale_warning(lang: Lang, id: u32, why: Staleness, session: Option<&Session>, event: &Event) -> String {
    let at = |t: Option<chrono::DateTime<chrono::FixedOffset>>| t.map(|t| local_time(event, t)).unwrap_or_default();
    let reason = match (why, session) {
        (Staleness::EndedLongAgo, Some(s)) => messages::stale_ended_at(lang, &at(s.ends_at())),
        (Staleness::OtherDay, Some(s)) => messages::stale_other_day(lang, s.day),
        (Staleness::StartsLater, Some(s)) => messages::stale_starts_at(lang, &at(s.at)),
        (_, None) => String::new(),
    };
    messages::jot_stale(lang, id, &reason)
}
