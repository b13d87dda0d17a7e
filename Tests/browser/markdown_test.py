#!/usr/bin/env python3
"""Markdown extensions in headless Chromium: tables, footnotes, task lists; and the 404 page without a base URL.

1. Tables, on the real site's pages that have one (and the fixture's): a <thead> and a <tbody>, the alignment the
   delimiter row asked for (computed text-align of every aligned cell), a <caption> with its number ("Table 7.1.")
   and an id that the page's references lead to, and a focusable scroll wrapper: at 390 px a table wider than the
   screen scrolls inside its wrapper and the page itself stays 390 px wide. axe-core finds nothing in the tables.
2. Footnotes (fixture site, Tests/Fixtures/markdown): references numbered 1, 2, … in reading order; clicking a
   reference goes to its footnote, clicking the footnote's back-link returns to the reference; axe-core clean.
3. Task lists (fixture): each checkbox sits inside a <label> with the item's text, is disabled, and is checked as
   written; axe-core clean.
4. Headings (fixture): each ends with a ¶ link to itself, hidden until hover, skipped by screen readers and the keyboard;
   the outline lists ### under their ##; axe-core clean.
5. 404 without baseURL, served under a sub-path: at a deep missing URL every link of the page leads to a real page
   (the page's script finds the site's root).

usage: markdown_test.py BASE SITE FIXTURE_BASE FIXTURE_SITE NO_BASE_URL_BASE SCREENSHOTS AXE_JS
       exit status 1 on any problem
"""
import http.client
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains

from chromium import make_driver, set_size

problems = []
NUMBERED = re.compile(r"^(Table |表)\d+(\.\d+)?")   # "Table 7.1." in English, "表7.1" in Chinese


def fail(message):
    problems.append(message)
    print("FAIL:", message, file=sys.stderr)


