#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds the release preset, and starts
# the station. With a display it opens the monitor window; without one it renders the window
# offscreen and prints the screenshot's path.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== demo: installing missing packages"
scripts/install-deps.sh
echo "== demo: building (preset release)"
cmake --preset release >/dev/null
cmake --build --preset release

vigil=build/release/app/gui/vigil
vigilctl=build/release/app/cli/vigilctl
echo "== demo: $("$vigilctl" --version)"

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "== demo: opening the Vigil monitor window (close it to end the demo)"
  exec "$vigil" "$@"
fi

export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
shot="$(mktemp -d)/vigil-monitor.png"
echo "== demo: no display found; rendering the monitor window offscreen"
"$vigil" --screenshot "$shot" --quit-after 1 "$@"
