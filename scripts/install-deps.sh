#!/usr/bin/env bash
# Installs every Debian 12 package that Vigil's build, tests, fuzzing and demo need.
# Idempotent: when everything is present it says so and exits in about a second, without
# touching apt. `apt-get update` runs only when something is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache git
  clang-14 libclang-rt-14-dev clang-format
  # Qt 6 (Charts needs the OpenGL dev package, see toolchain notes)
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev qt6-multimedia-dev
  # device I/O
  libboost-dev libserialport-dev
  # storage and security
  libsqlite3-dev sqlite3 libsqlitecpp-dev libsodium-dev
  # parsing, command line, logging
  libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # reading printed reports back in tests (pdftotext, pdftoppm, pdfinfo)
  poppler-utils
  # offscreen GUI runtime
  fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages already installed, nothing to do"
  exit 0
fi

echo "install-deps: missing ${#missing[@]} package(s): ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "install-deps: error: installing packages needs root; run as root or give this user sudo rights" >&2
  echo "install-deps: missing: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${missing[*]}"
