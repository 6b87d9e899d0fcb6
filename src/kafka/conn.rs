//! One broker connection: TCP (optionally TLS), ApiVersions, SASL, then pipelined requests matched to
//! their responses by correlation id.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kafka_protocol::ResponseError;
use kafka_protocol::messages::{
    ApiVersionsRequest, ApiVersionsResponse, SaslAuthenticateRequest, SaslHandshakeRequest,
};
use kafka_protocol::protocol::{Request, StrBytes};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadHalf, WriteHalf};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

use super::error::{ConnectFailure, KafkaError, Result};
use super::frame::{self, FrameError};
use super::sasl::{self, Mechanism, ScramClient};
use super::versions::ApiVersionTable;
use crate::tls::{self, TlsOptions};

/// SASL credentials. The password is never printed (see `Debug`).
#[derive(Clone, PartialEq, Eq)]
pub struct SaslOptions {
    pub mechanism: Mechanism,
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for SaslOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaslOptions")
            .field("mechanism", &self.mechanism)
            .field("username", &self.username)
            .field("password", &"***")
            .finish()
    }
}

/// How to open connections.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    pub client_id: String,
    pub tls: Option<TlsOptions>,
    pub sasl: Option<SaslOptions>,
    /// Counts the requests sent on every connection opened with these options (benchmarks,
    /// `-v` summaries).
    pub requests: Arc<AtomicU64>,
    /// The global cap on a response frame, in bytes (`EVCTL_MAX_RESPONSE`); each request also
    /// has its own, smaller limit where its answer is small (see [`frame::response_limit`]).
    pub max_response: usize,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            client_id: "evctl".to_string(),
            tls: None,
            sasl: None,
            requests: Arc::new(AtomicU64::new(0)),
            max_response: frame::MAX_FRAME,
        }
    }
}

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}
type BoxStream = Box<dyn Stream>;

/// Marks a connection that died of a TLS error (an alert after the handshake, like a missing client
/// certificate under TLS 1.3), so the handshake can report it as a TLS failure.
const TLS_PREFIX: &str = "TLS failure: ";

/// Marks a connection closed because the peer broke the protocol (a frame refused unread): the
/// requests on it fail as protocol errors, which are not retried, not as a lost connection.
const VIOLATION_PREFIX: &str = "protocol violation: ";

/// The error of a request whose connection closed for `reason`.
pub fn broken(addr: &str, reason: String) -> KafkaError {
    match reason.strip_prefix(VIOLATION_PREFIX) {
        Some(r) => KafkaError::Protocol {
            addr: addr.to_string(),
            reason: r.to_string(),
        },
        None => KafkaError::Disconnected {
            addr: addr.to_string(),
            reason,
        },
    }
}

/// Who waits for a response: a whole frame, or a stream of its chunks (big Fetch responses, read
/// with bounded memory whatever size the broker sends).
enum Waiter {
    Whole(oneshot::Sender<std::result::Result<Bytes, String>>),
    Stream(tokio::sync::mpsc::Sender<std::result::Result<Bytes, String>>),
}

/// A request in flight: who waits, and the largest answer it accepts.
struct InFlight {
    waiter: Waiter,
    limit: usize,
}

/// How many abandoned correlation ids are remembered (their late answers are skipped, not refused).
const ABANDONED_KEPT: usize = 4096;

/// The chunks of a streamed response body (after the correlation id), in order; an `Err` says why
/// the connection broke; the channel closes at the end of the frame.
pub type ResponseChunks = tokio::sync::mpsc::Receiver<std::result::Result<Bytes, String>>;

/// Size of the chunks of a streamed response.
const STREAM_CHUNK: usize = 256 * 1024;

#[derive(Default)]
struct Pending {
    waiters: HashMap<i32, InFlight>,
    /// Requests given up on (deadline, cancellation): a late answer to one is read and dropped.
    /// An answer to any other id matches nothing evctl sent and closes the connection.
    abandoned: std::collections::BTreeSet<i32>,
    /// The largest late answer to an abandoned request that is read and dropped: the global cap.
    abandoned_limit: usize,
    /// Set once the reader stops: why the connection is dead.
    closed: Option<String>,
}

/// Removes a waiter when its request is abandoned (deadline, cancellation).
struct WaiterGuard<'a> {
    pending: &'a Mutex<Pending>,
    id: i32,
}

impl Drop for WaiterGuard<'_> {
    fn drop(&mut self) {
        let mut p = lock(self.pending);
        if p.waiters.remove(&self.id).is_some() {
            p.abandon(self.id);
        }
    }
}

