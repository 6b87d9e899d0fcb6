//! Redis streams through the seam: [`StreamSource`] reads entries with XREAD (or XREADGROUP as a
//! consumer of a group, acknowledging with XACK only what was written), [`StreamSink`] adds them
//! with pipelined XADDs. Positions are entry ids; the offset syntax of `--from`/`--to` maps to
//! ids ([`IdSpec`]); fields map to messages as `record::fields` documents.

use std::collections::VecDeque;
use std::sync::Arc;

use bytes::Bytes;
use redis::Value;
use tokio::task::JoinSet;

use super::Redis;
use super::info::{StreamInfo, existing_stream, groups, not_a_stream, stream_info};
use crate::error::{usage, usage_hint};
use crate::record::fields::{FieldMap, to_fields, to_message};
use crate::record::offsets::{OffsetSpec, parse_offset, parse_range};
use crate::record::{Message, Place, Position, Record, StreamId, TimestampType};
use crate::transport::{Delivery, Sink, Source};

/// A `--from`/`--to` position on a stream: the offset syntax, or an entry id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSpec {
    /// `start`, `end`, `+N`, `-N`, `@TIME`, `@-1h` (`N` alone is refused: a stream has no
    /// offsets).
    Offset(OffsetSpec),
    /// An entry id, `MS-SEQ`.
    Id(StreamId),
}

impl IdSpec {
    /// Parses one position.
    pub fn parse(s: &str) -> Result<IdSpec, String> {
        if s.contains('-')
            && !s.starts_with(['-', '+', '@'])
            && let Ok(id) = StreamId::parse(s)
        {
            return Ok(IdSpec::Id(id));
        }
        match parse_offset(s)? {
            OffsetSpec::Exact(n) => Err(format!(
                "{n} is an offset, and a stream has none: give an entry id like {n}-0, or start, end, +N, -N, @TIME"
            )),
            o => Ok(IdSpec::Offset(o)),
        }
    }

    /// Parses `FROM` or a range `FROM:TO`.
    pub fn parse_range(s: &str) -> Result<(IdSpec, Option<IdSpec>), String> {
        if let Ok(r) = parse_range(s) {
            let from = r.from.map(|o| IdSpec::parse(&o.to_string())).transpose()?;
            let to = r.to.map(|o| IdSpec::parse(&o.to_string())).transpose()?;
            if let Some(from) = from {
                return Ok((from, to));
            }
        }
        match s.split_once(':') {
            Some((a, b)) if !s.starts_with('@') => Ok((IdSpec::parse(a)?, Some(IdSpec::parse(b)?))),
            _ => Ok((IdSpec::parse(s)?, None)),
        }
    }
}

impl std::fmt::Display for IdSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdSpec::Offset(o) => write!(f, "{o}"),
            IdSpec::Id(id) => write!(f, "{id}"),
        }
    }
}

/// The id just before `id` (XREAD and XGROUP take the last id *seen*).
fn before(id: StreamId) -> StreamId {
    match (id.ms, id.seq) {
        (0, 0) => StreamId::MIN,
        (ms, 0) => StreamId {
            ms: ms - 1,
            seq: u64::MAX,
        },
        (ms, seq) => StreamId { ms, seq: seq - 1 },
    }
}

/// What to read: streams, from where, to where, as whom.
#[derive(Debug, Clone)]
pub struct StreamRead {
    pub streams: Vec<String>,
    pub from: Option<IdSpec>,
    /// Exclusive.
    pub to: Option<IdSpec>,
    /// Stop at the last entry there is when the read starts.
    pub stop_at_end: bool,
    /// Read as consumer `.1` of group `.0`.
    pub group: Option<(String, String)>,
    pub fields: FieldMap,
    /// Entries per request.
    pub count: usize,
    /// Milliseconds a following read blocks for.
    pub block_ms: u64,
}

impl StreamRead {
    /// The read has an end (`-e` or `--to`); else it follows.
    pub fn bounded(&self) -> bool {
        self.stop_at_end || self.to.is_some()
    }
}

/// One stream being read.
struct Cursor {
    name: Arc<str>,
    /// The last id read (XREAD returns what comes after it).
    after: StreamId,
    /// The first id not to read.
    stop: Option<StreamId>,
    /// As a group consumer: still reading its own pending entries (id `0`), not new ones (`>`).
    own_pending: bool,
    done: bool,
}

