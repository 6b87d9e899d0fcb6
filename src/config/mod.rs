//! Named contexts in `~/.config/evctl/config.yaml`, and the one place where flags, environment and
//! file meet: flags > environment (`EVCTL_*`) > the selected context > built-in defaults.
//!
//! ```yaml
//! current_context: local
//! contexts:
//!   local:
//!     brokers: [127.0.0.1:9092]
//!   prod:
//!     brokers: [kafka-1.prod:9093, kafka-2.prod:9093]
//!     timeout: 30s
//!     tls: {ca_file: ~/certs/prod-ca.pem}
//!     sasl: {mechanism: SCRAM-SHA-512, username: ops, password_env: PROD_KAFKA_PASSWORD}
//!     schema_registry: {url: "http://127.0.0.1:8081", username: ops, password_file: ~/.secrets/sr}
//! ```
//! Secrets are never stored inline: a password comes from an environment variable or a file.
//! [`edit`] changes the file's contexts losslessly; [`show`] lists contexts and settings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::diag::FileError;
use crate::error::{usage, usage_hint};
use crate::kafka::{ClientOptions, ConnectOptions, Mechanism, SaslOptions};
use crate::schema::registry::{Auth, RegistryOptions};
use crate::tls::TlsOptions;
use crate::units::parse_duration;

/// The whole config file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigFile {
    pub current_context: Option<String>,
    pub contexts: BTreeMap<String, Context>,
}

/// Broker addresses: a YAML list, or one comma-separated string.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Brokers {
    List(Vec<String>),
    One(String),
}

impl Brokers {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            Brokers::List(v) => v.iter().flat_map(|s| split_list(s)).collect(),
            Brokers::One(s) => split_list(s),
        }
    }
}

/// Splits a comma-separated list, dropping blanks.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// One named context.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Context {
    pub brokers: Option<Brokers>,
    pub client_id: Option<String>,
    /// Request deadline, like `10s`.
    pub timeout: Option<String>,
    pub tls: Option<TlsConfig>,
    pub sasl: Option<SaslConfig>,
    pub schema_registry: Option<RegistryConfig>,
    pub redis: Option<RedisConfig>,
    pub amqp: Option<AmqpConfig>,
}

/// RabbitMQ of a context: the server, the password's source, the management API, TLS files.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AmqpConfig {
    /// `amqp://[user@]host:port[/vhost]` or `amqps://`.
    pub url: Option<String>,
    pub password_env: Option<String>,
    pub password_file: Option<String>,
    /// The management API, `http://host:15672`.
    pub api: Option<String>,
    pub ca_file: Option<String>,
    pub cert_file: Option<String>,
    pub key_file: Option<String>,
}

/// A context's RabbitMQ settings, resolved (paths expanded, the password's source checked).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AmqpContext {
    pub url: Option<String>,
    pub password: Option<SecretRef>,
    pub api: Option<String>,
    pub ca: Option<PathBuf>,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
}

/// Redis of a context: the server (or a cluster's nodes), the password's source, TLS files.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedisConfig {
    /// `redis://[user@]host:port[/db]` or `rediss://`; a list for a Redis Cluster.
    pub url: Option<Brokers>,
    pub password_env: Option<String>,
    pub password_file: Option<String>,
    pub ca_file: Option<String>,
    pub cert_file: Option<String>,
    pub key_file: Option<String>,
    pub insecure_skip_verify: Option<bool>,
}

/// TLS of a context. A `tls:` section turns TLS on unless it says `enabled: false`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TlsConfig {
    pub enabled: Option<bool>,
    pub ca_file: Option<String>,
    pub cert_file: Option<String>,
    pub key_file: Option<String>,
    pub server_name: Option<String>,
    pub insecure_skip_verify: Option<bool>,
}

/// SASL of a context.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SaslConfig {
    pub mechanism: Option<String>,
    pub username: Option<String>,
    /// Name of the environment variable holding the password.
    pub password_env: Option<String>,
    /// File holding the password (trailing newline ignored).
    pub password_file: Option<String>,
}

/// Schema registry of a context.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RegistryConfig {
    pub url: Option<String>,
    pub username: Option<String>,
    pub password_env: Option<String>,
    pub password_file: Option<String>,
    pub token_env: Option<String>,
    pub token_file: Option<String>,
    pub ca_file: Option<String>,
}

