//! `evctl tail`: follow topics, or read a range and exit, with filters and output formats.

use crate::record::time::now_ms;
use std::collections::{BTreeSet, HashMap};
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Instant;

use super::Ctx;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::kafka::fetcher::{Assignment, FetchOptions, Fetcher};
use crate::kafka::offsets::{
    COMMIT_INTERVAL, Isolation, OffsetQuery, TopicPartition, commit_offsets, committed_offsets,
    list_offsets, log_bounds,
};
use crate::output::OutputFormat;
use crate::record::Record;
use crate::record::filter::{Filter, FilterSpec};
use crate::record::offsets::{OffsetSpec, parse_offset, parse_range};
use crate::record::template::Template;

const AFTER_HELP: &str = "Offsets (--from, --to; per partition):
  start, end         the first record, the end (the next record to be written)
  N, +N, -N          offset N; N after the start; N before the end
  @2025-01-01T10:00:00Z, @2025-01-01, @1735725600000, @-1h
                     the first record at or after that time
  --from A:B         the same as --from A --to B; --to is exclusive

Without --from: the group's committed offsets with --group, else `start` when the read has an end
(--exit-at-end or --to) and `end` when following (like tail -f).

Examples:
  evctl tail orders                                 follow new records
  evctl tail orders --from -10 --exit-at-end        the last 10 records of each partition
  evctl tail orders -o json --exit-at-end > dump.jsonl
  evctl tail orders --where '.type == \"order.created.v1\" and .metadata.tenant_id == \"t1\"'
  evctl tail --pattern '^platform\\..*' --format '{topic}/{partition}@{offset} {key} {value}\\n'";

/// Arguments of `evctl tail`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct TailArgs {
    /// Topics to read.
    #[arg(required_unless_present = "pattern")]
    pub topics: Vec<String>,

    /// Read every topic whose name matches this regular expression (internal topics only when
    /// named).
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,

    /// Where to start in each partition (see below); may be a range FROM:TO.
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Where to stop in each partition, exclusive (see below).
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub to: Option<String>,

    /// Stop at the end offsets taken when the command starts (gaps from compaction and
    /// transaction markers are fine).
    #[arg(short = 'e', long)]
    pub exit_at_end: bool,

    /// Stop after printing this many records (in all, after filters).
    #[arg(short = 'n', long, value_name = "N")]
    pub max: Option<u64>,

    /// Only these partitions: a list like 0,2,5 or 0-3.
    #[arg(short, long, value_name = "LIST")]
    pub partitions: Option<String>,

    /// Consumer group to commit progress to (every 5s and at exit, including Ctrl-C); also
    /// where to start when --from is not given.
    #[arg(short, long, value_name = "GROUP")]
    pub group: Option<String>,

    /// Only records with this key; `*` and `?` are wildcards; repeat for any of several.
    #[arg(short, long, help_heading = "Filters")]
    pub key: Vec<String>,

    /// Only records with this header: NAME, or NAME=VALUE (wildcards allowed); repeat for all of
    /// several.
    #[arg(long = "header", value_name = "NAME[=VALUE]", help_heading = "Filters")]
    pub headers: Vec<String>,

    /// Only records whose value matches this regular expression.
    #[arg(long, value_name = "REGEX", help_heading = "Filters")]
    pub grep: Option<String>,

    /// Only records for which this jq expression over the JSON value is true; $key, $topic,
    /// $partition, $offset, $timestamp and $headers are set.
    #[arg(long = "where", value_name = "EXPR", help_heading = "Filters")]
    pub where_expr: Option<String>,

    /// Print each record with this template: {topic} {partition} {offset} {timestamp}
    /// {timestamp_ms} {key} {value} {headers} {header.NAME}, modifiers :hex :base64 :json; \n \t.
    #[arg(long, value_name = "TEMPLATE", help_heading = "Output")]
    pub format: Option<String>,

    /// Read records of open and aborted transactions too.
    #[arg(long)]
    pub read_uncommitted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Pretty,
    Json,
    Raw,
}

