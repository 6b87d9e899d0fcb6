//! Hostile brokers (issue #20): a peer on loopback that speaks just enough Kafka to bring `cluster`
//! and `tail` to the request it attacks, then answers with a 2 GiB length prefix, a negative
//! length, a truncated frame, a stranger's correlation id, a batch whose records overrun it, a
//! zstd bomb or an endless varint. Each command fails within a second with a clear message and
//! exit 1, peak memory under 64 MiB, and no panic.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{BufMut, Bytes, BytesMut};
use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::fetch_response::{FetchableTopicResponse, PartitionData};
use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::{
    ApiKey, ApiVersionsResponse, BrokerId, FetchResponse, ListOffsetsRequest, ListOffsetsResponse,
    MetadataResponse, RequestHeader, ResponseHeader, TopicName,
};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes, decode_request_header_from_buffer};

use crate::support::Evctl;

/// What the attacker does with one request: answer with these raw bytes (length prefix
/// included), or answer it honestly.
type Attack = Arc<dyn Fn(ApiKey, &RequestHeader) -> Option<Vec<u8>> + Send + Sync>;

/// A broker on a loopback port. After writing an attack it keeps the connection open (a peer that
/// stalls is the worst case: nothing but evctl's own checks ends the command), unless the attack
/// is a truncated frame, which it closes.
fn start(attack: Attack, close_after_attack: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(sock) = sock else { return };
            let attack = attack.clone();
            std::thread::spawn(move || serve(sock, addr.port(), attack, close_after_attack));
        }
    });
    addr.to_string()
}

fn serve(mut sock: TcpStream, port: u16, attack: Attack, close_after_attack: bool) {
    loop {
        let mut len = [0u8; 4];
        if sock.read_exact(&mut len).is_err() {
            return;
        }
        let mut buf = vec![0u8; i32::from_be_bytes(len).max(0) as usize];
        if sock.read_exact(&mut buf).is_err() {
            return;
        }
        let mut body = Bytes::from(buf);
        let Ok(header) = decode_request_header_from_buffer(&mut body) else {
            return;
        };
        let Ok(key) = ApiKey::try_from(header.request_api_key) else {
            return;
        };
        if let Some(raw) = attack(key, &header) {
            let _ = sock.write_all(&raw);
            let _ = sock.flush();
            if close_after_attack {
                return;
            }
            // stall: hold the connection open until evctl gives up
            std::thread::sleep(Duration::from_secs(20));
            return;
        }
        let v = header.request_api_version;
        let out = match key {
            ApiKey::ApiVersions => encode(&versions(), v),
            ApiKey::Metadata => encode(&metadata(port), v),
            ApiKey::ListOffsets => encode(&list_offsets(body, v), v),
            _ => return,
        };
        let _ = sock.write_all(&frame(&header, key, &out));
    }
}

fn encode<R: Encodable>(r: &R, v: i16) -> Vec<u8> {
    let mut b = BytesMut::new();
    r.encode(&mut b, v).unwrap();
    b.to_vec()
}

/// A whole response frame: length, response header at the request's header version, body.
fn frame(req: &RequestHeader, key: ApiKey, body: &[u8]) -> Vec<u8> {
    let mut out = BytesMut::new();
    ResponseHeader::default()
        .with_correlation_id(req.correlation_id)
        .encode(
            &mut out,
            key.response_header_version(req.request_api_version),
        )
        .unwrap();
    out.extend_from_slice(body);
    let mut framed = (out.len() as i32).to_be_bytes().to_vec();
    framed.extend_from_slice(&out);
    framed
}

fn versions() -> ApiVersionsResponse {
    let keys = [
        (ApiKey::ApiVersions, 0, 3),
        (ApiKey::Metadata, 0, 12),
        (ApiKey::ListOffsets, 0, 8),
        (ApiKey::Fetch, 4, 12),
    ]
    .into_iter()
    .map(|(k, min, max)| {
        ApiVersion::default()
            .with_api_key(k as i16)
            .with_min_version(min)
            .with_max_version(max)
    })
    .collect();
    ApiVersionsResponse::default().with_api_keys(keys)
}

fn topic_name(s: &str) -> TopicName {
    TopicName(StrBytes::from_string(s.to_string()))
}

