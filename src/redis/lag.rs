//! Lag of Redis stream consumer groups, as the neutral report of `crate::lag`: per group, a row
//! per stream it reads with the counters of XINFO GROUPS (`entries-read` as the committed
//! offset, `entries-added` as the log end, `lag`, or a count of the entries after the
//! last-delivered id when Redis answers null), the pending entries and the age of the oldest
//! (XPENDING), the time lag as the age of the oldest undelivered entry (from its id), and the
//! consumers with their idle and inactive times (XINFO CONSUMERS).

use std::collections::BTreeMap;

use redis::Value;

use super::Redis;
use super::info::{GroupInfo, StreamInfo, groups, int, stream_info, text};
use super::stream::{count, entries, id_of, list, pairs};
use crate::lag::{GroupLag, LagReport, Member, PartitionLag, Quality, Selection, sort_worst_first};
use crate::record::StreamId;
use crate::record::time::now_ms;

/// Pages of entries counted at most when Redis cannot say a group's lag (`lag` null).
const MAX_COUNT_PAGES: usize = 100;

/// The streams to look at: `--topic` (a name, or a glob pattern for SCAN), else every stream.
async fn streams(redis: &mut Redis, topic: Option<&str>) -> anyhow::Result<Vec<String>> {
    if let Some(t) = topic
        && !t.contains(['*', '?', '['])
    {
        return Ok(vec![t.to_string()]);
    }
    if redis.is_cluster() {
        // SCAN walks one node of a cluster: a pattern would miss the others' streams
        return Err(crate::error::usage(
            "on a Redis Cluster, name the streams: --topic STREAM (a pattern or none needs SCAN on every node)",
        ));
    }
    super::scan(redis, topic.unwrap_or("*"), "stream").await
}

/// The consumers of a group on a stream.
async fn consumers(redis: &mut Redis, s: &str, g: &str) -> anyhow::Result<Vec<Member>> {
    let v: Value = redis
        .query(redis::cmd("XINFO").arg("CONSUMERS").arg(s).arg(g))
        .await?;
    Ok(list(&v)
        .iter()
        .map(|c| {
            let mut m = Member {
                member_id: String::new(),
                client_id: String::new(),
                host: String::new(),
                instance_id: None,
                assignment: Vec::new(),
                pending: None,
                idle_ms: None,
                inactive_ms: None,
                stream: Some(s.to_string()),
            };
            for (k, v) in pairs(c) {
                match k.as_slice() {
                    b"name" => m.member_id = text(v),
                    b"pending" => m.pending = int(v),
                    b"idle" => m.idle_ms = int(v),
                    b"inactive" => m.inactive_ms = int(v).filter(|i| *i >= 0),
                    _ => {}
                }
            }
            m
        })
        .collect())
}

/// The id of the first entry after `after`, if any.
async fn next_entry(
    redis: &mut Redis,
    s: &str,
    after: StreamId,
) -> anyhow::Result<Option<StreamId>> {
    let v: Value = redis
        .query(
            redis::cmd("XRANGE")
                .arg(s)
                .arg(format!("({after}"))
                .arg("+")
                .arg("COUNT")
                .arg(1),
        )
        .await?;
    Ok(entries(&v).first().map(|e| e.0))
}

/// The oldest pending entry's id (XPENDING summary).
async fn oldest_pending(redis: &mut Redis, s: &str, g: &str) -> anyhow::Result<Option<StreamId>> {
    let v: Value = redis.query(redis::cmd("XPENDING").arg(s).arg(g)).await?;
    Ok(list(&v).get(1).and_then(id_of))
}

