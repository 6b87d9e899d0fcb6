//! JSON-lines codec micro-benchmark: encodes 100,000 records of ~100-byte values (text, binary and
//! headers mixed) and decodes them back. Run with
//! `cargo run --release --example record_json_bench`. Prints the times and exits non-zero when
//! encoding takes a second or more.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use bytes::Bytes;
use evctl::record::json::{JsonLinesWriter, decode};
use evctl::record::{Message, Record, TimestampType};

fn main() {
    const N: i64 = 100_000;
    let records: Vec<Record> = (0..N)
        .map(|i| Record { topic: "platform.user.events.v1".into(), at: evctl::record::Position::Offset { partition: (i % 12) as i32, offset: i }, timestamp_type: TimestampType::Create, msg: Message { timestamp: 1_735_689_600_000 + i, key: Some(Bytes::from(format!("user-{i}"))), value: Some(if i % 10 == 0 {
                Bytes::from((0..100).map(|b| (b * 7 + i) as u8).collect::<Vec<u8>>())
            } else {
                Bytes::from(format!(
                    "{{\"id\":{i},\"type\":\"user.created.v1\",\"name\":\"Zoë \\\"Q\\\"\",\"pad\":\"{}\"}}",
                    "x".repeat(40)
                ))
            }), headers: vec![("traceparent".into(), Some(Bytes::from_static(b"00-abc-def-01")))], ..Message::default() } })
        .collect();

    let t = Instant::now();
    let mut w = JsonLinesWriter::new(Vec::with_capacity(32 << 20));
    for r in &records {
        w.write(r).expect("writing to memory");
    }
    let out = w.into_inner().expect("writing to memory");
    let encode = t.elapsed();

    let t = Instant::now();
    let mut n = 0;
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        decode(line).expect("decodes what it encoded");
        n += 1;
    }
    let decode_time = t.elapsed();
    assert_eq!(n, N);

    println!(
        "record-json: {N} records, {} bytes: encode {:.1} ms, decode {:.1} ms",
        out.len(),
        encode.as_secs_f64() * 1e3,
        decode_time.as_secs_f64() * 1e3
    );
    if encode.as_secs() >= 1 {
        eprintln!("record-json-bench: encoding took a second or more");
        std::process::exit(1);
    }
}