fn metadata(port: u16) -> MetadataResponse {
    MetadataResponse::default()
        .with_cluster_id(Some(StrBytes::from_static_str("hostile")))
        .with_controller_id(BrokerId(0))
        .with_brokers(vec![
            MetadataResponseBroker::default()
                .with_node_id(BrokerId(0))
                .with_host(StrBytes::from_static_str("127.0.0.1"))
                .with_port(i32::from(port)),
        ])
        .with_topics(vec![
            MetadataResponseTopic::default()
                .with_name(Some(topic_name("t")))
                .with_partitions(vec![
                    MetadataResponsePartition::default()
                        .with_partition_index(0)
                        .with_leader_id(BrokerId(0))
                        .with_replica_nodes(vec![BrokerId(0)])
                        .with_isr_nodes(vec![BrokerId(0)]),
                ]),
        ])
}

/// Earliest 0, latest 3: `tail -e` has three records to read, so it fetches.
fn list_offsets(mut body: Bytes, v: i16) -> ListOffsetsResponse {
    let req = ListOffsetsRequest::decode(&mut body, v).unwrap();
    let topics = req
        .topics
        .iter()
        .map(|t| {
            ListOffsetsTopicResponse::default()
                .with_name(t.name.clone())
                .with_partitions(
                    t.partitions
                        .iter()
                        .map(|p| {
                            ListOffsetsPartitionResponse::default()
                                .with_partition_index(p.partition_index)
                                .with_timestamp(-1)
                                .with_offset(if p.timestamp == -2 { 0 } else { 3 })
                        })
                        .collect(),
                )
        })
        .collect();
    ListOffsetsResponse::default().with_topics(topics)
}

/// A Fetch response for partition 0 of `t` holding `records`.
fn fetch_with(req: &RequestHeader, records: Bytes) -> Vec<u8> {
    let resp = FetchResponse::default().with_responses(vec![
        FetchableTopicResponse::default()
            .with_topic(topic_name("t"))
            .with_partitions(vec![
                PartitionData::default()
                    .with_partition_index(0)
                    .with_high_watermark(3)
                    .with_last_stable_offset(3)
                    .with_records(Some(records)),
            ]),
    ]);
    frame(req, ApiKey::Fetch, &encode(&resp, req.request_api_version))
}

/// A v2 record batch of `count` records at base offset 0 around `records` (already compressed
/// with `codec`), its CRC right so the decoder gets to the records.
fn batch(codec: i16, count: i32, records: &[u8]) -> Bytes {
    let mut b = BytesMut::new();
    b.put_i64(0); // base offset
    b.put_i32((49 + records.len()) as i32); // batch length: from the leader epoch on
    b.put_i32(0); // partition leader epoch
    b.put_i8(2); // magic
    let crc_at = b.len();
    b.put_u32(0);
    b.put_i16(codec); // attributes
    b.put_i32(count - 1); // last offset delta
    b.put_i64(1_700_000_000_000); // base timestamp
    b.put_i64(1_700_000_000_000); // max timestamp
    b.put_i64(-1); // producer id
    b.put_i16(-1); // producer epoch
    b.put_i32(-1); // base sequence
    b.put_i32(count);
    b.put_slice(records);
    let crc = crc32c::crc32c(&b[crc_at + 4..]);
    b[crc_at..crc_at + 4].copy_from_slice(&crc.to_be_bytes());
    b.freeze()
}

/// One record: length, attributes, timestamp delta, offset delta, key, value, no headers.
fn record(offset_delta: u8, value: &[u8]) -> Vec<u8> {
    let mut body = vec![0u8, 0, offset_delta * 2, 1]; // attrs, ts delta 0, offset delta, null key
    body.push((value.len() * 2) as u8);
    body.extend_from_slice(value);
    body.push(0); // no headers
    let mut r = vec![(body.len() * 2) as u8];
    r.extend_from_slice(&body);
    r
}

struct Outcome {
    code: i32,
    stderr: String,
    took: Duration,
    peak_kib: u64,
}

/// Runs `evctl ARGS` against the hostile broker, measuring its peak memory.
fn run(addr: &str, args: &[&str]) -> Outcome {
    let start = Instant::now();
    let r = Evctl::measured()
        .args(["-b", addr, "--timeout", "10s"])
        .args(args)
        .run_within(Duration::from_secs(15));
    Outcome {
        code: r.code,
        stderr: r.stderr,
        took: start.elapsed(),
        peak_kib: r.peak_kib,
    }
}

