//! Reads a Fetch response (v4 to v12) as it arrives, batch by batch, so memory stays bounded even
//! when a broker ignores the request's size limits and answers with a whole log at once.
//!
//! The parser walks the response's fields in order from the chunk stream of
//! [`super::conn::Connection::request_stream`] and emits [`FetchEvent`]s: a partition's header,
//! then each complete record batch of it (raw, decoded by the fetcher), then the end.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use tokio::sync::mpsc;

use super::conn::ResponseChunks;
use super::error::{KafkaError, Result};

/// One aborted transaction of a partition: (producer id, first offset).
pub type AbortedTxn = (i64, i64);

/// What the parser found, in response order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchEvent {
    /// The top-level error code (sessions), when not 0.
    Error(i16),
    /// The header of a partition's answer; its batches follow.
    Partition {
        topic: String,
        partition: i32,
        error_code: i16,
        high_watermark: i64,
        aborted: Vec<AbortedTxn>,
    },
    /// One complete record batch of the current partition.
    Batch(Bytes),
    /// The partition's records ended inside a batch and no complete batch came before it (the
    /// first batch is bigger than the size limit asked for).
    Truncated,
}

/// Incremental reads over a response's chunks.
pub struct ChunkReader {
    rx: ResponseChunks,
    cur: Bytes,
    idle: Duration,
    addr: String,
}

impl ChunkReader {
    /// Reads `rx`, failing when no chunk comes for `idle`.
    pub fn new(rx: ResponseChunks, idle: Duration, addr: String) -> Self {
        ChunkReader {
            rx,
            cur: Bytes::new(),
            idle,
            addr,
        }
    }

    async fn fill(&mut self) -> Result<()> {
        while self.cur.is_empty() {
            match tokio::time::timeout(self.idle, self.rx.recv()).await {
                Ok(Some(Ok(b))) => self.cur = b,
                Ok(Some(Err(reason))) => return Err(super::conn::broken(&self.addr, reason)),
                Ok(None) => {
                    return Err(KafkaError::Protocol {
                        addr: self.addr.clone(),
                        reason: "the Fetch response ended before its last field".into(),
                    });
                }
                Err(_) => {
                    return Err(KafkaError::Timeout {
                        what: format!("Fetch response from {}", self.addr),
                        after: self.idle,
                    });
                }
            }
        }
        Ok(())
    }

    /// The next `n` bytes.
    pub async fn bytes(&mut self, n: usize) -> Result<Bytes> {
        self.fill().await?;
        if self.cur.len() >= n {
            return Ok(self.cur.split_to(n));
        }
        // `n` comes from the peer: grow with what arrives (the frame's own limit bounds it)
        let mut out = BytesMut::with_capacity(n.min(1024 * 1024));
        while out.len() < n {
            self.fill().await?;
            let take = (n - out.len()).min(self.cur.len());
            out.extend_from_slice(&self.cur.split_to(take));
        }
        Ok(out.freeze())
    }

    /// Skips `n` bytes.
    pub async fn skip(&mut self, mut n: usize) -> Result<()> {
        while n > 0 {
            self.fill().await?;
            let take = n.min(self.cur.len());
            let _ = self.cur.split_to(take);
            n -= take;
        }
        Ok(())
    }

