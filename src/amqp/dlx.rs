//! Dead-letter queues on RabbitMQ: `dlq inspect` (read without losing: nothing is acknowledged, so
//! every message goes back when the channel closes), `dlq replay` (consume with manual
//! acknowledgements and a bounded prefetch, republish each message on a confirm channel with
//! `mandatory` to the exchange and routing keys its `x-death` names, acknowledge the dead letter
//! only after the broker's confirm), `dlq drain` (acknowledge matching messages) and `dlq purge`.
//!
//! Messages a run does not take (not selected, returned as unroutable, refused by the broker) stay
//! unacknowledged until the run ends and so go back to the queue, in place: a run looks at most at
//! the messages the queue held when it started, and stops early when they fill the prefetch
//! window. A crash loses nothing: a message is acknowledged only after its copy was confirmed, so
//! a resumed run repeats at most the window that was in flight.

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicPublishOptions, BasicQosOptions,
    ConfirmSelectOptions, QueueDeclareOptions, QueuePurgeOptions,
};
use lapin::types::{AMQPValue, FieldArray, FieldTable, LongString, ShortString};
use lapin::{Acker, BasicProperties, Channel, Confirmation, PublisherConfirm};
use serde::Serialize;

use super::headers::{self, Death, broker_owned};
use super::{Amqp, failure};
use crate::record::filter::Filter;
use crate::record::time::format_rfc3339;
use crate::record::{Message, Position, Record, TimestampType};

/// The header evctl counts its replays in (RabbitMQ 4 ignores a client's `x-death`).
pub const REPLAY_COUNT: &str = "evctl-replay-count";

/// Which dead letters.
#[derive(Clone, Default)]
pub struct Select {
    /// The reason of the latest death (rejected, expired, maxlen, delivery_limit) matches.
    pub reason: Option<regex::Regex>,
    /// Dead-lettered from this queue.
    pub original_queue: Option<String>,
    /// Dead-lettered (first time of the latest death) at or after / before, ms.
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// `--where` over the body, `--key` over the routing key, `--header`.
    pub filter: Option<Filter>,
}

impl Select {
    /// The selection of the shared dead-letter flags: `--error-class` matches the reason,
    /// `--original-topic` names the original queue.
    pub fn of(shared: &crate::dlq::flags::Selection) -> anyhow::Result<Select> {
        if !shared.spec.is_empty() {
            return Err(crate::error::usage(
                "--spec (custom dialects) is for Kafka dead-letter topics; RabbitMQ's context is x-death",
            ));
        }
        let c = crate::dlq::flags::criteria(shared)?;
        Ok(Select {
            reason: c.error_class,
            original_queue: c.original_topic,
            since: c.since,
            until: c.until,
            filter: c.filter,
        })
    }
}

/// A message as it came off the queue, with what the reports need.
struct Letter {
    acker: Acker,
    routing_key: String,
    props: BasicProperties,
    body: Vec<u8>,
    deaths: Vec<Death>,
    redelivered: bool,
}

impl Letter {
    fn headers(&self) -> Option<&FieldTable> {
        self.props.headers().as_ref()
    }

    /// How often evctl replayed it.
    fn replays(&self) -> i64 {
        self.headers()
            .and_then(|h| headers::get_int(h, REPLAY_COUNT))
            .unwrap_or(0)
    }

