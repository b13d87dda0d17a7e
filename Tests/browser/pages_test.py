#!/usr/bin/env python3
"""The pages around the chapters, in headless Chromium.

1. axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the site, in the light and the dark theme, at 1280 px:
   no violations.
2. The chapters menu opens over the page: nothing below the header moves, the site title stays on one line, every
   item's link starts at its text (no underlined leading space), wrapped items hang under their text, at 1280 and
   390 px.
3. The table of contents keeps its numbers (10, 11, 12 too) apart from the titles, and wrapped titles hang.
4. The 404 page, served for a deep missing URL, is styled and every link on it leads to a real page: on the site
   built with a base URL (served under a sub-path) and on one built without (served at the host's root). The host
   serves the root's 404.html everywhere (as GitHub Pages does): at a missing URL in the zh-hant/ folder the page
   shows the Chinese edition's 404 page (its lang, skip link, menu and search in Chinese).
5. A glossary term shows its definition in place on a first tap or Enter (phones and keyboards have no hover for its
   title), inside the screen and under the term, with a link to its entry; a second tap follows the term's link;
   Escape closes the box and gives the focus back to the term.

usage: pages_test.py BASE_URL SITE_FOLDER ROOT_BASE_URL SCREENSHOTS AXE_JS     exit status 1 on any problem
"""
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from urllib.parse import urlparse

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from chromium import make_driver, set_size, set_theme, site_pages

problems = []


def fail(message):
    problems.append(message)
    print("FAIL:", message, file=sys.stderr)


