#![no_main]
//! Schema-registry wire framing: `evctl::codec::framing::frame_of` (prefix framing: magic 0 and
//! a schema id; header framing: a `__key_schema_id` / `__value_schema_id` header with magic 1 and
//! a GUID) and `read_path` (the Protobuf message-index path), plus the GUID text forms.
//!
//! Input: byte 0 chooses which header name is looked up (key or value) and whether a framing
//! header is added; then a length-prefixed header value and the payload.
//!
//! Checked: a path read back from its own encoding (`write_path`) is the same path; the frame's
//! schema-specific part starts inside the bytes it came from; a GUID's text parses back.

use bytes::Bytes;
use evctl::codec::framing::{
    KEY_HEADER, MAX_PATH, SchemaKey, VALUE_HEADER, frame_of, read_path, write_path,
};
use evctl_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fn check_path(b: &[u8]) {
    let Ok((path, used)) = read_path(b) else {
        return;
    };
    assert!(
        used <= b.len(),
        "read_path used {used} of {} bytes",
        b.len()
    );
    assert!(!path.is_empty() && path.len() <= MAX_PATH);
    let mut out = Vec::new();
    write_path(&mut out, &path);
    let (again, n) = read_path(&out).unwrap_or_else(|e| panic!("{path:?} wrote {out:?}: {e}"));
    assert_eq!(again, path);
    assert_eq!(n, out.len());
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let mut input = Input::new(data);
    let choice = input.u8();
    let header_value = Bytes::copy_from_slice(input.short_bytes());
    let payload = input.rest();

    let name = if choice & 1 == 1 {
        KEY_HEADER
    } else {
        VALUE_HEADER
    };
    let mut headers = vec![("trace".to_string(), Some(Bytes::from_static(b"x")))];
    match (choice >> 1) & 3 {
        0 => {}
        1 => headers.push((name.to_string(), Some(header_value.clone()))),
        2 => {
            // a null one after a real one: ignored
            headers.push((name.to_string(), Some(header_value.clone())));
            headers.push((name.to_string(), None));
        }
        _ => headers.push((KEY_HEADER.to_string(), Some(header_value.clone()))),
    }

    match frame_of(payload, &headers, name) {
        Ok(Some(frame)) => {
            let rest: &[u8] = match &frame.header {
                Some(h) => h,
                None => payload,
            };
            let tail = rest
                .get(frame.rest_start..)
                .expect("rest_start is inside the framed bytes");
            check_path(tail);
            if let SchemaKey::Guid(g) = frame.schema {
                let shown = SchemaKey::guid_text(&g);
                assert_eq!(SchemaKey::parse_guid(&shown), Some(g));
            }
        }
        Ok(None) | Err(_) => {}
    }
    check_path(payload);
    check_path(&header_value);
    if let Ok(text) = std::str::from_utf8(payload) {
        let _ = SchemaKey::parse_guid(text);
    }
});
