//! Building a native executable: check, optimized MIR, codegen, link with the runtime.
//!
//! Linking uses the system C compiler (`cc`, or `$CC`) with the runtime static library that
//! is embedded in this crate. When `mold` or `ld.lld` is installed it is used as the linker
//! (`-fuse-ld=`), which is faster than GNU ld. The runtime library is written once to the
//! user's cache directory and reused by later links. The executable is written to a temporary file
//! next to the destination and renamed into place, so a build never leaves a half-written
//! artifact. Beside the executable, the build writes its site map (`<artifact>.sites.json`,
//! `docs/profiles.md`), atomically too, after the executable.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use std::sync::Arc;

use molt_db::{Db, SourceFile};
use molt_semantic::modules::{ModuleSource, Program, module_graph};

use crate::LocatedDiagnostic;

pub use molt_codegen::Target;

/// The runtime library every program links (built by `build.rs`).
pub static RUNTIME_LIBRARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/libmolt_runtime.a"));

/// The wasm32 runtime library (`build.rs` builds it when the wasm32 toolchain is installed;
/// empty otherwise).
pub static WASM_RUNTIME_LIBRARY: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/libmolt_runtime_wasm32.a"));

/// Options of a native build.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Where to write the executable (or the `.wasm` module).
    pub output: PathBuf,
    /// Native executable or WASI module.
    pub target: molt_codegen::Target,
    /// Let Cranelift optimize.
    pub optimize: bool,
    /// The disk and remote code caches (`CacheConfig::from_env()` for what the user asked;
    /// the default: neither, only the process's in-memory cache).
    pub code_cache: molt_codecache::CacheConfig,
}

/// What a successful build produced and how long its phases took.
#[derive(Clone, Debug)]
pub struct BuildReport {
    /// Diagnostics that did not stop the build (see `DiagnosticCode::blocks_build`).
    pub diagnostics: Vec<LocatedDiagnostic>,
    /// The executable.
    pub output: PathBuf,
    /// Its site map ([`sites_path`]).
    pub sites: PathBuf,
    /// Checking and lowering (the database queries).
    pub frontend: Duration,
    /// Cranelift codegen.
    pub codegen: Duration,
    /// Linking.
    pub link: Duration,
    /// Where the functions' machine code came from: compiled, or which code cache.
    pub code_cache: molt_codecache::CacheStats,
    /// Code cache failures that did not stop the build (one line per cache that failed:
    /// an unreachable remote cache, an unwritable cache folder).
    pub warnings: Vec<String>,
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The program has errors (syntax, names, unsupported constructs).
    Diagnostics(Vec<LocatedDiagnostic>),
    /// Codegen failed (unsupported by the backend, or an internal error).
    Codegen(molt_codegen::CodegenError),
    /// Linking failed: the linker's command line and output.
    Link(String),
    /// Writing files failed.
    Io(std::io::Error),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Diagnostics(ds) => {
                for d in ds {
                    writeln!(f, "{d}")?;
                }
                let errors = ds
                    .iter()
                    .filter(|d| d.diagnostic.severity == molt_semantic::Severity::Error)
                    .count();
                write!(
                    f,
                    "build failed: {} error{}",
                    errors,
                    if errors == 1 { "" } else { "s" }
                )
            }
            BuildError::Codegen(e) => write!(f, "build failed: {e}"),
            BuildError::Link(m) => write!(f, "link failed: {m}"),
            BuildError::Io(e) => write!(f, "build failed: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<std::io::Error> for BuildError {
    fn from(e: std::io::Error) -> BuildError {
        BuildError::Io(e)
    }
}

/// The default output path of `file`: `target/molt/<stem>` under the current directory.
pub fn default_output(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "a.out".into());
    PathBuf::from("target").join("molt").join(stem)
}

/// Where `--build FILE --target TARGET` writes by default: [`default_output`], with `.wasm`
/// for wasm32.
pub fn default_output_for(file: &Path, target: molt_codegen::Target) -> PathBuf {
    let out = default_output(file);
    match target {
        molt_codegen::Target::Native => out,
        molt_codegen::Target::Wasm32 => with_suffix(&out, ".wasm"),
    }
}

/// The node script that runs a WASI module (`tools/run-wasm.mjs`: `node run-wasm.mjs
/// MODULE ARGS...`), embedded so that the binary runs wasm programs on its own.
pub const WASM_RUNNER: &str = include_str!("../../../tools/run-wasm.mjs");

