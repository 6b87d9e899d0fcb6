//! `evctl publish`: one value from the command line, or records from stdin or a file.

use crate::record::time::now_ms;
use std::collections::BTreeSet;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde::Serialize;

use super::Ctx;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::kafka::batch::Compression;
use crate::kafka::producer::{Acks, OutRecord, Producer, ProducerOptions};
use crate::output::{Render, Styles};
use crate::record::envelope::{CloudEventsMode, EnvelopeOptions};
use crate::record::input::{self, InputFormat, InputOptions, InputRecord, Wrap};

const AFTER_HELP: &str = "Examples:
  evctl publish orders '{\"id\":1}' --key o-1 -H source=cli
  evctl publish orders --file events.txt --key-separator '\\t'
  evctl tail -o json --exit-at-end orders | evctl publish --format json orders-copy
  evctl publish orders --envelope --type order.created.v1 --source checkout < payloads.jsonl

Keyed records go to the partition the Java client would choose (murmur2); keyless records are spread
round-robin. The producer is idempotent when the broker supports it and --acks is all.";

/// Arguments of `evctl publish`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct PublishArgs {
    /// Topic to publish to (it must exist).
    pub topic: String,

    /// Publish this one value instead of reading stdin.
    #[arg(conflicts_with_all = ["file", "null_value"])]
    pub value: Option<String>,

    /// Read records from this file instead of stdin (`-` is stdin).
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Input format: one value per line, or JSON-lines records as `tail -o json` writes them.
    #[arg(long, value_enum, default_value_t = InputFormat::Lines)]
    pub format: InputFormat,

    /// Key of every record that has none of its own.
    #[arg(short, long)]
    pub key: Option<String>,

    /// Lines format: split each line at the first SEP into key and value (`\t` for a tab).
    #[arg(long, value_name = "SEP", conflicts_with = "value")]
    pub key_separator: Option<String>,

    /// Header NAME=VALUE, repeatable; duplicates and order are kept; NAME alone is a null value.
    #[arg(short = 'H', long = "header", value_name = "NAME=VALUE")]
    pub headers: Vec<String>,

    /// Partition for every record (default: murmur2 of the key, round-robin without a key; the
    /// recorded partition for --format json).
    #[arg(short, long)]
    pub partition: Option<i32>,

    /// --format json: ignore the recorded partitions and let the partitioner choose.
    #[arg(long, conflicts_with = "partition")]
    pub ignore_partition: bool,

    /// Timestamp of every record: RFC 3339, a date, or epoch milliseconds [default: now].
    #[arg(long, value_name = "TIME")]
    pub timestamp: Option<String>,

    /// Publish tombstones (null values): with --key, one tombstone for that key; otherwise each
    /// input line is the key of one.
    #[arg(long)]
    pub null_value: bool,

    /// Wrap each JSON payload in the standard event envelope (id, type, occurred_at, source,
    /// correlation_id, trace_id, payload, metadata) and add a W3C traceparent header.
    #[arg(long, conflicts_with = "cloudevents")]
    pub envelope: bool,

    /// Write each payload as a CloudEvent (Kafka protocol binding).
    #[arg(long, value_enum, value_name = "MODE")]
    pub cloudevents: Option<CeMode>,

    /// Event type for --envelope / --cloudevents, like order.created.v1.
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,

    /// Event source (service name) for --envelope / --cloudevents.
    #[arg(long)]
    pub source: Option<String>,

    /// Tenant id (metadata.tenant_id) for --envelope / --cloudevents.
    #[arg(long)]
    pub tenant: Option<String>,

    /// Publish at most this many records per second (e.g. 500 or 500/s).
    #[arg(long, value_name = "N", value_parser = crate::units::parse_rate)]
    pub rate: Option<f64>,

    /// Skip input lines that cannot be parsed (counted and reported) instead of stopping.
    #[arg(long)]
    pub skip_invalid: bool,

    /// Compression of record batches.
    #[arg(short = 'z', long, value_enum, default_value_t = Compression::None, help_heading = "Producer")]
    pub compression: Compression,

    /// Replicas that must have a record before it counts as written.
    #[arg(long, value_enum, default_value_t = Acks::All, help_heading = "Producer")]
    pub acks: Acks,

    /// How long a batch waits for more records.
    #[arg(long, default_value = "5ms", value_parser = crate::units::parse_duration, value_name = "DURATION", help_heading = "Producer")]
    pub linger: Duration,

    /// Maximum uncompressed size of a batch.
    #[arg(long, default_value = "512KiB", value_parser = parse_size, value_name = "SIZE", help_heading = "Producer")]
    pub batch_size: usize,

    /// Do not use an idempotent producer even when the broker supports one.
    #[arg(long, help_heading = "Producer")]
    pub no_idempotence: bool,
}

