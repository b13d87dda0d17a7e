import Testing
@testable import Charts

/// U+202F, the narrow no-break space between a number and its unit.
private let nnbsp = "\u{202F}"

@Suite struct ValueFormatTests {
    /// 99.99 % among values needing one decimal printed as "100.0 %", a whole the data does not reach.
    @Test func aValueJustBelowAPowerOfTenIsNeverRoundedUpToIt() {
        #expect(ValueFormat.percent.labels(for: [90, 99, 99.99, 99.9]) == ["90.0\u{202F}%", "99.0\u{202F}%", "99.99\u{202F}%", "99.9\u{202F}%"])
        #expect(ValueFormat.percent.columnLabels(for: [90, 99.99]) == ["90\u{202F}%", "99.99\u{202F}%"])
        #expect(ValueFormat.number.labels(for: [250, 99.96]) == ["250", "99.96"])
        // A value at the power itself, or one that rounds to it from above, is unchanged.
        #expect(ValueFormat.percent.labels(for: [100, 50]) == ["100\u{202F}%", "50\u{202F}%"])
        #expect(ValueFormat.number.labels(for: [100.04, 20.5]) == ["100.0", "20.5"])
    }

    @Test func binaryArtefactsAreRoundedAway() {
        #expect(ValueFormat.number.string(for: 0.1 + 0.2) == "0.3")
        #expect(ValueFormat.fraction.string(for: 0.1 + 0.2) == "30\(nnbsp)%")
        #expect(ValueFormat.multiple.string(for: 0.1 + 0.2) == "0.3×")
    }

    @Test(arguments: ValueFormat.allCases) func negativeZeroHasNoSign(_ format: ValueFormat) {
        let text = format.string(for: -0.0)
        #expect(!text.contains("-") && !text.contains("\u{2212}"))
    }

    @Test func negativeZeroPrintsAsPlainZero() {
        #expect(ValueFormat.number.string(for: -0.0) == "0")
        #expect(ValueFormat.number.string(for: -0.0000001) == "0")
        #expect(ValueFormat.months.string(for: -0.0) == "0")
    }

    @Test func fractionsAreShownAsPercentagesOnce() {
        #expect(ValueFormat.fraction.string(for: 0.3) == "30\(nnbsp)%")
        #expect(ValueFormat.fraction.string(for: 0.125) == "12.5\(nnbsp)%")
        #expect(ValueFormat.fraction.string(for: -0.05) == "\u{2212}5\(nnbsp)%")
        #expect(ValueFormat.fraction.string(for: 1) == "100\(nnbsp)%")
    }

    @Test func percentagePointsAreNeverScaledAgain() {
        // Fig 3.1 stores 100 and 2.6 (percent); the review found them printed as 10,000 % and 260 %.
        #expect(ValueFormat.percent.string(for: 100) == "100\(nnbsp)%")
        #expect(ValueFormat.percent.string(for: 2.6) == "2.6\(nnbsp)%")
        #expect(ValueFormat.percent.string(for: 70.8) == "70.8\(nnbsp)%")
        #expect(ValueFormat.percent.labels(for: [51.9, 63.2, 73.4, 83.7]) == ["51.9", "63.2", "73.4", "83.7"].map { $0 + "\(nnbsp)%" })
        let ticks = Ticks.linear(dataMin: 0, dataMax: 100, fixedMin: nil, fixedMax: nil, target: 5, format: .percent)
        #expect(ticks.ticks.map(\.label) == ["0", "20\(nnbsp)%", "40\(nnbsp)%", "60\(nnbsp)%", "80\(nnbsp)%", "100\(nnbsp)%"])
    }

    @Test func dollarsInBillionsSwitchToTrillions() {
        #expect(ValueFormat.usdBillions.string(for: 120) == "$120\(nnbsp)B")
        #expect(ValueFormat.usdBillions.string(for: 1300) == "$1.3\(nnbsp)T")
        #expect(ValueFormat.usdBillions.string(for: -5) == "\u{2212}$5\(nnbsp)B")
        #expect(ValueFormat.usdTrillions.string(for: 1.5) == "$1.5\(nnbsp)T")
        let ticks = Ticks.linear(dataMin: 0, dataMax: 3000, fixedMin: nil, fixedMax: nil, target: 3, format: .usdBillions)
        #expect(ticks.ticks.map(\.label) == ["0", "$1\(nnbsp)T", "$2\(nnbsp)T", "$3\(nnbsp)T"])
    }

