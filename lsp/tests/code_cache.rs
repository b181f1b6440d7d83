//! The persistent code cache, through the `molt-lsp` command line: a fresh process reuses
//! what an earlier one compiled, from the disk cache and from a real Bazel HTTP remote cache
//! (Debian's nginx with WebDAV `PUT`, started by the test on 127.0.0.1).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const PROGRAM: &str = "\
class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self


def square(x: int) -> int:
    return x * x


def total(xs):
    c = Counter()
    for x in xs:
        c.add(square(x))
    return c.n


print(total(range(10)), [square(i) for i in range(4)])
";

const OUTPUT: &str = "285 [0, 1, 4, 9]\n";

/// `molt-lsp` with the code cache in `cache_dir`, no proxy and no remote cache from the
/// environment.
fn molt_lsp(cache_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_molt-lsp"));
    cmd.env("MOLT_CODE_CACHE_DIR", cache_dir)
        .env_remove("MOLT_NO_CODE_CACHE")
        .env_remove("MOLT_REMOTE_CACHE");
    for proxy in [
        "ALL_PROXY",
        "all_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
    ] {
        cmd.env_remove(proxy);
    }
    cmd
}

/// Where a build's functions came from, from its `functions: ...` line.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    compiled: usize,
    memory: usize,
    disk: usize,
    remote: usize,
}

/// Builds `program.py` of `dir` into `dir/<out>` and runs it; returns the counts and stderr.
fn build(dir: &Path, cache: &str, out: &str, extra: &[&str]) -> (Counts, String) {
    let output = molt_lsp(&dir.join(cache))
        .current_dir(dir)
        .args(["--build", "program.py", "-o", out])
        .args(extra)
        .output()
        .expect("molt-lsp runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    let ran = Command::new(dir.join(out))
        .output()
        .expect("the program runs");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), OUTPUT, "{stderr}");
    (counts(&stderr), stderr)
}

/// Parses `functions: 3 compiled, 40 cached (memory 0, disk 38, remote 2)`.
fn counts(stderr: &str) -> Counts {
    let line = stderr
        .lines()
        .find_map(|l| l.split_once("functions: ").map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no functions line in {stderr}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let [compiled, cached, memory, disk, remote] = numbers[..] else {
        panic!("unexpected functions line: {line}");
    };
    assert_eq!(cached, memory + disk + remote, "{line}");
    Counts {
        compiled,
        memory,
        disk,
        remote,
    }
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("program.py"), PROGRAM).expect("write");
    dir
}

/// All the files under `dir`.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A second `--build` of an unchanged program, in a fresh process, compiles nothing: every
/// function comes from the disk cache. `--no-code-cache` compiles everything again; damaged
/// entries are compiled again too, and the program still runs right.
#[test]
fn a_fresh_process_builds_an_unchanged_program_from_the_disk_cache() {
    let dir = project();
    let (cold, _) = build(dir.path(), "cache", "a", &[]);
    assert!(cold.compiled >= 4, "{cold:?}");
    assert_eq!(cold.disk + cold.remote + cold.memory, 0, "{cold:?}");
    let n = cold.compiled;

    let (warm, stderr) = build(dir.path(), "cache", "b", &[]);
    assert_eq!(
        warm,
        Counts {
            compiled: 0,
            memory: 0,
            disk: n,
            remote: 0
        },
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("a")).expect("a"),
        std::fs::read(dir.path().join("b")).expect("b"),
        "the executable built from cached code is the same"
    );

    let (off, _) = build(dir.path(), "cache", "c", &["--no-code-cache"]);
    assert_eq!(off.compiled, n);

    // Damage every entry of the cache: truncate one, flip a byte of the others.
    let entries = files_under(&dir.path().join("cache"));
    assert_eq!(entries.len(), n, "{entries:?}");
    for (i, e) in entries.iter().enumerate() {
        let mut bytes = std::fs::read(e).expect("read");
        if i == 0 {
            bytes.truncate(bytes.len() / 3);
        } else {
            let k = bytes.len() - 1 - i % 7;
            bytes[k] ^= 0x5a;
        }
        std::fs::write(e, bytes).expect("write");
    }
    let (repaired, stderr) = build(dir.path(), "cache", "d", &[]);
    assert_eq!(repaired.compiled, n, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let (warm, _) = build(dir.path(), "cache", "e", &[]);
    assert_eq!(warm.disk, n, "the damaged entries were rewritten");
}

