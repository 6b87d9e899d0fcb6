//! Consumer-group offsets, the model of `evctl group`: where a reset moves each partition of a
//! group (clamped to the partition's log, with the lag before and after), whether the group is
//! live (and so must not be touched), the CSV plans of `kafka-consumer-groups --export`, and the
//! reports. The requests are in `crate::kafka::group_admin`.

pub mod csv;
pub mod flags;
mod render;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::lag::Member;

/// A topic and partition.
pub type TopicPartition = (String, i32);

/// Where a reset moves each partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The log start offset.
    Earliest,
    /// The log end offset.
    Latest,
    /// The same offset in every partition.
    Offset(i64),
    /// The committed offset plus (or minus) this.
    ShiftBy(i64),
    /// The first offset whose record is at or after this time (epoch ms).
    Time(i64),
    /// The committed offset (the log end without one): re-commits what is there.
    Current,
    /// The offsets a plan file gives (`kafka-consumer-groups --export`, an undo file).
    File(csv::PlanFile),
    /// Another group's committed offsets.
    Group(String),
}

impl Target {
    /// The flag that chose it, for the report.
    pub fn describe(&self) -> String {
        match self {
            Target::Earliest => "--to-earliest".into(),
            Target::Latest => "--to-latest".into(),
            Target::Offset(n) => format!("--to-offset {n}"),
            Target::ShiftBy(n) => format!("--shift-by {n:+}"),
            Target::Time(ms) => format!("--to-time {}", crate::record::time::format_rfc3339(*ms)),
            Target::Current => "--to-current".into(),
            Target::File(f) => format!("--from-file {}", f.path),
            Target::Group(g) => format!("--to-group {g}"),
        }
    }
}

/// A topic, and optionally only some of its partitions (`--topic T` or `--topic T:0,1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicScope {
    pub topic: String,
    pub partitions: Option<Vec<i32>>,
}

impl TopicScope {
    /// Parses `T` or `T:0,1,2`.
    pub fn parse(s: &str) -> Result<TopicScope, String> {
        let (topic, parts) = match s.rsplit_once(':') {
            Some((t, p)) => (t, Some(p)),
            None => (s, None),
        };
        if topic.is_empty() {
            return Err(format!(
                "{s:?}: no topic name (expected TOPIC or TOPIC:0,1,2)"
            ));
        }
        let partitions = parts
            .map(|p| {
                let set = crate::record::offsets::parse_partition_list(p)?;
                if set.is_empty() {
                    return Err(format!("{s:?}: no partitions after the colon"));
                }
                Ok(set.into_iter().collect())
            })
            .transpose()?;
        Ok(TopicScope {
            topic: topic.to_string(),
            partitions,
        })
    }
}

/// Which partitions a reset covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Named topics (all their partitions, or the ones listed).
    pub topics: Vec<TopicScope>,
    /// Every partition the group has committed.
    pub all_topics: bool,
}

impl Scope {
    /// No scope given: the target's own partitions (a plan file's, another group's).
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty() && !self.all_topics
    }

    /// True when `tp` is in a named topic's scope (every partition when none are named).
    pub fn names(&self, tp: &TopicPartition) -> bool {
        self.topics
            .iter()
            .any(|t| t.topic == tp.0 && t.partitions.as_ref().is_none_or(|ps| ps.contains(&tp.1)))
    }
}

/// Why a partition's new offset is not the one the target asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Below the log start offset: moved up to it.
    ClampedToStart,
    /// Past the log end offset: moved down to it.
    ClampedToEnd,
    /// No record at or after the time: the log end.
    AfterLastRecord,
    /// `--to-current` without a committed offset: the log end.
    NoCommit,
}

impl Mark {
    /// Words for the table and the warning.
    pub fn text(self) -> &'static str {
        match self {
            Mark::ClampedToStart => "clamped to log start",
            Mark::ClampedToEnd => "clamped to log end",
            Mark::AfterLastRecord => "no record at or after the time: log end",
            Mark::NoCommit => "no committed offset: log end",
        }
    }
}

/// What is known of one partition when its new offset is worked out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Known {
    pub log_start: i64,
    pub log_end: i64,
    /// The group's committed offset.
    pub current: Option<i64>,
    /// `Target::Time`: the first offset at or after the time (None when no record is).
    pub at_time: Option<i64>,
    /// `Target::File` / `Target::Group`: the offset given for this partition.
    pub given: Option<i64>,
}

