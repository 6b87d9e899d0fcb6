//! Redis Streams through the binary, against the Redis server scripts/test.sh starts (password
//! and a TLS port), with redis-cli and redis-py (tests/it/support/redis_peer.py) as the
//! independent peers: what they add, evctl tails identically; what evctl publishes, XRANGE
//! returns identically; a group's pending entries are what XPENDING says.

use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Evctl, Run, skip};

/// The test server, from scripts/test.sh (scripts/redis.sh writes these variables).
pub(crate) struct Server {
    pub(crate) url: String,
    tls_url: String,
    pub(crate) port: String,
    pub(crate) password: String,
    ca: String,
    cert: String,
    key: String,
}

pub(crate) fn server(test: &str) -> Option<Server> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match var("EVCTL_TEST_REDIS_URL") {
        Some(url) => Some(Server {
            url,
            tls_url: var("EVCTL_TEST_REDIS_TLS_URL").unwrap_or_default(),
            port: var("EVCTL_TEST_REDIS_PORT").unwrap_or_default(),
            password: var("EVCTL_TEST_REDIS_PASSWORD").unwrap_or_default(),
            ca: var("EVCTL_TEST_REDIS_CA").unwrap_or_default(),
            cert: var("EVCTL_TEST_REDIS_CLIENT_CERT").unwrap_or_default(),
            key: var("EVCTL_TEST_REDIS_CLIENT_KEY").unwrap_or_default(),
        }),
        None => {
            assert!(
                !crate::support::ci(),
                "CI=true: no Redis server (EVCTL_TEST_REDIS_URL); run scripts/test.sh"
            );
            skip(
                &format!("redis_streams::{test}"),
                "no Redis (EVCTL_TEST_REDIS_URL); run scripts/test.sh",
            );
            None
        }
    }
}

impl Server {
    /// evctl against this server, logged in.
    pub(crate) fn evctl(&self) -> Evctl {
        Evctl::new()
            .args(["-b", &self.url])
            .env("EVCTL_REDIS_PASSWORD", &self.password)
    }

    /// A stream name no other test uses.
    fn stream(&self, name: &str) -> String {
        format!("{name}.{}", std::process::id())
    }

