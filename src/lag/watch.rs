//! Lag over time and against limits: each group's thresholds (flags over a topics.yaml
//! `consumers` section) and their breaches, the windows behind watch mode's statuses, trend,
//! consume rate and ETA, the watch / until-caught-up loop, and the monitoring-plugin verdict.

use std::collections::HashMap;
use std::future::Future;
use std::time::{Duration, Instant};

use super::eval::{Sample, Status, Window};
use super::{GroupLag, LagReport};
use crate::spec::ConsumerSpec;
use crate::units::human_duration_ms;

/// One group's limits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Limits {
    pub max_lag: Option<u64>,
    pub max_time_lag: Option<Duration>,
    /// Only these topics count toward max_lag (from the spec).
    pub topics: Vec<String>,
}

/// The limits of every group: the flags' (which win), then the spec's `consumers` entry.
#[derive(Debug, Clone, Default)]
pub struct Thresholds {
    pub max_lag: Option<u64>,
    pub max_time_lag: Option<Duration>,
    pub consumers: Vec<ConsumerSpec>,
}

/// A `--watch` interval: a duration of at least 100ms.
pub fn parse_interval(s: &str) -> Result<Duration, String> {
    let d = crate::units::parse_duration(s)?;
    if d < Duration::from_millis(100) {
        return Err("the interval must be at least 100ms".into());
    }
    Ok(d)
}

impl Thresholds {
    /// Exit 3 when a threshold is breached, each breach passed to `warn` (sanitized).
    pub fn verdict(&self, r: &super::LagReport, warn: impl Fn(&str)) -> crate::error::ExitStatus {
        let all = self.breaches(r);
        for b in &all {
            warn(&crate::output::sanitize(b));
        }
        if all.is_empty() {
            crate::error::ExitStatus::Success
        } else {
            crate::error::ExitStatus::CheckFailed
        }
    }
}

impl Thresholds {
    /// The thresholds of the flags, and the consumers section of the spec files.
    pub fn load(
        max_lag: Option<u64>,
        max_time_lag: Option<Duration>,
        spec: &[std::path::PathBuf],
    ) -> anyhow::Result<Thresholds> {
        let consumers = if spec.is_empty() {
            Vec::new()
        } else {
            let env = |k: &str| std::env::var(k).ok();
            crate::spec::load(spec, &env)?.consumers
        };
        Ok(Thresholds {
            max_lag,
            max_time_lag,
            consumers,
        })
    }

    /// The limits of `group`.
    pub fn for_group(&self, group: &str) -> Limits {
        let spec = self.consumers.iter().find(|c| c.group == group);
        Limits {
            max_lag: self.max_lag.or(spec.and_then(|c| c.max_lag)),
            max_time_lag: self.max_time_lag.or(spec.and_then(|c| c.max_time_lag)),
            topics: spec.map(|c| c.topics.clone()).unwrap_or_default(),
        }
    }

    /// Every breach in the report, as sentences.
    pub fn breaches(&self, report: &LagReport) -> Vec<String> {
        report
            .groups
            .iter()
            .flat_map(|g| breaches(g, &self.for_group(&g.group)))
            .collect()
    }

    /// The groups not caught up (lag above max_lag, or above zero without one), as
    /// `group (lag)`; a group that does not exist is never caught up.
    pub fn behind(&self, report: &LagReport) -> Vec<String> {
        report
            .groups
            .iter()
            .filter(|g| {
                let l = self.for_group(&g.group);
                !g.exists || g.total_lag > l.max_lag.map_or(0, |m| m as i64)
            })
            .map(|g| {
                if g.exists {
                    format!("{} ({})", g.group, g.total_lag)
                } else {
                    format!("{} (does not exist)", g.group)
                }
            })
            .collect()
    }
}

/// The breaches of one group, as sentences.
pub fn breaches(g: &GroupLag, l: &Limits) -> Vec<String> {
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
pub struct History {
    windows: HashMap<(String, String, Option<i32>), Window>,
    totals: HashMap<String, Vec<i64>>,
}

impl History {
    /// Feeds a report into the windows (of `capacity` samples) and fills in statuses, trend,
    /// rate and ETA; sorts the groups worst first.
    pub fn apply(&mut self, report: &mut LagReport, capacity: usize) {
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
        super::sort_worst_first(&mut report.groups);
    }
}

/// How a watch runs.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// Time between reports.
    pub interval: Duration,
    /// Samples kept per partition.
    pub window: usize,
    /// End when every group is caught up.
    pub until_caught_up: bool,
    /// With `until_caught_up`: give up after this long.
    pub max_wait: Option<Duration>,
}

/// How a watch ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEnd {
    /// Every group caught up after this long.
    CaughtUp(Duration),
    /// Still behind at the deadline: these groups.
    GaveUp(Vec<String>),
    /// The stop signal.
    Stopped,
}

