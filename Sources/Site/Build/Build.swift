import Foundation
import Charts
import Markdown
import Simulation

/// Builds the whole site from its source files: a pure function of its arguments.
///
/// Stages: parse config and chapters → check citations, ids and images → simulate and draw figures → lay out pages
/// and publishing files (robots.txt; sitemap and feed with a base URL) → search index → check links. Every problem any stage finds is collected; nothing is returned unless all succeeded.
///
/// A site in several languages (site.yml's `languages:`) is built once per language (`buildEditions`).
public func build(_ source: consuming SourceTree, options: BuildOptions = BuildOptions()) throws(BuildFailure) -> OutputTree {
    let unmerged = unmergedFiles(source.templates + source.assets + source.translations)
    if !unmerged.isEmpty { throw BuildFailure(unmerged) }
    // site.yml's problems come alone: everything else is read by its settings (the languages, whose folders and
    // sources' titles in each language are then errors too), so guessing at them would only add false errors.
    var config: SiteConfig?
    if let file = source.config { config = try SiteConfig.parse(try decodeOrFail(file), file: file.path) }
    let languages = config?.editions ?? [SiteLanguage(code: "en")]
    var warnings: [Diagnostic] = []
    // A site's own translations are completed from explainer's (parsed once per process): those parse beside the site's.
    if !source.translations.isEmpty { _ = Background { Translations.shipped.count } }
    let translations = if let cache = options.parseCache {
        try cache.translations(source.translations, languages: languages, warnings: &warnings)
    } else {
        try loadTranslations(source.translations, languages: languages, warnings: &warnings)
    }
    warnings = warnings.map { placedAtLanguageCode($0, config: source.config, translations: source.translations) }
    if languages.count > 1 {
        warnings += unguardedXDefaultWarnings(source.templates)
        do throws(BuildFailure) {
            var output = try buildEditions(source, options: options, languages: languages, translations: translations)
            output.warnings = warnings + output.warnings
            return output
        } catch {
            var failure = error
            failure.adding(warnings: warnings)
            throw failure
        }
    }
    var problems = checkLanguageFolders(source, languages: languages)
    var options = options
    var editionWarnings: [Diagnostic] = []
    if !problems.isEmpty { options.pagesReady = nil }  // the build fails whatever the pages are
    do throws(BuildFailure) {
        let built = try buildEdition(consume source, options: options,
                                     edition: Edition(languages: languages, index: 0, translations: translations))
        if problems.isEmpty {
            var output = built.output
            output.warnings = warnings + output.warnings + unknownPageExtraKeys(built.extraTags, pages: built.pages)
            return output
        }
    } catch {
        problems = error.diagnostics + problems
        editionWarnings = error.warnings
    }
    throw BuildFailure(problems, warnings: warnings + editionWarnings)
}

/// site.yml's `updated` before a page's own date (`updated`, else `date`): the feed and the sitemap would date the
/// site earlier than its newest page.
func updatedBeforePages(_ config: SiteConfig, pages: [Chapter], file: String) -> [Diagnostic] {
    guard let updated = config.updated,
          let newest = pages.compactMap({ page in (page.frontMatter.updated ?? page.frontMatter.date).map { ($0, page.file) } })
            .max(by: { $0.0 < $1.0 }), newest.0 > updated else { return [] }
    return [Diagnostic(file: file, line: config.updatedPlace[0], column: config.updatedPlace[1],
                       message: "'updated' (\(updated)) is before \(newest.1)'s date (\(newest.0)): the feed and the sitemap "
                           + "would date the site earlier than its newest page",
                       hint: "write the day the content last changed: updated: \(newest.0) or later", severity: .warning)]
}

/// A language without a translations file is warned about where site.yml names it (`language: es`, `- code: es`),
/// not in the file it lacks, which the writer cannot open.
func placedAtLanguageCode(_ warning: Diagnostic, config: SourceFile?, translations: [SourceFile]) -> Diagnostic {
    let prefix = "no translations for language '"
    guard warning.message.hasPrefix(prefix), !translations.contains(where: { $0.path == warning.file }), let config,
          let code = warning.message.dropFirst(prefix.count).split(separator: "'").first else { return warning }
    let lines = String(decoding: config.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
        let text = line.drop { $0 == " " || $0 == "-" }
        for key in ["code:", "language:"] where text.hasPrefix(key) {
            let value = text.dropFirst(key.count).drop { $0 == " " }
            guard value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) == code else { continue }
            var placed = warning
            placed.file = config.path
            placed.line = index + 1
            placed.column = line.distance(from: line.startIndex, to: value.startIndex) + 1
            return placed
        }
    }
    return warning
}

