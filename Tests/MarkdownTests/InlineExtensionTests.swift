import Testing
@testable import Markdown

@Suite struct StrikethroughTests {
    @Test func oneOrTwoTildesStrikeThrough() {
        #expect(renderMarkdown("~~Hi~~ and ~there~.\n").html == "<p><del>Hi</del> and <del>there</del>.</p>\n")
    }

    @Test func runsOfDifferentLengthOrOfThreeDoNotPair() {
        #expect(renderMarkdown("No ~mismatch~~ and ~~~three~~~\n").html == "<p>No ~mismatch~~ and ~~~three~~~</p>\n")
    }

    @Test func tildesThatCannotOpenOrCloseStayText() {
        #expect(renderMarkdown("About ~5% to ~ 10% ~\n").html == "<p>About ~5% to ~ 10% ~</p>\n")
    }

    @Test func strikethroughSpansEmphasisAndCode() {
        #expect(renderMarkdown("~~a *b* `c`~~\n").html == "<p><del>a <em>b</em> <code>c</code></del></p>\n")
    }

    @Test func strikethroughWorksInsideEmphasisHeadingsAndTableCells() {
        #expect(renderMarkdown("*x ~~y~~*\n").html == "<p><em>x <del>y</del></em></p>\n")
        #expect(renderMarkdown("## Old ~~plan~~\n").html.contains(">Old <del>plan</del></h2>"))
        #expect(renderMarkdown("| a |\n|---|\n| ~~b~~ |\n").html.contains("<td><del>b</del></td>"))
    }

    @Test func aParagraphBreakEndsTheSearchForACloser() {
        #expect(renderMarkdown("This ~~has a\n\nnew paragraph~~.\n").html == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
    }

