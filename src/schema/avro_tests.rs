//! Tests of the Avro engine: every row of the change table in `schema-compat.md` §2.3 in BACKWARD,
//! FORWARD and FULL, then transitive modes, several problems at once, recursion, named types
//! defined inline or referenced, schema references, and parse errors.

use super::*;
use crate::schema::{Mode, Reference, check};

fn source(text: &str) -> Source {
    Source {
        name: "order-event.avsc".into(),
        text: text.into(),
        references: Vec::new(),
    }
}

/// A schema being registered: parsed strictly.
fn new_schema(text: &str) -> AvroSchema {
    parse(&source(text), true).unwrap_or_else(|e| panic!("new schema does not parse: {e}\n{text}"))
}

/// A stored schema: parsed leniently.
fn old_schema(text: &str) -> AvroSchema {
    parse(&source(text), false).unwrap_or_else(|e| panic!("old schema does not parse: {e}\n{text}"))
}

fn parse_err(text: &str, strict: bool) -> ParseError {
    match parse(&source(text), strict) {
        Ok(_) => panic!("expected a parse error (strict={strict}) for\n{text}"),
        Err(e) => e,
    }
}

/// `(kind, path)` of every problem a mode finds with `new` following `old`.
fn problems(mode: Mode, old: &AvroSchema, new: &AvroSchema) -> (bool, Vec<(String, String)>) {
    let report = check(
        mode,
        new,
        &[("v1".to_string(), old.clone())],
        false,
        backward,
    );
    let problems = report
        .problems()
        .map(|(_, c)| (c.kind.clone(), c.path.clone()))
        .collect();
    (report.compatible, problems)
}

fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, p)| (k.to_string(), p.to_string()))
        .collect()
}

/// The event envelope used throughout: `{id, type, occurred_at, payload{...}, metadata{...}}`.
/// The payload record is field 3, so its fields are at `/fields/3/type/fields/N`.
fn envelope(payload_fields: &str) -> String {
    envelope_with(r#""name": "OrderPayload""#, payload_fields)
}

/// The envelope with the payload record's `name` (and any other attributes) given.
fn envelope_with(payload_head: &str, payload_fields: &str) -> String {
    format!(
        r#"{{
  "type": "record",
  "name": "OrderEvent",
  "namespace": "com.acme.events",
  "doc": "Envelope of every order event.",
  "fields": [
    {{"name": "id", "type": {{"type": "string", "logicalType": "uuid"}}}},
    {{"name": "type", "type": "string"}},
    {{"name": "occurred_at", "type": {{"type": "long", "logicalType": "timestamp-millis"}}}},
    {{"name": "payload", "type": {{"type": "record", {payload_head}, "fields": [
      {payload_fields}
    ]}}}},
    {{"name": "metadata", "type": {{"type": "record", "name": "Metadata", "fields": [
      {{"name": "partition_key", "type": "string"}},
      {{"name": "tenant_id", "type": "string"}}
    ]}}}}
  ]
}}"#
    )
}

const ORDER_ID: &str = r#"{"name": "order_id", "type": "string"}"#;
const AMOUNT: &str = r#"{"name": "amount_cents", "type": "long"}"#;
const CURRENCY: &str = r#"{"name": "currency", "type": "string", "default": "EUR"}"#;

/// The payload's first three fields, then `extra` (at `/fields/3/type/fields/3`).
fn payload(extra: &str) -> String {
    let mut fields = vec![ORDER_ID, AMOUNT, CURRENCY];
    if !extra.is_empty() {
        fields.push(extra);
    }
    envelope(&fields.join(",\n      "))
}

/// Path of the payload's field `n`.
const P3: &str = "/fields/3/type/fields/3";

