import Testing
@testable import Markdown

@Suite struct MarkdownRenderingTests {
    @Test func rendersCommonMarkBasics() {
        let html = renderMarkdown("Some *emphasis* and **strong** text.\n\n- one\n- two\n").html
        #expect(html == "<p>Some <em>emphasis</em> and <strong>strong</strong> text.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }

    @Test func suppressesRawHTML() {
        let html = renderMarkdown("<script>alert(1)</script>\n\nText with <b>inline</b> tag.\n").html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func makesPunctuationTypographic() {
        let html = renderMarkdown("\"Quoted\" -- it's fine --- really.\n").html
        #expect(html == "<p>“Quoted” – it’s fine — really.</p>\n")
    }

    @Test func givesHeadingsStableUniqueIDs() {
        let rendered = renderMarkdown("## The bond\n\ntext\n\n## The bond\n\n### Step 1: build it!\n\n## The bond\n")
        #expect(rendered.headings.map(\.id) == ["the-bond", "the-bond-2", "step-1-build-it", "the-bond-3"])
        #expect(rendered.html.contains("<h2 id=\"the-bond\">The bond</h2>"))
        #expect(rendered.html.contains("<h3 id=\"step-1-build-it\">Step 1: build it!</h3>"))
        #expect(rendered.headings.map(\.line) == [1, 5, 7, 9])
    }

    @Test func headingIDsAvoidReservedIDs() {
        let rendered = renderMarkdown("## Notes\n", options: MarkdownOptions(reservedIDs: ["notes"]))
        #expect(rendered.headings.first?.id == "notes-2")
    }

    @Test func interceptsChartBlocksAndLeavesOtherCode() {
        let text = "Intro.\n\n```chart\nid: a\nmodel: tranching\n```\n\n```swift\nlet x = 1\n```\n"
        let rendered = renderMarkdown(text, options: MarkdownOptions(interceptedFences: ["chart"]))
        #expect(rendered.blocks == [FencedBlock(info: "chart", body: "id: a\nmodel: tranching\n", line: 3, column: 1)])
        #expect(rendered.html.contains(RenderedMarkdown.placeholder(forBlock: 0)))
        #expect(!rendered.html.contains("model: tranching"))
        #expect(rendered.html.contains("<code class=\"language-swift\">let x = 1"))
    }

    @Test func numbersCitationsByFirstUse() {
        let text = "A claim [@iea].\n\nTwo more [@lbnl; @iea] and\nagain [@lbnl].\n"
        let rendered = renderMarkdown(text)
        #expect(rendered.citations.map(\.key) == ["iea", "lbnl", "iea", "lbnl"])
        #expect(rendered.citations.map(\.number) == [1, 2, 1, 2])
        #expect(rendered.citations.map(\.line) == [1, 3, 3, 4])
        #expect(rendered.citations[1].column == 11)
        #expect(rendered.html.contains("<sup class=\"cite\"><a href=\"#note-2\" id=\"cite-2\">2</a>, <a href=\"#note-1\">1</a></sup>"))
    }

    @Test func aCitationsMarkKeepsToTheWordBeforeIt() {
        let mark = "<sup class=\"cite\"><a href=\"#note-1\" id=\"cite-1\">1</a></sup>"
        // The space, or the line break, before a citation is dropped (as Pandoc does): the mark never starts a line.
        #expect(renderMarkdown("Paid back [@iea].\n").html == "<p>Paid back\(mark).</p>\n")
        #expect(renderMarkdown("Paid back[@iea].\n").html == "<p>Paid back\(mark).</p>\n")
        #expect(renderMarkdown("Paid back \t [@iea].\n").html == "<p>Paid back\(mark).</p>\n")
        #expect(renderMarkdown("Paid\nback\n[@iea].\n").html == "<p>Paid\nback\(mark).</p>\n")
        #expect(renderMarkdown("*Paid back* [@iea] and more.\n").html == "<p><em>Paid back</em>\(mark) and more.</p>\n")
        // Text that is not plain ASCII prose is scanned by Character: the same.
        #expect(renderMarkdown("Payé “back” [@iea].\n").html == "<p>Payé “back”\(mark).</p>\n")
        // Only the space before the citation goes; the one after stays.
        #expect(renderMarkdown("A [@iea] claim.\n").html == "<p>A\(mark) claim.</p>\n")
    }

    @Test func leavesOrdinaryBracketsAlone() {
        let html = renderMarkdown("An [aside] and an email [me@example.org].\n").html
        // The address is a GFM extended autolink; the brackets stay text.
        #expect(html == "<p>An [aside] and an email [<a href=\"mailto:me@example.org\">me@example.org</a>].</p>\n")
    }

    @Test func linksFirstUseOfEachTermOnly() {
        let terms: AutolinkTerms = [AutolinkTerm(phrases: ["tranche", "tranches"], href: "../glossary/#tranche", title: "A slice")]
        let text = "## Tranches\n\nThe tranches differ. A tranche is a slice.\n"
        let html = renderMarkdown(text, options: MarkdownOptions(autolinks: terms)).html
        #expect(html.contains("The <a class=\"term\" href=\"../glossary/#tranche\" title=\"A slice\">tranches</a> differ. A tranche is"))
        #expect(html.contains("<h2 id=\"tranches\">Tranches</h2>"))
    }

    @Test func termsMatchWholeWordsOnly() {
        let terms: AutolinkTerms = [AutolinkTerm(phrases: ["ABS"], href: "g#abs", title: "t")]
        let html = renderMarkdown("Absent ABSx but ABS.\n", options: MarkdownOptions(autolinks: terms)).html
        #expect(html == "<p>Absent ABSx but <a class=\"term\" href=\"g#abs\" title=\"t\">ABS</a>.</p>\n")
    }

    @Test func collectsLinksWithPositions() {
        let rendered = renderMarkdown("Intro\n\nSee [the bond](../05-four-steps/#step-3) and ![x](img.png).\n")
        #expect(rendered.links == [
            Link(destination: "../05-four-steps/#step-3", isImage: false, line: 3, column: 16),
            Link(destination: "img.png", isImage: true, line: 3, column: 51),
        ])
    }