/// [`WASM_RUNNER`] as a file node can run: written once per user and version to the cache
/// folder (like the runtime library), else to a private temporary file.
fn wasm_runner_path() -> Result<PathBuf, BuildError> {
    use sha2::{Digest, Sha256};
    static PATH: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let hash: String = Sha256::digest(WASM_RUNNER.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = format!("run-wasm-{hash}.mjs");
    let cached = PATH.get_or_init(|| {
        let dir = cache_dir()?;
        let path = dir.join(&name);
        let current = std::fs::read(&path).is_ok_and(|b| b == WASM_RUNNER.as_bytes());
        if !current {
            std::fs::create_dir_all(&dir).ok()?;
            let mut staging = tempfile::Builder::new()
                .prefix(".run-wasm-")
                .tempfile_in(&dir)
                .ok()?;
            std::io::Write::write_all(&mut staging, WASM_RUNNER.as_bytes()).ok()?;
            staging.persist(&path).ok()?;
        }
        Some(path)
    });
    if let Some(p) = cached {
        return Ok(p.clone());
    }
    let p = std::env::temp_dir().join(format!("molt-{}-{name}", std::process::id()));
    std::fs::write(&p, WASM_RUNNER)?;
    Ok(p)
}

/// A command that runs the WASI module `module` with `args` under `node` (stdin, stdout
/// and stderr inherited; the exit status is the program's; a trap ends with
/// `molt: fatal error: wasm trap: ...` and status 134).
///
/// # Errors
/// When no `node` is on `PATH`: what to install.
pub fn wasm_command(module: &Path, args: &[String]) -> Result<Command, BuildError> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let node = std::env::split_paths(&path)
        .map(|d| d.join("node"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            BuildError::Link(
                "running a wasm32 program needs node (Node.js 20 or later, which has \
                 node:wasi): install it, or run the module with any WASI host (wasmtime, \
                 wasmer)"
                    .into(),
            )
        })?;
    let runner = wasm_runner_path()?;
    let mut cmd = Command::new(node);
    if node_main_thread_stack(&mut cmd) {
        cmd.arg(format!("--stack-size={}", NODE_STACK_BYTES / 1024))
            .arg(runner)
            .arg("--in-process");
    } else {
        cmd.arg(runner);
    }
    cmd.arg(module).args(args);
    Ok(cmd)
}

/// Bytes of native stack a wasm32 program's frames may use under node (V8's `--stack-size`):
/// V8 runs wasm frames on the thread's native stack, and a Python recursion through the
/// runtime needs far more than node's default (about 1 MiB) before the runtime's own limit
/// (its shadow stack, [`WASM_STACK_SIZE`]) applies.
const NODE_STACK_BYTES: u64 = 1 << 30;

/// Bytes of the main thread's stack above [`NODE_STACK_BYTES`], for the native frames node
/// and V8 push beyond V8's own limit.
const NODE_STACK_SLACK: u64 = 64 << 20;

/// Arranges for node, started by `cmd`, to run the program on its main thread with a stack of
/// [`NODE_STACK_BYTES`] + [`NODE_STACK_SLACK`]: the soft `RLIMIT_STACK` of the child is raised
/// to that (the main thread's stack grows up to it). Returns false, changing nothing, where
/// the hard limit does not allow it (or off Unix): the runner then uses a worker thread with
/// a stack of its own, which starts about 50-100 ms slower.
#[cfg(unix)]
#[allow(unsafe_code)]
fn node_main_thread_stack(cmd: &mut Command) -> bool {
    use std::os::unix::process::CommandExt;
    let want = (NODE_STACK_BYTES + NODE_STACK_SLACK) as libc::rlim_t;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `getrlimit` writes the limits into `limit`, a valid `rlimit`.
    if unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut limit) } != 0 {
        return false;
    }
    if limit.rlim_max != libc::RLIM_INFINITY && limit.rlim_max < want {
        return false;
    }
    let hard = limit.rlim_max;
    // SAFETY: the closure runs in the child between fork and exec; it only calls
    // `setrlimit`, which is async-signal-safe, and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            let raised = libc::rlimit {
                rlim_cur: want,
                rlim_max: hard,
            };
            if libc::setrlimit(libc::RLIMIT_STACK, &raised) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    true
}

#[cfg(not(unix))]
fn node_main_thread_stack(_cmd: &mut Command) -> bool {
    false
}

/// Where the build of `output` writes its site map: `<output>.sites.json`.
pub fn sites_path(output: &Path) -> PathBuf {
    with_suffix(output, ".sites.json")
}

/// Where `--run --profile` has the program write its profile: `<output>.profile.json`, beside
/// the site map (`molt_profiler::site_map_path_for` finds one from the other).
pub fn profile_path(output: &Path) -> PathBuf {
    with_suffix(output, ".profile.json")
}

