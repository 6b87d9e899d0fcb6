//! ACLs on the wire: DescribeAcls (every binding in one request), CreateAcls and DeleteAcls (one
//! request each for a whole plan), and the codes of Kafka's enums.

use std::collections::BTreeSet;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::create_acls_request::AclCreation;
use kafka_protocol::messages::delete_acls_request::DeleteAclsFilter;
use kafka_protocol::messages::{CreateAclsRequest, DeleteAclsRequest, DescribeAclsRequest};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Route, top_level_error};
use super::error::{KafkaError, Result};
use crate::acl::{Acl, Operation, Pattern, Permission, Resource};

fn resource_code(r: Resource) -> i8 {
    match r {
        Resource::Topic => 2,
        Resource::Group => 3,
        Resource::Cluster => 4,
        Resource::TransactionalId => 5,
    }
}

fn pattern_code(p: Pattern) -> i8 {
    match p {
        Pattern::Literal => 3,
        Pattern::Prefixed => 4,
    }
}

fn permission_code(p: Permission) -> i8 {
    match p {
        Permission::Deny => 2,
        Permission::Allow => 3,
    }
}

fn operation_code(o: Operation) -> i8 {
    // ALL is 2; the rest follow Kafka's AclOperation order
    2 + Operation::ALL.iter().position(|x| *x == o).unwrap_or(0) as i8
}

fn decode(
    resource: i8,
    name: &str,
    pattern: i8,
    principal: &str,
    host: &str,
    operation: i8,
    permission: i8,
) -> Option<Acl> {
    let resource = match resource {
        2 => Resource::Topic,
        3 => Resource::Group,
        4 => Resource::Cluster,
        5 => Resource::TransactionalId,
        _ => return None,
    };
    Some(Acl {
        principal: principal.to_string(),
        resource,
        name: name.to_string(),
        pattern: match pattern {
            3 => Pattern::Literal,
            4 => Pattern::Prefixed,
            _ => return None,
        },
        operation: *Operation::ALL.get(usize::try_from(operation.checked_sub(2)?).ok()?)?,
        permission: match permission {
            2 => Permission::Deny,
            3 => Permission::Allow,
            _ => return None,
        },
        host: host.to_string(),
    })
}

/// What the cluster's ACLs are, when it has an authorizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acls {
    /// Every binding of the kinds evctl models (others, such as delegation-token ACLs, are left
    /// out and never touched), with how many others there were.
    Bindings(BTreeSet<Acl>, usize),
    /// The broker has no authorizer (SECURITY_DISABLED): there are no ACLs to manage.
    NoAuthorizer,
}

/// Every ACL of the cluster, with one DescribeAcls (the ANY filter).
pub async fn describe_all(client: &Client) -> Result<Acls> {
    let resp = client
        .call::<DescribeAclsRequest, _, _>(
            Route::Controller,
            |_| {
                // the defaults filter on an empty name, principal and host: None matches any
                DescribeAclsRequest::default()
                    .with_resource_name_filter(None)
                    .with_principal_filter(None)
                    .with_host_filter(None)
                    .with_resource_type_filter(1)
                    .with_pattern_type_filter(1)
                    .with_operation(1)
                    .with_permission_type(1)
            },
            |r| match ResponseError::try_from_code(r.error_code) {
                Some(ResponseError::SecurityDisabled) => None,
                _ => top_level_error("describing ACLs", r.error_code, r.error_message.as_ref())
                    .map(|e| e.as_denied("Describe", "the cluster")),
            },
        )
        .await?;
    if ResponseError::try_from_code(resp.error_code) == Some(ResponseError::SecurityDisabled) {
        return Ok(Acls::NoAuthorizer);
    }
    tracing::debug!(
        resources = resp.resources.len(),
        error = resp.error_code,
        "ACLs described"
    );
    let mut out = BTreeSet::new();
    let mut other = 0;
    for r in &resp.resources {
        for a in &r.acls {
            match decode(
                r.resource_type,
                &r.resource_name,
                r.pattern_type,
                &a.principal,
                &a.host,
                a.operation,
                a.permission_type,
            ) {
                Some(acl) => {
                    out.insert(acl);
                }
                None => other += 1,
            }
        }
    }
    Ok(Acls::Bindings(out, other))
}

