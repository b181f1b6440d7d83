//! Building from the editor: on save (`buildOnSave: "native"`, `"wasm"` or `"both"`: native
//! executables and WASI modules) and by the `molt.build` / `molt.run` / `molt.runProfiled`
//! commands (native).
//!
//! **Invariant:** a build never blocks typing. Its frontend (check, optimized MIR) runs on a
//! snapshot of the workspace database, so after a one-function edit only that function is
//! lowered and optimized again; the snapshot is dropped before codegen and linking, which
//! take a hundred milliseconds or more without a query (a snapshot held that long would make
//! the next edit wait for it: a write waits for every snapshot). When an edit cancels the
//! frontend, the build falls back to a private database loaded with the same text. It is
//! the same pipeline as `molt_driver::build::build`; Cranelift's per-function code cache is
//! process-wide, so an unchanged function is not compiled again either.
//!
//! Builds run one at a time. Each has a generation per source file: a newer build of the
//! same file supersedes an older one, whose result is then discarded (not reported). The
//! output is written atomically by the driver, and because builds are serialized the last
//! save's artifact is the one left on disk.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use molt_db::{RootDatabase, SourceFile};
use molt_driver::build::{BuildError, BuildOptions, Target};
use tower_lsp_server::ls_types::{MessageType, NumberOrString};
use tower_lsp_server::{NotCancellable, OngoingProgress, Unbounded};

use super::Server;
use super::analysis;
use super::diagnostics;
use super::documents::Priority;
use super::state::Snapshot;
use super::workspace::ImportPaths;

/// The progress message of a build that waits for another to finish.
pub const WAITING: &str = "waiting for the previous build";

/// The progress message of a build that compiles.
pub const COMPILING: &str = "compiling and linking";

/// How long a build waits for the client to accept its progress token.
const PROGRESS_CREATE_TIMEOUT: Duration = Duration::from_secs(5);

/// Why a build runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The file was saved with `buildOnSave` on.
    Save,
    /// A `molt.build` or `molt.run` command.
    Command,
}

/// The result of a build as the server reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildOutcome {
    /// The executable was written.
    Built {
        /// Its path.
        artifact: PathBuf,
        /// Wall time of the build (waiting for an earlier build not included), ms.
        duration_ms: u64,
    },
    /// The build failed; the message (also published as diagnostics).
    Failed(String),
    /// A newer build of the same file started meanwhile.
    Superseded,
}

/// Generations and the one-at-a-time slot (see the module docs).
#[derive(Default)]
pub struct Builds {
    generations: Mutex<HashMap<PathBuf, u64>>,
    next: AtomicU64,
    slot: tokio::sync::Mutex<()>,
}

impl Builds {
    /// Starts a new generation for `source` and returns it.
    fn start(&self, source: &Path) -> u64 {
        let generation = self.next.fetch_add(1, Ordering::SeqCst) + 1;
        if let Ok(mut map) = self.generations.lock() {
            map.insert(source.to_path_buf(), generation);
        }
        generation
    }

    /// Whether `generation` is still the newest for `source`.
    fn is_current(&self, source: &Path, generation: u64) -> bool {
        self.generations
            .lock()
            .map(|map| map.get(source) == Some(&generation))
            .unwrap_or(true)
    }
}

/// The output path of `source` in the folder `out_dir`: the source's path relative to the
/// workspace folder `root`, without its `.py`, under `out_dir` (`<root>/pkg/app.py` gives
/// `<out_dir>/pkg/app`), so that two files with one name in different folders get different
/// executables. A file outside `root` (or with no `root`: a loose file, whose `out_dir` is
/// under its own folder) gives `<out_dir>/<stem>`.
pub fn artifact_path(out_dir: &Path, root: Option<&Path>, source: &Path) -> PathBuf {
    let stem = molt_driver::build::default_output(source)
        .file_name()
        .unwrap_or_default()
        .to_owned();
    let folder = root
        .and_then(|root| source.parent()?.strip_prefix(root).ok())
        // Only plain folder names: never `..` or a root that would leave `out_dir`.
        .filter(|rel| {
            rel.components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        });
    match folder {
        Some(rel) => out_dir.join(rel).join(stem),
        None => out_dir.join(stem),
    }
}

/// The WASI module's path beside the native artifact `native`: `<native>.wasm`.
pub fn wasm_artifact_path(native: &Path) -> PathBuf {
    let mut s = native.as_os_str().to_owned();
    s.push(".wasm");
    PathBuf::from(s)
}

