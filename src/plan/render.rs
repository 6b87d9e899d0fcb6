//! The plan as people and programs read it: a text diff (changed keys only, old → new, both as
//! Kafka values and human units, with the old value's source) and a stable JSON document.

use serde::Serialize;

use super::cluster::Outcome;
use super::{Action, Plan, Refusal};
use crate::output::{Render, Styles, sanitize};
use crate::quota;

/// Version of the JSON plan document; bumped only on incompatible changes.
pub const PLAN_FORMAT: u32 = 1;

/// Counts by kind of action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub create: usize,
    pub add_partitions: usize,
    pub change_replication: usize,
    pub set_config: usize,
    pub unset_config: usize,
    pub delete: usize,
    pub create_acl: usize,
    pub delete_acl: usize,
    pub set_quota: usize,
    pub remove_quota: usize,
    pub refused: usize,
    pub destructive: usize,
    pub in_sync_topics: usize,
    pub in_sync_acls: usize,
    pub in_sync_quotas: usize,
}

impl Summary {
    pub fn of(plan: &Plan) -> Summary {
        let mut s = Summary {
            refused: plan.refusals.len(),
            in_sync_topics: plan.in_sync_topics,
            in_sync_acls: plan.in_sync_acls,
            in_sync_quotas: plan.in_sync_quotas,
            ..Summary::default()
        };
        for a in &plan.actions {
            match a {
                Action::CreateTopic { .. } => s.create += 1,
                Action::AddPartitions { .. } => s.add_partitions += 1,
                Action::ChangeReplication { .. } => s.change_replication += 1,
                Action::SetConfig { .. } => s.set_config += 1,
                Action::UnsetConfig { .. } => s.unset_config += 1,
                Action::DeleteTopic { .. } => s.delete += 1,
                Action::CreateAcl { .. } => s.create_acl += 1,
                Action::DeleteAcl { .. } => s.delete_acl += 1,
                Action::SetQuota { .. } => s.set_quota += 1,
                Action::RemoveQuota { .. } => s.remove_quota += 1,
            }
            if a.is_destructive() {
                s.destructive += 1;
            }
        }
        s
    }

    /// One line: "Plan: 2 to create, 3 to change, 1 to delete (1 destructive); 1 refused."
    pub fn line(&self) -> String {
        let change =
            self.add_partitions + self.change_replication + self.set_config + self.unset_config;
        let acls = self.create_acl + self.delete_acl;
        let quotas = self.set_quota + self.remove_quota;
        if self.create + change + self.delete + self.refused + acls + quotas == 0 {
            let mut parts = vec![format!("{} topic(s)", self.in_sync_topics)];
            if self.in_sync_acls > 0 {
                parts.push(format!("{} ACL(s)", self.in_sync_acls));
            }
            if self.in_sync_quotas > 0 {
                parts.push(format!("{} quota value(s)", self.in_sync_quotas));
            }
            let last = parts.pop().unwrap_or_default();
            return match parts.is_empty() {
                true => format!("No changes: {last} in sync."),
                false => format!("No changes: {} and {last} in sync.", parts.join(", ")),
            };
        }
        let mut s = format!(
            "Plan: {} to create, {} to change, {} to delete",
            self.create, change, self.delete
        );
        if acls > 0 {
            s.push_str(&format!(
                "; ACLs: {} to create, {} to delete",
                self.create_acl, self.delete_acl
            ));
        }
        if quotas > 0 {
            s.push_str(&format!(
                "; quotas: {} to set, {} to remove",
                self.set_quota, self.remove_quota
            ));
        }
        if self.destructive > 0 {
            s.push_str(&format!(" ({} destructive)", self.destructive));
        }
        if self.refused > 0 {
            s.push_str(&format!("; {} refused", self.refused));
        }
        s.push('.');
        s
    }
}

