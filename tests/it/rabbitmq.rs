//! RabbitMQ dead-letter queues through the binary, against the node scripts/test.sh starts
//! (scripts/rabbitmq.sh), with pika (tests/it/support/amqp_peer.py) as the independent peer: it
//! makes dead letters by rejection, TTL expiry and a quorum queue's delivery limit, and consumes
//! what evctl replays.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{Evctl, skip};

struct Rabbit {
    url: String,
    api: String,
    port: String,
    user: String,
    password: String,
}

fn rabbit(test: &str) -> Option<Rabbit> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match var("EVCTL_TEST_AMQP_URL") {
        Some(url) => Some(Rabbit {
            url,
            api: var("EVCTL_TEST_AMQP_API").unwrap_or_default(),
            port: var("EVCTL_TEST_AMQP_PORT").unwrap_or_default(),
            user: var("EVCTL_TEST_AMQP_USER").unwrap_or_default(),
            password: var("EVCTL_TEST_AMQP_PASSWORD").unwrap_or_default(),
        }),
        None => {
            assert!(
                !crate::support::ci(),
                "CI=true: no RabbitMQ (EVCTL_TEST_AMQP_URL); run scripts/test.sh"
            );
            skip(
                &format!("rabbitmq::{test}"),
                "no RabbitMQ (EVCTL_TEST_AMQP_URL); run scripts/test.sh",
            );
            None
        }
    }
}

impl Rabbit {
    fn evctl(&self) -> Evctl {
        Evctl::new()
            .args(["-b", &self.url])
            .env("EVCTL_AMQP_PASSWORD", &self.password)
    }

