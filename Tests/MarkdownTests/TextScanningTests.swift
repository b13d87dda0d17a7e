import Testing
@testable import Markdown

/// Text that is all ASCII is scanned byte by byte, other text by `Character`: both must give the same answers.
@Suite struct TextScanningTests {
    let terms: AutolinkTerms = [
        AutolinkTerm(phrases: ["default"], href: "g#default", title: "d"),
        AutolinkTerm(phrases: ["credit default swap", "CDS"], href: "g#cds", title: "c"),
    ]

    func html(_ text: String) -> String {
        renderMarkdown(text, options: MarkdownOptions(autolinks: terms)).html
    }

    @Test(arguments: ["", " — and café"])
    func linksTheLongestPhraseOnceInASCIIAndOtherText(_ tail: String) {
        let out = html("A Credit Default Swap pays on default; a CDS too\(tail).\n")
        #expect(out == "<p>A <a class=\"term\" href=\"g#cds\" title=\"c\">Credit Default Swap</a> pays on "
            + "<a class=\"term\" href=\"g#default\" title=\"d\">default</a>; a CDS too\(tail).</p>\n")
    }

    @Test(arguments: ["", " — café"])
    func termsNeedWordBoundariesOnBothSides(_ tail: String) {
        let out = html("xdefault defaults CDSs 2CDS (CDS)\(tail)\n")
        #expect(out == "<p>xdefault defaults CDSs 2CDS (<a class=\"term\" href=\"g#cds\" title=\"c\">CDS</a>)\(tail)</p>\n")
    }

    @Test(arguments: ["Plain", "Façade"])
    func citationsAreFoundInASCIIAndOtherText(_ word: String) {
        let rendered = renderMarkdown("\(word) [@a-1; @b.2] and [@a-1] but not [@] or [x].\n")
        #expect(rendered.citations.map(\.key) == ["a-1", "b.2", "a-1"])
        #expect(rendered.citations.map(\.column) == [word.count + 3, word.count + 9, word.count + 20])
        #expect(rendered.html.contains("but not [@] or [x].</p>"))
    }

    @Test func linkColumnsCountCharactersNotBytes() {
        let rendered = renderMarkdown("See [a](../a/).\n\nVoilà, [b](../b/) and [a](../a/).\n")
        #expect(rendered.links.map(\.line) == [1, 3, 3])
        #expect(rendered.links.map(\.column) == [9, 12, 27])
    }

    @Test(arguments: [("one two  three\tfour", 4), ("naïve café au lait", 4), ("one *two* three", 3), ("  ", 0)])
    func countsWordsInASCIIAndOtherText(_ text: String, _ words: Int) {
        #expect(renderMarkdown(text + "\n").wordCount == words)
    }

    @Test(arguments: ["", "\n", "a\nb", "a\n\nb\n", "é\u{301}\nx", "crlf\r\nline\nend", "only\r"])
    func splitsLinesLikeCharacterSplitting(_ text: String) {
        #expect(splitLines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: ["Hello, World!", "Step 3: build & lease", "Meta's  bond", "A_B-C", "2030 -- 2050", "  ", "'"])
    func slugifiesASCIILikeCharacterText(_ text: String) {
        // A trailing non-ASCII word sends the same text through the Character path.
        let viaCharacters = slugify(text + " é")
        let expected = slugify(text) == "section" ? "é" : slugify(text) + "-é"
        #expect(viaCharacters == expected)
    }

    @Test func locatesRepeatedLinksAtSuccessiveColumns() {
        let rendered = renderMarkdown("[a](x) [b](x)\n\n[c](longer-x) and [d](x)\n")
        #expect(rendered.links.map(\.line) == [1, 1, 3, 3])
        #expect(rendered.links.map(\.column) == [5, 12, 5, 23])
    }

    @Test(arguments: ["plain → text", "a < b & \"c\" 'd' > e"])
    func escapesHTMLSpecialCharactersOnly(_ text: String) {
        let expected = text.replacingOccurrences("&", "&amp;").replacingOccurrences("<", "&lt;")
            .replacingOccurrences(">", "&gt;").replacingOccurrences("\"", "&quot;").replacingOccurrences("'", "&#39;")
        #expect(escapeHTML(text) == expected)
    }
}

private extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
