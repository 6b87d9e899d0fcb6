//! JSON Schema compatibility tests: every row of the change table (doc `schema-compat.md` §3.3) in
//! BACKWARD, FORWARD and FULL under STRICT and LENIENT, through [`crate::schema::check`], plus
//! `$ref`s and cycles, combinator matching, transitive modes and parse errors. The fixtures are
//! event envelopes written for these tests.

use serde_json::{Value, json};

use super::kinds::{Class, Kind};
use super::{JsonSchema, backward, parse};
use crate::schema::{Change, Mode, Policy, Reference, Report, Source, check};

fn source(v: &Value) -> Source {
    Source {
        name: "event.json".into(),
        text: serde_json::to_string_pretty(v).unwrap(),
        references: Vec::new(),
    }
}

fn schema(v: Value) -> JsonSchema {
    parse(&source(&v), true).unwrap_or_else(|e| panic!("{e}"))
}

/// An event envelope whose `payload` is `payload`.
fn envelope(payload: Value) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://schemas.acme.test/events/order-placed.json",
        "title": "OrderPlaced",
        "type": "object",
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "type": {"const": "order.placed"},
            "occurred_at": {"type": "string", "format": "date-time"},
            "source": {"type": "string", "maxLength": 200},
            "payload": payload,
            "metadata": {
                "type": "object",
                "properties": {
                    "partition_key": {"type": "string"},
                    "tenant_id": {"type": "string"}
                },
                "required": ["partition_key"]
            }
        },
        "required": ["id", "type", "occurred_at", "source", "payload"]
    })
}

/// A payload object: `props` with `required`, plus any extra keywords (`additionalProperties`...).
fn payload(props: Value, required: &[&str], extra: Value) -> Value {
    let mut p = json!({"type": "object", "properties": props, "required": required});
    if let (Some(p), Value::Object(extra)) = (p.as_object_mut(), extra) {
        p.extend(extra);
    }
    p
}

const P: &str = "#/properties/payload";

fn run(mode: Mode, policy: Policy, old: &JsonSchema, new: &JsonSchema) -> Report {
    check(mode, new, &[("v1".into(), old.clone())], false, |o, n| {
        backward(o, n, policy)
    })
}

/// What a cell of the table says: compatible or not, and a change that must be reported (kind
/// and path; the change must be incompatible when the cell fails, compatible when it passes).
#[derive(Debug, Clone, Copy)]
struct Cell {
    ok: bool,
    kind: &'static str,
    path: &'static str,
}

const fn ok(kind: &'static str, path: &'static str) -> Cell {
    Cell {
        ok: true,
        kind,
        path,
    }
}

const fn fail(kind: &'static str, path: &'static str) -> Cell {
    Cell {
        ok: false,
        kind,
        path,
    }
}

struct Row {
    name: &'static str,
    old: Value,
    new: Value,
    backward_strict: Cell,
    backward_lenient: Cell,
    forward_strict: Cell,
    forward_lenient: Cell,
}

fn find<'c>(changes: &'c [Change], kind: &str, path: &str) -> Option<&'c Change> {
    changes.iter().find(|c| c.kind == kind && c.path == path)
}

fn assert_cell(row: &str, label: &str, cell: Cell, changes: &[Change], compatible: bool) {
    assert_eq!(
        compatible, cell.ok,
        "{row} / {label}: expected compatible={}, changes: {changes:#?}",
        cell.ok
    );
    if cell.kind.is_empty() {
        return;
    }
    let c = find(changes, cell.kind, cell.path).unwrap_or_else(|| {
        panic!(
            "{row} / {label}: no {} at {}; changes: {changes:#?}",
            cell.kind, cell.path
        )
    });
    assert_eq!(
        c.compatible, cell.ok,
        "{row} / {label}: {} should be compatible={}",
        cell.kind, cell.ok
    );
    assert!(!c.description.is_empty());
}

fn check_rows(rows: &[Row]) {
    for row in rows {
        let old = schema(row.old.clone());
        let new = schema(row.new.clone());
        for (policy, b, f) in [
            (Policy::Strict, row.backward_strict, row.forward_strict),
            (Policy::Lenient, row.backward_lenient, row.forward_lenient),
        ] {
            let p = format!("{policy:?}");
            let r = run(Mode::Backward, policy, &old, &new);
            assert_eq!(r.checks.len(), 1);
            assert_cell(
                row.name,
                &format!("BACKWARD {p}"),
                b,
                &r.checks[0].changes,
                r.compatible,
            );

            let r = run(Mode::Forward, policy, &old, &new);
            assert_eq!(r.checks.len(), 1);
            assert_cell(
                row.name,
                &format!("FORWARD {p}"),
                f,
                &r.checks[0].changes,
                r.compatible,
            );

            // FULL = both directions against the same version
            let r = run(Mode::Full, policy, &old, &new);
            assert_eq!(r.checks.len(), 2, "{}", row.name);
            assert_eq!(r.compatible, b.ok && f.ok, "{} / FULL {p}", row.name);
            assert_cell(
                row.name,
                &format!("FULL {p} (backward)"),
                b,
                &r.checks[0].changes,
                b.ok,
            );
            assert_cell(
                row.name,
                &format!("FULL {p} (forward)"),
                f,
                &r.checks[1].changes,
                f.ok,
            );
            if !r.compatible {
                let failing = if b.ok { f } else { b };
                if !failing.kind.is_empty() {
                    assert!(
                        r.problems()
                            .any(|(_, c)| c.kind == failing.kind && c.path == failing.path),
                        "{} / FULL {p}: problems lack {}",
                        row.name,
                        failing.kind
                    );
                }
            }
        }
    }
}

/// A row whose cells are the same under STRICT and LENIENT.
fn same(name: &'static str, old: Value, new: Value, backward: Cell, forward: Cell) -> Row {
    Row {
        name,
        old,
        new,
        backward_strict: backward,
        backward_lenient: backward,
        forward_strict: forward,
        forward_lenient: forward,
    }
}

fn order_payload(extra_props: Value, required: &[&str], extra: Value) -> Value {
    let mut props = json!({
        "order_id": {"type": "string"},
        "amount": {"type": "number", "minimum": 0},
        "currency": {"type": "string", "enum": ["EUR", "USD"]}
    });
    if let (Some(p), Value::Object(more)) = (props.as_object_mut(), extra_props) {
        p.extend(more);
    }
    payload(props, required, extra)
}

fn env(extra_props: Value, required: &[&str], extra: Value) -> Value {
    envelope(order_payload(extra_props, required, extra))
}

const OPEN: fn() -> Value = || json!({});
const CLOSED: fn() -> Value = || json!({"additionalProperties": false});

// ---- §3.3 rows: properties and content models ----

