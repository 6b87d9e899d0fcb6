//! Queue counts (`jobs stats`, as the library's `getJobCounts`, read-only), the backlog and its
//! age for `lag`, and the failed jobs grouped for `dlq inspect`.

use std::collections::BTreeMap;

use redis::Value;
use serde::Serialize;

use super::list::{Select, select};
use super::{Kind, Layout, Queue, STATES};
use crate::lag::{GroupLag, PartitionLag, Quality};
use crate::record::time::{format_rfc3339, now_ms};
use crate::redis::Redis;
use crate::redis::info::{int, text};
use crate::redis::stream::list as values;

/// One queue's counts.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct QueueStats {
    pub waiting: i64,
    pub active: i64,
    pub delayed: i64,
    pub prioritized: i64,
    #[serde(rename = "waiting-children")]
    pub waiting_children: i64,
    pub completed: i64,
    pub failed: i64,
    /// The legacy paused list (5.x layout; 6.x counts none, as its getJobCounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paused: Option<i64>,
    /// `meta.paused` is set.
    pub is_paused: bool,
    /// Delayed jobs whose time has come (a worker promotes them when it next looks).
    pub delayed_due: i64,
    /// Waiting, prioritized and due delayed jobs: what workers have not started.
    pub backlog: i64,
    /// Age of the oldest waiting (or prioritized) job, ms.
    pub oldest_waiting_ms: Option<i64>,
    /// Jobs ever added (the id counter).
    pub added: i64,
    /// `meta.version`.
    pub version: Option<String>,
}

/// `jobs stats`: per queue, keyed by name (as the seed's stats endpoint).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct StatsReport(pub BTreeMap<String, QueueStats>);

/// The counts of the named queues, or of every queue under the prefix.
pub async fn all(redis: &mut Redis, prefix: &str, names: &[String]) -> anyhow::Result<StatsReport> {
    let mut out = StatsReport::default();
    for q in super::open_all(redis, prefix, names).await? {
        out.0.insert(q.name.clone(), stats(redis, &q).await?);
    }
    Ok(out)
}

/// The counts of a queue, in one pipeline (the library's getCounts, without its side effect of
/// dropping a legacy marker).
pub async fn stats(redis: &mut Redis, q: &Queue) -> anyhow::Result<QueueStats> {
    let now = now_ms();
    let mut pipe = redis::pipe();
    for (_, key, kind) in STATES {
        match kind {
            Kind::List => pipe.cmd("LLEN").arg(q.key(key)),
            Kind::Zset => pipe.cmd("ZCARD").arg(q.key(key)),
        };
    }
    // a legacy marker at the tail of a list is not a job
    pipe.cmd("LINDEX").arg(q.key("wait")).arg(-1);
    pipe.cmd("LINDEX").arg(q.key("paused")).arg(-1);
    // delayed scores are the due time * 4096 plus a counter
    pipe.cmd("ZCOUNT")
        .arg(q.key("delayed"))
        .arg("-inf")
        .arg((now + 1) * 0x1000 - 1);
    pipe.cmd("GET").arg(q.key("id"));
    pipe.cmd("ZRANGE").arg(q.key("prioritized")).arg(0).arg(0);
    let r = crate::redis::pipeline(redis, &pipe).await?;
    let n = |i: usize| r.get(i).and_then(int).unwrap_or(0);
    let marker = |i: usize| r.get(i).is_some_and(|v| text(v).starts_with("0:")) as i64;
    let waiting = (n(0) - marker(8)).max(0);
    let paused = (n(2) - marker(9)).max(0);
    let mut s = QueueStats {
        waiting,
        active: n(1),
        delayed: n(3),
        prioritized: n(4),
        waiting_children: n(5),
        completed: n(6),
        failed: n(7),
        paused: (q.layout != Ok(Layout::V6)).then_some(paused),
        is_paused: q.paused,
        delayed_due: n(10),
        added: text(&r[11]).parse().unwrap_or(0),
        version: q.version.clone(),
        ..QueueStats::default()
    };
    s.backlog = s.waiting + paused + s.prioritized + s.delayed_due;
    let mut oldest: Vec<String> = Vec::new();
    for (key, count) in [("wait", waiting), ("paused", paused)] {
        if count > 0 {
            let v: Value = redis
                .query(redis::cmd("LRANGE").arg(q.key(key)).arg(-2).arg(-1))
                .await?;
            oldest.extend(values(&v).iter().map(text).filter(|i| !i.starts_with("0:")));
        }
    }
    oldest.extend(values(&r[12]).iter().map(text));
    s.oldest_waiting_ms = oldest_age(redis, q, &oldest, now).await?;
    Ok(s)
}

/// The age of the oldest of these jobs (by their `timestamp`).
async fn oldest_age(
    redis: &mut Redis,
    q: &Queue,
    ids: &[String],
    now: i64,
) -> anyhow::Result<Option<i64>> {
    if ids.is_empty() {
        return Ok(None);
    }
    let mut pipe = redis::pipe();
    for id in ids {
        pipe.cmd("HGET").arg(q.key(id)).arg("timestamp");
    }
    let r = crate::redis::pipeline(redis, &pipe).await?;
    Ok(r.iter()
        .filter_map(|v| text(v).parse::<i64>().ok())
        .min()
        .map(|t| (now - t).max(0)))
}

