//! The disk tier: one file per entry, `<dir>/v<FORMAT_VERSION>/<first 2 hex digits of the
//! key>/<other 62 digits>`, safe for several processes at once.
//!
//! - Writes go to a temporary file in the entry's folder, renamed into place: a reader sees a
//!   whole entry or none, and two writers of one key both leave a whole entry.
//! - A hit sets the entry's modification time to now (at most every [`TOUCH_INTERVAL`]),
//!   which is the "last used" time eviction orders by.
//! - The writer that takes the folder over its cap evicts the least recently used entries
//!   down to [`LOW_WATER`] of the cap. Each process keeps an estimate of the folder's size
//!   (a scan, then the sizes it wrote; scanned again after [`RESCAN_INTERVAL`]), so writes do
//!   not list the folder.
//! - An entry that does not decode (truncated, corrupt, another key's) is removed.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::{FORMAT_VERSION, Key, entry};

/// A hit refreshes an entry's modification time only when it is older than this, which keeps
/// warm builds from writing metadata for every function.
pub const TOUCH_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// After an eviction the folder holds at most this fraction of the cap, so the next writes do
/// not evict again at once.
pub const LOW_WATER: f64 = 0.9;

/// How long a process trusts its estimate of a folder's size before listing it again.
pub const RESCAN_INTERVAL: Duration = Duration::from_secs(5 * 60);

/// How old a temporary file must be before eviction removes it (a younger one may belong to
/// a writer still running).
const STALE_TEMPORARY: Duration = Duration::from_secs(15 * 60);

/// The prefix of temporary files.
const TEMPORARY_PREFIX: &str = ".tmp-";

/// Entries at most this large are read (a larger file is not an entry of ours).
const MAX_ENTRY_BYTES: u64 = 256 << 20;

/// The disk cache of one folder.
#[derive(Clone, Debug)]
pub struct DiskStore {
    /// The folder as configured.
    dir: PathBuf,
    /// `dir/v<FORMAT_VERSION>`.
    root: PathBuf,
    max_bytes: u64,
}

/// This process's estimate of the bytes in each entry folder (`DiskStore::root`).
static USAGE: LazyLock<Mutex<HashMap<PathBuf, Usage>>> = LazyLock::new(Default::default);

#[derive(Clone, Copy, Debug)]
struct Usage {
    bytes: u64,
    scanned: Instant,
}

impl DiskStore {
    /// The store in `dir` with a cap of `max_bytes` (the folder is created on the first write).
    pub fn new(dir: PathBuf, max_bytes: u64) -> DiskStore {
        let root = dir.join(format!("v{FORMAT_VERSION}"));
        DiskStore {
            dir,
            root,
            max_bytes,
        }
    }

    /// The folder as configured.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of `key`.
    pub fn path(&self, key: &Key) -> PathBuf {
        let hex = key.hex();
        self.root.join(&hex[..2]).join(&hex[2..])
    }

    /// The payload stored under `key`, or `None` (no entry, or an entry that cannot be read or
    /// does not decode, which is then removed).
    pub fn get(&self, key: &Key) -> Option<Vec<u8>> {
        let path = self.path(key);
        let mut file = std::fs::File::open(&path).ok()?;
        let mut bytes = Vec::new();
        let read = file
            .by_ref()
            .take(MAX_ENTRY_BYTES)
            .read_to_end(&mut bytes)
            .is_ok();
        match read.then(|| entry::decode(key, &bytes)).flatten() {
            Some(payload) => {
                let old = file
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_none_or(|age| age > TOUCH_INTERVAL);
                if old {
                    // Recording the use is best effort: a read-only cache still serves hits.
                    let _ = file.set_modified(SystemTime::now());
                }
                Some(payload)
            }
            None => {
                self.remove(key);
                None
            }
        }
    }

    /// Stores `payload` under `key` (atomically), then evicts if the folder is over its cap.
    ///
    /// # Errors
    /// The folder or the file cannot be written.
    pub fn put(&self, key: &Key, payload: &[u8]) -> std::io::Result<()> {
        let path = self.path(key);
        let dir = path.parent().unwrap_or(&self.root);
        std::fs::create_dir_all(dir)?;
        let bytes = entry::encode(key, payload);
        let mut staging = tempfile::Builder::new()
            .prefix(TEMPORARY_PREFIX)
            .tempfile_in(dir)?;
        std::io::Write::write_all(&mut staging, &bytes)?;
        staging.persist(&path).map_err(|e| e.error)?;
        self.account(bytes.len() as u64);
        Ok(())
    }

