//! ACLs as code (`acls:` in the spec) on the real Kafka cluster: applied through evctl, read back
//! with `kafka-acls --list`, and proven through the SASL_SSL listener, where principals with the
//! declared ACLs produce and consume (with evctl and with Kafka's console tools) and one without
//! is refused; prune scope, a second plan in sync, and the export round trip. On the stand-in
//! brokers an ACL spec is a named refusal.

use std::path::Path;
use std::time::Duration;

use crate::real_kafka::{CONSUMER, ev, secure_evctl};
use crate::support::kafka::{tool, tool_ok};
use crate::support::{Kind, Run, broker, create_topics};

const ACLS: &str = "org.apache.kafka.tools.AclCommand";
const CONFIGS: &str = "kafka.admin.ConfigCommand";
const PRODUCER: &str = "org.apache.kafka.tools.ConsoleProducer";

/// A SCRAM-SHA-512 user made for this test (through the PLAINTEXT listener, a super user).
fn scram_user(addr: &str, name: &str, password: &str) {
    tool_ok(
        CONFIGS,
        &[
            "--bootstrap-server",
            addr,
            "--alter",
            "--add-config",
            &format!("SCRAM-SHA-512=[password={password}]"),
            "--entity-type",
            "users",
            "--entity-name",
            name,
        ],
        None,
    );
}

/// evctl on the SASL_SSL listener as `user` (password `USER-secret`).
fn as_user(user: &str, args: &[&str], input: Option<&str>) -> Run {
    let mut e = secure_evctl(user, &format!("{user}-secret")).args(args);
    if let Some(i) = input {
        e = e.stdin(i.as_bytes().to_vec());
    }
    e.run_within(Duration::from_secs(60))
}

