//! The fetcher: reads assigned partitions with one Fetch request per leader broker (all its
//! partitions at once), keeps the next request in flight while the caller handles the records of
//! the last one, decodes batches with evctl's lossless codec, and, when reading committed data,
//! drops aborted transactions and transaction markers.
//!
//! A partition with a stop offset is done once its next offset reaches the stop, whatever offsets
//! the records had: the position moves past every batch, control batches and compacted gaps
//! included, so "exit at end" cannot hang on offsets that hold no record.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::fetch_request::{FetchPartition, FetchTopic};
use kafka_protocol::messages::{FetchRequest, TopicName};
use kafka_protocol::protocol::StrBytes;
use tokio::sync::mpsc;

use super::batch;
use super::cluster::Client;
use super::error::{KafkaError, Result};
use super::fetch_stream::{ChunkReader, FetchEvent, parse_fetch};
use super::offsets::{Isolation, log_bounds};
use crate::record::{Message, Record, TimestampType};

/// Fetch settings.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Which records are visible.
    pub isolation: Isolation,
    /// How long the broker may hold a fetch open waiting for data.
    pub max_wait: Duration,
    /// Upper bound of one response.
    pub max_bytes: i32,
    /// Upper bound per partition in one response (the broker still returns one whole batch
    /// when the first batch is bigger).
    pub partition_max_bytes: i32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            isolation: Isolation::ReadCommitted,
            max_wait: Duration::from_millis(500),
            max_bytes: 16 * 1024 * 1024,
            partition_max_bytes: 8 * 1024 * 1024,
        }
    }
}

/// One partition to read, from `start` (inclusive) to `stop` (exclusive; None = follow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub topic: String,
    pub partition: i32,
    pub start: i64,
    pub stop: Option<i64>,
}

#[derive(Debug)]
struct PartState {
    topic: Arc<str>,
    partition: i32,
    next: i64,
    stop: Option<i64>,
    in_flight: bool,
    reset: bool,
    max_bytes: i32,
    /// Aborted transactions not yet passed: (first offset, producer id), smallest first.
    aborted: BinaryHeap<std::cmp::Reverse<(i64, i64)>>,
    /// Producers whose open transaction is aborted: their data batches are skipped until the
    /// abort marker.
    aborting: HashSet<i64>,
    /// Batches in a row that ended before `next`: a broker that keeps answering with them would
    /// stall the reader forever.
    stale: u32,
}

/// Batches in a row ending before the fetch offset after which the broker is refused. A real
/// broker sends at most the batch holding the fetch offset's predecessors before moving on.
const MAX_STALE: u32 = 100;

impl PartState {
    fn done(&self) -> bool {
        self.stop.is_some_and(|s| self.next >= s)
    }
}

/// What the fetch tasks report, per broker, in the order of each response.
enum Event {
    /// Something of the response being read.
    Item(i32, FetchEvent),
    /// The response (or the request) ended.
    End(i32, Result<()>),
}

/// A warning the caller may show (records deleted under the reader, a reset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice(pub String);

/// Reads a set of partitions.
pub struct Fetcher {
    client: Arc<Client>,
    opts: FetchOptions,
    parts: Vec<PartState>,
    index: HashMap<(Arc<str>, i32), usize>,
    events: mpsc::Receiver<Event>,
    events_tx: mpsc::Sender<Event>,
    /// Brokers with a fetch in flight, and the partitions it asked for.
    busy: HashMap<i32, Vec<usize>>,
    /// The partition whose batches each broker's response is streaming now.
    current: HashMap<i32, Option<usize>>,
    need_metadata: bool,
    notices: Vec<Notice>,
    retry_pause: u32,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("partitions", &self.parts.len())
            .finish()
    }
}

impl Fetcher {
    /// A fetcher over `assignments`.
    pub fn new(client: Arc<Client>, opts: FetchOptions, assignments: Vec<Assignment>) -> Self {
        let (events_tx, events) = mpsc::channel(16);
        let mut f = Fetcher {
            client,
            opts,
            parts: Vec::with_capacity(assignments.len()),
            index: HashMap::new(),
            events,
            events_tx,
            busy: HashMap::new(),
            current: HashMap::new(),
            need_metadata: false,
            notices: Vec::new(),
            retry_pause: 0,
        };
        f.add(assignments);
        f
    }

