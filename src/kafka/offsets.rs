//! Offsets: ListOffsets (earliest, latest, by timestamp) batched per partition leader, and a
//! group's committed offsets (OffsetFetch, and OffsetCommit as a simple, groupless commit with
//! generation -1, the way kafka-consumer-groups and kcat store offsets outside a live group).

use std::collections::{BTreeMap, HashMap};

use kafka_protocol::ResponseError;
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use kafka_protocol::messages::offset_fetch_request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use kafka_protocol::messages::{
    GroupId, ListOffsetsRequest, OffsetCommitRequest, OffsetFetchRequest, TopicName,
};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Route, top_level_error};
use super::error::{KafkaError, Result};

/// A topic and partition.
pub type TopicPartition = (String, i32);

/// What ListOffsets is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetQuery {
    /// The log start offset.
    Earliest,
    /// The end offset: the high watermark, or the last stable offset when read_committed.
    Latest,
    /// The first offset whose record timestamp is at or after this (epoch ms); the end offset
    /// when there is none.
    Timestamp(i64),
    /// Like `Timestamp`, but a partition without such a record is left out of the answer.
    FirstAt(i64),
}

impl OffsetQuery {
    fn wire(self) -> i64 {
        match self {
            OffsetQuery::Earliest => -2,
            OffsetQuery::Latest => -1,
            // negative times are ListOffsets' special values (-1 latest, -2 earliest, ...)
            OffsetQuery::Timestamp(t) | OffsetQuery::FirstAt(t) => t.max(0),
        }
    }
}

/// Transaction isolation of reads: which end offset counts and which records are visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Isolation {
    /// Only committed transactional records; the end is the last stable offset.
    #[default]
    ReadCommitted,
    /// Everything written; the end is the high watermark.
    ReadUncommitted,
}

impl Isolation {
    /// The wire value.
    pub fn code(self) -> i8 {
        match self {
            Isolation::ReadCommitted => 1,
            Isolation::ReadUncommitted => 0,
        }
    }
}

const MAX_ROUNDS: u32 = 6;

/// Resolves each query to an offset, with one ListOffsets request per partition leader (sent
/// concurrently). A timestamp query that matches no record resolves to the end offset. Retriable
/// per-partition errors (leader moved) are retried after a metadata refresh.
pub async fn list_offsets(
    client: &Client,
    queries: &[(TopicPartition, OffsetQuery)],
    isolation: Isolation,
) -> Result<HashMap<TopicPartition, i64>> {
    let mut out = HashMap::with_capacity(queries.len());
    let mut pending: Vec<(TopicPartition, OffsetQuery)> = queries.to_vec();
    let mut latest_needed: Vec<TopicPartition> = Vec::new();
    let topics: Vec<String> = {
        let mut t: Vec<String> = queries.iter().map(|((t, _), _)| t.clone()).collect();
        t.sort();
        t.dedup();
        t
    };
    let mut round = 0;
    while !pending.is_empty() {
        round += 1;
        // callers look the topics up first: the cached leaders serve the first round
        let cached = client.cached_metadata();
        let meta = if round == 1
            && pending
                .iter()
                .all(|(tp, _)| cached.leader(&tp.0, tp.1).is_some())
        {
            cached
        } else {
            client.metadata(Some(&topics)).await?
        };
        let mut by_leader: BTreeMap<i32, Vec<(TopicPartition, OffsetQuery)>> = BTreeMap::new();
        for (tp, q) in pending.drain(..) {
            let leader = meta.leader(&tp.0, tp.1).ok_or_else(|| {
                KafkaError::broker(
                    format!("partition {}/{}", tp.0, tp.1),
                    if meta.topics.contains_key(&tp.0) {
                        ResponseError::LeaderNotAvailable
                    } else {
                        ResponseError::UnknownTopicOrPartition
                    },
                    None,
                )
            })?;
            by_leader.entry(leader).or_default().push((tp, q));
        }
        let calls = by_leader.into_iter().map(|(leader, parts)| async move {
            let resp = client
                .send::<ListOffsetsRequest, _>(Route::Broker(leader), |version| {
                    list_offsets_request(&parts, isolation, version)
                })
                .await;
            (parts, resp)
        });
        let mut retry_err = None;
        for (parts, resp) in futures_util::future::join_all(calls).await {
            let resp = resp?;
            let mut answers: HashMap<(&str, i32), (i16, i64)> = HashMap::new();
            for t in &resp.topics {
                for p in &t.partitions {
                    answers.insert((&t.name.0, p.partition_index), (p.error_code, p.offset));
                }
            }
            for (tp, q) in parts {
                let Some(&(code, offset)) = answers.get(&(tp.0.as_str(), tp.1)) else {
                    return Err(KafkaError::Protocol {
                        addr: "ListOffsets".into(),
                        reason: format!("no answer for {}/{}", tp.0, tp.1),
                    });
                };
                match ResponseError::try_from_code(code) {
                    None if offset < 0 && matches!(q, OffsetQuery::Timestamp(_)) => {
                        latest_needed.push(tp)
                    }
                    None if offset < 0 && matches!(q, OffsetQuery::FirstAt(_)) => {}
                    None => {
                        out.insert(tp, offset);
                    }
                    Some(e) if e.is_retriable() && round < MAX_ROUNDS => {
                        retry_err = Some(e);
                        pending.push((tp, q));
                    }
                    Some(e) => {
                        return Err(KafkaError::broker(
                            format!("listing offsets of {}/{}", tp.0, tp.1),
                            e,
                            None,
                        )
                        .as_denied("Describe", format!("topic {}", tp.0)));
                    }
                }
            }
        }
        if retry_err.is_some() {
            client.invalidate_metadata();
            tokio::time::sleep(client.options().backoff.delay(round)).await;
        }
        if pending.is_empty() && !latest_needed.is_empty() {
            pending = latest_needed
                .drain(..)
                .map(|tp| (tp, OffsetQuery::Latest))
                .collect();
        }
    }
    Ok(out)
}

