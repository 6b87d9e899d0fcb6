#!/usr/bin/env bash
# Quickstart: one local Kafka-compatible broker (noida-db) for trying evctl.
#
#   scripts/dev-broker.sh            run on 127.0.0.1:${PORT:-9092} until Ctrl-C
#   scripts/dev-broker.sh --detach   leave it running in the background
#   scripts/dev-broker.sh stop       stop a detached broker
#   scripts/dev-broker.sh --no-run   (with either form) skip the evctl smoke run
#
# Data persists in .dev-broker/data at the repo root (delete it to reset).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$REPO_ROOT/scripts"
STATE="$REPO_ROOT/.dev-broker"
PORT="${PORT:-9092}"
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "dev-broker: PORT must be a number, got '$PORT'" >&2; exit 2; }
ADDR="127.0.0.1:$PORT"

detach=false
smoke=true
for arg in "$@"; do
    case "$arg" in
        stop)
            if [[ -f "$STATE/noida.pid" ]]; then
                "$SCRIPTS/brokers.sh" stop "$STATE"
            else
                echo "dev-broker: not running"
            fi
            exit 0
            ;;
        --detach | -d) detach=true ;;
        --no-run) smoke=false ;;
        -h | --help)
            sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "dev-broker: unknown argument '$arg' (try --help)" >&2
            exit 2
            ;;
    esac
done

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
    evctl_cmd=()
    if command -v cargo >/dev/null; then
        evctl_cmd=(cargo run --release --quiet --)
    elif [[ -x "$REPO_ROOT/target/release/evctl" ]]; then
        evctl_cmd=("$REPO_ROOT/target/release/evctl")
    fi
    if ((${#evctl_cmd[@]})); then
        # what a newcomer tries first: the cluster, then the example topics applied and planned
        for args in "cluster" \
            "apply -f topics.yaml -f topics.local.yaml --yes" \
            "plan -f topics.yaml -f topics.local.yaml --detailed-exitcode"; do
            echo "\$ evctl --brokers $ADDR $args"
            # shellcheck disable=SC2086  # args are words
            if ! (cd "$REPO_ROOT" && "${evctl_cmd[@]}" --brokers "$ADDR" $args); then
                echo "dev-broker: error: the evctl run above failed (see its error)" >&2
                exit 1
            fi
            echo
        done
    fi
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
