import Foundation

/// M9 `displacement`: Endgame B, automation takes tasks from labour faster than new tasks give them back.
public enum Displacement: SimulationModel {
    public static let name = "displacement"
    public static let summary = "Task displacement: labour share, unemployment and wages when AI automates tasks"

    public struct Parameters: ModelParameters {
        public var alpha0 = 0.40
        public var alphaMax = 0.55
        public var k = 0.5
        public var t0 = 10.0
        public var rN = 0.0035
        public var c = 0.143
        public var g = 0.015
        public var uStar = 0.04
        public var tau = 2.0
        public var horizon = 30
        /// The parameters set by name: a default that another of them made invalid (`alphaMax` below a given `alpha0`)
        /// is reported at the one that was set.
        public var given: Set<String> = []

        public init() {}

        public mutating func set(_ name: String, to value: ParameterValue) throws(ModelError) {
            let model = Displacement.name
            given.insert(name)
            switch name {
            case "alpha0": alpha0 = try value.number(model: model, name: name)
            case "alphaMax": alphaMax = try value.number(model: model, name: name)
            case "k": k = try value.number(model: model, name: name)
            case "t0": t0 = try value.number(model: model, name: name)
            case "rN": rN = try value.number(model: model, name: name)
            case "c": c = try value.number(model: model, name: name)
            case "g": g = try value.number(model: model, name: name)
            case "uStar": uStar = try value.number(model: model, name: name)
            case "tau": tau = try value.number(model: model, name: name)
            case "horizon":
                let number = try value.number(model: model, name: name)
                guard number.isFinite, number.rounded() == number, abs(number) < 1e15 else {
                    try ParameterRange.integers(5, 100).check(number, model: model, name: name)
                    return
                }
                horizon = Int(number)
            default: throw .unknownParameter(model: model, name: name, known: Displacement.parameters.map(\.name))
            }
        }

        public func validate() throws(ModelError) {
            let model = Displacement.name
            try ParameterRange.closed(0, 0.95).check(alpha0, model: model, name: "alpha0")
            try checkDependentDefault(alphaMax, .closed(alpha0, 0.99), model: model, name: "alphaMax", rangeText: "[alpha0, 0.99]",
                                      given: given, setters: [("alpha0", alpha0)])
            try ParameterRange.closed(0.01, 5).check(k, model: model, name: "k")
            try ParameterRange.closed(0, 100).check(t0, model: model, name: "t0")
            try ParameterRange.closed(0, 0.05).check(rN, model: model, name: "rN")
            try ParameterRange.closed(0, 2).check(c, model: model, name: "c")
            try ParameterRange.closed(-0.05, 0.1).check(g, model: model, name: "g")
            try ParameterRange.closed(0, 0.5).check(uStar, model: model, name: "uStar")
            try ParameterRange.closed(1, 20).check(tau, model: model, name: "tau")
            try ParameterRange.integers(5, 100).check(Double(horizon), model: model, name: "horizon")
        }
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("alpha0", unit: "fraction", default: "0.4", allowed: "[0, 0.95]", "share of tasks automated today (labour share 0.6)"),
        ParameterSpec("alphaMax", unit: "fraction", default: "0.55", allowed: "[alpha0, 0.99]", "share of tasks automated once AI adoption saturates"),
        ParameterSpec("k", unit: "/yr", default: "0.5", allowed: "[0.01, 5]", "steepness of the adoption S-curve"),
        ParameterSpec("t0", unit: "years", default: "10", allowed: "[0, 100]", "midpoint of the adoption S-curve"),
        ParameterSpec("rN", unit: "/yr", default: "0.0035", allowed: "[0, 0.05]", "new tasks created for labour per year"),
        ParameterSpec("c", unit: "1", default: "0.143", allowed: "[0, 2]", "output gain per unit of automated share (Acemoglu: 0.66 %/4.6 %)"),
        ParameterSpec("g", unit: "/yr", default: "0.015", allowed: "[-0.05, 0.1]", "trend output growth"),
        ParameterSpec("uStar", unit: "fraction", default: "0.04", allowed: "[0, 0.5]", "natural unemployment rate"),
        ParameterSpec("tau", unit: "years", default: "2", allowed: "[1, 20]", "years for the displaced to find new work (excess unemployment falls by 1/τ a year)"),
        ParameterSpec("horizon", unit: "years", default: "30", allowed: "[5, 100] (integer)", "number of annual steps"),
    ]

