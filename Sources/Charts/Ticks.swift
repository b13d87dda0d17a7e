import Foundation

/// One labelled tick.
struct Tick: Equatable {
    var value: Double
    var label: String
}

/// A value axis: domain (after "nice" rounding), scale type and ticks.
struct ValueAxis: Equatable {
    var type: ScaleType
    var lo: Double
    var hi: Double
    var ticks: [Tick]

    /// The scale mapping this axis onto pixels `from` → `to`.
    func scale(from: Double, to: Double) -> ContinuousScale {
        ContinuousScale(type: type, lo: lo, hi: hi, from: from, to: to)
    }
}

/// "Nice" tick selection: 1-2-5 steps for linear axes, powers of ten (plus 2 and 5) for log axes.
enum Ticks {
    /// The smallest 1-2-5 step (×10ⁿ) at least `raw`; calendar formats use calendar-friendly steps, counts and whole
    /// currencies whole steps.
    static func niceStep(_ raw: Double, format: ValueFormat) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        switch format {
        case .year:
            for step in [1.0 / 12, 0.25, 0.5, 1, 2, 5, 10, 20, 25, 50] where step >= raw * (1 - 1e-9) { return step }
            return oneTwoFive(raw)
        case .months:
            for step in [1.0, 2, 3, 6, 12, 24, 36, 60] where step >= raw * (1 - 1e-9) { return step }
            return 12 * oneTwoFive(raw / 12)
        case .count:
            return Swift.max(1, oneTwoFive(raw))
        case .money(let currency, .units) where currency.minorDigits == 0:
            // Yen and won print whole: a tick between two whole amounts would repeat its neighbour's label.
            return Swift.max(1, oneTwoFive(raw))
        default:
            return oneTwoFive(raw)
        }
    }

    static func oneTwoFive(_ raw: Double) -> Double {
        let power = pow(10, floor(log10(raw)))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-9) { return multiple * power }
        return 10 * power
    }

    /// A linear axis over `values` (and `fixed` bounds when given) with about `target` intervals.
    ///
    /// A `tight` axis ends at the data (an x axis: the lines fill the plot); otherwise the ends round out to ticks.
    static func linear(dataMin: Double, dataMax: Double, fixedMin: Double?, fixedMax: Double?,
                       target: Int, format: ValueFormat, tight: Bool = false,
                       numbers: ChartLanguage.Numbers = .english) -> ValueAxis {
        var lo = fixedMin ?? dataMin, hi = fixedMax ?? dataMax
        if hi - lo <= abs(hi) * 1e-12 {
            let pad = format == .year ? 1 : (lo == 0 ? 1 : abs(lo) * 0.1)
            if fixedMin == nil { lo -= pad }
            if fixedMax == nil || fixedMin != nil { hi = max(hi, lo) + (fixedMin == nil ? 2 * pad : pad) }
            if hi <= lo { hi = lo + pad }
        }
        var step = niceStep((hi - lo) / Double(max(1, target)), format: format)
        // Calendar axes spanning two years or more tick on whole years only.
        if format == .year, hi - lo >= 2 { step = max(step, 1) }
        let niceLo = fixedMin ?? (tight ? lo : floor(lo / step + 1e-9) * step)
        let niceHi = fixedMax ?? (tight ? hi : ceil(hi / step - 1e-9) * step)
        var ticks: [Tick] = []
        let firstIndex = ceil(niceLo / step - 1e-9), lastIndex = floor(niceHi / step + 1e-9)
        // Absurd magnitudes (a model that blew up) get no ticks rather than an integer overflow.
        guard abs(firstIndex) < 1e15, abs(lastIndex) < 1e15 else { return ValueAxis(type: .linear, lo: niceLo, hi: niceHi, ticks: []) }
        let first = Int(firstIndex), last = Int(lastIndex)
        if last >= first, last - first <= 1000 {
            let values = (first...last).map { Double($0) * step }
            ticks = zip(values, format.tickLabels(values, step: step, numbers: numbers)).map { Tick(value: $0, label: $1) }
        }
        return ValueAxis(type: .linear, lo: niceLo, hi: niceHi, ticks: ticks)
    }

    /// A log axis (all inputs > 0) with a tick and grid line at every power of ten (so each step up is ten times the
    /// last), adding 2 and 5 multiples on short ranges; labels are thinned later if they would touch.
    static func log(dataMin: Double, dataMax: Double, fixedMin: Double?, fixedMax: Double?,
                    target: Int, format: ValueFormat, tight: Bool = false,
                    numbers: ChartLanguage.Numbers = .english) -> ValueAxis {
        var lo = fixedMin ?? (tight ? dataMin : pow(10, floor(log10(dataMin) + 1e-9)))
        var hi = fixedMax ?? (tight ? dataMax : pow(10, ceil(log10(dataMax) - 1e-9)))
        if hi <= lo { if fixedMax == nil { hi = lo * 10 } else { lo = hi / 10 } }
        let firstPower = Int(floor(log10(lo) - 1e-9)), lastPower = Int(ceil(log10(hi) + 1e-9))
        let decades = log10(hi / lo)
        let multiples: [Double] = decades <= 2 + 1e-9 ? [1, 2, 5] : decades <= 3 + 1e-9 ? [1, 3] : [1]
        var values: [Double] = []
        // Bounds a whole number of doublings apart, one of them a step from a power of ten (25 to 400: 25, 50, 100, 200,
        // 400): a tick at every doubling, so the axis's ends are labelled too (Fig 3.4's ratio scale showed 50, 100
        // and 200 only, on an axis from 25 to 400).
        let doublings = log2(hi / lo)
        let doubling = fixedMin != nil && fixedMax != nil && doublings >= 2 && doublings <= 8 && abs(doublings - doublings.rounded()) < 1e-9
            && (0...Int(doublings.rounded())).contains { step in
                let value = log10(lo * pow(2, Double(step)))
                return abs(value - value.rounded()) < 1e-9
            }
        if doubling { values = (0...Int(doublings.rounded())).map { lo * pow(2, Double($0)) } }
        for power in firstPower...lastPower where !doubling {
            for multiple in multiples {
                let value = multiple * pow(10, Double(power))
                guard value >= lo * (1 - 1e-9), value <= hi * (1 + 1e-9) else { continue }
                values.append(value)
            }
        }
        let ticks = zip(values, format.tickLabels(values, step: nil, numbers: numbers)).map { Tick(value: $0, label: $1) }
        return ValueAxis(type: .log, lo: lo, hi: hi, ticks: ticks)
    }

    /// Builds an axis for `values` after checking the options; `includeZero` pulls a linear domain to 0.
    static func axis(_ options: AxisOptions, values: [Double], axis name: AnnotationAxis,
                     target: Int, includeZero: Bool, tight: Bool = false,
                     numbers: ChartLanguage.Numbers = .english) throws(ChartError) -> ValueAxis {
        let finite = (values + options.include).filter(\.isFinite)
        if let min = options.min, let max = options.max, !(min < max) || !min.isFinite || !max.isFinite {
            throw .invalidAxisRange(axis: name, min: min, max: max)
        }
        if let bad = [options.min, options.max].compactMap({ $0 }).first(where: { !$0.isFinite }) {
            throw .invalidAxisRange(axis: name, min: bad, max: bad)
        }
        var dataMin = finite.min() ?? 0, dataMax = finite.max() ?? 1
        if let min = options.min { dataMax = Swift.max(dataMax, min) }
        if let max = options.max { dataMin = Swift.min(dataMin, max) }
        if options.scale == .log {
            if let bad = finite.first(where: { $0 <= 0 }) { throw .nonPositiveOnLogScale(axis: name, value: bad) }
            if let bad = [options.min, options.max].compactMap({ $0 }).first(where: { $0 <= 0 }) {
                throw .nonPositiveOnLogScale(axis: name, value: bad)
            }
            return log(dataMin: dataMin, dataMax: dataMax, fixedMin: options.min, fixedMax: options.max,
                       target: target, format: options.format, tight: tight, numbers: numbers)
        }
        if includeZero {
            dataMin = Swift.min(dataMin, 0)
            dataMax = Swift.max(dataMax, 0)
        }
        return linear(dataMin: dataMin, dataMax: dataMax, fixedMin: options.min, fixedMax: options.max,
                      target: target, format: options.format, tight: tight, numbers: numbers)
    }

    /// A horizontal axis whose tick labels do not overlap within `length` px; a `tight` one ends at the data.
    static func horizontal(_ options: AxisOptions, values: [Double], axis name: AnnotationAxis,
                           length: Double, includeZero: Bool, tight: Bool = false,
                           numbers: ChartLanguage.Numbers = .english) throws(ChartError) -> ValueAxis {
        var target = max(2, Int((length / 80).rounded()))
        while true {
            let axis = try self.axis(options, values: values, axis: name, target: target, includeZero: includeZero,
                                     tight: tight, numbers: numbers)
            let widest = axis.ticks.map { TextMetrics.width($0.label, size: Theme.tickFont) }.max() ?? 0
            let scale = axis.scale(from: 0, to: length)
            let positions = axis.ticks.compactMap { scale.position($0.value) }
            let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }
            if target <= 1 || (gaps.min() ?? length) >= widest + 12 { return axis }
            target -= 1
        }
    }
}
