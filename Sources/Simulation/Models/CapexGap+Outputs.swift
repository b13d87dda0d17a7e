extension CapexGap {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("capex", unit: "$B/yr", x: "year", "AI capital spending path"),
        OutputSpec("requiredRevenue", unit: "$B/yr", x: "year", "revenue needed per year at Sequoia's ratios (capex ÷ gross margin)"),
        OutputSpec("aiRevenue", unit: "$B/yr", x: "year", "assumed AI revenue"),
        OutputSpec("gap", unit: "$B/yr", x: "year", "annual gap: revenue needed per year minus AI revenue (not summed over years)"),
        OutputSpec("financingMix", unit: "$B", x: "categories", "Morgan Stanley's split of data-centre financing 2025–28"),
    ]
}
