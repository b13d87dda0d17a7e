extension FireSale {
    /// Balance sheets, portfolio weights, the shock and the cascade's behaviour; defaults are MODELS.md's stylised 2028 system.
    public struct Parameters: ModelParameters {
        public var holders = ["hedge funds", "insurers", "pension funds", "private-credit funds"]
        public var assetNames = ["AI equities", "DC debt senior", "DC debt junior", "other bonds"]
        public var assets = [600.0, 1000, 800, 400]
        public var equity = [150.0, 100, 800, 200]
        public var weights: [[Double]] = [
            [0.35, 0.05, 0.10, 0.50],
            [0.05, 0.20, 0.03, 0.72],
            [0.30, 0.10, 0.02, 0.58],
            [0, 0.20, 0.40, 0.40],
        ]
        public var shock = [-0.30, -0.03, -0.10, 0]
        /// ℓ_k, return per $B sold; one value applies to every asset.
        public var illiquidity = [1e-4, 1e-3, 3e-3, 2e-5]
        /// θ_n, deleveraging intensity; one value applies to every holder.
        public var theta = [1.0, 0.1, 0, 1]
        /// σ_n, the fraction of a downgraded asset a holder must sell; one value applies to every holder.
        public var sigma = [0, 0.5, 0.5, 0]
        /// δ_k, the price fall that triggers a downgrade; nil means `never`. One value applies to every asset.
        public var delta: [Double?] = [nil, 0.10, 0.20, nil]
        public var maxRounds = 1000
        /// The parameters set by name: a default list that no longer fits the number of holders or assets the writer
        /// gave is reported at `holders` or `assetNames`.
        public var given: Set<String> = []

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = FireSale.name
            switch name {
            case "holders": holders = try value.texts(model: model, name: name)
            case "assetNames": assetNames = try value.texts(model: model, name: name)
            case "assets": assets = try value.numbers(model: model, name: name)
            case "equity": equity = try value.numbers(model: model, name: name)
            case "weights": weights = try value.matrix(model: model, name: name)
            case "shock": shock = try value.numbers(model: model, name: name)
            case "illiquidity": illiquidity = try value.numbers(model: model, name: name)
            case "theta": theta = try value.numbers(model: model, name: name)
            case "sigma": sigma = try value.numbers(model: model, name: name)
            case "delta": delta = try Self.thresholds(value)
            case "maxRounds": maxRounds = try value.integer(model: model, name: name)
            default: throw .unknownParameter(model: model, name: name, known: FireSale.parameters.map(\.name))
            }
            given.insert(name)
        }

        /// The lists left at their defaults that no longer have one entry per holder (or per asset), reported at
        /// `holders` (`assetNames`) when the writer set it: "with 2 holders, also give theta and sigma".
        func checkDefaultsFit() throws(ModelError) {
            let n = holders.count, k = assetNames.count
            let perHolder: [(String, Int, Bool)] = [("assets", assets.count, false), ("equity", equity.count, false),
                                                    ("weights", weights.count, false), ("theta", theta.count, true),
                                                    ("sigma", sigma.count, true)]
            let perAsset: [(String, Int, Bool)] = [("shock", shock.count, false), ("illiquidity", illiquidity.count, true),
                                                   ("delta", delta.count, true)]
            for (setter, count, lists, item) in [("holders", n, perHolder, "holder"), ("assetNames", k, perAsset, "asset")]
            where given.contains(setter) {
                let stale = lists.filter { name, length, broadcast in
                    !given.contains(name) && length != count && !(broadcast && length == 1)
                }
                    + (setter == "assetNames" && !given.contains("weights") && weights.contains { $0.count != k }
                        ? [("weights", weights.first?.count ?? 0, false)] : [])
                guard let first = stale.first else { continue }
                let names = stale.map(\.0)
                let listed = names.count == 1 ? names[0]
                    : names.dropLast().joined(separator: ", ") + " and " + names.last!
                throw .parameterOutOfRange(
                    model: FireSale.name, name: setter, value: "\(count) \(item == "holder" ? "holders" : "assets")",
                    allowed: "\(first.1) \(item)s while \(listed) keep\(names.count == 1 ? "s its default" : " their defaults") "
                        + "(one entry per default \(item))",
                    hint: "with \(count) \(item)\(count == 1 ? "" : "s"), also give \(listed) ("
                        + (names == ["weights"] ? "one row per holder, one column per asset"
                           : "one value per \(item)" + (stale.allSatisfy(\.2) ? ", or one for all" : "")) + ")")
            }
        }

        /// Numbers or the word `never`, alone or in a list.
        static func thresholds(_ value: ParameterValue) throws(ModelError) -> [Double?] {
            func one(_ item: ParameterValue) throws(ModelError) -> Double? {
                switch item {
                case let .number(number): return number
                case let .integer(number): return Double(number)
                case let .text(word) where word.lowercased() == "never": return nil
                default: throw .wrongType(model: FireSale.name, name: "delta", expected: "a list of numbers or the word never")
                }
            }
            guard case let .list(items) = value else { return [try one(value)] }
            var out: [Double?] = []
            for item in items { out.append(try one(item)) }
            return out
        }

        public func validate() throws(ModelError) {
            let model = FireSale.name
            try Self.checkNames(holders, name: "holders")
            try Self.checkNames(assetNames, name: "assetNames")
            try checkDefaultsFit()
            let n = holders.count, k = assetNames.count
            try Self.checkCount(assets.count, n, name: "assets", per: "holder")
            try Self.checkCount(equity.count, n, name: "equity", per: "holder")
            try ParameterRange.closed(0, 100_000).check(assets, model: model, name: "assets")
            try ParameterRange.closed(0, 100_000).check(equity, model: model, name: "equity")
            for h in 0..<n {
                let label = n == 1 ? "equity" : "equity[\(h)]"
                guard equity[h] <= assets[h] else {
                    throw .parameterOutOfRange(model: model, name: label, value: formatNumber(equity[h], significantDigits: 15),
                                               allowed: "[0, \(formatNumber(assets[h], significantDigits: 15))] (equity ≤ assets)")
                }
                if assets[h] > 0 && equity[h] < assets[h] * 1e-6 {
                    throw .parameterOutOfRange(model: model, name: label, value: formatNumber(equity[h], significantDigits: 15),
                                               allowed: "[\(formatNumber(assets[h] * 1e-6, significantDigits: 15)), "
                                                + "\(formatNumber(assets[h], significantDigits: 15))] "
                                                + "(a holder with assets needs equity ≥ assets/1,000,000, a leverage of at most 10^6)")
                }
            }
            // Rows, then each row's length: a ragged matrix names the row that is short or long (audit 8).
            try checkMatrixShape(weights, model: model, name: "weights", rows: n, rowsAre: " (one per holder), each of \(k) values (one per asset)",
                                 columns: k) { _ in " (one per asset: " + assetNames.joined(separator: ", ") + ")" }
            for (h, row) in weights.enumerated() {
                var sum = 0.0
                for (a, weight) in row.enumerated() {
                    try ParameterRange.closed(0, 1).check(weight, model: model, name: "weights[\(h)][\(a)]")
                    sum += weight
                }
                guard abs(sum - 1) <= 1e-9 else {
                    throw .parameterOutOfRange(model: model, name: "weights[\(h)]", value: formatNumber(sum, significantDigits: 15),
                                               allowed: "a row sum of 1 (tolerance 1e-9)")
                }
            }
            try Self.checkCount(shock.count, k, name: "shock", per: "asset")
            try ParameterRange.closed(-1, 0).check(shock, model: model, name: "shock")
            try Self.checkCount(illiquidity.count, k, name: "illiquidity", per: "asset", broadcast: true)
            try ParameterRange.closed(0, 1).check(illiquidity, model: model, name: "illiquidity")
            try Self.checkCount(theta.count, n, name: "theta", per: "holder", broadcast: true)
            try ParameterRange.closed(0, 1).check(theta, model: model, name: "theta")
            try Self.checkCount(sigma.count, n, name: "sigma", per: "holder", broadcast: true)
            try ParameterRange.closed(0, 1).check(sigma, model: model, name: "sigma")
            try Self.checkCount(delta.count, k, name: "delta", per: "asset", broadcast: true)
            for (a, threshold) in delta.enumerated() {
                guard let threshold else { continue }
                try ParameterRange(lower: 0, upper: 1, lowerOpen: true)
                    .check(threshold, model: model, name: delta.count == 1 ? "delta" : "delta[\(a)]")
            }
            try ParameterRange.integers(1, 100_000).check(Double(maxRounds), model: model, name: "maxRounds")
        }

        static func checkNames(_ names: [String], name: String) throws(ModelError) {
            let model = FireSale.name
            guard (1...12).contains(names.count) else {
                throw .parameterOutOfRange(model: model, name: name, value: "\(names.count) values", allowed: "1 to 12 values")
            }
            var seen: Set<String> = []
            for label in names {
                guard !label.trimmingSpaces().isEmpty else {
                    throw .parameterOutOfRange(model: model, name: name, value: "''", allowed: "non-empty names")
                }
                guard seen.insert(FireSale.key(label)).inserted else {
                    throw .parameterOutOfRange(model: model, name: name, value: "'\(label)' twice", allowed: "distinct names")
                }
            }
        }

        static func checkCount(_ count: Int, _ wanted: Int, name: String, per item: String,
                               broadcast: Bool = false) throws(ModelError) {
            guard count != wanted, !(broadcast && count == 1) else { return }
            throw .parameterOutOfRange(model: FireSale.name, name: name, value: "\(count) values",
                                       allowed: "\(wanted) values (one per \(item))" + (broadcast ? " or 1 value for all" : ""))
        }

        /// A per-holder or per-asset list, a single value repeated for every item.
        static func expand<T>(_ values: [T], to count: Int) -> [T] {
            values.count == 1 && count != 1 ? Array(repeating: values[0], count: count) : values
        }
    }
}
