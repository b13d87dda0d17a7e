#!/usr/bin/env python3
"""Real-browser test of a built site, in headless Chromium driven by Selenium.

For every page, at desktop (1280 px) and phone (390 px) width: no console errors, no request to another host,
every figure shows exactly one chart with a non-zero size; scenario toggles switch the visible chart; the faint
comparison lines of the other scenarios (`.ch-ghost-line`) keep 3:1 against the page in the light and the dark theme
(WCAG 1.4.11, graphics); full-page screenshots go to SCREENSHOTS. Then the 404 page under a deep missing URL is styled, and the site works from file://.

usage: browser_test.py BASE_URL SITE_FOLDER SCREENSHOTS       exit status 1 on any problem
"""
import base64
import json
import os
import sys
import urllib.parse

from selenium.webdriver.common.by import By

from chromium import SIZES, make_driver, set_size, set_theme, site_pages

MAX_SCREENSHOT_HEIGHT = 16000
problems = []


def fail(message):
    problems.append(message)
    print("FAIL:", message, file=sys.stderr)


def drain_logs(driver):
    driver.get_log("browser")
    driver.get_log("performance")


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def check_requests(driver, label, allowed_origin, extra_urls=()):
    entries = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    for url in list(requested_urls(driver)) + list(entries) + list(extra_urls):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "about", "blob", "chrome-extension"):
            continue
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin != allowed_origin:
            fail(f"{label}: request to another host: {url}")


def check_console(driver, label, ignore=()):
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in ignore):
            fail(f"{label}: console error: {entry['message']}")


FIGURE_STATE = """
return Array.from(document.querySelectorAll('figure.chart')).map(figure => ({
  id: figure.id,
  visible: Array.from(figure.querySelectorAll('svg')).filter(svg => svg.getClientRects().length > 0)
      .map(svg => { const r = svg.getBoundingClientRect(); return {id: svg.id, width: r.width, height: r.height}; }),
  labels: figure.querySelectorAll('.scenario-labels label').length,
}));
"""


def check_figures(driver, label):
    figures = driver.execute_script(FIGURE_STATE)
    for figure in figures:
        visible = figure["visible"]
        if len(visible) != 1:
            fail(f"{label}: #{figure['id']} shows {len(visible)} charts, expected exactly 1")
        for svg in visible:
            if svg["width"] < 1 or svg["height"] < 1:
                fail(f"{label}: #{figure['id']} chart {svg['id']} has size {svg['width']}x{svg['height']}")
    return figures


def check_toggles(driver, label, figures):
    toggled = 0
    for figure in figures:
        if figure["labels"] < 2:
            continue
        element = driver.find_element(By.ID, figure["id"])
        buttons = element.find_elements(By.CSS_SELECTOR, ".scenario-labels label")
        inputs = element.find_elements(By.CSS_SELECTOR, "input.scenario-input")
        # The default variant may be any of them: switch to another one, then back to the default.
        shown = next((i for i, box in enumerate(inputs) if box.is_selected()), 0)
        other = 1 if shown == 0 else 0
        before = visible_chart(driver, figure["id"])
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[other])
        buttons[other].click()
        after = visible_chart(driver, figure["id"])
        expected = element.find_elements(By.CSS_SELECTOR, f".chart-variant.v{other + 1} svg")
        if after is None or after == before or not expected or after != expected[0].get_attribute("id"):
            fail(f"{label}: clicking '{buttons[other].text}' in #{figure['id']} did not switch the chart ({before} → {after})")
        buttons[shown].click()
        if visible_chart(driver, figure["id"]) != before:
            fail(f"{label}: clicking '{buttons[shown].text}' in #{figure['id']} did not switch back")
        toggled += 1
    return toggled


GHOST_CONTRAST = """
const rgba = text => { const v = (text.match(/[\\d.]+/g) || []).map(Number); return v.length >= 3 ? [v[0], v[1], v[2], v.length > 3 ? v[3] : 1] : null; };
const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                   return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
const worst = [];
for (const line of document.querySelectorAll('svg.ch .ch-ghost-line')) {
  let bg = null;
  for (let e = line.closest('svg'); e && !bg; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) bg = c;
  }
  bg = bg || [255, 255, 255, 1];
  const style = getComputedStyle(line), stroke = rgba(style.stroke);
  if (!stroke) continue;
  const a = parseFloat(style.strokeOpacity) * stroke[3] * parseFloat(style.opacity);
  const seen = [0, 1, 2].map(i => a * stroke[i] + (1 - a) * bg[i]);
  const [hi, lo] = [lum(seen), lum(bg)].sort((x, y) => y - x);
  const ratio = (hi + 0.05) / (lo + 0.05);
  if (ratio < 3) worst.push({figure: (line.closest('figure') || {}).id, ratio: Math.round(ratio * 100) / 100});
}
return worst;
"""


