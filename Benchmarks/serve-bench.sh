#!/usr/bin/env bash
# Preview server benchmarks (issue 23, requirements 4 and 5), all in one run on the same machine:
#   1. requests/s with wrk against `explainer serve` (release build) and nginx (sendfile on, 2 worker processes),
#      both serving this site, on three pages chosen by size: the smallest page, the median chapter page ("typical")
#      and the largest chapter page. The servers take turns (ROUNDS rounds, the order flipped each round), so a change
#      in the machine's load hits both alike; ratios are ours / nginx from the same run.
#   2. MANY (1,000) concurrent connections against each server on the largest chapter, with every socket error and
#      non-2xx answer counted.
#   3. save → live-reload event (Benchmarks/reload-latency.py): a chapter and a stylesheet of this site, and a chapter
#      of a generated site of CHAPTERS (1,000) chapters (Benchmarks/corpus/generate.py).
# Usage: Benchmarks/serve-bench.sh [--write]   (--write replaces the "## Preview server" section of BENCHMARKS.md)
# Settings (environment): DURATION=10s THREADS=2 CONNECTIONS=50 MANY=1000 ROUNDS=2 EDITS=9 CHAPTERS=1000
#   EXPLAINER=path/to/explainer skips `make release` and measures that binary.
#   BASELINE=path/to/other/explainer serves the site with that binary too, measured in the same rounds (taking turns
#   with the other two), for a before/after in one run; its rows follow the table (the reload part measures only ours).
# Installs wrk and nginx-light with apt-get when they are missing. Run it on an otherwise idle machine: client and
# servers share the cores.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD
WRITE=${1:-}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
MANY=${MANY:-1000}
ROUNDS=${ROUNDS:-2}
EDITS=${EDITS:-9}
CHAPTERS=${CHAPTERS:-1000}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

# 1,000 connections need 1,000 descriptors in wrk and in each server, and some to spare.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((MANY + 200)) ]; then
    echo "error: ulimit -n is $(ulimit -n); $MANY connections need at least $((MANY + 200)) open files" >&2
    echo "  hint: raise the hard limit (ulimit -Hn, /etc/security/limits.conf) or run with MANY=$(( $(ulimit -n) - 200 ))" >&2
    exit 1
fi

missing=""
command -v wrk >/dev/null || missing="$missing wrk"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# The release binary as `make release` makes it: the Swift runtime, libcmark and zlib linked in.
if [ -z "${EXPLAINER:-}" ]; then
    make -s release >&2
    EXPLAINER="$(swift build -c release --show-bin-path)/explainer"
fi
BIN=$EXPLAINER
VERSION=$("$BIN" --version 2>/dev/null | head -1 || echo unknown)

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

# The pages, by the size of the published file: chapters are content/NN-slug.md, published at /slug/.
read -r SMALL TYPICAL LARGE < <(python3 - "$WORK/site" <<'PY'
import os, re, sys
site = sys.argv[1]
public = os.path.join(site, "public")
pages = []
for folder, _, files in os.walk(public):
    if "index.html" in files:
        path = os.path.join(folder, "index.html")
        url = "/" + os.path.relpath(folder, public).replace(os.sep, "/") + "/"
        pages.append((os.path.getsize(path), url.replace("/./", "/")))
chapters = []
for name in os.listdir(os.path.join(site, "content")):
    match = re.fullmatch(r"\d+-(.+)\.md", name)
    page = match and os.path.join(public, match.group(1), "index.html")
    if page and os.path.exists(page):
        chapters.append((os.path.getsize(page), "/" + match.group(1) + "/"))
pages.sort(); chapters.sort()
print(pages[0][1], chapters[(len(chapters) - 1) // 2][1], chapters[-1][1])
PY
)
declare -A PAGE=([small]=$SMALL [typical]=$TYPICAL [large]=$LARGE)
declare -A WHAT=([small]="smallest page" [typical]="median chapter" [large]="largest chapter")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
    for _ in $(seq 1 1200); do
        curl -fs -o /dev/null "http://127.0.0.1:$1$2" && return 0
        sleep 0.1
    done
    echo "nothing answers on port $1" >&2; exit 1
}

OURS=$(free_port)
"$BIN" serve --root "$WORK/site" --port "$OURS" >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
SERVERS="ours nginx"
if [ -n "${BASELINE:-}" ]; then
    BASE_PORT=$(free_port)
    BASE_VERSION=$("$BASELINE" --version 2>/dev/null | head -1 || echo unknown)
    # Its own copy of the site: a preview server writes nothing, but the two must not share a watcher's events.
    cp -r "$WORK/site" "$WORK/base-site"
    "$BASELINE" serve --root "$WORK/base-site" --port "$BASE_PORT" >"$WORK/serve-base.log" 2>&1 &
    PIDS+=($!)
    SERVERS="ours nginx baseline"
fi
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
worker_rlimit_nofile $((MANY * 4));
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections $((MANY * 2)); }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    server {
        listen 127.0.0.1:$NGINX_PORT backlog=4096;
        root $WORK/site/public;
        index index.html;
    }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
