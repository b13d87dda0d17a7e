import Foundation
import Testing
@testable import Simulation

@Suite struct BubblesTests {
    static func parameters(_ changes: (inout Bubbles.Parameters) -> Void) -> Bubbles.Parameters {
        var p = Bubbles.Parameters()
        changes(&p)
        return p
    }

    @Test func deterministicPathMatchesReferenceValues() throws {
        let p = Self.parameters { $0.sigma = 0; $0.beta = 90; $0.steps = 11 }
        let x = try Bubbles.simulate(p).x
        let expected = [0.0676284, -0.0094847, -0.1125068, -0.2159192, -0.3189742, -0.4261237, -0.5350535, -0.6381936]
        #expect(Array(x[0...2]) == [0.1, 0.1, 0.1])
        for (offset, value) in expected.enumerated() {
            #expect(abs(x[3 + offset] - value) < 1e-7, "x[\(3 + offset)] = \(x[3 + offset])")
        }
    }

    @Test func betaZeroGivesEqualSharesAndAnAR1WithTheStationarySd() throws {
        let p = Self.parameters { $0.beta = 0; $0.sigma = 0.04; $0.x0 = 0; $0.steps = 50_000; $0.burnIn = 0 }
        let path = try Bubbles.simulate(p)
        for h in 0..<4 { #expect(path.shares[h].allSatisfy { $0 == 0.25 }) }
        let phi = 0.7025 / 1.01
        let stationarySd = (0.04 / 1.01) / (1 - phi * phi).squareRoot()
        #expect(abs(phi - 0.695545) < 1e-6)
        #expect(abs(stationarySd - 0.05512) < 1e-5)
        let stats = Bubbles.statistics(path.x[3...])
        #expect(abs(stats.sd / stationarySd - 1) < 0.05, "sd = \(stats.sd)")
        #expect(abs(stats.ac1 - phi) < 0.02, "ac1 = \(stats.ac1)")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func bubblyRegimeHasLargePersistentDeviations(seed: UInt64) throws {
        let p = Self.parameters { $0.beta = 120; $0.sigma = 0.04; $0.steps = 5200; $0.burnIn = 200; $0.seed = seed }
        let output = try Bubbles.run(p)
        let fraction = try #require(output.scalars["fractionAboveHalf"])
        let sd = try #require(output.scalars["sd"])
        let ac1 = try #require(output.scalars["ac1"])
        #expect((0.40...0.56).contains(fraction), "seed \(seed): fraction \(fraction)")
        #expect((0.55...0.70).contains(sd), "seed \(seed): sd \(sd)")
        #expect(ac1 > 0.85, "seed \(seed): ac1 \(ac1)")
    }

    @Test func sameSeedGivesTheSameOutputAndAnotherSeedDoesNot() throws {
        let a = try Bubbles.run(scenario: "bubbly")
        let b = try Bubbles.run(scenario: "bubbly")
        let c = try Bubbles.run(scenario: "seed-2")
        #expect(a == b)
        #expect(a.series(named: "x")!.y != c.series(named: "x")!.y)
    }

    @Test func outputsHaveTheNamedSeriesWithPriceIndexAndSharesSummingToOne() throws {
        let output = try Bubbles.run()
        let names = ["price", "x", "share.fundamentalist", "share.trendUp", "share.trendDown", "share.strongTrend"]
        #expect(output.series.map(\.name) == names)
        let x = try #require(output.series(named: "x"))
        let price = try #require(output.series(named: "price"))
        #expect(x.x == (0..<1000).map(Double.init))
        for i in x.y.indices { #expect(abs(price.y[i] - 100 * exp(x.y[i])) < 1e-9 * price.y[i]) }
        for t in x.x.indices {
            let total = names.dropFirst(2).reduce(0.0) { $0 + output.series(named: $1)!.y[t] }
            #expect(abs(total - 1) < 1e-12)
        }
    }

    @Test func everyScenarioRuns() throws {
        #expect(Bubbles.scenarios.map(\.name) == ["base", "calm", "bubbly", "seed-2", "seed-3"])
        for scenario in Bubbles.scenarios {
            let output = try Bubbles.run(scenario: scenario.name)
            #expect(output.scenario == scenario.name)
        }
        let calm = try Bubbles.run(scenario: "calm")
        #expect(calm.series(named: "share.strongTrend")!.y.allSatisfy { $0 == 0.25 })
    }

    @Test func divergenceIsReportedNamingBeta() throws {
        let error = #expect(throws: ModelError.self) { try Bubbles.simulate(Bubbles.Parameters(), limit: 0.05) }
        guard case let .diverged(model, parameter, _) = error else {
            Issue.record("expected diverged, got \(String(describing: error))")
            return
        }
        #expect(model == "bubbles" && parameter == "beta")
        #expect(error?.description.hasPrefix("bubbles: the path diverged (") == true)
    }

    @Test(arguments: [
        ("beta", ParameterValue.number(1001), "bubbles: parameter 'beta' = 1001 is outside the allowed range [0, 1000]"),
        ("sigma", .number(-0.1), "bubbles: parameter 'sigma' = -0.1 is outside the allowed range [0, 1]"),
        ("x0", .number(.nan), "bubbles: parameter 'x0' = NaN is outside the allowed range [-10, 10]"),
        ("steps", .number(5), "bubbles: parameter 'steps' = 5 is outside the allowed range [10, 100000] (integer)"),
        ("steps", .number(10.5), "bubbles: parameter 'steps' = 10.5 is outside the allowed range [10, 100000] (integer)"),
        ("burnIn", .number(998), "bubbles: parameter 'burnIn' = 998 is outside the allowed range [0, 997] (integer)"),
        ("grossReturn", .number(1), "bubbles: parameter 'grossReturn' = 1 is outside the allowed range (1, 1.5]"),
        ("seed", .number(-1), "bubbles: parameter 'seed' = -1 is outside the allowed range [0, 18446744073709551615] "
            + "(a whole number, 0…2^64 − 1: seeds are 64-bit)"),
    ])
    func invalidParametersAreRejectedWithExactMessages(name: String, value: ParameterValue, message: String) {
        let error = #expect(throws: ModelError.self) { try Bubbles.run(overrides: [.init(name, value)]) }
        #expect(error?.description == message)
    }

    @Test func unknownParameterSuggestsTheClosestName() {
        let error = #expect(throws: ModelError.self) { try Bubbles.run(overrides: [.init("betta", .number(1))]) }
        #expect(error?.hint?.hasPrefix("did you mean 'beta'?") == true)
    }

    /// Steps that leave the default burnIn 200 without 3 values after it are reported at steps, the parameter the
    /// writer set (audit 10 S2: 'burnIn' = 200 was reported, at the chart's fence).
    @Test func stepsThatInvalidateTheDefaultBurnInAreReportedAtSteps() {
        let error = #expect(throws: ModelError.self) { try Bubbles.run(overrides: [.init("steps", .number(100))]) }
        #expect(error == .parameterOutOfRange(
            model: "bubbles", name: "steps", value: "100",
            allowed: "values that keep the default burnIn 200 in its range [0, steps − 3] = [0, 97] (integer)",
            hint: "burnIn keeps its default 200, which no longer fits: set burnIn too, within [0, 97] (integer)"))
        let own = #expect(throws: ModelError.self) {
            try Bubbles.run(overrides: [.init("steps", .number(100)), .init("burnIn", .number(98))])
        }
        #expect(own?.description == "bubbles: parameter 'burnIn' = 98 is outside the allowed range [0, 97] (integer)")
    }
}
