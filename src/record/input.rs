//! Input records for `evctl publish`: one per line, in the `lines` format (the line is the value,
//! optionally `KEY<sep>VALUE`) or the `json` format (the JSON-lines record of [`super::json`]),
//! with the command line's fixed key, headers, partition and timestamp, and the optional event
//! envelope or CloudEvents wrapping.

use bytes::Bytes;

use super::envelope::{self, CloudEventsMode, EnvelopeOptions};
use super::{Message, Place, json};

/// How stdin or `--file` is split into records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// One record per line: the line is the value (or KEY<sep>VALUE with --key-separator).
    #[default]
    Lines,
    /// One JSON-lines record per line, as `evctl tail -o json` writes them.
    Json,
}

/// What wraps each value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Wrap {
    /// Nothing: the value as given.
    #[default]
    None,
    /// The standard event envelope (design.md §1).
    Envelope(EnvelopeOptions),
    /// A CloudEvent in binary or structured mode.
    CloudEvents(CloudEventsMode, EnvelopeOptions),
}

/// How lines become records.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// The line format.
    pub format: InputFormat,
    /// `--key-separator` (lines format): the key is what comes before the first separator.
    pub key_separator: Option<Vec<u8>>,
    /// `--key`: the key of records that have none of their own.
    pub key: Option<Bytes>,
    /// `-H`: headers added after the record's own, in order.
    pub headers: Vec<(String, Option<Bytes>)>,
    /// `--partition`: overrides the record's partition.
    pub partition: Option<i32>,
    /// `--ignore-partition` (json format): let the partitioner choose instead of the recorded one.
    pub ignore_partition: bool,
    /// `--keep-ids` (json format, to a stream): add entries with their recorded ids.
    pub keep_ids: bool,
    /// `--timestamp`: overrides the record's timestamp.
    pub timestamp: Option<i64>,
    /// `--null-value` (lines format): every value is null (a tombstone); the line is the key.
    pub null_value: bool,
    /// Envelope or CloudEvents.
    pub wrap: Wrap,
    /// `--key-schema` / `--value-schema` (json format): the record's key / value is a datum.
    pub datum: json::Datum,
}

/// Parses `-H name=value` (`name` alone is a null value).
pub fn parse_header(s: &str) -> Result<(String, Option<Bytes>), String> {
    let (name, value) = match s.split_once('=') {
        Some((n, v)) => (n, Some(Bytes::copy_from_slice(v.as_bytes()))),
        None => (s, None),
    };
    if name.is_empty() {
        return Err(format!(
            "invalid header {s:?}: the name before '=' is empty"
        ));
    }
    Ok((name.to_string(), value))
}

/// Builds the message of one input line (without its line terminator), and the place (partition
/// or stream id) the input or the flags fixed, if any. `now_ms` is the timestamp of records that
/// carry none.
pub fn parse_line(
    line: &[u8],
    opts: &InputOptions,
    now_ms: i64,
) -> Result<(Message, Option<Place>), String> {
    let (mut rec, mut partition) = match opts.format {
        InputFormat::Lines => {
            let (key, value) = match &opts.key_separator {
                Some(sep) => match memchr::memmem::find(line, sep) {
                    Some(at) => (
                        Some(Bytes::copy_from_slice(&line[..at])),
                        &line[at + sep.len()..],
                    ),
                    None => {
                        return Err(format!(
                            "no key separator {:?} in the line",
                            String::from_utf8_lossy(sep)
                        ));
                    }
                },
                None => (None, line),
            };
            if opts.null_value {
                // the line is the key of a tombstone (unless a separator gave one)
                let key = key.or_else(|| Some(Bytes::copy_from_slice(line)));
                let m = Message {
                    key,
                    value: None,
                    timestamp: now_ms,
                    ..Default::default()
                };
                (m, None)
            } else {
                let m = Message {
                    key,
                    value: Some(Bytes::copy_from_slice(value)),
                    timestamp: now_ms,
                    ..Default::default()
                };
                (m, None)
            }
        }
        InputFormat::Json => {
            let d = json::decode_with(line, opts.datum).map_err(|e| e.message)?;
            let m = Message {
                timestamp: d.timestamp.unwrap_or(now_ms),
                key: d.key,
                value: d.value,
                headers: d.headers,
                key_schema: d.key_schema,
                value_schema: d.value_schema,
                fields: d.fields,
            };
            let place = match (d.partition, d.id) {
                (Some(p), _) if !opts.ignore_partition => Some(Place::Partition(p)),
                (_, Some(id)) if opts.keep_ids => Some(Place::Id(id)),
                _ => None,
            };
            (m, place)
        }
    };
    if rec.key.is_none() {
        rec.key = opts.key.clone();
    }
    if let Some(p) = opts.partition {
        partition = Some(Place::Partition(p));
    }
    if let Some(t) = opts.timestamp {
        rec.timestamp = t;
    }
    rec.headers.extend(opts.headers.iter().cloned());
    wrap(&mut rec, &opts.wrap, now_ms)?;
    Ok((rec, partition))
}

