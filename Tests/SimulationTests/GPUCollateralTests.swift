import Testing
@testable import Simulation

@Suite struct GPUCollateralTests {
    @Test func crossingTimesMatchReferenceValues() throws {
        let output = try GPUCollateral.run()
        let expected: [(String, Double)] = [("sl.T3", 1.0), ("sl.T4", 1.7142857), ("sl.T5.5", 4.125), ("exp", 1.4283535)]
        for (suffix, time) in expected {
            let crossing = try #require(output.scalars["crossing.\(suffix)"])
            #expect(abs(crossing - time) < 1e-6, "crossing.\(suffix) = \(crossing)")
        }
        #expect(output.scalars["crossing.sl.T6"] == nil)
        #expect(abs(output.scalars["exit.exp"]! - 4.3243645) < 1e-6)
        #expect(abs(output.scalars["exit.sl.T3"]! - 6.0) < 1e-6)
    }
}