/// The default config path: `$XDG_CONFIG_HOME/evctl/config.yaml`, else `~/.config/evctl/config.yaml`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("evctl").join("config.yaml"));
    }
    std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| {
        PathBuf::from(h)
            .join(".config")
            .join("evctl")
            .join("config.yaml")
    })
}

/// evctl's state directory (undo files): `$XDG_STATE_HOME/evctl`, else `~/.local/state/evctl`.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("evctl"));
    }
    std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(|h| PathBuf::from(h).join(".local").join("state").join("evctl"))
}

/// Expands a leading `~/` to the home directory.
pub fn expand_home(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(p),
    }
}

/// Reads and parses the config file; `None` when it does not exist.
pub fn load(path: &Path) -> anyhow::Result<Option<(ConfigFile, String)>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(FileError::whole(path, format!("cannot read: {e}")).into()),
    };
    if text.trim().is_empty() {
        return Ok(Some((ConfigFile::default(), text)));
    }
    let file: ConfigFile =
        serde_yaml_ng::from_str(&text).map_err(|e| FileError::from_yaml(path, &text, &e))?;
    Ok(Some((file, text)))
}

/// The context this invocation uses (`explicit`, from --context or EVCTL_CONTEXT, else the file's
/// current_context) and its settings layer; a usage error when it names no context of the file.
pub fn select_context(
    path: Option<&Path>,
    file: Option<&ConfigFile>,
    explicit: Option<Sourced<String>>,
) -> anyhow::Result<(Option<Sourced<String>>, Layer)> {
    let context = explicit.or_else(|| {
        file.and_then(|f| f.current_context.clone())
            .map(|value| Sourced {
                value,
                source: Source::Context("current_context".into()),
            })
    });
    let ctx_layer = match &context {
        None => Layer::default(),
        Some(c) => {
            let shown = path.map(|p| p.display().to_string()).unwrap_or_default();
            let Some(f) = file else {
                return Err(usage_hint(
                    format!(
                        "context {:?} selected ({}), but there is no config file at {shown}",
                        c.value, c.source
                    ),
                    "create it (see `evctl config --help`) or drop --context / EVCTL_CONTEXT",
                ));
            };
            let Some(def) = f.contexts.get(&c.value) else {
                let names: Vec<&str> = f.contexts.keys().map(String::as_str).collect();
                return Err(usage_hint(
                    format!(
                        "no context named {:?} in {shown} (selected by {})",
                        c.value, c.source
                    ),
                    if names.is_empty() {
                        "the file defines no contexts".to_string()
                    } else {
                        format!("defined contexts: {}", names.join(", "))
                    },
                ));
            };
            Layer::from_context(&c.value, def)?
        }
    };
    Ok((context, ctx_layer))
}

