//! Building records for `evctl publish --envelope` and `--cloudevents binary|structured`.
//!
//! **The event envelope** (design.md §1) wraps a JSON payload:
//!
//! ```json
//! {"id":"…","type":"order.created.v1","occurred_at":"2025-01-01T00:00:00.000Z","source":"orders",
//!  "correlation_id":"…","trace_id":"…","payload":{},"metadata":{"partition_key":"o-1","tenant_id":"t1"}}
//! ```
//!
//! [`envelope`] takes JSON input. An object with a `payload` field is already an envelope: its
//! fields keep their order and values (unknown fields included) and the missing ones are filled in
//! at their place in the order above. Anything else becomes the `payload` of a new envelope. Nested
//! values are copied token for token (key order, number spelling and string escapes kept) with
//! insignificant whitespace removed, so the output is one line of compact JSON.
//!
//! **CloudEvents** ([`cloudevent`]) follow the Kafka protocol binding v1.0 (publish-tail.md §7): in
//! binary mode the value is the payload unchanged and the attributes are `ce_` headers; in
//! structured mode the value is a JSON-format event and the only CloudEvents header is
//! `content-type: application/cloudevents+json; charset=UTF-8`.
//!
//! Both add a W3C `traceparent` header (`00-<trace id>-<span id>-01`, sampled) so tracing tools can
//! follow the event. Neither sets a key except from `metadata.partition_key`; the caller may
//! override it with `--key`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use serde_json::Value;

use super::json::{skip_ws, string_end};
use super::time::{format_rfc3339, parse_rfc3339};

/// What `--type`, `--source` and `--tenant` say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeOptions {
    /// The event type (`--type`), like `order.created.v1`.
    pub event_type: Option<String>,
    /// The producing service (`--source`).
    pub source: Option<String>,
    /// The tenant (`--tenant`): `metadata.tenant_id`, or the CloudEvents `tenantid` extension.
    pub tenant: Option<String>,
}

/// The CloudEvents Kafka content mode (`--cloudevents`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloudEventsMode {
    /// Value = the data; attributes in `ce_` headers.
    Binary,
    /// Value = a JSON-format event carrying the attributes and the data.
    Structured,
}

/// The parts of a record that an envelope decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// The key (`metadata.partition_key` of an envelope, otherwise none).
    pub key: Option<Bytes>,
    /// The value.
    pub value: Option<Bytes>,
    /// Headers, in order.
    pub headers: Vec<(String, Option<Bytes>)>,
}

/// The CloudEvents spec version written.
pub const CE_SPEC_VERSION: &str = "1.0";
/// The `content-type` of a structured-mode CloudEvent.
pub const CE_STRUCTURED_CONTENT_TYPE: &str = "application/cloudevents+json; charset=UTF-8";

const TYPE_FORM: &str =
    "expected dotted lower-case segments ending in a version, like domain.entity.event.v1";

/// Checks an event type: dotted segments `[a-z][a-z0-9_]*`, at least two of them, then a version
/// `v<digits>`, as in `order.created.v1` or `workflow.instance.started.v1`.
pub fn validate_type(t: &str) -> Result<(), String> {
    let fail = |what: String| Err(format!("invalid event type {t:?}: {what} ({TYPE_FORM})"));
    if t.is_empty() {
        return fail("it is empty".into());
    }
    let segments: Vec<&str> = t.split('.').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return fail("it has an empty segment (a leading, trailing or doubled '.')".into());
    }
    let (version, names) = segments.split_last().unwrap_or((&"", &[]));
    for name in names {
        let mut chars = name.chars();
        let first = chars.next().unwrap_or('.');
        if name.chars().any(|c| c.is_uppercase()) {
            return fail(format!("segment {name:?} is not lower-case"));
        }
        if !first.is_ascii_lowercase() {
            return fail(format!("segment {name:?} does not start with a letter a-z"));
        }
        if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return fail(format!(
                "segment {name:?} has characters other than a-z, 0-9 and _"
            ));
        }
    }
    let is_version = version
        .strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !is_version {
        return fail(format!(
            "it does not end with a version segment like .v1 (the last segment is {version:?})"
        ));
    }
    if names.len() < 2 {
        return fail("it needs at least two segments before the version".into());
    }
    Ok(())
}

/// The envelope's fields, in the order a new envelope has them.
const FIELDS: [&str; 8] = [
    "id",
    "type",
    "occurred_at",
    "source",
    "correlation_id",
    "trace_id",
    "payload",
    "metadata",
];

