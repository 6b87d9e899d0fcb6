//! `dlq inspect`: what is in a dead-letter topic, grouped by error class, original topic and time
//! bucket, with first and last seen and a sample record per group.

use crate::output::Cell;
use serde::Serialize;

use crate::output::{Render, Styles, sanitize, table_string};

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

pub const SAMPLE_VALUE: usize = 120;

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
