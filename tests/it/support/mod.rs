//! Test support: running the built binary hermetically, and the live brokers started by
//! `scripts/test.sh` (or privately, per test, for fault tests).

pub mod kafka;
pub mod proxy;
pub mod registry;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The evctl binary cargo built for these tests.
pub fn evctl_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_evctl"))
}

/// What a run of evctl produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// stdout as it was written (`stdout` replaces bytes that are not UTF-8).
    pub stdout_bytes: Vec<u8>,
    /// The process's peak resident memory in KiB, when run [`Evctl::measured`] (else 0).
    pub peak_kib: u64,
}

impl Run {
    /// Panics with the whole output unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(self, code: i32) -> Self {
        if std::env::var_os("EVCTL_TEST_SHOW").is_some() {
            eprintln!(
                "--- exit {}\n--- stdout:\n{}--- stderr:\n{}",
                self.code, self.stdout, self.stderr
            );
        }
        assert_eq!(
            self.code, code,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Parses stdout as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A hermetic evctl invocation: empty HOME, no EVCTL_* or colour variables from the outside.
pub struct Evctl {
    cmd: Command,
    _home: tempfile::TempDir,
    pub home: PathBuf,
    /// Bytes written to the process's stdin (then closed); stdin is empty without them.
    input: Option<Vec<u8>>,
    /// Where GNU time writes the peak memory, when measured.
    peak: Option<PathBuf>,
}

impl Evctl {
    pub fn new() -> Self {
        Self::with(Command::new(evctl_bin()), None)
    }

    /// Like [`Evctl::new`], run under GNU time so the run reports evctl's own peak memory. (A
    /// `wait4` from this process would not do: an exec keeps the peak of the memory it
    /// replaces, here a copy of the test binary's.)
    pub fn measured() -> Self {
        let file = tempfile::NamedTempFile::new()
            .unwrap()
            .into_temp_path()
            .keep()
            .unwrap();
        let mut cmd = Command::new("/usr/bin/time");
        cmd.args(["-f", "%M", "-o"]).arg(&file).arg(evctl_bin());
        Self::with(cmd, Some(file))
    }

    fn with(mut cmd: Command, peak: Option<PathBuf>) -> Self {
        let home = tempfile::tempdir().unwrap();
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd.env("HOME", home.path());
        cmd.stdin(Stdio::null());
        let path = home.path().to_path_buf();
        Evctl {
            cmd,
            _home: home,
            home: path,
            input: None,
            peak,
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn arg(mut self, a: &str) -> Self {
        self.cmd.arg(a);
        self
    }

    pub fn arg_path(mut self, p: &Path) -> Self {
        self.cmd.arg(p);
        self
    }

    /// Feeds these bytes to evctl's stdin (closed after them) instead of an empty stdin.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.input = Some(input.into());
        self
    }

    /// Runs in `dir` (so relative paths in the output stay short).
    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    pub fn env(mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(k, v);
        self
    }

    /// Writes `~/.config/evctl/config.yaml` in the hermetic home.
    pub fn config(self, yaml: &str) -> Self {
        let dir = self.home.join(".config/evctl");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.yaml"), yaml).unwrap();
        self
    }

    /// Runs to completion, failing the test if it takes longer than `limit`. Output is drained
    /// while it runs, so a large output cannot fill the pipe and block the child.
    pub fn run_within(mut self, limit: Duration) -> Run {
        use std::io::Read;
        if self.input.is_some() {
            self.cmd.stdin(Stdio::piped());
        }
        let mut child = self
            .cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn evctl");
        // written on a thread of its own (then closed), so a child that writes before it has read
        // everything cannot deadlock with us; a child that exits early just breaks the pipe
        let feeder = self.input.take().map(|input| {
            let mut stdin = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                use std::io::Write;
                let _ = stdin.write_all(&input);
            })
        });
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        };
        let out = drain(Box::new(child.stdout.take().unwrap()));
        let err = drain(Box::new(child.stderr.take().unwrap()));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                let stderr = err.join().unwrap();
                panic!(
                    "evctl did not finish within {limit:?} (a hang)\nstderr:\n{}",
                    String::from_utf8_lossy(&stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        if let Some(f) = feeder {
            let _ = f.join();
        }
        let stdout_bytes = out.join().unwrap();
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout_bytes).into_owned(),
            stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
            stdout_bytes,
            peak_kib: self.peak.as_ref().map_or(0, |p| {
                let text = std::fs::read_to_string(p).unwrap_or_default();
                // GNU time prints "Command exited with non-zero status N" before the figure
                let last = text.lines().last().unwrap_or("");
                last.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("no peak memory in {text:?}"))
            }),
        }
    }

    /// Starts evctl without waiting (signals tests). The home directory lives as long as the guard.
    pub fn spawn(mut self) -> (Child, tempfile::TempDir) {
        let child = self
            .cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn evctl");
        (child, self._home)
    }

    pub fn run(self) -> Run {
        self.run_within(Duration::from_secs(60))
    }

    pub fn home(&self) -> &Path {
        &self.home
    }
}

