//! The producer: per-partition batching with linger and a size limit, compression, acks,
//! idempotence (InitProducerId and sequence numbers) when the broker supports it, Java-compatible
//! murmur2 partitioning of keyed records, round-robin spreading of keyless ones, several requests
//! in flight per broker, retries of retriable errors in sequence order, and a delivery report per
//! batch that names the records (by the caller's ids) it carried.
//!
//! The producer is driven by one task: [`Producer::send`] appends (and sends full batches),
//! [`Producer::tick`] waits for the next event (a response, a linger deadline, a retry) and is
//! cancel-safe so it can sit in a `select!` next to the input, and [`Producer::flush`] sends
//! everything and waits for every answer.

use crate::record::Message;
use crate::record::time::now_ms;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kafka_protocol::ResponseError;
use kafka_protocol::messages::produce_request::{PartitionProduceData, TopicProduceData};
use kafka_protocol::messages::{InitProducerIdRequest, ProduceRequest, ProduceResponse, TopicName};
use kafka_protocol::protocol::StrBytes;
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::batch::{BatchBuilder, Compression, ProducerIdentity};
use super::cluster::{Client, Route};
use super::error::{KafkaError, Result};
use super::partitioner::partition_for_key;

/// How many replicas must have a record before the broker answers (`--acks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Acks {
    /// Every in-sync replica (`-1`); required for idempotence.
    #[default]
    All,
    /// The leader only.
    #[value(name = "1")]
    Leader,
    /// No answer at all: fire and forget, no delivery report, no offsets.
    #[value(name = "0")]
    None,
}

impl Acks {
    /// The wire value.
    pub fn code(self) -> i16 {
        match self {
            Acks::All => -1,
            Acks::Leader => 1,
            Acks::None => 0,
        }
    }
}

/// Producer settings.
#[derive(Debug, Clone)]
pub struct ProducerOptions {
    /// `--acks`.
    pub acks: Acks,
    /// Batch compression.
    pub compression: Compression,
    /// How long a batch may wait for more records before it is sent.
    pub linger: Duration,
    /// A batch is sent when its uncompressed size reaches this.
    pub batch_bytes: usize,
    /// Requests in flight per broker (at most 5 with idempotence).
    pub max_in_flight: usize,
    /// Use an idempotent producer when the broker supports it (and acks is all).
    pub idempotent: bool,
    /// `send` waits for answers while more than this many bytes are unacknowledged.
    pub buffer_bytes: usize,
    /// A batch that is still not delivered this long after it was sealed fails.
    pub delivery_timeout: Duration,
}

impl Default for ProducerOptions {
    fn default() -> Self {
        ProducerOptions {
            acks: Acks::All,
            compression: Compression::None,
            linger: Duration::from_millis(5),
            batch_bytes: 512 * 1024,
            max_in_flight: 5,
            idempotent: true,
            buffer_bytes: 64 * 1024 * 1024,
            delivery_timeout: Duration::from_secs(60),
        }
    }
}

/// The producer's flags of `publish`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProducerFlags {
    /// Compression of record batches.
    #[arg(short = 'z', long, value_enum, default_value_t = Compression::None, help_heading = "Producer")]
    pub compression: Compression,

    /// Replicas that must have a record before it counts as written.
    #[arg(long, value_enum, default_value_t = Acks::All, help_heading = "Producer")]
    pub acks: Acks,

    /// How long a batch waits for more records.
    #[arg(long, default_value = "5ms", value_parser = crate::units::parse_duration, value_name = "DURATION", help_heading = "Producer")]
    pub linger: Duration,

    /// Maximum uncompressed size of a batch.
    #[arg(long, default_value = "512KiB", value_parser = parse_batch_size, value_name = "SIZE", help_heading = "Producer")]
    pub batch_size: usize,

    /// Do not use an idempotent producer even when the broker supports one.
    #[arg(long, help_heading = "Producer")]
    pub no_idempotence: bool,
}

impl ProducerFlags {
    /// The producer's options.
    pub fn options(&self) -> ProducerOptions {
        ProducerOptions {
            acks: self.acks,
            compression: self.compression,
            linger: self.linger,
            batch_bytes: self.batch_size,
            idempotent: !self.no_idempotence,
            ..ProducerOptions::default()
        }
    }
}

