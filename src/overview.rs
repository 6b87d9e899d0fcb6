//! What `evctl cluster` shows: the cluster's id, controller (the KRaft quorum's leader), quorum,
//! brokers, topic and partition counts, and, when asked, each broker's API versions against what
//! evctl needs.

use serde::Serialize;

use crate::kafka::admin::{self, Quorum};
use crate::kafka::versions::{BrokerApis, api_report};
use crate::kafka::{Client, ClusterMetadata, KafkaError};
use crate::output::{Render, Styles, sanitize, table_string};

/// Reads the overview: metadata, the quorum where the cluster describes it, and each broker's API
/// versions with `api_versions`.
pub async fn gather(client: &Client, api_versions: bool) -> Result<ClusterView, KafkaError> {
    let meta = client.metadata(None).await?;
    let quorum = admin::describe_quorum(client).await?;
    let apis = if api_versions {
        let mut reports = Vec::new();
        for (broker, table) in client.broker_versions().await {
            reports.push(api_report(
                broker.id,
                broker.addr(),
                table.map_err(|e| e.to_string()),
            ));
        }
        Some(reports)
    } else {
        None
    };
    Ok(ClusterView::new(&meta, quorum, apis))
}

/// One broker.
#[derive(Debug, Serialize)]
pub struct BrokerView {
    pub id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    /// The active controller (on KRaft, the quorum's leader).
    pub controller: bool,
    /// A voting member of the KRaft controller quorum.
    pub voter: bool,
}

/// `evctl cluster` output.
#[derive(Debug, Serialize)]
pub struct ClusterView {
    pub cluster_id: Option<String>,
    /// The active controller: the KRaft quorum's leader where the cluster describes its quorum,
    /// else the controller the Metadata answer names.
    pub controller_id: Option<i32>,
    /// The KRaft controller quorum, where the cluster describes it.
    pub quorum: Option<Quorum>,
    pub brokers: Vec<BrokerView>,
    /// Topics, internal ones excluded.
    pub topics: usize,
    pub internal_topics: usize,
    /// Partitions of all topics, internal ones included.
    pub partitions: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_versions: Option<Vec<BrokerApis>>,
}

impl ClusterView {
    /// Builds the view from metadata, the quorum where known (and, optionally, each broker's API
    /// versions).
    pub fn new(
        meta: &ClusterMetadata,
        quorum: Option<Quorum>,
        apis: Option<Vec<BrokerApis>>,
    ) -> Self {
        let controller_id = quorum.as_ref().map(|q| q.leader_id).or(meta.controller_id);
        ClusterView {
            cluster_id: meta.cluster_id.clone(),
            controller_id,
            brokers: meta
                .brokers
                .values()
                .map(|b| BrokerView {
                    id: b.id,
                    host: b.host.clone(),
                    port: b.port,
                    rack: b.rack.clone(),
                    controller: controller_id == Some(b.id),
                    voter: quorum.as_ref().is_some_and(|q| q.voters.contains(&b.id)),
                })
                .collect(),
            quorum,
            topics: meta.topics.values().filter(|t| !t.internal).count(),
            internal_topics: meta.topics.values().filter(|t| t.internal).count(),
            partitions: meta.topics.values().map(|t| t.partitions.len()).sum(),
            api_versions: apis,
        }
    }
}

fn dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "-".to_string())
}

impl Render for ClusterView {
    fn table(&self, s: &Styles) -> String {
        let mut out = String::new();
        let controller = self.controller_id.map(|id| {
            let addr = self
                .brokers
                .iter()
                .find(|b| b.id == id)
                .map(|b| format!(" ({}:{})", sanitize(&b.host), b.port))
                .unwrap_or_default();
            format!("{id}{addr}")
        });
        out.push_str(&format!(
            "{}  {}\n",
            s.bold("Cluster ID:"),
            sanitize(&dash(self.cluster_id.clone()))
        ));
        out.push_str(&format!(
            "{}  {}\n",
            s.bold("Controller:"),
            dash(controller)
        ));
        if let Some(q) = &self.quorum {
            let ids = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
            out.push_str(&format!(
                "{}      KRaft, voters {}{}; leader epoch {}\n",
                s.bold("Quorum:"),
                ids(&q.voters),
                if q.observers.is_empty() {
                    String::new()
                } else {
                    format!(", observers {}", ids(&q.observers))
                },
                q.leader_epoch
            ));
        }
        out.push_str(&format!(
            "{}      {} ({} internal), {} partitions\n\n",
            s.bold("Topics:"),
            self.topics,
            self.internal_topics,
            self.partitions
        ));
        let mut t = s.table(&["ID", "ADDRESS", "RACK", "ROLE"]);
        for b in &self.brokers {
            t.add_row(vec![
                b.id.to_string(),
                format!("{}:{}", sanitize(&b.host), b.port),
                sanitize(&dash(b.rack.clone())).into_owned(),
                if b.controller {
                    "controller".into()
                } else if b.voter {
                    "voter".into()
                } else {
                    String::new()
                },
            ]);
        }
        out.push_str(&table_string(&t));
        for apis in self.api_versions.iter().flatten() {
            out.push('\n');
            out.push_str(&api_table(apis, s));
        }
        out
    }
}

/// One broker's API versions as a table, with what evctl would use and what is missing.
fn api_table(apis: &BrokerApis, s: &Styles) -> String {
    let mut out = String::new();
    let title = format!("Broker {} ({})", apis.broker, sanitize(&apis.address));
    if let Some(e) = &apis.error {
        out.push_str(&format!(
            "{}: {} {}\n",
            s.bold(&title),
            s.bad("unreachable:"),
            sanitize(e)
        ));
        return out;
    }
    let summary = if apis.missing.is_empty() {
        s.good("every API evctl needs is supported")
    } else {
        s.bad(&format!("missing: {}", apis.missing.join(", ")))
    };
    out.push_str(&format!(
        "{}: {} APIs; {}\n",
        s.bold(&title),
        apis.apis.iter().filter(|a| a.broker_max.is_some()).count(),
        summary
    ));
    let mut t = s.table(&["KEY", "API", "BROKER", "USES", "NEEDED BY", "STATUS"]);
    for a in &apis.apis {
        let range = match (a.broker_min, a.broker_max) {
            (Some(lo), Some(hi)) => format!("{lo}..{hi}"),
            _ => "-".into(),
        };
        let status = match a.status {
            "ok" => s.good("ok"),
            "unused" => s.dim("-"),
            other => s.bad(other),
        };
        t.add_row(vec![
            a.key.to_string(),
            a.name.clone(),
            range,
            dash(a.version.map(|v| format!("v{v}"))),
            dash(a.needed_by.clone()),
            status,
        ]);
    }
    out.push_str(&table_string(&t));
    out
}