/// The stable plan document (`-o json`).
#[derive(Debug, Serialize)]
pub struct PlanDocument<'a> {
    pub format: u32,
    pub cluster_id: Option<String>,
    pub in_sync: bool,
    pub summary: Summary,
    pub actions: &'a [Action],
    pub refusals: &'a [Refusal],
    pub warnings: &'a [String],
}

impl<'a> PlanDocument<'a> {
    pub fn new(plan: &'a Plan, cluster_id: Option<String>) -> Self {
        PlanDocument {
            format: PLAN_FORMAT,
            cluster_id,
            in_sync: plan.is_empty(),
            summary: Summary::of(plan),
            actions: &plan.actions,
            refusals: &plan.refusals,
            warnings: &plan.warnings,
        }
    }
}

/// The human form of a Kafka value, when the key has a unit: `604800000` → `7d`.
pub use crate::spec::humanize as human;

fn show(key: &str, value: Option<&str>) -> String {
    match value {
        None => "(none)".into(),
        Some(v) => match human(key, v) {
            Some(h) if h != v => format!("{} ({h})", sanitize(v)),
            _ => sanitize(v).into_owned(),
        },
    }
}

impl Render for PlanDocument<'_> {
    fn table(&self, s: &Styles) -> String {
        let mut out = String::new();
        let mut last_topic = "";
        for a in self.actions {
            let topic = a.topic();
            let header = |sym: &str, style: fn(&Styles, &str) -> String, what: &str| {
                format!("{} {}{}\n", style(s, sym), s.bold(&sanitize(topic)), what)
            };
            match a {
                Action::CreateTopic {
                    partitions,
                    replication_factor,
                    configs,
                    ..
                } => {
                    let n = |v: i64| {
                        if v < 0 {
                            "cluster default".to_string()
                        } else {
                            v.to_string()
                        }
                    };
                    out.push_str(&header(
                        "+",
                        Styles::good,
                        &format!(
                            "  create: partitions {}, replication factor {}",
                            n(*partitions as i64),
                            n(*replication_factor as i64)
                        ),
                    ));
                    for (k, v) in configs {
                        out.push_str(&format!("      {k} = {}\n", show(k, Some(v))));
                    }
                }
                Action::DeleteTopic { .. } => {
                    out.push_str(&header(
                        "-",
                        Styles::bad,
                        "  delete (destructive: its data is lost)",
                    ));
                }
                Action::SetQuota {
                    entity,
                    key,
                    from,
                    to,
                } => {
                    let was = from.map_or("(none)".to_string(), |f| quota::format_value(key, f));
                    out.push_str(&format!(
                        "{} quota {}: {key}: {was} → {}\n",
                        s.warn("~"),
                        sanitize(&entity.to_string()),
                        quota::format_value(key, *to)
                    ));
                }
                Action::RemoveQuota { entity, key, from } => {
                    out.push_str(&format!(
                        "{} quota {}: {key}: {} → (none)\n",
                        s.bad("-"),
                        sanitize(&entity.to_string()),
                        quota::format_value(key, *from)
                    ));
                }
                Action::CreateAcl { acl, destructive } | Action::DeleteAcl { acl, destructive } => {
                    let (sym, verb) = if matches!(a, Action::CreateAcl { .. }) {
                        (s.good("+"), "create")
                    } else {
                        (s.bad("-"), "delete")
                    };
                    out.push_str(&format!(
                        "{sym} ACL {verb}: {}
",
                        sanitize(&acl.to_string())
                    ));
                    if let Some(why) = destructive {
                        out.push_str(&format!(
                            "        {} {why}
",
                            s.bad("destructive:")
                        ));
                    }
                }
                _ => {
                    if topic != last_topic {
                        out.push_str(&header("~", Styles::warn, ""));
                    }
                    match a {
                        Action::AddPartitions { from, to, .. } => {
                            out.push_str(&format!("      partitions {from} → {to}\n"))
                        }
                        Action::ChangeReplication {
                            from, to, moves, ..
                        } => {
                            out.push_str(&format!(
                                "      replication factor {from} → {to} (a reassignment of {} partition(s))\n",
                                moves.len()
                            ));
                            for m in moves.iter().take(20) {
                                out.push_str(&format!(
                                    "        partition {}: replicas {:?} → {:?}\n",
                                    m.partition, m.from, m.to
                                ));
                            }
                            if moves.len() > 20 {
                                out.push_str(&format!(
                                    "        ... and {} more\n",
                                    moves.len() - 20
                                ));
                            }
                        }
                        Action::SetConfig {
                            key,
                            from,
                            from_source,
                            to,
                            destructive,
                            ..
                        } => {
                            let src = from_source
                                .map(|s| {
                                    format!(
                                        " [{}]",
                                        serde_json::to_value(s)
                                            .ok()
                                            .and_then(|v| v.as_str().map(String::from))
                                            .unwrap_or_default()
                                    )
                                })
                                .unwrap_or_default();
                            out.push_str(&format!(
                                "      {key}: {}{src} → {}\n",
                                show(key, from.as_deref()),
                                show(key, Some(to))
                            ));
                            if let Some(why) = destructive {
                                out.push_str(&format!("        {} {why}\n", s.bad("destructive:")));
                            }
                        }
                        Action::UnsetConfig {
                            key, from, reason, ..
                        } => {
                            out.push_str(&format!(
                                "      {key}: {} → (cluster default)  ({reason})\n",
                                show(key, from.as_deref())
                            ));
                        }
                        _ => {}
                    }
                }
            }
            last_topic = topic;
        }
        for r in self.refusals {
            out.push_str(&format!("{} {}\n", s.bad("refused:"), sanitize(&r.message)));
        }
        for w in self.warnings {
            out.push_str(&format!("{} {}\n", s.warn("note:"), sanitize(w)));
        }
        out.push_str(&self.summary.line());
        out.push('\n');
        out
    }
}
/// What `apply` did: the plan, and the outcome of each change.
#[derive(Serialize)]
pub struct ApplyReport<'a> {
    pub plan: PlanDocument<'a>,
    pub applied: usize,
    pub failed: usize,
    pub results: Vec<Outcome>,
}

