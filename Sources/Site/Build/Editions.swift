import Markdown
import Charts
/// One language's pages of the site, as the build lays them out: which language, what the others are, and the
/// interface words of each.
struct Edition: Sendable {
    /// Every language of the site, the default first.
    var languages: [SiteLanguage]
    /// This edition's place in `languages`.
    var index: Int
    /// The interface words of each language, in the order of `languages` (empty only in tests of the layout alone).
    var translations: [Translations]
    /// Paths of the files published in this language from the default language's content (not yet translated).
    var fallbackFiles: Set<String> = []
    /// The same for every language, in the order of `languages` (empty when only this one's are known): a page whose
    /// version in a language is such a copy is not offered as that language's version (alternates, sitemap).
    var untranslated: [Set<String>] = []
    /// site.yml's `baseURL`: the address of the site's root, where every language's pages hang.
    var siteBaseURL: String? = nil

    var language: SiteLanguage { languages[index] }
    /// Whether `content/<name>` (glossary.yml, numbers.yml …) is shown from the default language, untranslated.
    func isFallback(_ name: String) -> Bool { isFallback(name, in: index) }
    /// Whether the language at `index` publishes the file named `name` (`05-four-steps.md`, `glossary.yml`) from the
    /// default language's content, untranslated.
    func isFallback(_ name: String, in index: Int) -> Bool {
        let files = index == self.index ? fallbackFiles : untranslated.indices.contains(index) ? untranslated[index] : []
        return files.contains { fileName($0) == name }
    }
    /// From this language's root to the site's (`../` for `zh-hant/`): the way to the shared `assets/` and `images/`.
    var up: String { String(repeating: "../", count: language.path.split(separator: "/").count) }
    /// This language's interface words.
    var words: Translations {
        index < translations.count ? translations[index] : Translations(code: language.code, file: "", strings: [:])
    }

    /// site.yml as this language's pages see it: its language, texts and base URL.
    func configure(_ config: SiteConfig) -> SiteConfig {
        var config = config
        config.language = language.code
        if let title = language.title { config.title = title }
        if let description = language.description { config.description = description }
        if let footer = language.footer { config.footer = footer }
        if let intro = language.glossaryIntro { config.glossaryIntro = intro }
        if let author = language.author { config.author = author }
        config.baseURL = config.baseURL.map { $0 + language.prefix }
        return config
    }
}

/// The files of one language's edition: the default language's tree with each file replaced by its translation, or
/// kept (and listed in `fallbackFiles`) where the language falls back.
struct EditionSource {
    var source: SourceTree
    var fallbackFiles: Set<String>
    /// Translations marked `draft: true` whose original is published in their place (without `--drafts`).
    var draftTranslations: [String] = []
}

/// The files translated per language: every Markdown file and these of `content/`; `sources.yml`, `data/` and
/// `images/` are shared by every language.
let translatedDataFiles = ["glossary.yml", "numbers.yml", "corrections.yml"]

/// Each language's files, and a problem for every translation missing (unless the language falls back), every file
/// of a language folder that translates nothing (an extra), and every folder of `content/` that is no language's.
///
/// Without drafts (`includeDrafts` false), a translation marked `draft: true` of a `fallback: true` language is left
/// out as an untranslated file would be: its original is published in its place.
func editionSources(_ source: SourceTree, languages: [SiteLanguage], includeDrafts: Bool = true)
    -> (editions: [EditionSource], problems: [Diagnostic]) {
    var problems = checkLanguageFolders(source, languages: languages)
    var originals: [String: SourceFile] = [:]
    // A text file beside the chapters (`60-more.md.txt`) is no chapter to translate: the default language warns of it.
    for file in source.chapters.filter({ !isTextFile(fileName($0.path)) })
        + [source.glossary, source.numbers, source.corrections].compactMap({ $0 }) {
        originals[fileName(file.path)] = file
    }
    var editions = [EditionSource(source: source, fallbackFiles: [])]
    for language in languages.dropFirst() {
        let folder = language.contentFolder
        var translated: [String: SourceFile] = [:]
        for file in source.localized where file.path.hasPrefix(folder) && !file.path.dropFirst(folder.count).contains("/") {
            translated[fileName(file.path)] = file
        }
        var fallback: Set<String> = []
        var drafts: [String] = []
        var chosen: [String: SourceFile] = [:]
        for (name, original) in originals.sorted(by: { $0.key < $1.key }) {
            if let file = translated[name], language.fallback, !includeDrafts, name.hasSuffix(".md"),
               isDraft(file), !isDraft(original) {
                drafts.append(file.path)
                chosen[name] = original
                fallback.insert(original.path)
            } else if let file = translated[name] {
                chosen[name] = file
            } else if language.fallback {
                chosen[name] = original
                fallback.insert(original.path)
            } else if name.hasSuffix(".md"), isDraft(original) {
                // A draft is built only with --drafts, in every language: only then does it need its translation.
                guard includeDrafts else { continue }
                problems.append(Diagnostic(file: folder + name, line: 1, column: 1,
                                           message: "missing translation: \(original.path), a draft built with --drafts, has no "
                                               + "\(language.code) version \(folder + name)",
                                           hint: "translate it into \(folder + name) (the same file name), or build without --drafts "
                                               + "(a draft is left out in every language), or add 'fallback: true' to "
                                               + "\(language.code) in site.yml's languages"))
            } else {
                problems.append(Diagnostic(file: folder + name, line: 1, column: 1,
                                           message: "missing translation: \(original.path) has no \(language.code) version \(folder + name)",
                                           hint: "translate it into \(folder + name) (the same file name), or add 'fallback: true' to "
                                               + "\(language.code) in site.yml's languages while the translation is a draft"))
            }
        }
        for (name, file) in translated.sorted(by: { $0.key < $1.key }) where originals[name] == nil {
            let shared = ["sources.yml", "site.yml"].contains(name) || name.hasSuffix(".csv")
            problems.append(Diagnostic(file: file.path, line: 1, column: 1,
                                       message: shared ? "'\(name)' is shared by every language and is not translated in \(folder)"
                                           : "extra translation: \(file.path) translates nothing (there is no \(folder.dropLast(language.prefix.count) + name))",
                                       hint: shared ? "remove \(file.path); every language reads content/\(name)"
                                           : "a translation has the same file name as its original in content/: rename it, or add the original"))
        }
        var edition = source
        edition.chapters = chosen.filter { $0.key.hasSuffix(".md") }.values.sorted { $0.path < $1.path }
        edition.glossary = chosen["glossary.yml"]
        edition.numbers = chosen["numbers.yml"]
        edition.corrections = chosen["corrections.yml"]
        edition.localized = []
        editions.append(EditionSource(source: edition, fallbackFiles: fallback, draftTranslations: drafts))
    }
    return (editions, problems)
}

