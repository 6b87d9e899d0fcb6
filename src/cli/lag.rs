//! `evctl lag`: consumer lag in offsets and time, health over a window, thresholds, watch mode.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use super::Ctx;
use crate::error::{ExitStatus, usage};
pub use crate::lag::flags::LagArgs;
use crate::lag::render::{TextView, prometheus};
use crate::lag::watch::{self, NagiosCode, Thresholds, WatchEnd, WatchOptions};
use crate::lag::{LagReport, Selection};
use crate::output::OutputFormat;
use crate::target::LagTarget;
use crate::units::human_duration_ms;

/// Runs `evctl lag`.
pub async fn run(ctx: &Ctx<'_>, args: &LagArgs) -> anyhow::Result<ExitStatus> {
    if args.nagios {
        let (code, line) = match nagios(ctx, args).await {
            Ok(verdict) => verdict,
            Err(e) => watch::nagios_unknown(&e),
        };
        ctx.printer.write_out(&line)?;
        return Ok(match code {
            NagiosCode::Ok => ExitStatus::Success,
            NagiosCode::Warning => ExitStatus::Failure,
            NagiosCode::Critical => ExitStatus::Usage,
            NagiosCode::Unknown => ExitStatus::CheckFailed,
        });
    }
    let (client, sel, limits) = prepare(ctx, args).await?;
    let detail = !args.groups.is_empty();
    if args.watch.is_none() && !args.until_caught_up {
        let mut report = client.collect(&sel).await?;
        let missing = client.missing(&report).await;
        if !missing.is_empty() && ctx.printer.format == OutputFormat::Table {
            // a table row for a group that is not there would read as a healthy, idle group
            report.groups.retain(|g| g.exists);
        }
        if !report.groups.is_empty() || ctx.printer.format != OutputFormat::Table {
            print(ctx, &report, detail, false)?;
        }
        if !missing.is_empty() {
            for e in missing {
                ctx.printer.error(&e);
            }
            return Ok(ExitStatus::Failure);
        }
        let warn = |b: &str| ctx.printer.warn(&format!("threshold breached: {b}"));
        return Ok(limits.verdict(&report, warn));
    }
    watch(ctx, args, &client, &sel, &limits).await
}

/// `--watch` and `--until-caught-up`: a frame per interval (redrawn in place on a terminal),
/// until caught up, the deadline or a stop signal.
async fn watch(
    ctx: &Ctx<'_>,
    args: &LagArgs,
    client: &LagTarget,
    sel: &Selection,
    limits: &Thresholds,
) -> anyhow::Result<ExitStatus> {
    let detail = !args.groups.is_empty();
    let opts = WatchOptions {
        interval: args.watch.unwrap_or(Duration::from_secs(2)),
        window: args.window,
        until_caught_up: args.until_caught_up,
        max_wait: args.max_wait,
    };
    let tty = std::io::stdout().is_terminal() && ctx.printer.format == OutputFormat::Table;
    let mut first_frame = true;
    let frame = |report: &LagReport, behind: &[String]| -> anyhow::Result<()> {
        if args.watch.is_some() {
            let header = watch_header(ctx, opts.interval, report.taken_at_ms);
            if tty {
                ctx.printer.write_out(&crate::output::redraw(
                    &header,
                    &frame_text(ctx, report, detail),
                    first_frame,
                ))?;
                first_frame = false;
            } else {
                if ctx.printer.format == OutputFormat::Table {
                    ctx.printer.write_out(&header)?;
                }
                print(ctx, report, detail, true)?;
            }
        } else if !behind.is_empty() {
            ctx.printer
                .status(&format!("behind: {}", behind.join(", ")));
        }
        Ok(())
    };
    let stop = super::terminal::stop_signal();
    let collect = || {
        let (target, sel) = (client.clone(), sel.clone());
        async move { target.collect(&sel).await }
    };
    match watch::watch(collect, limits, &opts, stop, frame).await? {
        WatchEnd::CaughtUp(after) => {
            ctx.printer.status(&format!(
                "caught up after {}",
                human_duration_ms(after.as_millis() as i64)
            ));
            Ok(ExitStatus::Success)
        }
        WatchEnd::GaveUp(behind) => {
            ctx.printer.error(&anyhow::anyhow!(
                "still behind after {}: {}",
                crate::units::format_duration(opts.max_wait.unwrap_or_default()),
                behind.join(", ")
            ));
            Ok(ExitStatus::CheckFailed)
        }
        WatchEnd::Stopped => Ok(ExitStatus::Interrupted),
    }
}

/// A watch frame's table.
fn frame_text(ctx: &Ctx<'_>, report: &LagReport, detail: bool) -> String {
    use crate::output::Render as _;
    TextView {
        report,
        detail,
        watch: true,
    }
    .table(&ctx.printer.out_styles())
}

/// The line above each watch frame: the interval and when it was taken.
fn watch_header(ctx: &Ctx<'_>, interval: Duration, taken_at_ms: i64) -> String {
    format!(
        "{} every {}; {} (Ctrl-C to stop)\n",
        ctx.printer.out_styles().bold("evctl lag"),
        crate::units::format_duration(interval),
        crate::record::time::format_rfc3339(taken_at_ms)
    )
}

async fn prepare(
    ctx: &Ctx<'_>,
    args: &LagArgs,
) -> anyhow::Result<(LagTarget, Selection, Thresholds)> {
    if ctx.printer.format == OutputFormat::Pretty {
        return Err(usage("lag writes -o table, json, yaml or prometheus"));
    }
    let limits = Thresholds::load(args.max_lag, args.max_time_lag, &args.spec)?;
    let client = match (ctx.settings.amqp_options()?, ctx.settings.redis_options()?) {
        (Some(a), _) => LagTarget::amqp(&a, args.rabbit_api.as_deref()).await?,
        (None, Some(r)) => LagTarget::Redis(crate::redis::connect(&r).await?),
        (None, None) => LagTarget::Kafka(Arc::new(ctx.client().await?)),
    };
    Ok((client, args.selection()?, limits))
}

fn print(ctx: &Ctx<'_>, report: &LagReport, detail: bool, watch: bool) -> anyhow::Result<()> {
    match ctx.printer.format {
        OutputFormat::Prometheus => ctx.printer.write_out(&prometheus(report)),
        OutputFormat::Json if watch => {
            let mut line = serde_json::to_string(report)?;
            line.push('\n');
            ctx.printer.write_out(&line)
        }
        _ => ctx.printer.data(&TextView {
            report,
            detail,
            watch,
        }),
    }
}

/// The plugin's verdict; an error is UNKNOWN.
async fn nagios(ctx: &Ctx<'_>, args: &LagArgs) -> anyhow::Result<(NagiosCode, String)> {
    let (client, sel, limits) = prepare(ctx, args).await?;
    let report = client.collect(&sel).await?;
    if let Some(e) = client.missing(&report).await.into_iter().next() {
        // UNKNOWN: the check cannot say anything about a group that is not there
        return Err(e);
    }
    Ok(watch::nagios(&report, &limits))
}
