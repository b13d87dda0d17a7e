/// The files of a new explainer: config, a home-page introduction, an About page, two chapters (one showing every
/// building block: a model chart with scenarios, a data chart, a citation, a glossary term, a picture, a caveat box),
/// sources, glossary, a data file, pictures, a `.gitignore`, a GitHub Pages workflow that builds with `release`,
/// this explainer's templates and assets, and a copy of those in `.explainer/` (what `templates update` merges from).
/// `build` succeeds on it as it is.
/// The starter's stand-ins for the writer's own words: `check` and `build` warn while they are still there.
let starterAuthor = "Your name"
let starterDescription = "A short explainer, written in Markdown and built with explainer."

public func starterSite(title: String, release: ExplainerRelease) -> [SourceFile] {
    let content: [(String, String)] = [
        ("content/site.yml", """
            title: \(jsonString(title))
            description: \(starterDescription)
            language: en
            author: \(starterAuthor)
            # A sentence or two shown at the foot of every page (what the charts are, a disclaimer, a licence).
            footer: Charts marked “illustrative model” come from simple simulations, not forecasts.
            # "Published … · Facts as of …" at the foot of every page (a page's front matter may set its own).
            # published: 2025-01-31
            # factsAsOf: 2025-01-24
            # The licence of the text and of the CSV downloads, shown in the footer (and in every CSV).
            # licence: CC BY 4.0
            # licenceURL: https://creativecommons.org/licenses/by/4.0/
            # dataLicence: CC BY 4.0
            # dataLicenceURL: https://creativecommons.org/licenses/by/4.0/
            # The picture link previews show (og:image) for pages that have none of their own.
            image: images/cover.png
            # Publish gallery/: every chart kind with the chart block that draws it (`explainer charts` prints them too).
            # gallery: true
            # When you publish, uncomment both lines: sitemap.xml, feed.xml and canonical links are made from them.
            # (The GitHub Pages workflow in .github/workflows/ sets them for you.)
            # baseURL: https://example.org/my-explainer/
            # updated: 2025-01-31
            # More languages: the default first, then each other with its folder. Translate each file of content/ into
            # content/zh-hant/ under the same name (fallback: true publishes the untranslated ones in English, marked);
            # the interface words are in templates/i18n/<code>.yml. The README's "Languages" says more.
            # languages:
            #   - code: en
            #   - code: zh-Hant
            #     path: zh-hant
            #     title: 我的解說網站
            #     fallback: true

            """),
        ("content/index.md", starterHome),
        ("content/about.md", starterAbout),
        ("content/10-why-bad-years-bunch.md", starterChapter),
        ("content/20-next-steps.md", starterNextSteps),
        ("content/sources.yml", """
            # Every source cited with [@key] in a chapter: authors ("Surname, Given") or organisation; title (a real
            # headline) or label (a description, shown in [brackets]); publisher, date, url or doi; consulted (the day
            # you read a page that changes); private (notes never shown). The README lists every key.
            vasicek-2002:
              authors: ["Vasicek, Oldrich"]
              title: The Distribution of Loan Portfolio Value
              publisher: Risk
              date: 2002-12

            """),
        ("content/glossary.yml", """
            # Terms are linked from their first use in each chapter. Each entry: term, optional aliases, definition.
            - term: Correlation
              aliases: [correlated]
              definition: How much things tend to move together. With high correlation, bad outcomes bunch up in the same years.

            """),
        ("content/data/museum-visitors.csv", """
            # Visitors to an imaginary town museum, in thousands a year.
            # Source: made-up numbers for the starter site; the '# ' lines are kept in the downloadable CSV.
            year,visitors
            2018,40
            2019,42
            2020,11
            2021,19
            2022,33
            2023,45
            2024,51

            """),
        ("content/images/example-diagram.svg", starterDiagram),
        (".gitignore", "public/\n.public.spare/\n.public.tmp-*/\n.public.old-*/\n.explainer/previous/\n"),
        (".github/workflows/pages.yml", starterWorkflow(release: release)),
    ]
    return content.map { SourceFile(path: $0.0, text: $0.1) }
        + [SourceFile(path: "content/images/cover.png", bytes: starterCover)]
        + starterTemplates.map { SourceFile(path: $0.path, text: $0.text) }
        + starterTemplates.map { SourceFile(path: templateBasePath($0.path), text: $0.text) }
        + [SourceFile(path: ".explainer/README.md", text: explainerFolderReadme)]
}

/// What `.explainer/` is, for a writer who wonders.
private let explainerFolderReadme = """
    This folder is explainer's, not part of your site: keep it, and commit it with the rest.

    `templates/` here holds explainer's templates as they were when `explainer new` or `explainer templates update`
    last wrote them into this site. When a newer explainer changes a template you changed too, `explainer templates
    update` compares both with that text and merges the two sets of changes. `previous/` keeps your version of a file
    that an update rewrote (it is left out of git: see .gitignore).

    """