/// Whether a Markdown file's front matter says `draft: true` (a file whose front matter cannot be read is not one:
/// its problems are reported where it is built).
private func isDraft(_ file: SourceFile) -> Bool {
    (try? splitFrontMatter(String(decoding: file.bytes, as: UTF8.self), file: file.path))?.frontMatter.draft ?? false
}

/// Every folder of `content/` with content must be a language's (`data/` and `images/` aside).
func checkLanguageFolders(_ source: SourceTree, languages: [SiteLanguage]) -> [Diagnostic] {
    let folders = Set(languages.dropFirst().map(\.contentFolder))
    var reported: Set<String> = []
    return source.localized.compactMap { file in
        let folder = "content/" + (file.path.dropFirst("content/".count).split(separator: "/").first.map(String.init) ?? "") + "/"
        guard !folders.contains(folder), reported.insert(folder).inserted else { return nil }
        let declared = languages.dropFirst().map { "\($0.code) (\($0.contentFolder))" }
        return Diagnostic(file: file.path, line: 1, column: 1,
                          message: "\(folder) is not the folder of a language of this site",
                          hint: "chapters go directly in content/ (e.g. content/\(fileName(file.path))); a folder in content/ holds "
                              + "one language's translation and is named by that language's code in site.yml's languages ("
                              + (declared.isEmpty
                                  ? "e.g. content/fr/ for languages: [{code: \(languages[0].code)}, {code: fr}]); move the files up, or out of content/"
                                  : "this site's: \(declared.joined(separator: ", "))); move the files up, or fix the folder's name or its language's 'path'"))
    }
}

/// The last part of a path.
func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

