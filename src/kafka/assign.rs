//! The one read planner: which partitions to read (named topics, topics matching a pattern, a
//! partition filter) and from where to where in each, with the `--from` / `--to` syntax of
//! [`crate::record::offsets`] resolved against each partition's log bounds, a group's committed
//! offsets or a time (ListOffsets). `tail`, `dlq inspect`, `dlq replay`, `dlq drain` and
//! `dlq purge` plan their reads here.

use std::collections::{BTreeSet, HashMap};

use super::cluster::Client;
use super::error::KafkaError;
use super::fetcher::Assignment;
use super::offsets::{
    Isolation, OffsetQuery, TopicPartition, committed_offsets, list_offsets, log_bounds,
};
use crate::record::offsets::OffsetSpec;

/// Which partitions: named topics, plus every topic a pattern matches, optionally only some
/// partition numbers.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Topics read by name.
    pub topics: Vec<String>,
    /// Also every topic whose name matches (internal topics only when named).
    pub pattern: Option<regex::Regex>,
    /// Only these partition numbers.
    pub partitions: Option<BTreeSet<i32>>,
}

impl Selection {
    /// One whole topic.
    pub fn topic(name: &str) -> Selection {
        Selection {
            topics: vec![name.to_string()],
            ..Selection::default()
        }
    }

    fn wants(&self, partition: i32) -> bool {
        self.partitions
            .as_ref()
            .is_none_or(|w| w.contains(&partition))
    }
}

/// Where to read in each partition.
#[derive(Debug, Clone)]
pub struct Bounds {
    /// Where to start; when absent, the group's committed offset, else `default_from`.
    pub from: Option<OffsetSpec>,
    /// Where to stop (exclusive); absent: no stop of its own.
    pub to: Option<OffsetSpec>,
    /// Stop at the end offsets taken now (with `to`, at whichever comes first).
    pub stop_at_end: bool,
    /// Start where this group stopped when `from` is absent.
    pub group: Option<String>,
    /// Where to start without `from` or a committed offset.
    pub default_from: OffsetSpec,
    /// Which end counts: the high watermark or the last stable offset.
    pub isolation: Isolation,
}

impl Bounds {
    /// The read has an end (`--exit-at-end` or `--to`); else it follows.
    pub fn bounded(&self) -> bool {
        self.stop_at_end || self.to.is_some()
    }
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            from: None,
            to: None,
            stop_at_end: false,
            group: None,
            default_from: OffsetSpec::Start,
            isolation: Isolation::ReadCommitted,
        }
    }
}

/// One partition's planned read, with the facts it was planned from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub topic: String,
    pub partition: i32,
    /// The log start offset.
    pub low: i64,
    /// The end offset (high watermark, or last stable offset under read_committed).
    pub high: i64,
    /// The group's committed offset, when a group was asked and has one here.
    pub committed: Option<i64>,
    /// The offset `to` resolved to (before `stop_at_end`).
    pub to: Option<i64>,
    /// The first offset to read.
    pub start: i64,
    /// The offset to stop before; None: follow.
    pub stop: Option<i64>,
}

impl Range {
    /// What the fetcher reads.
    pub fn assignment(&self) -> Assignment {
        Assignment {
            topic: self.topic.clone(),
            partition: self.partition,
            start: self.start,
            stop: self.stop,
        }
    }
}

/// The planned read of a selection.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The topics read: the named ones, then those the pattern matched.
    pub topics: Vec<String>,
    /// One per partition, by topic then partition.
    pub ranges: Vec<Range>,
}

impl Plan {
    /// What the fetcher reads.
    pub fn assignments(&self) -> Vec<Assignment> {
        self.ranges.iter().map(Range::assignment).collect()
    }

    /// How many partitions start at the group's committed offset.
    pub fn from_committed(&self, bounds: &Bounds) -> usize {
        if bounds.from.is_some() {
            return 0;
        }
        self.ranges.iter().filter(|r| r.committed.is_some()).count()
    }

    /// Records between start and stop, summed (followed partitions count to their end now).
    pub fn records(&self) -> u64 {
        self.ranges
            .iter()
            .map(|r| (r.stop.unwrap_or(r.high) - r.start).max(0) as u64)
            .sum()
    }
}

/// Why a selection cannot be planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The pattern matched no topic and no topic was named.
    #[error("no topic matches the pattern {0:?}")]
    NoTopicMatches(String),
    /// The partition filter left nothing.
    #[error("none of these partitions exist")]
    NoPartitions,
    #[error(transparent)]
    Kafka(#[from] KafkaError),
}

