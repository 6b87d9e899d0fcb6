#!/usr/bin/env bash
# The project's test command: installs the toolchain, fetches Apache Kafka, starts the three live
# test brokers on loopback (noida-db, tansu, and a 3-node Apache Kafka KRaft cluster) and a private
# Redis server (plain and TLS ports, scripts/redis.sh), runs the tests part by part (unit and
# broker-less tests, then the integration suite once per broker, then the Redis streams and the
# BullMQ tests (the library 5.x and 6.x on Node.js as the peer),
# each part timed), and always stops the brokers and Redis.
# Extra arguments go to one plain `cargo test` run instead, e.g. scripts/test.sh -- --nocapture
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

t0=$SECONDS
scripts/setup.sh
echo "test.sh: setup took $((SECONDS - t0)) s"

# EVCTL_TEST_BROKERS=host:port[,...]: the per-broker integration suite against your own cluster
# (Apache Kafka, Redpanda, ...) instead of the three local brokers. It creates topics named it.*
# and groups named it-*; tests that need the local cluster's SCRAM users are named skips. No Redis
# is started: the Redis streams tests are not part of this run.
if [[ -n "${EVCTL_TEST_BROKERS:-}" ]]; then
    cargo build --locked --quiet
    info="$(target/debug/evctl -b "$EVCTL_TEST_BROKERS" cluster -o json)" || {
        echo "test.sh: error: evctl cannot reach EVCTL_TEST_BROKERS=$EVCTL_TEST_BROKERS (see above)" >&2
        exit 1
    }
    EVCTL_TEST_KAFKA_BROKERS="$EVCTL_TEST_BROKERS"
    EVCTL_TEST_KAFKA_CLUSTER_ID="$(printf '%s' "$info" | python3 -c 'import json, sys; print(json.load(sys.stdin)["cluster_id"] or "")')"
    EVCTL_TEST_KAFKA_NODE_IDS="$(printf '%s' "$info" | python3 -c 'import json, sys; print(",".join(str(b["id"]) for b in json.load(sys.stdin)["brokers"]))')"
    EVCTL_TEST_KAFKA_CLASSPATH="$(scripts/kafka.sh fetch)/*"
    export EVCTL_TEST_KAFKA_BROKERS EVCTL_TEST_KAFKA_CLUSTER_ID EVCTL_TEST_KAFKA_NODE_IDS EVCTL_TEST_KAFKA_CLASSPATH
    SKIPS="$(mktemp)"
    export EVCTL_SKIP_LOG="$SKIPS"
    echo "test.sh: the integration suite against $EVCTL_TEST_BROKERS (brokers $EVCTL_TEST_KAFKA_NODE_IDS)"
    set +e
    cargo test --locked --test it "$@" -- ::kafka
    rc=$?
    set -e
    if [[ -s "$SKIPS" ]]; then echo "test.sh: named skips:"; sort -u "$SKIPS" | sed 's/^/  /'; fi
    rm -f "$SKIPS"
    exit "$rc"
fi

