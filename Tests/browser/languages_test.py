#!/usr/bin/env python3
"""The site's languages in a real browser (issue 21).

usage: languages_test.py BASE SITE SHOTS

1. every page's language switch and hreflang alternates lead to the same page in the other language, both ways, and
   the page found there has that language's <html lang> (read from the built files: every page, every language); a
   page without a switch must be noindex, without alternates, and have no twin in another language (the gallery);
2. in headless Chromium, clicking the switch on a chapter leads to the same chapter in the other language, and back;
3. every page of a CJK language has its <html lang> and shows no character the fonts cannot draw (a missing-glyph
   box): each distinct character of the page's text, SVG labels included, is drawn on a canvas in the font of the
   element it is in and compared with the drawing of characters no font has;
4. the header of a bilingual site, on every language's home page and first chapter, light and dark: at 1280 px the
   title, chapters menu, search box and language switch share one row; at 390 px they take two rows, the title on one
   line, and nothing leaves the screen (screenshots: header-<page>-<width>-<theme>.png);
5. on a CJK page, at 390 and 1280 px, no citation mark ("[3]") begins a line apart from the word it marks.
"""
import os
import posixpath
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from chromium import make_driver, set_size, set_theme, site_pages

BASE, SITE, SHOTS = sys.argv[1:4]
problems = []


