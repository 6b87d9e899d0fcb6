//! `evctl cluster` against each live broker.

use crate::support::{Evctl, Kind, broker};
use crate::{on_each_broker, on_noida_and_kafka};

fn cluster_json_lists_the_broker(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let run = Evctl::new()
        .args(["--brokers", &addr, "cluster", "-o", "json"])
        .run()
        .expect_code(0);
    let v = run.json();
    assert_eq!(v["cluster_id"], kind.cluster_id().as_str(), "{v}");
    let brokers = v["brokers"].as_array().unwrap();
    let mut ids: Vec<i64> = brokers.iter().map(|b| b["id"].as_i64().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, kind.node_ids(), "{v}");
    // every broker is one of the bootstrap addresses, and exactly one is the controller
    let addrs: Vec<&str> = addr.split(',').collect();
    for b in brokers {
        let at = format!("{}:{}", b["host"].as_str().unwrap(), b["port"]);
        assert!(addrs.contains(&at.as_str()), "{at} not in {addr}");
        assert_eq!(b["controller"], b["id"] == v["controller_id"], "{v}");
    }
    assert_eq!(
        brokers.iter().filter(|b| b["controller"] == true).count(),
        1
    );
    assert!(v["topics"].is_u64() && v["partitions"].is_u64());
    assert_eq!(run.stderr, "", "nothing on stderr for a clean run");
}
on_each_broker!(cluster_json_lists_the_broker);

fn cluster_yaml_and_table_agree_with_json(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let yaml = Evctl::new()
        .args(["-b", &addr, "cluster", "-o", "yaml"])
        .run()
        .expect_code(0);
    let v: serde_json::Value = serde_yaml_ng::from_str(&yaml.stdout).unwrap();
    assert_eq!(v["cluster_id"], kind.cluster_id().as_str());
    let controller = v["controller_id"].as_i64().unwrap();
    assert!(kind.node_ids().contains(&controller), "{v}");
    let at = v["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == controller)
        .map(|b| format!("{}:{}", b["host"].as_str().unwrap(), b["port"]))
        .unwrap();
    let table = Evctl::new()
        .args(["-b", &addr, "cluster"])
        .run()
        .expect_code(0);
    assert!(
        table
            .stdout
            .contains(&format!("Cluster ID:  {}", kind.cluster_id())),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains(&format!("Controller:  {controller} ({at})")),
        "{}",
        table.stdout
    );
    let row = table
        .stdout
        .lines()
        .find(|l| l.contains(&at) && l.ends_with("controller"))
        .unwrap();
    assert!(row.starts_with(&controller.to_string()), "{row}");
    // one row per broker
    for id in kind.node_ids() {
        assert!(
            table
                .stdout
                .lines()
                .any(|l| l.starts_with(&format!("{id} "))),
            "{}",
            table.stdout
        );
    }
    assert!(!table.stdout.contains('\x1b'), "no colour into a pipe");
}
on_each_broker!(cluster_yaml_and_table_agree_with_json);

fn api_versions_marks_missing_apis(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let run = Evctl::new()
        .args(["-b", &addr, "cluster", "--api-versions", "-o", "json"])
        .run()
        .expect_code(0);
    let v = run.json();
    let report = &v["api_versions"][0];
    assert!(
        kind.node_ids()
            .contains(&report["broker"].as_i64().unwrap())
    );
    assert_eq!(report["error"], serde_json::Value::Null);
    let apis = report["apis"].as_array().unwrap();
    let find = |key: i64| {
        apis.iter()
            .find(|a| a["key"] == key)
            .unwrap_or_else(|| panic!("key {key} missing in {report}"))
    };
    // every broker has Metadata and ApiVersions, and evctl negotiates a version in their range
    for key in [3, 18] {
        let a = find(key);
        assert_eq!(a["status"], "ok");
        let used = a["version"].as_i64().unwrap();
        assert!(
            used >= a["broker_min"].as_i64().unwrap() && used <= a["broker_max"].as_i64().unwrap()
        );
    }
    let missing: Vec<&str> = report["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    match kind {
        // tansu does not route CreatePartitions (37)
        Kind::Tansu => {
            assert_eq!(find(37)["status"], "missing");
            assert!(missing.contains(&"CreatePartitions (apply)"), "{missing:?}");
        }
        Kind::Noida | Kind::Kafka => {
            assert_eq!(find(37)["status"], "ok");
            assert!(missing.is_empty(), "{missing:?}");
        }
    }
}
on_each_broker!(api_versions_marks_missing_apis);

/// kcat (librdkafka) sees the same broker list and controller as evctl.
fn kcat_agrees_on_brokers(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let partitions = || {
        Evctl::new()
            .args(["-b", &addr, "cluster", "-o", "json"])
            .run()
            .expect_code(0)
            .json()["partitions"]
            .as_u64()
            .unwrap()
    };
    let before = partitions();
    let Ok(out) = std::process::Command::new("kcat")
        .args(["-b", &addr, "-L", "-J", "-m", "10"])
        .output()
    else {
        assert!(
            std::env::var("CI").is_err(),
            "kcat must be installed under CI (scripts/setup.sh)"
        );
        crate::support::skip(test, "kcat not installed");
        return;
    };
    assert!(
        out.status.success(),
        "kcat failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let k: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = Evctl::new()
        .args(["-b", &addr, "cluster", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    // on KRaft, Metadata names a random broker as controller (evctl asks the quorum instead)
    let ids: Vec<i64> = kind.node_ids();
    assert!(ids.contains(&k["controllerid"].as_i64().unwrap()), "{k}");
    if kind != Kind::Kafka {
        assert_eq!(k["controllerid"], e["controller_id"]);
    }
    let mut kcat_brokers: Vec<(i64, String)> = k["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["id"].as_i64().unwrap(),
                b["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut evctl_brokers: Vec<(i64, String)> = e["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["id"].as_i64().unwrap(),
                format!("{}:{}", b["host"].as_str().unwrap(), b["port"]),
            )
        })
        .collect();
    kcat_brokers.sort();
    evctl_brokers.sort();
    assert_eq!(kcat_brokers, evctl_brokers);
    // other tests create and delete topics meanwhile, and on KRaft each broker learns of them a
    // moment apart: evctl's count before and after kcat's brackets it, within a few tries
    let count = |k: &serde_json::Value| -> u64 {
        k["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["partitions"].as_array().unwrap().len() as u64)
            .sum()
    };
    let mut seen = Vec::new();
    let (mut before, mut k) = (before, k);
    for attempt in 0..10 {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(500));
            before = partitions();
            let out = std::process::Command::new("kcat")
                .args(["-b", &addr, "-L", "-J", "-m", "10"])
                .output()
                .unwrap();
            k = serde_json::from_slice(&out.stdout).unwrap();
        }
        let after = partitions();
        let kcat = count(&k);
        if (before.min(after)..=before.max(after)).contains(&kcat) {
            return;
        }
        seen.push(format!("kcat {kcat}, evctl {before} then {after}"));
    }
    panic!("kcat and evctl never agreed: {seen:?}");
}
on_noida_and_kafka!(kcat_agrees_on_brokers);
