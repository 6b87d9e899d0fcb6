#!/usr/bin/env bash
# Apache Kafka itself, from Maven Central: fetch the pinned jars and run a KRaft cluster on loopback.
#
#   scripts/kafka.sh fetch                       resolve the jars (scripts/kafka/pom.xml); prints the lib dir
#   scripts/kafka.sh start STATE_DIR [NODES]     NODES combined KRaft nodes (default 3), free ports
#   scripts/kafka.sh stop STATE_DIR              TERM every node, KILL after 20 s
#   scripts/kafka.sh kill-node STATE_DIR ID      SIGKILL node ID (fault tests)
#   scripts/kafka.sh start-node STATE_DIR ID     start node ID again on its ports and data
#   scripts/kafka.sh tool CLASS [ARGS...]        run one of Kafka's own tools from the same classpath
#
# Every node has a PLAINTEXT listener (no authentication: User:ANONYMOUS, a super user), a SASL_SSL
# listener (SCRAM-SHA-256/512 over TLS with a test CA; certificate SAN IP:127.0.0.1 and localhost)
# and the StandardAuthorizer. SCRAM users made at format time:
#   admin / admin-secret (super user), alice / alice-secret (no ACLs), bob / bob-secret (no ACLs).
# STATE_DIR gets an `env` file: EVCTL_TEST_KAFKA_{BROKERS,SASL_BROKERS,CA,CLASSPATH,STATE,VERSION}.
# EVCTL_KAFKA_CACHE overrides the jar cache (default ${XDG_CACHE_HOME:-~/.cache}/evctl),
# EVCTL_KAFKA_HEAP the heap per node (default 384m), EVCTL_BROKER_TIMEOUT the readiness wait (90 s),
# EVCTL_KAFKA_JIT=full G1 and the full JIT for nodes and tools (default: quick start-up),
# EVCTL_KAFKA_BASE_PORT fixed ports (node i: PLAINTEXT BASE+i-1, SASL_SSL BASE+100+i-1, controller
# BASE+200+i-1) instead of free ones, EVCTL_BROKER_SETSID=1 nodes in their own session.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$REPO_ROOT/scripts/kafka/pom.xml"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"
CACHE="${EVCTL_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/evctl}"
LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
HOST=127.0.0.1
READY_TIMEOUT="${EVCTL_BROKER_TIMEOUT:-90}"
HEAP="${EVCTL_KAFKA_HEAP:-384m}"

# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"
log() { printf 'kafka: %s\n' "$*" >&2; }
die() { printf 'kafka: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# The jars, resolved once into the cache (a marker written last, so a broken download is redone).
fetch() {
    if [[ -f "$LIBS/.complete" ]] && cmp -s "$LIBS/.complete" "$POM"; then
        printf '%s\n' "$LIBS"
        return 0
    fi
    command -v java >/dev/null || die "java not found: Kafka $KAFKA_VERSION needs Java 17 or newer"
    command -v mvn >/dev/null || die "mvn not found: the Kafka jars are resolved with Maven (apt-get install maven)"
    log "resolving Apache Kafka $KAFKA_VERSION from Maven Central into $LIBS"
    local tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/evctl-kafka-fetch.XXXXXX")"
    rm -rf -- "$LIBS"
    mkdir -p "$LIBS"
    if ! (cd "$tmp" && mvn -q -B -f "$POM" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$LIBS" >"$tmp/mvn.log" 2>&1); then
        tail -n 30 "$tmp/mvn.log" >&2
        rm -rf -- "$tmp"
        die "mvn could not resolve Kafka $KAFKA_VERSION (see above)"
    fi
    rm -rf -- "$tmp"
    ls "$LIBS"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || die "kafka_2.13-$KAFKA_VERSION.jar missing in $LIBS"
    cp "$POM" "$LIBS/.complete"
    printf '%s\n' "$LIBS"
}

# True if PID is alive and is the Kafka node of this state dir (never signal anything else).
is_ours() {
    local cmd
    is_alive "$1" || return 1
    cmd="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    [[ "$cmd" == *kafka.Kafka* && "$cmd" == *"$2"* ]]
}

# brokers_seen HOST:PORT: the number of brokers a Metadata v1 answer lists (0 when no answer).
brokers_seen() {
    python3 - "$1" <<'EOF'
import socket, struct, sys
host, port = sys.argv[1].rsplit(":", 1)
cid = b"evctl-ready"
body = struct.pack(">hhih", 3, 1, 0x5EAD, len(cid)) + cid + struct.pack(">i", 0)  # Metadata v1, no topics
try:
    with socket.create_connection((host, int(port)), timeout=1) as s:
        s.settimeout(2)
        s.sendall(struct.pack(">i", len(body)) + body)
        buf = b""
        while len(buf) < 4 or len(buf) < 4 + struct.unpack(">i", buf[:4])[0]:
            chunk = s.recv(65536)
            if not chunk:
                raise OSError("closed")
            buf += chunk
    print(struct.unpack(">i", buf[8:12])[0] if struct.unpack(">i", buf[4:8])[0] == 0x5EAD else 0)
except (OSError, struct.error):
    print(0)
EOF
}

# A test CA and one broker certificate (EC P-256, PKCS#8 keys as Kafka's PEM keystore wants).
make_tls() {
    local dir="$1"
    mkdir -p "$dir"
    (
        cd "$dir"
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
        openssl req -x509 -new -key ca.key -days 30 -subj "/CN=evctl test CA" -out ca.pem \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out broker.key 2>/dev/null
        openssl req -new -key broker.key -subj "/CN=localhost" -out broker.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >ext.cnf
        openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 \
            -extfile ext.cnf -out broker.pem 2>/dev/null
        cat broker.key broker.pem >keystore.pem
        rm -f broker.csr ext.cnf ca.srl
    ) || die "openssl could not make the test certificates"
}

node_props() {
    local state="$1" id="$2" nodes="$3" voters="$4"
    local plain ctrl sasl
    plain="$(cat "$state/node$id.plain")"
    ctrl="$(cat "$state/node$id.ctrl")"
    sasl="$(cat "$state/node$id.sasl")"
    local rf=$((nodes < 3 ? nodes : 3))
    local isr=$((rf < 2 ? 1 : 2))
    cat <<EOF
process.roles=broker,controller
node.id=$id
controller.quorum.voters=$voters
listeners=PLAINTEXT://$HOST:$plain,CONTROLLER://$HOST:$ctrl,SASL_SSL://$HOST:$sasl
advertised.listeners=PLAINTEXT://$HOST:$plain,CONTROLLER://$HOST:$ctrl,SASL_SSL://$HOST:$sasl
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL
log.dirs=$state/data$id
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_ssl.ssl.keystore.type=PEM
listener.name.sasl_ssl.ssl.keystore.location=$state/tls/keystore.pem
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
num.partitions=1
default.replication.factor=$rf
min.insync.replicas=1
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$isr
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=2097152
num.network.threads=2
num.io.threads=4
background.threads=2
num.recovery.threads.per.data.dir=1
num.replica.fetchers=1
broker.heartbeat.interval.ms=500
broker.session.timeout.ms=4000
controller.quorum.election.timeout.ms=1000
controller.quorum.fetch.timeout.ms=2000
replica.lag.time.max.ms=10000
EOF
}

# The JVM's start-up flags: quick (C1 only, serial GC: three nodes start fast on 2 cores) unless
# EVCTL_KAFKA_JIT=full (G1 and both JIT tiers, as Kafka's own scripts run it: for benchmarks).
jit_opts() {
    if [[ "${EVCTL_KAFKA_JIT:-quick}" == full ]]; then
        printf '%s\n' -XX:+UseG1GC -XX:MaxGCPauseMillis=20
    else
        printf '%s\n' -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    fi
}

java_opts() {
    local state="$1" id="$2"
    jit_opts
    printf '%s\n' "-Xms$HEAP" "-Xmx$HEAP" -XX:-UsePerfData \
        -Djava.awt.headless=true "-Dkafka.logs.dir=$state/logs$id" \
        "-Dlog4j2.configurationFile=$state/log4j2.properties" "-Devctl.kafka.state=$state"
}

launch_node() {
    local state="$1" id="$2" opts=()
    mapfile -t opts < <(java_opts "$state" "$id")
    printf '### %s: start node %s\n' "$(date -u +%FT%TZ)" "$id" >>"$state/node$id.log"
    local argv=(java "${opts[@]}" -cp "$LIBS/*" kafka.Kafka "$state/node$id.properties")
    if [[ "${EVCTL_BROKER_SETSID:-0}" == 1 ]]; then argv=(setsid "${argv[@]}"); fi
    ("${argv[@]}" </dev/null >>"$state/node$id.log" 2>&1) &
    echo $! >"$state/node$id.pid"
}

wait_cluster() {
    local state="$1" nodes="$2" deadline=$((SECONDS + READY_TIMEOUT)) id seen
    while ((SECONDS < deadline)); do
        for ((id = 1; id <= nodes; id++)); do
            is_alive "$(cat "$state/node$id.pid")" || return 2
        done
        seen=0
        for ((id = 1; id <= nodes; id++)); do
            [[ "$(brokers_seen "$HOST:$(cat "$state/node$id.plain")")" == "$nodes" ]] && seen=$((seen + 1))
        done
        ((seen == nodes)) && return 0
        sleep 0.3
    done
    return 1
}

start() {
    local state="$1" nodes="${2:-3}" id voters="" cid started=$SECONDS
    [[ "$nodes" =~ ^[1-9]$ ]] || die "NODES must be 1 to 9, got '$nodes'"
    mkdir -p "$state"
    state="$(cd "$state" && pwd)"
    [[ -f "$state/nodes" ]] && die "a cluster is already set up in $state; run: $0 stop $state"
    fetch >/dev/null
    make_tls "$state/tls"
    cat >"$state/log4j2.properties" <<'EOF'
status = error
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = info
EOF
    for ((id = 1; id <= nodes; id++)); do
        if [[ -n "${EVCTL_KAFKA_BASE_PORT:-}" ]]; then
            echo $((EVCTL_KAFKA_BASE_PORT + id - 1)) >"$state/node$id.plain"
            echo $((EVCTL_KAFKA_BASE_PORT + 100 + id - 1)) >"$state/node$id.sasl"
            echo $((EVCTL_KAFKA_BASE_PORT + 200 + id - 1)) >"$state/node$id.ctrl"
        else
            free_port >"$state/node$id.plain"
            free_port >"$state/node$id.ctrl"
            free_port >"$state/node$id.sasl"
        fi
        voters+="${voters:+,}$id@$HOST:$(cat "$state/node$id.ctrl")"
    done
    echo "$nodes" >"$state/nodes"
    local opts=()
    mapfile -t opts < <(java_opts "$state" 0)
    cid="$(java "${opts[@]}" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    for ((id = 1; id <= nodes; id++)); do
        node_props "$state" "$id" "$nodes" "$voters" >"$state/node$id.properties"
        # formats run concurrently: each is a JVM start, the slow part
        java "${opts[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format -t "$cid" \
            -c "$state/node$id.properties" \
            --add-scram 'SCRAM-SHA-256=[name=admin,password=admin-secret]' \
            --add-scram 'SCRAM-SHA-512=[name=admin,password=admin-secret]' \
            --add-scram 'SCRAM-SHA-256=[name=alice,password=alice-secret]' \
            --add-scram 'SCRAM-SHA-512=[name=alice,password=alice-secret]' \
            --add-scram 'SCRAM-SHA-512=[name=bob,password=bob-secret]' \
            >"$state/format$id.log" 2>&1 &
    done
    wait || die "formatting the storage failed: $(cat "$state"/format*.log)"
    for ((id = 1; id <= nodes; id++)); do launch_node "$state" "$id"; done
    local rc=0 bootstrap="" sasl=""
    wait_cluster "$state" "$nodes" || rc=$?
    if ((rc != 0)); then
        for ((id = 1; id <= nodes; id++)); do
            log "node $id log tail:"
            tail -n 20 "$state/node$id.log" >&2 || true
        done
        stop "$state"
        ((rc == 2)) && die "a Kafka node exited during startup (log tails above)"
        die "Kafka did not see $nodes brokers within ${READY_TIMEOUT}s (log tails above)"
    fi
    for ((id = 1; id <= nodes; id++)); do
        bootstrap+="${bootstrap:+,}$HOST:$(cat "$state/node$id.plain")"
        sasl+="${sasl:+,}$HOST:$(cat "$state/node$id.sasl")"
    done
    set_env "$state/env" EVCTL_TEST_KAFKA_BROKERS "$bootstrap"
    set_env "$state/env" EVCTL_TEST_KAFKA_SASL_BROKERS "$sasl"
    set_env "$state/env" EVCTL_TEST_KAFKA_CA "$state/tls/ca.pem"
    set_env "$state/env" EVCTL_TEST_KAFKA_CLASSPATH "$LIBS/*"
    set_env "$state/env" EVCTL_TEST_KAFKA_STATE "$state"
    set_env "$state/env" EVCTL_TEST_KAFKA_VERSION "$KAFKA_VERSION"
    set_env "$state/env" EVCTL_TEST_KAFKA_CLUSTER_ID "$cid"
    set_env "$state/env" EVCTL_TEST_KAFKA_NODE_IDS "$(seq -s, 1 "$nodes")"
    log "Apache Kafka $KAFKA_VERSION: $nodes KRaft nodes ready in $((SECONDS - started)) s; PLAINTEXT $bootstrap, SASL_SSL $sasl"
}

kill_node() {
    local state="$1" id="$2" pid i
    [[ -f "$state/node$id.pid" ]] || return 0
    pid="$(cat "$state/node$id.pid")"
    if is_ours "$pid" "$state"; then
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do is_alive "$pid" || break; sleep 0.1; done
    fi
}

stop() {
    local state="$1" id pid i nodes
    [[ -f "$state/nodes" ]] || return 0
    nodes="$(cat "$state/nodes")"
    for ((id = 1; id <= nodes; id++)); do
        pid="$(cat "$state/node$id.pid" 2>/dev/null)" || continue
        is_ours "$pid" "$state" && kill -TERM "$pid" 2>/dev/null || true
    done
    for ((id = 1; id <= nodes; id++)); do
        pid="$(cat "$state/node$id.pid" 2>/dev/null)" || continue
        for ((i = 0; i < 200; i++)); do is_ours "$pid" "$state" || break; sleep 0.1; done
        if is_ours "$pid" "$state"; then
            log "node $id (pid $pid) ignored TERM for 20 s; sending KILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$state/node$id.pid"
    done
    rm -rf -- "$state"/data* "$state/nodes"
    log "stopped $nodes Kafka nodes"
}

cmd="${1:-}"
case "$cmd" in
    fetch) [[ $# -eq 1 ]] || usage; fetch ;;
    start) [[ $# -eq 2 || $# -eq 3 ]] || usage; start "$2" "${3:-3}" ;;
    stop) [[ $# -eq 2 ]] || usage; [[ -d "$2" ]] && stop "$(cd "$2" && pwd)"; exit 0 ;;
    kill-node) [[ $# -eq 3 ]] || usage; kill_node "$(cd "$2" && pwd)" "$3" ;;
    start-node)
        [[ $# -eq 3 ]] || usage
        state="$(cd "$2" && pwd)"
        [[ -f "$state/node$3.properties" ]] || die "no node $3 in $state"
        launch_node "$state" "$3"
        ;;
    tool)
        [[ $# -ge 2 ]] || usage
        fetch >/dev/null
        shift
        mapfile -t jit < <(jit_opts)
        exec java -Xmx512m "${jit[@]}" -XX:-UsePerfData \
            "-Dlog4j2.configurationFile=$REPO_ROOT/scripts/kafka/tools-log4j2.properties" \
            -cp "$LIBS/*" "$@"
        ;;
    *) usage ;;
esac
