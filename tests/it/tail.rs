//! `evctl tail` against each live broker: filters, every offset form, following, transaction
//! markers, output formats, consumer groups, and records written by kcat (noida-db only).
//!
//! Broker gaps, named where a test adapts: tansu's ListOffsets(latest) is wrong after a
//! multi-record batch (records are published one per batch there, see `publish.rs`), and its
//! ListOffsets by timestamp answers the log start whatever the time, so the `@TIME` forms are
//! checked on noida-db only.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::process::Child;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::publish::{Fx, T0, have_kcat, json_lines, kcat, positions, sort, without};
use crate::support::{Evctl, Kind, require_api, skip};
use crate::{on_each_broker, on_noida_and_kafka};

/// The named reason the time-based offset forms are not run on tansu.
const TANSU_TIME: &str = "tansu: ListOffsets(timestamp) answers the log start offset whatever the time: @TIME forms checked on noida-db only";

/// Publishes `(partition, timestamp ms, key, value)` records with `--format json`.
fn put(fx: &Fx, topic: &str, records: &[(i32, i64, &str, Value)]) {
    let lines: Vec<String> = records
        .iter()
        .map(|(p, ts, k, v)| {
            json!({"partition": p, "timestamp": ts, "key": k, "value": v}).to_string()
        })
        .collect();
    fx.publish_json(topic, &lines, &[]);
}

/// Publishes full JSON records (headers and all).
fn put_json(fx: &Fx, topic: &str, records: &[Value]) {
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    fx.publish_json(topic, &lines, &[]);
}

/// The offsets `tail --format '{offset}\n'` prints.
#[track_caller]
fn offsets(fx: &Fx, args: &[&str]) -> Vec<i64> {
    let mut all = vec!["tail", "--format", "{offset}\\n"];
    all.extend_from_slice(args);
    let run = fx.evctl(&all).expect_code(0);
    run.stdout.lines().map(|l| l.parse().unwrap()).collect()
}

/// The filters: --key (exact, glob, any of several), --header (name, name=value, all of several),
/// --grep, --where (with $key) and their combination; bad expressions are usage errors.
fn filters(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topics = fx.create(&[("f", 1), ("g", 1)]);
    let t = &topics[0];
    let order = |tenant: &str, n: i32| {
        json!({"type": "order.created.v1", "metadata": {"tenant_id": tenant}, "n": n}).to_string()
    };
    let records = vec![
        json!({"key": "order-1", "value": order("t1", 1), "headers": [["src", "web"], ["tr", "x"]]}),
        json!({"key": "order-2", "value": order("t2", 2), "headers": [["src", "app"]]}),
        json!({"key": "user-1", "value": json!({"type": "user.updated.v1", "metadata": {"tenant_id": "t1"}, "n": 3}).to_string(),
               "headers": [["src", "web"], ["flag", null]]}),
        json!({"key": "order-10", "value": "plain text: ERROR  disk full", "headers": []}),
        json!({"key": null, "value": order("t1", 5), "headers": [["src", "web"]]}),
        json!({"key": "bin", "value": {"base64": "/wA="}, "headers": [["src", {"base64": "/w=="}]]}),
        json!({"key": "tomb", "value": null, "headers": [["src", "web"]]}),
    ];
    let records: Vec<Value> = records
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r["timestamp"] = json!(T0 + i as i64);
            r
        })
        .collect();
    put_json(&fx, t, &records);
    let f = |args: &[&str]| {
        let mut all = vec![t.as_str(), "-e"];
        all.extend_from_slice(args);
        offsets(&fx, &all)
    };
    assert_eq!(f(&[]), [0, 1, 2, 3, 4, 5, 6]);
    // --key
    assert_eq!(f(&["--key", "order-1"]), [0]);
    assert_eq!(f(&["--key", "order-*"]), [0, 1, 3]);
    assert_eq!(f(&["--key", "order-?"]), [0, 1]);
    assert_eq!(
        f(&["--key", "*"]),
        [0, 1, 2, 3, 5, 6],
        "a null key never matches"
    );
    assert_eq!(f(&["--key", "order-1", "--key", "user-*"]), [0, 2]);
    assert_eq!(f(&["--key", "nope"]), Vec::<i64>::new());
    // --header
    assert_eq!(f(&["--header", "src"]), [0, 1, 2, 4, 5, 6]);
    assert_eq!(
        f(&["--header", "flag"]),
        [2],
        "a null header value still names the header"
    );
    assert_eq!(f(&["--header", "src=web"]), [0, 2, 4, 6]);
    assert_eq!(f(&["--header", "src=w*"]), [0, 2, 4, 6]);
    assert_eq!(f(&["--header", "src=web", "--header", "tr"]), [0]);
    assert_eq!(
        f(&["--header", "src=web", "--header", "tr=y"]),
        Vec::<i64>::new()
    );
    // --grep
    assert_eq!(f(&["--grep", "ERROR\\s+disk"]), [3]);
    assert_eq!(f(&["--grep", "\"n\":[12]\\b"]), [0, 1]);
    assert_eq!(f(&["--grep", "(?-u)\\xff"]), [5]);
    // --where
    assert_eq!(
        f(&[
            "--where",
            ".type == \"order.created.v1\" and .metadata.tenant_id == \"t1\""
        ]),
        [0, 4]
    );
    assert_eq!(f(&["--where", "$key == \"user-1\""]), [2]);
    assert_eq!(f(&["--where", "$key == null"]), [4]);
    assert_eq!(
        f(&["--where", ".n >= 2"]),
        [1, 2, 4],
        "non-JSON and null values never match"
    );
    assert_eq!(f(&["--where", "$offset > 3 and .n == 5"]), [4]);
    assert_eq!(f(&["--where", "$headers | any(.[0] == \"tr\")"]), [0]);
    assert_eq!(
        f(&["--where", &format!("$timestamp >= {}", T0 + 2)]),
        [2, 4]
    );
    assert_eq!(
        f(&["--where", &format!("$partition == 0 and $topic == \"{t}\"")]),
        [0, 1, 2, 4]
    );
    assert_eq!(f(&["--where", "true"]), [0, 1, 2, 4], "only JSON values");
    // all conditions together; -n counts after the filters
    assert_eq!(
        f(&["--key", "order-*", "--header", "src", "--where", ".n >= 2"]),
        [1]
    );
    assert_eq!(f(&["--header", "src=web", "-n", "2"]), [0, 2]);

    // usage errors
    let run = fx
        .evctl(&["tail", t, "-e", "--where", ".type == "])
        .expect_code(2);
    assert!(run.stderr.contains("--where"), "{}", run.stderr);
    assert!(run.stderr.contains("column 10"), "{}", run.stderr);
    let run = fx
        .evctl(&["tail", t, "-e", "--where", "$nope"])
        .expect_code(2);
    assert!(run.stderr.contains("column"), "{}", run.stderr);
    let run = fx.evctl(&["tail", t, "-e", "--grep", "("]).expect_code(2);
    assert!(run.stderr.contains("--grep"), "{}", run.stderr);
    let run = fx
        .evctl(&["tail", t, "-e", "--header", "=x"])
        .expect_code(2);
    assert!(run.stderr.contains("--header"), "{}", run.stderr);

    // --pattern reads every matching topic
    put(&fx, &topics[1], &[(0, T0, "g", json!("in g"))]);
    let prefix = t.trim_end_matches(".f");
    let pattern = format!("^{}\\.(f|g)$", regex_escape(prefix));
    let mut got = fx.tail(&[
        "--pattern",
        &pattern,
        "-e",
        "--key",
        "g",
        "--key",
        "order-1",
    ]);
    got.sort_by_key(|r| r["topic"].as_str().unwrap().to_string());
    let got: Vec<Value> = got.iter().map(|r| json!([r["topic"], r["key"]])).collect();
    assert_eq!(got, vec![json!([t, "order-1"]), json!([&topics[1], "g"])]);
}
on_each_broker!(filters);

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                vec![c]
            } else {
                vec!['\\', c]
            }
        })
        .collect()
}

