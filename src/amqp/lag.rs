//! Lag of RabbitMQ queues, as the neutral report of `crate::lag`: per queue the ready messages as
//! the lag, the unacknowledged ones as pending, the consumers as members, the head message's age
//! as the time lag, and the publish and deliver rates, from the management API
//! (`GET /api/queues/{vhost}`, `--rabbit-api`). Without the API, named queues are still reported
//! from `queue.declare` (ready messages and consumers only). A queue has no offsets: the group's
//! status comes from its depth, never from a fake committed offset.

use serde::Deserialize;

use super::Amqp;
use crate::error::usage_hint;
use crate::lag::{GroupLag, LagReport, Member, PartitionLag, Quality, Selection, sort_worst_first};
use crate::record::time::now_ms;

/// The management API of the server (HTTP basic auth with the AMQP user and password).
#[derive(Clone)]
pub struct Api {
    http: reqwest::Client,
    base: String,
    user: String,
    password: String,
}

impl Api {
    /// A client of the API at `url` (`http://host:15672`).
    pub fn new(
        url: &str,
        user: &str,
        password: &str,
        timeout: std::time::Duration,
    ) -> anyhow::Result<Api> {
        let base = url.trim_end_matches('/').to_string();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(crate::error::usage(format!(
                "--rabbit-api {base:?} must start with http:// or https://"
            )));
        }
        let tls = crate::tls::client_config(&crate::tls::TlsOptions::default())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .timeout(timeout)
            .connect_timeout(timeout)
            .build()?;
        Ok(Api {
            http,
            base,
            user: user.to_string(),
            password: password.to_string(),
        })
    }

    async fn get<T: for<'de> Deserialize<'de>>(&self, path: &str) -> anyhow::Result<T> {
        let url = format!("{}{path}", self.base);
        let resp = self
            .http
            .get(&url)
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .await
            .map_err(|e| {
                usage_hint(
                    format!("the RabbitMQ management API at {} does not answer: {e}", self.base),
                    "enable it (rabbitmq-plugins enable rabbitmq_management) and give its URL with --rabbit-api",
                )
            })?;
        let status = resp.status();
        if !status.is_success() {
            let hint = match status.as_u16() {
                401 => {
                    "check the user in the AMQP URL and EVCTL_AMQP_PASSWORD (the API takes the same login)"
                }
                404 => "no such queue or vhost",
                _ => "see the server's log",
            };
            return Err(usage_hint(
                format!("the RabbitMQ management API answered {status} for {path}"),
                hint,
            ));
        }
        Ok(resp.json().await?)
    }
}

#[derive(Debug, Deserialize, Default)]
struct Rate {
    #[serde(default)]
    rate: f64,
}

#[derive(Debug, Deserialize, Default)]
struct Stats {
    #[serde(default)]
    publish_details: Option<Rate>,
    #[serde(default)]
    deliver_get_details: Option<Rate>,
}

