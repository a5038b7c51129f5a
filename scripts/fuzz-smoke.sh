#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz, clang-14) and runs each for SECONDS seconds.
# Fails on any crash, leak or sanitizer report. Usage: scripts/fuzz-smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "fuzz-smoke: error: SECONDS must be a whole number >= 1, got '$seconds'" >&2
  exit 2
fi

mkdir -p build
cmake --workflow --preset fuzz >build/fuzz-build.log 2>&1 || { cat build/fuzz-build.log >&2; exit 1; }

shopt -s nullglob
targets=(build/fuzz/tests/fuzz/*_fuzz)
if ((${#targets[@]} == 0)); then
  echo "fuzz-smoke: no fuzz targets built yet"
  exit 0
fi
for target in "${targets[@]}"; do
  name=$(basename "$target")
  corpus="build/fuzz/corpus/$name"
  mkdir -p "$corpus"
  log="build/fuzz/$name.log"
  if "$target" -max_total_time="$seconds" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
    execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz-smoke: $name: ${seconds}s, ${execs} inputs, no crash, leak or sanitizer report"
  else
    echo "fuzz-smoke: $name FAILED, log follows" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
done
