import Foundation
import Testing
@testable import Simulation

@Suite struct TranchingTests {
    static let tranches = [Tranche(0, 0.05), Tranche(0.05, 0.15), Tranche(0.15, 0.30), Tranche(0.30, 1)]

    /// Relative tolerance, or an absolute 1e-12 for reference entries below 1e-10 (MODELS.md M3(a)).
    func matches(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
        if abs(expected) < 1e-10 { return abs(actual - expected) <= 1e-12 }
        return abs(actual - expected) <= relative * abs(expected)
    }

    // MARK: (a) Vasicek large homogeneous pool

    struct VasicekRow: Sendable {
        let rho: Double
        let el: [Double]
        let hit: [Double]
        let quantile: Double
    }

    static let vasicekTable = [
        VasicekRow(rho: 0, el: [0.24, 0, 0, 0], hit: [1, 0, 0, 0], quantile: 0.0120),
        VasicekRow(rho: 0.1, el: [0.23774076, 1.1290900e-3, 3.5293551e-7, 6.9822718e-13],
                   hit: [1, 9.4997210e-3, 3.8917329e-6, 4.1648093e-11], quantile: 0.076942264),
        VasicekRow(rho: 0.3, el: [0.20505179, 1.6108381e-2, 8.8892034e-4, 4.6206373e-6],
                   hit: [1, 5.0809288e-2, 3.2708615e-3, 8.8553008e-5], quantile: 0.19979492),
        VasicekRow(rho: 0.6, el: [0.13718470, 3.4295711e-2, 9.2076062e-3, 4.7150421e-4],
                   hit: [1, 6.3983437e-2, 1.7835417e-2, 4.0081982e-3], quantile: 0.42272000),
    ]

    @Test(arguments: vasicekTable)
    func vasicekTrancheLossesMatchReferenceTable(_ row: VasicekRow) {
        let el = Vasicek.trancheELs(Self.tranches, p: 0.02, lgd: 0.6, rho: row.rho)
        for j in Self.tranches.indices {
            let single = Vasicek.trancheEL(Self.tranches[j], p: 0.02, lgd: 0.6, rho: row.rho)
            let hit = Vasicek.trancheHit(Self.tranches[j], p: 0.02, lgd: 0.6, rho: row.rho)
            #expect(matches(el[j], row.el[j], relative: 1e-6), "ρ \(row.rho) tranche \(j): EL \(el[j])")
            #expect(single == el[j])
            #expect(matches(hit, row.hit[j], relative: 1e-6), "ρ \(row.rho) tranche \(j): hit \(hit)")
        }
        let quantile = 0.6 * Vasicek.quantile(0.999, p: 0.02, rho: row.rho)
        #expect(matches(quantile, row.quantile, relative: 1e-6), "ρ \(row.rho): quantile \(quantile)")
    }

    @Test func vasicekDistributionAndMedianAtRhoPointThree() {
        #expect(matches(Vasicek.cdf(0.05, p: 0.02, rho: 0.3), 0.89196758, relative: 1e-6))
        #expect(matches(Vasicek.quantile(0.5, p: 0.02, rho: 0.3), 0.0070501210, relative: 1e-6))
        #expect(matches(Vasicek.cdf(Vasicek.quantile(0.9, p: 0.02, rho: 0.3), p: 0.02, rho: 0.3), 0.9, relative: 1e-12))
    }

    @Test(arguments: [0.1, 0.3, 0.6])
    func vasicekLossDensityIntegratesToTheDistribution(_ rho: Double) {
        let (low, high) = (0.006, 0.3)
        let mass = Numerics.simpson(from: low, to: high, panels: 20_000) {
            Vasicek.lossDensity($0, p: 0.02, lgd: 0.6, rho: rho)
        }
        let expected = Vasicek.cdf(high / 0.6, p: 0.02, rho: rho) - Vasicek.cdf(low / 0.6, p: 0.02, rho: rho)
        #expect(abs(mass - expected) < 1e-9, "ρ \(rho): \(mass) vs \(expected)")
    }

    @Test func vasicekTrancheLossesAddUpToThePoolLossOnTheGrid() {
        for rho in Tranching.rhoGrid {
            let el = Vasicek.trancheELs(Self.tranches, p: 0.02, lgd: 0.6, rho: rho)
            var total = 0.0
            for j in el.indices { total += el[j] * Self.tranches[j].width }
            #expect(abs(total - 0.012) < 1e-9, "ρ \(rho): Σ = \(total)")
        }
    }