    @Test func plainDollarsShowCentsInPairs() {
        #expect(ValueFormat.usd.string(for: 2) == "$2")
        #expect(ValueFormat.usd.string(for: 2.5) == "$2.50")
        #expect(ValueFormat.usd.labels(for: [12, 2, 2.5]) == ["$12.00", "$2.00", "$2.50"])
    }

    /// Stylised model outputs (two significant digits) are rounded, never printed as precise sums.
    @Test func twoSignificantDigitsRoundWholeNumbersToo() {
        #expect(ValueFormat.usdBillions.labels(for: [147, 129, 77.8, 8.43], significant: 2)
                == ["$150\u{202F}B", "$130\u{202F}B", "$78\u{202F}B", "$8\u{202F}B"])
        #expect(ValueFormat.usdBillions.labels(for: [147], significant: 3) == ["$147\u{202F}B"])
    }

    @Test func valuesShownTogetherShareTheirDecimals() {
        // "$5 B" next to "$3.7 B" was the review's complaint (Fig 2.2).
        #expect(ValueFormat.usdBillions.labels(for: [5, 3.7]) == ["$5.0\(nnbsp)B", "$3.7\(nnbsp)B"])
        // A small value keeps its digits beside a large one; the whole needs no decimals (Fig 3.1, review 10 N3).
        #expect(ValueFormat.percent.labels(for: [100, 2.6]) == ["100\(nnbsp)%", "2.6\(nnbsp)%"])
        #expect(ValueFormat.fraction.labels(for: [1, 0.026]) == ["100\(nnbsp)%", "2.6\(nnbsp)%"])
        #expect(ValueFormat.percent.labels(for: [45, 2.6]) == ["45.0\(nnbsp)%", "2.6\(nnbsp)%"])
        // Stylised model outputs at two significant digits: one decimal throughout, but exactly nothing is "0 %",
        // not a small amount rounded away (Fig 10.5, review 13); a value that rounds to zero keeps the decimals.
        #expect(ValueFormat.fraction.labels(for: [0.0224, 0.0221, 0.00604, 0], significant: 2)
                == ["2.2\(nnbsp)%", "2.2\(nnbsp)%", "0.6\(nnbsp)%", "0\(nnbsp)%"])
        #expect(ValueFormat.usdBillions.labels(for: [5, 3.7, 0]) == ["$5.0\(nnbsp)B", "$3.7\(nnbsp)B", "$0.0\(nnbsp)B"])
        // The range caps the decimals: the largest never shows more than one digit beyond its significant ones.
        #expect(ValueFormat.number.labels(for: [1200, 3.4]) == ["1,200", "3"])
        // Stylised outputs: the largest has two digits, and the others its decimals (Fig 10.4), but none becomes zero.
        #expect(ValueFormat.fraction.labels(for: [0.224, 0.058, 0.011], significant: 2) == ["22\(nnbsp)%", "6\(nnbsp)%", "1\(nnbsp)%"])
        #expect(ValueFormat.number.labels(for: [64, 7.2, -0.55], significant: 2) == ["64.0", "7.2", "\u{2212}0.6"])
    }

    @Test(arguments: [[0.0224, 0.0221, 0.00604, 0], [100, 2.6], [5, 3.7, 0.0], [147, 129, 77.8, 8.43], [0.5, -0.55, 64.5]])
    func everyLabelOfAChartHasTheSameDecimals(_ values: [Double]) {
        for format in [ValueFormat.number, .percent, .fraction, .usdBillions, .multiple] {
            for significant in [2, 3] {
                // The whole (100 %) and exactly nothing print without decimals.
                let share = format == .percent || format == .fraction
                let texts = zip(values, format.labels(for: values, significant: significant))
                    .filter { value, text in !(share && value == 0) && !(format == .percent && text.hasPrefix("100\(nnbsp)")) }.map(\.1)
                let decimals = Set(texts.map { text in
                    text.filter { $0.isNumber || $0 == "." }.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                })
                #expect(decimals.count == 1, "\(format) \(significant): \(texts)")
            }
        }
    }

    @Test func billionsTurnIntoTrillionsTogetherAsTheTicksDo() {
        // Fig 4.2: "$800 B" beside "$1.4 T" on an axis in trillions (review 10 N5).
        #expect(ValueFormat.usdBillions.labels(for: [1400, 800, 150])
                == ["$1.40\(nnbsp)T", "$0.80\(nnbsp)T", "$0.15\(nnbsp)T"])
        #expect(ValueFormat.usdBillions.labels(for: [800, 150]) == ["$800\(nnbsp)B", "$150\(nnbsp)B"])
        // Chinese writes each amount in its own word, 億 or 兆.
        #expect(ValueFormat.usdBillions.labels(for: [1400, 800], numbers: .chinese) == ["1.4兆美元", "8000億美元"])
    }

    @Test func seriesDrawnTogetherShareTheirDecimals() {
        // Grouped bars: 27.4 % in one series and 1.87 % in the other print with one number of decimals (Fig 8.2).
        let texts = ValueFormat.fraction.labels(forSeries: [[0.0187, 0.0187], [0.274, 0.171]], significant: 2)
        #expect(texts == [["2\(nnbsp)%", "2\(nnbsp)%"], ["27\(nnbsp)%", "17\(nnbsp)%"]])
        let data = ValueFormat.percent.labels(forSeries: [[51.9, 11.3], [100]])
        #expect(data == [["51.9\(nnbsp)%", "11.3\(nnbsp)%"], ["100\(nnbsp)%"]])
    }

    /// Shares of one whole (a stacked area's rows): one decimal each; exactly nothing is "0 %", but a share that rounds
    /// to nothing keeps its decimal, "0.0 %" (review 14: Fig 5.2's 0.034 % printed as "0 %").
    @Test func sharesThatRoundToNothingAreNotExactlyNothing() {
        #expect(ValueFormat.fraction.labels(for: [0.99966, 0.00034, 0], decimals: 1) == ["100.0\(nnbsp)%", "0.0\(nnbsp)%", "0\(nnbsp)%"])
        #expect(ValueFormat.fraction.labels(for: [1, 0], decimals: 1) == ["100\(nnbsp)%", "0\(nnbsp)%"])
    }

    @Test func longColumnsKeepTinyValuesReadable() {
        // A table down a log axis: 0.000002 % must not print as 0.
        let texts = ValueFormat.fraction.columnLabels(for: [0.24, 0.00000002, 0])
        #expect(texts == ["24.0\(nnbsp)%", "0.000002\(nnbsp)%", "0\(nnbsp)%"])
    }

    @Test func durationsSayYearsAndMonthsInWords() {
        #expect(ValueFormat.years.string(for: 2.5) == "2.5\(nnbsp)years")
        #expect(ValueFormat.years.string(for: 1) == "1\(nnbsp)year")
        #expect(ValueFormat.years.string(for: 1.0 / 12) == "1\(nnbsp)month")
        #expect(ValueFormat.years.string(for: 0.25) == "3\(nnbsp)months")
        #expect(ValueFormat.years.string(for: 13.0 / 12) == "1\(nnbsp)year 1\(nnbsp)month")
        // A table's column of durations: each in its own words, never padded to the decimals of the others.
        #expect(ValueFormat.years.columnLabels(for: [0, 1.0 / 6, 0.5, 1, 6], significant: 4)
            == ["0\(nnbsp)years", "2\(nnbsp)months", "0.5\(nnbsp)years", "1\(nnbsp)year", "6\(nnbsp)years"])
        // Ticks print the bare number: the axis title names the unit.
        #expect(ValueFormat.years.tickLabels([0, 2, 4], step: 2) == ["0", "2", "4"])
    }

    @Test func calendarYearsAreNeverGroupedOrSigned() {
        #expect(ValueFormat.year.string(for: 2024) == "2024")
        #expect(ValueFormat.year.string(for: 1986) == "1986")
        #expect(ValueFormat.year.string(for: 2022.9) == "Nov 2022")
        #expect(ValueFormat.year.string(for: 2007.75) == "Oct 2007")
        let ticks = Ticks.linear(dataMin: 1990, dataMax: 2026.4, fixedMin: nil, fixedMax: nil, target: 4, format: .year,
                                 tight: true)
        #expect(ticks.ticks.map(\.label) == ["1990", "2000", "2010", "2020"])
        #expect(ticks.lo == 1990 && ticks.hi == 2026.4)
    }

    @Test func monthsFromAnEventCarryASign() {
        #expect(ValueFormat.months.string(for: -12) == "\u{2212}12")
        #expect(ValueFormat.months.string(for: 24) == "+24")
        #expect(ValueFormat.months.string(for: 0) == "0")
    }

    @Test func countsAreWholeAndTickOnWholeNumbers() {
        #expect(ValueFormat.count.string(for: 12345) == "12,345")
        let ticks = Ticks.linear(dataMin: 1, dataMax: 3, fixedMin: nil, fixedMax: nil, target: 8, format: .count)
        #expect(ticks.ticks.map(\.label) == ["1", "2", "3"])
    }

    @Test func ticksKeepTheStepsDecimalsAndPrintZeroBare() {
        let index = Ticks.linear(dataMin: 1, dataMax: 1.2, fixedMin: nil, fixedMax: nil, target: 2, format: .number)
        #expect(index.ticks.map(\.label) == ["1.0", "1.1", "1.2"])
        let money = Ticks.linear(dataMin: 0, dataMax: 8, fixedMin: nil, fixedMax: nil, target: 4, format: .usdBillions)
        #expect(money.ticks.first?.label == "0")
    }

    @Test func multiplesAndNumbers() {
        #expect(ValueFormat.multiple.string(for: 1.2) == "1.2×")
        #expect(ValueFormat.number.string(for: 12345) == "12,345")
        #expect(ValueFormat.number.string(for: 1_234_567.891) == "1,234,568")
        #expect(ValueFormat.number.string(for: -0.0123) == "\u{2212}0.0123")
    }

    @Test func nonFiniteValuesPrintAsDash() {
        #expect(ValueFormat.number.string(for: .nan) == "–")
        #expect(ValueFormat.usdBillions.string(for: .infinity) == "–")
    }

    @Test(arguments: [0.0, -0.0, 0.04, -0.04, .nan, .infinity]) func svgNumberNearZeroOrNonFiniteIsZero(_ value: Double) {
        #expect(svgNumber(value) == "0")
    }

    @Test func svgNumberKeepsOneDecimalWithoutTrailingZeros() {
        #expect(svgNumber(0.1 + 0.2) == "0.3")
        #expect(svgNumber(12.5) == "12.5")
        #expect(svgNumber(-3.14159) == "-3.1")
        #expect(svgNumber(720) == "720")
        #expect(svgNumber(0.05) == "0.1")
        #expect(svgNumber(19.96) == "20")
    }
}

