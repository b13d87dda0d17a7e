/// M6 `fireSale` (Endgame A): GLT aggregate vulnerability plus a multi-round fire-sale cascade with rating migration.
///
/// Scalars `failed.<holder>` are 1 for a holder whose equity ran out (0 otherwise) and `downgradeRound.<asset>` is the
/// round of the downgrade (0 = never downgraded).
public enum FireSale: SimulationModel {
    public static let name = "fireSale"
    public static let summary = "Crash cascade: fire sales and rating-triggered selling, losses by holder and round"

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("holders", unit: "labels", default: "[hedge funds, insurers, pension funds, private-credit funds]",
                      allowed: "1–12 distinct names", "holder types (series use them lower-cased, spaces as hyphens)"),
        ParameterSpec("assetNames", unit: "labels", default: "[AI equities, DC debt senior, DC debt junior, other bonds]",
                      allowed: "1–12 distinct names", "asset classes"),
        ParameterSpec("assets", unit: "$B", default: "[600, 1000, 800, 400]", allowed: "one per holder, each in [0, 100000]",
                      "a: each holder's total assets"),
        ParameterSpec("equity", unit: "$B", default: "[150, 100, 800, 200]",
                      allowed: "one per holder, each in [0, 100000], ≤ assets and ≥ assets/10^6 (leverage ≤ 10^6)",
                      "e: each holder's equity"),
        ParameterSpec("weights", unit: "fraction",
                      default: "[[.35, .05, .10, .50], [.05, .20, .03, .72], [.30, .10, .02, .58], [0, .20, .40, .40]]",
                      allowed: "holders × assets, each in [0, 1], rows sum to 1 (±1e-9)", "M: each holder's portfolio weights"),
        ParameterSpec("shock", unit: "return", default: "[-0.30, -0.03, -0.10, 0]", allowed: "one per asset, each in [-1, 0]",
                      "F: the initial return of each asset, in the order of assetNames (scenarios set it by place, not by name)"),
        ParameterSpec("illiquidity", unit: "return per $B", default: "[1e-4, 1e-3, 3e-3, 2e-5]",
                      allowed: "one per asset (or 1 for all), each in [0, 1]", "ℓ: price impact of $1B sold"),
        ParameterSpec("theta", unit: "fraction", default: "[1, 0.1, 0, 1]", allowed: "one per holder (or 1 for all), each in [0, 1]",
                      "θ: how fast each holder sells back to its target leverage"),
        ParameterSpec("sigma", unit: "fraction", default: "[0, 0.5, 0.5, 0]", allowed: "one per holder (or 1 for all), each in [0, 1]",
                      "σ: share of a downgraded asset each holder must sell"),
        ParameterSpec("delta", unit: "price fall", default: "[never, 0.10, 0.20, never]",
                      allowed: "one per asset (or 1 for all), each in (0, 1] or never", "δ: price fall that triggers a downgrade"),
        ParameterSpec("maxRounds", unit: "rounds", default: "1000", allowed: "[1, 100000] (integer)",
                      "R_max: safety cap on rounds; the cascade stops by itself once a round loses < 1e-6 of the total (a build warning when the cap cuts it short)"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "1st asset (AI equities) −30 %, 2nd (senior data-center debt) −3 %, 3rd (junior) −10 %"),
        Scenario("benign", "1st asset −15 %, 2nd −1 %, 3rd −3 %",
                 [.init("shock", .list([-0.15, -0.01, -0.03, 0].map { .number($0) }))]),
        Scenario("severe", "1st asset −50 %, 2nd −8 %, 3rd −30 %",
                 [.init("shock", .list([-0.50, -0.08, -0.30, 0].map { .number($0) }))]),
        Scenario("no-rating-triggers", "base shock with no rating-forced sales (σ = 0)",
                 [.init("sigma", .list([.number(0)]))]),
    ]

    /// The name used in series and scalar names: lower case, spaces replaced by hyphens.
    public static func key(_ label: String) -> String {
        String(label.trimmingSpaces().lowercased().map { $0 == " " ? "-" : $0 })
    }

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let n = p.holders.count, k = p.assetNames.count
        let illiquidity = Parameters.expand(p.illiquidity, to: k)
        let glt = FireSaleGLT(assets: p.assets, equity: p.equity, weights: p.weights, shock: p.shock,
                              illiquidity: illiquidity)
        let cascade = FireSaleRounds(assets: p.assets, equity: p.equity, weights: p.weights, shock: p.shock,
                                     illiquidity: illiquidity, theta: Parameters.expand(p.theta, to: n),
                                     sigma: Parameters.expand(p.sigma, to: n), delta: Parameters.expand(p.delta, to: k),
                                     maxRounds: p.maxRounds)
        let holderKeys = p.holders.map(key), assetKeys = p.assetNames.map(key)
        let rounds = cascade.rounds
        let x = rounds.indices.map { Double($0 + 1) }

        var series: [Series] = []
        for h in 0..<n {
            var running = 0.0
            let cumulative = rounds.map { round in running += round.loss[h]; return running }
            series.append(Series(name: "loss.\(holderKeys[h])", unit: "$B", xUnit: "round", x: x, y: rounds.map { $0.loss[h] }))
            series.append(Series(name: "cumLoss.\(holderKeys[h])", unit: "$B", xUnit: "round", x: x, y: cumulative))
            series.append(Series(name: "equity.\(holderKeys[h])", unit: "$B", xUnit: "round", x: x, y: rounds.map { $0.equity[h] }))
        }
        for a in 0..<k {
            // Round 0 is the price before the shock (1), so a chart shows the shock itself as the first fall.
            series.append(Series(name: "price.\(assetKeys[a])", unit: "index", xUnit: "round", x: [0] + x,
                                 y: [1] + rounds.map { $0.price[a] }))
            series.append(Series(name: "sold.\(assetKeys[a])", unit: "$B", xUnit: "round", x: x, y: rounds.map { $0.sold[a] }))
        }
        series.append(Series(name: "glt.S", unit: "fraction of equity", labels: p.holders, values: glt.systemicness))
        series.append(Series(name: "glt.IV", unit: "fraction of equity", labels: p.holders, values: glt.indirectVulnerability))
        series.append(Series(name: "cumLoss.byHolder", unit: "$B", labels: p.holders, values: cascade.cumulativeLoss))
        let split = cascade.lossShares(equity: p.equity)
        series.append(Series(name: "lossShare.firstShock", unit: "fraction of equity", labels: p.holders, values: split.firstShock))
        series.append(Series(name: "lossShare.laterRounds", unit: "fraction of equity", labels: p.holders, values: split.laterRounds))

        var totalLoss = 0.0, shortfall = 0.0
        var scalars: [String: Double] = ["AV": glt.aggregateVulnerability,
                                         "glt.secondRoundLoss": glt.aggregateVulnerability * glt.totalEquity,
                                         "rounds": Double(rounds.count), "converged": cascade.converged ? 1 : 0]
        for h in 0..<n {
            scalars["S.\(holderKeys[h])"] = glt.systemicness[h]
            scalars["IV.\(holderKeys[h])"] = glt.indirectVulnerability[h]
            scalars["failed.\(holderKeys[h])"] = cascade.failedRound[h] == nil ? 0 : 1
            scalars["failedRound.\(holderKeys[h])"] = Double(cascade.failedRound[h] ?? 0)
            scalars["cumLoss.\(holderKeys[h])"] = cascade.cumulativeLoss[h]
            scalars["creditorShortfall.\(holderKeys[h])"] = cascade.creditorShortfall[h]
            totalLoss += cascade.cumulativeLoss[h]
            shortfall += cascade.creditorShortfall[h]
        }
        for a in 0..<k {
            scalars["downgradeRound.\(assetKeys[a])"] = Double(cascade.downgradeRound[a] ?? 0)
            scalars["finalPrice.\(assetKeys[a])"] = rounds.last?.price[a] ?? 1
        }
        scalars["totalLoss"] = totalLoss
        scalars["creditorShortfall"] = shortfall

        // A cascade the safety cap cut short is reported (Correction M6): its losses and prices are not final.
        var warnings: [ModelWarning] = []
        if !cascade.converged, let last = rounds.last {
            // Round 1's loss is the shock itself, not selling: what is still going on is the last round's forced sales,
            // which would move prices in the next round (audit 10 N2).
            let pending = last.sold.reduce(0, +)
            warnings.append(ModelWarning(
                parameter: "maxRounds",
                message: "fireSale: the cascade was cut short at maxRounds = \(p.maxRounds): forced sales of "
                    + "$\(formatNumber(pending, significantDigits: 3))B in round \(rounds.count) were still to move prices, "
                    + "so the losses and prices shown are not final",
                hint: "raise maxRounds (up to 100000; the selling stops by itself once a round loses less than 1e-6 of "
                    + "the total), or say in the caption that the chart stops while prices are still falling"))
        }
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars,
                           assumptions: assumptions(p, glt: glt, cascade: cascade, totalLoss: totalLoss), warnings: warnings)
    }

    static func assumptions(_ p: Parameters, glt: FireSaleGLT, cascade: FireSaleRounds, totalLoss: Double) -> String {
        let shock = p.assetNames.indices.map { "\(p.assetNames[$0]) \(formatNumber(p.shock[$0] * 100, significantDigits: 3))%" }
        let downgrades = p.assetNames.indices.compactMap { a in
            cascade.downgradeRound[a].map { "\(p.assetNames[a]) downgraded in round \($0)" }
        }
        let length = cascade.converged
            ? "run until the selling stops, \(cascade.rounds.count) round" + (cascade.rounds.count == 1 ? "" : "s")
            : "stopped at the cap of \(cascade.rounds.count) round" + (cascade.rounds.count == 1 ? "" : "s")
                + " while still running"
        return "Illustrative model, not a forecast: stylised 2028 balance sheets, not data. Shock: "
            + shock.joined(separator: ", ") + ". Leveraged holders sell back to their target leverage "
            + "(Greenwood, Landier & Thesmar 2015, with rating-forced sales; \(length)); "
            + "each $1B sold moves prices by ℓ, and prices never recover (no outside buyers). Aggregate vulnerability AV = "
            + "\(formatNumber(glt.aggregateVulnerability * 100, significantDigits: 3))% of equity; total mark-to-market "
            + "losses $\(formatNumber(totalLoss, significantDigits: 4))B (the fall in value of what holders own, not "
            + "realised losses or failures)"
            + (downgrades.isEmpty ? "; no downgrades." : "; " + downgrades.joined(separator: ", ")
                // With σ = 0 a downgrade forces no sale: said, so that the rounds named are not read as selling (audit 12 N7).
                + (p.sigma.allSatisfy { $0 == 0 } ? " (no holder has to sell on a downgrade)." : "."))
            + (glt.flooredAssets.isEmpty ? "" : " In the one-round (GLT) estimate, the forced sales would push the price of "
                + glt.flooredAssets.map { p.assetNames[$0] }.joined(separator: ", ")
                + " down by more than 99 %; it is held at −99 %, since a holding cannot lose more than it is worth.")
    }
}
