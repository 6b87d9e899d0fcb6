//! `evctl dlq drain`.

use std::sync::Arc;

use super::{Ctx, DrainArgs, confirm, criteria, dialects};
use crate::dlq::drain::DrainReport;
use crate::error::ExitStatus;
use crate::output::Render;

/// Runs `evctl dlq drain`.
pub(super) async fn run(ctx: &Ctx<'_>, a: &DrainArgs) -> anyhow::Result<ExitStatus> {
    let group = a.group()?.to_string();
    let mut criteria = criteria(&a.selection)?;
    criteria.codec = crate::cli::codec(ctx, false, Default::default(), false)
        .await?
        .map(Into::into);
    let custom = dialects(&a.selection.spec)?;
    let client = Arc::new(ctx.client().await?);
    // a drain moves an existing group (a typo would make a new one at the DLQ's end)
    if !a.new_group {
        crate::cli::require_group(
            &client,
            &group,
            "to position a new group past the dead letters, pass --new-group",
        )
        .await?;
    }
    let partitions =
        crate::kafka::dlq::drain_plan(client.clone(), &a.topic, &group, &criteria, &custom).await?;
    let mut report = DrainReport {
        topic: a.topic.clone(),
        group: group.clone(),
        dry_run: a.dry_run,
        committed: false,
        partitions,
    };
    if a.dry_run || report.moves().is_empty() {
        ctx.printer.data(&report)?;
        return Ok(ExitStatus::Success);
    }
    if !a.yes {
        ctx.printer.status(&report.table(&ctx.printer.err_styles()));
        if !confirm(&format!(
            "Move group {} past {} record(s) of {}?",
            group,
            report.skipped(),
            a.topic
        ))? {
            ctx.printer.status("nothing changed");
            return Ok(ExitStatus::Success);
        }
    }
    report.commit(&client).await?;
    ctx.printer.data(&report)?;
    Ok(ExitStatus::Success)
}
