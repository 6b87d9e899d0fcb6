//! `evctl trim`: trim a Redis stream, refusing to delete what a group has not read.

use super::Ctx;
use crate::error::{ExitStatus, usage};
use crate::output::OutputFormat;
use crate::redis::trim::{self, TrimArgs};

/// Runs `evctl trim`.
pub async fn run(ctx: &Ctx<'_>, args: &TrimArgs) -> anyhow::Result<ExitStatus> {
    let opts = ctx.settings.redis_options()?;
    let opts = opts.ok_or_else(|| usage("trim is for Redis streams: give -b redis://HOST:PORT"))?;
    let mut redis = crate::redis::connect(&opts).await?;
    let (mut plan, last) = trim::plan(&mut redis, args).await?;
    // -o json|yaml: one document, the plan or the result
    let human = matches!(ctx.printer.format, OutputFormat::Table | OutputFormat::Wide);
    let refused: Vec<&str> = (plan.unsafe_groups().iter().map(|g| g.group.as_str()))
        .filter(|_| !args.force)
        .collect();
    if human || args.dry_run || last.is_none() || !refused.is_empty() {
        ctx.printer.data(&plan)?;
    }
    if !refused.is_empty() {
        ctx.printer.warn(&format!(
            "refused: groups {} have not read or still have pending entries this would delete (--force trims anyway)",
            refused.join(", ")
        ));
        return Ok(ExitStatus::CheckFailed);
    }
    let Some(last) = last.filter(|_| !args.dry_run) else {
        return Ok(ExitStatus::Success);
    };
    let prompt = format!("delete {} entries of {}?", plan.delete, plan.stream);
    if !args.yes && !super::terminal::confirm(&prompt, "trim needs confirmation", "pass --yes")? {
        return Ok(ExitStatus::Failure);
    }
    trim::trim(&mut redis, &mut plan, last).await?;
    ctx.printer.data(&plan)?;
    Ok(ExitStatus::Success)
}
