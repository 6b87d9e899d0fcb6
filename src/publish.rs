//! The publish engine: the input reader (a thread parsing lines into records and handing them
//! over in chunks as they arrive), the send loop (partition checks, `--skip-invalid`, pacing,
//! deliveries tallied into a [`Summary`]) and the flush at the end, which a second stop signal
//! abandons. The [`Pacer`] also paces `dlq replay`.
//!
//! It calls Kafka types directly until a second transport arrives (architecture.md §3.1, rule 4).

use std::collections::BTreeSet;
use std::future::Future;
use std::io::{BufRead, Read};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::codec::{Codec, Defaults, EncodeError};
use crate::output::{Render, Styles};
use crate::record::input::{self, InputOptions};
use crate::record::time::now_ms;
use crate::record::{Message, Place, Position, StreamId};
use crate::transport::Sink;

/// One item from the input reader: a record with its line number, a line that does not parse,
/// or the input failing.
#[derive(Debug)]
pub enum Item {
    Record(u64, Message, Option<Place>),
    Bad(u64, String),
    ReadError(String),
}

/// The longest input line read: a record of the biggest size brokers are set to take (tens of
/// MiB at most), escaped as JSON, fits; a longer line is refused and skipped without being held.
pub const MAX_LINE: usize = 32 * 1024 * 1024;

/// Reads a line (with its newline) into `line`, holding at most [`MAX_LINE`] bytes of it; the
/// rest of a longer line is read and dropped. The bytes read, and false when the line was longer.
fn read_line(source: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
    let n = source
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', line)?;
    if line.len() <= MAX_LINE || line.last() == Some(&b'\n') {
        return Ok((n, true));
    }
    line.clear();
    let mut skipped = n;
    loop {
        let buf = source.fill_buf()?;
        if buf.is_empty() {
            return Ok((skipped, false));
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                source.consume(i + 1);
                return Ok((skipped + i + 1, false));
            }
            None => {
                let k = buf.len();
                source.consume(k);
                skipped += k;
            }
        }
    }
}

/// Records handed over at once (fewer when the input has no more for now).
const CHUNK: usize = 1024;

/// The input: chunks of parsed lines.
pub type Input = tokio::sync::mpsc::Receiver<Vec<Item>>;

/// Reads lines on a thread of its own and sends parsed records in chunks; `progress` hears the
/// bytes read so far. Stops when the receiver is gone (the send loop stopped at a bad line or on
/// a stop signal).
pub fn spawn_reader(
    mut source: std::io::BufReader<Box<dyn std::io::Read + Send>>,
    opts: InputOptions,
    progress: Option<Box<dyn Fn(u64) + Send>>,
) -> Input {
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<Item>>(16);
    std::thread::spawn(move || {
        let mut line = Vec::with_capacity(4096);
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut n: u64 = 0;
        let mut read_bytes: u64 = 0;
        loop {
            line.clear();
            match read_line(&mut source, &mut line) {
                Ok((0, _)) => break,
                Ok((len, whole)) => {
                    n += 1;
                    read_bytes += len as u64;
                    if line.last() == Some(&b'\n') {
                        line.pop();
                    }
                    chunk.push(if !whole {
                        Item::Bad(n, format!("the line is longer than {} MiB: refused unread (a record is far smaller; not JSON lines?)", MAX_LINE >> 20))
                    } else {
                        match input::parse_line(&line, &opts, now_ms()) {
                            Ok((m, partition)) => Item::Record(n, m, partition),
                            Err(e) => Item::Bad(n, e),
                        }
                    });
                    // a full chunk, or all that has arrived (a pipe fed slowly, `tail -f log |
                    // evctl publish`): lines are sent as they come, not when a chunk fills
                    if chunk.len() >= CHUNK || source.buffer().is_empty() {
                        if let Some(p) = &progress {
                            p(read_bytes);
                        }
                        if tx.blocking_send(std::mem::take(&mut chunk)).is_err() {
                            return;
                        }
                        chunk.reserve(CHUNK);
                    }
                }
                Err(e) => {
                    chunk.push(Item::ReadError(e.to_string()));
                    break;
                }
            }
        }
        if let Some(p) = &progress {
            p(read_bytes);
        }
        let _ = tx.blocking_send(chunk);
    });
    rx
}

