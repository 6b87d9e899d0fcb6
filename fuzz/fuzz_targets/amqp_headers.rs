#![no_main]
//! RabbitMQ message headers: the AMQP field-table parser of amq-protocol (what lapin runs on the
//! wire bytes of a delivery's properties: `amq_protocol_types::parsing::parse_field_table` and
//! `parse_value`), then evctl's readers of a table: `evctl::amqp::headers::{deaths, table, value,
//! get_text, get_int, broker_owned}`.
//!
//! Input: byte 0 picks the mode.
//! - bit 0 set: the rest is wire bytes (a field table: u32 length, then name/type/value entries;
//!   with bit 1 also set, a single typed value).
//! - bit 0 clear: the rest builds a table (see `evctl_fuzz::amqp_table`: depth at most 8), and
//!   with bit 1 set it is wrapped as the `x-death` array of tables RabbitMQ writes (each entry a
//!   table whose fields are picked among queue, exchange, reason, count, time, routing-keys).
//!
//! The parser nests field tables and arrays without a depth limit, and so do evctl's `value` and
//! `table` (reported separately). Wire inputs are capped at 2 KiB (at most ~340 levels: a level
//! takes at least 6 bytes), so a stack overflow found here is one a small header can cause.

use amq_protocol_types::parsing::{parse_field_table, parse_value};
use amq_protocol_types::{AMQPValue, FieldArray, FieldTable, ShortString};
use evctl::amqp::headers::{broker_owned, deaths, get_int, get_text, table, value};
use evctl_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fn read(t: &FieldTable) {
    let _ = table(t);
    let d = deaths(Some(t));
    for death in &d {
        let _ = (death.count, death.time, death.routing_keys.len());
    }
    for (name, v) in t.inner() {
        let name = name.as_str();
        let _ = broker_owned(name);
        let _ = get_text(t, name);
        let _ = get_int(t, name);
        let _ = value(v);
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let mut input = Input::new(data);
    let mode = input.u8();
    if mode & 1 == 1 {
        let wire = input.rest();
        if wire.len() > 2048 {
            return;
        }
        if mode & 2 == 2 {
            if let Ok((_, v)) = parse_value(wire) {
                let _ = value(&v);
                let mut t = FieldTable::default();
                t.insert(ShortString::from("x-death"), v);
                read(&t);
            }
        } else if let Ok((_, t)) = parse_field_table(wire) {
            read(&t);
        }
        return;
    }
    let mut t = evctl_fuzz::amqp_table(&mut input, 0);
    if mode & 2 == 2 {
        let mut deaths = FieldArray::default();
        let n = input.u8() % 4;
        for _ in 0..n {
            deaths.push(AMQPValue::FieldTable(evctl_fuzz::amqp_table(&mut input, 1)));
        }
        t.insert(ShortString::from("x-death"), AMQPValue::FieldArray(deaths));
    }
    read(&t);
    let _ = deaths(None);
});
