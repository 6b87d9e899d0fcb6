#!/usr/bin/env bash
# Benchmark: `evctl group reset` of one group over a 1,000-partition topic, against
# kafka-consumer-groups --reset-offsets on the same partitions in the same run.
#
#   scripts/bench-group.sh [PARTITIONS]      default 1000
#
# Starts a private broker on loopback (noida-db, or with BENCH_KAFKA=1 a 3-node Apache Kafka
# cluster), writes 3 records to every partition, then resets one group to the log end with
# evctl (--execute, counting its requests in the -vvv protocol trace) and another with Kafka's
# own tool, checks both groups read back the same offsets, and prints the request counts and the
# time ratio. Target (issue #16): one ListOffsets per partition leader for each offset asked (log
# start and log end) and one OffsetCommit for the group, whatever the partition count; the script
# exits 3 when that does not hold. EVCTL_BIN overrides the binary (default: a release build).
set -euo pipefail

PARTS="${1:-1000}"
# shellcheck source=scripts/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
evctl() { "$EVCTL_BIN" -b "$BROKER" "$@"; }
groups_tool() {
    "$REPO_ROOT/scripts/kafka.sh" tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
        --bootstrap-server "${BROKER%%,*}" "$@"
}

topic="bench.group.p$PARTS"
echo "bench: $BROKER_NAME; creating $topic ($PARTS partitions) with 3 records in each" >&2
create_topic "$topic" "$PARTS"
seq 1 $((PARTS * 3)) | evctl -q publish "$topic" >/dev/null
# a plan first: a new topic's leaders may still move (a retried ListOffsets is not a batch)
evctl -q group reset bench-evctl --topic "$topic" --to-earliest >/dev/null

start=$(date +%s%N)
evctl -vvv group reset bench-evctl --topic "$topic" --to-latest --execute --yes \
    --undo-file "$WORK/undo.csv" -o json >"$WORK/plan.json" 2>"$WORK/trace.log"
end=$(date +%s%N)
ours=$(((end - start) / 1000000))

start=$(date +%s%N)
groups_tool --reset-offsets --group bench-peer --topic "$topic" --to-latest --execute >/dev/null 2>&1
end=$(date +%s%N)
theirs=$(((end - start) / 1000000))

api() { grep -c "api=\"$1\"" "$WORK/trace.log" || true; }
list_offsets=$(api ListOffsets)
commits=$(api OffsetCommit)
total=$(grep -c 'request api=' "$WORK/trace.log" || true)
leaders=$(evctl cluster -o json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["brokers"]))')
committed=$(python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['partitions']; print(sum(1 for r in p if r.get('result') == 'committed'))" "$WORK/plan.json")

# both groups read back alike by Kafka's tool
groups_tool --describe --group bench-evctl 2>/dev/null | awk 'NR > 2 && NF >= 4 {print $2, $3, $4}' | sort >"$WORK/evctl.offsets"
groups_tool --describe --group bench-peer 2>/dev/null | awk 'NR > 2 && NF >= 4 {print $2, $3, $4}' | sort >"$WORK/peer.offsets"
same=no
if cmp -s "$WORK/evctl.offsets" "$WORK/peer.offsets" && [[ $(wc -l <"$WORK/evctl.offsets") -eq $PARTS ]]; then same=yes; fi

echo "group reset of $PARTS partitions on $BROKER_NAME:"
echo "  evctl: $ours ms, $committed partitions committed, $total requests in all: $list_offsets ListOffsets ($leaders brokers lead partitions; log start and log end), $commits OffsetCommit"
echo "  kafka-consumer-groups --reset-offsets --execute: $theirs ms"
echo "  ratio (kafka-consumer-groups time / evctl time): $(python3 -c "print(round($theirs / max($ours, 1), 2))")"
echo "  offsets read back by kafka-consumer-groups --describe agree: $same"
if [[ $list_offsets -le $((2 * leaders)) && $commits -eq 1 && $committed -eq $PARTS && $same == yes ]]; then
    echo "PASS: target (ListOffsets <= 2 x $leaders leaders, 1 OffsetCommit, all $PARTS partitions committed and agreeing)"
else
    echo "FAIL: target (ListOffsets <= 2 x $leaders leaders, 1 OffsetCommit, all $PARTS partitions committed and agreeing)"
    exit 3
fi
