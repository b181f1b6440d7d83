//! Workspace-level tests (see `tests/tests/`): IR snapshots over the corpus, incrementality,
//! no-panic robustness and the command line. This library holds their shared helpers.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The corpus folder `tests/corpus/<name>`.
pub fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// The `.py` files of a corpus folder, sorted.
pub fn corpus_files(name: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir(name))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    files.sort();
    files
}

/// A small deterministic pseudo-random generator (xorshift64*, Vigna 2016) so that mutation
/// tests are reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    /// Seeded generator (seed 0 is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

pub mod fuzz;
pub mod targets;

/// The real CPython interpreter behind `python3` (see [`fuzz::run::python`]).
pub use fuzz::run::python;

/// Spawns `cmd`, retrying for up to 2 s while the executable is busy (`ETXTBSY`): a test that
/// builds an executable while other test threads fork can find the new file still open for
/// writing in a child that has not yet reached `exec` (a race of `fork` with any file
/// written by the process, not a bug of the build).
///
/// # Errors
/// The spawn error once retrying stops, or any other spawn error at once.
pub fn spawn_retrying(cmd: &mut std::process::Command) -> std::io::Result<std::process::Child> {
    const ETXTBSY: i32 = 26;
    let mut attempts = 0;
    loop {
        match cmd.spawn() {
            Err(e) if e.raw_os_error() == Some(ETXTBSY) && attempts < 100 => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            r => return r,
        }
    }
}

/// [`spawn_retrying`], then waits for the output (as `Command::output`, with stdout and
/// stderr captured).
///
/// # Errors
/// As [`spawn_retrying`], or a wait error.
pub fn output_retrying(cmd: &mut std::process::Command) -> std::io::Result<std::process::Output> {
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    spawn_retrying(cmd)?.wait_with_output()
}

/// The headless Chromium of Debian's `chromium-headless-shell`, if installed (for tests that
/// render pages: the HTML report, the wasm32 browser loader).
pub fn headless_chromium() -> Option<std::path::PathBuf> {
    [
        "/usr/lib/chromium/chromium-headless-shell",
        "/usr/bin/chromium-headless-shell",
    ]
    .iter()
    .map(std::path::PathBuf::from)
    .find(|p| p.is_file())
}

/// Whether the wasm32 tests can run: molt-lsp embeds the wasm32 runtime (or
/// `MOLT_WASM_RUNTIME_LIB` names one). Without it a test is skipped with a message on a
/// developer's machine, and fails under CI (`CI` set), where the toolchain is installed,
/// unless the build skipped the runtime on purpose (`MOLT_NO_WASM_RUNTIME`).
pub fn wasm_runtime_available() -> bool {
    let has = !molt_driver::build::WASM_RUNTIME_LIBRARY.is_empty()
        || std::env::var_os("MOLT_WASM_RUNTIME_LIB").is_some();
    if has {
        return true;
    }
    let on_purpose = std::env::var_os("MOLT_NO_WASM_RUNTIME").is_some();
    assert!(
        on_purpose || std::env::var_os("CI").is_none(),
        "molt-lsp was built without the wasm32 runtime: CI installs Debian's rustc-web \
         cargo-web rust-web-src lld-16 first (.ci/run)"
    );
    eprintln!(
        "skipped: molt-lsp was built without the wasm32 runtime (install Debian's rustc-web \
         cargo-web rust-web-src lld-16 and rebuild to run the wasm32 tests)"
    );
    false
}
