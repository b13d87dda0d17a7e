extension CircularFlows {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("sankey.nodes", unit: "$B/yr", x: "categories", "throughflow of each node, with the outside source and sink"),
        OutputSpec("sankey.links", unit: "$B/yr", x: "categories", "each flow, outside inflows included, for a flow diagram"),
        OutputSpec("share.cycled", unit: "fraction", x: "categories", "pro-rata share of each node's throughflow that comes back to it (Finn)"),
        OutputSpec("share.earmarked", unit: "fraction", x: "categories", "earmarked upper bound of the same share, capped at 100 %"),
        OutputSpec("share", unit: "fraction", x: "categories", "share.cycled or share.earmarked, by the view parameter"),
        OutputSpec("cycles.flow", unit: "$B/yr", x: "categories", "round-trip flow of each simple loop (its smallest link)"),
        OutputSpec("cycles.gain", unit: "fraction", x: "categories", "loop gain: the product of the shares passed on around each loop"),
    ]
}
