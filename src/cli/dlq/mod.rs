//! `evctl dlq`: inspect, replay, drain and purge dead-letter topics.

mod drain;
mod purge;
mod replay;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::Ctx;
use crate::dlq::dialect::CustomDialect;
use crate::dlq::replay::Criteria;
use crate::error::{ExitStatus, usage};
use crate::record::filter::{Filter, FilterSpec};
use crate::record::time::now_ms;

pub use drain::DrainArgs;
pub use purge::PurgeArgs;
pub use replay::ReplayArgs;

/// Arguments of `evctl dlq`.
#[derive(Debug, clap::Args)]
pub struct DlqArgs {
    #[command(subcommand)]
    pub command: DlqCommand,
}

/// The dlq subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum DlqCommand {
    /// Count dead letters by error class, original topic and time; first and last seen; a sample.
    Inspect(InspectArgs),
    /// Send dead letters back to their original topic (or --to), resumable through a group.
    Replay(ReplayArgs),
    /// Move a group past matching dead letters without producing them (acknowledge as handled).
    Drain(DrainArgs),
    /// Delete a dead-letter topic's records before an offset or a time (DeleteRecords).
    Purge(PurgeArgs),
}

/// Selection of dead letters, shared by replay and drain.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Only records dead-lettered at or after this time (RFC 3339, a date, epoch ms, or -1h).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Only records dead-lettered before this time.
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Only records whose error class matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub error_class: Option<String>,
    /// Only records from this original topic.
    #[arg(long, value_name = "TOPIC")]
    pub original_topic: Option<String>,
    /// Only records with this key (`*`, `?` wildcards; repeat for any of several).
    #[arg(short, long)]
    pub key: Vec<String>,
    /// Only records with this header: NAME or NAME=VALUE (repeat for all of several).
    #[arg(long = "header", value_name = "NAME[=VALUE]")]
    pub headers: Vec<String>,
    /// Only records for which this jq expression over the JSON value is true (as in tail).
    #[arg(long = "where", value_name = "EXPR")]
    pub where_expr: Option<String>,
    /// topics.yaml files whose `dialects` section names custom dead-letter headers.
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,
}

/// `evctl dlq inspect`.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The dead-letter topic.
    pub topic: String,
    /// Time bucket for grouping.
    #[arg(long, default_value = "1h", value_parser = crate::units::parse_duration, value_name = "DURATION")]
    pub bucket: Duration,
    /// topics.yaml files whose `dialects` section names custom dead-letter headers.
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,
}

/// A time flag: RFC 3339, a date, epoch ms, or a duration ago (`-1h`).
pub(super) fn parse_time(flag: &str, s: &str) -> anyhow::Result<i64> {
    // the `@` forms of the offset syntax, with the `@` optional
    let t = s.trim().trim_start_matches('@');
    match crate::record::offsets::parse_offset(&format!("@{t}")) {
        Ok(spec) => match spec.at(now_ms()) {
            crate::record::offsets::OffsetSpec::Timestamp(ms) => Ok(ms),
            _ => Err(usage(format!("{flag}: {s:?} is not a time"))),
        },
        Err(e) => Err(usage(format!("{flag}: {e}"))),
    }
}

fn dialects(spec: &[PathBuf]) -> anyhow::Result<Vec<CustomDialect>> {
    if spec.is_empty() {
        return Ok(Vec::new());
    }
    let env = |k: &str| std::env::var(k).ok();
    Ok(crate::spec::load(spec, &env)?.dialects)
}

fn criteria(sel: &Selection) -> anyhow::Result<Criteria> {
    let filter = Filter::new(&FilterSpec {
        keys: sel.key.clone(),
        headers: sel.headers.clone(),
        grep: None,
        where_expr: sel.where_expr.clone(),
    })
    .map_err(|e| usage(e.to_string()))?;
    Ok(Criteria {
        filter: Some(filter),
        codec: None,
        since: sel
            .since
            .as_deref()
            .map(|s| parse_time("--since", s))
            .transpose()?,
        until: sel
            .until
            .as_deref()
            .map(|s| parse_time("--until", s))
            .transpose()?,
        error_class: sel
            .error_class
            .as_deref()
            .map(regex::Regex::new)
            .transpose()
            .map_err(|e| usage(format!("--error-class: {e}")))?,
        original_topic: sel.original_topic.clone(),
    })
}

/// Asks before a change to the DLQ or its groups; off a terminal it needs --yes.
fn confirm(prompt: &str) -> anyhow::Result<bool> {
    super::terminal::confirm(
        prompt,
        "refusing without confirmation: not on a terminal",
        "run with --dry-run first to see what it does, then pass --yes",
    )
}

/// Runs `evctl dlq`.
pub async fn run(ctx: &Ctx<'_>, args: &DlqArgs) -> anyhow::Result<ExitStatus> {
    match &args.command {
        DlqCommand::Inspect(a) => inspect(ctx, a).await,
        DlqCommand::Replay(a) => replay::run(ctx, a).await,
        DlqCommand::Drain(a) => drain::run(ctx, a).await,
        DlqCommand::Purge(a) => purge::run(ctx, a).await,
    }
}

async fn inspect(ctx: &Ctx<'_>, a: &InspectArgs) -> anyhow::Result<ExitStatus> {
    let custom = dialects(&a.spec)?;
    let mut codec = crate::cli::codec(ctx, false, Default::default(), false).await?;
    let client = Arc::new(ctx.client().await?);
    let bucket = a.bucket.as_millis() as i64;
    let found = crate::dlq::inspect::inspect(client, &a.topic, bucket, &custom, codec.as_mut());
    let found = found.await?;
    ctx.printer.data(&found)?;
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_times() {
        assert_eq!(
            parse_time("--since", "1735689600000").unwrap(),
            1_735_689_600_000
        );
        assert_eq!(
            parse_time("--since", "2025-01-01T00:00:00Z").unwrap(),
            1_735_689_600_000
        );
        let ago = parse_time("--since", "-1h").unwrap();
        assert!((now_ms() - ago - 3_600_000).abs() < 5_000);
        assert!(parse_time("--since", "yesterday").is_err());
    }
}
