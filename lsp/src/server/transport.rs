//! The stdio transport in front of the LSP service: JSON-RPC 2.0 validation of every message,
//! so that one malformed message gets an error response and the session goes on.
//!
//! `tower-lsp-server` answers a message that is not valid JSON-RPC and then ends the session.
//! JSON-RPC 2.0 (section 5.1) says: answer `-32700` (parse error) for invalid JSON and
//! `-32600` (invalid request) for JSON that is not a request object, and keep serving. So the
//! server reads stdin here: each well-framed message is checked, a valid one is passed on to
//! the service unchanged (through an in-process pipe), an invalid one is answered here. Only a
//! framing error (a header that cannot be parsed, a missing or absurd `Content-Length`) ends
//! the session, with a message on stderr, because nothing after it can be delimited.
//!
//! Everything written to stdout goes through one writer task, message by message, so the
//! service's responses and ours never interleave.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// The largest message body accepted (bytes): 256 MiB. A larger `Content-Length` is a
/// framing error.
const MAX_BODY: usize = 256 << 20;

/// Size of the in-process pipes between the transport and the service (bytes).
const PIPE: usize = 1 << 20;

/// One framed message read from a stream: its body, or why framing failed.
enum Frame {
    Body(Vec<u8>),
    /// The stream ended cleanly between messages.
    End,
    /// A header that cannot be parsed (the text says what).
    Error(String),
}

/// Reads one `Content-Length`-framed message (LSP base protocol).
async fn read_frame<R: AsyncRead + Unpin>(input: &mut BufReader<R>) -> Frame {
    let mut length: Option<usize> = None;
    let mut line = String::new();
    let mut first = true;
    loop {
        line.clear();
        match input.read_line(&mut line).await {
            Ok(0) if first => return Frame::End,
            Ok(0) => return Frame::Error("the stream ended inside a header".into()),
            Ok(_) => {}
            Err(e) => return Frame::Error(format!("cannot read a header: {e}")),
        }
        first = false;
        let text = line.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        let Some((name, value)) = text.split_once(':') else {
            return Frame::Error(format!("header without ':': {text:?}"));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<usize>() {
                Ok(n) if n <= MAX_BODY => length = Some(n),
                _ => return Frame::Error(format!("invalid Content-Length: {:?}", value.trim())),
            }
        }
    }
    let Some(length) = length else {
        return Frame::Error("a message without Content-Length".into());
    };
    let mut body = vec![0u8; length];
    if let Err(e) = input.read_exact(&mut body).await {
        return Frame::Error(format!("the stream ended inside a message body: {e}"));
    }
    Frame::Body(body)
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The error response for an invalid message, or `None` when `body` is a valid JSON-RPC 2.0
/// request, notification or response.
pub fn check_message(body: &[u8]) -> Option<serde_json::Value> {
    let error = |code: i64, message: String, id: serde_json::Value| {
        Some(serde_json::json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": { "code": code, "message": message },
        }))
    };
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return error(-32700, format!("Parse error: {e}"), serde_json::Value::Null),
    };
    let Some(object) = value.as_object() else {
        return error(
            -32600,
            "Invalid request: a message must be a JSON object".into(),
            serde_json::Value::Null,
        );
    };
    let id = object.get("id").cloned();
    let id_ok = id
        .as_ref()
        .is_none_or(|i| i.is_string() || i.is_number() || i.is_null());
    let reply_id = if id_ok {
        id.clone().unwrap_or(serde_json::Value::Null)
    } else {
        serde_json::Value::Null
    };
    if object.get("jsonrpc") != Some(&serde_json::Value::from("2.0")) {
        return error(
            -32600,
            "Invalid request: \"jsonrpc\" must be \"2.0\"".into(),
            reply_id,
        );
    }
    if !id_ok {
        return error(
            -32600,
            "Invalid request: \"id\" must be a string, a number or null".into(),
            reply_id,
        );
    }
    match object.get("method") {
        Some(m) if m.is_string() => {
            let params_ok = object
                .get("params")
                // `null` is not JSON-RPC, but clients send it for `shutdown` and `exit`.
                .is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
            if !params_ok {
                return error(
                    -32600,
                    "Invalid request: \"params\" must be an object or an array".into(),
                    reply_id,
                );
            }
            None
        }
        Some(_) => error(
            -32600,
            "Invalid request: \"method\" must be a string".into(),
            reply_id,
        ),
        // A response to a request of the server.
        None if id.is_some() && (object.contains_key("result") || object.contains_key("error")) => {
            None
        }
        None => error(
            -32600,
            "Invalid request: no \"method\" (and not a response)".into(),
            reply_id,
        ),
    }
}

