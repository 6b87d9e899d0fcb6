#!/usr/bin/env bash
# The project's test command: installs the toolchain, fetches Apache Kafka, starts the three live
# test brokers on loopback (noida-db, tansu, and a 3-node Apache Kafka KRaft cluster), runs the
# tests part by part (unit and broker-less tests, then the integration suite once per broker, each
# part timed), and always stops the brokers.
# Extra arguments go to one plain `cargo test` run instead, e.g. scripts/test.sh -- --nocapture
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

t0=$SECONDS
scripts/setup.sh
echo "test.sh: setup took $((SECONDS - t0)) s"

STATE="$(mktemp -d "${TMPDIR:-/tmp}/evctl-brokers.XXXXXX")"
# shellcheck disable=SC2317  # invoked from the trap
cleanup() {
    local rc=$?
    scripts/brokers.sh stop "$STATE" || true
    scripts/kafka.sh stop "$STATE/kafka" || true
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

t0=$SECONDS
scripts/brokers.sh start "$STATE" >/dev/null
scripts/kafka.sh start "$STATE/kafka" 3
set -a
# shellcheck source=/dev/null
. "$STATE/env"
# shellcheck source=/dev/null
. "$STATE/kafka/env"
set +a
export EVCTL_SKIP_LOG="$STATE/skips.log"
echo "test.sh: brokers up in $((SECONDS - t0)) s: noida on $EVCTL_TEST_NOIDA_BROKERS, tansu on $EVCTL_TEST_TANSU_BROKERS, Apache Kafka $EVCTL_TEST_KAFKA_VERSION on $EVCTL_TEST_KAFKA_BROKERS"

if [[ $# -gt 0 ]]; then
    cargo test --locked "$@" 2>&1 | tee "$STATE/cargo-test.log"
    exit "${PIPESTATUS[0]}"
fi

# Each part's exit code is kept; every part runs, and the first failure is the script's.
status=0
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
part "unit and broker-less" -- --skip ::noida --skip ::tansu --skip ::kafka
part "noida-db" --test it -- ::noida
part "tansu" --test it -- ::tansu
part "Apache Kafka $EVCTL_TEST_KAFKA_VERSION (3 nodes)" --test it -- ::kafka
exit "$status"