impl Pending {
    fn abandon(&mut self, id: i32) {
        self.abandoned.insert(id);
        if self.abandoned.len() > ABANDONED_KEPT {
            self.abandoned.pop_first();
        }
    }
}

fn lock(m: &Mutex<Pending>) -> std::sync::MutexGuard<'_, Pending> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An open, negotiated (and authenticated) connection to one broker.
pub struct Connection {
    addr: String,
    client_id: String,
    requests: Arc<AtomicU64>,
    writer: tokio::sync::Mutex<WriteHalf<BoxStream>>,
    pending: Arc<Mutex<Pending>>,
    next_id: AtomicI32,
    versions: ApiVersionTable,
    max_response: usize,
    reader: tokio::task::JoinHandle<()>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.reader.abort();
    }
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("addr", &self.addr)
            .finish()
    }
}

fn classify_io(e: &std::io::Error) -> ConnectFailure {
    match e.kind() {
        std::io::ErrorKind::ConnectionRefused => ConnectFailure::Refused,
        std::io::ErrorKind::TimedOut => ConnectFailure::TimedOut,
        _ => ConnectFailure::Io(e.to_string()),
    }
}

/// Splits `host:port` (or `[v6]:port`).
pub fn split_host_port(addr: &str) -> std::result::Result<(&str, u16), String> {
    let (host, port) = addr
        .rsplit_once(':')
        .ok_or_else(|| format!("{addr:?} is not host:port"))?;
    let port = port
        .parse()
        .map_err(|_| format!("{addr:?} has an invalid port {port:?}"))?;
    if host.is_empty() {
        return Err(format!("{addr:?} has no host"));
    }
    Ok((host, port))
}

async fn open_tcp(addr: &str) -> std::result::Result<TcpStream, ConnectFailure> {
    let (host, port) = split_host_port(addr).map_err(ConnectFailure::Resolve)?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let targets: Vec<_> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| ConnectFailure::Resolve(e.to_string()))?
        .collect();
    if targets.is_empty() {
        return Err(ConnectFailure::Resolve(format!("{host} has no addresses")));
    }
    let mut last = ConnectFailure::Refused;
    for target in targets {
        match TcpStream::connect(target).await {
            Ok(s) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
            Err(e) => last = classify_io(&e),
        }
    }
    Err(last)
}

impl Connection {
    /// Connects to `addr`, negotiates versions and authenticates, all within `timeout`.
    pub async fn connect(
        addr: &str,
        opts: &ConnectOptions,
        timeout: Duration,
    ) -> Result<Arc<Connection>> {
        match tokio::time::timeout(timeout, Self::connect_inner(addr, opts)).await {
            Ok(Ok(c)) => Ok(c),
            Ok(Err(failure)) => Err(KafkaError::Connect {
                addr: addr.to_string(),
                failure,
            }),
            Err(_) => Err(KafkaError::Connect {
                addr: addr.to_string(),
                failure: ConnectFailure::TimedOut,
            }),
        }
    }

    async fn connect_inner(
        addr: &str,
        opts: &ConnectOptions,
    ) -> std::result::Result<Arc<Connection>, ConnectFailure> {
        let tcp = open_tcp(addr).await?;
        let stream: BoxStream = match &opts.tls {
            None => Box::new(tcp),
            Some(tls_opts) => {
                let connector =
                    tls::connector(tls_opts).map_err(|e| ConnectFailure::Tls(e.to_string()))?;
                let (host, _) = split_host_port(addr).map_err(ConnectFailure::Resolve)?;
                let name = tls::server_name(tls_opts, host)
                    .map_err(|e| ConnectFailure::Tls(e.to_string()))?;
                let tls_stream = connector
                    .connect(name, tcp)
                    .await
                    .map_err(|e| ConnectFailure::Tls(tls::describe_handshake_error(&e)))?;
                Box::new(tls_stream)
            }
        };
        Self::handshake(addr, stream, opts).await
    }

    async fn handshake(
        addr: &str,
        stream: BoxStream,
        opts: &ConnectOptions,
    ) -> std::result::Result<Arc<Connection>, ConnectFailure> {
        let (read, write) = tokio::io::split(stream);
        let pending = Arc::new(Mutex::new(Pending {
            abandoned_limit: opts.max_response,
            ..Pending::default()
        }));
        let reader = tokio::spawn(read_loop(read, pending.clone()));
        let mut conn = Connection {
            addr: addr.to_string(),
            client_id: opts.client_id.clone(),
            requests: opts.requests.clone(),
            writer: tokio::sync::Mutex::new(write),
            pending,
            next_id: AtomicI32::new(1),
            versions: ApiVersionTable::default(),
            max_response: opts.max_response,
            reader,
        };
        conn.versions = conn.api_versions().await?;
        if let Some(sasl) = &opts.sasl {
            conn.authenticate(sasl).await?;
        }
        Ok(Arc::new(conn))
    }