/// Streams read by XREAD or XREADGROUP.
pub struct StreamSource {
    redis: Redis,
    cursors: Vec<Cursor>,
    group: Option<(String, String)>,
    fields: FieldMap,
    count: usize,
    /// Block while following; `None` for a read with an end.
    block_ms: Option<u64>,
    /// Written entries to XACK at the next checkpoint, per stream.
    to_ack: Vec<(Arc<str>, StreamId)>,
    notices: Vec<String>,
    /// The next read, sent while the last reply's records are written.
    prefetched: Option<(Vec<usize>, Prefetch)>,
    /// A Redis Cluster holds the streams in different slots: one stream per read, in turn, and
    /// no blocking while there are several.
    split: bool,
    turn: usize,
    empty_reads: usize,
}

/// A read under way.
type Prefetch = tokio::task::JoinHandle<redis::RedisResult<Value>>;

/// The ids of `n` entries from the start (`rev` false) or the end.
async fn ids(redis: &mut Redis, stream: &str, rev: bool, n: u64) -> anyhow::Result<Vec<StreamId>> {
    let (cmd, a, b) = if rev {
        ("XREVRANGE", "+", "-")
    } else {
        ("XRANGE", "-", "+")
    };
    let v: Value = redis
        .query(
            redis::cmd(cmd)
                .arg(stream)
                .arg(a)
                .arg(b)
                .arg("COUNT")
                .arg(n),
        )
        .await?;
    Ok(list(&v).iter().filter_map(entry_id).collect())
}

/// Counts the entries in `(after, upto]` (from the start without `after`, to the end without
/// `upto`), a page of 10,000 at a time; with `max_pages`, stops there (the count is then a lower
/// bound).
pub async fn count(
    redis: &mut Redis,
    stream: &str,
    after: Option<StreamId>,
    upto: Option<StreamId>,
    max_pages: Option<usize>,
) -> anyhow::Result<u64> {
    const PAGE: usize = 10_000;
    let mut start = after.map_or("-".to_string(), |a| format!("({a}"));
    let end = upto.map_or("+".to_string(), |u| u.to_string());
    let mut n = 0u64;
    for _ in 0..max_pages.unwrap_or(usize::MAX) {
        let cmd = redis::cmd("XRANGE")
            .arg(stream)
            .arg(&start)
            .arg(&end)
            .arg("COUNT")
            .arg(PAGE)
            .clone();
        let v: Value = redis.query(&cmd).await?;
        let page = list(&v);
        n += page.len() as u64;
        match page.last().and_then(entry_id) {
            Some(last) if page.len() == PAGE => start = format!("({last}"),
            _ => break,
        }
    }
    Ok(n)
}

/// The last id before the first entry to read for `spec`.
async fn start_after(
    redis: &mut Redis,
    stream: &str,
    spec: IdSpec,
    now: i64,
    info: &StreamInfo,
) -> anyhow::Result<StreamId> {
    Ok(match spec {
        IdSpec::Id(id) => before(id),
        IdSpec::Offset(o) => match o.at(now) {
            OffsetSpec::Start => StreamId::MIN,
            OffsetSpec::End => info.last_generated,
            OffsetSpec::AfterStart(n) if n > 0 => {
                let got = ids(redis, stream, false, n as u64).await?;
                if got.len() as u64 == n as u64 {
                    got[got.len() - 1]
                } else {
                    info.last_generated
                }
            }
            OffsetSpec::AfterStart(_) => StreamId::MIN,
            OffsetSpec::BeforeEnd(n) => {
                let got = ids(redis, stream, true, n as u64 + 1).await?;
                if got.len() as u64 == n as u64 + 1 {
                    got[got.len() - 1]
                } else {
                    StreamId::MIN
                }
            }
            OffsetSpec::Timestamp(ms) => before(StreamId {
                ms: ms.max(0) as u64,
                seq: 0,
            }),
            OffsetSpec::Exact(_) | OffsetSpec::Ago(_) => StreamId::MIN,
        },
    })
}