def run_axe(driver, axe):
    driver.execute_script(axe)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})
          .then(r => done(r.violations.map(v => [v.id, v.help, v.nodes.slice(0, 4).map(n => n.target.join(' '))])))
          .catch(e => done([['axe-error', String(e), []]]));""")


def check_axe_everywhere(driver, base, site, axe):
    pages = site_pages(site)
    set_size(driver, "desktop")
    checked = 0
    slowest = (0.0, "")
    for theme in ("light", "dark"):
        set_theme(driver, theme)
        for page in pages:
            path = "" if page == "index.html" else page[: -len("index.html")]
            driver.get(base + path)
            start = time.monotonic()
            for rule, help_text, nodes in run_axe(driver, axe):
                fail(f"axe {theme} /{path}: {rule}: {help_text} at {nodes}")
            slowest = max(slowest, (time.monotonic() - start, f"/{path} ({theme})"))
            checked += 1
    set_theme(driver, "light")
    print(f"pages: axe-core ran on {len(pages)} pages in the light and dark themes ({checked} runs; "
          f"slowest {slowest[0]:.1f} s on {slowest[1]}; chromium.py allows a script 180 s)")


MENU_STATE = """
const main = document.querySelector('main').getBoundingClientRect().top;
const title = document.querySelector('.site-title');
const line = parseFloat(getComputedStyle(title).lineHeight);
const items = Array.from(document.querySelectorAll('.chapter-menu li')).map(li => {
  const a = li.querySelector('a');
  const first = document.createRange(); first.selectNodeContents(a);
  const rects = Array.from(first.getClientRects());
  return {text: a.textContent, startsWithSpace: /^\\s/.test(a.textContent), lines: rects.length,
          left: rects.length ? Math.min(...rects.map(r => r.left)) : 0, firstLeft: rects.length ? rects[0].left : 0};
});
return {main: main, titleHeight: title.getBoundingClientRect().height, line: line, items: items};
"""


def check_menu(driver, base, shots):
    for size in ("desktop", "phone"):
        set_size(driver, size)
        driver.get(base + "four-steps/")
        closed = driver.execute_script(MENU_STATE)
        driver.find_element(By.CSS_SELECTOR, ".chapter-menu summary").click()
        opened = driver.execute_script(MENU_STATE)
        if abs(opened["main"] - closed["main"]) > 0.5:
            fail(f"menu at {size}: opening it moves the page down by {opened['main'] - closed['main']:.0f} px")
        if opened["titleHeight"] > 1.6 * opened["line"]:
            fail(f"menu at {size}: the site title wraps ({opened['titleHeight']:.0f} px for a {opened['line']:.0f} px line)")
        for item in opened["items"]:
            if item["startsWithSpace"]:
                fail(f"menu at {size}: the link of {item['text']!r} starts with a space (underlined)")
            if item["lines"] > 1 and item["left"] < item["firstLeft"] - 0.5:
                fail(f"menu at {size}: {item['text']!r} wraps back under its number (no hanging indent)")
        driver.save_screenshot(os.path.join(shots, f"menu-open-{size}.png"))
        # A click on the menu's own text (a chapter number), after a link had the focus, keeps it open (closing it
        # there, under the pressed button, crashed the tab).
        driver.execute_script("document.querySelector('.chapter-menu a').focus()")
        driver.find_element(By.CSS_SELECTOR, ".chapter-menu .chapter-number").click()
        if not driver.execute_script("return document.querySelector('.chapter-menu').open"):
            fail(f"menu at {size}: a click on a chapter's number closed it")
        driver.find_element(By.CSS_SELECTOR, ".chapter-menu summary").click()
        # From the keyboard: Escape closes it with the focus back on its button; tabbing on past its last link closes
        # it, so what takes the focus next is not under it.
        summary = driver.find_element(By.CSS_SELECTOR, ".chapter-menu summary")
        driver.execute_script("arguments[0].focus()", summary)
        summary.send_keys(Keys.ENTER)
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        if driver.execute_script("return document.querySelector('.chapter-menu').open") or driver.switch_to.active_element != summary:
            fail(f"menu at {size}: Escape did not close it and give its button the focus")
        summary.send_keys(Keys.ENTER)
        links = len(driver.find_elements(By.CSS_SELECTOR, ".chapter-menu a"))
        for _ in range(links + 1):
            driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.execute_script("return document.querySelector('.chapter-menu').open"):
            fail(f"menu at {size}: still open with the focus past it on {driver.switch_to.active_element.text!r}")
        # A click or tap outside it closes it (furniture review 12: it stayed open over the text).
        driver.find_element(By.CSS_SELECTOR, ".chapter-menu summary").click()
        heading = driver.find_elements(By.CSS_SELECTOR, ".prose h2")[-1]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", heading)
        ActionChains(driver).move_to_element_with_offset(heading, -heading.size["width"] // 2 + 3, 0).click().perform()
        if driver.execute_script("return document.querySelector('.chapter-menu').open"):
            fail(f"menu at {size}: a click on the text outside it left it open")
    # A long site title (a trial writer's French edition, 39 characters, made the page 401 px wide on a 390 px phone)
    # wraps inside the header instead of widening the page.
    set_size(driver, "phone")
    driver.get(base + "four-steps/")
    width = driver.execute_script("""
        document.querySelector('.site-title').textContent = 'How Silicon Valley Bank ran out of money in thirty-six hours';
        return [document.documentElement.scrollWidth, document.documentElement.clientWidth];""")
    if width[0] > width[1]:
        fail(f"menu at phone: a 62-character site title makes the page {width[0]} px wide in a {width[1]} px screen")
    print("pages: the chapters menu opens over the page, title on one line, links without leading spaces, hanging "
          "indents; Escape, tabbing past it or a click outside closes it; a long site title wraps on a phone")


def check_note_back_links(driver, base):
    """A note cited several times has one ↩, which names its first citation: from a later citation it goes back there,
    not to the first (furniture review 12: it dropped the reader thousands of pixels up the chapter)."""
    set_size(driver, "desktop")
    driver.get(base + "map/")
    counts = driver.execute_script("""
        const counts = {};
        for (const a of document.querySelectorAll('sup.cite a')) counts[a.hash] = (counts[a.hash] || 0) + 1;
        return counts;""")
    target = max(counts, key=counts.get)
    if counts[target] < 2:
        fail("note back-links: no note of /map/ is cited twice")
        return
    last = driver.find_elements(By.CSS_SELECTOR, f'sup.cite a[href="{target}"]')[-1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", last)
    time.sleep(0.2)
    last.click()
    time.sleep(0.3)
    driver.find_element(By.CSS_SELECTOR, f'{target} a.backref').click()
    time.sleep(0.5)
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, innerHeight];", last)
    if not (0 <= box[0] and box[1] <= box[2]):
        fail(f"note back-links: ↩ of {target} did not return to its last citation (at {box[0]:.0f} px of a {box[2]} px window)")
    # Focus follows (review 13: it stayed on the ↩, and the next Tab jumped back down to the notes).
    if not driver.execute_script("return document.activeElement === arguments[0]", last):
        fail(f"note back-links: after ↩ of {target}, focus is not on the citation the reader came from")
    print(f"pages: a note's ↩ returns to the citation the reader came from ({counts[target]} citations of {target})")


TERM_BOX = """
const term = arguments[0], box = document.querySelector('.term-box');
if (!box) return null;
const b = box.getBoundingClientRect(), rects = term.getClientRects(), t = rects[rects.length - 1];
const link = box.querySelector('a');
return {text: box.firstChild.textContent, title: term.title, expanded: term.getAttribute('aria-expanded'),
        left: b.left, right: b.right, top: b.top, termBottom: t.bottom, width: document.documentElement.clientWidth,
        link: link && link.href, termHref: term.href, path: location.pathname,
        focused: document.activeElement === box, next: box.previousElementSibling === term};
