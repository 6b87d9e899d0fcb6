//! A Kafka dead-letter topic's operations: inspecting it, draining a group past dead letters,
//! purging it (DeleteRecords), and replaying it ([`crate::kafka::dlq_replay`]). They read and
//! write the neutral reports of `crate::dlq`.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::codec::Codec;
use crate::dlq::drain::DRAIN_LISTED;
use crate::dlq::inspect::SAMPLE_VALUE;
use crate::record::time::format_rfc3339;

use crate::dlq::dialect::{self, CustomDialect};
use crate::dlq::drain::{DrainPartition, DrainReport, DrainedRecord};
use crate::dlq::inspect::{Group, Inspection, Sample};
use crate::dlq::purge::{PurgePartition, PurgeReport};
use crate::dlq::replay::Criteria;
use crate::kafka::Client;
use crate::kafka::assign::{self, Bounds, PlanError, Selection};
use crate::kafka::fetcher::{FetchOptions, Fetcher};
use crate::kafka::offsets::{Isolation, TopicPartition, commit_offsets, delete_records};
use crate::record::offsets::OffsetSpec;

/// Drain: what moving the group past the selected dead letters would skip.
/// Plans a drain: reads from the group's offsets to the end offsets, up to the first record in
/// each partition that does not match.
pub async fn drain_plan(
    client: Arc<Client>,
    dlq: &str,
    group: &str,
    criteria: &Criteria,
    dialects: &[CustomDialect],
) -> anyhow::Result<Vec<DrainPartition>> {
    let (assignments, _) = crate::kafka::dlq_replay::bounds(&client, dlq, group).await?;
    let mut plan: BTreeMap<i32, DrainPartition> = assignments
        .iter()
        .map(|a| {
            (
                a.partition,
                DrainPartition {
                    partition: a.partition,
                    from: a.start,
                    to: a.start,
                    skipped: 0,
                    stopped_at: None,
                    records: Vec::new(),
                    truncated: false,
                },
            )
        })
        .collect();
    // committed data only (the default): aborted transactions are not replayed
    let mut fetcher = Fetcher::new(client.clone(), FetchOptions::default(), assignments);
    while let Some(records) = fetcher.poll().await? {
        for r in records {
            let Some(p) = plan.get_mut(&r.partition()) else {
                continue;
            };
            if p.stopped_at.is_some() {
                continue;
            }
            let dl = dialect::decode(&r, dialects);
            if criteria.selects(&r, &dl).await {
                p.skipped += 1;
                p.to = r.offset() + 1;
                if p.records.len() < DRAIN_LISTED {
                    p.records.push(DrainedRecord {
                        offset: r.offset(),
                        timestamp: r.msg.timestamp,
                        key: r
                            .msg
                            .key
                            .as_ref()
                            .map(|k| String::from_utf8_lossy(k).into_owned()),
                        error_class: dl.error_class.clone(),
                        original_topic: dl.original_topic.clone(),
                    });
                } else {
                    p.truncated = true;
                }
            } else {
                p.stopped_at = Some(r.offset());
                let partition = r.partition();
                fetcher.stop_where(|_, q| q == partition);
            }
        }
    }
    // partitions read to the end move to the end (markers and gaps included)
    for ((_, partition), position) in fetcher.positions() {
        if let Some(p) = plan.get_mut(&partition)
            && p.stopped_at.is_none()
        {
            p.to = p.to.max(position);
        }
    }
    Ok(plan.into_values().collect())
}

impl DrainReport {
    /// Records passed over.
    pub fn skipped(&self) -> u64 {
        self.partitions.iter().map(|p| p.skipped).sum()
    }

    /// The group's new offsets, where they move.
    pub fn moves(&self) -> Vec<(TopicPartition, i64)> {
        self.partitions
            .iter()
            .filter(|p| p.to > p.from)
            .map(|p| ((self.topic.clone(), p.partition), p.to))
            .collect()
    }

    /// Commits the moves (there must be some).
    pub async fn commit(&mut self, client: &Client) -> anyhow::Result<()> {
        commit_offsets(client, &self.group, &self.moves(), "evctl dlq drain").await?;
        self.committed = true;
        Ok(())
    }
}

