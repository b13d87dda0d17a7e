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
        let output = try build(miniSite(chapter: chart))
        let page = try #require(text(output, "intro/index.html"))
        // The CSV has one row of headings: each names the quantity too (review 14 S1).
        let csv = try #require(text(output, "data/loss.csv"))
        #expect(csv.contains("\nPool loss (%),Chance of a larger loss: Calm (%),Chance of a larger loss: Base (%),"
                             + "Chance of a larger loss: Stressed (%)\n"), "\(csv)")
        let tables = page.components(separatedBy: "<table").dropFirst()
        #expect(!tables.isEmpty)
        for table in tables {
            // Columns named only by their scenarios say what they hold under one heading (review 13 S2).
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

    /// Review 13 S1: an overlaid figure's columns are one quantity and share decimals ("4.0 % | 4.0 % | 4.0 %", not
    /// "4.00 % | 4.0 %"); a stacked area's layers share them so rows add up (89 % + 0 % + 11 %, not 11.5 %); a key
    /// column prints its values exactly (3 %, not 3.0 % beside 12 %; 0.02, not 0.020 beside 0.10).
    @Test func scenarioColumnsAndSharesShareDecimalsAndKeysPrintExactly() {
        let rates = ChartSpec(kind: .line, title: "T", x: AxisOptions(format: .number), y: AxisOptions(format: .fraction),
                              series: [ChartSeries(name: "Benign", x: [0, 1], y: [0.04, 0.0401]),
                                       ChartSeries(name: "Severe", x: [0, 1], y: [0.04, 0.2])])
        let shared = FigureTable(spec: rates, xHeader: "Years", isModel: true, scenarioColumns: true)
        #expect(shared.cells[0][1] == shared.cells[0][2], "\(shared.cells)")
        var shares = ChartSpec(kind: .stackedArea, title: "T", x: AxisOptions(format: .number), y: AxisOptions(format: .fraction),
                               series: [ChartSeries(name: "Rent", x: [1, 8, 21], y: [1, 0.885, 0.5962]),
                                        ChartSeries(name: "Loss", x: [1, 8, 21], y: [0, 0, 0.0588]),
                                        ChartSeries(name: "Sale", x: [1, 8, 21], y: [0, 0.115, 0.345])])
        shares.kind = .stackedArea
        let stacked = FigureTable(spec: shares, xHeader: "Years", isModel: true)
        // One decimal each, so a row adds up to 100 % within a tenth (two significant digits made 60 % + 5.9 % + 35 %);
        // exactly nothing and exactly all are whole.
        #expect(stacked.cells.map { Array($0.dropFirst()) } == [["100\u{202F}%", "0\u{202F}%", "0\u{202F}%"],
                                                             ["88.5\u{202F}%", "0\u{202F}%", "11.5\u{202F}%"],
                                                             ["59.6\u{202F}%", "5.9\u{202F}%", "34.5\u{202F}%"]], "\(stacked.cells)")
        let falls = ChartSpec(kind: .line, title: "T", x: AxisOptions(format: .fraction), y: AxisOptions(format: .fraction),
                              series: [ChartSeries(name: "Index", x: [0, 0.03, 0.06, 0.12], y: [0, 0.013, 0.026, 0.052])])
        #expect(FigureTable(spec: falls, xHeader: "Fall", isModel: true).cells.map { $0[0] }
                == ["0\u{202F}%", "3\u{202F}%", "6\u{202F}%", "12\u{202F}%"])
        let correlations = ChartSpec(kind: .line, title: "T", x: AxisOptions(format: .number), y: AxisOptions(format: .fraction),
                                     series: [ChartSeries(name: "EL", x: [0, 0.02, 0.1, 0.12], y: [0.24, 0.24, 0.23, 0.23])])
        #expect(FigureTable(spec: correlations, xHeader: "Correlation", isModel: true).cells.map { $0[0] }
                == ["0", "0.02", "0.10", "0.12"])
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

