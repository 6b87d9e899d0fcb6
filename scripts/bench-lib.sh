# Shared by the benchmark scripts (sourced, not run): a release build of evctl, a private
# noida-db broker (or, with BENCH_KAFKA=1, a private 3-node Apache Kafka cluster) on loopback in a
# temporary directory (stopped and removed at exit), and medians.
#
# After sourcing: EVCTL_BIN, WORK (the temporary directory), BROKER (host:port[,...]) and
# BROKER_NAME are set.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${EVCTL_BIN:-}" ]]; then
    (cd "$REPO_ROOT" && cargo build --release --locked --quiet)
    EVCTL_BIN="$REPO_ROOT/target/release/evctl"
fi

WORK="$(mktemp -d)"
bench_cleanup() {
    "$REPO_ROOT/scripts/brokers.sh" stop "$WORK/state" >/dev/null 2>&1 || true
    "$REPO_ROOT/scripts/kafka.sh" stop "$WORK/kafka" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap bench_cleanup EXIT
mkdir -p "$WORK/state"
# BENCH_KAFKA=1: a private 3-node Apache Kafka cluster (full JIT, G1) instead of noida-db; test
# topics get replication factor 3 and min.insync.replicas=2.
RF=1
TOPIC_CONFIGS=""
if [[ "${BENCH_KAFKA:-0}" == 1 ]]; then
    EVCTL_KAFKA_JIT=full EVCTL_KAFKA_HEAP=768m "$REPO_ROOT/scripts/kafka.sh" start "$WORK/kafka" 3 >&2
    # shellcheck disable=SC1091
    source "$WORK/kafka/env"
    BROKER="$EVCTL_TEST_KAFKA_BROKERS"
    BROKER_NAME="Apache Kafka $EVCTL_TEST_KAFKA_VERSION (3 nodes, RF 3, min.insync.replicas 2)"
    RF=3
    TOPIC_CONFIGS="    configs: {min.insync.replicas: 2}"
else
    "$REPO_ROOT/scripts/brokers.sh" start-one noida "$WORK/state" >/dev/null
    # shellcheck disable=SC1091
    source "$WORK/state/env"
    BROKER="$EVCTL_TEST_NOIDA_BROKERS"
    BROKER_NAME="noida-db"
fi

# median N...: the median of the numbers given.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# create_topic NAME PARTITIONS
create_topic() {
    printf 'topics:\n  - name: %s\n    partitions: %s\n    replication_factor: %s\n%s\n' "$1" "$2" "$RF" "$TOPIC_CONFIGS" >"$WORK/topic.yaml"
    "$EVCTL_BIN" -b "$BROKER" -q apply "$WORK/topic.yaml" --yes >/dev/null
}

# count TOPIC: how many records it holds (to its end offsets).
count() { "$EVCTL_BIN" -b "$BROKER" -q tail "$1" -o raw -e | wc -l; }
