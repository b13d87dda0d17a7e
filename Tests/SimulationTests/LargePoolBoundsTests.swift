import Foundation
import Testing
@testable import Simulation

/// Loss shares stay shares at every correlation (audit B2, B8, B9; MODELS.md corrections M3).
@Suite struct LargePoolBoundsTests {
    static let standard = [Tranche(0, 0.05), Tranche(0.05, 0.15), Tranche(0.15, 0.30), Tranche(0.30, 1)]
    static let thinEquity = [Tranche(0, 0.005), Tranche(0.005, 1)]

    @Test(arguments: [1e-12, 1e-8, 1e-4, 0.001, 0.01, 0.5, 0.99, 0.999], [1e-6, 0.02, 0.5])
    func trancheELAndHitAreProbabilitiesAndConserveThePoolLoss(rho: Double, p: Double) {
        for tranches in [Self.standard, Self.thinEquity] {
            let el = Vasicek.trancheELs(tranches, p: p, lgd: 0.6, rho: rho)
            var conserved = 0.0
            for (j, tranche) in tranches.enumerated() {
                let hit = Vasicek.trancheHit(tranche, p: p, lgd: 0.6, rho: rho)
                #expect(el[j] >= 0 && el[j] <= 1 + 1e-12, "ρ \(rho), p \(p), \(tranche.label): EL \(el[j])")
                #expect(hit >= 0 && hit <= 1, "ρ \(rho), p \(p), \(tranche.label): P(hit) \(hit)")
                #expect(el[j] <= hit + 1e-12, "EL cannot exceed the chance of any loss")
                conserved += el[j] * tranche.width
            }
            #expect(abs(conserved - 0.6 * p) <= 1e-7 * 0.6 * p, "ρ \(rho), p \(p): Σ EL·width \(conserved)")
        }
    }

    @Test(arguments: [1e-12, 1e-10])
    func atVanishingCorrelationThePoolLossIsItsMean(rho: Double) {
        // ρ → 0: X = p for sure, so the loss is LGD·p = 1.2 % and the tranche [a, d] loses clamp((1.2 % − a)/(d − a)).
        let el = Vasicek.trancheELs(Self.thinEquity, p: 0.02, lgd: 0.6, rho: rho)
        #expect(abs(el[0] - 1) < 1e-6, "0–0.5 % EL \(el[0])")
        #expect(abs(el[1] - 0.007 / 0.995) < 1e-6, "0.5–100 % EL \(el[1])")
        let standard = Vasicek.trancheELs(Self.standard, p: 0.02, lgd: 0.6, rho: rho)
        #expect(abs(standard[0] - 0.24) < 1e-6)
        #expect(standard[1...].allSatisfy { $0 < 1e-12 })
    }

    @Test(arguments: [1e-6, 0.02, 0.2])
    func theExactPoolMeetsItsToleranceAtCorrelation0999(p: Double) {
        let rho = 0.999
        let pmf = FinitePool.lossPMF(n: 100, p: p, rho: rho)
        let reference = FinitePool.lossPMF(n: 100, p: p, rho: rho, from: -8, to: 8, panels: 200_000)
        #expect(abs(pmf.reduce(0, +) - 1) < 1e-10)
        for tranche in Self.standard {
            let el = FinitePool.trancheEL(tranche, pmf: pmf, lgd: 0.6)
            let expectedEL = FinitePool.trancheEL(tranche, pmf: reference, lgd: 0.6)
            let hit = FinitePool.trancheHit(tranche, pmf: pmf, lgd: 0.6)
            let expectedHit = FinitePool.trancheHit(tranche, pmf: reference, lgd: 0.6)
            #expect(abs(el - expectedEL) <= 1e-5 * expectedEL, "p \(p) \(tranche.label): EL \(el) vs \(expectedEL)")
            #expect(abs(hit - expectedHit) <= 1e-5 * expectedHit, "p \(p) \(tranche.label): hit \(hit) vs \(expectedHit)")
        }
    }

    @Test func aTrancheNoPathReachesReportsABoundNotZeroPlusMinusZero() throws {
        let output = try Tranching.run(scenario: "calm", overrides: [.init("paths", .number(1000))])
        let labels = output.series(named: "mc.trancheEL")!.labels!
        let senior = labels.firstIndex(of: "30-100")!
        #expect(output.series(named: "mc.trancheEL")!.y[senior].isNaN)
        #expect(output.series(named: "mc.trancheUpper95")!.y[senior] == 0.003)
        #expect(output.scalars["mc.trancheEL.30-100"] == nil && output.scalars["mc.trancheSE.30-100"] == nil)
        #expect(output.scalars["mc.noSamples.upper95.30-100"] == 0.003)
        #expect(output.assumptions.contains("No Monte Carlo path reached the 15-30, 30-100 tranches"))
        let equity = labels.firstIndex(of: "0-5")!
        let el = output.series(named: "mc.trancheEL")!.y[equity], se = output.series(named: "mc.trancheSE")!.y[equity]
        #expect(abs(output.series(named: "mc.trancheUpper95")!.y[equity] - (el + 1.96 * se)) < 1e-15)
    }

    @Test func theConcentratedPoolIsNeverShownWithLargePoolNumbers() throws {
        let output = try Tranching.run(scenario: "concentrated", overrides: [.init("paths", .number(2000))])
        #expect(!output.series.contains { $0.name.hasPrefix("lhp.") })
        #expect(!output.scalars.keys.contains { $0.hasPrefix("lhp.") })
        #expect(output.series(named: "mc.trancheEL") != nil)
        #expect(output.assumptions.contains("only its Monte Carlo is shown"))
    }
}
