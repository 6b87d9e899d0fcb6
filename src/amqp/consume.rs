//! Reading RabbitMQ through the seam (`transport::Source`), never destructive unless asked:
//! - a **stream queue** by offset (`--from start|end|N|@TIME`, `--to`), through the consumer
//!   argument `x-stream-offset` (acknowledgements only grant credit there: nothing is removed);
//! - `--peek N`: the first N messages of a classic or quorum queue, left in place (nothing is
//!   acknowledged; they come back marked redelivered, and a quorum queue counts the delivery);
//! - `--tap EXCHANGE[:BINDING]`: live traffic, through an exclusive server-named queue bound to
//!   the exchange (BINDING defaults to `#`), deleted when the tail ends;
//! - `--consume`: the queue's messages, each acknowledged once printed (at the next checkpoint),
//!   the rest returned when the tail stops.
//!
//! A message becomes a record: the queue (or the exchange tapped) as the topic, the routing key as
//! the key (the header `evctl-key` when `publish` put one there), the body as the value, the AMQP
//! properties as `amqp.<property>` headers and the AMQP headers as headers (strings as they are,
//! other values as JSON), the timestamp property (seconds) as the time. `publish` maps them back.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicQosOptions, QueueBindOptions, QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable, ShortString};
use lapin::{Acker, Channel, Consumer};

use super::headers;
use super::{Amqp, AmqpOptions, failure};
use crate::error::usage;
use crate::record::offsets::parse_time;
use crate::record::{Message, Position, Record, TimestampType};
use crate::transport::Source;

/// The RabbitMQ flags of `tail`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TailFlags {
    /// RabbitMQ: show the first N messages of a classic or quorum queue and leave them there
    /// (reading is a delivery: they come back marked redelivered)
    #[arg(long, value_name = "N", help_heading = "RabbitMQ", conflicts_with_all = ["tap", "consume"])]
    pub peek: Option<u64>,
    /// RabbitMQ: read an exchange's live traffic through an exclusive server-named queue bound
    /// with BINDING (default #); the queue goes when the tail ends
    #[arg(
        long,
        value_name = "EXCHANGE[:BINDING]",
        help_heading = "RabbitMQ",
        conflicts_with = "consume"
    )]
    pub tap: Option<String>,
    /// RabbitMQ: consume the queue, acknowledging each message once printed (removes them)
    #[arg(long, help_heading = "RabbitMQ")]
    pub consume: bool,
}

/// Where a stream queue read starts.
#[derive(Debug, Clone, PartialEq)]
enum Offset {
    First,
    Last,
    Next,
    At(i64),
    /// Epoch seconds.
    Time(i64),
}

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Stream { from: Offset, to: Option<i64> },
    Peek(u64),
    Tap { exchange: String, binding: String },
    Consume,
}

/// A read the flags describe, checked before anything connects.
#[derive(Debug, Clone)]
pub struct AmqpRead {
    opts: AmqpOptions,
    queue: String,
    mode: Mode,
    stop_at_end: bool,
}

