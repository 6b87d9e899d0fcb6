#!/usr/bin/env bash
# Apicurio Registry 3 from Maven Central: a second schema registry (Confluent-compatible API) on loopback.
#
#   scripts/registry.sh fetch        resolve the pinned release (the app's `all` tar.gz) into the cache;
#                                    prints its dir
#   scripts/registry.sh start DIR    start one registry on free loopback ports; prints the ccompat URL
#   scripts/registry.sh stop DIR     TERM it, KILL after 20 s
#
# The Confluent Schema Registry API is at http://127.0.0.1:PORT/apis/ccompat/v7 (also /v8). Storage is
# an in-memory H2 database: every start is empty. Auth is off. The global compatibility rule is BACKWARD,
# as Confluent's default (Apicurio's own default is none). DIR gets `url` (the ccompat base URL), `pid`,
# `health` (the readiness URL on the management port) and `registry.log`.
# Apicurio 3.3 is built for Java 21: the first Java >= 21 of EVCTL_REGISTRY_JAVA (only that one when
# set), $JAVA_HOME, `java` on PATH, /usr/lib/jvm/*/bin/java is used.
# EVCTL_APICURIO_VERSION overrides the release (default 3.3.3), EVCTL_KAFKA_CACHE the cache (shared with
# scripts/kafka.sh; default ${XDG_CACHE_HOME:-~/.cache}/evctl), EVCTL_REGISTRY_HEAP the heap (384m),
# EVCTL_REGISTRY_TIMEOUT the readiness wait (90 s).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APICURIO_VERSION="${EVCTL_APICURIO_VERSION:-3.3.3}"
ARTIFACT="io.apicurio:apicurio-registry-app:$APICURIO_VERSION:tar.gz:all"
CACHE="${EVCTL_KAFKA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/evctl}"
APP="$CACHE/apicurio-$APICURIO_VERSION"
HOST=127.0.0.1
READY_TIMEOUT="${EVCTL_REGISTRY_TIMEOUT:-90}"
HEAP="${EVCTL_REGISTRY_HEAP:-384m}"
MIN_JAVA=21

# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"
log() { printf 'registry: %s\n' "$*" >&2; }
die() { printf 'registry: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# The Quarkus fast-jar layout (quarkus-run.jar, lib/, app/, quarkus/), unpacked once into the cache
# (a marker written last, so a broken download is redone). GNU tar unpacks it: the archive has PAX
# long names, which the old plexus archiver of `mvn dependency:unpack` (plugin 2.8) mangles.
fetch() {
    if [[ -f "$APP/.complete" && "$(cat "$APP/.complete")" == "$ARTIFACT" && -f "$APP/quarkus-run.jar" ]]; then
        printf '%s\n' "$APP"
        return 0
    fi
    command -v mvn >/dev/null || die "mvn not found: Apicurio is resolved with Maven (apt-get install maven)"
    command -v tar >/dev/null || die "tar not found"
    log "resolving $ARTIFACT from Maven Central into $APP (about 160 MB)"
    local tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/evctl-registry-fetch.XXXXXX")"
    if ! (cd "$tmp" && mvn -q -B dependency:copy -Dartifact="$ARTIFACT" \
        -DoutputDirectory="$tmp/dl" >"$tmp/mvn.log" 2>&1); then
        tail -n 30 "$tmp/mvn.log" >&2
        rm -rf -- "$tmp"
        die "mvn could not resolve $ARTIFACT (see above)"
    fi
    local tgz="$tmp/dl/apicurio-registry-app-$APICURIO_VERSION-all.tar.gz"
    [[ -s "$tgz" ]] || { rm -rf -- "$tmp"; die "mvn reported success but $tgz is missing"; }
    rm -rf -- "$APP"
    mkdir -p "$APP"
    if ! tar -xzf "$tgz" -C "$APP"; then
        rm -rf -- "$tmp" "$APP"
        die "could not unpack $tgz"
    fi
    rm -rf -- "$tmp"
    [[ -f "$APP/quarkus-run.jar" && -d "$APP/lib/main" ]] || die "quarkus-run.jar or lib/main missing in $APP"
    printf '%s\n' "$ARTIFACT" >"$APP/.complete"
    printf '%s\n' "$APP"
}

java_major() { "$1" -version 2>&1 | sed -n '1s/.* version "\([0-9]*\).*/\1/p'; }

# The java to run the registry with: see the header.
find_java() {
    local j m
    if [[ -n "${EVCTL_REGISTRY_JAVA:-}" ]]; then
        m="$(java_major "$EVCTL_REGISTRY_JAVA" 2>/dev/null || true)"
        if ! [[ "$m" =~ ^[0-9]+$ ]] || ((m < MIN_JAVA)); then
            die "EVCTL_REGISTRY_JAVA=$EVCTL_REGISTRY_JAVA is not a Java $MIN_JAVA or newer (got '${m:-nothing}')"
        fi
        printf '%s\n' "$EVCTL_REGISTRY_JAVA"
        return 0
    fi
    for j in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
        [[ -n "$j" && -x "$j" ]] || continue
        m="$(java_major "$j" 2>/dev/null || true)"
        if [[ "$m" =~ ^[0-9]+$ ]] && ((m >= MIN_JAVA)); then
            printf '%s\n' "$j"
            return 0
        fi
    done
    die "no Java $MIN_JAVA or newer found (Apicurio $APICURIO_VERSION needs it); set EVCTL_REGISTRY_JAVA"
}

# True if PID is alive and is the registry of this state dir (never signal anything else).
is_ours() {
    local cmd
    is_alive "$1" || return 1
    cmd="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
    [[ "$cmd" == *quarkus-run.jar* && "$cmd" == *"-Devctl.registry.state=$2 "* ]]
}

# 0 when ready, 2 when the process died, 1 on timeout.
wait_ready() {
    local pid="$1" health="$2" url="$3" deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        is_alive "$pid" || return 2
        if curl -sf --max-time 2 -o /dev/null "$health" && curl -sf --max-time 2 -o /dev/null "$url/subjects"; then
            return 0
        fi
        sleep 0.2
    done
    return 1
}

start() {
    local state="$1" started=$SECONDS java port mport url health pid
    mkdir -p "$state"
    state="$(cd "$state" && pwd)"
    if [[ -f "$state/pid" ]] && is_ours "$(cat "$state/pid")" "$state"; then
        die "a registry is already running from $state; run: $0 stop $state"
    fi
    command -v curl >/dev/null || die "curl not found (the readiness check uses it)"
    fetch >/dev/null
    java="$(find_java)"
    port="$(free_port)"
    mport="$(free_port)"
    while [[ "$mport" == "$port" ]]; do mport="$(free_port)"; done
    url="http://$HOST:$port/apis/ccompat/v7"
    health="http://$HOST:$mport/health/ready"
    rm -rf -- "$state/tmp" "$state/url" "$state/health"
    mkdir -p "$state/tmp"
    printf '### %s: start Apicurio Registry %s with %s\n' "$(date -u +%FT%TZ)" "$APICURIO_VERSION" "$java" \
        >>"$state/registry.log"
    # C1 only and the serial GC: a quick start on 2 cores (a test registry, not a benchmark)
    local argv=("$java" "-Xmx$HEAP" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData
        "-Djava.io.tmpdir=$state/tmp" "-Devctl.registry.state=$state"
        "-Dquarkus.http.host=$HOST" "-Dquarkus.http.port=$port"
        "-Dquarkus.management.host=$HOST" "-Dquarkus.management.port=$mport"
        -Dapicurio.rules.global.compatibility=BACKWARD
        "-Dapicurio.storage.snapshot.location=$state/tmp" "-Dapicurio.import.work-dir=$state/tmp"
        -jar "$APP/quarkus-run.jar")
    (cd "$state" && exec "${argv[@]}" </dev/null >>"$state/registry.log" 2>&1) &
    pid=$!
    echo "$pid" >"$state/pid"
    local rc=0
    wait_ready "$pid" "$health" "$url" || rc=$?
    if ((rc != 0)); then
        log "registry log tail:"
        tail -n 30 "$state/registry.log" >&2 || true
        stop "$state"
        ((rc == 2)) && die "Apicurio Registry exited during startup (log tail above)"
        die "Apicurio Registry was not ready within ${READY_TIMEOUT}s (log tail above)"
    fi
    echo "$health" >"$state/health"
    echo "$url" >"$state/url"
    log "Apicurio Registry $APICURIO_VERSION ready in $((SECONDS - started)) s at $url (pid $pid)"
    printf '%s\n' "$url"
}

stop() {
    local state="$1" pid i
    [[ -f "$state/pid" ]] || return 0
    pid="$(cat "$state/pid")"
    if is_ours "$pid" "$state"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 200; i++)); do is_ours "$pid" "$state" || break; sleep 0.1; done
        if is_ours "$pid" "$state"; then
            log "registry (pid $pid) ignored TERM for 20 s; sending KILL"
            kill -KILL "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do is_alive "$pid" || break; sleep 0.1; done
        fi
        log "stopped the registry (pid $pid)"
    fi
    rm -rf -- "$state/pid" "$state/url" "$state/health" "$state/tmp"
}

cmd="${1:-}"
case "$cmd" in
    fetch) [[ $# -eq 1 ]] || usage; fetch ;;
    start) [[ $# -eq 2 ]] || usage; start "$2" ;;
    stop) [[ $# -eq 2 ]] || usage; [[ -d "$2" ]] && stop "$(cd "$2" && pwd)"; exit 0 ;;
    *) usage ;;
esac
