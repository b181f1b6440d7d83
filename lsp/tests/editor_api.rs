//! The custom requests for editor extensions (`lsp/src/server/editor_api.rs`):
//! `molt/fileCoverage` and `molt/profileHeat`, asked of the real `molt-lsp` binary over stdio
//! as the VS Code extension asks them.

use std::io::Write;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod common;
use common::{read_messages, schema_errors, sites_for};

const TIMEOUT: Duration = Duration::from_secs(120);

/// A `molt-lsp` process and a minimal LSP client for it (as in `server.rs`).
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Result<Value, String>>,
    next_id: i64,
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    fn start(root: &Path, options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_molt-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("molt-lsp starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut client = Client {
            child,
            stdin,
            messages: read_messages(stdout),
            next_id: 1,
        };
        client
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": uri(root),
                    "workspaceFolders": [{"uri": uri(root), "name": "root"}],
                    "initializationOptions": options,
                    "capabilities": {},
                }),
            )
            .expect("initialize succeeds");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().expect("stdin is open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to server");
        stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (answering the server's own requests with
    /// `null`): `Ok(result)` or `Err(error)`.
    fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.messages.recv_timeout(left) {
                Ok(Ok(message)) => message,
                Ok(Err(problem)) => panic!("{problem} while waiting for {method}"),
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {method}"),
                Err(RecvTimeoutError::Disconnected) => panic!("server closed during {method}"),
            };
            if let (Some(_), Some(server_id)) = (message.get("method"), message.get("id")) {
                self.send(&json!({"jsonrpc": "2.0", "id": server_id.clone(), "result": null}));
                continue;
            }
            if message.get("method").is_none() && message["id"] == json!(id) {
                return match message.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(message.get("result").cloned().unwrap_or(Value::Null)),
                };
            }
        }
    }

    fn open(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "python", "version": 1, "text": text}}),
        );
    }

    /// Asks `method` for `path` until `accept` takes the result (the server loads files and
    /// profiles in the background), or fails.
    fn poll(&mut self, method: &str, path: &Path, accept: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let result = self.request(method, json!({"textDocument": {"uri": uri(path)}}));
            if let Ok(value) = &result {
                if accept(value) {
                    return value.clone();
                }
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {method}: last {result:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// `total` is fully typed; `untyped`'s `a * b` (line 9, 0-based 8) is dynamic; the module's
/// `print(...)` call (line 12, 0-based 11) too.
const PROGRAM: &str = "\
def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * 2
    return s


def untyped(a, b):
    return a * b


print(total(10), untyped(3, 4).real)
";

fn function<'a>(coverage: &'a Value, name: &str) -> &'a Value {
    coverage["functions"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["name"] == name))
        .unwrap_or_else(|| panic!("no function {name} in {coverage}"))
}

fn line(result: &Value, line: u64) -> Option<&Value> {
    result["lines"]
        .as_array()
        .and_then(|ls| ls.iter().find(|l| l["line"] == line))
}

