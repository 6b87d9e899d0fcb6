//! `evctl lag` against live brokers, with consumer groups made by the test: simple commits with
//! `evctl tail --group`, and (noida-db) kcat's balanced consumer for member rows.
//!
//! tansu answers ListOffsets(latest) wrongly when a batch holds several records (a broker bug), so
//! the tests publish one record per request: every batch holds one record and the log end offsets
//! are right on both brokers.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{Evctl, Kind, broker, skip};
use crate::{on_each_broker, on_noida_and_kafka};

fn evctl(addr: &str) -> Evctl {
    Evctl::new().args(["-b", addr])
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// A topic with `partitions` partitions and `per_partition` records in each, one per batch.
fn topic_with_records(addr: &str, name: &str, partitions: i32, per_partition: i32) {
    crate::support::create_topics(addr, &[(name, partitions)]);
    for p in 0..partitions {
        for i in 0..per_partition {
            evctl(addr)
                .args([
                    "publish",
                    name,
                    &format!("p{p}-r{i}"),
                    "--partition",
                    &p.to_string(),
                ])
                .run()
                .expect_code(0);
        }
    }
}

fn lag_json(addr: &str, args: &[&str]) -> Value {
    evctl(addr)
        .arg("lag")
        .args(args)
        .args(["-o", "json"])
        .run_within(Duration::from_secs(30))
        .expect_code(0)
        .json()
}

fn group<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == name)
        .unwrap_or_else(|| panic!("group {name} not in {report:#}"))
}