    /// Adds partitions to read (a topic or partition created after the start); partitions
    /// already assigned are left as they are. They are fetched from the next request on.
    pub fn add(&mut self, assignments: Vec<Assignment>) {
        for a in assignments {
            let topic: Arc<str> = Arc::from(a.topic.as_str());
            if self.index.contains_key(&(topic.clone(), a.partition)) {
                continue;
            }
            self.index
                .insert((topic.clone(), a.partition), self.parts.len());
            self.parts.push(PartState {
                topic,
                partition: a.partition,
                next: a.start,
                stop: a.stop,
                in_flight: false,
                reset: false,
                max_bytes: self.opts.partition_max_bytes,
                aborted: BinaryHeap::new(),
                aborting: HashSet::new(),
                stale: 0,
            });
        }
    }

    /// True when `topic`/`partition` is assigned.
    pub fn has(&self, topic: &str, partition: i32) -> bool {
        self.index.contains_key(&(Arc::from(topic), partition))
    }

    /// True when every partition reached its stop offset.
    pub fn finished(&self) -> bool {
        self.parts.iter().all(PartState::done)
    }

    /// The next offset to read of each partition (what a consumer group would commit).
    pub fn positions(&self) -> Vec<((String, i32), i64)> {
        self.parts
            .iter()
            .map(|p| ((p.topic.to_string(), p.partition), p.next))
            .collect()
    }

    /// Ends the partitions for which `f(topic, partition)` is true: nothing more is read of them.
    pub fn stop_where(&mut self, f: impl Fn(&str, i32) -> bool) {
        for p in &mut self.parts {
            if !p.done() && f(&p.topic, p.partition) {
                p.stop = Some(p.next);
            }
        }
    }

    /// Warnings since the last call.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// The next records, in offset order per partition (at most one batch's worth); `None` once
    /// every partition is done. An empty vector means progress without new records (markers, a
    /// response ending, a wait that timed out in follow mode). Cancel-safe.
    pub async fn poll(&mut self) -> Result<Option<Vec<Record>>> {
        loop {
            if self.finished() {
                return Ok(None);
            }
            if self.busy.is_empty() {
                self.prepare().await?;
                self.spawn_fetches();
                if self.busy.is_empty() {
                    // nothing could be sent (no leader yet): wait and refresh
                    self.need_metadata = true;
                    self.pause().await;
                    continue;
                }
            }
            let Some(event) = self.events.recv().await else {
                return Err(KafkaError::Config("the fetch tasks stopped".into()));
            };
            match event {
                Event::Item(broker, item) => {
                    let out = self.item(broker, item)?;
                    if !out.is_empty() {
                        return Ok(Some(out));
                    }
                }
                Event::End(broker, result) => {
                    self.end(broker, result)?;
                    if !self.need_metadata && !self.parts.iter().any(|p| p.reset) {
                        self.spawn_fetches();
                    }
                    return Ok(Some(Vec::new()));
                }
            }
        }
    }

    async fn pause(&mut self) {
        self.retry_pause = (self.retry_pause + 1).min(8);
        tokio::time::sleep(self.client.options().backoff.delay(self.retry_pause)).await;
    }

    /// Metadata refresh and offset resets, before sending.
    async fn prepare(&mut self) -> Result<()> {
        if self.need_metadata {
            let mut topics: Vec<String> = self.parts.iter().map(|p| p.topic.to_string()).collect();
            topics.sort();
            topics.dedup();
            self.client.metadata(Some(&topics)).await?;
            self.need_metadata = false;
        }
        let resets: Vec<usize> = (0..self.parts.len())
            .filter(|&i| self.parts[i].reset && !self.parts[i].in_flight)
            .collect();
        if resets.is_empty() {
            return Ok(());
        }
        let tps: Vec<(String, i32)> = resets
            .iter()
            .map(|&i| (self.parts[i].topic.to_string(), self.parts[i].partition))
            .collect();
        let (earliest, latest) = log_bounds(&self.client, &tps, self.opts.isolation).await?;
        for i in resets {
            let p = &mut self.parts[i];
            let tp = (p.topic.to_string(), p.partition);
            let (lo, hi) = (
                earliest.get(&tp).copied().unwrap_or(0),
                latest.get(&tp).copied().unwrap_or(0),
            );
            let to = if p.next < lo { lo } else { hi };
            self.notices.push(Notice(format!(
                "{}/{}: offset {} is out of range ({lo}..{hi}); continuing at {to}{}",
                p.topic,
                p.partition,
                p.next,
                if p.next < lo {
                    " (records were deleted)"
                } else {
                    ""
                }
            )));
            p.next = to;
            p.reset = false;
        }
        Ok(())
    }