private let starterHome = """
    This introduction comes from `content/index.md`. Say in a few lines what the explainer is about and whom it is
    for; the chapters are listed below it, in the order of their file names.

    """

private let starterAbout = """
    ---
    title: About
    description: Who wrote this explainer, and how it was made.
    ---

    This is a standalone page: every `content/name.md` without a number in front becomes a page of its own
    (`about/`), listed in the menu and the footer but not among the chapters. Use one for who you are, how you
    worked, corrections, or a licence.

    This explainer was written in Markdown and built with explainer.

    """

private let starterChapter = """
    ---
    title: Why bad years come in bunches
    question: If each shop on a street rarely closes, why do several sometimes close in the same year?
    summary: "The starter chapter: a question, a chart from a model, a chart from a data file, a citation, a glossary term, a picture and a caveat."
    takeaway: When outcomes move together, the average stays the same, but the bad years get much worse.
    date: 2025-01-31
    authors: \(starterAuthor)
    ---

    Write each chapter in plain Markdown. This one shows every building block; replace it with your own. Chapters are
    numbered by the order of their file names (`10-…`, `20-…` leave room to insert one in between), and the name after
    the number becomes the page's address.

    ## A citation and a glossary term

    A citation looks like this [@vasicek-2002]: it becomes a numbered note at the end of the chapter and an entry on
    the Sources page. The first use of a glossary term, such as correlation, links to its definition.

    ## A chart from a model

    A fenced block marked `chart` becomes a figure drawn at build time. `explainer models` lists the built-in models
    with their parameters, and `explainer charts` prints every chart kind with a block to copy. Scenarios become a
    switch above the chart that works without JavaScript. The model behind this chart was first written down for
    loans; here it stands for shops on a street.

    ```chart
    id: closures
    title: "Same average, very different bad years"
    caption: "Imagine 100 shops, each with a 5 % chance of closing in a year. When their fortunes move together, years in which many close at once become far more likely, while the average stays at 5 %. Illustrative model, not a forecast."
    model: tranching
    kind: area
    series: [lhp.lossDensity]
    labels: {lhp.lossDensity: Likelihood}
    x: {label: Share of the shops that close in a year, format: fraction}
    y: {label: Likelihood (probability density)}
    params: {p: 0.05, lgd: 1}
    scenarios:
      apart: {rho: 0.05}
      together: {rho: 0.5}
    ```

    ## A chart from a data file

    Put small CSV files in `content/data/`: the first column is the x axis (or the categories), every other column a
    series. Lines starting with `# ` say where the numbers come from; they stay in the CSV readers can download.

    ```chart
    id: museum-visitors
    title: "Visitors fell in 2020 and came back"
    caption: "Visitors to an imaginary town museum, in thousands a year. Source: made-up numbers for the starter site."
    data: museum-visitors.csv
    kind: line
    labels: {visitors: Visitors (thousands)}
    x: {label: Year, format: year}
    y: {label: Visitors (thousands), min: 0}
    annotations:
      - {type: event, x: 2020, label: Closed for a season}
    ```

    ## A picture and a caveat

    Pictures live in `content/images/` and are written `images/name.png`, from every chapter (a translation's too):

    ![A diagram of three boxes joined by arrows](images/example-diagram.svg)

    ```careful
    A `careful` block becomes a highlighted box: use it for caveats, contested numbers and what the model leaves out.
    ```

    Link to another chapter or page by its file, such as [the next chapter](20-next-steps.md) or [the About
    page](about.md): the build checks that the file is there and writes the page's address. Links within the page
    name a heading, such as [back to the question](#the-question).

    """

private let starterNextSteps = """
    ---
    title: Your next steps
    summary: How to preview, check and publish the explainer, and where to find every chart kind.
    ---

    ## Preview while you write

    Run `explainer serve` in the explainer's folder and open the address it prints. Every save rebuilds the site
    and reloads the page; a mistake shows up on the page with the file, line and a hint, until you fix it.

    ## Check and publish

    `explainer check` reports every problem at once; `explainer build` writes the site into `public/`, a folder
    any static host can serve, also under a sub-path. On GitHub, the workflow in `.github/workflows/pages.yml`
    publishes it on every push: see its first lines.

    ## Charts and templates

    `explainer charts` lists the chart kinds, and `explainer charts line` prints what a line chart expects: the
    columns of its data, every key with its default, and a block to copy. The look of the site lives in
    `templates/`; `explainer templates` shows which of them differ from the ones this explainer would write today.
    Go [back to the first chapter](10-why-bad-years-bunch.md).

    """

