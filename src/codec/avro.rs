//! Avro data through the registry: `apache-avro` reads and writes the binary datum; this module
//! maps it to and from JSON, walking schema and value together (the crate's own JSON conversion
//! drops union branch names and decimal scales).
//!
//! JSON form: records as objects, enums as their symbol, bytes and fixed as base64, decimals as
//! exact decimal strings (`"12.30"`), `date` as `YYYY-MM-DD`, `time-*` as `HH:MM:SS.fff`,
//! `timestamp-*` as RFC 3339 in UTC (`local-timestamp-*` without a zone) with the logical type's
//! precision, `uuid` as text, `duration` as `{"months","days","millis"}`, non-finite floats as
//! `"NaN"`, `"Infinity"`, `"-Infinity"`. Unions are the branch's value ([`AvroJson::Plain`]) or,
//! as the Avro specification's JSON encoding has them, `{"<branch type>": value}` with null as
//! `null` ([`AvroJson::Avro`]). Encoding reads both union forms; a plain value goes to the first
//! branch that takes it.

use std::collections::HashMap;

use apache_avro::schema::{DecimalSchema, InnerDecimalSchema, Name, RecordSchema, UnionSchema};
use apache_avro::types::Value as Avro;
use apache_avro::{Decimal, Schema};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use num_bigint::BigInt;
use serde_json::Value as Json;

use crate::record::time;

mod plan;
use self::plan::{Node, NodeId, Plan};

/// The JSON form of unions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AvroJson {
    /// The branch's value alone (`"a"`, `5`).
    #[default]
    Plain,
    /// The Avro specification's JSON encoding: `{"string": "a"}`.
    Avro,
}

/// Bytes one datum may allocate for one string, bytes or collection; hostile lengths beyond it
/// are an error, not an allocation.
const MAX_ALLOCATION: usize = 64 << 20;

/// A writer schema, parsed once with the named types of its references.
pub struct AvroCodec {
    schema: &'static Schema,
    plan: Plan,
    names: HashMap<Name, &'static Schema>,
    writer: apache_avro::writer::datum::GenericDatumWriter<'static>,
}

impl AvroCodec {
    /// Parses `text` with the texts of its references (dependencies first). The schemas live as
    /// long as the process: a run parses each registry schema once.
    pub fn new(text: &str, references: &[String]) -> Result<AvroCodec, String> {
        apache_avro::util::max_allocation_bytes(MAX_ALLOCATION);
        let (main, refs) = Schema::parse_str_with_list(text, references)
            .map_err(|e| format!("Avro schema does not parse: {e}"))?;
        let refs: &'static [Schema] = Box::leak(refs.into_boxed_slice());
        let main: &'static Schema = Box::leak(Box::new(main));
        let mut all: Vec<&'static Schema> = refs.iter().collect();
        all.push(main);
        let resolved = apache_avro::schema::ResolvedSchema::new_with_schemata(all.clone())
            .map_err(|e| format!("Avro schema references: {e}"))?;
        let names = resolved
            .get_names()
            .iter()
            .map(|(n, s)| (n.clone(), *s))
            .collect();
        let writer = apache_avro::writer::datum::GenericDatumWriter::builder(main)
            .schemata(all)
            .and_then(|b| b.build())
            .map_err(|e| format!("Avro schema: {e}"))?;
        let mut codec = AvroCodec {
            schema: main,
            plan: Plan::default(),
            names,
            writer,
        };
        codec.plan = Plan::new(main, &codec.names, &|s| branch_name(&codec, s))?;
        Ok(codec)
    }

    /// The full name of the top-level named type (record name strategies), if it has one.
    pub fn record_name(&self) -> Option<String> {
        match self.schema {
            Schema::Record(r) => Some(r.name.fullname(None)),
            Schema::Enum(e) => Some(e.name.fullname(None)),
            Schema::Fixed(f) => Some(f.name.fullname(None)),
            _ => None,
        }
    }

