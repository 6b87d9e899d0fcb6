//! Publishing to RabbitMQ through the seam (`transport::Sink`): every message on a confirm channel
//! with `mandatory`, so an unroutable or refused message is a failed delivery, never a silent drop.
//!
//! The mapping of a record (documented in README.md, and the reverse of what `tail` writes):
//! - the value is the body; a null value an empty body;
//! - `publish EXCHANGE`: the routing key is `--routing-key`, else the record's key (else empty);
//!   `publish QUEUE` (no exchange of that name): the default exchange with the queue's name as
//!   the routing key, and a record's key in the header `evctl-key`;
//! - headers named `amqp.<property>` set that property (`content_type`, `content_encoding`,
//!   `message_id`, `correlation_id`, `reply_to`, `expiration`, `type`, `user_id`, `app_id`,
//!   `priority`, `delivery_mode`); the other headers are AMQP headers (long strings; a null value
//!   is void; a repeated name keeps its last value, as a field table holds one per name);
//! - `timestamp` is the record's time in seconds (AMQP's resolution); `delivery_mode` is 2
//!   (persistent) unless a header says otherwise; a JSON object value with an `id` (the event
//!   envelope) gives `message_id`, and its `correlation_id` the property of that name, when the
//!   headers do not.

use std::collections::VecDeque;

use bytes::Bytes;
use lapin::options::{
    BasicPublishOptions, ConfirmSelectOptions, ExchangeDeclareOptions, QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, ExchangeKind, PublisherConfirm};

use super::{Amqp, failure};
use crate::record::{Message, Place};
use crate::transport::{Delivery, Sink};

/// Confirms awaited at most at once.
const WINDOW: usize = 1000;

/// The header a record's key goes to when the routing key is a queue's name.
pub const KEY_HEADER: &str = "evctl-key";

/// Where messages go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An exchange, with a fixed routing key or each record's key.
    Exchange {
        name: String,
        routing_key: Option<String>,
    },
    /// A queue, through the default exchange.
    Queue(String),
}

/// The RabbitMQ flags of `publish`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PublishFlags {
    /// RabbitMQ: the routing key of every message (the target is then an exchange); without it
    /// a record's key is the routing key, or the target is a queue
    #[arg(long, value_name = "KEY", help_heading = "RabbitMQ")]
    pub routing_key: Option<String>,
}

/// A RabbitMQ sink.
pub struct AmqpSink {
    /// The connection, when the sink opened it (its channels live as long as it does).
    _conn: Option<Amqp>,
    ch: Channel,
    addr: String,
    target: Target,
    /// The properties of the record `refuse` accepted, for `send`.
    ready: Option<BasicProperties>,
    flights: VecDeque<(u64, usize, String, PublisherConfirm)>,
    deliveries: Vec<Delivery>,
}