#[derive(Debug)]
enum Expect {
    Ok,
    Fail(&'static [(&'static str, &'static str)]),
}

struct Row {
    change: String,
    old: String,
    new: String,
    backward: Expect,
    forward: Expect,
    full: bool,
}

fn row(change: &str, old: String, new: String, backward: Expect, forward: Expect) -> Row {
    let full = matches!((&backward, &forward), (Expect::Ok, Expect::Ok));
    Row {
        change: change.to_string(),
        old,
        new,
        backward,
        forward,
        full,
    }
}

fn expected(e: &Expect) -> (bool, Vec<(String, String)>) {
    match e {
        Expect::Ok => (true, Vec::new()),
        Expect::Fail(list) => (false, owned(list)),
    }
}

/// Rows of `schema-compat.md` §2.3, each with its own fixtures. FORWARD paths point into the old
/// schema, which is the reader in that direction.
fn table() -> Vec<Row> {
    use Expect::{Fail, Ok};
    let mut rows = vec![
        row(
            "add field with default",
            payload(""),
            payload(r#"{"name": "coupon", "type": ["null", "string"], "default": null}"#),
            Ok,
            Ok,
        ),
        row(
            "add field without default",
            payload(""),
            payload(r#"{"name": "customer_email", "type": "string"}"#),
            Fail(&[(READER_FIELD_MISSING_DEFAULT_VALUE, P3)]),
            Ok,
        ),
        row(
            "remove field (old one had a default)",
            envelope(&[ORDER_ID, AMOUNT, CURRENCY].join(",")),
            envelope(&[ORDER_ID, AMOUNT].join(",")),
            Ok,
            Ok,
        ),
        row(
            "remove field (old one had no default)",
            envelope(&[ORDER_ID, AMOUNT, CURRENCY].join(",")),
            envelope(&[ORDER_ID, CURRENCY].join(",")),
            Ok,
            Fail(&[(
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/3/type/fields/1",
            )]),
        ),
        row(
            "rename field, new field has aliases:[old]",
            payload(""),
            envelope(
                &[
                    ORDER_ID,
                    r#"{"name": "total_cents", "aliases": ["amount_cents"], "type": "long"}"#,
                    CURRENCY,
                ]
                .join(","),
            ),
            Ok,
            Fail(&[(
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/3/type/fields/1",
            )]),
        ),
        row(
            "rename field with alias, old field had a default",
            payload(""),
            envelope(
                &[
                    ORDER_ID,
                    AMOUNT,
                    r#"{"name": "currency_code", "aliases": ["currency"], "type": "string", "default": "EUR"}"#,
                ]
                .join(","),
            ),
            Ok,
            Ok,
        ),
        row(
            "rename field, no alias (remove + add)",
            payload(""),
            envelope(
                &[
                    ORDER_ID,
                    r#"{"name": "total_cents", "type": "long"}"#,
                    CURRENCY,
                ]
                .join(","),
            ),
            Fail(&[(
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/3/type/fields/1",
            )]),
            Fail(&[(
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/3/type/fields/1",
            )]),
        ),
    ];
    let quantity = |t: &str| payload(&format!(r#"{{"name": "quantity", "type": "{t}"}}"#));
    const P3_TYPE: &str = "/fields/3/type/fields/3/type";
    for (from, to) in [
        ("int", "long"),
        ("int", "float"),
        ("int", "double"),
        ("long", "float"),
        ("long", "double"),
        ("float", "double"),
    ] {
        rows.push(row(
            &format!("widen {from} -> {to}"),
            quantity(from),
            quantity(to),
            Ok,
            Fail(&[(TYPE_MISMATCH, P3_TYPE)]),
        ));
        rows.push(row(
            &format!("narrow {to} -> {from}"),
            quantity(to),
            quantity(from),
            Fail(&[(TYPE_MISMATCH, P3_TYPE)]),
            Ok,
        ));
    }
    let digest = |t: &str| payload(&format!(r#"{{"name": "signature", "type": "{t}"}}"#));
    rows.push(row(
        "string -> bytes",
        digest("string"),
        digest("bytes"),
        Ok,
        Ok,
    ));
    rows.push(row(
        "bytes -> string",
        digest("bytes"),
        digest("string"),
        Ok,
        Ok,
    ));
    let status = |symbols: &str, default: &str| {
        payload(&format!(
            r#"{{"name": "status", "type": {{"type": "enum", "name": "OrderStatus",
                "symbols": [{symbols}]{default}}}}}"#
        ))
    };
    const SYMBOLS: &str = "/fields/3/type/fields/3/type/symbols";
    rows.extend([
        row(
            "add enum symbol",
            status(r#""PLACED", "PAID""#, ""),
            status(r#""PLACED", "PAID", "SHIPPED""#, ""),
            Ok,
            Fail(&[(MISSING_ENUM_SYMBOLS, SYMBOLS)]),
        ),
        row(
            "add enum symbol, the old enum has a default",
            status(
                r#""UNKNOWN", "PLACED", "PAID""#,
                r#", "default": "UNKNOWN""#,
            ),
            status(
                r#""UNKNOWN", "PLACED", "PAID", "SHIPPED""#,
                r#", "default": "UNKNOWN""#,
            ),
            Ok,
            Ok,
        ),
        row(
            "remove enum symbol",
            status(r#""PLACED", "PAID", "SHIPPED""#, ""),
            status(r#""PLACED", "PAID""#, ""),
            Fail(&[(MISSING_ENUM_SYMBOLS, SYMBOLS)]),
            Ok,
        ),
        row(
            "remove enum symbol, the new enum has a default",
            status(r#""UNKNOWN", "PLACED", "PAID", "SHIPPED""#, ""),
            status(
                r#""UNKNOWN", "PLACED", "PAID""#,
                r#", "default": "UNKNOWN""#,
            ),
            Ok,
            Ok,
        ),
    ]);
    let note = |t: &str| payload(&format!(r#"{{"name": "note", "type": {t}}}"#));
    rows.extend([
        row(
            "add union branch",
            note(r#"["null", "string"]"#),
            note(r#"["null", "string", {"type": "array", "items": "string"}]"#),
            Ok,
            Fail(&[(MISSING_UNION_BRANCH, P3_TYPE)]),
        ),
        row(
            "remove union branch",
            note(r#"["null", "string", "long"]"#),
            note(r#"["null", "string"]"#),
            Fail(&[(MISSING_UNION_BRANCH, P3_TYPE)]),
            Ok,
        ),
        row(
            "T -> [null, T] (make nullable)",
            note(r#""string""#),
            note(r#"["null", "string"]"#),
            Ok,
            Fail(&[(TYPE_MISMATCH, P3_TYPE)]),
        ),
        row(
            "[null, T] -> T",
            note(r#"["null", "string"]"#),
            note(r#""string""#),
            Fail(&[(TYPE_MISMATCH, P3_TYPE)]),
            Ok,
        ),
    ]);
    let fields = [ORDER_ID, AMOUNT, CURRENCY].join(",");
    let renamed = |head: &str| envelope_with(head, &fields);
    rows.extend([
        row(
            "rename record",
            payload(""),
            renamed(r#""name": "PurchasePayload""#),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/name")]),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/name")]),
        ),
        row(
            "rename record, new aliases contain the old full name",
            payload(""),
            renamed(r#""name": "PurchasePayload", "aliases": ["com.acme.events.OrderPayload"]"#),
            Ok,
            Fail(&[(NAME_MISMATCH, "/fields/3/type/name")]),
        ),
        row(
            "rename record, unqualified alias, same namespace",
            payload(""),
            renamed(r#""name": "PurchasePayload", "aliases": ["OrderPayload"]"#),
            Ok,
            Fail(&[(NAME_MISMATCH, "/fields/3/type/name")]),
        ),
        row(
            "rename record and namespace, alias misses the old namespace",
            payload(""),
            renamed(
                r#""name": "PurchasePayload", "namespace": "com.acme.orders", "aliases": ["OrderPayload"]"#,
            ),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/name")]),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/name")]),
        ),
    ]);
    let named =
        |field: &str, def: &str| payload(&format!(r#"{{"name": "{field}", "type": {def}}}"#));
    let fixed = |name: &str, size: u32, extra: &str| {
        named(
            "checksum",
            &format!(r#"{{"type": "fixed", "name": "{name}", "size": {size}{extra}}}"#),
        )
    };
    let enumeration = |name: &str, extra: &str| {
        named(
            "payment_method",
            &format!(
                r#"{{"type": "enum", "name": "{name}", "symbols": ["CARD", "INVOICE"]{extra}}}"#
            ),
        )
    };
    rows.extend([
        row(
            "rename enum",
            enumeration("PaymentMethod", ""),
            enumeration("PaymentKind", ""),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/fields/3/type/name")]),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/fields/3/type/name")]),
        ),
        row(
            "rename enum with alias",
            enumeration("PaymentMethod", ""),
            enumeration(
                "PaymentKind",
                r#", "aliases": ["com.acme.events.PaymentMethod"]"#,
            ),
            Ok,
            Fail(&[(NAME_MISMATCH, "/fields/3/type/fields/3/type/name")]),
        ),
        row(
            "rename fixed",
            fixed("Md5", 16, ""),
            fixed("Digest", 16, ""),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/fields/3/type/name")]),
            Fail(&[(NAME_MISMATCH, "/fields/3/type/fields/3/type/name")]),
        ),
        row(
            "rename fixed with alias",
            fixed("Md5", 16, ""),
            fixed("Digest", 16, r#", "aliases": ["com.acme.events.Md5"]"#),
            Ok,
            Fail(&[(NAME_MISMATCH, "/fields/3/type/fields/3/type/name")]),
        ),
        row(
            "namespace change only",
            payload(""),
            renamed(r#""name": "OrderPayload", "namespace": "com.acme.orders.v2""#),
            Ok,
            Ok,
        ),
        row(
            "namespace change only, whole schema",
            payload(""),
            payload("").replace("com.acme.events", "com.acme.orders"),
            Ok,
            Ok,
        ),
        row(
            "fixed size change",
            fixed("Md5", 16, ""),
            fixed("Md5", 32, ""),
            Fail(&[(FIXED_SIZE_MISMATCH, "/fields/3/type/fields/3/type/size")]),
            Fail(&[(FIXED_SIZE_MISMATCH, "/fields/3/type/fields/3/type/size")]),
        ),
    ]);
    let price = |t: &str| payload(&format!(r#"{{"name": "unit_price", "type": {t}}}"#));
    rows.extend([
        row(
            "doc changes",
            payload(""),
            payload("").replace(
                "Envelope of every order event.",
                "The envelope, v2 wording.",
            ),
            Ok,
            Ok,
        ),
        row(
            "field order changes",
            envelope(&[ORDER_ID, AMOUNT, CURRENCY].join(",")),
            envelope(&[CURRENCY, ORDER_ID, AMOUNT].join(",")),
            Ok,
            Ok,
        ),
        row(
            "default value changes",
            payload(""),
            payload("").replace(r#""default": "EUR""#, r#""default": "USD""#),
            Ok,
            Ok,
        ),
        row(
            "custom properties and order attribute",
            payload(""),
            envelope(
                &[
                    r#"{"name": "order_id", "type": "string", "x-pii": false, "order": "descending"}"#,
                    r#"{"name": "amount_cents", "type": {"type": "long", "connect.name": "cents"}}"#,
                    CURRENCY,
                ]
                .join(","),
            ),
            Ok,
            Ok,
        ),
        row(
            "logicalType added",
            price(r#""long""#),
            price(r#"{"type": "long", "logicalType": "timestamp-micros"}"#),
            Ok,
            Ok,
        ),
        row(
            "decimal precision change",
            price(r#"{"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}"#),
            price(r#"{"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 4}"#),
            Ok,
            Ok,
        ),
    ]);
    let tags = |t: &str| payload(&format!(r#"{{"name": "tags", "type": {t}}}"#));
    let line_items = |extra: &str| {
        payload(&format!(
            r#"{{"name": "lines", "type": {{"type": "array", "items": {{"type": "record",
                "name": "LineItem", "fields": [
                {{"name": "sku", "type": "string"}},
                {{"name": "quantity", "type": "int"}}{extra}]}}}}}}"#
        ))
    };
    rows.extend([
        row(
            "array items widen",
            tags(r#"{"type": "array", "items": "int"}"#),
            tags(r#"{"type": "array", "items": "long"}"#),
            Ok,
            Fail(&[(TYPE_MISMATCH, "/fields/3/type/fields/3/type/items")]),
        ),
        row(
            "map values narrow",
            tags(r#"{"type": "map", "values": "double"}"#),
            tags(r#"{"type": "map", "values": "float"}"#),
            Fail(&[(TYPE_MISMATCH, "/fields/3/type/fields/3/type/values")]),
            Ok,
        ),
        row(
            "array item record gains a field without default",
            line_items(""),
            line_items(r#", {"name": "discount_cents", "type": "long"}"#),
            Fail(&[(
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/3/type/fields/3/type/items/fields/2",
            )]),
            Ok,
        ),
        row(
            "array becomes map",
            tags(r#"{"type": "array", "items": "string"}"#),
            tags(r#"{"type": "map", "values": "string"}"#),
            Fail(&[(TYPE_MISMATCH, P3_TYPE)]),
            Fail(&[(TYPE_MISMATCH, P3_TYPE)]),
        ),
    ]);
    rows
}

#[test]
fn change_table_in_backward_forward_and_full() {
    let mut failures = Vec::new();
    let rows = table();
    for row in &rows {
        let old = old_schema(&row.old);
        let new = new_schema(&row.new);
        for (mode, expect) in [
            (Mode::Backward, &row.backward),
            (Mode::Forward, &row.forward),
        ] {
            let got = problems(mode, &old, &new);
            if got != expected(expect) {
                failures.push(format!(
                    "{} in {mode}: got {got:?}, want {expect:?}",
                    row.change
                ));
            }
        }
        let (full, full_problems) = problems(Mode::Full, &old, &new);
        let (_, mut want) = expected(&row.backward);
        want.extend(expected(&row.forward).1);
        if full != row.full || full_problems != want {
            failures.push(format!(
                "{} in FULL: got {full} {full_problems:?}, want {} {want:?}",
                row.change, row.full
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(rows.len() >= 45, "the table has {} rows", rows.len());
}

#[test]
fn every_incompatible_change_is_marked_incompatible_with_a_description() {
    for row in table() {
        let old = old_schema(&row.old);
        let new = new_schema(&row.new);
        for change in backward(&old, &new).into_iter().chain(backward(&new, &old)) {
            assert!(!change.compatible, "{}: {change:?}", row.change);
            assert!(change.path.starts_with('/'), "{}: {change:?}", row.change);
            assert!(
                change.description.contains(&change.path),
                "{}: {change:?}",
                row.change
            );
        }
    }
}

#[test]
fn descriptions_name_the_field_and_types() {
    let old = old_schema(&payload(r#"{"name": "quantity", "type": "long"}"#));
    let new = new_schema(&envelope(
        &[
            ORDER_ID,
            AMOUNT,
            CURRENCY,
            r#"{"name": "quantity", "type": "int"}"#,
            r#"{"name": "customer_email", "type": "string"}"#,
        ]
        .join(","),
    ));
    let changes = backward(&old, &new);
    let descriptions: Vec<&str> = changes.iter().map(|c| c.description.as_str()).collect();
    assert_eq!(
        descriptions,
        [
            "field 'quantity' at /fields/3/type/fields/3/type: the new schema's int cannot read \
             the old schema's long",
            "field 'customer_email' at /fields/3/type/fields/4 in the new schema has no default \
             value and is missing in the old schema",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Modes over several versions

#[test]
fn backward_transitive_fails_only_on_an_older_version() {
    let channel = r#"{"name": "channel", "type": "string"}"#;
    let gift = r#"{"name": "gift_wrap", "type": "boolean", "default": false}"#;
    let v1 = old_schema(&payload(""));
    let v2 = old_schema(&payload(channel));
    let v3 = old_schema(&envelope(
        &[ORDER_ID, AMOUNT, CURRENCY, channel, gift].join(","),
    ));
    let new = new_schema(&envelope(&[ORDER_ID, AMOUNT, channel, gift].join(",")));
    let previous = vec![
        ("v1".to_string(), v1),
        ("v2".to_string(), v2),
        ("v3".to_string(), v3),
    ];

    let latest = check(Mode::Backward, &new, &previous, false, backward);
    assert!(latest.compatible, "{latest:?}");
    assert_eq!(latest.checks.len(), 1);

    let all = check(Mode::BackwardTransitive, &new, &previous, false, backward);
    assert!(!all.compatible);
    let checked: Vec<(&str, bool)> = all
        .checks
        .iter()
        .map(|c| (c.version.as_str(), c.compatible))
        .collect();
    assert_eq!(checked, [("v3", true), ("v2", true), ("v1", false)]);
    let problems: Vec<(&str, &str, &str)> = all
        .problems()
        .map(|(v, c)| (v.version.as_str(), c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        problems,
        [(
            "v1",
            READER_FIELD_MISSING_DEFAULT_VALUE,
            "/fields/3/type/fields/2"
        )]
    );

    // The new schema drops `currency` (it had a default): old readers are fine, so FORWARD
    // passes against every version; FULL_TRANSITIVE fails on v1 through the backward direction.
    assert!(check(Mode::ForwardTransitive, &new, &previous, false, backward).compatible);
    let full = check(Mode::FullTransitive, &new, &previous, false, backward);
    assert!(!full.compatible);
    assert_eq!(full.checks.last().map(|c| c.version.as_str()), Some("v1"));
}

#[test]
fn transitive_check_stops_at_the_first_failing_version_unless_asked() {
    let v1 = old_schema(&payload(r#"{"name": "quantity", "type": "int"}"#));
    let v2 = old_schema(&payload(r#"{"name": "quantity", "type": "long"}"#));
    let new = new_schema(&payload(r#"{"name": "quantity", "type": "float"}"#));
    let previous = vec![("v1".to_string(), v1), ("v2".to_string(), v2)];
    // FORWARD: v2 cannot read float, nor can v1.
    let r = check(Mode::ForwardTransitive, &new, &previous, false, backward);
    assert_eq!(r.checks.len(), 1);
    let r = check(Mode::ForwardTransitive, &new, &previous, true, backward);
    assert_eq!(r.checks.len(), 2);
    assert_eq!(r.problems().count(), 2);
    // BACKWARD: float reads both int and long.
    assert!(check(Mode::BackwardTransitive, &new, &previous, true, backward).compatible);
}

// ---------------------------------------------------------------------------------------------
// Several problems, unions, enums, aliases

#[test]
fn all_problems_in_one_record_are_reported() {
    let old = old_schema(&envelope(
        &[
            ORDER_ID,
            AMOUNT,
            CURRENCY,
            r#"{"name": "status", "type": {"type": "enum", "name": "OrderStatus", "symbols": ["PLACED", "PAID", "SHIPPED"]}}"#,
            r#"{"name": "checksum", "type": {"type": "fixed", "name": "Md5", "size": 16}}"#,
            r#"{"name": "note", "type": ["null", "string", "long"], "default": null}"#,
        ]
        .join(","),
    ));
    let new = new_schema(&envelope_with(
        r#""name": "PurchasePayload""#,
        &[
            ORDER_ID,
            r#"{"name": "amount_cents", "type": "int"}"#,
            CURRENCY,
            r#"{"name": "status", "type": {"type": "enum", "name": "OrderStatus", "symbols": ["PLACED", "PAID"]}}"#,
            r#"{"name": "checksum", "type": {"type": "fixed", "name": "Md5", "size": 20}}"#,
            r#"{"name": "note", "type": ["null", "string"], "default": null}"#,
            r#"{"name": "customer_email", "type": "string"}"#,
        ]
        .join(","),
    ));
    let changes = backward(&old, &new);
    let got: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (NAME_MISMATCH, "/fields/3/type/name"),
            (TYPE_MISMATCH, "/fields/3/type/fields/1/type"),
            (MISSING_ENUM_SYMBOLS, "/fields/3/type/fields/3/type/symbols"),
            (FIXED_SIZE_MISMATCH, "/fields/3/type/fields/4/type/size"),
            (MISSING_UNION_BRANCH, "/fields/3/type/fields/5/type"),
            (
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/3/type/fields/6"
            ),
        ]
    );
    let text: Vec<&str> = changes.iter().map(|c| c.description.as_str()).collect();
    assert!(
        text[0].contains("'com.acme.events.PurchasePayload'"),
        "{}",
        text[0]
    );
    assert!(
        text[0].contains("'com.acme.events.OrderPayload'"),
        "{}",
        text[0]
    );
    assert!(text[1].contains("field 'amount_cents'"), "{}", text[1]);
    assert!(text[2].contains("SHIPPED"), "{}", text[2]);
    assert!(
        text[3].contains("size 20") && text[3].contains("16"),
        "{}",
        text[3]
    );
    assert!(text[4].contains("branch 2 (long)"), "{}", text[4]);
    assert!(text[5].contains("'customer_email'"), "{}", text[5]);
}

#[test]
fn missing_enum_symbols_are_listed_sorted() {
    let old = old_schema(
        r#"{"type": "enum", "name": "Tier", "symbols": ["GOLD", "SILVER", "BRONZE", "FREE"]}"#,
    );
    let new = new_schema(r#"{"type": "enum", "name": "Tier", "symbols": ["GOLD", "FREE"]}"#);
    let changes = backward(&old, &new);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].path, "/symbols");
    assert!(
        changes[0].description.contains("symbols BRONZE, SILVER"),
        "{}",
        changes[0].description
    );
}

#[test]
fn promotions_apply_inside_unions() {
    let old = old_schema(r#"["null", "int", "string"]"#);
    let new = new_schema(r#"["null", "long", "bytes"]"#);
    assert!(backward(&old, &new).is_empty());
    // A plain writer read by a reader union: some branch must read it.
    let old = old_schema(r#""int""#);
    assert!(backward(&old, &new_schema(r#"["null", "double"]"#)).is_empty());
    let changes = backward(&old, &new_schema(r#"["null", "string"]"#));
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].kind.as_str(), changes[0].path.as_str()),
        (MISSING_UNION_BRANCH, "/")
    );
    assert!(
        changes[0].description.contains("the old schema's int"),
        "{}",
        changes[0].description
    );
}

#[test]
fn writer_union_read_by_a_plain_type_reports_each_unreadable_branch() {
    let old = old_schema(r#"["null", "int", "string", "long"]"#);
    let new = new_schema(r#""long""#);
    let changes = backward(&old, &new);
    let got: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(got, [(TYPE_MISMATCH, "/"), (TYPE_MISMATCH, "/")]);
    assert!(changes[0].description.contains("old schema's null"));
    assert!(changes[1].description.contains("old schema's string"));
}

#[test]
fn union_of_records_matches_by_name() {
    let card = r#"{"type": "record", "name": "CardPayment", "fields": [{"name": "last4", "type": "string"}]}"#;
    let invoice = r#"{"type": "record", "name": "InvoicePayment", "fields": [{"name": "number", "type": "string"}]}"#;
    let wallet = r#"{"type": "record", "name": "WalletPayment", "fields": [{"name": "provider", "type": "string"}]}"#;
    let field =
        |branches: &str| payload(&format!(r#"{{"name": "payment", "type": [{branches}]}}"#));
    let old = old_schema(&field(&[card, invoice].join(",")));
    // Reordered and extended: fine backward; old readers lack WalletPayment.
    let new = new_schema(&field(&[invoice, wallet, card].join(",")));
    assert!(backward(&old, &new).is_empty());
    let forward = backward(&new, &old);
    assert_eq!(forward.len(), 1);
    assert_eq!(forward[0].kind, MISSING_UNION_BRANCH);
    assert_eq!(forward[0].path, "/fields/3/type/fields/3/type");
    assert!(
        forward[0]
            .description
            .contains("branch 1 (record 'com.acme.events.WalletPayment')"),
        "{}",
        forward[0].description
    );
}

#[test]
fn reader_field_aliases_count_but_writer_aliases_do_not() {
    let old = old_schema(
        r#"{"type": "record", "name": "Customer", "fields": [
        {"name": "mail", "type": "string", "aliases": ["email"]}]}"#,
    );
    let new = new_schema(
        r#"{"type": "record", "name": "Customer", "fields": [
        {"name": "email", "type": "string"}]}"#,
    );
    let changes = backward(&old, &new);
    assert_eq!(changes.len(), 1, "writer aliases are not used: {changes:?}");
    assert_eq!(changes[0].kind, READER_FIELD_MISSING_DEFAULT_VALUE);
    assert_eq!(changes[0].path, "/fields/0");
    // The old schema, as reader, maps `email` through its alias.
    assert!(backward(&new, &old).is_empty());
}

#[test]
fn record_aliases_are_full_names_in_the_types_namespace() {
    let old = old_schema(
        r#"{"type": "record", "name": "Shipment", "namespace": "com.acme.logistics",
        "fields": [{"name": "id", "type": "string"}]}"#,
    );
    let aliased = |alias: &str| {
        new_schema(&format!(
            r#"{{"type": "record", "name": "Delivery", "namespace": "com.acme.delivery",
            "aliases": ["{alias}"], "fields": [{{"name": "id", "type": "string"}}]}}"#
        ))
    };
    assert!(backward(&old, &aliased("com.acme.logistics.Shipment")).is_empty());
    let changes = backward(&old, &aliased("Shipment"));
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].kind.as_str(), changes[0].path.as_str()),
        (NAME_MISMATCH, "/name")
    );
}

#[test]
fn enum_field_missing_in_writer_is_a_type_mismatch_even_with_an_enum_default() {
    // Avro Java compares the reader enum with the writer record here, so Confluent reports a
    // TYPE_MISMATCH at the field's type rather than a missing default.
    let old = old_schema(&payload(""));
    let with_enum_default = payload(
        r#"{"name": "channel", "type": {"type": "enum", "name": "Channel",
            "symbols": ["UNKNOWN", "WEB", "STORE"], "default": "UNKNOWN"}}"#,
    );
    let changes = backward(&old, &new_schema(&with_enum_default));
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].kind.as_str(), changes[0].path.as_str()),
        (TYPE_MISMATCH, "/fields/3/type/fields/3/type")
    );
    assert!(
        changes[0].description.contains("field 'channel'"),
        "{}",
        changes[0].description
    );
    // A field default is what makes it compatible.
    let with_field_default = payload(
        r#"{"name": "channel", "type": {"type": "enum", "name": "Channel",
            "symbols": ["UNKNOWN", "WEB", "STORE"], "default": "UNKNOWN"}, "default": "UNKNOWN"}"#,
    );
    assert!(backward(&old, &new_schema(&with_field_default)).is_empty());
}

#[test]
fn different_kinds_of_named_types_mismatch() {
    let old = old_schema(r#"{"type": "enum", "name": "Code", "symbols": ["A"]}"#);
    let new = new_schema(r#"{"type": "fixed", "name": "Code", "size": 4}"#);
    let changes = backward(&old, &new);
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].kind.as_str(), changes[0].path.as_str()),
        (TYPE_MISMATCH, "/")
    );
    assert!(changes[0].description.contains("fixed 'Code'"));
    assert!(changes[0].description.contains("enum 'Code'"));
    assert!(changes[0].description.starts_with("the schema root"));
}

#[test]
fn primitive_type_objects_equal_names() {
    let old =
        old_schema(r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#);
    let new = new_schema(
        r#"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "int"}}]}"#,
    );
    assert!(backward(&old, &new).is_empty());
    assert!(backward(&new, &old).is_empty());
    assert!(
        backward(
            &old_schema(r#"{"type": "string"}"#),
            &new_schema(r#""string""#)
        )
        .is_empty()
    );
}

// ---------------------------------------------------------------------------------------------
// Recursion, inline definitions and references

const CATEGORY_TREE: &str = r#"{"type": "record", "name": "Category", "namespace": "com.acme.catalog",
  "fields": [
    {"name": "name", "type": "string"},
    {"name": "children", "type": {"type": "array", "items": "Category"}},
    {"name": "parent", "type": ["null", "Category"], "default": null}
  ]}"#;

#[test]
fn recursive_types_terminate() {
    let old = old_schema(CATEGORY_TREE);
    let new = new_schema(CATEGORY_TREE);
    assert!(backward(&old, &new).is_empty());
    for mode in [
        Mode::Backward,
        Mode::Forward,
        Mode::Full,
        Mode::FullTransitive,
    ] {
        assert!(problems(mode, &old, &new).0, "{mode}");
    }

    // A change inside the recursive type is reported once, where it is first met.
    let grown = new_schema(&CATEGORY_TREE.replace(
        r#"{"name": "name", "type": "string"},"#,
        r#"{"name": "name", "type": "string"}, {"name": "slug", "type": "string"},"#,
    ));
    let changes = backward(&old, &grown);
    let got: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(got, [(READER_FIELD_MISSING_DEFAULT_VALUE, "/fields/1")]);
    assert!(backward(&grown, &old).is_empty());
}

#[test]
fn mutually_recursive_types_terminate() {
    let schema = |extra: &str| {
        format!(
            r#"{{"type": "record", "name": "Employee", "namespace": "com.acme.hr", "fields": [
                {{"name": "name", "type": "string"}},
                {{"name": "team", "type": ["null", {{"type": "record", "name": "Team", "fields": [
                    {{"name": "lead", "type": "Employee"}},
                    {{"name": "members", "type": {{"type": "array", "items": "Employee"}}}}{extra}
                ]}}], "default": null}}
            ]}}"#
        )
    };
    let old = old_schema(&schema(""));
    assert!(backward(&old, &new_schema(&schema(""))).is_empty());
    let new = new_schema(&schema(r#", {"name": "budget", "type": "long"}"#));
    let (compatible, got) = problems(Mode::Full, &old, &new);
    assert!(!compatible);
    // The new Team record can't be read from the old one, so the union branch is missing.
    assert_eq!(got, owned(&[(MISSING_UNION_BRANCH, "/fields/1/type")]));
}

#[test]
fn shared_named_types_are_compared_once_per_pair() {
    // Each level uses the next twice (defined inline in `left`, referenced in `right`): 2^30
    // paths through 30 pairs of types.
    let deep = |leaf: &str| {
        let mut ty = format!(r#""{leaf}""#);
        for level in (0..30).rev() {
            ty = format!(
                r#"{{"type": "record", "name": "L{level}", "fields": [
                    {{"name": "left", "type": {ty}}}, {{"name": "right", "type": {next}}}]}}"#,
                next = if level == 29 {
                    format!(r#""{leaf}""#)
                } else {
                    format!(r#""L{}""#, level + 1)
                }
            );
        }
        ty
    };
    let old = old_schema(&deep("string"));
    let new = new_schema(&deep("string"));
    assert!(backward(&old, &new).is_empty());
    // Break the deepest level: reported under many paths, but capped.
    let changes = backward(&old, &new_schema(&deep("int")));
    assert_eq!(changes.len(), MAX_PROBLEMS);
    assert!(changes.iter().all(|c| c.kind == TYPE_MISMATCH));
    assert_eq!(
        changes[0].path,
        format!("{}/fields/0/type", "/fields/0/type".repeat(29))
    );
}

/// A customer with two addresses; the Address record is defined inline in `defined_in` and
/// referenced by name in the other field.
fn two_addresses(defined_in: &str, extra: &str) -> String {
    let address = format!(
        r#"{{"type": "record", "name": "Address", "fields": [
            {{"name": "street", "type": "string"}},
            {{"name": "city", "type": "string"}},
            {{"name": "postcode", "type": "string"}}{extra}]}}"#
    );
    let ty = |field: &str| {
        if field == defined_in {
            address.clone()
        } else {
            r#""Address""#.to_string()
        }
    };
    format!(
        r#"{{"type": "record", "name": "Customer", "namespace": "com.acme.crm", "fields": [
            {{"name": "id", "type": "string"}},
            {{"name": "billing", "type": {}}},
            {{"name": "shipping", "type": {}}}
        ]}}"#,
        ty("billing"),
        ty("shipping")
    )
}

#[test]
fn named_type_defined_inline_in_one_version_and_referenced_in_the_other() {
    // v1 defines Address in `billing`; v2 defines it in `shipping` and references it from
    // `billing` (a forward reference, which is resolved once the whole schema is read).
    let v1 = two_addresses("billing", "");
    let v2 = two_addresses("shipping", "");
    assert!(
        v1.contains(r#""name": "shipping", "type": "Address""#),
        "{v1}"
    );
    assert!(
        v2.contains(r#""name": "billing", "type": "Address""#),
        "{v2}"
    );
    let old = old_schema(&v1);
    let new = new_schema(&v2);
    for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
        assert_eq!(problems(mode, &old, &new), (true, Vec::new()), "{mode}");
    }
    // A required field added to Address shows under both fields that use it.
    let grown = new_schema(&two_addresses(
        "shipping",
        r#", {"name": "country", "type": "string"}"#,
    ));
    let got: Vec<(String, String)> = backward(&old, &grown)
        .into_iter()
        .map(|c| (c.kind, c.path))
        .collect();
    assert_eq!(
        got,
        owned(&[
            (
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/1/type/fields/3"
            ),
            (
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/2/type/fields/3"
            ),
        ])
    );
}

const MONEY: &str = r#"{"type": "record", "name": "Money", "namespace": "com.acme.common",
  "fields": [{"name": "units", "type": "long"}, {"name": "currency", "type": "string"}]}"#;

fn with_money_reference(text: &str, money: &str) -> Source {
    Source {
        name: "invoice-value.avsc".into(),
        text: text.into(),
        references: vec![Reference {
            name: "com.acme.common.Money".into(),
            text: money.into(),
        }],
    }
}

#[test]
fn references_supply_named_types() {
    let referencing = r#"{"type": "record", "name": "InvoiceIssued", "namespace": "com.acme.billing",
      "fields": [
        {"name": "invoice_id", "type": "string"},
        {"name": "total", "type": "com.acme.common.Money"},
        {"name": "tax", "type": {"type": "com.acme.common.Money"}}
      ]}"#;
    let new = parse(&with_money_reference(referencing, MONEY), true).unwrap();
    // The previous version defined Money inline.
    let inline = format!(
        r#"{{"type": "record", "name": "InvoiceIssued", "namespace": "com.acme.billing",
          "fields": [
            {{"name": "invoice_id", "type": "string"}},
            {{"name": "total", "type": {MONEY}}},
            {{"name": "tax", "type": "com.acme.common.Money"}}
          ]}}"#
    );
    let old = old_schema(&inline);
    for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
        assert_eq!(problems(mode, &old, &new), (true, Vec::new()), "{mode}");
    }
    // A new version of the referenced schema that old data can't fill.
    let money_v2 = MONEY.replace(
        r#"{"name": "currency", "type": "string"}"#,
        r#"{"name": "currency", "type": "string"}, {"name": "nanos", "type": "int"}"#,
    );
    let newer = parse(&with_money_reference(referencing, &money_v2), true).unwrap();
    let got: Vec<(String, String)> = backward(&old, &newer)
        .into_iter()
        .map(|c| (c.kind, c.path))
        .collect();
    assert_eq!(
        got,
        owned(&[
            (
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/1/type/fields/2"
            ),
            (
                READER_FIELD_MISSING_DEFAULT_VALUE,
                "/fields/2/type/fields/2"
            ),
        ])
    );
    // Without the reference the type is unknown.
    let e = parse_err(referencing, true);
    assert!(
        e.message.contains("unknown type 'com.acme.common.Money'"),
        "{e}"
    );
    assert!(e.message.contains("/fields/1/type"), "{e}");
}

#[test]
fn references_can_use_each_other_and_errors_name_the_reference() {
    let currency = r#"{"type": "enum", "name": "Currency", "namespace": "com.acme.common", "symbols": ["EUR", "USD"]}"#;
    let money = r#"{"type": "record", "name": "Money", "namespace": "com.acme.common",
      "fields": [{"name": "units", "type": "long"}, {"name": "currency", "type": "Currency"}]}"#;
    let main = r#"{"type": "record", "name": "Refund", "namespace": "com.acme.billing",
      "fields": [{"name": "amount", "type": "com.acme.common.Money"}]}"#;
    let source = |money_text: &str| Source {
        name: "refund.avsc".into(),
        text: main.into(),
        references: vec![
            Reference {
                name: "com.acme.common.Currency".into(),
                text: currency.into(),
            },
            Reference {
                name: "com.acme.common.Money".into(),
                text: money_text.into(),
            },
        ],
    };
    let schema = parse(&source(money), true).unwrap();
    assert!(backward(&schema, &schema).is_empty());

    let e = parse(&source("{\"type\": \"record\",\n  \"name\": }"), true).unwrap_err();
    assert_eq!(e.name, "com.acme.common.Money");
    assert_eq!((e.line, e.column), (Some(2), Some(11)));

    assert!(
        e.message
            .ends_with("(in a schema referenced by refund.avsc)"),
        "{e}"
    );

    let e = parse(&source(&money.replace("\"long\"", "\"Long\"")), true).unwrap_err();
    assert_eq!(e.name, "com.acme.common.Money");
    assert!(
        e.message
            .ends_with("(in a schema referenced by refund.avsc)"),
        "{e}"
    );
    assert!(e.message.contains("unknown type 'Long'"), "{e}");
    assert!(e.message.contains("/fields/0/type"), "{e}");
}

#[test]
fn namespaces_inherit_and_names_resolve() {
    // Nested types take the enclosing namespace; a short reference resolves in the enclosing
    // namespace first, then in the null namespace.
    let text = r#"[
      {"type": "enum", "name": "Region", "symbols": ["EU", "US"]},
      {"type": "record", "name": "com.acme.geo.Site", "fields": [
        {"name": "region", "type": "Region"},
        {"name": "zone", "type": {"type": "enum", "name": "Zone", "symbols": ["A", "B"]}},
        {"name": "backup_zone", "type": "com.acme.geo.Zone"},
        {"name": "other_zone", "type": "Zone"},
        {"name": "link", "type": {"type": "record", "name": "Link", "namespace": "com.acme.net",
           "fields": [{"name": "peer", "type": "com.acme.geo.Site"}, {"name": "self", "type": "Link"}]}}
      ]}
    ]"#;
    let schema = new_schema(text);
    let names = schema
        .named
        .iter()
        .map(|n| n.full.as_str())
        .collect::<Vec<_>>();
    assert_eq!(
        names,
        [
            "Region",
            "com.acme.geo.Site",
            "com.acme.geo.Zone",
            "com.acme.net.Link"
        ]
    );
    assert!(backward(&schema, &schema).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Parse errors

#[test]
fn invalid_json_has_line_and_column() {
    let text = "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [,]\n}";
    for strict in [true, false] {
        let e = parse_err(text, strict);
        assert_eq!((e.line, e.column), (Some(4), Some(14)), "{e}");
        assert!(e.message.starts_with("invalid JSON: "), "{e}");
        assert!(!e.message.contains("line 4"), "location only once: {e}");
        assert_eq!(e.name, "order-event.avsc");
        assert!(
            e.to_string()
                .starts_with("order-event.avsc:4:14: invalid JSON"),
            "{e}"
        );
    }
    let e = parse_err("", true);
    assert_eq!(e.line, Some(1));
}

#[test]
fn invalid_avro_says_what_and_where() {
    let cases: &[(&str, &[&str])] = &[
        (
            r#"{"type": "record", "name": "Order", "fields": [{"name": "a", "type": "Adress"}]}"#,
            &["unknown type 'Adress'", "/fields/0/type"],
        ),
        (
            r#"{"type": "record", "namespace": "x", "name": "Order", "fields": [{"name": "a", "type": "Adress"}]}"#,
            &["'x.Adress' or 'Adress'"],
        ),
        (
            r#"{"type": "record", "name": "Order"}"#,
            &["record 'Order' needs a \"fields\" array"],
        ),
        (
            r#"{"type": "record", "fields": []}"#,
            &["record has no \"name\""],
        ),
        (
            r#"{"type": "record", "name": "Order", "fields": [{"name": "a"}]}"#,
            &["field 'a'", "no \"type\"", "/fields/0"],
        ),
        (
            r#"{"type": "record", "name": "Order", "fields": [{"type": "int"}]}"#,
            &["no \"name\"", "/fields/0"],
        ),
        (
            r#"{"type": "record", "name": "Order", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "long"}]}"#,
            &["two fields named 'a'", "/fields/0", "/fields/1"],
        ),
        (r#"{"type": "array"}"#, &["array has no \"items\""]),
        (
            r#"{"type": "map", "values": {"type": "array"}}"#,
            &["no \"items\"", "/values"],
        ),
        (r#"{"type": "enum", "name": "E"}"#, &["no \"symbols\""]),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A", "A"]}"#,
            &["'A' appears twice", "/symbols/1"],
        ),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A", "B"], "default": "C"}"#,
            &["default \"C\" is not one of its symbols", "/default"],
        ),
        (r#"{"type": "fixed", "name": "F"}"#, &["no \"size\""]),
        (
            r#"{"type": "fixed", "name": "F", "size": -1}"#,
            &["non-negative integer", "/size"],
        ),
        (
            r#"["null", "string", "null"]"#,
            &["union has null twice", "branches 0 and 2"],
        ),
        (
            r#"["int", ["null", "long"]]"#,
            &["cannot directly contain another union", "/1"],
        ),
        (
            r#"[{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "enum", "name": "E", "symbols": ["B"]}]"#,
            &["'E' is defined twice", "/1"],
        ),
        (
            r#"[{"type": "fixed", "name": "H", "size": 2}, "H"]"#,
            &["union has H twice"],
        ),
        (
            r#"{"type": "decimal"}"#,
            &["unknown type 'decimal'", "/type"],
        ),
        (
            r#"{"type": {"type": "string"}}"#,
            &["must be a string", "found an object", "/type"],
        ),
        (r#"{"name": "x"}"#, &["no \"type\"", "top level"]),
        (r#"42"#, &["expected a schema", "found a number"]),
        (
            r#"{"type": "record", "name": "int", "fields": []}"#,
            &["primitive type 'int'"],
        ),
    ];
    for (text, needles) in cases {
        for strict in [true, false] {
            let e = parse_err(text, strict);
            assert_eq!((e.line, e.column), (None, None), "{e}");
            for needle in *needles {
                assert!(e.message.contains(needle), "{text}: {e:?} lacks {needle:?}");
            }
        }
    }
}

#[test]
fn strict_parsing_validates_names_and_lenient_does_not() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"type": "record", "name": "Order Event", "fields": []}"#,
            "invalid record name 'Order Event'",
        ),
        (
            r#"{"type": "record", "name": "Order", "namespace": "com.acme-corp", "fields": []}"#,
            "'acme-corp' is not a valid Avro name",
        ),
        (
            r#"{"type": "record", "name": "Order", "fields": [{"name": "order-id", "type": "string"}]}"#,
            "invalid field name 'order-id'",
        ),
        (
            r#"{"type": "enum", "name": "State", "symbols": ["OPEN", "in-progress"]}"#,
            "invalid enum symbol 'in-progress'",
        ),
        (
            r#"{"type": "fixed", "name": "1st", "size": 4}"#,
            "invalid fixed name '1st'",
        ),
    ];
    for (text, needle) in cases {
        let e = parse_err(text, true);
        assert!(e.message.contains(needle), "{text}: {e}");
        assert!(parse(&source(text), false).is_ok(), "lenient: {text}");
    }
}

#[test]
fn strict_parsing_validates_defaults_and_lenient_does_not() {
    // `Later` is defined after `x`, in the third field.
    let field = |ty: &str, default: &str| {
        format!(
            r#"{{"type": "record", "name": "Order", "fields": [
                {{"name": "id", "type": "string"}},
                {{"name": "x", "type": {ty}, "default": {default}}},
                {{"name": "later", "type": ["null", {{"type": "record", "name": "Later",
                    "fields": [{{"name": "n", "type": "int"}}]}}], "default": null}}]}}"#
        )
    };
    let bad = [
        (r#""string""#, "5", "not a valid string"),
        (r#""int""#, "3000000000", "not a valid int"),
        (r#""int""#, "1.5", "not a valid int"),
        (r#""long""#, r#""0""#, "not a valid long"),
        (r#""boolean""#, "0", "not a valid boolean"),
        (r#"["null", "string"]"#, "5", "not a valid union"),
        (
            r#"{"type": "array", "items": "int"}"#,
            r#"[1, "two"]"#,
            "not a valid array",
        ),
        (
            r#"{"type": "map", "values": "long"}"#,
            r#"{"a": true}"#,
            "not a valid map",
        ),
        (
            r#"{"type": "record", "name": "Inner", "fields": [{"name": "a", "type": "int"}]}"#,
            "{}",
            "not a valid record 'Inner'",
        ),
    ];
    for (ty, default, needle) in bad {
        let text = field(ty, default);
        let e = parse_err(&text, true);
        assert!(e.message.contains(needle), "{text}: {e}");
        assert!(e.message.contains("field 'x'"), "{e}");
        assert!(e.message.contains("/fields/1/default"), "{e}");
        assert!(parse(&source(&text), false).is_ok(), "lenient: {text}");
    }
    let good = [
        (r#""double""#, "1"),
        (r#""float""#, "0.5"),
        (r#""long""#, "-9000000000"),
        (r#""bytes""#, r#""\u00ff""#),
        (r#"["null", "string"]"#, "null"),
        // Since Avro 1.12 a union default may match any branch.
        (r#"["null", "string"]"#, r#""none""#),
        (
            r#"{"type": "enum", "name": "E", "symbols": ["A"]}"#,
            r#""A""#,
        ),
        (
            r#"{"type": "fixed", "name": "F", "size": 2}"#,
            r#""\u0000\u0001""#,
        ),
        (
            r#"{"type": "record", "name": "Inner", "fields": [{"name": "a", "type": "int"},
                {"name": "b", "type": "string", "default": "-"}]}"#,
            r#"{"a": 1}"#,
        ),
        ("\"Later\"", r#"{"n": 0}"#),
    ];
    for (ty, default) in good {
        let text = field(ty, default);
        if let Err(e) = parse(&source(&text), true) {
            panic!("{text}: {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Size

/// A 50-field event: a 10-field envelope whose payload and metadata records nest 40 more.
fn big_event(extra: &str) -> String {
    let leaf = |name: &str, n: usize| {
        let fields: Vec<String> = (0..n)
            .map(|i| {
                let ty = ["string", "long", "int", "double", "boolean"][i % 5];
                format!(r#"{{"name": "{name}_{i}", "type": "{ty}"}}"#)
            })
            .collect();
        format!(
            r#"{{"type": "record", "name": "{name}", "fields": [{}]}}"#,
            fields.join(",")
        )
    };
    let mut fields: Vec<String> = (0..8)
        .map(|i| format!(r#"{{"name": "top_{i}", "type": ["null", "string"], "default": null}}"#))
        .collect();
    fields.push(format!(
        r#"{{"name": "payload", "type": {{"type": "record", "name": "Payload", "fields": [
            {{"name": "items", "type": {{"type": "array", "items": {}}}}},
            {{"name": "attrs", "type": {{"type": "map", "values": {}}}}},
            {{"name": "line", "type": {}}}{extra}]}}}}"#,
        leaf("Item", 10),
        leaf("Attr", 10),
        leaf("Line", 10),
    ));
    fields.push(format!(
        r#"{{"name": "metadata", "type": {}}}"#,
        leaf("Meta", 7)
    ));
    format!(
        r#"{{"type": "record", "name": "BigEvent", "namespace": "com.acme.bench", "fields": [{}]}}"#,
        fields.join(",")
    )
}

#[test]
fn many_wide_nested_schemas_check_quickly() {
    let old_text = big_event("");
    let new_text = big_event(r#", {"name": "note", "type": ["null", "string"], "default": null}"#);
    let started = std::time::Instant::now();
    for _ in 0..200 {
        let old = old_schema(&old_text);
        let new = new_schema(&new_text);
        assert!(backward(&old, &new).is_empty());
        assert!(backward(&new, &old).is_empty());
    }
    // About 0.1 s unoptimised; the bound only catches a blow-up (the release benchmark runs
    // 1,000 pairs in well under a second).
    let elapsed = started.elapsed();
    assert!(elapsed.as_secs() < 10, "200 pairs took {elapsed:?}");
}
