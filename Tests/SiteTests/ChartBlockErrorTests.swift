import Testing
@testable import Site

/// A chapter whose only content is one chart block with the given YAML lines; the block's body starts on line 6.
private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

@Suite struct ChartBlockErrors {
    let valid = ["id: collateral", "title: Collateral", "caption: Illustrative model.", "model: gpuCollateral"]

    @Test func validBlockBuildsAFigureAndItsCSV() throws {
        let output = try build(miniSite(chapter: chapter(withChart: valid)))
        let page = try #require(text(output, "intro/index.html"))
        #expect(page.contains("<svg"))
        #expect(page.contains("id=\"figure-collateral\""))
        #expect(page.contains("```chart") == false)
        #expect(output.sortedPaths.contains { $0.hasPrefix("data/collateral") && $0.hasSuffix(".csv") })
    }

    @Test func unknownModelIsReportedAtItsLineWithASuggestion() {
        let lines = ["id: collateral", "title: Collateral", "caption: C.", "model: gpuColateral"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 10)
        #expect(problems.first?.message.contains("gpuColateral") == true)
        #expect(problems.first?.hint?.contains("gpuCollateral") == true)
    }

    @Test func parameterOutOfRangeIsReportedWithTheAllowedRange() {
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: valid + ["params:", "  debtTerm: 500"])))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 12)
        #expect(problems.first?.message.contains("debtTerm") == true)
    }

    @Test func unknownParameterSuggestsTheClosestName() {
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: valid + ["params:", "  debtTer: 20"])))
        #expect(problems.count == 1)
        #expect(problems.first?.hint?.contains("debtTerm") == true)
    }

    @Test func missingRequiredKeyIsReportedAtTheFence() {
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: ["id: x", "title: T", "model: gpuCollateral"])))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("caption") == true)
        #expect(problems.first?.line == 6)
    }

    @Test func unknownChartKindIsAnError() {
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: valid + ["kind: pie"])))
        #expect(problems.first?.message.contains("pie") == true)
    }

    @Test func missingDataFileIsAnError() {
        let lines = ["id: d", "title: T", "caption: C.", "data: nowhere.csv"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.first?.message.contains("nowhere.csv") == true)
    }

    @Test func duplicateFigureIDsAreAnError() {
        let twice = chapter(withChart: valid) + "\n```chart\n" + valid.joined(separator: "\n") + "\n```\n"
        let problems = diagnostics(of: miniSite(chapter: twice))
        #expect(problems.contains { $0.message.contains("duplicate figure id") })
    }

    @Test func undefinedCitationIsReportedWithItsPosition() {
        let problems = diagnostics(of: miniSite(chapter: "---\ntitle: A\n---\nA claim [@nobody].\n",
                                                sources: "somebody:\n  title: T\n  publisher: P\n  date: 2025\n  url: https://example.org\n"))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.message.contains("nobody") == true)
    }
}
