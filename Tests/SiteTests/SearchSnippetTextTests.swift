import Testing
@testable import Site

/// A search result's snippet reads as its page does (writer trial 9): a reference to a figure or table shows its
/// label, a captioned table its number, and a chapter's footnotes are a result of their own, without "↩", instead of
/// words added to the end of its last section.
@Suite struct SearchSnippetText {
    static let one = """
        ---
        title: One
        ---
        Text.

        ```chart
        id: fig-a
        title: Spending against revenue
        caption: Capex outruns revenue. Illustrative model, not a forecast.
        model: capexGap
        kind: line
        series: [capex, aiRevenue]
        ```

        [](#figure-fig-a) shows the gap.

        ## Last

        The last section ends here.[^n]

        [^n]: The note says more, see [](#figure-fig-a).

        """

    static let two = """
        ---
        title: Two
        ---
        | Phase | Range |
        |---|---|
        | Spring | 3.9 |

        Table: Tidal range by phase {#table-range}

        [](#table-range) shows the difference; [](01-one.md#figure-fig-a) too.

        """

    static var site: SourceTree {
        miniSite(chapter: one, name: "01-one.md", extraChapters: [SourceFile(path: "content/02-two.md", text: two)])
    }

    /// Every search file of the built site, as one text.
    static func searchFiles(_ output: OutputTree) -> String {
        output.sortedPaths.filter { $0.hasPrefix("search/") }.compactMap { text(output, $0) }.joined(separator: "\n")
    }

    @Test func referencesShowTheirLabelsAndTablesTheirNumbers() throws {
        let files = Self.searchFiles(try build(Self.site))
        #expect(files.contains("Text. Figure 1.1 shows the gap."))
        #expect(files.contains("Table 2.1. Tidal range by phase"))
        #expect(files.contains("Table 2.1 shows the difference; Figure 1.1 too."))
    }

    @Test func footnotesAreAResultOfTheirOwnWithoutTheirLinksBack() throws {
        let inputs = try SiteInputs.parse(Self.site)
        let chapter = try parseChapter(Self.site.chapters[0], place: ChapterFile(fileName: "01-one.md")!,
                                       terms: inputs.autolinkTerms, registry: .standard)
        let documents = searchDocuments(of: chapter)
        #expect(documents.map(\.anchor) == ["", "figure-fig-a", "last", "fn-1"])
        let last = try #require(documents.first { $0.anchor == "last" })
        // No footnote text, and no footnote mark glued to the last word ("here.1").
        #expect(last.text == "The last section ends here.")
        let notes = try #require(documents.last)
        #expect(notes.heading == "Footnotes")
        #expect(notes.page == "one/")
        #expect(notes.text == "The note says more, see Figure 1.1.")
        #expect(!documents.contains { $0.text.contains("↩") })
        // The list's name is the result's heading, not one of its words.
        #expect(!notes.fields.contains { $0.text == "Footnotes" })
    }

    @Test func theBuiltIndexHasNoLinkBackArrow() throws {
        let files = Self.searchFiles(try build(Self.site))
        #expect(!files.contains("↩") && !files.contains("\\u21a9"))
        #expect(files.contains("The note says more, see Figure 1.1."))
    }

    /// The preview's rebuilds keep each page's documents in a cache: a chapter put in front renumbers the figures, and
    /// the references of the pages that did not change must show the new numbers too.
    @Test func aCachedRebuildShowsNewNumbersInPagesThatDidNotChange() throws {
        let options = BuildOptions(parseCache: ParseCache(), pageCache: PageCache(), templateCache: TemplateCache(),
                                   searchCache: SearchCache())
        var site = Self.site
        #expect(Self.searchFiles(try build(site, options: options)).contains("Figure 1.1 shows the gap."))
        site.chapters.append(SourceFile(path: "content/00-zero.md", text: "---\ntitle: Zero\n---\nFirst.\n"))
        site.chapters.sort { $0.path < $1.path }
        let rebuilt = try build(site, options: options)
        #expect(Self.searchFiles(rebuilt).contains("Figure 2.1 shows the gap."))
        #expect(Self.searchFiles(rebuilt).contains("Table 3.1 shows the difference; Figure 2.1 too."))
        #expect(rebuilt == (try build(site)))
    }
}
