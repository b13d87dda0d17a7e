#!/usr/bin/env bash
# Figure checks on a fresh build of this site, outside `make test`:
#
#   figures.sh labels          the label-collision test alone (as in `make test`), with its allow-list
#   figures.sh shots [ONLY]    screenshots of every figure and scenario variant at 1280 and 390 px, light and dark,
#                              into test-artifacts/review-shots/<language>/ (ONLY: comma-separated parts of figure ids)
#
# Uses the debug binary (or $EXPLAINER) and headless Chromium via Selenium (run.sh installs them).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/Tests/browser"
MODE="${1:-}"
PYTHON="${PYTHON:-python3}"
BIN="${EXPLAINER:-$ROOT/.build/debug/explainer}"
[ -x "$BIN" ] || { echo "no explainer binary at $BIN; run 'swift build' first (or set EXPLAINER=path)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/explainer-figures.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# A copy with the chart gallery on: the site does not publish it, but its samples are figures a writer copies.
mkdir -p "$WORK/source"
cp -R "$ROOT/content" "$ROOT/templates" "$WORK/source/"
printf '\ngallery: true\n' >> "$WORK/source/content/site.yml"
"$BIN" build --root "$WORK/source" --output "$WORK/site" > /dev/null

case "$MODE" in
    labels)
        "$PYTHON" "$HERE/label_collisions.py" "file://$WORK/site/" "$WORK/site" "$HERE/known-label-collisions.txt" ;;
    shots)
        OUT="$ROOT/test-artifacts/review-shots"
        rm -rf "$OUT"
        "$PYTHON" "$HERE/review_shots.py" "$WORK/site" "$OUT" "${2:-}" ;;
    *)
        echo "usage: $0 labels | shots [ONLY]" >&2; exit 64 ;;
esac
