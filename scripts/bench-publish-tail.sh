#!/usr/bin/env bash
# Benchmark: evctl publish/tail against kcat on the same broker, in the same run.
#
#   scripts/bench-publish-tail.sh [--kafka] [RECORDS] [RUNS]     defaults: 1000000 records, 3 runs
#
# --kafka: a private 3-node Apache Kafka cluster (topics RF 3, min.insync.replicas 2) instead of
# noida-db, every producer with acks=all, idempotence on, linger 5 ms and 512 KiB batches; Kafka's
# own kafka-producer-perf-test (the Java producer, same records from the same file) is timed too.
# Targets there: publish >= 1.5x kcat and >= 1.0x the Java producer, tail >= 1.5x kcat, tail peak
# memory < 100 MiB. Times are whole processes (a JVM's start-up included), medians of RUNS.
#
# Starts a private noida-db broker on loopback (kcat cannot talk to tansu), writes RECORDS lines
# of ~100 bytes to a file, then RUNS times:
#   publish: kcat -P -l FILE          vs  evctl publish --file FILE       (each into a fresh topic)
#   tail:    kcat -C -J -e > /dev/null vs  evctl tail -o json -e > /dev/null (the same topic)
# and prints the medians, the ratios (kcat time / evctl time: above 1.0 means evctl is faster)
# and the peak memory (max RSS) of each tail.
#
# noida-db answers a Fetch with the whole log whatever size limits the request sets, so kcat needs
# `-X receive.message.max.bytes=2147483647` (it fails otherwise) and holds the whole response;
# evctl streams responses batch by batch. EVCTL_BIN overrides the binary (default: a release build).
# Run scripts/setup.sh first.
set -euo pipefail

if [[ "${1:-}" == --kafka ]]; then
    export BENCH_KAFKA=1
    shift
fi
RECORDS="${1:-1000000}"
RUNS="${2:-3}"
PARTITIONS="${BENCH_PARTITIONS:-1}"
command -v kcat >/dev/null || { echo "bench: kcat is not installed (scripts/setup.sh)" >&2; exit 1; }
# shellcheck source=scripts/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"

DATA="$WORK/records.txt"
python3 - "$DATA" "$RECORDS" <<'EOF'
import sys
path, n = sys.argv[1], int(sys.argv[2])
pad = "x" * 52
with open(path, "w") as f:
    for i in range(n):
        f.write('{"id":%07d,"type":"bench.event.v1","payload":"%s"}\n' % (i, pad))
EOF
echo "bench: $RECORDS records, $(wc -c <"$DATA") bytes, $PARTITIONS partition(s), $RUNS runs, broker $BROKER_NAME at $BROKER" >&2
KAFKA="${BENCH_KAFKA:-0}"
# the same producer settings for every client
KCAT_P=(-X acks=all -X enable.idempotence=true -X linger.ms=5 -X batch.size=524288)
KCAT_C=()
if [[ $KAFKA != 1 ]]; then
    KCAT_P=()
    # noida-db ignores fetch size limits
    KCAT_C=(-X receive.message.max.bytes=2147483647)
fi

# Runs a command with stdout to /dev/null; prints "SECONDS MAX_RSS_KIB CPU_SECONDS".
measure() {
    python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
if rc != 0:
    sys.exit(f"bench: {sys.argv[1]} exited with {rc}")
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{elapsed:.3f} {u.ru_maxrss} {u.ru_utime + u.ru_stime:.3f}")
EOF
}

