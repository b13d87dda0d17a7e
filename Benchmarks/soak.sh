#!/usr/bin/env bash
# Soak test of `explainer serve`: wrk with 100 connections for 60 s on loopback while a chapter is edited every second
# (three edits in six break the chapter, so the error overlay path is exercised too). Reports request counts, non-2xx/3xx
# responses, socket errors, rebuilds, and the server's resident memory at the start and the end.
# Usage: Benchmarks/soak.sh [binary]   (default: the debug build; DURATION=60 CONNECTIONS=100 to change)
# The server's resident memory is also sampled every 10 s and printed as a series.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-"$(swift build --show-bin-path)/explainer"}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-100}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

WORK=$(mktemp -d /tmp/explainer-soak.XXXXXX)
cp -r content templates "$WORK/"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stdbuf -oL -eL "$BIN" serve --root "$WORK" --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER=$!
EDITOR_PID=""; SAMPLER_PID=""
trap 'kill $SERVER 2>/dev/null || true; kill $EDITOR_PID 2>/dev/null || true; kill $SAMPLER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }
RSS_START=$(rss)

# Count every status code wrk sees (wrk itself only reports non-2xx/3xx in total).
cat > "$WORK/count.lua" <<'LUA'
local counts = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() statuses = {} end
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("status %d: %d\n", code, n)) end
end
LUA

CHAPTER="$WORK/content/05-four-steps.md"
cp "$CHAPTER" "$WORK/original.md"
(
  i=0
  while true; do
    i=$((i + 1))
    if [ $((i % 6)) -ge 3 ]; then
      printf -- '---\ntitle: Broken\nbogus: 1\n---\n' > "$CHAPTER.tmp"   # an unknown key: the overlay path
    else
      { cat "$WORK/original.md"; printf '\nEdit number %d.\n' "$i"; } > "$CHAPTER.tmp"
    fi
    mv "$CHAPTER.tmp" "$CHAPTER"   # save by rename, like most editors
    sleep 1
  done
) &
EDITOR_PID=$!

# Resident memory every 10 s, to tell a plateau from a climb.
( while kill -0 $SERVER 2>/dev/null; do echo "$(date +%s) $(rss)" >> "$WORK/rss.txt"; sleep 10; done ) &
SAMPLER_PID=$!

wrk --latency -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/count.lua" "http://127.0.0.1:$PORT/four-steps/" > "$WORK/wrk.txt"
kill $EDITOR_PID 2>/dev/null || true
cp "$WORK/original.md" "$CHAPTER"
sleep 3
RSS_END=$(rss)
cat "$WORK/wrk.txt"
echo "rebuilds: $(grep -c '^Rebuilt' "$WORK/serve.log" || true), failed rebuilds: $(grep -c '^Rebuilding after' "$WORK/serve.log" || true)"
grep -o 'in [0-9]* ms' "$WORK/serve.log" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {if (NR) print "rebuild time: median " a[int((NR+1)/2)] " ms, max " a[NR] " ms over " NR " builds"}'
kill $SAMPLER_PID 2>/dev/null || true
echo "server RSS: start ${RSS_START} kB, end ${RSS_END} kB"
echo "server RSS every 10 s (kB): $(awk '{print $2}' "$WORK/rss.txt" | tr '\n' ' ')"
kill -0 $SERVER && echo "server still running"
