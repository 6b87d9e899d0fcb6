//! evctl: a command-line toolkit for Kafka-compatible event infrastructure.
//!
//! The binary is a thin shell over this library: [`cli`] parses arguments and dispatches, and the
//! work happens in modules that can be tested without a terminal.

pub mod cli;
pub mod config;
pub mod diag;
pub mod dlq;
pub mod docs;
pub mod error;
pub mod kafka;
pub mod lag;
pub mod output;
pub mod overview;
pub mod plan;
pub mod publish;
pub mod record;
pub mod schema;
pub mod spec;
pub mod tail;
pub mod units;