declare -a kp ep jp kt et km em kc ec
for run in $(seq 1 "$RUNS"); do
    create_topic "bench.kcat.$run" "$PARTITIONS"
    create_topic "bench.evctl.$run" "$PARTITIONS"
    read -r t _ c < <(measure kcat -b "$BROKER" -P -t "bench.kcat.$run" -l "${KCAT_P[@]}" "$DATA")
    kp+=("$t"); kc+=("$c")
    read -r t _ c < <(measure "$EVCTL_BIN" -b "$BROKER" -q publish "bench.evctl.$run" --file "$DATA" \
        --acks all --linger 5ms --batch-size 512KiB)
    ep+=("$t"); ec+=("$c")
    if [[ $KAFKA == 1 ]]; then
        create_topic "bench.java.$run" "$PARTITIONS"
        read -r t _ < <(EVCTL_KAFKA_JIT=full measure "$REPO_ROOT/scripts/kafka.sh" tool \
            org.apache.kafka.tools.ProducerPerformance --topic "bench.java.$run" \
            --num-records "$RECORDS" --payload-file "$DATA" --throughput -1 \
            --producer-props "bootstrap.servers=$BROKER" acks=all enable.idempotence=true \
            linger.ms=5 batch.size=524288)
        jp+=("$t")
    fi
    read -r t m _ < <(measure kcat -b "$BROKER" -C -J -e -q -t "bench.kcat.$run" "${KCAT_C[@]}")
    kt+=("$t"); km+=("$m")
    read -r t m _ < <(measure "$EVCTL_BIN" -b "$BROKER" -q tail "bench.kcat.$run" -o json -e)
    et+=("$t"); em+=("$m")
    echo "run $run: publish kcat ${kp[-1]}s (cpu ${kc[-1]}s) evctl ${ep[-1]}s (cpu ${ec[-1]}s)${jp:+ java ${jp[-1]}s}; tail kcat ${kt[-1]}s (${km[-1]} KiB) evctl ${et[-1]}s (${em[-1]} KiB)" >&2
done

# every record arrived, both ways
topics=(bench.kcat.1 bench.evctl.1)
[[ $KAFKA == 1 ]] && topics+=(bench.java.1)
for topic in "${topics[@]}"; do
    n="$(count "$topic")"
    [[ "$n" -eq "$RECORDS" ]] || { echo "bench: $topic holds $n records, expected $RECORDS" >&2; exit 1; }
done

max() { printf '%s\n' "$@" | sort -g | tail -1; }

KP="$(median "${kp[@]}")"; EP="$(median "${ep[@]}")"
KT="$(median "${kt[@]}")"; ET="$(median "${et[@]}")"
EM="$(max "${em[@]}")"; KM="$(max "${km[@]}")"
KC="$(median "${kc[@]}")"; EC="$(median "${ec[@]}")"
JP=0
[[ $KAFKA == 1 ]] && JP="$(median "${jp[@]}")"
echo "bench: $BROKER_NAME" >&2
awk -v kc="$KC" -v ec="$EC" -v kp="$KP" -v ep="$EP" -v jp="$JP" -v kt="$KT" -v et="$ET" -v em="$EM" -v km="$KM" -v n="$RECORDS" -v kafka="$KAFKA" 'BEGIN {
    # targets: on real Kafka 1.5x kcat both ways and 1.0x the Java producer; 1.0x kcat on noida-db
    tk = kafka ? 1.5 : 1.0
    printf "publish %d records: kcat %.3fs, evctl %.3fs (%.0f records/s): ratio %.2f (target %.1f)\n", n, kp, ep, n/ep, kp/ep, tk
    printf "publish CPU time (user+sys): kcat %.2fs, evctl %.2fs: ratio %.1f (wall time is bound by the brokers when evctl waits on them)\n", kc, ec, kc/ec
    if (kafka) printf "publish %d records: Java producer (kafka-producer-perf-test) %.3fs, evctl %.3fs: ratio %.2f (target 1.0)\n", n, jp, ep, jp/ep
    printf "tail %d records -o json: kcat %.3fs, evctl %.3fs (%.0f records/s): ratio %.2f (target %.1f)\n", n, kt, et, n/et, kt/et, tk
    printf "tail peak memory: evctl %.1f MiB, kcat %.1f MiB (limit 100 MiB)\n", em/1024, km/1024
    ok = (kp/ep >= tk) && (kt/et >= tk) && (em/1024 < 100) && (!kafka || jp/ep >= 1.0)
    print ok ? "PASS" : "FAIL"
    exit ok ? 0 : 3
}'