/// Sets `current_context` in the file's text, keeping every other line (and comment) as it is.
pub fn set_current_context(text: &str, name: &str) -> String {
    let value = serde_yaml_ng::to_string(&name).unwrap_or_else(|_| name.to_string());
    let line = format!("current_context: {}", value.trim_end());
    let mut replaced = false;
    let mut out: Vec<String> = text
        .lines()
        .map(|l| {
            if !replaced && l.starts_with("current_context:") {
                replaced = true;
                line.clone()
            } else {
                l.to_string()
            }
        })
        .collect();
    if !replaced {
        out.insert(0, line);
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(String),
    Context(String),
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("flag"),
            Source::Env(v) => write!(f, "env {v}"),
            Source::Context(c) => write!(f, "context {c}"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A resolved value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

/// Where a password is read from. The value itself is read only when a connection needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretRef {
    /// An environment variable.
    Env(String),
    /// A file.
    File(PathBuf),
}

impl SecretRef {
    /// Reads the secret: exit 2 with a clear message when the variable is unset or the file unreadable.
    pub fn read(&self) -> anyhow::Result<String> {
        match self {
            SecretRef::Env(var) => std::env::var(var).map_err(|_| {
                usage_hint(
                    format!("the password variable {var} is not set"),
                    format!("export {var}=... (the value is never printed)"),
                )
            }),
            SecretRef::File(path) => std::fs::read_to_string(path)
                .map(|s| s.trim_end_matches(['\n', '\r']).to_string())
                .map_err(|e| {
                    usage(format!(
                        "cannot read the password file {}: {e}",
                        path.display()
                    ))
                }),
        }
    }

    /// How `config show` displays it: where it comes from, never the value.
    pub fn masked(&self) -> String {
        let set = self.read().is_ok();
        let state = if set { "****" } else { "(missing)" };
        match self {
            SecretRef::Env(v) => format!("{state} from env {v}"),
            SecretRef::File(p) => format!("{state} from file {}", p.display()),
        }
    }
}

/// One layer of settings: what the flags, the environment or a context say. Unset fields are `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer {
    pub brokers: Option<Vec<String>>,
    pub client_id: Option<String>,
    pub timeout: Option<Duration>,
    pub tls: Option<bool>,
    pub tls_ca: Option<PathBuf>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub tls_server_name: Option<String>,
    pub tls_insecure: Option<bool>,
    pub sasl_mechanism: Option<Mechanism>,
    pub sasl_username: Option<String>,
    pub sasl_password: Option<SecretRef>,
    pub registry_url: Option<String>,
    pub registry_user: Option<String>,
    pub registry_password: Option<SecretRef>,
    pub registry_token: Option<SecretRef>,
    pub registry_ca: Option<PathBuf>,
    pub redis_url: Option<Vec<String>>,
    pub redis_password: Option<SecretRef>,
    pub redis_ca: Option<PathBuf>,
    pub redis_cert: Option<PathBuf>,
    pub redis_key: Option<PathBuf>,
    pub redis_insecure: Option<bool>,
    pub amqp: Option<AmqpContext>,
}

impl Layer {
    /// Redis has no flags of its own (`-b` takes its URL): its URL and password come from the
    /// environment, `EVCTL_REDIS_PASSWORD` before `EVCTL_REDIS_PASSWORD_FILE`.
    pub fn read_redis_env(&mut self) {
        self.redis_url = std::env::var(env::REDIS_URL)
            .ok()
            .map(|v| split_list(&v))
            .filter(|v| !v.is_empty());
        self.redis_password = if std::env::var_os(env::REDIS_PASSWORD).is_some() {
            Some(SecretRef::Env(env::REDIS_PASSWORD.into()))
        } else {
            std::env::var_os(env::REDIS_PASSWORD_FILE)
                .filter(|v| !v.is_empty())
                .map(|f| SecretRef::File(f.into()))
        };
    }

    /// The layer a context of the config file gives.
    pub fn from_context(name: &str, ctx: &Context) -> anyhow::Result<Layer> {
        let bad = |what: &str, e: String| usage(format!("context {name}: {what}: {e}"));
        let timeout = ctx
            .timeout
            .as_deref()
            .map(parse_duration)
            .transpose()
            .map_err(|e| bad("timeout", e))?;
        let mut layer = Layer {
            brokers: ctx.brokers.as_ref().map(Brokers::to_vec),
            client_id: ctx.client_id.clone(),
            timeout,
            ..Layer::default()
        };
        if let Some(tls) = &ctx.tls {
            layer.tls = Some(tls.enabled.unwrap_or(true));
            layer.tls_ca = tls.ca_file.as_deref().map(expand_home);
            layer.tls_cert = tls.cert_file.as_deref().map(expand_home);
            layer.tls_key = tls.key_file.as_deref().map(expand_home);
            layer.tls_server_name = tls.server_name.clone();
            layer.tls_insecure = tls.insecure_skip_verify;
        }
        if let Some(sasl) = &ctx.sasl {
            layer.sasl_mechanism = sasl
                .mechanism
                .as_deref()
                .map(|m| parse_mechanism(m).map_err(|e| bad("sasl.mechanism", e)))
                .transpose()?;
            layer.sasl_username = sasl.username.clone();
            layer.sasl_password =
                one_secret(&sasl.password_env, &sasl.password_file).map_err(|e| bad("sasl", e))?;
        }
        if let Some(r) = &ctx.schema_registry {
            // an environment variable named by the context wins over its file
            let secret = |env: &Option<String>, file: &Option<String>| {
                env.clone()
                    .map(SecretRef::Env)
                    .or_else(|| file.as_deref().map(|f| SecretRef::File(expand_home(f))))
            };
            layer.registry_url = r.url.clone();
            layer.registry_user = r.username.clone();
            layer.registry_password = secret(&r.password_env, &r.password_file);
            layer.registry_token = secret(&r.token_env, &r.token_file);
            layer.registry_ca = r.ca_file.as_deref().map(expand_home);
        }
        if let Some(r) = &ctx.redis {
            layer.redis_url = r.url.as_ref().map(Brokers::to_vec);
            layer.redis_password =
                one_secret(&r.password_env, &r.password_file).map_err(|e| bad("redis", e))?;
            layer.redis_ca = r.ca_file.as_deref().map(expand_home);
            layer.redis_cert = r.cert_file.as_deref().map(expand_home);
            layer.redis_key = r.key_file.as_deref().map(expand_home);
            layer.redis_insecure = r.insecure_skip_verify;
        }
        if let Some(a) = &ctx.amqp {
            layer.amqp = Some(AmqpContext {
                url: a.url.clone(),
                password: one_secret(&a.password_env, &a.password_file)
                    .map_err(|e| bad("amqp", e))?,
                api: a.api.clone(),
                ca: a.ca_file.as_deref().map(expand_home),
                cert: a.cert_file.as_deref().map(expand_home),
                key: a.key_file.as_deref().map(expand_home),
            });
        }
        Ok(layer)
    }
}

/// A context's password: from the variable `env` or the file `file`, not both.
fn one_secret(env: &Option<String>, file: &Option<String>) -> Result<Option<SecretRef>, String> {
    match (env, file) {
        (Some(_), Some(_)) => Err("set password_env or password_file, not both".into()),
        (Some(v), None) => Ok(Some(SecretRef::Env(v.clone()))),
        (None, Some(f)) => Ok(Some(SecretRef::File(expand_home(f)))),
        (None, None) => Ok(None),
    }
}

/// Parses a SASL mechanism name.
pub fn parse_mechanism(s: &str) -> Result<Mechanism, String> {
    Mechanism::parse(s).ok_or_else(|| {
        format!("unknown SASL mechanism {s:?} (use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)")
    })
}

/// The settings a command runs with, each with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub config_file: Option<PathBuf>,
    pub context: Option<Sourced<String>>,
    pub brokers: Sourced<Vec<String>>,
    pub client_id: Sourced<String>,
    pub timeout: Sourced<Duration>,
    pub tls: Sourced<bool>,
    pub tls_ca: Option<Sourced<PathBuf>>,
    pub tls_cert: Option<Sourced<PathBuf>>,
    pub tls_key: Option<Sourced<PathBuf>>,
    pub tls_server_name: Option<Sourced<String>>,
    pub tls_insecure: Sourced<bool>,
    pub sasl_mechanism: Option<Sourced<Mechanism>>,
    pub sasl_username: Option<Sourced<String>>,
    pub sasl_password: Option<Sourced<SecretRef>>,
    pub registry: RegistrySettings,
    pub redis: RedisSettings,
    /// The context's RabbitMQ section (flags and EVCTL_AMQP_* come first, in amqp_options).
    pub amqp_context: Option<AmqpContext>,
}

