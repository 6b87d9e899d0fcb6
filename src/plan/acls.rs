//! ACLs in a plan: the spec's bindings against the cluster's (read with one DescribeAcls, never
//! a state file), creations for what the cluster lacks and, with `--prune-acls`, deletions of
//! what managed principals have beyond the spec; executed with one CreateAcls and one
//! DeleteAcls.

use std::collections::{BTreeMap, BTreeSet};

use kafka_protocol::messages::ApiKey;

use super::cluster::Outcome;
use super::{Action, Plan, Refusal};
use crate::acl::{Acl, Permission};
use crate::kafka::acls::{self, Acls};
use crate::kafka::{Client, Route};

/// The cluster's ACLs for a plan, or the refusal that stands for them.
pub async fn read(client: &Client) -> anyhow::Result<Result<BTreeSet<Acl>, Refusal>> {
    let refusal = |reason, message: &str| Refusal {
        topic: "acls".into(),
        reason,
        message: message.into(),
    };
    let versions = client.api_versions(Route::Controller).await?;
    if !versions.supports(ApiKey::DescribeAcls) {
        return Ok(Err(refusal(
            "unsupported_api",
            "acls: the broker does not support the ACL APIs (DescribeAcls): the spec's ACLs cannot be planned",
        )));
    }
    Ok(match acls::describe_all(client).await? {
        Acls::Bindings(set, _) => Ok(set),
        Acls::NoAuthorizer => Err(refusal(
            "no_authorizer",
            "acls: the cluster has no authorizer (authorizer.class.name is not set): ACLs cannot be applied",
        )),
    })
}

/// Adds the ACL changes to `plan`: creations of the declared ACLs the cluster lacks; the
/// managed principals' other ACLs deleted with `prune`, else noted. A DENY, and deleting a
/// principal's last ACL, are destructive.
pub fn diff(
    declared: &BTreeSet<Acl>,
    actual: &BTreeSet<Acl>,
    managed: &BTreeSet<&str>,
    prune: bool,
    plan: &mut Plan,
) {
    for acl in declared {
        if actual.contains(acl) {
            plan.in_sync_acls += 1;
            continue;
        }
        let destructive = (acl.permission == Permission::Deny)
            .then(|| "a DENY overrides every ALLOW of the principal on the resource".to_string());
        plan.actions.push(Action::CreateAcl {
            acl: acl.clone(),
            destructive,
        });
    }
    let extra: Vec<&Acl> = (actual.iter())
        .filter(|a| managed.contains(a.principal.as_str()) && !declared.contains(*a))
        .collect();
    if extra.is_empty() {
        return;
    }
    if !prune {
        let items: Vec<String> = extra.iter().map(|a| a.to_string()).collect();
        plan.warnings.push(super::unlisted(
            "ACL(s) of managed principals are not in the spec (--prune-acls deletes them)",
            &items,
        ));
        return;
    }
    // what each principal keeps: its declared ACLs
    let mut keeps: BTreeMap<&str, usize> = BTreeMap::new();
    for a in declared {
        *keeps.entry(a.principal.as_str()).or_default() += 1;
    }
    let mut last: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &extra {
        *last.entry(a.principal.as_str()).or_default() += 1;
    }
    for acl in extra {
        let keeps_some = keeps.get(acl.principal.as_str()).copied().unwrap_or(0) > 0;
        let destructive = (!keeps_some).then(|| {
            format!(
                "{} keeps no ACL: it loses every access it had ({} ACL(s) deleted)",
                acl.principal,
                last.get(acl.principal.as_str()).copied().unwrap_or(0)
            )
        });
        plan.actions.push(Action::DeleteAcl {
            acl: acl.clone(),
            destructive,
        });
    }
}

/// Executes the plan's ACL actions: one CreateAcls, then one DeleteAcls.
pub async fn execute(client: &Client, actions: &[Action]) -> Vec<Outcome> {
    let mut out = Vec::new();
    for create in [true, false] {
        let of: Vec<&Action> = (actions.iter())
            .filter(|a| matches!(a, Action::CreateAcl { .. }) == create && a.acl().is_some())
            .collect();
        if of.is_empty() {
            continue;
        }
        let list: Vec<Acl> = of.iter().filter_map(|a| a.acl().cloned()).collect();
        let results = if create {
            acls::create(client, &list).await
        } else {
            acls::delete(client, &list).await
        };
        match results {
            Ok(r) => out.extend(of.iter().zip(r).map(|(a, e)| Outcome {
                action: (*a).clone(),
                error: e.map(|e| e.to_string()),
            })),
            Err(e) => out.extend(of.iter().map(|a| Outcome {
                action: (*a).clone(),
                error: Some(e.to_string()),
            })),
        }
    }
    out
}
