import Foundation

/// Formats a number with at most `significantDigits` significant digits, locale-free, never "-0".
///
/// Plain decimal notation between 1e-6 and 1e21, scientific (`1.5e-08`) outside it; trailing zeros dropped.
/// Used for CSV output so that last-ulp differences between platforms never change the site's bytes.
/// Total: every Double prints, including subnormals (`5e-324`), ±`greatestFiniteMagnitude`, NaN and ±∞. The digits
/// come from C's correctly rounded `%.*e` conversion, so no intermediate scaling can underflow, overflow or trap.
public func formatNumber(_ value: Double, significantDigits: Int = 6) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    guard value != 0 else { return "0" }
    let digitsWanted = max(1, min(significantDigits, 17))
    let (mantissaDigits, exponent) = decimalDigits(abs(value), count: digitsWanted)
    var digits = mantissaDigits
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let sign = value < 0 ? "-" : ""
    if exponent < -6 || exponent >= 21 {
        let head = String(digits[0]), tail = String(digits.dropFirst())
        let exp = exponent < 0 ? "-" + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent)) : "+" + String(exponent)
        return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + exp
    }
    let pointPosition = exponent + 1
    if pointPosition <= 0 {
        return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
    }
    if pointPosition >= digits.count {
        return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count)
    }
    return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
}

/// The `count` significant decimal digits of a finite `magnitude` > 0, correctly rounded, and its decimal exponent:
/// 0.012345 at 3 digits → (["1", "2", "3"], -2).
func decimalDigits(_ magnitude: Double, count: Int) -> (digits: [Character], exponent: Int) {
    // "%.Ne" prints d.ddd…e±XX (glibc and Darwin alike, in the C locale that String(format:) uses without a locale).
    let text = String(format: "%.\(count - 1)e", magnitude)
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...])
    else { return (Array(text.filter(\.isNumber)), 0) }
    return (Array(text[..<e].filter(\.isNumber)), exponent)
}