impl AmqpSink {
    /// A sink to `name`: the exchange of that name (with `--routing-key`, which then must name
    /// one), else the queue of that name; neither is an error before anything is sent.
    pub async fn new(
        a: &Amqp,
        name: &str,
        routing_key: Option<String>,
    ) -> anyhow::Result<AmqpSink> {
        super::short("the exchange or queue", name)?;
        if let Some(k) = &routing_key {
            super::short("--routing-key", k)?;
        }
        let passive = |ch: &Channel, kind: &'static str| {
            let ch = ch.clone();
            let name = name.to_string();
            async move {
                match kind {
                    "exchange" => ch
                        .exchange_declare(
                            name.as_str().into(),
                            ExchangeKind::Direct,
                            ExchangeDeclareOptions {
                                passive: true,
                                ..Default::default()
                            },
                            FieldTable::default(),
                        )
                        .await
                        .is_ok(),
                    _ => ch
                        .queue_declare(
                            name.as_str().into(),
                            QueueDeclareOptions {
                                passive: true,
                                ..Default::default()
                            },
                            FieldTable::default(),
                        )
                        .await
                        .is_ok(),
                }
            }
        };
        // a failed passive declare closes its channel: one throwaway channel per question
        let probe = a
            .conn
            .create_channel()
            .await
            .map_err(|e| failure(&a.addr, &e))?;
        let target = if name.is_empty() || passive(&probe, "exchange").await {
            Target::Exchange {
                name: name.to_string(),
                routing_key,
            }
        } else if routing_key.is_some() {
            return Err(crate::error::usage(format!(
                "no exchange {name:?} on RabbitMQ at {} (--routing-key names an exchange's key)",
                a.addr
            )));
        } else {
            let probe = a
                .conn
                .create_channel()
                .await
                .map_err(|e| failure(&a.addr, &e))?;
            if !passive(&probe, "queue").await {
                return Err(crate::error::usage(format!(
                    "no exchange or queue {name:?} on RabbitMQ at {}",
                    a.addr
                )));
            }
            let _ = probe.close(200, "evctl".into()).await;
            Target::Queue(name.to_string())
        };
        let ch = a
            .conn
            .create_channel()
            .await
            .map_err(|e| failure(&a.addr, &e))?;
        ch.confirm_select(ConfirmSelectOptions::default())
            .await
            .map_err(|e| failure(&a.addr, &e))?;
        Ok(AmqpSink {
            _conn: None,
            ch,
            addr: a.addr.clone(),
            target,
            ready: None,
            flights: VecDeque::new(),
            deliveries: Vec::new(),
        })
    }

    /// Connects and opens the sink of `publish` (which has no partitions on RabbitMQ).
    pub async fn open(
        o: &super::AmqpOptions,
        partition: Option<i32>,
        name: &str,
        flags: &PublishFlags,
    ) -> anyhow::Result<AmqpSink> {
        if partition.is_some() {
            return Err(crate::error::usage(
                "--partition is for Kafka topics, not RabbitMQ",
            ));
        }
        let a = super::connect(o).await?;
        let mut sink = AmqpSink::new(&a, name, flags.routing_key.clone()).await?;
        sink._conn = Some(a);
        Ok(sink)
    }

    /// Waits for the oldest confirm.
    async fn settle_one(&mut self) {
        let Some((id, size, route, confirm)) = self.flights.pop_front() else {
            return;
        };
        let error = match confirm.await {
            Ok(Confirmation::Ack(None)) => None,
            Ok(Confirmation::Ack(Some(ret))) => Some(format!(
                "returned as unroutable ({} {}): no queue is bound for {route}",
                ret.reply_code,
                ret.reply_text.as_str()
            )),
            Ok(_) => Some(format!("the broker refused the message for {route} (nack)")),
            Err(e) => Some(failure(&self.addr, &e).to_string()),
        };
        self.deliveries.push(Delivery {
            ids: vec![id],
            bytes: size,
            at: None,
            error,
        });
    }
}

/// The AMQP properties and headers of a record (the module's mapping).
pub fn properties(msg: &Message, key_header: bool) -> Result<BasicProperties, String> {
    let too_long = |what: &str, s: &str| {
        (s.len() > 255).then(|| format!("{what} is {} bytes: AMQP allows 255", s.len()))
    };
    for (name, value) in &msg.headers {
        if let Some(e) = too_long(&format!("the header name {name:?}"), name) {
            return Err(e);
        }
        if name.starts_with("amqp.")
            && let Some(v) = value
            && let Some(e) = too_long(&format!("the value of {name}"), &String::from_utf8_lossy(v))
        {
            return Err(e);
        }
    }
    let mut p = BasicProperties::default()
        .with_delivery_mode(2)
        .with_timestamp((msg.timestamp.max(0) / 1000) as u64);
    let mut h = FieldTable::default();
    let has = |k: &str| msg.headers.iter().any(|(n, _)| n == k);
    let (has_id, has_corr) = (has("amqp.message_id"), has("amqp.correlation_id"));
    for (name, value) in &msg.headers {
        let text = value
            .as_ref()
            .map(|v| String::from_utf8_lossy(v).into_owned());
        let Some(prop) = name.strip_prefix("amqp.") else {
            let v = value.as_ref().map_or(AMQPValue::Void, |v| {
                AMQPValue::LongString(LongString::from(v.to_vec()))
            });
            h.insert(ShortString::from(name.as_str()), v);
            continue;
        };
        let Some(t) = text else { continue };
        let short = || ShortString::from(t.as_str());
        p = match prop {
            "content_type" => p.with_content_type(short()),
            "content_encoding" => p.with_content_encoding(short()),
            "message_id" => p.with_message_id(short()),
            "correlation_id" => p.with_correlation_id(short()),
            "reply_to" => p.with_reply_to(short()),
            "expiration" => p.with_expiration(short()),
            "type" => p.with_type(short()),
            "user_id" => p.with_user_id(short()),
            "app_id" => p.with_app_id(short()),
            "priority" => t.parse().map_or(p.clone(), |n| p.clone().with_priority(n)),
            "delivery_mode" => t
                .parse()
                .map_or(p.clone(), |n| p.clone().with_delivery_mode(n)),
            "timestamp" => t.parse().map_or(p.clone(), |n| p.clone().with_timestamp(n)),
            // an unknown property name stays a header, as given
            _ => {
                h.insert(
                    ShortString::from(name.as_str()),
                    AMQPValue::LongString(LongString::from(t.as_bytes().to_vec())),
                );
                p
            }
        };
    }
    // the event envelope's id and correlation id
    if (!has_id || !has_corr)
        && let Some(v) = msg.value.as_deref()
        && v.first() == Some(&b'{')
        && let Ok(serde_json::Value::Object(o)) = serde_json::from_slice::<serde_json::Value>(v)
    {
        if !has_id
            && let Some(id) = o
                .get("id")
                .and_then(|i| i.as_str())
                .filter(|i| i.len() <= 255)
        {
            p = p.with_message_id(ShortString::from(id));
        }
        if !has_corr
            && let Some(c) =
                (o.get("correlation_id").and_then(|i| i.as_str())).filter(|c| c.len() <= 255)
        {
            p = p.with_correlation_id(ShortString::from(c));
        }
    }
    if key_header && let Some(k) = &msg.key {
        h.insert(
            ShortString::from(KEY_HEADER),
            AMQPValue::LongString(LongString::from(k.to_vec())),
        );
    }
    if !h.inner().is_empty() {
        p = p.with_headers(h);
    }
    Ok(p)
}

