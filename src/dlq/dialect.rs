//! Dead-letter dialects: the headers (and JSON values) that tools write on a dead letter, and
//! [`decode`], which reads them back into one [`DeadLetter`].
//!
//! The same concept arrives in three encodings (lag-and-dlq.md B1): decimal text (Connect,
//! Streams, evctl), fixed big-endian binary (Spring's partition, offset and timestamp) and Java's
//! variable-length `BigInteger.toByteArray()` (Spring retry topics). Each header is recognised by
//! its exact name and decoded as its dialect says; a value that does not decode that way is shown
//! as hex (`0x0a0b…`) in [`DeadLetter::fields`] and leaves the typed field empty. Nothing is
//! dropped.
//!
//! | Dialect | Headers | Encoding |
//! |---|---|---|
//! | [`Dialect::Connect`] (sink connector DLQ) | `__connect.errors.topic`, `.partition`, `.offset`, `.connector.name`, `.task.id`, `.stage`, `.class.name`, `.exception.class.name`, `.exception.message`, `.exception.stacktrace` | text; partition and offset decimal |
//! | [`Dialect::Streams`] (KIP-1034) | `__streams.errors.topic`, `.partition`, `.offset`, `.exception`, `.message`, `.stacktrace` | text; partition and offset decimal; `exception` is `e.toString()` (`class.Name: message`) |
//! | [`Dialect::SpringDlt`] (`DeadLetterPublishingRecoverer`) | `kafka_dlt-original-topic`, `-original-partition`, `-original-offset`, `-original-timestamp`, `-original-timestamp-type`, `-original-consumer-group`, `-exception-fqcn`, `-exception-cause-fqcn`, `-exception-message`, `-exception-stacktrace`, and `kafka_dlt-key-exception-*` | partition 4-byte and offset/timestamp 8-byte big-endian; the rest text |
//! | [`Dialect::SpringRetry`] (retry topics) | `kafka_original-topic`, `-partition`, `-offset`, `-timestamp`, `-timestamp-type`, `kafka_exception-fqcn`, `-message`, `-stacktrace`, `-cause-fqcn`, `retry_topic-attempts`, `retry_topic-backoff-timestamp`, `retry_topic-original-timestamp` | as Spring DLT; `retry_topic-*` are `BigInteger` bytes |
//! | [`Dialect::Evctl`] | see below | decimal text |
//! | [`Dialect::Custom`] | the header names of a topics.yaml `dialects:` entry ([`CustomDialect`]) | text; numbers as decimal text, else 4/8-byte big-endian |
//! | [`Dialect::JsonEnvelope`] | none: the value is a JSON dead letter (below) | JSON |
//! | [`Dialect::Unknown`] | no dialect, but headers named like dead-letter context: `*original-topic`, `*original-partition`, `*original-offset`, `*original-timestamp`, `*error-class`, `*exception-class`, `*error-message`, `*exception-message`, `*attempt-count`, `*retry-count` (any of `-` `_` `.` between the words, any case), watermill's `topic_poisoned`, `reason_poisoned`, `handler_poisoned`, `subscriber_poisoned` | as custom dialects |
//!
//! Binary integers are decoded by length: 4 bytes are an `i32`, 8 bytes an `i64`; any other
//! length is hex. `BigInteger` bytes are big-endian two's complement of any length up to 8 (longer
//! only with pure sign-extension bytes in front). Other headers under a dialect's prefix
//! (`__connect.errors.`, `__streams.errors.`, `kafka_dlt-`, `kafka_original-`, `kafka_exception-`,
//! `retry_topic-`) are recognised as context of that dialect and shown as text (hex when not
//! UTF-8). A null header value is shown as `null`. Display values are the raw text (stack traces
//! keep their newlines): sanitize them before printing to a terminal.
//!
//! **What evctl writes** (its own dialect, decimal text, see [`evctl_headers`]): when evctl
//! dead-letters or parks a record itself it records `evctl-original-topic`,
//! `evctl-original-partition`, `evctl-original-offset`, `evctl-original-timestamp` (epoch ms),
//! `evctl-error-class`, `evctl-error-message` and `evctl-attempts`. Every replay sets
//! [`REPLAY_COUNT_HEADER`] (`evctl-replay-count`, decimal) to one more than before; it is the loop
//! guard, not error context, so it is never among [`DeadLetter::error_headers`].
//!
//! **JSON dead letters**: when the value is a JSON object of one of these shapes (only objects
//! count), its context is read too, shown as `json.<path>` pseudo-fields:
//! - `{"original_event": …, "error": …, "timestamp": …}`; the original topic from
//!   `original_topic`, `topic` or `source_topic`, at the top level or in
//!   `original_event.metadata`.
//! - the platform event envelope (`id`, `type`, `payload`) with a non-null `error`, and
//!   `attempt_count` or `attempts`; the original topic from `original_topic` or
//!   `metadata.original_topic`; the original timestamp from `occurred_at`.
//!
//! `error` is a string (the message; the class only when it reads `Class: message` with a
//! class-like name) or an object with `type`, `class` or `name` and `message`. Timestamps are RFC
//! 3339 (one without an offset is taken as UTC) or epoch milliseconds. Both shapes also read
//! `original_partition`, `original_offset` and `consumer_group` at the top level.
//!
//! **Which wins.** Tools append their headers, so the last recognised header belongs to the most
//! recent hop: its dialect is [`DeadLetter::dialect`] and sets the typed fields first, then the
//! other header dialects fill what is still empty (most recent first), then a JSON dead letter,
//! then the [`Dialect::Unknown`] guesses. Within a dialect the last occurrence of a header wins
//! (Kafka's `lastHeader`, as Spring appends a new set on each hop), and key-exception headers only
//! stand in for missing value-exception ones. A header named in a [`CustomDialect`] is read as
//! that dialect even when a built-in one uses the name (the first custom dialect naming it wins).
//! Connect and Streams keep the original timestamp as the record's own, so when one of them wrote
//! the record, the record timestamp is the original timestamp. Spring wraps listener failures in
//! `ListenerExecutionFailedException`: when the class is that wrapper and a cause class is given,
//! the error class is the cause.

use std::fmt;

use bytes::Bytes;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::record::time::parse_rfc3339;
use crate::record::{Record, TimestampType};

/// The replay counter evctl sets on every record it replays (decimal text).
pub const REPLAY_COUNT_HEADER: &str = "evctl-replay-count";

/// evctl's own dialect: the original topic.
pub const EVCTL_ORIGINAL_TOPIC: &str = "evctl-original-topic";
/// evctl's own dialect: the original partition (decimal).
pub const EVCTL_ORIGINAL_PARTITION: &str = "evctl-original-partition";
/// evctl's own dialect: the original offset (decimal).
pub const EVCTL_ORIGINAL_OFFSET: &str = "evctl-original-offset";
/// evctl's own dialect: the original timestamp (decimal epoch milliseconds).
pub const EVCTL_ORIGINAL_TIMESTAMP: &str = "evctl-original-timestamp";
/// evctl's own dialect: the error class.
pub const EVCTL_ERROR_CLASS: &str = "evctl-error-class";
/// evctl's own dialect: the error message.
pub const EVCTL_ERROR_MESSAGE: &str = "evctl-error-message";
/// evctl's own dialect: how many times processing was attempted (decimal).
pub const EVCTL_ATTEMPTS: &str = "evctl-attempts";

/// The names of the built-in dialects ([`Dialect::name`]); a custom dialect may not take one.
pub const BUILTIN_DIALECTS: &[&str] = &[
    "connect",
    "streams",
    "spring_dlt",
    "spring_retry",
    "evctl",
    "json_envelope",
    "unknown",
];

/// Who wrote a dead letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    /// Kafka Connect's sink dead-letter queue (`__connect.errors.*`).
    Connect,
    /// Kafka Streams' dead-letter queue, KIP-1034 (`__streams.errors.*`).
    Streams,
    /// Spring Kafka's `DeadLetterPublishingRecoverer` (`kafka_dlt-*`).
    SpringDlt,
    /// Spring Kafka's non-blocking retry topics (`kafka_original-*`, `retry_topic-*`).
    SpringRetry,
    /// evctl's own headers (`evctl-*`).
    Evctl,
    /// A JSON dead letter in the value.
    JsonEnvelope,
    /// A `dialects:` entry of topics.yaml, by name.
    Custom(String),
    /// Headers named like dead-letter context, but of no known dialect.
    Unknown,
}

