#!/usr/bin/env python3
"""Chart words in the page's language: no English left in the figures of a translated page.

For every page whose <html lang> is not the home page's (a translation), reads every figure (`figure.chart`): the text,
<title> and <desc> of its SVGs, the scenario switch (labels and aria-labels), the settings line, the per-scenario
captions, and its data tables (headings, cells and the note on rows left out). It fails on

- an English word of the chart vocabulary (DENY: "Scenario", "illustrative", "Year", "billion", "a year", ...), whole
  words, any case;
- an English amount or percentage: "$27 B", "$1.3 T", "42 %" (Chinese writes 273億美元, 1.3兆美元, 42%);
- in a settings line or a data table's column heading, any lowercase English word ("revised", a CSV's "company").

Names (OpenAI, Meta, Blue Owl, IEA) are not in the list: they stay in Latin letters in Chinese too. The gallery page is
left out: its example charts are made-up English data, the same on every edition.

usage: chart_words.py SITE_FOLDER       exit status 1 on any English word in a translated page's figures
"""
import html
import os
import re
import sys

# Words charts and the settings line generate (not English function words: source names such as "The Information"
# stay in English in a Chinese caption).
DENY = [
    "scenario", "scenarios", "settings", "illustrative", "model", "not data", "year", "years", "month", "months",
    "billion", "trillion", "million", "chart", "diagram", "histogram", "heat map", "small multiples", "steps",
    "values", "range", "a year", "per period", "share of", "yes", "no", "as set for this chart", "claim", "every",
    "rows", "highlight", "loan", "bond", "interest rate", "speed of", "chance of", "discount", "guarantee", "firms",
    "payments", "holders", "assets", "equity", "random seed", "periods", "default probability", "correlation",
]
WORD = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(word) for word in sorted(DENY, key=len, reverse=True))
                  + r")(?![A-Za-z])", re.IGNORECASE)
# In a settings line every word is the page's; names there are capitalised (OpenAI, Meta), words of English are not.
LOWERCASE_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
AMOUNT = re.compile(r"\$\s?\d|\d(?:\s|\u202f|\u00a0)?[BT](?![A-Za-z])|\d(?:\s|\u202f|\u00a0)%")

FIGURE = re.compile(r'<figure class="chart".*?</figure>', re.S)
PIECES = [
    re.compile(r"<(text|title|desc)\b[^>]*>(.*?)</\1>", re.S),
    re.compile(r'<p class="chart-(?:parameters|variant-caption)">(.*?)</p>', re.S),
    re.compile(r'<div class="scenario-labels"[^>]*>(.*?)</div>', re.S),
    re.compile(r'aria-label="([^"]*)"'),
    re.compile(r'<th scope="col">(.*?)</th>', re.S),
    re.compile(r'<(th scope="row"|td)>(.*?)</(?:th|td)>', re.S),
    re.compile(r'<p class="table-note">(.*?)</p>', re.S),
]
# Pieces in which every lowercase word must be the page's: the settings line and table column headings.
STRICT = {1, 4}
TAG = re.compile(r"<[^>]+>")


def language(page):
    match = re.search(r'<html[^>]*\blang="([^"]+)"', page)
    return match.group(1) if match else ""


def texts(figure):
    for index, pattern in enumerate(PIECES):
        for match in pattern.finditer(figure):
            yield index in STRICT, html.unescape(TAG.sub(" ", match.group(match.lastindex)))


def main():
    site = sys.argv[1]
    with open(os.path.join(site, "index.html"), encoding="utf-8") as file:
        default = language(file.read())
    problems, pages, figures, tables = [], 0, 0, 0
    for folder, _, names in sorted(os.walk(site)):
        if "index.html" not in names or os.path.basename(folder) == "gallery":
            continue
        path = os.path.join(folder, "index.html")
        with open(path, encoding="utf-8") as file:
            page = file.read()
        if language(page) == default:
            continue
        pages += 1
        for figure in FIGURE.findall(page):
            figures += 1
            tables += figure.count("<table")
            name = re.search(r'id="figure-([^"]+)"', figure)
            for settings, text in texts(figure):
                found = [m.group(0) for m in WORD.finditer(text)] + [m.group(0) for m in AMOUNT.finditer(text)]
                if settings:
                    found += [m.group(0) for m in LOWERCASE_WORD.finditer(text) if m.group(0) not in found]
                if found:
                    short = text if len(text) <= 90 else text[:87] + "…"
                    problems.append(f"{os.path.relpath(path, site)} figure {name.group(1) if name else '?'}: "
                                    f"{', '.join(repr(word) for word in found)} in \"{short.strip()}\"")
    for problem in problems:
        print("ENGLISH IN A TRANSLATED FIGURE: " + problem, file=sys.stderr)
    print(f"chart words: {figures} figures ({tables} data tables) on {pages} translated pages; "
          f"{len(problems)} texts with English words")
    if pages and not figures:
        print("no figure found on the translated pages; the check would prove nothing", file=sys.stderr)
        sys.exit(1)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
