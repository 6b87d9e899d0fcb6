//! Dead-letter queues: the transport-neutral model of recognising dead letters, selecting them,
//! routing and reporting on them. The transports act on it: `kafka::dlq` (inspect, drain, purge
//! a dead-letter topic) and `kafka::dlq_replay` (replay it through a group), and
//! `redis::pending` (a stream group's pending entries as dead letters). There is no shared
//! `DeadLetters` trait: a Kafka replay routes records back to their topics through a group's
//! committed prefix, a Redis one moves entries between a group's pending list and a stream in
//! one script each, and no loop of one fits the other.
//!
//! - [`dialect`]: the header (and JSON-value) conventions of the tools that write dead letters:
//!   Kafka Connect, Kafka Streams (KIP-1034), Spring Kafka's dead-letter topics and retry topics,
//!   evctl's own headers, JSON envelopes, and the custom dialects of topics.yaml's `dialects:`
//!   section. [`dialect::decode`] turns one [`Record`](crate::record::Record) into a
//!   [`dialect::DeadLetter`]: where it came from, why it failed, how often it was tried and
//!   replayed, and which headers carry that context.
//! - [`inspect`]: counts by error class, original topic and time bucket, with samples (the report).
//! - [`replay`]: the selection ([`replay::Criteria`]), partition policy, replayed headers and the
//!   report of a replay.
//! - [`drain`]: the report of moving a group past matching dead letters without producing them.
//! - [`purge`]: the report of deleting a dead-letter topic's records before an offset or a time.
//! - [`flags`]: the selection flags of `dlq replay` and `dlq drain`, Redis's included.

pub mod dialect;
pub mod drain;
pub mod flags;
pub mod inspect;
pub mod purge;
pub mod replay;
