import Foundation
import Testing
@testable import Charts

@Suite struct TicksTests {
    @Test(arguments: [(0.1, 0.1), (3.0, 5.0), (0.23, 0.5), (14.0, 20.0), (1.0, 1.0), (0.0007, 0.001)])
    func niceStepsAreOneTwoFive(_ raw: Double, _ expected: Double) {
        #expect(abs(Ticks.niceStep(raw, format: .number) - expected) < 1e-12)
    }

    /// Each grid line of a log axis is ten times the one below it, never a hundred (the prose says "each step is
    /// ten times"), however many powers of ten the axis spans.
    /// A ratio axis whose fixed ends are whole doublings apart, through a power of ten, is labelled at every doubling,
    /// its ends too (review 12b: Fig 3.4's 25–400 axis labelled only 50, 100 and 200). Other fixed ends keep 1-2-5.
    @Test func aRatioAxisOfWholeDoublingsIsLabelledAtEachDoubling() {
        let ratio = Ticks.log(dataMin: 30, dataMax: 300, fixedMin: 25, fixedMax: 400, target: 5, format: .number)
        #expect(ratio.ticks.map(\.value) == [25, 50, 100, 200, 400])
        #expect(ratio.ticks.map(\.label) == ["25", "50", "100", "200", "400"])
        let other = Ticks.log(dataMin: 30, dataMax: 300, fixedMin: 20, fixedMax: 500, target: 5, format: .number)
        #expect(other.ticks.map(\.value) == [20, 50, 100, 200, 500])
    }

    @Test(arguments: [(0.0001, 1.0), (0.000001, 1.0), (0.001, 100.0)])
    func logAxesHaveAGridLineAtEveryPowerOfTen(_ lo: Double, _ hi: Double) {
        let axis = Ticks.log(dataMin: lo, dataMax: hi, fixedMin: lo, fixedMax: hi, target: 5, format: .fraction)
        let values = axis.ticks.map(\.value)
        #expect(values.count == Int((log10(hi / lo)).rounded()) + 1)
        #expect(zip(values, values.dropFirst()).allSatisfy { abs($1 / $0 - 10) < 1e-9 })
    }

    @Test func linearAxisRoundsOutToNiceBounds() {
        let axis = Ticks.linear(dataMin: 0, dataMax: 97, fixedMin: nil, fixedMax: nil, target: 5, format: .number)
        #expect(axis.lo == 0 && axis.hi == 100)
        #expect(axis.ticks.map(\.label) == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func tickLabelsNeverShowBinaryArtefacts() {
        let axis = Ticks.linear(dataMin: 0, dataMax: 0.7, fixedMin: nil, fixedMax: nil, target: 7, format: .number)
        #expect(axis.ticks.map(\.label) == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test func fractionTicksUseDisplayDecimals() {
        let axis = Ticks.linear(dataMin: 0, dataMax: 0.05, fixedMin: nil, fixedMax: nil, target: 5, format: .fraction)
        #expect(axis.ticks.map(\.label) == ["0", "1", "2", "3", "4", "5"].map { $0 == "0" ? $0 : $0 + "\u{202F}%" })
    }

    @Test func fixedBoundsAreKept() {
        let axis = Ticks.linear(dataMin: 0.2, dataMax: 0.4, fixedMin: 0, fixedMax: 1, target: 5, format: .fraction)
        #expect(axis.lo == 0 && axis.hi == 1)
        #expect(axis.ticks.first?.label == "0" && axis.ticks.last?.label == "100\u{202F}%")
    }

    @Test func aTightAxisEndsAtTheData() {
        let axis = Ticks.linear(dataMin: 2025, dataMax: 2049, fixedMin: nil, fixedMax: nil, target: 5, format: .year, tight: true)
        #expect(axis.lo == 2025 && axis.hi == 2049)
        #expect(axis.ticks.allSatisfy { $0.value >= 2025 && $0.value <= 2049 })
    }

    @Test func axesReachTheirIncludedValues() throws {
        let options = AxisOptions(include: [0, 80])
        let axis = try Ticks.axis(options, values: [58, 60.5], axis: .y, target: 5, includeZero: false)
        #expect(axis.lo == 0 && axis.hi >= 80)
    }

