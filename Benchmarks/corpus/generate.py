#!/usr/bin/env python3
"""Writes a synthetic site of N chapters twice: as an explainer site and as a minimal Hugo site.

    python3 Benchmarks/corpus/generate.py --chapters 1000 --out /tmp/corpus-1000 [--seed 20251021]

writes
    OUT/explainer/content/   NNNNN-slug.md chapters, site.yml, sources.yml, glossary.yml, data/*.csv
    OUT/explainer/templates/ this repository's templates (copied), so the build does what the real site's does
    OUT/hugo/                hugo.yaml, content/<slug>.md (the same Markdown), layouts/ (minimal templates)

Every chapter is ordinary Markdown of about 600 words: front matter (title, question, summary, takeaway), a lead
paragraph, `##` sections with paragraphs, emphasis, inline code, bullet and numbered lists, a fenced code block, a
block quote, links to other chapters (some to a heading anchor), external links and citations; one chapter in ten has
a ```chart block (a CSV series from content/data, or the cheap `capexGap` model). The text is drawn from a fixed
vocabulary with a seeded generator, so the same arguments always write the same bytes.

The Hugo pages get the same Markdown body. Their front matter adds `weight` (the chapter order);
content/<slug>.md is published at /<slug>/, the same URL as the explainer's page, so relative links
such as ../other-slug/#a-heading work in both. Hugo renders [@key] citations and ```chart blocks as plain text and
code, so it does less work per page than the explainer, which draws the charts and numbers the citations. The Hugo
templates mirror the explainer's page structure (chapter pages have an outline, previous/next links; the home page lists
every chapter with its summary), without styling.

The chapter menu on every page (--menu):
    none     (the default) no menu in either site: the full list is on the home page only;
    bounded  the explainer's own menu of --menu-chapters chapters (site.yml `menuChapters`, 30 by default) around the
             page's chapter (the first ones on other pages) and a link to the contents page when some are left out;
             the Hugo templates list the same window and the same link;
    full     every chapter in every page's menu in both sites (site.yml `menuChapters: N`): output grows with N².
`--menu` alone means `full`.
"""
import argparse
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

WORDS = """
market lease bond pool tranche rating spread yield default loss equity debt risk cash flow rent tenant owner
investor fund insurer bank lender borrower capital chip server power grid cooling campus building contract term
price value cost margin revenue profit growth demand supply model scenario shock crash bubble boom cycle credit
leverage collateral maturity coupon interest payment schedule guarantee option trigger reserve buffer cushion
senior junior mezzanine vehicle structure deal issuer note trust portfolio manager analyst regulator report number
share stock index chart figure year month quarter decade plan budget estimate forecast assumption range average
median spread signal trend story question answer reason example case chapter section step stage phase layer
balance sheet account asset liability income expense depreciation amortization useful life residual sale buyer
seller auction discount premium exposure concentration correlation contagion feedback loop spiral run panic
""".split()

CONNECTORS = "and but so because while although when if then yet or".split()
VERBS = ("raises lowers moves shifts changes hides shows explains protects exposes covers funds builds sells buys "
         "repays borrows lends holds tracks drives limits absorbs").split()

GLOSSARY_TERMS = ["tranche", "collateral", "leverage", "coupon", "maturity", "correlation", "contagion",
                  "depreciation", "amortization", "mezzanine", "residual", "guarantee", "trigger", "spread",
                  "yield", "issuer", "trust", "exposure", "premium", "reserve"]

LANGUAGES = ["python", "swift", "text", "sh"]


def author(words):
    """A person's name as sources.yml writes it: "Surname, Given"."""
    return quoted(f"{words[-1].title()}, {' '.join(words[:-1]).title()}")


def sentence(rng, words=None, end="."):
    count = words or rng.randint(8, 18)
    out = []
    for i in range(count):
        if i == count // 2 and rng.random() < 0.5:
            out.append(rng.choice(CONNECTORS))
        elif i % 4 == 2:
            out.append(rng.choice(VERBS))
        else:
            out.append(rng.choice(WORDS))
    text = " ".join(out)
    return text[0].upper() + text[1:] + end


