//! The human record view of `evctl tail -o pretty`.
//!
//! One block per record, followed by a blank line:
//!
//! ```text
//! orders/0@42 2025-01-01T00:00:00.000Z key=order-7
//!   traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
//!   retry: null
//! {
//!   "id": 7,
//!   "items": [
//!     "book"
//!   ]
//! }
//! ```
//!
//! - The first line is `topic/partition@offset`, the timestamp (RFC 3339, UTC; `(log_append)` after
//!   it when the broker set it, `(no timestamp)` instead of it when there is none) and the key.
//! - Keys and header values are shown as text: `null` (dimmed) for null, `""` for empty, `"null"`
//!   for the text `null`, and `\xNN` for each byte that is not part of valid UTF-8.
//! - A value that is a JSON object or array is pretty-printed with a two-space indent, keeping the
//!   key order, number spelling and string escapes of the input. Other UTF-8 values (plain text and
//!   JSON scalars) are printed as they are. A null value is `(null: tombstone)`, an empty one
//!   `(empty)`, and anything else a hex dump of at most [`HEX_DUMP_LIMIT`] bytes.
//! - With `escape` (stdout is a terminal) every string that comes from the record goes through
//!   [`sanitize`], so it cannot move the cursor, recolour the screen or reorder text; only the
//!   newlines of a text value stay real, because they are harmless and keep text readable.

use std::io::Write as _;

use anstyle::{AnsiColor, Effects, Style};

use super::{Styles, sanitize};
use crate::record::json::{skip_ws, string_end};
use crate::record::time::write_rfc3339;
use crate::record::{Position, Record, TimestampType};

/// How many bytes of a binary value the hex dump shows.
pub const HEX_DUMP_LIMIT: usize = 4096;

const BOLD: Style = Style::new().effects(Effects::BOLD);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const JSON_KEY: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);
const JSON_STRING: Style = AnsiColor::Green.on_default();
const JSON_NUMBER: Style = AnsiColor::Cyan.on_default();
const JSON_BOOL: Style = AnsiColor::Yellow.on_default();
const JSON_NULL: Style = AnsiColor::Magenta.on_default();

/// Appends the pretty view of one record, ending with a blank line.
///
/// `escape` must be true when the output goes to a terminal: every string taken from the record is
/// then escaped with [`sanitize`]. Colour follows `styles.color`.
pub fn write_pretty(out: &mut Vec<u8>, r: &Record, styles: &Styles, escape: bool) {
    let p = Painter {
        color: styles.color,
        escape,
    };

    // topic/partition@offset, or stream@id
    p.start(out, BOLD);
    p.text(out, &r.topic);
    match r.at {
        Position::Offset { partition, offset } => {
            let mut num = itoa::Buffer::new();
            out.push(b'/');
            out.extend_from_slice(num.format(partition).as_bytes());
            out.push(b'@');
            out.extend_from_slice(num.format(offset).as_bytes());
        }
        Position::Entry(id) => {
            out.push(b'@');
            id.write(out);
        }
        Position::Delivery { seq, redelivered } => {
            out.push(b'#');
            out.extend_from_slice(itoa::Buffer::new().format(seq).as_bytes());
            if redelivered {
                out.extend_from_slice(b" (redelivered)");
            }
        }
    }
    p.end(out, BOLD);

    out.push(b' ');
    match r.timestamp_type {
        TimestampType::NotAvailable => p.plain(out, DIM, "(no timestamp)"),
        TimestampType::Create | TimestampType::LogAppend => {
            p.start(out, DIM);
            write_rfc3339(out, r.msg.timestamp);
            p.end(out, DIM);
            if r.timestamp_type == TimestampType::LogAppend {
                out.push(b' ');
                p.plain(out, DIM, "(log_append)");
            }
        }
    }

    out.extend_from_slice(b" key=");
    p.bytes_text(out, r.msg.key.as_deref());
    for (what, tag) in [("key", &r.msg.key_schema), ("value", &r.msg.value_schema)] {
        if let Some(t) = tag {
            out.push(b' ');
            p.plain(out, DIM, &schema_label(what, t));
        }
    }
    out.push(b'\n');

    for (name, value) in &r.msg.headers {
        out.extend_from_slice(b"  ");
        p.text(out, name);
        out.extend_from_slice(b": ");
        p.bytes_text(out, value.as_deref());
        out.push(b'\n');
    }

    match r.msg.value.as_deref() {
        None => {
            p.plain(out, DIM, "(null: tombstone)");
            out.push(b'\n');
        }
        Some([]) => {
            p.plain(out, DIM, "(empty)");
            out.push(b'\n');
        }
        Some(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) if is_json_container(text) => p.json(out, text),
            Ok(text) => p.multiline_text(out, text),
            Err(_) => p.hex_dump(out, bytes),
        },
    }
    out.push(b'\n');
}