impl PlanError {
    /// As a Kafka error, for callers whose selection names one topic (it cannot match nothing).
    pub fn into_kafka(self) -> KafkaError {
        match self {
            PlanError::Kafka(e) => e,
            other => KafkaError::Config(other.to_string()),
        }
    }
}

/// The named topics and those matching the pattern, and their wanted partitions.
async fn partitions(
    client: &Client,
    selection: &Selection,
) -> Result<(Vec<String>, Vec<TopicPartition>), PlanError> {
    let mut topics = selection.topics.clone();
    let meta = if let Some(re) = &selection.pattern {
        let all = client.metadata(None).await?;
        for t in all.topics.values() {
            if !t.internal && re.is_match(&t.name) && !topics.contains(&t.name) {
                topics.push(t.name.clone());
            }
        }
        if topics.is_empty() {
            return Err(PlanError::NoTopicMatches(re.as_str().to_string()));
        }
        all
    } else {
        client.metadata(Some(&topics)).await?
    };
    let mut tps = Vec::new();
    for t in &topics {
        let tm = meta.require(t)?;
        for p in &tm.partitions {
            if selection.wants(p.partition) {
                tps.push((t.clone(), p.partition));
            }
        }
    }
    if tps.is_empty() {
        return Err(PlanError::NoPartitions);
    }
    Ok((topics, tps))
}

/// Plans the read of `selection` within `bounds`, at `now_ms` for the relative times.
pub async fn plan(
    client: &Client,
    selection: &Selection,
    bounds: &Bounds,
    now_ms: i64,
) -> Result<Plan, PlanError> {
    let (topics, tps) = partitions(client, selection).await?;
    let isolation = bounds.isolation;
    let (lo, hi) = log_bounds(client, &tps, isolation).await?;
    let by_time = async |spec: Option<OffsetSpec>| -> Result<_, KafkaError> {
        match spec.and_then(|s| s.time(now_ms)) {
            Some(t) => {
                let qs: Vec<_> = tps
                    .iter()
                    .map(|tp| (tp.clone(), OffsetQuery::Timestamp(t)))
                    .collect();
                list_offsets(client, &qs, isolation).await.map(Some)
            }
            None => Ok(None),
        }
    };
    let from_time = by_time(bounds.from).await?;
    let to_time = by_time(bounds.to).await?;
    let committed = match &bounds.group {
        Some(g) if bounds.from.is_none() => committed_offsets(client, g, Some(&tps)).await?,
        _ => HashMap::new(),
    };
    let at =
        |m: &Option<HashMap<TopicPartition, i64>>, tp| m.as_ref().and_then(|m| m.get(tp).copied());
    let ranges = tps
        .iter()
        .map(|tp| {
            let low = lo.get(tp).copied().unwrap_or(0);
            let high = hi.get(tp).copied().unwrap_or(0);
            let c = committed.get(tp).copied();
            let start = match (bounds.from, c) {
                (Some(spec), _) => spec.resolve(low, high, at(&from_time, tp)),
                (None, Some(c)) => c,
                (None, None) => bounds.default_from.resolve(low, high, None),
            };
            let to = bounds
                .to
                .map(|spec| spec.resolve(low, high, at(&to_time, tp)));
            let stop = match (to, bounds.stop_at_end) {
                (Some(s), true) => Some(s.min(high)),
                (None, true) => Some(high),
                (s, false) => s,
            };
            Range {
                topic: tp.0.clone(),
                partition: tp.1,
                low,
                high,
                committed: c,
                to,
                start,
                stop,
            }
        })
        .collect();
    Ok(Plan { topics, ranges })
}

