//! `evctl tail`: follow topics, or read a range and exit, with filters and output formats.

use std::io::IsTerminal;
use std::sync::Arc;

use super::Ctx;
use crate::error::{ExitStatus, usage};
use crate::kafka::Client;
use crate::kafka::assign::{self, Bounds, ReadFlags, Selection};
use crate::kafka::fetcher::{FetchOptions, Fetcher};
use crate::kafka::source::{KafkaSource, TOPIC_REFRESH};
use crate::output::records::{RecordFormat, RecordWriter};
use crate::output::template::Template;
use crate::record::filter::{Filter, FilterSpec};
use crate::record::time::now_ms;
use crate::redis::flags::TailStreamFlags;
use crate::redis::stream::{StreamRead, StreamSource};
use crate::tail::{self, Event, TailOptions};
use crate::transport::Source;

const AFTER_HELP: &str = "Offsets (--from, --to; per partition):
  start, end         the first record, the end (the next record to be written)
  N, +N, -N          offset N; N after the start; N before the end
  @2025-01-01T10:00:00Z, @2025-01-01, @1735725600000, @-1h
                     the first record at or after that time
  --from A:B         the same as --from A --to B; --to is exclusive

Without --from: the group's committed offsets with --group, else `start` when the read has an end
(--exit-at-end or --to) and `end` when following (like tail -f).

Redis streams (-b redis://host:port): positions are entry ids (1700000000000-0) or the forms above
except N; @TIME uses the ids' milliseconds. --group G --consumer C reads with XREADGROUP (first its
own pending entries) and acknowledges only what it printed.

Examples:
  evctl tail orders                                 follow new records
  evctl tail orders --from -10 --exit-at-end        the last 10 records of each partition
  evctl tail orders -o json --exit-at-end > dump.jsonl
  evctl tail orders --where '.type == \"order.created.v1\" and .metadata.tenant_id == \"t1\"'
  evctl tail --pattern '^platform\\..*' --format '{topic}/{partition}@{offset} {key} {value}\\n'";

/// Arguments of `evctl tail`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct TailArgs {
    /// Topics to read.
    #[arg(required_unless_present_any = ["pattern", "tap"])]
    pub topics: Vec<String>,

    /// Read every topic whose name matches this regular expression (internal topics only when
    /// named).
    #[arg(long, value_name = "REGEX")]
    pub pattern: Option<String>,

    /// Where to start in each partition (see below); may be a range FROM:TO.
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Where to stop in each partition, exclusive (see below).
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub to: Option<String>,

    /// Stop at the end offsets taken when the command starts (gaps from compaction and
    /// transaction markers are fine).
    #[arg(short = 'e', long)]
    pub exit_at_end: bool,

    /// Stop after printing this many records (in all, after filters).
    #[arg(short = 'n', long, value_name = "N")]
    pub max: Option<u64>,

    /// Only these partitions: a list like 0,2,5 or 0-3.
    #[arg(short, long, value_name = "LIST")]
    pub partitions: Option<String>,

    /// Consumer group to commit progress to (every 5s and at exit, including Ctrl-C); also
    /// where to start when --from is not given.
    #[arg(short, long, value_name = "GROUP")]
    pub group: Option<String>,

    /// Only records with this key; `*` and `?` are wildcards; repeat for any of several.
    #[arg(short, long, help_heading = "Filters")]
    pub key: Vec<String>,

    /// Only records with this header: NAME, or NAME=VALUE (wildcards allowed); repeat for all of
    /// several.
    #[arg(long = "header", value_name = "NAME[=VALUE]", help_heading = "Filters")]
    pub headers: Vec<String>,

    /// Only records whose value matches this regular expression.
    #[arg(long, value_name = "REGEX", help_heading = "Filters")]
    pub grep: Option<String>,

    /// Only records for which this jq expression over the JSON value is true; $key, $topic,
    /// $partition, $offset, $timestamp and $headers are set.
    #[arg(long = "where", value_name = "EXPR", help_heading = "Filters")]
    pub where_expr: Option<String>,

    /// Print each record with this template: {topic} {partition} {offset} {timestamp}
    /// {timestamp_ms} {key} {value} {headers} {header.NAME}, modifiers :hex :base64 :json; \n \t.
    #[arg(long, value_name = "TEMPLATE", help_heading = "Output")]
    pub format: Option<String>,

    /// Read records of open and aborted transactions too.
    #[arg(long)]
    pub read_uncommitted: bool,

    /// How Avro unions print: the branch's value (plain) or {"type": value} (avro, the Avro spec's JSON)
    #[arg(
        long,
        value_enum,
        value_name = "FORM",
        default_value_t,
        help_heading = "Schema registry"
    )]
    pub avro_json: crate::codec::avro::AvroJson,

    /// Show registry-framed keys and values as they are, even with a registry configured
    #[arg(long, help_heading = "Schema registry")]
    pub no_decode: bool,

    #[command(flatten)]
    pub stream: TailStreamFlags,
    #[command(flatten)]
    pub amqp: crate::amqp::consume::TailFlags,
}