impl AmqpRead {
    /// The read of `tail` on RabbitMQ; `kafka_only` names a Kafka-only flag that was given.
    pub fn of(
        opts: AmqpOptions,
        topics: &[String],
        from: Option<&str>,
        to: Option<&str>,
        exit_at_end: bool,
        kafka_only: Option<&str>,
        flags: &TailFlags,
    ) -> anyhow::Result<AmqpRead> {
        if let Some(flag) = kafka_only {
            return Err(usage(format!(
                "{flag} is for Kafka topics, not RabbitMQ queues"
            )));
        }
        let queue = match (topics, &flags.tap) {
            ([], Some(_)) => String::new(),
            ([q], None) => {
                super::short("the queue", q)?;
                q.clone()
            }
            ([_], Some(_)) => {
                return Err(usage("--tap reads an exchange: give no queue with it"));
            }
            _ => return Err(usage("tail reads one RabbitMQ queue at a time")),
        };
        let classic = flags.peek.is_some() || flags.tap.is_some() || flags.consume;
        if classic && (from.is_some() || to.is_some()) {
            return Err(usage(
                "--from and --to are offsets of a stream queue; --peek, --tap and --consume read a classic or quorum queue",
            ));
        }
        let mode = if let Some(n) = flags.peek {
            Mode::Peek(n)
        } else if let Some(t) = &flags.tap {
            let (exchange, binding) = t.split_once(':').unwrap_or((t.as_str(), "#"));
            super::short("the exchange", exchange)?;
            super::short("the binding", binding)?;
            Mode::Tap {
                exchange: exchange.to_string(),
                binding: binding.to_string(),
            }
        } else if flags.consume {
            Mode::Consume
        } else {
            Mode::Stream {
                from: match from {
                    None | Some("end") => Offset::Next,
                    Some(f) => offset(f)?,
                },
                to: to
                    .map(|t| t.trim().parse::<i64>())
                    .transpose()
                    .map_err(|_| {
                        usage("--to on a stream queue is an offset (the last one printed)")
                    })?,
            }
        };
        Ok(AmqpRead {
            opts,
            queue,
            mode,
            stop_at_end: exit_at_end,
        })
    }

    /// True when the read ends by itself.
    pub fn bounded(&self) -> bool {
        match &self.mode {
            Mode::Peek(_) => true,
            Mode::Stream { to, .. } => self.stop_at_end || to.is_some(),
            _ => self.stop_at_end,
        }
    }

    /// Connects and starts consuming; the source and what it says it reads.
    pub async fn open(self) -> anyhow::Result<(AmqpSource, String)> {
        let a = super::connect(&self.opts).await?;
        let ch = a
            .conn
            .create_channel()
            .await
            .map_err(|e| failure(&a.addr, &e))?;
        let (queue, args, what, prefetch) = match &self.mode {
            Mode::Tap { exchange, binding } => {
                let q = ch
                    .queue_declare(
                        "".into(),
                        QueueDeclareOptions {
                            exclusive: true,
                            auto_delete: true,
                            ..QueueDeclareOptions::default()
                        },
                        FieldTable::default(),
                    )
                    .await
                    .map_err(|e| failure(&a.addr, &e))?;
                ch.queue_bind(
                    q.name().clone(),
                    exchange.as_str().into(),
                    binding.as_str().into(),
                    QueueBindOptions::default(),
                    FieldTable::default(),
                )
                .await
                .map_err(|e| super::dlx::not_found(&a, "exchange", exchange, &e))?;
                let what = format!("exchange {exchange} (binding {binding}) on {}", a.addr);
                (
                    q.name().as_str().to_string(),
                    FieldTable::default(),
                    what,
                    1000,
                )
            }
            Mode::Stream { from, .. } => {
                let mut args = FieldTable::default();
                args.insert(ShortString::from("x-stream-offset"), stream_offset(from));
                let what = format!("stream queue {} on {} from {from:?}", self.queue, a.addr);
                (self.queue.clone(), args, what, 1000)
            }
            Mode::Peek(n) => {
                let what = format!(
                    "the first {n} messages of {} on {} (left in place; reading counts as a delivery: they come back marked redelivered)",
                    self.queue, a.addr
                );
                (
                    self.queue.clone(),
                    FieldTable::default(),
                    what,
                    (*n).min(65535) as u16,
                )
            }
            Mode::Consume => {
                let what = format!("queue {} on {} (consuming)", self.queue, a.addr);
                (self.queue.clone(), FieldTable::default(), what, 1000)
            }
        };
        if !matches!(self.mode, Mode::Tap { .. }) {
            super::dlx::depth(&a, &self.queue).await?;
        }
        ch.basic_qos(prefetch, BasicQosOptions::default())
            .await
            .map_err(|e| failure(&a.addr, &e))?;
        let no_ack = matches!(self.mode, Mode::Tap { .. });
        let consumer = ch
            .basic_consume(
                queue.as_str().into(),
                "evctl-tail".into(),
                BasicConsumeOptions {
                    no_ack,
                    ..BasicConsumeOptions::default()
                },
                args,
            )
            .await
            .map_err(|e| match e.to_string().contains("x-stream-offset") {
                true => usage(format!(
                    "{} is not a stream queue: it has no offsets (--from, --to); use --peek N (leave the messages), --tap EXCHANGE (live traffic) or --consume (take them)",
                    self.queue
                )),
                false => failure(&a.addr, &e),
            })?;
        let topic: Arc<str> = match &self.mode {
            Mode::Tap { exchange, .. } => Arc::from(exchange.as_str()),
            _ => Arc::from(self.queue.as_str()),
        };
        Ok((
            AmqpSource {
                _conn: a,
                ch,
                consumer,
                topic,
                mode: self.mode,
                stop_at_end: self.stop_at_end,
                read: 0,
                written: Vec::new(),
                unwritten: Vec::new(),
                checked_stream: false,
                done: false,
                notices: Vec::new(),
            },
            what,
        ))
    }
}

