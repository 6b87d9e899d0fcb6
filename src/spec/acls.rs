//! The `acls:` section (per principal) and the `acls:` of a topic (its producers and consumers),
//! expanded to ACL bindings with the place that declared each.
//!
//! ```yaml
//! acls:
//!   - principal: User:orders-svc
//!     acls:
//!       - {role: producer, topic: orders.events}
//!       - {role: consumer, topic: payments., pattern: prefixed, group: orders-svc}
//!       - {resource: topic, name: audit, operations: [describe, describe_configs]}
//!       - {resource: topic, name: secret, operations: [all], permission: deny}
//! topics:
//!   - name: orders.events
//!     acls:
//!       producers: [User:orders-svc]
//!       consumers: [{principal: User:billing, group: billing}]
//! ```

use super::build::{check_fields, did_you_mean, list_of, optional_str, required_str};
use super::yaml::{Kind, Node, Pos, show};
use super::{AclDecl, Problems};
use crate::acl::{Acl, CLUSTER_NAME, Operation, Pattern, Permission, ROLES, Resource, Role};

const PRINCIPAL_FIELDS: &[&str] = &["principal", "acls"];
const ENTRY_FIELDS: &[&str] = &[
    "resource",
    "name",
    "pattern",
    "operations",
    "permission",
    "host",
    "role",
    "topic",
    "group",
    "transactional_id",
];
const TOPIC_ACL_FIELDS: &[&str] = &["producers", "consumers"];
const MEMBER_FIELDS: &[&str] = &["principal", "group", "transactional_id", "host"];

/// The top-level `acls:` list.
pub(super) fn section(list: &[Node], p: &mut Problems) -> Vec<(AclDecl, Pos, bool)> {
    let mut out = Vec::new();
    for item in list {
        let Some(map) = item.as_map() else {
            p.at(
                item.pos,
                format!(
                    "each `acls` entry is a mapping with `principal:` and `acls:`, found {}",
                    item.kind.type_name()
                ),
            );
            continue;
        };
        check_fields(map, PRINCIPAL_FIELDS, "an `acls` entry", p);
        let Some((principal, pnode)) = required_str(item, "principal", "this `acls` entry", p)
        else {
            continue;
        };
        if !principal_ok(principal, pnode, p) {
            continue;
        }
        let Some(entries) = item.get("acls") else {
            p.at(
                item.pos,
                format!("principal `{}` has no `acls`", show(principal)),
            );
            continue;
        };
        for e in list_of(entries, "acls", p).unwrap_or_default() {
            out.extend(entry(principal, e, p));
        }
    }
    out
}

fn principal_ok(principal: &str, node: &Node, p: &mut Problems) -> bool {
    match crate::acl::check_principal(principal) {
        Ok(()) => true,
        Err(e) => {
            p.at(node.pos, e);
            false
        }
    }
}

