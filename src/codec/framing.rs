//! Confluent's wire framing of registry-encoded keys and values, both ways:
//!
//! - prefix framing: byte 0 is the magic `0x00`, bytes 1..5 the schema id (big-endian int32),
//!   then (Protobuf only) the message-index path, then the payload;
//! - header framing (Confluent 8.0+): a `__key_schema_id` / `__value_schema_id` header whose value
//!   is the magic `0x01`, the schema GUID (16 bytes) and (Protobuf only) the index path; the
//!   payload carries no prefix. The last header of that name wins, and a null one is ignored,
//!   as in Confluent's `DualSchemaIdDeserializer`.
//!
//! The message-index path is a zigzag varint count followed by that many zigzag varint indexes;
//! a count of 0 is the one-byte shortcut for `[0]` and `[1 entry: 0]` (`02 00`) is its long form.

/// Header naming the key's schema (header framing).
pub const KEY_HEADER: &str = "__key_schema_id";
/// Header naming the value's schema (header framing).
pub const VALUE_HEADER: &str = "__value_schema_id";

/// The longest index path accepted: deeper nesting than any real schema, shallow enough that a
/// hostile count cannot make evctl allocate or loop for long.
pub const MAX_PATH: usize = 64;

/// Which schema a framed payload names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemaKey {
    /// A registry id (prefix framing).
    Id(i32),
    /// A schema GUID (header framing).
    Guid([u8; 16]),
}

impl SchemaKey {
    /// The GUID in its canonical text form (8-4-4-4-12 lowercase hex).
    pub fn guid_text(g: &[u8; 16]) -> String {
        let h: String = g.iter().map(|b| format!("{b:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    }

    /// Parses a GUID's text form (hyphens optional).
    pub fn parse_guid(s: &str) -> Option<[u8; 16]> {
        let hex: Vec<u8> = s.bytes().filter(|b| *b != b'-').collect();
        if hex.len() != 32 || !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let mut out = [0u8; 16];
        for (i, pair) in hex.chunks(2).enumerate() {
            let text = std::str::from_utf8(pair).ok()?;
            out[i] = u8::from_str_radix(text, 16).ok()?;
        }
        Some(out)
    }
}

/// A framed key or value: the schema it names and where its schema-specific part starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub schema: SchemaKey,
    /// The bytes after the magic and id in prefix framing (index path and payload), or after the
    /// magic and GUID of the header (index path only): the codec reads the index path from it.
    pub rest_start: usize,
    /// Header framing: the header's value (its index path follows the GUID); the payload is
    /// the whole key or value.
    pub header: Option<bytes::Bytes>,
}

/// Why framed bytes cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("truncated frame: {0}")]
    Truncated(&'static str),
    #[error("schema id header has magic byte {0:#04x}, expected 0x01")]
    HeaderMagic(u8),
    #[error("message-index varint does not end within 5 bytes")]
    LongVarint,
    #[error("message-index path of {0} entries (at most {MAX_PATH} are read)")]
    LongPath(i64),
    #[error("negative message index {0}")]
    NegativeIndex(i64),
}

/// The framing of `payload`, given the record's headers and the header that would name its
/// schema. `None` when the bytes are not framed: no header, and not a 5-byte-or-longer payload
/// starting with 0. A payload starting with 0 is only a candidate; the registry decides.
pub fn frame_of(
    payload: &[u8],
    headers: &[(String, Option<bytes::Bytes>)],
    header_name: &str,
) -> Result<Option<Frame>, FrameError> {
    let last = headers
        .iter()
        .rev()
        .find(|(n, v)| n == header_name && v.is_some());
    if let Some((_, Some(h))) = last {
        let (&magic, rest) = h
            .split_first()
            .ok_or(FrameError::Truncated("empty header"))?;
        if magic != 1 {
            return Err(FrameError::HeaderMagic(magic));
        }
        let guid: [u8; 16] = rest
            .get(..16)
            .and_then(|g| g.try_into().ok())
            .ok_or(FrameError::Truncated("header shorter than its GUID"))?;
        return Ok(Some(Frame {
            schema: SchemaKey::Guid(guid),
            rest_start: 17,
            header: Some(h.clone()),
        }));
    }
    match payload {
        [0, a, b, c, d, ..] => Ok(Some(Frame {
            schema: SchemaKey::Id(i32::from_be_bytes([*a, *b, *c, *d])),
            rest_start: 5,
            header: None,
        })),
        _ => Ok(None),
    }
}

/// Reads one zigzag varint (at most 5 bytes, as a 32-bit varint); returns it and the bytes read.
fn read_varint(b: &[u8]) -> Result<(i64, usize), FrameError> {
    let mut raw: u64 = 0;
    for (i, &byte) in b.iter().enumerate().take(5) {
        raw |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            let v = ((raw >> 1) as i64) ^ -((raw & 1) as i64);
            return Ok((v, i + 1));
        }
    }
    if b.len() < 5 {
        Err(FrameError::Truncated("message-index varint"))
    } else {
        Err(FrameError::LongVarint)
    }
}

/// Reads a Protobuf message-index path; returns it and the bytes it took.
pub fn read_path(b: &[u8]) -> Result<(Vec<usize>, usize), FrameError> {
    let (count, mut at) = read_varint(b)?;
    if count == 0 {
        return Ok((vec![0], at));
    }
    if !(1..=MAX_PATH as i64).contains(&count) {
        return Err(FrameError::LongPath(count));
    }
    let mut path = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (i, n) = read_varint(&b[at..])?;
        if i < 0 {
            return Err(FrameError::NegativeIndex(i));
        }
        path.push(i as usize);
        at += n;
    }
    Ok((path, at))
}