/// The offset syntax: start, end, N, +N, -N, @TIME forms, ranges, --to (exclusive), -p lists
/// and ranges, and -n.
fn offset_forms(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topics = fx.create(&[("o", 3), ("ago", 1)]);
    let t = &topics[0];
    let v = |s: &str| json!(s);
    put(
        &fx,
        t,
        &[
            (0, T0 - 12 * 3_600_000, "a", v("p0-0")),
            (0, T0 + 1000, "a", v("p0-1")),
            (0, T0 + 2000, "a", v("p0-2")),
            (0, T0 + 3000, "a", v("p0-3")),
            (0, T0 + 4000, "a", v("p0-4")),
            (1, T0 + 500, "b", v("p1-0")),
            (1, T0 + 1500, "b", v("p1-1")),
            (1, T0 + 2500, "b", v("p1-2")),
            (2, T0 + 10_000, "c", v("p2-0")),
        ],
    );
    let at = |args: &[&str]| -> Vec<(i64, i64)> {
        let mut all = vec![t.as_str()];
        all.extend_from_slice(args);
        let got = fx.tail(&all);
        for r in &got {
            // the value names the position: nothing is mislabelled
            assert_eq!(
                r["value"],
                format!("p{}-{}", r["partition"], r["offset"]),
                "{args:?}"
            );
        }
        positions(&got)
    };
    let p0: Vec<(i64, i64)> = (0..5).map(|o| (0, o)).collect();
    let p1: Vec<(i64, i64)> = (0..3).map(|o| (1, o)).collect();
    let p2 = vec![(2, 0)];
    let all: Vec<(i64, i64)> = [p0.clone(), p1.clone(), p2.clone()].concat();
    let none: Vec<(i64, i64)> = Vec::new();

    assert_eq!(at(&["-e"]), all, "-e starts at start");
    assert_eq!(at(&["--from", "start", "-e"]), all);
    assert_eq!(at(&["--from", "end", "-e"]), none);
    assert_eq!(at(&["--from", "end", "--to", "end"]), none);
    assert_eq!(at(&["--to", "end"]), all, "--to alone starts at start");
    assert_eq!(at(&["--from", "2", "-e"]), [(0, 2), (0, 3), (0, 4), (1, 2)]);
    assert_eq!(
        at(&["--from", "+1", "-e"]),
        [(0, 1), (0, 2), (0, 3), (0, 4), (1, 1), (1, 2)]
    );
    assert_eq!(
        at(&["--from", "-2", "-e"]),
        [(0, 3), (0, 4), (1, 1), (1, 2), (2, 0)]
    );
    assert_eq!(at(&["--from", "-10", "-e"]), all, "-N stops at the start");
    assert_eq!(at(&["--from", "+10", "-e"]), none, "+N stops at the end");
    assert_eq!(
        at(&["--from", "1:3", "-e"]),
        [(0, 1), (0, 2), (1, 1), (1, 2)]
    );
    assert_eq!(
        at(&["--from", "1:3", "-p", "0-1"]),
        [(0, 1), (0, 2), (1, 1), (1, 2)],
        "a range ends without -e"
    );
    assert_eq!(
        at(&["--from", "start", "--to", "2", "-p", "0,1"]),
        [(0, 0), (0, 1), (1, 0), (1, 1)]
    );
    assert_eq!(at(&["--from", "4", "--to", "5", "-p", "0"]), [(0, 4)]);
    assert_eq!(
        at(&["--from", "4", "--to", "4", "-p", "0"]),
        none,
        "--to is exclusive"
    );
    assert_eq!(
        at(&["--from", "-3:-1", "-e"]),
        [(0, 2), (0, 3), (1, 0), (1, 1)]
    );
    assert_eq!(
        at(&["--from", ":2", "-e"]),
        [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]
    );
    assert_eq!(at(&["--from", "+1:", "-p", "2", "-e"]), none);
    assert_eq!(at(&["-p", "0,2", "-e"]), [p0.clone(), p2.clone()].concat());
    assert_eq!(at(&["-p", "1-2", "-e"]), [p1.clone(), p2.clone()].concat());
    assert_eq!(at(&["-p", "1", "--from", "-1", "-e"]), [(1, 2)]);
    // -n: in all, after the start
    assert_eq!(
        at(&["-n", "3", "-p", "0", "--from", "start"]),
        [(0, 0), (0, 1), (0, 2)]
    );
    let four = at(&["-n", "4", "-e"]);
    assert_eq!(four.len(), 4);
    for (p, o) in &four {
        assert!(
            (0..*o).all(|before| four.contains(&(*p, before))),
            "each partition is read in order: {four:?}"
        );
    }
    assert_eq!(at(&["-n", "100", "-e"]), all, "-e ends before -n");

    // usage errors
    for (args, what) in [
        (vec!["--from", "bogus"], "--from"),
        (vec!["--from", "1:2", "--to", "3"], "--to given twice"),
        (vec!["--to", "@+1h"], "--to"),
        (vec!["-p", "7", "-e"], "none of these partitions exist"),
        (vec!["-p", "x", "-e"], "--partitions"),
        (vec!["-p", "2-1", "-e"], "--partitions"),
    ] {
        let mut all = vec!["tail", t.as_str()];
        all.extend(args.iter().copied());
        let run = fx.evctl(&all).expect_code(2);
        assert!(run.stderr.contains(what), "{args:?}: {}", run.stderr);
    }

    if kind == Kind::Tansu {
        skip(test, TANSU_TIME);
        return;
    }
    assert_eq!(
        at(&["--from", "@2031-01-01T00:00:02Z", "-e"]),
        [(0, 2), (0, 3), (0, 4), (1, 2), (2, 0)]
    );
    assert_eq!(
        at(&["--from", "@2031-01-01T00:00:02.500Z", "-e"]),
        [(0, 3), (0, 4), (1, 2), (2, 0)]
    );
    assert_eq!(
        at(&["--from", "@2031-01-01", "-e"]),
        [
            (0, 1),
            (0, 2),
            (0, 3),
            (0, 4),
            (1, 0),
            (1, 1),
            (1, 2),
            (2, 0)
        ],
        "a date is midnight UTC"
    );
    let ms = format!("@{}", T0 + 1500);
    assert_eq!(
        at(&["--from", &ms, "-e"]),
        [(0, 2), (0, 3), (0, 4), (1, 1), (1, 2), (2, 0)]
    );
    assert_eq!(
        at(&[
            "--from",
            "@2031-01-01T00:00:01Z:@2031-01-01T00:00:03Z",
            "-e"
        ]),
        [(0, 1), (0, 2), (1, 1), (1, 2)]
    );
    assert_eq!(
        at(&["--to", "@2031-01-01T00:00:01Z", "-e"]),
        [(0, 0), (1, 0)]
    );
    assert_eq!(
        at(&[
            "--from",
            "@2031-01-01T00:00:01Z",
            "--to",
            "@2031-01-01T00:00:02Z"
        ]),
        [(0, 1), (1, 1)],
        "a time range ends without -e"
    );
    assert_eq!(
        at(&["--from", "@2032-01-01", "-e"]),
        none,
        "no record that late"
    );

    // @-DURATION: relative to now
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let ago = &topics[1];
    put(
        &fx,
        ago,
        &[
            (0, now - 3 * 3_600_000, "x", v("3h")),
            (0, now - 2 * 3_600_000, "x", v("2h")),
            (0, now - 30 * 60_000, "x", v("30m")),
            (0, now - 1000, "x", v("1s")),
        ],
    );
    let values = |from: &str| -> Vec<Value> {
        fx.tail(&[ago, "--from", from, "-e"])
            .iter()
            .map(|r| r["value"].clone())
            .collect()
    };
    assert_eq!(values("@-1h"), [json!("30m"), json!("1s")]);
    assert_eq!(values("@-150m"), [json!("2h"), json!("30m"), json!("1s")]);
    assert_eq!(values("@-1d").len(), 4);
    assert_eq!(values("@-1m"), [json!("1s")]);
}
on_each_broker!(offset_forms);

