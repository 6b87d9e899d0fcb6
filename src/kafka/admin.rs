//! Topic administration: configs (described with their sources), creation, partition increases,
//! incremental config changes and deletion. Requests are batched: the number sent grows with the
//! number of batches, not with the number of topics.

use std::collections::{BTreeMap, BTreeSet};

use kafka_protocol::ResponseError;
use kafka_protocol::messages::create_partitions_request::CreatePartitionsTopic;
use kafka_protocol::messages::create_topics_request::{CreatableTopic, CreatableTopicConfig};
use kafka_protocol::messages::delete_topics_request::DeleteTopicState;
use kafka_protocol::messages::describe_configs_request::DescribeConfigsResource;
use kafka_protocol::messages::incremental_alter_configs_request::{
    AlterConfigsResource, AlterableConfig,
};
use kafka_protocol::messages::{
    CreatePartitionsRequest, CreateTopicsRequest, DeleteTopicsRequest, DescribeConfigsRequest,
    IncrementalAlterConfigsRequest, TopicName,
};
use kafka_protocol::protocol::StrBytes;
use serde::Serialize;

use super::cluster::{Client, Route, top_level_error};
use super::error::{KafkaError, Result};

/// Topics per request.
pub const BATCH: usize = 500;
/// How long the broker may take for creations, partition changes and deletions.
const OP_TIMEOUT_MS: i32 = 30_000;
const TOPIC_RESOURCE: i8 = 2;

fn s(x: &str) -> StrBytes {
    StrBytes::from_string(x.to_string())
}

fn topic(x: &str) -> TopicName {
    TopicName(s(x))
}

/// Where a config value comes from (Kafka's `ConfigSource`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConfigSource {
    /// Set on the topic itself.
    DynamicTopicConfig,
    DynamicBrokerConfig,
    DynamicDefaultBrokerConfig,
    StaticBrokerConfig,
    DefaultConfig,
    DynamicBrokerLoggerConfig,
    Unknown,
}

impl ConfigSource {
    pub fn from_code(c: i8) -> Self {
        match c {
            1 => ConfigSource::DynamicTopicConfig,
            2 => ConfigSource::DynamicBrokerConfig,
            3 => ConfigSource::DynamicDefaultBrokerConfig,
            4 => ConfigSource::StaticBrokerConfig,
            5 => ConfigSource::DefaultConfig,
            6 => ConfigSource::DynamicBrokerLoggerConfig,
            _ => ConfigSource::Unknown,
        }
    }
}

/// One config of a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub source: ConfigSource,
    pub read_only: bool,
    pub sensitive: bool,
}

/// What happened to one topic of a batch.
pub type TopicResult = (String, std::result::Result<(), KafkaError>);

fn topic_error(
    what: &str,
    name: &str,
    code: i16,
    message: Option<&StrBytes>,
) -> std::result::Result<(), KafkaError> {
    if code == 0 {
        return Ok(());
    }
    // the ACL operation each admin request needs on the topic
    let operation = match what {
        "creating" => "Create",
        "deleting" => "Delete",
        "adding partitions to" => "Alter",
        "changing configs of" => "AlterConfigs",
        _ => "DescribeConfigs",
    };
    match top_level_error(&format!("{what} {name}"), code, message) {
        None => Ok(()),
        Some(e) => Err(e.as_denied(operation, format!("topic {name}"))),
    }
}

/// A request-level routing error in any per-topic result means the batch went to the wrong broker:
/// retry it whole after a metadata refresh.
fn routing_error(codes: impl Iterator<Item = i16>) -> Option<KafkaError> {
    codes
        .filter_map(ResponseError::try_from_code)
        .find(|e| matches!(e, ResponseError::NotController))
        .map(|e| KafkaError::broker("topic administration", e, None))
}

/// Every config of each topic, with its source. A topic the broker does not know is an error in
/// its entry, not for the whole call.
pub async fn describe_topic_configs(
    client: &Client,
    topics: &[String],
) -> Result<BTreeMap<String, std::result::Result<Vec<ConfigEntry>, KafkaError>>> {
    describe_topic_configs_on(client, Route::Any, topics).await
}

