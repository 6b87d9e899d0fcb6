//! `evctl config`: list, show, switch, create, change, rename and delete the contexts of the
//! config file.

mod context;

use super::Ctx;
use crate::config::show::{self, SettingList, setting_rows};
use crate::config::{self as cfg, Settings, Source, Sourced};
use crate::error::{ExitStatus, usage, usage_hint};

pub use context::SetContextArgs;

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
            ctx.printer.data(&show::context_rows(file, current))?;
        }
        ConfigCommand::Current => current(ctx)?,
        ConfigCommand::Use { name } => use_context(ctx, name)?,
        ConfigCommand::SetContext(a) => context::set(ctx, a)?,
        ConfigCommand::DeleteContext { name } => context::delete(ctx, name)?,
        ConfigCommand::RenameContext { old, new } => context::rename(ctx, old, new)?,
        ConfigCommand::Show { name } => show_settings(ctx, name.as_deref())?,
    }
    Ok(ExitStatus::Success)
}

/// `config current`: the selected context, and what selected it when not the file.
fn current(ctx: &Ctx<'_>) -> anyhow::Result<()> {
    let c = ctx.settings.context.as_ref().ok_or_else(|| {
        usage_hint(
            "no context is selected",
            "set one with `evctl config use NAME`, --context or EVCTL_CONTEXT",
        )
    })?;
    ctx.printer.write_out(&format!("{}\n", c.value))?;
    if !matches!(&c.source, Source::Context(_)) {
        ctx.printer.status(&format!("(selected by {})", c.source));
    }
    Ok(())
}

/// `config use NAME`: the file's current_context, the rest of the file kept as it is.
fn use_context(ctx: &Ctx<'_>, name: &str) -> anyhow::Result<()> {
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
    Ok(())
}

/// `config show [NAME]`: the settings in effect, or those a context alone gives.
fn show_settings(ctx: &Ctx<'_>, name: Option<&str>) -> anyhow::Result<()> {
    let list = match name {
        None => SettingList {
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
        },
        Some(name) => {
            let (file, _) = require_file(ctx)?;
            let def = file
                .contexts
                .get(name)
                .ok_or_else(|| usage(format!("no context named {name:?}")))?;
            let layer = cfg::Layer::from_context(name, def)?;
            let context = Some(Sourced {
                value: name.to_string(),
                source: Source::Flag,
            });
            let empty = cfg::Layer::default();
            let settings =
                Settings::resolve(ctx.config_path.clone(), context, &empty, &empty, &layer);
            SettingList {
                config_file: ctx.config_path.as_ref().map(|p| p.display().to_string()),
                context: Some(name.to_string()),
                settings: setting_rows(&settings),
            }
        }
    };
    ctx.printer.data(&list)
}

/// The config file's path and its text (empty when it does not exist yet).
pub(super) fn file_text(ctx: &Ctx<'_>) -> anyhow::Result<(std::path::PathBuf, String)> {
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

pub(super) fn edit_error(
    path: &std::path::Path,
) -> impl Fn(cfg::edit::EditError) -> anyhow::Error + '_ {
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
