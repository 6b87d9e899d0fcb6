#![no_main]
//! Registry-encoded payloads as `tail` decodes them (the bytes after the framing, from any
//! producer): `evctl::codec::avro::AvroCodec::decode` (evctl's own binary Avro reader, both JSON
//! forms of unions), `evctl::codec::protobuf::decode` (prost-reflect, at the message a
//! Confluent message-index path names: `framing::read_path` then `ProtoCodec::message_at`) and
//! `evctl::codec::json_schema::decode` (with the JSON Schema validation `JsonCodec::validate`).
//! The writer schemas are fixed: the project's own (schemas/, tests/fixtures/serde/) and two
//! written here to reach every Avro type and logical type. They are compiled once per process
//! (`AvroCodec` keeps its schemas for the life of the process).
//!
//! Input: byte 0 picks the schema (see `SCHEMAS` below; bit 7: Avro's JSON union form), the rest
//! is the payload; for Protobuf, the payload starts with the message-index path.
//!
//! Checked: what Avro decoding writes is one JSON value (nesting past serde_json's limit of 128
//! aside). The decoded JSON is encoded again with the same schema (result not asserted: a
//! decimal wider than its precision, say, decodes but does not encode).

use evctl::codec::avro::{AvroCodec, AvroJson};
use evctl::codec::framing::read_path;
use evctl::codec::json_schema::{self, JsonCodec};
use evctl::codec::protobuf::{self, ProtoCodec};
use libfuzzer_sys::fuzz_target;

const ALL_TYPES: &str = r#"{
  "type": "record", "name": "All", "namespace": "fuzz",
  "fields": [
    {"name": "n", "type": "null"},
    {"name": "b", "type": "boolean"},
    {"name": "i", "type": "int"},
    {"name": "l", "type": "long"},
    {"name": "f", "type": "float"},
    {"name": "d", "type": "double"},
    {"name": "by", "type": "bytes"},
    {"name": "s", "type": "string"},
    {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}},
    {"name": "fx", "type": {"type": "fixed", "name": "F4", "size": 4}},
    {"name": "arr", "type": {"type": "array", "items": "int"}},
    {"name": "map", "type": {"type": "map", "values": ["null", "string"]}},
    {"name": "u", "type": ["null", "int", "string", {"type": "array", "items": "E"}, "F4"]},
    {"name": "next", "type": ["null", "All"], "default": null}
  ]
}"#;

const LOGICAL_TYPES: &str = r#"{
  "type": "record", "name": "Logical", "namespace": "fuzz",
  "fields": [
    {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 20, "scale": 4}},
    {"name": "decf", "type": {"type": "fixed", "name": "D8", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 2}},
    {"name": "big", "type": {"type": "bytes", "logicalType": "big-decimal"}},
    {"name": "date", "type": {"type": "int", "logicalType": "date"}},
    {"name": "tm", "type": {"type": "int", "logicalType": "time-millis"}},
    {"name": "tu", "type": {"type": "long", "logicalType": "time-micros"}},
    {"name": "tsm", "type": {"type": "long", "logicalType": "timestamp-millis"}},
    {"name": "tsu", "type": {"type": "long", "logicalType": "timestamp-micros"}},
    {"name": "tsn", "type": {"type": "long", "logicalType": "timestamp-nanos"}},
    {"name": "ltm", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
    {"name": "ltu", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
    {"name": "ltn", "type": {"type": "long", "logicalType": "local-timestamp-nanos"}},
    {"name": "uuid", "type": {"type": "string", "logicalType": "uuid"}},
    {"name": "uuidf", "type": {"type": "fixed", "name": "U16", "size": 16, "logicalType": "uuid"}},
    {"name": "dur", "type": {"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}},
    {"name": "opt", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}, {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 9}]}
  ]
}"#;

/// The Avro writer schemas, by index (input byte 0 % 8 below 5).
const AVRO: [&str; 5] = [
    ALL_TYPES,
    LOGICAL_TYPES,
    include_str!("../../schemas/user-account-created.avsc"),
    include_str!("../../tests/fixtures/serde/inspection.avsc"),
    include_str!("../../tests/fixtures/serde/key.avsc"),
];

const ORDER_PROTO: &str = include_str!("../../tests/fixtures/serde/order.proto");
const MONEY_PROTO: &str = include_str!("../../tests/fixtures/serde/shop/v1/money.proto");
const INVOICE_PROTO: &str = include_str!("../../schemas/billing-invoice-issued.proto");
const ORDER_JSON_SCHEMA: &str = include_str!("../../tests/fixtures/serde/order.schema.json");

struct Codecs {
    avro: Vec<Option<AvroCodec>>,
    proto: Vec<Option<ProtoCodec>>,
    json: Option<JsonCodec>,
}

thread_local! {
    static CODECS: Codecs = Codecs {
        avro: AVRO.iter().map(|s| AvroCodec::new(s, &[]).ok()).collect(),
        proto: vec![
            ProtoCodec::new(
                "order.proto",
                ORDER_PROTO,
                &[("shop/v1/money.proto".to_string(), MONEY_PROTO.to_string())],
            )
            .ok(),
            ProtoCodec::new("billing-invoice-issued.proto", INVOICE_PROTO, &[]).ok(),
        ],
        json: JsonCodec::new(ORDER_JSON_SCHEMA, &[]).ok(),
    };
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, payload)) = data.split_first() else {
        return;
    };
    if payload.len() > 64 * 1024 {
        return;
    }
    CODECS.with(|c| {
        let mut out = Vec::new();
        match usize::from(choice & 7) {
            i @ 0..=4 => {
                let Some(codec) = &c.avro[i] else { return };
                let _ = codec.record_name();
                let mode = if choice & 0x80 != 0 {
                    AvroJson::Avro
                } else {
                    AvroJson::Plain
                };
                if codec.decode(payload, mode, &mut out).is_ok() {
                    match serde_json::from_slice::<serde_json::Value>(&out) {
                        // encoding needs the schema's names and types to fit: not asserted
                        Ok(json) => {
                            let _ = codec.encode(&json);
                        }
                        // recursive types nest deeper than serde_json's limit of 128
                        Err(e) if e.to_string().contains("recursion limit") => {}
                        Err(e) => panic!(
                            "Avro decoded to invalid JSON ({e}): {}",
                            String::from_utf8_lossy(&out)
                        ),
                    }
                }
            }
            i @ 5..=6 => {
                let Some(codec) = &c.proto[i - 5] else { return };
                let (msg, body) = match read_path(payload) {
                    Ok((path, used)) => match codec.message_at(&path) {
                        Ok(m) => (m, &payload[used..]),
                        Err(_) => return,
                    },
                    Err(_) => match codec.message_named(None) {
                        Ok((m, _)) => (m, payload),
                        Err(_) => return,
                    },
                };
                if protobuf::decode(&msg, body, &mut out).is_ok() {
                    let _ = protobuf::encode(&msg, &out);
                }
            }
            _ => {
                if json_schema::decode(payload, &mut out).is_ok()
                    && let Ok(json) = serde_json::from_slice::<serde_json::Value>(&out)
                    && let Some(codec) = &c.json
                {
                    let _ = codec.validate(&json);
                }
            }
        }
    });
});
