//! Running generated programs: CPython 3.11 is the oracle, the compiled executable (built
//! in-process through `molt_driver`, panics caught) is compared with it snippet by snippet
//! (stdout split at the `## s<id>.<k>` marker lines), plus the exit code and the last stderr
//! line of the whole program. Programs the compiler rejects with a diagnostic are dropped
//! snippet by snippet (counted as "rejected"); a compiler panic, a codegen or link failure,
//! a crash or a time-out of the compiled program is a finding like a wrong output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::{Config, Program, Snippet};

/// What one process run produced (`None` code: killed by a signal or timed out).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Its stdout (lossily decoded).
    pub stdout: String,
    /// Its exit code.
    pub code: Option<i32>,
    /// The last non-empty line of stderr.
    pub last_stderr_line: String,
    /// Whether it was killed after the time limit.
    pub timed_out: bool,
}

impl Outcome {
    /// The outcome of a finished process (stdout, exit code, last non-empty stderr line).
    pub fn from_output(out: &Output) -> Outcome {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Outcome {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            code: out.status.code(),
            last_stderr_line: stderr
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .to_owned(),
            timed_out: false,
        }
    }

    /// The output of each marker: marker line -> the lines after it up to the next marker.
    pub fn segments(&self) -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        let mut current: Option<String> = None;
        let mut text = String::new();
        for line in self.stdout.split_inclusive('\n') {
            if line.starts_with("## s") {
                if let Some(m) = current.take() {
                    map.insert(m, std::mem::take(&mut text));
                }
                current = Some(line.trim_end().to_owned());
            } else if current.is_some() {
                text.push_str(line);
            }
        }
        if let Some(m) = current {
            map.insert(m, text);
        }
        map
    }
}

/// Runs `cmd` with a time limit; stdout and stderr are drained on threads.
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> std::io::Result<Outcome> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()?;
    let start = Instant::now();
    let mut stdout = child.stdout.take().ok_or(std::io::ErrorKind::BrokenPipe)?;
    let mut stderr = child.stderr.take().ok_or(std::io::ErrorKind::BrokenPipe)?;
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            timed_out = true;
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let output = Output {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    };
    let mut o = Outcome::from_output(&output);
    o.timed_out = timed_out;
    Ok(o)
}

/// The real CPython interpreter (the pyenv shim costs ~90 ms per start).
pub fn python() -> PathBuf {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output();
    match out {
        Ok(o) if o.status.success() => PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
        _ => PathBuf::from("python3"),
    }
}

/// Why a build did not produce an executable.
#[derive(Clone, Debug)]
pub enum BuildFailure {
    /// Diagnostics (a rejection, not a finding): their 1-based lines and texts.
    Rejected(Vec<(usize, String)>),
    /// The compiler panicked: the panic message.
    Panic(String),
    /// Codegen, link or I/O failed: the message.
    Backend(String),
}

/// Builds `source` (written to `dir/name.py`) at `level` for `target` into `dir/name`,
/// in-process.
pub fn build(
    source: &str,
    dir: &Path,
    name: &str,
    level: molt_opt::OptLevel,
    target: molt_driver::build::Target,
) -> Result<PathBuf, BuildFailure> {
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, source).map_err(|e| BuildFailure::Backend(e.to_string()))?;
    let output = dir.join(name);
    let _ = std::fs::remove_file(&output);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let db = molt_db::RootDatabase::default();
        let file = db.load_file(&path).map_err(|e| e.to_string());
        let file = match file {
            Ok(f) => f,
            Err(e) => return Err(BuildFailure::Backend(e)),
        };
        let options = molt_driver::build::BuildOptions {
            target,
            output: output.clone(),
            optimize: true,
            code_cache: Default::default(),
        };
        match molt_driver::build::build_at(&db, file, &options, level) {
            Ok(_) => Ok(()),
            Err(molt_driver::build::BuildError::Diagnostics(ds)) => Err(BuildFailure::Rejected(
                ds.iter()
                    .filter(|d| d.diagnostic.code.blocks_build())
                    .map(|d| (diagnostic_line(&d.to_string()), d.to_string()))
                    .collect(),
            )),
            Err(e) => Err(BuildFailure::Backend(e.to_string())),
        }
    }));
    match result {
        Ok(Ok(())) => Ok(output),
        Ok(Err(f)) => Err(f),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "<non-string panic>".to_owned());
            Err(BuildFailure::Panic(msg))
        }
    }
}

