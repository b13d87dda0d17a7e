import Foundation

/// M4 `gpuCollateral`: chip collateral value (book straight-line and market-like decay) against a loan balance.
public enum GPUCollateral: SimulationModel {
    public static let name = "gpuCollateral"
    public static let summary = "GPU collateral value under book and market decay against an amortising loan"

    public struct Parameters: ModelParameters {
        public var cost = 100.0
        public var debt0 = 80.0
        public var debtTerm = 6.0
        public var bookLives = [3.0, 4.0, 5.5, 6.0]
        public var halfLife = 2.0
        public var haircut = 0.2
        public var horizon = 6.0
        public var gapLives = [3.0, 6.0]
        /// The parameters set by name: a default `debt0` that a `cost` the writer set no longer allows is reported at
        /// `cost`.
        public var given: Set<String> = []

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = GPUCollateral.name
            switch name {
            case "cost": cost = try value.number(model: model, name: name)
            case "debt0": debt0 = try value.number(model: model, name: name)
            case "debtTerm": debtTerm = try value.number(model: model, name: name)
            case "bookLives": bookLives = try value.numbers(model: model, name: name)
            case "halfLife": halfLife = try value.number(model: model, name: name)
            case "haircut": haircut = try value.number(model: model, name: name)
            case "horizon": horizon = try value.number(model: model, name: name)
            case "gapLives": gapLives = try value.numbers(model: model, name: name)
            default: throw .unknownParameter(model: model, name: name, known: GPUCollateral.parameters.map(\.name))
            }
            given.insert(name)
        }

