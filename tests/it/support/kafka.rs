//! Apache Kafka itself in the tests: private KRaft clusters started through scripts/kafka.sh (fault
//! tests kill their nodes), and Kafka's own CLI tools run from the same classpath as peers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::{ci, skip};

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kafka.sh")
}

/// True when Kafka's jars are known (scripts/test.sh started the shared cluster); otherwise a named
/// skip, or a failure under CI=true.
pub fn available(test: &str) -> bool {
    if std::env::var_os("EVCTL_TEST_KAFKA_CLASSPATH").is_some() {
        return true;
    }
    assert!(
        !ci(),
        "EVCTL_TEST_KAFKA_CLASSPATH is not set: under CI=true Kafka must be running (use scripts/test.sh)"
    );
    skip(test, "Apache Kafka not set up (run scripts/test.sh)");
    false
}

/// A KRaft cluster of its own for one test, on free loopback ports; stopped when dropped.
pub struct KafkaCluster {
    pub dir: tempfile::TempDir,
    /// PLAINTEXT bootstrap list, `host:port,host:port,...`
    pub brokers: String,
    pub nodes: usize,
}

impl KafkaCluster {
    /// Starts `nodes` combined KRaft nodes (scripts/kafka.sh start), or skips without Kafka.
    pub fn start(nodes: usize, test: &str) -> Option<KafkaCluster> {
        if !available(test) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new(script())
            .args(["start"])
            .arg(dir.path())
            .arg(nodes.to_string())
            .stdin(Stdio::null())
            .output()
            .expect("run scripts/kafka.sh");
        assert!(
            out.status.success(),
            "scripts/kafka.sh start failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let env = std::fs::read_to_string(dir.path().join("env")).unwrap();
        let get = |key: &str| {
            env.lines()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .unwrap_or_else(|| panic!("{key} missing in the env file:\n{env}"))
                .to_string()
        };
        Some(KafkaCluster {
            brokers: get("EVCTL_TEST_KAFKA_BROKERS"),
            dir,
            nodes,
        })
    }

    /// The PLAINTEXT address of node `id` (1-based).
    pub fn addr_of(&self, id: i32) -> String {
        self.brokers
            .split(',')
            .nth((id - 1) as usize)
            .unwrap()
            .to_string()
    }

    fn node(&self, verb: &str, id: i32) {
        let status = Command::new(script())
            .arg(verb)
            .arg(self.dir.path())
            .arg(id.to_string())
            .stdin(Stdio::null())
            .status()
            .expect("run scripts/kafka.sh");
        assert!(status.success(), "scripts/kafka.sh {verb} {id} failed");
    }

    /// SIGKILLs node `id` and waits until it is gone.
    pub fn kill_node(&self, id: i32) {
        self.node("kill-node", id);
    }

    /// Starts node `id` again on its ports and data, and waits until it accepts connections.
    pub fn start_node(&self, id: i32) {
        self.node("start-node", id);
        super::wait_for_port(&self.addr_of(id), Duration::from_secs(60));
    }

    /// SIGKILLs every node.
    pub fn kill_all(&self) {
        for id in 1..=self.nodes as i32 {
            self.kill_node(id);
        }
    }
}

impl Drop for KafkaCluster {
    fn drop(&mut self) {
        let _ = Command::new(script())
            .arg("stop")
            .arg(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Runs one of Kafka's own tools (`class` is its main class, e.g.
/// `org.apache.kafka.tools.TopicCommand`) with `args`, stdin from `input`, within `limit`.
pub fn tool(class: &str, args: &[&str], input: Option<&[u8]>, limit: Duration) -> Output {
    use std::io::Write;
    let mut child = Command::new(script())
        .arg("tool")
        .arg(class)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run scripts/kafka.sh tool");
    if let Some(input) = input {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input).unwrap();
    }
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let out = child.wait_with_output();
        let _ = tx.send(());
        out
    });
    if rx.recv_timeout(limit).is_err() {
        // the JVM is the script's exec'd process: the pid is the tool's
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        let out = waiter.join().unwrap().unwrap();
        panic!(
            "{class} {args:?} did not finish within {limit:?}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    waiter.join().unwrap().expect("Kafka tool output")
}

/// Starts one of Kafka's tools in the background (a live consumer); output discarded.
pub fn spawn_tool(class: &str, args: &[&str]) -> std::process::Child {
    Command::new(script())
        .arg("tool")
        .arg(class)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run scripts/kafka.sh tool")
}

/// Runs a Kafka tool and returns its stdout, failing the test on a non-zero exit.
#[track_caller]
pub fn tool_ok(class: &str, args: &[&str], input: Option<&[u8]>) -> String {
    let out = tool(class, args, input, Duration::from_secs(90));
    assert!(
        out.status.success(),
        "{class} {args:?} failed ({}):\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
