#!/usr/bin/env bash
# Build time and peak memory of explainer vs Hugo on the same synthetic Markdown, in one run on this machine.
#
#   Benchmarks/compare-hugo.sh [N ...]        (default: 1000 10000)
#
# For each N, Benchmarks/corpus/generate.py writes N chapters (~600 words, one in ten with a chart block) as an
# explainer site and as a minimal Hugo site with the same Markdown bodies. Then, taking turns in the same run:
#   - hyperfine (warm-up 1, RUNS runs each) times `explainer build --output …` and `hugo --quiet -d …`;
#   - GNU time's maximum resident set size, measured MEMRUNS times for each tool (median reported).
# Results go to standard output as a Markdown table; the raw hyperfine JSON stays in $WORK.
# Installs hugo and hyperfine with apt-get when they are missing.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
RUNS=${RUNS:-5}
MEMRUNS=${MEMRUNS:-3}

missing=""
command -v hugo >/dev/null || missing="$missing hugo"
command -v hyperfine >/dev/null || missing="$missing hyperfine"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

# The release build as the Makefile makes it (the Swift runtime linked in on Linux).
RELEASE_FLAGS=(-c release)
[ "$(uname -s)" = Linux ] && RELEASE_FLAGS+=(--static-swift-stdlib)
swift build "${RELEASE_FLAGS[@]}" --product explainer >&2
BIN="$(swift build "${RELEASE_FLAGS[@]}" --show-bin-path)/explainer"
WORK=${WORK:-$(mktemp -d /tmp/explainer-hugo.XXXXXX)}
mkdir -p "$WORK"

# Median of the "Maximum resident set size" (KB) of MEMRUNS runs of a command.
peak_rss_kb() {
    local values=()
    for _ in $(seq "$MEMRUNS"); do
        values+=("$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1)")
    done
    printf '%s\n' "${values[@]}" | sort -n | sed -n "$(( (MEMRUNS + 1) / 2 ))p"
}

echo "Machine: $(nproc) cores, $(uname -sr); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "explainer: $("$BIN" --version 2>/dev/null || echo "release build of $(git rev-parse --short HEAD)"); $(hugo version | cut -d' ' -f1-2); $(hyperfine --version)"
echo
echo "| Pages | explainer build (mean ± σ) | Hugo (mean ± σ) | explainer / Hugo | explainer peak RSS | Hugo peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    corpus="$WORK/corpus-$n"
    [ -d "$corpus" ] || python3 Benchmarks/corpus/generate.py --chapters "$n" --out "$corpus" >&2
    ours=(env -C "$corpus/explainer" "$BIN" build --output "$WORK/out-explainer-$n")
    theirs=(hugo --quiet --source "$corpus/hugo" --destination "$WORK/out-hugo-$n")
    # Both must succeed before they are timed.
    "${ours[@]}" >/dev/null
    "${theirs[@]}" >/dev/null
    hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine-$n.json" \
        -n explainer "${ours[*]}" -n hugo "${theirs[*]}" >&2
    ours_kb=$(peak_rss_kb "${ours[@]}")
    theirs_kb=$(peak_rss_kb "${theirs[@]}")
    python3 - "$WORK/hyperfine-$n.json" "$n" "$ours_kb" "$theirs_kb" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
n, ours_kb, theirs_kb = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
e, h = results["explainer"], results["hugo"]
ms = lambda r: f"{r['mean'] * 1000:,.0f} ± {r['stddev'] * 1000:,.0f} ms"
print(f"| {int(n):,} | {ms(e)} | {ms(h)} | {e['mean'] / h['mean']:.2f} | {ours_kb / 1024:,.1f} MB | {theirs_kb / 1024:,.1f} MB |")
EOF
done
echo
echo "Pages written: explainer $(find "$WORK/out-explainer-${SIZES[0]}" -name '*.html' | wc -l), Hugo $(find "$WORK/out-hugo-${SIZES[0]}" -name '*.html' | wc -l) for N=${SIZES[0]}; raw data in $WORK"
