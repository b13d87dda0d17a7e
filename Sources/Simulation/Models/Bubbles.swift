import Foundation

/// M7a `bubbles`: Brock–Hommes (1998) asset pricing with four belief types switching by past profits.
public enum Bubbles: SimulationModel {
    public static let name = "bubbles"
    public static let summary = "Brock–Hommes bubbles: trend-followers ride the boom, fundamentalists win the bust"

    /// Trend coefficients g_h of the four belief types (fundamentalist, trend up, trend down, strong trend).
    public static let trends = [0.0, 0.9, 0.9, 1.01]
    /// Biases b_h of the four belief types.
    public static let biases = [0.0, 0.2, -0.2, 0.0]
    /// Series-name suffixes of the four belief types, in the order of `trends`.
    public static let typeNames = ["fundamentalist", "trendUp", "trendDown", "strongTrend"]
    /// |x| beyond this stops the run with `ModelError.diverged`.
    public static let divergenceLimit = 1e6

    public struct Parameters: ModelParameters {
        public var beta = 120.0
        public var sigma = 0.04
        public var x0 = 0.1
        public var steps = 1000
        public var burnIn = 200
        public var grossReturn = 1.01
        public var seed: UInt64 = 1
        /// The parameters set by name: a default `burnIn` that the `steps` the writer set no longer allow is reported at
        /// `steps`.
        public var given: Set<String> = []

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = Bubbles.name
            switch name {
            case "beta": beta = try value.number(model: model, name: name)
            case "sigma": sigma = try value.number(model: model, name: name)
            case "x0": x0 = try value.number(model: model, name: name)
            case "steps": steps = try Bubbles.integer(value, range: .integers(10, 100_000), name: name)
            case "burnIn": burnIn = try Bubbles.integer(value, range: .integers(0, 99_997), name: name)
            case "grossReturn": grossReturn = try value.number(model: model, name: name)
            case "seed": seed = try value.seed(model: model, name: name)
            default: throw .unknownParameter(model: model, name: name, known: Bubbles.parameters.map(\.name))
            }
            given.insert(name)
        }