/// Builds every language of a multilingual site: the default language at the root, each other under its `path`, a
/// 404 page per language (the root's in every language), one copy of the shared assets and pictures; then checks that each
/// translation has its original's figures and citations, and every link of every language.
func buildEditions(_ source: SourceTree, options: BuildOptions, languages: [SiteLanguage], translations: [Translations])
    throws(BuildFailure) -> OutputTree {
    var collector = DiagnosticCollector()
    let (sources, problems) = editionSources(source, languages: languages, includeDrafts: options.includeDrafts)
    collector.add(problems)
    let siteBaseURL = source.config.flatMap { file in
        (try? decodeOrFail(file)).flatMap { try? SiteConfig.parse($0, file: file.path) }?.baseURL
    }
    var built: [(edition: Edition, output: OutputTree, pages: [Chapter], index: PendingIndex?)] = []
    var extraTags: [String: [TemplateTag]]?
    // With a translation missing or extra, only the default language is built (for its own problems): the others
    // would report the same gap again in other words.
    let editions = sources.enumerated().filter { problems.isEmpty || $0.offset == 0 }.map { index, part in
        Edition(languages: languages, index: index, translations: translations, fallbackFiles: part.fallbackFiles,
                untranslated: sources.map(\.fallbackFiles), siteBaseURL: siteBaseURL)
    }
    // Each language is built on a thread of its own, so one language's serial stages (the search index, the lists)
    // overlap the other's; results and problems are taken in the languages' order, as if built one after another.
    let results = buildConcurrently(editions.map { edition in
        var editionOptions = options
        if edition.index > 0 {
            // Stage times are the default language's (the others' run beside them).
            editionOptions.timings = nil
            // The caches given hold the default language's chapters and figures; each other language has its own.
            editionOptions.parseCache = options.parseCache?.edition(edition.language.code)
            editionOptions.figureCache = options.figureCache?.edition(edition.language.code)
            editionOptions.pageCache = options.pageCache?.edition(edition.language.code)
            editionOptions.searchCache = options.searchCache?.edition(edition.language.code)
        }
        let source = sources[edition.index].source
        return { @Sendable [editionOptions] () -> Result<EditionBuild, BuildFailure> in
            do throws(BuildFailure) {
                return .success(try buildEdition(source, options: editionOptions, edition: edition))
            } catch {
                return .failure(error)
            }
        }
    })
    for (edition, result) in zip(editions, results) {
        switch result {
        case let .success(result):
            built.append((edition, result.output, result.pages, result.index))
            collector.warnings += result.output.warnings
            // Every edition lays its pages out with the same templates.
            extraTags = extraTags ?? result.extraTags
        case let .failure(error):
            // Every edition reads the shared files (sources.yml, data, templates): a problem in one is reported once.
            collector.add(error.diagnostics.filter { !collector.diagnostics.contains($0) })
            collector.warnings += error.warnings
        }
    }
    guard built.count == languages.count, problems.isEmpty else {
        for part in built { _ = part.index?.value() }  // a failed build's index threads end before the build
        try collector.throwIfAny()
        throw BuildFailure([])
    }
    /// A language as the writer would name it in a message: `French`, or `'fr'` when the translations name none.
    /// Messages are in English, whatever the site's default language: the name is English's (`Spanish`, not `español`).
    func languageName(_ edition: Edition) -> String {
        Translations.english.languageName(of: edition.language.code) ?? "'\(edition.language.code)'"
    }
    var translationWarnings: [Diagnostic] = []
    let dataHeaders = built.count > 1 ? dataFileHeaders(source.data) : [:]
    for other in built.dropFirst() {
        let pageProblems = checkTranslatedPages(other.pages, originals: built[0].pages, fallback: other.edition.fallbackFiles,
                                                dataHeaders: dataHeaders)
        collector.add(pageProblems.filter { $0.severity == .error })
        translationWarnings += pageProblems.filter { $0.severity == .warning }
        let language = languageName(other.edition)
        let translation = sources[other.edition.index].source.glossary, fallback = other.edition.language.fallback
        // The preview's rebuilds keep the last result (two YAML parses, on the way to showing the pages).
        let glossaryProblems = options.parseCache?.edition(other.edition.language.code)
            .translatedGlossaryProblems(translation, original: source.glossary, language: language, fallback: fallback)
            ?? checkTranslatedGlossary(translation, original: source.glossary, language: language, fallback: fallback)
        let own = sources[other.edition.index].source
        let listProblems = checkTranslatedNumbers(own.numbers, original: source.numbers, language: language, fallback: fallback)
            + checkTranslatedCorrections(own.corrections, original: source.corrections, language: language, fallback: fallback)
        for problem in glossaryProblems + listProblems {
            if problem.severity == .error { collector.add(problem) } else { translationWarnings.append(problem) }
        }
    }
    var output = OutputTree()
    output.warnings = translationWarnings
    var pagesByOutput: [String: Chapter] = [:]
    for (edition, editionOutput, pages, _) in built {
        let prefix = edition.language.prefix
        for path in editionOutput.sortedPaths {
            let shared = path.hasPrefix("assets/") || path.hasPrefix("images/")
            // Each language keeps its own 404 page (`zh-hant/404.html`), for hosts that serve one per folder; the
            // root's finds it for a missing page in that folder on the others.
            if edition.index > 0 && (path == "robots.txt" || shared) { continue }
            output[shared ? path : prefix + path] = editionOutput[path]
        }
        for page in pages { pagesByOutput[prefix + page.outputPath] = page }
        output.warnings += editionOutput.warnings
        output.draftsLeftOut += editionOutput.draftsLeftOut
        output.draftsIncluded += editionOutput.draftsIncluded
    }
    // A draft is counted once, by its default language's file, whichever languages leave it out (a `fallback: true`
    // language's copy of it, or its translation, is a draft too).
    let originals = Dictionary(source.chapters.map { (fileName($0.path), $0.path) }, uniquingKeysWith: { first, _ in first })
    output.draftsLeftOut = Set(output.draftsLeftOut.map { originals[fileName($0)] ?? $0 }).sorted()
    output.draftsIncluded = Set(output.draftsIncluded).sorted()
    // A draft translation whose original is published in its place is a draft of its own.
    output.draftsLeftOut += sources.flatMap(\.draftTranslations)
    // An `extra.key` a page of any language has is one some pages have.
    output.warnings += unknownPageExtraKeys(extraTags ?? [:], pages: built.flatMap(\.pages))
    // A warning in a file that several languages publish (an untranslated chapter of a `fallback: true` language) is
    // given once.
    output.warnings = output.warnings.uniqued()
    // One robots.txt names every language's sitemap.
    if let base = siteBaseURL, output["sitemap.xml"] != nil, let robots = output["robots.txt"] {
        let more = languages.dropFirst().map { "Sitemap: \(base)\($0.prefix)sitemap.xml\n" }.joined()
        output["robots.txt"] = robots + Array(more.utf8)
    }
    pointGlossaryLinks(of: built.dropFirst().map { ($0.edition, $0.pages) }, in: &output, original: source.glossary,
                       translations: { sources[$0.index].source.glossary })
    var fallbackCopies: [String: LinkChecker.FallbackCopy] = [:]
    for (edition, _, pages, _) in built.dropFirst() {
        let language = languageName(edition)
        for page in pages where edition.fallbackFiles.contains(page.file) {
            fallbackCopies[edition.language.prefix + page.outputPath] = LinkChecker.FallbackCopy(
                original: page.outputPath, language: language, translationFile: edition.language.contentFolder + fileName(page.file))
        }
    }
    func checkAllLinks() -> [Diagnostic] {
        var checker = LinkChecker(output: output, pages: pagesByOutput, verdicts: options.pageCache?.links)
        checker.fallbackCopies = fallbackCopies
        return checker.check()
    }
    // A figure a translation lacks is reported there: the links to it (the translation's own, and those of the
    // untranslated copies that lead to the translated page) would only say it again, as missing anchors.
    let missingFigures = Set(built.dropFirst().flatMap { other in
        missingFigureIDs(other.pages, originals: built[0].pages, fallback: other.edition.fallbackFiles)
    }).map { "missing anchor '#figure-\($0)'" }
    func checkLinks() -> [Diagnostic] {
        checkAllLinks().filter { problem in !missingFigures.contains { problem.message.contains($0) } }
    }
    var linkProblems = checkLinks()
    let pending = built.compactMap { part in part.index.map { (prefix: part.edition.language.prefix, index: $0) } }
    if !pending.isEmpty {
        // Every language's pages are shown once they pass their checks (with the preview's `pagesReady`); then each
        // language's index is added under its prefix, and checked with the rest.
        if let pagesReady = options.pagesReady, collector.diagnostics.isEmpty, linkProblems.isEmpty,
           checkInternalStrings(output, source: source, verdicts: options.pageCache?.internalStrings, partial: true).isEmpty {
            pagesReady(output)
        }
        // Every language's index is made at once, beside the others (each waited for the pages to be shown).
        for (_, index) in pending { index.start() }
        for (prefix, index) in pending {
            for (path, file) in index.value() { output.add(prefix + path, file) }
        }
        // Links were checked without the indexes' files: a link to one of them is checked again now that it exists.
        if !linkProblems.isEmpty { linkProblems = checkLinks() }
    }
    collector.add(checkInternalStrings(output, source: source, verdicts: options.pageCache?.internalStrings))
    collector.add(templateLinkProblems(linkProblems, templates: source.templates))
    collector.warnings = output.warnings
    try collector.throwIfAny()
    return output
}

