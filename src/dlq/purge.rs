//! `dlq purge`: delete a dead-letter topic's records before an offset or a time
//! (DeleteRecords). The plan says what each partition loses before anything is asked or deleted.

use serde::Serialize;

use crate::output::{Cell, Render, Styles, sanitize, table_string};

/// What a purge did.
#[derive(Debug, Serialize)]
pub struct PurgeReport {
    pub topic: String,
    /// (partition, log start before, new log start, records deleted)
    pub partitions: Vec<PurgePartition>,
    pub deleted: i64,
}

#[derive(Debug, Serialize)]
pub struct PurgePartition {
    pub partition: i32,
    pub log_start_before: i64,
    pub log_start: i64,
    pub deleted: i64,
}

impl Render for PurgeReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {} record(s) of {}\n",
            s.bold("Deleted"),
            self.deleted,
            sanitize(&self.topic)
        );
        let mut t = s.table(&["PARTITION", "LOG-START-BEFORE", "LOG-START", "DELETED"]);
        for p in &self.partitions {
            t.add_row(vec![
                Cell::new(p.partition),
                Cell::new(p.log_start_before),
                Cell::new(p.log_start),
                Cell::new(p.deleted),
            ]);
        }
        out.push_str(&table_string(&t));
        out
    }
}
