//! The `quotas:` section: client quotas per entity.
//!
//! ```yaml
//! quotas:
//!   - {user: orders-svc, producer_byte_rate: 10MiB/s, consumer_byte_rate: 20MiB/s}
//!   - {user: orders-svc, client_id: checkout, request_percentage: 50}
//!   - {user: "<default>", producer_byte_rate: 1MiB/s}
//!   - {ip: 10.0.0.1, connection_creation_rate: 10}
//! ```

use std::collections::BTreeMap;

use super::build::{check_fields, suggest};
use super::yaml::{Kind, Node, show};
use super::{Problems, QuotaSpec};
use crate::quota::{CLIENT_KEYS, DEFAULT, Entity, IP_KEYS, parse_value};

const ENTITY_FIELDS: &[&str] = &["user", "client_id", "ip"];

/// The `quotas:` list; an entity given twice is an error at its second place.
pub(super) fn section(list: &[Node], p: &mut Problems) -> Vec<QuotaSpec> {
    let mut out: Vec<QuotaSpec> = Vec::new();
    let all: Vec<&str> = ENTITY_FIELDS
        .iter()
        .chain(CLIENT_KEYS)
        .chain(IP_KEYS)
        .copied()
        .collect();
    for item in list {
        let Some(map) = item.as_map() else {
            p.at(
                item.pos,
                format!(
                    "each quota is a mapping with `user:`, `client_id:` or `ip:` and quota keys, found {}",
                    item.kind.type_name()
                ),
            );
            continue;
        };
        check_fields(map, &all, "a quota", p);
        let mut entity = Vec::new();
        for (field, ty) in [("client_id", "client-id"), ("ip", "ip"), ("user", "user")] {
            let Some(n) = item.get(field) else { continue };
            match &n.kind {
                Kind::Str(s) if !s.trim().is_empty() => {
                    let name = (s != DEFAULT).then(|| s.to_string());
                    entity.push((ty.to_string(), name));
                }
                other => p.at_help(
                    n.pos,
                    format!("`{field}` must be a name, found {}", other.type_name()),
                    format!("write `{field}: \"{DEFAULT}\"` for the default entity"),
                ),
            }
        }
        let entity = Entity(entity);
        if entity.0.is_empty() {
            p.at(
                item.pos,
                "this quota names no entity: give `user:`, `client_id:` (or both) or `ip:`",
            );
            continue;
        }
        if entity.is_ip() && entity.0.len() > 1 {
            p.at(
                item.pos,
                "an `ip:` quota stands alone: it cannot be combined with `user:` or `client_id:`",
            );
            continue;
        }
        let allowed = if entity.is_ip() { IP_KEYS } else { CLIENT_KEYS };
        let mut values = BTreeMap::new();
        let mut keys = 0;
        for (k, v) in map {
            if ENTITY_FIELDS.contains(&k.name.as_str()) || !all.contains(&k.name.as_str()) {
                continue;
            }
            keys += 1;
            if !allowed.contains(&k.name.as_str()) {
                let what = if entity.is_ip() {
                    "an ip"
                } else {
                    "a user or client id"
                };
                let help = suggest(&k.name, allowed).map_or_else(
                    || format!("{what} takes: {}", allowed.join(", ")),
                    |s| format!("did you mean `{s}`?"),
                );
                p.at_help(
                    k.pos,
                    format!("`{}` does not apply to {what} quota", show(&k.name)),
                    help,
                );
                continue;
            }
            let text = match &v.kind {
                Kind::Int(i) => i.to_string(),
                Kind::Float(f) => f.to_string(),
                Kind::Str(s) => s.clone(),
                other => {
                    p.at(
                        v.pos,
                        format!("`{}` expects a number, found {}", k.name, other.type_name()),
                    );
                    continue;
                }
            };
            match parse_value(&k.name, &text) {
                Ok(x) => {
                    values.insert(k.name.clone(), x);
                }
                Err(e) => p.at(v.pos, e),
            }
        }
        if values.is_empty() {
            if keys > 0 {
                continue;
            }
            p.at(
                item.pos,
                format!(
                    "the quota of {entity} sets no key (expected some of: {})",
                    allowed.join(", ")
                ),
            );
            continue;
        }
        let origin = p.origin(item.pos);
        if let Some(first) = out.iter().find(|q| q.entity == entity) {
            let first = first.origin.to_string();
            p.at(
                item.pos,
                format!("the quota of {entity} is given twice (first at {first})"),
            );
            continue;
        }
        out.push(QuotaSpec {
            entity,
            values,
            origin,
        });
    }
    out
}
