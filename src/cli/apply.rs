//! `evctl apply`: make the cluster match the spec, after showing the plan and asking.

use super::Ctx;
use super::plan::{PlanArgs, load_spec, make_plan};
use crate::error::{ExitStatus, usage};
use crate::output::Render;
use crate::plan::cluster::{self, Outcome};
use crate::plan::reassign::{self, ReassignOptions};
use crate::plan::render::{ApplyReport, PlanDocument, Summary};

const APPLY_HELP: &str = "Creates topics (CreateTopics), adds partitions (CreatePartitions) and changes configs key by key \
(IncrementalAlterConfigs: keys the spec does not name keep their values). A replication-factor change is a \
reassignment (AlterPartitionReassignments), throttled (--throttle, 50MiB/s per broker by default) and waited \
for, the throttle removed at the end (--no-wait to return at once, unthrottled). It never decreases partitions and never recreates a topic; deletions need --prune and only touch managed, \
unprotected topics; ACLs and quotas are only removed with --prune-acls / --prune-quotas.

Exit codes: 0 applied (or nothing to do), 1 a change failed (each action's result is printed), 2 a bad spec, \
a refused change, or no --yes when not on a terminal.";

/// Make the cluster match the spec.
#[derive(Debug, clap::Args)]
#[command(after_help = APPLY_HELP)]
pub struct ApplyCommand {
    #[command(flatten)]
    pub args: PlanArgs,
    /// Apply without asking (required when not on a terminal).
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Show the plan and stop (the same as `evctl plan`).
    #[arg(long)]
    pub dry_run: bool,
    /// Ask the broker to validate every change (validate_only) before applying any. Some brokers
    /// ignore validate_only and apply the change anyway (tansu creates the topic).
    #[arg(long)]
    pub server_validate: bool,
    /// Replication throttle of replication-factor changes, per broker (`none` for none); removed
    /// once the reassignment completes [default: 50MiB/s].
    #[arg(long, value_name = "RATE", value_parser = parse_throttle, conflicts_with = "no_wait")]
    pub throttle: Option<u64>,
    /// Start replication-factor changes and return without waiting for them to complete.
    #[arg(long)]
    pub no_wait: bool,
}

/// The replication throttle of a reassignment when --throttle is not given.
const DEFAULT_THROTTLE: u64 = 50 * 1024 * 1024;

/// A rate per second (`50MiB/s`), or `none` (0).
fn parse_throttle(s: &str) -> Result<u64, String> {
    if s.trim().eq_ignore_ascii_case("none") {
        return Ok(0);
    }
    crate::units::parse_size(s.trim().trim_end_matches("/s")).and_then(|n| {
        (n > 0)
            .then_some(n)
            .ok_or_else(|| "the throttle must be more than zero".into())
    })
}

fn confirm(summary: &Summary, cluster: &str) -> anyhow::Result<bool> {
    let mut prompt = format!("Apply these changes to cluster {cluster}?");
    if summary.destructive > 0 {
        prompt = format!(
            "Apply these changes to cluster {cluster}, {} of them destructive?",
            summary.destructive
        );
    }
    super::terminal::confirm(
        &prompt,
        "refusing to apply without confirmation: not on a terminal",
        "review the plan (evctl plan) and pass --yes",
    )
}

/// Runs `evctl apply`.
pub async fn run(ctx: &Ctx<'_>, cmd: &ApplyCommand) -> anyhow::Result<ExitStatus> {
    let spec = load_spec(&cmd.args)?;
    let client = ctx.client().await?;
    let (plan, state) = make_plan(&client, &spec, &cmd.args).await?;
    let doc = PlanDocument::new(&plan, state.cluster_id.clone());
    let summary = Summary::of(&plan);
    if ctx.printer.format == crate::output::OutputFormat::Table
        || cmd.dry_run
        || !plan.refusals.is_empty()
        || plan.is_empty()
    {
        ctx.printer.data(&doc)?;
    }
    if !plan.refusals.is_empty() {
        return Err(usage(format!(
            "{} change(s) refused; nothing was applied",
            plan.refusals.len()
        )));
    }
    if plan.is_empty() || cmd.dry_run {
        return Ok(ExitStatus::Success);
    }
    let cluster_name = state
        .cluster_id
        .clone()
        .unwrap_or_else(|| "(unknown id)".into());
    if !cmd.yes && !confirm(&summary, &cluster_name)? {
        ctx.printer.status("Nothing applied.");
        return Ok(ExitStatus::Success);
    }
    if cmd.server_validate {
        let checked = cluster::execute(&client, &plan.actions, true).await;
        let bad: Vec<&Outcome> = checked.iter().filter(|o| o.error.is_some()).collect();
        if !bad.is_empty() {
            for o in &bad {
                ctx.printer.warn(&format!(
                    "{}: {}",
                    o.action.describe(),
                    o.error.as_deref().unwrap_or_default()
                ));
            }
            return Err(anyhow::anyhow!(
                "the broker rejected {} change(s) in validation; nothing was applied",
                bad.len()
            ));
        }
        ctx.printer.status("The broker validated every change.");
    }
    let mut results = cluster::execute(&client, &plan.actions, false).await;
    results.extend(reassign(ctx, &client, &plan.actions, cmd).await);
    let failed = results.iter().filter(|o| o.error.is_some()).count();
    let report = ApplyReport {
        plan: doc,
        applied: results.len() - failed,
        failed,
        results,
    };
    if ctx.printer.format == crate::output::OutputFormat::Table {
        ctx.printer
            .write_out(&report.table(&ctx.printer.out_styles()))?;
    } else {
        ctx.printer.data(&report)?;
    }
    tracing::info!(requests = client.requests_sent(), "apply done");
    if failed > 0 {
        return Err(anyhow::anyhow!(
            "{failed} of {} change(s) failed (the others were applied; see above)",
            report.applied + failed
        ));
    }
    Ok(ExitStatus::Success)
}

/// Runs the plan's replication-factor changes, with a progress bar on a terminal.
async fn reassign(
    ctx: &Ctx<'_>,
    client: &crate::kafka::Client,
    actions: &[crate::plan::Action],
    cmd: &ApplyCommand,
) -> Vec<Outcome> {
    let bar = super::terminal::progress_bar(
        ctx.printer,
        0,
        "reassigning {bar:30} {pos}/{len} partitions",
    );
    let progress = |done: usize, total: usize| {
        if let Some(b) = &bar {
            b.set_length(total as u64);
            b.set_position(done as u64);
        }
    };
    let opts = ReassignOptions {
        throttle: match cmd.throttle {
            Some(0) => None,
            Some(n) => Some(n),
            None => (!cmd.no_wait).then_some(DEFAULT_THROTTLE),
        },
        no_wait: cmd.no_wait,
    };
    let out = reassign::execute(client, actions, opts, &progress).await;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    out
}