/// The Kafka read the flags describe.
fn read_flags(args: &TailArgs) -> ReadFlags<'_> {
    ReadFlags {
        topics: &args.topics,
        pattern: args.pattern.as_deref(),
        partitions: args.partitions.as_deref(),
        from: args.from.as_deref(),
        to: args.to.as_deref(),
        exit_at_end: args.exit_at_end,
        group: args.group.as_deref(),
        read_uncommitted: args.read_uncommitted,
    }
}

/// The record format of -o and --format, and the filters.
fn output(ctx: &Ctx<'_>, args: &TailArgs, tty: bool) -> anyhow::Result<(RecordFormat, Filter)> {
    let mut format = RecordFormat::choose(ctx.printer.format, ctx.output_explicit, tty)
        .map_err(|e| usage(format!("tail {e}")))?;
    if let Some(t) = &args.format {
        format = RecordFormat::Template(
            Template::parse(t).map_err(|e| usage(format!("--format: {e}")))?,
        );
    }
    let filter = Filter::new(&FilterSpec {
        keys: args.key.clone(),
        headers: args.headers.clone(),
        grep: args.grep.clone(),
        where_expr: args.where_expr.clone(),
    })
    .map_err(|e| usage(e.to_string()))?;
    Ok((format, filter))
}

/// Plans the read and says what it reads, from where, and until when.
async fn plan_read(
    ctx: &Ctx<'_>,
    client: &Client,
    args: &TailArgs,
    selection: &Selection,
    bounds: &Bounds,
) -> anyhow::Result<assign::Plan> {
    let plan = assign::plan(client, selection, bounds, now_ms())
        .await
        .map_err(|e| read_flags(args).plan_error(e))?;
    if let (Some(g), None) = (&args.group, bounds.from) {
        // resuming a group that does not exist is most likely a typo: say so, with the names it
        // may have meant; --from starts a new group on purpose
        let hint = "to start a new group, say where: --from start (or end, or an offset)";
        super::require_group(client, g, hint).await?;
    }
    let starting = match (bounds.from, &args.group) {
        (Some(_), _) => args.from.clone().unwrap_or_default(),
        (None, Some(g)) if plan.from_committed(bounds) > 0 => format!("group {g}'s offsets"),
        (None, _) => bounds.default_from.to_string(),
    };
    let n = plan.ranges.len();
    let what = format!(
        "{} ({n} partition{})",
        plan.topics.join(", "),
        if n == 1 { "" } else { "s" }
    );
    say_reading(ctx, &what, &starting, bounds.bounded());
    Ok(plan)
}

/// The Kafka source: plans the read and says what it reads.
async fn kafka_source(
    ctx: &Ctx<'_>,
    args: &TailArgs,
    bounds: Bounds,
    selection: Selection,
) -> anyhow::Result<(KafkaSource, bool)> {
    let client = Arc::new(ctx.client().await?);
    let plan = plan_read(ctx, &client, args, &selection, &bounds).await?;
    let fetch = FetchOptions {
        isolation: bounds.isolation,
        ..FetchOptions::default()
    };
    let fetcher = Fetcher::new(client.clone(), fetch, plan.assignments());
    let follow = (!bounds.bounded()).then_some((selection, TOPIC_REFRESH));
    let source = KafkaSource::new(
        client,
        fetcher,
        args.group.clone(),
        follow,
        bounds.isolation,
    );
    Ok((source, bounds.bounded()))
}

/// The Redis source: resolves ids, checks or creates the group, says what it reads.
async fn stream_source(
    ctx: &Ctx<'_>,
    args: &TailArgs,
    opts: &crate::redis::RedisOptions,
    read: StreamRead,
) -> anyhow::Result<(StreamSource, bool)> {
    let bounded = read.bounded();
    let redis = crate::redis::connect(opts).await?;
    let addr = redis.addr.clone();
    let (source, starting) = StreamSource::open(redis, read, now_ms()).await?;
    let what = format!("{} on {addr}", args.topics.join(", "));
    say_reading(ctx, &what, &starting, bounded);
    Ok((source, bounded))
}

/// Says what a tail reads, from where, and until when.
fn say_reading(ctx: &Ctx<'_>, what: &str, starting: &str, bounded: bool) {
    let until = if bounded {
        " until the end"
    } else {
        "; Ctrl-C to stop"
    };
    ctx.printer
        .status(&format!("tailing {what} from {starting}{until}"));
}

