extension Tranching {
    /// M3 inputs with the defaults of MODELS.md: the credit pool, the tranches, the Monte Carlo and the waterfall.
    public struct Parameters: ModelParameters {
        public var p = 0.02
        public var lgd = 0.60
        public var rho = 0.3
        /// [attachment, detachment] pairs as fractions of the pool.
        public var tranches: [[Double]] = [[0, 0.05], [0.05, 0.15], [0.15, 0.30], [0.30, 1]]
        public var n = 100.0
        public var paths = 100_000.0
        public var seed: UInt64 = 20_251_021
        /// Per-name weights (empty: equal weights); normalised to sum to 1.
        public var weights: [Double] = []
        /// Per-name PDs (empty: every name has PD `p`).
        public var pds: [Double] = []
        public var pool = 100.0
        public var wac = 0.08
        public var fee = 0.005
        public var classA = 70.0
        public var classB = 15.0
        public var rateA = 0.05
        public var rateB = 0.07
        public var sched = 5.0
        public var trigger = 1.25
        /// Defaults of periods 1, 2, ….
        public var dflt = [10.0]
        /// The parameters set by name (a chart's `params:`, a scenario): a default that another of them made invalid is
        /// reported at the one that was set, and `p` set beside `pds` is checked against them.
        public var given: Set<String> = []

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            try setValue(name, to: value)
            given.insert(name)
        }

        private mutating func setValue(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = Tranching.name
            switch name {
            case "tranches": tranches = try value.matrix(model: model, name: name)
            case "seed": seed = try value.seed(model: model, name: name)
            case "weights": weights = try value.numbers(model: model, name: name)
            case "pds": pds = try value.numbers(model: model, name: name)
            case "dflt": dflt = try value.numbers(model: model, name: name)
            default:
                // An unknown name is said as such before its value is read ('3' in `{p: 0,3}`).
                guard Tranching.parameters.contains(where: { $0.name == name }) else {
                    throw .unknownParameter(model: model, name: name, known: Tranching.parameters.map(\.name))
                }
                let number = try value.number(model: model, name: name)
                switch name {
                case "p": p = number
                case "lgd": lgd = number
                case "rho": rho = number
                case "n": n = number
                case "paths": paths = number
                case "pool": pool = number
                case "wac": wac = number
                case "fee": fee = number
                case "classA": classA = number
                case "classB": classB = number
                case "rateA": rateA = number
                case "rateB": rateB = number
                case "sched": sched = number
                case "trigger": trigger = number
                default: throw .unknownParameter(model: model, name: name, known: Tranching.parameters.map(\.name))
                }
            }
        }

        public func validate() throws(ModelError) {
            let model = Tranching.name
            try ParameterRange.closed(1e-6, 0.5).check(p, model: model, name: "p")
            try ParameterRange.closed(0.01, 1).check(lgd, model: model, name: "lgd")
            try ParameterRange.closed(0, 0.999).check(rho, model: model, name: "rho")
            try validateTranches()
            try ParameterRange.integers(1, 10_000).check(n, model: model, name: "n")
            try ParameterRange.integers(1_000, 10_000_000).check(paths, model: model, name: "paths")
            // The Monte Carlo draws one uniform per name and path: n × paths of 10^11 (both at their maximum) took minutes
            // even in a release build (audit 8). 10^9 draws took 1.6 s (n 100) to 2.2 s (n 10 000) in release on 2 cores.
            guard n * paths <= Tranching.maximumDraws else {
                throw .parameterOutOfRange(
                    model: model, name: "paths", value: formatNumber(paths, significantDigits: 15),
                    allowed: "n × paths ≤ 1,000,000,000 (here n = \(Int(n)): at most \(Int(Tranching.maximumDraws / n)) paths)",
                    hint: "the Monte Carlo draws one number per lease and path, and 10^9 draws take seconds per chart: "
                        + "lower paths (or n); the default 100,000 paths give standard errors below 0.1 percentage point")
            }
            let names = Int(n)
            for (list, label) in [(weights, "weights"), (pds, "pds")] where !list.isEmpty && list.count != names {
                throw .parameterOutOfRange(model: model, name: label, value: "\(list.count) values",
                                           allowed: "exactly n = \(names) values (or none)")
            }
            try ParameterRange(lower: 0, upper: .infinity, lowerOpen: true, upperOpen: true)
                .check(weights, model: model, name: "weights")
            try ParameterRange.closed(1e-6, 0.5).check(pds, model: model, name: "pds")
            // pds gives every lease its own PD and replaces p, which is then not used anywhere. A p the writer set beside
            // pds that differ from it would be silently ignored (or, before audit 10, mixed into the large-pool series).
            if given.contains("p"), let other = pds.first(where: { $0 != p }) {
                throw .parameterOutOfRange(
                    model: model, name: "p", value: formatNumber(p, significantDigits: 15),
                    allowed: "the PD of every lease in pds when both are given (pds has "
                        + formatNumber(other, significantDigits: 15) + ")",
                    hint: "pds gives each lease its own default probability and replaces p: remove p, or remove pds to "
                        + "give every lease the probability p")
            }
            try validateWaterfall()
        }