/// One language's pages, with every check of a one-language site (links and internal strings only when it is the
/// site's only language: a multilingual site checks them once over every language's pages). Also returns every page
/// built (chapters, pages, the home page's introduction), for the checks between languages, and the templates'
/// `{{extra.…}}` tags, for the check of them against every language's pages.
func buildEdition(_ source: consuming SourceTree, options: BuildOptions, edition: Edition?) throws(BuildFailure)
    -> EditionBuild {
    var collector = DiagnosticCollector()
    // The templates parse on a thread of their own, beside the site's files.
    let templateFiles = source.templates
    let parsingTemplates = options.templateCache != nil ? nil
        : Background { Result { () throws(BuildFailure) in try TemplateSet(templateFiles) } }
    let parsedInputs = collector.collect { () throws(BuildFailure) in
        if let cache = options.parseCache { return try cache.inputs(source) }
        return try SiteInputs.parse(source, partial: true)
    }
    // A broken sources.yml, glossary or data file does not stop the build before the chapters: their front matter,
    // citations and Markdown, and the figures of the other data files, are checked in the same run, as a compiler
    // reports every file's errors.
    if let problems = parsedInputs?.problems { collector.add(problems) }
    let inputs = parsedInputs.map { inputs in
        var inputs = inputs
        if let edition {
            inputs.config = edition.configure(inputs.config)
            inputs.bibliography = inputs.bibliography.mapValues { $0.localized(edition.language.code) }
        }
        return inputs
    }
    let templates = collector.collect { () throws(BuildFailure) in
        if let cache = options.templateCache { return try cache.templates(source.templates) }
        return try parsingTemplates!.value().get()
    }
    guard let inputs else {
        try collector.throwIfAny()
        throw BuildFailure([])
    }
    options.timings?.end("site files and templates")

    var places: [(file: SourceFile, place: ChapterFile)] = []
    var seenSlugs: [String: String] = [:]
    // Folders the site writes itself, which a page's slug must not take; a chapter's must not take those with a page
    // of their own (its index.html would replace that page, or be replaced).
    var taken = ChapterFile.reservedSlugs
    var takenByPages: Set<String> = ["sources", "glossary", "gallery", "search"]
    if source.numbers != nil { taken.insert("numbers"); takenByPages.insert("numbers") }
    if source.corrections != nil { taken.insert("corrections"); takenByPages.insert("corrections") }
    // The default language's pages share the site's root with the other languages' folders.
    let languagePaths = (edition?.index ?? 0) == 0
        ? Dictionary(inputs.config.languages.filter { !$0.path.isEmpty }.map { ($0.path, $0.code) }, uniquingKeysWith: { first, _ in first })
        : [:]
    // Text files beside the chapters (`60-more.md.txt`), which are not read.
    var textFiles: [Diagnostic] = []
    for file in source.chapters {
        let name = fileName(file.path)
        if isTextFile(name) {
            textFiles.append(textFileWarning(path: file.path, name: name))
            continue
        }
        if hasOtherMarkdownExtension(name) {
            collector.add(otherMarkdownExtensionDiagnostic(path: file.path, name: name))
            continue
        }
        guard let place = ChapterFile(fileName: name) else {
            collector.add(Diagnostic(file: file.path, line: 1, column: 1,
                                     message: "file name '\(name)' is neither a chapter (NN-slug.md) nor a page (slug.md)",
                                     hint: (validFileName(for: name).map { "rename it to \($0): " } ?? "")
                                         + "name chapters like 05-high-tide.md (a number for the order, then lowercase words "
                                         + "joined by hyphens) and pages like about.md"
                                         + (!name.unicodeScalars.contains { !$0.isASCII } ? ""
                                            // Latin letters with accents have a name proposed: the rest is for other scripts.
                                            : validFileName(for: name) != nil ? "; file names are ASCII, since they are the pages' addresses"
                                            : "; file names are ASCII, since they are the pages' addresses: write a Chinese, Japanese or "
                                                + "other title in the front matter and name the file in Latin letters (04-bank-run.md or "
                                                + "pinyin, 04-yinhang-jidui.md)")))
            continue
        }
        if place.kind == .page ? taken.contains(place.slug) : takenByPages.contains(place.slug) {
            let noun = place.kind == .page ? "a page" : "a chapter"
            let example = place.kind == .page ? "\(place.slug)-notes.md" : name.dropLast(3) + "-notes.md"
            collector.add(Diagnostic(file: file.path, line: 1, column: 1,
                                     message: "\(noun) cannot be called '\(place.slug)': the site uses \(place.slug)/ itself",
                                     hint: "choose another name, e.g. \(example)"))
            continue
        }
        if let code = languagePaths[place.slug] {
            collector.add(Diagnostic(file: file.path, line: 1, column: 1,
                                     message: "'\(place.slug)/' is both this page's folder and the folder of the language '\(code)' (its 'path' in site.yml)",
                                     hint: "rename the file, or give the language another path in content/site.yml (e.g. its code in lower case)"))
            continue
        }
        if let other = seenSlugs[place.slug] {
            collector.add(Diagnostic(file: file.path, line: 1, column: 1, message: "duplicate slug '\(place.slug)' (also used by \(other))",
                                     hint: "each chapter and page needs its own name (after the number, for chapters)"))
            continue
        }
        seenSlugs[place.slug] = file.path
        places.append((file, place))
    }
    // Chapters are ordered by their number prefix (then name), whatever its width: 9- comes before 10-.
    places.sort { ($0.place.number, $0.file.path) < ($1.place.number, $1.file.path) }
    collector.add(checkChapterNumbers(places.map { ($0.file.path, $0.place) }))
    let words = edition.flatMap { $0.translations.isEmpty ? nil : $0.words } ?? .english
    // The starter's examples left beside the writer's own chapters, found before the chapters' bytes are let go.
    let leftovers = (edition?.index ?? 0) == 0 ? starterLeftovers(source, siteImage: inputs.config.image) : []
    // Without the preview server's caches, a chapter file's bytes are not needed once it is parsed (its parse result
    // has what the pages need): they are let go, but for a file that may hold an internal marker, whose lines the
    // internal-strings check quotes. Which those are is found beside the parse.
    let dropsChapterBytes = options.parseCache == nil && options.pageCache == nil && options.searchCache == nil
    let markers = MarkerFinder(internalMarkers)
    // Chapters parse independently: on all cores, then collected in order. Bytes that are let go are handed over to
    // the parse of their file (`places` and `source` keep none of them), so each goes as soon as its file is parsed.
    let parsing = places
    if dropsChapterBytes {
        for index in places.indices { places[index].file.bytes = [] }
        for index in source.chapters.indices { source.chapters[index].bytes = [] }
    }
    var parsedFiles = concurrentMap(handingOver: consume parsing) { file, place -> (chapter: Result<Chapter, BuildFailure>, kept: [UInt8]?) in
        let terms = place.kind == .home ? inputs.autolinkTermsAtRoot : inputs.autolinkTerms
        if let cache = options.parseCache {
            return (cache.chapter(file, place: place, terms: terms, registry: options.registry, siteRoot: edition?.up ?? "",
                                  words: words), nil)
        }
        let kept = dropsChapterBytes && markers.mayHold(file.bytes) ? file.bytes : nil
        do throws(BuildFailure) {
            return (.success(try parseChapter(file, place: place, terms: terms, registry: options.registry,
                                              siteRoot: edition?.up ?? "", words: words)), kept)
        } catch {
            return (.failure(error), kept)
        }
    }
    options.parseCache?.retainOnly(Set(places.map(\.file.path)))
    if dropsChapterBytes {
        // A file that may hold an internal marker keeps its bytes: the internal-strings check quotes its lines.
        let kept = Dictionary(zip(places, parsedFiles).compactMap { place, parsed in parsed.kept.map { (place.file.path, $0) } },
                              uniquingKeysWith: { first, _ in first })
        for index in places.indices { if let bytes = kept[places[index].file.path] { places[index].file.bytes = bytes } }
        for index in source.chapters.indices { if let bytes = kept[source.chapters[index].path] { source.chapters[index].bytes = bytes } }
    }
    var parsed = parsedFiles.map(\.chapter)
    parsedFiles = []
    // A chapter or page whose own text has an error still exists: numbers.yml and corrections.yml may name it.
    let failedFiles = zip(places, parsed).compactMap { place, result -> String? in
        if case .failure = result, place.place.kind != .home { return fileName(place.file.path) } else { return nil }
    }
    options.timings?.end("chapters parsed")
    var chapters: [Chapter] = []
    var pages: [Chapter] = []
    var home: Chapter?
    var draftFiles: Set<String> = [], draftsIncluded: Set<String> = []
    // The drafts citing each source (the first), for the warning about sources no page cites.
    var draftCitations: [String: String] = [:]
    // A chapter whose text could not be read cites and charts what no one knows: warnings about sources no page cites
    // and data files no chart uses would then be false.
    var someFileFailed = false
    // The data files the charts name, drafts' included: the others are used by none.
    var chartedData: Set<String> = []
    for result in parsed {
        switch result {
        case .success(var chapter):
            collector.add(chapter.errors)
            for request in chapter.figures { if case .data(let file) = request.source { chartedData.insert(file) } }
            if chapter.frontMatter.draft && options.includeDrafts { draftsIncluded.insert(chapter.file) }
            guard !chapter.frontMatter.draft || options.includeDrafts else {
                draftFiles.insert(chapter.file)
                for citation in chapter.rendered.citations where draftCitations[citation.key] == nil {
                    draftCitations[citation.key] = fileName(chapter.file)
                }
                continue
            }
            switch chapter.kind {
            case .chapter:
                // The number shown is the chapter's place among those built: 1, 2, 3 … whatever the prefixes.
                chapter.number = chapters.count + 1
                chapters.append(chapter)
            case .page: pages.append(chapter)
            case .home: home = chapter
            }
        case .failure(let failure):
            collector.add(failure.diagnostics)
            someFileFailed = true
        }
    }
    parsed = []
    // A file without a number is a page, and a page shows no question or takeaway: a chapter renamed so (delivery.md
    // for 60-delivery.md) would leave the chapters without a word.
    let chapterNames = places.filter { $0.place.kind == .chapter }.map { fileName($0.file.path) }
    for index in pages.indices where pages[index].frontMatter.question != nil || pages[index].frontMatter.takeaway != nil {
        pages[index].warnings.append(pageWithChapterKeysWarning(pages[index], chapterNames: chapterNames))
    }
    if let page = pages.first, let templates, !templates.has("page") {
        collector.add(Diagnostic(file: page.file, line: 1, column: 1,
                                 message: "'\(page.file)' is a standalone page, and the site has no templates/page.mustache",
                                 hint: "add it from a new site: `explainer templates diff page.mustache` shows it, "
                                     + "`explainer templates update page.mustache` writes it"))
    }
    // Links to chapter files (`02-the-run.md#step-3`) become links to their pages.
    let linkTargets = places.map { file, place in
        ChapterFileTarget(path: file.path, name: fileName(file.path), slug: place.slug,
                          kind: place.kind, isDraft: draftFiles.contains(file.path))
    }
    // Links to pictures and charts' data written as images are (`images/map.png`) lead from the page's folder.
    var figureFiles: [(id: String, dataFile: String?)] = []
    for group in [chapters, pages, home.map { [$0] } ?? []] {
        for request in group.lazy.flatMap(\.figures) {
            if case let .data(file) = request.source { figureFiles.append((request.id, file)) } else { figureFiles.append((request.id, nil)) }
        }
    }
    func resolveLinks(_ group: inout [Chapter]) {
        collector.add(resolveChapterFileLinks(&group, files: linkTargets))
        collector.add(resolveContentFileLinks(&group, images: source.images, data: source.data, figures: figureFiles,
                                              siteRoot: edition?.up ?? ""))
    }
    resolveLinks(&chapters)
    resolveLinks(&pages)
    if let page = home {
        var homeOnly = [page]
        resolveLinks(&homeOnly)
        home = homeOnly[0]
    }
    // Pages and the home page's introduction go through every check a chapter does.
    var everyPage = chapters + pages + (home.map { [$0] } ?? [])
    if chapters.isEmpty && collector.diagnostics.isEmpty {
        collector.add(Diagnostic(file: "content", line: 1, column: 1, message: "no chapters found",
                                 hint: "add a chapter such as content/10-introduction.md, a Markdown file that starts with front matter "
                                     + "(---, title: Introduction, ---); NN orders the chapters (10-, 20- leave room)"))
    }
    // Against a sources.yml that could not be read, every citation would be unknown: those wait for it to be fixed.
    let cited = CitedKeys(everyPage)
    if !inputs.bibliographyFailed { collector.add(checkCitations(everyPage, cited: cited, bibliography: inputs.bibliography)) }
    // Sources are shared by every language: checked once, with every language's words.
    if (edition?.index ?? 0) == 0 && !inputs.bibliographyFailed {
        collector.add(checkSourceLanguages(inputs.bibliography, translations: edition?.translations ?? []))
        collector.add(misspeltSourceKeys(cited, bibliography: inputs.bibliography, file: source.sources?.path ?? "content/sources.yml"))
    }
    let markdownProblems = checkMarkdownProblems(everyPage, allowRawHTML: inputs.config.rawHTML)
    collector.add(markdownProblems.filter { $0.severity == .error })
    // A draft left out of this build still exists: numbers and corrections may name it (QA 17 S3: they were told to
    // correct a file name that was right).
    let stem = { (name: String) in name.hasSuffix(".md") ? String(name.dropLast(3)) : name }
    let draftStems = draftFiles.sorted().map { stem(fileName($0)) }
    let chapterFiles = chapters.map(\.fileStem) + pages.map(\.fileStem) + failedFiles.map(stem) + draftStems
    if let numbers = inputs.numbers, !inputs.bibliographyFailed {
        collector.add(numbers.check(bibliography: inputs.bibliography, chapterFiles: chapterFiles))
    }
    collector.add(checkCorrections(inputs.corrections, file: inputs.correctionsFile, chapterFiles: chapterFiles))
    // The log published with this build leaves out a correction of a draft left out of it, as the numbers page leaves
    // out its numbers: readers cannot open that page (recheck 17: it was listed as a correction of "the whole site").
    let leftOut = Set(draftStems)
    let publishedCorrections = inputs.corrections.filter { correction in correction.chapter.map { !leftOut.contains($0) } ?? true }
    if let templates {
        for (name, present, file) in [("numbers", inputs.numbers != nil, source.numbers?.path),
                                      ("corrections", !inputs.corrections.isEmpty, source.corrections?.path)]
            where present && !templates.has(name) {
            collector.add(Diagnostic(file: file ?? "content", line: 1, column: 1,
                                     message: "'\(file ?? name)' needs templates/\(name).mustache",
                                     hint: "add it from a new site: `explainer templates update \(name).mustache` writes it"))
        }
    }
    let figureIDProblems = checkFigureIDs(everyPage, copies: edition?.fallbackFiles ?? [])
    collector.add(figureIDProblems)
    collector.add(checkImages(everyPage, images: source.images))
    collector.add(checkPreviewImages(everyPage, config: inputs.config, images: source.images))
    let dataFileProblems = checkDataFiles(everyPage, data: source.data)
    collector.add(dataFileProblems)
    let unusedData = (edition?.index ?? 0) == 0
        ? unusedDataFileWarnings(source.data, charted: chartedData, otherTexts: source.localized + (source.dataNotes.map { [$0] } ?? []))
        : []
    let (sourcesFile, images) = (source.sources?.path ?? "content/sources.yml", source.images)
    let configFile = source.config?.path ?? "content/site.yml"
    /// The warnings of the pages, their figures (those drawn) and the site's files: the build's, and given with the
    /// errors if it stops (a warning may explain an error, as a compiler's do).
    func warnings(_ everyPage: [Chapter], figures: [String: RenderedFigure], requests: [FigureRequest]) -> [Diagnostic] {
        var warnings = everyPage.flatMap(\.warnings) + citationsWithoutAt(everyPage, bibliography: inputs.bibliography)
            + markdownProblems.filter { $0.severity == .warning }
            + requests.flatMap { figures[$0.id]?.warnings ?? [] }
            + ((edition?.index ?? 0) == 0 ? inputs.config.warnings
                + (someFileFailed ? [] : uncitedSources(cited, bibliography: inputs.bibliography, file: sourcesFile, drafts: draftCitations))
                + heavyImageWarnings(everyPage, images: images) + mislabelledImageWarnings(images) + leftovers + textFiles
                + updatedBeforePages(inputs.config, pages: everyPage, file: configFile) : [])
        // Shared files (the data folder) are checked with the default language's pages only: a translation's charts
        // draw the same data with the same formats, and would give each warning again.
        if (edition?.index ?? 0) == 0 {
            warnings += fractionFormatWarnings(everyPage, data: inputs.data) + (someFileFailed ? [] : unusedData)
                + suspectCellWarnings(everyPage, data: inputs.data) + thousandsDotWarnings(everyPage, data: inputs.data)
        }
        return warnings
    }
    // A data file no chart uses that has problems of its own: say so beside them (fixing it may not be worth it).
    let filesWithProblems = Set(collector.diagnostics.map(\.file))
    collector.add(unusedData.filter { filesWithProblems.contains($0.file) })
    // The figures are drawn (and their data files' cells checked) whatever else is wrong, so one run lists a bad cell
    // beside a broken link or a chapter's mistake; not when their own inputs are wrong (an id used twice, a data file
    // named that does not exist), which would make their problems wrong or the same again.
    if !figureIDProblems.isEmpty || !dataFileProblems.isEmpty {
        collector.warnings += warnings(everyPage, figures: [:], requests: [])
        try collector.throwIfAny()
    }
    let checksPassed = collector.diagnostics.isEmpty
    options.timings?.end("checks")

    var figures: [String: RenderedFigure] = [:]
    // A figure whose data file could not be read is left out: that file's problems are reported at the file.
    let requests = everyPage.flatMap(\.figures).filter { request in
        if case .data(let file) = request.source { return inputs.data[file] != nil }
        return true
    }
    // A translation's figures draw on the data files the default language's writer annotated.
    let notesLanguage = edition.flatMap { $0.index > 0 ? $0.languages[0].code : nil }
    // With a chapter that failed, the figure cache keeps that chapter's figures for the next build.
    for (request, result) in zip(requests, buildFigures(requests, data: inputs.data, options: options, words: words,
                                                        notesLanguage: notesLanguage, retainingOnlyThese: checksPassed)) {
        switch result {
        case .success(let figure): figures[request.id] = figure
        case .failure(let failure): collector.add(failure.diagnostics)
        }
    }
    let builtWarnings = warnings(everyPage, figures: figures, requests: requests)
    collector.warnings += builtWarnings
    try collector.throwIfAny()
    options.timings?.end("figures")

    if inputs.config.gallery && !templates!.has("gallery") {
        collector.add(Diagnostic(file: "content/site.yml", line: 1, column: 1,
                                 message: "'gallery: true' needs templates/gallery.mustache",
                                 hint: "copy it from a new site (`explainer templates diff` shows what differs), or remove 'gallery: true'"))
    }
    // The gallery is the writer's chart reference, in explainer's English as `explainer charts` prints it: built once,
    // with the default language's pages, not per language.
    let gallery: [GalleryItem] = inputs.config.gallery && templates!.has("gallery") && (edition?.index ?? 0) == 0
        ? (collector.collect { () throws(BuildFailure) -> [GalleryItem] in
            let draw = { () throws(BuildFailure) -> [GalleryItem] in try galleryItems(words: words) }
            guard let cache = options.figureCache else { return try draw() }
            return try cache.galleryItems(words: words, make: draw)
        } ?? []) : []
    var output = OutputTree()
    // Only a one-language site's pages have their final paths here (`buildEditions` moves the others'): those are
    // written as soon as they are laid out, and the search index's files as soon as they are made.
    let staged = edition.map({ $0.languages.count == 1 }) ?? true ? options.staged : nil
    // Such a build (without the preview server's caches) lays each page out once, and makes its search documents
    // once: the chapters' and pages' bodies, most of their parse results, are taken out of them, and each goes as soon
    // as its page and its search documents are made rather than when the build ends.
    let bodies: ChapterBodies?
    if staged != nil && options.pageCache == nil && options.searchCache == nil {
        var bodied = chapters + pages
        bodies = ChapterBodies(taking: &bodied, users: inputs.config.search ? 2 : 1)
        chapters = Array(bodied[..<chapters.count])
        pages = Array(bodied[chapters.count...])
        // Made again once the pages are laid out (for the link check): not a third copy of the chapters' array beside
        // the layout's and the search's.
        everyPage = []
    } else {
        bodies = nil
    }
    var layout = PageLayout(config: inputs.config, chapters: chapters, pages: pages, home: home, figures: figures,
                            bibliography: inputs.bibliography, numbers: inputs.numbers, corrections: publishedCorrections,
                            glossary: inputs.glossary, gallery: gallery, templates: templates!, injectedScript: options.injectedScript,
                            edition: edition ?? Edition(languages: [SiteLanguage(code: inputs.config.language)], index: 0, translations: []))
    layout.inlineStyle = source.assets.first { $0.path == "templates/assets/site.css" }
        .map { String(decoding: inputs.config.trimScripts ? trimmedStylesheet($0.bytes) : $0.bytes, as: UTF8.self) + "\n" + chartStylesheet }
    layout.pageCache = options.pageCache
    layout.staged = staged
    layout.bodies = bodies
    if options.pageCache != nil || options.searchCache != nil {
        layout.chapterDigests = chapterDigests(everyPage, source: source, language: inputs.config.language, siteRoot: edition?.up ?? "",
                                               includeDrafts: options.includeDrafts, linkTargets: linkTargets)
    }
    // The search index needs the pages' Markdown and the headings of the sources and glossary pages, nothing else: it is
    // built on a thread of its own from when the layout starts, beside the pages and the link check (much of it runs on
    // one core), and waits for those two pages only when it names them (after every chapter's documents, without a
    // cache), so the layout may lay them out at any point.
    var search: Background<[(path: String, file: MadeFile)]>?
    let listPages = inputs.config.search ? Handover<OutputTree>() : nil
    if let listPages {
        let searched = (chapters: chapters, pages: pages, home: home, digests: layout.chapterDigests,
                        logPages: (numbers: inputs.numbers != nil && layout.templates.has("numbers"),
                                   corrections: layout.templates.has("corrections") ? publishedCorrections : []))
        // In the preview the index is made once the pages are shown (`pagesReady`), so that until then the pages have
        // every core: a rebuild's reload comes sooner, and the index (swapped in quietly) a little later.
        search = Background(deferred: options.pagesReady != nil) {
            // Each file's text becomes its bytes (written into the staging folder) as soon as it is made, beside the
            // pages, and is let go at once: the files are never all held as text.
            let markers = MarkerFinder(internalMarkers)
            return siteSearchFiles(chapters: searched.chapters, pages: searched.pages, home: searched.home, glossary: inputs.glossary,
                                   bibliography: inputs.bibliography, config: inputs.config, words: words,
                                   logPages: searched.logPages,
                                   listPages: { listPages.value() }, cache: options.searchCache, digests: searched.digests,
                                   bodies: bodies) { path, text in
                let bytes = Array(text.utf8)
                return staged?.keep(path, bytes, markers: markers) ?? .held(bytes)
            }
        }
    }
    collector.collect { () throws(BuildFailure) in
        try layout.render(into: &output, listPagesRendered: listPages.map { listPages in { listPages.give($0) } })
    }
    // Whatever happened in the layout, the index is never left waiting for the two pages (it then names them by path).
    listPages?.give(OutputTree())
    options.pageCache?.retainUsed()
    if collector.diagnostics.isEmpty {
        collector.add(templates!.unknownVariables())
        collector.add(templates!.unknownKeys(words: words, extra: Set(inputs.config.extra.keys)))
    }
    try collector.throwIfAny()
    options.timings?.end("pages laid out")
    if bodies != nil { everyPage = chapters + pages + (home.map { [$0] } ?? []) }
    for figure in figures.values {
        for variant in figure.variants {
            output.add(variant.csvPath, text: withLicence(variant.csv, config: inputs.config, words: words))
        }
    }
    // Its first line is how a later build knows the folder as explainer's output (`OutputFolder`): kept, trimmed or not.
    output.add("assets/charts.css", text: "/* Chart styles (generated by explainer from its chart theme). */\n" + chartStylesheet + "\n")
    for asset in source.assets {
        let relative = asset.path.hasPrefix("templates/") ? String(asset.path.dropFirst("templates/".count)) : asset.path
        // Scripts lose their comment lines and indentation (`trimmedScript`), stylesheets their comments
        // (`trimmedStylesheet`), unless site.yml says `trimScripts: false`.
        output[relative] = !inputs.config.trimScripts ? asset.bytes
            : relative.hasSuffix(".js") ? trimmedScript(asset.bytes) : relative.hasSuffix(".css") ? trimmedStylesheet(asset.bytes) : asset.bytes
    }
    // Published under the name's composed form (NFC), which pages link to: a name saved on a Mac comes decomposed
    // (`U` and a combining diaeresis for `Ü`), which a Linux server would not find by the link's bytes.
    for image in source.images {
        output[String(image.path.dropFirst("content/".count)).precomposedStringWithCanonicalMapping] = image.bytes
    }
    // A page a language shows untranslated (`fallback: true`) is the default language's, not this one's: the sitemap
    // and the feed leave it out.
    let untranslated = { (file: String) in edition.map { $0.fallbackFiles.contains(file) || $0.isFallback(file) } ?? false }
    let moreFolders = ["numbers/", "corrections/"].filter { output[$0 + "index.html"] != nil && !untranslated($0.dropLast() + ".yml") }
    for (path, text) in publishingFiles(config: inputs.config, chapters: chapters.filter { !untranslated($0.file) },
                                        pages: pages.filter { !untranslated($0.file) }, moreFolders: moreFolders,
                                        glossary: !untranslated("glossary.yml"), corrections: publishedCorrections) {
        output.add(path, text: text)
    }
    options.timings?.end("data files, assets, sitemap")
    let checksLinks = edition.map { $0.languages.count == 1 } ?? true
    var linkProblems = checksLinks ? LinkChecker(output: output, chapters: everyPage, verdicts: options.pageCache?.links).check() : []
    options.timings?.end("links checked")
    if let pagesReady = options.pagesReady, search != nil, checksLinks, linkProblems.isEmpty,
       checkInternalStrings(output, source: source, verdicts: options.pageCache?.internalStrings, partial: true).isEmpty {
        pagesReady(output)  // every check the pages get has passed; the index's files are checked when they come
        options.timings?.end("pages handed over")
    }
    if checksLinks { search?.start() }
    // A language of a multilingual site: `buildEditions` shows every language's pages first, then adds the index.
    var handedOver: PendingIndex?
    if let pending = search, options.pagesReady != nil, !checksLinks {
        handedOver = PendingIndex(files: pending, cache: options.searchCache)
        search = nil
    }
    if let files = search?.value() {
        search = nil  // the files' bytes are then held by the output only
        for (path, file) in files { output.add(path, file) }
        options.searchCache?.retainUsed()
        // Links were checked without the index's files: a link to one of them is checked again now that it exists.
        if !linkProblems.isEmpty { linkProblems = LinkChecker(output: output, chapters: everyPage, verdicts: options.pageCache?.links).check() }
    }
    options.timings?.end("search index (waited for)")
    if checksLinks {
        collector.add(checkInternalStrings(output, source: source, verdicts: options.pageCache?.internalStrings))
        collector.add(templateLinkProblems(linkProblems, templates: source.templates))
        collector.add(remoteResourceProblems(templates: source.templates, assets: source.assets))
        options.timings?.end("internal strings checked")
    }
    if !collector.diagnostics.isEmpty { _ = handedOver?.value() }  // a failed build's index thread ends before the build
    try collector.throwIfAny()
    output.warnings = builtWarnings
    output.draftsLeftOut = draftFiles.sorted()
    output.draftsIncluded = draftsIncluded.sorted()
    return (output, everyPage, handedOver, templates!.pageExtraTags)
}