/// CloudEvents content mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CeMode {
    /// Attributes in `ce_` headers, the payload as the value.
    Binary,
    /// The whole event as a JSON value (application/cloudevents+json).
    Structured,
}

fn parse_size(s: &str) -> Result<usize, String> {
    let n = crate::units::parse_size(s)?;
    if !(1024..=64 * 1024 * 1024).contains(&n) {
        return Err("the batch size must be between 1KiB and 64MiB".into());
    }
    Ok(n as usize)
}

/// Turns `\t`, `\n`, `\\` and `\xNN` in a separator into bytes.
fn unescape(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            match b[i + 1] {
                b't' => out.push(b'\t'),
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'x' if i + 3 < b.len() => {
                    let hex = std::str::from_utf8(&b[i + 2..i + 4]).map_err(|e| e.to_string())?;
                    out.push(
                        u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape \\x{hex}"))?,
                    );
                    i += 4;
                    continue;
                }
                other => return Err(format!("unknown escape \\{}", other as char)),
            }
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    if out.is_empty() {
        return Err("the separator is empty".into());
    }
    Ok(out)
}

fn input_options(args: &PublishArgs) -> anyhow::Result<InputOptions> {
    let json = args.format == InputFormat::Json;
    if json && args.key_separator.is_some() {
        return Err(usage("--key-separator is for --format lines"));
    }
    if json && args.null_value {
        return Err(usage(
            "--null-value is for --format lines; in JSON records write \"value\": null",
        ));
    }
    if args.ignore_partition && !json {
        return Err(usage("--ignore-partition is for --format json"));
    }
    let wants_event = args.event_type.is_some() || args.source.is_some() || args.tenant.is_some();
    if wants_event && !args.envelope && args.cloudevents.is_none() {
        return Err(usage(
            "--type, --source and --tenant need --envelope or --cloudevents",
        ));
    }
    let event = EnvelopeOptions {
        event_type: args.event_type.clone(),
        source: args.source.clone(),
        tenant: args.tenant.clone(),
    };
    if let Some(t) = &event.event_type {
        crate::record::envelope::validate_type(t).map_err(|e| usage(format!("--type: {e}")))?;
    }
    let wrap = match (args.envelope, args.cloudevents) {
        (true, _) => Wrap::Envelope(event),
        (false, Some(mode)) => {
            if event.event_type.is_none() || event.source.is_none() {
                return Err(usage("--cloudevents needs --type and --source"));
            }
            let mode = match mode {
                CeMode::Binary => CloudEventsMode::Binary,
                CeMode::Structured => CloudEventsMode::Structured,
            };
            Wrap::CloudEvents(mode, event)
        }
        (false, None) => Wrap::None,
    };
    let timestamp = match &args.timestamp {
        None => None,
        Some(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => Some(
            t.parse()
                .map_err(|_| usage(format!("--timestamp {t:?}: too large")))?,
        ),
        Some(t) => Some(
            crate::record::time::parse_rfc3339_or_date(t)
                .map_err(|e| usage(format!("--timestamp: {e}")))?,
        ),
    };
    let headers = args
        .headers
        .iter()
        .map(|h| input::parse_header(h).map_err(|e| usage(format!("-H: {e}"))))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let key_separator = args
        .key_separator
        .as_deref()
        .map(|s| unescape(s).map_err(|e| usage(format!("--key-separator: {e}"))))
        .transpose()?;
    Ok(InputOptions {
        format: args.format,
        key_separator,
        key: args
            .key
            .as_ref()
            .map(|k| Bytes::copy_from_slice(k.as_bytes())),
        headers,
        partition: args.partition,
        ignore_partition: args.ignore_partition,
        timestamp,
        null_value: args.null_value,
        wrap,
    })
}

/// One item from the input reader.
enum Item {
    Record(u64, InputRecord),
    Bad(u64, String),
    ReadError(String),
}

const CHUNK: usize = 1024;

/// Reads lines on a thread of its own and sends parsed records in chunks; stops when the receiver
/// is gone (the main task stopped at a bad line or on Ctrl-C).
fn spawn_reader(
    source: std::io::BufReader<Box<dyn std::io::Read + Send>>,
    opts: InputOptions,
    progress: Option<indicatif::ProgressBar>,
) -> tokio::sync::mpsc::Receiver<Vec<Item>> {
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<Item>>(16);
    std::thread::spawn(move || {
        let mut source = source;
        let mut line = Vec::with_capacity(4096);
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut n: u64 = 0;
        let mut read_bytes: u64 = 0;
        loop {
            line.clear();
            match source.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(len) => {
                    n += 1;
                    read_bytes += len as u64;
                    if line.last() == Some(&b'\n') {
                        line.pop();
                    }
                    let item = match input::parse_line(&line, &opts, now_ms()) {
                        Ok(r) => Item::Record(n, r),
                        Err(e) => Item::Bad(n, e),
                    };
                    chunk.push(item);
                    // a full chunk, or all that has arrived (a pipe fed slowly, `tail -f log |
                    // evctl publish`): lines are sent as they come, not when a chunk fills
                    if chunk.len() >= CHUNK || source.buffer().is_empty() {
                        if let Some(p) = &progress {
                            p.set_position(read_bytes);
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
            p.set_position(read_bytes);
        }
        let _ = tx.blocking_send(chunk);
    });
    rx
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
    pub seconds: f64,
    pub records_per_second: f64,
    pub idempotent: bool,
    pub errors: Vec<String>,
}

impl Summary {
    fn line(&self, s: &Styles) -> String {
        let parts: Vec<String> = self.partitions.iter().map(i32::to_string).collect();
        let mut out = format!(
            "{} {} record{} ({}) to {} in {:.2}s: {:.0} records/s, {}/s; partitions {}",
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
            if parts.is_empty() {
                "-".to_string()
            } else {
                parts.join(",")
            },
        );
        if self.skipped_invalid > 0 {
            out.push_str(&format!("; {} invalid lines skipped", self.skipped_invalid));
        }
        if self.failed > 0 {
            out.push_str(&format!("; {}", s.bad(&format!("{} failed", self.failed))));
        }
        out
    }
}

impl Render for Summary {
    fn table(&self, style: &Styles) -> String {
        format!("{}\n", self.line(style))
    }
}

const MAX_SHOWN_ERRORS: usize = 5;

/// Runs `evctl publish`.
pub async fn run(ctx: &Ctx<'_>, args: &PublishArgs) -> anyhow::Result<ExitStatus> {
    let opts = input_options(args)?;
    let client = Arc::new(ctx.client().await?);
    let producer_opts = ProducerOptions {
        acks: args.acks,
        compression: args.compression,
        linger: args.linger,
        batch_bytes: args.batch_size,
        idempotent: !args.no_idempotence,
        ..ProducerOptions::default()
    };
    // the topic first: a topic this principal may not see is named before anything is sent
    client.topic(&args.topic).await?;
    let mut producer = Producer::start(client, producer_opts)
        .await
        .map_err(|e| match e {
            // Kafka grants an idempotent producer's id to principals with Write on any topic
            crate::kafka::KafkaError::Denied {
                operation: "IdempotentWrite",
                ..
            } => crate::kafka::KafkaError::denied("Write", format!("to topic {}", args.topic)),
            e => e,
        })?;
    let topic: Arc<str> = Arc::from(args.topic.as_str());
    let partitions = producer.partition_count(&topic).await?;
    if let Some(p) = args.partition
        && !(0..partitions).contains(&p)
    {
        return Err(usage(format!(
            "--partition {p}: {} has partitions 0..{}",
            args.topic,
            partitions - 1
        )));
    }

    let mut progress = None;
    let mut rx = match (&args.value, args.null_value && args.file.is_none()) {
        (Some(v), _) => {
            one_record(input::parse_line(v.as_bytes(), &opts, now_ms()).map_err(usage)?)
        }
        // `--null-value --key K`: one tombstone for K; stdin is not read
        (None, true) if args.key.is_some() => one_record(InputRecord {
            key: opts.key.clone(),
            value: None,
            timestamp: opts.timestamp.unwrap_or_else(now_ms),
            partition: opts.partition,
            headers: opts.headers.clone(),
        }),
        _ => {
            type Source = std::io::BufReader<Box<dyn std::io::Read + Send>>;
            let (source, len): (Source, Option<u64>) = match &args.file {
                Some(p) if p.as_os_str() != "-" => {
                    let f = std::fs::File::open(p)
                        .map_err(|e| usage(format!("cannot read {}: {e}", p.display())))?;
                    let len = f.metadata().ok().map(|m| m.len());
                    (std::io::BufReader::with_capacity(1 << 20, Box::new(f)), len)
                }
                _ => {
                    if std::io::stdin().is_terminal() {
                        ctx.printer.status(
                            "reading records from the terminal, one per line; Ctrl-D to finish",
                        );
                    }
                    (
                        std::io::BufReader::with_capacity(1 << 20, Box::new(std::io::stdin())),
                        None,
                    )
                }
            };
            if let Some(bar) = len.and_then(|len| {
                super::terminal::progress_bar(
                    ctx.printer,
                    len,
                    "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
                )
            }) {
                progress = Some(bar.clone());
                spawn_reader(source, opts.clone(), Some(bar))
            } else {
                spawn_reader(source, opts.clone(), None)
            }
        }
    };

    let started = Instant::now();
    let mut summary = Summary {
        topic: args.topic.clone(),
        idempotent: producer.idempotent(),
        ..Default::default()
    };
    let mut sent: u64 = 0;
    let mut bad_line: Option<(u64, String)> = None;
    let mut read_error = None;
    let mut interrupted = false;
    // Ctrl-C or SIGTERM: stop reading, send what was read, print the summary
    let ctrl_c = super::terminal::stop_signal();
    tokio::pin!(ctrl_c);
    'input: loop {
        tokio::select! {
            biased;
            _ = &mut ctrl_c => {
                interrupted = true;
                break 'input;
            }
            chunk = rx.recv() => {
                let Some(chunk) = chunk else { break 'input };
                for item in chunk {
                    match item {
                        Item::Record(line, r) => {
                            if let Some(p) = r.partition
                                && !(0..partitions).contains(&p)
                            {
                                let why = format!("partition {p} does not exist ({} has partitions 0..{})", args.topic, partitions - 1);
                                if args.skip_invalid {
                                    summary.skipped_invalid += 1;
                                    ctx.printer.warn(&format!("line {line}: {why}; skipped"));
                                    continue;
                                }
                                bad_line = Some((line, why));
                                break 'input;
                            }
                            if let Some(rate) = args.rate {
                                sent += 1;
                                let due = tokio::time::Instant::from_std(
                                    started + Duration::from_secs_f64(sent as f64 / rate),
                                );
                                // wait for the record's turn, sending batches meanwhile
                                loop {
                                    tokio::select! {
                                        _ = tokio::time::sleep_until(due) => break,
                                        _ = &mut ctrl_c => {
                                            interrupted = true;
                                            break 'input;
                                        }
                                        r = producer.tick() => r?,
                                    }
                                }
                            }
                            producer
                                .send(OutRecord {
                                    id: line,
                                    topic: topic.clone(),
                                    partition: r.partition,
                                    timestamp: r.timestamp,
                                    key: r.key,
                                    value: r.value,
                                    headers: r.headers,
                                })
                                .await?;
                        }
                        Item::Bad(line, why) => {
                            if args.skip_invalid {
                                summary.skipped_invalid += 1;
                                if summary.skipped_invalid <= MAX_SHOWN_ERRORS as u64 {
                                    ctx.printer.warn(&format!("line {line}: {}; skipped", crate::output::sanitize(&why)));
                                }
                                continue;
                            }
                            bad_line = Some((line, why));
                            break 'input;
                        }
                        Item::ReadError(e) => {
                            read_error = Some(e);
                            break 'input;
                        }
                    }
                }
                tally(&mut producer, &mut summary);
            }
            r = producer.tick() => r?,
        }
    }
    drop(rx);
    // send what was read before the stop; a second Ctrl-C abandons it
    tokio::select! {
        r = producer.flush() => r?,
        _ = super::terminal::stop_signal() => {
            interrupted = true;
            ctx.printer.warn("interrupted again: unsent records were dropped");
        }
    }
    tally(&mut producer, &mut summary);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    summary.records_per_second = summary.records as f64 / summary.seconds.max(1e-9);
    report(ctx, &summary)?;
    if let Some(e) = read_error {
        return Err(anyhow::anyhow!("reading the input failed: {e}"));
    }
    if let Some((line, why)) = bad_line {
        let source = args
            .file
            .as_ref()
            .filter(|p| p.as_os_str() != "-")
            .map_or("stdin".to_string(), |p| p.display().to_string());
        return Err(usage_hint(
            format!("{source}:{line}: {}", crate::output::sanitize(&why)),
            "nothing after this line was published; fix it or pass --skip-invalid",
        ));
    }
    if interrupted {
        return Ok(ExitStatus::Interrupted);
    }
    if summary.failed > 0 {
        return Ok(ExitStatus::Failure);
    }
    Ok(ExitStatus::Success)
}

fn one_record(r: InputRecord) -> tokio::sync::mpsc::Receiver<Vec<Item>> {
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let _ = tx.try_send(vec![Item::Record(1, r)]);
    rx
}

fn tally(producer: &mut Producer, summary: &mut Summary) {
    for d in producer.take_deliveries() {
        let n = d.ids.len() as u64;
        match d.error {
            None => {
                summary.records += n;
                summary.bytes += d.bytes as u64;
                summary.partitions.insert(d.partition);
            }
            Some(e) => {
                summary.failed += n;
                if summary.errors.len() < MAX_SHOWN_ERRORS {
                    let first = d.ids.first().copied().unwrap_or(0);
                    let last = d.ids.last().copied().unwrap_or(0);
                    let lines = if first == last {
                        format!("line {first}")
                    } else {
                        format!("{n} records from line {first} to {last}")
                    };
                    summary.errors.push(format!("{lines}: {e}"));
                }
            }
        }
    }
}

fn report(ctx: &Ctx<'_>, summary: &Summary) -> anyhow::Result<()> {
    let p = ctx.printer;
    p.status(&summary.line(&p.err_styles()));
    for e in &summary.errors {
        p.warn(&crate::output::sanitize(e));
    }
    if summary.failed as usize > summary.errors.len() && !summary.errors.is_empty() {
        p.warn(&format!(
            "{} failed records in all; the first errors are shown",
            summary.failed
        ));
    }
    if matches!(
        p.format,
        crate::output::OutputFormat::Json | crate::output::OutputFormat::Yaml
    ) {
        p.data(summary)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_unescape() {
        assert_eq!(unescape("\\t").unwrap(), b"\t");
        assert_eq!(unescape("::").unwrap(), b"::");
        assert_eq!(unescape("\\x1f").unwrap(), [0x1f]);
        assert_eq!(unescape("a\\\\b").unwrap(), b"a\\b");
        assert!(unescape("").is_err());
        assert!(unescape("\\q").is_err());
    }
}