/// Where Redis is and how to log in to it, each with its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RedisSettings {
    pub url: Option<Sourced<Vec<String>>>,
    pub password: Option<Sourced<SecretRef>>,
    pub ca: Option<Sourced<PathBuf>>,
    pub cert: Option<Sourced<PathBuf>>,
    pub key: Option<Sourced<PathBuf>>,
    pub insecure: Option<Sourced<bool>>,
}

/// Where the schema registry is and how to log in to it, each with its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistrySettings {
    pub url: Option<Sourced<String>>,
    pub user: Option<Sourced<String>>,
    pub password: Option<Sourced<SecretRef>>,
    pub token: Option<Sourced<SecretRef>>,
    pub ca: Option<Sourced<PathBuf>>,
}

/// Picks the first set value in precedence order.
fn pick<T: Clone>(
    name: &str,
    flags: &Option<T>,
    env: &Option<T>,
    ctx: &Option<T>,
    env_var: &str,
) -> Option<Sourced<T>> {
    if let Some(v) = flags {
        return Some(Sourced {
            value: v.clone(),
            source: Source::Flag,
        });
    }
    if let Some(v) = env {
        return Some(Sourced {
            value: v.clone(),
            source: Source::Env(env_var.to_string()),
        });
    }
    ctx.as_ref().map(|v| Sourced {
        value: v.clone(),
        source: Source::Context(name.to_string()),
    })
}

