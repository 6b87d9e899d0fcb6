//! The JSON-lines record format (design.md §4), written by `tail -o json` and `dlq`, read by
//! `publish --format json`.
//!
//! One object per line, fields in this order:
//!
//! ```json
//! {"topic":"orders","partition":0,"offset":42,"timestamp":"2025-01-01T00:00:00.000Z","timestamp_ms":1735689600000,"timestamp_type":"create","key":"k1","value":{"base64":"/w=="},"headers":[["trace",null],["a","x"]]}
//! ```
//!
//! - `timestamp` is RFC 3339 with milliseconds in UTC; `timestamp_ms` is the same instant in epoch
//!   milliseconds (see [`super::time`] for years outside 0000..=9999).
//! - `timestamp_type` is `create`, `log_append` or `not_available`.
//! - `key`, `value` and each header value are a JSON string when the bytes are valid UTF-8,
//!   `{"base64": "..."}` (standard alphabet, padded) otherwise, and `null` for null. Empty bytes
//!   are `""`, never `null`.
//! - `headers` is an array of `[name, value]` pairs in record order, duplicates kept.
//! - A Redis stream entry starts `{"stream":"orders","id":"1700000000000-0",...}` instead: the
//!   stream and the entry id in place of topic, partition and offset (`record::fields` says how
//!   its fields map to key, value and headers).
//!
//! Decoding ([`decode`]) accepts these documents and, for hand-written input, also: `topic`,
//! `partition`, `offset`, `timestamp`/`timestamp_ms` and `timestamp_type` may be missing (the
//! caller decides); `timestamp` may be RFC 3339 or epoch milliseconds; `key` may be missing (null)
//! and `headers` may be missing (none). `value` is required (write `null` for a tombstone) and
//! unknown fields are rejected, so a typo cannot silently publish a different record.

use std::io;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use serde_json::{Map, Value};

use super::time::{parse_rfc3339, write_rfc3339};
use super::{Message, Position, Record, SchemaTag, StreamId, TimestampType};
use std::sync::Arc;

/// Appends one record as a JSON object, without a trailing newline.
pub fn encode_into(out: &mut Vec<u8>, r: &Record) {
    let mut num = itoa::Buffer::new();
    match r.at {
        Position::Offset { partition, offset } => {
            out.extend_from_slice(b"{\"topic\":");
            write_str(out, &r.topic);
            out.extend_from_slice(b",\"partition\":");
            out.extend_from_slice(num.format(partition).as_bytes());
            out.extend_from_slice(b",\"offset\":");
            out.extend_from_slice(num.format(offset).as_bytes());
        }
        Position::Entry(id) => {
            out.extend_from_slice(b"{\"stream\":");
            write_str(out, &r.topic);
            out.extend_from_slice(b",\"id\":\"");
            id.write(out);
            out.push(b'"');
        }
        Position::Delivery { seq, redelivered } => {
            out.extend_from_slice(b"{\"queue\":");
            write_str(out, &r.topic);
            out.extend_from_slice(b",\"delivery\":");
            out.extend_from_slice(num.format(seq).as_bytes());
            out.extend_from_slice(if redelivered {
                b",\"redelivered\":true"
            } else {
                b",\"redelivered\":false"
            });
        }
    }
    out.extend_from_slice(b",\"timestamp\":\"");
    write_rfc3339(out, r.msg.timestamp);
    out.extend_from_slice(b"\",\"timestamp_ms\":");
    out.extend_from_slice(num.format(r.msg.timestamp).as_bytes());
    out.extend_from_slice(b",\"timestamp_type\":\"");
    out.extend_from_slice(r.timestamp_type.as_str().as_bytes());
    out.extend_from_slice(b"\",\"key\":");
    write_part(out, r.msg.key.as_deref(), r.msg.key_schema.is_some());
    out.extend_from_slice(b",\"value\":");
    write_part(
        out,
        r.msg.value.as_deref(),
        r.msg.value_schema.is_some() || r.msg.fields,
    );
    out.extend_from_slice(b",\"headers\":[");
    for (i, (name, value)) in r.msg.headers.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        write_str(out, name);
        out.push(b',');
        write_bytes(out, value.as_deref());
        out.push(b']');
    }
    out.push(b']');
    if let Some(t) = &r.msg.key_schema {
        write_tag(out, "key_schema", t);
    }
    if let Some(t) = &r.msg.value_schema {
        write_tag(out, "value_schema", t);
    }
    out.push(b'}');
}

/// Appends one record as a JSON line (the object and `\n`).
pub fn encode_line(out: &mut Vec<u8>, r: &Record) {
    encode_into(out, r);
    out.push(b'\n');
}

