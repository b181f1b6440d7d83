//! Target (c): sessions of LSP messages (`molt_tests::targets::lsp`) played against the real
//! `molt-lsp` binary over stdio, as an editor drives it. The properties: the server never
//! dies; every request gets exactly one response; a malformed body gets an error response
//! and the session goes on; no panic (not even one caught per request: it is logged as an
//! internal error and printed on stderr); `shutdown` then `exit` ends it with code 0. The
//! bounded run is part of `cargo test`; `tests/fuzz/README.md`, "Robustness fuzz targets",
//! has the long run.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use molt_tests::targets::lsp::{Session, Step};
use molt_tests::targets::{Finding, Target, Verdict, fuzz, run_case};
use serde_json::{Value, json};

mod common;
use common::read_messages;

/// How long the server may take to answer every outstanding request (debug builds of a
/// program, a `molt.run` with its 3 s time-out).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(90);

/// A running server and the bookkeeping of one session.
struct Player {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Result<Value, String>>,
    stderr: Arc<Mutex<String>>,
    /// Requests sent and not answered yet: id → method.
    outstanding: BTreeMap<i64, &'static str>,
    /// Every id answered so far.
    answered: BTreeMap<i64, usize>,
    /// Error responses to malformed bodies (`null` or `malformed-N` ids).
    null_id_errors: usize,
    next_id: i64,
}

