#!/usr/bin/env bash
# Build time and peak memory of explainer vs Hugo on the same synthetic Markdown, and explainer on one core vs two,
# in one run on this machine (issue 23: time ≤ 0.1× Hugo's, memory ≤ 0.15× Hugo's, two cores ≥ 1.7× one core).
#
#   Benchmarks/compare-hugo.sh [N ...]        (default: 1000 10000)
#
# For each N, Benchmarks/corpus/generate.py writes N chapters (~600 words, one in ten with a chart block) as an
# explainer site and as a minimal Hugo site with the same Markdown bodies and the same bounded chapter menu (30
# chapters around the page's own, and a link to the contents page: explainer's `menuChapters`, mirrored in Hugo's
# template). For each N in FULL_MENU_SIZES (default: 1000) a second corpus lists every chapter in every page's
# menu, in both tools. Then Benchmarks/compare-builds-hugo.py builds each corpus ROUNDS times (default 5 at 1,000
# chapters, 3 above), taking turns: explainer (both cores), Hugo, explainer under `taskset -c 0` (one core; left
# out for the full-menu corpus), after a warm-up build each. It reports median wall time and peak resident memory
# (wait4's maximum RSS, GNU time's %M), the median per-round ratios, and whether the one- and two-core builds wrote
# the same bytes (`diff -r`). The load average before and after each corpus is printed: on a busy machine the
# one-core/two-core ratio says little, since the second core is not free.
#
# Installs hugo with apt-get when missing. WORK (default: a new folder in /tmp) keeps the corpora, outputs and raw JSON.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
FULL_MENU_SIZES=${FULL_MENU_SIZES-1000}  # FULL_MENU_SIZES= (empty) for none

missing=""
command -v hugo >/dev/null || missing="$missing hugo"
command -v taskset >/dev/null || missing="$missing util-linux"
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

# The release build as the Makefile makes it (`make release`: the Swift runtime, libcmark and zlib linked in).
if [ -z "${EXPLAINER:-}" ]; then
    make --no-print-directory release >&2
    EXPLAINER="$(swift build -c release --show-bin-path)/explainer"
fi
WORK=${WORK:-$(mktemp -d /tmp/explainer-hugo.XXXXXX)}
mkdir -p "$WORK"

echo "Machine: $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "explainer: $("$EXPLAINER" --version 2>/dev/null) ($(git rev-parse --short HEAD)); $(hugo version | cut -d' ' -f1-2)"
echo
echo "| Pages | Menu | Rounds | explainer, 2 cores | Hugo | explainer / Hugo time | explainer peak RSS | Hugo peak RSS | explainer / Hugo memory | explainer, 1 core | 2 cores vs 1 (speed-up) | 1 and 2 cores same bytes | Load before → after |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
run_corpus() {  # N MENU
    local n=$1 menu=$2 corpus="$WORK/corpus-$1-$2" rounds=${ROUNDS:-$([ "$1" -le 1000 ] && echo 5 || echo 3)}
    [ -d "$corpus" ] || python3 Benchmarks/corpus/generate.py --chapters "$n" --menu "$menu" --out "$corpus" >&2
    local flags=() load
    [ "$menu" = full ] && flags+=(--no-one-core)
    load=$(cut -d' ' -f1 /proc/loadavg)
    WORK="$corpus" python3 Benchmarks/compare-builds-hugo.py "$corpus" "$rounds" "$EXPLAINER" "${flags[@]}" > "$corpus/result.json"
    python3 - "$corpus/result.json" "$n" "$menu" "$load" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
n, menu, load = int(sys.argv[2]), sys.argv[3], sys.argv[4]
ms = lambda seconds: f"{seconds * 1000:,.0f} ms"
mb = lambda kb: f"{kb / 1024:,.1f} MB"
one = r.get("explainer-1core")
speedup = f"{r['speedup_two_cores']:.2f}×" if one else "—"
same = ("yes" if r["identical"] else "NO") if one else "—"
print(f"| {n:,} | {menu} | {r['rounds']} | {ms(r['explainer']['wall'])} | {ms(r['hugo']['wall'])} | {r['time_ratio_to_hugo']:.3f} "
      f"| {mb(r['explainer']['rss_kb'])} | {mb(r['hugo']['rss_kb'])} | {r['memory_ratio_to_hugo']:.3f} "
      f"| {ms(one['wall']) if one else '—'} | {speedup} | {same} | {load} → {r['load'][0]} |")
if one and not r["identical"]:
    print(r["differences"], file=sys.stderr)
PY
}
for n in "${SIZES[@]}"; do run_corpus "$n" bounded; done
for n in $FULL_MENU_SIZES; do run_corpus "$n" full; done
echo
echo "Ratios are medians of per-round ratios (each round: explainer, Hugo, explainer on one core, one after another)."
echo "Raw results (every round's wall times) in $WORK/corpus-*/result.json."
