//! SASL: an in-test SASL responder (PLAIN, SCRAM-SHA-256/512) in front of a live broker.

use crate::support::proxy::{Fault, Proxy, ProxyOptions, SaslUser};
use crate::support::{Evctl, Kind, broker};

fn sasl_proxy(test: &str, mechanism: &'static str) -> Option<Proxy> {
    let upstream = broker(Kind::Noida, test)?;
    Some(Proxy::start(ProxyOptions {
        upstream,
        tls: None,
        sasl: Some(SaslUser {
            mechanism,
            username: "ops".into(),
            password: "correct horse".into(),
        }),
        fault: Fault::None,
    }))
}

#[test]
fn scram_sha_512_with_password_from_env() {
    let Some(proxy) = sasl_proxy(
        "sasl::scram_sha_512_with_password_from_env",
        "SCRAM-SHA-512",
    ) else {
        return;
    };
    let run = Evctl::new()
        .args([
            "-b",
            &proxy.addr,
            "--sasl-mechanism",
            "SCRAM-SHA-512",
            "--sasl-username",
            "ops",
            "cluster",
            "-o",
            "json",
        ])
        .env("EVCTL_SASL_PASSWORD", "correct horse")
        .run()
        .expect_code(0);
    assert_eq!(run.json()["cluster_id"], Kind::Noida.cluster_id());
}

#[test]
fn scram_sha_256_with_password_file_from_a_context() {
    let Some(proxy) = sasl_proxy(
        "sasl::scram_sha_256_with_password_file_from_a_context",
        "SCRAM-SHA-256",
    ) else {
        return;
    };
    let ev = Evctl::new();
    let pw = ev.home().join("pw");
    std::fs::write(&pw, "correct horse\n").unwrap();
    let config = format!(
        "current_context: secure\ncontexts:\n  secure:\n    brokers: [\"{}\"]\n    sasl: {{mechanism: SCRAM-SHA-256, username: ops, password_file: {}}}\n",
        proxy.addr,
        pw.display()
    );
    let run = ev
        .config(&config)
        .args(["cluster", "-o", "json"])
        .run()
        .expect_code(0);
    assert_eq!(run.json()["cluster_id"], Kind::Noida.cluster_id());
}

#[test]
fn wrong_password_fails_without_echoing_it() {
    let Some(proxy) = sasl_proxy(
        "sasl::wrong_password_fails_without_echoing_it",
        "SCRAM-SHA-512",
    ) else {
        return;
    };
    let run = Evctl::new()
        .args([
            "-b",
            &proxy.addr,
            "--sasl-mechanism",
            "scram-sha-512",
            "--sasl-username",
            "ops",
            "-v",
            "cluster",
        ])
        .env("EVCTL_SASL_PASSWORD", "hunter2-wrong")
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains(&format!("{}: authentication failed:", proxy.addr)),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("invalid credentials"), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: check --sasl-mechanism"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"));
}

#[test]
fn plain_and_mechanism_mismatch() {
    let Some(proxy) = sasl_proxy("sasl::plain_and_mechanism_mismatch", "PLAIN") else {
        return;
    };
    let ok = Evctl::new()
        .args([
            "-b",
            &proxy.addr,
            "--sasl-mechanism",
            "PLAIN",
            "--sasl-username",
            "ops",
            "cluster",
            "-o",
            "json",
        ])
        .env("EVCTL_SASL_PASSWORD", "correct horse")
        .run()
        .expect_code(0);
    assert_eq!(ok.json()["controller_id"], Kind::Noida.node_ids()[0]);
    let run = Evctl::new()
        .args([
            "-b",
            &proxy.addr,
            "--sasl-mechanism",
            "SCRAM-SHA-256",
            "--sasl-username",
            "ops",
            "cluster",
        ])
        .env("EVCTL_SASL_PASSWORD", "correct horse")
        .run()
        .expect_code(1);
    assert!(
        run.stderr
            .contains("the broker does not enable SCRAM-SHA-256"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("it offers: PLAIN"), "{}", run.stderr);
    // without credentials, the SASL listener drops the connection: a clear error, not a hang
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--timeout", "3s", "cluster"])
        .run()
        .expect_code(1);
    assert!(run.stderr.contains(&proxy.addr), "{}", run.stderr);
}

#[test]
fn half_configured_sasl_is_a_usage_error() {
    let run = Evctl::new()
        .args(["-b", "127.0.0.1:9", "--sasl-username", "ops", "cluster"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("SASL is half configured: missing a mechanism"),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args([
            "-b",
            "127.0.0.1:9",
            "--sasl-mechanism",
            "PLAIN",
            "--sasl-username",
            "ops",
            "--sasl-password-file",
            "/nonexistent/pw",
            "cluster",
        ])
        .run()
        .expect_code(2);
    assert!(
        run.stderr
            .contains("cannot read the password file /nonexistent/pw"),
        "{}",
        run.stderr
    );
}