    async fn api_versions(&self) -> std::result::Result<ApiVersionTable, ConnectFailure> {
        let req = ApiVersionsRequest::default()
            .with_client_software_name(StrBytes::from_static_str("evctl"))
            .with_client_software_version(StrBytes::from_static_str(env!("CARGO_PKG_VERSION")));
        // Newer brokers take v3; an older one answers UNSUPPORTED_VERSION in the v0 format, then we use v0.
        let mut last_err = String::new();
        for version in [3i16, 0] {
            let raw = self.send(&req, version).await.map_err(|e| match e {
                KafkaError::Disconnected { reason, .. } => match reason.strip_prefix(TLS_PREFIX) {
                    Some(tls) => ConnectFailure::Tls(tls.to_string()),
                    None => ConnectFailure::Io(format!(
                        "connection lost during the handshake: {reason}"
                    )),
                },
                other => ConnectFailure::Protocol(other.to_string()),
            })?;
            let resp = frame::decode_response::<ApiVersionsRequest>(raw.clone(), version)
                .or_else(|_| frame::decode_response::<ApiVersionsRequest>(raw, 0));
            match resp {
                Ok(resp) if resp.error_code == 0 => {
                    return Ok(ApiVersionTable::from_response(&resp));
                }
                Ok(ApiVersionsResponse { error_code, .. }) => {
                    last_err = format!("ApiVersions answered error code {error_code}");
                }
                Err(e) => last_err = format!("cannot decode ApiVersions response: {e}"),
            }
        }
        Err(ConnectFailure::Protocol(last_err))
    }

    async fn authenticate(
        &self,
        sasl_opts: &SaslOptions,
    ) -> std::result::Result<(), ConnectFailure> {
        let auth_err = |m: String| ConnectFailure::Auth(m);
        let hs = self
            .request(
                SaslHandshakeRequest::default()
                    .with_mechanism(StrBytes::from_static_str(sasl_opts.mechanism.name())),
            )
            .await
            .map_err(|e| auth_err(format!("SASL handshake: {e}")))?;
        if let Some(err) = ResponseError::try_from_code(hs.error_code) {
            let offered: Vec<&str> = hs.mechanisms.iter().map(|m| m.as_str()).collect();
            return Err(auth_err(format!(
                "the broker does not enable {} ({err}); it offers: {}",
                sasl_opts.mechanism,
                if offered.is_empty() {
                    "nothing".to_string()
                } else {
                    offered.join(", ")
                }
            )));
        }
        match sasl_opts.mechanism {
            Mechanism::Plain => {
                self.sasl_step(sasl::plain_message(
                    &sasl_opts.username,
                    &sasl_opts.password,
                ))
                .await?;
            }
            Mechanism::ScramSha256 | Mechanism::ScramSha512 => {
                let client = ScramClient::new(
                    sasl_opts.mechanism,
                    &sasl_opts.username,
                    &sasl_opts.password,
                )
                .map_err(auth_err)?;
                let server_first = self.sasl_step(client.client_first()).await?;
                let fin = client
                    .client_final(&server_first)
                    .map_err(|e| auth_err(e.to_string()))?;
                let server_final = self.sasl_step(fin.message.clone()).await?;
                ScramClient::verify_server_final(&fin, &server_final)
                    .map_err(|e| auth_err(e.to_string()))?;
            }
        }
        Ok(())
    }

