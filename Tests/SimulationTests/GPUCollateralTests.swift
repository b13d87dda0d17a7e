import Foundation
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
    /// A book line under the debt for less than a month, between two months of the grid, still crosses: straight line
    /// and debt meet at t* = cost·debtTerm·(L − T)/(L·(cost·debtTerm − debt0·T))… checked here against a fine scan
    /// (audit 12 N6: the monthly scan stepped over it).
    @Test func aCrossingShorterThanAMonthIsFound() throws {
        let settings: [(String, Double)] = [("cost", 412.798657809202), ("debt0", 6.930996132553265),
                                            ("debtTerm", 8.825571111793503), ("horizon", 16.64)]
        let output = try GPUCollateral.run(overrides: settings.map { .init($0.0, .number($0.1)) }
                                               + [.init("bookLives", .list([.number(8.8)]))])
        let crossing = try #require(output.scalars["crossing.sl.T8.8"])
        let exit = try #require(output.scalars["exit.sl.T8.8"])
        #expect(abs(crossing - 8.79956) < 1e-4, "\(crossing)")
        #expect(exit > crossing && exit - crossing < 1.0 / 12, "\(exit)")
    }

    /// Market value can dip below a loan for a few days in the middle of a month too.
    @Test func aShortMarketValueDipIsFoundByItsLeastPoint() throws {
        // Chips worth just above the loan at their closest: value 100·2^(−t/2) against a loan repaid over 6 years.
        func gap(_ debt0: Double) -> Double {
            var least = Double.infinity
            for step in 0...6000 {
                let t = Double(step) / 1000
                let value: Double = 100 * Foundation.pow(2, -t / 2)
                least = min(least, value - debt0 * max(0, 1 - t / 6))
            }
            return least
        }
        // The debt that makes the least gap a hair below 0: a dip far shorter than a month.
        var (low, high) = (50.0, 150.0)
        for _ in 0..<80 { let mid = (low + high) / 2; if gap(mid) < 0 { high = mid } else { low = mid } }
        let debt0 = high * (1 + 1e-7)
        let output = try GPUCollateral.run(overrides: [.init("cost", .number(100)), .init("debt0", .number(debt0)),
                                                       .init("debtTerm", .number(6)), .init("halfLife", .number(2))])
        let crossing = try #require(output.scalars["crossing.exp"])
        let exit = try #require(output.scalars["exit.exp"])
        #expect(exit - crossing < 1.0 / 12, "crossing \(crossing), exit \(exit)")
    }

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