/// Builds `text` (the contents of `source`) into each of `outputs` (one frontend run, one
/// backend run per target) on a private database. Blocking.
fn build_blocking(
    snapshot: Option<Snapshot>,
    source: &Path,
    text: String,
    encoding_error: Option<u32>,
    outputs: Vec<(Target, PathBuf)>,
    code_cache: molt_codecache::CacheConfig,
    paths: ImportPaths,
) -> Result<Result<Vec<molt_driver::build::BuildReport>, BuildError>, analysis::AnalysisError> {
    let level = molt_opt::OptLevel::default();
    let frontend = match snapshot {
        Some(snapshot) => {
            // The snapshot is taken after waiting for the build slot: it is used only if the
            // file still has the text this build was asked for.
            let r = analysis::catch(|| {
                (*snapshot.file.text(&snapshot.db) == text).then(|| {
                    let program = snapshot.paths.program(&snapshot.db, snapshot.file);
                    molt_driver::build::build_program_frontend(&snapshot.db, program, level)
                })
            });
            drop(snapshot);
            match r {
                Err(analysis::AnalysisError::Cancelled) => None,
                r => r?,
            }
        }
        None => None,
    };
    let frontend = match frontend {
        Some(f) => f,
        None => analysis::catch(|| {
            let db = RootDatabase::default();
            let file = SourceFile::new(&db, source.to_path_buf(), text, encoding_error);
            molt_driver::build::build_program_frontend(&db, paths.program(&db, file), level)
        })?,
    };
    analysis::catch(|| {
        frontend.and_then(|f| {
            outputs
                .into_iter()
                .map(|(target, output)| {
                    molt_driver::build::build_backend(
                        f.clone(),
                        &BuildOptions {
                            target,
                            output,
                            optimize: true,
                            code_cache: code_cache.clone(),
                        },
                    )
                })
                .collect()
        })
    })
}

/// What saving `saved` builds (in this order): `saved` itself when it is an entry point
/// (`molt_semantic::entry_points`) or when no entry point imports it, then every other entry
/// point among `files` whose import graph (searching `paths`) contains it. Blocking; runs on
/// a snapshot.
pub fn save_targets(
    db: &dyn molt_db::Db,
    saved: SourceFile,
    files: &[(PathBuf, SourceFile)],
    paths: &ImportPaths,
) -> Vec<PathBuf> {
    use molt_semantic::entry_points::is_entry_point;
    use molt_semantic::modules::module_graph;
    let mut importers: Vec<PathBuf> = files
        .iter()
        .filter(|(_, file)| *file != saved && is_entry_point(db, *file))
        .filter(|(_, file)| {
            module_graph(db, paths.program(db, *file))
                .files()
                .contains(&saved)
        })
        .map(|(path, _)| path.clone())
        .collect();
    importers.sort();
    if is_entry_point(db, saved) || importers.is_empty() {
        importers.insert(0, saved.path(db).clone());
    }
    importers
}

impl Server {
    /// Supersedes the builds of `source` started so far (a newer save of it arrived): their
    /// results are discarded. Called when the save arrives, not when its own build starts,
    /// which may be much later (after the analysis that finds what to build).
    pub(super) fn supersede_builds(&self, source: &Path) {
        self.shared.builds.start(source);
    }

    /// Builds what saving `path` builds ([`save_targets`]), one build after the other (the
    /// build slot serializes them); the saved file is built on its own when it cannot be
    /// analysed (cancelled by an edit, or unknown).
    pub async fn build_on_save(&self, path: PathBuf) {
        // An analysis cancelled by a write (the workspace still loading, another edit) is
        // tried again on a newer snapshot; a panic builds the saved file alone.
        let mut targets = vec![path.clone()];
        for _ in 0..8 {
            let job = {
                let state = self.state();
                state.file(&path).map(|(ws, file)| {
                    let files: Vec<(PathBuf, SourceFile)> =
                        ws.files.iter().map(|(p, f)| (p.clone(), *f)).collect();
                    (ws.db.clone(), file, files, ws.import_paths(&state.settings))
                })
            };
            let Some((db, file, files, paths)) = job else {
                break;
            };
            match analysis::run(db, move |db| save_targets(db, file, &files, &paths)).await {
                Ok(found) => {
                    targets = found;
                    break;
                }
                Err(analysis::AnalysisError::Cancelled) => continue,
                Err(analysis::AnalysisError::Panicked(_)) => break,
            }
        }
        for target in targets {
            let server = self.clone();
            tokio::spawn(async move {
                let _ = server.build(target, Trigger::Save).await;
            });
        }
    }

