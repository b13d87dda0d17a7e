import Testing
@testable import Site

/// The plain texts of front matter, glossary and site.yml get the punctuation the Markdown body gets (the third writer
/// trial: `lender's` in the title above a body with `lender’s`).
@Suite struct PlainTextPunctuationTests {
    private let chapter = """
        ---
        title: A lender's "safe" bet
        question: Who's left holding the loss?
        summary: Banks -- and then the funds...
        takeaway: It's the <fund> & "its" savers that lose.
        description: The lender's view --- in short.
        ---
        The lender's view: a tranche is "safe" -- until it is not.

        ## The lender's side

        Text.

        """

    private func site() throws -> OutputTree {
        var source = miniSite(chapter: chapter, config: "title: Lenders' guide\ndescription: What \"safe\" means\nlanguage: en\n"
                                  + "footer: Charts marked 'illustrative' are models -- not forecasts.\n")
        source.glossary = SourceFile(path: "content/glossary.yml",
                                     text: "- term: tranche\n  definition: A slice of a pool's losses, from \"safe\" to risky.\n")
        return try build(source)
    }

    @Test func frontMatterTextsAreTypographicWhereverTheyAreShown() throws {
        let output = try site()
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<title>A lender’s “safe” bet · Lenders’ guide</title>"))
        #expect(page.contains("<meta name=\"description\" content=\"The lender’s view — in short.\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"A lender’s “safe” bet\">"))
        #expect(page.contains("<meta property=\"og:site_name\" content=\"Lenders’ guide\">"))
        #expect(page.contains(">A lender’s “safe” bet</h1>"))
        #expect(page.contains("<p>Who’s left holding the loss?</p>"))
        // Escaped as before: only the quotes changed.
        #expect(page.contains("<p>It’s the &lt;fund&gt; &amp; “its” savers that lose.</p>"))
        #expect(page.contains("Charts marked ‘illustrative’ are models – not forecasts."))
        // The body, as before.
        #expect(page.contains("The lender’s view: a ") && page.contains(" is “safe” – until it is not."))
        let home = try #require(text(output, "index.html"))
        #expect(home.contains("A lender’s “safe” bet") && home.contains("Banks – and then the funds…"))
        #expect(home.contains("<meta name=\"description\" content=\"What “safe” means\">"))
        for (path, bytes) in output.files where path.hasSuffix(".html") || path.hasPrefix("search/") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("lender's") && !text.contains("lender&#39;s") && !text.contains("Lenders&#39;"), "\(path)")
        }
        let search = output.files.filter { $0.key.hasPrefix("search/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(search.contains("A lender’s “safe” bet") || search.contains("A lender\\u2019s \\u201csafe\\u201d bet"))
    }

    @Test func glossaryDefinitionsAreTypographic() throws {
        let output = try site()
        let glossary = try #require(text(output, "glossary/index.html"))
        #expect(glossary.contains("A slice of a pool’s losses, from “safe” to risky."))
        #expect(!glossary.contains("pool&#39;s"))
    }
}
