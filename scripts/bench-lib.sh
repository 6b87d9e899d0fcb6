# Shared by the benchmark scripts (sourced, not run): a release build of evctl, a private
# noida-db broker on loopback in a temporary directory (stopped and removed at exit), and medians.
#
# After sourcing: EVCTL_BIN, WORK (the temporary directory) and BROKER (host:port) are set.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${EVCTL_BIN:-}" ]]; then
    (cd "$REPO_ROOT" && cargo build --release --locked --quiet)
    EVCTL_BIN="$REPO_ROOT/target/release/evctl"
fi

WORK="$(mktemp -d)"
bench_cleanup() {
    "$REPO_ROOT/scripts/brokers.sh" stop "$WORK/state" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap bench_cleanup EXIT
mkdir -p "$WORK/state"
"$REPO_ROOT/scripts/brokers.sh" start-one noida "$WORK/state" >/dev/null
# shellcheck disable=SC1091
source "$WORK/state/env"
BROKER="$EVCTL_TEST_NOIDA_BROKERS"

# median N...: the median of the numbers given.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# create_topic NAME PARTITIONS
create_topic() {
    printf 'topics:\n  - name: %s\n    partitions: %s\n    replication_factor: 1\n' "$1" "$2" >"$WORK/topic.yaml"
    "$EVCTL_BIN" -b "$BROKER" -q apply "$WORK/topic.yaml" --yes >/dev/null
}

# count TOPIC: how many records it holds (to its end offsets).
count() { "$EVCTL_BIN" -b "$BROKER" -q tail "$1" -o raw -e | wc -l; }
