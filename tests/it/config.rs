//! Contexts and precedence through the binary: flags > env > config file > defaults.

use crate::support::Evctl;

const CONFIG: &str = "\
# team contexts
current_context: local
contexts:
  local:
    brokers: [127.0.0.1:19092]
  staging:
    brokers: \"10.0.0.1:9092,10.0.0.2:9092\"
    timeout: 30s
    client_id: staging-ops
    tls: {ca_file: /etc/ssl/staging-ca.pem}
    sasl: {mechanism: SCRAM-SHA-512, username: ops, password_env: STAGING_PW}
    schema_registry: {url: \"http://127.0.0.1:8081\", token_env: SR_TOKEN}
";

fn show(ev: Evctl) -> serde_json::Value {
    ev.args(["config", "show", "-o", "json"])
        .run()
        .expect_code(0)
        .json()
}

fn setting<'a>(v: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    v["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["setting"] == name)
        .unwrap_or_else(|| panic!("{name} not in {v}"))
}

#[test]
fn precedence_flags_env_file_default() {
    // file only
    let v = show(Evctl::new().config(CONFIG));
    assert_eq!(v["context"], "local (context current_context)");
    assert_eq!(setting(&v, "brokers")["value"], "127.0.0.1:19092");
    assert_eq!(setting(&v, "brokers")["source"], "context local");
    assert_eq!(setting(&v, "timeout")["value"], "10s");
    assert_eq!(setting(&v, "timeout")["source"], "default");
    // env beats file, and EVCTL_CONTEXT selects another context
    let v = show(
        Evctl::new()
            .config(CONFIG)
            .env("EVCTL_CONTEXT", "staging")
            .env("EVCTL_TIMEOUT", "5s"),
    );
    assert_eq!(v["context"], "staging (env EVCTL_CONTEXT)");
    assert_eq!(
        setting(&v, "brokers")["value"],
        "10.0.0.1:9092,10.0.0.2:9092"
    );
    assert_eq!(setting(&v, "timeout")["value"], "5s");
    assert_eq!(setting(&v, "timeout")["source"], "env EVCTL_TIMEOUT");
    assert_eq!(setting(&v, "client_id")["value"], "staging-ops");
    assert_eq!(setting(&v, "tls")["value"], "true");
    assert_eq!(
        setting(&v, "tls.ca_file")["value"],
        "/etc/ssl/staging-ca.pem"
    );
    // flags beat env
    let v = show(
        Evctl::new()
            .config(CONFIG)
            .env("EVCTL_CONTEXT", "staging")
            .env("EVCTL_BROKERS", "127.0.0.2:1")
            .args(["--context", "local", "--brokers", "127.0.0.3:1", "--no-tls"]),
    );
    assert_eq!(v["context"], "local (flag)");
    assert_eq!(setting(&v, "brokers")["value"], "127.0.0.3:1");
    assert_eq!(setting(&v, "brokers")["source"], "flag");
    assert_eq!(setting(&v, "tls")["value"], "false");
    // env brokers beat the context's
    let v = show(
        Evctl::new()
            .config(CONFIG)
            .env("EVCTL_BROKERS", "127.0.0.2:1"),
    );
    assert_eq!(setting(&v, "brokers")["value"], "127.0.0.2:1");
    assert_eq!(setting(&v, "brokers")["source"], "env EVCTL_BROKERS");
}

#[test]
fn show_masks_secrets() {
    let run = Evctl::new()
        .config(CONFIG)
        .env("STAGING_PW", "sup3r-secret")
        .env("SR_TOKEN", "tok-123")
        .args(["--context", "staging", "config", "show"])
        .run()
        .expect_code(0);
    assert!(
        !run.stdout.contains("sup3r-secret") && !run.stdout.contains("tok-123"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("**** from env STAGING_PW"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("**** from env SR_TOKEN"),
        "{}",
        run.stdout
    );
    let run = Evctl::new()
        .config(CONFIG)
        .args(["config", "show", "staging", "-o", "yaml"])
        .run()
        .expect_code(0);
    assert!(
        run.stdout.contains("(missing) from env STAGING_PW"),
        "{}",
        run.stdout
    );
}

#[test]
fn list_current_use() {
    let dir = tempfile::tempdir().unwrap();
    let cfg_path = dir.path().join("evctl.yaml");
    std::fs::write(&cfg_path, CONFIG).unwrap();
    let with = |args: &[&str]| Evctl::new().env("EVCTL_CONFIG", &cfg_path).args(args).run();
    let v = with(&["config", "list", "-o", "json"])
        .expect_code(0)
        .json();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "local");
    assert_eq!(rows[0]["current"], true);
    assert_eq!(
        rows[1]["brokers"],
        serde_json::json!(["10.0.0.1:9092", "10.0.0.2:9092"])
    );
    assert_eq!(rows[1]["sasl"], "SCRAM-SHA-512");

    assert_eq!(
        with(&["config", "current"]).expect_code(0).stdout,
        "local\n"
    );
    let run = with(&["config", "use", "staging"]).expect_code(0);
    assert!(
        run.stderr.contains("Switched to context \"staging\""),
        "{}",
        run.stderr
    );
    assert_eq!(
        with(&["config", "current"]).expect_code(0).stdout,
        "staging\n"
    );
    let text = std::fs::read_to_string(&cfg_path).unwrap();
    assert!(
        text.starts_with("# team contexts\ncurrent_context: staging\n"),
        "comments kept: {text}"
    );
    let run = with(&["config", "use", "nope"]).expect_code(2);
    assert!(
        run.stderr.contains("no context named \"nope\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("defined contexts: local, staging"),
        "{}",
        run.stderr
    );
    assert_eq!(
        with(&["config", "path"]).expect_code(0).stdout,
        format!("{}\n", cfg_path.display())
    );
}

#[test]
fn bad_config_points_at_the_line() {
    let run = Evctl::new()
        .config("contexts:\n  prod:\n    brokers: [a:1]\n    sasl:\n      password: hunter2\n")
        .args(["config", "show"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains(
            "config.yaml:5:7: contexts.prod.sasl: unknown field `password`, expected one of"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("5 │       password: hunter2"),
        "the line is shown: {}",
        run.stderr
    );
    let run = Evctl::new()
        .config("contexts: {}\n")
        .args(["--context", "prod", "cluster"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("no context named \"prod\""),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args(["--context", "prod", "cluster"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("there is no config file at"),
        "{}",
        run.stderr
    );
    let run = Evctl::new().args(["cluster"]).run().expect_code(2);
    assert!(
        run.stderr.contains("no brokers configured"),
        "{}",
        run.stderr
    );
}
