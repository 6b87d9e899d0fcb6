//! The tail engine: the read loop of `evctl tail`. It polls the fetcher, filters, writes records,
//! stops at `--max` or when every partition reached its stop offset (gaps from compaction and
//! transaction markers included), commits the group's position on a cadence and at the end
//! (stopping mid-response, it commits the first record left over, not the fetcher's position),
//! and, while following, picks up partitions and matching topics created since the start.
//!
//! It calls Kafka types directly until a second transport arrives (architecture.md §3.1, rule 4).

use std::collections::HashMap;
use std::future::Future;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::codec::Codec;
use crate::kafka::Client;
use crate::kafka::assign::{Selection, new_partitions};
use crate::kafka::fetcher::Fetcher;
use crate::kafka::offsets::{COMMIT_INTERVAL, Isolation, TopicPartition, commit_offsets};
use crate::output::records::RecordWriter;
use crate::record::Record;
use crate::record::filter::Filter;

/// How often a follow looks for new partitions, and new topics matching the pattern.
pub const TOPIC_REFRESH: Duration = Duration::from_secs(5);

/// What the loop does besides reading.
pub struct TailOptions {
    /// Records to write; an empty filter passes everything.
    pub filter: Filter,
    /// Stop after writing this many records.
    pub max: Option<u64>,
    /// Commit the position to this group on the cadence and at the end.
    pub group: Option<String>,
    /// How often to commit.
    pub commit_interval: Duration,
    /// While following: the selection to look for new partitions of, and how often.
    pub follow: Option<(Selection, Duration)>,
    /// Which records new partitions show.
    pub isolation: Isolation,
}

impl Default for TailOptions {
    fn default() -> Self {
        TailOptions {
            filter: Filter::default(),
            max: None,
            group: None,
            commit_interval: COMMIT_INTERVAL,
            follow: None,
            isolation: Isolation::ReadCommitted,
        }
    }
}

/// What happened, for the caller to show as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A warning from the reader (records deleted under it, a position reset).
    Warning(String),
    /// New partitions are read from now on (`topic/partition`).
    Added(Vec<String>),
    /// A record's key or value was left undecoded (`topic/partition@offset key|value: why`).
    Undecoded(String),
}

/// What a tail did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TailSummary {
    /// Records written.
    pub printed: u64,
    /// Records read (before filters).
    pub scanned: u64,
    /// The stop signal ended it.
    pub interrupted: bool,
    /// The group's position was committed at the end.
    pub committed: bool,
}

/// Reads until the fetcher is done, `max` records are written or `stop` resolves.
#[allow(clippy::too_many_arguments)]
pub async fn run<W: Write>(
    client: &Arc<Client>,
    fetcher: &mut Fetcher,
    opts: &TailOptions,
    mut codec: Option<&mut Codec>,
    out: &mut RecordWriter<W>,
    stop: impl Future<Output = ()>,
    mut on: impl FnMut(Event),
) -> anyhow::Result<TailSummary> {
    let mut summary = TailSummary::default();
    let mut last_commit = Instant::now();
    let mut last_refresh = Instant::now();
    let mut positions: Option<Vec<(TopicPartition, i64)>> = None;
    tokio::pin!(stop);
    'read: loop {
        let batch = tokio::select! {
            biased;
            _ = &mut stop => {
                summary.interrupted = true;
                break 'read;
            }
            b = fetcher.poll() => b?,
        };
        for n in fetcher.take_notices() {
            on(Event::Warning(n.0));
        }
        let Some(mut records) = batch else { break };
        if let Some(c) = codec.as_deref_mut() {
            decode_all(c, &mut records, &mut on).await;
        }
        for (i, r) in records.iter().enumerate() {
            summary.scanned += 1;
            if !opts.filter.is_empty() && !opts.filter.matches(r) {
                continue;
            }
            out.write(r)?;
            summary.printed += 1;
            if opts.max.is_some_and(|m| summary.printed >= m) {
                positions = Some(stopped_positions(fetcher, &records[i + 1..]));
                break 'read;
            }
        }
        out.flush()?;
        if let Some(g) = &opts.group
            && last_commit.elapsed() >= opts.commit_interval
        {
            commit_offsets(client, g, &fetcher.positions(), "evctl tail").await?;
            last_commit = Instant::now();
        }
        if let Some((selection, every)) = &opts.follow
            && last_refresh.elapsed() >= *every
        {
            last_refresh = Instant::now();
            match new_partitions(client, selection, |t, p| fetcher.has(t, p), opts.isolation).await
            {
                Ok(added) if !added.is_empty() => {
                    on(Event::Added(
                        added
                            .iter()
                            .map(|a| format!("{}/{}", a.topic, a.partition))
                            .collect(),
                    ));
                    fetcher.add(added);
                }
                Ok(_) => {}
                // a failed refresh is not fatal: the next one may work
                Err(e) => tracing::debug!(error = %e, "topic refresh failed"),
            }
        }
    }
    out.flush()?;
    if let Some(g) = &opts.group {
        let positions = positions.unwrap_or_else(|| fetcher.positions());
        commit_offsets(client, g, &positions, "evctl tail").await?;
        summary.committed = true;
    }
    Ok(summary)
}

