import Testing
@testable import Site

/// Trial 13 (M2): numbers and months in German spreadsheet form were read as other numbers, silently: `1.250` (one
/// thousand two hundred and fifty) drawn as 1.25, `136.000` as 136, and the month `01.2018` as the number 1.2018.
@Suite struct GermanSpreadsheetNumbers {
    private func chart(kind: String = "bar") -> String {
        "---\ntitle: Drought\n---\nText.\n\n```chart\nid: d\nkind: \(kind)\ntitle: Drought\ncaption: Drought.\ndata: d.csv\n```\n"
    }

    private func warnings(_ csv: String, kind: String = "bar") throws -> [Diagnostic] {
        let file = SourceFile(path: "content/data/d.csv", text: csv)
        return try build(miniSite(chapter: chart(kind: kind), data: [file])).warnings
            .filter { $0.file == "content/data/d.csv" }
    }

    @Test func aThousandsDotAmongWholeNumbersIsAWarningAtItsCell() throws {
        let found = try warnings("year,area\n2016,38\n2017,64\n2018,1.250\n2019,58\n2020,55\n")
        #expect(found.count == 1)
        let warning = try #require(found.first)
        #expect("\(warning.line):\(warning.column)" == "4:6")
        #expect(warning.severity == .warning)
        #expect(warning.message == "'1.250' in column 'area' reads as 1.25, but the column's other values are whole numbers: "
            + "is it 1250, written with a thousands dot (as German and other European spreadsheets write it)?")
        #expect(warning.hint == "write numbers without thousands separators: 1250; if it is a decimal, write it as 1.25")
    }

    @Test func aColumnWrittenWholeWithThousandsDotsIsAWarningAtItsFirstCell() throws {
        let found = try warnings("year,people\n2016,136.000\n2017,258.000\n2018,229.000\n2019,207.000\n")
        #expect(found.map(\.message) == ["'136.000' in column 'people' (and 3 more like it) reads as 136: is it 136000, "
            + "written with a thousands dot (as German and other European spreadsheets write it)?"])
        #expect(found.first?.line == 2)
    }

    @Test func oneThousandsDotAmongLargeWholeNumbersIsAWarning() throws {
        let found = try warnings("year,people\n2016,136000\n2017,258.000\n2018,229000\n2019,207000\n")
        #expect(found.map { "\($0.line):\($0.column)" } == ["3:6"])
        #expect(found.first?.hint?.hasPrefix("write numbers without thousands separators: 258000") == true)
    }

    @Test(arguments: [
        "year,share\n2016,0.125\n2017,2.500\n2018,1.75\n",   // decimals, one of them with three places
        "year,share\n2016,0.125\n2017,0.250\n2018,0.375\n",  // below one: never a thousands dot
        "year,share\n2016,2.5\n2017,1.250\n2018,3\n",        // another decimal in the column
        "year,share\n2016,1.234\n2017,2.345\n2018,3.456\n",  // three places that do not end in zero
        "year,share\n2016,12\n2017,15\n2018,1250\n",         // whole numbers only
    ])
    func realDecimalsAreNoWarning(_ csv: String) throws {
        #expect(try warnings(csv).isEmpty)
    }

    @Test func monthsWrittenWithADotAreAnErrorAsMonthsWithASlashAre() {
        let csv = "# Rain.\nmonth,rain\n01.2018,60\n02.2018,18\n03.2018,50\n"
        let found = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv", text: csv)]))
        #expect(found == [Diagnostic(file: "content/data/d.csv", line: 3, column: 1,
                                     message: "'01.2018' in column 'month' looks like a month written MM.YYYY, which reads as the number 1.2018",
                                     hint: "write months as 2018-01 (or years); daily dates are not supported")])
        let slashed = diagnostics(of: miniSite(chapter: chart(kind: "line"),
                                               data: [SourceFile(path: "content/data/d.csv", text: "month,rain\n11/2018,60\n12/2018,18\n")]))
        #expect(slashed.map(\.hint) == ["write months as 2018-11 (or years); daily dates are not supported"])
    }

    /// Trial 15 (M2): `2022.01` (YYYY.MM) passed as decimal years and squeezed a year's months into an eighth of it.
    @Test func monthsWrittenYearFirstWithADotAreAnErrorButDecimalYearsAreNot() {
        let csv = "# Rain.\nmes,lluvia\n2022.01,60\n2022.02,18\n2022.12,50\n2023.01,40\n"
        let found = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv", text: csv)]))
        #expect(found == [Diagnostic(file: "content/data/d.csv", line: 3, column: 1,
                                     message: "'2022.01' in column 'mes' looks like a month written YYYY.MM, which reads as the "
                                        + "number 2022.01, a fraction of a year",
                                     hint: "write months with a hyphen, as 2022-01 (or years); daily dates are not supported")])
        #expect(yearDottedMonths(["2020.00", "2020.25", "2020.50"]) == nil)
        #expect(yearDottedMonths(["2020.10", "2020.11", "2020.12"]) == nil)
        #expect(yearDottedMonths(["2020.5", "2021.5"]) == nil)
    }

    /// Trial 13's leftover: `01.18` (MM.YY) passed as the numbers 1.18, 2.18, … and drew a wrong axis, silently.
    @Test func monthsWithATwoDigitYearAreAnErrorButDecimalsAreNot() {
        let csv = "# Rain.\nmonth,rain\n01.18,60\n02.18,18\n03.18,50\n"
        let found = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv", text: csv)]))
        #expect(found == [Diagnostic(file: "content/data/d.csv", line: 3, column: 1,
                                     message: "'01.18' in column 'month' looks like a month written MM.YY, which reads as the number 1.18",
                                     hint: "write months with the whole year, as 2018-01 (or years); daily dates are not supported")])
        // Without a leading zero, months that run one after another across a year's end.
        #expect(shortDottedMonths(["11.18", "12.18", "1.19"]) == ["2018-11", "2018-12", "2019-01"])
        // Numbers with two decimals draw as they are.
        #expect(shortDottedMonths(["1.25", "2.50", "3.75"]) == nil)
        #expect(shortDottedMonths(["1.10", "2.10", "3.10"]) != nil)
        #expect(shortDottedMonths(["1.10", "2.20", "3.30"]) == nil)
        let decimals = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv",
                                                                                             text: "# Rain.\nx,rain\n1.25,60\n2.50,18\n3.75,50\n")]))
        #expect(decimals.isEmpty)
    }

    @Test func monthsWrittenWithADotDrawnAsABarChartKeepTheirNames() throws {
        let output = try build(miniSite(chapter: chart(), data: [SourceFile(path: "content/data/d.csv",
                                                                            text: "# Rain.\nmonth,rain\n01.2018,60\n02.2018,18\n")]))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("01.2018"))
    }

    /// Trial 13 (S4): with its semicolons made commas but not its decimals, a row had two cells too many and the hint
    /// said to put a value holding a comma in double quotes.
    /// Trial 14 (S8): `100,6,100,2` (index values near 100 with decimal commas) was read as a thousands separator,
    /// "write 6100", which leaves the row a cell too long; the decimal commas make it fit.
    @Test func decimalCommasThatFitTheHeaderAreChosenOverAThousandsSeparatorThatDoesNot() {
        let csv = "# Rents.\nmonth,paris,lyon\n2018-01,100.1,99.8\n2018-02,100,6,100,2\n"
        let found = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv", text: csv)]))
        #expect(found.map(\.hint) == ["decimals use a point: write 100.6 and 100.2"], "\(found)")
        // A thousands separator that does make the row fit is still said so.
        let thousands = diagnostics(of: miniSite(chapter: chart(kind: "line"),
                                                 data: [SourceFile(path: "content/data/d.csv", text: "# R.\nyear,visitors\n2020,1,200\n")]))
        #expect(thousands.map(\.hint) == ["write numbers without thousands separators: 1200"])
    }

    /// Trial 14 (S9): months named in words (`janv.-18`, as a French spreadsheet shows them; `Jan 2018`) got "for
    /// categories, use kind: bar", which drew 24 bars.
    @Test func monthsNamedInWordsGetTheMonthToWrite() {
        let csv = "# Rents.\nmonth,paris\nJan-18,100.1\nFeb-18,100.6\nMar-18,100.9\n"
        let found = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv", text: csv)]))
        #expect(found.map(\.message) == ["'Jan-18' in column 'month' names its month in words, which a chart reads as text, not as a month"])
        #expect(found.first?.hint?.hasPrefix("write months as 2018-01 (year, then the month's number)") == true)
        #expect(found.first.map { "\($0.file):\($0.line)" } == "content/data/d.csv:3")
        let french = [["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]]
        #expect(monthInWords("janv.-18", names: french) == "2018-01")
        #expect(monthInWords("décembre 2019", names: french) == "2019-12")
        #expect(monthInWords("Paris 2018", names: french) == nil)
        // Trial 15 (S2): Japanese, Chinese and Korean months, year first.
        #expect(monthInWords("2022年1月", names: []) == "2022-01")
        #expect(monthInWords("2022년 12월", names: []) == "2022-12")
        #expect(monthInWords("2022年13月", names: []) == nil)
        let japanese = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv",
                                                text: "# Rain.\nmonth,rain\n2022年1月,60\n2022年2月,18\n")]))
        #expect(japanese.first?.hint?.hasPrefix("write months as 2022-01 (year, then the month's number)") == true, "\(japanese)")
    }

    @Test func twoDecimalCommasThatMakeTwoCellsTooManyGetThePoints() {
        let csv = "# Rain.\nmonth,rain,mean\n2018-01,60.2,63.5\n2018-02,18,4,51,0\n"
        let found = diagnostics(of: miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv", text: csv)]))
        #expect(found == [Diagnostic(file: "content/data/d.csv", line: 4, column: 9,
                                     message: "row has 5 cells but the header has 3: '18,4' looks like one number with a decimal comma (and 1 more)",
                                     hint: "decimals use a point: write 18.4 and 51.0")])
    }

    @Test func decimalsThatLookLikeMonthsInALineChartStayNumbers() throws {
        let output = try build(miniSite(chapter: chart(kind: "line"), data: [SourceFile(path: "content/data/d.csv",
                                                                                       text: "# Rain.\nx,rain\n0.5,60\n1.2018,18\n2,50\n")]))
        #expect(output["intro/index.html"] != nil)
    }
}
