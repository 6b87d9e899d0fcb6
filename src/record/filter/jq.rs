//! The `--where` engine: a jq program compiled once with jaq, then run on each record's value.
//!
//! The definitions and natives are jaq's own (jaq-core, jaq-std with its default features, and
//! jaq-json), so `--where` is the jq language as jaq implements it.

use bytes::Bytes;
use jaq_core::load::{self, Arena, File, Loader};
use jaq_core::{Ctx, ValT as _, Vars, compile, data};
use jaq_json::{Num, Val};

use crate::record::{Position, Record};

type D = data::JustLut<Val>;

/// The global variables every `--where` program may use, in binding order.
pub(super) const GLOBALS: [&str; 6] = [
    "$key",
    "$topic",
    "$partition",
    "$offset",
    "$timestamp",
    "$headers",
];

/// A compiled `--where` program.
pub(super) struct Where {
    filter: jaq_core::Filter<D>,
    /// Whether the program mentions `$key`, `$topic` and `$headers`; unmentioned ones are bound to
    /// `null` instead of being built for every record.
    uses_key: bool,
    uses_topic: bool,
    uses_headers: bool,
}

impl Where {
    /// Parses and compiles `code`; the error says what and where (`syntax error at column 7: ...`).
    pub(super) fn compile(code: &str) -> Result<Where, String> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs());
        let arena = Arena::default();
        let modules = Loader::new(defs)
            .load(&arena, File { code, path: () })
            .map_err(|errs| load_errors(code, errs))?;
        let filter = jaq_core::Compiler::default()
            .with_funs(funs)
            .with_global_vars(GLOBALS)
            .compile(modules)
            .map_err(|errs| compile_errors(code, errs))?;
        Ok(Where {
            filter,
            uses_key: code.contains("$key"),
            uses_topic: code.contains("$topic"),
            uses_headers: code.contains("$headers"),
        })
    }

    /// Whether the program's first output for this record is truthy. A null or non-JSON value, no
    /// output at all, and a runtime error (or `halt`) as the first output are all "no".
    pub(super) fn matches(&self, r: &Record) -> bool {
        let Some(value) = r.msg.value.as_deref() else {
            return false;
        };
        // jaq's reader takes a superset of JSON (`NaN`, `#` comments, `{1: 2}`, `b"..."`) and
        // recurses without a limit, so check for strict JSON nested at most 127 deep first
        if serde_json::from_slice::<StrictJson>(value).is_err() {
            return false;
        }
        let Ok(input) = jaq_json::read::parse_single(value) else {
            return false;
        };
        let key = match &r.msg.key {
            Some(k) if self.uses_key => text(k),
            _ => Val::Null,
        };
        let topic = if self.uses_topic {
            Val::from(r.topic.to_string())
        } else {
            Val::Null
        };
        let headers = if self.uses_headers {
            r.msg
                .headers
                .iter()
                .map(|(name, value)| {
                    let value = value.as_ref().map_or(Val::Null, text);
                    [Val::from(name.clone()), value].into_iter().collect()
                })
                .collect()
        } else {
            Val::Null
        };
        let vars = Vars::new([
            key,
            topic,
            match r.at {
                Position::Offset { partition, .. } => Val::from(partition as isize),
                Position::Entry(_) | Position::Delivery { .. } => Val::Null,
            },
            match r.at {
                Position::Offset { offset, .. } => Val::Num(Num::from_integral(offset)),
                Position::Entry(id) => Val::from(id.to_string()),
                Position::Delivery { seq, .. } => Val::Num(Num::from_integral(seq as i64)),
            },
            Val::Num(Num::from_integral(r.msg.timestamp)),
            headers,
        ]);
        let ctx = Ctx::<D>::new(&self.filter.lut, vars);
        let _running = super::watch::enter();
        // never `unwrap_valr`: it exits the process on `halt`
        matches!(self.filter.id.run((ctx, input)).next(), Some(Ok(v)) if v.as_bool())
    }
}

/// Validates strict JSON without building it: serde_json's `deserialize_any` checks the syntax
/// and stops beyond 127 levels of nesting (its `IgnoredAny` does not, hence this visitor).
struct StrictJson;

impl<'de> serde::Deserialize<'de> for StrictJson {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        d.deserialize_any(StrictJson)
    }
}

