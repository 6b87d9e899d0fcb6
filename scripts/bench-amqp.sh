#!/usr/bin/env bash
# Benchmark: `evctl dlq replay` of a RabbitMQ dead-letter queue against a dynamic shovel moving the
# same messages, in the same run on the same private node.
#
#   scripts/bench-amqp.sh [MESSAGES] [RUNS]     defaults: 100000 messages, 3 runs
#
# Starts a private RabbitMQ node on loopback (scripts/rabbitmq.sh, in a temporary directory; stopped
# and removed at exit). Each run fills the queue bench.dlq with MESSAGES persistent messages of
# ~100 bytes (evctl publish, with confirms), then moves them all to the queue bench.target:
#   evctl:   evctl dlq replay bench.dlq --yes --to-exchange '' --routing-key bench.target
#            (manual acks, --prefetch 1000, confirm channel with mandatory, ack after confirm)
#   shovel:  PUT /api/parameters/shovel/%2F/bench-N {src-queue bench.dlq, dest-queue bench.target,
#            ack-mode on-confirm, src-delete-after queue-length} (the management API), timed from
#            the PUT until bench.target holds MESSAGES and the shovel has deleted itself
# and checks that bench.target holds exactly MESSAGES each time (then purges both queues).
# Prints the medians in messages/s and the ratio evctl rate / shovel rate (target >= 1.0), PASS or
# MISS. Exits 0 either way; 1 when something fails. EVCTL_BIN overrides the binary (default: a
# release build). Run scripts/setup.sh first.
set -euo pipefail

MESSAGES="${1:-${BENCH_MESSAGES:-100000}}"
RUNS="${2:-${BENCH_RUNS:-3}}"
[[ "$MESSAGES" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] ||
    { echo "bench: MESSAGES and RUNS must be positive integers" >&2; exit 2; }
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$REPO_ROOT/.venv/bin/python"
if [[ -z "${EVCTL_BIN:-}" ]]; then
    (cd "$REPO_ROOT" && cargo build --release --locked --quiet)
    EVCTL_BIN="$REPO_ROOT/target/release/evctl"
fi
WORK="$(mktemp -d)"
cleanup() {
    "$REPO_ROOT/scripts/rabbitmq.sh" stop "$WORK/rabbitmq" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
"$REPO_ROOT/scripts/rabbitmq.sh" start "$WORK/rabbitmq" >&2
# shellcheck disable=SC1091
source "$WORK/rabbitmq/env"
export EVCTL_AMQP_PASSWORD="$EVCTL_TEST_AMQP_PASSWORD"
ev() { "$EVCTL_BIN" -b "$EVCTL_TEST_AMQP_URL" -q "$@"; }
api() {
    local method="$1" path="$2"
    shift 2
    curl -sf -u "$EVCTL_TEST_AMQP_USER:$EVCTL_TEST_AMQP_PASSWORD" -X "$method" \
        -H 'content-type: application/json' "$EVCTL_TEST_AMQP_API$path" "$@"
}
depth() { ev lag "$1" -o json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["groups"][0]["total_lag"])'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }

EVCTL_TEST_AMQP_PORT="$EVCTL_TEST_AMQP_PORT" "$PY" - <<EOF
import os, pika
c = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", int(os.environ["EVCTL_TEST_AMQP_PORT"]),
    credentials=pika.PlainCredentials("$EVCTL_TEST_AMQP_USER", "$EVCTL_TEST_AMQP_PASSWORD")))
ch = c.channel()
for q in ("bench.dlq", "bench.target"):
    ch.queue_declare(q, durable=True)
c.close()
EOF
"$PY" -c "
import json
for i in range($MESSAGES):
    print(json.dumps({'id': f'evt-{i:09d}', 'type': 'order.failed.v1', 'payload': 'x' * 40}))
" >"$WORK/input.jsonl"

fill() {
    ev publish bench.dlq --file "$WORK/input.jsonl" >/dev/null
    [[ "$(depth bench.dlq)" == "$MESSAGES" ]] || { echo "bench: bench.dlq does not hold $MESSAGES" >&2; exit 1; }
}
check_and_purge() {
    local got
    got="$(depth bench.target)"
    [[ "$got" == "$MESSAGES" ]] || { echo "bench: $1 left $got messages in bench.target, not $MESSAGES" >&2; exit 1; }
    ev dlq purge bench.target --yes >/dev/null
}

evctl_rates=()
shovel_rates=()
for run in $(seq 1 "$RUNS"); do
    fill
    t0="$(now)"
    ev dlq replay bench.dlq --yes --to-exchange '' --routing-key bench.target --prefetch 1000 >/dev/null
    t1="$(now)"
    check_and_purge evctl
    evctl_rates+=("$(awk -v n="$MESSAGES" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / (b - a)}')")

    fill
    body="{\"value\": {\"src-protocol\": \"amqp091\", \"src-uri\": \"amqp://$EVCTL_TEST_AMQP_USER:$EVCTL_TEST_AMQP_PASSWORD@127.0.0.1:$EVCTL_TEST_AMQP_PORT\", \"src-queue\": \"bench.dlq\", \"dest-protocol\": \"amqp091\", \"dest-uri\": \"amqp://$EVCTL_TEST_AMQP_USER:$EVCTL_TEST_AMQP_PASSWORD@127.0.0.1:$EVCTL_TEST_AMQP_PORT\", \"dest-queue\": \"bench.target\", \"ack-mode\": \"on-confirm\", \"src-delete-after\": \"queue-length\"}}"
    t0="$(now)"
    api PUT "/api/parameters/shovel/%2F/bench-$run" -d "$body" >/dev/null
    until [[ "$(depth bench.target)" == "$MESSAGES" ]]; do sleep 0.02; done
    t1="$(now)"
    check_and_purge shovel
    shovel_rates+=("$(awk -v n="$MESSAGES" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / (b - a)}')")
    echo "bench: run $run: evctl ${evctl_rates[-1]} msg/s, shovel ${shovel_rates[-1]} msg/s" >&2
done

e="$(median "${evctl_rates[@]}")"
s="$(median "${shovel_rates[@]}")"
ratio="$(awk -v e="$e" -v s="$s" 'BEGIN {printf "%.2f", e / s}')"
verdict="$(awk -v r="$ratio" 'BEGIN {print (r >= 1.0) ? "PASS" : "MISS"}')"
echo "bench-amqp: RabbitMQ $EVCTL_TEST_AMQP_VERSION, $MESSAGES messages, medians of $RUNS: evctl dlq replay $e msg/s, dynamic shovel (on-confirm) $s msg/s, ratio $ratio (target >= 1.0): $verdict"