def run_axe(driver, axe, include):
    driver.execute_script(axe)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run({include: arguments[0]}, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})
          .then(r => done(r.violations.map(v => [v.id, v.help, v.nodes.slice(0, 4).map(n => n.target.join(' '))])))
          .catch(e => done([['axe-error', String(e), []]]));""", include)


def pages_with(site, needle):
    found = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name == "index.html":
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as file:
                    if needle in file.read():
                        found.append(os.path.relpath(folder, site).replace(os.sep, "/") + "/")
    return sorted(found)


TABLES = """
return Array.from(document.querySelectorAll('.table-wrap')).map(wrap => {
  const table = wrap.querySelector('table');
  const caption = table.querySelector('caption');
  const aligned = Array.from(table.querySelectorAll('th[style], td[style]')).map(cell =>
      [cell.getAttribute('style').replace(/^text-align:\\s*/, '').replace(/;$/, ''), getComputedStyle(cell).textAlign]);
  return {id: table.id, caption: caption ? caption.textContent : null,
          theads: table.querySelectorAll(':scope > thead').length, tbodies: table.querySelectorAll(':scope > tbody').length,
          headCells: table.querySelectorAll('thead th').length, bodyRows: table.querySelectorAll('tbody tr').length,
          aligned: aligned, tabindex: wrap.getAttribute('tabindex'), role: wrap.getAttribute('role'),
          label: wrap.getAttribute('aria-label'), overflowX: getComputedStyle(wrap).overflowX,
          wrapWidth: wrap.clientWidth, tableWidth: table.scrollWidth,
          wrapRight: wrap.getBoundingClientRect().right};
});
"""


def check_tables(driver, base, pages, expect_numbers):
    checked = 0
    for page in pages:
        for size in ("desktop", "phone"):
            set_size(driver, size)
            driver.get(base + page)
            tables = driver.execute_script(TABLES)
            width = driver.execute_script("return window.innerWidth")
            page_width = driver.execute_script("return document.documentElement.scrollWidth")
            if page_width > width + 1:
                fail(f"tables /{page} at {size}: the page is {page_width} px wide in a {width} px window")
            for index, table in enumerate(tables):
                where = f"tables /{page} #{index + 1} at {size}"
                if table["theads"] != 1 or table["tbodies"] != 1 or table["headCells"] < 1 or table["bodyRows"] < 1:
                    fail(f"{where}: needs one thead with headings and one tbody with rows, got {table}")
                for asked, computed in table["aligned"]:
                    if asked != computed:
                        fail(f"{where}: a cell asks for text-align {asked} but shows {computed}")
                if table["tabindex"] != "0" or table["role"] != "region" or not table["label"]:
                    fail(f"{where}: the scroll wrapper must be a labelled, focusable region")
                if table["caption"] is not None:
                    if expect_numbers and not NUMBERED.match(table["caption"]):
                        fail(f"{where}: caption {table['caption']!r} has no number")
                    if not table["id"]:
                        fail(f"{where}: a captioned table has no id")
                if table["tableWidth"] > table["wrapWidth"] + 1:
                    if table["overflowX"] not in ("auto", "scroll"):
                        fail(f"{where}: the table is wider than its wrapper, which does not scroll ({table['overflowX']})")
                    else:
                        before = driver.execute_script(
                            "const w = document.querySelectorAll('.table-wrap')[arguments[0]]; w.scrollLeft = 10000; return w.scrollLeft", index)
                        if before <= 0:
                            fail(f"{where}: the wrapper does not scroll sideways")
                if table["wrapRight"] > width + 1:
                    fail(f"{where}: the wrapper reaches {table['wrapRight']:.0f} px in a {width} px window")
                checked += 1
            if size == "phone":
                driver.save_screenshot(os.path.join(SHOTS, "tables-" + page.strip("/").replace("/", "-") + "-phone.png"))
            references = driver.execute_script("""
                const ids = new Set(Array.from(document.querySelectorAll('table[id]')).map(t => t.id));
                return Array.from(document.querySelectorAll('a[href*="#table-"]')).map(a => [a.textContent, a.getAttribute('href')]);""")
            for text, href in references:
                if not NUMBERED.match(text):
                    fail(f"tables /{page}: a reference to {href} shows {text!r}, not the table's number")
            if AXE:
                for rule, help_text, nodes in run_axe(driver, AXE, [".table-wrap"]):
                    fail(f"tables /{page} at {size}: axe {rule}: {help_text} at {nodes}")
    print(f"markdown: {checked} table views on {len(pages)} pages: thead/tbody, alignment, numbered captions, "
          "scroll wrappers within 390 px, axe clean")
    return checked


# Whether an element is on screen and not covered (a sticky header would hide it): the top of the page at the
# middle of its first line is the element or inside it.
SEEN = """
const element = document.getElementById(arguments[0]);
const r = element.getClientRects()[0];
if (!r || r.bottom <= 0 || r.top >= innerHeight) return false;
const hit = document.elementFromPoint(r.left + r.width / 2, Math.max(r.top, 0) + Math.min(r.height, innerHeight) / 2);
return !!hit && (element.contains(hit) || hit.contains(element));
"""


def check_footnotes(driver, base, page):
    set_size(driver, "desktop")
    driver.get(base + page)
    numbers = driver.execute_script("return Array.from(document.querySelectorAll('sup.footnote-ref a')).map(a => a.textContent)")
    distinct = []
    for number in numbers:
        if number not in distinct:
            distinct.append(number)
    if distinct != [str(n) for n in range(1, len(distinct) + 1)] or len(distinct) < 2:
        fail(f"footnotes /{page}: references are numbered {numbers}, not 1, 2, … in reading order")
    items = driver.execute_script("return Array.from(document.querySelectorAll('section.footnotes li')).map(li => li.id)")
    if items != [f"fn-{n}" for n in range(1, len(distinct) + 1)]:
        fail(f"footnotes /{page}: footnote items are {items}")
    for number in distinct:
        reference = driver.find_element(By.CSS_SELECTOR, f"sup.footnote-ref a[href='#fn-{number}']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", reference)
        reference.click()
        time.sleep(0.1)
        if not driver.current_url.endswith(f"#fn-{number}"):
            fail(f"footnotes /{page}: clicking reference {number} leads to {driver.current_url}")
        target_visible = driver.execute_script(SEEN, f"fn-{number}")
        if not target_visible:
            fail(f"footnotes /{page}: footnote {number} is not on screen after clicking its reference")
        back = driver.find_element(By.CSS_SELECTOR, f"#fn-{number} a.backref")
        back.click()
        time.sleep(0.1)
        if not driver.current_url.endswith(f"#fnref-{number}"):
            fail(f"footnotes /{page}: the back-link of footnote {number} leads to {driver.current_url}")
        on_screen = driver.execute_script(SEEN, f"fnref-{number}")
        if not on_screen:
            fail(f"footnotes /{page}: reference {number} is not on screen after its back-link")
    if AXE:
        for rule, help_text, nodes in run_axe(driver, AXE, ["section.footnotes", "sup.footnote-ref"]):
            fail(f"footnotes /{page}: axe {rule}: {help_text} at {nodes}")
    print(f"markdown: {len(distinct)} footnotes numbered in order, references and back-links clicked both ways, axe clean")


def check_task_list(driver, base, page):
    set_size(driver, "phone")
    driver.get(base + page)
    boxes = driver.execute_script("""
        return Array.from(document.querySelectorAll('input[type=checkbox]')).map(box => ({
          inLabel: box.parentElement.tagName === 'LABEL', text: box.parentElement.textContent.trim(),
          disabled: box.disabled, checked: box.checked}));""")
    expected = [("Insure small deposits", True), ("Match loans to deposits", False),
                ("Keep a lender of last resort, ~~not~~ struck", False)]
    if [(box["text"], box["checked"]) for box in boxes] != expected:
        fail(f"task list /{page}: checkboxes are {boxes}, expected {expected}")
    for box in boxes:
        if not box["inLabel"] or not box["disabled"]:
            fail(f"task list /{page}: checkbox {box['text']!r} must be disabled and inside its label")
    if AXE:
        for rule, help_text, nodes in run_axe(driver, AXE, ["main"]):
            fail(f"task list /{page}: axe {rule}: {help_text} at {nodes}")
    print(f"markdown: {len(boxes)} task-list checkboxes, each disabled inside its label, axe clean on the page")


def check_heading_anchors(driver, base, page):
    """Every heading of the text ends with a ¶ link to itself: invisible until the heading is hovered, skipped by screen
    readers and the keyboard (the outline links every heading); the outline lists each ### under its ##."""
    set_size(driver, "desktop")
    driver.get(base + page)
    anchors = driver.execute_script("""
        return Array.from(document.querySelectorAll('.prose :is(h2, h3)[id]')).map(h => {
          const a = h.querySelector(':scope > a.heading-anchor');
          return {id: h.id, href: a && a.getAttribute('href'), hidden: a && a.getAttribute('aria-hidden'),
                  tabIndex: a && a.tabIndex, opacity: a && getComputedStyle(a).opacity};
        });""")
    if len(anchors) < 2:
        fail(f"heading anchors /{page}: expected headings in the text, found {anchors}")
    for anchor in anchors:
        # Screen readers and the keyboard skip it: "In this chapter" links every heading, and a link named as its
        # heading made them read each heading twice.
        if anchor["href"] != "#" + anchor["id"] or anchor["hidden"] != "true" or anchor["tabIndex"] != -1:
            fail(f"heading anchors /{page}: heading #{anchor['id']} has the link {anchor}")
        elif anchor["opacity"] != "0":
            fail(f"heading anchors /{page}: the ¶ of #{anchor['id']} shows without hover or focus ({anchor['opacity']})")
    if anchors and anchors[0]["href"]:
        link = driver.find_element(By.CSS_SELECTOR, f"#{anchors[0]['id']} > a.heading-anchor")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        ActionChains(driver).move_to_element(link.find_element(By.XPATH, "..")).perform()   # hover on the heading
        shown = driver.execute_script("return getComputedStyle(arguments[0]).opacity", link)
        if shown != "1":
            fail(f"heading anchors /{page}: the ¶ of #{anchors[0]['id']} is not shown on hover ({shown})")
        link.click()
        time.sleep(0.1)
        if not driver.current_url.endswith("#" + anchors[0]["id"]):
            fail(f"heading anchors /{page}: the ¶ of #{anchors[0]['id']} leads to {driver.current_url}")
    nested = driver.execute_script("return document.querySelectorAll('nav.outline ol ol li').length")
    subsections = sum(1 for _ in driver.find_elements(By.CSS_SELECTOR, ".prose h3[id]"))
    if subsections and nested == 0:
        fail(f"heading anchors /{page}: the outline does not list the page's {subsections} ### headings under their ##")
    if AXE:
        for rule, help_text, nodes in run_axe(driver, AXE, [".prose", "nav.outline"]):
            fail(f"heading anchors /{page}: axe {rule}: {help_text} at {nodes}")
    print(f"markdown: {len(anchors)} headings with a ¶ link (hidden until hover, skipped by screen readers and Tab), {nested} ### in the outline, axe clean")