    /// Builds `source` (its current text: the editor's for an open document) into
    /// [`artifact_path`] under `<workspace>/<outDir>`, with progress, and reports the outcome:
    /// a log message on success; on failure diagnostics, a log message, the end of the
    /// progress report, and a `window/showMessage` only for a command; nothing when
    /// superseded.
    pub async fn build(&self, source: PathBuf, trigger: Trigger) -> BuildOutcome {
        let Some((
            generation,
            text,
            encoding_error,
            outputs,
            progress_supported,
            code_cache,
            paths,
        )) = ({
            let state = self.state();
            // A save builds what `buildOnSave` says; a command, the native executable.
            let targets = match trigger {
                Trigger::Save => state.settings.build_on_save.targets(),
                Trigger::Command => &[Target::Native],
            };
            state.file(&source).map(|(ws, file)| {
                let out_dir = ws.out_dir(&state.settings, &source);
                let native = artifact_path(&out_dir, ws.root.as_deref(), &source);
                let outputs: Vec<(Target, PathBuf)> = targets
                    .iter()
                    .map(|&t| match t {
                        Target::Native => (t, native.clone()),
                        Target::Wasm32 => (t, wasm_artifact_path(&native)),
                    })
                    .collect();
                // The generation is taken with the text, under the state lock: a newer
                // generation always has the newer text (edits take the lock too).
                (
                    self.shared.builds.start(&source),
                    file.text(&ws.db).clone(),
                    file.encoding_error(&ws.db),
                    outputs,
                    state.client.work_done_progress,
                    state.settings.code_cache(),
                    ws.import_paths(&state.settings),
                )
            })
        })
        else {
            return BuildOutcome::Failed(format!("unknown file {}", source.display()));
        };
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The slot is taken now if it is free, so that the progress report says whether this
        // build waits for another (and says it only then).
        let early = self.shared.builds.slot.try_lock().ok();
        let waits = early.is_none();
        let progress = if progress_supported {
            let token = NumberOrString::String(format!("molt-build-{generation}"));
            // Bounded: the slot may be held meanwhile, and a client that never answers must
            // not stop every build.
            let created = tokio::time::timeout(
                PROGRESS_CREATE_TIMEOUT,
                self.client.create_work_done_progress(token.clone()),
            )
            .await;
            match created {
                Ok(Ok(())) => Some(
                    self.client
                        .progress(token, format!("Building {name}"))
                        .with_message(if waits { WAITING } else { COMPILING })
                        .begin()
                        .await,
                ),
                _ => None,
            }
        } else {
            None
        };
        let _slot = match early {
            Some(slot) => slot,
            None => self.shared.builds.slot.lock().await,
        };
        if !self.shared.builds.is_current(&source, generation) {
            if let Some(progress) = progress {
                progress
                    .finish_with_message("superseded by a newer save")
                    .await;
            }
            return BuildOutcome::Superseded;
        }
        if let (Some(progress), true) = (&progress, waits) {
            progress.report(COMPILING).await;
        }
        let start = Instant::now();
        let task_source = source.clone();
        // Taken only now (after waiting for the build slot): a snapshot blocks edits.
        let snapshot = self.state().snapshot(&source);
        let result = tokio::task::spawn_blocking(move || {
            build_blocking(
                snapshot,
                &task_source,
                text,
                encoding_error,
                outputs,
                code_cache,
                paths,
            )
        })
        .await;
        // A build frees most of what it allocated: give it back (see `allocator`).
        crate::allocator::release_free_memory();
        let duration_ms = start.elapsed().as_millis() as u64;
        let superseded = !self.shared.builds.is_current(&source, generation);
        if superseded {
            if let Some(progress) = progress {
                progress
                    .finish_with_message("superseded by a newer save")
                    .await;
            }
            return BuildOutcome::Superseded;
        }
        self.report_build(&source, &name, result, duration_ms, trigger, progress)
            .await
    }

