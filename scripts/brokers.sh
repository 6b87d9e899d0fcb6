#!/usr/bin/env bash
# Start/stop the live test brokers (noida-db and tansu) on loopback only.
#
#   scripts/brokers.sh start STATE_DIR                 both brokers, free ports
#   scripts/brokers.sh start-one noida|tansu STATE_DIR  one broker
#   scripts/brokers.sh stop STATE_DIR                  TERM, then KILL after 5 s
#   scripts/brokers.sh wait HOST:PORT [SECS]           wait for Kafka ApiVersions
#
# STATE_DIR gets NAME.log, NAME.pid, NAME.port and an `env` file with
# EVCTL_TEST_{NOIDA,TANSU}_{BROKERS,BIN}. Optional overrides for start-one:
# EVCTL_NOIDA_PORT / EVCTL_TANSU_PORT (fixed port), EVCTL_NOIDA_DATA_DIR
# (persistent noida data dir; never deleted by stop), EVCTL_BROKER_SETSID=1
# (start in a new session), EVCTL_BROKER_TIMEOUT (readiness wait, default 30 s).
# Run scripts/setup.sh first.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${EVCTL_VENV:-$REPO_ROOT/.venv}"
HOST=127.0.0.1
READY_TIMEOUT="${EVCTL_BROKER_TIMEOUT:-30}"

# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"
log() { printf 'brokers: %s\n' "$*" >&2; }
die() { printf 'brokers: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# Absolute path of a broker's native binary.
broker_bin() {
    local py="$VENV/bin/python" path
    [[ -x "$py" ]] || die "no venv at $VENV; run scripts/setup.sh"
    case "$1" in
        noida) path="$("$py" -c 'import os, noida_db; print(os.path.join(os.path.dirname(noida_db.__file__), "noida-db"))')" ;;
        tansu) path="$(readlink -f "$VENV/bin/tansu")" ;;
        *) die "unknown broker '$1' (noida|tansu)" ;;
    esac
    [[ -x "$path" ]] || die "$1 binary not found/executable at $path; run scripts/setup.sh"
    printf '%s\n' "$path"
}

# True if PID is alive and runs the named broker binary (guards against pid
# reuse: we only ever signal our own brokers).
is_ours() {
    local cmd
    is_alive "$1" || return 1
    cmd="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    [[ "$cmd" == *"$2"* ]]
}

# probe HOST PORT [PID]: one Kafka ApiVersions v0 round trip; exit 0 on a
# non-empty reply with our correlation id. With PID, the listening socket must
# also belong to PID (so another service on the port can't fake readiness).
probe() {
    python3 - "$@" <<'EOF'
import glob, os, socket, struct, sys
host, port = sys.argv[1], int(sys.argv[2])
if len(sys.argv) > 3:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                for row in list(f)[1:]:
                    col = row.split()
                    if col[3] == "0A" and int(col[1].rsplit(":", 1)[1], 16) == port:
                        inodes.add("socket:[%s]" % col[9])
        except OSError:
            pass
    owned = False
    for fd in glob.glob("/proc/%s/fd/*" % sys.argv[3]):
        try:
            owned = owned or os.readlink(fd) in inodes
        except OSError:
            pass
    if not owned:
        sys.exit(1)
cid = b"evctl-ready"
body = struct.pack(">hhih", 18, 0, 0x5EAD, len(cid)) + cid  # ApiVersions v0
try:
    with socket.create_connection((host, port), timeout=1) as s:
        s.settimeout(2)
        s.sendall(struct.pack(">i", len(body)) + body)
        buf = b""
        while len(buf) < 4 or len(buf) < 4 + struct.unpack(">i", buf[:4])[0]:
            chunk = s.recv(65536)
            if not chunk:
                sys.exit(1)
            buf += chunk
except OSError:
    sys.exit(1)
size = struct.unpack(">i", buf[:4])[0]
sys.exit(0 if size >= 4 and struct.unpack(">i", buf[4:8])[0] == 0x5EAD else 1)
EOF
}

# wait_ready HOST PORT SECS [PID]: poll until ApiVersions answers;
# returns 2 early if PID dies.
wait_ready() {
    local host="$1" port="$2" secs="$3" pid="${4:-}"
    local deadline=$((SECONDS + secs))
    while ((SECONDS < deadline)); do
        if [[ -n "$pid" ]] && ! is_alive "$pid"; then
            return 2
        fi
        probe "$host" "$port" ${pid:+"$pid"} && return 0
        sleep 0.2
    done
    return 1
}

