//! The Kafka wire client: typed messages from the `kafka-protocol` crate over our own tokio
//! connection layer.
//!
//! - [`frame`]: size-prefixed framing and correlation ids; [`conn`]: one connection (TCP or TLS,
//!   ApiVersions, SASL through [`sasl`]), with pipelined requests; [`versions`]: per-API version
//!   negotiation, and the API report of `cluster --api-versions`;
//! - [`cluster`]: the [`Client`]: bootstrap, metadata cache, routing (leaders, controller,
//!   coordinators), retries; [`error`]: what can go wrong, with permission refusals spelled out;
//! - [`batch`]: the v2 record batch codec; [`partitioner`]: the Java client's murmur2;
//!   [`producer`]: batching, idempotent sends and deliveries;
//! - [`fetch_stream`]: Fetch responses parsed as they stream in; [`fetcher`]: reading partitions
//!   (transactions, resets, leader changes); [`assign`]: the one read planner;
//! - [`offsets`]: ListOffsets, committed offsets, commits, DeleteRecords; [`groups`]: listing and
//!   describing groups (classic and KIP-848); [`admin`]: topics, configs and the KRaft quorum.

pub mod acls;
pub mod admin;
pub mod assign;
pub mod batch;
pub mod cluster;
pub mod conn;
pub mod dlq;
pub mod dlq_replay;
pub mod error;
pub mod fetch_stream;
pub mod fetcher;
pub mod frame;
pub mod group_admin;
pub mod groups;
pub mod lag;
pub mod offsets;
pub mod partitioner;
pub mod producer;
pub mod quotas;
pub mod reassign;
pub mod sasl;
pub mod source;
pub mod versions;

pub use cluster::{BrokerMeta, Client, ClientOptions, ClusterMetadata, Route};
pub use conn::{ConnectOptions, Connection, SaslOptions};
pub use error::{ConnectFailure, KafkaError};
pub use sasl::Mechanism;
pub use versions::{ApiVersionTable, NEEDED_APIS};

#[cfg(test)]
pub(crate) mod fake;
#[cfg(test)]
mod tests;
