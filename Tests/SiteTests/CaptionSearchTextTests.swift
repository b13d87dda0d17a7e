import Testing
@testable import Site

/// Search indexes and quotes a figure's caption as the page shows it, without the `[@key]` citations as typed (they
/// are the page's note marks; a snippet would show the raw Markdown).
@Suite struct CaptionSearchText {
    static let chapter = """
        ---
        title: Slicing the pool
        ---

        Text.

        ```chart
        id: fig-a
        title: Spending against revenue
        caption: 'Capex outruns revenue [@book, p. 4]. It is "roughly" 50 % [@book; @paper].'
        model: capexGap
        kind: line
        series: [capex, aiRevenue]
        ```

        """

    static let sources = "book:\n  title: Structured finance\npaper:\n  title: A paper\n"

    @Test func theFiguresSearchTextHasNoCitationsAndTheCaptionsTypography() throws {
        let site = miniSite(chapter: Self.chapter, name: "01-slicing.md", sources: Self.sources)
        let inputs = try SiteInputs.parse(site)
        let chapter = try parseChapter(site.chapters[0], place: ChapterFile(fileName: "01-slicing.md")!,
                                       terms: inputs.autolinkTerms, registry: .standard)
        let figure = try #require(searchDocuments(of: chapter).first { $0.anchor == "figure-fig-a" })
        #expect(figure.text == "Capex outruns revenue. It is \u{201C}roughly\u{201D} 50\u{202F}%.")
        #expect(figure.fields.map(\.text).contains(figure.text))
        #expect(!figure.fields.contains { $0.text.contains("@") })
    }

    @Test func noSearchFileOfTheBuiltSiteHoldsACitationAsTyped() throws {
        let output = try build(miniSite(chapter: Self.chapter, name: "01-slicing.md", sources: Self.sources))
        let files = output.sortedPaths.filter { $0.hasPrefix("search/") }
        #expect(!files.isEmpty)
        for path in files { #expect(text(output, path)?.contains("[@book") == false, "\(path)") }
        #expect(files.contains { text(output, $0)?.contains("Capex outruns revenue.") == true })
    }
}