/// Wraps JSON `input` in the event envelope, or completes an envelope (an object with `payload`).
///
/// - `id`: kept (a non-empty string), else a new UUIDv7.
/// - `type`: from the input or `--type` (both: they must agree); checked with [`validate_type`].
/// - `occurred_at`: kept (RFC 3339), else `now_ms`.
/// - `source`: from the input, else `--source`; one of them is required.
/// - `correlation_id`: kept, else the id.
/// - `trace_id`: kept when it is 32 lower-case hex digits and not all zero, else a new random one.
/// - `metadata`: an object, kept; `--tenant` adds `tenant_id` (an existing different one is an
///   error).
///
/// The key is `metadata.partition_key` when that is a string. The only header is `traceparent`,
/// carrying the trace id and a new span id.
pub fn envelope(input: &[u8], opts: &EnvelopeOptions, now_ms: i64) -> Result<Built, String> {
    let parsed: Value = serde_json::from_slice(input)
        .map_err(|e| format!("--envelope needs JSON input, but this is not JSON: {e}"))?;
    let (existing, raw_fields) = match &parsed {
        Value::Object(map) if map.contains_key("payload") => (Some(map), top_level_fields(input)?),
        _ => (None, Vec::new()),
    };
    let get = |name: &str| existing.and_then(|m| m.get(name));

    // The value of each standard field when we write it ourselves; `None` keeps the input's.
    let mut ours: [Option<Vec<u8>>; 8] = Default::default();

    let id = match get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(_) => return Err("the envelope's \"id\" must be a non-empty string".into()),
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            ours[0] = Some(json_string(&id));
            id
        }
    };

    match (get("type"), opts.event_type.as_deref()) {
        (Some(Value::String(have)), Some(flag)) if have != flag => {
            return Err(format!(
                "the event's type is {have:?} but --type says {flag:?}; drop --type or make them agree"
            ));
        }
        (Some(Value::String(have)), _) => validate_type(have)?,
        (Some(_), _) => return Err("the envelope's \"type\" must be a string".into()),
        (None, Some(flag)) => {
            validate_type(flag)?;
            ours[1] = Some(json_string(flag));
        }
        (None, None) => {
            return Err(
                "the event needs a type: pass --type (like order.created.v1) or put \"type\" in the envelope"
                    .into(),
            );
        }
    }

    match get("occurred_at") {
        Some(Value::String(s)) => {
            parse_rfc3339(s).map_err(|e| format!("the envelope's \"occurred_at\": {e}"))?;
        }
        Some(_) => {
            return Err("the envelope's \"occurred_at\" must be an RFC 3339 string".into());
        }
        None => ours[2] = Some(json_string(&format_rfc3339(now_ms))),
    }

    match get("source") {
        Some(Value::String(s)) if !s.is_empty() => {}
        Some(_) => return Err("the envelope's \"source\" must be a non-empty string".into()),
        None => match opts.source.as_deref().filter(|s| !s.is_empty()) {
            Some(source) => ours[3] = Some(json_string(source)),
            None => {
                return Err(
                    "the event needs --source (the name of the producing service) or a \"source\" in the envelope"
                        .into(),
                );
            }
        },
    }

    if get("correlation_id").is_none() {
        ours[4] = Some(json_string(&id));
    }

    let trace_id = match get("trace_id") {
        Some(Value::String(s)) if is_trace_id(s) => s.clone(),
        _ => {
            let t = random_hex::<16>()?;
            ours[5] = Some(json_string(&t));
            t
        }
    };

    if existing.is_none() {
        ours[6] = Some(minify(input));
    }

    let metadata = match get("metadata") {
        Some(Value::Object(m)) => Some(m),
        Some(_) => return Err("the envelope's \"metadata\" must be an object".into()),
        None => None,
    };
    let tenant = match opts.tenant.as_deref() {
        Some("") => return Err("--tenant must not be empty".into()),
        t => t,
    };
    let add_tenant = match (tenant, metadata.and_then(|m| m.get("tenant_id"))) {
        (Some(flag), Some(have)) if have.as_str() != Some(flag) => {
            return Err(format!(
                "the envelope's metadata.tenant_id is {have} but --tenant says {flag:?}; drop --tenant or make them agree"
            ));
        }
        (Some(flag), None) => Some(flag),
        _ => None,
    };
    match (metadata, add_tenant) {
        (None, _) => {
            let mut m = b"{".to_vec();
            if let Some(t) = add_tenant {
                m.extend_from_slice(b"\"tenant_id\":");
                m.extend_from_slice(&json_string(t));
            }
            m.push(b'}');
            ours[7] = Some(m);
        }
        (Some(_), Some(t)) => {
            let raw = raw_fields
                .iter()
                .find(|f| f.name == "metadata")
                .map_or(&b"{}"[..], |f| f.raw);
            let mut m = minify(raw);
            m.pop(); // the closing brace
            if m.len() > 1 {
                m.push(b',');
            }
            m.extend_from_slice(b"\"tenant_id\":");
            m.extend_from_slice(&json_string(t));
            m.push(b'}');
            ours[7] = Some(m);
        }
        (Some(_), None) => {}
    }
    let key = metadata
        .and_then(|m| m.get("partition_key"))
        .and_then(Value::as_str)
        .map(|k| Bytes::copy_from_slice(k.as_bytes()));

    // The input's fields in their order, each missing standard field just before the first input
    // field that comes after it in FIELDS.
    let mut out = Vec::with_capacity(input.len() + 300);
    out.push(b'{');
    let mut written = [false; 8];
    let present: Vec<bool> = FIELDS.iter().map(|f| get(f).is_some()).collect();
    let write_missing = |out: &mut Vec<u8>, before: usize, written: &mut [bool; 8]| {
        for k in 0..before {
            if !written[k] && !present[k] {
                let value = ours[k].as_deref().unwrap_or(b"null");
                write_field(out, &json_string(FIELDS[k]), value);
                written[k] = true;
            }
        }
    };
    for field in &raw_fields {
        match FIELDS.iter().position(|f| *f == field.name) {
            Some(k) => {
                write_missing(&mut out, k, &mut written);
                let value = match &ours[k] {
                    Some(v) => v.clone(),
                    None => minify(field.raw),
                };
                write_field(&mut out, field.raw_key, &value);
                written[k] = true;
            }
            None => write_field(&mut out, field.raw_key, &minify(field.raw)),
        }
    }
    write_missing(&mut out, FIELDS.len(), &mut written);
    out.push(b'}');

    Ok(Built {
        key,
        value: Some(Bytes::from(out)),
        headers: vec![traceparent_header(&trace_id)?],
    })
}

