//! Advisory lock on a sidecar file, held across read → modify → write.
//!
//! The data file itself is replaced by rename, so the lock lives on
//! `.<name>.lock`, which is never replaced. The OS releases the lock when a
//! process dies, so a killed writer cannot leave a deadlock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};
use crate::messages;
use crate::store::atomic;

/// Held lock; released on drop.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

impl FileLock {
    /// Locks `data_path`'s sidecar, calling `on_wait` once if another
    /// process holds it (so the user knows why nothing happens).
    pub fn acquire(data_path: &Path, on_wait: impl FnOnce()) -> Result<FileLock> {
        let path = atomic::sidecar(data_path, "lock");
        if let Some(dir) = path.parent() {
            atomic::create_private_dir(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, atomic::FILE_MODE);
        let file = options.open(&path).map_err(|e| Error::io(messages::cannot_open_lock, &path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                on_wait();
                file.lock().map_err(|e| Error::io(messages::cannot_lock, &path, e))?;
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(messages::cannot_lock, &path, e)),
        }
        Ok(FileLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_locker_waits_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("e.toml");
        let first = FileLock::acquire(&data, || panic!("nobody holds it yet")).unwrap();
        let (tx, rx) = mpsc::channel();
        let data2 = data.clone();
        let waiter = std::thread::spawn(move || {
            let _second = FileLock::acquire(&data2, || tx.send("waiting").unwrap()).unwrap();
        });
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)).unwrap(), "waiting");
        drop(first);
        waiter.join().unwrap();
    }
}