/// A `--from` of a stream queue: start, end, an offset, or @TIME.
fn offset(f: &str) -> anyhow::Result<Offset> {
    let f = f.trim();
    Ok(match f {
        "start" | "beginning" | "first" => Offset::First,
        "last" => Offset::Last,
        "end" | "next" => Offset::Next,
        _ if f.starts_with('@') => Offset::Time(parse_time("--from", f)? / 1000),
        _ => Offset::At(f.parse().map_err(|_| {
            usage(format!(
                "--from {f:?}: a stream queue starts at start, end, an offset or @TIME"
            ))
        })?),
    })
}

fn stream_offset(o: &Offset) -> AMQPValue {
    let text = |s: &str| AMQPValue::LongString(s.into());
    match o {
        Offset::First => text("first"),
        Offset::Last => text("last"),
        Offset::Next => text("next"),
        Offset::At(n) => AMQPValue::LongLongInt(*n),
        Offset::Time(t) => AMQPValue::Timestamp((*t).max(0) as u64),
    }
}

/// The source of `tail` on RabbitMQ.
pub struct AmqpSource {
    _conn: Amqp,
    ch: Channel,
    consumer: Consumer,
    topic: Arc<str>,
    mode: Mode,
    stop_at_end: bool,
    read: u64,
    /// Acknowledgements of printed messages (consume; sent before the next read), and credit to
    /// give back (a stream: sent at once).
    written: Vec<Acker>,
    /// Messages read and not written (filtered out, or left when the tail stopped).
    unwritten: Vec<(u64, Acker)>,
    checked_stream: bool,
    done: bool,
    notices: Vec<String>,
}

/// How long a bounded read waits for the next message before it takes the end as reached.
const IDLE: Duration = Duration::from_secs(1);

impl AmqpSource {
    /// A delivery as a record.
    fn record(&self, d: &lapin::message::Delivery, offset: Option<i64>) -> Record {
        let p = &d.properties;
        let mut hdrs: Vec<(String, Option<Bytes>)> = Vec::new();
        let mut prop = |name: &str, v: Option<String>| {
            if let Some(v) = v {
                hdrs.push((format!("amqp.{name}"), Some(Bytes::from(v))));
            }
        };
        let s = |v: &Option<ShortString>| v.as_ref().map(|s| s.as_str().to_string());
        prop("content_type", s(p.content_type()));
        prop("content_encoding", s(p.content_encoding()));
        prop("message_id", s(p.message_id()));
        prop("correlation_id", s(p.correlation_id()));
        prop("reply_to", s(p.reply_to()));
        prop("expiration", s(p.expiration()));
        prop("type", s(p.kind()));
        prop("user_id", s(p.user_id()));
        prop("app_id", s(p.app_id()));
        prop("priority", p.priority().map(|n| n.to_string()));
        prop("delivery_mode", p.delivery_mode().map(|n| n.to_string()));
        let mut key = Some(Bytes::from(d.routing_key.as_str().to_string()));
        if let Some(h) = p.headers() {
            for (k, v) in h.inner() {
                let name = k.as_str();
                if name == "x-stream-offset" {
                    continue;
                }
                let value = match v {
                    AMQPValue::Void => None,
                    AMQPValue::LongString(b) => Some(Bytes::from(b.as_bytes().to_vec())),
                    other => Some(Bytes::from(match headers::value(other) {
                        serde_json::Value::String(s) => s,
                        j => j.to_string(),
                    })),
                };
                if name == super::queue::KEY_HEADER {
                    key = value;
                    continue;
                }
                hdrs.push((name.to_string(), value));
            }
        }
        let timestamp = p
            .timestamp()
            .map_or(-1, |t| (t as i64).saturating_mul(1000));
        let at = match offset {
            Some(offset) => Position::Offset {
                partition: 0,
                offset,
            },
            None => Position::Delivery {
                seq: self.read,
                redelivered: d.redelivered,
            },
        };
        Record {
            topic: self.topic.clone(),
            at,
            timestamp_type: TimestampType::Create,
            msg: Message {
                key,
                value: Some(Bytes::from(d.data.clone())),
                headers: hdrs,
                timestamp,
                ..Message::default()
            },
        }
    }
}

