//! `evctl lag`: consumer lag in offsets and time, health over a window, thresholds, watch mode.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Ctx;
use crate::error::{ExitStatus, usage};
use crate::lag::eval::{Sample, Status, Window};
use crate::lag::render::{TextView, prometheus};
use crate::lag::{self, GroupLag, LagReport, Selection};
use crate::output::OutputFormat;
use crate::spec::ConsumerSpec;
use crate::units::human_duration_ms;

const AFTER_HELP: &str =
    "Lag is the log end offset minus the committed offset, per partition; a partition without a
commit shows `-`, never the log end as lag. Time lag is the age of the record at the committed
offset (exact), of the first record after it when that one is gone (estimated, `~`), or unknown.
COMMITTED below LOG-START is flagged as data loss.

Examples:
  evctl lag                                  every group, worst first
  evctl lag billing                          one row per partition, and the members
  evctl lag --max-lag 10000 --max-time-lag 5m   exit 3 when a group is over
  evctl lag --spec topics.yaml               thresholds from the spec's consumers section
  evctl lag --watch 5s                       refresh, with Burrow's statuses, rates and ETA
  evctl lag billing --until-caught-up --max-wait 10m
  evctl lag -o prometheus > lag.prom
  evctl lag --nagios --max-lag 1000          one line and 0/1/2/3 for monitoring plugins";

/// Arguments of `evctl lag`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct LagArgs {
    /// Groups to show in detail (default: every group, one line each).
    pub groups: Vec<String>,

    /// Only groups whose name matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub group_pattern: Option<String>,

    /// Only this topic's partitions.
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,

    /// Skip reading record timestamps (no time lag; fewer requests).
    #[arg(long)]
    pub no_time_lag: bool,

    /// Refresh every INTERVAL (default 5s) with Burrow's statuses, the consume rate and an ETA.
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "5s", value_parser = parse_interval)]
    pub watch: Option<Duration>,

    /// Samples kept per partition for the statuses and rates.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub window: usize,

    /// Poll until every selected group's lag is zero (or within --max-lag), then exit 0.
    #[arg(long)]
    pub until_caught_up: bool,

    /// With --until-caught-up: give up (exit 3) after this long.
    #[arg(long, value_name = "DURATION", value_parser = crate::units::parse_duration, requires = "until_caught_up")]
    pub max_wait: Option<Duration>,

    /// Exit 3 when a group's total lag is above N records.
    #[arg(long, value_name = "N")]
    pub max_lag: Option<u64>,

    /// Exit 3 when a group's time lag is above this (e.g. 5m).
    #[arg(long, value_name = "DURATION", value_parser = crate::units::parse_duration)]
    pub max_time_lag: Option<Duration>,

    /// Take each group's max_lag / max_time_lag from a topics.yaml `consumers` section (flags win).
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,

    /// Print one monitoring-plugin line and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    #[arg(long, conflicts_with_all = ["watch", "until_caught_up"])]
    pub nagios: bool,
}

fn parse_interval(s: &str) -> Result<Duration, String> {
    let d = crate::units::parse_duration(s)?;
    if d < Duration::from_millis(100) {
        return Err("the interval must be at least 100ms".into());
    }
    Ok(d)
}

/// A group's limits.
#[derive(Debug, Clone, Default)]
struct Limits {
    max_lag: Option<u64>,
    max_time_lag: Option<Duration>,
    /// Only these topics count toward max_lag (from the spec).
    topics: Vec<String>,
}

fn limits_for(args: &LagArgs, specs: &[ConsumerSpec], group: &str) -> Limits {
    let spec = specs.iter().find(|c| c.group == group);
    Limits {
        max_lag: args.max_lag.or(spec.and_then(|c| c.max_lag)),
        max_time_lag: args.max_time_lag.or(spec.and_then(|c| c.max_time_lag)),
        topics: spec.map(|c| c.topics.clone()).unwrap_or_default(),
    }
}

/// The breaches of one group, as sentences.
fn breaches(g: &GroupLag, l: &Limits) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(max) = l.max_lag {
        let lag: i64 = g
            .partitions
            .iter()
            .filter(|p| l.topics.is_empty() || l.topics.contains(&p.topic))
            .filter_map(|p| p.lag)
            .sum();
        if lag > max as i64 {
            out.push(format!("{}: lag {lag} > {max}", g.group));
        }
    }
    if let (Some(max), Some(ms)) = (l.max_time_lag, g.max_time_lag_ms)
        && ms > max.as_millis() as i64
    {
        out.push(format!(
            "{}: time lag {} > {}",
            g.group,
            human_duration_ms(ms),
            crate::units::format_duration(max)
        ));
    }
    out
}

