#![no_main]
//! Dead-letter context: `evctl::dlq::dialect::decode` of a record whose headers, key and value
//! come from the input, with no custom dialect and with a topics.yaml-style one.
//!
//! Input: byte 0 is the record's choice byte (position, timestamp type, timestamp), then fields
//! split at `0x00`: topic, key, value, then header name/value pairs. A header name that is a
//! single byte below 0x40 is replaced by the known header of that index (Kafka Connect, Kafka
//! Streams, Spring DLT and retry topics, evctl's own, watermill's, the custom dialect's), so
//! values reach their decoders (decimal, 4/8-byte binary, BigInteger, `Class: message`, JSON
//! dead letters in the value). A field that is exactly `0x01` is null.
//!
//! Checked: what `decode` found, written back as evctl's own headers (`evctl_headers`), decodes
//! to the same typed fields (that is what evctl writes when it parks a record).

use evctl::dlq::dialect::{CustomDialect, DeadLetter, Dialect, decode, evctl_headers};
use evctl::record::Record;
use libfuzzer_sys::fuzz_target;

const KNOWN: &[&str] = &[
    "__connect.errors.topic",
    "__connect.errors.partition",
    "__connect.errors.offset",
    "__connect.errors.connector.name",
    "__connect.errors.task.id",
    "__connect.errors.stage",
    "__connect.errors.class.name",
    "__connect.errors.exception.class.name",
    "__connect.errors.exception.message",
    "__connect.errors.exception.stacktrace",
    "__streams.errors.topic",
    "__streams.errors.partition",
    "__streams.errors.offset",
    "__streams.errors.exception",
    "__streams.errors.message",
    "__streams.errors.stacktrace",
    "kafka_dlt-original-topic",
    "kafka_dlt-original-partition",
    "kafka_dlt-original-offset",
    "kafka_dlt-original-timestamp",
    "kafka_dlt-original-timestamp-type",
    "kafka_dlt-original-consumer-group",
    "kafka_dlt-exception-fqcn",
    "kafka_dlt-exception-cause-fqcn",
    "kafka_dlt-exception-message",
    "kafka_dlt-exception-stacktrace",
    "kafka_dlt-key-exception-fqcn",
    "kafka_dlt-key-exception-cause-fqcn",
    "kafka_dlt-key-exception-message",
    "kafka_original-topic",
    "kafka_original-partition",
    "kafka_original-offset",
    "kafka_original-timestamp",
    "kafka_exception-fqcn",
    "kafka_exception-cause-fqcn",
    "kafka_exception-message",
    "retry_topic-attempts",
    "retry_topic-backoff-timestamp",
    "retry_topic-original-timestamp",
    "evctl-original-topic",
    "evctl-original-partition",
    "evctl-original-offset",
    "evctl-original-timestamp",
    "evctl-error-class",
    "evctl-error-message",
    "evctl-attempts",
    "evctl-replay-count",
    "topic_poisoned",
    "reason_poisoned",
    "handler_poisoned",
    "subscriber_poisoned",
    "x-original-topic",
    "X_Original.Partition",
    "app.error-class",
    "retry_count",
    "x-source-topic",
    "x-source-partition",
    "x-source-offset",
    "x-source-ts",
    "x-error-kind",
    "x-error",
    "x-tries",
];

fn custom() -> Vec<CustomDialect> {
    let s = |v: &str| Some(v.to_string());
    vec![CustomDialect {
        name: "orders-dlq".into(),
        original_topic: s("x-source-topic"),
        original_partition: s("x-source-partition"),
        original_offset: s("x-source-offset"),
        original_timestamp: s("x-source-ts"),
        error_class: s("x-error-kind"),
        error_message: s("x-error"),
        attempts: s("x-tries"),
    }]
}

/// The typed fields `evctl_headers` carries.
fn typed(d: &DeadLetter) -> impl PartialEq + std::fmt::Debug {
    (
        d.original_topic.clone(),
        d.original_partition,
        d.original_offset,
        d.original_timestamp,
        d.error_class.clone(),
        d.error_message.clone(),
        d.attempts,
    )
}

fn check(r: &Record, custom: &[CustomDialect]) {
    let dl = decode(r, custom);
    assert!(
        !dl.error_headers.iter().any(|h| h == "evctl-replay-count"),
        "the replay counter is never error context"
    );
    let headers = evctl_headers(&dl);
    let parked = Record {
        msg: evctl::record::Message {
            headers,
            ..Default::default()
        },
        ..Default::default()
    };
    let back = decode(&parked, &[]);
    assert_eq!(typed(&back), typed(&dl), "evctl's headers lost something");
    if back != DeadLetter::default() {
        assert_eq!(back.dialect, Some(Dialect::Evctl));
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let mut r = evctl_fuzz::record_from(data);
    for (name, _) in r.msg.headers.iter_mut() {
        let index = match name.as_bytes() {
            [b] => usize::from(*b),
            _ => continue,
        };
        if let Some(known) = KNOWN.get(index) {
            *name = (*known).to_string();
        }
    }
    check(&r, &[]);
    check(&r, &custom());
});
