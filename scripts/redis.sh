#!/usr/bin/env bash
# A private Redis server for the live tests and benchmarks, on loopback only (never the system
# service): Debian's redis-server (scripts/setup.sh installs it), one process with a plain port
# and a TLS port.
#
#   scripts/redis.sh start DIR    free ports, a random password; waits for PING (20 s)
#   scripts/redis.sh stop DIR     TERM the server of DIR/redis.pid, KILL after 5 s; quiet when none
#
# The server keeps nothing on disk (save '', appendonly no) and requires a random password
# (requirepass, 24 hex characters); DIR holds redis.conf (mode 600: it has the password),
# redis.pid, redis.log and tls/: a test CA (ca.crt), a server certificate for localhost and
# 127.0.0.1 (server.crt/.key) and a client certificate (client.crt/.key), EC P-256, 30 days,
# all signed by that CA. The TLS port asks for a client certificate but does not require one
# (tls-auth-clients optional). DIR gets an `env` file (KEY=value lines, shell-sourceable):
# EVCTL_TEST_REDIS_{URL,TLS_URL,PORT,TLS_PORT,PASSWORD,CA,CLIENT_CERT,CLIENT_KEY,VERSION}.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST=127.0.0.1
READY_TIMEOUT=20

# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"
log() { printf 'redis: %s\n' "$*" >&2; }
die() { printf 'redis: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# The server and client, checked before anything is made.
check_tools() {
    local tool
    for tool in redis-server redis-cli; do
        command -v "$tool" >/dev/null ||
            die "$tool not found: run scripts/setup.sh (it installs Debian's redis-server and redis-tools)"
    done
    command -v openssl >/dev/null || die "openssl not found: it makes the test certificates"
    # TLS is built in (linked to libssl, as Debian's build is) or loadable as redis-tls.so
    local bin libs
    bin="$(command -v redis-server)"
    if command -v ldd >/dev/null && libs="$(ldd "$bin" 2>/dev/null)" && [[ "$libs" != *libssl* ]]; then
        die "$bin was built without TLS (not linked to libssl); install Debian's redis-server (scripts/setup.sh)"
    fi
}

version() { redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

# True if PID is alive and is the redis-server of this DIR's port (its title is
# "redis-server 127.0.0.1:PORT"): we only ever signal our own server.
is_ours() {
    local pid="$1" dir="$2" cmd port
    is_alive "$pid" || return 1
    port="$(cat "$dir/port" 2>/dev/null)" || return 1
    cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmd" == *redis-server* && "$cmd" == *":$port"* ]]
}

# A test CA, a server certificate (SAN DNS:localhost, IP:127.0.0.1) and a client certificate,
# EC P-256 with PKCS#8 keys, signed by the CA.
make_tls() {
    make_test_tls "$1" "evctl redis test CA" || die "openssl could not make the test certificates in $1"
}

# wait_ready DIR PORT TLS_PORT PASSWORD LOG_LINES: 0 when PING answers PONG on both ports (the
# password in REDISCLI_AUTH, not in redis-cli's arguments), 1 on timeout, 2 when the server is
# gone. The server's pid comes from its pidfile or, before it writes one (it never does when it
# cannot listen), from its "pid=N, just started" line in the log after LOG_LINES.
wait_ready() {
    local dir="$1" port="$2" tls_port="$3" pass="$4" lines="$5" deadline=$((SECONDS + READY_TIMEOUT)) pid
    while ((SECONDS < deadline)); do
        pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
        [[ -n "$pid" ]] ||
            pid="$(tail -n "+$((lines + 1))" "$dir/redis.log" | sed -n 's/.* pid=\([0-9][0-9]*\), just started.*/\1/p' | tail -n 1)"
        if [[ -n "$pid" ]] && ! is_alive "$pid"; then return 2; fi
        if [[ -n "$pid" ]] &&
            [[ "$(REDISCLI_AUTH="$pass" redis-cli -h "$HOST" -p "$port" PING 2>/dev/null)" == PONG ]] &&
            [[ "$(REDISCLI_AUTH="$pass" redis-cli -h "$HOST" -p "$tls_port" --tls --cacert "$dir/tls/ca.crt" \
                PING 2>/dev/null)" == PONG ]]; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

# a config value in double quotes (paths, the password)
quote() { printf '"%s"' "$1"; }

start() {
    local dir="$1" port tls_port pass ver rc attempt pid lines
    check_tools
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    case "$dir" in *[\"\\]*) die "DIR must not contain a double quote or a backslash: $dir" ;; esac
    pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && is_ours "$pid" "$dir"; then
        die "a Redis server (pid $pid) already runs for $dir; run: $0 stop $dir"
    fi
    ver="$(version)"
    make_tls "$dir/tls"
    pass="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    [[ ${#pass} -eq 24 ]] || die "could not read a random password from /dev/urandom"
    # a port taken between free_port and the server's bind: up to 3 attempts with new ports
    for attempt in 1 2 3; do
        port="$(free_port)"
        tls_port="$(free_port)"
        while [[ "$tls_port" == "$port" ]]; do tls_port="$(free_port)"; done
        echo "$port" >"$dir/port"
        rm -f "$dir/redis.pid"
        (
            umask 077
            cat >"$dir/redis.conf" <<EOF
# written by scripts/redis.sh: a private test server, nothing kept on disk
bind $HOST
port $port
protected-mode yes
requirepass $(quote "$pass")
save ""
appendonly no
dir $(quote "$dir")
daemonize yes
pidfile $(quote "$dir/redis.pid")
logfile $(quote "$dir/redis.log")
tls-port $tls_port
tls-cert-file $(quote "$dir/tls/server.crt")
tls-key-file $(quote "$dir/tls/server.key")
tls-ca-cert-file $(quote "$dir/tls/ca.crt")
tls-auth-clients optional
EOF
        )
        printf '### %s: start on %s:%s (TLS :%s)\n' "$(date -u +%FT%TZ)" "$HOST" "$port" "$tls_port" >>"$dir/redis.log"
        lines="$(wc -l <"$dir/redis.log")"
        # the config file keeps the password out of the process's arguments; a bad config
        # fails here, before the server daemonizes
        if ! redis-server "$dir/redis.conf" </dev/null >>"$dir/redis.log" 2>&1; then
            log "redis-server did not start; log tail:"
            tail -n 20 "$dir/redis.log" >&2 || true
            die "redis-server $ver could not start in $dir (see above)"
        fi
        rc=0
        wait_ready "$dir" "$port" "$tls_port" "$pass" "$lines" || rc=$?
        ((rc == 0)) && break
        if ((rc == 2)) && ((attempt < 3)) && [[ "$(tail -n 5 "$dir/redis.log")" == *"Address already in use"* ]]; then
            log "port $port or $tls_port was taken; trying new ports"
            continue
        fi
        log "redis.log tail:"
        tail -n 20 "$dir/redis.log" >&2 || true
        stop "$dir" 2>/dev/null || true
        ((rc == 2)) && die "redis-server exited during start-up (log tail above)"
        die "redis-server did not answer PING on $HOST:$port and TLS :$tls_port within ${READY_TIMEOUT}s (log tail above)"
    done
    rm -f "$dir/env"
    set_env "$dir/env" EVCTL_TEST_REDIS_URL "redis://$HOST:$port"
    set_env "$dir/env" EVCTL_TEST_REDIS_TLS_URL "rediss://localhost:$tls_port"
    set_env "$dir/env" EVCTL_TEST_REDIS_PORT "$port"
    set_env "$dir/env" EVCTL_TEST_REDIS_TLS_PORT "$tls_port"
    set_env "$dir/env" EVCTL_TEST_REDIS_PASSWORD "$pass"
    set_env "$dir/env" EVCTL_TEST_REDIS_CA "$dir/tls/ca.crt"
    set_env "$dir/env" EVCTL_TEST_REDIS_CLIENT_CERT "$dir/tls/client.crt"
    set_env "$dir/env" EVCTL_TEST_REDIS_CLIENT_KEY "$dir/tls/client.key"
    set_env "$dir/env" EVCTL_TEST_REDIS_VERSION "$ver"
    chmod 600 "$dir/env"
    log "$ver on $HOST:$port (TLS :$tls_port)"
}

stop() {
    local dir="$1" pid i
    pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
    [[ -n "$pid" ]] || return 0
    if is_ours "$pid" "$dir"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do is_ours "$pid" "$dir" || break; sleep 0.1; done
        if is_ours "$pid" "$dir"; then
            log "redis-server (pid $pid) ignored TERM for 5 s; sending KILL"
            kill -KILL "$pid" 2>/dev/null || true
            for ((i = 0; i < 20; i++)); do is_alive "$pid" || break; sleep 0.1; done
        fi
    fi
    rm -f "$dir/redis.pid"
}

cmd="${1:-}"
case "$cmd" in
    start) [[ $# -eq 2 ]] || usage; start "$2" ;;
    stop) [[ $# -eq 2 ]] || usage; [[ -d "$2" ]] && stop "$(cd "$2" && pwd)"; exit 0 ;;
    *) usage ;;
esac
