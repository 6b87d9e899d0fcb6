use super::*;
use crate::schema::{Mode, Reference, Report, check};

// ---------------------------------------------------------------------------------------------
// Fixtures: an event envelope whose payload message is what most rows change.

/// A proto3 event file: `Envelope` (id, type, occurred_at, source, payload, metadata), the
/// `Payload` message with `payload` as its body, `Metadata`, and `extra` top-level declarations.
fn events(payload: &str, extra: &str) -> String {
    events_in("acme.events.v1", payload, extra)
}

fn events_in(package: &str, payload: &str, extra: &str) -> String {
    format!(
        r#"syntax = "proto3";

package {package};

import "google/protobuf/timestamp.proto";

// One event on the bus.
message Envelope {{
  string id = 1;
  string type = 2;
  google.protobuf.Timestamp occurred_at = 3;
  string source = 4;
  Payload payload = 5;
  Metadata metadata = 6;
}}

message Payload {{
{payload}
}}

message Metadata {{
  string partition_key = 1;
  string tenant_id = 2;
}}
{extra}"#
    )
}

/// A proto2 file with one message, `Payload`.
fn proto2(payload: &str) -> String {
    format!("syntax = \"proto2\";\npackage acme.legacy;\n\nmessage Payload {{\n{payload}\n}}\n")
}

const BODY: &str = "  string order_id = 1;\n  int64 amount_cents = 2;\n  string currency = 3;";

/// `Money` and `Price`, declared in both versions of rows that use them.
const MONEY: &str = "message Money {\n  string currency_code = 1;\n  int64 units = 2;\n}\n\
                     message Price {\n  Money amount = 1;\n}\n";

fn src(name: &str, text: &str) -> Source {
    Source {
        name: name.to_string(),
        text: text.to_string(),
        references: Vec::new(),
    }
}

