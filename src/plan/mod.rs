//! Desired topics vs the cluster → a plan of actions, rendered and executed by `evctl plan` and
//! `evctl apply`. The diff is source-aware: only `DYNAMIC_TOPIC_CONFIG` values belong to the topic;
//! a desired value equal to the effective value (whatever its source) is no change.
//!
//! [`for_spec`] plans a topics.yaml against the cluster; [`cluster`] reads the cluster and executes
//! a plan; [`render`] shows the plan and what `apply` did.

pub mod acls;
pub mod cluster;
pub mod export;
pub mod quotas;
pub mod reassign;
pub mod render;
mod spec;

pub use spec::{desired, for_spec};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kafka::admin::{ConfigEntry, ConfigSource};

/// What the spec wants for one config key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Desired {
    /// This value (a normalised Kafka string).
    Set(String),
    /// No override: follow the cluster's value (`-1` in the spec).
    ClusterDefault,
}

/// A topic as the spec wants it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesiredTopic {
    pub name: String,
    /// None = not managed; Some(-1) = the cluster default.
    pub partitions: Option<i32>,
    /// None = not managed; Some(-1) = the cluster default.
    pub replication_factor: Option<i16>,
    pub configs: BTreeMap<String, Desired>,
}

/// A topic as the cluster has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualTopic {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i16,
    pub internal: bool,
    /// Every config with its source (empty when not described).
    pub configs: Vec<ConfigEntry>,
}

/// Plan options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Delete managed, unprotected topics that the spec does not list.
    pub prune: bool,
    /// Remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set.
    pub prune_configs: bool,
    /// Delete ACLs of managed principals that the spec does not declare.
    pub prune_acls: bool,
    /// Remove client quotas the spec does not set.
    pub prune_quotas: bool,
}

/// Which topics and keys the spec owns.
pub struct Ownership<'a> {
    pub managed: &'a dyn Fn(&str) -> bool,
    pub protected: &'a dyn Fn(&str) -> bool,
    pub ignored_config: &'a dyn Fn(&str) -> bool,
}

/// The admin APIs the cluster offers (from ApiVersions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub create_topics: bool,
    pub create_partitions: bool,
    pub alter_configs: bool,
    pub delete_topics: bool,
    /// AlterPartitionReassignments and ListPartitionReassignments.
    pub reassign: bool,
}

impl Default for Capabilities {
    fn default() -> Self {
        Capabilities {
            create_topics: true,
            create_partitions: true,
            alter_configs: true,
            delete_topics: true,
            reassign: true,
        }
    }
}

/// One change to make.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    CreateTopic {
        topic: String,
        partitions: i32,
        replication_factor: i16,
        configs: BTreeMap<String, String>,
    },
    AddPartitions {
        topic: String,
        from: i32,
        to: i32,
    },
    SetConfig {
        topic: String,
        key: String,
        /// The effective value before, and where it came from.
        from: Option<String>,
        from_source: Option<ConfigSource>,
        to: String,
        /// Why it is destructive (a retention decrease, leaving compaction), if it is.
        destructive: Option<String>,
    },
    UnsetConfig {
        topic: String,
        key: String,
        from: Option<String>,
        /// Why: the spec says -1 (cluster default), or --prune-configs.
        reason: String,
    },
    DeleteTopic {
        topic: String,
    },
    /// An ACL the spec declares that the cluster lacks.
    CreateAcl {
        #[serde(flatten)]
        acl: crate::acl::Acl,
        /// Why it is destructive (a DENY), if it is.
        destructive: Option<String>,
    },
    /// A replication factor change: each partition's replicas, before and after (the first is the
    /// preferred leader), moved by a reassignment.
    ChangeReplication {
        topic: String,
        from: i16,
        to: i16,
        moves: Vec<Move>,
    },
    /// A client quota the spec sets (new or changed).
    SetQuota {
        entity: crate::quota::Entity,
        key: String,
        from: Option<f64>,
        to: f64,
    },
    /// A client quota the spec does not set (`--prune-quotas`).
    RemoveQuota {
        entity: crate::quota::Entity,
        key: String,
        from: f64,
    },
    /// A managed principal's ACL the spec does not declare (`--prune-acls`).
    DeleteAcl {
        #[serde(flatten)]
        acl: crate::acl::Acl,
        /// Why it is destructive (the principal's last ACL), if it is.
        destructive: Option<String>,
    },
}

