//! What the language-server tests share: reading the server's `Content-Length`-framed
//! JSON-RPC messages from its stdout, checking JSON against `docs/schemas/`, and the site map
//! of the profiled test program. Not every test binary uses every item.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};

use serde_json::{Value, json};

/// Reads `Content-Length`-framed messages; the channel closes when stdout does.
pub fn read_messages(reader: impl Read + Send + 'static) -> Receiver<Result<Value, String>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(reader);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                match reader.read_line(&mut line) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.trim().parse::<usize>().ok();
                }
            }
            let Some(length) = length else {
                let _ = tx.send(Err("a message without Content-Length".into()));
                return;
            };
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let message = serde_json::from_slice::<Value>(&body).map_err(|e| {
                format!(
                    "invalid JSON from the server ({e}): {}",
                    String::from_utf8_lossy(&body)
                )
            });
            if tx.send(message).is_err() {
                return;
            }
        }
    });
    rx
}

/// The errors of `value` against the JSON schema `docs/schemas/NAME` (none: valid).
pub fn schema_errors(name: &str, value: &Value) -> Vec<String> {
    let path = format!("{}/../docs/schemas/{name}", env!("CARGO_MANIFEST_DIR"));
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
    let validator = jsonschema::draft202012::options()
        .build(&schema)
        .expect("schema compiles");
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The site map of a build of `source` (with PROFILED's text `text`): `<module>`'s call of
/// `print`, `total`'s `i * 2` (line 4) and `untyped`'s `a * b` (line 9).
pub fn sites_for(source: &Path, text: &str, build_id: &str) -> Value {
    let map = json!({
        "schema_version": 1, "kind": "molt-sites", "build_id": build_id, "opt_level": 2,
        "files": [{ "path": source.display().to_string(), "sha256": molt_profiler::sha256_hex(text) }],
        "functions": [
            { "function": 0, "name": "<module>", "file": 0, "line": 1, "end_line": 12,
              "sites": [{ "site": 1, "line": 12, "column": 1, "end_line": 12, "end_column": 32,
                          "op": "call", "lane": "dynamic" }] },
            { "function": 1, "name": "total", "file": 0, "line": 1, "end_line": 5,
              "sites": [{ "site": 3, "line": 4, "column": 14, "end_line": 4, "end_column": 19,
                          "op": "mul", "lane": "guarded", "guard": "overflow" }] },
            { "function": 2, "name": "untyped", "file": 0, "line": 8, "end_line": 9,
              "sites": [{ "site": 1, "line": 9, "column": 12, "end_line": 9, "end_column": 17,
                          "op": "mul", "lane": "guarded", "guard": "int-tag" }] }
        ]
    });
    assert_eq!(
        schema_errors("sites-v1.schema.json", &map),
        Vec::<String>::new()
    );
    map
}
