//! The pictures of an event, kept beside its file in `<slug>.assets/`,
//! each named by its content: the first 16 hex digits of its SHA-256 and
//! its format's extension (`3f9c…e1.jpg`). Two pictures never share a
//! name, and the same picture attached twice is one file.
//!
//! A picture is written whole (temp file, fsync, rename) before any note
//! links to it: a crash leaves at worst a file nothing links to, never a
//! link to a file that is not there. Originals are only read.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::media::{self, Format};
use crate::messages::{self, Text};
use crate::store::{Journal, atomic};

/// Hex digits of the hash kept in a name: 64 bits, no collision among the
/// pictures of a lifetime of conferences.
const NAME_DIGITS: usize = 16;

/// A picture kept in the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// `3f9c0a1b2c3d4e5f.jpg`
    pub name: String,
    /// The link from the event's notes, relative to the journal
    /// directory: `kubecon-europe-2024.assets/3f9c0a1b2c3d4e5f.jpg`.
    pub link: String,
}

/// The name a picture is kept under: its content hash and extension.
pub fn asset_name(bytes: &[u8], format: Format) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}.{}", &hex[..NAME_DIGITS], format.extension())
}

/// The folder of an event's pictures, relative to the journal: `<slug>.assets`.
pub fn assets_folder(slug: &str) -> String {
    format!("{slug}.assets")
}

/// Whether `name` is one notes gives a picture (hex digits, a known
/// extension): a link to anything else never leads out of the folder.
fn is_asset_name(name: &str) -> bool {
    let Some((stem, extension)) = name.split_once('.') else { return false };
    stem.len() == NAME_DIGITS
        && stem.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && ["jpg", "png"].contains(&extension)
}

impl Journal {
    /// The folder of an event's pictures.
    pub fn assets_dir(&self, slug: &str) -> PathBuf {
        self.dir().join(assets_folder(slug))
    }

    /// The picture an event's notes link to with `link`, if the link is
    /// one of the journal's own (`<slug>.assets/<hash>.<ext>`); a link to
    /// anything else is the person's own business and gives `None`.
    pub fn asset_path(&self, slug: &str, link: &str) -> Option<PathBuf> {
        let name = link.strip_prefix(&assets_folder(slug))?.strip_prefix('/')?;
        is_asset_name(name).then(|| self.assets_dir(slug).join(name))
    }

    /// Keeps `bytes` (a checked picture of `format`) among the event's
    /// pictures, written durably; a picture already kept is not written
    /// again.
    pub fn keep_asset(&self, slug: &str, bytes: &[u8], format: Format) -> Result<Asset> {
        let name = asset_name(bytes, format);
        let path = self.assets_dir(slug).join(&name);
        let kept = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        if !kept {
            atomic::write_once(&path, bytes)?;
        }
        Ok(Asset { link: format!("{}/{name}", assets_folder(slug)), name })
    }

    /// Reads a picture the journal keeps.
    pub fn read_asset(&self, path: &Path) -> Result<Vec<u8>> {
        read_picture(path)
    }
}

/// Reads a picture the person names: a regular file (a FIFO would block,
/// a device never end, a folder is not a picture) of at most
/// [`media::MAX_PICTURE_BYTES`]. Only read, never changed.
pub fn read_picture(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(messages::cannot_read, path, e))?;
    let shown = Text::verbatim(path.display().to_string());
    if meta.is_dir() {
        return Err(Error::User {
            message: Text::new(|lang| messages::labelled(lang, shown.get(lang), &messages::picture_is_a_folder(lang))),
            hint: Some(Text::new(messages::hint_photos_for_folders)),
        });
    }
    let max = media::MAX_PICTURE_BYTES;
    if meta.is_file() && meta.len() > max {
        return Err(too_big(shown));
    }
    let mut bytes = Vec::new();
    super::open_regular(path)
        .and_then(|file| file.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io(messages::cannot_read, path, e))?;
    if bytes.len() as u64 > max {
        return Err(too_big(shown));
    }
    Ok(bytes)
}

fn too_big(what: Text) -> Error {
    let megabytes = media::MAX_PICTURE_BYTES / (1024 * 1024);
    Error::Rejected { what, message: Text::new(|lang| messages::picture_too_big(lang, megabytes)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_content_hashes() {
        let name = asset_name(b"abc", Format::Jpeg);
        assert_eq!(name, "ba7816bf8f01cfea.jpg");
        assert!(is_asset_name(&name));
        assert!(!is_asset_name("../../etc/passwd"));
        assert!(!is_asset_name("ba7816bf8f01cfea.jpg.exe"));
    }

    #[test]
    fn only_the_journal_s_own_links_lead_to_its_files() {
        let journal = Journal::new("/j");
        let found = journal.asset_path("e", "e.assets/ba7816bf8f01cfea.jpg");
        assert_eq!(found, Some(PathBuf::from("/j/e.assets/ba7816bf8f01cfea.jpg")));
        assert_eq!(journal.asset_path("e", "e.assets/../secret.jpg"), None);
        assert_eq!(journal.asset_path("e", "other.assets/ba7816bf8f01cfea.jpg"), None);
        assert_eq!(journal.asset_path("e", "https://example.org/x.jpg"), None);
    }

    #[test]
    fn a_picture_is_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path());
        let first = journal.keep_asset("e", b"pixels", Format::Png).unwrap();
        let again = journal.keep_asset("e", b"pixels", Format::Png).unwrap();
        assert_eq!(first, again);
        assert_eq!(std::fs::read_dir(journal.assets_dir("e")).unwrap().count(), 1);
        assert_eq!(std::fs::read(journal.assets_dir("e").join(&first.name)).unwrap(), b"pixels");
    }
}
