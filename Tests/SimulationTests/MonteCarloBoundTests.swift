import Testing
@testable import Simulation

/// mc.trancheUpper95 is a 95 % upper bound of a tranche's expected loss even where only a few paths reach the tranche
/// (audit 12 S3: mean + 1.96 SE fell below the exact EL in 30 % of seeds for a rare-loss tranche).
@Suite struct MonteCarloBoundTests {
    @Test func thePoissonLimitIsTheRuleOfThreeAndItsKnownValues() {
        #expect(abs(poissonUpper95(0) - 2.9957) < 1e-3)
        #expect(abs(poissonUpper95(1) - 4.7439) < 1e-3)
        #expect(abs(poissonUpper95(2) - 6.2958) < 1e-3)
        #expect(abs(poissonUpper95(10) - 17.0) < 0.1)
    }

    /// A rare-loss tranche (a handful of the 4,000 paths reach it): the bound lies at or above the exact finite-pool EL
    /// in at least 95 % of 200 seeds.
    @Test func theUpperBoundCoversTheExactExpectedLossOfARareTrancheInNineteenSeedsOfTwenty() {
        let tranche = Tranche(0.3, 1)
        let (n, p, rho, lgd) = (20, 0.01, 0.3, 1.0)
        let exact = FinitePool.trancheEL(tranche, pmf: FinitePool.lossPMF(n: n, p: p, rho: rho), lgd: lgd)
        let pool = FinitePoolMonteCarlo.Pool.homogeneous(n: n, p: p, lgd: lgd, rho: rho, tranches: [tranche])
        var below = 0, normalBelow = 0, hits = 0
        for seed in UInt64(1)...200 {
            let estimate = FinitePoolMonteCarlo.simulate(pool, paths: 4_000, seed: seed)
            hits += estimate.trancheHits[0]
            if estimate.upper95[0] < exact { below += 1 }
            if estimate.trancheEL[0] + 1.96 * estimate.trancheSE[0] < exact { normalBelow += 1 }
        }
        #expect(hits / 200 < FinitePoolMonteCarlo.fewHits, "the case must be one of few hits: \(hits / 200) a run")
        #expect(below <= 10, "bound below the exact EL in \(below) of 200 seeds")
        // The case is one where mean + 1.96 SE alone fails.
        #expect(normalBelow > 10, "mean + 1.96 SE below the exact EL in \(normalBelow) of 200 seeds")
    }

    @Test func aTrancheManyPathsReachKeepsTheNormalBound() {
        let pool = FinitePoolMonteCarlo.Pool.homogeneous(n: 50, p: 0.05, lgd: 0.6, rho: 0.2, tranches: [Tranche(0, 0.05)])
        let estimate = FinitePoolMonteCarlo.simulate(pool, paths: 20_000, seed: 7)
        #expect(estimate.trancheHits[0] >= FinitePoolMonteCarlo.fewHits)
        #expect(estimate.upper95[0] == estimate.trancheEL[0] + 1.96 * estimate.trancheSE[0])
    }

    /// A tranche every path wipes out: mean + 1.96 SE may pass 1 by rounding (audit 13: 1.00001); the bound stops at 1.
    @Test func theBoundNeverPassesAWholeTranche() {
        let pool = FinitePoolMonteCarlo.Pool.homogeneous(n: 10, p: 0.9, lgd: 1, rho: 0.5, tranches: [Tranche(0, 0.05), Tranche(0.05, 0.3)])
        for seed in UInt64(1)...20 {
            let estimate = FinitePoolMonteCarlo.simulate(pool, paths: 2_000, seed: seed)
            #expect(estimate.upper95.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(estimate.upper95)")
        }
    }
}