impl Dialect {
    /// The snake_case name (as serialized), or the custom dialect's own name.
    pub fn name(&self) -> &str {
        match self {
            Dialect::Connect => "connect",
            Dialect::Streams => "streams",
            Dialect::SpringDlt => "spring_dlt",
            Dialect::SpringRetry => "spring_retry",
            Dialect::Evctl => "evctl",
            Dialect::JsonEnvelope => "json_envelope",
            Dialect::Custom(name) => name,
            Dialect::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// True when `name` is a built-in dialect's, compared without case and with `-` as `_`.
pub fn is_builtin_dialect(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace('-', "_");
    BUILTIN_DIALECTS.contains(&n.as_str())
}

/// What a dead letter says about the record that failed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DeadLetter {
    /// The dialect of the most recent hop; None when nothing was recognised.
    pub dialect: Option<Dialect>,
    pub original_topic: Option<String>,
    pub original_partition: Option<i32>,
    pub original_offset: Option<i64>,
    /// Epoch milliseconds.
    pub original_timestamp: Option<i64>,
    /// Like `java.lang.IllegalStateException`.
    pub error_class: Option<String>,
    pub error_message: Option<String>,
    pub attempts: Option<i64>,
    pub consumer_group: Option<String>,
    /// From [`REPLAY_COUNT_HEADER`] (its last occurrence, decimal); 0 when absent or not a number.
    pub replay_count: u32,
    /// The names of the headers that carry dead-letter context, each once in record order: error
    /// and original-* ones of every dialect (a replayed record goes back to its original topic, so
    /// all of them are what `--strip-error-headers` removes). Never [`REPLAY_COUNT_HEADER`].
    pub error_headers: Vec<String>,
    /// Every recognised header, in record order and duplicates kept, as (name, display value):
    /// decoded text or number, `0x…` hex when it does not decode as its dialect says, `null` for
    /// a null value. Then the `json.<path>` pseudo-fields of a JSON dead letter.
    pub fields: Vec<(String, String)>,
}

/// A dialect of your own, from topics.yaml's `dialects:`: the names of the headers that carry each
/// piece of context. Text fields are read as UTF-8; numbers as decimal text, else as 4- or 8-byte
/// big-endian binary, else shown as hex.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CustomDialect {
    pub name: String,
    pub original_topic: Option<String>,
    pub original_partition: Option<String>,
    pub original_offset: Option<String>,
    pub original_timestamp: Option<String>,
    pub error_class: Option<String>,
    pub error_message: Option<String>,
    pub attempts: Option<String>,
}

impl CustomDialect {
    /// The header names given, with what they carry.
    fn headers(&self) -> [(Role, Option<&str>); 7] {
        [
            (Role::Topic, self.original_topic.as_deref()),
            (Role::Partition, self.original_partition.as_deref()),
            (Role::Offset, self.original_offset.as_deref()),
            (Role::Timestamp, self.original_timestamp.as_deref()),
            (Role::Class, self.error_class.as_deref()),
            (Role::Message, self.error_message.as_deref()),
            (Role::Attempts, self.attempts.as_deref()),
        ]
    }
}

/// The headers of evctl's own dialect for the typed fields of `dl` that are set (decimal text),
/// in the order of the module doc. The replay count is not among them.
pub fn evctl_headers(dl: &DeadLetter) -> Vec<(String, Option<Bytes>)> {
    let mut out = Vec::new();
    let mut push = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            out.push((name.to_string(), Some(Bytes::from(v))));
        }
    };
    push(EVCTL_ORIGINAL_TOPIC, dl.original_topic.clone());
    push(
        EVCTL_ORIGINAL_PARTITION,
        dl.original_partition.map(|n| n.to_string()),
    );
    push(
        EVCTL_ORIGINAL_OFFSET,
        dl.original_offset.map(|n| n.to_string()),
    );
    push(
        EVCTL_ORIGINAL_TIMESTAMP,
        dl.original_timestamp.map(|n| n.to_string()),
    );
    push(EVCTL_ERROR_CLASS, dl.error_class.clone());
    push(EVCTL_ERROR_MESSAGE, dl.error_message.clone());
    push(EVCTL_ATTEMPTS, dl.attempts.map(|n| n.to_string()));
    out
}

// ---------------------------------------------------------------- header tables

/// Which dialect a header belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Connect,
    Streams,
    SpringDlt,
    SpringRetry,
    Evctl,
    /// The index of a custom dialect.
    Custom(usize),
    /// Named like dead-letter context ([`Dialect::Unknown`]).
    Generic,
}

/// What a header carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Topic,
    Partition,
    Offset,
    Timestamp,
    Class,
    /// The cause's class (Spring): the error class when the class is a wrapper.
    Cause,
    Message,
    Attempts,
    Group,
    /// Context shown but not typed (stack traces, stage, timestamp type…).
    Info,
}

impl Role {
    fn numeric(self) -> bool {
        matches!(
            self,
            Role::Partition | Role::Offset | Role::Timestamp | Role::Attempts
        )
    }
}

/// How a header's value is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    /// UTF-8 text.
    Text,
    /// A decimal number as text.
    Decimal,
    /// A 4- or 8-byte big-endian integer.
    Binary,
    /// Java's `BigInteger.toByteArray()`.
    BigInt,
    /// Kafka Streams' `e.toString()`: `class.Name: message` or the class alone.
    StreamsException,
    /// Decimal text, else a 4- or 8-byte big-endian integer (custom and unknown dialects).
    Flexible,
}

/// A header's meaning: its dialect, what it carries, how, and whether it only stands in when the
/// dialect's main header for the role is missing.
#[derive(Debug, Clone, Copy)]
struct Meaning {
    source: Source,
    role: Role,
    enc: Enc,
    fallback: bool,
}

const fn m(source: Source, role: Role, enc: Enc) -> Meaning {
    Meaning {
        source,
        role,
        enc,
        fallback: false,
    }
}

const fn fb(source: Source, role: Role, enc: Enc) -> Meaning {
    Meaning {
        source,
        role,
        enc,
        fallback: true,
    }
}

use Enc::{BigInt, Binary, Decimal, StreamsException, Text};
use Source::{Connect, Evctl, SpringDlt, SpringRetry, Streams};