class PageLinks(HTMLParser):
    """<html lang>, the language switch's links and the hreflang alternates of one page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.switch = {}      # hreflang → href of the switch's links
        self.current = None   # the switch's entry for the page's own language
        self.alternates = {}  # hreflang → href of <link rel="alternate" hreflang>
        self.in_switch = False
        self.noindex = False  # <meta name="robots" content="noindex">

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and attrs.get("name") == "robots" and "noindex" in (attrs.get("content") or ""):
            self.noindex = True
        elif tag == "ul" and "language-switch" in (attrs.get("class") or ""):
            self.in_switch = True
        elif tag == "a" and self.in_switch and "hreflang" in attrs:
            self.switch[attrs["hreflang"]] = attrs["href"]
        elif tag == "span" and self.in_switch and attrs.get("aria-current"):
            self.current = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "ul":
            self.in_switch = False


def parse(path):
    links = PageLinks()
    with open(os.path.join(SITE, path), encoding="utf-8") as f:
        links.feed(f.read())
    return links


def resolve(page, href):
    """The built file a link from `page` leads to (relative links, or absolute ones under BASE)."""
    if href.startswith(BASE):
        target = href[len(BASE):]
    elif re.match(r"^[a-z]+:", href):
        return None
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
        target = "" if target == "." else target
    target = target.lstrip("/")
    return posixpath.join(target, "index.html") if target == "" or not target.endswith(".html") else target


pages = [p for p in site_pages(SITE) if p != "404.html"]
languages = set()
checked = 0
# Each language's root folder ("" and "zh-hant/"), from the home page's switch.
roots = [""] + sorted(posixpath.dirname(resolve("index.html", href)) + "/" for href in parse("index.html").switch.values())
one_language = []
for page in pages:
    links = parse(page)
    if not links.switch:
        # A page published in one language only (the gallery: explainer's chart reference, noindex) has no switch;
        # no other language may have a page at its address then.
        root = max((r for r in roots if page.startswith(r)), key=len)
        twins = [r + page[len(root):] for r in roots if r != root and os.path.isfile(os.path.join(SITE, r + page[len(root):]))]
        if links.noindex and not twins and not links.alternates:
            one_language.append(page)
        else:
            problems.append(f"{page}: no language switch" + (f" (its twins: {', '.join(twins)})" if twins else ""))
        continue
    languages.add(links.lang)
    if links.current != links.lang:
        problems.append(f"{page}: the switch marks {links.current} as current, the page is lang={links.lang}")
    for code, href in links.switch.items():
        target = resolve(page, href)
        if not target or not os.path.isfile(os.path.join(SITE, target)):
            problems.append(f"{page}: the switch to {code} leads to {href}, which is no page")
            continue
        other = parse(target)
        if other.lang != code:
            problems.append(f"{page}: the switch to {code} leads to {target}, whose lang is {other.lang}")
        back = other.switch.get(links.lang)
        if back is None or resolve(target, back) != page:
            problems.append(f"{page}: {target} does not switch back to it (it links {back})")
        alternate = links.alternates.get(code)
        if alternate is None or resolve(page, alternate) != target:
            problems.append(f"{page}: hreflang={code} is {alternate}, not {target}")
        checked += 1
    if "x-default" not in links.alternates:
        problems.append(f"{page}: no hreflang=x-default")
print(f"{len(pages)} pages in {len(languages)} languages ({', '.join(sorted(languages))}); {checked} switch links checked both ways"
      + (f"; in one language only (noindex, no twin): {', '.join(one_language)}" if one_language else ""))
if len(languages) < 2:
    problems.append(f"the site has {len(languages)} language(s); this test expects at least two")

# Every character of the page, drawn in the font of the element that holds it, against the drawing of characters
# that no font has (the last-resort box). Returns the characters drawn as that box.
MISSING_GLYPHS = r"""
const canvas = document.createElement('canvas'); canvas.width = 48; canvas.height = 48;
const g = canvas.getContext('2d', {willReadFrequently: true});
const draw = (font, ch) => {
  g.font = '32px ' + font; g.clearRect(0, 0, 48, 48); g.fillText(ch, 4, 36);
  const data = g.getImageData(0, 0, 48, 48).data; let hash = 0;
  for (let i = 3; i < data.length; i += 4) hash = (hash * 31 + data[i]) | 0;
  return g.measureText(ch).width.toFixed(2) + ':' + hash;
};
const byFont = new Map();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const element = node.parentElement;
  if (!element || element.closest('script, style')) continue;
  const font = getComputedStyle(element).fontFamily;
  if (!byFont.has(font)) byFont.set(font, new Set());
  for (const ch of node.data) if (ch.trim() && ch.codePointAt(0) > 0x7f) byFont.get(font).add(ch);
}
const missing = [];
for (const [font, chars] of byFont) {
  const boxes = new Set(['\uE000', '\uFFFE', '\u{10FFFD}'].map(ch => draw(font, ch)));
  for (const ch of chars) if (boxes.has(draw(font, ch))) missing.push(ch);
}
return [...new Set(missing)].join('');
"""

# Citation marks that begin a line: a mark ("[3]") on a later line than the character before it. Chinese text may break
# before any character, so the stylesheet glues the mark to that character with a word joiner.
CITES_STARTING_LINES = r"""
const found = [];
for (const sup of document.querySelectorAll('sup.cite')) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = sup;
  let node = walker.previousNode();
  while (node && !node.data.trim()) node = walker.previousNode();
  if (!node) continue;
  const text = node.data.replace(/\s+$/, '');
  const range = document.createRange();
  range.setStart(node, text.length - 1); range.setEnd(node, text.length);
  const before = range.getBoundingClientRect(), mark = sup.getClientRects()[0];
  if (mark && before.height && mark.top > before.bottom - 1) found.push(text.slice(-8) + '|' + sup.textContent);
}
return found;
"""

# Rows of the header: its visible parts grouped by vertical overlap.
HEADER_ROWS = r"""
const nav = document.querySelector('.site-header nav');
const parts = ['.site-title', '.chapter-menu summary', '.site-search:not([hidden])', '.language-switch a']
  .map(s => nav.querySelector(s)).filter(Boolean).map(e => e.getBoundingClientRect());
const rows = [];
for (const r of parts.sort((a, b) => a.top - b.top)) {
  const row = rows.find(row => r.top < row.bottom && r.bottom > row.top);
  if (row) { row.top = Math.min(row.top, r.top); row.bottom = Math.max(row.bottom, r.bottom); } else rows.push({top: r.top, bottom: r.bottom});
}
const title = nav.querySelector('.site-title');
return {rows: rows.length, boxes: parts.map(r => [Math.round(r.left), Math.round(r.top), Math.round(r.width)]),
        titleLines: Math.round(title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight)),
        overflow: parts.some(r => r.right > innerWidth + 0.5 || r.left < -0.5) || document.documentElement.scrollWidth > innerWidth};
