//! The remote tier: a Bazel HTTP remote cache (the protocol of bazel-remote, nginx with
//! WebDAV, BuildBuddy, S3-backed proxies), used with two kinds of objects:
//!
//! - `PUT`/`GET <URL>/cas/<sha256>`: an entry in the [`crate::entry`] format, addressed by the
//!   SHA-256 of its bytes (checked when read);
//! - `PUT`/`GET <URL>/ac/<key>`: the action-cache record of a [`Key`], whose body is the 64
//!   lowercase hex digits of the SHA-256 of its CAS entry. (Bazel stores an `ActionResult`
//!   protobuf there; servers that check it, such as bazel-remote, need
//!   `--disable_http_ac_validation`.)
//!
//! A `404` is a miss. Anything else that goes wrong (no connection, a timeout, another
//! status) is a failure: [`crate::CodeCache`] then stops asking this store for the rest of the
//! build. Timeouts bound every phase of a request: connecting, sending, waiting for the
//! response, reading its body.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::{Key, entry, hex};

/// The largest object read (a function's code is a few KiB).
const MAX_OBJECT_BYTES: u64 = 64 << 20;

/// A remote cache at one base URL.
#[derive(Debug)]
pub struct RemoteStore {
    /// The base URL without a trailing `/`.
    url: String,
    agent: ureq::Agent,
    disabled: AtomicBool,
}

impl RemoteStore {
    /// The cache at `url` (`http://host:port/prefix`; `https://` needs this crate's `https`
    /// feature), with `timeout` for connecting and for each response and body.
    pub fn new(url: &str, timeout: Duration) -> RemoteStore {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_resolve(Some(timeout))
            .timeout_connect(Some(timeout))
            .timeout_send_request(Some(timeout))
            .timeout_send_body(Some(timeout))
            .timeout_recv_response(Some(timeout))
            .timeout_recv_body(Some(timeout))
            .user_agent(concat!("molt-lsp/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        RemoteStore {
            url: url.trim_end_matches('/').to_string(),
            agent,
            disabled: AtomicBool::new(false),
        }
    }

    /// The base URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether a failure disabled this store.
    pub fn is_disabled(&self) -> bool {
        self.disabled.load(Ordering::Relaxed)
    }

    /// Disables the store; `true` for the call that disabled it.
    pub fn disable(&self) -> bool {
        !self.disabled.swap(true, Ordering::Relaxed)
    }

    /// The payload stored under `key`: `Ok(None)` on a miss, and also when the server returns
    /// an object that is not intact (a truncated or corrupt CAS entry, a malformed AC
    /// record), which the next build then rewrites.
    ///
    /// # Errors
    /// A message saying what failed (connection, timeout, HTTP status).
    pub fn get(&self, key: &Key) -> Result<Option<Vec<u8>>, String> {
        let Some(record) = self.fetch(&format!("ac/{}", key.hex()))? else {
            return Ok(None);
        };
        let digest = String::from_utf8_lossy(&record).trim().to_ascii_lowercase();
        if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let Some(blob) = self.fetch(&format!("cas/{digest}"))? else {
            return Ok(None);
        };
        if hex(&Sha256::digest(&blob)) != digest {
            return Ok(None);
        }
        Ok(entry::decode(key, &blob))
    }

    /// Stores `payload` under `key`: its entry in the CAS, then the AC record naming it.
    ///
    /// # Errors
    /// As [`RemoteStore::get`].
    pub fn put(&self, key: &Key, payload: &[u8]) -> Result<(), String> {
        let blob = entry::encode(key, payload);
        let digest = hex(&Sha256::digest(&blob));
        self.store(&format!("cas/{digest}"), &blob)?;
        self.store(&format!("ac/{}", key.hex()), digest.as_bytes())
    }

    /// `GET <url>/<path>`: `Ok(None)` for 404.
    fn fetch(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        let url = format!("{}/{path}", self.url);
        let mut response = self.agent.get(&url).call().map_err(describe)?;
        match response.status().as_u16() {
            200 => response
                .body_mut()
                .with_config()
                .limit(MAX_OBJECT_BYTES)
                .read_to_vec()
                .map(Some)
                .map_err(describe),
            404 => Ok(None),
            status => Err(format!("GET {path}: HTTP {status}")),
        }
    }

    /// `PUT <url>/<path>` with `body`.
    fn store(&self, path: &str, body: &[u8]) -> Result<(), String> {
        let url = format!("{}/{path}", self.url);
        let response = self.agent.put(&url).send(body).map_err(describe)?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(format!("PUT {path}: HTTP {status}"))
        }
    }
}

/// One line for a transport error.
fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::Io(e) => e.to_string(),
        ureq::Error::Timeout(what) => format!("timed out ({what})"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_that_never_answers_costs_one_timeout() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        // Accepts connections (the backlog does) and never answers.
        let store = RemoteStore::new(
            &format!("http://127.0.0.1:{port}/"),
            Duration::from_millis(300),
        );
        assert_eq!(store.url(), format!("http://127.0.0.1:{port}"));
        let start = std::time::Instant::now();
        let error = store.get(&Key([0; 32])).expect_err("times out");
        assert!(error.contains("timed out"), "{error}");
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
        drop(listener);
    }

    #[test]
    fn a_malformed_url_is_a_failure_not_a_panic() {
        let store = RemoteStore::new("not a url", Duration::from_millis(100));
        assert!(store.get(&Key([0; 32])).is_err());
        assert!(store.put(&Key([0; 32]), b"x").is_err());
    }
}
