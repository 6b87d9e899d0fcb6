//! `evctl dlq`: inspect, replay, drain and purge dead-letter topics.

use crate::record::time::now_ms;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::output::Cell;
use serde::Serialize;

use super::Ctx;
use crate::dlq::dialect::CustomDialect;
use crate::dlq::replay::{self, Criteria, PartitionPolicy, ReplayOptions, ReplayReport};
use crate::error::{ExitStatus, usage, usage_hint};
use crate::kafka::offsets::{
    Isolation, OffsetQuery, TopicPartition, commit_offsets, delete_records, list_offsets,
    log_bounds,
};
use crate::kafka::producer::ProducerOptions;
use crate::output::{Render, Styles, sanitize, table_string};
use crate::record::filter::{Filter, FilterSpec};

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

/// `evctl dlq purge`.
#[derive(Debug, clap::Args)]
pub struct PurgeArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// Delete the records before this offset (every partition) or this time (@2025-01-01, @-7d).
    #[arg(long, value_name = "OFFSET|@TIME", allow_hyphen_values = true)]
    pub before: String,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}

/// A time flag: RFC 3339, a date, epoch ms, or a duration ago (`-1h`).
fn parse_time(flag: &str, s: &str) -> anyhow::Result<i64> {
    // the `@` forms of the offset syntax, with the `@` optional
    let t = s.trim().trim_start_matches('@');
    match crate::record::offsets::parse_offset(&format!("@{t}")) {
        Ok(spec) => match spec.at(now_ms()) {
            crate::record::offsets::OffsetSpec::Timestamp(ms) => Ok(ms),
            _ => Err(usage(format!("{flag}: {s:?} is not a time"))),
        },
        Err(e) => Err(usage(format!("{flag}: {e}"))),
    }
}

fn dialects(spec: &[PathBuf]) -> anyhow::Result<Vec<CustomDialect>> {
    if spec.is_empty() {
        return Ok(Vec::new());
    }
    let env = |k: &str| std::env::var(k).ok();
    Ok(crate::spec::load(spec, &env)?.dialects)
}

fn criteria(sel: &Selection) -> anyhow::Result<Criteria> {
    let filter = Filter::new(&FilterSpec {
        keys: sel.key.clone(),
        headers: sel.headers.clone(),
        grep: None,
        where_expr: sel.where_expr.clone(),
    })
    .map_err(|e| usage(e.to_string()))?;
    Ok(Criteria {
        filter: Some(filter),
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

/// Runs `evctl dlq`.
pub async fn run(ctx: &Ctx<'_>, args: &DlqArgs) -> anyhow::Result<ExitStatus> {
    match &args.command {
        DlqCommand::Inspect(a) => inspect(ctx, a).await,
        DlqCommand::Replay(a) => replay_cmd(ctx, a).await,
        DlqCommand::Drain(a) => drain(ctx, a).await,
        DlqCommand::Purge(a) => purge(ctx, a).await,
    }
}

async fn inspect(ctx: &Ctx<'_>, a: &InspectArgs) -> anyhow::Result<ExitStatus> {
    let custom = dialects(&a.spec)?;
    let client = Arc::new(ctx.client().await?);
    let found =
        crate::dlq::inspect::inspect(client, &a.topic, a.bucket.as_millis() as i64, &custom)
            .await?;
    ctx.printer.data(&found)?;
    Ok(ExitStatus::Success)
}

impl Render for ReplayReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {} (group {}): {} read, {} skipped{}{} in {:.1}s\n",
            if self.dry_run {
                s.bold("Dry run of the replay of")
            } else {
                s.bold("Replayed")
            },
            sanitize(&self.dlq),
            sanitize(&self.group),
            self.read,
            self.skipped,
            if self.unroutable > 0 {
                format!(", {} without a destination", self.unroutable)
            } else {
                String::new()
            },
            if self.interrupted {
                ", interrupted"
            } else {
                ""
            },
            self.seconds
        );
        let mut t = s.table(&["DESTINATION", "REPLAYED", "PARKED", "FAILED"]);
        let mut dests: Vec<&String> = self
            .replayed
            .keys()
            .chain(self.parked.keys())
            .chain(self.failed.keys())
            .collect();
        dests.sort();
        dests.dedup();
        for d in dests {
            t.add_row(vec![
                Cell::new(sanitize(d)),
                Cell::new(self.replayed.get(d).copied().unwrap_or(0)),
                Cell::new(self.parked.get(d).copied().unwrap_or(0)),
                Cell::new(self.failed.get(d).copied().unwrap_or(0)),
            ]);
        }
        if !self.replayed.is_empty() || !self.parked.is_empty() || !self.failed.is_empty() {
            out.push_str(&table_string(&t));
        }
        out
    }
}

