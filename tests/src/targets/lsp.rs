//! Target (c)'s input: a session of LSP messages, as an editor (or a hostile client) sends
//! them: documents opened, edited with arbitrary ranges (past the end, reversed, inside a
//! surrogate pair) and text (non-BMP characters, CR/LF mixes, NUL), saved and closed; files
//! written on disk behind the editor's back; every request the server offers, at arbitrary
//! positions; commands; settings changes; cancellations; malformed bodies. The driver that
//! plays a session against the `molt-lsp` binary is `lsp/tests/fuzz_server.rs`.
//!
//! Steps name documents by number (`doc3.py` in the session's workspace folder), so a
//! session does not depend on where its folder is; [`Step::message`] renders one to JSON.

use std::path::Path;

use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::{Value, json};

use super::Input;
use super::python::{Generator, PythonSource};

/// How many distinct documents a session uses (`doc0.py` ..).
pub const DOCUMENTS: u8 = 4;

/// A position as sent: line and character (UTF-16 code units), either may be huge or, rarely,
/// negative (which does not deserialize: an invalid-params error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos(pub i64, pub i64);

/// One edit of a `didChange`: a range (`None`: the whole text) and the new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Start and end as sent (not necessarily ordered or inside the text).
    pub range: Option<(Pos, Pos)>,
    /// The inserted text.
    pub text: String,
}

/// One message of a session (or a pause).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `textDocument/didOpen` of document `doc` with `text`.
    Open {
        /// Document number.
        doc: u8,
        /// Its text.
        text: String,
    },
    /// `textDocument/didChange` (version `version`, possibly out of order).
    Change {
        /// Document number.
        doc: u8,
        /// The version sent.
        version: i32,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
    /// `textDocument/didSave`.
    Save {
        /// Document number.
        doc: u8,
    },
    /// `textDocument/didClose`.
    Close {
        /// Document number.
        doc: u8,
    },
    /// The document's file written on disk (the server's watcher reloads it).
    WriteFile {
        /// Document number.
        doc: u8,
        /// The file's new bytes.
        bytes: Vec<u8>,
    },
    /// A request: `method` with `params`, where the string `"$URI"` anywhere in `params`
    /// stands for document `doc`'s URI, and a string starting with `$ROOT` for the folder's
    /// URI followed by the rest.
    Request {
        /// The method.
        method: &'static str,
        /// Document number for `"$URI"`.
        doc: u8,
        /// The parameters.
        params: Value,
    },
    /// A notification other than the document ones (settings, cancellation, ...), with the
    /// same `"$URI"` convention.
    Notify {
        /// The method.
        method: &'static str,
        /// Document number for `"$URI"`.
        doc: u8,
        /// The parameters.
        params: Value,
    },
    /// A well-framed body that is not a valid JSON-RPC message (it gets an error response
    /// with a `null` id, or, for a response to nothing, none).
    Malformed(Vec<u8>),
    /// Wait until every request sent so far is answered.
    Wait,
}

/// The URI of document `doc` in folder `root`.
pub fn document_uri(root: &Path, doc: u8) -> String {
    format!("file://{}/doc{doc}.py", root.display())
}