    fn spawn_fetches(&mut self) {
        let meta = self.client.cached_metadata();
        let mut by_broker: HashMap<i32, Vec<usize>> = HashMap::new();
        for (i, p) in self.parts.iter().enumerate() {
            if p.done() || p.in_flight || p.reset {
                continue;
            }
            match meta.leader(&p.topic, p.partition) {
                Some(l) if !self.busy.contains_key(&l) => by_broker.entry(l).or_default().push(i),
                Some(_) => {}
                None => self.need_metadata = true,
            }
        }
        for (broker, idxs) in by_broker {
            let mut topics: Vec<FetchTopic> = Vec::new();
            for &i in &idxs {
                let p = &mut self.parts[i];
                p.in_flight = true;
                let fp = FetchPartition::default()
                    .with_partition(p.partition)
                    .with_fetch_offset(p.next)
                    .with_current_leader_epoch(-1)
                    .with_last_fetched_epoch(-1)
                    .with_log_start_offset(-1)
                    .with_partition_max_bytes(p.max_bytes);
                match topics.iter_mut().find(|t| *t.topic.0 == *p.topic) {
                    Some(t) => t.partitions.push(fp),
                    None => topics.push(
                        FetchTopic::default()
                            .with_topic(TopicName(StrBytes::from_string(p.topic.to_string())))
                            .with_partitions(vec![fp]),
                    ),
                }
            }
            self.busy.insert(broker, idxs);
            let req = FetchRequest::default()
                .with_replica_id((-1).into())
                .with_max_wait_ms(self.opts.max_wait.as_millis().min(i32::MAX as u128) as i32)
                .with_min_bytes(1)
                .with_max_bytes(self.opts.max_bytes)
                .with_isolation_level(self.opts.isolation.code())
                .with_session_id(0)
                .with_session_epoch(-1)
                .with_topics(topics);
            let client = self.client.clone();
            let idle = client.options().timeout + self.opts.max_wait;
            let tx = self.events_tx.clone();
            tokio::spawn(async move {
                let result = async {
                    let conn = client.fetch_connection(broker).await?;
                    let version = conn.version_for::<FetchRequest>()?;
                    if version < 4 {
                        return Err(KafkaError::Config(format!(
                            "broker {} supports only Fetch v{version}: evctl needs v4 or later (message format v2)",
                            conn.addr()
                        )));
                    }
                    let chunks = conn.request_stream(&req, version).await?;
                    let mut reader = ChunkReader::new(chunks, idle, conn.addr().to_string());
                    let (itx, mut irx) = mpsc::channel(8);
                    let forward = async {
                        while let Some(item) = irx.recv().await {
                            if tx.send(Event::Item(broker, item)).await.is_err() {
                                break;
                            }
                        }
                    };
                    let parse = async {
                        let r = parse_fetch(&mut reader, version, &itx).await;
                        drop(itx);
                        r
                    };
                    let (r, ()) = tokio::join!(parse, forward);
                    r
                }
                .await;
                let _ = tx.send(Event::End(broker, result)).await;
            });
        }
    }

