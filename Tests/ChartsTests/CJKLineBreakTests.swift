import Testing
@testable import Charts

@Suite struct CJKLineBreaks {
    private func pieces(_ text: String) -> [String] { TextMetrics.breakableWords(text).map(\.word) }

    @Test func chineseTextBreaksBetweenCharacters() {
        #expect(pieces("退休基金") == ["退", "休", "基", "金"])
    }

    @Test func aNumberStaysWithItsUnit() {
        #expect(pieces("約180億美元") == ["約", "180億美元"])
        #expect(pieces("成長6.58%") == ["成", "長", "6.58%"])
        #expect(pieces("2025年10月") == ["2025年", "10月"])
    }

    @Test func noLineStartsWithClosingPunctuationOrEndsWithOpening() {
        #expect(pieces("基金、保險") == ["基", "金、", "保", "險"])
        #expect(pieces("「分券」") == ["「分", "券」"])
    }

    @Test func latinWordsInsideChineseStayWhole() {
        #expect(pieces("貝萊德ETF逾30億") == ["貝", "萊", "德", "ETF", "逾", "30億"])
    }

    @Test func piecesOfChineseJoinWithoutSpaces() {
        #expect(TextMetrics.breakableWords("資料中心").dropFirst().allSatisfy { $0.separator.isEmpty })
        #expect(TextMetrics.wrap("退休基金、保險公司與各類基金", to: 60, size: 12, maxLines: 4).allSatisfy { !$0.contains(" ") })
    }

    @Test func englishStillBreaksOnlyAtSpacesAndHyphens() {
        #expect(pieces("private-credit funds") == ["private-", "credit", "funds"])
    }
}
