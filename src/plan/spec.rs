//! A plan for a spec: the spec's topics as the planner sees them, the cluster read, and the plan.

use super::cluster::{self, ClusterState};
use super::{Desired, DesiredTopic, Options, Ownership, Plan};
use crate::kafka::Client;
use crate::spec::{self, ConfigValue, Spec};

/// The planner's view of the spec's topics (ignored config keys left out).
pub fn desired(spec: &Spec) -> Vec<DesiredTopic> {
    spec.topics
        .iter()
        .map(|t| DesiredTopic {
            name: t.name.clone(),
            partitions: t.partitions,
            replication_factor: t.replication_factor,
            configs: t
                .configs
                .iter()
                .filter(|(k, _)| !spec::ignored_config(spec, k))
                .map(|(k, v)| {
                    (
                        k.clone(),
                        match v {
                            ConfigValue::Set(s) => Desired::Set(s.clone()),
                            ConfigValue::ClusterDefault => Desired::ClusterDefault,
                        },
                    )
                })
                .collect(),
        })
        .collect()
}

/// Reads the cluster and plans the changes that make it match the spec. Refusals are part of the
/// plan, not errors; a spec the cluster cannot hold (more replicas than brokers) is.
pub async fn for_spec(
    client: &Client,
    spec: &Spec,
    opts: Options,
) -> anyhow::Result<(Plan, ClusterState)> {
    let names: Vec<String> = spec.topics.iter().map(|t| t.name.clone()).collect();
    let state = cluster::read(client, &names).await?;
    spec::validate_against_brokers(spec, state.live_brokers)?;
    let managed = |t: &str| spec.managed.owns(t);
    let protected = |t: &str| spec::is_protected(spec, t);
    let ignored = |k: &str| spec::ignored_config(spec, k);
    let own = Ownership {
        managed: &managed,
        protected: &protected,
        ignored_config: &ignored,
    };
    let mut plan = super::plan(
        &desired(spec),
        &state.topics,
        opts,
        &own,
        state.capabilities,
    );
    if state.capabilities.reassign {
        // reassignments of the spec's topics in progress are reported, and not planned over; a
        // principal that may not Describe the cluster plans without seeing them
        let ongoing = match crate::kafka::reassign::ongoing(client).await {
            Ok(o) => o,
            Err(crate::kafka::KafkaError::Denied { .. }) => {
                tracing::debug!("not authorized to list reassignments: none reported");
                Default::default()
            }
            Err(e) => return Err(e.into()),
        };
        let ongoing: std::collections::BTreeMap<_, _> = (ongoing.into_iter())
            .filter(|((t, _), _)| names.contains(t))
            .collect();
        super::reassign::fill(&mut plan, &client.cached_metadata(), &ongoing);
    }
    let managed = spec.acl_principals();
    if !managed.is_empty() {
        match super::acls::read(client).await? {
            Ok(actual) => {
                let declared = spec.acls.iter().map(|d| d.acl.clone()).collect();
                super::acls::diff(&declared, &actual, &managed, opts.prune_acls, &mut plan);
            }
            Err(refusal) => plan.refusals.push(refusal),
        }
    }
    if !spec.quotas.is_empty() || opts.prune_quotas {
        match super::quotas::read(client).await? {
            Ok(actual) => super::quotas::diff(&spec.quotas, &actual, opts.prune_quotas, &mut plan),
            Err(refusal) => plan.refusals.push(refusal),
        }
    }
    Ok((plan, state))
}