    fn peer(&self, cmd: &str, opts: Value) -> Value {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = Command::new(crate::support::venv_python())
            .arg(repo.join("tests/it/support/amqp_peer.py"))
            .arg(cmd)
            .arg(opts.to_string())
            .env("EVCTL_TEST_AMQP_PORT", &self.port)
            .env("EVCTL_TEST_AMQP_USER", &self.user)
            .env("EVCTL_TEST_AMQP_PASSWORD", &self.password)
            .output()
            .expect("the venv's python runs amqp_peer.py (scripts/setup.sh)");
        assert!(
            out.status.success(),
            "amqp_peer.py {cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn count(&self, queue: &str) -> u64 {
        self.peer("count", json!({"queue": queue}))["messages"]
            .as_u64()
            .unwrap()
    }

    /// A work queue `notify.<name>.high` on exchange `notify-<name>` dead-lettering into
    /// `<queue>.dlq`.
    fn topology(&self, name: &str, extra: Value) -> (String, String, String) {
        let pid = std::process::id();
        let ex = format!("notify-{name}-{pid}");
        let q = format!("notify.{name}-{pid}.high");
        let dlq = format!("{q}.dlq");
        let mut o = json!({"exchange": ex, "queue": q, "dlq": dlq});
        o.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        self.peer("topology", o);
        (ex, q, dlq)
    }

    /// A topology whose dead-letter queue holds `n` messages its consumer rejected.
    fn rejected(&self, name: &str, n: u64) -> (String, String, String) {
        let (ex, q, dlq) = self.topology(name, json!({}));
        self.peer("publish", json!({"exchange": ex, "key": q, "n": n}));
        self.peer("reject", json!({"queue": q, "n": n}));
        self.wait_count(&dlq, n);
        (ex, q, dlq)
    }

    fn wait_count(&self, queue: &str, want: u64) {
        let until = std::time::Instant::now() + Duration::from_secs(30);
        while self.count(queue) != want {
            assert!(
                std::time::Instant::now() < until,
                "{queue}: {} messages, want {want}",
                self.count(queue)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Dead letters of the three kinds are grouped by reason and original queue; reading them loses
/// none.
#[test]
fn inspect_groups_rejections_expiries_and_delivery_limits() {
    let Some(r) = rabbit("inspect_groups_rejections_expiries_and_delivery_limits") else {
        return;
    };
    let (ex, q, dlq) = r.rejected("inspect", 5);
    // TTL expiry into the same dead-letter queue
    let (tex, tq, _) = r.topology("inspect-ttl", json!({"ttl_ms": 0}));
    r.peer("publish", json!({"exchange": tex, "key": tq, "n": 3}));
    // a quorum queue's delivery limit
    let (qex, qq, _) = r.topology(
        "inspect-quorum",
        json!({"quorum": true, "delivery_limit": 1}),
    );
    r.peer("publish", json!({"exchange": qex, "key": qq, "n": 2}));
    r.peer("requeue", json!({"queue": qq, "rounds": 3}));
    // each topology has its own DLQ: gather all three into one by reading each
    r.wait_count(&dlq, 5);
    let out = r.evctl().args(["dlq", "inspect", &dlq, "-o", "json"]).run();
    let out = out.expect_code(0).json();
    assert_eq!(out["read"], 5);
    let g = &out["groups"][0];
    assert_eq!(
        (
            g["reason"].as_str(),
            g["original_queue"].as_str(),
            g["count"].as_u64()
        ),
        (Some("rejected"), Some(q.as_str()), Some(5)),
        "{out}"
    );
    assert_eq!(g["exchange"], ex);
    assert_eq!(g["routing_keys"], json!([q]));
    assert_eq!(r.count(&dlq), 5, "inspect lost messages");
    for (name, queue, reason, n) in [
        ("ttl", format!("{tq}.dlq"), "expired", 3),
        ("quorum", format!("{qq}.dlq"), "delivery_limit", 2),
    ] {
        r.wait_count(&queue, n);
        let out = r
            .evctl()
            .args(["dlq", "inspect", &queue, "-o", "json"])
            .run();
        let out = out.expect_code(0).json();
        assert_eq!(out["groups"][0]["reason"], reason, "{name}: {out}");
        assert_eq!(out["groups"][0]["count"], n, "{name}: {out}");
        assert_eq!(r.count(&queue), n);
    }
}

/// After a replay the original consumer receives every message once, with its body, properties
/// and headers; the dead-letter queue is empty.
#[test]
fn replay_returns_each_message_once_with_properties() {
    let Some(r) = rabbit("replay_returns_each_message_once_with_properties") else {
        return;
    };
    let (ex, q, dlq) = r.rejected("replay", 50);
    let dry = r
        .evctl()
        .args(["dlq", "replay", &dlq, "--dry-run", "-o", "json"])
        .run();
    let dry = dry.expect_code(0).json();
    assert_eq!(
        (dry["selected"].as_u64(), dry["done"].as_u64()),
        (Some(50), Some(0))
    );
    assert_eq!(dry["routes"][format!("{ex} -> {q}")], 50, "{dry}");
    assert_eq!(r.count(&dlq), 50);
    let out = r
        .evctl()
        .args(["dlq", "replay", &dlq, "--yes", "-o", "json"])
        .run();
    assert_eq!(out.expect_code(0).json()["done"], 50);
    assert_eq!(r.count(&dlq), 0);
    let got = r.peer("consume", json!({"queue": q, "n": 100, "timeout": 3}));
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), 50, "each message once");
    let mut seen = BTreeMap::new();
    for m in got {
        let i = serde_json::from_str::<Value>(m["body"].as_str().unwrap()).unwrap()["i"]
            .as_i64()
            .unwrap();
        *seen.entry(i).or_insert(0) += 1;
        let p = &m["properties"];
        assert_eq!(p["message_id"], format!("m-{i}"));
        assert_eq!(p["correlation_id"], format!("c-{i}"));
        assert_eq!(p["timestamp"], 1_700_000_000 + i);
        assert_eq!(
            (
                p["content_type"].as_str(),
                p["delivery_mode"].as_i64(),
                p["type"].as_str(),
                p["app_id"].as_str(),
                p["priority"].as_i64()
            ),
            (
                Some("application/json"),
                Some(2),
                Some("order.created.v1"),
                Some("peer"),
                Some(3)
            )
        );
        let h = &m["headers"];
        assert_eq!(
            (h["tenant"].as_str(), h["attempt"].as_i64()),
            (Some("t1"), Some(i % 5)),
            "{m}"
        );
        assert_eq!(h["trace"]["id"], format!("t-{i}"));
        assert_eq!(h["evctl-replay-count"], 1);
        assert!(
            h.get("x-death").is_none() && h.get("x-first-death-queue").is_none(),
            "{m}"
        );
    }
    assert_eq!(seen.len(), 50);
}

/// An unroutable destination: the broker returns the copies, they stay in the DLQ, exit 1. A
/// drain acknowledges only what it selects; a purge empties the queue.
#[test]
fn unroutable_replays_stay_and_drain_and_purge() {
    let Some(r) = rabbit("unroutable_replays_stay_and_drain_and_purge") else {
        return;
    };
    let (_, q, dlq) = r.rejected("unroutable", 6);
    let out = r
        .evctl()
        .args([
            "dlq",
            "replay",
            &dlq,
            "--yes",
            "--routing-key",
            "nowhere",
            "-o",
            "json",
        ])
        .run();
    let out = out.expect_code(1);
    let rep = out.json();
    assert_eq!(
        (rep["failed"].as_u64(), rep["done"].as_u64()),
        (Some(6), Some(0)),
        "{rep}"
    );
    assert!(out.stderr.contains("unroutable"), "{}", out.stderr);
    assert_eq!(r.count(&dlq), 6);
    // a filtered replay: the others stay, acknowledged one by one around them
    let out = r
        .evctl()
        .args([
            "dlq", "replay", &dlq, "--where", ".i >= 4", "--yes", "-o", "json",
        ])
        .run();
    let rep = out.expect_code(0).json();
    assert_eq!(
        (rep["done"].as_u64(), rep["not_selected"].as_u64()),
        (Some(2), Some(4)),
        "{rep}"
    );
    assert_eq!(r.count(&dlq), 4);
    let back = r.peer("consume", json!({"queue": q, "n": 10, "timeout": 2}));
    let mut is: Vec<i64> = back
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            serde_json::from_str::<Value>(m["body"].as_str().unwrap()).unwrap()["i"]
                .as_i64()
                .unwrap()
        })
        .collect();
    is.sort();
    assert_eq!(is, vec![4, 5]);
    let out = r
        .evctl()
        .args([
            "dlq", "drain", &dlq, "--where", ".i < 2", "--yes", "-o", "json",
        ])
        .run();
    assert_eq!(out.expect_code(0).json()["done"], 2);
    assert_eq!(r.count(&dlq), 2);
    r.evctl()
        .args(["dlq", "purge", &dlq, "--yes"])
        .run()
        .expect_code(0);
    assert_eq!(r.count(&dlq), 0);
    // a queue that does not exist
    let out = r
        .evctl()
        .args(["dlq", "inspect", "no.such.queue"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("no queue \"no.such.queue\""),
        "{}",
        out.stderr
    );
}

/// `dlq replay` of 20,000 dead letters killed with SIGKILL at 5 random moments, then run to the
/// end: nothing lost; the duplicates are at most the prefetch window per kill.
#[test]
fn replay_killed_at_random_moments_loses_nothing() {
    let Some(r) = rabbit("replay_killed_at_random_moments_loses_nothing") else {
        return;
    };
    const N: u64 = 20_000;
    const PREFETCH: u64 = 200;
    let (_, q, _) = r.topology("fault", json!({}));
    // dead letters by expiry: a second queue with TTL 0 bound to the same exchange
    let (tex, tq, tdlq) = r.topology("fault-ttl", json!({"ttl_ms": 0}));
    r.peer("publish", json!({"exchange": tex, "key": tq, "n": N}));
    r.wait_count(&tdlq, N);
    let mut seed = u64::from(std::process::id());
    let mut kills = 0;
    for _ in 0..5 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let after = Duration::from_millis(150 + (seed >> 33) % 600);
        let (mut child, _home) = r
            .evctl()
            .args([
                "dlq",
                "replay",
                &tdlq,
                "--yes",
                "--prefetch",
                &PREFETCH.to_string(),
                "--to-exchange",
                "",
                "--routing-key",
                &q,
            ])
            .spawn();
        std::thread::sleep(after);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            kills += 1;
        }
        child.wait().unwrap();
    }
    assert!(kills >= 3, "the replay was not killed mid-way ({kills})");
    r.evctl()
        .args([
            "dlq",
            "replay",
            &tdlq,
            "--yes",
            "--to-exchange",
            "",
            "--routing-key",
            &q,
        ])
        .run()
        .expect_code(0);
    assert_eq!(r.count(&tdlq), 0);
    let got = r.peer("consume", json!({"queue": q, "n": N * 2, "timeout": 5}));
    let mut seen: BTreeMap<i64, u64> = BTreeMap::new();
    for m in got.as_array().unwrap() {
        let i = serde_json::from_str::<Value>(m["body"].as_str().unwrap()).unwrap()["i"]
            .as_i64()
            .unwrap();
        *seen.entry(i).or_default() += 1;
    }
    assert_eq!(seen.len() as u64, N, "messages lost");
    let duplicates: u64 = seen.values().map(|n| n - 1).sum();
    assert!(
        duplicates <= PREFETCH * kills,
        "{duplicates} duplicates for {kills} kills with a window of {PREFETCH}"
    );
    eprintln!("rabbitmq fault test: {kills} kills, {duplicates} duplicates (window {PREFETCH})");
}