/// Log start and end offsets of each partition: the two ListOffsets rounds, run together.
pub async fn log_bounds(
    client: &Client,
    partitions: &[TopicPartition],
    isolation: Isolation,
) -> Result<(HashMap<TopicPartition, i64>, HashMap<TopicPartition, i64>)> {
    if partitions.is_empty() {
        return Ok((HashMap::new(), HashMap::new()));
    }
    let query = |q: OffsetQuery| {
        partitions
            .iter()
            .map(|tp| (tp.clone(), q))
            .collect::<Vec<_>>()
    };
    let (earliest, latest) = (query(OffsetQuery::Earliest), query(OffsetQuery::Latest));
    tokio::try_join!(
        list_offsets(client, &earliest, isolation),
        list_offsets(client, &latest, isolation)
    )
}

fn list_offsets_request(
    parts: &[(TopicPartition, OffsetQuery)],
    isolation: Isolation,
    version: i16,
) -> ListOffsetsRequest {
    let mut topics: Vec<ListOffsetsTopic> = Vec::new();
    for ((topic, partition), q) in parts {
        let p = ListOffsetsPartition::default()
            .with_partition_index(*partition)
            .with_current_leader_epoch(-1)
            .with_timestamp(q.wire());
        match topics.iter_mut().find(|t| *t.name.0 == **topic) {
            Some(t) => t.partitions.push(p),
            None => topics.push(
                ListOffsetsTopic::default()
                    .with_name(TopicName(StrBytes::from_string(topic.clone())))
                    .with_partitions(vec![p]),
            ),
        }
    }
    let mut req = ListOffsetsRequest::default()
        .with_replica_id((-1).into())
        .with_topics(topics);
    if version >= 2 {
        req.isolation_level = isolation.code();
    }
    if version >= 10 {
        req.timeout_ms = 30_000;
    }
    req
}

