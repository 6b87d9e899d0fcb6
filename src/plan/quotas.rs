//! Client quotas in a plan: the spec's quotas against the cluster's (one DescribeClientQuotas),
//! each key set where it differs and, with `--prune-quotas`, every other quota of the cluster
//! removed; executed with one AlterClientQuotas.

use std::collections::BTreeMap;

use kafka_protocol::messages::ApiKey;

use super::cluster::Outcome;
use super::{Action, Plan, Refusal};
use crate::kafka::quotas::{self, QuotaChange};
use crate::kafka::{Client, Route};
use crate::quota::{Entity, same};
use crate::spec::QuotaSpec;

/// The cluster's quotas, or the refusal that stands for them.
pub async fn read(
    client: &Client,
) -> anyhow::Result<Result<BTreeMap<Entity, BTreeMap<String, f64>>, Refusal>> {
    let versions = client.api_versions(Route::Controller).await?;
    if !versions.supports(ApiKey::DescribeClientQuotas)
        || !versions.supports(ApiKey::AlterClientQuotas)
    {
        return Ok(Err(Refusal {
            topic: "quotas".into(),
            reason: "unsupported_api",
            message: "quotas: the broker does not support DescribeClientQuotas/AlterClientQuotas: the spec's quotas cannot be planned".into(),
        }));
    }
    Ok(Ok(quotas::describe_all(client).await?))
}

/// Adds the quota changes to `plan`.
pub fn diff(
    declared: &[QuotaSpec],
    actual: &BTreeMap<Entity, BTreeMap<String, f64>>,
    prune: bool,
    plan: &mut Plan,
) {
    let mut extra: Vec<(Entity, String, f64)> = Vec::new();
    for q in declared {
        let have = actual.get(&q.entity);
        for (key, want) in &q.values {
            let from = have.and_then(|h| h.get(key)).copied();
            if from.is_some_and(|f| same(f, *want)) {
                plan.in_sync_quotas += 1;
                continue;
            }
            plan.actions.push(Action::SetQuota {
                entity: q.entity.clone(),
                key: key.clone(),
                from,
                to: *want,
            });
        }
    }
    for (entity, values) in actual {
        let spec = declared.iter().find(|q| &q.entity == entity);
        for (key, v) in values {
            if !spec.is_some_and(|q| q.values.contains_key(key)) {
                extra.push((entity.clone(), key.clone(), *v));
            }
        }
    }
    if extra.is_empty() {
        return;
    }
    if !prune {
        if !declared.is_empty() {
            let items: Vec<String> = extra.iter().map(|(e, k, _)| format!("{e}: {k}")).collect();
            plan.warnings.push(super::unlisted(
                "quota(s) of the cluster are not in the spec (--prune-quotas removes them)",
                &items,
            ));
        }
        return;
    }
    for (entity, key, from) in extra {
        plan.actions.push(Action::RemoveQuota { entity, key, from });
    }
}

/// Executes the plan's quota actions in one AlterClientQuotas.
pub async fn execute(client: &Client, actions: &[Action]) -> Vec<Outcome> {
    let mut by_entity: BTreeMap<Entity, Vec<(String, Option<f64>)>> = BTreeMap::new();
    let mut mine: Vec<&Action> = Vec::new();
    for a in actions {
        match a {
            Action::SetQuota {
                entity, key, to, ..
            } => by_entity
                .entry(entity.clone())
                .or_default()
                .push((key.clone(), Some(*to))),
            Action::RemoveQuota { entity, key, .. } => by_entity
                .entry(entity.clone())
                .or_default()
                .push((key.clone(), None)),
            _ => continue,
        }
        mine.push(a);
    }
    if mine.is_empty() {
        return Vec::new();
    }
    let changes: Vec<QuotaChange> = by_entity.into_iter().collect();
    let results = quotas::alter(client, &changes).await;
    mine.into_iter()
        .map(|a| {
            let entity = match a {
                Action::SetQuota { entity, .. } | Action::RemoveQuota { entity, .. } => entity,
                _ => unreachable!("quota actions only"),
            };
            let error = match &results {
                Err(e) => Some(e.to_string()),
                Ok(r) => (changes.iter().position(|(e, _)| e == entity))
                    .and_then(|i| r.get(i).and_then(|x| x.as_ref()))
                    .map(|e| e.to_string()),
            };
            Outcome {
                action: a.clone(),
                error,
            }
        })
        .collect()
}
