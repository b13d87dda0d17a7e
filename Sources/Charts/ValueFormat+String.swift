import Foundation

/// The narrow no-break space (U+202F) that joins a number to its unit ("30 %", "$5 B"), so they never part at a line end.
let unitSpace = "\u{202F}"

extension ValueFormat {
    /// Formats one value for a label (about three significant digits, "−" for negatives, never "-0").
    ///
    /// `fraction` 0.3 → "30 %", `percent` 30 → "30 %", `usd-bn` 120 → "$120 B" (1,300 → "$1.3 T"), `usd-tn` → "$1.5 T",
    /// `usd` 2.5 → "$2.50", `years` 2.5 → "2.5 years" (0.25 → "3 months"), `year` 2024 → "2024" (2022.9 → "Nov 2022"),
    /// `months` → "−12" / "+24", `multiple` → "1.2×", `number` and `count` → "12,345". Other currencies print as the
    /// dollar does with their own symbol (`gbp` → "£2.50", `eur-bn` → "€120 B", `chf` → "CHF 2.50"); the yen and the
    /// won in whole units (`jpy` 2.5 → "¥3"). Units follow a narrow no-break space.
    public func string(for value: Double, numbers: ChartLanguage.Numbers = .english) -> String {
        labels(for: [value], significant: 3, numbers: numbers)[0]
    }

    /// Labels for values shown together (the bars of one chart, a category table): one number of decimals for all
    /// of them, zero included, chosen from the data's range.
    ///
    /// Data (three significant digits) keep the digits each value has, but the largest never shows more than one
    /// digit beyond three; stylised model outputs (two digits) get the decimals that give the largest two digits.
    /// Either way no non-zero value prints as zero. So $5 B beside $3.7 B prints "$5.0 B" and "$3.7 B", 1,200 beside
    /// 3.4 "1,200" and "3", and $1,400 B beside $800 B "$1.4 T" and "$0.8 T" (billions turn into trillions together,
    /// as the ticks do); only the whole keeps no decimals: 100 % beside 2.6 % prints "100 %" and "2.6 %"; model outputs 2.24 %, 0.604 % and exactly 0 print
    /// "2.2 %", "0.6 %" and "0 %", and 27.4 % beside 1.87 % "27 %" and "2 %".
    public func labels(for values: [Double], significant: Int = 3, numbers: ChartLanguage.Numbers = .english) -> [String] {
        // Billions switch to trillions together, as the axis ticks do: "$0.80 T" beside "$1.40 T", never "$800 B".
        // Chinese keeps each amount in its own word, as its press writes them side by side (8000億美元, 1.4兆美元).
        let inTrillions = isBillions && !numbers.isChinese && (values.filter(\.isFinite).map(abs).max() ?? 0) >= 999.5
        let parts = values.map { inTrillions && $0.isFinite ? (shown: $0 / 1000, unit: "T") : displayParts($0, numbers: numbers) }
        var shared: [String: Int] = [:]
        for unit in Set(parts.map(\.unit)) {
            let shown = parts.filter { $0.unit == unit }.map(\.shown).filter { $0.isFinite && $0 != 0 }.map(abs)
            guard let largest = shown.max(), let smallest = shown.min() else { continue }
            let needed = shown.map { Self.minimalDecimals($0, significant: significant) }.max() ?? 0
            let ceiling = Self.decimals(largest, significant: significant >= 3 ? significant + 1 : significant)
            // The smallest non-zero value prints as non-zero, where six decimals can show it.
            let visible = Self.decimals(smallest, significant: 1)
            let floor = Self.digits(smallest, decimals: visible, grouping: false).contains { $0 != "0" && $0 != "." } ? visible : 0
            shared[unit] = Swift.max(Swift.min(needed, ceiling), floor)
        }
        let monthly = holdsMonths(values)
        return zip(values, parts).map { value, part in
            if let label = oneByOne(value, part: part, monthly: monthly, significant: significant, numbers: numbers) { return label }
            // Labels share their decimals ("0.6 %" beside "2.2 %"), except exactly nothing and the whole: "0 %" and
            // "100 %" beside "2.6 %", as "0.0 %" reads as a small amount rounded away and "100.0 %" claims a
            // precision that all of something does not need.
            // (Amounts keep their decimals at zero, as a column of money does: "0.00" beside "2.15".)
            let share = self == .percent || self == .fraction
            let exact = share && (value == 0 || abs(part.shown) == 100)
            let decimals = exact && value == 0 ? 0 : shared[part.unit] ?? 0
            let padTo = exact ? 0 : decimals
            // Two significant digits (stylised model outputs) also round whole numbers: $147 B prints as $150 B.
            if significant <= 2 && self != .count {
                let shown = Self.rounded(part.shown, significant: significant)
                return compose(shown, decimals: decimals, padTo: padTo, unit: part.unit, tick: false, numbers: numbers)
            }
            return compose(part.shown, decimals: Self.decimalsBelowNextPower(part.shown, decimals: decimals), padTo: padTo,
                           unit: part.unit, tick: false, numbers: numbers)
        }
    }

