#!/usr/bin/env python3
"""Checks of a built site that need no browser:

1. every inline <svg> in every page is well-formed XML (each is written to a file and given to xmllint);
2. from file://, every relative href/src of every page resolves on disk (a folder must hold index.html) and every
   #anchor exists in its target page.

usage: static_checks.py SITE_FOLDER SCRATCH_FOLDER      exit status 1 on any problem
"""
import html.parser
import os
import re
import subprocess
import sys
import urllib.parse


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.references, self.base = set(), [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "base":
            self.base = attributes.get("href")
        for name in ("href", "src"):
            if attributes.get(name) is not None and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.references.append((tag, attributes[name], self.getpos()[0]))


def parse(path):
    parser = PageParser()
    with open(path, encoding="utf-8") as file:
        parser.feed(file.read())
    return parser


def main():
    site, scratch = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    pages = sorted(os.path.join(folder, name) for folder, _, names in os.walk(site) for name in names if name.endswith(".html"))
    problems = []

    # 1. Inline SVG well-formedness, with xmllint.
    os.makedirs(scratch, exist_ok=True)
    svg_files = []
    for page in pages:
        text = open(page, encoding="utf-8").read()
        for number, match in enumerate(re.finditer(r"<svg\b.*?</svg>", text, re.S), start=1):
            name = os.path.relpath(page, site).replace("/", "_") + f"-{number}.svg"
            with open(os.path.join(scratch, name), "w", encoding="utf-8") as file:
                file.write(match.group(0))
            svg_files.append(os.path.join(scratch, name))
    if svg_files:
        result = subprocess.run(["xmllint", "--noout", *svg_files], capture_output=True, text=True)
        if result.returncode != 0:
            problems.append("inline SVG is not well-formed XML:\n" + result.stderr)
    print(f"inline SVG: {len(svg_files)} figures in {len(pages)} pages checked with xmllint")

    # 2. Relative links from file://.
    parsed = {page: parse(page) for page in pages}
    checked = 0
    for page, parser in parsed.items():
        if parser.base:
            continue  # 404.html with a <base>: its links resolve against the base URL, checked over HTTP
        for tag, value, line in parser.references:
            url = urllib.parse.urlsplit(value)
            if url.scheme or value.startswith("//"):
                continue
            checked += 1
            where = f"{os.path.relpath(page, site)}:{line}: <{tag}> {value!r}"
            target = page if not url.path else os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(url.path)))
            if not (target + os.sep).startswith(site + os.sep) and target != site:
                problems.append(f"{where} leaves the site folder")
                continue
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not os.path.isfile(target):
                problems.append(f"{where} points to a missing file")
                continue
            if url.fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if urllib.parse.unquote(url.fragment) not in ids:
                    problems.append(f"{where} points to a missing anchor")
    print(f"file:// links: {checked} relative references in {len(pages)} pages resolved on disk")

    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
