/// What a chapter's page body (its HTML with figures and numbers filled in, its notes and outline) and its search
/// documents are made from, as one digest per chapter, by its file: the chapter's file and number, the files of
/// `content/` every chapter may draw on (site.yml, sources, glossary, numbers, corrections, data tables), the
/// translations files, the language and the way to the site's root, and every chapter file a link may name. The
/// same digest means the same chapter, as parsed and numbered, with the same figures (`PageCache`).
func chapterDigests(_ chapters: [Chapter], source: SourceTree, language: String, siteRoot: String, includeDrafts: Bool,
                    linkTargets: [ChapterFileTarget]) -> [String: ContentDigest] {
    var shared = ContentDigester()
    shared.add(language)
    shared.add(siteRoot)
    shared.add(includeDrafts ? 1 : 0)
    let siteFiles = [source.config, source.sources, source.glossary, source.numbers, source.corrections].map { $0 ?? SourceFile(path: "", bytes: []) }
    shared.add(ContentDigest(of: siteFiles + source.data + source.translations))
    shared.add(linkTargets.count)
    for target in linkTargets {
        shared.add(target.path)
        shared.add(target.name)
        shared.add(target.slug)
        shared.add(String(describing: target.kind))
        shared.add(target.isDraft ? 1 : 0)
    }
    let files = Dictionary(source.chapters.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var digests: [String: ContentDigest] = [:]
    for chapter in chapters {
        guard let file = files[chapter.file] else { continue }
        var digester = shared
        digester.add(file.path)
        digester.add(file.bytes)
        digester.add(chapter.number)
        digester.add(String(describing: chapter.kind))
        digests[chapter.file] = digester.digest
    }
    return digests
}