#[derive(Debug, Deserialize)]
struct ConsumerDetail {
    #[serde(default)]
    consumer_tag: String,
    #[serde(default)]
    channel_details: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct QueueInfo {
    name: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    messages_ready: Option<i64>,
    #[serde(default)]
    messages_unacknowledged: Option<i64>,
    #[serde(default)]
    consumers: Option<i64>,
    #[serde(default)]
    head_message_timestamp: Option<i64>,
    #[serde(default)]
    message_stats: Option<Stats>,
    #[serde(default)]
    consumer_details: Vec<ConsumerDetail>,
}

/// The vhost of the connection, as the API spells it in a path.
fn vhost_path(a: &Amqp) -> String {
    let v = a
        .addr
        .rsplit_once("(vhost ")
        .map_or("/", |(_, v)| v.trim_end_matches(')'));
    v.replace('%', "%25").replace('/', "%2F")
}

/// Collects the lag of the selected queues.
pub async fn collect(a: &Amqp, api: Option<&Api>, sel: &Selection) -> anyhow::Result<LagReport> {
    let taken_at_ms = now_ms();
    let mut queues: Vec<QueueInfo> = match api {
        Some(api) => {
            let path = format!("/api/queues/{}", vhost_path(a));
            api.get(&path).await?
        }
        None if sel.groups.is_empty() => {
            return Err(usage_hint(
                "listing a RabbitMQ server's queues needs its management API",
                "name the queues (evctl lag QUEUE...), or give --rabbit-api http://HOST:15672",
            ));
        }
        None => {
            let mut out = Vec::new();
            for q in &sel.groups {
                if let Some(info) = declared(a, q).await? {
                    out.push(info);
                }
            }
            out
        }
    };
    queues.retain(|q| {
        (sel.groups.is_empty() || sel.groups.contains(&q.name))
            && sel.pattern.as_ref().is_none_or(|re| re.is_match(&q.name))
            && sel
                .topic
                .as_deref()
                .is_none_or(|t| crate::spec::glob_match(t, &q.name))
    });
    let mut groups: Vec<GroupLag> = queues.iter().map(|q| group(q, taken_at_ms)).collect();
    for g in &sel.groups {
        if !groups.iter().any(|x| &x.group == g) {
            groups.push(GroupLag {
                group: g.clone(),
                state: "Dead".into(),
                group_type: "rabbitmq".into(),
                ..GroupLag::default()
            });
        }
    }
    sort_worst_first(&mut groups);
    Ok(LagReport {
        taken_at_ms,
        groups,
    })
}

/// A queue's depth and consumers from a passive declare; None when it does not exist.
async fn declared(a: &Amqp, q: &str) -> anyhow::Result<Option<QueueInfo>> {
    let ch = a
        .conn
        .create_channel()
        .await
        .map_err(|e| super::failure(&a.addr, &e))?;
    let opts = lapin::options::QueueDeclareOptions {
        passive: true,
        ..Default::default()
    };
    let Ok(d) = ch
        .queue_declare(q.into(), opts, lapin::types::FieldTable::default())
        .await
    else {
        return Ok(None);
    };
    let _ = ch.close(200, "evctl".into()).await;
    Ok(Some(QueueInfo {
        name: q.to_string(),
        kind: None,
        messages_ready: Some(i64::from(d.message_count())),
        messages_unacknowledged: None,
        consumers: Some(i64::from(d.consumer_count())),
        head_message_timestamp: None,
        message_stats: None,
        consumer_details: Vec::new(),
    }))
}

/// One queue as a group with one row.
fn group(q: &QueueInfo, now: i64) -> GroupLag {
    let ready = q.messages_ready.unwrap_or(0);
    let consumers = q.consumers.unwrap_or(0);
    let time_lag = match (ready, q.head_message_timestamp) {
        (0, _) => Some(0),
        (_, Some(t)) => Some((now - t * 1000).max(0)),
        _ => None,
    };
    let row = PartitionLag {
        topic: q.name.clone(),
        partition: None,
        committed: None,
        log_start: 0,
        log_end: ready + q.messages_unacknowledged.unwrap_or(0),
        lag: Some(ready),
        data_loss: false,
        time_lag_ms: time_lag,
        behind_newest_ms: None,
        time_lag_quality: if time_lag.is_some() {
            Quality::Exact
        } else {
            Quality::Unknown
        },
        owner: None,
        status: None,
        pending: q.messages_unacknowledged,
        oldest_pending_ms: None,
    };
    let members = q
        .consumer_details
        .iter()
        .map(|c| Member {
            member_id: c.consumer_tag.clone(),
            client_id: c
                .channel_details
                .as_ref()
                .and_then(|d| d.get("name"))
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string(),
            host: c
                .channel_details
                .as_ref()
                .and_then(|d| d.get("peer_host"))
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string(),
            instance_id: None,
            assignment: Vec::new(),
            pending: None,
            idle_ms: None,
            inactive_ms: None,
            stream: Some(q.name.clone()),
        })
        .collect();
    let state = match (consumers, ready) {
        (c, _) if c > 0 => "Active",
        (_, 0) => "Empty",
        _ => "Idle",
    };
    let rate = |r: Option<&Rate>| r.map(|r| r.rate);
    let stats = q.message_stats.as_ref();
    let mut g = GroupLag {
        group: q.name.clone(),
        exists: true,
        state: state.into(),
        group_type: "rabbitmq".into(),
        protocol_type: q.kind.clone().unwrap_or_else(|| "queue".into()),
        protocol: format!("{consumers} consumer(s)"),
        members,
        partitions: vec![row],
        consume_rate: stats.and_then(|s| rate(s.deliver_get_details.as_ref())),
        publish_rate: stats.and_then(|s| rate(s.publish_details.as_ref())),
        ..GroupLag::default()
    };
    g.sum_partitions();
    g
}