/// What `buildEdition` returns.
typealias EditionBuild = (output: OutputTree, pages: [Chapter], index: PendingIndex?, extraTags: [String: [TemplateTag]])

/// A language's search index still being made, when its pages are shown first (`BuildOptions.pagesReady`).
struct PendingIndex: Sendable {
    fileprivate let files: Background<[(path: String, file: MadeFile)]>
    fileprivate let cache: SearchCache?

    /// Lets the index be made, if it waits for the pages to be shown.
    func start() {
        files.start()
    }

    /// The index's files, once made (paths within the language's part of the site).
    func value() -> [(path: String, file: MadeFile)] {
        defer { cache?.retainUsed() }
        return files.value()
    }
}

/// The keys the pages cite, in the order of their citations, and how many times each is cited.
struct CitedKeys {
    let inOrder: [String]
    let uses: [String: Int]

    init(_ chapters: [Chapter]) {
        inOrder = chapters.flatMap { $0.rendered.citations.map(\.key) }
        uses = Dictionary(inOrder.map { ($0, 1) }, uniquingKeysWith: +)
    }

    func contains(_ key: String) -> Bool { uses[key] != nil }
}

/// Every `[@key]` must be defined in sources.yml.
func checkCitations(_ chapters: [Chapter], cited: CitedKeys, bibliography: [String: SourceEntry]) -> [Diagnostic] {
    let known = bibliography.keys.sorted()
    let uses = cited.uses
    return chapters.flatMap { chapter in
        chapter.rendered.citations.filter { bibliography[$0.key] == nil }.map { citation in
            Diagnostic(file: chapter.file, line: citation.line, column: citation.column,
                       message: "undefined citation key '\(citation.key)'",
                       hint: closestMatch(to: citation.key, among: known).map { closest in
                           "did you mean '\(closest)'?" + (cited.contains(closest) || uses[citation.key, default: 0] < 2 ? ""
                               : " (or rename that source in content/sources.yml: no page cites it)")
                       } ?? "define it in content/sources.yml")
        }
    }
}

