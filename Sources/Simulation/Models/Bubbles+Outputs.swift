extension Bubbles {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("price", unit: "index (fundamental = 100)", x: "period", "price index 100·e^x: never below 0"),
        OutputSpec("x", unit: "deviation", x: "period", "deviation x of the price from the fundamental (the model's state)"),
        OutputSpec("share.fundamentalist", unit: "fraction", x: "period", "share of traders expecting a return to the fundamental"),
        OutputSpec("share.trendUp", unit: "fraction", x: "period", "share of traders following an upward trend"),
        OutputSpec("share.trendDown", unit: "fraction", x: "period", "share of traders following a downward trend"),
        OutputSpec("share.strongTrend", unit: "fraction", x: "period", "share of strong trend-followers"),
    ]
}
