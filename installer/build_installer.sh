#!/usr/bin/env bash
# Compiles installer/kyojushien.nsi into Setup.exe with makensis (NSIS 3; `apt-get install nsis`,
# or on Windows `choco install nsis`), the version read from pyproject.toml.
#
#   bash installer/build_installer.sh [PAYLOAD [OUTFILE]]   # default: dist/kyojushien → dist/Setup.exe
#   bash installer/build_installer.sh --stand-in            # CI: a few dummy files as the payload, so
#                                                           # a broken script fails without Windows
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "build_installer: version '$VERSION' is not x.y.z" >&2; exit 1; }
if [[ "${1:-}" == "--stand-in" ]]; then
  PAYLOAD=build/nsis-stand-in
  OUTFILE=build/Setup-stand-in.exe
  rm -rf "$PAYLOAD" && mkdir -p "$PAYLOAD/_internal/resources"
  echo "stand-in" >"$PAYLOAD/kyojushien.exe"
  echo "stand-in" >"$PAYLOAD/kyojushien-cli.exe"
  echo "stand-in" >"$PAYLOAD/_internal/resources/guide.json"
else
  PAYLOAD=${1:-dist/kyojushien}
  OUTFILE=${2:-dist/Setup.exe}
fi
[[ -d "$PAYLOAD" ]] || { echo "build_installer: no payload folder $PAYLOAD (run installer/build_frozen.sh)" >&2; exit 1; }
mkdir -p "$(dirname "$OUTFILE")"
# makensis reads relative paths from the script's folder: hand it absolute ones (Windows form
# under Git Bash, where `pwd -W` exists).
absolute() { (cd "$1" && { pwd -W 2>/dev/null || pwd; }); }
PAYLOAD=$(absolute "$PAYLOAD")
OUTFILE=$(absolute "$(dirname "$OUTFILE")")/$(basename "$OUTFILE")
# The script joins PAYLOAD with "/", which makensis takes on Linux and on Windows.
makensis -V2 -INPUTCHARSET UTF8 -WX "-DVERSION=$VERSION" "-DPAYLOAD=$PAYLOAD" "-DOUTFILE=$OUTFILE" installer/kyojushien.nsi
echo "build_installer: $OUTFILE ($VERSION), sha256 $(sha256sum "$OUTFILE" | cut -d' ' -f1)"