/// [`describe_topic_configs`] as one broker (`route`) sees them.
pub async fn describe_topic_configs_on(
    client: &Client,
    route: Route,
    topics: &[String],
) -> Result<BTreeMap<String, std::result::Result<Vec<ConfigEntry>, KafkaError>>> {
    let mut out = BTreeMap::new();
    for chunk in topics.chunks(BATCH) {
        let resp = client
            .send(route.clone(), |_v| {
                DescribeConfigsRequest::default().with_resources(
                    chunk
                        .iter()
                        .map(|t| {
                            DescribeConfigsResource::default()
                                .with_resource_type(TOPIC_RESOURCE)
                                .with_resource_name(s(t))
                                .with_configuration_keys(None)
                        })
                        .collect(),
                )
            })
            .await?;
        for r in resp.results {
            let name = r.resource_name.to_string();
            let entry = topic_error(
                "describing configs of",
                &name,
                r.error_code,
                r.error_message.as_ref(),
            )
            .map(|_| {
                r.configs
                    .iter()
                    .map(|c| ConfigEntry {
                        name: c.name.to_string(),
                        value: c.value.as_ref().map(|v| v.to_string()),
                        source: ConfigSource::from_code(c.config_source),
                        read_only: c.read_only,
                        sensitive: c.is_sensitive,
                    })
                    .collect()
            });
            out.insert(name, entry);
        }
    }
    Ok(out)
}

/// A topic to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTopic {
    pub name: String,
    /// -1 = the cluster default.
    pub partitions: i32,
    /// -1 = the cluster default.
    pub replication_factor: i16,
    pub configs: Vec<(String, String)>,
}

/// Creates topics (through the controller). `validate_only` asks the broker to check without
/// creating; some brokers ignore it.
pub async fn create_topics(
    client: &Client,
    topics: &[NewTopic],
    validate_only: bool,
) -> Result<Vec<TopicResult>> {
    let mut out = Vec::new();
    for chunk in topics.chunks(BATCH) {
        let resp = client
            .call(
                Route::Controller,
                |_v| {
                    CreateTopicsRequest::default()
                        .with_timeout_ms(OP_TIMEOUT_MS)
                        .with_validate_only(validate_only)
                        .with_topics(
                            chunk
                                .iter()
                                .map(|t| {
                                    CreatableTopic::default()
                                        .with_name(topic(&t.name))
                                        .with_num_partitions(t.partitions)
                                        .with_replication_factor(t.replication_factor)
                                        .with_configs(
                                            t.configs
                                                .iter()
                                                .map(|(k, v)| {
                                                    CreatableTopicConfig::default()
                                                        .with_name(s(k))
                                                        .with_value(Some(s(v)))
                                                })
                                                .collect(),
                                        )
                                })
                                .collect(),
                        )
                },
                |r: &kafka_protocol::messages::CreateTopicsResponse| {
                    routing_error(r.topics.iter().map(|t| t.error_code))
                },
            )
            .await?;
        for t in resp.topics {
            let name = t.name.0.to_string();
            let res = topic_error("creating", &name, t.error_code, t.error_message.as_ref());
            out.push((name, res));
        }
    }
    client.invalidate_metadata();
    Ok(out)
}

/// The KRaft controller quorum, as DescribeQuorum tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quorum {
    /// The active controller.
    pub leader_id: i32,
    pub leader_epoch: i32,
    /// The controllers that vote.
    pub voters: Vec<i32>,
    /// The nodes that follow the metadata log without voting (brokers).
    pub observers: Vec<i32>,
}

/// The controller quorum of a KRaft cluster (DescribeQuorum on `__cluster_metadata`, which brokers
/// forward to the active controller). `None` where the broker has no DescribeQuorum (ZooKeeper
/// clusters and most Kafka-compatible brokers): there the Metadata answer's controller is all
/// there is. On KRaft, Metadata names a random live broker as "controller", so only this says
/// which node really is.
pub async fn describe_quorum(client: &Client) -> Result<Option<Quorum>> {
    use kafka_protocol::messages::DescribeQuorumRequest;
    use kafka_protocol::messages::describe_quorum_request::{PartitionData, TopicData};
    // the versions of a connection already open: no connection to every broker just for this
    let supported = client
        .api_versions(Route::Any)
        .await
        .is_ok_and(|v| v.supports(kafka_protocol::messages::ApiKey::DescribeQuorum));
    if !supported {
        return Ok(None);
    }
    let resp = client
        .call(
            Route::Any,
            |_v| {
                DescribeQuorumRequest::default().with_topics(vec![
                    TopicData::default()
                        .with_topic_name(topic("__cluster_metadata"))
                        .with_partitions(vec![PartitionData::default().with_partition_index(0)]),
                ])
            },
            |r: &kafka_protocol::messages::DescribeQuorumResponse| {
                top_level_error(
                    "describing the quorum",
                    r.error_code,
                    r.error_message.as_ref(),
                )
            },
        )
        .await?;
    let Some(p) = resp.topics.first().and_then(|t| t.partitions.first()) else {
        return Ok(None);
    };
    if p.error_code != 0 || p.leader_id.0 < 0 {
        return Ok(None);
    }
    let ids = |r: &[kafka_protocol::messages::describe_quorum_response::ReplicaState]| {
        let mut v: Vec<i32> = r.iter().map(|s| s.replica_id.0).collect();
        v.sort_unstable();
        v
    };
    Ok(Some(Quorum {
        leader_id: p.leader_id.0,
        leader_epoch: p.leader_epoch,
        voters: ids(&p.current_voters),
        observers: ids(&p.observers),
    }))
}

