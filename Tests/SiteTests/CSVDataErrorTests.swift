import Testing
@testable import Site

/// A chapter whose only content is one chart block drawing `content/data/cop.csv`; the block's body starts on line 7.
private func chapter(kind: String? = "line", extra: [String] = []) -> String {
    let lines = ["id: c", "title: Heat pump COP", "caption: What a heat pump gives for each unit of power.", "data: cop.csv"]
        + (kind.map { ["kind: \($0)"] } ?? []) + extra
    return "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

private func site(csv: String, kind: String? = "line", extra: [String] = []) -> SourceTree {
    miniSite(chapter: chapter(kind: kind, extra: extra), data: [SourceFile(path: "content/data/cop.csv", text: csv)])
}

private let file = "content/data/cop.csv"

@Suite struct CSVDataErrors {
    @Test func aNumberSplitByAnUnquotedThousandsSeparatorIsExplainedAtTheCell() {
        let found = diagnostics(of: site(csv: "# Source: test.\nyear,installed\n2019,900\n2020,1,200\n"))
        #expect(found == [Diagnostic(file: file, line: 4, column: 6,
                                     message: "row has 3 cells but the header has 2: '1,200' looks like one number with a thousands separator",
                                     hint: "write numbers without thousands separators: 1200")])
    }

    @Test func aNumberSplitIntoSeveralThousandsGroupsIsJoinedInTheHint() {
        let found = diagnostics(of: site(csv: "year,installed\n2020,1,250,000.5\n"))
        #expect(found.first?.hint == "write numbers without thousands separators: 1250000.5")
        #expect(found.first?.column == 6)
    }

    @Test func aRowWithATrailingCommaTheHeaderHasNotIsExplained() {
        let found = diagnostics(of: site(csv: "year,installed\n2020,12,\n"))
        #expect(found == [Diagnostic(file: file, line: 2, column: 9, message: "row has 3 cells but the header has 2",
                                     hint: "the row ends with a comma the header does not have: remove it")])
    }

    @Test func aQuotedNumberWithAThousandsSeparatorSaysToRemoveItAtItsColumn() {
        let found = diagnostics(of: site(csv: "year,installed\n2019,900\n2020,\"1,200\"\n"))
        #expect(found == [Diagnostic(file: file, line: 3, column: 6, message: "'1,200' in column 'installed' is not a number",
                                     hint: "remove the thousands separator: 1200")])
    }

    @Test func aPercentSignInACellSaysToSetThePercentFormat() {
        let found = diagnostics(of: site(csv: "temperature,cop,share\n-15,1.9,1.9%\n"))
        #expect(found == [Diagnostic(file: file, line: 2, column: 9, message: "'1.9%' in column 'share' is not a number",
                                     hint: "write 1.9 and set 'format: percent' on the axis (e.g. y: {format: percent})")])
    }

    @Test func aWordInANumberColumnStillSaysToLeaveTheCellEmpty() {
        let found = diagnostics(of: site(csv: "year,cop\n2020,n/a\n"))
        #expect(found.first?.hint == "leave the cell empty for a missing value")
        #expect(found.first?.column == 6)
    }

    @Test func aTypographicMinusIsReadAsAMinusAndTheDownloadWritesAHyphen() throws {
        let output = try build(site(csv: "# Source: data sheets.\ntemperature,cop\n\u{2212}5,2.6\n0,3\n5,\u{2212}0.5\n"))
        let csv = try #require(text(output, "data/c.csv"))
        #expect(csv.contains("\n-5,2.6\n"))
        #expect(csv.contains("\n5,-0.5\n"))
        #expect(!csv.contains("\u{2212}"))
    }

    @Test func monthsWrittenWithASlashAreAnErrorAtTheFirstCSVLineWithOne() {
        let found = diagnostics(of: site(csv: "# Prices.\nmonth,price\n2023-12,4\n01/2024,5\n02/2024,6\n"))
        #expect(found == [Diagnostic(file: file, line: 4, column: 1,
                                     message: "'01/2024' in column 'month' is not a number, a year or a month",
                                     hint: "write months as 2024-01 (or years); daily dates are not supported")])
    }

    @Test func dailyDatesAreAnErrorAtTheFirstCSVLineWithOne() {
        let found = diagnostics(of: site(csv: "date,price\n2024-01-15,5\n2024-01-16,6\n"))
        #expect(found == [Diagnostic(file: file, line: 2, column: 1,
                                     message: "'2024-01-15' in column 'date' is not a number, a year or a month",
                                     hint: "write months as 2024-01 (or years); daily dates are not supported")])
    }

    @Test(arguments: ["15.01.2024", "2024/01/15", "1/2024"]) func otherDateFormsGetTheMonthsHint(_ date: String) {
        let found = diagnostics(of: site(csv: "date,price\n\(date),5\n"))
        #expect(found.map(\.hint) == ["write months as 2024-01 (or years); daily dates are not supported"])
        #expect(found.map(\.line) == [2])
    }

    @Test func categoriesInALineChartAreAnErrorAtItsKindLine() {
        let found = diagnostics(of: site(csv: "type,cop\nAir to water,3.2\nGround source,4.1\nAir to air,3.5\n"))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 11, column: 7,
                                     message: "a line chart needs numbers, years or months (2024-01) in the first column of "
                                        + "content/data/cop.csv, but it holds categories ('Air to water', 'Ground source', …)",
                                     hint: "for categories, use kind: bar or kind: hbar")])
    }

    @Test func categoriesInAChartWithNoKindAreAnErrorAtTheFence() {
        let found = diagnostics(of: site(csv: "type,cop\nAir to water,3.2\n", kind: nil))
        #expect(found.map(\.line) == [6])
        #expect(found.first?.hint == "for categories, add kind: bar or kind: hbar")
    }

    @Test func oneWordAmongYearsInALineChartIsAnErrorAtItsCSVLine() {
        let found = diagnostics(of: site(csv: "year,cop\n2020,3\nlater,4\n", kind: "area"))
        #expect(found == [Diagnostic(file: file, line: 3, column: 1,
                                     message: "'later' in column 'year' is not a number, a year or a month",
                                     hint: "an area chart's first column holds numbers, years or months (2024-01); "
                                        + "for categories use kind: bar or hbar")])
    }

    @Test func categoriesInABarChartStillDraw() throws {
        let output = try build(site(csv: "type,cop\nAir to water,3.2\nGround source,4.1\n", kind: "bar"))
        #expect(text(output, "data/c.csv") != nil)
    }

    @Test func aTrailingCommaOnEveryRowIsAnErrorAtTheHeadersEmptyLastColumn() {
        let found = diagnostics(of: site(csv: "# Source: an Excel export.\ntemperature,cop,\n-5,2.6,\n0,3,\n"))
        #expect(found == [Diagnostic(file: file, line: 2, column: 17,
                                     message: "the last column of the header has no name (a trailing comma?)",
                                     hint: "remove the comma at the end of every line (spreadsheets add one for an empty column), "
                                        + "or name the column")])
    }

    @Test func aFileWithoutItsHeaderLineIsToldTheHeaderIsMissing() {
        let found = diagnostics(of: site(csv: "# Source: test.\n2018-01,100.0,100.0\n2018-02,101.5,99.0\n"))
        #expect(found == [Diagnostic(file: file, line: 2, column: 1,
                                     message: "the first line holds values, not column names: is the header line missing?",
                                     hint: "begin the file with a line naming its columns, separated by commas: e.g. year,visitors")])
    }

    @Test func aRowSeparatedByFullWidthCommasNamesThem() {
        let found = diagnostics(of: site(csv: "# Source: test.\ntemperature,cop\n-5，2.6\n0,3\n"))
        #expect(found.map(\.message) == ["row has 1 cell but the header has 2: it holds a full-width '\u{FF0C}'"])
        #expect(found.first?.hint == "separate the cells with ASCII commas ','; the '\u{FF0C}' of an input method is text to CSV")
    }

    @Test func twoColumnsOfOneNameAreAnErrorAtTheSecond() {
        let found = diagnostics(of: site(csv: "# Source: test.\nstep,energy,chemicals,energy\nPumping,4,1,2\n", kind: "stacked-bar"))
        #expect(found == [Diagnostic(file: file, line: 2, column: 23,
                                     message: "columns 2 and 4 of the header are both named 'energy'",
                                     hint: "give each column its own name: each column after the first is a series, named by its "
                                        + "header in the legend and the data table")])
    }

    @Test func aNegativeLayerOfAStackedAreaIsAnErrorAtItsCell() {
        let found = diagnostics(of: site(csv: "# Source: test.\nyear,homes,leaks\n2020,210,60\n2021,212,-4\n", kind: "stacked-area"))
        #expect(found == [Diagnostic(file: file, line: 4, column: 10,
                                     message: "'-4' in column 'leaks' is below zero, which a stacked area cannot show",
                                     hint: "a stacked area adds its layers, each on the ones below: draw values that can fall below zero "
                                        + "with kind: line (or kind: stacked-bar, which draws negative parts below zero)")])
    }

    @Test func anAnnotationLabelTooLongToPrintWholeIsAnErrorAtItsLine() {
        let label = "A new leak-detection programme started across the whole network"
        let found = diagnostics(of: site(csv: "# Source: test.\nyear,cop\n2020,3\n2021,3.2\n2022,3.4\n",
                                         extra: ["annotations:", "  - {type: event, x: 2021, label: \(label)}"]))
        #expect(found.count == 1)
        #expect(found.first?.line == 13)
        #expect(found.first?.message.contains("it would read 'A new leak-detection programme sta…'") == true, "\(found)")
        // A label that fits is drawn whole.
        #expect(diagnostics(of: site(csv: "# Source: test.\nyear,cop\n2020,3\n2021,3.2\n2022,3.4\n",
                                     extra: ["annotations:", "  - {type: event, x: 2021, label: Leak programme}"])).isEmpty)
    }

    @Test func anUnnamedMiddleColumnIsAnError() {
        let found = diagnostics(of: site(csv: "year,,cop\n2020,1,3\n"))
        #expect(found.map(\.message) == ["column 2 of the header has no name"])
        #expect(found.first?.column == 6)
    }

    @Test func theDownloadKeepsTheCSVsOwnSourceLines() throws {
        let csv = "# Illustrative COP of an air-source heat pump.\n# Source: rounded from manufacturer data sheets.\n"
            + "temperature,cop\n-5,2.6\n0,3\n"
        let download = try #require(text(try build(site(csv: csv)), "data/c.csv"))
        #expect(download.hasPrefix("# \u{201C}Heat pump COP\u{201D}\n# Illustrative COP of an air-source heat pump.\n"
            + "# Source: rounded from manufacturer data sheets.\n# What a heat pump gives for each unit of power.\n"))
        #expect(!download.contains("as stated in the caption"))
    }

    @Test func aDownloadWithNoSourceLinesAndNoSourceInTheCaptionClaimsNone() throws {
        let download = try #require(text(try build(site(csv: "temperature,cop\n-5,2.6\n0,3\n")), "data/c.csv"))
        #expect(download.hasPrefix("# \u{201C}Heat pump COP\u{201D}\n# What a heat pump gives for each unit of power.\n"))
        #expect(!download.contains("as stated in the caption"))
    }
}

@Suite struct CSVEmptyColumns {
    @Test func aColumnWithEveryCellEmptyIsAnErrorAtItsHeaderName() {
        let csv = "# Source: test.\nyear,cop,installed\n2020,3,\n2021,3.2,\n"
        let found = diagnostics(of: site(csv: csv, extra: ["series: [installed]"]))
        #expect(found == [Diagnostic(file: file, line: 2, column: 10,
                                     message: "column 'installed' has no numbers to draw: every cell of it is empty",
                                     hint: "fill in its numbers, or leave it out of the chart with series: [the columns to draw]")])
    }

    @Test func aRenamedEmptyColumnIsFoundByItsLabel() {
        let csv = "year,cop,installed\n2020,3,\n2021,3.2,\n"
        let found = diagnostics(of: site(csv: csv, kind: "bar", extra: ["series: [installed]", "labels: {installed: Installed}"]))
        #expect(found.map(\.file) == [file])
        #expect(found.map(\.line) == [1])
    }
}
