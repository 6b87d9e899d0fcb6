//! `evctl orphans`: topics in the cluster that the spec does not list.

use serde::Serialize;

use super::Ctx;
use super::plan::{PlanArgs, load_spec};
use crate::error::ExitStatus;
use crate::output::{Render, Styles, sanitize, table_string};
use crate::spec;

/// List topics in the cluster that the spec does not list (managed ones first).
#[derive(Debug, clap::Args)]
pub struct OrphansArgs {
    #[command(flatten)]
    pub args: PlanArgs,
}

#[derive(Debug, Serialize)]
pub struct Orphan {
    pub topic: String,
    /// The spec's `managed` section owns it: `apply --prune` would delete it.
    pub managed: bool,
    pub protected: bool,
    pub partitions: usize,
}

#[derive(Debug, Serialize)]
struct Orphans(Vec<Orphan>);

impl Render for Orphans {
    fn table(&self, s: &Styles) -> String {
        let mut t = s.table(&["TOPIC", "MANAGED", "PROTECTED", "PARTITIONS"]);
        for o in &self.0 {
            t.add_row(vec![
                sanitize(&o.topic).into_owned(),
                if o.managed { "yes".into() } else { "no".into() },
                if o.protected {
                    "yes".into()
                } else {
                    "no".into()
                },
                o.partitions.to_string(),
            ]);
        }
        table_string(&t)
    }
}

/// Runs `evctl orphans`.
pub async fn run(ctx: &Ctx<'_>, args: &OrphansArgs) -> anyhow::Result<ExitStatus> {
    let spec = load_spec(&args.args)?;
    let client = ctx.client().await?;
    let meta = client.metadata(None).await?;
    let listed: std::collections::HashSet<&str> =
        spec.topics.iter().map(|t| t.name.as_str()).collect();
    let mut orphans: Vec<Orphan> = meta
        .topics
        .values()
        .filter(|t| !t.internal && !listed.contains(t.name.as_str()))
        .map(|t| Orphan {
            topic: t.name.clone(),
            managed: spec.managed.owns(&t.name),
            protected: spec::is_protected(&spec, &t.name),
            partitions: t.partitions.len(),
        })
        .collect();
    orphans.sort_by(|a, b| {
        b.managed
            .cmp(&a.managed)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    ctx.printer.status(&format!(
        "{} topic(s) not in the spec, {} of them managed",
        orphans.len(),
        orphans.iter().filter(|o| o.managed).count()
    ));
    ctx.printer.data(&Orphans(orphans))?;
    Ok(ExitStatus::Success)
}
