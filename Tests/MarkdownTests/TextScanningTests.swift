import Testing
@testable import Markdown

/// Plain prose (ASCII and typographic punctuation) is scanned byte by byte, other text by `Character`: both must give
/// the same answers.
@Suite struct TextScanningTests {
    let terms: AutolinkTerms = [
        AutolinkTerm(phrases: ["default"], href: "g#default", title: "d"),
        AutolinkTerm(phrases: ["credit default swap", "CDS"], href: "g#cds", title: "c"),
    ]

    func html(_ text: String) -> String {
        renderMarkdown(text, options: MarkdownOptions(autolinks: terms)).html
    }

    @Test(arguments: ["", " — and café", " — it’s “quoted”… 1–2"])
    func linksTheLongestPhraseOnceInASCIIAndOtherText(_ tail: String) {
        let out = html("A Credit Default Swap pays on default; a CDS too\(tail).\n")
        #expect(out == "<p>A <a class=\"term\" href=\"g#cds\" title=\"c\">Credit Default Swap</a> pays on "
            + "<a class=\"term\" href=\"g#default\" title=\"d\">default</a>; a CDS too\(tail).</p>\n")
    }

    @Test(arguments: ["", " — café", " — ‘quoted’"])
    func termsNeedWordBoundariesOnBothSides(_ tail: String) {
        let out = html("xdefault defaults CDSs 2CDS (CDS)\(tail)\n")
        #expect(out == "<p>xdefault defaults CDSs 2CDS (<a class=\"term\" href=\"g#cds\" title=\"c\">CDS</a>)\(tail)</p>\n")
    }

    /// Trial 15 (N10): `spi_3_meses` linked the glossary's SPI.
    @Test(arguments: ["", " — café"])
    func anIdentifiersPartIsNoWord(_ tail: String) {
        let out = html("cds_3 and x_default and CDS\(tail)\n")
        #expect(out == "<p>cds_3 and x_default and <a class=\"term\" href=\"g#cds\" title=\"c\">CDS</a>\(tail)</p>\n")
    }

    @Test(arguments: ["Plain", "Façade", "It’s"])
    func citationsAreFoundInASCIIAndOtherText(_ word: String) {
        let rendered = renderMarkdown("\(word) [@a-1; @b.2] and [@a-1] but not [@] or [x].\n")
        #expect(rendered.citations.map(\.key) == ["a-1", "b.2", "a-1"])
        #expect(rendered.citations.map(\.column) == [word.count + 3, word.count + 9, word.count + 20])
        #expect(rendered.html.contains("but not [@] or [x].</p>"))
    }

    /// Chinese writes no spaces between words: a term is found between other Chinese characters, and an ASCII term
    /// next to one, but still not inside a Latin word.
    @Test func termsAreFoundBetweenChineseCharacters() {
        let chinese: AutolinkTerms = [
            AutolinkTerm(phrases: ["分券"], href: "g#tranche", title: "t"),
            AutolinkTerm(phrases: ["ABS", "資產擔保證券"], href: "g#abs", title: "a"),
            AutolinkTerm(phrases: ["違約", "違約機率"], href: "g#pd", title: "p"),
        ]
        let html = renderMarkdown("把債券切成分券再出售，也就是ABS證券，違約機率上升。\n", options: MarkdownOptions(autolinks: chinese)).html
        #expect(html.contains(#"切成<a class="term" href="g#tranche" title="t">分券</a>再出售"#))
        #expect(html.contains(#"就是<a class="term" href="g#abs" title="a">ABS</a>證券"#))
        // The longest phrase at a place wins: 違約機率, not 違約.
        #expect(html.contains(#">違約機率</a>上升"#))
        let latin = renderMarkdown("LABS and ABSolute, 的ABSx\n", options: MarkdownOptions(autolinks: chinese)).html
        #expect(!latin.contains("<a "))
    }

    /// Trial 14 (S4): Korean writes its particles against the noun (변동금리는, 임대료가), so a term linked only as a
    /// whole word was never linked; it still starts only after a space, never inside another word.
    @Test func koreanTermsAreFoundBeforeAParticle() {
        let korean: AutolinkTerms = [
            AutolinkTerm(phrases: ["변동금리"], href: "g#variable", title: "v"),
            AutolinkTerm(phrases: ["금리"], href: "g#rate", title: "r"),
        ]
        let html = renderMarkdown("변동금리는 위험합니다.\n", options: MarkdownOptions(autolinks: korean)).html
        #expect(html.contains(#"<a class="term" href="g#variable" title="v">변동금리</a>는"#))
        #expect(!html.contains("g#rate"))
    }

    /// A term is not linked inside a longer term's phrase that is linked already: the second 證券化 keeps 證券 unlinked,
    /// as a second "probability of default" keeps "default".
    @Test func aTermIsNotLinkedInsideALongerTermsLaterUse() {
        let chinese: AutolinkTerms = [
            AutolinkTerm(phrases: ["證券化"], href: "g#securitization", title: "s"),
            AutolinkTerm(phrases: ["證券"], href: "g#security", title: "c"),
        ]
        let html = renderMarkdown("證券化很常見。第二次證券化，然後是證券。\n", options: MarkdownOptions(autolinks: chinese)).html
        #expect(html.contains(#"第二次證券化，然後是<a class="term" href="g#security" title="c">證券</a>。"#), "\(html)")
        let english: AutolinkTerms = [
            AutolinkTerm(phrases: ["probability of default"], href: "g#pd", title: "p"),
            AutolinkTerm(phrases: ["default"], href: "g#default", title: "d"),
        ]
        let text = renderMarkdown("The probability of default. Again the probability of default, then a default.\n",
                                  options: MarkdownOptions(autolinks: english)).html
        #expect(text.contains(#"Again the probability of default, then a <a class="term" href="g#default" title="d">default</a>."#), "\(text)")
    }

    @Test func linkColumnsCountCharactersNotBytes() {
        let rendered = renderMarkdown("See [a](../a/).\n\nVoilà, [b](../b/) and [a](../a/).\n")
        #expect(rendered.links.map(\.line) == [1, 3, 3])
        #expect(rendered.links.map(\.column) == [9, 12, 27])
    }

    @Test(arguments: [("one two  three\tfour", 4), ("naïve café au lait", 4), ("one *two* three", 3), ("  ", 0),
                      ("it’s “one” — two… three–four", 5)])
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

    /// Text assembled at random from ASCII words, glossary phrases, citations, typographic punctuation and other
    /// characters: the byte scan (taken when the text allows it) and the `Character` scan give the same pieces, and
    /// the byte word count the `Character` one. Seeded, so a failure names a case that repeats.
    @Test(arguments: [false, true])
    func byteAndCharacterScansAgreeOnGeneratedText(_ withNonASCIIPhrase: Bool) {
        var phrases = terms.terms
        if withNonASCIIPhrase { phrases.append(AutolinkTerm(phrases: ["lender’s claim", "café"], href: "g#l", title: "l")) }
        let prepared = AutolinkTerms(phrases)
        let pieces = ["default", "Default", "credit default swap", "CDS", "CDSs", "x", "2", " ", "  ", "\t", "’", "‘", "“",
                      "”", "—", "–", "…", "é", "\u{301}", "\r", "[@a-1]", "[@b; @c]", "[@", "]", "lender’s claim", "café",
                      "(", ")", ".", ",", "\u{A0}", "\u{2028}", "\u{1F600}"]
        var state: UInt64 = withNonASCIIPhrase ? 7 : 11
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var viaBytes = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + next() % 12) { text += pieces[next() % pieces.count] }
            var bytes = Array(text.utf8)
            let linkTerms = next() % 4 != 0
            var byBytes = InlineScanner(citations: true, terms: prepared)
            var byCharacters = InlineScanner(citations: true, terms: prepared)
            let scanned = bytes.withUnsafeBufferPointer { byBytes.scan($0, linkTerms: linkTerms) }
            var expected: [InlinePiece]? = byCharacters.scanCharacters(text, linkTerms: linkTerms)
            if expected!.allSatisfy({ if case .text = $0 { true } else { false } }) { expected = nil }
            #expect(scanned == expected, "\(text.debugDescription)")
            let words = bytes.withUnsafeMutableBufferPointer { countWords(UnsafeBufferPointer($0)) }
            #expect(words == text.split(whereSeparator: { $0.isWhitespace }).count, "\(text.debugDescription)")
            if bytes.withUnsafeBufferPointer(isPlainProse) { viaBytes += 1 }
            bytes.removeAll()
        }
        // Enough of the texts must take the byte path for the comparison to mean something.
        #expect(viaBytes > 500)
    }
}

private extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}

@Suite struct ByteSearch {
    @Test func findsANeedleAnywhereAndOnlyWhole() {
        #expect(containsBytes("a [^1] note", "[^"))
        #expect(containsBytes("[^", "[^"))
        #expect(containsBytes("é&#126;", "&#"))
        #expect(containsBytes(String(repeating: "é", count: 50) + "next", "next"))
        #expect(!containsBytes("", "[^"))
        #expect(!containsBytes("[", "[^"))
        #expect(!containsBytes("^[ [ ^", "[^"))
        #expect(!containsBytes("nex t", "next"))
    }

    @Test func findsAtLeastWhatACharacterSearchFinds() {
        // A character search also needs the match to fall on character boundaries: the bytes can only find more.
        for text in ["#\u{20E3}&#", "&#\u{301}", "x[^y", "nextx"] {
            #expect(containsBytes(text, "&#") || !text.contains("&#"))
            #expect(containsBytes(text, "[^") || !text.contains("[^"))
            #expect(containsBytes(text, "next") || !text.contains("next"))
        }
    }
}
