import Testing
@testable import Site

private func chapter(withChart lines: [String]) -> String {
    "---\ntitle: Charts\n---\nIntro.\n\n```chart\n" + lines.joined(separator: "\n") + "\n```\n"
}

/// A chart block's first key is on line 7 of `chapter(withChart:)`.
private let firstKeyLine = 7

/// A chart's `format:` that contradicts the unit of a model series it draws (a percent of an index, dollars in
/// trillions of a series in billions) is an error at the format, naming the unit and the format that fits.
@Suite struct ModelUnitFormats {
    private func problems(_ lines: [String]) -> [Diagnostic] {
        diagnostics(of: miniSite(chapter: chapter(withChart: ["id: c", "title: T", "caption: C."] + lines)))
    }

    @Test func percentOnAnIndexIsAnErrorAtTheFormatNamingTheUnit() throws {
        let found = problems(["model: bubbles", "series: [price]", "y: {label: Price, format: percent}"])
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.file == "content/01-intro.md")
        #expect(error.line == firstKeyLine + 5)
        #expect(error.column == 27)
        #expect(error.message.hasPrefix("the y axis says 'format: percent', but the model's 'price' has the unit 'index (fundamental = 100)': "))
        #expect(error.message.contains("\u{202F}%"))
        #expect(error.hint == "the model's unit here is 'index (fundamental = 100)', which no format names: leave 'format' out, "
            + "or use 'format: number'")
    }

    @Test func moneyInTheWrongMagnitudeIsAnErrorNamingTheRightFormat() throws {
        let found = problems(["model: capexGap", "series: [capex]", "y: {format: usd-tn}"])
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.line == firstKeyLine + 5)
        #expect(error.message.hasPrefix("the y axis says 'format: usd-tn', but the model's 'capex' has the unit '$B/yr': $"))
        #expect(error.hint == "the model's unit here is '$B/yr': use 'format: usd-bn', or leave 'format' out")
    }

    @Test func percentOnFractionsStillSaysOneHundredTimesTooSmall() throws {
        let found = problems(["model: displacement", "series: [laborShare]", "y: {format: percent}"])
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.message.hasSuffix(", 100 times too small"))
        #expect(error.hint?.hasPrefix("use 'format: fraction' for values stored as fractions") == true)
    }

    @Test func aFormatOnTheXAxisIsCheckedAgainstTheXUnit() throws {
        let found = problems(["model: tranching", "series: [lhp.exceedance]", "x: {format: percent}"])
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.line == firstKeyLine + 5)
        #expect(error.message.hasPrefix("the x axis says 'format: percent', but the model's x values have the unit 'pool loss': "))
        #expect(error.hint?.hasPrefix("use 'format: fraction'") == true)
    }

    @Test(arguments: [
        ["model: gpuCollateral", "series: [debt]", "y: {format: usd-bn}"],
        ["model: gpuCollateral", "series: [ltv.exp]", "y: {format: multiple}"],
        ["model: bubbles", "series: [price]", "y: {format: number}"],
        ["model: bubbles", "series: [price]", "y: {format: count}"],
        ["model: leaseSPV", "series: [debtBalance]", "x: {format: years, origin: 2025}", "y: {format: usd-bn}"],
        ["model: capexGap", "series: [capex]", "x: {format: year}"],
        ["model: tranching", "series: [lhp.exceedance]", "x: {format: fraction}", "y: {format: fraction}"],
        ["model: concentration", "series: [weightAI]", "x: {format: months}"],
    ]) func formatsThatFitTheUnitBuild(_ lines: [String]) {
        #expect(problems(lines).filter { $0.severity == .error }.isEmpty)
    }
}
