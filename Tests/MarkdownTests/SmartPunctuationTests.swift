import Testing
@testable import Markdown

/// Plain texts (titles, summaries, definitions) get the punctuation cmark gives the Markdown around them.
@Suite struct SmartPunctuationTests {
    @Test(arguments: [
        ("A lender's guide", "A lender\u{2019}s guide"),
        ("Qu'est-ce que c'est ?", "Qu\u{2019}est-ce que c\u{2019}est\u{202F}?"),
        ("The \"safe\" tranche", "The \u{201C}safe\u{201D} tranche"),
        ("'Too big' to fail", "\u{2018}Too big\u{2019} to fail"),
        ("2020--2024, then --- silence...", "2020\u{2013}2024, then \u{2014} silence\u{2026}"),
        ("the '90s", "the \u{2019}90s"),
    ])
    func quotesDashesAndEllipsesAreTypographic(_ text: String, _ expected: String) {
        #expect(smartPunctuatedText(text) == expected)
    }

    @Test func everythingElseStaysAsWritten() {
        // Markdown characters, entities and HTML are text here: templates escape the result.
        #expect(smartPunctuatedText("Fish & \"chips\" <b>*not bold*</b> &amp; [x](y) #1 `c` \\ 5 % ~") ==
            "Fish & \u{201C}chips\u{201D} <b>*not bold*</b> &amp; [x](y) #1 `c` \\ 5\u{202F}% ~")
        // A number keeps to its unit, as in the pages' prose.
        #expect(smartPunctuatedText("Capex of $27 B, 10 GW") == "Capex of $27\u{202F}B, 10\u{202F}GW")
        #expect(smartPunctuatedText("How the tide comes in") == "How the tide comes in")
        #expect(smartPunctuatedText("") == "")
        // What cmark would read as more than a line of text is left alone.
        #expect(smartPunctuatedText("- it's a list") == "- it's a list")
        #expect(smartPunctuatedText("it's\n---") == "it's\n---")
    }

    @Test(arguments: [
        ("這是\"AI\"泡沫", "這是\u{201C}AI\u{201D}泡沫"),
        ("所謂\"安全\"的分層與'高收益'債券", "所謂\u{201C}安全\u{201D}的分層與\u{2018}高收益\u{2019}債券"),
        ("穆迪(Moody's)的評級", "穆迪(Moody\u{2019}s)的評級"),
        ("「證券化」與“分層”", "「證券化」與“分層”"),
        ("結局A：豪賭失敗", "結局A：豪賭失敗"),
    ])
    func quotesNextToChineseArePairedInOrder(_ text: String, _ expected: String) {
        #expect(smartPunctuatedText(text) == expected)
    }
}
