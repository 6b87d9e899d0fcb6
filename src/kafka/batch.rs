//! Kafka's v2 record batch (magic 2), encoded and decoded by evctl itself.
//!
//! kafka-protocol's record codec keeps headers in a map, which loses duplicate header names and
//! their order; this codec keeps every header, in order, and null apart from empty everywhere. It
//! also avoids copies: decoded keys, values and header values are slices of the fetched buffer.
//!
//! Layout (all integers big-endian; `varint` is zig-zag):
//!
//! ```text
//! baseOffset i64 | batchLength i32 | partitionLeaderEpoch i32 | magic i8 = 2 | crc u32 (CRC-32C of
//! everything after it) | attributes i16 | lastOffsetDelta i32 | baseTimestamp i64 | maxTimestamp i64 |
//! producerId i64 | producerEpoch i16 | baseSequence i32 | recordCount i32 | records (compressed
//! as a whole when attributes & 7 != 0)
//!
//! record: length varint | attributes i8 | timestampDelta varlong | offsetDelta varint |
//!         keyLength varint (-1 = null) | key | valueLength varint (-1 = null) | value |
//!         headerCount varint | (nameLength varint | name | valueLength varint (-1 = null) | value)*
//! ```

use std::io::{Read, Write};

use bytes::Bytes;

/// Compression codecs of attributes bits 0..=2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Compression {
    /// No compression.
    #[default]
    None,
    /// gzip (deflate with a gzip header).
    Gzip,
    /// Snappy (raw blocks; the xerial framing of the Java client is read too).
    Snappy,
    /// LZ4 frames with independent blocks.
    Lz4,
    /// Zstandard.
    Zstd,
}

impl Compression {
    /// The codec id in the batch attributes.
    pub fn id(self) -> i16 {
        match self {
            Compression::None => 0,
            Compression::Gzip => 1,
            Compression::Snappy => 2,
            Compression::Lz4 => 3,
            Compression::Zstd => 4,
        }
    }

    /// The codec with attributes id `id`.
    pub fn from_id(id: i16) -> Option<Compression> {
        Some(match id {
            0 => Compression::None,
            1 => Compression::Gzip,
            2 => Compression::Snappy,
            3 => Compression::Lz4,
            4 => Compression::Zstd,
            _ => return None,
        })
    }

    /// The name used on the command line and in topic configs.
    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        }
    }
}

/// Why bytes could not be decoded as record batches.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// A batch in an older message format (magic 0 or 1).
    #[error("record batch at offset {offset} uses message format v{magic}; only v2 is supported")]
    Magic { offset: i64, magic: i8 },
    /// The CRC does not match the content.
    #[error("record batch at offset {offset} is corrupt: CRC-32C mismatch")]
    Crc { offset: i64 },
    /// A length or count runs past the end of the batch.
    #[error("record batch at offset {offset} is malformed: {reason}")]
    Malformed { offset: i64, reason: String },
    /// The codec failed or is unknown.
    #[error("record batch at offset {offset}: cannot decompress ({codec}): {reason}")]
    Decompress {
        offset: i64,
        codec: String,
        reason: String,
    },
}

const ATTR_COMPRESSION: i16 = 0x07;
const ATTR_LOG_APPEND_TIME: i16 = 0x08;
const ATTR_TRANSACTIONAL: i16 = 0x10;
const ATTR_CONTROL: i16 = 0x20;

/// The fixed part before the records: 61 bytes.
pub const BATCH_OVERHEAD: usize = 61;

// ---------------------------------------------------------------- varints

#[inline]
fn put_varint(out: &mut Vec<u8>, v: i32) {
    put_varlong(out, v as i64)
}