/// One record as a JSON object, without a trailing newline.
pub fn to_string(r: &Record) -> String {
    let mut out = Vec::with_capacity(256);
    encode_into(&mut out, r);
    // The encoder writes only valid UTF-8: text is copied from `&str`s, everything else is ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// Writes records as JSON lines to an [`io::Write`], reusing one buffer and flushing it to the
/// writer once it holds [`JsonLinesWriter::CHUNK`] bytes. Call [`JsonLinesWriter::flush`] at the end.
pub struct JsonLinesWriter<W: io::Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: io::Write> JsonLinesWriter<W> {
    /// How many bytes are buffered before they are written.
    pub const CHUNK: usize = 64 * 1024;

    /// A writer over `inner`.
    pub fn new(inner: W) -> Self {
        JsonLinesWriter {
            inner,
            buf: Vec::with_capacity(Self::CHUNK + 1024),
        }
    }

    /// Encodes one record as a line.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        encode_line(&mut self.buf, r);
        if self.buf.len() >= Self::CHUNK {
            self.inner.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes what is buffered and flushes the inner writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.write_all(&self.buf)?;
        self.buf.clear();
        self.inner.flush()
    }

    /// Flushes and returns the inner writer.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.flush()?;
        Ok(self.inner)
    }
}

/// Key, value or header value: text, `{"base64": ...}` or `null`.
pub fn write_bytes(out: &mut Vec<u8>, b: Option<&[u8]>) {
    match b {
        None => out.extend_from_slice(b"null"),
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) => write_str(out, s),
            Err(_) => {
                out.extend_from_slice(b"{\"base64\":\"");
                let start = out.len();
                out.resize(start + base64::encoded_len(b.len(), true).unwrap_or(0), 0);
                let n = BASE64.encode_slice(b, &mut out[start..]).unwrap_or(0);
                out.truncate(start + n);
                out.extend_from_slice(b"\"}");
            }
        },
    }
}

/// A decoded key or value (JSON text, written as is) or bytes.
fn write_part(out: &mut Vec<u8>, b: Option<&[u8]>, decoded: bool) {
    match b {
        Some(json) if decoded => out.extend_from_slice(json),
        other => write_bytes(out, other),
    }
}

fn write_tag(out: &mut Vec<u8>, field: &str, t: &SchemaTag) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(field.as_bytes());
    out.extend_from_slice(b"\":{\"id\":");
    out.extend_from_slice(itoa::Buffer::new().format(t.id).as_bytes());
    if let Some(s) = &t.subject {
        out.extend_from_slice(b",\"subject\":");
        write_str(out, s);
    }
    if let Some(v) = t.version {
        out.extend_from_slice(b",\"version\":");
        out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }
    out.extend_from_slice(b",\"format\":");
    write_str(out, &t.format);
    if let Some(m) = &t.message {
        out.extend_from_slice(b",\"message\":");
        write_str(out, m);
    }
    if let Some(g) = &t.guid {
        out.extend_from_slice(b",\"guid\":");
        write_str(out, g);
    }
    out.push(b'}');
}

/// Escapes for bytes below 0x20 and `"`/`\`; 0 means copy as is, `u` means `\u00XX`.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// A JSON string literal. Only `"`, `\` and control characters need escaping; all other text,
/// including U+2028/U+2029 and non-ASCII, is copied as UTF-8.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc = ESCAPE[b as usize];
        if esc == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if esc == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', esc]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Why a JSON line could not be decoded into a record. The message names the field; the caller
/// adds the line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DecodeError {
    /// What is wrong, e.g. `"partition": expected an integer from 0 to 2147483647, got "3"`.
    pub message: String,
}

fn err<T>(message: impl Into<String>) -> Result<T, DecodeError> {
    Err(DecodeError {
        message: message.into(),
    })
}

/// A record read from a JSON line, with the fields that input may leave out as `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DecodedRecord {
    /// `topic`, when given.
    pub topic: Option<String>,
    /// `partition`, when given.
    pub partition: Option<i32>,
    /// `offset`, when given (ignored by publish, kept for dlq and diffs).
    pub offset: Option<i64>,
    /// `id`: a stream entry's id, when given (publish to a stream keeps it with `--keep-ids`).
    pub id: Option<StreamId>,
    /// The record is a stream entry (`stream` or `id` given) whose `value` is a JSON object: the
    /// entry's fields, kept as the object's text (order and repeated names included).
    pub fields: bool,
    /// `timestamp_ms`, or else `timestamp`, when given.
    pub timestamp: Option<i64>,
    /// `timestamp_type`, when given.
    pub timestamp_type: Option<TimestampType>,
    /// The key; a missing key is null.
    pub key: Option<Bytes>,
    /// The value (required; `None` is null).
    pub value: Option<Bytes>,
    /// Headers in order; missing means none.
    pub headers: Vec<(String, Option<Bytes>)>,
    /// `key_schema`: the key is a datum (JSON text) of this registry schema.
    pub key_schema: Option<Arc<SchemaTag>>,
    /// `value_schema`: the same for the value.
    pub value_schema: Option<Arc<SchemaTag>>,
}