/// Serves `service_io` (the service's ends of two pipes: it reads requests from the first
/// and writes responses to the second) over `input`/`output`, validating every incoming
/// message. Returns when the input ends, framing fails, or the service stops writing.
pub async fn relay<I, O>(
    input: I,
    output: O,
    to_service: tokio::io::DuplexStream,
    from_service: tokio::io::DuplexStream,
) where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
    // The one writer of `output`.
    let writer = tokio::spawn(async move {
        let mut output = output;
        while let Some(bytes) = rx.recv().await {
            if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
    });
    // The service's responses, message by message.
    let tx_service = tx.clone();
    let responses = tokio::spawn(async move {
        let mut from_service = BufReader::new(from_service);
        while let Frame::Body(body) = read_frame(&mut from_service).await {
            if tx_service.send(framed(&body)).is_err() {
                break;
            }
        }
    });
    // Incoming messages: validated, then passed on or answered here.
    let mut input = BufReader::new(input);
    let mut to_service = to_service;
    loop {
        match read_frame(&mut input).await {
            Frame::Body(body) => match check_message(&body) {
                None => {
                    if to_service.write_all(&framed(&body)).await.is_err() {
                        break;
                    }
                }
                Some(reply) => {
                    eprintln!(
                        "molt-lsp: answered an invalid message with error {}",
                        reply["error"]["code"]
                    );
                    let bytes = serde_json::to_vec(&reply).unwrap_or_default();
                    let _ = tx.send(framed(&bytes));
                }
            },
            Frame::End => break,
            Frame::Error(why) => {
                eprintln!(
                    "molt-lsp: cannot read the client's messages ({why}); ending the session"
                );
                break;
            }
        }
    }
    // End of input: the service sees end of stream and stops; its last responses still go
    // out before the writer ends.
    drop(to_service);
    let _ = responses.await;
    drop(tx);
    let _ = writer.await;
}

/// The pipes between [`relay`] and the service: `(service_input, to_service,
/// from_service, service_output)`.
pub fn pipes() -> (
    tokio::io::DuplexStream,
    tokio::io::DuplexStream,
    tokio::io::DuplexStream,
    tokio::io::DuplexStream,
) {
    let (to_service, service_input) = tokio::io::duplex(PIPE);
    let (service_output, from_service) = tokio::io::duplex(PIPE);
    (service_input, to_service, from_service, service_output)
}

#[cfg(test)]
mod tests {
    use super::check_message;

    fn code(body: &str) -> Option<i64> {
        check_message(body.as_bytes()).map(|r| r["error"]["code"].as_i64().unwrap_or(0))
    }

    #[test]
    fn valid_messages_pass() {
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
            None
        );
        assert_eq!(code(r#"{"jsonrpc":"2.0","method":"initialized"}"#), None);
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":"a","result":null}"#), None);
    }

    #[test]
    fn invalid_messages_get_jsonrpc_errors() {
        assert_eq!(code("{bad"), Some(-32700));
        assert_eq!(code("[1, 2]"), Some(-32600));
        assert_eq!(code("42"), Some(-32600));
        assert_eq!(
            code(r#"{"jsonrpc":"1.0","id":1,"method":"x"}"#),
            Some(-32600)
        );
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#),
            Some(-32600)
        );
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1,"method":3}"#), Some(-32600));
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1}"#), Some(-32600));
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":1,"method":"x","params":3}"#),
            Some(-32600)
        );
        // The id is echoed when it is valid.
        let r = check_message(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#).expect("error");
        assert_eq!(r["id"], 7);
    }
}