/// `path` with `suffix` appended to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Builds `file` into a native executable.
///
/// # Errors
/// [`BuildError`]: diagnostics, codegen, link or I/O failures. Nothing is written at
/// `options.output` unless the build succeeds.
pub fn build(
    db: &dyn Db,
    file: SourceFile,
    options: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    build_at(db, file, options, molt_opt::OptLevel::default())
}

/// [`build`] with the MIR optimizer at `level` (`--opt-level`; [`build`] uses the default,
/// `O2`, through the cached queries).
///
/// # Errors
/// As [`build`].
pub fn build_at(
    db: &dyn Db,
    file: SourceFile,
    options: &BuildOptions,
    level: molt_opt::OptLevel,
) -> Result<BuildReport, BuildError> {
    with_runtime_library_checked(options, || {
        build_backend(build_frontend(db, file, level)?, options)
    })
}

/// [`build_at`] of a program of several modules ([`build_program_frontend`]).
///
/// # Errors
/// As [`build`].
pub fn build_program_at(
    db: &dyn Db,
    program: Program<'_>,
    options: &BuildOptions,
    level: molt_opt::OptLevel,
) -> Result<BuildReport, BuildError> {
    with_runtime_library_checked(options, || {
        build_backend(build_program_frontend(db, program, level)?, options)
    })
}

/// Runs `build` while another thread checks (or writes) the cached runtime library the link
/// will need ([`cached_runtime_library`]: hashing its ~37 MB takes ~20 ms, once per process),
/// so that the check overlaps the frontend, which runs on one core. The thread is joined
/// before this returns, whatever `build` returned: no half-written library is left behind
/// by a build that stopped early.
fn with_runtime_library_checked<T>(options: &BuildOptions, build: impl FnOnce() -> T) -> T {
    if options.target != molt_codegen::Target::Native {
        return build();
    }
    std::thread::scope(|s| {
        s.spawn(|| {
            let _ = cached_runtime_library();
        });
        build()
    })
}

/// What the database part of a build produced: everything codegen needs, owned, so the
/// database (or the server's snapshot of it) can be released before codegen and linking.
#[derive(Clone, Debug)]
pub struct Frontend {
    /// Diagnostics that did not stop the build.
    pub diagnostics: Vec<LocatedDiagnostic>,
    /// The optimized MIR of every function of the program (`<module>` among them).
    pub functions: Vec<std::sync::Arc<molt_mir::Function>>,
    /// Their debug tables (source positions for tracebacks).
    pub debug: molt_codegen::debug::ProgramDebug,
    /// How long checking and optimizing took (cached queries make it short after an edit).
    pub time: Duration,
    /// What names this build for profiles and site maps (`docs/profiles.md`).
    pub identity: BuildIdentity,
    /// What the program prints on stderr before it runs: CPython's compile-time
    /// `SyntaxWarning`s, as CPython prints them when it compiles the file.
    pub startup_stderr: String,
    /// The site map of the build (`crate::sites`), written beside the executable.
    pub sites: molt_profiler::SiteMap,
    /// The program's modules (`__main__` first) for the runtime's module table.
    pub modules: Vec<molt_codegen::ProgramModule>,
}

/// The identity of a build: its source files with their content hashes, the optimization
/// level, and the build id derived from them. A profile or site map whose build id differs
/// from the current one is stale (`docs/profiles.md`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildIdentity {
    /// 16 lowercase hex digits: the first 8 bytes of the SHA-256 of the compiler version,
    /// the opt level and every file's path and content hash, in this order.
    pub build_id: String,
    /// The program's source files (absolute paths, the entry file first) with the lowercase
    /// hex SHA-256 of their UTF-8 text (64 digits).
    pub files: Vec<(PathBuf, String)>,
    /// The MIR optimization level (0, 1 or 2).
    pub opt_level: u8,
}

impl BuildIdentity {
    /// The identity of a build of `files` (path and text, the entry file first) at
    /// `opt_level`.
    pub fn new(files: &[(&Path, &str)], opt_level: u8) -> BuildIdentity {
        use sha2::{Digest, Sha256};
        let files: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(p, text)| {
                let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
                (p, hex(&Sha256::digest(text.as_bytes())))
            })
            .collect();
        let mut h = Sha256::new();
        h.update(concat!("molt-lsp ", env!("CARGO_PKG_VERSION"), "\0").as_bytes());
        h.update([opt_level]);
        for (p, sha) in &files {
            h.update(p.to_string_lossy().as_bytes());
            h.update([0]);
            h.update(sha.as_bytes());
        }
        BuildIdentity {
            build_id: hex(&h.finalize()[..8]),
            files,
            opt_level,
        }
    }
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first half of [`build_at`]: check `file` and read its optimized MIR at `level`,
/// through the database's cached queries (after a one-function edit only that function is
/// lowered and optimized again).
///
/// # Errors
/// [`BuildError::Diagnostics`] when an error stops the build.
pub fn build_frontend(
    db: &dyn Db,
    file: SourceFile,
    level: molt_opt::OptLevel,
) -> Result<Frontend, BuildError> {
    build_program_frontend(db, crate::program(db, file, &[]), level)
}

