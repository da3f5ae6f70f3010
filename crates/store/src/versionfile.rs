//! The on-disk encoding of one list version.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "VETOLIST"
//! 8       4     format version (u32 LE)
//! 12      4     CRC-32 of the payload (u32 LE)
//! 16      8     payload length (u64 LE)
//! 24      n     payload: postcard((ListMeta, Vec<Entity>))
//! ```
//!
//! The checksum catches truncation and bit rot before decoding; the format
//! version lets a newer veto refuse (rather than misread) an older layout.

use std::path::Path;

use veto_model::{Entity, ListMeta};

use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"VETOLIST";
/// The current layout version of version files.
pub const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 24;

pub(crate) fn encode(meta: &ListMeta, entities: &[Entity]) -> Result<Vec<u8>> {
    let payload = postcard::to_stdvec(&(meta, entities))
        .map_err(|e| Error::corrupt(Path::new("<new list>"), format!("cannot encode: {e}")))?;
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<(ListMeta, Vec<Entity>)> {
    let bad = |reason: String| Error::corrupt(path, reason);
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(bad("not a veto list file (bad magic or too short)".into()));
    }
    let u32_at =
        |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let version = u32_at(8);
    if version != FORMAT_VERSION {
        return Err(bad(format!("layout version {version}, this veto reads {FORMAT_VERSION}")));
    }
    let crc = u32_at(12);
    let mut len8 = [0u8; 8];
    len8.copy_from_slice(&bytes[16..24]);
    let len = u64::from_le_bytes(len8);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len {
        return Err(bad(format!(
            "payload is {} bytes, header says {len} (truncated?)",
            payload.len()
        )));
    }
    if crc32fast::hash(payload) != crc {
        return Err(bad("checksum mismatch".into()));
    }
    postcard::from_bytes(payload).map_err(|e| bad(format!("cannot decode: {e}")))
}

pub(crate) fn read(path: &Path) -> Result<(ListMeta, Vec<Entity>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(path, &bytes)
}
