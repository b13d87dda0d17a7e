#!/usr/bin/env python3
"""explainer's search against Pagefind on the same built sites, in headless Chromium (run by `make bench-search`).

    compare-pagefind.py --site LABEL=SITE_DIR=QUERIES[=PAGE[=EDITION]] [--site …] [--json OUT.json]

QUERIES is a relevance set (Tests/Fixtures/search/relevance-*.tsv: query, page that must be in the first three result
pages) or a file of bare queries, one a line (sizes and times only, as for the 10,000-chapter corpus). EDITION (such as
`zh-hant/`) measures a language edition of a multilingual site: its pages, its index, and Pagefind's files of that
language (Pagefind indexes every language of the site and keeps each apart). For each site,
Pagefind (the PyPI packages pagefind-bin and pagefind-bin-extended, whose extended build segments Chinese) indexes
the built HTML in the same run, with `--root-selector main` so it reads what explainer indexes (the page's content,
not its menus). A local server serves the site and records every file it sends; the browser cache is off. Per engine:

  - index size: every file a reader could download for search (explainer: assets/search.js and search/<language>/;
    Pagefind: its bundle without its optional UI files), as stored and gzipped (gzip -9; Pagefind's index files are
    gzipped already, so they barely change);
  - per query, on a fresh page: the files fetched to open search (explainer: the script and the index's meta file;
    Pagefind: pagefind.js, its WebAssembly, entry and meta files) and the files the query then fetches (shards,
    fragments, text blocks) until its first eight results are shown (explainer: drawn in the results list; Pagefind:
    its `search()` API with `data()` of the first eight results, no UI, which favours Pagefind slightly);
  - the answer time on that fresh page with search open (downloads included, from a local server), and the answer time of
    the same query again in a session that has already run the whole set (nothing left to download);
  - the answer time on another fresh page where the query is typed as search opens (explainer: the box focused and the
    query in it at once, so the script, the index's meta file, the shards and the blocks all load for it; Pagefind:
    pagefind.js imported, initialised and asked in one go), counted from the focus (the import);
  - relevance: the queries whose page is in the first three result pages, and the mean reciprocal rank.

Prints Markdown tables; `--json` also writes the raw numbers.
"""
import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "browser"))
from chromium import make_driver  # noqa: E402

SHOWN = 8  # results explainer's box shows; Pagefind is asked for as many
PAGEFIND = {"pagefind": "pagefind_bin", "pagefind-extended": "pagefind_bin_extended"}
PAGEFIND_UI = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")


# --- serving, with a log of what was sent -------------------------------------------------------------------------

class Recorder(http.server.SimpleHTTPRequestHandler):
    sent = []
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        with Recorder.lock:
            Recorder.sent.append(path)
        super().do_GET()


