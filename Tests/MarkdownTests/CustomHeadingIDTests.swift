import Testing
@testable import Markdown

/// `{#id}` at the end of a heading (Pandoc, Hugo, Zola, mdBook): the id as written, the braces off the page.
@Suite struct CustomHeadingIDTests {
    @Test func anATXHeadingTakesTheIDWrittenAtItsEndAndShowsNoBraces() {
        let rendered = renderMarkdown("## La formule {#the-formula}\n\nTexte.\n")
        #expect(rendered.html.hasPrefix("<h2 id=\"the-formula\">La formule</h2>"))
        #expect(rendered.headings == [Heading(level: 2, text: "La formule", id: "the-formula", line: 1)])
        #expect(rendered.problems.isEmpty)
    }

    @Test func aSetextHeadingAndAClosingSequenceTakeTheIDToo() {
        let rendered = renderMarkdown("La *formule* {#the-formula}\n---\n\n### Le taux {#rate} ###\n")
        #expect(rendered.html.contains("<h2 id=\"the-formula\">La <em>formule</em></h2>"))
        #expect(rendered.html.contains("<h3 id=\"rate\">Le taux</h3>"))
        #expect(rendered.headings.map(\.text) == ["La formule", "Le taux"])
    }

    @Test func anIDWithASpaceOrNoneIsAProblemAtTheBraces() {
        let rendered = renderMarkdown("Intro.\n\n## The formula {#the formula}\n\n## Empty {#}\n")
        #expect(rendered.problems == [
            MarkdownProblem(kind: .invalidHeadingID("the formula"), line: 3, column: 16),
            MarkdownProblem(kind: .invalidHeadingID(""), line: 5, column: 10),
        ])
        #expect(rendered.headings.map(\.id) == ["the-formula", "empty"])
    }

    @Test func anIDAlreadyUsedOnThePageIsAProblemNamingTheFirstHeading() {
        let rendered = renderMarkdown("## The formula\n\n## Another {#the-formula}\n\n## Notes {#notes}\n",
                                      options: MarkdownOptions(reservedIDs: ["notes"]))
        #expect(rendered.problems == [
            MarkdownProblem(kind: .duplicateHeadingID("the-formula", firstLine: 1), line: 3, column: 12),
            MarkdownProblem(kind: .duplicateHeadingID("notes", firstLine: nil), line: 5, column: 10),
        ])
        #expect(rendered.headings.map(\.id) == ["the-formula", "the-formula-2", "notes-2"])
    }

    @Test func braceTextThatIsNoIDAttributeStaysInTheHeading() {
        let rendered = renderMarkdown("## Sets {a, b}\n\n## Code `{#x}`\n")
        #expect(rendered.headings.map(\.text) == ["Sets {a, b}", "Code {#x}"])
        #expect(rendered.problems.isEmpty)
    }
}
