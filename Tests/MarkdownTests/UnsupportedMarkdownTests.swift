import Testing
@testable import Markdown

@Suite struct UnsupportedMarkdownTests {
    @Test func aNULByteDoesNotCutTheDocumentShort() {
        let html = renderMarkdown("Before\u{0}after.\n\nThe last paragraph.\n").html
        #expect(html.contains("The last paragraph."))
        #expect(html.contains("Before\u{FFFD}after."))
    }

    @Test func rawHTMLBlocksAndTagsAreProblemsAtTheirPlace() {
        let rendered = renderMarkdown("Intro.\n\nSome <span class=\"x\">text</span> here.\n\n<iframe src=\"v\"></iframe>\n")
        #expect(rendered.problems == [
            MarkdownProblem(kind: .rawHTML("<span class=\"x\">"), line: 3, column: 6),
            MarkdownProblem(kind: .rawHTML("<iframe src=\"v\"></iframe>"), line: 5, column: 1),
        ])
    }

    @Test func htmlCommentsAreNotProblems() {
        #expect(renderMarkdown("<!-- hidden -->\n\nText <!-- also hidden --> more.\n").problems.isEmpty)
    }

    @Test func rawHTMLIsRenderedWhenAllowedAndStillListed() {
        let rendered = renderMarkdown("<div class=\"wide\">\n\nText.\n\n</div>\n", options: MarkdownOptions(allowRawHTML: true))
        #expect(rendered.html.contains("<div class=\"wide\">"))
        #expect(rendered.problems.count == 2)
    }

    @Test func texMathInProseIsAProblemEvenWhenCmarkMadeEmphasisOfIt() {
        let rendered = renderMarkdown("Stable if $a_1 + b_1 > 1$ holds.\n\n## When $x$ grows\n\n$$\nf \\cdot r\n$$\n")
        #expect(rendered.problems == [
            MarkdownProblem(kind: .math("$a_1 + b_1 > 1$"), line: 1, column: 11),
            MarkdownProblem(kind: .math("$x$"), line: 3, column: 9),
            MarkdownProblem(kind: .math("$$\nf \\cdot r\n$$"), line: 5, column: 1),
        ])
    }

    @Test(arguments: ["It cost $20,000 and then $30,000.", "Between $5-$6 a share.", "US$5 or US$6.",
                      "Code `$x$` is code.", "Escaped \\$x\\$ dollars.", "A lone $ sign.", "From $368 billion to $154 billion."])
    func moneyCodeAndEscapedDollarsAreNotMath(_ text: String) {
        #expect(renderMarkdown(text + "\n").problems.isEmpty)
    }

    @Test func mathInsideACodeBlockIsNotAProblem() {
        #expect(renderMarkdown("```\n$x$\n```\n").problems.isEmpty)
    }

    @Test func anImageWithoutAltTextIsAProblemAtItsBang() {
        let rendered = renderMarkdown("Look:\n\nA picture ![](images/a.png) and ![A bank](images/b.png).\n")
        #expect(rendered.problems == [MarkdownProblem(kind: .imageWithoutAlt("images/a.png"), line: 3, column: 11)])
    }

    @Test func citationLocatorsAreKeptWithEachUse() {
        let rendered = renderMarkdown("A [@a, p. 403] and [@b, ch. 2; @a] and [@c, @a, pp. 12--15].\n")
        #expect(rendered.citations.map(\.key) == ["a", "b", "a", "c", "a"])
        #expect(rendered.citations.map(\.locator) == ["p. 403", "ch. 2", nil, nil, "pp. 12–15"])
        #expect(rendered.citations.map(\.number) == [1, 2, 1, 3, 1])
        #expect(!rendered.html.contains("p. 403"))
        #expect(rendered.html.contains("<sup class=\"cite\"><a href=\"#note-1\" id=\"cite-1\">1</a></sup>"))
    }

    @Test(arguments: ["[@a, ]", "[@a, p. 3", "[@a, see [x]]"])
    func malformedLocatorsAreLeftAsText(_ text: String) {
        #expect(renderMarkdown(text + "\n").citations.isEmpty)
    }

    @Test func locatorsAreFoundInNonASCIIText() {
        let rendered = renderMarkdown("Très bien [@a, p. 4] ça.\n")
        #expect(rendered.citations.map(\.locator) == ["p. 4"])
    }
}

@Suite struct PercentSignTests {
    @Test func aNumberAndItsPercentSignAreJoinedByANarrowNoBreakSpace() {
        let html = renderMarkdown("A yield of 6.58 % and 40 % more; 5% stays, and a % alone too.\n\n> Boxed 12 %.\n").html
        #expect(html.contains("6.58\u{202F}% and 40\u{202F}% more; 5% stays, and a % alone too."))
        #expect(html.contains("Boxed 12\u{202F}%."))
    }

    @Test func aNumberAndItsUnitAreJoinedByANarrowNoBreakSpace() {
        let html = renderMarkdown("It cost $27 B, then $1.5 T; 10 GW and 945 TWh, 1.4 pp. Not 3 Bears, B 2 or 5 Bn.\n").html
        #expect(html.contains("$27\u{202F}B, then $1.5\u{202F}T; 10\u{202F}GW and 945\u{202F}TWh, 1.4\u{202F}pp."))
        #expect(html.contains("Not 3 Bears, B 2 or 5 Bn."))
        #expect(joiningNumbersToUnits("ends in 5 T") == "ends in 5\u{202F}T")
        // The words of large amounts keep to their number by a no-break space as wide as a word space.
        #expect(joiningNumbersToUnits("about $3 billion, 2 trillions, 4 millionaires") == "about $3\u{A0}billion, 2 trillions, 4 millionaires")
        #expect(joiningNumbersToUnits("no unit here, 5 apples") == "no unit here, 5 apples")
    }

    @Test func codeKeepsItsSpaces() {
        #expect(renderMarkdown("`50 %` stays.\n").html.contains("<code>50 %</code>"))
    }
}