/// An input of one record (a value from the command line, one tombstone).
pub fn one_record(m: Message, partition: Option<Place>) -> Input {
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let _ = tx.try_send(vec![Item::Record(1, m, partition)]);
    rx
}

/// Encodes a message's registry data, if it has any.
async fn encode(
    encoding: &mut Option<(&mut Codec, &Defaults)>,
    msg: &mut Message,
) -> Result<(), EncodeError> {
    match encoding {
        Some((codec, defaults)) => codec.encode(msg, defaults).await,
        None if msg.key_schema.is_some() || msg.value_schema.is_some() => Err(EncodeError::Input(
            "key_schema/value_schema need a schema registry (--registry, or the context's schema_registry)".into(),
        )),
        None => Ok(()),
    }
}

/// Spaces sends `1/rate` seconds apart from the first, so a run keeps its average rate.
#[derive(Debug, Clone)]
pub struct Pacer {
    rate: Option<f64>,
    started: Instant,
    sent: u64,
}

impl Pacer {
    /// At most `rate` sends per second; no limit without one.
    pub fn new(rate: Option<f64>) -> Self {
        Pacer {
            rate,
            started: Instant::now(),
            sent: 0,
        }
    }

    /// When the next send is due (None: now, there is no limit).
    pub fn next_due(&mut self) -> Option<tokio::time::Instant> {
        let rate = self.rate?;
        self.sent += 1;
        Some(tokio::time::Instant::from_std(
            self.started + Duration::from_secs_f64(self.sent as f64 / rate),
        ))
    }
}

/// What `publish` did, printed on stderr (and on stdout with -o json|yaml).
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub topic: String,
    pub records: u64,
    pub bytes: u64,
    pub failed: u64,
    pub skipped_invalid: u64,
    pub partitions: BTreeSet<i32>,
    /// To a stream: the id of the last entry added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_id: Option<String>,
    pub seconds: f64,
    pub records_per_second: f64,
    pub idempotent: bool,
    pub errors: Vec<String>,
}

/// Errors of failed deliveries kept for the summary (the count has them all).
pub const MAX_SHOWN_ERRORS: usize = 5;

impl Summary {
    /// The one-line summary.
    pub fn line(&self, s: &Styles) -> String {
        // where the records went: a topic's partitions, or a stream's last entry id
        let place = match &self.last_id {
            Some(id) => format!("last id {id}"),
            None if self.partitions.is_empty() => "partitions -".to_string(),
            None => {
                let parts: Vec<String> = self.partitions.iter().map(i32::to_string).collect();
                format!("partitions {}", parts.join(","))
            }
        };
        let mut out = format!(
            "{} {} record{} ({}) to {} in {:.2}s: {:.0} records/s, {}/s; {place}",
            if self.failed == 0 {
                s.good("published")
            } else {
                s.warn("published")
            },
            self.records,
            if self.records == 1 { "" } else { "s" },
            crate::units::human_size(self.bytes),
            self.topic,
            self.seconds,
            self.records_per_second,
            crate::units::human_size((self.bytes as f64 / self.seconds.max(1e-9)) as u64),
        );
        if self.skipped_invalid > 0 {
            out.push_str(&format!("; {} invalid lines skipped", self.skipped_invalid));
        }
        if self.failed > 0 {
            out.push_str(&format!("; {}", s.bad(&format!("{} failed", self.failed))));
        }
        out
    }

