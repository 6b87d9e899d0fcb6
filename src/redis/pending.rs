//! Dead letters of a Redis stream: a consumer group's pending entries (delivered, never
//! acknowledged), with their consumer, idle time and delivery count (XPENDING). Poison entries
//! (delivered at least `--min-deliveries` times) can be moved to a dead-letter stream with the
//! error context the platform asks for, and back; reassigned to another consumer; or
//! acknowledged without moving.
//!
//! Moving is one Lua script per entry, so it is atomic: the XADD to the dead-letter stream and the
//! XACK in the group happen together or not at all, and an entry no longer pending (moved by an
//! earlier, interrupted run) is skipped. Killed at any moment, every entry is exactly once in the
//! dead-letter stream or still pending, never both and never neither. Sending back is the same:
//! XADD to the original stream and XDEL from the dead-letter stream in one script.

use std::future::Future;
use std::time::Duration;

use redis::Value;
use serde::Serialize;

use super::Redis;
use super::stream::{bytes, entries, field_pairs, id_of, list};
use crate::dlq::flags::PendingFlags;
use crate::output::{Cell, Render, Styles, sanitize, table_string};
use crate::record::StreamId;
use crate::record::time::{format_rfc3339, now_ms};
use crate::units::human_duration_ms;

/// The context fields a dead-lettered entry gets, after its own.
pub const ORIGINAL_STREAM: &str = "dlq_original_stream";
pub const ORIGINAL_ID: &str = "dlq_original_id";
pub const GROUP: &str = "dlq_group";
pub const CONSUMER: &str = "dlq_consumer";
pub const DELIVERIES: &str = "dlq_deliveries";
pub const DEAD_LETTERED_AT: &str = "dlq_dead_lettered_at";
const CONTEXT: [&str; 6] = [
    ORIGINAL_STREAM,
    ORIGINAL_ID,
    GROUP,
    CONSUMER,
    DELIVERIES,
    DEAD_LETTERED_AT,
];

/// Moves one pending entry to the dead-letter stream and acknowledges it, atomically; nil when it
/// is no longer pending or no longer selected (idle long enough, delivered often enough: a
/// worker may have claimed it since it was listed). KEYS: stream, dead-letter stream. ARGV:
/// group, id, min idle ms, min deliveries, context pairs.
const DEAD_LETTER: &str = r#"
local p = redis.call('XPENDING', KEYS[1], ARGV[1], 'IDLE', ARGV[3], ARGV[2], ARGV[2], 1)
if #p == 0 or p[1][4] < tonumber(ARGV[4]) then return false end
local e = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
local fields = {}
if #e > 0 then fields = e[1][2] else fields = {'dlq_deleted', '1'} end
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[2], '*', unpack(fields))
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return id
"#;

/// Sends one dead letter back: XADD to the original stream and XDEL from the dead-letter stream,
/// atomically; nil when it is gone already. KEYS: dead-letter stream, original stream. ARGV: id,
/// the original fields.
const SEND_BACK: &str = r#"
local e = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #e == 0 or #ARGV < 3 then return false end
local id = redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
redis.call('XDEL', KEYS[1], ARGV[1])
return id
"#;

/// Entries delivered at least this many times are poison unless a flag says otherwise.
pub const DEFAULT_MIN_DELIVERIES: u64 = 3;

/// A pending entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    pub id: String,
    pub consumer: String,
    pub idle_ms: i64,
    pub deliveries: u64,
}

/// One consumer's pending entries.
#[derive(Debug, Clone, Serialize)]
pub struct ConsumerPending {
    pub consumer: String,
    pub pending: u64,
    pub max_idle_ms: i64,
    pub max_deliveries: u64,
}

/// `dlq inspect` of a group: its pending entries by consumer, and the poison list.
#[derive(Debug, Clone, Serialize)]
pub struct PendingReport {
    pub stream: String,
    pub group: String,
    pub pending: u64,
    pub min_deliveries: u64,
    pub consumers: Vec<ConsumerPending>,
    pub poison: Vec<Pending>,
}