/// Parses `0,2,5` and `0-3`.
fn parse_partitions(s: &str) -> Result<BTreeSet<i32>, String> {
    let mut out = BTreeSet::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let num = |t: &str| {
            t.trim()
                .parse::<i32>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| {
                    format!("invalid partition {t:?} in {s:?}: expected a list like 0,2,5 or 0-3")
                })
        };
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (num(a)?, num(b)?);
                if a > b {
                    return Err(format!("invalid partition range {part:?}: {a} > {b}"));
                }
                out.extend(a..=b);
            }
            None => {
                out.insert(num(part)?);
            }
        }
    }
    if out.is_empty() {
        return Err(format!("no partitions in {s:?}"));
    }
    Ok(out)
}

/// Resolves a spec with the partition's start and end offsets; timestamps come from `by_time`.
fn resolve(spec: OffsetSpec, lo: i64, hi: i64, by_time: Option<i64>) -> i64 {
    match spec {
        OffsetSpec::Start => lo,
        OffsetSpec::End => hi,
        OffsetSpec::Exact(n) => n,
        OffsetSpec::AfterStart(n) => lo.saturating_add(n).min(hi),
        OffsetSpec::BeforeEnd(n) => hi.saturating_sub(n).max(lo),
        OffsetSpec::Timestamp(_) | OffsetSpec::Ago(_) => by_time.unwrap_or(hi),
    }
}

fn time_of(spec: Option<OffsetSpec>, now: i64) -> Option<i64> {
    match spec.map(|s| s.at(now)) {
        Some(OffsetSpec::Timestamp(t)) => Some(t),
        _ => None,
    }
}