/// The first id not to read for `spec` (exclusive end).
async fn stop_at(
    redis: &mut Redis,
    stream: &str,
    spec: IdSpec,
    now: i64,
    info: &StreamInfo,
) -> anyhow::Result<StreamId> {
    Ok(match spec {
        IdSpec::Id(id) => id,
        IdSpec::Offset(o) => match o.at(now) {
            OffsetSpec::Start => info.first.unwrap_or(StreamId::MIN),
            OffsetSpec::End => info.last_generated.next().unwrap_or(StreamId::MAX),
            OffsetSpec::AfterStart(n) => {
                let got = ids(redis, stream, false, n.max(0) as u64 + 1).await?;
                match got.get(n.max(0) as usize) {
                    Some(id) => *id,
                    None => info.last_generated.next().unwrap_or(StreamId::MAX),
                }
            }
            OffsetSpec::BeforeEnd(n) => {
                let got = ids(redis, stream, true, n.max(0) as u64).await?;
                if n <= 0 {
                    info.last_generated.next().unwrap_or(StreamId::MAX)
                } else if got.len() as u64 == n as u64 {
                    got[got.len() - 1]
                } else {
                    StreamId::MIN
                }
            }
            OffsetSpec::Timestamp(ms) => StreamId {
                ms: ms.max(0) as u64,
                seq: 0,
            },
            OffsetSpec::Exact(_) | OffsetSpec::Ago(_) => StreamId::MAX,
        },
    })
}

impl StreamSource {
    /// Resolves where each stream starts and stops and, as a group consumer, checks or creates
    /// the group. Returns the source and a description of where it starts.
    pub async fn open(
        mut redis: Redis,
        read: StreamRead,
        now: i64,
    ) -> anyhow::Result<(StreamSource, String)> {
        let mut read = read;
        let mut seen = std::collections::HashSet::new();
        read.streams.retain(|s| seen.insert(s.clone()));
        let mut cursors = Vec::with_capacity(read.streams.len());
        let mut starting = String::new();
        for s in &read.streams {
            let info = existing_stream(&mut redis, s).await?;
            let mut stop = match read.to {
                Some(spec) => Some(stop_at(&mut redis, s, spec, now, &info).await?),
                None => None,
            };
            if read.stop_at_end {
                let end = info.last_generated.next().unwrap_or(StreamId::MAX);
                stop = Some(stop.map_or(end, |s| s.min(end)));
            }
            let default_from = if stop.is_some() {
                IdSpec::Offset(OffsetSpec::Start)
            } else {
                IdSpec::Offset(OffsetSpec::End)
            };
            let after = match &read.group {
                Some((g, _)) => {
                    let exists = groups(&mut redis, s).await?.iter().any(|x| &x.name == g);
                    match (exists, read.from) {
                        (true, None) => {
                            starting = format!("group {g}'s last-delivered id");
                            StreamId::MIN
                        }
                        (true, Some(_)) => {
                            return Err(usage_hint(
                                format!(
                                    "group {g} of {s} exists: it reads on from its last-delivered id"
                                ),
                                "leave out --from to resume it; --from only says where a new group starts",
                            ));
                        }
                        (false, None) => {
                            return Err(usage_hint(
                                format!("{s} has no consumer group {g}"),
                                "to start a new group, say where: --from start (or end, or an id)",
                            ));
                        }
                        (false, Some(spec)) => {
                            let after = start_after(&mut redis, s, spec, now, &info).await?;
                            let _: () = redis
                                .query(
                                    redis::cmd("XGROUP")
                                        .arg("CREATE")
                                        .arg(s)
                                        .arg(g)
                                        .arg(after.to_string()),
                                )
                                .await?;
                            starting = format!("a new group {g} after {after}");
                            StreamId::MIN
                        }
                    }
                }
                None => {
                    let spec = read.from.unwrap_or(default_from);
                    let after = start_after(&mut redis, s, spec, now, &info).await?;
                    starting = spec.to_string();
                    after
                }
            };
            cursors.push(Cursor {
                name: Arc::from(s.as_str()),
                after,
                done: stop.is_some_and(|s| s <= after.next().unwrap_or(StreamId::MAX)),
                stop,
                own_pending: read.group.is_some(),
            });
        }
        let bounded = read.bounded();
        let slots: std::collections::HashSet<_> = (read.streams.iter())
            .map(redis::cluster_routing::Slot::for_key)
            .collect();
        let split = redis.is_cluster() && slots.len() > 1;
        let source = StreamSource {
            redis,
            cursors,
            group: read.group,
            fields: read.fields,
            count: read.count.max(1),
            block_ms: (!bounded).then_some(read.block_ms),
            to_ack: Vec::new(),
            notices: Vec::new(),
            prefetched: None,
            split,
            turn: 0,
            empty_reads: 0,
        };
        Ok((source, starting))
    }