    /// Decodes one datum and appends it as JSON.
    pub fn decode(&self, bytes: &[u8], mode: AvroJson, out: &mut Vec<u8>) -> Result<(), String> {
        let start = out.len();
        let mut r = Reader {
            b: bytes,
            at: 0,
            out,
            mode,
            items: 0,
        };
        let done = r.value(&self.plan, self.plan.top, 0);
        let left = bytes.len() - r.at;
        if done.is_err() || left > 0 {
            out.truncate(start);
        }
        done?;
        if left > 0 {
            return Err(format!(
                "{left} bytes left over after the Avro datum (not written with this schema?)"
            ));
        }
        Ok(())
    }

    /// Encodes a JSON value as a datum.
    pub fn encode(&self, json: &Json) -> Result<Vec<u8>, String> {
        let value = to_avro(self, self.schema, json, &mut Path::default())?;
        self.writer
            .write_value_to_vec(value)
            .map_err(|e| format!("does not match the Avro schema: {e}"))
    }

    fn resolve<'a>(&'a self, s: &'a Schema) -> Result<&'a Schema, String> {
        match s {
            Schema::Ref { name } => self
                .names
                .get(name)
                .copied()
                .ok_or_else(|| format!("unknown Avro type {}", name.fullname(None))),
            other => Ok(other),
        }
    }
}

/// Nesting deeper than this is refused (recursive schemas with hostile data).
const MAX_DEPTH: usize = 200;

/// Reads one binary datum, writing its JSON as it goes (no intermediate values: this is the
/// hot path of a decoding tail). Lengths and counts are checked against the bytes left, so
/// hostile input cannot make it allocate or loop beyond the record's size.
struct Reader<'a, 'o> {
    /// Array items and map entries read so far: at most one per byte, plus
    /// [`MAX_EMPTY_ITEMS`] zero-width ones in the whole datum.
    items: u64,
    b: &'a [u8],
    at: usize,
    out: &'o mut Vec<u8>,
    mode: AvroJson,
}

/// Zero-width items (null, empty records) one datum may hold in all its arrays and maps.
const MAX_EMPTY_ITEMS: u64 = 1 << 16;

impl Reader<'_, '_> {
    fn fail<T>(&self, what: &str) -> Result<T, String> {
        Err(format!(
            "Avro datum does not decode: {what} at byte {}",
            self.at
        ))
    }

