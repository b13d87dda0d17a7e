/// A day of the proleptic Gregorian calendar, for dating observations (monthly data use day 1).
public struct CalendarDate: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int = 1) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Hinnant's days-from-civil algorithm).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// One dated value of a price series.
public struct Observation: Sendable, Equatable {
    public var date: CalendarDate
    public var value: Double

    public init(_ date: CalendarDate, _ value: Double) {
        self.date = date
        self.value = value
    }
}

/// A price series re-indexed to 100 at its peak, with x = months from the peak (M7b).
public struct AlignedEpisode: Sendable, Equatable {
    public var peak: Observation
    public var trough: Observation
    /// Months from the peak to the trough (same rule as `x`).
    public var monthsToTrough: Double
    /// Fall from peak to trough as a fraction (0.892 = −89.2 %).
    public var fall: Double
    /// Months from the peak, increasing.
    public var x: [Double]
    /// 100 × value / peak value.
    public var y: [Double]
}

/// M7b: finds a bubble's peak and trough in a search window and aligns the series at the peak.
public enum PeakAlignment {
    /// Days in an average Gregorian month (365.2425 / 12).
    public static let daysPerMonth = 30.436875

    /// How observations are spaced, which decides how "months from the peak" is measured.
    public enum Sampling: Sendable {
        /// x = (days from the peak) / 30.436875.
        case daily
        /// x = whole-month difference.
        case monthly
    }

    /// Months from `peak` to `date`: fractional for daily data, whole months for monthly data.
    public static func months(from peak: CalendarDate, to date: CalendarDate, sampling: Sampling) -> Double {
        switch sampling {
        case .daily: Double(date.dayNumber - peak.dayNumber) / daysPerMonth
        case .monthly: Double((date.year - peak.year) * 12 + date.month - peak.month)
        }
    }

    /// Peak = the maximum within `search` (earliest if tied); trough = the minimum after the peak within `search`.
    ///
    /// Observations are sorted by date and non-finite values skipped. The returned series covers the months from
    /// the peak within `window`; with `thinEvery` = n it keeps every n-th observation counted from the peak, plus
    /// the trough and both ends of the window. Returns nil when no observation falls in `search`.
    public static func align(_ observations: [Observation], search: ClosedRange<CalendarDate>, sampling: Sampling,
                             window: ClosedRange<Double> = -36...60, thinEvery: Int? = nil) -> AlignedEpisode? {
        let data = observations.filter { $0.value.isFinite }.sorted { $0.date < $1.date }
        let inSearch = data.indices.filter { search.contains(data[$0].date) }
        guard let first = inSearch.first else { return nil }
        var peakIndex = first
        for i in inSearch where data[i].value > data[peakIndex].value { peakIndex = i }
        var troughIndex = peakIndex
        for i in inSearch where i > peakIndex && data[i].value < data[troughIndex].value { troughIndex = i }
        let peak = data[peakIndex], trough = data[troughIndex]

        let inWindow = data.indices.filter {
            window.contains(months(from: peak.date, to: data[$0].date, sampling: sampling))
        }
        var kept = inWindow
        if let step = thinEvery, step > 1, let low = inWindow.first, let high = inWindow.last {
            kept = inWindow.filter { i in
                (i - peakIndex) % step == 0 || i == troughIndex || i == low || i == high
            }
        }
        return AlignedEpisode(
            peak: peak, trough: trough,
            monthsToTrough: months(from: peak.date, to: trough.date, sampling: sampling),
            fall: 1 - trough.value / peak.value,
            x: kept.map { months(from: peak.date, to: data[$0].date, sampling: sampling) },
            y: kept.map { i in i == peakIndex ? 100 : 100 * data[i].value / peak.value })
    }
}
