//! The tail engine: the read loop of `evctl tail`. It polls a [`Source`] (Kafka partitions or
//! Redis streams), decodes registry-framed data, filters, writes records, stops at `--max` or
//! when the source reached every stop, checkpoints a group's progress on a cadence and at the end
//! (stopping mid-batch, the records left over are the group's to see again), and lets a following
//! source pick up partitions or topics created since the start.

use std::future::Future;
use std::io::Write;
use std::time::{Duration, Instant};

use crate::codec::Codec;
use crate::output::records::RecordWriter;
use crate::record::Record;
use crate::record::filter::Filter;
use crate::transport::Source;

/// How often a group's progress is saved while reading.
pub const CHECKPOINT_INTERVAL: Duration = Duration::from_secs(5);

/// What the loop does besides reading.
pub struct TailOptions {
    /// Records to write; an empty filter passes everything.
    pub filter: Filter,
    /// Stop after writing this many records.
    pub max: Option<u64>,
    /// How often to checkpoint a group's progress.
    pub commit_interval: Duration,
}

impl Default for TailOptions {
    fn default() -> Self {
        TailOptions {
            filter: Filter::default(),
            max: None,
            commit_interval: CHECKPOINT_INTERVAL,
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
    /// The group's progress was saved at the end.
    pub committed: bool,
}

/// Reads until the source is done, `max` records are written or `stop` resolves.
pub async fn run<S: Source, W: Write>(
    source: &mut S,
    opts: &TailOptions,
    mut codec: Option<&mut Codec>,
    out: &mut RecordWriter<W>,
    stop: impl Future<Output = ()>,
    mut on: impl FnMut(Event),
) -> anyhow::Result<TailSummary> {
    let mut summary = TailSummary::default();
    let mut last_commit = Instant::now();
    let mut left: Vec<Record> = Vec::new();
    tokio::pin!(stop);
    'read: loop {
        let batch = tokio::select! {
            biased;
            _ = &mut stop => {
                summary.interrupted = true;
                break 'read;
            }
            b = source.poll() => b?,
        };
        for n in source.take_notices() {
            on(Event::Warning(n));
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
            source.written(r);
            summary.printed += 1;
            if opts.max.is_some_and(|m| summary.printed >= m) {
                left = records.split_off(i + 1);
                break 'read;
            }
        }
        out.flush()?;
        if source.checkpoints() && last_commit.elapsed() >= opts.commit_interval {
            source.checkpoint(&[]).await?;
            last_commit = Instant::now();
        }
        let added = source.refresh().await;
        if !added.is_empty() {
            on(Event::Added(added));
        }
    }
    out.flush()?;
    if source.checkpoints() {
        source.checkpoint(&left).await?;
        summary.committed = true;
    }
    Ok(summary)
}

/// Decodes registry-framed keys and values in place; what stays undecoded is reported.
pub async fn decode_all(codec: &mut Codec, records: &mut [Record], on: &mut impl FnMut(Event)) {
    for r in records {
        for (part, why) in codec.decode(&r.topic, &mut r.msg).await {
            let part = part.name();
            on(Event::Undecoded(format!("{} {part}: {why}", r.address())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::sync::Arc;

    use crate::kafka::assign::{Bounds, Selection, plan};
    use crate::kafka::fake::LogBroker;
    use crate::kafka::fetcher::{FetchOptions, Fetcher};
    use crate::kafka::offsets::Isolation;
    use crate::kafka::source::KafkaSource;
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
    /// What the Kafka source does besides reading: commit to a group, follow new partitions.
    #[derive(Default)]
    struct Kafka {
        group: Option<&'static str>,
        follow: Option<Duration>,
    }

    /// Plans `selection`, then tails it through a Kafka source into a raw writer.
    async fn tail_with(
        b: &LogBroker,
        selection: Selection,
        bounds: Bounds,
        opts: TailOptions,
        kafka: Kafka,
        stop: impl Future<Output = ()>,
    ) -> Run {
        let addr = b.start().await;
        let client = Arc::new(b.client(addr).await);
        let plan = plan(&client, &selection, &bounds, 0).await.unwrap();
        let fetcher = Fetcher::new(client.clone(), FetchOptions::default(), plan.assignments());
        let mut source = KafkaSource::new(
            client,
            fetcher,
            kafka.group.map(String::from),
            kafka.follow.map(|every| (selection, every)),
            Isolation::ReadCommitted,
        );
        let mut out = RecordWriter::new(Vec::new(), RecordFormat::Raw, Styles::PLAIN, false);
        let mut events = Vec::new();
        let summary = run(&mut source, &opts, None, &mut out, stop, |e| events.push(e))
            .await
            .unwrap();
        let out = String::from_utf8(out.into_inner().unwrap()).unwrap();
        Run {
            out,
            summary,
            events,
        }
    }

    async fn tail(
        b: &LogBroker,
        selection: Selection,
        bounds: Bounds,
        opts: TailOptions,
        stop: impl Future<Output = ()>,
    ) -> Run {
        tail_with(b, selection, bounds, opts, Kafka::default(), stop).await
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
        let group = Kafka {
            group: Some("g"),
            ..Kafka::default()
        };
        let opts = TailOptions::default();
        let r = tail_with(
            &b,
            Selection::topic("t"),
            to_end(),
            opts,
            group,
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
            max: Some(1),
            ..TailOptions::default()
        };
        let group = Kafka {
            group: Some("g"),
            ..Kafka::default()
        };
        let r = tail_with(&b, selection, to_end(), opts, group, std::future::pending()).await;
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
            // commit after every response: the cadence
            commit_interval: Duration::ZERO,
            ..TailOptions::default()
        };
        let group = Kafka {
            group: Some("g"),
            ..Kafka::default()
        };
        let stop = tokio::time::sleep(Duration::from_millis(300));
        let r = tail_with(&b, Selection::topic("t"), bounds, opts, group, stop).await;
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
            commit_interval: Duration::from_secs(3600),
            ..TailOptions::default()
        };
        let group = Kafka {
            group: Some("g"),
            ..Kafka::default()
        };
        let bounds = Bounds {
            default_from: OffsetSpec::Start,
            ..Bounds::default()
        };
        let stop = tokio::time::sleep(Duration::from_millis(200));
        let r = tail_with(&b, Selection::topic("t"), bounds, opts, group, stop).await;
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
        let follow = Kafka {
            follow: Some(Duration::ZERO),
            ..Kafka::default()
        };
        let writer = b.clone();
        let stop = async move {
            tokio::time::sleep(Duration::from_millis(150)).await;
            writer.append(0, "b");
            writer.add_partition(vec![(0, "p1-a"), (1, "p1-b")]);
            tokio::time::sleep(Duration::from_millis(400)).await;
        };
        let opts = TailOptions::default();
        let r = tail_with(&b, Selection::topic("t"), bounds, opts, follow, stop).await;
        // started at the end: "a" was there before; "b" and the new partition's records came after
        assert_eq!(sorted_lines(&r.out), ["b", "p1-a", "p1-b"]);
        assert_eq!(r.events, [Event::Added(vec!["t/1".into()])]);
    }
}