    fn long(&mut self) -> Result<i64, String> {
        let mut raw: u64 = 0;
        for i in 0..10 {
            let Some(&byte) = self.b.get(self.at) else {
                return self.fail("truncated varint");
            };
            self.at += 1;
            raw |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return Ok(((raw >> 1) as i64) ^ -((raw & 1) as i64));
            }
        }
        self.fail("varint longer than 10 bytes")
    }

    fn int(&mut self) -> Result<i32, String> {
        let v = self.long()?;
        i32::try_from(v).or_else(|_| self.fail("int out of range"))
    }

    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        match self.b.get(self.at..self.at.saturating_add(n)) {
            Some(s) if self.at.checked_add(n).is_some() => {
                self.at += n;
                Ok(s)
            }
            _ => self.fail(&format!(
                "{n} bytes claimed, {} left",
                self.b.len() - self.at
            )),
        }
    }

    fn len(&mut self) -> Result<usize, String> {
        let n = self.long()?;
        if n < 0 || n as u64 > (self.b.len() - self.at) as u64 {
            return self.fail(&format!(
                "length {n} with {} bytes left",
                self.b.len() - self.at
            ));
        }
        Ok(n as usize)
    }

    fn bytes(&mut self) -> Result<&[u8], String> {
        let n = self.len()?;
        let (start, end) = (self.at, self.at + n);
        self.at = end;
        Ok(&self.b[start..end])
    }

    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn value(&mut self, plan: &Plan, node: NodeId, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err("Avro datum nested too deeply".into());
        }
        match &plan.nodes[node] {
            Node::Null => self.raw("null"),
            Node::Boolean => match self.take(1)?[0] {
                0 => self.raw("false"),
                1 => self.raw("true"),
                _ => return self.fail("boolean byte not 0 or 1"),
            },
            Node::Int => {
                let i = self.int()?;
                self.number(i64::from(i));
            }
            Node::Long => {
                let i = self.long()?;
                self.number(i);
            }
            Node::Float => {
                let f = f32::from_le_bytes(self.take(4)?.try_into().unwrap_or_default());
                self.float(f64::from(f), Some(f));
            }
            Node::Double => {
                let f = f64::from_le_bytes(self.take(8)?.try_into().unwrap_or_default());
                self.float(f, None);
            }
            Node::Bytes => {
                let (start, end) = self.span()?;
                write_base64(self.out, &self.b[start..end]);
            }
            Node::String => {
                let (start, end) = self.span()?;
                let text = std::str::from_utf8(&self.b[start..end])
                    .map_err(|_| "Avro string is not UTF-8".to_string())?;
                crate::record::json::write_str(self.out, text);
            }
            Node::Fixed(size) => {
                let start = self.at;
                self.take(*size)?;
                write_base64(self.out, &self.b[start..self.at]);
            }
            Node::UuidFixed => {
                let u: [u8; 16] = self.take(16)?.try_into().unwrap_or_default();
                let text = apache_avro::Uuid::from_bytes(u).to_string();
                crate::record::json::write_str(self.out, &text);
            }
            Node::Enum(symbols) => {
                let i = self.long()?;
                match usize::try_from(i).ok().and_then(|i| symbols.get(i)) {
                    Some(sym) => self.out.extend_from_slice(sym),
                    None => return self.fail(&format!("enum index {i} out of range")),
                }
            }
            Node::Union(branches) => {
                let i = self.long()?;
                let Some((b, prefix, null)) = usize::try_from(i).ok().and_then(|i| branches.get(i))
                else {
                    return self.fail(&format!("union branch {i} out of range"));
                };
                if plan::wrapped(self.mode, *null) {
                    self.out.extend_from_slice(prefix);
                    self.value(plan, *b, depth + 1)?;
                    self.out.push(b'}');
                } else {
                    self.value(plan, *b, depth + 1)?;
                }
            }
            Node::Array(item) => {
                self.out.push(b'[');
                self.blocks(plan, *item, depth, false)?;
                self.out.push(b']');
            }
            Node::Map(item) => {
                self.out.push(b'{');
                self.blocks(plan, *item, depth, true)?;
                self.out.push(b'}');
            }
            Node::Record(fields) => {
                self.out.push(b'{');
                for (n, (key, f)) in fields.iter().enumerate() {
                    if n > 0 {
                        self.out.push(b',');
                    }
                    self.out.extend_from_slice(key);
                    self.value(plan, *f, depth + 1)?;
                }
                self.out.push(b'}');
            }
            Node::Decimal { fixed, scale } => {
                let (start, end) = match fixed {
                    None => self.span()?,
                    Some(size) => {
                        let start = self.at;
                        self.take(*size)?;
                        (start, self.at)
                    }
                };
                if end - start > MAX_DECIMAL_BYTES {
                    return self.fail("decimal of more than 128 bytes");
                }
                let b = self.b;
                write_decimal(self.out, &b[start..end], *scale);
            }
            Node::BigDecimal => {
                let raw = self.bytes()?.to_vec();
                let schema = Schema::BigDecimal;
                let v = apache_avro::reader::datum::GenericDatumReader::builder(&schema)
                    .build()
                    .and_then(|r| r.read_value(&mut &raw_bigdecimal(&raw)[..]))
                    .map_err(|e| format!("Avro big-decimal: {e}"))?;
                match v {
                    Avro::BigDecimal(b) => crate::record::json::write_str(self.out, &b.to_string()),
                    _ => return self.fail("big-decimal"),
                }
            }
            Node::Date => {
                let d = self.int()?;
                self.out.push(b'"');
                time::write_date(self.out, i64::from(d));
                self.out.push(b'"');
            }
            Node::TimeMillis => {
                let t = self.int()?;
                self.time_of_day(i64::from(t), 3);
            }
            Node::TimeMicros => {
                let t = self.long()?;
                self.time_of_day(t, 6);
            }
            Node::Timestamp { digits, utc } => self.timestamp(*digits, *utc)?,
            Node::Duration => {
                let b = self.take(12)?;
                let part = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
                let text = format!(
                    "{{\"months\":{},\"days\":{},\"millis\":{}}}",
                    part(0),
                    part(4),
                    part(8)
                );
                self.raw(&text);
            }
            Node::Pending => return self.fail("unresolved Avro type"),
        }
        Ok(())
    }

    /// The span of a length-prefixed string or bytes.
    fn span(&mut self) -> Result<(usize, usize), String> {
        let n = self.len()?;
        let start = self.at;
        self.at += n;
        Ok((start, self.at))
    }

    /// Array items or map entries, in blocks (a negative count is followed by the block's size).
    fn blocks(&mut self, plan: &Plan, item: NodeId, depth: usize, map: bool) -> Result<(), String> {
        let mut first = true;
        loop {
            let mut count = self.long()?;
            if count == 0 {
                return Ok(());
            }
            if count < 0 {
                count = count.checked_neg().ok_or("Avro block count out of range")?;
                self.long()?;
            }
            let left = (self.b.len() - self.at) as u64;
            self.items = self.items.saturating_add(count as u64);
            if self.items > self.b.len() as u64 + MAX_EMPTY_ITEMS {
                return self.fail(&format!("block of {count} items with {left} bytes left"));
            }
            for _ in 0..count {
                if !first {
                    self.out.push(b',');
                }
                first = false;
                if map {
                    let (start, end) = self.span()?;
                    let key = std::str::from_utf8(&self.b[start..end])
                        .map_err(|_| "Avro map key is not UTF-8".to_string())?;
                    crate::record::json::write_str(self.out, key);
                    self.out.push(b':');
                }
                self.value(plan, item, depth + 1)?;
            }
        }
    }

    fn number(&mut self, i: i64) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
    }

    fn float(&mut self, f: f64, single: Option<f32>) {
        if f.is_nan() {
            self.raw("\"NaN\"");
        } else if f.is_infinite() {
            self.raw(if f > 0.0 {
                "\"Infinity\""
            } else {
                "\"-Infinity\""
            });
        } else {
            // the shortest text that reads back as the same float
            let _ = match single {
                Some(s) => serde_json::to_writer(&mut *self.out, &s),
                None => serde_json::to_writer(&mut *self.out, &f),
            };
        }
    }

    fn time_of_day(&mut self, t: i64, digits: u32) {
        self.out.push(b'"');
        time::write_time_units(self.out, t, digits);
        self.out.push(b'"');
    }

    fn timestamp(&mut self, digits: u32, utc: bool) -> Result<(), String> {
        let t = self.long()?;
        self.out.push(b'"');
        time::write_rfc3339_units(self.out, t, digits, utc);
        self.out.push(b'"');
        Ok(())
    }
}

