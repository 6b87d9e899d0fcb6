#![no_main]
//! Protobuf schemas: `evctl::schema::parse(Format::Protobuf, ..)` (protox on `.proto` text, or
//! a base64 `FileDescriptorProto` as registries may serve it) of two versions (and an imported
//! file), then `evctl::schema::backward` both ways and `schema::locate::locate` of each change.
//! Input: `OLD 0xFF NEW [0xFF REFERENCE]` (see `evctl_fuzz::schema_pair`); the reference is
//! importable as `shop/v1/money.proto`.

use evctl::schema::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evctl_fuzz::schema_pair(Format::Protobuf, "shop/v1/money.proto", data);
});
