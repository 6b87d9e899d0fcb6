//! The global flags every command takes, and the settings of this invocation: the flags split
//! into the flag layer and the environment layer, the config file and its selected context,
//! merged by [`Settings::resolve`].

use std::path::PathBuf;
use std::time::Duration;

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::config::{self as cfg, ConfigFile, Layer, SecretRef, Settings, Source, Sourced};
use crate::kafka::Mechanism;
use crate::output::{ColorChoice, OutputFormat};

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Bootstrap brokers, host:port, comma-separated or repeated.
    #[arg(short = 'b', long, global = true, env = cfg::env::BROKERS, value_delimiter = ',', value_name = "HOST:PORT", help_heading = "Connection")]
    pub brokers: Vec<String>,

    /// Context of the config file to use instead of its current_context.
    #[arg(long, global = true, env = cfg::env::CONTEXT, value_name = "NAME", help_heading = "Connection")]
    pub context: Option<String>,

    /// Config file [default: ~/.config/evctl/config.yaml].
    #[arg(long, global = true, env = cfg::env::CONFIG, value_name = "FILE", help_heading = "Connection")]
    pub config: Option<PathBuf>,

    /// Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s].
    #[arg(long, global = true, env = cfg::env::TIMEOUT, value_parser = parse_timeout, value_name = "DURATION", help_heading = "Connection")]
    pub timeout: Option<Duration>,

    /// Client id sent to the brokers [default: evctl].
    #[arg(long, global = true, env = cfg::env::CLIENT_ID, value_name = "ID", help_heading = "Connection")]
    pub client_id: Option<String>,

    /// Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure).
    #[arg(long, global = true, env = cfg::env::TLS, overrides_with = "no_tls", help_heading = "TLS")]
    pub tls: bool,

    /// Connect in plain text even if the context enables TLS.
    #[arg(long, global = true, help_heading = "TLS")]
    pub no_tls: bool,

    /// PEM file of the CA certificates that sign the brokers' certificates [default: system roots].
    #[arg(long, global = true, env = cfg::env::TLS_CA, value_name = "FILE", help_heading = "TLS")]
    pub tls_ca: Option<PathBuf>,

    /// PEM client certificate (chain) for mutual TLS.
    #[arg(long, global = true, env = cfg::env::TLS_CERT, value_name = "FILE", requires = "tls_key", help_heading = "TLS")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key of the client certificate.
    #[arg(long, global = true, env = cfg::env::TLS_KEY, value_name = "FILE", requires = "tls_cert", help_heading = "TLS")]
    pub tls_key: Option<PathBuf>,

    /// Name to send as SNI and to verify the certificate against [default: the broker's host].
    #[arg(long, global = true, env = cfg::env::TLS_SERVER_NAME, value_name = "NAME", help_heading = "TLS")]
    pub tls_server_name: Option<String>,

    /// Do not verify broker certificates. Only for throwaway test clusters.
    #[arg(long, global = true, env = cfg::env::TLS_INSECURE, help_heading = "TLS")]
    pub tls_insecure: bool,

    /// SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.
    #[arg(long, global = true, env = cfg::env::SASL_MECHANISM, value_parser = cfg::parse_mechanism, value_name = "MECHANISM", help_heading = "SASL")]
    pub sasl_mechanism: Option<Mechanism>,

    /// SASL username.
    #[arg(long, global = true, env = cfg::env::SASL_USERNAME, value_name = "USER", help_heading = "SASL")]
    pub sasl_username: Option<String>,

    /// File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it
    /// never shows in process lists or shell history).
    #[arg(long, global = true, env = cfg::env::SASL_PASSWORD_FILE, value_name = "FILE", help_heading = "SASL")]
    pub sasl_password_file: Option<PathBuf>,

    /// Schema registry URL [default: the context's schema_registry.url].
    #[arg(long, global = true, env = cfg::env::REGISTRY_URL, value_name = "URL", help_heading = "Schema registry")]
    pub registry: Option<String>,

    /// Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file).
    #[arg(long, global = true, env = cfg::env::REGISTRY_USER, value_name = "USER", help_heading = "Schema registry")]
    pub registry_user: Option<String>,

    /// File holding the registry password.
    #[arg(long, global = true, env = cfg::env::REGISTRY_PASSWORD_FILE, value_name = "FILE", help_heading = "Schema registry")]
    pub registry_password_file: Option<PathBuf>,

    /// File holding a bearer token (or set EVCTL_REGISTRY_TOKEN).
    #[arg(long, global = true, env = cfg::env::REGISTRY_TOKEN_FILE, value_name = "FILE", help_heading = "Schema registry")]
    pub registry_token_file: Option<PathBuf>,

    /// PEM file of the CA that signs the registry's certificate [default: system roots].
    #[arg(long, global = true, env = cfg::env::REGISTRY_CA, value_name = "FILE", help_heading = "Schema registry")]
    pub registry_ca: Option<PathBuf>,

    /// Output format of data on stdout.
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Table, help_heading = "Output")]
    pub output: OutputFormat,

    /// When to use colours (NO_COLOR is honoured in auto).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Output")]
    pub color: ColorChoice,

    /// Print only data and errors (no status lines).
    #[arg(
        short,
        long,
        global = true,
        conflicts_with = "verbose",
        help_heading = "Output"
    )]
    pub quiet: bool,

    /// Say more on stderr (-v info, -vv debug, -vvv protocol trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,
}