def title_words(rng, low, high):
    return [rng.choice(WORDS) for _ in range(rng.randint(low, high))]


class Chapter:
    def __init__(self, number, rng):
        self.number = number
        words = title_words(rng, 3, 6)
        self.title = " ".join(words).capitalize()
        self.slug = f"c{number}-" + "-".join(words[:3])
        self.question = sentence(rng, rng.randint(7, 12), "?")
        self.summary = sentence(rng, rng.randint(14, 22))
        self.takeaway = sentence(rng, rng.randint(12, 20))
        self.headings = []
        seen = set()
        sections = rng.randint(3, 5)
        while len(self.headings) < sections:
            heading = " ".join(title_words(rng, 2, 4)).capitalize()
            anchor = heading.lower().replace(" ", "-")
            if anchor not in seen:
                seen.add(anchor)
                self.headings.append((heading, anchor))


def paragraph(rng, chapters, sources):
    parts = []
    for _ in range(rng.randint(3, 5)):
        text = sentence(rng)
        roll = rng.random()
        if roll < 0.25:
            w = text.split(" ")
            i = rng.randrange(1, len(w) - 1)
            w[i] = f"*{w[i]}*" if rng.random() < 0.5 else f"**{w[i]}**"
            text = " ".join(w)
        elif roll < 0.35:
            w = text.split(" ")
            i = rng.randrange(1, len(w) - 1)
            w[i] = f"`{w[i]}_{rng.randint(1, 99)}`"
            text = " ".join(w)
        elif roll < 0.5:
            other = rng.choice(chapters)
            if rng.random() < 0.5:
                target = f"../{other.slug}/"
            else:
                target = f"../{other.slug}/#{rng.choice(other.headings)[1]}"
            text = text[:-1] + f", as [chapter {other.number}]({target}) shows."
        elif roll < 0.58:
            text = text[:-1] + f" ([a report](https://example.org/reports/{rng.randint(1, 5000)}))."
        elif roll < 0.7:
            text = text[:-1] + f" [@{rng.choice(sources)}]."
        parts.append(text)
    return " ".join(parts)


def chapter_body(rng, chapter, chapters, sources, chart):
    blocks = [paragraph(rng, chapters, sources)]
    for index, (heading, _) in enumerate(chapter.headings):
        blocks.append(f"## {heading}")
        blocks.append(paragraph(rng, chapters, sources))
        kind = (chapter.number + index) % 5
        if kind == 0:
            blocks.append("\n".join(f"- {sentence(rng, rng.randint(5, 10))}" for _ in range(rng.randint(3, 5))))
        elif kind == 1:
            blocks.append("\n".join(f"{i + 1}. {sentence(rng, rng.randint(5, 10))}" for i in range(rng.randint(3, 4))))
        elif kind == 2:
            language = rng.choice(LANGUAGES)
            lines = [f"{rng.choice(WORDS)}_{i} = {rng.randint(1, 999)}  # {rng.choice(WORDS)}"
                     for i in range(rng.randint(3, 6))]
            blocks.append(f"```{language}\n" + "\n".join(lines) + "\n```")
        elif kind == 3:
            blocks.append("> " + sentence(rng, rng.randint(12, 20)))
        if index == 0 and chart is not None:
            blocks.append(chart)
        blocks.append(paragraph(rng, chapters, sources))
    return "\n\n".join(blocks) + "\n"


