//! Asking the user: the only place that reads the keyboard.
//!
//! Commands talk to the [`Prompt`] trait; the terminal implementation uses
//! dialoguer on stderr (so `> file` still works), and [`NoPrompt`] answers
//! every question with a usage error, so nothing ever waits for input that
//! cannot come.

use std::io;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, Select};

use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Lang, text};
use crate::ui::sanitize_line;

pub trait Prompt {
    /// Whether questions can be asked at all.
    fn available(&self) -> bool;
    /// A line of text; `default` is offered and returned on Enter.
    fn input(&mut self, question: &str, default: Option<&str>) -> Result<String>;
    /// One of `items`, by index.
    fn select(&mut self, question: &str, items: &[String], default: usize) -> Result<usize>;
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool>;
    /// One of `choices`, by index, narrowed by typing: every word typed
    /// must start a word of a choice's whole text, shown or not.
    fn pick(&mut self, question: &str, choices: &[Choice]) -> Result<usize>;
}

/// One choice of a list narrowed by typing.
pub struct Choice {
    /// The line shown (cut to the terminal's width).
    pub shown: String,
    /// Everything typing is matched against, ignoring case and accents.
    pub searched: String,
    /// Offered whatever is typed, after the matches ("Another session").
    pub always: bool,
    /// Repeated after the question once picked: short, so that it does not wrap.
    pub answer: String,
}

impl Choice {
    pub fn new(shown: String, searched: &str, answer: &str) -> Self {
        Choice { shown, searched: text::fold(searched), always: false, answer: answer.to_string() }
    }

    pub fn always(shown: String, answer: &str) -> Self {
        Choice { shown, searched: String::new(), always: true, answer: answer.to_string() }
    }

    /// The score of this choice (the `index`-th) for what was typed:
    /// the list's own order among the matches, the "always" ones last.
    fn score(&self, typed: &str, index: usize) -> Option<i64> {
        let order = -i64::try_from(index).unwrap_or(i64::MAX);
        if self.always {
            return Some(i64::MIN / 2 + order);
        }
        let typed = text::fold(typed);
        typed.split_whitespace().all(|word| text::has_word(&self.searched, word)).then_some(order)
    }
}

/// dialoguer on the terminal; the questions come in the person's language,
/// and `lang` is that of its own words (the picker's help line).
pub struct TerminalPrompt {
    theme: ColorfulTheme,
    lang: Lang,
}

impl TerminalPrompt {
    /// Also takes over Ctrl-C (see [`take_over_interrupts`]).
    pub fn new(lang: Lang) -> Self {
        take_over_interrupts(lang);
        TerminalPrompt { theme: ColorfulTheme::default(), lang }
    }
}

/// Whether an editor runs in the foreground: Ctrl-C is its business.
static EDITOR_OPEN: AtomicBool = AtomicBool::new(false);

/// The language of "cancelled" when Ctrl-C ends notes: French if set.
static FRENCH: AtomicBool = AtomicBool::new(false);

/// The terminal's modes as notes found them: a list being shown has echo
/// and line editing off, and Ctrl-C must not leave them so.
#[cfg(unix)]
static FIRST_MODES: std::sync::OnceLock<rustix::termios::Termios> = std::sync::OnceLock::new();

/// Ctrl-C at a prompt cancels, putting the terminal back as it was (modes,
/// cursor); while an editor runs, it is the editor's: notes must not die
/// under it and lose what is being typed.
fn take_over_interrupts(lang: Lang) {
    FRENCH.store(lang == Lang::Fr, Ordering::SeqCst);
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        if let Ok(modes) = rustix::termios::tcgetattr(io::stdin()) {
            let _ = FIRST_MODES.set(modes);
        }
        let _ = ctrlc::set_handler(|| {
            if EDITOR_OPEN.load(Ordering::SeqCst) {
                return;
            }
            #[cfg(unix)]
            if let Some(modes) = FIRST_MODES.get() {
                let _ = rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, modes);
            }
            let _ = console::Term::stderr().show_cursor();
            let lang = if FRENCH.load(Ordering::SeqCst) { Lang::Fr } else { Lang::En };
            eprintln!("\n{} {}", messages::label_error(lang), Error::Cancelled.message(lang));
            std::process::exit(crate::error::exit::CANCELLED);
        });
    });
}

/// Held while an editor runs in the foreground: Ctrl-C goes to the editor
/// alone.
pub struct EditorOpen;

impl EditorOpen {
    /// `lang`: the language notes says "cancelled" in, should it be killed meanwhile.
    pub fn new(lang: Lang) -> Self {
        take_over_interrupts(lang);
        EDITOR_OPEN.store(true, Ordering::SeqCst);
        EditorOpen
    }
}

