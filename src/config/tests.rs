use super::*;

fn ctx_layer() -> Layer {
    Layer {
        brokers: Some(vec!["file:9092".into()]),
        client_id: Some("from-file".into()),
        timeout: Some(Duration::from_secs(30)),
        tls_ca: Some("/file/ca.pem".into()),
        sasl_mechanism: Some(Mechanism::ScramSha512),
        sasl_username: Some("file-user".into()),
        sasl_password: Some(SecretRef::Env("PROD_PW".into())),
        ..Layer::default()
    }
}

fn prod() -> Option<Sourced<String>> {
    Some(Sourced {
        value: "prod".into(),
        source: Source::Flag,
    })
}

#[test]
fn flags_beat_env_beat_file_beat_defaults() {
    let flags = Layer {
        brokers: Some(vec!["flag:1".into()]),
        ..Layer::default()
    };
    let envl = Layer {
        brokers: Some(vec!["env:1".into()]),
        client_id: Some("env-client".into()),
        ..Layer::default()
    };
    let s = Settings::resolve(None, prod(), &flags, &envl, &ctx_layer());
    assert_eq!(
        s.brokers,
        Sourced {
            value: vec!["flag:1".to_string()],
            source: Source::Flag
        }
    );
    assert_eq!(
        s.client_id,
        Sourced {
            value: "env-client".to_string(),
            source: Source::Env("EVCTL_CLIENT_ID".into())
        }
    );
    assert_eq!(
        s.timeout,
        Sourced {
            value: Duration::from_secs(30),
            source: Source::Context("prod".into())
        }
    );
    assert_eq!(
        s.tls_insecure,
        Sourced {
            value: false,
            source: Source::Default
        }
    );

    let s = Settings::resolve(None, prod(), &Layer::default(), &envl, &ctx_layer());
    assert_eq!(s.brokers.value, vec!["env:1"]);
    assert_eq!(s.brokers.source, Source::Env("EVCTL_BROKERS".into()));

    let s = Settings::resolve(
        None,
        prod(),
        &Layer::default(),
        &Layer::default(),
        &ctx_layer(),
    );
    assert_eq!(s.brokers.value, vec!["file:9092"]);
    assert_eq!(s.brokers.source, Source::Context("prod".into()));

    let s = Settings::resolve(
        None,
        None,
        &Layer::default(),
        &Layer::default(),
        &Layer::default(),
    );
    assert!(s.brokers.value.is_empty());
    assert_eq!(s.timeout.value, Duration::from_secs(10));
    assert_eq!(s.client_id.value, "evctl");
    assert!(!s.tls.value);
}

#[test]
fn a_ca_file_turns_tls_on_unless_disabled() {
    let s = Settings::resolve(
        None,
        prod(),
        &Layer::default(),
        &Layer::default(),
        &ctx_layer(),
    );
    assert_eq!(
        s.tls,
        Sourced {
            value: true,
            source: Source::Context("prod".into())
        }
    );
    let off = Layer {
        tls: Some(false),
        ..Layer::default()
    };
    let s = Settings::resolve(None, prod(), &off, &Layer::default(), &ctx_layer());
    assert_eq!(
        s.tls,
        Sourced {
            value: false,
            source: Source::Flag
        }
    );
    let opts = s.client_options();
    // SASL password env var PROD_PW is unset: reading it is an input error naming the variable
    let err = opts.unwrap_err().to_string();
    assert!(err.contains("PROD_PW"), "{err}");
}

