//! Atomic file replacement: temp file in the same directory, fsync, rename,
//! fsync the directory.
//!
//! A crash at any moment leaves either the old file or the new one. The temp
//! file has a random name (`.<name>.XXXXXX.tmp`) and is created exclusively,
//! so a link planted under a predictable name leads nowhere, and two
//! writers never share one. Journal writes, made under the file's lock,
//! also remove what a killed writer left.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::messages;

/// Permissions of every file the journal creates.
#[cfg(unix)]
pub const FILE_MODE: u32 = 0o600;
/// Permissions of the journal directory when notes creates it.
#[cfg(unix)]
pub const DIR_MODE: u32 = 0o700;

/// Hidden sibling of `path` with `suffix`: `kubecon.toml` → `.kubecon.toml.lock`.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let dot = if name.starts_with('.') { "" } else { "." };
    path.with_file_name(format!("{dot}{name}.{suffix}"))
}

/// Replaces `path` with `contents`, durably: when this returns, the new
/// content survives a crash. Keeps the permissions of an existing file; new
/// files are private. The caller must hold the file's lock.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    remove_leftovers(path);
    replace(path, contents, true, Sharing::Private)
}

/// Like [`write`] for a file written whole once and never changed (a
/// picture named by its content), made without a lock: the temp files of
/// killed writers are left alone, since another writer may be alive.
pub fn write_once(path: &Path, contents: &[u8]) -> Result<()> {
    replace(path, contents, true, Sharing::Private)
}

/// Like [`write`], without waiting for the disk: for state that is cheap to
/// lose (the current session), never for notes.
pub fn write_relaxed(path: &Path, contents: &[u8]) -> Result<()> {
    remove_leftovers(path);
    replace(path, contents, false, Sharing::Private)
}

/// Who a new file and its new folders are for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sharing {
    /// The journal: 0600 files, a 0700 folder.
    Private,
    /// An exported post: 0644 files, folders as the umask makes them.
    Shared,
}

/// Like [`write`] for a file meant to be shared (an exported post), made
/// without a lock: a new one is readable by others (0644) and so are the
/// folders made for it; an existing one keeps its mode.
pub fn write_shared(path: &Path, contents: &[u8]) -> Result<()> {
    replace(path, contents, true, Sharing::Shared)
}

/// Like [`write_shared`], the contents written by `write` as they come
/// (an export of the whole journal is never whole in memory). On an error
/// the temp file is removed and `path` is left as it was.
pub fn write_shared_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    replace_with(path, true, Sharing::Shared, |file| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        out.flush().map_err(|e| Error::io(messages::cannot_write, path, e))
    })
}

fn replace(path: &Path, contents: &[u8], durable: bool, sharing: Sharing) -> Result<()> {
    replace_with(path, durable, sharing, |file| {
        file.write_all(contents).map_err(|e| Error::io(messages::cannot_write, path, e))
    })
}

fn replace_with(
    path: &Path,
    durable: bool,
    sharing: Sharing,
    write: impl FnOnce(&mut fs::File) -> Result<()>,
) -> Result<()> {
    // "post.md" has the parent "", which is the current directory.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match sharing {
        Sharing::Private => create_private_dir(dir)?,
        Sharing::Shared => fs::create_dir_all(dir).map_err(|e| Error::io(messages::cannot_create_dir, dir, e))?,
    }
    // Created exclusively (O_EXCL), 0600, under a name nobody can guess;
    // removed on any error.
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(messages::cannot_create_temp_in, dir, e))?;
    let permissions = match (fs::metadata(path), sharing) {
        (Ok(meta), _) if meta.is_file() => meta.permissions(),
        (_, Sharing::Private) => private_permissions(),
        (_, Sharing::Shared) => shared_permissions(),
    };
    let file = temp.as_file_mut();
    file.set_permissions(permissions).map_err(|e| Error::io(messages::cannot_set_permissions, path, e))?;
    write(file)?;
    if durable {
        // fdatasync: the bytes and the size, what a reader needs. Skipped
        // metadata is the mode, which after a crash is the private 0600
        // the file was created with.
        file.sync_data().map_err(|e| Error::io(messages::cannot_flush, path, e))?;
    }
    temp.persist(path).map_err(|e| Error::io(messages::cannot_replace, path, e.error))?;
    if durable { sync_dir(dir) } else { Ok(()) }
}

/// Renames a file written durably beside `target` (a pending schedule)
/// onto it, and makes the rename durable.
pub fn commit(from: &Path, target: &Path) -> Result<()> {
    fs::rename(from, target).map_err(|e| Error::io(messages::cannot_replace, target, e))?;
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    sync_dir(dir)
}

/// `.post.md.` for `post.md`, `.x.pending.` for `.x.pending`: temp files
/// are hidden siblings.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.starts_with('.') { format!("{name}.") } else { format!(".{name}.") }
}

/// Removes the temp files that killed writers of `path` left. Only under
/// the file's lock: no other writer of it is alive then.
pub fn remove_leftovers(path: &Path) {
    let (Some(dir), prefix) = (path.parent(), temp_prefix(path)) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if let Some(middle) = name.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".tmp"))
            && !middle.is_empty()
            && !middle.contains('.')
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn private_permissions() -> fs::Permissions {
    std::os::unix::fs::PermissionsExt::from_mode(FILE_MODE)
}

#[cfg(unix)]
fn shared_permissions() -> fs::Permissions {
    std::os::unix::fs::PermissionsExt::from_mode(0o644)
}

#[cfg(not(unix))]
fn shared_permissions() -> fs::Permissions {
    private_permissions()
}

#[cfg(not(unix))]
fn private_permissions() -> fs::Permissions {
    fs::metadata(".").map(|m| m.permissions()).expect("current directory")
}

/// Creates `dir` (and its parents) if missing; the last level is private.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(dir).map_err(|e| Error::io(messages::cannot_create_dir, dir, e))
}

fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io(messages::cannot_flush_dir, dir, e))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_stay_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal").join("e.toml");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1, "no temp file left");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(fs::metadata(path.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
        }
    }

    #[test]
    fn leftover_temp_files_are_removed_by_the_next_locked_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.toml");
        fs::write(dir.path().join(".e.toml.a1B2c3.tmp"), "half a file from a killed process").unwrap();
        fs::write(dir.path().join(".e.toml.lock"), "").unwrap();
        write(&path, b"new").unwrap();
        let mut names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, [".e.toml.lock", "e.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_a_temp_name_leads_nowhere() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("post.md");
        std::os::unix::fs::symlink(&victim, dir.path().join(".post.md.tmp")).unwrap();
        write_shared(&path, b"the post").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&path).unwrap(), "the post");
    }
}
