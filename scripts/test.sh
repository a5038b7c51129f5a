#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs a short fuzz smoke run of
# every decoder, then builds and runs every unit, integration and GUI test (ends with ctest's
# summary). Usage: scripts/test.sh [FUZZ_SECONDS_PER_TARGET]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== test: installing missing packages"
scripts/install-deps.sh

echo "== test: fuzz smoke run"
scripts/fuzz-smoke.sh "${1:-10}"

echo "== test: build and run all tests (preset dev)"
cmake --workflow --preset dev
