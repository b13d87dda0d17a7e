/// M3(e): a one-period cash waterfall (pool, class A, class B, equity), also iterated over a default path.
public enum Waterfall {
    /// The deal's terms.
    public struct Terms: Sendable, Equatable {
        public var wac: Double
        public var fee: Double
        public var rateA: Double
        public var rateB: Double
        /// Scheduled principal per period (capped at the performing pool).
        public var sched: Double
        public var lgd: Double
        /// OC_A below this turbo-pays class A from excess spread.
        public var trigger: Double

        public init(wac: Double, fee: Double, rateA: Double, rateB: Double, sched: Double, lgd: Double, trigger: Double) {
            self.wac = wac
            self.fee = fee
            self.rateA = rateA
            self.rateB = rateB
            self.sched = sched
            self.lgd = lgd
            self.trigger = trigger
        }
    }

    /// Balances at a period boundary; equity = pool − A − B.
    public struct Balances: Sendable, Equatable {
        public var pool: Double
        public var classA: Double
        public var classB: Double
        public var equity: Double { pool - classA - classB }

        public init(pool: Double, classA: Double, classB: Double) {
            self.pool = pool
            self.classA = classA
            self.classB = classB
        }
    }

    /// Everything that happened in one period.
    public struct Period: Sendable, Equatable {
        public var opening: Balances
        public var closing: Balances
        public var defaults: Double
        public var scheduled: Double
        public var interest: Double
        public var feePaid: Double
        public var couponA: Double
        public var couponB: Double
        public var shortfallFee: Double
        public var shortfallA: Double
        public var shortfallB: Double
        public var excessSpread: Double
        /// Principal collections: sched_t + dflt·(1 − LGD).
        public var collections: Double
        public var principalA: Double
        public var principalB: Double
        public var principalToEquity: Double
        public var writeDownA: Double
        public var writeDownB: Double
        public var writeDownEquity: Double
        /// OC_A = pool_end / A after write-downs (+∞ when A = 0).
        public var ocA: Double
        public var triggerBreached: Bool
        /// Excess spread used to pay down class A.
        public var turbo: Double
        /// Excess spread released to equity.
        public var excessToEquity: Double

        /// Cash received: interest plus principal collections.
        public var cashIn: Double { interest + collections }
        /// Cash paid out: fee, coupons, principal, turbo and cash to equity.
        public var cashOut: Double {
            feePaid + couponA + couponB + principalA + principalB + principalToEquity + turbo + excessToEquity
        }
    }

    /// One period: defaults `dflt` at the start of the period, then interest, principal, write-downs and the OC test.
    public static func step(_ opening: Balances, defaults dflt: Double, terms: Terms) -> Period {
        let pool = opening.pool
        let scheduled = min(terms.sched, pool - dflt)
        // 1. Interest on performing loans, paid in order of seniority on opening balances.
        let interest = terms.wac * (pool - dflt)
        var available = interest
        func pay(_ due: Double) -> (paid: Double, shortfall: Double) {
            let paid = min(due, available)
            available -= paid
            return (paid, due - paid)
        }
        let fee = pay(terms.fee * pool)
        let couponA = pay(terms.rateA * opening.classA)
        let couponB = pay(terms.rateB * opening.classB)
        let excess = available
        // 2. Principal collections go sequentially: A, then B, then equity.
        let collections = scheduled + dflt * (1 - terms.lgd)
        let principalA = min(collections, opening.classA)
        let principalB = min(collections - principalA, opening.classB)
        let principalToEquity = collections - principalA - principalB
        let paidA = opening.classA - principalA, paidB = opening.classB - principalB
        let equityBefore = opening.equity - principalToEquity
        // 3. Losses are written down bottom-up: equity first, then B, then A.
        let poolEnd = pool - dflt - scheduled
        let classB = min(paidB, max(0, poolEnd - paidA))
        var classA = min(paidA, poolEnd)
        let writeDownA = paidA - classA, writeDownB = paidB - classB
        let writeDownEquity = equityBefore - (poolEnd - classA - classB)
        // 4. The OC test decides where the excess spread goes.
        let ocA = classA == 0 ? Double.infinity : poolEnd / classA
        let breached = ocA < terms.trigger
        let turbo = breached ? min(excess, classA) : 0
        classA -= turbo
        return Period(opening: opening, closing: Balances(pool: poolEnd, classA: classA, classB: classB),
                      defaults: dflt, scheduled: scheduled, interest: interest, feePaid: fee.paid, couponA: couponA.paid,
                      couponB: couponB.paid, shortfallFee: fee.shortfall, shortfallA: couponA.shortfall,
                      shortfallB: couponB.shortfall, excessSpread: excess, collections: collections,
                      principalA: principalA, principalB: principalB, principalToEquity: principalToEquity,
                      writeDownA: writeDownA, writeDownB: writeDownB, writeDownEquity: writeDownEquity, ocA: ocA,
                      triggerBreached: breached, turbo: turbo, excessToEquity: excess - turbo)
    }

    /// Iterates `step` over the defaults of periods 1, 2, …; each period opens with the previous closing balances.
    public static func run(_ opening: Balances, defaults: [Double], terms: Terms) -> [Period] {
        var balances = opening
        var periods: [Period] = []
        for dflt in defaults {
            let period = step(balances, defaults: dflt, terms: terms)
            periods.append(period)
            balances = period.closing
        }
        return periods
    }

    /// The opening pool of each period when the pool pays `sched` and suffers `defaults` (for validation).
    public static func openingPools(pool: Double, sched: Double, defaults: [Double]) -> [Double] {
        var pools: [Double] = []
        var current = pool
        for dflt in defaults {
            pools.append(current)
            current -= dflt + min(sched, max(0, current - dflt))
        }
        return pools
    }
}
