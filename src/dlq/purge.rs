//! `dlq purge`: delete a dead-letter topic's records before an offset or a time
//! (DeleteRecords). The plan says what each partition loses before anything is asked or deleted.

use serde::Serialize;

use crate::kafka::Client;
use crate::kafka::assign::{self, Bounds, PlanError, Selection};
use crate::kafka::offsets::{Isolation, TopicPartition, delete_records};
use crate::output::{Cell, Render, Styles, sanitize, table_string};
use crate::record::offsets::OffsetSpec;

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

/// Plans deleting the records of `topic` before `before` (an offset in every partition, or a
/// time): fails before anything when a partition's leader cannot delete records.
pub async fn plan(client: &Client, topic: &str, before: OffsetSpec) -> anyhow::Result<PurgeReport> {
    let wanted = Bounds {
        to: Some(before),
        isolation: Isolation::ReadUncommitted,
        ..Bounds::default()
    };
    let now = crate::record::time::now_ms();
    let plan = assign::plan(client, &Selection::topic(topic), &wanted, now)
        .await
        .map_err(PlanError::into_kafka)?;
    // the leaders as the plan's Metadata left them in the cache
    let meta = client.cached_metadata();
    let tm = meta.require(topic)?;
    let leaders: std::collections::BTreeSet<i32> = tm.partitions.iter().map(|p| p.leader).collect();
    for leader in leaders {
        let addr = meta
            .brokers
            .get(&leader)
            .map_or_else(|| format!("broker {leader}"), |b| b.addr());
        client
            .api_versions(crate::kafka::Route::Broker(leader))
            .await?
            .negotiate_for::<kafka_protocol::messages::DeleteRecordsRequest>(&addr)?;
    }
    let partitions: Vec<PurgePartition> = plan
        .ranges
        .iter()
        .map(|r| {
            // past the end is the end; before the log start deletes nothing
            let target = r.to.unwrap_or(r.low).min(r.high);
            PurgePartition {
                partition: r.partition,
                log_start_before: r.low,
                log_start: target.max(r.low),
                deleted: (target - r.low).max(0),
            }
        })
        .collect();
    Ok(PurgeReport {
        topic: topic.to_string(),
        deleted: partitions.iter().map(|p| p.deleted).sum(),
        partitions,
    })
}

impl PurgeReport {
    /// Deletes what the plan says, and records the log starts the brokers report.
    pub async fn execute(&mut self, client: &Client) -> anyhow::Result<()> {
        let targets: Vec<(TopicPartition, i64)> = self
            .partitions
            .iter()
            .filter(|p| p.deleted > 0)
            .map(|p| ((self.topic.clone(), p.partition), p.log_start))
            .collect();
        let new_starts = delete_records(client, &targets).await?;
        for p in &mut self.partitions {
            if let Some(s) = new_starts.get(&(self.topic.clone(), p.partition)) {
                p.log_start = *s;
                p.deleted = (*s - p.log_start_before).max(0);
            }
        }
        self.deleted = self.partitions.iter().map(|p| p.deleted).sum();
        Ok(())
    }
}