/// Audit 14 (S2): `params:` wins over what a named scenario sets, so `params: {rho: 0.5}` with `scenarios: [calm, base,
/// stressed]` drew three identical variants, each captioned "correlation: 0.5", silently.
@Suite struct ParamsAgainstNamedScenarios {
    private func chart(_ params: String, scenarios: String) -> String {
        "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + [
            "id: loss", "title: T", "caption: \"C. Illustrative model, not a forecast.\"", "model: tranching", "kind: line",
            "series: [lhp.exceedance]", "params: \(params)", "scenarios: \(scenarios)",
        ].joined(separator: "\n") + "\n```\n"
    }

    @Test func aParameterANamedScenarioSetsIsAnErrorAtTheParameter() {
        let found = diagnostics(of: miniSite(chapter: chart("{rho: 0.5}", scenarios: "[calm, base, stressed]")))
        #expect(found.map(\.message) == ["params sets 'rho', which the scenario 'calm' sets too (0.1): params wins, so every "
                                         + "variant would draw rho = 0.5, whatever its scenario says"])
        #expect(found.first.map { "\($0.line):\($0.column)" } == "13:10")
    }

    /// Recheck 14 (S3, S4): the bubbles model's `calm` and `bubbly` both set σ to its default, so params may set it for
    /// both; and a value every scenario of the block sets alike is named on the settings line as a params value is.
    @Test func aParameterTheScenariosSetAlikeMayBeSetForAllAndIsShown() throws {
        let bubbles = { (params: String, scenarios: String) in
            "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + [
                "id: b", "title: T", "caption: \"C. Illustrative model, not a forecast.\"", "model: bubbles", "kind: line",
                "series: [price]", params, "scenarios: \(scenarios)",
            ].joined(separator: "\n") + "\n```\n"
        }
        let withParams = try build(miniSite(chapter: bubbles("params: {sigma: 0.02}", "[bubbly, calm]")))
        let page = try #require(text(withParams, "intro/index.html"))
        #expect(page.contains("0.02"))
        let inMap = try build(miniSite(chapter: bubbles("params: {}", "{bubbly: {sigma: 0.02}, calm: {sigma: 0.02}}")))
        let csv = try #require(text(inMap, "data/b.csv"))
        #expect(csv.contains("0.02"), "\(csv.prefix(400))")
    }

    @Test func otherParametersAndScenariosOfTheirOwnAreFine() throws {
        // A parameter no named scenario sets, and a scenario that sets its own value, which wins over params.
        _ = try build(miniSite(chapter: chart("{p: 0.03}", scenarios: "[calm, base, stressed]")))
        _ = try build(miniSite(chapter: chart("{p: 0.03}", scenarios: "{calm: {rho: 0.1}, stressed: {rho: 0.6}}")))
    }

    /// Trial 15 (S6): every scenario's map sets rho, so params' rho drew nowhere, silently.
    @Test func aParameterEveryScenarioSetsItselfIsAnErrorAtParams() {
        let found = diagnostics(of: miniSite(chapter: chart("{rho: 0.3}", scenarios: "{calm: {rho: 0.1}, stressed: {rho: 0.6}}")))
        #expect(found.map(\.message) == ["params sets 'rho', which every scenario of the block sets itself: a scenario's own "
                                         + "value wins, so params' rho = 0.3 draws nowhere"])
    }

    /// Audit 15 (S1): one scenario's map sets rho, another's named value (stressed: 0.6) is taken over by params.
    @Test func aParameterOneScenarioSetsAndParamsTakesFromAnotherIsAnError() {
        let found = diagnostics(of: miniSite(chapter: chart("{rho: 0.5}", scenarios: "{calm: {rho: 0.2}, stressed: {p: 0.03}}")))
        #expect(found.map(\.message) == ["params sets 'rho', which the scenario 'stressed' sets too (0.6): params wins, so "
                                         + "'stressed' would draw rho = 0.5, not its own 0.6"])
    }

    /// Audit 15 (S2): a model's series over categories drawn as a line got "0 x values or categories" at the fence.
    @Test func aModelSeriesOverCategoriesDrawnAsALineIsAnErrorAtKind() {
        let page = "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + [
            "id: s", "title: T", "caption: \"C. Illustrative model, not a forecast.\"", "model: fireSale", "kind: line",
            "series: [glt.S]",
        ].joined(separator: "\n") + "\n```\n"
        let found = diagnostics(of: miniSite(chapter: page))
        #expect(found.map { "\($0.line) \($0.message)" }.first?.hasPrefix("11 kind: line draws values along a numeric x axis, but the series") == true,
                "\(found)")
        #expect(found.first?.hint?.hasPrefix("use kind: bar, hbar, grouped-bar or stacked-bar") == true)
    }
}
