import Testing
@testable import Site

/// A wrong value in a chapter's front matter (a date that is not one) fails the build, but does not hide the chapter's
/// other problems: its body, its chart blocks and the data files they use are checked in the same run.
@Suite struct FrontMatterValueErrors {
    private let csv = SourceFile(path: "content/data/prices.csv", text: "year,price\n1634,10\n1635,lots\n1636,30\n")
    private let sources = "garber-1989:\n  title: Famous First Bubbles\n  publisher: MIT Press\n  date: 1989\n"

    private func chapter(date: String) -> String {
        "---\ntitle: Boom\ndate: \(date)\n---\nPrices rose [@garber-1898].\n\n##Heading\n\n```chart\nid: prices\ntitle: Prices\n"
            + "caption: Bulb prices.\ndata: prices.csv\n```\n"
    }

    @Test func aBadDateDoesNotHideTheChaptersCitationHeadingAndDataProblems() {
        let found = diagnostics(of: miniSite(chapter: chapter(date: "2026-13-01"), data: [csv], sources: sources))
        let places = found.map { "\($0.file):\($0.line)" }
        #expect(places.contains("content/01-intro.md:3"), "the date: \(found)")
        #expect(found.contains { $0.file == "content/01-intro.md" && $0.line == 5 && $0.message.contains("garber-1898") },
                "the citation: \(found)")
        #expect(found.contains { $0.file == "content/01-intro.md" && $0.line == 7 }, "the heading: \(found)")
        #expect(found.contains { $0.file == "content/data/prices.csv" && $0.line == 3 && $0.message.contains("'lots'") },
                "the data file's cell: \(found)")
    }

    @Test func theSameProblemsAreFoundWithAGoodDate() {
        let bad = diagnostics(of: miniSite(chapter: chapter(date: "2026-13-01"), data: [csv], sources: sources))
        let good = diagnostics(of: miniSite(chapter: chapter(date: "2026-11-21"), data: [csv], sources: sources))
        #expect(bad.filter { $0.line != 3 || $0.file != "content/01-intro.md" } == good)
    }

    @Test func aChapterWithOnlyABadValueStillFailsTheBuild() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Boom\ndraft: yes\n---\nText.\n"))
        #expect(found.map(\.line) == [3])
        #expect(found.first?.message.contains("draft") == true)
    }

    @Test func markdownInTheTitleDoesNotHideABadCitation() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: The *boom*\n---\nText [@nobody-2000].\n"))
        #expect(found.map(\.line) == [2, 4])
    }
}
