import Foundation

/// One slice [a, d) of the pool's losses (fractions of the pool).
public struct Tranche: Sendable, Equatable {
    public var attachment: Double
    public var detachment: Double

    public init(_ attachment: Double, _ detachment: Double) {
        self.attachment = attachment
        self.detachment = detachment
    }

    /// d − a, the tranche's notional as a fraction of the pool.
    public var width: Double { detachment - attachment }

    /// "5-15": attachment and detachment in percent.
    public var label: String {
        formatNumber(attachment * 100) + "-" + formatNumber(detachment * 100)
    }

    /// M3(d): the loss amount this tranche absorbs when the pool loses `poolLoss`: min(max(L − a, 0), d − a).
    public func lossAmount(poolLoss: Double) -> Double {
        min(max(poolLoss - attachment, 0), width)
    }

    /// The loss as a fraction of the tranche's notional.
    public func lossFraction(poolLoss: Double) -> Double {
        lossAmount(poolLoss: poolLoss) / width
    }
}

/// M3 `tranching`: pooled leases cut into tranches; correlation decides whether the senior slices are safe.
public enum Tranching: SimulationModel {
    public static let name = "tranching"
    public static let summary = "Pool leases and cut them into tranches: Vasicek, exact finite pool, Monte Carlo and a cash waterfall"

    /// The ρ grid of the LHP series: 0, 0.01, …, 0.9.
    public static let rhoGrid = (0...90).map { Double($0) / 100 }

    /// The most uniform draws (n × paths) one Monte Carlo may make: 1.6–2.2 s of `simulate` in a release build on 2 cores.
    public static let maximumDraws = 1e9

