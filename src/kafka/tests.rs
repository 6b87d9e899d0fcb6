//! Connection, routing and retry tests against scripted in-process brokers.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::messages::find_coordinator_response::Coordinator;
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use kafka_protocol::messages::offset_fetch_response::OffsetFetchResponseGroup;
use kafka_protocol::messages::{
    ApiKey, BrokerId, FindCoordinatorResponse, ListOffsetsRequest, ListOffsetsResponse,
    MetadataRequest, MetadataResponse, OffsetFetchRequest, OffsetFetchResponse, TopicName,
};
use kafka_protocol::protocol::{Decodable, StrBytes};

use super::cluster::{Backoff, Client, ClientOptions, Route};
use super::conn::{ConnectOptions, Connection};
use super::error::KafkaError;
use super::fake::{self, Calls, Handler, body};

fn s(x: &str) -> StrBytes {
    StrBytes::from_string(x.to_string())
}

fn metadata(brokers: &[(i32, std::net::SocketAddr)], leader: i32) -> MetadataResponse {
    MetadataResponse::default()
        .with_cluster_id(Some(s("fake")))
        .with_controller_id(BrokerId(brokers[0].0))
        .with_brokers(
            brokers
                .iter()
                .map(|(id, a)| {
                    MetadataResponseBroker::default()
                        .with_node_id(BrokerId(*id))
                        .with_host(s(&a.ip().to_string()))
                        .with_port(a.port() as i32)
                })
                .collect(),
        )
        .with_topics(vec![
            MetadataResponseTopic::default()
                .with_name(Some(TopicName(s("t"))))
                .with_partitions(vec![
                    MetadataResponsePartition::default()
                        .with_partition_index(0)
                        .with_leader_id(BrokerId(leader))
                        .with_replica_nodes(vec![BrokerId(1), BrokerId(2)])
                        .with_isr_nodes(vec![BrokerId(1), BrokerId(2)]),
                ]),
        ])
}

fn list_offsets(error: i16, offset: i64) -> ListOffsetsResponse {
    ListOffsetsResponse::default().with_topics(vec![
        ListOffsetsTopicResponse::default()
            .with_name(TopicName(s("t")))
            .with_partitions(vec![
                ListOffsetsPartitionResponse::default()
                    .with_partition_index(0)
                    .with_error_code(error)
                    .with_offset(offset),
            ]),
    ])
}

fn list_offsets_request(_v: i16) -> ListOffsetsRequest {
    ListOffsetsRequest::default()
        .with_replica_id(BrokerId(-1))
        .with_topics(vec![
            ListOffsetsTopic::default()
                .with_name(TopicName(s("t")))
                .with_partitions(vec![
                    ListOffsetsPartition::default()
                        .with_partition_index(0)
                        .with_timestamp(-1),
                ]),
        ])
}

fn partition_error(r: &ListOffsetsResponse) -> Option<KafkaError> {
    let p = &r.topics[0].partitions[0];
    super::cluster::top_level_error("t/0", p.error_code, None)
}

fn opts(addr: std::net::SocketAddr) -> ClientOptions {
    let mut o = ClientOptions::new(vec![addr.to_string()]);
    o.timeout = Duration::from_secs(5);
    o.backoff = Backoff {
        initial: Duration::from_millis(10),
        max: Duration::from_millis(50),
        max_attempts: 5,
    };
    o
}

