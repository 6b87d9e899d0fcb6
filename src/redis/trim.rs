//! `evctl trim`: trimming a stream safely. It works out exactly which entries a MAXLEN or MINID
//! trim would delete, refuses (exit 3) when some consumer group has not read them yet or still
//! has some of them pending, unless forced, and then deletes exactly those entries
//! (`XTRIM MINID =` the id after the last of them, so entries added meanwhile are never taken).

use redis::Value;
use serde::Serialize;

use super::Redis;
use super::info::{groups, stream_info};
use super::stream::{count, entries, list};
use crate::output::{Cell, Render, Styles, sanitize, table_string};
use crate::record::StreamId;

/// Arguments of `evctl trim`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  evctl -b redis://127.0.0.1:6379 trim orders --maxlen 100000 --dry-run
  evctl -b redis://127.0.0.1:6379 trim orders --minid 1735689600000-0 --yes")]
pub struct TrimArgs {
    /// The stream to trim.
    pub stream: String,
    /// Keep the newest N entries.
    #[arg(
        long,
        value_name = "N",
        required_unless_present = "minid",
        conflicts_with = "minid"
    )]
    pub maxlen: Option<u64>,
    /// Delete the entries with ids below ID.
    #[arg(long, value_name = "ID", value_parser = StreamId::parse)]
    pub minid: Option<StreamId>,
    /// Show what would be deleted and whether it is safe; delete nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Trim even entries some group has not read or still has pending.
    #[arg(long)]
    pub force: bool,
    /// Do not ask for confirmation.
    #[arg(short, long)]
    pub yes: bool,
}

/// What a group would lose.
#[derive(Debug, Clone, Serialize)]
pub struct GroupLoss {
    pub group: String,
    /// Entries it has not been delivered yet.
    pub unread: u64,
    /// Entries delivered to it and not acknowledged.
    pub pending: u64,
}

/// What a trim deletes, and who would miss it.
#[derive(Debug, Clone, Serialize)]
pub struct TrimPlan {
    pub stream: String,
    pub length: u64,
    /// Entries the trim deletes.
    pub delete: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub groups: Vec<GroupLoss>,
    /// Entries deleted (after it ran).
    pub deleted: Option<u64>,
}

impl TrimPlan {
    /// Some group would lose entries it has not read or still has pending.
    pub fn unsafe_groups(&self) -> Vec<&GroupLoss> {
        self.groups
            .iter()
            .filter(|g| g.unread + g.pending > 0)
            .collect()
    }
}

impl Render for TrimPlan {
    fn table(&self, s: &Styles) -> String {
        let mut out = match (&self.first, &self.last, self.deleted) {
            (_, _, Some(n)) => format!(
                "{} {n} entries from {}\n",
                s.good("deleted"),
                sanitize(&self.stream)
            ),
            (Some(a), Some(b), None) => format!(
                "would delete {} of {} entries of {} ({a} .. {b})\n",
                self.delete,
                self.length,
                sanitize(&self.stream)
            ),
            _ => format!(
                "nothing to delete: {} has {} entries\n",
                sanitize(&self.stream),
                self.length
            ),
        };
        if self.deleted.is_none() && !self.groups.is_empty() {
            let mut t = s.table(&["GROUP", "UNREAD", "PENDING", "SAFE"]);
            for g in &self.groups {
                let safe = if g.unread + g.pending == 0 {
                    s.good("yes")
                } else {
                    s.bad("no")
                };
                t.add_row(vec![
                    Cell::new(sanitize(&g.group)),
                    Cell::new(g.unread),
                    Cell::new(g.pending),
                    Cell::new(safe),
                ]);
            }
            out.push_str(&table_string(&t));
        }
        out
    }
}

/// Works out the trim.
pub async fn plan(
    redis: &mut Redis,
    args: &TrimArgs,
) -> anyhow::Result<(TrimPlan, Option<StreamId>)> {
    let s = args.stream.as_str();
    let kind: String = redis.query(redis::cmd("TYPE").arg(s)).await?;
    if kind != "stream" {
        return Err(crate::error::usage(format!(
            "{s} is not a stream on {} (it is {kind})",
            redis.addr
        )));
    }
    let info = stream_info(redis, s).await?;
    let length = info.length.max(0) as u64;
    // the last entry the trim deletes
    let last = match (args.maxlen, args.minid) {
        (Some(n), _) if length > n => {
            let v: Value = redis
                .query(
                    redis::cmd("XREVRANGE")
                        .arg(s)
                        .arg("+")
                        .arg("-")
                        .arg("COUNT")
                        .arg(n + 1),
                )
                .await?;
            entries(&v).last().map(|e| e.0)
        }
        (_, Some(min)) => {
            let v: Value = redis
                .query(
                    redis::cmd("XREVRANGE")
                        .arg(s)
                        .arg(format!("({min}"))
                        .arg("-")
                        .arg("COUNT")
                        .arg(1),
                )
                .await?;
            entries(&v).first().map(|e| e.0)
        }
        _ => None,
    };
    let mut plan = TrimPlan {
        stream: s.to_string(),
        length,
        delete: 0,
        first: None,
        last: None,
        groups: Vec::new(),
        deleted: None,
    };
    let Some(last) = last else {
        return Ok((plan, None));
    };
    plan.delete = count(redis, s, None, Some(last), None).await?;
    plan.first = info.first.map(|f| f.to_string());
    plan.last = Some(last.to_string());
    for g in groups(redis, s).await? {
        let (name, delivered) = (g.name, g.last_delivered);
        let unread = if delivered < last {
            count(redis, s, Some(delivered), Some(last), None).await?
        } else {
            0
        };
        let p: Value = redis
            .query(
                redis::cmd("XPENDING")
                    .arg(s)
                    .arg(&name)
                    .arg("-")
                    .arg(last.to_string())
                    .arg(100_000),
            )
            .await?;
        plan.groups.push(GroupLoss {
            group: name,
            unread,
            pending: list(&p).len() as u64,
        });
    }
    Ok((plan, Some(last)))
}

/// Deletes the entries up to `last`, and nothing added since the plan.
pub async fn trim(redis: &mut Redis, plan: &mut TrimPlan, last: StreamId) -> anyhow::Result<()> {
    let min = last.next().unwrap_or(StreamId::MAX);
    let n: u64 = redis
        .query(
            redis::cmd("XTRIM")
                .arg(&plan.stream)
                .arg("MINID")
                .arg("=")
                .arg(min.to_string()),
        )
        .await?;
    plan.deleted = Some(n);
    Ok(())
}