/// The new offset of one partition, clamped to [log start, log end]; `Err` says why there is
/// none (`--shift-by` without a committed offset).
pub fn resolve(target: &Target, k: &Known) -> Result<(i64, Option<Mark>), &'static str> {
    let clamp = |wanted: i64| {
        if wanted < k.log_start {
            (k.log_start, Some(Mark::ClampedToStart))
        } else if wanted > k.log_end {
            (k.log_end, Some(Mark::ClampedToEnd))
        } else {
            (wanted, None)
        }
    };
    Ok(match target {
        Target::Earliest => (k.log_start, None),
        Target::Latest => (k.log_end, None),
        Target::Offset(n) => clamp(*n),
        Target::ShiftBy(n) => {
            let current = k.current.ok_or("no committed offset to shift")?;
            clamp(current.saturating_add(*n))
        }
        Target::Time(_) => match k.at_time {
            Some(o) => clamp(o),
            None => (k.log_end, Some(Mark::AfterLastRecord)),
        },
        Target::Current => match k.current {
            Some(c) => clamp(c),
            None => (k.log_end, Some(Mark::NoCommit)),
        },
        Target::File(_) | Target::Group(_) => clamp(k.given.ok_or("no offset given")?),
    })
}

/// One partition of a reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub topic: String,
    pub partition: i32,
    /// The committed offset before (None: the group has not committed this partition).
    pub current: Option<i64>,
    pub new: i64,
    pub log_start: i64,
    pub log_end: i64,
    pub lag_before: Option<i64>,
    pub lag_after: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Mark>,
    /// After `--execute`: committed, unchanged, or why it was not committed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

impl Row {
    /// Builds the row of a partition from what is known and the new offset.
    pub fn new(tp: &TopicPartition, k: &Known, (new, note): (i64, Option<Mark>)) -> Row {
        Row {
            topic: tp.0.clone(),
            partition: tp.1,
            current: k.current,
            new,
            log_start: k.log_start,
            log_end: k.log_end,
            lag_before: k.current.map(|c| (k.log_end - c).max(0)),
            lag_after: (k.log_end - new).max(0),
            note,
            result: None,
        }
    }

    /// The reset changes this partition's committed offset.
    pub fn changes(&self) -> bool {
        self.current != Some(self.new)
    }

    pub fn tp(&self) -> TopicPartition {
        (self.topic.clone(), self.partition)
    }
}

/// Who is in a group, as the safety check sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Liveness {
    /// The cluster knows the group (members, a description, or committed offsets).
    pub exists: bool,
    /// classic, consumer (KIP-848), share, or empty when unknown.
    pub group_type: String,
    pub state: String,
    pub members: Vec<Member>,
}

impl Liveness {
    /// The refusal to change a group that has members, naming them and their hosts; None when
    /// the group has none.
    pub fn refusal(&self, group: &str) -> Option<String> {
        if matches!(self.group_type.as_str(), "share" | "streams") {
            return Some(format!(
                "group {group} is a {} group: its offsets are not a consumer group's, and evctl changes only classic and consumer groups",
                self.group_type
            ));
        }
        if self.members.is_empty() {
            return None;
        }
        Some(format!(
            "group {group} is in use ({} protocol, state {}): {}; its offsets can only change while it has no members",
            if self.group_type.is_empty() {
                "classic"
            } else {
                &self.group_type
            },
            self.state,
            self.member_names()
        ))
    }

    /// `N member(s): ID (client C, host H), ...` (the first five).
    pub fn member_names(&self) -> String {
        let mut names: Vec<String> = (self.members.iter().take(5))
            .map(|m| {
                let host = m.host.trim_start_matches('/');
                format!("{} (client {}, host {host})", m.member_id, m.client_id)
            })
            .collect();
        if self.members.len() > 5 {
            names.push(format!("and {} more", self.members.len() - 5));
        }
        let names = crate::output::sanitize(&names.join(", ")).into_owned();
        format!("{} member(s): {names}", self.members.len())
    }
}

/// The hint under a refusal to change a live group.
pub const LIVE_HINT: &str =
    "stop its consumers (and wait for their session to end), then run this again";

/// A reset: its plan, and after `--execute` the result of each partition.
#[derive(Debug, Clone, Serialize)]
pub struct ResetPlan {
    pub group: String,
    #[serde(flatten)]
    pub liveness: Liveness,
    pub target: String,
    /// Partitions whose committed offset changes.
    pub changes: usize,
    pub executed: bool,
    /// Where the prior offsets were saved before executing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undo_file: Option<String>,
    pub partitions: Vec<Row>,
}