/// The queue as a group of the lag report: one row, the backlog as its lag (the id counter as
/// the log end, what was taken as the committed offset), the oldest waiting job's age as the
/// time lag, the active jobs as pending.
pub fn lag_row(q: &Queue, s: &QueueStats) -> GroupLag {
    let end = s.added.max(s.backlog);
    let row = PartitionLag {
        topic: q.name.clone(),
        partition: None,
        committed: Some(end - s.backlog),
        log_start: 0,
        log_end: end,
        lag: Some(s.backlog),
        data_loss: false,
        time_lag_ms: if s.backlog == 0 {
            Some(0)
        } else {
            s.oldest_waiting_ms
        },
        behind_newest_ms: None,
        time_lag_quality: if s.backlog == 0 || s.oldest_waiting_ms.is_some() {
            Quality::Exact
        } else {
            Quality::Unknown
        },
        owner: None,
        status: None,
        pending: Some(s.active),
        oldest_pending_ms: None,
    };
    let state = if s.is_paused {
        "Paused"
    } else if s.active > 0 {
        "Active"
    } else if s.backlog > 0 {
        "Idle"
    } else {
        "Empty"
    };
    let mut g = GroupLag {
        group: q.target(),
        exists: true,
        state: state.into(),
        group_type: "bullmq".into(),
        protocol_type: "queue".into(),
        protocol: q.version.clone().unwrap_or_default(),
        partitions: vec![row],
        ..GroupLag::default()
    };
    g.sum_partitions();
    g
}

/// One group of failed jobs: a failedReason, a job name and an hour.
#[derive(Debug, Clone, Serialize)]
pub struct FailedGroup {
    pub failed_reason: String,
    pub name: String,
    /// Start of the hour (RFC 3339).
    pub bucket: String,
    pub count: u64,
    pub first_failed: String,
    pub last_failed: String,
    /// Attempts made: the fewest and the most in the group, and attempts allowed.
    pub attempts_min: i64,
    pub attempts_max: i64,
    pub attempts_allowed: i64,
    /// Up to three job ids.
    pub samples: Vec<String>,
}

/// `dlq inspect bullmq:QUEUE`.
#[derive(Debug, Clone, Serialize)]
pub struct FailedReport {
    pub queue: String,
    pub version: Option<String>,
    pub failed: u64,
    pub groups: Vec<FailedGroup>,
    /// Hashes in the failed set that are not a job's.
    pub broken: Vec<String>,
    /// Ids in the failed set with no hash.
    pub missing: Vec<String>,
}

/// The failed jobs grouped by reason, name and bucket, most first.
pub async fn inspect(
    redis: &mut Redis,
    q: &Queue,
    bucket_ms: i64,
    sel: &Select,
) -> anyhow::Result<FailedReport> {
    let found = select(redis, q, sel).await?;
    let bucket_ms = bucket_ms.max(1);
    let mut groups: BTreeMap<(String, String, i64), FailedGroup> = BTreeMap::new();
    for j in &found.jobs {
        let when = j.when();
        let b = when - when.rem_euclid(bucket_ms);
        let reason = j.failed_reason.clone().unwrap_or_default();
        let g = groups
            .entry((reason.clone(), j.name.clone(), b))
            .or_insert_with(|| FailedGroup {
                failed_reason: reason,
                name: j.name.clone(),
                bucket: format_rfc3339(b),
                count: 0,
                first_failed: format_rfc3339(when),
                last_failed: format_rfc3339(when),
                attempts_min: j.attempts_made,
                attempts_max: j.attempts_made,
                attempts_allowed: j.attempts_allowed,
                samples: Vec::new(),
            });
        g.count += 1;
        g.last_failed = format_rfc3339(when);
        g.attempts_min = g.attempts_min.min(j.attempts_made);
        g.attempts_max = g.attempts_max.max(j.attempts_made);
        if g.samples.len() < 3 {
            g.samples.push(j.id.clone());
        }
    }
    let mut groups: Vec<FailedGroup> = groups.into_values().collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.bucket.cmp(&b.bucket)));
    Ok(FailedReport {
        queue: q.name.clone(),
        version: q.version.clone(),
        failed: found.jobs.len() as u64,
        groups,
        broken: found.broken,
        missing: found.absent,
    })
}

/// The queues of a lag selection as groups of the report: the named `bullmq:QUEUE` groups (one
/// not found is reported as missing), or with none named every queue under the prefix whose
/// `bullmq:QUEUE` matches the pattern (and whose name, `--topic`).
pub async fn lag_groups(
    redis: &mut Redis,
    prefix: &str,
    sel: &crate::lag::Selection,
) -> anyhow::Result<Vec<GroupLag>> {
    let named: Vec<&str> = sel.groups.iter().filter_map(|g| super::target(g)).collect();
    let names = if !named.is_empty() {
        named.iter().map(|n| n.to_string()).collect()
    } else if !sel.groups.is_empty() || redis.is_cluster() {
        // only stream groups named, or no SCAN across a cluster's nodes
        return Ok(Vec::new());
    } else {
        super::discover(redis, prefix).await?
    };
    let mut out = Vec::new();
    for name in names {
        let wanted = sel
            .pattern
            .as_ref()
            .is_none_or(|re| re.is_match(&format!("{}{name}", super::SCHEME)))
            && sel
                .topic
                .as_deref()
                .is_none_or(|t| crate::spec::glob_match(t, &name));
        if !wanted {
            continue;
        }
        let q = match super::open(redis, prefix, &name).await {
            Ok(q) => q,
            Err(_) if !named.is_empty() => {
                out.push(GroupLag {
                    group: format!("{}{name}", super::SCHEME),
                    state: "Dead".into(),
                    group_type: "bullmq".into(),
                    ..GroupLag::default()
                });
                continue;
            }
            Err(e) => return Err(e),
        };
        let s = stats(redis, &q).await?;
        out.push(lag_row(&q, &s));
    }
    Ok(out)
}