impl Render for PendingReport {
    fn table(&self, s: &Styles) -> String {
        let mut out = format!(
            "{} {} group {}: {} pending, {} poison (delivered at least {} times)\n",
            s.bold("Stream"),
            sanitize(&self.stream),
            sanitize(&self.group),
            self.pending,
            self.poison.len(),
            self.min_deliveries
        );
        if !self.consumers.is_empty() {
            let mut t = s.table(&["CONSUMER", "PENDING", "MAX-IDLE", "MAX-DELIVERIES"]);
            for c in &self.consumers {
                t.add_row(vec![
                    Cell::new(sanitize(&c.consumer)),
                    Cell::new(c.pending),
                    Cell::new(human_duration_ms(c.max_idle_ms)),
                    Cell::new(c.max_deliveries),
                ]);
            }
            out.push_str(&table_string(&t));
        }
        if !self.poison.is_empty() {
            out.push('\n');
            let mut t = s.table(&["POISON-ID", "CONSUMER", "IDLE", "DELIVERIES"]);
            for p in &self.poison {
                t.add_row(vec![
                    Cell::new(&p.id),
                    Cell::new(sanitize(&p.consumer)),
                    Cell::new(human_duration_ms(p.idle_ms)),
                    Cell::new(p.deliveries),
                ]);
            }
            out.push_str(&table_string(&t));
        }
        out
    }
}

/// What a replay, claim or drain did (or would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct MoveReport {
    /// `dead-letter`, `send-back`, `claim` or `drain`.
    pub action: String,
    pub stream: String,
    pub group: Option<String>,
    /// The dead-letter stream (dead-letter, send-back), or the consumer (claim).
    pub to: Option<String>,
    pub selected: u64,
    /// Moved, sent back, claimed or acknowledged.
    pub done: u64,
    /// No longer there or no longer pending (an earlier run took them), or no longer selected,
    /// or (sending back) a dead letter of an entry deleted while pending, with no fields to send.
    pub skipped: u64,
    /// Refused by Redis; the first errors.
    pub failed: u64,
    pub errors: Vec<String>,
    pub dry_run: bool,
    pub interrupted: bool,
}

impl MoveReport {
    /// A report of `action` over `selected` entries of the selection.
    fn of(action: &str, sel: &Select, to: Option<&str>, selected: usize) -> MoveReport {
        MoveReport {
            action: action.into(),
            stream: sel.stream.clone(),
            group: Some(sel.group.clone()),
            to: to.map(String::from),
            selected: selected as u64,
            dry_run: sel.dry_run,
            ..MoveReport::default()
        }
    }
}

impl Render for MoveReport {
    fn table(&self, s: &Styles) -> String {
        let verb = match (self.action.as_str(), self.dry_run) {
            ("dead-letter", false) => "moved",
            ("send-back", false) => "sent back",
            ("claim", false) => "claimed",
            (_, false) => "acknowledged",
            (_, true) => "would take",
        };
        let mut out = format!(
            "{} {} of {} selected entries of {}",
            s.good(verb),
            if self.dry_run {
                self.selected
            } else {
                self.done
            },
            self.selected,
            sanitize(&self.stream)
        );
        if let Some(to) = &self.to {
            out.push_str(&format!(" to {}", sanitize(to)));
        }
        if self.skipped > 0 {
            out.push_str(&format!(
                "; {} already gone (an earlier run took them)",
                self.skipped
            ));
        }
        if self.failed > 0 {
            out.push_str(&format!("; {}", s.bad(&format!("{} failed", self.failed))));
        }
        if self.interrupted {
            out.push_str(&format!("; {}", s.warn("interrupted")));
        }
        out.push('\n');
        out
    }
}

/// The group's pending entries, every one, in id order (XPENDING with IDLE, paged).
pub async fn pending(
    redis: &mut Redis,
    stream: &str,
    group: &str,
    min_idle: Option<Duration>,
) -> anyhow::Result<Vec<(StreamId, Pending)>> {
    let mut out = Vec::new();
    let mut start = "-".to_string();
    loop {
        let mut cmd = redis::cmd("XPENDING");
        cmd.arg(stream).arg(group);
        if let Some(idle) = min_idle {
            cmd.arg("IDLE").arg(idle.as_millis() as u64);
        }
        cmd.arg(&start).arg("+").arg(1000);
        let v: Value = redis.query(&cmd).await?;
        let page = list(&v);
        for e in page {
            let f = list(e);
            let (Some(id), Some(consumer)) = (f.first().and_then(id_of), f.get(1).and_then(bytes))
            else {
                continue;
            };
            let int = |v: Option<&Value>| match v {
                Some(Value::Int(i)) => *i,
                _ => 0,
            };
            out.push((
                id,
                Pending {
                    id: id.to_string(),
                    consumer: String::from_utf8_lossy(&consumer).into_owned(),
                    idle_ms: int(f.get(2)),
                    deliveries: int(f.get(3)).max(0) as u64,
                },
            ));
        }
        match out.last() {
            Some((last, _)) if page.len() == 1000 => start = format!("({last}"),
            _ => return Ok(out),
        }
    }
}

