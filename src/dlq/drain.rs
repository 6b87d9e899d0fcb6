//! `dlq drain`: move a group past the dead letters that match, without producing them (they are
//! acknowledged as handled). The plan reads from the group's offsets to the end, up to the first
//! record in each partition that does not match; the commit moves the group there.

use serde::Serialize;

use crate::output::{Cell, Render, Styles, sanitize, table_string};

/// What a drain does to one partition.
#[derive(Debug, Clone, Serialize)]
pub struct DrainPartition {
    pub partition: i32,
    /// The group's offset now (committed, or the log start).
    pub from: i64,
    /// The offset it moves to.
    pub to: i64,
    /// Matching records passed over.
    pub skipped: u64,
    /// The first record that does not match, where the drain stops in this partition.
    pub stopped_at: Option<i64>,
    /// The records passed over, in offset order (at most [`DRAIN_LISTED`] per partition).
    pub records: Vec<DrainedRecord>,
    /// True when more records were passed over than are listed.
    pub truncated: bool,
}

/// One record a drain passes over.
#[derive(Debug, Clone, Serialize)]
pub struct DrainedRecord {
    pub offset: i64,
    /// Epoch milliseconds.
    pub timestamp: i64,
    pub key: Option<String>,
    pub error_class: Option<String>,
    pub original_topic: Option<String>,
}

/// How many passed-over records a drain lists per partition.
pub const DRAIN_LISTED: usize = 10_000;

/// What a drain did or would do.
#[derive(Debug, Serialize)]
pub struct DrainReport {
    pub topic: String,
    pub group: String,
    pub dry_run: bool,
    pub committed: bool,
    pub partitions: Vec<DrainPartition>,
}

impl Render for DrainReport {
    fn table(&self, s: &Styles) -> String {
        let skipped: u64 = self.partitions.iter().map(|p| p.skipped).sum();
        let mut out = format!(
            "{} {} record{} of {} for group {}\n",
            if self.committed {
                s.bold("Drained")
            } else {
                s.bold("Would drain")
            },
            skipped,
            if skipped == 1 { "" } else { "s" },
            sanitize(&self.topic),
            sanitize(&self.group)
        );
        let mut t = s.table(&["PARTITION", "FROM", "TO", "SKIPPED", "STOPPED-AT"]);
        for p in &self.partitions {
            t.add_row(vec![
                Cell::new(p.partition),
                Cell::new(p.from),
                Cell::new(p.to),
                Cell::new(p.skipped),
                Cell::new(
                    p.stopped_at
                        .map_or("-".into(), |o| format!("{o} (does not match)")),
                ),
            ]);
        }
        out.push_str(&table_string(&t));
        // the dry run lists every record it would pass over
        if self.dry_run && skipped > 0 {
            let mut r = s.table(&[
                "PARTITION",
                "OFFSET",
                "TIME",
                "KEY",
                "ERROR-CLASS",
                "ORIGINAL-TOPIC",
            ]);
            for p in &self.partitions {
                for d in &p.records {
                    r.add_row(vec![
                        Cell::new(p.partition),
                        Cell::new(d.offset),
                        Cell::new(crate::record::time::format_rfc3339(d.timestamp)),
                        Cell::new(d.key.as_deref().map_or("-".into(), sanitize)),
                        Cell::new(d.error_class.as_deref().map_or("-".into(), sanitize)),
                        Cell::new(d.original_topic.as_deref().map_or("-".into(), sanitize)),
                    ]);
                }
            }
            out.push('\n');
            out.push_str(&table_string(&r));
            for p in self.partitions.iter().filter(|p| p.truncated) {
                out.push_str(&format!(
                    "partition {}: only the first {} records are listed\n",
                    p.partition, DRAIN_LISTED
                ));
            }
        }
        out
    }
}
