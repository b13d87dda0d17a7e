/// The starter's example files still in a site whose writer has begun their own: once a chapter of the writer's own
/// is there, an example page, chapter, glossary, data file or picture left as `explainer new` wrote it would be
/// published beside it (the home page's "This introduction comes from content/index.md…", the glossary's
/// "Correlation"). A site that is still all starter gets none of these warnings; its stand-ins in site.yml are
/// warned about on their own (`starterWarning`).
///
/// `siteImage` is site.yml's `image:` (`images/cover.png`): the starter's picture is every page's link preview only
/// while site.yml still names it.
func starterLeftovers(_ source: SourceTree, siteImage: String?) -> [Diagnostic] {
    let starter = starterExamples
    let isStarter: (SourceFile) -> Bool = { file in starter[file.path]?.contains(file.bytes) == true }
    let chapters = source.chapters.filter { isNumberedChapter($0.path) }
    guard chapters.contains(where: { !isStarter($0) }) else { return [] }
    let files = source.chapters + [source.glossary].compactMap { $0 } + source.data + source.images
    return files.filter(isStarter).sorted { $0.path < $1.path }.map { file in
        let what = file.path.hasPrefix("content/images/") ? "picture" : file.path.hasPrefix("content/data/") ? "data file" : "file"
        let isSiteImage = siteImage.map { "content/" + $0 == file.path } ?? false
        let published = isSiteImage ? "link previews of every page show it (site.yml's image)"
            : file.path.hasSuffix(".md") ? "it is published beside your chapters"
            : file.path.hasSuffix("glossary.yml") ? "its entries are published on the glossary page"
            : "it is published with your site"
        return Diagnostic(file: file.path, line: 1, column: 1,
                          message: "'\(file.path)' is still the starter's example \(what): \(published)",
                          hint: "write your own in its place, or delete it", severity: .warning)
    }
}

/// `content/10-slug.md`, not `content/index.md` or `content/about.md`.
private func isNumberedChapter(_ path: String) -> Bool {
    guard let name = path.split(separator: "/").last, path.split(separator: "/").count == 2 else { return false }
    return name.first?.isNumber == true && !isTextFile(String(name))
}

/// The starter's files of `content/` other than site.yml and sources.yml (each of which has warnings of its own),
/// by path: as this explainer writes them, and as earlier ones did where the words have changed since.
private let starterExamples: [String: Set<[UInt8]>] = {
    let files = starterSite(title: "", release: ExplainerRelease(version: "", commit: nil))
    var examples = Dictionary(files.filter { $0.path.hasPrefix("content/") && $0.path != "content/site.yml" && $0.path != "content/sources.yml" }
        .map { ($0.path, Set([$0.bytes])) }, uniquingKeysWith: { first, _ in first })
    for former in formerStarterWording {
        guard let file = files.first(where: { $0.path == former.path }) else { continue }
        let text = String(decoding: file.bytes, as: UTF8.self)
        examples[former.path, default: []].insert(Array(text.replacing(former.now, with: former.then).utf8))
    }
    return examples
}()

/// Words of the example chapters as explainer 0.2.0 wrote them: they linked to pages (`../next-steps/`) where they
/// now name files (`20-next-steps.md`), the way the README recommends.
private let formerStarterWording: [(path: String, now: String, then: String)] = [
    ("content/10-why-bad-years-bunch.md",
     """
     Link to another chapter or page by its file, such as [the next chapter](20-next-steps.md) or [the About
     page](about.md): the build checks that the file is there and writes the page's address. Links within the page
     name a heading
     """,
     """
     Links to other pages are relative, such as [the next chapter](../next-steps/) or [the About page](../about/);
     links within the page name a heading
     """),
    ("content/20-next-steps.md", "(10-why-bad-years-bunch.md)", "(../why-bad-years-bunch/)"),
]