/// Which of key and value are data to encode with a registry schema whatever the line says
/// (publish's `--key-schema` / `--value-schema`): their JSON is kept as JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Datum {
    pub key: bool,
    pub value: bool,
}

impl DecodedRecord {
    /// A complete [`Record`], or `None` when the topic (or stream), the position (partition and
    /// offset, or id) or the timestamp is missing. A missing `timestamp_type` is
    /// [`TimestampType::Create`].
    pub fn into_record(self) -> Option<Record> {
        let at = match self.id {
            Some(id) => Position::Entry(id),
            None => Position::Offset {
                partition: self.partition?,
                offset: self.offset?,
            },
        };
        Some(Record {
            topic: self.topic?.into(),
            at,
            timestamp_type: self.timestamp_type.unwrap_or_default(),
            msg: Message {
                timestamp: self.timestamp?,
                key: self.key,
                value: self.value,
                headers: self.headers,
                key_schema: self.key_schema,
                value_schema: self.value_schema,
                fields: self.fields,
            },
        })
    }
}

const FIELDS: &str = "topic (or stream), partition, offset, id, timestamp, timestamp_ms, timestamp_type, key, value, headers, key_schema, value_schema";

/// Decodes one JSON line (surrounding whitespace allowed) into a record.
pub fn decode(line: &[u8]) -> Result<DecodedRecord, DecodeError> {
    decode_with(line, Datum::default())
}

/// Like [`decode`], with key and/or value taken as data for a registry schema.
pub fn decode_with(line: &[u8], datum: Datum) -> Result<DecodedRecord, DecodeError> {
    let doc: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return err(format!("not valid JSON: {e}")),
    };
    let Value::Object(map) = doc else {
        return err(format!(
            "expected a JSON object with {FIELDS}, got {}",
            kind(&doc)
        ));
    };
    let mut rec = decode_object_with(map, datum)?;
    // a datum or an entry's fields are sent as the text given (key order, repeated names,
    // number digits), not as re-printed
    if rec.key_schema.is_some()
        || rec.value_schema.is_some()
        || datum.key
        || datum.value
        || rec.fields
    {
        let raw: std::collections::HashMap<String, Box<serde_json::value::RawValue>> =
            serde_json::from_slice(line).map_err(|e| DecodeError {
                message: format!("not valid JSON: {e}"),
            })?;
        let text = |k: &str| {
            raw.get(k)
                .map(|r| Bytes::copy_from_slice(r.get().trim().as_bytes()))
        };
        if rec.key.is_some() && (datum.key || rec.key_schema.is_some()) {
            rec.key = text("key").or(rec.key);
        }
        if rec.value.is_some() && (datum.value || rec.value_schema.is_some() || rec.fields) {
            rec.value = text("value").or(rec.value);
        }
    }
    Ok(rec)
}