/// Appends `"key":value` to an object being written (`out` starts with `{`).
fn write_field(out: &mut Vec<u8>, raw_key: &[u8], value: &[u8]) {
    if out.len() > 1 {
        out.push(b',');
    }
    out.extend_from_slice(raw_key);
    out.push(b':');
    out.extend_from_slice(value);
}

/// Builds a CloudEvent (Kafka protocol binding v1.0) around `payload`.
///
/// `--type` (checked with [`validate_type`]) and `--source` are required; `id` is a new UUIDv7 and
/// `time` is `now_ms`. The data content type is `application/json` when the payload is valid JSON
/// and `application/octet-stream` otherwise. `--tenant` becomes the `tenantid` extension, and a new
/// trace context the `traceparent` extension (and the W3C `traceparent` header).
///
/// - Binary: value = `payload` unchanged; headers `ce_specversion`, `ce_id`, `ce_source`,
///   `ce_type`, `ce_time`, `ce_tenantid` (with a tenant), `ce_traceparent`, `content-type` and
///   `traceparent`.
/// - Structured: value = `{"specversion","id","source","type","time","datacontenttype",
///   "tenantid","traceparent","data"}` with the JSON payload embedded as `data` (key order kept),
///   or base64 in `data_base64` when it is not JSON; headers `content-type:
///   application/cloudevents+json; charset=UTF-8` and `traceparent`.
///
/// The key is left to the caller.
pub fn cloudevent(
    payload: &[u8],
    mode: CloudEventsMode,
    opts: &EnvelopeOptions,
    now_ms: i64,
) -> Result<Built, String> {
    let event_type = opts.event_type.as_deref().ok_or_else(|| {
        "a CloudEvent needs a type: pass --type (like order.created.v1)".to_string()
    })?;
    validate_type(event_type)?;
    let source = opts
        .source
        .as_deref()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            "a CloudEvent needs a source: pass --source (the producing service, like orders-service or /services/orders)"
                .to_string()
        })?;
    let tenant = match opts.tenant.as_deref() {
        Some("") => return Err("--tenant must not be empty".into()),
        t => t,
    };
    let id = uuid::Uuid::now_v7().to_string();
    let time = format_rfc3339(now_ms);
    let traceparent = traceparent(&random_hex::<16>()?)?;
    let is_json = serde_json::from_slice::<serde::de::IgnoredAny>(payload).is_ok();
    let content_type = if is_json {
        "application/json"
    } else {
        "application/octet-stream"
    };
    let header = |name: &str, value: &str| {
        (
            name.to_string(),
            Some(Bytes::copy_from_slice(value.as_bytes())),
        )
    };

    match mode {
        CloudEventsMode::Binary => {
            let mut headers = vec![
                header("ce_specversion", CE_SPEC_VERSION),
                header("ce_id", &id),
                header("ce_source", source),
                header("ce_type", event_type),
                header("ce_time", &time),
            ];
            if let Some(t) = tenant {
                headers.push(header("ce_tenantid", t));
            }
            headers.push(header("ce_traceparent", &traceparent));
            headers.push(header("content-type", content_type));
            headers.push(header("traceparent", &traceparent));
            Ok(Built {
                key: None,
                value: Some(Bytes::copy_from_slice(payload)),
                headers,
            })
        }
        CloudEventsMode::Structured => {
            let mut out = Vec::with_capacity(payload.len() * 4 / 3 + 400);
            let mut attr = |name: &str, value: &str| {
                out.push(if out.is_empty() { b'{' } else { b',' });
                out.extend_from_slice(&json_string(name));
                out.push(b':');
                out.extend_from_slice(&json_string(value));
            };
            attr("specversion", CE_SPEC_VERSION);
            attr("id", &id);
            attr("source", source);
            attr("type", event_type);
            attr("time", &time);
            attr("datacontenttype", content_type);
            if let Some(t) = tenant {
                attr("tenantid", t);
            }
            attr("traceparent", &traceparent);
            if is_json {
                out.extend_from_slice(b",\"data\":");
                out.extend_from_slice(&minify(payload));
            } else {
                out.extend_from_slice(b",\"data_base64\":\"");
                out.extend_from_slice(BASE64.encode(payload).as_bytes());
                out.push(b'"');
            }
            out.push(b'}');
            Ok(Built {
                key: None,
                value: Some(Bytes::from(out)),
                headers: vec![
                    header("content-type", CE_STRUCTURED_CONTENT_TYPE),
                    header("traceparent", &traceparent),
                ],
            })
        }
    }
}

/// Whether `s` is a W3C trace id: 32 lower-case hex digits, not all zero.
fn is_trace_id(s: &str) -> bool {
    s.len() == 32
        && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && s.bytes().any(|b| b != b'0')
}

