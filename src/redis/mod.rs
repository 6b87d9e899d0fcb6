//! Redis as a transport: connecting (one server or a Redis Cluster, TLS, a password never taken
//! from a flag) and the errors that name the address and the reason; [`stream`] reads and writes
//! streams through the seam (`transport::Source`, `transport::Sink`).

pub mod bullmq;
pub mod flags;
pub mod info;
pub mod lag;
pub mod pending;
pub mod stream;
pub mod trim;

use std::path::PathBuf;
use std::time::Duration;

use redis::aio::{ConnectionLike, MultiplexedConnection};
use redis::cluster_async::ClusterConnection;
use redis::{Cmd, ConnectionAddr, IntoConnectionInfo, Pipeline, RedisFuture, Value};

use crate::error::usage_hint;

/// Where the Redis server is and how to log in, resolved from flags, environment and context.
#[derive(Debug, Clone, Default)]
pub struct RedisOptions {
    /// `redis://[user@]host:port[/db]` or `rediss://` (TLS); several for a Redis Cluster.
    pub urls: Vec<String>,
    /// The password (from `EVCTL_REDIS_PASSWORD`, a file, or the context's `password_env` /
    /// `password_file`).
    pub password: Option<String>,
    /// PEM CA bundle to verify the server with (the system's roots otherwise).
    pub ca_file: Option<PathBuf>,
    /// PEM client certificate and key, for mutual TLS.
    pub cert_file: Option<PathBuf>,
    pub key_file: Option<PathBuf>,
    /// Accept any server certificate (throwaway test servers only).
    pub insecure: bool,
    /// Connect and request deadline (not for blocking reads, which wait on purpose).
    pub timeout: Duration,
}

/// True for a `redis://` or `rediss://` URL: the target is Redis, not Kafka.
pub fn is_redis_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("redis://") || lower.starts_with("rediss://")
}

/// A connection to one server or to a cluster; commands go through [`ConnectionLike`].
#[derive(Clone)]
pub enum Conn {
    Single(MultiplexedConnection),
    Cluster(ClusterConnection),
}

impl ConnectionLike for Conn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            Conn::Single(c) => c.req_packed_command(cmd),
            Conn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            Conn::Single(c) => c.req_packed_commands(pipeline, offset, count),
            Conn::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Conn::Single(c) => c.get_db(),
            Conn::Cluster(c) => c.get_db(),
        }
    }
}

/// A connected server: the connection and the address it is known by in messages.
#[derive(Clone)]
pub struct Redis {
    pub conn: Conn,
    /// `host:port` (the first node of a cluster), for messages.
    pub addr: String,
    /// The deadline of a request (a blocking read adds its blocking time).
    pub timeout: Duration,
}

impl Redis {
    /// Runs a command whose reply is large (a read): the reply as it came, without the walk
    /// through it that typed replies get; an error reply is an error. `within` bounds the wait.
    pub async fn read(conn: &mut Conn, cmd: &Cmd, within: Duration) -> redis::RedisResult<Value> {
        let reply = tokio::time::timeout(within, conn.req_packed_command(cmd)).await;
        let reply = reply.map_err(|_| {
            redis::RedisError::from(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("no answer within {}", crate::units::format_duration(within)),
            ))
        })?;
        match reply? {
            Value::ServerError(e) => Err(e.into()),
            v => Ok(v),
        }
    }

    /// Runs one command, with the address in its error.
    pub async fn query<T: redis::FromRedisValue>(&mut self, cmd: &Cmd) -> anyhow::Result<T> {
        let answer = tokio::time::timeout(self.timeout, cmd.query_async(&mut self.conn)).await;
        answer
            .map_err(|_| self.late())?
            .map_err(|e| failure(&self.addr, e))
    }

    /// Connected to a Redis Cluster (a script's keys must share a slot, SCAN sees one node).
    pub fn is_cluster(&self) -> bool {
        matches!(self.conn, Conn::Cluster(_))
    }

    /// The error of a request that got no answer in time.
    pub fn late(&self) -> anyhow::Error {
        anyhow::anyhow!(
            "Redis at {} did not answer within {} (--timeout)",
            self.addr,
            crate::units::format_duration(self.timeout)
        )
    }
}