    /// Handles one parsed item of a broker's response; returns the visible records.
    fn item(&mut self, broker: i32, item: FetchEvent) -> Result<Vec<Record>> {
        let mut out = Vec::new();
        match item {
            FetchEvent::Error(code) => {
                if let Some(e) = ResponseError::try_from_code(code) {
                    return Err(KafkaError::broker("fetching records", e, None));
                }
            }
            FetchEvent::Partition {
                topic,
                partition,
                error_code,
                aborted,
                ..
            } => {
                let idx = self
                    .index
                    .get(&(Arc::from(topic.as_str()), partition))
                    .copied();
                let mut current = idx;
                match ResponseError::try_from_code(error_code) {
                    None => {}
                    Some(ResponseError::OffsetOutOfRange) => {
                        if let Some(i) = idx {
                            self.parts[i].reset = true;
                        }
                        current = None;
                    }
                    Some(e) if e.is_retriable() => {
                        tracing::debug!(%topic, partition, error = ?e, "retriable fetch error");
                        self.need_metadata = true;
                        current = None;
                    }
                    Some(e) => {
                        return Err(KafkaError::broker(
                            format!("fetching {topic}/{partition}"),
                            e,
                            None,
                        )
                        .as_denied("Read", format!("topic {topic}")));
                    }
                }
                if let Some(i) = current {
                    self.retry_pause = 0;
                    if self.opts.isolation == Isolation::ReadCommitted {
                        let p = &mut self.parts[i];
                        for (pid, first) in aborted {
                            p.aborted.push(std::cmp::Reverse((first, pid)));
                        }
                    }
                }
                self.current.insert(broker, current);
            }
            FetchEvent::Batch(bytes) => {
                if let Some(i) = self.current.get(&broker).copied().flatten() {
                    let p = &mut self.parts[i];
                    if p.done() {
                        return Ok(out);
                    }
                    let b = batch::decode_batch(bytes).map_err(|e| KafkaError::Protocol {
                        addr: format!("{}/{}", p.topic, p.partition),
                        reason: e.to_string(),
                    })?;
                    let at = p.next;
                    accept(p, vec![b], &mut out);
                    if p.stale >= MAX_STALE {
                        return Err(KafkaError::Protocol {
                            addr: format!("{}/{}", p.topic, p.partition),
                            reason: format!(
                                "the broker answered {MAX_STALE} fetches at offset {at} with batches that end before it: refused (a broken or hostile broker)"
                            ),
                        });
                    }
                }
            }
            FetchEvent::Truncated => {
                if let Some(i) = self.current.get(&broker).copied().flatten() {
                    // the first batch is bigger than we asked for: ask for more next time
                    let p = &mut self.parts[i];
                    p.max_bytes = p.max_bytes.saturating_mul(2).min(256 * 1024 * 1024);
                }
            }
        }
        Ok(out)
    }

