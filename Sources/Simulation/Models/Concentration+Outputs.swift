extension Concentration {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("weightAI", unit: "fraction", x: "months", "AI stocks' weight in the index"),
        OutputSpec("shareOfGainsAI", unit: "fraction", x: "months", "AI stocks' share of the index's gains so far (missing when one group gains and the other loses)"),
        OutputSpec("indexLevel", unit: "index (start = 100)", x: "months", "index level"),
        OutputSpec("indexLossVsAIDrop", unit: "fraction", x: "AI drawdown", "index loss for each fall of the AI stocks (0…100 %)"),
    ]
}
