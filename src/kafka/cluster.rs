//! The cluster handle: bootstrap, a metadata cache, routing to partition leaders, the controller and
//! group coordinators, and retries with bounded exponential backoff under a deadline.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::find_coordinator_request::FindCoordinatorRequest;
use kafka_protocol::messages::metadata_request::MetadataRequestTopic;
use kafka_protocol::messages::{ApiKey, MetadataRequest, MetadataResponse, TopicName};
use kafka_protocol::protocol::{Request, StrBytes};
use serde::Serialize;
use tokio::time::Instant;

use super::conn::{ConnectOptions, Connection};
use super::error::{KafkaError, Result};

/// Bounded exponential backoff between attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub initial: Duration,
    pub max: Duration,
    /// Attempts in all, the first one included.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_secs(2),
            max_attempts: 8,
        }
    }
}

impl Backoff {
    /// The pause after attempt `attempt` (1-based): initial × 2^(attempt-1), capped, with up to 20% jitter.
    pub fn delay(&self, attempt: u32) -> Duration {
        let base = self
            .initial
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.max);
        let mut r = [0u8; 2];
        let jitter = if getrandom::fill(&mut r).is_ok() {
            u16::from_le_bytes(r) as u32 % 200
        } else {
            100
        };
        // base × (0.9 .. 1.1)
        base.mul_f64(0.9 + jitter as f64 / 1000.0)
    }
}

/// Everything needed to reach a cluster.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Bootstrap addresses, `host:port`.
    pub bootstrap: Vec<String>,
    pub connect: ConnectOptions,
    /// Deadline of every request, retries included, and of every connection attempt.
    pub timeout: Duration,
    pub backoff: Backoff,
}

impl ClientOptions {
    pub fn new(bootstrap: Vec<String>) -> Self {
        ClientOptions {
            bootstrap,
            connect: ConnectOptions::default(),
            timeout: Duration::from_secs(10),
            backoff: Backoff::default(),
        }
    }
}

/// A broker as the cluster advertises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokerMeta {
    pub id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
}

impl BrokerMeta {
    /// `host:port`, with brackets around an IPv6 host.
    pub fn addr(&self) -> String {
        if self.host.contains(':') && !self.host.starts_with('[') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// One partition of a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionMeta {
    pub partition: i32,
    /// -1 when there is no leader.
    pub leader: i32,
    pub leader_epoch: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub offline: Vec<i32>,
    pub error: Option<String>,
}

/// One topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicMeta {
    pub name: String,
    pub internal: bool,
    pub partitions: Vec<PartitionMeta>,
}

/// What a Metadata response said about the cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterMetadata {
    pub cluster_id: Option<String>,
    pub controller_id: Option<i32>,
    pub brokers: BTreeMap<i32, BrokerMeta>,
    pub topics: BTreeMap<String, TopicMeta>,
    /// Topics the last requests named that the cluster does not have.
    pub missing_topics: Vec<String>,
    /// Topics the last requests named that this principal may not Describe (ACLs).
    pub denied_topics: Vec<String>,
    /// True when `topics` holds every topic of the cluster.
    pub all_topics: bool,
}

impl ClusterMetadata {
    /// Builds the cache entry from a response. `all_topics` says whether every topic was asked for.
    pub fn from_response(resp: &MetadataResponse, all_topics: bool) -> Self {
        let brokers = resp
            .brokers
            .iter()
            .map(|b| {
                let meta = BrokerMeta {
                    id: b.node_id.0,
                    host: b.host.to_string(),
                    port: b.port,
                    rack: b.rack.as_ref().map(|r| r.to_string()),
                };
                (meta.id, meta)
            })
            .collect();
        let mut topics = BTreeMap::new();
        let mut missing = Vec::new();
        let mut denied = Vec::new();
        for t in &resp.topics {
            let Some(name) = t.name.as_ref().map(|n| n.0.to_string()) else {
                continue;
            };
            match ResponseError::try_from_code(t.error_code) {
                Some(ResponseError::UnknownTopicOrPartition)
                | Some(ResponseError::InvalidTopicException) => {
                    missing.push(name);
                    continue;
                }
                Some(ResponseError::TopicAuthorizationFailed) => {
                    denied.push(name);
                    continue;
                }
                _ => {}
            }
            let mut partitions: Vec<PartitionMeta> = t
                .partitions
                .iter()
                .map(|p| PartitionMeta {
                    partition: p.partition_index,
                    leader: p.leader_id.0,
                    leader_epoch: p.leader_epoch,
                    replicas: p.replica_nodes.iter().map(|b| b.0).collect(),
                    isr: p.isr_nodes.iter().map(|b| b.0).collect(),
                    offline: p.offline_replicas.iter().map(|b| b.0).collect(),
                    error: ResponseError::try_from_code(p.error_code).map(|e| e.to_string()),
                })
                .collect();
            partitions.sort_by_key(|p| p.partition);
            topics.insert(
                name.clone(),
                TopicMeta {
                    name,
                    internal: t.is_internal,
                    partitions,
                },
            );
        }
        ClusterMetadata {
            cluster_id: resp.cluster_id.as_ref().map(|c| c.to_string()),
            controller_id: (resp.controller_id.0 >= 0).then_some(resp.controller_id.0),
            brokers,
            topics,
            missing_topics: missing,
            denied_topics: denied,
            all_topics,
        }
    }