/// The column names of each data file, by file name: its first line that is not a `#` note (nothing for a file that
/// cannot be read; its own check says why).
func dataFileHeaders(_ files: [SourceFile]) -> [String: [String]] {
    var headers: [String: [String]] = [:]
    for file in files {
        guard let text = try? decodeText(file),
              let line = text.split(separator: "\n").first(where: { !$0.hasPrefix("#") && !$0.allSatisfy { $0 == " " || $0 == "\r" } })
        else { continue }
        headers[fileName(file.path)] = splitCSVCells(line).map(\.text)
    }
    return headers
}

/// The ids of the figures of `originals` that their translations among `pages` lack.
func missingFigureIDs(_ pages: [Chapter], originals: [Chapter], fallback: Set<String>) -> [String] {
    let byName = Dictionary(originals.map { (fileName($0.file), $0) }, uniquingKeysWith: { first, _ in first })
    return pages.filter { !fallback.contains($0.file) }.flatMap { page -> [String] in
        guard let original = byName[fileName(page.file)] else { return [] }
        let ids = Set(page.figures.map(\.id))
        return original.figures.map(\.id).filter { !ids.contains($0) }
    }
}

/// A language's untranslated copy of a chapter (`fallback: true`) links the glossary's terms as its original does
/// (`../glossary/#term-señoreaje`), which leads to that language's glossary, whose terms are translated: each such
/// link is pointed at the paired entry there (a translated glossary pairs its entries with the original's by their
/// order), or at the default language's glossary when the translation has no such entry.
func pointGlossaryLinks(of editions: [(edition: Edition, pages: [Chapter])], in output: inout OutputTree,
                        original: SourceFile?, translations: (Edition) -> SourceFile?) {
    func anchors(_ file: SourceFile?) -> [String] {
        guard let file, let text = try? decodeOrFail(file),
              let entries = try? parseGlossary(text, file: file.path, inFileOrder: true) else { return [] }
        return entries.map(\.anchor)
    }
    let originals = anchors(original)
    guard !originals.isEmpty else { return }
    for (edition, pages) in editions where !edition.fallbackFiles.isEmpty {
        let translation = translations(edition)
        guard translation?.path != original?.path else { continue }
        let translated = anchors(translation)
        let climb = String(repeating: "../", count: edition.language.prefix.filter { $0 == "/" }.count)
        for page in pages where edition.fallbackFiles.contains(page.file) {
            let path = edition.language.prefix + page.outputPath
            guard let bytes = output[path] else { continue }
            var html = String(decoding: bytes, as: UTF8.self)
            guard containsBytes(html, "glossary/#term-") else { continue }
            // Through a stand-in first, so that a link pointed at an anchor is not pointed on again by a later one.
            var pointed: [(standIn: String, anchor: String)] = []
            for (index, anchor) in originals.enumerated() {
                for written in Set([anchor, hrefEncoded(anchor)]) {
                    if index < translated.count {
                        guard translated[index] != anchor else { continue }
                        let standIn = "glossary/#\u{0}\(index)\""
                        html = html.replacingOccurrences(of: "glossary/#\(written)\"", with: standIn)
                        pointed.append((standIn, "glossary/#\(hrefEncoded(translated[index]))\""))
                    } else {
                        for up in ["../", ""] {
                            html = html.replacingOccurrences(of: "href=\"\(up)glossary/#\(written)\"",
                                                             with: "href=\"\(climb)\(up)glossary/#\(written)\"")
                        }
                    }
                }
            }
            for (standIn, anchor) in pointed { html = html.replacingOccurrences(of: standIn, with: anchor) }
            output[path] = Array(html.utf8)
        }
    }
}