fn schema(text: &str) -> ProtoSchema {
    parse(&src("events.proto", text), true).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn run(mode: Mode, old: &ProtoSchema, new: &ProtoSchema) -> Report {
    check(mode, new, &[("v1".into(), old.clone())], false, backward)
}

// ---------------------------------------------------------------------------------------------
// The change table (doc §4.3), every row in BACKWARD, FORWARD and FULL.

/// What one direction should report.
#[derive(Debug, Clone, Copy)]
enum Exp {
    /// Compatible with no difference at all (a change Confluent does not report).
    Silent,
    /// Compatible, and these compatible (kind, path) differences are among those reported.
    Ok(&'static [(&'static str, &'static str)]),
    /// Incompatible, with this incompatible (kind, path) among the problems.
    Fail(&'static str, &'static str),
}

struct Row {
    name: &'static str,
    old: String,
    new: String,
    backward: Exp,
    forward: Exp,
    full: bool,
}

fn row(name: &'static str, old: String, new: String, backward: Exp, forward: Exp) -> Row {
    let full = !matches!(backward, Exp::Fail(..)) && !matches!(forward, Exp::Fail(..));
    Row {
        name,
        old,
        new,
        backward,
        forward,
        full,
    }
}

fn body(fields: &str) -> String {
    format!("{BODY}\n{fields}")
}

fn table() -> Vec<Row> {
    use Exp::*;
    let p = |fields: &str| events(&body(fields), "");
    let pm = |fields: &str| events(&body(fields), MONEY);
    let enum_status = "  enum Status {\n    STATUS_UNSPECIFIED = 0;\n    PAID = 1;\n  }\n";
    vec![
        // Add field (new tag)
        row(
            "add field",
            p(""),
            p("  string coupon = 4;"),
            Ok(&[("FIELD_ADDED", "#/Payload/4")]),
            Ok(&[("FIELD_REMOVED", "#/Payload/4")]),
        ),
        // Remove field (reserved or not)
        row(
            "remove field",
            p("  string coupon = 4;"),
            p(""),
            Ok(&[("FIELD_REMOVED", "#/Payload/4")]),
            Ok(&[("FIELD_ADDED", "#/Payload/4")]),
        ),
        row(
            "remove field, reserving its tag and name",
            p("  string coupon = 4;"),
            p("  reserved 4;\n  reserved \"coupon\";"),
            Ok(&[("FIELD_REMOVED", "#/Payload/4")]),
            Ok(&[("FIELD_ADDED", "#/Payload/4")]),
        ),
        // Rename field (same tag)
        row(
            "rename field",
            p("  string coupon = 4;"),
            p("  string coupon_code = 4;"),
            Ok(&[("FIELD_NAME_CHANGED", "#/Payload/4")]),
            Ok(&[("FIELD_NAME_CHANGED", "#/Payload/4")]),
        ),
        // Change field number
        row(
            "change field number",
            p("  string coupon = 4;"),
            p("  string coupon = 5;"),
            Ok(&[
                ("FIELD_REMOVED", "#/Payload/4"),
                ("FIELD_ADDED", "#/Payload/5"),
            ]),
            Ok(&[
                ("FIELD_ADDED", "#/Payload/4"),
                ("FIELD_REMOVED", "#/Payload/5"),
            ]),
        ),
        // Type change within a scalar group
        row(
            "int32 -> int64 (GENERAL_NUMBER)",
            p("  int32 quantity = 4;"),
            p("  int64 quantity = 4;"),
            Silent,
            Silent,
        ),
        row(
            "uint64 -> bool (GENERAL_NUMBER)",
            p("  uint64 gift = 4;"),
            p("  bool gift = 4;"),
            Silent,
            Silent,
        ),
        row(
            "int32 -> enum (GENERAL_NUMBER)",
            p(&format!("{enum_status}  int32 status = 4;")),
            p(&format!("{enum_status}  Status status = 4;")),
            Silent,
            Silent,
        ),
        row(
            "string -> bytes (STRING_OR_BYTES)",
            p("  string note = 4;"),
            p("  bytes note = 4;"),
            Silent,
            Silent,
        ),
        row(
            "sint32 -> sint64 (SIGNED_NUMBER)",
            p("  sint32 delta = 4;"),
            p("  sint64 delta = 4;"),
            Silent,
            Silent,
        ),
        row(
            "fixed32 -> sfixed32 (FIXED32)",
            p("  fixed32 crc = 4;"),
            p("  sfixed32 crc = 4;"),
            Silent,
            Silent,
        ),
        row(
            "fixed64 -> sfixed64 (FIXED64)",
            p("  fixed64 hash = 4;"),
            p("  sfixed64 hash = 4;"),
            Silent,
            Silent,
        ),
        // Type change across groups
        row(
            "int32 -> sint32",
            p("  int32 quantity = 4;"),
            p("  sint32 quantity = 4;"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
        ),
        row(
            "float -> double",
            p("  float weight = 4;"),
            p("  double weight = 4;"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
        ),
        row(
            "string -> int32",
            p(""),
            events(
                &BODY.replace("string currency = 3", "int32 currency = 3"),
                "",
            ),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/3"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/3"),
        ),
        row(
            "enum -> string",
            p(&format!("{enum_status}  Status status = 4;")),
            p(&format!("{enum_status}  string status = 4;")),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
        ),
        // scalar <-> message / map
        row(
            "scalar -> message",
            pm("  string price = 4;"),
            pm("  Money price = 4;"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
        ),
        row(
            "scalar -> map",
            p("  string labels = 4;"),
            p("  map<string, string> labels = 4;"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
        ),
        row(
            "message -> map",
            pm("  Money price = 4;"),
            pm("  map<string, int64> price = 4;"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
        ),
        row(
            "map value scalar -> message",
            pm("  map<string, int64> prices = 4;"),
            pm("  map<string, Money> prices = 4;"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_KIND_CHANGED", "#/Payload/4"),
        ),
        row(
            "map key type across groups",
            p("  map<string, int64> stock = 4;"),
            p("  map<int32, int64> stock = 4;"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
            Fail("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4"),
        ),
        // Field now refers to a differently named message type
        row(
            "message type renamed",
            pm("  Money price = 4;"),
            pm("  Price price = 4;"),
            Fail("FIELD_NAMED_TYPE_CHANGED", "#/Payload/4"),
            Fail("FIELD_NAMED_TYPE_CHANGED", "#/Payload/4"),
        ),
        row(
            "map value message type renamed",
            pm("  map<string, Money> prices = 4;"),
            pm("  map<string, Price> prices = 4;"),
            Fail("FIELD_NAMED_TYPE_CHANGED", "#/Payload/4"),
            Fail("FIELD_NAMED_TYPE_CHANGED", "#/Payload/4"),
        ),
        // optional int32 -> repeated int32
        row(
            "optional int32 -> repeated int32 (proto3)",
            p("  optional int32 quantity = 4;"),
            p("  repeated int32 quantity = 4;"),
            Fail("FIELD_NUMERIC_LABEL_CHANGED", "#/Payload/4"),
            Fail("FIELD_NUMERIC_LABEL_CHANGED", "#/Payload/4"),
        ),
        row(
            "optional int32 -> repeated int32 (proto2)",
            proto2("  optional int32 quantity = 4;"),
            proto2("  repeated int32 quantity = 4;"),
            Fail("FIELD_NUMERIC_LABEL_CHANGED", "#/Payload/4"),
            Fail("FIELD_NUMERIC_LABEL_CHANGED", "#/Payload/4"),
        ),
        row(
            "implicit proto3 int32 -> repeated int32: no label in the old source, not compared",
            p("  int32 quantity = 4;"),
            p("  repeated int32 quantity = 4;"),
            Silent,
            Silent,
        ),
        // singular <-> repeated for string/bytes or message fields
        row(
            "optional string -> repeated string",
            p("  optional string tag = 4;"),
            p("  repeated string tag = 4;"),
            Ok(&[("FIELD_STRING_OR_BYTES_LABEL_CHANGED", "#/Payload/4")]),
            Ok(&[("FIELD_STRING_OR_BYTES_LABEL_CHANGED", "#/Payload/4")]),
        ),
        row(
            "optional bytes -> repeated bytes (proto2)",
            proto2("  optional bytes blob = 4;"),
            proto2("  repeated bytes blob = 4;"),
            Ok(&[("FIELD_STRING_OR_BYTES_LABEL_CHANGED", "#/Payload/4")]),
            Ok(&[("FIELD_STRING_OR_BYTES_LABEL_CHANGED", "#/Payload/4")]),
        ),
        row(
            "message -> repeated message",
            pm("  Money price = 4;"),
            pm("  repeated Money price = 4;"),
            Silent,
            Silent,
        ),
        // Add or remove a proto2 required field
        row(
            "add required field",
            proto2("  optional string order_id = 1;"),
            proto2("  optional string order_id = 1;\n  required int64 amount_cents = 2;"),
            Fail("REQUIRED_FIELD_ADDED", "#/Payload/2"),
            Fail("REQUIRED_FIELD_REMOVED", "#/Payload/2"),
        ),
        row(
            "remove required field",
            proto2("  optional string order_id = 1;\n  required int64 amount_cents = 2;"),
            proto2("  optional string order_id = 1;"),
            Fail("REQUIRED_FIELD_REMOVED", "#/Payload/2"),
            Fail("REQUIRED_FIELD_ADDED", "#/Payload/2"),
        ),
        // Add a message type (even unused)
        row(
            "add message type",
            events(BODY, ""),
            events(BODY, "message Refund {\n  string order_id = 1;\n}\n"),
            Ok(&[("MESSAGE_ADDED", "#/Refund")]),
            Fail("MESSAGE_REMOVED", "#/Refund"),
        ),
        row(
            "add nested message type",
            events(BODY, ""),
            events(&body("  message LineItem {\n    string sku = 1;\n  }"), ""),
            Ok(&[("MESSAGE_ADDED", "#/Payload/LineItem")]),
            Fail("MESSAGE_REMOVED", "#/Payload/LineItem"),
        ),
        // Remove a message type
        row(
            "remove message type",
            events(BODY, "message Refund {\n  string order_id = 1;\n}\n"),
            events(BODY, ""),
            Fail("MESSAGE_REMOVED", "#/Refund"),
            Ok(&[("MESSAGE_ADDED", "#/Refund")]),
        ),
        // Reorder or move messages
        row(
            "reorder messages",
            events(BODY, "message Refund {}\nmessage Shipment {}\n"),
            events(BODY, "message Shipment {}\nmessage Refund {}\n"),
            Ok(&[
                ("MESSAGE_MOVED", "#/Refund"),
                ("MESSAGE_MOVED", "#/Shipment"),
            ]),
            Ok(&[
                ("MESSAGE_MOVED", "#/Refund"),
                ("MESSAGE_MOVED", "#/Shipment"),
            ]),
        ),
        row(
            "reorder nested messages",
            p("  message A {}\n  message B {}"),
            p("  message B {}\n  message A {}"),
            Ok(&[
                ("MESSAGE_MOVED", "#/Payload/A"),
                ("MESSAGE_MOVED", "#/Payload/B"),
            ]),
            Ok(&[
                ("MESSAGE_MOVED", "#/Payload/A"),
                ("MESSAGE_MOVED", "#/Payload/B"),
            ]),
        ),
        // Enums: add or remove a type or value; rename a value
        row(
            "add enum type",
            p(""),
            p(enum_status),
            Ok(&[("ENUM_ADDED", "#/Payload/Status")]),
            Ok(&[("ENUM_REMOVED", "#/Payload/Status")]),
        ),
        row(
            "add enum value",
            p(&format!("{enum_status}  Status status = 4;")),
            p(&format!(
                "{}  Status status = 4;",
                enum_status.replace("PAID = 1;", "PAID = 1;\n    REFUNDED = 2;")
            )),
            Ok(&[("ENUM_CONST_ADDED", "#/Payload/Status/2")]),
            Ok(&[("ENUM_CONST_REMOVED", "#/Payload/Status/2")]),
        ),
        row(
            "rename enum value",
            p(&format!("{enum_status}  Status status = 4;")),
            p(&format!(
                "{}  Status status = 4;",
                enum_status.replace("PAID", "SETTLED")
            )),
            Ok(&[("ENUM_CONST_CHANGED", "#/Payload/Status/1")]),
            Ok(&[("ENUM_CONST_CHANGED", "#/Payload/Status/1")]),
        ),
        // Change package
        row(
            "change package",
            events(BODY, ""),
            events_in("acme.events.v2", BODY, ""),
            Fail("PACKAGE_CHANGED", "#/"),
            Fail("PACKAGE_CHANGED", "#/"),
        ),
        // Add a new field to an existing oneof
        row(
            "add field to existing oneof",
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            p(
                "  oneof method {\n    string card_token = 10;\n    string iban = 11;\n    string wallet_id = 12;\n  }",
            ),
            Ok(&[
                ("ONEOF_FIELD_ADDED", "#/Payload/method/12"),
                ("FIELD_ADDED", "#/Payload/12"),
            ]),
            Fail("ONEOF_FIELD_REMOVED", "#/Payload/method/12"),
        ),
        // Remove a field from a oneof that survives
        row(
            "remove field from surviving oneof",
            p(
                "  oneof method {\n    string card_token = 10;\n    string iban = 11;\n    string wallet_id = 12;\n  }",
            ),
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            Fail("ONEOF_FIELD_REMOVED", "#/Payload/method/12"),
            Ok(&[("ONEOF_FIELD_ADDED", "#/Payload/method/12")]),
        ),
        // Delete a whole oneof together with its members
        row(
            "delete whole oneof with its members",
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            p(""),
            Ok(&[
                ("ONEOF_REMOVED", "#/Payload/method"),
                ("FIELD_REMOVED", "#/Payload/10"),
                ("FIELD_REMOVED", "#/Payload/11"),
            ]),
            Ok(&[("ONEOF_ADDED", "#/Payload/method")]),
        ),
        // Move one existing field into a new oneof
        row(
            "move one existing field into a new oneof",
            p("  string card_token = 10;"),
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            Ok(&[("ONEOF_ADDED", "#/Payload/method")]),
            Ok(&[("ONEOF_REMOVED", "#/Payload/method")]),
        ),
        // Move >= 2 existing fields into one oneof
        row(
            "move two existing fields into a new oneof",
            p("  string card_token = 10;\n  string iban = 11;"),
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            Fail("MULTIPLE_FIELDS_MOVED_TO_ONEOF", "#/Payload/method"),
            Ok(&[("ONEOF_REMOVED", "#/Payload/method")]),
        ),
        // Move a field into an existing oneof
        row(
            "move a field into an existing oneof",
            p("  string iban = 11;\n  oneof method {\n    string card_token = 10;\n  }"),
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            Fail("FIELD_MOVED_TO_EXISTING_ONEOF", "#/Payload/method/11"),
            Ok(&[("ONEOF_FIELD_MOVED_TO_TOP_LEVEL", "#/Payload/method/11")]),
        ),
        // Move a field out of a oneof to top level
        row(
            "move a field out of a oneof to the top level",
            p("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
            p("  string iban = 11;\n  oneof method {\n    string card_token = 10;\n  }"),
            Ok(&[("ONEOF_FIELD_MOVED_TO_TOP_LEVEL", "#/Payload/method/11")]),
            Fail("FIELD_MOVED_TO_EXISTING_ONEOF", "#/Payload/method/11"),
        ),
        // proto3 `optional` creates synthetic oneofs, which are not oneofs to Confluent
        row(
            "proto3 optional on two fields (synthetic oneofs)",
            p("  int32 quantity = 4;\n  int32 weight = 5;"),
            p("  optional int32 quantity = 4;\n  optional int32 weight = 5;"),
            Silent,
            Silent,
        ),
    ]
}

fn assert_direction(row: &str, dir: &str, report: &Report, exp: Exp) {
    let changes = &report.checks[0].changes;
    let context = || format!("{row} [{dir}]: {changes:#?}");
    match exp {
        Exp::Silent => {
            assert!(report.compatible, "{}", context());
            assert!(changes.is_empty(), "{}", context());
        }
        Exp::Ok(expected) => {
            assert!(report.compatible, "{}", context());
            for (kind, path) in expected {
                assert!(
                    changes
                        .iter()
                        .any(|c| c.kind == *kind && c.path == *path && c.compatible),
                    "missing {kind} at {path}: {}",
                    context()
                );
            }
        }
        Exp::Fail(kind, path) => {
            assert!(!report.compatible, "{}", context());
            assert!(
                report
                    .problems()
                    .any(|(_, c)| c.kind == kind && c.path == path),
                "missing problem {kind} at {path}: {}",
                context()
            );
        }
    }
}

#[test]
fn change_table_backward_forward_full() {
    let rows = table();
    assert!(rows.len() >= 40);
    for r in &rows {
        let (old, new) = (schema(&r.old), schema(&r.new));
        assert_direction(
            r.name,
            "BACKWARD",
            &run(Mode::Backward, &old, &new),
            r.backward,
        );
        assert_direction(
            r.name,
            "FORWARD",
            &run(Mode::Forward, &old, &new),
            r.forward,
        );
        let full = run(Mode::Full, &old, &new);
        assert_eq!(full.compatible, r.full, "{} [FULL]: {full:#?}", r.name);
        assert_eq!(full.checks.len(), 2);
        for exp in [r.backward, r.forward] {
            if let Exp::Fail(kind, path) = exp {
                assert!(
                    full.problems()
                        .any(|(_, c)| c.kind == kind && c.path == path),
                    "{} [FULL]: missing {kind} at {path}",
                    r.name
                );
            }
        }
    }
}

/// The doc's FULL column, row by row, for the rows that fail in exactly one direction.
#[test]
fn full_fails_when_one_direction_fails() {
    let one_way = [
        "add message type",
        "remove message type",
        "add field to existing oneof",
        "remove field from surviving oneof",
        "move two existing fields into a new oneof",
        "move a field into an existing oneof",
        "move a field out of a oneof to the top level",
    ];
    let rows = table();
    for name in one_way {
        let r = rows.iter().find(|r| r.name == name).unwrap();
        let (old, new) = (schema(&r.old), schema(&r.new));
        let backward_ok = run(Mode::Backward, &old, &new).compatible;
        let forward_ok = run(Mode::Forward, &old, &new).compatible;
        assert_ne!(backward_ok, forward_ok, "{name}");
        assert!(!run(Mode::Full, &old, &new).compatible, "{name}");
    }
}

#[test]
fn the_26_difference_types_and_their_compatibility() {
    let compatible = [
        "MESSAGE_ADDED",
        "MESSAGE_MOVED",
        "ENUM_ADDED",
        "ENUM_REMOVED",
        "ENUM_CONST_ADDED",
        "ENUM_CONST_CHANGED",
        "ENUM_CONST_REMOVED",
        "FIELD_ADDED",
        "FIELD_REMOVED",
        "FIELD_NAME_CHANGED",
        "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
        "ONEOF_ADDED",
        "ONEOF_REMOVED",
        "ONEOF_FIELD_ADDED",
        "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
    ];
    let incompatible = [
        "PACKAGE_CHANGED",
        "MESSAGE_REMOVED",
        "FIELD_KIND_CHANGED",
        "FIELD_SCALAR_KIND_CHANGED",
        "FIELD_NAMED_TYPE_CHANGED",
        "FIELD_NUMERIC_LABEL_CHANGED",
        "REQUIRED_FIELD_ADDED",
        "REQUIRED_FIELD_REMOVED",
        "ONEOF_FIELD_REMOVED",
        "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
        "FIELD_MOVED_TO_EXISTING_ONEOF",
    ];
    assert_eq!(compatible.len() + incompatible.len(), 26);
    assert!(compatible.iter().all(|k| diff::is_compatible(k)));
    assert!(!incompatible.iter().any(|k| diff::is_compatible(k)));

    // The table exercises every one of them, in one direction or the other.
    let mut seen = std::collections::BTreeSet::new();
    for r in table() {
        let (old, new) = (schema(&r.old), schema(&r.new));
        for c in backward(&old, &new).into_iter().chain(backward(&new, &old)) {
            assert_eq!(c.compatible, diff::is_compatible(&c.kind));
            seen.insert(c.kind);
        }
    }
    for k in compatible.iter().chain(&incompatible) {
        assert!(seen.contains(*k), "{k} never reported");
    }
    assert_eq!(seen.len(), 26, "{seen:?}");
}

// ---------------------------------------------------------------------------------------------
// Whole-diff behaviour.

#[test]
fn identical_schemas_have_no_differences() {
    let s = schema(&events(BODY, MONEY));
    assert!(backward(&s, &s).is_empty());
}

#[test]
fn every_difference_is_reported_with_a_description() {
    let old = schema(&events(
        &body("  int32 quantity = 4;\n  string note = 5;"),
        "",
    ));
    let new = schema(&events(
        &body("  sint32 quantity = 4;\n  string remark = 5;\n  string coupon = 6;"),
        "message Refund {}\n",
    ));
    let changes = backward(&old, &new);
    let got: Vec<(&str, &str, bool)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str(), c.compatible))
        .collect();
    assert_eq!(
        got,
        [
            ("FIELD_SCALAR_KIND_CHANGED", "#/Payload/4", false),
            ("FIELD_NAME_CHANGED", "#/Payload/5", true),
            ("FIELD_ADDED", "#/Payload/6", true),
            ("MESSAGE_ADDED", "#/Refund", true),
        ]
    );
    assert_eq!(
        changes[0].description,
        "field 'quantity' (4) changed type from int32 (GENERAL_NUMBER) to sint32 \
         (SIGNED_NUMBER), which are not wire-compatible"
    );
    assert_eq!(
        changes[1].description,
        "field 5 was renamed from 'note' to 'remark' (its JSON name changes)"
    );
    assert_eq!(
        changes[2].description,
        "field 'coupon' (6, string) was added"
    );
    assert_eq!(
        changes[3].description,
        "message type 'acme.events.v1.Refund' was added"
    );
}

#[test]
fn fields_are_matched_by_tag_across_oneofs() {
    // The field keeps its tag while moving between oneofs; its type change is still found.
    let old = schema(&events(
        &body(
            "  oneof a {\n    int32 x = 10;\n    string y = 11;\n  }\n  oneof b {\n    string z = 12;\n    string w = 13;\n  }",
        ),
        "",
    ));
    let new = schema(&events(
        &body(
            "  oneof a {\n    string y = 11;\n    string v = 14;\n  }\n  oneof b {\n    string z = 12;\n    string w = 13;\n    float x = 10;\n  }",
        ),
        "",
    ));
    let changes = backward(&old, &new);
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("FIELD_SCALAR_KIND_CHANGED", "#/Payload/10"),
            ("FIELD_ADDED", "#/Payload/14"),
            ("ONEOF_FIELD_REMOVED", "#/Payload/a/10"),
            ("ONEOF_FIELD_ADDED", "#/Payload/a/14"),
            ("FIELD_MOVED_TO_EXISTING_ONEOF", "#/Payload/b/10"),
        ]
    );
}

#[test]
fn renaming_a_oneof_is_compatible() {
    let old = schema(&events(
        &body("  oneof method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
        "",
    ));
    let new = schema(&events(
        &body("  oneof payment_method {\n    string card_token = 10;\n    string iban = 11;\n  }"),
        "",
    ));
    let r = run(Mode::Full, &old, &new);
    assert!(r.compatible, "{r:#?}");
    let kinds: Vec<&str> = r.checks[0]
        .changes
        .iter()
        .map(|c| c.kind.as_str())
        .collect();
    assert_eq!(kinds, ["ONEOF_REMOVED", "ONEOF_ADDED"]);
}

#[test]
fn removing_a_map_field_does_not_remove_a_message() {
    let old = schema(&events(&body("  map<string, string> tags = 10;"), ""));
    let new = schema(&events(BODY, ""));
    let changes = backward(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].kind, "FIELD_REMOVED");
    assert_eq!(changes[0].path, "#/Payload/10");
    assert_eq!(
        changes[0].description,
        "field 'tags' (10, map<string, string>) was removed"
    );
}

#[test]
fn message_moved_reports_index_changes_only() {
    // Inserting a message before others shifts their indexes (Confluent persists them).
    let old = schema(&events(BODY, "message Refund {}\n"));
    let new = schema(&events(BODY, "message Refund {}\n").replace(
        "message Envelope {",
        "message Header {}\n\nmessage Envelope {",
    ));
    let kinds: Vec<(String, String)> = backward(&old, &new)
        .into_iter()
        .map(|c| (c.kind, c.path))
        .collect();
    let moved: Vec<&str> = kinds
        .iter()
        .filter(|(k, _)| k == "MESSAGE_MOVED")
        .map(|(_, p)| p.as_str())
        .collect();
    assert_eq!(moved, ["#/Envelope", "#/Payload", "#/Metadata", "#/Refund"]);
    assert!(kinds.contains(&("MESSAGE_ADDED".into(), "#/Header".into())));
}

#[test]
fn nested_messages_have_nested_paths() {
    let v1 = r#"syntax = "proto3";
package acme.orders;

message OrderPlaced {
  string id = 1;
  message Line {
    string sku = 1;
    int32 quantity = 2;
    message Discount {
      string code = 1;
    }
    Discount discount = 3;
  }
  repeated Line lines = 2;
  message Refund {}
}
"#;
    let v2 = v1
        .replace("int32 quantity = 2;", "double quantity = 2;")
        .replace(
            "string code = 1;",
            "string code = 1;\n      int64 cents = 2;",
        )
        .replace("  message Refund {}\n", "");
    let changes = backward(&schema(v1), &schema(&v2));
    let got: Vec<(&str, &str, bool)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str(), c.compatible))
        .collect();
    assert_eq!(
        got,
        [
            ("FIELD_SCALAR_KIND_CHANGED", "#/OrderPlaced/Line/2", false),
            ("FIELD_ADDED", "#/OrderPlaced/Line/Discount/2", true),
            ("MESSAGE_REMOVED", "#/OrderPlaced/Refund", false),
        ]
    );
}

#[test]
fn recursive_messages_terminate() {
    let v1 = r#"syntax = "proto3";
package acme.catalog;

message Category {
  string name = 1;
  repeated Category children = 2;
  Product featured = 3;
}

message Product {
  string sku = 1;
  Category category = 2;
}
"#;
    let v2 = v1.replace("string sku = 1;", "bytes sku = 1;\n  int32 rank = 3;");
    let v3 = v1.replace("string sku = 1;", "int64 sku = 1;");
    let (a, b, c) = (schema(v1), schema(&v2), schema(&v3));
    let changes = backward(&a, &b);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(
        (changes[0].kind.as_str(), changes[0].path.as_str()),
        ("FIELD_ADDED", "#/Product/3")
    );
    let changes = backward(&a, &c);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(
        (changes[0].kind.as_str(), changes[0].path.as_str()),
        ("FIELD_SCALAR_KIND_CHANGED", "#/Product/1")
    );
}

#[test]
fn message_types_of_the_same_simple_name_are_compared() {
    // `Line` moves out of `Order`: the field's type keeps its simple name, so its contents are
    // compared; the nested declaration is gone, which Confluent reports as MESSAGE_REMOVED.
    let v1 = "syntax = \"proto3\";\npackage p;\nmessage Order {\n  message Line {\n    string sku = 1;\n  }\n  repeated Line lines = 1;\n}\n";
    let v2 = "syntax = \"proto3\";\npackage p;\nmessage Order {\n  repeated Line lines = 1;\n}\nmessage Line {\n  int32 sku = 1;\n}\n";
    let changes = backward(&schema(v1), &schema(v2));
    let got: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("FIELD_SCALAR_KIND_CHANGED", "#/Line/1"),
            ("MESSAGE_REMOVED", "#/Order/Line"),
            ("MESSAGE_ADDED", "#/Line"),
        ]
    );
}

#[test]
fn label_changes_to_required_follow_the_scalar_rule() {
    let old = schema(&proto2("  optional int32 a = 1;\n  optional string b = 2;"));
    let new = schema(&proto2("  required int32 a = 1;\n  required string b = 2;"));
    let got: Vec<(String, String, bool)> = backward(&old, &new)
        .into_iter()
        .map(|c| (c.kind, c.path, c.compatible))
        .collect();
    assert_eq!(
        got,
        [
            (
                "FIELD_NUMERIC_LABEL_CHANGED".into(),
                "#/Payload/1".into(),
                false
            ),
            (
                "FIELD_STRING_OR_BYTES_LABEL_CHANGED".into(),
                "#/Payload/2".into(),
                true
            ),
        ]
    );
}

#[test]
fn empty_package_paths() {
    let old = schema(
        "syntax = \"proto3\";\nmessage Ping {\n  int32 seq = 1;\n  message Inner { string x = 1; }\n  Inner inner = 2;\n}\n",
    );
    let new = schema(
        "syntax = \"proto3\";\nmessage Ping {\n  float seq = 1;\n  message Inner { int32 x = 1; }\n  Inner inner = 2;\n}\n",
    );
    let paths: Vec<String> = backward(&old, &new).into_iter().map(|c| c.path).collect();
    assert_eq!(paths, ["#/Ping/1", "#/Ping/Inner/1"]);
    assert_eq!(old.package(), "");
}

// ---------------------------------------------------------------------------------------------
// Transitive modes.

#[test]
fn transitive_checks_every_earlier_version() {
    // v1 had `note` as a string; v2 dropped it; v3 reuses tag 5 as an int64.
    let v1 = schema(&events(&body("  string note = 5;"), ""));
    let v2 = schema(&events(BODY, ""));
    let v3 = schema(&events(&body("  int64 note = 5;"), ""));
    let previous = vec![("v1".to_string(), v1), ("v2".to_string(), v2)];

    let r = check(Mode::Backward, &v3, &previous, false, backward);
    assert!(r.compatible, "only v2 is checked: FIELD_ADDED");

    let r = check(Mode::BackwardTransitive, &v3, &previous, false, backward);
    assert!(!r.compatible);
    let versions: Vec<&str> = r.checks.iter().map(|c| c.version.as_str()).collect();
    assert_eq!(versions, ["v2", "v1"]);
    let (failed, change) = r.problems().next().unwrap();
    assert_eq!(failed.version, "v1");
    assert_eq!(change.kind, "FIELD_SCALAR_KIND_CHANGED");
    assert_eq!(change.path, "#/Payload/5");

    let r = check(Mode::FullTransitive, &v3, &previous, false, backward);
    assert!(!r.compatible);
    assert_eq!(r.checks.len(), 4, "both directions against v2, then v1");
}

#[test]
fn forward_transitive_stops_at_the_first_failing_version() {
    // Each version adds a message type, which FORWARD reports as MESSAGE_REMOVED.
    let v1 = schema(&events(BODY, ""));
    let v2 = schema(&events(BODY, "message Refund {}\n"));
    let v3 = schema(&events(BODY, "message Refund {}\nmessage Shipment {}\n"));
    let previous = vec![("v1".to_string(), v1), ("v2".to_string(), v2)];

    let r = check(Mode::ForwardTransitive, &v3, &previous, false, backward);
    assert!(!r.compatible);
    assert_eq!(r.checks.len(), 1);
    assert_eq!(r.checks[0].version, "v2");
    let problems: Vec<&str> = r.problems().map(|(_, c)| c.path.as_str()).collect();
    assert_eq!(problems, ["#/Shipment"]);

    let r = check(Mode::ForwardTransitive, &v3, &previous, true, backward);
    let problems: Vec<(&str, &str)> = r
        .problems()
        .map(|(v, c)| (v.version.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            ("v2", "#/Shipment"),
            ("v1", "#/Refund"),
            ("v1", "#/Shipment")
        ]
    );

    let r = check(Mode::BackwardTransitive, &v3, &previous, false, backward);
    assert!(r.compatible);
}

// ---------------------------------------------------------------------------------------------
// Imports: well-known types, Confluent built-ins, references.

#[test]
fn well_known_type_imports() {
    let v1 = events(BODY, "");
    let s = schema(&v1);
    assert_eq!(s.package(), "acme.events.v1");
    let occurred_at = s
        .file()
        .parent_pool()
        .get_message_by_name("acme.events.v1.Envelope")
        .unwrap()
        .get_field_by_name("occurred_at")
        .unwrap();
    assert_eq!(
        occurred_at.kind().as_message().unwrap().full_name(),
        "google.protobuf.Timestamp"
    );

    // Timestamp -> Duration keeps the field a message but changes its type.
    let v2 = v1
        .replace(
            "import \"google/protobuf/timestamp.proto\";",
            "import \"google/protobuf/timestamp.proto\";\nimport \"google/protobuf/duration.proto\";",
        )
        .replace(
            "google.protobuf.Timestamp occurred_at = 3;",
            "google.protobuf.Duration occurred_at = 3;",
        );
    let r = run(Mode::Backward, &s, &schema(&v2));
    assert!(!r.compatible);
    let (_, c) = r.problems().next().unwrap();
    assert_eq!(
        (c.kind.as_str(), c.path.as_str()),
        ("FIELD_NAMED_TYPE_CHANGED", "#/Envelope/3")
    );
    assert_eq!(
        c.description,
        "field 'occurred_at' (3) changed message type from google.protobuf.Timestamp to \
         google.protobuf.Duration"
    );

    // Every well-known file resolves.
    let all = "syntax = \"proto3\";\nimport \"google/protobuf/any.proto\";\nimport \"google/protobuf/struct.proto\";\nimport \"google/protobuf/wrappers.proto\";\nimport \"google/protobuf/empty.proto\";\nimport \"google/protobuf/field_mask.proto\";\nimport \"google/protobuf/descriptor.proto\";\nmessage M {\n  google.protobuf.Any a = 1;\n  google.protobuf.Struct s = 2;\n  google.protobuf.StringValue w = 3;\n  google.protobuf.FieldMask f = 4;\n}\n";
    schema(all);
}

#[test]
fn confluent_builtin_imports() {
    let v1 = r#"syntax = "proto3";
package acme.billing;

import "confluent/meta.proto";
import "confluent/type/decimal.proto";
import "google/type/money.proto";
import "google/type/date.proto";

option (confluent.file_meta).doc = "Billing events";

message InvoiceIssued {
  option (confluent.message_meta).tags = "PII";
  string invoice_id = 1 [(confluent.field_meta).doc = "Invoice number"];
  confluent.type.Decimal tax_rate = 2 [(confluent.field_meta) = { params: [{ key: "precision", value: "5" }] }];
  google.type.Money total = 3;
  google.type.Date due = 4;
}
"#;
    let s = schema(v1);
    let m = s
        .file()
        .parent_pool()
        .get_message_by_name("acme.billing.InvoiceIssued")
        .unwrap();
    let tax = m.get_field_by_name("tax_rate").unwrap();
    assert_eq!(
        tax.kind().as_message().unwrap().full_name(),
        "confluent.type.Decimal"
    );

    // Changing a meta option is not a compatibility change; changing a built-in type is.
    let v2 = v1.replace("\"Invoice number\"", "\"The invoice number\"");
    assert!(backward(&s, &schema(&v2)).is_empty());
    let v3 = v1
        .replace(
            "import \"google/type/date.proto\";",
            "import \"google/type/date.proto\";\nimport \"google/type/datetime.proto\";",
        )
        .replace("google.type.Date due = 4;", "google.type.DateTime due = 4;");
    let changes = backward(&s, &schema(&v3));
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].kind, "FIELD_NAMED_TYPE_CHANGED");
    assert_eq!(changes[0].path, "#/InvoiceIssued/4");
}