async fn require_group(redis: &mut Redis, stream: &str, group: &str) -> anyhow::Result<()> {
    let names: Vec<String> = super::info::groups(redis, stream)
        .await?
        .into_iter()
        .map(|g| g.name)
        .collect();
    if names.iter().any(|n| n == group) {
        return Ok(());
    }
    Err(crate::error::failure_hint(
        format!("{stream} has no consumer group {group:?}"),
        if names.is_empty() {
            "it has no groups".to_string()
        } else {
            format!("its groups: {}", names.join(", "))
        },
    ))
}

/// `dlq inspect` of a stream's group.
pub async fn inspect(
    redis: &mut Redis,
    stream: &str,
    group: &str,
    min_deliveries: u64,
) -> anyhow::Result<PendingReport> {
    require_group(redis, stream, group).await?;
    let all = pending(redis, stream, group, None).await?;
    let mut consumers: Vec<ConsumerPending> = Vec::new();
    for (_, p) in &all {
        match consumers.iter_mut().find(|c| c.consumer == p.consumer) {
            Some(c) => {
                c.pending += 1;
                c.max_idle_ms = c.max_idle_ms.max(p.idle_ms);
                c.max_deliveries = c.max_deliveries.max(p.deliveries);
            }
            None => consumers.push(ConsumerPending {
                consumer: p.consumer.clone(),
                pending: 1,
                max_idle_ms: p.idle_ms,
                max_deliveries: p.deliveries,
            }),
        }
    }
    consumers.sort_by(|a, b| a.consumer.cmp(&b.consumer));
    Ok(PendingReport {
        stream: stream.to_string(),
        group: group.to_string(),
        pending: all.len() as u64,
        min_deliveries,
        consumers,
        poison: all
            .into_iter()
            .map(|(_, p)| p)
            .filter(|p| p.deliveries >= min_deliveries)
            .collect(),
    })
}

/// Which pending entries a replay, claim or drain takes.
#[derive(Debug, Clone)]
pub struct Select {
    pub stream: String,
    pub group: String,
    pub min_deliveries: u64,
    pub min_idle: Option<Duration>,
    pub max: Option<u64>,
    pub dry_run: bool,
}

impl Select {
    /// The selection the flags name.
    pub fn new(
        stream: &str,
        group: Option<&str>,
        f: &PendingFlags,
        max: Option<u64>,
        dry_run: bool,
    ) -> anyhow::Result<Select> {
        if group.is_none() && !f.from_dlq {
            return Err(crate::error::usage(
                "a stream's dead letters are a group's pending entries: give --group GROUP",
            ));
        }
        Ok(Select {
            stream: stream.to_string(),
            group: group.unwrap_or_default().to_string(),
            min_deliveries: f.min_deliveries.unwrap_or(DEFAULT_MIN_DELIVERIES),
            min_idle: f.min_idle,
            max,
            dry_run,
        })
    }
}

/// What happens to the selected entries.
#[derive(Debug, Clone)]
pub enum Action {
    /// Send the dead-letter stream's entries (of this original stream, when given) back.
    SendBack(Option<String>),
    /// Move them to this dead-letter stream.
    DeadLetter(String),
    /// Reassign them to this consumer.
    Claim(String),
    /// Acknowledge them.
    Drain,
}

impl Action {
    /// What `dlq replay` does: send back (`--from-dlq`), reassign (`--claim-to`), or move to
    /// `to` (default `STREAM:dlq`).
    pub fn for_replay(
        stream: &str,
        to: Option<String>,
        f: &PendingFlags,
        original: Option<String>,
        cluster: bool,
    ) -> Action {
        // on a cluster, the default dead-letter stream shares the stream's slot
        let default = if cluster {
            format!("{{{stream}}}:dlq")
        } else {
            format!("{stream}:dlq")
        };
        match (&f.claim_to, f.from_dlq) {
            (_, true) => Action::SendBack(original),
            (Some(c), false) => Action::Claim(c.clone()),
            (None, false) => Action::DeadLetter(to.unwrap_or(default)),
        }
    }
}

