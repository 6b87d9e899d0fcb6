//! evctl's Java-compatible partitioner agrees with librdkafka's `murmur2_random` (kcat), on a live
//! broker (noida-db: kcat cannot talk to tansu).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::on_noida_and_kafka;
use crate::support::{Evctl, Kind, broker, skip};

fn keyed_records_land_where_kcat_puts_them(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if Command::new("kcat").arg("-V").output().is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "kcat must be installed under CI (scripts/setup.sh)"
        );
        skip(test, "kcat not installed");
        return;
    }
    let topic = format!("it.partitioner.{}", std::process::id());
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("t.yaml");
    std::fs::write(
        &spec,
        format!("topics:\n  - name: {topic}\n    partitions: 12\n    replication_factor: 1\n"),
    )
    .unwrap();
    Evctl::new()
        .args(["-b", &addr, "apply", spec.to_str().unwrap(), "--yes"])
        .run()
        .expect_code(0);

    let keys: Vec<String> = (0..60)
        .map(|i| format!("entity-{i}"))
        .chain(["21".into(), "foobar".into(), "a".into()])
        .collect();
    let mut kcat = Command::new("kcat")
        .args([
            "-b",
            &addr,
            "-t",
            &topic,
            "-P",
            "-K",
            ":",
            "-X",
            "partitioner=murmur2_random",
        ])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let stdin = kcat.stdin.as_mut().unwrap();
        for k in &keys {
            writeln!(stdin, "{k}:v").unwrap();
        }
    }
    assert!(kcat.wait().unwrap().success());
    let out = Command::new("kcat")
        .args(["-b", &addr, "-t", &topic, "-C", "-J", "-e", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut seen = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let key = v["key"].as_str().unwrap();
        let partition = v["partition"].as_i64().unwrap() as i32;
        assert_eq!(
            partition,
            evctl::kafka::partitioner::partition_for_key(key.as_bytes(), 12),
            "key {key}"
        );
        seen += 1;
    }
    assert_eq!(seen, keys.len());
}
on_noida_and_kafka!(keyed_records_land_where_kcat_puts_them);