async fn replay_cmd(ctx: &Ctx<'_>, a: &ReplayArgs) -> anyhow::Result<ExitStatus> {
    // replay produces into live topics: on a terminal it shows what it will do and asks; off one
    // it needs --yes (decided before connecting to anything)
    let ask = !a.dry_run && !a.yes;
    if ask && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(usage_hint(
            "refusing to replay into live topics without confirmation: not on a terminal",
            "see the routing table with --dry-run, then pass --yes",
        ));
    }
    let group = a
        .group
        .clone()
        .unwrap_or_else(|| format!("evctl-dlq-replay.{}", a.topic));
    // built twice when asking: the preview is a dry run over the same settings
    let options = |dry_run: bool| -> anyhow::Result<ReplayOptions> {
        Ok(ReplayOptions {
            dlq: a.topic.clone(),
            to: a.to.clone(),
            group: group.clone(),
            criteria: criteria(&a.selection)?,
            strip_error_headers: a.strip_error_headers,
            partition_policy: a.partition_policy,
            max_replays: a.max_replays,
            parking_topic: a
                .parking_topic
                .clone()
                .unwrap_or_else(|| format!("{}.parked", a.topic)),
            dry_run,
            rate: a.rate,
            max: a.max,
            dialects: dialects(&a.selection.spec)?,
            producer: ProducerOptions {
                batch_bytes: a.batch_size,
                buffer_bytes: a.batch_size * 5,
                ..ProducerOptions::default()
            },
        })
    };
    let opts = options(a.dry_run)?;
    let client = Arc::new(ctx.client().await?);
    if let Some(g) = &a.group
        && !a.new_group
    {
        super::require_group(
            &client,
            g,
            "a new group replays the whole DLQ from its start: pass --new-group to mean it",
        )
        .await?;
    }
    if ask {
        // the routing table the replay is about to act on: a dry run over the same records
        let preview = replay::replay(
            client.clone(),
            &options(true)?,
            super::terminal::stop_signal(),
            &|_, _| {},
        )
        .await;
        let preview = match preview {
            Ok(r) => r,
            Err(e) => {
                if let Some(stopped) = e.downcast_ref::<replay::ReplayStopped>() {
                    ctx.printer.data(&*stopped.report)?;
                }
                return Err(e);
            }
        };
        ctx.printer
            .status(&preview.table(&ctx.printer.err_styles()));
        let routed: u64 =
            preview.replayed.values().sum::<u64>() + preview.parked.values().sum::<u64>();
        if routed == 0 {
            ctx.printer.status("nothing to replay");
            return Ok(ExitStatus::Success);
        }
        let dests: Vec<&str> = preview
            .replayed
            .keys()
            .chain(preview.parked.keys())
            .map(String::as_str)
            .collect();
        if !confirm(&format!(
            "Replay {routed} record(s) of {} into {}?",
            a.topic,
            dests.join(", ")
        ))? {
            ctx.printer.status("nothing replayed");
            return Ok(ExitStatus::Success);
        }
    }
    let bar =
        super::terminal::progress_bar(ctx.printer, 0, "{bar:30} {pos}/{len} {per_sec} eta {eta}");
    let progress = |done: u64, total: u64| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done.min(total));
        }
    };
    let result = replay::replay(client, &opts, super::terminal::stop_signal(), &progress).await;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    match result {
        Ok(report) => {
            ctx.printer.data(&report)?;
            for e in &report.errors {
                ctx.printer.warn(&sanitize(e));
            }
            Ok(if report.interrupted {
                ExitStatus::Interrupted
            } else if !report.failed.is_empty() {
                ExitStatus::Failure
            } else {
                ExitStatus::Success
            })
        }
        Err(e) => {
            if let Some(stopped) = e.downcast_ref::<replay::ReplayStopped>() {
                ctx.printer.data(&*stopped.report)?;
            }
            Err(e)
        }
    }
}

/// What a drain did or would do.
#[derive(Debug, Serialize)]
struct DrainReport {
    topic: String,
    group: String,
    dry_run: bool,
    committed: bool,
    partitions: Vec<replay::DrainPartition>,
}