/// Windows of samples per group and partition, for watch mode.
#[derive(Default)]
struct History {
    windows: HashMap<(String, String, i32), Window>,
    totals: HashMap<String, Vec<i64>>,
}

impl History {
    /// Feeds a report into the windows and fills in statuses, trend, rate and ETA.
    fn apply(&mut self, report: &mut LagReport, capacity: usize) {
        let now = report.taken_at_ms;
        for g in &mut report.groups {
            let mut group_status = Status::Ok;
            let (mut consume, mut produce, mut rates) = (0.0, 0.0, false);
            for p in &mut g.partitions {
                let w = self
                    .windows
                    .entry((g.group.clone(), p.topic.clone(), p.partition))
                    .or_insert_with(|| Window::new(capacity));
                w.push(Sample {
                    at_ms: now,
                    committed: p.committed,
                    log_end: p.log_end,
                });
                let st = w.evaluate(now, 0);
                p.status = Some(st);
                if st.for_group().severity() > group_status.severity() {
                    group_status = st.for_group();
                }
                if let (Some(c), Some(pr)) = (w.consume_rate(), w.produce_rate()) {
                    consume += c;
                    produce += pr;
                    rates = true;
                }
            }
            g.status = Some(group_status);
            let totals = self.totals.entry(g.group.clone()).or_default();
            totals.push(g.total_lag);
            if totals.len() > capacity {
                totals.remove(0);
            }
            if totals.len() >= 2 {
                let (first, last) = (totals[0], totals[totals.len() - 1]);
                g.trend = Some(
                    match last.cmp(&first) {
                        std::cmp::Ordering::Greater => "growing",
                        std::cmp::Ordering::Less => "shrinking",
                        std::cmp::Ordering::Equal => "steady",
                    }
                    .into(),
                );
            }
            if rates {
                g.consume_rate = Some(consume);
                let closing = consume - produce;
                g.eta_seconds = (g.total_lag > 0 && closing > 0.0)
                    .then(|| g.total_lag as f64 / closing)
                    .or((g.total_lag == 0).then_some(0.0));
            }
        }
        lag::sort_worst_first(&mut report.groups);
    }
}

/// Runs `evctl lag`.
pub async fn run(ctx: &Ctx<'_>, args: &LagArgs) -> anyhow::Result<ExitStatus> {
    if args.nagios {
        return match nagios(ctx, args).await {
            Ok(status) => Ok(status),
            Err(e) => {
                ctx.printer.write_out(&format!(
                    "LAG UNKNOWN - {}\n",
                    crate::output::sanitize(&format!("{e:#}"))
                ))?;
                Ok(ExitStatus::CheckFailed)
            }
        };
    }
    let (client, sel, specs) = prepare(ctx, args).await?;
    let detail = !args.groups.is_empty();
    let watching = args.watch.is_some() || args.until_caught_up;
    if !watching {
        let mut report = collect(&client, &sel).await?;
        let missing = missing_groups(&client, &report).await;
        if !missing.is_empty() && ctx.printer.format == OutputFormat::Table {
            // a table row for a group that is not there would read as a healthy, idle group
            report.groups.retain(|g| g.exists);
        }
        if !report.groups.is_empty() || ctx.printer.format != OutputFormat::Table {
            print(ctx, &report, detail, false)?;
        }
        if !missing.is_empty() {
            for e in missing {
                ctx.printer.error(&e.into());
            }
            return Ok(ExitStatus::Failure);
        }
        return Ok(verdict(ctx, args, &specs, &report));
    }
    let interval = args.watch.unwrap_or(Duration::from_secs(2));
    let started = Instant::now();
    let tty = std::io::stdout().is_terminal() && ctx.printer.format == OutputFormat::Table;
    let mut history = History::default();
    let mut first_frame = true;
    loop {
        let mut report = collect(&client, &sel).await?;
        history.apply(&mut report, args.window.max(2));
        if args.watch.is_some() && tty {
            // redraw in place: home, each line then erase to its end, erase below; the screen is
            // cleared once, so nothing scrolls into the terminal's history frame after frame
            use crate::output::Render as _;
            let frame = format!(
                "{}{}",
                watch_header(ctx, interval, report.taken_at_ms),
                TextView {
                    report: &report,
                    detail,
                    watch: true,
                }
                .table(&ctx.printer.out_styles())
            );
            let mut screen = String::from(if first_frame {
                "\x1b[H\x1b[2J"
            } else {
                "\x1b[H"
            });
            for line in frame.lines() {
                screen.push_str(line);
                screen.push_str("\x1b[K\n");
            }
            screen.push_str("\x1b[J");
            ctx.printer.write_out(&screen)?;
            first_frame = false;
        } else if args.watch.is_some() {
            if ctx.printer.format == OutputFormat::Table {
                ctx.printer
                    .write_out(&watch_header(ctx, interval, report.taken_at_ms))?;
            }
            print(ctx, &report, detail, true)?;
        }
        if args.until_caught_up {
            // a group that does not exist is never caught up
            let behind: Vec<String> = report
                .groups
                .iter()
                .filter(|g| {
                    let l = limits_for(args, &specs, &g.group);
                    !g.exists || g.total_lag > l.max_lag.map_or(0, |m| m as i64)
                })
                .map(|g| {
                    if g.exists {
                        format!("{} ({})", g.group, g.total_lag)
                    } else {
                        format!("{} (does not exist)", g.group)
                    }
                })
                .collect();
            if behind.is_empty() {
                ctx.printer.status(&format!(
                    "caught up after {}",
                    human_duration_ms(started.elapsed().as_millis() as i64)
                ));
                return Ok(ExitStatus::Success);
            }
            if args.watch.is_none() {
                ctx.printer
                    .status(&format!("behind: {}", behind.join(", ")));
            }
            if let Some(max) = args.max_wait
                && started.elapsed() + interval > max
            {
                ctx.printer.error(&anyhow::anyhow!(
                    "still behind after {}: {}",
                    crate::units::format_duration(max),
                    behind.join(", ")
                ));
                return Ok(ExitStatus::CheckFailed);
            }
        }
        tokio::time::sleep(interval).await;
    }
}