/// [`build_frontend`] of a program: its entry with every module its imports reach
/// (`molt_semantic::modules::module_graph`), each compiled once per name it is imported
/// under. The functions of a module other than `__main__` carry its name as a prefix
/// (`molt_mir::Function::in_module`); the debug tables name each module's file as its
/// `__file__`.
///
/// # Errors
/// [`BuildError::Diagnostics`] when an error in any module stops the build.
pub fn build_program_frontend(
    db: &dyn Db,
    program: Program<'_>,
    level: molt_opt::OptLevel,
) -> Result<Frontend, BuildError> {
    let start = Instant::now();
    let diagnostics = crate::check_program(db, program);
    if diagnostics.iter().any(|d| d.diagnostic.code.blocks_build()) {
        return Err(BuildError::Diagnostics(diagnostics));
    }
    let entry = program.entry(db);
    let graph = module_graph(db, program);
    let files = graph.files();
    let sources: Vec<(&Path, &str)> = files
        .iter()
        .map(|f| (f.path(db).as_path(), f.text(db).as_str()))
        .collect();
    let identity = BuildIdentity::new(&sources, level as u8);
    let mut functions = Vec::new();
    let mut debug = molt_codegen::debug::ProgramDebug::default();
    let mut sites = molt_profiler::SiteMap::new(
        identity.build_id.clone(),
        identity.opt_level,
        identity
            .files
            .iter()
            .map(|(path, sha256)| molt_profiler::FileHash {
                path: path.display().to_string(),
                sha256: sha256.clone(),
            })
            .collect(),
    );
    let mut modules = Vec::new();
    for module in &graph.modules {
        let (file_path, package_dirs) = match &module.source {
            ModuleSource::File {
                origin,
                package_dir,
                ..
            } => (
                Some(if module.name == "__main__" {
                    crate::debug_info::cpython_script_path(origin)
                } else {
                    origin.display().to_string()
                }),
                package_dir
                    .iter()
                    .map(|d| d.display().to_string())
                    .collect(),
            ),
            ModuleSource::Namespace { dirs } => {
                (None, dirs.iter().map(|d| d.display().to_string()).collect())
            }
            ModuleSource::Runtime => continue,
        };
        modules.push(molt_codegen::ProgramModule {
            name: module.name.clone(),
            file: file_path.clone(),
            path: package_dirs,
            is_package: module.source.is_package(),
        });
        let (Some(file), Some(path)) = (module.file(), file_path) else {
            continue;
        };
        let own = molt_opt::link_file_at(db, program, file, level);
        let own_debug = crate::debug_info::module_debug(db, file, &path, &own);
        let file_index = files.iter().position(|f| *f == file).unwrap_or(0) as u32;
        let base = functions.len() as u32;
        for mut entry in crate::sites::site_map(db, file, &own, &identity).functions {
            entry.function += base;
            entry.file = file_index;
            sites.functions.push(entry);
        }
        for f in own {
            let qualified = Arc::new(f.in_module(&module.name));
            if let Some(table) = own_debug.get(&*f.name) {
                debug.insert(qualified.name.to_string(), table.clone());
            }
            functions.push(qualified);
        }
    }
    let startup_stderr = startup_warnings(db, entry);
    Ok(Frontend {
        diagnostics,
        functions,
        debug,
        time: start.elapsed(),
        identity,
        startup_stderr,
        sites,
        modules,
    })
}

/// CPython's compile-time warnings for `file` as its `warnings` module prints them:
/// `PATH:LINE: SyntaxWarning: MESSAGE`, then the stripped source line indented by two
/// spaces, in compilation order (`molt_semantic::warnings`).
fn startup_warnings(db: &dyn Db, file: SourceFile) -> String {
    let parsed = molt_db::parse(db, file);
    let warnings = molt_semantic::warnings::syntax_warnings(parsed.parsed().syntax());
    if warnings.is_empty() {
        return String::new();
    }
    let path = crate::debug_info::cpython_script_path(file.path(db));
    let text = file.text(db);
    let lines = molt_db::line_index(db, file);
    let mut out = String::new();
    for w in warnings {
        let line = lines.line_col(text, w.range.start().to_u32()).0;
        out.push_str(&format!("{path}:{line}: SyntaxWarning: {}\n", w.message));
        if let Some(source) = text.lines().nth(line as usize - 1) {
            let source = source.trim();
            if !source.is_empty() {
                out.push_str(&format!("  {source}\n"));
            }
        }
    }
    out
}

