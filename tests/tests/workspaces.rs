//! Differential tests of programs of several modules: every folder of `tests/workspaces/`
//! holds a `main.py` and the modules and packages it imports. The program is built from
//! `main.py` (with every module its imports reach) and run in that folder, and its stdout,
//! exit code and last stderr line must equal those of `python3 main.py` run there; for the
//! `err_` folders (an uncaught exception) the whole stderr, whose traceback names the file
//! of each frame, must be equal too.

use std::path::{Path, PathBuf};
use std::process::Command;

use molt_db::RootDatabase;
use molt_tests::fuzz::run::Outcome;

fn workspaces() -> Vec<PathBuf> {
    let dir = molt_tests::repo_root().join("tests/workspaces");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.join("main.py").is_file());
    out.sort();
    out
}

/// Builds `dir/main.py` as a program at `level` into `out`.
fn build(dir: &Path, out: &Path, level: molt_opt::OptLevel) -> Result<PathBuf, String> {
    let db = RootDatabase::default();
    let entry = db
        .load_file(&dir.join("main.py"))
        .map_err(|e| e.to_string())?;
    let output = out.join(dir.file_name().unwrap_or_default());
    let options = molt_driver::build::BuildOptions {
        target: Default::default(),
        output: output.clone(),
        optimize: true,
        code_cache: Default::default(),
    };
    let program = molt_driver::program(&db, entry, &[]);
    molt_driver::build::build_program_at(&db, program, &options, level)
        .map_err(|e| e.to_string())?;
    Ok(output)
}

fn run(mut cmd: Command, dir: &Path) -> Result<std::process::Output, String> {
    cmd.current_dir(dir).env("PYTHONDONTWRITEBYTECODE", "1");
    molt_tests::output_retrying(&mut cmd).map_err(|e| e.to_string())
}

fn check(dir: &Path, out: &Path, level: molt_opt::OptLevel) -> Result<(), String> {
    let exe = build(dir, out, level).map_err(|e| format!("build failed:\n{e}"))?;
    let mut python = Command::new(molt_tests::python());
    python.arg("main.py");
    let expected = run(python, dir)?;
    let actual = run(Command::new(&exe), dir)?;
    let (e, a) = (
        Outcome::from_output(&expected),
        Outcome::from_output(&actual),
    );
    let mut why = String::new();
    if e.stdout != a.stdout {
        why.push_str(&format!(
            "stdout:\n--- python3\n{}--- molt\n{}",
            e.stdout, a.stdout
        ));
    }
    if e.code != a.code {
        why.push_str(&format!("exit code: {:?} vs {:?}\n", e.code, a.code));
    }
    if e.last_stderr_line != a.last_stderr_line {
        why.push_str(&format!(
            "last stderr line:\n  python3: {}\n  molt:    {}\n",
            e.last_stderr_line, a.last_stderr_line
        ));
    }
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    if name.starts_with("err_") && expected.stderr != actual.stderr {
        why.push_str(&format!(
            "stderr:\n--- python3\n{}--- molt\n{}",
            String::from_utf8_lossy(&expected.stderr),
            String::from_utf8_lossy(&actual.stderr)
        ));
    }
    if why.is_empty() { Ok(()) } else { Err(why) }
}

