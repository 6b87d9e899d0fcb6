use super::*;

const INSPECTION: &str = r#"{
  "type": "record", "name": "Inspection", "namespace": "com.example",
  "fields": [
    {"name": "id", "type": "long"},
    {"name": "note", "type": ["null", "string"], "default": null},
    {"name": "grade", "type": {"type": "enum", "name": "Grade", "symbols": ["PASS", "FAIL"]}},
    {"name": "site", "type": {"type": "record", "name": "Site", "fields": [
      {"name": "code", "type": "string"}, {"name": "floor", "type": "int"}]}},
    {"name": "cost", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
    {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
    {"name": "day", "type": {"type": "int", "logicalType": "date"}},
    {"name": "score", "type": "double"},
    {"name": "raw", "type": "bytes"},
    {"name": "ok", "type": "boolean"}
  ]}"#;

fn round_trip(c: &AvroCodec, json: &str, mode: AvroJson) -> String {
    let v: Json = serde_json::from_str(json).unwrap();
    let bytes = c.encode(&v).unwrap();
    let mut out = Vec::new();
    c.decode(&bytes, mode, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_field_kind_round_trips_as_plain_json() {
    let c = AvroCodec::new(INSPECTION, &[]).unwrap();
    assert_eq!(c.record_name().as_deref(), Some("com.example.Inspection"));
    let json = r#"{"id":7,"note":"dusty","grade":"FAIL","site":{"code":"B2","floor":-1},"cost":"1234.50","at":"2025-01-02T03:04:05.678Z","day":"2025-01-02","score":0.1,"raw":"AAH/","ok":true}"#;
    assert_eq!(round_trip(&c, json, AvroJson::Plain), json);
    // the same value in the Avro JSON encoding: the union wrapped, null bare
    let avro = round_trip(&c, json, AvroJson::Avro);
    assert!(avro.contains(r#""note":{"string":"dusty"}"#), "{avro}");
    assert_eq!(
        round_trip(&c, &avro, AvroJson::Plain),
        json,
        "both union forms are read"
    );
    let null = json.replace(r#""dusty""#, "null");
    assert!(round_trip(&c, &null, AvroJson::Avro).contains(r#""note":null"#));
}

#[test]
fn decimals_are_exact_and_checked() {
    assert_eq!(decimal_text(&[0x04, 0xd2], 2), "12.34");
    assert_eq!(decimal_text(&[0xff], 2), "-0.01");
    assert_eq!(decimal_text(&[0x00], 3), "0.000");
    assert_eq!(decimal_text(&[0x05], 0), "5");
    for (bytes, scale) in [
        (&[0x04, 0xd2][..], 2),
        (&[0xff], 2),
        (&[0x00], 3),
        (&[0x05], 0),
        (&[0x80; 17], 4),
    ] {
        let mut out = Vec::new();
        write_decimal(&mut out, bytes, scale);
        assert_eq!(
            out,
            format!("\"{}\"", decimal_text(bytes, scale)).into_bytes()
        );
    }
    assert_eq!(
        decimal_text(&[0x80; 17], 0).len(),
        42,
        "beyond i128: a big integer"
    );
    assert_eq!(decimal_value("12.3", 2).unwrap(), BigInt::from(1230));
    assert_eq!(decimal_value("-0.01", 2).unwrap(), BigInt::from(-1));
    assert!(
        decimal_value("1.234", 2).is_err(),
        "more places than the scale"
    );
    assert_eq!(decimal_value("1.230", 2).unwrap(), BigInt::from(123));
    assert!(decimal_value("1e3", 2).is_err());
    assert!(decimal_value("", 2).is_err());
}

#[test]
fn encoding_errors_name_the_field_path() {
    let c = AvroCodec::new(INSPECTION, &[]).unwrap();
    let base: Json = serde_json::from_str(r#"{"id":7,"grade":"PASS","site":{"code":"B2","floor":1},"cost":"1.00","at":0,"day":0,"score":1,"raw":"","ok":true}"#).unwrap();
    assert!(
        c.encode(&base).is_ok(),
        "the union's default fills the missing note"
    );
    let mut bad = base.clone();
    bad["site"]["floor"] = serde_json::json!("one");
    assert_eq!(
        c.encode(&bad).unwrap_err(),
        "$.site.floor: expected an integer, got a string"
    );
    let mut bad = base.clone();
    bad["grade"] = serde_json::json!("MAYBE");
    assert!(
        c.encode(&bad)
            .unwrap_err()
            .starts_with("$.grade: \"MAYBE\" is not a symbol")
    );
    let mut bad = base.clone();
    bad["extra"] = serde_json::json!(1);
    assert!(
        c.encode(&bad)
            .unwrap_err()
            .contains("unknown field \"extra\"")
    );
    let mut bad = base.clone();
    bad.as_object_mut().unwrap().remove("id");
    assert_eq!(
        c.encode(&bad).unwrap_err(),
        "$.id: missing (the field has no default)"
    );
    let mut bad = base;
    bad["cost"] = serde_json::json!("1.005");
    assert!(c.encode(&bad).unwrap_err().starts_with("$.cost: "));
}

#[test]
fn named_type_references_resolve() {
    let site = r#"{"type":"record","name":"Site","namespace":"com.example","fields":[{"name":"code","type":"string"}]}"#;
    let main = r#"{"type":"record","name":"Visit","namespace":"com.example","fields":[{"name":"site","type":"com.example.Site"},{"name":"next","type":["null","com.example.Site"]}]}"#;
    let c = AvroCodec::new(main, &[site.to_string()]).unwrap();
    let json = r#"{"site":{"code":"A"},"next":{"code":"B"}}"#;
    assert_eq!(round_trip(&c, json, AvroJson::Plain), json);
    let avro = round_trip(&c, json, AvroJson::Avro);
    assert_eq!(
        avro,
        r#"{"site":{"code":"A"},"next":{"com.example.Site":{"code":"B"}}}"#
    );
}

#[test]
fn hostile_bytes_are_errors_not_panics() {
    let c = AvroCodec::new(INSPECTION, &[]).unwrap();
    let mut out = Vec::new();
    // truncated, a huge string length, leftovers
    assert!(c.decode(&[0x0e], AvroJson::Plain, &mut out).is_err());
    assert!(
        c.decode(
            &[0x0e, 0x02, 0xfe, 0xff, 0xff, 0xff, 0x0f],
            AvroJson::Plain,
            &mut out
        )
        .is_err()
    );
    let s = AvroCodec::new(r#""string""#, &[]).unwrap();
    assert!(
        s.decode(&[0x02, b'a', b'b'], AvroJson::Plain, &mut out)
            .unwrap_err()
            .contains("left over")
    );
    for len in 0..64u8 {
        let junk: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
        let _ = c.decode(&junk, AvroJson::Avro, &mut Vec::new());
    }
}

#[test]
fn logical_times_and_special_floats() {
    let c = AvroCodec::new(
        r#"{"type":"record","name":"T","fields":[
        {"name":"us","type":{"type":"long","logicalType":"timestamp-micros"}},
        {"name":"local","type":{"type":"long","logicalType":"local-timestamp-millis"}},
        {"name":"tod","type":{"type":"int","logicalType":"time-millis"}},
        {"name":"f","type":"float"},
        {"name":"d","type":"double"},
        {"name":"u","type":{"type":"string","logicalType":"uuid"}},
        {"name":"m","type":{"type":"map","values":"int"}}]}"#,
        &[],
    )
    .unwrap();
    let json = r#"{"us":"1969-12-31T23:59:59.999999Z","local":"2025-06-01T12:00:00.250","tod":"13:14:15.016","f":0.1,"d":"NaN","u":"0e4b9a4c-6f0e-4c5e-9d4b-2a1f0c0d0e0f","m":{"a":1}}"#;
    assert_eq!(round_trip(&c, json, AvroJson::Plain), json);
}

#[test]
fn maps_and_arrays_in_blocks() {
    let c = AvroCodec::new(
        r#"{"type":"map","values":{"type":"array","items":"int"}}"#,
        &[],
    )
    .unwrap();
    // two map blocks (the second with a negative count and its byte size), arrays in one block
    let bytes = [
        0x02, 0x02, b'a', 0x04, 0x02, 0x04, 0x00, // {"a": [1, 2]}
        0x01, 0x06, 0x02, b'b', 0x00, 0x00, // block of -1 entries, 3 bytes: {"b": []}
    ];
    let mut out = Vec::new();
    c.decode(&bytes, AvroJson::Plain, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), r#"{"a":[1,2],"b":[]}"#);
    // a block claiming more items than bytes left, and one of zero-width items past the cap
    assert!(
        c.decode(
            &[0xfe, 0xff, 0xff, 0xff, 0x0f],
            AvroJson::Plain,
            &mut Vec::new()
        )
        .is_err()
    );
    let nulls = AvroCodec::new(r#"{"type":"array","items":"null"}"#, &[]).unwrap();
    let mut out = Vec::new();
    nulls
        .decode(&[0x06, 0x00], AvroJson::Plain, &mut out)
        .unwrap();
    assert_eq!(out, b"[null,null,null]");
    assert!(
        nulls
            .decode(&[0x80, 0x80, 0x10, 0x00], AvroJson::Plain, &mut Vec::new())
            .is_err()
    );
}

#[test]
fn recursive_types_and_the_depth_limit() {
    let c = AvroCodec::new(
        r#"{"type":"record","name":"Cell","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Cell"]}]}"#,
        &[],
    )
    .unwrap();
    let json = r#"{"v":1,"next":{"v":2,"next":null}}"#;
    assert_eq!(round_trip(&c, json, AvroJson::Plain), json);
    assert_eq!(
        round_trip(&c, json, AvroJson::Avro),
        r#"{"v":1,"next":{"Cell":{"v":2,"next":null}}}"#
    );
    // 300 cells deep: bytes of (v=0, branch 1) repeated, then the null branch
    let mut deep = [0u8, 2].repeat(300);
    deep.extend_from_slice(&[0, 0]);
    let e = c
        .decode(&deep, AvroJson::Plain, &mut Vec::new())
        .unwrap_err();
    assert!(e.contains("nested too deeply"), "{e}");
}

#[test]
fn plain_unions_take_the_branch_of_the_value_s_own_type() {
    let c = AvroCodec::new(
        r#"{"type":"record","name":"U","fields":[
            {"name":"n","type":["null","double","long"]},
            {"name":"f","type":["null","float","double"]},
            {"name":"s","type":["null","bytes","string"]},
            {"name":"e","type":[{"type":"enum","name":"E","symbols":["A"]},"string"]}]}"#,
        &[],
    )
    .unwrap();
    let json = r#"{"n":1152921504606846977,"f":0.1,"s":"abc","e":"A"}"#;
    assert_eq!(
        round_trip(&c, json, AvroJson::Plain),
        json,
        "no precision lost"
    );
    let avro = round_trip(&c, json, AvroJson::Avro);
    assert_eq!(
        avro,
        r#"{"n":{"long":1152921504606846977},"f":{"double":0.1},"s":{"string":"abc"},"e":{"string":"A"}}"#
    );
}

#[test]
fn bytes_and_fixed_defaults_are_iso_8859_1() {
    let c = AvroCodec::new(
        r#"{"type":"record","name":"D","fields":[
            {"name":"b","type":"bytes","default":"\u00ffA"},
            {"name":"x","type":{"type":"fixed","name":"F","size":2},"default":"ab"},
            {"name":"m","type":{"type":"bytes","logicalType":"decimal","precision":4,"scale":1},"default":"\u0001"}]}"#,
        &[],
    )
    .unwrap();
    assert_eq!(
        round_trip(&c, "{}", AvroJson::Plain),
        r#"{"b":"/0E=","x":"YWI=","m":"0.1"}"#
    );
}
