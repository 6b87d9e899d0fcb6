//! Client quotas on the wire: every quota entity with DescribeClientQuotas (one request), and the
//! changes of a plan with one AlterClientQuotas.

use std::collections::BTreeMap;

use kafka_protocol::ResponseError;
use kafka_protocol::messages::alter_client_quotas_request::{EntityData, EntryData, OpData};
use kafka_protocol::messages::{AlterClientQuotasRequest, DescribeClientQuotasRequest};
use kafka_protocol::protocol::StrBytes;

use super::cluster::{Client, Route, top_level_error};
use super::error::{KafkaError, Result};
use crate::quota::Entity;

/// Every quota entity of the cluster and its values.
pub async fn describe_all(client: &Client) -> Result<BTreeMap<Entity, BTreeMap<String, f64>>> {
    let resp = client
        .call::<DescribeClientQuotasRequest, _, _>(
            Route::Controller,
            |_| DescribeClientQuotasRequest::default().with_strict(false),
            |r| {
                top_level_error(
                    "describing client quotas",
                    r.error_code,
                    r.error_message.as_ref(),
                )
                .map(|e| e.as_denied("DescribeConfigs", "the cluster"))
            },
        )
        .await?;
    let mut out = BTreeMap::new();
    for e in resp.entries.unwrap_or_default() {
        let entity = entity(
            e.entity
                .iter()
                .map(|x| (&x.entity_type, x.entity_name.as_ref())),
        );
        let values = e
            .values
            .iter()
            .map(|v| (v.key.to_string(), v.value))
            .collect();
        out.insert(entity, values);
    }
    Ok(out)
}

/// An entity from a response's (type, name) pairs.
fn entity<'a>(pairs: impl Iterator<Item = (&'a StrBytes, Option<&'a StrBytes>)>) -> Entity {
    let mut e: Vec<(String, Option<String>)> =
        (pairs.map(|(t, n)| (t.to_string(), n.map(|n| n.to_string())))).collect();
    e.sort();
    Entity(e)
}

/// One entity's changes: each key set to a value, or removed (None).
pub type QuotaChange = (Entity, Vec<(String, Option<f64>)>);

/// Applies the changes in one AlterClientQuotas; each entity's result (None: applied).
pub async fn alter(client: &Client, changes: &[QuotaChange]) -> Result<Vec<Option<KafkaError>>> {
    let resp = client
        .send::<AlterClientQuotasRequest, _>(Route::Controller, |_| {
            AlterClientQuotasRequest::default().with_entries(
                changes
                    .iter()
                    .map(|(entity, ops)| {
                        EntryData::default()
                            .with_entity(
                                (entity.0.iter())
                                    .map(|(t, n)| {
                                        EntityData::default()
                                            .with_entity_type(StrBytes::from_string(t.clone()))
                                            .with_entity_name(n.clone().map(StrBytes::from_string))
                                    })
                                    .collect(),
                            )
                            .with_ops(
                                (ops.iter())
                                    .map(|(k, v)| {
                                        OpData::default()
                                            .with_key(StrBytes::from_string(k.clone()))
                                            .with_value(v.unwrap_or(0.0))
                                            .with_remove(v.is_none())
                                    })
                                    .collect(),
                            )
                    })
                    .collect(),
            )
        })
        .await?;
    let mut by_entity: BTreeMap<Entity, Option<KafkaError>> = BTreeMap::new();
    for e in resp.entries {
        let entity = entity(
            e.entity
                .iter()
                .map(|x| (&x.entity_type, x.entity_name.as_ref())),
        );
        let err = ResponseError::try_from_code(e.error_code).map(|code| {
            KafkaError::broker(
                format!("setting the quotas of {entity}"),
                code,
                e.error_message.as_ref().map(|m| m.to_string()),
            )
            .as_denied("AlterConfigs", "the cluster")
        });
        by_entity.insert(entity, err);
    }
    Ok(changes
        .iter()
        .map(|(entity, _)| match by_entity.remove(entity) {
            Some(e) => e,
            None => Some(KafkaError::Protocol {
                addr: "AlterClientQuotas".into(),
                reason: format!("no result for {entity}"),
            }),
        })
        .collect())
}
