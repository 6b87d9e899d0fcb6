//! The Kafka wire client: typed messages from the `kafka-protocol` crate over our own tokio
//! connection layer.
//!
//! - [`frame`]: size-prefixed framing and correlation ids;
//! - [`conn`]: one connection (TCP or TLS, ApiVersions, SASL), with pipelined requests;
//! - [`versions`]: per-API version negotiation;
//! - [`cluster`]: bootstrap, metadata cache, routing (leaders, controller, coordinators), retries.

pub mod admin;
pub mod assign;
pub mod batch;
pub mod cluster;
pub mod conn;
pub mod error;
pub mod fetch_stream;
pub mod fetcher;
pub mod frame;
pub mod groups;
pub mod offsets;
pub mod partitioner;
pub mod producer;
pub mod sasl;
pub mod tls;
pub mod versions;

pub use cluster::{BrokerMeta, Client, ClientOptions, ClusterMetadata, Route};
pub use conn::{ConnectOptions, Connection, SaslOptions};
pub use error::{ConnectFailure, KafkaError};
pub use sasl::Mechanism;
pub use tls::TlsOptions;
pub use versions::{ApiVersionTable, NEEDED_APIS};

#[cfg(test)]
pub(crate) mod fake;
#[cfg(test)]
mod tests;