fn write_varint(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    while z >= 0x80 {
        out.push((z as u8 & 0x7f) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

/// Appends a message-index path, `[0]` as its one-byte shortcut.
pub fn write_path(out: &mut Vec<u8>, path: &[usize]) {
    if path == [0] {
        out.push(0);
        return;
    }
    write_varint(out, path.len() as i64);
    for &i in path {
        write_varint(out, i as i64);
    }
}

/// The prefix of a prefix-framed payload: magic 0 and the id.
pub fn write_prefix(out: &mut Vec<u8>, id: i32) {
    out.push(0);
    out.extend_from_slice(&id.to_be_bytes());
}

/// The value of a schema-id header: magic 1 and the GUID (the caller appends an index path).
pub fn header_value(guid: &[u8; 16]) -> Vec<u8> {
    let mut v = Vec::with_capacity(18);
    v.push(1);
    v.extend_from_slice(guid);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[test]
    fn prefix_framing() {
        let f = frame_of(&[0, 0, 0, 1, 44, 9], &[], VALUE_HEADER)
            .unwrap()
            .unwrap();
        assert_eq!(f.schema, SchemaKey::Id(300));
        assert_eq!(f.rest_start, 5);
        assert!(f.header.is_none());
        assert_eq!(frame_of(b"{\"a\":1}", &[], VALUE_HEADER).unwrap(), None);
        assert_eq!(frame_of(&[0, 0, 0], &[], VALUE_HEADER).unwrap(), None);
        let max = frame_of(&[0, 0x7f, 0xff, 0xff, 0xff], &[], VALUE_HEADER)
            .unwrap()
            .unwrap();
        assert_eq!(max.schema, SchemaKey::Id(i32::MAX));
    }

    #[test]
    fn header_framing_takes_the_last_non_null_header() {
        let guid = [7u8; 16];
        let mut h1 = header_value(&[1u8; 16]);
        h1.push(0);
        let headers = vec![
            (VALUE_HEADER.to_string(), Some(Bytes::from(h1))),
            (
                VALUE_HEADER.to_string(),
                Some(Bytes::from(header_value(&guid))),
            ),
            (VALUE_HEADER.to_string(), None),
        ];
        let f = frame_of(b"payload", &headers, VALUE_HEADER)
            .unwrap()
            .unwrap();
        assert_eq!(f.schema, SchemaKey::Guid(guid));
        assert_eq!(f.header.as_deref(), Some(&header_value(&guid)[..]));
        // the key's header is not the value's
        assert_eq!(frame_of(b"x", &headers, KEY_HEADER).unwrap(), None);
        let bad = vec![(VALUE_HEADER.to_string(), Some(Bytes::from_static(&[0, 1])))];
        assert_eq!(
            frame_of(b"x", &bad, VALUE_HEADER),
            Err(FrameError::HeaderMagic(0))
        );
        let short = vec![(VALUE_HEADER.to_string(), Some(Bytes::from_static(&[1, 1])))];
        assert!(matches!(
            frame_of(b"x", &short, VALUE_HEADER),
            Err(FrameError::Truncated(_))
        ));
    }

    #[test]
    fn index_paths_both_forms_of_zero_and_hostile_ones() {
        assert_eq!(read_path(&[0, 9]).unwrap(), (vec![0], 1));
        assert_eq!(read_path(&[2, 0, 9]).unwrap(), (vec![0], 2));
        assert_eq!(read_path(&[4, 2, 0]).unwrap(), (vec![1, 0], 3));
        let mut out = Vec::new();
        write_path(&mut out, &[0]);
        assert_eq!(out, [0]);
        out.clear();
        write_path(&mut out, &[1, 0]);
        assert_eq!(out, [4, 2, 0]);
        out.clear();
        write_path(&mut out, &[300]);
        assert_eq!(read_path(&out).unwrap(), (vec![300], out.len()));
        // a varint that never ends, a truncated one, a huge count, a negative index
        assert_eq!(read_path(&[0xff; 10]), Err(FrameError::LongVarint));
        assert!(matches!(read_path(&[0x80]), Err(FrameError::Truncated(_))));
        assert!(matches!(read_path(&[]), Err(FrameError::Truncated(_))));
        assert_eq!(
            read_path(&[0xfe, 0xff, 0xff, 0xff, 0x0f]),
            Err(FrameError::LongPath(i32::MAX as i64))
        );
        assert_eq!(read_path(&[1]), Err(FrameError::LongPath(-1)));
        assert_eq!(read_path(&[2, 1]), Err(FrameError::NegativeIndex(-1)));
        assert!(matches!(read_path(&[4, 2]), Err(FrameError::Truncated(_))));
    }

    #[test]
    fn guids() {
        let g = SchemaKey::parse_guid("0123abcd-0000-4000-8000-00000000ffff").unwrap();
        assert_eq!(
            SchemaKey::guid_text(&g),
            "0123abcd-0000-4000-8000-00000000ffff"
        );
        assert_eq!(SchemaKey::parse_guid("xyz"), None);
        assert_eq!(
            SchemaKey::parse_guid("0123abcd00004000800000000000fffg"),
            None
        );
    }
}
