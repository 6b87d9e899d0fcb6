//! Reading the cluster for a plan (one Metadata request, DescribeConfigs in batches) and executing
//! a plan (CreateTopics, CreatePartitions, IncrementalAlterConfigs, DeleteTopics, each batched).

use std::collections::BTreeMap;

use kafka_protocol::messages::ApiKey;
use serde::Serialize;

use super::{Action, ActualTopic, Capabilities};
use crate::kafka::admin::{self, AlterOp, NewTopic};
use crate::kafka::{Client, ClusterMetadata, KafkaError, Route};

/// What the cluster looks like to a plan.
pub struct ClusterState {
    pub cluster_id: Option<String>,
    pub live_brokers: usize,
    pub topics: BTreeMap<String, ActualTopic>,
    pub capabilities: Capabilities,
}

/// Reads every topic (names, partitions, replication) and the configs of `describe` (the topics
/// a plan compares), with as few requests as batching allows.
pub async fn read(client: &Client, describe: &[String]) -> anyhow::Result<ClusterState> {
    let meta = client.metadata(None).await?;
    read_from(client, &meta, describe).await
}

/// Like [`read`], with metadata the caller already fetched.
pub async fn read_from(
    client: &Client,
    meta: &ClusterMetadata,
    describe: &[String],
) -> anyhow::Result<ClusterState> {
    let mut topics: BTreeMap<String, ActualTopic> = meta
        .topics
        .values()
        .map(|t| {
            let rf = t
                .partitions
                .iter()
                .map(|p| p.replicas.len())
                .max()
                .unwrap_or(0) as i16;
            (
                t.name.clone(),
                ActualTopic {
                    name: t.name.clone(),
                    partitions: t.partitions.len() as i32,
                    replication_factor: rf,
                    internal: t.internal,
                    configs: vec![],
                },
            )
        })
        .collect();
    let existing: Vec<String> = describe
        .iter()
        .filter(|t| topics.contains_key(*t))
        .cloned()
        .collect();
    if !existing.is_empty() {
        for (name, configs) in admin::describe_topic_configs(client, &existing).await? {
            let configs = configs.map_err(anyhow::Error::from)?;
            if let Some(t) = topics.get_mut(&name) {
                t.configs = configs;
            }
        }
    }
    let versions = client.api_versions(Route::Controller).await?;
    Ok(ClusterState {
        cluster_id: meta.cluster_id.clone(),
        live_brokers: meta.brokers.len(),
        topics,
        capabilities: Capabilities {
            create_topics: versions.supports(ApiKey::CreateTopics),
            create_partitions: versions.supports(ApiKey::CreatePartitions),
            alter_configs: versions.supports(ApiKey::IncrementalAlterConfigs),
            delete_topics: versions.supports(ApiKey::DeleteTopics),
            reassign: versions.supports(ApiKey::AlterPartitionReassignments)
                && versions.supports(ApiKey::ListPartitionReassignments),
        },
    })
}

/// The result of one action.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub action: Action,
    /// None when applied; the error otherwise.
    pub error: Option<String>,
}

fn outcomes_for(actions: &[&Action], results: &[(String, Result<(), KafkaError>)]) -> Vec<Outcome> {
    actions
        .iter()
        .map(|a| {
            let error = match results.iter().find(|(t, _)| t == a.topic()) {
                Some((_, Ok(()))) => None,
                Some((_, Err(e))) => Some(e.to_string()),
                None => Some("the broker did not answer for this topic".to_string()),
            };
            Outcome {
                action: (*a).clone(),
                error,
            }
        })
        .collect()
}