/// A Java client config for `user` on the SASL_SSL listener.
fn client_config(dir: &Path, user: &str) -> String {
    let ca = std::env::var("EVCTL_TEST_KAFKA_CA").unwrap();
    let path = dir.join(format!("{user}.properties"));
    std::fs::write(
        &path,
        format!(
            "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n\
             sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"{user}\" password=\"{user}-secret\";\n\
             ssl.truststore.type=PEM\nssl.truststore.location={ca}\n"
        ),
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

/// `kafka-acls --list --principal P`: the (resource, operation, permission) lines, sorted.
fn kafka_acls(addr: &str, principal: &str) -> Vec<String> {
    let out = tool_ok(
        ACLS,
        &[
            "--bootstrap-server",
            addr,
            "--list",
            "--principal",
            principal,
        ],
        None,
    );
    let mut resource = String::new();
    let mut lines = Vec::new();
    for l in out.lines() {
        if let Some(r) = l.strip_prefix("Current ACLs for resource `ResourcePattern(") {
            resource = r.trim_end_matches(")`:").to_string();
        } else if l.trim_start().starts_with("(principal=") {
            lines.push(format!("{resource} {}", l.trim()));
        }
    }
    lines.sort();
    lines
}

fn acl_line(resource: &str, name: &str, pattern: &str, principal: &str, op: &str) -> String {
    format!(
        "resourceType={resource}, name={name}, patternType={pattern} (principal={principal}, host=*, operation={op}, permissionType=ALLOW)"
    )
}

fn acls_as_code_through_sasl(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    if std::env::var_os("EVCTL_TEST_KAFKA_SASL_BROKERS").is_none() {
        crate::support::skip(
            test,
            "no SASL_SSL listener of scripts/kafka.sh (external cluster)",
        );
        return;
    }
    let id = std::process::id();
    let (prod, cons, nobody) = (
        format!("prod{id}"),
        format!("cons{id}"),
        format!("nobody{id}"),
    );
    for u in [&prod, &cons, &nobody] {
        scram_user(&addr, u, &format!("{u}-secret"));
    }
    let topic = format!("it.acl.{id}");
    let group = format!("it-acl-{id}");
    create_topics(&addr, &[(&topic, 2)]);
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("acls.yaml");
    let write_spec = |consumers: &str| {
        std::fs::write(
            &spec,
            format!(
                "managed:\n  principals: [User:{cons}]\n\
                 acls:\n  - principal: User:{prod}\n    acls:\n      - {{role: producer, topic: {topic}}}\n\
                 topics:\n  - name: {topic}\n    partitions: 2\n    acls:\n      consumers: [{consumers}]\n"
            ),
        )
        .unwrap();
    };
    write_spec(&format!("{{principal: User:{cons}, group: {group}}}"));
    let spec_s = spec.to_str().unwrap();

    // the plan, then apply: one CreateAcls
    let plan = ev(&addr, &["plan", spec_s, "-o", "json"])
        .expect_code(0)
        .json();
    assert_eq!(plan["summary"]["create_acl"], 7, "{plan:#}");
    let run = ev(&addr, &["apply", spec_s, "--yes", "-vvv"]).expect_code(0);
    assert_eq!(
        run.stderr.matches("api=\"CreateAcls\"").count(),
        1,
        "{}",
        run.stderr
    );
    let t = topic.as_str();
    assert_eq!(
        kafka_acls(&addr, &format!("User:{prod}")),
        vec![
            acl_line(
                "CLUSTER",
                "kafka-cluster",
                "LITERAL",
                &format!("User:{prod}"),
                "IDEMPOTENT_WRITE"
            ),
            acl_line("TOPIC", t, "LITERAL", &format!("User:{prod}"), "CREATE"),
            acl_line("TOPIC", t, "LITERAL", &format!("User:{prod}"), "DESCRIBE"),
            acl_line("TOPIC", t, "LITERAL", &format!("User:{prod}"), "WRITE"),
        ]
    );
    assert_eq!(
        kafka_acls(&addr, &format!("User:{cons}")),
        vec![
            acl_line("GROUP", &group, "LITERAL", &format!("User:{cons}"), "READ"),
            acl_line("TOPIC", t, "LITERAL", &format!("User:{cons}"), "DESCRIBE"),
            acl_line("TOPIC", t, "LITERAL", &format!("User:{cons}"), "READ"),
        ]
    );
    // a second plan is in sync
    let again = ev(&addr, &["plan", spec_s, "--detailed-exitcode"]).expect_code(0);
    assert!(
        again.stdout.contains("7 ACL(s) in sync"),
        "{}",
        again.stdout
    );

    // the producer writes, with evctl and with the console producer; the others may not
    as_user(&prod, &["publish", t], Some("a\nb\n")).expect_code(0);
    let props = client_config(dir.path(), &prod);
    tool_ok(
        PRODUCER,
        &[
            "--bootstrap-server",
            &sasl_addr(),
            "--topic",
            t,
            "--producer.config",
            &props,
        ],
        Some(b"c\n"),
    );
    let denied = as_user(&cons, &["publish", t], Some("x\n")).expect_code(1);
    assert!(
        denied
            .stderr
            .contains(&format!("not authorized to Write to topic {t}")),
        "{}",
        denied.stderr
    );
    as_user(&nobody, &["publish", t], Some("x\n")).expect_code(1);

    // the consumer reads in its group, with the console consumer and evctl; nobody may not
    let props = client_config(dir.path(), &cons);
    let out = tool_ok(
        CONSUMER,
        &[
            "--bootstrap-server",
            &sasl_addr(),
            "--topic",
            t,
            "--group",
            &group,
            "--from-beginning",
            "--max-messages",
            "3",
            "--timeout-ms",
            "30000",
            "--consumer.config",
            &props,
        ],
        None,
    );
    assert_eq!(out.lines().count(), 3, "{out}");
    let read = as_user(
        &cons,
        &[
            "tail", t, "--group", &group, "--from", "start", "-e", "-o", "raw",
        ],
        None,
    )
    .expect_code(0);
    let mut got: Vec<&str> = read.stdout.lines().collect();
    got.sort();
    assert_eq!(got, ["a", "b", "c"]);
    let refused = as_user(&nobody, &["tail", t, "-e", "-o", "raw"], None).expect_code(1);
    assert!(
        refused.stderr.contains("not authorized"),
        "{}",
        refused.stderr
    );
    let props = client_config(dir.path(), &nobody);
    let theirs = tool(
        CONSUMER,
        &[
            "--bootstrap-server",
            &sasl_addr(),
            "--topic",
            t,
            "--group",
            &format!("{group}-x"),
            "--from-beginning",
            "--max-messages",
            "1",
            "--timeout-ms",
            "15000",
            "--consumer.config",
            &props,
        ],
        None,
        Duration::from_secs(60),
    );
    let text = String::from_utf8_lossy(&theirs.stderr);
    assert!(text.contains("AuthorizationException"), "{text}");

    // the export round trip: the exported spec plans clean
    let exported = ev(&addr, &["export", "--prefix", t]).expect_code(0);
    assert!(
        exported.stdout.contains(&format!("principal: User:{prod}")),
        "{}",
        exported.stdout
    );
    assert!(
        exported.stdout.contains("role: producer"),
        "{}",
        exported.stdout
    );
    let back = dir.path().join("exported.yaml");
    std::fs::write(&back, &exported.stdout).unwrap();
    ev(
        &addr,
        &["plan", back.to_str().unwrap(), "--detailed-exitcode"],
    )
    .expect_code(0);

    // prune: only managed principals' ACLs go. The consumer leaves the spec (it stays managed);
    // an outsider's ACL on the same topic is not the spec's to delete
    let outsider = format!("User:outsider{id}");
    tool_ok(
        ACLS,
        &[
            "--bootstrap-server",
            &addr,
            "--add",
            "--allow-principal",
            &outsider,
            "--operation",
            "Read",
            "--topic",
            t,
        ],
        None,
    );
    write_spec("");
    let plan = ev(&addr, &["plan", spec_s, "-o", "json"])
        .expect_code(0)
        .json();
    assert_eq!(
        plan["summary"]["delete_acl"], 0,
        "without --prune-acls nothing is deleted"
    );
    let warned = plan["warnings"].as_array().unwrap().iter();
    assert!(
        warned
            .filter_map(|w| w.as_str())
            .any(|w| w.starts_with("3 ACL(s) of managed principals")
                && w.contains("--prune-acls deletes them")),
        "{plan:#}"
    );
    let plan = ev(&addr, &["plan", spec_s, "--prune-acls", "-o", "json"])
        .expect_code(0)
        .json();
    assert_eq!(plan["summary"]["delete_acl"], 3, "{plan:#}");
    assert_eq!(
        plan["summary"]["destructive"], 3,
        "the consumer's last ACLs: {plan:#}"
    );
    ev(&addr, &["apply", spec_s, "--prune-acls", "--yes"]).expect_code(0);
    assert!(kafka_acls(&addr, &format!("User:{cons}")).is_empty());
    assert_eq!(kafka_acls(&addr, &outsider).len(), 1);
    assert_eq!(kafka_acls(&addr, &format!("User:{prod}")).len(), 4);
    ev(
        &addr,
        &["plan", spec_s, "--prune-acls", "--detailed-exitcode"],
    )
    .expect_code(0);
    as_user(&cons, &["tail", t, "-e", "-o", "raw"], None).expect_code(1);
}
crate::on_kafka!(acls_as_code_through_sasl);

fn sasl_addr() -> String {
    std::env::var("EVCTL_TEST_KAFKA_SASL_BROKERS").unwrap()
}

/// A broker without an authorizer (or the ACL APIs) cannot hold the spec's ACLs: a named refusal
/// in the plan (exit 2), nothing applied.
fn acls_need_an_authorizer(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("acls.yaml");
    std::fs::write(
        &spec,
        "acls:\n  - principal: User:someone\n    acls:\n      - {resource: topic, name: x, operations: [read]}\n",
    )
    .unwrap();
    // neither has the client quota APIs: a quota spec is refused the same way
    let quotas = dir.path().join("quotas.yaml");
    std::fs::write(
        &quotas,
        "quotas:\n  - {user: a, producer_byte_rate: 1MiB/s}\n",
    )
    .unwrap();
    let run = ev(&addr, &["plan", quotas.to_str().unwrap(), "-o", "json"]).expect_code(2);
    assert_eq!(
        run.json()["refusals"][0]["topic"],
        "quotas",
        "{}",
        run.stdout
    );
    if kind == Kind::Tansu {
        // tansu answers DescribeAcls (no ACLs, no error), and its CreateAcls answer does not
        // decode: the apply fails, naming the broker, and says nothing was applied
        crate::support::skip(
            test,
            "tansu answers DescribeAcls without an authorizer and sends an undecodable CreateAcls response: only the failed apply is checked",
        );
        let run = ev(&addr, &["apply", spec.to_str().unwrap(), "--yes"]).expect_code(1);
        assert!(run.stdout.contains("Applied 0 of 1"), "{}", run.stdout);
        return;
    }
    let run = ev(&addr, &["plan", spec.to_str().unwrap(), "-o", "json"]).expect_code(2);
    let refusal = &run.json()["refusals"][0];
    assert_eq!(refusal["topic"], "acls", "{}", run.stdout);
    assert!(
        ["no_authorizer", "unsupported_api"].contains(&refusal["reason"].as_str().unwrap()),
        "{refusal}"
    );
    ev(&addr, &["apply", spec.to_str().unwrap(), "--yes"]).expect_code(2);
}
crate::on_brokers!(acls_need_an_authorizer: Noida => noida, Tansu => tansu);

/// `kafka-configs --describe --entity-type T [--entity-name N | --entity-default]`: the quota
/// line's values.
fn kafka_quotas(addr: &str, args: &[&str]) -> std::collections::BTreeMap<String, f64> {
    let mut all = vec!["--bootstrap-server", addr, "--describe"];
    all.extend_from_slice(args);
    let out = tool_ok(CONFIGS, &all, None);
    out.lines()
        .filter(|l| l.starts_with("Quota configs for"))
        .flat_map(|l| l.split(" are ").nth(1).unwrap_or("").split(", "))
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.parse::<f64>().unwrap()))
        .collect()
}

