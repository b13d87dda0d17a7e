#!/usr/bin/env bash
# The publishing half of `make test`, after `swift test`: the browser checks (Tests/browser/run.sh) and the starter
# workflow test (Tests/starter/run.sh) at the same time.
#
# The starter test spends most of its time in a release build (`make install`, as a writer's GitHub Pages workflow
# runs it); it runs at the lowest CPU priority, so it takes only the CPU the browser checks leave idle, and the two
# together take little longer than the browser checks alone. The browser checks print as they go; the starter
# test's output follows when both have ended. Fails if either fails.
#
# usage: EXPLAINER=path/to/debug/explainer Tests/publishing.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
START=$SECONDS
"$ROOT/Tests/browser/deps.sh"

LOG="$(mktemp "${TMPDIR:-/tmp}/explainer-starter-log.XXXXXX")"
setsid nice -n 19 "$ROOT/Tests/starter/run.sh" > "$LOG" 2>&1 &
STARTER=$!
trap 'kill -- -"$STARTER" 2>/dev/null || true; rm -f "$LOG"' EXIT

browser=0
"$ROOT/Tests/browser/run.sh" || browser=$?
printf '\n######## browser checks ended (exit %s) after %ss; waiting for the starter test\n' "$browser" "$((SECONDS - START))"
starter=0
wait "$STARTER" || starter=$?
printf '\n######## starter test (exit %s), %ss after the start:\n' "$starter" "$((SECONDS - START))"
cat "$LOG"
[ "$browser" -eq 0 ] || { echo "FAIL: the browser checks failed (exit $browser; above)" >&2; exit 1; }
[ "$starter" -eq 0 ] || { echo "FAIL: the starter workflow test failed (exit $starter; above)" >&2; exit 1; }
echo "Browser checks and the starter workflow test passed in $((SECONDS - START))s"
