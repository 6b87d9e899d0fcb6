//! ACLs as evctl models them: Kafka's binding (principal, host, operation, permission on a
//! resource pattern), the names the spec uses for each enum, which operations apply to which
//! resource, the role shortcuts of `kafka-acls` (`producer`, `consumer`) and their recognition
//! when the cluster's ACLs are written back as a spec. The wire codes are in `crate::kafka::acls`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

/// The resource types a spec can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    Topic,
    Group,
    Cluster,
    TransactionalId,
}

/// How a resource name matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    Literal,
    Prefixed,
}

/// Allow or deny.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    Allow,
    Deny,
}

/// Kafka's ACL operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    All,
    Read,
    Write,
    Create,
    Delete,
    Alter,
    Describe,
    ClusterAction,
    DescribeConfigs,
    AlterConfigs,
    IdempotentWrite,
    CreateTokens,
    DescribeTokens,
}

/// The name Kafka gives the cluster resource.
pub const CLUSTER_NAME: &str = "kafka-cluster";

macro_rules! names {
    ($t:ty, $($v:ident => $s:literal),+ $(,)?) => {
        impl $t {
            /// Every value, in order.
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            /// The spec's name.
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),+ }
            }
            /// From the spec's name (case and `-`/`_` insensitive).
            pub fn parse(s: &str) -> Option<$t> {
                let n = s.trim().to_ascii_lowercase().replace('-', "_");
                match n.as_str() { $($s => Some(<$t>::$v),)+ _ => None }
            }
            /// Every spec name.
            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names!(Resource, Topic => "topic", Group => "group", Cluster => "cluster", TransactionalId => "transactional_id");
names!(Pattern, Literal => "literal", Prefixed => "prefixed");
names!(Permission, Allow => "allow", Deny => "deny");
names!(Operation,
    All => "all", Read => "read", Write => "write", Create => "create", Delete => "delete",
    Alter => "alter", Describe => "describe", ClusterAction => "cluster_action",
    DescribeConfigs => "describe_configs", AlterConfigs => "alter_configs",
    IdempotentWrite => "idempotent_write", CreateTokens => "create_tokens",
    DescribeTokens => "describe_tokens",
);

impl Resource {
    /// The operations that mean something on this resource (Kafka's `AclEntry` table).
    pub fn operations(self) -> &'static [Operation] {
        use Operation::*;
        match self {
            Resource::Topic => &[
                All,
                Read,
                Write,
                Create,
                Delete,
                Alter,
                Describe,
                DescribeConfigs,
                AlterConfigs,
            ],
            Resource::Group => &[All, Read, Describe, Delete],
            // CREATE_TOKENS and DESCRIBE_TOKENS are for user resources, not modelled here
            Resource::Cluster => &[
                All,
                Create,
                ClusterAction,
                DescribeConfigs,
                AlterConfigs,
                IdempotentWrite,
                Alter,
                Describe,
            ],
            Resource::TransactionalId => &[All, Describe, Write],
        }
    }
}

/// One ACL binding: Kafka's identity of an ACL (there is no update, only create and delete).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Acl {
    /// `User:orders-svc` (`Type:name`).
    pub principal: String,
    pub resource: Resource,
    /// The resource name (`kafka-cluster` for the cluster).
    pub name: String,
    pub pattern: Pattern,
    pub operation: Operation,
    pub permission: Permission,
    /// `*` for every host.
    pub host: String,
}

impl fmt::Display for Acl {
    /// `User:a allow read on topic orders (prefixed) from *`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} on {} {}",
            self.principal, self.permission, self.operation, self.resource, self.name
        )?;
        if self.pattern == Pattern::Prefixed {
            f.write_str(" (prefixed)")?;
        }
        if self.host != "*" {
            write!(f, " from {}", self.host)?;
        }
        Ok(())
    }
}

/// A principal must be `Type:name` (`User:alice`, `Group:ops`).
pub fn check_principal(p: &str) -> Result<(), String> {
    match p.split_once(':') {
        Some((t, n)) if !t.is_empty() && !n.is_empty() && !t.contains(char::is_whitespace) => {
            Ok(())
        }
        _ => Err(format!(
            "principal `{p}` has no type: write it as `User:{p}` (Type:name)"
        )),
    }
}

/// A role shortcut, as kafka-acls' `--producer` and `--consumer` expand it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// WRITE, DESCRIBE, CREATE on the topic and IDEMPOTENT_WRITE on the cluster; WRITE and
    /// DESCRIBE on a transactional id when one is given.
    Producer {
        topic: String,
        pattern: Pattern,
        transactional_id: Option<String>,
    },
    /// READ, DESCRIBE on the topic and READ on the group.
    Consumer {
        topic: String,
        pattern: Pattern,
        group: String,
    },
}

/// The role names.
pub const ROLES: &[&str] = &["producer", "consumer"];

