import Foundation
import Testing
@testable import Simulation

@Suite struct DisplacementTests {
    static func values(_ output: ModelOutput, _ name: String) -> [Double] {
        output.series(named: name)!.y
    }

    @Test func baseMatchesReferenceValues() throws {
        let output = try Displacement.run()
        let share = Self.values(output, "laborShare"), u = Self.values(output, "unemployment")
        let wage = Self.values(output, "wagePerWorker")
        for (t, s, unemployment, w) in [(0, 0.6, 0.04, 1.0), (10, 0.54155, 0.08568, 1.1116), (30, 0.50227, 0.04, 1.33685)] {
            #expect(abs(share[t] - s) < 1e-5, "s[\(t)] = \(share[t])")
            #expect(abs(u[t] - unemployment) < 1e-5, "u[\(t)] = \(u[t])")
            #expect(abs(wage[t] - w) < 1e-5, "w[\(t)] = \(wage[t])")
        }
        #expect(abs(u.max()! - 0.090294) < 1e-5)
        #expect(output.series(named: "laborShare")!.x == (0...30).map(Double.init))
    }

    @Test func benignMatchesReferenceValues() throws {
        let output = try Displacement.run(scenario: "benign")
        #expect(abs(Self.values(output, "unemployment").max()! - 0.051246) < 1e-5)
        #expect(abs(Self.values(output, "wagePerWorker")[30] - 1.57808) < 1e-5)
    }

    @Test func severeMatchesReferenceValues() throws {
        let output = try Displacement.run(scenario: "severe")
        #expect(abs(Self.values(output, "laborShare")[15] - 0.21891) < 1e-5)
        #expect(abs(Self.values(output, "unemployment").max()! - 0.279777) < 1e-5)
        #expect(abs(Self.values(output, "wagePerWorker")[20] - 0.51541) < 1e-5)
    }

    @Test func automatedShareStartsAtAlpha0AndOutputAtOne() throws {
        for scenario in Displacement.scenarios {
            let output = try Displacement.run(scenario: scenario.name)
            #expect(Self.values(output, "automatedShare")[0] == Displacement.Parameters().alpha0)
            #expect(Self.values(output, "output")[0] == 1)
            #expect(Self.values(output, "wagePerWorker")[0] == 1)
            #expect(Self.values(output, "displacedFlow")[0] == 0)
        }
    }

    @Test func laborShareStaysInZeroOneAndUnemploymentNeverFallsBelowUStar() throws {
        let cases: [[Scenario.Override]] = [[], [.init("alphaMax", .number(0.99)), .init("k", .number(5))],
                                            [.init("alpha0", .number(0)), .init("rN", .number(0.05))],
                                            [.init("uStar", .number(0)), .init("tau", .number(20))]]
        for overrides in cases {
            for scenario in Displacement.scenarios.map(\.name) {
                let output = try Displacement.run(scenario: scenario, overrides: overrides)
                let uStar = overrides.contains { $0.name == "uStar" } ? 0 : 0.04
                #expect(Self.values(output, "laborShare").allSatisfy { $0 > 0 && $0 <= 1 })
                #expect(Self.values(output, "unemployment").allSatisfy { $0 >= uStar - 1e-12 })
            }
        }
    }