/// One entry of a principal: a role or a resource with operations.
fn entry(principal: &str, e: &Node, p: &mut Problems) -> Vec<(AclDecl, Pos, bool)> {
    let Some(map) = e.as_map() else {
        p.at(
            e.pos,
            format!(
                "each ACL is a mapping with `resource:` and `operations:` (or `role:`), found {}",
                e.kind.type_name()
            ),
        );
        return Vec::new();
    };
    check_fields(map, ENTRY_FIELDS, "an ACL", p);
    let host = optional_str(e, "host", p).map_or("*".to_string(), |(h, _)| h.to_string());
    let pattern = match optional_str(e, "pattern", p) {
        None => Pattern::Literal,
        Some((w, n)) => match Pattern::parse(w) {
            Some(x) => x,
            None => {
                unknown(p, n, "pattern", w, &Pattern::names());
                return Vec::new();
            }
        },
    };
    let decl = |acls: Vec<Acl>, p: &Problems, role: bool| -> Vec<(AclDecl, Pos, bool)> {
        let origin = p.origin(e.pos);
        (acls.into_iter())
            .map(|acl| {
                let origin = origin.clone();
                (AclDecl { acl, origin }, e.pos, role)
            })
            .collect()
    };
    if let Some((role, rnode)) = optional_str(e, "role", p) {
        if e.get("resource").is_some() || e.get("operations").is_some() {
            p.at(
                rnode.pos,
                "an ACL has either `role:` or `resource:` with `operations:`, not both",
            );
            return Vec::new();
        }
        let Some((topic, _)) = required_str(e, "topic", &format!("role `{role}`"), p) else {
            return Vec::new();
        };
        // a field the role does not take would be ignored: a `permission: deny` would grant
        let lower = role.to_ascii_lowercase();
        let stray: &[&str] = match lower.as_str() {
            "producer" => &["name", "permission", "group"],
            "consumer" => &["name", "permission", "transactional_id"],
            _ => &[],
        };
        if let Some((f, n)) = stray.iter().find_map(|f| e.get(f).map(|n| (f, n))) {
            p.at(n.pos, format!("role `{role}` does not take `{f}`: a role expands to the ALLOW ACLs kafka-acls gives it; write a `resource:` entry for anything else"));
            return Vec::new();
        }
        let role = match lower.as_str() {
            "producer" => Role::Producer {
                topic: topic.to_string(),
                pattern,
                transactional_id: optional_str(e, "transactional_id", p)
                    .map(|(t, _)| t.to_string()),
            },
            "consumer" => {
                let Some((group, _)) = required_str(e, "group", "role `consumer`", p) else {
                    return Vec::new();
                };
                Role::Consumer {
                    topic: topic.to_string(),
                    pattern,
                    group: group.to_string(),
                }
            }
            _ => {
                unknown(p, rnode, "role", role, ROLES);
                return Vec::new();
            }
        };
        return decl(role.expand(principal, &host), p, true);
    }
    let Some((rname, rnode)) = required_str(e, "resource", "this ACL", p) else {
        return Vec::new();
    };
    let Some(resource) = Resource::parse(rname) else {
        unknown(p, rnode, "resource type", rname, &Resource::names());
        return Vec::new();
    };
    let name = match (resource, optional_str(e, "name", p)) {
        (Resource::Cluster, None) => CLUSTER_NAME.to_string(),
        (Resource::Cluster, Some((n, node))) if n != CLUSTER_NAME => {
            p.at(node.pos, format!("the cluster resource is named `{CLUSTER_NAME}`, not `{}` (or leave `name` out)", show(n)));
            return Vec::new();
        }
        (_, Some(("", node))) => {
            p.at(node.pos, "an empty resource name matches nothing");
            return Vec::new();
        }
        (_, Some((n, _))) => n.to_string(),
        (_, None) => {
            p.at(e.pos, format!("this {resource} ACL has no `name`"));
            return Vec::new();
        }
    };
    let permission = match optional_str(e, "permission", p) {
        None => Permission::Allow,
        Some((w, n)) => match Permission::parse(w) {
            Some(x) => x,
            None => {
                unknown(p, n, "permission", w, &Permission::names());
                return Vec::new();
            }
        },
    };
    let Some(ops) = e.get("operations") else {
        p.at(e.pos, format!("this {resource} ACL has no `operations`"));
        return Vec::new();
    };
    let mut acls = Vec::new();
    for op in list_of(ops, "operations", p).unwrap_or_default() {
        let Some(w) = op.as_str() else {
            p.at(op.pos, "operations are words like read, write or describe");
            continue;
        };
        let Some(operation) = Operation::parse(w) else {
            unknown(p, op, "operation", w, &Operation::names());
            continue;
        };
        if !resource.operations().contains(&operation) {
            let allowed: Vec<&str> = resource.operations().iter().map(|o| o.as_str()).collect();
            p.at_help(
                op.pos,
                format!("operation `{w}` does not apply to a {resource}"),
                format!("a {resource} takes: {}", allowed.join(", ")),
            );
            continue;
        }
        acls.push(Acl {
            principal: principal.to_string(),
            resource,
            name: name.clone(),
            pattern,
            operation,
            permission,
            host: host.clone(),
        });
    }
    decl(acls, p, false)
}