    @Test func seniorLossRisesAndEquityLossFallsWithCorrelation() {
        let el = Tranching.rhoGrid.map { Vasicek.trancheELs(Self.tranches, p: 0.02, lgd: 0.6, rho: $0) }
        for i in 1..<el.count {
            #expect(el[i][3] >= el[i - 1][3], "senior EL falls at ρ \(Tranching.rhoGrid[i])")
            #expect(el[i][0] <= el[i - 1][0], "equity EL rises at ρ \(Tranching.rhoGrid[i])")
        }
    }

    // MARK: (b) exact finite pool

    @Test func exactFinitePoolMatchesReferenceValues() {
        let pmf = FinitePool.lossPMF(n: 100, p: 0.02, rho: 0.3)
        let el = [0.200129, 0.0182874, 0.00106963, 6.24079e-6]
        let hit = [0.520241, 0.0545700, 0.00358984, 1.07047e-4]
        for j in Self.tranches.indices {
            let actualEL = FinitePool.trancheEL(Self.tranches[j], pmf: pmf, lgd: 0.6)
            let actualHit = FinitePool.trancheHit(Self.tranches[j], pmf: pmf, lgd: 0.6)
            #expect(matches(actualEL, el[j], relative: 1e-5), "tranche \(j): EL \(actualEL)")
            #expect(matches(actualHit, hit[j], relative: 1e-5), "tranche \(j): hit \(actualHit)")
        }
    }

    @Test(arguments: [0.0, 0.1, 0.3, 0.6, 0.9])
    func exactPMFSumsToOneWithMeanNP(_ rho: Double) {
        let pmf = FinitePool.lossPMF(n: 100, p: 0.02, rho: rho)
        var total = 0.0, mean = 0.0, weighted = 0.0
        for k in pmf.indices {
            total += pmf[k]
            mean += Double(k) * pmf[k]
        }
        for tranche in Self.tranches { weighted += FinitePool.trancheEL(tranche, pmf: pmf, lgd: 0.6) * tranche.width }
        #expect(abs(total - 1) < 1e-10)
        #expect(abs(mean - 2) < 1e-9)
        #expect(abs(weighted - 0.012) < 1e-9)
        #expect(pmf.allSatisfy { $0 >= 0 })
    }

    @Test(arguments: [(100, 0.3), (500, 0.9), (40, 0.0)])
    func exactPMFEqualsTheSumOverEveryState(_ n: Int, _ rho: Double) {
        // The implementation skips terms whose exp() underflows to 0; the plain sum over k = 0…N must agree bit for bit.
        let p = 0.02, c = Numerics.normalQuantile(p), h = 16.0 / 3200
        var logBinomial = [0.0]
        for k in stride(from: 1, through: n, by: 1) { logBinomial.append(logBinomial[k - 1] + log(Double(n - k + 1) / Double(k))) }
        var reference = [Double](repeating: 0, count: n + 1)
        for node in 0...3200 {
            let z = -8 + Double(node) * h
            let weight = (node == 0 || node == 3200 ? 1.0 : (node % 2 == 1 ? 4.0 : 2.0)) * Numerics.normalPDF(z)
            let x = Numerics.normalCDF((c - rho.squareRoot() * z) / (1 - rho).squareRoot())
            if x <= 0 { reference[0] += weight; continue }
            if x >= 1 { reference[n] += weight; continue }
            for k in 0...n {
                reference[k] += weight * exp(logBinomial[k] + Double(k) * log(x) + Double(n - k) * log1p(-x))
            }
        }
        let identical = FinitePool.lossPMF(n: n, p: p, rho: rho) == reference.map { $0 * h / 3 }
        #expect(identical)
    }

    @Test func exactPMFOfOneNameIsBernoulli() {
        let pmf = FinitePool.lossPMF(n: 1, p: 0.05, rho: 0.4)
        #expect(abs(pmf[1] - 0.05) < 1e-10)
    }

    // MARK: (d) sequential loss allocation

    @Test(arguments: [0.0, 0.03, 0.05, 0.12, 0.3, 0.55, 1.0])
    func trancheLossAmountsSumToThePoolLoss(_ loss: Double) {
        var total = 0.0
        for tranche in Self.tranches { total += tranche.lossAmount(poolLoss: loss) }
        #expect(abs(total - loss) < 1e-15)
    }

    @Test func trancheLabelsAreInPercent() {
        #expect(Self.tranches.map(\.label) == ["0-5", "5-15", "15-30", "30-100"])
    }
}