/// The global cap on a Kafka response frame: `EVCTL_MAX_RESPONSE` (a size, `512MiB`), at least
/// 1 MiB and below 2 GiB, else 256 MiB.
fn max_response() -> anyhow::Result<usize> {
    let Ok(v) = std::env::var(env::MAX_RESPONSE) else {
        return Ok(crate::kafka::frame::MAX_FRAME);
    };
    let n =
        crate::units::parse_size(&v).map_err(|e| usage(format!("{}: {e}", env::MAX_RESPONSE)))?;
    if !(1024 * 1024..i32::MAX as u64).contains(&n) {
        return Err(usage(format!(
            "{}={v}: the cap on a response must be at least 1MiB and below 2GiB",
            env::MAX_RESPONSE
        )));
    }
    Ok(n as usize)
}

/// Environment variable of each setting (as shown in sources).
pub mod env {
    pub const BROKERS: &str = "EVCTL_BROKERS";
    pub const CONTEXT: &str = "EVCTL_CONTEXT";
    pub const CONFIG: &str = "EVCTL_CONFIG";
    pub const TIMEOUT: &str = "EVCTL_TIMEOUT";
    pub const CLIENT_ID: &str = "EVCTL_CLIENT_ID";
    pub const TLS: &str = "EVCTL_TLS";
    pub const TLS_CA: &str = "EVCTL_TLS_CA";
    pub const TLS_CERT: &str = "EVCTL_TLS_CERT";
    pub const TLS_KEY: &str = "EVCTL_TLS_KEY";
    pub const TLS_SERVER_NAME: &str = "EVCTL_TLS_SERVER_NAME";
    pub const TLS_INSECURE: &str = "EVCTL_TLS_INSECURE";
    pub const SASL_MECHANISM: &str = "EVCTL_SASL_MECHANISM";
    pub const SASL_USERNAME: &str = "EVCTL_SASL_USERNAME";
    pub const SASL_PASSWORD: &str = "EVCTL_SASL_PASSWORD";
    pub const SASL_PASSWORD_FILE: &str = "EVCTL_SASL_PASSWORD_FILE";
    pub const REGISTRY_URL: &str = "EVCTL_REGISTRY_URL";
    pub const REGISTRY_USER: &str = "EVCTL_REGISTRY_USER";
    pub const REGISTRY_PASSWORD: &str = "EVCTL_REGISTRY_PASSWORD";
    pub const REGISTRY_PASSWORD_FILE: &str = "EVCTL_REGISTRY_PASSWORD_FILE";
    pub const REGISTRY_TOKEN: &str = "EVCTL_REGISTRY_TOKEN";
    pub const REGISTRY_TOKEN_FILE: &str = "EVCTL_REGISTRY_TOKEN_FILE";
    pub const REGISTRY_CA: &str = "EVCTL_REGISTRY_CA";
    pub const REDIS_URL: &str = "EVCTL_REDIS_URL";
    pub const AMQP_URL: &str = "EVCTL_AMQP_URL";
    pub const AMQP_PASSWORD: &str = "EVCTL_AMQP_PASSWORD";
    pub const AMQP_PASSWORD_FILE: &str = "EVCTL_AMQP_PASSWORD_FILE";
    pub const REDIS_PASSWORD: &str = "EVCTL_REDIS_PASSWORD";
    pub const REDIS_PASSWORD_FILE: &str = "EVCTL_REDIS_PASSWORD_FILE";
    pub const MAX_RESPONSE: &str = "EVCTL_MAX_RESPONSE";
}

