//! The Neovim client (`lsp/editors/nvim/`) in a real, headless Neovim: the Lua script
//! `tests/nvim/driver.lua` opens a Python file of a project, waits for diagnostics and
//! remarks, hovers, runs the `▶ Run` code lens, shows the IR, saves with build on save and
//! finds the executable, writing what it saw to a file that this test checks.
//!
//! Needs `nvim` (Debian's `neovim` package; 0.7.2 on Debian 12) on `PATH`, or its path in
//! `MOLT_TEST_NVIM`. Without it the test fails when `CI` is set, and otherwise prints a line
//! saying it was skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long Neovim may take for the whole script (a debug build of the server compiles the
/// program twice).
const DEADLINE: Duration = Duration::from_secs(300);

/// How long one step of the script may wait (ms).
const STEP_TIMEOUT_MS: u64 = 120_000;

const APP: &str = r#"def scale(x, k: int):
    return x * k


def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


if __name__ == "__main__":
    print(total(10), scale(3, 2))
"#;

/// `nvim`: `MOLT_TEST_NVIM`, else the first on `PATH`.
fn find_nvim() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MOLT_TEST_NVIM") {
        return Some(PathBuf::from(path));
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("nvim"))
        .find(|p| p.is_file())
}

/// The lines `key<TAB>value` the driver wrote, values unescaped, in order.
fn read_results(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(key, value)| {
            let mut out = String::new();
            let mut chars = value.chars();
            while let Some(c) = chars.next() {
                match (c, c == '\\') {
                    (_, true) => match chars.next() {
                        Some('n') => out.push('\n'),
                        Some('t') => out.push('\t'),
                        Some(other) => out.push(other),
                        None => {}
                    },
                    (c, false) => out.push(c),
                }
            }
            (key.to_owned(), out)
        })
        .collect()
}

fn values<'a>(results: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    results
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn python3(path: &Path) -> String {
    let out = Command::new("python3")
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn neovim_shows_diagnostics_hover_lenses_run_output_and_builds_on_save() {
    let Some(nvim) = find_nvim() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "nvim is not installed, and CI must run the Neovim test (apt-get install neovim)"
        );
        println!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plugin = manifest.join("editors/nvim");
    let driver = manifest.join("tests/nvim/driver.lua");
    // A project (pyproject.toml at its root) with the file in a subfolder.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("canonical path");
    std::fs::write(root.join("pyproject.toml"), "[project]\nname = \"demo\"\n").expect("write");
    std::fs::create_dir(root.join("pkg")).expect("mkdir");
    let file = root.join("pkg/app.py");
    std::fs::write(&file, APP).expect("write");
    let out = root.join("nvim-results.txt");
    let artifact = root.join("target/molt/pkg/app");

    let mut child = Command::new(&nvim)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "--cmd"])
        .arg(format!("set runtimepath^={}", plugin.display()))
        .arg("-c")
        .arg(format!("luafile {}", driver.display()))
        .current_dir(&root)
        .env("MOLT_LSP", env!("CARGO_BIN_EXE_molt-lsp"))
        .env("MOLT_TEST_FILE", &file)
        .env("MOLT_TEST_OUT", &out)
        .env("MOLT_TEST_ARTIFACT", &artifact)
        .env("MOLT_TEST_TIMEOUT_MS", STEP_TIMEOUT_MS.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break Some(status);
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let results = read_results(&out);
    let report = format!("nvim {}: {results:#?}", nvim.display());
    assert!(status.is_some(), "nvim did not finish in time; {report}");
    assert_eq!(values(&results, "error"), Vec::<&str>::new(), "{report}");
    assert_eq!(values(&results, "done"), vec!["ok"], "{report}");
    println!("tested with Neovim {}", values(&results, "nvim").join(""));
    // No popup: no invalid setting, no build failure.
    assert_eq!(
        values(&results, "show_message"),
        Vec::<&str>::new(),
        "{report}"
    );

    // Attached to the Python buffer, with the project root found from a subfolder.
    assert_eq!(values(&results, "filetype"), vec!["python"], "{report}");
    assert_eq!(
        values(&results, "root"),
        vec![root.display().to_string()],
        "{report}"
    );

    // Diagnostics: the missed optimization on `x * k` as a Hint (severity 4); with the
    // default settings, no applied remark (Information, severity 3) is a diagnostic.
    let diagnostics = values(&results, "diagnostic");
    assert!(
        diagnostics
            .iter()
            .any(|d| d.starts_with("2:12 unbox.missed 4 `x` has no type annotation")),
        "{report}"
    );
    for d in &diagnostics {
        let fields: Vec<&str> = d.splitn(4, ' ').collect();
        let (code, severity) = (fields[1], fields[2]);
        assert!(
            !(code.contains('.') && severity == "3"),
            "an applied remark is a diagnostic by default: {d}; {report}"
        );
    }

    // Hover on `scale`: its signature and coverage.
    let hover = values(&results, "hover").join("\n");
    assert!(hover.contains("def scale(x, k: int)"), "{report}");
    assert!(hover.contains("coverage"), "{report}");

    // Lenses, and the output of `▶ Run` in the run buffer: the program's stdout.
    let lenses = values(&results, "lens");
    assert!(lenses.contains(&"12 ▶ Run"), "{report}");
    assert!(lenses.contains(&"12 Build"), "{report}");
    let run = values(&results, "run");
    assert!(
        run.first().is_some_and(
            |header| header.starts_with(&format!("$ {} ", artifact.display()))
                && header.contains("exit code 0")
        ),
        "{report}"
    );
    assert_eq!(run[1..].join("\n") + "\n", python3(&file), "{report}");

    // :MoltShowIr: a scratch buffer with the MIR, highlighted as `moltmir`.
    assert_eq!(values(&results, "ir_filetype"), vec!["moltmir"], "{report}");
    assert!(
        values(&results, "ir_first")
            .first()
            .is_some_and(|l| l.starts_with("function \"")),
        "{report}"
    );

    // Build on save wrote the executable under the mirrored path, and it runs.
    assert_eq!(
        values(&results, "built"),
        vec![artifact.display().to_string()],
        "{report}"
    );
    let ran = Command::new(&artifact).output().expect("the artifact runs");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), python3(&file));
}
