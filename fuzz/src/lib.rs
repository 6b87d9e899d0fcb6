//! Helpers shared by the fuzz targets: reading structured choices out of the fuzzer's bytes, and
//! building the values the parsers under test take (records, Redis replies, AMQP field tables).
//!
//! Every helper is total: it never panics whatever the bytes, and runs out of input gracefully
//! (zeros, empty slices).

use std::sync::Arc;

use bytes::Bytes;
use evctl::record::{Message, Position, Record, StreamId, TimestampType};

/// A cursor over the fuzzer's bytes that never fails: past the end it yields zeros and empty
/// slices.
pub struct Input<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Input { data, pos: 0 }
    }

    /// The next byte, or 0.
    pub fn u8(&mut self) -> u8 {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => 0,
        }
    }

    pub fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }

    /// The next `N` bytes (zero-padded at the end of the input).
    pub fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for b in out.iter_mut() {
            *b = self.u8();
        }
        out
    }

    pub fn u16(&mut self) -> u16 {
        u16::from_be_bytes(self.array())
    }

    pub fn u32(&mut self) -> u32 {
        u32::from_be_bytes(self.array())
    }

    pub fn i32(&mut self) -> i32 {
        i32::from_be_bytes(self.array())
    }

    pub fn i64(&mut self) -> i64 {
        i64::from_be_bytes(self.array())
    }

    pub fn f64(&mut self) -> f64 {
        f64::from_be_bytes(self.array())
    }

    /// Up to `n` bytes.
    pub fn take(&mut self, n: usize) -> &'a [u8] {
        let start = self.pos.min(self.data.len());
        let end = start.saturating_add(n).min(self.data.len());
        self.pos = end;
        &self.data[start..end]
    }

    /// A length-prefixed slice: one length byte, then up to that many bytes.
    pub fn short_bytes(&mut self) -> &'a [u8] {
        let n = self.u8() as usize;
        self.take(n)
    }

    /// A length-prefixed string (lossy UTF-8).
    pub fn short_string(&mut self) -> String {
        String::from_utf8_lossy(self.short_bytes()).into_owned()
    }

    /// Everything not read yet.
    pub fn rest(&mut self) -> &'a [u8] {
        let start = self.pos.min(self.data.len());
        self.pos = self.data.len();
        &self.data[start..]
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }
}

/// Splits at the first `sep` byte (the separator dropped), else in the middle.
pub fn split2(data: &[u8], sep: u8) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == sep) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    }
}

/// Splits at every `sep` byte.
pub fn split_all(data: &[u8], sep: u8) -> Vec<&[u8]> {
    data.split(|&b| b == sep).collect()
}

/// Lossy UTF-8.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Timestamps worth trying: ordinary ones and the edges of the RFC 3339 writer.
pub const TIMESTAMPS: &[i64] = &[
    1_735_689_600_123,
    0,
    -1,
    i64::MIN,
    i64::MAX,
    253_402_300_800_000,
    -62_167_219_200_001,
    1_700_000_000_000,
];

/// A nullable field: exactly the byte `0x01` stands for null.
pub fn nullable(b: &[u8]) -> Option<Bytes> {
    if b == [0x01] {
        None
    } else {
        Some(Bytes::copy_from_slice(b))
    }
}

/// A record built from bytes. The first byte picks the position kind, the timestamp type and a
/// timestamp from [`TIMESTAMPS`]; the rest, split at `0x00`, is topic, key, value, then header
/// name/value pairs. A field that is exactly `0x01` is null (for the key, value and header
/// values).
pub fn record_from(data: &[u8]) -> Record {
    let (&choice, rest) = data.split_first().unwrap_or((&0, &[][..]));
    let mut parts = split_all(rest, 0x00).into_iter();
    let topic = text(parts.next().unwrap_or(b"orders"));
    let key = nullable(parts.next().unwrap_or(b"\x01"));
    let value = nullable(parts.next().unwrap_or(b"\x01"));
    let mut headers = Vec::new();
    while let Some(name) = parts.next() {
        let value = nullable(parts.next().unwrap_or(b"\x01"));
        headers.push((text(name), value));
    }
    let at = match choice & 3 {
        0 | 3 => Position::Offset {
            partition: i32::from(choice >> 4),
            offset: 42,
        },
        1 => Position::Entry(StreamId {
            ms: 1_700_000_000_000,
            seq: u64::from(choice),
        }),
        _ => Position::Delivery {
            seq: u64::from(choice),
            redelivered: choice & 0x80 != 0,
        },
    };
    let timestamp_type = match (choice >> 2) & 3 {
        1 => TimestampType::LogAppend,
        2 => TimestampType::NotAvailable,
        _ => TimestampType::Create,
    };
    Record {
        topic: Arc::from(topic.as_str()),
        at,
        timestamp_type,
        msg: Message {
            key,
            value,
            headers,
            timestamp: TIMESTAMPS[usize::from(choice >> 5) % TIMESTAMPS.len()],
            ..Message::default()
        },
    }
}