impl Role {
    /// The ACLs of the role for `principal` from `host`.
    pub fn expand(&self, principal: &str, host: &str) -> Vec<Acl> {
        let acl = |resource, name: &str, pattern, operation| Acl {
            principal: principal.to_string(),
            resource,
            name: name.to_string(),
            pattern,
            operation,
            permission: Permission::Allow,
            host: host.to_string(),
        };
        use Operation::*;
        match self {
            Role::Producer {
                topic,
                pattern,
                transactional_id,
            } => {
                let mut out: Vec<Acl> = [Write, Describe, Create]
                    .into_iter()
                    .map(|o| acl(Resource::Topic, topic, *pattern, o))
                    .collect();
                out.push(acl(
                    Resource::Cluster,
                    CLUSTER_NAME,
                    Pattern::Literal,
                    IdempotentWrite,
                ));
                if let Some(t) = transactional_id {
                    for o in [Write, Describe] {
                        out.push(acl(Resource::TransactionalId, t, *pattern, o));
                    }
                }
                out
            }
            Role::Consumer {
                topic,
                pattern,
                group,
            } => vec![
                acl(Resource::Topic, topic, *pattern, Read),
                acl(Resource::Topic, topic, *pattern, Describe),
                acl(Resource::Group, group, *pattern, Read),
            ],
        }
    }
}

/// One entry of a principal in a written spec: a role, or a resource with its operations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    Role {
        role: &'static str,
        topic: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        group: Option<String>,
        #[serde(skip_serializing_if = "is_literal")]
        pattern: Pattern,
    },
    Resource {
        resource: Resource,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(skip_serializing_if = "is_literal")]
        pattern: Pattern,
        operations: Vec<Operation>,
        #[serde(skip_serializing_if = "is_allow")]
        permission: Permission,
        #[serde(skip_serializing_if = "is_any_host")]
        host: String,
    },
}

fn is_literal(p: &Pattern) -> bool {
    *p == Pattern::Literal
}
fn is_allow(p: &Permission) -> bool {
    *p == Permission::Allow
}
fn is_any_host(h: &String) -> bool {
    h == "*"
}

