//! The transport a command's target names, for the commands whose seam is a shared data type
//! rather than a trait (architecture.md §3.3: lag has no trait; each transport fills
//! `lag::LagReport`). The one `match` on the transport for them sits here.

use std::sync::Arc;

use crate::lag::{LagReport, Selection};

/// Where lag is collected from.
#[derive(Clone)]
pub enum LagTarget {
    Kafka(Arc<crate::kafka::Client>),
    Redis(crate::redis::Redis),
    /// A RabbitMQ connection and its management API, when given.
    Amqp(Arc<crate::amqp::Amqp>, Option<crate::amqp::lag::Api>),
}

impl LagTarget {
    /// The RabbitMQ target: the connection, and the management API when a URL is given.
    pub async fn amqp(
        o: &crate::amqp::AmqpOptions,
        api: Option<&str>,
    ) -> anyhow::Result<LagTarget> {
        let a = crate::amqp::connect(o).await?;
        let password = o.password.clone().unwrap_or_else(|| "guest".into());
        let api = (api.or(o.api.as_deref()))
            .map(|u| crate::amqp::lag::Api::new(u, &o.user(), &password, o.timeout))
            .transpose()?;
        Ok(LagTarget::Amqp(Arc::new(a), api))
    }

    /// One collection of the selected groups.
    pub async fn collect(&self, sel: &Selection) -> anyhow::Result<LagReport> {
        match self {
            LagTarget::Kafka(c) => Ok(crate::kafka::lag::collect(c, sel).await?),
            LagTarget::Redis(r) => crate::redis::lag::collect(&mut r.clone(), sel).await,
            LagTarget::Amqp(a, api) => crate::amqp::lag::collect(a, api.as_ref(), sel).await,
        }
    }

    /// The named groups of the report that the target does not know, as errors (with similar
    /// names where the target can tell them).
    pub async fn missing(&self, report: &LagReport) -> Vec<anyhow::Error> {
        match self {
            LagTarget::Kafka(c) => crate::kafka::lag::missing_groups(c, report)
                .await
                .into_iter()
                .map(anyhow::Error::from)
                .collect(),
            LagTarget::Amqp(a, _) => report
                .groups
                .iter()
                .filter(|g| !g.exists)
                .map(|g| anyhow::anyhow!("no queue {:?} on RabbitMQ at {}", g.group, a.addr))
                .collect(),
            LagTarget::Redis(r) => report
                .groups
                .iter()
                .filter(|g| !g.exists)
                .map(|g| match crate::redis::bullmq::target(&g.group) {
                    Some(q) => anyhow::anyhow!(
                        "no BullMQ queue {q:?} on {} under the --prefix given (no meta hash)",
                        r.addr
                    ),
                    None => anyhow::anyhow!(
                        "no stream on {} has a consumer group {:?} (XINFO GROUPS lists them)",
                        r.addr,
                        g.group
                    ),
                })
                .collect(),
        }
    }
}