/// Connects (and authenticates, which `PING` proves) to the server or cluster the options name;
/// one URL of a cluster's node connects to the cluster.
pub async fn connect(opts: &RedisOptions) -> anyhow::Result<Redis> {
    let r = connect_to(opts, false).await?;
    if let Conn::Single(_) = r.conn {
        let mut probe = r.clone();
        let info: String = probe.query(redis::cmd("INFO").arg("cluster")).await?;
        if info.contains("cluster_enabled:1") {
            return connect_to(opts, true).await;
        }
    }
    Ok(r)
}

async fn connect_to(opts: &RedisOptions, cluster: bool) -> anyhow::Result<Redis> {
    if opts.urls.is_empty() {
        return Err(crate::error::usage("no Redis URL given"));
    }
    // the ring provider for redis' rustls client config (process-wide, set once)
    let _ = rustls::crypto::CryptoProvider::install_default(std::sync::Arc::unwrap_or_clone(
        crate::tls::provider(),
    ));
    let mut infos = Vec::with_capacity(opts.urls.len());
    for url in &opts.urls {
        infos.push(connection_info(url, opts)?);
    }
    let addr = match infos[0].addr() {
        ConnectionAddr::Tcp(h, p)
        | ConnectionAddr::TcpTls {
            host: h, port: p, ..
        } => {
            format!("{h}:{p}")
        }
        ConnectionAddr::Unix(p) => p.display().to_string(),
        other => format!("{other:?}"),
    };
    let certs = certificates(opts)?;
    let conn = if infos.len() == 1 && !cluster {
        let info = infos.remove(0);
        let tls = matches!(info.addr(), ConnectionAddr::TcpTls { .. });
        let client = match (&certs, tls) {
            (Some(c), true) => redis::Client::build_with_tls(info, c.clone()),
            _ => redis::Client::open(info),
        }
        .map_err(|e| failure(&addr, e))?;
        let config = redis::AsyncConnectionConfig::new()
            .set_connection_timeout(Some(opts.timeout))
            // blocking reads (XREAD BLOCK) wait longer than any deadline on purpose
            .set_response_timeout(None);
        Conn::Single(
            client
                .get_multiplexed_async_connection_with_config(&config)
                .await
                .map_err(|e| failure(&addr, e))?,
        )
    } else {
        let mut b = redis::cluster::ClusterClientBuilder::new(infos)
            .connection_timeout(opts.timeout)
            .response_timeout(Duration::from_secs(24 * 3600));
        if let Some(c) = certs {
            b = b.certs(c);
        }
        let client = b.build().map_err(|e| failure(&addr, e))?;
        Conn::Cluster(
            client
                .get_async_connection()
                .await
                .map_err(|e| failure(&addr, e))?,
        )
    };
    let mut r = Redis {
        conn,
        addr,
        timeout: opts.timeout,
    };
    let _: String = r.query(&redis::cmd("PING")).await?;
    Ok(r)
}

/// The connection info of one URL, with the password from the options (never from the URL).
fn connection_info(url: &str, opts: &RedisOptions) -> anyhow::Result<redis::ConnectionInfo> {
    let shown = url.split('@').next_back().unwrap_or(url);
    let info = url.into_connection_info().map_err(|e| {
        usage_hint(
            format!("invalid Redis URL {shown:?}: {e}"),
            "write redis://[user@]host:port[/db], or rediss:// for TLS",
        )
    })?;
    if info.redis_settings().password().is_some() {
        return Err(usage_hint(
            "a Redis URL must not hold the password (it would show in process lists and shell history)",
            "put it in EVCTL_REDIS_PASSWORD or EVCTL_REDIS_PASSWORD_FILE, or the context's redis.password_env/password_file",
        ));
    }
    let mut settings = info.redis_settings().clone();
    if let Some(p) = &opts.password {
        settings = settings.set_password(p);
    }
    let addr = match info.addr().clone() {
        ConnectionAddr::TcpTls {
            host,
            port,
            tls_params,
            ..
        } => ConnectionAddr::TcpTls {
            host,
            port,
            insecure: opts.insecure,
            tls_params,
        },
        other => other,
    };
    Ok(info.set_addr(addr).set_redis_settings(settings))
}