/// The line of a rendered diagnostic `path:LINE:COL: ...` (0 when it has none).
fn diagnostic_line(text: &str) -> usize {
    // The path may contain ':' in theory; ours do not.
    text.split(':')
        .nth(1)
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// The kind of a difference, used to keep a minimized reproducer faithful to the original.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiffClass {
    /// The compiler panicked.
    CompilerPanic,
    /// Codegen or linking failed.
    Backend,
    /// The compiled program crashed (signal or unexpected exit code) or timed out.
    Crash,
    /// The output of a snippet differs.
    Output,
}

/// One difference from CPython.
#[derive(Clone, Debug)]
pub struct Finding {
    /// What kind of difference.
    pub class: DiffClass,
    /// The snippet (in isolation) that shows it.
    pub snippet: Snippet,
    /// CPython's output for it (or the compiler's panic message).
    pub expected: String,
    /// Our output for it.
    pub actual: String,
    /// The optimization level it was found at.
    pub level: molt_opt::OptLevel,
}

/// Tallies of a campaign.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Programs built and run.
    pub programs: usize,
    /// Snippets run (and compared).
    pub snippets: usize,
    /// Snippets the compiler rejected with a diagnostic.
    pub rejected: usize,
    /// Snippets dropped because CPython itself failed or timed out on them.
    pub skipped: usize,
    /// Snippets that raised a `molt: ...` exception naming an unsupported feature.
    pub unsupported: usize,
    /// Differences found (before deduplication).
    pub differences: usize,
    /// Rejection diagnostics by message (paths and positions stripped), with counts.
    pub rejections: BTreeMap<String, usize>,
}

/// A scratch directory for one campaign.
pub struct Workspace {
    /// The directory.
    pub dir: PathBuf,
    /// The CPython interpreter.
    pub python: PathBuf,
    /// What programs are built for: native, or wasm32 (run under node) when
    /// `MOLT_FUZZ_TARGET=wasm32`.
    pub target: molt_driver::build::Target,
    counter: std::cell::Cell<usize>,
    /// Time spent running CPython, building, and running compiled programs.
    pub timing: std::cell::Cell<[Duration; 3]>,
}

