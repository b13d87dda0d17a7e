import Foundation

/// M2 `leaseSPV`: a lease SPV's bond against rent, the tenant's walk-away options and the capped RVG.
public enum LeaseSPV: SimulationModel {
    public static let name = "leaseSPV"
    public static let summary = "Lease SPV cash flows: rent against debt service, and what bondholders get if the tenant walks away"

    /// The deterministic schedule and the walk-away quantities, indexed by year t = 0…T (index 0 is the start).
    public struct Schedule: Sendable, Equatable {
        /// Level annual debt service P.
        public var payment: Double
        public var interest: [Double]
        public var principal: [Double]
        public var rent: [Double]
        /// D_t, the bond balance at the end of year t.
        public var debtBalance: [Double]
        public var assetValue: [Double]
        public var saleValue: [Double]
        /// RVG_t paid if the tenant leaves at the end of year t.
        public var rvg: [Double]
        public var recovery: [Double]
        public var bondLoss: [Double]
        /// P(leased in year t).
        public var probLeased: [Double]
        /// P(τ = t), the tenant leaves at the end of year t.
        public var probLeave: [Double]
        /// P(no walk-away before maturity) = π^(T − T₀).
        public var probNoWalkAway: Double
        /// Expected bond loss as a fraction of debt0 (undiscounted).
        public var expectedLossFrac: Double

        /// Where the bond stands in year t (t ≥ 1): the chance the tenant still pays rent that year, the chance it left
        /// earlier and the sale plus guarantee repaid the bond in full, and the chance it left earlier with a loss to
        /// bondholders. The three add up to 1 in every year.
        public func state(inYear t: Int) -> (leased: Double, repaidEarly: Double, endedWithLoss: Double) {
            var full = 0.0, lossy = 0.0
            for s in 0..<t where probLeave[s] > 0 {
                if bondLoss[s] > 0 { lossy += probLeave[s] } else { full += probLeave[s] }
            }
            return (probLeased[t], full, lossy)
        }
    }