    /// How long a read may take: the request deadline, plus the blocking time of a follow.
    fn within(&self) -> std::time::Duration {
        self.redis.timeout + std::time::Duration::from_millis(self.block_ms.unwrap_or(0))
    }

    /// The streams still read (one at a time while a consumer reads its own pending entries),
    /// or `None` when every one is done.
    fn open_streams(&mut self) -> Option<Vec<usize>> {
        let open: Vec<usize> = (0..self.cursors.len())
            .filter(|&i| !self.cursors[i].done)
            .collect();
        if open.is_empty() {
            return None;
        }
        Some(match open.iter().find(|&&i| self.cursors[i].own_pending) {
            Some(&i) => vec![i],
            None if self.split && open.len() > 1 => {
                self.turn += 1;
                vec![open[self.turn % open.len()]]
            }
            None => open,
        })
    }

    /// The XREAD or XREADGROUP command for the streams still read.
    fn command(&self, open: &[usize]) -> redis::Cmd {
        let mut cmd = match &self.group {
            Some((g, c)) => {
                let mut cmd = redis::cmd("XREADGROUP");
                cmd.arg("GROUP").arg(g).arg(c);
                cmd
            }
            None => redis::cmd("XREAD"),
        };
        cmd.arg("COUNT").arg(self.count);
        // a consumer's own pending entries are there already: no blocking for them
        let pending = open.iter().any(|&i| self.cursors[i].own_pending);
        // a split read (several streams in different slots) never blocks on one of them
        if let (Some(ms), false, false) = (self.block_ms, pending, self.split) {
            cmd.arg("BLOCK").arg(ms);
        }
        cmd.arg("STREAMS");
        for &i in open {
            cmd.arg(&*self.cursors[i].name);
        }
        for &i in open {
            let c = &self.cursors[i];
            if self.group.is_some() && !c.own_pending {
                cmd.arg(">");
            } else {
                cmd.arg(c.after.to_string());
            }
        }
        cmd
    }
}

impl Source for StreamSource {
    const ACKS: bool = true;

