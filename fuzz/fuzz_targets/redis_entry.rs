#![no_main]
//! Redis replies as evctl reads them: the RESP parser (`redis::parse_redis_value`) on raw bytes,
//! or a reply tree built from the input; then the reply readers of `evctl::redis::stream`
//! (`entries`, `stream_replies` for XREAD/XREADGROUP in RESP2 and RESP3, `pairs`, `list`,
//! `bytes`, `id_of`, `entry_id`, `field_pairs`), `evctl::redis::info::{int, text}`, the mapping of
//! an entry to a record (`evctl::record::fields::to_message` under each field map, as
//! `StreamSource` does) and a BullMQ job hash (`evctl::redis::bullmq::job::Job::parse`).
//!
//! Input: byte 0 bit 0 set: the rest is RESP bytes; clear: the rest builds a tree (see
//! `evctl_fuzz::redis_value`: tag byte per value, depth at most 8).
//!
//! Checked: an entry read with the default field map and written back (`to_fields`, what
//! `publish` to a stream does) gives the same fields, in order.

use bytes::Bytes;
use evctl::record::fields::{FieldMap, to_fields, to_message};
use evctl::redis::bullmq::job::Job;
use evctl::redis::bullmq::{Layout, Queue};
use evctl::redis::stream::{
    Entry, bytes as reply_bytes, entries, entry_id, field_pairs, id_of, list, pairs, stream_replies,
};
use evctl_fuzz::Input;
use libfuzzer_sys::fuzz_target;
use redis::Value;

fn maps() -> [FieldMap; 4] {
    let s = |v: &str| Some(v.to_string());
    [
        FieldMap::default(),
        FieldMap {
            key_field: s("k"),
            value_field: None,
        },
        FieldMap {
            key_field: None,
            value_field: s("v"),
        },
        FieldMap {
            key_field: s("id"),
            value_field: s("id"),
        },
    ]
}

fn entry(e: &Entry, maps: &[FieldMap]) {
    let (id, fields) = e;
    let Some(fields) = fields else { return };
    let pairs: Vec<(&[u8], &[u8])> = field_pairs(fields).collect();
    for map in maps {
        let msg = to_message(field_pairs(fields), map, id.ms.min(i64::MAX as u64) as i64);
        let _ = to_fields(&msg, map);
    }
    // what tail reads, publish writes back: the same fields in order (when every name is text
    // and there is a field at all; otherwise the fields become headers or nothing)
    if !pairs.is_empty() && pairs.iter().all(|(n, _)| std::str::from_utf8(n).is_ok()) {
        let msg = to_message(field_pairs(fields), &FieldMap::default(), 0);
        assert!(msg.fields);
        let back = to_fields(&msg, &FieldMap::default())
            .unwrap_or_else(|e| panic!("an entry's fields do not write back: {e}"));
        let want: Vec<(Bytes, Bytes)> = pairs
            .iter()
            .map(|(n, v)| (Bytes::copy_from_slice(n), Bytes::copy_from_slice(v)))
            .collect();
        assert_eq!(
            back, want,
            "an entry's fields changed through tail and publish"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let mut input = Input::new(data);
    let choice = input.u8();
    let value = if choice & 1 == 1 {
        match redis::parse_redis_value(input.rest()) {
            Ok(v) => v,
            Err(_) => return,
        }
    } else {
        evctl_fuzz::redis_value(&mut input, 0)
    };
    let maps = maps();

    for e in entries(&value) {
        entry(&e, &maps);
    }
    for (_stream, es) in stream_replies(value.clone()) {
        for e in &es {
            entry(e, &maps);
        }
    }
    for item in list(&value) {
        let _ = id_of(item);
        let _ = entry_id(item);
        let _ = evctl::redis::info::int(item);
        let _ = evctl::redis::info::text(item);
        for (_name, v) in pairs(item) {
            let _ = reply_bytes(v);
            let _ = evctl::redis::info::int(v);
        }
    }
    let _ = reply_bytes(&value);

    let queue = Queue {
        prefix: "bull".into(),
        name: "emails".into(),
        version: Some("bullmq:5.7.0".into()),
        layout: Layout::of_version(Some("bullmq:5.7.0")),
        paused: false,
        concurrency: None,
        addr: "fuzz:6379".into(),
    };
    if let Ok(Some(job)) = Job::parse(&queue, "42", &value) {
        let _ = job.when();
        let _ = serde_json::to_string(&job);
    }
    if let Value::Array(items) = &value {
        for item in items.iter().take(16) {
            let _ = Job::parse(&queue, "1", item);
        }
    }
});
