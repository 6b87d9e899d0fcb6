//! `evctl dlq replay`.

use std::io::IsTerminal;
use std::sync::Arc;

use super::{Ctx, ReplayArgs, confirm, criteria, dialects};
use crate::dlq::replay::{self, ReplayReport};
use crate::error::{ExitStatus, usage_hint};
use crate::kafka::Client;
use crate::kafka::dlq_replay::ReplayOptions;
use crate::kafka::producer::ProducerOptions;
use crate::output::{Render, sanitize};

/// The replay's options from the flags (a dry run for the preview).
fn options(a: &ReplayArgs, dry_run: bool) -> anyhow::Result<ReplayOptions> {
    Ok(ReplayOptions {
        dlq: a.topic.clone(),
        to: a.to.clone(),
        group: a
            .group
            .clone()
            .unwrap_or_else(|| format!("evctl-dlq-replay.{}", a.topic)),
        criteria: criteria(&a.selection)?,
        strip_error_headers: a.strip_error_headers,
        partition_policy: a.partition_policy,
        max_replays: a.max_replays,
        parking_topic: a
            .parking_topic
            .clone()
            .unwrap_or_else(|| format!("{}.parked", a.topic)),
        dry_run,
        rate: a.rate,
        max: a.max,
        dialects: dialects(&a.selection.spec)?,
        producer: ProducerOptions {
            batch_bytes: a.batch_size,
            buffer_bytes: a.batch_size * 5,
            ..ProducerOptions::default()
        },
    })
}

/// A replay's report, also when it stopped on an unroutable record (then with the error).
fn report(ctx: &Ctx<'_>, result: anyhow::Result<ReplayReport>) -> anyhow::Result<ReplayReport> {
    if let Err(e) = &result
        && let Some(stopped) = e.downcast_ref::<replay::ReplayStopped>()
    {
        ctx.printer.data(&*stopped.report)?;
    }
    result
}

/// Shows the routing table of a dry run over the same records (with the same options, the
/// registry codec included) and asks; true to go on.
async fn preview_and_ask(
    ctx: &Ctx<'_>,
    client: &Arc<Client>,
    a: &ReplayArgs,
    opts: &mut ReplayOptions,
) -> anyhow::Result<bool> {
    let stop = crate::cli::terminal::stop_signal();
    opts.dry_run = true;
    let preview = crate::kafka::dlq_replay::replay(client.clone(), opts, stop, &|_, _| {}).await;
    opts.dry_run = false;
    let preview = report(ctx, preview)?;
    ctx.printer
        .status(&preview.table(&ctx.printer.err_styles()));
    let routed: u64 = preview.replayed.values().sum::<u64>() + preview.parked.values().sum::<u64>();
    if routed == 0 {
        ctx.printer.status("nothing to replay");
        return Ok(false);
    }
    let dests: Vec<&str> = preview
        .replayed
        .keys()
        .chain(preview.parked.keys())
        .map(String::as_str)
        .collect();
    let go = confirm(&format!(
        "Replay {routed} record(s) of {} into {}?",
        a.topic,
        dests.join(", ")
    ))?;
    if !go {
        ctx.printer.status("nothing replayed");
    }
    Ok(go)
}

/// Runs `evctl dlq replay`.
pub(super) async fn run(ctx: &Ctx<'_>, a: &ReplayArgs) -> anyhow::Result<ExitStatus> {
    // replay produces into live topics: on a terminal it shows what it will do and asks; off one
    // it needs --yes (decided before connecting to anything)
    let ask = !a.dry_run && !a.yes;
    if ask && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(usage_hint(
            "refusing to replay into live topics without confirmation: not on a terminal",
            "see the routing table with --dry-run, then pass --yes",
        ));
    }
    let mut opts = options(a, a.dry_run)?;
    opts.criteria.codec = crate::cli::codec(ctx, false, Default::default(), false)
        .await?
        .map(Into::into);
    let client = Arc::new(ctx.client().await?);
    if let Some(g) = &a.group
        && !a.new_group
    {
        let hint = "a new group replays the whole DLQ from its start: pass --new-group to mean it";
        crate::cli::require_group(&client, g, hint).await?;
    }
    if ask && !preview_and_ask(ctx, &client, a, &mut opts).await? {
        return Ok(ExitStatus::Success);
    }
    let template = "{bar:30} {pos}/{len} {per_sec} eta {eta}";
    let bar = crate::cli::terminal::progress_bar(ctx.printer, 0, template);
    let progress = |done: u64, total: u64| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done.min(total));
        }
    };
    let stop = crate::cli::terminal::stop_signal();
    let result = crate::kafka::dlq_replay::replay(client, &opts, stop, &progress).await;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let report = report(ctx, result)?;
    ctx.printer.data(&report)?;
    for e in &report.errors {
        ctx.printer.warn(&sanitize(e));
    }
    Ok(if report.interrupted {
        ExitStatus::Interrupted
    } else if !report.failed.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