        public func validate() throws(ModelError) {
            let model = GPUCollateral.name
            try ParameterRange.closed(0.01, 10_000).check(cost, model: model, name: "cost")
            try checkDependentDefault(debt0, .closed(0, cost * 2), model: model, name: "debt0", rangeText: "[0, 2 × cost]",
                                      given: given, setters: [("cost", cost)])
            try ParameterRange.closed(0.5, 40).check(debtTerm, model: model, name: "debtTerm")
            guard (1...8).contains(bookLives.count) else {
                throw .parameterOutOfRange(model: model, name: "bookLives", value: "\(bookLives.count) values",
                                           allowed: "1 to 8 values")
            }
            try ParameterRange.closed(1, 30).check(bookLives, model: model, name: "bookLives")
            // Each life names its series (value.sl.T5.5): a life given twice would draw two lines of one name.
            for (index, life) in bookLives.enumerated() {
                let label = formatNumber(life, significantDigits: 15)
                if let earlier = bookLives[..<index].firstIndex(where: { formatNumber($0, significantDigits: 15) == label }) {
                    throw .parameterOutOfRange(model: model, name: "bookLives[\(index)]", value: label,
                                               allowed: "lives that differ from one another (bookLives[\(earlier)] is \(label) too)",
                                               hint: "list each life once")
                }
            }
            try ParameterRange.closed(0.25, 20).check(halfLife, model: model, name: "halfLife")
            try ParameterRange.closed(0, 1).check(haircut, model: model, name: "haircut")
            try ParameterRange.closed(1, 40).check(horizon, model: model, name: "horizon")
            guard gapLives.count == 2 else {
                throw .parameterOutOfRange(model: model, name: "gapLives", value: "\(gapLives.count) values",
                                           allowed: "exactly 2 values (short, long)")
            }
            try ParameterRange.closed(1, 30).check(gapLives, model: model, name: "gapLives")
            // The gap is short life minus long life: reversed, it would print a negative "depreciation gap".
            guard gapLives[0] < gapLives[1] else {
                throw .parameterOutOfRange(
                    model: model, name: "gapLives",
                    value: "[" + gapLives.map { formatNumber($0, significantDigits: 15) }.joined(separator: ", ") + "]",
                    allowed: "[short, long] with short < long",
                    hint: "write the shorter life first: [" + gapLives.sorted().map { formatNumber($0, significantDigits: 15) }
                        .joined(separator: ", ") + "]" + (gapLives[0] == gapLives[1] ? ", two different lives" : ""))
            }
        }
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("cost", unit: "$B", default: "100", allowed: "[0.01, 10000]", "purchase cost of the chips (100 = index)"),
        ParameterSpec("debt0", unit: "$B", default: "80", allowed: "[0, 2 × cost]", "loan taken against the chips"),
        ParameterSpec("debtTerm", unit: "years", default: "6", allowed: "[0.5, 40]", "straight-line amortisation term of the loan"),
        ParameterSpec("bookLives", unit: "years", default: "[3, 4, 5.5, 6]", allowed: "1–8 distinct values, each in [1, 30]", "accounting useful lives (straight-line)"),
        ParameterSpec("halfLife", unit: "years", default: "2", allowed: "[0.25, 20]", "market value halves every halfLife years"),
        ParameterSpec("haircut", unit: "fraction", default: "0.2", allowed: "[0, 1]", "fire-sale discount when the lender sells"),
        ParameterSpec("horizon", unit: "years", default: "6", allowed: "[1, 40]", "length of the monthly grid"),
        ParameterSpec("gapLives", unit: "years", default: "[3, 6]", allowed: "2 values, each in [1, 30], short < long", "short and long lives for the depreciation gap"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "defaults: loan of 80 on chips costing 100, six-year loan, half-life 2 years"),
        Scenario("accounting", "the lives companies book: 5.5 and 6 years", [.init("bookLives", .list([.number(5.5), .number(6)]))]),
        Scenario("burry", "Burry's view: 3-year life, value halves every 1.5 years",
                 [.init("bookLives", .list([.number(3)])), .init("halfLife", .number(1.5))]),
        Scenario("xai", "xAI-style SPV: $20B of chips, $12.5B of debt over 5 years, half-life 1.5 years",
                 [.init("cost", .number(20)), .init("debt0", .number(12.5)), .init("debtTerm", .number(5)),
                  .init("halfLife", .number(1.5))]),
    ]

    /// The highest loan-to-value an `ltv.*` series shows: above it a value is missing (`maxLTV.*` keeps the true maximum).
    public static let ltvCeiling = 10.0

    /// The share of data-centre capex that is hardware (Morgan Stanley: $1.6T of $2.9T).
    public static let hardwareShare = 1.6 / 2.9

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let steps = Int((p.horizon * 12 + 1e-9).rounded(.down))
        var times = (0...steps).map { Double($0) / 12 }
        if times.last! < p.horizon - 1e-9 { times.append(p.horizon) }

        let debt: (Double) -> Double = { t in p.debt0 * max(0, 1 - t / p.debtTerm) }
        var curves: [(suffix: String, value: (Double) -> Double)] = p.bookLives.map { life in
            ("sl.T" + formatNumber(life, significantDigits: 15), { t in p.cost * max(0, 1 - t / life) })
        }
        curves.append(("exp", { t in p.cost * pow(2, -t / p.halfLife) }))

        var series = [Series(name: "debt", unit: "$B", xUnit: "years", x: times, y: times.map(debt))]
        var scalars: [String: Double] = [:]
        var ltvCut: [String] = []
        for curve in curves {
            let values = times.map(curve.value)
            let debts = times.map(debt)
            // A fully depreciated book value is an accounting zero, not a resale value of 0: chips still fetch their
            // market value then, so book lines carry no LTV or recovery past their life (audit §8.6). The LTV and
            // recovery series stop where the value reaches 0 while debt remains.
            let shown = times.indices.filter { values[$0] > 0 || debts[$0] == 0 }
            let ltv = shown.map { debts[$0] == 0 ? 0 : debts[$0] / values[$0] }
            let recovery = shown.map { debts[$0] == 0 ? 1 : min(1, (1 - p.haircut) * values[$0] / debts[$0]) }
            // Past 10× the collateral is worth under a tenth of the loan, and fast decay over a long horizon takes the
            // ratio to 10^45 (audit 8): above its ceiling the LTV is a missing value (the line breaks there, the table
            // and the CSV leave the cell empty) rather than stretching the axis past reading.
            let ltvShown = ltv.map { $0 <= ltvCeiling ? $0 : .nan }
            series.append(Series(name: "value.\(curve.suffix)", unit: "$B", xUnit: "years", x: times, y: values))
            series.append(Series(name: "ltv.\(curve.suffix)", unit: "×", xUnit: "years", x: shown.map { times[$0] }, y: ltvShown))
            series.append(Series(name: "recovery.\(curve.suffix)", unit: "fraction", xUnit: "years",
                                 x: shown.map { times[$0] }, y: recovery))
            let gap: (Double) -> Double = { t in curve.value(t) - debt(t) }
            if let crossing = firstCrossing(times: scanTimes(times, curve: curve.suffix, gap: gap, p), gap: gap) {
                scalars["crossing.\(curve.suffix)"] = crossing.start
                if let exit = crossing.exit { scalars["exit.\(curve.suffix)"] = exit }
            }
            scalars["maxLTV.\(curve.suffix)"] = ltv.max() ?? 0
            if ltvShown.contains(where: \.isNaN) { ltvCut.append(curve.suffix) }
        }

        let (years, shortDep, longDep) = depreciation(capex: CapexPath.ubsRevised, lives: (p.gapLives[0], p.gapLives[1]))
        let labelShort = formatNumber(p.gapLives[0], significantDigits: 15)
        let labelLong = formatNumber(p.gapLives[1], significantDigits: 15)
        series.append(Series(name: "depreciation.T\(labelShort)", unit: "$B/yr", xUnit: "year", x: years, y: shortDep))
        series.append(Series(name: "depreciation.T\(labelLong)", unit: "$B/yr", xUnit: "year", x: years, y: longDep))
        let gap = zip(shortDep, longDep).map { hardwareShare * ($0 - $1) }
        series.append(Series(name: "depreciationGap", unit: "$B/yr", xUnit: "year", x: years, y: gap))

        let assumptions = "Chips cost \(formatNumber(p.cost)) ($B); a loan of \(formatNumber(p.debt0)) is repaid in equal "
            + "instalments over \(formatNumber(p.debtTerm)) years. Book value falls in a straight line over lives of "
            + p.bookLives.map { formatNumber($0) }.joined(separator: ", ") + " years; market value halves every "
            + "\(formatNumber(p.halfLife)) years; a forced sale fetches \(formatNumber((1 - p.haircut) * 100))% of value. "
            + "Straight-line lines are book value (accounting), not resale value: lenders recover market value, so those "
            + "lines carry no loan-to-value or recovery once the chips are fully depreciated."
            + (ltvCut.isEmpty ? "" : " The loan-to-value line breaks where it passes \(formatNumber(ltvCeiling))× "
                + "(collateral worth under a tenth of the loan).")
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
    }

    /// The times at which a crossing is looked for: the monthly grid, plus the points where the collateral can be
    /// furthest below the debt between two months, so that a dip shorter than a month is not stepped over (audit 12 N6).
    /// A straight line and the debt are straight between their kinks (the line's life, the loan's term), so their gap is
    /// least at a kink or a grid point; market value minus the debt is convex while the loan runs, so its least point
    /// there is found by ternary search.
    static func scanTimes(_ times: [Double], curve: String, gap: (Double) -> Double, _ p: Parameters) -> [Double] {
        let end = times.last!
        var extra = [p.debtTerm] + p.bookLives
        if curve == "exp" {
            var (low, high) = (0.0, min(p.debtTerm, end))
            for _ in 0..<100 {
                let (a, b) = (low + (high - low) / 3, high - (high - low) / 3)
                if gap(a) < gap(b) { high = b } else { low = a }
            }
            extra.append((low + high) / 2)
        }
        return Array(Set(times + extra.filter { $0 > 0 && $0 < end })).sorted()
    }

    /// First time collateral falls below debt (scan of `times`, then 60 bisection steps), and when it recovers.
    static func firstCrossing(times: [Double], gap: (Double) -> Double) -> (start: Double, exit: Double?)? {
        if gap(times[0]) < 0 { return (0, exitTime(after: 0, times: times, gap: gap)) }
        guard let index = times.indices.first(where: { gap(times[$0]) < 0 }) else { return nil }
        let start = bisect(from: times[index - 1], to: times[index], gap: gap, lowIsBelow: false)
        return (start, exitTime(after: index, times: times, gap: gap))
    }

    static func exitTime(after index: Int, times: [Double], gap: (Double) -> Double) -> Double? {
        guard let back = times.indices.first(where: { $0 > index && gap(times[$0]) >= 0 }) else { return nil }
        return bisect(from: times[back - 1], to: times[back], gap: gap, lowIsBelow: true)
    }

    /// Bisects between a point on one side of the sign change and a point on the other; returns the far end.
    static func bisect(from low: Double, to high: Double, gap: (Double) -> Double, lowIsBelow: Bool) -> Double {
        var lo = low, hi = high
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if (gap(mid) < 0) == lowIsBelow { lo = mid } else { hi = mid }
        }
        return hi
    }

    /// Straight-line, full-year convention depreciation of a capex stream under two lives.
    static func depreciation(capex: [Double], lives: (Double, Double)) -> (years: [Double], short: [Double], long: [Double]) {
        let lastYear = CapexPath.firstYear + capex.count - 1 + Int(max(lives.0, lives.1).rounded(.up))
        let years = Array(CapexPath.firstYear...lastYear)
        func schedule(_ life: Double) -> [Double] {
            var out = [Double](repeating: 0, count: years.count)
            let whole = Int(life.rounded(.down))
            for (vintage, amount) in capex.enumerated() {
                for offset in 0..<whole where vintage + offset < out.count { out[vintage + offset] += amount / life }
                let remainder = amount * (life - Double(whole)) / life
                if remainder > 0, vintage + whole < out.count { out[vintage + whole] += remainder }
            }
            return out
        }
        return (years.map(Double.init), schedule(lives.0), schedule(lives.1))
    }
}
