import Foundation
import Testing
@testable import Simulation

@Suite struct ConcentrationTests {
    @Test func defaultsMatchReferenceValues() throws {
        let output = try Concentration.run()
        #expect(abs(output.scalars["w0"]! - 0.29296875) < 1e-15)
        #expect(abs(output.scalars["endWeight"]! - 0.4822654) < 1e-7)
        #expect(abs(output.scalars["indexGain"]! - 0.7070) < 5e-5)
        let level = try #require(output.series(named: "indexLevel"))
        #expect(level.y.first == 100)
        #expect(abs(level.y.last! - 170.703125) < 1e-9)
    }

    @Test(arguments: [(0.0, [0.1446796, 0.2411327, 0.3761670]), (0.3, [0.1912757, 0.3187929, 0.4973169])])
    func indexLossMatchesReferenceValues(spill: Double, expected: [Double]) throws {
        let output = try Concentration.run(overrides: [.init("spill", .number(spill))])
        let loss = try #require(output.series(named: "indexLossVsAIDrop"))
        for (drop, value) in zip([0.3, 0.5, 0.78], expected) {
            let index = try #require(loss.x.firstIndex(of: drop))
            #expect(abs(loss.y[index] - value) < 1e-7, "X = \(drop): \(loss.y[index])")
            let single = try Concentration.run(overrides: [.init("spill", .number(spill)), .init("drawdown", .number(drop))])
            #expect(abs(single.scalars["indexLoss"]! - value) < 1e-7)
        }
    }

    @Test(arguments: [0.75, 0.5, 0.9, 0.2])
    func shareOfGainsAtTheEndEqualsTheTarget(target: Double) throws {
        let output = try Concentration.run(overrides: [.init("targetShareOfGains", .number(target))])
        let share = try #require(output.series(named: "shareOfGainsAI"))
        #expect(abs(share.y.last! - target) < 1e-12)
    }

    /// With neither group gaining there are no gains to share: the series is missing, not w0 (audit 12 N4).
    @Test func noGainAtAllLeavesTheShareOfGainsMissing() throws {
        let output = try Concentration.run(overrides: [.init("w0", .number(0.3)), .init("gainAI", .number(0)),
                                                       .init("gainRest", .number(0))])
        #expect(output.scalars["endShareOfGains"] == nil)
        let shares = try #require(output.series.first { $0.name == "shareOfGainsAI" }).y
        #expect(shares.allSatisfy { $0.isNaN })
        #expect(output.missingSeries["shareOfGainsAI"]?.message.contains("the index gains nothing") == true)
    }

    @Test func weightStaysBetweenZeroAndOneAndSeriesAreMonthly() throws {
        for overrides: [Scenario.Override] in [[], [.init("gainAI", .number(20)), .init("gainRest", .number(-0.99)), .init("w0", .number(0.01))],
                                               [.init("w0", .number(1))], [.init("w0", .number(0))]] {
            let output = try Concentration.run(overrides: overrides)
            let weight = try #require(output.series(named: "weightAI"))
            #expect(weight.x == (0...34).map(Double.init))
            #expect(weight.y.allSatisfy { (0...1).contains($0) })
            // Gains of opposite sign (the second case) leave no share of gains: missing, never ±inf (audit 10 S1).
            #expect(output.series(named: "shareOfGainsAI")!.y.allSatisfy { $0.isFinite || $0.isNaN })
        }
    }