#[test]
fn table_add_optional_property_open() {
    let path = "#/properties/payload/properties/coupon";
    check_rows(&[Row {
        name: "add optional property, open",
        old: env(json!({}), &["order_id"], OPEN()),
        new: env(json!({"coupon": {"type": "string"}}), &["order_id"], OPEN()),
        backward_strict: fail("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
        backward_lenient: ok("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
        forward_strict: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
        forward_lenient: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
    }]);
}

#[test]
fn table_add_property_with_empty_schema_open() {
    let path = "#/properties/payload/properties/extra";
    check_rows(&[same(
        "add property with an empty schema, open",
        env(json!({}), &[], OPEN()),
        env(json!({"extra": {"description": "anything"}}), &[], OPEN()),
        ok(
            "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
            path,
        ),
        ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
    )]);
}

#[test]
fn table_add_optional_property_closed() {
    let path = "#/properties/payload/properties/coupon";
    check_rows(&[Row {
        name: "add optional property, closed",
        old: env(json!({}), &["order_id"], CLOSED()),
        new: env(
            json!({"coupon": {"type": "string"}}),
            &["order_id"],
            CLOSED(),
        ),
        backward_strict: ok("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
        backward_lenient: ok("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
        forward_strict: fail("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
        forward_lenient: ok("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
    }]);
}

#[test]
fn table_add_required_property_closed() {
    let path = "#/properties/payload/properties/channel";
    check_rows(&[
        Row {
            name: "add required property without default, closed",
            old: env(json!({}), &["order_id"], CLOSED()),
            new: env(
                json!({"channel": {"type": "string"}}),
                &["order_id", "channel"],
                CLOSED(),
            ),
            backward_strict: fail("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
            backward_lenient: fail("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
            forward_strict: fail("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
            forward_lenient: ok("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
        },
        Row {
            name: "add required property with default, closed",
            old: env(json!({}), &["order_id"], CLOSED()),
            new: env(
                json!({"channel": {"type": "string", "default": "web"}}),
                &["order_id", "channel"],
                CLOSED(),
            ),
            backward_strict: ok(
                "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
                path,
            ),
            backward_lenient: ok(
                "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
                path,
            ),
            forward_strict: fail("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
            forward_lenient: ok("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
        },
    ]);
}

#[test]
fn table_add_required_property_open() {
    let path = "#/properties/payload/properties/channel";
    check_rows(&[
        Row {
            name: "add required property without default, open",
            old: env(json!({}), &["order_id"], OPEN()),
            new: env(
                json!({"channel": {"type": "string"}}),
                &["order_id", "channel"],
                OPEN(),
            ),
            backward_strict: fail("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
            backward_lenient: fail("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
            forward_strict: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
            forward_lenient: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
        },
        Row {
            name: "add required property with default, open",
            old: env(json!({}), &["order_id"], OPEN()),
            new: env(
                json!({"channel": {"type": "string", "default": "web"}}),
                &["order_id", "channel"],
                OPEN(),
            ),
            backward_strict: fail(
                "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
                path,
            ),
            backward_lenient: ok(
                "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
                path,
            ),
            forward_strict: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
            forward_lenient: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
        },
    ]);
}

#[test]
fn table_remove_property_open() {
    let path = "#/properties/payload/properties/currency";
    check_rows(&[
        Row {
            name: "remove optional property, open",
            old: env(json!({}), &["order_id"], OPEN()),
            new: envelope(payload(
                json!({"order_id": {"type": "string"}, "amount": {"type": "number", "minimum": 0}}),
                &["order_id"],
                OPEN(),
            )),
            backward_strict: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
            backward_lenient: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
            forward_strict: fail("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
            // "✓ if it was optional"
            forward_lenient: ok("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
        },
        Row {
            name: "remove required property, open",
            old: env(json!({}), &["order_id", "currency"], OPEN()),
            new: envelope(payload(
                json!({"order_id": {"type": "string"}, "amount": {"type": "number", "minimum": 0}}),
                &["order_id"],
                OPEN(),
            )),
            backward_strict: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
            backward_lenient: ok("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
            forward_strict: fail("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
            forward_lenient: fail("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", path),
        },
    ]);
}

#[test]
fn table_remove_property_closed() {
    let path = "#/properties/payload/properties/currency";
    let without = |required: &[&str]| {
        envelope(payload(
            json!({"order_id": {"type": "string"}, "amount": {"type": "number", "minimum": 0}}),
            required,
            CLOSED(),
        ))
    };
    check_rows(&[
        Row {
            name: "remove optional property, closed",
            old: env(json!({}), &["order_id"], CLOSED()),
            new: without(&["order_id"]),
            backward_strict: fail("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
            backward_lenient: ok("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
            forward_strict: ok("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
            forward_lenient: ok("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
        },
        Row {
            name: "remove required property without default, closed",
            old: env(json!({}), &["order_id", "currency"], CLOSED()),
            new: without(&["order_id"]),
            backward_strict: fail("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
            backward_lenient: ok("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
            forward_strict: fail("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
            forward_lenient: fail("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
        },
        Row {
            name: "remove a property whose schema is false, closed",
            old: env(json!({"legacy": false}), &[], CLOSED()),
            new: env(json!({}), &[], CLOSED()),
            backward_strict: ok(
                "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
                "#/properties/payload/properties/legacy",
            ),
            backward_lenient: ok(
                "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
                "#/properties/payload/properties/legacy",
            ),
            // FORWARD: the old schema lists `legacy: false`, so nothing written can have it
            forward_strict: ok(
                "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
                "#/properties/payload/properties/legacy",
            ),
            forward_lenient: ok("", ""),
        },
    ]);
}

#[test]
fn table_property_covered_by_partially_open_model() {
    let tags = json!({"additionalProperties": {"type": "string", "maxLength": 64}});
    let path = "#/properties/payload/properties/note";
    check_rows(&[
        same(
            "add property covered by additionalProperties",
            env(json!({}), &[], tags.clone()),
            env(
                json!({"note": {"type": "string", "maxLength": 64}}),
                &[],
                tags.clone(),
            ),
            ok(
                "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
        ),
        Row {
            name: "add property narrower than additionalProperties",
            old: env(json!({}), &[], tags.clone()),
            new: env(
                json!({"note": {"type": "string", "maxLength": 16}}),
                &[],
                tags.clone(),
            ),
            backward_strict: fail(
                "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            backward_lenient: fail(
                "MAX_LENGTH_DECREASED",
                "#/properties/payload/properties/note/maxLength",
            ),
            forward_strict: ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            forward_lenient: ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
        },
        Row {
            name: "add property of another type than additionalProperties",
            old: env(json!({}), &[], tags.clone()),
            new: env(json!({"note": {"type": "integer"}}), &[], tags.clone()),
            backward_strict: fail(
                "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            // lenient accepts the kind, but the nested TYPE_CHANGED still fails
            backward_lenient: fail("TYPE_CHANGED", "#/properties/payload/properties/note/type"),
            forward_strict: fail(
                "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            forward_lenient: fail("TYPE_CHANGED", "#/properties/payload/properties/note/type"),
        },
        same(
            "add property covered by patternProperties",
            env(
                json!({}),
                &[],
                json!({"patternProperties": {"^x_": {"type": "string"}}}),
            ),
            env(
                json!({"x_trace": {"type": "string", "description": "trace id"}}),
                &[],
                json!({"patternProperties": {"^x_": {"type": "string"}}}),
            ),
            ok(
                "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                "#/properties/payload/properties/x_trace",
            ),
            ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                "#/properties/payload/properties/x_trace",
            ),
        ),
        Row {
            // the name matches no pattern and additionalProperties is absent: anything was allowed
            name: "add property outside the patterns of a partially open model",
            old: env(
                json!({}),
                &[],
                json!({"patternProperties": {"^x_": {"type": "string"}}}),
            ),
            new: env(
                json!({"note": {"type": "string"}}),
                &[],
                json!({"patternProperties": {"^x_": {"type": "string"}}}),
            ),
            backward_strict: fail(
                "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            backward_lenient: fail("TYPE_NARROWED", "#/properties/payload/properties/note/type"),
            forward_strict: ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            forward_lenient: ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
        },
        Row {
            name: "add required property covered by additionalProperties",
            old: env(json!({}), &[], tags.clone()),
            new: env(
                json!({"note": {"type": "string", "maxLength": 64}}),
                &["note"],
                tags.clone(),
            ),
            backward_strict: fail("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
            backward_lenient: fail("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", path),
            forward_strict: ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            forward_lenient: ok(
                "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
        },
    ]);
}

#[test]
fn table_required_attribute() {
    let path = "#/properties/payload/properties/currency";
    let with_default = |required: &[&str]| {
        envelope(payload(
            json!({
                "order_id": {"type": "string"},
                "amount": {"type": "number", "minimum": 0},
                "currency": {"type": "string", "enum": ["EUR", "USD"], "default": "EUR"}
            }),
            required,
            OPEN(),
        ))
    };
    check_rows(&[
        same(
            "make a property required",
            env(json!({}), &["order_id"], OPEN()),
            env(json!({}), &["order_id", "currency"], OPEN()),
            fail("REQUIRED_ATTRIBUTE_ADDED", path),
            ok("REQUIRED_ATTRIBUTE_REMOVED", path),
        ),
        same(
            "make a property with a default required",
            with_default(&["order_id"]),
            with_default(&["order_id", "currency"]),
            ok("REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED", path),
            ok("REQUIRED_ATTRIBUTE_REMOVED", path),
        ),
        same(
            "make a property optional",
            env(json!({}), &["order_id", "currency"], OPEN()),
            env(json!({}), &["order_id"], OPEN()),
            ok("REQUIRED_ATTRIBUTE_REMOVED", path),
            fail("REQUIRED_ATTRIBUTE_ADDED", path),
        ),
        same(
            "make a property with a default optional",
            with_default(&["order_id", "currency"]),
            with_default(&["order_id"]),
            ok("REQUIRED_ATTRIBUTE_REMOVED", path),
            ok("REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED", path),
        ),
        same(
            "require a name no property defines",
            env(json!({}), &["order_id"], OPEN()),
            env(json!({}), &["order_id", "customer_id"], OPEN()),
            fail("REQUIRED_ATTRIBUTE_ADDED", "#/properties/payload/required"),
            ok(
                "REQUIRED_ATTRIBUTE_REMOVED",
                "#/properties/payload/required",
            ),
        ),
    ]);
}

// ---- §3.3 rows: types, enums, constraints ----

#[test]
fn table_types() {
    let qty = |t: Value| env(json!({"quantity": {"type": t}}), &[], OPEN());
    let path = "#/properties/payload/properties/quantity/type";
    check_rows(&[
        same(
            "type change string → integer",
            qty(json!("string")),
            qty(json!("integer")),
            fail("TYPE_CHANGED", path),
            fail("TYPE_CHANGED", path),
        ),
        same(
            "integer → number",
            qty(json!("integer")),
            qty(json!("number")),
            ok("TYPE_EXTENDED", path),
            fail("TYPE_NARROWED", path),
        ),
        same(
            "\"string\" → [\"string\", \"null\"]",
            qty(json!("string")),
            qty(json!(["string", "null"])),
            ok("SUM_TYPE_EXTENDED", path),
            fail("SUM_TYPE_NARROWED", path),
        ),
        same(
            "[\"integer\", \"null\"] → [\"number\", \"null\"]",
            qty(json!(["integer", "null"])),
            qty(json!(["number", "null"])),
            ok("TYPE_EXTENDED", path),
            fail("TYPE_NARROWED", path),
        ),
        same(
            "[\"string\", \"null\"] → [\"integer\", \"boolean\"]",
            qty(json!(["string", "null"])),
            qty(json!(["integer", "boolean"])),
            fail("TYPE_CHANGED", path),
            fail("TYPE_CHANGED", path),
        ),
        same(
            "type removed",
            qty(json!("string")),
            env(json!({"quantity": {"description": "any"}}), &[], OPEN()),
            ok("TYPE_EXTENDED", path),
            fail("TYPE_NARROWED", path),
        ),
    ]);
}

#[test]
fn table_sum_types_through_combinators() {
    let field = |s: Value| env(json!({"coupon": s}), &[], OPEN());
    let p = "#/properties/payload/properties/coupon";
    check_rows(&[
        same(
            "\"string\" → anyOf[string, null]",
            field(json!({"type": "string"})),
            field(json!({"anyOf": [{"type": "string"}, {"type": "null"}]})),
            ok(
                "SUM_TYPE_EXTENDED",
                "#/properties/payload/properties/coupon/anyOf",
            ),
            fail("SUM_TYPE_NARROWED", p),
        ),
        same(
            "oneOf: add a branch",
            field(json!({"oneOf": [{"type": "string"}, {"type": "integer"}]})),
            field(json!({"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})),
            ok(
                "SUM_TYPE_EXTENDED",
                "#/properties/payload/properties/coupon/oneOf",
            ),
            fail(
                "SUM_TYPE_NARROWED",
                "#/properties/payload/properties/coupon/oneOf",
            ),
        ),
        same(
            "[\"string\", \"null\"] ≡ anyOf[string, null]",
            field(json!({"type": ["string", "null"]})),
            field(json!({"anyOf": [{"type": "string"}, {"type": "null"}]})),
            ok("", ""),
            ok("", ""),
        ),
    ]);
}

#[test]
fn table_enums() {
    let cur = |values: Value| {
        envelope(payload(
            json!({"currency": {"type": "string", "enum": values}}),
            &[],
            OPEN(),
        ))
    };
    let path = "#/properties/payload/properties/currency/enum";
    check_rows(&[
        same(
            "enum: add a value",
            cur(json!(["EUR", "USD"])),
            cur(json!(["EUR", "USD", "GBP"])),
            ok("ENUM_ARRAY_EXTENDED", path),
            fail("ENUM_ARRAY_NARROWED", path),
        ),
        same(
            "enum: remove a value",
            cur(json!(["EUR", "USD", "GBP"])),
            cur(json!(["EUR", "USD"])),
            fail("ENUM_ARRAY_NARROWED", path),
            ok("ENUM_ARRAY_EXTENDED", path),
        ),
        same(
            "enum: replace a value",
            cur(json!(["EUR", "USD"])),
            cur(json!(["EUR", "GBP"])),
            fail("ENUM_ARRAY_CHANGED", path),
            fail("ENUM_ARRAY_CHANGED", path),
        ),
        same(
            "const changed",
            envelope(json!({"type": "object"})),
            {
                let mut e = envelope(json!({"type": "object"}));
                e["properties"]["type"] = json!({"const": "order.created"});
                e
            },
            fail("ENUM_ARRAY_CHANGED", "#/properties/type/const"),
            fail("ENUM_ARRAY_CHANGED", "#/properties/type/const"),
        ),
    ]);
}

/// One constraint keyword on the payload's `items` array, `sku` string or `amount` number.
fn constrained(field: &str, base: Value, kw: &str, value: Option<Value>) -> Value {
    let mut s = base;
    if let Some(v) = value {
        s[kw] = v;
    }
    envelope(payload(json!({ field: s }), &[], OPEN()))
}

#[test]
fn table_tighten_and_relax_constraints() {
    let string = json!({"type": "string"});
    let number = json!({"type": "number"});
    let array = json!({"type": "array", "items": {"type": "string"}});
    let object = json!({"type": "object"});
    // (field, base schema, keyword, looser value, tighter value, kind when tightened, kind when
    // loosened); None = keyword absent
    type Case<'v> = (
        &'v str,
        &'v Value,
        &'v str,
        Option<Value>,
        Option<Value>,
        &'v str,
        &'v str,
    );
    let cases: Vec<Case> = vec![
        (
            "sku",
            &string,
            "maxLength",
            None,
            Some(json!(32)),
            "MAX_LENGTH_ADDED",
            "MAX_LENGTH_REMOVED",
        ),
        (
            "sku",
            &string,
            "maxLength",
            Some(json!(64)),
            Some(json!(32)),
            "MAX_LENGTH_DECREASED",
            "MAX_LENGTH_INCREASED",
        ),
        (
            "sku",
            &string,
            "minLength",
            None,
            Some(json!(3)),
            "MIN_LENGTH_ADDED",
            "MIN_LENGTH_REMOVED",
        ),
        (
            "sku",
            &string,
            "minLength",
            Some(json!(1)),
            Some(json!(3)),
            "MIN_LENGTH_INCREASED",
            "MIN_LENGTH_DECREASED",
        ),
        (
            "sku",
            &string,
            "pattern",
            None,
            Some(json!("^[A-Z]{3}-\\d+$")),
            "PATTERN_ADDED",
            "PATTERN_REMOVED",
        ),
        (
            "amount",
            &number,
            "maximum",
            None,
            Some(json!(1000)),
            "MAXIMUM_ADDED",
            "MAXIMUM_REMOVED",
        ),
        (
            "amount",
            &number,
            "maximum",
            Some(json!(1000)),
            Some(json!(500)),
            "MAXIMUM_DECREASED",
            "MAXIMUM_INCREASED",
        ),
        (
            "amount",
            &number,
            "minimum",
            None,
            Some(json!(0)),
            "MINIMUM_ADDED",
            "MINIMUM_REMOVED",
        ),
        (
            "amount",
            &number,
            "minimum",
            Some(json!(0)),
            Some(json!(1)),
            "MINIMUM_INCREASED",
            "MINIMUM_DECREASED",
        ),
        (
            "amount",
            &number,
            "exclusiveMaximum",
            None,
            Some(json!(1000)),
            "EXCLUSIVE_MAXIMUM_ADDED",
            "EXCLUSIVE_MAXIMUM_REMOVED",
        ),
        (
            "amount",
            &number,
            "exclusiveMaximum",
            Some(json!(1000)),
            Some(json!(10)),
            "EXCLUSIVE_MAXIMUM_DECREASED",
            "EXCLUSIVE_MAXIMUM_INCREASED",
        ),
        (
            "amount",
            &number,
            "exclusiveMinimum",
            None,
            Some(json!(0)),
            "EXCLUSIVE_MINIMUM_ADDED",
            "EXCLUSIVE_MINIMUM_REMOVED",
        ),
        (
            "amount",
            &number,
            "exclusiveMinimum",
            Some(json!(0)),
            Some(json!(5)),
            "EXCLUSIVE_MINIMUM_INCREASED",
            "EXCLUSIVE_MINIMUM_DECREASED",
        ),
        (
            "amount",
            &number,
            "multipleOf",
            None,
            Some(json!(0.01)),
            "MULTIPLE_OF_ADDED",
            "MULTIPLE_OF_REMOVED",
        ),
        (
            "amount",
            &number,
            "multipleOf",
            Some(json!(5)),
            Some(json!(10)),
            "MULTIPLE_OF_EXPANDED",
            "MULTIPLE_OF_REDUCED",
        ),
        (
            "lines",
            &array,
            "uniqueItems",
            None,
            Some(json!(true)),
            "UNIQUE_ITEMS_ADDED",
            "UNIQUE_ITEMS_REMOVED",
        ),
        (
            "lines",
            &array,
            "maxItems",
            None,
            Some(json!(100)),
            "MAX_ITEMS_ADDED",
            "MAX_ITEMS_REMOVED",
        ),
        (
            "lines",
            &array,
            "maxItems",
            Some(json!(100)),
            Some(json!(10)),
            "MAX_ITEMS_DECREASED",
            "MAX_ITEMS_INCREASED",
        ),
        (
            "lines",
            &array,
            "minItems",
            None,
            Some(json!(1)),
            "MIN_ITEMS_ADDED",
            "MIN_ITEMS_REMOVED",
        ),
        (
            "lines",
            &array,
            "minItems",
            Some(json!(1)),
            Some(json!(2)),
            "MIN_ITEMS_INCREASED",
            "MIN_ITEMS_DECREASED",
        ),
        (
            "attrs",
            &object,
            "maxProperties",
            None,
            Some(json!(20)),
            "MAX_PROPERTIES_ADDED",
            "MAX_PROPERTIES_REMOVED",
        ),
        (
            "attrs",
            &object,
            "maxProperties",
            Some(json!(20)),
            Some(json!(5)),
            "MAX_PROPERTIES_DECREASED",
            "MAX_PROPERTIES_INCREASED",
        ),
        (
            "attrs",
            &object,
            "minProperties",
            None,
            Some(json!(1)),
            "MIN_PROPERTIES_ADDED",
            "MIN_PROPERTIES_REMOVED",
        ),
        (
            "attrs",
            &object,
            "minProperties",
            Some(json!(1)),
            Some(json!(2)),
            "MIN_PROPERTIES_INCREASED",
            "MIN_PROPERTIES_DECREASED",
        ),
    ];
    let mut rows = Vec::new();
    for (field, base, kw, loose, tight, tightened, loosened) in cases {
        let path: &'static str = Box::leak(format!("{P}/properties/{field}/{kw}").into_boxed_str());
        let (tightened, loosened): (&'static str, &'static str) = (
            Box::leak(tightened.to_string().into_boxed_str()),
            Box::leak(loosened.to_string().into_boxed_str()),
        );
        let loose_schema = constrained(field, base.clone(), kw, loose);
        let tight_schema = constrained(field, base.clone(), kw, tight);
        rows.push(same(
            "tighten a constraint",
            loose_schema.clone(),
            tight_schema.clone(),
            fail(tightened, path),
            ok(loosened, path),
        ));
        rows.push(same(
            "relax a constraint",
            tight_schema,
            loose_schema,
            ok(loosened, path),
            fail(tightened, path),
        ));
    }
    check_rows(&rows);
}

#[test]
fn constraints_changed_both_ways() {
    let sku = |s: Value| envelope(payload(json!({"sku": s}), &[], OPEN()));
    let amount = |s: Value| envelope(payload(json!({"amount": s}), &[], OPEN()));
    check_rows(&[
        same(
            "pattern changed",
            sku(json!({"type": "string", "pattern": "^[A-Z]+$"})),
            sku(json!({"type": "string", "pattern": "^[a-z]+$"})),
            fail(
                "PATTERN_CHANGED",
                "#/properties/payload/properties/sku/pattern",
            ),
            fail(
                "PATTERN_CHANGED",
                "#/properties/payload/properties/sku/pattern",
            ),
        ),
        same(
            "multipleOf changed to a non-multiple",
            amount(json!({"type": "number", "multipleOf": 3})),
            amount(json!({"type": "number", "multipleOf": 5})),
            fail(
                "MULTIPLE_OF_CHANGED",
                "#/properties/payload/properties/amount/multipleOf",
            ),
            fail(
                "MULTIPLE_OF_CHANGED",
                "#/properties/payload/properties/amount/multipleOf",
            ),
        ),
        same(
            "draft 4 boolean exclusiveMaximum read as a bound",
            json!({"$schema": "http://json-schema.org/draft-04/schema#", "type": "number", "maximum": 10}),
            json!({"$schema": "http://json-schema.org/draft-04/schema#", "type": "number", "maximum": 10, "exclusiveMaximum": true}),
            fail("EXCLUSIVE_MAXIMUM_ADDED", "#/exclusiveMaximum"),
            // ≤ 10 read where < 10 was written: reported as a maximum added (conservative)
            fail("MAXIMUM_ADDED", "#/maximum"),
        ),
    ]);
}

// ---- §3.3 rows: additionalProperties, combinators, annotations ----

#[test]
fn table_open_and_close_the_object() {
    let path = "#/properties/payload/additionalProperties";
    check_rows(&[
        Row {
            name: "open the object (additionalProperties false → removed)",
            old: env(json!({}), &[], CLOSED()),
            new: env(json!({}), &[], OPEN()),
            backward_strict: ok("ADDITIONAL_PROPERTIES_ADDED", path),
            backward_lenient: ok("ADDITIONAL_PROPERTIES_ADDED", path),
            forward_strict: fail("ADDITIONAL_PROPERTIES_REMOVED", path),
            forward_lenient: ok("ADDITIONAL_PROPERTIES_REMOVED", path),
        },
        Row {
            name: "open the object (additionalProperties false → true)",
            old: env(json!({}), &[], CLOSED()),
            new: env(json!({}), &[], json!({"additionalProperties": true})),
            backward_strict: ok("ADDITIONAL_PROPERTIES_ADDED", path),
            backward_lenient: ok("ADDITIONAL_PROPERTIES_ADDED", path),
            forward_strict: fail("ADDITIONAL_PROPERTIES_REMOVED", path),
            forward_lenient: ok("ADDITIONAL_PROPERTIES_REMOVED", path),
        },
        Row {
            name: "close the object",
            old: env(json!({}), &[], OPEN()),
            new: env(json!({}), &[], CLOSED()),
            backward_strict: fail("ADDITIONAL_PROPERTIES_REMOVED", path),
            backward_lenient: ok("ADDITIONAL_PROPERTIES_REMOVED", path),
            forward_strict: ok("ADDITIONAL_PROPERTIES_ADDED", path),
            forward_lenient: ok("ADDITIONAL_PROPERTIES_ADDED", path),
        },
        Row {
            name: "restrict additional properties to a schema",
            old: env(json!({}), &[], OPEN()),
            new: env(
                json!({}),
                &[],
                json!({"additionalProperties": {"type": "string"}}),
            ),
            backward_strict: fail("ADDITIONAL_PROPERTIES_NARROWED", path),
            backward_lenient: ok("ADDITIONAL_PROPERTIES_NARROWED", path),
            forward_strict: ok("ADDITIONAL_PROPERTIES_EXTENDED", path),
            forward_lenient: ok("ADDITIONAL_PROPERTIES_EXTENDED", path),
        },
        Row {
            name: "close with unevaluatedProperties (2019-09)",
            old: json!({"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "object", "properties": {"a": {"type": "string"}}}),
            new: json!({"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "object", "properties": {"a": {"type": "string"}}, "unevaluatedProperties": false}),
            backward_strict: fail("UNEVALUATED_PROPERTIES_REMOVED", "#/unevaluatedProperties"),
            backward_lenient: ok("UNEVALUATED_PROPERTIES_REMOVED", "#/unevaluatedProperties"),
            forward_strict: ok("UNEVALUATED_PROPERTIES_ADDED", "#/unevaluatedProperties"),
            forward_lenient: ok("UNEVALUATED_PROPERTIES_ADDED", "#/unevaluatedProperties"),
        },
    ]);
}

fn card() -> Value {
    json!({"type": "object", "properties": {"kind": {"const": "card"}, "last4": {"type": "string", "maxLength": 4}}, "required": ["kind", "last4"]})
}

fn bank() -> Value {
    json!({"type": "object", "properties": {"kind": {"const": "bank"}, "iban": {"type": "string"}}, "required": ["kind", "iban"]})
}

fn wallet() -> Value {
    json!({"type": "object", "properties": {"kind": {"const": "wallet"}, "provider": {"type": "string"}}, "required": ["kind", "provider"]})
}

fn payment(s: Value) -> Value {
    envelope(payload(json!({"payment": s}), &[], OPEN()))
}

#[test]
fn table_combinators() {
    let audited =
        json!({"properties": {"audited_by": {"type": "string"}}, "required": ["audited_by"]});
    check_rows(&[
        same(
            "allOf: add a subschema",
            payment(json!({"allOf": [card()]})),
            payment(json!({"allOf": [card(), audited]})),
            fail(
                "PRODUCT_TYPE_EXTENDED",
                "#/properties/payload/properties/payment/allOf",
            ),
            ok(
                "PRODUCT_TYPE_NARROWED",
                "#/properties/payload/properties/payment/allOf",
            ),
        ),
        same(
            "change the combinator oneOf → allOf",
            payment(json!({"oneOf": [card(), bank()]})),
            payment(json!({"allOf": [card(), bank()]})),
            fail(
                "COMBINED_TYPE_CHANGED",
                "#/properties/payload/properties/payment/allOf",
            ),
            fail(
                "COMBINED_TYPE_CHANGED",
                "#/properties/payload/properties/payment/oneOf",
            ),
        ),
        same(
            "change the combinator oneOf → anyOf",
            payment(json!({"oneOf": [card(), bank()]})),
            payment(json!({"anyOf": [card(), bank()]})),
            ok(
                "COMBINED_TYPE_EXTENDED",
                "#/properties/payload/properties/payment/anyOf",
            ),
            fail(
                "COMBINED_TYPE_CHANGED",
                "#/properties/payload/properties/payment/oneOf",
            ),
        ),
        same(
            "oneOf: remove a branch",
            payment(json!({"oneOf": [card(), bank(), wallet()]})),
            payment(json!({"oneOf": [card(), wallet()]})),
            fail(
                "SUM_TYPE_NARROWED",
                "#/properties/payload/properties/payment/oneOf",
            ),
            ok(
                "SUM_TYPE_EXTENDED",
                "#/properties/payload/properties/payment/oneOf",
            ),
        ),
        same(
            "not: narrow the excluded schema",
            payment(json!({"type": "object", "not": {"required": ["legacy_id"]}})),
            payment(json!({"type": "object", "not": {"required": ["legacy_id", "legacy_ref"]}})),
            ok(
                "NOT_TYPE_NARROWED",
                "#/properties/payload/properties/payment/not",
            ),
            fail(
                "NOT_TYPE_EXTENDED",
                "#/properties/payload/properties/payment/not",
            ),
        ),
        same(
            "not added",
            payment(json!({"type": "object"})),
            payment(json!({"type": "object", "not": {"required": ["legacy_id"]}})),
            fail(
                "NOT_TYPE_EXTENDED",
                "#/properties/payload/properties/payment/not",
            ),
            ok(
                "NOT_TYPE_NARROWED",
                "#/properties/payload/properties/payment/not",
            ),
        ),
    ]);
}

#[test]
fn table_annotations_and_ref_moves() {
    let old = env(json!({}), &[], OPEN());
    let mut new = old.clone();
    new["title"] = json!("Order placed");
    new["$id"] = json!("https://schemas.acme.test/events/order-placed-v2.json");
    new["properties"]["payload"]["description"] = json!("The order as placed");
    new["properties"]["payload"]["properties"]["currency"]["default"] = json!("EUR");
    let inline = env(json!({}), &[], OPEN());
    let mut moved = inline.clone();
    moved["definitions"] = json!({"Payload": inline["properties"]["payload"].clone()});
    moved["properties"]["payload"] = json!({"$ref": "#/definitions/Payload"});
    check_rows(&[
        same(
            "title, description, $id and default changes",
            old.clone(),
            new.clone(),
            ok("TITLE_CHANGED", "#/title"),
            ok("TITLE_CHANGED", "#/title"),
        ),
        same(
            "inline → $ref move",
            inline.clone(),
            moved.clone(),
            ok("", ""),
            ok("", ""),
        ),
    ]);
    let changes = backward(&schema(old), &schema(new), Policy::Strict);
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ID_CHANGED", "#/$id"),
            ("TITLE_CHANGED", "#/title"),
            ("DESCRIPTION_CHANGED", "#/properties/payload/description"),
            (
                "DEFAULT_CHANGED",
                "#/properties/payload/properties/currency/default"
            ),
        ]
    );
    assert!(backward(&schema(inline), &schema(moved), Policy::Strict).is_empty());
}

// ---- beyond the table ----

#[test]
fn transitive_modes_check_every_version_newest_first() {
    let v1 = schema(env(json!({}), &[], CLOSED()));
    let v2 = schema(env(json!({"coupon": {"type": "string"}}), &[], CLOSED()));
    // v3 adds a required property with a default: fine against v2 and v1 backward
    let v3 = schema(env(
        json!({"coupon": {"type": "string"}, "channel": {"type": "string", "default": "web"}}),
        &["channel"],
        CLOSED(),
    ));
    let prev = vec![
        ("v1".to_string(), v1.clone()),
        ("v2".to_string(), v2.clone()),
    ];
    let strict = |o: &JsonSchema, n: &JsonSchema| backward(o, n, Policy::Strict);
    let r = check(Mode::BackwardTransitive, &v3, &prev, false, strict);
    assert!(r.compatible);
    let order: Vec<&str> = r.checks.iter().map(|c| c.version.as_str()).collect();
    assert_eq!(order, ["v2", "v1"]);

    // new drops `coupon` again: closed model, so backward fails against v2 (which has it) but
    // not against v1 (which never had it)
    let v4 = schema(env(json!({}), &[], CLOSED()));
    let prev = vec![("v1".to_string(), v1), ("v2".to_string(), v2)];
    let r = check(Mode::Backward, &v4, &prev[..1], false, strict);
    assert!(r.compatible, "v1 → v4 is identical");
    let r = check(Mode::BackwardTransitive, &v4, &prev, false, strict);
    assert!(!r.compatible);
    assert_eq!(r.checks.len(), 1, "stops at the first failing version");
    let (vc, problem) = r.problems().next().unwrap();
    assert_eq!(vc.version, "v2");
    assert_eq!(problem.kind, "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL");
    assert_eq!(problem.path, "#/properties/payload/properties/coupon");
    let r = check(Mode::FullTransitive, &v4, &prev, true, strict);
    assert_eq!(r.checks.len(), 4);
    assert!(!r.compatible);
    // lenient accepts removing an optional property from a closed model
    let r = check(Mode::FullTransitive, &v4, &prev, true, |o, n| {
        backward(o, n, Policy::Lenient)
    });
    assert!(r.compatible, "{:#?}", r.problems().collect::<Vec<_>>());
}

fn tree(value_type: &str) -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {
            "category": {
                "type": "object",
                "properties": {
                    "name": {"type": value_type},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/category"}},
                    "parent": {"$ref": "#/$defs/category"}
                },
                "required": ["name"]
            }
        },
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "payload": {"$ref": "#/$defs/category"}
        }
    })
}

#[test]
fn self_referencing_schema_terminates_and_reports_once() {
    let a = schema(tree("string"));
    assert!(backward(&a, &schema(tree("string")), Policy::Strict).is_empty());
    let changes = backward(&a, &schema(tree("integer")), Policy::Strict);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].kind, "TYPE_CHANGED");
    assert_eq!(changes[0].path, "#/properties/payload/properties/name/type");
    assert!(!changes[0].compatible);
}

#[test]
fn mutually_recursive_refs_and_ref_chains() {
    let s = |max: u64| {
        json!({
            "definitions": {
                "person": {"type": "object", "properties": {"name": {"type": "string", "maxLength": max}, "employer": {"$ref": "#/definitions/company"}}},
                "company": {"type": "object", "properties": {"ceo": {"$ref": "#/definitions/boss"}}},
                "boss": {"$ref": "#/definitions/person"},
                "loop_a": {"$ref": "#/definitions/loop_b"},
                "loop_b": {"$ref": "#/definitions/loop_a"}
            },
            "type": "object",
            "properties": {"author": {"$ref": "#/definitions/person"}, "weird": {"$ref": "#/definitions/loop_a"}}
        })
    };
    let changes = backward(&schema(s(50)), &schema(s(100)), Policy::Strict);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].kind, "MAX_LENGTH_INCREASED");
    assert_eq!(
        changes[0].path,
        "#/properties/author/properties/name/maxLength"
    );
    assert!(changes[0].compatible);
}

#[test]
fn references_resolve_from_source_references() {
    let money = |max: u64| {
        Reference {
        name: "money.json".into(),
        text: json!({
            "$id": "https://schemas.acme.test/common/money.json",
            "$defs": {"Money": {"type": "object", "properties": {"amount": {"type": "number", "maximum": max}, "currency": {"type": "string"}}, "required": ["amount", "currency"]}}
        })
        .to_string(),
    }
    };
    let event = json!({
        "$id": "https://schemas.acme.test/events/refund.json",
        "type": "object",
        "properties": {
            "total": {"$ref": "money.json#/$defs/Money"},
            "fee": {"$ref": "https://schemas.acme.test/common/money.json#/$defs/Money"},
            "tax": {"$ref": "../common/money.json#/$defs/Money"}
        }
    });
    let src = |max| Source {
        name: "refund.json".into(),
        text: event.to_string(),
        references: vec![money(max)],
    };
    let old = parse(&src(1000), true).unwrap();
    let new = parse(&src(500), true).unwrap();
    // three routes to one definition (a relative name, the absolute $id, a path relative to the
    // referring schema's $id): the definition's change is reported once, at the first path in
    // key order
    let changes = backward(&old, &new, Policy::Strict);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(
        changes[0].path,
        "#/properties/fee/properties/amount/maximum"
    );
    assert_eq!(changes[0].kind, "MAXIMUM_DECREASED");
    assert!(!changes[0].compatible);
    // each route resolves: one of them alone still finds the change
    for route in ["total", "fee", "tax"] {
        let mut only = event.clone();
        let keep = only["properties"][route].clone();
        only["properties"] = json!({ route: keep });
        let src = |max| Source {
            name: "refund.json".into(),
            text: only.to_string(),
            references: vec![money(max)],
        };
        let changes = backward(
            &parse(&src(1000), true).unwrap(),
            &parse(&src(500), true).unwrap(),
            Policy::Strict,
        );
        assert_eq!(changes.len(), 1, "{route}");
        assert_eq!(
            changes[0].path,
            format!("#/properties/{route}/properties/amount/maximum")
        );
    }

    // a reference missing from the source is a parse error at the $ref
    let missing = Source {
        name: "refund.json".into(),
        text: serde_json::to_string_pretty(&event).unwrap(),
        references: Vec::new(),
    };
    let e = parse(&missing, false).unwrap_err();
    assert!(e.message.contains("unresolved $ref"), "{e}");
    assert!(e.message.contains("/properties/"), "{e}");
    assert!(e.line.is_some());
}

#[test]
fn several_problems_are_reported_together() {
    let old = env(json!({"sku": {"type": "string"}}), &["order_id"], CLOSED());
    let mut new = env(
        json!({"sku": {"type": "integer"}}),
        &["order_id", "amount"],
        CLOSED(),
    );
    new["properties"]["payload"]["properties"]["currency"]["enum"] = json!(["EUR"]);
    new["properties"]["source"]["maxLength"] = json!(100);
    let r = run(Mode::Backward, Policy::Strict, &schema(old), &schema(new));
    assert!(!r.compatible);
    let mut problems: Vec<(&str, &str)> = r
        .problems()
        .map(|(_, c)| (c.kind.as_str(), c.path.as_str()))
        .collect();
    problems.sort();
    assert_eq!(
        problems,
        [
            (
                "ENUM_ARRAY_NARROWED",
                "#/properties/payload/properties/currency/enum"
            ),
            ("MAX_LENGTH_DECREASED", "#/properties/source/maxLength"),
            (
                "REQUIRED_ATTRIBUTE_ADDED",
                "#/properties/payload/properties/amount"
            ),
            ("TYPE_CHANGED", "#/properties/payload/properties/sku/type"),
        ]
    );
}

#[test]
fn one_of_branches_are_matched_not_compared_by_position() {
    // reordered, and one branch relaxed: matched crosswise, compatible
    let old = payment(json!({"oneOf": [card(), bank()]}));
    let mut relaxed_card = card();
    relaxed_card["properties"]["last4"]["maxLength"] = json!(6);
    let new = payment(json!({"oneOf": [bank(), relaxed_card]}));
    let changes = backward(&schema(old.clone()), &schema(new), Policy::Strict);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].kind, "MAX_LENGTH_INCREASED");
    assert_eq!(
        changes[0].path,
        "#/properties/payload/properties/payment/oneOf/1/properties/last4/maxLength"
    );

    // a branch changed incompatibly: no compatible counterpart
    let mut broken_bank = bank();
    broken_bank["properties"]["iban"]["type"] = json!("integer");
    let new = payment(json!({"oneOf": [card(), broken_bank]}));
    let changes = backward(&schema(old), &schema(new), Policy::Strict);
    let kinds: Vec<(&str, &str, bool)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str(), c.compatible))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
                "#/properties/payload/properties/payment/oneOf",
                false
            ),
            (
                "TYPE_CHANGED",
                "#/properties/payload/properties/payment/oneOf/1/properties/iban/type",
                false
            ),
        ]
    );

    // maximum matching: original 0 is compatible with update 0 and 1, original 1 only with
    // update 0; a greedy pairing would fail
    let wide = json!({"type": "string"});
    let narrow = json!({"type": "string", "maxLength": 10});
    let old = payment(json!({"anyOf": [narrow.clone(), wide.clone()]}));
    let new = payment(json!({"anyOf": [wide.clone(), json!({"type": "string", "maxLength": 20})]}));
    let changes = backward(&schema(old), &schema(new), Policy::Strict);
    assert!(changes.iter().all(|c| c.compatible), "{changes:#?}");
}

#[test]
fn tuples_and_array_content_models() {
    let point = |items: Value, extra: Value| {
        let mut s = json!({"type": "array", "prefixItems": items});
        if let (Some(s), Value::Object(extra)) = (s.as_object_mut(), extra) {
            s.extend(extra);
        }
        json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"location": s}})
    };
    let xy = json!([{"type": "number"}, {"type": "number"}]);
    let xyz = json!([{"type": "number"}, {"type": "number"}, {"type": "number"}]);
    let path = "#/properties/location/prefixItems/2";
    check_rows(&[
        same(
            "tuple item added, open",
            point(xy.clone(), json!({})),
            point(xyz.clone(), json!({})),
            fail("ITEM_ADDED_TO_OPEN_CONTENT_MODEL", path),
            ok("ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
        ),
        same(
            "tuple item added, closed",
            point(xy.clone(), json!({"items": false})),
            point(xyz.clone(), json!({"items": false})),
            ok("ITEM_ADDED_TO_CLOSED_CONTENT_MODEL", path),
            fail("ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", path),
        ),
        same(
            "tuple item added, covered by items",
            point(xy.clone(), json!({"items": {"type": "number"}})),
            point(xyz.clone(), json!({"items": {"type": "number"}})),
            ok(
                "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            ok(
                "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
        ),
        same(
            "tuple item added, not covered by items",
            point(xy.clone(), json!({"items": {"type": "number"}})),
            point(
                json!([{"type": "number"}, {"type": "number"}, {"type": "string"}]),
                json!({"items": {"type": "number"}}),
            ),
            fail(
                "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
            fail(
                "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                path,
            ),
        ),
        same(
            "tuple item with an empty schema added, open",
            point(xy.clone(), json!({})),
            point(
                json!([{"type": "number"}, {"type": "number"}, true]),
                json!({}),
            ),
            ok("ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", path),
            ok("ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", path),
        ),
        same(
            "close the tuple",
            point(xy.clone(), json!({})),
            point(xy.clone(), json!({"items": false})),
            fail("ADDITIONAL_ITEMS_REMOVED", "#/properties/location/items"),
            ok("ADDITIONAL_ITEMS_ADDED", "#/properties/location/items"),
        ),
        same(
            "restrict the rest of the tuple",
            point(xy.clone(), json!({})),
            point(xy.clone(), json!({"items": {"type": "number"}})),
            fail("ADDITIONAL_ITEMS_NARROWED", "#/properties/location/items"),
            ok("ADDITIONAL_ITEMS_EXTENDED", "#/properties/location/items"),
        ),
        same(
            "draft 7 items array ≡ 2020-12 prefixItems",
            json!({"type": "object", "properties": {"location": {"type": "array", "items": [{"type": "number"}, {"type": "number"}], "additionalItems": false}}}),
            json!({"type": "object", "properties": {"location": {"type": "array", "items": [{"type": "number"}, {"type": "number"}, {"type": "number"}], "additionalItems": false}}}),
            ok(
                "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
                "#/properties/location/items/2",
            ),
            fail(
                "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL",
                "#/properties/location/items/2",
            ),
        ),
        same(
            "list items schema changed",
            json!({"type": "array", "items": {"type": "string"}, "minContains": 1, "contains": {"const": "x"}}),
            json!({"type": "array", "items": {"type": "string", "maxLength": 8}, "minContains": 1, "contains": {"const": "x"}}),
            fail("MAX_LENGTH_ADDED", "#/items/maxLength"),
            ok("MAX_LENGTH_REMOVED", "#/items/maxLength"),
        ),
        same(
            "maxContains lowered",
            json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array", "contains": {"type": "string"}, "maxContains": 5}),
            json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array", "contains": {"type": "string"}, "maxContains": 3}),
            fail("MAX_CONTAINS_DECREASED", "#/maxContains"),
            ok("MAX_CONTAINS_INCREASED", "#/maxContains"),
        ),
    ]);
}

#[test]
fn dependencies_in_both_spellings() {
    let d7 = |deps: Value| json!({"type": "object", "properties": {"card": {"type": "string"}, "billing_address": {"type": "string"}, "cvv": {"type": "string"}}, "dependencies": deps});
    let d2020 = |req: Value| json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "dependentRequired": req});
    check_rows(&[
        same(
            "dependency array extended",
            d7(json!({"card": ["billing_address"]})),
            d7(json!({"card": ["billing_address", "cvv"]})),
            fail("DEPENDENCY_ARRAY_EXTENDED", "#/dependencies/card"),
            ok("DEPENDENCY_ARRAY_NARROWED", "#/dependencies/card"),
        ),
        same(
            "dependency array changed",
            d2020(json!({"card": ["billing_address"]})),
            d2020(json!({"card": ["cvv"]})),
            fail("DEPENDENCY_ARRAY_CHANGED", "#/dependentRequired/card"),
            fail("DEPENDENCY_ARRAY_CHANGED", "#/dependentRequired/card"),
        ),
        same(
            "dependency array added",
            d7(json!({})),
            d7(json!({"card": ["cvv"]})),
            fail("DEPENDENCY_ARRAY_ADDED", "#/dependencies/card"),
            ok("DEPENDENCY_ARRAY_REMOVED", "#/dependencies/card"),
        ),
        same(
            "dependency schema added",
            d7(json!({})),
            d7(json!({"card": {"required": ["cvv"]}})),
            fail("DEPENDENCY_SCHEMA_ADDED", "#/dependencies/card"),
            ok("DEPENDENCY_SCHEMA_REMOVED", "#/dependencies/card"),
        ),
    ]);
}

#[test]
fn connect_bytes_are_equal_and_false_schemas() {
    let bytes = |extra: Value| {
        let mut s = json!({"type": "string", "connect.type": "bytes"});
        if let (Some(s), Value::Object(extra)) = (s.as_object_mut(), extra) {
            s.extend(extra);
        }
        envelope(payload(json!({"blob": s}), &[], OPEN()))
    };
    let old = schema(bytes(json!({})));
    let new = schema(bytes(json!({"contentEncoding": "base64", "maxLength": 10})));
    assert!(backward(&old, &new, Policy::Strict).is_empty());

    let f = |s: Value| envelope(payload(json!({"gone": s}), &[], OPEN()));
    let changes = backward(
        &schema(f(json!(false))),
        &schema(f(json!({"type": "string"}))),
        Policy::Strict,
    );
    assert_eq!(changes[0].kind, "TYPE_EXTENDED");
    assert!(changes[0].compatible);
    let changes = backward(
        &schema(f(json!({"type": "string"}))),
        &schema(f(json!(false))),
        Policy::Strict,
    );
    assert_eq!(changes[0].kind, "TYPE_NARROWED");
}

#[test]
fn if_then_else_and_property_names() {
    let s = |cond: &str, max: u64| {
        json!({
            "type": "object",
            "propertyNames": {"maxLength": 32},
            "if": {"properties": {"kind": {"const": cond}}},
            "then": {"required": ["card"]},
            "else": {"properties": {"note": {"type": "string", "maxLength": max}}}
        })
    };
    let changes = backward(
        &schema(s("card", 10)),
        &schema(s("card", 20)),
        Policy::Strict,
    );
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].path, "#/else/properties/note/maxLength");
    let changes = backward(
        &schema(s("card", 10)),
        &schema(s("bank", 10)),
        Policy::Strict,
    );
    assert_eq!(changes[0].kind, "COMBINED_TYPE_SUBSCHEMAS_CHANGED");
    assert_eq!(changes[0].path, "#/if");
    assert!(!changes[0].compatible);
    let mut narrower = s("card", 10);
    narrower["propertyNames"]["maxLength"] = json!(16);
    let changes = backward(&schema(s("card", 10)), &schema(narrower), Policy::Strict);
    assert_eq!(changes[0].kind, "MAX_LENGTH_DECREASED");
    assert_eq!(changes[0].path, "#/propertyNames/maxLength");
}

// ---- parsing ----

#[test]
fn bad_json_reports_line_and_column() {
    let src = Source {
        name: "order.json".into(),
        text: "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"string\"},,\n  }\n}".into(),
        references: Vec::new(),
    };
    let e = parse(&src, true).unwrap_err();
    assert_eq!(
        (e.name.as_str(), e.line, e.column),
        ("order.json", Some(4), Some(30))
    );
    assert!(e.message.starts_with("invalid JSON"), "{e}");
    assert!(e.to_string().starts_with("order.json:4:30: "), "{e}");

    // a reference's error carries the reference's name
    let src = Source {
        name: "order.json".into(),
        text: r#"{"$ref": "money.json"}"#.into(),
        references: vec![Reference {
            name: "money.json".into(),
            text: "{\"type\": ".into(),
        }],
    };
    let e = parse(&src, false).unwrap_err();
    assert_eq!(e.name, "money.json");
    assert_eq!(e.line, Some(1));
}

#[test]
fn meta_schema_rejects_invalid_schemas_when_strict() {
    let text =
        "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"amount\": {\"type\": 12}\n  }\n}";
    let src = Source {
        name: "order.json".into(),
        text: text.into(),
        references: Vec::new(),
    };
    let e = parse(&src, true).unwrap_err();
    assert!(e.message.contains("/properties/amount/type"), "{e}");
    assert!(e.message.contains("draft 7"), "{e}");
    assert_eq!((e.line, e.column), (Some(4), Some(24)));
    // previous versions are taken as they are
    assert!(parse(&src, false).is_ok());

    for bad in [
        json!({"type": 12}),
        json!({"type": "object", "required": "id"}),
        json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "minLength": -1}),
        json!({"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMinimum": 3}),
        json!({"$schema": "http://json-schema.org/draft-06/schema#", "exclusiveMinimum": true}),
        json!({"$schema": "https://json-schema.org/draft/2019-09/schema", "properties": {"a": 5}}),
        json!({"type": "string", "pattern": "(["}),
        json!({"$ref": "#/definitions/not a uri"}),
    ] {
        assert!(parse(&source(&bad), true).is_err(), "{bad}");
    }
    for good in [
        json!(true),
        json!({"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 3, "exclusiveMaximum": true}),
        json!({"$schema": "https://json-schema.org/draft/2020-12/schema", "prefixItems": [{"type": "string"}], "items": false}),
    ] {
        assert!(parse(&source(&good), true).is_ok(), "{good}");
    }
    let e = parse(&source(&json!([1, 2])), false).unwrap_err();
    assert!(e.message.contains("object or a boolean"));
}

// ---- the kinds table ----

#[test]
fn kind_classes_follow_the_doc() {
    let strict = [
        "ID_CHANGED",
        "SCHEMA_REMOVED",
        "TYPE_EXTENDED",
        "MULTIPLE_OF_REDUCED",
        "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED",
        "ADDITIONAL_PROPERTIES_EXTENDED",
        "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL",
        "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
        "ENUM_ARRAY_EXTENDED",
        "NOT_TYPE_NARROWED",
    ];
    let lenient = [
        "ADDITIONAL_PROPERTIES_NARROWED",
        "ADDITIONAL_PROPERTIES_REMOVED",
        "UNEVALUATED_PROPERTIES_NARROWED",
        "UNEVALUATED_PROPERTIES_REMOVED",
        "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
        "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
        "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
        "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
        "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
    ];
    let by_name = |n: &str| *Kind::ALL.iter().find(|k| k.name() == n).unwrap();
    for n in strict {
        assert_eq!(by_name(n).class(), Class::Strict, "{n}");
    }
    let lenient_count = Kind::ALL
        .iter()
        .filter(|k| k.class() == Class::Lenient)
        .count();
    assert_eq!(lenient_count, lenient.len());
    for n in lenient {
        let k = by_name(n);
        assert!(
            k.compatible(Policy::Lenient) && !k.compatible(Policy::Strict),
            "{n}"
        );
    }
    for k in Kind::ALL {
        let n = k.name();
        if n.ends_with("_ADDED")
            && (n.starts_with("MAX")
                || n.starts_with("MIN")
                || n.starts_with("PATTERN")
                || n.starts_with("MULTIPLE")
                || n.starts_with("EXCLUSIVE")
                || n.starts_with("UNIQUE")
                || n.starts_with("DEPENDENCY"))
        {
            assert_eq!(k.class(), Class::Never, "constraint added: {n}");
        }
    }
}

#[test]
fn long_ref_chains_and_dense_cycles_terminate() {
    // a chain of $ref targets far deeper than any inline nesting: no stack overflow (run on a
    // 2 MiB thread, the test default), and a short chain still reports its change
    let chain = |n: usize, last: &str| {
        let mut defs = serde_json::Map::new();
        for i in 0..n {
            let next = format!("#/definitions/d{}", i + 1);
            defs.insert(
                format!("d{i}"),
                json!({"type": "object", "properties": {"next": {"$ref": next}, "v": {"type": "string"}}}),
            );
        }
        defs.insert(format!("d{n}"), json!({"type": last}));
        json!({"definitions": defs, "$ref": "#/definitions/d0"})
    };
    let deep = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            backward(
                &schema(chain(2000, "string")),
                &schema(chain(2000, "integer")),
                Policy::Strict,
            )
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert!(deep.len() <= 1);
    let short = backward(
        &schema(chain(20, "string")),
        &schema(chain(20, "integer")),
        Policy::Strict,
    );
    assert_eq!(short.len(), 1);
    assert_eq!(short[0].kind, "TYPE_CHANGED");
    assert_eq!(short[0].path.matches("/properties/next").count(), 20);

    // 30 definitions that all refer to each other: each pair is compared once
    let dense = |t: &str| {
        let mut defs = serde_json::Map::new();
        for i in 0..30 {
            let mut props = serde_json::Map::new();
            for k in 1..=3 {
                props.insert(
                    format!("r{k}"),
                    json!({"$ref": format!("#/definitions/n{}", (i + k * 7) % 30)}),
                );
            }
            props.insert("label".into(), json!({"type": t}));
            defs.insert(
                format!("n{i}"),
                json!({"type": "object", "properties": props}),
            );
        }
        json!({"definitions": defs, "$ref": "#/definitions/n0"})
    };
    let start = std::time::Instant::now();
    let changes = backward(
        &schema(dense("string")),
        &schema(dense("integer")),
        Policy::Strict,
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        changes.len(),
        30,
        "one TYPE_CHANGED per definition: {changes:#?}"
    );
    assert!(
        changes
            .iter()
            .all(|c| c.kind == "TYPE_CHANGED" && !c.compatible)
    );
}

/// A 50-property payload with nested objects, arrays, enums, sum types and a shared definition;
/// `variant` moves some bounds and adds a property.
fn big_schema(variant: usize) -> Value {
    let mut props = serde_json::Map::new();
    for i in 0..50 {
        let p = match i % 5 {
            0 => {
                json!({"type": "string", "maxLength": 64 + (variant % 3), "description": format!("field {i}")})
            }
            1 => json!({"type": "integer", "minimum": 0}),
            2 => json!({"type": "object", "properties": {
                "a": {"type": "string"}, "b": {"type": ["number", "null"]},
                "c": {"$ref": "#/$defs/money"}, "d": {"type": "array", "items": {"type": "string"}},
                "e": {"enum": ["x", "y", "z"]}}, "required": ["a"], "additionalProperties": false}),
            3 => json!({"type": "array", "items": {"$ref": "#/$defs/money"}, "maxItems": 100}),
            _ => {
                json!({"oneOf": [{"type": "string"}, {"type": "integer"}, {"$ref": "#/$defs/money"}]})
            }
        };
        props.insert(format!("f{i}"), p);
    }
    if variant % 2 == 1 {
        props.insert("extra".into(), json!({"type": "string"}));
    }
    let mut env =
        envelope(json!({"type": "object", "properties": props, "required": ["f0", "f1"]}));
    env["$defs"] = json!({"money": {"type": "object", "properties": {"amount": {"type": "number"}, "currency": {"type": "string", "enum": ["EUR", "USD"]}}, "required": ["amount", "currency"]}});
    env
}

/// The project's performance bar: 1,000 pairs of 50-property nested schemas, parsed (the new one
/// strictly) and diffed both ways, in under a second in release mode. Debug builds run a few pairs
/// for correctness only.
#[test]
fn parse_and_diff_1000_pairs_of_50_property_schemas() {
    let pairs = if cfg!(debug_assertions) { 10 } else { 1000 };
    let texts: Vec<(Source, Source)> = (0..pairs)
        .map(|i| (source(&big_schema(i)), source(&big_schema(i + 1))))
        .collect();
    let start = std::time::Instant::now();
    for (i, (a, b)) in texts.iter().enumerate() {
        let old = parse(a, false).unwrap();
        let new = parse(b, true).unwrap();
        let backward_changes = backward(&old, &new, Policy::Strict);
        let forward_changes = backward(&new, &old, Policy::Strict);
        // 10 maxLength changes each way, and `extra` added or removed
        assert_eq!(
            backward_changes.len(),
            11,
            "pair {i}: {backward_changes:#?}"
        );
        assert_eq!(forward_changes.len(), 11, "pair {i}");
    }
    let elapsed = start.elapsed();
    if !cfg!(debug_assertions) {
        assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    }
}

/// The kinds the §3.3 table does not reach, one keyword change each, both ways.
#[test]
fn keyword_kinds_beyond_the_table() {
    let d2020 = |mut s: Value| {
        s["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        s
    };
    let arr = |extra: Value| {
        let mut s = json!({"type": "array", "items": {"type": "string"}});
        if let (Some(s), Value::Object(extra)) = (s.as_object_mut(), extra) {
            s.extend(extra);
        }
        d2020(s)
    };
    let obj = |extra: Value| {
        let mut s = json!({"type": "object", "properties": {"a": {"type": "string"}}});
        if let (Some(s), Value::Object(extra)) = (s.as_object_mut(), extra) {
            s.extend(extra);
        }
        d2020(s)
    };
    // (old, new, kind old → new, kind new → old, path)
    let cases = [
        (
            obj(json!({})),
            obj(json!({"propertyNames": {"maxLength": 8}})),
            "SCHEMA_ADDED",
            "SCHEMA_REMOVED",
            "#/propertyNames",
        ),
        (
            obj(json!({"unevaluatedProperties": {"type": "string"}})),
            obj(json!({})),
            "UNEVALUATED_PROPERTIES_EXTENDED",
            "UNEVALUATED_PROPERTIES_NARROWED",
            "#/unevaluatedProperties",
        ),
        (
            arr(json!({"contains": {"const": "x"}})),
            arr(json!({"contains": {"const": "x"}, "maxContains": 2})),
            "MAX_CONTAINS_ADDED",
            "MAX_CONTAINS_REMOVED",
            "#/maxContains",
        ),
        (
            arr(json!({"contains": {"const": "x"}})),
            arr(json!({"contains": {"const": "x"}, "minContains": 2})),
            "MIN_CONTAINS_ADDED",
            "MIN_CONTAINS_REMOVED",
            "#/minContains",
        ),
        (
            arr(json!({"contains": {"const": "x"}, "minContains": 1})),
            arr(json!({"contains": {"const": "x"}, "minContains": 2})),
            "MIN_CONTAINS_INCREASED",
            "MIN_CONTAINS_DECREASED",
            "#/minContains",
        ),
        (
            arr(json!({"unevaluatedItems": false})),
            arr(json!({})),
            "UNEVALUATED_ITEMS_ADDED",
            "UNEVALUATED_ITEMS_REMOVED",
            "#/unevaluatedItems",
        ),
        (
            arr(json!({"unevaluatedItems": {"type": "string"}})),
            arr(json!({})),
            "UNEVALUATED_ITEMS_EXTENDED",
            "UNEVALUATED_ITEMS_NARROWED",
            "#/unevaluatedItems",
        ),
        (
            d2020(
                json!({"type": "array", "prefixItems": [{"type": "number"}, false], "items": false}),
            ),
            d2020(json!({"type": "array", "prefixItems": [{"type": "number"}], "items": false})),
            "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
            "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
            "#/prefixItems/1",
        ),
    ];
    let class = |kind: &str| Kind::ALL.iter().find(|k| k.name() == kind).unwrap().class();
    for (old, new, forth, back, path) in cases {
        let (old, new) = (schema(old), schema(new));
        for (a, b, kind) in [(&old, &new, forth), (&new, &old, back)] {
            for policy in [Policy::Strict, Policy::Lenient] {
                let changes = backward(a, b, policy);
                let c = find(&changes, kind, path)
                    .unwrap_or_else(|| panic!("no {kind} at {path}: {changes:#?}"));
                let expected = match class(kind) {
                    Class::Strict => true,
                    Class::Lenient => policy == Policy::Lenient,
                    Class::Never => false,
                };
                assert_eq!(c.compatible, expected, "{kind} under {policy:?}");
            }
        }
    }
}

#[test]
fn nested_ids_anchors_and_root_recursion() {
    let s = |zip_max: u64, tag_max: u64| {
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://schemas.acme.test/events/shipment.json",
            "$defs": {
                "address": {
                    "$id": "address.json",
                    "type": "object",
                    "properties": {"zip": {"$ref": "#/$defs/zip"}},
                    "$defs": {"zip": {"type": "string", "maxLength": zip_max}}
                },
                "tag": {"$anchor": "tag", "type": "string", "maxLength": tag_max}
            },
            "type": "object",
            "properties": {
                "to": {"$ref": "address.json"},
                "label": {"$ref": "#tag"},
                "parent": {"$ref": "#"}
            }
        })
    };
    let changes = backward(&schema(s(10, 5)), &schema(s(8, 9)), Policy::Strict);
    let found: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("MAX_LENGTH_INCREASED", "#/properties/label/maxLength"),
            (
                "MAX_LENGTH_DECREASED",
                "#/properties/to/properties/zip/maxLength"
            ),
        ]
    );

    // draft 7 spells an anchor as "$id": "#name"
    let d7 = |max: u64| {
        json!({
            "definitions": {"code": {"$id": "#code", "type": "string", "maxLength": max}},
            "properties": {"code": {"$ref": "#code"}}
        })
    };
    let changes = backward(&schema(d7(3)), &schema(d7(2)), Policy::Strict);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].path, "#/properties/code/maxLength");
}
