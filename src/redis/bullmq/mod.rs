//! BullMQ queues on Redis: finding them (their `meta` hashes under a prefix), reading the
//! library version and layout a queue was written with, and refusing a layout evctl does not
//! know before anything is written. BullMQ is not a stream (architecture.md §3.2): its jobs join
//! `lag` ([`stats`]), `dlq` ([`retry`], [`clean`]) and `evctl jobs` ([`job`], [`list`], [`control`]),
//! never tail or publish.
//!
//! Keys are `<prefix>:<queue>:<type>`, a job's hash `<prefix>:<queue>:<id>`
//! (next-capabilities.md §5.1). Two layouts are known:
//! - [`Layout::V5`] (bullmq 5.x): a paused queue keeps its waiting jobs in the `paused` list
//!   (pause renames `wait` to `paused`), and a retried job goes to that list; a retried job's
//!   priority is not restored.
//! - [`Layout::V6`] (bullmq 6.x): waiting jobs stay in `wait` while `meta.paused` is set, the
//!   `paused` list is only a leftover that resume merges, and a retried job with a priority goes
//!   back to `prioritized`.
//!
//! Every change is one Lua script of evctl's own ([`scripts`]) that follows the library's
//! scripts step for step, with the same guard (the job leaves its set only if it is still there).

pub mod control;
pub mod flags;
pub mod job;
pub mod list;
pub mod render;
pub mod retry;
pub mod scripts;
pub mod stats;
#[cfg(test)]
mod tests;

use redis::Value;
use serde::Serialize;

use super::Redis;
use super::info::text;
use super::stream::list as values;
use crate::error::{refused, usage, usage_hint};

/// The default key prefix of the library.
pub const DEFAULT_PREFIX: &str = "bull";

/// The scheme of a BullMQ target on the command line: `bullmq:QUEUE`.
pub const SCHEME: &str = "bullmq:";

/// The queue of a `bullmq:QUEUE` target, or None for another target.
pub fn target(s: &str) -> Option<&str> {
    s.strip_prefix(SCHEME)
}

/// How a queue's keys are used, by library major.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// bullmq 5.x: the legacy `paused` list.
    V5,
    /// bullmq 6.x: `wait` and `meta.paused`.
    V6,
}

impl Layout {
    /// The layout of a `meta.version` value (`bullmq:6.2.0`), or why it is not known.
    pub fn of_version(version: Option<&str>) -> Result<Layout, String> {
        let Some(v) = version else {
            return Err("its meta hash has no version field (written by a bullmq older than 5, or not by bullmq)".into());
        };
        let (lib, number) = v.split_once(':').unwrap_or(("", v));
        if lib != "bullmq" {
            return Err(format!(
                "its meta version {v:?} is not bullmq's (evctl knows the layouts of bullmq 5.x and 6.x)"
            ));
        }
        match number.split('.').next() {
            Some("5") => Ok(Layout::V5),
            Some("6") => Ok(Layout::V6),
            _ => Err(format!(
                "it was written by bullmq {number}, a major whose layout evctl does not know (it knows 5.x and 6.x)"
            )),
        }
    }
}

/// The kind of Redis key a state is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    List,
    Zset,
}

/// The job states, with the key each is kept in.
pub const STATES: &[(&str, &str, Kind)] = &[
    ("waiting", "wait", Kind::List),
    ("active", "active", Kind::List),
    ("paused", "paused", Kind::List),
    ("delayed", "delayed", Kind::Zset),
    ("prioritized", "prioritized", Kind::Zset),
    ("waiting-children", "waiting-children", Kind::Zset),
    ("completed", "completed", Kind::Zset),
    ("failed", "failed", Kind::Zset),
];

/// The key suffix and kind of a state name (`wait` is accepted for `waiting`).
pub fn state(name: &str) -> anyhow::Result<(&'static str, &'static str, Kind)> {
    let name = if name == "wait" { "waiting" } else { name };
    STATES
        .iter()
        .find(|(n, _, _)| *n == name)
        .copied()
        .ok_or_else(|| {
            let names: Vec<&str> = STATES.iter().map(|s| s.0).collect();
            usage(format!(
                "unknown job state {name:?}: one of {}",
                names.join(", ")
            ))
        })
}

/// A queue found on the server.
#[derive(Debug, Clone, Serialize)]
pub struct Queue {
    pub prefix: String,
    pub name: String,
    /// `meta.version`, as the library wrote it.
    pub version: Option<String>,
    /// The layout, or why evctl does not know it.
    #[serde(skip)]
    pub layout: Result<Layout, String>,
    /// `meta.paused` is set.
    pub paused: bool,
    /// `meta.concurrency`: the global concurrency limit.
    pub concurrency: Option<i64>,
    /// The server's address, for messages.
    #[serde(skip)]
    pub addr: String,
}

impl Queue {
    /// `<prefix>:<queue>:<suffix>`.
    pub fn key(&self, suffix: &str) -> String {
        format!("{}:{}:{suffix}", self.prefix, self.name)
    }

    /// `<prefix>:<queue>:`, the prefix of job keys.
    pub fn base(&self) -> String {
        self.key("")
    }

    /// `bullmq:QUEUE`.
    pub fn target(&self) -> String {
        format!("{SCHEME}{}", self.name)
    }

    /// The layout, or a refusal (exit 3) before anything is written.
    pub fn writable(&self) -> anyhow::Result<Layout> {
        self.layout.clone().map_err(|why| {
            refused(
                format!(
                    "refusing to change BullMQ queue {} ({}): {why}; nothing was written",
                    self.name,
                    self.key("meta")
                ),
                "evctl jobs stats still reads it; upgrade evctl, or use the library itself",
            )
        })
    }
}