/// A source no page cites whose key is close to a key cited more than once and that no source has: most likely one
/// typo, in sources.yml rather than at each citation. One problem at the source's line, beside the citations' own, says
/// the key there may be the one to fix.
func misspeltSourceKeys(_ cited: CitedKeys, bibliography: [String: SourceEntry], file: String) -> [Diagnostic] {
    let uses = cited.uses
    var unknown: [String] = []
    for key in cited.inOrder where bibliography[key] == nil && uses[key, default: 0] >= 2 && !unknown.contains(key) { unknown.append(key) }
    let uncited = bibliography.keys.filter { !cited.contains($0) }.sorted()
    var reported: Set<String> = []
    return unknown.compactMap { key -> Diagnostic? in
        guard let closest = closestMatch(to: key, among: bibliography.keys.sorted()), uncited.contains(closest),
              let entry = bibliography[closest], reported.insert(closest).inserted else { return nil }
        return Diagnostic(file: file, line: entry.line, column: 1,
                          message: "source '\(closest)' is cited on no page, while pages cite '\(key)', which no source has",
                          hint: "if this key is the misspelt one, rename it to '\(key)'; if the citations are, correct them "
                              + "to [@\(closest)]")
    }.sorted { $0.line < $1.line }
}

/// Sources no page cites: the sources page would list them among "every source cited on this site". A warning: a
/// source may be kept for a chapter still being written.
/// `drafts`: for a source a draft left out cites, that draft's file name.
func uncitedSources(_ cited: CitedKeys, bibliography: [String: SourceEntry], file: String,
                    drafts: [String: String] = [:]) -> [Diagnostic] {
    return bibliography.values.filter { !cited.contains($0.key) }.sorted { $0.line < $1.line }.map { entry in
        if let draft = drafts[entry.key] {
            return Diagnostic(file: file, line: entry.line, column: 1,
                              message: "source '\(entry.key)' is cited only by the draft \(draft), which is left out, but the sources "
                                  + "page lists it among the sources cited",
                              hint: "it is cited once the draft is published (or built with --drafts); until then, cite it on a "
                                  + "published page or leave it listed", severity: .warning)
        }
        return Diagnostic(file: file, line: entry.line, column: 1,
                   message: "source '\(entry.key)' is cited on no page, but the sources page lists it among the sources cited",
                   hint: "cite it with [@\(entry.key)] where the text relies on it, or remove it from sources.yml", severity: .warning)
    }
}

