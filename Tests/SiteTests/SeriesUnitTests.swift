import Testing
@testable import Site

/// A chart draws one unit on its value axis: model series of different units are an error at the `series:` line,
/// and the headings a chart's table and CSV get by default keep what the model's names say.
@Suite struct SeriesUnitTests {
    private func chart(_ lines: [String]) -> String {
        "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
    }

    @Test func seriesOfDifferentUnitsOnOneAxisAreAnErrorAtTheSecondUnitsSeries() {
        let page = chart(["id: mixed", "title: Loan and LTV", "caption: C.", "model: gpuCollateral", "kind: line",
                          "series: [debt, ltv.exp]"])
        let found = diagnostics(of: miniSite(chapter: page))
        let error = found.first { $0.message.contains("different units") }
        #expect(error?.line == 12)
        #expect(error?.column == 16)
        #expect(error?.message == "the series 'debt' ($B) and 'ltv.exp' (×) have different units, but a chart has one y axis: "
            + "'ltv.exp' would be drawn and published in the unit of 'debt'")
        #expect(error?.hint == "draw them in two charts, one block for each unit (small multiples share one scale too)")
    }

    @Test func fractionsAndProbabilitiesOrStocksAndFlowsOfDollarsShareAnAxis() throws {
        let page = chart(["id: lease", "title: T", "caption: C.", "model: leaseSPV", "kind: line",
                          "series: [rent, debtService]"])
        #expect(diagnostics(of: miniSite(chapter: page)).filter { $0.severity == .error }.isEmpty)
    }

    @Test(arguments: [
        ("value.sl.T6.64", "Value sl T6.64"),
        ("ltv.exp", "LTV exp"),
        ("mc.trancheEL.0-5", "MC tranche EL 0-5"),
        ("requiredRevenue", "Required revenue"),
        // Audit 10 N7: abbreviations and one-letter names stay capitals ("Glt s", "Lhp tranche EL", "Waterfall class a").
        ("glt.S", "GLT S"),
        ("glt.IV", "GLT IV"),
        ("lhp.trancheEL", "LHP tranche EL"),
        ("rvgIfLeaveNow", "RVG if leave now"),
        ("waterfall.classA", "Waterfall class A"),
        ("aiShare", "AI share"),
    ]) func aModelNameInWordsKeepsItsDecimalPointsAndNumbers(_ name: String, _ words: String) {
        #expect(humanName(name) == words)
    }

    @Test func yearsCountedFromAnOriginAreHeadedYearsNotYearYears() throws {
        let page = chart(["id: bond", "title: T", "caption: C.", "model: leaseSPV", "series: [debtBalance]",
                          "x: {origin: 2025}"])
        let output = try build(miniSite(chapter: page))
        let csv = try #require(text(output, "data/bond.csv"))
        let heading = try #require(csv.split(separator: "\n").first { !$0.hasPrefix("#") })
        #expect(heading.hasPrefix("Years,"))
        #expect(!csv.contains("Year (years)"))
    }
}
