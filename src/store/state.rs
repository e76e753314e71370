//! The journal's machine-managed state: the current event and, per event,
//! the current session (last added or touched). Kept in `.notes-state.toml`
//! so that reading it never needs an event file, and so that touching a
//! session never rewrites the user's file.

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::messages;
use crate::store::atomic;

#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub current_event: Option<String>,
    #[serde(default)]
    pub current_session: BTreeMap<String, u32>,
}

pub fn path(dir: &std::path::Path) -> PathBuf {
    dir.join(".notes-state.toml")
}

/// Reads the state; a missing file is the empty state, and so is a broken
/// one (it only remembers what is current, and is rewritten on next use).
pub fn load(dir: &std::path::Path) -> Result<State> {
    let path = path(dir);
    match super::read_regular(&path) {
        Ok(text) => Ok(toml::from_str(&text).unwrap_or_default()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(State::default()),
        Err(e) => Err(Error::io(messages::cannot_read, &path, e)),
    }
}

/// Changes the state; writes only if something changed. The caller holds
/// the state's lock.
pub fn update_locked(dir: &std::path::Path, change: impl FnOnce(&mut State)) -> Result<()> {
    let path = path(dir);
    let old = load(dir)?;
    let mut new = old.clone();
    change(&mut new);
    if new == old {
        return Ok(());
    }
    let text = toml::to_string(&new)
        .map_err(|e| Error::Invalid { path: path.clone(), message: messages::Text::verbatim(e.to_string()) })?;
    atomic::write_relaxed(&path, format!("# Managed by notes: the current event and session.\n{text}").as_bytes())
}
