#![no_main]
//! Avro schemas: `evctl::schema::parse(Format::Avro, ..)` of two versions (and a referenced
//! named type), then `evctl::schema::backward` both ways and `schema::locate::locate` of each
//! change. Input: `OLD 0xFF NEW [0xFF REFERENCE]` (see `evctl_fuzz::schema_pair`); the
//! reference is registered under the full name `com.acme.Money`.

use evctl::schema::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evctl_fuzz::schema_pair(Format::Avro, "com.acme.Money", data);
});