    @Test func lossIsLinearInTheDrawdownAndEqualsItWithFullSpill() throws {
        for spill in [0.0, 0.3, 1.0] {
            let loss = try #require(try Concentration.run(overrides: [.init("spill", .number(spill))]).series(named: "indexLossVsAIDrop"))
            #expect(loss.x.count == 101 && loss.x.first == 0 && loss.x.last == 1)
            let slope = loss.y.last!
            for (x, y) in zip(loss.x, loss.y) {
                #expect(abs(y - slope * x) < 1e-12)
                if spill == 1 { #expect(abs(y - x) < 1e-15) }
            }
        }
    }

    /// With a spill above 1 the other stocks fall faster than the AI stocks, but never more than 100 %: the loss is
    /// w·X + (1 − w)·min(β·X, 1), kinked at X = 1/β, and a total fall of the AI stocks wipes out the whole index.
    @Test func othersNeverLoseMoreThanEverythingWithASpillAboveOne() throws {
        let output = try Concentration.run(overrides: [.init("spill", .number(1.5))])
        let loss = try #require(output.series(named: "indexLossVsAIDrop"))
        let w = output.scalars["endWeight"]!
        for (x, y) in zip(loss.x, loss.y) {
            #expect(abs(y - (w * x + (1 - w) * min(1.5 * x, 1))) < 1e-12)
        }
        #expect(abs(loss.y.last! - 1) < 1e-15)
        let headline = try Concentration.run(overrides: [.init("spill", .number(1.5)), .init("drawdown", .number(0.8))])
        #expect(abs(headline.scalars["indexLoss"]! - (w * 0.8 + (1 - w))) < 1e-12)
    }

    /// Audit 8 found index losses of up to 125.9 % for in-range inputs; over random valid inputs the loss stays a share.
    @Test func indexLossStaysBetweenZeroAndOneForRandomValidInputs() throws {
        var rng = RandomGenerator(seed: 8)
        var checked = 0
        for _ in 0..<400 {
            let overrides: [Scenario.Override] = [
                .init("gainAI", .number(-0.99 + 20.99 * rng.u01())), .init("gainRest", .number(-0.99 + 20.99 * rng.u01())),
                .init("months", .number(Double(1 + Int(rng.u01() * 600)))), .init("w0", .number(rng.u01())),
                .init("drawdown", .number(rng.u01())), .init("spill", .number(rng.u01() < 0.2 ? 1.5 : 1.5 * rng.u01())),
            ]
            let output = try Concentration.run(overrides: overrides)
            let loss = try #require(output.series(named: "indexLossVsAIDrop"))
            #expect(loss.y.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-15 }, "\(overrides)")
            #expect((0...1 + 1e-15).contains(output.scalars["indexLoss"]!))
            checked += 1
        }
        #expect(checked == 400)
    }

    @Test func explicitW0ReplacesTheImpliedWeight() throws {
        let output = try Concentration.run(overrides: [.init("w0", .number(0.08))])
        #expect(output.scalars["w0"] == 0.08)
        #expect(output.series(named: "weightAI")!.y.first == 0.08)
    }

    @Test func scenariosAreOthersUnchangedAndContagion() throws {
        #expect(Concentration.scenarios.map(\.name) == ["base", "contagion"])
        let contagion = try Concentration.run(scenario: "contagion")
        #expect(abs(contagion.scalars["indexLoss"]! - (0.4822654 * 0.5 + 0.5177346 * 0.3 * 0.5)) < 1e-7)
    }

    @Test(arguments: [
        ("gainAI", ParameterValue.number(21), "concentration: parameter 'gainAI' = 21 is outside the allowed range [-0.99, 20]"),
        ("gainRest", .number(-1), "concentration: parameter 'gainRest' = -1 is outside the allowed range [-0.99, 20]"),
        ("months", .number(0), "concentration: parameter 'months' = 0 is outside the allowed range [1, 600] (integer)"),
        ("months", .number(3.5), "concentration: parameter 'months' = 3.5 is outside the allowed range [1, 600] (integer)"),
        ("targetShareOfGains", .number(1), "concentration: parameter 'targetShareOfGains' = 1 is outside the allowed range (0, 1)"),
        ("w0", .number(1.2), "concentration: parameter 'w0' = 1.2 is outside the allowed range [0, 1]"),
        ("drawdown", .number(.infinity), "concentration: parameter 'drawdown' = inf is outside the allowed range [0, 1]"),
        ("spill", .number(1.6), "concentration: parameter 'spill' = 1.6 is outside the allowed range [0, 1.5]"),
    ])
    func invalidParametersAreRejectedWithExactMessages(name: String, value: ParameterValue, message: String) {
        let error = #expect(throws: ModelError.self) { try Concentration.run(overrides: [.init(name, value)]) }
        #expect(error?.description == message)
    }

    @Test(arguments: [(-0.2, 0.25), (1.81, 0.0), (0.0, 0.5), (0.5, -0.3)])
    func aTargetShareNoStartingWeightReachesIsRejectedNamingIt(gainAI: Double, gainRest: Double) {
        // One group loses or stands still while the other gains: no starting weight gives AI 75 % of the gains
        // (gainRest = 0 used to give w0 = 0 and a silent share of 0, audit B4).
        let error = #expect(throws: ModelError.self) {
            try Concentration.run(overrides: [.init("gainAI", .number(gainAI)), .init("gainRest", .number(gainRest))])
        }
        guard case let .parameterOutOfRange(model, name, value, allowed, _) = error else {
            Issue.record("expected parameterOutOfRange, got \(String(describing: error))")
            return
        }
        #expect(model == "concentration" && name == "targetShareOfGains" && value == "0.75")
        #expect(allowed.contains("same sign") && allowed.contains("set w0 instead"))
    }