STATE="$(mktemp -d "${TMPDIR:-/tmp}/evctl-brokers.XXXXXX")"
# shellcheck disable=SC2317  # invoked from the trap
cleanup() {
    local rc=$?
    scripts/brokers.sh stop "$STATE" || true
    scripts/kafka.sh stop "$STATE/kafka" || true
    scripts/redis.sh stop "$STATE/redis" || true
    scripts/rabbitmq.sh stop "$STATE/rabbitmq" || true
    # named skips (a broker lacking an API, a missing tool) are listed per broker, never silent
    local skipped=0
    if [[ -s "$STATE/skips.log" ]]; then
        echo "test.sh: named skips, per broker:"
        for b in noida tansu kafka other; do
            local lines
            if [[ $b == other ]]; then
                lines="$(sort -u "$STATE/skips.log" | grep -v -E '::(noida|tansu|kafka):' || true)"
            else
                lines="$(sort -u "$STATE/skips.log" | grep -E "::$b:" || true)"
            fi
            [[ -n "$lines" ]] || continue
            echo "  $b: $(printf '%s\n' "$lines" | wc -l)"
            printf '%s\n' "$lines" | sed 's/^/    /'
        done
        skipped="$(sort -u "$STATE/skips.log" | wc -l)"
    else
        echo "test.sh: no named skips"
    fi
    if grep -q '^test result:' "$STATE/cargo-test.log" 2>/dev/null; then
        awk -v skipped="$skipped" '/^test result:/ { p += $4; f += $6 }
            END { printf "%d passed, %d failed, %d skipped\n", p, f, skipped }' "$STATE/cargo-test.log"
    fi
    rm -rf -- "$STATE"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Build first: compiling next to three brokers' start-up would slow both on 2 cores.
t0=$SECONDS
cargo test --locked --no-run 2>&1 | tail -n 3
echo "test.sh: build took $((SECONDS - t0)) s"

# Every fuzz target for a few seconds (fuzz/, scripts/fuzz.sh): a new panic on hostile input
# fails the run. Before the brokers start, so the build has both cores.
t0=$SECONDS
fuzz_status=0
FUZZ_PROFILE=dev scripts/fuzz.sh 8 || fuzz_status=$?
echo "test.sh: part 'fuzz smoke' took $((SECONDS - t0)) s (exit $fuzz_status)"

t0=$SECONDS
scripts/brokers.sh start "$STATE" >/dev/null
scripts/kafka.sh start "$STATE/kafka" 3
scripts/redis.sh start "$STATE/redis"
scripts/rabbitmq.sh start "$STATE/rabbitmq"
set -a
# shellcheck source=/dev/null
. "$STATE/env"
# shellcheck source=/dev/null
. "$STATE/kafka/env"
# shellcheck source=/dev/null
. "$STATE/redis/env"
# shellcheck source=/dev/null
. "$STATE/rabbitmq/env"
set +a
export EVCTL_SKIP_LOG="$STATE/skips.log"
echo "test.sh: brokers up in $((SECONDS - t0)) s: noida on $EVCTL_TEST_NOIDA_BROKERS, tansu on $EVCTL_TEST_TANSU_BROKERS, Apache Kafka $EVCTL_TEST_KAFKA_VERSION on $EVCTL_TEST_KAFKA_BROKERS, Redis $EVCTL_TEST_REDIS_VERSION on $EVCTL_TEST_REDIS_URL (TLS $EVCTL_TEST_REDIS_TLS_URL), RabbitMQ $EVCTL_TEST_AMQP_VERSION on $EVCTL_TEST_AMQP_URL"

if [[ $# -gt 0 ]]; then
    cargo test --locked "$@" 2>&1 | tee "$STATE/cargo-test.log"
    exit "${PIPESTATUS[0]}"
fi

BULLMQ_VERSIONS="$(node -p "['5', '6'].map((m) => require('./.node/node_modules/bullmq' + m + '/package.json').version).join(' and ')" 2>/dev/null || echo '?')"
# Each part's exit code is kept; every part runs, and the first failure is the script's.
status=$fuzz_status
part() {
    local name="$1" start=$SECONDS rc
    shift
    echo "test.sh: part '$name': cargo test $*"
    set +e
    cargo test --locked "$@" 2>&1 | tee -a "$STATE/cargo-test.log"
    rc=${PIPESTATUS[0]}
    set -e
    echo "test.sh: part '$name' took $((SECONDS - start)) s (exit $rc)"
    if ((rc != 0 && status == 0)); then status=$rc; fi
}
# a failing test binary stops cargo: --no-fail-fast runs the others too
part "unit and broker-less" --no-fail-fast -- --skip ::noida --skip ::tansu --skip ::kafka --skip redis_streams:: --skip bullmq_queues:: --skip rabbitmq::
part "noida-db" --test it -- ::noida
part "tansu" --test it -- ::tansu
part "Redis $EVCTL_TEST_REDIS_VERSION streams" --test it -- redis_streams::
part "BullMQ $BULLMQ_VERSIONS on Redis $EVCTL_TEST_REDIS_VERSION" --test it -- bullmq_queues::
part "RabbitMQ $EVCTL_TEST_AMQP_VERSION" --test it -- rabbitmq::
part "Apache Kafka $EVCTL_TEST_KAFKA_VERSION (3 nodes)" --test it -- ::kafka --skip kafka_faults
# the fault test kills nodes of a private 3-node cluster: alone, so that its failovers are not
# starved of CPU by the rest of the suite (6 JVMs on 2 cores)
part "Apache Kafka faults (a private 3-node cluster)" --test it -- kafka_faults
exit "$status"
