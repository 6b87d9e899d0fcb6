//! `evctl publish` against each live broker: a lossless round trip through `tail -o json`, kcat
//! interop (noida-db only: kcat cannot talk to tansu), input errors, the event envelope,
//! CloudEvents and compression. Also the fixture `tail.rs` shares.
//!
//! Broker gaps, named where a test adapts: tansu answers ListOffsets(latest) with the base offset
//! of the last batch plus one, so a partition whose last batch holds several records looks shorter
//! than it is and `tail --exit-at-end` stops early. There, records that a test reads back with
//! `--exit-at-end` are published one per batch (one evctl run each), or read with `-n COUNT`.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Evctl, Kind, Run, broker, skip};
use crate::{on_each_broker, on_noida_and_kafka};

/// The named reason for adapting to tansu's ListOffsets(latest) bug.
pub(crate) const TANSU_LATEST: &str = "tansu: ListOffsets(latest) wrong for multi-record batches";

/// 2031-01-01T00:00:00.000Z in epoch ms: fixed record times in the future, so that retention
/// (noida-db deletes records older than 7 days, by their timestamp) never removes them.
pub(crate) const T0: i64 = 1_924_992_000_000;

/// A broker, a unique topic prefix for one test and a scratch directory.
pub(crate) struct Fx {
    pub addr: String,
    pub kind: Kind,
    pub test: String,
    prefix: String,
    pub dir: tempfile::TempDir,
    /// Named skips already recorded (each once per test).
    skipped: std::cell::RefCell<BTreeSet<String>>,
}

impl Fx {
    /// The fixture for `test` on `kind`, or `None` after a named skip when the broker is not running.
    pub fn new(kind: Kind, test: &str) -> Option<Fx> {
        let addr = broker(kind, test)?;
        let name = test
            .trim_start_matches("it::")
            .trim_end_matches("::noida")
            .trim_end_matches("::tansu")
            .trim_end_matches("::kafka")
            .replace("::", ".")
            .replace('_', "-");
        let prefix = format!("it.{name}.{}.{}.", kind.name(), std::process::id());
        Some(Fx {
            addr,
            kind,
            test: test.to_string(),
            prefix,
            dir: tempfile::tempdir().unwrap(),
            skipped: Default::default(),
        })
    }

    /// Records a named skip for this test, once.
    pub fn skip_once(&self, reason: &str) {
        if self.skipped.borrow_mut().insert(reason.to_string()) {
            skip(&self.test, reason);
        }
    }

    /// The full name of the test's topic `name`.
    pub fn t(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Creates topics `(name, partitions)` with `evctl apply` and returns their full names.
    pub fn create(&self, topics: &[(&str, i32)]) -> Vec<String> {
        let names: Vec<String> = topics.iter().map(|(n, _)| self.t(n)).collect();
        let specs: Vec<(&str, i32)> = names
            .iter()
            .zip(topics)
            .map(|(n, (_, p))| (n.as_str(), *p))
            .collect();
        crate::support::create_topics(&self.addr, &specs);
        names
    }

    /// Creates one topic with topic configs (`key: value` YAML flow entries) and returns its name.
    pub fn create_configured(&self, name: &str, partitions: i32, configs: &str) -> String {
        let yaml = format!(
            "topics:\n{}",
            self.kind.topic_yaml(&self.t(name), partitions, configs)
        );
        let spec = self.file("configured.yaml", yaml.as_bytes());
        self.evctl(&["apply", &spec, "--yes"]).expect_code(0);
        self.t(name)
    }

    /// Writes a scratch file and returns its path.
    pub fn file(&self, name: &str, content: &[u8]) -> String {
        let p: PathBuf = self.dir.path().join(name);
        std::fs::write(&p, content).unwrap();
        p.to_str().unwrap().to_string()
    }

    /// `evctl -b ADDR ARGS...` with an empty stdin.
    pub fn evctl(&self, args: &[&str]) -> Run {
        Evctl::new()
            .args(["-b", &self.addr])
            .args(args)
            .run_within(Duration::from_secs(30))
    }

    /// `evctl -b ADDR ARGS...` with `input` on stdin.
    pub fn evctl_in(&self, args: &[&str], input: impl Into<Vec<u8>>) -> Run {
        Evctl::new()
            .args(["-b", &self.addr])
            .args(args)
            .stdin(input)
            .run_within(Duration::from_secs(30))
    }

    /// `evctl tail -o json ARGS...`: the records, in output order.
    #[track_caller]
    pub fn tail(&self, args: &[&str]) -> Vec<Value> {
        let mut all = vec!["tail", "-o", "json"];
        all.extend_from_slice(args);
        let run = self.evctl(&all).expect_code(0);
        json_lines(&run.stdout)
    }

    /// Publishes JSON-lines records (`--format json`) and returns the JSON summaries. On tansu one
    /// record per run (so per batch): its ListOffsets(latest) is only right for one-record batches.
    pub fn publish_json(&self, topic: &str, lines: &[String], extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["publish", topic, "--format", "json", "-o", "json"];
        args.extend_from_slice(extra);
        if self.kind == Kind::Tansu && lines.len() > 1 {
            self.skip_once(&format!(
                "{TANSU_LATEST}: records published one per batch there"
            ));
            lines
                .iter()
                .map(|l| self.evctl_in(&args, format!("{l}\n")).expect_code(0).json())
                .collect()
        } else {
            let mut input = lines.join("\n");
            input.push('\n');
            vec![self.evctl_in(&args, input).expect_code(0).json()]
        }
    }

    /// Every record of `topic`, knowing there are `count`: `tail -e` on noida-db; on tansu (whose
    /// end offsets are wrong after multi-record batches) `--from start -n COUNT`.
    #[track_caller]
    pub fn read_all(&self, topic: &str, count: usize, extra: &[&str]) -> Vec<Value> {
        let n = count.to_string();
        let mut args: Vec<&str> = if self.kind == Kind::Tansu {
            self.skip_once(&format!(
                "{TANSU_LATEST}: read back with --from start -n COUNT instead of -e"
            ));
            vec![topic, "--from", "start", "-n", &n]
        } else {
            vec![topic, "-e"]
        };
        args.extend_from_slice(extra);
        let mut records = self.tail(&args);
        sort(&mut records);
        assert_eq!(records.len(), count, "records of {topic}: {records:#?}");
        records
    }
}

/// Parses JSON lines; the output must end with a newline.
#[track_caller]
pub(crate) fn json_lines(stdout: &str) -> Vec<Value> {
    assert!(
        stdout.is_empty() || stdout.ends_with('\n'),
        "output does not end with a newline: {stdout:?}"
    );
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Sorts records by partition, then offset.
pub(crate) fn sort(records: &mut [Value]) {
    records.sort_by_key(|r| (r["partition"].as_i64(), r["offset"].as_i64()));
}

/// `(partition, offset)` of each record, sorted.
pub(crate) fn positions(records: &[Value]) -> Vec<(i64, i64)> {
    let mut p: Vec<(i64, i64)> = records
        .iter()
        .map(|r| {
            (
                r["partition"].as_i64().unwrap(),
                r["offset"].as_i64().unwrap(),
            )
        })
        .collect();
    p.sort_unstable();
    p
}

/// The record without the named fields.
pub(crate) fn without(r: &Value, fields: &[&str]) -> Value {
    let mut r = r.clone();
    for f in fields {
        r.as_object_mut().unwrap().remove(*f);
    }
    r
}

/// True when kcat is installed; otherwise a named skip (a failure under CI).
pub(crate) fn have_kcat(test: &str) -> bool {
    if Command::new("kcat").arg("-V").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var("CI").is_err(),
        "kcat must be installed under CI (scripts/setup.sh)"
    );
    skip(test, "kcat not installed");
    false
}

/// Runs kcat with `input` on stdin and fails the test unless it succeeds; returns stdout.
#[track_caller]
pub(crate) fn kcat(args: &[&str], input: &[u8]) -> String {
    let mut child = Command::new("kcat")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kcat");
    {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input).unwrap();
    }
    // drained while it runs, so a large output cannot fill the pipe and block it
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kcat {args:?} did not finish within 30s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        status.success(),
        "kcat {args:?} failed:\n{}",
        String::from_utf8_lossy(&err)
    );
    String::from_utf8_lossy(&out).into_owned()
}