impl<'de> serde::de::Visitor<'de> for StrictJson {
    type Value = StrictJson;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(StrictJson)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(StrictJson)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(StrictJson)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(StrictJson)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(StrictJson)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(StrictJson)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<StrictJson>()?.is_some() {}
        Ok(StrictJson)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, StrictJson>()?
            .is_some()
        {}
        Ok(StrictJson)
    }
}

/// Bytes as a jq string: shared when valid UTF-8, lossily converted otherwise.
fn text(b: &Bytes) -> Val {
    match std::str::from_utf8(b) {
        Ok(_) => Val::utf8_str(b.clone()),
        Err(_) => Val::from(String::from_utf8_lossy(b).into_owned()),
    }
}

/// Where `part` (a slice of `code`) starts: `at column N`, or `at line L, column N` when `code`
/// has several lines.
fn position(code: &str, part: &str) -> String {
    let start = (part.as_ptr() as usize).wrapping_sub(code.as_ptr() as usize);
    if start > code.len() {
        return "in the standard library".into();
    }
    let (line, col) = crate::diag::line_col(code, start);
    if code.contains('\n') {
        format!("at line {line}, column {col}")
    } else {
        format!("at column {col}")
    }
}

fn found(part: &str) -> String {
    match part.chars().next() {
        None => "end of input".into(),
        Some(_) if part.chars().count() <= 20 => format!("{part:?}"),
        Some(_) => {
            let head: String = part.chars().take(20).collect();
            format!("\"{}...\"", head.escape_debug())
        }
    }
}

fn lex_expected(e: &load::lex::Expect<&str>) -> String {
    use load::lex::Expect;
    match e {
        Expect::Digit => "a digit".into(),
        Expect::Ident => "an identifier".into(),
        Expect::Delim("(") => "a closing parenthesis".into(),
        Expect::Delim("[") => "a closing bracket".into(),
        Expect::Delim("{") => "a closing brace".into(),
        Expect::Delim("\"") => "a closing quote".into(),
        Expect::Delim(open) => format!("the end of {open:?}"),
        Expect::Escape => "a string escape sequence (\\n, \\t, \\\", \\\\, \\u, \\()".into(),
        Expect::Unicode => "4 hexadecimal digits after \\u".into(),
        Expect::Token => "a token".into(),
        _ => "something else".into(),
    }
}

/// The first syntax error (later ones are often its echoes).
fn load_errors(code: &str, errs: load::Errors<&str, ()>) -> String {
    let mut msgs = Vec::new();
    for (_file, err) in errs {
        match err {
            load::Error::Lex(es) => {
                for (expected, at) in es {
                    // `at` is the rest of the input from the problem on: show its first character
                    let first = at.chars().next();
                    let found = first.map_or("end of input".into(), |c| format!("{c:?}"));
                    let msg = match expected {
                        load::lex::Expect::Token => format!("unexpected character {found}"),
                        ref e => format!("expected {}, found {found}", lex_expected(e)),
                    };
                    msgs.push(format!("syntax error {}: {msg}", position(code, at)));
                }
            }
            load::Error::Parse(es) => {
                for (expected, at) in es {
                    msgs.push(format!(
                        "syntax error {}: expected {}, found {}",
                        position(code, at),
                        expected.as_str(),
                        found(at)
                    ));
                }
            }
            load::Error::Io(es) => {
                for (path, why) in es {
                    msgs.push(format!("cannot import {path:?}: {why}"));
                }
            }
        }
    }
    msgs.into_iter()
        .next()
        .unwrap_or_else(|| "syntax error".into())
}

/// Every undefined name, joined by `; `.
fn compile_errors(code: &str, errs: compile::Errors<&str, ()>) -> String {
    let mut msgs = Vec::new();
    for (_file, es) in errs {
        for (name, undefined) in es {
            let at = position(code, name);
            msgs.push(match undefined {
                compile::Undefined::Var => format!(
                    "undefined variable {name} {at} (the predefined variables are {})",
                    GLOBALS.join(", ")
                ),
                compile::Undefined::Filter(arity) => {
                    format!("undefined filter {name}/{arity} {at}")
                }
                other => format!("undefined {} {name} {at}", other.as_str()),
            });
        }
    }
    msgs.join("; ")
}
