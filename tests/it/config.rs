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
fn registry_settings_layer_like_the_broker_ones() {
    // the context's registry, with its source
    let v = show(Evctl::new().config(CONFIG).args(["--context", "staging"]));
    let url = setting(&v, "schema_registry.url");
    assert_eq!(url["value"], "http://127.0.0.1:8081");
    assert_eq!(url["source"], "context staging");
    assert_eq!(
        setting(&v, "schema_registry.token")["source"],
        "context staging"
    );
    // EVCTL_REGISTRY_* beat it, and the flags beat those, on any command
    let v = show(
        Evctl::new()
            .config(CONFIG)
            .env("EVCTL_CONTEXT", "staging")
            .env("EVCTL_REGISTRY_URL", "http://127.0.0.2:8081")
            .env("EVCTL_REGISTRY_USER", "ci")
            .env("EVCTL_REGISTRY_PASSWORD", "pw-123")
            .env("EVCTL_REGISTRY_TOKEN_FILE", "/run/secrets/sr")
            .args(["--registry-ca", "/etc/ssl/sr-ca.pem"]),
    );
    let row = |name: &str| {
        let r = setting(&v, name);
        (
            r["value"].as_str().unwrap().to_string(),
            r["source"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(
        row("schema_registry.url"),
        (
            "http://127.0.0.2:8081".into(),
            "env EVCTL_REGISTRY_URL".into()
        )
    );
    assert_eq!(
        row("schema_registry.username"),
        ("ci".into(), "env EVCTL_REGISTRY_USER".into())
    );
    assert_eq!(
        row("schema_registry.password"),
        (
            "**** from env EVCTL_REGISTRY_PASSWORD".into(),
            "env EVCTL_REGISTRY_PASSWORD".into()
        )
    );
    assert_eq!(
        row("schema_registry.token"),
        (
            "(missing) from file /run/secrets/sr".into(),
            "env EVCTL_REGISTRY_TOKEN_FILE".into()
        )
    );
    assert_eq!(
        row("schema_registry.ca_file"),
        ("/etc/ssl/sr-ca.pem".into(), "flag".into())
    );
    assert!(!v.to_string().contains("pw-123"), "{v}");
}

#[test]
fn set_context_takes_the_global_registry_flags() {
    // a home that outlives each run
    let keep = Evctl::new().config(CONFIG);
    let home = keep.home().to_path_buf();
    let config = home.join(".config/evctl/config.yaml");
    Evctl::new()
        .env("HOME", &home)
        .args([
            "config",
            "set-context",
            "ci",
            "-b",
            "127.0.0.1:9092",
            "--registry",
            "http://127.0.0.1:8081",
            "--registry-user",
            "ci-bot",
        ])
        .run()
        .expect_code(0);
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains("http://127.0.0.1:8081"), "{text}");
    assert!(text.contains("ci-bot"), "{text}");
    assert!(text.starts_with("# team contexts"), "comments kept: {text}");
    drop(keep);
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

/// `config set-context` makes contexts that connect (#22 item 3): a new file is 0600, comments and
/// hand-written keys of an existing one survive, no secret is ever written (references only), and
/// rename/delete keep the rest. On the real Kafka cluster also over SASL_SSL with SCRAM and the
/// test CA.
fn set_context_round_trip(kind: crate::support::Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let ev = Evctl::new();
    let home = ev.home().to_path_buf();
    let file = home.join(".config/evctl/config.yaml");
    let run = |args: &[&str]| {
        let mut e = Evctl::new().env("HOME", &home);
        e = e.args(args);
        e
    };
    // a new file: created 0600, the context works
    run(&[
        "config",
        "set-context",
        "t",
        "-b",
        &addr,
        "--timeout",
        "20s",
        "--use",
    ])
    .run()
    .expect_code(0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the config file is private");
    }
    let got = run(&["cluster", "-o", "json"]).run().expect_code(0).json();
    assert_eq!(got["cluster_id"], kind.cluster_id().as_str());
    // hand edits survive a later set-context
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        format!("# ops team contexts: ask #platform before changing\n{text}  other:  # kept\n    brokers: [127.0.0.1:1]\n    client_id: hand-written\n"),
    )
    .unwrap();
    run(&["config", "set-context", "t", "--client-id", "it-ctx"])
        .run()
        .expect_code(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# ops team contexts: ask #platform before changing\n"),
        "{text}"
    );
    assert!(text.contains("  other:  # kept\n"), "{text}");
    assert!(text.contains("client_id: hand-written"), "{text}");
    let shown = run(&["config", "show", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(setting(&shown, "client_id")["value"], "it-ctx");
    assert_eq!(setting(&shown, "timeout")["value"], "20s");
    // --context picks it without being current
    run(&["config", "rename-context", "t", "renamed"])
        .run()
        .expect_code(0);
    run(&["--context", "renamed", "cluster", "-o", "json"])
        .run()
        .expect_code(0);
    let list = run(&["config", "list", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["other", "renamed"]);

    if kind == crate::support::Kind::Kafka {
        // SCRAM over TLS through a context made here; the password comes from the environment
        let (Ok(sasl), Ok(ca)) = (
            std::env::var("EVCTL_TEST_KAFKA_SASL_BROKERS"),
            std::env::var("EVCTL_TEST_KAFKA_CA"),
        ) else {
            crate::support::skip(test, "no SASL_SSL listener (external cluster)");
            return;
        };
        run(&[
            "config",
            "set-context",
            "secure",
            "-b",
            &sasl,
            "--tls-ca",
            &ca,
            "--sasl-mechanism",
            "SCRAM-SHA-512",
            "--sasl-username",
            "admin",
            "--password-env",
            "IT_KAFKA_PW",
        ])
        .run()
        .expect_code(0);
        let got = run(&["--context", "secure", "cluster", "-o", "json"])
            .env("IT_KAFKA_PW", "admin-secret")
            .run()
            .expect_code(0)
            .json();
        assert_eq!(got["cluster_id"], kind.cluster_id().as_str());
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("admin-secret"), "no secret in the file");
        assert!(text.contains("password_env: IT_KAFKA_PW"), "{text}");
        // without the variable: a clear error naming it, exit 2
        let run2 = run(&["--context", "secure", "cluster"])
            .run()
            .expect_code(2);
        assert!(run2.stderr.contains("IT_KAFKA_PW"), "{}", run2.stderr);
    }
    run(&["config", "delete-context", "renamed"])
        .run()
        .expect_code(0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("renamed:"), "{text}");
    assert!(
        !text.contains("current_context"),
        "the current context went with it: {text}"
    );
    // a missing context: exit 2 with the contexts there are
    let bad = run(&["config", "delete-context", "nope"])
        .run()
        .expect_code(2);
    assert!(
        bad.stderr.contains("no context named \"nope\""),
        "{}",
        bad.stderr
    );
}
crate::on_each_broker!(set_context_round_trip);
