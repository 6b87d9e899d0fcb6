//! `evctl export`: the cluster's topics as a topics.yaml (only values set on the topics, in human
//! units), so that `evctl plan` on the result reports no changes.

use super::Ctx;
use crate::error::ExitStatus;
use crate::plan::export;

/// Write the cluster's topics as a topics.yaml spec.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  evctl export > topics.yaml\n  evctl export --prefix platform. > platform.yaml"
)]
pub struct ExportArgs {
    /// Only topics whose names start with this prefix (repeatable).
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Vec<String>,
    /// Include protected topics (`__*`, `_schemas`, `_connect-*`, `*-changelog`, `_confluent*`).
    #[arg(long)]
    pub include_protected: bool,
    /// Leave the cluster's ACLs out (they are written per principal, roles recognised).
    #[arg(long)]
    pub no_acls: bool,
    /// Leave the cluster's client quotas out.
    #[arg(long)]
    pub no_quotas: bool,
}

/// Runs `evctl export`.
pub async fn run(ctx: &Ctx<'_>, args: &ExportArgs) -> anyhow::Result<ExitStatus> {
    let client = ctx.client().await?;
    let doc = export::export(
        &client,
        &args.prefix,
        args.include_protected,
        !args.no_acls,
        !args.no_quotas,
    )
    .await?;
    if ctx.printer.format == crate::output::OutputFormat::Table {
        let id = doc.cluster_id.clone().unwrap_or_default();
        ctx.printer.write_out(&format!(
            "# Exported by evctl {} from cluster {id}: the values set on each topic.\n",
            env!("CARGO_PKG_VERSION")
        ))?;
    }
    ctx.printer.data(&doc)?;
    doc.warnings.iter().for_each(|w| ctx.printer.warn(w));
    Ok(ExitStatus::Success)
}
