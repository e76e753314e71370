//! Everything that touches files: where the journal lives, event files
//! (read with serde, edited with toml_edit), atomic writes, locks, state and
//! configuration. Nothing outside this module opens a journal file.

pub mod atomic;
pub mod config;
pub mod journal;
pub mod lock;
pub mod paths;
pub mod pieces;
pub mod programme;
pub mod record;
pub mod state;

pub use config::Config;
pub use journal::{EventDoc, EventFile, Journal};

/// Largest config file or export template read: both are a page or two of
/// text, and a config of thousands of verdicts still fits.
pub const MAX_SMALL_FILE: u64 = 4 * 1024 * 1024;

/// Reads a small text file (config, template), refusing one over
/// [`MAX_SMALL_FILE`]: a path that leads to `/dev/zero` must not fill the
/// memory.
pub fn read_small(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?.take(MAX_SMALL_FILE + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_SMALL_FILE {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "over 4 MB, too big for this kind of file"));
    }
    Ok(text)
}