impl Render for DrainReport {
    fn table(&self, s: &Styles) -> String {
        let skipped: u64 = self.partitions.iter().map(|p| p.skipped).sum();
        let mut out = format!(
            "{} {} record{} of {} for group {}\n",
            if self.committed {
                s.bold("Drained")
            } else {
                s.bold("Would drain")
            },
            skipped,
            if skipped == 1 { "" } else { "s" },
            sanitize(&self.topic),
            sanitize(&self.group)
        );
        let mut t = s.table(&["PARTITION", "FROM", "TO", "SKIPPED", "STOPPED-AT"]);
        for p in &self.partitions {
            t.add_row(vec![
                Cell::new(p.partition),
                Cell::new(p.from),
                Cell::new(p.to),
                Cell::new(p.skipped),
                Cell::new(
                    p.stopped_at
                        .map_or("-".into(), |o| format!("{o} (does not match)")),
                ),
            ]);
        }
        out.push_str(&table_string(&t));
        // the dry run lists every record it would pass over
        if self.dry_run && skipped > 0 {
            let mut r = s.table(&[
                "PARTITION",
                "OFFSET",
                "TIME",
                "KEY",
                "ERROR-CLASS",
                "ORIGINAL-TOPIC",
            ]);
            for p in &self.partitions {
                for d in &p.records {
                    r.add_row(vec![
                        Cell::new(p.partition),
                        Cell::new(d.offset),
                        Cell::new(crate::record::time::format_rfc3339(d.timestamp)),
                        Cell::new(d.key.as_deref().map_or("-".into(), sanitize)),
                        Cell::new(d.error_class.as_deref().map_or("-".into(), sanitize)),
                        Cell::new(d.original_topic.as_deref().map_or("-".into(), sanitize)),
                    ]);
                }
            }
            out.push('\n');
            out.push_str(&table_string(&r));
            for p in self.partitions.iter().filter(|p| p.truncated) {
                out.push_str(&format!(
                    "partition {}: only the first {} records are listed\n",
                    p.partition,
                    replay::DRAIN_LISTED
                ));
            }
        }
        out
    }
}

/// Asks before a change to the DLQ or its groups; off a terminal it needs --yes.
fn confirm(prompt: &str) -> anyhow::Result<bool> {
    super::terminal::confirm(
        prompt,
        "refusing without confirmation: not on a terminal",
        "run with --dry-run first to see what it does, then pass --yes",
    )
}

async fn drain(ctx: &Ctx<'_>, a: &DrainArgs) -> anyhow::Result<ExitStatus> {
    let criteria = criteria(&a.selection)?;
    let custom = dialects(&a.selection.spec)?;
    let client = Arc::new(ctx.client().await?);
    // a drain moves an existing group (a typo would make a new one at the DLQ's end)
    if !a.new_group {
        super::require_group(
            &client,
            &a.group,
            "to position a new group past the dead letters, pass --new-group",
        )
        .await?;
    }
    let plan = replay::plan_drain(client.clone(), &a.topic, &a.group, &criteria, &custom).await?;
    let mut report = DrainReport {
        topic: a.topic.clone(),
        group: a.group.clone(),
        dry_run: a.dry_run,
        committed: false,
        partitions: plan,
    };
    let moves: Vec<(TopicPartition, i64)> = report
        .partitions
        .iter()
        .filter(|p| p.to > p.from)
        .map(|p| ((a.topic.clone(), p.partition), p.to))
        .collect();
    if a.dry_run || moves.is_empty() {
        ctx.printer.data(&report)?;
        return Ok(ExitStatus::Success);
    }
    let skipped: u64 = report.partitions.iter().map(|p| p.skipped).sum();
    if !a.yes {
        ctx.printer.status(&report.table(&ctx.printer.err_styles()));
        if !confirm(&format!(
            "Move group {} past {skipped} record(s) of {}?",
            a.group, a.topic
        ))? {
            ctx.printer.status("nothing changed");
            return Ok(ExitStatus::Success);
        }
    }
    commit_offsets(&client, &a.group, &moves, "evctl dlq drain").await?;
    report.committed = true;
    ctx.printer.data(&report)?;
    Ok(ExitStatus::Success)
}