/// `[key]` (or `@key` without brackets) where `key` names a source: most likely a citation whose `@` (or brackets) was
/// forgotten, printed as written. A warning, not an error: brackets around a word are ordinary text too, and `\[key]`
/// keeps them without one.
func citationsWithoutAt(_ chapters: [Chapter], bibliography: [String: SourceEntry]) -> [Diagnostic] {
    chapters.flatMap { chapter in
        chapter.rendered.possibleCitations.filter { bibliography[$0.key] != nil }.map { possible in
            possible.bare
            ? Diagnostic(file: chapter.file, line: possible.line, column: possible.column,
                         message: "'@\(possible.key)' looks like a citation without brackets: '\(possible.key)' is a source, but "
                             + "the page shows '@\(possible.key)' as text and gives it no note",
                         hint: "write [@\(possible.key)] to cite it as a note; to keep the '@' as text, write \\@\(possible.key)",
                         severity: .warning)
            : Diagnostic(file: chapter.file, line: possible.line, column: possible.column,
                       message: "'[\(possible.key)]' looks like a citation without '@': '\(possible.key)' is a source, but "
                           + "the page shows the brackets as text",
                       hint: "write [@\(possible.key)] to cite it as a note (with a page: [@\(possible.key), p. 4]); to keep the "
                           + "brackets as text, write \\[\(possible.key)]",
                       severity: .warning)
        }
    }
}

