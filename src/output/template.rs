//! `tail --format TEMPLATE`: each record as text, with named fields in braces.
//!
//! ```text
//! {timestamp} {topic}/{partition}@{offset} {key}={value}\n
//! ```
//!
//! Fields:
//!
//! | field | text |
//! |---|---|
//! | `{topic}` `{partition}` `{offset}` | as is |
//! | `{timestamp}` | RFC 3339 in UTC with milliseconds (`2025-01-01T00:00:00.000Z`) |
//! | `{timestamp_ms}` | epoch milliseconds |
//! | `{timestamp_type}` | `create`, `log_append` or `not_available` |
//! | `{key}` `{value}` | the bytes; empty for null |
//! | `{header.NAME}` | the value of the first header named NAME; empty when null or absent |
//! | `{headers}` | every header as `name=value`, joined by `,`; a null value is just `name` |
//! | `{key_len}` `{value_len}` | the length in bytes; empty for null |
//!
//! `key`, `value` and `header.NAME` take a modifier after a colon: `:text` (the default), `:hex`
//! (lowercase), `:base64` (standard, padded) or `:json` (a JSON string literal, `null` for null or
//! an absent header; invalid UTF-8 becomes U+FFFD, and control and bidi characters are `\u`
//! escapes). A header name may contain `:` when the modifier is explicit
//! (`{header.a:b:text}`); it cannot contain `}`.
//!
//! In the literal text, `\n`, `\t`, `\r`, `\0` and `\\` are escapes, and `{{` / `}}` are literal
//! braces; any other backslash sequence is an error. No newline is added after a record: a
//! template that should print one line per record ends in `\n`
//! ([`Template::ends_with_newline`] lets the caller check).
//!
//! With `escape` (stdout is a terminal), text from the record (topic, key, value, header names and
//! values) is made safe like [`crate::output::sanitize`]: control characters become `\n`, `\r`,
//! `\t` or `\u{1b}`, Unicode bidi controls become `\u{202e}` and so on, and bytes that are not
//! UTF-8 become `\xff`. The template's own text is never escaped. Without `escape`, the bytes are
//! written as they are.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::{is_terminal_unsafe, sanitize};
use crate::record::time::write_rfc3339;
use crate::record::{Position, Record};

/// The field names, for help and error messages.
pub const FIELDS: &[&str] = &[
    "topic",
    "partition",
    "offset",
    "timestamp",
    "timestamp_ms",
    "timestamp_type",
    "key",
    "value",
    "headers",
    "header.NAME",
    "key_len",
    "value_len",
];

/// How a byte field (key, value, header value) is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Enc {
    Text,
    Hex,
    Base64,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Topic,
    Partition,
    Offset,
    Timestamp,
    TimestampMs,
    TimestampType,
    Key(Enc),
    Value(Enc),
    Headers,
    Header(Box<str>, Enc),
    KeyLen,
    ValueLen,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(Box<[u8]>),
    Field(Field),
}

/// A parsed `--format` template. Parse once, then [`Template::render`] each record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

/// The 1-based character column of byte offset `at`.
fn column(src: &str, at: usize) -> usize {
    src[..at].chars().count() + 1
}

fn parse_field(body: &str) -> Result<Field, String> {
    let field_list = || {
        format!(
            "the fields are {}; key, value and header.NAME take :text, :hex, :base64 or :json",
            FIELDS.join(", ")
        )
    };
    let (name, enc) = match body.rsplit_once(':') {
        Some((name, m)) => {
            let enc = match m {
                "text" => Enc::Text,
                "hex" => Enc::Hex,
                "base64" => Enc::Base64,
                "json" => Enc::Json,
                _ => {
                    return Err(format!(
                        "unknown modifier :{m} in {{{body}}}; the modifiers are :text, :hex, \
                         :base64 and :json"
                    ));
                }
            };
            (name, Some(enc))
        }
        None => (body, None),
    };
    let plain = |f: Field| match enc {
        None => Ok(f),
        Some(_) => Err(format!(
            "{{{name}}} takes no modifier; only key, value and header.NAME do"
        )),
    };
    let enc_or_text = enc.unwrap_or(Enc::Text);
    match name {
        "topic" => plain(Field::Topic),
        "partition" => plain(Field::Partition),
        "offset" => plain(Field::Offset),
        "timestamp" => plain(Field::Timestamp),
        "timestamp_ms" => plain(Field::TimestampMs),
        "timestamp_type" => plain(Field::TimestampType),
        "headers" => plain(Field::Headers),
        "key_len" => plain(Field::KeyLen),
        "value_len" => plain(Field::ValueLen),
        "key" => Ok(Field::Key(enc_or_text)),
        "value" => Ok(Field::Value(enc_or_text)),
        _ => match name.strip_prefix("header.") {
            Some("") => Err(format!(
                "empty header name in {{{body}}}; write {{header.NAME}}"
            )),
            Some(h) => Ok(Field::Header(h.into(), enc_or_text)),
            None => Err(format!("unknown field {{{body}}}; {}", field_list())),
        },
    }
}