    /// Labels for a long column (a data table's rows along x, which may span powers of ten on a log axis): the
    /// decimals the largest needs for `significant` digits, and each smaller value at least two significant digits,
    /// its trailing zeros kept ("6.0 %" and "0.40 %" beside "5.9 %").
    public func columnLabels(for values: [Double], significant: Int = 3, numbers: ChartLanguage.Numbers = .english) -> [String] {
        let parts = values.map { displayParts($0, numbers: numbers) }
        // Trailing zeros are kept only in a column that has fractions ("6.0 %" beside "5.9 %"); a column of whole
        // numbers (periods, rounds) stays whole: 5, not 5.0, beside 10.
        let hasFractions = parts.contains { $0.shown.isFinite && $0.shown != $0.shown.rounded() }
        var shared: [String: Int] = [:]
        for unit in Set(parts.map(\.unit)) {
            let shown = parts.filter { $0.unit == unit }.map(\.shown).filter { $0.isFinite && $0 != 0 }
            guard let largest = shown.map(abs).max() else { continue }
            let needed = shown.map { Self.minimalDecimals($0, significant: significant) }.max() ?? 0
            shared[unit] = Swift.min(Self.decimals(largest, significant: significant), needed)
        }
        let monthly = holdsMonths(values)
        // Amounts with cents show them all or none: "$12.00" beside "$1.70", never "$12".
        var cents: Int? = nil
        if case .money(let currency, .units) = self, currency.minorDigits > 0,
           zip(values, parts).contains(where: { value, part in
               value.isFinite && part.shown != 0 && Swift.max(shared[part.unit] ?? 0, Self.decimals(abs(part.shown), significant: 2)) > 0
           }) {
            cents = currency.minorDigits
        }
        return zip(values, parts).map { value, part in
            if let label = oneByOne(value, part: part, monthly: monthly, significant: significant, numbers: numbers) { return label }
            // A value too small for six decimals is not nothing: "<0.000001 %", never the "0 %" of an exact zero.
            if part.shown > 0, Self.digits(part.shown, decimals: 6, grouping: false).allSatisfy({ $0 == "0" || $0 == "." }) {
                return "<" + compose(1e-6, decimals: 6, padTo: 0, unit: part.unit, tick: false, padZero: false, numbers: numbers)
            }
            // Durations in years are read one by one ("2 months", "1.5 years", "6 years"): no padding to a common
            // number of decimals, which printed "6.000 years" under "2 months".
            let common = self == .years ? 0 : shared[part.unit] ?? 0
            let own = part.shown == 0 ? 0 : self == .years ? Self.minimalDecimals(part.shown, significant: significant)
                : cents ?? Swift.max(common, Self.decimals(abs(part.shown), significant: 2))
            // Each value keeps the decimals it is shown with, trailing zeros too: "6.0 %" beside "5.9 %", never "6 %".
            if significant <= 2 && self != .count {
                let shown = Self.rounded(part.shown, significant: significant)
                return compose(shown, decimals: own, padTo: hasFractions || cents != nil ? own : common, unit: part.unit, tick: false,
                               padZero: false, numbers: numbers)
            }
            return compose(part.shown, decimals: Self.decimalsBelowNextPower(part.shown, decimals: own), padTo: hasFractions || cents != nil ? own : common,
                           unit: part.unit, tick: false, padZero: false, numbers: numbers)
        }
    }

