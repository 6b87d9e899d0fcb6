#!/usr/bin/env bash
# Plan benchmark: a broker holding 2,000 topics; `evctl plan` for a spec of 20 topics and of 2,000
# topics: wall time (median of 5) and requests sent. Requests must grow with batches, not topics.
# kcat -L (metadata only) on the same broker is printed for scale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${BENCH_TOPICS:-2000}
RUNS=${BENCH_RUNS:-5}

scripts/setup.sh >/dev/null
cargo build --quiet --release --locked
EVCTL=target/release/evctl
STATE="$(mktemp -d "${TMPDIR:-/tmp}/evctl-bench.XXXXXX")"
trap 'scripts/brokers.sh stop "$STATE" >/dev/null 2>&1 || true; rm -rf -- "$STATE"' EXIT
scripts/brokers.sh start-one noida "$STATE" >/dev/null
# shellcheck source=/dev/null
. "$STATE/env"
B="$EVCTL_TEST_NOIDA_BROKERS"

spec() { # spec FILE COUNT
    {
        echo "defaults: {partitions: 1, replication_factor: 1, retention: 7d}"
        echo "topics:"
        for i in $(seq 1 "$2"); do echo "  - name: bench.topic.$i"; done
    } >"$1"
}
spec "$STATE/all.yaml" "$N"
spec "$STATE/few.yaml" 20
"$EVCTL" -b "$B" -q apply "$STATE/all.yaml" --yes >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # measure LABEL CMD...
    local label=$1; shift
    local times=()
    for _ in $(seq 1 "$RUNS"); do
        local t0 t1
        t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | median
}
requests() { # requests SPEC
    "$EVCTL" -b "$B" -v plan "$1" 2>&1 >/dev/null | sed -n 's/.*requests=\([0-9]*\).*/\1/p' | tail -1
}
few_ms=$(measure few "$EVCTL" -b "$B" plan "$STATE/few.yaml")
all_ms=$(measure all "$EVCTL" -b "$B" plan "$STATE/all.yaml")
few_req=$(requests "$STATE/few.yaml")
all_req=$(requests "$STATE/all.yaml")
echo "bench-plan: broker holds $N topics"
echo "bench-plan: plan of 20 topics: ${few_ms} ms, ${few_req} requests"
echo "bench-plan: plan of $N topics: ${all_ms} ms, ${all_req} requests"
if command -v kcat >/dev/null; then
    kcat_ms=$(measure kcat kcat -b "$B" -L)
    echo "bench-plan: kcat -L (metadata only, for scale): ${kcat_ms} ms; plan of $N topics / kcat -L = $(awk -v a="$all_ms" -v b="$kcat_ms" 'BEGIN {printf "%.2f", a / (b > 0 ? b : 1)}')"
fi
# requests may grow with batches of 500 topics, never with each topic
max_req=$(( few_req + (N / 500) + 2 ))
if (( all_req > max_req )); then
    echo "bench-plan: FAIL: $all_req requests for $N topics (expected at most $max_req)" >&2
    exit 1
fi
