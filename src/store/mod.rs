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