/// A translated page has the front-matter keys and the figures (same ids, same order) and cites the sources of its
/// original.
///
/// `dataHeaders`: the column names of each data file (by file name), whose words a translated chart shows unless its
/// block labels them.
func checkTranslatedPages(_ pages: [Chapter], originals: [Chapter], fallback: Set<String>,
                          dataHeaders: [String: [String]] = [:]) -> [Diagnostic] {
    let byName = Dictionary(originals.map { (fileName($0.file), $0) }, uniquingKeysWith: { first, _ in first })
    var problems: [Diagnostic] = []
    for page in pages where !fallback.contains(page.file) {
        guard let original = byName[fileName(page.file)] else { continue }
        let written = Set(page.frontMatter.writtenKeys.map(\.key))
        for (key, value) in original.frontMatter.writtenKeys where !written.contains(key) {
            let line = key.hasPrefix("extra.") ? "extra: {\(key.dropFirst(6)): …}" : "\(key): …"
            problems.append(Diagnostic(file: page.file, line: 1, column: 1,
                                       message: "front-matter key '\(key)' of \(original.file) missing from the translation: "
                                           + "the translated page would show none",
                                       hint: "add '\(line)' to the translation's front matter, in its language"
                                           + (value.isEmpty ? "" : " (the original's: \(value))")))
        }
        let ids = page.figures.map(\.id), originalIDs = original.figures.map(\.id)
        if ids != originalIDs {
            let missing = originalIDs.filter { !ids.contains($0) }, extra = page.figures.filter { !originalIDs.contains($0.id) }
            if !missing.isEmpty {
                problems.append(Diagnostic(file: page.file, line: 1, column: 1,
                                           message: "figure\(missing.count == 1 ? "" : "s") " + missing.map { "'\($0)'" }.joined(separator: ", ")
                                               + " of \(original.file) missing from the translation",
                                           hint: "copy each chart block with its id and translate its texts (title, caption, labels)"))
            }
            for figure in extra {
                problems.append(Diagnostic(file: page.file, line: figure.line, column: figure.column,
                                           message: "figure '\(figure.id)' is not in \(original.file)",
                                           hint: (closestMatch(to: figure.id, among: originalIDs).map { "did you mean '\($0)'? " }
                                                  // One renamed (`id: issuance` for `id: emision`): the one it stands for.
                                                  ?? (missing.count == 1 && extra.count == 1 ? "it takes the place of '\(missing[0])': write 'id: \(missing[0])'; " : ""))
                                               + "a translation keeps its original's figure ids"))
            }
            if missing.isEmpty && extra.isEmpty {
                problems.append(Diagnostic(file: page.file, line: page.figures.first?.line ?? 1, column: 1,
                                           message: "the figures are in another order than in \(original.file)",
                                           hint: "keep them in the original's order: " + originalIDs.joined(separator: ", ")))
            }
        }
        // A translated block without the original's `labels:` shows the series as the data names them, in the
        // original's language (trial 13: German legend names on the Japanese page).
        let originalFigures = Dictionary(original.figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for figure in page.figures {
            guard let source = originalFigures[figure.id] else { continue }
            let labelled = source.labels.keys.filter { figure.labels[$0] == nil }.sorted()
            // A data file's column names are words of the original's language when neither block labels them.
            var named: [String] = []
            if case let .data(file) = figure.source, let header = dataHeaders[file] {
                let drawn = figure.series ?? Array(header.dropFirst())
                named = drawn.filter { name in
                    figure.labels[name] == nil && source.labels[name] == nil && name.filter(\.isLetter).count >= 2
                }
            }
            let untranslated = labelled + named
            guard let first = untranslated.first else { continue }
            let names = untranslated.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (untranslated.count > 3 ? ", …" : "")
            let why = labelled.first.map { ", which \(original.file) labels (\(source.labels[$0]!)\(untranslated.count > 1 ? ", …" : ""))" }
                ?? ", the names of the data file's column\(named.count == 1 ? "" : "s")"
            let place = figure.labels.isEmpty ? (figure.line, figure.column) : figure.position(ofParameter: "key:labels")
            problems.append(Diagnostic(file: page.file, line: place.0, column: place.1,
                                       message: "figure '\(figure.id)' \(figure.labels.isEmpty ? "has no labels:" : "has no label")"
                                           + " for \(names)\(why): the translated chart would show "
                                           + "\(untranslated.count == 1 ? "it" : "them") as the data names \(untranslated.count == 1 ? "it" : "them"), untranslated",
                                       hint: "translate the labels in this block too, e.g. labels: {\(first): …}", severity: .warning))
        }
        // The original's `first-column:` and annotations, left out of a translated block: its data table headed in the
        // original's language, a marker or a band missing from the chart (trial 14 S5).
        for figure in page.figures {
            guard let source = originalFigures[figure.id] else { continue }
            if let heading = source.firstColumn, figure.firstColumn == nil {
                problems.append(Diagnostic(file: page.file, line: figure.line, column: figure.column,
                                           message: "figure '\(figure.id)' has no first-column:, which \(original.file) gives "
                                               + "('\(heading)'): the translated data table would head its first column as the data names it",
                                           hint: "translate it in this block too: first-column: …", severity: .warning))
            }
            if figure.annotations.count != source.annotations.count {
                let place = figure.annotations.isEmpty ? (figure.line, figure.column) : (figure.annotations[0].line, figure.annotations[0].column)
                problems.append(Diagnostic(file: page.file, line: place.0, column: place.1,
                                           message: "figure '\(figure.id)' has \(figure.annotations.count) annotation\(figure.annotations.count == 1 ? "" : "s") "
                                               + "and \(original.file) \(source.annotations.count): the two charts would mark different things",
                                           hint: "keep every annotation of the original, in its order, with its label translated",
                                           severity: .warning))
            }
        }
        // What a block draws is no text to translate: its kind, its data or model, its series, params, scenarios,
        // axes' bounds and formats, claims and the positions of its annotations are the original's, or the two editions
        // show different numbers (trial 16 M4: the original's params updated, the translation's left as they were).
        // Settings compare by value, whatever their order or form (`lgd: 1` and `lgd: 1.0`).
        for figure in page.figures {
            guard let source = originalFigures[figure.id] else { continue }
            var differing: [(key: String, original: String, place: (Int, Int)?)] = []
            func add(_ key: String, _ original: String, at place: (Int, Int)? = nil) {
                differing.append((key, original, place ?? figure.parameterLines["key:\(key)"].map { ($0.line, $0.column) }))
            }
            if figure.kind != source.kind { add("kind", source.kind.rawValue) }
            if figure.source != source.source {
                switch source.source {
                case .model(let name): add("model", name)
                case .data(let file): add("data", file)
                case .inline: add("kind", source.kind.rawValue)
                }
            }
            if figure.series != source.series, let series = source.series { add("series", "[" + series.joined(separator: ", ") + "]") }
            if !sameSettings(figure.params, source.params) {
                add("params", "{" + source.params.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}")
            }
            if figure.scenarios.map(\.name) != source.scenarios.map(\.name)
                || !zip(figure.scenarios, source.scenarios).allSatisfy({ sameSettings($0.overrides, $1.overrides) }) {
                add("scenarios", source.scenarios.map(\.name).joined(separator: ", "))
            }
            for (key, mine, theirs) in [("x", figure.x, source.x), ("y", figure.y, source.y)] {
                guard let differs = axisDifference(mine, theirs, formatsWritten: figure.explicitFormats.contains(key)
                                                   && source.explicitFormats.contains(key)) else { continue }
                add(key, differs)
            }
            if Set(figure.claims) != Set(source.claims) { add("claims", "[" + source.claims.joined(separator: ", ") + "]") }
            if figure.annotations.count == source.annotations.count,
               let index = figure.annotations.indices.first(where: { index in
                   let mine = figure.annotations[index], theirs = source.annotations[index]
                   return mine.kind != theirs.kind || mine.values.keys.sorted() != theirs.values.keys.sorted()
                       || mine.values.contains { key, value in
                           if case .number = value { return value != theirs.values[key] }
                           if case .number = theirs.values[key] { return true }
                           return false
                       }
               }) {
                let theirs = source.annotations[index], mine = figure.annotations[index]
                add("annotations", "annotation \(index + 1): " + theirs.values.keys.sorted().map { key in
                    switch theirs.values[key]! {
                    case .number(let number): return "\(key): \(annotationPosition(number))"
                    case .name(let name): return "\(key): \(name)"
                    }
                }.joined(separator: ", "), at: (mine.line, mine.column))
            }
            guard let first = differing.first else { continue }
            let place = first.place ?? (figure.line, figure.column)
            problems.append(Diagnostic(file: page.file, line: place.0, column: place.1,
                                       message: "figure '\(figure.id)' draws otherwise than in \(original.file): its "
                                           + differing.map { "'\($0.key)'" }.joined(separator: ", ") + " differ"
                                           + (differing.count == 1 ? "s" : "") + ", so the two editions would show different numbers",
                                       hint: "write what the original writes (" + differing.map { "\($0.key): \($0.original)" }.joined(separator: "; ")
                                           + "), and translate only the block's texts: title, caption, labels"))
        }
        // Footnotes are numbered, not named, across languages: their count is what can be compared.
        let notes = page.rendered.footnotes.components(separatedBy: "<li id=\"fn-").count - 1
        let originalNotes = original.rendered.footnotes.components(separatedBy: "<li id=\"fn-").count - 1
        if notes < originalNotes {
            problems.append(Diagnostic(file: page.file, line: 1, column: 1,
                                       message: "the translation has \(notes) footnote\(notes == 1 ? "" : "s") and \(original.file) "
                                           + "\(originalNotes): its readers would miss \(originalNotes - notes == 1 ? "one" : "some")",
                                       hint: "keep every footnote of the original, its [^label] in the text and its definition, "
                                           + "translated", severity: .warning))
        }
        let keys = Set(page.rendered.citations.map(\.key)), originalKeys = Set(original.rendered.citations.map(\.key))
        for key in originalKeys.subtracting(keys).sorted() {
            problems.append(Diagnostic(file: page.file, line: 1, column: 1,
                                       message: "the translation does not cite [@\(key)], which \(original.file) cites",
                                       hint: "keep every citation of the original, with the same key"))
        }
        for citation in page.rendered.citations where !originalKeys.contains(citation.key) {
            problems.append(Diagnostic(file: page.file, line: citation.line, column: citation.column,
                                       message: "[@\(citation.key)] is not cited in \(original.file)",
                                       hint: "a translation cites what its original cites; add the citation to the original first"))
        }
    }
    return problems
}

import Simulation

/// Whether two blocks' settings are the same values, whatever their order and their number forms (1 and 1.0).
private func sameSettings(_ mine: [Scenario.Override], _ theirs: [Scenario.Override]) -> Bool {
    guard mine.count == theirs.count else { return false }
    let byName = Dictionary(theirs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    return mine.allSatisfy { setting in byName[setting.name].map { sameValue(setting.value, $0) } ?? false }
}

private func sameValue(_ a: ParameterValue, _ b: ParameterValue) -> Bool {
    if let x = a.numericValue, let y = b.numericValue { return x == y }
    if case .list(let first) = a, case .list(let second) = b {
        return first.count == second.count && zip(first, second).allSatisfy { sameValue($0, $1) }
    }
    return a == b
}

/// Where a translated block's axis is set otherwise than its original's: bounds both give, formats both write, the
/// scale ("min: 0"); nil if none. A bound or format one of them leaves out is not compared: left out, it is chosen
/// from the data, which can draw the same (a bar axis from 0 with or without `min: 0`; recheck 16c).
private func axisDifference(_ mine: AxisOptions?, _ theirs: AxisOptions?, formatsWritten: Bool) -> String? {
    let a = mine ?? AxisOptions(), b = theirs ?? AxisOptions()
    var said: [String] = []
    if let min = b.min, let other = a.min, min != other { said.append("min: " + annotationPosition(min)) }
    if let max = b.max, let other = a.max, max != other { said.append("max: " + annotationPosition(max)) }
    if formatsWritten, a.format != b.format { said.append("format: \(b.format.rawValue)") }
    if a.scale != b.scale { said.append("scale: \(b.scale)") }
    return said.isEmpty ? nil : "{" + said.joined(separator: ", ") + "}"
}

/// A position as a writer writes it: a whole number bare, a month as 2024-07 (stored as 2024.5), else the number.
private func annotationPosition(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let year = value.rounded(.down), month = (value - year) * 12
    if (1000...2999).contains(year), abs(month - month.rounded()) < 1e-6 {
        return monthKey(year: Int(year), month: Int(month.rounded()) + 1)
    }
    return String(value)
}

/// Runs each of `builds` (but the first) on a thread of its own and the first on the caller's; the results in order.
private func buildConcurrently<Value: Sendable>(_ builds: [@Sendable () -> Value]) -> [Value] {
    guard let first = builds.first else { return [] }
    let others = builds.dropFirst().map { Background($0) }
    return [first()] + others.map { $0.value() }
}

/// A translated numbers.yml lists its original's numbers, in the same order: one with fewer lacks the last ones, which
/// its numbers page leaves out (trial 15 S4). An error, or a warning for a language with `fallback: true`; and a
/// number's date, which is no text to translate, is the original's.
func checkTranslatedNumbers(_ translation: SourceFile?, original: SourceFile?, language: String, fallback: Bool) -> [Diagnostic] {
    guard let translation, let original,
          let (translated, originals) = parsedPair(translation, original, { (text, file) throws(BuildFailure) in
              try NumbersFile.parse(text, file: file).sections.flatMap(\.numbers)
          }) else { return [] }
    var problems: [Diagnostic] = []
    if translated.count > originals.count {
        problems.append(Diagnostic(file: translation.path, line: translated[originals.count].line, column: 1,
                                   message: "\(translation.path) lists \(translated.count) numbers and \(original.path) "
                                       + "\(originals.count): from '\(translated[originals.count].number)' on, they are numbers the original lacks",
                                   hint: "a translation lists the original's numbers, in its order: add the number to \(original.path) first"))
    }
    if translated.count < originals.count {
        let missing = originals[translated.count...].map { "'\($0.number)'" }
        problems.append(Diagnostic(file: translation.path, line: 1, column: 1,
                                   message: "\(translation.path) lists \(translated.count) number\(translated.count == 1 ? "" : "s") and "
                                       + "\(original.path) \(originals.count): the \(language) numbers page lacks "
                                       + (missing.count > 3 ? "\(missing.prefix(3).joined(separator: ", ")) and \(missing.count - 3) more"
                                          : missing.joined(separator: ", ")),
                                   hint: "add their translations to \(translation.path), in the original's order",
                                   severity: fallback ? .warning : .error))
    }
    if let mismatch = firstDateMismatch(translated.map { ("'\($0.number)'", $0.date, $0.line) },
                                        originals.map { ("", $0.date, $0.line) }, translation: translation.path, original: original.path) {
        problems.append(mismatch)
    }
    return problems
}

/// A translated file and its original, each read by `parse` (text, path): nil when either is missing, they are the
/// same file (a language showing the original), or either has a problem of its own (reported where it is read).
private func parsedPair<Value>(_ translation: SourceFile?, _ original: SourceFile?,
                               _ parse: (String, String) throws(BuildFailure) -> Value) -> (translated: Value, original: Value)? {
    guard let translation, let original, translation.path != original.path,
          let originalText = try? decodeOrFail(original), let translatedText = try? decodeOrFail(translation) else { return nil }
    do throws(BuildFailure) {
        return (try parse(translatedText, translation.path), try parse(originalText, original.path))
    } catch {
        return nil
    }
}

/// The first entry of a translated list whose date differs from its original's (entries pair by their order): a
/// date is not translated, so one of the two is a typo.
private func firstDateMismatch(_ translated: [(name: String, date: String, line: Int)], _ originals: [(name: String, date: String, line: Int)],
                               translation: String, original: String) -> Diagnostic? {
    guard let (mine, theirs) = zip(translated, originals).first(where: { $0.0.date != $0.1.date }) else { return nil }
    return Diagnostic(file: translation, line: mine.line, column: 1,
                      message: "\(mine.name) is dated \(mine.date), but the original's (\(original):\(theirs.line)) is \(theirs.date): "
                          + "a date is not translated",
                      hint: "write the original's date, \(theirs.date), or correct the original; entries pair by their order")
}

/// A translated corrections.yml has its original's entries, in order, each of the same date (trial 15 S5: the
/// Japanese corrections page dated a correction 6 December, the Spanish one 5 December).
func checkTranslatedCorrections(_ translation: SourceFile?, original: SourceFile?, language: String, fallback: Bool) -> [Diagnostic] {
    guard let translation, let original,
          let (translated, originals) = parsedPair(translation, original, { (text, file) throws(BuildFailure) in
              try parseCorrections(text, file: file).sorted { $0.line < $1.line }
          }) else { return [] }
    var problems: [Diagnostic] = []
    if translated.count != originals.count {
        problems.append(Diagnostic(file: translation.path, line: 1, column: 1,
                                   message: "\(translation.path) has \(translated.count) correction\(translated.count == 1 ? "" : "s") and "
                                       + "\(original.path) \(originals.count): the \(language) corrections page would tell readers another story",
                                   hint: "translate every correction of \(original.path), in its order",
                                   severity: fallback ? .warning : .error))
    }
    if let mismatch = firstDateMismatch(translated.map { ("this correction", $0.date, $0.line) },
                                        originals.map { ("", $0.date, $0.line) }, translation: translation.path, original: original.path) {
        problems.append(mismatch)
    }
    return problems
}

/// A translated glossary has its original's entries, in the same order (terms are translated, so the order is what
/// pairs them): a translation with fewer entries lacks the last ones. An error, or a warning for a language with
/// `fallback: true` (whose glossary page then leaves those terms out, and whose pages do not link them).
func checkTranslatedGlossary(_ translation: SourceFile?, original: SourceFile?, language: String, fallback: Bool) -> [Diagnostic] {
    guard let translation, let original, translation.path != original.path,
          let originalText = try? decodeOrFail(original), let translatedText = try? decodeOrFail(translation),
          let originals = try? parseGlossary(originalText, file: original.path, inFileOrder: true),
          let translated = try? parseGlossary(translatedText, file: translation.path, inFileOrder: true),
          translated.count < originals.count else { return [] }
    let missing = originals[translated.count...].map { "'\($0.term)'" }
    let terms = missing.count == 1 ? "term \(missing[0]) has" : "terms \(missing.joined(separator: ", ")) have"
    return [Diagnostic(file: translation.path, line: 1, column: 1,
                       message: "\(translation.path) has \(translated.count) \(translated.count == 1 ? "entry" : "entries") and \(original.path) \(originals.count): the "
                           + "glossary \(terms) no \(language) entry"
                           + (fallback ? ", so the \(language) glossary page leaves \(missing.count == 1 ? "it" : "them") out" : ""),
                       hint: "add \(missing.count == 1 ? "its translation" : "their translations") to \(translation.path) (entries "
                           + "pair with the original's by their order: keep the same order, and add new terms where they are in "
                           + "\(original.path))", severity: fallback ? .warning : .error)]
}