/// A principal's ACLs as spec entries: `producer` and `consumer` roles where the cluster holds
/// exactly what they expand to (allowed from any host), the rest grouped by resource with their
/// operations. Expanding the entries gives back exactly `acls`.
pub fn entries(principal: &str, acls: &BTreeSet<Acl>) -> Vec<Entry> {
    let mut left: BTreeSet<Acl> = acls.clone();
    let mut out = Vec::new();
    let topics: BTreeSet<(String, Pattern)> = (acls.iter())
        .filter(|a| a.resource == Resource::Topic)
        .map(|a| (a.name.clone(), a.pattern))
        .collect();
    let role_acls = |role: &Role| role.expand(principal, "*");
    // producers: the topic's three operations, and the cluster's IDEMPOTENT_WRITE they share
    let idempotent = role_acls(&Role::Producer {
        topic: String::new(),
        pattern: Pattern::Literal,
        transactional_id: None,
    })
    .pop()
    .filter(|i| acls.contains(i));
    if let Some(i) = idempotent {
        for (topic, pattern) in &topics {
            let role = Role::Producer {
                topic: topic.clone(),
                pattern: *pattern,
                transactional_id: None,
            };
            let want = &role_acls(&role)[..3];
            if want.iter().all(|a| left.contains(a)) {
                want.iter().for_each(|a| {
                    left.remove(a);
                });
                out.push(Entry::Role {
                    role: "producer",
                    topic: topic.clone(),
                    group: None,
                    pattern: *pattern,
                });
            }
        }
        if !out.is_empty() {
            left.remove(&i);
        }
    }
    // consumers: the topic's READ and DESCRIBE, with a group READ of the same pattern
    let groups: Vec<(String, Pattern)> = (acls.iter())
        .filter(|a| a.resource == Resource::Group && a.operation == Operation::Read)
        .filter(|a| a.permission == Permission::Allow && a.host == "*")
        .map(|a| (a.name.clone(), a.pattern))
        .collect();
    for (topic, pattern) in &topics {
        let Some((group, _)) = groups.iter().find(|(_, gp)| gp == pattern) else {
            continue;
        };
        let role = Role::Consumer {
            topic: topic.clone(),
            pattern: *pattern,
            group: group.clone(),
        };
        // READ still unclaimed; DESCRIBE may be a producer role's too (roles overlap)
        let want = role_acls(&role);
        if left.contains(&want[0]) && acls.contains(&want[1]) {
            for a in &want[..2] {
                left.remove(a);
            }
            out.push(Entry::Role {
                role: "consumer",
                topic: topic.clone(),
                group: Some(group.clone()),
                pattern: *pattern,
            });
        }
    }
    // a group a consumer role names has its READ from the role
    for e in &out {
        if let Entry::Role {
            role: "consumer",
            topic,
            group: Some(g),
            pattern,
        } = e
        {
            let role = Role::Consumer {
                topic: topic.clone(),
                pattern: *pattern,
                group: g.clone(),
            };
            left.remove(&role_acls(&role)[2]);
        }
    }
    let mut grouped: BTreeMap<(Resource, String, Pattern, Permission, String), Vec<Operation>> =
        BTreeMap::new();
    for a in left {
        grouped
            .entry((a.resource, a.name, a.pattern, a.permission, a.host))
            .or_default()
            .push(a.operation);
    }
    for ((resource, name, pattern, permission, host), operations) in grouped {
        out.push(Entry::Resource {
            resource,
            name: (resource != Resource::Cluster || name != CLUSTER_NAME).then_some(name),
            pattern,
            operations,
            permission,
            host,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_entries(principal: &str, entries: &[Entry]) -> BTreeSet<Acl> {
        let mut out = BTreeSet::new();
        for e in entries {
            match e {
                Entry::Role {
                    role,
                    topic,
                    group,
                    pattern,
                } => {
                    let r = if *role == "producer" {
                        Role::Producer {
                            topic: topic.clone(),
                            pattern: *pattern,
                            transactional_id: None,
                        }
                    } else {
                        Role::Consumer {
                            topic: topic.clone(),
                            pattern: *pattern,
                            group: group.clone().unwrap(),
                        }
                    };
                    out.extend(r.expand(principal, "*"));
                }
                Entry::Resource {
                    resource,
                    name,
                    pattern,
                    operations,
                    permission,
                    host,
                } => {
                    for o in operations {
                        out.insert(Acl {
                            principal: principal.into(),
                            resource: *resource,
                            name: name.clone().unwrap_or_else(|| CLUSTER_NAME.into()),
                            pattern: *pattern,
                            operation: *o,
                            permission: *permission,
                            host: host.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    #[test]
    fn roles_expand_as_kafka_acls_does() {
        let p = Role::Producer {
            topic: "orders".into(),
            pattern: Pattern::Literal,
            transactional_id: None,
        };
        let ops: Vec<String> = p
            .expand("User:a", "*")
            .iter()
            .map(|a| a.to_string())
            .collect();
        assert_eq!(
            ops,
            [
                "User:a allow write on topic orders",
                "User:a allow describe on topic orders",
                "User:a allow create on topic orders",
                "User:a allow idempotent_write on cluster kafka-cluster",
            ]
        );
        let c = Role::Consumer {
            topic: "orders.".into(),
            pattern: Pattern::Prefixed,
            group: "billing".into(),
        };
        assert_eq!(c.expand("User:b", "*").len(), 3);
    }

    #[test]
    fn entries_recognise_roles_and_give_back_the_same_acls() {
        let mut acls: BTreeSet<Acl> = BTreeSet::new();
        let producer = Role::Producer {
            topic: "orders".into(),
            pattern: Pattern::Literal,
            transactional_id: None,
        };
        acls.extend(producer.expand("User:a", "*"));
        let consumer = Role::Consumer {
            topic: "payments".into(),
            pattern: Pattern::Literal,
            group: "billing".into(),
        };
        acls.extend(consumer.expand("User:a", "*"));
        let deny = Acl {
            principal: "User:a".into(),
            resource: Resource::Topic,
            name: "secret".into(),
            pattern: Pattern::Literal,
            operation: Operation::All,
            permission: Permission::Deny,
            host: "*".into(),
        };
        acls.insert(deny);
        let e = entries("User:a", &acls);
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(matches!(
            &e[0],
            Entry::Role {
                role: "producer",
                ..
            }
        ));
        assert!(matches!(
            &e[1],
            Entry::Role {
                role: "consumer",
                ..
            }
        ));
        assert_eq!(expand_entries("User:a", &e), acls);
        // without IDEMPOTENT_WRITE: plain entries
        let mut plain = acls.clone();
        plain.retain(|a| a.operation != Operation::IdempotentWrite);
        let e = entries("User:a", &plain);
        assert!(!e.iter().any(|x| matches!(
            x,
            Entry::Role {
                role: "producer",
                ..
            }
        )));
        assert_eq!(expand_entries("User:a", &e), plain);
    }

    #[test]
    fn names_and_checks() {
        assert_eq!(
            Operation::parse("IDEMPOTENT_WRITE"),
            Some(Operation::IdempotentWrite)
        );
        assert_eq!(
            Operation::parse("describe-configs"),
            Some(Operation::DescribeConfigs)
        );
        assert_eq!(
            Resource::parse("transactional-id"),
            Some(Resource::TransactionalId)
        );
        assert!(!Resource::Cluster.operations().contains(&Operation::Read));
        assert!(check_principal("User:a").is_ok());
        assert!(check_principal("alice").is_err());
    }
}
