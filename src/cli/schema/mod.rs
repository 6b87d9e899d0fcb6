//! `evctl schema`: the CI schema gate (`check`) and registry access (`get`, `list`, `register`).

mod check;

use std::path::PathBuf;

use serde::Serialize;

use super::Ctx;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::output::{Render, Styles, sanitize};
use crate::schema::registry::{self, Registry, SchemaBody, SchemaRef};
use crate::schema::{Format, check::format_of, check::load, local};

pub use check::{CheckArgs, ReportFormat};

/// Check schema compatibility, and read or register schemas in a registry.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    #[command(subcommand)]
    pub command: SchemaCommand,
}

/// `evctl schema` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum SchemaCommand {
    /// Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry).
    #[command(after_help = check::CHECK_HELP)]
    Check(Box<CheckArgs>),
    /// Print a schema version from the registry.
    Get(GetArgs),
    /// List the registry's subjects, or one subject's versions.
    List(ListArgs),
    /// Register a schema under a subject (exit 3 when the registry finds it incompatible).
    Register(RegisterArgs),
}

/// `evctl schema get`.
#[derive(Debug, clap::Args)]
#[command(disable_version_flag = true)]
pub struct GetArgs {
    /// The subject.
    #[arg(long)]
    pub subject: String,
    /// Version number or `latest`.
    #[arg(long, default_value = "latest")]
    pub version: String,
}

/// `evctl schema list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// List this subject's versions instead of the subjects.
    #[arg(long)]
    pub subject: Option<String>,
}

/// `evctl schema register`.
#[derive(Debug, clap::Args)]
pub struct RegisterArgs {
    /// The schema file.
    pub file: PathBuf,
    /// The subject to register under.
    #[arg(long)]
    pub subject: String,
    /// Schema format [default: from the file extension].
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub schema_type: Option<Format>,
    /// A reference to a registered schema: NAME=SUBJECT:VERSION.
    #[arg(long = "reference", value_name = "NAME=SUBJECT:VERSION")]
    pub references: Vec<String>,
}

/// The registry the settings name; a usage error when there is none.
pub(super) fn need_registry(ctx: &Ctx<'_>) -> anyhow::Result<Registry> {
    let opts = ctx.settings.registry_options()?.ok_or_else(|| {
        usage_hint("no schema registry configured", "pass --registry URL, set EVCTL_REGISTRY_URL, or add schema_registry.url to the context")
    })?;
    Ok(Registry::new(&opts)?)
}

/// `schema get` output: the schema text in table mode, the whole version otherwise.
#[derive(Serialize)]
struct VersionView(registry::SchemaVersion);

impl Render for VersionView {
    fn table(&self, _s: &Styles) -> String {
        let text = serde_json::from_str::<serde_json::Value>(&self.0.schema)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_else(|| self.0.schema.clone());
        format!("{}\n", text.trim_end())
    }
}

#[derive(Serialize)]
struct Lines(Vec<String>);

impl Render for Lines {
    fn table(&self, _s: &Styles) -> String {
        self.0
            .iter()
            .map(|l| format!("{}\n", sanitize(l)))
            .collect()
    }
}

#[derive(Serialize)]
struct Registered {
    subject: String,
    id: i64,
}

impl Render for Registered {
    fn table(&self, _s: &Styles) -> String {
        format!("{}\n", self.id)
    }
}

fn parse_registry_refs(specs: &[String]) -> anyhow::Result<Vec<SchemaRef>> {
    specs
        .iter()
        .map(|s| {
            let bad = || usage(format!("--reference {s:?}: expected NAME=SUBJECT:VERSION"));
            let (name, rest) = s.split_once('=').ok_or_else(bad)?;
            let (subject, version) = rest.rsplit_once(':').ok_or_else(bad)?;
            Ok(SchemaRef {
                name: name.into(),
                subject: subject.into(),
                version: version.parse().map_err(|_| bad())?,
            })
        })
        .collect()
}

/// Runs `evctl schema`.
pub async fn run(ctx: &Ctx<'_>, args: &SchemaArgs) -> anyhow::Result<ExitStatus> {
    match &args.command {
        SchemaCommand::Check(a) => check::run(ctx, a).await,
        SchemaCommand::Get(a) => {
            let reg = need_registry(ctx)?;
            let v = reg.version(&a.subject, &a.version).await?;
            ctx.printer.data(&VersionView(v))?;
            Ok(ExitStatus::Success)
        }
        SchemaCommand::List(a) => {
            let reg = need_registry(ctx)?;
            let lines = match &a.subject {
                Some(s) => {
                    let v = reg.versions(s).await?;
                    if v.is_empty() {
                        return Err(anyhow::anyhow!("subject {s:?} not found in {}", reg.url()));
                    }
                    v.iter().map(|n| n.to_string()).collect()
                }
                None => reg.subjects().await?,
            };
            ctx.printer.data(&Lines(lines))?;
            Ok(ExitStatus::Success)
        }
        SchemaCommand::Register(a) => {
            let reg = need_registry(ctx)?;
            let format = format_of(&a.file, a.schema_type)?;
            let text = local::read(&a.file)?;
            // a schema that does not parse is caught here, with its line
            load(&a.file, "new".into(), text.clone(), format, true, &[], &[])?;
            let body = SchemaBody::new(format, text, parse_registry_refs(&a.references)?);
            match reg.register(&a.subject, &body).await {
                Ok(id) => {
                    ctx.printer.data(&Registered {
                        subject: a.subject.clone(),
                        id,
                    })?;
                    Ok(ExitStatus::Success)
                }
                Err(e) if registry::is_incompatible(&e) => {
                    ctx.printer.warn(&format!("not registered: {e}"));
                    Ok(ExitStatus::CheckFailed)
                }
                Err(e) if registry::is_invalid_schema(&e) => Err(usage(e.to_string())),
                Err(e) => Err(e.into()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_reference_syntax() {
        let r = parse_registry_refs(&["common.proto=common-value:3".into()]).unwrap();
        assert_eq!(
            r[0],
            SchemaRef {
                name: "common.proto".into(),
                subject: "common-value".into(),
                version: 3
            }
        );
        assert!(parse_registry_refs(&["x".into()]).is_err());
    }
}
