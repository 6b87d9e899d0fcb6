//! Settings for this invocation: the global flags split into the flag layer and the environment
//! layer, the config file and its selected context, merged by [`Settings::resolve`].

use std::path::PathBuf;

use clap::ArgMatches;
use clap::parser::ValueSource;

use super::GlobalArgs;
use crate::config::{self as cfg, ConfigFile, Layer, SecretRef, Settings, Source, Sourced};
use crate::error::usage_hint;

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
            let shown = path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
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
    let (flags, envl) = cli_layers(g, matches);
    let settings = Settings::resolve(path.clone(), context, &flags, &envl, &ctx_layer);
    Ok((settings, path, loaded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::{CommandFactory, FromArgMatches};
    use std::time::Duration;

    fn layers(args: &[&str]) -> (Layer, Layer) {
        let m = Cli::command().try_get_matches_from(args).unwrap();
        let cli = Cli::from_arg_matches(&m).unwrap();
        cli_layers(&cli.global, &m)
    }

    #[test]
    fn flags_land_in_the_flag_layer() {
        let (flags, envl) = layers(&[
            "evctl",
            "-b",
            "a:1,b:2",
            "--timeout",
            "3s",
            "--tls-ca",
            "/ca.pem",
            "--no-tls",
            "cluster",
        ]);
        assert_eq!(flags.brokers, Some(vec!["a:1".into(), "b:2".into()]));
        assert_eq!(flags.timeout, Some(Duration::from_secs(3)));
        assert_eq!(flags.tls_ca, Some(PathBuf::from("/ca.pem")));
        assert_eq!(flags.tls, Some(false));
        assert_eq!(envl.brokers, None);
    }
}
