//! `evctl export`: the cluster's topics as a topics.yaml, only the values set on each topic (in
//! human units), so that a plan of the result against the same cluster is empty.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cluster;
use super::render::human;
use crate::kafka::Client;
use crate::kafka::admin::ConfigSource;
use crate::output::{Render, Styles};

/// One exported topic.
#[derive(Debug, Serialize)]
pub struct ExportedTopic {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i16,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub configs: BTreeMap<String, String>,
}

/// One principal's exported ACLs (roles recognised).
#[derive(Debug, Serialize)]
pub struct ExportedPrincipal {
    pub principal: String,
    pub acls: Vec<crate::acl::Entry>,
}

/// The exported spec, and the cluster it came from.
#[derive(Debug, Serialize)]
pub struct Exported {
    pub topics: Vec<ExportedTopic>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub acls: Vec<ExportedPrincipal>,
    /// One mapping per quota entity: user / client_id / ip, then the keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<BTreeMap<String, String>>,
    #[serde(skip)]
    pub cluster_id: Option<String>,
    /// What was left out, and why (printed on stderr).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

impl Render for Exported {
    fn table(&self, _s: &Styles) -> String {
        serde_yaml_ng::to_string(self).unwrap_or_default()
    }
}

/// Reads the topics whose names start with one of `prefixes` (all without any), protected ones
/// only with `include_protected`, and what is set on them.
pub async fn export(
    client: &Client,
    prefixes: &[String],
    include_protected: bool,
    with_acls: bool,
    with_quotas: bool,
) -> anyhow::Result<Exported> {
    let meta = client.metadata(None).await?;
    let names: Vec<String> = meta
        .topics
        .values()
        .filter(|t| !t.internal)
        .map(|t| t.name.clone())
        .filter(|n| prefixes.is_empty() || prefixes.iter().any(|p| n.starts_with(p.as_str())))
        .filter(|n| {
            include_protected
                || !crate::spec::BUILTIN_PROTECTED
                    .iter()
                    .any(|g| crate::spec::glob_match(g, n))
        })
        .collect();
    let state = cluster::read_from(client, &meta, &names).await?;
    let topics = names
        .iter()
        .filter_map(|n| state.topics.get(n))
        .map(|t| ExportedTopic {
            name: t.name.clone(),
            partitions: t.partitions,
            replication_factor: t.replication_factor,
            configs: t
                .configs
                .iter()
                .filter(|c| c.source == ConfigSource::DynamicTopicConfig && !c.sensitive)
                .filter_map(|c| {
                    let v = c.value.clone()?;
                    Some((c.name.clone(), human(&c.name, &v).unwrap_or(v)))
                })
                .collect(),
        })
        .collect();
    // every ACL of the cluster, per principal: a cluster without an authorizer (or the ACL
    // APIs) has none to write
    let mut acls = Vec::new();
    let mut warnings = Vec::new();
    let denied = |what: &str, e: &anyhow::Error, warnings: &mut Vec<String>| {
        let no = e
            .downcast_ref::<crate::kafka::KafkaError>()
            .is_some_and(|k| matches!(k, crate::kafka::KafkaError::Denied { .. }));
        if no {
            warnings.push(format!("{what} left out: {e}"));
        }
        no
    };
    let read_acls = if with_acls {
        Some(super::acls::read(client).await)
    } else {
        None
    };
    let all = match read_acls {
        Some(Ok(Ok(all))) => all,
        Some(Err(e)) if denied("ACLs", &e, &mut warnings) => Default::default(),
        Some(Err(e)) => return Err(e),
        _ => Default::default(),
    };
    {
        let mut by: BTreeMap<String, std::collections::BTreeSet<crate::acl::Acl>> = BTreeMap::new();
        for a in all {
            // a binding the spec cannot express (an operation the resource does not take)
            if !a.resource.operations().contains(&a.operation) {
                warnings.push(format!("ACL left out (the spec cannot express it): {a}"));
                continue;
            }
            by.entry(a.principal.clone()).or_default().insert(a);
        }
        for (principal, set) in by {
            let entries = crate::acl::entries(&principal, &set);
            acls.push(ExportedPrincipal {
                principal,
                acls: entries,
            });
        }
    }
    let mut quotas = Vec::new();
    let read_quotas = if with_quotas {
        Some(super::quotas::read(client).await)
    } else {
        None
    };
    let all = match read_quotas {
        Some(Ok(Ok(all))) => all,
        Some(Err(e)) if denied("quotas", &e, &mut warnings) => Default::default(),
        Some(Err(e)) => return Err(e),
        _ => Default::default(),
    };
    {
        for (entity, values) in all {
            let mut q: BTreeMap<String, String> = BTreeMap::new();
            for (t, n) in entity.0.clone() {
                let field = if t == "client-id" {
                    "client_id".to_string()
                } else {
                    t
                };
                q.insert(field, n.unwrap_or_else(|| crate::quota::DEFAULT.into()));
            }
            let known = if entity.is_ip() {
                crate::quota::IP_KEYS
            } else {
                crate::quota::CLIENT_KEYS
            };
            for (k, v) in values {
                if !known.contains(&k.as_str()) || v <= 0.0 {
                    warnings.push(format!(
                        "quota left out (the spec cannot express it): {entity}: {k}={v}"
                    ));
                    continue;
                }
                let text = crate::quota::format_value(&k, v);
                q.insert(k, text);
            }
            if q.len() > entity.0.len() {
                quotas.push(q);
            }
        }
    }
    Ok(Exported {
        topics,
        acls,
        quotas,
        cluster_id: state.cluster_id,
        warnings,
    })
}