/// The second half of [`build_at`]: codegen (unchanged functions come from the process-wide
/// code cache, else from the disk and remote caches of `options.code_cache`) and link into `options.output`, without the database.
///
/// # Errors
/// [`BuildError::Codegen`], [`BuildError::Link`], [`BuildError::Io`].
pub fn build_backend(
    frontend: Frontend,
    options: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let code_cache = std::sync::Arc::new(molt_codecache::CodeCache::new(&options.code_cache));
    let codegen_options = molt_codegen::CodegenOptions {
        optimize: options.optimize,
        startup_stderr: frontend.startup_stderr.clone(),
        build: molt_codegen::BuildInfo {
            build_id: frontend.identity.build_id.clone(),
            files: frontend
                .identity
                .files
                .iter()
                .map(|(path, sha)| (path.to_string_lossy().into_owned(), sha.clone()))
                .collect(),
        },
        code_cache: Some(code_cache.clone()),
        modules: frontend.modules.clone(),
        target: options.target,
        ..Default::default()
    };
    let object = molt_codegen::compile_program_with_debug(
        &frontend.functions,
        &frontend.debug,
        &codegen_options,
    )
    .map_err(BuildError::Codegen)?;
    let codegen = start.elapsed();
    let start = Instant::now();
    match options.target {
        molt_codegen::Target::Native => link(&object, &options.output)?,
        molt_codegen::Target::Wasm32 => link_wasm(&object, &options.output)?,
    }
    let sites = sites_path(&options.output);
    write_atomically(
        &sites,
        molt_profiler::site_map_to_json(&frontend.sites).as_bytes(),
    )?;
    Ok(BuildReport {
        diagnostics: frontend.diagnostics,
        output: options.output.clone(),
        sites,
        frontend: frontend.time,
        codegen,
        link: start.elapsed(),
        code_cache: code_cache.stats(),
        warnings: code_cache.warnings(),
    })
}

/// The user's cache folder of molt-lsp: `$XDG_CACHE_HOME/molt-lsp/` or
/// `~/.cache/molt-lsp/` (`None` without either variable).
fn cache_dir() -> Option<PathBuf> {
    Some(
        std::env::var_os("XDG_CACHE_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?
            .join("molt-lsp"),
    )
}

/// The embedded runtime library as a file the linker can read: written once per user and
/// runtime version to `$XDG_CACHE_HOME/molt-lsp/` (or `~/.cache/molt-lsp/`), named by a hash
/// of its contents (computed by `build.rs`) and renamed into place when complete, then reused by every link of every
/// process (writing its ~25 MB took about half of a link). `None` when no cache directory can
/// be written; the caller then writes a private copy.
fn cached_runtime_library() -> Option<&'static Path> {
    static PATH: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let dir = cache_dir()?;
        let path = dir.join(format!("libmolt_runtime-{}.a", env!("MOLT_RUNTIME_HASH")));
        // Trusted only if its contents hash to the embedded library's SHA-256 (a truncated
        // or altered file is rewritten): hashing the file costs ~20 ms once per process and
        // leaves the embedded bytes untouched, so they never become resident memory (the
        // language server's RSS grew by their 27 MB when the first build compared them).
        let complete = std::fs::metadata(&path)
            .is_ok_and(|m| m.len() == RUNTIME_LIBRARY.len() as u64)
            && file_sha256(&path).is_some_and(|h| h == env!("MOLT_RUNTIME_SHA256"));
        if !complete {
            std::fs::create_dir_all(&dir).ok()?;
            let mut staging = tempfile::Builder::new()
                .prefix(".libmolt_runtime-")
                .tempfile_in(&dir)
                .ok()?;
            std::io::Write::write_all(&mut staging, RUNTIME_LIBRARY).ok()?;
            staging.persist(&path).ok()?;
        } else if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            // Used now: its modification time orders the libraries for pruning.
            let _ = file.set_modified(std::time::SystemTime::now());
        }
        prune_runtime_libraries(&dir, &path);
        Some(path)
    })
    .as_deref()
}

