//! Replaying a Kafka dead-letter topic through a consumer group, without losing a record (see
//! `crate::dlq::replay` for the selection, routing policy and report it shares).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use tokio::time::Instant;

use crate::dlq::dialect::{self, CustomDialect};
use crate::dlq::replay::{
    Criteria, PartitionPolicy, ReplayReport, ReplayStopped, count_route, replay_headers,
};
use crate::kafka::assign::{self, Bounds, PlanError, Selection};
use crate::kafka::fetcher::{Assignment, FetchOptions, Fetcher};
use crate::kafka::offsets::{TopicPartition, commit_offsets};
use crate::kafka::producer::{Acks, Producer, ProducerOptions};
use crate::kafka::{Client, KafkaError};
use crate::record::{Message, Record};

/// Settings of a replay.
pub struct ReplayOptions {
    pub dlq: String,
    /// Destination for every record, instead of each one's original topic.
    pub to: Option<String>,
    pub group: String,
    pub criteria: Criteria,
    pub strip_error_headers: bool,
    pub partition_policy: PartitionPolicy,
    /// Records replayed more often than this go to the parking topic.
    pub max_replays: u32,
    pub parking_topic: String,
    pub dry_run: bool,
    /// Records per second, at most.
    pub rate: Option<f64>,
    /// Stop after routing this many records.
    pub max: Option<u64>,
    pub dialects: Vec<CustomDialect>,
    pub producer: ProducerOptions,
}

/// One DLQ record on its way: where it sits, and whether it is settled.
struct Pending {
    offset: i64,
    id: u64,
    done: bool,
}

/// Tracks, per DLQ partition, which records are settled, to find the offset that is safe to
/// commit: the first unsettled record's, or the reader's position when all are settled.
/// Keyed by DLQ partition: a replay reads one topic.
#[derive(Default)]
struct Progress {
    queues: HashMap<i32, VecDeque<Pending>>,
    by_id: HashMap<u64, i32>,
    committed: HashMap<i32, i64>,
}

impl Progress {
    fn add(&mut self, partition: i32, offset: i64, id: u64, done: bool) {
        if !done {
            self.by_id.insert(id, partition);
        }
        self.queues
            .entry(partition)
            .or_default()
            .push_back(Pending { offset, id, done });
    }

    fn settle(&mut self, id: u64) {
        if let Some(partition) = self.by_id.remove(&id)
            && let Some(q) = self.queues.get_mut(&partition)
            && let Ok(i) = q.binary_search_by_key(&id, |p| p.id)
        {
            q[i].done = true;
        }
    }

    /// The offsets safe to commit that differ from the last commit.
    fn committable(&mut self, positions: &[(TopicPartition, i64)]) -> Vec<(TopicPartition, i64)> {
        let mut out = Vec::new();
        for (tp, position) in positions {
            let q = self.queues.entry(tp.1).or_default();
            while q.front().is_some_and(|p| p.done) {
                q.pop_front();
            }
            let safe = q.front().map_or(*position, |p| p.offset);
            if self.committed.get(&tp.1) != Some(&safe) {
                out.push((tp.clone(), safe));
            }
        }
        out
    }

    fn committed(&mut self, offsets: &[(TopicPartition, i64)]) {
        for (tp, o) in offsets {
            self.committed.insert(tp.1, *o);
        }
    }
}

/// What a replay or a drain reads: every partition of `topic` from the group's committed offset
/// (the log start without one, or when it is below) to the end offsets taken now; and how many
/// records that is.
pub async fn bounds(
    client: &Client,
    topic: &str,
    group: &str,
) -> Result<(Vec<Assignment>, u64), KafkaError> {
    let wanted = Bounds {
        group: Some(group.to_string()),
        stop_at_end: true,
        ..Bounds::default()
    };
    let mut plan = assign::plan(client, &Selection::topic(topic), &wanted, 0)
        .await
        .map_err(PlanError::into_kafka)?;
    for r in &mut plan.ranges {
        r.start = r.start.max(r.low);
    }
    Ok((plan.assignments(), plan.records()))
}

enum Step {
    Records(Vec<Record>),
    End,
    Producer,
}