/// The pretty view of one record as a string (tests and callers that want text).
/// `value: orders-value v3 (AVRO, id 12)`: which registry schema decoded the key or value.
fn schema_label(what: &str, t: &crate::record::SchemaTag) -> String {
    let name = match (&t.subject, t.version) {
        (Some(s), Some(v)) => format!("{s} v{v}"),
        (Some(s), None) => s.clone(),
        _ => format!("schema {}", t.id),
    };
    let message = t
        .message
        .as_deref()
        .map(|m| format!(" {m}"))
        .unwrap_or_default();
    format!("{what}: {name} ({}{message}, id {})", t.format, t.id)
}

pub fn to_pretty_string(r: &Record, styles: &Styles, escape: bool) -> String {
    let mut out = Vec::new();
    write_pretty(&mut out, r, styles, escape);
    // Text is copied from `&str`s and bytes that are not UTF-8 are written as ASCII escapes.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Whether `text` is a valid JSON document whose top level is an object or an array.
fn is_json_container(text: &str) -> bool {
    matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// Writes styled, optionally escaped text.
struct Painter {
    color: bool,
    escape: bool,
}

impl Painter {
    fn start(&self, out: &mut Vec<u8>, style: Style) {
        if self.color {
            let _ = write!(out, "{}", style.render());
        }
    }

    fn end(&self, out: &mut Vec<u8>, style: Style) {
        if self.color {
            let _ = write!(out, "{}", style.render_reset());
        }
    }

    /// Text of our own (never escaped), styled.
    fn plain(&self, out: &mut Vec<u8>, style: Style, text: &str) {
        self.start(out, style);
        out.extend_from_slice(text.as_bytes());
        self.end(out, style);
    }

    /// Text from the record: escaped when writing to a terminal.
    fn text(&self, out: &mut Vec<u8>, text: &str) {
        if self.escape {
            out.extend_from_slice(sanitize(text).as_bytes());
        } else {
            out.extend_from_slice(text.as_bytes());
        }
    }

    /// Text from the record, styled.
    fn styled(&self, out: &mut Vec<u8>, style: Style, text: &str) {
        self.start(out, style);
        self.text(out, text);
        self.end(out, style);
    }

    /// A key or header value on one line: `null` (dimmed), `""`, `"null"` or the text with `\xNN`
    /// for bytes that are not valid UTF-8.
    fn bytes_text(&self, out: &mut Vec<u8>, bytes: Option<&[u8]>) {
        match bytes {
            None => self.plain(out, DIM, "null"),
            Some([]) => out.extend_from_slice(b"\"\""),
            Some(b"null") => out.extend_from_slice(b"\"null\""),
            Some(bytes) => {
                for chunk in bytes.utf8_chunks() {
                    self.text(out, chunk.valid());
                    for b in chunk.invalid() {
                        let _ = write!(out, "\\x{b:02x}");
                    }
                }
            }
        }
    }

    /// A text value: newlines stay real, everything else is escaped line by line; ends with a
    /// newline.
    fn multiline_text(&self, out: &mut Vec<u8>, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(b'\n');
            }
            self.text(out, line);
        }
        if !text.ends_with('\n') {
            out.push(b'\n');
        }
    }

    /// `xxd`-style lines: offset, 16 bytes in groups of two, and the printable ASCII.
    fn hex_dump(&self, out: &mut Vec<u8>, bytes: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let shown = &bytes[..bytes.len().min(HEX_DUMP_LIMIT)];
        for (n, line) in shown.chunks(16).enumerate() {
            let _ = write!(out, "{:08x}:", n * 16);
            for (i, b) in line.iter().enumerate() {
                if i % 2 == 0 {
                    out.push(b' ');
                }
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            }
            // pad a short last line so the ASCII column lines up
            let width = line.len() * 2 + line.len().div_ceil(2);
            out.resize(out.len() + (40 - width), b' ');
            out.extend_from_slice(b"  ");
            out.extend(line.iter().map(|&b| {
                if b.is_ascii_graphic() || b == b' ' {
                    b
                } else {
                    b'.'
                }
            }));
            out.push(b'\n');
        }
        if bytes.len() > shown.len() {
            let more = bytes.len() - shown.len();
            self.plain(out, DIM, &format!("… {more} more bytes"));
            out.push(b'\n');
        }
    }

    /// Pretty-prints a valid JSON document (checked by [`is_json_container`]) token by token, so
    /// key order, numbers and string escapes stay as in the input. Ends with a newline.
    fn json(&self, out: &mut Vec<u8>, text: &str) {
        let s = text.as_bytes();
        let mut depth = 0usize;
        let mut i = skip_ws(s, 0);
        while i < s.len() {
            match s[i] {
                open @ (b'{' | b'[') => {
                    let close = if open == b'{' { b'}' } else { b']' };
                    let next = skip_ws(s, i + 1);
                    out.push(open);
                    if s.get(next) == Some(&close) {
                        out.push(close);
                        i = next + 1;
                    } else {
                        depth += 1;
                        newline(out, depth);
                        i = next;
                    }
                }
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    newline(out, depth);
                    out.push(s[i]);
                    i += 1;
                }
                b',' => {
                    out.push(b',');
                    newline(out, depth);
                    i += 1;
                }
                b':' => {
                    out.extend_from_slice(b": ");
                    i += 1;
                }
                b'"' => {
                    let end = string_end(s, i);
                    let is_key = s.get(skip_ws(s, end)) == Some(&b':');
                    let style = if is_key { JSON_KEY } else { JSON_STRING };
                    self.styled(out, style, &text[i..end]);
                    i = end;
                }
                _ => {
                    let end = s[i..]
                        .iter()
                        .position(|b| matches!(b, b',' | b']' | b'}') || b.is_ascii_whitespace())
                        .map_or(s.len(), |n| i + n);
                    let token = &text[i..end];
                    let style = match token {
                        "true" | "false" => JSON_BOOL,
                        "null" => JSON_NULL,
                        _ => JSON_NUMBER,
                    };
                    self.plain(out, style, token);
                    i = end;
                }
            }
            i = skip_ws(s, i);
        }
        out.push(b'\n');
    }
}

