import Markdown
import Simulation

/// Builds the whole site from its source files: a pure function of its arguments.
///
/// Stages: parse config and chapters → check citations, ids and images → simulate and draw figures → lay out pages
/// and publishing files (robots.txt; sitemap and feed with a base URL) → check links. Every problem any stage finds is collected; nothing is returned unless all succeeded.
public func build(_ source: SourceTree, options: BuildOptions = BuildOptions()) throws(BuildFailure) -> OutputTree {
    var collector = DiagnosticCollector()
    let inputs = collector.collect { () throws(BuildFailure) in try SiteInputs.parse(source) }
    let templates = collector.collect { () throws(BuildFailure) in try TemplateSet(source.templates) }
    guard let inputs else {
        try collector.throwIfAny()
        throw BuildFailure([])
    }

    var chapters: [Chapter] = []
    var seenSlugs: [String: String] = [:]
    for file in source.chapters {
        let name = String(file.path.split(separator: "/").last!)
        guard let place = ChapterFile(fileName: name) else {
            collector.add(Diagnostic(file: file.path, line: 1, column: 1, message: "chapter file name '\(name)' does not follow NN-slug.md",
                                     hint: "name chapters like 05-four-steps.md: a number for the order, then lowercase words joined by hyphens"))
            continue
        }
        if let other = seenSlugs[place.slug] {
            collector.add(Diagnostic(file: file.path, line: 1, column: 1, message: "duplicate slug '\(place.slug)' (also used by \(other))",
                                     hint: "each chapter needs its own name after the number"))
            continue
        }
        seenSlugs[place.slug] = file.path
        let parsed = collector.collect { () throws(BuildFailure) in
            try parseChapter(file, place: place, terms: inputs.autolinkTerms, registry: options.registry)
        }
        if let parsed, !parsed.frontMatter.draft || options.includeDrafts { chapters.append(parsed) }
    }
    if chapters.isEmpty && collector.diagnostics.isEmpty {
        collector.add(Diagnostic(file: "content", line: 1, column: 1, message: "no chapters found",
                                 hint: "add a chapter such as content/01-introduction.md"))
    }
    collector.add(checkCitations(chapters, bibliography: inputs.bibliography))
    collector.add(checkFigureIDs(chapters))
    collector.add(checkImages(chapters, images: source.images))
    collector.add(checkDataFiles(chapters, data: source.data))
    try collector.throwIfAny()

    let builder = FigureBuilder(registry: options.registry, data: inputs.data)
    var figures: [String: RenderedFigure] = [:]
    for chapter in chapters {
        for request in chapter.figures {
            if let figure = collector.collect({ () throws(BuildFailure) in try builder.build(request) }) {
                figures[request.id] = figure
            }
        }
    }
    try collector.throwIfAny()

    var output = OutputTree()
    let layout = PageLayout(config: inputs.config, chapters: chapters, figures: figures, bibliography: inputs.bibliography,
                            glossary: inputs.glossary, templates: templates!, injectedScript: options.injectedScript)
    collector.collect { () throws(BuildFailure) in try layout.render(into: &output) }
    try collector.throwIfAny()
    for figure in figures.values {
        for variant in figure.variants { output.add(variant.csvPath, text: variant.csv) }
    }
    for asset in source.assets {
        let relative = asset.path.hasPrefix("templates/") ? String(asset.path.dropFirst("templates/".count)) : asset.path
        output[relative] = asset.bytes
    }
    for image in source.images {
        output[String(image.path.dropFirst("content/".count))] = image.bytes
    }
    for (path, text) in publishingFiles(config: inputs.config, chapters: chapters) { output.add(path, text: text) }
    var checker = LinkChecker(output: output, chapters: chapters)
    collector.add(checker.check())
    try collector.throwIfAny()
    return output
}

/// Every `[@key]` must be defined in sources.yml.
func checkCitations(_ chapters: [Chapter], bibliography: [String: SourceEntry]) -> [Diagnostic] {
    let known = bibliography.keys.sorted()
    return chapters.flatMap { chapter in
        chapter.rendered.citations.filter { bibliography[$0.key] == nil }.map { citation in
            Diagnostic(file: chapter.file, line: citation.line, column: citation.column,
                       message: "undefined citation key '\(citation.key)'",
                       hint: closestMatch(to: citation.key, among: known).map { "did you mean '\($0)'?" }
                           ?? "define it in content/sources.yml")
        }
    }
}

/// Figure ids name CSV files and page anchors, so they must be unique across the site.
func checkFigureIDs(_ chapters: [Chapter]) -> [Diagnostic] {
    var seen: [String: FigureRequest] = [:]
    var problems: [Diagnostic] = []
    for request in chapters.flatMap(\.figures) {
        if let first = seen[request.id] {
            problems.append(Diagnostic(file: request.file, line: request.line, column: request.column,
                                       message: "duplicate figure id '\(request.id)' (first used at \(first.file):\(first.line))",
                                       hint: "give each chart block its own id"))
        } else {
            seen[request.id] = request
        }
    }
    return problems
}