/// The size of a zigzag varint.
fn varint_len(n: i64) -> usize {
    let mut z = ((n << 1) ^ (n >> 63)) as u64;
    let mut len = 1;
    while z >= 0x80 {
        z >>= 7;
        len += 1;
    }
    len
}

/// The encoded size of one v2 record with timestamp and offset deltas of 0.
fn record_len(
    key: Option<&[u8]>,
    value: Option<&[u8]>,
    headers: &[(&str, Option<&[u8]>)],
) -> usize {
    let field = |b: Option<&[u8]>| b.map_or(1, |b| varint_len(b.len() as i64) + b.len());
    let mut body = 1 + 1 + 1 + field(key) + field(value) + varint_len(headers.len() as i64);
    for (n, v) in headers {
        body += field(Some(n.as_bytes())) + field(*v);
    }
    varint_len(body as i64) + body
}

/// The input of the round trip: every kind of key, value, header and timestamp form.
fn mixed_records() -> Vec<Value> {
    vec![
        json!({"partition": 0, "timestamp": "2031-01-01T00:00:00.001Z", "key": "k1", "value": "v1",
               "headers": [["h", "1"], ["h", "2"], ["n", null], ["h", "3"]]}),
        json!({"partition": 0, "timestamp": T0 + 2, "key": null, "value": "keyless"}),
        json!({"partition": 1, "timestamp_ms": T0 + 3, "key": "", "value": "empty key", "headers": []}),
        json!({"partition": 1, "timestamp": "2031-01-01T00:00:00.004Z", "key": "tomb", "value": null}),
        json!({"partition": 1, "timestamp": "2031-01-01T00:00:00.005Z", "key": "ev", "value": ""}),
        json!({"partition": 1, "timestamp": "2031-01-01T00:00:00.006Z", "value": null}),
        json!({"partition": 2, "timestamp": "2031-01-01T00:00:00.007Z", "key": {"base64": "/wA="},
               "value": {"base64": "AP8B/g=="},
               "headers": [["bin", {"base64": "//4="}], ["e", ""], ["utf8", "✓ ü"]]}),
        json!({"partition": 2, "timestamp": "2031-01-01T00:00:00.008Z", "key": "json",
               "value": "{\"a\":[1,2]}\nline2\t\u{1} \"q\" \\ \u{2028}"}),
    ]
}

/// What `tail -o json` must print for [`mixed_records`], without `topic`, in partition order.
fn mixed_expected() -> Vec<Value> {
    let mut next = [0i64; 3];
    mixed_records()
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = r["partition"].as_i64().unwrap();
            let offset = next[p as usize];
            next[p as usize] += 1;
            let ms = T0 + i as i64 + 1;
            json!({
                "partition": p,
                "offset": offset,
                "timestamp": format!("2031-01-01T00:00:00.00{}Z", i + 1),
                "timestamp_ms": ms,
                "timestamp_type": "create",
                "key": r.get("key").cloned().unwrap_or(Value::Null),
                "value": r["value"].clone(),
                "headers": r.get("headers").cloned().unwrap_or(json!([])),
            })
        })
        .collect()
}