/// A small fixed record with a JSON value, for targets that fuzz something else.
pub fn fixed_record() -> Record {
    Record {
        topic: Arc::from("orders"),
        at: Position::Offset {
            partition: 3,
            offset: 42,
        },
        timestamp_type: TimestampType::Create,
        msg: Message {
            key: Some(Bytes::from_static(b"order-1")),
            value: Some(Bytes::from_static(
                br#"{"id":1,"status":"placed","total":12.5,"lines":[{"sku":"a","qty":2}],"customer":{"name":"Ann","vip":true},"note":null}"#,
            )),
            headers: vec![
                ("trace".into(), Some(Bytes::from_static(b"abc"))),
                ("empty".into(), Some(Bytes::new())),
                ("null".into(), None),
                ("bin".into(), Some(Bytes::from_static(&[0xff, 0x00]))),
            ],
            timestamp: 1_735_689_600_123,
            ..Message::default()
        },
    }
}

/// How deep the tree builders below may nest.
pub const MAX_DEPTH: usize = 8;

/// A Redis reply tree from bytes: a tag byte per value (0 nil, 1 int, 2 bulk string, 3 array,
/// 4 map, 5 simple string, 6 set, 7 double, 8 boolean, 9 verbatim string, 10 okay, 11 attribute;
/// other tags fold onto these). Strings are length-prefixed (one byte); collections have a
/// one-byte count. Nesting stops at [`MAX_DEPTH`].
pub fn redis_value(input: &mut Input<'_>, depth: usize) -> redis::Value {
    use redis::Value;
    let tag = input.u8();
    // at the depth limit only scalars
    let tag = if depth >= MAX_DEPTH {
        tag % 3
    } else {
        tag % 12
    };
    match tag {
        0 => Value::Nil,
        1 => Value::Int(input.i64()),
        2 => Value::BulkString(input.short_bytes().to_vec()),
        3 => {
            let n = input.u8() % 16;
            Value::Array((0..n).map(|_| redis_value(input, depth + 1)).collect())
        }
        4 => {
            let n = input.u8() % 8;
            Value::Map(
                (0..n)
                    .map(|_| (redis_value(input, depth + 1), redis_value(input, depth + 1)))
                    .collect(),
            )
        }
        5 => Value::SimpleString(input.short_string()),
        6 => {
            let n = input.u8() % 16;
            Value::Set((0..n).map(|_| redis_value(input, depth + 1)).collect())
        }
        7 => Value::Double(input.f64()),
        8 => Value::Boolean(input.bool()),
        9 => Value::VerbatimString {
            format: if input.bool() {
                redis::VerbatimFormat::Text
            } else {
                redis::VerbatimFormat::Markdown
            },
            text: input.short_string(),
        },
        10 => Value::Okay,
        _ => {
            let data = Box::new(redis_value(input, depth + 1));
            let n = input.u8() % 4;
            Value::Attribute {
                data,
                attributes: (0..n)
                    .map(|_| (redis_value(input, depth + 1), redis_value(input, depth + 1)))
                    .collect(),
            }
        }
    }
}

/// A string of at most 255 bytes (an AMQP short string), cut at a character boundary.
pub fn short_str(mut s: String) -> amq_protocol_types::ShortString {
    let mut end = s.len().min(255);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    amq_protocol_types::ShortString::from(s)
}

