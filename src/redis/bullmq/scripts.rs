//! evctl's Lua scripts for BullMQ queues. Each follows the library's own script of the same job
//! step for step (bullmq 5.x and 6.x, `src/commands/*.lua`; next-capabilities.md §5.2), for the
//! layout named in `ARGV[2]` (`5` or `6`), and moves each job only if it is still where it was
//! selected from (the removal from its set is the guard), so two concurrent runs, or a run and
//! the library, cannot both move a job.
//!
//! Every script takes the queue's keys in the order of [`QUEUE_KEYS`] (declared, so a Redis
//! Cluster routes them; a hash-tagged prefix keeps them in one slot), `ARGV[1]` the job key
//! prefix `<prefix>:<queue>:` and `ARGV[2]` the layout.

use super::{Layout, Queue};

/// The queue's keys every script takes, in this order (`KEYS[1]` to `KEYS[11]`).
pub const QUEUE_KEYS: [&str; 11] = [
    "wait",
    "paused",
    "meta",
    "active",
    "marker",
    "prioritized",
    "pc",
    "events",
    "delayed",
    "failed",
    "id",
];

/// An invocation of `script` with the queue's keys and its base arguments.
pub fn invocation<'a>(
    script: &'a redis::Script,
    q: &Queue,
    layout: Layout,
) -> redis::ScriptInvocation<'a> {
    let mut inv = script.prepare_invoke();
    for k in QUEUE_KEYS {
        inv.key(q.key(k));
    }
    inv.arg(q.base()).arg(layout_arg(layout));
    inv
}

/// The layout as the scripts take it.
pub fn layout_arg(l: Layout) -> &'static str {
    match l {
        Layout::V5 => "5",
        Layout::V6 => "6",
    }
}