impl Action {
    pub fn topic(&self) -> &str {
        match self {
            Action::CreateTopic { topic, .. }
            | Action::AddPartitions { topic, .. }
            | Action::SetConfig { topic, .. }
            | Action::UnsetConfig { topic, .. }
            | Action::DeleteTopic { topic }
            | Action::ChangeReplication { topic, .. } => topic,
            Action::CreateAcl { acl, .. } | Action::DeleteAcl { acl, .. } => &acl.name,
            Action::SetQuota { .. } | Action::RemoveQuota { .. } => "quotas",
        }
    }

    /// The ACL of an ACL action.
    pub fn acl(&self) -> Option<&crate::acl::Acl> {
        match self {
            Action::CreateAcl { acl, .. } | Action::DeleteAcl { acl, .. } => Some(acl),
            _ => None,
        }
    }

    /// True for actions that lose data or can't be undone.
    pub fn is_destructive(&self) -> bool {
        match self {
            Action::DeleteTopic { .. } => true,
            Action::SetConfig { destructive, .. }
            | Action::CreateAcl { destructive, .. }
            | Action::DeleteAcl { destructive, .. } => destructive.is_some(),
            _ => false,
        }
    }
}

/// One partition's replicas before and after a reassignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub partition: i32,
    pub from: Vec<i32>,
    pub to: Vec<i32>,
}

/// A change the plan refuses to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub topic: String,
    /// partition_decrease | replication_factor_change | unsupported_api
    pub reason: &'static str,
    pub message: String,
}

/// The plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Plan {
    pub actions: Vec<Action>,
    pub refusals: Vec<Refusal>,
    pub warnings: Vec<String>,
    /// Spec topics already in sync.
    pub in_sync_topics: usize,
    /// Spec ACLs already in the cluster.
    pub in_sync_acls: usize,
    /// Spec quota values already in the cluster.
    pub in_sync_quotas: usize,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty() && self.refusals.is_empty()
    }
}

/// A note of what the cluster has beyond the spec: `N what: the first five; ...`.
fn unlisted(what: &str, items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(5).map(String::as_str).collect();
    let more = if items.len() > 5 { "; ..." } else { "" };
    format!("{} {what}: {}{more}", items.len(), shown.join("; "))
}

/// Compares a config value as Kafka would: list-valued keys are sets.
fn same_value(key: &str, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if key == "cleanup.policy" {
        let set = |s: &str| {
            let mut v: Vec<String> = s
                .split(',')
                .map(|x| x.trim().to_ascii_lowercase())
                .filter(|x| !x.is_empty())
                .collect();
            v.sort();
            v
        };
        return set(a) == set(b);
    }
    false
}

/// Why lowering/changing this key loses data, if it does.
fn destructive_reason(key: &str, from: Option<&str>, to: &str) -> Option<String> {
    let from = from?;
    match key {
        "retention.ms" | "retention.bytes" | "local.retention.ms" | "local.retention.bytes" => {
            // -1 is unlimited
            let n = |s: &str| {
                s.parse::<i64>()
                    .ok()
                    .map(|v| if v < 0 { i64::MAX } else { v })
            };
            match (n(from), n(to)) {
                (Some(f), Some(t)) if t < f => Some(format!(
                    "{key} decrease: data older or larger than the new limit is deleted"
                )),
                _ => None,
            }
        }
        "cleanup.policy" => {
            let compact = |s: &str| s.split(',').any(|p| p.trim() == "compact");
            (compact(from) && !compact(to)).then(|| {
                "cleanup.policy leaves compaction: old keys become subject to deletion".to_string()
            })
        }
        _ => None,
    }
}

