//! Kafka as a [`Source`] (partitions read by the [`Fetcher`], with a group's commits and new
//! partitions picked up while following) and a [`Sink`] (one topic, through the [`Producer`]).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Client;
use super::assign::{Selection, new_partitions};
use super::fetcher::Fetcher;
use super::offsets::{Isolation, TopicPartition, commit_offsets};
use super::producer::{Producer, ProducerOptions};
use crate::record::{Message, Place, Position, Record};
use crate::transport::{Delivery, Sink, Source};

/// How often a follow looks for new partitions, and new topics matching the pattern.
pub const TOPIC_REFRESH: Duration = Duration::from_secs(5);

/// Partitions read by a fetcher.
pub struct KafkaSource {
    client: Arc<Client>,
    fetcher: Fetcher,
    /// Commit the position to this group at each checkpoint.
    group: Option<String>,
    /// While following: the selection to look for new partitions of, and how often.
    follow: Option<(Selection, Duration)>,
    isolation: Isolation,
    last_refresh: Instant,
}

impl KafkaSource {
    /// A source over `fetcher`; with `group`, checkpoints commit its position; with `follow`,
    /// new partitions of the selection are added as they appear.
    pub fn new(
        client: Arc<Client>,
        fetcher: Fetcher,
        group: Option<String>,
        follow: Option<(Selection, Duration)>,
        isolation: Isolation,
    ) -> Self {
        KafkaSource {
            client,
            fetcher,
            group,
            follow,
            isolation,
            last_refresh: Instant::now(),
        }
    }
}

impl Source for KafkaSource {
    const ACKS: bool = false;

    async fn poll(&mut self) -> anyhow::Result<Option<Vec<Record>>> {
        Ok(self.fetcher.poll().await?)
    }

    fn take_notices(&mut self) -> Vec<String> {
        self.fetcher
            .take_notices()
            .into_iter()
            .map(|n| n.0)
            .collect()
    }

    // a Kafka group commits a position, not single records
    fn written(&mut self, _: &Record) {}

    fn checkpoints(&self) -> bool {
        self.group.is_some()
    }

    async fn checkpoint(&mut self, left: &[Record]) -> anyhow::Result<()> {
        if let Some(g) = &self.group {
            let positions = stopped_positions(&self.fetcher, left);
            commit_offsets(&self.client, g, &positions, "evctl tail").await?;
        }
        Ok(())
    }

    async fn refresh(&mut self) -> Vec<String> {
        let Some((selection, every)) = &self.follow else {
            return Vec::new();
        };
        if self.last_refresh.elapsed() < *every {
            return Vec::new();
        }
        self.last_refresh = Instant::now();
        let fetcher = &self.fetcher;
        match new_partitions(
            &self.client,
            selection,
            |t, p| fetcher.has(t, p),
            self.isolation,
        )
        .await
        {
            Ok(added) => {
                let names = added
                    .iter()
                    .map(|a| format!("{}/{}", a.topic, a.partition))
                    .collect();
                self.fetcher.add(added);
                names
            }
            // a failed refresh is not fatal: the next one may work
            Err(e) => {
                tracing::debug!(error = %e, "topic refresh failed");
                Vec::new()
            }
        }
    }
}

/// Positions to commit: the fetcher's, except for partitions with records left over (a stop in
/// the middle of a response), which restart at the first of them.
fn stopped_positions(fetcher: &Fetcher, left: &[Record]) -> Vec<(TopicPartition, i64)> {
    let mut first_left: HashMap<(&str, i32), i64> = HashMap::new();
    for r in left {
        if let Position::Offset { partition, offset } = r.at {
            first_left
                .entry((r.topic.as_ref(), partition))
                .and_modify(|o| *o = (*o).min(offset))
                .or_insert(offset);
        }
    }
    fetcher
        .positions()
        .into_iter()
        .map(|(tp, next)| {
            let at = first_left
                .get(&(tp.0.as_str(), tp.1))
                .copied()
                .unwrap_or(next);
            (tp, at)
        })
        .collect()
}

/// One topic, written by a producer.
pub struct KafkaSink {
    producer: Producer,
    topic: Arc<str>,
}

impl KafkaSink {
    /// A sink to `topic` (which must exist).
    pub async fn new(mut producer: Producer, topic: Arc<str>) -> anyhow::Result<Self> {
        producer.partition_count(&topic).await?;
        Ok(KafkaSink { producer, topic })
    }

    /// Starts a producer to `topic`, refusing a topic this principal may not see and a
    /// `partition` it does not have (a usage error) before anything is sent.
    pub async fn connect(
        client: Arc<Client>,
        topic: &str,
        opts: ProducerOptions,
        partition: Option<i32>,
    ) -> anyhow::Result<Self> {
        client.topic(topic).await?;
        let mut producer = Producer::start(client, opts).await.map_err(|e| match e {
            // Kafka grants an idempotent producer's id to principals with Write on any topic
            super::KafkaError::Denied {
                operation: "IdempotentWrite",
                ..
            } => super::KafkaError::denied("Write", format!("to topic {topic}")),
            e => e,
        })?;
        let topic: Arc<str> = Arc::from(topic);
        let partitions = producer.partition_count(&topic).await?;
        if let Some(p) = partition
            && !(0..partitions).contains(&p)
        {
            let last = partitions - 1;
            return Err(crate::error::usage(format!(
                "--partition {p}: {topic} has partitions 0..{last}"
            )));
        }
        Ok(KafkaSink { producer, topic })
    }
}

impl Sink for KafkaSink {
    async fn refuse(&mut self, place: Option<Place>, _: &Message) -> Option<String> {
        let Some(Place::Partition(p)) = place else {
            return None;
        };
        let n = self.producer.partition_count(&self.topic).await.ok()?;
        (!(0..n).contains(&p)).then(|| {
            format!(
                "partition {p} does not exist ({} has partitions 0..{})",
                self.topic,
                n - 1
            )
        })
    }

    async fn send(&mut self, id: u64, place: Option<Place>, msg: Message) -> anyhow::Result<()> {
        // a stream id means nothing to a topic: the partitioner places the record
        let partition = match place {
            Some(Place::Partition(p)) => Some(p),
            _ => None,
        };
        Ok(self
            .producer
            .send(id, self.topic.clone(), partition, msg)
            .await?)
    }

    async fn tick(&mut self) -> anyhow::Result<()> {
        Ok(self.producer.tick().await?)
    }

    async fn flush(&mut self) -> anyhow::Result<()> {
        Ok(self.producer.flush().await?)
    }

    fn take_deliveries(&mut self) -> Vec<Delivery> {
        self.producer
            .take_deliveries()
            .into_iter()
            .map(|d| Delivery {
                ids: d.ids,
                bytes: d.bytes,
                at: Some(Position::Offset {
                    partition: d.partition,
                    offset: d.base_offset,
                }),
                error: d.error,
            })
            .collect()
    }

    fn idempotent(&self) -> bool {
        self.producer.idempotent()
    }
}
