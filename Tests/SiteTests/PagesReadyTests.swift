import Foundation
import Synchronization
import Testing
@testable import Site

/// `BuildOptions.pagesReady`: the preview shows a build's pages while its search index is still being made. The
/// pages handed over must be exactly the finished build's (all but the index), and only ever those of a good build.
@Suite struct PagesBeforeTheIndex {
    /// Files handed to `pagesReady`, if it was called.
    private final class Handed: @unchecked Sendable {
        private let lock = NSLock()
        private var trees: [OutputTree] = []
        func add(_ tree: OutputTree) { lock.withLock { trees.append(tree) } }
        var all: [OutputTree] { lock.withLock { trees } }
    }

    /// A one-language site with search, three chapters, on the real templates; `extra` is appended to chapter 2.
    private func site(_ extra: String = "") -> SourceTree {
        let files = (1...3).map { number in
            SourceFile(path: "content/0\(number)-chapter-\(number).md",
                       text: "---\ntitle: Chapter \(number)\n---\n\n## A heading\n\nA paragraph about bonds in chapter \(number).\n"
                           + (number == 2 ? extra : ""))
        }
        return SourceTree(config: SourceFile(path: "content/site.yml", text: "title: Small\ndescription: Three chapters.\nlanguage: en\n"),
                          chapters: files, sources: nil, glossary: nil, data: [], templates: repositorySource.templates,
                          assets: repositorySource.assets, images: [])
    }

    /// The preview's options (every cache), reporting to `handed`.
    private func previewOptions(_ handed: Handed) -> BuildOptions {
        var options = BuildOptions(figureCache: FigureCache(), parseCache: ParseCache(), pageCache: PageCache(),
                                   templateCache: TemplateCache(), searchCache: SearchCache())
        options.pagesReady = { handed.add($0) }
        return options
    }

    @Test func everyFileButTheIndexIsHandedOverOnceAndTheBuildIsUnchanged() throws {
        let handed = Handed()
        let options = previewOptions(handed)
        for extra in ["", "\nOne more sentence.\n"] {  // a first build, then a rebuild from the caches
            let before = handed.all.count
            let whole = try build(site(extra), options: options)
            #expect(whole == (try build(site(extra))))
            try #require(handed.all.count == before + 1)
            let pages = handed.all[before]
            let indexFiles = Set(whole.files.keys).subtracting(pages.files.keys)
            #expect(!indexFiles.isEmpty && indexFiles.allSatisfy { $0.hasPrefix("search/") }, "\(indexFiles.sorted())")
            #expect(pages.files.allSatisfy { whole.files[$0.key] == $0.value })
            #expect(pages.files["chapter-2/index.html"].map { String(decoding: $0, as: UTF8.self).contains("chapter 2") } == true)
        }
    }

    @Test func theIndexIsBegunOnlyOnceThePagesAreHandedOver() throws {
        // A rebuild after an edit: until the pages are shown, the index has taken nothing from the cache (it has not
        // begun), so the pages have had every core; then it takes the unchanged chapters' documents.
        let handed = Handed()
        let cache = SearchCache()
        var options = BuildOptions(figureCache: FigureCache(), parseCache: ParseCache(), pageCache: PageCache(),
                                   templateCache: TemplateCache(), searchCache: cache)
        _ = try build(site(), options: options)
        let hitsBefore = cache.hits
        let hitsWhenShown = Mutex<Int?>(nil)
        options.pagesReady = { pages in
            hitsWhenShown.withLock { $0 = cache.hits }
            handed.add(pages)
        }
        _ = try build(site("\nOne more sentence.\n"), options: options)
        #expect(handed.all.count == 1)
        #expect(hitsWhenShown.withLock { $0 } == hitsBefore)
        #expect(cache.hits > hitsBefore)
    }

    @Test(arguments: [
        ("a broken link", "\nSee [nowhere](09-missing.md).\n"),
        ("an internal string", "\nSee CONTENT.md.\n"),
    ])
    func aBuildWithAProblemHandsOverNothing(_ problem: String, _ extra: String) {
        let handed = Handed()
        #expect(throws: BuildFailure.self, "\(problem)") { try build(site(extra), options: previewOptions(handed)) }
        #expect(handed.all.isEmpty, "\(problem)")
    }

    @Test func aSiteWithoutSearchHandsOverNothing() throws {
        let handed = Handed()
        var noSearch = site()
        noSearch.config = SourceFile(path: "content/site.yml", text: "title: Small\ndescription: Three chapters.\nlanguage: en\nsearch: false\n")
        _ = try build(noSearch, options: previewOptions(handed))
        #expect(handed.all.isEmpty)
    }

    @Test func aSiteInTwoLanguagesHandsOverBothLanguagesPagesAndThenAddsBothIndexes() throws {
        // This repository's site: English at the root, Traditional Chinese under zh-hant/, an index for each.
        let handed = Handed()
        let whole = try build(repositorySource, options: previewOptions(handed))
        #expect(whole == (try build(repositorySource, options: BuildOptions(figureCache: FigureCache()))))
        try #require(handed.all.count == 1)
        let pages = handed.all[0]
        let indexFiles = Set(whole.files.keys).subtracting(pages.files.keys)
        #expect(indexFiles.contains { $0.hasPrefix("search/") } && indexFiles.contains { $0.hasPrefix("zh-hant/search/") },
                "\(indexFiles.sorted())")
        #expect(indexFiles.allSatisfy { $0.hasPrefix("search/") || $0.hasPrefix("zh-hant/search/") }, "\(indexFiles.sorted())")
        #expect(pages.files.allSatisfy { whole.files[$0.key] == $0.value })
    }
}
