import Foundation
import Simulation

/// Random valid parameter sets for every model, for the property tests: every parameter anywhere in its allowed range,
/// its ends included (each end is drawn about one time in eight), tiny magnitudes down to subnormals where 0 is allowed,
/// and every scenario. `capped` keeps the costly ones small (paths ≤ 2,000, n ≤ 200, steps ≤ 5,000, rounds ≤ 1,000)
/// so that `make test` stays fast; `make property-check` draws them over their full ranges.
struct ParameterDraws {
    var rng: RandomGenerator
    let capped: Bool

    init(seed: UInt64, capped: Bool) {
        rng = RandomGenerator(seed: seed)
        self.capped = capped
    }

    mutating func unit() -> Double { rng.u01() }

    /// A real in [lo, hi]: an end one time in eight each; near 0 (down to 5e-324) now and then when lo is 0.
    mutating func real(_ lo: Double, _ hi: Double) -> Double {
        let pick = unit()
        if pick < 0.125 { return lo }
        if pick < 0.25 { return hi }
        if pick < 0.3, lo == 0 { return hi * pow(10, -unit() * 330) }
        return min(hi, max(lo, lo + unit() * (hi - lo)))
    }

    /// A real in (lo, hi]: the lower end is replaced by the next representable value above it.
    mutating func realOpenBelow(_ lo: Double, _ hi: Double) -> Double {
        let value = real(lo, hi)
        return value == lo ? lo.nextUp : value
    }

    mutating func integer(_ lo: Int, _ hi: Int) -> Int {
        let pick = unit()
        if pick < 0.125 { return lo }
        if pick < 0.25 { return hi }
        return min(hi, lo + Int(unit() * Double(hi - lo + 1)))
    }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func seed() -> UInt64 {
        switch integer(0, 4) {
        case 0: 0
        case 1: .max
        case 2: 9_007_199_254_740_993
        default: rng.next()
        }
    }

    mutating func scenario(_ model: ModelEntry) -> String {
        model.scenarios[integer(0, model.scenarios.count - 1)].name
    }

