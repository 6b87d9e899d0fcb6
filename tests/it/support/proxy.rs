//! A Kafka-aware loopback proxy in front of a real broker, for the tests evctl's own brokers cannot
//! give: TLS termination (with certificates made here by rcgen), a SASL responder (PLAIN and SCRAM,
//! written here from RFC 5802 on the RustCrypto primitives, independent of evctl's client code), and
//! fault injection (kill the broker or stall at the N-th request). Metadata and FindCoordinator
//! responses are rewritten to point at the proxy, so every connection goes through it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use bytes::{Bytes, BytesMut};
use hmac::{Hmac, Mac};
use kafka_protocol::messages::{
    ApiKey, FindCoordinatorResponse, MetadataResponse, ResponseHeader, SaslAuthenticateRequest,
    SaslAuthenticateResponse, SaslHandshakeRequest, SaslHandshakeResponse,
};
use kafka_protocol::protocol::{Decodable, Encodable, StrBytes, decode_request_header_from_buffer};
use sha2::{Digest, Sha256, Sha512};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Credentials the SASL responder accepts.
#[derive(Clone, Debug)]
pub struct SaslUser {
    /// "PLAIN", "SCRAM-SHA-256" or "SCRAM-SHA-512": the one mechanism the proxy enables.
    pub mechanism: &'static str,
    pub username: String,
    pub password: String,
}

/// What goes wrong, on purpose.
#[derive(Clone)]
pub enum Fault {
    None,
    /// Before forwarding the N-th request (counted over all connections, from 1), run the hook
    /// (e.g. kill the broker).
    HookAt(usize, Arc<dyn Fn() + Send + Sync>),
    /// From the N-th request on, never answer.
    StallFrom(usize),
}

pub struct ProxyOptions {
    pub upstream: String,
    pub tls: Option<Arc<rustls::ServerConfig>>,
    pub sasl: Option<SaslUser>,
    pub fault: Fault,
}

/// A running proxy; stops when dropped.
pub struct Proxy {
    pub addr: String,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

struct Shared {
    opts: ProxyOptions,
    me: SocketAddr,
    requests: AtomicUsize,
}

impl Proxy {
    pub fn start(opts: ProxyOptions) -> Proxy {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = rt.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
        let me = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            opts,
            me,
            requests: AtomicUsize::new(0),
        });
        rt.spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let shared = shared.clone();
                tokio::spawn(async move {
                    let _ = serve(sock, shared).await;
                });
            }
        });
        Proxy {
            addr: me.to_string(),
            runtime: Some(rt),
        }
    }
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

async fn read_frame<R: AsyncRead + Unpin>(r: &mut R) -> std::io::Result<Bytes> {
    let n = r.read_i32().await?;
    if !(0..=64 * 1024 * 1024).contains(&n) {
        return Err(std::io::Error::other(format!("bad frame length {n}")));
    }
    let mut buf = vec![0u8; n as usize];
    r.read_exact(&mut buf).await?;
    Ok(Bytes::from(buf))
}

async fn write_frame<W: AsyncWrite + Unpin>(w: &mut W, body: &[u8]) -> std::io::Result<()> {
    w.write_i32(body.len() as i32).await?;
    w.write_all(body).await?;
    w.flush().await
}

fn response<R: Encodable>(key: ApiKey, version: i16, correlation_id: i32, body: &R) -> Vec<u8> {
    let mut buf = BytesMut::new();
    ResponseHeader::default()
        .with_correlation_id(correlation_id)
        .encode(&mut buf, key.response_header_version(version))
        .unwrap();
    body.encode(&mut buf, version).unwrap();
    buf.to_vec()
}

