//! A scripted in-process broker for unit tests of the connection, routing and retry logic.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::api_versions_response::ApiVersion;
use kafka_protocol::messages::{ApiKey, ApiVersionsResponse, RequestHeader, ResponseHeader};
use kafka_protocol::protocol::{Encodable, decode_request_header_from_buffer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the handler returns for one request: an encoded response body, or None to drop the connection.
pub type Handler = Arc<dyn Fn(&RequestHeader, Bytes) -> Option<BytesMut> + Send + Sync>;

/// Encodes a response body at a version.
pub fn body<R: Encodable>(r: &R, version: i16) -> Option<BytesMut> {
    let mut b = BytesMut::new();
    r.encode(&mut b, version).unwrap();
    Some(b)
}

/// A broker on a loopback port. ApiVersions is answered here (every API kafka-protocol knows);
/// everything else goes to the handler. With `batch`, it reads that many requests before answering
/// them in reverse order (to prove responses are matched by correlation id).
pub async fn start(handler: Handler, batch: usize) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let handler = handler.clone();
            tokio::spawn(async move {
                let mut queued: Vec<Vec<u8>> = Vec::new();
                loop {
                    let Ok(n) = sock.read_i32().await else { return };
                    let mut buf = vec![0u8; n as usize];
                    if sock.read_exact(&mut buf).await.is_err() {
                        return;
                    }
                    let mut frame = Bytes::from(buf);
                    let header = decode_request_header_from_buffer(&mut frame).unwrap();
                    let key = ApiKey::try_from(header.request_api_key).unwrap();
                    let v = header.request_api_version;
                    let resp = if key == ApiKey::ApiVersions {
                        let keys = ApiKey::iter()
                            .map(|k| {
                                let r = k.valid_versions();
                                ApiVersion::default()
                                    .with_api_key(k as i16)
                                    .with_min_version(r.min)
                                    .with_max_version(r.max)
                            })
                            .collect();
                        body(&ApiVersionsResponse::default().with_api_keys(keys), v)
                    } else {
                        handler(&header, frame)
                    };
                    let Some(resp) = resp else { return };
                    let mut out = BytesMut::new();
                    ResponseHeader::default()
                        .with_correlation_id(header.correlation_id)
                        .encode(&mut out, key.response_header_version(v))
                        .unwrap();
                    out.extend_from_slice(&resp);
                    let mut framed = (out.len() as i32).to_be_bytes().to_vec();
                    framed.extend_from_slice(&out);
                    if key == ApiKey::ApiVersions || batch <= 1 {
                        if sock.write_all(&framed).await.is_err() {
                            return;
                        }
                        continue;
                    }
                    queued.push(framed);
                    if queued.len() == batch {
                        while let Some(f) = queued.pop() {
                            if sock.write_all(&f).await.is_err() {
                                return;
                            }
                        }
                    }
                }
            });
        }
    });
    addr
}

/// Counts calls per (broker, API).
#[derive(Default, Clone)]
pub struct Calls(pub Arc<Mutex<Vec<(i32, i16)>>>);

impl Calls {
    pub fn record(&self, broker: i32, key: i16) {
        self.0.lock().unwrap().push((broker, key));
    }
    pub fn count(&self, broker: i32, key: ApiKey) -> usize {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(b, k)| *b == broker && *k == key as i16)
            .count()
    }
}

/// One partition's records (offset, value) and its end offset.
pub type Log = (Vec<(i64, Bytes)>, i64);

/// A one-broker cluster holding topic `t`: per partition a log of (offset, value) records with
/// gaps allowed (compaction), its end offset, and the group offsets committed to it. It answers
/// Metadata, ListOffsets (earliest and latest), Fetch (every record at or after the fetch offset,
/// one batch each, then the end offset as high watermark), FindCoordinator, OffsetCommit and
/// OffsetFetch (v8+, the last commit): what
/// a read loop needs, and InitProducerId and Produce (each record's value appended to the log), for
/// tests of the engines without a real broker.
#[derive(Clone, Default)]
pub struct LogBroker {
    /// Per partition: records and the end offset.
    pub logs: Arc<Mutex<Vec<Log>>>,
    /// (group, partition, offset), in commit order.
    pub commits: Arc<Mutex<Vec<(String, i32, i64)>>>,
}

