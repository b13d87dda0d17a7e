import Foundation
import Testing
@testable import Simulation

@Suite struct NumberFormattingTests {
    @Test func zeroAndNegativeZeroPrintAsZero() {
        #expect(formatNumber(0) == "0")
        #expect(formatNumber(-0.0) == "0")
        #expect(formatNumber(-0.0, significantDigits: 15) == "0")
    }

    @Test func subnormalsPrintTheirCorrectlyRoundedDigitsAtEveryPrecision() {
        // Expected digits from Python's correctly rounded '%.Ne' (an independent implementation).
        let smallest: [Int: String] = [1: "5e-324", 6: "4.94066e-324", 10: "4.940656458e-324",
                                       15: "4.94065645841247e-324", 17: "4.9406564584124654e-324"]
        for (digits, expected) in smallest {
            #expect(formatNumber(.leastNonzeroMagnitude, significantDigits: digits) == expected)
            #expect(formatNumber(-.leastNonzeroMagnitude, significantDigits: digits) == "-" + expected)
        }
        #expect(formatNumber(1e-318) == "9.99999e-319")  // 1e-318 is not a Double; its nearest is 9.99999…e-319
        #expect(formatNumber(1e-310, significantDigits: 10) == "1e-310")
        #expect(formatNumber(9e-322) == "8.99199e-322")  // the Vasicek density tail the audit found (a multiple of 2^-1074)
        #expect(formatNumber(4.753297635e-315, significantDigits: 10) == "4.753297635e-315")
        #expect(formatNumber(Double.leastNormalMagnitude, significantDigits: 15) == "2.2250738585072e-308")
        #expect(formatNumber(Double.leastNonzeroMagnitude * 3, significantDigits: 15) == "1.48219693752374e-323")
    }

    @Test func theLargestFiniteValuesPrintInScientificNotation() {
        #expect(formatNumber(.greatestFiniteMagnitude) == "1.79769e+308")
        #expect(formatNumber(-.greatestFiniteMagnitude, significantDigits: 15) == "-1.79769313486232e+308")
        #expect(formatNumber(9.2e18) == "9200000000000000000")
        #expect(formatNumber(1e21) == "1e+21")
    }

    @Test func nanAndInfinitiesHaveWords() {
        #expect(formatNumber(.nan) == "NaN")
        #expect(formatNumber(.infinity) == "inf")
        #expect(formatNumber(-.infinity) == "-inf")
    }

    @Test func ordinaryValuesKeepTheirLayout() {
        #expect(formatNumber(0.0132135) == "0.0132135")
        #expect(formatNumber(2.2931864, significantDigits: 8) == "2.2931864")
        #expect(formatNumber(1.5e-8) == "1.5e-08")
        #expect(formatNumber(999_999.5) == "1000000")
        #expect(formatNumber(0.000001) == "0.000001")
        #expect(formatNumber(-123.456, significantDigits: 4) == "-123.5")
        #expect(formatNumber(2024) == "2024")
    }

    @Test func randomBitPatternsNeverTrapAndRoundTripAtSeventeenDigits() {
        var generator = RandomGenerator(seed: 42)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            let text = formatNumber(value, significantDigits: 17)
            if value.isNaN { #expect(text == "NaN"); continue }
            if value.isInfinite { continue }
            #expect(Double(text) == (value == 0 ? 0 : value), "\(value.bitPattern) printed as \(text)")
            #expect(!formatNumber(value).isEmpty)
        }
    }
}
