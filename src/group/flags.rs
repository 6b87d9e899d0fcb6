//! The arguments of `evctl group` and what they mean: a [`Scope`] and a [`Target`].

use std::path::PathBuf;

use super::csv::PlanFile;
use super::{Scope, Target, TopicScope};
use crate::error::{usage, usage_hint};

const RESET_HELP: &str =
    "Without --execute, nothing is written: the plan is printed (exit 0, or 3 with \
--detailed-exitcode when something would change). Offsets outside a partition's log are clamped to \
[log start, log end], with a warning. A group with members is never changed.

Examples:
  evctl group reset orders-svc --topic orders --to-time @-1h
  evctl group reset orders-svc --topic orders:0,1 --shift-by -100 --execute
  evctl group reset orders-svc --all-topics --to-latest --export > plan.csv
  evctl group reset orders-svc --from-file plan.csv --execute --yes";

/// Arguments of `evctl group`.
#[derive(Debug, clap::Args)]
pub struct GroupArgs {
    #[command(subcommand)]
    pub command: GroupCommand,
}

/// The subcommands of `evctl group`.
#[derive(Debug, clap::Subcommand)]
pub enum GroupCommand {
    /// List the consumer groups: type (classic, consumer, share), state, protocol, members, coordinator.
    List(ListArgs),
    /// A group's members and their assignments, and its committed offsets with their lag.
    Describe(DescribeArgs),
    /// Move a group's committed offsets: a plan first, --execute to apply (the group must have no members).
    Reset(Box<ResetArgs>),
    /// Delete groups and their committed offsets (groups without members only).
    Delete(DeleteArgs),
    /// Delete a group's committed offsets of some topics or partitions.
    DeleteOffsets(DeleteOffsetsArgs),
}

/// Arguments of `evctl group list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only groups whose name matches this regular expression.
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,
    /// Only groups of this type.
    #[arg(long = "type", value_name = "TYPE", value_parser = ["classic", "consumer", "share", "streams"])]
    pub group_type: Option<String>,
}

impl ListArgs {
    pub fn pattern(&self) -> anyhow::Result<Option<regex::Regex>> {
        (self.pattern.as_deref().map(regex::Regex::new).transpose())
            .map_err(|e| usage(format!("--pattern: {e}")))
    }
}

/// Arguments of `evctl group describe`.
#[derive(Debug, clap::Args)]
pub struct DescribeArgs {
    /// The group.
    pub group: String,
}

/// Arguments of `evctl group reset`.
#[derive(Debug, clap::Args)]
#[command(after_help = RESET_HELP)]
#[command(group(clap::ArgGroup::new("target").required(true).multiple(false)))]
pub struct ResetArgs {
    /// The group.
    pub group: String,
    /// A topic to reset, all its partitions or the ones listed (TOPIC:0,1,2); repeatable.
    #[arg(long = "topic", value_name = "TOPIC[:P,...]", value_parser = TopicScope::parse, help_heading = "Scope")]
    pub topics: Vec<TopicScope>,
    /// Every partition the group has committed.
    #[arg(long, conflicts_with = "topics", help_heading = "Scope")]
    pub all_topics: bool,
    /// To the log start offset.
    #[arg(long, group = "target", help_heading = "Target")]
    pub to_earliest: bool,
    /// To the log end offset (skip everything not read yet).
    #[arg(long, group = "target", help_heading = "Target")]
    pub to_latest: bool,
    /// To this offset in every partition.
    #[arg(long, value_name = "N", group = "target", help_heading = "Target")]
    pub to_offset: Option<i64>,
    /// The committed offset plus N (negative: back).
    #[arg(
        long,
        value_name = "±N",
        allow_hyphen_values = true,
        group = "target",
        help_heading = "Target"
    )]
    pub shift_by: Option<i64>,
    /// To the first record at or after a time: @2025-01-01T00:00:00Z (no zone: UTC), @-1h, epoch ms.
    #[arg(
        long,
        visible_alias = "to-datetime",
        value_name = "@TIME",
        allow_hyphen_values = true,
        group = "target",
        help_heading = "Target"
    )]
    pub to_time: Option<String>,
    /// To the committed offset (the log end where there is none).
    #[arg(long, group = "target", help_heading = "Target")]
    pub to_current: bool,
    /// To the offsets of a CSV plan (kafka-consumer-groups --export, an undo file).
    #[arg(long, value_name = "FILE", group = "target", help_heading = "Target")]
    pub from_file: Option<PathBuf>,
    /// To another group's committed offsets.
    #[arg(long, value_name = "GROUP", group = "target", help_heading = "Target")]
    pub to_group: Option<String>,
    /// Commit the new offsets (after asking on a terminal).
    #[arg(long)]
    pub execute: bool,
    /// Do not ask before executing.
    #[arg(short, long, requires = "execute")]
    pub yes: bool,
    /// Exit 3 when the plan changes something (0 when nothing would change).
    #[arg(long)]
    pub detailed_exitcode: bool,
    /// Write the plan as kafka-consumer-groups' CSV (topic,partition,offset) to FILE, or stdout.
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
    pub export: Option<PathBuf>,
    /// Where to save the prior offsets before executing [default: in the state directory].
    #[arg(long, value_name = "FILE")]
    pub undo_file: Option<PathBuf>,
}

impl ResetArgs {
    /// The partitions named on the command line.
    pub fn scope(&self) -> Scope {
        Scope {
            topics: self.topics.clone(),
            all_topics: self.all_topics,
        }
    }

    /// The target, with its file read and its time parsed; a usage error when the scope is missing.
    pub fn target(&self) -> anyhow::Result<Target> {
        let target = if self.to_earliest {
            Target::Earliest
        } else if self.to_latest {
            Target::Latest
        } else if let Some(n) = self.to_offset {
            if n < 0 {
                return Err(usage(format!("--to-offset {n}: an offset is 0 or more")));
            }
            Target::Offset(n)
        } else if let Some(n) = self.shift_by {
            Target::ShiftBy(n)
        } else if let Some(t) = &self.to_time {
            Target::Time(crate::record::offsets::parse_time("--to-time", t)?)
        } else if self.to_current {
            Target::Current
        } else if let Some(f) = &self.from_file {
            Target::File(PlanFile::load(f, &self.group)?)
        } else if let Some(g) = &self.to_group {
            if *g == self.group {
                return Err(usage(format!(
                    "--to-group {g}: that is the group being reset"
                )));
            }
            Target::Group(g.clone())
        } else {
            return Err(usage(
                "give a target: --to-earliest, --to-latest, --to-offset, --shift-by, --to-time, --to-current, --from-file or --to-group",
            ));
        };
        if self.scope().is_empty() && !matches!(target, Target::File(_) | Target::Group(_)) {
            return Err(usage_hint(
                "which partitions? give --topic TOPIC[:P,...] or --all-topics",
                "--all-topics resets every partition the group has committed",
            ));
        }
        Ok(target)
    }
}

/// Arguments of `evctl group delete`.
#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// The groups to delete.
    #[arg(required = true)]
    pub groups: Vec<String>,
    /// Show what would be deleted; delete nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}

/// Arguments of `evctl group delete-offsets`.
#[derive(Debug, clap::Args)]
pub struct DeleteOffsetsArgs {
    /// The group.
    pub group: String,
    /// A topic whose offsets to delete, all its partitions or the ones listed (TOPIC:0,1); repeatable.
    #[arg(long = "topic", required = true, value_name = "TOPIC[:P,...]", value_parser = TopicScope::parse)]
    pub topics: Vec<TopicScope>,
    /// Show what would be deleted; delete nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}
