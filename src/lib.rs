//! evctl: a command-line toolkit for Kafka-compatible event infrastructure.
//!
//! The layers, top to bottom (architecture.md §3; `tests/it/architecture.rs` checks the rules):
//!
//! - [`cli`]: parses, resolves options ([`config::args`] into [`config::Settings`]), connects,
//!   calls one library function, prints and returns an exit status. It may construct a client, a
//!   fetcher or a producer; it never drives one.
//! - Engines, the work each command does, taking options structs: [`tail`] (the read loop),
//!   [`publish`] (the input reader and the send loop, and the pacer dlq replay shares), [`lag`]
//!   (collection, evaluation, watch), [`dlq`] (dialects, inspect, replay, drain, purge), [`plan`]
//!   and [`spec`] (topics.yaml to a plan, executed on Kafka), [`schema`] (compatibility engines,
//!   the registry, the CI check), [`overview`] (what `cluster` shows). They call Kafka types
//!   directly until a second transport arrives (rule 4).
//! - The model, which imports no transport and no command: [`record`] (one [`record::Message`]
//!   from input to producer and from fetcher to writer, inside [`record::Record`]) and [`output`]
//!   (the printer, tables, and the one record writer).
//! - Transports: [`kafka`], the wire client. Shared below them: [`config`] (flags > `EVCTL_*` >
//!   context > defaults, for the brokers and the registry), [`tls`], [`error`], [`diag`],
//!   [`units`].

pub mod acl;
pub mod amqp;
pub mod cli;
pub mod codec;
pub mod config;
pub mod diag;
pub mod dlq;
pub mod docs;
pub mod error;
pub mod group;
pub mod kafka;
pub mod lag;
pub mod output;
pub mod overview;
pub mod plan;
pub mod publish;
pub mod quota;
pub mod record;
pub mod redis;
pub mod schema;
pub mod spec;
pub mod tail;
pub mod target;
pub mod tls;
pub mod transport;
pub mod units;
