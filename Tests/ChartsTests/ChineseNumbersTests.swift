import Testing
@testable import Charts

@Suite struct ChineseNumbers {
    private func zh(_ format: ValueFormat, _ value: Double) -> String { format.string(for: value, numbers: .chinese) }

    @Test func billionsOfDollarsAreWrittenIn億() {
        #expect(zh(.usdBillions, 27.3) == "273億美元")
        #expect(zh(.usdBillions, 0.659) == "6.59億美元")
        #expect(zh(.usdBillions, 375) == "3750億美元")
    }

    @Test func aThousandBillionAndMoreAre兆() {
        #expect(zh(.usdBillions, 1300) == "1.3兆美元")
        #expect(zh(.usdTrillions, 1.5) == "1.5兆美元")
    }

    @Test func percentagesHaveNoSpaceAsInTaiwansPress() {
        #expect(zh(.fraction, 0.42) == "42%")
        #expect(zh(.percent, 6.58) == "6.58%")
        #expect(zh(.fraction, -0.3) == "\u{2212}30%")
    }

    @Test func durationsMultiplesAndMonthsInChinese() {
        #expect(zh(.years, 2.5) == "2.5年")
        #expect(zh(.years, 0.25) == "3個月")
        #expect(zh(.years, 13.0 / 12) == "1年1個月")
        #expect(zh(.multiple, 1.2) == "1.2倍")
        #expect(zh(.year, 2022.9) == "2022年11月")
        #expect(zh(.year, 2024) == "2024")
    }

    @Test func ticksLeaveTheCurrencyToTheAxisTitle() {
        #expect(ValueFormat.usdBillions.tickLabels([0, 200, 400], step: 200, numbers: .chinese) == ["0", "2000億", "4000億"])
        #expect(ValueFormat.usdBillions.tickLabels([0, 500, 1000, 1500], step: 500, numbers: .chinese)
            == ["0", "0.5兆", "1.0兆", "1.5兆"])
        #expect(ValueFormat.fraction.tickLabels([0, 0.25, 0.5], step: 0.25, numbers: .chinese) == ["0", "25%", "50%"])
    }

    @Test func labelsShownTogetherShareTheirDecimals() {
        #expect(ValueFormat.usdBillions.labels(for: [5, 3.7], numbers: .chinese) == ["50億美元", "37億美元"])
    }

    @Test func englishIsUnchanged() {
        #expect(ValueFormat.usdBillions.string(for: 27.3) == "$27.3\u{202F}B")
        #expect(ValueFormat.fraction.string(for: 0.42) == "42\u{202F}%")
    }

    @Test func chineseTagsGetChineseNumbers() {
        #expect(ChartLanguage.numbers(for: "zh-Hant") == .chinese)
        #expect(ChartLanguage.numbers(for: "zh") == .chinese)
        #expect(ChartLanguage.numbers(for: "en") == .english)
        #expect(ChartLanguage.numbers(for: "zhx") == .english)
    }
}

@Suite struct ChartWords {
    /// A chart's generated description, claim tag and numbers in the words it is given: no English word is left.
    @Test func aChineseChartHasNoEnglishWords() throws {
        let words = ["chartBar": "長條圖", "chartOf": "{kind}：{series}。", "chartYRange": "{label}介於{lo}與{hi}之間。",
                     "chartValues": "數值", "chartListComma": "、", "chartListAnd": "與", "chartClaim": "（說法）",
                     "chartXRange": "{label}從{lo}到{hi}。", "chartX": "橫軸"]
        var spec = ChartSpec(kind: .bar, title: "資本支出", y: AxisOptions(format: .usdBillions),
                             series: [ChartSeries(name: "微軟", categories: ["2024年", "2025年"], values: [55.7, 80])])
        spec.claims = ["2025年"]
        spec.language = ChartLanguage(numbers: .chinese, words: words)
        let parsed = SVGParse.parse(try renderSVG(spec, id: "z"))
        let shown = parsed.all("text").map(\.text) + parsed.all("desc").map(\.text)
        let english = ["chart", "of", "and", "range", "from", "to", "Values", "claim", "$", "\u{202F}B", "\u{202F}%"]
        for text in shown {
            for word in english { #expect(!text.contains(word), "\(word) in \(text)") }
        }
        #expect(parsed.all("desc").first?.text == "長條圖：微軟。數值介於557億美元與800億美元之間。")
        #expect(shown.contains("800億美元（說法）"), "\(shown)")
    }

    @Test func seriesNamesAreListedInTheChartsLanguage() {
        let words = ChartLanguage(numbers: .chinese, words: ["chartListComma": "、", "chartListAnd": "與"])
        #expect(Describe.list(["微軟", "亞馬遜", "Meta"], words: words) == "微軟、亞馬遜與Meta")
        #expect(Describe.list(["a", "b", "c"]) == "a, b and c")
    }

    @Test func englishWordsAreTheDefault() throws {
        let spec = ChartSpec(kind: .line, title: "t", series: [ChartSeries(name: "a", x: [1, 2], y: [3, 4])])
        let desc = SVGParse.parse(try renderSVG(spec, id: "e")).all("desc").first?.text
        #expect(desc == "Line chart of a. X from 1 to 2. Values range from 3 to 4.")
    }
}
