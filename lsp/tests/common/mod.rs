//! What the language-server tests share: reading the server's `Content-Length`-framed
//! JSON-RPC messages from its stdout.

use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{Receiver, channel};

use serde_json::Value;

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