#[test]
fn password_sources_and_half_configured_sasl() {
    let dir = tempfile::tempdir().unwrap();
    let pw = dir.path().join("pw");
    std::fs::write(&pw, "s3cret\n").unwrap();
    let flags = Layer {
        sasl_password: Some(SecretRef::File(pw.clone())),
        ..Layer::default()
    };
    let s = Settings::resolve(None, prod(), &flags, &Layer::default(), &ctx_layer());
    let opts = s.client_options().unwrap();
    let sasl = opts.connect.sasl.unwrap();
    assert_eq!(sasl.password, "s3cret");
    assert_eq!(sasl.username, "file-user");
    assert_eq!(sasl.mechanism, Mechanism::ScramSha512);
    assert!(!format!("{:?}", s).contains("s3cret"));
    assert_eq!(
        SecretRef::File(pw.clone()).masked(),
        format!("**** from file {}", pw.display())
    );

    let half = Layer {
        sasl_username: Some("u".into()),
        ..Layer::default()
    };
    let s = Settings::resolve(None, None, &half, &Layer::default(), &Layer::default());
    let err = s.client_options().unwrap_err().to_string();
    assert!(err.contains("missing a mechanism"), "{err}");
    assert!(err.contains("a password"), "{err}");
}

#[test]
fn context_layer_parses_and_validates() {
    let yaml = r#"
current_context: local
contexts:
  local:
    brokers: "127.0.0.1:9092, 127.0.0.1:9093"
  prod:
    brokers: [a:9093, b:9093]
    timeout: 30s
    tls: {ca_file: /etc/ca.pem, server_name: kafka.prod}
    sasl: {mechanism: scram-sha-256, username: ops, password_env: PW}
    schema_registry: {url: "http://127.0.0.1:8081"}
"#;
    let f: ConfigFile = serde_yaml_ng::from_str(yaml).unwrap();
    let local = Layer::from_context("local", &f.contexts["local"]).unwrap();
    assert_eq!(
        local.brokers,
        Some(vec!["127.0.0.1:9092".into(), "127.0.0.1:9093".into()])
    );
    assert_eq!(local.tls, None);
    let prod = Layer::from_context("prod", &f.contexts["prod"]).unwrap();
    assert_eq!(prod.timeout, Some(Duration::from_secs(30)));
    assert_eq!(prod.tls, Some(true));
    assert_eq!(prod.tls_server_name.as_deref(), Some("kafka.prod"));
    assert_eq!(prod.sasl_mechanism, Some(Mechanism::ScramSha256));
    assert_eq!(prod.sasl_password, Some(SecretRef::Env("PW".into())));

    let bad = Context {
        timeout: Some("soon".into()),
        ..Context::default()
    };
    let err = Layer::from_context("x", &bad).unwrap_err().to_string();
    assert!(
        err.starts_with("context x: timeout: invalid duration"),
        "{err}"
    );
}

#[test]
fn inline_passwords_are_rejected_with_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.yaml");
    std::fs::write(
        &path,
        "contexts:\n  prod:\n    sasl:\n      password: hunter2\n",
    )
    .unwrap();
    let err = load(&path).unwrap_err();
    let fe = err.downcast_ref::<FileError>().unwrap();
    assert_eq!(fe.location, ":4:7");
    assert!(
        fe.message.contains("unknown field `password`"),
        "{}",
        fe.message
    );
    assert!(!err.to_string().contains("hunter2"));
}

#[test]
fn missing_file_is_none() {
    assert!(
        load(Path::new("/nonexistent/evctl/config.yaml"))
            .unwrap()
            .is_none()
    );
}

#[test]
fn use_keeps_comments() {
    let text = "# my contexts\ncurrent_context: a\ncontexts:\n  a: {}\n  b: {} # second\n";
    assert_eq!(
        set_current_context(text, "b"),
        "# my contexts\ncurrent_context: b\ncontexts:\n  a: {}\n  b: {} # second\n"
    );
    assert_eq!(
        set_current_context("contexts: {}\n", "x y"),
        "current_context: x y\ncontexts: {}\n"
    );
    for odd in ["yes", "null", "1", "a: b", "#x"] {
        let f: ConfigFile =
            serde_yaml_ng::from_str(&set_current_context("contexts: {}\n", odd)).unwrap();
        assert_eq!(f.current_context.as_deref(), Some(odd));
    }
}
