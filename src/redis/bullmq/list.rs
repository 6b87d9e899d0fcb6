//! Selecting jobs of one state: by id, or paged through the state's list or sorted set (bounded
//! pages), with the filters of `jobs list` and `dlq` (name, failedReason, time, `--where` over
//! the data).

use std::sync::Arc;

use bytes::Bytes;
use redis::Value;

use super::job::{self, Job};
use super::{Kind, Queue};
use crate::record::filter::Filter;
use crate::record::{Message, Position, Record, TimestampType};
use crate::redis::Redis;
use crate::redis::info::text;
use crate::redis::stream::list as values;

/// Ids read per page.
pub const PAGE: usize = 500;

/// Which jobs.
#[derive(Clone, Default)]
pub struct Select {
    /// The state's name (`failed`, `waiting`, ...).
    pub state: String,
    /// Only these ids (each must be in the state).
    pub ids: Vec<String>,
    /// Job names: exact, or a glob with `*` and `?`.
    pub names: Vec<String>,
    /// failedReason matches.
    pub reason: Option<regex::Regex>,
    /// Finished (or added) at or after / before, ms.
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// `--where` over the data (and `--key` over the name).
    pub filter: Option<Filter>,
    /// At most this many.
    pub max: Option<u64>,
    /// Newest first (listing) rather than oldest first (moving).
    pub newest_first: bool,
}

/// What a selection found.
#[derive(Debug, Default)]
pub struct Selected {
    pub jobs: Vec<Job>,
    /// Ids looked at.
    pub scanned: u64,
    /// Named ids that are not in the state (or have no job).
    pub absent: Vec<String>,
    /// Hashes that are not a job's: the key and why.
    pub broken: Vec<String>,
}

impl Select {
    /// True when the job passes the filters.
    pub fn matches(&self, q: &Queue, j: &Job) -> bool {
        if !self.names.is_empty() && !self.names.iter().any(|p| glob(p, &j.name)) {
            return false;
        }
        if let Some(re) = &self.reason
            && !j.failed_reason.as_deref().is_some_and(|r| re.is_match(r))
        {
            return false;
        }
        let when = j.when();
        if self.since.is_some_and(|s| when < s) || self.until.is_some_and(|u| when >= u) {
            return false;
        }
        match &self.filter {
            Some(f) if !f.is_empty() => f.matches(&as_record(q, j)),
            _ => true,
        }
    }
}

/// A job as a record for `--where` (the data is the value) and `--key` (the name is the key).
fn as_record(q: &Queue, j: &Job) -> Record {
    let data = match &j.data {
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    };
    Record {
        topic: Arc::from(q.name.as_str()),
        at: Position::Offset {
            partition: -1,
            offset: j.id.parse().unwrap_or(-1),
        },
        timestamp_type: TimestampType::Create,
        msg: Message {
            key: Some(Bytes::from(j.name.clone())),
            value: Some(Bytes::from(data)),
            headers: Vec::new(),
            timestamp: j.timestamp.unwrap_or(-1),
            ..Message::default()
        },
    }
}

/// `*` and `?` glob over a name.
fn glob(p: &str, s: &str) -> bool {
    crate::spec::glob_match(p, s)
}

/// The jobs of the selection.
pub async fn select(redis: &mut Redis, q: &Queue, sel: &Select) -> anyhow::Result<Selected> {
    let (_, suffix, kind) = super::state(&sel.state)?;
    let key = q.key(suffix);
    let mut out = Selected::default();
    let max = sel.max.unwrap_or(u64::MAX);
    if !sel.ids.is_empty() {
        let mut pipe = redis::pipe();
        for id in &sel.ids {
            match kind {
                Kind::List => pipe.cmd("LPOS").arg(&key).arg(id),
                Kind::Zset => pipe.cmd("ZSCORE").arg(&key).arg(id),
            };
        }
        let there = crate::redis::pipeline(redis, &pipe).await?;
        let mut ids = Vec::new();
        for (id, r) in sel.ids.iter().zip(&there) {
            match r {
                Value::Nil => out.absent.push(id.clone()),
                _ => ids.push(id.clone()),
            }
        }
        take(redis, q, sel, &ids, &mut out, max).await?;
        return Ok(out);
    }
    let mut start = 0usize;
    while (out.jobs.len() as u64) < max {
        let ids = page(redis, &key, kind, start, sel.newest_first).await?;
        if ids.is_empty() {
            break;
        }
        start += ids.len();
        take(redis, q, sel, &ids, &mut out, max).await?;
    }
    Ok(out)
}

/// One page of ids, oldest first (a sorted set by score; a list from its tail, where the
/// library takes the next job) or newest first.
async fn page(
    redis: &mut Redis,
    key: &str,
    kind: Kind,
    start: usize,
    newest_first: bool,
) -> anyhow::Result<Vec<String>> {
    let stop = start + PAGE - 1;
    let cmd = match (kind, newest_first) {
        (Kind::Zset, false) => redis::cmd("ZRANGE").arg(key).arg(start).arg(stop).clone(),
        (Kind::Zset, true) => redis::cmd("ZREVRANGE")
            .arg(key)
            .arg(start)
            .arg(stop)
            .clone(),
        // a list's head is its newest job: from the tail for the oldest
        (Kind::List, true) => redis::cmd("LRANGE").arg(key).arg(start).arg(stop).clone(),
        (Kind::List, false) => redis::cmd("LRANGE")
            .arg(key)
            .arg(-(stop as i64) - 1)
            .arg(-(start as i64) - 1)
            .clone(),
    };
    let v: Value = redis.query(&cmd).await?;
    let mut ids: Vec<String> = values(&v).iter().map(text).collect();
    if kind == Kind::List && !newest_first {
        ids.reverse();
    }
    // the 5.x layout's legacy markers in wait ("0:<delay>") are not jobs
    ids.retain(|id| !id.starts_with("0:"));
    Ok(ids)
}

/// Reads the jobs of `ids` and keeps those that pass.
async fn take(
    redis: &mut Redis,
    q: &Queue,
    sel: &Select,
    ids: &[String],
    out: &mut Selected,
    max: u64,
) -> anyhow::Result<()> {
    for (id, found) in ids.iter().zip(job::read(redis, q, ids).await?) {
        out.scanned += 1;
        match found {
            Ok(Some(j)) if sel.matches(q, &j) => {
                if out.jobs.len() as u64 >= max {
                    break;
                }
                out.jobs.push(j);
            }
            Ok(Some(_)) => {}
            // listed in the state, but no hash: an id to report, nothing to move
            Ok(None) => out.absent.push(id.clone()),
            Err(e) => out.broken.push(e),
        }
    }
    Ok(())
}
