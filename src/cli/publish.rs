//! `evctl publish`: one value from the command line, or records from stdin or a file.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;

use super::Ctx;
use crate::error::{ExitStatus, usage, usage_hint};
use crate::kafka::producer::ProducerFlags;
use crate::kafka::source::KafkaSink;
use crate::publish::{self, Outcome, PublishOptions, Summary};
use crate::record::envelope::{CloudEventsMode, EnvelopeOptions};
use crate::record::input::{self, InputFormat, InputOptions, Wrap};
use crate::record::time::now_ms;
use crate::record::{Message, Place};
use crate::redis::flags::PublishStreamFlags;
use crate::redis::stream::StreamSink;
use crate::transport::Sink;

const AFTER_HELP: &str = "Examples:
  evctl publish orders '{\"id\":1}' --key o-1 -H source=cli
  evctl publish orders --file events.txt --key-separator '\\t'
  evctl tail -o json --exit-at-end orders | evctl publish --format json orders-copy
  evctl publish orders --envelope --type order.created.v1 --source checkout < payloads.jsonl

Keyed records go to the partition the Java client would choose (murmur2); keyless records are spread
round-robin. The producer is idempotent when the broker supports it and --acks is all.

To a Redis stream (-b redis://host:port): pipelined XADDs; a JSON-object value becomes one field
per member, in order (--field NAME sends each value as one field), the key goes first as
--key-field, headers follow as fields.";

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

    #[command(flatten)]
    pub producer: ProducerFlags,

    #[command(flatten)]
    pub schema: crate::codec::flags::SchemaFlags,

    #[command(flatten)]
    pub stream: PublishStreamFlags,
    #[command(flatten)]
    pub amqp: crate::amqp::queue::PublishFlags,
}

/// CloudEvents content mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CeMode {
    /// Attributes in `ce_` headers, the payload as the value.
    Binary,
    /// The whole event as a JSON value (application/cloudevents+json).
    Structured,
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
        .map(|s| input::unescape_separator(s).map_err(|e| usage(format!("--key-separator: {e}"))))
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
        keep_ids: args.stream.keep_ids,
        timestamp,
        null_value: args.null_value,
        wrap,
        datum: args.schema.datum(),
    })
}

/// Opens `--file` (or stdin), with its length when it is a file.
fn open_input(ctx: &Ctx<'_>, file: Option<&PathBuf>) -> anyhow::Result<(Source, Option<u64>)> {
    Ok(match file {
        Some(p) if p.as_os_str() != "-" => {
            let f = std::fs::File::open(p)
                .map_err(|e| usage(format!("cannot read {}: {e}", p.display())))?;
            let len = f.metadata().ok().map(|m| m.len());
            (std::io::BufReader::with_capacity(1 << 20, Box::new(f)), len)
        }
        _ => {
            if std::io::stdin().is_terminal() {
                ctx.printer
                    .status("reading records from the terminal, one per line; Ctrl-D to finish");
            }
            let stdin: Box<dyn std::io::Read + Send> = Box::new(std::io::stdin());
            (std::io::BufReader::with_capacity(1 << 20, stdin), None)
        }
    })
}

type Source = std::io::BufReader<Box<dyn std::io::Read + Send>>;

/// The Kafka sink: refuses a topic this principal may not see and a partition that does not
/// exist before anything is sent.
async fn kafka_sink(ctx: &Ctx<'_>, args: &PublishArgs) -> anyhow::Result<KafkaSink> {
    if let Some(flag) = args.stream.given() {
        return Err(usage(format!(
            "{flag} is for Redis streams (-b redis://...)"
        )));
    }
    let client = Arc::new(ctx.client().await?);
    let opts = args.producer.options();
    KafkaSink::connect(client, &args.topic, opts, args.partition).await
}

