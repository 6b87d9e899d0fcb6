//! `evctl config`: list, show and switch the contexts of the config file.

use serde::Serialize;

use super::Ctx;
use crate::config::{self as cfg, Settings, Source, Sourced};
use crate::error::{ExitStatus, usage, usage_hint};
use crate::output::{Render, Styles, sanitize, table_string};
use crate::units::format_duration;

const CONFIG_HELP: &str = "\
The config file (~/.config/evctl/config.yaml, or --config / EVCTL_CONFIG) holds named contexts:

  current_context: local
  contexts:
    local:
      brokers: [127.0.0.1:9092]
    prod:
      brokers: [kafka-1.prod:9093, kafka-2.prod:9093]
      timeout: 30s
      tls: {ca_file: ~/certs/prod-ca.pem}
      sasl: {mechanism: SCRAM-SHA-512, username: ops, password_env: PROD_KAFKA_PASSWORD}
      schema_registry: {url: \"http://127.0.0.1:8081\", token_file: ~/.secrets/registry}

Passwords are never written in the file: use password_env or password_file.
Precedence: flags > EVCTL_* environment > the context > defaults.";

/// Manage connection contexts.
#[derive(Debug, clap::Args)]
#[command(after_long_help = CONFIG_HELP)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

/// `evctl config` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// List the contexts of the config file.
    List,
    /// Print the name of the context in use.
    Current,
    /// Make a context the current one (rewrites only the current_context line of the file).
    Use {
        /// The context to switch to.
        name: String,
    },
    /// Show the settings in effect and where each comes from (secrets masked), or one context's.
    Show {
        /// A context to show instead of the settings in effect.
        name: Option<String>,
    },
    /// Print the path of the config file.
    Path,
}

/// A row of `config list`.
#[derive(Debug, Serialize)]
pub struct ContextRow {
    pub name: String,
    pub current: bool,
    pub brokers: Vec<String>,
    pub tls: bool,
    pub sasl: Option<String>,
    pub schema_registry: Option<String>,
}

#[derive(Debug, Serialize)]
struct ContextList(Vec<ContextRow>);

impl Render for ContextList {
    fn table(&self, s: &Styles) -> String {
        let mut t = s.table(&[
            "CURRENT",
            "NAME",
            "BROKERS",
            "TLS",
            "SASL",
            "SCHEMA REGISTRY",
        ]);
        for c in &self.0 {
            t.add_row(vec![
                if c.current { "*".into() } else { String::new() },
                sanitize(&c.name).into_owned(),
                sanitize(&c.brokers.join(",")).into_owned(),
                if c.tls { "yes".into() } else { "no".into() },
                c.sasl.clone().unwrap_or_else(|| "-".into()),
                sanitize(c.schema_registry.as_deref().unwrap_or("-")).into_owned(),
            ]);
        }
        table_string(&t)
    }
}

/// One setting as `config show` prints it.
#[derive(Debug, Serialize)]
pub struct SettingRow {
    pub setting: &'static str,
    pub value: String,
    pub source: String,
}

#[derive(Debug, Serialize)]
struct SettingList {
    config_file: Option<String>,
    context: Option<String>,
    settings: Vec<SettingRow>,
}

impl Render for SettingList {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {}\n{} {}\n\n",
            s.bold("Config file:"),
            sanitize(self.config_file.as_deref().unwrap_or("-")),
            s.bold("Context:    "),
            sanitize(self.context.as_deref().unwrap_or("-"))
        );
        let mut t = s.table(&["SETTING", "VALUE", "SOURCE"]);
        for r in &self.settings {
            t.add_row(vec![
                r.setting.to_string(),
                sanitize(&r.value).into_owned(),
                r.source.clone(),
            ]);
        }
        out.push_str(&table_string(&t));
        out
    }
}

fn row<T>(setting: &'static str, v: &Sourced<T>, show: impl Fn(&T) -> String) -> SettingRow {
    SettingRow {
        setting,
        value: show(&v.value),
        source: v.source.to_string(),
    }
}

fn opt_row<T>(
    out: &mut Vec<SettingRow>,
    setting: &'static str,
    v: &Option<Sourced<T>>,
    show: impl Fn(&T) -> String,
) {
    if let Some(v) = v {
        out.push(row(setting, v, show));
    }
}

/// The rows of `config show`: every setting, secrets masked.
pub fn setting_rows(s: &Settings) -> Vec<SettingRow> {
    let mut rows = vec![
        row("brokers", &s.brokers, |b| {
            if b.is_empty() {
                "(none)".into()
            } else {
                b.join(",")
            }
        }),
        row("client_id", &s.client_id, String::clone),
        row("timeout", &s.timeout, |d| format_duration(*d)),
        row("tls", &s.tls, bool::to_string),
    ];
    let path = |p: &std::path::PathBuf| p.display().to_string();
    opt_row(&mut rows, "tls.ca_file", &s.tls_ca, path);
    opt_row(&mut rows, "tls.cert_file", &s.tls_cert, path);
    opt_row(&mut rows, "tls.key_file", &s.tls_key, path);
    opt_row(
        &mut rows,
        "tls.server_name",
        &s.tls_server_name,
        String::clone,
    );
    if s.tls_insecure.value {
        rows.push(row(
            "tls.insecure_skip_verify",
            &s.tls_insecure,
            bool::to_string,
        ));
    }
    opt_row(&mut rows, "sasl.mechanism", &s.sasl_mechanism, |m| {
        m.to_string()
    });
    opt_row(&mut rows, "sasl.username", &s.sasl_username, String::clone);
    opt_row(&mut rows, "sasl.password", &s.sasl_password, |p| p.masked());
    if let (Some(r), Some(c)) = (&s.schema_registry, &s.context) {
        let src = Source::Context(c.value.clone()).to_string();
        let mut push = |setting: &'static str, value: Option<String>| {
            if let Some(value) = value {
                rows.push(SettingRow {
                    setting,
                    value,
                    source: src.clone(),
                });
            }
        };
        push("schema_registry.url", r.url.clone());
        push("schema_registry.username", r.username.clone());
        push(
            "schema_registry.password",
            secret(&r.password_env, &r.password_file),
        );
        push("schema_registry.token", secret(&r.token_env, &r.token_file));
        push("schema_registry.ca_file", r.ca_file.clone());
    }
    rows
}