    async fn poll(&mut self) -> anyhow::Result<Option<Vec<Record>>> {
        loop {
            let (open, reply) = match self.prefetched.take() {
                Some((open, next)) => {
                    let reply = next
                        .await
                        .map_err(|e| anyhow::anyhow!("a read task failed: {e}"))?;
                    (
                        open,
                        reply.map_err(|e| super::failure(&self.redis.addr, e))?,
                    )
                }
                None => {
                    let Some(open) = self.open_streams() else {
                        return Ok(None);
                    };
                    let cmd = self.command(&open);
                    let within = self.within();
                    let reply = Redis::read(&mut self.redis.conn, &cmd, within).await;
                    (
                        open,
                        reply.map_err(|e| super::failure(&self.redis.addr, e))?,
                    )
                }
            };
            let replies = stream_replies(reply);
            // where each stream stands after this reply, before the records are built
            let mut got = vec![0usize; self.cursors.len()];
            let mut which = Vec::with_capacity(replies.len());
            for (name, entries) in &replies {
                let i = open
                    .iter()
                    .copied()
                    .find(|&i| self.cursors[i].name.as_bytes() == name.as_slice());
                which.push(i);
                if let (Some(i), Some(last)) = (i, entries.last()) {
                    got[i] = entries.len();
                    let c = &mut self.cursors[i];
                    c.after = c.after.max(last.0);
                }
            }
            for &i in &open {
                let c = &mut self.cursors[i];
                if got[i] == 0 {
                    if c.own_pending {
                        // the consumer's history is read: new entries from now on
                        c.own_pending = false;
                    } else if self.block_ms.is_none() {
                        c.done = true;
                    }
                }
                if c.stop
                    .is_some_and(|s| c.after.next().is_none_or(|n| n >= s))
                {
                    c.done = true;
                }
            }
            // a plain read asks for the next entries while these are written (a group read
            // does not: what it is handed becomes pending)
            if self.group.is_none()
                && !self.split
                && let Some(next_open) = self.open_streams()
            {
                let cmd = self.command(&next_open);
                let (mut conn, within) = (self.redis.conn.clone(), self.within());
                let next = tokio::spawn(async move { Redis::read(&mut conn, &cmd, within).await });
                self.prefetched = Some((next_open, next));
                // let the request reach the socket before the records are built, so that Redis
                // makes the next reply meanwhile
                tokio::task::yield_now().await;
                tokio::task::yield_now().await;
            }
            let mut out = Vec::with_capacity(got.iter().sum());
            for ((_, entries), i) in replies.into_iter().zip(which) {
                let Some(i) = i else { continue };
                let c = &self.cursors[i];
                for (id, fields) in entries {
                    if c.stop.is_some_and(|s| id >= s) {
                        break;
                    }
                    let Some(fields) = fields else {
                        self.notices.push(format!(
                            "{}@{id} was deleted while pending; skipped",
                            c.name
                        ));
                        continue;
                    };
                    out.push(Record {
                        topic: c.name.clone(),
                        at: Position::Entry(id),
                        timestamp_type: TimestampType::LogAppend,
                        msg: to_message(
                            field_pairs(&fields),
                            &self.fields,
                            id.ms.min(i64::MAX as u64) as i64,
                        ),
                    });
                }
            }
            if !out.is_empty() {
                self.empty_reads = 0;
                return Ok(Some(out));
            }
            if self.block_ms.is_some() && !self.split {
                // nothing new for a while: the caller checkpoints (acknowledges) meanwhile
                return Ok(Some(Vec::new()));
            }
            if self.split && self.block_ms.is_some() {
                // a round of reads found nothing new: wait a little before the next round
                self.empty_reads += 1;
                if self.empty_reads >= self.cursors.len() {
                    self.empty_reads = 0;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    return Ok(Some(Vec::new()));
                }
            }
        }
    }

    fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn written(&mut self, r: &Record) {
        if let (Some(_), Position::Entry(id)) = (&self.group, r.at) {
            self.to_ack.push((r.topic.clone(), id));
        }
    }

    fn checkpoints(&self) -> bool {
        self.group.is_some()
    }

    async fn checkpoint(&mut self, _left: &[Record]) -> anyhow::Result<()> {
        // entries left over were never acknowledged: they stay pending for the consumer
        let Some((g, _)) = &self.group else {
            return Ok(());
        };
        let mut acks = std::mem::take(&mut self.to_ack);
        acks.sort();
        for chunk in acks.chunk_by(|a, b| a.0 == b.0) {
            for part in chunk.chunks(1000) {
                let mut cmd = redis::cmd("XACK");
                cmd.arg(&*part[0].0).arg(g);
                for (_, id) in part {
                    cmd.arg(id.to_string());
                }
                let _: i64 = self.redis.query(&cmd).await?;
            }
        }
        Ok(())
    }

    async fn refresh(&mut self) -> Vec<String> {
        Vec::new()
    }
}

/// How entries are added.
#[derive(Debug, Clone, Default)]
pub struct StreamWrite {
    pub fields: FieldMap,
    /// `--maxlen N` (`~` when `.0`).
    pub maxlen: Option<(bool, u64)>,
    /// `--minid ID` (`~` when `.0`).
    pub minid: Option<(bool, StreamId)>,
}

/// A sent pipeline's records (input line, size) and its answers.
type Answered = (Vec<(u64, usize)>, redis::RedisResult<Vec<Value>>);

/// XADDs per pipeline, and pipelines in flight at once.
const PIPELINE: usize = 1000;
const IN_FLIGHT: usize = 8;