/// Collects the lag of the selected groups on the selected streams.
pub async fn collect(redis: &mut Redis, sel: &Selection) -> anyhow::Result<LagReport> {
    let taken_at_ms = now_ms();
    let wanted = |g: &str| {
        (sel.groups.is_empty() || sel.groups.iter().any(|w| w == g))
            && sel.pattern.as_ref().is_none_or(|re| re.is_match(g))
    };
    let mut by_group: BTreeMap<String, (Vec<PartitionLag>, Vec<Member>)> = BTreeMap::new();
    // named queues are BullMQ's; a selection of queues only reads no stream
    let (queues, stream_groups): (Vec<&String>, Vec<&String>) =
        (sel.groups.iter()).partition(|g| super::bullmq::target(g).is_some());
    let only_queues = !queues.is_empty() && stream_groups.is_empty();
    let listed = if only_queues {
        Vec::new()
    } else {
        streams(redis, sel.topic.as_deref()).await?
    };
    for s in listed {
        let info = stream_info(redis, &s).await?;
        for g in groups(redis, &s).await? {
            if !wanted(&g.name) {
                continue;
            }
            let row = stream_row(redis, &s, &info, &g, sel.time_lag).await?;
            let members = consumers(redis, &s, &g.name).await?;
            let entry = by_group.entry(g.name.clone()).or_default();
            entry.0.push(row);
            entry.1.extend(members);
        }
    }
    let mut out: Vec<GroupLag> = by_group
        .into_iter()
        .map(|(name, (parts, members))| group(name, parts, members))
        .collect();
    // a named group no selected stream has: reported as missing
    for g in stream_groups {
        if !out.iter().any(|x| &x.group == g) {
            let mut missing = group(g.clone(), Vec::new(), Vec::new());
            missing.exists = false;
            missing.state = "Dead".into();
            out.push(missing);
        }
    }
    if let Some(prefix) = &sel.queue_prefix {
        out.extend(super::bullmq::stats::lag_groups(redis, prefix, sel).await?);
    }
    sort_worst_first(&mut out);
    Ok(LagReport {
        taken_at_ms,
        groups: out,
    })
}

/// One group's row for one stream.
async fn stream_row(
    redis: &mut Redis,
    s: &str,
    info: &StreamInfo,
    g: &GroupInfo,
    time_lag: bool,
) -> anyhow::Result<PartitionLag> {
    let now = now_ms();
    let caught_up = info.last.is_none_or(|last| g.last_delivered >= last);
    let lag = match (g.lag, caught_up) {
        (_, true) => Some(0),
        (Some(l), _) => Some(l),
        // Redis cannot say (entries deleted in the range, or a group moved with SETID): count
        (None, _) if info.first.is_some_and(|f| g.last_delivered < f) => Some(info.length),
        // past 100 pages, the count so far: a lower bound, so thresholds still see it behind
        (None, _) => {
            let n = count(
                redis,
                s,
                Some(g.last_delivered),
                None,
                Some(MAX_COUNT_PAGES),
            )
            .await?;
            Some(n as i64)
        }
    };
    let added = info.entries_added.unwrap_or(info.length);
    let ms = |id: StreamId| (now - id.ms.min(i64::MAX as u64) as i64).max(0);
    let (time_lag_ms, behind_newest_ms, quality) = match lag {
        Some(0) => (Some(0), Some(0), Quality::Exact),
        Some(_) if time_lag => match next_entry(redis, s, g.last_delivered).await? {
            Some(id) => (
                Some(ms(id)),
                info.last.map(|l| (l.ms as i64 - id.ms as i64).max(0)),
                Quality::Exact,
            ),
            None => (None, None, Quality::Unknown),
        },
        _ => (None, None, Quality::Unknown),
    };
    let oldest_pending_ms = if g.pending > 0 {
        oldest_pending(redis, s, &g.name).await?.map(ms)
    } else {
        None
    };
    Ok(PartitionLag {
        topic: s.to_string(),
        partition: None,
        committed: g.entries_read.or(lag.map(|l| added - l)),
        log_start: added - info.length,
        log_end: added,
        lag,
        // more entries behind than the stream holds: some were trimmed before the group read them
        data_loss: lag.is_some_and(|l| l > info.length),
        time_lag_ms,
        behind_newest_ms,
        time_lag_quality: quality,
        owner: None,
        status: None,
        pending: Some(g.pending),
        oldest_pending_ms,
    })
}

/// A group's report from its streams' rows and its consumers.
fn group(name: String, parts: Vec<PartitionLag>, members: Vec<Member>) -> GroupLag {
    // active when a consumer read in the last minute
    let state = if members.is_empty() {
        "Empty"
    } else if members
        .iter()
        .any(|m| m.idle_ms.is_some_and(|i| i < 60_000))
    {
        "Active"
    } else {
        "Idle"
    };
    let mut group = GroupLag {
        exists: true,
        state: state.into(),
        group_type: "redis".into(),
        protocol_type: "stream".into(),
        protocol: String::new(),
        members,
        partitions: parts,
        group: name,
        ..GroupLag::default()
    };
    group.sum_partitions();
    group
}
