//! What Redis says about a stream and its consumer groups (XINFO STREAM, XINFO GROUPS), read
//! once here for the commands that need it (tail, publish, lag, dlq, trim).

use redis::Value;

use super::Redis;
use super::stream::{bytes, entry_id, id_of, list, pairs};
use crate::record::StreamId;

/// What XINFO STREAM says.
#[derive(Debug, Default)]
pub struct StreamInfo {
    pub length: i64,
    /// `entries-added` (Redis 7+).
    pub entries_added: Option<i64>,
    pub first: Option<StreamId>,
    pub last: Option<StreamId>,
    /// The last id ever added (deleted entries included).
    pub last_generated: StreamId,
}

/// One group on one stream, as XINFO GROUPS says.
#[derive(Debug, Default)]
pub struct GroupInfo {
    pub name: String,
    pub pending: i64,
    pub last_delivered: StreamId,
    pub entries_read: Option<i64>,
    pub lag: Option<i64>,
}

/// An integer reply (or its text).
pub fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::BulkString(b) => std::str::from_utf8(b).ok()?.parse().ok(),
        Value::SimpleString(s) => s.parse().ok(),
        _ => None,
    }
}

/// A string reply as text (lossy).
pub fn text(v: &Value) -> String {
    bytes(v)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// XINFO STREAM of a key known to be a stream.
pub async fn stream_info(redis: &mut Redis, s: &str) -> anyhow::Result<StreamInfo> {
    let v: Value = redis
        .query(redis::cmd("XINFO").arg("STREAM").arg(s))
        .await?;
    let mut info = StreamInfo::default();
    for (k, v) in pairs(&v) {
        match k.as_slice() {
            b"length" => info.length = int(v).unwrap_or(0),
            b"entries-added" => info.entries_added = int(v),
            b"first-entry" => info.first = entry_id(v),
            b"last-entry" => info.last = entry_id(v),
            b"last-generated-id" => info.last_generated = id_of(v).unwrap_or(StreamId::MIN),
            _ => {}
        }
    }
    Ok(info)
}

/// XINFO STREAM, after checking that the key is a stream: a missing key or one of another type is
/// an error naming it.
pub async fn existing_stream(redis: &mut Redis, s: &str) -> anyhow::Result<StreamInfo> {
    let kind: String = redis.query(redis::cmd("TYPE").arg(s)).await?;
    match kind.as_str() {
        "stream" => stream_info(redis, s).await,
        "none" => Err(crate::error::failure_hint(
            format!("Redis at {} has no stream named {s:?}", redis.addr),
            "check the name (redis-cli --scan --type stream lists them); publish creates one",
        )),
        other => Err(not_a_stream(redis, s, other)),
    }
}

/// The error for a key of another type than a stream.
pub fn not_a_stream(redis: &Redis, s: &str, kind: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "Redis at {}: key {s:?} is a {kind}, not a stream",
        redis.addr
    )
}

/// XINFO GROUPS of a stream.
pub async fn groups(redis: &mut Redis, s: &str) -> anyhow::Result<Vec<GroupInfo>> {
    let v: Value = redis
        .query(redis::cmd("XINFO").arg("GROUPS").arg(s))
        .await?;
    Ok(list(&v)
        .iter()
        .map(|g| {
            let mut info = GroupInfo::default();
            for (k, v) in pairs(g) {
                match k.as_slice() {
                    b"name" => info.name = text(v),
                    b"pending" => info.pending = int(v).unwrap_or(0),
                    b"last-delivered-id" => info.last_delivered = id_of(v).unwrap_or_default(),
                    b"entries-read" => info.entries_read = int(v),
                    b"lag" => info.lag = int(v),
                    _ => {}
                }
            }
            info
        })
        .collect())
}
