#![no_main]
//! `tail --format TEMPLATE`: `evctl::output::template::Template::parse`, then `render` of a
//! record built from the rest of the input, with and without terminal escaping. With escaping,
//! the output must be valid UTF-8 (record bytes that are not UTF-8 become `\xNN`).
//!
//! Input: the template (text) up to the first `0xFF` byte, then the record (see
//! `evctl_fuzz::record_from`: a choice byte, then topic, key, value and header name/value pairs
//! split at `0x00`). Without a `0xFF`, the whole input is the template and a fixed record is used.

use evctl::output::template::Template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let (src, record) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], evctl_fuzz::record_from(&data[i + 1..])),
        None => (data, evctl_fuzz::fixed_record()),
    };
    let src = String::from_utf8_lossy(src);
    let Ok(template) = Template::parse(&src) else {
        return;
    };
    let _ = template.ends_with_newline();
    let mut out = Vec::new();
    template.render(&mut out, &record, false);
    out.clear();
    template.render(&mut out, &record, true);
    assert!(
        std::str::from_utf8(&out).is_ok(),
        "an escaped rendering is not UTF-8: {out:?}"
    );
});