    @Test func bothGroupsFallingStillReachTheTargetShareOfLosses() throws {
        let output = try Concentration.run(overrides: [.init("gainAI", .number(-0.4)), .init("gainRest", .number(-0.1))])
        let w0 = output.scalars["w0"]!
        #expect(w0 > 0 && w0 < 1)
        #expect(abs(output.scalars["endShareOfGains"]! - 0.75) < 1e-12)
    }

    // MARK: Audit 10

    /// With an explicit w0, gains of opposite sign leave no share of gains: AI's part of a total that mixes a gain and
    /// a loss ran from −152,600 % to +982,100 % (audit 10 S1). The series has no value, a chart of it is refused with
    /// the reason, and there is no endShareOfGains scalar; the weight is still drawn.
    @Test func gainsOfOppositeSignLeaveTheShareOfGainsMissing() throws {
        let output = try Concentration.run(overrides: [.init("w0", .number(0.5)), .init("gainAI", .number(0.5)),
                                                       .init("gainRest", .number(-0.4)), .init("months", .number(600))])
        let share = try #require(output.series(named: "shareOfGainsAI"))
        #expect(share.y.count == 601 && share.y.allSatisfy(\.isNaN))
        #expect(output.scalars["endShareOfGains"] == nil)
        let why = try #require(output.missingSeries["shareOfGainsAI"])
        #expect(why.message == "concentration: series 'shareOfGainsAI' has no value here: the AI stocks gain 50% and the "
            + "others -40%, so one group loses while the other gains, and the AI stocks' part of the total is not a share of gains")
        #expect(try #require(output.series(named: "weightAI")).y.allSatisfy(\.isFinite))
    }

    /// Over random valid inputs, with or without an explicit w0, every share of gains shown is a share, in [0, 1].
    @Test func shareOfGainsStaysBetweenZeroAndOneForRandomValidInputs() throws {
        var rng = RandomGenerator(seed: 10)
        var shown = 0
        for index in 0..<400 {
            var overrides: [Scenario.Override] = [
                .init("gainAI", .number(-0.99 + 20.99 * rng.u01())), .init("gainRest", .number(-0.99 + 20.99 * rng.u01())),
                .init("months", .number(Double(1 + Int(rng.u01() * 600)))),
            ]
            let explicit = rng.u01()
            if index % 4 != 0 { overrides.append(.init("w0", .number(index % 8 == 1 ? (explicit < 0.5 ? 0 : 1) : explicit))) }
            guard let output = try? Concentration.run(overrides: overrides) else { continue }
            let share = try #require(output.series(named: "shareOfGainsAI"))
            #expect(share.y.allSatisfy { $0.isNaN || ($0 >= -1e-12 && $0 <= 1 + 1e-12) }, "\(overrides)")
            if share.y.contains(where: \.isFinite) { shown += 1 } else { #expect(output.missingSeries["shareOfGainsAI"] != nil) }
        }
        #expect(shown > 200)
    }
}