    /// Counts the sink's deliveries since the last call.
    fn tally(&mut self, sink: &mut impl Sink) {
        let mut last: Option<StreamId> = None;
        for d in sink.take_deliveries() {
            let n = d.ids.len() as u64;
            match d.error {
                None => {
                    self.records += n;
                    self.bytes += d.bytes as u64;
                    match d.at {
                        Some(Position::Offset { partition, .. }) => {
                            self.partitions.insert(partition);
                        }
                        Some(Position::Entry(id)) => last = last.max(Some(id)),
                        Some(Position::Delivery { .. }) | None => {}
                    }
                }
                Some(e) => {
                    self.failed += n;
                    if self.errors.len() < MAX_SHOWN_ERRORS {
                        let first = d.ids.first().copied().unwrap_or(0);
                        let last = d.ids.last().copied().unwrap_or(0);
                        let lines = if first == last {
                            format!("line {first}")
                        } else {
                            format!("{n} records from line {first} to {last}")
                        };
                        self.errors.push(format!("{lines}: {e}"));
                    }
                }
            }
        }
        if let Some(id) = last {
            self.last_id = Some(id.to_string());
        }
    }
}

impl Render for Summary {
    fn table(&self, style: &Styles) -> String {
        format!("{}\n", self.line(style))
    }
}

/// How the send loop treats its input.
#[derive(Debug, Clone, Default)]
pub struct PublishOptions {
    /// At most this many records per second.
    pub rate: Option<f64>,
    /// Skip lines that do not parse or name a partition that does not exist, instead of stopping.
    pub skip_invalid: bool,
}

/// How a publish ended.
#[derive(Debug, Default)]
pub struct Outcome {
    pub summary: Summary,
    /// The line that stopped it, and why.
    pub bad_line: Option<(u64, String)>,
    /// Reading the input failed.
    pub read_error: Option<String>,
    /// A stop signal ended it.
    pub interrupted: bool,
    /// The registry failed while encoding (what was read before was still sent).
    pub failure: Option<String>,
}

