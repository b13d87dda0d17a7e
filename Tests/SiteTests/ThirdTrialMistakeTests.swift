import Testing
@testable import Site

/// Markdown mistakes the third new-writer trial found published without a word (2026-12-06): each is now an error
/// (or, where the text may be meant, a warning) at its place, with what to write instead.
@Suite struct ThirdTrialMistakeTests {
    private func chapter(_ body: String) -> String { "---\ntitle: A\n---\n" + body }
    private func places(_ found: [Diagnostic]) -> [String] { found.map { "\($0.line):\($0.column)" } }

    @Test func anUnclosedHTMLCommentIsAnErrorAtItsStart() {
        let found = diagnostics(of: miniSite(chapter: chapter("<!-- TODO: check the numbers\n\n## Heading\n\nText.\n")))
        #expect(places(found) == ["4:1"])
        #expect(found.first?.message.hasPrefix("an HTML comment opens here ('<!--') and is never closed") == true)
        let inline = diagnostics(of: miniSite(chapter: chapter("Text <!-- a note that never ends.\n")))
        #expect(places(inline) == ["4:6"])
        // Closed comments, in a block or a paragraph, are hidden as before.
        #expect(diagnostics(of: miniSite(chapter: chapter("<!-- note\n\nstill the note -->\n\nText <!-- x --> more.\n"))).isEmpty)
    }

    @Test func anIndentedChartFenceIsAnErrorAtTheFence() {
        let found = diagnostics(of: miniSite(chapter: chapter("Text.\n\n    ```chart\n    id: c\n    ```\n")))
        #expect(places(found) == ["6:5"])
        #expect(found.first?.message == "'```chart' is indented four spaces or more, so it is shown as code, fence and all, not as a block")
        // An indented code block of other text, and a fenced block showing a fence, are fine.
        #expect(diagnostics(of: miniSite(chapter: chapter("Text.\n\n    let x = 1\n\n````\n```chart\n````\n"))).isEmpty)
    }

    @Test func aHeadingWithoutItsSpaceIsAnErrorWithTheHeadingToWrite() {
        let found = diagnostics(of: miniSite(chapter: chapter("Text.\n\n##When everyone is cold\n\nMore #hashtags in prose.\n")))
        #expect(places(found) == ["6:1"])
        #expect(found.first?.message == "'##When everyone is cold' is not a heading: a heading needs a space after its '##', so the page shows it as text")
        #expect(found.first?.hint == "write '## When everyone is cold'; to keep the '#' as text, write \\##When everyone is cold")
    }