/// Appends `v` as a zigzag varlong (the record fields' encoding).
#[inline]
pub fn put_varlong(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    while z >= 0x80 {
        out.push((z as u8) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

#[inline]
fn varlong_len(v: i64) -> usize {
    let z = ((v << 1) ^ (v >> 63)) as u64;
    (64 - (z | 1).leading_zeros() as usize).div_ceil(7)
}

/// A cursor over a byte slice with bounds-checked reads.
struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn varlong(&mut self) -> Option<i64> {
        let mut z: u64 = 0;
        let mut shift = 0;
        loop {
            let b = *self.buf.get(self.pos)?;
            self.pos += 1;
            z |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    #[inline]
    fn varint(&mut self) -> Option<i32> {
        i32::try_from(self.varlong()?).ok()
    }

    #[inline]
    fn take(&mut self, n: usize) -> Option<(usize, usize)> {
        let end = self.pos.checked_add(n)?;
        if end > self.buf.len() {
            return None;
        }
        let start = self.pos;
        self.pos = end;
        Some((start, end))
    }

    /// A nullable length-prefixed field as a (start, end) range, or None for null.
    #[inline]
    fn nullable(&mut self) -> Option<Option<(usize, usize)>> {
        let len = self.varint()?;
        if len < 0 {
            return Some(None);
        }
        self.take(len as usize).map(Some)
    }

    fn i8(&mut self) -> Option<i8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b as i8)
    }
}

fn be_i16(b: &[u8], at: usize) -> i16 {
    i16::from_be_bytes([b[at], b[at + 1]])
}
fn be_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(b[at..at + 4].try_into().unwrap_or_default())
}
fn be_i64(b: &[u8], at: usize) -> i64 {
    i64::from_be_bytes(b[at..at + 8].try_into().unwrap_or_default())
}

// ---------------------------------------------------------------- encoding

/// Producer identity for idempotent (and transactional) batches; `NONE` for plain ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProducerIdentity {
    /// The producer id from InitProducerId, or -1.
    pub id: i64,
    /// Its epoch, or -1.
    pub epoch: i16,
}

impl ProducerIdentity {
    /// No idempotence: id -1, epoch -1, sequence -1.
    pub const NONE: ProducerIdentity = ProducerIdentity { id: -1, epoch: -1 };
}

/// Accumulates records of one partition into the records section of a v2 batch.
#[derive(Debug, Default)]
pub struct BatchBuilder {
    records: Vec<u8>,
    count: i32,
    base_timestamp: i64,
    max_timestamp: i64,
}

impl BatchBuilder {
    /// An empty builder with room for `capacity` bytes of records.
    pub fn with_capacity(capacity: usize) -> Self {
        BatchBuilder {
            records: Vec::with_capacity(capacity),
            ..Default::default()
        }
    }

    /// Records appended so far.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// True when nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Uncompressed size of the batch so far, header included.
    pub fn size(&self) -> usize {
        BATCH_OVERHEAD + self.records.len()
    }

    /// The encoded size one record would add (an upper bound within a few bytes).
    pub fn record_size(
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(String, Option<Bytes>)],
    ) -> usize {
        let mut n = 1 + 10 + 5 + 5 + 5 + 5;
        n += key.map_or(0, <[u8]>::len) + value.map_or(0, <[u8]>::len);
        for (name, v) in headers {
            n += 10 + name.len() + v.as_ref().map_or(0, Bytes::len);
        }
        n
    }

    /// Appends one record. The first record's timestamp is the batch's base timestamp.
    pub fn push(
        &mut self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(String, Option<Bytes>)],
    ) {
        if self.count == 0 {
            self.base_timestamp = timestamp;
            self.max_timestamp = timestamp;
        } else if timestamp > self.max_timestamp {
            self.max_timestamp = timestamp;
        }
        let ts_delta = timestamp.wrapping_sub(self.base_timestamp);
        let offset_delta = self.count;
        // body length first: compute it so the record is written in one pass
        let field = |b: Option<&[u8]>| match b {
            None => 1,
            Some(b) => varlong_len(b.len() as i64) + b.len(),
        };
        let mut body = 1 + varlong_len(ts_delta) + varlong_len(i64::from(offset_delta));
        body += field(key) + field(value) + varlong_len(headers.len() as i64);
        for (name, v) in headers {
            body += field(Some(name.as_bytes())) + field(v.as_deref());
        }
        let out = &mut self.records;
        out.reserve(body + 5);
        put_varlong(out, body as i64);
        out.push(0); // record attributes: unused
        put_varlong(out, ts_delta);
        put_varint(out, offset_delta);
        put_bytes(out, key);
        put_bytes(out, value);
        put_varint(out, headers.len() as i32);
        for (name, v) in headers {
            put_bytes(out, Some(name.as_bytes()));
            put_bytes(out, v.as_deref());
        }
        self.count += 1;
    }

    /// Encodes the batch: header, CRC and the (compressed) records. `base_sequence` is -1 without
    /// idempotence. The builder is left empty for reuse.
    pub fn finish(
        &mut self,
        compression: Compression,
        producer: ProducerIdentity,
        base_sequence: i32,
    ) -> std::io::Result<Bytes> {
        let records = std::mem::take(&mut self.records);
        let body = compress(compression, records)?;
        let mut out = Vec::with_capacity(BATCH_OVERHEAD + body.len());
        out.extend_from_slice(&0i64.to_be_bytes()); // base offset: the broker assigns it
        let batch_length = (BATCH_OVERHEAD - 12 + body.len()) as i32;
        out.extend_from_slice(&batch_length.to_be_bytes());
        out.extend_from_slice(&(-1i32).to_be_bytes()); // partition leader epoch
        out.push(2); // magic
        out.extend_from_slice(&[0; 4]); // crc, filled below
        out.extend_from_slice(&compression.id().to_be_bytes());
        out.extend_from_slice(&(self.count - 1).max(0).to_be_bytes());
        out.extend_from_slice(&self.base_timestamp.to_be_bytes());
        out.extend_from_slice(&self.max_timestamp.to_be_bytes());
        out.extend_from_slice(&producer.id.to_be_bytes());
        out.extend_from_slice(&producer.epoch.to_be_bytes());
        out.extend_from_slice(&base_sequence.to_be_bytes());
        out.extend_from_slice(&self.count.to_be_bytes());
        out.extend_from_slice(&body);
        let crc = crc32c::crc32c(&out[21..]);
        out[17..21].copy_from_slice(&crc.to_be_bytes());
        self.count = 0;
        Ok(Bytes::from(out))
    }
}

