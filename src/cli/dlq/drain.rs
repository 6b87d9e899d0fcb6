//! `evctl dlq drain`.

use std::sync::Arc;

use super::{Ctx, Selection, confirm, criteria, dialects};
use crate::dlq::drain::DrainReport;
use crate::error::ExitStatus;
use crate::output::Render;

/// `evctl dlq drain`.
#[derive(Debug, clap::Args)]
pub struct DrainArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// The consumer group to move forward; it must exist, unless --new-group.
    #[arg(short, long)]
    pub group: String,
    /// Let --group name a group the cluster does not have yet (it is created at the drain's end).
    #[arg(long)]
    pub new_group: bool,
    #[command(flatten)]
    pub selection: Selection,
    /// List what would be skipped; commit nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}

/// Runs `evctl dlq drain`.
pub(super) async fn run(ctx: &Ctx<'_>, a: &DrainArgs) -> anyhow::Result<ExitStatus> {
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
            &a.group,
            "to position a new group past the dead letters, pass --new-group",
        )
        .await?;
    }
    let partitions =
        crate::kafka::dlq::drain_plan(client.clone(), &a.topic, &a.group, &criteria, &custom)
            .await?;
    let mut report = DrainReport {
        topic: a.topic.clone(),
        group: a.group.clone(),
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
            a.group,
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