/// Partitions of the selection that `has` does not cover yet (topics created since that match the
/// pattern, partitions added to the topics), to be read from their start so that nothing written
/// to them is missed.
pub async fn new_partitions(
    client: &Client,
    selection: &Selection,
    has: impl Fn(&str, i32) -> bool,
    isolation: Isolation,
) -> Result<Vec<Assignment>, KafkaError> {
    let meta = match selection.pattern {
        Some(_) => client.metadata(None).await?,
        None => client.metadata(Some(&selection.topics)).await?,
    };
    let mut fresh: Vec<TopicPartition> = Vec::new();
    for t in meta.topics.values() {
        let named = selection.topics.contains(&t.name);
        let matched = !t.internal
            && selection
                .pattern
                .as_ref()
                .is_some_and(|re| re.is_match(&t.name));
        if !named && !matched {
            continue;
        }
        for p in &t.partitions {
            if selection.wants(p.partition) && !has(&t.name, p.partition) {
                fresh.push((t.name.clone(), p.partition));
            }
        }
    }
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let queries: Vec<_> = fresh
        .iter()
        .map(|tp| (tp.clone(), OffsetQuery::Earliest))
        .collect();
    let start = list_offsets(client, &queries, isolation).await?;
    Ok(fresh
        .into_iter()
        .map(|tp| Assignment {
            start: start.get(&tp).copied().unwrap_or(0),
            topic: tp.0,
            partition: tp.1,
            stop: None,
        })
        .collect())
}

/// What `tail`'s flags say to read, as text from the command line.
#[derive(Debug, Clone, Default)]
pub struct ReadFlags<'a> {
    pub topics: &'a [String],
    pub pattern: Option<&'a str>,
    pub partitions: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub exit_at_end: bool,
    pub group: Option<&'a str>,
    pub read_uncommitted: bool,
}

