#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds the release preset, and starts the
# station on simulated devices with the scripted 2.5-hour session (a Nonin pulse oximeter and a
# SunTech NIBP module on pseudo-terminals; desaturation at +25 min, BP spike at +40 min, finger
# out at +70 min, brief unplug at +90 min), recording into a new temporary database.
#   With a display: opens the monitor window (`vigil --demo`: sign in with a demo user printed at
#   start, start the planned session from Today); close it to end the demo.
#   Without one: runs the same demo headless (`vigilctl demo`) for SECONDS, printing vitals once
#   a second and every alarm event, then renders the window offscreen during the desaturation
#   alarm and prints the PNG's path.
# Usage: scripts/demo.sh [SECONDS]   (headless length, default 60; the demo runs at speed 4 from
# +24 min, so the desaturation alarms come within the first minute)
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

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "== demo: opening the monitor with demo users to sign in as (speed 4, from +24 min)"
  exec "$vigil" --demo --speed 4 --start-at 24
fi

run_dir=$(mktemp -d)
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$run_dir/xdg}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
echo "== demo: no display; the scripted session headless for ${seconds} s (speed 4, from +24 min)"
"$vigilctl" demo --speed 4 --start-at 24 --for "$seconds" --db "$run_dir/demo-session.db"
echo "== demo: the session's record is in $run_dir/demo-session.db (vigilctl audit verify --db ...)"
"$vigilctl" audit verify --db "$run_dir/demo-session.db"

shot="$run_dir/vigil-monitor.png"
echo "== demo: rendering the monitor window offscreen during the desaturation alarm"
"$vigil" --demo --speed 4 --start-at 25.3 --db "$run_dir/screenshot-session.db" \
  --screenshot "$shot" --quit-after 16 | grep -v "^vigil: demo +"