impl ResetPlan {
    /// Builds the plan and counts its changes.
    pub fn new(group: &str, liveness: Liveness, target: &Target, rows: Vec<Row>) -> ResetPlan {
        ResetPlan {
            group: group.to_string(),
            liveness,
            target: target.describe(),
            changes: rows.iter().filter(|r| r.changes()).count(),
            executed: false,
            undo_file: None,
            partitions: rows,
        }
    }

    /// The partitions to commit and their new offsets.
    pub fn commits(&self) -> Vec<(TopicPartition, i64)> {
        self.partitions
            .iter()
            .filter(|r| r.changes())
            .map(|r| (r.tp(), r.new))
            .collect()
    }

    /// The warnings of the plan: one per partition whose offset was not the one asked for.
    pub fn warnings(&self) -> Vec<String> {
        self.partitions
            .iter()
            .filter_map(|r| {
                r.note.map(|m| {
                    format!(
                        "{}/{}: {} ({})",
                        crate::output::sanitize(&r.topic),
                        r.partition,
                        m.text(),
                        r.new
                    )
                })
            })
            .collect()
    }

    /// The partitions the reset commits that had no committed offset, as `--topic T:0,1`
    /// arguments: the undo file cannot express "none", `delete-offsets` restores that.
    pub fn first_commits(&self) -> Vec<String> {
        let mut by_topic: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for r in self.partitions.iter().filter(|r| r.current.is_none()) {
            by_topic
                .entry(&r.topic)
                .or_default()
                .push(r.partition.to_string());
        }
        (by_topic.into_iter())
            .map(|(t, ps)| format!("--topic {}:{}", t, ps.join(",")))
            .collect()
    }

    /// Every partition's new offset (the `--export` plan).
    pub fn offsets(&self) -> Vec<(TopicPartition, i64)> {
        self.partitions.iter().map(|r| (r.tp(), r.new)).collect()
    }

    /// Partitions whose commit failed.
    pub fn failed(&self) -> usize {
        self.partitions
            .iter()
            .filter(|r| {
                r.result
                    .as_ref()
                    .is_some_and(|s| s != COMMITTED && s != UNCHANGED)
            })
            .count()
    }
}

/// A row's result once committed.
pub const COMMITTED: &str = "committed";
/// A row's result when its offset was already the new one.
pub const UNCHANGED: &str = "unchanged";

/// A group as `evctl group list` shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GroupSummary {
    pub group: String,
    /// classic, consumer, share (or the protocol type on brokers before ListGroups v5).
    pub group_type: String,
    pub state: String,
    pub protocol_type: String,
    /// The assignor or protocol in use.
    pub protocol: String,
    pub members: Option<usize>,
    pub coordinator: Option<i32>,
}

/// The groups of `evctl group list`.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct GroupList(pub Vec<GroupSummary>);

/// `evctl group describe`: a group, its members and its partitions (lag's collection).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct GroupDetail(pub crate::lag::GroupLag);

/// The result of deleting one thing (a group, a partition's offset).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deletion {
    /// A group name, or `topic/partition`.
    pub name: String,
    pub deleted: bool,
    /// deleted, would delete, or why not.
    pub result: String,
}

/// `evctl group delete` and `delete-offsets`.
#[derive(Debug, Clone, Serialize)]
pub struct DeleteReport {
    /// The group whose offsets are deleted (delete-offsets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub executed: bool,
    /// Why executing it would be refused (a live group reads some of it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
    pub items: Vec<Deletion>,
}

impl Deletion {
    /// An item of a deletion's plan.
    pub fn planned(name: String) -> Deletion {
        Deletion {
            name,
            deleted: false,
            result: "would delete".into(),
        }
    }
}

/// A named partition that has no committed offset.
pub const NOTHING: &str = "no committed offset: nothing to delete";

impl DeleteReport {
    /// Items that were to be deleted and were not.
    pub fn failed(&self) -> usize {
        (self.items.iter())
            .filter(|d| self.executed && !d.deleted && d.result != NOTHING)
            .count()
    }
}

/// The offsets of a group's committed partitions, sorted.
pub fn sorted(
    offsets: &std::collections::HashMap<TopicPartition, i64>,
) -> BTreeMap<TopicPartition, i64> {
    offsets.iter().map(|(k, v)| (k.clone(), *v)).collect()
}

#[cfg(test)]
mod tests;