    async fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let b = self.bytes(N).await?;
        let mut a = [0u8; N];
        a.copy_from_slice(&b);
        Ok(a)
    }

    async fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_be_bytes(self.array().await?))
    }
    async fn i32(&mut self) -> Result<i32> {
        Ok(i32::from_be_bytes(self.array().await?))
    }
    async fn i64(&mut self) -> Result<i64> {
        Ok(i64::from_be_bytes(self.array().await?))
    }

    async fn uvarint(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.array::<1>().await?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.bad("a varint longer than 10 bytes"))
    }

    fn bad(&self, what: &str) -> KafkaError {
        KafkaError::Protocol {
            addr: self.addr.clone(),
            reason: format!("malformed Fetch response: {what}"),
        }
    }

    /// Skips a flexible version's tagged fields.
    async fn tagged_fields(&mut self) -> Result<()> {
        let n = self.uvarint().await?;
        for _ in 0..n {
            let _tag = self.uvarint().await?;
            let size = self.uvarint().await?;
            self.skip(size as usize).await?;
        }
        Ok(())
    }

    /// An array length: compact (`n + 1`, 0 = null) or classic (i32, -1 = null). None for null.
    async fn len(&mut self, flexible: bool) -> Result<Option<usize>> {
        if flexible {
            let n = self.uvarint().await?;
            Ok(n.checked_sub(1).map(|n| n as usize))
        } else {
            let n = self.i32().await?;
            Ok((n >= 0).then_some(n as usize))
        }
    }

    async fn string(&mut self, flexible: bool) -> Result<String> {
        let n = if flexible {
            self.uvarint()
                .await?
                .checked_sub(1)
                .ok_or_else(|| self.bad("null topic name"))? as usize
        } else {
            let n = self.i16().await?;
            usize::try_from(n).map_err(|_| self.bad("null topic name"))?
        };
        let b = self.bytes(n).await?;
        String::from_utf8(b.to_vec()).map_err(|_| self.bad("a topic name that is not UTF-8"))
    }
}

/// Parses a Fetch response body (after the correlation id) of `version` (4..=12) and sends its
/// events; stops early (without error) when the receiver is gone.
pub async fn parse_fetch(
    r: &mut ChunkReader,
    version: i16,
    tx: &mpsc::Sender<FetchEvent>,
) -> Result<()> {
    let flexible = version >= 12;
    if flexible {
        r.tagged_fields().await?; // response header v1
    }
    let _throttle = r.i32().await?;
    if version >= 7 {
        let code = r.i16().await?;
        let _session = r.i32().await?;
        if code != 0 && tx.send(FetchEvent::Error(code)).await.is_err() {
            return Ok(());
        }
    }
    let topics = r.len(flexible).await?.unwrap_or(0);
    for _ in 0..topics {
        let topic = r.string(flexible).await?;
        let partitions = r.len(flexible).await?.unwrap_or(0);
        for _ in 0..partitions {
            let partition = r.i32().await?;
            let error_code = r.i16().await?;
            let high_watermark = r.i64().await?;
            let _last_stable = r.i64().await?;
            if version >= 5 {
                let _log_start = r.i64().await?;
            }
            let mut aborted = Vec::new();
            if let Some(n) = r.len(flexible).await? {
                for _ in 0..n {
                    let pid = r.i64().await?;
                    let first = r.i64().await?;
                    if flexible {
                        r.tagged_fields().await?;
                    }
                    aborted.push((pid, first));
                }
            }
            if version >= 11 {
                let _preferred_replica = r.i32().await?;
            }
            let header = FetchEvent::Partition {
                topic: topic.clone(),
                partition,
                error_code,
                high_watermark,
                aborted,
            };
            if tx.send(header).await.is_err() {
                return Ok(());
            }
            let size = r.len(flexible).await?.unwrap_or(0);
            if !batches(r, size, tx).await? {
                return Ok(());
            }
            if flexible {
                r.tagged_fields().await?;
            }
        }
        if flexible {
            r.tagged_fields().await?;
        }
    }
    if flexible {
        r.tagged_fields().await?;
    }
    Ok(())
}

