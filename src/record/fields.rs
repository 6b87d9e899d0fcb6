//! How the fields of a stream entry (Redis Streams: ordered name/value pairs, names may repeat,
//! both binary) map to a [`Message`] and back.
//!
//! Reading ([`to_message`]):
//! - by default the value is the whole entry as a JSON object, fields in order, a repeated name
//!   written again (JSON text allows it; [`to_fields`] keeps both); a field value that is not
//!   UTF-8 is `{"base64": "..."}` as in JSON lines. An entry with a field *name* that is not UTF-8
//!   cannot be a JSON object: its fields become the headers instead, in order, and the value is
//!   null.
//! - `--value-field F` makes the value F's bytes and `--key-field K` the key K's bytes (the first
//!   field of that name); the other fields become headers, in order. With `--key-field` alone,
//!   the value is still the whole entry and the key a copy of K. JSON lines write the whole-entry
//!   value as that object (`Message::fields`), not as a string.
//!
//! Writing ([`to_fields`]): the key as field K first (with `--key-field K`, unless the value's
//! object already has a K), then the value as one field (`--field F`) or, without `--field`, the
//! pairs of the value's JSON object (strings as their text, `{"base64": ...}` as its bytes, other
//! JSON as its text), then the headers. So `tail -o json | publish --format json` reproduces
//! every entry's fields, in order.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use serde_json::Value;

use super::Message;
use super::json::{write_bytes, write_str};

/// Which fields are the key and the value of a record read from a stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    /// `--key-field`: the key is this field's value.
    pub key_field: Option<String>,
    /// `--value-field` (tail) / `--field` (publish): the value is this one field, not the whole
    /// entry.
    pub value_field: Option<String>,
}

/// The message of a stream entry's fields, given as name/value byte pairs in order (the
/// timestamp is the caller's: the id's time).
pub fn to_message<'a, I>(fields: I, map: &FieldMap, timestamp: i64) -> Message
where
    I: Iterator<Item = (&'a [u8], &'a [u8])> + Clone,
{
    let first = |name: &Option<String>| {
        name.as_deref()
            .and_then(|n| fields.clone().position(|(f, _)| f == n.as_bytes()))
    };
    let (key_at, value_at) = (first(&map.key_field), first(&map.value_field));
    let nth = |i: usize| {
        fields
            .clone()
            .nth(i)
            .map(|(_, v)| Bytes::copy_from_slice(v))
    };
    let key = key_at.and_then(nth);
    let headers_of = |skip: &[Option<usize>]| {
        fields
            .clone()
            .enumerate()
            .filter(|(i, _)| !skip.contains(&Some(*i)))
            .map(|(_, (n, v))| {
                (
                    String::from_utf8_lossy(n).into_owned(),
                    Some(Bytes::copy_from_slice(v)),
                )
            })
            .collect()
    };
    if map.value_field.is_some() {
        return Message {
            key,
            value: value_at.and_then(nth),
            headers: headers_of(&[key_at, value_at]),
            timestamp,
            ..Message::default()
        };
    }
    if fields.clone().all(|(n, _)| std::str::from_utf8(n).is_ok()) {
        let size: usize = fields.clone().map(|(n, v)| n.len() + v.len() + 6).sum();
        let mut out = Vec::with_capacity(2 + size + size / 8);
        out.push(b'{');
        for (i, (n, v)) in fields.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            // checked above
            write_str(&mut out, std::str::from_utf8(n).unwrap_or_default());
            out.push(b':');
            write_bytes(&mut out, Some(v));
        }
        out.push(b'}');
        return Message {
            key,
            value: Some(Bytes::from(out)),
            timestamp,
            fields: true,
            ..Message::default()
        };
    }
    Message {
        key,
        value: None,
        headers: headers_of(&[]),
        timestamp,
        ..Message::default()
    }
}

/// The fields of the entry a message becomes, or why it cannot be one.
pub fn to_fields(msg: &Message, map: &FieldMap) -> Result<Vec<(Bytes, Bytes)>, String> {
    let mut fields: Vec<(Bytes, Bytes)> = Vec::with_capacity(msg.headers.len() + 4);
    match (&map.value_field, &msg.value) {
        (Some(f), Some(v)) => fields.push((Bytes::copy_from_slice(f.as_bytes()), v.clone())),
        (None, Some(v)) => object_fields(v, &mut fields)?,
        (_, None) => {}
    }
    if let (Some(k), Some(key)) = (&map.key_field, &msg.key) {
        let name = Bytes::copy_from_slice(k.as_bytes());
        if map.value_field.is_some() || !fields.iter().any(|(n, _)| *n == name) {
            fields.insert(0, (name, key.clone()));
        }
    }
    for (name, value) in &msg.headers {
        let Some(v) = value else {
            return Err(format!(
                "header {name:?} has a null value, which a stream field cannot hold"
            ));
        };
        fields.push((Bytes::copy_from_slice(name.as_bytes()), v.clone()));
    }
    if fields.is_empty() {
        return Err(
            "the record has no fields: a stream entry needs at least one (a JSON object value, --field NAME, or headers)"
                .into(),
        );
    }
    Ok(fields)
}