fn decode_object_with(map: Map<String, Value>, datum: Datum) -> Result<DecodedRecord, DecodeError> {
    let mut rec = DecodedRecord::default();
    let mut key = Value::Null;
    let mut value = Value::Null;
    let mut value_seen = false;
    let mut rfc_ts: Option<i64> = None;
    let mut stream = false;
    let mut ms_ts: Option<i64> = None;
    for (field, v) in map {
        match field.as_str() {
            "topic" | "stream" => match v {
                Value::String(s) if field == "stream" => {
                    stream = true;
                    rec.topic = Some(s)
                }
                Value::String(s) => rec.topic = Some(s),
                Value::Null => {}
                other => {
                    return err(format!(
                        "\"{field}\": expected a string, got {}",
                        kind(&other)
                    ));
                }
            },
            "id" => match v {
                Value::String(s) => {
                    rec.id = Some(StreamId::parse(&s).map_err(|e| DecodeError {
                        message: format!("\"id\": {e}"),
                    })?)
                }
                Value::Null => {}
                other => {
                    return err(format!(
                        "\"id\": expected a stream id like \"1700000000000-0\", got {}",
                        kind(&other)
                    ));
                }
            },
            "partition" => {
                rec.partition =
                    optional_int(&v, "partition", 0, i64::from(i32::MAX))?.map(|n| n as i32);
            }
            "offset" => rec.offset = optional_int(&v, "offset", 0, i64::MAX)?,
            "timestamp" => {
                rfc_ts = match &v {
                    Value::Null => None,
                    Value::String(s) => Some(parse_rfc3339(s).map_err(|e| DecodeError {
                        message: format!("\"timestamp\": {e}"),
                    })?),
                    Value::Number(_) => optional_int(&v, "timestamp", i64::MIN, i64::MAX)?,
                    other => {
                        return err(format!(
                            "\"timestamp\": expected an RFC 3339 string or epoch milliseconds, got {}",
                            kind(other)
                        ));
                    }
                }
            }
            "timestamp_ms" => ms_ts = optional_int(&v, "timestamp_ms", i64::MIN, i64::MAX)?,
            "timestamp_type" => match v {
                Value::String(s) => {
                    rec.timestamp_type =
                        Some(TimestampType::parse(&s).map_err(|e| DecodeError {
                            message: format!("\"timestamp_type\": {e}"),
                        })?);
                }
                Value::Null => {}
                other => {
                    return err(format!(
                        "\"timestamp_type\": expected a string, got {}",
                        kind(&other)
                    ));
                }
            },
            "key" => key = v,
            "value" => {
                value_seen = true;
                value = v;
            }
            "key_schema" => rec.key_schema = decode_tag(v, "\"key_schema\"")?,
            "value_schema" => rec.value_schema = decode_tag(v, "\"value_schema\"")?,
            "headers" => rec.headers = decode_headers(v)?,
            other => return err(format!("unknown field {other:?} (expected {FIELDS})")),
        }
    }
    if !value_seen {
        return err("missing \"value\" (use \"value\": null for a tombstone)");
    }
    // a stream entry's object value is its fields, not the {"base64": ...} of binary bytes
    // (exactly {"base64": "..."} is still binary bytes: a value field's, written by tail)
    let base64 = value
        .as_object()
        .is_some_and(|o| o.len() == 1 && o.get("base64").is_some_and(Value::is_string));
    rec.fields = (rec.id.is_some() || stream) && value.is_object() && !base64;
    let (key_tag, value_tag) = (rec.key_schema.is_some(), rec.value_schema.is_some());
    rec.key = decode_part(key, "\"key\"", datum.key || key_tag, key_tag)?;
    rec.value = decode_part(
        value,
        "\"value\"",
        datum.value || value_tag || rec.fields,
        value_tag,
    )?;
    rec.timestamp = match (rfc_ts, ms_ts) {
        (Some(a), Some(b)) if a != b => {
            return err(format!(
                "\"timestamp\" and \"timestamp_ms\" disagree ({a} ms vs {b} ms); give one of them"
            ));
        }
        (a, b) => b.or(a),
    };
    Ok(rec)
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!("a string {:?}…", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn optional_int(v: &Value, field: &str, min: i64, max: i64) -> Result<Option<i64>, DecodeError> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => match n.as_i64() {
            Some(i) if (min..=max).contains(&i) => Ok(Some(i)),
            _ => err(format!(
                "\"{field}\": expected an integer from {min} to {max}, got {n}"
            )),
        },
        other => err(format!(
            "\"{field}\": expected an integer, got {}",
            kind(other)
        )),
    }
}

fn decode_bytes(v: Value, what: &str) -> Result<Option<Bytes>, DecodeError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(Bytes::from(s.into_bytes()))),
        Value::Object(map) => {
            let mut it = map.into_iter();
            match (it.next(), it.next()) {
                (Some((k, Value::String(b64))), None) if k == "base64" => {
                    match BASE64.decode(b64.as_bytes()) {
                        Ok(b) => Ok(Some(Bytes::from(b))),
                        Err(e) => err(format!("{what}: invalid base64: {e}")),
                    }
                }
                _ => err(format!(
                    "{what}: an object must be exactly {{\"base64\": \"...\"}}; to send JSON as text, put it in a string"
                )),
            }
        }
        other => err(format!(
            "{what}: expected a string, {{\"base64\": \"...\"}} or null, got {}",
            kind(&other)
        )),
    }
}

/// A key or value: JSON text when it is a datum, else bytes. Null is a null key or value
/// (a tombstone), except with a schema tag: then it is the datum `null` (tail printed a decoded
/// null, say of a union, which is not a tombstone).
fn decode_part(
    v: Value,
    what: &str,
    datum: bool,
    tagged: bool,
) -> Result<Option<Bytes>, DecodeError> {
    match v {
        Value::Null if tagged => Ok(Some(Bytes::from_static(b"null"))),
        Value::Null => Ok(None),
        v if datum => Ok(Some(Bytes::from(v.to_string().into_bytes()))),
        v => decode_bytes(v, what),
    }
}

