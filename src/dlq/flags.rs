//! The dead-letter selection flags shared by `dlq replay` and `dlq drain`, and what they turn
//! into.

use std::path::PathBuf;
use std::time::Duration;

use crate::dlq::dialect::CustomDialect;
use crate::dlq::replay::Criteria;
use crate::error::usage;
use crate::record::filter::{Filter, FilterSpec};

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
    #[command(flatten)]
    pub pending: PendingFlags,
}

/// The Redis-only flags of `dlq inspect`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InspectFlags {
    /// Redis: the consumer group whose pending entries to show.
    #[arg(short, long, help_heading = "Redis streams")]
    pub group: Option<String>,
    /// Redis: entries delivered at least N times are poison [default: 3]
    #[arg(long, value_name = "N", help_heading = "Redis streams")]
    pub min_deliveries: Option<u64>,
}

/// The Redis-only flags of `dlq replay` and `dlq drain`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PendingFlags {
    /// Redis: only entries delivered at least N times (the poison list) [default: 3]
    #[arg(long, value_name = "N", help_heading = "Redis streams")]
    pub min_deliveries: Option<u64>,
    /// Redis: only entries idle at least this long
    #[arg(long, value_name = "DURATION", value_parser = crate::units::parse_duration, help_heading = "Redis streams")]
    pub min_idle: Option<Duration>,
    /// Redis (replay): reassign the selected entries to this consumer (XCLAIM) instead of moving them
    #[arg(long, value_name = "CONSUMER", help_heading = "Redis streams")]
    pub claim_to: Option<String>,
    /// Redis (replay): send the dead-letter stream's entries back to their original stream
    #[arg(long, help_heading = "Redis streams")]
    pub from_dlq: bool,
}

pub use crate::record::offsets::parse_time;

/// The custom dialects of the spec files.
pub fn dialects(spec: &[PathBuf]) -> anyhow::Result<Vec<CustomDialect>> {
    if spec.is_empty() {
        return Ok(Vec::new());
    }
    let env = |k: &str| std::env::var(k).ok();
    Ok(crate::spec::load(spec, &env)?.dialects)
}

/// The criteria of the selection flags.
pub fn criteria(sel: &Selection) -> anyhow::Result<Criteria> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::time::now_ms;

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