/// Runs `evctl tail`.
pub async fn run(ctx: &Ctx<'_>, args: &TailArgs) -> anyhow::Result<ExitStatus> {
    let stdout_tty = std::io::stdout().is_terminal();
    let mode = match (ctx.printer.format, ctx.output_explicit) {
        (_, false) if stdout_tty => Mode::Pretty,
        (_, false) => Mode::Json,
        (OutputFormat::Pretty | OutputFormat::Table | OutputFormat::Wide, true) => Mode::Pretty,
        (OutputFormat::Json, true) => Mode::Json,
        (OutputFormat::Raw, true) => Mode::Raw,
        (OutputFormat::Yaml | OutputFormat::Prometheus, true) => {
            return Err(usage(
                "tail writes -o pretty, json or raw (or --format TEMPLATE)",
            ));
        }
    };
    let template = args
        .format
        .as_deref()
        .map(|t| Template::parse(t).map_err(|e| usage(format!("--format: {e}"))))
        .transpose()?;
    let filter = Filter::new(&FilterSpec {
        keys: args.key.clone(),
        headers: args.headers.clone(),
        grep: args.grep.clone(),
        where_expr: args.where_expr.clone(),
    })
    .map_err(|e| usage(e.to_string()))?;
    let (from, mut to) = match &args.from {
        Some(f) => {
            let r = parse_range(f).map_err(|e| usage(format!("--from: {e}")))?;
            (r.from, r.to)
        }
        None => (None, None),
    };
    if let Some(t) = &args.to {
        if to.is_some() {
            return Err(usage("--to given twice: in --from A:B and in --to"));
        }
        to = Some(parse_offset(t).map_err(|e| usage(format!("--to: {e}")))?);
    }
    let wanted_partitions = args
        .partitions
        .as_deref()
        .map(parse_partitions)
        .transpose()
        .map_err(|e| usage(format!("--partitions: {e}")))?;
    let pattern = args
        .pattern
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .map_err(|e| usage(format!("--pattern: {e}")))?;
    let isolation = if args.read_uncommitted {
        Isolation::ReadUncommitted
    } else {
        Isolation::ReadCommitted
    };

    if args.max == Some(0) {
        // like `head -n 0`: nothing to print, nothing read, nothing committed
        return Ok(ExitStatus::Success);
    }
    let client = Arc::new(ctx.client().await?);
    // topics
    let mut topics: Vec<String> = args.topics.clone();
    let meta = if let Some(re) = &pattern {
        let all = client.metadata(None).await?;
        for t in all.topics.values() {
            if !t.internal && re.is_match(&t.name) && !topics.contains(&t.name) {
                topics.push(t.name.clone());
            }
        }
        if topics.is_empty() {
            return Err(usage_hint(
                format!("no topic matches --pattern {:?}", re.as_str()),
                "the pattern is a regular expression searched in each name; anchor it with ^ and $",
            ));
        }
        all
    } else {
        client.metadata(Some(&topics)).await?
    };
    let mut tps: Vec<TopicPartition> = Vec::new();
    for t in &topics {
        let tm = meta.require(t)?;
        for p in &tm.partitions {
            if wanted_partitions
                .as_ref()
                .is_none_or(|w| w.contains(&p.partition))
            {
                tps.push((t.clone(), p.partition));
            }
        }
    }
    if tps.is_empty() {
        return Err(usage(format!(
            "--partitions {}: none of these partitions exist",
            args.partitions.as_deref().unwrap_or_default()
        )));
    }

    // offsets
    let (lo, hi) = log_bounds(&client, &tps, isolation).await?;
    let now = now_ms();
    let by_time = |spec: Option<OffsetSpec>| {
        let client = client.clone();
        let tps = tps.clone();
        async move {
            match time_of(spec, now) {
                Some(t) => {
                    let qs: Vec<_> = tps
                        .iter()
                        .map(|tp| (tp.clone(), OffsetQuery::Timestamp(t)))
                        .collect();
                    list_offsets(&client, &qs, isolation).await.map(Some)
                }
                None => Ok(None),
            }
        }
    };
    let from_time = by_time(from).await?;
    let to_time = by_time(to).await?;
    let committed = match &args.group {
        Some(g) if from.is_none() => {
            // resuming a group that does not exist is most likely a typo: say so, with the
            // names it may have meant; --from starts a new group on purpose
            crate::kafka::groups::require_group(&client, g)
                .await
                .map_err(|e| match e {
                    e @ crate::kafka::KafkaError::NoSuchGroup { .. } => crate::error::failure_hint(
                        e.to_string(),
                        "to start a new group, say where: --from start (or end, or an offset)",
                    ),
                    e => e.into(),
                })?;
            committed_offsets(&client, g, Some(&tps)).await?
        }
        _ => HashMap::new(),
    };
    let bounded = args.exit_at_end || to.is_some();
    let default_from = if bounded {
        OffsetSpec::Start
    } else {
        OffsetSpec::End
    };
    let mut assignments = Vec::with_capacity(tps.len());
    let mut from_committed = 0;
    for tp in &tps {
        let (l, h) = (
            lo.get(tp).copied().unwrap_or(0),
            hi.get(tp).copied().unwrap_or(0),
        );
        let start = match (from, committed.get(tp)) {
            (Some(spec), _) => resolve(
                spec,
                l,
                h,
                from_time.as_ref().and_then(|m| m.get(tp).copied()),
            ),
            (None, Some(&c)) => {
                from_committed += 1;
                c
            }
            (None, None) => resolve(default_from, l, h, None),
        };
        let mut stop = to.map(|spec| {
            resolve(
                spec,
                l,
                h,
                to_time.as_ref().and_then(|m| m.get(tp).copied()),
            )
        });
        if args.exit_at_end {
            stop = Some(stop.map_or(h, |s| s.min(h)));
        }
        assignments.push(Assignment {
            topic: tp.0.clone(),
            partition: tp.1,
            start,
            stop,
        });
    }
    let starting = match (from, &args.group) {
        (Some(_), _) => args.from.clone().unwrap_or_default(),
        (None, Some(g)) if from_committed > 0 => format!("group {g}'s offsets"),
        (None, _) => default_from.to_string(),
    };
    ctx.printer.status(&format!(
        "tailing {} ({} partition{}) from {starting}{}",
        topics.join(", "),
        tps.len(),
        if tps.len() == 1 { "" } else { "s" },
        if bounded {
            " until the end"
        } else {
            "; Ctrl-C to stop"
        }
    ));

    let mut fetcher = Fetcher::new(
        client.clone(),
        FetchOptions {
            isolation,
            ..FetchOptions::default()
        },
        assignments,
    );
    let styles = ctx.printer.out_styles();
    let mut out: Vec<u8> = Vec::with_capacity(1 << 20);
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    let mut printed: u64 = 0;
    let mut scanned: u64 = 0;
    let mut interrupted = false;
    let mut last_commit = Instant::now();
    let mut last_refresh = Instant::now();
    let mut positions: Option<Vec<(TopicPartition, i64)>> = None;
    // Ctrl-C or SIGTERM: stop, commit the group's position, print the summary
    let ctrl_c = super::terminal::stop_signal();
    tokio::pin!(ctrl_c);
    'read: loop {
        let batch = tokio::select! {
            biased;
            _ = &mut ctrl_c => {
                interrupted = true;
                break 'read;
            }
            b = fetcher.poll() => b?,
        };
        for n in fetcher.take_notices() {
            ctx.printer.warn(&n.0);
        }
        let Some(records) = batch else { break };
        for (i, r) in records.iter().enumerate() {
            scanned += 1;
            if !filter.is_empty() && !filter.matches(r) {
                continue;
            }
            write_record(&mut out, r, mode, template.as_ref(), &styles, stdout_tty);
            printed += 1;
            if args.max.is_some_and(|m| printed >= m) {
                positions = Some(stopped_positions(&fetcher, &records[i + 1..]));
                stdout.write_all(&out)?;
                break 'read;
            }
            if out.len() >= 1 << 20 {
                stdout.write_all(&out)?;
                out.clear();
            }
        }
        stdout.write_all(&out)?;
        stdout.flush()?;
        out.clear();
        if let Some(g) = &args.group
            && last_commit.elapsed() >= COMMIT_INTERVAL
        {
            commit_offsets(&client, g, &fetcher.positions(), "evctl tail").await?;
            last_commit = Instant::now();
        }
        if !bounded && last_refresh.elapsed() >= TOPIC_REFRESH {
            last_refresh = Instant::now();
            let wanted = Wanted {
                topics: &args.topics,
                pattern: pattern.as_ref(),
                partitions: wanted_partitions.as_ref(),
            };
            match new_partitions(&client, &wanted, &fetcher, isolation).await {
                Ok(added) if !added.is_empty() => {
                    let names: Vec<String> = added
                        .iter()
                        .map(|a| format!("{}/{}", a.topic, a.partition))
                        .collect();
                    ctx.printer
                        .status(&format!("now also reading {}", names.join(", ")));
                    fetcher.add(added);
                }
                Ok(_) => {}
                // a failed refresh is not fatal: the next one may work
                Err(e) => tracing::debug!(error = %e, "topic refresh failed"),
            }
        }
    }
    stdout.flush()?;
    if let Some(g) = &args.group {
        let positions = positions.unwrap_or_else(|| fetcher.positions());
        commit_offsets(&client, g, &positions, "evctl tail").await?;
        ctx.printer
            .status(&format!("committed group {g}'s offsets"));
    }
    if bounded || args.max.is_some() || interrupted {
        ctx.printer.status(&format!(
            "{printed} record{} printed ({scanned} read)",
            if printed == 1 { "" } else { "s" }
        ));
    }
    Ok(if interrupted {
        ExitStatus::Interrupted
    } else {
        ExitStatus::Success
    })
}