    /// Labels with `decimals` places each, trailing zeros kept ("91.3 %", "0.0 %", "8.7 %"): shares of one whole whose
    /// rows must add up to it, to within the last place. Exactly nothing and exactly all are whole: "0 %", "100 %".
    public func labels(for values: [Double], decimals: Int, numbers: ChartLanguage.Numbers = .english) -> [String] {
        values.map { value in
            guard value.isFinite else { return "–" }
            let part = displayParts(value, numbers: numbers)
            let exact = part.shown == 0 || ((self == .percent || self == .fraction) && abs(part.shown) == 100)
            // A share that rounds to nothing keeps its decimals ("0.0 %"): "0 %" is exactly nothing.
            return compose(part.shown, decimals: exact ? 0 : decimals, padTo: exact ? 0 : decimals, unit: part.unit, tick: false,
                           padZero: !exact, numbers: numbers)
        }
    }

    /// Labels for a table's key column (its x values: periods, rounds, a percentage fall, a correlation): each value
    /// exactly, with the fewest decimals that write every one of them (3 %, 6 %, 9 %, not 3.0 % beside 12 %; 0.02 …
    /// 0.12, not 0.020 beside 0.10). Values no three decimals write exactly, and dates and durations, are labelled
    /// as `columnLabels` labels them.
    public func keyLabels(for values: [Double], numbers: ChartLanguage.Numbers = .english) -> [String] {
        let exact: Bool = switch self { case .year, .months, .years: false; default: true }
        let parts = values.map { displayParts($0, numbers: numbers) }
        let shown = parts.map(\.shown).filter(\.isFinite)
        guard exact, !shown.isEmpty, let decimals = (0...3).first(where: { places in
            let scale = Foundation.pow(10, Double(places))
            return shown.allSatisfy { abs($0 * scale - ($0 * scale).rounded()) <= 1e-6 * Swift.max(1, abs($0 * scale)) }
        }) else { return columnLabels(for: values, significant: 4, numbers: numbers) }
        return zip(values, parts).map { value, part in
            guard value.isFinite else { return "–" }
            return compose(part.shown, decimals: decimals, padTo: decimals, unit: part.unit, tick: false, padZero: false,
                           numbers: numbers)
        }
    }

    /// Whether `values` are years some of which fall within a year (2022.9 is November 2022): monthly rows, among
    /// which January is written as a month too.
    public func holdsMonths(_ values: [Double]) -> Bool {
        self == .year && values.contains { $0.isFinite && abs($0 - $0.rounded()) > 1e-6 }
    }

    /// A label read on its own rather than with the others' decimals, if `value` is one: not finite ("–"), a year
    /// (among monthly rows, January is "Jan 1993", not a bare "1993" that reads as a year's value), whole months
    /// whole ("−36", never "−36.00" beside "+30.98"), or a duration under a year in months.
    private func oneByOne(_ value: Double, part: (shown: Double, unit: String), monthly: Bool, significant: Int,
                          numbers: ChartLanguage.Numbers) -> String? {
        guard value.isFinite else { return "–" }
        if self == .year {
            if monthly, abs(value - value.rounded()) < 1e-6, abs(value) < 1e15 {
                let year = value.rounded()
                return numbers.month(1, of: (year < 0 ? "\u{2212}" : "") + String(Int(abs(year))))
            }
            return Self.yearString(value, numbers: numbers)
        }
        if self == .months {
            let decimals = Swift.min(2, Self.minimalDecimals(part.shown, significant: significant))
            return compose(part.shown, decimals: decimals, padTo: 0, unit: part.unit, tick: false, padZero: false, numbers: numbers)
        }
        if self == .years { return Self.monthsText(value, numbers: numbers) }
        return nil
    }

