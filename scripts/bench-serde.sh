#!/usr/bin/env bash
# Benchmark: schema-registry decoding in `evctl tail`, against the same tail without decoding.
#
#   scripts/bench-serde.sh [--kafka] [RECORDS] [RUNS]     defaults: 500000 records, 3 runs
#
# (BENCH_RECORDS / BENCH_RUNS set the same defaults; BENCH_PARTITIONS the topic's partitions, 1.)
# Starts a private noida-db broker (--kafka: a private 3-node Apache Kafka cluster, as
# scripts/bench-publish-tail.sh) and the in-test schema registry (tests/it/support/sr_registry.py)
# on loopback, generates RECORDS varied records of the 10-field Avro schema
# tests/fixtures/serde/inspection.avsc and publishes them with
# `evctl --registry URL publish --format json --value-schema inspection.avsc`, then RUNS times:
#   plain:  evctl tail TOPIC -e -o json --no-decode > /dev/null   (values printed as base64)
#   decode: evctl --registry URL tail TOPIC -e -o json > /dev/null (values decoded with the schema)
# and prints the median records/s of each, the ratio decode time / plain time (target: at most
# 2.0), the peak memory of each tail, and the registry requests of each decoding tail (from the
# registry's own request log, /_test/log, emptied before each run, next to evctl's own count):
# every schema id must be asked for once per run (GET /schemas/ids/N once for each N).
#
# Prints PASS or MISS and exits 0 either way; it exits 1 when something fails (a command, a
# record count, a record left undecoded). Each evctl run is killed after BENCH_TIMEOUT seconds
# (default 600). EVCTL_BIN overrides the binary (default: a release build). Run scripts/setup.sh
# first.
set -euo pipefail

if [[ "${1:-}" == --kafka ]]; then
    export BENCH_KAFKA=1
    shift
