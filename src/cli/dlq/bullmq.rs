//! `evctl dlq` on a BullMQ queue (`bullmq:QUEUE`): its failed jobs are its dead letters.

use super::{Ctx, DlqCommand};
use crate::error::{ExitStatus, usage};
use crate::redis::bullmq::retry::{self, Op, RunOptions};
use crate::redis::bullmq::{self, list::Select, stats};

/// Runs a dlq subcommand against a BullMQ queue.
pub(super) async fn run(
    ctx: &Ctx<'_>,
    cmd: &DlqCommand,
    queue: &str,
) -> anyhow::Result<ExitStatus> {
    let opts = ctx
        .settings
        .redis_options()?
        .ok_or_else(|| usage("a bullmq: queue lives in Redis: give -b redis://HOST:PORT"))?;
    let mut redis = crate::redis::connect(&opts).await?;
    let (sel, op, run, yes, prefix) = match cmd {
        DlqCommand::Inspect(a) => {
            let q = bullmq::open(&mut redis, &a.bullmq.prefix, queue).await?;
            let sel = Select {
                state: "failed".into(),
                ..Select::default()
            };
            let bucket = a.bucket.as_millis() as i64;
            ctx.printer
                .data(&stats::inspect(&mut redis, &q, bucket, &sel).await?)?;
            return Ok(ExitStatus::Success);
        }
        DlqCommand::Replay(a) => {
            let (sel, op, run) = retry::replay_request(&mut redis, a).await?;
            (sel, op, run, a.yes, &a.selection.bullmq.prefix.prefix)
        }
        DlqCommand::Drain(a) => {
            let (sel, op, run) = retry::drain_request(a)?;
            (sel, op, run, a.yes, &a.selection.bullmq.prefix.prefix)
        }
        DlqCommand::Purge(_) => {
            return Err(usage(
                "for a BullMQ queue, `evctl dlq drain bullmq:QUEUE` removes failed jobs (as Queue.clean)",
            ));
        }
    };
    let q = bullmq::open(&mut redis, prefix, queue).await?;
    perform(ctx, &mut redis, &q, &sel, &op, &run, yes).await
}

/// Runs the move (after a preview and a question, unless --yes or --dry-run) and prints it.
async fn perform(
    ctx: &Ctx<'_>,
    redis: &mut crate::redis::Redis,
    q: &bullmq::Queue,
    sel: &Select,
    op: &Op,
    run: &RunOptions,
    yes: bool,
) -> anyhow::Result<ExitStatus> {
    let stop = super::super::terminal::stop_signal();
    let report = if run.dry_run || yes {
        retry::run(redis, q, sel, op, run, stop).await?
    } else {
        let preview = RunOptions {
            dry_run: true,
            ..run.clone()
        };
        let never = std::future::pending();
        let preview = retry::run(redis, q, sel, op, &preview, never).await?;
        match super::ask(ctx, &preview, preview.selected)? {
            true => retry::run(redis, q, sel, op, run, stop).await?,
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