/// Decodes registry-framed keys and values in place; what stays undecoded is reported.
pub async fn decode_all(codec: &mut Codec, records: &mut [Record], on: &mut impl FnMut(Event)) {
    for r in records {
        for (part, why) in codec.decode(&r.topic, &mut r.msg).await {
            let part = part.name();
            on(Event::Undecoded(format!(
                "{}/{}@{} {part}: {why}",
                r.topic, r.partition, r.offset
            )));
        }
    }
}

/// Positions to commit after stopping in the middle of a response: the fetcher's, except for
/// partitions with records left over, which restart at the first of them.
fn stopped_positions(fetcher: &Fetcher, left: &[Record]) -> Vec<(TopicPartition, i64)> {
    let mut first_left: HashMap<(&str, i32), i64> = HashMap::new();
    for r in left {
        first_left
            .entry((r.topic.as_ref(), r.partition))
            .and_modify(|o| *o = (*o).min(r.offset))
            .or_insert(r.offset);
    }
    fetcher
        .positions()
        .into_iter()
        .map(|(tp, next)| {
            let at = first_left
                .get(&(tp.0.as_str(), tp.1))
                .copied()
                .unwrap_or(next);
            (tp, at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::assign::{Bounds, plan};
    use crate::kafka::fake::LogBroker;
    use crate::kafka::fetcher::FetchOptions;
    use crate::output::Styles;
    use crate::output::records::RecordFormat;
    use crate::record::filter::FilterSpec;
    use crate::record::offsets::OffsetSpec;

    /// Partition 0 with gaps (offsets 2, 4-6 compacted away), partition 1 starting at 2.
    fn broker() -> LogBroker {
        LogBroker::new(vec![
            vec![(0, "a"), (1, "b"), (3, "c"), (7, "d")],
            vec![(2, "x"), (3, "y")],
        ])
    }

    struct Run {
        out: String,
        summary: TailSummary,
        events: Vec<Event>,
    }

    /// Plans `selection` to the end (or follows), then tails it into a raw writer.
    async fn tail(
        b: &LogBroker,
        selection: Selection,
        bounds: Bounds,
        opts: TailOptions,
        stop: impl Future<Output = ()>,
    ) -> Run {
        let addr = b.start().await;
        let client = Arc::new(b.client(addr).await);
        let plan = plan(&client, &selection, &bounds, 0).await.unwrap();
        let mut fetcher = Fetcher::new(client.clone(), FetchOptions::default(), plan.assignments());
        let mut out = RecordWriter::new(Vec::new(), RecordFormat::Raw, Styles::PLAIN, false);
        let mut events = Vec::new();
        let summary = run(&client, &mut fetcher, &opts, None, &mut out, stop, |e| {
            events.push(e)
        })
        .await
        .unwrap();
        let out = String::from_utf8(out.into_inner().unwrap()).unwrap();
        Run {
            out,
            summary,
            events,
        }
    }

    fn to_end() -> Bounds {
        Bounds {
            stop_at_end: true,
            ..Bounds::default()
        }
    }

    fn sorted_lines(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.lines().collect();
        v.sort();
        v
    }

    #[tokio::test]
    async fn stops_at_the_end_across_gaps_and_commits_the_end() {
        let b = broker();
        let opts = TailOptions {
            group: Some("g".into()),
            ..TailOptions::default()
        };
        let r = tail(
            &b,
            Selection::topic("t"),
            to_end(),
            opts,
            std::future::pending(),
        )
        .await;
        assert_eq!(sorted_lines(&r.out), ["a", "b", "c", "d", "x", "y"]);
        assert_eq!(
            r.summary,
            TailSummary {
                printed: 6,
                scanned: 6,
                interrupted: false,
                committed: true
            }
        );
        let mut commits = b.commits();
        commits.sort();
        assert_eq!(commits, [("g".into(), 0, 8), ("g".into(), 1, 4)]);
    }

    #[tokio::test]
    async fn max_commits_the_first_record_left_over() {
        let b = broker();
        let selection = Selection {
            partitions: Some([0].into()),
            ..Selection::topic("t")
        };
        let opts = TailOptions {
            group: Some("g".into()),
            max: Some(1),
            ..TailOptions::default()
        };
        let r = tail(&b, selection, to_end(), opts, std::future::pending()).await;
        // a and b come in one batch: b is left over, so the group resumes at 1, not 2
        assert_eq!(r.out, "a\n");
        assert_eq!(r.summary.printed, 1);
        assert_eq!(b.commits(), [("g".into(), 0, 1)]);
    }

    #[tokio::test]
    async fn filters_count_what_was_read_and_what_was_printed() {
        let b = broker();
        let opts = TailOptions {
            filter: Filter::new(&FilterSpec {
                grep: Some("^[by]$".into()),
                ..FilterSpec::default()
            })
            .unwrap(),
            ..TailOptions::default()
        };
        let r = tail(
            &b,
            Selection::topic("t"),
            to_end(),
            opts,
            std::future::pending(),
        )
        .await;
        assert_eq!(sorted_lines(&r.out), ["b", "y"]);
        assert_eq!((r.summary.printed, r.summary.scanned), (2, 6));
        assert!(b.commits().is_empty(), "no group, no commit");
    }

    #[tokio::test]
    async fn from_and_to_resolve_per_partition() {
        let b = broker();
        let bounds = Bounds {
            from: Some(OffsetSpec::AfterStart(1)),
            to: Some(OffsetSpec::BeforeEnd(1)),
            ..Bounds::default()
        };
        // partition 0: start 0 end 8 -> 1..7 (b, c); partition 1: start 2 end 4 -> 3..3 (none)
        let r = tail(
            &b,
            Selection::topic("t"),
            bounds,
            TailOptions::default(),
            std::future::pending(),
        )
        .await;
        assert_eq!(sorted_lines(&r.out), ["b", "c"]);
    }

    #[tokio::test]
    async fn a_stop_signal_ends_a_follow_and_commits_the_position() {
        let b = broker();
        let bounds = Bounds {
            default_from: OffsetSpec::Start,
            ..Bounds::default()
        };
        let opts = TailOptions {
            group: Some("g".into()),
            // commit after every response: the cadence
            commit_interval: Duration::ZERO,
            ..TailOptions::default()
        };
        let stop = tokio::time::sleep(Duration::from_millis(300));
        let r = tail(&b, Selection::topic("t"), bounds, opts, stop).await;
        assert!(r.summary.interrupted && r.summary.committed);
        assert_eq!(r.summary.printed, 6);
        let commits = b.commits();
        assert!(commits.len() > 2, "committed on the cadence: {commits:?}");
        let last: HashMap<i32, i64> = commits.iter().map(|(_, p, o)| (*p, *o)).collect();
        assert_eq!(last, HashMap::from([(0, 8), (1, 4)]));
        assert!(r.events.is_empty(), "{:?}", r.events);
    }

    #[tokio::test]
    async fn a_slow_commit_cadence_commits_once_at_the_end() {
        let b = broker();
        let opts = TailOptions {
            group: Some("g".into()),
            commit_interval: Duration::from_secs(3600),
            ..TailOptions::default()
        };
        let bounds = Bounds {
            default_from: OffsetSpec::Start,
            ..Bounds::default()
        };
        let stop = tokio::time::sleep(Duration::from_millis(200));
        let r = tail(&b, Selection::topic("t"), bounds, opts, stop).await;
        assert!(r.summary.interrupted);
        assert_eq!(
            b.commits().len(),
            2,
            "one commit at the end, of both partitions"
        );
    }

    #[tokio::test]
    async fn a_follow_reads_new_records_and_new_partitions_from_their_start() {
        let b = LogBroker::new(vec![vec![(0, "a")]]);
        let bounds = Bounds {
            default_from: OffsetSpec::End,
            ..Bounds::default()
        };
        let opts = TailOptions {
            follow: Some((Selection::topic("t"), Duration::ZERO)),
            ..TailOptions::default()
        };
        let writer = b.clone();
        let stop = async move {
            tokio::time::sleep(Duration::from_millis(150)).await;
            writer.append(0, "b");
            writer.add_partition(vec![(0, "p1-a"), (1, "p1-b")]);
            tokio::time::sleep(Duration::from_millis(400)).await;
        };
        let r = tail(&b, Selection::topic("t"), bounds, opts, stop).await;
        // started at the end: "a" was there before; "b" and the new partition's records came after
        assert_eq!(sorted_lines(&r.out), ["b", "p1-a", "p1-b"]);
        assert_eq!(r.events, [Event::Added(vec!["t/1".into()])]);
    }
}