/// Reads a spawned evctl's stderr on a thread; returns a receiver of its lines.
fn stderr_lines(child: &mut Child) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits for a stderr line containing `what`.
fn wait_for_line(rx: &std::sync::mpsc::Receiver<String>, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) if l.contains(what) => return,
            Ok(_) => {}
            Err(e) => panic!("no stderr line with {what:?}: {e}"),
        }
    }
}

/// A spawned evctl, killed when dropped: a failing test leaves no tail running.
struct Spawned(Child);

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits for a spawned child to exit and returns its stdout; kills it after 20 s.
fn finish(mut spawned: Spawned) -> (i32, String) {
    use std::io::Read;
    let child = &mut spawned.0;
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("tail did not stop within 20s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut out = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_string(&mut out).unwrap();
    }
    (status.code().unwrap_or(-1), out)
}

/// Without --from (and without an end) tail follows from the end, like `--from end`; -n stops it.
fn follow_from_end(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("follow", 2)])[0];
    put(&fx, t, &[(1, T0, "old", json!("old"))]);
    let spawn = |extra: &[&str]| {
        let mut args = vec!["-b", fx.addr.as_str(), "tail", t, "-o", "json", "-n", "1"];
        args.extend_from_slice(extra);
        let (mut child, home) = Evctl::new().args(&args).spawn();
        let lines = stderr_lines(&mut child);
        (Spawned(child), home, lines)
    };
    let (default, _h1, default_err) = spawn(&[]);
    let (from_end, _h2, from_end_err) = spawn(&["--from", "end"]);
    wait_for_line(&default_err, "tailing");
    wait_for_line(&from_end_err, "tailing");
    fx.evctl(&[
        "publish",
        t,
        "new",
        "-p",
        "1",
        "--key",
        "k",
        "--timestamp",
        "1924992001000",
    ])
    .expect_code(0);
    for child in [default, from_end] {
        let (code, out) = finish(child);
        assert_eq!(code, 0);
        let got = json_lines(&out);
        assert_eq!(got.len(), 1, "{out}");
        assert_eq!(
            without(&got[0], &["topic", "timestamp"]),
            json!({"partition": 1, "offset": 1, "timestamp_ms": T0 + 1000,
                   "timestamp_type": "create", "key": "k", "value": "new", "headers": []})
        );
    }
}
on_each_broker!(follow_from_end);