/// Reads the whole topic (to the end offsets taken at start) and groups its records.
pub async fn inspect(
    client: Arc<Client>,
    topic: &str,
    bucket_ms: i64,
    dialects: &[CustomDialect],
    mut codec: Option<&mut Codec>,
) -> anyhow::Result<Inspection> {
    let to_end = Bounds {
        stop_at_end: true,
        ..Bounds::default()
    };
    let assignments = assign::plan(&client, &Selection::topic(topic), &to_end, 0)
        .await
        .map_err(PlanError::into_kafka)?
        .assignments();
    let mut fetcher = Fetcher::new(client, FetchOptions::default(), assignments);
    let bucket_ms = bucket_ms.max(1);
    type Key = (Option<String>, Option<String>, i64);
    let mut groups: BTreeMap<Key, (Group, i64, i64)> = BTreeMap::new();
    let (mut records, mut first, mut last) = (0u64, i64::MAX, i64::MIN);
    while let Some(batch) = fetcher.poll().await? {
        for r in batch {
            records += 1;
            first = first.min(r.msg.timestamp);
            last = last.max(r.msg.timestamp);
            let dl = dialect::decode(&r, dialects);
            let bucket = r.msg.timestamp.div_euclid(bucket_ms) * bucket_ms;
            let key = (dl.error_class.clone(), dl.original_topic.clone(), bucket);
            // a new group's sample: its key and value decoded when they are registry data
            let mut r = r;
            if let Some(c) = codec.as_deref_mut()
                && !groups.contains_key(&key)
            {
                let topic = r.topic.clone();
                let _ = c.decode(&topic, &mut r.msg).await;
            }
            let dialect = dl
                .dialect
                .as_ref()
                .map_or("none".to_string(), |d| d.to_string());
            let entry = groups.entry(key).or_insert_with(|| {
                let text = |b: &bytes::Bytes| {
                    let s = String::from_utf8_lossy(b);
                    s.chars().take(SAMPLE_VALUE).collect::<String>()
                };
                (
                    Group {
                        error_class: dl.error_class.clone(),
                        original_topic: dl.original_topic.clone(),
                        bucket: format_rfc3339(bucket),
                        count: 0,
                        first_seen: String::new(),
                        last_seen: String::new(),
                        dialects: Vec::new(),
                        sample: Sample {
                            partition: r.partition(),
                            offset: r.offset(),
                            key: r.msg.key.as_ref().map(text),
                            error_message: dl.error_message.clone(),
                            value: r.msg.value.as_ref().map(text),
                            fields: dl.fields.clone(),
                        },
                    },
                    i64::MAX,
                    i64::MIN,
                )
            });
            entry.0.count += 1;
            entry.1 = entry.1.min(r.msg.timestamp);
            entry.2 = entry.2.max(r.msg.timestamp);
            if !entry.0.dialects.contains(&dialect) {
                entry.0.dialects.push(dialect);
            }
        }
    }
    let mut out: Vec<Group> = groups
        .into_values()
        .map(|(mut g, f, l)| {
            g.first_seen = format_rfc3339(f);
            g.last_seen = format_rfc3339(l);
            g
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.bucket.cmp(&b.bucket)));
    Ok(Inspection {
        topic: topic.to_string(),
        records,
        first_seen: (records > 0).then(|| format_rfc3339(first)),
        last_seen: (records > 0).then(|| format_rfc3339(last)),
        bucket_ms,
        groups: out,
    })
}

/// Purge: what deleting the records before `before` removes.
/// Plans deleting the records of `topic` before `before` (an offset in every partition, or a
/// time): fails before anything when a partition's leader cannot delete records.
pub async fn purge_plan(
    client: &Client,
    topic: &str,
    before: OffsetSpec,
) -> anyhow::Result<PurgeReport> {
    let wanted = Bounds {
        to: Some(before),
        isolation: Isolation::ReadUncommitted,
        ..Bounds::default()
    };
    let now = crate::record::time::now_ms();
    let plan = assign::plan(client, &Selection::topic(topic), &wanted, now)
        .await
        .map_err(PlanError::into_kafka)?;
    // the leaders as the plan's Metadata left them in the cache
    let meta = client.cached_metadata();
    let tm = meta.require(topic)?;
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
    let partitions: Vec<PurgePartition> = plan
        .ranges
        .iter()
        .map(|r| {
            // past the end is the end; before the log start deletes nothing
            let target = r.to.unwrap_or(r.low).min(r.high);
            PurgePartition {
                partition: r.partition,
                log_start_before: r.low,
                log_start: target.max(r.low),
                deleted: (target - r.low).max(0),
            }
        })
        .collect();
    Ok(PurgeReport {
        topic: topic.to_string(),
        deleted: partitions.iter().map(|p| p.deleted).sum(),
        partitions,
    })
}

impl PurgeReport {
    /// Deletes what the plan says, and records the log starts the brokers report.
    pub async fn execute(&mut self, client: &Client) -> anyhow::Result<()> {
        let targets: Vec<(TopicPartition, i64)> = self
            .partitions
            .iter()
            .filter(|p| p.deleted > 0)
            .map(|p| ((self.topic.clone(), p.partition), p.log_start))
            .collect();
        let new_starts = delete_records(client, &targets).await?;
        for p in &mut self.partitions {
            if let Some(s) = new_starts.get(&(self.topic.clone(), p.partition)) {
                p.log_start = *s;
                p.deleted = (*s - p.log_start_before).max(0);
            }
        }
        self.deleted = self.partitions.iter().map(|p| p.deleted).sum();
        Ok(())
    }
}
