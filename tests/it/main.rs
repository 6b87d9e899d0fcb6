//! Integration tests: the built `evctl` binary against live brokers (noida-db and tansu, started by
//! scripts/test.sh), a TLS/SASL proxy made here, and kcat for interop.

// Tests report skips and debugging output on stderr.
#![allow(clippy::print_stderr)]

mod support;

mod acls;
mod apply;
mod architecture;
mod bullmq_queues;
mod cli;
mod cluster;
mod config;
mod dlq;
mod docs;
mod faults;
mod groups;
mod hostile;
mod kafka_faults;
mod lag;
mod partitioner;
mod publish;
mod rabbitmq;
mod real_kafka;
mod redis_streams;
mod registry_serde;
mod replication;
mod sasl;
mod schema;
mod tail;
mod terminal;
mod tls;
mod validate;
mod wire;
