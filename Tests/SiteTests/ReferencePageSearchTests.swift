import Testing
@testable import Site

/// Furniture review 12: searching "glossary" found only the home page, and nothing found a correction (the corrections
/// page was not indexed, so "corrected" matched "correlation" instead).
@Suite struct ReferencePageSearch {
    private let corrections = [
        Correction(date: "2026-12-07", chapter: "02-run", text: "We said *twelve*; it is eleven.", line: 1, chapterLine: 2),
        Correction(date: "2026-12-07", chapter: "02-run", text: "We said blue.", line: 4, chapterLine: 5),
        Correction(date: "2026-12-01", chapter: nil, text: "A site-wide fix.", line: 7, chapterLine: 0),
    ]

    @Test func eachReferencePageIsFoundByItsTitleAndEachCorrectionByItsWords() {
        let documents = referencePageDocuments(
            titles: [(page: "glossary/", title: "Glossary", intro: "Terms."), (page: "corrections/", title: "Corrections", intro: "Every correction.")],
            corrections: corrections, pageTitles: ["02-run": "Chapter 2: The run"], words: .english)
        #expect(documents.map(\.page) == ["glossary/", "corrections/", "corrections/", "corrections/", "corrections/"])
        #expect(documents[0].fields.first?.text == "Glossary" && documents[0].heading.isEmpty && documents[0].anchor.isEmpty)
        let first = documents[2]
        #expect(first.heading == "7 December 2026 · Chapter 2: The run")
        #expect(first.text == "We said twelve; it is eleven.")
        // The anchors are the corrections page's own: two of one day and page are numbered.
        #expect(documents[2...].map(\.anchor) == ["correction-2026-12-07-02-run", "correction-2026-12-07-02-run-2",
                                                  "correction-2026-12-01"])
        #expect(documents[4].heading == "1 December 2026")
    }

    @Test func withoutACorrectionsPageNoCorrectionIsIndexed() {
        let documents = referencePageDocuments(titles: [(page: "sources/", title: "Sources", intro: "")], corrections: corrections,
                                               pageTitles: [:], words: .english)
        #expect(documents.map(\.page) == ["sources/"])
    }

    @Test func aBuiltSitesIndexHoldsItsCorrectionsAndTheirPage() throws {
        var site = miniSite(chapter: "---\ntitle: Intro\n---\nText.\n",
                            extraChapters: [SourceFile(path: "content/02-run.md", text: "---\ntitle: The run\n---\nText.\n")])
        site.corrections = SourceFile(path: "content/corrections.yml",
                                      text: "- date: 2026-12-07\n  chapter: 02-run\n  text: We said zebrafish.\n")
        let output = try build(site)
        let index = output.sortedPaths.filter { $0.hasPrefix("search/") }.compactMap { text(output, $0) }.joined()
        #expect(index.contains("We said zebrafish."))
        #expect(index.contains("correction-2026-12-07-02-run"))
    }
}
