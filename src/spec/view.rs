//! What `evctl validate` shows of a loaded spec: its resolved topics (configs as Kafka strings),
//! profiles, ownership, consumers and schemas, with where each topic was written.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ConfigValue, Managed, Spec};
use crate::output::{Render, Styles, sanitize};
use crate::schema::{Format, Mode, Policy};

/// One resolved topic.
#[derive(Debug, Serialize)]
pub struct TopicView {
    pub name: String,
    /// -1: the cluster default; absent: not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partitions: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_factor: Option<i16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Kafka key to Kafka string; null: no override (the cluster default).
    pub configs: BTreeMap<String, ConfigValue>,
    /// file:line:col of the topic's entry.
    pub origin: String,
}

/// One consumer group's thresholds.
#[derive(Debug, Serialize)]
pub struct ConsumerView {
    pub group: String,
    pub topics: Vec<String>,
    pub max_lag: Option<u64>,
    /// Milliseconds.
    pub max_time_lag_ms: Option<u64>,
}

/// One schema to check.
#[derive(Debug, Serialize)]
pub struct SchemaView {
    pub subject: String,
    pub file: String,
    #[serde(rename = "type")]
    pub format: Format,
    pub compatibility: Mode,
    pub policy: Option<Policy>,
    pub references: BTreeMap<String, String>,
}

/// `evctl validate` output: the resolved spec.
#[derive(Debug, Serialize)]
pub struct ValidateView {
    pub files: Vec<String>,
    pub topics: Vec<TopicView>,
    pub profiles: Vec<String>,
    pub managed: Managed,
    pub protected: Vec<String>,
    pub ignore_configs: Vec<String>,
    pub consumers: Vec<ConsumerView>,
    pub schemas: Vec<SchemaView>,
}

impl ValidateView {
    /// The view of a loaded spec.
    pub fn new(spec: &Spec) -> Self {
        ValidateView {
            files: spec
                .sources
                .iter()
                .map(|s| s.path.display().to_string())
                .collect(),
            topics: spec
                .topics
                .iter()
                .map(|t| TopicView {
                    name: t.name.clone(),
                    partitions: t.partitions,
                    replication_factor: t.replication_factor,
                    profile: t.profile.clone(),
                    configs: t.configs.clone(),
                    origin: t.origin.to_string(),
                })
                .collect(),
            profiles: spec.profiles.clone(),
            managed: spec.managed.clone(),
            protected: spec.protected.clone(),
            ignore_configs: spec.ignore_configs.clone(),
            consumers: spec
                .consumers
                .iter()
                .map(|c| ConsumerView {
                    group: c.group.clone(),
                    topics: c.topics.clone(),
                    max_lag: c.max_lag,
                    max_time_lag_ms: c.max_time_lag.map(|d| d.as_millis() as u64),
                })
                .collect(),
            schemas: spec
                .schemas
                .iter()
                .map(|s| SchemaView {
                    subject: s.subject.clone(),
                    file: s.file.display().to_string(),
                    format: s.format,
                    compatibility: s.compatibility,
                    policy: s.policy,
                    references: s
                        .references
                        .iter()
                        .map(|r| (r.name.clone(), r.file.display().to_string()))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A list shortened for one line: `a, b, c and 4 more`.
fn short_list(items: &[String], max: usize) -> String {
    let shown: Vec<String> = items
        .iter()
        .take(max)
        .map(|s| sanitize(s).into_owned())
        .collect();
    let mut out = shown.join(", ");
    if items.len() > max {
        out.push_str(&format!(" and {} more", items.len() - max));
    }
    out
}

impl Render for ValidateView {
    fn table(&self, s: &Styles) -> String {
        let files = short_list(&self.files, 4);
        let mut out = format!("{} {files}\n", s.good("valid:"));
        let with_profile = self.topics.iter().filter(|t| t.profile.is_some()).count();
        let mut line = |label: &str, value: String| {
            out.push_str(&format!("{}  {value}\n", s.bold(&format!("{label:<10}"))));
        };
        line(
            "Topics:",
            if with_profile > 0 {
                format!("{} ({with_profile} with a profile)", self.topics.len())
            } else {
                self.topics.len().to_string()
            },
        );
        line(
            "Profiles:",
            if self.profiles.is_empty() {
                "0".into()
            } else {
                format!(
                    "{} ({})",
                    self.profiles.len(),
                    short_list(&self.profiles, 8)
                )
            },
        );
        line("Consumers:", self.consumers.len().to_string());
        line("Schemas:", self.schemas.len().to_string());
        let mut managed = Vec::new();
        if !self.managed.prefixes.is_empty() {
            managed.push(format!(
                "prefixes {}",
                short_list(&self.managed.prefixes, 8)
            ));
        }
        if !self.managed.topics.is_empty() {
            managed.push(format!("topics {}", short_list(&self.managed.topics, 8)));
        }
        line(
            "Managed:",
            if managed.is_empty() {
                "nothing (prune never deletes a topic)".into()
            } else {
                managed.join("; ")
            },
        );
        out
    }
}
