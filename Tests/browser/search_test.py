#!/usr/bin/env python3
"""Search, in headless Chromium driven by Selenium, through the real script and index of built sites.

For the English site (served under a sub-path) and the Chinese fixture site (Tests/Fixtures/search-zh, zh-Hant):
  - sizes: the search script ≤ 6 KB gzipped, all the site's JavaScript ≤ 10 KB, each language's index (meta.js and
    shards, what finds results) ≤ 100 KB; the blocks of result text, fetched per result shown, are reported with it;
  - every result target (page and #anchor) of the index exists;
  - without JavaScript the search box is hidden; with it, nothing of search is downloaded before the reader opens it;
  - the box's words are in the page's language;
  - opening search requests the script and the index's meta file together (one round trip);
  - "/" opens search; typing shows results (chapter, heading, snippet with <mark>) linking to heading anchors, and the
    count announced is of the results listed;
    arrows move the active option (aria-activedescendant), Enter follows it, Escape closes, then clears;
  - the query terms the browser makes equal the index's (Tests/Fixtures/search/terms.tsv);
  - the relevance set (Tests/Fixtures/search/relevance-*.tsv): each query has its page in the first three result pages;
    on the English site, a word of the index lists the results that have it before those of its completions, and lists
    these too (EXACT_FIRST); on this site, in both languages, a figure's label finds the figure first and a glossary
    term its entry first of the glossary's (names-*.tsv), and snippets are about as wide in Chinese as in English;
    this site's zh-Hant edition (zh-hant/), when it has one, is checked the same way with relevance-zh-site.tsv, and its
    Chinese phrases with phrases-zh-site.tsv (found only where their characters stand together, or not at all);
  - axe-core finds no violations in the header (search box and results) with results open; at 390 px the results
    fit the screen;
  - from file:// a query finds results whose links open the page.
Screenshots go to SCREENSHOTS.

usage: search_test.py EN_BASE_URL EN_SITE ZH_BASE_URL ZH_SITE SCREENSHOTS [AXE_JS]     exit status 1 on any problem
"""
import gzip
import json
import os
import re
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import fail, problems  # noqa: E402
from chromium import make_driver, set_size  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "search")
SCRIPT_LIMIT, ALL_SCRIPTS_LIMIT, INDEX_LIMIT = 6 * 1024, 10 * 1024, 100 * 1024
# The box's words follow the page's language (SearchLanguage.interface).
BOX_LABELS = {"en": "Search this site", "zh-Hant": "搜尋本站"}
RESULT_WORD = {"en": "result", "zh-Hant": "個結果"}
# Words of this site's index that begin other words of it: "water" (waterfall), "hyper" (Hyperion, hyperscalers).
EXACT_FIRST = ["water", "hyper"]


def gzipped(path):
    with open(path, "rb") as file:
        return len(gzip.compress(file.read(), 9))


