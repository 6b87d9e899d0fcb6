#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap definitions (tests fail when they are stale).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo run --quiet --locked -- generate-docs .