/// An AMQP value from bytes: a tag byte per value picking one of the 18 kinds; strings are
/// length-prefixed (one byte); arrays and tables have a one-byte count. Nesting stops at
/// [`MAX_DEPTH`].
pub fn amqp_value(input: &mut Input<'_>, depth: usize) -> amq_protocol_types::AMQPValue {
    use amq_protocol_types::{AMQPValue, ByteArray, DecimalValue, FieldArray, LongString};
    let tag = input.u8();
    let tag = if depth >= MAX_DEPTH {
        tag % 13
    } else {
        tag % 18
    };
    match tag {
        0 => AMQPValue::Boolean(input.bool()),
        1 => AMQPValue::ShortShortInt(input.u8() as i8),
        2 => AMQPValue::ShortShortUInt(input.u8()),
        3 => AMQPValue::ShortInt(input.u16() as i16),
        4 => AMQPValue::ShortUInt(input.u16()),
        5 => AMQPValue::LongInt(input.i32()),
        6 => AMQPValue::LongUInt(input.u32()),
        7 => AMQPValue::LongLongInt(input.i64()),
        8 => AMQPValue::Float(f32::from_bits(input.u32())),
        9 => AMQPValue::Double(input.f64()),
        10 => AMQPValue::ShortString(short_str(input.short_string())),
        11 => AMQPValue::LongString(LongString::from(input.short_bytes().to_vec())),
        12 => AMQPValue::Timestamp(input.i64() as u64),
        13 => AMQPValue::DecimalValue(DecimalValue {
            scale: input.u8(),
            value: input.u32(),
        }),
        14 => AMQPValue::ByteArray(ByteArray::from(input.short_bytes().to_vec())),
        15 => {
            let n = input.u8() % 8;
            let mut a = FieldArray::default();
            for _ in 0..n {
                a.push(amqp_value(input, depth + 1));
            }
            AMQPValue::FieldArray(a)
        }
        16 => AMQPValue::FieldTable(amqp_table(input, depth + 1)),
        _ => AMQPValue::Void,
    }
}

/// The field names of an `x-death` entry, and a few others.
pub const DEATH_FIELDS: &[&str] = &[
    "queue",
    "exchange",
    "reason",
    "count",
    "time",
    "routing-keys",
    "original-expiration",
    "x-death",
];

/// An AMQP field table from bytes: a one-byte entry count, then per entry a name (a byte below
/// [`DEATH_FIELDS`]' length picks one of those names, anything else is followed by a
/// length-prefixed name) and a value.
pub fn amqp_table(input: &mut Input<'_>, depth: usize) -> amq_protocol_types::FieldTable {
    let mut t = amq_protocol_types::FieldTable::default();
    let n = input.u8() % 8;
    for _ in 0..n {
        let pick = input.u8() as usize;
        let name = match DEATH_FIELDS.get(pick) {
            Some(name) => (*name).to_string(),
            None => input.short_string(),
        };
        let value = amqp_value(input, depth);
        t.insert(short_str(name), value);
    }
    t
}

/// The schema targets: the input is `OLD 0xFF NEW [0xFF REFERENCE]` (text; a schema never holds
/// `0xFF`), else split in the middle. Both are parsed as `format` (the old one leniently, the new
/// one strictly and, when that fails, leniently), with the reference available to both under
/// `reference_name`; when both parse, the compatibility check runs both ways (BACKWARD under the
/// strict JSON policy, FORWARD under the lenient one) and every change is located in the text.
pub fn schema_pair(format: evctl::schema::Format, reference_name: &str, data: &[u8]) {
    use evctl::schema::{Policy, Reference, Source, backward, locate::locate, parse};

    if data.len() > 32 * 1024 {
        return;
    }
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let (old, new) = match (parts.next(), parts.next()) {
        (Some(a), Some(b)) => (a, b),
        _ => data.split_at(data.len() / 2),
    };
    let references: Vec<Reference> = parts
        .next()
        .map(|r| Reference {
            name: reference_name.to_string(),
            text: text(r),
        })
        .into_iter()
        .collect();
    let source = |name: &str, b: &[u8]| Source {
        name: name.to_string(),
        text: text(b),
        references: references.clone(),
    };
    let (old, new) = (source("old", old), source("new", new));
    let old_parsed = parse(format, &old, false);
    let new_parsed = parse(format, &new, true).or_else(|_| parse(format, &new, false));
    let (Ok(o), Ok(n)) = (old_parsed, new_parsed) else {
        return;
    };
    assert_eq!(o.format(), format);
    for (a, b, text, policy) in [
        (&o, &n, &new.text, Policy::Strict),
        (&n, &o, &old.text, Policy::Lenient),
    ] {
        for change in backward(a, b, policy).iter().take(32) {
            let _ = locate(format, text, &change.path);
        }
    }
    // a schema is compatible with itself
    let same = backward(&n, &n, Policy::Strict);
    assert!(
        same.iter().all(|c| c.compatible),
        "a schema is incompatible with itself: {same:?}"
    );
}
