#!/usr/bin/env bash
# The project's test command: installs the toolchain, starts both live test
# brokers on loopback, runs cargo test against them, always stops them.
# Extra arguments go to cargo test, e.g. scripts/test.sh -- --nocapture
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

scripts/setup.sh

STATE="$(mktemp -d "${TMPDIR:-/tmp}/evctl-brokers.XXXXXX")"
# shellcheck disable=SC2317  # invoked from the trap
cleanup() {
    scripts/brokers.sh stop "$STATE" || true
    # named skips (a broker lacking an API, a missing tool) are listed, never silent
    local skipped=0
    if [[ -s "$STATE/skips.log" ]]; then
        echo "test.sh: skipped checks:"
        sort -u "$STATE/skips.log" | sed 's/^/  /'
        skipped="$(sort -u "$STATE/skips.log" | wc -l)"
    fi
    if grep -q '^test result:' "$STATE/cargo-test.log" 2>/dev/null; then
        awk -v skipped="$skipped" '/^test result:/ { p += $4; f += $6 }
            END { printf "%d passed, %d failed, %d skipped\n", p, f, skipped }' "$STATE/cargo-test.log"
    fi
    rm -rf -- "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/brokers.sh start "$STATE" >/dev/null
set -a
# shellcheck source=/dev/null
. "$STATE/env"
set +a
export EVCTL_SKIP_LOG="$STATE/skips.log"
echo "test.sh: noida on $EVCTL_TEST_NOIDA_BROKERS, tansu on $EVCTL_TEST_TANSU_BROKERS"

# Exit code is cargo's; the EXIT trap ends with one summary line over all test binaries.
cargo test --locked "$@" 2>&1 | tee "$STATE/cargo-test.log"
