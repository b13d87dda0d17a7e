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
            // Scenario-named columns have a heading over them (the y axis's label), the key column beside both rows.
            #expect(table.contains("<th scope=\"col\" rowspan=\"2\">Pool loss</th><th scope=\"colgroup\" colspan=\"3\">"
                                   + "Chance of a larger loss</th></tr>\n<tr><th scope=\"col\">Calm</th><th scope=\"col\">Base</th>"
                                   + "<th scope=\"col\">Stressed</th>"), "\(table.prefix(300))")
            #expect(!table.contains("<td></td>"))
        }
    }

    /// Each value column keeps its own precision: a rule shared by every column printed Fig 7.3's loan of 62.5 as 63
    /// beside chips worth 100 (second look at review 12); a column of whole numbers stays whole (5, not 5.0, beside 10).
    @Test func eachValueColumnKeepsItsPrecisionAndWholeNumbersStayWhole() {
        let spec = ChartSpec(kind: .line, title: "T", x: AxisOptions(format: .number), y: AxisOptions(format: .number),
                             series: [ChartSeries(name: "Loan", x: [0, 5, 10, 15], y: [62.5, 50, 37.5, 25]),
                                      ChartSeries(name: "Chips", x: [0, 5, 10, 15], y: [100, 50, 25, 12.5])])
        let table = FigureTable(spec: spec, xHeader: "Years", isModel: true)
        #expect(table.cells.map { $0[0] } == ["0", "5", "10", "15"])
        #expect(table.cells.map { $0[1] } == ["62.5", "50.0", "37.5", "25.0"], "\(table.cells)")
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