/// How many runtime libraries of other molt-lsp versions [`prune_runtime_libraries`] keeps
/// (the most recently used). Each is ~36 MB; every upgrade, and every rebuild of molt-lsp
/// while developing it, writes a new one.
const KEPT_OTHER_RUNTIME_LIBRARIES: usize = 2;

/// A runtime library used more recently than this is never removed: a process of another
/// version may be about to link with it (one that finds its library gone links with a
/// private copy instead, see [`link`]).
const RUNTIME_LIBRARY_GRACE: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes from the cache folder `dir` the runtime libraries (`libmolt_runtime-<hash>.a`)
/// of other versions than `own`, except the [`KEPT_OTHER_RUNTIME_LIBRARIES`] most recently
/// used and those used within [`RUNTIME_LIBRARY_GRACE`]. Errors are ignored (another
/// process may be pruning too).
fn prune_runtime_libraries(dir: &Path, own: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.as_path() != own)
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libmolt_runtime-") && n.ends_with(".a"))
        })
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    others.sort_by(|a, b| b.cmp(a));
    let now = std::time::SystemTime::now();
    for (modified, path) in others.into_iter().skip(KEPT_OTHER_RUNTIME_LIBRARIES) {
        let recent = now
            .duration_since(modified)
            .map_or(true, |age| age < RUNTIME_LIBRARY_GRACE);
        if !recent {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The SHA-256 of the file at `path` in lowercase hex, read in blocks; `None` if it cannot
/// be read.
fn file_sha256(path: &Path) -> Option<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    let mut block = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut block).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&block[..n]);
    }
    Some(
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

/// Writes `bytes` to `path` through a temporary file in the same directory renamed into
/// place, so readers never see a half-written file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut staging = tempfile::Builder::new()
        .prefix(".molt-sites-")
        .tempfile_in(dir)?;
    std::io::Write::write_all(&mut staging, bytes)?;
    staging.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// How old a staging file or folder of a build must be before a later build removes it
/// (one that is younger may belong to a build still running).
const STALE_STAGING: Duration = Duration::from_secs(15 * 60);

/// Removes what builds killed before they finished left in `dir`: entries whose name starts
/// with one of `prefixes` and that were last modified more than [`STALE_STAGING`] ago. Errors
/// are ignored (another process may remove them first).
fn remove_stale_staging(dir: &Path, prefixes: &[&str]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !prefixes.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_STAGING);
        if old {
            let path = entry.path();
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
        }
    }
}

/// A new temporary file beside `output` for the linker to write (renamed into place once
/// complete), after removing what killed builds left there.
fn link_staging(output: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let out_dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(out_dir)?;
    remove_stale_staging(out_dir, &[".molt-link-", ".molt-sites-"]);
    tempfile::Builder::new()
        .prefix(".molt-link-")
        .tempfile_in(out_dir)
}

/// Links `object` with the runtime into the executable `output` (atomically).
fn link(object: &[u8], output: &Path) -> Result<(), BuildError> {
    remove_stale_staging(&std::env::temp_dir(), &[".molt-build-"]);
    let dir = tempfile::Builder::new().prefix(".molt-build-").tempdir()?;
    let obj_path = dir.path().join("program.o");
    std::fs::write(&obj_path, object)?;
    let staging = link_staging(output)?;
    let staging_path = staging.path().to_path_buf();
    let private_copy = || -> std::io::Result<PathBuf> {
        let p = dir.path().join("libmolt_runtime.a");
        std::fs::write(&p, RUNTIME_LIBRARY)?;
        Ok(p)
    };
    // A cached library that another version's pruning removed (see
    // `prune_runtime_libraries`), even while the linker ran, is replaced by a private copy.
    let cached = cached_runtime_library().filter(|p| p.is_file());
    let lib_path = match cached {
        Some(p) => p.to_path_buf(),
        None => private_copy()?,
    };
    let out = match run_linker(&staging_path, &obj_path, &lib_path)? {
        Err(_) if cached.is_some() && !lib_path.is_file() => {
            run_linker(&staging_path, &obj_path, &private_copy()?)?
        }
        out => out,
    };
    if let Err(message) = out {
        return Err(BuildError::Link(message));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&staging_path, std::fs::Permissions::from_mode(0o755))?;
    }
    let staged = staging.into_temp_path();
    staged
        .persist(output)
        .map_err(|e| BuildError::Io(e.error))?;
    Ok(())
}