/// Committed offsets of a group, through the library.
fn committed(addr: &str, group: &str, tps: &[(String, i32)]) -> HashMap<(String, i32), i64> {
    crate::support::block_on(async {
        let client = crate::support::client(addr).await;
        evctl::kafka::offsets::committed_offsets(&client, group, Some(tps))
            .await
            .unwrap()
    })
}

/// Transactions leave control records (markers) at offsets of their own: `-e` ends at the end
/// offset even when the last offset is a marker, and skips the gaps; so do ranges ending on one.
fn exit_at_end_over_transaction_markers(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    if !have_kcat(test) {
        return;
    }
    let t = &fx.create(&[("tx", 1)])[0];
    let pid = std::process::id();
    // two transactions: a b c [marker 3] d e [marker 6]; the end offset is 7
    for (n, input) in [(1, "a\nb\nc\n"), (2, "d\ne\n")] {
        kcat(
            &[
                "-P",
                "-b",
                &fx.addr,
                "-t",
                t,
                "-X",
                &format!("transactional.id=tx-{pid}-{n}"),
            ],
            input.as_bytes(),
        );
    }
    let limit = Duration::from_secs(20);
    let tail = |args: &[&str]| -> Vec<Value> {
        let run = Evctl::new()
            .args(["-b", fx.addr.as_str(), "tail", t, "-o", "json"])
            .args(args)
            .run_within(limit)
            .expect_code(0);
        json_lines(&run.stdout)
    };
    let ov = |records: &[Value]| -> Vec<Value> {
        records
            .iter()
            .map(|r| json!([r["offset"], r["value"]]))
            .collect()
    };
    let data = vec![
        json!([0, "a"]),
        json!([1, "b"]),
        json!([2, "c"]),
        json!([4, "d"]),
        json!([5, "e"]),
    ];
    assert_eq!(ov(&tail(&["-e"])), data);
    assert_eq!(ov(&tail(&["-e", "--read-uncommitted"])), data);
    assert_eq!(
        ov(&tail(&["--from", "-1", "-e"])),
        Vec::<Value>::new(),
        "the last offset is a marker"
    );
    assert_eq!(ov(&tail(&["--from", "-2", "-e"])), [json!([5, "e"])]);
    assert_eq!(ov(&tail(&["--from", "3", "-e"])), data[3..].to_vec());
    assert_eq!(ov(&tail(&["--from", "4", "--to", "7"])), data[3..].to_vec());
    assert_eq!(
        ov(&tail(&["--from", "2:4"])),
        [json!([2, "c"])],
        "a range over a marker"
    );
    assert_eq!(ov(&tail(&["--from", "6:7"])), Vec::<Value>::new());
    // a group that read to the end commits the end offset, past the marker
    let group = format!("it-tx-{pid}");
    assert_eq!(
        ov(&tail(&["--group", &group, "--from", "start", "-e"])),
        data
    );
    let tps = vec![(t.clone(), 0)];
    assert_eq!(committed(&fx.addr, &group, &tps)[&tps[0]], 7);
    assert!(tail(&["--group", &group, "-e"]).is_empty());
    assert_eq!(committed(&fx.addr, &group, &tps)[&tps[0]], 7);
}
on_noida_and_kafka!(exit_at_end_over_transaction_markers);

fn hex(b: &[u8]) -> String {
    b.iter().map(|b| format!("{b:02x}")).collect()
}

