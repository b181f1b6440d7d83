//! Differential tests: every program in `tests/programs/` is compiled to a native executable
//! and run; its stdout, exit code and last stderr line must equal CPython 3.11's. One test
//! per concern; failures are collected and reported together with a diff-like summary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use molt_db::RootDatabase;
use molt_driver::build::Target;

use molt_tests::fuzz::run::Outcome;

fn outcome(out: &Output) -> Outcome {
    Outcome::from_output(out)
}

/// Runs `cmd` with a timeout; `None` when it timed out (the process is killed).
fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Option<Output> {
    let mut child = molt_tests::spawn_retrying(
        cmd.stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(Stdio::null()),
    )
    .ok()?;
    let start = Instant::now();
    // Drain pipes on threads so a chatty program cannot block on a full pipe.
    let mut stdout = child.stdout.take()?;
    let mut stderr = child.stderr.take()?;
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
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let stdout = out_thread.join().unwrap_or_default();
                let stderr = err_thread.join().unwrap_or_default();
                return Some(Output {
                    status,
                    stdout,
                    stderr,
                });
            }
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return None,
        }
    }
}

/// CPython's outcome for `path`, computed once per test process: the three opt-level tests
/// run in parallel and share it (CPython's output does not depend on our opt level).
fn cpython_outcome(python: &Path, path: &Path) -> Result<Outcome, String> {
    type Cell = std::sync::Arc<std::sync::OnceLock<Result<Outcome, String>>>;
    static CACHE: std::sync::Mutex<Vec<(PathBuf, Cell)>> = std::sync::Mutex::new(Vec::new());
    let cell: Cell = {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        match cache.iter().find(|(p, _)| p == path) {
            Some((_, cell)) => cell.clone(),
            None => {
                let cell = Cell::default();
                cache.push((path.to_path_buf(), cell.clone()));
                cell
            }
        }
    };
    cell.get_or_init(|| {
        let mut cmd = Command::new(python);
        cmd.arg(path)
            .current_dir(path.parent().unwrap_or(Path::new(".")));
        run_with_timeout(cmd, Duration::from_secs(120))
            .map(|out| outcome(&out))
            .ok_or_else(|| "CPython timed out (120 s)".to_owned())
    })
    .clone()
}

