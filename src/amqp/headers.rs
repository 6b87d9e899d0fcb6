//! AMQP header values for reports and filters: a field table as JSON (strings, numbers, booleans,
//! tables, arrays; bytes that are not UTF-8 as `{"base64": ...}`; a timestamp as its number), and
//! the dead-letter context RabbitMQ adds (`x-death`, most recent first).

use base64::Engine;
use lapin::types::{AMQPValue, FieldTable};
use serde::Serialize;
use serde_json::{Map, Value, json};

/// Header names the broker owns: never copied onto a republished message.
pub fn broker_owned(name: &str) -> bool {
    name.starts_with("x-death")
        || name.starts_with("x-first-death-")
        || name.starts_with("x-last-death-")
        || name == "x-delivery-count"
        || name == "x-received-from"
}

fn text(b: &[u8]) -> Value {
    match std::str::from_utf8(b) {
        Ok(s) => Value::String(s.to_string()),
        Err(_) => json!({ "base64": base64::engine::general_purpose::STANDARD.encode(b) }),
    }
}

/// Tables and arrays nested deeper than this are shown as a marker: a header from anywhere can
/// nest thousands deep in one frame, and each level costs a stack frame here.
pub const MAX_DEPTH: usize = 32;

/// One value as JSON.
pub fn value(v: &AMQPValue) -> Value {
    value_at(v, 0)
}

fn value_at(v: &AMQPValue, depth: usize) -> Value {
    if depth > MAX_DEPTH && matches!(v, AMQPValue::FieldArray(_) | AMQPValue::FieldTable(_)) {
        return json!({ "nested_too_deep": MAX_DEPTH });
    }
    match v {
        AMQPValue::Boolean(b) => json!(b),
        AMQPValue::ShortShortInt(i) => json!(i),
        AMQPValue::ShortShortUInt(i) => json!(i),
        AMQPValue::ShortInt(i) => json!(i),
        AMQPValue::ShortUInt(i) => json!(i),
        AMQPValue::LongInt(i) => json!(i),
        AMQPValue::LongUInt(i) => json!(i),
        AMQPValue::LongLongInt(i) => json!(i),
        AMQPValue::Float(f) => json!(f),
        AMQPValue::Double(f) => json!(f),
        AMQPValue::DecimalValue(d) => json!({"scale": d.scale, "value": d.value}),
        AMQPValue::ShortString(s) => Value::String(s.as_str().to_string()),
        AMQPValue::LongString(s) => text(s.as_bytes()),
        AMQPValue::FieldArray(a) => Value::Array(
            a.as_slice()
                .iter()
                .map(|v| value_at(v, depth + 1))
                .collect(),
        ),
        AMQPValue::Timestamp(t) => json!(t),
        AMQPValue::FieldTable(t) => table_at(t, depth + 1),
        AMQPValue::ByteArray(b) => text(b.as_slice()),
        AMQPValue::Void => Value::Null,
    }
}

/// A field table as a JSON object.
pub fn table(t: &FieldTable) -> Value {
    table_at(t, 0)
}

fn table_at(t: &FieldTable, depth: usize) -> Value {
    let mut m = Map::new();
    for (k, v) in t.inner() {
        m.insert(k.as_str().to_string(), value_at(v, depth));
    }
    Value::Object(m)
}

/// A header's value as text (strings as they are, other values as JSON).
pub fn get_text(t: &FieldTable, name: &str) -> Option<String> {
    t.inner().get(name).map(|v| match value(v) {
        Value::String(s) => s,
        other => other.to_string(),
    })
}