fn newline(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + depth * 2, b' ');
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;

    const PLAIN: Styles = Styles::PLAIN;
    const COLOR: Styles = Styles {
        color: true,
        width: None,
    };

    fn record(value: Option<&[u8]>) -> Record {
        Record {
            topic: "orders".into(),
            at: crate::record::Position::Offset {
                partition: 3,
                offset: 42,
            },
            timestamp_type: TimestampType::Create,
            msg: crate::record::Message {
                timestamp: 1_735_689_600_000,
                key: Some(Bytes::from_static(b"order-7")),
                value: value.map(Bytes::copy_from_slice),
                headers: vec![],
                ..Default::default()
            },
        }
    }

    fn pretty(r: &Record, escape: bool) -> String {
        to_pretty_string(r, &PLAIN, escape)
    }

    const HEAD: &str = "orders/3@42 2025-01-01T00:00:00.000Z key=order-7\n";

    #[test]
    fn header_line_headers_and_text_value() {
        let mut r = record(Some(b"hello"));
        r.msg.headers = vec![
            ("trace".into(), Some(Bytes::from_static(b"abc"))),
            ("retry".into(), None),
            ("trace".into(), Some(Bytes::from_static(b""))),
            ("bin".into(), Some(Bytes::from_static(b"a\xff\xfeb"))),
        ];
        assert_eq!(
            pretty(&r, false),
            format!(
                "{HEAD}  trace: abc\n  retry: null\n  trace: \"\"\n  bin: a\\xff\\xfeb\nhello\n\n"
            )
        );
    }

    #[test]
    fn keys_null_empty_literal_null_and_binary() {
        let line = |key: Option<&'static [u8]>| {
            let mut r = record(Some(b"v"));
            r.msg.key = key.map(Bytes::from_static);
            pretty(&r, true).lines().next().unwrap().to_string()
        };
        let prefix = "orders/3@42 2025-01-01T00:00:00.000Z key=";
        assert_eq!(line(None), format!("{prefix}null"));
        assert_eq!(line(Some(&b""[..])), format!("{prefix}\"\""));
        assert_eq!(line(Some(&b"null"[..])), format!("{prefix}\"null\""));
        assert_eq!(
            line(Some(&b"\x00\x01k\xc3"[..])),
            format!("{prefix}\\u{{0}}\\u{{1}}k\\xc3")
        );
        assert_eq!(line(Some("ключ".as_bytes())), format!("{prefix}ключ"));
    }

    #[test]
    fn timestamp_types() {
        let mut r = record(Some(b"v"));
        r.timestamp_type = TimestampType::LogAppend;
        assert!(
            pretty(&r, false)
                .starts_with("orders/3@42 2025-01-01T00:00:00.000Z (log_append) key=order-7\n")
        );
        r.timestamp_type = TimestampType::NotAvailable;
        r.msg.timestamp = -1;
        assert!(pretty(&r, false).starts_with("orders/3@42 (no timestamp) key=order-7\n"));
    }

    #[test]
    fn null_and_empty_values() {
        assert_eq!(
            pretty(&record(None), false),
            format!("{HEAD}(null: tombstone)\n\n")
        );
        assert_eq!(
            pretty(&record(Some(b"")), false),
            format!("{HEAD}(empty)\n\n")
        );
    }

    #[test]
    fn json_keeps_key_order_numbers_and_escapes() {
        let value = br#" {"z":1,"a":[true,false,null,{"k":"v\"\u00e9"}],"m":{},"n":[],"x":-1.50e3,"s":"a b"} "#;
        let expected = r#"{
  "z": 1,
  "a": [
    true,
    false,
    null,
    {
      "k": "v\"\u00e9"
    }
  ],
  "m": {},
  "n": [],
  "x": -1.50e3,
  "s": "a b"
}
"#;
        assert_eq!(
            pretty(&record(Some(value)), false),
            format!("{HEAD}{expected}\n")
        );
        // already pretty input with other whitespace comes out the same
        let spaced = b"{\r\n\t\"z\" :  1 ,\n \"a\"\t:[ true , false,null , { \"k\" : \"v\\\"\\u00e9\" } ],\"m\":{ },\"n\":[\n],\"x\":-1.50e3,\"s\":\"a b\"}\n";
        assert_eq!(
            pretty(&record(Some(spaced)), false),
            format!("{HEAD}{expected}\n")
        );
        assert_eq!(pretty(&record(Some(b"[]")), false), format!("{HEAD}[]\n\n"));
        assert_eq!(
            pretty(&record(Some(b"[[1],[]]")), false),
            format!("{HEAD}[\n  [\n    1\n  ],\n  []\n]\n\n")
        );
    }

    #[test]
    fn json_scalars_and_invalid_json_are_text() {
        for v in [
            "42",
            "\"quoted\"",
            "true",
            "null",
            "{\"a\":",
            "[1,]",
            "{} {}",
            "plain text",
        ] {
            assert_eq!(
                pretty(&record(Some(v.as_bytes())), false),
                format!("{HEAD}{v}\n\n"),
                "{v}"
            );
        }
    }

    #[test]
    fn text_keeps_newlines_and_escapes_the_rest_on_a_terminal() {
        let r = record(Some(b"line 1\nred \x1b[31mX\r\ttab\n"));
        assert_eq!(
            pretty(&r, true),
            format!("{HEAD}line 1\nred \\u{{1b}}[31mX\\r\\ttab\n\n")
        );
        assert_eq!(
            pretty(&r, false),
            format!("{HEAD}line 1\nred \x1b[31mX\r\ttab\n\n")
        );
    }

    #[test]
    fn every_record_string_is_escaped_on_a_terminal() {
        let mut r = record(Some(
            "{\"k\\u001b\u{202e}\":\"\u{9b}2J\u{2066}\",\"n\":1}".as_bytes(),
        ));
        r.topic = "t\x1b[2J".into();
        r.msg.key = Some(Bytes::from("k\r\n\u{200f}"));
        r.msg.headers = vec![(
            "h\x07".into(),
            Some(Bytes::from("v\x1b]0;title\x07\u{61c}")),
        )];
        let out = pretty(&r, true);
        assert_eq!(
            out,
            "t\\u{1b}[2J/3@42 2025-01-01T00:00:00.000Z key=k\\r\\n\\u{200f}\n  h\\u{7}: v\\u{1b}]0;title\\u{7}\\u{61c}\n{\n  \"k\\u001b\\u{202e}\": \"\\u{9b}2J\\u{2066}\",\n  \"n\": 1\n}\n\n"
        );
        for bad in [
            '\x1b', '\r', '\x07', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200f}', '\u{61c}',
        ] {
            assert!(!out.contains(bad), "{bad:?} in {out}");
        }
        // without escaping the text is written as it is
        let raw = pretty(&r, false);
        assert!(raw.starts_with("t\x1b[2J/3@42"), "{raw}");
        assert!(raw.contains("  h\x07: v\x1b]0;title\x07\u{61c}\n"), "{raw}");
        assert!(raw.contains("\"\u{9b}2J\u{2066}\""), "{raw}");
    }

    #[test]
    fn binary_values_are_a_hex_dump() {
        let value: Vec<u8> = (0u8..=20).chain([0xff]).collect();
        let out = pretty(&record(Some(&value)), true);
        assert_eq!(
            out,
            format!(
                "{HEAD}\
00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n\
00000010: 1011 1213 14ff                           ......\n\n"
            )
        );
        let mut value = b"\xffhello world, this is text!".to_vec();
        value.truncate(17);
        let out = pretty(&record(Some(&value)), false);
        assert!(
            out.contains(
                "00000000: ff68 656c 6c6f 2077 6f72 6c64 2c20 7468  .hello world, th\n\
00000010: 69                                       i\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn hex_dump_is_limited() {
        let value = vec![0xffu8; HEX_DUMP_LIMIT + 100];
        let out = pretty(&record(Some(&value)), false);
        let lines: Vec<&str> = out.lines().collect();
        // header, 256 dump lines, the "more" line, the blank line
        assert_eq!(lines.len(), 1 + HEX_DUMP_LIMIT / 16 + 1 + 1, "{out}");
        assert_eq!(
            lines[HEX_DUMP_LIMIT / 16],
            "00000ff0: ffff ffff ffff ffff ffff ffff ffff ffff  ................"
        );
        assert_eq!(lines[HEX_DUMP_LIMIT / 16 + 1], "… 100 more bytes");
        assert!(out.ends_with("… 100 more bytes\n\n"));
        // exactly the limit: no "more" line
        let value = vec![0xffu8; HEX_DUMP_LIMIT];
        assert!(!pretty(&record(Some(&value)), false).contains("more bytes"));
    }

    #[test]
    fn colour_on_paints_and_off_does_not() {
        let mut r = record(Some(br#"{"k":"s","n":1,"b":true,"z":null}"#));
        r.msg.key = None;
        r.timestamp_type = TimestampType::LogAppend;
        let plain = pretty(&r, true);
        assert!(!plain.contains('\x1b'), "{plain}");
        let out = to_pretty_string(&r, &COLOR, true);
        let paint = |style: Style, text: &str| {
            format!("{}{}{}", style.render(), text, style.render_reset())
        };
        assert!(out.contains(&paint(BOLD, "orders/3@42")), "{out}");
        assert!(
            out.contains(&paint(DIM, "2025-01-01T00:00:00.000Z")),
            "{out}"
        );
        assert!(out.contains(&paint(DIM, "(log_append)")), "{out}");
        assert!(
            out.contains(&format!("key={}", paint(DIM, "null"))),
            "{out}"
        );
        assert!(out.contains(&paint(JSON_KEY, "\"k\"")), "{out}");
        assert!(out.contains(&paint(JSON_STRING, "\"s\"")), "{out}");
        assert!(out.contains(&paint(JSON_NUMBER, "1")), "{out}");
        assert!(out.contains(&paint(JSON_BOOL, "true")), "{out}");
        assert!(out.contains(&paint(JSON_NULL, "null")), "{out}");
        // removing the escape sequences gives the plain view back
        let mut stripped = out.clone();
        for style in [
            JSON_KEY,
            JSON_STRING,
            JSON_NUMBER,
            JSON_BOOL,
            JSON_NULL,
            BOLD,
            DIM,
        ] {
            stripped = stripped.replace(&style.render().to_string(), "");
            stripped = stripped.replace(&style.render_reset().to_string(), "");
        }
        assert_eq!(stripped, plain);
        let tomb = to_pretty_string(&record(None), &COLOR, true);
        assert!(tomb.contains(&paint(DIM, "(null: tombstone)")), "{tomb}");
    }

    #[test]
    fn records_follow_each_other_with_a_blank_line() {
        let mut out = Vec::new();
        write_pretty(&mut out, &record(Some(b"a")), &PLAIN, true);
        write_pretty(&mut out, &record(Some(b"b")), &PLAIN, true);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{HEAD}a\n\n{HEAD}b\n\n")
        );
    }
}