/// `N` random bytes, not all zero, as `2N` lower-case hex digits.
fn random_hex<const N: usize>() -> Result<String, String> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = [0u8; N];
    while bytes.iter().all(|&b| b == 0) {
        getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for the trace id: {e}"))?;
    }
    Ok(bytes
        .iter()
        .flat_map(|b| {
            [
                HEX[usize::from(b >> 4)] as char,
                HEX[usize::from(b & 0xf)] as char,
            ]
        })
        .collect())
}

/// A sampled W3C `traceparent` for `trace_id` with a new span id.
fn traceparent(trace_id: &str) -> Result<String, String> {
    Ok(format!("00-{trace_id}-{}-01", random_hex::<8>()?))
}

fn traceparent_header(trace_id: &str) -> Result<(String, Option<Bytes>), String> {
    Ok((
        "traceparent".to_string(),
        Some(Bytes::from(traceparent(trace_id)?)),
    ))
}

/// `s` as a JSON string.
fn json_string(s: &str) -> Vec<u8> {
    // Serialising a `str` into a `Vec` cannot fail.
    serde_json::to_vec(s).unwrap_or_default()
}

/// One field of a top-level JSON object: the key as written (quotes and escapes included), the key
/// decoded, and the value's bytes as written.
#[derive(Debug)]
struct RawField<'a> {
    raw_key: &'a [u8],
    name: String,
    raw: &'a [u8],
}

/// The fields of a JSON object in input order. `s` must already be known to be valid JSON whose top
/// level is an object. A key that occurs twice is an error: which one would count is unclear.
fn top_level_fields(s: &[u8]) -> Result<Vec<RawField<'_>>, String> {
    let mut fields: Vec<RawField<'_>> = Vec::new();
    let mut i = skip_ws(s, 0);
    if s.get(i) != Some(&b'{') {
        return Err("expected a JSON object".into());
    }
    i = skip_ws(s, i + 1);
    while s.get(i) == Some(&b'"') {
        let key_end = string_end(s, i);
        let raw_key = &s[i..key_end];
        let name: String = serde_json::from_slice(raw_key).map_err(|e| e.to_string())?;
        if fields.iter().any(|f| f.name == name) {
            return Err(format!("the envelope has the field {name:?} twice"));
        }
        i = skip_ws(s, key_end);
        if s.get(i) != Some(&b':') {
            return Err("expected ':' in a JSON object".into());
        }
        let start = skip_ws(s, i + 1);
        let end = value_end(s, start);
        fields.push(RawField {
            raw_key,
            name,
            raw: &s[start..end],
        });
        i = skip_ws(s, end);
        if s.get(i) == Some(&b',') {
            i = skip_ws(s, i + 1);
        }
    }
    Ok(fields)
}

