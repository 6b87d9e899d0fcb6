#!/usr/bin/env bash
# Quickstart: one local Kafka-compatible broker (noida-db) for trying evctl.
#
#   scripts/dev-broker.sh            run on 127.0.0.1:${PORT:-9092} until Ctrl-C
#   scripts/dev-broker.sh --detach   leave it running in the background
#   scripts/dev-broker.sh stop       stop a detached broker
#   scripts/dev-broker.sh --no-run   (with either form) skip the evctl smoke run
#   scripts/dev-broker.sh --kafka [1|3]   Apache Kafka itself instead (needs Java 17+ and Maven):
#                                    1 KRaft node (default) or 3, PLAINTEXT on ${PORT:-9092} and up,
#                                    SASL_SSL (SCRAM users admin/alice/bob) on PORT+100 and up
#
# noida-db's data persists in .dev-broker/data at the repo root (delete it to reset); a Kafka dev
# cluster's data lives until it stops.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$REPO_ROOT/scripts"
STATE="$REPO_ROOT/.dev-broker"
PORT="${PORT:-9092}"
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "dev-broker: PORT must be a number, got '$PORT'" >&2; exit 2; }
ADDR="127.0.0.1:$PORT"

detach=false
smoke=true
kafka_nodes=0
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    arg="${args[$i]}"
    case "$arg" in
        stop)
            stopped=false
            if [[ -f "$STATE/noida.pid" ]]; then
                "$SCRIPTS/brokers.sh" stop "$STATE"
                stopped=true
            fi
            if [[ -f "$STATE/kafka/nodes" ]]; then
                "$SCRIPTS/kafka.sh" stop "$STATE/kafka"
                stopped=true
            fi
            $stopped || echo "dev-broker: not running"
            exit 0
            ;;
        --detach | -d) detach=true ;;
        --no-run) smoke=false ;;
        --kafka)
            kafka_nodes=1
            if [[ "${args[$((i + 1))]:-}" =~ ^[13]$ ]]; then
                kafka_nodes="${args[$((i + 1))]}"
                i=$((i + 1))
            fi
            ;;
        -h | --help)
            sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "dev-broker: unknown argument '$arg' (try --help)" >&2
            exit 2
            ;;
    esac
done

# The evctl a newcomer runs: cargo from the repo, or a release build.
evctl_cmd=()
if command -v cargo >/dev/null; then
    evctl_cmd=(cargo run --release --quiet --)
elif [[ -x "$REPO_ROOT/target/release/evctl" ]]; then
    evctl_cmd=("$REPO_ROOT/target/release/evctl")
fi

