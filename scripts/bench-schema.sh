#!/usr/bin/env bash
# Schema check benchmark: 1,000 pairs of 50-field nested schemas per format, release mode.
# Fails when a format takes a second or more.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo run --quiet --release --locked --example schema_bench
