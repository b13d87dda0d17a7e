import Testing
@testable import Site

/// A chapter whose only content is one chart block with the given YAML lines; the block's body starts on line 7.
private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

@Suite struct ChartKeyPlaces {
    let valid = ["id: collateral", "title: Collateral", "caption: Illustrative model.", "model: gpuCollateral"]

    @Test func scenariosWrittenAsAListOfParameterMappingsShowTheNamedForm() {
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: valid + ["scenarios:", "  - {debtTerm: 5}", "  - {debtTerm: 8}"])))
        #expect(found == [Diagnostic(file: "content/01-intro.md", line: 12, column: 5,
                                     message: "'scenarios' lists the model's scenario names, or maps a name to its parameters",
                                     hint: "give each set of parameters a name, one per line: 'scenarios:', then '  calm: {rho: 0.05}' "
                                        + "and '  stressed: {rho: 0.5}' (or list the model's own: scenarios: [base, stressed])")])
    }

    @Test func captionsNamingNoScenarioPointAtTheCaptionsLineEvenWithParams() {
        let lines = valid + ["params: {debtTerm: 10}", "scenarios:", "  short: {debtTerm: 5}", "  long: {debtTerm: 20}",
                             "captions: {cold: \"Cold.\"}"]
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(found.map(\.line) == [15])
        #expect(found.map(\.column) == [12])
        #expect(found.first?.message == "'captions' names no scenario of this chart: 'cold'")
        #expect(found.first?.hint?.contains("short") == true)
    }

    @Test func overlayOnAnAreaChartPointsAtTheOverlayLineEvenWithParams() {
        let lines = valid + ["kind: area", "series: [debt]", "params: {debtTerm: 10}", "scenarios:", "  base: {}", "  burry: {}",
                             "overlay: true"]
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(found.map(\.line) == [17])
        #expect(found.first?.message.contains("'overlay: true'") == true)
    }

    @Test func aParameterOutOfRangeStillPointsAtItsLineBesideOtherKeys() {
        let lines = valid + ["x: {label: Years}", "params: {debtTerm: 500}"]
        let found = diagnostics(of: miniSite(chapter: chapter(withChart: lines)))
        #expect(found.map(\.line) == [12])
    }
}