/// Splits `size` bytes of records into batches. False when the receiver is gone.
async fn batches(r: &mut ChunkReader, size: usize, tx: &mpsc::Sender<FetchEvent>) -> Result<bool> {
    let mut left = size;
    let mut sent_any = false;
    while left >= 12 {
        let head = r.bytes(12).await?;
        let len = i32::from_be_bytes([head[8], head[9], head[10], head[11]]);
        let len = usize::try_from(len).map_err(|_| r.bad("a negative batch length"))?;
        left -= 12;
        if len > left {
            // cut off by the size limit: the rest is not a whole batch
            r.skip(left).await?;
            if !sent_any && tx.send(FetchEvent::Truncated).await.is_err() {
                return Ok(false);
            }
            return Ok(true);
        }
        let body = r.bytes(len).await?;
        left -= len;
        let mut batch = BytesMut::with_capacity(12 + len);
        batch.extend_from_slice(&head);
        batch.extend_from_slice(&body);
        if tx.send(FetchEvent::Batch(batch.freeze())).await.is_err() {
            return Ok(false);
        }
        sent_any = true;
    }
    r.skip(left).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::batch::{BatchBuilder, Compression, ProducerIdentity};
    use kafka_protocol::messages::fetch_response::{
        AbortedTransaction, FetchableTopicResponse, PartitionData,
    };
    use kafka_protocol::messages::{FetchResponse, TopicName};
    use kafka_protocol::protocol::{Encodable, StrBytes};

    fn batch(values: &[&str]) -> Bytes {
        let mut b = BatchBuilder::default();
        for v in values {
            b.push(0, None, Some(v.as_bytes()), &[]);
        }
        b.finish(Compression::None, ProducerIdentity::NONE, -1)
            .unwrap()
    }

    fn response(records: Bytes) -> FetchResponse {
        FetchResponse::default().with_responses(vec![
            FetchableTopicResponse::default()
                .with_topic(TopicName(StrBytes::from_static_str("orders")))
                .with_partitions(vec![
                    PartitionData::default()
                        .with_partition_index(3)
                        .with_high_watermark(42)
                        .with_aborted_transactions(Some(vec![
                            AbortedTransaction::default()
                                .with_producer_id(7.into())
                                .with_first_offset(5),
                        ]))
                        .with_records(Some(records)),
                    PartitionData::default()
                        .with_partition_index(4)
                        .with_error_code(1)
                        .with_records(None),
                ]),
        ])
    }

    async fn parse_in_chunks(body: Bytes, version: i16, chunk: usize) -> Vec<FetchEvent> {
        let (ctx, crx) = mpsc::channel(1024);
        let mut at = 0;
        while at < body.len() {
            let end = (at + chunk).min(body.len());
            ctx.send(Ok(body.slice(at..end))).await.unwrap();
            at = end;
        }
        drop(ctx);
        let (tx, mut rx) = mpsc::channel(1024);
        let mut r = ChunkReader::new(crx, Duration::from_secs(1), "test".into());
        parse_fetch(&mut r, version, &tx).await.unwrap();
        drop(tx);
        let mut out = Vec::new();
        while let Some(e) = rx.recv().await {
            out.push(e);
        }
        out
    }

    #[tokio::test]
    async fn every_version_in_any_chunking() {
        let b1 = batch(&["a", "b"]);
        let b2 = batch(&["c"]);
        let mut both = BytesMut::new();
        both.extend_from_slice(&b1);
        both.extend_from_slice(&b2);
        // a truncated third batch after the two complete ones
        both.extend_from_slice(&b1[..20]);
        let resp = response(both.freeze());
        for version in [4i16, 5, 7, 11, 12] {
            let mut body = BytesMut::new();
            if version >= 12 {
                body.extend_from_slice(&[0]); // response header v1: no tagged fields
            }
            resp.encode(&mut body, version).unwrap();
            let body = body.freeze();
            for chunk in [1, 7, 4096] {
                let events = parse_in_chunks(body.clone(), version, chunk).await;
                let aborted = if version >= 4 { vec![(7, 5)] } else { vec![] };
                assert_eq!(
                    events,
                    vec![
                        FetchEvent::Partition {
                            topic: "orders".into(),
                            partition: 3,
                            error_code: 0,
                            high_watermark: 42,
                            aborted,
                        },
                        FetchEvent::Batch(b1.clone()),
                        FetchEvent::Batch(b2.clone()),
                        FetchEvent::Partition {
                            topic: "orders".into(),
                            partition: 4,
                            error_code: 1,
                            high_watermark: 0,
                            aborted: vec![],
                        },
                    ],
                    "v{version}, chunks of {chunk}"
                );
            }
        }
    }

    #[tokio::test]
    async fn a_first_batch_too_big_is_reported() {
        let b1 = batch(&["a"]);
        let resp = response(b1.slice(..30));
        let mut body = BytesMut::new();
        resp.encode(&mut body, 11).unwrap();
        let events = parse_in_chunks(body.freeze(), 11, 5).await;
        assert_eq!(events[1], FetchEvent::Truncated);
    }
}