    /// One random valid parameter set for `model`, as overrides.
    mutating func overrides(for model: String) -> [Scenario.Override] {
        func number(_ value: Double) -> ParameterValue { .number(value) }
        func numbers(_ values: [Double]) -> ParameterValue { .list(values.map { .number($0) }) }
        func int(_ value: Int) -> ParameterValue { .number(Double(value)) }
        var out: [(String, ParameterValue)] = []
        switch model {
        case "leaseSPV":
            let start = integer(1900, 2200), term = integer(2, 60), initial = integer(1, term - 1)
            out = [("debt0", number(real(0.1, 1000))), ("coupon", number(real(0, 0.25))), ("startYear", int(start)),
                   ("maturityYear", int(start + term)), ("equity0", number(real(0, 1000))),
                   ("assetValue0", number(real(0.1, 1000))), ("assetDecay", number(real(0, 0.5))),
                   ("rentCover", number(real(1, 3))), ("initialTerm", int(initial)), ("renewProb", number(real(0, 1))),
                   ("rvgYears", int(integer(0, term))), ("rvgCapFrac", number(real(0, 1))),
                   ("saleHaircut", number(real(0, 1))), ("walkAwayYear", int(integer(initial, term - 1)))]
        case "tranching":
            let n = integer(1, capped ? 200 : 10_000)
            // Full ranges, except that paths × names stays below 2·10⁸ draws (a few seconds in release).
            let paths = integer(1000, capped ? 2000 : min(10_000_000, max(1000, 200_000_000 / n)))
            var bounds = (0..<integer(1, 10)).map { _ in unit() }
            bounds = bounds.sorted()
            var tranches: [ParameterValue] = []
            var previous = 0.0
            for bound in bounds + [1] where bound > previous {
                tranches.append(numbers([previous, bound]))
                previous = bound
            }
            if tranches.count > 10 { tranches = Array(tranches.prefix(10)) }
            let pool = real(1, 10_000), classA = real(0, pool), classB = real(0, pool - classA)
            let sched = real(0, pool)
            var defaults: [Double] = []
            for _ in 0..<integer(1, 30) {
                let opening = Waterfall.openingPools(pool: pool, sched: sched, defaults: defaults + [0]).last!
                defaults.append(real(0, max(0, opening)))
            }
            out = [("p", number(real(0.000001, 0.5))), ("lgd", number(real(0.01, 1))), ("rho", number(real(0, 0.999))),
                   ("tranches", .list(tranches)), ("n", int(n)), ("paths", int(paths)),
                   ("seed", .integer(seed())), ("pool", number(pool)), ("wac", number(real(0, 0.25))),
                   ("fee", number(real(0, 0.05))), ("classA", number(classA)), ("classB", number(classB)),
                   ("rateA", number(real(0, 0.25))), ("rateB", number(real(0, 0.25))), ("sched", number(sched)),
                   ("trigger", number(real(1, 3))), ("dflt", numbers(defaults))]
            if chance(0.3) { out.append(("weights", numbers((0..<n).map { _ in realOpenBelow(0, 10) }))) }
            if chance(0.3) {
                // pds replaces p: a p set beside pds that differ from it is an error (audit 10 M1).
                out.removeAll { $0.0 == "p" }
                out.append(("pds", numbers((0..<n).map { _ in real(0.000001, 0.5) })))
            }
        case "gpuCollateral":
            let cost = real(0.01, 10_000)
            out = [("cost", number(cost)), ("debt0", number(real(0, 2 * cost))), ("debtTerm", number(real(0.5, 40))),
                   ("bookLives", numbers((0..<integer(1, 8)).map { _ in real(1, 30) })),
                   ("halfLife", number(real(0.25, 20))), ("haircut", number(real(0, 1))),
                   ("horizon", number(real(1, 40))), ("gapLives", numbers([real(1, 30), real(1, 30)]))]
        case "circularFlows":
            let n = integer(1, 12)
            let external = (0..<n).map { _ in real(0, 100_000) }
            // Each node sends on at most what comes in from outside, so every flow is within its node's throughflow.
            var flows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for i in 0..<n {
                for j in 0..<n where i != j && chance(0.5) { flows[i][j] = external[i] * unit() / Double(n) }
            }
            out = [("nodes", .list((0..<n).map { .text("N\($0)") })), ("flows", .list(flows.map(numbers))),
                   ("externalInflow", numbers(external)), ("view", .text(chance(0.5) ? "proRata" : "earmarked"))]
        case "fireSale":
            let holders = integer(1, 6), assetCount = integer(1, 6)
            let assets = (0..<holders).map { _ in real(0, 100_000) }
            let equity = assets.map { $0 == 0 ? 0 : real($0 * 1e-6, $0) }
            let weights = (0..<holders).map { _ -> [Double] in
                let raw = (0..<assetCount).map { _ in unit() + 1e-3 }
                let total = raw.reduce(0, +)
                return raw.map { $0 / total }
            }
            out = [("holders", .list((0..<holders).map { .text("H\($0)") })),
                   ("assetNames", .list((0..<assetCount).map { .text("A\($0)") })),
                   ("assets", numbers(assets)), ("equity", numbers(equity)), ("weights", .list(weights.map(numbers))),
                   ("shock", numbers((0..<assetCount).map { _ in real(-1, 0) })),
                   ("illiquidity", numbers((0..<assetCount).map { _ in real(0, 1) })),
                   ("theta", numbers((0..<holders).map { _ in real(0, 1) })),
                   ("sigma", numbers((0..<holders).map { _ in real(0, 1) })),
                   ("delta", .list((0..<assetCount).map { _ in chance(0.3) ? .text("never") : .number(realOpenBelow(0, 1)) })),
                   ("maxRounds", int(integer(1, capped ? 1000 : 100_000)))]
        case "bubbles":
            let steps = integer(10, capped ? 5000 : 100_000)
            out = [("beta", number(real(0, 1000))), ("sigma", number(real(0, 1))), ("x0", number(real(-10, 10))),
                   ("steps", int(steps)), ("burnIn", int(integer(0, steps - 3))),
                   ("grossReturn", number(realOpenBelow(1, 1.5))), ("seed", .integer(seed()))]
        case "concentration":
            out = [("gainAI", number(real(-0.99, 20))), ("gainRest", number(real(-0.99, 20))),
                   ("months", int(integer(1, 600))), ("targetShareOfGains", number(realOpenBelow(0, 1.0.nextDown))),
                   ("drawdown", number(real(0, 1))), ("spill", number(real(0, 1.5)))]
            if chance(0.4) { out.append(("w0", number(real(0, 1)))) }
        case "displacement":
            let alpha0 = real(0, 0.95)
            out = [("alpha0", number(alpha0)), ("alphaMax", number(real(alpha0, 0.99))), ("k", number(real(0.01, 5))),
                   ("t0", number(real(0, 100))), ("rN", number(real(0, 0.05))), ("c", number(real(0, 2))),
                   ("g", number(real(-0.05, 0.1))), ("uStar", number(real(0, 0.5))), ("tau", number(real(1, 20))),
                   ("horizon", int(integer(5, 100)))]
        case "capexGap":
            out = [("capex", numbers((0..<6).map { _ in real(0, 100_000) })), ("capexIsGPUOnly", .bool(chance(0.5))),
                   ("chipShare", number(real(0.01, 1))), ("grossMargin", number(real(0.01, 1))),
                   ("revenue0", number(real(0, 100_000))), ("revenueGrowth", number(real(-0.5, 5)))]
        default:
            out = []
        }
        return out.map { Scenario.Override($0.0, $0.1) }
    }
}

/// A parameter value written as YAML for a chart block's `params:` (numbers with 17 digits, so they read back exactly).
func yaml(_ value: ParameterValue) -> String {
    switch value {
    case let .number(number): formatNumber(number, significantDigits: 17)
    case let .integer(whole): String(whole)
    case let .bool(flag): flag ? "true" : "false"
    case let .text(word): word
    case let .list(items): "[" + items.map(yaml).joined(separator: ", ") + "]"
    }
}