impl Render for ApplyReport<'_> {
    fn table(&self, s: &Styles) -> String {
        let mut out = String::new();
        for r in &self.results {
            let what = r.action.describe();
            match &r.error {
                None => out.push_str(&format!("{} {what}\n", s.good("✓"))),
                Some(e) => out.push_str(&format!("{} {what}: {}\n", s.bad("✗"), sanitize(e))),
            }
        }
        out.push_str(&format!(
            "Applied {} of {} change(s)",
            self.applied,
            self.applied + self.failed
        ));
        if self.failed > 0 {
            out.push_str(&format!("; {} failed", self.failed));
        }
        out.push_str(".\n");
        out
    }
}

impl Action {
    /// One line saying what the change does.
    pub fn describe(&self) -> String {
        match self {
            Action::CreateTopic { topic, .. } => format!("create {topic}"),
            Action::AddPartitions { topic, from, to } => {
                format!("{topic}: partitions {from} → {to}")
            }
            Action::SetConfig { topic, key, to, .. } => format!("{topic}: {key} = {to}"),
            Action::UnsetConfig { topic, key, .. } => format!("{topic}: unset {key}"),
            Action::DeleteTopic { topic } => format!("delete {topic}"),
            Action::ChangeReplication {
                topic, from, to, ..
            } => format!("{topic}: replication factor {from} → {to}"),
            Action::CreateAcl { acl, .. } => format!("create ACL {acl}"),
            Action::SetQuota {
                entity, key, to, ..
            } => format!("quota {entity}: {key} = {}", quota::format_value(key, *to)),
            Action::RemoveQuota { entity, key, .. } => format!("quota {entity}: remove {key}"),
            Action::DeleteAcl { acl, .. } => format!("delete ACL {acl}"),
        }
    }
}
