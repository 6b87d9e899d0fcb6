//! `evctl config set-context`, `delete-context` and `rename-context`: edits of the config file
//! that keep its comments and layout, written atomically with mode 0600.

use super::{Ctx, edit_error, file_text};
use crate::config as cfg;
use crate::error::usage_hint;
use crate::units::format_duration;

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

/// An absolute form of a path given on the command line, so the context works from any directory.
fn absolute(p: &std::path::Path) -> String {
    std::path::absolute(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}

/// What `set-context` writes: the connection flags of this command line (not the environment),
/// and its own secret and registry flags; paths made absolute.
fn context_edit(ctx: &Ctx<'_>, a: &SetContextArgs) -> cfg::edit::ContextEdit {
    use cfg::edit::ContextEdit;
    let f = &ctx.flags;
    ContextEdit {
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
        // its own --registry-url / --registry-username, or the global --registry / --registry-user
        registry_url: a.registry_url.clone().or_else(|| f.registry_url.clone()),
        registry_username: a
            .registry_username
            .clone()
            .or_else(|| f.registry_user.clone()),
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
    }
}

/// `config set-context NAME`: creates or updates a context from this command line's flags.
pub(super) fn set(ctx: &Ctx<'_>, a: &SetContextArgs) -> anyhow::Result<()> {
    let edit = context_edit(ctx, a);
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
    cfg::edit::write_file(&path, &updated)?;
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

/// `config delete-context NAME`.
pub(super) fn delete(ctx: &Ctx<'_>, name: &str) -> anyhow::Result<()> {
    let (path, text) = file_text(ctx)?;
    let (updated, was_current) =
        cfg::edit::delete_context(&text, name).map_err(edit_error(&path))?;
    cfg::edit::write_file(&path, &updated)?;
    ctx.printer.status(&format!("Deleted context {name:?}."));
    if was_current {
        ctx.printer.warn(&format!(
            "{name:?} was the current context: none is selected now (`evctl config use NAME`)"
        ));
    }
    Ok(())
}

/// `config rename-context OLD NEW`.
pub(super) fn rename(ctx: &Ctx<'_>, old: &str, new: &str) -> anyhow::Result<()> {
    let (path, text) = file_text(ctx)?;
    let updated = cfg::edit::rename_context(&text, old, new).map_err(edit_error(&path))?;
    cfg::edit::write_file(&path, &updated)?;
    ctx.printer
        .status(&format!("Renamed context {old:?} to {new:?}."));
    Ok(())
}