/// The pairs of a JSON object, in order, repeated names kept.
fn object_fields(value: &[u8], out: &mut Vec<(Bytes, Bytes)>) -> Result<(), String> {
    let Ok(Pairs(pairs)) = serde_json::from_slice::<Pairs>(value) else {
        return Err(
            "the value is not a JSON object of fields; give --field NAME to send each value as one field"
                .into(),
        );
    };
    for (name, v) in pairs {
        let bytes = match v {
            Value::String(s) => Bytes::from(s.into_bytes()),
            Value::Object(m) if m.len() == 1 && m.get("base64").is_some_and(Value::is_string) => {
                let b64 = m.get("base64").and_then(Value::as_str).unwrap_or_default();
                Bytes::from(
                    BASE64
                        .decode(b64)
                        .map_err(|e| format!("field {name:?}: invalid base64: {e}"))?,
                )
            }
            other => Bytes::from(other.to_string().into_bytes()),
        };
        out.push((Bytes::from(name.into_bytes()), bytes));
    }
    Ok(())
}

/// A JSON object read as its pairs in order, repeated names kept (a map would drop them).
struct Pairs(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(PairsVisitor)
    }
}

struct PairsVisitor;

impl<'de> serde::de::Visitor<'de> for PairsVisitor {
    type Value = Pairs;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
        let mut pairs = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            pairs.push((k, v));
        }
        Ok(Pairs(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &[u8]) -> Bytes {
        Bytes::copy_from_slice(s)
    }

    fn pairs(f: &[(Bytes, Bytes)]) -> impl Iterator<Item = (&[u8], &[u8])> + Clone {
        f.iter().map(|(n, v)| (n.as_ref(), v.as_ref()))
    }

    fn entry() -> Vec<(Bytes, Bytes)> {
        vec![
            (b(b"type"), b(b"order")),
            (b(b"n"), b(b"1")),
            (b(b"type"), b(b"again")),
            (b(b"bin"), b(&[0xff, 0])),
            (b(b"q"), b(b"say \"hi\"\n")),
        ]
    }

    #[test]
    fn the_whole_entry_is_a_json_object_that_maps_back_exactly() {
        let m = to_message(pairs(&entry()), &FieldMap::default(), 7);
        assert_eq!(
            std::str::from_utf8(m.value.as_deref().unwrap()).unwrap(),
            r#"{"type":"order","n":"1","type":"again","bin":{"base64":"/wA="},"q":"say \"hi\"\n"}"#
        );
        assert_eq!((m.key, m.headers.len(), m.timestamp), (None, 0, 7));
        let back = to_fields(
            &Message {
                value: m.value,
                ..Message::default()
            },
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(back, entry());
    }

    #[test]
    fn value_and_key_fields_take_their_first_occurrence_and_the_rest_are_headers() {
        let map = FieldMap {
            key_field: Some("n".into()),
            value_field: Some("type".into()),
        };
        let m = to_message(pairs(&entry()), &map, 0);
        assert_eq!(m.key.as_deref(), Some(&b"1"[..]));
        assert_eq!(m.value.as_deref(), Some(&b"order"[..]));
        let names: Vec<&str> = m.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["type", "bin", "q"]);
        let back = to_fields(&m, &map).unwrap();
        let names: Vec<&[u8]> = back.iter().map(|(n, _)| n.as_ref()).collect();
        assert_eq!(names, [&b"n"[..], b"type", b"type", b"bin", b"q"]);
    }

    #[test]
    fn a_binary_field_name_makes_headers_and_a_key_field_is_not_doubled() {
        let m = to_message(pairs(&[(b(&[0xff]), b(b"x"))]), &FieldMap::default(), 0);
        assert_eq!(m.value, None);
        assert_eq!(m.headers, [("\u{fffd}".to_string(), Some(b(b"x")))]);
        let map = FieldMap {
            key_field: Some("id".into()),
            value_field: None,
        };
        let msg = Message {
            key: Some(b(b"k1")),
            value: Some(b(br#"{"id":"k1","a":2}"#)),
            ..Message::default()
        };
        let f = to_fields(&msg, &map).unwrap();
        assert_eq!(f, [(b(b"id"), b(b"k1")), (b(b"a"), b(b"2"))]);
        let msg = Message {
            key: Some(b(b"k1")),
            value: Some(b(br#"{"a":[1, 2]}"#)),
            ..Message::default()
        };
        assert_eq!(
            to_fields(&msg, &map).unwrap(),
            [(b(b"id"), b(b"k1")), (b(b"a"), b(b"[1,2]"))]
        );
    }

    #[test]
    fn what_cannot_be_an_entry_says_why() {
        let plain = Message {
            value: Some(b(b"hello")),
            ..Message::default()
        };
        let e = to_fields(&plain, &FieldMap::default()).unwrap_err();
        assert!(e.contains("--field NAME"), "{e}");
        let one = FieldMap {
            value_field: Some("body".into()),
            ..FieldMap::default()
        };
        assert_eq!(
            to_fields(&plain, &one).unwrap(),
            [(b(b"body"), b(b"hello"))]
        );
        assert!(
            to_fields(&Message::default(), &one)
                .unwrap_err()
                .contains("no fields")
        );
        let null_header = Message {
            value: Some(b(b"{}")),
            headers: vec![("h".into(), None)],
            ..Message::default()
        };
        assert!(
            to_fields(&null_header, &FieldMap::default())
                .unwrap_err()
                .contains("null value")
        );
    }
}