fn wrap(rec: &mut Message, how: &Wrap, now_ms: i64) -> Result<(), String> {
    let built = match how {
        Wrap::None => return Ok(()),
        Wrap::Envelope(o) => {
            let v = rec
                .value
                .as_deref()
                .ok_or("a null value cannot be wrapped in an envelope")?;
            envelope::envelope(v, o, now_ms)?
        }
        Wrap::CloudEvents(mode, o) => {
            let v = rec
                .value
                .as_deref()
                .ok_or("a null value cannot be a CloudEvent")?;
            envelope::cloudevent(v, *mode, o, now_ms)?
        }
    };
    rec.value = built.value;
    if rec.key.is_none() {
        rec.key = built.key;
    }
    rec.headers.extend(built.headers);
    Ok(())
}

/// Turns `\t`, `\n`, `\r`, `\0`, `\\` and `\xNN` in a `--key-separator` into bytes.
pub fn unescape_separator(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            match b[i + 1] {
                b't' => out.push(b'\t'),
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'x' if i + 3 < b.len() => {
                    let hex = std::str::from_utf8(&b[i + 2..i + 4]).map_err(|e| e.to_string())?;
                    // from_str_radix alone takes a sign: `\x+f`
                    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                        return Err(format!("bad escape \\x{hex}"));
                    }
                    out.push(
                        u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape \\x{hex}"))?,
                    );
                    i += 4;
                    continue;
                }
                other => return Err(format!("unknown escape \\{}", other as char)),
            }
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    if out.is_empty() {
        return Err("the separator is empty".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message and its partition, as one value the asserts can look into.
    #[derive(Debug)]
    struct Parsed {
        key: Option<Bytes>,
        value: Option<Bytes>,
        headers: Vec<(String, Option<Bytes>)>,
        timestamp: i64,
        partition: Option<i32>,
    }

    fn parsed(l: &[u8], o: &InputOptions, now: i64) -> Result<Parsed, String> {
        let (m, partition) = parse_line(l, o, now)?;
        Ok(Parsed {
            key: m.key,
            value: m.value,
            headers: m.headers,
            timestamp: m.timestamp,
            partition: match partition {
                Some(Place::Partition(p)) => Some(p),
                _ => None,
            },
        })
    }

    fn b(s: &str) -> Option<Bytes> {
        Some(Bytes::copy_from_slice(s.as_bytes()))
    }

    #[test]
    fn lines_with_and_without_separator() {
        let mut o = InputOptions::default();
        let r = parsed(b"hello", &o, 7).unwrap();
        assert_eq!((r.key, r.value, r.timestamp), (None, b("hello"), 7));
        let r = parsed(b"", &o, 7).unwrap();
        assert_eq!(r.value, b(""), "an empty line is an empty value");
        o.key_separator = Some(b"::".to_vec());
        let r = parsed(b"k1::v::1", &o, 7).unwrap();
        assert_eq!((r.key, r.value), (b("k1"), b("v::1")));
        let r = parsed(b"::v", &o, 7).unwrap();
        assert_eq!((r.key, r.value), (b(""), b("v")));
        assert!(
            parsed(b"novalue", &o, 7)
                .unwrap_err()
                .contains("no key separator \"::\"")
        );
    }

    #[test]
    fn flags_fill_in_and_override() {
        let o = InputOptions {
            key: b("fixed"),
            headers: vec![
                parse_header("a=1").unwrap(),
                parse_header("a=2").unwrap(),
                parse_header("n").unwrap(),
                parse_header("e=").unwrap(),
            ],
            partition: Some(2),
            timestamp: Some(1000),
            ..Default::default()
        };
        let r = parsed(b"v", &o, 7).unwrap();
        assert_eq!(r.key, b("fixed"));
        assert_eq!(r.partition, Some(2));
        assert_eq!(r.timestamp, 1000);
        assert_eq!(
            r.headers,
            vec![
                ("a".into(), b("1")),
                ("a".into(), b("2")),
                ("n".into(), None),
                ("e".into(), b("")),
            ]
        );
        assert!(parse_header("=x").is_err());
    }

    #[test]
    fn null_value_lines_are_tombstones_keyed_by_the_line() {
        let o = InputOptions {
            null_value: true,
            ..Default::default()
        };
        let r = parsed(b"user-1", &o, 0).unwrap();
        assert_eq!((r.key, r.value), (b("user-1"), None));
    }

    #[test]
    fn json_records_keep_everything() {
        let o = InputOptions {
            format: InputFormat::Json,
            ..Default::default()
        };
        let line = br#"{"topic":"a","partition":1,"offset":5,"timestamp":"2025-01-01T00:00:00.000Z","key":null,"value":{"base64":"/w=="},"headers":[["h",null],["h","x"]]}"#;
        let r = parsed(line, &o, 0).unwrap();
        assert_eq!(r.partition, Some(1));
        assert_eq!(r.timestamp, 1_735_689_600_000);
        assert_eq!(r.key, None);
        assert_eq!(r.value.as_deref(), Some(&[0xff][..]));
        assert_eq!(r.headers, vec![("h".into(), None), ("h".into(), b("x"))]);
        let o = InputOptions {
            ignore_partition: true,
            ..o
        };
        assert_eq!(parsed(line, &o, 0).unwrap().partition, None);
        let e = parsed(br#"{"value":"x","vaule":1}"#, &o, 0).unwrap_err();
        assert!(e.contains("vaule"), "{e}");
    }

    #[test]
    fn envelope_wraps_and_keys_by_partition_key() {
        let o = InputOptions {
            wrap: Wrap::Envelope(EnvelopeOptions {
                event_type: Some("order.created.v1".into()),
                source: Some("svc".into()),
                tenant: None,
            }),
            ..Default::default()
        };
        let r = parsed(
            br#"{"order":1,"metadata":{"partition_key":"o-1"}}"#,
            &o,
            1_735_689_600_000,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(r.value.as_deref().unwrap()).unwrap();
        assert_eq!(v["type"], "order.created.v1");
        assert_eq!(v["payload"]["order"], 1);
        assert!(r.headers.iter().any(|(n, _)| n == "traceparent"));
        let bad = parsed(b"not json", &o, 0).unwrap_err();
        assert!(bad.to_lowercase().contains("json"), "{bad}");
    }

    #[test]
    fn separators_unescape_separator() {
        assert_eq!(unescape_separator("\\t").unwrap(), b"\t");
        assert_eq!(unescape_separator("::").unwrap(), b"::");
        assert_eq!(unescape_separator("\\x1f").unwrap(), [0x1f]);
        assert_eq!(unescape_separator("a\\\\b").unwrap(), b"a\\b");
        assert!(unescape_separator("").is_err());
        assert!(unescape_separator("\\q").is_err());
    }
}