/// Executes (or, with `validate_only`, asks the broker to validate) the plan's actions, in order:
/// creations, partition increases, config changes, deletions. A request that fails as a whole
/// marks its actions failed and the rest still run; every action gets an outcome.
pub async fn execute(client: &Client, actions: &[Action], validate_only: bool) -> Vec<Outcome> {
    let mut out = Vec::new();
    let of =
        |pred: fn(&Action) -> bool| actions.iter().filter(|a| pred(a)).collect::<Vec<&Action>>();
    let fail_all = |group: &[&Action], e: &KafkaError| -> Vec<Outcome> {
        group
            .iter()
            .map(|a| Outcome {
                action: (*a).clone(),
                error: Some(e.to_string()),
            })
            .collect()
    };

    let creates = of(|a| matches!(a, Action::CreateTopic { .. }));
    if !creates.is_empty() {
        let new: Vec<NewTopic> = creates
            .iter()
            .filter_map(|a| match a {
                Action::CreateTopic {
                    topic,
                    partitions,
                    replication_factor,
                    configs,
                } => Some(NewTopic {
                    name: topic.clone(),
                    partitions: *partitions,
                    replication_factor: *replication_factor,
                    configs: configs
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                }),
                _ => None,
            })
            .collect();
        match admin::create_topics(client, &new, validate_only).await {
            Ok(r) => out.extend(outcomes_for(&creates, &r)),
            Err(e) => out.extend(fail_all(&creates, &e)),
        }
    }

    let grows = of(|a| matches!(a, Action::AddPartitions { .. }));
    if !grows.is_empty() {
        let totals: Vec<(String, i32)> = grows
            .iter()
            .filter_map(|a| match a {
                Action::AddPartitions { topic, to, .. } => Some((topic.clone(), *to)),
                _ => None,
            })
            .collect();
        match admin::create_partitions(client, &totals, validate_only).await {
            Ok(r) => out.extend(outcomes_for(&grows, &r)),
            Err(e) => out.extend(fail_all(&grows, &e)),
        }
    }

    let configs = of(|a| matches!(a, Action::SetConfig { .. } | Action::UnsetConfig { .. }));
    if !configs.is_empty() {
        let mut per_topic: BTreeMap<String, Vec<(String, AlterOp)>> = BTreeMap::new();
        for a in &configs {
            match a {
                Action::SetConfig { topic, key, to, .. } => per_topic
                    .entry(topic.clone())
                    .or_default()
                    .push((key.clone(), AlterOp::Set(to.clone()))),
                Action::UnsetConfig { topic, key, .. } => per_topic
                    .entry(topic.clone())
                    .or_default()
                    .push((key.clone(), AlterOp::Delete)),
                _ => {}
            }
        }
        let changes: Vec<(String, Vec<(String, AlterOp)>)> = per_topic.into_iter().collect();
        match admin::alter_topic_configs(client, &changes, validate_only).await {
            Ok(r) => out.extend(outcomes_for(&configs, &r)),
            Err(e) => out.extend(fail_all(&configs, &e)),
        }
    }

    if !validate_only {
        out.extend(super::acls::execute(client, actions).await);
        out.extend(super::quotas::execute(client, actions).await);
    }

    let deletes = of(|a| matches!(a, Action::DeleteTopic { .. }));
    if !deletes.is_empty() && !validate_only {
        let names: Vec<String> = deletes.iter().map(|a| a.topic().to_string()).collect();
        match admin::delete_topics(client, &names).await {
            Ok(r) => out.extend(outcomes_for(&deletes, &r)),
            Err(e) => out.extend(fail_all(&deletes, &e)),
        }
    }
    if !validate_only {
        // what was done is what every broker says before apply returns
        let expect: Vec<(String, admin::Expect)> = out
            .iter()
            .filter(|o| o.error.is_none())
            .filter_map(|o| match &o.action {
                Action::CreateTopic {
                    topic, partitions, ..
                } => Some((topic.clone(), admin::Expect::Partitions(*partitions))),
                Action::AddPartitions { topic, to, .. } => {
                    Some((topic.clone(), admin::Expect::Partitions(*to)))
                }
                Action::DeleteTopic { topic, .. } => Some((topic.clone(), admin::Expect::Absent)),
                _ => None,
            })
            .collect();
        let mut lagging = admin::await_propagation(client, &expect).await;
        let configs: Vec<(String, String, Option<String>)> = out
            .iter()
            .filter(|o| o.error.is_none())
            .filter_map(|o| match &o.action {
                Action::SetConfig { topic, key, to, .. } => {
                    Some((topic.clone(), key.clone(), Some(to.clone())))
                }
                Action::UnsetConfig { topic, key, .. } => Some((topic.clone(), key.clone(), None)),
                _ => None,
            })
            .collect();
        lagging.extend(admin::await_configs(client, &configs).await);
        if !lagging.is_empty() {
            tracing::warn!(
                "not every broker reflects the change yet: {}",
                lagging.join(", ")
            );
        }
    }
    out
}