/// Keyed and keyless, null and empty keys and values, binary keys, values and headers, duplicate
/// and null headers and explicit timestamps survive `tail -o json -e A | publish --format json B`.
fn round_trip(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topics = fx.create(&[("a", 3), ("b", 3)]);
    let (a, b) = (&topics[0], &topics[1]);
    let lines: Vec<String> = mixed_records().iter().map(Value::to_string).collect();
    let summaries = fx.publish_json(a, &lines, &[]);
    let records: u64 = summaries
        .iter()
        .map(|s| s["records"].as_u64().unwrap())
        .sum();
    assert_eq!(records, 8, "{summaries:#?}");
    let parts: BTreeSet<i64> = summaries
        .iter()
        .flat_map(|s| s["partitions"].as_array().unwrap().clone())
        .map(|p| p.as_i64().unwrap())
        .collect();
    assert_eq!(parts, BTreeSet::from([0, 1, 2]));
    for s in &summaries {
        assert_eq!(s["topic"], a.as_str());
        assert_eq!(s["failed"], 0);
        assert_eq!(s["skipped_invalid"], 0);
        assert_eq!(s["errors"], json!([]));
        assert_eq!(s["idempotent"], true);
        // v2 batches: 61 bytes of header per batch, then the records
        let bytes = s["bytes"].as_u64().unwrap();
        assert!(bytes >= 61 * s["partitions"].as_array().unwrap().len() as u64);
    }

    let expected = mixed_expected();
    let dump = fx
        .evctl(&["tail", "-o", "json", "--exit-at-end", a])
        .expect_code(0);
    let mut got = json_lines(&dump.stdout);
    sort(&mut got);
    for r in &got {
        assert_eq!(r["topic"], a.as_str());
    }
    let got_a: Vec<Value> = got.iter().map(|r| without(r, &["topic"])).collect();
    assert_eq!(got_a, expected);

    // tail's output is publish's input, in one run as in a pipe
    let s = fx
        .evctl_in(
            &["publish", b, "--format", "json", "-o", "json"],
            dump.stdout.clone(),
        )
        .expect_code(0)
        .json();
    assert_eq!(s["records"], 8, "{s}");
    assert_eq!(s["partitions"], json!([0, 1, 2]));
    let got_b = fx.read_all(b, 8, &[]);
    for r in &got_b {
        assert_eq!(r["topic"], b.as_str());
    }
    let got_b: Vec<Value> = got_b.iter().map(|r| without(r, &["topic"])).collect();
    assert_eq!(got_b, expected, "B differs from A");
}
on_each_broker!(round_trip);

/// Line input: `--key`, `--key-separator`, `-H` (duplicates, null, empty), `--timestamp` forms,
/// `--partition`, `--null-value` and a VALUE argument, with the summary's exact byte count.
fn line_options(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("lines", 2)])[0];

    // one record: exact batch size (61 header bytes + the record)
    let s = fx
        .evctl(&[
            "publish",
            t,
            "hello",
            "--key",
            "k",
            "--partition",
            "1",
            "--timestamp",
            "1924992000000",
            "-o",
            "json",
        ])
        .expect_code(0)
        .json();
    assert_eq!(s["records"], 1);
    assert_eq!(s["partitions"], json!([1]));
    assert_eq!(
        s["bytes"].as_u64().unwrap() as usize,
        61 + record_len(Some(b"k"), Some(b"hello"), &[])
    );
    assert_eq!(s["bytes"], 74);

    // lines with a separator, every -H form, an RFC 3339 timestamp, one partition
    let run = fx
        .evctl_in(
            &[
                "publish",
                t,
                "--key-separator",
                "::",
                "-H",
                "a=1",
                "-H",
                "a=2",
                "-H",
                "n",
                "-H",
                "e=",
                "-H",
                "eq=x=y",
                "--timestamp",
                "2031-01-01T00:00:01.5Z",
                "--partition",
                "0",
                "-o",
                "json",
            ],
            "k1::v1\nk2::v::2\n::empty key\nk4::\n",
        )
        .expect_code(0);
    let s = run.json();
    assert_eq!(s["records"], 4);
    assert_eq!(s["partitions"], json!([0]));
    assert!(
        run.stderr.contains("published 4 records") && run.stderr.contains(t.as_str()),
        "{}",
        run.stderr
    );
    let headers: [(&str, Option<&[u8]>); 5] = [
        ("a", Some(b"1")),
        ("a", Some(b"2")),
        ("n", None),
        ("e", Some(b"")),
        ("eq", Some(b"x=y")),
    ];
    // one batch: offset deltas 0..3 are one byte each, as are the (zero) timestamp deltas
    let want = 61
        + record_len(Some(b"k1"), Some(b"v1"), &headers)
        + record_len(Some(b"k2"), Some(b"v::2"), &headers)
        + record_len(Some(b""), Some(b"empty key"), &headers)
        + record_len(Some(b"k4"), Some(b""), &headers);
    assert_eq!(s["bytes"].as_u64().unwrap() as usize, want);

    // --key for lines without their own; epoch-ms timestamp
    fx.evctl_in(
        &[
            "publish",
            t,
            "--key",
            "fixed",
            "--timestamp",
            "1924992002000",
            "-p",
            "0",
        ],
        "plain\n",
    )
    .expect_code(0);
    // tombstones: each line is a key
    fx.evctl_in(
        &[
            "publish",
            t,
            "--null-value",
            "--timestamp",
            "2031-01-01",
            "-p",
            "0",
        ],
        "gone-1\ngone-2\n",
    )
    .expect_code(0);
    // a sealing one-record batch, so that tansu's end offset is right
    fx.evctl(&[
        "publish",
        t,
        "last",
        "-p",
        "0",
        "--timestamp",
        "1924992003000",
    ])
    .expect_code(0);

    let got = fx.tail(&[t, "-e", "-p", "0"]);
    let hdrs = json!([
        ["a", "1"],
        ["a", "2"],
        ["n", null],
        ["e", ""],
        ["eq", "x=y"]
    ]);
    let kv: Vec<Value> = got
        .iter()
        .map(|r| {
            json!([
                r["offset"],
                r["timestamp_ms"],
                r["key"],
                r["value"],
                r["headers"]
            ])
        })
        .collect();
    assert_eq!(
        kv,
        vec![
            json!([0, T0 + 1500, "k1", "v1", hdrs]),
            json!([1, T0 + 1500, "k2", "v::2", hdrs]),
            json!([2, T0 + 1500, "", "empty key", hdrs]),
            json!([3, T0 + 1500, "k4", "", hdrs]),
            json!([4, T0 + 2000, "fixed", "plain", []]),
            json!([5, T0, "gone-1", null, []]),
            json!([6, T0, "gone-2", null, []]),
            json!([7, T0 + 3000, null, "last", []]),
        ]
    );
    let p1 = fx.tail(&[t, "-e", "-p", "1"]);
    assert_eq!(p1.len(), 1);
    assert_eq!(
        without(&p1[0], &["topic", "timestamp"]),
        json!({"partition": 1, "offset": 0, "timestamp_ms": T0, "timestamp_type": "create",
               "key": "k", "value": "hello", "headers": []})
    );
}
on_each_broker!(line_options);

