import Foundation

/// M10 `capexGap`: AI capex against the AI revenue needed to earn it back (Sequoia's arithmetic).
public enum CapexGap: SimulationModel {
    public static let name = "capexGap"
    public static let summary = "AI spending against the revenue it needs, and the gap between them"

    /// The base year of `revenue0`.
    public static let revenueBaseYear = 2024
    /// Morgan Stanley (Jul 2025): how 2025–28 data-centre capex is financed ($B).
    public static let financingLabels = ["private credit", "PE/sovereign", "corporate debt", "ABS/CMBS", "hyperscaler cash flow"]
    /// The amounts for `financingLabels` ($B).
    public static let financingAmounts = [800.0, 350, 200, 150, 1400]

    public struct Parameters: ModelParameters {
        public var capex = CapexPath.ubsRevised
        public var capexIsGPUOnly = false
        public var chipShare = 0.5
        public var grossMargin = 0.5
        public var revenue0 = 100.0
        public var revenueGrowth = 0.5

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = CapexGap.name
            switch name {
            case "capex": capex = try value.numbers(model: model, name: name)
            case "capexIsGPUOnly": capexIsGPUOnly = try value.bool(model: model, name: name)
            case "chipShare": chipShare = try value.number(model: model, name: name)
            case "grossMargin": grossMargin = try value.number(model: model, name: name)
            case "revenue0": revenue0 = try value.number(model: model, name: name)
            case "revenueGrowth": revenueGrowth = try value.number(model: model, name: name)
            default: throw .unknownParameter(model: model, name: name, known: CapexGap.parameters.map(\.name))
            }
        }

        public func validate() throws(ModelError) {
            let model = CapexGap.name
            guard capex.count == 6 else {
                throw .parameterOutOfRange(model: model, name: "capex", value: "\(capex.count) values",
                                           allowed: "exactly 6 values (2025…2030)")
            }
            try ParameterRange.closed(0, 100_000).check(capex, model: model, name: "capex")
            // At least 1 %: the required revenue divides by both, and a margin near 0 makes it overflow.
            try ParameterRange.closed(0.01, 1).check(chipShare, model: model, name: "chipShare")
            try ParameterRange.closed(0.01, 1).check(grossMargin, model: model, name: "grossMargin")
            try ParameterRange.closed(0, 100_000).check(revenue0, model: model, name: "revenue0")
            try ParameterRange.closed(-0.5, 5).check(revenueGrowth, model: model, name: "revenueGrowth")
        }
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("capex", unit: "$B/yr", default: "UBS revised: 423, 571, … 1300", allowed: "6 values (2025…2030), each in [0, 100000]", "AI capex path"),
        ParameterSpec("capexIsGPUOnly", unit: "", default: "false", allowed: "true or false", "capex counts only chips (then divided by chipShare)"),
        ParameterSpec("chipShare", unit: "fraction", default: "0.5", allowed: "[0.01, 1]", "chips' share of a data centre's total cost"),
        ParameterSpec("grossMargin", unit: "fraction", default: "0.5", allowed: "[0.01, 1]", "gross margin the end user needs"),
        ParameterSpec("revenue0", unit: "$B/yr", default: "100", allowed: "[0, 100000]", "AI revenue in 2024 (Sequoia's generous assumption)"),
        ParameterSpec("revenueGrowth", unit: "/yr", default: "0.5", allowed: "[-0.5, 5]", "annual growth of AI revenue"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "UBS revised capex (423, 571, … 1300), AI revenue growing 50 % a year"),
        Scenario("article", "the article's capex figures (375, 500, then the same growth)",
                 [.init("capex", .list(CapexPath.article.map { .number($0) }), shown: .parse("375, 500, …"))]),
        Scenario("slow", "AI revenue grows 25 % a year", [.init("revenueGrowth", .number(0.25))]),
        Scenario("fast", "AI revenue doubles every year", [.init("revenueGrowth", .number(1.0))]),
    ]

    /// Revenue needed to earn back one year's capex: capex × (GPU-only ? 1/chipShare : 1) / grossMargin.
    public static func requiredRevenue(capex: Double, _ p: Parameters) -> Double {
        capex * (p.capexIsGPUOnly ? 1 / p.chipShare : 1) / p.grossMargin
    }

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let years = p.capex.indices.map { Double(CapexPath.firstYear + $0) }
        let required = p.capex.map { requiredRevenue(capex: $0, p) }
        let revenue = years.map { p.revenue0 * pow(1 + p.revenueGrowth, $0 - Double(revenueBaseYear)) }
        // The gap is annual: revenue needed per year at Sequoia's ratios minus revenue. Summed over years it would
        // count each year's capex as earned back within that year and exceed the capex itself (audit §8.5), so no
        // cumulative gap is reported.
        let gap = zip(required, revenue).map { $0 - $1 }
        let series = [
            Series(name: "capex", unit: "$B/yr", xUnit: "year", x: years, y: p.capex),
            Series(name: "requiredRevenue", unit: "$B/yr", xUnit: "year", x: years, y: required),
            Series(name: "aiRevenue", unit: "$B/yr", xUnit: "year", x: years, y: revenue),
            Series(name: "gap", unit: "$B/yr", xUnit: "year", x: years, y: gap),
            Series(name: "financingMix", unit: "$B", labels: financingLabels, values: financingAmounts),
        ]
        var scalars = ["gapLastYear": gap.last!]
        if let index = gap.firstIndex(where: { $0 <= 0 }) { scalars["breakEvenYear"] = years[index] }
        let assumptions = "Revenue needed per year at Sequoia's ratios = that year's capex"
            + (p.capexIsGPUOnly ? " ÷ chip share \(formatNumber(p.chipShare))" : "")
            + " ÷ gross margin \(formatNumber(p.grossMargin)) (Sequoia's arithmetic); AI revenue starts at "
            + "$\(formatNumber(p.revenue0))B in 2024 and grows \(formatNumber(p.revenueGrowth * 100))% a year, a single "
            + "assumption that decides the break-even year. The gap is annual; it is not summed over years, because each "
            + "year's capex is paid back over several years, not one. Illustrative model, not a forecast."
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
    }
}
