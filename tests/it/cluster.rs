//! `evctl cluster` against each live broker.

use crate::on_each_broker;
use crate::support::{Evctl, Kind, broker};

fn cluster_json_lists_the_broker(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let run = Evctl::new()
        .args(["--brokers", &addr, "cluster", "-o", "json"])
        .run()
        .expect_code(0);
    let v = run.json();
    assert_eq!(v["cluster_id"], kind.cluster_id(), "{v}");
    assert_eq!(v["controller_id"], kind.node_id());
    let brokers = v["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 1, "{v}");
    let (host, port) = addr.rsplit_once(':').unwrap();
    assert_eq!(brokers[0]["id"], kind.node_id());
    assert_eq!(brokers[0]["host"], host);
    assert_eq!(brokers[0]["port"], port.parse::<i64>().unwrap());
    assert_eq!(brokers[0]["controller"], true);
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
    assert_eq!(v["cluster_id"], kind.cluster_id());
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
            .contains(&format!("Controller:  {} ({addr})", kind.node_id())),
        "{}",
        table.stdout
    );
    let row = table
        .stdout
        .lines()
        .find(|l| l.contains(&addr) && l.ends_with("controller"))
        .unwrap();
    assert!(row.starts_with(&kind.node_id().to_string()), "{row}");
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
    assert_eq!(report["broker"], kind.node_id());
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
        Kind::Noida => {
            assert_eq!(find(37)["status"], "ok");
            assert!(missing.is_empty(), "{missing:?}");
        }
    }
}
on_each_broker!(api_versions_marks_missing_apis);

/// kcat (librdkafka) sees the same broker list and controller as evctl.
#[test]
fn kcat_agrees_on_brokers() {
    let test = "cluster::kcat_agrees_on_brokers";
    let Some(addr) = broker(Kind::Noida, test) else {
        return;
    };
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
    assert_eq!(k["controllerid"], e["controller_id"]);
    let kb = &k["brokers"][0];
    assert_eq!(kb["id"], e["brokers"][0]["id"]);
    assert_eq!(
        kb["name"].as_str().unwrap(),
        format!(
            "{}:{}",
            e["brokers"][0]["host"].as_str().unwrap(),
            e["brokers"][0]["port"]
        )
    );
    let kcat_partitions: usize = k["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["partitions"].as_array().unwrap().len())
        .sum();
    assert_eq!(kcat_partitions as u64, e["partitions"].as_u64().unwrap());
}