def read_tsv(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as file:
        return [line.rstrip("\n").split("\t") for line in file if line.strip() and not line.startswith("#")]


def index_folder(site):
    folders = [os.path.join(site, "search", name) for name in sorted(os.listdir(os.path.join(site, "search")))]
    if len(folders) != 1:
        fail(f"{site}: expected one language folder in search/, found {folders}")
    return folders[0]


def check_sizes(site, label):
    # A language edition below the root (zh-hant/) shares the root's assets.
    assets = os.path.join(site, "assets")
    if not os.path.isdir(assets):
        assets = os.path.join(os.path.dirname(site), "assets")
    script = gzipped(os.path.join(assets, "search.js"))
    scripts = sum(gzipped(os.path.join(assets, name)) for name in os.listdir(assets) if name.endswith(".js"))
    folder = index_folder(site)
    # The index is what finds results: meta.js and the shards (s<N>.js). The blocks (b<N>.js) hold the results' text
    # (titles, headings, snippets), fetched only for the results shown; reported apart, with the total.
    names = os.listdir(folder)
    index = sum(gzipped(os.path.join(folder, name)) for name in names if not name.startswith("b"))
    blocks = sum(gzipped(os.path.join(folder, name)) for name in names if name.startswith("b"))
    print(f"{label}: search.js {script} B gzipped, all JavaScript {scripts} B, index {index / 1024:.1f} KB gzipped "
          f"in {sum(not n.startswith('b') for n in names)} files; result text {blocks / 1024:.1f} KB gzipped in "
          f"{sum(n.startswith('b') for n in names)} blocks (all {(index + blocks) / 1024:.1f} KB)")
    if script > SCRIPT_LIMIT:
        fail(f"{label}: assets/search.js is {script} B gzipped, more than {SCRIPT_LIMIT}")
    if scripts > ALL_SCRIPTS_LIMIT:
        fail(f"{label}: the site's JavaScript is {scripts} B gzipped, more than {ALL_SCRIPTS_LIMIT}")
    if index > INDEX_LIMIT:
        fail(f"{label}: the index is {index} B gzipped, more than {INDEX_LIMIT}")


def check_targets(site, label):
    """Every document of every block links to a page that exists and, with an anchor, to an id on that page."""
    folder = index_folder(site)
    ids = {}
    count = 0
    for name in sorted(os.listdir(folder)):
        if not name.startswith("b"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            text = file.read()
        documents = json.loads(text[text.index(",") + 1: text.rindex(");")])
        for page, _, _, anchor, _ in documents:
            count += 1
            path = os.path.join(site, page, "index.html")
            if not os.path.isfile(path):  # a page of a language edition may be named from the site's root
                path = os.path.join(os.path.dirname(site), page, "index.html")
            if path not in ids:
                if not os.path.isfile(path):
                    fail(f"{label}: a result links to {page}, which does not exist")
                    ids[path] = set()
                    continue
                with open(path, encoding="utf-8") as file:
                    ids[path] = set(re.findall(r'\sid="([^"]+)"', file.read()))
            if anchor and anchor not in ids[path]:
                fail(f"{label}: a result links to {page}#{anchor}, which is not on that page")
    print(f"{label}: {count} indexed documents, every page and anchor exists")


def form_state(driver):
    return driver.execute_script("""
        const form = document.querySelector('.site-search'), input = form.querySelector('input');
        const list = form.querySelector('[role=listbox]');
        return {shown: form.dataset.shown, expanded: input.getAttribute('aria-expanded'),
                active: input.getAttribute('aria-activedescendant'), status: form.querySelector('[role=status]').textContent,
                options: [...list.querySelectorAll('[role=option]')].map(o => ({id: o.id, href: o.href,
                    selected: o.getAttribute('aria-selected'), where: o.querySelector('.search-where').textContent,
                    marks: o.querySelectorAll('mark').length}))};""")


def wait_for(driver, query, timeout=8):
    """The state once the results for `query` are shown."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = form_state(driver)
        if state["shown"] == query:
            return state
        time.sleep(0.02)
    fail(f"no results shown for {query!r} within {timeout}s (status {form_state(driver)['status']!r})")
    return form_state(driver)


def run_query(driver, query):
    driver.execute_script("""
        const input = document.querySelector('.site-search input');
        input.value = arguments[0];
        input.dispatchEvent(new InputEvent('input', {bubbles: true}));""", query)
    return wait_for(driver, query)


def pages_of(state, base):
    pages = []
    for option in state["options"]:
        url = option["href"].split("#")[0]
        page = url[len(base):] if url.startswith(base) else url
        page = page[: -len("index.html")] if page.endswith("index.html") else page
        if page not in pages:
            pages.append(page)
    return pages


def open_search(driver, url):
    driver.get(url)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    active = driver.execute_script("return document.activeElement && document.activeElement.id")
    if active != "search-input":
        fail(f"{url}: '/' did not focus the search box (focus on {active!r})")
        driver.find_element(By.ID, "search-input").click()
    deadline = time.time() + 5
    while time.time() < deadline and not driver.execute_script("return !!window.explainerSearchTerms"):
        time.sleep(0.02)


def check_relevance(driver, base, name, label):
    cases = read_tsv(name)
    if len(cases) < 30:
        fail(f"{label}: the relevance set has {len(cases)} queries, fewer than 30")
    passed, reciprocal = 0, 0.0
    for query, expected in cases:
        pages = pages_of(run_query(driver, query), base)
        rank = pages.index(expected) + 1 if expected in pages else None
        if rank and rank <= 3:
            passed += 1
        else:
            fail(f"{label}: {query!r} should find {expected} in the first three pages, found {pages[:5]}")
        reciprocal += 1 / rank if rank else 0
    print(f"{label}: relevance {passed}/{len(cases)} queries with their page in the top 3, "
          f"mean reciprocal rank {reciprocal / len(cases):.2f}")


def check_phrases(driver, base, site, label):
    """A run of Chinese characters is a phrase (phrases-zh-site.tsv): its page in the first three, and every page listed
    has the phrase; or no result at all; or, when no page has it, its pairs find the page."""
    cases = read_tsv("phrases-zh-site.tsv")
    for query, expected, kind in cases:
        pages = pages_of(run_query(driver, query), base)
        if kind == "none":
            if pages:
                fail(f"{label}: {query!r} is on no page, but the results list {pages}")
            continue
        if expected not in pages[:3]:
            fail(f"{label}: {query!r} should find {expected} in the first three pages, found {pages[:5]}")
        for page in pages:
            path = os.path.join(site, page, "index.html")
            if not os.path.isfile(path):  # a page of the edition may be named from the site's root
                path = os.path.join(os.path.dirname(site), page, "index.html")
            with open(path, encoding="utf-8") as file:
                has = query in re.sub(r"<[^>]*>", "", file.read())
            if kind == "phrase" and not has:
                fail(f"{label}: {query!r} lists {page}, which does not have the phrase")
            if kind == "pairs" and has:
                fail(f"{label}: {query!r} is marked as on no page, but {page} has it")
    print(f"{label}: {len(cases)} Chinese phrases found only where their characters stand together")


def check_exact_first(driver, label):
    """Rows whose marks are all completions of the query word come after every row that marks the word itself."""
    for query in EXACT_FIRST:
        run_query(driver, query)
        kinds = driver.execute_script("""
            const term = t => window.explainerSearchTerms(t, true).map(x => x.term).join(' '), word = term(arguments[0]);
            return [...document.querySelectorAll('.site-search [role=option]')].map(o => {
                const marks = [...o.querySelectorAll('mark')].map(m => term(m.textContent));
                return marks.includes(word) ? 'word' : marks.length ? 'completion' : 'none';
            });""", query)
        first_completion = kinds.index("completion") if "completion" in kinds else None
        if first_completion is None:
            fail(f"{label}: {query!r} lists no completion of the word after its own results: {kinds}")
        elif "word" in kinds[first_completion:]:
            fail(f"{label}: {query!r} lists a completion before a result with the word itself: {kinds}")
    print(f"{label}: {', '.join(map(repr, EXACT_FIRST))} list the word's own results first, then its completions")


def check_names(driver, base, name, label):
    """A figure's label or a glossary term typed as the page shows it finds that figure first, or that entry first of
    the glossary's results (names-*.tsv); every snippet shown is at most about as wide as 150 Latin characters, a
    Chinese character counting two (about as many lines in either language), and shows words."""
    cases = read_tsv(name)
    for query, expected, where in cases:
        state = run_query(driver, query)
        rows = [urllib.parse.unquote(o["href"])[len(base):].replace("index.html", "") for o in state["options"]]
        if where == "glossary":
            rows = [row for row in rows if row.startswith("glossary/")]
        if not rows or rows[0] != expected:
            fail(f"{label}: {query!r} should list {expected} first{' of the glossary' if where == 'glossary' else ''}, "
                 f"listed {rows[:4]}")
        widths = driver.execute_script("""
            return [...document.querySelectorAll('.site-search .search-snippet')].map(s =>
                [...s.textContent].reduce((w, c) => w + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1), 0));""")
        if any(width > 165 for width in widths):
            fail(f"{label}: {query!r} shows a snippet {max(widths)} columns wide, more than about 150")
        # A snippet cut from the middle of a section still shows its words, not only the ellipses around them.
        empty = driver.execute_script("""
            return [...document.querySelectorAll('.site-search .search-snippet')].filter(s =>
                !/[\\p{L}\\p{N}]/u.test(s.textContent)).length;""")
        if empty:
            fail(f"{label}: {query!r} shows {empty} snippet(s) with no words (only '… …')")
    print(f"{label}: {len(cases)} figure labels and glossary terms find their figure or entry; snippets fit 150 columns "
          "and show words")


def check_terms(driver, label):
    mismatches = driver.execute_script("""
        return arguments[0].filter(([rules, text, expected]) =>
            window.explainerSearchTerms(text, rules == 'en').map(t => t.term).join(' ') != expected)
          .map(([rules, text, expected]) => [text, expected,
            window.explainerSearchTerms(text, rules == 'en').map(t => t.term).join(' ')]);""", read_tsv("terms.tsv"))
    for text, expected, got in mismatches:
        fail(f"{label}: the browser makes {got!r} of {text!r}, the index {expected!r}")
    print(f"{label}: the browser makes the index's terms for {len(read_tsv('terms.tsv'))} texts")


def check_axe(driver, axe, label):
    if not axe:
        fail("axe-core (axe.min.js) not found; install it with: pip install --no-deps axe-playwright-python")
        return
    driver.execute_script(axe)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run({include: [['.site-header']]}, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})
          .then(r => done(r.violations.map(v => [v.id, v.help, v.nodes.map(n => n.target.join(' ')).slice(0, 3)])))
          .catch(e => done([['axe-error', String(e), []]]));""")
    for rule, help_text, nodes in result:
        fail(f"{label}: axe {rule}: {help_text} at {nodes}")
    print(f"{label}: axe-core found {len(result)} violations in the header with search results open")