/// How often a follow looks for new partitions, and new topics matching --pattern.
const TOPIC_REFRESH: std::time::Duration = std::time::Duration::from_secs(5);

/// What a tail reads: named topics, a pattern, and a partition filter.
struct Wanted<'a> {
    topics: &'a [String],
    pattern: Option<&'a regex::Regex>,
    partitions: Option<&'a BTreeSet<i32>>,
}

/// Partitions created since the start (new topics matching the pattern, partitions added to the
/// topics), to be read from their start so nothing written to them is missed.
async fn new_partitions(
    client: &Arc<crate::kafka::Client>,
    wanted: &Wanted<'_>,
    fetcher: &Fetcher,
    isolation: Isolation,
) -> anyhow::Result<Vec<Assignment>> {
    let meta = match wanted.pattern {
        Some(_) => client.metadata(None).await?,
        None => client.metadata(Some(wanted.topics)).await?,
    };
    let mut fresh: Vec<TopicPartition> = Vec::new();
    for t in meta.topics.values() {
        let named = wanted.topics.contains(&t.name);
        let matched = !t.internal && wanted.pattern.is_some_and(|re| re.is_match(&t.name));
        if !named && !matched {
            continue;
        }
        for p in &t.partitions {
            if wanted.partitions.is_none_or(|w| w.contains(&p.partition))
                && !fetcher.has(&t.name, p.partition)
            {
                fresh.push((t.name.clone(), p.partition));
            }
        }
    }
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let queries: Vec<_> = fresh
        .iter()
        .map(|tp| (tp.clone(), OffsetQuery::Earliest))
        .collect();
    let start = list_offsets(client, &queries, isolation).await?;
    Ok(fresh
        .into_iter()
        .map(|tp| Assignment {
            start: start.get(&tp).copied().unwrap_or(0),
            topic: tp.0,
            partition: tp.1,
            stop: None,
        })
        .collect())
}

