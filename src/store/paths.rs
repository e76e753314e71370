//! Where the journal and the configuration live.
//!
//! Journal: `--dir`, else `$NOTES_DIR` (both read in `context::journal_dir`), else the
//! platform data directory. Config: `$NOTES_CONFIG`, else `config.toml` in the
//! platform config directory.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "notes")
}

/// The journal directory when neither `--dir` nor `NOTES_DIR` is given.
pub fn default_journal_dir() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from(".notes"), |d| d.data_dir().to_path_buf())
}

/// The platform cache directory (`~/.cache/notes` on Linux), where the
/// indexes of event files are kept; `None` when the platform has none.
pub fn cache_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.cache_dir().to_path_buf())
}

/// The configuration file: `$NOTES_CONFIG` or the platform default.
pub fn config_file() -> PathBuf {
    match std::env::var_os("NOTES_CONFIG") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => project_dirs().map_or_else(|| PathBuf::from("notes-config.toml"), |d| d.config_dir().join("config.toml")),
    }
}