/// A Kafka-compatible broker the tests run against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Noida,
    Tansu,
    /// Apache Kafka itself: a 3-node KRaft cluster (scripts/kafka.sh), the reference.
    Kafka,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Noida => "noida-db",
            Kind::Tansu => "tansu",
            Kind::Kafka => "kafka",
        }
    }
    fn env_prefix(self) -> &'static str {
        match self {
            Kind::Noida => "EVCTL_TEST_NOIDA",
            Kind::Tansu => "EVCTL_TEST_TANSU",
            Kind::Kafka => "EVCTL_TEST_KAFKA",
        }
    }
    /// The cluster id the broker reports: noida-db's is a constant in its source; tansu's is the
    /// `--cluster-id` scripts/brokers.sh passes; Kafka's is made at format time (scripts/kafka.sh
    /// writes it to the env file).
    pub fn cluster_id(self) -> String {
        match self {
            Kind::Noida => "MkU3OEVBNTctOEUyRi00".into(),
            Kind::Tansu => "evctl-test".into(),
            Kind::Kafka => std::env::var("EVCTL_TEST_KAFKA_CLUSTER_ID").unwrap_or_default(),
        }
    }
    /// The node ids of the cluster: noida-db's one broker is 1, tansu's 111, Kafka's those
    /// scripts/kafka.sh (or, for an external cluster, scripts/test.sh) wrote to the env: 1, 2, 3.
    pub fn node_ids(self) -> Vec<i64> {
        match self {
            Kind::Noida => vec![1],
            Kind::Tansu => vec![111],
            Kind::Kafka => std::env::var("EVCTL_TEST_KAFKA_NODE_IDS")
                .ok()
                .map(|ids| {
                    ids.split(',')
                        .filter_map(|i| i.trim().parse().ok())
                        .collect()
                })
                .filter(|ids: &Vec<i64>| !ids.is_empty())
                .unwrap_or_else(|| vec![1, 2, 3]),
        }
    }
    /// The replication factor tests create topics with: 3 on the real cluster (with
    /// min.insync.replicas=2, see [`Kind::topic_configs`]), 1 on the single-node stand-ins.
    pub fn rf(self) -> i32 {
        match self {
            Kind::Kafka => self.node_ids().len().min(3) as i32,
            _ => 1,
        }
    }
    /// The topic configs every test topic gets on this broker, as YAML flow-map entries
    /// (`key: value, ...`), empty when none.
    pub fn topic_configs(self) -> &'static str {
        match self {
            // Kafka 4 rejects records stamped over an hour ahead (message.timestamp.after.max.ms);
            // the tests' fixed record times lie in 2031, so that retention keeps them
            Kind::Kafka => {
                "min.insync.replicas: 2, message.timestamp.after.max.ms: 9223372036854775807"
            }
            _ => "",
        }
    }
    /// A topics.yaml entry for one test topic on this broker (RF and min.insync.replicas included),
    /// with `configs` (YAML flow-map entries) added to the broker's own.
    pub fn topic_yaml(self, name: &str, partitions: i32, configs: &str) -> String {
        let all: Vec<&str> = [self.topic_configs(), configs]
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        let mut yaml = format!(
            "  - name: {name}\n    partitions: {partitions}\n    replication_factor: {}\n",
            self.rf()
        );
        if !all.is_empty() {
            yaml.push_str(&format!("    configs: {{{}}}\n", all.join(", ")));
        }
        yaml
    }
    /// The kind whose shared broker (or cluster) serves `addr`, from scripts/test.sh's env.
    pub fn of_addr(addr: &str) -> Kind {
        [Kind::Kafka, Kind::Tansu]
            .into_iter()
            .find(|k| {
                std::env::var(format!("{}_BROKERS", k.env_prefix()))
                    .is_ok_and(|a| !a.is_empty() && a == addr)
            })
            .unwrap_or(Kind::Noida)
    }
}

