//! The dead-letter selection flags shared by `dlq replay` and `dlq drain`, and what they turn
//! into.

use std::path::PathBuf;
use std::time::Duration;

use crate::dlq::dialect::CustomDialect;
use crate::dlq::replay::{Criteria, PartitionPolicy};
use crate::error::usage;
use crate::record::filter::{Filter, FilterSpec};

/// Selection of dead letters, shared by replay and drain.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Only records dead-lettered at or after this time (RFC 3339, a date, epoch ms, or -1h).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Only records dead-lettered before this time.
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Only records whose error class matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub error_class: Option<String>,
    /// Only records from this original topic.
    #[arg(long, value_name = "TOPIC")]
    pub original_topic: Option<String>,
    /// Only records with this key (`*`, `?` wildcards; repeat for any of several).
    #[arg(short, long)]
    pub key: Vec<String>,
    /// Only records with this header: NAME or NAME=VALUE (repeat for all of several).
    #[arg(long = "header", value_name = "NAME[=VALUE]")]
    pub headers: Vec<String>,
    /// Only records for which this jq expression over the JSON value is true (as in tail).
    #[arg(long = "where", value_name = "EXPR")]
    pub where_expr: Option<String>,
    /// topics.yaml files whose `dialects` section names custom dead-letter headers.
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,
    #[command(flatten)]
    pub pending: PendingFlags,
    #[command(flatten)]
    pub bullmq: BullFlags,
    #[command(flatten)]
    pub amqp: AmqpFlags,
}

/// The RabbitMQ-only flags of `dlq replay` and `dlq drain`.
#[derive(Debug, Clone, clap::Args)]
pub struct AmqpFlags {
    /// RabbitMQ (replay): publish to this exchange instead of the one x-death names ('' is the
    /// default exchange)
    #[arg(long, value_name = "EXCHANGE", help_heading = "RabbitMQ")]
    pub to_exchange: Option<String>,
    /// RabbitMQ (replay): with this routing key instead of the original ones
    #[arg(long, value_name = "KEY", help_heading = "RabbitMQ")]
    pub routing_key: Option<String>,
    /// RabbitMQ: unacknowledged messages at most, the most a crash can deliver twice
    #[arg(long, default_value_t = 100, value_name = "N", value_parser = clap::value_parser!(u16).range(1..), help_heading = "RabbitMQ")]
    pub prefetch: u16,
}

/// The Redis-only flags of `dlq inspect`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InspectFlags {
    /// Redis: the consumer group whose pending entries to show.
    #[arg(short, long, help_heading = "Redis streams")]
    pub group: Option<String>,
    /// Redis: entries delivered at least N times are poison [default: 3]
    #[arg(long, value_name = "N", help_heading = "Redis streams")]
    pub min_deliveries: Option<u64>,
}

/// The Redis-only flags of `dlq replay` and `dlq drain`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PendingFlags {
    /// Redis: only entries delivered at least N times (the poison list) [default: 3]
    #[arg(long, value_name = "N", help_heading = "Redis streams")]
    pub min_deliveries: Option<u64>,
    /// Redis: only entries idle at least this long
    #[arg(long, value_name = "DURATION", value_parser = crate::units::parse_duration, help_heading = "Redis streams")]
    pub min_idle: Option<Duration>,
    /// Redis (replay): reassign the selected entries to this consumer (XCLAIM) instead of moving them
    #[arg(long, value_name = "CONSUMER", help_heading = "Redis streams")]
    pub claim_to: Option<String>,
    /// Redis (replay): send the dead-letter stream's entries back to their original stream
    #[arg(long, help_heading = "Redis streams")]
    pub from_dlq: bool,
}

/// Arguments of `evctl dlq`.
#[derive(Debug, clap::Args)]
pub struct DlqArgs {
    #[command(subcommand)]
    pub command: DlqCommand,
}