    @Test func countsProseWords() {
        #expect(renderMarkdown("One two three.\n\n```\ncode words here\n```\n\nFour.\n").wordCount == 4)
    }

    @Test(arguments: [("Hello, World!", "hello-world"), ("  ", "section"), ("Step 1 — build", "step-1-build"),
                      ("Meta's bond", "metas-bond"), ("Über Größe", "über-größe")])
    func slugifiesHeadingText(_ text: String, _ slug: String) {
        #expect(slugify(text) == slug)
    }
}

@Suite struct ContainerFenceTests {
    let options = MarkdownOptions(containerFences: ["careful": .init(open: "<aside class=\"careful\">", close: "</aside>")])

    @Test func rendersContainerBodyAsMarkdownInPlace() {
        let text = "Before [@a].\n\n```careful\n**Electricity.** Claim [@b] and [@a].\n```\n\nAfter [@c].\n"
        let rendered = renderMarkdown(text, options: options)
        #expect(rendered.html.contains("<aside class=\"careful\">\n<p><strong>Electricity.</strong> Claim<sup class=\"cite\"><a href=\"#note-2\" id=\"cite-2\">2</a></sup>"))
        #expect(rendered.html.contains("</aside>"))
        #expect(rendered.citations.map(\.number) == [1, 2, 1, 3])
        #expect(rendered.citations.map(\.line) == [1, 4, 4, 7])
    }

    @Test func headingsInsideContainersGetLinesInTheFile() {
        let rendered = renderMarkdown("Intro\n\n```careful\n## Inside\n```\n", options: options)
        #expect(rendered.headings.map(\.line) == [4])
        #expect(rendered.headings.map(\.id) == ["inside"])
    }
}
