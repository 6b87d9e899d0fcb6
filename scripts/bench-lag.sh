#!/usr/bin/env bash
# Benchmark: `evctl lag` over 200 consumer groups, on a 5-partition and a 50-partition topic.
#
#   scripts/bench-lag.sh [GROUPS]      default 200
#
# Starts a private noida-db broker on loopback, writes 20 records to each partition of two
# topics (5 and 50 partitions), commits offsets for GROUPS groups on each topic (with `evctl tail
# --group`, each group at its own position), then times `evctl lag` (time lag included) and
# counts the requests it sends. The request count must not grow with the partitions per group:
# the script fails when the 50-partition run sends more requests than the 5-partition one.
# EVCTL_BIN overrides the binary (default: a release build). Run scripts/setup.sh first.
set -euo pipefail

GROUPS_N="${1:-200}"
# shellcheck source=scripts/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
evctl() { "$EVCTL_BIN" -b "$BROKER" "$@"; }

declare -A requests millis
for parts in 5 50; do
    topic="bench.lag.p$parts"
    create_topic "$topic" "$parts"
    for p in $(seq 0 $((parts - 1))); do
        seq 1 20 | evctl -q publish "$topic" --partition "$p" >/dev/null
    done
    echo "bench: committing offsets of $GROUPS_N groups on $topic ($parts partitions)" >&2
    for g in $(seq 1 "$GROUPS_N"); do
        # each group a little further along: lag differs per group
        evctl -q tail "$topic" --group "bench.p$parts.g$g" -n $(((g % 10 + 1) * parts)) --from start -o raw >/dev/null
    done
    evctl lag --group-pattern "^bench\.p$parts\." -o json >/dev/null 2>&1 # warm the broker's caches
    log="$WORK/lag.$parts.log"
    start=$(date +%s%N)
    evctl -v lag --group-pattern "^bench\.p$parts\." -o json >"$WORK/lag.$parts.json" 2>"$log"
    end=$(date +%s%N)
    millis[$parts]=$(((end - start) / 1000000))
    requests[$parts]="$(grep -o 'requests=[0-9]*' "$log" | head -1 | cut -d= -f2)"
    found="$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(len(r['groups']), sum(len(g['partitions']) for g in r['groups']))" "$WORK/lag.$parts.json")"
    echo "lag: $GROUPS_N groups x $parts partitions: ${requests[$parts]} requests, ${millis[$parts]} ms (groups, partitions reported: $found)"
done
if [[ "${requests[50]}" -gt "${requests[5]}" ]]; then
    echo "FAIL: requests grew with the partitions per group (${requests[5]} -> ${requests[50]})"
    exit 3
fi
echo "PASS: requests do not grow with the partitions per group (${requests[5]} and ${requests[50]})"
