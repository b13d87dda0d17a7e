import Testing
@testable import Site

/// The search index is built on a thread of its own while the pages are laid out and their links checked.
@Suite struct SearchBesideThePages {
    @Test func aLinkToAFileOfTheIndexIsNotBroken() throws {
        // The links are first checked without the index's files; a link that failed is checked again with them.
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\nThe [index](../search/en/meta.js).\n"))
        #expect(output["search/en/meta.js"] != nil)
    }

    @Test func aBrokenLinkBesideTheIndexIsReportedOnce() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Intro\n---\nText.\n\nThe [index](../search/en/none.js).\n"))
        #expect(found.map { "\($0.file):\($0.line)" } == ["content/01-intro.md:6"], "\(found)")
    }

    @Test func theIndexNamesTheListPagesByTheirHeadings() throws {
        let output = try build(miniSite(chapter: "---\ntitle: Intro\n---\nText [@a].\n",
                                        sources: "a:\n  title: A report\n  publisher: A press\n  date: '2024'\n"))
        let blocks = output.sortedPaths.filter { $0.hasPrefix("search/en/b") }.compactMap { text(output, $0) }.joined()
        #expect(blocks.contains("[\"sources/\",\"Sources\""), "\(blocks)")
    }
}