    /// Labels for several series drawn in one chart (grouped or stacked bars, a table's columns): one number of
    /// decimals across all of them, as `labels(for:significant:)` chooses it for the values together.
    public func labels(forSeries series: [[Double]], significant: Int = 3,
                       numbers: ChartLanguage.Numbers = .english) -> [[String]] {
        var all = labels(for: series.flatMap { $0 }, significant: significant, numbers: numbers)[...]
        return series.map { values in
            defer { all = all.dropFirst(values.count) }
            return Array(all.prefix(values.count))
        }
    }

    /// Formats with a fixed number of decimals (trailing zeros dropped); `nil` picks about three significant digits.
    func string(for value: Double, decimals: Int?, numbers: ChartLanguage.Numbers = .english) -> String {
        guard let decimals else { return string(for: value, numbers: numbers) }
        guard value.isFinite else { return "–" }
        if self == .year { return Self.yearString(value, numbers: numbers) }
        let part = displayParts(value, numbers: numbers)
        return compose(part.shown, decimals: decimals, padTo: 0, unit: part.unit, tick: false, numbers: numbers)
    }

    /// Tick labels of one axis. On a linear axis (`step` given) every label has the decimals of the step, trailing
    /// zeros kept ("1.0, 1.5, 2.0"), and dollars in billions switch to trillions together; on a log axis (`step` nil)
    /// each tick has the decimals it needs. Zero prints as a bare "0"; durations print bare numbers.
    public func tickLabels(_ values: [Double], step: Double?, numbers: ChartLanguage.Numbers = .english) -> [String] {
        let inTrillions = isBillions && (values.map(abs).max() ?? 0) >= 1000 - 1e-9
        return values.map { value in
            guard value.isFinite else { return "–" }
            if self == .year { return Self.yearString(value, numbers: numbers) }
            let part = inTrillions ? (shown: value / 1000, unit: "T") : displayParts(value, numbers: numbers)
            let decimals: Int
            if let step {
                decimals = Self.decimals(forStep: step * (inTrillions ? 1.0 / 1000 : displayScale(numbers)))
            } else {
                decimals = part.shown == 0 || !part.shown.isFinite ? 0 : Swift.max(0, -Int(floor(log10(abs(part.shown)) + 1e-9)))
            }
            return compose(part.shown, decimals: decimals, padTo: step == nil ? 0 : decimals, unit: part.unit, tick: true,
                           numbers: numbers)
        }
    }

    /// The display multiplier of a format (100 for fractions shown as percentages, 1 otherwise).
    var displayScale: Double { displayScale(.english) }

    /// The display multiplier in a number style: Chinese counts billions in 億 (hundreds of millions), ten to a billion.
    func displayScale(_ numbers: ChartLanguage.Numbers) -> Double {
        switch self {
        case .fraction: 100
        case .money(_, .billions) where numbers.isChinese: 10
        default: 1
        }
    }

    /// Money counted in billions (which switch to trillions at 1,000).
    private var isBillions: Bool {
        if case .money(_, .billions) = self { true } else { false }
    }

    /// The value in the units it is shown in, and the unit's key (money in billions switches to trillions at 1,000;
    /// in Chinese, billions are shown as 億, ten to a billion, and trillions as 兆).
    private func displayParts(_ value: Double, numbers: ChartLanguage.Numbers = .english) -> (shown: Double, unit: String) {
        switch self {
        case .fraction: return (value * 100, "%")
        case .money(_, .billions) where abs(value) >= 999.5: return (value / 1000, "T")
        case .money(_, .billions) where numbers.isChinese: return (value * 10, "B")
        case .money(_, .billions): return (value, "B")
        case .money(_, .trillions): return (value, "T")
        default: return (value, "")
        }
    }

