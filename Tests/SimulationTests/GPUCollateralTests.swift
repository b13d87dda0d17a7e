import Testing
@testable import Simulation

@Suite struct GPUCollateralTests {
    @Test func crossingTimesMatchReferenceValues() throws {
        let output = try GPUCollateral.run()
        let expected: [(String, Double)] = [("sl.T3", 1.0), ("sl.T4", 1.7142857), ("sl.T5.5", 4.125), ("exp", 1.4283535)]
        for (suffix, time) in expected {
            let crossing = try #require(output.scalars["crossing.\(suffix)"])
            #expect(abs(crossing - time) < 1e-6, "crossing.\(suffix) = \(crossing)")
        }
        #expect(output.scalars["crossing.sl.T6"] == nil)
        #expect(abs(output.scalars["exit.exp"]! - 4.3243645) < 1e-6)
        #expect(abs(output.scalars["exit.sl.T3"]! - 6.0) < 1e-6)
    }

    // MARK: Audit 8

    /// Fast decay over a long horizon gave LTVs of 10^45 (audit 8): above 10× the value is missing, so the line breaks
    /// and the axis stays readable; the scalar keeps the true maximum.
    @Test func loanToValueAboveTheCeilingIsMissing() throws {
        let output = try GPUCollateral.run(overrides: [.init("halfLife", .number(0.25)), .init("horizon", .number(40)),
                                                       .init("debtTerm", .number(40))])
        let ltv = try #require(output.series(named: "ltv.exp"))
        #expect(ltv.y.allSatisfy { $0.isNaN || (0...GPUCollateral.ltvCeiling).contains($0) })
        #expect(ltv.y.contains { $0.isNaN } && ltv.y.first == 0.8)
        #expect(output.scalars["maxLTV.exp"]! > 1e40)
        #expect(output.assumptions.hasSuffix("The loan-to-value line breaks where it passes 10× (collateral worth under a tenth of the loan)."))
        // The defaults stay far below the ceiling: nothing is missing.
        #expect(try GPUCollateral.run().series(named: "ltv.exp")!.y.allSatisfy { $0.isFinite })
    }

    @Test func aBookLifeGivenTwiceIsRejectedAtItsEntry() {
        let error = #expect(throws: ModelError.self) {
            try GPUCollateral.run(overrides: [.init("bookLives", .list([.number(3), .number(5), .number(3)]))])
        }
        #expect(error == .parameterOutOfRange(model: "gpuCollateral", name: "bookLives[2]", value: "3",
                                              allowed: "lives that differ from one another (bookLives[0] is 3 too)",
                                              hint: "list each life once"))
    }

    @Test(arguments: [[6.0, 3.0], [4.0, 4.0]])
    func gapLivesMustBeShortThenLong(_ lives: [Double]) {
        let error = #expect(throws: ModelError.self) {
            try GPUCollateral.run(overrides: [.init("gapLives", .list(lives.map { .number($0) }))])
        }
        #expect(error?.description == "gpuCollateral: parameter 'gapLives' = [\(lives.map { formatNumber($0) }.joined(separator: ", "))] "
            + "is outside the allowed range [short, long] with short < long")
    }

    /// `market` was the defaults under another name (audit 8, N2): the scenarios left each change something.
    @Test func everyScenarioDiffersFromBase() throws {
        let base = try GPUCollateral.run()
        for scenario in GPUCollateral.scenarios.dropFirst() {
            #expect(try GPUCollateral.run(scenario: scenario.name).series != base.series, "\(scenario.name)")
        }
        #expect(!GPUCollateral.scenarios.contains { $0.name == "market" })
    }

    /// A cost that leaves the default debt0 80 above 2 × cost is reported at cost, the parameter the writer set
    /// (audit 10 S2: 'debt0' = 80 was reported, at the chart's fence).
    @Test func aCostThatInvalidatesTheDefaultDebtIsReportedAtCost() {
        let error = #expect(throws: ModelError.self) { try GPUCollateral.run(overrides: [.init("cost", .number(20))]) }
        #expect(error == .parameterOutOfRange(
            model: "gpuCollateral", name: "cost", value: "20",
            allowed: "values that keep the default debt0 80 in its range [0, 2 × cost] = [0, 40]",
            hint: "debt0 keeps its default 80, which no longer fits: set debt0 too, within [0, 40]"))
        let own = #expect(throws: ModelError.self) {
            try GPUCollateral.run(overrides: [.init("cost", .number(20)), .init("debt0", .number(50))])
        }
        #expect(own?.description == "gpuCollateral: parameter 'debt0' = 50 is outside the allowed range [0, 40]")
    }
}
