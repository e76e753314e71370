//! `config.toml`: language, author, editor, template, extra verdicts.
//!
//! Loaded after the command line is parsed, so a broken config never breaks
//! `--help`. A missing file is the default configuration.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::messages;
use crate::model::{Lang, Verdict, Vocabulary, text};
use crate::store::record;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `fr` or `en`.
    pub lang: Option<String>,
    pub author: Option<String>,
    /// Editor command for `notes edit`, after `$VISUAL` and `$EDITOR`.
    pub editor: Option<String>,
    /// A template file for `notes export md`.
    pub template: Option<PathBuf>,
    /// Where a series' posts are read, e.g. "/{year}/{slug}-day-{day}/".
    pub series_url: Option<String>,
    /// The post's section headings renamed, by section key ("" leaves a
    /// heading out), as a day's `headings` names them.
    #[serde(default)]
    pub headings: BTreeMap<String, String>,
    #[serde(default)]
    pub verdicts: Vec<VerdictConfig>,
}

/// What is wrong in a config that parses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    VerdictKey { key: String },
    BuiltinVerdict { key: String, builtin: String },
}

impl ConfigError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::VerdictKey { key } => messages::verdict_key_invalid(lang, key),
            ConfigError::BuiltinVerdict { key, builtin } => messages::verdict_key_builtin(lang, key, builtin),
        }
    }
}

/// English, for logs.
impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// `[[verdicts]]` entry: `key = "wow"`, `fr = "Waouh"`, `en = "Wow"`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictConfig {
    pub key: String,
    pub fr: Option<String>,
    pub en: Option<String>,
}

impl Config {
    pub fn load(path: &Path) -> Result<Config> {
        let config: Config = match super::read_small(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| record::parse_error(path, &text, &e))?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(Error::io(messages::cannot_read, path, e)),
        };
        let invalid = |message| Error::Invalid { path: path.to_path_buf(), message };
        config.check_verdicts().map_err(|e| invalid(messages::Text::new(|lang| e.message(lang))))?;
        let headings = record::checked_headings(config.headings, "[headings]").map_err(invalid)?;
        Ok(Config { headings, ..config })
    }

    /// A verdict key is stored in journals: it must be a plain word, and
    /// one that only differs from a built-in by case or punctuation would
    /// never be reachable.
    fn check_verdicts(&self) -> Result<(), ConfigError> {
        let builtin = Vocabulary::default();
        for verdict in &self.verdicts {
            let key = verdict.key.as_str();
            if !text::is_valid_slug(key) {
                return Err(ConfigError::VerdictKey { key: key.to_string() });
            }
            if let Some(same) = builtin.iter().find(|b| b.key != key && text::fold_key(&b.key) == text::fold_key(key)) {
                return Err(ConfigError::BuiltinVerdict { key: key.to_string(), builtin: same.key.clone() });
            }
        }
        Ok(())
    }

    pub fn vocabulary(&self) -> Vocabulary {
        Vocabulary::with(self.verdicts.iter().map(|v| {
            let en = v.en.clone().unwrap_or_else(|| v.key.clone());
            let fr = v.fr.clone().unwrap_or_else(|| en.clone());
            Verdict { key: v.key.clone(), fr, en }
        }))
    }
}
