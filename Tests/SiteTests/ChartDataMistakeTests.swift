import Testing
@testable import Site

/// A chapter whose only content is one chart block; the block's body starts on line 7.
private func chapter(_ lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A line chart of `content/data/sales.csv` with `extra` block lines (from line 11).
private func site(csv: String, extra: [String] = [], kind: String = "line") -> SourceTree {
    let lines = ["id: sales", "title: Sales", "caption: Heat pumps sold. Made-up numbers.", "data: sales.csv", "kind: \(kind)"] + extra
    return miniSite(chapter: chapter(lines), data: [SourceFile(path: "content/data/sales.csv", text: csv)])
}

private let csvFile = "content/data/sales.csv"
private let sales = "year,air,ground\n2015,20,5\n2016,24,6\n2017,30,6\n2018,38,7\n2019,45,8\n2020,52,8\n2021,70,9\n2022,102,13\n"

@Suite struct ChartDataMistakes {
    // MARK: x values in order

    @Test(arguments: ["line", "area", "stacked-area"]) func aRowOutOfOrderIsAnErrorAtTheRowThatBreaksTheOrder(_ kind: String) {
        let csv = "year,air,ground\n2015,20,5\n2016,24,6\n2018,38,7\n2019,45,8\n2017,30,6\n"
        #expect(diagnostics(of: site(csv: csv, kind: kind)) == [Diagnostic(
            file: csvFile, line: 6, column: 1,
            message: "'2017' in column 'year' comes after '2019': the rows are out of order, and \(kind == "area" ? "an" : "a") \(kind) chart "
                + "joins them in the file's order (the line would zigzag back)",
            hint: "sort the rows by 'year', smallest first: move this row between '2016' and '2018'")])
    }

    @Test func theSameYearTwiceIsAnErrorAtItsSecondRow() {
        let csv = "year,air,ground\n2018,38,7\n2019,45,8\n2019,60,9\n2020,52,8\n"
        #expect(diagnostics(of: site(csv: csv)) == [Diagnostic(
            file: csvFile, line: 4, column: 1,
            message: "'2019' in column 'year' is there twice (line 3 and line 4): a line chart would draw a jump at it",
            hint: "give each x value one row: remove this row, or correct its 'year'")])
    }

    @Test func aColumnWithTwoValuesAtOneXAndNoneElsewhereDrawsARange() {
        let csv = "month,range,price\n2023-07,8,\n2023-07,12,\n2024-10,,2\n2025-10,,1.7\n"
        #expect(diagnostics(of: site(csv: csv)) == [])
    }

    @Test func categoriesOutOfOrderInABarChartStillDraw() {
        #expect(diagnostics(of: site(csv: "year,air\n2019,45\n2017,30\n", kind: "bar")) == [])
    }

    // MARK: log axes

    @Test(arguments: ["0", "-5"]) func aValueALogAxisCannotShowIsAnErrorAtItsCell(_ value: String) {
        let csv = "year,air,ground\n2015,20,\(value)\n2016,24,6\n"
        #expect(diagnostics(of: site(csv: csv, extra: ["y: {label: Units, scale: log}"])) == [Diagnostic(
            file: csvFile, line: 2, column: 9,
            message: "'\(value)' in column 'ground' cannot be drawn on the log-scale y axis: a log axis shows only values above zero",
            hint: "leave the cell empty for a missing value, or remove 'scale: log' from 'y:' to draw a linear axis")])
    }

    @Test func aModelSeriesBelowZeroOnALogAxisIsAnErrorAtTheAxisLine() {
        let lines = ["id: bubble", "title: Bubbles", "caption: Illustrative model.", "model: bubbles", "series: [x]",
                     "y: {scale: log}"]
        let found = diagnostics(of: miniSite(chapter: chapter(lines)))
        #expect(found.map(\.line) == [12])
        #expect(found.map(\.column) == [4])
        #expect(found.first?.message.hasPrefix("the y axis uses a log scale, but the series 'x' reaches \u{2212}") == true)
        #expect(found.first?.message.hasSuffix(": a log axis shows only values above zero") == true)
        #expect(found.first?.hint == "remove 'scale: log' from 'y:' to draw a linear axis, or draw only series that stay above zero (series: [...])")
    }

    // MARK: min and max

    @Test func aMaxBelowTheDataIsAnErrorAtTheAxisLine() {
        #expect(diagnostics(of: site(csv: sales, extra: ["y: {label: Units, min: 0, max: 50}"])) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 4,
            message: "max: 50 leaves data off the y axis: the data runs from 5 to 102",
            hint: "set max to 102 or more, or remove 'max' to fit the axis to the data")])
    }

    @Test func aMinAboveEveryValueIsAnErrorAtTheAxisLine() {
        #expect(diagnostics(of: site(csv: sales, extra: ["y: {label: Units, min: 500}"])) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 4,
            message: "min: 500 leaves data off the y axis: the data runs from 5 to 102",
            hint: "set min to 5 or less, or remove 'min' to fit the axis to the data")])
    }

    @Test func anXRangeThatCutsYearsOffIsAnErrorAtTheXLine() {
        #expect(diagnostics(of: site(csv: sales, extra: ["x: {min: 2018}"])) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 4,
            message: "min: 2018 leaves data off the x axis: the data runs from 2015 to 2022",
            hint: "set min to 2015 or less, or remove 'min' to fit the axis to the data")])
    }

    @Test func aLogAxisFloorBelowItsLargestValueMayCutATail() {
        let csv = "year,air\n2015,0.00000001\n2016,0.01\n2017,1\n"
        #expect(diagnostics(of: site(csv: csv, extra: ["y: {scale: log, min: 0.001}"])) == [])
    }

    @Test func aMinAboveTheMaxIsAnErrorAtTheAxisLine() {
        #expect(diagnostics(of: site(csv: sales, extra: ["y: {label: Units, min: 200, max: 100}"])) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 4,
            message: "the y axis's min 200 is not below its max 100: the axis would be empty",
            hint: "min is the axis's lower end and max its upper one: y: {min: 100, max: 200}")])
    }

    // MARK: scenarios, labels, titles, series

    @Test func aScenarioListedTwiceIsAnErrorAtTheRepeat() {
        let lines = ["id: collateral", "title: Collateral", "caption: Illustrative model.", "model: gpuCollateral",
                     "scenarios: [base, xai, base]"]
        #expect(diagnostics(of: miniSite(chapter: chapter(lines))) == [Diagnostic(
            file: "content/01-intro.md", line: 11, column: 24,
            message: "scenario 'base' is listed twice in 'scenarios'",
            hint: "list each scenario once: scenarios: [base, xai]")])
    }

    @Test func twoSeriesWithOneLabelAreAnErrorAtTheLabelsLine() {
        #expect(diagnostics(of: site(csv: sales, extra: ["labels: {air: Pumps, ground: Pumps}"])) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 9,
            message: "figure 'sales': labels shows both 'air' and 'ground' as 'Pumps': the legend and data table could not tell them apart",
            hint: "give each series its own label, e.g. labels: {air: Pumps (air), ground: Pumps (ground)}")])
    }

    @Test func aLabelOnASeriesNotDrawnMayRepeatAnother() {
        #expect(diagnostics(of: site(csv: sales, extra: ["series: [air]", "labels: {air: Pumps, ground: Pumps}"])) == [])
    }

    @Test func aCitationInAChartTitleIsAnErrorAtTheTitleLine() {
        let lines = ["id: sales", "title: \"Water beats air [@carnot-1824]\"", "caption: Heat pumps sold.", "data: sales.csv"]
        let source = miniSite(chapter: chapter(lines), data: [SourceFile(path: "content/data/sales.csv", text: sales)],
                              sources: "carnot-1824:\n  title: Reflections\n  publisher: Bachelier\n  date: 1824\n")
        #expect(diagnostics(of: source) == [Diagnostic(
            file: "content/01-intro.md", line: 8, column: 8,
            message: "a chart's title cannot cite a source: [@carnot-1824] would point to a note the page does not show",
            hint: "citations go in the caption: remove [@carnot-1824] from 'title:' and add it at the end of 'caption:'")])
    }

    @Test func anUnknownSeriesIsAnErrorAtTheNameInTheSeriesLine() {
        #expect(diagnostics(of: site(csv: sales, extra: ["series: [ground, Air]"])) == [Diagnostic(
            file: "content/01-intro.md", line: 12, column: 18,
            message: "figure 'sales' has no series 'Air'",
            hint: "did you mean 'air'? Known series: air, ground")])
    }
}

@Suite struct ChartLogAxisPlaces {
    @Test func minZeroOnALogAxisIsAnErrorAtTheAxisLine() {
        let found = diagnostics(of: site(csv: sales, extra: ["y: {scale: log, min: 0}"]))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 12, column: 4,
                                     message: "cannot draw figure 'sales': the y axis uses a log scale but meets the value 0; "
                                        + "log scales need values above zero (use 'scale: linear' or drop the value)")])
    }
}