/// The types each key of a queue must have (`none` is always fine).
const KEY_TYPES: &[(&str, &str)] = &[
    ("wait", "list"),
    ("active", "list"),
    ("paused", "list"),
    ("delayed", "zset"),
    ("prioritized", "zset"),
    ("waiting-children", "zset"),
    ("completed", "zset"),
    ("failed", "zset"),
    ("marker", "zset"),
    ("events", "stream"),
    ("id", "string"),
    ("pc", "string"),
];

/// Opens a queue: its `meta` hash must exist, and its keys must have the library's types.
pub async fn open(redis: &mut Redis, prefix: &str, name: &str) -> anyhow::Result<Queue> {
    check_name(name)?;
    if redis.is_cluster() && !has_hash_tag(prefix) {
        return Err(usage_hint(
            format!(
                "on a Redis Cluster, BullMQ's keys of a queue must share a slot: the prefix {prefix:?} has no hash tag"
            ),
            "give the prefix the queues were created with, like --prefix '{bull}' (BullMQ's docs require one on a cluster)",
        ));
    }
    let meta = format!("{prefix}:{name}:meta");
    let mut pipe = redis::pipe();
    pipe.cmd("TYPE").arg(&meta);
    for (suffix, _) in KEY_TYPES {
        pipe.cmd("TYPE").arg(format!("{prefix}:{name}:{suffix}"));
    }
    pipe.cmd("HMGET")
        .arg(&meta)
        .arg("version")
        .arg("paused")
        .arg("concurrency");
    let replies: Vec<Value> = super::pipeline(redis, &pipe).await?;
    let kind = |i: usize| replies.get(i).map(text).unwrap_or_default();
    match kind(0).as_str() {
        "hash" => {}
        "none" => return Err(no_queue(redis, prefix, name).await),
        other => {
            return Err(usage(format!(
                "{meta} on {} is a {other}, not a hash: {name} is not a BullMQ queue under prefix {prefix:?}",
                redis.addr
            )));
        }
    }
    for (i, (suffix, want)) in KEY_TYPES.iter().enumerate() {
        let got = kind(i + 1);
        if got != "none" && got != *want {
            return Err(usage(format!(
                "{prefix}:{name}:{suffix} on {} is a {got}, not a {want}: not the layout of a BullMQ queue; nothing was read or written",
                redis.addr
            )));
        }
    }
    let fields = replies.last().map(values).unwrap_or_default();
    let field = |i: usize| fields.get(i).filter(|v| !matches!(v, Value::Nil)).map(text);
    let version = field(0);
    Ok(Queue {
        prefix: prefix.to_string(),
        name: name.to_string(),
        layout: Layout::of_version(version.as_deref()),
        version,
        paused: field(1).is_some(),
        concurrency: field(2).and_then(|c| c.parse().ok()),
        addr: redis.addr.clone(),
    })
}

/// True when a key prefix holds a Redis Cluster hash tag (`{...}` with something inside).
fn has_hash_tag(prefix: &str) -> bool {
    prefix
        .find('{')
        .and_then(|i| prefix[i + 1..].find('}'))
        .is_some_and(|len| len > 0)
}

/// A queue name the library accepts: not empty, no `:`.
fn check_name(name: &str) -> anyhow::Result<()> {
    if name.is_empty() || name.contains(':') {
        return Err(usage(format!(
            "{name:?} is not a BullMQ queue name (not empty, no ':'; the prefix is --prefix)"
        )));
    }
    Ok(())
}

/// The error for a queue with no `meta` hash, with the queues that are there.
async fn no_queue(redis: &mut Redis, prefix: &str, name: &str) -> anyhow::Error {
    let known = if redis.is_cluster() {
        Vec::new()
    } else {
        discover(redis, prefix).await.unwrap_or_default()
    };
    let msg = format!(
        "no BullMQ queue {name:?} under prefix {prefix:?} on {} (no hash {prefix}:{name}:meta); nothing was written",
        redis.addr
    );
    if known.is_empty() {
        return usage_hint(
            msg,
            "the library writes the meta hash when a Queue or Worker first connects; is --prefix right?",
        );
    }
    usage_hint(
        msg,
        format!("queues under {prefix:?}: {}", known.join(", ")),
    )
}

/// The queues under a prefix: the names of the `<prefix>:<queue>:meta` hashes (SCAN; one server).
pub async fn discover(redis: &mut Redis, prefix: &str) -> anyhow::Result<Vec<String>> {
    if redis.is_cluster() {
        return Err(usage(
            "on a Redis Cluster, name the queues (finding them needs SCAN on every node)",
        ));
    }
    let pattern = format!("{}:*:meta", glob_escape(prefix));
    let mut out: Vec<String> = (crate::redis::scan(redis, &pattern, "hash").await?)
        .into_iter()
        .filter_map(|k| {
            let name = k
                .strip_prefix(prefix)
                .and_then(|r| r.strip_prefix(':'))
                .and_then(|r| r.strip_suffix(":meta"))?;
            (!name.is_empty() && !name.contains(':')).then(|| name.to_string())
        })
        .collect();
    out.dedup();
    Ok(out)
}

/// A prefix as a literal in a SCAN pattern (`{tag}` and other glob characters escaped).
fn glob_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The queues a command names, or every queue under the prefix when it names none.
pub async fn open_all(
    redis: &mut Redis,
    prefix: &str,
    names: &[String],
) -> anyhow::Result<Vec<Queue>> {
    let names = if names.is_empty() {
        discover(redis, prefix).await?
    } else {
        names.to_vec()
    };
    let mut out = Vec::with_capacity(names.len());
    for n in &names {
        out.push(open(redis, prefix, target(n).unwrap_or(n)).await?);
    }
    Ok(out)
}