/// A bad line stops the input there: the lines before it are published, nothing after; the error
/// names the file (or stdin) and the line. --skip-invalid publishes the rest.
fn bad_lines(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topics = fx.create(&[("stop", 1), ("skip", 1), ("stdin", 1)]);
    let (stop, skipped, stdin) = (&topics[0], &topics[1], &topics[2]);
    let input = "{\"key\":\"k1\",\"value\":\"one\"}\n\
                 {\"key\":\"k2\",\"value\":\"two\"}\n\
                 {\"key\":\"k3\",\"value\":\"three\"\n\
                 {\"key\":\"k4\",\"value\":\"four\"}\n\
                 {\"key\":\"k5\",\"value\":\"five\"}\n";
    let file = fx.file("records.jsonl", input.as_bytes());

    let run = fx
        .evctl(&[
            "publish", stop, "--format", "json", "--file", &file, "-o", "json",
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains(&format!("{file}:3:")),
        "the error names the file and line 3:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("not valid JSON"), "{}", run.stderr);
    assert!(
        run.stderr.contains("nothing after this line was published"),
        "{}",
        run.stderr
    );
    let s = run.json();
    assert_eq!(s["records"], 2, "{s}");
    assert_eq!(s["failed"], 0);
    // seal with a one-record batch (tansu's end offset is right after one), then read it all
    fx.evctl(&["publish", stop, "seal"]).expect_code(0);
    let got: Vec<Value> = fx
        .tail(&[stop, "-e"])
        .iter()
        .map(|r| json!([r["offset"], r["key"], r["value"]]))
        .collect();
    assert_eq!(
        got,
        vec![
            json!([0, "k1", "one"]),
            json!([1, "k2", "two"]),
            json!([2, null, "seal"])
        ]
    );

    // --skip-invalid: everything else is published, exit 0, the skip counted
    let run = fx
        .evctl(&[
            "publish",
            skipped,
            "--format",
            "json",
            "--file",
            &file,
            "--skip-invalid",
            "-o",
            "json",
        ])
        .expect_code(0);
    let s = run.json();
    assert_eq!(s["records"], 4, "{s}");
    assert_eq!(s["skipped_invalid"], 1);
    assert!(run.stderr.contains("line 3:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 invalid lines skipped"),
        "{}",
        run.stderr
    );
    fx.evctl(&["publish", skipped, "seal"]).expect_code(0);
    let values: Vec<Value> = fx
        .tail(&[skipped, "-e"])
        .iter()
        .map(|r| r["value"].clone())
        .collect();
    assert_eq!(
        values,
        json!(["one", "two", "four", "five", "seal"])
            .as_array()
            .unwrap()
            .clone()
    );

    // on stdin, lines format: the second line has no separator
    let run = fx
        .evctl_in(
            &["publish", stdin, "--key-separator", "\\t"],
            "k1\tv1\nno separator\nk3\tv3\n",
        )
        .expect_code(2);
    assert!(run.stderr.contains("stdin:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("no key separator"), "{}", run.stderr);
    // a JSON record for a partition that does not exist
    let run = fx
        .evctl_in(
            &["publish", stdin, "--format", "json"],
            "{\"partition\":7,\"value\":\"x\"}\n",
        )
        .expect_code(2);
    assert!(run.stderr.contains("stdin:1:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("partition 7 does not exist"),
        "{}",
        run.stderr
    );
    // an unknown field is not silently dropped
    let run = fx
        .evctl_in(
            &["publish", stdin, "--format", "json"],
            "{\"value\":\"x\",\"vaule\":1}\n",
        )
        .expect_code(2);
    assert!(run.stderr.contains("stdin:1:"), "{}", run.stderr);
    assert!(run.stderr.contains("vaule"), "{}", run.stderr);
    fx.evctl(&["publish", stdin, "seal"]).expect_code(0);
    let got: Vec<Value> = fx
        .tail(&[stdin, "-e"])
        .iter()
        .map(|r| json!([r["key"], r["value"]]))
        .collect();
    assert_eq!(got, vec![json!(["k1", "v1"]), json!([null, "seal"])]);
}
on_each_broker!(bad_lines);

/// Usage errors exit 2 before anything is sent; a missing topic exits 1 and says so.
fn bad_arguments(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("args", 2)])[0];
    let missing = fx.t("missing");
    let run = fx.evctl(&["publish", &missing, "v"]).expect_code(1);
    assert!(
        run.stderr
            .contains(&format!("no topic named \"{missing}\"")),
        "{}",
        run.stderr
    );
    let run = fx
        .evctl(&["publish", t, "v", "--partition", "2"])
        .expect_code(2);
    assert!(
        run.stderr
            .contains(&format!("--partition 2: {t} has partitions 0..1")),
        "{}",
        run.stderr
    );
    let run = fx
        .evctl(&["publish", t, "v", "--timestamp", "yesterday"])
        .expect_code(2);
    assert!(run.stderr.contains("--timestamp"), "{}", run.stderr);
    let run = fx.evctl(&["publish", t, "v", "-H", "=x"]).expect_code(2);
    assert!(run.stderr.contains("-H"), "{}", run.stderr);
    let run = fx
        .evctl_in(&["publish", t, "--format", "json", "--null-value"], "x\n")
        .expect_code(2);
    assert!(run.stderr.contains("--null-value"), "{}", run.stderr);
    let run = fx
        .evctl(&["publish", t, "v", "--type", "order.created.v1"])
        .expect_code(2);
    assert!(
        run.stderr.contains("--envelope or --cloudevents"),
        "{}",
        run.stderr
    );
    // nothing was written by any of these
    assert!(fx.tail(&[t, "-e"]).is_empty());
}
on_each_broker!(bad_arguments);

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// A UUIDv7 in its 36-character text form.
#[track_caller]
fn assert_uuid_v7(id: &str) {
    assert_eq!(id.len(), 36, "{id}");
    let groups: Vec<&str> = id.split('-').collect();
    assert_eq!(
        groups.iter().map(|g| g.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12],
        "{id}"
    );
    assert!(groups.iter().all(|g| is_hex(g, g.len())), "{id}");
    assert_eq!(&id[14..15], "7", "version nibble of {id}");
    assert!("89ab".contains(&id[19..20]), "variant of {id}");
}

/// The header's value as a string; panics when absent or not a string.
#[track_caller]
fn header<'a>(r: &'a Value, name: &str) -> &'a str {
    r["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h[0] == name)
        .and_then(|h| h[1].as_str())
        .unwrap_or_else(|| panic!("no header {name} in {r}"))
}

/// --envelope wraps JSON payloads in the standard event envelope and adds a traceparent.
fn envelope(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("events", 1)])[0];
    let run = fx
        .evctl_in(
            &[
                "publish",
                t,
                "--envelope",
                "--type",
                "order.created.v1",
                "--source",
                "checkout",
                "--tenant",
                "t1",
                "-o",
                "json",
            ],
            "{\"order_id\":\"o-1\",\"amount\":12.50,\"tags\":[ \"a\" , \"b\" ]}\n\
             {\"payload\":{\"x\":1},\"metadata\":{\"partition_key\":\"o-2\"},\"extra\":true}\n",
        )
        .expect_code(0);
    assert_eq!(run.json()["records"], 2);
    // a one-record batch at the end, for tansu's end offset
    fx.evctl(&[
        "publish",
        t,
        "--envelope",
        "--type",
        "order.created.v1",
        "--source",
        "checkout",
        "{\"n\":3}",
    ])
    .expect_code(0);
    let got = fx.tail(&[t, "-e"]);
    assert_eq!(got.len(), 3);
    let mut ids = BTreeSet::new();
    for (i, r) in got.iter().enumerate() {
        let raw = r["value"].as_str().unwrap();
        let v: Value = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{e}: {raw}"));
        let id = v["id"].as_str().unwrap();
        assert_uuid_v7(id);
        ids.insert(id.to_string());
        assert_eq!(v["type"], "order.created.v1");
        assert_eq!(v["source"], "checkout");
        assert_eq!(
            v["correlation_id"], id,
            "a new event correlates with itself"
        );
        assert_eq!(
            v["occurred_at"], r["timestamp"],
            "occurred_at is the record's time"
        );
        let trace = v["trace_id"].as_str().unwrap();
        assert!(is_hex(trace, 32), "{trace}");
        let tp = header(r, "traceparent");
        let parts: Vec<&str> = tp.split('-').collect();
        assert_eq!(parts.len(), 4, "{tp}");
        assert_eq!((parts[0], parts[1], parts[3]), ("00", trace, "01"), "{tp}");
        assert!(is_hex(parts[2], 16), "{tp}");
        // the standard fields come in their order
        let at = |f: &str| raw.find(&format!("\"{f}\":")).unwrap_or(usize::MAX);
        let order = [
            "id",
            "type",
            "occurred_at",
            "source",
            "correlation_id",
            "trace_id",
            "payload",
            "metadata",
        ];
        assert!(
            order.windows(2).all(|w| at(w[0]) < at(w[1])),
            "field order in {raw}"
        );
        if i < 2 {
            assert_eq!(v["metadata"]["tenant_id"], "t1");
        } else {
            assert_eq!(v["metadata"], json!({}));
        }
    }
    assert_eq!(ids.len(), 3, "ids are unique");
    // a payload is kept token for token, whitespace removed
    let raw0 = got[0]["value"].as_str().unwrap();
    assert!(
        raw0.contains("\"payload\":{\"order_id\":\"o-1\",\"amount\":12.50,\"tags\":[\"a\",\"b\"]}"),
        "{raw0}"
    );
    assert_eq!(got[0]["key"], Value::Null);
    // an envelope given as input keeps its fields; the key is metadata.partition_key
    let v1: Value = serde_json::from_str(got[1]["value"].as_str().unwrap()).unwrap();
    assert_eq!(got[1]["key"], "o-2");
    assert_eq!(v1["payload"], json!({"x": 1}));
    assert_eq!(v1["extra"], true);
    assert_eq!(
        v1["metadata"],
        json!({"partition_key": "o-2", "tenant_id": "t1"})
    );

    // a bad type, non-JSON input: usage errors, nothing published
    let run = fx
        .evctl(&[
            "publish",
            t,
            "--envelope",
            "--type",
            "Bad.Type",
            "--source",
            "s",
            "{}",
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("invalid event type \"Bad.Type\""),
        "{}",
        run.stderr
    );
    let run = fx
        .evctl_in(
            &[
                "publish",
                t,
                "--envelope",
                "--type",
                "order.created.v1",
                "--source",
                "s",
            ],
            "not json\n",
        )
        .expect_code(2);
    assert!(run.stderr.contains("stdin:1:"), "{}", run.stderr);
    assert!(run.stderr.contains("not JSON"), "{}", run.stderr);
    assert_eq!(fx.tail(&[t, "-e"]).len(), 3);
}
on_each_broker!(envelope);

/// --cloudevents binary puts the attributes in ce_ headers; structured writes one JSON event.
fn cloudevents(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("ce", 1)])[0];
    let ce = |mode: &str, value: &str| {
        fx.evctl(&[
            "publish",
            t,
            value,
            "--cloudevents",
            mode,
            "--type",
            "order.created.v1",
            "--source",
            "/svc/orders",
            "--tenant",
            "t1",
            "--key",
            "o-1",
        ])
        .expect_code(0);
    };
    ce("binary", "{\"a\":1}");
    ce("structured", "{\"a\": [1, 2]}");
    ce("structured", "plain text");
    let got = fx.tail(&[t, "-e"]);
    assert_eq!(got.len(), 3);

    // binary: value unchanged, attributes as headers in order
    let b = &got[0];
    assert_eq!(b["value"], "{\"a\":1}");
    assert_eq!(b["key"], "o-1");
    let names: Vec<&str> = b["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h[0].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_tenantid",
            "ce_traceparent",
            "content-type",
            "traceparent"
        ]
    );
    assert_eq!(header(b, "ce_specversion"), "1.0");
    assert_uuid_v7(header(b, "ce_id"));
    assert_eq!(header(b, "ce_source"), "/svc/orders");
    assert_eq!(header(b, "ce_type"), "order.created.v1");
    assert_eq!(header(b, "ce_time"), b["timestamp"].as_str().unwrap());
    assert_eq!(header(b, "ce_tenantid"), "t1");
    assert_eq!(header(b, "content-type"), "application/json");
    assert_eq!(header(b, "ce_traceparent"), header(b, "traceparent"));
    let tp: Vec<&str> = header(b, "traceparent").split('-').collect();
    assert!(
        tp.len() == 4 && tp[0] == "00" && is_hex(tp[1], 32) && is_hex(tp[2], 16) && tp[3] == "01"
    );

    // structured: one JSON event, data embedded
    let s = &got[1];
    assert_eq!(s["key"], "o-1");
    let ct = header(s, "content-type");
    assert!(ct.starts_with("application/cloudevents+json"), "{ct}");
    assert!(
        !s["headers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h[0].as_str().unwrap().starts_with("ce_")),
        "{s}"
    );
    let v: Value = serde_json::from_str(s["value"].as_str().unwrap()).unwrap();
    assert_eq!(v["specversion"], "1.0");
    assert_uuid_v7(v["id"].as_str().unwrap());
    assert_eq!(v["source"], "/svc/orders");
    assert_eq!(v["type"], "order.created.v1");
    assert_eq!(v["time"], s["timestamp"]);
    assert_eq!(v["datacontenttype"], "application/json");
    assert_eq!(v["tenantid"], "t1");
    assert_eq!(v["traceparent"], header(s, "traceparent"));
    assert_eq!(v["data"], json!({"a": [1, 2]}));
    assert_ne!(v["id"], header(b, "ce_id"));
    // not JSON: base64 data
    let v: Value = serde_json::from_str(got[2]["value"].as_str().unwrap()).unwrap();
    assert_eq!(v["datacontenttype"], "application/octet-stream");
    assert_eq!(v["data_base64"], "cGxhaW4gdGV4dA==");
    assert!(v.get("data").is_none());

    let run = fx
        .evctl(&[
            "publish",
            t,
            "{}",
            "--cloudevents",
            "binary",
            "--type",
            "order.created.v1",
        ])
        .expect_code(2);
    assert!(run.stderr.contains("--source"), "{}", run.stderr);
}
on_each_broker!(cloudevents);

