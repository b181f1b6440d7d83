//! The process-wide cache of compiled functions ([`CODE_CACHE`]), above the disk and remote
//! caches: the language server builds on every save, and an unchanged function is then
//! taken from memory. It is bounded, since every edit makes a new function text whose code
//! would otherwise stay for the life of the process: an entry not used by the last
//! [`KEEP_BUILDS`] builds is dropped, and when the entries exceed [`MAX_BYTES`] the least
//! recently used go first. What is dropped is still on disk (when the disk cache is on).

use std::sync::{LazyLock, Mutex};

use rustc_hash::FxHashMap;

use crate::CachedCode;

/// Builds after which an unused entry is dropped.
pub(crate) const KEEP_BUILDS: u64 = 8;

/// The most bytes of code (and relocations and PC maps, estimated) the cache keeps.
pub(crate) const MAX_BYTES: usize = 64 << 20;

/// Compiled functions by the first 8 bytes of their persistent key (`persist::key`).
pub(crate) static CODE_CACHE: LazyLock<Mutex<MemoryCache>> = LazyLock::new(Default::default);

/// See the module docs.
#[derive(Default)]
pub(crate) struct MemoryCache {
    entries: FxHashMap<u64, Entry>,
    /// Sum of the entries' sizes ([`size`]).
    bytes: usize,
    /// Builds started so far (the clock of last uses).
    builds: u64,
}

struct Entry {
    code: CachedCode,
    /// The build that last used it.
    used: u64,
    size: usize,
}

/// The memory an entry holds, estimated: code, relocations (with their symbol names) and
/// the PC map.
fn size(code: &CachedCode) -> usize {
    let relocs: usize = code
        .relocs
        .iter()
        .map(|(_, _, target, _)| {
            48 + match target {
                crate::SymbolicTarget::Named(name) => name.len(),
                _ => 0,
            }
        })
        .sum();
    code.bytes.len() + relocs + code.pcmap.len() * 12 + 64
}

impl MemoryCache {
    /// Starts a build: what it uses counts as used now.
    pub(crate) fn begin_build(&mut self) {
        self.builds += 1;
    }

    /// The code under `key`, marked as used by the current build.
    pub(crate) fn get(&mut self, key: u64) -> Option<CachedCode> {
        let now = self.builds;
        self.entries.get_mut(&key).map(|e| {
            e.used = now;
            e.code.clone()
        })
    }

    /// Keeps `code` under `key`.
    pub(crate) fn insert(&mut self, key: u64, code: CachedCode) {
        let size = size(&code);
        let entry = Entry {
            code,
            used: self.builds,
            size,
        };
        self.bytes += size;
        if let Some(old) = self.entries.insert(key, entry) {
            self.bytes -= old.size;
        }
        if self.bytes > MAX_BYTES {
            self.shrink();
        }
    }

    /// Drops what the last [`KEEP_BUILDS`] builds did not use, then the least recently
    /// used entries while over [`MAX_BYTES`] (down to three quarters of it).
    pub(crate) fn trim(&mut self) {
        let oldest_kept = self.builds.saturating_sub(KEEP_BUILDS - 1);
        let mut freed = 0;
        self.entries.retain(|_, e| {
            let keep = e.used >= oldest_kept;
            if !keep {
                freed += e.size;
            }
            keep
        });
        self.bytes -= freed;
        if self.bytes > MAX_BYTES {
            self.shrink();
        }
    }

    /// Drops the least recently used entries down to three quarters of [`MAX_BYTES`].
    fn shrink(&mut self) {
        let mut by_age: Vec<(u64, u64, usize)> = self
            .entries
            .iter()
            .map(|(k, e)| (e.used, *k, e.size))
            .collect();
        by_age.sort_unstable();
        for (_, key, size) in by_age {
            if self.bytes <= MAX_BYTES / 4 * 3 {
                break;
            }
            self.entries.remove(&key);
            self.bytes -= size;
        }
    }

    /// Drops everything.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }

    /// Number of entries and their estimated size in bytes.
    pub(crate) fn len_and_bytes(&self) -> (usize, usize) {
        (self.entries.len(), self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(n: usize) -> CachedCode {
        CachedCode {
            bytes: vec![0x90; n],
            align: 16,
            relocs: Vec::new(),
            pcmap: Vec::new(),
        }
    }

    #[test]
    fn entries_unused_for_keep_builds_builds_are_dropped() {
        let mut cache = MemoryCache::default();
        cache.begin_build();
        cache.insert(1, code(100));
        cache.insert(2, code(100));
        cache.trim();
        for _ in 1..KEEP_BUILDS {
            cache.begin_build();
            assert!(cache.get(1).is_some());
            cache.trim();
        }
        // Entry 2 was last used KEEP_BUILDS - 1 builds ago: still there.
        assert_eq!(cache.len_and_bytes().0, 2);
        cache.begin_build();
        assert!(cache.get(1).is_some());
        cache.trim();
        assert_eq!(cache.len_and_bytes(), (1, size(&code(100))));
        assert!(cache.get(2).is_none());
    }

    #[test]
    fn the_least_recently_used_go_first_over_the_size_cap() {
        let mut cache = MemoryCache::default();
        let big = MAX_BYTES / 8;
        for key in 0..12 {
            cache.begin_build();
            cache.insert(key, code(big));
        }
        cache.trim();
        let (n, bytes) = cache.len_and_bytes();
        assert!(bytes <= MAX_BYTES, "{bytes}");
        assert!(n < 8, "{n} entries of an eighth of the cap each");
        // Only the newest entries are kept.
        assert!(cache.get(11).is_some());
        assert!(cache.get(11 - n as u64).is_none());
    }
}
