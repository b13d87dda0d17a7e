/// At most two decimals, no trailing zeros, never "-0"; non-finite values print as "0".
///
/// Every SVG coordinate goes through this one locale-free function (STYLE.md §8).
func svgNumber(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? (value < 0 ? "-1000000000000" : "1000000000000") : "0" }
    let hundredths = Int((value * 100).rounded())
    guard hundredths != 0 else { return "0" }
    let sign = hundredths < 0 ? "-" : "", whole = abs(hundredths) / 100, cents = abs(hundredths) % 100
    if cents == 0 { return "\(sign)\(whole)" }
    if cents % 10 == 0 { return "\(sign)\(whole).\(cents / 10)" }
    return "\(sign)\(whole).\(cents < 10 ? "0" : "")\(cents)"
}
