//! BullMQ queues through the binary, against the Redis server scripts/test.sh starts, with the
//! library itself as the peer (tests/it/support/bullmq_peer.js on Node.js; scripts/setup.sh
//! installs bullmq 5.x and 6.x): its workers fail chosen jobs, evctl retries them, the same
//! workers complete them, each exactly once, with their data; its getJobCounts is what
//! `jobs stats` says.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::redis_streams::{Server, server};
use crate::support::skip;

/// The two library majors: their layouts differ (the 5.x paused list, 6.x's meta.paused).
const MAJORS: [u8; 2] = [5, 6];

fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".node/node_modules")
}

/// The server, when it and the library are there (under CI=true both must be).
fn setup(test: &str) -> Option<Server> {
    let s = server(&format!("bullmq_queues::{test}"))?;
    if !node_modules().join("bullmq6").exists() {
        assert!(
            !crate::support::ci(),
            "CI=true: bullmq is not installed in .node (scripts/setup.sh)"
        );
        skip(
            &format!("bullmq_queues::{test}"),
            "bullmq not installed: run scripts/setup.sh",
        );
        return None;
    }
    Some(s)
}

fn peer_cmd(s: &Server, major: u8, cmd: &str, queue: &str, opts: &Value) -> Command {
    let mut c = Command::new("node");
    c.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/support/bullmq_peer.js"))
        .arg(major.to_string())
        .arg(cmd)
        .arg(queue)
        .arg(opts.to_string())
        .env("NODE_PATH", node_modules())
        .env("EVCTL_TEST_REDIS_PORT", &s.port)
        .env("EVCTL_TEST_REDIS_PASSWORD", &s.password);
    c
}

