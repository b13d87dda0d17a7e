import Testing
@testable import Site

private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A chart block's first key is on line 7 of `chapter(withChart:)`.
private let firstKeyLine = 7

/// Hints the ninth writer trial found missing or wrong: each says what to write instead.
@Suite struct TrialNineHints {
    @Test func anUnquotedCommaInAFlowMappingHintsToQuoteTheLabel() {
        let csv = SourceFile(path: "content/data/h.csv", text: "hour,height\n0,0.5\n6,3.9\n")
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv", "annotations:",
                                       "  - {type: event, x: 5, label: High water, roughly five hours in}"])
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: firstKeyLine + 5, column: 44,
                                     message: "unknown key 'roughly five hours in' in annotation",
                                     hint: "a comma inside { } ends the value: quote the label (label: \"High water, roughly five hours in\")")])
    }

    @Test(arguments: [("110,5", "decimals use a point: value: 110.5"),
                      ("-2,250", "decimals use a point: value: -2.250 (or value: -2250, without a thousands separator)")])
    func aDecimalCommaInAFlowMappingGetsThePoint(_ written: String, _ hint: String) {
        let csv = SourceFile(path: "content/data/h.csv", text: "hour,height\n0,100\n6,120\n")
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: h.csv", "annotations:",
                                       "  - {type: line, axis: y, value: \(written), label: Aim}"])
        let found = diagnostics(of: miniSite(chapter: page, data: [csv]))
        #expect(found.map(\.hint) == [hint], "\(found)")
    }

    @Test(arguments: [("3,9", "decimals use a point: 3.9"), ("-12,25", "decimals use a point: -12.25"),
                      ("1,200", "remove the thousands separator: 1200"), ("1,200.5", "remove the thousands separator: 1200.5")])
    func aCommaIsADecimalCommaUnlessThreeDigitsFollowIt(_ cell: String, _ hint: String) {
        #expect(numberHint(cell) == hint)
    }

    /// Trial 11: `$42`, `42B` and `(1)` all got "leave the cell empty for a missing value".
    @Test(arguments: [
        ("$42", "write the number alone, 42, and let the axis's format print the currency: format: usd"),
        ("€3.5bn", "write the number alone, 3.5 (in billions), and let the axis's format print the currency: format: eur-bn"),
        ("42B", "write the number alone, 42 (in billions), and let the axis's format print the unit (format: usd-bn for dollars)"),
        ("-$1.3T", "write the number alone, -1.3 (in trillions), and let the axis's format print the currency: format: usd-tn"),
        ("(1)", "a negative number is written with a minus sign: -1"),
    ])
    func aCurrencySignAMagnitudeOrParenthesesGetTheNumberAsItIsWritten(_ cell: String, _ hint: String) {
        #expect(numberHint(cell) == hint)
    }

    @Test(arguments: ["NA", "n/a", "B", "$", "(x)", "Bob"])
    func wordsGetNoNumberHint(_ cell: String) {
        #expect(numberHint(cell) == nil)
    }

    @Test func aMissingDataFileIsReportedAtTheDataLine() {
        let page = chapter(withChart: ["id: c", "title: T", "caption: C.", "data: nowhere.csv"])
        let found = diagnostics(of: miniSite(chapter: page))
        #expect(found.map { "\($0.line):\($0.column)" } == ["\(firstKeyLine + 3):7"])
    }

    @Test(arguments: [("yes", "write true or false (YAML 1.2 reads 'yes' as text)"), ("ture", "write true or false")])
    func draftMustBeWrittenTrueOrFalse(_ written: String, _ hint: String) {
        let page = "---\ntitle: A\ndraft: \(written)\n---\n\nText.\n"
        #expect(diagnostics(of: miniSite(chapter: page)) == [
            Diagnostic(file: "content/01-intro.md", line: 3, column: 8, message: "'draft' must be true or false", hint: hint),
        ])
    }

    @Test func theHintForAnotherExtensionNamesAValidFile() {
        #expect(otherMarkdownExtensionDiagnostic(path: "content/Credits.markdown", name: "Credits.markdown").hint == "rename it to credits.md")
        #expect(validFileName(for: "30_tide_tables.md") == "30-tide-tables.md")
        #expect(validFileName(for: "Über.md") == "ueber.md")  // accents dropped (trial 10), umlauts spelt out (trial 13)
    }

    @Test func aCapitalisedPageNameIsGivenItsLowercaseName() {
        let found = diagnostics(of: miniSite(chapter: "---\ntitle: Credits\n---\n\nText.\n", name: "Credits.md"))
        #expect(found.first { $0.file == "content/Credits.md" }?.hint?.hasPrefix("rename it to credits.md: name chapters like 05-high-tide.md") == true)
    }

    @Test func theStarterCoverIsCalledSiteYmlsImageOnlyWhileSiteYmlNamesIt() {
        var source = starterSource(title: "Mine")
        source.chapters.append(SourceFile(path: "content/30-mine.md", text: "---\ntitle: Mine\n---\n\nText.\n"))
        let cover = { (image: String?) in starterLeftovers(source, siteImage: image).first { $0.file == "content/images/cover.png" } }
        #expect(cover("images/cover.png")?.message == "'content/images/cover.png' is still the starter's example picture: "
            + "link previews of every page show it (site.yml's image)")
        #expect(cover("images/mine.png")?.message == "'content/images/cover.png' is still the starter's example picture: "
            + "it is published with your site")
    }
}