impl Settings {
    /// Merges the three layers: flags > environment > context > defaults.
    pub fn resolve(
        config_file: Option<PathBuf>,
        context: Option<Sourced<String>>,
        flags: &Layer,
        envl: &Layer,
        ctx: &Layer,
    ) -> Settings {
        let cname = context
            .as_ref()
            .map(|c| c.value.clone())
            .unwrap_or_default();
        let or_default = |v: Option<Sourced<bool>>| {
            v.unwrap_or(Sourced {
                value: false,
                source: Source::Default,
            })
        };
        let password_env_name = match &envl.sasl_password {
            Some(SecretRef::Env(v)) => v.clone(),
            _ => env::SASL_PASSWORD_FILE.to_string(),
        };
        let tls_ca = pick(
            &cname,
            &flags.tls_ca,
            &envl.tls_ca,
            &ctx.tls_ca,
            env::TLS_CA,
        );
        let tls_cert = pick(
            &cname,
            &flags.tls_cert,
            &envl.tls_cert,
            &ctx.tls_cert,
            env::TLS_CERT,
        );
        let tls_key = pick(
            &cname,
            &flags.tls_key,
            &envl.tls_key,
            &ctx.tls_key,
            env::TLS_KEY,
        );
        let tls_server_name = pick(
            &cname,
            &flags.tls_server_name,
            &envl.tls_server_name,
            &ctx.tls_server_name,
            env::TLS_SERVER_NAME,
        );
        let tls_insecure = or_default(pick(
            &cname,
            &flags.tls_insecure,
            &envl.tls_insecure,
            &ctx.tls_insecure,
            env::TLS_INSECURE,
        ));
        // Any TLS file or option given turns TLS on unless it is explicitly off.
        let tls = pick(&cname, &flags.tls, &envl.tls, &ctx.tls, env::TLS).unwrap_or_else(|| {
            let implied = [
                tls_ca.as_ref().map(|v| &v.source),
                tls_cert.as_ref().map(|v| &v.source),
            ]
            .into_iter()
            .flatten()
            .next()
            .cloned()
            .or_else(|| tls_insecure.value.then(|| tls_insecure.source.clone()));
            match implied {
                Some(source) => Sourced {
                    value: true,
                    source,
                },
                None => Sourced {
                    value: false,
                    source: Source::Default,
                },
            }
        });
        Settings {
            config_file,
            brokers: pick(
                &cname,
                &flags.brokers,
                &envl.brokers,
                &ctx.brokers,
                env::BROKERS,
            )
            .unwrap_or(Sourced {
                value: vec![],
                source: Source::Default,
            }),
            client_id: pick(
                &cname,
                &flags.client_id,
                &envl.client_id,
                &ctx.client_id,
                env::CLIENT_ID,
            )
            .unwrap_or(Sourced {
                value: "evctl".into(),
                source: Source::Default,
            }),
            timeout: pick(
                &cname,
                &flags.timeout,
                &envl.timeout,
                &ctx.timeout,
                env::TIMEOUT,
            )
            .unwrap_or(Sourced {
                value: Duration::from_secs(10),
                source: Source::Default,
            }),
            tls,
            tls_ca,
            tls_cert,
            tls_key,
            tls_server_name,
            tls_insecure,
            sasl_mechanism: pick(
                &cname,
                &flags.sasl_mechanism,
                &envl.sasl_mechanism,
                &ctx.sasl_mechanism,
                env::SASL_MECHANISM,
            ),
            sasl_username: pick(
                &cname,
                &flags.sasl_username,
                &envl.sasl_username,
                &ctx.sasl_username,
                env::SASL_USERNAME,
            ),
            sasl_password: pick(
                &cname,
                &flags.sasl_password,
                &envl.sasl_password,
                &ctx.sasl_password,
                &password_env_name,
            ),
            registry: RegistrySettings::resolve(&cname, flags, envl, ctx),
            redis: RedisSettings {
                url: pick(
                    &cname,
                    &flags.redis_url,
                    &envl.redis_url,
                    &ctx.redis_url,
                    env::REDIS_URL,
                ),
                password: pick(
                    &cname,
                    &flags.redis_password,
                    &envl.redis_password,
                    &ctx.redis_password,
                    match &envl.redis_password {
                        Some(SecretRef::Env(v)) => v,
                        _ => env::REDIS_PASSWORD_FILE,
                    },
                ),
                ca: pick(&cname, &None, &None, &ctx.redis_ca, ""),
                cert: pick(&cname, &None, &None, &ctx.redis_cert, ""),
                key: pick(&cname, &None, &None, &ctx.redis_key, ""),
                insecure: pick(&cname, &None, &None, &ctx.redis_insecure, ""),
            },
            amqp_context: ctx.amqp.clone(),
            context,
        }
    }