start_one() {
    local name="$1" state="$2" bin port pid data tmpdir="" rc attempt
    local upper="${name^^}"
    local fixed_port_var="EVCTL_${upper}_PORT"
    local fixed_port="${!fixed_port_var:-}"
    mkdir -p "$state"
    state="$(cd "$state" && pwd)"
    bin="$(broker_bin "$name")"

    if [[ -f "$state/$name.pid" ]] && is_ours "$(cat "$state/$name.pid")" "$name"; then
        die "$name already running (pid $(cat "$state/$name.pid")); run: $0 stop $state"
    fi

    for attempt in 1 2 3; do
        port="${fixed_port:-$(free_port)}"
        # Each broker runs in its own directory (tansu reads ./.env, so empty).
        if [[ "$name" == noida && -n "${EVCTL_NOIDA_DATA_DIR:-}" ]]; then
            data="$EVCTL_NOIDA_DATA_DIR"
            mkdir -p "$data"
        else
            tmpdir="$(mktemp -d "$state/$name.XXXXXX")"
            data="$tmpdir"
        fi
        local argv=()
        case "$name" in
            noida) argv=("$bin" start --only kafka --host "$HOST" --kafka-port "$port" --data-dir "$data") ;;
            tansu) argv=("$bin" broker --cluster-id evctl-test
                        --listener-url "tcp://$HOST:$port"
                        --advertised-listener-url "tcp://$HOST:$port"
                        --storage-engine memory://tansu/) ;;
        esac
        printf '### %s: %s\n' "$(date -u +%FT%TZ)" "${argv[*]}" >>"$state/$name.log"
        # EVCTL_BROKER_SETSID=1: own session, so it outlives the caller's
        # terminal (dev-broker.sh --detach). Default: stay in the caller's
        # process group, so killing that group takes the brokers along.
        if [[ "${EVCTL_BROKER_SETSID:-0}" == 1 ]]; then argv=(setsid "${argv[@]}"); fi
        (cd "$data" && exec "${argv[@]}" </dev/null >>"$state/$name.log" 2>&1) &
        pid=$!
        echo "$pid" >"$state/$name.pid"
        echo "$port" >"$state/$name.port"
        if [[ -n "$tmpdir" ]]; then echo "$tmpdir" >"$state/$name.tmpdir"; else rm -f "$state/$name.tmpdir"; fi

        rc=0
        wait_ready "$HOST" "$port" "$READY_TIMEOUT" "$pid" || rc=$?
        if ((rc == 0)); then
            set_env "$state/env" "EVCTL_TEST_${upper}_BROKERS" "$HOST:$port"
            set_env "$state/env" "EVCTL_TEST_${upper}_BIN" "$bin"
            log "$name ready on $HOST:$port (pid $pid)"
            return 0
        fi
        if ((rc == 2)) && [[ -z "$fixed_port" ]] && ((attempt < 3)); then
            log "$name exited during startup (port $port taken?); retrying"
            stop_one "$name" "$state"
            continue
        fi
        break
    done
    if ((rc == 2)); then
        log "$name exited during startup on $HOST:$port; log tail:"
    else
        log "$name did not answer ApiVersions on $HOST:$port within ${READY_TIMEOUT}s; log tail:"
    fi
    tail -n 40 "$state/$name.log" >&2 || true
    stop_one "$name" "$state"
    exit 1
}

stop_one() {
    local name="$1" state="$2" pid i
    if [[ -f "$state/$name.pid" ]]; then
        pid="$(cat "$state/$name.pid")"
        if is_ours "$pid" "$name"; then
            kill -TERM "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                is_ours "$pid" "$name" || break
                sleep 0.1
            done
            if is_ours "$pid" "$name"; then
                log "$name (pid $pid) ignored TERM for 5s; sending KILL"
                kill -KILL "$pid" 2>/dev/null || true
                for ((i = 0; i < 20; i++)); do
                    is_ours "$pid" "$name" || break
                    sleep 0.1
                done
            fi
            log "stopped $name (pid $pid)"
        fi
        rm -f "$state/$name.pid"
    fi
    if [[ -f "$state/$name.tmpdir" ]]; then
        rm -rf -- "$(cat "$state/$name.tmpdir")"
        rm -f "$state/$name.tmpdir"
    fi
}

cmd="${1:-}"
case "$cmd" in
    start)
        [[ $# -eq 2 ]] || usage
        STATE="$2"
        for b in noida tansu; do
            if [[ -f "$STATE/$b.pid" ]] && is_ours "$(cat "$STATE/$b.pid")" "$b"; then
                die "$b already running in $STATE; run: $0 stop $STATE"
            fi
        done
        # On any failure, don't leave a half-started pair behind.
        trap 'stop_one tansu "$STATE"; stop_one noida "$STATE"' EXIT
        start_one noida "$STATE"
        start_one tansu "$STATE"
        trap - EXIT
        cat "$STATE/env"
        ;;
    start-one)
        [[ $# -eq 3 ]] || usage
        case "$2" in noida | tansu) ;; *) usage ;; esac
        start_one "$2" "$3"
        ;;
    stop)
        [[ $# -eq 2 ]] || usage
        [[ -d "$2" ]] || exit 0
        stop_one tansu "$2"
        stop_one noida "$2"
        ;;
    wait)
        [[ $# -ge 2 && $# -le 3 ]] || usage
        [[ "$2" == *:* ]] || usage
        wait_ready "${2%:*}" "${2##*:}" "${3:-$READY_TIMEOUT}" || die "no ApiVersions answer from $2"
        ;;
    *) usage ;;
esac