impl Drop for EditorOpen {
    fn drop(&mut self) {
        EDITOR_OPEN.store(false, Ordering::SeqCst);
    }
}

fn cancelled(err: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(err) = err;
    match err.kind() {
        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => Error::Cancelled,
        _ => Error::io(|lang, _| messages::cannot_read_from(lang, &messages::the_terminal(lang)), "", err),
    }
}

impl Prompt for TerminalPrompt {
    fn available(&self) -> bool {
        true
    }

    fn input(&mut self, question: &str, default: Option<&str>) -> Result<String> {
        let mut input = Input::<String>::with_theme(&self.theme).with_prompt(sanitize_line(question)).allow_empty(true);
        if let Some(default) = default.filter(|d| !d.is_empty()) {
            input = input.default(default.to_string());
        }
        input.interact_text().map_err(cancelled)
    }

    fn select(&mut self, question: &str, items: &[String], default: usize) -> Result<usize> {
        let (rows, items) = fit_terminal(items);
        Select::with_theme(&self.theme)
            .with_prompt(sanitize_line(question))
            .items(&items)
            .max_length(rows)
            .default(default)
            .interact_opt()
            .map_err(cancelled)?
            .ok_or(Error::Cancelled)
    }

    fn pick(&mut self, question: &str, choices: &[Choice]) -> Result<usize> {
        let shown: Vec<String> = choices.iter().map(|c| c.shown.clone()).collect();
        let (rows, shown) = fit_terminal(&shown);
        let options: Vec<Shown<'_>> = shown.iter().enumerate().map(|(index, line)| Shown { index, line }).collect();
        let scorer = |typed: &str, option: &Shown<'_>, _: &str, index: usize| choices[option.index].score(typed, index);
        let sorter = |scored: &mut [(usize, i64)]| scored.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
        let formatter = |option: inquire::list_option::ListOption<&Shown<'_>>| {
            sanitize_line(&choices[option.value.index].answer).into_owned()
        };
        let question = sanitize_line(question);
        let picked = inquire::Select::new(&question, options)
            .with_page_size(rows)
            .with_scorer(&scorer)
            .with_sorter(&sorter)
            .with_formatter(&formatter)
            .with_help_message(&messages::picker_help(self.lang))
            .prompt()
            .map_err(|e| match e {
                inquire::InquireError::IO(err) => cancelled(dialoguer::Error::IO(err)),
                inquire::InquireError::NotTTY => Error::Cancelled,
                _ => Error::Cancelled,
            })?;
        Ok(picked.index)
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        Confirm::with_theme(&self.theme)
            .with_prompt(sanitize_line(question))
            .default(default)
            .interact_opt()
            .map_err(cancelled)?
            .ok_or(Error::Cancelled)
    }
}

/// A line of the picker, with the index of its choice.
struct Shown<'a> {
    index: usize,
    line: &'a str,
}

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.line)
    }
}

/// Items made safe for a terminal, cut to its width, and how many fit in its height: a
/// wrapped or scrolled list leaves copies of itself on the screen.
fn fit_terminal(items: &[String]) -> (usize, Vec<String>) {
    let (rows, columns) = console::Term::stderr().size();
    let width = usize::from(columns).saturating_sub(4).max(20);
    // Items quote the journal, a schedule and the config: nothing in them
    // may reach the terminal raw.
    let items = items
        .iter()
        .map(|item| sanitize_line(item).into_owned())
        .map(|item| crate::ui::cut_to_columns(&item, width))
        .collect();
    (usize::from(rows).saturating_sub(4).max(3), items)
}

/// No terminal, or `--no-input`: every question is a usage error.
pub struct NoPrompt;

impl NoPrompt {
    fn refuse(question: &str) -> Error {
        // The question is already in the person's language.
        let question = question.to_string();
        Error::usage(move |lang| messages::cannot_ask(lang, &question), messages::hint_pass_value)
    }
}

impl Prompt for NoPrompt {
    fn available(&self) -> bool {
        false
    }

    fn input(&mut self, question: &str, _default: Option<&str>) -> Result<String> {
        Err(Self::refuse(question))
    }

    fn select(&mut self, question: &str, _items: &[String], _default: usize) -> Result<usize> {
        Err(Self::refuse(question))
    }

    fn confirm(&mut self, question: &str, _default: bool) -> Result<bool> {
        Err(Self::refuse(question))
    }

    fn pick(&mut self, question: &str, _choices: &[Choice]) -> Result<usize> {
        Err(Self::refuse(question))
    }
}
