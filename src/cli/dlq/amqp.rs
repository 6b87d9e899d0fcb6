//! `evctl dlq` on RabbitMQ: a dead-letter queue's messages, with their `x-death` context.

use super::{Ctx, DlqCommand, confirm};
use crate::amqp::dlx::{self, RunOptions, Select};
use crate::amqp::{self, AmqpOptions};
use crate::error::ExitStatus;

/// Runs a dlq subcommand against a RabbitMQ queue.
pub(super) async fn run(
    ctx: &Ctx<'_>,
    cmd: &DlqCommand,
    o: &AmqpOptions,
) -> anyhow::Result<ExitStatus> {
    let a = amqp::connect(o).await?;
    let (queue, sel, run, yes) = match cmd {
        DlqCommand::Inspect(i) => {
            ctx.printer
                .data(&dlx::inspect(&a, &i.topic, i.read_max).await?)?;
            return Ok(ExitStatus::Success);
        }
        DlqCommand::Purge(p) => {
            if !p.yes && !confirm(&format!("Delete every message of queue {}?", p.topic))? {
                ctx.printer.status("nothing changed");
                return Ok(ExitStatus::Success);
            }
            let n = dlx::purge(&a, &p.topic).await?;
            ctx.printer
                .status(&format!("purged {n} message(s) from {}", p.topic));
            return Ok(ExitStatus::Success);
        }
        DlqCommand::Replay(r) => (
            &r.topic,
            Select::of(&r.selection)?,
            RunOptions::replay(r)?,
            r.yes,
        ),
        DlqCommand::Drain(d) => (
            &d.topic,
            Select::of(&d.selection)?,
            RunOptions::drain(d),
            d.yes,
        ),
    };
    if !run.dry_run && !yes {
        let preview = RunOptions {
            dry_run: true,
            ..run.clone()
        };
        let preview = dlx::run(&a, queue, &sel, &preview, std::future::pending()).await?;
        if !super::ask(ctx, &preview, preview.selected)? {
            ctx.printer.data(&preview)?;
            return Ok(ExitStatus::Success);
        }
    }
    let report = dlx::run(&a, queue, &sel, &run, super::super::terminal::stop_signal()).await?;
    super::finish(
        ctx,
        &report,
        &report.errors,
        report.interrupted,
        report.failed,
    )
}