    @Test func logAxesHaveAGridLineAtEveryPowerOfTen() {
        let axis = Ticks.log(dataMin: 1e-6, dataMax: 1, fixedMin: 1e-6, fixedMax: 1, target: 3, format: .fraction)
        #expect(axis.ticks.count == 7)
        for (a, b) in zip(axis.ticks, axis.ticks.dropFirst()) { #expect(abs(b.value / a.value - 10) < 1e-9) }
    }

    @Test func calendarAxesOverTwoYearsTickWholeYears() {
        let axis = Ticks.linear(dataMin: 2025, dataMax: 2028, fixedMin: nil, fixedMax: nil, target: 6, format: .year)
        #expect(axis.ticks.map(\.label) == ["2025", "2026", "2027", "2028"])
    }

    @Test func monthAxesUseCalendarSteps() {
        let axis = Ticks.linear(dataMin: -24, dataMax: 120, fixedMin: nil, fixedMax: nil, target: 6, format: .months)
        let step = axis.ticks[1].value - axis.ticks[0].value
        #expect([12.0, 24, 36, 60].contains(step))
        #expect(axis.ticks.contains { $0.label == "0" })
    }

    @Test func logAxisTicksAtPowersOfTen() {
        let axis = Ticks.log(dataMin: 3, dataMax: 4000, fixedMin: nil, fixedMax: nil, target: 5, format: .number)
        #expect(axis.lo == 1 && axis.hi == 10000)
        #expect(axis.ticks.map(\.label) == ["1", "10", "100", "1,000", "10,000"])
    }

    @Test func shortLogAxisAddsTwosAndFives() {
        let axis = Ticks.log(dataMin: 2, dataMax: 40, fixedMin: nil, fixedMax: nil, target: 5, format: .number)
        #expect(axis.ticks.map(\.label) == ["1", "2", "5", "10", "20", "50", "100"])
    }

    @Test func degenerateRangeStillGivesTicks() {
        let axis = Ticks.linear(dataMin: 5, dataMax: 5, fixedMin: nil, fixedMax: nil, target: 5, format: .number)
        #expect(axis.lo < 5 && axis.hi > 5 && axis.ticks.count >= 2)
    }

    @Test func horizontalTickLabelsDoNotOverlap() throws {
        let options = AxisOptions(format: .usdBillions)
        let axis = try Ticks.horizontal(options, values: [0, 123_456], axis: .x, length: 300, includeZero: true)
        let scale = axis.scale(from: 0, to: 300)
        let positions = axis.ticks.compactMap { scale.position($0.value) }
        let widest = axis.ticks.map { TextMetrics.width($0.label, size: Theme.tickFont) }.max() ?? 0
        for (a, b) in zip(positions, positions.dropFirst()) { #expect(b - a >= widest) }
    }

    @Test func endLabelsAreSpreadApartWithinTheirRange() {
        let spread = EndLabels.spread([100, 100, 100, 300], top: 0, bottom: 400)
        #expect(spread == [100, 117, 134, 300])
        let atBottom = EndLabels.spread([395, 398], top: 0, bottom: 400)
        #expect(atBottom == [383, 400])
        // A two-line label keeps a line's spacing from each neighbour: centres 25.5 apart, not 17.
        #expect(EndLabels.spread([100, 100], top: 0, bottom: 400, lines: [2, 1]) == [100, 125.5])
    }
}

@Suite struct LabelWrapping {
    @Test func hyphenatedWordsBreakAfterTheHyphen() {
        let lines = TextMetrics.wrap("private-credit funds", to: 70, size: 14, maxLines: 3)
        #expect(lines == ["private-", "credit", "funds"])
    }

    @Test func labelsThatFitStayOnOneLine() {
        #expect(TextMetrics.wrap("hedge funds", to: 200, size: 14, maxLines: 2) == ["hedge funds"])
    }

    @Test func aLoneHyphenIsNotABreak() {
        #expect(TextMetrics.breakableWords("a - b").map(\.word) == ["a", "-", "b"])
    }
}
