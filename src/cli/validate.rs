//! `evctl validate`: loads and checks spec files offline, and shows what they resolve to.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::ExitStatus;
use crate::output::{Printer, Render, Styles, sanitize};
use crate::schema::{Format, Mode, Policy};
use crate::spec::{self, ConfigValue, Managed, Spec};

const VALIDATE_HELP: &str = "\
Checks everything that can be checked without a cluster: the YAML, unknown fields (with suggestions),
value types and units, ${VAR} expansion, topic names, duplicate topics, partitions,
min.insync.replicas against the replication factor, profiles, consumers and schema files.
Every problem is reported with its file:line:col; the exit code is 2 when there is any.

Several files merge in order, later ones winning: mappings merge key by key, topics merge by name
field by field (consumers by group, schemas by subject), other lists are replaced.

Examples:
  evctl validate topics.yaml
  evctl validate -f topics.yaml -f prod.yaml
  evctl validate topics.yaml -o json      # the resolved topics, configs as Kafka strings";

/// Check spec files (topics.yaml) offline.
#[derive(Debug, clap::Args)]
#[command(after_help = VALIDATE_HELP)]
pub struct ValidateArgs {
    /// Spec files, merged in order (later files override earlier ones).
    #[arg(
        value_name = "FILE",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    pub files: Vec<PathBuf>,

    /// A spec file; repeat to merge several in order (the same as giving them as arguments).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Vec<PathBuf>,
}

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

/// Runs `evctl validate`: needs no cluster and no config file.
pub fn run(printer: &Printer, args: &ValidateArgs) -> anyhow::Result<ExitStatus> {
    let files = if args.file.is_empty() {
        &args.files
    } else {
        &args.file
    };
    let spec = spec::load(files, &|k| std::env::var(k).ok())?;
    printer.data(&ValidateView::new(&spec))?;
    Ok(ExitStatus::Success)
}