fi
RECORDS="${1:-${BENCH_RECORDS:-500000}}"
RUNS="${2:-${BENCH_RUNS:-3}}"
PARTITIONS="${BENCH_PARTITIONS:-1}"
TIMEOUT="${BENCH_TIMEOUT:-600}"
[[ "$RECORDS" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] ||
    { echo "bench: RECORDS and RUNS must be positive integers (got '$RECORDS', '$RUNS')" >&2; exit 2; }
if [[ -n "${EVCTL_BIN:-}" && ! -x "$EVCTL_BIN" ]]; then
    echo "bench: EVCTL_BIN=$EVCTL_BIN is not an executable file" >&2
    exit 1
fi
# shellcheck source=scripts/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"

SCHEMA="$REPO_ROOT/tests/fixtures/serde/inspection.avsc"
TOPIC=bench.serde
# no registry from the environment: the plain tail must not decode (it also gets --no-decode,
# against a registry in the config file's context)
unset EVCTL_REGISTRY_URL

# The in-test registry, stopped (TERM, by its pid) before bench-lib's cleanup.
REGISTRY_PID=""
registry_stop() {
    if [[ -n "$REGISTRY_PID" ]] && kill -0 "$REGISTRY_PID" 2>/dev/null; then
        kill -TERM "$REGISTRY_PID" 2>/dev/null || true
        wait "$REGISTRY_PID" 2>/dev/null || true
    fi
    REGISTRY_PID=""
}
trap 'registry_stop; bench_cleanup' EXIT
python3 "$REPO_ROOT/tests/it/support/sr_registry.py" --port 0 --port-file "$WORK/registry.port" \
    </dev/null >"$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 1 100); do
    [[ -s "$WORK/registry.port" ]] && break
    kill -0 "$REGISTRY_PID" 2>/dev/null || { cat "$WORK/registry.log" >&2; echo "bench: the test registry exited" >&2; exit 1; }
    sleep 0.1
done
[[ -s "$WORK/registry.port" ]] || { echo "bench: the test registry did not start within 10 s" >&2; exit 1; }
REGISTRY="http://127.0.0.1:$(cat "$WORK/registry.port")"

# registry_log [clear]: the registry's request log as JSON (with `clear`: empties it instead).
registry_log() {
    python3 - "$REGISTRY/_test/log" "${1:-}" <<'EOF'
import sys, urllib.request
req = urllib.request.Request(sys.argv[1], method="DELETE" if sys.argv[2] == "clear" else "GET")
with urllib.request.urlopen(req, timeout=10) as r:
    body = r.read().decode()
if sys.argv[2] != "clear":
    print(body)
EOF
}

# RECORDS JSON-lines records ({"key","value"} as `evctl tail -o json` writes them), values valid
# for inspection.avsc and varied (seeded: every run writes the same file).
DATA="$WORK/records.jsonl"
python3 - "$DATA" "$RECORDS" <<'EOF'
import base64, datetime, json, random, sys
path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(20240501)
names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Zoë Ångström", "Edsger Dijkstra", "Barbara Liskov"]
sites = ["Dock 4", "Yard", "Quay 7", "Warehouse B", "Gate \"North\"", "Pier 12"]
statuses = ["PASSED", "FAILED", "PENDING"]
epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
base_ms = 1735787045678  # 2025-01-02T03:04:05.678Z
with open(path, "w", encoding="utf-8") as f:
    for i in range(n):
        cents = rnd.randrange(-10**6, 10**10)
        sign = "-" if cents < 0 else ""
        ms = base_ms + i * 1237 + rnd.randrange(1000)
        at = epoch + datetime.timedelta(milliseconds=ms)
        value = {
            "id": i + 1,
            "inspector": None if rnd.random() < 0.2 else "%s %d" % (rnd.choice(names), rnd.randrange(100)),
            "status": rnd.choice(statuses),
            "location": {"site": "%s/%d" % (rnd.choice(sites), rnd.randrange(50)), "floor": rnd.randrange(-3, 60)},
            "cost": "%s%d.%02d" % (sign, abs(cents) // 100, abs(cents) % 100),
            "inspected_at": at.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000),
            "defects": rnd.randrange(0, 25),
            "score": round(rnd.uniform(-10, 10), 3),
            "certified": rnd.random() < 0.5,
            "photo": base64.b64encode(rnd.randbytes(rnd.randrange(0, 48))).decode(),
        }
        f.write(json.dumps({"key": "k%d" % (i % 1000), "value": value}, ensure_ascii=False, separators=(",", ":")))
        f.write("\n")
EOF
echo "bench: $RECORDS Avro records (10 fields), $(wc -c <"$DATA") bytes of JSON input, $PARTITIONS partition(s), $RUNS runs, broker $BROKER_NAME at $BROKER, registry $REGISTRY" >&2

# measure ERRFILE CMD...: runs CMD with stdout to /dev/null and stderr to ERRFILE, killed after
# TIMEOUT seconds; prints "SECONDS MAX_RSS_KIB".
measure() {
    python3 - "$TIMEOUT" "$@" <<'EOF'
import resource, subprocess, sys, time
timeout, err, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
start = time.perf_counter()
with open(err, "wb") as e:
    try:
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=e, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        sys.exit(f"bench: {' '.join(cmd)} took more than {timeout:.0f}s (killed)")
elapsed = time.perf_counter() - start
if rc != 0:
    sys.stderr.write(open(err, errors="replace").read()[-2000:])
    sys.exit(f"bench: {' '.join(cmd)} exited with {rc}")
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{elapsed:.3f} {u.ru_maxrss}")
EOF
}

# summary ERRFILE: "PRINTED READ FETCHED REQUESTS" from a tail's last stderr line
# ("N records printed (N read)[; F schemas from the registry in R requests]"; - when absent).
summary() {
    python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], errors="replace").read()
m = None
for m in re.finditer(r"(\d+) records? printed \((\d+) read\)(?:; (\d+) schemas from the registry in (\d+) requests)?", text):
    pass
if m is None:
    sys.exit("bench: no '... records printed' line in the tail's stderr:\n" + text[-2000:])
print(" ".join(g if g is not None else "-" for g in m.groups()))
EOF
}

evctl() { "$EVCTL_BIN" -b "$BROKER" "$@"; }

create_topic "$TOPIC" "$PARTITIONS"
start=$(date +%s%N)
timeout "$TIMEOUT" "$EVCTL_BIN" -b "$BROKER" -q --registry "$REGISTRY" publish "$TOPIC" --format json \
    --value-schema "$SCHEMA" --file "$DATA"
PUBLISH_S="$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN {printf "%.3f", ns / 1e9}')"
echo "bench: published in ${PUBLISH_S}s; registry requests so far: $(registry_log)" >&2

# one decoded record, checked: all 10 fields, and the schema that was registered
evctl -q --registry "$REGISTRY" tail "$TOPIC" --from start -n 1 -o json >"$WORK/sample.json"
python3 - "$WORK/sample.json" <<'EOF'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
v = r.get("value")
if not isinstance(v, dict) or len(v) != 10 or "value_schema" not in r:
    sys.exit("bench: the decoding tail printed no 10-field Avro value: %s" % json.dumps(r)[:500])
EOF

