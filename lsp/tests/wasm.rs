//! The wasm32 target from the command line: `--build FILE --target wasm32` writes a WASI
//! module, `--run FILE --target wasm32` runs it under node with CPython's output and exit
//! status, and the browser loader of `examples/wasm-browser` runs it in headless Chromium.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

fn molt_lsp() -> Command {
    Command::new(env!("CARGO_BIN_EXE_molt-lsp"))
}

/// Whether this molt-lsp has the wasm32 runtime (`molt_tests::wasm_runtime_available`).
fn wasm_available() -> bool {
    molt_tests::wasm_runtime_available()
}

const PROGRAM: &str = "\
import sys

class Acc:
    def __init__(self):
        self.total = 0.0

    def add(self, x: float) -> None:
        self.total += x * 0.5

a = Acc()
for i in range(10):
    a.add(i)
print('total', a.total, sorted({'b': 2, 'a': 1}.items()), sys.argv[1:])
print('caf\u{e9} <b>&</b>', file=sys.stderr)
raise SystemExit(len(sys.argv))
";

fn python3(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("python3")
        .current_dir(dir)
        .arg("app.py")
        .args(args)
        .output()
        .expect("python3 runs")
}

#[test]
fn build_writes_a_wasi_module_and_run_matches_cpython() {
    if !wasm_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.py"), PROGRAM).expect("write");
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--build", "app.py", "--target", "wasm32"])
        .output()
        .expect("molt-lsp runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let module = dir.path().join("target/molt/app.wasm");
    assert!(stderr.contains("built target/molt/app.wasm"), "{stderr}");
    let bytes = std::fs::read(&module).expect("the module is written");
    assert_eq!(&bytes[..4], b"\0asm", "a wasm module");
    // WASI only: every import comes from wasi_snapshot_preview1.
    let imports = count_occurrences(&bytes, b"wasi_snapshot_preview1");
    assert!(imports > 0);
    assert_eq!(
        count_occurrences(&bytes, b"\x03env"),
        0,
        "no env imports left"
    );

    let expected = python3(dir.path(), &["x", "y"]);
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--run", "app.py", "--target", "wasm32", "--", "x", "y"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&expected.stdout)
    );
    assert_eq!(out.status.code(), expected.status.code());
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).ends_with("caf\u{e9} <b>&</b>\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_uncaught_exception_ends_a_wasm_program_as_natively() {
    if !wasm_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let src = "def f(d):\n    return d['missing']\n\nprint('before')\nf({})\n";
    std::fs::write(dir.path().join("app.py"), src).expect("write");
    let expected = python3(dir.path(), &[]);
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--run", "app.py", "--target", "wasm32"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.stdout, expected.stdout);
    assert_eq!(out.status.code(), Some(1));
    let last = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(last(&out.stderr), last(&expected.stderr));
    assert_eq!(last(&out.stderr), "KeyError: 'missing'");
}

/// A recursion of 15,000 Python calls (under a raised limit, as CPython allows): its wasm
/// frames need far more native stack than node's default, on which it traps (`Maximum call
/// stack size exceeded`), on the main thread (`--run`) as on the runner's worker thread
/// (`node tools/run-wasm.mjs` by hand).
const DEEP: &str = "import sys\nsys.setrecursionlimit(20000)\n\n\
def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n\n\nprint(depth(15000), sys.argv[1:])\n";

#[test]
fn a_module_runs_on_the_main_thread_and_on_a_worker_alike_with_tier_hints() {
    if !wasm_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.py"), DEEP).expect("write");
    let expected = python3(dir.path(), &["a"]);
    assert_eq!(expected.status.code(), Some(0));
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--run", "app.py", "--target", "wasm32", "--", "a"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&expected.stdout),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    // The module carries V8's tier hints, once.
    let bytes = std::fs::read(dir.path().join("target/molt/app.wasm")).expect("built");
    assert_eq!(count_occurrences(&bytes, b"compilationHints"), 1);
    // By hand, without a raised stack limit: the runner's worker thread.
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/run-wasm.mjs");
    let out = Command::new("node")
        .current_dir(dir.path())
        .arg(&runner)
        .args(["--argv0=app.py", "target/molt/app.wasm", "a"])
        .output()
        .expect("node runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&expected.stdout),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stderr, b"", "no warning from node or V8");
}

fn count_occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Serves the files of `dir` over HTTP on 127.0.0.1 (GET only, one thread per connection);
/// returns the port.
fn serve(dir: PathBuf) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                // Skip the headers.
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .split('?')
                    .next()
                    .unwrap_or("/")
                    .trim_start_matches('/')
                    .to_owned();
                let mut stream = &stream;
                match std::fs::read(dir.join(&path))
                    .ok()
                    .filter(|_| !path.contains(".."))
                {
                    Some(body) => {
                        let kind = match Path::new(&path).extension().and_then(|e| e.to_str()) {
                            Some("html") => "text/html; charset=utf-8",
                            Some("js") => "text/javascript",
                            Some("wasm") => "application/wasm",
                            _ => "application/octet-stream",
                        };
                        let _ = write!(
                            stream,
                            "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = stream.write_all(&body);
                    }
                    None => {
                        let _ = write!(
                            stream,
                            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        );
                    }
                }
            });
        }
    });
    port
}

