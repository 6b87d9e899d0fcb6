//! Consumer groups: listing (ListGroups on every broker), coordinators (FindCoordinator, batched
//! with v4), descriptions (DescribeGroups, all groups of a coordinator in one request) and
//! committed offsets (OffsetFetch, all groups of a coordinator in one request from v8).

use std::collections::{BTreeMap, HashMap};

use bytes::Buf;
use kafka_protocol::ResponseError;
use kafka_protocol::messages::offset_fetch_request::OffsetFetchRequestGroup;
use kafka_protocol::messages::{
    DescribeGroupsRequest, GroupId, ListGroupsRequest, OffsetFetchRequest,
};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;

use super::cluster::{Client, Route, top_level_error};
use super::error::{KafkaError, Result};
use super::offsets::TopicPartition;

/// A group as ListGroups shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedGroup {
    pub group: String,
    pub protocol_type: String,
    /// classic, consumer (KIP-848), share or streams (ListGroups v5 and later; empty before).
    pub group_type: String,
    /// The group's state (ListGroups v4 and later; empty before).
    pub state: String,
}

/// Every group of the cluster: ListGroups goes to each broker (a group lives on its coordinator).
pub async fn list_groups(client: &Client) -> Result<Vec<ListedGroup>> {
    let meta = client.metadata(Some(&[])).await?;
    let calls = meta.brokers.keys().map(|&id| listed_on(client, id));
    let mut out = Vec::new();
    for listed in futures_util::future::join_all(calls).await {
        out.extend(listed?);
    }
    out.sort_by(|a, b| a.group.cmp(&b.group));
    out.dedup_by(|a, b| a.group == b.group);
    Ok(out)
}

/// The groups one broker coordinates (ListGroups), with their types from v5.
pub async fn listed_on(client: &Client, broker: i32) -> Result<Vec<ListedGroup>> {
    let resp = client
        .call::<ListGroupsRequest, _, _>(
            Route::Broker(broker),
            |_| ListGroupsRequest::default(),
            |r| top_level_error("listing groups", r.error_code, None),
        )
        .await?;
    Ok((resp.groups.into_iter())
        .map(|g| ListedGroup {
            group: g.group_id.0.to_string(),
            protocol_type: g.protocol_type.to_string(),
            group_type: g.group_type.to_string(),
            state: g.group_state.to_string(),
        })
        .collect())
}

/// True when the cluster knows `group`: it has members, committed offsets, or (a KIP-848 group)
/// a description. A classic group answered Dead with no offsets does not exist.
pub async fn group_exists(client: &Client, group: &str) -> Result<bool> {
    let names = [group.to_string()];
    let by_coord = by_coordinator(client, &names).await?;
    let (described, offsets) = tokio::try_join!(
        describe_groups(client, &by_coord),
        group_offsets(client, &by_coord)
    )?;
    let described = described
        .iter()
        .any(|d| d.group == group && !d.dead_and_empty());
    let committed = offsets.get(group).is_some_and(|o| !o.is_empty());
    Ok(described || committed)
}

/// The groups of the cluster whose names are close to `name` (a typo's likely intent), best first.
pub async fn similar_groups(client: &Client, name: &str) -> Result<Vec<String>> {
    let all = list_groups(client).await?;
    Ok(closest(name, all.iter().map(|g| g.group.as_str())))
}

/// Up to three of `candidates` close to `name`, best first.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = candidates
        .filter(|c| *c != name)
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(s, _)| *s >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// Fails with [`KafkaError::NoSuchGroup`] (with the similar names) unless the cluster knows `group`.
pub async fn require_group(client: &Client, group: &str) -> Result<()> {
    if group_exists(client, group).await? {
        return Ok(());
    }
    Err(KafkaError::NoSuchGroup {
        group: group.to_string(),
        suggestions: similar_groups(client, group).await.unwrap_or_default(),
    })
}

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    pub instance_id: Option<String>,
    /// The partitions assigned to it (consumer protocol groups).
    pub assignment: Vec<TopicPartition>,
}

/// A group as DescribeGroups (classic groups) or ConsumerGroupDescribe (KIP-848 groups) shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupDescription {
    pub group: String,
    /// Stable, Empty, PreparingRebalance, CompletingRebalance, Dead (classic); Stable, Empty,
    /// Assigning, Reconciling (consumer); or the broker's word.
    pub state: String,
    /// classic, or consumer for groups of the new rebalance protocol (KIP-848).
    pub group_type: String,
    pub protocol_type: String,
    /// The assignor (range, cooperative-sticky, ...), empty when there are no members.
    pub protocol: String,
    pub members: Vec<Member>,
    /// The coordinator broker.
    pub coordinator: i32,
}

impl GroupDescription {
    /// Dead with no members: a classic group that is gone, or what DescribeGroups says of a group
    /// it does not know (a KIP-848 group among them).
    pub fn dead_and_empty(&self) -> bool {
        self.state == "Dead" && self.members.is_empty()
    }
}