/// Creates the ACLs in one CreateAcls request; each one's result (None: created).
pub async fn create(client: &Client, acls: &[Acl]) -> Result<Vec<Option<KafkaError>>> {
    let resp = client
        .send::<CreateAclsRequest, _>(Route::Controller, |_| {
            CreateAclsRequest::default().with_creations(
                acls.iter()
                    .map(|a| {
                        AclCreation::default()
                            .with_resource_type(resource_code(a.resource))
                            .with_resource_name(StrBytes::from_string(a.name.clone()))
                            .with_resource_pattern_type(pattern_code(a.pattern))
                            .with_principal(StrBytes::from_string(a.principal.clone()))
                            .with_host(StrBytes::from_string(a.host.clone()))
                            .with_operation(operation_code(a.operation))
                            .with_permission_type(permission_code(a.permission))
                    })
                    .collect(),
            )
        })
        .await?;
    Ok(per_acl(acls, "CreateAcls", "creating", |i| {
        let r = resp.results.get(i)?;
        Some((
            r.error_code,
            r.error_message.as_ref().map(|m| m.to_string()),
        ))
    }))
}

/// Each ACL's result from the answers, in request order (None: done); `answer(i)` is the i-th
/// answer's error code and message, None when the broker sent none.
fn per_acl(
    acls: &[Acl],
    api: &str,
    verb: &str,
    answer: impl Fn(usize) -> Option<(i16, Option<String>)>,
) -> Vec<Option<KafkaError>> {
    (0..acls.len())
        .map(|i| match answer(i) {
            None => Some(KafkaError::Protocol {
                addr: api.into(),
                reason: "no result for this ACL".into(),
            }),
            Some((code, message)) => ResponseError::try_from_code(code).map(|e| {
                KafkaError::broker(format!("{verb} ACL {}", acls[i]), e, message)
                    .as_denied("Alter", "the cluster")
            }),
        })
        .collect()
}

/// Deletes exactly these ACLs (one filter per binding, all in one DeleteAcls request); each
/// one's result (None: deleted).
pub async fn delete(client: &Client, acls: &[Acl]) -> Result<Vec<Option<KafkaError>>> {
    let resp = client
        .send::<DeleteAclsRequest, _>(Route::Controller, |_| {
            DeleteAclsRequest::default().with_filters(
                acls.iter()
                    .map(|a| {
                        DeleteAclsFilter::default()
                            .with_resource_type_filter(resource_code(a.resource))
                            .with_resource_name_filter(Some(StrBytes::from_string(a.name.clone())))
                            .with_pattern_type_filter(pattern_code(a.pattern))
                            .with_principal_filter(Some(StrBytes::from_string(a.principal.clone())))
                            .with_host_filter(Some(StrBytes::from_string(a.host.clone())))
                            .with_operation(operation_code(a.operation))
                            .with_permission_type(permission_code(a.permission))
                    })
                    .collect(),
            )
        })
        .await?;
    Ok(per_acl(acls, "DeleteAcls", "deleting", |i| {
        let r = resp.filter_results.get(i)?;
        let code = (r.matching_acls.iter().map(|m| m.error_code))
            .find(|c| *c != 0)
            .unwrap_or(r.error_code);
        Some((code, r.error_message.as_ref().map(|m| m.to_string())))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        assert_eq!(operation_code(Operation::All), 2);
        assert_eq!(operation_code(Operation::Read), 3);
        assert_eq!(operation_code(Operation::IdempotentWrite), 12);
        assert_eq!(operation_code(Operation::DescribeTokens), 14);
        for o in Operation::ALL {
            let a = decode(2, "t", 3, "User:a", "*", operation_code(*o), 3).unwrap();
            assert_eq!(a.operation, *o);
        }
        assert!(decode(6, "t", 3, "User:a", "*", 3, 3).is_none());
    }
}
