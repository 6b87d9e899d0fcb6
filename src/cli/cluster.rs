//! `evctl cluster`: what the cluster is made of, and what its brokers can do.

use super::Ctx;
use crate::error::ExitStatus;
use crate::overview;

/// Show the cluster: id, controller, brokers, topic and partition counts.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  evctl cluster\n  evctl cluster -o json\n  evctl cluster --api-versions"
)]
pub struct ClusterArgs {
    /// Also list the API versions each broker supports, marking the ones evctl needs that are missing.
    #[arg(long)]
    pub api_versions: bool,
}

/// Runs `evctl cluster`.
pub async fn run(ctx: &Ctx<'_>, args: &ClusterArgs) -> anyhow::Result<ExitStatus> {
    let client = ctx.client().await?;
    ctx.printer
        .data(&overview::gather(&client, args.api_versions).await?)?;
    Ok(ExitStatus::Success)
}