    /// Sign, digits and unit. Ticks print zero as "0" and durations without their unit.
    private func compose(_ shown: Double, decimals: Int, padTo: Int, unit: String, tick: Bool, padZero: Bool = true,
                         numbers: ChartLanguage.Numbers = .english) -> String {
        var decimals = decimals, padTo = padTo
        // The yen and the won have no smaller coin: their amounts print whole (¥250), whatever their neighbours need.
        if case .money(let currency, .units) = self, currency.minorDigits == 0 { (decimals, padTo) = (0, 0) }
        // Chinese writes amounts of 億 and 兆 without thousands separators (3750億美元), as Taiwan's press does.
        let amount = numbers.isChinese && isLargeAmount
        var body = Self.digits(abs(shown), decimals: decimals, grouping: !amount)
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        // A label's zero has the decimals of its neighbours ("0.0 %" beside "2.2 %"); a tick's zero is a bare "0".
        if !isZero || (padZero && !tick) { body = Self.padded(body, to: padTo) }
        let minus = (shown < 0 && !isZero) ? "\u{2212}" : ""
        if tick && isZero && self != .count && self != .number { return "0" }
        // Cents are shown in pairs: $2.50, never $2.5.
        if case .money(let currency, .units) = self, body.contains(".") { body = Self.padded(body, to: currency.minorDigits) }
        // The page's decimal point and thousands separator: "2,1 %", "12 345" in Spanish.
        body = numbers.separated(body)
        if numbers.isChinese {
            switch self {
            case .number, .count: return minus + body
            case .fraction, .percent: return minus + body + "%"
            case .money(let currency, .units):
                return minus + body + currency.chineseName
            // Ticks leave the currency to the axis title (金額（美元）), as Chinese charts do: 5000億, 1.5兆.
            case .money(let currency, _): return minus + body + (unit == "T" ? "兆" : "億") + (tick ? "" : currency.chineseName)
            case .years: return tick ? minus + body : minus + body + "年"
            case .months: return isZero ? "0" : (shown < 0 ? "\u{2212}" : "+") + body
            case .multiple: return minus + body + "倍"
            case .year: return Self.yearString(shown, numbers: numbers)
            }
        }
        switch self {
        case .number, .count: return minus + body
        case .fraction, .percent: return minus + body + numbers.percentSpace + "%"
        case .money(let currency, .units):
            return minus + currency.written(body, numbers: numbers)
        case .money(let currency, _): return minus + currency.written(body + unitSpace + unit, numbers: numbers)
        case .years: return tick ? minus + body : minus + body + unitSpace + (body == "1" ? "year" : "years")
        case .months: return isZero ? "0" : (shown < 0 ? "\u{2212}" : "+") + body
        case .multiple: return minus + body + "\u{00D7}"
        case .year: return Self.yearString(shown, numbers: numbers)
        }
    }

    /// A duration that is a whole number of months but not of half-years, in words: 0.25 → "3 months",
    /// 1.0833 → "1 year 1 month"; nil otherwise.
    static func monthsText(_ years: Double, numbers: ChartLanguage.Numbers = .english) -> String? {
        let months = years * 12
        guard years.isFinite, abs(years) < 1e6, abs(months - months.rounded()) < 1e-6,
              abs(years * 2 - (years * 2).rounded()) > 1e-6 else { return nil }
        let total = Int(abs(months.rounded())), whole = total / 12, rest = total % 12
        if numbers.isChinese {
            return (years < 0 ? "\u{2212}" : "") + (whole > 0 ? "\(whole)年" : "") + (rest > 0 ? "\(rest)個月" : "")
        }
        var words: [String] = []
        if whole > 0 { words.append("\(whole)\(unitSpace)" + (whole == 1 ? "year" : "years")) }
        if rest > 0 { words.append("\(rest)\(unitSpace)" + (rest == 1 ? "month" : "months")) }
        return (years < 0 ? "\u{2212}" : "") + words.joined(separator: " ")
    }

    /// `value` rounded to `significant` significant digits when it has more whole digits than that (147 → 150).
    static func rounded(_ value: Double, significant: Int) -> Double {
        guard value.isFinite, abs(value) >= pow(10, Double(significant)) else { return value }
        let factor = pow(10, floor(log10(abs(value))) + 1 - Double(significant))
        return (value / factor).rounded() * factor
    }