/// Several processes building at once share one cache folder: each build succeeds, and the
/// entries they leave are whole (a later build takes every function from them).
#[test]
fn concurrent_builds_share_one_cache_folder() {
    let dir = project();
    let builds: Vec<Child> = (0..3)
        .map(|i| {
            molt_lsp(&dir.path().join("cache"))
                .current_dir(dir.path())
                .args(["--build", "program.py", "-o", &format!("p{i}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("molt-lsp starts")
        })
        .collect();
    for (i, child) in builds.into_iter().enumerate() {
        let out = child.wait_with_output().expect("waits");
        assert!(out.status.success(), "{}", output_text(&out));
        let ran = Command::new(dir.path().join(format!("p{i}")))
            .output()
            .expect("runs");
        assert_eq!(String::from_utf8_lossy(&ran.stdout), OUTPUT);
    }
    let (warm, stderr) = build(dir.path(), "cache", "q", &[]);
    assert_eq!(warm.compiled, 0, "{stderr}");
    assert!(warm.disk > 0, "{stderr}");
}

/// Debian's nginx serving a WebDAV folder on 127.0.0.1, in the foreground; stopped on drop.
struct Nginx {
    child: Option<Child>,
    port: u16,
    root: PathBuf,
    _dir: tempfile::TempDir,
}

impl Nginx {
    /// The nginx binary, if installed.
    fn binary() -> Option<PathBuf> {
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .chain([PathBuf::from("/usr/sbin")])
            .map(|d| d.join("nginx"))
            .find(|p| p.is_file())
    }

    /// Starts nginx on a free port; waits until it accepts connections.
    fn start(binary: &Path) -> Nginx {
        let dir = tempfile::tempdir().expect("tempdir");
        let prefix = dir.path();
        let root = prefix.join("root");
        std::fs::create_dir_all(&root).expect("root");
        std::fs::create_dir_all(prefix.join("logs")).expect("logs");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let p = prefix.display();
        // One process (`master_process off`), so that as root it keeps root's rights on the
        // temporary folders instead of switching to `nobody`.
        let conf = format!(
            "master_process off;
error_log {p}/logs/error.log;
pid {p}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {p}/body;
    proxy_temp_path {p}/proxy;
    fastcgi_temp_path {p}/fastcgi;
    uwsgi_temp_path {p}/uwsgi;
    scgi_temp_path {p}/scgi;
    client_max_body_size 64m;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{
            dav_methods PUT;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
        }}
    }}
}}
",
            root = root.display()
        );
        let conf_path = prefix.join("nginx.conf");
        std::fs::write(&conf_path, conf).expect("config");
        let child = Command::new(binary)
            .arg("-p")
            .arg(prefix)
            .arg("-c")
            .arg(&conf_path)
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nginx starts");
        let mut nginx = Nginx {
            child: Some(child),
            port,
            root,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(child) = nginx.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                let log = std::fs::read_to_string(prefix_log(&nginx)).unwrap_or_default();
                panic!("nginx exited with {status}: {log}");
            }
            assert!(Instant::now() < deadline, "nginx did not start listening");
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/molt-cache", self.port)
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn prefix_log(nginx: &Nginx) -> PathBuf {
    nginx
        .root
        .parent()
        .map(|p| p.join("logs/error.log"))
        .unwrap_or_default()
}

impl Drop for Nginx {
    fn drop(&mut self) {
        self.stop();
    }
}

