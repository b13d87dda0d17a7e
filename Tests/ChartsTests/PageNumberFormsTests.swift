import Testing
@testable import Charts

/// Numbers in the page's own forms: the decimal point, the thousands separator and the short month names of the
/// language's translations file, on axes, labels and in tables (trial 12, item 2).
@Suite struct PageNumberFormsTests {
    private let spanish = ChartLanguage.Numbers(
        forms: .english, monthsShort: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        monthShortFormat: "{month} {y}", decimalSeparator: ",", groupSeparator: "\u{202F}")

    @Test func aSpanishPageWritesDecimalCommasAndThousandsApartByANarrowNoBreakSpace() {
        #expect(ValueFormat.percent.string(for: 2.1, numbers: spanish) == "2,1\u{202F}%")
        #expect(ValueFormat.count.string(for: 12345, numbers: spanish) == "12\u{202F}345")
        #expect(ValueFormat.number.string(for: 1234.5, numbers: spanish) == "1\u{202F}235")
        #expect(ValueFormat.usd.string(for: 2.5, numbers: spanish) == "$2,50")
        #expect(ValueFormat.usdBillions.labels(for: [1400, 800], numbers: spanish) == ["$1,4\u{202F}T", "$0,8\u{202F}T"])
        #expect(ValueFormat.number.tickLabels([0, 0.5, 1], step: 0.5, numbers: spanish) == ["0", "0,5", "1,0"])
        #expect(ValueFormat.usd.string(for: -2.5, numbers: spanish) == "\u{2212}$2,50")
    }

    @Test func monthsOnAxesAndInTableRowsUseThePagesShortNames() {
        #expect(ValueFormat.year.string(for: 2021.25, numbers: spanish) == "abr 2021")
        #expect(ValueFormat.year.tickLabels([2021.25, 2021.5], step: 0.25, numbers: spanish) == ["abr 2021", "jul 2021"])
        #expect(ValueFormat.year.columnLabels(for: [2021, 2021 + 1.0 / 12], significant: 4, numbers: spanish)
                == ["ene 2021", "feb 2021"])
        // A whole year stays a bare year, never grouped.
        #expect(ValueFormat.year.string(for: 2021, numbers: spanish) == "2021")
        var chinese = ChartLanguage.Numbers.chinese
        chinese.monthShortFormat = "{y}年{month}"
        #expect(ValueFormat.year.string(for: 2022 + 10.0 / 12, numbers: chinese) == "2022年11月")
    }

    @Test func theDefaultsAreExplainersEnglishAndChineseForms() {
        #expect(ValueFormat.year.string(for: 2022 + 10.0 / 12) == "Nov 2022")
        #expect(ValueFormat.year.string(for: 2022 + 10.0 / 12, numbers: .chinese) == "2022年11月")
        #expect(ValueFormat.count.string(for: 12345) == "12,345")
        let words = ["monthsShort": "ene, feb, mar, abr, may, jun, jul, ago, sept, oct, nov, dic", "decimalSeparator": ",",
                     "groupSeparator": "\u{202F}", "monthShortFormat": "{month} {y}"]
        #expect(ChartLanguage.numbers(for: "es", words: words) == spanish)
        // Eleven names are not twelve: the style's own are kept.
        #expect(ChartLanguage.numbers(for: "es", words: ["monthsShort": "a, b, c, d, e, f, g, h, i, j, k"]).monthsShort
                == ChartLanguage.Numbers.english.monthsShort)
        #expect(ChartLanguage.numbers(for: "zh-Hant", words: [:]) == .chinese)
    }

    @Test func aStacksLayersAddUpToItsTotalWithDecimalCommasAsWithPoints() {
        var spec = ChartSpec(kind: .stackedBar, title: "T", y: AxisOptions(format: .percent),
                             series: [ChartSeries(name: "a", x: [], y: [4.66, 2.24], categories: ["x", "y"]),
                                      ChartSeries(name: "b", x: [], y: [0.753, 1.02], categories: ["x", "y"])])
        spec.labelDigits = 2
        let english = spec.stackTexts(numbers: .english)
        let comma = spec.stackTexts(numbers: spanish)
        #expect(comma.layers == english.layers.map { $0.map { $0.replacing(".", with: ",") } })
        #expect(comma.totals == english.totals.map { $0.replacing(".", with: ",") })
        #expect(comma.totals.allSatisfy { $0.contains(",") })
    }
}

/// A data table's column keeps each value's decimals, trailing zeros too (review 12: "6 %" and "0.4 %" beside
/// "5.9 %" in Fig 6.2's table).
@Suite struct TableColumnDecimalsTests {
    @Test func aColumnsValuesKeepTheirTrailingZeros() {
        #expect(ValueFormat.percent.columnLabels(for: [100, 22, 6.0, 5.9, 0.4, 0])
                == ["100\u{202F}%", "22\u{202F}%", "6.0\u{202F}%", "5.9\u{202F}%", "0.40\u{202F}%", "0\u{202F}%"])
        #expect(ValueFormat.number.columnLabels(for: [4.0, 0.998, 1.04]) == ["4.00", "0.998", "1.04"])
        // Cents all or none (Fig 7.2's table read "$12" beside "$1.70").
        #expect(ValueFormat.usd.columnLabels(for: [8, 12, 2, 1.7]) == ["$8.00", "$12.00", "$2.00", "$1.70"])
    }

    /// Review 15: Fig 6.2's table printed a chance of 4.9e-7 (a fraction) as "0 %", like the exact zero below it.
    @Test func aValueTooSmallForSixDecimalsIsLessThanTheSmallestShownNotZero() {
        let labels = ValueFormat.fraction.columnLabels(for: [0.2, 1.4e-8, 4.9e-9, 0])
        #expect(Array(labels.suffix(3)) == ["0.000001\u{202F}%", "<0.000001\u{202F}%", "0\u{202F}%"])
    }
}
