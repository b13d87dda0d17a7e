import Foundation

extension ValueFormat {
    /// Formats a value for display (about three significant digits, "−" for negatives, never "-0").
    ///
    /// `percent` takes fractions (0.3 → "30%"), `usd-bn` → "$120B", `usd-tn` → "$1.5T", `years` → "2.5 yrs",
    /// `year` → "2024" (2022.9 → "Nov 2022"), `month` → "−12" / "+24", `multiple` → "1.2×", `number` → "12,345".
    public func string(for value: Double) -> String {
        string(for: value, decimals: nil)
    }

    /// Formats with a fixed number of decimals (trailing zeros dropped); `nil` picks about three significant digits.
    func string(for value: Double, decimals: Int?) -> String {
        guard value.isFinite else { return "–" }
        if self == .year { return Self.yearString(value) }
        let shown = value * (self == .percent ? 100 : 1)
        let places = decimals ?? Self.autoDecimals(shown)
        let body = Self.digits(abs(shown), decimals: places, grouping: true)
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        let minus = (shown < 0 && !isZero) ? "\u{2212}" : ""
        switch self {
        case .number: return minus + body
        case .percent: return minus + body + "%"
        case .usdBillions: return minus + "$" + body + "B"
        case .usdTrillions: return minus + "$" + body + "T"
        case .years: return minus + body + (body == "1" ? " yr" : " yrs")
        case .month: return isZero ? "0" : (shown < 0 ? "\u{2212}" : "+") + body
        case .multiple: return minus + body + "\u{00D7}"
        case .year: return Self.yearString(value)
        }
    }

    /// Decimals giving about three significant digits (none at 100 and above, at most six).
    static func autoDecimals(_ value: Double) -> Int {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        return Swift.max(0, Swift.min(6, 2 - Int(floor(log10(magnitude)))))
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

    /// The display multiplier of a format (100 for percent, 1 otherwise).
    var displayScale: Double { self == .percent ? 100 : 1 }

    /// Rounds `magnitude` (≥ 0) to `decimals` places; trailing zeros dropped, thousands grouped with ",".
    static func digits(_ magnitude: Double, decimals: Int, grouping: Bool) -> String {
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
    static func yearString(_ value: Double) -> String {
        let nearest = value.rounded()
        let minus = nearest < 0 ? "\u{2212}" : ""
        if abs(value - nearest) < 1e-6 { return minus + String(Int(abs(nearest))) }
        let year = floor(value)
        let month = Swift.min(11, Swift.max(0, Int(floor((value - year) * 12 + 1e-6))))
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[month] + " " + (year < 0 ? "\u{2212}" : "") + String(Int(abs(year)))
    }
}