/// Positions to commit after stopping in the middle of a response: the fetcher's, except for
/// partitions with records left over, which restart at the first of them.
fn stopped_positions(fetcher: &Fetcher, left: &[Record]) -> Vec<(TopicPartition, i64)> {
    let mut first_left: HashMap<(&str, i32), i64> = HashMap::new();
    for r in left {
        first_left
            .entry((r.topic.as_str(), r.partition))
            .and_modify(|o| *o = (*o).min(r.offset))
            .or_insert(r.offset);
    }
    fetcher
        .positions()
        .into_iter()
        .map(|(tp, next)| {
            let at = first_left
                .get(&(tp.0.as_str(), tp.1))
                .copied()
                .unwrap_or(next);
            (tp, at)
        })
        .collect()
}

fn write_record(
    out: &mut Vec<u8>,
    r: &Record,
    mode: Mode,
    template: Option<&Template>,
    styles: &crate::output::Styles,
    escape: bool,
) {
    if let Some(t) = template {
        t.render(out, r, escape);
        return;
    }
    match mode {
        Mode::Json if escape => {
            let mut line = Vec::new();
            crate::record::json::encode_line(&mut line, r);
            out.extend_from_slice(&crate::output::escape_json_for_terminal(&line));
        }
        Mode::Json => crate::record::json::encode_line(out, r),
        Mode::Pretty => crate::output::pretty::write_pretty(out, r, styles, escape),
        Mode::Raw => {
            let v = r.value.as_deref().unwrap_or_default();
            if escape {
                out.extend_from_slice(
                    crate::output::sanitize(&String::from_utf8_lossy(v)).as_bytes(),
                );
            } else {
                out.extend_from_slice(v);
            }
            out.push(b'\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_lists() {
        assert_eq!(
            parse_partitions("0,2,5")
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            [0, 2, 5]
        );
        assert_eq!(
            parse_partitions("1-3, 7")
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            [1, 2, 3, 7]
        );
        assert!(parse_partitions("3-1").is_err());
        assert!(parse_partitions("x").is_err());
        assert!(parse_partitions("").is_err());
    }

    #[test]
    fn specs_resolve_per_partition() {
        let (lo, hi) = (10, 100);
        assert_eq!(resolve(OffsetSpec::Start, lo, hi, None), 10);
        assert_eq!(resolve(OffsetSpec::End, lo, hi, None), 100);
        assert_eq!(resolve(OffsetSpec::Exact(42), lo, hi, None), 42);
        assert_eq!(resolve(OffsetSpec::AfterStart(5), lo, hi, None), 15);
        assert_eq!(resolve(OffsetSpec::AfterStart(500), lo, hi, None), 100);
        assert_eq!(resolve(OffsetSpec::BeforeEnd(5), lo, hi, None), 95);
        assert_eq!(resolve(OffsetSpec::BeforeEnd(500), lo, hi, None), 10);
        assert_eq!(resolve(OffsetSpec::Timestamp(1), lo, hi, Some(50)), 50);
        assert_eq!(resolve(OffsetSpec::Timestamp(1), lo, hi, None), 100);
        assert_eq!(
            time_of(
                Some(OffsetSpec::Ago(std::time::Duration::from_secs(1))),
                5_000
            ),
            Some(4_000)
        );
        assert_eq!(time_of(Some(OffsetSpec::Start), 5_000), None);
    }
}
