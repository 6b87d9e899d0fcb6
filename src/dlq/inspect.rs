//! `dlq inspect`: what is in a dead-letter topic, grouped by error class, original topic and time
//! bucket, with first and last seen and a sample record per group.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::codec::Codec;
use crate::output::Cell;
use serde::Serialize;

use super::dialect::{self, CustomDialect};
use crate::kafka::Client;
use crate::kafka::assign::{self, Bounds, PlanError, Selection};
use crate::kafka::fetcher::{FetchOptions, Fetcher};
use crate::output::{Render, Styles, sanitize, table_string};
use crate::record::time::format_rfc3339;

/// A sample record of a group.
#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    pub partition: i32,
    pub offset: i64,
    pub key: Option<String>,
    pub error_message: Option<String>,
    /// The first bytes of the value, as text.
    pub value: Option<String>,
    /// Every recognised dead-letter header, decoded (hex when it cannot be).
    pub fields: Vec<(String, String)>,
}

/// One group of dead letters.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub error_class: Option<String>,
    pub original_topic: Option<String>,
    /// Start of the time bucket (RFC 3339).
    pub bucket: String,
    pub count: u64,
    pub first_seen: String,
    pub last_seen: String,
    pub dialects: Vec<String>,
    pub sample: Sample,
}

/// What `dlq inspect` found.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    pub topic: String,
    pub records: u64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub bucket_ms: i64,
    pub groups: Vec<Group>,
}

const SAMPLE_VALUE: usize = 120;

/// Reads the whole topic (to the end offsets taken at start) and groups its records.
pub async fn inspect(
    client: Arc<Client>,
    topic: &str,
    bucket_ms: i64,
    dialects: &[CustomDialect],
    mut codec: Option<&mut Codec>,
) -> anyhow::Result<Inspection> {
    let to_end = Bounds {
        stop_at_end: true,
        ..Bounds::default()
    };
    let assignments = assign::plan(&client, &Selection::topic(topic), &to_end, 0)
        .await
        .map_err(PlanError::into_kafka)?
        .assignments();
    let mut fetcher = Fetcher::new(client, FetchOptions::default(), assignments);
    let bucket_ms = bucket_ms.max(1);
    type Key = (Option<String>, Option<String>, i64);
    let mut groups: BTreeMap<Key, (Group, i64, i64)> = BTreeMap::new();
    let (mut records, mut first, mut last) = (0u64, i64::MAX, i64::MIN);
    while let Some(batch) = fetcher.poll().await? {
        for r in batch {
            records += 1;
            first = first.min(r.msg.timestamp);
            last = last.max(r.msg.timestamp);
            let dl = dialect::decode(&r, dialects);
            let bucket = r.msg.timestamp.div_euclid(bucket_ms) * bucket_ms;
            let key = (dl.error_class.clone(), dl.original_topic.clone(), bucket);
            // a new group's sample: its key and value decoded when they are registry data
            let mut r = r;
            if let Some(c) = codec.as_deref_mut()
                && !groups.contains_key(&key)
            {
                let topic = r.topic.clone();
                let _ = c.decode(&topic, &mut r.msg).await;
            }
            let dialect = dl
                .dialect
                .as_ref()
                .map_or("none".to_string(), |d| d.to_string());
            let entry = groups.entry(key).or_insert_with(|| {
                let text = |b: &bytes::Bytes| {
                    let s = String::from_utf8_lossy(b);
                    s.chars().take(SAMPLE_VALUE).collect::<String>()
                };
                (
                    Group {
                        error_class: dl.error_class.clone(),
                        original_topic: dl.original_topic.clone(),
                        bucket: format_rfc3339(bucket),
                        count: 0,
                        first_seen: String::new(),
                        last_seen: String::new(),
                        dialects: Vec::new(),
                        sample: Sample {
                            partition: r.partition(),
                            offset: r.offset(),
                            key: r.msg.key.as_ref().map(text),
                            error_message: dl.error_message.clone(),
                            value: r.msg.value.as_ref().map(text),
                            fields: dl.fields.clone(),
                        },
                    },
                    i64::MAX,
                    i64::MIN,
                )
            });
            entry.0.count += 1;
            entry.1 = entry.1.min(r.msg.timestamp);
            entry.2 = entry.2.max(r.msg.timestamp);
            if !entry.0.dialects.contains(&dialect) {
                entry.0.dialects.push(dialect);
            }
        }
    }
    let mut out: Vec<Group> = groups
        .into_values()
        .map(|(mut g, f, l)| {
            g.first_seen = format_rfc3339(f);
            g.last_seen = format_rfc3339(l);
            g
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.bucket.cmp(&b.bucket)));
    Ok(Inspection {
        topic: topic.to_string(),
        records,
        first_seen: (records > 0).then(|| format_rfc3339(first)),
        last_seen: (records > 0).then(|| format_rfc3339(last)),
        bucket_ms,
        groups: out,
    })
}

impl Render for Inspection {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {}: {} record{}",
            s.bold("Dead letters in"),
            sanitize(&self.topic),
            self.records,
            if self.records == 1 { "" } else { "s" }
        );
        if let (Some(f), Some(l)) = (&self.first_seen, &self.last_seen) {
            out.push_str(&format!(", first {f}, last {l}"));
        }
        out.push('\n');
        if self.groups.is_empty() {
            return out;
        }
        let mut t = s.table(&[
            "COUNT",
            "ERROR-CLASS",
            "ORIGINAL-TOPIC",
            "BUCKET",
            "FIRST-SEEN",
            "LAST-SEEN",
            "SAMPLE",
        ]);
        for g in &self.groups {
            let sample = format!(
                "{}@{} {}",
                g.sample.partition,
                g.sample.offset,
                g.sample
                    .error_message
                    .as_deref()
                    .map(|m| m.chars().take(60).collect::<String>())
                    .unwrap_or_default()
            );
            t.add_row(vec![
                Cell::new(g.count),
                Cell::new(sanitize(g.error_class.as_deref().unwrap_or("-"))),
                Cell::new(sanitize(g.original_topic.as_deref().unwrap_or("-"))),
                Cell::new(&g.bucket),
                Cell::new(&g.first_seen),
                Cell::new(&g.last_seen),
                Cell::new(sanitize(&sample)),
            ]);
        }
        out.push('\n');
        out.push_str(&table_string(&t));
        out
    }
}