fn parse_batch_size(s: &str) -> Result<usize, String> {
    let n = crate::units::parse_size(s)?;
    if !(1024..=64 * 1024 * 1024).contains(&n) {
        return Err("the batch size must be between 1KiB and 64MiB".into());
    }
    Ok(n as usize)
}

/// The outcome of one batch.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Where the batch went.
    pub topic: Arc<str>,
    /// Its partition.
    pub partition: i32,
    /// The offset of its first record, or -1 when unknown (acks=0, or a duplicate the broker had
    /// already written).
    pub base_offset: i64,
    /// The ids of its records, in order.
    pub ids: Vec<u64>,
    /// Uncompressed size of the records.
    pub bytes: usize,
    /// Why it failed, or None when it was written.
    pub error: Option<String>,
}

struct Sealed {
    topic: Arc<str>,
    partition: i32,
    data: Bytes,
    ids: Vec<u64>,
    bytes: usize,
    base_sequence: i32,
    attempts: u32,
    sealed_at: Instant,
    not_before: Option<Instant>,
}

#[derive(Default)]
struct Part {
    open: BatchBuilder,
    open_ids: Vec<u64>,
    open_since: Option<Instant>,
    next_sequence: i32,
    ready: VecDeque<Sealed>,
    in_flight: usize,
    /// A batch failed and is being retried: hold later ones until earlier ones are answered.
    blocked: bool,
}

impl Part {
    /// Seals the open batch into the ready queue (with the next sequence numbers when `identity`
    /// is a producer id). True if there was one.
    fn seal(
        &mut self,
        key: &TopicPartition,
        compression: Compression,
        identity: ProducerIdentity,
    ) -> Result<bool> {
        if self.open.is_empty() {
            return Ok(false);
        }
        let idempotent = identity.id >= 0;
        let count = self.open.len() as i32;
        let bytes = self.open.size();
        let base_sequence = if idempotent { self.next_sequence } else { -1 };
        if idempotent {
            // sequences wrap to 0 after i32::MAX
            self.next_sequence = ((i64::from(self.next_sequence) + i64::from(count))
                % (i64::from(i32::MAX) + 1)) as i32;
        }
        let data = self
            .open
            .finish(compression, identity, base_sequence)
            .map_err(|e| KafkaError::Config(format!("cannot compress a batch: {e}")))?;
        self.open_since = None;
        let ids = std::mem::take(&mut self.open_ids);
        self.ready.push_back(Sealed {
            topic: key.0.clone(),
            partition: key.1,
            data,
            ids,
            bytes,
            base_sequence,
            attempts: 0,
            sealed_at: Instant::now(),
            not_before: None,
        });
        Ok(true)
    }
}

type TopicPartition = (Arc<str>, i32);

struct Completion {
    broker: i32,
    batches: Vec<Sealed>,
    result: Result<Option<ProduceResponse>>,
}

/// Retriable produce errors: the batch is sent again (after a metadata refresh).
fn retriable(e: ResponseError) -> bool {
    e.is_retriable()
        || matches!(
            e,
            ResponseError::OutOfOrderSequenceNumber | ResponseError::NotEnoughReplicas
        )
}

const MAX_ATTEMPTS: u32 = 10;

/// A batching producer over a [`Client`].
pub struct Producer {
    client: Arc<Client>,
    opts: ProducerOptions,
    identity: ProducerIdentity,
    partitions: HashMap<Arc<str>, (i32, u32)>,
    parts: HashMap<TopicPartition, Part>,
    in_flight: JoinSet<Completion>,
    in_flight_per_broker: HashMap<i32, usize>,
    buffered: usize,
    deliveries: Vec<Delivery>,
    need_metadata: bool,
    /// The metadata refresh under way: a task of its own, so that dropping a [`Producer::tick`]
    /// (a paced send loop does, many times a second) never abandons it half-way.
    refreshing: Option<tokio::task::JoinHandle<Result<()>>>,
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Producer")
            .field("identity", &self.identity)
            .field("buffered", &self.buffered)
            .finish()
    }
}