/// Decodes a consumer protocol assignment (version, [topic, [partition]], user data).
pub fn decode_assignment(mut b: &[u8]) -> Vec<TopicPartition> {
    let mut out = Vec::new();
    let read = |b: &mut &[u8]| -> Option<Vec<TopicPartition>> {
        let mut out = Vec::new();
        if b.remaining() < 6 {
            return None;
        }
        let _version = b.get_i16();
        let topics = b.get_i32();
        for _ in 0..topics.max(0) {
            if b.remaining() < 2 {
                return None;
            }
            let len = usize::try_from(b.get_i16()).ok()?;
            if b.remaining() < len + 4 {
                return None;
            }
            let name = String::from_utf8_lossy(&b[..len]).into_owned();
            b.advance(len);
            let n = b.get_i32();
            for _ in 0..n.max(0) {
                if b.remaining() < 4 {
                    return None;
                }
                out.push((name.clone(), b.get_i32()));
            }
        }
        Some(out)
    };
    if let Some(parts) = read(&mut b) {
        out = parts;
    }
    out.sort();
    out
}

/// Groups per coordinator broker, found in as few requests as the broker allows (one with
/// FindCoordinator v4). Groups without a coordinator are left out.
pub async fn by_coordinator(
    client: &Client,
    groups: &[String],
) -> Result<BTreeMap<i32, Vec<String>>> {
    let coords = client.coordinator_ids(groups).await?;
    let mut by_coord: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for g in groups {
        if let Some(c) = coords.get(g) {
            by_coord.entry(*c).or_default().push(g.clone());
        }
    }
    Ok(by_coord)
}

/// Describes the groups of [`by_coordinator`] with one DescribeGroups request per coordinator.
pub async fn describe_groups(
    client: &Client,
    by_coord: &BTreeMap<i32, Vec<String>>,
) -> Result<Vec<GroupDescription>> {
    let calls = by_coord.iter().map(|(&coord, gs)| async move {
        let resp = client
            .send::<DescribeGroupsRequest, _>(Route::Broker(coord), |_| {
                DescribeGroupsRequest::default().with_groups(
                    gs.iter()
                        .map(|g| GroupId(StrBytes::from_string(g.clone())))
                        .collect(),
                )
            })
            .await?;
        let mut out = Vec::new();
        // not classic groups: DescribeGroups answers GroupIdNotFound, or Dead with no members, for
        // a group of the new protocol
        let mut not_classic: Vec<String> = Vec::new();
        for d in resp.groups {
            let group = d.group_id.0.to_string();
            if let Some(e) = ResponseError::try_from_code(d.error_code) {
                if e == ResponseError::GroupIdNotFound {
                    not_classic.push(group);
                    continue;
                }
                return Err(KafkaError::broker(
                    format!("describing group {group}"),
                    e,
                    d.error_message.map(|m| m.to_string()),
                )
                .as_denied("Describe", format!("group {group}")));
            }
            let consumer = d.protocol_type.as_str() == "consumer" || d.protocol_type.is_empty();
            out.push(GroupDescription {
                group,
                state: d.group_state.to_string(),
                group_type: "classic".into(),
                protocol_type: d.protocol_type.to_string(),
                protocol: d.protocol_data.to_string(),
                members: d
                    .members
                    .into_iter()
                    .map(|m| Member {
                        member_id: m.member_id.to_string(),
                        client_id: m.client_id.to_string(),
                        host: m.client_host.to_string(),
                        instance_id: m.group_instance_id.map(|i| i.to_string()),
                        assignment: if consumer {
                            decode_assignment(&m.member_assignment)
                        } else {
                            Vec::new()
                        },
                    })
                    .collect(),
                coordinator: coord,
            });
        }
        // DescribeGroups answers Dead with no members for a group of the new protocol: ask
        // ConsumerGroupDescribe about those, where the coordinator has it
        not_classic.extend(
            out.iter()
                .filter(|d| d.dead_and_empty())
                .map(|d| d.group.clone()),
        );
        if !not_classic.is_empty() {
            for d in describe_consumer_groups(client, coord, &not_classic).await? {
                out.retain(|o| o.group != d.group);
                out.push(d);
            }
        }
        Ok::<_, KafkaError>(out)
    });
    let mut out = Vec::new();
    for r in futures_util::future::join_all(calls).await {
        out.extend(r?);
    }
    out.sort_by(|a, b| a.group.cmp(&b.group));
    Ok(out)
}