/// The CA and client certificate files, read for a TLS connection.
fn certificates(opts: &RedisOptions) -> anyhow::Result<Option<redis::TlsCertificates>> {
    let read = |p: &PathBuf, what: &str| {
        std::fs::read(p).map_err(|e| {
            crate::error::usage(format!("cannot read the Redis {what} {}: {e}", p.display()))
        })
    };
    let root_cert = opts
        .ca_file
        .as_ref()
        .map(|p| read(p, "CA file"))
        .transpose()?;
    let client_tls = match (&opts.cert_file, &opts.key_file) {
        (Some(c), Some(k)) => Some(redis::ClientTlsConfig {
            client_cert: read(c, "client certificate")?,
            client_key: read(k, "client key")?,
        }),
        (None, None) => None,
        _ => {
            return Err(crate::error::usage(
                "a Redis client certificate needs both a certificate and a key file",
            ));
        }
    };
    if root_cert.is_none() && client_tls.is_none() {
        return Ok(None);
    }
    Ok(Some(redis::TlsCertificates {
        client_tls,
        root_cert,
    }))
}

/// The keys of one type whose names match a glob (SCAN with MATCH and TYPE; one server), sorted.
pub async fn scan(redis: &mut Redis, pattern: &str, kind: &str) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut cursor = "0".to_string();
    loop {
        let v: Value = redis
            .query(
                redis::cmd("SCAN")
                    .arg(&cursor)
                    .arg("MATCH")
                    .arg(pattern)
                    .arg("COUNT")
                    .arg(1000)
                    .arg("TYPE")
                    .arg(kind),
            )
            .await?;
        let parts = stream::list(&v);
        cursor = parts.first().map(info::text).unwrap_or_else(|| "0".into());
        out.extend(
            parts
                .get(1)
                .map(stream::list)
                .unwrap_or_default()
                .iter()
                .map(info::text),
        );
        if cursor == "0" {
            break;
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Sends a pipeline within the request deadline; its replies, an error reply among them an
/// error.
pub async fn pipeline(redis: &mut Redis, pipe: &Pipeline) -> anyhow::Result<Vec<Value>> {
    let addr = redis.addr.clone();
    let answer = tokio::time::timeout(redis.timeout, pipe.query_async(&mut redis.conn)).await;
    answer
        .map_err(|_| redis.late())?
        .map_err(|e| failure(&addr, e))
}

/// Runs a Lua script (EVALSHA, loading it once when the server does not have it) within the
/// request deadline.
pub async fn script(redis: &mut Redis, inv: &redis::ScriptInvocation<'_>) -> anyhow::Result<Value> {
    let addr = redis.addr.clone();
    let answer = tokio::time::timeout(redis.timeout, inv.invoke_async(&mut redis.conn)).await;
    answer
        .map_err(|_| redis.late())?
        .map_err(|e| failure(&addr, e))
}

/// A Redis error as a failure naming the address and the reason.
pub fn failure(addr: &str, e: redis::RedisError) -> anyhow::Error {
    let text = e.to_string();
    let why = if e.is_connection_refusal() {
        format!("cannot connect to Redis at {addr}: connection refused ({text})")
    } else if e.kind() == redis::ErrorKind::AuthenticationFailed
        || text.contains("WRONGPASS")
        || text.contains("NOAUTH")
    {
        format!(
            "Redis at {addr} refused the login: {text} (check the user in the URL and EVCTL_REDIS_PASSWORD)"
        )
    } else if e.is_timeout() {
        format!("Redis at {addr} did not answer in time: {text}")
    } else if text.to_ascii_lowercase().contains("certificate")
        || text.to_ascii_lowercase().contains("tls")
        || text.contains("handshake")
    {
        format!("TLS with Redis at {addr} failed: {text}")
    } else if text.contains("WRONGTYPE") {
        format!("Redis at {addr}: a key holds another type than the command needs: {text}")
    } else {
        format!("Redis at {addr}: {text}")
    };
    anyhow::anyhow!(why)
}