impl Producer {
    /// A producer; with `opts.idempotent` and acks=all it asks for a producer id, and falls back
    /// to a plain producer when the broker has no InitProducerId (see [`Producer::idempotent`]).
    pub async fn start(client: Arc<Client>, mut opts: ProducerOptions) -> Result<Producer> {
        let mut identity = ProducerIdentity::NONE;
        if opts.idempotent && opts.acks == Acks::All {
            let versions = client.api_versions(Route::Any).await?;
            if versions.supports(kafka_protocol::messages::ApiKey::InitProducerId) {
                let resp = client
                    .call::<InitProducerIdRequest, _, _>(
                        Route::Any,
                        |_| {
                            InitProducerIdRequest::default()
                                .with_transactional_id(None)
                                .with_transaction_timeout_ms(60_000)
                                .with_producer_id((-1).into())
                                .with_producer_epoch(-1)
                        },
                        |r| super::cluster::top_level_error("InitProducerId", r.error_code, None),
                    )
                    .await
                    .map_err(|e| e.as_denied("IdempotentWrite", "the cluster"))?;
                identity = ProducerIdentity {
                    id: resp.producer_id.0,
                    epoch: resp.producer_epoch,
                };
            }
        }
        if identity.id >= 0 {
            opts.max_in_flight = opts.max_in_flight.clamp(1, 5);
        } else {
            opts.idempotent = false;
        }
        opts.max_in_flight = opts.max_in_flight.max(1);
        Ok(Producer {
            client,
            opts,
            identity,
            partitions: HashMap::new(),
            parts: HashMap::new(),
            in_flight: JoinSet::new(),
            in_flight_per_broker: HashMap::new(),
            buffered: 0,
            deliveries: Vec::new(),
            need_metadata: false,
            refreshing: None,
        })
    }

    /// True when batches carry a producer id and sequence numbers (the broker drops duplicates
    /// of retried batches).
    pub fn idempotent(&self) -> bool {
        self.identity.id >= 0
    }

    /// The partition count of `topic` (looked up once). Fails when the topic does not exist:
    /// the producer never creates topics.
    pub async fn partition_count(&mut self, topic: &Arc<str>) -> Result<i32> {
        if let Some((n, _)) = self.partitions.get(topic) {
            return Ok(*n);
        }
        let meta = self.client.metadata(Some(&[topic.to_string()])).await?;
        let n = match meta.topics.get(&**topic) {
            Some(t) if !t.partitions.is_empty() => t.partitions.len() as i32,
            _ => {
                return Err(KafkaError::broker(
                    format!("topic {topic}"),
                    ResponseError::UnknownTopicOrPartition,
                    Some(format!(
                        "the cluster has no topic named {topic:?} (create it with `evctl apply`)"
                    )),
                ));
            }
        };
        // keyless records start on a pseudo-random partition, so short runs spread too
        let start = (std::process::id() ^ (now_ms() as u32)) % n as u32;
        self.partitions.insert(topic.clone(), (n, start));
        Ok(n)
    }