#[test]
fn every_builtin_compiles() {
    let mut text = String::from("syntax = \"proto3\";\npackage all;\n");
    for (name, _) in builtin::FILES {
        text.push_str(&format!("import \"{name}\";\n"));
    }
    text.push_str(
        "message All {\n  google.type.PhoneNumber phone = 1;\n  google.type.DayOfWeek day = 2;\n  \
         google.type.Interval interval = 3;\n  google.type.Color color = 4;\n}\n",
    );
    let s = schema(&text);
    assert_eq!(s.file().dependencies().len(), builtin::FILES.len());
    assert_eq!(builtin::FILES.len(), 18);
    let pool = s.file().parent_pool();
    for name in [
        "confluent.Meta",
        "confluent.type.Decimal",
        "google.type.Date",
        "google.type.TimeOfDay",
        "google.type.Money",
        "google.type.LatLng",
        "google.type.Color",
        "google.type.PostalAddress",
        "google.type.PhoneNumber",
        "google.type.Interval",
        "google.type.Expr",
        "google.type.Fraction",
        "google.type.LocalizedText",
        "google.type.Quaternion",
        "google.type.DateTime",
        "google.type.TimeZone",
    ] {
        assert!(pool.get_message_by_name(name).is_some(), "{name}");
    }
    for name in [
        "google.type.DayOfWeek",
        "google.type.Month",
        "google.type.CalendarPeriod",
    ] {
        assert!(pool.get_enum_by_name(name).is_some(), "{name}");
    }
}