fn substitute(value: &Value, uri: &str, root: &Path) -> Value {
    match value {
        Value::String(s) if s == "$URI" => Value::String(uri.to_owned()),
        Value::String(s) if s.starts_with("$ROOT") => {
            Value::String(format!("file://{}{}", root.display(), &s["$ROOT".len()..]))
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| substitute(v, uri, root)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), substitute(v, uri, root)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn position(p: Pos) -> Value {
    json!({"line": p.0, "character": p.1})
}

impl Step {
    /// The JSON-RPC message of this step in workspace folder `root` (`id` for requests), or
    /// `None` for steps that are not a JSON message ([`Step::WriteFile`],
    /// [`Step::Malformed`], [`Step::Wait`]).
    pub fn message(&self, root: &Path, id: i64) -> Option<Value> {
        let notify = |method: &str, params: Value| {
            Some(json!({"jsonrpc": "2.0", "method": method, "params": params}))
        };
        match self {
            Step::Open { doc, text } => notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": document_uri(root, *doc), "languageId": "python",
                                        "version": 0, "text": text}}),
            ),
            Step::Change {
                doc,
                version,
                edits,
            } => {
                let changes: Vec<Value> = edits
                    .iter()
                    .map(|e| match e.range {
                        Some((start, end)) => json!({
                            "range": {"start": position(start), "end": position(end)},
                            "text": e.text,
                        }),
                        None => json!({"text": e.text}),
                    })
                    .collect();
                notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": document_uri(root, *doc), "version": version},
                           "contentChanges": changes}),
                )
            }
            Step::Save { doc } => notify(
                "textDocument/didSave",
                json!({"textDocument": {"uri": document_uri(root, *doc)}}),
            ),
            Step::Close { doc } => notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": document_uri(root, *doc)}}),
            ),
            Step::Request {
                method,
                doc,
                params,
            } => Some(json!({
                "jsonrpc": "2.0",
                "id": id,
                "method": method,
                "params": substitute(params, &document_uri(root, *doc), root),
            })),
            Step::Notify {
                method,
                doc,
                params,
            } => notify(method, substitute(params, &document_uri(root, *doc), root)),
            Step::WriteFile { .. } | Step::Malformed(_) | Step::Wait => None,
        }
    }
}

/// A whole session: the steps between `initialize`/`initialized` and `shutdown`/`exit`
/// (which the driver sends).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session(pub Vec<Step>);

impl Input for Session {
    fn render(&self) -> String {
        let root = Path::new("/WORKSPACE");
        let mut out = String::new();
        for (i, step) in self.0.iter().enumerate() {
            match (step.message(root, i as i64 + 1), step) {
                (Some(message), _) => out.push_str(&message.to_string()),
                (None, Step::Malformed(body)) => {
                    out.push_str(&format!("Malformed({:?})", String::from_utf8_lossy(body)));
                }
                (None, _) => out.push_str(&format!("{step:?}")),
            }
            out.push('\n');
        }
        out
    }

    fn smaller(&self) -> Box<dyn Iterator<Item = Session> + '_> {
        Box::new(super::chunk_removals(self.0.len()).map(move |(from, to)| {
            let mut steps = self.0[..from].to_vec();
            steps.extend_from_slice(&self.0[to..]);
            Session(steps)
        }))
    }

    fn extension() -> &'static str {
        "jsonl"
    }
}

/// Texts inserted by edits: pieces of Python, and what breaks offset arithmetic.
const INSERTS: &[&str] = &[
    "",
    "x",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "    ",
    "😀",
    "𝔘𝔫𝔦",
    "é",
    "日本",
    "\u{200b}",
    "\0",
    "def ",
    "(",
    ")",
    "[",
    "]",
    ":",
    "\"",
    "'''",
    "#",
    "\\",
    "print(x)\n",
    "return 1\n",
    "    pass\n",
    "class K:\n",
    "x = 1 + 2\n",
    "for i in range(3):\n    ",
    "if x:\n",
    "lambda: ",
    "yield ",
    "f'{x}'",
    "\u{FEFF}",
    "\u{10FFFF}",
];

fn pos(u: &mut Unstructured<'_>) -> Result<Pos> {
    let coordinate = |u: &mut Unstructured<'_>| -> Result<i64> {
        Ok(match u.int_in_range(0..=19u8)? {
            0..=11 => i64::from(u.int_in_range(0..=6u8)?),
            12..=15 => i64::from(u.int_in_range(0..=80u8)?),
            16 => 1_000,
            17 => i64::from(u32::MAX),
            18 => 1 << 40,
            _ => -1,
        })
    };
    Ok(Pos(coordinate(u)?, coordinate(u)?))
}

fn range(u: &mut Unstructured<'_>) -> Result<Value> {
    let (start, end) = (pos(u)?, pos(u)?);
    Ok(json!({"start": position(start), "end": position(end)}))
}