/// The committed offsets of `group` for the given partitions (None = every partition the group
/// has committed). Partitions without a commit are absent from the map.
pub async fn committed_offsets(
    client: &Client,
    group: &str,
    partitions: Option<&[TopicPartition]>,
) -> Result<HashMap<TopicPartition, i64>> {
    let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for (t, p) in partitions.unwrap_or_default() {
        by_topic.entry(t).or_default().push(*p);
    }
    let all = partitions.is_none();
    let resp = client
        .call::<OffsetFetchRequest, _, _>(
            Route::Group(group.to_string()),
            |version| {
                let gid = GroupId(StrBytes::from_string(group.to_string()));
                if version >= 8 {
                    let topics = (!all).then(|| {
                        by_topic
                            .iter()
                            .map(|(t, ps)| {
                                OffsetFetchRequestTopics::default()
                                    .with_name(TopicName(StrBytes::from_string(t.to_string())))
                                    .with_partition_indexes(ps.clone())
                            })
                            .collect()
                    });
                    OffsetFetchRequest::default().with_groups(vec![
                        OffsetFetchRequestGroup::default()
                            .with_group_id(gid)
                            .with_topics(topics),
                    ])
                } else {
                    let topics = (!all).then(|| {
                        by_topic
                            .iter()
                            .map(|(t, ps)| {
                                OffsetFetchRequestTopic::default()
                                    .with_name(TopicName(StrBytes::from_string(t.to_string())))
                                    .with_partition_indexes(ps.clone())
                            })
                            .collect()
                    });
                    OffsetFetchRequest::default()
                        .with_group_id(gid)
                        .with_topics(topics)
                }
            },
            |r| {
                let code = r.groups.first().map_or(r.error_code, |g| g.error_code);
                top_level_error(&format!("reading the offsets of group {group}"), code, None)
                    .map(|e| e.as_denied("Describe", format!("group {group}")))
            },
        )
        .await?;
    let mut out = HashMap::new();
    let mut keep = |topic: &str, partition: i32, offset: i64, code: i16| -> Result<()> {
        if let Some(e) = ResponseError::try_from_code(code) {
            return Err(KafkaError::broker(
                format!("the offset of group {group} on {topic}/{partition}"),
                e,
                None,
            )
            .as_denied("Describe", format!("topic {topic}")));
        }
        if offset >= 0 {
            out.insert((topic.to_string(), partition), offset);
        }
        Ok(())
    };
    if let Some(g) = resp.groups.first() {
        for t in &g.topics {
            for p in &t.partitions {
                keep(
                    &t.name.0,
                    p.partition_index,
                    p.committed_offset,
                    p.error_code,
                )?;
            }
        }
    } else {
        for t in &resp.topics {
            for p in &t.partitions {
                keep(
                    &t.name.0,
                    p.partition_index,
                    p.committed_offset,
                    p.error_code,
                )?;
            }
        }
    }
    Ok(out)
}

