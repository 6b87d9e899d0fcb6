//! Apache Kafka itself (the 3-node KRaft cluster of scripts/test.sh): evctl against Kafka's own
//! tools from the same classpath, both ways; consumer groups of both rebalance protocols; and the
//! SASL_SSL listener with SCRAM users and the StandardAuthorizer. Every test name ends in `::kafka`
//! so that scripts/test.sh runs it in the Kafka part.

use std::collections::BTreeMap;
use std::process::Child;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::kafka::{spawn_tool, tool_ok};
use crate::support::{Evctl, Kind, Run, broker};

const TOPICS: &str = "org.apache.kafka.tools.TopicCommand";
const CONFIGS: &str = "kafka.admin.ConfigCommand";
pub(crate) const CONSUMER: &str = "org.apache.kafka.tools.consumer.ConsoleConsumer";
const PRODUCER: &str = "org.apache.kafka.tools.ConsoleProducer";
pub(crate) const GROUPS: &str = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
const ACLS: &str = "org.apache.kafka.tools.AclCommand";

/// A running Kafka tool (a live consumer), killed when dropped.
pub(crate) struct Running(pub(crate) Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn ev(addr: &str, args: &[&str]) -> Run {
    Evctl::new()
        .args(["-b", addr])
        .args(args)
        .run_within(Duration::from_secs(60))
}

/// Creates `name` with `partitions` partitions (RF 3, min.insync.replicas=2) through evctl.
pub(crate) fn create(addr: &str, name: &str, partitions: i32) {
    crate::support::create_topics(addr, &[(name, partitions)]);
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Polls `f` every 200 ms until it returns Some, failing after `limit`.
#[track_caller]
pub(crate) fn eventually<T>(limit: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// `kafka-configs --describe` of a topic: its dynamic (topic-level) configs.
fn kafka_configs(addr: &str, topic: &str) -> BTreeMap<String, String> {
    let out = tool_ok(
        CONFIGS,
        &[
            "--bootstrap-server",
            addr,
            "--describe",
            "--entity-type",
            "topics",
            "--entity-name",
            topic,
        ],
        None,
    );
    out.lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split(" sensitive=").next()?.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn topics_and_configs_agree_with_kafka_tools(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let topic = format!("it.rk.cfg.{}", std::process::id());
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("topics.yaml");
    let write = |retention: &str| {
        std::fs::write(
            &spec,
            format!(
                "topics:\n  - name: {topic}\n    partitions: 4\n    replication_factor: 3\n    retention: {retention}\n    compression: zstd\n    configs: {{min.insync.replicas: 2, max.message.bytes: 2MiB, cleanup.policy: compact}}\n"
            ),
        )
        .unwrap();
    };
    write("1h");
    ev(&addr, &["apply", spec.to_str().unwrap(), "--yes"]).expect_code(0);

    // kafka-topics sees the partitions and replicas evctl asked for
    let described = tool_ok(
        TOPICS,
        &["--bootstrap-server", &addr, "--describe", "--topic", &topic],
        None,
    );
    let head = described.lines().next().unwrap();
    assert!(head.contains("PartitionCount: 4"), "{described}");
    assert!(head.contains("ReplicationFactor: 3"), "{described}");
    let rows: Vec<&str> = described
        .lines()
        .filter(|l| l.contains("Partition: "))
        .collect();
    assert_eq!(rows.len(), 4, "{described}");
    for r in &rows {
        let replicas = r
            .split("Replicas: ")
            .nth(1)
            .unwrap()
            .split('\t')
            .next()
            .unwrap();
        assert_eq!(replicas.split(',').count(), 3, "{r}");
    }
    // kafka-configs sees the configs evctl set, as Kafka spells them
    let configs = kafka_configs(&addr, &topic);
    let want: BTreeMap<String, String> = [
        ("cleanup.policy", "compact"),
        ("compression.type", "zstd"),
        ("max.message.bytes", "2097152"),
        ("min.insync.replicas", "2"),
        ("retention.ms", "3600000"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(configs, want);

    // a change through evctl shows in kafka-configs; one through kafka-configs is drift for evctl
    write("2h");
    ev(&addr, &["apply", spec.to_str().unwrap(), "--yes"]).expect_code(0);
    assert_eq!(kafka_configs(&addr, &topic)["retention.ms"], "7200000");
    tool_ok(
        CONFIGS,
        &[
            "--bootstrap-server",
            &addr,
            "--alter",
            "--entity-type",
            "topics",
            "--entity-name",
            &topic,
            "--add-config",
            "retention.ms=60000",
        ],
        None,
    );
    let plan = ev(
        &addr,
        &["plan", spec.to_str().unwrap(), "--detailed-exitcode"],
    )
    .expect_code(3);
    assert!(
        plan.stdout.contains("retention.ms") && plan.stdout.contains("7200000"),
        "{}",
        plan.stdout
    );
    ev(&addr, &["apply", spec.to_str().unwrap(), "--yes"]).expect_code(0);
    assert_eq!(kafka_configs(&addr, &topic)["retention.ms"], "7200000");
    ev(
        &addr,
        &["plan", spec.to_str().unwrap(), "--detailed-exitcode"],
    )
    .expect_code(0);
}
crate::on_kafka!(topics_and_configs_agree_with_kafka_tools);

fn console_consumer_reads_what_evctl_publishes(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let topic = format!("it.rk.pub.{}", std::process::id());
    create(&addr, &topic, 1);
    let t1 = now_ms() - 60_000;
    let input = format!(
        "{{\"key\":\"k1\",\"value\":\"v1\",\"headers\":[[\"h\",\"1\"],[\"h\",\"2\"],[\"trace\",\"x\"]],\"timestamp_ms\":{t1}}}\n\
         {{\"key\":null,\"value\":\"v2\",\"headers\":[],\"timestamp_ms\":{}}}\n\
         {{\"key\":\"k3\",\"value\":\"caf\u{e9}\",\"headers\":[[\"e\",\"\"]],\"timestamp_ms\":{}}}\n",
        t1 + 1,
        t1 + 2
    );
    Evctl::new()
        .args(["-b", &addr, "publish", &topic, "--format", "json"])
        .stdin(input)
        .run()
        .expect_code(0);
    let out = tool_ok(
        CONSUMER,
        &[
            "--bootstrap-server",
            &addr,
            "--topic",
            &topic,
            "--from-beginning",
            "--max-messages",
            "3",
            "--timeout-ms",
            "30000",
            "--property",
            "print.key=true",
            "--property",
            "print.headers=true",
            "--property",
            "print.timestamp=true",
            "--property",
            "print.offset=true",
        ],
        None,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!("CreateTime:{t1}\tOffset:0\th:1,h:2,trace:x\tk1\tv1"),
            format!("CreateTime:{}\tOffset:1\tNO_HEADERS\tnull\tv2", t1 + 1),
            format!("CreateTime:{}\tOffset:2\te:\tk3\tcaf\u{e9}", t1 + 2),
        ],
        "{out}"
    );
}
crate::on_kafka!(console_consumer_reads_what_evctl_publishes);

fn tail_reads_what_the_console_producer_writes(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let topic = format!("it.rk.prod.{}", std::process::id());
    create(&addr, &topic, 1);
    let before = now_ms();
    tool_ok(
        PRODUCER,
        &[
            "--bootstrap-server",
            &addr,
            "--topic",
            &topic,
            "--property",
            "parse.key=true",
            "--property",
            "key.separator=:",
            "--property",
            "parse.headers=true",
        ],
        Some(b"a:1,a:2,b:x\tk1:v1\nc:3\tk2:{\"n\":2}\nd:\tk3:last\n"),
    );
    let after = now_ms();
    let run = ev(&addr, &["tail", &topic, "-e", "-o", "json"]).expect_code(0);
    let recs: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3, "{}", run.stdout);
    let got: Vec<(i64, &str, &str, Value)> = recs
        .iter()
        .map(|r| {
            (
                r["offset"].as_i64().unwrap(),
                r["key"].as_str().unwrap(),
                r["value"].as_str().unwrap(),
                r["headers"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                0,
                "k1",
                "v1",
                serde_json::json!([["a", "1"], ["a", "2"], ["b", "x"]])
            ),
            (1, "k2", "{\"n\":2}", serde_json::json!([["c", "3"]])),
            (2, "k3", "last", serde_json::json!([["d", ""]])),
        ]
    );
    for r in &recs {
        let ts = r["timestamp_ms"].as_i64().unwrap();
        assert!((before - 1000..=after).contains(&ts), "{r}");
        assert_eq!(r["timestamp_type"], "create");
    }
}
crate::on_kafka!(tail_reads_what_the_console_producer_writes);

/// `kafka-consumer-groups --describe --group G` rows: (topic, partition) → (current, log end, lag).
pub(crate) fn kafka_group_offsets(
    addr: &str,
    group: &str,
) -> BTreeMap<(String, i64), (i64, i64, i64)> {
    let out = tool_ok(
        GROUPS,
        &["--bootstrap-server", addr, "--describe", "--group", group],
        None,
    );
    out.lines()
        .filter(|l| l.starts_with(&format!("{group} ")))
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            let n = |s: &str| s.parse::<i64>().unwrap_or(-1);
            ((c[1].to_string(), n(c[2])), (n(c[3]), n(c[4]), n(c[5])))
        })
        .collect()
}

/// evctl lag's view of the same: (topic, partition) → (committed, log end, lag).
fn evctl_group_offsets(g: &Value) -> BTreeMap<(String, i64), (i64, i64, i64)> {
    g["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                (
                    p["topic"].as_str().unwrap().to_string(),
                    p["partition"].as_i64().unwrap(),
                ),
                (
                    p["committed"].as_i64().unwrap_or(-1),
                    p["log_end"].as_i64().unwrap(),
                    p["lag"].as_i64().unwrap_or(-1),
                ),
            )
        })
        .collect()
}

