//! `evctl validate` through the binary: offline, every problem with its file:line:col, exit 2.

use std::path::Path;

use crate::support::Evctl;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn topic<'a>(v: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no topic {name} in {v}"))
}

#[test]
fn validate_the_repo_topics_yaml() {
    let run = Evctl::new()
        .current_dir(repo())
        .args(["validate", "topics.yaml"])
        .run()
        .expect_code(0);
    assert_eq!(
        run.stdout,
        "\
valid: topics.yaml
Topics:     12 (6 with a profile)
Profiles:   4 (firehose, audit, compacted, dlq)
Consumers:  3
Schemas:    3
Managed:    prefixes user., canvas., workflow., notification., billing., dlq.
"
    );
    assert_eq!(run.stderr, "");

    let v = Evctl::new()
        .current_dir(repo())
        .args(["validate", "-f", "topics.yaml", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(v["topics"].as_array().unwrap().len(), 12);
    assert_eq!(v["profiles"].as_array().unwrap().len(), 4);
    assert_eq!(v["consumers"].as_array().unwrap().len(), 3);
    assert_eq!(v["schemas"].as_array().unwrap().len(), 3);
    let created = topic(&v, "user.account.created.v1");
    assert_eq!(created["partitions"], 12);
    assert_eq!(created["replication_factor"], 3);
    assert_eq!(created["configs"]["retention.ms"], "604800000");
    assert_eq!(created["configs"]["compression.type"], "zstd");
    assert_eq!(created["origin"], "topics.yaml:45:11");
    let firehose = topic(&v, "canvas.element.changed.v1");
    assert_eq!(firehose["profile"], "firehose");
    assert_eq!(firehose["partitions"], 48);
    assert_eq!(firehose["configs"]["max.message.bytes"], "1048576");
    let snapshot = topic(&v, "canvas.document.snapshot.v1");
    assert_eq!(snapshot["configs"]["retention.ms"], "-1");
    assert_eq!(snapshot["configs"]["delete.retention.ms"], "86400000");
    assert_eq!(snapshot["configs"]["min.cleanable.dirty.ratio"], "0.1");
    assert_eq!(v["consumers"][0]["max_time_lag_ms"], 300_000);
    assert_eq!(v["schemas"][2]["type"], "protobuf");
    assert_eq!(v["schemas"][2]["compatibility"], "FULL");
    assert_eq!(v["ignore_configs"][0], "^confluent\\.");

    // YAML too
    let run = Evctl::new()
        .current_dir(repo())
        .args(["validate", "topics.yaml", "-o", "yaml"])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains("retention.ms: '604800000'"),
        "{}",
        run.stdout
    );
}

const BROKEN: &str = "\
defaults:
  partitions: 6
  retension: 7d
profiles:
  audit: {retention: 365d}
topics:
  - name: orders/v1
  - name: payments
    profile: audti
    partitions: 0
    configs:
      segment.bytes: 4GiB
  - name: payments
";

#[test]
fn a_broken_spec_reports_every_error_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.yaml", BROKEN);
    let run = Evctl::new()
        .current_dir(dir.path())
        .args(["validate", "bad.yaml"])
        .run()
        .expect_code(2);
    assert_eq!(run.stdout, "", "nothing on stdout");
    let headers: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("× "))
        .collect();
    assert_eq!(
        headers,
        vec![
            "bad.yaml:3:3: unknown field `retension` in defaults",
            "bad.yaml:7:17: invalid character `/` in topic name `orders/v1`: Kafka allows only letters, digits, `.`, `_` and `-`",
            "bad.yaml:9:14: unknown profile `audti`",
            "bad.yaml:10:17: `partitions` must be at least 1, not 0",
            "bad.yaml:12:22: `segment.bytes`: 4GiB is too large",
            "bad.yaml:13:11: duplicate topic `payments` (first defined on line 8)",
        ],
        "{}",
        run.stderr
    );
    // the offending text is shown and underlined, with the hints
    assert!(run.stderr.contains("  retension: 7d"), "{}", run.stderr);
    assert!(run.stderr.contains("────┬────"), "{}", run.stderr);
    assert!(
        run.stderr.contains("help: did you mean `retention`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: did you mean `audit`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("error: 6 errors in bad.yaml\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn overlays_merge_in_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "base.yaml",
        "\
defaults: {partitions: 3, replication_factor: 3, retention: 7d}
managed: {prefixes: [orders., payments.]}
topics:
  - name: orders.created.v1
    configs: {segment.bytes: 1GiB, segment.ms: 1d}
  - name: payments.settled.v1
",
    );
    write(
        dir.path(),
        "prod.yaml",
        "\
defaults: {retention: 14d}
managed: {prefixes: [orders.]}
topics:
  - name: orders.created.v1
    partitions: 24
    configs: {segment.bytes: 512MiB}
  - name: orders.audit.v1
    retention: infinite
",
    );
    let v = Evctl::new()
        .current_dir(dir.path())
        .args([
            "validate",
            "-f",
            "base.yaml",
            "-f",
            "prod.yaml",
            "-o",
            "json",
        ])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(v["files"], serde_json::json!(["base.yaml", "prod.yaml"]));
    let names: Vec<&str> = v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "orders.created.v1",
            "payments.settled.v1",
            "orders.audit.v1"
        ]
    );
    let created = topic(&v, "orders.created.v1");
    assert_eq!(created["partitions"], 24);
    assert_eq!(created["replication_factor"], 3);
    assert_eq!(created["configs"]["retention.ms"], "1209600000");
    assert_eq!(created["configs"]["segment.bytes"], "536870912");
    assert_eq!(created["configs"]["segment.ms"], "86400000");
    assert_eq!(
        topic(&v, "orders.audit.v1")["configs"]["retention.ms"],
        "-1"
    );
    assert_eq!(v["managed"]["prefixes"], serde_json::json!(["orders."]));

    // the other order: base wins
    let v = Evctl::new()
        .current_dir(dir.path())
        .args(["validate", "prod.yaml", "base.yaml", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(
        topic(&v, "orders.created.v1")["configs"]["segment.bytes"],
        "1073741824"
    );

    // files are given either as arguments or with -f, not both
    let run = Evctl::new()
        .current_dir(dir.path())
        .args(["validate", "-f", "base.yaml", "prod.yaml"])
        .run()
        .expect_code(2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}

#[test]
fn environment_variables_expand() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "env.yaml",
        "\
defaults:
  partitions: ${PARTITIONS:-6}
  retention: ${RETENTION}
topics:
  - name: ${TEAM}.orders.v1
",
    );
    let v = Evctl::new()
        .current_dir(dir.path())
        .env("TEAM", "payments")
        .env("RETENTION", "3d")
        .args(["validate", "env.yaml", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let t = topic(&v, "payments.orders.v1");
    assert_eq!(t["partitions"], 6);
    assert_eq!(t["configs"]["retention.ms"], "259200000");

    let run = Evctl::new()
        .current_dir(dir.path())
        .env("RETENTION", "3d")
        .args(["validate", "env.yaml"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("× env.yaml:5:11: environment variable TEAM is not set"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: set TEAM, or give a default: ${TEAM:-value}"),
        "{}",
        run.stderr
    );
}

#[test]
fn unreadable_files_and_a_broken_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = Evctl::new()
        .current_dir(dir.path())
        .args(["validate", "missing.yaml"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.starts_with("error: missing.yaml: cannot read:"),
        "{}",
        run.stderr
    );
    // validate is offline: a broken config file does not matter
    write(dir.path(), "t.yaml", "topics: [{name: a}]\n");
    Evctl::new()
        .config("contexts: [not, a, mapping]\n")
        .current_dir(dir.path())
        .args(["validate", "t.yaml"])
        .run()
        .expect_code(0);
    // no file at all is a usage error
    Evctl::new().args(["validate"]).run().expect_code(2);
}

/// ACL typos and conflicts are spec errors with their places: an unknown operation or resource
/// type (with the likely intent), an operation a resource does not take, a principal without its
/// type, and the same ACL declared twice.
#[test]
fn acl_mistakes_are_named_with_their_places() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("acls.yaml");
    std::fs::write(
        &spec,
        "acls:\n  - principal: User:a\n    acls:\n      - {resource: topic, name: t, operations: [raed]}\n      - {resource: cluster, operations: [read]}\n      - {resource: topik, name: t, operations: [read]}\n      - {resource: topic, name: t, operations: [write]}\n      - {resource: topic, name: t, operations: [write]}\n  - principal: billing\n    acls: []\n",
    )
    .unwrap();
    let run = crate::support::Evctl::new()
        .arg("validate")
        .arg_path(&spec)
        .run()
        .expect_code(2);
    for (place, text) in [
        ("acls.yaml:4:49", "unknown operation `raed`"),
        (
            "acls.yaml:5:42",
            "operation `read` does not apply to a cluster",
        ),
        ("acls.yaml:6:20", "unknown resource type `topik`"),
        (
            "acls.yaml:8:9",
            "ACL `User:a allow write on topic t` is declared twice (first at",
        ),
        ("acls.yaml:9:16", "principal `billing` has no type"),
    ] {
        assert!(
            run.stderr.contains(&format!("{place}: {text}")),
            "{place}: {text} not in:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("did you mean `read`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `topic`?"),
        "{}",
        run.stderr
    );
}

/// Quota mistakes: a key the entity does not take (with the likely intent), a bad value, an
/// entity given twice, an ip combined with a user.
#[test]
fn quota_mistakes_are_named_with_their_places() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("quotas.yaml");
    std::fs::write(
        &spec,
        "quotas:\n  - {user: a, producer_byte_rate: fast}\n  - {user: a, connection_creation_rate: 5}\n  - {ip: 1.2.3.4, user: b, connection_creation_rate: 5}\n  - {user: c, producer_byte_rate: 1MiB/s}\n  - {user: c, consumer_byte_rate: 1MiB/s}\n",
    )
    .unwrap();
    let run = crate::support::Evctl::new()
        .arg("validate")
        .arg_path(&spec)
        .run()
        .expect_code(2);
    for (place, text) in [
        ("quotas.yaml:2:35", "`producer_byte_rate`: invalid size"),
        (
            "quotas.yaml:3:15",
            "`connection_creation_rate` does not apply to a user or client id quota",
        ),
        ("quotas.yaml:4:5", "an `ip:` quota stands alone"),
        ("quotas.yaml:6:5", "the quota of user=c is given twice"),
    ] {
        assert!(
            run.stderr.contains(&format!("{place}: {text}")),
            "{place}: {text} not in:\n{}",
            run.stderr
        );
    }
}

/// A role takes no `permission` (a deny would silently grant), the cluster has one name, and a
/// topic's `acls:` with an unknown key is an error, not a crash.
#[test]
fn acl_roles_and_names_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("acls.yaml");
    std::fs::write(
        &spec,
        "acls:\n  - principal: User:a\n    acls:\n      - {role: consumer, topic: t, group: g, permission: deny}\n      - {resource: cluster, name: prod, operations: [describe]}\n      - {resource: cluster, operations: [create_tokens]}\ntopics:\n  - name: t\n    acls:\n      \"\": [User:b]\n      readers: [User:c]\n",
    )
    .unwrap();
    let run = crate::support::Evctl::new()
        .arg("validate")
        .arg_path(&spec)
        .run()
        .expect_code(2);
    for text in [
        "role `consumer` does not take `permission`",
        "the cluster resource is named `kafka-cluster`, not `prod`",
        "operation `create_tokens` does not apply to a cluster",
        "unknown field `readers` in the acls of topic `t`",
    ] {
        assert!(run.stderr.contains(text), "{text} not in:\n{}", run.stderr);
    }
}
