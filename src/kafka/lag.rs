//! Lag from a Kafka cluster, as the neutral report of `crate::lag`.
//!
//! Requests for one collection: ListGroups (one per broker, only without explicit groups),
//! FindCoordinator (one, batched), DescribeGroups and OffsetFetch (one per coordinator each, with
//! OffsetFetch v8), Metadata, ListOffsets earliest and latest (one per partition leader each), and
//! the Fetches that read record timestamps (one per leader per round). None of these grows with
//! the number of partitions of a group.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use super::fetcher::{Assignment, FetchOptions, Fetcher};
use super::groups::{self, GroupDescription};
use super::offsets::{Isolation, TopicPartition, log_bounds};
use super::{Client, KafkaError};
use crate::lag::{
    GroupLag, LagReport, Member, Owner, PartitionLag, Quality, Selection, sort_worst_first,
};
use crate::record::time::now_ms;

/// Collects the lag of the selected groups.
pub async fn collect(client: &Arc<Client>, sel: &Selection) -> Result<LagReport, KafkaError> {
    let before = client.requests_sent();
    let started = std::time::Instant::now();
    let report = gather(client, sel).await?;
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

async fn gather(client: &Arc<Client>, sel: &Selection) -> Result<LagReport, KafkaError> {
    let names: Vec<String> = if sel.groups.is_empty() {
        groups::list_groups(client)
            .await?
            .into_iter()
            .map(|g| g.group)
            .filter(|g| sel.pattern.as_ref().is_none_or(|re| re.is_match(g)))
            .collect()
    } else {
        sel.groups
            .iter()
            .filter(|g| sel.pattern.as_ref().is_none_or(|re| re.is_match(g)))
            .cloned()
            .collect()
    };
    let taken_at_ms = now_ms();
    if names.is_empty() {
        return Ok(LagReport {
            taken_at_ms,
            groups: vec![],
        });
    }
    // one coordinator lookup for both requests
    let by_coord = groups::by_coordinator(client, &names).await?;
    let (described, offsets) = tokio::try_join!(
        groups::describe_groups(client, &by_coord),
        groups::group_offsets(client, &by_coord)
    )?;
    let described: HashMap<String, GroupDescription> = described
        .into_iter()
        .map(|d| (d.group.clone(), d))
        .collect();

    // the partitions of each group: committed or assigned, in the selected topic
    let mut per_group: BTreeMap<String, BTreeSet<TopicPartition>> = BTreeMap::new();
    for g in &names {
        let set = per_group.entry(g.clone()).or_default();
        if let Some(c) = offsets.get(g) {
            set.extend(c.keys().cloned());
        }
        if let Some(d) = described.get(g) {
            for m in &d.members {
                set.extend(m.assignment.iter().cloned());
            }
        }
        if let Some(t) = &sel.topic {
            set.retain(|(topic, _)| topic == t);
        }
    }
    let topics: Vec<String> = per_group
        .values()
        .flatten()
        .map(|(t, _)| t.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let meta = if topics.is_empty() {
        client.cached_metadata()
    } else {
        client.metadata(Some(&topics)).await?
    };
    // every partition of the topics a group reads, so one never committed shows up as `-`
    for set in per_group.values_mut() {
        let group_topics: BTreeSet<String> = set.iter().map(|(t, _)| t.clone()).collect();
        for t in group_topics {
            if let Some(tm) = meta.topics.get(&t) {
                set.extend(tm.partitions.iter().map(|p| (t.clone(), p.partition)));
            }
        }
    }
    let all_tps: BTreeSet<TopicPartition> = per_group.values().flatten().cloned().collect();
    // partitions of deleted topics are left out of the offset queries
    let live: Vec<TopicPartition> = all_tps
        .iter()
        .filter(|(t, p)| meta.leader(t, *p).is_some())
        .cloned()
        .collect();
    let (lo, hi) = log_bounds(client, &live, Isolation::ReadUncommitted).await?;

    // record timestamps: at each committed offset that is behind, and the newest record
    let mut wanted: BTreeMap<TopicPartition, BTreeSet<i64>> = BTreeMap::new();
    let mut newest: BTreeMap<TopicPartition, i64> = BTreeMap::new();
    if sel.time_lag {
        for (g, tps) in &per_group {
            for tp in tps {
                let (Some(&l), Some(&h)) = (lo.get(tp), hi.get(tp)) else {
                    continue;
                };
                if let Some(&c) = offsets.get(g).and_then(|o| o.get(tp))
                    && c < h
                    && c >= l
                {
                    wanted.entry(tp.clone()).or_default().insert(c);
                    newest.insert(tp.clone(), h - 1);
                }
            }
        }
    }
    let mut at: HashMap<(TopicPartition, i64), (i64, i64)> = HashMap::new(); // -> (offset read, ts)
    // rounds: each partition at most once per fetcher
    let mut rounds: Vec<Vec<(TopicPartition, i64)>> = Vec::new();
    for (tp, offs) in &wanted {
        for (i, o) in offs.iter().enumerate() {
            if rounds.len() <= i {
                rounds.push(Vec::new());
            }
            rounds[i].push((tp.clone(), *o));
        }
    }
    rounds.push(newest.iter().map(|(tp, o)| (tp.clone(), *o)).collect());
    for round in rounds.into_iter().filter(|r| !r.is_empty()) {
        for (k, v) in first_records(client, &round, &hi).await? {
            at.insert(k, v);
        }
    }

    let now = now_ms();
    let mut out = Vec::new();
    for (g, tps) in per_group {
        let d = described.get(&g);
        let owners: HashMap<&TopicPartition, Owner> = d
            .map(|d| {
                d.members
                    .iter()
                    .flat_map(|m| {
                        m.assignment.iter().map(move |tp| {
                            (
                                tp,
                                Owner {
                                    member_id: m.member_id.clone(),
                                    client_id: m.client_id.clone(),
                                    host: m.host.clone(),
                                },
                            )
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let committed = offsets.get(&g);
        let mut parts = Vec::new();
        for tp in &tps {
            let c = committed.and_then(|o| o.get(tp)).copied();
            let l = lo.get(tp).copied().unwrap_or(0);
            let h = hi.get(tp).copied().unwrap_or(0);
            let lag = c.map(|c| (h - c).max(0));
            let data_loss = c.is_some_and(|c| c < l);
            let (time_lag_ms, behind_newest_ms, quality) = match (c, lag) {
                (Some(_), Some(0)) => (Some(0), Some(0), Quality::Exact),
                (Some(c), Some(_)) if !data_loss && sel.time_lag => {
                    match at.get(&(tp.clone(), c)) {
                        Some(&(read, ts)) if ts >= 0 => {
                            let newest_ts = newest
                                .get(tp)
                                .and_then(|&n| at.get(&(tp.clone(), n)))
                                .map(|&(_, t)| t)
                                .filter(|t| *t >= 0);
                            (
                                Some((now - ts).max(0)),
                                newest_ts.map(|n| (n - ts).max(0)),
                                if read == c {
                                    Quality::Exact
                                } else {
                                    Quality::Estimated
                                },
                            )
                        }
                        _ => (None, None, Quality::Unknown),
                    }
                }
                _ => (None, None, Quality::Unknown),
            };
            parts.push(PartitionLag {
                topic: tp.0.clone(),
                partition: Some(tp.1),
                committed: c,
                log_start: l,
                log_end: h,
                lag,
                data_loss,
                time_lag_ms,
                behind_newest_ms,
                time_lag_quality: quality,
                owner: owners.get(tp).cloned(),
                status: None,
                pending: None,
                oldest_pending_ms: None,
            });
        }
        let mut group = GroupLag {
            // a listed group exists; a named one needs members, a description or offsets
            exists: sel.groups.is_empty()
                || d.is_some_and(|d| !d.dead_and_empty())
                || committed.is_some_and(|c| !c.is_empty()),
            state: d.map_or_else(|| "Dead".to_string(), |d| d.state.clone()),
            group_type: d.map(|d| d.group_type.clone()).unwrap_or_default(),
            protocol_type: d.map(|d| d.protocol_type.clone()).unwrap_or_default(),
            protocol: d.map(|d| d.protocol.clone()).unwrap_or_default(),
            coordinator: d.map(|d| d.coordinator),
            members: d
                .map(|d| d.members.iter().map(member).collect())
                .unwrap_or_default(),
            partitions: parts,
            group: g,
            ..GroupLag::default()
        };
        group.sum_partitions();
        out.push(group);
    }
    sort_worst_first(&mut out);
    Ok(LagReport {
        taken_at_ms,
        groups: out,
    })
}

/// The named groups of the report that the cluster does not know, as errors with similar names.
pub async fn missing_groups(client: &Arc<Client>, report: &LagReport) -> Vec<KafkaError> {
    let mut out = Vec::new();
    for g in report.groups.iter().filter(|g| !g.exists) {
        out.push(KafkaError::NoSuchGroup {
            group: g.group.clone(),
            suggestions: groups::similar_groups(client, &g.group)
                .await
                .unwrap_or_default(),
        });
    }
    out
}

/// Reads the first record at or after each (partition, offset), below the partition's end;
/// returns (offset read, timestamp) per query.
async fn first_records(
    client: &Arc<Client>,
    queries: &[(TopicPartition, i64)],
    hi: &HashMap<TopicPartition, i64>,
) -> Result<HashMap<(TopicPartition, i64), (i64, i64)>, KafkaError> {
    let assignments: Vec<Assignment> = queries
        .iter()
        .map(|((t, p), o)| Assignment {
            topic: t.clone(),
            partition: *p,
            start: *o,
            stop: hi.get(&(t.clone(), *p)).copied(),
        })
        .collect();
    let mut fetcher = Fetcher::new(
        client.clone(),
        FetchOptions {
            isolation: Isolation::ReadUncommitted,
            max_wait: Duration::from_millis(100),
            partition_max_bytes: 64 * 1024,
            ..FetchOptions::default()
        },
        assignments,
    );
    let start: HashMap<TopicPartition, i64> = queries.iter().cloned().collect();
    let mut out = HashMap::new();
    let deadline = tokio::time::Instant::now() + client.options().timeout;
    while out.len() < queries.len() {
        let polled = tokio::time::timeout_at(deadline, fetcher.poll()).await;
        let Ok(polled) = polled else { break };
        let Some(records) = polled? else { break };
        let mut answered: HashSet<(String, i32)> = HashSet::new();
        for r in records {
            let tp = (r.topic.to_string(), r.partition());
            if let Some(&s) = start.get(&tp) {
                out.entry((tp.clone(), s))
                    .or_insert((r.offset(), r.msg.timestamp));
                answered.insert(tp);
            }
        }
        // a partition with its answer needs nothing more
        if !answered.is_empty() {
            fetcher.stop_where(|t, p| answered.contains(&(t.to_string(), p)));
        }
    }
    Ok(out)
}

/// A group member as the report shows it.
pub(crate) fn member(m: &groups::Member) -> Member {
    Member {
        member_id: m.member_id.clone(),
        client_id: m.client_id.clone(),
        host: m.host.clone(),
        instance_id: m.instance_id.clone(),
        assignment: m.assignment.clone(),
        pending: None,
        idle_ms: None,
        inactive_ms: None,
        stream: None,
    }
}