/// Data tables print dates and months as a reader reads them (review 16).
@Suite struct TableColumnFormatTests {
    @Test func wholeMonthsArePrintedWholeBesideFractionalOnes() {
        #expect(ValueFormat.months.columnLabels(for: [-36, -34, 0, 2, 30.9822], significant: 4) == ["−36", "−34", "0", "+2", "+30.98"])
    }

    @Test func aJanuaryAmongMonthlyRowsNamesItsMonth() {
        #expect(ValueFormat.year.columnLabels(for: [1990, 1990 + 9.0 / 12, 1991], significant: 4) == ["Jan 1990", "Oct 1990", "Jan 1991"])
        #expect(ValueFormat.year.columnLabels(for: [1990, 1991], significant: 4) == ["1990", "1991"])
        #expect(ValueFormat.year.columnLabels(for: [1990, 1990.5], significant: 4, numbers: .chinese) == ["1990年1月", "1990年7月"])
    }
}

/// Trial 13 (nit): Japanese pages printed percentages with a narrow space, "38 %"; Japanese writes "38%".
@Suite struct PercentSpacing {
    @Test func aLanguageWrittenWithoutSpacesWritesThePercentSignAgainstItsNumber() {
        let japanese = ChartLanguage.numbers(for: "ja", words: ["space": "", "decimalSeparator": "."])
        #expect(ValueFormat.percent.labels(for: [38, 25], numbers: japanese) == ["38%", "25%"])
        #expect(ValueFormat.fraction.string(for: 0.38, numbers: japanese) == "38%")
        let german = ChartLanguage.numbers(for: "de", words: ["space": " ", "decimalSeparator": ","])
        #expect(ValueFormat.percent.labels(for: [38.5, 2.5], numbers: german) == ["38,5\u{202F}%", "2,5\u{202F}%"])
        #expect(ValueFormat.percent.string(for: 38) == "38\u{202F}%")
    }
}
