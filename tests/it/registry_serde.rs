//! Schema-registry records through the binary on the real Kafka cluster, proven against an
//! independent implementation: confluent-kafka-python's own serializers and deserializers
//! (tests/it/support/sr_peer.py). The registry is the in-test one (tests/it/support/sr_registry.py,
//! Confluent's REST semantics with global ids and GUIDs) and, for the interop cases, Apicurio
//! Registry 3's Confluent-compatible API (scripts/registry.sh). Every test name ends in `::kafka`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{Evctl, Kind, Run};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    repo()
        .join("tests/fixtures/serde")
        .join(name)
        .display()
        .to_string()
}

fn python() -> PathBuf {
    crate::support::venv_python()
}

/// The in-test registry (a process of its own), stopped when dropped.
pub struct SrRegistry {
    child: Child,
    pub url: String,
    _dir: tempfile::TempDir,
}

impl Drop for SrRegistry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl SrRegistry {
    pub fn start() -> SrRegistry {
        let dir = tempfile::tempdir().unwrap();
        let port_file = dir.path().join("port");
        let child = Command::new("python3")
            .arg(repo().join("tests/it/support/sr_registry.py"))
            .args(["--port", "0", "--port-file"])
            .arg(&port_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs the in-test registry");
        let start = Instant::now();
        let port = loop {
            if let Ok(p) = std::fs::read_to_string(&port_file)
                && !p.trim().is_empty()
            {
                break p.trim().to_string();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "registry did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        SrRegistry {
            child,
            url: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        }
    }

    /// The requests seen so far ("GET /schemas/ids/1", ...).
    pub fn log(&self) -> Vec<String> {
        serde_json::from_str(&http(&self.url, "GET", "/_test/log", "")).unwrap()
    }

    /// Makes every later request under `prefix` answer `status` with `body`.
    pub fn fault(&self, prefix: &str, status: u16, body: &str) {
        let f = serde_json::json!({"prefix": prefix, "status": status, "body": body});
        http(&self.url, "POST", "/_test/fault", &f.to_string());
    }
}

/// One plain HTTP/1.0 exchange with a loopback server; the response body.
fn http(base: &str, method: &str, path: &str, body: &str) -> String {
    let host = base.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(host).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.0\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out.split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}

/// Apicurio Registry 3 (scripts/registry.sh), stopped when dropped.
pub struct Apicurio {
    dir: tempfile::TempDir,
    pub url: String,
}

impl Drop for Apicurio {
    fn drop(&mut self) {
        let _ = Command::new(repo().join("scripts/registry.sh"))
            .arg("stop")
            .arg(self.dir.path())
            .status();
    }
}

impl Apicurio {
    /// `None` (a named skip) outside CI when it cannot start; under CI=true that fails.
    pub fn start(test: &str) -> Option<Apicurio> {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new(repo().join("scripts/registry.sh"))
            .arg("start")
            .arg(dir.path())
            .output()
            .unwrap();
        if !out.status.success() {
            let why = String::from_utf8_lossy(&out.stderr).to_string();
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(!ci, "Apicurio Registry did not start under CI=true: {why}");
            crate::support::skip(test, &format!("Apicurio Registry did not start: {why}"));
            return None;
        }
        let url = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Some(Apicurio { dir, url })
    }
}

/// Runs the Python peer; its stdout.
#[track_caller]
fn peer(args: &[&str]) -> String {
    let out = Command::new(python())
        .arg(repo().join("tests/it/support/sr_peer.py"))
        .args(args)
        .output()
        .expect("the venv's python runs sr_peer.py (scripts/setup.sh)");
    assert!(
        out.status.success(),
        "sr_peer.py {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Records the peer produced (confluent-kafka's serializers), as it prints them.
fn produce(addr: &str, registry: &str, topic: &str, kind: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["produce", "--bootstrap", addr, "--registry", registry];
    args.extend(["--topic", topic, "--kind", kind]);
    args.extend_from_slice(extra);
    lines(&peer(&args))
}

fn lines(s: &str) -> Vec<Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ev(addr: &str, registry: &str, args: &[&str]) -> Evctl {
    Evctl::new()
        .args(["-b", addr, "--registry", registry])
        .args(args)
}

fn tail(addr: &str, registry: &str, topic: &str, extra: &[&str]) -> Run {
    let mut args = vec!["tail", topic, "-e", "-o", "json"];
    args.extend_from_slice(extra);
    ev(addr, registry, &args)
        .run_within(Duration::from_secs(60))
        .expect_code(0)
}

/// `{"key","value"}` of each record, as the peer prints them.
fn key_values(run: &Run) -> Vec<Value> {
    lines(&run.stdout)
        .into_iter()
        .map(|r| serde_json::json!({"key": r["key"], "value": r["value"]}))
        .collect()
}

fn raw_values(addr: &str, topic: &str, count: usize) -> Vec<(String, Value)> {
    lines(&peer(&[
        "raw",
        "--bootstrap",
        addr,
        "--topic",
        topic,
        "--count",
        &count.to_string(),
    ]))
    .into_iter()
    .map(|r| {
        (
            r["value_hex"].as_str().unwrap().to_string(),
            r["headers"].clone(),
        )
    })
    .collect()
}

/// One format both ways between evctl and confluent-kafka: the peer's records decode to the
/// peer's own JSON; a JSON-lines copy is byte-identical (Avro, Protobuf); records evctl encodes
/// from a schema decode in the peer to the same values.
fn both_ways(addr: &str, registry: &str, tag: &str, kind: &str, header: bool) {
    let topic = unique(&format!("serde.{tag}.{kind}"));
    let (copy, published) = (format!("{topic}.copy"), format!("{topic}.pub"));
    crate::support::create_topics(addr, &[(&topic, 1), (&copy, 1), (&published, 1)]);
    let extra: &[&str] = if header { &["--header-ids"] } else { &[] };
    let expected = produce(addr, registry, &topic, kind, extra);
    let run = tail(addr, registry, &topic, &[]);
    assert_eq!(
        key_values(&run),
        expected,
        "{kind}: evctl decodes as confluent-kafka does"
    );
    let first = &lines(&run.stdout)[0];
    assert_eq!(
        first["value_schema"]["subject"],
        format!("{topic}-value"),
        "{first}"
    );
    assert_eq!(first["value_schema"]["version"], 1);
    assert_eq!(first["value_schema"]["guid"].is_string(), header, "{first}");
    assert!(
        run.stderr.contains("; 1 schemas from the registry"),
        "{}",
        run.stderr
    );

    // the JSON-lines copy, re-encoded with the same schema ids
    ev(addr, registry, &["publish", &copy, "--format", "json"])
        .stdin(run.stdout.clone())
        .run_within(Duration::from_secs(60))
        .expect_code(0);
    let (a, b) = (
        raw_values(addr, &topic, expected.len()),
        raw_values(addr, &copy, expected.len()),
    );
    if kind == "json" {
        assert_eq!(key_values(&tail(addr, registry, &copy, &[])), expected);
    } else {
        assert_eq!(a, b, "{kind}: the copy is byte-identical, headers included");
    }

    // evctl encodes from the schema; the peer decodes
    let schema = match kind {
        "avro" => fixture("inspection.avsc"),
        "protobuf" => fixture("order.proto"),
        _ => fixture("order.schema.json"),
    };
    let mut args = vec![
        "publish",
        published.as_str(),
        "--format",
        "json",
        "--value-schema",
        &schema,
    ];
    if kind == "protobuf" {
        args.extend(["--value-message", "shop.v1.Order"]);
    }
    if header {
        args.push("--schema-id-header");
    }
    let input: String = expected.iter().map(|v| format!("{v}\n")).collect();
    ev(addr, registry, &args)
        .stdin(input)
        .run_within(Duration::from_secs(60))
        .expect_code(0);
    let n = expected.len().to_string();
    let mut consume = vec!["consume", "--bootstrap", addr, "--registry", registry];
    consume.extend(["--topic", &published, "--kind", kind, "--count", &n]);
    assert_eq!(
        lines(&peer(&consume)),
        expected,
        "{kind}: confluent-kafka reads what evctl wrote"
    );
}

fn interop(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let reg = SrRegistry::start();
    for k in ["avro", "protobuf", "json"] {
        both_ways(&addr, &reg.url, "sr", k, false);
    }
    for k in ["avro", "protobuf"] {
        both_ways(&addr, &reg.url, "hdr", k, true);
    }
    // a nested Protobuf message: index path [1, 0]
    let topic = &unique("serde.sr.line");
    crate::support::create_topics(&addr, &[(topic, 1)]);
    let expected = produce(
        &addr,
        &reg.url,
        topic,
        "protobuf",
        &["--proto-message", "Order.Line"],
    );
    let run = tail(&addr, &reg.url, topic, &[]);
    assert_eq!(key_values(&run), expected);
    assert_eq!(
        lines(&run.stdout)[0]["value_schema"]["message"],
        "shop.v1.Order.Line"
    );
    // each schema id was asked for once in each run
}
crate::on_kafka!(interop);

fn interop_apicurio(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let Some(reg) = Apicurio::start(test) else {
        return;
    };
    for k in ["avro", "protobuf", "json"] {
        both_ways(&addr, &reg.url, "apicurio", k, false);
    }
}
crate::on_kafka!(interop_apicurio);

/// Decoded output: the pretty header names the schema, --where sees the decoded value, the
/// Avro JSON union form, and one request per schema id.
fn decoded_views(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let reg = SrRegistry::start();
    let topic = &unique("serde.views");
    crate::support::create_topics(&addr, &[(topic, 2)]);
    produce(&addr, &reg.url, topic, "avro", &[]);
    let before = reg.log().len();
    let run = tail(
        &addr,
        &reg.url,
        topic,
        &["--where", r#".status == "FAILED""#],
    );
    let found = lines(&run.stdout);
    assert!(!found.is_empty() && found.iter().all(|r| r["value"]["status"] == "FAILED"));
    let asked: Vec<String> = reg.log()[before..].to_vec();
    assert_eq!(
        asked
            .iter()
            .filter(|l| l.starts_with("GET /schemas/ids/"))
            .count(),
        2,
        "{asked:?}"
    );
    let avro = tail(&addr, &reg.url, topic, &["--avro-json", "avro"]);
    let named = lines(&avro.stdout);
    let named: Vec<&Value> = named
        .iter()
        .filter(|r| !r["value"]["inspector"].is_null())
        .collect();
    assert!(!named.is_empty());
    for r in named {
        assert!(r["value"]["inspector"]["string"].is_string(), "{r}");
    }
    let pretty = ev(
        &addr,
        &reg.url,
        &["tail", topic, "-e", "-o", "pretty", "-n", "1"],
    )
    .run_within(Duration::from_secs(60))
    .expect_code(0);
    assert!(
        pretty
            .stdout
            .contains(&format!("value: {topic}-value v1 (AVRO, id ")),
        "{}",
        pretty.stdout
    );
    let raw = Evctl::new()
        .args(["-b", &addr, "tail", topic, "-e", "-o", "json", "-n", "1"])
        .run()
        .expect_code(0);
    assert!(
        lines(&raw.stdout)[0]["value_schema"].is_null(),
        "no registry: no decoding"
    );
}
crate::on_kafka!(decoded_views);

/// Publishing: a value that does not fit is a bad line (file:line, field path, exit 2, nothing
/// after it sent); a subject that must exist with --no-register.
fn publish_checks(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let reg = SrRegistry::start();
    let topic = &unique("serde.bad");
    crate::support::create_topics(&addr, &[(topic, 1)]);
    let good = lines(&peer(&["records", "--kind", "avro"]));
    let mut bad = good[1].clone();
    bad["value"]["location"]["floor"] = Value::from("two");
    let input = format!("{}\n{}\n{}\n", good[0], bad, good[2]);
    let schema = fixture("inspection.avsc");
    let run = ev(
        &addr,
        &reg.url,
        &[
            "publish",
            topic,
            "--format",
            "json",
            "--value-schema",
            &schema,
        ],
    )
    .stdin(input)
    .run_within(Duration::from_secs(60))
    .expect_code(2);
    assert!(
        run.stderr
            .contains("stdin:2: value: $.location.floor: expected an integer"),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines(&tail(&addr, &reg.url, topic, &[]).stdout).len(),
        1,
        "only line 1 was sent"
    );

    let run = ev(
        &addr,
        &reg.url,
        &[
            "publish",
            topic,
            "--value-schema",
            &fixture("order.schema.json"),
            "--no-register",
        ],
    )
    .stdin("{}\n")
    .run_within(Duration::from_secs(60))
    .expect_code(2);
    assert!(
        run.stderr.contains("is not registered under subject"),
        "{}",
        run.stderr
    );
    // a key schema: the key is encoded too, and tail shows it decoded with its own tag
    let keyed = &unique("serde.keyed");
    crate::support::create_topics(&addr, &[(keyed, 1)]);
    let key_schema = fixture("key.avsc");
    let line = format!("{{\"key\":\"k-1\",\"value\":{}}}\n", good[0]["value"]);
    ev(
        &addr,
        &reg.url,
        &[
            "publish",
            keyed,
            "--format",
            "json",
            "--value-schema",
            &schema,
        ],
    )
    .args(["--key-schema", &key_schema])
    .stdin(line)
    .run_within(Duration::from_secs(60))
    .expect_code(0);
    let got = &lines(&tail(&addr, &reg.url, keyed, &[]).stdout)[0];
    assert_eq!(got["key"], "k-1");
    assert_eq!(
        got["key_schema"]["subject"],
        format!("{keyed}-key"),
        "{got}"
    );
    assert_eq!(got["value"], good[0]["value"]);
    let raw = &raw_values(&addr, keyed, 1)[0];
    assert!(
        raw.0.starts_with("00"),
        "the value is prefix-framed: {raw:?}"
    );

    let run = ev(
        &addr,
        &reg.url,
        &["publish", topic, "--value-schema", "id:999"],
    )
    .stdin("{}\n")
    .run_within(Duration::from_secs(60))
    .expect_code(1);
    assert!(
        run.stderr.contains("schema id 999 is unknown"),
        "{}",
        run.stderr
    );
}
crate::on_kafka!(publish_checks);

/// A topic name of this run (reruns on one cluster start empty).
fn unique(name: &str) -> String {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    format!("{name}.{}", t.as_micros())
}

/// `dlq inspect` samples decoded values; `dlq replay --where` selects by the decoded value and
/// replays the framed bytes as they are.
fn dlq_decodes(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let reg = SrRegistry::start();
    let (dlq, target) = (&unique("serde.dlq"), &unique("serde.replayed"));
    crate::support::create_topics(&addr, &[(dlq, 1), (target, 1)]);
    let produced = produce(&addr, &reg.url, dlq, "avro", &[]);
    let failed: Vec<&Value> = produced
        .iter()
        .filter(|r| r["value"]["status"] == "FAILED")
        .collect();
    assert!(!failed.is_empty() && failed.len() < produced.len());
    let run = ev(&addr, &reg.url, &["-o", "json", "dlq", "inspect", dlq])
        .run_within(Duration::from_secs(60))
        .expect_code(0);
    let sample = run.json()["groups"][0]["sample"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(sample.starts_with(r#"{"id":"#), "{sample}");
    let args = [
        "dlq",
        "replay",
        dlq.as_str(),
        "--to",
        target,
        "--group",
        "g-serde",
        "--new-group",
        "--yes",
    ];
    let run = ev(&addr, &reg.url, &args)
        .args(["--where", r#".status == "FAILED""#, "-o", "json"])
        .run_within(Duration::from_secs(60))
        .expect_code(0);
    assert_eq!(
        run.json()["skipped"],
        produced.len() - failed.len(),
        "{}",
        run.stdout
    );
    let replayed = key_values(&tail(&addr, &reg.url, target, &[]));
    let want: Vec<Value> = failed.into_iter().cloned().collect();
    assert_eq!(
        replayed, want,
        "the framed records were replayed as they were"
    );
}
crate::on_kafka!(dlq_decodes);

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Hostile bytes and a hostile registry: per-record diagnostics, records shown as they are,
/// exit 0; an unreachable registry is exit 1 before any record.
fn hostile(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let reg = SrRegistry::start();
    let topic = &unique("serde.hostile");
    crate::support::create_topics(&addr, &[(topic, 1)]);
    let pb = produce(&addr, &reg.url, topic, "protobuf", &[]);
    let id = tail(&addr, &reg.url, topic, &["-n", "1"]);
    let id = lines(&id.stdout)[0]["value_schema"]["id"].as_i64().unwrap() as i32;
    let mut frame = vec![0u8];
    frame.extend_from_slice(&id.to_be_bytes());
    let values: Vec<Vec<u8>> = vec![
        vec![0, 0, 1],                                                // too short to be a frame
        [&[0u8, 0x7f, 0xff, 0xff, 0xff][..], b"xyz"].concat(),        // id 2^31-1, unknown
        [&frame[..], &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff]].concat(), // a varint that never ends
        [&frame[..], &[0x02, 0x7e]].concat(),                         // index 63: no such message
        [&frame[..], &[0x00, 0x0a, 0xff]].concat(),                   // a truncated message
    ];
    let input: String = values
        .iter()
        .map(|v| format!("{{\"value\":{{\"base64\":\"{}\"}}}}\n", b64(v)))
        .collect();
    // and a header naming the value's schema, cut short of its GUID
    let header = r#"{"value":"x","headers":[["__value_schema_id",{"base64":"AQI="}]]}"#;
    let input = format!("{input}{header}\n");
    Evctl::new()
        .args(["-b", &addr, "publish", topic, "--format", "json"])
        .stdin(input)
        .run()
        .expect_code(0);
    let run = tail(&addr, &reg.url, topic, &[]);
    let got = lines(&run.stdout);
    assert_eq!(
        got.len(),
        pb.len() + values.len() + 1,
        "every record is shown"
    );
    let plain = Evctl::new()
        .args(["-b", &addr, "tail", topic, "-e", "-o", "json"])
        .run()
        .expect_code(0);
    for (r, p) in got[pb.len()..]
        .iter()
        .zip(&lines(&plain.stdout)[pb.len()..])
    {
        assert!(r["value_schema"].is_null());
        assert_eq!(r["value"], p["value"], "shown as it is");
    }
    let err = &run.stderr;
    let at = |o: usize| format!("{topic}/0@{o} value: ");
    assert!(
        err.contains(&at(pb.len() + 1)) && err.contains("2147483647 is unknown"),
        "{err}"
    );
    assert!(
        err.contains(&at(pb.len() + 2)) && err.contains("varint"),
        "{err}"
    );
    assert!(
        err.contains(&at(pb.len() + 3)) && err.contains("no top-level message 63"),
        "{err}"
    );
    assert!(err.contains(&at(pb.len() + 4)), "{err}");
    assert!(
        !err.contains(&at(pb.len())),
        "a 3-byte value is not a frame: {err}"
    );
    let cut = at(pb.len() + 5);
    assert!(
        err.contains(&cut) && err.contains("truncated frame"),
        "{err}"
    );

    // a registry answering 500, then garbage
    for (status, body, says) in [
        (500, "boom", "boom (HTTP 500"),
        (200, "{not json", "unexpected response"),
    ] {
        let fresh = SrRegistry::start();
        fresh.fault("/schemas/ids/", status, body);
        let run = tail(&addr, &fresh.url, topic, &["-n", "2"]);
        assert_eq!(lines(&run.stdout).len(), 2);
        let note = format!("{topic}/0@0 value: ");
        assert!(
            run.stderr.contains(&note) && run.stderr.contains(says),
            "{}",
            run.stderr
        );
    }
    // unreachable: exit 1, nothing read
    let port = crate::support::free_port();
    let run = ev(
        &addr,
        &format!("http://127.0.0.1:{port}"),
        &["tail", topic, "-e"],
    )
    .run_within(Duration::from_secs(60))
    .expect_code(1);
    assert!(
        run.stdout.is_empty() && run.stderr.contains("unreachable"),
        "{}",
        run.stderr
    );
}
crate::on_kafka!(hostile);