    async fn report_build(
        &self,
        source: &Path,
        name: &str,
        result: Result<
            Result<
                Result<Vec<molt_driver::build::BuildReport>, BuildError>,
                analysis::AnalysisError,
            >,
            tokio::task::JoinError,
        >,
        duration_ms: u64,
        trigger: Trigger,
        progress: Option<OngoingProgress<Unbounded, NotCancellable>>,
    ) -> BuildOutcome {
        // The progress report ends first (as editors expect), with the outcome: the reason of
        // a failure included, since that is where a save's result shows, not in a popup.
        let end = |message: String| async move {
            if let Some(progress) = progress {
                progress.finish_with_message(message).await;
            }
        };
        let error = match result {
            Ok(Ok(Ok(reports))) if !reports.is_empty() => {
                end(format!("built in {duration_ms} ms")).await;
                self.state().build_errors.remove(source);
                self.republish(source).await;
                // One line for all targets: each artifact with its backend's phases.
                let artifacts: Vec<String> = reports
                    .iter()
                    .map(|r| {
                        format!(
                            "{} (codegen {} ms, link {} ms; functions: {})",
                            r.output.display(),
                            r.codegen.as_millis(),
                            r.link.as_millis(),
                            r.code_cache,
                        )
                    })
                    .collect();
                let message = format!(
                    "molt: built {} in {duration_ms} ms (frontend {} ms)",
                    artifacts.join(" and "),
                    reports[0].frontend.as_millis(),
                );
                for warning in reports.iter().flat_map(|r| &r.warnings) {
                    self.log(MessageType::WARNING, &format!("molt: warning: {warning}"))
                        .await;
                }
                let report = reports.into_iter().next().expect("one report at least");
                // A toast on every save is noise: clients with progress show the result in
                // the progress report; the others get a message.
                self.log(MessageType::INFO, &message).await;
                if trigger == Trigger::Save && !self.state().client.work_done_progress {
                    self.show(MessageType::INFO, &message).await;
                }
                return BuildOutcome::Built {
                    artifact: report.output,
                    duration_ms,
                };
            }
            Ok(Ok(Err(BuildError::Diagnostics(ds)))) => {
                // The program's errors are the file's diagnostics already; make sure they
                // are published (the file may not be open).
                self.state().build_errors.remove(source);
                let revision = self.state().revision(source);
                self.schedule_diagnostics(source.to_path_buf(), revision, Priority::Edit);
                let n = ds.len();
                let s = if n == 1 { "" } else { "s" };
                let message = format!("build of {name} failed: {n} error{s}");
                end(message.clone()).await;
                let message = format!("molt: {message}");
                self.report_failure(&message, trigger).await;
                return BuildOutcome::Failed(message);
            }
            Ok(Ok(Ok(_))) => "nothing to build (no target)".to_string(),
            Ok(Ok(Err(other))) => other.to_string(),
            Ok(Err(error)) => error.to_string(),
            Err(error) => format!("internal error: {error}"),
        };
        let message = format!("build of {name} failed: {error}");
        end(message.clone()).await;
        let message = format!("molt: {message}");
        self.state().build_errors.insert(
            source.to_path_buf(),
            vec![diagnostics::build_failure(&message)],
        );
        self.republish(source).await;
        self.report_failure(&message, trigger).await;
        BuildOutcome::Failed(message)
    }

    /// Reports a failed build beyond its diagnostics: always in the log; as a message
    /// (`window/showMessage`) only for an explicit command. A build on save shows its failure
    /// in the file's diagnostics and in the end of its progress report, like a compiler
    /// run by rust-analyzer: a popup on every save is noise.
    async fn report_failure(&self, message: &str, trigger: Trigger) {
        self.log(MessageType::ERROR, message).await;
        if trigger == Trigger::Command {
            self.show(MessageType::ERROR, message).await;
        }
    }
}

/// What running a program produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutput {
    /// The exit code (`None` if killed by a signal or by the timeout).
    pub exit_code: Option<i32>,
    /// Standard output (lossily decoded).
    pub stdout: String,
    /// Standard error (lossily decoded).
    pub stderr: String,
    /// Whether it was killed for running longer than the timeout.
    pub timed_out: bool,
    /// Wall time, ms.
    pub duration_ms: u64,
}

/// Runs `program` in `dir` with `args` and the environment variables `env` added, no
/// standard input, killing it after `timeout`. Blocking.
///
/// # Errors
/// The program cannot be started.
pub fn run_program(
    program: &Path,
    args: &[String],
    dir: &Path,
    timeout: Duration,
    env: &[(&str, &std::ffi::OsStr)],
) -> std::io::Result<RunOutput> {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let read_all = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read_all(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = read_all(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            timed_out = true;
            break child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(RunOutput {
        exit_code: status.and_then(|s| s.code()),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        timed_out,
        duration_ms: start.elapsed().as_millis() as u64,
    })
}