declare -a pt dt pm dm
REQS=()
for run in $(seq 1 "$RUNS"); do
    read -r t m < <(measure "$WORK/plain.err" "$EVCTL_BIN" -b "$BROKER" tail "$TOPIC" -e -o json --no-decode)
    pt+=("$t"); pm+=("$m")
    read -r printed read_n fetched requests < <(summary "$WORK/plain.err")
    [[ "$printed" -eq "$RECORDS" && "$read_n" -eq "$RECORDS" && "$fetched" == - ]] ||
        { echo "bench: the plain tail printed $printed of $read_n records (expected $RECORDS, no registry)" >&2; exit 1; }

    registry_log clear
    read -r t m < <(measure "$WORK/decode.err" "$EVCTL_BIN" -b "$BROKER" --registry "$REGISTRY" tail "$TOPIC" -e -o json)
    dt+=("$t"); dm+=("$m")
    read -r printed read_n fetched requests < <(summary "$WORK/decode.err")
    [[ "$printed" -eq "$RECORDS" && "$read_n" -eq "$RECORDS" && "$fetched" != - ]] ||
        { echo "bench: the decoding tail printed $printed of $read_n records (expected $RECORDS, with the registry)" >&2; exit 1; }
    if grep -q 'warning:' "$WORK/decode.err"; then
        echo "bench: the decoding tail warned ($(grep -c 'warning:' "$WORK/decode.err") lines), e.g.:" >&2
        grep 'warning:' "$WORK/decode.err" | head -3 >&2
        exit 1
    fi
    # the registry's own count: "TOTAL DISTINCT_IDS MAX_ASKS_PER_ID DETAIL"
    read -r total ids most detail < <(registry_log | python3 -c '
import collections, json, re, sys
log = json.load(sys.stdin)
ids = collections.Counter(m.group(1) for m in (re.fullmatch(r"GET /schemas/ids/(\d+)", e) for e in log) if m)
detail = ",".join("/schemas/ids/%s x%d" % kv for kv in sorted(ids.items())) or "none"
print(len(log), len(ids), max(ids.values(), default=0), detail)')
    REQS+=("$total $ids $most $fetched $requests $detail")
    echo "run $run: plain ${pt[-1]}s (${pm[-1]} KiB), decode ${dt[-1]}s (${dm[-1]} KiB); registry saw $total requests, $ids schema id(s) ($detail); evctl says $fetched schemas in $requests requests" >&2
done

max() { printf '%s\n' "$@" | sort -g | tail -1; }
PT="$(median "${pt[@]}")"; DT="$(median "${dt[@]}")"
PM="$(max "${pm[@]}")"; DM="$(max "${dm[@]}")"
# the worst run for the registry: most requests, most asks of one id
read -r TOTAL IDS MOST FETCHED REQUESTS DETAIL < <(printf '%s\n' "${REQS[@]}" | sort -k3,3n -k1,1n | tail -1)
ONCE=1
for r in "${REQS[@]}"; do
    read -r total ids most fetched _ _ <<<"$r"
    # every id asked exactly once, and evctl fetched as many schemas as ids were asked for
    [[ "$most" -eq 1 && "$ids" -eq "$fetched" ]] || ONCE=0
done

echo "bench: $BROKER_NAME, evctl $EVCTL_BIN" >&2
awk -v n="$RECORDS" -v pt="$PT" -v dt="$DT" -v pm="$PM" -v dm="$DM" -v runs="$RUNS" -v pub="$PUBLISH_S" \
    -v total="$TOTAL" -v ids="$IDS" -v most="$MOST" -v fetched="$FETCHED" -v requests="$REQUESTS" \
    -v detail="$DETAIL" -v once="$ONCE" 'BEGIN {
    printf "publish %d Avro records (10 fields) with --value-schema: %.3fs (%.0f records/s)\n", n, pub, n/pub
    printf "tail %d records -o json, median of %d: plain %.3fs (%.0f records/s), --registry %.3fs (%.0f records/s)\n", n, runs, pt, n/pt, dt, n/dt
    ratio = dt/pt
    printf "decoding cost: decode/plain time ratio %.2f (target <= 2.0): %s\n", ratio, ratio <= 2.0 ? "PASS" : "MISS"
    printf "tail peak memory: plain %.1f MiB, --registry %.1f MiB\n", pm/1024, dm/1024
    printf "registry per decoding tail: %d requests (evctl counted %d), %d schema fetch(es) (evctl counted %d; %s): each id asked once: %s\n", total, requests, ids, fetched, detail, once ? "PASS" : "MISS"
    print (ratio <= 2.0 && once) ? "PASS" : "MISS"
}'