PIDS+=($!)
wait_for "$OURS" "$SMALL"; wait_for "$NGINX_PORT" "$SMALL"
[ -n "${BASELINE:-}" ] && wait_for "$BASE_PORT" "$SMALL"

bytes() { curl -fs "http://127.0.0.1:$1$2" | wc -c; }
measure() {
    # Prints "requests/s|mean latency|errors" from one wrk run: port $1, page $2, connections $3.
    wrk -t"$THREADS" -c"$3" -d"$DURATION" --latency "http://127.0.0.1:$1$2" >"$WORK/wrk.txt" 2>&1 || true
    local rps latency errors
    rps=$(awk '/Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
    latency=$(awk '/Latency/ && !/Distribution/ {print $2; exit}' "$WORK/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s%s", sep, $0; sep="; "}' "$WORK/wrk.txt")
    echo "${rps:-0}|${latency:-n/a}|${errors:-none}"
}

echo "Warming up" >&2
for port in "$OURS" "$NGINX_PORT" ${BASE_PORT:-}; do
    for kind in small typical large; do wrk -t1 -c4 -d1s "http://127.0.0.1:$port${PAGE[$kind]}" >/dev/null; done
done
declare -A PORT=([ours]=$OURS [nginx]=$NGINX_PORT [baseline]=${BASE_PORT:-0}) RPS LAT ERR
for round in $(seq 1 "$ROUNDS"); do
    # The servers take turns, the order reversed every other round.
    order=$SERVERS; [ $((round % 2)) -eq 0 ] && order=$(echo "$SERVERS" | tr ' ' '\n' | tac | tr '\n' ' ')
    for kind in small typical large many; do
        page=${PAGE[$kind]:-$LARGE}; connections=$CONNECTIONS; [ "$kind" = many ] && connections=$MANY
        for name in $order; do
            echo "Round $round: $name, ${WHAT[$kind]:-$MANY connections} ($page, -t$THREADS -c$connections -d$DURATION)" >&2
            IFS='|' read -r rps latency errors <<<"$(measure "${PORT[$name]}" "$page" "$connections")"
            RPS[$name.$kind]="${RPS[$name.$kind]:-} $rps"
            LAT[$name.$kind]="${LAT[$name.$kind]:+${LAT[$name.$kind]}, }$latency"
            ERR[$name.$kind]="${ERR[$name.$kind]:+${ERR[$name.$kind]}; }$errors"
        done
    done
done
LOAD_AFTER_WRK=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

mean() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(f'{sum(v)/len(v):.0f}')" $1; }
rounds() { echo "$1" | awk '{for (i = 1; i <= NF; i++) printf "%s%.0f", (i > 1 ? ", " : ""), $i}'; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}' if float(sys.argv[2]) else 'n/a')" "$1" "$2"; }
# The ratio of each round (ours / nginx in the same round), lowest first.
round_ratios() {
    python3 -c "import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); print(', '.join(sorted(f'{float(x)/float(y):.2f}' for x, y in zip(a, b))))" "$1" "$2"
}

echo "Measuring save-to-event latency on this site ($EDITS edits each)" >&2
CHAPTER=$(ls "$WORK/site/content/"*"${TYPICAL//\//}".md | head -1)
CHAPTER_JSON=$(python3 Benchmarks/reload-latency.py --port "$OURS" --file "$CHAPTER" --event reload --edits "$EDITS")
CSS_JSON=$(python3 Benchmarks/reload-latency.py --port "$OURS" --file "$WORK/site/templates/assets/site.css" --event css --edits "$EDITS")
rebuilds() { grep -o 'Rebuilt in [0-9]* ms after content' "$1" | awk '{print $3}' | tr '\n' ' '; }
median() { python3 -c "import sys, statistics; v=[float(x) for x in sys.argv[1:]]; print(f'{statistics.median(v):.0f}' if v else 'n/a')" $1; }
REBUILDS=$(rebuilds "$WORK/serve.log")

echo "Generating a $CHAPTERS-chapter site and measuring save-to-event latency on it" >&2
python3 Benchmarks/corpus/generate.py --chapters "$CHAPTERS" --out "$WORK/corpus" >&2
BIG_PORT=$(free_port)
BIG_START=$(date +%s.%N)
"$BIN" serve --root "$WORK/corpus/explainer" --port "$BIG_PORT" >"$WORK/serve-big.log" 2>&1 &
PIDS+=($!)
wait_for "$BIG_PORT" /
BIG_PAGES=$(grep -o 'Built [0-9]* pages in [0-9]* ms' "$WORK/serve-big.log" | head -1)
BIG_CHAPTER=$(ls "$WORK/corpus/explainer/content/"[0-9]*.md | sort | sed -n "$(( (CHAPTERS + 1) / 2 ))p")
BIG_JSON=$(python3 Benchmarks/reload-latency.py --port "$BIG_PORT" --file "$BIG_CHAPTER" --event reload --edits "$EDITS")
BIG_REBUILDS=$(rebuilds "$WORK/serve-big.log")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
verdict() { python3 -c "import sys; print('holds' if float(sys.argv[1]) >= float(sys.argv[2]) else 'is missed')" "$1" "$2"; }
under() { python3 -c "import sys; print('holds' if float(sys.argv[1]) < float(sys.argv[2]) else 'is missed')" "$1" "$2"; }
errors_total() {
    # Sums every socket error and non-2xx count in wrk's error lines.
    echo "$1" | { grep -o '[0-9][0-9]*' || true; } | awk '{s += $1} END {print s + 0}'
}

ROWS=""
WORST=""
for kind in small typical large; do
    ours=$(mean "${RPS[ours.$kind]}"); theirs=$(mean "${RPS[nginx.$kind]}")
    r=$(ratio "$ours" "$theirs")
    WORST=$(python3 -c "import sys; v=[x for x in sys.argv[1:] if x]; print(min(v, key=float))" "$r" "$WORST")
    ROWS+="| ${WHAT[$kind]} \`${PAGE[$kind]}\` | $(bytes "$OURS" "${PAGE[$kind]}") / $(bytes "$NGINX_PORT" "${PAGE[$kind]}") | $ours ($(rounds "${RPS[ours.$kind]}")) | $theirs ($(rounds "${RPS[nginx.$kind]}")) | **$r** | $(round_ratios "${RPS[ours.$kind]}" "${RPS[nginx.$kind]}") | ${LAT[ours.$kind]} / ${LAT[nginx.$kind]} | ${ERR[ours.$kind]} / ${ERR[nginx.$kind]} |
"
done
BASE_ROWS=""
if [ -n "${BASELINE:-}" ]; then
    for kind in small typical large many; do
        base=$(mean "${RPS[baseline.$kind]}"); theirs=$(mean "${RPS[nginx.$kind]}"); ours=$(mean "${RPS[ours.$kind]}")
        BASE_ROWS+="| ${WHAT[$kind]:-$MANY connections, largest chapter} | $base ($(rounds "${RPS[baseline.$kind]}")) | **$(ratio "$base" "$theirs")** | $(round_ratios "${RPS[baseline.$kind]}" "${RPS[nginx.$kind]}") | $(ratio "$ours" "$base") | ${ERR[baseline.$kind]} |
"
    done
    BASE_SECTION="

**Baseline in the same rounds**: $BASE_VERSION (\`BASELINE=\`), serving the same site, taking turns with the two above.

| Page | Baseline, req/s: mean (rounds) | Baseline / nginx | Per round | Ours / baseline | Errors, rounds |
|---|---:|---:|---:|---:|---|
$BASE_ROWS"
fi
MANY_OURS=$(mean "${RPS[ours.many]}"); MANY_NGINX=$(mean "${RPS[nginx.many]}")
MANY_ERRORS=$(errors_total "${ERR[ours.many]}")

CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || uname -m)
REPORT=$(cat <<MD
## Preview server

Measured $(date -u +"%Y-%m-%d %H:%M UTC") ($VERSION, release build) on $(uname -sr), $(nproc) cores ($CPU); load average
$LOAD_BEFORE before the run, $LOAD_AFTER_WRK after the wrk runs, $LOAD_AFTER at the end. Swift
$(swift --version 2>/dev/null | grep -o 'version [0-9.]*' | head -1 | cut -d' ' -f2), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2),
$($NGINX -v 2>&1 | cut -d' ' -f3). Script: \`Benchmarks/serve-bench.sh\` (wrk and both servers share the machine's cores).

### Requests per second against nginx

Both servers serve this site: \`explainer serve\` from memory, nginx (nginx-light; \`worker_processes 2\`, \`sendfile on\`,
\`tcp_nopush on\`, \`keepalive_requests 1000000\`, no \`open_file_cache\`) the published files from disk. wrk sends no
\`Accept-Encoding\`, so both send the bytes as built; the preview's pages carry the live-reload script tag (the
first of the two byte counts). Pages are picked by the size of the published file: the smallest page of the site, the
median and the largest chapter page. \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\`, $ROUNDS rounds, the two servers taking turns
(the order flipped each round).

| Page | Bytes (ours / nginx) | Ours, req/s: mean (rounds) | nginx, req/s: mean (rounds) | Ours / nginx | Per round | Mean latency, rounds (ours / nginx) | Errors, rounds (ours / nginx) |
|---|---:|---:|---:|---:|---:|---|---|
$ROWS
Requirement (issue 23, 4): at least 0.8× nginx on every page size. In this run the lowest ratio of the means is $WORST:
the requirement $(verdict "$WORST" 0.8).${BASE_SECTION:-}

### $MANY connections at once

\`wrk -t$THREADS -c$MANY -d$DURATION\` on the largest chapter (\`$LARGE\`), in the same rounds.

| Server | Requests/s: mean (rounds) | Mean latency (rounds) | Errors (rounds) |
|---|---:|---|---|
| \`explainer serve\` | $MANY_OURS ($(rounds "${RPS[ours.many]}")) | ${LAT[ours.many]} | ${ERR[ours.many]} |
| nginx | $MANY_NGINX ($(rounds "${RPS[nginx.many]}")) | ${LAT[nginx.many]} | ${ERR[nginx.many]} |

Socket errors and non-2xx answers of \`explainer serve\` in these runs: $MANY_ERRORS.

### Save to live-reload event

A file is saved the way editors do (a temporary file renamed over it); the time runs from the rename to the event's
arrival on an open event stream (\`Benchmarks/reload-latency.py\`). Median of $EDITS edits each. The server learns of the
save from inotify and rebuilds once the save's file operations stop: 2 ms after the last event when every file the
burst touched is back in place and closed (a finished save, as here), else 10 ms.

| Site | Edit | Event | Median | Min | Max |
|---|---|---|---:|---:|---:|
| this site | \`content/$(basename "$CHAPTER")\` | reload | $(json "$CHAPTER_JSON" median_ms) ms | $(json "$CHAPTER_JSON" min_ms) ms | $(json "$CHAPTER_JSON" max_ms) ms |
| this site | \`templates/assets/site.css\` (no build: swapped in) | css | $(json "$CSS_JSON" median_ms) ms | $(json "$CSS_JSON" min_ms) ms | $(json "$CSS_JSON" max_ms) ms |
| $CHAPTERS generated chapters | \`content/$(basename "$BIG_CHAPTER")\` | reload | $(json "$BIG_JSON" median_ms) ms | $(json "$BIG_JSON" min_ms) ms | $(json "$BIG_JSON" max_ms) ms |

The server's own rebuild times (from its log, ms): this site $REBUILDS(median $(median "$REBUILDS") ms); the
$CHAPTERS-chapter site $BIG_REBUILDS(median $(median "$BIG_REBUILDS") ms; its first build: ${BIG_PAGES:-n/a}). The generated site is
\`Benchmarks/corpus/generate.py --chapters $CHAPTERS\` (without \`--menu\`).

Requirement (issue 23, 5): save → reload under 50 ms on this site and under 200 ms on the $CHAPTERS-chapter site. In this
run the first $(under "$(json "$CHAPTER_JSON" median_ms)" 50) and the second $(under "$(json "$BIG_JSON" median_ms)" 200) (medians).
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