fn write_base64(out: &mut Vec<u8>, b: &[u8]) {
    out.push(b'"');
    let start = out.len();
    out.resize(start + base64::encoded_len(b.len(), true).unwrap_or(0), 0);
    let n = BASE64.encode_slice(b, &mut out[start..]).unwrap_or(0);
    out.truncate(start + n);
    out.push(b'"');
}

/// A big-decimal's bytes as the datum `apache-avro` reads (length-prefixed again).
fn raw_bigdecimal(raw: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(raw.len() + 10);
    let mut z = ((raw.len() as i64) << 1) as u64;
    while z >= 0x80 {
        v.push((z as u8 & 0x7f) | 0x80);
        z >>= 7;
    }
    v.push(z as u8);
    v.extend_from_slice(raw);
    v
}

/// The name of a union branch in the Avro JSON encoding: a named type's full name, else the
/// type's name (the underlying type for a logical type).
fn branch_name(c: &AvroCodec, s: &Schema) -> String {
    let s = c.resolve(s).unwrap_or(s);
    match s {
        Schema::Record(r) => r.name.fullname(None),
        Schema::Enum(e) => e.name.fullname(None),
        Schema::Fixed(f) | Schema::Duration(f) => f.name.fullname(None),
        Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(f),
            ..
        }) => f.name.fullname(None),
        Schema::Uuid(apache_avro::schema::UuidSchema::Fixed(f)) => f.name.fullname(None),
        Schema::Null => "null".into(),
        Schema::Boolean => "boolean".into(),
        Schema::Int | Schema::Date | Schema::TimeMillis => "int".into(),
        Schema::Long
        | Schema::TimeMicros
        | Schema::TimestampMillis
        | Schema::TimestampMicros
        | Schema::TimestampNanos
        | Schema::LocalTimestampMillis
        | Schema::LocalTimestampMicros
        | Schema::LocalTimestampNanos => "long".into(),
        Schema::Float => "float".into(),
        Schema::Double => "double".into(),
        Schema::Bytes | Schema::Decimal(_) | Schema::BigDecimal => "bytes".into(),
        Schema::Uuid(apache_avro::schema::UuidSchema::Bytes) => "bytes".into(),
        Schema::String | Schema::Uuid(_) => "string".into(),
        Schema::Array(_) => "array".into(),
        Schema::Map(_) => "map".into(),
        Schema::Union(_) => "union".into(),
        Schema::Ref { name } => name.fullname(None),
    }
}