/// Describes groups of the new consumer rebalance protocol (KIP-848) with ConsumerGroupDescribe on
/// their coordinator. Groups that are not of that protocol (or unknown) are left out; so is
/// everything when the coordinator lacks the API.
pub async fn describe_consumer_groups(
    client: &Client,
    coord: i32,
    groups: &[String],
) -> Result<Vec<GroupDescription>> {
    use kafka_protocol::messages::{ApiKey, ConsumerGroupDescribeRequest};
    let versions = client.api_versions(Route::Broker(coord)).await?;
    if !versions.supports(ApiKey::ConsumerGroupDescribe) {
        return Ok(Vec::new());
    }
    let resp = client
        .send::<ConsumerGroupDescribeRequest, _>(Route::Broker(coord), |_| {
            ConsumerGroupDescribeRequest::default().with_group_ids(
                groups
                    .iter()
                    .map(|g| GroupId(StrBytes::from_string(g.clone())))
                    .collect(),
            )
        })
        .await?;
    let mut out = Vec::new();
    for d in resp.groups {
        let group = d.group_id.0.to_string();
        match ResponseError::try_from_code(d.error_code) {
            None => {}
            // a classic group, or none at all
            Some(ResponseError::GroupIdNotFound) => continue,
            Some(e) => {
                return Err(KafkaError::broker(
                    format!("describing group {group}"),
                    e,
                    d.error_message.map(|m| m.to_string()),
                )
                .as_denied("Describe", format!("group {group}")));
            }
        }
        out.push(GroupDescription {
            group,
            state: d.group_state.to_string(),
            group_type: "consumer".into(),
            protocol_type: "consumer".into(),
            protocol: d.assignor_name.to_string(),
            members: d
                .members
                .into_iter()
                .map(|m| {
                    let mut assignment: Vec<TopicPartition> = m
                        .assignment
                        .topic_partitions
                        .iter()
                        .filter(|t| !t.topic_name.0.is_empty())
                        .flat_map(|t| {
                            t.partitions
                                .iter()
                                .map(|&p| (t.topic_name.0.to_string(), p))
                        })
                        .collect();
                    assignment.sort();
                    Member {
                        member_id: m.member_id.to_string(),
                        client_id: m.client_id.to_string(),
                        host: m.client_host.to_string(),
                        instance_id: m.instance_id.map(|i| i.to_string()),
                        assignment,
                    }
                })
                .collect(),
            coordinator: coord,
        });
    }
    Ok(out)
}

/// The committed offsets of many groups (every partition each has committed): one OffsetFetch per
/// coordinator with v8 and later, else one per group.
pub async fn group_offsets(
    client: &Client,
    by_coord: &BTreeMap<i32, Vec<String>>,
) -> Result<HashMap<String, HashMap<TopicPartition, i64>>> {
    let mut out: HashMap<String, HashMap<TopicPartition, i64>> = HashMap::new();
    for (&coord, gs) in by_coord {
        let versions = client.api_versions(Route::Broker(coord)).await?;
        let multi = versions
            .broker_range(kafka_protocol::messages::ApiKey::OffsetFetch as i16)
            .is_some_and(|(_, max)| max >= 8);
        if multi {
            let resp = client
                .call::<OffsetFetchRequest, _, _>(
                    Route::Broker(coord),
                    |_| {
                        OffsetFetchRequest::default().with_groups(
                            gs.iter()
                                .map(|g| {
                                    OffsetFetchRequestGroup::default()
                                        .with_group_id(GroupId(StrBytes::from_string(g.clone())))
                                        .with_topics(None)
                                })
                                .collect(),
                        )
                    },
                    |r| top_level_error("reading committed offsets", r.error_code, None),
                )
                .await?;
            for g in resp.groups {
                let group = g.group_id.0.to_string();
                if let Some(e) = ResponseError::try_from_code(g.error_code) {
                    return Err(KafkaError::broker(
                        format!("reading the offsets of group {group}"),
                        e,
                        None,
                    )
                    .as_denied("Describe", format!("group {group}")));
                }
                let entry = out.entry(group).or_default();
                for t in g.topics {
                    for p in t.partitions {
                        if p.error_code == 0 && p.committed_offset >= 0 {
                            entry.insert(
                                (t.name.0.to_string(), p.partition_index),
                                p.committed_offset,
                            );
                        }
                    }
                }
            }
        } else {
            for g in gs {
                let offsets = super::offsets::committed_offsets(client, g, None).await?;
                out.insert(g.clone(), offsets);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_names_best_first() {
        let groups = ["billing", "billing-v2", "shipping", "audit", "bill"];
        assert_eq!(
            closest("biling", groups.iter().copied()),
            vec!["billing", "billing-v2"]
        );
        assert!(closest("zzz", groups.iter().copied()).is_empty());
        assert!(
            closest("audit", ["audit"].into_iter()).is_empty(),
            "not itself"
        );
    }

    #[test]
    fn consumer_assignments_decode() {
        let mut b = Vec::new();
        b.extend_from_slice(&1i16.to_be_bytes());
        b.extend_from_slice(&2i32.to_be_bytes());
        for (t, ps) in [("orders", vec![2i32, 0]), ("users", vec![1])] {
            b.extend_from_slice(&(t.len() as i16).to_be_bytes());
            b.extend_from_slice(t.as_bytes());
            b.extend_from_slice(&(ps.len() as i32).to_be_bytes());
            for p in ps {
                b.extend_from_slice(&p.to_be_bytes());
            }
        }
        b.extend_from_slice(&(-1i32).to_be_bytes()); // null user data
        assert_eq!(
            decode_assignment(&b),
            vec![
                ("orders".to_string(), 0),
                ("orders".to_string(), 2),
                ("users".to_string(), 1)
            ]
        );
        assert!(decode_assignment(&[0, 1]).is_empty());
        assert!(decode_assignment(&b[..9]).is_empty(), "truncated");
    }
}
