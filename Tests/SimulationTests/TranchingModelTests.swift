import Testing
@testable import Simulation

@Suite struct TranchingModelTests {
    /// Debug builds run the model with fewer Monte Carlo paths; the golden run is in FinitePoolMonteCarloTests.
    static let fewPaths = Scenario.Override("paths", .number(20_000))

    @Test func baseScenarioProducesEveryNamedSeries() throws {
        let output = try Tranching.run(overrides: [Self.fewPaths])
        for label in ["0-5", "5-15", "15-30", "30-100"] {
            let el = try #require(output.series(named: "lhp.trancheEL.\(label)"))
            #expect(el.x == Tranching.rhoGrid)
            #expect(el.x.count == 91 && el.x.last == 0.9)
            #expect(output.series(named: "lhp.trancheHit.\(label)") != nil)
        }
        for name in ["lhp.lossDensity", "exact.lossPMF", "mc.trancheEL", "mc.trancheSE", "waterfall.pool",
                     "waterfall.classA", "waterfall.classB", "waterfall.equity"] {
            #expect(output.series(named: name) != nil, "missing \(name)")
        }
        #expect(output.series(named: "mc.trancheEL")?.labels == ["0-5", "5-15", "15-30", "30-100"])
        #expect(output.series(named: "exact.lossPMF")?.x.count == 101)
        let quantile = try #require(output.scalars["lhp.quantile999"])
        #expect(abs(quantile - 0.19979492) < 1e-6 * 0.19979492)
    }

    @Test(arguments: [("calm", 0.1, 0.076942264), ("stressed", 0.6, 0.42272000)])
    func correlationScenariosMoveTheTailQuantile(_ scenario: String, _ rho: Double, _ quantile: Double) throws {
        let output = try Tranching.run(scenario: scenario, overrides: [Self.fewPaths])
        #expect(output.scenario == scenario)
        #expect(abs(try #require(output.scalars["lhp.quantile999"]) - quantile) < 1e-6 * quantile)
        let senior = try #require(output.series(named: "lhp.trancheEL"))
        #expect(abs(senior.y[3] - Vasicek.trancheEL(Tranche(0.3, 1), p: 0.02, lgd: 0.6, rho: rho)) == 0)
    }

    @Test func concentratedPoolUsesWeightsInTheMonteCarloOnly() throws {
        let output = try Tranching.run(scenario: "concentrated", overrides: [Self.fewPaths])
        #expect(output.series(named: "exact.lossPMF") == nil)
        let el = try #require(output.series(named: "mc.trancheEL")).y
        let se = try #require(output.series(named: "mc.trancheSE")).y
        let widths = [0.05, 0.10, 0.15, 0.70]
        var total = 0.0, spread = 0.0
        for j in widths.indices {
            total += el[j] * widths[j]
            spread += se[j] * widths[j]
        }
        #expect(abs(total - 0.012) < 3 * spread, "Σ EL·width = \(total)")
        // One tenant of 59.7 % at LGD 0.6 reaches the senior tranche by itself.
        #expect(el[3] > 0.001)
    }

    @Test func runIsDeterministicAndIndependentOfThreads() throws {
        var p = Tranching.Parameters()
        try p.set("paths", to: .number(30_000))
        try p.set("n", to: .number(20))
        try p.validate()
        let one = try Tranching.run(p, threads: 1)
        let two = try Tranching.run(p, threads: 2)
        let again = try Tranching.run(p, threads: 2)
        #expect(one == two)
        #expect(two == again)
    }

    @Test func waterfallSeriesFollowTheDefaultPath() throws {
        let output = try Tranching.run(overrides: [Self.fewPaths, .init("dflt", .list([.number(10), .number(30)]))])
        let classA = try #require(output.series(named: "waterfall.classA"))
        #expect(classA.x == [0, 1, 2])
        #expect(classA.y[0] == 70 && abs(classA.y[1] - 61) < 1e-9)
        let equity = try #require(output.series(named: "waterfall.equity"))
        #expect(abs(equity.y[1] - 9) < 1e-9)
    }