#[inline]
fn put_bytes(out: &mut Vec<u8>, b: Option<&[u8]>) {
    match b {
        None => put_varint(out, -1),
        Some(b) => {
            put_varlong(out, b.len() as i64);
            out.extend_from_slice(b);
        }
    }
}

fn compress(codec: Compression, records: Vec<u8>) -> std::io::Result<Vec<u8>> {
    Ok(match codec {
        Compression::None => records,
        Compression::Gzip => {
            let mut e = flate2::write::GzEncoder::new(
                Vec::with_capacity(records.len() / 2),
                flate2::Compression::fast(),
            );
            e.write_all(&records)?;
            e.finish()?
        }
        Compression::Snappy => snap::raw::Encoder::new()
            .compress_vec(&records)
            .map_err(std::io::Error::other)?,
        Compression::Lz4 => {
            let info = lz4_flex::frame::FrameInfo::new()
                .block_mode(lz4_flex::frame::BlockMode::Independent);
            let mut e = lz4_flex::frame::FrameEncoder::with_frame_info(
                info,
                Vec::with_capacity(records.len() / 2),
            );
            e.write_all(&records)?;
            e.finish().map_err(std::io::Error::other)?
        }
        Compression::Zstd => zstd::bulk::compress(&records, 3)?,
    })
}

/// The most a compressed batch of `compressed` bytes may inflate to: 16 times its size, at least
/// 16 MiB and at most 256 MiB. Producers bound a batch's size before compression (`batch.size`,
/// `max.request.size`, a MiB or so), so only a decompression bomb comes near it. (librdkafka
/// bounds it too, by `receive.message.max.bytes`.)
pub fn inflate_limit(compressed: usize) -> usize {
    const MIB: usize = 1024 * 1024;
    compressed.saturating_mul(16).clamp(16 * MIB, 256 * MIB)
}

/// Reads `r` to its end into `out`, refusing to go past `limit` bytes. The buffer doubles, but
/// never past `limit + 1`, so a bomb costs at most about one and a half times the limit.
fn read_bounded(r: impl Read, out: &mut Vec<u8>, limit: usize) -> Result<(), String> {
    let mut r = r.take(limit as u64 + 1);
    loop {
        if out.len() == out.capacity() {
            if out.len() > limit {
                return Err(bomb(limit));
            }
            let want = out
                .capacity()
                .max(64 * 1024)
                .saturating_mul(2)
                .min(limit + 1);
            out.reserve_exact(want - out.len());
        }
        let room = (out.capacity() - out.len()) as u64;
        let n = (&mut r)
            .take(room)
            .read_to_end(out)
            .map_err(|e| e.to_string())?;
        if n == 0 {
            return if out.len() > limit {
                Err(bomb(limit))
            } else {
                Ok(())
            };
        }
    }
}

