//! The one lossless record model shared by `publish`, `tail` and `dlq`, and its conversions: a
//! [`Message`] (key, value, headers, timestamp) from input line to producer, and inside a
//! [`Record`] (with where it was read) from fetcher to writer. This layer imports no transport
//! and no command.
//!
//! Null is not empty: a key, value or header value of `None` (null) and one of `Some(empty)` are
//! different records and every conversion here keeps them apart.
//!
//! - [`envelope`]: the event envelope and CloudEvents records of `publish --envelope` and
//!   `publish --cloudevents`.
//! - [`filter`]: the record filters of `tail` (`--key`, `--header`, `--grep`, `--where`).
//! - [`input`]: publish's input lines (lines or JSON-lines records) and the flags applied to them.
//! - [`json`]: the JSON-lines codec (design.md §4), written by `tail -o json` and read by
//!   `publish --format json`.
//! - [`offsets`]: the offset syntax of `--from` / `--to` (`start`, `end`, `N`, `+N`, `-N`,
//!   `@TIME`, `@-1h`, ranges `a:b`).
//! - [`time`]: RFC 3339 timestamps with millisecond precision, to and from epoch milliseconds.

use std::sync::Arc;

use bytes::Bytes;

pub mod envelope;
pub mod filter;
pub mod input;
pub mod json;
pub mod offsets;
pub mod time;

/// How a record's timestamp was set (Kafka's `timestampType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimestampType {
    /// Set by the producer (`CreateTime`).
    #[default]
    Create,
    /// Set by the broker when it appended the record (`LogAppendTime`).
    LogAppend,
    /// No timestamp (pre-0.10 message format).
    NotAvailable,
}

impl TimestampType {
    /// The name used in JSON lines: `create`, `log_append` or `not_available`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimestampType::Create => "create",
            TimestampType::LogAppend => "log_append",
            TimestampType::NotAvailable => "not_available",
        }
    }

    /// Parses the name written by [`TimestampType::as_str`].
    pub fn parse(s: &str) -> Result<TimestampType, String> {
        match s {
            "create" => Ok(TimestampType::Create),
            "log_append" => Ok(TimestampType::LogAppend),
            "not_available" => Ok(TimestampType::NotAvailable),
            other => Err(format!(
                "unknown timestamp_type {other:?} (expected \"create\", \"log_append\" or \"not_available\")"
            )),
        }
    }
}

impl std::fmt::Display for TimestampType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a record carries wherever it is held: the one payload from input to producer and from
/// fetcher to writer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    /// The key; `None` is a null key, distinct from an empty one.
    pub key: Option<Bytes>,
    /// The value; `None` is a null value (a tombstone), distinct from an empty one.
    pub value: Option<Bytes>,
    /// Headers in wire order, duplicates kept; a `None` value is a null header value.
    pub headers: Vec<(String, Option<Bytes>)>,
    /// Milliseconds since the Unix epoch (may be negative).
    pub timestamp: i64,
    /// Set when `key` holds the JSON text of a registry-encoded key (decoded by `tail`, or to be
    /// encoded by `publish`): which schema it is in.
    pub key_schema: Option<Arc<SchemaTag>>,
    /// The same for `value`.
    pub value_schema: Option<Arc<SchemaTag>>,
}

/// The registry schema of a decoded key or value, as `tail -o json` writes it in `key_schema` /
/// `value_schema` and `publish --format json` reads it back to encode with the same schema.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SchemaTag {
    /// The registry's schema id.
    pub id: i32,
    /// The subject and version that hold it (preferring the topic's own subject), when known.
    pub subject: Option<String>,
    pub version: Option<i64>,
    /// `AVRO`, `PROTOBUF` or `JSON`.
    pub format: String,
    /// Protobuf: the message's full name.
    pub message: Option<String>,
    /// Set when the schema was named by a header (header framing): its GUID.
    pub guid: Option<String>,
}

/// One Kafka record, losslessly: a [`Message`] and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    /// The topic it was read from (shared by the records of one partition, not copied).
    pub topic: Arc<str>,
    /// The partition.
    pub partition: i32,
    /// The offset in the partition.
    pub offset: i64,
    /// Who set the message's timestamp.
    pub timestamp_type: TimestampType,
    /// Key, value, headers and timestamp.
    pub msg: Message,
}