/// Replays the DLQ. `stop` resolves when the run must end early (Ctrl-C, SIGTERM): the records
/// already handed to the producer are delivered and committed first. `progress(done, total)` is
/// called as records are settled.
pub async fn replay(
    client: Arc<Client>,
    opts: &ReplayOptions,
    stop: impl std::future::Future<Output = ()>,
    progress: &dyn Fn(u64, u64),
) -> anyhow::Result<ReplayReport> {
    let started = Instant::now();
    let mut report = ReplayReport {
        dlq: opts.dlq.clone(),
        group: opts.group.clone(),
        dry_run: opts.dry_run,
        ..Default::default()
    };
    let (assignments, total) = bounds(&client, &opts.dlq, &opts.group).await?;
    // committed data only (the default): aborted transactions are not replayed
    let mut fetcher = Fetcher::new(client.clone(), FetchOptions::default(), assignments);
    let mut producer = if opts.dry_run {
        None
    } else {
        let p = ProducerOptions {
            acks: Acks::All,
            idempotent: true,
            ..opts.producer.clone()
        };
        Some(Producer::start(client.clone(), p).await?)
    };
    let mut topics: HashMap<String, Arc<str>> = HashMap::new();
    let mut progress_state = Progress::default();
    let mut id: u64 = 0;
    let mut routed: u64 = 0;
    let mut settled: u64 = 0;
    let mut stop_error: Option<String> = None;
    let mut rr: u32 = 0;
    tokio::pin!(stop);
    let mut pacer = crate::publish::Pacer::new(opts.rate);

    'read: loop {
        if opts.max.is_some_and(|m| routed >= m) {
            break;
        }
        let step = tokio::select! {
            biased;
            _ = &mut stop => {
                report.interrupted = true;
                break 'read;
            }
            r = fetcher.poll() => match r? {
                Some(records) => Step::Records(records),
                None => Step::End,
            },
            r = async {
                match producer.as_mut() {
                    Some(p) => p.tick().await,
                    None => std::future::pending().await,
                }
            } => {
                r?;
                Step::Producer
            }
        };
        let records = match step {
            Step::Records(records) => records,
            Step::End => break,
            Step::Producer => Vec::new(),
        };
        // every record is pending until it is settled: a stop in the middle of the batch leaves
        // the rest uncommitted
        for (k, r) in records.iter().enumerate() {
            progress_state.add(r.partition(), r.offset(), id + 1 + k as u64, false);
        }
        for r in records {
            id += 1;
            if opts.max.is_some_and(|m| routed >= m) {
                // past --max: leave it, and everything after it, for the next run
                break 'read;
            }
            report.read += 1;
            let dl = dialect::decode(&r, &opts.dialects);
            if !opts.criteria.selects(&r, &dl).await {
                report.skipped += 1;
                progress_state.settle(id);
                settled += 1;
                continue;
            }
            let count = dl.replay_count + 1;
            let parked = count > opts.max_replays;
            let dest = if parked {
                Some(opts.parking_topic.clone())
            } else {
                opts.to.clone().or_else(|| dl.original_topic.clone())
            };
            let Some(dest) = dest else {
                if opts.dry_run {
                    report.unroutable += 1;
                    progress_state.settle(id);
                    continue;
                }
                report.read -= 1;
                stop_error = Some(format!(
                    "{}/{}@{}: no original topic in the record's headers ({}); pass --to",
                    r.topic,
                    r.partition(),
                    r.offset(),
                    dl.dialect
                        .as_ref()
                        .map_or("no known dead-letter headers".to_string(), |d| format!(
                            "dialect {d}"
                        ))
                ));
                break 'read;
            };
            let Some(producer) = producer.as_mut() else {
                routed += 1;
                count_route(&mut report, parked, &dest);
                progress_state.settle(id);
                continue;
            };
            let topic = topics
                .entry(dest.clone())
                .or_insert_with(|| Arc::from(dest.as_str()))
                .clone();
            let n = producer.partition_count(&topic).await?; // looked up once per topic
            // the parking topic is evctl's own: records go by key there, whatever the policy
            let policy = if parked {
                PartitionPolicy::ByKey
            } else {
                opts.partition_policy
            };
            let partition = match policy {
                PartitionPolicy::ByKey => None,
                PartitionPolicy::Any => {
                    rr = rr.wrapping_add(1);
                    Some((rr % n as u32) as i32)
                }
                PartitionPolicy::Same => {
                    let p = dl.original_partition.unwrap_or(r.partition());
                    if p >= n {
                        stop_error = Some(format!(
                            "{}/{}@{}: partition {p} does not exist in {dest} ({n} partitions); use --partition-policy by-key or any",
                            r.topic,
                            r.partition(),
                            r.offset()
                        ));
                        break 'read;
                    }
                    Some(p)
                }
            };
            routed += 1;
            if let Some(due) = pacer.next_due() {
                // wait for the record's turn, sending batches meanwhile (as publish does)
                loop {
                    tokio::select! {
                        _ = tokio::time::sleep_until(due) => break,
                        r = producer.tick() => r?,
                    }
                }
            }
            let headers = replay_headers(&r, &dl, opts.strip_error_headers, count);
            let msg = Message { headers, ..r.msg };
            producer.send(id, topic, partition, msg).await?;
        }
        settled += settle(
            producer.as_mut(),
            &mut progress_state,
            &mut report,
            &mut stop_error,
            &opts.parking_topic,
        );
        if stop_error.is_some() {
            break;
        }
        if !opts.dry_run {
            commit(&client, opts, &fetcher, &mut progress_state).await?;
        }
        progress(settled, total);
    }
    if let Some(p) = producer.as_mut() {
        p.flush().await?;
        settle(
            Some(p),
            &mut progress_state,
            &mut report,
            &mut stop_error,
            &opts.parking_topic,
        );
        commit(&client, opts, &fetcher, &mut progress_state).await?;
    }
    progress(total, total);
    report.committed = progress_state
        .committed
        .iter()
        .map(|(p, o)| (p.to_string(), *o))
        .collect();
    report.seconds = started.elapsed().as_secs_f64();
    if let Some(message) = stop_error {
        report.errors.insert(0, message.clone());
        return Err(ReplayStopped {
            message,
            report: Box::new(report),
        }
        .into());
    }
    Ok(report)
}

