extension GPUCollateral {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("debt", unit: "$B", x: "years", "loan balance, repaid in equal instalments"),
        OutputSpec("value.sl.T<life>", unit: "$B", x: "years", "book value (accounting, straight line over <life> years), not resale value"),
        OutputSpec("value.exp", unit: "$B", x: "years", "market-like value, halving every halfLife years"),
        OutputSpec("ltv.sl.T<life>", unit: "×", x: "years", "loan ÷ book value; stops once the chips are fully depreciated; missing above 10×"),
        OutputSpec("ltv.exp", unit: "×", x: "years", "loan-to-value against the market-like value; missing above 10× (collateral worth under a tenth of the loan)"),
        OutputSpec("recovery.sl.T<life>", unit: "fraction", x: "years", "share of the loan a forced sale at book value would repay; stops at full depreciation"),
        OutputSpec("recovery.exp", unit: "fraction", x: "years", "share of the loan a forced sale at market-like value would repay"),
        OutputSpec("depreciation.T<life>", unit: "$B/yr", x: "year", "industry depreciation of the UBS capex path under a <life>-year life"),
        OutputSpec("depreciationGap", unit: "$B/yr", x: "year", "hardware depreciation under the short life minus under the long one"),
    ]
}
