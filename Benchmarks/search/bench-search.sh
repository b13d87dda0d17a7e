#!/usr/bin/env bash
# explainer's search against Pagefind, in one run on this machine (`make bench-search`; results in BENCHMARKS.md).
#
#   Benchmarks/search/bench-search.sh [CHAPTERS]      (default 10000: the size of the large synthetic corpus)
#
# Builds, with the release binary (or EXPLAINER=path), three sites: this repository's site (English, relevance set
# Tests/Fixtures/search/relevance-en.tsv; its zh-Hant edition with relevance-zh-site.tsv), the Chinese fixture site
# Tests/Fixtures/search-zh (zh-Hant, relevance set relevance-zh.tsv) and the synthetic corpus of Benchmarks/corpus/generate.py with CHAPTERS chapters (the queries of
# Benchmarks/search/corpus-queries.txt; sizes and times only). Then Benchmarks/search/compare-pagefind.py indexes each
# with Pagefind (PyPI pagefind-bin and pagefind-bin-extended, installed when missing) and measures both engines in
# headless Chromium: index size, download per query, answer time, relevance. Raw numbers go to $WORK/search.json.
# Installs chromium, chromium-driver (apt-get) and selenium (pip) when missing.
set -euo pipefail

cd "$(dirname "$0")/../.."
REPO=$PWD
CHAPTERS=${1:-10000}
WORK=${WORK:-$(mktemp -d /tmp/explainer-search.XXXXXX)}
mkdir -p "$WORK"
PYTHON=${PYTHON:-python3}

missing=""
for pkg in chromium chromium-driver; do dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"; done
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
"$PYTHON" -c "import selenium" 2>/dev/null || "$PYTHON" -m pip install -q selenium
for package in pagefind-bin pagefind-bin-extended; do
    module=${package//-/_}
    "$PYTHON" -c "import $module" 2>/dev/null || "$PYTHON" -m pip install -q "$package"
done

if [ -z "${EXPLAINER:-}" ]; then
    # The release build as the Makefile makes it.
    make -s release >&2
    RELEASE_FLAGS=(-c release)
    [ "$(uname -s)" = Linux ] && RELEASE_FLAGS+=(--static-swift-stdlib)
    EXPLAINER="$(swift build "${RELEASE_FLAGS[@]}" --show-bin-path)/explainer"
fi

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr);" \
    "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); explainer $(git -C "$REPO" rev-parse --short HEAD);" \
    "$("$PYTHON" -m pagefind_bin --version) (pagefind-bin), $("$PYTHON" -m pagefind_bin_extended --version) (pagefind-bin-extended);" \
    "$(chromium --version 2>/dev/null | head -1)"

"$EXPLAINER" build --root "$REPO" --output "$WORK/en" >&2
mkdir -p "$WORK/zh-source"
rm -rf "$WORK/zh-source/content" "$WORK/zh-source/templates"
cp -R Tests/Fixtures/search-zh/content templates "$WORK/zh-source/"
"$EXPLAINER" build --root "$WORK/zh-source" --output "$WORK/zh" >&2
corpus="$WORK/corpus-$CHAPTERS"
[ -d "$corpus" ] || "$PYTHON" Benchmarks/corpus/generate.py --chapters "$CHAPTERS" --out "$corpus" >&2
started=$(date +%s%N)
env -C "$corpus/explainer" "$EXPLAINER" build --output "$WORK/corpus" >&2
echo "Corpus of $CHAPTERS chapters built (with its search index) in $(( ($(date +%s%N) - started) / 1000000 )) ms"
# A chapter page of the corpus to search from.
page="$(cd "$WORK/corpus" && ls -d c1-*/ | head -1)"

"$PYTHON" Benchmarks/search/compare-pagefind.py --json "$WORK/search.json" \
    --site "This site (English)=$WORK/en=Tests/Fixtures/search/relevance-en.tsv=four-steps/" \
    --site "This site's zh-Hant edition=$WORK/en=Tests/Fixtures/search/relevance-zh-site.tsv=four-steps/=zh-hant/" \
    --site "Chinese fixture site (zh-Hant)=$WORK/zh=Tests/Fixtures/search/relevance-zh.tsv=four-steps/" \
    --site "Synthetic corpus, $CHAPTERS chapters=$WORK/corpus=Benchmarks/search/corpus-queries.txt=$page"
echo
echo "Raw numbers: $WORK/search.json"