/// A small Python text: a generated module, or a few statements.
fn python_text(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => {
            let mut generator = Generator::new(u);
            let mut text = String::new();
            for _ in 0..3 {
                text.push_str(&generator.expr(3)?);
                text.push('\n');
            }
            text
        }
        1 => {
            let program = super::mutate::seed_program(u)?;
            String::from_utf8_lossy(&program).into_owned()
        }
        _ => PythonSource::arbitrary(u)?.0,
    })
}

/// A request and its parameters.
fn request(u: &mut Unstructured<'_>) -> Result<(&'static str, Value)> {
    let document = json!({"uri": "$URI"});
    Ok(match u.int_in_range(0..=15u8)? {
        0..=2 => (
            "textDocument/hover",
            json!({"textDocument": document, "position": position(pos(u)?)}),
        ),
        3 => (
            "textDocument/definition",
            json!({"textDocument": document, "position": position(pos(u)?)}),
        ),
        4 => (
            "textDocument/completion",
            json!({"textDocument": document, "position": position(pos(u)?)}),
        ),
        5 => (
            "textDocument/documentSymbol",
            json!({"textDocument": document}),
        ),
        6 => (
            "textDocument/semanticTokens/full",
            json!({"textDocument": document}),
        ),
        7 => (
            "textDocument/semanticTokens/range",
            json!({"textDocument": document, "range": range(u)?}),
        ),
        8 => ("textDocument/codeLens", json!({"textDocument": document})),
        9 => (
            "textDocument/inlayHint",
            json!({"textDocument": document, "range": range(u)?}),
        ),
        10 => (
            "textDocument/codeAction",
            json!({"textDocument": document, "range": range(u)?,
                   "context": {"diagnostics": []}}),
        ),
        11 | 12 => {
            // Builds and runs are slow in a debug server: mostly the IR, rarely the rest.
            let command = match u.int_in_range(0..=19u8)? {
                0 => "molt.build",
                1 => "molt.run",
                2 => "molt.runProfiled",
                3 => "molt.unknown",
                _ => "molt.showIr",
            };
            let arguments = match u.int_in_range(0..=9u8)? {
                0 => json!([]),
                1 => json!([{"uri": "$URI"}, {"timeoutMs": 3000, "args": ["a", "😀"]}]),
                2 => json!([42]),
                3 => json!(["not a uri"]),
                _ => json!(["$URI", {"timeoutMs": 3000}]),
            };
            (
                "workspace/executeCommand",
                json!({"command": command, "arguments": arguments}),
            )
        }
        13 => (
            "textDocument/hover",
            // Parameters of the wrong shape: an invalid-params error.
            json!({"textDocument": "$URI", "position": [1, 2]}),
        ),
        14 => ("molt/unknownRequest", json!({"x": 1})),
        _ => (
            "textDocument/foldingRange",
            json!({"textDocument": document}),
        ),
    })
}

/// A notification other than the document ones.
fn notification(u: &mut Unstructured<'_>) -> Result<(&'static str, Value)> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 => {
            let value = |u: &mut Unstructured<'_>, choices: &[Value]| -> Result<Value> {
                Ok(u.choose(choices)?.clone())
            };
            let settings = json!({"molt": {
                "remarks": value(u, &[json!("all"), json!("missed"), json!("off"), json!(3), json!(null)])?,
                "missedSeverity": value(u, &[json!("hint"), json!("warning"), json!("loud")])?,
                "buildOnSave": value(u, &[json!("off"), json!("off"), json!("native"), json!(true)])?,
                "profile": value(u, &[json!("on"), json!("off"), json!([])])?,
                "outDir": value(u, &[json!("target/molt"), json!("out"), json!(""), json!("a/../b")])?,
                // Only loopback (and nothing listens on port 9): the cache must tolerate it.
                "remoteCache": value(u, &[json!(""), json!("http://127.0.0.1:9/cache"), json!("not a url")])?,
                "unknownKey": 1,
            }});
            (
                "workspace/didChangeConfiguration",
                json!({"settings": settings}),
            )
        }
        1 => ("$/cancelRequest", json!({"id": u.int_in_range(0..=40i64)?})),
        2 => (
            "workspace/didChangeWorkspaceFolders",
            json!({"event": {
                "added": [{"uri": "$ROOT/sub", "name": "sub"}],
                "removed": if u.arbitrary::<bool>()? { json!([{"uri": "$ROOT", "name": "root"}]) } else { json!([]) },
            }}),
        ),
        3 => ("$/setTrace", json!({"value": "verbose"})),
        4 => ("molt/unknownNotification", json!(null)),
        _ => ("initialized", json!({})),
    })
}

