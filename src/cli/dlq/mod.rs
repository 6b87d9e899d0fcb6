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

/// Shows a preview of what a run takes and asks; true to go on (false when it takes nothing).
fn ask(ctx: &Ctx<'_>, preview: &impl crate::output::Render, selected: u64) -> anyhow::Result<bool> {
    if selected == 0 {
        return Ok(false);
    }
    ctx.printer
        .status(&preview.table(&ctx.printer.err_styles()));
    confirm("Go ahead?")
}

/// Prints a run's report and its errors: 130 when it was cut, 1 when some failed.
fn finish(
    ctx: &Ctx<'_>,
    report: &impl crate::output::Render,
    errors: &[String],
    interrupted: bool,
    failed: u64,
) -> anyhow::Result<ExitStatus> {
    ctx.printer.data(report)?;
    for e in errors {
        ctx.printer.warn(&crate::output::sanitize(e));
    }
    Ok(match (interrupted, failed) {
        (true, _) => ExitStatus::Interrupted,
        (false, 0) => ExitStatus::Success,
        _ => ExitStatus::Failure,
    })
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