/// Each codec round-trips, text and binary; on noida-db kcat (librdkafka) decodes them too.
fn compression(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let codecs = ["none", "gzip", "snappy", "lz4", "zstd"];
    let t = &fx.create(&[("z", codecs.len() as i32)])[0];
    let mut expected = Vec::new();
    for (p, codec) in codecs.iter().enumerate() {
        let mut lines = Vec::new();
        for i in 0..40 {
            let value = if i % 4 == 3 {
                // binary, not UTF-8
                let bytes: Vec<u8> = (0..64u8)
                    .map(|b| b.wrapping_mul(37).wrapping_add(i))
                    .chain([0xff])
                    .collect();
                json!({"base64": base64_encode(&bytes)})
            } else {
                json!(format!(
                    "{codec} record {i} {}",
                    "compressible text ".repeat(i as usize)
                ))
            };
            let rec = json!({"partition": p, "timestamp": T0 + i64::from(i), "key": format!("k{i}"),
                             "value": value, "headers": [["codec", codec]]});
            lines.push(rec.to_string());
            expected.push(json!([
                p,
                i,
                rec["key"],
                rec["value"],
                rec["headers"],
                T0 + i64::from(i)
            ]));
        }
        let mut input = lines.join("\n");
        input.push('\n');
        let run = fx
            .evctl_in(
                &["publish", t, "--format", "json", "-z", codec, "-o", "json"],
                input,
            )
            .expect_code(0);
        let s = run.json();
        assert_eq!(s["records"], 40, "{codec}: {s}");
        assert_eq!(s["failed"], 0, "{codec}: {s}");
    }
    let got: Vec<Value> = fx
        .read_all(t, expected.len(), &[])
        .iter()
        .map(|r| {
            json!([
                r["partition"],
                r["offset"],
                r["key"],
                r["value"],
                r["headers"],
                r["timestamp_ms"]
            ])
        })
        .collect();
    assert_eq!(got, expected);

    if kind != Kind::Tansu && have_kcat(test) {
        let out = kcat(&["-C", "-J", "-e", "-q", "-b", &fx.addr, "-t", t], b"");
        let mut n = 0;
        for line in out.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            let p = v["partition"].as_i64().unwrap();
            let o = v["offset"].as_i64().unwrap();
            let want = &expected[(p * 40 + o) as usize];
            assert_eq!(v["key"], want[2]);
            assert_eq!(v["headers"], json!(["codec", codecs[p as usize]]));
            if let Some(text) = want[3].as_str() {
                assert_eq!(v["payload"], text, "kcat decoded {}", codecs[p as usize]);
            }
            n += 1;
        }
        assert_eq!(n, expected.len());
    }
}
on_each_broker!(compression);