/// Builds the plan.
pub fn plan(
    desired: &[DesiredTopic],
    actual: &BTreeMap<String, ActualTopic>,
    opts: Options,
    own: &Ownership<'_>,
    caps: Capabilities,
) -> Plan {
    let mut p = Plan::default();
    for d in desired {
        let Some(a) = actual.get(&d.name) else {
            if !caps.create_topics {
                p.refusals.push(Refusal {
                    topic: d.name.clone(),
                    reason: "unsupported_api",
                    message: format!("{}: the broker does not support CreateTopics", d.name),
                });
                continue;
            }
            p.actions.push(Action::CreateTopic {
                topic: d.name.clone(),
                partitions: d.partitions.unwrap_or(-1),
                replication_factor: d.replication_factor.unwrap_or(-1),
                configs: d
                    .configs
                    .iter()
                    .filter_map(|(k, v)| match v {
                        Desired::Set(v) => Some((k.clone(), v.clone())),
                        Desired::ClusterDefault => None,
                    })
                    .collect(),
            });
            continue;
        };
        let before = p.actions.len() + p.refusals.len();
        if let Some(want) = d.partitions.filter(|n| *n > 0) {
            if want < a.partitions {
                p.refusals.push(Refusal {
                    topic: d.name.clone(),
                    reason: "partition_decrease",
                    message: format!(
                        "{}: partitions {} → {}: Kafka cannot remove partitions; keep {} in the spec, or create a new topic and migrate",
                        d.name, a.partitions, want, a.partitions
                    ),
                });
            } else if want > a.partitions {
                if caps.create_partitions {
                    p.actions.push(Action::AddPartitions {
                        topic: d.name.clone(),
                        from: a.partitions,
                        to: want,
                    });
                } else {
                    p.refusals.push(Refusal {
                        topic: d.name.clone(),
                        reason: "unsupported_api",
                        message: format!(
                            "{}: partitions {} → {}: the broker does not support CreatePartitions",
                            d.name, a.partitions, want
                        ),
                    });
                }
            }
        }
        if let Some(want) = d.replication_factor.filter(|n| *n > 0)
            && want != a.replication_factor
        {
            let current_min_isr = (a.configs.iter())
                .find(|c| c.name == "min.insync.replicas")
                .and_then(|c| c.value.as_deref()?.parse::<i16>().ok());
            let desired_min_isr = match d.configs.get("min.insync.replicas") {
                Some(Desired::Set(v)) => v.parse::<i16>().ok(),
                _ => None,
            };
            let min_isr = desired_min_isr.or(current_min_isr);
            // a min.insync.replicas the spec raises is set before the reassignment runs
            let raised_min_isr = desired_min_isr.filter(|m| Some(*m) != current_min_isr);
            if !caps.reassign {
                p.refusals.push(Refusal {
                    topic: d.name.clone(),
                    reason: "replication_factor_change",
                    message: format!(
                        "{}: replication factor {} → {}: the broker does not support AlterPartitionReassignments",
                        d.name, a.replication_factor, want
                    ),
                });
            } else if let Some(m) = min_isr.filter(|m| *m > want) {
                p.refusals.push(Refusal {
                    topic: d.name.clone(),
                    reason: "min_insync_above_rf",
                    message: format!(
                        "{}: replication factor {} → {want} is below its min.insync.replicas {m}: producers with acks=all would be refused; lower min_insync_replicas in the spec too",
                        d.name, a.replication_factor
                    ),
                });
            } else if d.partitions.is_some_and(|n| n > a.partitions) {
                // CreatePartitions would make the new partitions at the old factor
                p.refusals.push(Refusal {
                    topic: d.name.clone(),
                    reason: "replication_factor_change",
                    message: format!(
                        "{}: partitions and replication factor change together: apply the partitions first (keep replication_factor {}), then the replication factor",
                        d.name, a.replication_factor
                    ),
                });
            } else if let Some(m) = raised_min_isr.filter(|m| *m > a.replication_factor) {
                // the config is set before the replicas exist: acks=all producers would be refused
                p.refusals.push(Refusal {
                    topic: d.name.clone(),
                    reason: "min_insync_above_rf",
                    message: format!(
                        "{}: min.insync.replicas {m} is above the current replication factor {} until the reassignment completes: raise the replication factor first (keep min_insync_replicas at most {}), then min_insync_replicas",
                        d.name, a.replication_factor, a.replication_factor
                    ),
                });
            } else {
                // the replica lists are placed once the brokers are known (reassign::place)
                p.actions.push(Action::ChangeReplication {
                    topic: d.name.clone(),
                    from: a.replication_factor,
                    to: want,
                    moves: Vec::new(),
                });
            }
        }
        let current: BTreeMap<&str, &ConfigEntry> =
            a.configs.iter().map(|c| (c.name.as_str(), c)).collect();
        let mut config_actions = Vec::new();
        for (key, want) in &d.configs {
            let cur = current.get(key.as_str());
            match want {
                Desired::Set(v) => {
                    let from = cur.and_then(|c| c.value.clone());
                    if from.as_deref().is_some_and(|f| same_value(key, f, v)) {
                        continue;
                    }
                    config_actions.push(Action::SetConfig {
                        topic: d.name.clone(),
                        key: key.clone(),
                        destructive: destructive_reason(key, from.as_deref(), v),
                        from,
                        from_source: cur.map(|c| c.source),
                        to: v.clone(),
                    });
                }
                Desired::ClusterDefault => {
                    if let Some(c) = cur.filter(|c| c.source == ConfigSource::DynamicTopicConfig) {
                        config_actions.push(Action::UnsetConfig {
                            topic: d.name.clone(),
                            key: key.clone(),
                            from: c.value.clone(),
                            reason: "the spec says -1: follow the cluster default".into(),
                        });
                    }
                }
            }
        }
        for c in &a.configs {
            if c.source != ConfigSource::DynamicTopicConfig
                || d.configs.contains_key(&c.name)
                || (own.ignored_config)(&c.name)
            {
                continue;
            }
            if opts.prune_configs {
                config_actions.push(Action::UnsetConfig {
                    topic: d.name.clone(),
                    key: c.name.clone(),
                    from: c.value.clone(),
                    reason: "not in the spec (--prune-configs)".into(),
                });
            } else {
                p.warnings.push(format!(
                    "{}: {}={} is set on the topic but not in the spec (kept; --prune-configs removes it)",
                    d.name,
                    c.name,
                    c.value.as_deref().unwrap_or("null")
                ));
            }
        }
        if !config_actions.is_empty() && !caps.alter_configs {
            p.refusals.push(Refusal {
                topic: d.name.clone(),
                reason: "unsupported_api",
                message: format!(
                    "{}: {} config change(s): the broker does not support IncrementalAlterConfigs",
                    d.name,
                    config_actions.len()
                ),
            });
        } else {
            p.actions.extend(config_actions);
        }
        if p.actions.len() + p.refusals.len() == before {
            p.in_sync_topics += 1;
        }
    }
    if opts.prune {
        let wanted: std::collections::HashSet<&str> =
            desired.iter().map(|d| d.name.as_str()).collect();
        for a in actual.values() {
            if wanted.contains(a.name.as_str())
                || a.internal
                || !(own.managed)(&a.name)
                || (own.protected)(&a.name)
            {
                continue;
            }
            if caps.delete_topics {
                p.actions.push(Action::DeleteTopic {
                    topic: a.name.clone(),
                });
            } else {
                p.refusals.push(Refusal {
                    topic: a.name.clone(),
                    reason: "unsupported_api",
                    message: format!("{}: the broker does not support DeleteTopics", a.name),
                });
            }
        }
    }
    p
}

#[cfg(test)]
mod tests;
