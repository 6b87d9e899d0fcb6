//! `evctl dlq purge`.

use super::{Ctx, PurgeArgs, confirm, parse_time};
use crate::error::{ExitStatus, usage};
use crate::record::offsets::OffsetSpec;

/// Runs `evctl dlq purge`.
pub(super) async fn run(ctx: &Ctx<'_>, a: &PurgeArgs) -> anyhow::Result<ExitStatus> {
    let before = a.before.as_deref().map(str::trim).ok_or_else(|| {
        usage("dlq purge of a Kafka topic needs --before OFFSET or --before @TIME")
    })?;
    let before = if before.starts_with('@') {
        OffsetSpec::Timestamp(parse_time("--before", before)?)
    } else {
        OffsetSpec::Exact(before.parse::<i64>().ok().filter(|o| *o >= 0).ok_or_else(|| {
            usage(format!(
                "--before {before:?}: expected an offset or @TIME (@2025-01-01T00:00:00Z, @-7d)"
            ))
        })?)
    };
    let client = ctx.client().await?;
    // refuses before asking anything when a leader cannot delete records
    let mut report = crate::kafka::dlq::purge_plan(&client, &a.topic, before).await?;
    if report.deleted == 0 {
        ctx.printer.status("nothing to delete");
        ctx.printer.data(&report)?;
        return Ok(ExitStatus::Success);
    }
    if !a.yes
        && !confirm(&format!(
            "Delete {} record(s) of {} for good?",
            report.deleted, a.topic
        ))?
    {
        ctx.printer.status("nothing changed");
        return Ok(ExitStatus::Success);
    }
    report.execute(&client).await?;
    ctx.printer.data(&report)?;
    Ok(ExitStatus::Success)
}