    /// The Kafka client options these settings describe; reads the password now.
    pub fn client_options(&self) -> anyhow::Result<ClientOptions> {
        let tls = self.tls.value.then(|| TlsOptions {
            ca_file: self.tls_ca.as_ref().map(|v| v.value.clone()),
            cert_file: self.tls_cert.as_ref().map(|v| v.value.clone()),
            key_file: self.tls_key.as_ref().map(|v| v.value.clone()),
            server_name: self.tls_server_name.as_ref().map(|v| v.value.clone()),
            insecure_skip_verify: self.tls_insecure.value,
        });
        let sasl = match (
            &self.sasl_mechanism,
            &self.sasl_username,
            &self.sasl_password,
        ) {
            (None, None, None) => None,
            (Some(m), Some(u), Some(p)) => Some(SaslOptions {
                mechanism: m.value,
                username: u.value.clone(),
                password: p.value.read()?,
            }),
            (m, u, p) => {
                let mut missing = vec![];
                if m.is_none() {
                    missing.push("a mechanism (--sasl-mechanism)");
                }
                if u.is_none() {
                    missing.push("a username (--sasl-username)");
                }
                if p.is_none() {
                    missing.push("a password (EVCTL_SASL_PASSWORD or --sasl-password-file)");
                }
                return Err(usage(format!(
                    "SASL is half configured: missing {}",
                    missing.join(", ")
                )));
            }
        };
        let mut opts = ClientOptions::new(self.brokers.value.clone());
        opts.connect = ConnectOptions {
            client_id: self.client_id.value.clone(),
            tls,
            sasl,
            max_response: max_response()?,
            ..ConnectOptions::default()
        };
        opts.timeout = self.timeout.value;
        Ok(opts)
    }

    /// The Redis server these settings name, if the target is Redis: `--brokers` (or
    /// EVCTL_BROKERS, or the context's `brokers`) given as `redis://` / `rediss://` URLs, else the
    /// Redis URL of EVCTL_REDIS_URL or the context's `redis.url` when no Kafka brokers are set.
    /// TLS files come from the context's `redis:` section, else from the `--tls-*` settings.
    /// Reads the password now.
    pub fn redis_options(&self) -> anyhow::Result<Option<crate::redis::RedisOptions>> {
        let brokers = &self.brokers.value;
        let urls = if !brokers.is_empty() && brokers.iter().all(|b| crate::redis::is_redis_url(b)) {
            brokers.clone()
        } else if brokers.iter().any(|b| crate::redis::is_redis_url(b)) {
            return Err(usage(
                "--brokers mixes Redis URLs and Kafka brokers: give one or the other",
            ));
        } else {
            match &self.redis.url {
                Some(u) if brokers.is_empty() => u.value.clone(),
                _ => return Ok(None),
            }
        };
        let r = &self.redis;
        let value = |s: &Option<Sourced<PathBuf>>| s.as_ref().map(|v| v.value.clone());
        // the --tls-* flags (or EVCTL_TLS_*) apply to Redis too, before the context's `redis:`
        // section; a context's `tls:` section is its Kafka's
        let given = |s: &Option<Sourced<PathBuf>>| {
            s.as_ref()
                .filter(|v| !matches!(v.source, Source::Context(_)))
                .map(|v| v.value.clone())
        };
        let insecure = match self.tls_insecure.source {
            Source::Flag | Source::Env(_) => self.tls_insecure.value,
            _ => r.insecure.as_ref().is_some_and(|v| v.value),
        };
        Ok(Some(crate::redis::RedisOptions {
            urls,
            password: r.password.as_ref().map(|p| p.value.read()).transpose()?,
            ca_file: given(&self.tls_ca).or_else(|| value(&r.ca)),
            cert_file: given(&self.tls_cert).or_else(|| value(&r.cert)),
            key_file: given(&self.tls_key).or_else(|| value(&r.key)),
            insecure,
            timeout: self.timeout.value,
        }))
    }

