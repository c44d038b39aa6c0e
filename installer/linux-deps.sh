#!/usr/bin/env bash
# System libraries Qt needs on a fresh Debian/Ubuntu machine (with --test, the tools the tests use
# to read PDFs back; with --build, NSIS's makensis for installer/kyojushien.nsi and a C compiler
# for the frozen build's ICU stub). Safe to run again; does nothing when everything is present.
set -euo pipefail
packages=(python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libglib2.0-0)
for flag in "$@"; do
  case "$flag" in
    --test) packages+=(poppler-utils) ;;
    --build) packages+=(nsis gcc libc6-dev) ;;
    *) echo "linux-deps.sh: unknown option $flag (--test, --build)" >&2; exit 2 ;;
  esac
done
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
as_root=()
if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