/// Client quotas as code: applied with one AlterClientQuotas, read back by kafka-configs, a second
/// plan in sync, the export round trip, and prune removing only what the spec no longer sets.
fn quotas_as_code(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    let id = std::process::id();
    let user = format!("quser{id}");
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("quotas.yaml");
    let full = format!(
        "quotas:\n  - {{user: {user}, producer_byte_rate: 10MiB/s, consumer_byte_rate: 20MiB/s}}\n  - {{user: {user}, client_id: checkout, request_percentage: 50}}\n  - {{user: \"<default>\", producer_byte_rate: 1MiB/s}}\n  - {{ip: 10.9.8.7, connection_creation_rate: 10}}\n"
    );
    std::fs::write(&spec, &full).unwrap();
    let s = spec.to_str().unwrap();
    let run = ev(&addr, &["apply", s, "--yes", "-vvv"]).expect_code(0);
    assert_eq!(
        run.stderr.matches("api=\"AlterClientQuotas\"").count(),
        1,
        "{}",
        run.stderr
    );
    let u = ["--entity-type", "users", "--entity-name", user.as_str()];
    assert_eq!(
        kafka_quotas(&addr, &u),
        [
            ("consumer_byte_rate".to_string(), 20_971_520.0),
            ("producer_byte_rate".to_string(), 10_485_760.0)
        ]
        .into()
    );
    let uc = [
        "--entity-type",
        "users",
        "--entity-name",
        user.as_str(),
        "--entity-type",
        "clients",
        "--entity-name",
        "checkout",
    ];
    assert_eq!(
        kafka_quotas(&addr, &uc),
        [("request_percentage".to_string(), 50.0)].into()
    );
    assert_eq!(
        kafka_quotas(&addr, &["--entity-type", "users", "--entity-default"]),
        [("producer_byte_rate".to_string(), 1_048_576.0)].into()
    );
    assert_eq!(
        kafka_quotas(
            &addr,
            &["--entity-type", "ips", "--entity-name", "10.9.8.7"]
        ),
        [("connection_creation_rate".to_string(), 10.0)].into()
    );
    let again = ev(&addr, &["plan", s, "--detailed-exitcode"]).expect_code(0);
    assert!(
        again.stdout.contains("5 quota value(s) in sync"),
        "{}",
        again.stdout
    );
    let exported = ev(&addr, &["export", "--prefix", "it.none.", "--no-acls"]).expect_code(0);
    let back = dir.path().join("exported.yaml");
    std::fs::write(&back, &exported.stdout).unwrap();
    ev(
        &addr,
        &["plan", back.to_str().unwrap(), "--detailed-exitcode"],
    )
    .expect_code(0);

    // the spec stops setting the consumer rate and the ip quota: kept without --prune-quotas,
    // removed with it, and nothing else touched
    std::fs::write(
        &spec,
        format!(
            "quotas:\n  - {{user: {user}, producer_byte_rate: 10MiB/s}}\n  - {{user: {user}, client_id: checkout, request_percentage: 50}}\n  - {{user: \"<default>\", producer_byte_rate: 1MiB/s}}\n"
        ),
    )
    .unwrap();
    let plan = ev(&addr, &["plan", s, "-o", "json"]).expect_code(0).json();
    assert_eq!(plan["summary"]["remove_quota"], 0);
    let plan = ev(&addr, &["plan", s, "--prune-quotas", "-o", "json"])
        .expect_code(0)
        .json();
    // (quotas of other runs on a reused cluster go too: the spec owns them all)
    let ours: Vec<(String, String)> = (plan["actions"].as_array().unwrap().iter())
        .filter(|a| a["action"] == "remove_quota")
        .map(|a| {
            (
                a["entity"].as_str().unwrap().to_string(),
                a["key"].as_str().unwrap().to_string(),
            )
        })
        .filter(|(e, _)| e == &format!("user={user}") || e == "ip=10.9.8.7")
        .collect();
    assert_eq!(
        ours,
        [
            (
                "ip=10.9.8.7".to_string(),
                "connection_creation_rate".to_string()
            ),
            (format!("user={user}"), "consumer_byte_rate".to_string())
        ],
        "{plan:#}"
    );
    ev(&addr, &["apply", s, "--prune-quotas", "--yes"]).expect_code(0);
    assert_eq!(
        kafka_quotas(&addr, &u),
        [("producer_byte_rate".to_string(), 10_485_760.0)].into()
    );
    assert!(
        kafka_quotas(
            &addr,
            &["--entity-type", "ips", "--entity-name", "10.9.8.7"]
        )
        .is_empty()
    );
    assert_eq!(kafka_quotas(&addr, &uc).len(), 1);
    ev(&addr, &["plan", s, "--prune-quotas", "--detailed-exitcode"]).expect_code(0);
    // a spec without quotas does not own the cluster's: --prune-quotas is refused
    std::fs::write(&spec, "quotas: []\n").unwrap();
    ev(&addr, &["plan", s, "--prune-quotas"]).expect_code(2);
    // clean up the cluster-wide default for the other tests (this user's quota alone stays)
    std::fs::write(
        &spec,
        format!("quotas:\n  - {{user: {user}, producer_byte_rate: 10MiB/s}}\n"),
    )
    .unwrap();
    ev(&addr, &["apply", s, "--prune-quotas", "--yes"]).expect_code(0);
    assert!(kafka_quotas(&addr, &["--entity-type", "users", "--entity-default"]).is_empty());
}
crate::on_kafka!(quotas_as_code);