fn base64_encode(b: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(b)
}

/// kcat (librdkafka) reads what evctl publishes: keys, values, duplicate and null headers,
/// timestamps, tombstones, and the murmur2 partition of each key.
fn kcat_reads_what_evctl_publishes(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    if !have_kcat(test) {
        return;
    }
    let t = &fx.create(&[("interop", 4)])[0];
    let keys: Vec<String> = (0..12).map(|i| format!("key-{i}")).collect();
    let input: String = keys.iter().map(|k| format!("{k}:value of {k}\n")).collect();
    fx.evctl_in(
        &[
            "publish",
            t,
            "--key-separator",
            ":",
            "-H",
            "a=1",
            "-H",
            "a=2",
            "-H",
            "b=x",
            "-H",
            "n",
            "-H",
            "e=",
            "--timestamp",
            "2031-01-01T00:00:01Z",
        ],
        input,
    )
    .expect_code(0);
    fx.evctl_in(
        &[
            "publish",
            t,
            "--null-value",
            "--timestamp",
            "2031-01-01T00:00:02Z",
        ],
        "gone\n",
    )
    .expect_code(0);

    let out = kcat(&["-C", "-J", "-e", "-q", "-b", &fx.addr, "-t", t], b"");
    let mut seen = BTreeSet::new();
    let mut by_kcat = Vec::new();
    for line in out.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let key = v["key"].as_str().unwrap().to_string();
        let partition = v["partition"].as_i64().unwrap();
        assert_eq!(
            partition,
            i64::from(evctl::kafka::partitioner::partition_for_key(
                key.as_bytes(),
                4
            )),
            "partition of {key}"
        );
        assert_eq!(v["tstype"], "create");
        if key == "gone" {
            assert_eq!(v["payload"], Value::Null, "a tombstone: {v}");
            assert_eq!(v["ts"], T0 + 2000);
            assert!(v.get("headers").is_none_or(|h| h == &json!([])), "{v}");
        } else {
            assert_eq!(v["payload"], format!("value of {key}"));
            assert_eq!(v["ts"], T0 + 1000);
            assert_eq!(
                v["headers"],
                json!(["a", "1", "a", "2", "b", "x", "n", null, "e", ""])
            );
        }
        seen.insert(key);
        by_kcat.push(json!([
            v["partition"],
            v["offset"],
            v["key"],
            v["payload"],
            v["ts"]
        ]));
    }
    assert_eq!(seen.len(), 13);
    assert!(seen.contains("gone"));
    // evctl reads the same offsets
    let mut ours: Vec<Value> = fx
        .tail(&[t, "-e"])
        .iter()
        .map(|r| {
            json!([
                r["partition"],
                r["offset"],
                r["key"],
                r["value"],
                r["timestamp_ms"]
            ])
        })
        .collect();
    let key_of = |v: &Value| (v[0].as_i64(), v[1].as_i64());
    ours.sort_by_key(key_of);
    by_kcat.sort_by_key(key_of);
    assert_eq!(ours, by_kcat);
}
on_noida_and_kafka!(kcat_reads_what_evctl_publishes);

