#!/usr/bin/env python3
"""Every #anchor of a served site exists, checked over HTTP: the pages under BASE are fetched once each (following
their links from BASE, and any PAGE given), every reference into BASE must answer, and every link with a fragment must
name an id of the page it points to, as served (static_checks.py does the same from disk).

linkchecker can check anchors too (its AnchorCheck plugin), but it fetches and parses a page again for every distinct
fragment linked: on this site 1,492 fetches of pages of up to 150 KB, five minutes of CPU, against a few seconds here.
linkchecker still checks every link, stylesheet, script and CSV (Tests/browser/linkcheckerrc).

usage: http_anchors.py BASE [PAGE …]      BASE ends with /; exit status 1 on any missing anchor or page
"""
import sys
import urllib.error
import urllib.parse
import urllib.request

from static_checks import PageParser  # the on-disk check's parser: ids, references, <base>


def fetch(url):
    """The page at url as (the URL it was answered from, after redirects; its parser), or None when it is not HTML,
    or the HTTPError it answered with."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "http_anchors.py"}), timeout=20) as answer:
            if answer.headers.get_content_type() != "text/html":
                return None
            parser = PageParser()
            parser.feed(answer.read().decode(answer.headers.get_content_charset() or "utf-8"))
            return answer.geturl(), parser
    except urllib.error.HTTPError as error:
        return error


def main():
    base = sys.argv[1]
    pages, queue, problems, checked = {}, [], [], 0

    def page(url):
        """What url answers (fragment dropped), fetched the first time it is asked for; a new page is queued."""
        url = urllib.parse.urldefrag(url).url
        if url not in pages:
            pages[url] = fetch(url)
            if isinstance(pages[url], tuple):
                queue.append(url)
        return pages[url]

    for url in [base] + [urllib.parse.urljoin(base, name) for name in sys.argv[2:]]:
        if isinstance(page(url), urllib.error.HTTPError):
            problems.append(f"{url} answers {pages[url].code}")
    for url in queue:  # grows as pages are found
        answered, parser = pages[url]
        against = urllib.parse.urljoin(answered, parser.base) if parser.base else answered
        for _, reference, line in parser.references:
            target = urllib.parse.urljoin(against, reference)
            if not target.startswith(base):
                continue
            found = page(target)
            fragment = urllib.parse.urlsplit(target).fragment
            if isinstance(found, urllib.error.HTTPError):
                problems.append(f"{url}:{line}: {reference!r} answers {found.code}")
            elif fragment and found is not None:
                checked += 1
                if urllib.parse.unquote(fragment) not in found[1].ids:
                    problems.append(f"{url}:{line}: {reference!r} points to a missing anchor")
    print(f"anchors over HTTP: {checked} links with a #fragment in {len(queue)} pages under {base} checked, {len(problems)} broken")
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