/// What a purge did.
#[derive(Debug, Serialize)]
struct PurgeReport {
    topic: String,
    /// (partition, log start before, new log start, records deleted)
    partitions: Vec<PurgePartition>,
    deleted: i64,
}

#[derive(Debug, Serialize)]
struct PurgePartition {
    partition: i32,
    log_start_before: i64,
    log_start: i64,
    deleted: i64,
}

impl Render for PurgeReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {} record(s) of {}\n",
            s.bold("Deleted"),
            self.deleted,
            sanitize(&self.topic)
        );
        let mut t = s.table(&["PARTITION", "LOG-START-BEFORE", "LOG-START", "DELETED"]);
        for p in &self.partitions {
            t.add_row(vec![
                Cell::new(p.partition),
                Cell::new(p.log_start_before),
                Cell::new(p.log_start),
                Cell::new(p.deleted),
            ]);
        }
        out.push_str(&table_string(&t));
        out
    }
}

async fn purge(ctx: &Ctx<'_>, a: &PurgeArgs) -> anyhow::Result<ExitStatus> {
    let before = a.before.trim();
    let by_time = before.starts_with('@');
    let offset = if by_time {
        None
    } else {
        Some(before.parse::<i64>().ok().filter(|o| *o >= 0).ok_or_else(|| {
            usage(format!(
                "--before {before:?}: expected an offset or @TIME (@2025-01-01T00:00:00Z, @-7d)"
            ))
        })?)
    };
    let time = if by_time {
        Some(parse_time("--before", before)?)
    } else {
        None
    };
    let client = ctx.client().await?;
    let tm = client.topic(&a.topic).await?;
    let meta = client.cached_metadata();
    // refuse before asking anything when a leader cannot delete records
    let leaders: std::collections::BTreeSet<i32> = tm.partitions.iter().map(|p| p.leader).collect();
    for leader in leaders {
        let addr = meta
            .brokers
            .get(&leader)
            .map_or_else(|| format!("broker {leader}"), |b| b.addr());
        client
            .api_versions(crate::kafka::Route::Broker(leader))
            .await?
            .negotiate_for::<kafka_protocol::messages::DeleteRecordsRequest>(&addr)?;
    }
    let tps: Vec<TopicPartition> = tm
        .partitions
        .iter()
        .map(|p| (a.topic.clone(), p.partition))
        .collect();
    let q = |query| tps.iter().map(|tp| (tp.clone(), query)).collect::<Vec<_>>();
    let (lo, hi) = log_bounds(&client, &tps, Isolation::ReadUncommitted).await?;
    let at = match time {
        Some(t) => Some(
            list_offsets(
                &client,
                &q(OffsetQuery::Timestamp(t)),
                Isolation::ReadUncommitted,
            )
            .await?,
        ),
        None => None,
    };
    let mut targets = Vec::new();
    let mut partitions = Vec::new();
    for tp in &tps {
        let l = lo.get(tp).copied().unwrap_or(0);
        let h = hi.get(tp).copied().unwrap_or(0);
        let target = match (&at, offset) {
            (Some(m), _) => m.get(tp).copied().unwrap_or(h),
            (None, Some(o)) => o,
            (None, None) => l,
        }
        .min(h);
        if target > l {
            targets.push((tp.clone(), target));
        }
        partitions.push(PurgePartition {
            partition: tp.1,
            log_start_before: l,
            log_start: target.max(l),
            deleted: (target - l).max(0),
        });
    }
    let deleted: i64 = partitions.iter().map(|p| p.deleted).sum();
    let mut report = PurgeReport {
        topic: a.topic.clone(),
        partitions,
        deleted,
    };
    if targets.is_empty() {
        ctx.printer.status("nothing to delete");
        ctx.printer.data(&report)?;
        return Ok(ExitStatus::Success);
    }
    if !a.yes
        && !confirm(&format!(
            "Delete {deleted} record(s) of {} for good?",
            a.topic
        ))?
    {
        ctx.printer.status("nothing changed");
        return Ok(ExitStatus::Success);
    }
    let new_starts = delete_records(&client, &targets).await?;
    for p in &mut report.partitions {
        if let Some(s) = new_starts.get(&(a.topic.clone(), p.partition)) {
            p.log_start = *s;
            p.deleted = (*s - p.log_start_before).max(0);
        }
    }
    report.deleted = report.partitions.iter().map(|p| p.deleted).sum();
    ctx.printer.data(&report)?;
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

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