fn partition(g: &Value, p: i64) -> &Value {
    g["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["partition"] == p)
        .unwrap_or_else(|| panic!("partition {p} not in {g:#}"))
}

fn offsets_lag_and_thresholds(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let topic = format!("it.lag.{}.{}", kind.name(), std::process::id());
    let g = format!("it-lag-{}-{}", kind.name(), std::process::id());
    let empty = format!("{g}-caught-up");
    topic_with_records(&addr, &topic, 3, 5);
    let published = now_ms();

    // g reads 4 records of partition 0 and commits; partitions 1 and 2 get no commit
    evctl(&addr)
        .args([
            "tail", &topic, "--group", &g, "-p", "0", "--from", "start", "-n", "4",
        ])
        .args(["-o", "raw"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    // another group reads everything
    evctl(&addr)
        .args([
            "tail", &topic, "--group", &empty, "--from", "start", "-e", "-o", "raw",
        ])
        .run_within(Duration::from_secs(30))
        .expect_code(0);

    let r = lag_json(&addr, &[&g]);
    let gr = group(&r, &g);
    assert_eq!(gr["members"].as_array().unwrap().len(), 0);
    assert_eq!(gr["total_lag"], 1);
    let p0 = partition(gr, 0);
    assert_eq!(p0["committed"], 4);
    assert_eq!(p0["log_start"], 0);
    assert_eq!(p0["log_end"], 5);
    assert_eq!(p0["lag"], 1);
    assert_eq!(p0["data_loss"], false);
    assert_eq!(p0["time_lag_quality"], "exact");
    // the record at offset 4 was written before `published`, at most a minute ago
    let t = p0["time_lag_ms"].as_i64().unwrap();
    let upper = now_ms() - published + 60_000;
    assert!((0..upper).contains(&t), "time lag {t} ms");
    assert!(p0["owner"].is_null(), "committed but unassigned");
    // a partition without a commit: no lag, never the log end offset
    for p in [1, 2] {
        let x = partition(gr, p);
        assert!(x["committed"].is_null() && x["lag"].is_null(), "{x:#}");
    }

    // every group, worst first, caught-up and empty groups shown
    let all = lag_json(&addr, &["--group-pattern", &format!("^{g}")]);
    let names: Vec<&str> = all["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(names, [g.as_str(), empty.as_str()]);
    let caught_up = group(&all, &empty);
    assert_eq!(caught_up["total_lag"], 0);
    assert_eq!(caught_up["state"], "Empty");
    for p in 0..3 {
        let x = partition(caught_up, p);
        assert_eq!(
            (x["committed"].as_i64(), x["lag"].as_i64()),
            (Some(5), Some(0))
        );
        assert_eq!(x["time_lag_ms"], 0);
    }

    // the table shows `-` for the partitions without a commit
    let table = evctl(&addr)
        .args(["lag", &g])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    let row = table
        .stdout
        .lines()
        .find(|l| l.starts_with(&topic) && l.split_whitespace().nth(1) == Some("0"))
        .unwrap();
    assert_eq!(
        row.split_whitespace().take(6).collect::<Vec<_>>(),
        [topic.as_str(), "0", "4", "0", "5", "1"]
    );
    let no_commit = table
        .stdout
        .lines()
        .find(|l| l.starts_with(&topic) && l.split_whitespace().nth(1) == Some("1"))
        .unwrap();
    assert_eq!(
        no_commit.split_whitespace().take(7).collect::<Vec<_>>(),
        [topic.as_str(), "1", "-", "0", "5", "-", "-"],
        "no commit: `-`, never the log end offset as lag"
    );

    // thresholds: exit 3 with the breach named, 0 within the limits
    let over = evctl(&addr)
        .args(["lag", &g, "--max-lag", "0"])
        .run_within(Duration::from_secs(30))
        .expect_code(3);
    assert!(
        over.stderr.contains(&format!("{g}: lag 1 > 0")),
        "{}",
        over.stderr
    );
    evctl(&addr)
        .args(["lag", &g, "--max-lag", "1", "--max-time-lag", "1h"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    let slow = evctl(&addr)
        .args(["lag", &g, "--max-time-lag", "1ms"])
        .run_within(Duration::from_secs(30))
        .expect_code(3);
    assert!(slow.stderr.contains("time lag"), "{}", slow.stderr);

    // thresholds from a spec's consumers section
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("topics.yaml");
    std::fs::write(
        &spec,
        format!("consumers:\n  - group: {g}\n    topics: [{topic}]\n    max_lag: 0\n"),
    )
    .unwrap();
    evctl(&addr)
        .args(["lag", &g, "--spec"])
        .arg_path(&spec)
        .run_within(Duration::from_secs(30))
        .expect_code(3);

    // nagios: one line, CRITICAL = 2, OK = 0
    let n = evctl(&addr)
        .args(["lag", &g, "--nagios", "--max-lag", "0"])
        .run_within(Duration::from_secs(30))
        .expect_code(2);
    assert!(n.stdout.starts_with("LAG CRITICAL - "), "{}", n.stdout);
    assert_eq!(n.stdout.lines().count(), 1);
    let n = evctl(&addr)
        .args(["lag", &g, "--nagios", "--max-lag", "5"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    assert!(n.stdout.starts_with("LAG OK - "), "{}", n.stdout);
    assert!(n.stdout.contains(&format!("'{g}'=1;;5")), "{}", n.stdout);

    // prometheus
    let prom = evctl(&addr)
        .args(["lag", &g, "-o", "prometheus"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    let line = format!("evctl_group_lag{{group=\"{g}\",topic=\"{topic}\",partition=\"0\"}} 1");
    assert!(prom.stdout.lines().any(|l| l == line), "{}", prom.stdout);
    assert!(prom.stdout.contains("# TYPE evctl_group_lag gauge"));

    // until caught up: gives up (3) while behind, exits 0 once the group commits the rest
    let wait = evctl(&addr)
        .args(["lag", &g, "--until-caught-up", "--max-wait", "1s"])
        .run_within(Duration::from_secs(30))
        .expect_code(3);
    assert!(wait.stderr.contains("still behind"), "{}", wait.stderr);
    evctl(&addr)
        .args(["tail", &topic, "--group", &g, "-e", "-o", "raw"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    evctl(&addr)
        .args(["lag", &g, "--until-caught-up", "--max-wait", "20s"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
}
on_each_broker!(offsets_lag_and_thresholds);

fn watch_prints_statuses(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let topic = format!("it.lagw.{}.{}", kind.name(), std::process::id());
    let g = format!("it-lagw-{}-{}", kind.name(), std::process::id());
    topic_with_records(&addr, &topic, 1, 3);
    evctl(&addr)
        .args([
            "tail", &topic, "--group", &g, "--from", "start", "-n", "1", "-o", "raw",
        ])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    // JSON lines, one per sample; the group neither moves nor catches up: STALL -> ERR
    let mut child = Command::new(crate::support::evctl_bin())
        .args(["-b", &addr, "lag", &g, "--watch", "200ms", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(1500));
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    let samples: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(samples.len() >= 3, "{} samples", samples.len());
    let last = group(samples.last().unwrap(), &g);
    assert_eq!(last["status"], "ERR", "{last:#}");
    assert_eq!(partition(last, 0)["status"], "STALL");
    assert_eq!(last["trend"], "steady");
    assert_eq!(last["consume_rate"], 0.0);

    // SIGTERM (a service manager's stop) ends a watch as Ctrl-C does: exit 130, what was
    // printed stays whole
    let child = Command::new(crate::support::evctl_bin())
        .args(["-b", &addr, "lag", &g, "--watch", "200ms", "-o", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
}
on_each_broker!(watch_prints_statuses);

/// Members and their partitions, from kcat's balanced consumer (noida-db: kcat cannot talk to
/// tansu).
fn members_of_a_live_group(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if Command::new("kcat").arg("-V").output().is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "kcat must be installed under CI"
        );
        skip(test, "kcat not installed");
        return;
    }
    let topic = format!("it.lagm.{}", std::process::id());
    let g = format!("it-lagm-{}", std::process::id());
    topic_with_records(&addr, &topic, 2, 2);
    let mut kcat = Command::new("kcat")
        .args([
            "-b",
            &addr,
            "-G",
            &g,
            "-q",
            "-X",
            "client.id=it-lag-member",
            &topic,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = None;
    while Instant::now() < deadline {
        // until kcat has joined, the group does not exist (exit 1)
        let run = evctl(&addr)
            .args(["lag", &g, "-o", "json"])
            .run_within(Duration::from_secs(30));
        if run.code != 0 {
            std::thread::sleep(Duration::from_millis(300));
            continue;
        }
        let r = run.json();
        let gr = group(&r, &g).clone();
        if gr["state"] == "Stable"
            && gr["partitions"]
                .as_array()
                .is_some_and(|ps| ps.len() == 2 && ps.iter().all(|p| !p["owner"].is_null()))
        {
            seen = Some(gr);
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = kcat.kill();
    let _ = kcat.wait();
    let gr = seen.expect("kcat's group never became Stable with its partitions assigned");
    assert_eq!(gr["members"].as_array().unwrap().len(), 1);
    assert_eq!(gr["members"][0]["client_id"], "it-lag-member");
    assert_eq!(gr["protocol_type"], "consumer");
    for p in gr["partitions"].as_array().unwrap() {
        assert_eq!(p["owner"]["client_id"], "it-lag-member");
    }
}
on_noida_and_kafka!(members_of_a_live_group);

/// A committed offset below the log start is data loss (its time lag unknown); a committed offset
/// on a transaction marker gets its time lag from the next record, labelled estimated. noida-db:
/// tansu panics on DeleteRecords and kcat cannot write transactions to it.
fn data_loss_and_estimated_time_lag(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if Command::new("kcat").arg("-V").output().is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "kcat must be installed under CI"
        );
        skip(test, "kcat not installed");
        return;
    }
    let id = std::process::id();
    let (lost, txn) = (format!("it.lagd.{id}"), format!("it.lagt.{id}"));
    let g = format!("it-lagd-{id}");
    topic_with_records(&addr, &lost, 1, 0);
    topic_with_records(&addr, &txn, 1, 0);
    evctl(&addr)
        .args(["publish", &lost])
        .stdin("1\n2\n3\n4\n5\n")
        .run()
        .expect_code(0);
    evctl(&addr)
        .args([
            "tail", &lost, "--group", &g, "--from", "start", "-n", "1", "-o", "raw",
        ])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    evctl(&addr)
        .args(["dlq", "purge", &lost, "--before", "3", "--yes"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    // three records in a transaction (commit marker at offset 3), then one more at offset 4
    let mut kcat = Command::new("kcat")
        .args([
            "-b",
            &addr,
            "-P",
            "-t",
            &txn,
            "-X",
            &format!("transactional.id=it-lag-{id}"),
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    kcat.stdin.take().unwrap().write_all(b"a\nb\nc\n").unwrap();
    assert!(kcat.wait().unwrap().success());
    // Kafka writes the commit marker after EndTxn returns (WriteTxnMarkers): wait for it at offset 3
    // so that the next record lands at 4
    let start = std::time::Instant::now();
    loop {
        let out = Command::new("kcat")
            .args(["-b", &addr, "-Q", "-t", &format!("{txn}:0:-1")])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&out.stdout).contains("offset 4") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no commit marker"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    evctl(&addr)
        .args(["publish", &txn, "d"])
        .run()
        .expect_code(0);
    evctl(&addr)
        .args([
            "tail", &txn, "--group", &g, "--from", "start", "--to", "3", "-o", "raw",
        ])
        .run_within(Duration::from_secs(30))
        .expect_code(0);

    let r = lag_json(&addr, &[&g]);
    let gr = group(&r, &g);
    assert_eq!(gr["data_loss_partitions"], 1);
    let p = gr["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == lost.as_str())
        .unwrap();
    assert_eq!(
        (p["committed"].as_i64(), p["log_start"].as_i64()),
        (Some(1), Some(3))
    );
    assert_eq!(p["data_loss"], true);
    assert_eq!(p["time_lag_quality"], "unknown");
    let t = gr["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == txn.as_str())
        .unwrap();
    assert_eq!(
        (t["committed"].as_i64(), t["log_end"].as_i64()),
        (Some(3), Some(5))
    );
    assert_eq!(t["lag"], 2);
    assert_eq!(t["time_lag_quality"], "estimated", "{t:#}");
    assert!(t["time_lag_ms"].as_i64().is_some());
    let table = evctl(&addr)
        .args(["lag", &g])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    assert!(table.stdout.contains("(data loss)"), "{}", table.stdout);
    assert!(table.stdout.contains("data loss:"), "{}", table.stdout);
}
on_noida_and_kafka!(data_loss_and_estimated_time_lag);

/// A named group the cluster does not know is an error with the close names, never "LAG OK":
/// exit 1; Nagios UNKNOWN (3); --until-caught-up never succeeds on it; JSON marks it.
fn a_group_that_does_not_exist(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let topic = format!("it.lagx.{id}");
    let real = format!("it-lagx-billing-{id}");
    let typo = format!("it-lagx-biling-{id}");
    topic_with_records(&addr, &topic, 1, 3);
    evctl(&addr)
        .args([
            "tail", &topic, "--group", &real, "--from", "start", "-n", "1", "-o", "raw",
        ])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    let said = format!("error: group {typo} does not exist (did you mean {real}");

    let run = evctl(&addr)
        .args(["lag", &typo])
        .run_within(Duration::from_secs(30));
    let run = run.expect_code(1);
    assert_eq!(run.stdout, "", "no table row for a group that is not there");
    assert!(run.stderr.starts_with(&said), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: `evctl lag` lists the groups"),
        "{}",
        run.stderr
    );
    // a threshold does not turn it into a pass
    evctl(&addr)
        .args(["lag", &typo, "--max-lag", "10"])
        .run_within(Duration::from_secs(30))
        .expect_code(1);
    let nagios = evctl(&addr)
        .args(["lag", &typo, "--nagios", "--max-lag", "10"])
        .run_within(Duration::from_secs(30))
        .expect_code(3);
    assert!(
        nagios.stdout.starts_with(&format!(
            "LAG UNKNOWN - group {typo} does not exist (did you mean {real}"
        )),
        "{}",
        nagios.stdout
    );
    let wait = evctl(&addr)
        .args(["lag", &typo, "--until-caught-up", "--max-wait", "1s"])
        .run_within(Duration::from_secs(30))
        .expect_code(3);
    assert!(
        wait.stderr.contains(&format!("{typo} (does not exist)")),
        "{}",
        wait.stderr
    );
    assert!(!wait.stderr.contains("caught up after"), "{}", wait.stderr);
    let json = evctl(&addr)
        .args(["lag", &typo, &real, "-o", "json"])
        .run_within(Duration::from_secs(30))
        .expect_code(1);
    let v = json.json();
    let by_name = |n: &str| {
        v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["group"] == n)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_name(&typo)["exists"], false);
    assert_eq!(by_name(&real)["exists"], true);
    assert_eq!(by_name(&real)["total_lag"], 2);
    // the real group alone is fine
    evctl(&addr)
        .args(["lag", &real, "--nagios"])
        .run_within(Duration::from_secs(30))
        .expect_code(0);
    // Kafka's own kafka-consumer-groups agrees: the typo is no group, the real one is
    if kind == Kind::Kafka {
        let describe = |g: &str| {
            crate::support::kafka::tool_ok(
                "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                &["--bootstrap-server", &addr, "--describe", "--group", g],
                None,
            )
        };
        let typo_out = crate::support::kafka::tool(
            "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
            &["--bootstrap-server", &addr, "--describe", "--group", &typo],
            None,
            Duration::from_secs(90),
        );
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&typo_out.stdout),
            String::from_utf8_lossy(&typo_out.stderr)
        );
        assert!(said.contains(&format!("Group {typo} not found")), "{said}");
        assert!(describe(&real).contains(&real));
    }
}
on_noida_and_kafka!(a_group_that_does_not_exist);