/// A topic's `acls:` (`producers`, `consumers`): roles on that topic.
pub(super) fn of_topic(topic: &str, node: &Node, p: &mut Problems) -> Vec<(AclDecl, Pos, bool)> {
    let Some(map) = node.as_map() else {
        p.at(
            node.pos,
            format!(
                "a topic's `acls` is a mapping with `producers:` and `consumers:`, found {}",
                node.kind.type_name()
            ),
        );
        return Vec::new();
    };
    check_fields(
        map,
        TOPIC_ACL_FIELDS,
        &format!("the acls of topic `{}`", show(topic)),
        p,
    );
    let mut out = Vec::new();
    for (field, noun) in [("producers", "producer"), ("consumers", "consumer")] {
        let Some(v) = node.get(field) else { continue };
        let consumer = field == "consumers";
        for item in list_of(v, field, p).unwrap_or_default() {
            let (principal, pnode, group, txn, host) = match &item.kind {
                Kind::Str(s) if !consumer => (s.as_str(), item, None, None, "*".to_string()),
                Kind::Map(m) => {
                    check_fields(
                        m,
                        MEMBER_FIELDS,
                        &format!("a {noun} of `{}`", show(topic)),
                        p,
                    );
                    let Some((principal, pnode)) = required_str(item, "principal", "this entry", p)
                    else {
                        continue;
                    };
                    let group = optional_str(item, "group", p).map(|(g, _)| g.to_string());
                    let txn = optional_str(item, "transactional_id", p).map(|(t, _)| t.to_string());
                    let host = optional_str(item, "host", p)
                        .map_or("*".to_string(), |(h, _)| h.to_string());
                    (principal, pnode, group, txn, host)
                }
                _ => {
                    let shape = if consumer {
                        "{principal: User:name, group: GROUP}"
                    } else {
                        "a principal (User:name) or {principal: User:name, transactional_id: ID}"
                    };
                    p.at(item.pos, format!("each of `{field}` is {shape}"));
                    continue;
                }
            };
            if !principal_ok(principal, pnode, p) {
                continue;
            }
            let role = if consumer {
                let Some(group) = group else {
                    p.at(
                        item.pos,
                        format!(
                            "consumer `{}` of `{}` has no `group`",
                            show(principal),
                            show(topic)
                        ),
                    );
                    continue;
                };
                Role::Consumer {
                    topic: topic.to_string(),
                    pattern: Pattern::Literal,
                    group,
                }
            } else {
                Role::Producer {
                    topic: topic.to_string(),
                    pattern: Pattern::Literal,
                    transactional_id: txn,
                }
            };
            let origin = p.origin(item.pos);
            out.extend(role.expand(principal, &host).into_iter().map(|acl| {
                let origin = origin.clone();
                (AclDecl { acl, origin }, item.pos, true)
            }));
        }
    }
    out
}

/// Records an ACL an explicit entry declares twice (roles overlap by design: a producer and a
/// consumer of one topic both DESCRIBE it, producers share the cluster's IDEMPOTENT_WRITE);
/// keeps the first, reporting each entry once.
pub(super) fn dedupe(decls: Vec<(AclDecl, Pos, bool)>, p: &mut Problems) -> Vec<AclDecl> {
    let mut out: Vec<AclDecl> = Vec::with_capacity(decls.len());
    let mut seen: std::collections::HashMap<Acl, (usize, bool)> = std::collections::HashMap::new();
    let mut reported: std::collections::HashSet<(usize, usize)> = Default::default();
    for (d, pos, role) in decls {
        match seen.get(&d.acl) {
            Some(&(i, first_role)) if out[i].origin != d.origin && !(role || first_role) => {
                if reported.insert((pos.file, pos.offset)) {
                    let first = out[i].origin.to_string();
                    p.at(
                        pos,
                        format!("ACL `{}` is declared twice (first at {first})", d.acl),
                    );
                }
            }
            Some(_) => {}
            None => {
                seen.insert(d.acl.clone(), (out.len(), role));
                out.push(d);
            }
        }
    }
    out
}

fn unknown(p: &mut Problems, n: &Node, what: &str, w: &str, candidates: &[&str]) {
    let help = did_you_mean(w, candidates);
    p.at_help(n.pos, format!("unknown {what} `{}`", show(w)), help);
}
