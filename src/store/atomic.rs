//! Atomic file replacement: temp file in the same directory, fsync, rename,
//! fsync the directory.
//!
//! A crash at any moment leaves either the old file or the new one. The temp
//! file has a fixed name (`.<name>.tmp`): callers hold the file's lock, so no
//! two writers share it, and a temp file left by a killed process is simply
//! overwritten by the next write instead of piling up.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

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
    replace(path, contents, true)
}

/// Like [`write`], without waiting for the disk: for state that is cheap to
/// lose (the current session), never for notes.
pub fn write_relaxed(path: &Path, contents: &[u8]) -> Result<()> {
    replace(path, contents, false)
}

/// Like [`write`] for a file meant to be shared (an exported post): a new
/// one is readable by others (0644), an existing one keeps its mode.
pub fn write_shared(path: &Path, contents: &[u8]) -> Result<()> {
    let existed = path.exists();
    write(path, contents)?;
    #[cfg(unix)]
    if !existed {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io("set permissions on", path, e))?;
    }
    Ok(())
}

fn replace(path: &Path, contents: &[u8], durable: bool) -> Result<()> {
    // "post.md" has the parent "", which is the current directory.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let temp = sidecar(path, "tmp");
    let result = write_temp(&temp, path, contents, durable).and_then(|()| {
        fs::rename(&temp, path).map_err(|e| Error::io("replace", path, e))?;
        if durable { sync_dir(dir) } else { Ok(()) }
    });
    if result.is_err() {
        // Best effort: the temp file is reused by the next write anyway.
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_temp(temp: &Path, target: &Path, contents: &[u8], durable: bool) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    let mut file = options.open(temp).map_err(|e| Error::io("create", temp, e))?;
    let permissions = match fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(_) => private_permissions(),
    };
    file.set_permissions(permissions).map_err(|e| Error::io("set permissions on", temp, e))?;
    file.write_all(contents).map_err(|e| Error::io("write", temp, e))?;
    if durable {
        // fdatasync: the bytes and the size, what a reader needs. Skipped
        // metadata is the mode, which after a crash is the private 0600
        // the file was created with.
        file.sync_data().map_err(|e| Error::io("flush", temp, e))?;
    }
    Ok(())
}

#[cfg(unix)]
fn private_permissions() -> fs::Permissions {
    std::os::unix::fs::PermissionsExt::from_mode(FILE_MODE)
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
    builder.create(dir).map_err(|e| Error::io("create directory", dir, e))
}

fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io("flush directory", dir, e))?;
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
        assert!(!sidecar(&path, "tmp").exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(fs::metadata(path.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
        }
    }

    #[test]
    fn a_leftover_temp_file_is_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.toml");
        fs::write(sidecar(&path, "tmp"), "half a file from a killed process").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
