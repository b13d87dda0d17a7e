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

    /// A parameter the writer set that leaves another's default out of its range is reported at the one set, under its
    /// name (audit 10 S2: these four were reported at the opening fence, naming the default).
    @Test(arguments: [
        ("leaseSPV", "startYear: 2100", "leaseSPV: parameter 'startYear' = 2100", "maturityYear keeps its default 2049"),
        ("tranching", "pool: 50", "tranching: parameter 'pool' = 50", "classA keeps its default 70"),
        ("gpuCollateral", "cost: 20", "gpuCollateral: parameter 'cost' = 20", "debt0 keeps its default 80"),
        ("bubbles", "steps: 100", "bubbles: parameter 'steps' = 100", "burnIn keeps its default 200"),
    ])
    func aDefaultInvalidatedByAnotherParameterIsReportedAtTheOneSet(model: String, entry: String, message: String,
                                                                    hint: String) throws {
        let lines = ["id: dependent", "title: T", "caption: Illustrative model.", "model: \(model)", "params: {\(entry)}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.line == 11 && problem.column == 10)
        #expect(problem.message.hasPrefix(message))
        #expect(problem.hint?.hasPrefix(hint) == true)
    }

    /// With gains of opposite sign there is no share of gains: a chart of it is refused at the series' name, with the
    /// reason (audit 10 S1: it drew −152,600 % to +982,100 %).
    @Test func aShareOfGainsThatDoesNotExistIsRefusedAtTheSeries() throws {
        let lines = ["id: share", "title: T", "caption: Illustrative model.", "model: concentration", "kind: line",
                     "series: [shareOfGainsAI]", "params: {w0: 0.5, gainAI: 0.5, gainRest: -0.4}"]
        let problems = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.line == 12 && problem.column == 10)
        #expect(problem.message.hasPrefix("concentration: series 'shareOfGainsAI' has no value here"))
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
