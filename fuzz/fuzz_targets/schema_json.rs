#![no_main]
//! JSON Schemas: `evctl::schema::parse(Format::Json, ..)` of two versions (and a `$ref`-erenced
//! document), then `evctl::schema::backward` both ways (STRICT and LENIENT policies) and
//! `schema::locate::locate` of each change. Input: `OLD 0xFF NEW [0xFF REFERENCE]` (see
//! `evctl_fuzz::schema_pair`); the reference is registered as `money.json`.

use evctl::schema::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evctl_fuzz::schema_pair(Format::Json, "money.json", data);
});