"""

driver = make_driver(logging=False)
try:
    set_size(driver, "desktop")
    # The switch in the browser: a Chinese chapter → its English twin → back.
    chapter = next((p for p in pages if p.count("/") == 2 and parse(p).lang != parse(pages[0]).lang), None)
    if chapter is None:
        problems.append("no chapter in a second language")
    else:
        driver.get(urljoin(BASE, chapter))
        start_lang = driver.find_element("tag name", "html").get_attribute("lang")
        link = driver.find_element("css selector", ".language-switch a[hreflang]")
        code = link.get_attribute("hreflang")
        link.click()
        arrived = urlparse(driver.current_url).path
        expected = urlparse(urljoin(BASE, resolve(chapter, parse(chapter).switch[code]))).path.replace("index.html", "")
        if arrived != expected or driver.find_element("tag name", "html").get_attribute("lang") != code:
            problems.append(f"clicking {code} on {chapter} led to {arrived} (lang "
                            f"{driver.find_element('tag name', 'html').get_attribute('lang')}), not {expected}")
        driver.find_element("css selector", f".language-switch a[hreflang='{start_lang}']").click()
        if urlparse(driver.current_url).path != urlparse(urljoin(BASE, chapter)).path.replace("index.html", ""):
            problems.append(f"switching back from {arrived} led to {driver.current_url}")
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, "languages-switch-back.png"))
    # The header: one row at desktop, two tidy rows on a phone, in every language and both themes.
    # Every language's home page and the chapter above in every language.
    os.makedirs(SHOTS, exist_ok=True)
    shown = {"index.html", *(resolve("index.html", href) for href in parse("index.html").switch.values())}
    if chapter:
        shown |= {chapter, *(resolve(chapter, href) for href in parse(chapter).switch.values())}
    for page in sorted(shown):
        for size, rows in (("desktop", 1), ("phone", 2)):
            for theme in ("light", "dark"):
                set_size(driver, size)
                set_theme(driver, theme)
                driver.get(urljoin(BASE, page))
                header = driver.execute_script(HEADER_ROWS)
                if header["rows"] != rows:
                    problems.append(f"{page} at {size} ({theme}): the header takes {header['rows']} rows, not {rows}: "
                                    f"{header['boxes']}")
                if header["titleLines"] > 1:
                    problems.append(f"{page} at {size}: the site title wraps")
                if header["overflow"]:
                    problems.append(f"{page} at {size}: the header is wider than the screen")
                name = page.replace("/index.html", "").replace("/", "-").replace("index.html", "home")
                driver.save_screenshot(os.path.join(SHOTS, f"header-{name}-{size}-{theme}.png"))
    print("header: one row at 1280 px, two at 390 px, nothing off screen, light and dark")
    set_theme(driver, "light")
    set_size(driver, "desktop")
    # No missing glyphs on any page in Chinese, Japanese or Korean (and its lang is set).
    cjk_pages = 0
    for page in pages:
        lang = parse(page).lang or ""
        if lang.split("-")[0] not in ("zh", "ja", "ko"):
            continue
        cjk_pages += 1
        driver.get(urljoin(BASE, page))
        if driver.find_element("tag name", "html").get_attribute("lang") != lang:
            problems.append(f"{page}: lang is not {lang} in the browser")
        missing = driver.execute_script(MISSING_GLYPHS)
        if missing:
            problems.append(f"{page}: characters drawn as missing-glyph boxes: {missing}")
        for size in ("phone", "desktop"):
            set_size(driver, size)
            starts = driver.execute_script(CITES_STARTING_LINES)
            if starts:
                problems.append(f"{page} at {size}: citation marks begin a line: {starts[:5]}")
    print(f"{cjk_pages} CJK pages drawn without missing glyphs" if cjk_pages else "no CJK pages")
finally:
    driver.quit()

for problem in problems:
    print("FAIL:", problem)
sys.exit(1 if problems else 0)