/// One stream, written with pipelined XADDs.
pub struct StreamSink {
    redis: Redis,
    stream: Arc<str>,
    write: StreamWrite,
    /// Fields of the record `refuse` accepted, for `send`.
    ready: Option<Vec<(Bytes, Bytes)>>,
    /// The highest explicit id so far (ids must increase).
    last_id: StreamId,
    batch: redis::Pipeline,
    batch_ids: Vec<(u64, usize)>,
    in_flight: JoinSet<Answered>,
    deliveries: VecDeque<Delivery>,
}

impl StreamSink {
    /// A sink to `stream` (created by the first XADD when it does not exist).
    pub async fn new(mut redis: Redis, stream: &str, write: StreamWrite) -> anyhow::Result<Self> {
        let kind: String = redis.query(redis::cmd("TYPE").arg(stream)).await?;
        let last_id = match kind.as_str() {
            "none" => StreamId::MIN,
            "stream" => stream_info(&mut redis, stream).await?.last_generated,
            other => return Err(not_a_stream(&redis, stream, other)),
        };
        Ok(StreamSink {
            redis,
            stream: Arc::from(stream),
            write,
            ready: None,
            last_id,
            batch: redis::pipe(),
            batch_ids: Vec::new(),
            in_flight: JoinSet::new(),
            deliveries: VecDeque::new(),
        })
    }

    /// Sends the pipeline being built.
    fn dispatch(&mut self) {
        if self.batch_ids.is_empty() {
            return;
        }
        let mut pipe = std::mem::replace(&mut self.batch, redis::pipe());
        pipe.ignore_errors();
        let ids = std::mem::take(&mut self.batch_ids);
        let (mut conn, within) = (self.redis.conn.clone(), self.redis.timeout);
        self.in_flight.spawn(async move {
            let r = tokio::time::timeout(within, pipe.query_async::<Vec<Value>>(&mut conn)).await;
            let r = r.unwrap_or_else(|_| {
                Err(redis::RedisError::from(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "no answer in time (--timeout)",
                )))
            });
            (ids, r)
        });
    }

    /// Records the answers of one pipeline.
    fn complete(&mut self, ids: Vec<(u64, usize)>, r: redis::RedisResult<Vec<Value>>) {
        let replies = match r {
            Ok(v) => v,
            Err(e) => {
                let why = super::failure(&self.redis.addr, e).to_string();
                self.deliveries.push_back(Delivery {
                    bytes: ids.iter().map(|i| i.1).sum(),
                    ids: ids.into_iter().map(|i| i.0).collect(),
                    at: None,
                    error: Some(why),
                });
                return;
            }
        };
        let mut ok = Delivery::default();
        for ((line, size), reply) in ids.into_iter().zip(replies) {
            match id_of(&reply) {
                Some(id) => {
                    ok.ids.push(line);
                    ok.bytes += size;
                    ok.at = Some(Position::Entry(id));
                }
                None => {
                    let why = match reply {
                        Value::ServerError(e) => e.to_string(),
                        other => format!("unexpected answer {other:?}"),
                    };
                    self.deliveries.push_back(Delivery {
                        ids: vec![line],
                        bytes: size,
                        at: None,
                        error: Some(why),
                    });
                }
            }
        }
        if !ok.ids.is_empty() {
            self.deliveries.push_back(ok);
        }
    }
}

impl Sink for StreamSink {
    async fn refuse(&mut self, place: Option<Place>, msg: &Message) -> Option<String> {
        // (0-0 is never above the last id, so it is refused here too)
        if let Some(Place::Id(id)) = place
            && id <= self.last_id
        {
            return Some(format!(
                "id {id} is not above the stream's last id {} (stream ids must increase)",
                self.last_id
            ));
        }
        match to_fields(msg, &self.write.fields) {
            Ok(f) => {
                self.ready = Some(f);
                None
            }
            Err(e) => Some(e),
        }
    }