/// `publish` with confirms: records to an exchange (their keys as routing keys) and to a queue
/// through the default exchange, properties and headers as pika reads them; an unroutable record
/// is a counted failure, exit 1.
#[test]
fn publish_maps_records_to_messages_with_confirms() {
    let Some(r) = rabbit("publish_maps_records_to_messages_with_confirms") else {
        return;
    };
    let (ex, q, _) = r.topology("publish", json!({}));
    let input = format!(
        "{}\n{}\n",
        json!({"key": q, "value": "{\"id\":\"e-1\",\"correlation_id\":\"c-1\",\"payload\":{}}", "headers": [["tenant", "t1"], ["amqp.content_type", "application/json"], ["amqp.priority", "4"], ["nothing", null]], "timestamp": 1_700_000_123_456i64}),
        json!({"key": q, "value": "second", "headers": [["amqp.message_id", "m-2"], ["amqp.type", "order.created.v1"]]})
    );
    let out = r
        .evctl()
        .args(["publish", &ex, "--format", "json"])
        .stdin(input)
        .run();
    out.expect_code(0);
    r.evctl()
        .args(["publish", &q, "--key", "k-3"])
        .stdin("third\n")
        .run()
        .expect_code(0);
    let got = r.peer("consume", json!({"queue": q, "n": 3, "timeout": 3}));
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), 3, "{got:?}");
    let (a, b, c) = (&got[0], &got[1], &got[2]);
    assert_eq!(
        (a["exchange"].as_str(), a["routing_key"].as_str()),
        (Some(ex.as_str()), Some(q.as_str()))
    );
    assert_eq!(a["properties"]["message_id"], "e-1", "envelope id: {a}");
    assert_eq!(a["properties"]["correlation_id"], "c-1");
    assert_eq!(a["properties"]["content_type"], "application/json");
    assert_eq!(
        (
            a["properties"]["priority"].as_i64(),
            a["properties"]["delivery_mode"].as_i64()
        ),
        (Some(4), Some(2))
    );
    assert_eq!(a["properties"]["timestamp"], 1_700_000_123);
    assert_eq!(a["headers"]["tenant"], "t1");
    assert!(
        a["headers"].as_object().unwrap().contains_key("nothing")
            && a["headers"]["nothing"].is_null(),
        "{a}"
    );
    assert_eq!(
        (
            b["body"].as_str(),
            b["properties"]["message_id"].as_str(),
            b["properties"]["type"].as_str()
        ),
        (Some("second"), Some("m-2"), Some("order.created.v1"))
    );
    assert_eq!(
        (
            c["exchange"].as_str(),
            c["routing_key"].as_str(),
            c["headers"]["evctl-key"].as_str()
        ),
        (Some(""), Some(q.as_str()), Some("k-3"))
    );
    // unroutable: returned by the broker, counted, exit 1
    let out = r
        .evctl()
        .args(["publish", &ex, "--routing-key", "nowhere"])
        .stdin("lost?\n")
        .run()
        .expect_code(1);
    assert!(
        out.stderr.contains("1 failed") && out.stderr.contains("unroutable"),
        "{}",
        out.stderr
    );
    let out = r
        .evctl()
        .args(["publish", "no-such-thing"])
        .stdin("x\n")
        .run()
        .expect_code(2);
    assert!(
        out.stderr
            .contains("no exchange or queue \"no-such-thing\""),
        "{}",
        out.stderr
    );
}

