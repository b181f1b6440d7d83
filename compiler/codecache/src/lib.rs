//! A persistent, content-addressed store of compiled code, so that a fresh process (a new CI
//! job, a restarted editor) does not compile again what an earlier one compiled.
//!
//! Two tiers below the compiler's in-memory cache, asked in this order:
//! - [`DiskStore`]: one file per entry under `~/.cache/molt-lsp/code/` (or
//!   `$XDG_CACHE_HOME/molt-lsp/code/`, or `$MOLT_CODE_CACHE_DIR`), written atomically,
//!   size-capped with least-recently-used eviction, shared by concurrent processes.
//! - [`RemoteStore`]: a Bazel HTTP remote cache (`GET`/`PUT` of `<URL>/ac/<key>` and
//!   `<URL>/cas/<sha256>`), shared by a team or by CI machines.
//!
//! A [`CodeCache`] is one build's view of both tiers: it reads through them (a remote hit is
//! written to disk), writes compiled code back to both, counts where each function came from
//! ([`CacheStats`]) and turns every failure into a miss plus at most one warning per tier.
//!
//! This crate knows nothing of Cranelift or MIR: it stores opaque payloads under 32-byte
//! [`Key`]s that the compiler derives from everything the code depends on.
//!
//! **Invariant:** no operation here fails a build. A corrupt, truncated or unreadable entry is
//! a miss (and a corrupt disk entry is removed); an unreachable or slow remote cache costs at
//! most one timeout per build, after which the build stops asking it.

mod disk;
mod entry;
mod remote;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

pub use disk::DiskStore;
pub use entry::{FORMAT_VERSION, decode as decode_entry, encode as encode_entry};
pub use remote::RemoteStore;

/// What identifies an entry: the SHA-256 of everything the stored code depends on (for
/// compiled functions: optimized MIR text, codegen settings, compiler version, target).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Key(pub [u8; 32]);

impl Key {
    /// 64 lowercase hex digits.
    pub fn hex(&self) -> String {
        hex(&self.0)
    }
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The default size cap of the disk cache: 512 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 512 << 20;

/// The default connect and read timeout of the remote cache: 2 s.
pub const DEFAULT_REMOTE_TIMEOUT: Duration = Duration::from_secs(2);

/// Where the code cache lives and which tiers are used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheConfig {
    /// The disk cache folder (`None`: no disk cache).
    pub dir: Option<PathBuf>,
    /// The size cap of the disk cache in bytes: a write that takes the folder over it evicts
    /// the least recently used entries.
    pub max_bytes: u64,
    /// The base URL of a Bazel HTTP remote cache (`None`: none).
    pub remote: Option<String>,
    /// The remote cache's connect timeout, and its timeout for each response and body.
    pub remote_timeout: Duration,
}

impl Default for CacheConfig {
    /// No disk cache, no remote cache.
    fn default() -> CacheConfig {
        CacheConfig {
            dir: None,
            max_bytes: DEFAULT_MAX_BYTES,
            remote: None,
            remote_timeout: DEFAULT_REMOTE_TIMEOUT,
        }
    }
}

impl CacheConfig {
    /// The configuration the environment asks for:
    /// - the disk cache in `$MOLT_CODE_CACHE_DIR`, else `$XDG_CACHE_HOME/molt-lsp/code`, else
    ///   `$HOME/.cache/molt-lsp/code`; none when `MOLT_NO_CODE_CACHE` is set (to anything but
    ///   `0` or the empty string) or no folder can be named;
    /// - its cap from `MOLT_CODE_CACHE_SIZE`, in MiB (default 512);
    /// - the remote cache from `MOLT_REMOTE_CACHE` (a URL; empty: none).
    pub fn from_env() -> CacheConfig {
        CacheConfig::from_vars(|name| std::env::var_os(name))
    }