/// -o json (exact lines), the default when stdout is not a terminal, -o raw (value bytes),
/// -o pretty and --format templates with every field and modifier.
fn output_formats(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let topics = fx.create(&[("out", 1), ("json", 1)]);
    let t = &topics[0];
    let tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let v0 = "{\"id\":7,\"items\":[\"book\"]}";
    put_json(
        &fx,
        t,
        &[
            json!({"timestamp": T0, "key": "order-7", "value": v0,
                   "headers": [["traceparent", tp], ["retry", null], ["e", ""]]}),
            json!({"timestamp": T0 + 1, "key": null, "value": "café \u{1b}[31mred"}),
            json!({"timestamp": T0 + 2, "key": "", "value": {"base64": "//4="}}),
            json!({"timestamp": T0 + 3, "key": "t", "value": null}),
            json!({"timestamp": T0 + 4, "key": "e", "value": ""}),
        ],
    );
    let run = |args: &[&str]| {
        let mut all = vec!["tail", t.as_str(), "-e"];
        all.extend_from_slice(args);
        fx.evctl(&all).expect_code(0)
    };

    // json: exact lines
    let line = |o: i64, ts: &str, ms: i64, key: &str, value: &str, headers: &str| {
        format!(
            "{{\"topic\":\"{t}\",\"partition\":0,\"offset\":{o},\"timestamp\":\"{ts}\",\"timestamp_ms\":{ms},\"timestamp_type\":\"create\",\"key\":{key},\"value\":{value},\"headers\":{headers}}}\n"
        )
    };
    let want = [
        line(
            0,
            "2031-01-01T00:00:00.000Z",
            T0,
            "\"order-7\"",
            "\"{\\\"id\\\":7,\\\"items\\\":[\\\"book\\\"]}\"",
            &format!("[[\"traceparent\",\"{tp}\"],[\"retry\",null],[\"e\",\"\"]]"),
        ),
        line(
            1,
            "2031-01-01T00:00:00.001Z",
            T0 + 1,
            "null",
            "\"café \\u001b[31mred\"",
            "[]",
        ),
        line(
            2,
            "2031-01-01T00:00:00.002Z",
            T0 + 2,
            "\"\"",
            "{\"base64\":\"//4=\"}",
            "[]",
        ),
        line(3, "2031-01-01T00:00:00.003Z", T0 + 3, "\"t\"", "null", "[]"),
        line(4, "2031-01-01T00:00:00.004Z", T0 + 4, "\"e\"", "\"\"", "[]"),
    ]
    .concat();
    assert_eq!(run(&["-o", "json"]).stdout, want);
    assert_eq!(run(&[]).stdout, want, "json when stdout is not a terminal");

    // raw: the value bytes and a newline (a null value is an empty line)
    let mut raw = Vec::new();
    for v in [
        v0.as_bytes(),
        "café \u{1b}[31mred".as_bytes(),
        b"\xff\xfe",
        b"",
        b"",
    ] {
        raw.extend_from_slice(v);
        raw.push(b'\n');
    }
    assert_eq!(run(&["-o", "raw"]).stdout_bytes, raw);

    // pretty (not a terminal: no colour, no escaping)
    let pretty = run(&["-o", "pretty"]).stdout;
    let blocks: Vec<&str> = pretty.split_inclusive("\n\n").collect();
    assert_eq!(blocks.len(), 5, "{pretty}");
    assert_eq!(
        blocks[0],
        format!(
            "{t}/0@0 2031-01-01T00:00:00.000Z key=order-7\n  traceparent: {tp}\n  retry: null\n  e: \"\"\n{{\n  \"id\": 7,\n  \"items\": [\n    \"book\"\n  ]\n}}\n\n"
        )
    );
    assert_eq!(
        blocks[1],
        format!("{t}/0@1 2031-01-01T00:00:00.001Z key=null\ncafé \u{1b}[31mred\n\n")
    );
    assert!(
        blocks[2].starts_with(&format!(
            "{t}/0@2 2031-01-01T00:00:00.002Z key=\"\"\n00000000: fffe "
        )),
        "{:?}",
        blocks[2]
    );
    assert_eq!(
        blocks[3],
        format!("{t}/0@3 2031-01-01T00:00:00.003Z key=t\n(null: tombstone)\n\n")
    );
    assert_eq!(
        blocks[4],
        format!("{t}/0@4 2031-01-01T00:00:00.004Z key=e\n(empty)\n\n")
    );

    // pretty JSON: key order, number spelling and escapes kept; empty containers stay short;
    // anything that is not an object or array is printed as it is
    let j = &topics[1];
    let values = [
        r#"{"z":1.50e3,"a":"\u00e9\n","e":{},"l":[],"n":[[1,[]],{"x":null}],"t":true}"#,
        "{bad",
        "[ ]",
        "\"str\"",
        "  {\"a\":1}  ",
    ];
    let recs: Vec<Value> = values
        .iter()
        .map(|v| json!({"timestamp": T0, "key": "k", "value": v}))
        .collect();
    put_json(&fx, j, &recs);
    let pretty = fx
        .evctl(&["tail", j, "-e", "-o", "pretty"])
        .expect_code(0)
        .stdout;
    let head = |o: i32| format!("{j}/0@{o} 2031-01-01T00:00:00.000Z key=k\n");
    let want = [
        head(0),
        "{\n  \"z\": 1.50e3,\n  \"a\": \"\\u00e9\\n\",\n  \"e\": {},\n  \"l\": [],\n  \"n\": [\n    [\n      1,\n      []\n    ],\n    {\n      \"x\": null\n    }\n  ],\n  \"t\": true\n}\n\n".into(),
        head(1),
        "{bad\n\n".into(),
        head(2),
        "[]\n\n".into(),
        head(3),
        "\"str\"\n\n".into(),
        head(4),
        "{\n  \"a\": 1\n}\n\n".into(),
    ]
    .concat();
    assert_eq!(pretty, want);

    // templates
    let out = run(&["--format", "{partition}:{offset} {key} {value:hex}\\n"]).stdout;
    assert_eq!(
        out,
        format!(
            "0:0 order-7 {}\n0:1  {}\n0:2  fffe\n0:3 t \n0:4 e \n",
            hex(v0.as_bytes()),
            hex("café \u{1b}[31mred".as_bytes())
        )
    );
    let out = run(&[
        "--format",
        "{value:json} {key:json} {header.retry:json} {header.e:json} {header.nope:json}\\n",
    ])
    .stdout;
    assert_eq!(
        out,
        "\"{\\\"id\\\":7,\\\"items\\\":[\\\"book\\\"]}\" \"order-7\" null \"\" null\n\
         \"café \\u001b[31mred\" null null null null\n\
         \"\u{fffd}\u{fffd}\" \"\" null null null\n\
         null \"t\" null null null\n\
         \"\" \"e\" null null null\n"
    );
    let out = run(&[
        "--format",
        "{topic}|{timestamp}|{timestamp_ms}|{timestamp_type}|{headers}|{header.traceparent}|{key_len}|{value_len}|{value:base64}\\t.\\n",
        "-n",
        "3",
    ])
    .stdout;
    assert_eq!(
        out,
        format!(
            "{t}|2031-01-01T00:00:00.000Z|{T0}|create|traceparent={tp},retry,e=|{tp}|7|{}|{}\t.\n\
             {t}|2031-01-01T00:00:00.001Z|{}|create||||14|{}\t.\n\
             {t}|2031-01-01T00:00:00.002Z|{}|create|||0|2|//4=\t.\n",
            v0.len(),
            base64_of(v0.as_bytes()),
            T0 + 1,
            base64_of("café \u{1b}[31mred".as_bytes()),
            T0 + 2,
        )
    );
    let out = run(&["--format", "{{{offset}}}\\n", "-n", "1"]).stdout;
    assert_eq!(out, "{0}\n");

    // usage errors
    let r = fx.evctl(&["tail", t, "-e", "-o", "yaml"]).expect_code(2);
    assert!(
        r.stderr.contains("tail writes -o pretty, json or raw"),
        "{}",
        r.stderr
    );
    let r = fx
        .evctl(&["tail", t, "-e", "--format", "{nope}"])
        .expect_code(2);
    assert!(r.stderr.contains("--format"), "{}", r.stderr);
}
on_each_broker!(output_formats);