def check_site(driver, base, site, shots, relevance, language, sample, axe, name=None, sizes=True):
    label = f"search ({name or language})"
    shot = (name or language).replace(" ", "-")
    if sizes:
        check_sizes(site, label)
    check_targets(site, label)
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(base))
    chapter = base + sample

    # Without JavaScript: the box is hidden, the page reads.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(chapter)
    hidden = driver.execute_script("return getComputedStyle(document.querySelector('.site-search')).display")
    if hidden != "none":
        fail(f"{label}: without JavaScript the search box shows (display {hidden})")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

    # With it: nothing of search loads until the reader opens it.
    set_size(driver, "desktop")
    driver.get(chapter)
    loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    early = [url for url in loaded if "/search" in url[len(origin):]]
    if early:
        fail(f"{label}: search files loaded before the reader opened search: {early}")
    if driver.execute_script("return getComputedStyle(document.querySelector('.site-search')).display") == "none":
        fail(f"{label}: with JavaScript the search box is hidden")
    lang = driver.execute_script("return document.documentElement.lang")
    if lang != language:
        fail(f"{label}: page language {lang!r}, expected {language!r}")
    words = driver.execute_script("return document.querySelector('.site-search label').textContent")
    if words != BOX_LABELS[language]:
        fail(f"{label}: the search box is labelled {words!r}, not {BOX_LABELS[language]!r} (the page's language)")

    # "/" opens search; typing shows results.
    open_search(driver, chapter)
    query = read_tsv(relevance)[0][0]
    driver.find_element(By.ID, "search-input").send_keys(query)
    state = wait_for(driver, query)
    loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    if not any(url.endswith("/assets/search.js") for url in loaded) or not any("/meta.js" in url for url in loaded):
        fail(f"{label}: opening search did not load the script and the index: {loaded}")
    # One round trip: the index's meta file is requested before the script has arrived, not after it ran.
    timing = driver.execute_script("""const e = performance.getEntriesByType('resource');
        const s = e.find(x => x.name.endsWith('/assets/search.js')), m = e.find(x => x.name.endsWith('/meta.js'));
        return s && m && [m.startTime, s.responseEnd];""")
    if timing and timing[0] >= timing[1]:
        fail(f"{label}: meta.js was requested at {timing[0]:.1f} ms, after search.js arrived at {timing[1]:.1f} ms")
    if state["expanded"] != "true" or not state["options"]:
        fail(f"{label}: typing {query!r} showed no results ({state})")
    else:
        if not all(o["href"].startswith(base) and "#" in o["href"] or o["href"].endswith("/") for o in state["options"]):
            fail(f"{label}: result links do not stay under {base}: {[o['href'] for o in state['options']]}")
        if not any(o["marks"] for o in state["options"]):
            fail(f"{label}: no result highlights the query")
        if not state["status"]:
            fail(f"{label}: the result count is not announced")
        elif RESULT_WORD[language] not in state["status"]:
            fail(f"{label}: the result count is announced as {state['status']!r}, not in the page's language")
        elif re.search(r"\d+", state["status"]).group() != str(len(state["options"])):
            fail(f"{label}: the status says {state['status']!r} above {len(state['options'])} results")
    driver.save_screenshot(os.path.join(shots, f"search-{shot}-desktop.png"))
    check_axe(driver, axe, label)

    # Keyboard: arrows, Enter, Escape.
    field = driver.find_element(By.ID, "search-input")
    field.send_keys(Keys.ARROW_DOWN)
    state = form_state(driver)
    first = state["options"][0] if state["options"] else None
    if not first or state["active"] != first["id"] or first["selected"] != "true":
        fail(f"{label}: ArrowDown did not make the first result active ({state['active']})")
    field.send_keys(Keys.ARROW_DOWN)
    field.send_keys(Keys.ARROW_UP)
    if form_state(driver)["active"] != (first and first["id"]):
        fail(f"{label}: ArrowDown then ArrowUp did not come back to the first result")
    field.send_keys(Keys.ESCAPE)
    state = form_state(driver)
    if state["expanded"] != "false" or state["active"]:
        fail(f"{label}: Escape did not close the results")
    field.send_keys(Keys.ESCAPE)
    if field.get_attribute("value"):
        fail(f"{label}: a second Escape did not clear the box")
    field.send_keys(query)
    wait_for(driver, query)
    field.send_keys(Keys.ARROW_DOWN)
    target = form_state(driver)["options"][0]["href"]
    field.send_keys(Keys.ENTER)
    deadline = time.time() + 5
    while time.time() < deadline and driver.current_url != target:
        time.sleep(0.05)
    if driver.current_url != target:
        fail(f"{label}: Enter went to {driver.current_url}, not {target}")
    elif "#" in target:
        anchor = target.split("#", 1)[1]
        top = driver.execute_script("const e = document.getElementById(decodeURIComponent(arguments[0]));"
                                    "return e ? e.getBoundingClientRect().top : null", anchor)
        if top is None or not -5 <= top <= 200:
            fail(f"{label}: after Enter the target #{anchor} is not at the top of the window (top {top})")

    # The same terms as the index; the relevance set.
    open_search(driver, chapter)
    check_terms(driver, label)
    check_relevance(driver, base, relevance, label)
    if relevance == "relevance-en.tsv":
        check_exact_first(driver, label)
        check_names(driver, base, "names-en.tsv", label)
    if relevance == "relevance-zh-site.tsv":
        check_phrases(driver, base, site, label)
        check_names(driver, base, "names-zh-site.tsv", label)

    # A phone: the results fit the screen.
    set_size(driver, "phone")
    open_search(driver, chapter)
    driver.find_element(By.ID, "search-input").send_keys(query)
    wait_for(driver, query)
    box = driver.execute_script("""
        const r = document.querySelector('.search-panel').getBoundingClientRect();
        return {left: r.left, right: r.right, width: document.documentElement.clientWidth,
                overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};""")
    if box["left"] < 0 or box["right"] > box["width"] or box["overflow"] > 1:
        fail(f"{label}: at 390 px the results do not fit the screen ({box})")
    driver.save_screenshot(os.path.join(shots, f"search-{shot}-phone.png"))
    set_size(driver, "desktop")

    # From disk.
    driver.get("file://" + os.path.join(site, sample, "index.html"))
    driver.find_element(By.ID, "search-input").click()
    driver.find_element(By.ID, "search-input").send_keys(query)
    state = wait_for(driver, query)
    hrefs = [o["href"] for o in state["options"]]
    if not hrefs or not all(h.startswith("file://") and "/index.html" in h for h in hrefs):
        fail(f"{label}: from file:// the results link to {hrefs}")
    else:
        driver.get(hrefs[0])
        if driver.execute_script("return document.querySelector('h1') === null"):
            fail(f"{label}: from file:// the first result {hrefs[0]} did not open a page")
    print(f"{label}: box hidden without JavaScript, loaded on opening, keyboard, 390 px and file:// checked")


def main():
    en_base, en_site, zh_base, zh_site, shots = sys.argv[1:6]
    axe_path = sys.argv[6] if len(sys.argv) > 6 else ""
    axe = open(axe_path, encoding="utf-8").read() if axe_path and os.path.isfile(axe_path) else ""
    os.makedirs(shots, exist_ok=True)
    driver = make_driver()
    try:
        check_site(driver, en_base, os.path.abspath(en_site), shots, "relevance-en.tsv", "en", "four-steps/", axe)
        check_site(driver, zh_base, os.path.abspath(zh_site), shots, "relevance-zh.tsv", "zh-Hant", "four-steps/", axe)
        # This site's own Chinese edition, once it has one: its pages, its index, its relevance set.
        edition = os.path.join(os.path.abspath(en_site), "zh-hant")
        if os.path.isdir(edition):
            check_site(driver, en_base + "zh-hant/", edition, shots, "relevance-zh-site.tsv", "zh-Hant", "four-steps/",
                       axe, name="zh-Hant edition")
    finally:
        driver.quit()
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
