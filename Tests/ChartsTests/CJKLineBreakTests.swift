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
        // Eight 14 px characters fit a line of 112 px: nine would leave "款" alone, so the two lines split 4 + 5,
        // after the function word 為 rather than inside 擔保 (review 12 S2).
        #expect(TextMetrics.wrap("以晶片為擔保的貸款", to: 112, size: 14, maxLines: 3) == ["以晶片為", "擔保的貸款"])
        #expect(try DiagramLayout.wrap("以晶片為擔保的貸款", width: 112 * TextMetrics.boldFactor, size: 14, bold: true,
                                       canvas: 400) == ["以晶片為", "擔保的貸款"])
    }

    /// Review 12 S2: labels broke inside words and names at 390 px (美|國, 信|貸, 權|益, 貝萊|德, 衝|擊). A line now
    /// breaks after punctuation, between scripts, at a function word, or after an even count of Han characters.
    @Test func chineseLabelsBreakBetweenWordsNotInsideThem() {
        let cases: [(text: String, width: Double, whole: [String])] = [
            ("私募信貸基金", 60, ["信貸", "基金"]),
            ("LBNL：2023年美國資料中心", 100, ["美國", "資料", "中心"]),
            ("留給權益層", 42, ["權益"]),
            ("PIMCO約180億美元、貝萊德逾30億美元，以及其他買家", 150, ["貝萊德", "美元"]),
            ("第11章：衝擊落在就業上", 100, ["衝擊", "就業"]),
            ("超大規模雲端業者自己的現金流", 120, ["雲端", "業者", "現金"]),
            ("第7章：擔保品老化得最快", 100, ["擔保品", "老化"]),
        ]
        for (text, width, whole) in cases {
            let lines = TextMetrics.wrap(text, to: width, size: 14, maxLines: 4)
            #expect(lines.joined() == text, "\(text): \(lines)")
            #expect(lines.allSatisfy { TextMetrics.width($0, size: 14) <= width }, "\(text): \(lines)")
            for word in whole {
                #expect(lines.contains { $0.contains(word) }, "\(word) broken in \(text) at \(width): \(lines)")
            }
        }
    }

    /// Review 12b: 約, 逾, 近 and 至 go with the number after them (購買|約400億美元, not 購買約|400億美元), and a line
    /// breaks before a plus that joins two phrases (租期4年|＋續約選擇權, not 租期|4年＋續約選擇權).
    @Test func aWordBeforeANumberStaysWithItAndAPlusStartsALine() {
        let deal = "為阿比林購買約400億美元的晶片"
        #expect(TextMetrics.wrap(deal, to: TextMetrics.width("為阿比林購買約400億美元的", size: 12) + 1, size: 12, maxLines: 3)
                == ["為阿比林購買", "約400億美元的晶片"])
        let lease = "第二步：租期4年＋續約選擇權"
        let halves = max(TextMetrics.width("第二步：租期4年", size: 12), TextMetrics.width("＋續約選擇權", size: 12),
                         TextMetrics.width("4年＋續約選擇權", size: 12))
        #expect(TextMetrics.wrap(lease, to: halves + 1, size: 12, maxLines: 3)
                == ["第二步：租期4年", "＋續約選擇權"])
    }

    /// Review 12b: Fig 5.1's arrow labels on a phone went to four lines each (第一步： / 約 / 70億美元 / 現金) when the
    /// labels crossed an arrow, as wrapped narrower; the same lines made as narrow as they go come first.
    @Test func aDiagramLabelsCompactWrapKeepsItsLinesAndNarrowsThem() throws {
        let text = "第三步：債券本息至2049年"
        let width = TextMetrics.width("債券本息至2049年", size: 12) + 1
        let wide = try DiagramLayout.wrap(text, width: width, size: 12, bold: false, canvas: 400)
        let compact = try DiagramLayout.compactWrap(text, width: width, size: 12, canvas: 400)
        #expect(wide == ["第三步：", "債券本息至2049年"])
        #expect(compact == ["第三步：債券", "本息至2049年"])
        #expect(compact.map { TextMetrics.width($0, size: 12) }.max()! < wide.map { TextMetrics.width($0, size: 12) }.max()!)
    }

    @Test func aLastCharacterWithClosingPunctuationIsNotLeftAloneEither() {
        #expect(TextMetrics.wrap("衝擊落在就業上。", to: 84, size: 14, maxLines: 3) == ["衝擊落在", "就業上。"])
    }

    @Test func everyLineIsBalancedNotOnlyTheLastTwo() {
        #expect(TextMetrics.wrap("一二三四五六七八九十甲", to: 70, size: 14, maxLines: 4) == ["一二三四", "五六七八", "九十甲"])
    }

    @Test func aSingleLatinLetterOnTheLastLineIsLeftAsItIs() {
        let plan = TextMetrics.width("Plan", size: 14)
        #expect(TextMetrics.wrap("Plan B", to: plan, size: 14, maxLines: 2) == ["Plan", "B"])
    }

    @Test func englishStillBreaksOnlyAtSpacesAndHyphens() {
        #expect(pieces("private-credit funds") == ["private-", "credit", "funds"])
    }
}

/// Chinese labels in figures are wrapped into balanced lines, not filled by character count (review 8: "運|算能力",
/// "（已|停擺）", "…的|晶片").
@Suite struct CJKBalancedWrapTests {
    /// Each line's characters.
    private func counts(_ lines: [String]) -> [Int] { lines.map(\.count) }

    @Test func linesOfChineseAreBalancedSoNoLineEndsWithOneOrTwoCharactersAlone() {
        // Nine characters in a line of eight: not 8 + 1 (nor 7 + 2), but 5 + 4.
        let lines = TextMetrics.wrap("以晶片為擔保的貸款", to: 112, size: 14, maxLines: 3)
        #expect(counts(lines) == [4, 5])
        // Thirteen in a line of ten: filling left "晶片" alone; the break comes after 的, before 高階晶片.
        let twelve = TextMetrics.wrap("輝達賣給雲端業者的高階晶片", to: 140, size: 14, maxLines: 3)
        #expect(twelve == ["輝達賣給雲端業者的", "高階晶片"], "\(twelve)")
    }

    @Test func aShortBracketedAsideIsNotSplitAcrossLines() {
        for (text, width) in [("甲骨文（已停擺）", 84.0), ("亞馬遜（部分伺服器）", 112), ("權益緩衝（第一損失）", 98)] {
            let lines = TextMetrics.wrap(text, to: width, size: 14, maxLines: 3)
            let aside = String(text[text.firstIndex(of: "（")!...])
            #expect(lines.contains { $0.contains(aside) }, "\(text) at \(width): \(lines)")
        }
    }

    @Test func noLineStartsWithClosingPunctuationAfterBalancing() {
        let lines = TextMetrics.wrap("退休基金、保險公司、銀行與各類私募基金。", to: 112, size: 14, maxLines: 4)
        #expect(lines.dropFirst().allSatisfy { !["、", "。", "）"].contains($0.first.map(String.init) ?? "") }, "\(lines)")
    }

    @Test func englishIsStillFilledLineByLine() {
        #expect(TextMetrics.wrap("Loan balance against market-like value", to: 120, size: 14, maxLines: 3)
                    == TextMetrics.fill(TextMetrics.breakableWords("Loan balance against market-like value"), maxWidth: 120) {
                        TextMetrics.width($0, size: 14) })
        #expect(TextMetrics.wrap("Loan balance against market value", to: 130, size: 14, maxLines: 3).first == "Loan balance")
    }
}