/// A `key_schema` / `value_schema` object: `id` (or `guid`) and, as `tail` writes them,
/// `subject`, `version`, `format`, `message`.
fn decode_tag(v: Value, what: &str) -> Result<Option<Arc<SchemaTag>>, DecodeError> {
    let map = match v {
        Value::Null => return Ok(None),
        Value::Object(m) => m,
        other => {
            return err(format!(
                "{what}: expected an object like {{\"id\": 1}}, got {}",
                kind(&other)
            ));
        }
    };
    let mut t = SchemaTag::default();
    let mut id_seen = false;
    for (field, v) in map {
        let text = |v: &Value| -> Result<Option<String>, DecodeError> {
            match v {
                Value::Null => Ok(None),
                Value::String(s) => Ok(Some(s.clone())),
                other => err(format!(
                    "{what}.{field}: expected a string, got {}",
                    kind(other)
                )),
            }
        };
        match field.as_str() {
            "id" => {
                id_seen = true;
                t.id = optional_int(&v, "id", 0, i64::from(i32::MAX))?.unwrap_or(0) as i32;
            }
            "subject" => t.subject = text(&v)?,
            "version" => t.version = optional_int(&v, "version", 0, i64::MAX)?,
            "format" => t.format = text(&v)?.unwrap_or_default(),
            "message" => t.message = text(&v)?,
            "guid" => t.guid = text(&v)?,
            other => {
                return err(format!(
                    "{what}: unknown field {other:?} (expected id, subject, version, format, message, guid)"
                ));
            }
        }
    }
    if !id_seen && t.guid.is_none() {
        return err(format!("{what}: needs \"id\" (the registry's schema id)"));
    }
    Ok(Some(Arc::new(t)))
}

fn decode_headers(v: Value) -> Result<Vec<(String, Option<Bytes>)>, DecodeError> {
    let items = match v {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        other => {
            return err(format!(
                "\"headers\": expected an array of [name, value] pairs, got {}",
                kind(&other)
            ));
        }
    };
    let mut headers = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let [name, value]: [Value; 2] = match item {
            Value::Array(pair) if pair.len() == 2 => match pair.try_into() {
                Ok(pair) => pair,
                Err(_) => return err(format!("\"headers\"[{i}]: expected a [name, value] pair")),
            },
            other => {
                return err(format!(
                    "\"headers\"[{i}]: expected a [name, value] pair, got {}",
                    match &other {
                        Value::Array(a) => format!("an array of {} elements", a.len()),
                        o => kind(o),
                    }
                ));
            }
        };
        let Value::String(name) = name else {
            return err(format!(
                "\"headers\"[{i}]: the name must be a string, got {}",
                kind(&name)
            ));
        };
        let value = decode_bytes(value, &format!("\"headers\"[{i}] ({name:?}) value"))?;
        headers.push((name, value));
    }
    Ok(headers)
}

/// The index of the first byte at or after `i` that is not JSON whitespace.
pub(crate) fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while s
        .get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The index just after the closing quote of the JSON string that starts at `s[start] == b'"'`
