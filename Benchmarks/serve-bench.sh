#!/usr/bin/env bash
# Preview server benchmarks, all in one run on the same machine:
#   1. requests/s with wrk against `explainer serve` (release build), `python3 -m http.server` and nginx,
#      each serving the same built chapter page;
#   2. time from saving a chapter (and a stylesheet) to the live-reload event, median of several edits.
# Usage: Benchmarks/serve-bench.sh [--write]   (--write replaces the "## Preview server" section of BENCHMARKS.md)
# Installs wrk and nginx-light with apt-get when they are missing.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD
WRITE=${1:-}
PAGE=${PAGE:-/four-steps/}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
EDITS=${EDITS:-9}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

missing=""
command -v wrk >/dev/null || missing="$missing wrk"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# The release build as the Makefile makes it (the Swift runtime linked in on Linux).
RELEASE_FLAGS=(-c release)
[ "$(uname -s)" = Linux ] && RELEASE_FLAGS+=(--static-swift-stdlib)
swift build "${RELEASE_FLAGS[@]}" --product explainer >&2
BIN="$(swift build "${RELEASE_FLAGS[@]}" --show-bin-path)/explainer"

WORK=$(mktemp -d /tmp/explainer-serve-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/site"
cp -r content templates "$WORK/site/"
"$BIN" build --root "$WORK/site" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
    for _ in $(seq 1 600); do
        curl -fs -o /dev/null "http://127.0.0.1:$1$PAGE" && return 0
        sleep 0.1
    done
    echo "nothing answers on port $1" >&2; exit 1
}

OURS=$(free_port)
"$BIN" serve --root "$WORK/site" --port "$OURS" >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
PYTHON_PORT=$(free_port)
python3 -m http.server "$PYTHON_PORT" --bind 127.0.0.1 --directory "$WORK/site/public" >/dev/null 2>&1 &
PIDS+=($!)
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/site/public;
        index index.html;
    }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
PIDS+=($!)
wait_for "$OURS"; wait_for "$PYTHON_PORT"; wait_for "$NGINX_PORT"

bytes() { curl -fs "http://127.0.0.1:$1$PAGE" | wc -c; }
measure() {
    # Prints "requests/s|mean latency|errors" from one wrk run against port $1.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$1$PAGE" >"$WORK/wrk.txt"
    local rps latency errors
    rps=$(awk '/Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
    latency=$(awk '/Latency/ && !/Distribution/ {print $2; exit}' "$WORK/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s%s", sep, $0; sep="; "}' "$WORK/wrk.txt")
    echo "$rps|$latency|${errors:-none}"
}

echo "Warming up" >&2
for port in "$OURS" "$PYTHON_PORT" "$NGINX_PORT"; do wrk -t1 -c4 -d2s "http://127.0.0.1:$port$PAGE" >/dev/null; done
# Two rounds, servers alternating, so a change in the machine's load during the run hits all three alike.
declare -A PORT=([ours]=$OURS [nginx]=$NGINX_PORT [python]=$PYTHON_PORT) RPS LAT ERR
for round in 1 2; do
    for name in ours nginx python; do
        echo "Round $round: $name ($THREADS threads, $CONNECTIONS connections, $DURATION)" >&2
        IFS='|' read -r rps latency errors <<<"$(measure "${PORT[$name]}")"
        RPS[$name]="${RPS[$name]:-} $rps"
        LAT[$name]="${LAT[$name]:+${LAT[$name]}, }$latency"
        ERR[$name]="${ERR[$name]:+${ERR[$name]} / }$errors"
    done
done
mean() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(f'{sum(v)/len(v):.0f}')" $1; }
pair() { echo "$1" | awk '{printf "%.0f, %.0f", $1, $2}'; }
OURS_RPS=$(mean "${RPS[ours]}"); NGINX_RPS=$(mean "${RPS[nginx]}"); PY_RPS=$(mean "${RPS[python]}")

echo "Measuring save-to-event latency ($EDITS edits each)" >&2
CHAPTER=$(ls "$WORK/site/content/"*four-steps*.md | head -1)
CHAPTER_JSON=$(python3 Benchmarks/reload-latency.py --port "$OURS" --file "$CHAPTER" --event reload --edits "$EDITS")
CSS_JSON=$(python3 Benchmarks/reload-latency.py --port "$OURS" --file "$WORK/site/templates/assets/site.css" --event css --edits "$EDITS")
REBUILDS=$(grep -o 'Rebuilt in [0-9]* ms after content' "$WORK/serve.log" | awk '{print $3}' | sort -n | tr '\n' ' ')
REBUILD_MEDIAN=$(grep -o 'Rebuilt in [0-9]* ms after content' "$WORK/serve.log" | awk '{print $3}' | sort -n \
    | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}')

json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}')" "$1" "$2"; }
verdict() { python3 -c "import sys; print('holds' if float(sys.argv[1]) >= float(sys.argv[3]) * float(sys.argv[2]) else 'is missed')" "$1" "$2" "$3"; }
under() { python3 -c "import sys; print('holds' if float(sys.argv[1]) < float(sys.argv[2]) else 'is missed')" "$1" "$2"; }

CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || uname -m)
REPORT=$(cat <<MD
## Preview server

Measured $(date -u +"%Y-%m-%d %H:%M UTC") on $(uname -sr), $(nproc) cores ($CPU), load average before the run
$LOAD_BEFORE; Swift $(swift --version 2>/dev/null | grep -o 'version [0-9.]*' | head -1 | cut -d' ' -f2),
$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $($NGINX -v 2>&1 | cut -d' ' -f3), $(python3 --version).
Script: \`Benchmarks/serve-bench.sh\` (client and servers share the machine's cores).

### Requests per second

\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\` for \`$PAGE\`, two rounds in the same run, the servers taking turns. The preview page is
$(bytes "$OURS") bytes (it carries the live-reload script tag); the published page served by the others is $(bytes "$NGINX_PORT") bytes.

| Server | Requests/s (mean) | Rounds | Mean latency (rounds) | Errors (rounds) | vs nginx | vs python |
|---|---:|---:|---:|---|---:|---:|
| \`explainer serve\` (release) | $OURS_RPS | $(pair "${RPS[ours]}") | ${LAT[ours]} | ${ERR[ours]} | $(ratio "$OURS_RPS" "$NGINX_RPS") | $(ratio "$OURS_RPS" "$PY_RPS") |
| nginx (nginx-light, \`worker_processes auto\`) | $NGINX_RPS | $(pair "${RPS[nginx]}") | ${LAT[nginx]} | ${ERR[nginx]} | 1.00 | $(ratio "$NGINX_RPS" "$PY_RPS") |
| \`python3 -m http.server\` | $PY_RPS | $(pair "${RPS[python]}") | ${LAT[python]} | ${ERR[python]} | $(ratio "$PY_RPS" "$NGINX_RPS") | 1.00 |

### Save to live-reload event

A file is saved the way editors do (temporary file renamed over it); the time runs from the rename to the
event's arrival on an open event stream. Median of $EDITS edits each.

| Edit | Event | Median | Min | Max |
|---|---|---:|---:|---:|
| \`content/$(basename "$CHAPTER")\` (incremental rebuild) | reload | $(json "$CHAPTER_JSON" median_ms) ms | $(json "$CHAPTER_JSON" min_ms) ms | $(json "$CHAPTER_JSON" max_ms) ms |
| \`templates/assets/site.css\` (no build: swapped in) | css | $(json "$CSS_JSON" median_ms) ms | $(json "$CSS_JSON" min_ms) ms | $(json "$CSS_JSON" max_ms) ms |

The server's own rebuild times for the chapter edits (from its log, ms): $REBUILDS(median $REBUILD_MEDIAN ms).

Targets from issue 7: at least half of nginx's requests/s, ten times python's, and under 150 ms from saving one
chapter to the reload event. In this run the first $(verdict "$OURS_RPS" "$NGINX_RPS" 0.5), the second $(verdict "$OURS_RPS" "$PY_RPS" 10) and the third
$(under "$(json "$CHAPTER_JSON" median_ms)" 150). The stylesheet row shows the server's own share of the latency (polling every 50 ms plus a 30 ms
quiet period to merge a burst of saves); the rest of the chapter row is the rebuild, which is incremental: unchanged
chapters come from \`ParseCache\` and unchanged figures from the value-keyed \`FigureCache\`, so only the edited
chapter is parsed before the pages are laid out and checked again.
MD
)
echo "$REPORT"

if [ "$WRITE" = "--write" ]; then
    REPORT="$REPORT" python3 - "$REPO/BENCHMARKS.md" <<'PY'
import os, re, sys
path = sys.argv[1]
section = os.environ["REPORT"].rstrip() + "\n"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
pattern = re.compile(r"^## Preview server\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda _: section + "\n", text).rstrip() + "\n"
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print(f"Updated {path}", file=sys.stderr)
PY
fi
