#!/usr/bin/env python3
"""Screenshots of every figure, for reading by eye (`make review-shots`; not part of `make test`).

For every page of a built site with figures (chapters, gallery), at 1280 and 390 px, in the light and the dark
theme, each figure is shown in each scenario variant (its radio input checked, as the reader's pill does) and the
whole <figure> (title, pills, chart, caption) is saved as

    OUT/<language>/<figure-id>--<variant>--<width>-<theme>.png

where <language> is the page's `<html lang>` (en, zh-Hant, …): a translation's figures share the original's ids, so
one folder per language keeps them apart. Gallery items are saved as gallery-<kind>--sample--<width>-<theme>.png.
ONLY (comma-separated parts of figure ids) limits the run to matching figures. The run fails if two shots would be
saved under one name (one would hide the other).

usage: review_shots.py SITE_FOLDER OUT_FOLDER [ONLY]
"""
import base64
import os
import sys
import time

from chromium import SIZES, make_driver, set_size, set_theme, site_pages

THEMES = ["light", "dark"]

TARGETS = """
const targets = [];
for (const figure of document.querySelectorAll('figure.chart')) {
  const inputs = Array.from(figure.querySelectorAll('input.scenario-input'));
  const variants = Array.from(figure.querySelectorAll('.chart-variant')).map(v => v.dataset.scenario);
  targets.push({id: figure.id.replace(/^figure-/, ''), selector: '#' + CSS.escape(figure.id),
                inputs: inputs.map(input => input.id), variants});
}
for (const item of document.querySelectorAll('.gallery-item')) {
  const heading = item.querySelector('h2');
  targets.push({id: 'gallery-' + heading.id.replace(/^gallery-/, ''), selector: '#' + CSS.escape(heading.id),
                parent: true, inputs: [], variants: ['sample']});
}
return targets;
"""

BOX = """
let element = document.querySelector(arguments[0]);
if (arguments[1]) element = element.parentElement;
if (arguments[2]) document.getElementById(arguments[2]).checked = true;
element.scrollIntoView({block: 'start'});
const box = element.getBoundingClientRect();
return {x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height};
"""


def capture(driver, box, path):
    margin = 8
    clip = {"x": max(0, box["x"] - margin), "y": max(0, box["y"] - margin),
            "width": box["width"] + 2 * margin, "height": box["height"] + 2 * margin, "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))


def main():
    site, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    only = [part for part in (sys.argv[3] if len(sys.argv) > 3 else "").split(",") if part]
    os.makedirs(out, exist_ok=True)
    started = time.monotonic()
    count = 0
    saved = {}            # file name -> the page and variant it shows; a second shot under one name is an error
    driver = make_driver(logging=False)
    try:
        for size, (width, _, _) in SIZES.items():
            set_size(driver, size)
            for theme in THEMES:
                set_theme(driver, theme)
                for page in site_pages(site):
                    driver.get("file://" + os.path.join(site, page))
                    language = driver.execute_script("return document.documentElement.lang") or "und"
                    os.makedirs(os.path.join(out, language), exist_ok=True)
                    for target in driver.execute_script(TARGETS):
                        if only and not any(part in target["id"] for part in only):
                            continue
                        inputs = target["inputs"] or [None]
                        for input_id, variant in zip(inputs, target["variants"]):
                            box = driver.execute_script(BOX, target["selector"], target.get("parent", False), input_id)
                            name = os.path.join(language, f"{target['id']}--{variant}--{width}-{theme}.png")
                            if name in saved:
                                sys.exit(f"review-shots: {name} would be saved twice ({saved[name]} and /{page}); "
                                         "two figures share an id within one language")
                            saved[name] = f"/{page}"
                            capture(driver, box, os.path.join(out, name))
                            count += 1
    finally:
        driver.quit()
    print(f"review-shots: {count} screenshots in {out} ({time.monotonic() - started:.0f} s)")
    if count == 0:
        sys.exit("no figures found" + (f" matching {','.join(only)}" if only else ""))


if __name__ == "__main__":
    main()