fn all_match_cpython(level: molt_opt::OptLevel) {
    let dirs = workspaces();
    assert!(
        dirs.len() >= 10,
        "tests/workspaces holds {} programs",
        dirs.len()
    );
    let out = tempfile::tempdir().expect("temp dir");
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|dir| {
            check(dir, out.path(), level).err().map(|why| {
                format!(
                    "{}: {why}",
                    dir.file_name().unwrap_or_default().to_string_lossy()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} workspaces differ from CPython at {level:?}:\n\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n\n")
    );
}

/// Every workspace program matches CPython at the default optimization level.
#[test]
fn workspaces_match_cpython() {
    all_match_cpython(molt_opt::OptLevel::O2);
}

/// And without MIR passes.
#[test]
fn workspaces_match_cpython_at_opt_level_0() {
    all_match_cpython(molt_opt::OptLevel::O0);
}

/// A module whose compiled code uses a builtin (`len`, and `range` through a counted loop)
/// cannot get a global of that name from another module: under CPython it would shadow the
/// builtin. A write the source shows (`helper.range = ...`, `setattr(helper, "len", ...)`)
/// is a compile-time `unsupported-syntax` error at the name; names the module does not use
/// stay free.
#[test]
fn shadowing_a_used_builtin_from_outside_is_a_compile_time_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("helper.py"),
        "def loop(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n\n\ndef size(xs):\n    return len(xs)\n",
    )
    .expect("write helper.py");
    let out = tempfile::tempdir().expect("temp dir");
    for (statement, name, column) in [
        ("helper.range = lambda n: [7]", "range", 8),
        ("setattr(helper, 'len', abs)", "len", 17),
        ("h, helper.len = 1, abs", "len", 11),
    ] {
        std::fs::write(
            dir.path().join("main.py"),
            format!("import helper\nhelper.print = None\nhelper.abs = abs\n{statement}\n"),
        )
        .expect("write main.py");
        let db = RootDatabase::default();
        let entry = db.load_file(&dir.path().join("main.py")).expect("loads");
        let program = molt_driver::program(&db, entry, &[]);
        let shown: Vec<String> = molt_driver::check_program(&db, program)
            .iter()
            .map(|d| d.to_string())
            .collect();
        let expected = format!(
            "main.py:4:{column}: error[unsupported-syntax]: adding the global `{name}` to module `helper` from outside it is not supported: `helper`'s compiled code uses the builtin `{name}` (CPython would let this global shadow it there)"
        );
        assert!(
            shown.len() == 1 && shown[0].ends_with(&expected),
            "{statement}: {shown:#?}"
        );
        let error = build(dir.path(), out.path(), molt_opt::OptLevel::O2)
            .expect_err("the build stops at the error");
        assert!(error.contains("error"), "{statement}: {error}");
    }
}

/// A write the source does not show (through `vars(helper)`, or `setattr` with a computed
/// name) raises a `molt:` `NotImplementedError` at the statement instead of the program
/// running on with the builtin.
#[test]
fn shadowing_a_used_builtin_from_outside_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("helper.py"),
        "def loop(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n\n\ndef size(xs):\n    return len(xs)\n",
    )
    .expect("write helper.py");
    let out = tempfile::tempdir().expect("temp dir");
    for (statement, name) in [
        (
            "n = 'ran' + 'ge'\nsetattr(helper, n, lambda n: [7])",
            "range",
        ),
        ("vars(helper)['len'] = abs", "len"),
    ] {
        std::fs::write(
            dir.path().join("main.py"),
            format!("import helper\nhelper.print = None\nprint(helper.loop(4), helper.size([1]))\n{statement}\nprint('not reached')\n"),
        )
        .expect("write main.py");
        for level in [molt_opt::OptLevel::O2, molt_opt::OptLevel::O0] {
            let exe = build(dir.path(), out.path(), level).expect("builds");
            let output = run(Command::new(&exe), dir.path()).expect("runs");
            let stdout = String::from_utf8_lossy(&output.stdout);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(stdout, "6 1\n", "{statement} at {level:?}");
            let last = stderr.lines().last().unwrap_or_default();
            assert_eq!(
                last,
                format!(
                    "NotImplementedError: molt: adding the global '{name}' to module 'helper' from outside it is not supported: the module's compiled code uses the builtin '{name}'"
                ),
                "{statement} at {level:?}: {stderr}"
            );
            assert_eq!(output.status.code(), Some(1));
        }
    }
}

/// Compiled code takes a module's `__name__` to be a str (so `__name__ == "__main__"`
/// compares two strs): storing anything else in it is a `molt:` error at the store, from
/// inside the module or outside.
#[test]
fn a_non_str_module_name_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("helper.py"),
        "def name():\n    return __name__\n",
    )
    .expect("write helper.py");
    let out = tempfile::tempdir().expect("temp dir");
    for statement in ["helper.__name__ = 5", "__name__ = None"] {
        std::fs::write(
            dir.path().join("main.py"),
            format!("import helper\nhelper.__name__ = 'h'\nprint(helper.name(), __name__)\n{statement}\nprint('not reached')\n"),
        )
        .expect("write main.py");
        let exe = build(dir.path(), out.path(), molt_opt::OptLevel::O2).expect("builds");
        let output = run(Command::new(&exe), dir.path()).expect("runs");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "h __main__\n",
            "{statement}"
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.lines().last().is_some_and(|l| l
                .starts_with("NotImplementedError: molt: assigning a value of type '")
                && l.ends_with(
                    "' to a module's __name__ is not supported (compiled code takes it to be a str)"
                )),
            "{statement}: {stderr}"
        );
    }
}
