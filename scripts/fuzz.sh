#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 60), one after another, and
# prints per target the executions, coverage (libFuzzer's cov/ft), corpus size and time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# FUZZ_PROFILE=dev builds without optimisation or AddressSanitizer (much faster to build, slower
# to run: CI's smoke run uses it); the default is release with debug assertions (overflow checks
# on) and AddressSanitizer.
#
# Needs the nightly toolchain and cargo-fuzz: both are installed when missing (rustup from the
# Rust project's servers, cargo-fuzz from crates.io), or the script says precisely what is
# missing. New inputs go to fuzz/work/<target>/ (not committed); the seeds in fuzz/corpus/ stay
# as they are. A crash stops nothing else: every target runs, the crash is saved under
# fuzz/artifacts/<target>/ and named, and the script exits 1. Fix it with a regression test in
# the normal suite (a unit test next to the parser, named after what the input did).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT/fuzz"

SECONDS_EACH="${1:-60}"
shift || true
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number, not '$SECONDS_EACH'" >&2; exit 2; }

log() { echo "fuzz.sh: $*"; }
die() { echo "fuzz.sh: error: $*" >&2; exit 1; }

CARGO_FUZZ_VERSION=0.13.2

# 1. the nightly toolchain (libFuzzer's instrumentation needs -Z flags)
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    log "installing the nightly toolchain (rustup toolchain install nightly --profile minimal)"
    rustup toolchain install nightly --profile minimal >/dev/null 2>&1 ||
        die "no nightly toolchain, and 'rustup toolchain install nightly --profile minimal' failed: cargo-fuzz needs nightly rustc (for -Zsanitizer); install it, or set RUSTUP_DIST_SERVER to a mirror that serves it"
fi

# 2. cargo-fuzz
if ! cargo fuzz --version >/dev/null 2>&1; then
    log "installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked)"
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION" >/dev/null 2>&1 ||
        die "cargo-fuzz is missing and 'cargo install --locked cargo-fuzz --version $CARGO_FUZZ_VERSION' failed (it needs crates.io)"
fi

# 3. one build of every target: release, debug assertions (overflow checks), AddressSanitizer
t0=$SECONDS
case "${FUZZ_PROFILE:-release}" in
    release) build=(-O --debug-assertions) BIN="target/x86_64-unknown-linux-gnu/release" ;;
    dev) build=(--dev -s none) BIN="target/x86_64-unknown-linux-gnu/debug" ;;
    *) die "FUZZ_PROFILE must be release or dev, not '$FUZZ_PROFILE'" ;;
esac
set +e
cargo +nightly fuzz build "${build[@]}" 2>&1 | grep -E '^error' -A7
rc=${PIPESTATUS[0]}
set -e
[[ $rc -eq 0 ]] || die "the fuzz targets do not build (cargo +nightly fuzz build ${build[*]})"
log "build (${FUZZ_PROFILE:-release}) took $((SECONDS - t0)) s"
if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo +nightly fuzz list)
fi

# Rust leaks nothing worth a report here, and LeakSanitizer's check at exit flags the
# harnesses' thread-local fixtures (made once, never freed)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
status=0
summary=()
for t in "${targets[@]}"; do
    [[ -x "$BIN/$t" ]] || die "no fuzz target '$t' (cargo +nightly fuzz list)"
    mkdir -p "work/$t" "artifacts/$t"
    dict=()
    [[ -f "dicts/$t.dict" ]] && dict=("-dict=dicts/$t.dict")
    # jq programs may loop or grow by design: those are libFuzzer timeouts and out-of-memory
    # reports, not findings; panics still are
    [[ $t == filter ]] && dict+=(-fork=1 -ignore_ooms=1 -ignore_timeouts=1)
    logf="work/$t.log"
    start=$SECONDS
    set +e
    # -rss_limit_mb: a target over 2 GiB is a finding; -timeout: one input over 10 s is a finding
    "$BIN/$t" "work/$t" "corpus/$t" "${dict[@]}" \
        -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -max_len=65536 -detect_leaks=0 \
        -artifact_prefix="artifacts/$t/" -print_final_stats=1 >"$logf" 2>&1
    rc=$?
    set -e
    took=$((SECONDS - start))
    # (fork mode prints no final stats: the last status line's count)
    runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$logf" | grep -oE '[0-9]+$' | tail -1 || true)"
    [[ -n "$runs" ]] || runs="$(grep -oE '#[0-9]+' "$logf" | tail -1 | tr -d '#' || true)"
    cov="$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$logf" | tail -1 || true)"
    corpus="$(find "work/$t" -type f | wc -l)"
    if [[ $rc -eq 0 ]]; then
        result=ok
    else
        result="CRASH (exit $rc): $(grep -oE 'Test unit written to [^ ]+' "$logf" | tail -1 | sed 's/Test unit written to //' || true)"
        status=1
        grep -E 'ERROR: |panicked at|SUMMARY' "$logf" | head -5 | sed "s/^/  $t: /" || true
    fi
    line="$(printf '%-18s %10s execs  %-20s corpus %6s  %4ss  %s' "$t" "${runs:-?}" "${cov:-cov: ?}" "$corpus" "$took" "$result")"
    echo "fuzz.sh: $line"
    summary+=("$line")
done

echo "fuzz.sh: summary ($SECONDS_EACH s per target)"
printf '  %s\n' "${summary[@]}"
exit "$status"