    /// A broker's response ended: its partitions may be fetched again.
    fn end(&mut self, broker: i32, result: Result<()>) -> Result<()> {
        for i in self.busy.remove(&broker).unwrap_or_default() {
            self.parts[i].in_flight = false;
        }
        self.current.remove(&broker);
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.is_retriable() || matches!(e, KafkaError::Timeout { .. }) => {
                tracing::debug!(error = %e, "fetch failed; retrying");
                self.need_metadata = true;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}
/// Moves a partition past `batches` and appends its visible records to `out`.
fn accept(p: &mut PartState, batches: Vec<batch::Batch>, out: &mut Vec<Record>) {
    for b in batches {
        if b.last_offset < p.next {
            p.stale += 1;
            continue;
        }
        p.stale = 0;
        // transactions that began at or before this batch and were aborted
        while let Some(std::cmp::Reverse((first, pid))) = p.aborted.peek().copied() {
            if first > b.last_offset {
                break;
            }
            p.aborted.pop();
            p.aborting.insert(pid);
        }
        let skip = if b.control {
            // a marker (commit or abort) ends the producer's transaction either way
            p.aborting.remove(&b.producer_id);
            true
        } else {
            b.transactional && p.aborting.contains(&b.producer_id)
        };
        if !skip {
            let ts_type = if b.log_append_time {
                TimestampType::LogAppend
            } else {
                TimestampType::Create
            };
            for r in b.records {
                if r.offset < p.next || p.stop.is_some_and(|s| r.offset >= s) {
                    continue;
                }
                out.push(Record {
                    topic: p.topic.clone(),
                    at: crate::record::Position::Offset {
                        partition: p.partition,
                        offset: r.offset,
                    },
                    timestamp_type: ts_type,
                    msg: Message {
                        key: r.key,
                        value: r.value,
                        headers: r.headers,
                        timestamp: r.timestamp,
                        ..Message::default()
                    },
                });
            }
        }
        p.next = b.last_offset.saturating_add(1);
        if p.done() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::batch::{BatchBuilder, Compression, ProducerIdentity, control_is_commit};
    use bytes::Bytes;

    fn part(next: i64, stop: Option<i64>) -> PartState {
        PartState {
            topic: Arc::from("t"),
            partition: 0,
            next,
            stop,
            in_flight: false,
            reset: false,
            max_bytes: 1024,
            aborted: BinaryHeap::new(),
            aborting: HashSet::new(),
            stale: 0,
        }
    }

    /// A batch at `base` with records at the given offset deltas (gaps = compacted away).
    fn batch_at(base: i64, values: &[&str], last_delta: i32) -> batch::Batch {
        let mut b = BatchBuilder::default();
        for v in values {
            b.push(0, None, Some(v.as_bytes()), &[]);
        }
        let bytes = b
            .finish(Compression::None, ProducerIdentity::NONE, -1)
            .unwrap();
        let mut d = batch::decode_batch(bytes).unwrap();
        d.base_offset = base;
        for (i, r) in d.records.iter_mut().enumerate() {
            r.offset = base + i as i64 * 2; // every other offset compacted away
        }
        d.last_offset = base + i64::from(last_delta);
        d
    }

    fn values(out: &[Record]) -> Vec<String> {
        out.iter()
            .map(|r| {
                String::from_utf8_lossy(r.msg.value.as_deref().unwrap_or_default()).into_owned()
            })
            .collect()
    }

    /// A broker answering again and again with batches that end before the fetch offset is
    /// counted (the fetch loop refuses it at MAX_STALE); a batch that moves on resets the count.
    #[test]
    fn stale_batches_are_counted() {
        let mut p = part(20, None);
        let mut out = Vec::new();
        for _ in 0..3 {
            accept(&mut p, vec![batch_at(10, &["a", "b"], 1)], &mut out);
        }
        assert_eq!((p.stale, p.next), (3, 20));
        assert!(out.is_empty());
        accept(&mut p, vec![batch_at(20, &["c"], 0)], &mut out);
        assert_eq!((p.stale, p.next), (0, 21));
        assert_eq!(values(&out), ["c"]);
    }

    #[test]
    fn gaps_do_not_keep_a_partition_open() {
        // offsets 10, 12, 14 hold records; the batch spans 10..=17; the stop is 18
        let mut p = part(10, Some(18));
        let mut out = Vec::new();
        accept(&mut p, vec![batch_at(10, &["a", "b", "c"], 7)], &mut out);
        assert_eq!(values(&out), ["a", "b", "c"]);
        assert_eq!(p.next, 18);
        assert!(p.done());
    }

    #[test]
    fn stop_is_exclusive_and_earlier_offsets_are_skipped() {
        let mut p = part(12, Some(14));
        let mut out = Vec::new();
        accept(&mut p, vec![batch_at(10, &["a", "b", "c"], 5)], &mut out);
        assert_eq!(values(&out), ["b"]);
        assert!(p.done());
    }

    #[test]
    fn control_batches_move_the_position_and_are_not_records() {
        let mut p = part(0, Some(5));
        let mut out = Vec::new();
        let mut marker = batch_at(4, &["x"], 0);
        marker.control = true;
        marker.transactional = true;
        accept(&mut p, vec![batch_at(0, &["a", "b"], 3), marker], &mut out);
        assert_eq!(values(&out), ["a", "b"]);
        assert_eq!(p.next, 5);
        assert!(
            p.done(),
            "a trailing marker must not leave the partition open"
        );
    }

    #[test]
    fn aborted_transactions_are_dropped() {
        let mut p = part(0, None);
        p.aborted.push(std::cmp::Reverse((2, 7)));
        let mut out = Vec::new();
        let plain = batch_at(0, &["ok"], 1);
        let mut aborted = batch_at(2, &["gone"], 0);
        aborted.transactional = true;
        aborted.producer_id = 7;
        let mut abort_marker = batch_at(3, &["m"], 0);
        abort_marker.control = true;
        abort_marker.producer_id = 7;
        abort_marker.records[0].key = Some(Bytes::from_static(&[0, 0, 0, 0]));
        let mut committed = batch_at(4, &["later"], 0);
        committed.transactional = true;
        committed.producer_id = 7;
        accept(
            &mut p,
            vec![plain, aborted, abort_marker, committed],
            &mut out,
        );
        assert_eq!(values(&out), ["ok", "later"]);
        assert_eq!(p.next, 5);
    }

    #[test]
    fn commit_marker_type() {
        let r = batch::BatchRecord {
            offset: 0,
            timestamp: 0,
            key: Some(Bytes::from_static(&[0, 0, 0, 1])),
            value: None,
            headers: vec![],
        };
        assert_eq!(control_is_commit(&r), Some(true));
    }
}