/// CI=true (or 1): a system that cannot be started is a failure, not a skip.
pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Records a named skip: on stderr and in $EVCTL_SKIP_LOG, which scripts/test.sh prints at the end.
pub fn skip(test: &str, reason: &str) {
    let line = format!("SKIPPED {test}: {reason}");
    eprintln!("{line}");
    if let Some(log) = std::env::var_os("EVCTL_SKIP_LOG") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
        {
            let _ = writeln!(f, "{line}");
        }
    }
}

/// The shared broker of a kind, started by scripts/test.sh. `None` (after a named skip) when it is
/// not configured; under CI=true a missing broker fails the test.
pub fn broker(kind: Kind, test: &str) -> Option<String> {
    let var = format!("{}_BROKERS", kind.env_prefix());
    match std::env::var(&var) {
        Ok(addr) if !addr.is_empty() => Some(addr),
        _ => {
            assert!(
                !ci(),
                "{var} is not set: under CI=true the {} broker must be running (use scripts/test.sh)",
                kind.name()
            );
            skip(
                test,
                &format!(
                    "{} broker not running ({var} unset; run scripts/test.sh)",
                    kind.name()
                ),
            );
            None
        }
    }
}

/// Runs `f` to completion on a runtime of its own (library calls from a test).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// A library client for the bootstrap list `addr` (`host:port[,host:port...]`).
pub async fn client(addr: &str) -> evctl::kafka::Client {
    evctl::kafka::Client::connect(evctl::kafka::ClientOptions::new(
        addr.split(',').map(String::from).collect(),
    ))
    .await
    .unwrap()
}

/// The API keys a broker advertises, asked through ApiVersions.
pub fn api_keys(addr: &str) -> Vec<i16> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // the first of a bootstrap list
    let addr = addr.split(',').next().unwrap();
    rt.block_on(async {
        let conn =
            evctl::kafka::Connection::connect(addr, &Default::default(), Duration::from_secs(10))
                .await
                .expect("ApiVersions");
        conn.versions().iter().map(|(k, _, _)| k).collect()
    })
}

/// True when the broker supports `key`; otherwise records a named skip.
pub fn require_api(
    addr: &str,
    kind: Kind,
    key: kafka_protocol::messages::ApiKey,
    test: &str,
) -> bool {
    if api_keys(addr).contains(&(key as i16)) {
        true
    } else {
        skip(
            test,
            &format!(
                "{} does not support {key:?} (not in its ApiVersions)",
                kind.name()
            ),
        );
        false
    }
}

/// A broker started for one test (fault tests kill it). Killed when dropped.
pub struct PrivateBroker {
    pub addr: String,
    child: Option<Child>,
    cluster: Option<kafka::KafkaCluster>,
    _dir: tempfile::TempDir,
}

