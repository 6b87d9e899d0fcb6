//! The flags of `evctl lag`.

use std::path::PathBuf;
use std::time::Duration;

use super::watch;

pub const AFTER_HELP: &str =
    "Lag is the log end offset minus the committed offset, per partition; a partition without a
commit shows `-`, never the log end as lag. Time lag is the age of the record at the committed
offset (exact), of the first record after it when that one is gone (estimated, `~`), or unknown.
COMMITTED below LOG-START is flagged as data loss.

Examples:
  evctl lag                                  every group, worst first
  evctl lag billing                          one row per partition, and the members
  evctl lag --max-lag 10000 --max-time-lag 5m   exit 3 when a group is over
  evctl lag --spec topics.yaml               thresholds from the spec's consumers section
  evctl lag --watch 5s                       refresh, with Burrow's statuses, rates and ETA
  evctl lag billing --until-caught-up --max-wait 10m
  evctl lag -o prometheus > lag.prom
  evctl lag --nagios --max-lag 1000          one line and 0/1/2/3 for monitoring plugins";

/// Arguments of `evctl lag`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct LagArgs {
    /// Groups to show in detail (default: every group, one line each).
    pub groups: Vec<String>,

    /// Only groups whose name matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub group_pattern: Option<String>,

    /// Only this topic's partitions.
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,

    /// Skip reading record timestamps (no time lag; fewer requests).
    #[arg(long)]
    pub no_time_lag: bool,

    /// Refresh every INTERVAL (default 5s) with Burrow's statuses, the consume rate and an ETA.
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "5s", value_parser = watch::parse_interval)]
    pub watch: Option<Duration>,

    /// Samples kept per partition for the statuses and rates.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub window: usize,

    /// Poll until every selected group's lag is zero (or within --max-lag), then exit 0.
    #[arg(long)]
    pub until_caught_up: bool,

    /// With --until-caught-up: give up (exit 3) after this long.
    #[arg(long, value_name = "DURATION", value_parser = crate::units::parse_duration, requires = "until_caught_up")]
    pub max_wait: Option<Duration>,

    /// Exit 3 when a group's total lag is above N records.
    #[arg(long, value_name = "N")]
    pub max_lag: Option<u64>,

    /// Exit 3 when a group's time lag is above this (e.g. 5m).
    #[arg(long, value_name = "DURATION", value_parser = crate::units::parse_duration)]
    pub max_time_lag: Option<Duration>,

    /// Take each group's max_lag / max_time_lag from a topics.yaml `consumers` section (flags win).
    #[arg(long, value_name = "FILE")]
    pub spec: Vec<PathBuf>,

    /// Print one monitoring-plugin line and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    #[arg(long, conflicts_with_all = ["watch", "until_caught_up"])]
    pub nagios: bool,

    #[command(flatten)]
    pub bullmq: crate::dlq::flags::PrefixFlag,

    /// RabbitMQ: the management API (http://HOST:15672) for every queue's rates, consumers and
    /// head message age; without it only named queues, from their depth
    #[arg(
        long,
        value_name = "URL",
        env = "EVCTL_RABBIT_API",
        help_heading = "RabbitMQ"
    )]
    pub rabbit_api: Option<String>,
}

impl LagArgs {
    /// The groups and topics the flags select.
    pub fn selection(&self) -> anyhow::Result<super::Selection> {
        let pattern = (self.group_pattern.as_deref())
            .map(regex::Regex::new)
            .transpose()
            .map_err(|e| crate::error::usage(format!("--group-pattern: {e}")))?;
        Ok(super::Selection {
            groups: self.groups.clone(),
            pattern,
            topic: self.topic.clone(),
            time_lag: !self.no_time_lag,
            queue_prefix: Some(self.bullmq.prefix.clone()),
        })
    }
}