    @Test func dashesRightUnderAParagraphAreAWarning() throws {
        let output = try build(miniSite(chapter: chapter("Text.\n\nA paragraph\n---\n\nMore.\n\n---\n\nAfter a rule.\n")))
        #expect(output.warnings.map { "\($0.line):\($0.column) \($0.message)" }
            == ["7:1 the line of dashes under 'A paragraph' makes that text a heading, not a paragraph above a rule"])
    }

    @Test func footnotesDefinedTwiceUnusedOrWithASpaceInTheLabel() throws {
        let twice = diagnostics(of: miniSite(chapter: chapter("A claim.[^cop]\n\n[^cop]: First.\n\n[^cop]: Second.\n")))
        #expect(twice.map(\.message) == ["footnote '[^cop]' is defined twice: only the first definition (line 6) is published"])
        #expect(places(twice) == ["8:1"])

        let unused = try build(miniSite(chapter: chapter("A claim.\n\n[^spare]: Never referred to.\n")))
        #expect(unused.warnings.map(\.message) == ["footnote '[^spare]' is defined but nothing refers to it: its text is published nowhere"])

        let spaced = diagnostics(of: miniSite(chapter: chapter("A claim.[^seasonal cop]\n\n[^seasonal cop]: The note.\n")))
        #expect(places(spaced) == ["4:9", "6:1"])
        #expect(spaced.first?.hint == "write [^seasonal-cop] here and in its definition ([^seasonal-cop]: The note's text.)")
    }

    @Test func aLinkOrImageWhoseAddressHasASpaceIsAnError() {
        let found = diagnostics(of: miniSite(chapter: chapter("See [the basics](10 what it does.md) and ![A pump](images/heat pump.png \"A pump\").\n")))
        #expect(found.map(\.message) == [
            "'[the basics](10 what it does.md)' is not a link: its address holds a space, so the page shows it as written",
            "'![A pump](images/heat pump.png “A pump”)' is not an image: its address holds a space, so the page shows it as written",
        ])
        #expect(places(found) == ["4:5", "4:42"])
        // Brackets and parentheses in prose, and a link in angle brackets, are fine.
        let fine = chapter("A list [of things] (in parentheses) and [a link](<https://example.com/a%20b>).\n")
        #expect(diagnostics(of: miniSite(chapter: fine)).isEmpty)
    }

    @Test func aSourceKeyWrittenAsABareAtIsAWarning() throws {
        let sources = "carnot-1824:\n  title: Reflections\n"
        let output = try build(miniSite(chapter: chapter("As @carnot-1824 showed, and [@carnot-1824; @carnot-1824]. Mail a@carnot-1824.org or @someone.\n"),
                                        sources: sources))
        #expect(output.warnings.map { "\($0.line):\($0.column) \($0.message)" } == [
            "4:4 '@carnot-1824' looks like a citation without brackets: 'carnot-1824' is a source, but the page shows '@carnot-1824' as text and gives it no note",
        ])
    }

    @Test func aDateThatIsNoDayOfTheCalendarIsAnError() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: 2026-11-31\n---\nText.\n"))
        #expect(found.map(\.message) == ["'date' is 2026-11-31, which is not a day of the calendar: November 2026 has 30 days"])
        #expect(places(found) == ["3:7"])
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: 2024-02-29\n---\nText.\n")).isEmpty)
        #expect(!diagnostics(of: miniSite(chapter: "---\ntitle: A\ndate: 2025-02-29\n---\nText.\n")).isEmpty)
    }

    @Test func aTitleCutShortByAHashIsAnErrorSayingToQuoteIt() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Heat pumps #1: what they do\n---\nText.\n"))
        #expect(found.map(\.message) == ["'title' would be 'Heat pumps': YAML reads ' #1: what they do' after it as a comment"])
        #expect(found.first?.hint?.hasPrefix("if ' #1: what they do' belongs to the text, put the whole text in double quotes: "
                                             + "title: \"Heat pumps #1: what they do\"") == true)
        // A comment written apart from the value, as the README's examples write theirs, is a comment.
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: Heat pumps   # required\n---\nText.\n")).isEmpty)
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: Heat pumps # the headline\n---\nText.\n")).isEmpty)
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: \"Heat pumps #1: what they do\"\n---\nText.\n")).isEmpty)
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: C#, a language\n---\nText.\n")).isEmpty)
    }

    @Test func aGlossaryPhraseUsedByTwoEntriesIsAnError() {
        var site = miniSite(chapter: chapter("The COP is high.\n"))
        site.glossary = SourceFile(path: "content/glossary.yml", text: """
            - term: Coefficient of performance
              aliases: [COP]
              definition: Heat out for each unit of power in.
            - term: COP
              definition: The same, shorter.

            """)
        let found = diagnostics(of: site)
        #expect(found.map(\.message) == ["glossary entry 'COP' uses 'COP', which the entry 'Coefficient of performance' (line 1) "
            + "already uses: the text's 'COP' links to only one of them"])
        #expect(places(found) == ["4:9"])
    }

    @Test func aLinkToAFiguresIdWithoutItsPrefixSuggestsTheFigure() {
        let block = "```chart\nid: cop\ntitle: T\ncaption: Illustrative model.\nmodel: gpuCollateral\nseries: [debt]\n```\n"
        let found = diagnostics(of: miniSite(chapter: chapter("See [the chart](#cop).\n\n" + block)))
        #expect(found.map(\.hint) == ["did you mean '#figure-cop'?"])
    }

    @Test func markdownInSiteYmlsFooterIsAnError() {
        let config = "title: T\nfooter: \"Text under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).\"\n"
        let found = diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: config))
        #expect(found.map(\.message) == ["'footer' is plain text, not Markdown: pages would show "
            + "'[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)' as written"])
        #expect(places(found) == ["2:9"])
        #expect(diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: "title: T\nfooter: Plain words (and brackets).\n")).isEmpty)
    }

    // The fourth trial's (2026-12-06): more that was published without a word.

    @Test func aChapterNamedLikeAPageTheSiteWritesOrALanguagesFolderIsAnError() {
        let sources = SourceFile(path: "content/40-sources.md", text: "---\ntitle: S\n---\nText.\n")
        let found = diagnostics(of: miniSite(chapter: chapter("Text.\n"), extraChapters: [sources]))
        #expect(found.map(\.message) == ["a chapter cannot be called 'sources': the site uses sources/ itself"])
        #expect(found.first?.hint == "choose another name, e.g. 40-sources-notes.md")

        let config = "title: T\nlanguages:\n  - code: en\n  - code: fr\n    path: sales\n    fallback: true\n"
        let sales = SourceFile(path: "content/20-sales.md", text: "---\ntitle: Sales\n---\nText.\n")
        let clash = diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: config, extraChapters: [sales]))
        #expect(clash.contains { $0.file == "content/20-sales.md"
            && $0.message == "'sales/' is both this page's folder and the folder of the language 'fr' (its 'path' in site.yml)" })
    }

    @Test func tableRowsWithExtraCellsTablesWithoutDelimiterAndLoneCaptionsAreErrors() {
        let long = diagnostics(of: miniSite(chapter: chapter("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 | lost |\n")))
        #expect(long.map(\.message) == ["this table row has 3 cells but the header has 2: the page would drop the last 1"])
        #expect(places(long) == ["7:1"])
        let bare = diagnostics(of: miniSite(chapter: chapter("Text.\n\n| A | B |\n| 1 | 2 |\n")))
        #expect(bare.map(\.message) == ["these lines look like a table but have no line of dashes under the header, so the page shows them as text"])
        #expect(places(bare) == ["6:1"])
        let lone = diagnostics(of: miniSite(chapter: chapter("Text.\n\nTable: Costs by year\n")))
        #expect(lone.map(\.message) == ["'Table: Costs by year' is a table caption with no table right above it, so the page shows it as text"])
        // A table with its caption, and a trailing empty cell, are fine.
        #expect(diagnostics(of: miniSite(chapter: chapter("| A | B |\n|---|---|\n| 1 | 2 ||\n\nTable: Costs\n"))).isEmpty)
    }

    @Test func anEmptyLinkTextIsAnErrorButAFigureReferenceFillsItsOwn() {
        let found = diagnostics(of: miniSite(chapter: chapter("See [](https://example.org/x) here.\n")))
        #expect(found.map(\.message) == ["the link to 'https://example.org/x' has no text: the reader would see nothing to click"])
        #expect(places(found) == ["4:5"])
    }

    @Test func markdownOrCurlyQuotesInFrontMatterAndGlossaryTextsAreErrors() {
        let question = diagnostics(of: miniSite(chapter: "---\ntitle: A\nquestion: How can a *machine* move heat?\n---\nText.\n"))
        #expect(question.map(\.message) == ["'question' is plain text, not Markdown: pages would show '*machine*' as written"])
        #expect(places(question) == ["3:11"])
        let cited = diagnostics(of: miniSite(chapter: "---\ntitle: A\nsummary: As shown [@carnot-1824].\n---\nText.\n"))
        #expect(cited.first?.message == "'summary' is plain text, not Markdown: pages would show '[@carnot-1824]' as written, and the source would get no note")
        let curly = diagnostics(of: miniSite(chapter: "---\ntitle: “Sales over a decade”\n---\nText.\n"))
        #expect(curly.first?.message == "'title' is written in curly quotes (“…”), which YAML keeps as part of the text: the page would show them")
        // Arithmetic, a lone asterisk and words in parentheses are not Markdown.
        #expect(diagnostics(of: miniSite(chapter: "---\ntitle: 2 * 3 * 4, a star * and (words)\n---\nText.\n")).isEmpty)

        var site = miniSite(chapter: chapter("The fluid moves.\n"))
        site.glossary = SourceFile(path: "content/glossary.yml", text: "- term: fluid\n  definition: A *liquid* or gas.\n")
        #expect(diagnostics(of: site).map(\.message) == ["'definition' is plain text, not Markdown: pages would show '*liquid*' as written"])
    }

    @Test func aBoxNameInOtherLettersOrAnotherToolsWordIsAnError() {
        let found = diagnostics(of: miniSite(chapter: chapter("```Careful\nA caveat.\n```\n\n```caution\nAnother.\n```\n\n```swift\nlet x = 1\n```\n")))
        #expect(found.map(\.message) == ["'```Careful' is not a block this site knows, so the page shows it as code",
                                          "'```caution' is not a block this site knows, so the page shows it as code"])
        #expect(found.map(\.hint) == ["write '```careful' (block names are lower case)",
                                       "write '```careful', this site's box for caveats and contested claims (a highlighted \"Careful\" box)"])
    }

    @Test func aBaseURLOnThisMachineIsAWarningAndOneNamingAPageAnError() throws {
        let local = try build(miniSite(chapter: chapter("Text.\n"), config: "title: T\nbaseURL: http://localhost:8080/\nupdated: 2026-01-01\n"))
        #expect(local.warnings.map(\.line) == [2])
        #expect(local.warnings.first?.message.hasPrefix("'baseURL' http://localhost:8080/ is this machine's own address") == true)
        let page = diagnostics(of: miniSite(chapter: chapter("Text.\n"), config: "title: T\nbaseURL: https://example.org/pumps/index.html\nupdated: 2026-01-01\n"))
        #expect(page.map(\.message) == ["'baseURL' names a page ('index.html'), not the folder the site is published in"])
        #expect(page.first?.hint == "write the folder: https://example.org/pumps/")
    }

    @Test func theStartersStandInsAreWarnings() throws {
        let output = try build(starterSource(title: "Mine"))
        #expect(output.warnings.map(\.message).sorted() == [
            "'author' is still the starter's 'Your name': every page would show it",
            "'authors' is still the starter's 'Your name': the page would show it",
            "'description' is still the starter's 'A short explainer, written in Markdown and built with explainer.': every page would show it",
        ])
    }

    @Test func aSourceNoPageCitesIsAWarningAtItsEntry() throws {
        let sources = "cited-2020:\n  title: Cited\nspare-2021:\n  title: Spare\n"
        let output = try build(miniSite(chapter: chapter("As shown [@cited-2020].\n"), sources: sources))
        #expect(output.warnings.map { "\($0.file):\($0.line) \($0.message)" }
            == ["content/sources.yml:3 source 'spare-2021' is cited on no page, but the sources page lists it among the sources cited"])
    }

    /// Trial 15 (S8): `[@k，p. 113]`, typed with an input method's comma.
    @Test func aCitationWithAFullWidthCommaGetsTheASCIIForm() {
        let found = diagnostics(of: miniSite(chapter: chapter("As shown [@cited-2020，p. 113].\n"), sources: "cited-2020:\n  title: Cited\n"))
        #expect(found.first?.hint?.hasPrefix("the '，' is a full-width sign from an input method; write [@cited-2020, p. 113]:") == true,
                "\(found)")
    }

    /// Trial 15 (S9): a key with an accent was accepted, and each citation of it printed as written.
    @Test func aSourceKeyWithAnAccentIsAnErrorAtTheKey() {
        let found = diagnostics(of: miniSite(chapter: chapter("As shown.\n"), sources: "aemet-año-2023:\n  title: Boletín\n"))
        #expect(found.map { "\($0.line) \($0.message)" }
                == ["1 source key 'aemet-año-2023' has 'ñ', which a citation's key cannot hold: every [@aemet-año-2023] would be printed as written"])
        #expect(found.first?.hint == "keys are ASCII letters, digits and - _ . : — write 'aemet-anyo-2023' here and in its citations")
    }

    /// Trial 15 (S3): a title typed in its own quotation marks was printed in two pairs.
    @Test func aTitleTypedInItsOwnQuotationMarksIsPrintedInOnePair() throws {
        #expect(withoutEnclosingQuotes("\u{201C}Boletín semanal\u{201D}") == "Boletín semanal")
        #expect(withoutEnclosingQuotes("「乾旱報告」") == "乾旱報告")
        #expect(withoutEnclosingQuotes("\u{201C}A\u{201D} and \u{201C}B\u{201D}") == "\u{201C}A\u{201D} and \u{201C}B\u{201D}")
        let sources = "cited-2020:\n  title: \u{201C}Boletín semanal\u{201D}\n"
        let output = try build(miniSite(chapter: chapter("As shown [@cited-2020].\n"), sources: sources))
        let page = try #require(text(output, "sources/index.html"))
        #expect(page.contains("Boletín semanal") && !page.contains("\u{201C}\u{201C}"))
    }

    @Test func aSourceConsultedBeforeItsDateIsAnErrorAtConsulted() {
        func found(_ consulted: String, date: String) -> [Diagnostic] {
            let sources = "cited-2024:\n  title: Cited\n  date: \(date)\n  url: https://example.org/a\n  consulted: \(consulted)\n"
            return diagnostics(of: miniSite(chapter: chapter("As shown [@cited-2024].\n"), sources: sources))
        }
        let early = found("2023-11-20", date: "2024")
        #expect(early.map { "\($0.line) \($0.message)" } == ["5 source 'cited-2024' was consulted on 2023-11-20, before its date 2024"])
        #expect(found("2024-03-02", date: "2024").isEmpty)
        #expect(found("2024-03-02", date: "2024-03").isEmpty)
        #expect(found("2024-03-02", date: "2024-03-02").isEmpty)
        #expect(found("2024-03-01", date: "2024-03-02").count == 1)
    }
}