/// A decimal as a JSON string.
fn write_decimal(out: &mut Vec<u8>, bytes: &[u8], scale: usize) {
    out.push(b'"');
    push_decimal(out, bytes, scale);
    out.push(b'"');
}

/// Decimals longer than this (about 300 digits) are not turned into text (big-integer printing
/// is quadratic): such a datum is an error.
const MAX_DECIMAL_BYTES: usize = 128;

/// Two's-complement big-endian bytes with `scale` as an exact decimal string.
fn decimal_text(bytes: &[u8], scale: usize) -> String {
    let mut text = Vec::with_capacity(bytes.len() * 3 + scale + 3);
    push_decimal(&mut text, bytes, scale);
    // only ASCII digits, a sign and a point were written
    String::from_utf8(text).unwrap_or_default()
}

/// Appends the decimal's text: straight from an i128 when it fits (the common case), else
/// through a big integer.
fn push_decimal(out: &mut Vec<u8>, bytes: &[u8], scale: usize) {
    let mut itoa = itoa::Buffer::new();
    let big;
    let (minus, digits) = if bytes.len() <= 16 {
        let fill = if bytes.first().is_some_and(|b| b & 0x80 != 0) {
            0xff
        } else {
            0
        };
        let mut buf = [fill; 16];
        buf[16 - bytes.len()..].copy_from_slice(bytes);
        let n = i128::from_be_bytes(buf);
        (n < 0, itoa.format(n.unsigned_abs()).as_bytes())
    } else {
        let n = BigInt::from_signed_bytes_be(bytes);
        big = n.magnitude().to_string();
        (n.sign() == num_bigint::Sign::Minus, big.as_bytes())
    };
    if minus {
        out.push(b'-');
    }
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() <= scale {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(int);
        out.push(b'.');
        out.extend_from_slice(frac);
    }
}

/// Parses an exact decimal (`"-12.3"`, `"5"`, `"1e2"` is refused) at `scale`: the unscaled value.
fn decimal_value(text: &str, scale: usize) -> Result<BigInt, String> {
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return Err(format!("{text:?} is not a decimal number"));
    }
    let significant = frac.trim_end_matches('0');
    if significant.len() > scale {
        return Err(format!(
            "{text:?} has more than the schema's {scale} decimal places"
        ));
    }
    let unscaled = format!(
        "{sign}{int}{frac:0<scale$}",
        frac = &frac[..frac.len().min(scale)]
    );
    unscaled
        .parse::<BigInt>()
        .map_err(|e| format!("{text:?}: {e}"))
}

/// Where in the JSON value an encoding error is.
#[derive(Default)]
struct Path(Vec<String>);

impl Path {
    fn at(&self, why: impl std::fmt::Display) -> String {
        let mut p = String::from("$");
        for s in &self.0 {
            p.push_str(s);
        }
        format!("{p}: {why}")
    }
}