impl LogBroker {
    /// Partitions of `t` with these records; each end offset is one past the last record.
    pub fn new(logs: Vec<Vec<(i64, &str)>>) -> Self {
        let logs = logs
            .into_iter()
            .map(|l| {
                let end = l.last().map_or(0, |(o, _)| o + 1);
                let recs = l
                    .into_iter()
                    .map(|(o, v)| (o, Bytes::copy_from_slice(v.as_bytes())))
                    .collect();
                (recs, end)
            })
            .collect();
        LogBroker {
            logs: Arc::new(Mutex::new(logs)),
            commits: Arc::default(),
        }
    }

    /// Starts it on a loopback port.
    pub async fn start(&self) -> SocketAddr {
        use kafka_protocol::messages::*;
        use kafka_protocol::protocol::{Decodable, StrBytes};
        let addr = Arc::new(Mutex::new(None::<SocketAddr>));
        let me = self.clone();
        let a = addr.clone();
        let handler: Handler = Arc::new(move |h: &RequestHeader, mut b: Bytes| {
            let v = h.request_api_version;
            let s = |x: &str| StrBytes::from_string(x.to_string());
            let logs = me.logs.lock().unwrap().clone();
            match ApiKey::try_from(h.request_api_key).ok()? {
                ApiKey::Metadata => {
                    let at = a.lock().unwrap().unwrap();
                    let parts = (0..logs.len() as i32)
                        .map(|p| {
                            metadata_response::MetadataResponsePartition::default()
                                .with_partition_index(p)
                                .with_leader_id(BrokerId(1))
                                .with_replica_nodes(vec![BrokerId(1)])
                                .with_isr_nodes(vec![BrokerId(1)])
                        })
                        .collect();
                    body(
                        &MetadataResponse::default()
                            .with_cluster_id(Some(s("fake")))
                            .with_controller_id(BrokerId(1))
                            .with_brokers(vec![
                                metadata_response::MetadataResponseBroker::default()
                                    .with_node_id(BrokerId(1))
                                    .with_host(s(&at.ip().to_string()))
                                    .with_port(at.port() as i32),
                            ])
                            .with_topics(vec![
                                metadata_response::MetadataResponseTopic::default()
                                    .with_name(Some(TopicName(s("t"))))
                                    .with_partitions(parts),
                            ]),
                        v,
                    )
                }
                ApiKey::ListOffsets => {
                    let req = ListOffsetsRequest::decode(&mut b, v).ok()?;
                    let parts = req.topics[0]
                        .partitions
                        .iter()
                        .map(|p| {
                            let (recs, end) = &logs[p.partition_index as usize];
                            let start = recs.first().map_or(*end, |r| r.0);
                            let offset = if p.timestamp == -2 { start } else { *end };
                            list_offsets_response::ListOffsetsPartitionResponse::default()
                                .with_partition_index(p.partition_index)
                                .with_offset(offset)
                                .with_timestamp(-1)
                        })
                        .collect();
                    body(
                        &ListOffsetsResponse::default().with_topics(vec![
                            list_offsets_response::ListOffsetsTopicResponse::default()
                                .with_name(TopicName(s("t")))
                                .with_partitions(parts),
                        ]),
                        v,
                    )
                }
                ApiKey::Fetch => {
                    let req = FetchRequest::decode(&mut b, v).ok()?;
                    let parts = req.topics[0]
                        .partitions
                        .iter()
                        .map(|p| {
                            let (recs, end) = &logs[p.partition as usize];
                            // runs of consecutive offsets in one batch each
                            let mut data = Vec::new();
                            let wanted: Vec<_> =
                                recs.iter().filter(|(o, _)| *o >= p.fetch_offset).collect();
                            let mut i = 0;
                            while i < wanted.len() {
                                let base = wanted[i].0;
                                let mut bb = super::batch::BatchBuilder::default();
                                while i < wanted.len() && wanted[i].0 == base + bb.len() as i64 {
                                    let (o, val) = wanted[i];
                                    bb.push(1_700_000_000_000 + o, None, Some(val), &[]);
                                    i += 1;
                                }
                                let batch = bb
                                    .finish(
                                        super::batch::Compression::None,
                                        super::batch::ProducerIdentity::NONE,
                                        -1,
                                    )
                                    .unwrap();
                                let mut batch = batch.to_vec();
                                batch[..8].copy_from_slice(&base.to_be_bytes());
                                data.extend_from_slice(&batch);
                            }
                            fetch_response::PartitionData::default()
                                .with_partition_index(p.partition)
                                .with_high_watermark(*end)
                                .with_last_stable_offset(*end)
                                .with_log_start_offset(0)
                                .with_records(Some(Bytes::from(data)))
                        })
                        .collect();
                    if parts_empty(&req, &logs) {
                        // a follow with nothing new: hold the fetch a little, like max_wait
                        std::thread::sleep(std::time::Duration::from_millis(20));
                    }
                    body(
                        &FetchResponse::default().with_responses(vec![
                            fetch_response::FetchableTopicResponse::default()
                                .with_topic(TopicName(s("t")))
                                .with_partitions(parts),
                        ]),
                        v,
                    )
                }
                ApiKey::FindCoordinator => {
                    let at = a.lock().unwrap().unwrap();
                    let req = FindCoordinatorRequest::decode(&mut b, v).ok()?;
                    let coordinator = |key: StrBytes| {
                        find_coordinator_response::Coordinator::default()
                            .with_key(key)
                            .with_node_id(BrokerId(1))
                            .with_host(s(&at.ip().to_string()))
                            .with_port(at.port() as i32)
                    };
                    let resp = if v >= 4 {
                        FindCoordinatorResponse::default().with_coordinators(
                            req.coordinator_keys.into_iter().map(coordinator).collect(),
                        )
                    } else {
                        FindCoordinatorResponse::default()
                            .with_node_id(BrokerId(1))
                            .with_host(s(&at.ip().to_string()))
                            .with_port(at.port() as i32)
                    };
                    body(&resp, v)
                }
                ApiKey::InitProducerId => body(
                    &InitProducerIdResponse::default()
                        .with_producer_id(ProducerId(1))
                        .with_producer_epoch(0),
                    v,
                ),
                ApiKey::Produce => {
                    let req = ProduceRequest::decode(&mut b, v).ok()?;
                    let mut topics = Vec::new();
                    for t in &req.topic_data {
                        let mut parts = Vec::new();
                        for p in &t.partition_data {
                            let mut logs = me.logs.lock().unwrap();
                            let (recs, end) = &mut logs[p.index as usize];
                            let base = *end;
                            let mut data = p.records.clone().unwrap_or_default();
                            while data.len() >= 12 {
                                let len = i32::from_be_bytes(data[8..12].try_into().unwrap());
                                let batch = data.split_to(12 + len as usize);
                                let decoded = super::batch::decode_batch(batch).ok()?;
                                for r in decoded.records {
                                    recs.push((*end, r.value.unwrap_or_default()));
                                    *end += 1;
                                }
                            }
                            parts.push(
                                produce_response::PartitionProduceResponse::default()
                                    .with_index(p.index)
                                    .with_base_offset(base),
                            );
                        }
                        topics.push(
                            produce_response::TopicProduceResponse::default()
                                .with_name(t.name.clone())
                                .with_partition_responses(parts),
                        );
                    }
                    body(&ProduceResponse::default().with_responses(topics), v)
                }
                ApiKey::OffsetFetch => {
                    // the last commit of each partition the request names (v8+: groups)
                    let req = OffsetFetchRequest::decode(&mut b, v).ok()?;
                    let commits = me.commits.lock().unwrap().clone();
                    let groups = req
                        .groups
                        .iter()
                        .map(|g| {
                            let topics = g
                                .topics
                                .iter()
                                .flatten()
                                .map(|t| {
                                    let parts = t
                                        .partition_indexes
                                        .iter()
                                        .map(|&p| {
                                            let last = commits
                                                .iter()
                                                .rev()
                                                .find(|(cg, cp, _)| cg.as_str() == g.group_id.as_str() && *cp == p)
                                                .map_or(-1, |c| c.2);
                                            offset_fetch_response::OffsetFetchResponsePartitions::default()
                                                .with_partition_index(p)
                                                .with_committed_offset(last)
                                        })
                                        .collect();
                                    offset_fetch_response::OffsetFetchResponseTopics::default()
                                        .with_name(t.name.clone())
                                        .with_partitions(parts)
                                })
                                .collect();
                            offset_fetch_response::OffsetFetchResponseGroup::default()
                                .with_group_id(g.group_id.clone())
                                .with_topics(topics)
                        })
                        .collect();
                    body(&OffsetFetchResponse::default().with_groups(groups), v)
                }
                ApiKey::OffsetCommit => {
                    let req = OffsetCommitRequest::decode(&mut b, v).ok()?;
                    let mut topics = Vec::new();
                    for t in &req.topics {
                        let mut parts = Vec::new();
                        for p in &t.partitions {
                            me.commits.lock().unwrap().push((
                                req.group_id.to_string(),
                                p.partition_index,
                                p.committed_offset,
                            ));
                            parts.push(
                                offset_commit_response::OffsetCommitResponsePartition::default()
                                    .with_partition_index(p.partition_index),
                            );
                        }
                        topics.push(
                            offset_commit_response::OffsetCommitResponseTopic::default()
                                .with_name(t.name.clone())
                                .with_partitions(parts),
                        );
                    }
                    body(&OffsetCommitResponse::default().with_topics(topics), v)
                }
                _ => None,
            }
        });
        let at = start(handler, 1).await;
        *addr.lock().unwrap() = Some(at);
        at
    }

