//! `evctl dlq`: inspect, replay, drain and purge dead-letter topics.

mod amqp;
mod bullmq;
mod drain;
mod pending;
mod purge;
mod replay;

use std::sync::Arc;

use super::Ctx;
pub use crate::dlq::flags::{
    DlqArgs, DlqCommand, DrainArgs, InspectArgs, PurgeArgs, ReplayArgs, Selection, criteria,
    dialects, parse_time,
};
use crate::error::ExitStatus;

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
    let topic = match &args.command {
        DlqCommand::Inspect(a) => &a.topic,
        DlqCommand::Replay(a) => &a.topic,
        DlqCommand::Drain(a) => &a.topic,
        DlqCommand::Purge(a) => &a.topic,
    };
    if let Some(q) = crate::redis::bullmq::target(topic) {
        return bullmq::run(ctx, &args.command, q).await;
    }
    if let Some(o) = ctx.settings.amqp_options()? {
        return amqp::run(ctx, &args.command, &o).await;
    }
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
