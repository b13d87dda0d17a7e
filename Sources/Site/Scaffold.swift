/// The files of a new explainer: config, one example chapter with a model chart and a data chart, sources, glossary,
/// a data file, an image, and this repository's templates and assets. `build` succeeds on it as it is.
public func starterSite(title: String) -> [SourceFile] {
    let content: [(String, String)] = [
        ("content/site.yml", """
            title: \(jsonString(title))
            description: A short explainer, written in Markdown and built with explainer.
            language: en
            author: Your name
            # When you publish, uncomment both lines: sitemap.xml, feed.xml and canonical links are made from them.
            # baseURL: https://example.org/my-explainer/
            # updated: 2025-01-31

            """),
        ("content/01-introduction.md", starterChapter),
        ("content/sources.yml", """
            # Every source cited with [@key] in a chapter: key -> author, title, publisher, date, url.
            vasicek-2002:
              author: Oldrich Vasicek
              title: The Distribution of Loan Portfolio Value
              publisher: Risk
              date: 2002-12

            """),
        ("content/glossary.yml", """
            # Terms are linked from their first use in each chapter. Each entry: term, optional aliases, definition.
            - term: Default correlation
              aliases: [correlation]
              definition: How much borrowers tend to fail together. With high correlation, defaults bunch up in bad years.

            """),
        ("content/data/example-series.csv", """
            # An example data series; the '# ' lines name the source and are kept in the downloadable CSV.
            # Source: made-up numbers for the starter site.
            year,value
            2021,1.0
            2022,1.4
            2023,2.1
            2024,2.9
            2025,3.6

            """),
        ("content/images/example-diagram.svg", starterImage),
        (".gitignore", "public/\n"),
    ]
    return content.map { SourceFile(path: $0.0, text: $0.1) } + starterTemplates.map { SourceFile(path: $0.path, text: $0.text) }
}

private let starterChapter = """
    ---
    title: Why losses come in bunches
    question: If each loan rarely fails, why can a pool of them lose a lot at once?
    summary: "A first chapter: one question, a chart from a model, a chart from a data file, a citation and a picture."
    takeaway: The average loss does not change with correlation; the bad years do.
    ---

    Write each chapter in plain Markdown. A citation looks like this [@vasicek-2002], and the first use of a
    glossary term such as correlation links to the glossary.

    ## A chart from a model

    A fenced block marked `chart` becomes a figure drawn at build time. `explainer models` lists the models,
    their parameters and their ranges. Scenarios become a toggle above the chart that works without JavaScript.

    ```chart
    id: loss-distribution
    title: "Same average loss, very different worst cases"
    caption: "As correlation rises, large pool losses become more likely while the average stays at 1.2 %. Illustrative model, not a forecast."
    model: tranching
    kind: area
    series: [lhp.lossDensity]
    labels: {lhp.lossDensity: Likelihood of each pool loss}
    x: {label: Pool loss, format: fraction}
    y: {label: Probability density}
    params: {p: 0.02, lgd: 0.6}
    scenarios:
      calm: {rho: 0.1}
      stressed: {rho: 0.6}
    ```

    ## A chart from a data file

    Put small CSV files in `content/data/` and name them in the block.

    ```chart
    id: example-series
    title: "An example series"
    caption: "Made-up numbers showing how a data file becomes a chart. Source: the starter site."
    data: example-series.csv
    kind: bar
    y: {label: Value}
    ```

    ## A picture

    Pictures live in `content/images/` and are written relative to the chapter:

    ![A diagram of three boxes joined by arrows](images/example-diagram.svg)

    Links between chapters are relative too, such as [back to the question](#the-question).

    """

private let starterImage = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 60" width="300" height="60" role="img">
    <title>Three boxes joined by arrows</title>
    <g fill="none" stroke="#1f4e79" stroke-width="2">
    <rect x="5" y="15" width="70" height="30" rx="4"/><rect x="115" y="15" width="70" height="30" rx="4"/>
    <rect x="225" y="15" width="70" height="30" rx="4"/><path d="M75 30h40M185 30h40"/>
    </g>
    </svg>

    """
