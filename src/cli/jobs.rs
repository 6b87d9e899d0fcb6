//! `evctl jobs`: BullMQ queues on a Redis target (counts, jobs, promote, pause, resume).

use super::Ctx;
use crate::error::{ExitStatus, usage};
use crate::redis::bullmq::flags::{JobsArgs, JobsCommand};
use crate::redis::bullmq::{self, control, job, list, render::JobList, stats};

/// Runs `evctl jobs`.
pub async fn run(ctx: &Ctx<'_>, args: &JobsArgs) -> anyhow::Result<ExitStatus> {
    let opts = ctx.settings.redis_options()?.ok_or_else(|| {
        usage("evctl jobs reads BullMQ queues in Redis: give -b redis://HOST:PORT")
    })?;
    let mut redis = crate::redis::connect(&opts).await?;
    let prefix = args.prefix.prefix.as_str();
    let queue = |name: &str| bullmq::target(name).unwrap_or(name).to_string();
    match &args.command {
        JobsCommand::Stats(a) => {
            let Some(every) = a.watch else {
                ctx.printer
                    .data(&stats::all(&mut redis, prefix, &a.queues).await?)?;
                return Ok(ExitStatus::Success);
            };
            let stop = super::terminal::stop_signal();
            tokio::pin!(stop);
            loop {
                ctx.printer
                    .data(&stats::all(&mut redis, prefix, &a.queues).await?)?;
                tokio::select! {
                    _ = tokio::time::sleep(every) => {}
                    _ = stop.as_mut() => return Ok(ExitStatus::Interrupted),
                }
            }
        }
        JobsCommand::List(a) => {
            let q = bullmq::open(&mut redis, prefix, &queue(&a.queue)).await?;
            let found = list::select(&mut redis, &q, &a.select()?).await?;
            ctx.printer.data(&JobList {
                queue: q.name,
                state: a.state.clone(),
                jobs: found.jobs,
                scanned: found.scanned,
                broken: found.broken,
            })?;
        }
        JobsCommand::Show(a) => {
            let q = bullmq::open(&mut redis, prefix, &queue(&a.queue)).await?;
            let Some(j) = job::show(&mut redis, &q, &a.id).await? else {
                return Err(usage(format!(
                    "no job {:?} in queue {} (no hash {})",
                    a.id,
                    q.name,
                    q.key(&a.id)
                )));
            };
            ctx.printer.data(&j)?;
        }
        JobsCommand::Promote(a) => {
            let q = bullmq::open(&mut redis, prefix, &queue(&a.queue)).await?;
            ctx.printer
                .data(&control::promote(&mut redis, &q, &a.ids).await?)?;
        }
        JobsCommand::Pause(a) | JobsCommand::Resume(a) => {
            let q = bullmq::open(&mut redis, prefix, &queue(&a.queue)).await?;
            let pause = matches!(args.command, JobsCommand::Pause(_));
            ctx.printer
                .data(&control::pause(&mut redis, &q, pause).await?)?;
        }
    }
    Ok(ExitStatus::Success)
}
