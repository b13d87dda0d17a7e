import Testing
@testable import Markdown

/// `[key]` left as text is listed with its place, for the site to check against its sources (trial row 4).
@Suite struct PossibleCitationTests {
    @Test func bracketedKeysAreListedWhereTheBracketIs() {
        let rendered = renderMarkdown("Intro.\n\nAs shown [diamond-dybvig-1983] and [fed-review, p. 4].\n\n- item [a.b:c; x]\n")
        #expect(rendered.possibleCitations == [
            PossibleCitation(key: "diamond-dybvig-1983", line: 3, column: 10),
            PossibleCitation(key: "fed-review", line: 3, column: 36),
            PossibleCitation(key: "a.b:c", line: 5, column: 8),
        ])
    }

    @Test(arguments: ["A [@key] citation.", "A [link](https://example.com) here.", "Escaped \\[key] stays.",
                      "Code `[key]` is code.", "A task [x] or [ ].", "Prose [in two words] here.", "Empty [] and [--].",
                      "Open [key without close.", "A footnote[^key] reference.\n\n[^key]: Note."])
    func otherBracketsAreNotListed(_ text: String) {
        #expect(renderMarkdown(text).possibleCitations.isEmpty)
    }

    @Test func aBracketedKeyInsideABoxCountsItsLinesFromTheFile() {
        let rendered = renderMarkdown("Intro.\n\n```careful\nSee [key].\n```\n",
                                      options: MarkdownOptions(containerFences: ["careful": .init(open: "<aside>", close: "</aside>")]))
        #expect(rendered.possibleCitations == [PossibleCitation(key: "key", line: 4, column: 5)])
    }

    @Test func withoutCitationsNothingIsListed() {
        #expect(renderMarkdown("See [key].", options: MarkdownOptions(citations: false)).possibleCitations.isEmpty)
    }
}