fn with_metadata_ref(main: &str, metadata: &str) -> Source {
    Source {
        name: "orders-value.proto".to_string(),
        text: main.to_string(),
        references: vec![Reference {
            name: "acme/common/metadata.proto".to_string(),
            text: metadata.to_string(),
        }],
    }
}

const REF_MAIN: &str = r#"syntax = "proto3";
package acme.orders.v1;

import "google/protobuf/timestamp.proto";
import "acme/common/metadata.proto";

message OrderPlaced {
  string id = 1;
  string type = 2;
  google.protobuf.Timestamp occurred_at = 3;
  string source = 4;
  acme.common.Metadata metadata = 5;
}
"#;

const REF_METADATA: &str = r#"syntax = "proto3";
package acme.common;

message Metadata {
  string partition_key = 1;
  string tenant_id = 2;
}
"#;

#[test]
fn references_resolve_and_their_types_are_compared() {
    let v1 = parse(&with_metadata_ref(REF_MAIN, REF_METADATA), true).unwrap();
    let v2 = parse(
        &with_metadata_ref(
            REF_MAIN,
            &REF_METADATA.replace("string tenant_id = 2;", "int64 tenant_id = 2;"),
        ),
        false,
    )
    .unwrap();
    let r = run(Mode::Backward, &v1, &v2);
    assert!(!r.compatible);
    let problems: Vec<(&str, &str)> = r
        .problems()
        .map(|(_, c)| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(
        problems,
        [("FIELD_SCALAR_KIND_CHANGED", "#/acme.common.Metadata/2")]
    );
    // The reference's own types are not the schema's: adding one is not MESSAGE_ADDED.
    let v3 = parse(
        &with_metadata_ref(REF_MAIN, &format!("{REF_METADATA}\nmessage Unused {{}}\n")),
        true,
    )
    .unwrap();
    assert!(backward(&v1, &v3).is_empty());
}

#[test]
fn a_reference_may_import_another_reference() {
    let mut source = with_metadata_ref(
        REF_MAIN,
        &REF_METADATA
            .replace(
                "package acme.common;",
                "package acme.common;\n\nimport \"acme/common/tenant.proto\";",
            )
            .replace("string tenant_id = 2;", "Tenant tenant = 2;"),
    );
    source.references.push(Reference {
        name: "acme/common/tenant.proto".into(),
        text: "syntax = \"proto3\";\npackage acme.common;\nmessage Tenant { string id = 1; }\n"
            .into(),
    });
    let s = parse(&source, true).unwrap();
    assert!(
        s.file()
            .parent_pool()
            .get_message_by_name("acme.common.Tenant")
            .is_some()
    );
}

// ---------------------------------------------------------------------------------------------
// Parse errors.

fn parse_err(source: &Source) -> ParseError {
    match parse(source, true) {
        Ok(_) => panic!("{} parsed", source.name),
        Err(e) => e,
    }
}

#[test]
fn syntax_error_has_line_and_column() {
    let text = "syntax = \"proto3\";\npackage acme;\n\nmessage Event {\n  string id = 1\n  string type = 2;\n}\n";
    let e = parse_err(&src("event.proto", text));
    assert_eq!(e.name, "event.proto");
    assert_eq!((e.line, e.column), (Some(6), Some(3)), "{e}");
    assert!(e.message.contains("expected"), "{e}");
    assert!(e.to_string().starts_with("event.proto:6:3: "), "{e}");
}

#[test]
fn undefined_type_has_line_and_column() {
    let text = "syntax = \"proto3\";\npackage acme;\n\nmessage Event {\n  string id = 1;\n  Unknown payload = 2;\n}\n";
    let e = parse_err(&src("event.proto", text));
    assert_eq!((e.line, e.column), (Some(6), Some(3)), "{e}");
    assert!(e.message.contains("Unknown"), "{e}");
}

#[test]
fn duplicate_field_number_has_line_and_column() {
    // Columns count characters, not bytes.
    let text = "syntax = \"proto3\";\n// Événement\nmessage Event {\n  string id = 1;\n  /* é */ string type = 1;\n}\n";
    let e = parse_err(&src("event.proto", text));
    assert_eq!(e.line, Some(5), "{e}");
    assert!(e.column.is_some(), "{e}");
    assert!(e.message.contains('1'), "{e}");
}

#[test]
fn missing_import_points_at_the_import() {
    let text =
        "syntax = \"proto3\";\n\nimport \"acme/common/metadata.proto\";\n\nmessage Event {}\n";
    let e = parse_err(&src("event.proto", text));
    assert_eq!((e.line, e.column), (Some(3), Some(1)), "{e}");
    assert!(e.message.contains("acme/common/metadata.proto"), "{e}");
}

#[test]
fn error_in_a_reference_is_located_in_the_reference() {
    let bad = REF_METADATA.replace("string tenant_id = 2;", "string tenant_id = ;");
    let e = parse_err(&with_metadata_ref(REF_MAIN, &bad));
    assert_eq!(e.name, "acme/common/metadata.proto");
    assert_eq!((e.line, e.column), (Some(6), Some(22)), "{e}");
    assert!(
        e.message.contains("imported by 'orders-value.proto'"),
        "{e}"
    );
}

#[test]
fn any_source_name_works() {
    // Names are labels (`subject v3`, absolute paths), not include paths.
    for name in ["orders-value v3", "/tmp/schemas/orders.proto", ""] {
        let s = parse(&src(name, &events(BODY, "")), true).unwrap();
        assert_eq!(s.package(), "acme.events.v1");
    }
    let e = parse_err(&src("orders-value v3", "message {"));
    assert_eq!(e.name, "orders-value v3");
    assert_eq!(e.line, Some(1));
}

#[test]
fn line_column_counts_characters() {
    assert_eq!(crate::diag::line_col("ab\ncd", 0), (1, 1));
    assert_eq!(crate::diag::line_col("ab\ncd", 3), (2, 1));
    assert_eq!(crate::diag::line_col("ab\ncd", 4), (2, 2));
    assert_eq!(crate::diag::line_col("é\néx", 5), (2, 2));
    assert_eq!(crate::diag::line_col("ab", 99), (1, 3));
}

/// Found by the `schema_protobuf` fuzz target: a serialized descriptor (as a registry returns
/// them) whose syntax reads `provo3` made prost-reflect index an empty list and panic. It is a
/// parse error now.
#[test]
fn a_descriptor_that_crashes_the_compiler_is_a_parse_error() {
    let text = "CgxvcmRlcnMucHJvdG8SB3Nob3AudjEiIgoFT3JkZXISCgoCaWQYASABKAkSDQoFdG90YWwYAiABKANiBnByb3ZvMw==";
    let e = parse(&src("old", text), false).err().unwrap();
    assert!(
        e.to_string()
            .contains("the Protobuf compiler failed on this input"),
        "{e}"
    );
    // the same descriptor with `proto3` parses
    let good = "CgxvcmRlcnMucHJvdG8SB3Nob3AudjEiIgoFT3JkZXISCgoCaWQYASABKAkSDQoFdG90YWwYAiABKANiBnByb3RvMw==";
    assert!(parse(&src("old", good), false).is_ok());
}