impl AmqpSource {
    /// Sends the acknowledgements due.
    async fn ack_written(&mut self) -> anyhow::Result<()> {
        for acker in self.written.drain(..) {
            acker
                .ack(BasicAckOptions::default())
                .await
                .map_err(|e| anyhow::anyhow!("RabbitMQ: acknowledging: {e}"))?;
        }
        Ok(())
    }
}

impl Source for AmqpSource {
    const ACKS: bool = true;

    async fn poll(&mut self) -> anyhow::Result<Option<Vec<Record>>> {
        if self.done {
            return Ok(None);
        }
        if let Mode::Peek(n) = self.mode
            && self.read >= n
        {
            return Ok(None);
        }
        self.ack_written().await?;
        let bounded = self.stop_at_end
            || matches!(self.mode, Mode::Peek(_) | Mode::Stream { to: Some(_), .. });
        let next = if bounded {
            match tokio::time::timeout(IDLE, self.consumer.next()).await {
                Ok(n) => n,
                Err(_) => return Ok(None),
            }
        } else {
            self.consumer.next().await
        };
        let Some(d) = next else { return Ok(None) };
        let d = d.map_err(|e| anyhow::anyhow!("RabbitMQ: {e}"))?;
        let offset = d
            .properties
            .headers()
            .as_ref()
            .and_then(|h| headers::get_int(h, "x-stream-offset"));
        if let Mode::Stream { to, .. } = self.mode {
            if !self.checked_stream && offset.is_none() {
                // not a stream: give it back untouched, and say what reads it
                drop(d);
                let _ = self.ch.close(200, "evctl: not a stream".into()).await;
                return Err(usage(format!(
                    "{} is not a stream queue: reading it by offset would remove messages; use --peek N (leave them), --tap EXCHANGE (live traffic) or --consume (take them)",
                    self.topic
                )));
            }
            self.checked_stream = true;
            if let (Some(t), Some(o)) = (to, offset)
                && o > t
            {
                self.done = true;
                return Ok(None);
            }
        }
        self.read += 1;
        let r = self.record(&d, offset);
        match self.mode {
            Mode::Tap { .. } => {}
            // a stream's acknowledgement removes nothing: it grants the credit for the next
            Mode::Stream { .. } => self.written.push(d.acker),
            // nothing is acknowledged before it is printed (consume), or ever (peek): the rest
            // goes back when the channel closes
            Mode::Peek(_) | Mode::Consume => self.unwritten.push((self.read, d.acker)),
        }
        Ok(Some(vec![r]))
    }

    fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn written(&mut self, _r: &Record) {
        if matches!(self.mode, Mode::Consume)
            && let Some((_, acker)) = self.unwritten.pop()
        {
            self.written.push(acker);
        }
    }

    fn checkpoints(&self) -> bool {
        matches!(self.mode, Mode::Consume)
    }

    async fn checkpoint(&mut self, _left: &[Record]) -> anyhow::Result<()> {
        self.ack_written().await
    }

    async fn refresh(&mut self) -> Vec<String> {
        Vec::new()
    }
}