/// The dlq subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum DlqCommand {
    /// Count dead letters by error class, original topic and time; first and last seen; a sample.
    Inspect(InspectArgs),
    /// Send dead letters back to their original topic (or --to), resumable through a group.
    Replay(ReplayArgs),
    /// Move a group past matching dead letters without producing them (acknowledge as handled).
    Drain(DrainArgs),
    /// Delete a dead-letter topic's records before an offset or a time (DeleteRecords).
    Purge(PurgeArgs),
}

/// `evctl dlq inspect`.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// Time bucket for grouping.
    #[arg(long, default_value = "1h", value_parser = crate::units::parse_duration, value_name = "DURATION")]
    pub bucket: Duration,
    /// topics.yaml files whose `dialects` section names custom dead-letter headers.
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,
    #[command(flatten)]
    pub redis: crate::dlq::flags::InspectFlags,
    #[command(flatten)]
    pub bullmq: PrefixFlag,
    /// RabbitMQ: read at most this many messages (they are not acknowledged: all go back)
    #[arg(
        long,
        default_value_t = 100_000,
        value_name = "N",
        help_heading = "RabbitMQ"
    )]
    pub read_max: u64,
}

/// `evctl dlq replay`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The group's offsets move past a record only once it, and every record before it in its \
partition, was acknowledged by the destination (acks=all, idempotent producer): a crash at any moment \
loses nothing and a resumed run repeats at most the records that were in flight. Records the filters \
skip stay in the DLQ and are counted. Ctrl-C or SIGTERM finish the batch in flight, commit, and print \
the summary."
)]
pub struct ReplayArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// Send every record here instead of its original topic.
    #[arg(long, value_name = "TOPIC")]
    pub to: Option<String>,
    /// Consumer group that records progress [default: evctl-dlq-replay.<TOPIC>]. A group named
    /// here must exist (a typo would replay the whole DLQ again), unless --new-group.
    #[arg(short, long)]
    pub group: Option<String>,
    /// Let --group name a group the cluster does not have yet: it starts at the DLQ's start.
    #[arg(long, requires = "group")]
    pub new_group: bool,
    /// Replay without showing the routing table and asking first (needed off a terminal).
    #[arg(short, long)]
    pub yes: bool,
    #[command(flatten)]
    pub selection: Selection,
    /// Remove the dead-letter headers (error context, original-* fields) from replayed records.
    #[arg(long)]
    pub strip_error_headers: bool,
    /// Partition in the destination.
    #[arg(long, value_enum, default_value_t = PartitionPolicy::ByKey)]
    pub partition_policy: PartitionPolicy,
    /// Records replayed more often than this (evctl-replay-count header) go to the parking topic.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub max_replays: u32,
    /// Where records over --max-replays go [default: <TOPIC>.parked].
    #[arg(long, value_name = "TOPIC")]
    pub parking_topic: Option<String>,
    /// Show the routing table and counts; produce and commit nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// At most this many records per second.
    #[arg(long, value_name = "N", value_parser = crate::units::parse_rate)]
    pub rate: Option<f64>,
    /// Stop after this many records.
    #[arg(short = 'n', long, value_name = "N")]
    pub max: Option<u64>,
    /// Producer batch size; at most 5 batches are in flight, which bounds what a crash can
    /// repeat.
    #[arg(long, default_value = "64KiB", value_parser = parse_batch, value_name = "SIZE")]
    pub batch_size: usize,
}

fn parse_batch(s: &str) -> Result<usize, String> {
    let n = crate::units::parse_size(s)?;
    if !(1024..=16 * 1024 * 1024).contains(&n) {
        return Err("the batch size must be between 1KiB and 16MiB".into());
    }
    Ok(n as usize)
}

/// `evctl dlq drain`.
#[derive(Debug, clap::Args)]
pub struct DrainArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// The consumer group to move forward (Kafka, Redis streams); it must exist, unless
    /// --new-group.
    #[arg(short, long)]
    pub group: Option<String>,
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