#[test]
fn file_coverage_per_function_and_per_line() {
    let dir = workspace(&[("p.py", PROGRAM)]);
    let path = dir.path().join("p.py");
    let mut client = Client::start(dir.path(), Value::Null);
    client.open(&path, PROGRAM);
    let coverage = client.poll("molt/fileCoverage", &path, |v| {
        v["functions"].as_array().is_some_and(|f| f.len() == 3)
    });

    // Functions: their whole `def` as range, score and lanes as the coverage lens says.
    let total = function(&coverage, "total");
    assert_eq!(total["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(
        total["range"]["end"]["line"],
        json!(4),
        "the def ends on `return s`"
    );
    let lanes = &total["lanes"];
    assert_eq!(lanes["dynamic"], json!(0), "{total}");
    let ops = ["native", "guarded", "runtime", "dynamic"]
        .iter()
        .map(|k| lanes[k].as_u64().expect("a count"))
        .sum::<u64>();
    assert!(ops > 0, "{total}");
    let score = total["score"].as_f64().expect("a score");
    assert!(score > 50.0 && score <= 100.0, "{total}");
    let untyped = function(&coverage, "untyped");
    assert_eq!(untyped["range"]["start"]["line"], json!(7));
    assert!(
        untyped["lanes"]["guarded"].as_u64().unwrap_or(0)
            + untyped["lanes"]["dynamic"].as_u64().unwrap_or(0)
            > 0
    );
    let module = function(&coverage, "<module>");
    assert_eq!(module["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(
        module["range"]["end"]["line"],
        json!(12),
        "the module covers the file"
    );

    // Lines: 0-based, sorted; `.real` of an untyped result is a dynamic attribute read (the
    // `print` call is a runtime call); `total`'s loop has none.
    let lines: Vec<u64> = coverage["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| l["line"].as_u64().expect("line"))
        .collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(lines, sorted, "sorted, one entry per line");
    let print = line(&coverage, 11).expect("the print line has operations");
    assert!(print["dynamic"].as_u64().unwrap_or(0) >= 1, "{print}");
    assert!(print["total"].as_u64() >= print["dynamic"].as_u64());
    let body = line(&coverage, 3).expect("`s += i * 2` has operations");
    assert_eq!(body["dynamic"], json!(0), "{body}");
    // Every operation of a function is on some line of the result.
    let line_total: u64 = coverage["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| l["total"].as_u64().expect("total"))
        .sum();
    let function_total: u64 = coverage["functions"]
        .as_array()
        .expect("functions")
        .iter()
        .flat_map(|f| {
            ["native", "guarded", "runtime", "dynamic"]
                .map(|k| f["lanes"][k].as_u64().expect("count"))
        })
        .sum();
    assert_eq!(line_total, function_total);
}

#[test]
fn unknown_documents_and_bad_params() {
    let dir = workspace(&[("p.py", PROGRAM)]);
    let mut client = Client::start(dir.path(), Value::Null);
    let missing = dir.path().join("nope.py");
    for method in ["molt/fileCoverage", "molt/profileHeat"] {
        assert_eq!(
            client.request(method, json!({"textDocument": {"uri": uri(&missing)}})),
            Ok(Value::Null),
            "{method} on an unknown file"
        );
        let error = client
            .request(method, json!({"uri": 3}))
            .expect_err("bad params are an error");
        assert_eq!(error["code"], json!(-32602), "InvalidParams: {error}");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.contains("textDocument")),
            "{error}"
        );
    }
    // The server is still there.
    let path = dir.path().join("p.py");
    client.open(&path, PROGRAM);
    client.poll("molt/fileCoverage", &path, |v| v["functions"].is_array());
    // No profile: null.
    assert_eq!(
        client.request(
            "molt/profileHeat",
            json!({"textDocument": {"uri": uri(&path)}})
        ),
        Ok(Value::Null)
    );
}

// ---------------------------------------------------------------------------------------
// Profile heat: a hand-written profile and site map of PROGRAM (valid against the schemas),
// as in `server.rs`.

const BUILD_ID: &str = "0123456789abcdef";

/// Sites: `<module>`'s call of `print` (line 12), `total`'s `i * 2` (line 4), `untyped`'s
/// `a * b` (line 9). Profile: 1000 samples; 700 at `i * 2` (1,000,000 executions), 100 at
/// `a * b` (100 executions, 62 deopts), 5 at the `print` call.
fn write_profile(dir: &Path, source: &Path) {
    let file = json!([{ "path": source.display().to_string(), "sha256": molt_profiler::sha256_hex(PROGRAM) }]);
    let map = sites_for(source, PROGRAM, BUILD_ID);
    let profile = json!({
        "schema_version": 1, "kind": "molt-profile", "build_id": BUILD_ID,
        "files": file,
        "exit": { "kind": "normal", "code": 0 }, "wall_ns": 1_000_000_000u64,
        "sampling": { "enabled": true, "interval_ns": 1_000_000, "samples": 1000, "unattributed": 0 },
        "counters": {
            "allocations": { "int": 0, "float": 0, "str": 0, "list": 0, "tuple": 0, "dict": 0,
                             "set": 0, "instance": 0, "function": 0, "other": 0 },
            "calls": { "direct": 101, "method_direct": 0, "method_cached": 0, "generic": 1, "builtin": 2 },
            "attribute_lookups": { "slot": 0, "generic": 0 },
            "inline_cache": { "hits": 0, "misses": 0 },
            "guards": { "checks": 1_000_100, "failures": 62 },
            "dynamic_ops": 1
        },
        "functions": [
            { "function": 1, "name": "total", "calls": 1, "samples": 800,
              "sites": [{ "site": 3, "count": 1_000_000, "samples": 700 }] },
            { "function": 2, "name": "untyped", "calls": 100, "samples": 150,
              "sites": [{ "site": 1, "count": 100, "deopts": {"not-int": 60, "overflow": 2}, "samples": 100 }] },
            { "function": 0, "name": "<module>", "calls": 1, "samples": 50,
              "sites": [{ "site": 1, "count": 1, "samples": 5 }] }
        ]
    });
    assert_eq!(
        schema_errors("profile-v1.schema.json", &profile),
        Vec::<String>::new()
    );
    let out = dir.join("target/molt");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("p.sites.json"), map.to_string()).expect("write");
    std::fs::write(out.join("p.profile.json"), profile.to_string()).expect("write");
}

#[test]
fn profile_heat_per_line_fresh_then_stale() {
    let dir = workspace(&[("p.py", PROGRAM)]);
    let path = dir.path().join("p.py");
    write_profile(dir.path(), &path);
    let mut client = Client::start(dir.path(), Value::Null);
    client.open(&path, PROGRAM);
    let heat = client.poll("molt/profileHeat", &path, |v| {
        v["lines"].as_array().is_some_and(|l| l.len() == 3)
    });
    assert_eq!(heat["stale"], json!(false), "{heat}");
    assert_eq!(heat["staleReason"], json!(""));
    assert_eq!(heat["totalSamples"], json!(1000));
    assert!(
        heat["profile"]
            .as_str()
            .is_some_and(|p| p.ends_with("target/molt/p.profile.json")),
        "{heat}"
    );
    let hot = line(&heat, 3).expect("`i * 2` is on line 4 (0-based 3)");
    assert_eq!(hot["samples"], json!(700));
    assert_eq!(hot["executions"], json!(1_000_000));
    assert_eq!(hot["deopts"], json!(0));
    assert!(
        (hot["share"].as_f64().expect("share") - 0.7).abs() < 1e-9,
        "{hot}"
    );
    let deopting = line(&heat, 8).expect("`a * b` on line 9 (0-based 8)");
    assert_eq!(deopting["samples"], json!(100));
    assert_eq!(deopting["executions"], json!(100));
    assert_eq!(deopting["deopts"], json!(62));
    let print = line(&heat, 11).expect("the print call");
    assert_eq!(print["samples"], json!(5));

    // Two lines inserted at the top: the figures move down with their lines, marked stale.
    let edited = format!("import sys\n\n{PROGRAM}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&path), "version": 2},
               "contentChanges": [{"text": edited}]}),
    );
    let stale = client.poll("molt/profileHeat", &path, |v| v["stale"] == json!(true));
    assert!(
        stale["staleReason"]
            .as_str()
            .is_some_and(|r| r.contains("p.py changed since the run")),
        "{stale}"
    );
    assert_eq!(
        line(&stale, 5).map(|l| l["samples"].clone()),
        Some(json!(700)),
        "{stale}"
    );
    assert!(line(&stale, 3).is_none(), "{stale}");

    // `profile: "off"` hides it.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"molt": {"profile": "off"}}}),
    );
    client.poll("molt/profileHeat", &path, Value::is_null);
}
