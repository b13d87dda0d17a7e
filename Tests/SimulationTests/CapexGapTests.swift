import Foundation
import Testing
@testable import Simulation

@Suite struct CapexGapTests {
    static func run(_ overrides: [Scenario.Override] = [], scenario: String = "base") throws -> ModelOutput {
        try CapexGap.run(scenario: scenario, overrides: overrides)
    }

    @Test func defaultsMatchReferenceValues() throws {
        let output = try Self.run()
        let capex = output.series(named: "capex")!, required = output.series(named: "requiredRevenue")!
        let revenue = output.series(named: "aiRevenue")!, gap = output.series(named: "gap")!
        #expect(capex.x == [2025, 2026, 2027, 2028, 2029, 2030])
        for (value, expected) in zip(capex.y, [423, 571, 701.40, 861.57, 1058.32, 1300]) {
            #expect(abs(value - expected) < 0.005, "capex \(value)")
        }
        #expect(required.y.first == 846)
        #expect(abs(required.y.last! - 2600) < 1e-9)
        for (value, expected) in zip(revenue.y, [150, 225, 337.5, 506.25, 759.38, 1139.06]) {
            #expect(abs(value - expected) < 0.005, "revenue \(value)")
        }
        #expect(abs(gap.y.last! - 1460.94) < 0.005)
        #expect(abs(gap.y.first! - 696) < 1e-9)
        // No cumulative gap: summed, the annual requirements ($6.7 T) would exceed the capex they come from ($4.9 T).
        #expect(output.scalars["cumGap"] == nil && output.series(named: "cumGap") == nil)
        #expect(output.assumptions.contains("Revenue needed per year at Sequoia's ratios"))
        #expect(output.scalars["breakEvenYear"] == nil)
    }

    @Test func revenueGrowthScenariosMatchReferenceValues() throws {
        let fast = try Self.run(scenario: "fast")
        #expect(fast.scalars["breakEvenYear"] == 2029)
        #expect(abs(fast.scalars["gapLastYear"]! - (2600 - 100 * pow(2, 6))) < 1e-6)
        let slow = try Self.run(scenario: "slow")
        #expect(abs(slow.scalars["gapLastYear"]! - (2600 - 100 * pow(1.25, 6))) < 1e-6)
        #expect(slow.scalars["breakEvenYear"] == nil)
        #expect(CapexGap.scenarios.map(\.name) == ["base", "article", "slow", "fast"])
    }

    @Test func articleScenarioUsesTheArticleCapex() throws {
        let capex = try Self.run(scenario: "article").series(named: "capex")!.y
        #expect(capex[0] == 375 && capex[1] == 500)
        #expect(abs(capex[5] - 500 * 1300 / 571) < 1e-9)
    }

    @Test func sequoiaArithmeticGivesSixHundredForOneFiftyOfGPUs() throws {
        let output = try Self.run([.init("capex", .list(Array(repeating: .number(150), count: 6))),
                                   .init("capexIsGPUOnly", .bool(true))])
        #expect(output.series(named: "requiredRevenue")!.y.allSatisfy { $0 == 600 })
    }

    @Test func requiredRevenueIsLinearInCapex() throws {
        let base = try Self.run().series(named: "requiredRevenue")!.y
        let doubled = try Self.run([.init("capex", .list(CapexPath.ubsRevised.map { .number(2 * $0) }))])
            .series(named: "requiredRevenue")!.y
        let zero = try Self.run([.init("capex", .list(Array(repeating: .number(0), count: 6)))]).series(named: "requiredRevenue")!.y
        for i in base.indices {
            #expect(abs(doubled[i] - 2 * base[i]) < 1e-9)
            #expect(zero[i] == 0)
        }
    }

    @Test func gapNeverRisesWithFasterRevenueGrowth() throws {
        var previous: [Double]?
        for growth in stride(from: -0.5, through: 5, by: 0.25) {
            let gap = try Self.run([.init("revenueGrowth", .number(growth))]).series(named: "gap")!.y
            if let previous { for i in gap.indices { #expect(gap[i] <= previous[i]) } }
            previous = gap
        }
    }

    @Test func capexPathIsContinuousAtTheAnchors() {
        #expect(CapexPath.ubsRevised[1] == 571)
        #expect(abs(CapexPath.ubsRevised[5] - 1300) < 1e-9)
        #expect(abs(CapexPath.anchorGrowth - 0.2283632) < 1e-7)
    }

    @Test func financingMixIsACategorySeries() throws {
        let mix = try #require(try Self.run().series(named: "financingMix"))
        #expect(mix.labels == ["private credit", "PE/sovereign", "corporate debt", "ABS/CMBS", "hyperscaler cash flow"])
        #expect(mix.y == [800, 350, 200, 150, 1400])
    }

    @Test(arguments: [
        ("capex", ParameterValue.list([.number(1), .number(2)]), "capexGap: parameter 'capex' = 2 values is outside the allowed range exactly 6 values (2025…2030)"),
        ("capex", .list([.number(1), .number(2), .number(-3), .number(4), .number(5), .number(6)]),
         "capexGap: parameter 'capex[2]' = -3 is outside the allowed range [0, 100000]"),
        ("chipShare", .number(0), "capexGap: parameter 'chipShare' = 0 is outside the allowed range [0.01, 1]"),
        ("grossMargin", .number(1.1), "capexGap: parameter 'grossMargin' = 1.1 is outside the allowed range [0.01, 1]"),
        ("revenue0", .number(-1), "capexGap: parameter 'revenue0' = -1 is outside the allowed range [0, 100000]"),
        ("revenueGrowth", .number(5.5), "capexGap: parameter 'revenueGrowth' = 5.5 is outside the allowed range [-0.5, 5]"),
        ("capexIsGPUOnly", .number(1), "capexGap: parameter 'capexIsGPUOnly' must be true or false"),
    ])
    func invalidParametersAreRejectedWithExactMessages(name: String, value: ParameterValue, message: String) {
        let error = #expect(throws: ModelError.self) { try CapexGap.run(overrides: [.init(name, value)]) }
        #expect(error?.description == message)
    }
}