fn secret(env: &Option<String>, file: &Option<String>) -> Option<String> {
    env.as_ref()
        .map(|v| cfg::SecretRef::Env(v.clone()))
        .or_else(|| {
            file.as_deref()
                .map(|f| cfg::SecretRef::File(cfg::expand_home(f)))
        })
        .map(|r| r.masked())
}

fn require_file<'a>(ctx: &'a Ctx<'_>) -> anyhow::Result<&'a (cfg::ConfigFile, String)> {
    let shown = ctx
        .config_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no home directory)".into());
    ctx.config.as_ref().ok_or_else(|| {
        usage_hint(
            format!("there is no config file at {shown}"),
            "create it with a `contexts:` map (see `evctl config --help`)",
        )
    })
}

/// Runs `evctl config`.
pub fn run(ctx: &Ctx<'_>, args: &ConfigArgs) -> anyhow::Result<ExitStatus> {
    match &args.command {
        ConfigCommand::Path => {
            let p = ctx.config_path.as_ref().ok_or_else(|| {
                usage("no config path: set HOME, XDG_CONFIG_HOME, EVCTL_CONFIG or --config")
            })?;
            ctx.printer.write_out(&format!("{}\n", p.display()))?;
        }
        ConfigCommand::List => {
            let (file, _) = require_file(ctx)?;
            let current = ctx.settings.context.as_ref().map(|c| c.value.as_str());
            let rows = file
                .contexts
                .iter()
                .map(|(name, c)| ContextRow {
                    name: name.clone(),
                    current: current == Some(name.as_str()),
                    brokers: c.brokers.as_ref().map(|b| b.to_vec()).unwrap_or_default(),
                    tls: c.tls.as_ref().is_some_and(|t| t.enabled.unwrap_or(true)),
                    sasl: c.sasl.as_ref().and_then(|s| s.mechanism.clone()),
                    schema_registry: c.schema_registry.as_ref().and_then(|r| r.url.clone()),
                })
                .collect();
            ctx.printer.data(&ContextList(rows))?;
        }
        ConfigCommand::Current => match &ctx.settings.context {
            Some(c) => {
                ctx.printer.write_out(&format!("{}\n", c.value))?;
                if !matches!(&c.source, Source::Context(_)) {
                    ctx.printer.status(&format!("(selected by {})", c.source));
                }
            }
            None => {
                return Err(usage_hint(
                    "no context is selected",
                    "set one with `evctl config use NAME`, --context or EVCTL_CONTEXT",
                ));
            }
        },
        ConfigCommand::Use { name } => {
            let (file, text) = require_file(ctx)?;
            if !file.contexts.contains_key(name) {
                let names: Vec<&str> = file.contexts.keys().map(String::as_str).collect();
                return Err(usage_hint(
                    format!("no context named {name:?}"),
                    format!(
                        "defined contexts: {}",
                        if names.is_empty() {
                            "none".into()
                        } else {
                            names.join(", ")
                        }
                    ),
                ));
            }
            let path = ctx.config_path.as_ref().expect("a loaded file has a path");
            let updated = cfg::set_current_context(text, name);
            // write next to the file, then rename: a crash never leaves half a config
            let tmp = path.with_extension("yaml.tmp");
            std::fs::write(&tmp, updated).and_then(|_| std::fs::rename(&tmp, path))?;
            ctx.printer
                .status(&format!("Switched to context {name:?}."));
        }
        ConfigCommand::Show { name: None } => {
            ctx.printer.data(&SettingList {
                config_file: ctx
                    .settings
                    .config_file
                    .as_ref()
                    .map(|p| p.display().to_string()),
                context: ctx
                    .settings
                    .context
                    .as_ref()
                    .map(|c| format!("{} ({})", c.value, c.source)),
                settings: setting_rows(&ctx.settings),
            })?;
        }
        ConfigCommand::Show { name: Some(name) } => {
            let (file, _) = require_file(ctx)?;
            let def = file
                .contexts
                .get(name)
                .ok_or_else(|| usage(format!("no context named {name:?}")))?;
            let layer = cfg::Layer::from_context(name, def)?;
            let context = Some(Sourced {
                value: name.clone(),
                source: Source::Flag,
            });
            let empty = cfg::Layer::default();
            let settings = Settings::resolve(
                ctx.config_path.clone(),
                context,
                def.schema_registry.clone(),
                &empty,
                &empty,
                &layer,
            );
            ctx.printer.data(&SettingList {
                config_file: ctx.config_path.as_ref().map(|p| p.display().to_string()),
                context: Some(name.clone()),
                settings: setting_rows(&settings),
            })?;
        }
    }
    Ok(ExitStatus::Success)
}
