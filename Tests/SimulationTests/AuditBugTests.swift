import Foundation
import Testing
@testable import Simulation

/// The smaller bugs of the 2026-12-03 models audit (B5–B7), each fixed or turned into an error naming a parameter.
@Suite struct AuditBugTests {
    @Test func earmarkedSharesSayWhenSharedLoopsCapThemAt100Percent() throws {
        // Two loops A→B→A and A→B→C→A put 10 + 10 through the 10 of A→B (audit B5).
        let dense = try CircularFlows.run(overrides: [
            .init("nodes", .list([.text("A"), .text("B"), .text("C")])),
            .init("flows", ParameterValue.parse("[[0,10,0],[10,0,10],[10,0,0]]")),
            .init("externalInflow", ParameterValue.parse("[10,10,10]")),
        ])
        #expect(dense.scalars["earmarkedEdge.a-to-b"] == 1)
        #expect(dense.assumptions.contains("capped at 100 %"))
        let single = try CircularFlows.run(overrides: [
            .init("nodes", .list([.text("A"), .text("B")])),
            .init("flows", ParameterValue.parse("[[0,10],[5,0]]")),
            .init("externalInflow", ParameterValue.parse("[10,10]")),
        ])
        #expect(!single.assumptions.contains("capped at 100 %"))
    }

    @Test func waterfallScalarsAreNamedForTheirPeriod() throws {
        let output = try Tranching.run(overrides: [.init("dflt", ParameterValue.parse("[10,20,30]")),
                                                   .init("paths", .number(1000))])
        #expect(abs(output.scalars["waterfall.period1.interest"]! - 7.2) < 1e-9)
        #expect(abs(output.scalars["waterfall.total.interest"]! - 14.8) < 1e-9)
        #expect(abs(output.scalars["waterfall.end.classA"]! - 25) < 1e-9)
        #expect(output.scalars["waterfall.interest"] == nil && output.scalars["waterfall.finalClassA"] == nil)
        #expect(output.series(named: "waterfall.period1.interestUses") != nil)
    }

    @Test func periodsWithInfiniteCoverageAreCountedAndSaid() throws {
        let output = try Tranching.run(overrides: [.init("dflt", .list(Array(repeating: .number(0), count: 15))),
                                                   .init("paths", .number(1000))])
        #expect(output.series(named: "waterfall.ocA")!.y.count == 13)
        #expect(output.scalars["waterfall.periodsWithInfiniteOC"] == 2)
        #expect(output.assumptions.contains("leaves out the 2 periods after class A is repaid"))
    }

    @Test func bubblesStatisticsNeedThreeValuesAfterBurnIn() {
        let error = #expect(throws: ModelError.self) {
            try Bubbles.run(overrides: [.init("steps", .number(10)), .init("burnIn", .number(8))])
        }
        #expect(error?.description.contains("'burnIn' = 8 is outside the allowed range [0, 7]") == true)
        #expect(throws: Never.self) { try Bubbles.run(overrides: [.init("steps", .number(10)), .init("burnIn", .number(7))]) }
    }

    @Test func theAutocorrelationOfAConstantPathIsNotReportedAsZero() throws {
        let output = try Bubbles.run(overrides: [.init("beta", .number(0)), .init("sigma", .number(0)),
                                                 .init("x0", .number(0)), .init("steps", .number(50)),
                                                 .init("burnIn", .number(10))])
        #expect(output.series(named: "x")!.y.allSatisfy { $0 == 0 })
        #expect(output.scalars["ac1"] == nil)
        #expect(output.scalars["sd"] == 0)
        #expect(output.assumptions.contains("autocorrelation is undefined"))
    }

    @Test(arguments: Bubbles.scenarios.map(\.name))
    func theBubblePriceIndexNeverGoesBelowZero(scenario: String) throws {
        let output = try Bubbles.run(scenario: scenario)
        let price = output.series(named: "price")!.y, x = output.series(named: "x")!.y
        #expect(price.allSatisfy { $0 > 0 })
        for (p, deviation) in zip(price, x) { #expect(abs(p - 100 * exp(deviation)) <= 1e-12 * p) }
    }
}
