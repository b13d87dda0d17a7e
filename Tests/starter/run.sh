#!/usr/bin/env bash
# Proof that a writer's explainer publishes the way the README says. Run by `make test` after the browser tests.
#
#  1. `explainer new` makes a site in a temporary folder, as a writer's git repository;
#  2. the build job of the GitHub Pages workflow that `new` wrote runs here, step by step: every `run:` block with
#     the environment GitHub would give it, except that EXPLAINER_SOURCE is this checkout (no network) and the
#     Pages address is a local server's sub-path. So the workflow gets explainer the way it does on GitHub: it clones
#     the source at EXPLAINER_REF and runs `make install` (the release build), keeping the binary where
#     actions/cache would (under .build/starter-test/, by EXPLAINER_REF, so a second run is a cache hit);
#  3. the installed binary must be self-contained (ldd) and name the commit it was built from (--version);
#  4. the published folder is served under a sub-path and link-checked (linkchecker; http_anchors.py), every page
#     carries og:image, the chart gallery is not published, and no page has the project's own site's words.
#
# The workflow builds the committed HEAD, not uncommitted changes (as GitHub would build what was pushed).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PREFIX="/writer/sub/path/"
START=$SECONDS
step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - START))"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

BIN="${EXPLAINER:-$ROOT/.build/debug/explainer}"
[ -x "$BIN" ] || die "no explainer binary at $BIN; run 'swift build' first (or set EXPLAINER=path)"
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c "import yaml" 2>/dev/null || "$PYTHON" -m pip install -q pyyaml

WORK="$(mktemp -d "${TMPDIR:-/tmp}/explainer-starter.XXXXXX")"
chmod 755 "$WORK"
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
    # The workflow's clone of explainer and its release build (about 1.5 GB): a runner's temporary folder is
    # discarded after the job; the installed binary stays in the cache folder.
    [ -n "${STATE:-}" ] && rm -rf "$STATE/runner-temp"
    true
}
trap cleanup EXIT

step "explainer new, as a writer's repository"
SITE="$WORK/my-explainer"
"$BIN" new "$SITE" --title "How tides work" > "$WORK/new.txt"
cat "$WORK/new.txt"
git -C "$SITE" init --quiet --initial-branch=main
git -C "$SITE" add -A
git -C "$SITE" -c user.name=Writer -c user.email=writer@example.org commit --quiet -m "Start the explainer"
[ -f "$SITE/.github/workflows/pages.yml" ] || die "new wrote no .github/workflows/pages.yml"
grep -qx '.public.spare/' "$SITE/.gitignore" || die ".gitignore does not ignore .public.spare/"

step "Serve $PREFIX on a free local port"
"$PYTHON" "$ROOT/Tests/browser/serve_subpath.py" "$SITE/public" "$PREFIX" > "$WORK/port" 2> "$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT="$(head -n1 "$WORK/port")"
[ -n "$PORT" ] || die "the test server did not start: $(cat "$WORK/server.log")"
BASE="http://127.0.0.1:$PORT${PREFIX%/}"      # as actions/configure-pages gives it: no trailing slash

step "The workflow's build job, step by step"
STATE="$ROOT/.build/starter-test"
mkdir -p "$STATE/runner-temp"
REF="$("$PYTHON" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["env"]["EXPLAINER_REF"])' "$SITE/.github/workflows/pages.yml")"
[ -n "$REF" ] || die "the workflow names no EXPLAINER_REF"
git -C "$ROOT" cat-file -e "$REF^{commit}" 2>/dev/null || die "EXPLAINER_REF $REF is not a commit of this checkout"
# actions/cache restores ~/.explainer by EXPLAINER_REF: one home folder per ref stands for the cache.
CACHE_HOME="$STATE/cache/$REF"
mkdir -p "$CACHE_HOME"
"$PYTHON" "$ROOT/Tests/starter/run_workflow.py" "$SITE/.github/workflows/pages.yml" "$SITE" \
    --env "EXPLAINER_SOURCE=$ROOT" --env "HOME=$CACHE_HOME" --env "RUNNER_TEMP=$STATE/runner-temp" \
    --expression "steps.pages.outputs.base_url=$BASE" || die "a step of the workflow failed"

step "The binary the workflow installed"
INSTALLED="$CACHE_HOME/.explainer/bin/explainer"
[ -x "$INSTALLED" ] || die "the workflow did not install $INSTALLED"
"$ROOT/scripts/check-self-contained.sh" "$INSTALLED" || die "the installed binary is not self-contained"
"$ROOT/scripts/check-allocator.sh" "$INSTALLED" || die "the installed binary does not allocate with jemalloc as set up"
version="$("$INSTALLED" --version)"
echo "$version"
case "$version" in *"commit $REF"*) ;; *) die "--version does not name commit $REF: $version" ;; esac

step "What was published"
PUBLIC="$SITE/public"
[ -f "$PUBLIC/index.html" ] || die "the workflow built no public/index.html"
[ ! -e "$PUBLIC/gallery" ] || die "the chart gallery was published, but site.yml does not ask for it"
for page in $(cd "$PUBLIC" && find . -name '*.html' ! -name 404.html | sort); do
    grep -q "<meta property=\"og:image\" content=\"$BASE/images/cover.png\">" "$PUBLIC/$page" \
        || grep -q "<meta property=\"og:image\" content=\"$BASE/" "$PUBLIC/$page" || die "$page has no absolute og:image"
done
grep -q "<loc>$BASE/why-bad-years-bunch/</loc>" "$PUBLIC/sitemap.xml" || die "sitemap.xml does not use the Pages address"
# Every file, the settings line under a model chart included (it describes parameters in neutral words).
found=""
for file in $(grep -rlI . "$PUBLIC"); do
    if grep -qiE '\bAI\b|crash|invest|financ|data.cent|hyperscaler|\bleas(e|es|ed|ing)\b|tranche|securiti|nvidia|openai' "$file"; then
        found="$found $file"
    fi
done
[ -z "$found" ] || die "these pages carry words of the project's own site:$found"
echo "$(find "$PUBLIC" -name '*.html' | wc -l) pages, og:image on each, no gallery, none of the project's own words"

step "Link check over HTTP under $PREFIX (linkchecker)"
command -v linkchecker >/dev/null || die "linkchecker is missing (Tests/browser/run.sh installs it)"
linkchecker --config "$ROOT/Tests/browser/linkcheckerrc" --no-status --output text "$BASE/" > "$WORK/linkchecker.txt" 2>&1 \
    || { cat "$WORK/linkchecker.txt"; die "linkchecker found broken links under $BASE/"; }
grep -E '^That.s it\.|links? in .* URLs? checked' "$WORK/linkchecker.txt" || tail -n 3 "$WORK/linkchecker.txt"
"$PYTHON" "$ROOT/Tests/browser/http_anchors.py" "$BASE/" 404.html || die "a #anchor under $BASE/ points to nothing"
curl -sf -o /dev/null "$BASE/no/such/deep/page/" && die "a missing page answered 200"
curl -s "$BASE/no/such/deep/page/" | grep -q "Page not found" || die "a missing page does not get 404.html"

step "A writer's explainer publishes as the README says"