    /// Computes the schedule of MODELS.md M2 from validated parameters.
    public static func schedule(_ p: Parameters) -> Schedule {
        let periods = p.periods
        let years = 0...periods
        // Level payment debt0 / a(T, r), the annuity factor a = (1 − (1 + r)^−T)/r computed with expm1/log1p so that
        // a tiny coupon (down to subnormals) gives a ≈ T instead of 0/0.
        let annuity = p.coupon == 0 ? Double(periods) : -expm1(-Double(periods) * log1p(p.coupon)) / p.coupon
        let payment = p.debt0 / annuity
        var interest = [Double](repeating: 0, count: periods + 1)
        var principal = interest, rent = interest, debt = interest
        debt[0] = p.debt0
        for t in 1...periods {
            interest[t] = p.coupon * debt[t - 1]
            principal[t] = payment - interest[t]
            debt[t] = debt[t - 1] - principal[t]
            rent[t] = p.rentCover * payment
        }
        if abs(debt[periods]) < 1e-9 * p.debt0 { debt[periods] = 0 }

        let assetValue = years.map { p.assetValue0 * pow(1 - p.assetDecay, Double($0)) }
        let saleValue = assetValue.map { (1 - p.saleHaircut) * $0 }
        let cap = p.rvgCapFrac * p.debt0
        let rvgYears = Int(p.rvgYears)
        let rvg = years.map { t in t >= 1 && t <= rvgYears ? min(cap, max(0, debt[t] - saleValue[t])) : 0 }
        // S + (D − S) can fall an ulp short of D, a "loss" of 3.6e-15 $B that would count a departure the guarantee
        // covers in full as one with a loss (audit 10 M2). A shortfall below 1e-9·debt0, the tolerance the spec uses
        // for D_T, is rounding: the bond is repaid in full (recovery = D, loss 0, so recovery + loss = D still holds).
        let lossTolerance = 1e-9 * p.debt0
        let recovery = years.map { t in
            debt[t] - (saleValue[t] + rvg[t]) < lossTolerance ? debt[t] : saleValue[t] + rvg[t]
        }
        let bondLoss = years.map { t in debt[t] - recovery[t] }

        let initialTerm = Int(p.initialTerm)
        let probLeased = years.map { t in t == 0 ? 0 : (t <= initialTerm ? 1 : pow(p.renewProb, Double(t - initialTerm))) }
        let probLeave = years.map { t in
            t >= initialTerm && t < periods ? pow(p.renewProb, Double(t - initialTerm)) * (1 - p.renewProb) : 0
        }
        var expectedLoss = 0.0
        for t in years { expectedLoss += probLeave[t] * bondLoss[t] }
        return Schedule(payment: payment, interest: interest, principal: principal, rent: rent, debtBalance: debt,
                        assetValue: assetValue, saleValue: saleValue, rvg: rvg, recovery: recovery, bondLoss: bondLoss,
                        probLeased: probLeased, probLeave: probLeave,
                        probNoWalkAway: pow(p.renewProb, Double(periods - initialTerm)),
                        expectedLossFrac: expectedLoss / p.debt0)
    }

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let s = schedule(p)
        let periods = p.periods
        let flowYears = Array(1...periods)
        let flowX = flowYears.map { p.startYear + Double($0) }
        let stockX = (0...periods).map { p.startYear + Double($0) }
        func flow(_ name: String, _ unit: String, _ value: (Int) -> Double) -> Series {
            Series(name: name, unit: unit, xUnit: "year", x: flowX, y: flowYears.map(value))
        }
        func stock(_ name: String, _ values: [Double]) -> Series {
            Series(name: name, unit: "$B", xUnit: "year", x: stockX, y: values)
        }
        let k = Int(p.walkAwayYear)
        // What the tenant's leaving would cost exists only at its options, the ends of years T₀…T − 1: before T₀ the
        // tenant cannot leave, and at T the bond is repaid, so a "loss if it leaves now" there would be a loss no one
        // can suffer (audit 8; audit 10 N3).
        let optionYears = Array(Int(p.initialTerm)..<periods)
        func ifLeaving(_ name: String, _ values: [Double]) -> Series {
            Series(name: name, unit: "$B", xUnit: "year", x: optionYears.map { p.startYear + Double($0) },
                   y: optionYears.map { values[$0] })
        }
        var series = [
            flow("rent", "$B/yr") { s.rent[$0] },
            flow("debtService", "$B/yr") { _ in s.payment },
            flow("interest", "$B/yr") { s.interest[$0] },
            flow("principal", "$B/yr") { s.principal[$0] },
            flow("excessToEquity", "$B/yr") { s.rent[$0] - s.payment },
            stock("debtBalance", s.debtBalance),
            stock("assetValue", s.assetValue),
            stock("saleValue", s.saleValue),
            ifLeaving("rvgIfLeaveNow", s.rvg),
            ifLeaving("bondLossIfLeaveNow", s.bondLoss),
            flow("dscr", "×") { s.rent[$0] / s.payment },
            flow("probLeased", "probability") { s.probLeased[$0] },
            flow("probLeaveAtEnd", "probability") { s.probLeave[$0] },
            flow("expectedBondCashFlow", "$B/yr") { s.probLeased[$0] * s.payment + s.probLeave[$0] * s.recovery[$0] },
            flow("state.leased", "probability") { s.state(inYear: $0).leased },
            flow("state.repaidEarly", "probability") { s.state(inYear: $0).repaidEarly },
            flow("state.endedWithLoss", "probability") { s.state(inYear: $0).endedWithLoss },
        ]
        series.append(flow("walkAway.bondCash", "$B/yr") { t in t < k ? s.payment : (t == k ? s.payment + s.recovery[k] : 0) })
        series.append(flow("walkAway.rvgPaid", "$B") { t in t == k ? s.rvg[k] : 0 })
        series.append(flow("walkAway.loss", "$B") { t in t == k ? s.bondLoss[k] : 0 })

        let afterRVG = Int(p.rvgYears) + 1
        var scalars = [
            "payment": s.payment,
            "expectedLossFrac": s.expectedLossFrac,
            "lossIfLeaveAfterRVG": afterRVG <= periods - 1 ? s.bondLoss[afterRVG] : 0,
            "probNoWalkAway": s.probNoWalkAway,
        ]
        scalars["walkAway.loss"] = s.bondLoss[k]
        scalars["walkAway.rvgPaid"] = s.rvg[k]

        let assumptions = "Illustrative model, not a forecast. An SPV with $\(formatNumber(p.equity0))B of equity issues a "
            + "$\(formatNumber(p.debt0))B bond at \(formatNumber(p.coupon * 100))%, repaid in level annual "
            + "payments from \(formatNumber(p.startYear)) to \(formatNumber(p.maturityYear)). Assumptions: rent = "
            + "\(formatNumber(p.rentCover))× debt service; the tenant must stay \(formatNumber(p.initialTerm)) years, then "
            + "renews each year with probability \(formatNumber(p.renewProb)); the campus loses "
            + "\(formatNumber(p.assetDecay * 100))% of its value a year and an empty one sells at a "
            + "\(formatNumber(p.saleHaircut * 100))% discount; the residual value guarantee covers "
            + "\(formatNumber(p.rvgYears)) years, capped at \(formatNumber(p.rvgCapFrac * 100))% of the bond, and the "
            + "tenant always pays it. Renewing with probability \(formatNumber(p.renewProb)) a year leaves a "
            + "\(formatNumber((1 - s.probNoWalkAway) * 100, significantDigits: 2))% chance that the tenant leaves before "
            + "\(formatNumber(p.maturityYear)). Expected loss \(formatNumber(s.expectedLossFrac * 100, significantDigits: 2))% of "
            + "the bond, undiscounted; leaving is assumed independent of the campus's value (no wrong-way risk), so the "
            + "true risk is likely higher."
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
    }
}