/// Asks every broker in turn what `lagging_on(broker)` finds still behind, every 100 ms, until
/// none is or the client's timeout passes; what some broker still disagrees on at the end. A
/// broker that cannot answer (`None`) does not hold the others up.
async fn until_every_broker_agrees<F>(client: &Client, mut lagging_on: F) -> Vec<String>
where
    F: AsyncFnMut(i32) -> Option<BTreeSet<String>>,
{
    let deadline = tokio::time::Instant::now() + client.options().timeout;
    loop {
        let brokers: Vec<i32> = client.cached_metadata().brokers.keys().copied().collect();
        let mut lagging = BTreeSet::new();
        for id in brokers {
            lagging.extend(lagging_on(id).await.unwrap_or_default());
        }
        if lagging.is_empty() || tokio::time::Instant::now() >= deadline {
            return lagging.into_iter().collect();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Waits until every broker describes the changed configs as set (`Some(value)`, a topic
/// override of that value) or unset (`None`, no topic override), within the client's timeout.
/// Returns the `topic key` pairs some broker still disagrees on at the deadline.
pub async fn await_configs(
    client: &Client,
    expect: &[(String, String, Option<String>)],
) -> Vec<String> {
    if expect.is_empty() {
        return Vec::new();
    }
    let topics: Vec<String> = expect
        .iter()
        .map(|(t, _, _)| t.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    until_every_broker_agrees(client, async |id| {
        let seen = describe_topic_configs_on(client, Route::Broker(id), &topics)
            .await
            .ok()?;
        let lagging = expect.iter().filter(|(topic, key, want)| {
            let entry = seen
                .get(topic)
                .and_then(|r| r.as_ref().ok())
                .and_then(|es| es.iter().find(|e| &e.name == key));
            !match (want, entry) {
                (Some(v), Some(e)) => {
                    e.source == ConfigSource::DynamicTopicConfig
                        && e.value.as_deref().is_some_and(|got| same(got, v))
                }
                (None, Some(e)) => e.source != ConfigSource::DynamicTopicConfig,
                (None, None) => true,
                (Some(_), None) => false,
            }
        });
        Some(
            lagging
                .map(|(topic, key, _)| format!("{topic} {key}"))
                .collect(),
        )
    })
    .await
}

/// What every broker should say of a topic once a change has spread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The topic exists with at least this many partitions, each with a leader.
    Partitions(i32),
    /// The topic is gone.
    Absent,
}

/// Waits until every broker's metadata reflects the changes (within the client's timeout): a
/// created or grown topic has its partitions with leaders, a deleted one is gone. Brokers learn
/// the controller's decisions asynchronously (KRaft replays the metadata log on each broker), so
/// a command run just after `apply` could otherwise meet a broker that has not heard of a topic.
/// Returns the topics some broker still disagrees on at the deadline.
pub async fn await_propagation(client: &Client, expect: &[(String, Expect)]) -> Vec<String> {
    if expect.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = expect.iter().map(|(t, _)| t.clone()).collect();
    until_every_broker_agrees(client, async |id| {
        let resp = client
            .send(Route::Broker(id), |v| {
                super::cluster::metadata_request(Some(&names), v)
            })
            .await
            .ok()?;
        let lagging = expect.iter().filter(|(name, want)| {
            let seen = resp
                .topics
                .iter()
                .find(|t| t.name.as_ref().is_some_and(|n| n.0.as_str() == name));
            !match (want, seen) {
                (Expect::Absent, None) => true,
                (Expect::Absent, Some(t)) => t.error_code != 0,
                (Expect::Partitions(_), None) => false,
                (Expect::Partitions(n), Some(t)) => {
                    t.error_code == 0
                        && t.partitions.len() as i32 >= *n
                        && t.partitions.iter().all(|p| p.leader_id.0 >= 0)
                }
            }
        });
        Some(lagging.map(|(name, _)| name.clone()).collect())
    })
    .await
}

/// Raises topics' partition counts to the given totals.
pub async fn create_partitions(
    client: &Client,
    totals: &[(String, i32)],
    validate_only: bool,
) -> Result<Vec<TopicResult>> {
    let mut out = Vec::new();
    for chunk in totals.chunks(BATCH) {
        let resp = client
            .call(
                Route::Controller,
                |_v| {
                    CreatePartitionsRequest::default()
                        .with_timeout_ms(OP_TIMEOUT_MS)
                        .with_validate_only(validate_only)
                        .with_topics(
                            chunk
                                .iter()
                                .map(|(t, n)| {
                                    CreatePartitionsTopic::default()
                                        .with_name(topic(t))
                                        .with_count(*n)
                                        .with_assignments(None)
                                })
                                .collect(),
                        )
                },
                |r: &kafka_protocol::messages::CreatePartitionsResponse| {
                    routing_error(r.results.iter().map(|t| t.error_code))
                },
            )
            .await?;
        for t in resp.results {
            let name = t.name.0.to_string();
            let res = topic_error(
                "adding partitions to",
                &name,
                t.error_code,
                t.error_message.as_ref(),
            );
            out.push((name, res));
        }
    }
    client.invalidate_metadata();
    Ok(out)
}

/// A change to one config key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlterOp {
    Set(String),
    Delete,
}

/// Changes topic configs key by key with IncrementalAlterConfigs (SET / DELETE): keys not named
/// keep their values, unlike the legacy AlterConfigs.
pub async fn alter_topic_configs(
    client: &Client,
    changes: &[(String, Vec<(String, AlterOp)>)],
    validate_only: bool,
) -> Result<Vec<TopicResult>> {
    alter_configs(client, Route::Any, TOPIC_RESOURCE, changes, validate_only).await
}

/// The resource type of a broker's configs (the name is the broker id).
pub const BROKER_RESOURCE: i8 = 4;

/// Changes configs key by key (IncrementalAlterConfigs) of resources of one type (topics; a
/// broker's own configs go to that broker), in batches; each resource's result.
pub async fn alter_configs(
    client: &Client,
    route: Route,
    resource_type: i8,
    changes: &[(String, Vec<(String, AlterOp)>)],
    validate_only: bool,
) -> Result<Vec<TopicResult>> {
    let mut out = Vec::new();
    for chunk in changes.chunks(BATCH) {
        let resp = client
            .send(route.clone(), |_v| {
                IncrementalAlterConfigsRequest::default()
                    .with_validate_only(validate_only)
                    .with_resources(
                        chunk
                            .iter()
                            .map(|(t, ops)| {
                                AlterConfigsResource::default()
                                    .with_resource_type(resource_type)
                                    .with_resource_name(s(t))
                                    .with_configs(
                                        ops.iter()
                                            .map(|(k, op)| match op {
                                                AlterOp::Set(v) => AlterableConfig::default()
                                                    .with_name(s(k))
                                                    .with_config_operation(0)
                                                    .with_value(Some(s(v))),
                                                AlterOp::Delete => AlterableConfig::default()
                                                    .with_name(s(k))
                                                    .with_config_operation(1)
                                                    .with_value(None),
                                            })
                                            .collect(),
                                    )
                            })
                            .collect(),
                    )
            })
            .await?;
        for r in resp.responses {
            let name = r.resource_name.to_string();
            let res = topic_error(
                "changing configs of",
                &name,
                r.error_code,
                r.error_message.as_ref(),
            );
            out.push((name, res));
        }
    }
    Ok(out)
}

/// Deletes topics (through the controller).
pub async fn delete_topics(client: &Client, names: &[String]) -> Result<Vec<TopicResult>> {
    let mut out = Vec::new();
    for chunk in names.chunks(BATCH) {
        let resp = client
            .call(
                Route::Controller,
                |v| {
                    let mut req = DeleteTopicsRequest::default().with_timeout_ms(OP_TIMEOUT_MS);
                    if v >= 6 {
                        req.topics = chunk
                            .iter()
                            .map(|t| DeleteTopicState::default().with_name(Some(topic(t))))
                            .collect();
                    } else {
                        req.topic_names = chunk.iter().map(|t| topic(t)).collect();
                    }
                    req
                },
                |r: &kafka_protocol::messages::DeleteTopicsResponse| {
                    routing_error(r.responses.iter().map(|t| t.error_code))
                },
            )
            .await?;
        for t in resp.responses {
            let name = t.name.map(|n| n.0.to_string()).unwrap_or_default();
            let res = topic_error("deleting", &name, t.error_code, t.error_message.as_ref());
            out.push((name, res));
        }
    }
    client.invalidate_metadata();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_sources() {
        assert_eq!(ConfigSource::from_code(1), ConfigSource::DynamicTopicConfig);
        assert_eq!(ConfigSource::from_code(5), ConfigSource::DefaultConfig);
        assert_eq!(ConfigSource::from_code(42), ConfigSource::Unknown);
        assert_eq!(
            serde_json::to_string(&ConfigSource::DynamicTopicConfig).unwrap(),
            "\"DYNAMIC_TOPIC_CONFIG\""
        );
    }

    #[test]
    fn routing_errors_retry_the_batch() {
        assert!(routing_error([0, 41, 36].into_iter()).is_some());
        assert!(routing_error([0, 36].into_iter()).is_none());
    }
}