    @Test(arguments: [
        ("p", ParameterValue.number(0), "tranching: parameter 'p' = 0 is outside the allowed range [0.000001, 0.5]"),
        ("lgd", .number(1.5), "tranching: parameter 'lgd' = 1.5 is outside the allowed range [0.01, 1]"),
        ("rho", .number(1), "tranching: parameter 'rho' = 1 is outside the allowed range [0, 0.999]"),
        ("rho", .number(1.2), "tranching: parameter 'rho' = 1.2 is outside the allowed range [0, 0.999]"),
        ("rho", .number(.nan), "tranching: parameter 'rho' = NaN is outside the allowed range [0, 0.999]"),
        ("tranches", .list([.list([.number(0.3), .number(0.2)])]),
         "tranching: parameter 'tranches[0]' = [0.3, 0.2] is outside the allowed range [a, d] with 0 ≤ a < d ≤ 1"),
        ("tranches", .list([.list([.number(0), .number(0.05)]), .list([.number(0.05), .number(0.05)])]),
         "tranching: parameter 'tranches[1]' = [0.05, 0.05] is outside the allowed range [a, d] with 0 ≤ a < d ≤ 1"),
        ("tranches", .list([.list([.number(0), .number(1.2)])]),
         "tranching: parameter 'tranches[0]' = [0, 1.2] is outside the allowed range [a, d] with 0 ≤ a < d ≤ 1"),
        ("tranches", .list([]), "tranching: parameter 'tranches' = 0 tranches is outside the allowed range 1 to 10 tranches"),
        ("n", .number(0), "tranching: parameter 'n' = 0 is outside the allowed range [1, 10000] (integer)"),
        ("n", .number(12.5), "tranching: parameter 'n' = 12.5 is outside the allowed range [1, 10000] (integer)"),
        ("paths", .number(999), "tranching: parameter 'paths' = 999 is outside the allowed range [1000, 10000000] (integer)"),
        ("seed", .number(-1), "tranching: parameter 'seed' = -1 is outside the allowed range [0, 18446744073709551615] "
            + "(a whole number, 0…2^64 − 1: seeds are 64-bit)"),
        ("weights", .list([.number(1), .number(2)]),
         "tranching: parameter 'weights' = 2 values is outside the allowed range exactly n = 100 values (or none)"),
        ("pds", .list(Array(repeating: .number(0.6), count: 100)),
         "tranching: parameter 'pds[0]' = 0.6 is outside the allowed range [0.000001, 0.5]"),
        ("pool", .number(0.5), "tranching: parameter 'pool' = 0.5 is outside the allowed range [1, 10000]"),
        ("wac", .number(0.3), "tranching: parameter 'wac' = 0.3 is outside the allowed range [0, 0.25]"),
        ("fee", .number(0.06), "tranching: parameter 'fee' = 0.06 is outside the allowed range [0, 0.05]"),
        ("classA", .number(-1), "tranching: parameter 'classA' = -1 is outside the allowed range [0, 100]"),
        ("classA", .number(90), "tranching: parameter 'classA' = 90 is outside the allowed range values that keep the "
            + "default classB 15 in its range [0, pool − classA] = [0, 10]"),
        ("classB", .number(101), "tranching: parameter 'classB' = 101 is outside the allowed range [0, 100]"),
        ("rateA", .number(-0.01), "tranching: parameter 'rateA' = -0.01 is outside the allowed range [0, 0.25]"),
        ("rateB", .number(0.26), "tranching: parameter 'rateB' = 0.26 is outside the allowed range [0, 0.25]"),
        ("sched", .number(120), "tranching: parameter 'sched' = 120 is outside the allowed range [0, 100]"),
        ("trigger", .number(0.9), "tranching: parameter 'trigger' = 0.9 is outside the allowed range [1, 3]"),
        ("dflt", .number(101), "tranching: parameter 'dflt' = 101 is outside the allowed range [0, 100]"),
        ("dflt", .list([.number(50), .number(46)]),
         "tranching: parameter 'dflt[1]' = 46 is outside the allowed range [0, 45]"),
        ("dflt", .list(Array(repeating: .number(0), count: 31)),
         "tranching: parameter 'dflt' = 31 values is outside the allowed range 1 to 30 values"),
    ])
    func outOfRangeParameterIsRejected(_ name: String, _ value: ParameterValue, _ message: String) {
        let error = #expect(throws: ModelError.self) { try Tranching.run(overrides: [.init(name, value)]) }
        #expect(error?.description == message)
    }

    @Test(arguments: ["calm", "base", "stressed"])
    func exceedanceFallsFromOneAndCrossesOneInAThousandAtTheTailQuantile(_ scenario: String) throws {
        let output = try Tranching.run(scenario: scenario, overrides: [Self.fewPaths])
        let curve = try #require(output.series(named: "lhp.exceedance"))
        #expect(curve.x.first == 0 && abs((curve.x.last ?? 0) - 0.6) < 1e-12)
        #expect(curve.y.first == 1 && curve.y.last == 0)
        #expect(zip(curve.y, curve.y.dropFirst()).allSatisfy { $0 >= $1 })
        // The 99.9th percentile is where the chance of a larger loss is 1 in 1,000.
        let quantile = try #require(output.scalars["lhp.quantile999"])
        let rho = try #require(Tranching.scenarios.first { $0.name == scenario }).overrides.first { $0.name == "rho" }
        let value: Double = if case .number(let number)? = rho?.value { number } else { 0.3 }
        #expect(abs(Vasicek.exceedance(quantile, p: 0.02, lgd: 0.6, rho: value) - 0.001) < 1e-9)
    }