    async fn send(&mut self, id: u64, place: Option<Place>, msg: Message) -> anyhow::Result<()> {
        let fields = match self.ready.take() {
            Some(f) => f,
            None => {
                to_fields(&msg, &self.write.fields).map_err(|e| usage(format!("line {id}: {e}")))?
            }
        };
        let cmd = self.batch.cmd("XADD").arg(&*self.stream);
        if let Some((approx, n)) = self.write.maxlen {
            cmd.arg("MAXLEN").arg(if approx { "~" } else { "=" }).arg(n);
        }
        if let Some((approx, min)) = self.write.minid {
            cmd.arg("MINID")
                .arg(if approx { "~" } else { "=" })
                .arg(min.to_string());
        }
        match place {
            Some(Place::Id(explicit)) => {
                self.last_id = explicit;
                cmd.arg(explicit.to_string());
            }
            _ => {
                cmd.arg("*");
            }
        }
        let mut size = 0;
        for (n, v) in &fields {
            size += n.len() + v.len();
            cmd.arg(n.as_ref()).arg(v.as_ref());
        }
        self.batch_ids.push((id, size));
        if self.batch_ids.len() >= PIPELINE {
            self.dispatch();
        }
        while self.in_flight.len() >= IN_FLIGHT {
            if let Some(Ok((ids, r))) = self.in_flight.join_next().await {
                self.complete(ids, r);
            }
        }
        Ok(())
    }

    async fn tick(&mut self) -> anyhow::Result<()> {
        if self.in_flight.is_empty() {
            // what is queued goes now: input is slow, so no one waits for a full pipeline
            self.dispatch();
        }
        match self.in_flight.join_next().await {
            Some(Ok((ids, r))) => self.complete(ids, r),
            Some(Err(e)) => return Err(anyhow::anyhow!("a pipeline task failed: {e}")),
            None => std::future::pending::<()>().await,
        }
        Ok(())
    }

    async fn flush(&mut self) -> anyhow::Result<()> {
        self.dispatch();
        while let Some(done) = self.in_flight.join_next().await {
            match done {
                Ok((ids, r)) => self.complete(ids, r),
                Err(e) => return Err(anyhow::anyhow!("a pipeline task failed: {e}")),
            }
        }
        Ok(())
    }

    fn take_deliveries(&mut self) -> Vec<Delivery> {
        self.deliveries.drain(..).collect()
    }

    fn idempotent(&self) -> bool {
        false
    }
}

// Reading Redis replies (RESP2 arrays, or RESP3 maps).

/// The items of an array (or set) reply.
pub fn list(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) | Value::Set(a) => a,
        _ => &[],
    }
}

/// The name/value pairs of a map reply, or of a flat array `[k1, v1, k2, v2, ...]`.
pub fn pairs(v: &Value) -> Vec<(Vec<u8>, &Value)> {
    match v {
        Value::Map(m) => m.iter().filter_map(|(k, v)| Some((bytes(k)?, v))).collect(),
        Value::Array(a) => a
            .chunks_exact(2)
            .filter_map(|kv| Some((bytes(&kv[0])?, &kv[1])))
            .collect(),
        _ => Vec::new(),
    }
}

/// The bytes of a string reply.
pub fn bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::BulkString(b) => Some(b.clone()),
        Value::SimpleString(s) => Some(s.as_bytes().to_vec()),
        Value::VerbatimString { text, .. } => Some(text.as_bytes().to_vec()),
        _ => None,
    }
}

/// A reply holding an entry id.
pub fn id_of(v: &Value) -> Option<StreamId> {
    match v {
        Value::BulkString(b) => StreamId::from_bytes(b),
        Value::SimpleString(s) => StreamId::parse(s).ok(),
        _ => None,
    }
}

/// The id of an entry reply `[id, [fields...]]`.
pub fn entry_id(v: &Value) -> Option<StreamId> {
    list(v).first().and_then(id_of)
}

/// The fields of an entry as the reply holds them (`[name, value, ...]`), `None` for an entry
/// deleted while pending.
type Fields = Option<Vec<Value>>;

/// The name/value pairs of an entry's fields (a value that is not a string is left out).
pub fn field_pairs(f: &[Value]) -> impl Iterator<Item = (&[u8], &[u8])> + Clone {
    f.chunks_exact(2).filter_map(|kv| match (&kv[0], &kv[1]) {
        (Value::BulkString(n), Value::BulkString(v)) => Some((n.as_slice(), v.as_slice())),
        _ => None,
    })
}

/// An entry: its id and fields.
pub type Entry = (StreamId, Fields);

/// Entries of an XRANGE-like reply: `[[id, [f1, v1, ...]], ...]`.
pub fn entries(v: &Value) -> Vec<Entry> {
    into_entries(v.clone())
}

