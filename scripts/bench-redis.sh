#!/usr/bin/env bash
# Benchmark: evctl on Redis streams, publish against redis-benchmark and tail against its targets,
# in the same run on the same private server.
#
#   scripts/bench-redis.sh [ENTRIES] [RUNS]     defaults: 1000000 entries, 3 runs
#
# (BENCH_ENTRIES / BENCH_RUNS set the same defaults.) Starts a private Redis server on loopback
# (scripts/redis.sh, in a temporary directory; stopped and removed at exit), writes ENTRIES lines
# of JSON objects with 3 fields ({"n":"<i>","type":"order.created","payload":"xxxxxxxx"}: one
# entry of 3 fields each) to a file, then RUNS times, each into an emptied stream:
#   peer:  redis-benchmark -P 100 -c 1 -n ENTRIES XADD benchpeer '*' n 1 type order.created payload xxxxxxxx
#   evctl: evctl -b redis://... publish benchevctl --file FILE
# and checks XLEN of each against ENTRIES (redis-benchmark completes its last pipeline of 100: it
# adds ENTRIES rounded up to a multiple of 100, and its rate counts those). On the last run's stream (ENTRIES entries written by
# evctl), RUNS times:
#   evctl tail benchevctl -e -o json > /dev/null          (entries/s and peak memory)
#   redis-cli XRANGE benchevctl - + > /dev/null           (one unbounded XRANGE: a reference figure)
# and once `evctl tail ... | wc -l`, which must count ENTRIES lines.
# Prints the medians in entries/s (wall clock of the whole process), and PASS or MISS for each
# target: publish evctl/peer >= 0.8, tail >= 500000 entries/s, tail peak memory (max RSS, from
# /usr/bin/time -f %M, else getrusage) < 100 MiB. redis-benchmark's own requests/s (first request
# to last reply, without its start-up) is printed next to its wall-clock figure.
#
# Exits 0 whether the targets PASS or MISS; 1 when something fails (a command, an entry count).
# Each timed run is killed after BENCH_TIMEOUT seconds (default 600). EVCTL_BIN overrides the
# binary (default: a release build, as scripts/bench-lib.sh makes it). Run scripts/setup.sh first.
set -euo pipefail

