import Testing
@testable import Markdown

@Suite struct FootnoteSyntaxTests {
    @Test func definitionsAreTakenOutAndTheirLinesLeftEmpty() {
        let (text, definitions) = extractFootnoteDefinitions("Text[^a].\n\n[^a]: The note\n    goes on.\n\nAfter.\n")
        #expect(text == "Text[^a].\n\n\n\n\nAfter.\n")
        #expect(definitions == [FootnoteDefinition(label: "a", body: "The note\ngoes on.\n", line: 3)])
    }

    @Test func indentedBlocksAfterBlankLinesBelongToTheDefinition() {
        let (_, definitions) = extractFootnoteDefinitions("[^n]:\n    > quoted\n\n        code\n\nNot in it.\n")
        #expect(definitions.first?.body == "\n> quoted\n\n    code\n")
    }

    @Test func definitionsInFencedCodeAreLeftAlone() {
        let source = "```\n[^a]: not a note\n```\n"
        #expect(extractFootnoteDefinitions(source).definitions.isEmpty)
        #expect(extractFootnoteDefinitions(source).text == source)
    }

    @Test func referencesMatchDefinedLabelsOnly() {
        let found = footnoteReferences(in: "a[^1] b[^nope] c[^Note]") { ["1", "note"].contains(footnoteKey($0)) }
        #expect(found.map(\.label) == ["1", "Note"])
        #expect(found.map(\.range) == [1..<5, 16..<23])
    }
}

@Suite struct FootnoteRenderingTests {
    @Test func referencesAreNumberedByFirstUseAndNotesListedApartFromTheText() {
        let rendered = renderMarkdown("One[^b], two[^a], again[^b].\n\n[^a]: First *defined*.\n[^b]: Second.\n")
        #expect(rendered.html == """
            <p>One<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>, \
            two<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>, \
            again<sup class="footnote-ref"><a href="#fn-1">1</a></sup>.</p>

            """)
        #expect(rendered.footnotes == """
            <section class="footnotes notes" aria-label="Footnotes">
            <ol>
            <li id="fn-1">
            <p>Second. <a class="backref" href="#fnref-1" aria-label="Back to the text">↩</a></p>
            </li>
            <li id="fn-2">
            <p>First <em>defined</em>. <a class="backref" href="#fnref-2" aria-label="Back to the text">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func undefinedReferencesAndUnusedDefinitionsShowNothingNew() {
        let rendered = renderMarkdown("See[^x].\n\n[^y]: Never used.\n")
        #expect(rendered.html == "<p>See[^x].</p>\n")
        #expect(rendered.footnotes.isEmpty)
    }

    @Test func theTextThenItsFootnotesAreTheWholeDocumentWithHeadingIDsInOrder() {
        // A heading inside a footnote takes its id after the text's headings, as in one document.
        let rendered = renderMarkdown("## Intro\n\nText[^n].\n\n## Intro\n\n[^n]: A note.\n\n    ## Intro\n")
        #expect(rendered.headings.map(\.id) == ["intro", "intro-2", "intro-3"])
        #expect(rendered.html == "<h2 id=\"intro\">Intro</h2>\n<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>.</p>\n"
                + "<h2 id=\"intro-2\">Intro</h2>\n")
        #expect(rendered.footnotes.hasPrefix("<section class=\"footnotes notes\""))
        #expect(rendered.footnotes.contains("<h2 id=\"intro-3\">Intro</h2>"))
        #expect(rendered.htmlWithFootnotes == rendered.html + rendered.footnotes)
    }

    @Test func aProblemInsideAFootnoteIsReportedAtItsLineInTheFile() {
        let rendered = renderMarkdown("Text[^n].\n\n[^n]: A note with a picture\n    ![](a.png) in it.\n")
        #expect(rendered.problems.map(\.line) == [4])
        #expect(rendered.links.map(\.line) == [4])
        #expect(rendered.html.contains("Text<sup") && !rendered.html.contains("a.png"))
        #expect(rendered.footnotes.contains("a.png"))
    }

    @Test func citationsInFootnotesAreNumberedAsSourceNotesWithTheirLines() {
        let rendered = renderMarkdown("A claim[^1] and [@a].\n\n[^1]: As argued in\n    [@b].\n")
        #expect(rendered.citations.map(\.key) == ["a", "b"])
        #expect(rendered.citations.map(\.line) == [1, 4])
        #expect(rendered.footnotes.contains("<li id=\"fn-1\">\n<p>As argued in<sup class=\"cite\"><a href=\"#note-2\" id=\"cite-2\">2</a></sup>."))
    }

    @Test func aFootnoteDefinitionIsNotALinkReference() {
        let html = renderMarkdown("[^1]: Note\n\nText[^1] and [link][^1].\n").html
        #expect(!html.contains("href=\"Note\""))
        #expect(html.contains("Text<sup class=\"footnote-ref\">"))
    }
}