/// The index just after the JSON value that starts at `start`.
fn value_end(s: &[u8], start: usize) -> usize {
    match s.get(start) {
        Some(b'"') => string_end(s, start),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = start;
            while i < s.len() {
                match s[i] {
                    b'"' => {
                        i = string_end(s, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            s.len()
        }
        _ => {
            let mut i = start;
            while i < s.len() && !matches!(s[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            i
        }
    }
}

/// Valid JSON `s` without insignificant whitespace; tokens are copied as written.
fn minify(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'"' => {
                let end = string_end(s, i);
                out.extend_from_slice(&s[i..end]);
                i = end;
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::Map;

    use super::*;

    /// A string field of a JSON object ("" when missing).
    fn field<'a>(obj: &'a Map<String, Value>, name: &str) -> &'a str {
        obj.get(name).and_then(Value::as_str).unwrap_or_default()
    }

    const NOW: i64 = 1_735_689_600_123;
    const NOW_TEXT: &str = "2025-01-01T00:00:00.123Z";

    fn opts(
        event_type: Option<&str>,
        source: Option<&str>,
        tenant: Option<&str>,
    ) -> EnvelopeOptions {
        EnvelopeOptions {
            event_type: event_type.map(String::from),
            source: source.map(String::from),
            tenant: tenant.map(String::from),
        }
    }

    fn full() -> EnvelopeOptions {
        opts(Some("order.created.v1"), Some("orders"), None)
    }

    fn value_text(b: &Built) -> String {
        String::from_utf8(b.value.as_deref().unwrap().to_vec()).unwrap()
    }

    fn keys(b: &Built) -> Vec<String> {
        top_level_fields(b.value.as_deref().unwrap())
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect()
    }

    fn object(b: &Built) -> Map<String, Value> {
        match serde_json::from_slice(b.value.as_deref().unwrap()).unwrap() {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        }
    }

    fn header<'a>(b: &'a Built, name: &str) -> Option<&'a str> {
        b.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| std::str::from_utf8(v.as_deref().unwrap()).unwrap())
    }

    fn is_hex(s: &str, len: usize) -> bool {
        s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }

    /// `00-<32 hex>-<16 hex, not all zero>-01` for the given trace id.
    fn assert_traceparent(tp: &str, trace_id: &str) {
        let parts: Vec<&str> = tp.split('-').collect();
        assert_eq!(parts.len(), 4, "{tp}");
        assert_eq!(parts[0], "00", "{tp}");
        assert_eq!(parts[1], trace_id, "{tp}");
        assert!(
            is_hex(parts[2], 16) && parts[2] != "0000000000000000",
            "{tp}"
        );
        assert_eq!(parts[3], "01", "{tp}");
    }

    fn assert_uuid_v7(s: &str) {
        let u = uuid::Uuid::parse_str(s).unwrap();
        assert_eq!(u.get_version_num(), 7, "{s}");
        assert_eq!(s.as_bytes()[14], b'7', "{s}");
        assert_eq!(s, u.hyphenated().to_string(), "lower-case hyphenated");
    }

    #[test]
    fn valid_types() {
        for t in [
            "order.created.v1",
            "workflow.instance.started.v1",
            "user_events.signed_up.v12",
            "a1.b2.v0",
            "platform.user.events.v2.created.v3",
        ] {
            assert_eq!(validate_type(t), Ok(()), "{t}");
        }
    }

    #[test]
    fn invalid_types_say_what_is_wrong() {
        let cases = [
            ("Order.Created.v1", "segment \"Order\" is not lower-case"),
            (
                "order.created",
                "does not end with a version segment like .v1",
            ),
            ("order..created.v1", "empty segment"),
            (".order.created.v1", "empty segment"),
            ("order.created.v1.", "empty segment"),
            ("", "it is empty"),
            ("order.v1", "at least two segments before the version"),
            ("v1", "at least two segments before the version"),
            ("order.created.V1", "the last segment is \"V1\""),
            ("order.created.v", "the last segment is \"v\""),
            ("order.created.v1a", "the last segment is \"v1a\""),
            (
                "1order.created.v1",
                "segment \"1order\" does not start with a letter",
            ),
            (
                "_order.created.v1",
                "segment \"_order\" does not start with a letter",
            ),
            (
                "order.cre-ated.v1",
                "segment \"cre-ated\" has characters other than",
            ),
            (
                "order.créé.v1",
                "segment \"créé\" has characters other than",
            ),
            (
                "order created.x.v1",
                "segment \"order created\" has characters other than",
            ),
        ];
        for (t, want) in cases {
            let err = validate_type(t).unwrap_err();
            assert!(err.contains(want), "{t}: {err}");
            assert!(err.contains(&format!("{t:?}")), "{t}: {err}");
            assert!(err.contains("domain.entity.event.v1"), "{t}: {err}");
        }
    }

    #[test]
    fn wraps_a_payload_in_a_new_envelope() {
        let input = b" {\"z\": 1,\n \"a\": [1.50, \"x y\"], \"m\": {\"q\": null, \"b\": true}}\n";
        let b = envelope(
            input,
            &opts(Some("order.created.v1"), Some("orders"), None),
            NOW,
        )
        .unwrap();
        assert_eq!(keys(&b), FIELDS);
        let text = value_text(&b);
        assert!(
            text.contains(r#","payload":{"z":1,"a":[1.50,"x y"],"m":{"q":null,"b":true}},"#),
            "{text}"
        );
        assert!(text.ends_with(r#","metadata":{}}"#), "{text}");
        assert!(!text.contains('\n'), "{text}");
        let o = object(&b);
        assert_uuid_v7(field(&o, "id"));
        assert_eq!(field(&o, "type"), "order.created.v1");
        assert_eq!(field(&o, "occurred_at"), NOW_TEXT);
        assert_eq!(field(&o, "source"), "orders");
        assert_eq!(field(&o, "correlation_id"), field(&o, "id"));
        let trace_id = field(&o, "trace_id");
        assert!(is_trace_id(trace_id), "{trace_id}");
        assert_eq!(b.key, None);
        assert_eq!(b.headers.len(), 1);
        assert_traceparent(header(&b, "traceparent").unwrap(), trace_id);
    }

    #[test]
    fn any_json_that_is_not_an_envelope_becomes_the_payload() {
        for (input, payload) in [
            ("42", "42"),
            (" \"text\" ", "\"text\""),
            ("null", "null"),
            ("[{\"payload\": 1}]", "[{\"payload\":1}]"),
            (
                "{\"type\": \"x\", \"data\": {}}",
                "{\"type\":\"x\",\"data\":{}}",
            ),
        ] {
            let b = envelope(input.as_bytes(), &full(), NOW).unwrap();
            assert_eq!(keys(&b), FIELDS);
            let text = value_text(&b);
            assert!(text.contains(&format!(",\"payload\":{payload},")), "{text}");
            assert_eq!(field(&object(&b), "type"), "order.created.v1", "{text}");
        }
    }

    #[test]
    fn completes_an_existing_envelope_keeping_order_and_values() {
        let input = br#"{"type":"order.created.v1","extra":{"y":1,"x":2},"payload":{"b":1,"a":2},"metadata":{"partition_key":"o-1","z":0}}"#;
        let b = envelope(input, &opts(None, Some("orders"), Some("t1")), NOW).unwrap();
        assert_eq!(
            keys(&b),
            [
                "id",
                "type",
                "extra",
                "occurred_at",
                "source",
                "correlation_id",
                "trace_id",
                "payload",
                "metadata"
            ]
        );
        let text = value_text(&b);
        assert!(text.contains(r#""extra":{"y":1,"x":2},"#), "{text}");
        assert!(text.contains(r#""payload":{"b":1,"a":2},"#), "{text}");
        assert!(
            text.ends_with(r#""metadata":{"partition_key":"o-1","z":0,"tenant_id":"t1"}}"#),
            "{text}"
        );
        let o = object(&b);
        assert_uuid_v7(field(&o, "id"));
        assert_eq!(field(&o, "source"), "orders");
        assert_eq!(b.key.as_deref(), Some(&b"o-1"[..]));
    }

    #[test]
    fn existing_fields_are_kept() {
        let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        let input = format!(
            r#"{{"metadata":{{"tenant_id":"t1"}},"payload":[],"id":"e-1","type":"order.created.v1","occurred_at":"2024-02-29T12:00:00Z","source":"billing","correlation_id":"c-9","trace_id":"{trace}","x":1}}"#
        );
        let b = envelope(
            input.as_bytes(),
            &opts(Some("order.created.v1"), Some("orders"), Some("t1")),
            NOW,
        )
        .unwrap();
        // nothing missing, nothing changed: the input comes back as it was
        assert_eq!(value_text(&b), input);
        assert_eq!(b.key, None);
        assert_traceparent(header(&b, "traceparent").unwrap(), trace);
    }

    #[test]
    fn a_bad_trace_id_is_replaced_in_place() {
        for bad in [
            r#""traceid""#,
            r#""4BF92F3577B34DA6A3CE929D0E0E4736""#,
            r#""00000000000000000000000000000000""#,
            r#""4bf92f3577b34da6a3ce929d0e0e473""#,
            "null",
            "7",
        ] {
            let input = format!(r#"{{"trace_id":{bad},"payload":{{}}}}"#);
            let b = envelope(input.as_bytes(), &full(), NOW).unwrap();
            let o = object(&b);
            let trace_id = field(&o, "trace_id");
            assert!(is_trace_id(trace_id), "{bad} -> {trace_id}");
            assert_ne!(format!("\"{trace_id}\""), bad);
            assert_eq!(keys(&b), FIELDS);
            assert_traceparent(header(&b, "traceparent").unwrap(), trace_id);
        }
    }

    #[test]
    fn metadata_and_tenant() {
        let with = |input: &str, tenant: Option<&str>| {
            envelope(
                input.as_bytes(),
                &opts(Some("a.b.v1"), Some("s"), tenant),
                NOW,
            )
        };
        let meta = |b: &Built| object(b).get("metadata").cloned().unwrap();
        // new envelope with and without --tenant
        assert_eq!(
            meta(&with("{}", Some("t1")).unwrap()),
            serde_json::json!({"tenant_id": "t1"})
        );
        assert_eq!(meta(&with("{}", None).unwrap()), serde_json::json!({}));
        // an empty metadata object gets the tenant
        let b = with(r#"{"payload":1,"metadata":{ }}"#, Some("t1")).unwrap();
        assert!(value_text(&b).ends_with(r#""metadata":{"tenant_id":"t1"}}"#));
        // the same tenant is fine, another is a conflict
        assert!(with(r#"{"payload":1,"metadata":{"tenant_id":"t1"}}"#, Some("t1")).is_ok());
        let err = with(r#"{"payload":1,"metadata":{"tenant_id":"t2"}}"#, Some("t1")).unwrap_err();
        assert!(err.contains("\"t2\"") && err.contains("--tenant"), "{err}");
        let err = with(r#"{"payload":1,"metadata":{"tenant_id":7}}"#, Some("t1")).unwrap_err();
        assert!(err.contains("tenant_id is 7"), "{err}");
        // without --tenant whatever is there stays
        assert!(with(r#"{"payload":1,"metadata":{"tenant_id":7}}"#, None).is_ok());
        let err = with(r#"{"payload":1,"metadata":[]}"#, None).unwrap_err();
        assert!(err.contains("\"metadata\" must be an object"), "{err}");
        assert!(
            with("{}", Some(""))
                .unwrap_err()
                .contains("--tenant must not be empty")
        );
        // the key is the partition key when it is a string
        let b = with(
            r#"{"payload":1,"metadata":{"partition_key":"entity-123"}}"#,
            None,
        )
        .unwrap();
        assert_eq!(b.key.as_deref(), Some(&b"entity-123"[..]));
        let b = with(r#"{"payload":1,"metadata":{"partition_key":123}}"#, None).unwrap();
        assert_eq!(b.key, None);
        // a payload's own metadata is payload, not the envelope's
        let b = with(r#"{"metadata":{"partition_key":"p"}}"#, None).unwrap();
        assert_eq!(b.key, None);
    }

    #[test]
    fn type_rules() {
        let env = |input: &str, t: Option<&str>| {
            envelope(input.as_bytes(), &opts(t, Some("s"), None), NOW)
        };
        let err = env("{}", None).unwrap_err();
        assert!(
            err.contains("needs a type") && err.contains("--type"),
            "{err}"
        );
        let err = env("{}", Some("Order.created.v1")).unwrap_err();
        assert!(err.contains("invalid event type"), "{err}");
        let err = env(r#"{"payload":1,"type":"order.created"}"#, None).unwrap_err();
        assert!(
            err.contains("invalid event type \"order.created\""),
            "{err}"
        );
        let err = env(
            r#"{"payload":1,"type":"order.created.v1"}"#,
            Some("order.updated.v1"),
        )
        .unwrap_err();
        assert!(
            err.contains("\"order.created.v1\"") && err.contains("\"order.updated.v1\""),
            "{err}"
        );
        assert!(
            env(
                r#"{"payload":1,"type":"order.created.v1"}"#,
                Some("order.created.v1")
            )
            .is_ok()
        );
        let err = env(r#"{"payload":1,"type":1}"#, None).unwrap_err();
        assert!(err.contains("\"type\" must be a string"), "{err}");
    }

    #[test]
    fn source_rules() {
        let err = envelope(b"{}", &opts(Some("a.b.v1"), None, None), NOW).unwrap_err();
        assert!(err.contains("needs --source"), "{err}");
        let err = envelope(b"{}", &opts(Some("a.b.v1"), Some(""), None), NOW).unwrap_err();
        assert!(err.contains("needs --source"), "{err}");
        // the envelope's own source wins over --source
        let b = envelope(
            br#"{"payload":1,"source":"billing"}"#,
            &opts(Some("a.b.v1"), Some("orders"), None),
            NOW,
        )
        .unwrap();
        assert_eq!(field(&object(&b), "source"), "billing");
        let b = envelope(
            br#"{"payload":1,"source":"billing"}"#,
            &opts(Some("a.b.v1"), None, None),
            NOW,
        )
        .unwrap();
        assert_eq!(field(&object(&b), "source"), "billing");
        let err = envelope(br#"{"payload":1,"source":""}"#, &full(), NOW).unwrap_err();
        assert!(
            err.contains("\"source\" must be a non-empty string"),
            "{err}"
        );
    }

    #[test]
    fn other_field_checks() {
        let err = envelope(br#"{"payload":1,"id":5}"#, &full(), NOW).unwrap_err();
        assert!(err.contains("\"id\" must be a non-empty string"), "{err}");
        let err =
            envelope(br#"{"payload":1,"occurred_at":"yesterday"}"#, &full(), NOW).unwrap_err();
        assert!(
            err.contains("occurred_at") && err.contains("RFC 3339"),
            "{err}"
        );
        let err = envelope(br#"{"payload":1,"occurred_at":5}"#, &full(), NOW).unwrap_err();
        assert!(err.contains("occurred_at"), "{err}");
        let err = envelope(
            br#"{"payload":1,"type":"a.b.v1","payload":2}"#,
            &full(),
            NOW,
        )
        .unwrap_err();
        assert!(err.contains("\"payload\" twice"), "{err}");
        // a kept correlation id is not replaced by the id
        let b = envelope(br#"{"payload":1,"correlation_id":"c-1"}"#, &full(), NOW).unwrap();
        assert_eq!(field(&object(&b), "correlation_id"), "c-1");
    }

    #[test]
    fn non_json_input_is_an_error() {
        for input in [&b"hello"[..], b"", b"{\"a\":1", b"\xff", b"{} {}"] {
            let err = envelope(input, &full(), NOW).unwrap_err();
            assert!(err.contains("needs JSON input"), "{err}");
        }
    }

    #[test]
    fn escapes_in_keys_and_strings_survive() {
        let input =
            br#"{"payload":{"k\"ey":"v\u00e9\n","\u0061":[ "a , b" , "}" ]},"source":"s\"rc"}"#;
        let b = envelope(input, &full(), NOW).unwrap();
        let text = value_text(&b);
        assert!(
            text.contains(r#""payload":{"k\"ey":"v\u00e9\n","\u0061":["a , b","}"]}"#),
            "{text}"
        );
        assert_eq!(field(&object(&b), "source"), "s\"rc");
    }

    #[test]
    fn each_event_gets_new_ids() {
        let a = object(&envelope(b"{}", &full(), NOW).unwrap());
        let b = object(&envelope(b"{}", &full(), NOW).unwrap());
        assert_ne!(field(&a, "id"), field(&b, "id"));
        assert_ne!(field(&a, "trace_id"), field(&b, "trace_id"));
    }

    fn ce_opts(tenant: Option<&str>) -> EnvelopeOptions {
        opts(Some("order.created.v1"), Some("/services/orders"), tenant)
    }

    #[test]
    fn cloudevent_binary_mode() {
        let payload = b"{\"z\":1, \"a\":2}";
        let b = cloudevent(payload, CloudEventsMode::Binary, &ce_opts(Some("t1")), NOW).unwrap();
        assert_eq!(b.key, None);
        assert_eq!(b.value.as_deref(), Some(&payload[..]));
        let names: Vec<&str> = b.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "ce_specversion",
                "ce_id",
                "ce_source",
                "ce_type",
                "ce_time",
                "ce_tenantid",
                "ce_traceparent",
                "content-type",
                "traceparent"
            ]
        );
        assert_eq!(header(&b, "ce_specversion"), Some("1.0"));
        assert_uuid_v7(header(&b, "ce_id").unwrap());
        assert_eq!(header(&b, "ce_source"), Some("/services/orders"));
        assert_eq!(header(&b, "ce_type"), Some("order.created.v1"));
        assert_eq!(header(&b, "ce_time"), Some(NOW_TEXT));
        assert_eq!(header(&b, "ce_tenantid"), Some("t1"));
        assert_eq!(header(&b, "content-type"), Some("application/json"));
        let tp = header(&b, "traceparent").unwrap();
        assert_eq!(header(&b, "ce_traceparent"), Some(tp));
        let trace_id = tp.split('-').nth(1).unwrap();
        assert!(is_trace_id(trace_id), "{tp}");
        assert_traceparent(tp, trace_id);
        // every header name is lower-case and every value UTF-8
        for (name, value) in &b.headers {
            assert_eq!(name, &name.to_lowercase());
            assert!(std::str::from_utf8(value.as_deref().unwrap()).is_ok());
        }

        // not JSON: octet-stream, value still unchanged; no tenant, no ce_tenantid
        let bin = b"\x00\xffraw";
        let b = cloudevent(bin, CloudEventsMode::Binary, &ce_opts(None), NOW).unwrap();
        assert_eq!(b.value.as_deref(), Some(&bin[..]));
        assert_eq!(header(&b, "content-type"), Some("application/octet-stream"));
        assert_eq!(header(&b, "ce_tenantid"), None);
        let b = cloudevent(b"plain text", CloudEventsMode::Binary, &ce_opts(None), NOW).unwrap();
        assert_eq!(header(&b, "content-type"), Some("application/octet-stream"));
        // an empty payload is kept as an empty value, never turned into a tombstone
        let b = cloudevent(b"", CloudEventsMode::Binary, &ce_opts(None), NOW).unwrap();
        assert_eq!(b.value.as_deref(), Some(&b""[..]));
    }

    #[test]
    fn cloudevent_structured_mode() {
        let payload = b" {\"z\": 1,\n \"a\": [true]} ";
        let b = cloudevent(
            payload,
            CloudEventsMode::Structured,
            &ce_opts(Some("t1")),
            NOW,
        )
        .unwrap();
        assert_eq!(b.key, None);
        assert_eq!(
            header(&b, "content-type"),
            Some("application/cloudevents+json; charset=UTF-8")
        );
        let names: Vec<&str> = b.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["content-type", "traceparent"]);
        assert_eq!(
            keys(&b),
            [
                "specversion",
                "id",
                "source",
                "type",
                "time",
                "datacontenttype",
                "tenantid",
                "traceparent",
                "data"
            ]
        );
        let text = value_text(&b);
        assert!(text.ends_with(r#","data":{"z":1,"a":[true]}}"#), "{text}");
        let o = object(&b);
        assert_eq!(field(&o, "specversion"), "1.0");
        assert_uuid_v7(field(&o, "id"));
        assert_eq!(field(&o, "source"), "/services/orders");
        assert_eq!(field(&o, "type"), "order.created.v1");
        assert_eq!(field(&o, "time"), NOW_TEXT);
        assert_eq!(field(&o, "datacontenttype"), "application/json");
        assert_eq!(field(&o, "tenantid"), "t1");
        assert_eq!(field(&o, "traceparent"), header(&b, "traceparent").unwrap());

        // not JSON: data_base64, no tenantid without a tenant
        let b = cloudevent(
            b"\x00\xff",
            CloudEventsMode::Structured,
            &ce_opts(None),
            NOW,
        )
        .unwrap();
        let o = object(&b);
        assert_eq!(field(&o, "datacontenttype"), "application/octet-stream");
        assert_eq!(field(&o, "data_base64"), "AP8=");
        assert!(
            !o.contains_key("data") && !o.contains_key("tenantid"),
            "{o:?}"
        );
        // a JSON scalar is data too
        let b = cloudevent(b"\"hi\"", CloudEventsMode::Structured, &ce_opts(None), NOW).unwrap();
        assert_eq!(field(&object(&b), "data"), "hi");
    }

    #[test]
    fn cloudevent_requires_type_and_source() {
        for mode in [CloudEventsMode::Binary, CloudEventsMode::Structured] {
            let err = cloudevent(b"{}", mode, &opts(None, Some("s"), None), NOW).unwrap_err();
            assert!(
                err.contains("needs a type") && err.contains("--type"),
                "{err}"
            );
            let err = cloudevent(b"{}", mode, &opts(Some("a.b.v1"), None, None), NOW).unwrap_err();
            assert!(
                err.contains("needs a source") && err.contains("--source"),
                "{err}"
            );
            let err = cloudevent(
                b"{}",
                mode,
                &opts(Some("order.created"), Some("s"), None),
                NOW,
            )
            .unwrap_err();
            assert!(err.contains("invalid event type"), "{err}");
            let err = cloudevent(b"{}", mode, &opts(Some("a.b.v1"), Some("s"), Some("")), NOW)
                .unwrap_err();
            assert!(err.contains("--tenant"), "{err}");
        }
    }

    #[test]
    fn scanner_and_minifier() {
        let s = br#" { "a" : [1, {"b": "x]}"}] , "c\"d":-2e5,"e":"" , "f":{} } "#;
        let fields = top_level_fields(s).unwrap();
        let got: Vec<(&str, &str)> = fields
            .iter()
            .map(|f| (f.name.as_str(), std::str::from_utf8(f.raw).unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("a", r#"[1, {"b": "x]}"}]"#),
                ("c\"d", "-2e5"),
                ("e", "\"\""),
                ("f", "{}"),
            ]
        );
        assert_eq!(fields[1].raw_key, br#""c\"d""#);
        assert_eq!(
            minify(s),
            br#"{"a":[1,{"b":"x]}"}],"c\"d":-2e5,"e":"","f":{}}"#
        );
        assert_eq!(minify(br#""a \\" "#), br#""a \\""#);
    }
}