fn base64_of(b: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(b)
}

/// --group: progress is committed; without --from the next run starts at the committed offsets.
fn group_offsets(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    if !require_api(
        &fx.addr,
        kind,
        kafka_protocol::messages::ApiKey::OffsetCommit,
        test,
    ) {
        return;
    }
    let topics = fx.create(&[("grp", 2), ("resume", 3)]);
    let t = &topics[0];
    let recs: Vec<(i32, i64, &str, Value)> = (0..5)
        .map(|i| (0, T0 + i, "k", json!(format!("v{i}"))))
        .chain([(1, T0, "k", json!("p1"))])
        .collect();
    put(&fx, t, &recs);
    let g = fx.t("group");
    let tps = vec![(t.clone(), 0), (t.clone(), 1)];

    assert_eq!(
        offsets(
            &fx,
            &[t, "-p", "0", "--group", &g, "--from", "start", "-n", "2"]
        ),
        [0, 1]
    );
    assert_eq!(committed(&fx.addr, &g, &tps).get(&tps[0]), Some(&2));
    let run = fx
        .evctl(&[
            "tail",
            t,
            "-p",
            "0",
            "--group",
            &g,
            "-e",
            "--format",
            "{offset}\\n",
        ])
        .expect_code(0);
    assert_eq!(run.stdout, "2\n3\n4\n");
    assert!(
        run.stderr.contains(&format!("from group {g}'s offsets")),
        "{}",
        run.stderr
    );
    assert_eq!(committed(&fx.addr, &g, &tps).get(&tps[0]), Some(&5));
    assert_eq!(
        offsets(&fx, &[t, "-p", "0", "--group", &g, "-e"]),
        Vec::<i64>::new()
    );
    // partition 1 has no commit yet: it starts at `start` (the read has an end)
    let mut got = fx.tail(&[t, "--group", &g, "-e"]);
    sort(&mut got);
    assert_eq!(positions(&got), [(1, 0)]);
    let c = committed(&fx.addr, &g, &tps);
    assert_eq!((c.get(&tps[0]), c.get(&tps[1])), (Some(&5), Some(&1)));
    // --from wins over the commits
    assert_eq!(
        offsets(&fx, &[t, "-p", "0", "--group", &g, "--from", "3", "-e"]),
        [3, 4]
    );
    // resuming a group that does not exist is refused (a typo), naming the close ones; exit 1
    // (tansu describes any group name as an Empty group)
    let run = fx.evctl(&["tail", t, "-p", "0", "--group", &fx.t("grup"), "-e"]);
    if fx.kind == Kind::Tansu {
        fx.skip_once(
            "tansu answers DescribeGroups for unknown groups with Empty: no typo check there",
        );
    } else {
        let run = run.expect_code(1);
        assert!(
            run.stderr.starts_with(&format!(
                "error: group {} does not exist (did you mean {}",
                fx.t("grup"),
                fx.t("group")
            )),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("hint: to start a new group, say where: --from start")
        );
        assert_eq!(run.stdout, "");
    }
    // --from starts a new group on purpose
    assert_eq!(
        offsets(
            &fx,
            &[
                t,
                "-p",
                "0",
                "--group",
                &fx.t("other"),
                "--from",
                "start",
                "-e"
            ]
        ),
        [0, 1, 2, 3, 4]
    );

    // -n over several partitions: each run resumes exactly where the last one stopped, even in
    // the middle of a fetched batch, so nothing is printed twice or skipped
    let r = &topics[1];
    let recs: Vec<(i32, i64, &str, Value)> = (0..30)
        .map(|i| ((i % 3) as i32, T0 + i, "k", json!(format!("r{i}"))))
        .collect();
    put(&fx, r, &recs);
    let g = fx.t("resume-group");
    let rtps: Vec<(String, i32)> = (0..3).map(|p| (r.clone(), p)).collect();
    let mut seen = Vec::new();
    for (i, n) in ["7", "7", "7", "7", "2"].into_iter().enumerate() {
        let mut args = vec![r.as_str(), "--group", &g, "-n", n];
        if i == 0 {
            args.extend(["--from", "start"]);
        }
        let got = fx.tail(&args);
        assert_eq!(got.len().to_string(), n, "run {i}: {got:?}");
        seen.extend(positions(&got));
    }
    seen.sort_unstable();
    let all: Vec<(i64, i64)> = (0..3).flat_map(|p| (0..10).map(move |o| (p, o))).collect();
    assert_eq!(seen, all);
    let c = committed(&fx.addr, &g, &rtps);
    assert_eq!(
        rtps.iter().map(|tp| c.get(tp).copied()).collect::<Vec<_>>(),
        [Some(10); 3]
    );

    // Ctrl-C (SIGINT) stops a follow and commits what was printed; exit 130
    let g = fx.t("interrupted");
    let (mut child, _home) = Evctl::new()
        .args([
            "-b",
            fx.addr.as_str(),
            "tail",
            r,
            "--group",
            &g,
            "--from",
            "+2",
            "-o",
            "json",
        ])
        .spawn();
    let stdout = child.stdout.take().unwrap();
    let child = Spawned(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    while lines.len() < 24 {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(l) => lines.push(l),
            Err(e) => panic!("only {} records before {e}", lines.len()),
        }
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (code, _) = finish(child);
    assert_eq!(code, 130, "interrupted");
    let c = committed(&fx.addr, &g, &rtps);
    assert_eq!(
        rtps.iter().map(|tp| c.get(tp).copied()).collect::<Vec<_>>(),
        [Some(10); 3]
    );
}
on_each_broker!(group_offsets);

/// Records kcat produces (duplicate and null headers, null keys and values, every codec) read
/// back by `evctl tail -o json -e`, field by field against `kcat -C -J`.
fn kcat_records_read_by_tail(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    if !have_kcat(test) {
        return;
    }
    let topics = fx.create(&[("kcat", 3), ("codecs", 4)]);
    let t = &topics[0];
    kcat(
        &[
            "-P", "-b", &fx.addr, "-t", t, "-H", "a=1", "-H", "a=2", "-H", "n", "-H", "e=", "-K",
            ":", "-Z",
        ],
        b"k1:v1\nk2:\n:v3\nk4:v4 with: colon\nk5:caf\xc3\xa9\n",
    );
    let theirs = kcat(&["-C", "-J", "-e", "-q", "-b", &fx.addr, "-t", t], b"");
    let mut by_pos: BTreeMap<(i64, i64), Value> = BTreeMap::new();
    for line in theirs.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        by_pos.insert(
            (
                v["partition"].as_i64().unwrap(),
                v["offset"].as_i64().unwrap(),
            ),
            v,
        );
    }
    assert_eq!(by_pos.len(), 5);
    let ours = fx.tail(&[t, "-e"]);
    assert_eq!(ours.len(), 5);
    let mut keyed = BTreeMap::new();
    for r in &ours {
        let k = by_pos
            .get(&(
                r["partition"].as_i64().unwrap(),
                r["offset"].as_i64().unwrap(),
            ))
            .unwrap_or_else(|| panic!("kcat did not see {r}"));
        assert_eq!(r["key"], k["key"], "{r}");
        assert_eq!(r["value"], k["payload"], "{r}");
        assert_eq!(r["timestamp_ms"], k["ts"], "{r}");
        assert_eq!(r["timestamp_type"], k["tstype"], "{r}");
        let flat: Vec<Value> = r["headers"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|h| h.as_array().unwrap().clone())
            .collect();
        assert_eq!(Value::Array(flat), k["headers"], "{r}");
        assert_eq!(
            r["headers"],
            json!([["a", "1"], ["a", "2"], ["n", null], ["e", ""]])
        );
        keyed.insert(r["key"].to_string(), r["value"].clone());
    }
    assert_eq!(keyed["\"k1\""], "v1");
    assert_eq!(keyed["\"k2\""], Value::Null, "-Z: an empty value is null");
    assert_eq!(keyed["null"], "v3", "-Z: an empty key is null");
    assert_eq!(keyed["\"k4\""], "v4 with: colon");
    assert_eq!(keyed["\"k5\""], "café");

    // batches compressed by librdkafka, one codec per partition
    let codecs = ["gzip", "snappy", "lz4", "zstd"];
    for (p, codec) in codecs.iter().enumerate() {
        let input: String = (0..30)
            .map(|i| format!("{codec} {i} {}\n", "abc".repeat(i)))
            .collect();
        kcat(
            &[
                "-P",
                "-b",
                &fx.addr,
                "-t",
                &topics[1],
                "-p",
                &p.to_string(),
                "-z",
                codec,
                "-X",
                "linger.ms=50",
            ],
            input.as_bytes(),
        );
    }
    let got = fx.tail(&[&topics[1], "-e"]);
    let mut per: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for r in &got {
        per.entry(r["partition"].as_i64().unwrap())
            .or_default()
            .push(r["value"].as_str().unwrap().to_string());
    }
    for (p, codec) in codecs.iter().enumerate() {
        let want: Vec<String> = (0..30)
            .map(|i| format!("{codec} {i} {}", "abc".repeat(i)))
            .collect();
        assert_eq!(per.get(&(p as i64)), Some(&want), "{codec}");
    }
}
on_noida_and_kafka!(kcat_records_read_by_tail);