def serve(site):
    handler = functools.partial(Recorder, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def take_sent():
    with Recorder.lock:
        sent = list(Recorder.sent)
        Recorder.sent.clear()
    return sent


# --- sizes ---------------------------------------------------------------------------------------------------------

_sizes = {}


def sizes(path):
    """(bytes as stored, bytes gzipped -9) of a file."""
    if path not in _sizes:
        with open(path, "rb") as file:
            data = file.read()
        _sizes[path] = (len(data), len(gzip.compress(data, 9, mtime=0)))
    return _sizes[path]


def total(site, paths):
    raw = gz = 0
    for path in paths:
        file = os.path.join(site, path.lstrip("/"))
        if os.path.isfile(file):
            r, g = sizes(file)
            raw += r
            gz += g
    return raw, gz


def edition_language(site, edition):
    """The language of the edition's pages: the name of its explainer index folder (search/<language>/)."""
    names = os.listdir(os.path.join(site, edition, "search"))
    return names[0] if len(names) == 1 else None


def pagefind_file_of(name, language, wasm):
    """Whether a file of Pagefind's bundle serves `language`: its own index, fragments, meta and WebAssembly, and the
    files every language shares (pagefind.js, its worker, the entry file)."""
    if language is None:
        return True
    own = language.lower()
    if name.startswith(own + "_") or name.startswith(f"pagefind.{own}_"):
        return True
    if name.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter")):
        return False
    if name.startswith("wasm."):
        return name == f"wasm.{wasm or 'unknown'}.pagefind"
    return True


def search_files(site, engine, edition=""):
    """Every file a reader's search could download, below the site root."""
    language = edition_language(site, edition)
    wasm = None
    if engine == "explainer":
        folders = [os.path.join(edition, "search", name) for name in os.listdir(os.path.join(site, edition, "search"))]
        files = ["assets/search.js"]
    else:
        folders = [engine]
        files = []
        entry = os.path.join(site, engine, "pagefind-entry.json")
        if language and os.path.isfile(entry):
            with open(entry, encoding="utf-8") as file:
                wasm = json.load(file)["languages"].get(language.lower(), {}).get("wasm")
    for folder in folders:
        for parent, _, names in os.walk(os.path.join(site, folder)):
            for name in names:
                relative = os.path.relpath(os.path.join(parent, name), site)
                if engine == "explainer" or not name.startswith(PAGEFIND_UI) and pagefind_file_of(name, language, wasm):
                    files.append(relative)
    return files


# --- the engines in the browser -------------------------------------------------------------------------------------

def search_is_relevant(path, engine):
    if engine == "explainer":
        return path.endswith("/assets/search.js") or "/search/" in path
    return f"/{engine}/" in path


OURS_OPEN = """
const done = arguments[arguments.length - 1];
const form = document.querySelector('.site-search'), input = form.querySelector('input');
const t0 = performance.now();
input.focus();
(function wait() {
  if (performance.getEntriesByType('resource').some(e => e.name.endsWith('/meta.js'))) setTimeout(() => done(performance.now() - t0), 30);
  else setTimeout(wait, 2);
})();
"""

OURS_QUERY = """
const [query, done] = arguments;
const form = document.querySelector('.site-search'), input = form.querySelector('input');
const finish = () => done({ms: performance.now() - t0, pages: [...form.querySelectorAll('[role=option]')].map(o => o.href)});
new MutationObserver((_, observer) => {
  if (form.dataset.shown === query) { observer.disconnect(); finish(); }
}).observe(form, {attributes: true, attributeFilter: ['data-shown']});
const t0 = performance.now();
input.value = query;
input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true}));
"""

PAGEFIND_OPEN = """
const [bundle, done] = arguments;
const t0 = performance.now();
import(bundle + 'pagefind.js').then(async pagefind => {
  window.pf = pagefind;
  await pagefind.options({baseUrl: '/'});
  await pagefind.init();
  done(performance.now() - t0);
}).catch(e => done('error: ' + e));
"""

OURS_AT_ONCE = """
const [query, done] = arguments;
const form = document.querySelector('.site-search'), input = form.querySelector('input');
new MutationObserver((_, observer) => {
  if (form.dataset.shown === query) { observer.disconnect(); done({ms: performance.now() - t0}); }
}).observe(form, {attributes: true, attributeFilter: ['data-shown']});
const t0 = performance.now();
input.focus();
input.value = query;
"""

PAGEFIND_AT_ONCE = """
const [bundle, query, shown, done] = arguments;
const t0 = performance.now();
import(bundle + 'pagefind.js').then(async pagefind => {
  await pagefind.options({baseUrl: '/'});
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, shown).map(r => r.data()));
  done({ms: performance.now() - t0});
}).catch(e => done({ms: 0, error: String(e)}));
"""

PAGEFIND_QUERY = """
const [query, shown, done] = arguments;
const t0 = performance.now();
window.pf.search(query).then(async search => {
  const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()));
  done({ms: performance.now() - t0, pages: data.map(d => d.url)});
}).catch(e => done({ms: 0, pages: [], error: String(e)}));
"""


class Engine:
    def __init__(self, name, driver, base, site):
        self.name, self.driver, self.base, self.site = name, driver, base, site

    def open(self, page):
        """A fresh page with search opened: (milliseconds, files fetched for it)."""
        self.driver.get(self.base + page)
        take_sent()
        if self.name == "explainer":
            ms = self.driver.execute_async_script(OURS_OPEN)
        else:
            ms = self.driver.execute_async_script(PAGEFIND_OPEN, self.base + self.name + "/")
        if isinstance(ms, str):
            sys.exit(f"{self.name}: {ms}")
        return ms, [p for p in take_sent() if search_is_relevant(p, self.name)]

    def at_once(self, page, query):
        """A fresh page where the query is typed as search opens: milliseconds from opening to the answer."""
        self.driver.get(self.base + page)
        if self.name == "explainer":
            result = self.driver.execute_async_script(OURS_AT_ONCE, query)
        else:
            result = self.driver.execute_async_script(PAGEFIND_AT_ONCE, self.base + self.name + "/", query, SHOWN)
        if result.get("error"):
            print(f"  {self.name}: {query!r}: {result['error']}", file=sys.stderr)
        take_sent()
        return result["ms"]

    def query(self, query):
        """(milliseconds, result pages in order, files fetched for it)."""
        if self.name == "explainer":
            result = self.driver.execute_async_script(OURS_QUERY, query)
        else:
            result = self.driver.execute_async_script(PAGEFIND_QUERY, query, SHOWN)
        if result.get("error"):
            print(f"  {self.name}: {query!r}: {result['error']}", file=sys.stderr)
        pages = []
        for url in result["pages"]:
            path = urllib.parse.urlsplit(urllib.parse.urljoin(self.base, url)).path.lstrip("/")
            path = path[: -len("index.html")] if path.endswith("index.html") else path
            if path not in pages:
                pages.append(path)
        return result["ms"], pages, [p for p in take_sent() if search_is_relevant(p, self.name)]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(driver, label, site, queries, page, engines=None, edition="", rounds=1):
    server, base = serve(site)
    page = edition + page
    queries = [(query, edition + expected if expected else expected) for query, expected in queries]
    results = {}
    try:
        for name in ["explainer"] + list(PAGEFIND):
            if name != "explainer" and not os.path.isdir(os.path.join(site, name)) or engines and name not in engines:
                continue
            engine = Engine(name, driver, base, site)
            stored = total(site, search_files(site, name, edition))
            cold, at_once = [], []
            for _ in range(rounds):
                for query, _ in queries:
                    open_ms, open_files = engine.open(page)
                    ms, pages, files = engine.query(query)
                    cold.append({"query": query, "open_ms": open_ms, "ms": ms, "open": total(site, open_files),
                                 "query_files": total(site, files), "fetched": len(files), "pages": pages})
                    at_once.append(engine.at_once(page, query))
            # A session: the whole set once, then each query again (its files all loaded) for the repeat time.
            engine.open(page)
            for query, _ in queries:
                engine.query(query)
            repeat = [engine.query(query)[0] for query, _ in queries]
            passed, reciprocal, misses = 0, 0.0, []
            judged = [(q, e, c["pages"]) for (q, e), c in zip(queries, cold[:len(queries)]) if e]
            for query, expected, pages in judged:
                rank = pages.index(expected) + 1 if expected in pages else None
                passed += bool(rank and rank <= 3)
                reciprocal += 1 / rank if rank else 0
                if not rank or rank > 3:
                    misses.append(f"{query} → {', '.join(pages[:3]) or 'nothing'}")
            results[name] = {
                "stored": stored, "files": len(search_files(site, name, edition)), "cold": cold, "repeat_ms": repeat,
                "at_once_ms": at_once,
                "relevance": (passed, len(judged), reciprocal / len(judged)) if judged else None, "misses": misses,
            }
            print(f"{label}: {name} measured", file=sys.stderr)
    finally:
        server.shutdown()
    return results


# --- report ---------------------------------------------------------------------------------------------------------

def kb(value):
    return f"{value / 1024:,.1f} KB"


def report(label, results, count, rounds=1):
    print(f"\n### {label} ({count} queries{f', {rounds} rounds' if rounds > 1 else ''})\n")
    print("| Engine | Index (stored / gzip) | Files | Open search: fetched (stored / gzip), median ms "
          "| Per query: fetched (stored / gzip), median · max | Per query + open, max (stored / gzip) "
          "| Answer on a fresh page, median · p95 · max | Typed as search opens, median · p95 "
          "| Repeat query, median · p95 | Top-3 relevance | MRR |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        cold = r["cold"]
        opened = cold[0]["open"]
        open_ms = statistics.median(c["open_ms"] for c in cold)
        per = [c["query_files"] for c in cold]
        both = [(c["open"][0] + c["query_files"][0], c["open"][1] + c["query_files"][1]) for c in cold]
        ms = [c["ms"] for c in cold]
        relevance = f"{r['relevance'][0]}/{r['relevance'][1]}" if r["relevance"] else "—"
        mrr = f"{r['relevance'][2]:.2f}" if r["relevance"] else "—"
        print(f"| {name} | {kb(r['stored'][0])} / {kb(r['stored'][1])} | {r['files']:,} "
              f"| {kb(opened[0])} / {kb(opened[1])}, {open_ms:.0f} ms "
              f"| {kb(statistics.median(p[0] for p in per))} / {kb(statistics.median(p[1] for p in per))} · "
              f"{kb(max(p[0] for p in per))} / {kb(max(p[1] for p in per))} "
              f"| {kb(max(b[0] for b in both))} / {kb(max(b[1] for b in both))} "
              f"| {statistics.median(ms):.0f} · {percentile(ms, 0.95):.0f} · {max(ms):.0f} ms "
              f"| {statistics.median(r['at_once_ms']):.0f} · {percentile(r['at_once_ms'], 0.95):.0f} ms "
              f"| {statistics.median(r['repeat_ms']):.1f} · {percentile(r['repeat_ms'], 0.95):.1f} ms "
              f"| {relevance} | {mrr} |")
    for name, r in results.items():
        if r["misses"]:
            print(f"\n{name} misses: " + "; ".join(r["misses"]))
    heaviest = {name: max(r["cold"], key=lambda c: c["query_files"][0]) for name, r in results.items()}
    print("\nHeaviest query per engine: " + "; ".join(
        f"{name} {c['query']!r} {kb(c['query_files'][0])} in {c['fetched']} files" for name, c in heaviest.items()))


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            if line.strip() and not line.startswith("#"):
                parts = line.rstrip("\n").split("\t")
                queries.append((parts[0], parts[1] if len(parts) > 1 else None))
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", action="append", required=True, help="LABEL=SITE_DIR=QUERIES[=PAGE[=EDITION]]")
    parser.add_argument("--json")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure each query on a fresh page this many times (default 1; medians and p95 over all)")
    parser.add_argument("--no-index", action="store_true",
                        help="use the Pagefind bundles already in the sites (from an earlier run) instead of indexing again")
    parser.add_argument("--engine", action="append", choices=["explainer", *PAGEFIND],
                        help="measure only these engines (repeatable; default: all)")
    args = parser.parse_args()
    driver = make_driver(logging=False)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    everything = {}
    try:
        for spec in args.site:
            label, site, queries, *rest = spec.split("=")
            page, edition = (rest + ["", ""])[:2]
            site = os.path.abspath(site)
            for name, module in PAGEFIND.items():
                if args.engine and name not in args.engine or args.no_index and os.path.isdir(os.path.join(site, name)):
                    continue
                started = time.time()
                os.system(f"{sys.executable} -m {module} --site '{site}' --output-subdir {name} "
                          f"--root-selector main --silent")
                print(f"{label}: {name} indexed in {time.time() - started:.1f} s", file=sys.stderr)
            cases = read_queries(queries)
            everything[label] = measure(driver, label, site, cases, page, args.engine, edition, args.rounds)
            report(label, everything[label], len(cases), args.rounds)
    finally:
        driver.quit()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(everything, file, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