    /// Appends a record to a partition (a producer writing while a tail follows).
    pub fn append(&self, partition: usize, value: &str) {
        let mut logs = self.logs.lock().unwrap();
        let (recs, end) = &mut logs[partition];
        recs.push((*end, Bytes::copy_from_slice(value.as_bytes())));
        *end += 1;
    }

    /// Adds a partition with these records (`kafka-topics --alter --partitions`, then writes).
    pub fn add_partition(&self, records: Vec<(i64, &str)>) {
        let end = records.last().map_or(0, |(o, _)| o + 1);
        let recs = records
            .into_iter()
            .map(|(o, v)| (o, Bytes::copy_from_slice(v.as_bytes())))
            .collect();
        self.logs.lock().unwrap().push((recs, end));
    }

    /// A client of it with short deadlines.
    pub async fn client(&self, addr: SocketAddr) -> super::Client {
        let mut o = super::ClientOptions::new(vec![addr.to_string()]);
        o.timeout = std::time::Duration::from_secs(5);
        super::Client::connect(o).await.unwrap()
    }

    /// The commits so far.
    pub fn commits(&self) -> Vec<(String, i32, i64)> {
        self.commits.lock().unwrap().clone()
    }
}

/// True when no asked partition has a record at or after its fetch offset.
fn parts_empty(req: &kafka_protocol::messages::FetchRequest, logs: &[Log]) -> bool {
    req.topics.iter().flat_map(|t| &t.partitions).all(|p| {
        logs[p.partition as usize]
            .0
            .iter()
            .all(|(o, _)| *o < p.fetch_offset)
    })
}