# smoke_run ADDR ARGS...: the cluster, then the example topics applied and planned (ARGS are the
# -f spec flags); the quickstart fails if evctl does.
smoke_run() {
    local addr="$1" specs a
    shift
    specs="$*"
    ((${#evctl_cmd[@]})) || return 0
    for a in "cluster" "apply $specs --yes" "plan $specs --detailed-exitcode"; do
        echo "\$ evctl --brokers $addr $a"
        # shellcheck disable=SC2086  # a is words
        if ! (cd "$REPO_ROOT" && "${evctl_cmd[@]}" --brokers "$addr" $a); then
            echo "dev-broker: error: the evctl run above failed (see its error)" >&2
            exit 1
        fi
        echo
    done
}

if ((kafka_nodes > 0)); then
    KSTATE="$STATE/kafka"
    if [[ -f "$KSTATE/nodes" ]]; then
        echo "dev-broker: a Kafka dev cluster is already running; stop it with: scripts/dev-broker.sh stop"
        $detach && exit 0
        exit 1
    fi
    mkdir -p "$STATE"
    EVCTL_KAFKA_BASE_PORT="$PORT" EVCTL_BROKER_SETSID=1 "$SCRIPTS/kafka.sh" start "$KSTATE" "$kafka_nodes"
    # shellcheck source=/dev/null
    . "$KSTATE/env"
    ADDR="$EVCTL_TEST_KAFKA_BROKERS"
    echo
    echo "Apache Kafka $EVCTL_TEST_KAFKA_VERSION, $kafka_nodes KRaft node(s): PLAINTEXT $ADDR"
    echo "  SASL_SSL $EVCTL_TEST_KAFKA_SASL_BROKERS (SCRAM-SHA-256/512 admin/admin-secret, alice/alice-secret; CA $EVCTL_TEST_KAFKA_CA)"
    echo "  logs: $KSTATE/node*.log"
    echo
    echo "Use it with evctl:"
    echo "  export EVCTL_BROKERS=$ADDR"
    echo "  cargo run --release -- --brokers $ADDR cluster"
    echo
    if $smoke; then
        if ((kafka_nodes >= 3)); then
            smoke_run "$ADDR" -f topics.yaml
        else
            smoke_run "$ADDR" -f topics.yaml -f topics.local.yaml
        fi
    fi
    if $detach; then
        echo "Kafka left running. Stop it with: scripts/dev-broker.sh stop"
        exit 0
    fi
    # shellcheck disable=SC2317  # invoked from the traps
    stop_kafka() {
        trap - INT TERM EXIT
        echo
        "$SCRIPTS/kafka.sh" stop "$KSTATE"
    }
    trap 'stop_kafka; exit 0' INT TERM
    trap stop_kafka EXIT
    echo "Kafka running in the foreground; Ctrl-C stops it. Node 1's log follows:"
    tail -n 0 -F "$KSTATE/node1.log" 2>/dev/null &
    wait $! || true
    exit 0
fi

running_pid() {
    local pid
    [[ -f "$STATE/noida.pid" ]] || return 1
    pid="$(cat "$STATE/noida.pid")"
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" =~ ^[^Z]$ ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q noida || return 1
    echo "$pid"
}

if pid="$(running_pid)"; then
    echo "dev-broker: already running on $(cat "$STATE/noida.port" 2>/dev/null || echo '?') (pid $pid); stop it with: scripts/dev-broker.sh stop"
    $detach && exit 0
    exit 1
fi

"$SCRIPTS/setup.sh"

mkdir -p "$STATE"
EVCTL_NOIDA_PORT="$PORT" EVCTL_NOIDA_DATA_DIR="$STATE/data" EVCTL_BROKER_SETSID=1 \
    "$SCRIPTS/brokers.sh" start-one noida "$STATE"
pid="$(cat "$STATE/noida.pid")"

# shellcheck disable=SC2317  # invoked from traps
cleanup() {
    trap - INT TERM EXIT
    echo
    "$SCRIPTS/brokers.sh" stop "$STATE"
}
if ! $detach; then
    # From here on, leaving the script (Ctrl-C included) stops the broker.
    trap 'cleanup; exit 0' INT TERM
    trap cleanup EXIT
fi

cat <<EOF

Kafka-compatible broker (noida-db) listening on $ADDR (pid $pid)
  data: $STATE/data    log: $STATE/noida.log

Use it with evctl:
  export EVCTL_BROKERS=$ADDR
  cargo run --release -- --brokers $ADDR cluster
EOF
command -v kcat >/dev/null && echo "  kcat -b $ADDR -L"
echo

# Smoke run of evctl against the broker: the quickstart fails if evctl does.
if $smoke; then
    smoke_run "$ADDR" -f topics.yaml -f topics.local.yaml
fi

if $detach; then
    echo "Broker left running (pid $pid). Stop it with: scripts/dev-broker.sh stop"
    exit 0
fi

echo "Broker running in the foreground; Ctrl-C stops it. Log follows:"
tail -n 0 -F --pid="$pid" "$STATE/noida.log" 2>/dev/null || true
echo "dev-broker: the broker exited on its own; last log lines:" >&2
tail -n 20 "$STATE/noida.log" >&2 || true
exit 1