async fn serve(sock: TcpStream, shared: Arc<Shared>) -> std::io::Result<()> {
    let mut client: Box<dyn Io> = match &shared.opts.tls {
        Some(cfg) => Box::new(
            tokio_rustls::TlsAcceptor::from(cfg.clone())
                .accept(sock)
                .await?,
        ),
        None => Box::new(sock),
    };
    let mut upstream = TcpStream::connect(&shared.opts.upstream).await?;
    let mut scram: Option<ScramServer> = None;
    let mut authenticated = shared.opts.sasl.is_none();
    loop {
        let frame = read_frame(&mut client).await?;
        let mut peek = frame.clone();
        let header = decode_request_header_from_buffer(&mut peek).map_err(std::io::Error::other)?;
        let key = ApiKey::try_from(header.request_api_key)
            .map_err(|_| std::io::Error::other("unknown key"))?;
        let (version, cid) = (header.request_api_version, header.correlation_id);
        let n = shared.requests.fetch_add(1, Ordering::SeqCst) + 1;
        match &shared.opts.fault {
            Fault::HookAt(at, hook) if *at == n => hook(),
            Fault::StallFrom(at) if n >= *at => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
            }
            _ => {}
        }
        if let Some(user) = &shared.opts.sasl {
            match key {
                ApiKey::SaslHandshake => {
                    let req = SaslHandshakeRequest::decode(&mut peek, version)
                        .map_err(std::io::Error::other)?;
                    let ok = req.mechanism.as_str() == user.mechanism;
                    if ok && user.mechanism.starts_with("SCRAM") {
                        scram = Some(ScramServer::new(user));
                    }
                    let resp = SaslHandshakeResponse::default()
                        .with_error_code(if ok { 0 } else { 33 })
                        .with_mechanisms(vec![StrBytes::from_static_str(user.mechanism)]);
                    write_frame(&mut client, &response(key, version, cid, &resp)).await?;
                    continue;
                }
                ApiKey::SaslAuthenticate => {
                    let req = SaslAuthenticateRequest::decode(&mut peek, version)
                        .map_err(std::io::Error::other)?;
                    let step = match &mut scram {
                        Some(s) => s.step(&req.auth_bytes),
                        None => plain_step(user, &req.auth_bytes),
                    };
                    let resp = match step {
                        Ok((bytes, done)) => {
                            authenticated = done;
                            SaslAuthenticateResponse::default().with_auth_bytes(Bytes::from(bytes))
                        }
                        Err(msg) => SaslAuthenticateResponse::default()
                            .with_error_code(58)
                            .with_error_message(Some(StrBytes::from_string(msg))),
                    };
                    write_frame(&mut client, &response(key, version, cid, &resp)).await?;
                    continue;
                }
                ApiKey::ApiVersions => {}
                _ if !authenticated => return Ok(()), // like Kafka: close the connection
                _ => {}
            }
        }
        write_frame(&mut upstream, &frame).await?;
        let reply = read_frame(&mut upstream).await?;
        // responses evctl must follow through the proxy are rewritten; the rest pass as they are
        let reply = rewrite(key, version, reply.clone(), shared.me).unwrap_or(reply);
        write_frame(&mut client, &reply).await?;
    }
}

/// Points Metadata and FindCoordinator responses at the proxy; passes others through.
fn rewrite(key: ApiKey, version: i16, reply: Bytes, me: SocketAddr) -> Option<Bytes> {
    let hv = key.response_header_version(version);
    let mut buf = reply.clone();
    let header = ResponseHeader::decode(&mut buf, hv).ok()?;
    let host = StrBytes::from_string(me.ip().to_string());
    let port = me.port() as i32;
    let body = match key {
        ApiKey::Metadata => {
            let mut m = MetadataResponse::decode(&mut buf, version).ok()?;
            for b in &mut m.brokers {
                b.host = host.clone();
                b.port = port;
            }
            let mut out = BytesMut::new();
            m.encode(&mut out, version).ok()?;
            out
        }
        ApiKey::FindCoordinator => {
            let mut f = FindCoordinatorResponse::decode(&mut buf, version).ok()?;
            f.host = host.clone();
            f.port = port;
            for c in &mut f.coordinators {
                c.host = host.clone();
                c.port = port;
            }
            let mut out = BytesMut::new();
            f.encode(&mut out, version).ok()?;
            out
        }
        _ => return Some(reply),
    };
    let mut out = BytesMut::new();
    header.encode(&mut out, hv).ok()?;
    out.extend_from_slice(&body);
    Some(out.freeze())
}

fn plain_step(user: &SaslUser, token: &[u8]) -> Result<(Vec<u8>, bool), String> {
    let parts: Vec<&[u8]> = token.split(|b| *b == 0).collect();
    if parts.len() == 3
        && parts[1] == user.username.as_bytes()
        && parts[2] == user.password.as_bytes()
    {
        Ok((vec![], true))
    } else {
        Err("Authentication failed: Invalid username or password".into())
    }
}

/// The server side of SCRAM-SHA-256/512 (RFC 5802), with a fixed salt and 4096 iterations.
struct ScramServer {
    sha512: bool,
    user: SaslUser,
    nonce: String,
    client_first_bare: String,
    server_first: String,
}

fn mac(sha512: bool, key: &[u8], data: &[u8]) -> Vec<u8> {
    if sha512 {
        let mut m = Hmac::<Sha512>::new_from_slice(key).unwrap();
        m.update(data);
        m.finalize().into_bytes().to_vec()
    } else {
        let mut m = Hmac::<Sha256>::new_from_slice(key).unwrap();
        m.update(data);
        m.finalize().into_bytes().to_vec()
    }
}

impl ScramServer {
    const SALT: &'static [u8] = b"evctl-test-salt";
    const ITERATIONS: u32 = 4096;

    fn new(user: &SaslUser) -> Self {
        ScramServer {
            sha512: user.mechanism == "SCRAM-SHA-512",
            user: user.clone(),
            nonce: String::new(),
            client_first_bare: String::new(),
            server_first: String::new(),
        }
    }

    fn salted(&self) -> Vec<u8> {
        if self.sha512 {
            pbkdf2::pbkdf2_hmac_array::<Sha512, 64>(
                self.user.password.as_bytes(),
                Self::SALT,
                Self::ITERATIONS,
            )
            .to_vec()
        } else {
            pbkdf2::pbkdf2_hmac_array::<Sha256, 32>(
                self.user.password.as_bytes(),
                Self::SALT,
                Self::ITERATIONS,
            )
            .to_vec()
        }
    }

