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
    // Every line has the `file:line:col: error[CODE]: message` shape (or `warning[CODE]`).
    for l in stdout.lines() {
        let parts: Vec<&str> = l.splitn(4, ':').collect();
        assert_eq!(parts.len(), 4, "{l}");
        assert!(
            parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok(),
            "{l}"
        );
        assert!(
            parts[3].starts_with(" error[") || parts[3].starts_with(" warning["),
            "{l}"
        );
    }
    assert!(
        stdout.contains(": warning[exit-finalization-order]: "),
        "warnings are listed too: {stdout}"
    );
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

/// Writes `files` (relative path, text) under a new temporary folder.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
    dir
}

const TYPED: &str = "def twice(n: int) -> int:\n    return n * 2\n\nprint(twice(21))\n";
const UNTYPED: &str = "def half(x):\n    return x / 2\n\nprint(half(3))\n";

#[test]
fn build_takes_several_files_and_merges_remarks() {
    let dir = project(&[("a.py", TYPED), ("pkg/b.py", UNTYPED)]);
    let out_dir = dir.path().join("bin");
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--build", "--remarks=json", "a.py", "pkg", "-o"])
        .arg(&out_dir)
        .output()
        .expect("molt-lsp runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("built 2 of 2 files"), "{stderr}");
    for (exe, expected) in [("a", "42\n"), ("b", "1.5\n")] {
        let run = Command::new(out_dir.join(exe)).output().expect("runs");
        assert_eq!(String::from_utf8_lossy(&run.stdout), expected);
    }
    // One report for both files.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let files: std::collections::BTreeSet<String> = report["remarks"]
        .as_array()
        .expect("remarks")
        .iter()
        .map(|r| {
            r["location"]["file"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        vec!["a.py".to_owned(), "pkg/b.py".to_owned()]
    );
    let functions: Vec<&str> = report["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .filter_map(|c| c["function"].as_str())
        .collect();
    assert!(
        functions.contains(&"twice") && functions.contains(&"half"),
        "{functions:?}"
    );
}

#[test]
fn check_writes_one_sarif_report_for_every_file() {
    let dir = project(&[("a.py", TYPED), ("b.py", UNTYPED)]);
    let sarif_path = dir.path().join("out/molt.sarif");
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--check", "--remarks=sarif", "--remarks-out"])
        .arg(&sarif_path)
        .arg(".")
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif_path).expect("written"))
            .expect("JSON");
    let uris: std::collections::BTreeSet<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert_eq!(uris.len(), 2, "{uris:?}");
    // No executable was built by a check.
    assert!(!dir.path().join("target").exists());
}

#[test]
fn exit_codes_for_ci() {
    let dir = project(&[
        ("good.py", TYPED),
        ("bad.py", "print(nope)\nx = (\n"),
        ("other/good.py", UNTYPED),
    ]);
    let run = |args: &[&str], env: Option<(&str, &str)>| {
        let mut command = molt_lsp();
        command.current_dir(dir.path()).args(args);
        if let Some((k, v)) = env {
            command.env(k, v);
        }
        let out = command.output().expect("molt-lsp runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // A file with errors fails the build (1); the other file is still built.
    let (code, _, stderr) = run(&["--build", "good.py", "bad.py", "-o", "bin"], None);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(dir.path().join("bin/good").is_file());
    assert!(!dir.path().join("bin/bad").exists());
    assert!(
        stderr.contains("bad.py:3:1: error[syntax-error]"),
        "{stderr}"
    );
    // With remarks on stdout, errors go to stderr and stdout stays one JSON document.
    let (code, stdout, stderr) = run(&["--check", "--remarks=json", "good.py", "bad.py"], None);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("bad.py:3:1: error[syntax-error]"),
        "{stderr}"
    );
    serde_json::from_str::<serde_json::Value>(&stdout).expect("stdout is JSON");
    // Usage and I/O errors (2): two files with one stem, a missing path, nothing to build.
    let (code, _, stderr) = run(&["--build", "good.py", "other/good.py"], None);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("would both be built to"), "{stderr}");
    assert_eq!(run(&["--build", "missing.py"], None).0, Some(2));
    assert_eq!(run(&["--build"], None).0, Some(2));
    assert_eq!(run(&["--remarks=json", "good.py"], None).0, Some(2));
    // A failed link (3): no C compiler.
    let (code, _, stderr) = run(
        &["--build", "good.py", "-o", "bin/linked"],
        Some(("CC", "/bin/false")),
    );
    assert_eq!(code, Some(3), "{stderr}");
    // --help documents the codes.
    let (code, stdout, _) = run(&["--help"], None);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains("Exit codes of --check, --build and --report"),
        "{stdout}"
    );
}

/// The children of process `parent`, found through `/proc/*/stat` (Linux).
#[cfg(target_os = "linux")]
fn children_of(parent: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`: the command may contain spaces, so split after ')'.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let ppid = rest
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(parent) {
            out.push(pid);
        }
    }
    out
}

#[test]
#[cfg(target_os = "linux")]
fn run_names_the_signal_that_killed_the_program() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("waits.py");
    std::fs::write(
        &src,
        "print('waiting', flush=True)\nline = input()\nprint(line)\n",
    )
    .expect("write");
    let mut child = molt_lsp()
        .current_dir(dir.path())
        .arg("--run")
        .arg(&src)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Wait for the program (a child of molt-lsp once the build is done) to print, then
    // kill it with SIGTERM.
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 8];
    stdout.read_exact(&mut first).expect("the program prints");
    assert_eq!(&first, b"waiting\n");
    let program = children_of(child.id());
    assert_eq!(program.len(), 1, "one program process: {program:?}");
    let killed = Command::new("kill")
        .args(["-TERM", &program[0].to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let out = child.wait_with_output().expect("molt-lsp ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("molt-lsp: program killed by signal SIGTERM (terminated)"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(128 + 15), "{stderr}");
}

#[test]
#[cfg(target_os = "linux")]
fn a_native_stack_overflow_flushes_stdout_and_names_itself() {
    // Unbounded recursion past a raised recursion limit through direct calls, which count
    // the depth inline without checking the native stack: the fatal-signal handler is the
    // last defence. The address-space limit makes the program run on a small (64 MiB) stack.
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("overflow.py");
    std::fs::write(
        &src,
        "import sys\nsys.setrecursionlimit(100000000)\n\n\
         def down(n: int) -> int:\n    return down(n + 1) + 1\n\n\
         print('before the overflow')\ndown(0)\nprint('not reached')\n",
    )
    .expect("write");
    let exe = dir.path().join("overflow");
    let built = molt_lsp()
        .arg("--build")
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("builds");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 150000 && exec \"$0\"")
        .arg(&exe)
        .output()
        .expect("the program runs");
    use std::os::unix::process::ExitStatusExt;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "before the overflow\n"
    );
    assert_eq!(
        stderr.trim_end().lines().last(),
        Some("molt: fatal error: native stack overflow"),
        "{stderr}"
    );
    assert_eq!(out.status.signal(), Some(11), "{:?}", out.status);
}

/// Deep nesting (issue "robustness"): what CPython compiles, molt compiles and runs (a
/// 2,999-term sum, 2,998 nested minuses); past CPython's limit of 3,000 levels, a
/// `syntax-error` with CPython's reason, never a stack overflow.
#[test]
fn deep_nesting_compiles_up_to_cpythons_limit_and_is_diagnosed_past_it() {
    let sum = |n: usize| format!("x = {}\nprint(x)\n", vec!["1"; n].join("+"));
    let neg = |n: usize| format!("x = {}1\nprint(x)\n", "-".repeat(n));
    let dir = project(&[
        ("sum_ok.py", &sum(2999)),
        ("neg_ok.py", &neg(2998)),
        ("sum_deep.py", &sum(30000)),
        ("lambdas.py", &format!("f = {}1\n", "lambda: ".repeat(4000))),
    ]);
    for (file, printed) in [("sum_ok.py", "2999\n"), ("neg_ok.py", "1\n")] {
        let out = molt_lsp()
            .current_dir(dir.path())
            .args(["--run", file])
            .output()
            .expect("runs");
        assert_eq!(String::from_utf8_lossy(&out.stdout), printed, "{file}");
        assert_eq!(out.status.code(), Some(0), "{file}");
    }
    for file in ["sum_deep.py", "lambdas.py"] {
        let out = molt_lsp()
            .current_dir(dir.path())
            .args(["--check", file])
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{file}: a diagnostic, not a crash"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(
                "error[syntax-error]: maximum recursion depth exceeded during compilation"
            ),
            "{file}: {stdout}"
        );
    }
}

/// The runtime library cached in `$XDG_CACHE_HOME/molt-lsp/` is used only when its contents
/// are right: a corrupted copy (same length) is rewritten by the next build.
#[test]
fn a_corrupted_cached_runtime_library_is_rewritten() {
    let dir = project(&[("p.py", "print(6 * 7)\n")]);
    let cache = dir.path().join("cache");
    let build = || {
        molt_lsp()
            .current_dir(dir.path())
            .env("XDG_CACHE_HOME", &cache)
            .args(["--run", "p.py"])
            .output()
            .expect("runs")
    };
    let out = build();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
    let lib = std::fs::read_dir(cache.join("molt-lsp"))
        .expect("cache folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "a"))
        .expect("the cached library");
    let good = std::fs::read(&lib).expect("read");
    let mut bad = good.clone();
    let middle = bad.len() / 2;
    bad[middle..middle + 4096].fill(0);
    std::fs::write(&lib, &bad).expect("corrupt");
    let out = build();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "42\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&lib).expect("read") == good, "rewritten");
}

/// A program of several modules: `--check FILE` checks the modules its imports reach and
/// reports an import that finds nothing with the folders searched; `--build FILE` links
/// every module into one executable; `--run` runs it.
#[test]
fn programs_of_several_modules_check_build_and_run() {
    let dir = project(&[
        (
            "app/main.py",
            "import helper\nfrom pkg import sub\nprint(helper.twice(sub.N))\n",
        ),
        (
            "app/helper.py",
            "def twice(n: int) -> int:\n    return 2 * n\n",
        ),
        ("app/pkg/__init__.py", ""),
        ("app/pkg/sub.py", "N = 21\nprint(undefined_in_sub)\n"),
        ("broken/main.py", "import helper\nimport missing_module\n"),
        ("broken/helper.py", "x = 1\n"),
    ]);
    let app = dir.path().join("app");
    // The error of an imported module is reported from the entry's check.
    let out = molt_lsp()
        .current_dir(&app)
        .args(["--check", "main.py"])
        .output()
        .expect("molt-lsp runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "pkg/sub.py:2:7: error[undefined-name]: name `undefined_in_sub` is not defined"
        ),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // One file has the error; four were checked.
    assert!(
        stderr.contains("found 1 error in 1 file (4 files checked)"),
        "{stderr}"
    );
    // A missing module: located at the import, naming the folder searched.
    let broken = dir.path().join("broken");
    let out = molt_lsp()
        .current_dir(&broken)
        .args(["--check", "main.py"])
        .output()
        .expect("molt-lsp runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let searched = std::fs::canonicalize(&broken).expect("canonical");
    assert_eq!(
        stdout.trim(),
        format!(
            "main.py:2:8: error[unresolved-import]: no module named `missing_module` (searched {})",
            searched.display()
        )
    );
    // Built and run: the undefined name raises in `pkg.sub` as CPython would; a fixed one
    // prints the product of two modules.
    std::fs::write(app.join("pkg/sub.py"), "N = 21\n").expect("write");
    let exe = dir.path().join("bin/app");
    let out = molt_lsp()
        .current_dir(&app)
        .args(["--build", "main.py", "-o"])
        .arg(&exe)
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(&exe).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&run.stdout), "42\n");
    let out = molt_lsp()
        .current_dir(&app)
        .args(["--run", "main.py", "-o"])
        .arg(dir.path().join("bin/app2"))
        .output()
        .expect("molt-lsp runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn build_of_a_folder_builds_its_entry_points_with_what_they_import() {
    let dir = project(&[
        (
            "main.py",
            "import helper\n\nif __name__ == \"__main__\":\n    print(helper.twice(21))\n",
        ),
        (
            "helper.py",
            "from pkg import util\n\ndef twice(n):\n    return util.mul(n, 2)\n",
        ),
        ("pkg/__init__.py", ""),
        ("pkg/util.py", "def mul(a, b):\n    return a * b\n"),
        (
            "tool.py",
            "if __name__ == \"__main__\":\n    print('tool')\n",
        ),
        ("script.py", "print('script')\n"),
    ]);
    let out_dir = dir.path().join("bin");
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--build", ".", "-o"])
        .arg(&out_dir)
        .output()
        .expect("molt-lsp runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Entry points and files nothing imports; not the modules `main` imports.
    assert!(stderr.contains("built 3 of 3 files"), "{stderr}");
    for (exe, expected) in [("main", "42\n"), ("tool", "tool\n"), ("script", "script\n")] {
        let run = Command::new(out_dir.join(exe)).output().expect("runs");
        assert_eq!(String::from_utf8_lossy(&run.stdout), expected, "{exe}");
    }
    for module in ["helper", "util", "__init__"] {
        assert!(
            !out_dir.join(module).exists(),
            "{module} was built on its own"
        );
    }
}

#[test]
fn check_counts_only_the_users_files() {
    // The standard modules a program imports are checked with it but are not counted.
    let dir = project(&[
        (
            "main.py",
            "import json\nimport helper\nprint(json.dumps(helper.VALUE))\n",
        ),
        ("helper.py", "VALUE = [1, 2]\n"),
    ]);
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--check", "main.py"])
        .output()
        .expect("molt-lsp runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.trim(), "checked 2 files: no errors");
}

/// Issue 16, item 5: errors fail every mode that checks, whether or not the executable could
/// be written; the summary counts the files with errors; `--run` runs the program as
/// `python3` would and exits with its code.
#[test]
fn errors_exit_1_in_check_and_build_and_run_exits_with_the_program() {
    let dir = project(&[
        (
            "late.py",
            "def never():\n    return missing_name + other_missing\n\nprint('ran')\n",
        ),
        ("helper.py", "X = 1\n"),
        ("main.py", "import helper\nprint(nope)\nprint(helper.X)\n"),
    ]);
    let run = |args: &[&str]| {
        let out = molt_lsp()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("molt-lsp runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // Two errors in one file: exit 1, the executable is still written (it raises NameError
    // where CPython would), and the summary names one file.
    let (code, _, stderr) = run(&["--build", "late.py", "-o", "late"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(dir.path().join("late").is_file(), "{stderr}");
    assert!(
        stderr.contains("late.py:2:12: error[undefined-name]: name `missing_name` is not defined (compiled to raise at run time)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("found 2 errors in 1 file (1 file checked)"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&["--check", "late.py"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        stderr.contains("found 2 errors in 1 file (1 file checked)"),
        "{stderr}"
    );
    // --run: the function with the errors never runs, so the program succeeds, as under
    // python3; the errors are still printed.
    let (code, stdout, stderr) = run(&["--run", "late.py"]);
    assert_eq!(stdout, "ran\n");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("error[undefined-name]"), "{stderr}");
    // An error in the entry of a program of two modules: one file with errors, two checked.
    let (code, _, stderr) = run(&["--build", "main.py", "-o", "main"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("found 1 error in 1 file (2 files checked)"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["--run", "main.py"]);
    assert_eq!(code, Some(1), "NameError at run time: {stderr}");
    assert!(stderr.contains("NameError"), "{stderr}");
    // Clean: exit 0.
    let (code, _, stderr) = run(&["--build", "helper.py", "-o", "helper"]);
    assert_eq!(code, Some(0), "{stderr}");
}

/// Issue 16, item 5: JSON, SARIF and text reports list compile errors with the remarks.
#[test]
fn reports_include_compile_errors() {
    let dir = project(&[("bad.py", "def f(x):\n    return x + 1\n\nprint(nope)\n")]);
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--check", "--remarks=json", "bad.py"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{report}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "undefined-name");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["location"]["file"], "bad.py");
    assert_eq!(d["location"]["start_pos"]["line"], 4);
    assert_eq!(d["location"]["start_pos"]["column"], 7);
    assert_eq!(d["location"]["end_pos"]["column"], 11);
    assert!(!report["remarks"].as_array().expect("remarks").is_empty());
    // SARIF: an error-level result with the code as its rule, before the remarks.
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--build", "--remarks=sarif", "bad.py", "-o", "bad"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let run = &sarif["runs"][0];
    let first = &run["results"][0];
    assert_eq!(first["ruleId"], "undefined-name", "{first}");
    assert_eq!(first["level"], "error");
    assert_eq!(first["message"]["text"], "name `nope` is not defined");
    let index = first["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "undefined-name"
    );
    assert!(
        run["results"]
            .as_array()
            .expect("results")
            .iter()
            .any(|r| r["ruleId"] == "unbox.missed")
    );
    // Text: the error line first, in --check's shape.
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--check", "--remarks=text", "bad.py"])
        .output()
        .expect("molt-lsp runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().next(),
        Some("bad.py:4:7: error[undefined-name]: name `nope` is not defined"),
        "{text}"
    );
    assert_eq!(
        text.matches("error[undefined-name]").count(),
        1,
        "printed once: {text}"
    );
}

/// Issue 16, item 5: `--fail-on` gates CI on remarks and coverage, naming what failed.
#[test]
fn fail_on_gates_on_remarks_and_coverage() {
    let dir = project(&[
        ("typed.py", "def twice(n: int) -> int:\n    return n * 2\n"),
        ("untyped.py", UNTYPED),
    ]);
    let run = |args: &[&str]| {
        let out = molt_lsp()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("molt-lsp runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // No missed remark in the typed file: passes, and says so.
    let (code, stderr) = run(&["--check", "typed.py", "--fail-on", "missed,dynamic"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("--fail-on missed: passed (no missed optimizations)")
            && stderr.contains("--fail-on dynamic: passed (no dynamic operations)"),
        "{stderr}"
    );
    // The untyped file has one: exit 1, with the first one named.
    let (code, stderr) = run(&["--check", "untyped.py", "--fail-on", "missed"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("--fail-on missed: ")
            && stderr.contains(
                "(first: untyped.py:2:12: remark[unbox.missed]: `x` has no type annotation"
            ),
        "{stderr}"
    );
    // A comma list and a repeated flag; a remark name; dynamic operations (`print`).
    let (code, stderr) = run(&[
        "--build",
        "untyped.py",
        "-o",
        "u",
        "--fail-on",
        "unbox.missed,coverage<0",
        "--fail-on=dynamic",
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("--fail-on unbox.missed: 1 remark (first: untyped.py:2:12"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--fail-on coverage<0: passed (coverage "),
        "{stderr}"
    );
    assert!(stderr.contains("--fail-on dynamic: "), "{stderr}");
    assert!(stderr.contains("dynamic operation"), "{stderr}");
    assert!(
        dir.path().join("u").is_file(),
        "a gate does not stop the build"
    );
    // Coverage below the threshold: the score and the function with most to gain.
    let (code, stderr) = run(&["--check", ".", "--fail-on", "coverage<99.5"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("--fail-on coverage<99.5: coverage is ")
            && stderr.contains(", below 99.5 (")
            && stderr.contains("; most to gain: `"),
        "{stderr}"
    );
    // Warnings: only with `--fail-on warning`.
    let warn = project(&[("w.py", "class C:\n    def __del__(self):\n        pass\n")]);
    let out = molt_lsp()
        .current_dir(warn.path())
        .args(["--check", "w.py"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let out = molt_lsp()
        .current_dir(warn.path())
        .args(["--check", "w.py", "--fail-on", "warning"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("--fail-on warning: 1 warning (first: w.py:2:"),
        "{stderr}"
    );
    // A condition that does not exist, or a threshold out of range: a usage error.
    let (code, stderr) = run(&["--check", "typed.py", "--fail-on", "missd"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("unknown condition `missd`"), "{stderr}");
    let (code, _) = run(&["--check", "typed.py", "--fail-on", "coverage<101"]);
    assert_eq!(code, Some(2));
    let (code, stderr) = run(&["--run", "typed.py", "--fail-on", "missed"]);
    assert_eq!(code, Some(2), "{stderr}");
    // --help documents it.
    let out = molt_lsp().arg("--help").output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--fail-on CONDITION"), "{help}");
    assert!(help.contains("coverage<N"), "{help}");
}

/// Issue 16, item 8: `--coverage` shows the source line beside each entry, and
/// `--emit=mir` gives spans as file positions.
#[test]
fn coverage_shows_source_and_mir_spans_are_positions() {
    // `.real` of the untyped result is a dynamic operation, listed with its reason.
    let source = "def half(x):\n    return x / 2\n\nprint(half(3).real)\n";
    let dir = project(&[("untyped.py", source)]);
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--check", "--coverage", "untyped.py"])
        .output()
        .expect("molt-lsp runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("untyped.py:1: half ") && l.ends_with("  | def half(x):")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("    line    2: score ") && l.ends_with("  | return x / 2")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("    dynamic getattr at 4:7: ")
                && l.ends_with("  | print(half(3).real)")),
        "{text}"
    );
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--emit=mir", "untyped.py"])
        .output()
        .expect("molt-lsp runs");
    let mir = String::from_utf8_lossy(&out.stdout);
    // `x / 2` is line 2, columns 12 to 17 of the file (not bytes from the `def`).
    assert!(
        mir.lines()
            .any(|l| l.contains(" = truediv ") && l.contains(" @2:12-17 #")),
        "{mir}"
    );
}

/// Issue 16, item 9: `--report html` writes a self-contained page per module and an index,
/// escaped, replaced atomically, that renders in headless Chromium.
#[test]
fn report_html_writes_escaped_self_contained_pages_that_render() {
    let dir = project(&[
        (
            "app.py",
            "import util\n\n\ndef f(x):\n    return x + 1\n\n\nlabel = \"<b>&'x'</b>\"\n\
             print(f(2), util.g(3), label)\n",
        ),
        ("util.py", "def g(n: int) -> int:\n    return n * 2\n"),
    ]);
    let report = |extra: &[&str]| {
        let out = molt_lsp()
            .current_dir(dir.path())
            .args(["--report", "html", "app.py", "-o", "out"])
            .args(extra)
            .output()
            .expect("molt-lsp runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // A profile beside the artifact: the report shades lines by it.
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--run", "app.py", "--profile"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, stderr) = report(&[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("wrote out/index.html (2 module pages and an index)"),
        "{stderr}"
    );
    let out = dir.path().join("out");
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.starts_with("<!DOCTYPE html>"), "{index}");
    assert!(
        index.contains("<a href=\"app.py.html\">app.py</a>"),
        "{index}"
    );
    assert!(
        index.contains("<a href=\"util.py.html\">util.py</a>"),
        "{index}"
    );
    let page = std::fs::read_to_string(out.join("app.py.html")).expect("page");
    // Escaped source, never raw markup from the program.
    assert!(
        page.contains("label = &quot;&lt;b&gt;&amp;&#39;x&#39;&lt;/b&gt;&quot;"),
        "{page}"
    );
    assert!(!page.contains("<b>&'x'</b>"));
    // Self-contained: no stylesheet, script or image loaded from anywhere.
    for tag in ["<link", " src=", "@import", "url("] {
        assert!(!page.contains(tag) && !index.contains(tag), "{tag}");
    }
    // Every source line is there, and a line with operations expands to its remarks and MIR.
    for n in 1..=9 {
        assert!(page.contains(&format!("id=\"L{n}\"")), "line {n}");
    }
    let line5 = page
        .split("<details class=\"line\" id=\"L5\"")
        .nth(1)
        .and_then(|rest| rest.split("</details>").next())
        .expect("line 5 expands");
    assert!(line5.contains("unbox.missed"), "{line5}");
    assert!(line5.contains("<h3>MIR</h3>"), "{line5}");
    assert!(
        line5.contains(" = add ") && line5.contains("@5:12-17"),
        "{line5}"
    );
    assert!(line5.contains("lane-guarded"), "{line5}");
    // Shaded: the `print` line is partly dynamic; the profile note is in the header.
    let line9 = page.split("id=\"L9\" style=\"").nth(1).expect("line 9");
    assert!(!line9.starts_with("--cost:0.000"), "{line9}");
    assert!(page.contains("profile: "), "the profile is read: {page}");
    // Written again over the earlier report, atomically: nothing left beside it.
    std::fs::write(dir.path().join("util.py"), "def g(n):\n    return n * 2\n").expect("write");
    let (code, stderr) = report(&[]);
    assert_eq!(code, Some(0), "{stderr}");
    let page = std::fs::read_to_string(out.join("util.py.html")).expect("page");
    assert!(page.contains("def g(n):"), "{page}");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A folder that is not a report is not overwritten.
    std::fs::create_dir_all(dir.path().join("mine")).expect("mkdir");
    std::fs::write(dir.path().join("mine/notes.txt"), "keep").expect("write");
    let out2 = molt_lsp()
        .current_dir(dir.path())
        .args(["--report", "html", "app.py", "-o", "mine"])
        .output()
        .expect("runs");
    assert_eq!(out2.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out2.stderr).contains("is not a molt-lsp report"));
    assert!(dir.path().join("mine/notes.txt").is_file());
    // Rendered by headless Chromium: a screenshot of the page with line 5 expanded.
    let Some(chromium) = molt_tests::headless_chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Debian's chromium-headless-shell for the report's rendering test"
        );
        eprintln!(
            "skipped: the rendering check needs chromium-headless-shell (apt-get install chromium-headless-shell)"
        );
        return;
    };
    let shot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-app.png");
    let _ = std::fs::remove_file(&shot);
    let url = format!("file://{}#L5", out.join("app.py.html").display());
    let rendered = Command::new(&chromium)
        .args([
            "--no-sandbox",
            "--headless",
            "--hide-scrollbars",
            "--disable-gpu",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .args(["--window-size=1200,900", &url])
        .output()
        .expect("chromium runs");
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    // A blank page of that size is a few kilobytes; text, shading and the expanded line
    // make it several times larger.
    assert!(png.len() > 20_000, "{} bytes", png.len());
    eprintln!("screenshot: {}", shot.display());
}
