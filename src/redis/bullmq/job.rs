//! A BullMQ job as its hash holds it (`JobJsonRaw`; next-capabilities.md §5.1): name, data, the
//! options with their short keys decoded, attempts, timestamps, the failure and the parent.

use redis::Value;
use serde::Serialize;

use super::Queue;
use crate::redis::Redis;
use crate::redis::stream::{list as values, pairs};

/// The fields without which a hash is not a job the library wrote.
pub const REQUIRED: &[&str] = &["name", "data", "opts", "timestamp"];

/// The options' short keys and their names (`optsDecodeMap`).
const OPTS_DECODE: &[(&str, &str)] = &[
    ("de", "deduplication"),
    ("fpof", "failParentOnFailure"),
    ("cpof", "continueParentOnFailure"),
    ("idof", "ignoreDependencyOnFailure"),
    ("kl", "keepLogs"),
    ("rdof", "removeDependencyOnFailure"),
];

/// One job.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Job {
    pub id: String,
    pub name: String,
    /// The data: JSON when it parses, else the text as stored.
    pub data: serde_json::Value,
    /// The options with their short keys decoded.
    pub opts: serde_json::Value,
    /// Where the job is now (waiting, failed, ...), when looked up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    pub timestamp: Option<i64>,
    pub processed_on: Option<i64>,
    pub finished_on: Option<i64>,
    pub delay: Option<i64>,
    pub priority: Option<i64>,
    pub attempts_made: i64,
    pub attempts_started: Option<i64>,
    /// `opts.attempts` (1 when not set).
    pub attempts_allowed: i64,
    pub stalled_counter: Option<i64>,
    pub failed_reason: Option<String>,
    pub stacktrace: Vec<String>,
    pub returnvalue: Option<serde_json::Value>,
    pub progress: Option<serde_json::Value>,
    pub parent_key: Option<String>,
    pub parent: Option<serde_json::Value>,
    pub deduplication_id: Option<String>,
    pub repeat_job_key: Option<String>,
    pub processed_by: Option<String>,
    /// The job's log lines (`<job>:logs`), when read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub logs: Vec<String>,
}

impl Job {
    /// The job of an HGETALL reply; None when the hash is empty (no job), an error naming the key
    /// and the missing fields when it is not a job's.
    pub fn parse(q: &Queue, id: &str, reply: &Value) -> Result<Option<Job>, String> {
        let fields = pairs(reply);
        if fields.is_empty() {
            return Ok(None);
        }
        let get = |k: &str| {
            fields
                .iter()
                .find(|(f, _)| f == k.as_bytes())
                .map(|(_, v)| crate::redis::info::text(v))
        };
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|k| get(k).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "{} has no {} field{}: not a job the library wrote",
                q.key(id),
                missing.join(", "),
                if missing.len() == 1 { "" } else { "s" }
            ));
        }
        let int = |k: &str| get(k).and_then(|v| v.parse::<i64>().ok());
        let json = |k: &str| get(k).map(|v| json_or_text(&v));
        let opts = decode_opts(json("opts").unwrap_or_default());
        let attempts_allowed = opts
            .get("attempts")
            .and_then(serde_json::Value::as_i64)
            .filter(|a| *a > 0)
            .unwrap_or(1);
        let stacktrace = match json("stacktrace") {
            Some(serde_json::Value::Array(a)) => a
                .into_iter()
                .map(|l| {
                    l.as_str()
                        .map(String::from)
                        .unwrap_or_else(|| l.to_string())
                })
                .collect(),
            _ => Vec::new(),
        };
        Ok(Some(Job {
            id: id.to_string(),
            name: get("name").unwrap_or_default(),
            data: json("data").unwrap_or_default(),
            opts,
            state: None,
            timestamp: int("timestamp"),
            processed_on: int("processedOn"),
            finished_on: int("finishedOn"),
            delay: int("delay"),
            priority: int("priority"),
            attempts_made: int("atm").or(int("attemptsMade")).unwrap_or(0),
            attempts_started: int("ats"),
            attempts_allowed,
            stalled_counter: int("stc"),
            failed_reason: get("failedReason"),
            stacktrace,
            returnvalue: json("returnvalue"),
            progress: json("progress"),
            parent_key: get("parentKey"),
            parent: json("parent"),
            deduplication_id: get("deid"),
            repeat_job_key: get("rjk"),
            processed_by: get("pb"),
            logs: Vec::new(),
        }))
    }

    /// When it failed or finished, else when it was added (ms).
    pub fn when(&self) -> i64 {
        self.finished_on.or(self.timestamp).unwrap_or(0)
    }
}

/// JSON when the text parses, else the text as a string.
fn json_or_text(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|_| serde_json::Value::String(s.to_string()))
}

/// The options with their short keys replaced by the long names.
fn decode_opts(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => serde_json::Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let long = OPTS_DECODE.iter().find(|(s, _)| *s == k).map(|(_, l)| *l);
                    (long.map(String::from).unwrap_or(k), v)
                })
                .collect(),
        ),
        other => other,
    }
}

/// Reads jobs by id (one pipeline): per id the job, None when it has no hash, or why its hash is
/// not a job's.
pub async fn read(
    redis: &mut Redis,
    q: &Queue,
    ids: &[String],
) -> anyhow::Result<Vec<Result<Option<Job>, String>>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut pipe = redis::pipe();
    for id in ids {
        pipe.cmd("TYPE").arg(q.key(id));
        pipe.cmd("HGETALL").arg(q.key(id));
    }
    pipe.ignore_errors();
    let replies = crate::redis::pipeline(redis, &pipe).await?;
    Ok(ids
        .iter()
        .zip(replies.chunks(2))
        .map(|(id, r)| {
            let kind = crate::redis::info::text(&r[0]);
            match kind.as_str() {
                "hash" => Job::parse(q, id, &r[1]),
                "none" => Ok(None),
                other => Err(format!("{} is a {other}, not a job's hash", q.key(id))),
            }
        })
        .collect())
}

/// Finds which state holds a job (the first set or list that has it).
pub async fn state_of(redis: &mut Redis, q: &Queue, id: &str) -> anyhow::Result<Option<String>> {
    let mut pipe = redis::pipe();
    for (_, key, kind) in super::STATES {
        match kind {
            super::Kind::List => pipe.cmd("LPOS").arg(q.key(key)).arg(id),
            super::Kind::Zset => pipe.cmd("ZSCORE").arg(q.key(key)).arg(id),
        };
    }
    let replies = crate::redis::pipeline(redis, &pipe).await?;
    Ok(super::STATES
        .iter()
        .zip(&replies)
        .find(|(_, r)| !matches!(r, Value::Nil))
        .map(|((name, _, _), _)| name.to_string()))
}

/// One job with its state and log lines; None when it does not exist.
pub async fn show(redis: &mut Redis, q: &Queue, id: &str) -> anyhow::Result<Option<Job>> {
    let found = read(redis, q, &[id.to_string()]).await?.pop();
    let mut job = match found {
        Some(Ok(Some(j))) => j,
        Some(Err(e)) => return Err(crate::error::usage(e)),
        _ => return Ok(None),
    };
    job.state = state_of(redis, q, id).await?;
    let logs: Value = redis
        .query(
            redis::cmd("LRANGE")
                .arg(q.key(&format!("{id}:logs")))
                .arg(0)
                .arg(-1),
        )
        .await?;
    job.logs = values(&logs).iter().map(crate::redis::info::text).collect();
    Ok(Some(job))
}