    /// Removes the entry of `key`, if any.
    pub fn remove(&self, key: &Key) {
        // Another process may have removed it first.
        let _ = std::fs::remove_file(self.path(key));
    }

    /// Adds `written` bytes to this process's estimate of the folder's size and evicts when
    /// it exceeds the cap.
    fn account(&self, written: u64) {
        let Ok(mut usage) = USAGE.lock() else {
            return;
        };
        let fresh = usage
            .get(&self.root)
            .is_some_and(|u| u.scanned.elapsed() < RESCAN_INTERVAL);
        let bytes = if fresh {
            usage.get(&self.root).map_or(0, |u| u.bytes) + written
        } else {
            // The scan sees the entry just written.
            self.scan().iter().map(|e| e.bytes).sum()
        };
        let bytes = if bytes > self.max_bytes {
            self.evict()
        } else {
            bytes
        };
        let scanned = match usage.get(&self.root) {
            Some(u) if fresh => u.scanned,
            _ => Instant::now(),
        };
        usage.insert(self.root.clone(), Usage { bytes, scanned });
    }

    /// Removes the least recently used entries until the folder holds at most [`LOW_WATER`]
    /// of the cap, and temporary files older than [`STALE_TEMPORARY`]; returns the bytes left.
    pub fn evict(&self) -> u64 {
        let mut entries = self.scan();
        let mut bytes: u64 = entries.iter().map(|e| e.bytes).sum();
        let target = (self.max_bytes as f64 * LOW_WATER) as u64;
        // Oldest first; ties broken by path so that concurrent evictors agree.
        entries.sort_by(|a, b| a.used.cmp(&b.used).then_with(|| a.path.cmp(&b.path)));
        for e in entries {
            if bytes <= target {
                break;
            }
            // Another process may be evicting the same entry: it is gone either way.
            let _ = std::fs::remove_file(&e.path);
            bytes = bytes.saturating_sub(e.bytes);
        }
        bytes
    }

    /// Every entry of the folder (temporary files left by killed writers are removed on the
    /// way).
    fn scan(&self) -> Vec<DiskEntry> {
        let mut entries = Vec::new();
        let Ok(fanout) = std::fs::read_dir(&self.root) else {
            return entries;
        };
        for sub in fanout.flatten() {
            let Ok(files) = std::fs::read_dir(sub.path()) else {
                continue;
            };
            for file in files.flatten() {
                let Ok(meta) = file.metadata() else {
                    continue;
                };
                let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                if file
                    .file_name()
                    .to_string_lossy()
                    .starts_with(TEMPORARY_PREFIX)
                {
                    if used.elapsed().is_ok_and(|age| age > STALE_TEMPORARY) {
                        let _ = std::fs::remove_file(file.path());
                    }
                    continue;
                }
                if meta.is_file() {
                    entries.push(DiskEntry {
                        path: file.path(),
                        bytes: meta.len(),
                        used,
                    });
                }
            }
        }
        entries
    }
}

/// A file of the store, as eviction sees it.
struct DiskEntry {
    path: PathBuf,
    bytes: u64,
    used: SystemTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> Key {
        Key([n; 32])
    }

