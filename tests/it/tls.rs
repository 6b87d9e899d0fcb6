//! TLS: a loopback TLS listener (certificates made here) in front of a live broker.

use std::time::{Duration, Instant};

use crate::support::proxy::{Fault, Proxy, ProxyOptions, test_pki};
use crate::support::{Evctl, Kind, broker};

fn tls_proxy(
    test: &str,
) -> Option<(
    Proxy,
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
)> {
    let upstream = broker(Kind::Noida, test)?;
    let dir = tempfile::tempdir().unwrap();
    let good = test_pki(dir.path(), "good");
    let (ca, other_ca) = (good.ca, test_pki(dir.path(), "other").ca);
    let proxy = Proxy::start(ProxyOptions {
        upstream,
        tls: Some(good.server),
        sasl: None,
        fault: Fault::None,
    });
    Some((proxy, dir, ca, other_ca))
}

#[test]
fn tls_with_the_right_ca_connects() {
    let Some((proxy, _dir, ca, _)) = tls_proxy("tls::tls_with_the_right_ca_connects") else {
        return;
    };
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--tls-ca"])
        .arg_path(&ca)
        .args(["cluster", "-o", "json"])
        .run()
        .expect_code(0);
    let v = run.json();
    assert_eq!(v["cluster_id"], Kind::Noida.cluster_id());
    let (host, port) = proxy.addr.rsplit_once(':').unwrap();
    assert_eq!(v["brokers"][0]["host"], host);
    assert_eq!(v["brokers"][0]["port"], port.parse::<i64>().unwrap());
    // --api-versions opens a second connection, to the advertised address: through TLS as well
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "cluster", "--api-versions", "-o", "json"])
        .env("EVCTL_TLS_CA", &ca)
        .run()
        .expect_code(0);
    assert_eq!(
        run.json()["api_versions"][0]["error"],
        serde_json::Value::Null
    );
}

#[test]
fn tls_with_the_wrong_ca_is_rejected_clearly() {
    let Some((proxy, _dir, _, other_ca)) =
        tls_proxy("tls::tls_with_the_wrong_ca_is_rejected_clearly")
    else {
        return;
    };
    let start = Instant::now();
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--tls-ca"])
        .arg_path(&other_ca)
        .args(["cluster"])
        .run()
        .expect_code(1);
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains(&format!(
            "{}: TLS failure: certificate not trusted: unknown issuer",
            proxy.addr
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: check --tls-ca"),
        "{}",
        run.stderr
    );
}

#[test]
fn tls_name_mismatch_and_insecure() {
    let Some((proxy, _dir, ca, _)) = tls_proxy("tls::tls_name_mismatch_and_insecure") else {
        return;
    };
    let run = Evctl::new()
        .args([
            "-b",
            &proxy.addr,
            "--tls-server-name",
            "kafka.example.com",
            "--tls-ca",
        ])
        .arg_path(&ca)
        .args(["cluster"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("not valid for this host name"),
        "{}",
        run.stderr
    );
    // --tls-insecure connects anyway, with a warning
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--tls-insecure", "cluster", "-o", "json"])
        .run()
        .expect_code(0);
    assert_eq!(run.json()["cluster_id"], Kind::Noida.cluster_id());
    assert!(
        run.stderr
            .contains("warning: TLS certificate verification is off"),
        "{}",
        run.stderr
    );
}

#[test]
fn plaintext_to_a_tls_port_and_tls_to_a_plain_port() {
    let test = "tls::plaintext_to_a_tls_port_and_tls_to_a_plain_port";
    let Some((proxy, _dir, ca, _)) = tls_proxy(test) else {
        return;
    };
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--timeout", "3s", "cluster"])
        .run_within(Duration::from_secs(10))
        .expect_code(1);
    assert!(run.stderr.contains(&proxy.addr), "{}", run.stderr);
    let Some(plain) = broker(Kind::Noida, test) else {
        return;
    };
    let run = Evctl::new()
        .args(["-b", &plain, "--timeout", "3s", "--tls-ca"])
        .arg_path(&ca)
        .args(["cluster"])
        .run_within(Duration::from_secs(10))
        .expect_code(1);
    assert!(run.stderr.contains("TLS failure"), "{}", run.stderr);
}

#[test]
fn mutual_tls_needs_the_client_certificate() {
    let Some(upstream) = broker(Kind::Noida, "tls::mutual_tls_needs_the_client_certificate") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let pki = test_pki(dir.path(), "mtls");
    let proxy = Proxy::start(ProxyOptions {
        upstream,
        tls: Some(pki.server_mtls.clone()),
        sasl: None,
        fault: Fault::None,
    });
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--tls-ca"])
        .arg_path(&pki.ca)
        .arg("--tls-cert")
        .arg_path(&pki.client_cert)
        .arg("--tls-key")
        .arg_path(&pki.client_key)
        .args(["cluster", "-o", "json"])
        .run()
        .expect_code(0);
    assert_eq!(run.json()["cluster_id"], Kind::Noida.cluster_id());
    // without it, the broker refuses the connection: a clear TLS error, exit 1
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--timeout", "3s", "--tls-ca"])
        .arg_path(&pki.ca)
        .args(["cluster"])
        .run_within(Duration::from_secs(10))
        .expect_code(1);
    assert!(run.stderr.contains(&proxy.addr), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{}: TLS failure: the broker requires a client certificate (--tls-cert and --tls-key)",
            proxy.addr
        )),
        "{}",
        run.stderr
    );
}