/// Exit 1 within a second, the broker and `expect` named, under 64 MiB, no panic.
fn refused(o: &Outcome, addr: &str, expect: &str) {
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.took < Duration::from_secs(1),
        "took {:?}: {}",
        o.took,
        o.stderr
    );
    assert!(
        o.stderr.contains(expect),
        "wanted {expect:?} in:\n{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(addr) || o.stderr.contains("t/0"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
    assert!(
        o.peak_kib < 64 * 1024,
        "peak {} KiB: {}",
        o.peak_kib,
        o.stderr
    );
}

fn on(api: ApiKey, f: impl Fn(&RequestHeader) -> Vec<u8> + Send + Sync + 'static) -> Attack {
    Arc::new(move |k, h| (k == api).then(|| f(h)))
}

#[test]
fn a_2gib_length_prefix_is_refused_at_once() {
    // on a streamed Fetch, where no whole-frame buffer would have stopped it
    let addr = start(
        on(ApiKey::Fetch, |h| {
            let mut f = 0x7fff_ffffi32.to_be_bytes().to_vec();
            f.extend_from_slice(&h.correlation_id.to_be_bytes());
            f.extend_from_slice(&[0u8; 1024]);
            f
        }),
        false,
    );
    let o = run(&addr, &["tail", "t", "--from", "start", "-e"]);
    refused(
        &o,
        &addr,
        "a response frame of 2147483647 bytes, above the 256 MiB limit",
    );
    // a smaller global cap applies to every request, and says how to raise it
    let o = Evctl::new()
        .args(["-b", &addr, "cluster"])
        .env("EVCTL_MAX_RESPONSE", "1KiB")
        .run_within(Duration::from_secs(15))
        .expect_code(2);
    assert!(
        o.stderr
            .contains("EVCTL_MAX_RESPONSE=1KiB: the cap on a response must be at least 1MiB"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_negative_length_is_refused() {
    let addr = start(
        on(ApiKey::Metadata, |h| {
            let mut f = (-7i32).to_be_bytes().to_vec();
            f.extend_from_slice(&h.correlation_id.to_be_bytes());
            f
        }),
        false,
    );
    let o = run(&addr, &["cluster"]);
    refused(&o, &addr, "a frame of length -7, which is not Kafka");
    assert!(!o.stderr.contains("--tls"), "{}", o.stderr);
}

#[test]
fn a_truncated_frame_is_named_as_cut_short() {
    let addr = start(
        on(ApiKey::Metadata, |h| {
            let mut f = 1000i32.to_be_bytes().to_vec();
            f.extend_from_slice(&h.correlation_id.to_be_bytes());
            f.extend_from_slice(&[0u8; 100]);
            f
        }),
        true,
    );
    let o = run(&addr, &["cluster"]);
    refused(
        &o,
        &addr,
        "inside a response frame of 1000 bytes (the frame was cut short)",
    );
}

#[test]
fn a_strangers_correlation_id_is_refused_when_its_header_arrives() {
    // a 1 MiB frame answering an id evctl never sent; only its header is ever written
    let addr = start(
        on(ApiKey::Metadata, |h| {
            let mut f = (1024 * 1024i32).to_be_bytes().to_vec();
            f.extend_from_slice(&(h.correlation_id + 1000).to_be_bytes());
            f
        }),
        false,
    );
    let o = run(&addr, &["cluster"]);
    refused(
        &o,
        &addr,
        "answered correlation id 1002 (1048576 bytes), which matches no request in flight",
    );
}

#[test]
fn a_batch_whose_records_overrun_it_is_malformed() {
    // five records announced, one present
    let addr = start(
        on(ApiKey::Fetch, |h| {
            fetch_with(h, batch(0, 5, &record(0, b"only")))
        }),
        false,
    );
    let o = run(&addr, &["tail", "t", "--from", "start", "-e"]);
    refused(
        &o,
        &addr,
        "record batch at offset 0 is malformed: a record runs past its length",
    );
}

#[test]
fn a_zstd_bomb_is_refused_before_it_inflates() {
    // 1 GiB of one record's worth of zeros in a few dozen KiB
    let mut bomb = Vec::new();
    {
        let mut e = zstd::stream::write::Encoder::new(&mut bomb, 1).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            e.write_all(&zeros).unwrap();
        }
        e.finish().unwrap();
    }
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let bomb = Bytes::from(bomb);
    let addr = start(
        on(ApiKey::Fetch, move |h| fetch_with(h, batch(4, 1, &bomb))),
        false,
    );
    let o = run(&addr, &["tail", "t", "--from", "start", "-e"]);
    refused(
        &o,
        &addr,
        "the records inflate past 16 MiB: refused as a decompression bomb",
    );
}

#[test]
fn an_endless_varint_is_refused() {
    // a flexible Fetch response whose header's tagged-field count never ends
    let addr = start(
        on(ApiKey::Fetch, |h| {
            let mut f = (4 + 4096i32).to_be_bytes().to_vec();
            f.extend_from_slice(&h.correlation_id.to_be_bytes());
            f.extend_from_slice(&[0xff; 4096]);
            f
        }),
        false,
    );
    let o = run(&addr, &["tail", "t", "--from", "start", "-e"]);
    refused(&o, &addr, "a varint longer than 10 bytes");
    // and inside a record of a batch
    let addr = start(
        on(ApiKey::Fetch, |h| {
            let mut rec = vec![0x10u8, 0];
            rec.extend_from_slice(&[0xff; 64]);
            fetch_with(h, batch(0, 1, &rec))
        }),
        false,
    );
    let o = run(&addr, &["tail", "t", "--from", "start", "-e"]);
    refused(&o, &addr, "record batch at offset 0 is malformed");
}

// ------------------------------------------------------------------ hostile files

/// The hostile files of the issue, written into `dir`: name and bytes.
fn bad_files(dir: &std::path::Path) -> Vec<(&'static str, std::path::PathBuf)> {
    let mut laughs = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for n in names {
        laughs.push_str(&format!(
            "{n}: &{n} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = n;
    }
    laughs.push_str("topics:\n  t:\n    partitions: *i\n");
    let nested = format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let mut garbage = vec![0u8; 1 << 20];
    let mut x: u32 = 0x9e37_79b9;
    for b in &mut garbage {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let mut big = b"{\"value\":\"".to_vec();
    big.resize(100 * 1000 * 1000, b'a');
    big.extend_from_slice(b"\"}\n");
    let files: Vec<(&str, &str, Vec<u8>)> = vec![
        ("binary garbage", "garbage", garbage),
        ("a 100 MB line", "big", big),
        ("a YAML billion laughs", "laughs", laughs.into_bytes()),
        ("100,000 nested arrays", "nested", nested.into_bytes()),
        (
            "invalid UTF-8",
            "utf8",
            b"topics:\n  t\xff\xfe:\n    partitions: 3\n".to_vec(),
        ),
    ];
    files
        .into_iter()
        .map(|(what, name, bytes)| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            (what, p)
        })
        .collect()
}

/// Exit 2 with a message naming the file, within a few seconds, bounded memory, no panic.
fn rejected(what: &str, r: &crate::support::Run, took: Duration, file: &std::path::Path) {
    assert_eq!(r.code, 2, "{what}: {}", r.stderr);
    assert!(took < Duration::from_secs(5), "{what}: took {took:?}");
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(r.stderr.contains(&*name), "{what}: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
    assert!(r.peak_kib < 96 * 1024, "{what}: peak {} KiB", r.peak_kib);
    // snippets of a file with a 100,000-character line stay readable
    assert!(
        r.stderr.lines().all(|l| l.chars().count() < 400),
        "{what}: {}",
        r.stderr
    );
}

#[test]
fn bad_files_given_to_validate_and_schema_check_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for (what, path) in bad_files(dir.path()) {
        let start = Instant::now();
        let r = Evctl::measured()
            .arg("validate")
            .arg_path(&path)
            .run_within(Duration::from_secs(30));
        rejected(&format!("validate: {what}"), &r, start.elapsed(), &path);
        for format in ["avro", "json", "protobuf"] {
            let start = Instant::now();
            let r = Evctl::measured()
                .args(["schema", "check", "--type", format])
                .arg_path(&path)
                .arg(&format!("--against={}", path.display()))
                .run_within(Duration::from_secs(30));
            rejected(
                &format!("schema check {format}: {what}"),
                &r,
                start.elapsed(),
                &path,
            );
        }
    }
    // what each says
    let say = |args: &[&str], file: &str| {
        let r = Evctl::new()
            .args(args)
            .arg_path(&dir.path().join(file))
            .run_within(Duration::from_secs(30));
        r.stderr
    };
    let e = say(&["validate"], "utf8");
    assert!(
        e.contains("not UTF-8 text: the byte at line 2, column 4 (offset 11) is not UTF-8"),
        "{e}"
    );
    let e = say(&["validate"], "big");
    assert!(e.contains("larger than 16 MiB: refused"), "{e}");
    let e = say(&["validate"], "laughs");
    assert!(e.contains("invalid YAML: budget breached"), "{e}");
    let e = say(&["validate"], "nested");
    assert!(e.contains("nested:1:"), "{e}");
    let e = say(
        &["schema", "check", "--type", "avro", "--against=/dev/null"],
        "nested",
    );
    assert!(e.contains("recursion limit exceeded"), "{e}");
}

/// `publish --format json` reads through the Redis part of the suite (it needs a live sink).
mod redis_streams {
    use super::*;

    #[test]
    fn bad_files_given_to_publish_exit_2_and_send_nothing() {
        let Some(s) = crate::redis_streams::server("bad_files_given_to_publish_exit_2") else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let stream = format!("hostile.{}", std::process::id());
        for (what, path) in bad_files(dir.path()) {
            let start = Instant::now();
            let r = Evctl::measured()
                .args(["-b", &s.url])
                .env("EVCTL_REDIS_PASSWORD", &s.password)
                .args(["publish", &stream, "--format", "json", "-f"])
                .arg_path(&path)
                .run_within(Duration::from_secs(30));
            rejected(&format!("publish: {what}"), &r, start.elapsed(), &path);
            assert!(
                r.stderr.contains(":1: "),
                "{what}: the line is named: {}",
                r.stderr
            );
        }
        assert_eq!(s.cli(&["XLEN", &stream]).trim(), "0", "nothing was sent");
        let r = Evctl::new()
            .args(["-b", &s.url])
            .env("EVCTL_REDIS_PASSWORD", &s.password)
            .args(["publish", &stream, "--format", "json", "-f"])
            .arg_path(&dir.path().join("big"))
            .run_within(Duration::from_secs(30));
        assert!(
            r.stderr
                .contains("big:1: the line is longer than 32 MiB: refused unread"),
            "{}",
            r.stderr
        );
    }

    /// A `--where` program that loops, grows or recurses without end is stopped with exit 2
    /// and a reason, not left to spin, swap or overflow the stack.
    #[test]
    fn runaway_where_programs_are_stopped() {
        let Some(s) = crate::redis_streams::server("runaway_where_programs_are_stopped") else {
            return;
        };
        let stream = format!("hostile.jq.{}", std::process::id());
        s.evctl()
            .args(["publish", &stream])
            .stdin("{\"a\":\"1\"}\n")
            .run()
            .expect_code(0);
        for (program, why) in [
            ("def f: f; f", "ran for more than 5s on one record"),
            (
                "last(range(1e15)) > 0",
                "ran for more than 5s on one record",
            ),
            (
                "def f: 1 + f; f",
                "took more than 512 MiB of memory on one record",
            ),
        ] {
            let start = Instant::now();
            let r = s
                .evctl()
                .args(["tail", &stream, "--from", "start", "-e", "--where", program])
                .run_within(Duration::from_secs(30));
            assert_eq!(r.code, 2, "{program}: {}", r.stderr);
            assert!(r.stderr.contains(why), "{program}: {}", r.stderr);
            assert!(start.elapsed() < Duration::from_secs(10), "{program}");
            assert!(!r.stderr.contains("overflowed"), "{program}: {}", r.stderr);
        }
        // a program that ends is untouched
        let r = s
            .evctl()
            .args([
                "tail",
                &stream,
                "--from",
                "start",
                "-e",
                "--where",
                ".a == \"1\"",
            ])
            .run()
            .expect_code(0);
        assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    }
}