impl Template {
    /// Parses a template. The error names the problem and its column (in characters, from 1) and,
    /// for an unknown field, lists the valid ones.
    pub fn parse(src: &str) -> Result<Template, String> {
        let bytes = src.as_bytes();
        let mut parts = Vec::new();
        let mut lit = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => {
                    let c = match bytes.get(i + 1) {
                        Some(b'n') => b'\n',
                        Some(b't') => b'\t',
                        Some(b'r') => b'\r',
                        Some(b'0') => b'\0',
                        Some(b'\\') => b'\\',
                        Some(_) => {
                            let seq: String = src[i..].chars().take(2).collect();
                            return Err(format!(
                                "unknown escape {seq} at column {}; the escapes are \\n, \\t, \\r, \
                                 \\0 and \\\\, and {{{{ and }}}} for braces",
                                column(src, i)
                            ));
                        }
                        None => {
                            return Err(format!(
                                "lone backslash at column {} (the end); write \\\\ for a backslash",
                                column(src, i)
                            ));
                        }
                    };
                    lit.push(c);
                    i += 2;
                }
                b'{' if bytes.get(i + 1) == Some(&b'{') => {
                    lit.push(b'{');
                    i += 2;
                }
                b'}' if bytes.get(i + 1) == Some(&b'}') => {
                    lit.push(b'}');
                    i += 2;
                }
                b'{' => {
                    let Some(len) = src[i + 1..].find('}') else {
                        return Err(format!(
                            "unclosed {{ at column {}; write {{{{ for a literal brace",
                            column(src, i)
                        ));
                    };
                    let body = &src[i + 1..i + 1 + len];
                    let field = parse_field(body)
                        .map_err(|e| format!("at column {}: {e}", column(src, i)))?;
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit).into()));
                    }
                    parts.push(Part::Field(field));
                    i += len + 2;
                }
                b'}' => {
                    return Err(format!(
                        "unmatched }} at column {}; write }}}} for a literal brace",
                        column(src, i)
                    ));
                }
                _ => {
                    // copy up to the next special byte (all ASCII, so never inside a character)
                    let end = bytes[i..]
                        .iter()
                        .position(|b| matches!(b, b'\\' | b'{' | b'}'))
                        .map_or(bytes.len(), |n| i + n);
                    lit.extend_from_slice(&bytes[i..end]);
                    i = end;
                }
            }
        }
        if !lit.is_empty() {
            parts.push(Part::Lit(lit.into()));
        }
        Ok(Template { parts })
    }

    /// Whether the template ends in a newline; [`Template::render`] never adds one.
    pub fn ends_with_newline(&self) -> bool {
        matches!(self.parts.last(), Some(Part::Lit(l)) if l.ends_with(b"\n"))
    }

    /// Appends the record as the template says. `escape` makes text from the record safe for a
    /// terminal (see the module docs). Allocates nothing but `out`'s growth.
    pub fn render(&self, out: &mut Vec<u8>, r: &Record, escape: bool) {
        let mut num = itoa::Buffer::new();
        for part in &self.parts {
            match part {
                Part::Lit(l) => out.extend_from_slice(l),
                Part::Field(f) => match f {
                    Field::Topic => write_text(out, r.topic.as_bytes(), escape),
                    // a stream entry has no partition, and its id is its offset
                    Field::Partition => match r.at {
                        Position::Offset { partition, .. } => {
                            out.extend_from_slice(num.format(partition).as_bytes())
                        }
                        Position::Entry(_) | Position::Delivery { .. } => {}
                    },
                    Field::Offset => match r.at {
                        Position::Offset { offset, .. } => {
                            out.extend_from_slice(num.format(offset).as_bytes())
                        }
                        Position::Entry(id) => id.write(out),
                        Position::Delivery { seq, .. } => {
                            out.extend_from_slice(num.format(seq).as_bytes())
                        }
                    },
                    Field::Timestamp => write_rfc3339(out, r.msg.timestamp),
                    Field::TimestampMs => {
                        out.extend_from_slice(num.format(r.msg.timestamp).as_bytes())
                    }
                    Field::TimestampType => {
                        out.extend_from_slice(r.timestamp_type.as_str().as_bytes())
                    }
                    Field::Key(enc) => write_bytes(out, r.msg.key.as_deref(), *enc, escape),
                    Field::Value(enc) => write_bytes(out, r.msg.value.as_deref(), *enc, escape),
                    Field::Header(name, enc) => {
                        let value = r
                            .msg
                            .headers
                            .iter()
                            .find(|(n, _)| **n == **name)
                            .and_then(|(_, v)| v.as_deref());
                        write_bytes(out, value, *enc, escape);
                    }
                    Field::Headers => {
                        for (i, (name, value)) in r.msg.headers.iter().enumerate() {
                            if i > 0 {
                                out.push(b',');
                            }
                            write_text(out, name.as_bytes(), escape);
                            if let Some(v) = value {
                                out.push(b'=');
                                write_text(out, v, escape);
                            }
                        }
                    }
                    Field::KeyLen => {
                        if let Some(k) = &r.msg.key {
                            out.extend_from_slice(num.format(k.len()).as_bytes());
                        }
                    }
                    Field::ValueLen => {
                        if let Some(v) = &r.msg.value {
                            out.extend_from_slice(num.format(v.len()).as_bytes());
                        }
                    }
                },
            }
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn write_bytes(out: &mut Vec<u8>, b: Option<&[u8]>, enc: Enc, escape: bool) {
    match (enc, b) {
        (Enc::Json, b) => write_json(out, b),
        (_, None) => {}
        (Enc::Text, Some(b)) => write_text(out, b, escape),
        (Enc::Hex, Some(b)) => {
            out.reserve(b.len() * 2);
            for &x in b {
                out.extend_from_slice(&[HEX[(x >> 4) as usize], HEX[(x & 15) as usize]]);
            }
        }
        (Enc::Base64, Some(b)) => {
            let start = out.len();
            out.resize(start + base64::encoded_len(b.len(), true).unwrap_or(0), 0);
            let n = BASE64.encode_slice(b, &mut out[start..]).unwrap_or(0);
            out.truncate(start + n);
        }
    }
}

/// Record text: as is, or with `escape` made terminal-safe (control and bidi characters and
/// invalid UTF-8 escaped).
fn write_text(out: &mut Vec<u8>, b: &[u8], escape: bool) {
    if !escape {
        out.extend_from_slice(b);
        return;
    }
    for chunk in b.utf8_chunks() {
        out.extend_from_slice(sanitize(chunk.valid()).as_bytes());
        for &x in chunk.invalid() {
            out.extend_from_slice(&[b'\\', b'x', HEX[(x >> 4) as usize], HEX[(x & 15) as usize]]);
        }
    }
}

/// A JSON string literal (or `null`). Invalid UTF-8 becomes U+FFFD; control and bidi characters
/// are `\u` escapes, so the literal is safe on a terminal and still the same JSON string.
fn write_json(out: &mut Vec<u8>, b: Option<&[u8]>) {
    let Some(b) = b else {
        out.extend_from_slice(b"null");
        return;
    };
    out.reserve(b.len() + 2);
    out.push(b'"');
    for chunk in b.utf8_chunks() {
        let s = chunk.valid();
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if !(c == '"' || c == '\\' || is_terminal_unsafe(c)) {
                continue;
            }
            out.extend_from_slice(&s.as_bytes()[start..i]);
            match c {
                '"' => out.extend_from_slice(b"\\\""),
                '\\' => out.extend_from_slice(b"\\\\"),
                '\n' => out.extend_from_slice(b"\\n"),
                '\r' => out.extend_from_slice(b"\\r"),
                '\t' => out.extend_from_slice(b"\\t"),
                '\u{8}' => out.extend_from_slice(b"\\b"),
                '\u{c}' => out.extend_from_slice(b"\\f"),
                c => {
                    // every control and bidi character is in the BMP: one \uXXXX
                    let v = c as u32;
                    out.extend_from_slice(b"\\u");
                    for k in (0..4).rev() {
                        out.push(HEX[((v >> (k * 4)) & 15) as usize]);
                    }
                }
            }
            start = i + c.len_utf8();
        }
        out.extend_from_slice(&s.as_bytes()[start..]);
        if !chunk.invalid().is_empty() {
            out.extend_from_slice("\u{fffd}".as_bytes());
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::TimestampType;
    use bytes::Bytes;

    fn record() -> Record {
        Record {
            topic: "orders".into(),
            at: crate::record::Position::Offset {
                partition: 3,
                offset: 42,
            },
            timestamp_type: TimestampType::LogAppend,
            msg: crate::record::Message {
                timestamp: 1_735_689_600_123,
                key: Some(Bytes::from_static(b"k1")),
                value: Some(Bytes::from_static(b"{\"a\":1}")),
                headers: vec![
                    ("trace".into(), None),
                    ("type".into(), Some(Bytes::from_static(b"created"))),
                    ("type".into(), Some(Bytes::from_static(b"second"))),
                    ("empty".into(), Some(Bytes::new())),
                ],
                ..Default::default()
            },
        }
    }

    fn render_with(t: &str, r: &Record, escape: bool) -> Vec<u8> {
        let t = Template::parse(t).unwrap_or_else(|e| panic!("{t:?}: {e}"));
        let mut out = Vec::new();
        t.render(&mut out, r, escape);
        out
    }

    fn render(t: &str, r: &Record) -> String {
        String::from_utf8(render_with(t, r, false)).unwrap()
    }

    fn err(t: &str) -> String {
        Template::parse(t).expect_err(t)
    }

    #[test]
    fn every_field() {
        let r = record();
        assert_eq!(render("{topic}", &r), "orders");
        assert_eq!(render("{partition}", &r), "3");
        assert_eq!(render("{offset}", &r), "42");
        assert_eq!(render("{timestamp}", &r), "2025-01-01T00:00:00.123Z");
        assert_eq!(render("{timestamp_ms}", &r), "1735689600123");
        assert_eq!(render("{timestamp_type}", &r), "log_append");
        assert_eq!(render("{key}", &r), "k1");
        assert_eq!(render("{value}", &r), "{\"a\":1}");
        assert_eq!(
            render("{headers}", &r),
            "trace,type=created,type=second,empty="
        );
        assert_eq!(render("{header.type}", &r), "created", "the first one");
        assert_eq!(render("{header.trace}", &r), "", "null");
        assert_eq!(render("{header.empty}", &r), "", "empty");
        assert_eq!(render("{header.missing}", &r), "", "absent");
        assert_eq!(render("{key_len} {value_len}", &r), "2 7");
        assert_eq!(
            render("{topic}/{partition}@{offset} {key}={value}\n", &r),
            "orders/3@42 k1={\"a\":1}\n"
        );
        assert_eq!(render("", &r), "");
        assert_eq!(render("plain", &r), "plain");
    }

    #[test]
    fn negative_and_extreme_numbers() {
        let mut r = record();
        r.at = crate::record::Position::Offset {
            partition: -1,
            offset: i64::MIN,
        };
        r.msg.timestamp = -1;
        assert_eq!(
            render("{partition} {offset} {timestamp_ms} {timestamp}", &r),
            "-1 -9223372036854775808 -1 1969-12-31T23:59:59.999Z"
        );
    }

    #[test]
    fn nulls_and_empties() {
        let mut r = record();
        r.msg.key = None;
        r.msg.value = Some(Bytes::new());
        assert_eq!(render("[{key}][{value}]", &r), "[][]");
        assert_eq!(render("[{key_len}][{value_len}]", &r), "[][0]");
        assert_eq!(render("{key:json} {value:json}", &r), "null \"\"");
        assert_eq!(render("[{key:hex}][{key:base64}]", &r), "[][]");
        assert_eq!(
            render("{header.trace:json} {header.nope:json}", &r),
            "null null"
        );
        assert_eq!(render("{header.empty:json}", &r), "\"\"");
        r.msg.headers.clear();
        assert_eq!(render("[{headers}]", &r), "[]");
        r.msg.value = None;
        assert_eq!(render("[{value}][{value_len}]", &r), "[][]");
    }

    #[test]
    fn modifiers() {
        let mut r = record();
        r.msg.value = Some(Bytes::from_static(b"\x00\xffhi"));
        assert_eq!(render("{value:hex}", &r), "00ff6869");
        assert_eq!(render("{value:base64}", &r), "AP9oaQ==");
        assert_eq!(render("{key:text}", &r), "k1");
        assert_eq!(render("{key:json}", &r), "\"k1\"");
        assert_eq!(render("{header.type:hex}", &r), "63726561746564");
        assert_eq!(render("{header.type:base64}", &r), "Y3JlYXRlZA==");
        assert_eq!(render("{header.type:json}", &r), "\"created\"");
        assert_eq!(render("{value:json}", &r), "\"\\u0000\u{fffd}hi\"");
        r.msg.value = Some(Bytes::from_static(b""));
        assert_eq!(render("[{value:base64}][{value:hex}]", &r), "[][]");
        r.msg.value = Some(Bytes::from_static(b"abcd"));
        assert_eq!(render("{value:base64}", &r), "YWJjZA==");
    }

    #[test]
    fn json_modifier_is_valid_json() {
        let mut r = record();
        let text = "q\"b\\s\n\r\t\u{8}\u{c}\u{1b}[2J\u{7f}\u{9b}\u{202e}é✓\u{2028}";
        r.msg.value = Some(Bytes::copy_from_slice(text.as_bytes()));
        let out = render("{value:json}", &r);
        assert_eq!(
            out,
            concat!(
                r#""q\"b\\s\n\r\t\b\f\u001b[2J\u007f\u009b\u202eé✓"#,
                "\u{2028}\""
            )
        );
        let parsed: String = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed, text);
        // the same in both modes
        assert_eq!(render_with("{value:json}", &r, true), out.as_bytes());
        // invalid UTF-8: one U+FFFD per bad sequence, like from_utf8_lossy
        r.msg.value = Some(Bytes::from_static(b"a\xffb\xe2\x82c"));
        let out = render("{value:json}", &r);
        let parsed: String = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed, String::from_utf8_lossy(b"a\xffb\xe2\x82c"));
    }

    #[test]
    fn literal_escapes_and_braces() {
        let r = record();
        assert_eq!(render(r"a\nb\tc\rd\0e\\f", &r), "a\nb\tc\rd\0e\\f");
        assert_eq!(render("{{{key}}}", &r), "{k1}");
        assert_eq!(render("{{key}}", &r), "{key}");
        assert_eq!(render("}}{{", &r), "}{");
        assert_eq!(render("ünï {key} ✓", &r), "ünï k1 ✓");
        assert_eq!(render("{key}{value}", &r), "k1{\"a\":1}");
    }

    #[test]
    fn no_newline_is_added() {
        let r = record();
        assert_eq!(render("{key}", &r), "k1");
        assert!(!Template::parse("{key}").unwrap().ends_with_newline());
        assert!(Template::parse(r"{key}\n").unwrap().ends_with_newline());
        assert!(Template::parse("{key}\n").unwrap().ends_with_newline());
        assert!(!Template::parse(r"\n{key}").unwrap().ends_with_newline());
        assert!(!Template::parse("").unwrap().ends_with_newline());
    }

    #[test]
    fn header_names_with_colons_and_dots() {
        let mut r = record();
        r.msg.headers = vec![
            ("a:b".into(), Some(Bytes::from_static(b"x"))),
            ("x.y".into(), Some(Bytes::from_static(b"z"))),
        ];
        assert_eq!(render("{header.a:b:text}", &r), "x");
        assert_eq!(render("{header.x.y}", &r), "z");
        assert!(err("{header.a:b}").contains("unknown modifier :b"));
    }

    #[test]
    fn escape_record_text_for_terminals() {
        let mut r = record();
        r.msg.key = Some(Bytes::from_static(b"k\x1b[31m"));
        r.msg.value = Some(Bytes::copy_from_slice(
            "l1\nl2\r\t\u{7f}\u{9b}x \u{202e}evil\u{2066}\u{200f}\u{61c} ünï ✓".as_bytes(),
        ));
        r.msg.headers = vec![
            ("n\x07".into(), Some(Bytes::from_static(b"v\xff\xfe"))),
            ("bare".into(), None),
        ];
        r.topic = "t\u{1b}".into();
        let out = render_with(
            "{topic}|{key}|{value}|{headers}|{header.n\x07}\t\x1b\n",
            &r,
            true,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "t\\u{1b}|k\\u{1b}[31m|l1\\nl2\\r\\t\\u{7f}\\u{9b}x \\u{202e}evil\\u{2066}\\u{200f}\\u{61c} ünï ✓|\
             n\\u{7}=v\\xff\\xfe,bare|v\\xff\\xfe\t\x1b\n",
            "record text escaped, template text not"
        );
        // every bidi control
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{061c}',
        ] {
            r.msg.value = Some(Bytes::copy_from_slice(c.to_string().as_bytes()));
            assert_eq!(
                render_with("{value}", &r, true),
                format!("\\u{{{:x}}}", c as u32).as_bytes()
            );
        }
        // same escaping as output::sanitize for valid text
        let text = "a\u{1b}[2J\n\u{0}\u{85}é";
        r.msg.value = Some(Bytes::copy_from_slice(text.as_bytes()));
        assert_eq!(
            render_with("{value}", &r, true),
            crate::output::sanitize(text).as_bytes()
        );
        // hex and base64 are already safe
        r.msg.value = Some(Bytes::from_static(b"\x1b"));
        assert_eq!(
            render_with("{value:hex}|{value:base64}", &r, true),
            b"1b|Gw=="
        );
    }

    #[test]
    fn raw_without_escape() {
        let mut r = record();
        let raw: &[u8] = b"\x1b[31m\xff\n\xe2\x80\xae";
        r.msg.value = Some(Bytes::copy_from_slice(raw));
        r.msg.headers = vec![("h".into(), Some(Bytes::copy_from_slice(raw)))];
        assert_eq!(render_with("{value}", &r, false), raw);
        assert_eq!(render_with("{header.h}", &r, false), raw);
        let mut want = b"h=".to_vec();
        want.extend_from_slice(raw);
        assert_eq!(render_with("{headers}", &r, false), want);
    }

    #[test]
    fn render_appends() {
        let t = Template::parse(r"{offset}\n").unwrap();
        let mut out = b"before:".to_vec();
        let mut r = record();
        t.render(&mut out, &r, false);
        r.at = crate::record::Position::Offset {
            partition: 0,
            offset: 43,
        };
        t.render(&mut out, &r, true);
        assert_eq!(out, b"before:42\n43\n");
    }

    #[test]
    fn errors_name_the_field_and_column() {
        let e = err("{offset} {nope}");
        assert!(e.starts_with("at column 10: unknown field {nope}; the fields are topic, partition, offset, timestamp, timestamp_ms, timestamp_type, key, value, headers, header.NAME, key_len, value_len"), "{e}");
        let e = err("ü {valu}");
        assert!(e.starts_with("at column 3: unknown field {valu}"), "{e}");
        assert_eq!(
            err("{value:yaml}"),
            "at column 1: unknown modifier :yaml in {value:yaml}; the modifiers are :text, :hex, \
             :base64 and :json"
        );
        assert_eq!(
            err("x{offset:hex}"),
            "at column 2: {offset} takes no modifier; only key, value and header.NAME do"
        );
        assert_eq!(
            err("{header.}"),
            "at column 1: empty header name in {header.}; write {header.NAME}"
        );
        assert!(err("{}").contains("unknown field {}"));
        assert!(err("{ key }").contains("unknown field { key }"));
        assert_eq!(
            err("ab {key"),
            "unclosed { at column 4; write {{ for a literal brace"
        );
        assert_eq!(
            err("a}b"),
            "unmatched } at column 2; write }} for a literal brace"
        );
        assert_eq!(
            err(r"x\q"),
            r"unknown escape \q at column 2; the escapes are \n, \t, \r, \0 and \\, and {{ and }} for braces"
        );
        assert!(err(r"\é").starts_with(r"unknown escape \é at column 1"));
        assert_eq!(
            err(r"x\"),
            r"lone backslash at column 2 (the end); write \\ for a backslash"
        );
    }
}
