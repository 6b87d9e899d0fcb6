//! The transport-neutral part of a replay: which records it takes ([`Criteria`]), where in the
//! destination they go ([`PartitionPolicy`]), the replayed record's headers, and the report.
//! The Kafka replay itself (reading the dead-letter topic through a group, producing, committing
//! the settled prefix) is `kafka::dlq::replay`.
//!
//! Replay reads the DLQ from the group's committed offsets (or the start) up to the end offsets
//! taken at start, routes each record to `--to` or to its original topic, and produces it with an
//! idempotent, acks=all producer. The group's offset in a DLQ partition only moves past a record
//! once that record, and every record before it in the partition, was acknowledged (or skipped by
//! the filters). A crash at any moment therefore loses nothing; a resumed run repeats at most the
//! records that were acknowledged but not yet committed, which is bounded by what the producer had
//! in flight.
//!
//! The selection ([`Criteria`]) and the read bounds are shared with [`super::drain`].

use std::collections::BTreeMap;

use bytes::Bytes;
use serde::Serialize;

use super::dialect::{DeadLetter, REPLAY_COUNT_HEADER};
use crate::codec::Codec;
use crate::output::{Cell, Render, Styles, sanitize, table_string};
use crate::record::Record;
use crate::record::filter::Filter;

/// Which records a replay or drain acts on; the rest are skipped (and stay in the DLQ).
#[derive(Default)]
pub struct Criteria {
    /// `--key`, `--header`, `--grep`, `--where`.
    pub filter: Option<Filter>,
    /// Only records dead-lettered at or after this (epoch ms, the DLQ record's timestamp).
    pub since: Option<i64>,
    /// Only records dead-lettered before this.
    pub until: Option<i64>,
    /// Only records whose error class matches.
    pub error_class: Option<regex::Regex>,
    /// Only records from this original topic.
    pub original_topic: Option<String>,
    /// With a schema registry: filters see registry-framed keys and values decoded (the record
    /// itself is replayed as it is).
    pub codec: Option<tokio::sync::Mutex<Codec>>,
}

impl Criteria {
    /// [`Criteria::matches`], with the filters seeing decoded registry data when there is a codec.
    pub async fn selects(&self, r: &Record, dl: &DeadLetter) -> bool {
        if let (Some(codec), Some(f)) = (&self.codec, &self.filter)
            && !f.is_empty()
        {
            let mut view = r.clone();
            let _ = codec.lock().await.decode(&r.topic, &mut view.msg).await;
            return self.matches(&view, dl);
        }
        self.matches(r, dl)
    }

    /// True when the record is selected.
    pub fn matches(&self, r: &Record, dl: &DeadLetter) -> bool {
        self.since.is_none_or(|s| r.msg.timestamp >= s)
            && self.until.is_none_or(|u| r.msg.timestamp < u)
            && self
                .error_class
                .as_ref()
                .is_none_or(|re| dl.error_class.as_deref().is_some_and(|c| re.is_match(c)))
            && self
                .original_topic
                .as_ref()
                .is_none_or(|t| dl.original_topic.as_ref() == Some(t))
            && self
                .filter
                .as_ref()
                .is_none_or(|f| f.is_empty() || f.matches(r))
    }
}

/// Where a replayed record goes inside its destination topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartitionPolicy {
    /// The original partition (from the headers, else the DLQ record's own).
    Same,
    /// The Java client's murmur2 partition of the key (keyless records round-robin).
    #[default]
    ByKey,
    /// Round-robin, whatever the key.
    Any,
}

/// What a replay did (or, in a dry run, would do).
#[derive(Debug, Default, Clone, Serialize)]
pub struct ReplayReport {
    pub dlq: String,
    pub group: String,
    pub dry_run: bool,
    /// Records read from the DLQ.
    pub read: u64,
    /// Records delivered (in a dry run: to be produced) per destination topic.
    pub replayed: BTreeMap<String, u64>,
    /// Records sent to the parking topic (over --max-replays).
    pub parked: BTreeMap<String, u64>,
    /// Records the filters left in the DLQ.
    pub skipped: u64,
    /// Records that could not be delivered, per destination.
    pub failed: BTreeMap<String, u64>,
    /// Records with no destination (dry run; a real run stops at the first one).
    pub unroutable: u64,
    /// The first errors.
    pub errors: Vec<String>,
    /// The group's committed offsets at the end, per DLQ partition.
    pub committed: BTreeMap<String, i64>,
    /// Stopped by a signal before the end.
    pub interrupted: bool,
    pub seconds: f64,
}

/// Headers of the replayed record: the original ones (without the error context when asked),
/// then the replay count.
pub fn replay_headers(
    r: &Record,
    dl: &DeadLetter,
    strip: bool,
    count: u32,
) -> Vec<(String, Option<Bytes>)> {
    let mut h: Vec<(String, Option<Bytes>)> = r
        .msg
        .headers
        .iter()
        .filter(|(n, _)| n != REPLAY_COUNT_HEADER)
        .filter(|(n, _)| !strip || !dl.error_headers.contains(n))
        .cloned()
        .collect();
    h.push((
        REPLAY_COUNT_HEADER.to_string(),
        Some(Bytes::from(count.to_string())),
    ));
    h
}

/// Why a replay stopped early with an error (the report says what was done before).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ReplayStopped {
    pub message: String,
    pub report: Box<ReplayReport>,
}

/// Counts a routed record per destination (parked or replayed).
pub fn count_route(report: &mut ReplayReport, parked: bool, dest: &str) {
    let bucket = if parked {
        &mut report.parked
    } else {
        &mut report.replayed
    };
    *bucket.entry(dest.to_string()).or_default() += 1;
}

impl Render for ReplayReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {} (group {}): {} read, {} skipped{}{} in {:.1}s\n",
            if self.dry_run {
                s.bold("Dry run of the replay of")
            } else {
                s.bold("Replayed")
            },
            sanitize(&self.dlq),
            sanitize(&self.group),
            self.read,
            self.skipped,
            if self.unroutable > 0 {
                format!(", {} without a destination", self.unroutable)
            } else {
                String::new()
            },
            if self.interrupted {
                ", interrupted"
            } else {
                ""
            },
            self.seconds
        );
        let mut t = s.table(&["DESTINATION", "REPLAYED", "PARKED", "FAILED"]);
        let mut dests: Vec<&String> = self
            .replayed
            .keys()
            .chain(self.parked.keys())
            .chain(self.failed.keys())
            .collect();
        dests.sort();
        dests.dedup();
        for d in dests {
            t.add_row(vec![
                Cell::new(sanitize(d)),
                Cell::new(self.replayed.get(d).copied().unwrap_or(0)),
                Cell::new(self.parked.get(d).copied().unwrap_or(0)),
                Cell::new(self.failed.get(d).copied().unwrap_or(0)),
            ]);
        }
        if !self.replayed.is_empty() || !self.parked.is_empty() || !self.failed.is_empty() {
            out.push_str(&table_string(&t));
        }
        out
    }
}
