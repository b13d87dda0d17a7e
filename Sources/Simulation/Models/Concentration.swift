import Foundation

/// M8 `concentration`: the AI group's share of index value and of gains, and the index loss if AI stocks fall.
public enum Concentration: SimulationModel {
    public static let name = "concentration"
    public static let summary = "How a few AI stocks came to carry the S&P 500, and what the index loses if they fall"

    /// Points of the drawdown grid X = 0, 0.01, …, 1.
    public static let drawdownGridPoints = 101

    public struct Parameters: ModelParameters {
        public var gainAI = 1.81
        public var gainRest = 0.25
        public var months = 34
        public var targetShareOfGains = 0.75
        /// An explicit initial AI weight; when set it replaces the weight implied by `targetShareOfGains`.
        public var w0: Double?
        public var drawdown = 0.5
        public var spill = 0.0

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = Concentration.name
            switch name {
            case "gainAI": gainAI = try value.number(model: model, name: name)
            case "gainRest": gainRest = try value.number(model: model, name: name)
            case "months":
                let number = try value.number(model: model, name: name)
                guard number.isFinite, number.rounded() == number, abs(number) < 1e15 else {
                    try ParameterRange.integers(1, 600).check(number, model: model, name: name)
                    return
                }
                months = Int(number)
            case "targetShareOfGains": targetShareOfGains = try value.number(model: model, name: name)
            case "w0": w0 = try value.number(model: model, name: name)
            case "drawdown": drawdown = try value.number(model: model, name: name)
            case "spill": spill = try value.number(model: model, name: name)
            default: throw .unknownParameter(model: model, name: name, known: Concentration.parameters.map(\.name))
            }
        }

        public func validate() throws(ModelError) {
            let model = Concentration.name
            try ParameterRange.closed(-0.99, 20).check(gainAI, model: model, name: "gainAI")
            try ParameterRange.closed(-0.99, 20).check(gainRest, model: model, name: "gainRest")
            try ParameterRange.integers(1, 600).check(Double(months), model: model, name: "months")
            try ParameterRange(lower: 0, upper: 1, lowerOpen: true, upperOpen: true)
                .check(targetShareOfGains, model: model, name: "targetShareOfGains")
            if let w0 {
                try ParameterRange.closed(0, 1).check(w0, model: model, name: "w0")
            } else {
                let implied = Concentration.impliedWeight(share: targetShareOfGains, gainAI: gainAI, gainRest: gainRest)
                // Only when both groups move the same way does some starting weight strictly inside (0, 1) give the
                // target share; at w0 = 0 or 1 the share of gains is 0/0 (audit B4), so those are refused too.
                guard gainAI * gainRest > 0 else {
                    throw .parameterOutOfRange(
                        model: model, name: "targetShareOfGains",
                        value: formatNumber(targetShareOfGains, significantDigits: 15),
                        allowed: "reachable only when gainAI and gainRest are both non-zero and of the same sign (here "
                            + formatNumber(gainAI, significantDigits: 15) + " and " + formatNumber(gainRest, significantDigits: 15)
                            + "); set w0 instead")
                }
                guard implied.isFinite, implied > 0, implied < 1 else {
                    throw .parameterOutOfRange(
                        model: model, name: "targetShareOfGains",
                        value: formatNumber(targetShareOfGains, significantDigits: 15),
                        allowed: "values giving an implied w0 = s·gainRest/(gainAI − s·gainAI + s·gainRest) in (0, 1) (here "
                            + formatNumber(implied, significantDigits: 15) + ")")
                }
            }
            try ParameterRange.closed(0, 1).check(drawdown, model: model, name: "drawdown")
            try ParameterRange.closed(0, 1.5).check(spill, model: model, name: "spill")
        }

