//! Faults on a private 3-node Apache Kafka cluster: a partition leader killed (SIGKILL) while
//! `publish` sends 200,000 records and while `tail -f` reads; `lag` with a broker down; `dlq replay`
//! killed and restarted with a broker down; and every broker down. One test, one cluster, in order.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::kafka::KafkaCluster;
use crate::support::{Evctl, Kind, evctl_bin, sigint};

fn ev(addr: &str, args: &[&str]) -> crate::support::Run {
    Evctl::new()
        .args(["-b", addr])
        .args(args)
        .run_within(Duration::from_secs(90))
}

fn spawn(addr: &str, args: &[&str]) -> Child {
    Command::new(evctl_bin())
        .args(["-b", addr])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The leader of `topic`/`partition`, from `evctl` (any live broker answers).
fn leader(addr: &str, topic: &str, partition: i32) -> i32 {
    crate::support::block_on(async {
        let client = crate::support::client(addr).await;
        let t = client.topic(topic).await.unwrap();
        t.partitions
            .iter()
            .find(|p| p.partition == partition)
            .unwrap()
            .leader
    })
}

/// Every record of `topic` as kcat (librdkafka, an independent reader) sees it: value → count.
fn kcat_values(addr: &str, topic: &str) -> HashMap<String, usize> {
    let out = Command::new("kcat")
        .args(["-b", addr, "-C", "-t", topic, "-o", "beginning", "-e", "-q"])
        .args(["-f", "%s\n", "-X", "fetch.wait.max.ms=100"])
        .output()
        .expect("kcat");
    assert!(
        out.status.success(),
        "kcat: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut counts = HashMap::new();
    for l in String::from_utf8(out.stdout).unwrap().lines() {
        *counts.entry(l.to_string()).or_insert(0) += 1;
    }
    counts
}

#[track_caller]
fn exactly_once(counts: &HashMap<String, usize>, want: impl Iterator<Item = String>) {
    let mut missing = Vec::new();
    let mut n = 0;
    for v in want {
        n += 1;
        if !counts.contains_key(&v) {
            missing.push(v);
        }
    }
    let dups: Vec<(&String, &usize)> = counts.iter().filter(|(_, c)| **c > 1).collect();
    assert!(
        missing.is_empty(),
        "{} of {n} records lost, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    assert!(
        dups.is_empty(),
        "{} records duplicated, e.g. {:?}",
        dups.len(),
        &dups[..dups.len().min(5)]
    );
    assert_eq!(counts.len(), n, "records nobody published");
}

fn faults_on_three_nodes(_kind: Kind, test: &str) {
    let Some(cluster) = KafkaCluster::start(3, test) else {
        return;
    };
    if Command::new("kcat").arg("-V").output().is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "kcat must be installed under CI"
        );
        crate::support::skip(test, "kcat not installed");
        return;
    }
    let addr = cluster.brokers.clone();
    let started = Instant::now();

    // 1. the leader of a partition killed while publish sends 200,000 records (acks=all, idempotent)
    let topic = "faults.publish";
    let tail_topic = "faults.tail";
    let dlq = "faults.dlq";
    let dest = "faults.dest";
    crate::support::create_topics_on(
        Kind::Kafka,
        &addr,
        &[(topic, 3), (tail_topic, 1), (dlq, 2), (dest, 3)],
    );
    const N: usize = 200_000;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("records.txt");
    std::fs::write(
        &input,
        (0..N).map(|i| format!("r{i:06}\n")).collect::<String>(),
    )
    .unwrap();
    let victim = leader(&addr, topic, 0);
    let mut publish = spawn(
        &addr,
        &[
            "--timeout",
            "30s",
            "publish",
            topic,
            "--file",
            input.to_str().unwrap(),
            "--rate",
            "50000",
            "-o",
            "json",
        ],
    );
    std::thread::sleep(Duration::from_millis(1200));
    assert!(
        publish.try_wait().unwrap().is_none(),
        "publish finished before the kill"
    );
    cluster.kill_node(victim);
    let out = wait_output(publish, Duration::from_secs(180));
    assert!(
        out.0.success(),
        "publish failed across the leader change:\n{}",
        out.2
    );
    let summary: Value = serde_json::from_str(&out.1).unwrap();
    assert_eq!(summary["records"], N as u64, "{summary}");
    assert_eq!(summary["failed"], 0, "{summary}");
    exactly_once(
        &kcat_values(&addr, topic),
        (0..N).map(|i| format!("r{i:06}")),
    );
    eprintln!(
        "{test}: publish across the kill of node {victim}: ok ({:?})",
        started.elapsed()
    );

    // 2. tail -f across a leader change: bring the node back, then kill the tail topic's leader
    cluster.start_node(victim);
    wait_isr(&addr, tail_topic, 3);
    let mut tail = spawn(&addr, &["tail", tail_topic, "--from", "start", "-o", "raw"]);
    let half =
        |from: usize| -> String { (from..from + 1000).map(|i| format!("t{i:04}\n")).collect() };
    Evctl::new()
        .args(["-b", &addr, "publish", tail_topic])
        .stdin(half(0))
        .run()
        .expect_code(0);
    let tail_victim = leader(&addr, tail_topic, 0);
    std::thread::sleep(Duration::from_millis(500));
    cluster.kill_node(tail_victim);
    Evctl::new()
        .args(["-b", &addr, "--timeout", "30s", "publish", tail_topic])
        .stdin(half(1000))
        .run_within(Duration::from_secs(60))
        .expect_code(0);
    // the tail sees all 2,000 in order, each once
    let want: Vec<String> = (0..2000).map(|i| format!("t{i:04}")).collect();
    // the tail's lines as they arrive, so the test stops it once it has them all
    let stdout = tail.stdout.take().unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = seen.clone();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            sink.lock().unwrap().push(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    while seen.lock().unwrap().len() < 2000 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    // a moment more: a repeated record would show up now
    std::thread::sleep(Duration::from_secs(1));
    sigint(&tail);
    let status = tail.wait().unwrap();
    reader.join().unwrap();
    let got = seen.lock().unwrap().join("\n");
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.len(), 2000, "tail read {} records", lines.len());
    assert_eq!(lines, want.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(status.code(), Some(130), "tail exits 130 on Ctrl-C");
    eprintln!(
        "{test}: tail across the kill of node {tail_victim}: ok ({:?})",
        started.elapsed()
    );

    // 3. lag answers with one broker down (the coordinator may have been on it)
    let group = "faults-lag";
    ev(
        &addr,
        &[
            "--timeout",
            "30s",
            "tail",
            tail_topic,
            "--group",
            group,
            "--from",
            "start",
            "-n",
            "100",
            "-o",
            "raw",
        ],
    )
    .expect_code(0);
    let lag = ev(&addr, &["--timeout", "30s", "lag", group, "-o", "json"]).expect_code(0);
    let g = &lag.json()["groups"][0];
    assert_eq!(g["partitions"][0]["committed"], 100, "{g:#}");
    assert_eq!(g["partitions"][0]["log_end"], 2000, "{g:#}");
    assert_eq!(g["total_lag"], 1900);

    // 4. dlq replay killed (SIGKILL) and restarted while a broker is down: nothing lost
    const D: usize = 20_000;
    Evctl::new()
        .args([
            "-b",
            &addr,
            "--timeout",
            "30s",
            "publish",
            dlq,
            "-H",
            "kafka_dlt-original-topic=x",
        ])
        .stdin((0..D).map(|i| format!("d{i:05}\n")).collect::<String>())
        .run_within(Duration::from_secs(60))
        .expect_code(0);
    let replay = || {
        spawn(
            &addr,
            &[
                "--timeout",
                "30s",
                "-q",
                "dlq",
                "replay",
                "--yes",
                dlq,
                "--to",
                dest,
                "--group",
                "faults-replay",
                "--new-group",
                "--rate",
                "10000",
            ],
        )
    };
    let mut first = replay();
    // 20,000 at 10,000/s: about half way
    std::thread::sleep(Duration::from_millis(1200));
    assert!(first.try_wait().unwrap().is_none(), "replay finished early");
    first.kill().unwrap();
    let _ = first.wait();
    let out = wait_output(replay(), Duration::from_secs(120));
    assert!(out.0.success(), "the restarted replay failed:\n{}", out.2);
    let counts = kcat_values(&addr, dest);
    let missing: Vec<String> = (0..D)
        .map(|i| format!("d{i:05}"))
        .filter(|v| !counts.contains_key(v))
        .collect();
    assert!(missing.is_empty(), "{} dead letters lost", missing.len());
    let duplicates: usize = counts.values().map(|c| c - 1).sum();
    eprintln!(
        "{test}: dlq replay across a SIGKILL with a broker down: ok, {duplicates} duplicates"
    );

    // 5. every broker down: a clear failure within the timeout, naming each address
    cluster.kill_all();
    for args in [
        vec!["--timeout", "3s", "cluster"],
        vec!["--timeout", "3s", "publish", topic, "x"],
        vec!["--timeout", "3s", "lag"],
    ] {
        let start = Instant::now();
        let run = ev(&addr, &args).expect_code(1);
        assert!(
            start.elapsed() < Duration::from_secs(8),
            "{args:?} took {:?}",
            start.elapsed()
        );
        for a in addr.split(',') {
            assert!(run.stderr.contains(a), "{args:?} names {a}: {}", run.stderr);
        }
    }
    eprintln!("{test}: done in {:?}", started.elapsed());
}
crate::on_kafka!(faults_on_three_nodes);

/// Waits until every partition of `topic` has `n` in-sync replicas.
fn wait_isr(addr: &str, topic: &str, n: usize) {
    let start = Instant::now();
    loop {
        let ok = crate::support::block_on(async {
            let client = evctl::kafka::Client::connect(evctl::kafka::ClientOptions::new(
                addr.split(',').map(String::from).collect(),
            ))
            .await
            .ok()?;
            let t = client.topic(topic).await.ok()?;
            Some(t.partitions.iter().all(|p| p.isr.len() >= n))
        });
        if ok == Some(true) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{topic} did not get {n} in-sync replicas"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Waits for a child with piped output: (status, stdout, stderr).
fn wait_output(child: Child, limit: Duration) -> (std::process::ExitStatus, String, String) {
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let out = child.wait_with_output().unwrap();
        let _ = tx.send(());
        out
    });
    if rx.recv_timeout(limit).is_err() {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        let out = waiter.join().unwrap();
        panic!(
            "did not finish within {limit:?}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = waiter.join().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
