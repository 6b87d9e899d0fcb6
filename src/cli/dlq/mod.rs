//! `evctl dlq`: inspect, replay, drain and purge dead-letter topics.

mod drain;
mod pending;
mod purge;
mod replay;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::Ctx;
pub use crate::dlq::flags::{Selection, criteria, dialects, parse_time};
use crate::error::ExitStatus;

pub use drain::DrainArgs;
pub use purge::PurgeArgs;
pub use replay::ReplayArgs;

/// Arguments of `evctl dlq`.
#[derive(Debug, clap::Args)]
pub struct DlqArgs {
    #[command(subcommand)]
    pub command: DlqCommand,
}

/// The dlq subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum DlqCommand {
    /// Count dead letters by error class, original topic and time; first and last seen; a sample.
    Inspect(InspectArgs),
    /// Send dead letters back to their original topic (or --to), resumable through a group.
    Replay(ReplayArgs),
    /// Move a group past matching dead letters without producing them (acknowledge as handled).
    Drain(DrainArgs),
    /// Delete a dead-letter topic's records before an offset or a time (DeleteRecords).
    Purge(PurgeArgs),
}

/// `evctl dlq inspect`.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// Time bucket for grouping.
    #[arg(long, default_value = "1h", value_parser = crate::units::parse_duration, value_name = "DURATION")]
    pub bucket: Duration,
    /// topics.yaml files whose `dialects` section names custom dead-letter headers.
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,
    #[command(flatten)]
    pub redis: crate::dlq::flags::InspectFlags,
}

/// Asks before a change to the DLQ or its groups; off a terminal it needs --yes.
fn confirm(prompt: &str) -> anyhow::Result<bool> {
    super::terminal::confirm(
        prompt,
        "refusing without confirmation: not on a terminal",
        "run with --dry-run first to see what it does, then pass --yes",
    )
}

/// Runs `evctl dlq`.
pub async fn run(ctx: &Ctx<'_>, args: &DlqArgs) -> anyhow::Result<ExitStatus> {
    if let Some(r) = ctx.settings.redis_options()? {
        return pending::run(ctx, &args.command, &r).await;
    }
    match &args.command {
        DlqCommand::Inspect(a) => inspect(ctx, a).await,
        DlqCommand::Replay(a) => replay::run(ctx, a).await,
        DlqCommand::Drain(a) => drain::run(ctx, a).await,
        DlqCommand::Purge(a) => purge::run(ctx, a).await,
    }
}

async fn inspect(ctx: &Ctx<'_>, a: &InspectArgs) -> anyhow::Result<ExitStatus> {
    let custom = dialects(&a.spec)?;
    let mut codec = crate::cli::codec(ctx, false, Default::default(), false).await?;
    let client = Arc::new(ctx.client().await?);
    let bucket = a.bucket.as_millis() as i64;
    let found = crate::kafka::dlq::inspect(client, &a.topic, bucket, &custom, codec.as_mut());
    let found = found.await?;
    ctx.printer.data(&found)?;
    Ok(ExitStatus::Success)
}