/// Runs `evctl tail`.
/// The read the flags describe, on the target's transport: checked before anything connects.
enum Read {
    Kafka(Bounds, Selection),
    Redis(crate::redis::RedisOptions, StreamRead),
    Amqp(crate::amqp::consume::AmqpRead),
}

fn parse_read(ctx: &Ctx<'_>, args: &TailArgs) -> anyhow::Result<Read> {
    let flags = read_flags(args);
    if let Some(o) = ctx.settings.amqp_options()? {
        let (from, to, kafka) = (args.from.as_deref(), args.to.as_deref(), flags.kafka_only());
        let kafka = kafka.or(args.group.as_ref().map(|_| "--group"));
        let read = crate::amqp::consume::AmqpRead::of(
            o,
            &args.topics,
            from,
            to,
            args.exit_at_end,
            kafka,
            &args.amqp,
        );
        return Ok(Read::Amqp(read?));
    }
    let Some(r) = ctx.settings.redis_options()? else {
        if let Some(flag) = args.stream.given() {
            return Err(usage(format!(
                "{flag} is for Redis streams (-b redis://...)"
            )));
        }
        return Ok(Read::Kafka(flags.bounds()?, flags.selection()?));
    };
    if let Some(flag) = flags.kafka_only() {
        return Err(usage(format!(
            "{flag} is for Kafka topics, not Redis streams"
        )));
    }
    let (from, to, group) = (
        args.from.as_deref(),
        args.to.as_deref(),
        args.group.as_deref(),
    );
    let read = args
        .stream
        .read(&args.topics, from, to, args.exit_at_end, group)?;
    Ok(Read::Redis(r, read))
}

pub async fn run(ctx: &Ctx<'_>, args: &TailArgs) -> anyhow::Result<ExitStatus> {
    let tty = std::io::stdout().is_terminal();
    let (format, filter) = output(ctx, args, tty)?;
    let read = parse_read(ctx, args)?;
    if args.max == Some(0) {
        // like `head -n 0`: nothing to print, nothing read, nothing committed
        return Ok(ExitStatus::Success);
    }
    let codec = super::codec(ctx, args.no_decode, args.avro_json, true).await?;
    let opts = TailOptions {
        filter,
        max: args.max,
        ..TailOptions::default()
    };
    let out = RecordWriter::new(
        std::io::stdout().lock(),
        format,
        ctx.printer.out_styles(),
        tty,
    );
    match read {
        Read::Redis(r, read) => {
            let (source, bounded) = stream_source(ctx, args, &r, read).await?;
            drive(ctx, args, source, bounded, codec, &opts, out).await
        }
        Read::Amqp(read) => {
            let bounded = read.bounded();
            let (source, what) = read.open().await?;
            say_reading(ctx, &what, "here", bounded);
            drive(ctx, args, source, bounded, codec, &opts, out).await
        }
        Read::Kafka(bounds, selection) => {
            let (source, bounded) = kafka_source(ctx, args, bounds, selection).await?;
            drive(ctx, args, source, bounded, codec, &opts, out).await
        }
    }
}

/// Reads from the source into the writer, and says how it went.
async fn drive<S: Source, W: std::io::Write>(
    ctx: &Ctx<'_>,
    args: &TailArgs,
    mut source: S,
    bounded: bool,
    mut codec: Option<crate::codec::Codec>,
    opts: &TailOptions,
    mut out: RecordWriter<W>,
) -> anyhow::Result<ExitStatus> {
    let on = |e: Event| match e {
        Event::Warning(w) | Event::Undecoded(w) => ctx.printer.warn(&w),
        Event::Added(names) => ctx
            .printer
            .status(&format!("now also reading {}", names.join(", "))),
    };
    let stop = super::terminal::stop_signal();
    let summary = tail::run(&mut source, opts, codec.as_mut(), &mut out, stop, on).await?;
    if let (Some(g), true) = (&args.group, summary.committed) {
        let done = match S::ACKS {
            true => format!("acknowledged group {g}'s printed entries"),
            false => format!("committed group {g}'s offsets"),
        };
        ctx.printer.status(&done);
    }
    if bounded || args.max.is_some() || summary.interrupted {
        let printed = summary.printed;
        let registry = codec.as_ref().map_or(String::new(), |c| {
            format!(
                "; {} schemas from the registry in {} requests",
                c.fetched, c.requests
            )
        });
        ctx.printer.status(&format!(
            "{printed} record{} printed ({} read){registry}",
            if printed == 1 { "" } else { "s" },
            summary.scanned
        ));
    }
    Ok(if summary.interrupted {
        ExitStatus::Interrupted
    } else {
        ExitStatus::Success
    })
}