/// Two brokers; partition t/0 moves from broker 1 to broker 2. Broker 1 answers ListOffsets with
/// NOT_LEADER_OR_FOLLOWER; the client must refresh metadata and retry on broker 2.
#[tokio::test]
async fn not_leader_refreshes_metadata_and_retries_on_the_new_leader() {
    let calls = Calls::default();
    let moved = Arc::new(AtomicBool::new(false));
    let addrs: Arc<std::sync::Mutex<Vec<(i32, std::net::SocketAddr)>>> = Default::default();
    let mk = |id: i32| -> Handler {
        let (calls, moved, addrs) = (calls.clone(), moved.clone(), addrs.clone());
        Arc::new(move |h, _body: Bytes| {
            calls.record(id, h.request_api_key);
            let v = h.request_api_version;
            match ApiKey::try_from(h.request_api_key).unwrap() {
                ApiKey::Metadata => {
                    let leader = if moved.load(Ordering::SeqCst) { 2 } else { 1 };
                    body(&metadata(&addrs.lock().unwrap(), leader), v)
                }
                ApiKey::ListOffsets if id == 1 => {
                    moved.store(true, Ordering::SeqCst); // leadership moved while we asked
                    body(&list_offsets(6, -1), v)
                }
                ApiKey::ListOffsets => body(&list_offsets(0, 42), v),
                _ => None,
            }
        })
    };
    let a1 = fake::start(mk(1), 1).await;
    let a2 = fake::start(mk(2), 1).await;
    *addrs.lock().unwrap() = vec![(1, a1), (2, a2)];

    let client = Client::connect(opts(a1)).await.unwrap();
    let resp = client
        .call(
            Route::Leader {
                topic: "t".into(),
                partition: 0,
            },
            list_offsets_request,
            partition_error,
        )
        .await
        .unwrap();
    assert_eq!(resp.topics[0].partitions[0].offset, 42);
    assert_eq!(
        calls.count(1, ApiKey::ListOffsets),
        1,
        "tried the old leader once"
    );
    assert_eq!(
        calls.count(2, ApiKey::ListOffsets),
        1,
        "then the new leader"
    );
    // bootstrap metadata (it already names the leader), ListOffsets on broker 1, the refresh
    // after NOT_LEADER_OR_FOLLOWER, then ListOffsets on broker 2
    assert_eq!(
        *calls.0.lock().unwrap(),
        vec![(1, 3), (1, 2), (1, 3), (2, 2)]
    );
    assert_eq!(client.cached_metadata().leader("t", 0), Some(2));
}

/// One broker whose ListOffsets always answers `code`: the error the client gives up with, and
/// the calls it made.
async fn list_offsets_failing_with(code: i16) -> (KafkaError, Calls) {
    let calls = Calls::default();
    let addr_cell: Arc<std::sync::Mutex<Vec<(i32, std::net::SocketAddr)>>> = Default::default();
    let (c, a) = (calls.clone(), addr_cell.clone());
    let handler: Handler = Arc::new(move |h, _| {
        c.record(1, h.request_api_key);
        let v = h.request_api_version;
        match ApiKey::try_from(h.request_api_key).unwrap() {
            ApiKey::Metadata => body(&metadata(&a.lock().unwrap(), 1), v),
            ApiKey::ListOffsets => body(&list_offsets(code, -1), v),
            _ => None,
        }
    });
    let addr = fake::start(handler, 1).await;
    *addr_cell.lock().unwrap() = vec![(1, addr)];
    let client = Client::connect(opts(addr)).await.unwrap();
    let route = Route::Leader {
        topic: "t".into(),
        partition: 0,
    };
    let err = client
        .call(route, list_offsets_request, partition_error)
        .await
        .unwrap_err();
    (err, calls)
}

/// A non-retriable error is returned at once, named, without retries.
#[tokio::test]
async fn non_retriable_errors_are_not_retried() {
    let (err, calls) = list_offsets_failing_with(29).await; // TOPIC_AUTHORIZATION_FAILED
    assert_eq!(
        err.to_string(),
        "t/0: TopicAuthorizationFailed (error code 29)"
    );
    assert_eq!(calls.count(1, ApiKey::ListOffsets), 1);
}

/// Retriable errors stop after max_attempts, returning the last error.
#[tokio::test]
async fn retries_are_bounded() {
    // COORDINATOR_LOAD_IN_PROGRESS: retriable, backoff only
    let (err, calls) = list_offsets_failing_with(14).await;
    assert!(matches!(
        err,
        KafkaError::Broker {
            error: kafka_protocol::ResponseError::CoordinatorLoadInProgress,
            ..
        }
    ));
    assert_eq!(calls.count(1, ApiKey::ListOffsets), 5, "max_attempts");
}

