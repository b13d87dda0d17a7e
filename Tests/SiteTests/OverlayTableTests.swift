import Charts
import Testing
@testable import Site

/// An overlaid figure's data table lists the scenarios in the order its pills do, whichever is shown, and prints a
/// log axis's zeros for every scenario (review 12 S6: Fig 6.2's "Base, Calm, Stressed" under "Calm, Base, Stressed",
/// and blank cells in its last row).
@Suite struct OverlayTableTests {
    @Test func theTablesColumnsFollowThePillsAndHaveNoBlankCells() throws {
        let chart = "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + [
            "id: loss", "title: T", "caption: \"C. Illustrative model, not a forecast.\"", "model: tranching", "kind: line",
            "series: [lhp.exceedance]", "x: {label: Pool loss, format: fraction, max: 0.6}",
            "y: {label: Chance of a larger loss, format: fraction, scale: log, min: 0.0001, max: 1}", "overlay: true",
            "scenarios:", "  calm: {rho: 0.1}", "  base: {rho: 0.3}", "  stressed: {rho: 0.6}",
        ].joined(separator: "\n") + "\n```\n"
        let page = try #require(text(try build(miniSite(chapter: chart)), "intro/index.html"))
        let tables = page.components(separatedBy: "<table").dropFirst()
        #expect(!tables.isEmpty)
        for table in tables {
            #expect(table.contains("<th scope=\"col\">Pool loss</th><th scope=\"col\">Calm</th><th scope=\"col\">Base</th>"
                                   + "<th scope=\"col\">Stressed</th>"), "\(table.prefix(300))")
            #expect(!table.contains("<td></td>"))
        }
    }

    /// Review 12: Fig 11.2's table printed "4.00 %" under Benign and Base beside "4.0 %" under Severe, each column
    /// choosing its own decimals; the columns of one table share them.
    @Test func theValueColumnsOfATableShareTheirDecimals() {
        let spec = ChartSpec(kind: .line, title: "T", x: AxisOptions(format: .years), y: AxisOptions(format: .percent),
                             series: [ChartSeries(name: "Benign", x: [0, 8], y: [4.0, 4.49]),
                                      ChartSeries(name: "Severe", x: [0, 8], y: [4.0, 27.8])])
        let table = FigureTable(spec: spec, xHeader: "Years", isModel: true)
        #expect(table.cells.map { Array($0.dropFirst()) } == [["4.0\u{202F}%", "4.0\u{202F}%"], ["4.5\u{202F}%", "27.8\u{202F}%"]])
    }

    /// Review 12: Fig 9.4's table headed "Year" above "Jan 1990", "Oct 1990" …; months are headed "Month" (月份).
    @Test func aTableOfMonthsIsHeadedMonthAndOneOfYearsYear() {
        let months = ChartSpec(kind: .line, title: "T", x: AxisOptions(format: .year), y: AxisOptions(format: .number),
                               series: [ChartSeries(name: "S&P 500", x: [1990, 1990 + 1.0 / 12], y: [340, 330])])
        #expect(FigureTable(spec: months, xHeader: "month", isModel: false).headings.first == "Month")
        #expect(FigureTable(spec: months, xHeader: "month", isModel: false, words: Translations.builtIn("zh-Hant")!).headings.first == "月份")
        var years = months
        years.series[0].x = [1990, 1991]
        #expect(FigureTable(spec: years, xHeader: "year", isModel: false).headings.first == "Year")
    }
}