ENTRIES="${1:-${BENCH_ENTRIES:-1000000}}"
RUNS="${2:-${BENCH_RUNS:-3}}"
TIMEOUT="${BENCH_TIMEOUT:-600}"
[[ "$ENTRIES" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] ||
    { echo "bench: ENTRIES and RUNS must be positive integers (got '$ENTRIES', '$RUNS')" >&2; exit 2; }
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_TIMEOUT must be a positive integer (got '$TIMEOUT')" >&2; exit 2; }
if [[ -n "${EVCTL_BIN:-}" && ! -x "$EVCTL_BIN" ]]; then
    echo "bench: EVCTL_BIN=$EVCTL_BIN is not an executable file" >&2
    exit 1
fi
if ! command -v redis-benchmark >/dev/null || ! command -v redis-cli >/dev/null; then
    echo "bench: redis-benchmark / redis-cli not found: run scripts/setup.sh" >&2
    exit 1
fi

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the release binary, as scripts/bench-lib.sh builds it (that file also starts a Kafka broker,
# which this benchmark does not need)
if [[ -z "${EVCTL_BIN:-}" ]]; then
    (cd "$REPO_ROOT" && cargo build --release --locked --quiet)
    EVCTL_BIN="$REPO_ROOT/target/release/evctl"
fi

WORK="$(mktemp -d)"
# shellcheck disable=SC2317  # invoked from the trap
bench_cleanup() {
    "$REPO_ROOT/scripts/redis.sh" stop "$WORK/redis" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$REPO_ROOT/scripts/redis.sh" start "$WORK/redis"
# shellcheck disable=SC1091
source "$WORK/redis/env"
PORT="$EVCTL_TEST_REDIS_PORT"
PASS="$EVCTL_TEST_REDIS_PASSWORD"
URL="$EVCTL_TEST_REDIS_URL"
export EVCTL_REDIS_PASSWORD="$PASS"

# median N...: the median of the numbers given.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }

rcli() { redis-cli -h 127.0.0.1 -p "$PORT" -a "$PASS" --no-auth-warning "$@"; }

# xlen_is STREAM N WHO: exit 1 unless STREAM holds N entries.
xlen_is() {
    local n
    n="$(rcli XLEN "$1")"
    [[ "$n" == "$2" ]] || { echo "bench: $3 wrote $n entries to $1 (expected $2)" >&2; exit 1; }
}

# measure OUTFILE ERRFILE CMD...: runs CMD (stdout to OUTFILE, stderr to ERRFILE, in its own
# process group, killed after TIMEOUT seconds); prints "SECONDS MAX_RSS_KIB".
measure() {
    python3 - "$TIMEOUT" "$@" <<'EOF'
import os, resource, signal, subprocess, sys, threading, time
timeout, out, err, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
gtime = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
rss_file = err + ".rss"
argv = [gtime, "-f", "%M", "-o", rss_file] + cmd if gtime else cmd
timed_out = threading.Event()
def kill(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
def expire(p):
    timed_out.set()
    kill(p)
start = time.perf_counter()
with open(out, "wb") as o, open(err, "wb") as e:
    # its own process group: a timeout kills the command, not only /usr/bin/time
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=o, stderr=e, start_new_session=True)
    # a watchdog, so that the wait itself is a plain blocking waitpid (exact to the end)
    watchdog = threading.Timer(timeout, expire, (p,))
    watchdog.daemon = True
    watchdog.start()
    try:
        rc = p.wait()
    except BaseException:
        kill(p)
        p.wait()
        raise
    elapsed = time.perf_counter() - start
    watchdog.cancel()
if timed_out.is_set():
    sys.exit(f"bench: {' '.join(cmd)} took more than {timeout:.0f}s (killed)")
if rc != 0:
    sys.stderr.write(open(err, errors="replace").read()[-2000:])
    sys.exit(f"bench: {' '.join(cmd)} exited with {rc}")
rss = None
if gtime:
    try:
        lines = open(rss_file).read().split()
        rss = int(lines[-1])
    except (OSError, ValueError, IndexError):
        pass
if rss is None:
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{elapsed:.3f} {rss}")
EOF
}

# ENTRIES lines, each one JSON object of 3 string fields (one stream entry of 3 fields).
DATA="$WORK/entries.jsonl"
python3 - "$DATA" "$ENTRIES" <<'EOF'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    for i in range(n):
        f.write('{"n":"%d","type":"order.created","payload":"xxxxxxxx"}\n' % i)
EOF
echo "bench: $ENTRIES entries (3 fields), $(wc -c <"$DATA") bytes of input, $RUNS runs, Redis $EVCTL_TEST_REDIS_VERSION at 127.0.0.1:$PORT, evctl $EVCTL_BIN" >&2

# publish: the peer and evctl in turns, each into an emptied stream (redis-benchmark sends whole
# pipelines of 100: it adds PEER_N entries)
PEER_N=$(((ENTRIES + 99) / 100 * 100))
declare -a peer_t peer_rps pub_t
for run in $(seq 1 "$RUNS"); do
    rcli DEL benchpeer benchevctl >/dev/null
    read -r t _ < <(measure "$WORK/peer.out" "$WORK/peer.err" redis-benchmark -h 127.0.0.1 -p "$PORT" -a "$PASS" \
        -P 100 -n "$ENTRIES" -c 1 -q XADD benchpeer '*' n 1 type order.created payload xxxxxxxx)
    peer_t+=("$t")
    # its own figure: the last "N requests per second" of its -q output (progress lines end in \r)
    rps="$(tr '\r' '\n' <"$WORK/peer.out" | sed -n 's/.*: \([0-9.]*\) requests per second.*/\1/p' | tail -n 1)"
    [[ -n "$rps" ]] || { echo "bench: no 'requests per second' in redis-benchmark's output:" >&2; tr '\r' '\n' <"$WORK/peer.out" | tail -n 3 >&2; exit 1; }
    peer_rps+=("$rps")
    xlen_is benchpeer "$PEER_N" redis-benchmark
    rcli DEL benchpeer >/dev/null

    read -r t _ < <(measure /dev/null "$WORK/publish.err" "$EVCTL_BIN" -b "$URL" -q publish benchevctl --file "$DATA")
    pub_t+=("$t")
    xlen_is benchevctl "$ENTRIES" "evctl publish"
    echo "run $run: publish: redis-benchmark ${peer_t[-1]}s (its own figure: $rps requests/s), evctl ${pub_t[-1]}s" >&2
done

# the evctl tail prints one line per entry
lines="$(timeout "$TIMEOUT" "$EVCTL_BIN" -b "$URL" -q tail benchevctl -e -o json | wc -l)" ||
    { echo "bench: evctl tail | wc -l failed or took more than ${TIMEOUT}s" >&2; exit 1; }
[[ "$lines" -eq "$ENTRIES" ]] || { echo "bench: evctl tail printed $lines lines (expected $ENTRIES)" >&2; exit 1; }

declare -a tail_t tail_m xr_t
for run in $(seq 1 "$RUNS"); do
    read -r t m < <(measure /dev/null "$WORK/tail.err" "$EVCTL_BIN" -b "$URL" tail benchevctl -e -o json)
    tail_t+=("$t"); tail_m+=("$m")
    read -r t _ < <(measure /dev/null "$WORK/xrange.err" redis-cli -h 127.0.0.1 -p "$PORT" -a "$PASS" --no-auth-warning \
        XRANGE benchevctl - +)
    xr_t+=("$t")
    echo "run $run: tail: evctl ${tail_t[-1]}s (${tail_m[-1]} KiB), redis-cli XRANGE ${xr_t[-1]}s" >&2
done

PEER_T="$(median "${peer_t[@]}")"; PEER_RPS="$(median "${peer_rps[@]}")"; PUB_T="$(median "${pub_t[@]}")"
TAIL_T="$(median "${tail_t[@]}")"; TAIL_M="$(max "${tail_m[@]}")"; XR_T="$(median "${xr_t[@]}")"
echo "bench: Redis $EVCTL_TEST_REDIS_VERSION, evctl $EVCTL_BIN" >&2
awk -v n="$ENTRIES" -v peer_n="$PEER_N" -v runs="$RUNS" -v peer_t="$PEER_T" -v peer_rps="$PEER_RPS" -v pub_t="$PUB_T" \
    -v tail_t="$TAIL_T" -v tail_m="$TAIL_M" -v xr_t="$XR_T" 'BEGIN {
    peer = peer_n / peer_t; pub = n / pub_t; ratio = pub / peer; tail = n / tail_t; mib = tail_m / 1024
    pub_ok = (ratio >= 0.8); tail_ok = (tail >= 500000); mem_ok = (mib < 100)
    printf "publish %d entries (3 fields), median of %d: redis-benchmark -P 100 %.3fs (%.0f entries/s%s; its own figure %.0f requests/s), evctl %.3fs (%.0f entries/s)\n", n, runs, peer_t, peer, peer_n != n ? sprintf(" of %d entries", peer_n) : "", peer_rps, pub_t, pub
    printf "publish evctl/peer ratio %.2f (target >= 0.8): %s\n", ratio, pub_ok ? "PASS" : "MISS"
    printf "tail %d entries -o json, median of %d: evctl %.3fs (%.0f entries/s; target >= 500000 entries/s): %s\n", n, runs, tail_t, tail, tail_ok ? "PASS" : "MISS"
    printf "tail peak memory: evctl %.1f MiB (target < 100 MiB): %s\n", mib, mem_ok ? "PASS" : "MISS"
    printf "peer reference: redis-cli XRANGE - + (one unbounded reply) %.3fs (%.0f entries/s)\n", xr_t, n / xr_t
    print (pub_ok && tail_ok && mem_ok) ? "PASS" : "MISS"
}'