/// `tail`: a stream queue by offset (nothing removed), `--peek` (left in place), `--consume`
/// (taken), and the refusal to read a classic queue by offset.
#[test]
fn tail_streams_by_offset_and_queues_without_loss() {
    let Some(r) = rabbit("tail_streams_by_offset_and_queues_without_loss") else {
        return;
    };
    let (sex, sq, _) = r.topology("tail-stream", json!({"stream": true}));
    r.peer("publish", json!({"exchange": sex, "key": sq, "n": 5}));
    let out = r
        .evctl()
        .args(["tail", &sq, "--from", "start", "-e", "-o", "json"])
        .run()
        .expect_code(0);
    let recs: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 5, "{}", out.stderr);
    assert_eq!(
        (recs[0]["partition"].as_i64(), recs[0]["offset"].as_i64()),
        (Some(0), Some(0))
    );
    assert_eq!(recs[4]["value"], "{\"i\": 4}");
    let h: BTreeMap<String, Value> = recs[2]["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].clone()))
        .collect();
    assert_eq!(h["amqp.message_id"], "m-2");
    assert_eq!(h["amqp.type"], "order.created.v1");
    assert_eq!(h["tenant"], "t1");
    assert_eq!(recs[2]["key"], sq.as_str());
    let out = r
        .evctl()
        .args(["tail", &sq, "--from", "2", "--to", "3", "-e", "-o", "json"])
        .run()
        .expect_code(0);
    let offsets: Vec<i64> = out
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["offset"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(offsets, vec![2, 3]);
    // nothing was removed from the stream
    assert_eq!(
        r.evctl()
            .args(["tail", &sq, "--from", "start", "-e", "-o", "json"])
            .run()
            .stdout
            .lines()
            .count(),
        5
    );

    let (ex, q, _) = r.topology("tail-queue", json!({}));
    r.peer("publish", json!({"exchange": ex, "key": q, "n": 4}));
    let out = r
        .evctl()
        .args(["tail", &q, "--peek", "3", "-o", "json"])
        .run()
        .expect_code(0);
    let recs: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(
        (recs[0]["queue"].as_str(), recs[0]["delivery"].as_u64()),
        (Some(q.as_str()), Some(1))
    );
    r.wait_count(&q, 4);
    let out = r
        .evctl()
        .args(["tail", &q, "--from", "start", "-e"])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("not a stream queue"), "{}", out.stderr);
    r.wait_count(&q, 4);
    let out = r
        .evctl()
        .args(["tail", &q, "--consume", "-n", "3", "-o", "json"])
        .run()
        .expect_code(0);
    assert_eq!(out.stdout.lines().count(), 3);
    r.wait_count(&q, 1);
    // --tap: live traffic through a server-named queue, the work queue untouched
    let (child, _home) = r
        .evctl()
        .args([
            "tail",
            "--tap",
            &format!("{ex}:{q}"),
            "-n",
            "2",
            "-o",
            "json",
        ])
        .spawn();
    std::thread::sleep(Duration::from_millis(1500));
    r.peer(
        "publish",
        json!({"exchange": ex, "key": q, "n": 2, "start": 10}),
    );
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tapped: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(tapped.len(), 2);
    assert_eq!(
        (tapped[0]["queue"].as_str(), tapped[0]["value"].as_str()),
        (Some(ex.as_str()), Some("{\"i\": 10}"))
    );
    r.wait_count(&q, 3);
}