        public func validate() throws(ModelError) {
            let model = Bubbles.name
            try ParameterRange.closed(0, 1000).check(beta, model: model, name: "beta")
            try ParameterRange.closed(0, 1).check(sigma, model: model, name: "sigma")
            try ParameterRange.closed(-10, 10).check(x0, model: model, name: "x0")
            try ParameterRange.integers(10, 100_000).check(Double(steps), model: model, name: "steps")
            // The statistics need at least 3 values after burn-in (a lag-1 autocorrelation of 2 values is ±1 or 0/0).
            try checkDependentDefault(Double(burnIn), .integers(0, steps - 3), model: model, name: "burnIn",
                                      rangeText: "[0, steps − 3]", given: given, setters: [("steps", Double(steps))])
            try ParameterRange(lower: 1, upper: 1.5, lowerOpen: true).check(grossReturn, model: model, name: "grossReturn")
        }
    }

    /// Reads a whole number, reporting a non-integer with the parameter's integer range.
    static func integer(_ value: ParameterValue, range: ParameterRange, name: String) throws(ModelError) -> Int {
        let number = try value.number(model: Bubbles.name, name: name)
        guard number.isFinite, number.rounded() == number, abs(number) < 1e15 else {
            try range.check(number, model: Bubbles.name, name: name)
            return 0
        }
        return Int(number)
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("beta", unit: "1", default: "120", allowed: "[0, 1000]", "intensity of choice: how fast traders switch to the most profitable belief"),
        ParameterSpec("sigma", unit: "1", default: "0.04", allowed: "[0, 1]", "standard deviation of the news shock ε"),
        ParameterSpec("x0", unit: "1", default: "0.1", allowed: "[-10, 10]", "starting deviation from the fundamental price (x₀ = x₁ = x₂)"),
        ParameterSpec("steps", unit: "periods", default: "1000", allowed: "[10, 100000] (integer)", "number of values x₀…x_{steps−1}"),
        ParameterSpec("burnIn", unit: "periods", default: "200", allowed: "[0, steps − 3] (integer)", "initial periods shown greyed and left out of the statistics (at least 3 values stay)"),
        ParameterSpec("grossReturn", unit: "×", default: "1.01", allowed: "(1, 1.5]", "gross return R on the risk-free asset"),
        ParameterSpec("seed", unit: "", default: "1", allowed: "[0, 2^64 - 1] (integer)", "seed of the news shocks (M1 generator)"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "defaults: β = 120, σ = 0.04, seed 1"),
        Scenario("calm", "no switching (β = 0): all four beliefs hold a quarter each", [.init("beta", .number(0)), .init("sigma", .number(0.04))]),
        Scenario("bubbly", "strong switching (β = 120)", [.init("beta", .number(120)), .init("sigma", .number(0.04))]),
        Scenario("seed-2", "bubbly, news shocks from seed 2", [.init("seed", .number(2))]),
        Scenario("seed-3", "bubbly, news shocks from seed 3", [.init("seed", .number(3))]),
    ]

    /// One simulated path: deviations x_t and the four type shares n_h,t (shares are ¼ for t < 3).
    public struct Path: Sendable, Equatable {
        public var x: [Double]
        public var shares: [[Double]]
    }

    /// Simulates x₀…x_{steps−1}; throws `diverged` naming beta once |x_t| exceeds `limit`.
    public static func simulate(_ p: Parameters, limit: Double = divergenceLimit) throws(ModelError) -> Path {
        let r = p.grossReturn
        var x = [Double](repeating: p.x0, count: p.steps)
        var shares = [[Double]](repeating: [Double](repeating: 0.25, count: p.steps), count: 4)
        var rng = RandomGenerator(seed: p.seed)
        var fitness = [Double](repeating: 0, count: 4)
        var weights = [Double](repeating: 0, count: 4)
        for t in 3..<p.steps {
            let excess = x[t - 1] - r * x[t - 2]
            for h in 0..<4 { fitness[h] = excess * (trends[h] * x[t - 3] + biases[h] - r * x[t - 2]) }
            let best = fitness.max()!
            var total = 0.0
            for h in 0..<4 {
                weights[h] = exp(p.beta * (fitness[h] - best))
                total += weights[h]
            }
            var forecast = 0.0
            for h in 0..<4 {
                let share = weights[h] / total
                shares[h][t] = share
                forecast += share * (trends[h] * x[t - 1] + biases[h])
            }
            let shock = p.sigma * rng.normal()
            x[t] = (forecast + shock) / r
            guard x[t].isFinite, abs(x[t]) <= limit else {
                throw .diverged(model: name, parameter: "beta",
                                detail: "|x| = \(formatNumber(abs(x[t]))) > \(formatNumber(limit)) at period \(t)")
            }
        }
        return Path(x: x, shares: shares)
    }

    /// Sample statistics of a path: share of |x| > 0.5, standard deviation (n − 1), lag-1 autocorrelation, max |x|.
    /// The autocorrelation of a constant path is 0/0: NaN, never a made-up 0 (audit B7).
    public static func statistics(_ values: ArraySlice<Double>) -> (fractionAbove: Double, sd: Double, ac1: Double, maxAbs: Double) {
        let n = Double(values.count)
        var sum = 0.0, above = 0.0, maxAbs = 0.0
        for v in values {
            sum += v
            if abs(v) > 0.5 { above += 1 }
            maxAbs = max(maxAbs, abs(v))
        }
        let mean = sum / n
        var squares = 0.0, lagged = 0.0
        var previous: Double?
        for v in values {
            let d = v - mean
            squares += d * d
            if let previous { lagged += previous * d }
            previous = d
        }
        let sd = values.count > 1 ? (squares / (n - 1)).squareRoot() : .nan
        return (above / n, sd, squares > 0 ? lagged / squares : .nan, maxAbs)
    }

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let path = try simulate(p)
        let periods = (0..<p.steps).map(Double.init)
        var series = [
            // 100·e^x, not 100·(1 + x): the deviation x often falls below −1 in the bubbly regime, and a price below
            // 0 would teach something impossible (audit §8.1). For small x the two agree (e^x ≈ 1 + x).
            Series(name: "price", unit: "index (fundamental = 100)", xUnit: "period", x: periods, y: path.x.map { 100 * exp($0) }),
            Series(name: "x", unit: "deviation", xUnit: "period", x: periods, y: path.x),
        ]
        for (h, typeName) in typeNames.enumerated() {
            series.append(Series(name: "share.\(typeName)", unit: "fraction", xUnit: "period", x: periods, y: path.shares[h]))
        }
        let stats = statistics(path.x[p.burnIn...])
        var scalars = ["burnIn": Double(p.burnIn), "fractionAboveHalf": stats.fractionAbove, "sd": stats.sd,
                       "maxAbs": stats.maxAbs]
        if stats.ac1.isFinite { scalars["ac1"] = stats.ac1 }
        let assumptions = "Brock–Hommes (1998) with four belief types (fundamentalist, trend up, trend down, strong trend); "
            + "intensity of choice β = \(formatNumber(p.beta)), news shock σ = \(formatNumber(p.sigma)), "
            + "gross return R = \(formatNumber(p.grossReturn)), seed \(p.seed). Fundamental price = 100; the first "
            + "\(p.burnIn) periods are burn-in. The price index is 100·e^x for a deviation x from the fundamental, so it "
            + "stays above 0." + (stats.ac1.isFinite ? "" : " The path is constant after burn-in, so its autocorrelation "
            + "is undefined and not reported.") + " Illustrative model, not a forecast."
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
    }
}