fn parse_timeout(s: &str) -> Result<Duration, String> {
    let d = crate::units::parse_duration(s)?;
    if d.is_zero() {
        return Err("the timeout must be more than zero".into());
    }
    Ok(d)
}

/// The argument ids whose value came from the environment.
fn from_env(matches: &ArgMatches, id: &str) -> bool {
    matches.value_source(id) == Some(ValueSource::EnvVariable)
}

/// Splits the parsed global flags into the flag layer and the environment layer.
pub fn cli_layers(g: &GlobalArgs, matches: &ArgMatches) -> (Layer, Layer) {
    let mut flags = Layer::default();
    let mut envl = Layer::default();
    macro_rules! put {
        ($field:ident, $id:literal, $value:expr) => {
            if let Some(v) = $value {
                if from_env(matches, $id) {
                    envl.$field = Some(v);
                } else {
                    flags.$field = Some(v);
                }
            }
        };
    }
    put!(
        brokers,
        "brokers",
        (!g.brokers.is_empty()).then(|| g.brokers.clone())
    );
    put!(client_id, "client_id", g.client_id.clone());
    put!(timeout, "timeout", g.timeout);
    put!(tls, "tls", g.tls.then_some(true));
    put!(tls_ca, "tls_ca", g.tls_ca.clone());
    put!(tls_cert, "tls_cert", g.tls_cert.clone());
    put!(tls_key, "tls_key", g.tls_key.clone());
    put!(
        tls_server_name,
        "tls_server_name",
        g.tls_server_name.clone()
    );
    put!(tls_insecure, "tls_insecure", g.tls_insecure.then_some(true));
    put!(sasl_mechanism, "sasl_mechanism", g.sasl_mechanism);
    put!(sasl_username, "sasl_username", g.sasl_username.clone());
    put!(
        sasl_password,
        "sasl_password_file",
        g.sasl_password_file.clone().map(SecretRef::File)
    );
    put!(registry_url, "registry", g.registry.clone());
    put!(registry_user, "registry_user", g.registry_user.clone());
    put!(
        registry_password,
        "registry_password_file",
        g.registry_password_file.clone().map(SecretRef::File)
    );
    put!(
        registry_token,
        "registry_token_file",
        g.registry_token_file.clone().map(SecretRef::File)
    );
    put!(registry_ca, "registry_ca", g.registry_ca.clone());
    if g.no_tls {
        flags.tls = Some(false);
    }
    // a secret in a variable of its own, unless a file was named
    let var = |name: &str| {
        std::env::var_os(name)
            .is_some()
            .then(|| SecretRef::Env(name.into()))
    };
    if flags.sasl_password.is_none()
        && let Some(v) = var(cfg::env::SASL_PASSWORD)
    {
        envl.sasl_password = Some(v);
    }
    if flags.registry_password.is_none() && envl.registry_password.is_none() {
        envl.registry_password = var(cfg::env::REGISTRY_PASSWORD);
    }
    if flags.registry_token.is_none() && envl.registry_token.is_none() {
        envl.registry_token = var(cfg::env::REGISTRY_TOKEN);
    }
    envl.read_redis_env();
    (flags, envl)
}

/// The parsed config file and its text, when it exists.
pub type LoadedConfig = Option<(ConfigFile, String)>;

/// Loads the config file and resolves the settings for this invocation.
pub fn resolve_settings(
    g: &GlobalArgs,
    matches: &ArgMatches,
) -> anyhow::Result<(Settings, Option<PathBuf>, LoadedConfig)> {
    let path = g.config.clone().or_else(cfg::default_path);
    let loaded = match &path {
        Some(p) => cfg::load(p)?,
        None => None,
    };
    let explicit = g.context.as_ref().map(|name| Sourced {
        value: name.clone(),
        source: if from_env(matches, "context") {
            Source::Env(cfg::env::CONTEXT.into())
        } else {
            Source::Flag
        },
    });
    let file = loaded.as_ref().map(|(f, _)| f);
    let (context, ctx_layer) = cfg::select_context(path.as_deref(), file, explicit)?;
    let (flags, envl) = cli_layers(g, matches);
    let settings = Settings::resolve(path.clone(), context, &flags, &envl, &ctx_layer);
    Ok((settings, path, loaded))
}