fn output_text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Two builds from two cache folders share work through a Bazel HTTP remote cache (nginx with
/// WebDAV): the second compiles nothing. A corrupt object on the server is rebuilt and
/// rewritten. With the server stopped, a build still succeeds, with one warning.
#[test]
fn builds_from_two_cache_folders_share_work_through_a_remote_cache() {
    let Some(binary) = Nginx::binary() else {
        eprintln!(
            "SKIPPED builds_from_two_cache_folders_share_work_through_a_remote_cache: nginx is \
             not installed (apt-get install nginx-light; .ci/run installs it)"
        );
        return;
    };
    let mut nginx = Nginx::start(&binary);
    let dir = project();
    let url = nginx.url();
    let remote = ["--remote-cache", url.as_str()];

    let (first, stderr) = build(dir.path(), "cache-a", "a", &remote);
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(first.compiled >= 4, "{first:?}");
    let n = first.compiled;
    let stored = files_under(&nginx.root);
    let in_folder = |name: &str| {
        stored
            .iter()
            .filter(|p| p.parent().is_some_and(|d| d.ends_with(name)))
            .count()
    };
    assert_eq!(in_folder("molt-cache/ac"), n, "{stored:?}");
    assert_eq!(in_folder("molt-cache/cas"), n, "{stored:?}");
    // An action record names its CAS object by the SHA-256 of the object's bytes.
    let ac = stored
        .iter()
        .find(|p| p.parent().is_some_and(|d| d.ends_with("molt-cache/ac")))
        .expect("an ac record");
    let digest = std::fs::read_to_string(ac).expect("read");
    assert_eq!(digest.len(), 64, "{digest}");
    let cas = nginx.root.join("molt-cache/cas").join(&digest);
    assert!(cas.is_file(), "{}", cas.display());

    // Another machine (another cache folder): everything from the remote cache.
    let (second, stderr) = build(dir.path(), "cache-b", "b", &remote);
    assert_eq!(
        second,
        Counts {
            compiled: 0,
            memory: 0,
            disk: 0,
            remote: n
        },
        "{stderr}"
    );
    // What came from the remote cache was written to the disk cache.
    let (third, _) = build(dir.path(), "cache-b", "c", &remote);
    assert_eq!(third.disk, n);

    // A truncated object on the server is a miss: compiled again and written back.
    let blob = std::fs::read(&cas).expect("read");
    std::fs::write(&cas, &blob[..blob.len() / 2]).expect("truncate");
    let (fourth, stderr) = build(dir.path(), "cache-c", "d", &remote);
    assert_eq!((fourth.compiled, fourth.remote), (1, n - 1), "{stderr}");
    assert_eq!(std::fs::read(&cas).expect("read"), blob, "rewritten");
    let (fifth, _) = build(dir.path(), "cache-d", "e", &remote);
    assert_eq!(fifth.remote, n);

    // The server is down: the build succeeds, compiling, with one warning line.
    nginx.stop();
    let start = Instant::now();
    let out = molt_lsp(&dir.path().join("cache-e"))
        .current_dir(dir.path())
        .args(["--build", "program.py", "-o", "f"])
        .args(remote)
        .output()
        .expect("molt-lsp runs");
    let stderr = output_text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(start.elapsed() < Duration::from_secs(30), "{stderr}");
    assert_eq!(counts(&stderr).compiled, n, "{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].starts_with(&format!("molt-lsp: warning: remote code cache {url}: ")),
        "{stderr}"
    );
    assert!(
        warnings[0].ends_with("; not used for the rest of this build"),
        "{stderr}"
    );
    let ran = Command::new(dir.path().join("f")).output().expect("runs");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), OUTPUT);
}

/// Writes one Content-Length framed JSON-RPC message.
fn send(stdin: &mut impl std::io::Write, message: &serde_json::Value) {
    let body = message.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
    stdin.flush().expect("flush");
}

/// Reads one Content-Length framed JSON-RPC message (`None` at the end of the stream).
fn receive(reader: &mut impl std::io::BufRead) -> Option<serde_json::Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The language server's `remoteCache` setting reaches its builds on save: with the remote
/// cache down, the build succeeds and the log says why the cache was skipped, once.
#[test]
fn the_servers_remote_cache_setting_reaches_builds_on_save() {
    use serde_json::json;
    use std::io::BufReader;
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let url = format!("http://127.0.0.1:{port}/molt");
    let dir = project();
    let path = dir.path().join("program.py");
    let mut child = molt_lsp(&dir.path().join("cache"))
        .arg("--stdio")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("molt-lsp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    // Messages are read on a thread so that a silent server fails the test instead of
    // hanging it.
    let (tx, rx) = std::sync::mpsc::channel::<serde_json::Value>();
    std::thread::spawn(move || {
        while let Some(message) = receive(&mut stdout) {
            if tx.send(message).is_err() {
                return;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let root = format!("file://{}", dir.path().display());
    let file = format!("file://{}", path.display());
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "root"}],
            "initializationOptions": {"buildOnSave": "native", "remoteCache": url},
            "capabilities": {}}}),
    );
    // The server takes notifications once it has answered `initialize`.
    while rx
        .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        .expect("the server answers initialize")
        .get("id")
        != Some(&json!(1))
    {}
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
            {"uri": file, "languageId": "python", "version": 1, "text": PROGRAM}}}),
    );
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didSave",
                "params": {"textDocument": {"uri": file}}}),
    );
    let mut logs = Vec::new();
    let built = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = rx.recv_timeout(left).expect("the server reports the build");
        if let (Some(_), Some(id)) = (message.get("method"), message.get("id")) {
            send(
                &mut stdin,
                &json!({"jsonrpc": "2.0", "id": id, "result": null}),
            );
        }
        if message["method"] == "window/logMessage" {
            let text = message["params"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if text.starts_with("molt: built ") {
                break text;
            }
            logs.push(text);
        }
    };
    let warnings: Vec<&String> = logs.iter().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{logs:?}");
    assert!(
        warnings[0].starts_with(&format!("molt: warning: remote code cache {url}: ")),
        "{warnings:?}"
    );
    assert!(built.contains("functions: "), "{built}");
    let ran = Command::new(dir.path().join("target/molt/program"))
        .output()
        .expect("the artifact runs");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), OUTPUT);
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}),
    );
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    );
    drop(stdin);
    let _ = child.wait();
}
