//! `evctl export`: the cluster's topics as a topics.yaml (only values set on the topics, in human
//! units), so that `evctl plan` on the result reports no changes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Ctx;
use crate::error::ExitStatus;
use crate::kafka::admin::ConfigSource;
use crate::output::{Render, Styles};
use crate::plan::cluster;
use crate::plan::render::human;

/// Write the cluster's topics as a topics.yaml spec.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  evctl export > topics.yaml\n  evctl export --prefix platform. > platform.yaml"
)]
pub struct ExportArgs {
    /// Only topics whose names start with this prefix (repeatable).
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Vec<String>,
    /// Include protected topics (`__*`, `_schemas`, `_connect-*`, `*-changelog`, `_confluent*`).
    #[arg(long)]
    pub include_protected: bool,
}

#[derive(Debug, Serialize)]
pub struct ExportedTopic {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i16,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub configs: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
pub struct Exported {
    pub topics: Vec<ExportedTopic>,
}

impl Render for Exported {
    fn table(&self, _s: &Styles) -> String {
        serde_yaml_ng::to_string(self).unwrap_or_default()
    }
}

/// Runs `evctl export`.
pub async fn run(ctx: &Ctx<'_>, args: &ExportArgs) -> anyhow::Result<ExitStatus> {
    let client = ctx.client().await?;
    let meta = client.metadata(None).await?;
    let names: Vec<String> = meta
        .topics
        .values()
        .filter(|t| !t.internal)
        .map(|t| t.name.clone())
        .filter(|n| args.prefix.is_empty() || args.prefix.iter().any(|p| n.starts_with(p.as_str())))
        .filter(|n| {
            args.include_protected
                || !crate::spec::BUILTIN_PROTECTED
                    .iter()
                    .any(|g| crate::spec::glob_match(g, n))
        })
        .collect();
    let state = cluster::read_from(&client, &meta, &names).await?;
    let topics = names
        .iter()
        .filter_map(|n| state.topics.get(n))
        .map(|t| ExportedTopic {
            name: t.name.clone(),
            partitions: t.partitions,
            replication_factor: t.replication_factor,
            configs: t
                .configs
                .iter()
                .filter(|c| c.source == ConfigSource::DynamicTopicConfig && !c.sensitive)
                .filter_map(|c| {
                    let v = c.value.clone()?;
                    Some((c.name.clone(), human(&c.name, &v).unwrap_or(v)))
                })
                .collect(),
        })
        .collect();
    let doc = Exported { topics };
    if ctx.printer.format == crate::output::OutputFormat::Table {
        let id = state.cluster_id.unwrap_or_default();
        ctx.printer.write_out(&format!(
            "# Exported by evctl {} from cluster {id}: the values set on each topic.\n",
            env!("CARGO_PKG_VERSION")
        ))?;
    }
    ctx.printer.data(&doc)?;
    Ok(ExitStatus::Success)
}
