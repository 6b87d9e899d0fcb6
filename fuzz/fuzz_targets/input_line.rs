#![no_main]
//! `evctl publish` input: `evctl::record::input::parse_line` in both formats (lines with or
//! without a key separator, JSON lines) under the flags that change it (--null-value, --key,
//! -H, --partition, --ignore-partition, --keep-ids, --timestamp, --key-schema/--value-schema,
//! --envelope, --cloudevents binary/structured), and the flag parsers `parse_header` and
//! `unescape_separator`.
//!
//! Input: one options byte, a length-prefixed `--key-separator` (escaped, as typed), a
//! length-prefixed `-H` value, then the line.

use bytes::Bytes;
use evctl::record::envelope::{CloudEventsMode, EnvelopeOptions};
use evctl::record::input::{
    InputFormat, InputOptions, Wrap, parse_header, parse_line, unescape_separator,
};
use evctl::record::json::Datum;
use evctl_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let mut input = Input::new(data);
    let flags = input.u16();
    let separator = input.short_string();
    let header = input.short_string();
    let line = input.rest();

    let key_separator = if flags & 1 != 0 {
        match unescape_separator(&separator) {
            Ok(sep) => {
                assert!(!sep.is_empty(), "an empty separator was accepted");
                Some(sep)
            }
            Err(_) => None,
        }
    } else {
        let _ = unescape_separator(&separator);
        None
    };
    let mut headers = Vec::new();
    if let Ok((name, value)) = parse_header(&header) {
        assert!(!name.is_empty(), "a header with an empty name was accepted");
        if flags & 2 != 0 {
            headers.push((name, value));
        }
    }
    let envelope = EnvelopeOptions {
        event_type: (flags & 0x40 != 0).then(|| "order.created.v1".to_string()),
        source: (flags & 0x80 != 0).then(|| "orders-service".to_string()),
        tenant: (flags & 0x100 != 0).then(|| "t1".to_string()),
    };
    let wrap = match (flags >> 9) & 3 {
        1 => Wrap::Envelope(envelope),
        2 => Wrap::CloudEvents(CloudEventsMode::Binary, envelope),
        3 => Wrap::CloudEvents(CloudEventsMode::Structured, envelope),
        _ => Wrap::None,
    };
    let opts = InputOptions {
        format: if flags & 4 != 0 {
            InputFormat::Json
        } else {
            InputFormat::Lines
        },
        key_separator,
        key: (flags & 8 != 0).then(|| Bytes::from_static(b"fixed-key")),
        headers,
        partition: (flags & 0x10 != 0).then_some(7),
        ignore_partition: flags & 0x20 != 0,
        keep_ids: flags & 0x800 != 0,
        timestamp: (flags & 0x1000 != 0).then_some(1_735_689_600_000),
        null_value: flags & 0x2000 != 0,
        wrap,
        datum: Datum {
            key: flags & 0x4000 != 0,
            value: flags & 0x8000 != 0,
        },
    };
    let _ = parse_line(line, &opts, 1_735_689_600_123);
});