impl Sink for AmqpSink {
    async fn refuse(&mut self, place: Option<Place>, msg: &Message) -> Option<String> {
        if let Some(Place::Partition(_)) | Some(Place::Id(_)) = place {
            return Some("a partition or stream id has no meaning for RabbitMQ".into());
        }
        if let Target::Exchange {
            routing_key: None, ..
        } = &self.target
            && msg.key.as_ref().is_some_and(|k| k.len() > 255)
        {
            return Some("the key is longer than 255 bytes: too long for a routing key".into());
        }
        match properties(msg, matches!(self.target, Target::Queue(_))) {
            Ok(p) => {
                self.ready = Some(p);
                None
            }
            Err(e) => Some(e),
        }
    }

    async fn send(&mut self, id: u64, _place: Option<Place>, msg: Message) -> anyhow::Result<()> {
        let (exchange, key, key_header) = match &self.target {
            Target::Exchange { name, routing_key } => {
                let k = routing_key.clone().unwrap_or_else(|| {
                    msg.key
                        .as_deref()
                        .map(|k| String::from_utf8_lossy(k).into_owned())
                        .unwrap_or_default()
                });
                (name.clone(), k, false)
            }
            Target::Queue(q) => (String::new(), q.clone(), true),
        };
        let props = match self.ready.take() {
            Some(p) => p,
            None => properties(&msg, key_header)
                .map_err(|e| crate::error::usage(format!("line {id}: {e}")))?,
        };
        let body: Bytes = msg.value.unwrap_or_default();
        let confirm = self
            .ch
            .basic_publish(
                exchange.as_str().into(),
                key.as_str().into(),
                BasicPublishOptions {
                    mandatory: true,
                    ..Default::default()
                },
                &body,
                props,
            )
            .await
            .map_err(|e| failure(&self.addr, &e))?;
        let route = if exchange.is_empty() {
            format!("queue {key}")
        } else {
            format!("{exchange} -> {key}")
        };
        self.flights.push_back((id, body.len(), route, confirm));
        while self.flights.len() >= WINDOW {
            self.settle_one().await;
        }
        Ok(())
    }

    async fn tick(&mut self) -> anyhow::Result<()> {
        if self.flights.is_empty() {
            std::future::pending::<()>().await;
        }
        self.settle_one().await;
        Ok(())
    }

    async fn flush(&mut self) -> anyhow::Result<()> {
        while !self.flights.is_empty() {
            self.settle_one().await;
        }
        Ok(())
    }

    fn take_deliveries(&mut self) -> Vec<Delivery> {
        std::mem::take(&mut self.deliveries)
    }

    fn idempotent(&self) -> bool {
        false
    }
}