    /// Adds a message for `topic` (a fixed partition, or None to let the partitioner choose),
    /// with the caller's `id` for it (e.g. the input line number, reported back in
    /// [`Delivery::ids`]); sends batches that are full; waits for answers while the buffer is
    /// full. Fails only for a partition that does not exist; delivery failures are reported in
    /// [`Producer::take_deliveries`].
    pub async fn send(
        &mut self,
        id: u64,
        topic: Arc<str>,
        partition: Option<i32>,
        rec: Message,
    ) -> Result<()> {
        let n = self.partition_count(&topic).await?;
        let partition = match partition {
            Some(p) if (0..n).contains(&p) => p,
            Some(p) => {
                return Err(KafkaError::broker(
                    format!("partition {}/{p}", topic),
                    ResponseError::UnknownTopicOrPartition,
                    Some(format!("{} has {n} partitions", topic)),
                ));
            }
            None => match &rec.key {
                Some(k) => partition_for_key(k, n),
                None => {
                    let entry = self.partitions.get_mut(&topic).map(|e| &mut e.1);
                    let next = entry.map_or(0, |c| {
                        *c = c.wrapping_add(1);
                        *c
                    });
                    (next % n as u32) as i32
                }
            },
        };
        let size =
            BatchBuilder::record_size(rec.key.as_deref(), rec.value.as_deref(), &rec.headers);
        let key = (topic.clone(), partition);
        let (compression, identity) = (self.opts.compression, self.identity);
        let mut sealed = false;
        let part = self.parts.entry(key.clone()).or_default();
        if !part.open.is_empty() && part.open.size() + size > self.opts.batch_bytes {
            sealed |= part.seal(&key, compression, identity)?;
        }
        if part.open.is_empty() {
            part.open_since = Some(Instant::now());
        }
        part.open.push(
            rec.timestamp,
            rec.key.as_deref(),
            rec.value.as_deref(),
            &rec.headers,
        );
        part.open_ids.push(id);
        self.buffered += size;
        if part.open.size() >= self.opts.batch_bytes {
            sealed |= part.seal(&key, compression, identity)?;
        }
        if sealed {
            self.dispatch();
        }
        while let Some(done) = self.in_flight.try_join_next() {
            self.complete(done);
        }
        while self.buffered > self.opts.buffer_bytes && !self.in_flight.is_empty() {
            if let Some(done) = self.in_flight.join_next().await {
                self.complete(done);
            }
        }
        Ok(())
    }

    /// Seals the open batch of `key` into the ready queue. True if there was one.
    fn seal(&mut self, key: &TopicPartition) -> Result<bool> {
        let (compression, identity) = (self.opts.compression, self.identity);
        match self.parts.get_mut(key) {
            Some(part) => part.seal(key, compression, identity),
            None => Ok(false),
        }
    }

    /// Sends ready batches: one request per broker with at most one batch per partition, while
    /// the broker has room for more requests in flight.
    fn dispatch(&mut self) {
        let now = Instant::now();
        let meta = self.client.cached_metadata();
        let mut expired = Vec::new();
        loop {
            let mut requests: HashMap<i32, Vec<Sealed>> = HashMap::new();
            for ((topic, partition), part) in self.parts.iter_mut() {
                let Some(front) = part.ready.front() else {
                    continue;
                };
                if now.duration_since(front.sealed_at) > self.opts.delivery_timeout {
                    expired.extend(part.ready.drain(..));
                    continue;
                }
                if front.not_before.is_some_and(|t| t > now)
                    || (part.blocked && part.in_flight > 0)
                    || part.in_flight >= self.opts.max_in_flight
                {
                    continue;
                }
                let Some(leader) = meta.leader(topic, *partition) else {
                    self.need_metadata = true;
                    continue;
                };
                let busy = self.in_flight_per_broker.get(&leader).copied().unwrap_or(0);
                if busy >= self.opts.max_in_flight {
                    continue;
                }
                part.blocked = false;
                if let Some(batch) = part.ready.pop_front() {
                    part.in_flight += 1;
                    requests.entry(leader).or_default().push(batch);
                }
            }
            if requests.is_empty() {
                break;
            }
            for (broker, batches) in requests {
                *self.in_flight_per_broker.entry(broker).or_default() += 1;
                self.spawn(broker, batches);
            }
        }
        for batch in expired {
            let why = format!(
                "not delivered within {:?} (the leader of {}/{} is unavailable)",
                self.opts.delivery_timeout, batch.topic, batch.partition
            );
            self.fail(batch, why);
        }
    }