/// `examples/wasm-browser`: the page loads a module built by `--target wasm32` with its own
/// small WASI host and shows the program's output and exit status, in headless Chromium.
#[test]
fn the_browser_loader_runs_a_wasm_program_in_headless_chromium() {
    if !wasm_available() {
        return;
    }
    let Some(chromium) = molt_tests::headless_chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs chromium-headless-shell"
        );
        eprintln!("skipped: no headless Chromium (apt install chromium-headless-shell)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("app.py"), PROGRAM).expect("write");
    let out = molt_lsp()
        .current_dir(dir.path())
        .args([
            "--build",
            "app.py",
            "--target",
            "wasm32",
            "-o",
            "site/app.wasm",
        ])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/wasm-browser");
    for name in ["index.html", "molt-wasi.js"] {
        std::fs::copy(example.join(name), dir.path().join("site").join(name)).expect("copy");
    }
    let port = serve(dir.path().join("site"));
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=20000",
            "--dump-dom",
        ])
        .arg(format!(
            "http://127.0.0.1:{port}/index.html?module=app.wasm"
        ))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let expected = python3(dir.path(), &[]);
    let stdout = String::from_utf8_lossy(&expected.stdout)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(
        dom.contains(&format!("<pre id=\"stdout\">{stdout}</pre>")),
        "{dom}"
    );
    assert!(
        dom.contains("caf\u{e9} &lt;b&gt;&amp;&lt;/b&gt;"),
        "stderr in the page: {dom}"
    );
    assert!(dom.contains("exit status 1"), "{dom}");
}

/// `--run --profile --target wasm32`: the module writes its profile (the runner opens only the
/// profile's folder to it) beside the module, and its counters are the native run's: the same
/// MIR, the same sites, the same calls, guards and deopts (the sampler is native only).
#[test]
fn a_profiled_wasm_run_counts_what_the_native_run_counts() {
    if !wasm_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // (`total` calls `f` through another name, a generic call: `f`'s own code runs, not a
    // copy inlined into the loop.)
    let src = "def f(x):\n    return x * 2 + 1\n\ndef total(n: int) -> int:\n    s, g = 0, f\n    \
               for i in range(n):\n        s += g(i)\n    return s\n\nprint(total(1000), f(1.5))\n";
    std::fs::write(dir.path().join("app.py"), src).expect("write");
    let mut profiles = Vec::new();
    for (target, profile) in [
        ("native", "target/molt/app.profile.json"),
        ("wasm32", "target/molt/app.wasm.profile.json"),
    ] {
        let out = molt_lsp()
            .current_dir(dir.path())
            .args(["--run", "app.py", "--profile", "--target", target])
            .output()
            .expect("molt-lsp runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{target}: {stderr}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "1000000 4.0\n");
        assert!(
            stderr.contains(&format!("profile written to {profile}")),
            "{stderr}"
        );
        assert!(
            stderr.contains("`mul` in f: 1 deopt of 1001"),
            "{target}: {stderr}"
        );
        let text = std::fs::read_to_string(dir.path().join(profile)).expect("the profile");
        let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        profiles.push(json);
    }
    // Per function: name, calls and every site's count, identical.
    let counts = |p: &serde_json::Value| -> Vec<(String, u64, String)> {
        p["functions"]
            .as_array()
            .expect("functions")
            .iter()
            .map(|f| {
                (
                    f["name"].as_str().unwrap_or_default().to_owned(),
                    f["calls"].as_u64().unwrap_or_default(),
                    f["sites"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(counts(&profiles[0]), counts(&profiles[1]));
    assert_eq!(profiles[0]["counters"], profiles[1]["counters"]);
    let out = molt_lsp()
        .current_dir(dir.path())
        .args(["--profile-report", "target/molt/app.wasm.profile.json"])
        .output()
        .expect("molt-lsp runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("total"));
}
