/// The search stage of the build: the index of the site's language (chapters, standalone pages, the home page's
/// introduction, headings, figures, glossary terms, sources) as files below `search/<language>/`. The glossary and
/// sources pages are named by their own `<h1>`, as the templates wrote it: `listPages` gives those two pages, and may
/// wait for them to be laid out; without a cache it is asked only once every chapter's and page's documents are
/// counted, so the index can start before those two pages are laid out.
func siteSearchFiles<File: Sendable>(chapters: [Chapter], pages: [Chapter], home: Chapter?, glossary: [GlossaryEntry],
                                     bibliography: [String: SourceEntry], config: SiteConfig, words: Translations,
                                     logPages: (numbers: Bool, corrections: [Correction]) = (false, []),
                                     listPages: @escaping @Sendable () -> OutputTree, cache: SearchCache? = nil,
                                     digests: [String: ContentDigest] = [:],
                                     bodies: ChapterBodies? = nil,
                                     made: @Sendable (_ path: String, _ text: String) -> File) -> [(path: String, file: File)] {
    func title(of path: String, in output: OutputTree, otherwise fallback: String) -> String {
        guard let bytes = output[path] else { return fallback }
        let html = String(decoding: bytes, as: UTF8.self)
        guard let open = html.range(of: "<h1"), let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</h1>", range: start..<html.endIndex) else { return fallback }
        let text = searchText(fromHTML: String(html[html.index(after: start)..<close.lowerBound]))
        return text.isEmpty ? fallback : text
    }
    var files = SearchIndexFiles()
    files.cache = cache
    let language = SearchLanguage(tag: config.language)
    func titles() -> (glossary: String, sources: String) {
        let lists = listPages()
        return (title(of: "glossary/index.html", in: lists, otherwise: "glossary/"),
                title(of: "sources/index.html", in: lists, otherwise: "sources/"))
    }
    // The reference pages' openings and the corrections, after the glossary and the sources.
    func referenceDocuments(glossaryTitle: String, sourcesTitle: String) -> [SearchDocument] {
        // Only the corrected pages are named (a site of 10,000 chapters has a few corrections, or none).
        let corrected = Set(logPages.corrections.compactMap(\.chapter))
        let pageTitles = Dictionary((chapters + pages).filter { corrected.contains($0.fileStem) }.map { page in
            (page.fileStem, page.correctedPageTitle(words: words))
        }, uniquingKeysWith: { first, _ in first })
        let intro = { (key: String) in searchText(fromHTML: words[key]) }
        let pages = [("glossary/", glossaryTitle, searchText(fromHTML: inlineMarkdown(config.glossaryIntro))),
                     ("sources/", sourcesTitle, intro("sourcesIntro"))]
            + (logPages.numbers ? [("numbers/", words["numbers"], intro("numbersIntro"))] : [])
            + (logPages.corrections.isEmpty ? [] : [("corrections/", words["corrections"], intro("correctionsIntro"))])
        return referencePageDocuments(titles: pages.map { (page: $0.0, title: $0.1, intro: $0.2) },
                                      corrections: logPages.corrections, pageTitles: pageTitles, words: words)
    }
    guard let cache else {
        // The chapters' and pages' documents are made a run of chapters at a time, on all cores, and counted before the
        // next run is made: the whole site's documents are never held at once. A body taken out of its chapter
        // (`bodies`, slots in the order chapters, then pages) is taken back for its documents.
        let count = chapters.count + pages.count
        let filling = SearchFilling(pages: chapters + pages + (home.map { [$0] } ?? []), words: words)
        var next = 0, closed = false
        let runs = AnyIterator<[SearchDocument]> {
            if next < count {
                let slots = Array(next..<min(next + searchRunChapters, count))
                next = slots.last! + 1
                return concurrentMap(slots) { slot in
                    let chapter = slot < chapters.count ? chapters[slot] : pages[slot - chapters.count]
                    return searchDocuments(of: bodies?.restoring(chapter, slot: slot) ?? chapter, filling: filling)
                }.flatMap { $0 }
            }
            guard !closed else { return nil }
            closed = true
            let (glossaryTitle, sourcesTitle) = titles()
            return closingSearchDocuments(home: home, homeTitle: config.title, glossary: glossary, bibliography: bibliography,
                                          glossaryTitle: glossaryTitle, sourcesTitle: sourcesTitle, words: words,
                                          filling: filling)
                + referenceDocuments(glossaryTitle: glossaryTitle, sourcesTitle: sourcesTitle)
        }
        return files.files(inRuns: runs, language: language, made: made)
    }
    let (glossaryTitle, sourcesTitle) = titles()
    let documents = searchDocuments(chapters: chapters, pages: pages, home: home, homeTitle: config.title,
                                    glossary: glossary, bibliography: bibliography, glossaryTitle: glossaryTitle,
                                    sourcesTitle: sourcesTitle, words: words, cache: cache, digests: digests)
        + referenceDocuments(glossaryTitle: glossaryTitle, sourcesTitle: sourcesTitle)
    return cache.files(documents, language: language) { files.files(for: documents, language: language) }.map { ($0.path, made($0.path, $0.text)) }
}

/// How many chapters' search documents a build makes at once (`siteSearchFiles`): enough to keep every core busy, few
/// enough that their text is small beside the site's.
let searchRunChapters = 256