        func validateTranches() throws(ModelError) {
            let model = Tranching.name
            guard (1...10).contains(tranches.count) else {
                throw .parameterOutOfRange(model: model, name: "tranches", value: "\(tranches.count) tranches",
                                           allowed: "1 to 10 tranches")
            }
            for (index, pair) in tranches.enumerated() {
                let name = "tranches[\(index)]"
                let shown = "[" + pair.map { formatNumber($0, significantDigits: 15) }.joined(separator: ", ") + "]"
                guard pair.count == 2, pair.allSatisfy(\.isFinite), pair[0] >= 0, pair[0] < pair[1], pair[1] <= 1 else {
                    throw .parameterOutOfRange(model: model, name: name, value: shown, allowed: "[a, d] with 0 ≤ a < d ≤ 1")
                }
                // Two tranches of one label would draw two identical categories and share a series name.
                let label = Tranche(pair[0], pair[1]).label
                if let earlier = tranches[..<index].firstIndex(where: { Tranche($0[0], $0[1]).label == label }) {
                    throw .parameterOutOfRange(model: model, name: name, value: shown,
                                               allowed: "tranches that differ from one another (tranches[\(earlier)] is the same, \(label) %)",
                                               hint: "list each tranche once")
                }
            }
        }

        func validateWaterfall() throws(ModelError) {
            let model = Tranching.name
            try ParameterRange.closed(1, 10_000).check(pool, model: model, name: "pool")
            try ParameterRange.closed(0, 0.25).check(wac, model: model, name: "wac")
            try ParameterRange.closed(0, 0.05).check(fee, model: model, name: "fee")
            // The balances' ranges depend on the pool: a pool the writer set below a default balance (classA 70 with
            // pool 50) is reported at pool, saying which default no longer fits.
            let values = ["pool": pool, "classA": classA, "classB": classB, "sched": sched]
            func dependent(_ value: Double, _ range: ParameterRange, _ name: String, _ rangeText: String,
                           on setters: [String], otherwise: ModelError? = nil) throws(ModelError) {
                try checkDependentDefault(value, range, model: model, name: name, rangeText: rangeText, given: given,
                                          setters: setters.map { ($0, values[$0] ?? .nan) }, otherwise: otherwise)
            }
            try dependent(classA, .closed(0, pool), "classA", "[0, pool]", on: ["pool"])
            try dependent(classB, .closed(0, pool), "classB", "[0, pool]", on: ["pool"])
            let sumError = ModelError.parameterOutOfRange(
                model: model, name: "classA", value: formatNumber(classA, significantDigits: 15),
                allowed: "classA + classB ≤ pool (\(formatNumber(pool, significantDigits: 15)))")
            if classA + classB > pool {
                // The balance that kept its default is the one that no longer fits beside those the writer set.
                if !given.contains("classB") {
                    try dependent(classB, .closed(0, pool - classA), "classB", "[0, pool − classA]",
                                  on: ["pool", "classA"], otherwise: sumError)
                } else {
                    try dependent(classA, .closed(0, pool - classB), "classA", "[0, pool − classB]",
                                  on: ["pool", "classB"], otherwise: sumError)
                }
                throw sumError
            }
            try ParameterRange.closed(0, 0.25).check(rateA, model: model, name: "rateA")
            try ParameterRange.closed(0, 0.25).check(rateB, model: model, name: "rateB")
            try dependent(sched, .closed(0, pool), "sched", "[0, pool]", on: ["pool"])
            try ParameterRange.closed(1, 3).check(trigger, model: model, name: "trigger")
            guard (1...30).contains(dflt.count) else {
                throw .parameterOutOfRange(model: model, name: "dflt", value: "\(dflt.count) values", allowed: "1 to 30 values")
            }
            // Check the whole default path before computing: dflt_t ∈ [0, pool_t], pool_t the opening pool.
            for (t, opening) in Waterfall.openingPools(pool: pool, sched: sched, defaults: dflt).enumerated() {
                let name = dflt.count == 1 ? "dflt" : "dflt[\(t)]"
                try dependent(dflt[t], .closed(0, opening), name, "[0, opening pool]", on: ["pool"],
                              otherwise: ModelError.parameterOutOfRange(
                                model: model, name: name, value: formatNumber(dflt[t], significantDigits: 15),
                                allowed: ParameterRange.closed(0, opening).description))
            }
        }
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("p", unit: "probability", default: "0.02", allowed: "[0.000001, 0.5]", "default probability of each lease over the horizon"),
        ParameterSpec("lgd", unit: "fraction", default: "0.6", allowed: "[0.01, 1]", "loss given default"),
        ParameterSpec("rho", unit: "correlation", default: "0.3", allowed: "[0, 0.999]", "asset correlation with the common factor"),
        ParameterSpec("tranches", unit: "fraction of pool", default: "[[0, 0.05], [0.05, 0.15], [0.15, 0.3], [0.3, 1]]",
                      allowed: "1–10 distinct pairs [a, d] with 0 ≤ a < d ≤ 1", "attachment and detachment of each tranche"),
        ParameterSpec("n", unit: "names", default: "100", allowed: "integer [1, 10000], n × paths ≤ 10^9", "number of leases in the finite pool"),
        ParameterSpec("paths", unit: "paths", default: "100000", allowed: "integer [1000, 10000000], n × paths ≤ 10^9", "Monte Carlo paths (chunks of 10 000)"),
        ParameterSpec("seed", unit: "", default: "20251021", allowed: "integer [0, 2^64 − 1]", "random seed of the Monte Carlo"),
        ParameterSpec("weights", unit: "share", default: "[] (equal)", allowed: "none or n values, each > 0", "per-lease exposure, normalised to sum to 1"),
        ParameterSpec("pds", unit: "probability", default: "[] (all p)", allowed: "none or n values, each in [0.000001, 0.5]", "per-lease default probability; replaces p (a p set beside pds must equal every value)"),
        ParameterSpec("pool", unit: "$", default: "100", allowed: "[1, 10000]", "waterfall: opening pool balance"),
        ParameterSpec("wac", unit: "/yr", default: "0.08", allowed: "[0, 0.25]", "waterfall: weighted average coupon of the pool"),
        ParameterSpec("fee", unit: "/yr", default: "0.005", allowed: "[0, 0.05]", "waterfall: senior fee on the pool"),
        ParameterSpec("classA", unit: "$", default: "70", allowed: "[0, pool], classA + classB ≤ pool", "waterfall: senior class A balance"),
        ParameterSpec("classB", unit: "$", default: "15", allowed: "[0, pool]", "waterfall: subordinate class B balance"),
        ParameterSpec("rateA", unit: "/yr", default: "0.05", allowed: "[0, 0.25]", "waterfall: class A coupon"),
        ParameterSpec("rateB", unit: "/yr", default: "0.07", allowed: "[0, 0.25]", "waterfall: class B coupon"),
        ParameterSpec("sched", unit: "$/period", default: "5", allowed: "[0, pool]", "waterfall: scheduled principal per period"),
        ParameterSpec("trigger", unit: "×", default: "1.25", allowed: "[1, 3]", "waterfall: OC_A below this diverts excess spread to class A"),
        ParameterSpec("dflt", unit: "$", default: "[10]", allowed: "1–30 values, each in [0, opening pool]", "waterfall: defaults of periods 1, 2, …"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "defaults: 100 leases, PD 2 %, LGD 60 %, correlation 0.3"),
        Scenario("calm", "low correlation (ρ = 0.1): defaults are close to independent", [.init("rho", .number(0.1))]),
        Scenario("stressed", "high correlation (ρ = 0.6): leases default together", [.init("rho", .number(0.6))]),
        Scenario("concentrated", "13 tenants shaped like Vantage 2025-1: top tenant 59.7 %, next four 6.275 % each, eight at 1.9 %",
                 [.init("n", .number(13)),
                  .init("weights", .list([.number(0.597)] + Array(repeating: .number(0.06275), count: 4)
                      + Array(repeating: .number(0.019), count: 8)))]),
    ]
}
