//! Everything that touches files: where the journal lives, event files
//! (read with serde, edited with toml_edit), the imported schedules, atomic
//! writes, locks, state and configuration. Nothing outside this module
//! opens a journal file, and nothing outside it knows TOML.
//!
//! The face is narrow: [`Journal`] (read, change under a lock, import),
//! [`EventDoc`] (one event being changed),
//! [`Config`], [`State`], [`paths`], the session as editor text, and the
//! pictures kept beside an event ([`Asset`], `Journal::keep_asset`).

mod assets;
mod atomic;
mod config;
mod index;
mod journal;
mod lock;
pub mod paths;
mod pieces;
mod record;
mod schedule;
mod session_text;
mod state;
mod team;

pub use assets::{Asset, asset_name, assets_folder, read_picture};
pub use config::{Config, ConfigError};
pub use journal::{EventDoc, Journal, parse_event_text};
pub use session_text::{parse_session_text, session_text};
pub use state::State;
pub use team::{SyncReport, merge_files};

/// Writes a file that is not part of the journal (an export) atomically,
/// with the permissions a new file normally gets.
pub use atomic::write_shared as write_output;

/// Writes an export atomically as it is made, never whole in memory.
pub use atomic::write_shared_with as write_output_with;

/// Reads and writes a schedule file's text, for the fuzz targets.
pub use schedule::{parse as parse_schedule_text, render as render_schedule_text};

/// Opens `path` for reading if it is a regular file (or a link to one). A
/// FIFO would block the open until someone writes to it, and a device never
/// ends: neither is a journal, config or template file.
fn open_regular(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    if !std::fs::metadata(path)?.is_file() {
        let why = crate::messages::Text::new(crate::messages::not_a_regular_file);
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, why));
    }
    std::fs::File::open(path)
}

/// Reads a whole regular file; see [`open_regular`].
fn read_regular(path: &std::path::Path) -> std::io::Result<String> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut open_regular(path)?, &mut text)?;
    Ok(text)
}

/// Largest config file or export template read: both are a page or two of
/// text, and a config of thousands of verdicts still fits.
pub const MAX_SMALL_FILE: u64 = 4 * 1024 * 1024;

/// Reads a small text file (config, template), refusing one over
/// [`MAX_SMALL_FILE`]: a path that leads to `/dev/zero` must not fill the
/// memory.
pub fn read_small(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    open_regular(path)?.take(MAX_SMALL_FILE + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_SMALL_FILE {
        let why = crate::messages::Text::new(crate::messages::too_big_small_file);
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, why));
    }
    Ok(text)
}
