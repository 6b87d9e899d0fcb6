//! `evctl dlq` on a Redis stream: a group's pending entries are its dead letters.

use super::{Ctx, DlqCommand};
use crate::error::{ExitStatus, usage};
use crate::redis::RedisOptions;
use crate::redis::pending::{self, Action, DEFAULT_MIN_DELIVERIES, Select};

/// Runs a dlq subcommand against a Redis stream.
pub(super) async fn run(
    ctx: &Ctx<'_>,
    cmd: &DlqCommand,
    r: &RedisOptions,
) -> anyhow::Result<ExitStatus> {
    let mut redis = crate::redis::connect(r).await?;
    let (sel, action, yes) = match cmd {
        DlqCommand::Inspect(a) => {
            let group = a.redis.group.as_deref();
            let group =
                group.ok_or_else(|| usage("dlq inspect of a stream needs --group GROUP"))?;
            let n = a.redis.min_deliveries.unwrap_or(DEFAULT_MIN_DELIVERIES);
            ctx.printer
                .data(&pending::inspect(&mut redis, &a.topic, group, n).await?)?;
            return Ok(ExitStatus::Success);
        }
        DlqCommand::Replay(a) => {
            let (p, group) = (&a.selection.pending, a.group.as_deref());
            let sel = Select::new(&a.topic, group, p, a.max, a.dry_run)?;
            // one URL of a cluster's node is a cluster too: ask the connection
            let (original, cluster) = (a.selection.original_topic.clone(), redis.is_cluster());
            let action = Action::for_replay(&a.topic, a.to.clone(), p, original, cluster);
            (sel, action, a.yes)
        }
        DlqCommand::Drain(a) => {
            let p = &a.selection.pending;
            (
                Select::new(&a.topic, Some(a.group()?), p, None, a.dry_run)?,
                Action::Drain,
                a.yes,
            )
        }
        DlqCommand::Purge(_) => {
            let why = "for a Redis stream, use `evctl trim` (it refuses to delete unread entries)";
            return Err(usage(why));
        }
    };
    let stop = super::super::terminal::stop_signal();
    // a dry run is the preview; with --yes none is needed (the entries are selected once)
    let report = if sel.dry_run || yes {
        pending::perform(&mut redis, &sel, &action, stop).await?
    } else {
        let preview = Select {
            dry_run: true,
            ..sel.clone()
        };
        let preview =
            pending::perform(&mut redis, &preview, &action, std::future::pending()).await?;
        match super::ask(ctx, &preview, preview.selected)? {
            true => pending::perform(&mut redis, &sel, &action, stop).await?,
            false => preview,
        }
    };
    super::finish(
        ctx,
        &report,
        &report.errors,
        report.interrupted,
        report.failed,
    )
}
