//! `evctl group`: list, describe, reset, delete and delete-offsets consumer groups.

use super::Ctx;
use super::terminal::confirm;
use crate::error::{ExitStatus, refused};
use crate::group::flags::{GroupArgs, GroupCommand, ResetArgs};
use crate::group::{DeleteReport, LIVE_HINT, ResetPlan, csv};
use crate::kafka::group_admin as admin;
use crate::output::{OutputFormat, Render};

/// Runs `evctl group`.
pub async fn run(ctx: &Ctx<'_>, args: &GroupArgs) -> anyhow::Result<ExitStatus> {
    if let GroupCommand::Reset(a) = &args.command {
        return reset(ctx, a).await;
    }
    let client = ctx.client().await?;
    let done = match &args.command {
        GroupCommand::List(a) => {
            let pattern = a.pattern()?;
            let list = admin::list(&client, pattern.as_ref(), a.group_type.as_deref()).await?;
            ctx.printer.data(&list)?;
            return Ok(ExitStatus::Success);
        }
        GroupCommand::Describe(a) => {
            let detail = admin::describe(&std::sync::Arc::new(client), &a.group).await?;
            ctx.printer.data(&detail)?;
            return Ok(ExitStatus::Success);
        }
        GroupCommand::Reset(_) => unreachable!("handled above"),
        GroupCommand::Delete(a) => {
            let plan = admin::delete_groups(&client, &a.groups, false).await?;
            let what = format!("Delete group(s) {}?", a.groups.join(", "));
            if !go_ahead(ctx, &plan, a.dry_run, a.yes, &what)? {
                return Ok(ExitStatus::Success);
            }
            admin::delete_groups(&client, &a.groups, true).await?
        }
        GroupCommand::DeleteOffsets(a) => {
            let plan = admin::delete_offsets(&client, &a.group, &a.topics, false).await?;
            let what = format!("Delete {} offset(s) of {}?", plan.items.len(), a.group);
            if !go_ahead(ctx, &plan, a.dry_run, a.yes, &what)? {
                return Ok(ExitStatus::Success);
            }
            admin::delete_offsets(&client, &a.group, &a.topics, true).await?
        }
    };
    ctx.printer.data(&done)?;
    Ok(if done.failed() > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Shows a deletion's plan (unless --yes) and asks: false for a dry run or a no.
fn go_ahead(
    ctx: &Ctx,
    plan: &DeleteReport,
    dry: bool,
    yes: bool,
    what: &str,
) -> anyhow::Result<bool> {
    if !yes || dry {
        ctx.printer.data(plan)?;
    }
    match &plan.refusal {
        Some(why) if dry => ctx
            .printer
            .warn(&format!("{why}: deleting would be refused")),
        Some(why) => return Err(refused(why.clone(), LIVE_HINT)),
        None => {}
    }
    let ok = !dry && (yes || confirm(what, "deleting needs confirmation", "pass --yes")?);
    if !ok {
        ctx.printer.status("nothing deleted");
    }
    Ok(ok)
}

/// `evctl group reset`: the plan; with --execute, the checks, the undo file and the commit.
async fn reset(ctx: &Ctx<'_>, a: &ResetArgs) -> anyhow::Result<ExitStatus> {
    // a bad plan file or time is exit 2 before any connection
    let target = a.target()?;
    let client = &ctx.client().await?;
    let mut plan = admin::plan_reset(client, &a.group, &a.scope(), &target).await?;
    plan.warnings().iter().for_each(|w| ctx.printer.warn(w));
    if !plan.liveness.exists {
        ctx.printer.status(&format!("group {} does not exist: --execute creates it with these offsets (as kafka-consumer-groups does)", a.group));
    }
    let human = matches!(ctx.printer.format, OutputFormat::Table | OutputFormat::Wide);
    // with --export - stdout holds the CSV alone: tables go to stderr, JSON nowhere
    let csv_out = a
        .export
        .as_deref()
        .map(|p| csv::export(&plan, p))
        .transpose()?
        .flatten();
    let show = |plan: &ResetPlan| match (&csv_out, human) {
        (None, _) => ctx.printer.data(plan),
        (Some(_), true) => {
            ctx.printer.status(&plan.table(&ctx.printer.err_styles()));
            Ok(())
        }
        (Some(_), false) => Ok(()),
    };
    if let Some(text) = &csv_out {
        ctx.printer.write_out(text)?;
    }
    if human || !a.execute {
        show(&plan)?;
    }
    let live = plan.liveness.refusal(&a.group);
    if !a.execute {
        if let Some(why) = live {
            ctx.printer
                .warn(&format!("{why}: --execute would be refused"));
        }
        ctx.printer
            .status("dry run: nothing committed (--execute applies the plan)");
        let pending = a.detailed_exitcode && plan.changes > 0;
        return Ok(if pending {
            ExitStatus::CheckFailed
        } else {
            ExitStatus::Success
        });
    }
    if let Some(why) = live {
        return Err(refused(why, LIVE_HINT));
    }
    let prompt = format!(
        "Commit {} new offset(s) for group {}?",
        plan.changes, a.group
    );
    if plan.changes == 0
        || !(a.yes || confirm(&prompt, "a reset needs confirmation", "pass --yes")?)
    {
        ctx.printer.status("nothing changed");
        return if human {
            Ok(ExitStatus::Success)
        } else {
            show(&plan).map(|_| ExitStatus::Success)
        };
    }
    admin::execute_reset(client, &mut plan, a.undo_file.as_deref()).await?;
    show(&plan)?;
    Ok(executed(ctx, &plan))
}

/// What to say after executing a reset: where the undo file is, how to take back first commits,
/// and what was not committed (exit 1).
fn executed(ctx: &Ctx<'_>, plan: &ResetPlan) -> ExitStatus {
    let group = &plan.group;
    if let Some(undo) = &plan.undo_file {
        ctx.printer.status(&format!("prior offsets saved to {undo}: `evctl group reset {} --from-file {undo} --execute` restores them", group));
    }
    let first = plan.first_commits();
    if !first.is_empty() {
        let args = first.join(" ");
        ctx.printer.status(&format!("partitions without a prior commit: `evctl group delete-offsets {} {args}` removes their new commits", group));
    }
    if plan.failed() > 0 {
        ctx.printer.warn(&format!(
            "{} of {} partition(s) not committed",
            plan.failed(),
            plan.changes
        ));
        return ExitStatus::Failure;
    }
    ExitStatus::Success
}