    /// A topic the answer described, or why not: not authorized to Describe it, or unknown.
    pub fn require(&self, topic: &str) -> Result<&TopicMeta> {
        if let Some(t) = self.topics.get(topic) {
            return Ok(t);
        }
        if self.denied_topics.iter().any(|d| d == topic) {
            return Err(KafkaError::denied("Describe", format!("topic {topic}")));
        }
        Err(KafkaError::unknown_topic(topic))
    }

    /// Folds a newer, possibly partial, response into this one.
    fn merge(&mut self, newer: ClusterMetadata) {
        self.cluster_id = newer.cluster_id.or(self.cluster_id.take());
        self.controller_id = newer.controller_id.or(self.controller_id);
        if !newer.brokers.is_empty() {
            self.brokers = newer.brokers;
        }
        if newer.all_topics {
            self.topics = newer.topics;
            self.all_topics = true;
        } else {
            for name in newer.missing_topics.iter().chain(&newer.denied_topics) {
                self.topics.remove(name);
            }
            self.topics.extend(newer.topics);
        }
        self.missing_topics = newer.missing_topics;
        self.denied_topics = newer.denied_topics;
    }

    /// The leader of a partition, if it has one.
    pub fn leader(&self, topic: &str, partition: i32) -> Option<i32> {
        self.topics
            .get(topic)?
            .partitions
            .iter()
            .find(|p| p.partition == partition)
            .map(|p| p.leader)
            .filter(|l| *l >= 0)
    }
}

/// Where a request must go.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// Any broker (metadata, listing).
    Any,
    /// One broker by id.
    Broker(i32),
    /// The controller (topic admin).
    Controller,
    /// The leader of a partition (produce, fetch, list offsets, delete records).
    Leader { topic: String, partition: i32 },
    /// The coordinator of a consumer group (offsets, group descriptions).
    Group(String),
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Route::Any => f.write_str("any broker"),
            Route::Broker(id) => write!(f, "broker {id}"),
            Route::Controller => f.write_str("the controller"),
            Route::Leader { topic, partition } => write!(f, "the leader of {topic}/{partition}"),
            Route::Group(g) => write!(f, "the coordinator of group {g}"),
        }
    }
}

/// What a retry loop must do before the next attempt, given an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// Not worth retrying.
    GiveUp,
    /// Wait and try again.
    Backoff,
    /// Refresh metadata (leaders moved, topic appeared), then try again.
    RefreshMetadata,
    /// Look the coordinator up again, then try again.
    FindCoordinator,
    /// Reconnect (the connection broke), then try again.
    Reconnect,
}

