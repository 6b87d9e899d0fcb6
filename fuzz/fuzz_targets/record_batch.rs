#![no_main]
//! Kafka v2 record batches: `evctl::kafka::batch::decode_batch` on raw bytes, and on batches
//! built around the fuzzer's bytes with a valid header and CRC-32C so decoding gets past the
//! checksum into decompression (gzip, snappy raw and xerial-framed, lz4, zstd, unknown codecs)
//! and record parsing.
//!
//! Input: byte 0 is the mode.
//! - bit 7 clear: the rest is a whole batch, decoded as is.
//! - bit 7 set: bits 0..=2 are the codec in the attributes (5..=7 are unknown codecs), bit 3
//!   LogAppendTime, bit 4 transactional, bit 5 control, bit 6 "compress the records myself"
//!   (else the records bytes are handed to the decompressor as they are). Then: a variant byte
//!   (bit 0: xerial framing for snappy), recordCount (i32), baseOffset (i64),
//!   lastOffsetDelta (i32), baseTimestamp (i64), maxTimestamp (i64), producerId (i64), all
//!   big-endian; the rest is the records section.
//!
//! Checked: a batch that decodes re-encodes (records section written here, uncompressed) and
//! decodes to the same records; records compressed here decode exactly as the same records
//! stored uncompressed.

use std::io::Write as _;

use bytes::Bytes;
use evctl::kafka::batch::{Batch, decode_batch, put_varlong};
use evctl_fuzz::Input;
use libfuzzer_sys::fuzz_target;

/// The fixed fields before the records (they follow the 12 bytes of baseOffset and batchLength).
struct Header {
    attributes: i16,
    count: i32,
    base_offset: i64,
    last_offset_delta: i32,
    base_timestamp: i64,
    max_timestamp: i64,
    producer_id: i64,
}

/// A v2 batch: the 61-byte header (CRC-32C over everything after the CRC field) and `records`.
fn batch(h: &Header, records: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(61 + records.len());
    out.extend_from_slice(&h.base_offset.to_be_bytes());
    let batch_length = (49 + records.len()) as i32;
    out.extend_from_slice(&batch_length.to_be_bytes());
    out.extend_from_slice(&(-1i32).to_be_bytes()); // partition leader epoch
    out.push(2); // magic
    out.extend_from_slice(&[0; 4]); // crc, below
    out.extend_from_slice(&h.attributes.to_be_bytes());
    out.extend_from_slice(&h.last_offset_delta.to_be_bytes());
    out.extend_from_slice(&h.base_timestamp.to_be_bytes());
    out.extend_from_slice(&h.max_timestamp.to_be_bytes());
    out.extend_from_slice(&h.producer_id.to_be_bytes());
    out.extend_from_slice(&0i16.to_be_bytes()); // producer epoch
    out.extend_from_slice(&(-1i32).to_be_bytes()); // base sequence
    out.extend_from_slice(&h.count.to_be_bytes());
    out.extend_from_slice(records);
    let crc = crc32c::crc32c(&out[21..]);
    out[17..21].copy_from_slice(&crc.to_be_bytes());
    out
}

fn put_bytes(out: &mut Vec<u8>, b: Option<&[u8]>) {
    match b {
        None => put_varlong(out, -1),
        Some(b) => {
            put_varlong(out, b.len() as i64);
            out.extend_from_slice(b);
        }
    }
}

/// The records section of `b`'s records, written as the spec says.
fn encode_records(b: &Batch) -> Vec<u8> {
    let base = b.records.first().map_or(0, |r| r.timestamp);
    let mut out = Vec::new();
    for (i, r) in b.records.iter().enumerate() {
        let mut body = vec![0u8]; // attributes
        put_varlong(&mut body, r.timestamp.wrapping_sub(base));
        put_varlong(&mut body, i as i64);
        put_bytes(&mut body, r.key.as_deref());
        put_bytes(&mut body, r.value.as_deref());
        put_varlong(&mut body, r.headers.len() as i64);
        for (name, value) in &r.headers {
            put_bytes(&mut body, Some(name.as_bytes()));
            put_bytes(&mut body, value.as_deref());
        }
        put_varlong(&mut out, body.len() as i64);
        out.extend_from_slice(&body);
    }
    out
}