impl Player {
    fn start(root: &Path) -> Result<Player, Finding> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_molt-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .current_dir(root)
            // Builds in a session must not fill the user's code cache.
            .env("MOLT_NO_CODE_CACHE", "1")
            .env_remove("MOLT_REMOTE_CACHE")
            .spawn()
            .map_err(|e| Finding::new("cannot start molt-lsp", e.to_string()))?;
        let (Some(stdin), Some(stdout), Some(mut stderr_pipe)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(Finding::new("cannot start molt-lsp", "no pipes"));
        };
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stderr_pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                if let Ok(mut text) = sink.lock() {
                    text.push_str(&String::from_utf8_lossy(&buffer[..n]));
                }
            }
        });
        Ok(Player {
            child,
            stdin,
            messages: read_messages(stdout),
            stderr,
            outstanding: BTreeMap::new(),
            answered: BTreeMap::new(),
            null_id_errors: 0,
            next_id: 1,
        })
    }

    fn stderr_tail(&self) -> String {
        let text = self.stderr.lock().map(|t| t.clone()).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }

    /// The finding for a server that is gone: its exit status and the end of its stderr.
    fn died(&mut self, doing: &str) -> Finding {
        std::thread::sleep(Duration::from_millis(200));
        let status = match self.child.try_wait() {
            Ok(Some(status)) => status.to_string(),
            _ => "still running, stdout closed".to_owned(),
        };
        Finding::new(
            &format!("server died ({status})"),
            format!("while {doing}; stderr:\n{}", self.stderr_tail()),
        )
    }

    fn write(&mut self, body: &[u8]) -> Result<(), Finding> {
        let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        framed.extend_from_slice(body);
        if self
            .stdin
            .write_all(&framed)
            .and_then(|()| self.stdin.flush())
            .is_err()
        {
            return Err(self.died("writing a message"));
        }
        Ok(())
    }

    /// Handles one message from the server: a response is checked off, a server request
    /// answered, a log message checked for caught panics.
    fn handle(&mut self, message: Value) -> Result<(), Finding> {
        if let Some(method) = message.get("method").and_then(Value::as_str) {
            if let Some(id) = message.get("id") {
                let result = match method {
                    "workspace/configuration" => json!([null]),
                    _ => Value::Null,
                };
                let answer = json!({"jsonrpc": "2.0", "id": id, "result": result});
                self.write(answer.to_string().as_bytes())?;
            }
            if method == "window/logMessage"
                && let Some(text) = message["params"]["message"].as_str()
                && text.contains("internal error")
            {
                return Err(Finding::new(
                    &format!("an analysis panicked: {}", first_line(text)),
                    text.to_owned(),
                ));
            }
            return Ok(());
        }
        match message.get("id") {
            Some(Value::Number(n)) => {
                let Some(id) = n.as_i64() else {
                    return Err(Finding::new(
                        "a response with a bad id",
                        message.to_string(),
                    ));
                };
                *self.answered.entry(id).or_default() += 1;
                if self.answered[&id] > 1 {
                    return Err(Finding::new(
                        "a request answered twice",
                        message.to_string(),
                    ));
                }
                if self.outstanding.remove(&id).is_none() {
                    return Err(Finding::new(
                        "a response to no request",
                        message.to_string(),
                    ));
                }
                if message["error"]["code"] == json!(-32603) {
                    return Err(Finding::new(
                        "a request failed with an internal error",
                        message.to_string(),
                    ));
                }
                Ok(())
            }
            // Answers to malformed bodies: a `null` id, or the `malformed-N` id they carry.
            Some(Value::Null) if message.get("error").is_some() => {
                self.null_id_errors += 1;
                Ok(())
            }
            Some(Value::String(id))
                if id.starts_with("malformed") && message.get("error").is_some() =>
            {
                self.null_id_errors += 1;
                Ok(())
            }
            _ => Err(Finding::new(
                "a message of no known shape",
                message.to_string(),
            )),
        }
    }

    /// Handles what has arrived, without waiting.
    fn drain(&mut self) -> Result<(), Finding> {
        loop {
            match self.messages.try_recv() {
                Ok(Ok(message)) => self.handle(message)?,
                Ok(Err(error)) => return Err(Finding::new("unreadable output", error)),
                Err(TryRecvError::Empty) => return Ok(()),
                Err(TryRecvError::Disconnected) => return Err(self.died("reading messages")),
            }
        }
    }

    /// Waits until `done` holds (checked after each message), for at most `timeout`.
    fn wait_until(
        &mut self,
        timeout: Duration,
        what: &str,
        done: impl Fn(&Player) -> bool,
    ) -> Result<(), Finding> {
        let deadline = Instant::now() + timeout;
        while !done(self) {
            match self
                .messages
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(Ok(message)) => self.handle(message)?,
                Ok(Err(error)) => return Err(Finding::new("unreadable output", error)),
                Err(RecvTimeoutError::Timeout) => {
                    let pending: Vec<String> = self
                        .outstanding
                        .iter()
                        .map(|(id, method)| format!("{id}: {method}"))
                        .collect();
                    let first = self.outstanding.values().next().copied().unwrap_or("none");
                    return Err(Finding::new(
                        &format!("no answer to {first} while {what}"),
                        format!("unanswered after {timeout:?}: {}", pending.join(", ")),
                    ));
                }
                Err(RecvTimeoutError::Disconnected) => return Err(self.died(what)),
            }
        }
        Ok(())
    }

    fn request(&mut self, method: &'static str, params: Value) -> Result<i64, Finding> {
        let id = self.next_id;
        self.next_id += 1;
        let message = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.outstanding.insert(id, method);
        self.write(message.to_string().as_bytes())?;
        Ok(id)
    }

    fn play(&mut self, root: &Path, step: &Step) -> Result<(), Finding> {
        match step {
            Step::Wait => {
                return self.wait_until(ANSWER_TIMEOUT, "waiting for answers", |p| {
                    p.outstanding.is_empty()
                });
            }
            Step::WriteFile { doc, bytes } => {
                let _ = std::fs::write(root.join(format!("doc{doc}.py")), bytes);
            }
            Step::Malformed(body) => self.write(body)?,
            Step::Request { method, .. } => {
                let id = self.next_id;
                self.next_id += 1;
                self.outstanding.insert(id, method);
                if let Some(message) = step.message(root, id) {
                    self.write(message.to_string().as_bytes())?;
                }
            }
            _ => {
                if let Some(message) = step.message(root, 0) {
                    self.write(message.to_string().as_bytes())?;
                }
            }
        }
        self.drain()
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// Target (c)'s property: plays `session` against a fresh server.
fn session_holds(session: &Session) -> Verdict {
    let folder =
        tempfile::tempdir().map_err(|e| Finding::new("no temporary folder", e.to_string()))?;
    let root = folder.path();
    let _ = std::fs::create_dir(root.join("sub"));
    let _ = std::fs::write(root.join("doc1.py"), "x = 1\nprint(x)\n");
    let _ = std::fs::write(root.join("sub/other.py"), "def f(a):\n    return a\n");
    let mut player = Player::start(root)?;
    let root_uri = format!("file://{}", root.display());
    let initialize = player.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "root"}],
            "capabilities": {
                "window": {"workDoneProgress": true},
                "workspace": {"configuration": true, "workspaceFolders": true,
                              "codeLens": {"refreshSupport": true},
                              "inlayHint": {"refreshSupport": true}},
            },
        }),
    )?;
    player.wait_until(ANSWER_TIMEOUT, "initializing", |p| {
        !p.outstanding.contains_key(&initialize)
    })?;
    player.write(
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}})
            .to_string()
            .as_bytes(),
    )?;
    for step in &session.0 {
        player.play(root, step)?;
    }
    let shutdown = player.request("shutdown", Value::Null)?;
    player.wait_until(ANSWER_TIMEOUT, "shutting down", |p| {
        p.outstanding.is_empty() && p.answered.contains_key(&shutdown)
    })?;
    player.write(
        json!({"jsonrpc": "2.0", "method": "exit"})
            .to_string()
            .as_bytes(),
    )?;
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        match player.child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                return Err(Finding::new(
                    "the server did not exit after exit",
                    player.stderr_tail(),
                ));
            }
        }
    };
    let stderr = player.stderr.lock().map(|t| t.clone()).unwrap_or_default();
    if let Some(line) = stderr.lines().find(|l| l.contains("panicked at")) {
        let location = line.split("panicked at").nth(1).unwrap_or(line).trim();
        return Err(Finding::new(
            &format!("the server panicked at {location}"),
            player.stderr_tail(),
        ));
    }
    if status.code() != Some(0) {
        return Err(Finding::new(
            &format!("exit code {status} after shutdown and exit"),
            player.stderr_tail(),
        ));
    }
    let malformed = session
        .0
        .iter()
        .filter(|s| matches!(s, Step::Malformed(_)))
        .count();
    if player.null_id_errors > malformed {
        return Err(Finding::new(
            "more answers to malformed messages than malformed messages",
            format!("{} for {malformed}", player.null_id_errors),
        ));
    }
    Ok(if malformed > 0 {
        "with malformed messages"
    } else {
        "well-formed"
    })
}

