#!/usr/bin/env bash
# Benchmark: `evctl dlq replay` against a kcat pipe doing the same copy, on one broker.
#
#   scripts/bench-dlq.sh [RECORDS] [RUNS]     defaults: 200000 records, 3 runs
#
# Starts a private noida-db broker on loopback, writes RECORDS dead letters (~100-byte values
# with Spring DLT headers naming the original topic) to a DLQ topic, then RUNS times copies the
# DLQ into a fresh topic:
#   evctl dlq replay DLQ --to DEST --group G        (resumable, commits after acks, keeps headers)
#   kcat -C -e -f '%s\n' DLQ | kcat -P DEST          (values only, no headers, no progress kept)
# and prints records per second for each, the median, and the ratio (evctl rate / kcat rate).
# noida-db answers a Fetch with the whole log, so the kcat consumer needs
# receive.message.max.bytes raised. EVCTL_BIN overrides the binary (default: a release build).
set -euo pipefail

RECORDS="${1:-200000}"
RUNS="${2:-3}"
command -v kcat >/dev/null || { echo "bench: kcat is not installed (scripts/setup.sh)" >&2; exit 1; }
# shellcheck source=scripts/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
evctl() { "$EVCTL_BIN" -b "$BROKER" -q "$@"; }

create_topic bench.dlq 1
python3 - "$RECORDS" >"$WORK/dlq.txt" <<'EOF'
import sys
for i in range(int(sys.argv[1])):
    print('{"id":%07d,"type":"bench.event.v1","payload":"%s"}' % (i, "x" * 52))
EOF
evctl publish bench.dlq --file "$WORK/dlq.txt" -H kafka_dlt-original-topic=bench.orig \
    -H kafka_dlt-exception-fqcn=java.lang.IllegalStateException >/dev/null
echo "bench: $RECORDS dead letters in bench.dlq on noida-db at $BROKER, $RUNS runs" >&2

seconds() { python3 -c 'import time; print(f"{time.perf_counter():.6f}")'; }

declare -a ev kc
for run in $(seq 1 "$RUNS"); do
    create_topic "bench.evctl.$run" 1
    create_topic "bench.kcat.$run" 1
    t0=$(seconds)
    evctl dlq replay bench.dlq --to "bench.evctl.$run" --group "bench.replay.$run" >/dev/null
    t1=$(seconds)
    kcat -b "$BROKER" -C -e -q -t bench.dlq -f '%s\n' -X receive.message.max.bytes=2147483647 |
        kcat -b "$BROKER" -P -t "bench.kcat.$run"
    t2=$(seconds)
    e=$(python3 -c "print($t1 - $t0)"); k=$(python3 -c "print($t2 - $t1)")
    ev+=("$e"); kc+=("$k")
    echo "run $run: evctl ${e}s, kcat pipe ${k}s" >&2
done
for topic in bench.evctl.1 bench.kcat.1; do
    n="$(count "$topic")"
    [[ "$n" -eq "$RECORDS" ]] || { echo "bench: $topic holds $n records, expected $RECORDS" >&2; exit 1; }
done

E="$(median "${ev[@]}")"; K="$(median "${kc[@]}")"
awk -v e="$E" -v k="$K" -v n="$RECORDS" 'BEGIN {
    printf "dlq replay %d records: evctl %.0f records/s (%.3fs), kcat -C | kcat -P %.0f records/s (%.3fs): ratio %.2f\n", n, n/e, e, n/k, k, k/e
}'