fn malformed(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    Ok(match u.int_in_range(0..=7u8)? {
        0 => b"{not json".to_vec(),
        1 => b"[1, 2]".to_vec(),
        2 => b"42".to_vec(),
        3 => br#"{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}"#.to_vec(),
        // Ids of malformed messages are strings starting with `malformed`, so that their
        // answers are told apart from the answers to the session's numbered requests.
        4 => br#"{"jsonrpc":"1.0","id":"malformed-1","method":"shutdown"}"#.to_vec(),
        5 => br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":17}"#.to_vec(),
        6 => {
            let n = u.int_in_range(0..=24usize)?.min(u.len());
            u.bytes(n)?.to_vec()
        }
        _ => "{\"jsonrpc\":\"2.0\",\"id\":\"malformed-2\",\"method\":\"\u{1F600}\""
            .as_bytes()
            .to_vec(),
    })
}

impl<'a> Arbitrary<'a> for Session {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Session> {
        let mut steps = Vec::new();
        let mut versions = [0i32; DOCUMENTS as usize];
        // Most sessions start by opening a document, as editors do.
        if u.int_in_range(0..=9u8)? < 8 {
            steps.push(Step::Open {
                doc: 0,
                text: python_text(u)?,
            });
        }
        let count = u.int_in_range(1..=60u8)?;
        for _ in 0..count {
            if u.is_empty() {
                break;
            }
            let doc = u.int_in_range(0..=DOCUMENTS - 1)?;
            let step = match u.int_in_range(0..=39u8)? {
                0..=3 => Step::Open {
                    doc,
                    text: python_text(u)?,
                },
                4..=13 => {
                    let mut edits = Vec::new();
                    for _ in 0..u.int_in_range(1..=3u8)? {
                        let range = if u.int_in_range(0..=9u8)? == 0 {
                            None
                        } else {
                            Some((pos(u)?, pos(u)?))
                        };
                        let text = if range.is_none() {
                            python_text(u)?
                        } else {
                            (*u.choose(INSERTS)?).to_owned()
                        };
                        edits.push(Edit { range, text });
                    }
                    let version = &mut versions[usize::from(doc)];
                    *version += 1;
                    let sent = if u.int_in_range(0..=19u8)? == 0 {
                        *version - 5
                    } else {
                        *version
                    };
                    Step::Change {
                        doc,
                        version: sent,
                        edits,
                    }
                }
                14 => Step::Save { doc },
                15 | 16 => Step::Close { doc },
                17 => Step::WriteFile {
                    doc,
                    bytes: python_text(u)?.into_bytes(),
                },
                18..=31 => {
                    let (method, params) = request(u)?;
                    Step::Request {
                        method,
                        doc,
                        params,
                    }
                }
                32 | 33 => {
                    let (method, params) = notification(u)?;
                    Step::Notify {
                        method,
                        doc,
                        params,
                    }
                }
                34 => Step::Malformed(malformed(u)?),
                _ => Step::Wait,
            };
            steps.push(step);
        }
        Ok(Session(steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_render_to_json_rpc_with_uris_in_the_folder() {
        let mut rng = crate::Rng::new(11);
        let bytes: Vec<u8> = (0..8192).map(|_| rng.next_u64() as u8).collect();
        let session = Session::arbitrary(&mut Unstructured::new(&bytes)).expect("generates");
        assert!(session.0.len() > 5, "{session:?}");
        let root = Path::new("/w");
        for (i, step) in session.0.iter().enumerate() {
            if let Some(message) = step.message(root, i as i64) {
                assert_eq!(message["jsonrpc"], "2.0");
                assert!(!message.to_string().contains("$URI"), "{message}");
            }
        }
        assert!(session.render().lines().count() == session.0.len());
    }
}