/// `-n 0` prints nothing (like `head -n 0`), or refuses the count; it must not print a record.
fn max_zero_prints_nothing(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = &fx.create(&[("zero", 1)])[0];
    put(
        &fx,
        t,
        &[(0, T0, "a", json!("a")), (0, T0 + 1, "b", json!("b"))],
    );
    let run = fx.evctl(&["tail", t, "-e", "-n", "0", "-o", "json"]);
    assert!(
        run.code == 2 || (run.code == 0 && run.stdout.is_empty()),
        "tail -n 0 printed (exit {}):\n{}",
        run.code,
        run.stdout
    );
}
on_noida_and_kafka!(max_zero_prints_nothing);

/// A topic with `message.timestamp.type: LogAppendTime`: the broker's time and `log_append` in
/// every output; republished, the record keeps the time as a create time.
fn log_append_time(kind: Kind, test: &str) {
    let Some(fx) = Fx::new(kind, test) else {
        return;
    };
    let t = fx.create_configured("lat", 1, "message.timestamp.type: LogAppendTime");
    let copy = &fx.create(&[("copy", 1)])[0];
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64
    };
    let before = now();
    fx.evctl(&["publish", &t, "v", "--timestamp", "1924992000000"])
        .expect_code(0);
    let after = now();
    let got = fx.tail(&[&t, "-e"]);
    assert_eq!(got.len(), 1);
    let r = &got[0];
    if kind == Kind::Tansu && r["timestamp_type"] == "create" {
        skip(
            test,
            "tansu ignores message.timestamp.type=LogAppendTime (records keep their create time)",
        );
        return;
    }
    assert_eq!(r["timestamp_type"], "log_append", "{r}");
    let ms = r["timestamp_ms"].as_i64().unwrap();
    assert!(
        (before - 1000..=after + 1000).contains(&ms),
        "the broker's time, not the producer's: {ms} not in {before}..{after}"
    );
    let pretty = fx.evctl(&["tail", &t, "-e", "-o", "pretty"]).expect_code(0);
    assert!(
        pretty.stdout.starts_with(&format!(
            "{t}/0@0 {} (log_append) key=null\n",
            r["timestamp"].as_str().unwrap()
        )),
        "{}",
        pretty.stdout
    );
    let out = fx
        .evctl(&[
            "tail",
            &t,
            "-e",
            "--format",
            "{timestamp_type} {timestamp_ms}\\n",
        ])
        .expect_code(0);
    assert_eq!(out.stdout, format!("log_append {ms}\n"));
    // republished: the time is kept, as a create time
    let line = fx
        .evctl(&["tail", &t, "-e", "-o", "json"])
        .expect_code(0)
        .stdout;
    fx.evctl_in(&["publish", copy, "--format", "json"], line)
        .expect_code(0);
    let c = fx.tail(&[copy, "-e"]);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0]["timestamp_type"], "create");
    assert_eq!(c[0]["timestamp_ms"], ms);
}
on_each_broker!(log_append_time);