/// Does `action` to the selected entries (a dry run counts them); a dead-lettering stops between
/// batches when `stop` resolves.
pub async fn perform(
    redis: &mut Redis,
    sel: &Select,
    action: &Action,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<MoveReport> {
    match action {
        Action::SendBack(original) => {
            let original = original.as_deref();
            send_back(redis, &sel.stream, original, sel.max, sel.dry_run, stop).await
        }
        Action::DeadLetter(to) => dead_letter(redis, sel, to, stop).await,
        Action::Claim(c) => claim(redis, sel, c).await,
        Action::Drain => drain(redis, sel).await,
    }
}

async fn selected(redis: &mut Redis, sel: &Select) -> anyhow::Result<Vec<(StreamId, Pending)>> {
    require_group(redis, &sel.stream, &sel.group).await?;
    let mut all = pending(redis, &sel.stream, &sel.group, sel.min_idle).await?;
    all.retain(|(_, p)| p.deliveries >= sel.min_deliveries);
    if let Some(m) = sel.max {
        all.truncate(m as usize);
    }
    Ok(all)
}

/// Entries per pipeline of scripts.
const BATCH: usize = 200;

/// Moves the selected poison entries to `dlq` with their context, acknowledging each in the same
/// script; stops between batches when `stop` resolves.
pub async fn dead_letter(
    redis: &mut Redis,
    sel: &Select,
    dlq: &str,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<MoveReport> {
    same_slot(redis, &sel.stream, dlq)?;
    let entries = selected(redis, sel).await?;
    let mut report = MoveReport::of("dead-letter", sel, Some(dlq), entries.len());
    if sel.dry_run {
        return Ok(report);
    }
    tokio::pin!(stop);
    for batch in entries.chunks(BATCH) {
        let mut pipe = redis::pipe();
        for (id, p) in batch {
            let now = format_rfc3339(now_ms());
            let mut inv = eval(DEAD_LETTER, &[sel.stream.as_bytes(), dlq.as_bytes()]);
            let idle = sel.min_idle.map_or(0, |d| d.as_millis() as u64);
            inv.arg(&sel.group)
                .arg(id.to_string())
                .arg(idle)
                .arg(sel.min_deliveries);
            for (k, v) in [
                (ORIGINAL_STREAM, sel.stream.as_str()),
                (ORIGINAL_ID, &p.id),
                (GROUP, &sel.group),
                (CONSUMER, &p.consumer),
                (DELIVERIES, &p.deliveries.to_string()),
                (DEAD_LETTERED_AT, &now),
            ] {
                inv.arg(k).arg(v);
            }
            pipe.add_command(inv);
        }
        if run_batch(redis, pipe, &mut report, &mut stop).await? {
            break;
        }
    }
    Ok(report)
}

/// On a Redis Cluster, a script's keys must share a hash slot.
fn same_slot(redis: &Redis, a: &str, b: &str) -> anyhow::Result<()> {
    use redis::cluster_routing::Slot;
    if redis.is_cluster() && Slot::for_key(a) != Slot::for_key(b) {
        return Err(crate::error::usage_hint(
            format!(
                "{a} and {b} are in different hash slots of the cluster: one script cannot move entries between them"
            ),
            format!(
                "name the dead-letter stream with the stream's hash tag, like --to '{{{a}}}:dlq' (the default on a cluster)"
            ),
        ));
    }
    Ok(())
}

/// EVAL of a script with its keys (EVAL, not EVALSHA: a cluster's nodes need no loading).
fn eval(script: &str, keys: &[&[u8]]) -> redis::Cmd {
    let mut cmd = redis::cmd("EVAL");
    cmd.arg(script).arg(keys.len());
    for k in keys {
        cmd.arg(*k);
    }
    cmd
}

/// Sends one pipeline of scripts; counts what each did. True when `stop` resolved first.
async fn run_batch(
    redis: &mut Redis,
    mut pipe: redis::Pipeline,
    report: &mut MoveReport,
    stop: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
) -> anyhow::Result<bool> {
    pipe.ignore_errors();
    let addr = redis.addr.clone();
    // the stop is looked at between batches: a batch sent is counted, never abandoned
    let stopped = tokio::select! {
        biased;
        _ = stop.as_mut() => true,
        _ = std::future::ready(()) => false,
    };
    if stopped {
        report.interrupted = true;
        return Ok(true);
    }
    let replies = tokio::time::timeout(redis.timeout, pipe.query_async(&mut redis.conn)).await;
    let replies: Vec<Value> = replies
        .map_err(|_| redis.late())?
        .map_err(|e| super::failure(&addr, e))?;
    for r in replies {
        match r {
            Value::Nil | Value::Boolean(false) => report.skipped += 1,
            Value::ServerError(e) => {
                report.failed += 1;
                if report.errors.len() < 5 {
                    report.errors.push(format!("Redis at {addr}: {e}"));
                }
            }
            _ => report.done += 1,
        }
    }
    Ok(false)
}

/// Sends the dead-letter stream's entries (of `original`, when given) back to their original
/// streams, without the context fields, deleting each from the dead-letter stream in the same
/// script.
pub async fn send_back(
    redis: &mut Redis,
    dlq: &str,
    original: Option<&str>,
    max: Option<u64>,
    dry_run: bool,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<MoveReport> {
    let mut report = MoveReport {
        action: "send-back".into(),
        stream: dlq.to_string(),
        dry_run,
        ..MoveReport::default()
    };
    tokio::pin!(stop);
    let mut start = "-".to_string();
    loop {
        let v: Value = redis
            .query(
                redis::cmd("XRANGE")
                    .arg(dlq)
                    .arg(&start)
                    .arg("+")
                    .arg("COUNT")
                    .arg(BATCH),
            )
            .await?;
        let page = entries(&v);
        let mut pipe = redis::pipe();
        let mut n = 0;
        for (id, fields) in &page {
            start = format!("({id}");
            let Some(fields) = fields else { continue };
            let to = field_pairs(fields)
                .find(|(k, _)| *k == ORIGINAL_STREAM.as_bytes())
                .map(|(_, v)| v.to_vec());
            let Some(to) = to else { continue };
            same_slot(redis, dlq, &String::from_utf8_lossy(&to))?;
            if original.is_some_and(|o| o.as_bytes() != to.as_slice())
                || max.is_some_and(|m| report.selected >= m)
            {
                continue;
            }
            report.selected += 1;
            if report.to.is_none() {
                report.to = Some(String::from_utf8_lossy(&to).into_owned());
            }
            let mut inv = eval(SEND_BACK, &[dlq.as_bytes(), to.as_slice()]);
            inv.arg(id.to_string());
            for (k, v) in field_pairs(fields) {
                if !CONTEXT.iter().any(|c| c.as_bytes() == k) && k != b"dlq_deleted" {
                    inv.arg(k).arg(v);
                }
            }
            pipe.add_command(inv);
            n += 1;
        }
        if n > 0 && !dry_run && run_batch(redis, pipe, &mut report, &mut stop).await? {
            break;
        }
        if page.len() < BATCH {
            break;
        }
    }
    Ok(report)
}

/// Reassigns the selected entries to `consumer` (XCLAIM ... JUSTID: the delivery count stays).
pub async fn claim(redis: &mut Redis, sel: &Select, consumer: &str) -> anyhow::Result<MoveReport> {
    let entries = selected(redis, sel).await?;
    let mut report = MoveReport::of("claim", sel, Some(consumer), entries.len());
    if sel.dry_run {
        return Ok(report);
    }
    for batch in entries.chunks(1000) {
        let mut cmd = redis::cmd("XCLAIM");
        cmd.arg(&sel.stream)
            .arg(&sel.group)
            .arg(consumer)
            .arg(sel.min_idle.map_or(0, |d| d.as_millis() as u64));
        for (id, _) in batch {
            cmd.arg(id.to_string());
        }
        cmd.arg("JUSTID");
        let v: Value = redis.query(&cmd).await?;
        let got = list(&v).len() as u64;
        report.done += got;
        report.skipped += batch.len() as u64 - got;
    }
    Ok(report)
}

/// Acknowledges the selected entries without moving them.
pub async fn drain(redis: &mut Redis, sel: &Select) -> anyhow::Result<MoveReport> {
    let entries = selected(redis, sel).await?;
    let mut report = MoveReport::of("drain", sel, None, entries.len());
    if sel.dry_run {
        return Ok(report);
    }
    for batch in entries.chunks(1000) {
        let mut cmd = redis::cmd("XACK");
        cmd.arg(&sel.stream).arg(&sel.group);
        for (id, _) in batch {
            cmd.arg(id.to_string());
        }
        let n: u64 = redis.query(&cmd).await?;
        report.done += n;
        report.skipped += batch.len() as u64 - n;
    }
    Ok(report)
}
