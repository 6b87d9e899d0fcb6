//! Schema check benchmark: 1,000 pairs of realistic schemas (50 fields, nested records) per format,
//! each parsed (old leniently, new strictly) and checked under FULL (both directions).
//! Run with `scripts/bench-schema.sh` (release mode). Prints one line per format and exits non-zero
//! when a format takes a second or more.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use evctl::schema::{self, Format, Mode, Policy, Source};

fn avro(i: usize, new: bool) -> String {
    let mut fields = vec![
        r#"{"name":"id","type":"string"}"#.to_string(),
        r#"{"name":"occurred_at","type":{"type":"long","logicalType":"timestamp-millis"}}"#.to_string(),
        r#"{"name":"metadata","type":{"type":"record","name":"Metadata","fields":[{"name":"partition_key","type":"string"},{"name":"tenant_id","type":"string"}]}}"#.to_string(),
    ];
    for f in 0..40 {
        let ty = match f % 5 {
            0 => r#""string""#.to_string(),
            1 => r#""long""#.to_string(),
            2 => r#"["null","double"]"#.to_string(),
            3 => {
                format!(r#"{{"type":"enum","name":"E{f}","symbols":["A","B","C"],"default":"A"}}"#)
            }
            _ => r#"{"type":"array","items":"int"}"#.to_string(),
        };
        let default = if f % 5 == 2 { r#","default":null"# } else { "" };
        fields.push(format!(r#"{{"name":"f{f}","type":{ty}{default}}}"#));
    }
    fields.push(format!(
        r#"{{"name":"payload","type":{{"type":"record","name":"Payload{i}","fields":[{}]}}}}"#,
        (0..6)
            .map(|k| format!(r#"{{"name":"p{k}","type":"string"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    ));
    if new {
        fields.push(r#"{"name":"added","type":["null","string"],"default":null}"#.to_string());
    }
    format!(
        r#"{{"type":"record","name":"Event","namespace":"bench.v1","fields":[{}]}}"#,
        fields.join(",")
    )
}

fn json(i: usize, new: bool) -> String {
    let mut props = vec![r#""id":{"type":"string"}"#.to_string()];
    for f in 0..45 {
        let p = match f % 4 {
            0 => r#"{"type":"string","maxLength":64}"#.to_string(),
            1 => r#"{"type":"integer","minimum":0}"#.to_string(),
            2 => r#"{"type":["string","null"]}"#.to_string(),
            _ => r#"{"type":"array","items":{"type":"number"}}"#.to_string(),
        };
        props.push(format!(r#""f{f}":{p}"#));
    }
    props.push(format!(
        r#""payload":{{"type":"object","properties":{{{}}},"additionalProperties":false}}"#,
        (0..6)
            .map(|k| format!(r#""p{k}_{i}":{{"type":"string"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    ));
    if new {
        props.push(r#""added":{"type":"string"}"#.to_string());
    }
    format!(
        r#"{{"type":"object","required":["id"],"properties":{{{}}},"additionalProperties":false}}"#,
        props.join(",")
    )
}

fn proto(i: usize, new: bool) -> String {
    let mut fields: Vec<String> = (0..45)
        .map(|f| {
            let ty = ["string", "int64", "double", "bool", "bytes"][f % 5];
            format!("  {ty} f{f} = {};", f + 1)
        })
        .collect();
    fields.push("  Payload payload = 46;".into());
    fields.push("  Metadata metadata = 47;".into());
    if new {
        fields.push("  string added = 48;".into());
    }
    format!(
        "syntax = \"proto3\";\npackage bench.v{i};\nmessage Event {{\n{}\n}}\nmessage Payload {{\n{}\n}}\nmessage Metadata {{\n  string partition_key = 1;\n  string tenant_id = 2;\n}}\n",
        fields.join("\n"),
        (0..6)
            .map(|k| format!("  string p{k} = {};", k + 1))
            .collect::<Vec<_>>()
            .join("\n")
    )
}

fn main() {
    const PAIRS: usize = 1000;
    let mut slow = false;
    for (format, generate) in [
        (Format::Avro, avro as fn(usize, bool) -> String),
        (Format::Json, json),
        (Format::Protobuf, proto),
    ] {
        let pairs: Vec<(Source, Source)> = (0..PAIRS)
            .map(|i| {
                let s = |new| Source {
                    name: format!("{i}"),
                    text: generate(i, new),
                    references: vec![],
                };
                (s(false), s(true))
            })
            .collect();
        let start = Instant::now();
        let mut problems = 0;
        for (old, new) in &pairs {
            let old = schema::parse(format, old, false).expect("old parses");
            let new = schema::parse(format, new, true).expect("new parses");
            let r = schema::check(Mode::Full, &new, &[("v1".into(), old)], false, |o, n| {
                schema::backward(o, n, Policy::Strict)
            });
            problems += r.problems().count();
        }
        let took = start.elapsed();
        slow |= took.as_secs_f64() >= 1.0;
        println!(
            "schema-bench {format:?}: {PAIRS} pairs (50 fields, nested) parsed and checked FULL in {:.0} ms ({:.0} pairs/s, {problems} problems found)",
            took.as_secs_f64() * 1000.0,
            PAIRS as f64 / took.as_secs_f64()
        );
    }
    if slow {
        eprintln!("schema-bench: a format took a second or more");
        std::process::exit(1);
    }
}