/// NOT_COORDINATOR makes the client look the coordinator up again, and go there.
#[tokio::test]
async fn not_coordinator_finds_the_coordinator_again() {
    let calls = Calls::default();
    let lookups = Arc::new(AtomicUsize::new(0));
    let addrs: Arc<std::sync::Mutex<Vec<(i32, std::net::SocketAddr)>>> = Default::default();
    let mk = |id: i32| -> Handler {
        let (calls, lookups, addrs) = (calls.clone(), lookups.clone(), addrs.clone());
        Arc::new(move |h, _| {
            calls.record(id, h.request_api_key);
            let v = h.request_api_version;
            match ApiKey::try_from(h.request_api_key).unwrap() {
                ApiKey::Metadata => body(&metadata(&addrs.lock().unwrap(), 1), v),
                ApiKey::FindCoordinator => {
                    // first lookup says broker 1, later ones broker 2
                    let n = lookups.fetch_add(1, Ordering::SeqCst);
                    let (cid, a) = addrs.lock().unwrap()[if n == 0 { 0 } else { 1 }];
                    let c = Coordinator::default()
                        .with_key(s("g"))
                        .with_node_id(BrokerId(cid))
                        .with_host(s(&a.ip().to_string()))
                        .with_port(a.port() as i32);
                    let mut r = FindCoordinatorResponse::default();
                    if v >= 4 {
                        r.coordinators = vec![c];
                    } else {
                        r.node_id = c.node_id;
                        r.host = c.host;
                        r.port = c.port;
                    }
                    body(&r, v)
                }
                ApiKey::OffsetFetch => {
                    let code = if id == 1 { 16 } else { 0 }; // NOT_COORDINATOR on broker 1
                    let mut r = OffsetFetchResponse::default();
                    if v >= 8 {
                        r.groups = vec![
                            OffsetFetchResponseGroup::default()
                                .with_group_id(kafka_protocol::messages::GroupId(s("g")))
                                .with_error_code(code),
                        ];
                    } else {
                        r.error_code = code;
                    }
                    body(&r, v)
                }
                _ => None,
            }
        })
    };
    let a1 = fake::start(mk(1), 1).await;
    let a2 = fake::start(mk(2), 1).await;
    *addrs.lock().unwrap() = vec![(1, a1), (2, a2)];
    let client = Client::connect(opts(a1)).await.unwrap();
    let resp = client
        .call(
            Route::Group("g".into()),
            |_v| OffsetFetchRequest::default(),
            |r: &OffsetFetchResponse| {
                let code = r
                    .groups
                    .first()
                    .map(|g| g.error_code)
                    .unwrap_or(r.error_code);
                super::cluster::top_level_error("group g", code, None)
            },
        )
        .await
        .unwrap();
    assert_eq!(
        resp.groups
            .first()
            .map(|g| g.error_code)
            .unwrap_or(resp.error_code),
        0
    );
    assert_eq!(lookups.load(Ordering::SeqCst), 2);
    assert_eq!(calls.count(1, ApiKey::OffsetFetch), 1);
    assert_eq!(calls.count(2, ApiKey::OffsetFetch), 1);
}

/// Several requests in flight on one connection; the broker answers them in reverse order.
#[tokio::test]
async fn pipelined_requests_are_matched_by_correlation_id() {
    let handler: Handler = Arc::new(|h, mut b: Bytes| {
        let req = MetadataRequest::decode(&mut b, h.request_api_version).unwrap();
        let name = req.topics.unwrap()[0].name.clone().unwrap();
        // echo the asked topic as the cluster id
        body(
            &MetadataResponse::default().with_cluster_id(Some(name.0)),
            h.request_api_version,
        )
    });
    let addr = fake::start(handler, 3).await;
    let conn = Connection::connect(
        &addr.to_string(),
        &ConnectOptions::default(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    let ask = |t: &'static str| {
        let conn = conn.clone();
        async move {
            let req = MetadataRequest::default().with_topics(Some(vec![
                kafka_protocol::messages::metadata_request::MetadataRequestTopic::default()
                    .with_name(Some(TopicName(s(t)))),
            ]));
            conn.request(req)
                .await
                .unwrap()
                .cluster_id
                .unwrap()
                .to_string()
        }
    };
    let (a, b, c) = tokio::time::timeout(Duration::from_secs(5), async {
        tokio::join!(ask("a"), ask("b"), ask("c"))
    })
    .await
    .expect("three requests in flight at once (the broker waits for all three)");
    assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("a", "b", "c"));
}

/// A broker that drops the connection fails pending requests at once, and the connection says so.
#[tokio::test]
async fn dropped_connection_fails_pending_requests() {
    let handler: Handler = Arc::new(|_, _| None);
    let addr = fake::start(handler, 1).await;
    let conn = Connection::connect(
        &addr.to_string(),
        &ConnectOptions::default(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    let err = conn.request(MetadataRequest::default()).await.unwrap_err();
    assert!(matches!(err, KafkaError::Disconnected { .. }), "{err}");
    assert!(conn.is_closed());
    let err = conn.request(MetadataRequest::default()).await.unwrap_err();
    assert!(
        err.to_string().contains("the broker closed the connection"),
        "{err}"
    );
}
