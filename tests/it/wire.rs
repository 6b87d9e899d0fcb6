//! The wire client's routing against live brokers: the controller for CreateTopics, partition
//! leaders for ListOffsets, the group coordinator for OffsetFetch.

use std::time::Duration;

use evctl::kafka::cluster::top_level_error;
use evctl::kafka::{Client, ClientOptions, KafkaError, Route};
use kafka_protocol::messages::create_topics_request::CreatableTopic;
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::offset_fetch_request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use kafka_protocol::messages::{
    ApiKey, CreateTopicsRequest, GroupId, ListOffsetsRequest, OffsetFetchRequest, TopicName,
};
use kafka_protocol::protocol::StrBytes;

use crate::on_each_broker;
use crate::support::{Kind, broker, require_api};

fn name(s: &str) -> TopicName {
    TopicName(StrBytes::from_string(s.to_string()))
}

/// CreateTopics (3 partitions, replication `rf`) through the controller, with per-topic errors checked.
async fn create_topic(
    client: &Client,
    topic: &str,
    rf: i16,
) -> Result<kafka_protocol::messages::CreateTopicsResponse, KafkaError> {
    client
        .call(
            Route::Controller,
            |_v| {
                CreateTopicsRequest::default()
                    .with_timeout_ms(5000)
                    .with_topics(vec![
                        CreatableTopic::default()
                            .with_name(name(topic))
                            .with_num_partitions(3)
                            .with_replication_factor(rf),
                    ])
            },
            |r: &kafka_protocol::messages::CreateTopicsResponse| {
                r.topics.iter().find_map(|t| {
                    top_level_error(
                        &format!("creating {}", t.name.0),
                        t.error_code,
                        t.error_message.as_ref(),
                    )
                })
            },
        )
        .await
}

fn routes_to_controller_leaders_and_coordinator(kind: Kind, test: &str) {
    let Some(addr) = broker(kind, test) else {
        return;
    };
    for key in [
        ApiKey::CreateTopics,
        ApiKey::ListOffsets,
        ApiKey::FindCoordinator,
        ApiKey::OffsetFetch,
    ] {
        if !require_api(&addr, kind, key, test) {
            return;
        }
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut opts = ClientOptions::new(addr.split(',').map(String::from).collect());
        opts.timeout = Duration::from_secs(10);
        let client = Client::connect(opts).await.unwrap();
        let topic = format!("evctl.wire.{}.{}", kind.name(), std::process::id());

        let created = create_topic(&client, &topic, kind.rf() as i16)
            .await
            .unwrap();
        assert_eq!(created.topics.len(), 1);
        // every broker hears of it (on a real cluster, asynchronously)
        let lagging = evctl::kafka::admin::await_propagation(
            &client,
            &[(topic.clone(), evctl::kafka::admin::Expect::Partitions(3))],
        )
        .await;
        assert!(lagging.is_empty(), "{lagging:?}");

        // metadata now knows the topic, with a leader per partition
        let meta = client
            .metadata(Some(std::slice::from_ref(&topic)))
            .await
            .unwrap();
        let t = &meta.topics[&topic];
        assert_eq!(t.partitions.len(), 3);
        for p in &t.partitions {
            assert!(kind.node_ids().contains(&i64::from(p.leader)), "{p:?}");
        }

        // ListOffsets goes to each partition's leader: an empty topic has earliest = latest = 0
        for partition in 0..3 {
            for ts in [-2i64, -1] {
                let resp = client
                    .send(
                        Route::Leader {
                            topic: topic.clone(),
                            partition,
                        },
                        |_v| {
                            ListOffsetsRequest::default()
                                .with_replica_id((-1).into())
                                .with_topics(vec![
                                    ListOffsetsTopic::default()
                                        .with_name(name(&topic))
                                        .with_partitions(vec![
                                            ListOffsetsPartition::default()
                                                .with_partition_index(partition)
                                                .with_timestamp(ts),
                                        ]),
                                ])
                        },
                    )
                    .await
                    .unwrap();
                let p = &resp.topics[0].partitions[0];
                assert_eq!(
                    (p.partition_index, p.error_code, p.offset),
                    (partition, 0, 0),
                    "{kind:?} ts {ts}"
                );
            }
        }

        // a partition that does not exist is a clear error, not a retry loop
        let err = client
            .send(
                Route::Leader {
                    topic: topic.clone(),
                    partition: 7,
                },
                |_v| ListOffsetsRequest::default(),
            )
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains(&format!("partition {topic}/7")),
            "{err}"
        );

        // OffsetFetch goes to the group coordinator (found with FindCoordinator): nothing committed
        let group = format!("evctl-wire-{}", std::process::id());
        let resp = client
            .send(Route::Group(group.clone()), |v| {
                let mut req = OffsetFetchRequest::default();
                if v >= 8 {
                    req.groups = vec![
                        OffsetFetchRequestGroup::default()
                            .with_group_id(GroupId(StrBytes::from_string(group.clone())))
                            .with_topics(Some(vec![
                                OffsetFetchRequestTopics::default()
                                    .with_name(name(&topic))
                                    .with_partition_indexes(vec![0]),
                            ])),
                    ];
                } else {
                    req.group_id = GroupId(StrBytes::from_string(group.clone()));
                    req.topics = Some(vec![
                        OffsetFetchRequestTopic::default()
                            .with_name(name(&topic))
                            .with_partition_indexes(vec![0]),
                    ]);
                }
                req
            })
            .await
            .unwrap();
        let committed: Vec<i64> = if resp.groups.is_empty() {
            resp.topics
                .iter()
                .flat_map(|t| t.partitions.iter().map(|p| p.committed_offset))
                .collect()
        } else {
            resp.groups[0]
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter().map(|p| p.committed_offset))
                .collect()
        };
        assert_eq!(committed, vec![-1], "no committed offset yet");

        // creating it again: the broker's error comes back named, with its code
        let err = create_topic(&client, &topic, kind.rf() as i16)
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                KafkaError::Broker {
                    error: kafka_protocol::ResponseError::TopicAlreadyExists,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string().starts_with(&format!(
                "creating {topic}: TopicAlreadyExists (error code 36"
            )),
            "{err}"
        );
    });
}
on_each_broker!(routes_to_controller_leaders_and_coordinator);