        /// The initial AI weight used: `w0` if set, else the weight implied by `targetShareOfGains`.
        public var initialWeight: Double {
            w0 ?? Concentration.impliedWeight(share: targetShareOfGains, gainAI: gainAI, gainRest: gainRest)
        }
    }

    /// w₀ = s·G_R/(G_A − s·G_A + s·G_R): the starting AI weight for which the AI share of gains at the end is s.
    public static func impliedWeight(share s: Double, gainAI: Double, gainRest: Double) -> Double {
        s * gainRest / (gainAI - s * gainAI + s * gainRest)
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("gainAI", unit: "fraction", default: "1.81", allowed: "[-0.99, 20]", "total gain of AI stocks over the window (JPMorgan: +181 %)"),
        ParameterSpec("gainRest", unit: "fraction", default: "0.25", allowed: "[-0.99, 20]", "total gain of the other stocks over the window (+25 %)"),
        ParameterSpec("months", unit: "months", default: "34", allowed: "[1, 600] (integer)", "length of the window (Nov 2022 → Sep 2025)"),
        ParameterSpec("targetShareOfGains", unit: "fraction", default: "0.75", allowed: "(0, 1)", "AI stocks' share of the index's gains (JPMorgan: 75 %)"),
        ParameterSpec("w0", unit: "fraction", default: "implied", allowed: "[0, 1]", "explicit starting AI weight (replaces the implied one)"),
        ParameterSpec("drawdown", unit: "fraction", default: "0.5", allowed: "[0, 1]", "fall of AI stocks for the headline index loss"),
        ParameterSpec("spill", unit: "×", default: "0", allowed: "[0, 1.5]", "how much of the AI fall the other stocks follow (0: unchanged; above 1 they fall faster, at most 100 %)"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "others unchanged: only AI stocks fall (spill 0)"),
        Scenario("contagion", "the other stocks fall 0.3× as much (spill 0.3)", [.init("spill", .number(0.3))]),
    ]

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let w0 = p.initialWeight
        let m = Double(p.months)
        let growthAI = pow(1 + p.gainAI, 1 / m) - 1
        let growthRest = pow(1 + p.gainRest, 1 / m) - 1
        let logAI = log(1 + growthAI), logRest = log(1 + growthRest)
        let months = (0...p.months).map(Double.init)
        var weights: [Double] = [], shares: [Double] = [], levels: [Double] = []
        for t in months {
            let ai = w0 * pow(1 + growthAI, t), rest = (1 - w0) * pow(1 + growthRest, t)
            weights.append(ai / (ai + rest))
            levels.append(100 * (ai + rest))
            // At t = 0 both gains are 0; use the limit t → 0 (the share of instantaneous growth).
            let gainsAI = t == 0 ? w0 * logAI : ai - w0
            let gainsRest = t == 0 ? (1 - w0) * logRest : rest - (1 - w0)
            let total = gainsAI + gainsRest
            // A share of gains exists only while both groups' gains have one sign: when one gains and the other loses
            // (possible with an explicit w0), "the AI stocks' share of the gains" is not a share, and near a total of
            // 0 it ran to ±982,000 % (audit 10 S1). Such months are missing values (a gap in the line).
            // With no gain at all (both groups flat) there is nothing to share either (audit 12 N4: it read as w0).
            shares.append(gainsAI * gainsRest < 0 || total == 0 ? .nan : gainsAI / total)
        }
        let endWeight = weights.last!
        // The others fall β_s·X, but no stock can lose more than all its value: with a spill above 1 their fall is capped
        // at 100 % (at X = 1/β_s), so the index never loses more than 100 % either.
        let loss: (Double) -> Double = { x in endWeight * x + (1 - endWeight) * min(p.spill * x, 1) }
        let grid = (0..<drawdownGridPoints).map { Double($0) / Double(drawdownGridPoints - 1) }
        let series = [
            Series(name: "weightAI", unit: "fraction", xUnit: "months", x: months, y: weights),
            Series(name: "shareOfGainsAI", unit: "fraction", xUnit: "months", x: months, y: shares),
            Series(name: "indexLevel", unit: "index (start = 100)", xUnit: "months", x: months, y: levels),
            Series(name: "indexLossVsAIDrop", unit: "fraction", xUnit: "AI drawdown", x: grid, y: grid.map(loss)),
        ]
        var scalars = ["w0": w0, "endWeight": endWeight, "indexGain": levels.last! / 100 - 1, "indexLoss": loss(p.drawdown)]
        if !shares.last!.isNaN { scalars["endShareOfGains"] = shares.last! }
        let assumptions = "AI stocks gain \(formatNumber(p.gainAI * 100))% and the rest \(formatNumber(p.gainRest * 100))% "
            + "over \(p.months) months at constant monthly rates; the AI group starts at \(formatNumber(w0 * 100))% of the "
            + "index. If AI stocks fall, the others fall \(formatNumber(p.spill))× as much"
            + (p.spill > 1 ? " (at most 100 %)" : "") + ". Illustrative model, not a forecast."
        var output = ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
        if !shares.contains(where: \.isFinite) {
            // Constant growth rates keep each group's gain of one sign, so gains of opposite sign (or none) leave no month
            // with a share: a chart of it is refused at the series rather than drawn empty.
            let flat = p.gainAI == 0 && p.gainRest == 0
            output.missingSeries["shareOfGainsAI"] = ModelWarning(
                parameter: "gainRest",
                message: "concentration: series 'shareOfGainsAI' has no value here: the AI stocks gain "
                    + "\(formatNumber(p.gainAI * 100))% and the others \(formatNumber(p.gainRest * 100))%, so "
                    + (flat ? "the index gains nothing, and there are no gains to share"
                        : "one group loses while the other gains, and the AI stocks' part of the total is not a share of gains"),
                hint: "give gainAI and gainRest the same sign, or chart weightAI (the AI stocks' share of the index's value)")
        }
        return output
    }
}
