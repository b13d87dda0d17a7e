extension LeaseSPV {
    /// M2 inputs with the defaults of MODELS.md (Meta Hyperion / Beignet Investor LLC, plus labelled assumptions).
    public struct Parameters: ModelParameters {
        public var debt0 = 27.3
        public var coupon = 0.0658
        public var startYear = 2025.0
        public var maturityYear = 2049.0
        public var equity0 = 2.5
        public var assetValue0 = 27.0
        public var assetDecay = 0.04
        public var rentCover = 1.10
        public var initialTerm = 4.0
        public var renewProb = 0.90
        public var rvgYears = 16.0
        public var rvgCapFrac = 0.5
        public var saleHaircut = 0.5
        public var walkAwayYear = 4.0
        /// The parameters set by name (a chart's `params:`, a scenario): a default that another of them made invalid is
        /// reported at the one that was set.
        public var given: Set<String> = []

        public init() {}

        /// The number of annual periods T = maturityYear − startYear (valid after `validate()`).
        public var periods: Int { Int(maturityYear - startYear) }

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = LeaseSPV.name
            // An unknown name is said as such before its value is read ('3' in `{debt0: 27,3}` is a name, not a number).
            guard LeaseSPV.parameters.contains(where: { $0.name == name }) else {
                throw .unknownParameter(model: model, name: name, known: LeaseSPV.parameters.map(\.name))
            }
            let number = try value.number(model: model, name: name)
            switch name {
            case "debt0": debt0 = number
            case "coupon": coupon = number
            case "startYear": startYear = number
            case "maturityYear": maturityYear = number
            case "equity0": equity0 = number
            case "assetValue0": assetValue0 = number
            case "assetDecay": assetDecay = number
            case "rentCover": rentCover = number
            case "initialTerm": initialTerm = number
            case "renewProb": renewProb = number
            case "rvgYears": rvgYears = number
            case "rvgCapFrac": rvgCapFrac = number
            case "saleHaircut": saleHaircut = number
            case "walkAwayYear": walkAwayYear = number
            default: throw .unknownParameter(model: model, name: name, known: LeaseSPV.parameters.map(\.name))
            }
            given.insert(name)
        }

        /// Checks a parameter whose range depends on others. When it keeps its default and a parameter the writer set
        /// made that default invalid (a shorter bond for the default 4-year initial term), the error names the one set.
        func checkDependent(_ value: Double, _ range: ParameterRange, name: String, rangeText: String,
                            dependsOn: [String], otherwise: ModelError? = nil) throws(ModelError) {
            let values = ["startYear": startYear, "maturityYear": maturityYear, "initialTerm": initialTerm]
            try checkDependentDefault(
                value, range, model: LeaseSPV.name, name: name, rangeText: rangeText, given: given,
                setters: dependsOn.map { ($0, values[$0] ?? .nan) },
                extraHint: name == "initialTerm" ? " (and walkAwayYear, within [initialTerm, T − 1])" : "",
                otherwise: otherwise)
        }

        public func validate() throws(ModelError) {
            let model = LeaseSPV.name
            try ParameterRange.closed(0.1, 1000).check(debt0, model: model, name: "debt0")
            try ParameterRange.closed(0, 0.25).check(coupon, model: model, name: "coupon")
            try ParameterRange.integers(1900, 2200).check(startYear, model: model, name: "startYear")
            try ParameterRange.integers(1900, 2300).check(maturityYear, model: model, name: "maturityYear")
            // The term T = maturityYear − startYear in [2, 60]: a startYear the writer set that leaves the default
            // maturityYear 2049 out of it is reported at startYear.
            try checkDependent(maturityYear, .integers(Int(startYear) + 2, Int(startYear) + 60), name: "maturityYear",
                               rangeText: "[startYear + 2, startYear + 60]", dependsOn: ["startYear"],
                               otherwise: .parameterOutOfRange(model: model, name: "maturityYear",
                                                               value: formatNumber(maturityYear, significantDigits: 15),
                                                               allowed: "maturityYear − startYear in [2, 60]"))
            let periods = Int(maturityYear - startYear)
            try ParameterRange.closed(0, 1000).check(equity0, model: model, name: "equity0")
            try ParameterRange.closed(0.1, 1000).check(assetValue0, model: model, name: "assetValue0")
            try ParameterRange.closed(0, 0.5).check(assetDecay, model: model, name: "assetDecay")
            try ParameterRange.closed(1, 3).check(rentCover, model: model, name: "rentCover")
            try checkDependent(initialTerm, .integers(1, periods - 1), name: "initialTerm", rangeText: "[1, T − 1]",
                               dependsOn: ["startYear", "maturityYear"])
            try ParameterRange.closed(0, 1).check(renewProb, model: model, name: "renewProb")
            try checkDependent(rvgYears, .integers(0, periods), name: "rvgYears", rangeText: "[0, T]",
                               dependsOn: ["startYear", "maturityYear"])
            try ParameterRange.closed(0, 1).check(rvgCapFrac, model: model, name: "rvgCapFrac")
            try ParameterRange.closed(0, 1).check(saleHaircut, model: model, name: "saleHaircut")
            try checkDependent(walkAwayYear, .integers(Int(initialTerm), periods - 1), name: "walkAwayYear",
                               rangeText: "[initialTerm, T − 1]", dependsOn: ["startYear", "maturityYear", "initialTerm"])
        }
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("debt0", unit: "$B", default: "27.3", allowed: "[0.1, 1000]", "bond issued by the SPV (Beignet Investor LLC)"),
        ParameterSpec("coupon", unit: "/yr", default: "0.0658", allowed: "[0, 0.25]", "bond yield at issue"),
        ParameterSpec("startYear", unit: "year", default: "2025", allowed: "integer [1900, 2200]", "year the bond is issued; rent starts in year 1"),
        ParameterSpec("maturityYear", unit: "year", default: "2049", allowed: "maturityYear − startYear in [2, 60]", "final maturity of the fully amortising bond"),
        ParameterSpec("equity0", unit: "$B", default: "2.5", allowed: "[0, 1000]", "equity in the SPV (Blue Owl funds 80 %, Meta 20 %)"),
        ParameterSpec("assetValue0", unit: "$B", default: "27", allowed: "[0.1, 1000]", "development cost of the campus"),
        ParameterSpec("assetDecay", unit: "/yr", default: "0.04", allowed: "[0, 0.5]", "assumption: yearly decay of the campus value"),
        ParameterSpec("rentCover", unit: "× debt service", default: "1.1", allowed: "[1, 3]", "assumption: rent as a multiple of debt service"),
        ParameterSpec("initialTerm", unit: "years", default: "4", allowed: "integer [1, T − 1]", "years the tenant must pay before its first walk-away option"),
        ParameterSpec("renewProb", unit: "per year", default: "0.9", allowed: "[0, 1]", "probability the tenant renews at each option date"),
        ParameterSpec("rvgYears", unit: "years", default: "16", allowed: "integer [0, T]", "years the residual value guarantee covers"),
        ParameterSpec("rvgCapFrac", unit: "× debt0", default: "0.5", allowed: "[0, 1]", "assumption: cap of the residual value guarantee"),
        ParameterSpec("saleHaircut", unit: "fraction", default: "0.5", allowed: "[0, 1]", "assumption: discount when selling an empty campus"),
        ParameterSpec("walkAwayYear", unit: "year index", default: "4", allowed: "integer [initialTerm, T − 1]", "the year of the illustrated walk-away path"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "defaults: $27.3B bond at 6.58 %, 4-year initial lease, 90 % renewal, RVG capped at half the bond for 16 years"),
        Scenario("benign", "tenant renews 97 % of the time, RVG covers the whole bond, empty campus sells at a 30 % discount",
                 [.init("renewProb", .number(0.97)), .init("rvgCapFrac", .number(1.0)), .init("saleHaircut", .number(0.3))]),
        Scenario("severe", "AI bust: renewal 70 %, RVG capped at a quarter of the bond, empty campus sells at a 70 % discount",
                 [.init("renewProb", .number(0.70)), .init("rvgCapFrac", .number(0.25)), .init("saleHaircut", .number(0.7))]),
        Scenario("walk-away", "base, with the tenant leaving after year 17, just after the RVG ends",
                 [.init("walkAwayYear", .number(17))]),
    ]
}