    /// [`CacheConfig::from_env`] with the variables read through `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> CacheConfig {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let disabled = set("MOLT_NO_CODE_CACHE").is_some_and(|v| v != "0");
        let dir = if disabled {
            None
        } else if let Some(dir) = set("MOLT_CODE_CACHE_DIR") {
            Some(PathBuf::from(dir))
        } else {
            set("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| set("HOME").map(|h| PathBuf::from(h).join(".cache")))
                .map(|d| d.join("molt-lsp").join("code"))
        };
        let max_bytes = set("MOLT_CODE_CACHE_SIZE")
            .and_then(|v| v.to_str()?.trim().parse::<u64>().ok())
            .map_or(DEFAULT_MAX_BYTES, |mib| mib.saturating_mul(1 << 20));
        let remote = set("MOLT_REMOTE_CACHE").map(|v| v.to_string_lossy().into_owned());
        CacheConfig {
            dir,
            max_bytes,
            remote,
            remote_timeout: DEFAULT_REMOTE_TIMEOUT,
        }
    }
}

/// Where a function's code came from in one build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Compiled by this build.
    Compiled,
    /// The process's in-memory cache (an earlier build of the same process).
    Memory,
    /// The disk cache.
    Disk,
    /// The remote cache.
    Remote,
}

/// How many functions of a build came from where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Compiled by this build.
    pub compiled: usize,
    /// From the process's in-memory cache.
    pub memory: usize,
    /// From the disk cache.
    pub disk: usize,
    /// From the remote cache.
    pub remote: usize,
}

impl CacheStats {
    /// Functions taken from any cache.
    pub fn cached(&self) -> usize {
        self.memory + self.disk + self.remote
    }
}

impl std::fmt::Display for CacheStats {
    /// `3 compiled, 40 cached (memory 0, disk 38, remote 2)`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} compiled, {} cached (memory {}, disk {}, remote {})",
            self.compiled,
            self.cached(),
            self.memory,
            self.disk,
            self.remote
        )
    }
}

/// One build's view of the disk and remote caches (see the crate documentation). Shared by
/// the build's codegen threads.
#[derive(Debug)]
pub struct CodeCache {
    disk: Option<DiskStore>,
    remote: Option<RemoteStore>,
    compiled: AtomicUsize,
    memory: AtomicUsize,
    disk_hits: AtomicUsize,
    remote_hits: AtomicUsize,
    /// The first warning of each kind (disk, remote), in the order they happened.
    warnings: Mutex<Vec<(Tier, String)>>,
}

/// A tier, for warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tier {
    Disk,
    Remote,
}

impl CodeCache {
    /// The tiers `config` names. Opening touches neither the disk nor the network.
    pub fn new(config: &CacheConfig) -> CodeCache {
        CodeCache {
            disk: config
                .dir
                .as_ref()
                .map(|dir| DiskStore::new(dir.clone(), config.max_bytes)),
            remote: config
                .remote
                .as_ref()
                .map(|url| RemoteStore::new(url, config.remote_timeout)),
            compiled: AtomicUsize::new(0),
            memory: AtomicUsize::new(0),
            disk_hits: AtomicUsize::new(0),
            remote_hits: AtomicUsize::new(0),
            warnings: Mutex::new(Vec::new()),
        }
    }

    /// A cache with no tiers: it only counts.
    pub fn disabled() -> CodeCache {
        CodeCache::new(&CacheConfig::default())
    }

    /// The payload stored under `key`, from the disk cache, else from the remote cache (then
    /// written to the disk cache too), with where it came from. `None` on a miss and on any
    /// failure.
    pub fn get(&self, key: &Key) -> Option<(Vec<u8>, Source)> {
        if let Some(disk) = &self.disk
            && let Some(payload) = disk.get(key)
        {
            return Some((payload, Source::Disk));
        }
        let remote = self.remote.as_ref()?;
        if remote.is_disabled() {
            return None;
        }
        match remote.get(key) {
            Ok(Some(payload)) => {
                self.put_disk(key, &payload);
                Some((payload, Source::Remote))
            }
            Ok(None) => None,
            Err(e) => {
                self.remote_failed(remote, e);
                None
            }
        }
    }

    /// Stores `payload` under `key` in the disk cache and the remote cache. Failures become a
    /// warning ([`CodeCache::warnings`]).
    pub fn put(&self, key: &Key, payload: &[u8]) {
        self.put_disk(key, payload);
        if let Some(remote) = &self.remote
            && !remote.is_disabled()
            && let Err(e) = remote.put(key, payload)
        {
            self.remote_failed(remote, e);
        }
    }

    /// Removes the disk entry of `key`: its payload was readable but unusable (the caller
    /// could not decode it), so it is compiled again and rewritten.
    pub fn forget(&self, key: &Key) {
        if let Some(disk) = &self.disk {
            disk.remove(key);
        }
    }