/// Collects a report (with `collect`) every interval, applies the history and hands each report to `frame` with
/// the groups still behind (empty unless `until_caught_up`), until caught up, the deadline or
/// `stop`.
pub async fn watch<F, Fut>(
    mut collect: F,
    limits: &Thresholds,
    opts: &WatchOptions,
    stop: impl Future<Output = ()>,
    mut frame: impl FnMut(&LagReport, &[String]) -> anyhow::Result<()>,
) -> anyhow::Result<WatchEnd>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<LagReport>>,
{
    let started = Instant::now();
    let mut history = History::default();
    tokio::pin!(stop);
    loop {
        let report = tokio::select! {
            biased;
            _ = &mut stop => return Ok(WatchEnd::Stopped),
            r = collect() => r,
        };
        let mut report = report?;
        history.apply(&mut report, opts.window.max(2));
        let behind = if opts.until_caught_up {
            limits.behind(&report)
        } else {
            Vec::new()
        };
        frame(&report, &behind)?;
        if opts.until_caught_up {
            if behind.is_empty() {
                return Ok(WatchEnd::CaughtUp(started.elapsed()));
            }
            if let Some(max) = opts.max_wait
                && started.elapsed() + opts.interval > max
            {
                return Ok(WatchEnd::GaveUp(behind));
            }
        }
        tokio::select! {
            biased;
            _ = &mut stop => return Ok(WatchEnd::Stopped),
            _ = tokio::time::sleep(opts.interval) => {}
        }
    }
}

/// A monitoring plugin's verdict (Nagios plugin API): its exit code and its one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NagiosCode {
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

/// The plugin line for a report: CRITICAL on a breach, WARNING on data loss, else OK; with the
/// total lag of each group as performance data (its max_lag as the critical level).
pub fn nagios(report: &LagReport, limits: &Thresholds) -> (NagiosCode, String) {
    let critical = limits.breaches(report);
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
            let l = limits.for_group(&g.group);
            format!(
                "'{}'={};;{}",
                g.group.replace('\'', "_"),
                g.total_lag,
                l.max_lag.map(|m| m.to_string()).unwrap_or_default()
            )
        })
        .collect();
    let total: i64 = report.groups.iter().map(|g| g.total_lag).sum();
    let (word, code, text) = if !critical.is_empty() {
        ("CRITICAL", NagiosCode::Critical, critical.join("; "))
    } else if !loss.is_empty() {
        ("WARNING", NagiosCode::Warning, loss.join("; "))
    } else {
        (
            "OK",
            NagiosCode::Ok,
            format!("{} groups, total lag {total}", report.groups.len()),
        )
    };
    let line = format!(
        "LAG {word} - {} | {}\n",
        crate::output::sanitize(&text),
        perf.join(" ")
    );
    (code, line)
}

/// The plugin line when the check could not run.
pub fn nagios_unknown(e: &anyhow::Error) -> (NagiosCode, String) {
    (
        NagiosCode::Unknown,
        format!(
            "LAG UNKNOWN - {}\n",
            crate::output::sanitize(&format!("{e:#}"))
        ),
    )
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
            coordinator: None,
            members: vec![],
            total_lag: lags.iter().map(|(_, l)| l).sum(),
            max_lag: lags.iter().map(|(_, l)| *l).max(),
            max_time_lag_ms: time_ms,
            worst_partition: None,
            data_loss_partitions: 0,
            trend: None,
            status: None,
            consume_rate: None,
            publish_rate: None,
            eta_seconds: None,
            partitions: lags
                .iter()
                .enumerate()
                .map(|(i, (t, l))| PartitionLag {
                    topic: (*t).into(),
                    partition: Some(i as i32),
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
                    pending: None,
                    oldest_pending_ms: None,
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
        // flags win over the spec
        let t = Thresholds {
            max_lag: Some(5),
            max_time_lag: None,
            consumers: vec![ConsumerSpec {
                group: "billing".into(),
                max_lag: Some(50),
                max_time_lag: Some(Duration::from_secs(60)),
                topics: vec!["orders".into()],
                origin: crate::spec::Origin {
                    file: "topics.yaml".into(),
                    line: 1,
                    column: 1,
                    offset: 0,
                    len: 0,
                },
            }],
        };
        assert_eq!(
            t.for_group("billing"),
            Limits {
                max_lag: Some(5),
                max_time_lag: Some(Duration::from_secs(60)),
                topics: vec!["orders".into()],
            }
        );
        assert_eq!(
            t.for_group("other"),
            Limits {
                max_lag: Some(5),
                ..Limits::default()
            }
        );
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

    #[test]
    fn behind_and_the_plugin_line() {
        let mut missing = group("gone", &[], None);
        missing.exists = false;
        let report = LagReport {
            taken_at_ms: 0,
            groups: vec![
                group("a", &[("t", 3)], None),
                group("b", &[("t", 0)], None),
                missing,
            ],
        };
        let t = Thresholds::default();
        assert_eq!(t.behind(&report), ["a (3)", "gone (does not exist)"]);
        let t = Thresholds {
            max_lag: Some(2),
            ..Thresholds::default()
        };
        let (code, line) = nagios(&report, &t);
        assert_eq!(code, NagiosCode::Critical);
        assert_eq!(
            line,
            "LAG CRITICAL - a: lag 3 > 2 | 'a'=3;;2 'b'=0;;2 'gone'=0;;2\n"
        );
        let t = Thresholds {
            max_lag: Some(10),
            ..Thresholds::default()
        };
        assert_eq!(nagios(&report, &t).0, NagiosCode::Ok);
    }
}
