import Testing
@testable import Simulation

@Suite struct FinitePoolMonteCarloTests {
    static let tranches = [Tranche(0, 0.05), Tranche(0.05, 0.15), Tranche(0.15, 0.30), Tranche(0.30, 1)]
    static let defaultPool = FinitePoolMonteCarlo.Pool.homogeneous(n: 100, p: 0.02, lgd: 0.6, rho: 0.3, tranches: tranches)

    /// The golden run of MODELS.md M3(c): 100 000 paths × 100 names, seed 20251021 (slow in debug builds).
    @Test func goldenValuesForSeed20251021MatchAndLieWithinThreeSEOfExact() {
        let estimate = FinitePoolMonteCarlo.simulate(Self.defaultPool, paths: 100_000, seed: 20_251_021, threads: 2)
        let el = [0.2027448, 0.0187782, 0.0010272, 7.457142857e-6]
        let se = [9.253720246e-4, 3.276019922e-4, 7.139341406e-5, 3.036436114e-6]
        for j in el.indices {
            #expect(abs(estimate.trancheEL[j] - el[j]) <= 1e-9 * el[j], "EL[\(j)] = \(estimate.trancheEL[j])")
            #expect(abs(estimate.trancheSE[j] - se[j]) <= 1e-9 * se[j], "SE[\(j)] = \(estimate.trancheSE[j])")
        }
        let pmf = FinitePool.lossPMF(n: 100, p: 0.02, rho: 0.3)
        let expectedRatios = [2.83, 1.50, -0.59, 0.40]
        for (j, tranche) in Self.tranches.enumerated() {
            let exact = FinitePool.trancheEL(tranche, pmf: pmf, lgd: 0.6)
            let ratio = (estimate.trancheEL[j] - exact) / estimate.trancheSE[j]
            #expect(abs(ratio) < 3, "tranche \(j): (MC − exact)/SE = \(ratio)")
            #expect(abs(ratio - expectedRatios[j]) < 0.005)
        }
    }

    @Test func resultIsBitIdenticalForOneTwoAndEightThreads() {
        let pool = FinitePoolMonteCarlo.Pool.homogeneous(n: 10, p: 0.05, lgd: 0.6, rho: 0.3, tranches: Self.tranches)
        let one = FinitePoolMonteCarlo.simulate(pool, paths: 85_000, seed: 5, threads: 1)
        let two = FinitePoolMonteCarlo.simulate(pool, paths: 85_000, seed: 5, threads: 2)
        let eight = FinitePoolMonteCarlo.simulate(pool, paths: 85_000, seed: 5, threads: 8)
        #expect(one == two)
        #expect(one == eight)
    }

    @Test func weightedPoolIsBitIdenticalAcrossThreadCounts() {
        let pool = FinitePoolMonteCarlo.Pool(pds: [0.01, 0.02, 0.03, 0.04], weights: [4, 3, 2, 1], lgd: 0.5, rho: 0.2,
                                             tranches: Self.tranches)
        let one = FinitePoolMonteCarlo.simulate(pool, paths: 90_000, seed: 11, threads: 1)
        let eight = FinitePoolMonteCarlo.simulate(pool, paths: 90_000, seed: 11, threads: 8)
        #expect(one == eight)
    }

    @Test func sameSeedGivesIdenticalResultsAndOtherSeedsDiffer() {
        let a = FinitePoolMonteCarlo.simulate(Self.defaultPool, paths: 10_000, seed: 1, threads: 1)
        let b = FinitePoolMonteCarlo.simulate(Self.defaultPool, paths: 10_000, seed: 1, threads: 1)
        let c = FinitePoolMonteCarlo.simulate(Self.defaultPool, paths: 10_000, seed: 2, threads: 1)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func chunkOfAPartialRunIsThePrefixOfTheFullRun() {
        // Chunk 0 of a 20 000-path run uses the same stream as a 10 000-path run.
        let pool = FinitePoolMonteCarlo.Pool.homogeneous(n: 5, p: 0.1, lgd: 1, rho: 0.2, tranches: [Tranche(0, 1)])
        let short = FinitePoolMonteCarlo.simulate(pool, paths: 10_000, seed: 3)
        let long = FinitePoolMonteCarlo.simulate(pool, paths: 20_000, seed: 3)
        let second = FinitePoolMonteCarlo.simulate(pool, paths: 10_000, seed: 3)
        #expect(short == second)
        #expect(short.trancheEL != long.trancheEL)
    }

    @Test func equalWeightsGiveTheSameLossesAsTheHomogeneousPool() {
        let homogeneous = FinitePoolMonteCarlo.Pool.homogeneous(n: 20, p: 0.03, lgd: 0.6, rho: 0.3, tranches: Self.tranches)
        let weighted = FinitePoolMonteCarlo.Pool(pds: [Double](repeating: 0.03, count: 20),
                                                 weights: [Double](repeating: 7, count: 20), lgd: 0.6, rho: 0.3,
                                                 tranches: Self.tranches)
        let a = FinitePoolMonteCarlo.simulate(homogeneous, paths: 20_000, seed: 9)
        let b = FinitePoolMonteCarlo.simulate(weighted, paths: 20_000, seed: 9)
        for j in Self.tranches.indices { #expect(abs(a.trancheEL[j] - b.trancheEL[j]) < 1e-12) }
    }

    @Test func smallRunLiesWithinThreeSEOfExact() {
        let pool = FinitePoolMonteCarlo.Pool.homogeneous(n: 30, p: 0.02, lgd: 0.6, rho: 0.3, tranches: Self.tranches)
        let estimate = FinitePoolMonteCarlo.simulate(pool, paths: 20_000, seed: 20_251_021, threads: 2)
        let pmf = FinitePool.lossPMF(n: 30, p: 0.02, rho: 0.3)
        for (j, tranche) in Self.tranches.enumerated() where estimate.trancheSE[j] > 0 {
            let exact = FinitePool.trancheEL(tranche, pmf: pmf, lgd: 0.6)
            #expect(abs(estimate.trancheEL[j] - exact) < 3 * estimate.trancheSE[j], "tranche \(j)")
        }
    }
}
