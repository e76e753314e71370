//! `config.toml`: language, author, editor, template, extra verdicts.
//!
//! Loaded after the command line is parsed, so a broken config never breaks
//! `--help`. A missing file is the default configuration.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Verdict, Vocabulary};
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
    #[serde(default)]
    pub verdicts: Vec<VerdictConfig>,
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
        match fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| record::parse_error(path, &text, &e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Error::io("read", path, e)),
        }
    }

    pub fn vocabulary(&self) -> Vocabulary {
        Vocabulary::with(self.verdicts.iter().map(|v| {
            let en = v.en.clone().unwrap_or_else(|| v.key.clone());
            let fr = v.fr.clone().unwrap_or_else(|| en.clone());
            Verdict { key: v.key.clone(), fr, en }
        }))
    }
}