/// How to recover from an error, per the Kafka protocol's error semantics.
pub fn recovery_for(err: &KafkaError) -> Recovery {
    match err {
        KafkaError::Disconnected { .. } => Recovery::Reconnect,
        KafkaError::Connect { .. } if err.is_retriable() => Recovery::Reconnect,
        KafkaError::Broker { error, .. } => match error {
            ResponseError::NotLeaderOrFollower
            | ResponseError::LeaderNotAvailable
            | ResponseError::UnknownTopicOrPartition
            | ResponseError::ReplicaNotAvailable
            | ResponseError::FencedLeaderEpoch
            | ResponseError::UnknownLeaderEpoch
            | ResponseError::NotController
            | ResponseError::KafkaStorageError => Recovery::RefreshMetadata,
            ResponseError::NotCoordinator | ResponseError::CoordinatorNotAvailable => {
                Recovery::FindCoordinator
            }
            ResponseError::CoordinatorLoadInProgress
            | ResponseError::RequestTimedOut
            | ResponseError::NetworkException
            | ResponseError::ThrottlingQuotaExceeded => Recovery::Backoff,
            e if e.is_retriable() => Recovery::Backoff,
            _ => Recovery::GiveUp,
        },
        _ => Recovery::GiveUp,
    }
}

type Slot = Arc<tokio::sync::Mutex<Option<Arc<Connection>>>>;

/// A handle on one cluster. Cheap to share behind an `Arc`; all methods take `&self`.
pub struct Client {
    opts: ClientOptions,
    /// One slot per broker address: the map lock is held only to find the slot, the slot's lock
    /// while connecting, so connections to different brokers open in parallel.
    conns: Mutex<HashMap<String, Slot>>,
    metadata: RwLock<Arc<ClusterMetadata>>,
    stale: Mutex<bool>,
    coordinators: Mutex<HashMap<String, BrokerMeta>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("bootstrap", &self.opts.bootstrap)
            .finish()
    }
}

/// Builds a Metadata request for `topics` (None = all topics) at `version`.
pub(crate) fn metadata_request(topics: Option<&[String]>, version: i16) -> MetadataRequest {
    let topics = topics.map(|ts| {
        ts.iter()
            .map(|t| {
                MetadataRequestTopic::default()
                    .with_name(Some(TopicName(StrBytes::from_string(t.clone()))))
            })
            .collect()
    });
    let mut req = MetadataRequest::default().with_topics(topics);
    if version >= 4 {
        req.allow_auto_topic_creation = false;
    }
    req
}

impl Client {
    /// Connects to the first bootstrap address that answers and loads the cluster's broker list.
    /// Fails with every address tried and why, within the timeout.
    pub async fn connect(opts: ClientOptions) -> Result<Client> {
        if opts.bootstrap.is_empty() {
            return Err(KafkaError::Config(
                "no brokers given: pass --brokers, set EVCTL_BROKERS, or select a context with brokers".into(),
            ));
        }
        let client = Client {
            opts,
            conns: Mutex::new(HashMap::new()),
            metadata: RwLock::new(Arc::new(ClusterMetadata::default())),
            stale: Mutex::new(true),
            coordinators: Mutex::new(HashMap::new()),
        };
        let conn = client.bootstrap().await?;
        let deadline = Instant::now() + client.opts.timeout;
        client.fetch_metadata(&conn, Some(&[]), deadline).await?;
        Ok(client)
    }