    async fn sasl_step(&self, token: Vec<u8>) -> std::result::Result<Bytes, ConnectFailure> {
        let resp = self
            .request(SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from(token)))
            .await
            .map_err(|e| match e {
                KafkaError::Disconnected { .. } => ConnectFailure::Auth(
                    "the broker closed the connection during authentication".into(),
                ),
                other => ConnectFailure::Auth(other.to_string()),
            })?;
        if let Some(err) = ResponseError::try_from_code(resp.error_code) {
            let msg = resp
                .error_message
                .map(|m| m.to_string())
                .unwrap_or_default();
            return Err(ConnectFailure::Auth(if msg.is_empty() {
                err.to_string()
            } else {
                msg
            }));
        }
        Ok(resp.auth_bytes)
    }

    /// The broker address this connection goes to.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// The versions the broker advertised.
    pub fn versions(&self) -> &ApiVersionTable {
        &self.versions
    }

    /// True once the connection broke; a new one must be opened.
    pub fn is_closed(&self) -> bool {
        lock(&self.pending).closed.is_some()
    }

    /// Sends a request at the highest version both sides support and waits for the response.
    /// The caller bounds the wait with a timeout; dropping the future abandons the request.
    pub async fn request<R: Request>(&self, req: R) -> Result<R::Response> {
        let version = self.version_for::<R>()?;
        self.request_at(req, version).await
    }

    /// Like [`Connection::request`], at a given version.
    pub async fn request_at<R: Request>(&self, req: R, version: i16) -> Result<R::Response> {
        let raw = self.send(&req, version).await?;
        frame::decode_response::<R>(raw, version).map_err(|e| KafkaError::Protocol {
            addr: self.addr.clone(),
            reason: format!(
                "cannot decode {} v{version} response: {e}",
                super::versions::api_name(R::KEY)
            ),
        })
    }

    /// The negotiated version of request type `R` on this connection.
    pub fn version_for<R: Request>(&self) -> Result<i16> {
        self.versions.negotiate_for::<R>(&self.addr)
    }

    async fn send<R: Request>(&self, req: &R, version: i16) -> Result<Bytes> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        tracing::trace!(api = super::versions::api_name(R::KEY), version, addr = %self.addr, "request");
        self.requests.fetch_add(1, Ordering::Relaxed);
        let buf = self.encode(req, version, id)?;
        let (tx, rx) = oneshot::channel();
        let _guard = {
            let mut p = lock(&self.pending);
            if let Some(reason) = &p.closed {
                return Err(self.disconnected(reason.clone()));
            }
            let limit = frame::response_limit(R::KEY, self.max_response);
            p.waiters.insert(
                id,
                InFlight {
                    waiter: Waiter::Whole(tx),
                    limit,
                },
            );
            WaiterGuard {
                pending: &self.pending,
                id,
            }
        };
        self.write(&buf).await?;
        match rx.await {
            Ok(Ok(bytes)) => Ok(bytes),
            Ok(Err(reason)) => Err(self.disconnected(reason)),
            Err(_) => Err(self.disconnected("the connection was dropped".into())),
        }
    }

    /// Writes a request the broker does not answer (Produce with acks=0) and returns once it is
    /// written. The correlation id is still consumed, so the numbering stays unique.
    pub async fn send_oneway<R: Request>(&self, req: &R, version: i16) -> Result<()> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.requests.fetch_add(1, Ordering::Relaxed);
        let buf = self.encode(req, version, id)?;
        if let Some(reason) = &lock(&self.pending).closed {
            return Err(self.disconnected(reason.clone()));
        }
        self.write(&buf).await
    }

    /// Writes one request frame, whole, and flushes it.
    async fn write(&self, buf: &[u8]) -> Result<()> {
        let mut w = self.writer.lock().await;
        let written = async {
            w.write_all(buf).await?;
            w.flush().await
        }
        .await;
        written.map_err(|e| self.disconnected(e.to_string()))
    }

    /// Sends a request and returns its response as a stream of chunks, for responses that may be
    /// bigger than memory should hold (a broker that ignores Fetch size limits). The read loop
    /// waits while the chunks are not consumed, so at most a few chunks are buffered. Dropping
    /// the receiver discards the rest of the response.
    pub async fn request_stream<R: Request>(
        &self,
        req: &R,
        version: i16,
    ) -> Result<ResponseChunks> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.requests.fetch_add(1, Ordering::Relaxed);
        let buf = self.encode(req, version, id)?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        {
            let mut p = lock(&self.pending);
            if let Some(reason) = &p.closed {
                return Err(self.disconnected(reason.clone()));
            }
            let limit = frame::response_limit(R::KEY, self.max_response);
            p.waiters.insert(
                id,
                InFlight {
                    waiter: Waiter::Stream(tx),
                    limit,
                },
            );
        }
        if let Err(e) = self.write(&buf).await {
            lock(&self.pending).waiters.remove(&id);
            return Err(e);
        }
        Ok(rx)
    }

    fn encode<R: Request>(&self, req: &R, version: i16, id: i32) -> Result<bytes::BytesMut> {
        frame::encode_request(req, version, id, &self.client_id).map_err(|e| KafkaError::Protocol {
            addr: self.addr.clone(),
            reason: format!(
                "cannot encode {} v{version}: {e}",
                super::versions::api_name(R::KEY)
            ),
        })
    }

    fn disconnected(&self, reason: String) -> KafkaError {
        broken(&self.addr, reason)
    }
}