/// Figure ids name CSV files and page anchors, so they must be unique across the site.
///
/// `copies`: the files a language publishes untranslated from the default language's. A clash with one of them is
/// not reported in that language: the default language's build reports it at its source, or, if the translation
/// alone clashes (an id its original lacks), the check of translated pages does, at the translation.
func checkFigureIDs(_ chapters: [Chapter], copies: Set<String> = []) -> [Diagnostic] {
    var seen: [String: FigureRequest] = [:]
    var problems: [Diagnostic] = []
    for request in chapters.flatMap(\.figures) {
        if let first = seen[request.id] {
            if copies.contains(request.file) || copies.contains(first.file) { continue }
            problems.append(Diagnostic(file: request.file, line: request.line, column: request.column,
                                       message: "duplicate figure id '\(request.id)' (first used at \(first.file):\(first.line))",
                                       hint: "give each chart block its own id"))
        } else {
            seen[request.id] = request
        }
    }
    return problems
}

/// Simulates and draws every figure, on all cores; results come back in request order, so the output does not
/// depend on scheduling. Figures found in `options.figureCache` are reused.
/// `notesLanguage`: the language the data files' `# ` lines are written in (the default language's) when it is not
/// `words`' (a translation's figures).
/// `retainingOnlyThese`: whether the cache then drops every other figure (not when some pages failed, whose figures
/// are not among `requests`).
func buildFigures(_ requests: [FigureRequest], data: [String: DataTable], options: BuildOptions, words: Translations = .english,
                  notesLanguage: String? = nil, retainingOnlyThese: Bool = true) -> [Result<RenderedFigure, BuildFailure>] {
    var configured = FigureBuilder(registry: options.registry, data: data)
    configured.words = words
    configured.notesLanguage = notesLanguage
    let builder = configured
    let tables = requests.map { request -> DataTable? in
        if case .data(let file) = request.source { return data[file] }
        return nil
    }
    let results = concurrentMap(Array(requests.indices)) { index -> Result<RenderedFigure, BuildFailure> in
        let request = requests[index]
        if let cached = options.figureCache?.figure(for: request, data: tables[index], words: words, notesLanguage: notesLanguage) {
            return .success(cached)
        }
        do throws(BuildFailure) {
            let figure = try builder.build(request)
            options.figureCache?.store(figure, for: request, data: tables[index], words: words, notesLanguage: notesLanguage)
            return .success(figure)
        } catch {
            return .failure(error)
        }
    }
    if retainingOnlyThese { options.figureCache?.retainOnly(ids: Set(requests.map(\.id))) }
    return results
}

