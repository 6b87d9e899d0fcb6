//! Failures: nothing listening, a silent peer, a broker killed mid-command. Always a clear error and
//! exit 1 within the timeout, never a hang.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::proxy::{Fault, Proxy, ProxyOptions};
use crate::support::{Evctl, Kind, PrivateBroker, free_port};

#[test]
fn unreachable_brokers_are_each_named() {
    let (a, b) = (
        format!("127.0.0.1:{}", free_port()),
        format!("127.0.0.1:{}", free_port()),
    );
    let start = Instant::now();
    let run = Evctl::new()
        .args(["-b", &format!("{a},{b}"), "cluster"])
        .run()
        .expect_code(1);
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("error: could not connect to any of the 2 brokers\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("  {a}: connection refused")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("  {b}: connection refused")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: is the broker running?"),
        "{}",
        run.stderr
    );
    let run = Evctl::new()
        .args(["-b", "no-such-host.invalid:9092", "cluster"])
        .run()
        .expect_code(1);
    assert!(
        run.stderr.starts_with(
            "error: could not connect to no-such-host.invalid:9092: cannot resolve host"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_silent_peer_times_out_within_the_timeout() {
    // accepts TCP connections and never answers
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let start = Instant::now();
    let run = Evctl::new()
        .args(["-b", &addr, "--timeout", "1500ms", "cluster"])
        .run_within(Duration::from_secs(10))
        .expect_code(1);
    let took = start.elapsed();
    assert!(
        took >= Duration::from_millis(1400) && took < Duration::from_secs(4),
        "took {took:?}"
    );
    assert!(
        run.stderr.contains(&format!("{addr}: timed out")),
        "{}",
        run.stderr
    );
    drop(listener);
}

fn broker_killed_mid_command(kind: Kind, test: &str) {
    let Some(broker) = PrivateBroker::start(kind, test) else {
        return;
    };
    let broker = Arc::new(Mutex::new(broker));
    let victim = broker.clone();
    // request 1 is ApiVersions, 2 the bootstrap Metadata; kill the broker as request 3 (the full
    // Metadata of `evctl cluster`) arrives
    let proxy = Proxy::start(ProxyOptions {
        upstream: broker.lock().unwrap().addr.clone(),
        tls: None,
        sasl: None,
        fault: Fault::HookAt(3, Arc::new(move || victim.lock().unwrap().kill())),
    });
    let start = Instant::now();
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--timeout", "3s", "cluster"])
        .run_within(Duration::from_secs(15))
        .expect_code(1);
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(
        run.stderr.contains(&proxy.addr),
        "names the broker: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}
crate::on_each_broker!(broker_killed_mid_command);

#[test]
fn a_broker_that_stops_answering_mid_command_hits_the_deadline() {
    let test = "faults::a_broker_that_stops_answering_mid_command_hits_the_deadline";
    let Some(upstream) = crate::support::broker(Kind::Noida, test) else {
        return;
    };
    let proxy = Proxy::start(ProxyOptions {
        upstream,
        tls: None,
        sasl: None,
        fault: Fault::StallFrom(3),
    });
    let start = Instant::now();
    let run = Evctl::new()
        .args(["-b", &proxy.addr, "--timeout", "2s", "cluster"])
        .run_within(Duration::from_secs(15))
        .expect_code(1);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    assert!(run.stderr.contains("Metadata request to"), "{}", run.stderr);
    assert!(run.stderr.contains("timed out after 2s"), "{}", run.stderr);
}

#[test]
fn ctrl_c_exits_130() {
    // a peer that never answers keeps evctl waiting; SIGINT must end it at once with 130
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (mut child, _home) = Evctl::new()
        .args(["-b", &addr, "--timeout", "60s", "cluster"])
        .spawn();
    std::thread::sleep(Duration::from_millis(700));
    let sent = Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(130), "{status:?}");
            break;
        }
        assert!(
            sent.elapsed() < Duration::from_secs(5),
            "evctl ignored Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "interrupted\n");
    drop(listener);
}

/// A lying broker: its answer announces a 2 GiB frame. Refused at once, saying what arrived and
/// from where, never a vague "connection dropped" (and no 2 GiB allocation).
#[test]
fn a_frame_above_the_limit_is_named() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let server = std::thread::spawn(move || {
        for stream in listener.incoming().take(2) {
            let Ok(mut s) = stream else { continue };
            let mut len = [0u8; 4];
            if s.read_exact(&mut len).is_err() {
                continue;
            }
            let mut req = vec![0u8; i32::from_be_bytes(len) as usize];
            if s.read_exact(&mut req).is_err() {
                continue;
            }
            // the request header: api key, version, correlation id
            let id = &req[4..8];
            let _ = s.write_all(&0x7fff_fff0i32.to_be_bytes());
            let _ = s.write_all(id);
            let _ = s.write_all(&[0u8; 64]);
            std::thread::sleep(Duration::from_millis(500));
        }
    });
    let start = Instant::now();
    let run = Evctl::new()
        .args(["-b", &addr, "--timeout", "5s", "cluster"])
        .run_within(Duration::from_secs(15))
        .expect_code(1);
    assert!(start.elapsed() < Duration::from_secs(4), "refused at once");
    assert!(
        run.stderr.contains(&addr)
            && run.stderr.contains("a response frame of 2147483632 bytes")
            && run.stderr.contains("above the 1 MiB limit"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("dropped"), "{}", run.stderr);
    drop(server);
}

/// SIGTERM (a service manager's stop, `timeout`, CI's cancel) stops tail and publish as Ctrl-C
/// does: what is in flight is finished, the group committed, the summary printed, exit 130.
fn sigterm_stops_tail_and_publish_cleanly(kind: Kind, test: &str) {
    let Some(addr) = crate::support::broker(kind, test) else {
        return;
    };
    let topic = format!("it.sigterm.{}.{}", kind.name(), std::process::id());
    crate::support::create_topics(&addr, &[(&topic, 1)]);
    let group = format!("it-sigterm-{}-{}", kind.name(), std::process::id());
    // publish from a stdin that stays open: two lines, then SIGTERM
    let mut publish = std::process::Command::new(crate::support::evctl_bin())
        .args(["-b", &addr, "publish", &topic])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let stdin = publish.stdin.as_mut().unwrap();
        stdin.write_all(b"one\ntwo\n").unwrap();
        stdin.flush().unwrap();
    }
    std::thread::sleep(Duration::from_millis(1500));
    let term = |pid: u32| {
        std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
    };
    term(publish.id());
    // stdin stays open a moment: the stop is the signal's, not the end of the input
    std::thread::sleep(Duration::from_millis(1000));
    let out = publish.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("published 2 records"), "{err}");
    // a following tail with a group: SIGTERM commits and prints the summary
    let mut tail = std::process::Command::new(crate::support::evctl_bin())
        .args([
            "-b", &addr, "tail", &topic, "--group", &group, "--from", "start", "-o", "raw",
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // SIGTERM once both records are on stdout
    let stdout = tail.stdout.take().unwrap();
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = lines.clone();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for l in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            sink.lock().unwrap().push(l);
        }
    });
    let start = Instant::now();
    while lines.lock().unwrap().len() < 2 && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    term(tail.id());
    let out = tail.wait_with_output().unwrap();
    reader.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert_eq!(*lines.lock().unwrap(), ["one", "two"]);
    assert!(err.contains("2 records printed"), "{err}");
    assert!(
        err.contains(&format!("committed group {group}'s offsets")),
        "{err}"
    );
}
crate::on_each_broker!(sigterm_stops_tail_and_publish_cleanly);