/// The line above each watch frame: the interval and when it was taken.
fn watch_header(ctx: &Ctx<'_>, interval: Duration, taken_at_ms: i64) -> String {
    format!(
        "{} every {}; {} (Ctrl-C to stop)\n",
        ctx.printer.out_styles().bold("evctl lag"),
        crate::units::format_duration(interval),
        crate::record::time::format_rfc3339(taken_at_ms)
    )
}

async fn prepare(
    ctx: &Ctx<'_>,
    args: &LagArgs,
) -> anyhow::Result<(Arc<crate::kafka::Client>, Selection, Vec<ConsumerSpec>)> {
    if ctx.printer.format == OutputFormat::Pretty {
        return Err(usage("lag writes -o table, json, yaml or prometheus"));
    }
    let pattern = args
        .group_pattern
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .map_err(|e| usage(format!("--group-pattern: {e}")))?;
    let specs = if args.spec.is_empty() {
        Vec::new()
    } else {
        let env = |k: &str| std::env::var(k).ok();
        crate::spec::load(&args.spec, &env)?.consumers
    };
    let client = Arc::new(ctx.client().await?);
    let sel = Selection {
        groups: args.groups.clone(),
        pattern,
        topic: args.topic.clone(),
        time_lag: !args.no_time_lag,
    };
    Ok((client, sel, specs))
}

/// The named groups of the report that the cluster does not know, as errors with similar names.
async fn missing_groups(
    client: &Arc<crate::kafka::Client>,
    report: &LagReport,
) -> Vec<crate::kafka::KafkaError> {
    let mut out = Vec::new();
    for g in report.groups.iter().filter(|g| !g.exists) {
        out.push(crate::kafka::KafkaError::NoSuchGroup {
            group: g.group.clone(),
            suggestions: crate::kafka::groups::similar_groups(client, &g.group)
                .await
                .unwrap_or_default(),
        });
    }
    out
}

async fn collect(client: &Arc<crate::kafka::Client>, sel: &Selection) -> anyhow::Result<LagReport> {
    let before = client.requests_sent();
    let started = Instant::now();
    let report = lag::collect(client, sel).await?;
    tracing::info!(
        requests = client.requests_sent() - before,
        groups = report.groups.len(),
        partitions = report
            .groups
            .iter()
            .map(|g| g.partitions.len())
            .sum::<usize>(),
        millis = started.elapsed().as_millis() as u64,
        "lag collected"
    );
    Ok(report)
}

fn print(ctx: &Ctx<'_>, report: &LagReport, detail: bool, watch: bool) -> anyhow::Result<()> {
    match ctx.printer.format {
        OutputFormat::Prometheus => ctx.printer.write_out(&prometheus(report)),
        OutputFormat::Json if watch => {
            let mut line = serde_json::to_string(report)?;
            line.push('\n');
            ctx.printer.write_out(&line)
        }
        _ => ctx.printer.data(&TextView {
            report,
            detail,
            watch,
        }),
    }
}

/// Exit 3 when a threshold is breached, listing each breach on stderr.
fn verdict(ctx: &Ctx<'_>, args: &LagArgs, specs: &[ConsumerSpec], r: &LagReport) -> ExitStatus {
    let all: Vec<String> = r
        .groups
        .iter()
        .flat_map(|g| breaches(g, &limits_for(args, specs, &g.group)))
        .collect();
    if all.is_empty() {
        return ExitStatus::Success;
    }
    for b in &all {
        ctx.printer.warn(&format!(
            "threshold breached: {}",
            crate::output::sanitize(b)
        ));
    }
    ExitStatus::CheckFailed
}