    @Test func withoutNewTasksTheLaborShareNeverRises() throws {
        for scenario in Displacement.scenarios.map(\.name) {
            let share = Self.values(try Displacement.run(scenario: scenario, overrides: [.init("rN", .number(0))]), "laborShare")
            for t in 1..<share.count { #expect(share[t] <= share[t - 1]) }
        }
    }

    @Test func unemploymentReturnsToUStarOnceAutomationSaturates() throws {
        let output = try Displacement.run(scenario: "severe", overrides: [.init("horizon", .number(100))])
        let u = Self.values(output, "unemployment")
        #expect(abs(u[100] - 0.04) < 1e-6)
    }

    @Test func noAutomationAndNoNewTasksKeepsEverythingFlat() throws {
        let output = try Displacement.run(overrides: [.init("alphaMax", .number(0.4)), .init("rN", .number(0))])
        let share = Self.values(output, "laborShare"), u = Self.values(output, "unemployment")
        let wage = Self.values(output, "wagePerWorker")
        for t in share.indices {
            #expect(abs(share[t] - 0.6) < 1e-15)
            #expect(u[t] == 0.04)
            #expect(abs(wage[t] / pow(1.015, Double(t)) - 1) < 1e-12)
        }
    }

    @Test func higherAlphaMaxNeverLowersPeakUnemployment() throws {
        var previous = -Double.infinity
        for alphaMax in stride(from: 0.40, through: 0.99, by: 0.01) {
            let output = try Displacement.run(overrides: [.init("alphaMax", .number(alphaMax))])
            let peak = Self.values(output, "unemployment").max()!
            #expect(peak >= previous - 1e-15, "alphaMax \(alphaMax)")
            previous = peak
        }
    }

    @Test func wageBillIsLaborShareTimesOutput() throws {
        let output = try Displacement.run(scenario: "severe")
        let bill = Self.values(output, "wageBill"), share = Self.values(output, "laborShare")
        let y = Self.values(output, "output")
        for t in bill.indices { #expect(abs(bill[t] - share[t] * y[t]) < 1e-15) }
        #expect(Displacement.scenarios.map(\.name) == ["base", "benign", "severe"])
        #expect(output.series.map(\.name) == ["automatedShare", "newTaskMass", "laborShare", "displacedFlow",
                                              "unemployment", "output", "wageBill", "wagePerWorker"])
    }

    @Test(arguments: [
        ("alpha0", ParameterValue.number(0.96), "displacement: parameter 'alpha0' = 0.96 is outside the allowed range [0, 0.95]"),
        ("alphaMax", .number(0.3), "displacement: parameter 'alphaMax' = 0.3 is outside the allowed range [0.4, 0.99]"),
        ("alphaMax", .number(1), "displacement: parameter 'alphaMax' = 1 is outside the allowed range [0.4, 0.99]"),
        ("k", .number(0), "displacement: parameter 'k' = 0 is outside the allowed range [0.01, 5]"),
        ("t0", .number(101), "displacement: parameter 't0' = 101 is outside the allowed range [0, 100]"),
        ("rN", .number(0.06), "displacement: parameter 'rN' = 0.06 is outside the allowed range [0, 0.05]"),
        ("c", .number(-0.1), "displacement: parameter 'c' = -0.1 is outside the allowed range [0, 2]"),
        ("g", .number(0.2), "displacement: parameter 'g' = 0.2 is outside the allowed range [-0.05, 0.1]"),
        ("uStar", .number(.nan), "displacement: parameter 'uStar' = NaN is outside the allowed range [0, 0.5]"),
        ("tau", .number(0.5), "displacement: parameter 'tau' = 0.5 is outside the allowed range [1, 20]"),
        ("horizon", .number(4), "displacement: parameter 'horizon' = 4 is outside the allowed range [5, 100] (integer)"),
        ("horizon", .number(30.5), "displacement: parameter 'horizon' = 30.5 is outside the allowed range [5, 100] (integer)"),
    ])
    func invalidParametersAreRejectedWithExactMessages(name: String, value: ParameterValue, message: String) {
        let error = #expect(throws: ModelError.self) { try Displacement.run(overrides: [.init(name, value)]) }
        #expect(error?.description == message)
    }

    @Test func alphaMaxBelowAStartingShareNamesAlphaMaxWithTheCrossRange() {
        let error = #expect(throws: ModelError.self) {
            try Displacement.run(overrides: [.init("alpha0", .number(0.6)), .init("alphaMax", .number(0.55))])
        }
        #expect(error?.description == "displacement: parameter 'alphaMax' = 0.55 is outside the allowed range [0.6, 0.99]")
    }
}
