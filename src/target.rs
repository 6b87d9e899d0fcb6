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
}

impl LagTarget {
    /// One collection of the selected groups.
    pub async fn collect(&self, sel: &Selection) -> anyhow::Result<LagReport> {
        match self {
            LagTarget::Kafka(c) => Ok(crate::kafka::lag::collect(c, sel).await?),
            LagTarget::Redis(r) => crate::redis::lag::collect(&mut r.clone(), sel).await,
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