    fn spawn(&mut self, broker: i32, batches: Vec<Sealed>) {
        let client = self.client.clone();
        let acks = self.opts.acks.code();
        let timeout = client.options().timeout;
        let mut topics: Vec<TopicProduceData> = Vec::new();
        for b in &batches {
            let data = PartitionProduceData::default()
                .with_index(b.partition)
                .with_records(Some(b.data.clone()));
            match topics.iter_mut().find(|t| *t.name.0 == *b.topic) {
                Some(t) => t.partition_data.push(data),
                None => topics.push(
                    TopicProduceData::default()
                        .with_name(TopicName(StrBytes::from_string(b.topic.to_string())))
                        .with_partition_data(vec![data]),
                ),
            }
        }
        let req = ProduceRequest::default()
            .with_transactional_id(None)
            .with_acks(acks)
            .with_timeout_ms(timeout.as_millis().min(i32::MAX as u128) as i32)
            .with_topic_data(topics);
        self.in_flight.spawn(async move {
            let result = async {
                let conn = client.broker_connection(broker).await?;
                let version = conn.version_for::<ProduceRequest>()?;
                if version < 3 {
                    return Err(KafkaError::Config(format!(
                        "broker {} supports only Produce v{version}: record batches (message format v2) need v3 or later",
                        conn.addr()
                    )));
                }
                if acks == 0 {
                    conn.send_oneway(&req, version).await?;
                    return Ok(None);
                }
                match tokio::time::timeout(timeout, conn.request_at(req, version)).await {
                    Ok(r) => r.map(Some),
                    Err(_) => Err(KafkaError::Timeout {
                        what: format!("Produce request to {}", conn.addr()),
                        after: timeout,
                    }),
                }
            }
            .await;
            Completion {
                broker,
                batches,
                result,
            }
        });
    }

    fn complete(&mut self, done: std::result::Result<Completion, tokio::task::JoinError>) {
        let Ok(Completion {
            broker,
            batches,
            result,
        }) = done
        else {
            // a panicked send task: nothing to attribute it to (cannot happen without a bug)
            return;
        };
        if let Some(n) = self.in_flight_per_broker.get_mut(&broker) {
            *n = n.saturating_sub(1);
        }
        for b in &batches {
            if let Some(p) = self.parts.get_mut(&(b.topic.clone(), b.partition)) {
                p.in_flight = p.in_flight.saturating_sub(1);
            }
        }
        match result {
            Ok(None) => {
                for b in batches {
                    self.deliver(b, -1);
                }
            }
            Ok(Some(resp)) => {
                for b in batches {
                    let answer = resp
                        .responses
                        .iter()
                        .find(|t| *t.name.0 == *b.topic)
                        .and_then(|t| {
                            t.partition_responses
                                .iter()
                                .find(|p| p.index == b.partition)
                        });
                    let Some(answer) = answer else {
                        let why = format!(
                            "the broker's Produce response has no answer for {}/{}",
                            b.topic, b.partition
                        );
                        self.fail(b, why);
                        continue;
                    };
                    match ResponseError::try_from_code(answer.error_code) {
                        None => self.deliver(b, answer.base_offset),
                        Some(ResponseError::DuplicateSequenceNumber) => self.deliver(b, -1),
                        Some(e) => {
                            let err = KafkaError::broker(
                                format!("producing to {}/{}", b.topic, b.partition),
                                e,
                                answer.error_message.as_ref().map(|m| m.to_string()),
                            )
                            .as_denied("Write", format!("to topic {}", b.topic));
                            if retriable(e) {
                                self.retry(b, err);
                            } else {
                                self.fail(b, err.to_string());
                            }
                        }
                    }
                }
            }
            Err(e) if e.is_retriable() || matches!(e, KafkaError::Timeout { .. }) => {
                let why = e.to_string();
                for b in batches {
                    self.retry(b, KafkaError::Config(why.clone()));
                }
            }
            Err(e) => {
                let why = e.to_string();
                for b in batches {
                    self.fail(b, why.clone());
                }
            }
        }
    }

    fn retry(&mut self, mut batch: Sealed, err: KafkaError) {
        batch.attempts += 1;
        if batch.attempts >= MAX_ATTEMPTS {
            self.fail(
                batch,
                format!("{err} (gave up after {MAX_ATTEMPTS} attempts)"),
            );
            return;
        }
        tracing::debug!(topic = %batch.topic, partition = batch.partition, attempt = batch.attempts, error = %err, "retrying a batch");
        self.need_metadata = true;
        let backoff = self.client.options().backoff.delay(batch.attempts);
        batch.not_before = Some(Instant::now() + backoff);
        let part = self
            .parts
            .entry((batch.topic.clone(), batch.partition))
            .or_default();
        part.blocked = true;
        // keep sequence order: retried batches go back before every later one
        let at = part
            .ready
            .iter()
            .position(|r| r.base_sequence > batch.base_sequence || batch.base_sequence < 0)
            .unwrap_or(part.ready.len());
        part.ready.insert(at, batch);
    }

