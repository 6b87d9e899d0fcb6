//! `evctl config`: list, show, switch, create, change, rename and delete the contexts of the
//! config file.

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
`evctl config set-context NAME -b ... --sasl-mechanism ... --password-env VAR` writes a context
(keeping the file's comments and other keys); `delete-context` and `rename-context` too.
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
    /// Create a context, or change the settings given in an existing one (the rest of the file,
    /// comments included, stays as it is). Takes the connection flags (-b, --tls-ca,
    /// --sasl-mechanism, ...) and secret references; never a secret itself.
    SetContext(SetContextArgs),
    /// Remove a context (and current_context, when it names it).
    DeleteContext {
        /// The context to remove.
        name: String,
    },
    /// Rename a context (and current_context with it).
    RenameContext {
        /// Its name now.
        old: String,
        /// Its new name.
        new: String,
    },
}

/// `evctl config set-context`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  evctl config set-context local -b 127.0.0.1:9092 --use
  evctl config set-context prod -b kafka-1:9093,kafka-2:9093 --tls-ca ~/certs/prod-ca.pem \\
      --sasl-mechanism SCRAM-SHA-512 --sasl-username ops --password-env PROD_KAFKA_PASSWORD
  evctl config set-context prod --registry-url https://registry.internal:8081 --registry-token-file ~/.secrets/reg")]
pub struct SetContextArgs {
    /// The context to create or change.
    pub name: String,
    /// Also make it the current context.
    #[arg(long = "use")]
    pub use_it: bool,
    /// The environment variable that holds the SASL password (written as password_env).
    #[arg(long, value_name = "VAR", conflicts_with = "password_file")]
    pub password_env: Option<String>,
    /// The file that holds the SASL password (written as password_file).
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<std::path::PathBuf>,
    /// Schema registry URL.
    #[arg(long, value_name = "URL")]
    pub registry_url: Option<String>,
    /// Schema registry basic-auth user.
    #[arg(long, value_name = "USER")]
    pub registry_username: Option<String>,
    /// The environment variable that holds the registry password.
    #[arg(long, value_name = "VAR", conflicts_with = "registry_password_file")]
    pub registry_password_env: Option<String>,
    /// The file that holds the registry password.
    #[arg(long, value_name = "FILE")]
    pub registry_password_file: Option<std::path::PathBuf>,
    /// The environment variable that holds a registry bearer token.
    #[arg(long, value_name = "VAR", conflicts_with = "registry_token_file")]
    pub registry_token_env: Option<String>,
    /// The file that holds a registry bearer token.
    #[arg(long, value_name = "FILE")]
    pub registry_token_file: Option<std::path::PathBuf>,
    /// The CA that signed the registry's certificate.
    #[arg(long, value_name = "FILE")]
    pub registry_ca: Option<std::path::PathBuf>,
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
    let r = &s.registry;
    opt_row(&mut rows, "schema_registry.url", &r.url, String::clone);
    opt_row(
        &mut rows,
        "schema_registry.username",
        &r.user,
        String::clone,
    );
    opt_row(&mut rows, "schema_registry.password", &r.password, |p| {
        p.masked()
    });
    opt_row(&mut rows, "schema_registry.token", &r.token, |p| p.masked());
    opt_row(&mut rows, "schema_registry.ca_file", &r.ca, path);
    rows
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
        ConfigCommand::SetContext(a) => set_context(ctx, a)?,
        ConfigCommand::DeleteContext { name } => {
            let (path, text) = file_text(ctx)?;
            let (updated, was_current) =
                cfg::edit::delete_context(&text, name).map_err(edit_error(&path))?;
            write_config(&path, &updated)?;
            ctx.printer.status(&format!("Deleted context {name:?}."));
            if was_current {
                ctx.printer.warn(&format!(
                    "{name:?} was the current context: none is selected now (`evctl config use NAME`)"
                ));
            }
        }
        ConfigCommand::RenameContext { old, new } => {
            let (path, text) = file_text(ctx)?;
            let updated = cfg::edit::rename_context(&text, old, new).map_err(edit_error(&path))?;
            write_config(&path, &updated)?;
            ctx.printer
                .status(&format!("Renamed context {old:?} to {new:?}."));
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
            let settings =
                Settings::resolve(ctx.config_path.clone(), context, &empty, &empty, &layer);
            ctx.printer.data(&SettingList {
                config_file: ctx.config_path.as_ref().map(|p| p.display().to_string()),
                context: Some(name.clone()),
                settings: setting_rows(&settings),
            })?;
        }
    }
    Ok(ExitStatus::Success)
}