    @Test(arguments: [(10.0, 7.2, 0.0, 2.15), (30.0, 5.6, 0.55, 0.0)])
    func cashWaterfallSpendsTheInterestInOrderDownToZero(_ defaults: Double, _ interest: Double, _ early: Double,
                                                         _ toEquity: Double) throws {
        let output = try Tranching.run(overrides: [Self.fewPaths, .init("dflt", .list([.number(defaults)]))])
        let cash = try #require(output.series(named: "waterfall.cash"))
        #expect(cash.labels == ["interest collected", "fees", "class A interest", "class B interest",
                                "early repayment of class A", "left for equity"])
        let expected = [interest, -0.5, -3.5, -1.05, -early, -toEquity]
        #expect(zip(cash.y, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(cash.y)")
        #expect(abs(cash.y.reduce(0, +)) < 1e-12)
    }

    @Test func zeroWeightIsRejected() {
        let weights = ParameterValue.list([.number(0)] + Array(repeating: .number(1), count: 99))
        let error = #expect(throws: ModelError.self) { try Tranching.run(overrides: [.init("weights", weights)]) }
        #expect(error?.description == "tranching: parameter 'weights[0]' = 0 is outside the allowed range (0, inf)")
    }

    @Test func wrongShapesAreReportedAsWrongType() {
        let error = #expect(throws: ModelError.self) { try Tranching.run(overrides: [.init("rho", .text("high"))]) }
        #expect(error?.description == "tranching: parameter 'rho' must be a number")
        let unknown = #expect(throws: ModelError.self) { try Tranching.run(overrides: [.init("rhoo", .number(0.3))]) }
        #expect(unknown?.hint?.hasPrefix("did you mean 'rho'?") == true)
    }

    // MARK: Audit 8

    /// n × paths at both maxima (10^11 draws) ran for minutes; the work is capped at 10^9 draws, reported at `paths`.
    @Test func monteCarloWorkAboveTheLimitIsRefusedAtPaths() {
        var parameters = Tranching.Parameters()
        parameters.n = 10_000
        parameters.paths = 10_000_000
        let error = #expect(throws: ModelError.self) { try parameters.validate() }
        #expect(error == .parameterOutOfRange(
            model: "tranching", name: "paths", value: "10000000",
            allowed: "n × paths ≤ 1,000,000,000 (here n = 10000: at most 100000 paths)",
            hint: "the Monte Carlo draws one number per lease and path, and 10^9 draws take seconds per chart: lower paths "
                + "(or n); the default 100,000 paths give standard errors below 0.1 percentage point"))
        parameters.paths = 100_000
        #expect(throws: Never.self) { try parameters.validate() }
        parameters.n = 100
        parameters.paths = 10_000_000
        #expect(throws: Never.self) { try parameters.validate() }
    }

    /// Correction M3: a tranche no path reaches has no estimate. Its EL and SE are missing values (an empty CSV
    /// field), never "0 ± 0"; mc.trancheUpper95 holds the bound 3/paths.
    @Test func monteCarloTranchesNoPathReachesAreMissingNotZero() throws {
        let output = try Tranching.run(overrides: [.init("p", .number(0.000001)), .init("rho", .number(0)),
                                                   .init("paths", .number(1000))])
        #expect(output.series(named: "mc.trancheEL")!.y.allSatisfy { $0.isNaN })
        #expect(output.series(named: "mc.trancheSE")!.y.allSatisfy { $0.isNaN })
        #expect(output.series(named: "mc.trancheUpper95")!.y == [0.003, 0.003, 0.003, 0.003])
        let csv = output.csv(seriesNamed: ["mc.trancheEL", "mc.trancheSE", "mc.trancheUpper95"])
        #expect(csv.contains("\n0-5,,,0.003\n"))
        // Tranches that paths do reach keep their estimates.
        let base = try Tranching.run(overrides: [.init("paths", .number(20_000))])
        #expect(base.series(named: "mc.trancheEL")!.y.prefix(3).allSatisfy { $0.isFinite && $0 > 0 })
    }

    @Test func aTrancheGivenTwiceIsRejectedAtItsEntry() {
        let error = #expect(throws: ModelError.self) {
            try Tranching.run(overrides: [.init("tranches", .list([.list([.number(0), .number(0.5)]), .list([.number(0), .number(0.5)])]))])
        }
        #expect(error == .parameterOutOfRange(model: "tranching", name: "tranches[1]", value: "[0, 0.5]",
                                              allowed: "tranches that differ from one another (tranches[0] is the same, 0-50 %)",
                                              hint: "list each tranche once"))
    }

    // MARK: Audit 10

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    static func list(_ values: [Double]) -> ParameterValue { .list(values.map { .number($0) }) }

    /// `pds` all equal to some q ≠ p make a homogeneous pool of PD q: the large pool, the exact pool, the Monte Carlo,
    /// the expected pool loss and the caption all use q, exactly as a run with p = q does (audit 10 M1: the large-pool
    /// series and expectedPoolLoss used p, and the senior tranche's EL was 22× too low beside the exact one).
    @Test(arguments: [0.05, 0.1, 0.003])
    func equalPDsAreThePoolsPDInEveryMethod(q: Double) throws {
        let withPDs = try Tranching.run(overrides: [Self.fewPaths, .init("pds", Self.list(Array(repeating: q, count: 100)))])
        let withP = try Tranching.run(overrides: [Self.fewPaths, .init("p", .number(q))])
        #expect(withPDs.series.map(\.name) == withP.series.map(\.name))
        for (a, b) in zip(withPDs.series, withP.series) { #expect(Self.same(a.y, b.y), "\(a.name)") }
        #expect(withPDs.scalars == withP.scalars)
        #expect(withPDs.assumptions == withP.assumptions)
        #expect(withPDs.assumptions.contains("each defaulting with probability \(formatNumber(q * 100))%"))
        #expect(abs(try #require(withPDs.scalars["expectedPoolLoss"]) - 0.6 * q) < 1e-15)
        // Closed forms: Σ EL·(d − a) = LGD·q for the large and the exact pool; the Monte Carlo within 4 SE of exact.
        let widths = [0.05, 0.10, 0.15, 0.70]
        for name in ["lhp.trancheEL", "exact.trancheEL"] {
            let el = try #require(withPDs.series(named: name)).y
            #expect(abs(zip(el, widths).map(*).reduce(0, +) - 0.6 * q) < 1e-9, "\(name)")
        }
        let exact = try #require(withPDs.series(named: "exact.trancheEL")).y
        let mc = try #require(withPDs.series(named: "mc.trancheEL")).y
        let se = try #require(withPDs.series(named: "mc.trancheSE")).y
        for j in exact.indices where !mc[j].isNaN { #expect(abs(mc[j] - exact[j]) <= 4 * se[j], "tranche \(j)") }
        let quantile = try #require(withPDs.scalars["lhp.quantile999"])
        #expect(abs(quantile - 0.6 * Vasicek.quantile(0.999, p: q, rho: 0.3)) < 1e-15)
    }

    /// For random pools of unequal sizes and PDs, the expected pool loss is LGD·Σwᵢpᵢ/Σwᵢ (it was LGD·p, whatever the
    /// pds), and the Monte Carlo's mean pool loss, Σ EL·(d − a) over the tiling tranches, lies within 4 SE of it.
    @Test func expectedPoolLossIsLGDTimesTheExposureWeightedPD() throws {
        var rng = RandomGenerator(seed: 20_261_207)
        for _ in 0..<20 {
            let n = 2 + Int(rng.u01() * 40)
            let pds = (0..<n).map { _ in 1e-3 + 0.3 * rng.u01() }
            let weights = (0..<n).map { _ in 0.1 + rng.u01() }
            let lgd = 0.1 + 0.9 * rng.u01(), rho = 0.9 * rng.u01()
            let output = try Tranching.run(overrides: [
                .init("paths", .number(5000)), .init("n", .number(Double(n))), .init("pds", Self.list(pds)),
                .init("weights", Self.list(weights)), .init("lgd", .number(lgd)), .init("rho", .number(rho)),
            ])
            let expected = lgd * zip(weights, pds).map(*).reduce(0, +) / weights.reduce(0, +)
            let reported = try #require(output.scalars["expectedPoolLoss"])
            #expect(abs(reported - expected) <= 1e-12 * expected, "n \(n), lgd \(lgd)")
            let widths = [0.05, 0.10, 0.15, 0.70]
            let el = try #require(output.series(named: "mc.trancheEL")).y.map { $0.isNaN ? 0 : $0 }
            let se = try #require(output.series(named: "mc.trancheSE")).y.map { $0.isNaN ? 0 : $0 }
            let mean = zip(el, widths).map(*).reduce(0, +), bound = 4 * zip(se, widths).map(*).reduce(0, +)
            #expect(abs(mean - expected) <= bound + 1e-12, "n \(n), lgd \(lgd), rho \(rho)")
        }
    }

    /// pds replaces p: a p set beside pds that differ from it would be ignored, so it is an error at p; a p equal to
    /// every pds value is consistent and accepted.
    @Test func pSetBesideDifferentPDsIsRejectedAtP() throws {
        let pds = Scenario.Override("pds", Self.list(Array(repeating: 0.05, count: 100)))
        let error = #expect(throws: ModelError.self) { try Tranching.run(overrides: [.init("p", .number(0.02)), pds]) }
        #expect(error == .parameterOutOfRange(
            model: "tranching", name: "p", value: "0.02",
            allowed: "the PD of every lease in pds when both are given (pds has 0.05)",
            hint: "pds gives each lease its own default probability and replaces p: remove p, or remove pds to give every "
                + "lease the probability p"))
        let agreeing = try Tranching.run(overrides: [Self.fewPaths, .init("p", .number(0.05)), pds])
        #expect(agreeing.scalars["expectedPoolLoss"] == 0.6 * 0.05)
    }

    /// A pool set below a default balance names pool, the parameter the writer set, and the default that no longer
    /// fits (audit 10 S2: 'classA' = 70 was reported, at the chart's fence).
    @Test func aPoolThatInvalidatesADefaultIsReportedAtPool() {
        func error(_ overrides: [(String, Double)]) -> ModelError? {
            #expect(throws: ModelError.self) { try Tranching.run(overrides: overrides.map { .init($0.0, .number($0.1)) }) }
        }
        #expect(error([("pool", 50)]) == .parameterOutOfRange(
            model: "tranching", name: "pool", value: "50",
            allowed: "values that keep the default classA 70 in its range [0, pool] = [0, 50]",
            hint: "classA keeps its default 70, which no longer fits: set classA too, within [0, 50]"))
        // classA 70 and classB 15 fit pool 80 one by one but not together: the default classB is the one that no longer fits.
        #expect(error([("pool", 80)]) == .parameterOutOfRange(
            model: "tranching", name: "pool", value: "80",
            allowed: "values that keep the default classB 15 in its range [0, pool − classA] = [0, 10]",
            hint: "classB keeps its default 15, which no longer fits: set classB too, within [0, 10]"))
        #expect(error([("classA", 90)]) == .parameterOutOfRange(
            model: "tranching", name: "classA", value: "90",
            allowed: "values that keep the default classB 15 in its range [0, pool − classA] = [0, 10]",
            hint: "classB keeps its default 15, which no longer fits: set classB too, within [0, 10]"))
        #expect(error([("pool", 8), ("classA", 5), ("classB", 1), ("sched", 1)]) == .parameterOutOfRange(
            model: "tranching", name: "pool", value: "8",
            allowed: "values that keep the default dflt 10 in its range [0, opening pool] = [0, 8]",
            hint: "dflt keeps its default 10, which no longer fits: set dflt too, within [0, 8]"))
        // Both balances set: the sum is the writer's own, at classA as before.
        #expect(error([("classA", 90), ("classB", 15)])?.description
            == "tranching: parameter 'classA' = 90 is outside the allowed range classA + classB ≤ pool (100)")
    }

    /// A tranche attaching at or above LGD can never lose: its Monte Carlo EL is exactly 0, not "no samples, below
    /// 3/paths" (audit 10 N1), as the exact and large-pool results say.
    @Test func aTrancheAboveTheLargestPossibleLossHasAnExactZeroNotNoSamples() throws {
        let output = try Tranching.run(overrides: [Self.fewPaths, .init("lgd", .number(0.25))])
        #expect(output.scalars["mc.trancheEL.30-100"] == 0 && output.scalars["mc.trancheSE.30-100"] == 0)
        #expect(output.scalars["mc.noSamples.upper95.30-100"] == nil)
        #expect(output.series(named: "mc.trancheEL")?.y.last == 0)
        #expect(output.series(named: "mc.trancheUpper95")?.y.last == 0)
        #expect(output.series(named: "exact.trancheEL")?.y.last == 0 && output.series(named: "lhp.trancheEL")?.y.last == 0)
        #expect(!output.assumptions.contains("30-100"))
    }
}
