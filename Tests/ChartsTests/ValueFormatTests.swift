import Testing
@testable import Charts

@Suite struct ValueFormatTests {
    @Test func binaryArtefactsAreRoundedAway() {
        #expect(ValueFormat.number.string(for: 0.1 + 0.2) == "0.3")
        #expect(ValueFormat.percent.string(for: 0.1 + 0.2) == "30%")
        #expect(ValueFormat.multiple.string(for: 0.1 + 0.2) == "0.3×")
    }

    @Test(arguments: ValueFormat.allCases) func negativeZeroHasNoSign(_ format: ValueFormat) {
        let text = format.string(for: -0.0)
        #expect(!text.contains("-") && !text.contains("\u{2212}"))
    }

    @Test func negativeZeroPrintsAsPlainZero() {
        #expect(ValueFormat.number.string(for: -0.0) == "0")
        #expect(ValueFormat.number.string(for: -0.0000001) == "0")
        #expect(ValueFormat.month.string(for: -0.0) == "0")
    }

    @Test func percentTakesFractions() {
        #expect(ValueFormat.percent.string(for: 0.3) == "30%")
        #expect(ValueFormat.percent.string(for: 0.125) == "12.5%")
        #expect(ValueFormat.percent.string(for: -0.05) == "\u{2212}5%")
    }

    @Test func dollarFormatsUseUnitSuffixes() {
        #expect(ValueFormat.usdBillions.string(for: 120) == "$120B")
        #expect(ValueFormat.usdBillions.string(for: 1200) == "$1,200B")
        #expect(ValueFormat.usdBillions.string(for: -5) == "\u{2212}$5B")
        #expect(ValueFormat.usdTrillions.string(for: 1.5) == "$1.5T")
    }

    @Test func durationsSayYears() {
        #expect(ValueFormat.years.string(for: 2.5) == "2.5 yrs")
        #expect(ValueFormat.years.string(for: 3) == "3 yrs")
        #expect(ValueFormat.years.string(for: 1) == "1 yr")
    }

    @Test func calendarYearsHaveNoSeparatorAndFractionsNameTheMonth() {
        #expect(ValueFormat.year.string(for: 2024) == "2024")
        #expect(ValueFormat.year.string(for: 2022.9) == "Nov 2022")
        #expect(ValueFormat.year.string(for: 2000.0) == "2000")
        #expect(ValueFormat.year.string(for: 2007.75) == "Oct 2007")
    }

    @Test func monthsFromPeakCarryASign() {
        #expect(ValueFormat.month.string(for: -12) == "\u{2212}12")
        #expect(ValueFormat.month.string(for: 24) == "+24")
        #expect(ValueFormat.month.string(for: 0) == "0")
    }

    @Test func multiplesAndNumbers() {
        #expect(ValueFormat.multiple.string(for: 1.2) == "1.2×")
        #expect(ValueFormat.number.string(for: 12345) == "12,345")
        #expect(ValueFormat.number.string(for: 1_234_567.891) == "1,234,568")
        #expect(ValueFormat.number.string(for: -0.0123) == "\u{2212}0.0123")
    }

    @Test func nonFiniteValuesPrintAsDash() {
        #expect(ValueFormat.number.string(for: .nan) == "–")
        #expect(ValueFormat.usdBillions.string(for: .infinity) == "–")
    }

    @Test(arguments: [0.0, -0.0, 0.04, -0.04, .nan, .infinity]) func svgNumberNearZeroOrNonFiniteIsZero(_ value: Double) {
        #expect(svgNumber(value) == "0")
    }

    @Test func svgNumberKeepsOneDecimalWithoutTrailingZeros() {
        #expect(svgNumber(0.1 + 0.2) == "0.3")
        #expect(svgNumber(12.5) == "12.5")
        #expect(svgNumber(-3.14159) == "-3.1")
        #expect(svgNumber(720) == "720")
        #expect(svgNumber(0.05) == "0.1")
        #expect(svgNumber(19.96) == "20")
    }
}