async fn read_loop(mut read: ReadHalf<BoxStream>, pending: Arc<Mutex<Pending>>) {
    let reason = loop {
        match read_one(&mut read, &pending).await {
            Ok(()) => {}
            Err(FrameError::Eof) => break "the broker closed the connection".to_string(),
            Err(FrameError::Io(e)) if tls::is_tls_error(&e) => {
                break format!("{TLS_PREFIX}{}", tls::describe_handshake_error(&e));
            }
            Err(e @ (FrameError::Io(_) | FrameError::CutShort(_))) => break e.to_string(),
            Err(e) => break format!("{VIOLATION_PREFIX}{e}"),
        }
    };
    let mut p = lock(&pending);
    p.closed = Some(reason.clone());
    for (_, w) in p.waiters.drain() {
        match w.waiter {
            Waiter::Whole(tx) => {
                let _ = tx.send(Err(reason.clone()));
            }
            Waiter::Stream(tx) => {
                let _ = tx.try_send(Err(reason.clone()));
            }
        }
    }
}

/// Reads one response frame and hands it to its waiter: whole, or in chunks as they arrive. A frame
/// above its request's limit, or answering no request evctl sent, is refused as soon as its
/// header arrives: the connection is closed and every waiter hears why.
async fn read_one(
    read: &mut ReadHalf<BoxStream>,
    pending: &Mutex<Pending>,
) -> std::result::Result<(), FrameError> {
    let (mut left, id) = frame::read_header(read).await?;
    let n = left + 4;
    let (inflight, abandoned_limit) = {
        let mut p = lock(pending);
        let f = match p.waiters.remove(&id) {
            Some(f) => Some(f),
            None if p.abandoned.remove(&id) => None,
            None => return Err(FrameError::Stranger { id, len: n }),
        };
        (f, p.abandoned_limit)
    };
    let Some(InFlight { waiter, limit }) = inflight else {
        tracing::debug!(
            correlation_id = id,
            "response to an abandoned request dropped"
        );
        if n > abandoned_limit {
            return Err(FrameError::TooLarge {
                len: n,
                limit: abandoned_limit,
            });
        }
        return discard(read, left).await;
    };
    if n > limit {
        let e = FrameError::TooLarge { len: n, limit };
        // the waiter hears why, not just that its channel was dropped
        let why = format!("{VIOLATION_PREFIX}{e}");
        match waiter {
            Waiter::Whole(tx) => {
                let _ = tx.send(Err(why));
            }
            Waiter::Stream(tx) => {
                let _ = tx.try_send(Err(why));
            }
        }
        return Err(e);
    }
    match waiter {
        Waiter::Whole(tx) => {
            let mut body = BytesMut::zeroed(n);
            body[..4].copy_from_slice(&id.to_be_bytes());
            if let Err(e) = read.read_exact(&mut body[4..]).await {
                let e = frame::cut_short(e, n);
                let _ = tx.send(Err(e.to_string()));
                return Err(e);
            }
            let _ = tx.send(Ok(body.freeze()));
        }
        Waiter::Stream(tx) => {
            let mut alive = true;
            while left > 0 {
                let take = left.min(STREAM_CHUNK);
                let mut chunk = BytesMut::zeroed(take);
                if let Err(e) = read.read_exact(&mut chunk).await {
                    let e = frame::cut_short(e, n);
                    let _ = tx.send(Err(e.to_string())).await;
                    return Err(e);
                }
                left -= take;
                if alive && tx.send(Ok(chunk.freeze())).await.is_err() {
                    // the reader gave up: discard the rest of this frame
                    alive = false;
                }
            }
        }
    }
    Ok(())
}

/// Reads and drops `left` bytes.
async fn discard(
    read: &mut ReadHalf<BoxStream>,
    mut left: usize,
) -> std::result::Result<(), FrameError> {
    let mut sink = vec![0u8; left.min(STREAM_CHUNK)];
    while left > 0 {
        let take = left.min(sink.len());
        read.read_exact(&mut sink[..take])
            .await
            .map_err(|e| frame::cut_short(e, left))?;
        left -= take;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_port_parsing() {
        assert_eq!(
            split_host_port("localhost:9092").unwrap(),
            ("localhost", 9092)
        );
        assert_eq!(split_host_port("[::1]:9093").unwrap(), ("[::1]", 9093));
        assert!(split_host_port("localhost").is_err());
        assert!(split_host_port("host:99999").is_err());
        assert!(split_host_port(":9092").is_err());
    }

    #[test]
    fn sasl_debug_hides_password() {
        let s = SaslOptions {
            mechanism: Mechanism::Plain,
            username: "u".into(),
            password: "hunter2".into(),
        };
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
    }
}
