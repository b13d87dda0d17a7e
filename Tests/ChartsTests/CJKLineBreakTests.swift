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

    @Test func chineseNeverLeavesOneCharacterAloneOnItsLastLine() throws {
        // Eight 14 px characters fit a line of 112 px: nine would leave "款" alone, so the two lines split 5 + 4.
        #expect(TextMetrics.wrap("以晶片為擔保的貸款", to: 112, size: 14, maxLines: 3) == ["以晶片為擔", "保的貸款"])
        #expect(try DiagramLayout.wrap("以晶片為擔保的貸款", width: 112 * TextMetrics.boldFactor, size: 14, bold: true,
                                       canvas: 400) == ["以晶片為擔", "保的貸款"])
    }

    @Test func aLastCharacterWithClosingPunctuationIsNotLeftAloneEither() {
        #expect(TextMetrics.wrap("衝擊落在就業上。", to: 84, size: 14, maxLines: 3) == ["衝擊落在", "就業上。"])
    }

    @Test func onlyTheLastTwoLinesAreRebalanced() {
        #expect(TextMetrics.wrap("一二三四五六七八九十甲", to: 70, size: 14, maxLines: 4) == ["一二三四五", "六七八", "九十甲"])
    }

    @Test func aSingleLatinLetterOnTheLastLineIsLeftAsItIs() {
        let plan = TextMetrics.width("Plan", size: 14)
        #expect(TextMetrics.wrap("Plan B", to: plan, size: 14, maxLines: 2) == ["Plan", "B"])
    }

    @Test func englishStillBreaksOnlyAtSpacesAndHyphens() {
        #expect(pieces("private-credit funds") == ["private-", "credit", "funds"])
    }
}