/// Sends the input's records to the sink (named `to` in the summary) until the input ends, a bad
/// line stops it or `stop` resolves; then sends what was read, unless `stop` resolves again.
/// `warn` hears skipped lines.
pub async fn run<K: Sink, S: Future<Output = ()>>(
    sink: &mut K,
    to: &str,
    mut input: Input,
    opts: &PublishOptions,
    mut encoding: Option<(&mut Codec, &Defaults)>,
    stop: impl Fn() -> S,
    mut warn: impl FnMut(String),
) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let mut out = Outcome {
        summary: Summary {
            topic: to.to_string(),
            idempotent: sink.idempotent(),
            ..Summary::default()
        },
        ..Outcome::default()
    };
    let mut pacer = Pacer::new(opts.rate);
    let first_stop = stop();
    tokio::pin!(first_stop);
    'input: loop {
        tokio::select! {
            biased;
            _ = &mut first_stop => {
                out.interrupted = true;
                break 'input;
            }
            chunk = input.recv() => {
                let Some(chunk) = chunk else { break 'input };
                for item in chunk {
                    // registry data is encoded first: a value that does not fit is a bad line
                    let item = match item {
                        Item::Record(line, mut msg, partition) => match encode(&mut encoding, &mut msg).await {
                            Ok(()) => Item::Record(line, msg, partition),
                            Err(EncodeError::Input(why)) => Item::Bad(line, why),
                            Err(EncodeError::Registry(e)) => {
                                // what was read before is still sent (below), then the run fails
                                out.failure = Some(format!("line {line}: {e}"));
                                break 'input;
                            }
                        },
                        other => other,
                    };
                    let (line, msg, partition) = match item {
                        Item::Record(line, msg, partition) => (line, msg, partition),
                        Item::Bad(line, why) => {
                            if !opts.skip_invalid {
                                out.bad_line = Some((line, why));
                                break 'input;
                            }
                            out.summary.skipped_invalid += 1;
                            if out.summary.skipped_invalid <= MAX_SHOWN_ERRORS as u64 {
                                warn(format!("line {line}: {}; skipped", crate::output::sanitize(&why)));
                            }
                            continue;
                        }
                        Item::ReadError(e) => {
                            out.read_error = Some(e);
                            break 'input;
                        }
                    };
                    if let Some(why) = sink.refuse(partition, &msg).await {
                        if !opts.skip_invalid {
                            out.bad_line = Some((line, why));
                            break 'input;
                        }
                        out.summary.skipped_invalid += 1;
                        warn(format!("line {line}: {why}; skipped"));
                        continue;
                    }
                    if let Some(due) = pacer.next_due() {
                        // wait for the record's turn, sending batches meanwhile
                        loop {
                            tokio::select! {
                                _ = tokio::time::sleep_until(due) => break,
                                _ = &mut first_stop => {
                                    out.interrupted = true;
                                    break 'input;
                                }
                                r = sink.tick() => r?,
                            }
                        }
                    }
                    sink.send(line, partition, msg).await?;
                }
                out.summary.tally(sink);
            }
            r = sink.tick() => r?,
        }
    }
    drop(input);
    // send what was read before the stop; a second stop abandons it
    tokio::select! {
        r = sink.flush() => r?,
        _ = stop() => {
            out.interrupted = true;
            warn("interrupted again: unsent records were dropped".into());
        }
    }
    out.summary.tally(sink);
    out.summary.seconds = started.elapsed().as_secs_f64();
    out.summary.records_per_second = out.summary.records as f64 / out.summary.seconds.max(1e-9);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::Arc;

    use crate::kafka::fake::LogBroker;
    use crate::kafka::producer::{Producer, ProducerOptions};
    use crate::kafka::source::KafkaSink;

    /// A sink to `t` on a fake broker with two empty partitions.
    async fn producer() -> (LogBroker, KafkaSink) {
        let b = LogBroker::new(vec![vec![], vec![]]);
        let addr = b.start().await;
        let client = Arc::new(b.client(addr).await);
        let opts = ProducerOptions {
            linger: Duration::from_millis(1),
            ..ProducerOptions::default()
        };
        let p = Producer::start(client, opts).await.unwrap();
        (b, KafkaSink::new(p, Arc::from("t")).await.unwrap())
    }

    fn json_lines(text: &'static str) -> Input {
        let opts = InputOptions {
            format: input::InputFormat::Json,
            ..InputOptions::default()
        };
        let source: Box<dyn std::io::Read + Send> = Box::new(text.as_bytes());
        spawn_reader(std::io::BufReader::new(source), opts, None)
    }

    fn values(b: &LogBroker, partition: usize) -> Vec<String> {
        b.logs.lock().unwrap()[partition]
            .0
            .iter()
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
            .collect()
    }

    const LINES: &str = "{\"value\":\"a\",\"partition\":0}\nnot json\n{\"value\":\"b\",\"partition\":1}\n{\"value\":\"c\",\"partition\":5}\n{\"value\":\"d\",\"partition\":0}\n";

    #[tokio::test]
    async fn skip_invalid_sends_the_rest_and_counts_what_it_skipped() {
        let (b, mut p) = producer().await;
        let opts = PublishOptions {
            skip_invalid: true,
            ..PublishOptions::default()
        };
        let mut warnings = Vec::new();
        let never = || std::future::pending::<()>();
        let out = run(&mut p, "t", json_lines(LINES), &opts, None, never, |w| {
            warnings.push(w)
        })
        .await
        .unwrap();
        assert_eq!((out.summary.records, out.summary.skipped_invalid), (3, 2));
        assert_eq!(out.summary.partitions, [0, 1].into());
        assert_eq!(
            (out.summary.failed, out.bad_line, out.interrupted),
            (0, None, false)
        );
        assert!(warnings[0].starts_with("line 2: "), "{warnings:?}");
        assert_eq!(
            warnings[1],
            "line 4: partition 5 does not exist (t has partitions 0..1); skipped"
        );
        assert_eq!(values(&b, 0), ["a", "d"]);
        assert_eq!(values(&b, 1), ["b"]);
    }

    #[tokio::test]
    async fn a_bad_line_stops_the_input_and_what_came_before_is_sent() {
        let (b, mut p) = producer().await;
        let never = || std::future::pending::<()>();
        let opts = PublishOptions::default();
        let out = run(&mut p, "t", json_lines(LINES), &opts, None, never, |_| {})
            .await
            .unwrap();
        let (line, _) = out.bad_line.expect("stopped at the bad line");
        assert_eq!((line, out.summary.records), (2, 1));
        assert_eq!(values(&b, 0), ["a"]);
        assert!(values(&b, 1).is_empty(), "nothing after the bad line");
    }

    #[tokio::test]
    async fn a_stop_signal_sends_what_was_read_and_reports_it() {
        let (b, mut p) = producer().await;
        // an input that stays open, like a terminal nobody types into
        let (tx, rx) = tokio::sync::mpsc::channel(1);
        let msg = |v: &str| Message {
            value: Some(bytes::Bytes::copy_from_slice(v.as_bytes())),
            ..Message::default()
        };
        tx.send(vec![
            Item::Record(1, msg("x"), Some(Place::Partition(1))),
            Item::Record(2, msg("y"), Some(Place::Partition(1))),
        ])
        .await
        .unwrap();
        let stop = || tokio::time::sleep(Duration::from_millis(200));
        let opts = PublishOptions::default();
        let out = run(&mut p, "t", rx, &opts, None, stop, |_| {})
            .await
            .unwrap();
        assert!(out.interrupted);
        assert_eq!(out.summary.records, 2);
        assert_eq!(values(&b, 1), ["x", "y"]);
        drop(tx);
    }

    #[tokio::test]
    async fn a_rate_spaces_the_sends() {
        let (b, mut p) = producer().await;
        let opts = PublishOptions {
            rate: Some(20.0),
            skip_invalid: true,
        };
        let started = Instant::now();
        let never = || std::future::pending::<()>();
        let out = run(&mut p, "t", json_lines(LINES), &opts, None, never, |_| {})
            .await
            .unwrap();
        // 3 records at 20/s: the last is due 150 ms after the start
        assert!(started.elapsed() >= Duration::from_millis(150));
        assert_eq!(out.summary.records, 3);
        assert_eq!(values(&b, 0).len() + values(&b, 1).len(), 3);
    }

    fn reader(text: &'static str, opts: InputOptions) -> Vec<Item> {
        let source: Box<dyn std::io::Read + Send> = Box::new(text.as_bytes());
        let mut rx = spawn_reader(std::io::BufReader::new(source), opts, None);
        let mut items = Vec::new();
        while let Some(chunk) = rx.blocking_recv() {
            items.extend(chunk);
        }
        items
    }

    #[test]
    fn the_reader_numbers_lines_and_keeps_bad_ones_in_place() {
        let opts = InputOptions {
            format: input::InputFormat::Json,
            ..InputOptions::default()
        };
        let items = reader(
            "{\"value\":\"a\",\"partition\":2}\nnot json\n{\"value\":null}",
            opts,
        );
        assert_eq!(items.len(), 3);
        match &items[0] {
            Item::Record(1, m, Some(Place::Partition(2))) => {
                assert_eq!(m.value.as_deref(), Some(&b"a"[..]))
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&items[1], Item::Bad(2, _)));
        match &items[2] {
            Item::Record(3, m, None) => assert_eq!(m.value, None, "null stays null"),
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn the_pacer_spaces_sends_from_the_first() {
        assert_eq!(Pacer::new(None).next_due(), None);
        let mut p = Pacer::new(Some(10.0));
        let t0 = tokio::time::Instant::from_std(p.started);
        let due: Vec<_> = (0..3).map(|_| p.next_due().unwrap() - t0).collect();
        assert_eq!(
            due,
            [100, 200, 300].map(Duration::from_millis),
            "1/rate apart, counted from the start, not from the last send"
        );
    }
}
