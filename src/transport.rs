//! The seam between the engines (`tail`, `publish`) and the transports that hold records: a
//! [`Source`] the read loop polls and a [`Sink`] the send loop feeds (architecture.md §3.3). Kafka
//! (`kafka::source`, `kafka::producer`) and Redis Streams (`redis::stream`) implement both; the
//! engines are generic over them (static dispatch, one `match` on the transport in `cli/`).
//!
//! Everything crossing the seam is the model's: [`Record`] and [`Message`] with a [`Position`]
//! or a [`Place`], and plain strings for what the caller shows.

use crate::record::{Message, Place, Position, Record};

/// Where records are read from: partitions of topics, or streams.
#[allow(async_fn_in_trait)] // evctl runs a current-thread runtime: no Send bound wanted
pub trait Source {
    /// True when a group's progress is saved by acknowledging records one by one (Redis), false
    /// when it is a position (Kafka).
    const ACKS: bool;

    /// The next records read, in order per partition or stream; `None` once every stop is
    /// reached (a read to the end).
    async fn poll(&mut self) -> anyhow::Result<Option<Vec<Record>>>;

    /// Warnings since the last call (records deleted under the reader, a position reset).
    fn take_notices(&mut self) -> Vec<String>;

    /// The record was written. A source read as a consumer group acknowledges written records
    /// at the next checkpoint, and only them.
    fn written(&mut self, r: &Record);

    /// Whether a checkpoint saves anything (the source reads as a consumer group).
    fn checkpoints(&self) -> bool;

    /// Saves the group's progress. `left` holds records read but not handled because the run
    /// stopped in the middle of a batch (`--max`): the group must see them again.
    async fn checkpoint(&mut self, left: &[Record]) -> anyhow::Result<()>;

    /// Called after each batch: picks up partitions or topics created since the start when it
    /// is time to look again; returns the names of what is read from now on.
    async fn refresh(&mut self) -> Vec<String>;
}

/// Where records are sent: a topic, or a stream.
#[allow(async_fn_in_trait)]
pub trait Sink {
    /// Why this record cannot be sent, checked before it is paced: a partition that does not
    /// exist, a stream id that is not above the last one, a value with no field mapping. The
    /// caller reports it as a bad input line.
    async fn refuse(&mut self, place: Option<Place>, msg: &Message) -> Option<String>;

    /// Queues a message, with the caller's `id` for it (the input line) reported back in
    /// [`Delivery::ids`]. Sends what is due and waits while the buffer is full.
    async fn send(&mut self, id: u64, place: Option<Place>, msg: Message) -> anyhow::Result<()>;

    /// Sends what is due and collects answers, without waiting for new input.
    async fn tick(&mut self) -> anyhow::Result<()>;

    /// Sends everything queued and waits for every answer.
    async fn flush(&mut self) -> anyhow::Result<()>;

    /// The answers since the last call.
    fn take_deliveries(&mut self) -> Vec<Delivery>;

    /// Whether a retried send cannot duplicate a record (Kafka's idempotent producer).
    fn idempotent(&self) -> bool;
}

/// The answer for a group of sent records.
#[derive(Debug, Clone, Default)]
pub struct Delivery {
    /// The caller's ids of the records, in order.
    pub ids: Vec<u64>,
    /// Their size.
    pub bytes: usize,
    /// Where the last of them was written, when known (a Kafka partition and its first offset,
    /// or the last stream entry id).
    pub at: Option<Position>,
    /// Why they failed, or None when they were written.
    pub error: Option<String>,
}
