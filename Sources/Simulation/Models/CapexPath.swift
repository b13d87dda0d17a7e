import Foundation

/// AI capex paths for 2025…2030 ($B), shared by `capexGap` (M10) and the depreciation gap of `gpuCollateral` (M4).
public enum CapexPath {
    public static let firstYear = 2025
    /// Constant growth from 2026's 571 to 2030's 1300: (1300/571)^(1/4) − 1, used unrounded.
    public static let anchorGrowth = pow(1300.0 / 571.0, 0.25) - 1

    /// UBS revised (Nov 2025): 423, 571, then a constant CAGR to 1300 in 2030.
    public static let ubsRevised = path(first: 423, second: 571)
    /// The article's figures: 375, 500, then the same growth rate as UBS revised.
    public static let article = path(first: 375, second: 500)

    static func path(first: Double, second: Double) -> [Double] {
        var values = [first, second]
        for step in 1...4 { values.append(second * pow(1 + anchorGrowth, Double(step))) }
        return values
    }
}
