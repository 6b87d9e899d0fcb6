#!/usr/bin/env bash
# Benchmark: `evctl plan` of a spec with 2,000 ACLs and 500 quota entities against a cluster that
# holds them, and the same with a tenth of each: requests sent and wall time.
#
#   scripts/bench-acls.sh [PRINCIPALS]      default 400 (5 ACLs each: 2,000 ACLs)
#
# Starts a private 3-node Apache Kafka cluster (the ACL and quota APIs need it: noida-db has
# neither), applies the spec (one CreateAcls, one AlterClientQuotas), then times `evctl plan`
# (counting its requests in the -vvv protocol trace) and, as the peer measured in the same run,
# Kafka's own `kafka-acls --list` plus `kafka-configs --describe --entity-type users`, which read
# the same ACLs and quotas. Target (issue #17): requests do not grow with the number of ACLs and
# quota entities; the script exits 3 when they do. EVCTL_BIN overrides the binary.
set -euo pipefail

PRINCIPALS="${1:-400}"
export BENCH_KAFKA=1
# shellcheck source=scripts/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
evctl() { "$EVCTL_BIN" -b "$BROKER" "$@"; }
tool() { "$REPO_ROOT/scripts/kafka.sh" tool "$@"; }

# spec N: N principals with a producer role (4 ACLs) and a consumer READ on a prefix (1 ACL),
# and N+N/4 user quotas
spec() {
    local n=$1 out=$2 q=$(($1 + $1 / 4))
    {
        echo "acls:"
        for i in $(seq 1 "$n"); do
            echo "  - principal: User:svc$i"
            echo "    acls:"
            echo "      - {role: producer, topic: bench.t$i}"
            echo "      - {resource: topic, name: bench.shared.$i., pattern: prefixed, operations: [read]}"
        done
        echo "quotas:"
        for i in $(seq 1 "$q"); do
            echo "  - {user: svc$i, producer_byte_rate: $((i % 50 + 1))MiB/s}"
        done
    } >"$out"
}

declare -A requests millis acls quotas
for n in $((PRINCIPALS / 10)) "$PRINCIPALS"; do
    spec "$n" "$WORK/spec.$n.yaml"
    evctl -q apply "$WORK/spec.$n.yaml" --yes >/dev/null
    evctl plan "$WORK/spec.$n.yaml" -o json >/dev/null 2>&1 # warm
    start=$(date +%s%N)
    evctl -vvv plan "$WORK/spec.$n.yaml" -o json >"$WORK/plan.$n.json" 2>"$WORK/trace.$n.log"
    end=$(date +%s%N)
    millis[$n]=$(((end - start) / 1000000))
    requests[$n]=$(grep -c 'request api=' "$WORK/trace.$n.log" || true)
    acls[$n]=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['in_sync_acls'])" "$WORK/plan.$n.json")
    quotas[$n]=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['in_sync_quotas'])" "$WORK/plan.$n.json")
    echo "plan: ${acls[$n]} ACLs and ${quotas[$n]} quota values in sync: ${requests[$n]} requests, ${millis[$n]} ms"
done
big="$PRINCIPALS"
small=$((PRINCIPALS / 10))
addr="${BROKER%%,*}"
start=$(date +%s%N)
tool org.apache.kafka.tools.AclCommand --bootstrap-server "$addr" --list >/dev/null 2>&1
tool kafka.admin.ConfigCommand --bootstrap-server "$addr" --describe --entity-type users >/dev/null 2>&1
end=$(date +%s%N)
peer=$(((end - start) / 1000000))
echo "peer: kafka-acls --list + kafka-configs --describe --entity-type users: $peer ms"
echo "ratio (peer time / evctl plan time, ${acls[$big]} ACLs): $(python3 -c "print(round($peer / max(${millis[$big]}, 1), 2))")"
if [[ "${requests[$big]}" -gt "${requests[$small]}" || "${acls[$big]}" -lt $((PRINCIPALS * 5)) ]]; then
    echo "FAIL: requests grew with the ACLs and quotas (${requests[$small]} -> ${requests[$big]}) or not every ACL was in sync"
    exit 3
fi
echo "PASS: requests do not grow with the ACLs and quotas (${requests[$small]} and ${requests[$big]})"
