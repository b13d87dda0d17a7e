import Testing
@testable import Markdown

/// GitHub's and Obsidian's alert markers, read by bytes, against the regular expression they replaced
/// (`^\[![A-Za-z]+\][+-]?`).
@Suite struct AlertMarkerTests {
    @Test(arguments: [("[!NOTE]", "[!NOTE]"), ("[!tip]- Folded", "[!tip]-"), ("[!Warning]+", "[!Warning]+"),
                      ("[!NOTE] text", "[!NOTE]")])
    func anAlertMarkerIsReadWithItsFoldSign(_ text: String, _ marker: String) {
        #expect(alertMarker(Substring(text)) == marker)
    }

    @Test(arguments: ["[!]", "[!NOTE", "[NOTE]", "[!NO TE]", "[!NOTE1]", "Quote [!NOTE]", "", "[!", "[!ÉTÉ]"])
    func textThatIsNoAlertMarkerIsNone(_ text: String) {
        #expect(alertMarker(Substring(text)) == nil)
    }

    @Test func markersAgreeWithTheRegularExpressionOnGeneratedText() {
        // Seeded: the same texts on every run.
        var texts = ByteScanReferences.Texts(state: 42, pieces: ["[", "!", "[!", "]", "+", "-", "a", "Z", "q", " ", "1", "é", "@", "{", "`"])
        for _ in 0..<5_000 {
            let text = texts.text(maxPieces: 9)
            let expected = text.firstMatch(of: /^\[![A-Za-z]+\][+-]?/).map { String($0.0) }
            #expect(alertMarker(Substring(text)) == expected, "\(text)")
        }
    }
}
