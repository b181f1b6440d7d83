//! The `molt-lsp` command line, run as a process: `--check` output format and exit codes,
//! `--emit=mir` on real programs.

use std::path::Path;
use std::process::Command;

fn molt_lsp() -> Command {
    Command::new(env!("CARGO_BIN_EXE_molt-lsp"))
}

#[test]
fn check_prints_located_errors_and_exits_1() {
    let dir = molt_tests::corpus_dir("errors");
    let out = molt_lsp()
        .arg("--check")
        .arg(&dir)
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("misspelled_builtin.py"))
        .expect("an error for misspelled_builtin.py");
    let expected_suffix =
        "misspelled_builtin.py:8:1: error[undefined-name]: name `prnt` is not defined";
    assert!(line.ends_with(expected_suffix), "{line}");
    // Every line has the `file:line:col: error[CODE]: message` shape.
    for l in stdout.lines() {
        let parts: Vec<&str> = l.splitn(4, ':').collect();
        assert_eq!(parts.len(), 4, "{l}");
        assert!(
            parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok(),
            "{l}"
        );
        assert!(parts[3].starts_with(" error["), "{l}");
    }
}

#[test]
fn check_exits_0_on_clean_programs() {
    let out = molt_lsp()
        .arg("--check")
        .arg(molt_tests::corpus_dir("ok"))
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn check_reports_a_missing_path() {
    let out = molt_lsp()
        .args(["--check", "/definitely/not/here.py"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/definitely/not/here.py"));
}

#[test]
fn emit_mir_prints_every_function() {
    let path = molt_tests::corpus_dir("ok").join("fib_recursive.py");
    assert!(Path::new(&path).exists());
    let out = molt_lsp()
        .arg("--emit=mir")
        .arg(&path)
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("function \"<module>\"()"), "{stdout}");
    assert!(stdout.contains("function \"fib\"(n)"), "{stdout}");
}

#[test]
fn build_writes_an_executable_that_matches_cpython() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("hello.py");
    std::fs::write(&src, "def fib(n: int) -> int:\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\nprint('fib', fib(20))\n").expect("write");
    let out = molt_lsp()
        .arg("--build")
        .arg(&src)
        .arg("-o")
        .arg(dir.path().join("hello"))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(dir.path().join("hello"))
        .output()
        .expect("the executable runs");
    assert_eq!(String::from_utf8_lossy(&run.stdout), "fib 6765\n");
}

#[test]
fn run_passes_arguments_and_the_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("args.py");
    std::fs::write(
        &src,
        "import sys\nprint(sys.argv[1:])\nsys.exit(len(sys.argv))\n",
    )
    .expect("write");
    let out = molt_lsp()
        .current_dir(dir.path())
        .arg("--run")
        .arg(&src)
        .args(["--", "a", "b"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "['a', 'b']\n");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        dir.path().join("target/molt/args").exists(),
        "default output is target/molt/<stem>"
    );
}

#[test]
fn build_errors_are_diagnostics_and_leave_no_artifact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("bad.py");
    std::fs::write(&src, "x = (1 +\n").expect("write");
    let exe = dir.path().join("bad");
    let out = molt_lsp()
        .arg("--build")
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bad.py:2:1: error[syntax-error]"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!exe.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "only the source file remains: {leftovers:?}"
    );
}

#[test]
fn build_writes_remarks_in_every_format_and_coverage() {
    let program = molt_tests::repo_root().join("tests/programs/bench_fib_recursive.py");
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = dir.path().join("fib");
    // SARIF to a file.
    let sarif_path = dir.path().join("out/remarks.sarif");
    let out = molt_lsp()
        .args(["--build", "--remarks=sarif", "--remarks-out"])
        .arg(&sarif_path)
        .arg(&program)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("molt-lsp runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(exe.exists());
    let sarif = std::fs::read_to_string(&sarif_path).expect("sarif written");
    assert!(sarif.contains("\"version\": \"2.1.0\""));
    assert!(sarif.contains("\"ruleId\": \"call.direct\""));
    // JSON to stdout, with coverage.
    let out = molt_lsp()
        .args(["--build", "--remarks=json"])
        .arg(&program)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("molt-lsp runs");
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("\"schema_version\": 1"), "{json}");
    assert!(json.contains("\"lane\": \"guarded\""));
    // Text and coverage.
    let out = molt_lsp()
        .args(["--build", "--remarks=text", "--coverage"])
        .arg(&program)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("molt-lsp runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.ends_with("remark[loop.counted]: this `for` loop over `range()` is a counted loop: no range object or iterator; the counter is compared and incremented inline")),
        "{text}"
    );
    assert!(text.contains(" fib "), "coverage lists fib: {text}");
}

#[test]
fn opt_level_selects_the_pipeline() {
    let program = molt_tests::repo_root().join("tests/programs/bench_int_sum_loop.py");
    let mir = |level: &str| {
        let out = molt_lsp()
            .args(["--emit=mir", "--opt-level", level])
            .arg(&program)
            .output()
            .expect("molt-lsp runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(mir("0").contains("iter.next"), "no counted loop at 0");
    assert!(!mir("2").contains("iter.next"), "a counted loop at 2");
    let out = molt_lsp()
        .args(["--emit=mir", "--opt-level", "3"])
        .arg(&program)
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.status.code(), Some(2), "levels are 0..=2");
}
