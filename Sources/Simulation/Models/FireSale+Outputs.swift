extension FireSale {
    /// The output series, for `explainer models`.
    public static let outputs: [OutputSpec] = [
        OutputSpec("loss.<holder>", unit: "$B", x: "round", "mark-to-market loss of one holder type in each round"),
        OutputSpec("cumLoss.<holder>", unit: "$B", x: "round", "the same, summed up to each round"),
        OutputSpec("equity.<holder>", unit: "$B", x: "round", "equity of one holder type after each round"),
        OutputSpec("price.<asset>", unit: "index", x: "round", "price of one asset after each round (round 0: before the shock, = 1)"),
        OutputSpec("sold.<asset>", unit: "$B", x: "round", "amount of one asset sold in each round"),
        OutputSpec("glt.S", unit: "fraction of equity", x: "categories", "systemicness: second-round losses each holder causes (Greenwood–Landier–Thesmar)"),
        OutputSpec("glt.IV", unit: "fraction of equity", x: "categories", "indirect vulnerability: second-round losses each holder suffers"),
        OutputSpec("lossShare.firstShock", unit: "fraction of equity", x: "categories", "each holder type's loss in the first round (the shock itself), as a share of its starting equity"),
        OutputSpec("lossShare.laterRounds", unit: "fraction of equity", x: "categories", "each holder type's loss in the rounds of forced selling after the shock, as a share of its starting equity"),
        OutputSpec("cumLoss.byHolder", unit: "$B", x: "categories", "mark-to-market loss of each holder type over the whole cascade"),
    ]
}
