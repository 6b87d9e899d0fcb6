#!/usr/bin/env python3
"""The independent Redis streams peer: redis-py (the pinned `redis` package) against a real server.

Run it with the test venv's interpreter (scripts/setup.sh installs the pin):

    .venv/bin/python tests/it/support/redis_peer.py xadd STREAM JSON_ENTRIES
    .venv/bin/python tests/it/support/redis_peer.py xrange STREAM
    .venv/bin/python tests/it/support/redis_peer.py xpending STREAM GROUP
    .venv/bin/python tests/it/support/redis_peer.py groups STREAM

The server is 127.0.0.1 on port EVCTL_TEST_REDIS_PORT with the password EVCTL_TEST_REDIS_PASSWORD
(scripts/redis.sh writes both into its env file). Every subcommand prints one JSON document on
stdout (json.dumps, ensure_ascii=False, UTF-8).

xadd: JSON_ENTRIES is a JSON array of entries, each a list of [name, value] pairs; a name or a
value is a string (sent as its UTF-8 bytes) or {"base64": "..."} (those bytes). Each entry is one
raw `XADD STREAM * name value ...` (redis-py's xadd takes a dict, which cannot repeat a name).
Prints the ids added, in order: ["1700000000000-0", ...].

xrange: every entry of STREAM in order (XRANGE, pages of 10000):
[[id, [[name, value], ...]], ...], each name and value a string when it is valid UTF-8, else
{"base64": "..."}; pairs in the entry's own order, repeated names kept.

xpending: XPENDING STREAM GROUP - + 100000 (the extended form):
{"count": N, "entries": [[id, consumer, idle_ms, deliveries], ...]}, N = the number of entries.

groups: XINFO GROUPS STREAM as a list of objects in the server's field order (Redis 7.0: name,
consumers, pending, last-delivered-id, entries-read, lag); strings decoded, integers as numbers,
nil as null.

Replies are read raw: the client's response callbacks are cleared, so no reply goes through
redis-py's own parsing (which would fold an entry's pairs into a dict). Exit status: 0 on success,
1 when Redis answers with an error or cannot be reached (message on stderr), 2 on bad usage.
"""

import base64
import binascii
import json
import os
import sys

import redis

HOST = "127.0.0.1"
PAGE = 10000


def usage(msg=None):
    if msg:
        sys.stderr.write("redis_peer: %s\n" % msg)
    sys.stderr.write(__doc__.split("\n\n")[2] + "\n")
    sys.exit(2)


def client():
    port = os.environ.get("EVCTL_TEST_REDIS_PORT")
    if not port:
        usage("EVCTL_TEST_REDIS_PORT is not set (source the env file of scripts/redis.sh start DIR)")
    r = redis.Redis(
        host=HOST,
        port=int(port),
        password=os.environ.get("EVCTL_TEST_REDIS_PASSWORD") or None,
        decode_responses=False,
        socket_timeout=30,
        socket_connect_timeout=10,
    )
    # raw replies for every command
    r.response_callbacks.clear()
    return r


def to_bytes(x, what):
    if isinstance(x, str):
        return x.encode("utf-8")
    if isinstance(x, dict) and set(x) == {"base64"} and isinstance(x["base64"], str):
        try:
            return base64.b64decode(x["base64"], validate=True)
        except binascii.Error as e:
            usage("%s: bad base64 %s: %s" % (what, json.dumps(x["base64"]), e))
    usage("%s must be a string or {\"base64\": \"...\"}, got %s" % (what, json.dumps(x)))


def from_bytes(b):
    """A reply's bytes as JSON: a string when valid UTF-8, else {"base64": ...}."""
    if isinstance(b, str):
        return b
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(b).decode("ascii")}


def text(b):
    """An id, a consumer or group name: always text (they are ASCII or UTF-8)."""
    return b.decode("utf-8", errors="surrogateescape") if isinstance(b, bytes) else b


def value(v):
    """An XINFO value: bytes decoded, integers kept, nil as None."""
    if isinstance(v, bytes):
        return from_bytes(v)
    if isinstance(v, list):
        return [value(x) for x in v]
    return v


def cmd_xadd(r, stream, entries_json):
    try:
        entries = json.loads(entries_json)
    except json.JSONDecodeError as e:
        usage("JSON_ENTRIES is not JSON: %s" % e)
    if not isinstance(entries, list):
        usage("JSON_ENTRIES must be a JSON array of entries")
    commands = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, list) or not entry:
            usage("entry %d must be a non-empty list of [name, value] pairs" % i)
        flat = []
        for pair in entry:
            if not isinstance(pair, list) or len(pair) != 2:
                usage("entry %d: each field must be a [name, value] pair, got %s" % (i, json.dumps(pair)))
            flat.append(to_bytes(pair[0], "entry %d: a name" % i))
            flat.append(to_bytes(pair[1], "entry %d: a value" % i))
        commands.append(flat)
    ids = [text(r.execute_command("XADD", stream, "*", *flat)) for flat in commands]
    return ids


def cmd_xrange(r, stream):
    out = []
    start = "-"
    while True:
        page = r.execute_command("XRANGE", stream, start, "+", "COUNT", PAGE)
        for entry_id, fields in page:
            fields = fields or []
            pairs = [[from_bytes(fields[i]), from_bytes(fields[i + 1])] for i in range(0, len(fields), 2)]
            out.append([text(entry_id), pairs])
        if len(page) < PAGE:
            return out
        start = "(" + text(page[-1][0])


def cmd_xpending(r, stream, group):
    reply = r.execute_command("XPENDING", stream, group, "-", "+", 100000)
    entries = [[text(i), text(c), int(idle), int(n)] for i, c, idle, n in reply or []]
    return {"count": len(entries), "entries": entries}


def cmd_groups(r, stream):
    reply = r.execute_command("XINFO", "GROUPS", stream)
    groups = []
    for flat in reply or []:
        groups.append({text(flat[i]): value(flat[i + 1]) for i in range(0, len(flat), 2)})
    return groups


COMMANDS = {"xadd": (cmd_xadd, 2), "xrange": (cmd_xrange, 1), "xpending": (cmd_xpending, 2), "groups": (cmd_groups, 1)}


def main(argv):
    if len(argv) < 1 or argv[0] not in COMMANDS:
        usage("unknown or missing subcommand" if argv else None)
    fn, nargs = COMMANDS[argv[0]]
    if len(argv) - 1 != nargs:
        usage("%s takes %d argument(s), got %d" % (argv[0], nargs, len(argv) - 1))
    r = client()
    try:
        result = fn(r, *argv[1:])
    except redis.exceptions.ResponseError as e:
        sys.stderr.write("redis_peer: %s: Redis answered: %s\n" % (argv[0], e))
        return 1
    except redis.exceptions.RedisError as e:
        sys.stderr.write("redis_peer: %s: %s: %s\n" % (argv[0], type(e).__name__, e))
        return 1
    finally:
        r.close()
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