async fn nagios(ctx: &Ctx<'_>, args: &LagArgs) -> anyhow::Result<ExitStatus> {
    let (client, sel, specs) = prepare(ctx, args).await?;
    let report = collect(&client, &sel).await?;
    if let Some(e) = missing_groups(&client, &report).await.into_iter().next() {
        // UNKNOWN: the check cannot say anything about a group that is not there
        return Err(e.into());
    }
    let critical: Vec<String> = report
        .groups
        .iter()
        .flat_map(|g| breaches(g, &limits_for(args, &specs, &g.group)))
        .collect();
    let loss: Vec<String> = report
        .groups
        .iter()
        .filter(|g| g.data_loss_partitions > 0)
        .map(|g| {
            format!(
                "{}: data loss on {} partition(s)",
                g.group, g.data_loss_partitions
            )
        })
        .collect();
    let perf: Vec<String> = report
        .groups
        .iter()
        .map(|g| {
            let l = limits_for(args, &specs, &g.group);
            format!(
                "'{}'={};;{}",
                g.group.replace('\'', "_"),
                g.total_lag,
                l.max_lag.map(|m| m.to_string()).unwrap_or_default()
            )
        })
        .collect();
    let total: i64 = report.groups.iter().map(|g| g.total_lag).sum();
    let (word, status, text) = if !critical.is_empty() {
        ("CRITICAL", ExitStatus::Usage, critical.join("; "))
    } else if !loss.is_empty() {
        ("WARNING", ExitStatus::Failure, loss.join("; "))
    } else {
        (
            "OK",
            ExitStatus::Success,
            format!("{} groups, total lag {total}", report.groups.len()),
        )
    };
    ctx.printer.write_out(&format!(
        "LAG {word} - {} | {}\n",
        crate::output::sanitize(&text),
        perf.join(" ")
    ))?;
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lag::{PartitionLag, Quality};

    fn group(name: &str, lags: &[(&str, i64)], time_ms: Option<i64>) -> GroupLag {
        GroupLag {
            group: name.into(),
            exists: true,
            state: "Empty".into(),
            group_type: "classic".into(),
            protocol_type: "consumer".into(),
            protocol: String::new(),
            members: vec![],
            total_lag: lags.iter().map(|(_, l)| l).sum(),
            max_lag: lags.iter().map(|(_, l)| *l).max(),
            max_time_lag_ms: time_ms,
            worst_partition: None,
            data_loss_partitions: 0,
            trend: None,
            status: None,
            consume_rate: None,
            eta_seconds: None,
            partitions: lags
                .iter()
                .enumerate()
                .map(|(i, (t, l))| PartitionLag {
                    topic: (*t).into(),
                    partition: i as i32,
                    committed: Some(0),
                    log_start: 0,
                    log_end: *l,
                    lag: Some(*l),
                    data_loss: false,
                    time_lag_ms: time_ms,
                    behind_newest_ms: None,
                    time_lag_quality: Quality::Exact,
                    owner: None,
                    status: None,
                })
                .collect(),
        }
    }

    #[test]
    fn thresholds_from_flags_and_spec() {
        let g = group("billing", &[("orders", 600), ("audit", 600)], Some(400_000));
        let l = Limits {
            max_lag: Some(1000),
            max_time_lag: Some(Duration::from_secs(300)),
            topics: vec![],
        };
        assert_eq!(
            breaches(&g, &l),
            ["billing: lag 1200 > 1000", "billing: time lag 6m40s > 5m"]
        );
        // a spec entry counts only its topics
        let l = Limits {
            max_lag: Some(1000),
            max_time_lag: None,
            topics: vec!["orders".into()],
        };
        assert!(breaches(&g, &l).is_empty());
    }

    #[test]
    fn history_sets_status_trend_and_eta() {
        let mut h = History::default();
        for (i, (committed, end)) in [(0i64, 100i64), (40, 110), (80, 120)].iter().enumerate() {
            let mut g = group("g", &[("t", end - committed)], None);
            g.partitions[0].committed = Some(*committed);
            g.partitions[0].log_end = *end;
            let mut r = LagReport {
                taken_at_ms: i as i64 * 10_000,
                groups: vec![g],
            };
            h.apply(&mut r, 10);
            if i == 2 {
                let g = &r.groups[0];
                assert_eq!(g.status, Some(Status::Ok));
                assert_eq!(g.trend.as_deref(), Some("shrinking"));
                assert_eq!(g.consume_rate, Some(4.0));
                // 40 behind, closing at 4 - 1 = 3 records/s
                assert!((g.eta_seconds.unwrap() - 40.0 / 3.0).abs() < 1e-9);
            }
        }
    }
}
