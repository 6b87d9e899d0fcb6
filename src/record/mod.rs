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
pub mod fields;
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
    /// Set when `value` holds a stream entry's fields as JSON object text (the default mapping
    /// of `record::fields`): JSON lines write it as that object, not as a string.
    pub fields: bool,
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

/// One record read from a log, losslessly: a [`Message`] and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    /// The topic or stream it was read from (shared by the records of one partition or stream,
    /// not copied).
    pub topic: Arc<str>,
    /// Where in it.
    pub at: Position,
    /// Who set the message's timestamp.
    pub timestamp_type: TimestampType,
    /// Key, value, headers and timestamp.
    pub msg: Message,
}

impl Record {
    /// The Kafka partition, or -1 for a stream entry (which has none).
    pub fn partition(&self) -> i32 {
        match self.at {
            Position::Offset { partition, .. } => partition,
            Position::Entry(_) | Position::Delivery { .. } => -1,
        }
    }

    /// The Kafka offset, or -1 for a stream entry (whose position is its id).
    pub fn offset(&self) -> i64 {
        match self.at {
            Position::Offset { offset, .. } => offset,
            Position::Entry(_) | Position::Delivery { .. } => -1,
        }
    }

    /// `topic/partition@offset` or `stream@id`: the record's address in messages.
    pub fn address(&self) -> String {
        match self.at {
            Position::Offset { partition, offset } => {
                format!("{}/{partition}@{offset}", self.topic)
            }
            Position::Entry(id) => format!("{}@{id}", self.topic),
            Position::Delivery { seq, .. } => format!("{}#{seq}", self.topic),
        }
    }
}

/// Where a record to publish must go, when its input line or the flags say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A Kafka partition (`--partition`, or the record's `partition`).
    Partition(i32),
    /// A stream entry id (the record's `id`, with `--keep-ids`).
    Id(StreamId),
}

/// Where a record was read: the position kinds of the transports that have one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    /// A Kafka partition and an offset in it.
    Offset { partition: i32, offset: i64 },
    /// A Redis stream entry, by its id.
    Entry(StreamId),
    /// A message delivered from a RabbitMQ queue, which has no offsets: its number in this read,
    /// and whether the broker had delivered it before.
    Delivery { seq: u64, redelivered: bool },
}

impl Default for Position {
    fn default() -> Self {
        Position::Offset {
            partition: 0,
            offset: 0,
        }
    }
}

/// A Redis stream entry id, `MS-SEQ`: the milliseconds part and a sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct StreamId {
    pub ms: u64,
    pub seq: u64,
}

impl StreamId {
    /// The smallest id (`0-0`).
    pub const MIN: StreamId = StreamId { ms: 0, seq: 0 };
    /// The largest id.
    pub const MAX: StreamId = StreamId {
        ms: u64::MAX,
        seq: u64::MAX,
    };

    /// Parses `MS-SEQ` or `MS` (sequence 0), as Redis writes and reads ids.
    pub fn parse(s: &str) -> Result<StreamId, String> {
        let bad = || format!("{s:?} is not a stream id (expected MS-SEQ, like 1700000000000-0)");
        let (ms, seq) = s.split_once('-').unwrap_or((s, "0"));
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(ms) || !digits(seq) {
            return Err(bad());
        }
        Ok(StreamId {
            ms: ms.parse().map_err(|_| bad())?,
            seq: seq.parse().map_err(|_| bad())?,
        })
    }

    /// Parses the bytes of an id as Redis sends them.
    pub fn from_bytes(b: &[u8]) -> Option<StreamId> {
        std::str::from_utf8(b)
            .ok()
            .and_then(|s| StreamId::parse(s).ok())
    }

    /// The next id (for an exclusive start).
    pub fn next(self) -> Option<StreamId> {
        match self.seq.checked_add(1) {
            Some(seq) => Some(StreamId { ms: self.ms, seq }),
            None => self.ms.checked_add(1).map(|ms| StreamId { ms, seq: 0 }),
        }
    }

    /// Appends `MS-SEQ`.
    pub fn write(self, out: &mut Vec<u8>) {
        let mut num = itoa::Buffer::new();
        out.extend_from_slice(num.format(self.ms).as_bytes());
        out.push(b'-');
        out.extend_from_slice(num.format(self.seq).as_bytes());
    }
}

impl std::fmt::Display for StreamId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.ms, self.seq)
    }
}

#[cfg(test)]
mod position_tests {
    use super::*;

    #[test]
    fn stream_ids_parse_print_and_order() {
        let id = StreamId::parse("1700000000000-7").unwrap();
        assert_eq!(
            id,
            StreamId {
                ms: 1_700_000_000_000,
                seq: 7
            }
        );
        assert_eq!(id.to_string(), "1700000000000-7");
        assert_eq!(StreamId::parse("5").unwrap(), StreamId { ms: 5, seq: 0 });
        for bad in [
            "",
            "-",
            "1-",
            "-1",
            "a-1",
            "1-2-3",
            "18446744073709551616-0",
            " 1-0",
        ] {
            assert!(StreamId::parse(bad).is_err(), "{bad}");
        }
        assert!(StreamId { ms: 1, seq: 9 } < StreamId { ms: 2, seq: 0 });
        assert_eq!(
            StreamId {
                ms: 1,
                seq: u64::MAX
            }
            .next(),
            Some(StreamId { ms: 2, seq: 0 })
        );
        assert_eq!(StreamId::MAX.next(), None);
        let mut out = Vec::new();
        id.write(&mut out);
        assert_eq!(out, b"1700000000000-7");
    }
}