fn bomb(limit: usize) -> String {
    format!(
        "the records inflate past {} MiB: refused as a decompression bomb",
        limit / (1024 * 1024)
    )
}

/// A Snappy block's declared length, checked against what is left of `limit` before anything is
/// allocated for it.
fn snappy_block(block: &[u8], left: usize, limit: usize) -> Result<Vec<u8>, String> {
    let n = snap::raw::decompress_len(block).map_err(|e| e.to_string())?;
    if n > left {
        return Err(bomb(limit));
    }
    snap::raw::Decoder::new()
        .decompress_vec(block)
        .map_err(|e| e.to_string())
}

fn decompress(codec: Compression, data: &[u8]) -> Result<Vec<u8>, String> {
    let limit = inflate_limit(data.len());
    let mut out = Vec::with_capacity(data.len().saturating_mul(4).min(limit));
    match codec {
        Compression::None => out.extend_from_slice(data),
        Compression::Gzip => read_bounded(flate2::read::GzDecoder::new(data), &mut out, limit)?,
        Compression::Snappy => {
            const XERIAL: &[u8] = b"\x82SNAPPY\x00";
            if data.starts_with(XERIAL) && data.len() >= 16 {
                // the Java client's framing: 16-byte header, then (length u32, block)*
                let mut at = 16;
                while at < data.len() {
                    if at + 4 > data.len() {
                        return Err("truncated xerial snappy block length".into());
                    }
                    let n = u32::from_be_bytes(data[at..at + 4].try_into().unwrap_or_default())
                        as usize;
                    at += 4;
                    let block = data
                        .get(at..at + n)
                        .ok_or("truncated xerial snappy block")?;
                    out.extend_from_slice(&snappy_block(block, limit - out.len(), limit)?);
                    at += n;
                }
            } else {
                out = snappy_block(data, limit, limit)?;
            }
        }
        Compression::Lz4 => {
            read_bounded(lz4_flex::frame::FrameDecoder::new(data), &mut out, limit)?;
        }
        Compression::Zstd => {
            let mut d =
                zstd::stream::read::Decoder::with_buffer(data).map_err(|e| e.to_string())?;
            // a frame may ask for a window of up to 2 GiB; batches never need more than 16 MiB
            d.window_log_max(24).map_err(|e| e.to_string())?;
            read_bounded(d, &mut out, limit)?;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- decoding

/// One decoded record of a batch; byte fields share the batch's buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRecord {
    /// Absolute offset.
    pub offset: i64,
    /// Epoch milliseconds (the batch's max timestamp when the topic uses LogAppendTime).
    pub timestamp: i64,
    /// The key, null kept apart from empty.
    pub key: Option<Bytes>,
    /// The value, null kept apart from empty.
    pub value: Option<Bytes>,
    /// Headers in order, duplicates kept.
    pub headers: Vec<(String, Option<Bytes>)>,
}

/// One decoded batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Offset of the first record slot.
    pub base_offset: i64,
    /// Offset of the last record slot (records may have been compacted away before it).
    pub last_offset: i64,
    /// The codec it was stored with.
    pub compression: Compression,
    /// True when the timestamps are the broker's (LogAppendTime).
    pub log_append_time: bool,
    /// Part of a transaction.
    pub transactional: bool,
    /// A control batch (transaction marker): its records are not data.
    pub control: bool,
    /// The producer id, or -1.
    pub producer_id: i64,
    /// The records, in offset order.
    pub records: Vec<BatchRecord>,
}

/// Decodes one complete batch (`baseOffset` through the end of its records).
pub fn decode_batch(b: Bytes) -> Result<Batch, BatchError> {
    if b.len() < 17 {
        return Err(BatchError::Malformed {
            offset: if b.len() >= 8 { be_i64(&b, 0) } else { -1 },
            reason: "shorter than a batch header".into(),
        });
    }
    let base_offset = be_i64(&b, 0);
    let malformed = |reason: &str| BatchError::Malformed {
        offset: base_offset,
        reason: reason.to_string(),
    };
    let magic = b[16] as i8;
    if magic != 2 {
        return Err(BatchError::Magic {
            offset: base_offset,
            magic,
        });
    }
    if b.len() < BATCH_OVERHEAD {
        return Err(malformed("shorter than a batch header"));
    }
    let crc = u32::from_be_bytes(b[17..21].try_into().unwrap_or_default());
    if crc32c::crc32c(&b[21..]) != crc {
        return Err(BatchError::Crc {
            offset: base_offset,
        });
    }
    let attributes = be_i16(&b, 21);
    let last_offset_delta = be_i32(&b, 23);
    let base_timestamp = be_i64(&b, 27);
    let max_timestamp = be_i64(&b, 35);
    let producer_id = be_i64(&b, 43);
    let count = be_i32(&b, 57);
    let last_offset = match u32::try_from(last_offset_delta) {
        Ok(d) => base_offset
            .checked_add(i64::from(d))
            .ok_or_else(|| malformed("its last offset is past the largest offset"))?,
        Err(_) => return Err(malformed("a negative last offset delta")),
    };
    let codec_id = attributes & ATTR_COMPRESSION;
    let compression = Compression::from_id(codec_id).ok_or_else(|| BatchError::Decompress {
        offset: base_offset,
        codec: format!("codec {codec_id}"),
        reason: "unknown codec".into(),
    })?;
    let log_append_time = attributes & ATTR_LOG_APPEND_TIME != 0;
    let body: Bytes = if compression == Compression::None {
        b.slice(BATCH_OVERHEAD..)
    } else {
        Bytes::from(
            decompress(compression, &b[BATCH_OVERHEAD..]).map_err(|reason| {
                BatchError::Decompress {
                    offset: base_offset,
                    codec: compression.name().into(),
                    reason,
                }
            })?,
        )
    };
    // a record takes at least 7 bytes: the count cannot reserve more than the body holds
    let mut records = Vec::with_capacity((count.max(0) as usize).min(body.len() / 7));
    let mut c = Cursor { buf: &body, pos: 0 };
    for _ in 0..count.max(0) {
        let rec = (|| -> Option<BatchRecord> {
            let len = c.varint()?;
            let end = c.pos.checked_add(usize::try_from(len).ok()?)?;
            if end > c.buf.len() {
                return None;
            }
            let _attrs = c.i8()?;
            let ts_delta = c.varlong()?;
            let offset_delta = c.varint()?;
            let key = c.nullable()?.map(|(s, e)| body.slice(s..e));
            let value = c.nullable()?.map(|(s, e)| body.slice(s..e));
            let n = c.varint()?;
            let mut headers = Vec::with_capacity(n.clamp(0, 64) as usize);
            for _ in 0..n.max(0) {
                let (s, e) = c.nullable()??;
                let name = match std::str::from_utf8(&body[s..e]) {
                    Ok(s) => s.to_string(),
                    Err(_) => String::from_utf8_lossy(&body[s..e]).into_owned(),
                };
                let v = c.nullable()?.map(|(s, e)| body.slice(s..e));
                headers.push((name, v));
            }
            if c.pos != end {
                return None;
            }
            Some(BatchRecord {
                offset: base_offset.checked_add(i64::from(offset_delta))?,
                timestamp: if log_append_time {
                    max_timestamp
                } else {
                    base_timestamp.wrapping_add(ts_delta)
                },
                key,
                value,
                headers,
            })
        })()
        .ok_or_else(|| malformed("a record runs past its length"))?;
        records.push(rec);
    }
    Ok(Batch {
        base_offset,
        last_offset,
        compression,
        log_append_time,
        transactional: attributes & ATTR_TRANSACTIONAL != 0,
        control: attributes & ATTR_CONTROL != 0,
        producer_id,
        records,
    })
}

/// For a control batch's record: true when it is a COMMIT marker, false for ABORT (key type 1 vs 0).
pub fn control_is_commit(r: &BatchRecord) -> Option<bool> {
    let k = r.key.as_ref()?;
    if k.len() < 4 {
        return None;
    }
    match i16::from_be_bytes([k[2], k[3]]) {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 64 MiB of zeros, compressed by each codec, is refused past the inflate limit, and a
    /// batch just under the limit still inflates.
    #[test]
    fn decompression_bombs_are_refused_for_every_codec() {
        let zeros = vec![0u8; 64 << 20];
        for codec in [
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            let packed = compress(codec, zeros.clone()).unwrap();
            let limit = inflate_limit(packed.len());
            assert!(limit < zeros.len(), "{codec:?}: {limit}");
            let e = decompress(codec, &packed).unwrap_err();
            assert!(
                e.contains("refused as a decompression bomb"),
                "{codec:?}: {e}"
            );
            let fits = compress(codec, vec![7u8; 15 << 20]).unwrap();
            assert_eq!(
                decompress(codec, &fits).unwrap().len(),
                15 << 20,
                "{codec:?}"
            );
        }
        // a Snappy block declaring 1 GiB is refused before anything is allocated for it
        let mut lying = vec![0x80, 0x80, 0x80, 0x80, 0x04];
        lying.extend_from_slice(&[0; 16]);
        let e = decompress(Compression::Snappy, &lying).unwrap_err();
        assert!(e.contains("decompression bomb"), "{e}");
    }

    fn sample(b: &mut BatchBuilder) {
        b.push(
            1_000,
            Some(b"k1"),
            Some(b"v1"),
            &[
                ("a".into(), Some(Bytes::from_static(b"1"))),
                ("a".into(), Some(Bytes::from_static(b"2"))),
                ("n".into(), None),
                ("e".into(), Some(Bytes::new())),
            ],
        );
        b.push(990, None, None, &[]);
        b.push(2_000, Some(b""), Some(b""), &[]);
        b.push(1_500, Some(&[0xff, 0x00]), Some(&vec![7u8; 300]), &[]);
    }

    fn check(batch: &Batch, base: i64) {
        assert_eq!(batch.base_offset, base);
        assert_eq!(batch.last_offset, base + 3);
        let r = &batch.records;
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].offset, base);
        assert_eq!(r[0].timestamp, 1_000);
        assert_eq!(r[0].key.as_deref(), Some(&b"k1"[..]));
        assert_eq!(r[0].value.as_deref(), Some(&b"v1"[..]));
        assert_eq!(
            r[0].headers,
            vec![
                ("a".to_string(), Some(Bytes::from_static(b"1"))),
                ("a".to_string(), Some(Bytes::from_static(b"2"))),
                ("n".to_string(), None),
                ("e".to_string(), Some(Bytes::new())),
            ]
        );
        assert_eq!((r[1].key.clone(), r[1].value.clone()), (None, None));
        assert_eq!(r[1].timestamp, 990, "negative timestamp delta");
        assert_eq!(r[2].key.as_deref(), Some(&b""[..]));
        assert_eq!(r[2].value.as_deref(), Some(&b""[..]));
        assert_eq!(r[3].key.as_deref(), Some(&[0xff, 0x00][..]));
        assert_eq!(r[3].value.as_deref().map(<[u8]>::len), Some(300));
        assert_eq!(r[3].offset, base + 3);
    }

    #[test]
    fn round_trip_every_codec() {
        for codec in [
            Compression::None,
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            let mut b = BatchBuilder::default();
            sample(&mut b);
            let bytes = b.finish(codec, ProducerIdentity::NONE, -1).unwrap();
            assert!(b.is_empty());
            let mut with_base = bytes.to_vec();
            with_base[..8].copy_from_slice(&100i64.to_be_bytes());
            let d = decode_batch(Bytes::from(with_base)).unwrap();
            assert_eq!(d.compression, codec, "{codec:?}");
            check(&d, 100);
        }
    }

    #[test]
    fn header_fields_and_crc() {
        let mut b = BatchBuilder::default();
        b.push(5, None, Some(b"x"), &[]);
        let id = ProducerIdentity { id: 42, epoch: 3 };
        let bytes = b.finish(Compression::None, id, 7).unwrap();
        assert_eq!(be_i32(&bytes, 8) as usize, bytes.len() - 12);
        assert_eq!(bytes[16], 2);
        assert_eq!(be_i64(&bytes, 43), 42);
        assert_eq!(be_i16(&bytes, 51), 3);
        assert_eq!(be_i32(&bytes, 53), 7);
        assert_eq!(be_i32(&bytes, 57), 1);
        // a flipped bit is caught by the CRC
        let mut bad = bytes.to_vec();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(matches!(
            decode_batch(Bytes::from(bad)),
            Err(BatchError::Crc { .. })
        ));
    }

    /// Found by reviewing the record_batch fuzz target: a batch shorter than 8 bytes panicked
    /// reading its base offset, and a base offset near the top of the range overflowed when
    /// the deltas were added.
    #[test]
    fn short_batches_and_offset_overflows_are_malformed() {
        for n in [0, 5, 12] {
            let e = decode_batch(Bytes::from(vec![0u8; n])).unwrap_err();
            assert!(matches!(e, BatchError::Malformed { .. }), "{n}: {e}");
        }
        let mut b = BatchBuilder::default();
        b.push(1, None, Some(b"a"), &[]);
        b.push(1, None, Some(b"b"), &[]);
        let good = b
            .finish(Compression::None, ProducerIdentity::NONE, -1)
            .unwrap()
            .to_vec();
        let resign = |mut v: Vec<u8>| {
            let crc = crc32c::crc32c(&v[21..]);
            v[17..21].copy_from_slice(&crc.to_be_bytes());
            Bytes::from(v)
        };
        // base offset i64::MAX: the last offset (and the second record's) would overflow
        let mut v = good.clone();
        v[..8].copy_from_slice(&i64::MAX.to_be_bytes());
        v[17..21].fill(0);
        let e = decode_batch(resign(v)).unwrap_err();
        assert!(e.to_string().contains("past the largest offset"), "{e}");
        // a negative last offset delta
        let mut v = good.clone();
        v[23..27].copy_from_slice(&(-5i32).to_be_bytes());
        let e = decode_batch(resign(v)).unwrap_err();
        assert!(e.to_string().contains("negative last offset delta"), "{e}");
        // one below the top still decodes: the second record is the last offset
        let mut v = good;
        v[..8].copy_from_slice(&(i64::MAX - 1).to_be_bytes());
        let d = decode_batch(resign(v)).unwrap();
        assert_eq!(d.records[1].offset, i64::MAX);
    }

    #[test]
    fn old_magic_is_named() {
        let mut b = BatchBuilder::default();
        b.push(1, None, Some(b"one"), &[]);
        let mut v = b
            .finish(Compression::None, ProducerIdentity::NONE, -1)
            .unwrap()
            .to_vec();
        v[16] = 1;
        let e = decode_batch(Bytes::from(v)).unwrap_err();
        assert!(e.to_string().contains("message format v1"), "{e}");
    }

    #[test]
    fn varints_match_the_spec() {
        let mut out = Vec::new();
        for (v, enc) in [
            (0i64, &[0u8][..]),
            (-1, &[1]),
            (1, &[2]),
            (63, &[126]),
            (-64, &[127]),
            (64, &[128, 1]),
            (300, &[0xd8, 0x04]),
        ] {
            out.clear();
            put_varlong(&mut out, v);
            assert_eq!(out, enc, "{v}");
            assert_eq!(varlong_len(v), enc.len());
            let mut c = Cursor { buf: &out, pos: 0 };
            assert_eq!(c.varlong(), Some(v));
        }
        for v in [i64::MIN, i64::MAX, i32::MIN as i64, 1 << 40] {
            out.clear();
            put_varlong(&mut out, v);
            assert_eq!(varlong_len(v), out.len());
            assert_eq!(Cursor { buf: &out, pos: 0 }.varlong(), Some(v));
        }
    }

    #[test]
    fn xerial_snappy_is_read() {
        let mut b = BatchBuilder::default();
        sample(&mut b);
        let raw = std::mem::take(&mut b.records);
        let block = snap::raw::Encoder::new().compress_vec(&raw).unwrap();
        let mut framed = b"\x82SNAPPY\x00".to_vec();
        framed.extend_from_slice(&1i32.to_be_bytes());
        framed.extend_from_slice(&1i32.to_be_bytes());
        framed.extend_from_slice(&(block.len() as u32).to_be_bytes());
        framed.extend_from_slice(&block);
        assert_eq!(decompress(Compression::Snappy, &framed).unwrap(), raw);
    }

    #[test]
    fn size_estimate_is_an_upper_bound() {
        let headers = vec![("h".to_string(), Some(Bytes::from_static(b"v")))];
        let mut b = BatchBuilder::default();
        let before = b.size();
        b.push(0, Some(b"key"), Some(&[1; 100]), &headers);
        let grown = b.size() - before;
        assert!(
            BatchBuilder::record_size(Some(b"key"), Some(&[1; 100]), &headers) >= grown,
            "{grown}"
        );
    }
}