    /// The RabbitMQ server these settings name, if the target is AMQP: `--brokers` (or
    /// EVCTL_BROKERS, or the context's `brokers`) given as one `amqp://` / `amqps://` URL, else
    /// EVCTL_AMQP_URL when no brokers are set. The password comes from EVCTL_AMQP_PASSWORD (or
    /// the file EVCTL_AMQP_PASSWORD_FILE names), TLS files from the `--tls-*` settings. Reads the
    /// password now.
    pub fn amqp_options(&self) -> anyhow::Result<Option<crate::amqp::AmqpOptions>> {
        let brokers = &self.brokers.value;
        let url = match brokers.as_slice() {
            [one] if crate::amqp::is_amqp_url(one) => one.clone(),
            many if many.iter().any(|b| crate::amqp::is_amqp_url(b)) => {
                return Err(usage(
                    "give one AMQP URL (--brokers amqp://[user@]host:port[/vhost]), not a list",
                ));
            }
            [] => match (std::env::var(env::AMQP_URL), &self.amqp_context) {
                (Ok(u), _) if !u.trim().is_empty() => u,
                (_, Some(AmqpContext { url: Some(u), .. })) => u.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let c = self.amqp_context.clone().unwrap_or_default();
        let password = if std::env::var_os(env::AMQP_PASSWORD).is_some() {
            Some(SecretRef::Env(env::AMQP_PASSWORD.into()))
        } else {
            (std::env::var_os(env::AMQP_PASSWORD_FILE).map(|f| SecretRef::File(f.into())))
                .or(c.password)
        };
        // the --tls-* flags (or EVCTL_TLS_*) before the context's `amqp:` files
        let given = |s: &Option<Sourced<PathBuf>>| {
            s.as_ref()
                .filter(|v| !matches!(v.source, Source::Context(_)))
                .map(|v| v.value.clone())
        };
        Ok(Some(crate::amqp::AmqpOptions {
            url,
            password: password.map(|p| p.read()).transpose()?,
            ca_file: given(&self.tls_ca).or(c.ca),
            cert_file: given(&self.tls_cert).or(c.cert),
            key_file: given(&self.tls_key).or(c.key),
            api: c.api,
            timeout: self.timeout.value,
        }))
    }

    /// The schema registry these settings describe, None when no URL is set; reads the secrets
    /// now. A bearer token wins over a user and password.
    pub fn registry_options(&self) -> anyhow::Result<Option<RegistryOptions>> {
        let r = &self.registry;
        let Some(url) = &r.url else {
            return Ok(None);
        };
        let token = r.token.as_ref().map(|t| t.value.read()).transpose()?;
        let auth = match (token, &r.user) {
            (Some(t), _) => Auth::Bearer(t),
            (None, Some(u)) => {
                let password = r.password.as_ref().ok_or_else(|| {
                    usage_hint(
                        format!("registry user {:?} has no password", u.value),
                        "set EVCTL_REGISTRY_PASSWORD or pass --registry-password-file",
                    )
                })?;
                Auth::Basic {
                    username: u.value.clone(),
                    password: password.value.read()?,
                }
            }
            (None, None) => Auth::None,
        };
        Ok(Some(RegistryOptions {
            url: url.value.clone(),
            auth,
            tls: TlsOptions {
                ca_file: r.ca.as_ref().map(|c| c.value.clone()),
                ..TlsOptions::default()
            },
            timeout: self.timeout.value,
        }))
    }
}

impl RegistrySettings {
    /// Merges the layers' registry settings: flags > environment > context.
    fn resolve(cname: &str, flags: &Layer, envl: &Layer, ctx: &Layer) -> RegistrySettings {
        let env_name = |s: &Option<SecretRef>, file_var: &str| match s {
            Some(SecretRef::Env(v)) => v.clone(),
            _ => file_var.to_string(),
        };
        RegistrySettings {
            url: pick(
                cname,
                &flags.registry_url,
                &envl.registry_url,
                &ctx.registry_url,
                env::REGISTRY_URL,
            ),
            user: pick(
                cname,
                &flags.registry_user,
                &envl.registry_user,
                &ctx.registry_user,
                env::REGISTRY_USER,
            ),
            password: pick(
                cname,
                &flags.registry_password,
                &envl.registry_password,
                &ctx.registry_password,
                &env_name(&envl.registry_password, env::REGISTRY_PASSWORD_FILE),
            ),
            token: pick(
                cname,
                &flags.registry_token,
                &envl.registry_token,
                &ctx.registry_token,
                &env_name(&envl.registry_token, env::REGISTRY_TOKEN_FILE),
            ),
            ca: pick(
                cname,
                &flags.registry_ca,
                &envl.registry_ca,
                &ctx.registry_ca,
                env::REGISTRY_CA,
            ),
        }
    }
}

#[cfg(test)]
mod tests;

pub mod args;
pub mod edit;
pub mod show;