    fn set_age(path: &Path, age: Duration) {
        std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(SystemTime::now() - age))
            .expect("set mtime");
    }

    #[test]
    fn a_stored_entry_is_a_hit_and_another_key_a_miss() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DiskStore::new(dir.path().to_path_buf(), 1 << 20);
        assert_eq!(store.get(&key(1)), None);
        store.put(&key(1), b"abc").expect("put");
        assert_eq!(store.get(&key(1)), Some(b"abc".to_vec()));
        assert_eq!(store.get(&key(2)), None);
        let path = store.path(&key(1));
        assert!(
            path.starts_with(dir.path().join("v1")),
            "{}",
            path.display()
        );
        // A second process (a second store on the same folder) sees it.
        let other = DiskStore::new(dir.path().to_path_buf(), 1 << 20);
        assert_eq!(other.get(&key(1)), Some(b"abc".to_vec()));
    }

    #[test]
    fn corrupt_truncated_and_misplaced_entries_are_misses_and_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = DiskStore::new(dir.path().to_path_buf(), 1 << 20);
        store.put(&key(1), b"some machine code").expect("put");
        let path = store.path(&key(1));
        let good = std::fs::read(&path).expect("read");

        let mut corrupt = good.clone();
        let last = corrupt.len() - 1;
        corrupt[last] ^= 1;
        std::fs::write(&path, &corrupt).expect("write");
        assert_eq!(store.get(&key(1)), None);
        assert!(!path.exists(), "a corrupt entry is removed");

        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &good[..good.len() / 2]).expect("write");
        assert_eq!(store.get(&key(1)), None);
        assert!(!path.exists(), "a truncated entry is removed");

        // Key 1's entry copied to key 2's place.
        store.put(&key(2), b"x").expect("put");
        std::fs::write(store.path(&key(2)), &good).expect("write");
        assert_eq!(store.get(&key(2)), None);
        assert!(!store.path(&key(2)).exists());

        // Rewritten after the miss, it is a hit again.
        store.put(&key(1), b"some machine code").expect("put");
        assert_eq!(store.get(&key(1)), Some(b"some machine code".to_vec()));
    }

    #[test]
    fn an_unwritable_folder_is_an_error_and_an_unreadable_one_a_miss() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, b"").expect("write");
        let store = DiskStore::new(file, 1 << 20);
        assert!(store.put(&key(1), b"abc").is_err());
        assert_eq!(store.get(&key(1)), None);
    }

    #[test]
    fn eviction_removes_the_least_recently_used_entries_down_to_the_low_water_mark() {
        let dir = tempfile::tempdir().expect("tempdir");
        let payload = vec![0u8; 1000];
        let entry_size = entry::encode(&key(0), &payload).len() as u64;
        // Room for 10 entries.
        let store = DiskStore::new(dir.path().to_path_buf(), 10 * entry_size);
        for n in 0..10 {
            store.put(&key(n), &payload).expect("put");
            // Entry n was last used 100 - n minutes ago: entry 0 is the oldest.
            set_age(
                &store.path(&key(n)),
                Duration::from_secs(60 * (100 - n as u64)),
            );
        }
        // Using entry 0 makes it the most recently used.
        assert!(store.get(&key(0)).is_some());
        // A stale temporary file of a killed writer, and a recent one of a running writer.
        let stale = store.path(&key(0)).with_file_name(".tmp-stale");
        let running = store.path(&key(0)).with_file_name(".tmp-running");
        std::fs::write(&stale, b"x").expect("write");
        std::fs::write(&running, b"x").expect("write");
        set_age(&stale, Duration::from_secs(3600));
        // The 11th entry takes the folder over the cap: down to 9 entries (90%).
        store.put(&key(10), &payload).expect("put");
        let present: Vec<u8> = (0..=10).filter(|&n| store.path(&key(n)).exists()).collect();
        assert_eq!(present, vec![0, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(running.exists(), "a running writer's file is kept");
        assert_eq!(store.get(&key(0)), Some(payload.clone()));
    }

    #[test]
    fn concurrent_writers_and_readers_of_the_same_keys_see_whole_entries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let payload = |n: u8| vec![n; 5000 + n as usize];
        std::thread::scope(|scope| {
            for _ in 0..4 {
                let path = dir.path().to_path_buf();
                scope.spawn(move || {
                    // Each thread has its own store, as each process would.
                    let store = DiskStore::new(path, 1 << 30);
                    for round in 0..20u8 {
                        for n in 0..8u8 {
                            store.put(&key(n), &payload(n)).expect("put");
                            if let Some(p) = store.get(&key((n + round) % 8)) {
                                assert_eq!(p, payload((n + round) % 8));
                            }
                        }
                    }
                });
            }
        });
        let store = DiskStore::new(dir.path().to_path_buf(), 1 << 30);
        for n in 0..8 {
            assert_eq!(store.get(&key(n)), Some(payload(n)));
        }
        let leftovers: Vec<_> = std::fs::read_dir(store.path(&key(0)).parent().expect("parent"))
            .expect("read_dir")
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(TEMPORARY_PREFIX)
            })
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }
}
