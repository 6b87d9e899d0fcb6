//! `dlq replay` and `dlq drain` of a BullMQ queue: the selected jobs are retried (failed → wait,
//! as `Job.retry` does), moved to another queue as new jobs (a dead-letter queue's parked jobs),
//! or removed (as `Queue.clean` does), in bounded batches of one script each, paced by `--rate`,
//! stopping between batches on Ctrl-C. A dry run selects and reports without writing.

use std::future::Future;
use std::time::{Duration, Instant};

use redis::Value;
use serde::Serialize;

use super::list::{Select, select};
use super::scripts::{self, CLEAN, MOVE, RETRY};
use super::{Layout, Queue};
use crate::error::usage;
use crate::redis::Redis;
use crate::redis::info::text;
use crate::redis::stream::list as values;

/// Jobs per script.
pub const BATCH: usize = 100;

/// What to do with the selected jobs.
#[derive(Debug, Clone)]
pub enum Op {
    /// Back to wait, as `Job.retry('failed')`; reset attemptsMade and attemptsStarted.
    Retry { reset_attempts: bool },
    /// As new jobs of another queue.
    Move { to: Queue },
    /// Removed with every key, as `Queue.clean`.
    Clean,
}

/// The report of a replay or drain.
#[derive(Debug, Clone, Default, Serialize)]
pub struct JobsReport {
    /// `retry`, `move` or `clean`.
    pub action: String,
    pub queue: String,
    /// The state the jobs were selected from.
    pub state: String,
    /// The destination queue of a move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub scanned: u64,
    pub selected: u64,
    /// Retried, moved or removed.
    pub done: u64,
    /// No longer in the state when their turn came (another run or a worker took them).
    pub skipped: u64,
    pub failed: u64,
    /// The selected ids (a dry run), or the first of them.
    pub ids: Vec<String>,
    /// Moved jobs' new ids, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_ids: Vec<String>,
    /// What the library's semantics leave out (priority, delay), and named ids not found.
    pub notes: Vec<String>,
    pub errors: Vec<String>,
    pub dry_run: bool,
    pub interrupted: bool,
}

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub dry_run: bool,
    /// Jobs per second at most.
    pub rate: Option<f64>,
}

/// The selection, operation and options of `dlq replay bullmq:QUEUE` (`--to bullmq:OTHER`
/// moves the parked jobs there; without it the failed jobs are retried).
pub async fn replay_request(
    redis: &mut Redis,
    a: &crate::dlq::flags::ReplayArgs,
) -> anyhow::Result<(Select, Op, RunOptions)> {
    let b = &a.selection.bullmq;
    let sel = super::flags::dlq_select(b, &a.selection, a.to.is_some(), a.max)?;
    let op = match a.to.as_deref() {
        None => Op::Retry {
            reset_attempts: b.reset_attempts,
        },
        Some(to) => {
            let to = super::target(to).ok_or_else(|| {
                usage(format!("--to {to:?}: a BullMQ queue is named bullmq:QUEUE"))
            })?;
            Op::Move {
                to: super::open(redis, &b.prefix.prefix, to).await?,
            }
        }
    };
    let run = RunOptions {
        dry_run: a.dry_run,
        rate: a.rate,
    };
    Ok((sel, op, run))
}

/// The selection, operation and options of `dlq drain bullmq:QUEUE`.
pub fn drain_request(a: &crate::dlq::flags::DrainArgs) -> anyhow::Result<(Select, Op, RunOptions)> {
    let sel = super::flags::dlq_select(&a.selection.bullmq, &a.selection, false, None)?;
    let run = RunOptions {
        dry_run: a.dry_run,
        rate: None,
    };
    Ok((sel, Op::Clean, run))
}

/// Ids listed in a report at most (a dry run lists them all).
const IDS_SHOWN: usize = 20;