/// Re-encodes a decoded batch's records and checks they decode the same.
fn round_trip(b: &Batch) {
    let h = Header {
        attributes: 0,
        count: b.records.len() as i32,
        base_offset: 0,
        last_offset_delta: b.records.len().saturating_sub(1) as i32,
        base_timestamp: b.records.first().map_or(0, |r| r.timestamp),
        max_timestamp: 0,
        producer_id: -1,
    };
    let again = decode_batch(Bytes::from(batch(&h, &encode_records(b))))
        .unwrap_or_else(|e| panic!("re-encoded records do not decode: {e}"));
    assert_eq!(again.records.len(), b.records.len());
    for (i, (x, y)) in again.records.iter().zip(&b.records).enumerate() {
        assert_eq!(x.offset, i as i64);
        assert_eq!(x.timestamp, y.timestamp, "record {i}: timestamp");
        assert_eq!(x.key, y.key, "record {i}: key");
        assert_eq!(x.value, y.value, "record {i}: value");
        assert_eq!(x.headers, y.headers, "record {i}: headers");
    }
}

fn compress(codec: u8, xerial: bool, records: &[u8]) -> Option<Vec<u8>> {
    Some(match codec {
        1 => {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(records).ok()?;
            e.finish().ok()?
        }
        2 if xerial => {
            // the Java client's framing: magic, version and compatible version, then
            // (length, block)*
            let mut out = b"\x82SNAPPY\x00".to_vec();
            out.extend_from_slice(&1i32.to_be_bytes());
            out.extend_from_slice(&1i32.to_be_bytes());
            for chunk in records.chunks(32 * 1024) {
                let block = snap::raw::Encoder::new().compress_vec(chunk).ok()?;
                out.extend_from_slice(&(block.len() as u32).to_be_bytes());
                out.extend_from_slice(&block);
            }
            out
        }
        2 => snap::raw::Encoder::new().compress_vec(records).ok()?,
        3 => {
            let info = lz4_flex::frame::FrameInfo::new()
                .block_mode(lz4_flex::frame::BlockMode::Independent);
            let mut e = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new());
            e.write_all(records).ok()?;
            e.finish().ok()?
        }
        4 => zstd::bulk::compress(records, 1).ok()?,
        _ => return None,
    })
}

fn check(result: &Result<Batch, evctl::kafka::batch::BatchError>) {
    if let Ok(b) = result {
        round_trip(b);
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 * 1024 {
        return;
    }
    let mut input = Input::new(data);
    let mode = input.u8();
    if mode & 0x80 == 0 {
        check(&decode_batch(Bytes::copy_from_slice(input.rest())));
        return;
    }
    let codec = mode & 7;
    let variant = input.u8();
    let mut h = Header {
        attributes: i16::from(mode & 0x3f),
        count: input.i32(),
        base_offset: input.i64(),
        last_offset_delta: input.i32(),
        base_timestamp: input.i64(),
        max_timestamp: input.i64(),
        producer_id: input.i64(),
    };
    let records = input.rest();
    if mode & 0x40 != 0
        && let Some(packed) = compress(codec, variant & 1 == 1, records)
    {
        let compressed = decode_batch(Bytes::from(batch(&h, &packed)));
        check(&compressed);
        // the same records stored uncompressed decode the same
        h.attributes &= !7;
        let plain = decode_batch(Bytes::from(batch(&h, records)));
        match (&compressed, &plain) {
            (Ok(c), Ok(p)) => {
                assert_eq!(c.records, p.records, "codec {codec} changed the records");
                assert_eq!(
                    (c.base_offset, c.last_offset, c.log_append_time),
                    (p.base_offset, p.last_offset, p.log_append_time)
                );
            }
            (Err(_), Err(_)) => {}
            (c, p) => panic!("codec {codec}: compressed {c:?}, uncompressed {p:?}"),
        }
        return;
    }
    check(&decode_batch(Bytes::from(batch(&h, records))));
});
