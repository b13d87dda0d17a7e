#!/usr/bin/env python3
"""Every #anchor of a served site exists, checked over HTTP: the pages under BASE are fetched once each (following
their links from BASE, and any PAGE given), and every link with a fragment that points into BASE must name an id (or
an <a name>) of the page it points to, as served.

linkchecker can check anchors too (its AnchorCheck plugin), but it fetches and parses a page again for every distinct
fragment linked: on this site 1,492 fetches of pages of up to 150 KB, five minutes of CPU, against a few seconds here.
linkchecker still checks every link, stylesheet, script and CSV (Tests/browser/linkcheckerrc).

usage: http_anchors.py BASE [PAGE …]      BASE ends with /; exit status 1 on any missing anchor or page
"""
import html.parser
import sys
import urllib.error
import urllib.parse
import urllib.request


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.base = set(), [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id") is not None:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name") is not None:
            self.ids.add(attributes["name"])
        if tag == "base" and self.base is None:
            self.base = attributes.get("href")
        if tag in ("a", "link", "area") and attributes.get("href") is not None:
            self.links.append((attributes["href"], self.getpos()[0]))


def fetch(url):
    """The page at url as (final URL, parser), or (None, None) when it is not HTML."""
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "http_anchors.py"}), timeout=20) as answer:
        if not answer.headers.get_content_type() == "text/html":
            return None, None
        parser = PageParser()
        parser.feed(answer.read().decode(answer.headers.get_content_charset() or "utf-8"))
        return answer.geturl(), parser


def main():
    base = sys.argv[1]
    start = [base] + [urllib.parse.urljoin(base, page) for page in sys.argv[2:]]
    pages, queue, problems, checked = {}, list(start), [], 0

    def page(url):
        """The parsed page at url (fragment dropped), fetched the first time it is asked for."""
        url = urllib.parse.urldefrag(url).url
        if url not in pages:
            try:
                pages[url] = fetch(url)[1]
            except urllib.error.HTTPError as error:
                pages[url] = error
            if isinstance(pages[url], PageParser):
                queue.append(url)
        return pages[url]

    for url in start:
        page(url)
    done = set()
    while queue:
        url = queue.pop()
        if url in done:
            continue
        done.add(url)
        parser = pages[url]
        against = urllib.parse.urljoin(url, parser.base) if parser.base else url
        for href, line in parser.links:
            target = urllib.parse.urljoin(against, href)
            if not target.startswith(base):
                continue
            found = page(target)
            fragment = urllib.parse.urlsplit(target).fragment
            if isinstance(found, urllib.error.HTTPError):
                problems.append(f"{url}:{line}: {href!r} answers {found.code}")
            elif fragment and found is not None:
                checked += 1
                if urllib.parse.unquote(fragment) not in found.ids:
                    problems.append(f"{url}:{line}: {href!r} points to a missing anchor")
    print(f"anchors over HTTP: {checked} links with a #fragment in {len(done)} pages under {base} checked, {len(problems)} broken")
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
