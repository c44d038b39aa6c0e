#!/usr/bin/env bash
# Builds the frozen onedir (dist/kyojushien/) with installer/kyojushien.spec, then runs the frozen
# program the way a user would, each step in a fresh KYOJUSHIEN_HOME. Any failure, or anything
# unexpected on stderr, stops the script with a message naming the step.
#
#   bash installer/build_frozen.sh              # build, then smoke-test
#   bash installer/build_frozen.sh --smoke-only # smoke-test the existing dist/kyojushien/
#
# PYTHON names the interpreter with the project's dependencies and PyInstaller
# (pip install ".[build]"); default: .venv/bin/python of this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
DIST=$ROOT/dist/kyojushien
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) PROGRAM=$DIST/kyojushien-cli.exe ;; *) PROGRAM=$DIST/kyojushien ;; esac
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() {
  echo "build_frozen: FAILED: $*" >&2
  exit 1
}

if [[ "${1:-}" != "--smoke-only" ]]; then
  "$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || fail "PyInstaller is missing: $PYTHON -m pip install \".[build]\""
  started=$(date +%s)
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$ROOT/dist" \
    --workpath "$ROOT/build/pyinstaller" installer/kyojushien.spec >"$WORK/pyinstaller.log" 2>&1 ||
    { tail -40 "$WORK/pyinstaller.log" >&2; fail "PyInstaller"; }
  echo "build_frozen: built $DIST in $(($(date +%s) - started)) s"
fi
[[ -x "$PROGRAM" ]] || fail "no frozen program at $PROGRAM"

# Qt's offscreen plugin says this on every window; nothing else may reach stderr.
KNOWN_NOISE='^This plugin does not support propagateSizeHints\(\)$'

# step NAME EXPECTED_STDOUT COMMAND… — runs the frozen program in a fresh home (HOME too, so a
# file written to the user's folders would be noticed), fails on a non-zero exit, on stderr
# output, or when stdout lacks EXPECTED_STDOUT.
step() {
  local name=$1 expected=$2
  shift 2
  local home=$WORK/$name
  mkdir -p "$home/user"
  local started=$(date +%s%N)
  if ! env HOME="$home/user" XDG_DATA_HOME="$home/user/data" XDG_CONFIG_HOME="$home/user/config" \
    KYOJUSHIEN_HOME="$home/data" timeout 120 "$@" >"$home/stdout" 2>"$home/stderr"; then
    cat "$home/stdout" "$home/stderr" >&2
    fail "$name exited non-zero"
  fi
  if grep -Ev "$KNOWN_NOISE" "$home/stderr" | grep -q .; then
    cat "$home/stderr" >&2
    fail "$name wrote to stderr"
  fi
  grep -q -- "$expected" "$home/stdout" || { cat "$home/stdout" >&2; fail "$name: expected '$expected' on stdout"; }
  [[ -z "$(find "$home/user" -type f)" ]] || fail "$name wrote into the user's folders: $(find "$home/user" -type f)"
  echo "build_frozen: ok $name ($((($(date +%s%N) - started) / 1000000)) ms)"
}

# The names inside a zip (xlsx, docx), read with the build's Python (no unzip needed).
members() { "$PYTHON" -m zipfile -l "$1"; }

# A data file of the sample town, made by the frozen program, for the steps that read one.
SAMPLE=$WORK/sample.db
step version "居住支援デスク $VERSION" "$PROGRAM" --version
step init "作成しました" "$PROGRAM" init --db "$WORK/init/new.db" --municipality テスト町 --department 住宅課
step sample "みどり町" "$PROGRAM" sample --db "$SAMPLE"
step check "" "$PROGRAM" check --db "$SAMPLE"
BANKS=$("$PROGRAM" hearing banks --db "$SAMPLE")
BANK=$(head -1 <<<"$BANKS" | cut -f1)
[[ -n "$BANK" ]] || fail "hearing banks listed none"
step hearing-sheet "ヒアリングシート" "$PROGRAM" hearing sheet --bank "$BANK" --pdf "$WORK/sheet.pdf" --db "$SAMPLE"
head -c 5 "$WORK/sheet.pdf" | grep -q '%PDF-' || fail "hearing sheet is not a PDF"
# openpyxl (the comparison's 「グラフ」 sheet) and python-docx (the 開催レポート), both imported lazily.
ROUNDS=$("$PROGRAM" diagnosis rounds --db "$SAMPLE")
ROUND=$(head -1 <<<"$ROUNDS" | cut -f1)
step diagnosis-xlsx "" "$PROGRAM" diagnosis compare --round "$ROUND" --xlsx "$WORK/compare.xlsx" --db "$SAMPLE"
[[ $(members "$WORK/compare.xlsx") == *xl/charts/chart1.xml* ]] || fail "the comparison workbook has no chart"
MEETINGS=$("$PROGRAM" meetings list --db "$SAMPLE")
MEETING=$(awk -F'\t' '$5 == "報告済" {print $1; exit}' <<<"$MEETINGS")
step meeting-docx "" "$PROGRAM" meetings report --meeting "${MEETING:-1}" --docx "$WORK/report.docx" --db "$SAMPLE"
[[ $(members "$WORK/report.docx") == *word/document.xml* ]] || fail "the report is not a Word file"
# cryptography (the hand-over package: scrypt and AES-GCM), imported lazily.
echo "K7QM-3XRP-ABCD-EFGH-JKLM" >"$WORK/passphrase.txt"
step handover-pack "確かめました" "$PROGRAM" handover pack --out "$WORK/town.kyoju" --passphrase-file "$WORK/passphrase.txt" --db "$SAMPLE"
step handover-verify "問題はありません" "$PROGRAM" handover verify "$WORK/town.kyoju" --passphrase-file "$WORK/passphrase.txt"
step handover-open "置きました" "$PROGRAM" handover open "$WORK/town.kyoju" --passphrase-file "$WORK/passphrase.txt" --db "$WORK/received/town.db"
step handover-report "" "$PROGRAM" handover report --docx "$WORK/handover.docx" --db "$SAMPLE"
# The main window to its first paint (offscreen), as the bench times it.
step window "painted-at" env QT_QPA_PLATFORM=offscreen KYOJUSHIEN_BENCH_EXIT_ON_PAINT=1 "$PROGRAM" --db "$SAMPLE"

# Portable: a copy of the folder with portable.txt beside the program, no KYOJUSHIEN_HOME.
cp -al "$DIST" "$WORK/portable" 2>/dev/null || cp -a "$DIST" "$WORK/portable" # hard links fail across drives (Windows runners)
touch "$WORK/portable/portable.txt"
mkdir -p "$WORK/portable-user"
env -u KYOJUSHIEN_HOME HOME="$WORK/portable-user" XDG_DATA_HOME="$WORK/portable-user/data" \
  XDG_CONFIG_HOME="$WORK/portable-user/config" timeout 120 "$WORK/portable/$(basename "$PROGRAM")" \
  init --municipality テスト町 >/dev/null || fail "portable init"
[[ -f "$WORK/portable/kyojushien-data/kyojushien.db" ]] || fail "portable: no data file beside the program"
[[ -f "$WORK/portable/kyojushien-data/logs/kyojushien.log" ]] || fail "portable: no log beside the program"
[[ -z "$(find "$WORK/portable-user" -type f)" ]] || fail "portable wrote into the user's folders"
echo "build_frozen: ok portable"

size_mb=$(du -sm "$DIST" | cut -f1)
echo "build_frozen: frozen_size_mb: $size_mb MB"
((size_mb <= 120)) || fail "the onedir is $size_mb MB (over 120)"
echo "build_frozen: all smoke steps passed"