impl ReadFlags<'_> {
    /// Where to start and stop, as usage errors naming the flags.
    pub fn bounds(&self) -> anyhow::Result<Bounds> {
        use crate::error::usage;
        use crate::record::offsets::{parse_offset, parse_range};
        let (from, mut to) = match self.from {
            Some(f) => {
                let r = parse_range(f).map_err(|e| usage(format!("--from: {e}")))?;
                (r.from, r.to)
            }
            None => (None, None),
        };
        if let Some(t) = self.to {
            if to.is_some() {
                return Err(usage("--to given twice: in --from A:B and in --to"));
            }
            to = Some(parse_offset(t).map_err(|e| usage(format!("--to: {e}")))?);
        }
        let stop_at_end = self.exit_at_end;
        Ok(Bounds {
            from,
            to,
            stop_at_end,
            group: self.group.map(String::from),
            // without --from: the group's offsets, else the start when the read has an end and
            // the end when following (like tail -f)
            default_from: if stop_at_end || to.is_some() {
                OffsetSpec::Start
            } else {
                OffsetSpec::End
            },
            isolation: if self.read_uncommitted {
                Isolation::ReadUncommitted
            } else {
                Isolation::ReadCommitted
            },
        })
    }

    /// Which topics and partitions.
    pub fn selection(&self) -> anyhow::Result<Selection> {
        use crate::error::usage;
        let partitions = self
            .partitions
            .map(crate::record::offsets::parse_partition_list)
            .transpose()
            .map_err(|e| usage(format!("--partitions: {e}")))?;
        let pattern = self
            .pattern
            .map(regex::Regex::new)
            .transpose()
            .map_err(|e| usage(format!("--pattern: {e}")))?;
        Ok(Selection {
            topics: self.topics.to_vec(),
            pattern,
            partitions,
        })
    }

    /// The first flag given that only Kafka topics have (to refuse it for Redis streams).
    pub fn kafka_only(&self) -> Option<&'static str> {
        [
            (self.pattern.is_some(), "--pattern"),
            (self.partitions.is_some(), "--partitions"),
            (self.read_uncommitted, "--read-uncommitted"),
        ]
        .into_iter()
        .find_map(|(set, flag)| set.then_some(flag))
    }

    /// The planner's refusals as usage errors naming the flags.
    pub fn plan_error(&self, e: PlanError) -> anyhow::Error {
        use crate::error::{usage, usage_hint};
        match e {
            PlanError::NoTopicMatches(re) => usage_hint(
                format!("no topic matches --pattern {re:?}"),
                "the pattern is a regular expression searched in each name; anchor it with ^ and $",
            ),
            PlanError::NoPartitions => usage(format!(
                "--partitions {}: none of these partitions exist",
                self.partitions.unwrap_or_default()
            )),
            PlanError::Kafka(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::fake::LogBroker;

    /// Partition 0: offsets 2..8 (the log starts at 2); partition 1: 0..3.
    fn broker() -> LogBroker {
        LogBroker::new(vec![
            vec![(2, "a"), (3, "b"), (5, "c"), (7, "d")],
            vec![(0, "x"), (1, "y"), (2, "z")],
        ])
    }

    async fn plan_of(
        b: &LogBroker,
        selection: &Selection,
        bounds: &Bounds,
    ) -> Result<Plan, PlanError> {
        let addr = b.start().await;
        let client = b.client(addr).await;
        plan(&client, selection, bounds, 0).await
    }

    fn starts_stops(p: &Plan) -> Vec<(i32, i64, Option<i64>)> {
        p.ranges
            .iter()
            .map(|r| (r.partition, r.start, r.stop))
            .collect()
    }

    #[tokio::test]
    async fn from_and_to_resolve_against_each_partitions_bounds() {
        let b = broker();
        let bounds = Bounds {
            from: Some(OffsetSpec::AfterStart(1)),
            to: Some(OffsetSpec::BeforeEnd(1)),
            ..Bounds::default()
        };
        let p = plan_of(&b, &Selection::topic("t"), &bounds).await.unwrap();
        assert_eq!(p.topics, ["t"]);
        assert_eq!(starts_stops(&p), [(0, 3, Some(7)), (1, 1, Some(2))]);
        let r = &p.ranges[0];
        assert_eq!((r.low, r.high, r.committed), (2, 8, None));
        assert_eq!(p.records(), 4 + 1);
    }

    #[tokio::test]
    async fn to_end_and_follow() {
        let b = broker();
        let to_end = Bounds {
            stop_at_end: true,
            ..Bounds::default()
        };
        let p = plan_of(&b, &Selection::topic("t"), &to_end).await.unwrap();
        assert_eq!(starts_stops(&p), [(0, 2, Some(8)), (1, 0, Some(3))]);
        // following from the end: no stop
        let follow = Bounds {
            default_from: OffsetSpec::End,
            ..Bounds::default()
        };
        let p = plan_of(&b, &Selection::topic("t"), &follow).await.unwrap();
        assert_eq!(starts_stops(&p), [(0, 8, None), (1, 3, None)]);
        // a `to` past the end stops at the end with stop_at_end
        let past = Bounds {
            to: Some(OffsetSpec::Exact(100)),
            stop_at_end: true,
            ..Bounds::default()
        };
        let p = plan_of(&b, &Selection::topic("t"), &past).await.unwrap();
        assert_eq!(p.ranges[0].to, Some(100));
        assert_eq!(starts_stops(&p), [(0, 2, Some(8)), (1, 0, Some(3))]);
    }

    #[tokio::test]
    async fn a_group_starts_where_it_committed_and_others_at_the_default() {
        let b = broker();
        b.commits.lock().unwrap().push(("g".into(), 0, 5));
        let bounds = Bounds {
            group: Some("g".into()),
            stop_at_end: true,
            ..Bounds::default()
        };
        let p = plan_of(&b, &Selection::topic("t"), &bounds).await.unwrap();
        assert_eq!(starts_stops(&p), [(0, 5, Some(8)), (1, 0, Some(3))]);
        assert_eq!(p.from_committed(&bounds), 1);
        // --from wins over the group's offsets
        let from = Bounds {
            from: Some(OffsetSpec::Start),
            ..bounds.clone()
        };
        let p = plan_of(&b, &Selection::topic("t"), &from).await.unwrap();
        assert_eq!(starts_stops(&p), [(0, 2, Some(8)), (1, 0, Some(3))]);
        assert_eq!(p.from_committed(&from), 0);
    }

    #[tokio::test]
    async fn selections_and_their_refusals() {
        let b = broker();
        let one = Selection {
            partitions: Some([1].into()),
            ..Selection::topic("t")
        };
        let p = plan_of(&b, &one, &Bounds::default()).await.unwrap();
        assert_eq!(starts_stops(&p), [(1, 0, None)]);
        let none = Selection {
            partitions: Some([7].into()),
            ..Selection::topic("t")
        };
        let e = plan_of(&b, &none, &Bounds::default()).await.unwrap_err();
        assert!(matches!(e, PlanError::NoPartitions), "{e}");
        let pattern = Selection {
            topics: vec![],
            pattern: Some(regex::Regex::new("^nope").unwrap()),
            partitions: None,
        };
        let e = plan_of(&b, &pattern, &Bounds::default()).await.unwrap_err();
        assert!(
            matches!(&e, PlanError::NoTopicMatches(re) if re == "^nope"),
            "{e}"
        );
        let matched = Selection {
            topics: vec![],
            pattern: Some(regex::Regex::new("^t$").unwrap()),
            partitions: None,
        };
        let p = plan_of(&b, &matched, &Bounds::default()).await.unwrap();
        assert_eq!(p.topics, ["t"]);
        assert_eq!(p.ranges.len(), 2);
    }
}
