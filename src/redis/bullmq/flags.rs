//! The flags of `evctl jobs` and the BullMQ flags of `dlq` and `lag`.

use std::time::Duration;

use super::list::Select;
pub use crate::dlq::flags::{BullFlags, PrefixFlag};

/// Arguments of `evctl jobs`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Queues are found on the Redis target (-b redis://...) by their \
<prefix>:<queue>:meta hashes. Every change runs as one Lua script per batch that follows the \
library's own (bullmq 5.x and 6.x layouts); a queue written by another major is refused.

Examples:
  evctl -b redis://localhost:6379 jobs stats                 every queue under the prefix
  evctl -b redis://localhost:6379 jobs stats emails --watch 5s
  evctl -b redis://localhost:6379 jobs list emails --state failed --reason 'timeout' -n 50
  evctl -b redis://localhost:6379 jobs show emails 42
  evctl -b redis://localhost:6379 jobs promote emails --all
  evctl -b redis://localhost:6379 jobs pause emails"
)]
pub struct JobsArgs {
    #[command(subcommand)]
    pub command: JobsCommand,
    #[command(flatten)]
    pub prefix: PrefixFlag,
}

/// The jobs subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum JobsCommand {
    /// Counts per state (as getJobCounts), paused, the oldest waiting job's age and the version.
    Stats(StatsArgs),
    /// Jobs of one state, newest first, with filters.
    List(ListArgs),
    /// One job: name, data, decoded options, attempts, failure, stacktrace, logs, parent.
    Show(ShowArgs),
    /// Delayed jobs to waiting now (Job.promote).
    Promote(PromoteArgs),
    /// Pause a queue (Queue.pause): workers take no new jobs.
    Pause(QueueArg),
    /// Resume a paused queue (Queue.resume).
    Resume(QueueArg),
}

/// `evctl jobs stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Queues (default: every queue under the prefix).
    pub queues: Vec<String>,
    /// Refresh every INTERVAL (default 5s) until Ctrl-C.
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "5s", value_parser = crate::lag::watch::parse_interval)]
    pub watch: Option<Duration>,
}

/// `evctl jobs list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The queue (`QUEUE` or `bullmq:QUEUE`).
    pub queue: String,
    /// waiting, active, paused, delayed, prioritized, waiting-children, completed or failed.
    #[arg(long, default_value = "failed")]
    pub state: String,
    /// Only jobs with this name (`*`, `?` wildcards; repeat for any of several).
    #[arg(long)]
    pub name: Vec<String>,
    /// Only jobs whose failedReason matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub reason: Option<String>,
    /// Only jobs finished (or, unfinished, added) at or after this time (RFC 3339, epoch ms, -1h).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Only jobs finished (or added) before this time.
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// At most this many.
    #[arg(short = 'n', long, default_value_t = 20, value_name = "N")]
    pub max: u64,
}

/// `evctl jobs show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The queue (`QUEUE` or `bullmq:QUEUE`).
    pub queue: String,
    /// The job id.
    pub id: String,
}

/// `evctl jobs promote`.
#[derive(Debug, clap::Args)]
pub struct PromoteArgs {
    /// The queue (`QUEUE` or `bullmq:QUEUE`).
    pub queue: String,
    /// The delayed jobs to promote.
    #[arg(required_unless_present = "all")]
    pub ids: Vec<String>,
    /// Promote every delayed job.
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,
}

/// A queue.
#[derive(Debug, clap::Args)]
pub struct QueueArg {
    /// The queue (`QUEUE` or `bullmq:QUEUE`).
    pub queue: String,
}

/// A regular expression flag.
fn regex(flag: &str, re: Option<&str>) -> anyhow::Result<Option<regex::Regex>> {
    re.map(regex::Regex::new)
        .transpose()
        .map_err(|e| crate::error::usage(format!("{flag}: {e}")))
}

impl ListArgs {
    /// The selection of `jobs list`.
    pub fn select(&self) -> anyhow::Result<Select> {
        let time = |flag: &str, t: Option<&str>| {
            t.map(|t| crate::record::offsets::parse_time(flag, t))
                .transpose()
        };
        super::state(&self.state)?;
        Ok(Select {
            state: self.state.clone(),
            names: self.name.clone(),
            reason: regex("--reason", self.reason.as_deref())?,
            since: time("--since", self.since.as_deref())?,
            until: time("--until", self.until.as_deref())?,
            max: Some(self.max),
            newest_first: true,
            ..Select::default()
        })
    }
}

/// The selection of `dlq replay` or `dlq drain` on a queue: its failed jobs (or, moving to
/// another queue, the parked jobs' state), with the shared dead-letter filters.
pub fn dlq_select(
    b: &BullFlags,
    shared: &crate::dlq::flags::Selection,
    moving: bool,
    max: Option<u64>,
) -> anyhow::Result<Select> {
    let c = crate::dlq::flags::criteria(shared)?;
    for (given, flag) in [
        (c.original_topic.is_some(), "--original-topic"),
        (!shared.headers.is_empty(), "--header"),
        (!shared.spec.is_empty(), "--spec"),
    ] {
        if given {
            return Err(crate::error::usage(format!(
                "{flag} is not for a BullMQ queue (jobs have no headers); select with --reason, --id, --key (the job name), --where (the data), --since, --until"
            )));
        }
    }
    let state = match (&b.state, moving) {
        (Some(s), true) => match super::state(s)?.0 {
            "active" | "waiting-children" => {
                return Err(crate::error::usage(format!(
                    "--state {s}: jobs a worker runs or that wait for children are not moved; parked jobs are waiting, paused, delayed, prioritized, completed or failed"
                )));
            }
            name => name.to_string(),
        },
        (None, true) => "waiting".to_string(),
        (Some(_), false) => {
            return Err(crate::error::usage(
                "--state is for --to (the state of the jobs parked in the dead-letter queue); a retry takes failed jobs",
            ));
        }
        (None, false) => "failed".to_string(),
    };
    Ok(Select {
        state,
        ids: b.ids.clone(),
        reason: match regex("--reason", b.reason.as_deref())? {
            Some(r) => Some(r),
            None => c.error_class,
        },
        since: c.since,
        until: c.until,
        filter: c.filter,
        max,
        ..Select::default()
    })
}