    /// Worker threads of the Monte Carlo when run through the registry (results do not depend on it).
    public static let defaultThreads = 2

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        try run(p, threads: defaultThreads)
    }

    /// Runs the model with the Monte Carlo spread over `threads` workers (bit-identical for any count).
    public static func run(_ p: Parameters, threads: Int) throws(ModelError) -> ModelOutput {
        let tranches = p.tranches.map { Tranche($0[0], $0[1]) }
        let labels = tranches.map(\.label)
        var series: [Series] = []
        var scalars: [String: Double] = [:]

        // (a) Large homogeneous pool over the ρ grid, then at the model's ρ. It assumes many small, equal tenants, so
        // a pool of unequal weights or PDs (the concentrated scenario) gets no large-pool numbers at all: the Monte
        // Carlo of that pool is the answer, and the LHP one would understate its senior loss ≈ 500× (audit §8.3).
        let names = Int(p.n)
        let equalWeights = p.weights.allSatisfy { $0 == p.weights.first }
        let equalPDs = p.pds.allSatisfy { $0 == p.pds.first }
        let homogeneousPool = equalWeights && equalPDs
        // `pds` gives every lease its own PD and replaces `p` (validation refuses a p set beside pds that differ from
        // it), so a pool whose pds are all q has PD q everywhere: large pool, exact pool, Monte Carlo, expected loss and
        // caption (audit 10 M1: the large-pool series used p).
        let pd = p.pds.first ?? p.p
        if homogeneousPool {
            let (lhpSeries, lhpScalars) = largePoolOutputs(p, pd: pd, tranches: tranches)
            series += lhpSeries
            scalars.merge(lhpScalars) { first, _ in first }
        }
        scalars["expectedPoolLoss"] = p.lgd * averagePD(p)

        // (b) Exact finite pool, for homogeneous pools only.
        if homogeneousPool {
            let pmf = FinitePool.lossPMF(n: names, p: pd, rho: p.rho)
            series.append(Series(name: "exact.lossPMF", unit: "probability", xUnit: "defaults",
                                 x: pmf.indices.map(Double.init), y: pmf))
            series.append(Series(name: "exact.trancheEL", unit: "fraction of tranche", labels: labels,
                                 values: tranches.map { FinitePool.trancheEL($0, pmf: pmf, lgd: p.lgd) }))
            series.append(Series(name: "exact.trancheHit", unit: "probability", labels: labels,
                                 values: tranches.map { FinitePool.trancheHit($0, pmf: pmf, lgd: p.lgd) }))
        }

        // (c) Monte Carlo with the pool's weights and PDs.
        let pool = FinitePoolMonteCarlo.Pool(
            pds: p.pds.isEmpty ? [Double](repeating: p.p, count: names) : p.pds,
            weights: p.weights.isEmpty ? [Double](repeating: 1, count: names) : p.weights,
            lgd: p.lgd, rho: p.rho, tranches: tranches)
        let estimate = FinitePoolMonteCarlo.simulate(pool, paths: Int(p.paths), seed: p.seed, threads: threads)
        // A tranche no path reached has no estimate: its EL and SE are missing values (an empty CSV cell, no bar, "–" in
        // a table), not "0 ± 0", which would claim certainty (Correction M3); mc.trancheUpper95 holds its bound.
        let missing = { (values: [Double]) in values.indices.map { estimate.noSamples[$0] ? Double.nan : values[$0] } }
        series.append(Series(name: "mc.trancheEL", unit: "fraction of tranche", labels: labels, values: missing(estimate.trancheEL)))
        series.append(Series(name: "mc.trancheSE", unit: "fraction of tranche", labels: labels, values: missing(estimate.trancheSE)))
        series.append(Series(name: "mc.trancheUpper95", unit: "fraction of tranche", labels: labels, values: estimate.upper95))
        for (j, label) in labels.enumerated() {
            // A tranche no path reached has no estimate, only a bound: "0 ± 0" would claim certainty (audit B9).
            if estimate.noSamples[j] {
                scalars["mc.noSamples.upper95.\(label)"] = estimate.upper95[j]
            } else {
                scalars["mc.trancheEL.\(label)"] = estimate.trancheEL[j]
                scalars["mc.trancheSE.\(label)"] = estimate.trancheSE[j]
            }
        }
        let unreached = labels.indices.filter { estimate.noSamples[$0] }.map { labels[$0] }

        // (e) Cash waterfall over the default path.
        let (waterfallSeries, waterfallScalars) = waterfallOutputs(p)
        series += waterfallSeries
        scalars.merge(waterfallScalars) { first, _ in first }
        let ocInfinite = Int(waterfallScalars["waterfall.periodsWithInfiniteOC"] ?? 0)

        let pool0 = p.weights.isEmpty ? "\(names) equal leases" : "\(names) leases of unequal size"
        let pdText = equalPDs ? "each defaulting with probability \(formatNumber(pd * 100))%"
            : "defaulting with probabilities from \(formatNumber(p.pds.min()! * 100))% to \(formatNumber(p.pds.max()! * 100))% "
                + "(\(formatNumber(averagePD(p) * 100, significantDigits: 3))% on average, by size)"
        let assumptions = "Illustrative model, not a forecast: \(pool0), \(pdText) and losing \(formatNumber(p.lgd * 100))% of its value; one common factor with "
            + "correlation \(formatNumber(p.rho)) (Vasicek/Gaussian copula). Monte Carlo: \(Int(p.paths)) paths, "
            + "seed \(p.seed). Waterfall: pool \(formatNumber(p.pool)), class A \(formatNumber(p.classA)), class B "
            + "\(formatNumber(p.classB)), OC trigger \(formatNumber(p.trigger))×."
            + (ocInfinite == 0 ? "" : " The OC test series leaves out the \(ocInfinite) period"
                + (ocInfinite == 1 ? "" : "s") + " after class A is repaid, where the ratio is infinite.")
            + (homogeneousPool ? "" : " The pool is concentrated (unequal leases), so only its Monte Carlo is shown: "
                + "the large-pool (Vasicek) formulas assume many small, equal tenants and would understate its risk.")
            + (unreached.isEmpty ? "" : " No Monte Carlo path reached the " + unreached.joined(separator: ", ")
                + (unreached.count == 1 ? " tranche: no samples, so its expected loss is" : " tranches: no samples, so their "
                + "expected losses are") + " only known to be below 3/paths = \(formatNumber(3 / p.paths)) (95 %), not 0.")
        var output = ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
        if unreached.count == labels.count {
            for missing in ["mc.trancheEL", "mc.trancheSE"] {
                output.missingSeries[missing] = ModelWarning(
                    parameter: "paths",
                    message: "tranching: series '\(missing)' has no value here: no Monte Carlo path of \(Int(p.paths)) reached "
                        + "any tranche (no samples; an expected loss of 0 ± 0 would claim a certainty the paths do not give)",
                    hint: "show mc.trancheUpper95, each tranche's 95 % upper bound (here 3/paths = \(formatNumber(3 / p.paths))), "
                        + "or raise paths")
            }
        }
        return output
    }

    /// The pool's average PD weighted by exposure, Σwᵢpᵢ/Σwᵢ: `p` when `pds` is not given. LGD times it is the
    /// expected pool loss.
    static func averagePD(_ p: Parameters) -> Double {
        guard !p.pds.isEmpty else { return p.p }
        // Equal PDs are the PD itself, not a sum of n of them divided by n (0.05 × 100 / 100 is 0.049999…).
        if p.pds.allSatisfy({ $0 == p.pds[0] }) { return p.pds[0] }
        guard !p.weights.isEmpty else { return p.pds.reduce(0, +) / Double(p.pds.count) }
        var weighted = 0.0
        for (weight, pd) in zip(p.weights, p.pds) { weighted += weight * pd }
        return weighted / p.weights.reduce(0, +)
    }

    /// (a) The large-pool (Vasicek) series over the ρ grid and at the model's ρ, with their scalars, for a pool whose
    /// every lease has PD `pd`.
    static func largePoolOutputs(_ p: Parameters, pd: Double, tranches: [Tranche]) -> ([Series], [String: Double]) {
        let labels = tranches.map(\.label)
        var series: [Series] = []
        var scalars: [String: Double] = [:]
        let gridEL = rhoGrid.map { Vasicek.trancheELs(tranches, p: pd, lgd: p.lgd, rho: $0) }
        for (j, tranche) in tranches.enumerated() {
            series.append(Series(name: "lhp.trancheEL.\(tranche.label)", unit: "fraction of tranche", xUnit: "rho",
                                 x: rhoGrid, y: gridEL.map { $0[j] }))
            series.append(Series(name: "lhp.trancheHit.\(tranche.label)", unit: "probability", xUnit: "rho", x: rhoGrid,
                                 y: rhoGrid.map { Vasicek.trancheHit(tranche, p: pd, lgd: p.lgd, rho: $0) }))
        }
        let lhpEL = Vasicek.trancheELs(tranches, p: pd, lgd: p.lgd, rho: p.rho)
        let lhpHit = tranches.map { Vasicek.trancheHit($0, p: pd, lgd: p.lgd, rho: p.rho) }
        series.append(Series(name: "lhp.trancheEL", unit: "fraction of tranche", labels: labels, values: lhpEL))
        series.append(Series(name: "lhp.trancheHit", unit: "probability", labels: labels, values: lhpHit))
        if p.rho > 0 {
            let points = 300
            let losses = (0..<points).map { (Double($0) + 0.5) / Double(points) * p.lgd }
            series.append(Series(name: "lhp.lossDensity", unit: "density", xUnit: "pool loss", x: losses,
                                 y: losses.map { Vasicek.lossDensity($0, p: pd, lgd: p.lgd, rho: p.rho) }))
        }
        // P(L > loss) from no loss up to LGD: "the chance the loss exceeds X" (for any ρ).
        let exceedanceLosses = (0...200).map { Double($0) / 200 * p.lgd }
        series.append(Series(name: "lhp.exceedance", unit: "probability", xUnit: "pool loss", x: exceedanceLosses,
                             y: exceedanceLosses.map { Vasicek.exceedance($0, p: pd, lgd: p.lgd, rho: p.rho) }))
        scalars["lhp.quantile999"] = p.lgd * Vasicek.quantile(0.999, p: pd, rho: p.rho)
        scalars["lhp.medianLoss"] = p.lgd * Vasicek.quantile(0.5, p: pd, rho: p.rho)
        for (j, label) in labels.enumerated() {
            scalars["lhp.trancheEL.\(label)"] = lhpEL[j]
            scalars["lhp.trancheHit.\(label)"] = lhpHit[j]
        }
        return (series, scalars)
    }

    /// The `waterfall.*` series (balances at t = 0…T, flows per period t = 1…T) and period-1 scalars.
    static func waterfallOutputs(_ p: Parameters) -> ([Series], [String: Double]) {
        let terms = Waterfall.Terms(wac: p.wac, fee: p.fee, rateA: p.rateA, rateB: p.rateB, sched: p.sched, lgd: p.lgd,
                                    trigger: p.trigger)
        let opening = Waterfall.Balances(pool: p.pool, classA: p.classA, classB: p.classB)
        let periods = Waterfall.run(opening, defaults: p.dflt, terms: terms)
        let balances = [opening] + periods.map(\.closing)
        let stockX = balances.indices.map(Double.init)
        let flowX = periods.indices.map { Double($0 + 1) }
        func stock(_ name: String, _ value: (Waterfall.Balances) -> Double) -> Series {
            Series(name: "waterfall.\(name)", unit: "$", xUnit: "period", x: stockX, y: balances.map(value))
        }
        func flow(_ name: String, _ value: (Waterfall.Period) -> Double) -> Series {
            Series(name: "waterfall.\(name)", unit: "$", xUnit: "period", x: flowX, y: periods.map(value))
        }
        var series = [
            stock("pool") { $0.pool }, stock("classA") { $0.classA }, stock("classB") { $0.classB },
            stock("equity") { $0.equity },
            flow("defaults") { $0.defaults }, flow("interest") { $0.interest },
            flow("excessSpread") { $0.excessSpread }, flow("turbo") { $0.turbo },
            flow("excessToEquity") { $0.excessToEquity },
            flow("shortfallA") { $0.shortfallA }, flow("shortfallB") { $0.shortfallB },
            flow("writeDownA") { $0.writeDownA }, flow("writeDownB") { $0.writeDownB },
            flow("writeDownEquity") { $0.writeDownEquity },
        ]
        // OC_A is infinite once class A is repaid; those periods are left out (and counted in a scalar and the caption).
        let finite = periods.indices.filter { periods[$0].ocA.isFinite }
        series.append(Series(name: "waterfall.ocA", unit: "×", xUnit: "period", x: finite.map { Double($0 + 1) },
                             y: finite.map { periods[$0].ocA }))
        let first = periods[0]
        series.append(Series(name: "waterfall.period1.interestUses", unit: "$",
                             labels: ["fee", "class A interest", "class B interest", "turbo to class A", "excess to equity"],
                             values: [first.feePaid, first.couponA, first.couponB, first.turbo, first.excessToEquity]))
        // The first period's interest as a cash waterfall: collected, then each use in order of payment (negative),
        // ending at zero.
        series.append(Series(name: "waterfall.cash", unit: "$",
                             labels: ["interest collected", "fees", "class A interest", "class B interest",
                                      "early repayment of class A", "left for equity"],
                             values: [first.interest, -first.feePaid, -first.couponA, -first.couponB, -first.turbo,
                                      -first.excessToEquity]))
        var writeDowns = [0.0, 0.0, 0.0]
        for period in periods {
            writeDowns[0] += period.writeDownEquity
            writeDowns[1] += period.writeDownB
            writeDowns[2] += period.writeDownA
        }
        series.append(Series(name: "waterfall.lossAllocation", unit: "$", labels: ["equity", "class B", "class A"],
                             values: writeDowns))
        // Named for what they are: period-1 flows, end-of-path balances, path totals (audit B6).
        var scalars = [
            "waterfall.period1.excessSpread": first.excessSpread,
            "waterfall.period1.interest": first.interest, "waterfall.period1.turbo": first.turbo,
            "waterfall.total.interest": periods.reduce(0) { $0 + $1.interest },
            "waterfall.total.turbo": periods.reduce(0) { $0 + $1.turbo },
            "waterfall.end.classA": balances.last!.classA, "waterfall.end.classB": balances.last!.classB,
            "waterfall.end.equity": balances.last!.equity,
            "waterfall.periodsWithInfiniteOC": Double(periods.count - finite.count),
        ]
        if first.ocA.isFinite { scalars["waterfall.period1.ocA"] = first.ocA }
        return (series, scalars)
    }
}