fn programs() -> Vec<PathBuf> {
    let dir = molt_tests::repo_root().join("tests/programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    files.sort();
    files
}

/// Builds `path` into `out_dir` at the default optimization level.
fn build(path: &Path, out_dir: &Path) -> Result<PathBuf, String> {
    build_at(path, out_dir, molt_opt::OptLevel::default())
}

/// Builds `path` into `out_dir` at `level`; the error is the build's message.
fn build_at(path: &Path, out_dir: &Path, level: molt_opt::OptLevel) -> Result<PathBuf, String> {
    build_for(path, out_dir, level, Target::Native)
}

/// Builds `path` into `out_dir` at `level` for `target`.
fn build_for(
    path: &Path,
    out_dir: &Path,
    level: molt_opt::OptLevel,
    target: Target,
) -> Result<PathBuf, String> {
    let db = RootDatabase::default();
    let file = db.load_file(path).map_err(|e| e.to_string())?;
    let mut output = out_dir.join(path.file_stem().unwrap_or_default());
    if target == Target::Wasm32 {
        output.set_extension("wasm");
    }
    let options = molt_driver::build::BuildOptions {
        target,
        output: output.clone(),
        optimize: true,
        code_cache: Default::default(),
    };
    molt_driver::build::build_at(&db, file, &options, level).map_err(|e| e.to_string())?;
    Ok(output)
}

/// Every program matches CPython at the default optimization level (2).
#[test]
fn programs_match_cpython() {
    programs_match_cpython_at(molt_opt::OptLevel::O2);
}

/// Opt-level equivalence: with no MIR passes (`--opt-level 0`), every program still matches.
#[test]
fn programs_match_cpython_at_opt_level_0() {
    programs_match_cpython_at(molt_opt::OptLevel::O0);
}

/// Opt-level equivalence at `--opt-level 1`.
#[test]
fn programs_match_cpython_at_opt_level_1() {
    programs_match_cpython_at(molt_opt::OptLevel::O1);
}

/// The wasm32 target: every program built as a WASI module and run under node matches
/// CPython too, except those in `tests/programs/KNOWN_FAILURES_WASM32` (with the reason).
#[test]
fn programs_match_cpython_on_wasm32() {
    if !molt_tests::wasm_runtime_available() {
        return;
    }
    programs_match_cpython_for(molt_opt::OptLevel::O2, Target::Wasm32);
}

fn programs_match_cpython_at(level: molt_opt::OptLevel) {
    programs_match_cpython_for(level, Target::Native);
}

fn programs_match_cpython_for(level: molt_opt::OptLevel, target: Target) {
    let programs = programs();
    assert!(
        programs.len() >= 120,
        "tests/programs holds {} programs, expected at least 120",
        programs.len()
    );
    let python = molt_tests::python();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let failures = std::sync::Mutex::new(Vec::<String>::new());
    let passed = std::sync::atomic::AtomicUsize::new(0);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(path) = programs.get(i) else { break };
                    let name = path
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    let result = (|| -> Result<(), String> {
                        let exe = build_for(path, out_dir.path(), level, target)
                            .map_err(|e| format!("build failed:\n{e}"))?;
                        let expected = cpython_outcome(&python, path)?;
                        let mut actual_cmd = match target {
                            Target::Native => Command::new(&exe),
                            Target::Wasm32 => molt_driver::build::wasm_command(&exe, &[])
                                .map_err(|e| e.to_string())?,
                        };
                        actual_cmd.current_dir(path.parent().unwrap_or(Path::new(".")));
                        let actual = run_with_timeout(actual_cmd, Duration::from_secs(60))
                            .ok_or("the compiled program timed out (60 s)")?;
                        let (e, a) = (expected, outcome(&actual));
                        if e != a {
                            return Err(describe_mismatch(&e, &a));
                        }
                        Ok(())
                    })();
                    match result {
                        Ok(()) => {
                            passed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                        Err(why) => failures
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(format!("{name}: {why}")),
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    let passed = passed.into_inner();
    eprintln!("programs: {passed} passed, {} failed", failures.len());
    // FIXME: programs listed in `tests/programs/KNOWN_FAILURES` (one file name per line, with
    // the reason after `#`) are today's known gaps; each must still fail, so the list shrinks
    // as they are fixed.
    let known = known_failures(match target {
        Target::Native => "KNOWN_FAILURES",
        Target::Wasm32 => "KNOWN_FAILURES_WASM32",
    });
    let failed_names: Vec<&str> = failures
        .iter()
        .filter_map(|f| f.split(':').next())
        .collect();
    let unexpected: Vec<&String> = failures
        .iter()
        .filter(|f| !known.iter().any(|k| f.starts_with(&format!("{k}:"))))
        .collect();
    let fixed: Vec<&String> = known
        .iter()
        .filter(|k| !failed_names.contains(&k.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} programs differ from CPython at {level:?} on {target:?}:\n\n{}",
        unexpected.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    assert!(
        fixed.is_empty(),
        "now passing on {target:?}, remove from tests/programs/{}: {fixed:?}",
        match target {
            Target::Native => "KNOWN_FAILURES",
            Target::Wasm32 => "KNOWN_FAILURES_WASM32",
        }
    );
}

fn known_failures(list: &str) -> Vec<String> {
    let path = molt_tests::repo_root().join("tests/programs").join(list);
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn describe_mismatch(expected: &Outcome, actual: &Outcome) -> String {
    let mut out = String::new();
    if expected.code != actual.code {
        out.push_str(&format!(
            "exit code: expected {:?}, got {:?}\n",
            expected.code, actual.code
        ));
    }
    if expected.last_stderr_line != actual.last_stderr_line {
        out.push_str(&format!(
            "last stderr line:\n  expected: {}\n  got:      {}\n",
            expected.last_stderr_line, actual.last_stderr_line
        ));
    }
    if expected.stdout != actual.stdout {
        let e: Vec<&str> = expected.stdout.lines().collect();
        let a: Vec<&str> = actual.stdout.lines().collect();
        let first = e
            .iter()
            .zip(&a)
            .position(|(x, y)| x != y)
            .unwrap_or(e.len().min(a.len()));
        out.push_str(&format!(
            "stdout differs at line {} ({} vs {} lines):\n  expected: {}\n  got:      {}\n",
            first + 1,
            e.len(),
            a.len(),
            e.get(first).unwrap_or(&"<end>"),
            a.get(first).unwrap_or(&"<end>")
        ));
    }
    out
}

/// A loop allocating 10 million short-lived objects runs in flat memory: the peak RSS of
/// the compiled program (its `VmHWM`, sampled from `/proc` while it runs: `wait4`'s
/// `ru_maxrss` would include the pre-exec copy of this test process) stays far below what
/// 10 million live objects would take.
#[test]
fn allocation_loop_runs_in_flat_memory() {
    let path = molt_tests::repo_root().join("tests/programs/bench_alloc_flat.py");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let exe = build(&path, out_dir.path()).expect("bench_alloc_flat.py builds");
    let mut child = Command::new(&exe)
        .stdout(Stdio::null())
        .spawn()
        .expect("runs");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            let hwm = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
            peak_kib = peak_kib.max(hwm.unwrap_or(0));
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => panic!("waiting for the program: {e}"),
        }
    };
    assert!(status.success(), "the program exits successfully");
    let peak_mib = peak_kib as f64 / 1024.0;
    eprintln!("bench_alloc_flat: peak RSS {peak_mib:.1} MiB");
    assert!(peak_kib > 0, "the peak RSS was sampled");
    assert!(
        peak_mib < 32.0,
        "peak RSS {peak_mib:.1} MiB: short-lived objects are not freed"
    );
}