def status_of(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="GET")) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, http.client.HTTPException) as error:
        return f"no answer ({error.__class__.__name__})"


def check_404_without_base_url(driver, base):
    set_size(driver, "desktop")
    missing = base + "some/deep/missing/page/"
    driver.get(missing)
    origin = "/".join(base.split("/")[:3])
    links = []
    for _ in range(50):  # the script probes the folders above the address, then fixes the links
        links = driver.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
        if all(not link.startswith(origin) or link.startswith(base) for link in links):
            break
        time.sleep(0.1)
    checked = 0
    for link in links:
        target = urllib.parse.urldefrag(link)[0]
        if not target.startswith(origin) or target == missing:
            continue
        checked += 1
        code = status_of(target)
        if code != 200:
            fail(f"404 without baseURL under {base}: link {link} answers {code}")
    if checked < 3:
        fail(f"404 without baseURL under {base}: only {checked} links checked")
    print(f"markdown: 404 without baseURL under a sub-path: all {checked} links lead to real pages")


def main():
    global AXE, SHOTS
    base, site, fixture_base, fixture_site, no_base, SHOTS, axe_path = sys.argv[1:8]
    AXE = open(axe_path, encoding="utf-8").read() if os.path.isfile(axe_path) else ""
    if not AXE:
        fail("axe-core (axe.min.js) not found; install it with: pip install --no-deps axe-playwright-python")
    os.makedirs(SHOTS, exist_ok=True)
    real = pages_with(site, 'class="table-wrap"')
    if len(real) < 2:
        fail(f"the real site should have tables on at least two pages (ch. 7 and 10), found {real}")
    driver = make_driver(logging=False)
    try:
        check_tables(driver, base, real, expect_numbers=True)
        check_tables(driver, fixture_base, ["extensions/"], expect_numbers=True)
        check_footnotes(driver, fixture_base, "extensions/")
        check_task_list(driver, fixture_base, "extensions/")
        check_heading_anchors(driver, fixture_base, "extensions/")
        check_404_without_base_url(driver, no_base)
    finally:
        driver.quit()
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)


AXE = ""
SHOTS = ""

if __name__ == "__main__":
    main()