impl Workspace {
    /// A fresh directory under the system temp dir; the target from `MOLT_FUZZ_TARGET`
    /// (`wasm32`; anything else, or unset, is native).
    pub fn new() -> std::io::Result<Workspace> {
        let dir = std::env::temp_dir().join(format!(
            "molt-fuzz-{}-{}",
            std::process::id(),
            Instant::now().elapsed().as_nanos()
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(Workspace {
            dir,
            python: python(),
            target: match std::env::var("MOLT_FUZZ_TARGET").as_deref() {
                Ok("wasm32") => molt_driver::build::Target::Wasm32,
                _ => molt_driver::build::Target::Native,
            },
            counter: std::cell::Cell::new(0),
            timing: std::cell::Cell::new([Duration::ZERO; 3]),
        })
    }

    fn add_time(&self, i: usize, since: Instant) {
        let mut t = self.timing.get();
        t[i] += since.elapsed();
        self.timing.set(t);
    }

    fn next_name(&self) -> String {
        let n = self.counter.get();
        self.counter.set(n + 1);
        format!("p{n}")
    }

    /// Runs `source` under CPython.
    pub fn run_cpython(&self, source: &str) -> std::io::Result<Outcome> {
        let name = self.next_name();
        let path = self.dir.join(format!("{name}.py"));
        std::fs::write(&path, source)?;
        let mut cmd = Command::new(&self.python);
        cmd.arg(&path)
            .current_dir(&self.dir)
            .env("PYTHONHASHSEED", "0");
        let start = Instant::now();
        let out = run_with_timeout(cmd, Duration::from_secs(20));
        self.add_time(0, start);
        let _ = std::fs::remove_file(&path);
        out
    }

    /// Builds and runs `source`: `Err` when the build failed.
    pub fn run_molt(
        &self,
        source: &str,
        level: molt_opt::OptLevel,
    ) -> Result<Outcome, BuildFailure> {
        let name = self.next_name();
        let start = Instant::now();
        let exe = build(source, &self.dir, &name, level, self.target);
        self.add_time(1, start);
        let exe = exe?;
        let mut cmd = match self.target {
            molt_driver::build::Target::Wasm32 => molt_driver::build::wasm_command(&exe, &[])
                .map_err(|e| BuildFailure::Backend(e.to_string()))?,
            _ => Command::new(&exe),
        };
        cmd.current_dir(&self.dir);
        let start = Instant::now();
        let out = run_with_timeout(cmd, Duration::from_secs(20))
            .map_err(|e| BuildFailure::Backend(format!("running the program: {e}")));
        self.add_time(2, start);
        let _ = std::fs::remove_file(&exe);
        let _ = std::fs::remove_file(self.dir.join(format!("{name}.py")));
        out
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether a compiled run's whole-program outcome matches CPython's (exit code, last stderr
/// line, no time-out).
fn process_matches(expected: &Outcome, actual: &Outcome) -> bool {
    !actual.timed_out
        && expected.code == actual.code
        && expected.last_stderr_line == actual.last_stderr_line
}

/// Runs one program: drops rejected snippets (rebuilding without them), and returns the
/// findings (each with its snippet, not yet minimized). Updates `stats`.
pub fn run_program(
    ws: &Workspace,
    program: &Program,
    level: molt_opt::OptLevel,
    stats: &mut Stats,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut program = program.clone();
    let mut attempts = 0;
    while !program.snippets.is_empty() && attempts < 40 {
        attempts += 1;
        let source = program.render();
        let expected = match ws.run_cpython(&source) {
            Ok(o) => o,
            Err(_) => return findings,
        };
        if expected.timed_out || expected.code != Some(0) {
            // The generator made something CPython cannot run (too slow, or an error
            // outside the handlers): drop the snippet that was running.
            let culprit = last_marker_snippet(&program, &expected).unwrap_or(0);
            program.snippets.remove(culprit);
            stats.skipped += 1;
            continue;
        }
        let actual = match ws.run_molt(&source, level) {
            Ok(o) => o,
            Err(BuildFailure::Rejected(diags)) => {
                let owners = program.line_owners();
                let mut drop: Vec<usize> = diags
                    .iter()
                    .filter_map(|(line, _)| owners.get(line.wrapping_sub(1)).copied().flatten())
                    .collect();
                for (_, text) in &diags {
                    *stats.rejections.entry(strip_position(text)).or_default() += 1;
                }
                drop.sort_unstable();
                drop.dedup();
                if drop.is_empty() {
                    // A diagnostic we cannot place: give up on this program.
                    stats.rejected += program.snippets.len();
                    return findings;
                }
                stats.rejected += drop.len();
                for i in drop.into_iter().rev() {
                    program.snippets.remove(i);
                }
                continue;
            }
            Err(failure) => {
                // A compiler panic or backend failure: find the snippet(s) responsible by
                // building each one alone.
                let (class, msg) = match &failure {
                    BuildFailure::Panic(m) => (DiffClass::CompilerPanic, m.clone()),
                    BuildFailure::Backend(m) => (DiffClass::Backend, m.clone()),
                    BuildFailure::Rejected(_) => (DiffClass::Backend, String::new()),
                };
                let mut keep = Vec::new();
                for s in &program.snippets {
                    let alone = Program {
                        snippets: vec![s.clone()],
                    };
                    match ws.run_molt(&alone.render(), level) {
                        Err(BuildFailure::Panic(m)) | Err(BuildFailure::Backend(m)) => {
                            stats.differences += 1;
                            findings.push(Finding {
                                class: class.clone(),
                                snippet: s.clone(),
                                expected: "(a successful build)".to_owned(),
                                actual: m,
                                level,
                            });
                        }
                        Err(BuildFailure::Rejected(_)) => stats.rejected += 1,
                        Ok(_) => keep.push(s.clone()),
                    }
                }
                if keep.len() == program.snippets.len() {
                    // Only the combination fails: report the whole program's first snippet.
                    stats.differences += 1;
                    findings.push(Finding {
                        class,
                        snippet: program.snippets[0].clone(),
                        expected: "(a successful build)".to_owned(),
                        actual: format!("only in a program of {} snippets: {msg}", keep.len()),
                        level,
                    });
                    return findings;
                }
                program.snippets = keep;
                continue;
            }
        };
        stats.programs += 1;
        let es = expected.segments();
        let as_ = actual.segments();
        let all_markers = program
            .snippets
            .iter()
            .all(|s| (0..s.calls.len()).all(|k| as_.contains_key(&s.marker(k))));
        let crashed = !all_markers || !process_matches(&expected, &actual);
        if crashed {
            // The compiled program's buffered stdout may be lost: find the culprit by
            // bisection, report it, and run the others again without it.
            let tail = |o: &Outcome| {
                format!(
                    "exit {:?}{}, last stderr line: {}",
                    o.code,
                    if o.timed_out { " (timed out)" } else { "" },
                    o.last_stderr_line
                )
            };
            let (culprit, alone) = find_crasher(ws, &program.snippets, level);
            stats.snippets += 1;
            stats.differences += 1;
            let mut actual_text = tail(&actual);
            if !alone {
                actual_text.push_str(" (only with other snippets)");
            }
            findings.push(Finding {
                class: DiffClass::Crash,
                snippet: program.snippets[culprit].clone(),
                expected: tail(&expected),
                actual: actual_text,
                level,
            });
            if !alone {
                return findings;
            }
            program.snippets.remove(culprit);
            continue;
        }
        let limit = program.snippets.len();
        for s in &program.snippets[..limit] {
            let mut differs = false;
            let mut e_text = String::new();
            let mut a_text = String::new();
            for k in 0..s.calls.len() {
                let m = s.marker(k);
                let e = es.get(&m).cloned().unwrap_or_default();
                let a = as_.get(&m).cloned().unwrap_or_default();
                differs |= a != e;
                e_text.push_str(&format!("{m}\n{e}"));
                a_text.push_str(&format!("{m}\n{a}"));
            }
            stats.snippets += 1;
            if differs && a_text.contains("molt:") {
                // A run-time "unsupported" exception (`molt: ...`) is an allowed outcome.
                stats.unsupported += 1;
            } else if differs {
                stats.differences += 1;
                findings.push(Finding {
                    class: DiffClass::Output,
                    snippet: s.clone(),
                    expected: e_text,
                    actual: a_text,
                    level,
                });
            }
        }
        break;
    }
    findings
}

/// Whether the program of `snippets` crashes, times out or exits with an error when compiled
/// (CPython ran the whole program successfully; a build failure counts as no crash).
fn crashes(ws: &Workspace, snippets: &[Snippet], level: molt_opt::OptLevel) -> bool {
    let p = Program {
        snippets: snippets.to_vec(),
    };
    match ws.run_molt(&p.render(), level) {
        Ok(o) => o.timed_out || o.code != Some(0),
        Err(_) => false,
    }
}

/// The index of a snippet that crashes the compiled program on its own, by bisection over
/// `snippets` (which crash together); `(0, false)` when only a combination crashes.
fn find_crasher(ws: &Workspace, snippets: &[Snippet], level: molt_opt::OptLevel) -> (usize, bool) {
    let (mut lo, mut hi) = (0, snippets.len());
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if crashes(ws, &snippets[lo..mid], level) {
            hi = mid;
        } else if crashes(ws, &snippets[mid..hi], level) {
            lo = mid;
        } else {
            return (lo, false);
        }
    }
    (lo, hi - lo == 1)
}

/// The index of the snippet whose marker is the last one in `o`'s stdout.
fn last_marker_snippet(program: &Program, o: &Outcome) -> Option<usize> {
    let last = o.stdout.lines().rfind(|l| l.starts_with("## s"))?;
    let id: usize = last.strip_prefix("## s")?.split('.').next()?.parse().ok()?;
    program.snippets.iter().position(|s| s.id == id)
}

/// A diagnostic without its `path:line:col: ` prefix.
fn strip_position(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    match first.splitn(4, ':').nth(3) {
        Some(rest) => rest.trim().to_owned(),
        None => first.to_owned(),
    }
}

/// Checks one snippet in isolation: `Some(class)` (with CPython's and our outputs) when it
/// differs from CPython, `None` when it matches or cannot be judged (rejected, CPython fails).
pub fn check_snippet(
    ws: &Workspace,
    snippet: &Snippet,
    level: molt_opt::OptLevel,
) -> Option<(DiffClass, String, String)> {
    let program = Program {
        snippets: vec![snippet.clone()],
    };
    let source = program.render();
    let expected = ws.run_cpython(&source).ok()?;
    if expected.timed_out || expected.code != Some(0) {
        return None;
    }
    match ws.run_molt(&source, level) {
        Ok(actual) => {
            if actual.timed_out || !process_matches(&expected, &actual) {
                return Some((
                    DiffClass::Crash,
                    expected.stdout,
                    format!(
                        "{}\n-- exit {:?}{}, last stderr line: {}",
                        actual.stdout,
                        actual.code,
                        if actual.timed_out { " (timed out)" } else { "" },
                        actual.last_stderr_line
                    ),
                ));
            }
            if actual.stdout != expected.stdout {
                return Some((DiffClass::Output, expected.stdout, actual.stdout));
            }
            None
        }
        Err(BuildFailure::Rejected(_)) => None,
        Err(BuildFailure::Panic(m)) => Some((DiffClass::CompilerPanic, String::new(), m)),
        Err(BuildFailure::Backend(m)) => Some((DiffClass::Backend, String::new(), m)),
    }
}

/// The optimization level for program number `n` of a campaign: mostly the default (O2),
/// every fourth program O0 or O1 so the unoptimized paths are compared too.
pub fn level_for(n: u64) -> molt_opt::OptLevel {
    match n % 8 {
        3 => molt_opt::OptLevel::O0,
        7 => molt_opt::OptLevel::O1,
        _ => molt_opt::OptLevel::O2,
    }
}

/// The configuration from `MOLT_FUZZ_FEATURES` (see [`Config::apply`]) on top of
/// [`Config::without_known`], without [`super::Feature::Libm`] when `MOLT_FUZZ_TARGET=wasm32`.
pub fn config_from_env() -> Result<Config, String> {
    let mut cfg = Config::without_known();
    if std::env::var("MOLT_FUZZ_TARGET").as_deref() == Ok("wasm32") {
        cfg.features.remove(&super::Feature::Libm);
    }
    if let Ok(spec) = std::env::var("MOLT_FUZZ_FEATURES") {
        cfg.apply(&spec)?;
    }
    Ok(cfg)
}

/// What a campaign does.
#[derive(Clone, Debug)]
pub struct CampaignOptions {
    /// The first seed; program `n` uses `seed + n`.
    pub seed: u64,
    /// Stop after this many programs (generated, whether or not they ran).
    pub max_programs: usize,
    /// Stop after this much time.
    pub time: Duration,
    /// Snippets per program.
    pub snippets: usize,
    /// The generator's features.
    pub config: Config,
    /// The minimizer's limits per finding.
    pub budget: super::minimize::Budget,
    /// Minimize at most this many findings with the same signature.
    pub per_signature: usize,
    /// Where reproducers are written (`None`: not written).
    pub findings_dir: Option<PathBuf>,
    /// Print progress to stderr.
    pub verbose: bool,
}

/// A finding after minimization.
#[derive(Clone, Debug)]
pub struct Reported {
    /// The original finding.
    pub finding: Finding,
    /// Its signature (class, snippet kind, first differing line with digits normalized).
    pub signature: String,
    /// The minimized reproducer's source with its header, if it was minimized.
    pub reproducer: Option<String>,
    /// Where it was written.
    pub path: Option<PathBuf>,
}

/// What a campaign found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Tallies.
    pub stats: Stats,
    /// Every finding (duplicates by signature are not minimized again).
    pub findings: Vec<Reported>,
    /// Programs generated.
    pub generated: usize,
    /// Seconds spent running CPython, building, and running compiled programs.
    pub timing: [f64; 3],
}

impl Report {
    /// A human-readable summary: counts, then findings grouped by signature.
    pub fn summary(&self) -> String {
        let s = &self.stats;
        let mut out = format!(
            "fuzz: {} programs generated, {} run, {} snippets run, {} rejected, {} unsupported at run time, {} skipped, {} differences ({} signatures)\n",
            self.generated,
            s.programs,
            s.snippets,
            s.rejected,
            s.unsupported,
            s.skipped,
            s.differences,
            self.signatures().len()
        );
        out.push_str(&format!(
            "time: CPython {:.1} s, builds {:.1} s, compiled programs {:.1} s\n",
            self.timing[0], self.timing[1], self.timing[2]
        ));
        for (sig, n) in self.signatures() {
            out.push_str(&format!("  {n:4} x {sig}\n"));
            if let Some(r) = self
                .findings
                .iter()
                .find(|r| r.signature == sig && r.path.is_some())
                .and_then(|r| r.path.as_ref())
            {
                out.push_str(&format!("         reproducer: {}\n", r.display()));
            }
        }
        if !s.rejections.is_empty() {
            out.push_str("rejections by diagnostic:\n");
            let mut r: Vec<(&String, &usize)> = s.rejections.iter().collect();
            r.sort_by(|a, b| b.1.cmp(a.1));
            for (msg, n) in r.iter().take(15) {
                out.push_str(&format!("  {n:4} x {msg}\n"));
            }
        }
        out
    }

    /// Signatures with their counts, most frequent first.
    pub fn signatures(&self) -> Vec<(String, usize)> {
        let mut map: BTreeMap<String, usize> = BTreeMap::new();
        for r in &self.findings {
            *map.entry(r.signature.clone()).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = map.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// `s` with every run of digits replaced by `#`.
pub fn normalize_digits(s: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
        } else {
            out.push(c);
            last_digit = false;
        }
    }
    out
}

/// The signature of a difference: class, snippet kind and the first differing lines
/// (digits collapsed, so the same bug with other numbers groups together).
pub fn signature(class: &DiffClass, kind: &str, expected: &str, actual: &str) -> String {
    let (e, a) = first_difference(expected, actual);
    let clip = |s: &str| s.chars().take(70).collect::<String>();
    format!(
        "{class:?} {kind}: expected `{}` got `{}`",
        clip(&normalize_digits(e)),
        clip(&normalize_digits(a))
    )
}

/// The first pair of differing lines.
pub fn first_difference<'a>(expected: &'a str, actual: &'a str) -> (&'a str, &'a str) {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let i = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    (
        e.get(i).copied().unwrap_or("<end>"),
        a.get(i).copied().unwrap_or("<end>"),
    )
}

/// The reproducer file for a minimized finding: a comment header (class, level, seed,
/// CPython's and our output) and the program.
pub fn reproducer_text(
    m: &super::minimize::Minimized,
    level: molt_opt::OptLevel,
    origin: &str,
) -> String {
    let program = Program {
        snippets: vec![m.snippet.clone()],
    };
    let comment =
        |s: &str| -> String { s.lines().map(|l| format!("#   {l}\n")).collect::<String>() };
    format!(
        "# molt fuzz finding: {:?} at {level:?} ({origin}, {} minimizer checks{})\n# CPython 3.11 prints:\n{}# molt prints:\n{}\n{}",
        m.class,
        m.checks,
        if m.reproduced {
            ""
        } else {
            ", not reproduced alone"
        },
        comment(&m.expected),
        comment(&m.actual),
        program.render()
    )
}

/// Runs a campaign: generate, run, compare, minimize, write reproducers.
pub fn campaign(opts: &CampaignOptions) -> std::io::Result<Report> {
    let ws = Workspace::new()?;
    let start = Instant::now();
    let mut report = Report::default();
    let mut minimized_per_sig: BTreeMap<String, usize> = BTreeMap::new();
    if let Some(d) = &opts.findings_dir {
        std::fs::create_dir_all(d)?;
    }
    for n in 0..opts.max_programs {
        if start.elapsed() > opts.time {
            break;
        }
        let seed = opts.seed.wrapping_add(n as u64);
        let program = super::generate::program(seed, opts.snippets, &opts.config);
        let level = level_for(n as u64);
        report.generated += 1;
        let findings = run_program(&ws, &program, level, &mut report.stats);
        if opts.verbose {
            eprintln!(
                "fuzz: seed {seed} ({level:?}): {} findings; total {} programs, {} snippets, {} rejected, {} differences, {:.0} s",
                findings.len(),
                report.stats.programs,
                report.stats.snippets,
                report.stats.rejected,
                report.stats.differences,
                start.elapsed().as_secs_f64()
            );
        }
        for f in findings {
            let mut sig = signature(&f.class, f.snippet.kind, &f.expected, &f.actual);
            let count = minimized_per_sig.entry(sig.clone()).or_default();
            let mut reproducer = None;
            let mut path = None;
            if *count < opts.per_signature {
                *count += 1;
                let origin = format!("seed {seed}, snippet s{}", f.snippet.id);
                let m = super::minimize::minimize(&ws, &f.snippet, level, opts.budget)
                    .unwrap_or_else(|| super::minimize::Minimized {
                        snippet: f.snippet.clone(),
                        class: f.class.clone(),
                        expected: f.expected.clone(),
                        actual: f.actual.clone(),
                        reproduced: false,
                        checks: 1,
                    });
                if m.reproduced {
                    // Group by what the minimized reproducer shows.
                    sig = signature(&m.class, f.snippet.kind, &m.expected, &m.actual);
                }
                let text = reproducer_text(&m, level, &origin);
                if let Some(d) = &opts.findings_dir {
                    use std::hash::{Hash, Hasher};
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    Program {
                        snippets: vec![m.snippet.clone()],
                    }
                    .render()
                    .hash(&mut h);
                    let p = d.join(format!("{:016x}.py", h.finish()));
                    std::fs::write(&p, &text)?;
                    path = Some(p);
                }
                if opts.verbose {
                    eprintln!("fuzz: finding {sig}\n{text}");
                }
                reproducer = Some(text);
            }
            report.findings.push(Reported {
                finding: f,
                signature: sig,
                reproducer,
                path,
            });
        }
    }
    report.timing = ws.timing.get().map(|d| d.as_secs_f64());
    Ok(report)
}