    public static let scenarios: [Scenario] = [
        Scenario("base", "defaults: automated share 0.40 → 0.55, new tasks 0.35 % a year"),
        Scenario("benign", "Acemoglu-sized automation (α_max 0.446) and more new tasks (r_N 0.004)",
                 [.init("alphaMax", .number(0.446)), .init("rN", .number(0.004))]),
        Scenario("severe", "the \"success\" endgame: α_max 0.80, fast adoption (k 0.8), few new tasks (r_N 0.001)",
                 [.init("alphaMax", .number(0.80)), .init("k", .number(0.8)), .init("rN", .number(0.001))]),
    ]

    static func logistic(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    public static func run(_ p: Parameters) throws(ModelError) -> ModelOutput {
        let start = logistic(-p.k * p.t0)
        let years = (0...p.horizon).map(Double.init)
        var automated: [Double] = [], newTasks: [Double] = [], laborShare: [Double] = [], displaced: [Double] = []
        var unemployment: [Double] = [], output: [Double] = [], wageBill: [Double] = [], wage: [Double] = []
        for t in years {
            let alpha = p.alpha0 + (p.alphaMax - p.alpha0) * (logistic(p.k * (t - p.t0)) - start) / (1 - start)
            let nu = p.rN * t
            let share = (1 - alpha + nu) / (1 + nu)
            var flow = 0.0, u = p.uStar
            if let previousShare = laborShare.last, let previousU = unemployment.last {
                flow = max(0, 1 - share / previousShare) * (1 - previousU)
                u = previousU + flow - max(0, previousU - p.uStar) / p.tau
            }
            let y = pow(1 + p.g, t) * exp(p.c * (alpha - p.alpha0))
            automated.append(alpha); newTasks.append(nu); laborShare.append(share); displaced.append(flow)
            unemployment.append(u); output.append(y); wageBill.append(share * y)
            wage.append(share * y / (1 - u))
        }
        let wage0 = wage[0]
        let series = [
            Series(name: "automatedShare", unit: "fraction", xUnit: "years", x: years, y: automated),
            Series(name: "newTaskMass", unit: "fraction", xUnit: "years", x: years, y: newTasks),
            Series(name: "laborShare", unit: "fraction", xUnit: "years", x: years, y: laborShare),
            Series(name: "displacedFlow", unit: "fraction", xUnit: "years", x: years, y: displaced),
            Series(name: "unemployment", unit: "fraction", xUnit: "years", x: years, y: unemployment),
            Series(name: "output", unit: "index (year 0 = 1)", xUnit: "years", x: years, y: output),
            Series(name: "wageBill", unit: "index (output × labour share)", xUnit: "years", x: years, y: wageBill),
            Series(name: "wagePerWorker", unit: "index (year 0 = 1)", xUnit: "years", x: years, y: wage.map { $0 / wage0 }),
        ]
        let scalars = ["maxUnemployment": unemployment.max()!, "finalLaborShare": laborShare.last!,
                       "finalWageIndex": wage.last! / wage0]
        let assumptions = "Task model with σ = 1 (labour share = share of tasks done by labour): the automated share rises "
            + "on an S-curve from \(formatNumber(p.alpha0)) to \(formatNumber(p.alphaMax)) (midpoint year "
            + "\(formatNumber(p.t0))); new tasks add \(formatNumber(p.rN * 100))% a year; displaced workers find new work "
            + "at 1/\(formatNumber(p.tau)) of the excess a year. Every fall in the labour share is assumed to become "
            + "job losses (unemployment absorbs it); it could equally show up as lower wages at the same employment. "
            + "Illustrative model, not a forecast."
        return ModelOutput(model: name, scenario: "base", series: series, scalars: scalars, assumptions: assumptions)
    }
}