/// A CSV download with the data licence (site.yml's `dataLicence`, with its address) as the last of its `# ` lines.
func withLicence(_ csv: String, config: SiteConfig, words: Translations = .english) -> String {
    guard let licence = config.dataLicence else { return csv }
    let named = config.dataLicenceURL.map { words.format("parenthetical", ["text": licence, "aside": $0]) } ?? licence
    let line = "# " + words.format("csvLicence", ["licence": named]) + "\n"
    var index = csv.startIndex
    while csv[index...].hasPrefix("# "), let end = csv[index...].firstIndex(of: "\n") { index = csv.index(after: end) }
    return String(csv[..<index]) + line + String(csv[index...])
}

/// A problem at each conflict a merge left in a file (`explainer templates update`, or git): the page would show the
/// markers and both versions.
func unmergedFiles(_ files: [SourceFile]) -> [Diagnostic] {
    files.flatMap { file in
        conflictMarkerLines(in: file.bytes).map { line in
            Diagnostic(file: file.path, line: line, column: 1,
                       message: "an unresolved merge conflict: both versions are still here, between <<<<<<< and >>>>>>>",
                       hint: "keep the lines you want from between the markers and delete the marker lines "
                           + "(<<<<<<<, |||||||, ======= and >>>>>>>)")
        }
    }
}