/// `lag`: a queue's ready messages as its lag and unacknowledged ones as pending, from the
/// management API (every queue) or from the queue itself (named queues); thresholds exit 3.
#[test]
fn lag_reports_queue_depth_with_and_without_the_api() {
    let Some(r) = rabbit("lag_reports_queue_depth_with_and_without_the_api") else {
        return;
    };
    let (ex, q, _) = r.topology("lag", json!({}));
    r.peer("publish", json!({"exchange": ex, "key": q, "n": 7}));
    // the API's statistics refresh every second (scripts/rabbitmq.sh)
    let until = std::time::Instant::now() + Duration::from_secs(20);
    let g = loop {
        let out = r
            .evctl()
            .args(["lag", "--rabbit-api", &r.api, "-o", "json"])
            .run()
            .expect_code(0)
            .json();
        let g = out["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["group"] == q.as_str())
            .cloned();
        // the head message's timestamp comes with a later statistics round than the depth
        if let Some(g) = g.filter(|g| g["total_lag"] == 7 && g["max_time_lag_ms"].is_i64()) {
            break g;
        }
        assert!(
            std::time::Instant::now() < until,
            "no lag of 7 for {q}: {out}"
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    assert_eq!(
        (
            g["group_type"].as_str(),
            g["protocol_type"].as_str(),
            g["state"].as_str()
        ),
        (Some("rabbitmq"), Some("classic"), Some("Idle"))
    );
    assert!(g["max_time_lag_ms"].as_i64().unwrap() > 0, "{g}");
    let out = r
        .evctl()
        .args(["lag", &q, "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(out["groups"][0]["total_lag"], 7);
    r.evctl()
        .args(["lag", &q, "--max-lag", "5"])
        .run()
        .expect_code(3);
    let out = r.evctl().args(["lag"]).run().expect_code(2);
    assert!(out.stderr.contains("management API"), "{}", out.stderr);
    // a context's amqp section: the URL, the password's variable and the management API
    let yaml = format!(
        "current_context: rabbit\ncontexts:\n  rabbit:\n    amqp:\n      url: {}\n      password_env: RABBIT_PW\n      api: {}\n",
        r.url, r.api
    );
    let out = Evctl::new()
        .config(&yaml)
        .env("RABBIT_PW", &r.password)
        .args(["lag", "-o", "json"])
        .run();
    let out = out.expect_code(0).json();
    assert!(
        out["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["group"] == q.as_str()),
        "{out}"
    );
    let out = r.evctl().args(["lag", "no.such.queue"]).run();
    assert!(
        out.code != 0 && out.stderr.contains("no queue \"no.such.queue\""),
        "{}",
        out.stderr
    );
}

/// `amqps://`: the server's certificate is verified (against --tls-ca; refused without it), and a
/// client certificate is offered when given.
#[test]
fn tls_verifies_the_server() {
    let Some(r) = rabbit("tls_verifies_the_server") else {
        return;
    };
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let (url, ca) = (var("EVCTL_TEST_AMQP_TLS_URL"), var("EVCTL_TEST_AMQP_CA"));
    let (_, q, _) = r.topology("tls", json!({}));
    let tls = || {
        Evctl::new()
            .args(["-b", &url])
            .env("EVCTL_AMQP_PASSWORD", &r.password)
    };
    let out = tls().args(["lag", &q, "-o", "json"]).run().expect_code(1);
    assert!(
        out.stderr.contains("TLS with RabbitMQ") && out.stderr.contains("UnknownIssuer"),
        "{}",
        out.stderr
    );
    let out = tls()
        .args(["--tls-ca", &ca, "lag", &q, "-o", "json"])
        .run()
        .expect_code(0);
    assert_eq!(out.json()["groups"][0]["group"], q.as_str());
    let (cert, key) = (
        var("EVCTL_TEST_AMQP_CLIENT_CERT"),
        var("EVCTL_TEST_AMQP_CLIENT_KEY"),
    );
    tls()
        .args([
            "--tls-ca",
            &ca,
            "--tls-cert",
            &cert,
            "--tls-key",
            &key,
            "publish",
            &q,
        ])
        .stdin("over tls\n")
        .run()
        .expect_code(0);
    r.wait_count(&q, 1);
    // a password in the URL is refused, never sent
    let bad = url.replace("evctl@", "evctl:secret@");
    let out = Evctl::new()
        .args(["-b", &bad, "lag", &q])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("holds a password"), "{}", out.stderr);
}