/// Keyed records published by evctl and by kcat (`partitioner=murmur2_random`) land on the same
/// partition, key by key.
fn keyed_partitions_match_kcat(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    if !have_kcat(test) {
        return;
    }
    let topics = fx.create(&[("evctl", 12), ("kcat", 12)]);
    let keys: Vec<String> = (0..50)
        .map(|i| format!("customer-{i}"))
        .chain(["".into(), "é".into(), "a:b".into()])
        .collect();
    let input: String = keys.iter().map(|k| format!("{k}\tv\n")).collect();
    fx.evctl_in(
        &["publish", &topics[0], "--key-separator", "\\t"],
        input.clone(),
    )
    .expect_code(0);
    kcat(
        &[
            "-P",
            "-b",
            &fx.addr,
            "-t",
            &topics[1],
            "-K",
            "\t",
            "-X",
            "partitioner=murmur2_random",
        ],
        input.as_bytes(),
    );
    let placement = |t: &str| -> std::collections::BTreeMap<String, i64> {
        fx.tail(&[t, "-e"])
            .iter()
            .map(|r| {
                (
                    r["key"].as_str().unwrap().to_string(),
                    r["partition"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let ours = placement(&topics[0]);
    let theirs = placement(&topics[1]);
    assert_eq!(ours.len(), keys.len());
    assert_eq!(ours, theirs);
    let used: BTreeSet<i64> = ours.values().copied().collect();
    assert!(used.len() >= 8, "keys spread over {used:?}");
}
on_noida_and_kafka!(keyed_partitions_match_kcat);

/// A value close to the broker's 1 MiB limit and 50,000 small records in one run: all published,
/// in order, and `tail -e` reads them back through many fetches.
fn large_and_many(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("large", 2)])[0];
    let big = "x".repeat(900_000);
    let s = fx
        .evctl_in(&["publish", t, "-p", "0", "-o", "json"], format!("{big}\n"))
        .expect_code(0)
        .json();
    assert_eq!(s["records"], 1);
    assert_eq!(
        s["bytes"].as_u64().unwrap() as usize,
        61 + record_len(None, Some(big.as_bytes()), &[])
    );
    let many: String = (0..50_000).map(|i| format!("{i}\n")).collect();
    let s = fx
        .evctl_in(&["publish", t, "-p", "1", "-o", "json"], many)
        .expect_code(0)
        .json();
    assert_eq!(s["records"], 50_000);
    assert_eq!(s["failed"], 0);
    // one-record batches at the end of each partition, so that tansu's end offsets are right
    for p in ["0", "1"] {
        fx.evctl(&["publish", t, "seal", "-p", p]).expect_code(0);
    }
    let run = fx
        .evctl(&[
            "tail",
            t,
            "-e",
            "--format",
            "{partition} {offset} {value_len}\\n",
        ])
        .expect_code(0);
    let want = "0 0 900000\n0 1 4\n";
    let mut p1: String = (0..50_000)
        .map(|i: i64| format!("1 {i} {}\n", i.to_string().len()))
        .collect();
    p1.push_str("1 50000 4\n");
    let (mut zero, mut one) = (String::new(), String::new());
    for line in run.stdout.lines() {
        if line.starts_with("0 ") {
            zero.push_str(line);
            zero.push('\n');
        } else {
            one.push_str(line);
            one.push('\n');
        }
    }
    assert_eq!(zero, want);
    assert!(
        one == p1,
        "partition 1 differs ({} lines)",
        one.lines().count()
    );
    // the values themselves, in order
    let values = fx
        .evctl(&["tail", t, "-e", "-p", "1", "-o", "raw"])
        .expect_code(0)
        .stdout;
    let mut expected: String = (0..50_000).map(|i| format!("{i}\n")).collect();
    expected.push_str("seal\n");
    assert!(values == expected, "values of partition 1 differ");
}
on_each_broker!(large_and_many);

/// Producer flags: small batches, --acks 1 and 0, --no-idempotence and --linger; the summary says
/// whether the producer was idempotent, and everything arrives.
fn producer_options(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("producer", 2)])[0];
    let numbers: String = (1..=300).map(|i| format!("{i}\n")).collect();
    let s = fx
        .evctl_in(
            &[
                "publish",
                t,
                "-p",
                "0",
                "--batch-size",
                "1KiB",
                "-o",
                "json",
            ],
            numbers,
        )
        .expect_code(0)
        .json();
    assert_eq!(s["records"], 300);
    assert_eq!(s["idempotent"], true);
    // 300 keyless records of 7 + len bytes (more for offset deltas of 64 and up) cannot fit in
    // fewer than three 1 KiB batches of 61 header bytes each
    let records: u64 = (1..=300u64).map(|i| 7 + i.to_string().len() as u64).sum();
    let bytes = s["bytes"].as_u64().unwrap();
    assert!(bytes >= records + 3 * 61, "{bytes} bytes for {records}");
    assert!(
        bytes <= records + 300 + 20 * 61,
        "{bytes} bytes for {records}"
    );
    for (flags, input, idempotent) in [
        (vec!["--acks", "1"], "a\nb\n", false),
        (vec!["--no-idempotence"], "c\nd\n", false),
        (vec!["--linger", "0ms"], "e\nf\n", true),
    ] {
        let mut args = vec!["publish", t.as_str(), "-p", "0", "-o", "json"];
        args.extend(flags.iter().copied());
        let s = fx.evctl_in(&args, input).expect_code(0).json();
        assert_eq!(s["records"], 2, "{flags:?}: {s}");
        assert_eq!(s["idempotent"], idempotent, "{flags:?}: {s}");
    }
    fx.evctl(&["publish", t, "seal", "-p", "0"]).expect_code(0);
    let mut want: Vec<String> = (1..=300).map(|i| i.to_string()).collect();
    want.extend(["a", "b", "c", "d", "e", "f", "seal"].map(String::from));
    let got: Vec<String> = fx
        .tail(&[t, "-e", "-p", "0"])
        .iter()
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, want);

    // fire and forget: no answer, so not idempotent; the records still arrive
    let s = fx
        .evctl_in(
            &["publish", t, "-p", "1", "--acks", "0", "-o", "json"],
            "x\ny\n",
        )
        .expect_code(0)
        .json();
    assert_eq!(s["idempotent"], false);
    let got: Vec<Value> = fx
        .tail(&[t, "-p", "1", "--from", "start", "-n", "2"])
        .iter()
        .map(|r| r["value"].clone())
        .collect();
    assert_eq!(got, [json!("x"), json!("y")]);

    let run = fx
        .evctl(&["publish", t, "v", "--batch-size", "100"])
        .expect_code(2);
    assert!(run.stderr.contains("--batch-size"), "{}", run.stderr);
}
on_each_broker!(producer_options);

