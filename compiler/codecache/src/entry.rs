//! The entry format, the same on disk and in the remote cache's CAS: a postcard-encoded
//! envelope that says what it is, which format version, which key it belongs to, and the
//! SHA-256 of its payload, so that a truncated, corrupt or misplaced entry is detected.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Key;

/// The first bytes of every entry.
const MAGIC: [u8; 8] = *b"MOLTCODE";

/// The version of the entry format; an entry of another version is a miss. The disk cache
/// keeps each version in its own folder (`v1/`), so versions never evict each other's entries
/// as corrupt.
pub const FORMAT_VERSION: u32 = 1;

/// One entry: postcard encodes the fields in this order (integers as varints, byte strings
/// with a varint length).
#[derive(Serialize, Deserialize)]
struct Envelope<'a> {
    magic: [u8; 8],
    version: u32,
    key: [u8; 32],
    payload_sha256: [u8; 32],
    payload: &'a [u8],
}

/// The entry of `payload` stored under `key`.
pub fn encode(key: &Key, payload: &[u8]) -> Vec<u8> {
    let envelope = Envelope {
        magic: MAGIC,
        version: FORMAT_VERSION,
        key: key.0,
        payload_sha256: Sha256::digest(payload).into(),
        payload,
    };
    // Encoding into a `Vec` cannot fail: every field has a fixed shape.
    postcard::to_stdvec(&envelope).unwrap_or_default()
}

/// The payload of `bytes` if they are a complete, intact entry of this format version stored
/// under `key`; `None` otherwise.
pub fn decode(key: &Key, bytes: &[u8]) -> Option<Vec<u8>> {
    let (envelope, rest) = postcard::take_from_bytes::<Envelope<'_>>(bytes).ok()?;
    let intact = rest.is_empty()
        && envelope.magic == MAGIC
        && envelope.version == FORMAT_VERSION
        && envelope.key == key.0
        && <[u8; 32]>::from(Sha256::digest(envelope.payload)) == envelope.payload_sha256;
    intact.then(|| envelope.payload.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_any_damage_is_detected() {
        let key = Key([1; 32]);
        let payload = b"machine code and relocations".repeat(10);
        let entry = encode(&key, &payload);
        assert_eq!(decode(&key, &entry), Some(payload.clone()));
        // Another key's entry (a misplaced file).
        assert_eq!(decode(&Key([2; 32]), &entry), None);
        // Every truncation.
        for len in 0..entry.len() {
            assert_eq!(decode(&key, &entry[..len]), None, "truncated to {len}");
        }
        // Trailing bytes.
        let mut longer = entry.clone();
        longer.push(0);
        assert_eq!(decode(&key, &longer), None);
        // Every single flipped byte.
        for i in 0..entry.len() {
            let mut damaged = entry.clone();
            damaged[i] ^= 0x40;
            assert_eq!(decode(&key, &damaged), None, "byte {i} flipped");
        }
    }
}
