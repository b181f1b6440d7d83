//! Full tracebacks: for the `tb_*` programs of `tests/programs/` (and a few `err_*` ones with
//! suggestions, and the `warn_*` ones with CPython's warnings; also `<prefix>_tb_*` and
//! `<prefix>_warn_*`), the whole standard error of the compiled program must equal CPython 3.11's
//! — every `File "...", line N, in name` line, source line, caret line, folded repetition
//! and chained exception — not only the last line that `programs.rs` compares. Both run the
//! same absolute path, so the file names match.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use molt_db::RootDatabase;

/// The programs whose whole traceback is compared.
fn programs() -> Vec<PathBuf> {
    let dir = molt_tests::repo_root().join("tests/programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        name.ends_with(".py")
            && (name.starts_with("tb_")
                || name.starts_with("err_name_suggest")
                || name.starts_with("err_attr_suggest")
                || name.starts_with("warn_")
                // An engineer's prefix before the kind (`misc12_tb_...`).
                || name.contains("_tb_")
                || name.contains("_warn_"))
    });
    files.sort();
    files
}

/// The standard error of `cmd` (stdin closed).
fn stderr_of(mut cmd: Command) -> Result<String, String> {
    let out = molt_tests::output_retrying(cmd.stdin(Stdio::null()))
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stderr).into_owned())
}

fn compiled_stderr(path: &Path, out_dir: &Path) -> Result<String, String> {
    let db = RootDatabase::default();
    let file = db.load_file(path).map_err(|e| e.to_string())?;
    let output = out_dir.join(path.file_stem().unwrap_or_default());
    let options = molt_driver::build::BuildOptions {
        target: Default::default(),
        output: output.clone(),
        optimize: true,
        code_cache: Default::default(),
    };
    molt_driver::build::build(&db, file, &options).map_err(|e| e.to_string())?;
    stderr_of(Command::new(&output))
}

#[test]
fn tracebacks_match_cpython_in_full() {
    let python = molt_tests::fuzz::run::python();
    let out_dir = tempfile::tempdir().expect("temporary directory");
    let programs = programs();
    assert!(
        programs.len() >= 20,
        "expected the tb_ programs, found {}",
        programs.len()
    );
    let mut failures = Vec::new();
    for path in &programs {
        let path = path.canonicalize().unwrap_or_else(|_| path.clone());
        let mut cmd = Command::new(&python);
        cmd.arg(&path);
        let expected = match stderr_of(cmd) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        match compiled_stderr(&path, out_dir.path()) {
            Ok(actual) if actual == expected => {}
            Ok(actual) => failures.push(format!(
                "{}:\n--- CPython\n{expected}--- molt\n{actual}",
                path.display()
            )),
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} tracebacks differ:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}
