#!/usr/bin/env bash
# A private RabbitMQ server for the live tests and benchmarks, on loopback only (never the system
# service): Debian's rabbitmq-server (scripts/setup.sh installs it) run from its own binaries with
# its own node name, Erlang port mapper, data, logs and cookie under DIR.
#
#   scripts/rabbitmq.sh start DIR    free ports, a random password; waits for the node (60 s)
#   scripts/rabbitmq.sh stop DIR     stops the node of DIR (rabbitmqctl stop, then KILL); quiet when none
#
# Listeners: AMQP, AMQP over TLS (a test CA in DIR/tls, as scripts/lib.sh's make_test_tls makes it;
# a client certificate is asked for but optional), the management API (HTTP) and the stream
# protocol, all on 127.0.0.1; plugins
# rabbitmq_management, rabbitmq_shovel (+ management) and rabbitmq_stream. A user `evctl` with a
# random password (administrator) is the only login; guest is removed. DIR gets an `env` file
# (KEY=value lines, shell-sourceable): EVCTL_TEST_AMQP_{URL,PORT,TLS_URL,TLS_PORT,CA,CLIENT_CERT,
# CLIENT_KEY,API,API_PORT,STREAM_PORT,USER,PASSWORD,VERSION,NODE,DIR}.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST=127.0.0.1
READY_TIMEOUT=60
BIN=/usr/lib/rabbitmq/bin

# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"
log() { printf 'rabbitmq: %s\n' "$*" >&2; }
die() { printf 'rabbitmq: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[[ $# -eq 2 ]] || usage
cmd="$1"
DIR="$(mkdir -p "$2" && cd "$2" && pwd)"

# The environment every rabbitmq command of this node runs with.
node_env() {
    export HOME="$DIR/home" RABBITMQ_NODENAME="$(cat "$DIR/node")"
    export ERL_EPMD_PORT="$(cat "$DIR/epmd_port")" RABBITMQ_CONFIG_FILE="$DIR/rabbitmq"
    export RABBITMQ_MNESIA_BASE="$DIR/mnesia" RABBITMQ_LOG_BASE="$DIR/log"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins" RABBITMQ_PID_FILE="$DIR/rabbitmq.pid"
    export RABBITMQ_DIST_PORT="$(cat "$DIR/dist_port")" RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config"
}
ctl() { "$BIN/rabbitmqctl" -q "$@"; }

start() {
    [[ -x "$BIN/rabbitmq-server" ]] ||
        die "rabbitmq-server not found in $BIN: run scripts/setup.sh (it installs Debian's rabbitmq-server)"
    if [[ -f "$DIR/rabbitmq.pid" ]] && is_alive "$(cat "$DIR/rabbitmq.pid")"; then
        die "a RabbitMQ node of $DIR is already running"
    fi
    local amqp tls api stream epmd dist password
    amqp="$(free_port)"; tls="$(free_port)"; api="$(free_port)"; stream="$(free_port)"
    epmd="$(free_port)"; dist="$(free_port)"
    password="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    rm -rf -- "$DIR/mnesia" "$DIR/log"
    mkdir -p "$DIR/home" "$DIR/log"
    make_test_tls "$DIR/tls" "evctl rabbitmq test CA" || die "openssl could not make the test certificates in $DIR/tls"
    echo "evctl-$amqp@localhost" >"$DIR/node"
    echo "$epmd" >"$DIR/epmd_port"
    echo "$dist" >"$DIR/dist_port"
    : >"$DIR/rabbitmq-env.conf"
    echo '[].' >"$DIR/advanced.config"
    echo '[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management,rabbitmq_stream].' >"$DIR/enabled_plugins"
    umask 077
    cat >"$DIR/rabbitmq.conf" <<EOF
listeners.tcp.default = $HOST:$amqp
listeners.ssl.default = $HOST:$tls
ssl_options.cacertfile = $DIR/tls/ca.crt
ssl_options.certfile = $DIR/tls/server.crt
ssl_options.keyfile = $DIR/tls/server.key
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = false
management.tcp.ip = $HOST
management.tcp.port = $api
stream.listeners.tcp.1 = $HOST:$stream
default_user = evctl
default_pass = $password
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
loopback_users = none
collect_statistics_interval = 1000
log.file.level = warning
log.console = false
EOF
    head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DIR/home/.erlang.cookie"
    chmod 400 "$DIR/home/.erlang.cookie"
    node_env
    ERL_EPMD_ADDRESS=$HOST nohup "$BIN/rabbitmq-server" >"$DIR/log/server.out" 2>&1 &
    echo $! >"$DIR/server.pid"
    local deadline=$((SECONDS + READY_TIMEOUT))
    until ctl await_startup >/dev/null 2>&1; do
        if ! is_alive "$(cat "$DIR/server.pid")"; then
            tail -n 30 "$DIR/log/server.out" >&2 || true
            die "rabbitmq-server exited during start-up (logs in $DIR/log)"
        fi
        ((SECONDS < deadline)) || die "RabbitMQ did not start within ${READY_TIMEOUT}s (logs in $DIR/log)"
        sleep 1
    done
    local version
    version="$(ctl version 2>/dev/null || echo '?')"
    cat >"$DIR/env" <<EOF
EVCTL_TEST_AMQP_URL=amqp://evctl@$HOST:$amqp/%2f
EVCTL_TEST_AMQP_PORT=$amqp
EVCTL_TEST_AMQP_TLS_URL=amqps://evctl@localhost:$tls/%2f
EVCTL_TEST_AMQP_TLS_PORT=$tls
EVCTL_TEST_AMQP_CA=$DIR/tls/ca.crt
EVCTL_TEST_AMQP_CLIENT_CERT=$DIR/tls/client.crt
EVCTL_TEST_AMQP_CLIENT_KEY=$DIR/tls/client.key
EVCTL_TEST_AMQP_API=http://$HOST:$api
EVCTL_TEST_AMQP_API_PORT=$api
EVCTL_TEST_AMQP_STREAM_PORT=$stream
EVCTL_TEST_AMQP_USER=evctl
EVCTL_TEST_AMQP_PASSWORD=$password
EVCTL_TEST_AMQP_VERSION=$version
EVCTL_TEST_AMQP_NODE=$(cat "$DIR/node")
EVCTL_TEST_AMQP_DIR=$DIR
EOF
    log "RabbitMQ $version up: AMQP $HOST:$amqp, management http://$HOST:$api, stream $HOST:$stream"
}

stop() {
    [[ -f "$DIR/node" ]] || return 0
    node_env
    local pid
    pid="$(cat "$DIR/rabbitmq.pid" 2>/dev/null || cat "$DIR/server.pid" 2>/dev/null || true)"
    # `stop PIDFILE` returns once the node's process has exited
    if [[ -n "$pid" ]] && is_alive "$pid"; then
        timeout 30 "$BIN/rabbitmqctl" -q stop "$DIR/rabbitmq.pid" >/dev/null 2>&1 || kill -KILL "$pid" 2>/dev/null || true
    fi
    pid="$(cat "$DIR/server.pid" 2>/dev/null || true)"
    [[ -n "$pid" ]] && is_alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    # the node's own port mapper (ERL_EPMD_PORT is this node's)
    epmd -kill >/dev/null 2>&1 || true
    rm -f "$DIR/rabbitmq.pid" "$DIR/server.pid"
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    ctl) shift; node_env; ctl "$@" ;;
    *) usage ;;
esac