/// The config file's path and its text (empty when it does not exist yet).
fn file_text(ctx: &Ctx<'_>) -> anyhow::Result<(std::path::PathBuf, String)> {
    let path = ctx.config_path.clone().ok_or_else(|| {
        usage("no config path: set HOME, XDG_CONFIG_HOME, EVCTL_CONFIG or --config")
    })?;
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
    };
    Ok((path, text))
}

fn edit_error(path: &std::path::Path) -> impl Fn(cfg::edit::EditError) -> anyhow::Error + '_ {
    move |e| {
        use cfg::edit::EditError;
        match e {
            EditError::NoSuchContext(_) | EditError::Exists(_) => usage_hint(
                e.to_string(),
                "`evctl config list` shows the contexts of the file",
            ),
            other => crate::diag::FileError::whole(path, other.to_string()).into(),
        }
    }
}

/// Writes the config file: checked first (it must still load), then written next to it with mode
/// 0600 and renamed over it, so a crash never leaves half a file and nobody else can read it.
fn write_config(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    if let Err(e) = serde_yaml_ng::from_str::<cfg::ConfigFile>(text) {
        anyhow::bail!(
            "the edited config would not load ({e}); {} is unchanged",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("yaml.tmp");
    {
        use std::io::Write;
        #[cfg(unix)]
        use std::os::unix::fs::OpenOptionsExt;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        opts.mode(0o600);
        let mut f = opts.open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600))?;
    }
    std::fs::rename(&tmp, path)?;
    Ok(())
}

/// An absolute form of a path given on the command line, so the context works from any directory.
fn absolute(p: &std::path::Path) -> String {
    std::path::absolute(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}

fn set_context(ctx: &Ctx<'_>, a: &SetContextArgs) -> anyhow::Result<()> {
    use cfg::edit::ContextEdit;
    let f = &ctx.flags;
    let edit = ContextEdit {
        brokers: f.brokers.clone(),
        client_id: f.client_id.clone(),
        timeout: f.timeout.map(format_duration),
        tls: f.tls,
        tls_ca: f.tls_ca.as_deref().map(absolute),
        tls_cert: f.tls_cert.as_deref().map(absolute),
        tls_key: f.tls_key.as_deref().map(absolute),
        tls_server_name: f.tls_server_name.clone(),
        tls_insecure: f.tls_insecure,
        sasl_mechanism: f.sasl_mechanism.map(|m| m.to_string()),
        sasl_username: f.sasl_username.clone(),
        sasl_password: match (&a.password_env, &a.password_file, &f.sasl_password) {
            (Some(v), _, _) => Some(cfg::SecretRef::Env(v.clone())),
            (_, Some(p), _) => Some(cfg::SecretRef::File(absolute(p).into())),
            (_, _, Some(cfg::SecretRef::File(p))) => Some(cfg::SecretRef::File(absolute(p).into())),
            _ => None,
        },
        registry_url: a.registry_url.clone(),
        registry_username: a.registry_username.clone(),
        registry_password: a
            .registry_password_env
            .clone()
            .map(cfg::SecretRef::Env)
            .or_else(|| {
                a.registry_password_file
                    .as_deref()
                    .map(|p| cfg::SecretRef::File(absolute(p).into()))
            }),
        registry_token: a
            .registry_token_env
            .clone()
            .map(cfg::SecretRef::Env)
            .or_else(|| {
                a.registry_token_file
                    .as_deref()
                    .map(|p| cfg::SecretRef::File(absolute(p).into()))
            }),
        registry_ca: a.registry_ca.as_deref().map(absolute),
    };
    let (path, text) = file_text(ctx)?;
    let exists = ctx
        .config
        .as_ref()
        .is_some_and(|(file, _)| file.contexts.contains_key(&a.name));
    if edit.is_empty() && exists && !a.use_it {
        return Err(usage_hint(
            format!("nothing to change in context {:?}", a.name),
            "pass the settings to write: -b, --tls-ca, --sasl-mechanism, --password-env, --registry-url, ...",
        ));
    }
    if !exists && edit.brokers.is_none() {
        return Err(usage_hint(
            format!(
                "a new context needs brokers: context {:?} does not exist yet",
                a.name
            ),
            "pass -b HOST:PORT[,HOST:PORT]",
        ));
    }
    let mut updated = cfg::edit::set_context(&text, &a.name, &edit).map_err(edit_error(&path))?;
    if a.use_it {
        updated = cfg::set_current_context(&updated, &a.name);
    }
    write_config(&path, &updated)?;
    ctx.printer.status(&format!(
        "{} context {:?} in {}{}.",
        if exists { "Updated" } else { "Created" },
        a.name,
        path.display(),
        if a.use_it {
            "; it is the current context"
        } else {
            ""
        }
    ));
    Ok(())
}
