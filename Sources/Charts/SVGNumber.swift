/// At most one decimal (a tenth of a pixel is below what any screen shows), no trailing zero, never "-0";
/// non-finite values print as "0".
///
/// Every SVG coordinate goes through this one locale-free function (STYLE.md §8).
func svgNumber(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? (value < 0 ? "-1000000000000" : "1000000000000") : "0" }
    let tenths = Int((value * 10).rounded())
    guard tenths != 0 else { return "0" }
    let sign = tenths < 0 ? "-" : "", whole = abs(tenths) / 10, fraction = abs(tenths) % 10
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}