impl PrivateBroker {
    /// Starts a broker of `kind` on a free loopback port (for Kafka, a one-node KRaft cluster), or
    /// skips (fails under CI) without its binary.
    pub fn start(kind: Kind, test: &str) -> Option<PrivateBroker> {
        if kind == Kind::Kafka {
            let cluster = kafka::KafkaCluster::start(1, test)?;
            return Some(PrivateBroker {
                addr: cluster.brokers.clone(),
                child: None,
                cluster: Some(cluster),
                _dir: tempfile::tempdir().unwrap(),
            });
        }
        let var = format!("{}_BIN", kind.env_prefix());
        let Some(bin) = std::env::var_os(&var) else {
            assert!(
                !ci(),
                "{var} is not set under CI=true (use scripts/test.sh)"
            );
            skip(
                test,
                &format!(
                    "{} binary unknown ({var} unset; run scripts/test.sh)",
                    kind.name()
                ),
            );
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let addr = format!("127.0.0.1:{port}");
        let mut cmd = Command::new(bin);
        cmd.current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match kind {
            Kind::Noida => {
                cmd.args([
                    "start",
                    "--only",
                    "kafka",
                    "--host",
                    "127.0.0.1",
                    "--kafka-port",
                    &port.to_string(),
                    "--data-dir",
                ])
                .arg(dir.path());
            }
            Kind::Tansu => {
                let url = format!("tcp://{addr}");
                cmd.args([
                    "broker",
                    "--cluster-id",
                    "evctl-test",
                    "--listener-url",
                    &url,
                    "--advertised-listener-url",
                    &url,
                    "--storage-engine",
                    "memory://tansu/",
                ]);
            }
            Kind::Kafka => unreachable!("started above"),
        }
        let child = cmd.spawn().expect("start broker");
        let broker = PrivateBroker {
            addr,
            child: Some(child),
            cluster: None,
            _dir: dir,
        };
        wait_for_port(&broker.addr, Duration::from_secs(20));
        Some(broker)
    }

    /// Kills the broker now (SIGKILL) and waits until it is gone.
    pub fn kill(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(cluster) = &self.cluster {
            cluster.kill_all();
        }
    }
}

impl Drop for PrivateBroker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A free loopback port.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until something accepts connections on `addr`.
pub fn wait_for_port(addr: &str, limit: Duration) {
    let start = Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            start.elapsed() < limit,
            "nothing listens on {addr} after {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Declares a test that runs once per named broker: `on_brokers!(NAME: Noida => noida, ...)`
/// makes `mod NAME { #[test] fn noida() { super::NAME(Kind::Noida, "...::noida") } ... }`.
#[macro_export]
macro_rules! on_brokers {
    ($name:ident: $($kind:ident => $test:ident),+) => {
        mod $name {
            $(
                #[test]
                fn $test() {
                    super::$name(
                        $crate::support::Kind::$kind,
                        concat!(module_path!(), "::", stringify!($test)),
                    );
                }
            )+
        }
    };
}

/// Declares a test that runs once against each broker: `mod NAME { fn noida(); fn tansu(); fn kafka(); }`.
#[macro_export]
macro_rules! on_each_broker {
    ($name:ident) => {
        $crate::on_brokers!($name: Noida => noida, Tansu => tansu, Kafka => kafka);
    };
}

/// Declares a test of the real Kafka cluster only (its own tools, ACLs, KIP-848 groups):
/// `mod NAME { fn kafka(); }`.
#[macro_export]
macro_rules! on_kafka {
    ($name:ident) => {
        $crate::on_brokers!($name: Kafka => kafka);
    };
}

/// Declares a test that runs against noida-db and the real Kafka cluster, for checks tansu cannot
/// take part in (kcat does not talk to tansu): `mod NAME { fn noida(); fn kafka(); }`.
#[macro_export]
macro_rules! on_noida_and_kafka {
    ($name:ident) => {
        $crate::on_brokers!($name: Noida => noida, Kafka => kafka);
    };
}

/// Creates topics `(name, partitions)` with `evctl apply --yes`, replicated as the broker at
/// `addr` wants test topics (RF 3 and min.insync.replicas=2 on the real Kafka cluster).
pub fn create_topics(addr: &str, topics: &[(&str, i32)]) {
    create_topics_on(Kind::of_addr(addr), addr, topics);
}

/// [`create_topics`] on a cluster of `kind` (a private one, which [`Kind::of_addr`] cannot know).
pub fn create_topics_on(kind: Kind, addr: &str, topics: &[(&str, i32)]) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("topics.yaml");
    let mut yaml = String::from("topics:\n");
    for (name, partitions) in topics {
        yaml.push_str(&kind.topic_yaml(name, *partitions, ""));
    }
    std::fs::write(&spec, yaml).unwrap();
    Evctl::new()
        .args(["-b", addr, "apply"])
        .arg_path(&spec)
        .arg("--yes")
        .run()
        .expect_code(0);
}

/// Sends SIGINT (Ctrl-C) to a child.
pub fn sigint(child: &Child) {
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
}

/// The Python of the project's venv (scripts/setup.sh makes it; EVCTL_VENV overrides it).
pub fn venv_python() -> PathBuf {
    std::env::var_os("EVCTL_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv"))
        .join("bin/python")
}
