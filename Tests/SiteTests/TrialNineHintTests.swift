import Testing
@testable import Site

private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A chart block's first key is on line 7 of `chapter(withChart:)`.
private let firstKeyLine = 7

/// Hints the ninth writer trial found missing or wrong: each says what to write instead.
@Suite struct TrialNineHints {
    @Test(arguments: [("3,9", "decimals use a point: 3.9"), ("-12,25", "decimals use a point: -12.25"),
                      ("1,200", "remove the thousands separator: 1200"), ("1,200.5", "remove the thousands separator: 1200.5")])
    func aCommaIsADecimalCommaUnlessThreeDigitsFollowIt(_ cell: String, _ hint: String) {
        #expect(numberHint(cell) == hint)
    }
}
