//! `evctl plan`: what `evctl apply` would change, without changing anything.

use std::path::PathBuf;

use super::Ctx;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::kafka::Client;
use crate::plan::cluster::ClusterState;
use crate::plan::render::{PlanDocument, Summary};
use crate::plan::{self as planner, Options, Plan};
use crate::spec::{self, Spec};

const PLAN_HELP: &str = "Exit codes: 0 in sync (or changes pending, without --detailed-exitcode), 3 changes pending \
with --detailed-exitcode, 2 a bad spec or a refused change (partition decrease, replication-factor change), \
1 an error talking to the cluster.";

/// The spec files and what the plan may touch; shared by plan and apply.
#[derive(Debug, Clone, clap::Args)]
pub struct PlanArgs {
    /// Spec files, merged in order (later wins) [default: topics.yaml].
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub more_files: Vec<PathBuf>,
    /// Also delete managed topics the spec does not list (never protected or internal ones).
    #[arg(long)]
    pub prune: bool,
    /// Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set.
    #[arg(long)]
    pub prune_configs: bool,
    /// Also delete ACLs of managed principals (`managed.principals` and those the spec declares
    /// ACLs for) that the spec does not declare.
    #[arg(long)]
    pub prune_acls: bool,
    /// Also remove the cluster's client quotas that the spec does not set (every entity's).
    #[arg(long)]
    pub prune_quotas: bool,
}

impl PlanArgs {
    /// Every spec file, in merge order; topics.yaml when none is given.
    pub fn paths(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = self.files.iter().chain(&self.more_files).cloned().collect();
        if v.is_empty() {
            v.push(PathBuf::from("topics.yaml"));
        }
        v
    }
}

/// Show what `evctl apply` would do.
#[derive(Debug, clap::Args)]
#[command(after_help = PLAN_HELP)]
pub struct PlanCommand {
    #[command(flatten)]
    pub args: PlanArgs,
    /// Exit 3 when changes are pending (a drift gate for CI).
    #[arg(long)]
    pub detailed_exitcode: bool,
}

/// Loads the spec (exit 2 with every problem when it is wrong).
pub fn load_spec(args: &PlanArgs) -> anyhow::Result<Spec> {
    let env = |k: &str| std::env::var(k).ok();
    Ok(spec::load(&args.paths(), &env)?)
}

/// Reads the cluster and builds the plan for the spec and the flags. Refusals are part of the
/// plan, not errors.
pub async fn make_plan(
    client: &Client,
    spec: &Spec,
    args: &PlanArgs,
) -> anyhow::Result<(Plan, ClusterState)> {
    if args.prune && spec.managed.is_empty() {
        return Err(usage_hint(
            "--prune needs a `managed:` section in the spec",
            "add `managed: {prefixes: [\"team.\"]}` (or a topics list): prune only ever deletes managed topics",
        ));
    }
    if args.prune_quotas && spec.quotas.is_empty() {
        return Err(usage_hint(
            "--prune-quotas needs a `quotas:` section in the spec",
            "the spec owns the cluster's client quotas once it declares some: prune removes the others",
        ));
    }
    let opts = Options {
        prune: args.prune,
        prune_configs: args.prune_configs,
        prune_acls: args.prune_acls,
        prune_quotas: args.prune_quotas,
    };
    planner::for_spec(client, spec, opts).await
}

/// Runs `evctl plan`.
pub async fn run(ctx: &Ctx<'_>, cmd: &PlanCommand) -> anyhow::Result<ExitStatus> {
    let spec = load_spec(&cmd.args)?;
    let client = ctx.client().await?;
    let (plan, state) = make_plan(&client, &spec, &cmd.args).await?;
    ctx.printer
        .data(&PlanDocument::new(&plan, state.cluster_id.clone()))?;
    let summary = Summary::of(&plan);
    if ctx.printer.format != crate::output::OutputFormat::Table {
        ctx.printer.status(&summary.line());
    }
    tracing::info!(requests = client.requests_sent(), "plan done");
    if !plan.refusals.is_empty() {
        return Err(usage(format!(
            "{} change(s) refused; fix the spec (see above)",
            plan.refusals.len()
        )));
    }
    Ok(if cmd.detailed_exitcode && !plan.is_empty() {
        ExitStatus::CheckFailed
    } else {
        ExitStatus::Success
    })
}
