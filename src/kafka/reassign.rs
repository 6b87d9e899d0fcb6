//! Partition reassignments: start them (AlterPartitionReassignments, one request for a plan's
//! moves) and list those in progress (ListPartitionReassignments).

use std::collections::BTreeMap;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::alter_partition_reassignments_request::{
    ReassignablePartition, ReassignableTopic,
};
use kafka_protocol::messages::{
    AlterPartitionReassignmentsRequest, BrokerId, ListPartitionReassignmentsRequest, TopicName,
};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Route, top_level_error};
use super::error::{KafkaError, Result};
use super::offsets::TopicPartition;

/// A partition being moved: its replicas now, and those being added and removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ongoing {
    pub replicas: Vec<i32>,
    pub adding: Vec<i32>,
    pub removing: Vec<i32>,
}

/// Starts moving each partition to its new replica list (the first is the preferred leader), in
/// one request to the controller; each partition's result (None: started).
pub async fn start(
    client: &Client,
    moves: &[(TopicPartition, Vec<i32>)],
) -> Result<Vec<(TopicPartition, Option<KafkaError>)>> {
    let mut by_topic: BTreeMap<&str, Vec<(i32, &Vec<i32>)>> = BTreeMap::new();
    for ((t, p), r) in moves {
        by_topic.entry(t).or_default().push((*p, r));
    }
    let resp = client
        .call::<AlterPartitionReassignmentsRequest, _, _>(
            Route::Controller,
            |_| {
                AlterPartitionReassignmentsRequest::default()
                    .with_timeout_ms(30_000)
                    .with_topics(
                        (by_topic.iter())
                            .map(|(t, ps)| {
                                ReassignableTopic::default()
                                    .with_name(TopicName(StrBytes::from_string(t.to_string())))
                                    .with_partitions(
                                        (ps.iter())
                                            .map(|(p, r)| {
                                                ReassignablePartition::default()
                                                    .with_partition_index(*p)
                                                    .with_replicas(Some(
                                                        r.iter().map(|b| BrokerId(*b)).collect(),
                                                    ))
                                            })
                                            .collect(),
                                    )
                            })
                            .collect(),
                    )
            },
            |r| {
                top_level_error(
                    "starting reassignments",
                    r.error_code,
                    r.error_message.as_ref(),
                )
                .map(|e| e.as_denied("Alter", "the cluster"))
            },
        )
        .await?;
    let mut out = Vec::new();
    for t in resp.responses {
        for p in t.partitions {
            let tp = (t.name.0.to_string(), p.partition_index);
            let err = ResponseError::try_from_code(p.error_code).map(|e| {
                KafkaError::broker(
                    format!("reassigning {}/{}", tp.0, tp.1),
                    e,
                    p.error_message.as_ref().map(|m| m.to_string()),
                )
            });
            out.push((tp, err));
        }
    }
    Ok(out)
}

/// The reassignments in progress (of every topic).
pub async fn ongoing(client: &Client) -> Result<BTreeMap<TopicPartition, Ongoing>> {
    let resp = client
        .call::<ListPartitionReassignmentsRequest, _, _>(
            Route::Controller,
            |_| ListPartitionReassignmentsRequest::default().with_topics(None),
            |r| {
                top_level_error(
                    "listing reassignments",
                    r.error_code,
                    r.error_message.as_ref(),
                )
                .map(|e| e.as_denied("Describe", "the cluster"))
            },
        )
        .await?;
    let ids = |v: &[BrokerId]| v.iter().map(|b| b.0).collect::<Vec<i32>>();
    let mut out = BTreeMap::new();
    for t in resp.topics {
        for p in t.partitions {
            out.insert(
                (t.name.0.to_string(), p.partition_index),
                Ongoing {
                    replicas: ids(&p.replicas),
                    adding: ids(&p.adding_replicas),
                    removing: ids(&p.removing_replicas),
                },
            );
        }
    }
    Ok(out)
}
