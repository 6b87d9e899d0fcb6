//! Dead-letter queues: recognising dead letters, and inspecting, replaying and draining them.
//!
//! - [`dialect`]: the header (and JSON-value) conventions of the tools that write dead letters:
//!   Kafka Connect, Kafka Streams (KIP-1034), Spring Kafka's dead-letter topics and retry topics,
//!   evctl's own headers, JSON envelopes, and the custom dialects of topics.yaml's `dialects:`
//!   section. [`dialect::decode`] turns one [`Record`](crate::record::Record) into a
//!   [`dialect::DeadLetter`]: where it came from, why it failed, how often it was tried and
//!   replayed, and which headers carry that context.
//! - [`inspect`]: counts by error class, original topic and time bucket, with samples.
//! - [`replay`]: replay through a consumer group without losing a record.
//! - [`drain`]: move a group past matching dead letters without producing them.
//! - [`purge`]: delete a dead-letter topic's records before an offset or a time.

pub mod dialect;
pub mod drain;
pub mod flags;
pub mod inspect;
pub mod purge;
pub mod replay;
