//! Consumer lag: collection with batched requests, time lag from record timestamps, and
//! Burrow-style evaluation over a window of samples ([`eval`]); thresholds, the history behind
//! watch mode, the watch loop and the monitoring-plugin verdict ([`watch`]); tables and the
//! Prometheus format ([`render`]).
//!
//! The report is transport-neutral: `kafka::lag` fills it from a cluster (a group's partitions),
//! `redis::lag` from Redis (a group's streams, whose counters `entries-read` and `entries-added`
//! stand for committed and log-end offsets).

pub mod eval;
pub mod flags;
pub mod render;
pub mod watch;

use serde::Serialize;

use eval::Status;

/// Which groups and topics to look at.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Named groups (none = every group, filtered by `pattern`).
    pub groups: Vec<String>,
    /// Only groups whose name matches.
    pub pattern: Option<regex::Regex>,
    /// Only these topics' partitions.
    pub topic: Option<String>,
    /// Read record timestamps for time lag.
    pub time_lag: bool,
    /// Redis: the key prefix of the BullMQ queues reported beside the stream groups.
    pub queue_prefix: Option<String>,
}

/// How sure a time lag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quality {
    /// From the timestamp of the record at the committed offset (or 0 when caught up).
    Exact,
    /// From the first record after the committed offset (the one at it was compacted away or is
    /// a transaction marker).
    Estimated,
    /// No commit, the record was deleted, or it has no timestamp (-1).
    Unknown,
}

/// The member a partition is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owner {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
}

/// One partition of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartitionLag {
    /// The topic, or the stream.
    pub topic: String,
    /// The partition; None for a stream (which has none).
    pub partition: Option<i32>,
    /// None: the group has not committed an offset here.
    pub committed: Option<i64>,
    pub log_start: i64,
    pub log_end: i64,
    /// Records behind; None without a commit (never the log end offset).
    pub lag: Option<i64>,
    /// The committed offset is below the log start: records were deleted before the group read
    /// them.
    pub data_loss: bool,
    /// Milliseconds between now and the timestamp of the record at the committed offset.
    pub time_lag_ms: Option<i64>,
    /// Milliseconds between that record and the newest record of the partition.
    pub behind_newest_ms: Option<i64>,
    pub time_lag_quality: Quality,
    /// The member it is assigned to; None for committed-but-unassigned partitions.
    pub owner: Option<Owner>,
    /// Burrow's status (watch mode).
    pub status: Option<Status>,
    /// A stream's entries delivered to the group's consumers and not yet acknowledged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<i64>,
    /// Age of the oldest of them (from its id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oldest_pending_ms: Option<i64>,
}

impl PartitionLag {
    /// `topic/partition`, or the stream's name.
    pub fn name(&self) -> String {
        match self.partition {
            Some(p) => format!("{}/{p}", self.topic),
            None => self.topic.clone(),
        }
    }
}

/// A member of a group: a Kafka consumer, or a stream's consumer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    pub instance_id: Option<String>,
    /// The partitions assigned to it (consumer protocol groups); a stream consumer's stream.
    pub assignment: Vec<(String, i32)>,
    /// A stream consumer's pending entries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<i64>,
    /// Milliseconds since its last attempted read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idle_ms: Option<i64>,
    /// Milliseconds since its last successful read (Redis 7.2+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inactive_ms: Option<i64>,
    /// A stream consumer's stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
}

/// One group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GroupLag {
    pub group: String,
    /// False for a named group the cluster does not know (no members, no committed offsets).
    pub exists: bool,
    pub state: String,
    /// classic, or consumer for a group of the new rebalance protocol (KIP-848); empty when the
    /// cluster does not know the group.
    pub group_type: String,
    pub protocol_type: String,
    pub protocol: String,
    /// The coordinator broker (Kafka).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<i32>,
    pub members: Vec<Member>,
    /// Sum of the partitions' lag (partitions without a commit count 0).
    pub total_lag: i64,
    /// The largest partition lag.
    pub max_lag: Option<i64>,
    /// The largest time lag.
    pub max_time_lag_ms: Option<i64>,
    /// The partition with the largest lag (`topic/partition`).
    pub worst_partition: Option<String>,
    /// Partitions with records deleted before the group read them.
    pub data_loss_partitions: usize,
    /// growing, shrinking or steady (watch mode).
    pub trend: Option<String>,
    /// Burrow's group status (watch mode).
    pub status: Option<Status>,
    /// Records consumed per second (watch mode; a RabbitMQ queue's deliver rate).
    pub consume_rate: Option<f64>,
    /// A RabbitMQ queue's publish rate (messages per second).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publish_rate: Option<f64>,
    /// Seconds until caught up at the current rates (watch mode, when catching up).
    pub eta_seconds: Option<f64>,
    pub partitions: Vec<PartitionLag>,
}

impl GroupLag {
    /// Sets the group's figures from its partitions: the total and the largest lag, the largest
    /// time lag, the partition with the largest lag (when it is behind), and data loss.
    pub fn sum_partitions(&mut self) {
        let parts = &self.partitions;
        self.total_lag = parts.iter().filter_map(|p| p.lag).sum();
        self.max_lag = parts.iter().filter_map(|p| p.lag).max();
        self.max_time_lag_ms = parts.iter().filter_map(|p| p.time_lag_ms).max();
        self.worst_partition = (parts.iter())
            .filter(|p| p.lag > Some(0))
            .max_by_key(|p| (p.lag, p.time_lag_ms))
            .map(PartitionLag::name);
        self.data_loss_partitions = parts.iter().filter(|p| p.data_loss).count();
    }
}

/// One collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LagReport {
    /// When it was taken (epoch ms).
    pub taken_at_ms: i64,
    pub groups: Vec<GroupLag>,
}

/// Orders groups worst first: status, then time lag, then offset lag, then name.
pub fn sort_worst_first(groups: &mut [GroupLag]) {
    groups.sort_by(|a, b| {
        let sa = a.status.map_or(0, Status::severity);
        let sb = b.status.map_or(0, Status::severity);
        sb.cmp(&sa)
            .then(b.max_time_lag_ms.cmp(&a.max_time_lag_ms))
            .then(b.total_lag.cmp(&a.total_lag))
            .then(a.group.cmp(&b.group))
    });
}