/// Functions shared by the scripts (the library's `includes/`, rewritten).
macro_rules! common {
    () => {
        r#"
local rcall = redis.call
local function pausedOrMaxed(meta, active)
  local m = rcall("HMGET", meta, "paused", "concurrency")
  if m[1] then return true end
  local c = tonumber(m[2])
  if c then return rcall("LLEN", active) >= c end
  return false
end
local function maxEvents(meta)
  local n = rcall("HGET", meta, "opts.maxLenEvents")
  if not n then
    n = 10000
    rcall("HSET", meta, "opts.maxLenEvents", n)
  end
  return n
end
local function addMarker(markerKey, busy)
  if not busy then rcall("ZADD", markerKey, 0, "0") end
end
local function priorityScore(priority, pc)
  local c = rcall("INCR", pc)
  return priority * 0x100000000 + c % 0x100000000
end
local function decodedOpts(raw)
  if not raw then return {} end
  local ok, o = pcall(cjson.decode, raw)
  if ok and type(o) == "table" then return o end
  return {}
end
-- the list a job goes to: on the 5.x layout a paused queue's is the paused list
local function targetList(v5, meta, wait, paused)
  if v5 and rcall("HEXISTS", meta, "paused") == 1 then return paused end
  return wait
end
local function delayMarker(markerKey, delayedKey)
  local r = rcall("ZRANGE", delayedKey, 0, 0, "WITHSCORES")
  local t = tonumber(r[2])
  if t then rcall("ZADD", markerKey, t / 0x1000, "1") end
end
local function removeJobKeys(k)
  rcall("DEL", k, k .. ":logs", k .. ":dependencies", k .. ":processed", k .. ":failed",
    k .. ":unsuccessful")
end
local function removeDedup(prefix, id, deid)
  if deid then
    local dk = prefix .. "de:" .. deid
    if rcall("GET", dk) == id then
      rcall("DEL", dk)
      rcall("DEL", prefix .. "dn:" .. deid)
    end
  end
end
-- a parent whose last pending child left goes to wait, on its own queue's layout
local function moveParentToWait(parentPrefix, parentId, emitEvent)
  local meta = parentPrefix .. "meta"
  local v5 = string.sub(rcall("HGET", meta, "version") or "", 1, 8) == "bullmq:5"
  local busy = pausedOrMaxed(meta, parentPrefix .. "active")
  rcall("RPUSH", targetList(v5, meta, parentPrefix .. "wait", parentPrefix .. "paused"), parentId)
  addMarker(parentPrefix .. "marker", busy)
  if emitEvent then
    rcall("XADD", parentPrefix .. "events", "*", "event", "waiting", "jobId", parentId, "prev",
      "waiting-children")
  end
end
-- removeParentDependencyKey: hard (Queue.clean) removes a same-queue parent left without
-- children, soft (Job.remove) moves it to wait
local removeParentDependency
removeParentDependency = function(jobKey, base, hard)
  local parentKey = rcall("HGET", jobKey, "parentKey")
  if type(parentKey) ~= "string" or parentKey == "" or rcall("EXISTS", parentKey) == 0 then
    return
  end
  local deps = parentKey .. ":dependencies"
  if rcall("SREM", deps, jobKey) > 0 and rcall("SCARD", deps) == 0 then
    local parentId = string.match(parentKey, ".*:(.*)")
    if not parentId then return end
    local parentPrefix = string.sub(parentKey, 0, #parentKey - #parentId)
    if rcall("ZREM", parentPrefix .. "waiting-children", parentId) == 1 then
      if hard and parentPrefix == base then
        local deid = rcall("HGET", parentKey, "deid")
        removeParentDependency(parentKey, base, hard)
        removeJobKeys(parentKey)
        removeDedup(parentPrefix, parentId, deid)
      else
        moveParentToWait(parentPrefix, parentId, not hard)
      end
    end
  end
end
-- the library's removeJob(id, hard, base, removeDeduplicationKey)
local function removeJob(base, id, hard)
  local jobKey = base .. id
  removeParentDependency(jobKey, base, hard)
  removeDedup(base, id, rcall("HGET", jobKey, "deid"))
  removeJobKeys(jobKey)
end
"#
    };
}

/// `Job.retry('failed')` (`reprocessJob`) for each job id in `ARGV[5..]`; `ARGV[3]` and `ARGV[4]`
/// are `1` to reset attemptsMade (`atm`) and attemptsStarted (`ats`). Returns a code per job:
/// 1 moved to wait (or prioritized, or the 5.x paused list), -1 no job hash, -3 not in failed.
pub const RETRY: &str = concat!(
    common!(),
    r#"
local base, v5 = ARGV[1], ARGV[2] == "5"
local out = {}
for i = 5, #ARGV do
  local id = ARGV[i]
  local jobKey = base .. id
  if rcall("EXISTS", jobKey) == 0 then
    out[#out + 1] = -1
  elseif rcall("ZREM", KEYS[10], id) == 0 then
    out[#out + 1] = -3
  else
    local del = {"finishedOn", "processedOn", "failedReason"}
    if ARGV[3] == "1" then del[#del + 1] = "atm" end
    if ARGV[4] == "1" then del[#del + 1] = "ats" end
    rcall("HDEL", jobKey, unpack(del))
    local busy = pausedOrMaxed(KEYS[3], KEYS[4])
    local push = decodedOpts(rcall("HGET", jobKey, "opts"))["lifo"] == true and "RPUSH" or "LPUSH"
    local priority = tonumber(rcall("HGET", jobKey, "priority")) or 0
    if v5 or priority == 0 then
      rcall(push, targetList(v5, KEYS[3], KEYS[1], KEYS[2]), id)
    else
      rcall("ZADD", KEYS[6], priorityScore(priority, KEYS[7]), id)
    end
    addMarker(KEYS[5], busy)
    local parentKey = rcall("HGET", jobKey, "parentKey")
    if parentKey and rcall("EXISTS", parentKey) == 1 then
      if rcall("ZREM", parentKey .. ":unsuccessful", jobKey) == 1 or
        rcall("HDEL", parentKey .. ":failed", jobKey) == 1 then
        rcall("SADD", parentKey .. ":dependencies", jobKey)
      end
    end
    rcall("XADD", KEYS[8], "MAXLEN", "~", maxEvents(KEYS[3]), "*", "event", "waiting",
      "jobId", id, "prev", "failed")
    out[#out + 1] = 1
  end
end
return out
"#
);

/// `Queue.clean(0, 0, 'failed')` restricted to the job ids in `ARGV[3..]` (`cleanJobsInSet`):
/// each job still in failed loses every key (`removeJob`: its hash, logs, dependency sets, its
/// place in a parent's dependencies, its deduplication key) and leaves the set; one `cleaned`
/// event counts them. Returns a code per job: 1 removed, 0 no longer in failed.
pub const CLEAN: &str = concat!(
    common!(),
    r#"
local base = ARGV[1]
local out, removed = {}, 0
for i = 3, #ARGV do
  local id = ARGV[i]
  if rcall("ZSCORE", KEYS[10], id) then
    removeJob(base, id, true)
    rcall("ZREM", KEYS[10], id)
    removed = removed + 1
    out[#out + 1] = 1
  else
    out[#out + 1] = 0
  end
end
rcall("XADD", KEYS[8], "*", "event", "cleaned", "count", removed)
return out
"#
);

/// `Job.promote()` (`promote`) for each job id in `ARGV[3..]`: delayed → waiting (or
/// prioritized), `delay` set to 0, a `waiting` event. Returns a code per job: 0 promoted, -3 not
/// delayed.
pub const PROMOTE: &str = concat!(
    common!(),
    r#"
local base, v5 = ARGV[1], ARGV[2] == "5"
local out = {}
for i = 3, #ARGV do
  local id = ARGV[i]
  if rcall("ZREM", KEYS[9], id) == 1 then
    local jobKey = base .. id
    local priority = tonumber(rcall("HGET", jobKey, "priority")) or 0
    local busy = pausedOrMaxed(KEYS[3], KEYS[4])
    local target = targetList(v5, KEYS[3], KEYS[1], KEYS[2])
    local m = rcall("LINDEX", target, 0)
    if m and string.sub(m, 1, 2) == "0:" then rcall("LPOP", target) end
    if priority == 0 then
      rcall("LPUSH", target, id)
    else
      rcall("ZADD", KEYS[6], priorityScore(priority, KEYS[7]), id)
    end
    addMarker(KEYS[5], busy)
    rcall("XADD", KEYS[8], "*", "event", "waiting", "jobId", id, "prev", "delayed")
    rcall("HSET", jobKey, "delay", 0)
    out[#out + 1] = 0
  else
    out[#out + 1] = -3
  end
end
return out
"#
);

/// `Queue.pause()` / `Queue.resume()` (`pause`), `ARGV[3]` `paused` or `resumed`. On the 5.x
/// layout the waiting jobs move between `wait` and `paused` (appended, where the library renames
/// over a list that may hold jobs); on 6.x they stay in `wait` and resume merges a leftover
/// `paused` list. The marker is removed on pause and set on resume when a job is ready (or the
/// next delayed job's time). Returns 1.
pub const PAUSE: &str = concat!(
    common!(),
    r#"
local v5, pause = ARGV[2] == "5", ARGV[3] == "paused"
local function moveAll(src, dst)
  if rcall("EXISTS", src) == 0 then return end
  if rcall("EXISTS", dst) == 0 then
    rcall("RENAME", src, dst)
    return
  end
  while rcall("LLEN", src) > 0 do
    local jobs = rcall("LRANGE", src, 0, 6999)
    rcall("RPUSH", dst, unpack(jobs))
    rcall("LTRIM", src, #jobs, -1)
  end
end
if pause then
  if v5 then moveAll(KEYS[1], KEYS[2]) end
  rcall("HSET", KEYS[3], "paused", 1)
  rcall("DEL", KEYS[5])
else
  rcall("HDEL", KEYS[3], "paused")
  moveAll(KEYS[2], KEYS[1])
  if rcall("LLEN", KEYS[1]) + rcall("ZCARD", KEYS[6]) > 0 then
    rcall("ZADD", KEYS[5], 0, "0")
  else
    delayMarker(KEYS[5], KEYS[9])
  end
end
rcall("XADD", KEYS[8], "*", "event", ARGV[3])
return 1
"#
);

/// Moves jobs parked in one queue (a dead-letter queue a DLQ processor fills) to another as new
/// jobs with their name and data, as `Queue.add` stores them (`addStandardJob`: a new id from the
/// destination's counter, `added` and `waiting` events, wait or the 5.x paused list, the
/// marker), and removes each from the source as `Job.remove` does, in one step per job.
/// `KEYS[1..11]` are the source queue's, `KEYS[12..22]` the destination's, `KEYS[23]` the
/// source state's key. `ARGV[3]` the destination's job key prefix, `ARGV[4]` its layout,
/// `ARGV[5]` the source state's key suffix, `ARGV[6]` `list` or `zset`, `ARGV[7]` the time
/// (ms), `ARGV[8..]` the job ids. Returns per job its new id, or -1 (no job hash), -2 (locked by
/// a worker), -3 (no longer in the state) or -8 (a job scheduler's next job), as `Job.remove`
/// refuses those. A parent left without pending children goes to wait (the soft removal).
pub const MOVE: &str = concat!(
    common!(),
    r#"
local srcBase, dstBase, dstV5 = ARGV[1], ARGV[3], ARGV[4] == "5"
local keep = {"attempts", "backoff", "lifo", "removeOnComplete", "removeOnFail", "kl",
  "stackTraceLimit"}
local out = {}
for i = 8, #ARGV do
  local id = ARGV[i]
  local jobKey = srcBase .. id
  local rjk = rcall("HGET", jobKey, "rjk")
  local scheduled = rjk and rcall("ZSCORE", srcBase .. "repeat", rjk)
  if rcall("EXISTS", jobKey) == 0 then
    out[#out + 1] = -1
  elseif rcall("EXISTS", jobKey .. ":lock") == 1 then
    -- a worker holds it (Job.remove refuses a locked job)
    out[#out + 1] = -2
  elseif scheduled and id == "repeat:" .. rjk .. ":" .. scheduled then
    -- a job scheduler's next job (the library refuses to remove it)
    out[#out + 1] = -8
  else
    -- what can fail comes before the guard: a job leaves its set only to land
    local f = rcall("HMGET", jobKey, "name", "data", "opts")
    local old, opts = decodedOpts(f[3]), {}
    for _, k in ipairs(keep) do opts[k] = old[k] end
    if opts["lifo"] ~= true then opts["lifo"] = nil end
    local ok, jsonOpts = pcall(cjson.encode, opts)
    if not ok then jsonOpts = "{}" end
    local gone
    if ARGV[6] == "list" then
      gone = rcall("LREM", KEYS[23], 1, id)
    else
      gone = rcall("ZREM", KEYS[23], id)
    end
    if gone == 0 then
      out[#out + 1] = -3
    else
      local newId
      repeat
        newId = tostring(rcall("INCR", KEYS[22]))
      until rcall("EXISTS", dstBase .. newId) == 0
      local name = f[1] or ""
      rcall("HSET", dstBase .. newId, "name", name, "data", f[2] or "{}", "opts", jsonOpts,
        "timestamp", ARGV[7], "delay", 0, "priority", 0)
      rcall("XADD", KEYS[19], "*", "event", "added", "jobId", newId, "name", name)
      local busy = pausedOrMaxed(KEYS[14], KEYS[15])
      local push = opts["lifo"] and "RPUSH" or "LPUSH"
      rcall(push, targetList(dstV5, KEYS[14], KEYS[12], KEYS[13]), newId)
      addMarker(KEYS[16], busy)
      rcall("XADD", KEYS[19], "MAXLEN", "~", maxEvents(KEYS[14]), "*", "event", "waiting",
        "jobId", newId)
      removeJob(srcBase, id, false)
      rcall("XADD", KEYS[8], "MAXLEN", "~", maxEvents(KEYS[3]), "*", "event", "removed",
        "jobId", id, "prev", ARGV[5])
      out[#out + 1] = newId
    end
  end
end
return out
"#
);