/// The same, taking the reply apart instead of copying it.
fn into_entries(v: Value) -> Vec<Entry> {
    let Value::Array(items) = v else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter_map(|e| {
            let Value::Array(parts) = e else { return None };
            let mut parts = parts.into_iter();
            let id = id_of(&parts.next()?)?;
            let fields = match parts.next() {
                Some(Value::Array(f)) => Some(f),
                _ => None,
            };
            Some((id, fields))
        })
        .collect()
}

/// The per-stream parts of an XREAD / XREADGROUP reply.
pub fn stream_replies(v: Value) -> Vec<(Vec<u8>, Vec<Entry>)> {
    match v {
        Value::Map(m) => m
            .into_iter()
            .filter_map(|(k, e)| Some((bytes(&k)?, into_entries(e))))
            .collect(),
        Value::Array(a) => a
            .into_iter()
            .filter_map(|s| {
                let Value::Array(parts) = s else { return None };
                let mut parts = parts.into_iter();
                let name = bytes(&parts.next()?)?;
                Some((name, into_entries(parts.next()?)))
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_parse_as_ids_or_the_offset_syntax() {
        let id = |ms, seq| IdSpec::Id(StreamId { ms, seq });
        assert_eq!(
            IdSpec::parse("1700000000000-3"),
            Ok(id(1_700_000_000_000, 3))
        );
        assert_eq!(
            IdSpec::parse("start"),
            Ok(IdSpec::Offset(OffsetSpec::Start))
        );
        assert_eq!(
            IdSpec::parse("-5"),
            Ok(IdSpec::Offset(OffsetSpec::BeforeEnd(5)))
        );
        assert_eq!(
            IdSpec::parse("+5"),
            Ok(IdSpec::Offset(OffsetSpec::AfterStart(5)))
        );
        assert!(IdSpec::parse("42").unwrap_err().contains("42-0"));
        assert_eq!(
            IdSpec::parse_range("1-0:2-5"),
            Ok((id(1, 0), Some(id(2, 5))))
        );
        assert_eq!(
            IdSpec::parse_range("start:-2"),
            Ok((
                IdSpec::Offset(OffsetSpec::Start),
                Some(IdSpec::Offset(OffsetSpec::BeforeEnd(2)))
            ))
        );
        assert!(matches!(
            IdSpec::parse_range("@2025-01-01T00:00:00Z"),
            Ok((IdSpec::Offset(OffsetSpec::Timestamp(_)), None))
        ));
    }

    #[test]
    fn before_is_the_previous_id() {
        assert_eq!(
            before(StreamId { ms: 5, seq: 2 }),
            StreamId { ms: 5, seq: 1 }
        );
        assert_eq!(
            before(StreamId { ms: 5, seq: 0 }),
            StreamId {
                ms: 4,
                seq: u64::MAX
            }
        );
        assert_eq!(before(StreamId::MIN), StreamId::MIN);
    }

    #[test]
    fn replies_of_both_protocols_give_entries() {
        let bulk = |s: &str| Value::BulkString(s.as_bytes().to_vec());
        let entry = Value::Array(vec![
            bulk("1-1"),
            Value::Array(vec![bulk("a"), bulk("1"), bulk("a"), bulk("2")]),
        ]);
        let deleted = Value::Array(vec![bulk("1-2"), Value::Nil]);
        let resp2 = Value::Array(vec![Value::Array(vec![
            bulk("s"),
            Value::Array(vec![entry.clone(), deleted.clone()]),
        ])]);
        let resp3 = Value::Map(vec![(bulk("s"), Value::Array(vec![entry, deleted]))]);
        for v in [resp2, resp3] {
            let r = stream_replies(v);
            assert_eq!(r.len(), 1);
            assert_eq!(r[0].0, b"s");
            let e = &r[0].1;
            assert_eq!(e[0].0, StreamId { ms: 1, seq: 1 });
            let fields = e[0].1.as_ref().unwrap();
            assert_eq!(field_pairs(fields).count(), 2, "repeated names kept");
            assert_eq!(e[1], (StreamId { ms: 1, seq: 2 }, None));
        }
        assert!(stream_replies(Value::Nil).is_empty());
    }
}
