//! The `--where` engine: a jq program compiled once with jaq, then run on each record's value.
//!
//! jaq-std is built without its `log` and `time` features, and then exports only its base
//! natives, so the std definitions (`test`, `@base64`, `pow10`, `todate`, `debug`, ...) would not
//! compile. [`natives`] supplies the natives they call: regular expressions (with the `regex`
//! crate), `@html`/`@uri`/`@base64`, the common libm functions (with `f64`), `todateiso8601`,
//! `fromdateiso8601` and `now`, and silent `debug`/`stderr` (library code prints nothing).

use std::cell::RefCell;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use jaq_core::load::{self, Arena, File, Loader};
use jaq_core::native::{Filter as NativeFilter, bome, run, v};
use jaq_core::{Bind, Ctx, Error, RunPtr, ValR, ValT as _, ValXs, Vars, compile, data};
use jaq_json::{Num, Val};
use jaq_std::ValT as _;

use crate::record::Record;

type D = data::JustLut<Val>;
type Cv<'a> = jaq_core::Cv<'a, D>;

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
            .chain(jaq_std::base_funs())
            .chain(jaq_json::funs())
            .chain(natives().into_vec().into_iter().map(run::<D>));
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
        let Some(value) = r.value.as_deref() else {
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
        let key = match &r.key {
            Some(k) if self.uses_key => text(k),
            _ => Val::Null,
        };
        let topic = if self.uses_topic {
            Val::from(r.topic.clone())
        } else {
            Val::Null
        };
        let headers = if self.uses_headers {
            r.headers
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
            Val::from(r.partition as isize),
            Val::Num(Num::from_integral(r.offset)),
            Val::Num(Num::from_integral(r.timestamp)),
            headers,
        ]);
        let ctx = Ctx::<D>::new(&self.filter.lut, vars);
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

// ---- natives ----

fn num(v: &Val) -> Result<f64, Error<Val>> {
    v.as_f64().ok_or_else(|| Error::typ(v.clone(), "number"))
}

fn utf8(v: &Val) -> Result<&[u8], Error<Val>> {
    v.as_utf8_bytes()
        .ok_or_else(|| Error::typ(v.clone(), "string"))
}

fn str_of(v: &Val) -> Result<&str, Error<Val>> {
    std::str::from_utf8(utf8(v)?).map_err(Error::str)
}

