//! `jobs promote` (delayed → waiting, as `Job.promote`) and `jobs pause|resume` (as
//! `Queue.pause` and `Queue.resume`, on the queue's own layout).

use redis::Value;
use serde::Serialize;

use super::list::{Select, select};
use super::scripts::{self, PAUSE, PROMOTE};
use super::{Queue, retry::BATCH};
use crate::error::usage;
use crate::redis::Redis;
use crate::redis::stream::list as values;

/// What a promote, pause or resume did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ControlReport {
    /// `promote`, `pause` or `resume`.
    pub action: String,
    pub queue: String,
    /// Jobs promoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promoted: Option<u64>,
    /// Named jobs that were not delayed (any more).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_delayed: Vec<String>,
    /// `meta.paused` before and after.
    pub was_paused: bool,
    pub paused: bool,
}

/// Promotes the named delayed jobs, or (no ids) every delayed job.
pub async fn promote(
    redis: &mut Redis,
    q: &Queue,
    ids: &[String],
) -> anyhow::Result<ControlReport> {
    let layout = q.writable()?;
    let sel = Select {
        state: "delayed".into(),
        ids: ids.to_vec(),
        ..Select::default()
    };
    let found = select(redis, q, &sel).await?;
    if !found.absent.is_empty() {
        return Err(usage(format!(
            "not delayed in queue {}: job{} {}; nothing was promoted",
            q.name,
            if found.absent.len() == 1 { "" } else { "s" },
            found.absent.join(", ")
        )));
    }
    let ids: Vec<String> = found.jobs.into_iter().map(|j| j.id).collect();
    let mut report = ControlReport {
        action: "promote".into(),
        queue: q.name.clone(),
        promoted: Some(0),
        was_paused: q.paused,
        paused: q.paused,
        ..ControlReport::default()
    };
    let script = redis::Script::new(PROMOTE);
    for batch in ids.chunks(BATCH) {
        let mut inv = scripts::invocation(&script, q, layout);
        for id in batch {
            inv.arg(id);
        }
        let reply = crate::redis::script(redis, &inv).await?;
        for (id, code) in batch.iter().zip(values(&reply)) {
            match code {
                Value::Int(0) => *report.promoted.get_or_insert(0) += 1,
                _ => report.not_delayed.push(id.clone()),
            }
        }
    }
    Ok(report)
}

/// Pauses or resumes the queue.
pub async fn pause(redis: &mut Redis, q: &Queue, pause: bool) -> anyhow::Result<ControlReport> {
    let layout = q.writable()?;
    let script = redis::Script::new(PAUSE);
    let mut inv = scripts::invocation(&script, q, layout);
    inv.arg(if pause { "paused" } else { "resumed" });
    crate::redis::script(redis, &inv).await?;
    Ok(ControlReport {
        action: if pause { "pause" } else { "resume" }.into(),
        queue: q.name.clone(),
        was_paused: q.paused,
        paused: pause,
        ..ControlReport::default()
    })
}