    /// Records where one function's code came from.
    pub fn record(&self, source: Source) {
        let counter = match source {
            Source::Compiled => &self.compiled,
            Source::Memory => &self.memory,
            Source::Disk => &self.disk_hits,
            Source::Remote => &self.remote_hits,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// What [`CodeCache::record`] counted so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            compiled: self.compiled.load(Ordering::Relaxed),
            memory: self.memory.load(Ordering::Relaxed),
            disk: self.disk_hits.load(Ordering::Relaxed),
            remote: self.remote_hits.load(Ordering::Relaxed),
        }
    }

    /// One line per tier that failed in this build (the first failure of each), e.g.
    /// `remote code cache http://host:8080: connection refused; not used for the rest of this
    /// build`.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings
            .lock()
            .map(|w| w.iter().map(|(_, m)| m.clone()).collect())
            .unwrap_or_default()
    }

    fn put_disk(&self, key: &Key, payload: &[u8]) {
        if let Some(disk) = &self.disk
            && let Err(e) = disk.put(key, payload)
        {
            self.warn(
                Tier::Disk,
                format!(
                    "code cache {}: cannot write: {e}; compiled code is not kept",
                    disk.dir().display()
                ),
            );
        }
    }

    fn remote_failed(&self, remote: &RemoteStore, error: String) {
        if remote.disable() {
            self.warn(
                Tier::Remote,
                format!(
                    "remote code cache {}: {error}; not used for the rest of this build",
                    remote.url()
                ),
            );
        }
    }

    fn warn(&self, tier: Tier, message: String) {
        if let Ok(mut warnings) = self.warnings.lock()
            && !warnings.iter().any(|(t, _)| *t == tier)
        {
            warnings.push((tier, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> CacheConfig {
        CacheConfig::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| std::ffi::OsString::from(v))
        })
    }

    #[test]
    fn the_environment_names_the_folder_the_cap_and_the_remote() {
        assert_eq!(
            config(&[("HOME", "/home/u")]).dir,
            Some(PathBuf::from("/home/u/.cache/molt-lsp/code"))
        );
        assert_eq!(
            config(&[("HOME", "/home/u"), ("XDG_CACHE_HOME", "/xdg")]).dir,
            Some(PathBuf::from("/xdg/molt-lsp/code"))
        );
        assert_eq!(
            config(&[("XDG_CACHE_HOME", "/xdg"), ("MOLT_CODE_CACHE_DIR", "/c")]).dir,
            Some(PathBuf::from("/c"))
        );
        assert_eq!(
            config(&[("MOLT_CODE_CACHE_DIR", "/c"), ("MOLT_NO_CODE_CACHE", "1")]).dir,
            None
        );
        assert_eq!(
            config(&[("MOLT_CODE_CACHE_DIR", "/c"), ("MOLT_NO_CODE_CACHE", "0")]).dir,
            Some(PathBuf::from("/c"))
        );
        assert_eq!(config(&[]).dir, None);
        assert_eq!(config(&[]).max_bytes, DEFAULT_MAX_BYTES);
        assert_eq!(
            config(&[("MOLT_CODE_CACHE_SIZE", "64")]).max_bytes,
            64 << 20
        );
        assert_eq!(config(&[("MOLT_REMOTE_CACHE", "")]).remote, None);
        assert_eq!(
            config(&[("MOLT_REMOTE_CACHE", "http://h:1/c")]).remote,
            Some("http://h:1/c".into())
        );
    }

    #[test]
    fn an_unreachable_remote_warns_once_and_the_disk_still_serves() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A port nothing listens on: bind one, then close it.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let cache = CodeCache::new(&CacheConfig {
            dir: Some(dir.path().to_path_buf()),
            remote: Some(format!("http://127.0.0.1:{port}")),
            ..CacheConfig::default()
        });
        let key = Key([7; 32]);
        assert_eq!(cache.get(&key), None);
        assert_eq!(cache.get(&Key([8; 32])), None);
        cache.put(&key, b"code");
        assert_eq!(cache.get(&key), Some((b"code".to_vec(), Source::Disk)));
        let warnings = cache.warnings();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with(&format!("remote code cache http://127.0.0.1:{port}: ")),
            "{warnings:?}"
        );
    }
}
