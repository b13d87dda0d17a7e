import Foundation
import Testing
@testable import Simulation

@Suite struct NumericsTests {
    @Test(arguments: [
        (0.02, -2.053748910631823), (0.999, 3.090232306167813), (1e-10, -6.361340902404056),
        (0.975, 1.959963984540054), (1e-300, -37.0470962993612),
    ])
    func normalQuantileMatchesReferenceValues(_ p: Double, _ expected: Double) {
        let x = Numerics.normalQuantile(p)
        #expect(abs(x - expected) <= 1e-12 * max(1, abs(expected)), "Φ⁻¹(\(p)) = \(x)")
    }

    @Test func normalQuantileOfOneHalfIsZero() {
        #expect(Numerics.normalQuantile(0.5) == 0)
    }

    @Test func normalQuantileIsAntisymmetric() {
        for p in [1e-8, 0.001, 0.1, 0.3, 0.49] {
            #expect(abs(Numerics.normalQuantile(p) + Numerics.normalQuantile(1 - p)) < 1e-9)
        }
    }

    @Test func normalQuantileInvertsTheDistribution() {
        for p in [1e-12, 1e-5, 0.01, 0.2, 0.5, 0.7, 0.95, 0.99999] {
            let x = Numerics.normalQuantile(p)
            #expect(abs(Numerics.normalCDF(x) - p) <= 1e-13 * max(p, 1e-3), "p = \(p)")
        }
    }

    @Test func normalCDFAndPDFHaveKnownValues() {
        #expect(Numerics.normalCDF(0) == 0.5)
        #expect(abs(Numerics.normalCDF(1.959963984540054) - 0.975) < 1e-15)
        #expect(abs(Numerics.normalPDF(0) - 1 / (2 * Double.pi).squareRoot()) < 1e-16)
    }

    @Test func simpsonIsExactForCubics() {
        let integral = Numerics.simpson(from: 0, to: 2, panels: 4) { x in x * x * x - x + 1 }
        #expect(abs(integral - 4) < 1e-13)
    }

    @Test func gaussianEliminationSolvesWithPivoting() throws {
        let x = try #require(Numerics.solve([[0, 2, 1], [1, 1, 1], [2, 1, 0]], [5, 4, 4]))
        for (value, expected) in zip(x, [1.0, 2.0, 1.0]) { #expect(abs(value - expected) < 1e-12) }
        #expect(Numerics.solve([[1, 2], [2, 4]], [1, 2]) == nil)
    }
}