/// `evctl dlq purge`.
#[derive(Debug, clap::Args)]
pub struct PurgeArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// Kafka: delete the records before this offset (every partition) or this time (@2025-01-01,
    /// @-7d). A RabbitMQ queue is purged whole.
    #[arg(long, value_name = "OFFSET|@TIME", allow_hyphen_values = true)]
    pub before: Option<String>,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}

/// The key prefix of BullMQ queues.
#[derive(Debug, Clone, clap::Args)]
pub struct PrefixFlag {
    /// BullMQ: the key prefix of the queues (a hash-tagged one like {bull} on a Redis Cluster)
    #[arg(
        long,
        value_name = "PREFIX",
        env = "EVCTL_BULLMQ_PREFIX",
        default_value = "bull",
        help_heading = "BullMQ"
    )]
    pub prefix: String,
}

/// The BullMQ-only selection flags of `dlq replay` and `dlq drain` (with the shared `--since`,
/// `--until`, `--where` and `--key`, which matches the job name).
#[derive(Debug, Clone, clap::Args)]
pub struct BullFlags {
    #[command(flatten)]
    pub prefix: PrefixFlag,
    /// BullMQ: only jobs whose failedReason matches this regular expression
    #[arg(long, value_name = "REGEX", help_heading = "BullMQ")]
    pub reason: Option<String>,
    /// BullMQ: only this job (repeat for several); each must be in the state
    #[arg(long = "id", value_name = "ID", help_heading = "BullMQ")]
    pub ids: Vec<String>,
    /// BullMQ (replay): clear attemptsMade and attemptsStarted, as Job.retry's resetAttemptsMade
    #[arg(long, help_heading = "BullMQ")]
    pub reset_attempts: bool,
    /// BullMQ (replay --to): the state the parked jobs are in [default: waiting]
    #[arg(long, value_name = "STATE", help_heading = "BullMQ")]
    pub state: Option<String>,
}

pub use crate::record::offsets::parse_time;

/// The custom dialects of the spec files.
pub fn dialects(spec: &[PathBuf]) -> anyhow::Result<Vec<CustomDialect>> {
    if spec.is_empty() {
        return Ok(Vec::new());
    }
    let env = |k: &str| std::env::var(k).ok();
    Ok(crate::spec::load(spec, &env)?.dialects)
}

/// The criteria of the selection flags.
pub fn criteria(sel: &Selection) -> anyhow::Result<Criteria> {
    let filter = Filter::new(&FilterSpec {
        keys: sel.key.clone(),
        headers: sel.headers.clone(),
        grep: None,
        where_expr: sel.where_expr.clone(),
    })
    .map_err(|e| usage(e.to_string()))?;
    Ok(Criteria {
        filter: Some(filter),
        codec: None,
        since: sel
            .since
            .as_deref()
            .map(|s| parse_time("--since", s))
            .transpose()?,
        until: sel
            .until
            .as_deref()
            .map(|s| parse_time("--until", s))
            .transpose()?,
        error_class: sel
            .error_class
            .as_deref()
            .map(regex::Regex::new)
            .transpose()
            .map_err(|e| usage(format!("--error-class: {e}")))?,
        original_topic: sel.original_topic.clone(),
    })
}

impl DrainArgs {
    /// The group a Kafka or Redis stream drain moves.
    pub fn group(&self) -> anyhow::Result<&str> {
        self.group.as_deref().ok_or_else(|| {
            usage("dlq drain needs --group GROUP (the group to move past the dead letters)")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::time::now_ms;

    #[test]
    fn rates_and_times() {
        assert_eq!(
            parse_time("--since", "1735689600000").unwrap(),
            1_735_689_600_000
        );
        assert_eq!(
            parse_time("--since", "2025-01-01T00:00:00Z").unwrap(),
            1_735_689_600_000
        );
        let ago = parse_time("--since", "-1h").unwrap();
        assert!((now_ms() - ago - 3_600_000).abs() < 5_000);
        assert!(parse_time("--since", "yesterday").is_err());
    }
}