/// Runs the C compiler driver to link `object` with the runtime library `lib` into `output`.
/// `Ok(Err(message))` when the linker failed (its command and error output).
///
/// # Errors
/// [`BuildError::Link`] when the C compiler cannot be run at all.
fn run_linker(output: &Path, object: &Path, lib: &Path) -> Result<Result<(), String>, BuildError> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let mut cmd = Command::new(&cc);
    cmd.arg("-o").arg(output).arg(object).arg(lib);
    cmd.args(["-lm", "-lpthread", "-ldl"]);
    // The runtime library's DWARF (mostly the Rust standard library's, ~5 MB) is of no use
    // in a program's executable (tracebacks come from molt's own tables, the profiler walks
    // frame pointers, and the symbol table stays): leaving it out makes the executable a
    // third smaller and the link ~20% faster.
    #[cfg(target_os = "linux")]
    cmd.arg("-Wl,--strip-debug");
    if let Some(linker) = fast_linker() {
        cmd.arg(format!("-fuse-ld={linker}"));
    }
    let out = cmd.output().map_err(|e| {
        BuildError::Link(format!(
            "cannot run `{cc}`: {e} (a C compiler is needed to link)"
        ))
    })?;
    if out.status.success() {
        Ok(Ok(()))
    } else {
        Ok(Err(format!(
            "{cmd:?}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )))
    }
}

/// The wasm32 runtime library: `$MOLT_WASM_RUNTIME_LIB`, else the one this binary embeds
/// (written to the cache folder like the native one).
///
/// # Errors
/// [`BuildError::Link`] saying how to get one when there is none.
fn wasm_runtime_library(scratch: &Path) -> Result<PathBuf, BuildError> {
    if let Some(p) = std::env::var_os("MOLT_WASM_RUNTIME_LIB").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        return Err(BuildError::Link(format!(
            "MOLT_WASM_RUNTIME_LIB names no file: {}",
            p.display()
        )));
    }
    if WASM_RUNTIME_LIBRARY.is_empty() {
        return Err(BuildError::Link(
            "this molt-lsp was built without the wasm32 runtime library: install Debian's \
             `rustc-web cargo-web rust-web-src lld-16` and rebuild molt-lsp, or set \
             MOLT_WASM_RUNTIME_LIB to a wasm32 `libmolt_runtime.a` (README, \"WASM\")"
                .into(),
        ));
    }
    let p = scratch.join("libmolt_runtime_wasm32.a");
    std::fs::write(&p, WASM_RUNTIME_LIBRARY)?;
    Ok(p)
}

/// The wasm linker: `wasm-ld`, `wasm-ld-16` … on `PATH` (LLVM's lld).
fn wasm_linker() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for bin in [
        "wasm-ld",
        "wasm-ld-19",
        "wasm-ld-18",
        "wasm-ld-17",
        "wasm-ld-16",
    ] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(bin);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Bytes of shadow stack of a wasm32 program (`-z stack-size`): generated code and the
/// runtime keep their frames' memory there; CPython's default recursion limit (1,000 Python
/// calls) must fit.
const WASM_STACK_SIZE: u32 = 16 << 20;

/// Links the wasm `object` with the wasm32 runtime into the WASI module `output`
/// (atomically): `wasm-ld` with `_start` as the entry, the stack first in memory (an
/// overflow traps instead of overwriting data), then V8's compilation hints
/// ([`molt_codegen::wasm::hints`]).
fn link_wasm(object: &[u8], output: &Path) -> Result<(), BuildError> {
    remove_stale_staging(&std::env::temp_dir(), &[".molt-build-"]);
    let dir = tempfile::Builder::new().prefix(".molt-build-").tempdir()?;
    let obj_path = dir.path().join("program.o");
    std::fs::write(&obj_path, object)?;
    let lib_path = wasm_runtime_library(dir.path())?;
    let linker = wasm_linker().ok_or_else(|| {
        BuildError::Link(
            "no wasm linker: install LLVM's lld (Debian: `apt install lld-16`, which gives \
             `wasm-ld-16`)"
                .into(),
        )
    })?;
    let staging = link_staging(output)?;
    let staging_path = staging.path().to_path_buf();
    let mut cmd = Command::new(&linker);
    cmd.arg("-o")
        .arg(&staging_path)
        .arg(&obj_path)
        .arg(&lib_path)
        .args(["--entry", "_start", "--stack-first", "--gc-sections"])
        .arg(format!("-zstack-size={WASM_STACK_SIZE}"));
    let out = cmd
        .output()
        .map_err(|e| BuildError::Link(format!("cannot run `{}`: {e}", linker.display())))?;
    if !out.status.success() {
        return Err(BuildError::Link(format!(
            "{cmd:?}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    // V8's tier hints: the program's functions go straight to the optimizing tier.
    let linked = std::fs::read(&staging_path)?;
    let hinted = molt_codegen::wasm::hints::add_compilation_hints(
        &linked,
        molt_codegen::wasm::hints::is_program_function,
    )
    .map_err(|e| BuildError::Link(format!("{}: {e}", linker.display())))?;
    std::fs::write(&staging_path, hinted)?;
    let staged = staging.into_temp_path();
    staged
        .persist(output)
        .map_err(|e| BuildError::Io(e.error))?;
    Ok(())
}

/// `mold` or `lld` when installed (found on `PATH`).
fn fast_linker() -> Option<&'static str> {
    let path = std::env::var_os("PATH")?;
    for (bin, name) in [("mold", "mold"), ("ld.lld", "lld")] {
        if std::env::split_paths(&path).any(|dir| dir.join(bin).is_file()) {
            return Some(name);
        }
    }
    None
}

#[cfg(test)]
mod staging_tests {
    use super::*;

    #[test]
    fn stale_staging_files_are_removed_and_recent_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = dir.path().join(".molt-link-old");
        let recent = dir.path().join(".molt-link-new");
        let other = dir.path().join("program");
        for p in [&old, &recent, &other] {
            std::fs::write(p, b"x").expect("write");
        }
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .and_then(|f| f.set_modified(long_ago))
            .expect("set mtime");
        std::fs::File::options()
            .write(true)
            .open(&other)
            .and_then(|f| f.set_modified(long_ago))
            .expect("set mtime");
        remove_stale_staging(dir.path(), &[".molt-link-"]);
        assert!(!old.exists(), "a killed build's staging file is removed");
        assert!(recent.exists(), "a running build's staging file is kept");
        assert!(other.exists(), "other files are never touched");
    }

    /// The two sides of the ABI meet: every function codegen imports from the runtime
    /// (`molt_abi::for_each_runtime_function!`) is defined by the runtime library this
    /// binary links programs with. (The runtime checks each signature when it compiles.)
    #[test]
    fn the_runtime_library_defines_every_function_codegen_imports() {
        use object::read::archive::ArchiveFile;
        let archive =
            ArchiveFile::parse(RUNTIME_LIBRARY).expect("the runtime library is an archive");
        let defined: std::collections::HashSet<&[u8]> = archive
            .symbols()
            .expect("its symbol table reads")
            .expect("it has a symbol table")
            .map(|sym| sym.expect("a symbol reads").name())
            .collect();
        let missing: Vec<&str> = molt_codegen::Rt::ALL
            .iter()
            .filter(|f| f.from_runtime() && !defined.contains(f.name().as_bytes()))
            .map(|f| f.name())
            .collect();
        assert!(
            missing.is_empty(),
            "not defined by libmolt_runtime.a: {missing:?}"
        );
        assert!(molt_codegen::Rt::ALL.len() > 80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// A file named `name` in `dir` last modified `age` ago.
    fn aged(dir: &Path, name: &str, age: Duration) -> PathBuf {
        let path = dir.join(name);
        let file = std::fs::File::create(&path).expect("create");
        file.set_modified(SystemTime::now() - age)
            .expect("set the modification time");
        path
    }

    #[test]
    fn pruning_keeps_the_own_the_recent_and_the_most_recently_used_libraries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let hour = Duration::from_secs(3600);
        let own = aged(dir.path(), "libmolt_runtime-own.a", 30 * hour);
        let just_used = aged(dir.path(), "libmolt_runtime-a.a", Duration::from_secs(60));
        let newer = aged(dir.path(), "libmolt_runtime-b.a", 2 * hour);
        let older = aged(dir.path(), "libmolt_runtime-c.a", 3 * hour);
        let oldest = aged(dir.path(), "libmolt_runtime-d.a", 4 * hour);
        let unrelated = aged(dir.path(), "libother-e.a", 5 * hour);
        prune_runtime_libraries(dir.path(), &own);
        for kept in [&own, &just_used, &newer, &unrelated] {
            assert!(kept.exists(), "{} was removed", kept.display());
        }
        for removed in [&older, &oldest] {
            assert!(!removed.exists(), "{} was kept", removed.display());
        }
    }

    #[test]
    fn pruning_never_removes_a_library_used_within_the_grace_period() {
        let dir = tempfile::tempdir().expect("tempdir");
        let own = aged(dir.path(), "libmolt_runtime-own.a", Duration::ZERO);
        let recent: Vec<PathBuf> = (0..5)
            .map(|i| {
                aged(
                    dir.path(),
                    &format!("libmolt_runtime-{i}.a"),
                    Duration::from_secs(60 * i),
                )
            })
            .collect();
        prune_runtime_libraries(dir.path(), &own);
        assert!(recent.iter().all(|p| p.exists()));
    }
}