    /// `decimals`, or more when that many would round the value up to the next power of ten: 99.99 % with one decimal
    /// would print as "100.0 %", a whole that the data does not reach, so it prints as "99.99 %" (at most six decimals).
    static func decimalsBelowNextPower(_ value: Double, decimals: Int) -> Int {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return decimals }
        let next = pow(10, floor(log10(magnitude) + 1e-12) + 1)
        guard magnitude < next * (1 - 1e-12) else { return decimals }
        var places = decimals
        while places < 6, (magnitude * pow(10, Double(places))).rounded() / pow(10, Double(places)) >= next { places += 1 }
        return places
    }

    /// Decimals giving `significant` digits for a magnitude (none when it is large, at most six).
    static func decimals(_ magnitude: Double, significant: Int) -> Int {
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        return Swift.max(0, Swift.min(6, significant - 1 - Int(floor(log10(magnitude) + 1e-12))))
    }

    /// Decimals giving about three significant digits (none at 100 and above, at most six).
    static func autoDecimals(_ value: Double) -> Int {
        decimals(abs(value), significant: 3)
    }

    /// The fewest decimals that print `value` rounded to `significant` digits (trailing zeros dropped).
    static func minimalDecimals(_ value: Double, significant: Int) -> Int {
        let places = decimals(abs(value), significant: significant)
        let body = digits(abs(value), decimals: places, grouping: false)
        guard let point = body.firstIndex(of: "."), !body.contains("e") else { return 0 }
        return body.distance(from: point, to: body.endIndex) - 1
    }

    /// `body` with trailing zeros added up to `decimals` places (numbers in exponent form are left alone).
    static func padded(_ body: String, to decimals: Int) -> String {
        guard decimals > 0, !body.contains("e") else { return body }
        let current = body.firstIndex(of: ".").map { body.distance(from: $0, to: body.endIndex) - 1 }
        guard let current else { return body + "." + String(repeating: "0", count: decimals) }
        return current >= decimals ? body : body + String(repeating: "0", count: decimals - current)
    }

    /// Decimals needed to print multiples of `step` (in display units) exactly.
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var places = 0
        while places < 9 {
            let scaled = step * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) <= 1e-6 * Swift.max(1, scaled) { break }
            places += 1
        }
        return places
    }

    /// Rounds `magnitude` (≥ 0) to `decimals` places; trailing zeros dropped, thousands grouped with ",".
    static func digits(_ magnitude: Double, decimals: Int, grouping: Bool) -> String {
        guard magnitude.isFinite else { return "∞" }  // a finite value × 100 (fractions) can overflow
        let places = Swift.max(0, Swift.min(decimals, 9))
        let factor = pow(10, Double(places))
        let scaled = (magnitude * factor).rounded()
        guard scaled < 9e15 else {
            let exponent = Int(floor(log10(magnitude)))
            let mantissa = digits(magnitude / pow(10, Double(exponent)), decimals: 2, grouping: false)
            return mantissa + "e" + String(exponent)
        }
        let whole = UInt64(scaled) / UInt64(factor), fraction = UInt64(scaled) % UInt64(factor)
        var integer = String(whole)
        if grouping, integer.count > 3 {
            var grouped = "", count = 0
            for character in integer.reversed() {
                if count > 0, count % 3 == 0 { grouped.append(",") }
                grouped.append(character)
                count += 1
            }
            integer = String(grouped.reversed())
        }
        guard places > 0, fraction > 0 else { return integer }
        var fractionText = String(fraction)
        fractionText = String(repeating: "0", count: places - fractionText.count) + fractionText
        while fractionText.hasSuffix("0") { fractionText.removeLast() }
        return integer + "." + fractionText
    }

    /// Calendar years: whole years print as "2024", fractional ones as "Nov 2022" (2022.9 lies in November).
    static func yearString(_ value: Double, numbers: ChartLanguage.Numbers = .english) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "\u{2212}∞" : "∞") }
        let nearest = value.rounded()
        let minus = nearest < 0 ? "\u{2212}" : ""
        // Beyond 1e15 no fraction of a year is representable; String(format:) prints any whole Double without the
        // Int conversion that traps at 2^63.
        if abs(nearest) >= 1e15 { return minus + String(format: "%.0f", abs(nearest)) }
        if abs(value - nearest) < 1e-6 { return minus + String(Int(abs(nearest))) }
        let year = floor(value)
        let month = Swift.min(11, Swift.max(0, Int(floor((value - year) * 12 + 1e-6))))
        return numbers.month(month + 1, of: (year < 0 ? "\u{2212}" : "") + String(Int(abs(year))))
    }
}
