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
    names: HashMap<Name, &'static Schema>,
    reader: apache_avro::reader::datum::GenericDatumReader<'static>,
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
        let reader = apache_avro::reader::datum::GenericDatumReader::builder(main)
            .writer_schemata(all.clone())
            .and_then(|b| b.build())
            .map_err(|e| format!("Avro schema: {e}"))?;
        let writer = apache_avro::writer::datum::GenericDatumWriter::builder(main)
            .schemata(all)
            .and_then(|b| b.build())
            .map_err(|e| format!("Avro schema: {e}"))?;
        Ok(AvroCodec {
            schema: main,
            names,
            reader,
            writer,
        })
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
        let mut cursor = bytes;
        let value = self
            .reader
            .read_value(&mut cursor)
            .map_err(|e| format!("Avro datum does not decode: {e}"))?;
        if !cursor.is_empty() {
            return Err(format!(
                "{} bytes left over after the Avro datum (not written with this schema?)",
                cursor.len()
            ));
        }
        let mut w = JsonOut { out, mode };
        w.value(self, self.schema, &value, 0)
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

struct JsonOut<'o> {
    out: &'o mut Vec<u8>,
    mode: AvroJson,
}

impl JsonOut<'_> {
    fn value(&mut self, c: &AvroCodec, s: &Schema, v: &Avro, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err("Avro datum nested too deeply".into());
        }
        let s = c.resolve(s)?;
        match (s, v) {
            (_, Avro::Null) => self.raw("null"),
            (_, Avro::Boolean(b)) => self.raw(if *b { "true" } else { "false" }),
            (_, Avro::Int(i)) => self.int(i64::from(*i)),
            (_, Avro::Long(i)) => self.int(*i),
            (_, Avro::Float(f)) => self.float(f64::from(*f), Some(*f)),
            (_, Avro::Double(f)) => self.float(*f, None),
            (_, Avro::Bytes(b)) | (_, Avro::Fixed(_, b)) => self.base64(b),
            (_, Avro::String(t)) | (_, Avro::Enum(_, t)) => self.string(t),
            (Schema::Union(u), Avro::Union(i, inner)) => self.union(c, u, *i, inner, depth)?,
            (Schema::Array(a), Avro::Array(items)) => {
                self.out.push(b'[');
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        self.out.push(b',');
                    }
                    self.value(c, &a.items, item, depth + 1)?;
                }
                self.out.push(b']');
            }
            (Schema::Map(m), Avro::Map(entries)) => {
                // sorted, so the same map prints the same way twice
                let mut keys: Vec<&String> = entries.keys().collect();
                keys.sort();
                self.out.push(b'{');
                for (n, k) in keys.into_iter().enumerate() {
                    if n > 0 {
                        self.out.push(b',');
                    }
                    self.string(k);
                    self.out.push(b':');
                    self.value(c, &m.types, &entries[k], depth + 1)?;
                }
                self.out.push(b'}');
            }
            (Schema::Record(r), Avro::Record(fields)) => self.record(c, r, fields, depth)?,
            (Schema::Decimal(d), Avro::Decimal(x)) => {
                let bytes = <Vec<u8>>::try_from(x).map_err(|e| e.to_string())?;
                self.string(&decimal_text(&bytes, d.scale));
            }
            (_, Avro::BigDecimal(b)) => self.string(&b.to_string()),
            (_, Avro::Date(d)) => {
                self.out.push(b'"');
                time::write_date(self.out, i64::from(*d));
                self.out.push(b'"');
            }
            (_, Avro::TimeMillis(t)) => self.time_of_day(i64::from(*t), 3),
            (_, Avro::TimeMicros(t)) => self.time_of_day(*t, 6),
            (_, Avro::TimestampMillis(t)) => self.timestamp(*t, 3, true),
            (_, Avro::TimestampMicros(t)) => self.timestamp(*t, 6, true),
            (_, Avro::TimestampNanos(t)) => self.timestamp(*t, 9, true),
            (_, Avro::LocalTimestampMillis(t)) => self.timestamp(*t, 3, false),
            (_, Avro::LocalTimestampMicros(t)) => self.timestamp(*t, 6, false),
            (_, Avro::LocalTimestampNanos(t)) => self.timestamp(*t, 9, false),
            (_, Avro::Uuid(u)) => self.string(&u.to_string()),
            (_, Avro::Duration(d)) => {
                let months: u32 = d.months().into();
                let days: u32 = d.days().into();
                let millis: u32 = d.millis().into();
                let text = format!("{{\"months\":{months},\"days\":{days},\"millis\":{millis}}}");
                self.raw(&text)
            }
            (s, v) => return Err(format!("Avro value {v:?} does not fit schema {s:?}")),
        }
        Ok(())
    }

    fn union(
        &mut self,
        c: &AvroCodec,
        u: &UnionSchema,
        i: u32,
        inner: &Avro,
        depth: usize,
    ) -> Result<(), String> {
        let branch = u
            .variants()
            .get(i as usize)
            .ok_or_else(|| format!("union branch {i} out of range"))?;
        if self.mode == AvroJson::Plain || matches!(inner, Avro::Null) {
            return self.value(c, branch, inner, depth + 1);
        }
        self.out.push(b'{');
        self.string(&branch_name(c, branch));
        self.out.push(b':');
        self.value(c, branch, inner, depth + 1)?;
        self.out.push(b'}');
        Ok(())
    }

    fn record(
        &mut self,
        c: &AvroCodec,
        r: &RecordSchema,
        fields: &[(String, Avro)],
        depth: usize,
    ) -> Result<(), String> {
        self.out.push(b'{');
        for (n, ((name, v), f)) in fields.iter().zip(&r.fields).enumerate() {
            if n > 0 {
                self.out.push(b',');
            }
            self.string(name);
            self.out.push(b':');
            self.value(c, &f.schema, v, depth + 1)?;
        }
        self.out.push(b'}');
        Ok(())
    }

    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn int(&mut self, i: i64) {
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

    fn string(&mut self, s: &str) {
        crate::record::json::write_json_str(self.out, s);
    }

    fn base64(&mut self, b: &[u8]) {
        self.out.push(b'"');
        self.out.extend_from_slice(BASE64.encode(b).as_bytes());
        self.out.push(b'"');
    }

    fn time_of_day(&mut self, t: i64, digits: u32) {
        // a time of day is the timestamp of that time on 1970-01-01
        let mut full = Vec::with_capacity(32);
        time::write_rfc3339_units(&mut full, t, digits, false);
        let start = full.iter().position(|&b| b == b'T').map_or(0, |p| p + 1);
        self.out.push(b'"');
        self.out.extend_from_slice(&full[start..]);
        self.out.push(b'"');
    }

    fn timestamp(&mut self, t: i64, digits: u32, utc: bool) {
        self.out.push(b'"');
        time::write_rfc3339_units(self.out, t, digits, utc);
        self.out.push(b'"');
    }
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

/// Two's-complement big-endian bytes with `scale` as an exact decimal string.
fn decimal_text(bytes: &[u8], scale: usize) -> String {
    let n = BigInt::from_signed_bytes_be(bytes);
    let digits = n.magnitude().to_string();
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    if scale == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    format!("{sign}{int}.{frac}")
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
fn default_to_avro(c: &AvroCodec, s: &Schema, d: &Json, path: &mut Path) -> Result<Avro, String> {
    match c.resolve(s)? {
        Schema::Union(u) => {
            let first = u.variants().first().ok_or_else(|| path.at("empty union"))?;
            Ok(Avro::Union(0, Box::new(to_avro(c, first, d, path)?)))
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
    let mut why = Vec::new();
    for (i, b) in branches.iter().enumerate() {
        match to_avro(c, b, j, path) {
            Ok(v) => return Ok(Avro::Union(i as u32, Box::new(v))),
            Err(e) => why.push(e),
        }
    }
    let names: Vec<String> = branches.iter().map(|b| branch_name(c, b)).collect();
    Err(path.at(format!(
        "{} fits no branch of the union [{}]",
        kind(j),
        names.join(", ")
    )))
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