/// Commits `offsets` (the next offset to read, per partition) for `group` without joining it
/// (generation -1, no member id), all in one request; fails on the first partition the broker
/// refused. The broker refuses this while the group has live members.
pub async fn commit_offsets(
    client: &Client,
    group: &str,
    offsets: &[(TopicPartition, i64)],
    metadata: &str,
) -> Result<()> {
    match commit_each(client, group, offsets, metadata)
        .await?
        .into_iter()
        .find_map(|(_, e)| e)
    {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// True for the answers of a group coordinator to a commit (or a delete) that a live member
/// stands in the way of.
pub fn live_group_error(e: ResponseError) -> bool {
    matches!(
        e,
        ResponseError::UnknownMemberId
            | ResponseError::IllegalGeneration
            | ResponseError::RebalanceInProgress
            | ResponseError::NonEmptyGroup
            | ResponseError::StaleMemberEpoch
            | ResponseError::FencedMemberEpoch
    )
}

/// The one commit path ([`commit_offsets`], `evctl group reset`): one OffsetCommit request for
/// `group` without joining it, and each partition's result (None: committed). A moved
/// coordinator is retried; the request failing as a whole is the error.
pub async fn commit_each(
    client: &Client,
    group: &str,
    offsets: &[(TopicPartition, i64)],
    metadata: &str,
) -> Result<Vec<(TopicPartition, Option<KafkaError>)>> {
    if offsets.is_empty() {
        return Ok(Vec::new());
    }
    let mut by_topic: BTreeMap<&str, Vec<(i32, i64)>> = BTreeMap::new();
    for ((t, p), o) in offsets {
        by_topic.entry(t).or_default().push((*p, *o));
    }
    let resp = client
        .call::<OffsetCommitRequest, _, _>(
            Route::Group(group.to_string()),
            |version| {
                let topics = by_topic
                    .iter()
                    .map(|(t, ps)| {
                        OffsetCommitRequestTopic::default()
                            .with_name(TopicName(StrBytes::from_string(t.to_string())))
                            .with_partitions(
                                ps.iter()
                                    .map(|(p, o)| {
                                        OffsetCommitRequestPartition::default()
                                            .with_partition_index(*p)
                                            .with_committed_offset(*o)
                                            .with_committed_leader_epoch(-1)
                                            .with_committed_metadata(Some(StrBytes::from_string(
                                                metadata.to_string(),
                                            )))
                                    })
                                    .collect(),
                            )
                    })
                    .collect();
                let mut req = OffsetCommitRequest::default()
                    .with_group_id(GroupId(StrBytes::from_string(group.to_string())))
                    .with_generation_id_or_member_epoch(-1)
                    .with_member_id(StrBytes::from_static_str(""))
                    .with_topics(topics);
                if (2..=4).contains(&version) {
                    req.retention_time_ms = -1;
                }
                req
            },
            |r| {
                // a coordinator change is retried; other per-partition errors are returned below
                r.topics
                    .iter()
                    .flat_map(|t| t.partitions.iter())
                    .filter_map(|p| ResponseError::try_from_code(p.error_code))
                    .find(|e| {
                        matches!(
                            e,
                            ResponseError::NotCoordinator
                                | ResponseError::CoordinatorLoadInProgress
                                | ResponseError::CoordinatorNotAvailable
                        )
                    })
                    .map(|e| {
                        KafkaError::broker(format!("committing group {group}"), e, None)
                            .as_denied("Read", format!("group {group}"))
                    })
            },
        )
        .await?;
    let mut out = Vec::new();
    for t in &resp.topics {
        for p in &t.partitions {
            let tp = (t.name.0.to_string(), p.partition_index);
            let error = ResponseError::try_from_code(p.error_code).map(|e| {
                let hint = live_group_error(e).then(|| {
                    format!("group {group} has active members; stop them or use another --group")
                });
                let context = format!(
                    "committing the offset of group {group} on {}/{}",
                    &*t.name.0, p.partition_index
                );
                let resource = if e == ResponseError::TopicAuthorizationFailed {
                    format!("topic {}", &*t.name.0)
                } else {
                    format!("group {group}")
                };
                KafkaError::broker(context, e, hint).as_denied("Read", resource)
            });
            out.push((tp, error));
        }
    }
    Ok(out)
}

/// Deletes the records before each given offset (DeleteRecords, one request per partition
/// leader); returns each partition's new log start offset. Fails naming the broker when it does
/// not support DeleteRecords (as every request does).
pub async fn delete_records(
    client: &Client,
    before: &[(TopicPartition, i64)],
) -> Result<HashMap<TopicPartition, i64>> {
    use kafka_protocol::messages::DeleteRecordsRequest;
    use kafka_protocol::messages::delete_records_request::{
        DeleteRecordsPartition, DeleteRecordsTopic,
    };
    let topics: Vec<String> = {
        let mut t: Vec<String> = before.iter().map(|((t, _), _)| t.clone()).collect();
        t.sort();
        t.dedup();
        t
    };
    let meta = client.metadata(Some(&topics)).await?;
    let mut by_leader: BTreeMap<i32, Vec<(TopicPartition, i64)>> = BTreeMap::new();
    for (tp, o) in before {
        let leader = meta.leader(&tp.0, tp.1).ok_or_else(|| {
            KafkaError::broker(
                format!("partition {}/{}", tp.0, tp.1),
                ResponseError::LeaderNotAvailable,
                None,
            )
        })?;
        by_leader.entry(leader).or_default().push((tp.clone(), *o));
    }
    let mut out = HashMap::new();
    for (leader, parts) in by_leader {
        // a broker without DeleteRecords fails the version negotiation, naming the API
        let resp = client
            .send::<DeleteRecordsRequest, _>(Route::Broker(leader), |_| {
                let mut topics: Vec<DeleteRecordsTopic> = Vec::new();
                for ((t, p), o) in &parts {
                    let dp = DeleteRecordsPartition::default()
                        .with_partition_index(*p)
                        .with_offset(*o);
                    match topics.iter_mut().find(|x| *x.name.0 == **t) {
                        Some(x) => x.partitions.push(dp),
                        None => topics.push(
                            DeleteRecordsTopic::default()
                                .with_name(TopicName(StrBytes::from_string(t.clone())))
                                .with_partitions(vec![dp]),
                        ),
                    }
                }
                DeleteRecordsRequest::default()
                    .with_topics(topics)
                    .with_timeout_ms(30_000)
            })
            .await?;
        for t in resp.topics {
            for p in t.partitions {
                if let Some(e) = ResponseError::try_from_code(p.error_code) {
                    return Err(KafkaError::broker(
                        format!("deleting records of {}/{}", &*t.name.0, p.partition_index),
                        e,
                        None,
                    )
                    .as_denied("Delete", format!("topic {}", &*t.name.0)));
                }
                out.insert((t.name.0.to_string(), p.partition_index), p.low_watermark);
            }
        }
    }
    Ok(out)
}