fn kind(j: &Json) -> &'static str {
    match j {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

fn expected(path: &Path, what: &str, j: &Json) -> String {
    path.at(format!("expected {what}, got {}", kind(j)))
}

fn to_avro(c: &AvroCodec, s: &Schema, j: &Json, path: &mut Path) -> Result<Avro, String> {
    if path.0.len() > MAX_DEPTH {
        return Err(path.at("nested too deeply"));
    }
    let s = c.resolve(s)?;
    Ok(match s {
        Schema::Null => match j {
            Json::Null => Avro::Null,
            _ => return Err(expected(path, "null", j)),
        },
        Schema::Boolean => {
            Avro::Boolean(j.as_bool().ok_or_else(|| expected(path, "a boolean", j))?)
        }
        Schema::Int => Avro::Int(int_in(j, path, i32::MIN.into(), i32::MAX.into())? as i32),
        Schema::Long => Avro::Long(int_in(j, path, i64::MIN, i64::MAX)?),
        Schema::Float => Avro::Float(float_of(j, path)? as f32),
        Schema::Double => Avro::Double(float_of(j, path)?),
        Schema::Bytes => Avro::Bytes(base64_of(j, path)?),
        Schema::String => Avro::String(str_of(j, path)?.to_string()),
        Schema::Fixed(f) => {
            let b = base64_of(j, path)?;
            if b.len() != f.size {
                return Err(path.at(format!(
                    "fixed {} takes {} bytes, got {}",
                    f.name.fullname(None),
                    f.size,
                    b.len()
                )));
            }
            Avro::Fixed(f.size, b)
        }
        Schema::Enum(e) => {
            let sym = str_of(j, path)?;
            let i = e.symbols.iter().position(|x| x == sym).ok_or_else(|| {
                path.at(format!(
                    "{sym:?} is not a symbol of enum {} ({})",
                    e.name.fullname(None),
                    e.symbols.join(", ")
                ))
            })?;
            Avro::Enum(i as u32, sym.to_string())
        }
        Schema::Array(a) => {
            let items = j.as_array().ok_or_else(|| expected(path, "an array", j))?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.0.push(format!("[{i}]"));
                out.push(to_avro(c, &a.items, item, path)?);
                path.0.pop();
            }
            Avro::Array(out)
        }
        Schema::Map(m) => {
            let obj = j
                .as_object()
                .ok_or_else(|| expected(path, "an object (map)", j))?;
            let mut out = HashMap::with_capacity(obj.len());
            for (k, v) in obj {
                path.0.push(format!("[{k:?}]"));
                out.insert(k.clone(), to_avro(c, &m.types, v, path)?);
                path.0.pop();
            }
            Avro::Map(out)
        }
        Schema::Record(r) => record_to_avro(c, r, j, path)?,
        Schema::Union(u) => union_to_avro(c, u, j, path)?,
        Schema::Decimal(d) => {
            let text = match j {
                Json::String(t) => t.clone(),
                Json::Number(n) => n.to_string(),
                _ => return Err(expected(path, "a decimal string", j)),
            };
            let n = decimal_value(&text, d.scale).map_err(|e| path.at(e))?;
            let digits = n.magnitude().to_string().len();
            if digits > d.precision {
                return Err(path.at(format!(
                    "{text} has more than the schema's precision of {} digits",
                    d.precision
                )));
            }
            let bytes = n.to_signed_bytes_be();
            if let InnerDecimalSchema::Fixed(f) = &d.inner
                && bytes.len() > f.size
            {
                return Err(path.at(format!("{text} does not fit fixed({})", f.size)));
            }
            Avro::Decimal(Decimal::from(bytes))
        }
        Schema::BigDecimal => {
            let text = match j {
                Json::String(t) => t.clone(),
                Json::Number(n) => n.to_string(),
                _ => return Err(expected(path, "a decimal string", j)),
            };
            Avro::BigDecimal(
                text.parse()
                    .map_err(|e| path.at(format!("{text:?}: {e}")))?,
            )
        }
        Schema::Uuid(_) => {
            let t = str_of(j, path)?;
            Avro::Uuid(
                t.parse()
                    .map_err(|e| path.at(format!("{t:?} is not a UUID: {e}")))?,
            )
        }
        Schema::Date => match j {
            Json::String(t) => Avro::Date(
                i32::try_from(time::parse_date(t).map_err(|e| path.at(e))?)
                    .map_err(|_| path.at("date out of range"))?,
            ),
            _ => Avro::Date(int_in(j, path, i32::MIN.into(), i32::MAX.into())? as i32),
        },
        Schema::TimeMillis => Avro::TimeMillis(time_of_day(j, path, 3)? as i32),
        Schema::TimeMicros => Avro::TimeMicros(time_of_day(j, path, 6)?),
        Schema::TimestampMillis => Avro::TimestampMillis(instant(j, path, 3, false)?),
        Schema::TimestampMicros => Avro::TimestampMicros(instant(j, path, 6, false)?),
        Schema::TimestampNanos => Avro::TimestampNanos(instant(j, path, 9, false)?),
        Schema::LocalTimestampMillis => Avro::LocalTimestampMillis(instant(j, path, 3, true)?),
        Schema::LocalTimestampMicros => Avro::LocalTimestampMicros(instant(j, path, 6, true)?),
        Schema::LocalTimestampNanos => Avro::LocalTimestampNanos(instant(j, path, 9, true)?),
        Schema::Duration(_) => {
            let o = j
                .as_object()
                .ok_or_else(|| expected(path, "an object with months, days, millis", j))?;
            let part = |k: &str| -> Result<u32, String> {
                let v = o
                    .get(k)
                    .and_then(Json::as_u64)
                    .ok_or_else(|| path.at(format!("duration needs {k:?} (0..4294967295)")))?;
                u32::try_from(v).map_err(|_| path.at(format!("duration {k:?} out of range")))
            };
            Avro::Duration(apache_avro::Duration::new(
                apache_avro::Months::new(part("months")?),
                apache_avro::Days::new(part("days")?),
                apache_avro::Millis::new(part("millis")?),
            ))
        }
        Schema::Ref { name } => {
            return Err(path.at(format!("unknown type {}", name.fullname(None))));
        }
    })
}