def chart_block(rng, chapter, data_files):
    if chapter.number % 20 == 0:
        return (f"```chart\nid: figure-{chapter.number}\ntitle: \"Spending against revenue, case {chapter.number}\"\n"
                f"caption: \"{sentence(rng, 14)} Illustrative model, not a forecast.\"\nmodel: capexGap\nkind: line\n"
                f"series: [capex, aiRevenue]\nparams: {{revenueGrowth: {rng.choice([0.25, 0.4, 0.5, 0.75, 1.0])}}}\n```")
    data = rng.choice(data_files)
    return (f"```chart\nid: figure-{chapter.number}\ntitle: \"A series over time, case {chapter.number}\"\n"
            f"caption: \"{sentence(rng, 14)} Source: synthetic data.\"\ndata: {data}\nkind: line\n"
            f"x: {{label: Year, format: year}}\ny: {{label: $ billions, format: usd-bn}}\n```")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(count, out, seed, menu="none", menu_chapters=30):
    rng = random.Random(seed)
    chapters = [Chapter(i + 1, rng) for i in range(count)]
    sources = [f"source-{i + 1}" for i in range(40)]
    data_files = [f"series-{i + 1}.csv" for i in range(8)]
    explainer, hugo = os.path.join(out, "explainer"), os.path.join(out, "hugo")
    for folder in (explainer, hugo):
        if os.path.exists(folder):
            shutil.rmtree(folder)

    # The explainer site: configuration, bibliography, glossary, data, this repository's templates.
    window = count if menu == "full" else menu_chapters
    write(os.path.join(explainer, "content", "site.yml"),
          f"title: Synthetic corpus of {count} chapters\ndescription: A generated site for benchmarks.\n"
          f"language: en\nauthor: The benchmark\nmenuChapters: {max(window, 1)}\n")
    write(os.path.join(explainer, "content", "sources.yml"), "".join(
        f"{key}:\n  authors: [{author(title_words(rng, 2, 2))}]\n  title: {quoted(sentence(rng, 6))}\n"
        f"  publisher: {' '.join(title_words(rng, 1, 2)).title()} Press\n  date: '{rng.randint(1990, 2025)}'\n"
        f"  url: https://example.org/{key}\n" for key in sources))
    write(os.path.join(explainer, "content", "glossary.yml"), "".join(
        f"- term: {term}\n  aliases: [\"{term}s\"]\n  definition: {quoted(sentence(rng, 16))}\n" for term in GLOSSARY_TERMS))
    for name in data_files:
        start = rng.randint(1990, 2005)
        value = rng.uniform(10, 100)
        rows = []
        for year in range(start, start + 20):
            value *= rng.uniform(0.9, 1.3)
            rows.append(f"{year},{value:.1f}")
        write(os.path.join(explainer, "content", "data", name),
              "# Synthetic data for the benchmark corpus.\nyear,value\n" + "\n".join(rows) + "\n")
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(explainer, "templates"))
    if menu == "none":
        write(os.path.join(explainer, "templates", "nav.mustache"), EXPLAINER_NAV_WITHOUT_MENU)

    # The Hugo site: configuration and minimal templates with the same page structure.
    write(os.path.join(hugo, "hugo.yaml"),
          f"baseURL: /\ntitle: Synthetic corpus of {count} chapters\nlanguageCode: en\nrelativeURLs: true\n"
          "disableKinds: [taxonomy, term, RSS, sitemap]\nmarkup:\n  tableOfContents:\n    startLevel: 2\n"
          "    endLevel: 2\n  highlight:\n    codeFences: false\n")
    hugo_menu = {"none": "", "full": HUGO_MENU, "bounded": HUGO_BOUNDED_MENU.replace("WINDOW", str(menu_chapters))
                 .replace("HALF", str((menu_chapters - 1) // 2))}[menu]
    write(os.path.join(hugo, "layouts", "_default", "baseof.html"), HUGO_BASEOF.replace(HUGO_MENU, hugo_menu))
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
    write(os.path.join(hugo, "layouts", "index.html"), HUGO_INDEX)
    write(os.path.join(hugo, "layouts", "404.html"), HUGO_404)

    width = max(5, len(str(count)))
    for chapter in chapters:
        chart = chart_block(rng, chapter, data_files) if chapter.number % 10 == 0 else None
        body = chapter_body(rng, chapter, chapters, sources, chart)
        front = (f"title: {quoted(chapter.title)}\nquestion: {quoted(chapter.question)}\n"
                 f"summary: {quoted(chapter.summary)}\ntakeaway: {quoted(chapter.takeaway)}\n")
        write(os.path.join(explainer, "content", f"{chapter.number:0{width}d}-{chapter.slug}.md"),
              f"---\n{front}---\n\n{body}")
        write(os.path.join(hugo, "content", f"{chapter.slug}.md"),
              f"---\n{front}weight: {chapter.number}\n---\n\n{body}")


# Every page's menu lists every chapter: output grows with N², so by default (no --menu) both sites drop it and keep
# the full list on the home page only, as large sites do.
EXPLAINER_NAV_WITHOUT_MENU = """<header class="site-header">
<nav id="site-nav" aria-label="Site">
<a class="site-title" href="{{root}}{{^root}}./{{/root}}">{{siteTitle}}</a>
<a href="{{root}}sources/">Sources</a> <a href="{{root}}glossary/">Glossary</a>
{{> search}}
</nav>
</header>
"""

HUGO_MENU = """<details><summary>Chapters</summary>
<ol>
{{ $current := .RelPermalink }}{{ range .Site.RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $current }} aria-current="page"{{ end }}><span>{{ .Weight }}</span> {{ .Title }}</a></li>
{{ end }}</ol>
</details>
"""

# The explainer's bounded menu (ChapterMenu): WINDOW chapters starting at max(0, min(i - HALF, N - WINDOW)) for the
# chapter at 0-based place i (0 on other pages), then the contents page's link when some chapters are left out.
HUGO_BOUNDED_MENU = """<details><summary>Chapters</summary>
<ol>
{{ $current := .RelPermalink }}{{ $pages := .Site.RegularPages.ByWeight }}{{ $n := len $pages }}{{ $i := 0 }}{{ if .IsPage }}{{ $i = sub .Weight 1 }}{{ end }}{{ $start := sub $i HALF }}{{ if gt $start (sub $n WINDOW) }}{{ $start = sub $n WINDOW }}{{ end }}{{ if lt $start 0 }}{{ $start = 0 }}{{ end }}{{ range first WINDOW (after $start $pages) }}<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $current }} aria-current="page"{{ end }}><span>{{ .Weight }}</span> {{ .Title }}</a></li>
{{ end }}{{ if gt $n WINDOW }}<li><a href="{{ "/" | relURL }}">All {{ $n }} chapters</a></li>
{{ end }}</ol>
</details>
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}">
</head>
<body>
<header><nav aria-label="Site">
<a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<details><summary>Chapters</summary>
<ol>
{{ $current := .RelPermalink }}{{ range .Site.RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $current }} aria-current="page"{{ end }}><span>{{ .Weight }}</span> {{ .Title }}</a></li>
{{ end }}</ol>
</details>
</nav></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}<article>
<p>Chapter {{ .Weight }} · {{ .ReadingTime }} min read</p>
<h1>{{ .Title }}</h1>
{{ with .Params.question }}<aside><p>The question</p><p>{{ . }}</p></aside>{{ end }}
<nav aria-label="In this chapter">{{ .TableOfContents }}</nav>
<div class="prose">
{{ .Content }}
</div>
{{ with .Params.takeaway }}<aside><p>Takeaway</p><p>{{ . }}</p></aside>{{ end }}
<nav aria-label="Chapters">
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}" rel="prev">← Previous {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}" rel="next">Next → {{ .Title }}</a>{{ end }}
</nav>
</article>{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ol>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
"""

HUGO_INDEX = """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ol class="toc">
{{ range .Site.RegularPages.ByWeight }}<li>
<a href="{{ .RelPermalink }}"><span>{{ .Weight }}</span> {{ .Title }}</a>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
<p>{{ .ReadingTime }} min read</p>
</li>
{{ end }}</ol>{{ end }}
"""

HUGO_404 = """{{ define "main" }}<h1>Page not found</h1><p><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></p>{{ end }}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chapters", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20251021)
    parser.add_argument("--menu", nargs="?", const="full", default="none", choices=["none", "bounded", "full"],
                        help="the chapter menu on every page: none (default), bounded (--menu-chapters around the page's "
                             "chapter, as explainer's menuChapters), or full (every chapter: output grows with N²)")
    parser.add_argument("--menu-chapters", type=int, default=30, help="chapters in a bounded menu (default 30)")
    args = parser.parse_args()
    generate(args.chapters, args.out, args.seed, args.menu, args.menu_chapters)
    print(f"wrote {args.chapters} chapters to {args.out}/explainer and {args.out}/hugo")


if __name__ == "__main__":
    main()