/// Following a --pattern picks up a topic created after the start, from its first record.
fn follow_picks_up_new_topics(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let prefix = format!("it.tailnew.{}.{}", kind.name(), std::process::id());
    let first = format!("{prefix}.a");
    crate::support::create_topics(&addr, &[(first.as_str(), 1)]);
    let mut child = std::process::Command::new(crate::support::evctl_bin())
        .args([
            "-b",
            &addr,
            "tail",
            "--pattern",
            &format!("^{}\\.", regex_escape(&prefix)),
        ])
        .args(["-o", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead as _;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_millis(800));
    // a topic that did not exist when tail started, with a record written before tail sees it
    let second = format!("{prefix}.b");
    crate::support::create_topics(&addr, &[(second.as_str(), 1)]);
    crate::support::Evctl::new()
        .args(["-b", &addr, "publish", &second, "late-topic"])
        .run()
        .expect_code(0);
    let got = rx.recv_timeout(Duration::from_secs(20));
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    let line = got.unwrap_or_else(|_| {
        panic!(
            "no record from the new topic; stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let v: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["topic"], second.as_str());
    assert_eq!(v["offset"], 0);
    assert_eq!(v["value"], "late-topic");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&format!("now also reading {second}/0")),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
on_each_broker!(follow_picks_up_new_topics);
