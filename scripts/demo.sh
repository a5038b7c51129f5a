#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds the release preset, and starts
# the station on simulated devices: a Nonin pulse oximeter (desaturation scenario) and a
# SunTech NIBP module (hypertension scenario), each behind its own pseudo-terminal, watched by
# the headless station monitor. Usage: scripts/demo.sh [SECONDS]   (default 60; speed x4)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 5)); then
  echo "demo: error: SECONDS must be a whole number >= 5, got '$seconds'" >&2
  exit 2
fi

echo "== demo: installing missing packages"
scripts/install-deps.sh
echo "== demo: building (preset release)"
cmake --preset release >/dev/null
cmake --build --preset release --target vigilctl vigil

vigilctl=build/release/app/cli/vigilctl
vigil=build/release/app/gui/vigil
echo "== demo: $("$vigilctl" --version)"

run_dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$run_dir"
}
trap cleanup EXIT INT TERM

echo "== demo: starting simulated devices (time runs 4x faster)"
"$vigilctl" simulate --device nonin-df2 --scenario desaturation --speed 4 \
  --link "$run_dir/oximeter" >"$run_dir/oximeter.log" 2>&1 &
pids+=($!)
"$vigilctl" simulate --device suntech --scenario hypertension --speed 4 --start-at 2380 \
  --link "$run_dir/nibp" >"$run_dir/nibp.log" 2>&1 &
pids+=($!)
for link in oximeter nibp; do
  for _ in $(seq 50); do [[ -e "$run_dir/$link" ]] && break; sleep 0.1; done
  [[ -e "$run_dir/$link" ]] || { echo "demo: error: simulator $link did not start" >&2; cat "$run_dir/$link.log" >&2; exit 1; }
done
echo "   pulse oximeter (Nonin DF2, desaturation): $run_dir/oximeter"
echo "   NIBP module (SunTech, BP spike at 40 min):  $run_dir/nibp"

echo "== demo: headless station monitor for ${seconds} s (one line a second, conditions as they happen)"
"$vigilctl" monitor --device "nonin-df2:$run_dir/oximeter" --device "suntech:$run_dir/nibp" \
  --nibp-every 8 --for "$seconds"

# The monitor window: on a display it opens; without one it is rendered offscreen to a PNG.
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "== demo: opening the monitor window (close it to end the demo)"
  "$vigil"
else
  export QT_QPA_PLATFORM=offscreen
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$run_dir/xdg}"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  shot="$(mktemp -d)/vigil-monitor.png"
  echo "== demo: no display; rendering the monitor window offscreen"
  "$vigil" --screenshot "$shot" --quit-after 1
fi