fn record_to_avro(
    c: &AvroCodec,
    r: &RecordSchema,
    j: &Json,
    path: &mut Path,
) -> Result<Avro, String> {
    let obj = j.as_object().ok_or_else(|| {
        expected(
            path,
            &format!("an object (record {})", r.name.fullname(None)),
            j,
        )
    })?;
    if let Some(extra) = obj.keys().find(|k| !r.lookup.contains_key(*k)) {
        return Err(path.at(format!(
            "unknown field {extra:?} in record {}",
            r.name.fullname(None)
        )));
    }
    let mut fields = Vec::with_capacity(r.fields.len());
    for f in &r.fields {
        path.0.push(format!(".{}", f.name));
        let v = match (obj.get(&f.name), &f.default) {
            (Some(v), _) => to_avro(c, &f.schema, v, path)?,
            (None, Some(d)) => default_to_avro(c, &f.schema, d, path)?,
            (None, None) => return Err(path.at("missing (the field has no default)")),
        };
        path.0.pop();
        fields.push((f.name.clone(), v));
    }
    Ok(Avro::Record(fields))
}

/// A field default: for a union, a value of its first branch.
/// Defaults of bytes and fixed are ISO-8859-1 strings in a schema (one character per byte), not
/// base64 as in evctl's JSON.
fn default_to_avro(c: &AvroCodec, s: &Schema, d: &Json, path: &mut Path) -> Result<Avro, String> {
    let s = match c.resolve(s)? {
        Schema::Union(u) => {
            let first = u.variants().first().ok_or_else(|| path.at("empty union"))?;
            let v = default_to_avro(c, first, d, path)?;
            return Ok(Avro::Union(0, Box::new(v)));
        }
        other => other,
    };
    let latin1 = |d: &Json| -> Result<Vec<u8>, String> {
        let text = d
            .as_str()
            .ok_or_else(|| expected(path, "a string default", d))?;
        text.chars()
            .map(|ch| u8::try_from(u32::from(ch)).map_err(|_| path.at("default beyond ISO-8859-1")))
            .collect()
    };
    match s {
        Schema::Bytes | Schema::Fixed(_) => {
            to_avro(c, s, &Json::from(BASE64.encode(latin1(d)?)), path)
        }
        Schema::Decimal(dec) => {
            let text = decimal_text(&latin1(d)?, dec.scale);
            to_avro(c, s, &Json::from(text), path)
        }
        other => to_avro(c, other, d, path),
    }
}