def check_ghost_contrast(driver, label):
    """Comparison lines drawn faint for the other scenarios must stay visible: 3:1 against the page, in both themes."""
    for theme in ("dark", "light"):
        set_theme(driver, theme)
        faint = driver.execute_script(GHOST_CONTRAST)
        if faint:
            figures = sorted({item["figure"] for item in faint})
            fail(f"{label} ({theme}): {len(faint)} comparison lines below 3:1 against the page "
                 f"(lowest {min(item['ratio'] for item in faint)}:1) in {', '.join('#' + str(f) for f in figures[:4])}")


def visible_chart(driver, figure_id):
    return driver.execute_script("""
        const svgs = Array.from(document.getElementById(arguments[0]).querySelectorAll('svg'))
            .filter(svg => svg.getClientRects().length > 0 && svg.getBoundingClientRect().width > 0);
        return svgs.length === 1 ? svgs[0].id : null;""", figure_id)


def screenshot(driver, path):
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = min(int(size["height"]), MAX_SCREENSHOT_HEIGHT)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))


def check_horizontal_overflow(driver, label):
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 1:
        wide = driver.execute_script("""
            const limit = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > limit + 1
                && !e.closest('.table-scroll') && getComputedStyle(e).position !== 'absolute')
              .slice(0, 3).map(e => e.tagName.toLowerCase()
                  + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : ''));""")
        fail(f"{label}: page is {overflow}px wider than the screen (e.g. {', '.join(wide)})")


def main():
    base, site, shots = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(base))
    pages = site_pages(site)
    driver = make_driver()
    try:
        figures_seen = toggles = 0
        toggles_by_page = {}
        for size in SIZES:
            set_size(driver, size)
            for page in pages:
                path = page[: -len("index.html")]
                label = f"{size} /{path}"
                drain_logs(driver)
                driver.get(base + path)
                if driver.execute_script("return document.querySelector('h1') === null"):
                    fail(f"{label}: no <h1>; the page did not load")
                check_console(driver, label)
                check_requests(driver, label, origin)
                figures = check_figures(driver, label)
                check_horizontal_overflow(driver, label)
                name = (path.strip("/") or "index").replace("/", "-")
                screenshot(driver, os.path.join(shots, f"{name}-{size}.png"))
                if size == "desktop":
                    check_ghost_contrast(driver, label)
                    figures_seen += len(figures)
                    toggled = check_toggles(driver, label, figures)
                    toggles += toggled
                    toggles_by_page[path] = toggled
                    check_console(driver, label + " (after toggling)")
        print(f"browser: {len(pages)} pages at {len(SIZES)} widths, {figures_seen} figures, {toggles} scenario toggles")
        if figures_seen == 0 or toggles == 0:
            fail("no figures or no scenario toggles found; the test would prove nothing")

        # Print: the navigation goes and every scenario of every figure shows.
        set_size(driver, "desktop")
        printed = max(toggles_by_page, key=toggles_by_page.get)
        driver.get(base + printed)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        state = driver.execute_script("""
            return {nav: getComputedStyle(document.querySelector('.site-header')).display,
                    hidden: Array.from(document.querySelectorAll('.chart-variant'))
                        .filter(v => v.getClientRects().length === 0).length,
                    variants: document.querySelectorAll('.chart-variant').length};""")
        if state["nav"] != "none" or state["hidden"] != 0:
            fail(f"print /{printed}: navigation display {state['nav']}, {state['hidden']} of {state['variants']} charts hidden")
        screenshot(driver, os.path.join(shots, (printed.strip("/") or "index") + "-print.png"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        print(f"browser: print stylesheet shows all {state['variants']} chart variants of /{printed} without navigation")

        # A deep missing URL gets 404.html; its absolute links must load the stylesheet from the site's root.
        set_size(driver, "desktop")
        drain_logs(driver)
        missing = base + "no/such/page/"
        driver.get(missing)
        check_console(driver, "404 page", ignore=[missing])
        check_requests(driver, "404 page", origin)
        styled = driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")
        if styled != "solid":
            fail(f"404 page at {missing} is not styled (stylesheet did not load)")
        screenshot(driver, os.path.join(shots, "404-desktop.png"))
        driver.find_element(By.CSS_SELECTOR, "main a").click()
        if driver.current_url != base:
            fail(f"404 page's home link goes to {driver.current_url}, not {base}")

        # From disk: the home page loads, a chapter link opens the chapter (not a folder listing), figures draw.
        drain_logs(driver)
        driver.get("file://" + os.path.join(site, "index.html"))
        first = driver.find_element(By.CSS_SELECTOR, ".toc a")
        title = first.text
        first.click()
        heading = driver.execute_script("const h = document.querySelector('h1'); return h ? h.textContent : null")
        if heading != title or not driver.current_url.endswith("/index.html"):
            fail(f"file://: the first chapter link opened {driver.current_url} with heading {heading!r}, not {title!r}")
        check_figures(driver, "file:// chapter")
        check_console(driver, "file:// chapter")
        check_requests(driver, "file:// chapter", "file://")
        print("browser: 404 page styled under a deep URL; chapter navigation works from file://")
    finally:
        driver.quit()
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