/// Selects the jobs and applies `op` to them. A hash in the selection that is not a job's, or a
/// named id that is not in the state, is refused before anything is written.
pub async fn run(
    redis: &mut Redis,
    q: &Queue,
    sel: &Select,
    op: &Op,
    opts: &RunOptions,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<JobsReport> {
    let layout = q.writable()?;
    let to_layout = match op {
        Op::Move { to } => Some(check_move(redis, q, to)?),
        _ => None,
    };
    let found = select(redis, q, sel).await?;
    if let Some(e) = found.broken.first() {
        return Err(usage(format!(
            "{e}; nothing was written (exclude it with --id, or remove it with the library)"
        )));
    }
    if !sel.ids.is_empty() && !found.absent.is_empty() {
        return Err(usage(format!(
            "not {} in queue {}: job{} {}; nothing was written",
            sel.state,
            q.name,
            if found.absent.len() == 1 { "" } else { "s" },
            found.absent.join(", ")
        )));
    }
    let mut report = JobsReport {
        action: match op {
            Op::Retry { .. } => "retry",
            Op::Move { .. } => "move",
            Op::Clean => "clean",
        }
        .into(),
        queue: q.name.clone(),
        state: sel.state.clone(),
        to: match op {
            Op::Move { to } => Some(to.name.clone()),
            _ => None,
        },
        scanned: found.scanned,
        selected: found.jobs.len() as u64,
        dry_run: opts.dry_run,
        ..JobsReport::default()
    };
    let ids: Vec<String> = found.jobs.iter().map(|j| j.id.clone()).collect();
    report.ids = if opts.dry_run {
        ids.clone()
    } else {
        ids.iter().take(IDS_SHOWN).cloned().collect()
    };
    report.notes = notes(op, layout, &found.jobs);
    if opts.dry_run || ids.is_empty() {
        return Ok(report);
    }
    tokio::pin!(stop);
    let started = Instant::now();
    for batch in ids.chunks(BATCH) {
        if stopped(&mut stop) {
            report.interrupted = true;
            break;
        }
        match apply(redis, q, layout, op, to_layout, sel, batch).await {
            Ok(codes) => count(&mut report, batch, &codes),
            Err(e) => {
                // the batch's outcome is unknown: each job is where the script left it
                report.failed += batch.len() as u64;
                report.errors.push(format!(
                    "jobs {}..{}: {e:#}; the run stopped (run it again: moved jobs are not selected twice)",
                    batch[0],
                    batch[batch.len() - 1]
                ));
                break;
            }
        }
        if let Some(r) = opts.rate {
            let due = Duration::from_secs_f64(report.done as f64 / r);
            let sleep = tokio::time::sleep(due.saturating_sub(started.elapsed()));
            tokio::select! {
                _ = sleep => {}
                _ = stop.as_mut() => { report.interrupted = true; break; }
            }
        }
    }
    Ok(report)
}

/// True when the stop future has resolved.
fn stopped(stop: &mut std::pin::Pin<&mut impl Future<Output = ()>>) -> bool {
    use std::task::{Context, Poll};
    let waker = std::task::Waker::noop();
    matches!(
        stop.as_mut().poll(&mut Context::from_waker(waker)),
        Poll::Ready(())
    )
}

/// The destination's layout; both queues must be distinct and, on a cluster, in one slot.
fn check_move(redis: &Redis, from: &Queue, to: &Queue) -> anyhow::Result<Layout> {
    if from.prefix == to.prefix && from.name == to.name {
        return Err(usage(format!(
            "--to names the queue itself ({}): to retry its failed jobs, leave --to out",
            to.name
        )));
    }
    if redis.is_cluster() {
        use redis::cluster_routing::Slot;
        if Slot::for_key(from.key("meta")) != Slot::for_key(to.key("meta")) {
            return Err(usage(format!(
                "{} and {} are in different hash slots of the cluster: one script cannot move jobs between them (give both the same hash-tagged prefix)",
                from.name, to.name
            )));
        }
    }
    to.writable()
}

/// What the move leaves behind, as the library does.
fn notes(op: &Op, layout: Layout, jobs: &[super::job::Job]) -> Vec<String> {
    let prioritized = jobs.iter().filter(|j| j.priority.unwrap_or(0) > 0).count();
    let delayed = jobs.iter().filter(|j| j.delay.unwrap_or(0) > 0).count();
    let mut out = Vec::new();
    match op {
        Op::Retry { .. } => {
            if layout == Layout::V5 && prioritized > 0 {
                out.push(format!(
                    "{prioritized} job(s) had a priority: bullmq 5.x retries them to wait without it, and so does evctl"
                ));
            }
            if delayed > 0 {
                out.push(format!(
                    "{delayed} job(s) had a delay: a retried job runs at once, as the library's retry does"
                ));
            }
        }
        Op::Move { .. } => out.push(
            "moved jobs are new jobs (new ids) with their name, data and attempts/backoff/lifo/remove options; priority, delay, parent and deduplication are not carried over".into(),
        ),
        Op::Clean => {}
    }
    out
}

/// Runs one batch's script; a code per job.
async fn apply(
    redis: &mut Redis,
    q: &Queue,
    layout: Layout,
    op: &Op,
    to_layout: Option<Layout>,
    sel: &Select,
    batch: &[String],
) -> anyhow::Result<Vec<Value>> {
    let script = redis::Script::new(match op {
        Op::Retry { .. } => RETRY,
        Op::Move { .. } => MOVE,
        Op::Clean => CLEAN,
    });
    let mut inv = scripts::invocation(&script, q, layout);
    match op {
        Op::Retry { reset_attempts } => {
            let flag = if *reset_attempts { "1" } else { "0" };
            inv.arg(flag).arg(flag);
        }
        Op::Move { to } => {
            let (_, suffix, kind) = super::state(&sel.state)?;
            for k in scripts::QUEUE_KEYS {
                inv.key(to.key(k));
            }
            inv.key(q.key(suffix));
            let kind = if kind == super::Kind::List {
                "list"
            } else {
                "zset"
            };
            inv.arg(to.base())
                .arg(scripts::layout_arg(to_layout.unwrap_or(Layout::V6)))
                .arg(suffix)
                .arg(kind)
                .arg(crate::record::time::now_ms());
        }
        Op::Clean => {}
    }
    for id in batch {
        inv.arg(id);
    }
    let reply = crate::redis::script(redis, &inv).await?;
    Ok(values(&reply).to_vec())
}

/// Counts a batch's codes.
fn count(report: &mut JobsReport, batch: &[String], codes: &[Value]) {
    for (id, code) in batch.iter().zip(codes) {
        match code {
            Value::Int(1) if report.action != "move" => report.done += 1,
            Value::Int(0) if report.action == "clean" => report.skipped += 1,
            Value::Int(-1) | Value::Int(-3) => report.skipped += 1,
            Value::Int(code @ (-2 | -8)) => {
                report.skipped += 1;
                let why = if *code == -2 {
                    "a worker holds its lock"
                } else {
                    "it is a job scheduler's next job"
                };
                if report.errors.len() < 5 {
                    report
                        .errors
                        .push(format!("job {id} left where it is: {why}"));
                }
            }
            Value::BulkString(_) | Value::SimpleString(_) => {
                report.done += 1;
                report.new_ids.push(text(code));
            }
            other => {
                report.failed += 1;
                if report.errors.len() < 5 {
                    report
                        .errors
                        .push(format!("job {id}: unexpected answer {other:?}"));
                }
            }
        }
    }
}