/// Marks delivered records settled and counts failures. Returns how many were delivered.
fn settle(
    producer: Option<&mut Producer>,
    progress: &mut Progress,
    report: &mut ReplayReport,
    stop_error: &mut Option<String>,
    parking: &str,
) -> u64 {
    let Some(producer) = producer else {
        return 0;
    };
    let mut n = 0;
    for d in producer.take_deliveries() {
        match &d.error {
            None => {
                for id in &d.ids {
                    progress.settle(*id);
                }
                n += d.ids.len() as u64;
                let bucket = if *d.topic == *parking {
                    &mut report.parked
                } else {
                    &mut report.replayed
                };
                *bucket.entry(d.topic.to_string()).or_default() += d.ids.len() as u64;
            }
            Some(e) => {
                *report.failed.entry(d.topic.to_string()).or_default() += d.ids.len() as u64;
                if report.errors.len() < 5 {
                    report.errors.push(format!(
                        "{} records to {}/{}: {e}",
                        d.ids.len(),
                        d.topic,
                        d.partition
                    ));
                }
                // nothing after a failed record may be committed: stop here
                stop_error.get_or_insert_with(|| format!("delivery to {} failed: {e}", d.topic));
            }
        }
    }
    n
}

async fn commit(
    client: &Client,
    opts: &ReplayOptions,
    fetcher: &Fetcher,
    progress: &mut Progress,
) -> Result<(), KafkaError> {
    let offsets = progress.committable(&fetcher.positions());
    if offsets.is_empty() {
        return Ok(());
    }
    commit_offsets(client, &opts.group, &offsets, "evctl dlq replay").await?;
    progress.committed(&offsets);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    use crate::dlq::dialect::{DeadLetter, REPLAY_COUNT_HEADER};

    fn tp(p: i32) -> TopicPartition {
        ("dlq".to_string(), p)
    }

    #[test]
    fn commits_stop_at_the_first_unsettled_record() {
        let mut pr = Progress::default();
        pr.add(0, 10, 1, false);
        pr.add(0, 11, 2, true); // skipped by the filters
        pr.add(0, 12, 3, false);
        pr.add(1, 5, 4, false);
        // nothing acknowledged yet: commit where the first pending record is
        let c = pr.committable(&[(tp(0), 13), (tp(1), 6)]);
        assert_eq!(c, vec![(tp(0), 10), (tp(1), 5)]);
        pr.committed(&c);
        // record 3 acknowledged before record 1: still blocked by 1
        pr.settle(3);
        assert!(pr.committable(&[(tp(0), 13), (tp(1), 6)]).is_empty());
        pr.settle(1);
        pr.settle(4);
        let c = pr.committable(&[(tp(0), 13), (tp(1), 6)]);
        assert_eq!(c, vec![(tp(0), 13), (tp(1), 6)]);
        pr.committed(&c);
        assert!(pr.committable(&[(tp(0), 13), (tp(1), 6)]).is_empty());
    }

    #[test]
    fn replay_headers_keep_order_and_count_replays() {
        let r = Record {
            msg: Message {
                headers: vec![
                    ("a".into(), Some(Bytes::from_static(b"1"))),
                    ("err".into(), Some(Bytes::from_static(b"boom"))),
                    (REPLAY_COUNT_HEADER.into(), Some(Bytes::from_static(b"1"))),
                    ("a".into(), None),
                ],
                ..Message::default()
            },
            ..Default::default()
        };
        let dl = DeadLetter {
            error_headers: vec!["err".into()],
            replay_count: 1,
            ..Default::default()
        };
        let kept = replay_headers(&r, &dl, false, 2);
        let names: Vec<&str> = kept.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a", "err", "a", REPLAY_COUNT_HEADER]);
        assert_eq!(kept[3].1.as_deref(), Some(&b"2"[..]));
        let stripped = replay_headers(&r, &dl, true, 2);
        let names: Vec<&str> = stripped.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a", "a", REPLAY_COUNT_HEADER]);
    }

    #[test]
    fn criteria_combine() {
        let r = Record {
            msg: Message {
                timestamp: 1_000,
                ..Message::default()
            },
            ..Default::default()
        };
        let dl = DeadLetter {
            error_class: Some("java.lang.IllegalStateException".into()),
            original_topic: Some("orders".into()),
            ..Default::default()
        };
        let c = Criteria {
            since: Some(500),
            until: Some(2_000),
            error_class: Some(regex::Regex::new("IllegalState").unwrap()),
            original_topic: Some("orders".into()),
            filter: None,
            codec: None,
        };
        assert!(c.matches(&r, &dl));
        let c = Criteria {
            until: Some(1_000),
            ..Default::default()
        };
        assert!(!c.matches(&r, &dl), "until is exclusive");
        let c = Criteria {
            error_class: Some(regex::Regex::new("Timeout").unwrap()),
            ..Default::default()
        };
        assert!(!c.matches(&r, &dl));
        assert!(!c.matches(&r, &DeadLetter::default()), "no class: no match");
    }

    #[tokio::test]
    async fn a_replay_reads_from_the_committed_offset_never_below_the_log_start() {
        let b = crate::kafka::fake::LogBroker::new(vec![
            vec![(2, "a"), (3, "b"), (5, "c")],
            vec![(0, "x"), (1, "y")],
        ]);
        // partition 0 committed below its log start (records deleted since), partition 1 at 1
        b.commits.lock().unwrap().push(("g".into(), 0, 1));
        b.commits.lock().unwrap().push(("g".into(), 1, 1));
        let addr = b.start().await;
        let client = b.client(addr).await;
        let (assignments, total) = bounds(&client, "t", "g").await.unwrap();
        let got: Vec<_> = assignments
            .iter()
            .map(|a| (a.partition, a.start, a.stop))
            .collect();
        assert_eq!(got, [(0, 2, Some(6)), (1, 1, Some(2))]);
        assert_eq!(total, 4 + 1);
    }
}