/// A record the broker rejects (over the topic's max.message.bytes) is counted, its input line is
/// named, and publish exits 1. tansu does not enforce max.message.bytes, so this runs on noida-db.
fn rejected_records_fail_the_run(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let topic = format!("it.pub.small.{}", std::process::id());
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("t.yaml");
    std::fs::write(
        &spec,
        format!(
            "topics:\n  - name: {topic}\n    partitions: 1\n    replication_factor: 1\n    configs: {{max.message.bytes: 2000}}\n"
        ),
    )
    .unwrap();
    Evctl::new()
        .args(["-b", &addr, "apply"])
        .arg_path(&spec)
        .arg("--yes")
        .run()
        .expect_code(0);
    let big = "x".repeat(5000);
    let run = Evctl::new()
        .args(["-b", &addr, "publish", &topic, "-o", "json"])
        .stdin(format!("{big}\n"))
        .run_within(Duration::from_secs(30))
        .expect_code(1);
    let summary = run.json();
    assert_eq!(summary["records"], 0);
    assert_eq!(summary["failed"], 1);
    assert!(
        run.stderr.contains("line 1: producing to") && run.stderr.contains("MessageTooLarge"),
        "{}",
        run.stderr
    );
}
on_noida_and_kafka!(rejected_records_fail_the_run);

/// --rate spaces the records out: 30 records at 100/s take at least 0.29 s, and all arrive.
fn rate_limits_publishing(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topic = fx.create(&[("rate", 1)]).remove(0);
    let lines: String = (0..30).map(|i| format!("r{i}\n")).collect();
    let run = Evctl::new()
        .args([
            "-b", &fx.addr, "publish", &topic, "--rate", "100/s", "-o", "json",
        ])
        .stdin(lines)
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    let summary = run.json();
    assert_eq!(summary["records"], 30);
    assert!(summary["seconds"].as_f64().unwrap() >= 0.29, "{summary}");
    Evctl::new()
        .args(["-b", &fx.addr, "publish", &topic, "x", "--rate", "0"])
        .run()
        .expect_code(2);
}
on_noida_and_kafka!(rate_limits_publishing);

/// `--null-value --key K` publishes one tombstone for K without reading stdin (a script's empty
/// stdin does not turn it into nothing).
fn one_tombstone_for_a_key(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topic = fx.create(&[("tomb", 1)]).remove(0);
    let summary = Evctl::new()
        .args([
            "-b",
            &fx.addr,
            "publish",
            &topic,
            "--null-value",
            "--key",
            "user-7",
            "-o",
            "json",
        ])
        .run_within(Duration::from_secs(30))
        .expect_code(0)
        .json();
    assert_eq!(summary["records"], 1);
    let out = Evctl::new()
        .args(["-b", &fx.addr, "tail", &topic, "-e", "-o", "json"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    let r: Value = serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(r["key"], "user-7");
    assert!(r["value"].is_null());
}
on_noida_and_kafka!(one_tombstone_for_a_key);