/// (the end of `s` when it is not closed).
pub(crate) fn string_end(s: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < s.len() {
        match s[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &[u8]) -> Option<Bytes> {
        Some(Bytes::copy_from_slice(s))
    }

    fn base() -> Record {
        Record {
            topic: "orders".into(),
            at: crate::record::Position::Offset {
                partition: 3,
                offset: 42,
            },
            timestamp_type: TimestampType::Create,
            msg: Message {
                timestamp: 1_735_689_600_123,
                key: b(b"k1"),
                value: b(b"{\"id\":1}"),
                headers: vec![],
                ..Default::default()
            },
        }
    }

    fn round_trip(r: &Record) {
        let line = to_string(r);
        assert!(
            !line.contains('\n'),
            "a record must stay on one line: {line}"
        );
        // The output is valid JSON.
        let _: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let back = decode(line.as_bytes())
            .unwrap_or_else(|e| panic!("{e}: {line}"))
            .into_record()
            .expect("complete record");
        assert_eq!(&back, r, "{line}");
    }

    fn decode_err(s: &str) -> String {
        decode(s.as_bytes()).unwrap_err().message
    }

    #[test]
    fn exact_text_of_a_plain_record() {
        assert_eq!(
            to_string(&base()),
            r#"{"topic":"orders","partition":3,"offset":42,"timestamp":"2025-01-01T00:00:00.123Z","timestamp_ms":1735689600123,"timestamp_type":"create","key":"k1","value":"{\"id\":1}","headers":[]}"#
        );
    }

    #[test]
    fn exact_text_of_nulls_binary_and_headers() {
        let r = Record {
            topic: "t".into(),
            at: crate::record::Position::Offset {
                partition: 0,
                offset: 0,
            },
            timestamp_type: TimestampType::LogAppend,
            msg: Message {
                timestamp: -1,
                key: None,
                value: b(&[0xff, 0x00, 0x80]),
                headers: vec![
                    ("trace".into(), None),
                    ("a".into(), b(b"")),
                    ("a".into(), b(b"x")),
                    ("bin".into(), b(&[0xc3])),
                ],
                ..Default::default()
            },
        };
        assert_eq!(
            to_string(&r),
            r#"{"topic":"t","partition":0,"offset":0,"timestamp":"1969-12-31T23:59:59.999Z","timestamp_ms":-1,"timestamp_type":"log_append","key":null,"value":{"base64":"/wCA"},"headers":[["trace",null],["a",""],["a","x"],["bin",{"base64":"ww=="}]]}"#
        );
        round_trip(&r);
    }

    #[test]
    fn exact_text_of_escapes() {
        let r = Record {
            topic: "t\"q\\".into(),
            timestamp_type: TimestampType::NotAvailable,
            msg: Message {
                key: b("tab\there\nnl\r\u{8}\u{c}\u{0}\u{1f}\u{7f}".as_bytes()),
                value: b("é ✓ 😀 \u{2028} \u{202e}".as_bytes()),
                headers: vec![("n\u{1}".into(), b(b"</script>"))],
                ..Message::default()
            },
            ..base()
        };
        let text = to_string(&r);
        assert!(text.starts_with(r#"{"topic":"t\"q\\","#), "{text}");
        assert!(
            text.contains(r#""key":"tab\there\nnl\r\b\f\u0000\u001f"#),
            "{text}"
        );
        assert!(
            text.contains("\u{7f}\",\"value\":\"é ✓ 😀 \u{2028} \u{202e}\""),
            "{text}"
        );
        assert!(
            text.contains(r#""headers":[["n\u0001","</script>"]]"#),
            "{text}"
        );
        assert!(text.contains(r#""timestamp_type":"not_available""#));
        round_trip(&r);
    }

    #[test]
    fn every_combination_of_null_empty_text_and_binary_round_trips() {
        let kinds: [Option<Bytes>; 5] = [
            None,
            b(b""),
            b(b"hello"),
            b(&[0xde, 0xad, 0xbe, 0xef]),
            b(b"{\"base64\":\"aGk=\"}"),
        ];
        for key in &kinds {
            for value in &kinds {
                let r = Record {
                    msg: Message {
                        key: key.clone(),
                        value: value.clone(),
                        headers: kinds
                            .iter()
                            .map(|v| ("h".to_string(), v.clone()))
                            .chain([("".to_string(), None)])
                            .collect(),
                        ..Message::default()
                    },
                    ..base()
                };
                round_trip(&r);
            }
        }
    }

    #[test]
    fn null_is_not_empty() {
        let null = Record {
            msg: Message {
                key: None,
                value: None,
                ..Message::default()
            },
            ..base()
        };
        let empty = Record {
            msg: Message {
                key: b(b""),
                value: b(b""),
                ..Message::default()
            },
            ..base()
        };
        assert!(to_string(&null).contains(r#""key":null,"value":null"#));
        assert!(to_string(&empty).contains(r#""key":"","value":"""#));
        round_trip(&null);
        round_trip(&empty);
    }

    #[test]
    fn every_byte_and_all_control_characters_round_trip() {
        let all: Vec<u8> = (0..=255).collect();
        let controls: String = (0u32..0x20)
            .chain([0x7f, 0x85, 0x2028, 0xfeff])
            .filter_map(char::from_u32)
            .collect();
        let r = Record {
            topic: controls.as_str().into(),
            msg: Message {
                key: b(controls.as_bytes()),
                value: b(&all),
                headers: vec![
                    (controls.clone(), b(controls.as_bytes())),
                    ("x".into(), b(&all[128..])),
                ],
                ..Message::default()
            },
            ..base()
        };
        round_trip(&r);
        // Invalid UTF-8 in the middle of text goes to base64 whole.
        let r = Record {
            msg: Message {
                value: b(b"abc\xffdef"),
                ..Message::default()
            },
            ..base()
        };
        assert!(to_string(&r).contains(r#""value":{"base64":"YWJj/2RlZg=="}"#));
        round_trip(&r);
    }

    #[test]
    fn extreme_numbers_and_timestamps_round_trip() {
        for ts in [
            i64::MIN,
            -62_167_219_200_001,
            -2_208_988_800_000,
            -1,
            0,
            253_402_300_800_000,
            i64::MAX,
        ] {
            round_trip(&Record {
                msg: Message {
                    timestamp: ts,
                    ..Message::default()
                },
                ..base()
            });
        }
        round_trip(&Record {
            at: crate::record::Position::Offset {
                partition: i32::MAX,
                offset: i64::MAX,
            },
            ..base()
        });
        let far = to_string(&Record {
            msg: Message {
                timestamp: 253_402_300_800_000,
                ..Message::default()
            },
            ..base()
        });
        assert!(
            far.contains(
                r#""timestamp":"+10000-01-01T00:00:00.000Z","timestamp_ms":253402300800000"#
            ),
            "{far}"
        );
        let old = to_string(&Record {
            msg: Message {
                timestamp: -2_208_988_800_000,
                ..Message::default()
            },
            ..base()
        });
        assert!(
            old.contains(r#""timestamp":"1900-01-01T00:00:00.000Z""#),
            "{old}"
        );
    }

    #[test]
    fn writer_streams_lines() {
        let mut w = JsonLinesWriter::new(Vec::new());
        for i in 0..2000 {
            w.write(&Record {
                at: crate::record::Position::Offset {
                    partition: 0,
                    offset: i,
                },
                ..base()
            })
            .unwrap();
        }
        let out = w.into_inner().unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2000);
        assert!(text.ends_with("}\n"));
        let last = decode(lines[1999].as_bytes()).unwrap();
        assert_eq!(last.offset, Some(1999));
        let mut v = Vec::new();
        encode_line(&mut v, &base());
        assert_eq!(v, format!("{}\n", to_string(&base())).into_bytes());
    }

    #[test]
    fn decodes_minimal_and_convenient_input() {
        let d = decode(br#"{"value":"hi"}"#).unwrap();
        assert_eq!(
            d,
            DecodedRecord {
                value: b(b"hi"),
                ..DecodedRecord::default()
            }
        );
        assert_eq!(d.into_record(), None);
        let d = decode(br#" {"key":null,"value":null,"headers":[["a",null],["a","1"]]} "#).unwrap();
        assert_eq!(d.key, None);
        assert_eq!(d.value, None);
        assert_eq!(
            d.headers,
            vec![("a".to_string(), None), ("a".to_string(), b(b"1"))]
        );
        // timestamp as RFC 3339 (any offset), as epoch ms, or as timestamp_ms alone.
        let ts = |s: &str| decode(s.as_bytes()).unwrap().timestamp;
        assert_eq!(
            ts(r#"{"value":"","timestamp":"2025-01-01T01:00:00+01:00"}"#),
            Some(1_735_689_600_000)
        );
        assert_eq!(
            ts(r#"{"value":"","timestamp":1735689600000}"#),
            Some(1_735_689_600_000)
        );
        assert_eq!(ts(r#"{"value":"","timestamp":-5}"#), Some(-5));
        assert_eq!(ts(r#"{"value":"","timestamp_ms":7}"#), Some(7));
        assert_eq!(
            ts(r#"{"value":"","timestamp":"1970-01-01T00:00:00.007Z","timestamp_ms":7}"#),
            Some(7)
        );
        assert_eq!(ts(r#"{"value":"","timestamp":null}"#), None);
        let d = decode(br#"{"topic":"x","partition":1,"offset":2,"timestamp_type":"log_append","value":{"base64":""}}"#).unwrap();
        assert_eq!(d.topic.as_deref(), Some("x"));
        assert_eq!(d.partition, Some(1));
        assert_eq!(d.offset, Some(2));
        assert_eq!(d.timestamp_type, Some(TimestampType::LogAppend));
        assert_eq!(d.value, b(b""));
        // A key that is JSON text is just text.
        let d = decode(br#"{"key":"{\"base64\":\"x\"}","value":"\u00e9\ud83d\ude00"}"#).unwrap();
        assert_eq!(d.key, b(br#"{"base64":"x"}"#));
        assert_eq!(d.value, b("é😀".as_bytes()));
    }

    #[test]
    fn rejects_bad_documents_clearly() {
        assert!(
            decode_err("").starts_with("not valid JSON: EOF"),
            "{}",
            decode_err("")
        );
        assert!(decode_err(r#"{"value":"x""#).starts_with("not valid JSON"));
        assert!(decode_err(r#"{"value":"x"} trailing"#).starts_with("not valid JSON"));
        assert_eq!(
            decode_err(r#"["x"]"#),
            "expected a JSON object with topic (or stream), partition, offset, id, timestamp, timestamp_ms, timestamp_type, key, value, headers, key_schema, value_schema, got an array"
        );
        assert_eq!(
            decode_err(r#"{"key":"k"}"#),
            r#"missing "value" (use "value": null for a tombstone)"#
        );
        assert_eq!(
            decode_err(r#"{"vaule":"x"}"#),
            r#"unknown field "vaule" (expected topic (or stream), partition, offset, id, timestamp, timestamp_ms, timestamp_type, key, value, headers, key_schema, value_schema)"#
        );
        assert_eq!(
            decode_err(r#"{"value":"x","partition":"3"}"#),
            r#""partition": expected an integer, got the string "3""#
        );
        assert_eq!(
            decode_err(r#"{"value":"x","partition":-1}"#),
            r#""partition": expected an integer from 0 to 2147483647, got -1"#
        );
        assert!(
            decode_err(r#"{"value":"x","partition":2147483648}"#).contains("from 0 to 2147483647")
        );
        assert!(
            decode_err(r#"{"value":"x","offset":1.5}"#)
                .contains(r#""offset": expected an integer from 0"#)
        );
        assert!(
            decode_err(r#"{"value":"x","timestamp":"yesterday"}"#)
                .starts_with(r#""timestamp": invalid timestamp "yesterday""#)
        );
        assert!(
            decode_err(r#"{"value":"x","timestamp":true}"#)
                .contains("expected an RFC 3339 string or epoch milliseconds, got true")
        );
        assert!(
            decode_err(r#"{"value":"x","timestamp":"1970-01-01T00:00:00Z","timestamp_ms":1}"#)
                .contains("disagree")
        );
        assert!(
            decode_err(r#"{"value":"x","timestamp_type":"Create"}"#)
                .contains(r#"unknown timestamp_type "Create""#)
        );
        assert!(
            decode_err(r#"{"value":"x","topic":1}"#)
                .contains(r#""topic": expected a string, got the number 1"#)
        );
        assert_eq!(
            decode_err(r#"{"value":5}"#),
            r#""value": expected a string, {"base64": "..."} or null, got the number 5"#
        );
        assert!(
            decode_err(r#"{"value":{"text":"x"}}"#)
                .contains(r#"an object must be exactly {"base64": "..."}"#)
        );
        assert!(decode_err(r#"{"value":{"base64":"x","y":1}}"#).contains("exactly"));
        assert!(
            decode_err(r#"{"key":{"base64":"***"},"value":null}"#)
                .starts_with(r#""key": invalid base64"#)
        );
        assert!(
            decode_err(r#"{"value":"x","headers":{"a":"b"}}"#)
                .contains("expected an array of [name, value] pairs, got an object")
        );
        assert_eq!(
            decode_err(r#"{"value":"x","headers":[["a","b","c"]]}"#),
            r#""headers"[0]: expected a [name, value] pair, got an array of 3 elements"#
        );
        assert!(
            decode_err(r#"{"value":"x","headers":["a"]}"#)
                .contains(r#""headers"[0]: expected a [name, value] pair, got the string "a""#)
        );
        assert!(
            decode_err(r#"{"value":"x","headers":[["a","b"],[null,"b"]]}"#)
                .contains(r#""headers"[1]: the name must be a string, got null"#)
        );
        assert!(
            decode_err(r#"{"value":"x","headers":[["a",1]]}"#)
                .starts_with(r#""headers"[0] ("a") value: expected a string"#)
        );
        let long = format!(r#"{{"value":"x","partition":"{}"}}"#, "z".repeat(100));
        assert!(decode_err(&long).ends_with("…"), "{}", decode_err(&long));
    }

    #[test]
    fn datum_values_keep_their_text_and_a_tagged_null_stays_a_datum() {
        let line = br#"{"value": {"b":1, "a":12345678901234567890123},"value_schema":{"id":3}}"#;
        let d = decode_with(line, Datum::default()).unwrap();
        assert_eq!(
            d.value.as_deref(),
            Some(&br#"{"b":1, "a":12345678901234567890123}"#[..])
        );
        assert_eq!(d.value_schema.unwrap().id, 3);
        let d = decode_with(
            br#"{"value":null,"value_schema":{"id":3}}"#,
            Datum::default(),
        );
        assert_eq!(d.unwrap().value.as_deref(), Some(&b"null"[..]));
        let datum = Datum {
            key: false,
            value: true,
        };
        let d = decode_with(br#"{"value":null}"#, datum).unwrap();
        assert_eq!(d.value, None, "an untagged null is a tombstone");
        let d = decode_with(br#"{"key":"k","value":{"x":[1, 2]}}"#, datum).unwrap();
        assert_eq!(d.key.as_deref(), Some(&b"k"[..]), "the key is not a datum");
        assert_eq!(d.value.as_deref(), Some(&br#"{"x":[1, 2]}"#[..]));
    }
}