    fn step(&mut self, msg: &[u8]) -> Result<(Vec<u8>, bool), String> {
        let msg = std::str::from_utf8(msg).map_err(|_| "not UTF-8".to_string())?;
        if self.server_first.is_empty() {
            let bare = msg.strip_prefix("n,,").ok_or("bad GS2 header")?;
            let user = bare
                .split(',')
                .find_map(|kv| kv.strip_prefix("n="))
                .ok_or("no user")?;
            let cnonce = bare
                .split(',')
                .find_map(|kv| kv.strip_prefix("r="))
                .ok_or("no nonce")?;
            if user != self.user.username {
                return Err("Authentication failed: Invalid user credentials".into());
            }
            self.nonce = format!("{cnonce}srv3rN0nce");
            self.client_first_bare = bare.to_string();
            self.server_first = format!(
                "r={},s={},i={}",
                self.nonce,
                B64.encode(Self::SALT),
                Self::ITERATIONS
            );
            return Ok((self.server_first.clone().into_bytes(), false));
        }
        let (without_proof, proof) = msg.rsplit_once(",p=").ok_or("no proof")?;
        if !without_proof.contains(&format!("r={}", self.nonce)) {
            return Err("nonce mismatch".into());
        }
        let proof = B64.decode(proof).map_err(|_| "bad proof")?;
        let salted = self.salted();
        let client_key = mac(self.sha512, &salted, b"Client Key");
        let stored_key = if self.sha512 {
            Sha512::digest(&client_key).to_vec()
        } else {
            Sha256::digest(&client_key).to_vec()
        };
        let auth = format!(
            "{},{},{}",
            self.client_first_bare, self.server_first, without_proof
        );
        let client_sig = mac(self.sha512, &stored_key, auth.as_bytes());
        let recovered: Vec<u8> = proof.iter().zip(&client_sig).map(|(a, b)| a ^ b).collect();
        let recovered_stored = if self.sha512 {
            Sha512::digest(&recovered).to_vec()
        } else {
            Sha256::digest(&recovered).to_vec()
        };
        if recovered_stored != stored_key {
            return Err("Authentication failed during authentication due to invalid credentials with SASL mechanism".into());
        }
        let server_key = mac(self.sha512, &salted, b"Server Key");
        let server_sig = mac(self.sha512, &server_key, auth.as_bytes());
        Ok((format!("v={}", B64.encode(server_sig)).into_bytes(), true))
    }
}

/// Test PKI: a CA, a server certificate for 127.0.0.1 and localhost, and a client certificate, as
/// PEM files in a directory.
pub struct TestPki {
    pub ca: std::path::PathBuf,
    pub client_cert: std::path::PathBuf,
    pub client_key: std::path::PathBuf,
    /// Server config without client authentication.
    pub server: Arc<rustls::ServerConfig>,
    /// Server config that requires a client certificate signed by the CA.
    pub server_mtls: Arc<rustls::ServerConfig>,
}

pub fn test_pki(dir: &std::path::Path, name: &str) -> TestPki {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, format!("evctl test CA {name}"));
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
        .unwrap()
        .signed_by(&leaf_key, &ca, &ca_key)
        .unwrap();
    let client_key = KeyPair::generate().unwrap();
    let client = CertificateParams::new(vec!["evctl-client".to_string()])
        .unwrap()
        .signed_by(&client_key, &ca, &ca_key)
        .unwrap();
    let pki = |file: &str, pem: String| {
        let p = dir.join(format!("{name}-{file}"));
        std::fs::write(&p, pem).unwrap();
        p
    };
    let key = || rustls_pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into());
    let server = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key())
        .unwrap();
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca.der().clone()).unwrap();
    let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .unwrap();
    let server_mtls = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_client_cert_verifier(verifier)
        .with_single_cert(vec![leaf.der().clone()], key())
        .unwrap();
    TestPki {
        ca: pki("ca.pem", ca.pem()),
        client_cert: pki("client.pem", client.pem()),
        client_key: pki("client.key", client_key.serialize_pem()),
        server: Arc::new(server),
        server_mtls: Arc::new(server_mtls),
    }
}

/// A TLS-terminating TCP proxy to `upstream` (any protocol, e.g. the fake schema registry's HTTP).
pub struct TlsTunnel {
    pub addr: String,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for TlsTunnel {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

impl TlsTunnel {
    pub fn start(upstream: String, tls: Arc<rustls::ServerConfig>) -> TlsTunnel {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = rt.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let acceptor = tokio_rustls::TlsAcceptor::from(tls);
        rt.spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let (acceptor, upstream) = (acceptor.clone(), upstream.clone());
                tokio::spawn(async move {
                    let Ok(mut client) = acceptor.accept(sock).await else {
                        return;
                    };
                    let Ok(mut server) = TcpStream::connect(&upstream).await else {
                        return;
                    };
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                });
            }
        });
        TlsTunnel {
            addr,
            runtime: Some(rt),
        }
    }
}