/// `evctl lag GROUP -o json`'s group; before a live consumer has joined, the group does not exist
/// yet (exit 1, `"exists": false`).
fn lag_group(addr: &str, group: &str) -> Value {
    let run = ev(addr, &["lag", group, "-o", "json"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let g = run.json()["groups"][0].clone();
    assert_eq!(run.code == 0, g["exists"] == true, "{}", run.stderr);
    g
}

pub(crate) fn live_consumer(addr: &str, topic: &str, group: &str, protocol: &str) -> Running {
    Running(spawn_tool(
        CONSUMER,
        &[
            "--bootstrap-server",
            addr,
            "--topic",
            topic,
            "--group",
            group,
            "--from-beginning",
            "--consumer-property",
            &format!("group.protocol={protocol}"),
            "--consumer-property",
            "auto.commit.interval.ms=500",
        ],
    ))
}

fn lag_agrees_with_kafka_consumer_groups(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let topic = format!("it.rk.lag.{id}");
    create(&addr, &topic, 3);
    let lines: String = (0..30).map(|i| format!("k{i}\tv{i}\n")).collect();
    Evctl::new()
        .args(["-b", &addr, "publish", &topic, "--key-separator", "\t"])
        .stdin(lines)
        .run()
        .expect_code(0);

    // a group that read 23 of the 30 records and stopped: lag in offsets, as
    // kafka-consumer-groups says. 23 is more than any two partitions hold (the keys put 8, 12 and
    // 10 records in them), so the consumer has read, and commits, every partition: the tool lists
    // only partitions with a commit, evctl every partition of the group's topics.
    let stopped = format!("it-rk-stopped-{id}");
    tool_ok(
        CONSUMER,
        &[
            "--bootstrap-server",
            &addr,
            "--topic",
            &topic,
            "--group",
            &stopped,
            "--from-beginning",
            "--max-messages",
            "23",
            "--timeout-ms",
            "30000",
        ],
        None,
    );
    let theirs = kafka_group_offsets(&addr, &stopped);
    let g = lag_group(&addr, &stopped);
    assert_eq!(g["state"], "Empty", "{g:#}");
    let ours = evctl_group_offsets(&g);
    assert_eq!(ours, theirs);
    assert_eq!(ours.len(), 3);
    assert_eq!(ours.values().map(|v| v.1).sum::<i64>(), 30, "{ours:?}");
    assert_eq!(
        g["total_lag"].as_i64().unwrap(),
        theirs.values().map(|v| v.2).sum::<i64>()
    );

    // a live classic group: the same offsets, and its member owns every partition
    let live = format!("it-rk-live-{id}");
    let _consumer = live_consumer(&addr, &topic, &live, "classic");
    let g = eventually(Duration::from_secs(60), "the live group catches up", || {
        let g = lag_group(&addr, &live);
        let caught_up = evctl_group_offsets(&g)
            .values()
            .filter(|(committed, end, _)| committed == end)
            .count()
            == 3;
        (g["state"] == "Stable" && caught_up && g["members"].as_array()?.len() == 1).then_some(g)
    });
    assert_eq!(g["group_type"], "classic");
    assert_eq!(g["protocol"], "range");
    assert_eq!(evctl_group_offsets(&g), kafka_group_offsets(&addr, &live));
    let member = &g["members"][0];
    assert_eq!(member["client_id"], "console-consumer");
    assert_eq!(member["assignment"].as_array().unwrap().len(), 3);
    for p in g["partitions"].as_array().unwrap() {
        assert_eq!(p["owner"]["member_id"], member["member_id"], "{p}");
    }
}
crate::on_kafka!(lag_agrees_with_kafka_consumer_groups);

fn new_protocol_groups_show_members(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let topic = format!("it.rk.848.{id}");
    create(&addr, &topic, 4);
    let lines: String = (0..40).map(|i| format!("v{i}\n")).collect();
    Evctl::new()
        .args(["-b", &addr, "publish", &topic])
        .stdin(lines)
        .run()
        .expect_code(0);
    let group = format!("it-rk-848-{id}");
    let classic = format!("it-rk-848c-{id}");
    let _a = live_consumer(&addr, &topic, &group, "consumer");
    let _b = live_consumer(&addr, &topic, &group, "consumer");
    let _c = live_consumer(&addr, &topic, &classic, "classic");
    let g = eventually(Duration::from_secs(60), "two members, caught up", || {
        let g = lag_group(&addr, &group);
        let members = g["members"].as_array()?;
        let assigned: usize = members
            .iter()
            .map(|m| m["assignment"].as_array().map_or(0, Vec::len))
            .sum();
        let caught_up = evctl_group_offsets(&g)
            .values()
            .filter(|(committed, end, _)| committed == end)
            .count()
            == 4;
        (g["state"] == "Stable" && members.len() == 2 && assigned == 4 && caught_up).then_some(g)
    });
    assert_eq!(g["group_type"], "consumer", "{g:#}");
    assert_eq!(g["protocol_type"], "consumer");
    assert!(!g["protocol"].as_str().unwrap().is_empty(), "the assignor");
    for m in g["members"].as_array().unwrap() {
        assert_eq!(m["client_id"], "console-consumer");
        assert!(!m["assignment"].as_array().unwrap().is_empty(), "{m}");
    }
    // every partition is owned, and the offsets are kafka-consumer-groups'
    for p in g["partitions"].as_array().unwrap() {
        assert!(p["owner"].is_object(), "{p}");
    }
    assert_eq!(evctl_group_offsets(&g), kafka_group_offsets(&addr, &group));

    // the listing shows both protocols' groups side by side, neither as Dead
    let all = ev(&addr, &["lag", "-o", "json"]).expect_code(0).json();
    let find = |name: &str| {
        all["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["group"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} not listed"))
    };
    let (n, c) = (find(&group), find(&classic));
    assert_eq!(
        (n["group_type"].as_str(), n["state"].as_str()),
        (Some("consumer"), Some("Stable"))
    );
    assert_eq!(c["group_type"], "classic");
    assert_ne!(c["state"], "Dead");
    let table = ev(&addr, &["lag", &group]).expect_code(0);
    assert!(table.stdout.contains("state Stable"), "{}", table.stdout);
    assert!(table.stdout.contains("members 2"), "{}", table.stdout);
}
crate::on_kafka!(new_protocol_groups_show_members);

/// evctl on the SASL_SSL listener as `user` (SCRAM-SHA-512), verifying the broker against the
/// test CA.
pub(crate) fn secure_evctl(user: &str, password: &str) -> Evctl {
    let sasl = std::env::var("EVCTL_TEST_KAFKA_SASL_BROKERS").unwrap();
    let ca = std::env::var("EVCTL_TEST_KAFKA_CA").unwrap();
    Evctl::new()
        .args([
            "-b",
            &sasl,
            "--tls-ca",
            &ca,
            "--sasl-mechanism",
            "SCRAM-SHA-512",
            "--sasl-username",
            user,
        ])
        .env("EVCTL_SASL_PASSWORD", password)
}

/// [`secure_evctl`] running `args`.
fn secure(user: &str, password: &str, args: &[&str]) -> Run {
    secure_evctl(user, password)
        .args(args)
        .run_within(Duration::from_secs(60))
}

fn acl(addr: &str, args: &[&str]) {
    let mut all = vec!["--bootstrap-server", addr, "--add"];
    all.extend_from_slice(args);
    tool_ok(ACLS, &all, None);
}

fn scram_over_tls_and_acl_refusals(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if std::env::var_os("EVCTL_TEST_KAFKA_SASL_BROKERS").is_none() {
        // an external cluster (EVCTL_TEST_BROKERS): its users and ACLs are not ours to make
        crate::support::skip(
            test,
            "no SASL_SSL listener of scripts/kafka.sh (external cluster)",
        );
        return;
    }
    let id = std::process::id();
    let topic = format!("it.rk.acl.{id}");
    create(&addr, &topic, 2);
    ev(&addr, &["publish", &topic, "seed"]).expect_code(0);
    let cluster_id = Kind::Kafka.cluster_id();

    // SCRAM-SHA-512 over verified TLS: the admin sees the cluster and its data
    let ok = secure("admin", "admin-secret", &["cluster", "-o", "json"]).expect_code(0);
    assert_eq!(ok.json()["cluster_id"], cluster_id.as_str());
    assert_eq!(ok.json()["brokers"].as_array().unwrap().len(), 3);
    let read = secure(
        "admin",
        "admin-secret",
        &["tail", &topic, "-e", "-o", "raw"],
    )
    .expect_code(0);
    assert_eq!(read.stdout, "seed\n");

    // a wrong password: one clear authentication error per address, no retry storm
    let start = Instant::now();
    let bad = secure("admin", "not-the-password", &["cluster"]).expect_code(1);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert!(
        bad.stderr.contains("authentication failed") && bad.stderr.contains("invalid credentials"),
        "{}",
        bad.stderr
    );
    assert!(!bad.stderr.contains("not-the-password"));
    assert_eq!(
        bad.stderr.matches("authentication failed").count(),
        3,
        "{}",
        bad.stderr
    );

    // alice has no ACLs: each command names the operation and resource refused
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("t.yaml");
    std::fs::write(
        &spec,
        format!(
            "topics:\n  - name: it.rk.acl.new.{id}\n    partitions: 1\n    replication_factor: 3\n"
        ),
    )
    .unwrap();
    let cases: [(&[&str], String); 4] = [
        (
            &["publish", &topic, "x"],
            format!("not authorized to Describe topic {topic}"),
        ),
        (
            &["tail", &topic, "-e"],
            format!("not authorized to Describe topic {topic}"),
        ),
        (
            &["apply", spec.to_str().unwrap(), "--yes"],
            format!("not authorized to Create topic it.rk.acl.new.{id}"),
        ),
        (
            &["lag", "some-group"],
            "not authorized to Describe group some-group".to_string(),
        ),
    ];
    for (args, want) in cases {
        let run = secure("alice", "alice-secret", args).expect_code(1);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(&want), "{args:?}: want {want:?}\n{all}");
    }

    // bob may see the topic but not write it, and read it but not as a group
    let principal = "User:bob";
    acl(
        &addr,
        &[
            "--allow-principal",
            principal,
            "--operation",
            "Describe",
            "--topic",
            &topic,
        ],
    );
    acl(
        &addr,
        &[
            "--allow-principal",
            principal,
            "--operation",
            "Read",
            "--topic",
            &topic,
        ],
    );
    eventually(Duration::from_secs(20), "the ACLs take effect", || {
        (secure("bob", "bob-secret", &["tail", &topic, "-e", "-o", "raw"]).code == 0).then_some(())
    });
    let run = secure("bob", "bob-secret", &["publish", &topic, "x"]).expect_code(1);
    assert!(
        run.stderr
            .contains(&format!("not authorized to Write to topic {topic}")),
        "{}",
        run.stderr
    );
    let run = secure(
        "bob",
        "bob-secret",
        &["tail", &topic, "-e", "--group", &format!("bob-{id}")],
    )
    .expect_code(1);
    assert!(
        run.stderr
            .contains(&format!("not authorized to Describe group bob-{id}")),
        "{}",
        run.stderr
    );
    // nothing was written by the refused publish
    let all = ev(&addr, &["tail", &topic, "-e", "-o", "raw"]).expect_code(0);
    assert_eq!(all.stdout, "seed\n");
}
crate::on_kafka!(scram_over_tls_and_acl_refusals);
