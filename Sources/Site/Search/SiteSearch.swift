/// The search stage of the build: the index of the site's language (chapters, standalone pages, the home page's
/// introduction, headings, figures, glossary terms, sources) as files below `search/<language>/`. The glossary and
/// sources pages are named by their own `<h1>`, as the templates wrote it.
func siteSearchFiles<File: Sendable>(chapters: [Chapter], pages: [Chapter], home: Chapter?, glossary: [GlossaryEntry],
                                     bibliography: [String: SourceEntry], config: SiteConfig, words: Translations,
                                     output: OutputTree, cache: SearchCache? = nil, digests: [String: ContentDigest] = [:],
                                     made: @Sendable (_ path: String, _ text: String) -> File) -> [(path: String, file: File)] {
    func title(of path: String, otherwise fallback: String) -> String {
        guard let bytes = output[path] else { return fallback }
        let html = String(decoding: bytes, as: UTF8.self)
        guard let open = html.range(of: "<h1"), let start = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</h1>", range: start..<html.endIndex) else { return fallback }
        let text = searchText(fromHTML: String(html[html.index(after: start)..<close.lowerBound]))
        return text.isEmpty ? fallback : text
    }
    let documents = searchDocuments(chapters: chapters, pages: pages, home: home, homeTitle: config.title,
                                    glossary: glossary, bibliography: bibliography,
                                    glossaryTitle: title(of: "glossary/index.html", otherwise: "glossary/"),
                                    sourcesTitle: title(of: "sources/index.html", otherwise: "sources/"), words: words,
                                    cache: cache, digests: digests)
    var files = SearchIndexFiles()
    files.cache = cache
    let language = SearchLanguage(tag: config.language)
    guard let cache else { return files.files(for: consume documents, language: language, made: made) }
    return cache.files(documents, language: language) { files.files(for: documents, language: language) }.map { ($0.path, made($0.path, $0.text)) }
}