    /// redis-cli, logged in; its output.
    pub(crate) fn cli(&self, args: &[&str]) -> String {
        let out = Command::new("redis-cli")
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &self.port,
                "--no-auth-warning",
                "-a",
                &self.password,
            ])
            .args(args)
            .output()
            .expect("redis-cli runs");
        assert!(
            out.status.success(),
            "redis-cli {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The redis-py peer; its JSON output.
    fn peer(&self, args: &[&str]) -> Value {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = Command::new(crate::support::venv_python())
            .arg(repo.join("tests/it/support/redis_peer.py"))
            .args(args)
            .env("EVCTL_TEST_REDIS_PORT", &self.port)
            .env("EVCTL_TEST_REDIS_PASSWORD", &self.password)
            .output()
            .expect("the venv's python runs redis_peer.py (scripts/setup.sh)");
        assert!(
            out.status.success(),
            "redis_peer.py {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// JSON lines as values.
fn lines(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The fields of an entry as evctl's default mapping writes them (the value's JSON object, read
/// as its pairs in order, repeated names kept), in the peer's [[name, value], ...] form.
fn pairs_of(value_text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let de = &mut serde_json::Deserializer::from_str(value_text);
    struct Pairs<'a>(&'a mut Vec<Value>);
    impl<'de> serde::de::Visitor<'de> for Pairs<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
            while let Some((k, v)) = m.next_entry::<String, Value>()? {
                self.0.push(json!([k, v]));
            }
            Ok(())
        }
    }
    serde::Deserializer::deserialize_map(de, Pairs(&mut out)).unwrap();
    out
}

#[test]
fn tail_shows_what_redis_cli_and_redis_py_added_identically() {
    let Some(r) = server("tail_shows_what_redis_cli_and_redis_py_added_identically") else {
        return;
    };
    let s = r.stream("interop.tail");
    r.cli(&[
        "XADD",
        &s,
        "*",
        "type",
        "order.created",
        "n",
        "1",
        "type",
        "again",
    ]);
    r.peer(&[
        "xadd",
        &s,
        r#"[[["bin", {"base64": "/wAB"}], ["text", "line\nbreak \"q\""]], [["only", ""]]]"#,
    ]);
    let peer = r.peer(&["xrange", &s]);
    let run = r
        .evctl()
        .args(["tail", &s, "-e", "-o", "json"])
        .run()
        .expect_code(0);
    let got = lines(&run);
    let want = peer.as_array().unwrap();
    assert_eq!(got.len(), 3);
    for ((g, w), line) in got.iter().zip(want).zip(run.stdout.lines()) {
        assert_eq!(g["stream"], s.as_str());
        assert_eq!(g["id"], w[0], "ids as XRANGE gives them");
        let ms: i64 = w[0]
            .as_str()
            .unwrap()
            .split('-')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(g["timestamp_ms"], ms, "the id's time");
        assert_eq!(g["key"], Value::Null);
        // the value is the entry as a JSON object (read as text: a repeated name is kept)
        let raw: std::collections::HashMap<String, Box<serde_json::value::RawValue>> =
            serde_json::from_str(line).unwrap();
        assert_eq!(pairs_of(raw["value"].get()), *w[1].as_array().unwrap());
    }
    assert!(run.stderr.contains("3 records printed"), "{}", run.stderr);

    // one field as the value, another as the key; the rest are headers
    let run = r
        .evctl()
        .args([
            "tail",
            &s,
            "-e",
            "-o",
            "json",
            "--value-field",
            "type",
            "--key-field",
            "n",
            "-n",
            "1",
        ])
        .run()
        .expect_code(0);
    let one = &lines(&run)[0];
    assert_eq!(
        (one["key"].as_str(), one["value"].as_str()),
        (Some("1"), Some("order.created"))
    );
    assert_eq!(one["headers"], json!([["type", "again"]]));

    // templates and filters see the id
    let run = r
        .evctl()
        .args([
            "tail",
            &s,
            "-e",
            "--where",
            ".n == \"1\"",
            "--format",
            "{topic}@{offset}\\n",
        ])
        .run()
        .expect_code(0);
    assert_eq!(
        run.stdout,
        format!("{s}@{}\n", want[0][0].as_str().unwrap())
    );
}

#[test]
fn publish_adds_what_xrange_returns_and_a_round_trip_keeps_every_field() {
    let Some(r) = server("publish_adds_what_xrange_returns_and_a_round_trip_keeps_every_field")
    else {
        return;
    };
    let (a, b) = (r.stream("interop.pub.a"), r.stream("interop.pub.b"));
    let input = concat!(
        r#"{"value": "{\"type\":\"x\",\"n\":\"1\",\"type\":\"y\",\"bin\":{\"base64\":\"/w==\"},\"num\":7}"}"#,
        "\n",
        r#"{"key": "k1", "value": "{\"a\":\"\"}", "headers": [["h", "v"]]}"#,
        "\n"
    );
    let run = r
        .evctl()
        .args(["publish", &a, "--format", "json", "--key-field", "id"])
        .stdin(input)
        .run()
        .expect_code(0);
    assert!(run.stderr.contains("published 2 records"), "{}", run.stderr);
    let peer = r.peer(&["xrange", &a]);
    assert_eq!(
        peer[0][1],
        json!([["type", "x"], ["n", "1"], ["type", "y"], ["bin", {"base64": "/w=="}], ["num", "7"]])
    );
    assert_eq!(peer[1][1], json!([["id", "k1"], ["a", ""], ["h", "v"]]));
    assert!(
        run.stderr
            .contains(&format!("last id {}", peer[1][0].as_str().unwrap()))
    );

    // lines need a field name; each value becomes that one field
    let run = r
        .evctl()
        .args(["publish", &a, "--field", "body"])
        .stdin("hello\nworld\n")
        .run()
        .expect_code(0);
    assert!(run.stderr.contains("published 2 records"), "{}", run.stderr);
    assert_eq!(r.peer(&["xrange", &a])[3][1], json!([["body", "world"]]));

    // tail -o json | publish --format json --keep-ids: the same entries, ids and all
    let dump = r
        .evctl()
        .args(["tail", &a, "-e", "-o", "json"])
        .run()
        .expect_code(0);
    r.evctl()
        .args(["publish", &b, "--format", "json", "--keep-ids"])
        .stdin(dump.stdout.clone())
        .run()
        .expect_code(0);
    let pa = r.peer(&["xrange", &a]);
    assert_eq!(r.peer(&["xrange", &b]), pa);
    // without --keep-ids: new ids, the same fields
    let c = r.stream("interop.pub.c");
    r.evctl()
        .args(["publish", &c, "--format", "json"])
        .stdin(dump.stdout)
        .run()
        .expect_code(0);
    let pc = r.peer(&["xrange", &c]);
    for (x, y) in pa.as_array().unwrap().iter().zip(pc.as_array().unwrap()) {
        assert_eq!(x[1], y[1]);
        assert_ne!(x[0], y[0]);
    }
}

#[test]
fn publish_refuses_bad_input_with_its_line_and_trims() {
    let Some(r) = server("publish_refuses_bad_input_with_its_line_and_trims") else {
        return;
    };
    let s = r.stream("pub.refuse");
    let run = r
        .evctl()
        .args(["publish", &s])
        .stdin("{\"a\":\"1\"}\nplain text\n")
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("stdin:2: the value is not a JSON object of fields"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--field NAME"), "{}", run.stderr);
    assert_eq!(r.cli(&["XLEN", &s]).trim(), "1", "the line before was sent");

    // explicit ids must increase: the line that breaks the order is named, nothing after it sent
    let ids = r.stream("pub.ids");
    let input = "{\"id\":\"5-1\",\"value\":\"{\\\"a\\\":\\\"1\\\"}\"}\n{\"id\":\"5-1\",\"value\":\"{\\\"a\\\":\\\"2\\\"}\"}\n{\"id\":\"6-0\",\"value\":\"{\\\"a\\\":\\\"3\\\"}\"}\n";
    let run = r
        .evctl()
        .args(["publish", &ids, "--format", "json", "--keep-ids"])
        .stdin(input)
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("stdin:2: id 5-1 is not above the stream's last id 5-1"),
        "{}",
        run.stderr
    );
    assert_eq!(
        r.cli(&["XRANGE", &ids, "-", "+"]).lines().next(),
        Some("5-1")
    );
    assert_eq!(r.cli(&["XLEN", &ids]).trim(), "1");

    // --maxlen trims on every add
    let t = r.stream("pub.maxlen");
    let many: String = (0..50).map(|i| format!("{i}\n")).collect();
    r.evctl()
        .args(["publish", &t, "--field", "n", "--maxlen", "10"])
        .stdin(many)
        .run()
        .expect_code(0);
    assert_eq!(r.cli(&["XLEN", &t]).trim(), "10");
    let last = r.peer(&["xrange", &t]);
    assert_eq!(last[9][1], json!([["n", "49"]]));

    // Kafka-only flags are refused on a stream, and Redis-only ones on Kafka
    let run = r
        .evctl()
        .args(["publish", &t, "--partition", "1", "x"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("--partition is for Kafka topics"),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args(["-b", "127.0.0.1:1", "publish", "t", "--field", "x", "v"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("--field is for Redis streams"),
        "{}",
        run.stderr
    );
}

#[test]
fn positions_map_to_ids() {
    let Some(r) = server("positions_map_to_ids") else {
        return;
    };
    let s = r.stream("positions");
    for i in 1..=5 {
        r.cli(&["XADD", &s, &format!("{i}000-{i}"), "n", &i.to_string()]);
    }
    let ns = |args: &[&str]| -> Vec<String> {
        let mut all = vec![
            "tail",
            s.as_str(),
            "--value-field",
            "n",
            "--format",
            "{value}\\n",
        ];
        all.extend_from_slice(args);
        let run = r.evctl().args(all).run().expect_code(0);
        run.stdout.lines().map(String::from).collect()
    };
    assert_eq!(ns(&["-e"]), ["1", "2", "3", "4", "5"]);
    assert_eq!(ns(&["-e", "--from", "-2"]), ["4", "5"]);
    assert_eq!(ns(&["-e", "--from", "+3"]), ["4", "5"]);
    assert_eq!(ns(&["--from", "2000-2", "--to", "4000-4"]), ["2", "3"]);
    assert_eq!(ns(&["--from", "2000-2:4000-4"]), ["2", "3"]);
    assert_eq!(
        ns(&["-e", "--from", "@1970-01-01T00:00:03Z"]),
        ["3", "4", "5"]
    );
    assert_eq!(ns(&["--from", "start", "--to", "-1"]), ["1", "2", "3", "4"]);
    assert_eq!(ns(&["-e", "-n", "2"]), ["1", "2"]);
    let run = r
        .evctl()
        .args(["tail", &s, "-e", "--from", "3"])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("3-0"), "{}", run.stderr);
}

#[test]
fn a_group_consumer_acknowledges_only_what_it_printed() {
    let Some(r) = server("a_group_consumer_acknowledges_only_what_it_printed") else {
        return;
    };
    let s = r.stream("group");
    for i in 1..=5 {
        r.cli(&["XADD", &s, "*", "n", &i.to_string()]);
    }
    let tail = |extra: &[&str]| {
        let mut all = vec![
            "tail",
            s.as_str(),
            "-e",
            "--group",
            "g",
            "--consumer",
            "c1",
            "--value-field",
            "n",
            "--format",
            "{value}\\n",
        ];
        all.extend_from_slice(extra);
        r.evctl().args(all).run()
    };
    // a group that does not exist needs --from
    let run = tail(&[]).expect_code(2);
    assert!(
        run.stderr.contains("has no consumer group g"),
        "{}",
        run.stderr
    );
    let run = tail(&["--from", "start", "-n", "2"]).expect_code(0);
    assert_eq!(run.stdout, "1\n2\n");
    assert!(
        run.stderr
            .contains("acknowledged group g's printed entries"),
        "{}",
        run.stderr
    );
    // XREADGROUP delivered more than -n printed: those stay pending for c1, unacknowledged
    let pending = r.peer(&["xpending", &s, "g"]);
    let delivered_unprinted = pending["count"].as_u64().unwrap();
    assert_eq!(delivered_unprinted, 3, "{pending}");
    assert!(
        pending["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e[1] == "c1" && e[3] == 1)
    );
    // resuming reads c1's own pending entries first (delivered a second time), then new ones
    r.cli(&["XADD", &s, "*", "n", "6"]);
    let run = tail(&[]).expect_code(0);
    assert_eq!(run.stdout, "3\n4\n5\n6\n");
    assert_eq!(r.peer(&["xpending", &s, "g"])["count"], 0);
    let groups = r.peer(&["groups", &s]);
    assert_eq!(groups[0]["name"], "g");
    assert_eq!(groups[0]["pending"], 0);
    assert_eq!(groups[0]["lag"], 0);
    // --from on an existing group is refused: it would not move it
    let run = tail(&["--from", "start"]).expect_code(2);
    assert!(run.stderr.contains("exists"), "{}", run.stderr);
}

#[test]
fn a_follow_prints_new_entries_and_stops_on_ctrl_c() {
    let Some(r) = server("a_follow_prints_new_entries_and_stops_on_ctrl_c") else {
        return;
    };
    let s = r.stream("follow");
    r.cli(&["XADD", &s, "*", "n", "old"]);
    let (child, _home) = r
        .evctl()
        .args(["tail", &s, "--value-field", "n", "--format", "{value}\\n"])
        .spawn();
    std::thread::sleep(Duration::from_millis(700));
    r.cli(&["XADD", &s, "*", "n", "new1"]);
    r.cli(&["XADD", &s, "*", "n", "new2"]);
    std::thread::sleep(Duration::from_millis(700));
    crate::support::sigint(&child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "new1\nnew2\n");

    // a group consumer acknowledges what it printed on the cadence, also while nothing comes
    let (child, _home) = r
        .evctl()
        .args([
            "tail",
            &s,
            "--group",
            "g",
            "--consumer",
            "c",
            "--from",
            "start",
            "-o",
            "json",
        ])
        .spawn();
    std::thread::sleep(Duration::from_millis(6500));
    let pending = r.peer(&["xpending", &s, "g"])["count"].clone();
    crate::support::sigint(&child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert_eq!(pending, 0, "acknowledged within the 5 s cadence while idle");
}

#[test]
fn connection_errors_name_the_address_and_the_reason() {
    let Some(r) = server("connection_errors_name_the_address_and_the_reason") else {
        return;
    };
    let s = r.stream("errors");
    r.cli(&["XADD", &s, "*", "a", "1"]);
    let run = r
        .evctl()
        .env("EVCTL_REDIS_PASSWORD", "wrong")
        .args(["tail", &s, "-e"])
        .run()
        .expect_code(1);
    assert!(run.stderr.contains("refused the login"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("wrong"),
        "the password is never printed: {}",
        run.stderr
    );
    let with_pw = r.url.replace("redis://", "redis://default:pw@");
    let run = Evctl::new()
        .args(["-b", &with_pw, "tail", &s, "-e"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("must not hold the password"),
        "{}",
        run.stderr
    );
    let run = r
        .evctl()
        .args(["tail", "no.such.stream", "-e"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("has no stream named \"no.such.stream\""),
        "{}",
        run.stderr
    );
    let k = r.stream("a.string");
    r.cli(&["SET", &k, "x"]);
    let run = r.evctl().args(["tail", &k, "-e"]).run().expect_code(1);
    assert!(
        run.stderr.contains("is a string, not a stream"),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args(["-b", "redis://127.0.0.1:1", "tail", &s, "-e"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("cannot connect to Redis at 127.0.0.1:1: connection refused"),
        "{}",
        run.stderr
    );
}

#[test]
fn tls_verifies_the_server_and_a_context_holds_the_settings() {
    let Some(r) = server("tls_verifies_the_server_and_a_context_holds_the_settings") else {
        return;
    };
    let s = r.stream("tls");
    r.cli(&["XADD", &s, "*", "a", "1"]);
    // verification is on: without the test CA the handshake fails
    let run = Evctl::new()
        .args(["-b", &r.tls_url, "tail", &s, "-e"])
        .env("EVCTL_REDIS_PASSWORD", &r.password)
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("TLS with Redis at localhost:"),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args([
            "-b",
            &r.tls_url,
            "--tls-ca",
            &r.ca,
            "--tls-cert",
            &r.cert,
            "--tls-key",
            &r.key,
        ])
        .args(["tail", &s, "-e", "-o", "json"])
        .env("EVCTL_REDIS_PASSWORD", &r.password)
        .run()
        .expect_code(0);
    assert_eq!(lines(&run)[0]["value"], json!({"a": "1"}));
    // a context's redis section: URL, password from a named variable, CA file
    let yaml = format!(
        "current_context: r\ncontexts:\n  r:\n    redis:\n      url: {}\n      password_env: MY_REDIS_PW\n      ca_file: {}\n",
        r.tls_url, r.ca
    );
    let run = Evctl::new()
        .config(&yaml)
        .env("MY_REDIS_PW", &r.password)
        .args(["tail", &s, "-e", "-o", "json"])
        .run()
        .expect_code(0);
    assert_eq!(lines(&run).len(), 1);
    let run = Evctl::new()
        .config(&yaml)
        .env("MY_REDIS_PW", &r.password)
        .args(["config", "show"])
        .run()
        .expect_code(0);
    assert!(run.stdout.contains("redis.url"), "{}", run.stdout);
    assert!(
        run.stdout.contains("**** from env MY_REDIS_PW"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains(&r.password), "never printed");
}

#[test]
fn lag_matches_xinfo_and_xpending_with_thresholds_and_watch() {
    let Some(r) = server("lag_matches_xinfo_and_xpending_with_thresholds_and_watch") else {
        return;
    };
    let s = r.stream("lag");
    for i in 1..=10 {
        r.cli(&["XADD", &s, "*", "n", &i.to_string()]);
    }
    r.cli(&["XGROUP", "CREATE", &s, "billing", "0"]);
    r.cli(&["XGROUP", "CREATE", &s, "audit", "$"]);
    // billing's consumer c1 takes 4 and acknowledges the first 2
    r.cli(&[
        "XREADGROUP",
        "GROUP",
        "billing",
        "c1",
        "COUNT",
        "4",
        "STREAMS",
        &s,
        ">",
    ]);
    let first: Vec<String> = r
        .cli(&["XRANGE", &s, "-", "+", "COUNT", "2"])
        .lines()
        .step_by(3)
        .map(String::from)
        .collect();
    r.cli(&["XACK", &s, "billing", &first[0], &first[1]]);

    let run = r
        .evctl()
        .args(["lag", "--topic", &s, "-o", "json"])
        .run()
        .expect_code(0);
    let report = run.json();
    let xinfo = r.peer(&["groups", &s]);
    let pending = r.peer(&["xpending", &s, "billing"]);
    for g in xinfo.as_array().unwrap() {
        let name = g["name"].as_str().unwrap();
        let ours = report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["group"] == name)
            .unwrap();
        let row = &ours["partitions"][0];
        assert_eq!(row["topic"], s.as_str());
        assert_eq!(row["partition"], Value::Null, "a stream has no partition");
        assert_eq!(row["lag"], g["lag"], "{name}: lag as XINFO GROUPS says");
        assert_eq!(
            row["pending"], g["pending"],
            "{name}: pending as XINFO GROUPS says"
        );
        assert_eq!(row["log_end"], 10, "entries-added");
        if !g["entries-read"].is_null() {
            assert_eq!(row["committed"], g["entries-read"]);
        }
    }
    let billing = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["group"] == "billing")
        .unwrap();
    assert_eq!(billing["partitions"][0]["pending"], pending["count"]);
    assert_eq!(billing["total_lag"], 6);
    assert_eq!(billing["members"][0]["member_id"], "c1");
    assert_eq!(billing["members"][0]["pending"], 2);
    assert!(billing["partitions"][0]["time_lag_ms"].as_i64().unwrap() >= 0);
    assert!(
        billing["partitions"][0]["oldest_pending_ms"]
            .as_i64()
            .is_some()
    );

    // thresholds: exit 3 and the breach named; Nagios; Prometheus with stream labels
    let run = r
        .evctl()
        .args(["lag", "--topic", &s, "--max-lag", "5"])
        .run()
        .expect_code(3);
    assert!(run.stderr.contains("billing: lag 6 > 5"), "{}", run.stderr);
    let run = r
        .evctl()
        .args(["lag", "--topic", &s, "--nagios", "--max-lag", "5"])
        .run()
        .expect_code(2);
    assert!(
        run.stdout.starts_with("LAG CRITICAL - billing: lag 6 > 5"),
        "{}",
        run.stdout
    );
    let run = r
        .evctl()
        .args(["lag", "--topic", &s, "-o", "prometheus"])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains(&format!(
            "evctl_group_lag{{group=\"billing\",stream=\"{s}\"}} 6"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "evctl_group_pending{{group=\"billing\",stream=\"{s}\"}} 2"
        )),
        "{}",
        run.stdout
    );
    // a group no stream has
    let run = r
        .evctl()
        .args(["lag", "nope", "--topic", &s])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("has a consumer group \"nope\""),
        "{}",
        run.stderr
    );

    // --until-caught-up: gives up while behind, ends once a consumer reads everything
    let run = r
        .evctl()
        .args([
            "lag",
            "billing",
            "--topic",
            &s,
            "--until-caught-up",
            "--max-wait",
            "1s",
            "--watch",
            "200ms",
        ])
        .run()
        .expect_code(3);
    assert!(run.stderr.contains("still behind"), "{}", run.stderr);
    let (child, _home) = r
        .evctl()
        .args([
            "lag",
            "billing",
            "--topic",
            &s,
            "--until-caught-up",
            "--max-wait",
            "20s",
        ])
        .spawn();
    std::thread::sleep(Duration::from_millis(500));
    r.evctl()
        .args([
            "tail",
            &s,
            "-e",
            "--group",
            "billing",
            "--consumer",
            "c2",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("caught up"));
}

#[test]
fn trim_refuses_to_delete_what_a_group_has_not_read() {
    let Some(r) = server("trim_refuses_to_delete_what_a_group_has_not_read") else {
        return;
    };
    let s = r.stream("trim");
    for i in 1..=10 {
        r.cli(&["XADD", &s, &format!("{i}-0"), "n", &i.to_string()]);
    }
    r.cli(&["XGROUP", "CREATE", &s, "g", "0"]);
    r.cli(&[
        "XREADGROUP",
        "GROUP",
        "g",
        "c",
        "COUNT",
        "5",
        "STREAMS",
        &s,
        ">",
    ]);
    r.cli(&["XACK", &s, "g", "1-0", "2-0", "3-0"]);
    let trim = |args: &[&str]| {
        let mut all = vec!["trim", s.as_str(), "-o", "json"];
        all.extend_from_slice(args);
        r.evctl().args(all).run()
    };
    // a dry run says what goes and who would miss it; nothing is deleted
    let plan = trim(&["--maxlen", "2", "--dry-run"]).expect_code(3).json();
    assert_eq!(
        (
            plan["delete"].as_u64(),
            plan["first"].as_str(),
            plan["last"].as_str()
        ),
        (Some(8), Some("1-0"), Some("8-0"))
    );
    assert_eq!(
        plan["groups"][0]["unread"], 3,
        "6-0, 7-0, 8-0 were never delivered"
    );
    assert_eq!(plan["groups"][0]["pending"], 2, "4-0 and 5-0 are pending");
    assert_eq!(r.cli(&["XLEN", &s]).trim(), "10");
    // a safe trim goes through, and takes exactly the planned entries
    let done = trim(&["--maxlen", "7", "--yes"]).expect_code(0).json();
    assert_eq!(done["deleted"], 3);
    assert_eq!(
        r.cli(&["XRANGE", &s, "-", "+", "COUNT", "1"])
            .lines()
            .next(),
        Some("4-0")
    );
    // pending entries: refused without --force (exit 3), trimmed with it
    let run = trim(&["--minid", "5-0", "--yes"]).expect_code(3);
    assert!(run.stderr.contains("refused: groups g"), "{}", run.stderr);
    assert_eq!(r.cli(&["XLEN", &s]).trim(), "7");
    let done = trim(&["--minid", "5-0", "--yes", "--force"])
        .expect_code(0)
        .json();
    assert_eq!(done["deleted"], 1);
    assert_eq!(r.cli(&["XLEN", &s]).trim(), "6");
    // past a page of 10,000: counted page by page
    let big = r.stream("trim.big");
    let many: String = (0..10_005).map(|i| format!("{i}\n")).collect();
    r.evctl()
        .args(["publish", &big, "--field", "n"])
        .stdin(many)
        .run()
        .expect_code(0);
    r.cli(&["XGROUP", "CREATE", &big, "g", "0"]);
    let plan = r
        .evctl()
        .args(["trim", &big, "--maxlen", "2", "--dry-run", "-o", "json"])
        .run()
        .expect_code(3)
        .json();
    assert_eq!(
        (
            plan["delete"].as_u64(),
            plan["groups"][0]["unread"].as_u64()
        ),
        (Some(10_003), Some(10_003))
    );
    // nothing to delete is fine; not a stream is a usage error; Kafka is refused
    assert_eq!(
        trim(&["--maxlen", "100"]).expect_code(0).json()["delete"],
        0
    );
    let k = r.stream("trim.string");
    r.cli(&["SET", &k, "x"]);
    r.evctl()
        .args(["trim", &k, "--maxlen", "1"])
        .run()
        .expect_code(2);
    let run = Evctl::new()
        .args(["-b", "127.0.0.1:1", "trim", "s", "--maxlen", "1"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("trim is for Redis streams"),
        "{}",
        run.stderr
    );
}

/// A stream whose group `g` has entries 1-0..=N-0 pending with consumer c1, each delivered
/// `deliveries` times.
fn pending_stream(r: &Server, name: &str, n: usize, deliveries: usize) -> String {
    let s = r.stream(name);
    let lines: String = (1..=n)
        .map(|i| format!("{{\"id\":\"{i}-0\",\"value\":{{\"n\":\"{i}\"}},\"stream\":\"{s}\"}}\n"))
        .collect();
    r.evctl()
        .args(["publish", &s, "--format", "json", "--keep-ids"])
        .stdin(lines)
        .run()
        .expect_code(0);
    r.cli(&["XGROUP", "CREATE", &s, "g", "0"]);
    r.cli(&[
        "XREADGROUP",
        "GROUP",
        "g",
        "c1",
        "COUNT",
        &n.to_string(),
        "STREAMS",
        &s,
        ">",
    ]);
    for _ in 1..deliveries {
        r.cli(&[
            "XREADGROUP",
            "GROUP",
            "g",
            "c1",
            "COUNT",
            &n.to_string(),
            "STREAMS",
            &s,
            "0",
        ]);
    }
    s
}

#[test]
fn dlq_moves_poison_entries_with_their_context_and_back() {
    let Some(r) = server("dlq_moves_poison_entries_with_their_context_and_back") else {
        return;
    };
    let s = pending_stream(&r, "dlq", 5, 1);
    // 1-0 and 2-0 are delivered twice more: poison at 3
    r.cli(&[
        "XCLAIM",
        &s,
        "g",
        "c2",
        "0",
        "1-0",
        "2-0",
        "RETRYCOUNT",
        "3",
    ]);
    let report = r
        .evctl()
        .args(["dlq", "inspect", &s, "--group", "g", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let peer = r.peer(&["xpending", &s, "g"]);
    assert_eq!(report["pending"], peer["count"]);
    let poison: Vec<&str> = report["poison"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(poison, ["1-0", "2-0"]);
    for p in report["poison"].as_array().unwrap() {
        let e = peer["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e[0] == p["id"])
            .unwrap();
        assert_eq!(
            (&p["consumer"], &p["deliveries"]),
            (&e[1], &e[3]),
            "as XPENDING says"
        );
    }
    // a dry run moves nothing; off a terminal, a real run needs --yes
    let dry = r
        .evctl()
        .args([
            "dlq",
            "replay",
            &s,
            "--group",
            "g",
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(
        (dry["selected"].as_u64(), dry["done"].as_u64()),
        (Some(2), Some(0))
    );
    r.evctl()
        .args(["dlq", "replay", &s, "--group", "g"])
        .run()
        .expect_code(2);
    assert_eq!(r.peer(&["xpending", &s, "g"])["count"], 5);
    let moved = r
        .evctl()
        .args(["dlq", "replay", &s, "--group", "g", "--yes", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(moved["done"], 2);
    let dlq = format!("{s}:dlq");
    let dead = r.peer(&["xrange", &dlq]);
    assert_eq!(dead.as_array().unwrap().len(), 2);
    let fields = dead[0][1].as_array().unwrap();
    assert_eq!(fields[0], json!(["n", "1"]), "the entry's own fields first");
    let get = |k: &str| {
        fields
            .iter()
            .find(|f| f[0] == k)
            .map(|f| f[1].clone())
            .unwrap()
    };
    assert_eq!(get("dlq_original_stream"), s.as_str());
    assert_eq!(get("dlq_original_id"), "1-0");
    assert_eq!(get("dlq_group"), "g");
    assert_eq!(get("dlq_consumer"), "c2");
    assert_eq!(get("dlq_deliveries"), "3");
    assert!(get("dlq_dead_lettered_at").as_str().unwrap().ends_with('Z'));
    let ids: Vec<Value> = r.peer(&["xpending", &s, "g"])["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[0].clone())
        .collect();
    assert_eq!(
        ids,
        [json!("3-0"), json!("4-0"), json!("5-0")],
        "acknowledged once moved"
    );

    // back to the original stream, without the context fields; the dead letter is gone
    let back = r
        .evctl()
        .args(["dlq", "replay", &dlq, "--from-dlq", "--yes", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(back["done"], 2);
    assert_eq!(r.cli(&["XLEN", &dlq]).trim(), "0");
    let all = r.peer(&["xrange", &s]);
    assert_eq!(all[5][1], json!([["n", "1"]]));
    assert_eq!(all[6][1], json!([["n", "2"]]));

    // --claim-to reassigns; drain acknowledges without moving
    let claimed = r
        .evctl()
        .args([
            "dlq",
            "replay",
            &s,
            "--group",
            "g",
            "--min-deliveries",
            "1",
            "--claim-to",
            "c9",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(claimed["done"], 3);
    assert!(
        r.peer(&["xpending", &s, "g"])["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e[1] == "c9")
    );
    let drained = r
        .evctl()
        .args([
            "dlq",
            "drain",
            &s,
            "--group",
            "g",
            "--min-deliveries",
            "1",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(drained["done"], 3);
    assert_eq!(r.peer(&["xpending", &s, "g"])["count"], 0);
    assert_eq!(r.cli(&["XLEN", &s]).trim(), "7", "drain deletes nothing");
    // purge is refused on a stream; inspect needs a group
    r.evctl()
        .args(["dlq", "purge", &s, "--before", "end", "--yes"])
        .run()
        .expect_code(2);
    r.evctl().args(["dlq", "inspect", &s]).run().expect_code(2);
}

/// The fault test: `dlq replay` killed with SIGKILL at 5 random moments while it moves 20,000
/// poison entries. After each kill and at the end, every entry is exactly once in the
/// dead-letter stream or still pending in the group: none lost, none in both.
#[test]
fn dlq_replay_killed_five_times_loses_and_doubles_nothing() {
    let Some(r) = server("dlq_replay_killed_five_times_loses_and_doubles_nothing") else {
        return;
    };
    const N: usize = 20_000;
    let s = pending_stream(&r, "dlq.kill", N, 1);
    let dlq = format!("{s}:dlq");
    let check = |when: &str| -> usize {
        let pending: std::collections::HashSet<String> = r.peer(&["xpending", &s, "g"])["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e[0].as_str().unwrap().to_string())
            .collect();
        let dead = r.peer(&["xrange", &dlq]);
        let mut moved = std::collections::HashSet::new();
        for e in dead.as_array().unwrap() {
            let id = e[1]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f[0] == "dlq_original_id")
                .unwrap()[1]
                .as_str()
                .unwrap()
                .to_string();
            assert!(
                moved.insert(id.clone()),
                "{when}: {id} is twice in the dead-letter stream"
            );
            assert!(
                !pending.contains(&id),
                "{when}: {id} is both moved and pending"
            );
        }
        for i in 1..=N {
            let id = format!("{i}-0");
            assert!(
                moved.contains(&id) || pending.contains(&id),
                "{when}: {id} was lost"
            );
        }
        moved.len()
    };
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut moved_before = 0;
    let mut mid_run = 0;
    for k in 0..5 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = (seed >> 33) % 60;
        let (mut child, _home) = r
            .evctl()
            .args([
                "dlq",
                "replay",
                &s,
                "--group",
                "g",
                "--min-deliveries",
                "1",
                "--yes",
            ])
            .spawn();
        // once it is moving (the dead-letter stream grows), a random moment later
        let started = std::time::Instant::now();
        while r.cli(&["XLEN", &dlq]).trim().parse::<usize>().unwrap() <= moved_before
            && child.try_wait().unwrap().is_none()
            && started.elapsed() < Duration::from_secs(30)
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let moved = check(&format!("kill {} after {delay} ms", k + 1));
        eprintln!("kill {} after {delay} ms: {moved} moved", k + 1);
        if moved > moved_before && moved < N {
            mid_run += 1;
        }
        moved_before = moved;
    }
    r.evctl()
        .args([
            "dlq",
            "replay",
            &s,
            "--group",
            "g",
            "--min-deliveries",
            "1",
            "--yes",
        ])
        .run()
        .expect_code(0);
    assert_eq!(check("the end"), N);
    assert_eq!(r.peer(&["xpending", &s, "g"])["count"], 0);
    assert!(
        mid_run >= 3,
        "only {mid_run} of 5 kills landed while entries were moving"
    );
}

/// A private 3-node Redis Cluster (password on every node), stopped when dropped.
struct Cluster {
    nodes: Vec<std::process::Child>,
    ports: Vec<u16>,
    pub(crate) password: String,
    _dir: tempfile::TempDir,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for n in &mut self.nodes {
            let _ = n.kill();
            let _ = n.wait();
        }
    }
}

impl Cluster {
    fn start() -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        let password = "cluster-test-pw".to_string();
        let mut nodes = Vec::new();
        let mut ports = Vec::new();
        for i in 0..3 {
            let port = crate::support::free_port();
            let d = dir.path().join(format!("n{i}"));
            std::fs::create_dir_all(&d).unwrap();
            let conf = format!(
                "port {port}\nbind 127.0.0.1\ncluster-enabled yes\ncluster-config-file nodes.conf\nrequirepass {password}\nmasterauth {password}\nsave \"\"\nappendonly no\ndir {}\n",
                d.display()
            );
            std::fs::write(d.join("redis.conf"), conf).unwrap();
            let child = Command::new("redis-server")
                .arg(d.join("redis.conf"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("redis-server runs (scripts/setup.sh installs it)");
            nodes.push(child);
            ports.push(port);
        }
        for p in &ports {
            crate::support::wait_for_port(&format!("127.0.0.1:{p}"), Duration::from_secs(20));
        }
        let addrs: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
        let out = Command::new("redis-cli")
            .args(["--no-auth-warning", "-a", &password, "--cluster", "create"])
            .args(&addrs)
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cluster create: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let c = Cluster {
            nodes,
            ports,
            password,
            _dir: dir,
        };
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while !c.ports.iter().all(|p| {
            c.cli_on(*p, &["CLUSTER", "INFO"])
                .contains("cluster_state:ok")
        }) {
            assert!(
                std::time::Instant::now() < deadline,
                "the cluster did not become ok"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        c
    }

    fn cli_on(&self, port: u16, args: &[&str]) -> String {
        let out = Command::new("redis-cli")
            .args([
                "-c",
                "-p",
                &port.to_string(),
                "--no-auth-warning",
                "-a",
                &self.password,
            ])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn cli(&self, args: &[&str]) -> String {
        self.cli_on(self.ports[0], args)
    }

    fn evctl(&self) -> Evctl {
        let urls: Vec<String> = self
            .ports
            .iter()
            .map(|p| format!("redis://127.0.0.1:{p}"))
            .collect();
        Evctl::new()
            .args(["-b", &urls.join(",")])
            .env("EVCTL_REDIS_PASSWORD", &self.password)
    }
}

#[test]
fn a_redis_cluster_is_read_and_written_through_its_nodes() {
    if server("a_redis_cluster_is_read_and_written_through_its_nodes").is_none() {
        return;
    }
    let c = Cluster::start();
    let (a, b) = ("orders", "payments");
    assert_ne!(
        c.cli(&["CLUSTER", "KEYSLOT", a]),
        c.cli(&["CLUSTER", "KEYSLOT", b]),
        "two slots"
    );
    for s in [a, b] {
        let lines: String = (1..=3).map(|i| format!("{s}-{i}\n")).collect();
        c.evctl()
            .args(["publish", s, "--field", "v"])
            .stdin(lines)
            .run()
            .expect_code(0);
    }
    assert_eq!(c.cli(&["XLEN", a]).trim(), "3");
    // one read per stream in turn: streams in different slots cannot share an XREAD
    let run = c
        .evctl()
        .args([
            "tail",
            a,
            b,
            "-e",
            "--value-field",
            "v",
            "--format",
            "{value}\\n",
        ])
        .run()
        .expect_code(0);
    let mut got: Vec<&str> = run.stdout.lines().collect();
    got.sort();
    assert_eq!(
        got,
        [
            "orders-1",
            "orders-2",
            "orders-3",
            "payments-1",
            "payments-2",
            "payments-3"
        ]
    );
    // following both
    let (child, _home) = c
        .evctl()
        .args(["tail", a, b, "--value-field", "v", "--format", "{value}\\n"])
        .spawn();
    std::thread::sleep(Duration::from_millis(800));
    c.cli(&["XADD", b, "*", "v", "payments-new"]);
    c.cli(&["XADD", a, "*", "v", "orders-new"]);
    std::thread::sleep(Duration::from_millis(800));
    crate::support::sigint(&child);
    let out = child.wait_with_output().unwrap();
    let mut got: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    got.sort();
    assert_eq!(got, ["orders-new", "payments-new"]);
    // lag of a named stream; a pattern is refused (SCAN sees one node)
    c.cli(&["XGROUP", "CREATE", a, "g", "0"]);
    c.cli(&[
        "XREADGROUP",
        "GROUP",
        "g",
        "c1",
        "COUNT",
        "2",
        "STREAMS",
        a,
        ">",
    ]);
    let lag = c
        .evctl()
        .args(["lag", "--topic", a, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(lag["groups"][0]["total_lag"], 2);
    assert_eq!(lag["groups"][0]["partitions"][0]["pending"], 2);
    let run = c.evctl().args(["lag"]).run().expect_code(2);
    assert!(
        run.stderr.contains("on a Redis Cluster, name the streams"),
        "{}",
        run.stderr
    );
    // dead letters go to a stream in the same slot by default
    let moved = c
        .evctl()
        .args([
            "dlq",
            "replay",
            a,
            "--group",
            "g",
            "--min-deliveries",
            "1",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(
        (moved["done"].as_u64(), moved["to"].as_str()),
        (Some(2), Some("{orders}:dlq"))
    );
    assert_eq!(c.cli(&["XLEN", "{orders}:dlq"]).trim(), "2");
    let run = c
        .evctl()
        .args([
            "dlq",
            "replay",
            a,
            "--group",
            "g",
            "--to",
            "elsewhere",
            "--yes",
        ])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("different hash slots"),
        "{}",
        run.stderr
    );
}

#[test]
fn lag_counts_when_redis_cannot_and_publish_takes_envelopes_and_minid() {
    let Some(r) = server("lag_counts_when_redis_cannot_and_publish_takes_envelopes_and_minid")
    else {
        return;
    };
    // a group created at an id, then an entry deleted: XINFO GROUPS says lag null
    let s = r.stream("lag.null");
    for i in 1..=6 {
        r.cli(&["XADD", &s, &format!("{i}-0"), "n", &i.to_string()]);
    }
    r.cli(&["XGROUP", "CREATE", &s, "g", "2-0"]);
    r.cli(&["XDEL", &s, "4-0"]);
    assert_eq!(r.peer(&["groups", &s])[0]["lag"], Value::Null);
    let report = r
        .evctl()
        .args(["lag", "--topic", &s, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(
        report["groups"][0]["partitions"][0]["lag"], 3,
        "3-0, 5-0 and 6-0, counted"
    );
    // pretty output names the stream and the id
    let run = r
        .evctl()
        .args(["tail", &s, "-e", "-n", "1", "-o", "pretty"])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.starts_with(&format!("{s}@1-0 ")),
        "{}",
        run.stdout
    );
    // the event envelope: one field per member, the traceparent header last
    let e = r.stream("envelope");
    r.evctl()
        .args([
            "publish",
            &e,
            "--envelope",
            "--type",
            "order.created.v1",
            "--source",
            "cli",
        ])
        .stdin("{\"a\":1}\n")
        .run()
        .expect_code(0);
    let f = r.peer(&["xrange", &e])[0][1].clone();
    let names: Vec<&str> = f
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "id",
            "type",
            "occurred_at",
            "source",
            "correlation_id",
            "trace_id",
            "payload",
            "metadata",
            "traceparent"
        ]
    );
    assert_eq!(f[6][1], "{\"a\":1}");
    // --minid trims what is below the id on each add
    let m = r.stream("minid");
    let lines: String = (1..=3)
        .map(|i| format!("{{\"id\":\"{i}-0\",\"value\":{{\"n\":\"{i}\"}},\"stream\":\"x\"}}\n"))
        .collect();
    r.evctl()
        .args([
            "publish",
            &m,
            "--format",
            "json",
            "--keep-ids",
            "--minid",
            "3-0",
        ])
        .stdin(lines)
        .run()
        .expect_code(0);
    assert_eq!(r.cli(&["XRANGE", &m, "-", "+"]).lines().next(), Some("3-0"));
    assert_eq!(r.cli(&["XLEN", &m]).trim(), "1");
}