fn server_target() -> Target<Session> {
    Target {
        name: "server",
        cases: 24,
        time_cap: Duration::from_secs(25),
        size_min: 64,
        size_max: 4_096,
        case_timeout: Duration::from_secs(300),
        generate: |u| u.arbitrary::<Session>(),
        check: session_holds,
    }
}

/// Target (c), bounded: a few dozen sessions against fresh servers.
#[test]
fn fuzz_server() {
    fuzz(&server_target());
}

/// Plays `steps` (after `initialize`) and expects every property to hold.
#[track_caller]
fn assert_session_holds(steps: Vec<Step>) {
    let verdict = run_case(session_holds, Session(steps), Duration::from_secs(300));
    assert!(verdict.is_ok(), "{verdict:?}");
}

/// Requests at positions past the end, inside a surrogate pair and huge, edits with reversed
/// and out-of-range ranges, and malformed bodies in between: all answered, the server lives.
#[test]
fn hostile_positions_edits_and_bodies() {
    use molt_tests::targets::lsp::{Edit, Pos};
    let hover = |line: i64, character: i64| Step::Request {
        method: "textDocument/hover",
        doc: 0,
        params: json!({"textDocument": {"uri": "$URI"}, "position": {"line": line, "character": character}}),
    };
    assert_session_holds(vec![
        Step::Open {
            doc: 0,
            text: "s = '😀'\nprint(s)\n".into(),
        },
        hover(0, 6),
        hover(0, 7),
        hover(99, 0),
        hover(i64::from(u32::MAX), i64::from(u32::MAX)),
        hover(-1, 0),
        Step::Change {
            doc: 0,
            version: 1,
            edits: vec![
                Edit {
                    range: Some((Pos(1, 3), Pos(0, 1))),
                    text: "x".into(),
                },
                Edit {
                    range: Some((Pos(0, 6), Pos(0, 7))),
                    text: "𝔘".into(),
                },
                Edit {
                    range: Some((Pos(40, 0), Pos(50, 9))),
                    text: "\r\n".into(),
                },
            ],
        },
        Step::Malformed(b"{not json".to_vec()),
        Step::Malformed(
            br#"{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}"#.to_vec(),
        ),
        Step::Request {
            method: "textDocument/semanticTokens/full",
            doc: 0,
            params: json!({"textDocument": {"uri": "$URI"}}),
        },
        Step::Request {
            method: "workspace/executeCommand",
            doc: 0,
            params: json!({"command": "molt.showIr", "arguments": ["$URI"]}),
        },
        Step::Wait,
    ]);
}

/// Found by `fuzz_server`: a second file opened, then edits at once. Opening a new file
/// re-checks the files that may import it; that task once held a database snapshot before it
/// ran, and the next edit (waiting for every snapshot under the state lock) then blocked the
/// workers that would have run it: no request was ever answered again.
#[test]
fn edits_while_importers_are_checked_again() {
    use molt_tests::targets::lsp::{Edit, Pos};
    let program = |name: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../tests/programs/{name}")),
        )
        .expect("a test program")
    };
    let edit = |line: i64, text: &str| Edit {
        range: Some((Pos(line, 3), Pos(1, 3))),
        text: text.into(),
    };
    assert_session_holds(vec![
        Step::Open {
            doc: 0,
            text: program("life_method_self.py"),
        },
        Step::Open {
            doc: 1,
            text: program("float_round_exact.py"),
        },
        Step::Change {
            doc: 1,
            version: 1,
            edits: vec![edit(62, "\r"), edit(1, "\0")],
        },
        Step::Open {
            doc: 1,
            text: program("lib_itertools.py"),
        },
        Step::Wait,
        Step::Request {
            method: "workspace/executeCommand",
            doc: 0,
            params: json!({"command": "molt.showIr", "arguments": ["$URI", {"timeoutMs": 3000}]}),
        },
        Step::Request {
            method: "textDocument/documentSymbol",
            doc: 1,
            params: json!({"textDocument": {"uri": "$URI"}}),
        },
        Step::Change {
            doc: 1,
            version: 2,
            edits: vec![edit(23, "\"")],
        },
        Step::Wait,
        Step::Request {
            method: "textDocument/documentSymbol",
            doc: 0,
            params: json!({"textDocument": {"uri": "$URI"}}),
        },
        Step::Wait,
    ]);
}