/// The built-in headers, by exact name.
const KNOWN: &[(&str, Meaning)] = &[
    ("__connect.errors.topic", m(Connect, Role::Topic, Text)),
    (
        "__connect.errors.partition",
        m(Connect, Role::Partition, Decimal),
    ),
    ("__connect.errors.offset", m(Connect, Role::Offset, Decimal)),
    (
        "__connect.errors.connector.name",
        m(Connect, Role::Info, Text),
    ),
    ("__connect.errors.task.id", m(Connect, Role::Info, Text)),
    ("__connect.errors.stage", m(Connect, Role::Info, Text)),
    ("__connect.errors.class.name", m(Connect, Role::Info, Text)),
    (
        "__connect.errors.exception.class.name",
        m(Connect, Role::Class, Text),
    ),
    (
        "__connect.errors.exception.message",
        m(Connect, Role::Message, Text),
    ),
    (
        "__connect.errors.exception.stacktrace",
        m(Connect, Role::Info, Text),
    ),
    ("__streams.errors.topic", m(Streams, Role::Topic, Text)),
    (
        "__streams.errors.partition",
        m(Streams, Role::Partition, Decimal),
    ),
    ("__streams.errors.offset", m(Streams, Role::Offset, Decimal)),
    (
        "__streams.errors.exception",
        m(Streams, Role::Class, StreamsException),
    ),
    ("__streams.errors.message", m(Streams, Role::Message, Text)),
    ("__streams.errors.stacktrace", m(Streams, Role::Info, Text)),
    ("kafka_dlt-original-topic", m(SpringDlt, Role::Topic, Text)),
    (
        "kafka_dlt-original-partition",
        m(SpringDlt, Role::Partition, Binary),
    ),
    (
        "kafka_dlt-original-offset",
        m(SpringDlt, Role::Offset, Binary),
    ),
    (
        "kafka_dlt-original-timestamp",
        m(SpringDlt, Role::Timestamp, Binary),
    ),
    (
        "kafka_dlt-original-timestamp-type",
        m(SpringDlt, Role::Info, Text),
    ),
    (
        "kafka_dlt-original-consumer-group",
        m(SpringDlt, Role::Group, Text),
    ),
    ("kafka_dlt-exception-fqcn", m(SpringDlt, Role::Class, Text)),
    (
        "kafka_dlt-exception-cause-fqcn",
        m(SpringDlt, Role::Cause, Text),
    ),
    (
        "kafka_dlt-exception-message",
        m(SpringDlt, Role::Message, Text),
    ),
    (
        "kafka_dlt-exception-stacktrace",
        m(SpringDlt, Role::Info, Text),
    ),
    (
        "kafka_dlt-key-exception-fqcn",
        fb(SpringDlt, Role::Class, Text),
    ),
    (
        "kafka_dlt-key-exception-cause-fqcn",
        fb(SpringDlt, Role::Cause, Text),
    ),
    (
        "kafka_dlt-key-exception-message",
        fb(SpringDlt, Role::Message, Text),
    ),
    (
        "kafka_dlt-key-exception-stacktrace",
        m(SpringDlt, Role::Info, Text),
    ),
    ("kafka_original-topic", m(SpringRetry, Role::Topic, Text)),
    (
        "kafka_original-partition",
        m(SpringRetry, Role::Partition, Binary),
    ),
    (
        "kafka_original-offset",
        m(SpringRetry, Role::Offset, Binary),
    ),
    (
        "kafka_original-timestamp",
        m(SpringRetry, Role::Timestamp, Binary),
    ),
    (
        "kafka_original-timestamp-type",
        m(SpringRetry, Role::Info, Text),
    ),
    ("kafka_exception-fqcn", m(SpringRetry, Role::Class, Text)),
    (
        "kafka_exception-cause-fqcn",
        m(SpringRetry, Role::Cause, Text),
    ),
    (
        "kafka_exception-message",
        m(SpringRetry, Role::Message, Text),
    ),
    (
        "kafka_exception-stacktrace",
        m(SpringRetry, Role::Info, Text),
    ),
    (
        "retry_topic-attempts",
        m(SpringRetry, Role::Attempts, BigInt),
    ),
    (
        "retry_topic-backoff-timestamp",
        m(SpringRetry, Role::Info, BigInt),
    ),
    (
        "retry_topic-original-timestamp",
        fb(SpringRetry, Role::Timestamp, BigInt),
    ),
    (EVCTL_ORIGINAL_TOPIC, m(Evctl, Role::Topic, Text)),
    (EVCTL_ORIGINAL_PARTITION, m(Evctl, Role::Partition, Decimal)),
    (EVCTL_ORIGINAL_OFFSET, m(Evctl, Role::Offset, Decimal)),
    (EVCTL_ORIGINAL_TIMESTAMP, m(Evctl, Role::Timestamp, Decimal)),
    (EVCTL_ERROR_CLASS, m(Evctl, Role::Class, Text)),
    (EVCTL_ERROR_MESSAGE, m(Evctl, Role::Message, Text)),
    (EVCTL_ATTEMPTS, m(Evctl, Role::Attempts, Decimal)),
    // watermill's poison queue
    ("topic_poisoned", m(Source::Generic, Role::Topic, Text)),
    ("reason_poisoned", m(Source::Generic, Role::Message, Text)),
    ("handler_poisoned", m(Source::Generic, Role::Info, Text)),
    ("subscriber_poisoned", m(Source::Generic, Role::Info, Text)),
];

/// Prefixes of the built-in dialects: other headers under them are that dialect's context.
const PREFIXES: &[(&str, Source)] = &[
    ("__connect.errors.", Connect),
    ("__streams.errors.", Streams),
    ("kafka_dlt-", SpringDlt),
    ("kafka_original-", SpringRetry),
    ("kafka_exception-", SpringRetry),
    ("retry_topic-", SpringRetry),
];

/// Word endings of header names that look like dead-letter context (after [`normalise`]).
const GENERIC_ENDINGS: &[(&str, Role)] = &[
    ("original_topic", Role::Topic),
    ("original_partition", Role::Partition),
    ("original_offset", Role::Offset),
    ("original_timestamp", Role::Timestamp),
    ("error_class", Role::Class),
    ("exception_class", Role::Class),
    ("error_message", Role::Message),
    ("exception_message", Role::Message),
    ("attempt_count", Role::Attempts),
    ("retry_count", Role::Attempts),
];

/// Lower case, with `-` and `.` as `_`.
fn normalise(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// What a header means, if anything.
fn classify(name: &str, custom: &[CustomDialect]) -> Option<Meaning> {
    let flexible = |source, role: Role| {
        m(
            source,
            role,
            if role.numeric() { Enc::Flexible } else { Text },
        )
    };
    for (i, c) in custom.iter().enumerate() {
        if let Some((role, _)) = c.headers().into_iter().find(|(_, h)| *h == Some(name)) {
            return Some(flexible(Source::Custom(i), role));
        }
    }
    if let Some((_, meaning)) = KNOWN.iter().find(|(n, _)| *n == name) {
        return Some(*meaning);
    }
    if let Some((_, source)) = PREFIXES.iter().find(|(p, _)| name.starts_with(p)) {
        return Some(m(*source, Role::Info, Text));
    }
    let n = normalise(name);
    GENERIC_ENDINGS
        .iter()
        .find(|(end, _)| {
            n.strip_suffix(end)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('_'))
        })
        .map(|(_, role)| flexible(Source::Generic, *role))
}

// ---------------------------------------------------------------- values

/// A decoded header value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Val {
    Text(String),
    Int(i64),
    /// Null, or not decodable as its dialect says.
    Bad,
}

impl Val {
    /// Non-empty text.
    fn text(&self) -> Option<String> {
        match self {
            Val::Text(t) if !t.is_empty() => Some(t.clone()),
            _ => None,
        }
    }

    fn int(&self) -> Option<i64> {
        match self {
            Val::Int(n) => Some(*n),
            _ => None,
        }
    }
}

