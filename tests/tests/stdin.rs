//! Reading stdin: `tests/stdin/*.py` programs, compiled natively (and to wasm32 when the
//! wasm32 runtime is there), run with several inputs on a pipe and one reading mode per run
//! (`sys.argv[1]`, listed in the program's `# modes:` line); stdout, exit code and the last
//! stderr line must equal CPython 3.11's with the same input. (`tests/programs/` runs with
//! stdin closed.)

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use molt_db::RootDatabase;
use molt_driver::build::Target;
use molt_tests::fuzz::run::Outcome;

/// The inputs each program reads: line ends of every kind, no final newline, nothing,
/// non-ASCII text, and a large input whose characters of 2 to 4 bytes are split between the
/// runtime's reads.
fn inputs() -> Vec<(&'static str, Vec<u8>)> {
    let mut big = String::new();
    for i in 0..40_000 {
        big.push_str(&format!("line {i} é✓𝄞 {}\n", "x".repeat(i % 7)));
    }
    big.push_str("last line without newline é");
    vec![
        ("mixed line ends", b"ab\ncd\r\nef\rgh\nij".to_vec()),
        ("empty", Vec::new()),
        ("one line", b"one line\n".to_vec()),
        ("blank lines", b"\n\n\n".to_vec()),
        (
            "non-ASCII",
            "héllo wörld\n✓ ok\n𝄞 clef\nend".as_bytes().to_vec(),
        ),
        ("large", big.into_bytes()),
    ]
}

/// The reading modes of a program: its `# modes: a b c` line.
fn modes(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("# modes:"))
        .map(|m| m.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn programs() -> Vec<PathBuf> {
    let dir = molt_tests::repo_root().join("tests/stdin");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "py"));
    files.sort();
    files
}

fn build(path: &Path, out_dir: &Path, target: Target) -> Result<PathBuf, String> {
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
    molt_driver::build::build(&db, file, &options).map_err(|e| e.to_string())?;
    Ok(output)
}

/// Runs `cmd` with `input` on its stdin (written from a thread, so that a program that stops
/// reading early cannot block the test).
fn run(mut cmd: Command, input: &[u8]) -> Result<Outcome, String> {
    let mut child = molt_tests::spawn_retrying(
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )
    .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin pipe")?;
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // A program that exits before reading everything closes the pipe: not an error.
        let _ = stdin.write_all(&input);
    });
    let out = child
        .wait_with_output()
        .map_err(|e| format!("wait failed: {e}"))?;
    let _ = writer.join();
    Ok(Outcome::from_output(&out))
}

fn stdin_programs_match_cpython_for(target: Target) {
    let programs = programs();
    assert!(!programs.is_empty(), "no programs in tests/stdin");
    let python = molt_tests::python();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    let mut runs = 0;
    for path in &programs {
        let modes = modes(path);
        assert!(
            !modes.is_empty(),
            "{} has no `# modes:` line",
            path.display()
        );
        let exe = match build(path, out_dir.path(), target) {
            Ok(exe) => exe,
            Err(e) => {
                failures.push(format!("{}: build failed:\n{e}", path.display()));
                continue;
            }
        };
        for mode in &modes {
            for (name, input) in inputs() {
                let mut expected_cmd = Command::new(&python);
                expected_cmd.arg(path).arg(mode);
                let expected = run(expected_cmd, &input);
                let actual_cmd = match target {
                    Target::Native => {
                        let mut c = Command::new(&exe);
                        c.arg(mode);
                        c
                    }
                    Target::Wasm32 => molt_driver::build::wasm_command(&exe, &[mode.clone()])
                        .expect("node is installed"),
                };
                let actual = run(actual_cmd, &input);
                runs += 1;
                if expected != actual {
                    failures.push(format!(
                        "{} {mode} with input {name:?}:\n  CPython: {expected:?}\n  molt:    {actual:?}",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {runs} runs differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Native executables read stdin as CPython does.
#[test]
fn stdin_programs_match_cpython() {
    stdin_programs_match_cpython_for(Target::Native);
}

/// wasm32 modules under node read stdin as CPython does.
#[test]
fn stdin_programs_match_cpython_on_wasm32() {
    if !molt_tests::wasm_runtime_available() {
        return;
    }
    stdin_programs_match_cpython_for(Target::Wasm32);
}

/// Stdin that is not UTF-8: CPython raises `UnicodeDecodeError` (at a point that depends on
/// its buffering) or, under `surrogateescape`, gives lone surrogates, which molt's str
/// cannot hold; every reading mode raises a `molt:` error instead of returning U+FFFD.
#[test]
fn stdin_that_is_not_utf8_is_a_molt_error() {
    let path = molt_tests::repo_root().join("tests/stdin/read_modes.py");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let exe = build(&path, out_dir.path(), Target::Native).expect("build");
    let mut failures = Vec::new();
    for input in [&b"ok\n\xff\nmore\n"[..], b"caf\xc3", b"\xed\xa0\x80\n"] {
        for mode in modes(&path) {
            let mut cmd = Command::new(&exe);
            cmd.arg(&mode);
            let out = run(cmd, input).expect("run");
            let expected = "NotImplementedError: molt: reading stdin that is not valid UTF-8 is not supported yet";
            if out.last_stderr_line != expected || out.code != Some(1) {
                failures.push(format!("{mode} with {input:?}: {out:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