fn union_to_avro(
    c: &AvroCodec,
    u: &UnionSchema,
    j: &Json,
    path: &mut Path,
) -> Result<Avro, String> {
    let branches = u.variants();
    // the Avro JSON encoding: {"<branch type>": value}
    if let Json::Object(o) = j
        && o.len() == 1
        && let Some((k, inner)) = o.iter().next()
    {
        let short = |s: &Schema| {
            let name = branch_name(c, s);
            name.rsplit('.').next().map(str::to_string).unwrap_or(name)
        };
        if let Some(i) = branches
            .iter()
            .position(|b| branch_name(c, b) == *k)
            .or_else(|| branches.iter().position(|b| short(b) == *k))
            && !matches!(c.resolve(&branches[i])?, Schema::Record(r) if r.lookup.contains_key(k) && r.fields.len() == 1)
        {
            path.0.push(format!("[{k:?}]"));
            let v = to_avro(c, &branches[i], inner, path)?;
            path.0.pop();
            return Ok(Avro::Union(i as u32, Box::new(v)));
        }
    }
    // a plain value: the branches whose type is the value's own first (an integer goes to int
    // or long before double, a string to string before bytes or an enum), then the rest in order
    let mut order: Vec<usize> = (0..branches.len()).collect();
    order.sort_by_key(|&i| preference(c.resolve(&branches[i]).unwrap_or(&branches[i]), j));
    for i in order {
        if let Ok(v) = to_avro(c, &branches[i], j, path) {
            return Ok(Avro::Union(i as u32, Box::new(v)));
        }
    }
    let names: Vec<String> = branches.iter().map(|b| branch_name(c, b)).collect();
    Err(path.at(format!(
        "{} fits no branch of the union [{}]",
        kind(j),
        names.join(", ")
    )))
}

/// How well a union branch fits a plain JSON value: lower is better.
fn preference(s: &Schema, j: &Json) -> u8 {
    match (j, s) {
        (Json::Null, Schema::Null) | (Json::Bool(_), Schema::Boolean) => 0,
        (Json::Number(n), Schema::Int) if n.as_i64().is_some_and(|i| i32::try_from(i).is_ok()) => 0,
        (Json::Number(n), Schema::Long) if n.is_i64() => 1,
        (Json::Number(n), Schema::Double) if n.is_f64() => 0,
        (Json::Number(_), Schema::Double) => 2,
        (Json::Number(_), Schema::Float) => 3,
        (Json::String(_), Schema::String) => 0,
        (Json::String(_), Schema::Enum(_)) => 1,
        (Json::Object(_), Schema::Record(_)) => 0,
        (Json::Object(_), Schema::Map(_)) => 1,
        (Json::Array(_), Schema::Array(_)) => 0,
        _ => 5,
    }
}

fn int_in(j: &Json, path: &Path, min: i64, max: i64) -> Result<i64, String> {
    match j.as_i64() {
        Some(i) if (min..=max).contains(&i) => Ok(i),
        Some(i) => Err(path.at(format!("{i} is out of range {min}..={max}"))),
        None => Err(expected(path, "an integer", j)),
    }
}

fn float_of(j: &Json, path: &Path) -> Result<f64, String> {
    match j {
        Json::Number(n) => n.as_f64().ok_or_else(|| expected(path, "a number", j)),
        Json::String(s) if s == "NaN" => Ok(f64::NAN),
        Json::String(s) if s == "Infinity" => Ok(f64::INFINITY),
        Json::String(s) if s == "-Infinity" => Ok(f64::NEG_INFINITY),
        _ => Err(expected(path, "a number", j)),
    }
}

fn str_of<'j>(j: &'j Json, path: &Path) -> Result<&'j str, String> {
    j.as_str().ok_or_else(|| expected(path, "a string", j))
}

fn base64_of(j: &Json, path: &Path) -> Result<Vec<u8>, String> {
    let t = j
        .as_str()
        .ok_or_else(|| expected(path, "a base64 string", j))?;
    BASE64
        .decode(t)
        .map_err(|e| path.at(format!("not base64: {e}")))
}

fn time_of_day(j: &Json, path: &Path, digits: u32) -> Result<i64, String> {
    match j {
        Json::String(t) => time::parse_rfc3339_units(&format!("1970-01-01T{t}"), digits, true)
            .map_err(|e| path.at(e)),
        _ => int_in(j, path, 0, 86_400 * 10i64.pow(digits) - 1),
    }
}

fn instant(j: &Json, path: &Path, digits: u32, local: bool) -> Result<i64, String> {
    match j {
        Json::String(t) => time::parse_rfc3339_units(t, digits, local).map_err(|e| path.at(e)),
        _ => int_in(j, path, i64::MIN, i64::MAX),
    }
}

#[cfg(test)]
mod tests;
