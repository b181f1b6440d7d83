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
