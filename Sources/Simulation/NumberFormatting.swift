import Foundation

/// Formats a number with at most `significantDigits` significant digits, locale-free, never "-0".
///
/// Plain decimal notation between 1e-6 and 1e21, scientific (`1.5e-08`) outside it; trailing zeros dropped.
/// Used for CSV output so that last-ulp differences between platforms never change the site's bytes.
public func formatNumber(_ value: Double, significantDigits: Int = 6) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let digitsWanted = max(1, min(significantDigits, 15))
    let magnitude = abs(value)
    guard magnitude > 0 else { return "0" }
    var exponent = Int(floor(log10(magnitude)))
    var mantissa = (magnitude / pow(10, Double(exponent - (digitsWanted - 1)))).rounded()
    let limit = pow(10, Double(digitsWanted))
    if mantissa >= limit { mantissa = (mantissa / 10).rounded(); exponent += 1 }
    if mantissa < limit / 10 { mantissa *= 10; exponent -= 1 }
    var digits = Array(String(Int64(mantissa)))
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