    /// As a record, for the filters: the routing key is the key, the body the value, the
    /// headers as text.
    fn record(&self, queue: &str) -> Record {
        let hdrs = self
            .headers()
            .map(|h| {
                h.inner()
                    .iter()
                    .map(|(k, v)| {
                        let text = match headers::value(v) {
                            serde_json::Value::String(s) => s,
                            other => other.to_string(),
                        };
                        (k.as_str().to_string(), Some(Bytes::from(text)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Record {
            topic: Arc::from(queue),
            at: Position::Offset {
                partition: -1,
                offset: -1,
            },
            timestamp_type: TimestampType::Create,
            msg: Message {
                key: Some(Bytes::from(self.routing_key.clone())),
                value: Some(Bytes::from(self.body.clone())),
                headers: hdrs,
                timestamp: self.death_ms().unwrap_or(-1),
                ..Message::default()
            },
        }
    }

    /// When it was dead-lettered (the latest death's first time), ms.
    fn death_ms(&self) -> Option<i64> {
        self.deaths.first().and_then(|d| d.time).map(|t| t * 1000)
    }
}

impl Select {
    fn matches(&self, queue: &str, l: &Letter) -> bool {
        let latest = l.deaths.first();
        if let Some(re) = &self.reason
            && !latest.is_some_and(|d| re.is_match(&d.reason))
        {
            return false;
        }
        if let Some(q) = &self.original_queue
            && latest.is_none_or(|d| &d.queue != q)
        {
            return false;
        }
        let when = l.death_ms();
        if self.since.is_some_and(|s| when.is_none_or(|w| w < s))
            || self.until.is_some_and(|u| when.is_none_or(|w| w >= u))
        {
            return false;
        }
        match &self.filter {
            Some(f) if !f.is_empty() => f.matches(&l.record(queue)),
            _ => true,
        }
    }
}

/// A consumer of the queue with manual acknowledgements and `prefetch` unacknowledged at most
/// (0: no limit), and the number of messages it held when the run started.
async fn consume(
    a: &Amqp,
    queue: &str,
    prefetch: u16,
) -> anyhow::Result<(Channel, lapin::Consumer, u64)> {
    let (ch, q) = passive(a, queue).await?;
    ch.basic_qos(prefetch, BasicQosOptions::default())
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let consumer = ch
        .basic_consume(
            queue.into(),
            "evctl".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    Ok((ch, consumer, u64::from(q.message_count())))
}

/// The error for a queue or exchange the broker does not have.
pub(super) fn not_found(a: &Amqp, what: &str, name: &str, e: &lapin::Error) -> anyhow::Error {
    if e.to_string().contains("NOT_FOUND") || e.to_string().contains("404") {
        crate::error::usage(format!("no {what} {name:?} on RabbitMQ at {}", a.addr))
    } else {
        failure(&a.addr, e)
    }
}

/// The next message, or None when none comes within `wait` (the queue is empty, or other
/// consumers take the rest).
async fn next(
    consumer: &mut lapin::Consumer,
    a: &Amqp,
    wait: Duration,
) -> anyhow::Result<Option<Letter>> {
    let d = match tokio::time::timeout(wait, consumer.next()).await {
        Err(_) | Ok(None) => return Ok(None),
        Ok(Some(d)) => d.map_err(|e| failure(&a.addr, &e))?,
    };
    let deaths = headers::deaths(d.properties.headers().as_ref());
    Ok(Some(Letter {
        acker: d.acker,
        routing_key: d.routing_key.as_str().to_string(),
        props: d.properties,
        body: d.data,
        deaths,
        redelivered: d.redelivered,
    }))
}

/// How long a run waits for the next message before it takes the queue as empty.
const IDLE: Duration = Duration::from_secs(2);

/// One group of dead letters.
#[derive(Debug, Clone, Serialize)]
pub struct DeathGroup {
    pub reason: String,
    pub original_queue: String,
    pub exchange: String,
    pub routing_keys: Vec<String>,
    pub count: u64,
    pub first_death: Option<String>,
    pub last_death: Option<String>,
    /// The most deaths of one message from this queue for this reason (x-death count), and the
    /// most replays by evctl.
    pub max_death_count: i64,
    pub max_replays: i64,
    /// Up to three samples: message id (or position) and the start of the body.
    pub samples: Vec<String>,
}

/// `dlq inspect` of a queue.
#[derive(Debug, Clone, Serialize)]
pub struct DlxInspection {
    pub queue: String,
    /// Messages in the queue when it was read.
    pub messages: u64,
    /// Messages read (all of them, or --max).
    pub read: u64,
    /// Of them, without an `x-death` header (not dead-lettered by the broker).
    pub not_dead_lettered: u64,
    /// Of them, delivered before (read by an earlier inspect, or returned by a consumer).
    pub redelivered: u64,
    /// Reading counts as a delivery: they come back marked redelivered (and a quorum queue
    /// counts it towards its delivery limit).
    pub note: String,
    pub groups: Vec<DeathGroup>,
}

/// Reads up to `max` messages of the queue without acknowledging any, and groups them by the
/// latest death's reason, queue, exchange and routing keys.
pub async fn inspect(a: &Amqp, queue: &str, max: u64) -> anyhow::Result<DlxInspection> {
    // nothing is acknowledged: the window holds what is read (at most --read-max)
    let window = depth(a, queue).await?.min(max).clamp(1, 65535) as u16;
    let (ch, mut consumer, total) = consume(a, queue, window).await?;
    let limit = total.min(max);
    let mut groups: BTreeMap<(String, String, String, Vec<String>), DeathGroup> = BTreeMap::new();
    let mut out = DlxInspection {
        queue: queue.to_string(),
        messages: total,
        read: 0,
        not_dead_lettered: 0,
        redelivered: 0,
        note: "reading is a delivery: the messages go back unacknowledged, marked redelivered; a quorum queue counts it towards its delivery limit".into(),
        groups: Vec::new(),
    };
    let mut held = Vec::new();
    while out.read < limit {
        let Some(l) = next(&mut consumer, a, IDLE).await? else {
            break;
        };
        out.read += 1;
        out.redelivered += u64::from(l.redelivered);
        let Some(d) = l.deaths.first().cloned() else {
            out.not_dead_lettered += 1;
            held.push(l.acker);
            continue;
        };
        let when = d.time.map(|t| format_rfc3339(t * 1000));
        let g = groups
            .entry((
                d.reason.clone(),
                d.queue.clone(),
                d.exchange.clone(),
                d.routing_keys.clone(),
            ))
            .or_insert_with(|| DeathGroup {
                reason: d.reason.clone(),
                original_queue: d.queue.clone(),
                exchange: d.exchange.clone(),
                routing_keys: d.routing_keys.clone(),
                count: 0,
                first_death: when.clone(),
                last_death: when.clone(),
                max_death_count: 0,
                max_replays: 0,
                samples: Vec::new(),
            });
        g.count += 1;
        if when < g.first_death || g.first_death.is_none() {
            g.first_death = when.clone();
        }
        if when > g.last_death {
            g.last_death = when;
        }
        g.max_death_count = g.max_death_count.max(d.count);
        g.max_replays = g.max_replays.max(l.replays());
        if g.samples.len() < 3 {
            let id = l
                .props
                .message_id()
                .as_ref()
                .map(|m| m.as_str().to_string());
            let body: String = String::from_utf8_lossy(&l.body).chars().take(80).collect();
            g.samples.push(format!(
                "{}: {body}",
                id.unwrap_or_else(|| format!("#{}", out.read))
            ));
        }
        held.push(l.acker);
    }
    // closing the channel returns every message unacknowledged, in order
    let _ = ch.close(200, "evctl inspect done".into()).await;
    drop(held);
    let mut groups: Vec<DeathGroup> = groups.into_values().collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    out.groups = groups;
    Ok(out)
}

/// What `dlq replay` and `dlq drain` do.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Unacknowledged messages at most (the window a crash can repeat).
    pub prefetch: u16,
    pub max: Option<u64>,
    pub rate: Option<f64>,
    pub dry_run: bool,
    /// Publish here instead of the exchange `x-death` names.
    pub to_exchange: Option<String>,
    /// With this routing key instead of the original ones.
    pub routing_key: Option<String>,
    /// Messages replayed more often than this go to the parking queue.
    pub max_replays: i64,
    /// Where they go [default: `<QUEUE>.parked`].
    pub parking_queue: Option<String>,
    /// Acknowledge matching messages without republishing them.
    pub drain: bool,
}

impl RunOptions {
    /// The options of `dlq replay`.
    pub fn replay(r: &crate::dlq::flags::ReplayArgs) -> anyhow::Result<RunOptions> {
        if r.to.is_some() {
            return Err(crate::error::usage(
                "for a RabbitMQ queue, give --to-exchange and --routing-key",
            ));
        }
        let f = &r.selection.amqp;
        for (what, v) in [
            ("--to-exchange", &f.to_exchange),
            ("--routing-key", &f.routing_key),
        ] {
            if let Some(v) = v {
                super::short(what, v)?;
            }
        }
        Ok(RunOptions {
            prefetch: f.prefetch,
            max: r.max,
            rate: r.rate,
            dry_run: r.dry_run,
            to_exchange: f.to_exchange.clone(),
            routing_key: f.routing_key.clone(),
            max_replays: i64::from(r.max_replays),
            parking_queue: r.parking_topic.clone(),
            drain: false,
        })
    }

    /// The options of `dlq drain`.
    pub fn drain(d: &crate::dlq::flags::DrainArgs) -> RunOptions {
        RunOptions {
            prefetch: d.selection.amqp.prefetch,
            dry_run: d.dry_run,
            drain: true,
            ..RunOptions::default()
        }
    }
}

/// Where one message goes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Route {
    pub exchange: String,
    pub routing_key: String,
}

/// The report of a replay or drain.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DlxReport {
    /// `replay` or `drain`.
    pub action: String,
    pub queue: String,
    /// Messages in the queue at the start.
    pub messages: u64,
    pub looked_at: u64,
    pub selected: u64,
    /// Republished and confirmed, then acknowledged (replay), or acknowledged (drain).
    pub done: u64,
    /// Sent to the parking queue (over --max-replays).
    pub parked: u64,
    /// Left in the queue: not selected.
    pub not_selected: u64,
    /// Left in the queue: returned as unroutable, refused by the broker, or without a route.
    pub failed: u64,
    /// Confirmed copies whose acknowledgement may not have reached the broker (the run was cut):
    /// these can be delivered twice.
    pub maybe_duplicated: u64,
    /// Messages per destination.
    pub routes: BTreeMap<String, u64>,
    pub errors: Vec<String>,
    pub notes: Vec<String>,
    pub dry_run: bool,
    pub interrupted: bool,
}

impl DlxReport {
    fn error(&mut self, e: String) {
        if self.errors.len() < 10 {
            self.errors.push(e);
        }
    }
}

/// The destination of a message: the overrides, else its latest death's exchange and routing
/// keys (the first as the routing key, the others in `CC`, as the broker routed it).
fn route(l: &Letter, o: &RunOptions) -> Option<(Route, Vec<String>)> {
    let d = l.deaths.first();
    let exchange = o
        .to_exchange
        .clone()
        .or_else(|| d.map(|d| d.exchange.clone()))?;
    let mut keys = match (&o.routing_key, d) {
        (Some(k), _) => vec![k.clone()],
        (None, Some(d)) if !d.routing_keys.is_empty() => d.routing_keys.clone(),
        (None, _) => vec![l.routing_key.clone()],
    };
    let first = keys.remove(0);
    Some((
        Route {
            exchange,
            routing_key: first,
        },
        keys,
    ))
}

/// The properties of the republished copy: the original's, without the broker's `x-` headers,
/// with evctl's replay count and the extra routing keys in `CC`.
fn republished(l: &Letter, cc: &[String], replays: i64) -> BasicProperties {
    let mut h = FieldTable::default();
    if let Some(old) = l.headers() {
        for (k, v) in old.inner() {
            if !broker_owned(k.as_str()) && k.as_str() != "CC" {
                h.insert(k.clone(), v.clone());
            }
        }
    }
    h.insert(
        ShortString::from(REPLAY_COUNT),
        AMQPValue::LongLongInt(replays),
    );
    if !cc.is_empty() {
        let keys: Vec<AMQPValue> = cc
            .iter()
            .map(|k| AMQPValue::LongString(LongString::from(k.as_str())))
            .collect();
        h.insert(
            ShortString::from("CC"),
            AMQPValue::FieldArray(FieldArray::from(keys)),
        );
    }
    l.props.clone().with_headers(h)
}

/// A copy in flight: the dead letter's acker, the confirm, where it went.
struct Flight {
    acker: Acker,
    confirm: PublisherConfirm,
    route: String,
    parked: bool,
    /// The copy's exchange, routing key and body, hashed: lapin hands a returned message to
    /// whichever confirm completes, so a return is matched to its copy by this.
    print: u64,
    /// The confirm, once it came.
    result: Option<lapin::Result<Confirmation>>,
}

/// The fingerprint of a message as published (or returned).
fn fingerprint(exchange: &str, routing_key: &str, body: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (exchange, routing_key, body).hash(&mut h);
    h.finish()
}

/// Counts the returned message a confirm carries (whichever copy it belongs to).
fn count_return(
    returned: &mut std::collections::HashMap<u64, u32>,
    res: &lapin::Result<Confirmation>,
) {
    if let Ok(Confirmation::Ack(Some(ret)) | Confirmation::Nack(Some(ret))) = res {
        let d = &ret.delivery;
        let print = fingerprint(d.exchange.as_str(), d.routing_key.as_str(), &d.data);
        *returned.entry(print).or_default() += 1;
    }
}

/// Copies in flight, and the returned messages seen, by fingerprint.
#[derive(Default)]
struct Flights {
    queue: VecDeque<Flight>,
    returned: std::collections::HashMap<u64, u32>,
}

impl Flights {
    /// Takes every confirm that already came (of any copy: a multiple confirm completes many at
    /// once, in no order) and counts the returned messages they carry.
    fn sweep(&mut self) {
        use futures_util::FutureExt;
        for f in self.queue.iter_mut().filter(|f| f.result.is_none()) {
            if let Some(res) = (&mut f.confirm).now_or_never() {
                count_return(&mut self.returned, &res);
                f.result = Some(res);
            }
        }
    }

    /// Whether the oldest copy's confirm came (taken when it did): only then can anything be
    /// settled, so the sweep over every copy waits for it.
    fn front_ready(&mut self) -> bool {
        use futures_util::FutureExt;
        let Some(f) = self.queue.front_mut() else {
            return false;
        };
        if f.result.is_none()
            && let Some(res) = (&mut f.confirm).now_or_never()
        {
            count_return(&mut self.returned, &res);
            f.result = Some(res);
        }
        f.result.is_some()
    }

    /// Waits for the oldest copy's confirm.
    async fn wait_front(&mut self) {
        if let Some(f) = self.queue.front_mut()
            && f.result.is_none()
        {
            let res = (&mut f.confirm).await;
            f.result = Some(res);
            if let Some(res) = self.queue.front().and_then(|f| f.result.as_ref()) {
                count_return(&mut self.returned, res);
            }
        }
        self.sweep();
    }

    /// Settles the copies at the front whose confirms came, in order: a dead letter whose copy
    /// was confirmed and not returned joins `acks`; one returned, refused or in doubt stays.
    fn settle_front(&mut self, r: &mut DlxReport, held: &mut Vec<Acker>, acks: &mut Vec<Acker>) {
        while self.queue.front().is_some_and(|f| f.result.is_some()) {
            let f = self.queue.pop_front().expect("a front");
            let returned = self.returned.get_mut(&f.print).filter(|n| **n > 0);
            let why = match (f.result.expect("checked"), returned) {
                (Err(e), _) => Some(format!("RabbitMQ: {e}; the message stays in the DLQ")),
                (Ok(Confirmation::Ack(_)), Some(n)) => {
                    *n -= 1;
                    Some(format!(
                        "returned as unroutable: no queue is bound for {}; the message stays in the DLQ",
                        f.route
                    ))
                }
                (Ok(Confirmation::Ack(_)), None) => None,
                (Ok(_), _) => Some(format!(
                    "the broker refused the copy for {}; the message stays in the DLQ",
                    f.route
                )),
            };
            match why {
                None => {
                    acks.push(f.acker);
                    r.done += 1;
                    r.parked += u64::from(f.parked);
                }
                Some(e) => {
                    r.failed += 1;
                    r.error(e);
                    held.push(f.acker);
                }
            }
        }
    }
}

/// Replays (or drains) the queue's dead letters.
pub async fn run(
    a: &Amqp,
    queue: &str,
    sel: &Select,
    o: &RunOptions,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<DlxReport> {
    // a dry run acknowledges nothing: its window must hold every message it looks at
    let prefetch = if o.dry_run {
        depth(a, queue).await?.clamp(1, 65535) as u16
    } else {
        o.prefetch.max(1)
    };
    let (ch, mut consumer, total) = consume(a, queue, prefetch).await?;
    let out = a
        .conn
        .create_channel()
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    out.confirm_select(ConfirmSelectOptions::default())
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let parking = o
        .parking_queue
        .clone()
        .unwrap_or_else(|| format!("{queue}.parked"));
    let mut r = DlxReport {
        action: if o.drain { "drain" } else { "replay" }.into(),
        queue: queue.to_string(),
        messages: total,
        dry_run: o.dry_run,
        ..DlxReport::default()
    };
    let limit = o.max.map_or(total, |m| m.min(total));
    let mut held: Vec<Acker> = Vec::new();
    let mut parking_ready = false;
    // dead letters whose copies were confirmed, to acknowledge
    let mut acks: Vec<Acker> = Vec::new();
    let mut flights = Flights::default();
    let started = Instant::now();
    tokio::pin!(stop);
    while r.selected < limit && r.looked_at < total {
        if held.len() >= usize::from(prefetch) {
            r.notes.push(format!(
                "{} messages left in place (not selected, or failed) filled the prefetch window of {prefetch}: the run stopped there (raise --prefetch)",
                held.len()
            ));
            break;
        }
        let l = tokio::select! {
            biased;
            _ = stop.as_mut() => { r.interrupted = true; break; }
            l = next(&mut consumer, a, IDLE) => l?,
        };
        let Some(l) = l else { break };
        r.looked_at += 1;
        if !sel.matches(queue, &l) {
            r.not_selected += 1;
            held.push(l.acker);
            if held.len() >= usize::from(prefetch) {
                r.notes.push(format!(
                    "{} messages left in place filled the prefetch window of {prefetch}: the run stopped there (raise --prefetch)",
                    held.len()
                ));
                break;
            }
            continue;
        }
        r.selected += 1;
        if o.drain {
            if !o.dry_run {
                l.acker
                    .ack(BasicAckOptions::default())
                    .await
                    .map_err(|e| failure(&a.addr, &e))?;
                r.done += 1;
            } else {
                held.push(l.acker);
            }
            continue;
        }
        let replays = l.replays() + 1;
        let parked = replays > o.max_replays;
        let dest = if parked {
            Some((
                Route {
                    exchange: String::new(),
                    routing_key: parking.clone(),
                },
                Vec::new(),
            ))
        } else {
            route(&l, o)
        };
        if parked && !parking_ready {
            ensure_queue(a, &parking).await?;
            parking_ready = true;
        }
        let Some((dest, cc)) = dest else {
            r.failed += 1;
            r.error(
                "a message without x-death has no exchange to go back to: give --to-exchange"
                    .into(),
            );
            held.push(l.acker);
            continue;
        };
        let name = if dest.exchange.is_empty() {
            format!("(default) -> {}", dest.routing_key)
        } else {
            format!("{} -> {}", dest.exchange, dest.routing_key)
        };
        *r.routes.entry(name.clone()).or_default() += 1;
        if o.dry_run {
            held.push(l.acker);
            continue;
        }
        let props = republished(&l, &cc, replays);
        let confirm = out
            .basic_publish(
                dest.exchange.as_str().into(),
                dest.routing_key.as_str().into(),
                BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                },
                &l.body,
                props,
            )
            .await
            .map_err(|e| failure(&a.addr, &e))?;
        flights.queue.push_back(Flight {
            acker: l.acker,
            confirm,
            route: name,
            parked,
            print: fingerprint(&dest.exchange, &dest.routing_key, &l.body),
            result: None,
        });
        // what the broker confirmed is acknowledged at once; a full window (copies in flight and
        // messages held back) is settled by half: acknowledgements go out in a burst, and the
        // broker sends the next deliveries in one (one at a time would cost a round trip each)
        if flights.front_ready() {
            flights.sweep();
            flights.settle_front(&mut r, &mut held, &mut acks);
        }
        if flights.queue.len() + held.len() >= usize::from(prefetch) {
            let keep = flights.queue.len() / 2;
            while flights.queue.len() > keep {
                flights.wait_front().await;
                flights.settle_front(&mut r, &mut held, &mut acks);
            }
        }
        ack(a, &mut acks, held.is_empty()).await?;
        if let Some(rate) = o.rate {
            let due = Duration::from_secs_f64(r.selected as f64 / rate);
            tokio::time::sleep(due.saturating_sub(started.elapsed())).await;
        }
    }
    while !flights.queue.is_empty() {
        flights.wait_front().await;
        flights.settle_front(&mut r, &mut held, &mut acks);
    }
    ack(a, &mut acks, held.is_empty()).await?;
    // what was not taken goes back, in place
    let _ = ch.close(200, "evctl done".into()).await;
    let _ = out.close(200, "evctl done".into()).await;
    drop(held);
    if r.parked > 0 {
        r.notes.push(format!(
            "{} message(s) replayed more than {} times went to the queue {parking}",
            r.parked, o.max_replays
        ));
    }
    Ok(r)
}

/// Acknowledges the dead letters of confirmed copies: with one `multiple` acknowledgement of the
/// last when nothing before it is held back (deliveries are acknowledged in order), else one by one.
async fn ack(a: &Amqp, acks: &mut Vec<Acker>, nothing_held: bool) -> anyhow::Result<()> {
    let Some(last) = acks.last() else {
        return Ok(());
    };
    if nothing_held {
        let multiple = BasicAckOptions { multiple: true };
        last.ack(multiple).await.map_err(|e| failure(&a.addr, &e))?;
    } else {
        for k in acks.iter() {
            k.ack(BasicAckOptions::default())
                .await
                .map_err(|e| failure(&a.addr, &e))?;
        }
    }
    acks.clear();
    Ok(())
}

/// Makes sure a queue exists (declared durable, with no arguments, when it does not).
async fn ensure_queue(a: &Amqp, name: &str) -> anyhow::Result<()> {
    let ch = a
        .conn
        .create_channel()
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let passive = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    if ch
        .queue_declare(name.into(), passive, FieldTable::default())
        .await
        .is_ok()
    {
        let _ = ch.close(200, "evctl done".into()).await;
        return Ok(());
    }
    // a failed passive declare closed that channel
    let ch = a
        .conn
        .create_channel()
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let durable = QueueDeclareOptions {
        durable: true,
        ..QueueDeclareOptions::default()
    };
    ch.queue_declare(name.into(), durable, FieldTable::default())
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let _ = ch.close(200, "evctl done".into()).await;
    Ok(())
}

/// Deletes every message of the queue (queue.purge); the number deleted.
pub async fn purge(a: &Amqp, queue: &str) -> anyhow::Result<u32> {
    let ch = a
        .conn
        .create_channel()
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let n = ch
        .queue_purge(queue.into(), QueuePurgeOptions::default())
        .await
        .map_err(|e| not_found(a, "queue", queue, &e))?;
    let _ = ch.close(200, "evctl purge done".into()).await;
    Ok(n)
}

/// The messages a queue holds now.
pub async fn depth(a: &Amqp, queue: &str) -> anyhow::Result<u64> {
    let (ch, q) = passive(a, queue).await?;
    let _ = ch.close(200, "evctl done".into()).await;
    Ok(u64::from(q.message_count()))
}

/// A channel and the queue's state from a passive declare (no such queue: a usage error).
async fn passive(a: &Amqp, queue: &str) -> anyhow::Result<(Channel, lapin::Queue)> {
    let ch = a
        .conn
        .create_channel()
        .await
        .map_err(|e| failure(&a.addr, &e))?;
    let opts = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    let q = ch
        .queue_declare(
            super::short("the queue", queue)?,
            opts,
            FieldTable::default(),
        )
        .await
        .map_err(|e| not_found(a, "queue", queue, &e))?;
    Ok((ch, q))
}

impl crate::output::Render for DlxInspection {
    fn table(&self, s: &crate::output::Styles) -> String {
        use crate::output::{Cell, sanitize, table_string};
        let mut out = format!(
            "{} {}: {} message(s), {} read, {} without x-death\n",
            s.bold("Dead letters in"),
            sanitize(&self.queue),
            self.messages,
            self.read,
            self.not_dead_lettered
        );
        if !self.groups.is_empty() {
            let mut t = s.table(&[
                "COUNT",
                "REASON",
                "ORIGINAL-QUEUE",
                "EXCHANGE",
                "ROUTING-KEYS",
                "FIRST-DEATH",
                "LAST-DEATH",
                "DEATHS",
                "REPLAYS",
                "SAMPLE",
            ]);
            for g in &self.groups {
                t.add_row(vec![
                    Cell::new(g.count),
                    Cell::new(sanitize(&g.reason)),
                    Cell::new(sanitize(&g.original_queue)),
                    Cell::new(sanitize(&g.exchange)),
                    Cell::new(sanitize(&g.routing_keys.join(","))),
                    Cell::new(g.first_death.as_deref().unwrap_or("-")),
                    Cell::new(g.last_death.as_deref().unwrap_or("-")),
                    Cell::new(g.max_death_count),
                    Cell::new(g.max_replays),
                    Cell::new(sanitize(
                        g.samples.first().map(String::as_str).unwrap_or(""),
                    )),
                ]);
            }
            out.push('\n');
            out.push_str(&table_string(&t));
        }
        out.push_str(&format!("note: {}\n", self.note));
        out
    }
}

impl crate::output::Render for DlxReport {
    fn table(&self, s: &crate::output::Styles) -> String {
        use crate::output::sanitize;
        let verb = match (self.action.as_str(), self.dry_run) {
            ("replay", true) => "would replay",
            ("replay", false) => "replayed",
            (_, true) => "would drain",
            (_, false) => "drained",
        };
        let n = if self.dry_run {
            self.selected
        } else {
            self.done
        };
        let mut out = format!(
            "{} {n} of {} message(s) in {} ({} looked at, {} not selected",
            s.bold(verb),
            self.messages,
            sanitize(&self.queue),
            self.looked_at,
            self.not_selected
        );
        if self.failed > 0 {
            out.push_str(&format!(", {} failed and left in the queue", self.failed));
        }
        if self.parked > 0 {
            out.push_str(&format!(", {} parked", self.parked));
        }
        out.push_str(")\n");
        for (route, n) in &self.routes {
            out.push_str(&format!("  {n:>8}  {}\n", sanitize(route)));
        }
        for n in &self.notes {
            out.push_str(&format!("note: {}\n", sanitize(n)));
        }
        if self.interrupted {
            out.push_str(&s.warn("interrupted: what was not confirmed stays in the queue\n"));
        }
        out
    }
}