    fn deliver(&mut self, b: Sealed, base_offset: i64) {
        self.report(b, base_offset, None);
    }

    fn fail(&mut self, b: Sealed, why: String) {
        self.report(b, -1, Some(why));
    }

    /// Hands a batch's outcome to the caller and frees its buffer space.
    fn report(&mut self, b: Sealed, base_offset: i64, error: Option<String>) {
        self.buffered = self.buffered.saturating_sub(b.bytes);
        self.deliveries.push(Delivery {
            topic: b.topic,
            partition: b.partition,
            base_offset,
            ids: b.ids,
            bytes: b.bytes,
            error,
        });
    }

    fn seal_expired(&mut self) -> Result<()> {
        let now = Instant::now();
        let linger = self.opts.linger;
        let due: Vec<TopicPartition> = self
            .parts
            .iter()
            .filter(|(_, p)| p.open_since.is_some_and(|t| now >= t + linger))
            .map(|(k, _)| k.clone())
            .collect();
        for k in due {
            self.seal(&k)?;
        }
        Ok(())
    }

    fn next_deadline(&self) -> Option<Instant> {
        let linger = self.opts.linger;
        self.parts
            .values()
            .flat_map(|p| {
                let open = p.open_since.map(|t| t + linger);
                let retry = p.ready.front().and_then(|b| b.not_before);
                let waiting = (!p.ready.is_empty() && p.in_flight == 0 && retry.is_none())
                    .then(|| Instant::now() + Duration::from_millis(100));
                [open, retry, waiting]
            })
            .flatten()
            .min()
    }

    /// Starts a metadata refresh when one is needed and none is under way.
    fn start_refresh(&mut self) {
        if !self.need_metadata || self.refreshing.is_some() {
            return;
        }
        let client = self.client.clone();
        let topics: Vec<String> = self.partitions.keys().map(|t| t.to_string()).collect();
        self.refreshing = Some(tokio::spawn(async move {
            client.metadata(Some(&topics)).await.map(|_| ())
        }));
    }

    /// Waits for an answer, a linger deadline, a retry time or the end of a metadata refresh, and
    /// acts on it. Cancel-safe: dropping it before it finishes loses nothing, and a refresh it
    /// started goes on. Pending forever when there is nothing to wait for.
    pub async fn tick(&mut self) -> Result<()> {
        self.start_refresh();
        let deadline = self.next_deadline();
        tokio::select! {
            r = refreshed(&mut self.refreshing) => {
                self.refreshing = None;
                match r {
                    Ok(Ok(())) => self.need_metadata = false,
                    Ok(Err(e)) => tracing::debug!(error = %e, "metadata refresh failed; will retry"),
                    Err(e) => tracing::debug!(error = %e, "metadata refresh task failed; will retry"),
                }
            }
            Some(done) = self.in_flight.join_next(), if !self.in_flight.is_empty() => self.complete(done),
            _ = tokio::time::sleep_until(deadline.unwrap_or_else(Instant::now)), if deadline.is_some() => {}
        }
        self.seal_expired()?;
        self.dispatch();
        Ok(())
    }

    /// Sends every buffered record and waits until each batch is delivered or failed.
    pub async fn flush(&mut self) -> Result<()> {
        let keys: Vec<TopicPartition> = self.parts.keys().cloned().collect();
        for k in keys {
            self.seal(&k)?;
        }
        self.dispatch();
        while !self.in_flight.is_empty() || self.parts.values().any(|p| !p.ready.is_empty()) {
            self.tick().await?;
        }
        Ok(())
    }

    /// The batch outcomes since the last call.
    pub fn take_deliveries(&mut self) -> Vec<Delivery> {
        std::mem::take(&mut self.deliveries)
    }
}

/// The end of the metadata refresh under way; pending forever when there is none.
async fn refreshed(
    task: &mut Option<tokio::task::JoinHandle<Result<()>>>,
) -> std::result::Result<Result<()>, tokio::task::JoinError> {
    match task {
        Some(t) => t.await,
        None => std::future::pending().await,
    }
}