/// Runs the library peer; its last output line as JSON (null when it printed nothing).
fn peer(s: &Server, major: u8, cmd: &str, queue: &str, opts: Value) -> Value {
    let out = peer_cmd(s, major, cmd, queue, &opts)
        .output()
        .expect("node runs bullmq_peer.js");
    assert!(
        out.status.success(),
        "bullmq_peer {major} {cmd} {queue}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .last()
        .map(|l| serde_json::from_str(l).unwrap())
        .unwrap_or(Value::Null)
}

/// A running worker of the library.
struct Worker {
    child: Child,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Worker {
    /// Starts a worker that fails `fail` jobs until `fixed` exists; returns once it is ready.
    fn start(s: &Server, major: u8, queue: &str, fixed: &Path, idle_ms: u64) -> Worker {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("completed.jsonl");
        let opts = json!({"fixed": fixed, "log": log, "idle_ms": idle_ms, "max_ms": 120000});
        let mut child = peer_cmd(s, major, "work", queue, &opts)
            .stdout(Stdio::piped())
            .spawn()
            .expect("node runs the worker");
        let mut first = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(first.contains("ready"), "worker: {first:?}");
        Worker {
            child,
            log,
            _dir: dir,
        }
    }

    /// Waits for it to stop (idle) and returns the jobs it completed.
    fn finish(mut self) -> Vec<Value> {
        let status = self.child.wait().unwrap();
        assert!(status.success(), "the worker failed");
        completed(&self.log)
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn completed(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Waits until the library's counts have `want` (a subset of getJobCounts).
fn wait_counts(s: &Server, major: u8, queue: &str, want: &Value) -> Value {
    let until = Instant::now() + Duration::from_secs(60);
    loop {
        let got = peer(s, major, "counts", queue, json!({}));
        if want
            .as_object()
            .unwrap()
            .iter()
            .all(|(k, v)| got.get(k) == Some(v))
        {
            return got;
        }
        assert!(
            Instant::now() < until,
            "counts of {queue}: {got}, want {want}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn queue_name(s: &str, major: u8) -> String {
    format!("{s}-v{major}-{}", std::process::id())
}

/// Completed jobs by their data's `i`, with how often each ran.
fn runs_by_i(done: &[Value]) -> BTreeMap<i64, usize> {
    let mut out = BTreeMap::new();
    for d in done {
        *out.entry(d["data"]["i"].as_i64().unwrap()).or_default() += 1;
    }
    out
}

/// Failed jobs retried while the workers run (two evctl runs at once) complete exactly once
/// each with their data; `jobs stats` agrees with getJobCounts before and after.
#[test]
fn replay_runs_failed_jobs_once() {
    let Some(s) = setup("replay_runs_failed_jobs_once") else {
        return;
    };
    for major in MAJORS {
        let q = queue_name("retry", major);
        let dir = tempfile::tempdir().unwrap();
        let fixed = dir.path().join("fixed");
        peer(
            &s,
            major,
            "add",
            &q,
            json!({"n": 40, "fail": true, "name": "charge"}),
        );
        peer(
            &s,
            major,
            "add",
            &q,
            json!({"n": 10, "start": 40, "name": "charge"}),
        );
        let worker = Worker::start(&s, major, &q, &fixed, 6000);
        let counts = wait_counts(&s, major, &q, &json!({"failed": 40, "completed": 10}));
        // jobs stats equals the library's own counts, key by key
        let stats = s.evctl().args(["jobs", "stats", &q, "-o", "json"]).run();
        let stats = stats.expect_code(0).json();
        for (k, v) in counts.as_object().unwrap() {
            assert_eq!(&stats[&q][k], v, "{k}: {stats} vs {counts}");
        }
        assert_eq!(
            stats[&q]["version"],
            format!("bullmq:{}", if major == 5 { "5.81.5" } else { "6.7.6" })
        );
        // the dry run lists and writes nothing
        let dry = s
            .evctl()
            .args([
                "dlq",
                "replay",
                &format!("bullmq:{q}"),
                "--dry-run",
                "-o",
                "json",
            ])
            .run();
        let dry = dry.expect_code(0).json();
        assert_eq!(
            (dry["selected"].as_u64(), dry["done"].as_u64()),
            (Some(40), Some(0))
        );
        assert_eq!(dry["ids"].as_array().unwrap().len(), 40);
        wait_counts(&s, major, &q, &json!({"failed": 40}));
        std::fs::write(&fixed, "").unwrap();
        // two replays at once, while the worker runs: the failed-set removal is the guard
        let target = format!("bullmq:{q}");
        let (a, _ha) = s
            .evctl()
            .args(["dlq", "replay", &target, "--yes", "-o", "json"])
            .spawn();
        let b = s
            .evctl()
            .args(["dlq", "replay", &target, "--yes", "-o", "json"])
            .run();
        let a = a.wait_with_output().unwrap();
        assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
        let a: Value = serde_json::from_slice(&a.stdout).unwrap();
        let b = b.expect_code(0).json();
        assert_eq!(
            a["done"].as_u64().unwrap() + b["done"].as_u64().unwrap(),
            40,
            "{a}\n{b}"
        );
        let done = worker.finish();
        let runs = runs_by_i(&done);
        assert_eq!(runs.len(), 50, "every job completed: {runs:?}");
        assert!(runs.values().all(|n| *n == 1), "each once: {runs:?}");
        for d in &done {
            let i = d["data"]["i"].as_i64().unwrap();
            assert_eq!(d["data"]["fail"], json!(i < 40), "data intact: {d}");
            assert_eq!(d["name"], "charge");
        }
        let after = wait_counts(
            &s,
            major,
            &q,
            &json!({"failed": 0, "completed": 50, "waiting": 0}),
        );
        let stats = s
            .evctl()
            .args(["jobs", "stats", &q, "-o", "json"])
            .run()
            .json();
        for (k, v) in after.as_object().unwrap() {
            assert_eq!(&stats[&q][k], v, "{k} after: {stats} vs {after}");
        }
        // the library saw its own waiting events (prev failed) for each retried job
        let events = s.cli(&["XRANGE", &format!("bull:{q}:events"), "-", "+"]);
        assert!(events.matches("prev\nfailed\n").count() >= 40, "{events}");
    }
}

/// A paused queue's retried jobs wait (in the 5.x paused list, or in wait with meta.paused on
/// 6.x) and run after `jobs resume`, once each.
#[test]
fn paused_queue_retries_run_after_resume() {
    let Some(s) = setup("paused_queue_retries_run_after_resume") else {
        return;
    };
    for major in MAJORS {
        let q = queue_name("paused", major);
        let dir = tempfile::tempdir().unwrap();
        let fixed = dir.path().join("fixed");
        peer(&s, major, "add", &q, json!({"n": 12, "fail": true}));
        let w = Worker::start(&s, major, &q, &fixed, 800);
        wait_counts(&s, major, &q, &json!({"failed": 12}));
        drop(w.finish());
        let r = s
            .evctl()
            .args(["jobs", "pause", &q, "-o", "json"])
            .run()
            .expect_code(0)
            .json();
        assert_eq!(
            (r["was_paused"].as_bool(), r["paused"].as_bool()),
            (Some(false), Some(true))
        );
        std::fs::write(&fixed, "").unwrap();
        let r = s
            .evctl()
            .args([
                "dlq",
                "replay",
                &format!("bullmq:{q}"),
                "--yes",
                "-o",
                "json",
            ])
            .run();
        assert_eq!(r.expect_code(0).json()["done"], 12);
        // where the library keeps a paused queue's jobs
        let list = if major == 5 { "paused" } else { "wait" };
        assert_eq!(s.cli(&["LLEN", &format!("bull:{q}:{list}")]).trim(), "12");
        let w = Worker::start(&s, major, &q, &fixed, 1500);
        std::thread::sleep(Duration::from_millis(1000));
        assert!(completed(&w.log).is_empty(), "a paused queue ran jobs");
        let r = s.evctl().args(["jobs", "resume", &q]).run().expect_code(0);
        assert!(r.stdout.contains("resumed"), "{}", r.stdout);
        let runs = runs_by_i(&w.finish());
        assert_eq!(runs.len(), 12, "{runs:?}");
        assert!(runs.values().all(|n| *n == 1));
        wait_counts(&s, major, &q, &json!({"failed": 0, "completed": 12}));
    }
}

/// Parked jobs of a dead-letter queue go back to their queue as new jobs with name and data;
/// a drain removes failed jobs with every key and a `cleaned` event.
#[test]
fn move_from_a_dead_letter_queue_and_drain() {
    let Some(s) = setup("move_from_a_dead_letter_queue_and_drain") else {
        return;
    };
    for major in MAJORS {
        let q = queue_name("work", major);
        let dlq = queue_name("dead-letter-queue", major);
        peer(
            &s,
            major,
            "add",
            &dlq,
            json!({"n": 5, "name": "resize", "data": {"w": 640}}),
        );
        peer(&s, major, "version", &q, json!({}));
        let r = s
            .evctl()
            .args([
                "dlq",
                "replay",
                &format!("bullmq:{dlq}"),
                "--to",
                &format!("bullmq:{q}"),
                "--yes",
                "-o",
                "json",
            ])
            .run();
        let r = r.expect_code(0).json();
        assert_eq!(
            (r["action"].as_str(), r["done"].as_u64()),
            (Some("move"), Some(5)),
            "{r}"
        );
        wait_counts(&s, major, &dlq, &json!({"waiting": 0}));
        let ids: Vec<String> = r["new_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        for id in &ids {
            let j = peer(&s, major, "job", &q, json!({"id": id}));
            assert_eq!(
                (j["name"].as_str(), j["data"]["w"].as_i64()),
                (Some("resize"), Some(640)),
                "{j}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let done = Worker::start(&s, major, &q, &dir.path().join("fixed"), 800).finish();
        assert_eq!(runs_by_i(&done).len(), 5);

        // drain: failed jobs with logs; only the selected ones go
        let fq = queue_name("drain", major);
        peer(&s, major, "add", &fq, json!({"n": 6, "fail": true}));
        drop(Worker::start(&s, major, &fq, &dir.path().join("never"), 800).finish());
        s.cli(&["RPUSH", &format!("bull:{fq}:1:logs"), "a log line"]);
        let r = s
            .evctl()
            .args([
                "dlq",
                "drain",
                &format!("bullmq:{fq}"),
                "--reason",
                "^boom [0-2]$",
                "--yes",
                "-o",
                "json",
            ])
            .run();
        assert_eq!(r.expect_code(0).json()["done"], 3);
        wait_counts(&s, major, &fq, &json!({"failed": 3}));
        for k in ["1", "1:logs", "2", "3"] {
            assert_eq!(
                s.cli(&["EXISTS", &format!("bull:{fq}:{k}")]).trim(),
                "0",
                "{k} left"
            );
        }
        let events = s.cli(&[
            "XREVRANGE",
            &format!("bull:{fq}:events"),
            "+",
            "-",
            "COUNT",
            "1",
        ]);
        assert!(
            events.contains("cleaned") && events.contains("\n3\n"),
            "{events}"
        );
    }
}

/// promote, list, show; and lag: the backlog and its age, thresholds.
#[test]
fn promote_list_show_and_lag() {
    let Some(s) = setup("promote_list_show_and_lag") else {
        return;
    };
    for major in MAJORS {
        let q = queue_name("delayed", major);
        let ids = peer(
            &s,
            major,
            "add",
            &q,
            json!({"n": 4, "opts": {"delay": 600000}}),
        );
        peer(&s, major, "add", &q, json!({"n": 3, "start": 4}));
        let lag = s
            .evctl()
            .args(["lag", &format!("bullmq:{q}"), "-o", "json"])
            .run()
            .expect_code(0)
            .json();
        let g = &lag["groups"][0];
        assert_eq!(
            (g["group"].as_str(), g["total_lag"].as_i64()),
            (Some(&*format!("bullmq:{q}")), Some(3)),
            "{lag}"
        );
        assert!(g["max_time_lag_ms"].as_i64().unwrap() >= 0);
        s.evctl()
            .args(["lag", &format!("bullmq:{q}"), "--max-lag", "2"])
            .run()
            .expect_code(3);
        let r = s
            .evctl()
            .args([
                "jobs",
                "promote",
                &q,
                ids[0].as_str().unwrap(),
                "-o",
                "json",
            ])
            .run();
        assert_eq!(r.expect_code(0).json()["promoted"], 1);
        let states = peer(&s, major, "states", &q, json!({"ids": [ids[0], ids[1]]}));
        assert_eq!(
            (
                states[ids[0].as_str().unwrap()].as_str(),
                states[ids[1].as_str().unwrap()].as_str()
            ),
            (Some("waiting"), Some("delayed"))
        );
        let r = s
            .evctl()
            .args(["jobs", "promote", &q, "--all", "-o", "json"])
            .run();
        assert_eq!(r.expect_code(0).json()["promoted"], 3);
        wait_counts(&s, major, &q, &json!({"waiting": 7, "delayed": 0}));
        let list = s
            .evctl()
            .args([
                "jobs", "list", &q, "--state", "waiting", "-n", "5", "-o", "json",
            ])
            .run()
            .expect_code(0)
            .json();
        assert_eq!(list["jobs"].as_array().unwrap().len(), 5);
        let show = s
            .evctl()
            .args(["jobs", "show", &q, ids[0].as_str().unwrap(), "-o", "json"])
            .run()
            .expect_code(0)
            .json();
        assert_eq!(
            (
                show["state"].as_str(),
                show["opts"]["delay"].as_i64(),
                show["delay"].as_i64()
            ),
            (Some("waiting"), Some(600000), Some(0)),
            "{show}"
        );
        s.evctl()
            .args(["jobs", "promote", &q, "999999"])
            .run()
            .expect_code(2);
    }
}

/// Bad input: clear messages, the right exit code, nothing written.
#[test]
fn bad_input_writes_nothing() {
    let Some(s) = setup("bad_input_writes_nothing") else {
        return;
    };
    let major = 6;
    let q = queue_name("bad", major);
    peer(&s, major, "add", &q, json!({"n": 3, "fail": true}));
    let dir = tempfile::tempdir().unwrap();
    drop(Worker::start(&s, major, &q, &dir.path().join("never"), 800).finish());
    let target = format!("bullmq:{q}");
    let failed = || s.cli(&["ZRANGE", &format!("bull:{q}:failed"), "0", "-1"]);
    let before = failed();
    // a queue that does not exist, with the ones that do
    let r = s
        .evctl()
        .args(["dlq", "replay", &format!("bullmq:{q}x"), "--yes"])
        .run()
        .expect_code(2);
    assert!(
        r.stderr.contains(&format!("no BullMQ queue \"{q}x\"")) && r.stderr.contains(&q),
        "{}",
        r.stderr
    );
    // a job id that is not in the failed set
    let r = s
        .evctl()
        .args(["dlq", "replay", &target, "--id", "1", "--id", "77", "--yes"])
        .run()
        .expect_code(2);
    assert!(
        r.stderr.contains("not failed in queue") && r.stderr.contains("77"),
        "{}",
        r.stderr
    );
    assert_eq!(failed(), before);
    // a job hash missing fields, in the failed set
    s.cli(&["HSET", &format!("bull:{q}:50"), "name", "x"]);
    s.cli(&["ZADD", &format!("bull:{q}:failed"), "1", "50"]);
    let r = s
        .evctl()
        .args(["dlq", "replay", &target, "--yes"])
        .run()
        .expect_code(2);
    assert!(
        r.stderr
            .contains(&format!("bull:{q}:50 has no data, opts, timestamp fields")),
        "{}",
        r.stderr
    );
    assert!(failed().contains("50") && failed().contains('1'));
    s.cli(&["ZREM", &format!("bull:{q}:failed"), "50"]);
    assert_eq!(failed(), before);
    // a key of the wrong type
    let w = queue_name("wrongtype", major);
    s.cli(&["HSET", &format!("bull:{w}:meta"), "version", "bullmq:6.7.6"]);
    s.cli(&["SET", &format!("bull:{w}:failed"), "x"]);
    let r = s
        .evctl()
        .args(["dlq", "replay", &format!("bullmq:{w}"), "--yes"])
        .run()
        .expect_code(2);
    assert!(
        r.stderr.contains(&format!("bull:{w}:failed"))
            && r.stderr.contains("is a string, not a zset"),
        "{}",
        r.stderr
    );
    // an unknown major: refused before anything is written
    let v = queue_name("future", major);
    s.cli(&["HSET", &format!("bull:{v}:meta"), "version", "bullmq:9.0.0"]);
    s.cli(&["ZADD", &format!("bull:{v}:failed"), "1", "1"]);
    s.cli(&[
        "HSET",
        &format!("bull:{v}:1"),
        "name",
        "n",
        "data",
        "{}",
        "opts",
        "{}",
        "timestamp",
        "1",
    ]);
    let r = s
        .evctl()
        .args(["dlq", "replay", &format!("bullmq:{v}"), "--yes"])
        .run()
        .expect_code(3);
    assert!(
        r.stderr.contains("bullmq 9.0.0") && r.stderr.contains("nothing was written"),
        "{}",
        r.stderr
    );
    assert_eq!(s.cli(&["ZCARD", &format!("bull:{v}:failed")]).trim(), "1");
    s.evctl().args(["jobs", "pause", &v]).run().expect_code(3);
    assert_eq!(
        s.cli(&["HEXISTS", &format!("bull:{v}:meta"), "paused"])
            .trim(),
        "0"
    );
    // stats still reads it
    s.evctl().args(["jobs", "stats", &v]).run().expect_code(0);
}

/// `dlq replay` of 10,000 failed jobs killed with SIGKILL at random moments, then run to the
/// end: every job ends failed or waiting, exactly once.
#[test]
fn replay_killed_at_random_moments_moves_each_job_once() {
    let Some(s) = setup("replay_killed_at_random_moments_moves_each_job_once") else {
        return;
    };
    let major = 6;
    let q = queue_name("fault", major);
    const N: usize = 10_000;
    let dir = tempfile::tempdir().unwrap();
    peer(&s, major, "add", &q, json!({"n": N, "fail": true}));
    let w = Worker::start(&s, major, &q, &dir.path().join("never"), 1500);
    wait_counts(
        &s,
        major,
        &q,
        &json!({"failed": N, "waiting": 0, "active": 0}),
    );
    drop(w.finish());
    let target = format!("bullmq:{q}");
    let mut seed = std::process::id() as u64;
    let mut kills = 0;
    for _ in 0..30 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let after = Duration::from_millis(50 + (seed >> 33) % 400);
        let (mut child, _home) = s
            .evctl()
            .args(["dlq", "replay", &target, "--yes", "--rate", "20000"])
            .spawn();
        std::thread::sleep(after);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        let left = s.cli(&["ZCARD", &format!("bull:{q}:failed")]);
        if left.trim() == "0" {
            break;
        }
    }
    assert!(kills >= 2, "the replay was never killed mid-way ({kills})");
    // finish what is left
    s.evctl()
        .args(["dlq", "replay", &target, "--yes"])
        .run()
        .expect_code(0);
    let wait: Vec<String> = s
        .cli(&["LRANGE", &format!("bull:{q}:wait"), "0", "-1"])
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let failed: Vec<String> = s
        .cli(&["ZRANGE", &format!("bull:{q}:failed"), "0", "-1"])
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let unique: BTreeSet<&String> = wait.iter().collect();
    assert_eq!(unique.len(), wait.len(), "a job is in wait twice");
    assert!(
        failed.iter().all(|f| !unique.contains(f)),
        "a job is both failed and waiting"
    );
    let all: BTreeSet<&String> = wait.iter().chain(&failed).collect();
    assert_eq!(
        all.len(),
        N,
        "jobs lost: {} of {N} accounted for",
        all.len()
    );
    assert_eq!(wait.len(), N);
    let counts = peer(&s, major, "counts", &q, json!({}));
    assert_eq!(
        (counts["waiting"].as_u64(), counts["failed"].as_u64()),
        (Some(N as u64), Some(0))
    );
    // the library's worker completes them all, once each
    std::fs::write(dir.path().join("fixed"), "").unwrap();
    let done = Worker::start(&s, major, &q, &dir.path().join("fixed"), 1500);
    let runs = runs_by_i(&done.finish());
    assert_eq!(runs.len(), N);
    assert!(runs.values().all(|n| *n == 1));
}