    /// Inputs and outputs from cmark-gfm 0.29.0.gfm.13 (`cmarkgfm.github_flavored_markdown_to_html`).
    @Test(arguments: [
        (#"\~~x~~"#, "<p>~~x~~</p>\n"),
        (#"~~x\~~"#, "<p>~~x~~</p>\n"),
        (#"a \~~b~~ c"#, "<p>a ~~b~~ c</p>\n"),
        (#"~~a \~ b~~"#, "<p><del>a ~ b</del></p>\n"),
        (#"~x\~y~"#, "<p><del>x~y</del></p>\n"),
        ("&#126;&#126;x&#126;&#126;", "<p>~~x~~</p>\n"),
        ("&#x7E;x~", "<p>~x~</p>\n"),
        (#"\\~~x~~"#, "<p>\\<del>x</del></p>\n"),
        (#"[~~x~~](/u\~)"#, "<p><a href=\"/u~\"><del>x</del></a></p>\n"),
    ])
    func anEscapedTildeNeverStrikesThrough(_ markdown: String, _ html: String) {
        #expect(renderMarkdown(markdown + "\n", options: MarkdownOptions(smartPunctuation: false)).html == html)
    }

    @Test func anEscapedTildeInATableCellACaptionOrABoxStaysText() {
        let table = renderMarkdown("| a |\n|---|\n| \\~~x~~ |\n\nTable: About \\~~5~~\n").html
        #expect(table.contains("<td>~~x~~</td>"))
        #expect(table.contains("aria-label=\"About ~~5~~\""))
        #expect(table.contains("About ~~5~~</caption>"))
        let boxed = renderMarkdown("```careful\n\\~~x~~ and ~~y~~\n```\n",
                                   options: MarkdownOptions(containerFences: ["careful": .init(open: "<aside>", close: "</aside>")]))
        #expect(boxed.html.contains("<p>~~x~~ and <del>y</del></p>"))
        #expect(!boxed.html.contains("\u{10FFFD}") && !table.contains("\u{10FFFD}"))
    }

    @Test func pairsNearestOpenerOfTheSameLength() {
        let runs = [TildeRun(length: 1, canOpen: true, canClose: false), TildeRun(length: 2, canOpen: true, canClose: false),
                    TildeRun(length: 2, canOpen: false, canClose: true), TildeRun(length: 1, canOpen: false, canClose: true)]
        #expect(pairTildeRuns(runs).map { [$0.0, $0.1] } == [[1, 2], [0, 3]])
    }
}

@Suite struct ExtendedAutolinkTests {
    @Test func linksWWWAddressesWithHTTP() {
        #expect(findExtendedAutolinks(in: "Visit www.commonmark.org/help.") ==
                [ExtendedAutolink(range: 6..<29, destination: "http://www.commonmark.org/help", text: "www.commonmark.org/help")])
    }

    @Test func linksURLsAndKeepsBalancedParentheses() {
        let links = findExtendedAutolinks(in: "(see https://en.wikipedia.org/wiki/Bubble_(economics))")
        #expect(links.map(\.destination) == ["https://en.wikipedia.org/wiki/Bubble_(economics)"])
    }

    @Test func linksEmailAddressesButNotCitationKeys() {
        #expect(findExtendedAutolinks(in: "Write to press@example.org.").map(\.destination) == ["mailto:press@example.org"])
        #expect(findExtendedAutolinks(in: "[@iea-2025] and @someone").isEmpty)
    }

    @Test func smartQuotesAroundAURLAreNotPartOfIt() {
        let html = renderMarkdown("He said \"http://example.com/it's\" twice.\n").html
        #expect(html == "<p>He said “<a href=\"http://example.com/it&#x27;s\">http://example.com/it's</a>” twice.</p>\n")
    }

    @Test func textInsideLinksIsNotLinkedAgain() {
        #expect(renderMarkdown("[www.example.com](https://example.org)\n").html
                == "<p><a href=\"https://example.org\">www.example.com</a></p>\n")
    }

    @Test func autolinksAreCollectedForLinkChecking() {
        let rendered = renderMarkdown("See www.example.com.\n")
        #expect(rendered.links.map(\.destination) == ["http://www.example.com"])
    }

    /// Text whose every "@" follows a space or a bracket (citations) is not scanned; an address next to one still is,
    /// also after typographic punctuation that reads back as its local part ("…" as "...").
    @Test func emailAddressesBesideCitationsAreLinked() {
        #expect(renderMarkdown("A claim [@key]. Write to ann@example.org.\n").html
                    .hasSuffix(". Write to <a href=\"mailto:ann@example.org\">ann@example.org</a>.</p>\n"))
        #expect(renderMarkdown("Risk [@a; @b], see www.example.com.\n").html.contains("<a href=\"http://www.example.com\">"))
        #expect(!renderMarkdown("No address [@key] or @handle here.\n").html.contains("mailto:"))
        let ellipsis = "Then x\u{2026}@example.org."
        #expect(!findExtendedAutolinks(in: ellipsis).isEmpty)
        #expect(renderMarkdown(ellipsis + "\n").html.contains("mailto:"))
    }

    @Test func otherSchemesAndBareDomainsAreNotLinked() {
        #expect(findExtendedAutolinks(in: "javascript://x example.com xhttp://a.b").isEmpty)
    }
}

@Suite struct TaskListTests {
    @Test func markersBecomeDisabledCheckboxes() {
        #expect(renderMarkdown("- [ ] to do\n- [x] done\n- [X] also *done*\n").html == """
            <ul>
            <li><label><input type="checkbox" disabled="" /> to do</label></li>
            <li><label><input type="checkbox" checked="" disabled="" /> done</label></li>
            <li><label><input type="checkbox" checked="" disabled="" /> also <em>done</em></label></li>
            </ul>

            """)
    }

    @Test func onlyAMarkerAtTheStartOfAnItemCounts() {
        #expect(taskMarker("[ ] a") == false)
        #expect(taskMarker("[x]\ta") == true)
        #expect(taskMarker("[y] a") == nil)
        #expect(taskMarker("[x]a") == nil)
        #expect(renderMarkdown("Not [ ] in text.\n\n- item [x] later\n").html.contains("<li>item [x] later</li>"))
    }
}