/// The Redis sink: connects and checks the key is a stream (or free).
async fn stream_sink(
    args: &PublishArgs,
    r: &crate::redis::RedisOptions,
) -> anyhow::Result<StreamSink> {
    if let Some(flag) = args
        .partition
        .map(|_| "--partition")
        .or(args.ignore_partition.then_some("--ignore-partition"))
    {
        return Err(usage(format!(
            "{flag} is for Kafka topics, not Redis streams"
        )));
    }
    let write = args.stream.write()?;
    StreamSink::new(crate::redis::connect(r).await?, &args.topic, write).await
}

/// The records to send: the value on the command line, one tombstone, or the lines of the file
/// or stdin (with a progress bar over a file on a terminal).
fn input(
    ctx: &Ctx<'_>,
    args: &PublishArgs,
    opts: &InputOptions,
) -> anyhow::Result<(publish::Input, Option<indicatif::ProgressBar>)> {
    let mut bar = None;
    let input = match (&args.value, args.null_value && args.file.is_none()) {
        (Some(v), _) => {
            let (m, partition) = input::parse_line(v.as_bytes(), opts, now_ms()).map_err(usage)?;
            publish::one_record(m, partition)
        }
        // `--null-value --key K`: one tombstone for K; stdin is not read
        (None, true) if args.key.is_some() => {
            let m = Message {
                key: opts.key.clone(),
                value: None,
                timestamp: opts.timestamp.unwrap_or_else(now_ms),
                headers: opts.headers.clone(),
                ..Message::default()
            };
            publish::one_record(m, opts.partition.map(Place::Partition))
        }
        _ => {
            let (source, len) = open_input(ctx, args.file.as_ref())?;
            bar = len.and_then(|len| {
                super::terminal::progress_bar(
                    ctx.printer,
                    len,
                    "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
                )
            });
            let progress = bar
                .clone()
                .map(|b| -> Box<dyn Fn(u64) + Send> { Box::new(move |n| b.set_position(n)) });
            publish::spawn_reader(source, opts.clone(), progress)
        }
    };
    Ok((input, bar))
}

/// Runs `evctl publish`.
pub async fn run(ctx: &Ctx<'_>, args: &PublishArgs) -> anyhow::Result<ExitStatus> {
    let opts = input_options(args)?;
    let out = match (ctx.settings.amqp_options()?, ctx.settings.redis_options()?) {
        (Some(a), _) => {
            let sink =
                crate::amqp::queue::AmqpSink::open(&a, args.partition, &args.topic, &args.amqp);
            send(ctx, args, &opts, sink.await?).await?
        }
        (None, Some(r)) => send(ctx, args, &opts, stream_sink(args, &r).await?).await?,
        (None, None) => send(ctx, args, &opts, kafka_sink(ctx, args).await?).await?,
    };
    report(ctx, &out.summary)?;
    if let Some(e) = out.failure {
        return Err(anyhow::anyhow!(e));
    }
    if let Some(e) = out.read_error {
        return Err(anyhow::anyhow!("reading the input failed: {e}"));
    }
    if let Some((line, why)) = out.bad_line {
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
    Ok(if out.interrupted {
        ExitStatus::Interrupted
    } else if out.summary.failed > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Encodes (with a registry) and sends the input through the sink.
async fn send(
    ctx: &Ctx<'_>,
    args: &PublishArgs,
    opts: &InputOptions,
    mut sink: impl Sink,
) -> anyhow::Result<Outcome> {
    let mut codec = super::codec(ctx, false, Default::default(), args.schema.any()).await?;
    let defaults = (args.schema.defaults(codec.as_mut(), &args.topic).await)
        .map_err(|(input, e)| if input { usage(e) } else { anyhow::anyhow!(e) })?;
    let (input, bar) = input(ctx, args, opts)?;
    let engine = PublishOptions {
        rate: args.rate,
        skip_invalid: args.skip_invalid,
    };
    let warn = |w: String| ctx.printer.warn(&w);
    let encoding = codec.as_mut().map(|c| (c, &defaults));
    let stop = super::terminal::stop_signal;
    let out = publish::run(&mut sink, &args.topic, input, &engine, encoding, stop, warn).await?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(out)
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