"""


def check_term_box(driver, base, shots):
    """A glossary term shows its definition in place on a first tap, click or Enter, inside the screen and under the
    term; a second one follows its link; Escape closes it and gives the term its focus back."""
    for size, theme, page in (("phone", "light", "four-steps/"), ("desktop", "dark", "zh-hant/four-steps/")):
        set_size(driver, size)
        set_theme(driver, theme)
        driver.get(base + page)
        terms = driver.find_elements(By.CSS_SELECTOR, ".prose a.term[title]")
        if len(terms) < 3:
            fail(f"term box: {page} has {len(terms)} glossary terms")
            continue
        term = terms[len(terms) // 2]
        definition = term.get_attribute("title")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", term)
        term.click()
        label = f"term box at {size} on {page}"
        if not urlparse(driver.current_url).path.endswith("/" + page):
            fail(f"{label}: the first tap left the page for {driver.current_url}")
            continue
        state = driver.execute_script(TERM_BOX, term)
        if not state:
            fail(f"{label}: a tap on a term showed no definition")
            continue
        if state["text"] != definition or state["expanded"] != "true" or not state["next"]:
            fail(f"{label}: the box shows {state['text']!r} for {definition!r} (aria-expanded {state['expanded']})")
        # The title is taken away while the box shows it, so a hover does not show a second copy.
        if state["title"]:
            fail(f"{label}: the term keeps its title {state['title']!r} beside the open box")
        if state["left"] < 0 or state["right"] > state["width"] or abs(state["top"] - state["termBottom"] - 4) > 1:
            fail(f"{label}: the box is at {state['left']:.0f}–{state['right']:.0f} px (screen {state['width']}), "
                 f"top {state['top']:.0f} under a term ending at {state['termBottom']:.0f}")
        if state["link"] != state["termHref"]:
            fail(f"{label}: the box links to {state['link']}, not the term's entry {state['termHref']}")
        driver.save_screenshot(os.path.join(shots, f"term-box-{size}-{theme}.png"))
        term.click()
        if "glossary/" not in driver.current_url:
            fail(f"{label}: a second tap did not follow the term's link ({driver.current_url})")
        # From the keyboard: Enter opens it and moves the focus to it; Escape closes it and returns the focus.
        driver.get(base + page)
        term = driver.find_elements(By.CSS_SELECTOR, ".prose a.term[title]")[1]
        driver.execute_script("arguments[0].focus()", term)
        term.send_keys(Keys.ENTER)
        state = driver.execute_script(TERM_BOX, term)
        if not state or not state["focused"]:
            fail(f"{label}: Enter on a term did not show its definition with the focus on it")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        if driver.find_elements(By.CSS_SELECTOR, ".term-box") or driver.switch_to.active_element != term:
            fail(f"{label}: Escape did not close the definition and return the focus to the term")
        if not term.get_attribute("title"):
            fail(f"{label}: the term lost its title when its box closed")
        # Tabbing on past the box (to its link, then beyond) closes it: the next thing focused is not under it.
        term.send_keys(Keys.ENTER)
        driver.switch_to.active_element.send_keys(Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.find_elements(By.CSS_SELECTOR, ".term-box"):
            fail(f"{label}: the definition stays open with the focus past it")
    set_theme(driver, "light")
    print("pages: a glossary term shows its definition in place (tap, click, Enter), on screen, and its link on a second tap")


TOC_STATE = """
return Array.from(document.querySelectorAll('.toc li')).map(li => {
  const number = li.querySelector('.chapter-number').getBoundingClientRect();
  const range = document.createRange(); range.selectNodeContents(li.querySelector('.chapter-number'));
  const digits = range.getBoundingClientRect();
  const title = li.querySelector('.toc-title');
  const rects = Array.from(title.getClientRects());
  return {number: li.querySelector('.chapter-number').textContent, digitsRight: digits.right,
          titleLeft: Math.min(...rects.map(r => r.left)), numberBox: number.right};
});
"""


def check_toc(driver, base):
    for size in ("desktop", "phone"):
        set_size(driver, size)
        driver.get(base)
        for item in driver.execute_script(TOC_STATE):
            gap = item["titleLeft"] - item["digitsRight"]
            if gap < 6:
                fail(f"contents at {size}: number {item['number']} is {gap:.1f} px from its title (needs at least 6)")
    print("pages: the table of contents keeps every number at least 6 px from its title, titles hang")


def status_of(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="GET")) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_404(driver, base, label, shots, folder="", lang="en", skip="Skip to the content", query="bond"):
    set_size(driver, "desktop")
    missing = base + folder + "some/deep/missing/page/"
    driver.get(missing)
    # The root's page shows the language's own for an address in its folder (its script fetches it).
    try:
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "return document.documentElement.lang") == lang and d.execute_script(
            "var s = document.querySelector('.skip-link'); return s && s.textContent") == skip)
    except TimeoutException:
        fail(f"404 {label}: at {missing} the page is not in {lang} with the skip link '{skip}' "
             f"(lang={driver.execute_script('return document.documentElement.lang')})")
    styled = driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")
    if styled != "solid":
        fail(f"404 {label}: not styled at {missing}")
    links = driver.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    checked = 0
    for link in links:
        target = urllib.parse.urldefrag(link)[0]
        if not target.startswith(base.split("/", 3)[0] + "//" + base.split("/", 3)[2]):
            continue
        if target == missing:
            continue  # the skip link's own page
        code = status_of(target)
        checked += 1
        if code != 200:
            fail(f"404 {label}: link {link} from {missing} answers {code}")
    if checked < 3:
        fail(f"404 {label}: only {checked} links checked")
    # The site's script runs there too (from the site's root, not the host's): the search box shows and finds.
    try:
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "var f = document.querySelector('.site-search'); return f && !f.hidden"))
    except TimeoutException:
        fail(f"404 {label}: the search box stays hidden at {missing} (the site's script did not load)")
    box = driver.find_element(By.CSS_SELECTOR, ".site-search input")
    box.click()
    box.send_keys(query)
    try:
        WebDriverWait(driver, 15).until(lambda d: d.execute_script(
            "return document.querySelectorAll('.site-search [role=option][href]').length") > 0)
    except TimeoutException:
        fail(f"404 {label}: searching '{query}' at {missing} shows no results")
        return
    first = driver.execute_script("return document.querySelector('.site-search [role=option][href]').href")
    if folder and "/" + folder not in first:
        fail(f"404 {label}: the first search result {first} is not in {folder}")
    if status_of(urllib.parse.urldefrag(first)[0]) != 200:
        fail(f"404 {label}: the first search result {first} does not answer 200")
    driver.save_screenshot(os.path.join(shots, f"404-deep-{label}.png"))
    print(f"pages: 404 {label}: styled at a deep missing URL, all {checked} links lead to real pages, search finds")


def main():
    base, site, root_base, shots, axe_path = sys.argv[1:6]
    axe = open(axe_path, encoding="utf-8").read() if os.path.isfile(axe_path) else ""
    if not axe:
        fail("axe-core (axe.min.js) not found; install it with: pip install --no-deps axe-playwright-python")
    os.makedirs(shots, exist_ok=True)
    driver = make_driver(logging=False)
    try:
        if axe:
            check_axe_everywhere(driver, base, site, axe)
        check_menu(driver, base, shots)
        check_toc(driver, base)
        check_note_back_links(driver, base)
        check_term_box(driver, base, shots)
        check_404(driver, base, "with-baseURL", shots)
        check_404(driver, root_base, "without-baseURL", shots)
        for where, address in (("with-baseURL", base), ("without-baseURL", root_base)):
            check_404(driver, address, where + "-zh-Hant", shots, folder="zh-hant/", lang="zh-Hant", skip="跳到內容",
                      query="債券")
    finally:
        driver.quit()
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