fn f_f(cv: Cv<'_>, f: fn(f64) -> f64) -> ValXs<'_, Val> {
    bome(num(&cv.1).map(|x| Val::from(f(x))))
}

fn ff_f(mut cv: Cv<'_>, f: fn(f64, f64) -> f64) -> ValXs<'_, Val> {
    let y = cv.0.pop_var();
    let x = cv.0.pop_var();
    bome(num(&x).and_then(|x| Ok(Val::from(f(x, num(&y)?)))))
}

fn fi_f(mut cv: Cv<'_>, f: fn(f64, i32) -> f64) -> ValXs<'_, Val> {
    let y = cv.0.pop_var();
    let x = cv.0.pop_var();
    bome(num(&x).and_then(|x| {
        let n = num(&y)?;
        let n = if n.is_nan() { 0 } else { n as i32 };
        Ok(Val::from(f(x, n)))
    }))
}

fn utf8_map(cv: Cv<'_>, f: fn(&[u8]) -> Vec<u8>) -> ValXs<'_, Val> {
    bome(utf8(&cv.1).map(|s| Val::utf8_str(f(s))))
}

/// Natives the std definitions call that jaq-std exports only with all its features.
fn natives() -> Box<[NativeFilter<RunPtr<D>>]> {
    let vv = || Box::new([Bind::Var(()), Bind::Var(())]) as Box<[Bind]>;
    Box::new([
        // log: library code prints nothing, so `debug` and `stderr` are the identity
        ("debug_empty", v(0), |_| Box::new(core::iter::empty())),
        ("stderr_empty", v(0), |_| Box::new(core::iter::empty())),
        // regex
        ("matches", vv(), |cv| bome(regex_run(false, true, cv))),
        ("split_matches", vv(), |cv| bome(regex_run(true, true, cv))),
        ("split_", vv(), |cv| bome(regex_run(true, false, cv))),
        // format
        ("escape_html", v(0), |cv| utf8_map(cv, escape_html)),
        ("unescape_html", v(0), |cv| utf8_map(cv, unescape_html)),
        ("encode_uri", v(0), |cv| utf8_map(cv, encode_uri)),
        ("decode_uri", v(0), |cv| utf8_map(cv, decode_uri)),
        ("encode_base64", v(0), |cv| {
            utf8_map(cv, |s| BASE64.encode(s).into_bytes())
        }),
        ("decode_base64", v(0), |cv| {
            bome(utf8(&cv.1).and_then(|s| {
                BASE64
                    .decode(s)
                    .map(Val::utf8_str)
                    .map_err(|e| Error::str(format_args!("cannot decode base64: {e}")))
            }))
        }),
        // time
        ("now", v(0), |_| bome(now())),
        ("todateiso8601", v(0), |cv| bome(to_iso8601(&cv.1))),
        ("fromdateiso8601", v(0), |cv| bome(from_iso8601(&cv.1))),
        // math
        ("sqrt", v(0), |cv| f_f(cv, f64::sqrt)),
        ("cbrt", v(0), |cv| f_f(cv, f64::cbrt)),
        ("exp", v(0), |cv| f_f(cv, f64::exp)),
        ("exp2", v(0), |cv| f_f(cv, f64::exp2)),
        ("exp10", v(0), |cv| f_f(cv, |x| 10f64.powf(x))),
        ("expm1", v(0), |cv| f_f(cv, f64::exp_m1)),
        ("log", v(0), |cv| f_f(cv, f64::ln)),
        ("log2", v(0), |cv| f_f(cv, f64::log2)),
        ("log10", v(0), |cv| f_f(cv, f64::log10)),
        ("log1p", v(0), |cv| f_f(cv, f64::ln_1p)),
        ("sin", v(0), |cv| f_f(cv, f64::sin)),
        ("cos", v(0), |cv| f_f(cv, f64::cos)),
        ("tan", v(0), |cv| f_f(cv, f64::tan)),
        ("asin", v(0), |cv| f_f(cv, f64::asin)),
        ("acos", v(0), |cv| f_f(cv, f64::acos)),
        ("atan", v(0), |cv| f_f(cv, f64::atan)),
        ("sinh", v(0), |cv| f_f(cv, f64::sinh)),
        ("cosh", v(0), |cv| f_f(cv, f64::cosh)),
        ("tanh", v(0), |cv| f_f(cv, f64::tanh)),
        ("asinh", v(0), |cv| f_f(cv, f64::asinh)),
        ("acosh", v(0), |cv| f_f(cv, f64::acosh)),
        ("atanh", v(0), |cv| f_f(cv, f64::atanh)),
        ("fabs", v(0), |cv| f_f(cv, f64::abs)),
        ("trunc", v(0), |cv| f_f(cv, f64::trunc)),
        ("rint", v(0), |cv| f_f(cv, f64::round_ties_even)),
        ("nearbyint", v(0), |cv| f_f(cv, f64::round_ties_even)),
        ("ilogb", v(0), |cv| {
            bome(num(&cv.1).map(|x| Val::from(ilogb(x) as isize)))
        }),
        ("tgamma", v(0), |_| {
            bome(Err(Error::str("tgamma (gamma) is not available in evctl")))
        }),
        ("pow", vv(), |cv| ff_f(cv, f64::powf)),
        ("atan2", vv(), |cv| ff_f(cv, f64::atan2)),
        ("copysign", vv(), |cv| ff_f(cv, f64::copysign)),
        ("fdim", vv(), |cv| ff_f(cv, fdim)),
        ("fmax", vv(), |cv| ff_f(cv, f64::max)),
        ("fmin", vv(), |cv| ff_f(cv, f64::min)),
        ("fmod", vv(), |cv| ff_f(cv, |x, y| x % y)),
        ("hypot", vv(), |cv| ff_f(cv, f64::hypot)),
        ("nextafter", vv(), |cv| ff_f(cv, nextafter)),
        ("remainder", vv(), |cv| ff_f(cv, remainder)),
        ("ldexp", vv(), |cv| fi_f(cv, scalbn)),
        ("scalbln", vv(), |cv| fi_f(cv, scalbn)),
        ("fma", v(3), |mut cv| {
            let z = cv.0.pop_var();
            let y = cv.0.pop_var();
            let x = cv.0.pop_var();
            bome((|| Ok(Val::from(num(&x)?.mul_add(num(&y)?, num(&z)?))))())
        }),
    ])
}

fn fdim(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > y {
        x - y
    } else {
        0.0
    }
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if y > x {
        x.next_up()
    } else {
        x.next_down()
    }
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y`, ties to even.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() || x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let ay = y.abs();
    let r = x % y; // exact, with the sign of x
    let ar = r.abs();
    let half_or_more = ar > ay - ar;
    let tie = ar == ay - ar;
    let adjust = if tie {
        // round half to even: adjust when the truncated quotient is odd
        let q = ((x - r) / y).abs();
        q < 9_007_199_254_740_992.0 && q % 2.0 == 1.0
    } else {
        half_or_more
    };
    let r = if adjust { r - ay.copysign(r) } else { r };
    if r == 0.0 { 0f64.copysign(x) } else { r }
}

/// The unbiased exponent of `x` (`i32::MIN` for 0 and NaN, `i32::MAX` for infinities).
fn ilogb(x: f64) -> i32 {
    if x == 0.0 || x.is_nan() {
        return i32::MIN;
    }
    if x.is_infinite() {
        return i32::MAX;
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: value = mantissa * 2^-1074
        let mantissa = bits & ((1 << 52) - 1);
        63 - mantissa.leading_zeros() as i32 - 1074
    } else {
        exp - 1023
    }
}

/// `x * 2^n` without intermediate overflow (musl's scalbn).
fn scalbn(x: f64, mut n: i32) -> f64 {
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2^1023
    let p_969 = f64::from_bits(0x0360_0000_0000_0000); // 2^-1022 * 2^53
    let mut y = x;
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= p_969;
        n += 1022 - 53;
        if n < -1022 {
            y *= p_969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

fn escape_html(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        match b {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'\'' => out.extend_from_slice(b"&apos;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b => out.push(b),
        }
    }
    out
}

fn unescape_html(s: &[u8]) -> Vec<u8> {
    const ENTITIES: [(&[u8], u8); 5] = [
        (b"&lt;", b'<'),
        (b"&gt;", b'>'),
        (b"&amp;", b'&'),
        (b"&apos;", b'\''),
        (b"&quot;", b'"'),
    ];
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match ENTITIES.iter().find(|(e, _)| s[i..].starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                i += e.len();
            }
            None => {
                out.push(s[i]);
                i += 1;
            }
        }
    }
    out
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn encode_uri(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b);
        } else {
            out.extend_from_slice(&[
                b'%',
                HEX_UPPER[(b >> 4) as usize],
                HEX_UPPER[(b & 15) as usize],
            ]);
        }
    }
    out
}

fn decode_uri(s: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%'
            && let Some(&[h, l]) = s.get(i + 1..i + 3)
            && let (Some(h), Some(l)) = (hex(h), hex(l))
        {
            out.push(h << 4 | l);
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

fn now() -> ValR<Val> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| Val::from(d.as_secs_f64()))
        .map_err(Error::str)
}

/// Epoch seconds (integer or not) to `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` when there are
/// milliseconds.
fn to_iso8601(v: &Val) -> ValR<Val> {
    let fail = || Error::str(format_args!("cannot format {v} as a timestamp"));
    let ms = match v.as_isize() {
        Some(s) => i64::try_from(s)
            .ok()
            .and_then(|s| s.checked_mul(1000))
            .ok_or_else(fail)?,
        None => {
            // nearest millisecond: `$timestamp / 1000` need not be exact in binary
            let ms = (num(v)? * 1000.0).round();
            if !(-9.2e18..9.2e18).contains(&ms) {
                return Err(fail());
            }
            ms as i64
        }
    };
    let mut s = crate::record::time::format_rfc3339(ms);
    if ms.rem_euclid(1000) == 0 {
        s.replace_range(s.len() - 5..s.len() - 1, "");
    }
    Ok(Val::from(s))
}

/// An RFC 3339 timestamp to epoch seconds: an integer, or a float when it has a fraction.
fn from_iso8601(v: &Val) -> ValR<Val> {
    let s = str_of(v)?;
    let ms = crate::record::time::parse_rfc3339(s).map_err(Error::str)?;
    Ok(if s.contains('.') {
        Val::from(ms as f64 / 1000.0)
    } else {
        Val::Num(Num::from_integral(ms.div_euclid(1000)))
    })
}

/// jq regex flags, as jaq reads them.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Flags {
    global: bool,
    ignore_empty: bool,
    case_insensitive: bool,
    multi_line: bool,
    dot_nl: bool,
    swap_greed: bool,
    extended: bool,
}

impl Flags {
    fn parse(s: &str) -> Result<Flags, Error<Val>> {
        let mut f = Flags::default();
        for c in s.chars() {
            match c {
                'g' => f.global = true,
                'n' => f.ignore_empty = true,
                'i' => f.case_insensitive = true,
                'm' => f.multi_line = true,
                's' => f.dot_nl = true,
                'l' => f.swap_greed = true,
                'x' => f.extended = true,
                'p' => {
                    f.multi_line = true;
                    f.dot_nl = true;
                }
                c => return Err(Error::str(format_args!("invalid regex flag: {c}"))),
            }
        }
        Ok(f)
    }
}

thread_local! {
    /// Recently compiled `--where` regexes, so `test("re")` does not recompile per record.
    static REGEX_CACHE: RefCell<Vec<(String, Flags, regex::bytes::Regex)>> =
        const { RefCell::new(Vec::new()) };
}

const REGEX_CACHE_SIZE: usize = 16;

fn cached_regex(re: &str, flags: Flags) -> Result<regex::bytes::Regex, Error<Val>> {
    REGEX_CACHE.with_borrow_mut(|cache| {
        if let Some(i) = cache.iter().position(|(s, f, _)| s == re && *f == flags) {
            return Ok(cache[i].2.clone());
        }
        let compiled = regex::bytes::RegexBuilder::new(re)
            .case_insensitive(flags.case_insensitive)
            .multi_line(flags.multi_line)
            .dot_matches_new_line(flags.dot_nl)
            .swap_greed(flags.swap_greed)
            .ignore_whitespace(flags.extended)
            .build()
            .map_err(|e| Error::str(format_args!("invalid regex: {e}")))?;
        if cache.len() >= REGEX_CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((re.to_owned(), flags, compiled.clone()));
        Ok(compiled)
    })
}

/// Characters in `s`, an invalid UTF-8 sequence counting as one.
fn char_count(s: &[u8]) -> usize {
    s.utf8_chunks()
        .map(|c| c.valid().chars().count() + usize::from(!c.invalid().is_empty()))
        .sum()
}

/// jaq-std's `matches`/`split_matches`/`split_`: `mismatches` adds the text between matches,
/// `matched` adds each match as an array of `{offset, length, string, name?}` (offsets and lengths
/// in characters; groups that did not participate are left out, as jaq does).
fn regex_run(mismatches: bool, matched: bool, mut cv: Cv<'_>) -> ValR<Val> {
    let flags = cv.0.pop_var();
    let re = cv.0.pop_var();
    let flags = Flags::parse(str_of(&flags)?)?;
    let re = cached_regex(str_of(&re)?, flags)?;
    let input = &cv.1;
    let s = utf8(input)?;
    let names: Vec<Option<&str>> = re.capture_names().collect();
    let mut out = Vec::new();
    let mut last = 0;
    // (byte, char) offset of the previous match start: matches come in order, so counting
    // characters from there keeps a global search linear
    let mut cursor = (0, 0);
    for caps in re.captures_iter(s) {
        let Some(whole) = caps.get(0) else { continue };
        if flags.ignore_empty && whole.is_empty() {
            continue;
        }
        cursor = (
            whole.start(),
            cursor.1 + char_count(&s[cursor.0..whole.start()]),
        );
        if mismatches {
            out.push(input.as_sub_str(&s[last..whole.start()]));
            last = whole.end();
        }
        if matched {
            let groups = caps.iter().zip(&names).filter_map(|(m, name)| {
                let m = m?;
                let mut fields = vec![
                    (
                        Val::from("offset".to_owned()),
                        Val::from(cursor.1 + char_count(&s[whole.start()..m.start()])),
                    ),
                    (
                        Val::from("length".to_owned()),
                        Val::from(char_count(m.as_bytes())),
                    ),
                    (
                        Val::from("string".to_owned()),
                        input.as_sub_str(m.as_bytes()),
                    ),
                ];
                if let Some(name) = name {
                    fields.push((Val::from("name".to_owned()), Val::from((*name).to_owned())));
                }
                Some(Val::from_map(fields))
            });
            out.push(groups.collect::<ValR<Val>>()?);
        }
        if !flags.global {
            break;
        }
    }
    if mismatches {
        out.push(input.as_sub_str(&s[last..]));
    }
    Ok(out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_helpers() {
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        assert_eq!(remainder(6.0, 4.0), -2.0);
        assert_eq!(remainder(10.0, 4.0), 2.0);
        assert_eq!(remainder(-5.0, 2.0), -1.0);
        assert_eq!(remainder(5.5, 2.0), -0.5);
        assert!(remainder(1.0, 0.0).is_nan());
        assert_eq!(ilogb(1.0), 0);
        assert_eq!(ilogb(8.5), 3);
        assert_eq!(ilogb(0.25), -2);
        assert_eq!(ilogb(f64::MIN_POSITIVE), -1022);
        assert_eq!(ilogb(f64::from_bits(1)), -1074);
        assert_eq!(scalbn(1.0, 10), 1024.0);
        assert_eq!(scalbn(3.0, -1), 1.5);
        assert_eq!(scalbn(1.0, -1074), f64::from_bits(1));
        assert_eq!(scalbn(1.0, 2000), f64::INFINITY);
        assert_eq!(scalbn(f64::MAX, -1024), 1.0 - f64::EPSILON / 2.0);
        assert_eq!(nextafter(1.0, 2.0), 1.0f64.next_up());
        assert_eq!(nextafter(1.0, 0.0), 1.0f64.next_down());
        assert_eq!(nextafter(1.0, 1.0), 1.0);
        assert_eq!(fdim(3.0, 1.0), 2.0);
        assert_eq!(fdim(1.0, 3.0), 0.0);
    }

    #[test]
    fn format_helpers() {
        assert_eq!(
            escape_html(b"<a href='x'>&\"</a>"),
            b"&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;"
        );
        assert_eq!(
            unescape_html(b"&lt;b&gt; &amp;amp; &quot;&apos; &nbsp;"),
            b"<b> &amp; \"' &nbsp;"
        );
        assert_eq!(encode_uri("a b/ü~".as_bytes()), b"a%20b%2F%C3%BC~");
        assert_eq!(decode_uri(b"a%20b%2f%C3%BC%2%"), "a b/ü%2%".as_bytes());
    }

    #[test]
    fn regex_flags() {
        assert!(Flags::parse("gnimslxp").is_ok());
        assert!(Flags::parse("").is_ok());
        assert!(Flags::parse("q").is_err());
        let f = Flags::parse("p").unwrap();
        assert!(f.multi_line && f.dot_nl && !f.global);
    }

    #[test]
    fn char_counts() {
        assert_eq!(char_count(b""), 0);
        assert_eq!(char_count("héllo".as_bytes()), 5);
        assert_eq!(char_count(b"a\xffb"), 3);
    }
}
