//! RabbitMQ (AMQP 0-9-1) as a transport, through `lapin`: connecting (a password never taken from
//! a flag or the URL, TLS with verification), the errors that name the address and the reason,
//! and the value mapping of AMQP headers for reports. [`dlx`] holds the dead-letter queues'
//! inspect, replay (publisher confirms, `mandatory`, acknowledged only after the confirm), drain
//! and purge.

pub mod consume;
pub mod dlx;
pub mod headers;
pub mod lag;
pub mod queue;

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use lapin::uri::AMQPUri;
use lapin::{Connection, ConnectionProperties};

use crate::error::{usage, usage_hint};

/// Where the RabbitMQ server is and how to log in, resolved from flags, environment and context.
#[derive(Debug, Clone, Default)]
pub struct AmqpOptions {
    /// `amqp://[user@]host:port[/vhost]` or `amqps://` (TLS).
    pub url: String,
    /// The password (`EVCTL_AMQP_PASSWORD` or `EVCTL_AMQP_PASSWORD_FILE`).
    pub password: Option<String>,
    /// PEM CA bundle to verify the server with (the system's roots otherwise).
    pub ca_file: Option<PathBuf>,
    /// PEM client certificate and PKCS#8 key, for mutual TLS.
    pub cert_file: Option<PathBuf>,
    pub key_file: Option<PathBuf>,
    /// The management API (`http://host:15672`), from the context.
    pub api: Option<String>,
    /// Connect and request deadline.
    pub timeout: Duration,
}

/// True for an `amqp://` or `amqps://` URL: the target is RabbitMQ.
pub fn is_amqp_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("amqp://") || lower.starts_with("amqps://")
}

/// A connection and the address it is known by in messages.
pub struct Amqp {
    pub conn: Connection,
    /// `host:port` and the vhost, for messages.
    pub addr: String,
    pub timeout: Duration,
    /// What it was opened with (a second connection opens the same way).
    pub opts: AmqpOptions,
}

impl AmqpOptions {
    /// The user the URL names (`guest` when none).
    pub fn user(&self) -> String {
        AMQPUri::from_str(self.url.trim())
            .map(|u| u.authority.userinfo.username)
            .unwrap_or_else(|_| "guest".into())
    }
}

/// A name AMQP holds in a short string (queues, exchanges, routing keys, header names and
/// most properties): at most 255 bytes.
pub fn short(what: &str, s: &str) -> anyhow::Result<lapin::types::ShortString> {
    lapin::types::ShortString::try_new(s.to_string()).map_err(|_| {
        usage(format!(
            "{what} {:?}... is {} bytes: AMQP allows 255",
            s.chars().take(40).collect::<String>(),
            s.len()
        ))
    })
}

/// True when the URL's user part holds a password (`amqp://user:secret@host`).
fn has_password(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split('/').next().unwrap_or("");
    authority
        .rsplit_once('@')
        .is_some_and(|(userinfo, _)| userinfo.contains(':'))
}

/// Connects and logs in.
pub async fn connect(opts: &AmqpOptions) -> anyhow::Result<Amqp> {
    let mut uri = AMQPUri::from_str(opts.url.trim())
        .map_err(|e| usage(format!("{:?} is not an AMQP URL: {e}", opts.url)))?;
    if has_password(&opts.url) {
        return Err(usage_hint(
            "the AMQP URL holds a password",
            "give the user in the URL and the password in EVCTL_AMQP_PASSWORD (or EVCTL_AMQP_PASSWORD_FILE)",
        ));
    }
    if let Some(p) = &opts.password {
        uri.authority.userinfo.password = p.clone();
    }
    let addr = format!(
        "{}:{} (vhost {})",
        uri.authority.host, uri.authority.port, uri.vhost
    );
    let tls = tls_config(opts)?;
    let props = ConnectionProperties::default().with_connection_name("evctl".into());
    let runtime = lapin::runtime::default_runtime().map_err(|e| failure(&addr, &e))?;
    let connecting = Connection::connect_uri_with_config(uri, props, tls, runtime);
    let conn = tokio::time::timeout(opts.timeout, connecting)
        .await
        .map_err(|_| {
            anyhow::anyhow!(
                "RabbitMQ at {addr} did not answer within {} (--timeout)",
                crate::units::format_duration(opts.timeout)
            )
        })?
        .map_err(|e| failure(&addr, &e))?;
    Ok(Amqp {
        conn,
        addr,
        timeout: opts.timeout,
        opts: opts.clone(),
    })
}

/// The TLS settings: a CA bundle and a client identity, read from their files.
fn tls_config(opts: &AmqpOptions) -> anyhow::Result<lapin::tcp::OwnedTLSConfig> {
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).map_err(|e| usage(format!("cannot read {}: {e}", p.display())))
    };
    let cert_chain = opts.ca_file.as_ref().map(read).transpose()?;
    let identity = match (&opts.cert_file, &opts.key_file) {
        (Some(c), Some(k)) => Some(lapin::tcp::OwnedIdentity::PKCS8 {
            pem: read(c)?.into_bytes(),
            key: read(k)?.into_bytes(),
        }),
        (None, None) => None,
        _ => {
            return Err(usage(
                "a client certificate needs both --tls-cert and --tls-key",
            ));
        }
    };
    Ok(lapin::tcp::OwnedTLSConfig {
        identity,
        cert_chain,
    })
}

/// A lapin error as a failure naming the address and the reason.
pub fn failure(addr: &str, e: &lapin::Error) -> anyhow::Error {
    let text = e.to_string();
    let lower = text.to_ascii_lowercase();
    let why = if lower.contains("refused") {
        format!("cannot connect to RabbitMQ at {addr}: connection refused ({text})")
    } else if lower.contains("access_refused")
        || lower.contains("authentication")
        || lower.contains("login")
    {
        format!(
            "RabbitMQ at {addr} refused the login: {text} (check the user in the URL and EVCTL_AMQP_PASSWORD)"
        )
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        format!("TLS with RabbitMQ at {addr} failed: {text}")
    } else {
        format!("RabbitMQ at {addr}: {text}")
    };
    anyhow::anyhow!(why)
}