/// A header's value as a whole number.
pub fn get_int(t: &FieldTable, name: &str) -> Option<i64> {
    match value(t.inner().get(name)?) {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// One `x-death` entry: a queue and reason the message was dead-lettered from, how often, since
/// when, and the exchange and routing keys it had been published with.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Death {
    pub queue: String,
    /// rejected, expired, maxlen or delivery_limit.
    pub reason: String,
    pub count: i64,
    /// The first time (seconds since the epoch, as AMQP timestamps are).
    pub time: Option<i64>,
    pub exchange: String,
    pub routing_keys: Vec<String>,
}

/// The `x-death` entries of a message's headers, most recent first (as the broker keeps them).
pub fn deaths(headers: Option<&FieldTable>) -> Vec<Death> {
    let Some(AMQPValue::FieldArray(a)) = headers.and_then(|h| h.inner().get("x-death")) else {
        return Vec::new();
    };
    a.as_slice()
        .iter()
        .filter_map(|v| match v {
            AMQPValue::FieldTable(t) => Some(t),
            _ => None,
        })
        .map(|t| Death {
            queue: get_text(t, "queue").unwrap_or_default(),
            reason: get_text(t, "reason").unwrap_or_default(),
            count: get_int(t, "count").unwrap_or(0),
            time: get_int(t, "time"),
            exchange: get_text(t, "exchange").unwrap_or_default(),
            routing_keys: match t.inner().get("routing-keys").map(value) {
                Some(Value::Array(a)) => a
                    .into_iter()
                    .map(|k| {
                        k.as_str()
                            .map(String::from)
                            .unwrap_or_else(|| k.to_string())
                    })
                    .collect(),
                _ => Vec::new(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapin::types::{FieldArray, LongString, ShortString};

    /// A header nested 100,000 deep (a hostile publisher's) is shown to 32 levels, without
    /// recursing 100,000 times.
    #[test]
    fn deep_nesting_is_cut() {
        let mut v = AMQPValue::Void;
        for _ in 0..100_000 {
            v = AMQPValue::FieldArray(FieldArray::from(vec![v]));
        }
        let mut j = &value(&v);
        let mut depth = 0;
        while let Value::Array(a) = j {
            j = &a[0];
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH + 1);
        assert_eq!(j, &json!({ "nested_too_deep": MAX_DEPTH }));
        // dropping it is lapin's recursion, not ours: leak it rather than overflow the stack
        std::mem::forget(v);
    }

    fn death_table() -> FieldTable {
        let mut d = FieldTable::default();
        d.insert(
            ShortString::from("queue"),
            AMQPValue::LongString(LongString::from("notify.email.high")),
        );
        d.insert(
            ShortString::from("reason"),
            AMQPValue::LongString(LongString::from("rejected")),
        );
        d.insert(ShortString::from("count"), AMQPValue::LongLongInt(2));
        d.insert(
            ShortString::from("time"),
            AMQPValue::Timestamp(1_700_000_000),
        );
        d.insert(
            ShortString::from("exchange"),
            AMQPValue::LongString(LongString::from("notify")),
        );
        d.insert(
            ShortString::from("routing-keys"),
            AMQPValue::FieldArray(FieldArray::from(vec![AMQPValue::LongString(
                LongString::from("email.high"),
            )])),
        );
        let mut h = FieldTable::default();
        h.insert(
            ShortString::from("x-death"),
            AMQPValue::FieldArray(FieldArray::from(vec![AMQPValue::FieldTable(d)])),
        );
        h.insert(ShortString::from("attempt"), AMQPValue::LongInt(3));
        h.insert(
            ShortString::from("raw"),
            AMQPValue::LongString(LongString::from(vec![0xff, 0x00])),
        );
        h
    }

    #[test]
    fn x_death_and_values() {
        let h = death_table();
        let d = deaths(Some(&h));
        assert_eq!(
            d,
            vec![Death {
                queue: "notify.email.high".into(),
                reason: "rejected".into(),
                count: 2,
                time: Some(1_700_000_000),
                exchange: "notify".into(),
                routing_keys: vec!["email.high".into()],
            }]
        );
        assert_eq!(get_int(&h, "attempt"), Some(3));
        assert_eq!(table(&h)["raw"], json!({"base64": "/wA="}));
        assert!(deaths(None).is_empty());
        assert!(broker_owned("x-death") && broker_owned("x-first-death-queue"));
        assert!(!broker_owned("x-evctl") && !broker_owned("attempt"));
    }
}