    /// Requests sent so far, on every connection of this client.
    pub fn requests_sent(&self) -> u64 {
        self.opts
            .connect
            .requests
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The API versions of the broker a route leads to.
    pub async fn api_versions(&self, route: Route) -> Result<super::versions::ApiVersionTable> {
        let deadline = Instant::now() + self.opts.timeout;
        Ok(self
            .connection_for(&route, deadline)
            .await?
            .versions()
            .clone())
    }

    /// An open connection to broker `id` (from the metadata), connecting if needed.
    pub async fn broker_connection(&self, id: i32) -> Result<Arc<Connection>> {
        let deadline = Instant::now() + self.opts.timeout;
        self.connection_for(&Route::Broker(id), deadline).await
    }

    /// The coordinator broker of each group, from the cache or with one FindCoordinator request
    /// for all the others (v4 batches keys; older brokers get one request per group). Groups the
    /// broker names no coordinator for are left out.
    pub async fn coordinator_ids(&self, groups: &[String]) -> Result<HashMap<String, i32>> {
        let deadline = Instant::now() + self.opts.timeout;
        let mut out = HashMap::new();
        let mut unknown = Vec::new();
        {
            let cache = self.coordinators.lock().unwrap_or_else(|p| p.into_inner());
            for g in groups {
                match cache.get(g) {
                    Some(b) => {
                        out.insert(g.clone(), b.id);
                    }
                    None => unknown.push(g.clone()),
                }
            }
        }
        if unknown.is_empty() {
            return Ok(out);
        }
        let conn = self.any_connection(deadline).await?;
        let version = conn.version_for::<FindCoordinatorRequest>()?;
        if version < 4 {
            for g in unknown {
                let b = self.coordinator(&g, deadline).await?;
                out.insert(g, b.id);
            }
            return Ok(out);
        }
        for chunk in unknown.chunks(1000) {
            let keys: Vec<StrBytes> = chunk
                .iter()
                .map(|g| StrBytes::from_string(g.clone()))
                .collect();
            let resp = self
                .call::<FindCoordinatorRequest, _, _>(
                    Route::Any,
                    |_| {
                        FindCoordinatorRequest::default()
                            .with_key_type(0)
                            .with_coordinator_keys(keys.clone())
                    },
                    |_| None,
                )
                .await?;
            let mut cache = self.coordinators.lock().unwrap_or_else(|p| p.into_inner());
            for c in resp.coordinators {
                if let Some(err) = ResponseError::try_from_code(c.error_code) {
                    if matches!(
                        err,
                        ResponseError::CoordinatorNotAvailable
                            | ResponseError::CoordinatorLoadInProgress
                    ) {
                        continue;
                    }
                    return Err(KafkaError::broker(
                        format!("finding the coordinator of group {}", c.key),
                        err,
                        c.error_message.map(|m| m.to_string()),
                    )
                    .as_denied("Describe", format!("group {}", c.key)));
                }
                let broker = BrokerMeta {
                    id: c.node_id.0,
                    host: c.host.to_string(),
                    port: c.port,
                    rack: None,
                };
                out.insert(c.key.to_string(), broker.id);
                cache.insert(c.key.to_string(), broker);
            }
        }
        Ok(out)
    }

    /// A connection to broker `id` of its own, for streamed Fetch responses: a response read
    /// slowly, batch by batch, must not hold up the answers to other requests (a metadata
    /// refresh, a produce) behind it on the same socket.
    pub async fn fetch_connection(&self, id: i32) -> Result<Arc<Connection>> {
        let deadline = Instant::now() + self.opts.timeout;
        let addr = self.broker_meta(id, deadline).await?.addr();
        self.connection_in_slot(&format!("fetch {addr}"), &addr, deadline)
            .await
    }

    /// Broker `id` from the metadata, refreshed once when the cached metadata does not know it.
    async fn broker_meta(&self, id: i32, deadline: Instant) -> Result<BrokerMeta> {
        let meta = self.refresh_if_stale(Some(&[]), deadline).await?;
        if let Some(b) = meta.brokers.get(&id) {
            return Ok(b.clone());
        }
        self.invalidate_metadata();
        let meta = self.refresh_if_stale(Some(&[]), deadline).await?;
        meta.brokers.get(&id).cloned().ok_or_else(|| {
            KafkaError::Config(format!("broker {id} is not in the cluster's metadata"))
        })
    }

    /// The options this client was built with.
    pub fn options(&self) -> &ClientOptions {
        &self.opts
    }

    async fn bootstrap(&self) -> Result<Arc<Connection>> {
        let deadline = Instant::now() + self.opts.timeout;
        let mut attempts = Vec::new();
        let n = self.opts.bootstrap.len() as u32;
        for (i, addr) in self.opts.bootstrap.iter().enumerate() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                attempts.push((addr.clone(), super::error::ConnectFailure::TimedOut));
                continue;
            }
            // share what is left of the deadline among the addresses not yet tried
            let budget = (left / (n - i as u32))
                .max(Duration::from_secs(1))
                .min(left);
            match Connection::connect(addr, &self.opts.connect, budget).await {
                Ok(conn) => {
                    *self.slot(addr).lock().await = Some(conn.clone());
                    return Ok(conn);
                }
                Err(KafkaError::Connect { failure, .. }) => {
                    tracing::debug!(%addr, %failure, "bootstrap address failed");
                    attempts.push((addr.clone(), failure));
                }
                Err(other) => return Err(other),
            }
        }
        Err(KafkaError::NoBrokerReachable { attempts })
    }

    async fn fetch_metadata(
        &self,
        conn: &Connection,
        topics: Option<&[String]>,
        deadline: Instant,
    ) -> Result<Arc<ClusterMetadata>> {
        let version = conn.version_for::<MetadataRequest>()?;
        let req = metadata_request(topics, version);
        let resp = self
            .with_deadline(
                conn.request_at(req, version),
                deadline,
                "Metadata",
                conn.addr(),
            )
            .await?;
        let fresh = ClusterMetadata::from_response(&resp, topics.is_none());
        let merged = {
            let mut guard = self.metadata.write().unwrap_or_else(|p| p.into_inner());
            let mut m = (**guard).clone();
            m.merge(fresh);
            *guard = Arc::new(m);
            guard.clone()
        };
        *self.stale.lock().unwrap_or_else(|p| p.into_inner()) = false;
        Ok(merged)
    }

    async fn with_deadline<T>(
        &self,
        fut: impl std::future::Future<Output = Result<T>>,
        deadline: Instant,
        what: &str,
        addr: &str,
    ) -> Result<T> {
        match tokio::time::timeout_at(deadline, fut).await {
            Ok(r) => r,
            Err(_) => Err(KafkaError::Timeout {
                what: format!("{what} request to {addr}"),
                after: self.opts.timeout,
            }),
        }
    }

    /// The cached metadata (brokers, controller, and the topics looked up so far).
    pub fn cached_metadata(&self) -> Arc<ClusterMetadata> {
        self.metadata
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Fresh metadata for `topics` (None = every topic), with retries.
    pub async fn metadata(&self, topics: Option<&[String]>) -> Result<Arc<ClusterMetadata>> {
        let deadline = Instant::now() + self.opts.timeout;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = async {
                let conn = self.connection_for(&Route::Any, deadline).await?;
                self.fetch_metadata(&conn, topics, deadline).await
            }
            .await;
            match result {
                Ok(m) => return Ok(m),
                Err(e) => self.before_retry(e, attempt, deadline, &Route::Any).await?,
            }
        }
    }

    /// Fresh metadata of one topic, or an error naming it when the cluster does not have it.
    pub async fn topic(&self, name: &str) -> Result<TopicMeta> {
        let meta = self.metadata(Some(&[name.to_string()])).await?;
        meta.require(name).cloned()
    }

    /// Marks the metadata as stale: the next routed request refreshes it first.
    pub fn invalidate_metadata(&self) {
        *self.stale.lock().unwrap_or_else(|p| p.into_inner()) = true;
    }

    async fn connection_to(&self, addr: &str, deadline: Instant) -> Result<Arc<Connection>> {
        self.connection_in_slot(addr, addr, deadline).await
    }

    /// The connection of slot `key` (normally the address itself), connecting to `addr`.
    async fn connection_in_slot(
        &self,
        key: &str,
        addr: &str,
        deadline: Instant,
    ) -> Result<Arc<Connection>> {
        let slot = self.slot(key);
        let mut guard = slot.lock().await;
        if let Some(c) = guard.as_ref().filter(|c| !c.is_closed()) {
            return Ok(c.clone());
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(KafkaError::Connect {
                addr: addr.to_string(),
                failure: super::error::ConnectFailure::TimedOut,
            });
        }
        let conn = Connection::connect(addr, &self.opts.connect, left).await?;
        *guard = Some(conn.clone());
        Ok(conn)
    }

    fn slot(&self, addr: &str) -> Slot {
        self.conns
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(addr.to_string())
            .or_default()
            .clone()
    }

    /// Open connections for requests (not the ones kept for streamed fetches), without waiting
    /// for slots that are busy connecting.
    fn open_connections(&self) -> Vec<Arc<Connection>> {
        let slots: Vec<Slot> = self
            .conns
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|(k, _)| !k.starts_with("fetch "))
            .map(|(_, v)| v.clone())
            .collect();
        slots
            .iter()
            .filter_map(|s| s.try_lock().ok().and_then(|g| g.clone()))
            .filter(|c| !c.is_closed())
            .collect()
    }

    async fn any_connection(&self, deadline: Instant) -> Result<Arc<Connection>> {
        if let Some(c) = self.open_connections().into_iter().next() {
            return Ok(c);
        }
        let meta = self.cached_metadata();
        let mut last = None;
        for b in meta.brokers.values() {
            match self.connection_to(&b.addr(), deadline).await {
                Ok(c) => return Ok(c),
                Err(e) => last = Some(e),
            }
        }
        match self.bootstrap().await {
            Ok(c) => Ok(c),
            Err(e) => Err(last.unwrap_or(e)),
        }
    }

    async fn refresh_if_stale(
        &self,
        topics: Option<&[String]>,
        deadline: Instant,
    ) -> Result<Arc<ClusterMetadata>> {
        let stale = *self.stale.lock().unwrap_or_else(|p| p.into_inner());
        if stale {
            let conn = self.any_connection(deadline).await?;
            self.fetch_metadata(&conn, topics, deadline).await
        } else {
            Ok(self.cached_metadata())
        }
    }

    async fn coordinator(&self, group: &str, deadline: Instant) -> Result<BrokerMeta> {
        if let Some(b) = self
            .coordinators
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(group)
        {
            return Ok(b.clone());
        }
        let conn = self.any_connection(deadline).await?;
        let version = conn.version_for::<FindCoordinatorRequest>()?;
        let mut req = FindCoordinatorRequest::default().with_key_type(0);
        if version >= 4 {
            req.coordinator_keys = vec![StrBytes::from_string(group.to_string())];
        } else {
            req.key = StrBytes::from_string(group.to_string());
        }
        let resp = self
            .with_deadline(
                conn.request_at(req, version),
                deadline,
                "FindCoordinator",
                conn.addr(),
            )
            .await?;
        let (code, message, node, host, port) = if version >= 4 {
            let c = resp
                .coordinators
                .first()
                .ok_or_else(|| KafkaError::Protocol {
                    addr: conn.addr().to_string(),
                    reason: "FindCoordinator returned no coordinator".into(),
                })?;
            (
                c.error_code,
                c.error_message.clone(),
                c.node_id.0,
                c.host.to_string(),
                c.port,
            )
        } else {
            (
                resp.error_code,
                resp.error_message.clone(),
                resp.node_id.0,
                resp.host.to_string(),
                resp.port,
            )
        };
        if let Some(err) = ResponseError::try_from_code(code) {
            return Err(KafkaError::broker(
                format!("finding the coordinator of group {group}"),
                err,
                message.map(|m| m.to_string()),
            )
            .as_denied("Describe", format!("group {group}")));
        }
        let broker = BrokerMeta {
            id: node,
            host,
            port,
            rack: None,
        };
        self.coordinators
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(group.to_string(), broker.clone());
        Ok(broker)
    }

    async fn connection_for(&self, route: &Route, deadline: Instant) -> Result<Arc<Connection>> {
        match route {
            Route::Any => self.any_connection(deadline).await,
            Route::Broker(id) => {
                let broker = self.broker_meta(*id, deadline).await?;
                self.connection_to(&broker.addr(), deadline).await
            }
            Route::Controller => {
                let meta = self.refresh_if_stale(Some(&[]), deadline).await?;
                match meta.controller_id.and_then(|id| meta.brokers.get(&id)) {
                    Some(b) => self.connection_to(&b.addr(), deadline).await,
                    None => self.any_connection(deadline).await,
                }
            }
            Route::Leader { topic, partition } => {
                let topics = [topic.clone()];
                let mut meta = self.cached_metadata();
                let stale = *self.stale.lock().unwrap_or_else(|p| p.into_inner());
                if stale || !meta.topics.contains_key(topic) {
                    let conn = self.any_connection(deadline).await?;
                    meta = self.fetch_metadata(&conn, Some(&topics), deadline).await?;
                }
                let t = meta.require(topic)?;
                if !t.partitions.iter().any(|p| p.partition == *partition) {
                    return Err(KafkaError::broker(
                        format!("partition {topic}/{partition}"),
                        ResponseError::UnknownTopicOrPartition,
                        Some(format!("{topic} has {} partitions", t.partitions.len())),
                    ));
                }
                let leader = meta.leader(topic, *partition).ok_or_else(|| {
                    KafkaError::broker(
                        format!("partition {topic}/{partition}"),
                        ResponseError::LeaderNotAvailable,
                        None,
                    )
                })?;
                let broker =
                    meta.brokers
                        .get(&leader)
                        .cloned()
                        .ok_or_else(|| KafkaError::Protocol {
                            addr: "metadata".into(),
                            reason: format!(
                                "leader {leader} of {topic}/{partition} is not in the broker list"
                            ),
                        })?;
                self.connection_to(&broker.addr(), deadline).await
            }
            Route::Group(group) => {
                let broker = self.coordinator(group, deadline).await?;
                self.connection_to(&broker.addr(), deadline).await
            }
        }
    }

    /// Decides whether to retry after `err` on attempt `attempt`; recovers (refresh, reconnect) and
    /// sleeps if so, or returns the error to give up with.
    async fn before_retry(
        &self,
        err: KafkaError,
        attempt: u32,
        deadline: Instant,
        route: &Route,
    ) -> Result<()> {
        let recovery = recovery_for(&err);
        if recovery == Recovery::GiveUp || attempt >= self.opts.backoff.max_attempts {
            return Err(err);
        }
        let pause = self.opts.backoff.delay(attempt);
        if Instant::now() + pause >= deadline {
            return Err(err);
        }
        tracing::debug!(%route, attempt, error = %err, ?recovery, "retrying");
        match recovery {
            Recovery::RefreshMetadata => self.invalidate_metadata(),
            Recovery::FindCoordinator => {
                if let Route::Group(g) = route {
                    self.coordinators
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .remove(g);
                }
            }
            Recovery::Reconnect => {
                if let KafkaError::Disconnected { addr, .. } | KafkaError::Connect { addr, .. } =
                    &err
                {
                    self.conns
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .remove(addr);
                }
                self.coordinators
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .clear();
                self.invalidate_metadata();
            }
            Recovery::Backoff | Recovery::GiveUp => {}
        }
        tokio::time::sleep(pause).await;
        Ok(())
    }

    /// Sends a request along `route` and returns the response, retrying transport failures and the
    /// retriable errors that `check` finds in the response (after a metadata refresh, a coordinator
    /// lookup or a reconnect, as the error calls for). `make` builds the request for the negotiated
    /// version. Every attempt, and the whole call, stays within the client's timeout.
    pub async fn call<R, F, C>(&self, route: Route, make: F, check: C) -> Result<R::Response>
    where
        R: Request,
        F: Fn(i16) -> R,
        C: Fn(&R::Response) -> Option<KafkaError>,
    {
        let deadline = Instant::now() + self.opts.timeout;
        let key = ApiKey::try_from(R::KEY)
            .map_err(|_| KafkaError::Config(format!("unknown API key {}", R::KEY)))?;
        let what = format!("{key:?}");
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = async {
                let conn = self.connection_for(&route, deadline).await?;
                let version = conn.version_for::<R>()?;
                let resp = self
                    .with_deadline(
                        conn.request_at(make(version), version),
                        deadline,
                        &what,
                        conn.addr(),
                    )
                    .await?;
                match check(&resp) {
                    Some(err) => Err(err),
                    None => Ok(resp),
                }
            }
            .await;
            match result {
                Ok(resp) => return Ok(resp),
                Err(e) => self.before_retry(e, attempt, deadline, &route).await?,
            }
        }
    }

    /// Like [`Client::call`] without response checks: only transport failures are retried.
    pub async fn send<R, F>(&self, route: Route, make: F) -> Result<R::Response>
    where
        R: Request,
        F: Fn(i16) -> R,
    {
        self.call(route, make, |_| None).await
    }

    /// Opens (or reuses) a connection to every broker in the metadata and returns each one's
    /// advertised versions, or why it could not be reached.
    pub async fn broker_versions(
        &self,
    ) -> Vec<(BrokerMeta, Result<super::versions::ApiVersionTable>)> {
        let meta = self.cached_metadata();
        let mut out = Vec::new();
        for b in meta.brokers.values() {
            let deadline = Instant::now() + self.opts.timeout;
            let r = self
                .connection_to(&b.addr(), deadline)
                .await
                .map(|c| c.versions().clone());
            out.push((b.clone(), r));
        }
        out
    }
}

/// A check for `call`: turns a top-level error code into a broker error.
pub fn top_level_error(context: &str, code: i16, message: Option<&StrBytes>) -> Option<KafkaError> {
    ResponseError::try_from_code(code)
        .map(|e| KafkaError::broker(context.to_string(), e, message.map(|m| m.to_string())))
}
