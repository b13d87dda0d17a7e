import Testing
@testable import Simulation

@Suite struct PeakAlignmentTests {
    /// Daily closes from 2000-01-01: rises to a peak on day 100 (value 200), falls to 40 on day 420, recovers.
    static let daily: [Observation] = (0..<1200).map { day in
        let value: Double = day <= 100 ? 100 + Double(day) : (day <= 420 ? 200 - 0.5 * Double(day - 100) : 40 + 0.05 * Double(day - 420))
        return Observation(CalendarDate(2000, 1, 1).adding(days: day), value)
    }

    @Test func dayNumbersFollowTheGregorianCalendar() {
        #expect(CalendarDate(1970, 1, 1).dayNumber == 0)
        #expect(CalendarDate(2000, 3, 1).dayNumber - CalendarDate(2000, 2, 28).dayNumber == 2)
        #expect(CalendarDate(1900, 3, 1).dayNumber - CalendarDate(1900, 2, 28).dayNumber == 1)
        #expect(CalendarDate(2002, 10, 9).dayNumber - CalendarDate(2000, 3, 10).dayNumber == 943)
        #expect(CalendarDate(1929, 9, 3).description == "1929-09-03")
    }

    @Test func findsPeakAndLaterTroughInTheSearchWindow() throws {
        let episode = try #require(PeakAlignment.align(Self.daily, search: CalendarDate(2000, 1, 1)...CalendarDate(2003, 12, 31),
                                                       sampling: .daily))
        #expect(episode.peak == Observation(CalendarDate(2000, 1, 1).adding(days: 100), 200))
        #expect(episode.trough == Observation(CalendarDate(2000, 1, 1).adding(days: 420), 40))
        #expect(abs(episode.fall - 0.8) < 1e-12)
        #expect(abs(episode.monthsToTrough - 320 / 30.436875) < 1e-12)
    }

    @Test func troughIsTheMinimumAfterThePeakEvenWhenEarlierValuesAreLower() throws {
        let values: [Double] = [10, 50, 100, 60, 30, 45, 35, 80]
        let monthly = values.enumerated().map { Observation(CalendarDate(2001, 1 + $0.offset), $0.element) }
        let episode = try #require(PeakAlignment.align(monthly, search: CalendarDate(2001, 1)...CalendarDate(2001, 12), sampling: .monthly))
        #expect(episode.peak.date == CalendarDate(2001, 3) && episode.trough.date == CalendarDate(2001, 5))
        #expect(episode.x == [-2, -1, 0, 1, 2, 3, 4, 5])
        #expect(episode.monthsToTrough == 2)
    }

    @Test func searchWindowLimitsPeakAndTrough() throws {
        let narrow = try #require(PeakAlignment.align(Self.daily, search: CalendarDate(2000, 1, 1)...CalendarDate(2000, 10, 31),
                                                      sampling: .daily))
        #expect(narrow.peak.value == 200)
        #expect(narrow.trough.date == CalendarDate(2000, 10, 31))
        #expect(PeakAlignment.align(Self.daily, search: CalendarDate(1990, 1, 1)...CalendarDate(1990, 12, 31), sampling: .daily) == nil)
    }

    @Test func alignedSeriesIsOneHundredAtThePeakAndIncreasingInX() throws {
        let episode = try #require(PeakAlignment.align(Self.daily, search: CalendarDate(2000, 1, 1)...CalendarDate(2003, 12, 31),
                                                       sampling: .daily, window: -2...20))
        let peak = try #require(episode.x.firstIndex(of: 0))
        #expect(episode.y[peak] == 100)
        for i in 1..<episode.x.count { #expect(episode.x[i] > episode.x[i - 1]) }
        #expect(episode.x.first! >= -2 && episode.x.last! <= 20)
        #expect(episode.x.first! < -1.9 && episode.x.last! > 19.9)
        #expect(episode.y.allSatisfy { $0 <= 100 })
    }

    @Test func monthlyDataUseWholeMonthDifferences() {
        #expect(PeakAlignment.months(from: CalendarDate(2006, 7), to: CalendarDate(2012, 2), sampling: .monthly) == 67)
        #expect(PeakAlignment.months(from: CalendarDate(2006, 7), to: CalendarDate(2003, 7), sampling: .monthly) == -36)
        #expect(PeakAlignment.months(from: CalendarDate(2000, 3, 10), to: CalendarDate(2000, 4, 10), sampling: .daily) == 31 / 30.436875)
    }

    @Test func thinningKeepsEveryFifthPointThePeakAndTheTrough() throws {
        let search = CalendarDate(2000, 1, 1)...CalendarDate(2003, 12, 31)
        let full = try #require(PeakAlignment.align(Self.daily, search: search, sampling: .daily))
        // Move the trough off the grid of every 5th day from the peak.
        var shifted = Self.daily
        shifted[422] = Observation(shifted[422].date, 39)
        let thin = try #require(PeakAlignment.align(shifted, search: search, sampling: .daily, thinEvery: 5))
        #expect(thin.trough.value == 39)
        #expect(thin.x.contains(0) && thin.y[thin.x.firstIndex(of: 0)!] == 100)
        #expect(thin.x.contains(thin.monthsToTrough))
        #expect(thin.y.contains(39 / 2))
        #expect(thin.x.count < full.x.count / 4)
        #expect(thin.x.first == full.x.first && thin.x.last == full.x.last)
        for i in 1..<thin.x.count { #expect(thin.x[i] > thin.x[i - 1]) }
    }

    @Test func unsortedInputAndNonFiniteValuesAreHandled() throws {
        var values = Self.daily.reversed().map { $0 }
        values.append(Observation(CalendarDate(2000, 6, 1), .nan))
        let episode = try #require(PeakAlignment.align(values, search: CalendarDate(2000, 1, 1)...CalendarDate(2003, 12, 31),
                                                       sampling: .daily))
        #expect(episode.peak.value == 200 && episode.trough.value == 40)
        #expect(episode.y.allSatisfy { $0.isFinite })
    }
}

extension CalendarDate {
    /// The date `days` later (test helper: steps one day at a time).
    func adding(days: Int) -> CalendarDate {
        var date = self
        for _ in 0..<days {
            let nextMonth = date.month == 12 ? CalendarDate(date.year + 1, 1) : CalendarDate(date.year, date.month + 1)
            let daysInMonth = nextMonth.dayNumber - CalendarDate(date.year, date.month).dayNumber
            date = date.day < daysInMonth ? CalendarDate(date.year, date.month, date.day + 1) : nextMonth
        }
        return date
    }
}