/// `0x` and the bytes in lower-case hex.
fn hex(b: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(2 + 2 * b.len());
    out.push_str("0x");
    for byte in b {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

fn decimal<T: std::str::FromStr>(b: &[u8]) -> Option<T> {
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// A 4-byte (`int`) or 8-byte (`long`) big-endian integer.
fn binary(b: &[u8]) -> Option<i64> {
    match b.len() {
        4 => Some(i64::from(i32::from_be_bytes(b.try_into().ok()?))),
        8 => Some(i64::from_be_bytes(b.try_into().ok()?)),
        _ => None,
    }
}

/// Java's `BigInteger.toByteArray()`: big-endian two's complement, as few bytes as needed. Longer
/// than 8 bytes only when the extra leading bytes are sign extension.
fn big_integer(b: &[u8]) -> Option<i64> {
    let &first = b.first()?;
    let fill = if first & 0x80 != 0 { 0xff } else { 0x00 };
    let (head, tail) = b.split_at(b.len().saturating_sub(8));
    if head.iter().any(|&x| x != fill) || (!head.is_empty() && (tail[0] & 0x80 != 0) != (fill != 0))
    {
        return None;
    }
    let mut buf = [fill; 8];
    buf[8 - tail.len()..].copy_from_slice(tail);
    Some(i64::from_be_bytes(buf))
}

/// Decodes a header value: its display form and its value.
fn decode_value(enc: Enc, value: Option<&[u8]>) -> (String, Val) {
    let Some(b) = value else {
        return ("null".to_string(), Val::Bad);
    };
    let int = match enc {
        Enc::Text | Enc::StreamsException => {
            return match std::str::from_utf8(b) {
                Ok(t) => (t.to_string(), Val::Text(t.to_string())),
                Err(_) => (hex(b), Val::Bad),
            };
        }
        Enc::Decimal => decimal(b),
        Enc::Binary => binary(b),
        Enc::BigInt => big_integer(b),
        Enc::Flexible => decimal(b).or_else(|| binary(b)),
    };
    match int {
        Some(n) => (n.to_string(), Val::Int(n)),
        None => (hex(b), Val::Bad),
    }
}

/// Kafka Streams' `e.toString()`: the class before the first `: `, and the message after it.
fn split_exception(s: &str) -> (&str, Option<&str>) {
    match s.split_once(": ") {
        Some((class, message)) => (class, Some(message)),
        None => (s, None),
    }
}

/// True for a (possibly dotted) identifier whose last part starts upper-case, or with a dot:
/// `ValueError`, `java.lang.IllegalStateException`, `pkg.errors.timeout`.
fn looks_like_class(s: &str) -> bool {
    let ident = |p: &str| {
        let mut cs = p.chars();
        cs.next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    };
    s.split('.').all(ident)
        && (s.contains('.') || s.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
}

/// Spring's wrapper around every listener failure: the cause says more.
fn is_wrapper(class: &str) -> bool {
    class.ends_with("ListenerExecutionFailedException")
}

// ---------------------------------------------------------------- decoding

/// One recognised piece of context.
#[derive(Debug)]
struct Hit {
    source: Source,
    role: Role,
    fallback: bool,
    val: Val,
}

/// The typed fields one dialect (or the JSON value) gives.
#[derive(Debug, Default)]
struct Partial {
    topic: Option<String>,
    partition: Option<i32>,
    offset: Option<i64>,
    timestamp: Option<i64>,
    class: Option<String>,
    message: Option<String>,
    attempts: Option<i64>,
    group: Option<String>,
}

/// The typed fields of one dialect: per role the last main header, else the last stand-in.
fn resolve(hits: &[Hit], source: Source) -> Partial {
    let pick = |role: Role| {
        let of = |fallback: bool| {
            hits.iter()
                .rev()
                .find(|h| h.source == source && h.role == role && h.fallback == fallback)
        };
        of(false).or_else(|| of(true)).map(|h| &h.val)
    };
    let text = |role| pick(role).and_then(Val::text);
    let int = |role| pick(role).and_then(Val::int);
    let mut class = text(Role::Class);
    let cause = text(Role::Cause);
    if cause.is_some() && class.as_deref().is_none_or(is_wrapper) {
        class = cause;
    }
    Partial {
        topic: text(Role::Topic),
        partition: int(Role::Partition).and_then(|n| i32::try_from(n).ok()),
        offset: int(Role::Offset),
        timestamp: int(Role::Timestamp),
        class,
        message: text(Role::Message),
        attempts: int(Role::Attempts),
        group: text(Role::Group),
    }
}

/// Sets the fields of `dl` that are still empty from `p`.
fn fill(dl: &mut DeadLetter, p: Partial) {
    fn or<T>(slot: &mut Option<T>, v: Option<T>) {
        if slot.is_none() {
            *slot = v;
        }
    }
    or(&mut dl.original_topic, p.topic);
    or(&mut dl.original_partition, p.partition);
    or(&mut dl.original_offset, p.offset);
    or(&mut dl.original_timestamp, p.timestamp);
    or(&mut dl.error_class, p.class);
    or(&mut dl.error_message, p.message);
    or(&mut dl.attempts, p.attempts);
    or(&mut dl.consumer_group, p.group);
}

fn dialect_of(source: Source, custom: &[CustomDialect]) -> Dialect {
    match source {
        Source::Connect => Dialect::Connect,
        Source::Streams => Dialect::Streams,
        Source::SpringDlt => Dialect::SpringDlt,
        Source::SpringRetry => Dialect::SpringRetry,
        Source::Evctl => Dialect::Evctl,
        Source::Custom(i) => Dialect::Custom(custom[i].name.clone()),
        Source::Generic => Dialect::Unknown,
    }
}

/// Reads the dead-letter context of a record: its headers in every dialect (the built-in ones and
/// `custom`) and a JSON dead letter in its value. See the module doc for the precedence.
pub fn decode(r: &Record, custom: &[CustomDialect]) -> DeadLetter {
    let mut dl = DeadLetter::default();
    let mut hits: Vec<Hit> = Vec::new();
    for (name, value) in &r.msg.headers {
        let value = value.as_deref();
        if name == REPLAY_COUNT_HEADER {
            let n = value.and_then(decimal::<u32>);
            dl.replay_count = n.unwrap_or(0);
            let shown = match (value, n) {
                (None, _) => "null".to_string(),
                (Some(_), Some(n)) => n.to_string(),
                (Some(b), None) => hex(b),
            };
            dl.fields.push((name.clone(), shown));
            continue;
        }
        let Some(meaning) = classify(name, custom) else {
            continue;
        };
        let (shown, val) = decode_value(meaning.enc, value);
        dl.fields.push((name.clone(), shown));
        if !dl.error_headers.contains(name) {
            dl.error_headers.push(name.clone());
        }
        let hit = |role, fallback, val| Hit {
            source: meaning.source,
            role,
            fallback,
            val,
        };
        match (meaning.enc, val) {
            (Enc::StreamsException, Val::Text(t)) => {
                let (class, message) = split_exception(&t);
                hits.push(hit(Role::Class, false, Val::Text(class.to_string())));
                if let Some(message) = message {
                    hits.push(hit(Role::Message, true, Val::Text(message.to_string())));
                }
            }
            (_, val) => hits.push(hit(meaning.role, meaning.fallback, val)),
        }
    }

    // header dialects, the most recent hop first
    let mut order: Vec<Source> = Vec::new();
    for h in hits.iter().rev() {
        if h.source != Source::Generic && !order.contains(&h.source) {
            order.push(h.source);
        }
    }
    for source in &order {
        fill(&mut dl, resolve(&hits, *source));
    }
    if let Some(&first) = order.first() {
        dl.dialect = Some(dialect_of(first, custom));
        // Connect and Streams write the dead letter with the original record's timestamp
        if matches!(first, Source::Connect | Source::Streams)
            && r.timestamp_type != TimestampType::NotAvailable
            && r.msg.timestamp >= 0
        {
            dl.original_timestamp.get_or_insert(r.msg.timestamp);
        }
    }
    if let Some((p, fields)) = r.msg.value.as_deref().and_then(json_dead_letter) {
        fill(&mut dl, p);
        dl.fields.extend(fields);
        dl.dialect.get_or_insert(Dialect::JsonEnvelope);
    }
    if hits.iter().any(|h| h.source == Source::Generic) {
        fill(&mut dl, resolve(&hits, Source::Generic));
        dl.dialect.get_or_insert(Dialect::Unknown);
    }
    dl
}

// ---------------------------------------------------------------- JSON dead letters

/// The value at `path` of `obj`, when present and not null; recorded as a `json.<path>` field.
fn take<'a>(
    obj: &'a Map<String, Value>,
    path: &[&str],
    fields: &mut Vec<(String, String)>,
) -> Option<&'a Value> {
    let (last, parents) = path.split_last()?;
    let mut at = obj;
    for p in parents {
        at = at.get(*p)?.as_object()?;
    }
    let v = at.get(*last).filter(|v| !v.is_null())?;
    fields.push((format!("json.{}", path.join(".")), show_json(v)));
    Some(v)
}

/// A string as its text, anything else as compact JSON.
fn show_json(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The first of `paths` holding a non-empty string.
fn first_str(
    obj: &Map<String, Value>,
    paths: &[&[&str]],
    fields: &mut Vec<(String, String)>,
) -> Option<String> {
    paths.iter().find_map(|p| {
        take(obj, p, fields)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    })
}

/// The first of `paths` holding a whole number (or one as decimal text).
fn first_int(
    obj: &Map<String, Value>,
    paths: &[&[&str]],
    fields: &mut Vec<(String, String)>,
) -> Option<i64> {
    paths.iter().find_map(|p| match take(obj, p, fields)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    })
}

/// Epoch milliseconds, or RFC 3339 text (without an offset: UTC).
fn json_time(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        Value::String(s) => parse_rfc3339(s)
            .or_else(|_| parse_rfc3339(&format!("{s}Z")))
            .ok(),
        _ => None,
    }
}

/// The class and message of a JSON `error`.
fn json_error(
    obj: &Map<String, Value>,
    fields: &mut Vec<(String, String)>,
) -> (Option<String>, Option<String>) {
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    match obj.get("error") {
        Some(Value::Object(_)) => {
            let class = first_str(
                obj,
                &[&["error", "type"], &["error", "class"], &["error", "name"]],
                fields,
            );
            let message = first_str(obj, &[&["error", "message"]], fields);
            (class, message)
        }
        Some(_) => match take(obj, &["error"], fields) {
            Some(Value::String(s)) => match s.split_once(": ") {
                Some((class, message)) if looks_like_class(class) => {
                    (non_empty(class), non_empty(message))
                }
                _ => (None, non_empty(s)),
            },
            Some(other) => (None, Some(other.to_string())),
            None => (None, None),
        },
        None => (None, None),
    }
}

/// The context of a JSON dead letter in the value, and its pseudo-fields.
fn json_dead_letter(value: &[u8]) -> Option<(Partial, Vec<(String, String)>)> {
    if value.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    // both shapes need an "error" key: skip the parse for ordinary JSON values (replay speed)
    memchr::memmem::find(value, b"\"error\"")?;
    let Ok(Value::Object(obj)) = serde_json::from_slice::<Value>(value) else {
        return None;
    };
    let wrapped = obj.contains_key("original_event") && obj.contains_key("error");
    let envelope = ["id", "type", "payload"]
        .iter()
        .all(|k| obj.contains_key(*k))
        && obj.get("error").is_some_and(|e| !e.is_null());
    if !wrapped && !envelope {
        return None;
    }
    let mut fields = Vec::new();
    let f = &mut fields;
    let (class, message) = json_error(&obj, f);
    let topic = if wrapped {
        first_str(
            &obj,
            &[
                &["original_topic"],
                &["topic"],
                &["source_topic"],
                &["original_event", "metadata", "original_topic"],
                &["original_event", "metadata", "topic"],
                &["original_event", "metadata", "source_topic"],
            ],
            f,
        )
    } else {
        first_str(
            &obj,
            &[&["original_topic"], &["metadata", "original_topic"]],
            f,
        )
    };
    let partition = first_int(&obj, &[&["original_partition"]], f);
    let offset = first_int(&obj, &[&["original_offset"]], f);
    let time_path: &[&str] = if wrapped {
        &["timestamp"]
    } else {
        &["occurred_at"]
    };
    let timestamp = take(&obj, time_path, f).and_then(json_time);
    let attempts = first_int(&obj, &[&["attempt_count"], &["attempts"]], f);
    let group = first_str(&obj, &[&["consumer_group"]], f);
    let p = Partial {
        topic,
        partition: partition.and_then(|n| i32::try_from(n).ok()),
        offset,
        timestamp,
        class,
        message,
        attempts,
        group,
    };
    Some((p, fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Message;

    fn rec(headers: &[(&str, Option<&[u8]>)]) -> Record {
        Record {
            topic: "orders-dlt".into(),
            at: crate::record::Position::Offset {
                partition: 0,
                offset: 7,
            },
            msg: Message {
                timestamp: 1_735_689_600_000,
                headers: headers
                    .iter()
                    .map(|(n, v)| (n.to_string(), v.map(Bytes::copy_from_slice)))
                    .collect(),
                ..Message::default()
            },
            ..Record::default()
        }
    }

    fn with_value(mut r: Record, value: &str) -> Record {
        r.msg.value = Some(Bytes::copy_from_slice(value.as_bytes()));
        r
    }

    fn t(s: &str) -> Option<&[u8]> {
        Some(s.as_bytes())
    }

    /// `BigInteger.valueOf(n).toByteArray()`.
    fn java_big_integer(n: i64) -> Vec<u8> {
        let b = n.to_be_bytes();
        let mut i = 0;
        // drop a leading byte while the next one still carries the sign
        while i < 7
            && ((b[i] == 0x00 && b[i + 1] & 0x80 == 0) || (b[i] == 0xff && b[i + 1] & 0x80 != 0))
        {
            i += 1;
        }
        b[i..].to_vec()
    }

    fn fields(dl: &DeadLetter) -> Vec<(&str, &str)> {
        dl.fields
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn kafka_connect_sink_dlq() {
        let r = rec(&[
            ("traceparent", t("00-abc-def-01")),
            ("__connect.errors.topic", t("orders.created.v1")),
            ("__connect.errors.partition", t("5")),
            ("__connect.errors.offset", t("123456")),
            ("__connect.errors.connector.name", t("jdbc-sink")),
            ("__connect.errors.task.id", t("0")),
            ("__connect.errors.stage", t("VALUE_CONVERTER")),
            (
                "__connect.errors.class.name",
                t("org.apache.kafka.connect.json.JsonConverter"),
            ),
            (
                "__connect.errors.exception.class.name",
                t("org.apache.kafka.connect.errors.DataException"),
            ),
            (
                "__connect.errors.exception.message",
                t("Converting byte[] to Kafka Connect data failed"),
            ),
            (
                "__connect.errors.exception.stacktrace",
                t("org.apache.kafka.connect.errors.DataException: Converting...\n\tat ..."),
            ),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::Connect));
        assert_eq!(dl.original_topic, s("orders.created.v1"));
        assert_eq!(dl.original_partition, Some(5));
        assert_eq!(dl.original_offset, Some(123_456));
        assert_eq!(
            dl.original_timestamp,
            Some(1_735_689_600_000),
            "Connect keeps the original timestamp as the record's"
        );
        assert_eq!(
            dl.error_class,
            s("org.apache.kafka.connect.errors.DataException")
        );
        assert_eq!(
            dl.error_message,
            s("Converting byte[] to Kafka Connect data failed")
        );
        assert_eq!(dl.attempts, None);
        assert_eq!(dl.consumer_group, None);
        assert_eq!(dl.replay_count, 0);
        assert_eq!(dl.error_headers.len(), 10);
        assert!(!dl.error_headers.contains(&"traceparent".to_string()));
        assert_eq!(dl.error_headers[0], "__connect.errors.topic");
        assert_eq!(
            &fields(&dl)[..3],
            &[
                ("__connect.errors.topic", "orders.created.v1"),
                ("__connect.errors.partition", "5"),
                ("__connect.errors.offset", "123456"),
            ]
        );
        assert_eq!(dl.fields.len(), 10);
    }

    #[test]
    fn connect_decimal_that_is_not_a_number_is_hex() {
        let r = rec(&[
            ("__connect.errors.topic", t("t")),
            ("__connect.errors.partition", t("five")),
            ("__connect.errors.offset", Some(&[0, 0, 0, 0, 0, 0, 0, 9])),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.original_partition, None);
        assert_eq!(dl.original_offset, None);
        assert_eq!(
            fields(&dl),
            vec![
                ("__connect.errors.topic", "t"),
                ("__connect.errors.partition", "0x66697665"),
                ("__connect.errors.offset", "0x0000000000000009"),
            ]
        );
    }

    #[test]
    fn kafka_streams_kip_1034() {
        let r = rec(&[
            ("__streams.errors.topic", t("payments.settled.v1")),
            ("__streams.errors.partition", t("11")),
            ("__streams.errors.offset", t("42")),
            (
                "__streams.errors.exception",
                t(
                    "org.apache.kafka.common.errors.SerializationException: Size of data received by IntegerDeserializer is not 4",
                ),
            ),
            (
                "__streams.errors.message",
                t("Size of data received by IntegerDeserializer is not 4"),
            ),
            ("__streams.errors.stacktrace", t("...")),
            (
                "__streams.errors.processor.node.id",
                t("KSTREAM-SOURCE-0000000000"),
            ),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::Streams));
        assert_eq!(dl.original_topic, s("payments.settled.v1"));
        assert_eq!(dl.original_partition, Some(11));
        assert_eq!(dl.original_offset, Some(42));
        assert_eq!(dl.original_timestamp, Some(1_735_689_600_000));
        assert_eq!(
            dl.error_class,
            s("org.apache.kafka.common.errors.SerializationException")
        );
        assert_eq!(
            dl.error_message,
            s("Size of data received by IntegerDeserializer is not 4")
        );
        assert_eq!(
            dl.error_headers.last().map(String::as_str),
            Some("__streams.errors.processor.node.id"),
            "other headers under the prefix are context too"
        );
        assert_eq!(
            fields(&dl)[3].1,
            "org.apache.kafka.common.errors.SerializationException: Size of data received by IntegerDeserializer is not 4"
        );

        // the class alone; the message only in `exception`
        let dl = decode(
            &rec(&[(
                "__streams.errors.exception",
                t("java.lang.NullPointerException"),
            )]),
            &[],
        );
        assert_eq!(dl.error_class, s("java.lang.NullPointerException"));
        assert_eq!(dl.error_message, None);
        let dl = decode(
            &rec(&[(
                "__streams.errors.exception",
                t("java.lang.IllegalStateException: bad: state"),
            )]),
            &[],
        );
        assert_eq!(dl.error_class, s("java.lang.IllegalStateException"));
        assert_eq!(
            dl.error_message,
            s("bad: state"),
            "from `exception` when no `message`"
        );
    }

    #[test]
    fn spring_dead_letter_topic() {
        let r = rec(&[
            (
                "b3",
                t("80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"),
            ),
            (
                "kafka_dlt-exception-fqcn",
                t("org.springframework.kafka.listener.ListenerExecutionFailedException"),
            ),
            (
                "kafka_dlt-exception-cause-fqcn",
                t("java.lang.IllegalStateException"),
            ),
            (
                "kafka_dlt-exception-message",
                t("Listener failed; invalid amount"),
            ),
            (
                "kafka_dlt-exception-stacktrace",
                t("org.springframework...\n\tat ..."),
            ),
            ("kafka_dlt-original-topic", t("billing.invoice.issued.v1")),
            ("kafka_dlt-original-partition", Some(&3i32.to_be_bytes())),
            (
                "kafka_dlt-original-offset",
                Some(&9_876_543_210i64.to_be_bytes()),
            ),
            (
                "kafka_dlt-original-timestamp",
                Some(&1_735_689_000_123i64.to_be_bytes()),
            ),
            ("kafka_dlt-original-timestamp-type", t("CREATE_TIME")),
            ("kafka_dlt-original-consumer-group", t("billing-group")),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::SpringDlt));
        assert_eq!(dl.original_topic, s("billing.invoice.issued.v1"));
        assert_eq!(dl.original_partition, Some(3));
        assert_eq!(dl.original_offset, Some(9_876_543_210));
        assert_eq!(dl.original_timestamp, Some(1_735_689_000_123));
        assert_eq!(
            dl.error_class,
            s("java.lang.IllegalStateException"),
            "the cause of Spring's wrapper"
        );
        assert_eq!(dl.error_message, s("Listener failed; invalid amount"));
        assert_eq!(dl.consumer_group, s("billing-group"));
        assert_eq!(dl.error_headers.len(), 10);
        assert_eq!(
            &fields(&dl)[4..],
            &[
                ("kafka_dlt-original-topic", "billing.invoice.issued.v1"),
                ("kafka_dlt-original-partition", "3"),
                ("kafka_dlt-original-offset", "9876543210"),
                ("kafka_dlt-original-timestamp", "1735689000123"),
                ("kafka_dlt-original-timestamp-type", "CREATE_TIME"),
                ("kafka_dlt-original-consumer-group", "billing-group"),
            ]
        );
        // the record timestamp is not the original one for Spring
        let dl = decode(&rec(&[("kafka_dlt-original-topic", t("x"))]), &[]);
        assert_eq!(dl.original_timestamp, None);
    }

    #[test]
    fn spring_key_exception_headers_stand_in_for_missing_value_ones() {
        let r = rec(&[
            ("kafka_dlt-original-topic", t("t")),
            (
                "kafka_dlt-key-exception-fqcn",
                t("org.springframework.kafka.support.serializer.DeserializationException"),
            ),
            (
                "kafka_dlt-key-exception-message",
                t("failed to deserialize key"),
            ),
            ("kafka_dlt-key-exception-stacktrace", t("...")),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(
            dl.error_class,
            s("org.springframework.kafka.support.serializer.DeserializationException")
        );
        assert_eq!(dl.error_message, s("failed to deserialize key"));
        // a value exception wins over a key one, whatever the order
        let r = rec(&[
            (
                "kafka_dlt-exception-fqcn",
                t("java.lang.ArithmeticException"),
            ),
            ("kafka_dlt-key-exception-fqcn", t("x.KeyProblem")),
        ]);
        assert_eq!(
            decode(&r, &[]).error_class,
            s("java.lang.ArithmeticException")
        );
        // a wrapper without a cause stays
        let r = rec(&[(
            "kafka_dlt-exception-fqcn",
            t("org.springframework.kafka.listener.ListenerExecutionFailedException"),
        )]);
        assert_eq!(
            decode(&r, &[]).error_class,
            s("org.springframework.kafka.listener.ListenerExecutionFailedException")
        );
    }

    #[test]
    fn spring_binary_values_of_the_wrong_length_are_hex() {
        let r = rec(&[
            ("kafka_dlt-original-topic", t("t")),
            ("kafka_dlt-original-partition", Some(&[0, 1])),
            ("kafka_dlt-original-offset", Some(&[0, 0, 0, 0, 1])),
            ("kafka_dlt-original-timestamp", Some(b"1735689600000")),
            ("kafka_dlt-original-consumer-group", Some(&[0xc3, 0x28])),
            ("kafka_dlt-exception-message", None),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::SpringDlt));
        assert_eq!(dl.original_topic, s("t"));
        assert_eq!(dl.original_partition, None);
        assert_eq!(dl.original_offset, None);
        assert_eq!(dl.original_timestamp, None);
        assert_eq!(dl.consumer_group, None, "not UTF-8");
        assert_eq!(dl.error_message, None);
        assert_eq!(
            fields(&dl),
            vec![
                ("kafka_dlt-original-topic", "t"),
                ("kafka_dlt-original-partition", "0x0001"),
                ("kafka_dlt-original-offset", "0x0000000001"),
                (
                    "kafka_dlt-original-timestamp",
                    "0x31373335363839363030303030"
                ),
                ("kafka_dlt-original-consumer-group", "0xc328"),
                ("kafka_dlt-exception-message", "null"),
            ]
        );
        // decoded by length: 4 bytes are an int, 8 a long, whatever the header
        let r = rec(&[
            ("kafka_dlt-original-partition", Some(&7i64.to_be_bytes())),
            ("kafka_dlt-original-offset", Some(&(-1i32).to_be_bytes())),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.original_partition, Some(7));
        assert_eq!(dl.original_offset, Some(-1));
        // a long that does not fit a partition is shown but not typed
        let r = rec(&[(
            "kafka_dlt-original-partition",
            Some(&(1i64 << 40).to_be_bytes()),
        )]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.original_partition, None);
        assert_eq!(
            fields(&dl),
            vec![("kafka_dlt-original-partition", "1099511627776")]
        );
    }

    #[test]
    fn spring_retry_topics() {
        let backoff = java_big_integer(1_735_689_605_000);
        let original_ts = java_big_integer(1_735_689_600_000);
        assert_eq!(original_ts.len(), 6, "minimal two's complement");
        let r = rec(&[
            ("kafka_original-topic", t("orders.created.v1")),
            ("kafka_original-partition", Some(&1i32.to_be_bytes())),
            ("kafka_original-offset", Some(&77i64.to_be_bytes())),
            (
                "kafka_original-timestamp",
                Some(&1_735_689_600_000i64.to_be_bytes()),
            ),
            ("kafka_original-timestamp-type", t("CREATE_TIME")),
            ("kafka_exception-fqcn", t("java.net.SocketTimeoutException")),
            ("kafka_exception-message", t("Read timed out")),
            (
                "kafka_exception-stacktrace",
                t("java.net.SocketTimeoutException: Read timed out\n\tat ..."),
            ),
            ("retry_topic-attempts", Some(&[3])),
            ("retry_topic-backoff-timestamp", Some(&backoff)),
            ("retry_topic-original-timestamp", Some(&original_ts)),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::SpringRetry));
        assert_eq!(dl.original_topic, s("orders.created.v1"));
        assert_eq!(dl.original_partition, Some(1));
        assert_eq!(dl.original_offset, Some(77));
        assert_eq!(dl.original_timestamp, Some(1_735_689_600_000));
        assert_eq!(dl.error_class, s("java.net.SocketTimeoutException"));
        assert_eq!(dl.error_message, s("Read timed out"));
        assert_eq!(dl.attempts, Some(3));
        assert_eq!(dl.error_headers.len(), 11);
        assert_eq!(
            &fields(&dl)[8..],
            &[
                ("retry_topic-attempts", "3"),
                ("retry_topic-backoff-timestamp", "1735689605000"),
                ("retry_topic-original-timestamp", "1735689600000"),
            ]
        );
        // the BigInteger original timestamp stands in for a missing kafka_original-timestamp
        let r = rec(&[
            ("kafka_original-topic", t("t")),
            ("retry_topic-original-timestamp", Some(&original_ts)),
        ]);
        assert_eq!(decode(&r, &[]).original_timestamp, Some(1_735_689_600_000));
    }

    #[test]
    fn big_integer_bytes() {
        for n in [
            0,
            1,
            3,
            127,
            128,
            255,
            256,
            300,
            -1,
            -128,
            -129,
            -300,
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(big_integer(&java_big_integer(n)), Some(n), "{n}");
        }
        assert_eq!(java_big_integer(128), vec![0x00, 0x80]);
        assert_eq!(java_big_integer(-129), vec![0xff, 0x7f]);
        assert_eq!(big_integer(&[0x05]), Some(5));
        assert_eq!(big_integer(&[0x01, 0x2c]), Some(300));
        assert_eq!(big_integer(&[0xff]), Some(-1));
        assert_eq!(big_integer(&[0x80]), Some(-128));
        assert_eq!(big_integer(&[]), None);
        // 9 bytes: fine with a sign byte in front, not with a real ninth byte
        let mut long = vec![0x00];
        long.extend_from_slice(&u64::MAX.to_be_bytes()[..]);
        assert_eq!(big_integer(&long), None, "2^64-1 is beyond an i64");
        let mut ext = vec![0x00];
        ext.extend_from_slice(&5i64.to_be_bytes());
        assert_eq!(big_integer(&ext), Some(5));
        let mut neg = vec![0xff];
        neg.extend_from_slice(&(-5i64).to_be_bytes());
        assert_eq!(big_integer(&neg), Some(-5));
        assert_eq!(big_integer(&[0x01; 9]), None);

        // in a record: 1-byte, 2-byte and negative attempts, and an empty value
        for (bytes, attempts, shown) in [
            (vec![0x02], Some(2), "2"),
            (vec![0x01, 0x00], Some(256), "256"),
            (vec![0xfe], Some(-2), "-2"),
            (vec![], None, "0x"),
        ] {
            let dl = decode(&rec(&[("retry_topic-attempts", Some(&bytes))]), &[]);
            assert_eq!(dl.dialect, Some(Dialect::SpringRetry));
            assert_eq!(dl.attempts, attempts, "{bytes:?}");
            assert_eq!(fields(&dl), vec![("retry_topic-attempts", shown)]);
        }
    }

    #[test]
    fn evctl_own_headers_round_trip() {
        let want = DeadLetter {
            original_topic: s("orders.created.v1"),
            original_partition: Some(4),
            original_offset: Some(1_000),
            original_timestamp: Some(1_735_689_600_000),
            error_class: s("SchemaMismatch"),
            error_message: s("field `amount` missing"),
            attempts: Some(5),
            ..DeadLetter::default()
        };
        let mut r = Record {
            msg: Message {
                headers: evctl_headers(&want),
                ..Message::default()
            },
            ..Record::default()
        };
        r.msg
            .headers
            .push((REPLAY_COUNT_HEADER.into(), Some(Bytes::from_static(b"2"))));
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::Evctl));
        assert_eq!(dl.original_topic, want.original_topic);
        assert_eq!(dl.original_partition, want.original_partition);
        assert_eq!(dl.original_offset, want.original_offset);
        assert_eq!(dl.original_timestamp, want.original_timestamp);
        assert_eq!(dl.error_class, want.error_class);
        assert_eq!(dl.error_message, want.error_message);
        assert_eq!(dl.attempts, want.attempts);
        assert_eq!(dl.replay_count, 2);
        assert_eq!(
            dl.error_headers,
            vec![
                EVCTL_ORIGINAL_TOPIC,
                EVCTL_ORIGINAL_PARTITION,
                EVCTL_ORIGINAL_OFFSET,
                EVCTL_ORIGINAL_TIMESTAMP,
                EVCTL_ERROR_CLASS,
                EVCTL_ERROR_MESSAGE,
                EVCTL_ATTEMPTS,
            ]
        );
        assert_eq!(
            fields(&dl).last(),
            Some(&(REPLAY_COUNT_HEADER, "2")),
            "the replay count is shown but is not error context"
        );
        assert!(evctl_headers(&DeadLetter::default()).is_empty());
    }

    #[test]
    fn replay_count() {
        let dl = decode(&rec(&[(REPLAY_COUNT_HEADER, t("3"))]), &[]);
        assert_eq!(dl.replay_count, 3);
        assert_eq!(dl.dialect, None, "the counter alone is no dead letter");
        assert!(dl.error_headers.is_empty());
        assert_eq!(fields(&dl), vec![(REPLAY_COUNT_HEADER, "3")]);
        // the last one counts; a bad one is 0 and hex
        let dl = decode(
            &rec(&[(REPLAY_COUNT_HEADER, t("1")), (REPLAY_COUNT_HEADER, t("2"))]),
            &[],
        );
        assert_eq!(dl.replay_count, 2);
        for bad in [
            t("x"),
            t("-1"),
            t(" 1"),
            t("4294967296"),
            Some(&[0, 0, 0, 1][..]),
            None,
        ] {
            let dl = decode(&rec(&[(REPLAY_COUNT_HEADER, bad)]), &[]);
            assert_eq!(dl.replay_count, 0, "{bad:?}");
        }
        let dl = decode(&rec(&[(REPLAY_COUNT_HEADER, t("x"))]), &[]);
        assert_eq!(fields(&dl), vec![(REPLAY_COUNT_HEADER, "0x78")]);
        assert_eq!(decode(&rec(&[]), &[]).replay_count, 0);
    }

    #[test]
    fn nothing_recognised() {
        let r = with_value(
            rec(&[
                (
                    "traceparent",
                    t("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                ),
                ("content-type", t("application/json")),
                ("ce_type", t("order.created.v1")),
            ]),
            r#"{"id":"1","type":"order.created.v1","payload":{"error":"not ours"}}"#,
        );
        assert_eq!(decode(&r, &[]), DeadLetter::default());
        let mut r = rec(&[]);
        for v in [
            "[1,2]",
            "not json",
            "{\"original_event\": 1",
            "\"error\"",
            "",
        ] {
            r.msg.value = Some(Bytes::copy_from_slice(v.as_bytes()));
            assert_eq!(decode(&r, &[]), DeadLetter::default(), "{v}");
        }
        r.msg.value = None;
        assert_eq!(decode(&r, &[]), DeadLetter::default());
    }

    #[test]
    fn json_wrapped_original_event() {
        let r = with_value(
            rec(&[]),
            r#"{"original_event": {"id": "e1", "type": "user.created.v1", "payload": {},
                "metadata": {"original_topic": "platform.user.events.v1", "tenant_id": "t1"}},
              "error": "ValueError: invalid literal for int() with base 10: 'x'",
              "timestamp": "2025-01-01T00:00:01.500Z"}"#,
        );
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::JsonEnvelope));
        assert_eq!(dl.original_topic, s("platform.user.events.v1"));
        assert_eq!(dl.error_class, s("ValueError"));
        assert_eq!(
            dl.error_message,
            s("invalid literal for int() with base 10: 'x'")
        );
        assert_eq!(dl.original_timestamp, Some(1_735_689_601_500));
        assert!(dl.error_headers.is_empty());
        assert_eq!(
            fields(&dl),
            vec![
                (
                    "json.error",
                    "ValueError: invalid literal for int() with base 10: 'x'"
                ),
                (
                    "json.original_event.metadata.original_topic",
                    "platform.user.events.v1"
                ),
                ("json.timestamp", "2025-01-01T00:00:01.500Z"),
            ]
        );

        // a plain message; the top-level topic wins; epoch ms; attempts
        let r = with_value(
            rec(&[]),
            r#"{"original_event": "raw", "error": "connection refused: db:5432",
                "topic": "orders.v1", "original_event_metadata": 1,
                "timestamp": 1735689600000, "attempts": 4}"#,
        );
        let dl = decode(&r, &[]);
        assert_eq!(dl.original_topic, s("orders.v1"));
        assert_eq!(dl.error_class, None, "`connection refused` is no class");
        assert_eq!(dl.error_message, s("connection refused: db:5432"));
        assert_eq!(dl.original_timestamp, Some(1_735_689_600_000));
        assert_eq!(dl.attempts, Some(4));

        // an error object; a timestamp without an offset is UTC
        let r = with_value(
            rec(&[]),
            r#"{"original_event": {}, "source_topic": "a.b",
                "error": {"class": "com.acme.PaymentDeclined", "message": "card expired", "stack": "..."},
                "timestamp": "2025-01-01T00:00:00.250"}"#,
        );
        let dl = decode(&r, &[]);
        assert_eq!(dl.original_topic, s("a.b"));
        assert_eq!(dl.error_class, s("com.acme.PaymentDeclined"));
        assert_eq!(dl.error_message, s("card expired"));
        assert_eq!(dl.original_timestamp, Some(1_735_689_600_250));
        assert_eq!(
            fields(&dl),
            vec![
                ("json.error.class", "com.acme.PaymentDeclined"),
                ("json.error.message", "card expired"),
                ("json.source_topic", "a.b"),
                ("json.timestamp", "2025-01-01T00:00:00.250"),
            ]
        );
    }

    #[test]
    fn json_platform_envelope_with_error() {
        let r = with_value(
            rec(&[]),
            r#"{"id":"7d1c","type":"workflow.instance.started.v1","occurred_at":"2025-01-01T00:00:00Z",
                "source":"workflow-svc","correlation_id":"c1","trace_id":"t1","payload":{"n":1},
                "metadata":{"partition_key":"wf-1","tenant_id":"t1","original_topic":"workflow.events.v1"},
                "error":{"type":"TimeoutError","message":"downstream timed out"},"attempt_count":5}"#,
        );
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::JsonEnvelope));
        assert_eq!(dl.original_topic, s("workflow.events.v1"));
        assert_eq!(dl.original_timestamp, Some(1_735_689_600_000));
        assert_eq!(dl.error_class, s("TimeoutError"));
        assert_eq!(dl.error_message, s("downstream timed out"));
        assert_eq!(dl.attempts, Some(5));
        assert_eq!(
            fields(&dl),
            vec![
                ("json.error.type", "TimeoutError"),
                ("json.error.message", "downstream timed out"),
                ("json.metadata.original_topic", "workflow.events.v1"),
                ("json.occurred_at", "2025-01-01T00:00:00Z"),
                ("json.attempt_count", "5"),
            ]
        );
        // a string error and `attempts`; an envelope without an error is an ordinary event
        let r = with_value(
            rec(&[]),
            r#"{"id":"1","type":"x.v1","payload":{},"error":"boom","attempts":"2","original_topic":"x"}"#,
        );
        let dl = decode(&r, &[]);
        assert_eq!((dl.error_class, dl.error_message), (None, s("boom")));
        assert_eq!(dl.attempts, Some(2));
        assert_eq!(dl.original_topic, s("x"));
        let r = with_value(
            rec(&[]),
            r#"{"id":"1","type":"x.v1","payload":{},"error":null}"#,
        );
        assert_eq!(decode(&r, &[]).dialect, None);
    }

    #[test]
    fn header_dialect_wins_and_json_fills_the_gaps() {
        let r = with_value(
            rec(&[
                ("kafka_dlt-original-topic", t("from.header")),
                ("kafka_dlt-exception-fqcn", t("java.lang.RuntimeException")),
            ]),
            r#"{"id":"1","type":"x.v1","payload":{},"error":{"name":"Other","message":"from json"},
                "original_topic":"from.json","attempt_count":3}"#,
        );
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::SpringDlt));
        assert_eq!(dl.original_topic, s("from.header"));
        assert_eq!(dl.error_class, s("java.lang.RuntimeException"));
        assert_eq!(dl.error_message, s("from json"));
        assert_eq!(dl.attempts, Some(3));
        assert_eq!(dl.error_headers.len(), 2, "pseudo-fields are not headers");
        assert_eq!(dl.fields[2].0, "json.error.name");
    }

    #[test]
    fn the_most_recent_hop_wins() {
        // a Connect dead letter replayed with its headers, then dead-lettered again by Spring
        let r = rec(&[
            ("__connect.errors.topic", t("first.topic")),
            ("__connect.errors.partition", t("1")),
            ("__connect.errors.exception.message", t("connect said")),
            ("kafka_dlt-original-topic", t("second.topic")),
            ("kafka_dlt-original-partition", Some(&2i32.to_be_bytes())),
            (
                "kafka_dlt-exception-fqcn",
                t("java.lang.IllegalArgumentException"),
            ),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::SpringDlt));
        assert_eq!(dl.original_topic, s("second.topic"));
        assert_eq!(dl.original_partition, Some(2));
        assert_eq!(dl.error_class, s("java.lang.IllegalArgumentException"));
        assert_eq!(
            dl.error_message,
            s("connect said"),
            "gaps filled from the older hop"
        );
        assert_eq!(dl.original_timestamp, None, "Spring wrote this record");
        assert_eq!(dl.error_headers.len(), 6);
        // Spring appends a new set on each hop: the last one counts
        let r = rec(&[
            ("kafka_dlt-original-topic", t("orders")),
            ("kafka_dlt-original-offset", Some(&10i64.to_be_bytes())),
            ("kafka_dlt-original-topic", t("orders-retry-0")),
            ("kafka_dlt-original-offset", Some(&3i64.to_be_bytes())),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.original_topic, s("orders-retry-0"));
        assert_eq!(dl.original_offset, Some(3));
        assert_eq!(dl.fields.len(), 4, "duplicates kept");
        assert_eq!(dl.error_headers.len(), 2, "names once");
    }

    fn acme() -> CustomDialect {
        CustomDialect {
            name: "acme".into(),
            original_topic: s("x-acme-source"),
            original_partition: s("x-acme-partition"),
            original_offset: s("x-acme-offset"),
            original_timestamp: s("x-acme-ts"),
            error_class: s("x-acme-error-kind"),
            error_message: s("x-acme-reason"),
            attempts: s("x-acme-tries"),
        }
    }

    #[test]
    fn custom_dialect() {
        let r = rec(&[
            ("x-acme-source", t("acme.orders.v1")),
            ("x-acme-partition", t("6")),
            ("x-acme-offset", Some(&99i64.to_be_bytes())),
            ("x-acme-ts", Some(&[1, 2, 3])),
            ("x-acme-error-kind", t("VALIDATION")),
            ("x-acme-reason", t("sku unknown")),
            ("x-acme-tries", Some(&4i32.to_be_bytes())),
            ("x-unrelated", t("1")),
        ]);
        let dl = decode(&r, &[acme()]);
        assert_eq!(dl.dialect, Some(Dialect::Custom("acme".into())));
        assert_eq!(dl.original_topic, s("acme.orders.v1"));
        assert_eq!(dl.original_partition, Some(6));
        assert_eq!(dl.original_offset, Some(99));
        assert_eq!(dl.original_timestamp, None);
        assert_eq!(dl.error_class, s("VALIDATION"));
        assert_eq!(dl.error_message, s("sku unknown"));
        assert_eq!(dl.attempts, Some(4));
        assert_eq!(dl.error_headers.len(), 7);
        assert_eq!(
            fields(&dl),
            vec![
                ("x-acme-source", "acme.orders.v1"),
                ("x-acme-partition", "6"),
                ("x-acme-offset", "99"),
                ("x-acme-ts", "0x010203"),
                ("x-acme-error-kind", "VALIDATION"),
                ("x-acme-reason", "sku unknown"),
                ("x-acme-tries", "4"),
            ]
        );
        // without the dialect, the headers mean nothing
        assert_eq!(decode(&r, &[]).dialect, None);
        // a custom dialect naming a built-in header reads it its way; the first one naming it wins
        let ours = CustomDialect {
            name: "ours".into(),
            original_partition: s("kafka_dlt-original-partition"),
            ..CustomDialect::default()
        };
        let other = CustomDialect {
            name: "other".into(),
            original_partition: s("kafka_dlt-original-partition"),
            ..CustomDialect::default()
        };
        let r = rec(&[("kafka_dlt-original-partition", t("12"))]);
        let dl = decode(&r, &[ours, other]);
        assert_eq!(dl.dialect, Some(Dialect::Custom("ours".into())));
        assert_eq!(dl.original_partition, Some(12));
    }

    #[test]
    fn headers_named_like_dead_letter_context_are_unknown() {
        let r = rec(&[
            ("x-original-topic", t("orders.v1")),
            ("X-DLQ-Original-Partition", Some(&2i32.to_be_bytes())),
            ("monoscope-attempt-count", t("3")),
            ("reason_poisoned", t("permanent failure")),
            ("handler_poisoned", t("orders-handler")),
            ("myoriginal_topic", t("not a word ending")),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::Unknown));
        assert_eq!(dl.original_topic, s("orders.v1"));
        assert_eq!(dl.original_partition, Some(2));
        assert_eq!(dl.attempts, Some(3));
        assert_eq!(dl.error_message, s("permanent failure"));
        assert_eq!(dl.error_headers.len(), 5);
        // watermill's topic header; a known dialect outranks the guesses
        let r = rec(&[
            ("topic_poisoned", t("guessed")),
            ("evctl-original-topic", t("known")),
        ]);
        let dl = decode(&r, &[]);
        assert_eq!(dl.dialect, Some(Dialect::Evctl));
        assert_eq!(dl.original_topic, s("known"));
        let dl = decode(&rec(&[("topic_poisoned", t("orders"))]), &[]);
        assert_eq!(
            (dl.dialect, dl.original_topic),
            (Some(Dialect::Unknown), s("orders"))
        );
    }

    #[test]
    fn serialization_and_names() {
        assert_eq!(
            serde_json::to_value(Dialect::SpringDlt).unwrap(),
            serde_json::json!("spring_dlt")
        );
        assert_eq!(
            serde_json::to_value(Dialect::Custom("acme".into())).unwrap(),
            serde_json::json!({"custom": "acme"})
        );
        assert_eq!(Dialect::JsonEnvelope.to_string(), "json_envelope");
        assert_eq!(Dialect::Custom("acme".into()).to_string(), "acme");
        for d in [
            Dialect::Connect,
            Dialect::Streams,
            Dialect::SpringDlt,
            Dialect::SpringRetry,
            Dialect::Evctl,
            Dialect::JsonEnvelope,
            Dialect::Unknown,
        ] {
            assert!(is_builtin_dialect(d.name()));
            assert_eq!(
                serde_json::to_value(&d).unwrap(),
                serde_json::json!(d.name())
            );
        }
        assert!(is_builtin_dialect("Spring-DLT"));
        assert!(!is_builtin_dialect("acme"));
        let dl = decode(&rec(&[("__connect.errors.partition", t("1"))]), &[]);
        let v = serde_json::to_value(&dl).unwrap();
        assert_eq!(v["dialect"], "connect");
        assert_eq!(v["original_partition"], 1);
        assert_eq!(
            v["fields"],
            serde_json::json!([["__connect.errors.partition", "1"]])
        );
    }
}
